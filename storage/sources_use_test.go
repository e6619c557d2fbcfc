package storage_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

func TestSetArticleSources(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := mustSource(t, s, app.Source{Name: "AFP", Aliases: []string{"Agence France-Presse"}})
	a := article("Relay", "Husaybah (AFP) - The town fell on Friday.")
	a.Sources = []app.ArticleSource{{Name: "SpaceDaily", Role: app.RolePublisher, Evidence: app.Evidence{Basis: app.BasisMarkup}}}
	mustCreate(t, s, a)
	before, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}

	analyst := app.Evidence{Basis: app.BasisAnalyst, Detail: "checked the wire"}
	inText := app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 10, End: 13}, Detail: "dateline"}
	links := []app.ArticleSource{
		{Name: "agence  FRANCE-presse", Role: app.RoleOrigin, Evidence: inText, Confirmed: true},
		{Name: "Space Daily News", Role: app.RolePublisher, Evidence: analyst, Confirmed: true},
		{SourceID: afp.ID, Role: app.RoleOrigin}, // the same link again: kept once
		{Name: "Lina Haddad", Role: app.RoleTranslator},
	}
	if err := s.SetArticleSources(ctx, a.ID, links); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Sources) != 3 {
		t.Fatalf("links = %+v", got.Sources)
	}
	want := []app.ArticleSource{
		{SourceID: afp.ID, Name: "AFP", Role: app.RoleOrigin, Evidence: inText, Confirmed: true},
		{SourceID: got.Sources[1].SourceID, Name: "Space Daily News", Role: app.RolePublisher, Evidence: analyst, Confirmed: true},
		{SourceID: got.Sources[2].SourceID, Name: "Lina Haddad", Role: app.RoleTranslator},
	}
	if !reflect.DeepEqual(got.Sources, want) {
		t.Errorf("links =\n%+v\nwant\n%+v", got.Sources, want)
	}
	if got.Sources[1].SourceID == before.Sources[0].SourceID || !got.Sources[1].SourceID.Valid() {
		t.Errorf("a new name did not make a new source: %+v", got.Sources[1])
	}
	if !got.UpdatedAt.After(before.UpdatedAt) || got.Text != before.Text || got.Title != before.Title {
		t.Errorf("article after relinking: %+v", got)
	}

	refused := map[string]struct {
		article app.ID
		links   []app.ArticleSource
		code    app.Code
	}{
		"unknown role":      {a.ID, []app.ArticleSource{{Name: "X", Role: "author"}}, app.EInvalid},
		"no name, no id":    {a.ID, []app.ArticleSource{{Name: "  ", Role: app.RolePublisher}}, app.EInvalid},
		"malformed id":      {a.ID, []app.ArticleSource{{SourceID: "afp", Role: app.RolePublisher}}, app.EInvalid},
		"bad UTF-8 name":    {a.ID, []app.ArticleSource{{Name: "\xff", Role: app.RolePublisher}}, app.EInvalid},
		"unknown source id": {a.ID, []app.ArticleSource{{Name: "Brand New", Role: app.RolePublisher}, {SourceID: app.NewID(), Role: app.RoleOrigin}}, app.ENotFound},
		"unknown article":   {app.NewID(), []app.ArticleSource{{SourceID: afp.ID, Role: app.RoleOrigin}}, app.ENotFound},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			wantCode(t, s.SetArticleSources(ctx, tc.article, tc.links), tc.code)
		})
	}
	if again, err := s.Article(ctx, a.ID); err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("refused relinking changed the article: %+v, %v", again, err)
	}
	if _, err := s.ResolveSource(ctx, "Brand New"); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("a refused relinking left its new source behind: %v", err)
	}

	// No links at all: the article speaks for nobody.
	if err := s.SetArticleSources(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := s.ArticleByHash(ctx, a.TextHash)
	if err != nil || sum.Chain != "" || sum.OriginID != "" {
		t.Errorf("summary without links: %+v, %v", sum, err)
	}
}

