package app_test

import (
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

func TestScaleMappings(t *testing.T) {
	rel := map[app.Reliability][2]string{
		app.ReliabilityA: {`admiralty-scale:source-reliability="a"`, "A - Completely reliable"},
		app.ReliabilityB: {`admiralty-scale:source-reliability="b"`, "B - Usually reliable"},
		app.ReliabilityF: {`admiralty-scale:source-reliability="f"`, "F - Reliability cannot be judged"},
		"":               {"", ""},
	}
	for r, want := range rel {
		if r.MISPTag() != want[0] || r.OpenCTI() != want[1] {
			t.Errorf("%q: MISP %q OpenCTI %q", r, r.MISPTag(), r.OpenCTI())
		}
		if r.Valid() {
			back, err := app.ParseOpenCTIReliability(r.OpenCTI())
			if err != nil || back != r {
				t.Errorf("OpenCTI round trip of %q: %q %v", r, back, err)
			}
		}
	}
	conf := map[app.Credibility]int{1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
	for c, want := range conf {
		if got, ok := c.STIXConfidence(); !ok || got != want {
			t.Errorf("STIX confidence of %d = %d, %v", c, got, ok)
		}
	}
	for _, c := range []app.Credibility{0, 6} {
		if _, ok := c.STIXConfidence(); ok {
			t.Errorf("credibility %d must omit STIX confidence", c)
		}
	}
	if app.Credibility2.MISPTag() != `admiralty-scale:information-credibility="2"` || app.CredibilityUngraded.MISPTag() != "" {
		t.Errorf("MISP credibility tag %q", app.Credibility2.MISPTag())
	}
	if _, err := app.ParseOpenCTIReliability("B - Probably fine"); err == nil {
		t.Error("accepted a wrong OpenCTI label")
	}
}

func TestOriginAndCorroboration(t *testing.T) {
	afp, spaceDaily, spokesman, blog := app.ID("afp"), app.ID("spacedaily"), app.ID("jocspokes"), app.ID("blog")
	relay := []app.ArticleSource{{SourceID: spaceDaily, Role: app.RolePublisher}, {SourceID: afp, Role: app.RoleOrigin}}
	samePiece := []app.ArticleSource{{SourceID: blog, Role: app.RolePublisher}, {SourceID: afp, Role: app.RoleOrigin}}
	own := []app.ArticleSource{{SourceID: blog, Role: app.RolePublisher}}
	tests := map[string]struct {
		claim   app.Claim
		sources []app.ArticleSource
		want    app.ID
	}{
		"relay speaks for its origin":       {app.Claim{}, relay, afp},
		"attribution beats the origin":      {app.Claim{AttributedTo: spokesman}, relay, spokesman},
		"no origin falls back to publisher": {app.Claim{}, own, blog},
		"no sources, no origin":             {app.Claim{}, nil, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := app.ClaimOrigin(tc.claim, tc.sources); got != tc.want {
				t.Fatalf("origin %q, want %q", got, tc.want)
			}
		})
	}
	// The same AFP dispatch on two sites and a spokesman quoted by AFP: two origins, not three.
	origins := []app.ID{
		app.ClaimOrigin(app.Claim{}, relay),
		app.ClaimOrigin(app.Claim{}, samePiece),
		app.ClaimOrigin(app.Claim{AttributedTo: spokesman}, relay),
		app.ClaimOrigin(app.Claim{}, nil),
	}
	if n := app.Corroboration(origins); n != 2 {
		t.Fatalf("corroboration %d, want 2 (relays never count twice, unknown origins not at all)", n)
	}
	g := app.ClaimGrade(app.Claim{Credibility: 2}, &app.Source{Reliability: app.ReliabilityB})
	if g.String() != "B2" || app.ClaimGrade(app.Claim{Credibility: 2}, nil).String() != "?2" {
		t.Fatalf("grades %q", g)
	}
}