func TestResolveSource(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := mustSource(t, s, app.Source{Name: "AFP", Aliases: []string{"Agence France-Presse"}, Reliability: app.ReliabilityB})
	reuters := mustSource(t, s, app.Source{Name: "Reuters"})

	found := map[string]app.ID{
		"full id":            afp.ID,
		"full id, uppercase": afp.ID,
		"short id":           reuters.ID,
		"name":               afp.ID,
		"name, any case":     reuters.ID,
		"alias, odd spacing": afp.ID,
	}
	refs := map[string]string{
		"full id":            string(afp.ID),
		"full id, uppercase": strings.ToUpper(string(afp.ID)),
		"short id":           " " + reuters.ID.Short() + " ",
		"name":               "AFP",
		"name, any case":     "REUTERS",
		"alias, odd spacing": "  agence   france-PRESSE",
	}
	for name, want := range found {
		t.Run(name, func(t *testing.T) {
			got, err := s.ResolveSource(ctx, refs[name])
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != want {
				t.Errorf("ResolveSource(%q) = %s, want %s", refs[name], got.ID, want)
			}
			if want == afp.ID && !reflect.DeepEqual(got, afp) {
				t.Errorf("ResolveSource(%q) = %+v, want the whole source %+v", refs[name], got, afp)
			}
		})
	}

	refused := map[string]struct {
		ref  string
		code app.Code
	}{
		"empty":                {"  ", app.EInvalid},
		"unknown name":         {"Al Mayadeen", app.ENotFound},
		"unknown id":           {string(app.NewID()), app.ENotFound},
		"fragment too short":   {string(afp.ID[:3]), app.ENotFound},
		"fragment of both ids": {string(afp.ID[:4]), app.EInvalid}, // both ids begin with the same time
		"bad UTF-8":            {"\xff", app.EInvalid},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			_, err := s.ResolveSource(ctx, tc.ref)
			wantCode(t, err, tc.code)
		})
	}
}

// The library's badge: an article carries its origin's grade, else its
// publisher's, and follows the source when it is graded again.
func TestArticlesReliabilityFollowsOrigin(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	coalition := mustSource(t, s, app.Source{Name: "Coalition", Reliability: app.ReliabilityA})
	afp := mustSource(t, s, app.Source{Name: "AFP", Reliability: app.ReliabilityB})
	mustSource(t, s, app.Source{Name: "SpaceDaily", Reliability: app.ReliabilityD})
	blog := mustSource(t, s, app.Source{Name: "Blog", Reliability: app.ReliabilityE})

	type want struct {
		origin app.ID
		r      app.Reliability
	}
	cases := map[string]struct {
		links []app.ArticleSource
		want  want
	}{
		"origin beats publisher": {[]app.ArticleSource{{Name: "SpaceDaily", Role: app.RolePublisher}, {Name: "AFP", Role: app.RoleOrigin}}, want{afp.ID, app.ReliabilityB}},
		"publisher alone":        {[]app.ArticleSource{{Name: "blog", Role: app.RolePublisher}}, want{blog.ID, app.ReliabilityE}},
		"ungraded publisher":     {[]app.ArticleSource{{Name: "Fort Russ", Role: app.RolePublisher}, {Name: "Coalition", Role: app.RoleOrigin}}, want{coalition.ID, app.ReliabilityA}},
		"translator only":        {[]app.ArticleSource{{Name: "Blog", Role: app.RoleTranslator}}, want{"", ""}},
		"no sources":             {nil, want{"", ""}},
	}
	ids := map[string]app.ID{}
	for name, tc := range cases {
		a := article(name, "Text of the article: "+name+".")
		a.Sources = tc.links
		ids[name] = mustCreate(t, s, a).ID
	}
	check := func(t *testing.T, override map[string]want) {
		t.Helper()
		list, err := s.Articles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[app.ID]app.ArticleSummary{}
		for _, sum := range list {
			byID[sum.ID] = sum
		}
		for name, tc := range cases {
			w := tc.want
			if o, ok := override[name]; ok {
				w = o
			}
			if sum := byID[ids[name]]; sum.OriginID != w.origin || sum.Reliability != w.r {
				t.Errorf("%s: origin %q grade %q, want %q %q", name, sum.OriginID, sum.Reliability, w.origin, w.r)
			}
		}
	}
	check(t, nil)
	mustGrade(t, s, afp.ID, app.ReliabilityC, "two corrections this month", "Lina")
	check(t, map[string]want{"origin beats publisher": {afp.ID, app.ReliabilityC}})
}
