package export_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

func ids[T any](xs []T, id func(T) app.ID) map[app.ID]bool {
	out := map[app.ID]bool{}
	for _, x := range xs {
		out[id(x)] = true
	}
	return out
}

func TestScope(t *testing.T) {
	snap := sampleSnapshot(t)
	retake, flag := snap.Events[1], snap.Events[3] // "Iraqi forces retake Al-Qaim", "Abadi raises the flag at Husaybah"
	abadi := snap.Entities[1].ID
	tests := map[string]struct {
		scope    export.Scope
		events   []app.ID
		claims   int
		sources  []string
		describe string
	}{
		"whole case": {export.Scope{}, nil, len(snap.Claims), nil, "whole case"},
		"one event": {export.Scope{EventIDs: []app.ID{retake.ID}}, []app.ID{retake.ID}, 3,
			[]string{"Crescent Vista TV", "Borderless Dispatch", "Elias Marouf", "Northgate Herald", "Two Rivers Daily"}, "event “Iraqi forces retake Al-Qaim”"},
		"two events": {export.Scope{EventIDs: []app.ID{retake.ID, flag.ID}}, []app.ID{retake.ID, flag.ID}, 5, nil, "2 selected events"},
		// Abadi is named by claims 7 and 13, both on the flag event, which
		// comes whole.
		"entity": {export.Scope{EntityID: abadi}, []app.ID{flag.ID}, 2, []string{"Two Rivers Daily", "Crescent Vista TV", "Borderless Dispatch", "Elias Marouf"}, "entity “Haider al-Abadi”"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := export.Prepare(snap, tc.scope, fixtureNow)
			if err != nil {
				t.Fatal(err)
			}
			s := d.Snapshot
			if d.Scope != tc.describe {
				t.Errorf("scope described as %q, want %q", d.Scope, tc.describe)
			}
			if len(s.Claims) != tc.claims {
				t.Errorf("%d claims, want %d", len(s.Claims), tc.claims)
			}
			if tc.events != nil && len(s.Events) != len(tc.events) {
				t.Errorf("%d events, want %d", len(s.Events), len(tc.events))
			}
			names := ids(s.Sources, func(x app.Source) app.ID { return app.ID(x.Name) })
			if tc.sources != nil && len(s.Sources) != len(tc.sources) {
				t.Errorf("%d sources, want %v", len(s.Sources), tc.sources)
			}
			for _, n := range tc.sources {
				if !names[app.ID(n)] {
					t.Errorf("source %s missing from %v", n, names)
				}
			}
			// Self-consistent: every reference resolves inside the scope.
			arts := ids(s.Articles, func(x app.Article) app.ID { return x.ID })
			srcs := ids(s.Sources, func(x app.Source) app.ID { return x.ID })
			cls := ids(s.Claims, func(x app.Claim) app.ID { return x.ID })
			ents := ids(s.Entities, func(x app.Entity) app.ID { return x.ID })
			for _, c := range s.Claims {
				if !arts[c.ArticleID] || (c.AttributedTo != "" && !srcs[c.AttributedTo]) {
					t.Errorf("claim %s refers outside the scope", c.ID)
				}
				for _, e := range c.EntityIDs {
					if !ents[e] {
						t.Errorf("claim %s names entity %s outside the scope", c.ID, e)
					}
				}
			}
			for _, a := range s.Articles {
				for _, l := range a.Sources {
					if !srcs[l.SourceID] {
						t.Errorf("article %s links source %s outside the scope", a.ID, l.SourceID)
					}
				}
			}
			for _, e := range s.Events {
				for _, l := range e.Claims {
					if !cls[l.ClaimID] {
						t.Errorf("event %s links claim %s outside the scope", e.ID, l.ClaimID)
					}
				}
			}
			for _, e := range s.Entities {
				for _, a := range e.Aliases {
					if (a.ArticleID != "" && !arts[a.ArticleID]) || (a.ClaimID != "" && !cls[a.ClaimID]) {
						t.Errorf("alias %q keeps provenance outside the scope", a.Name)
					}
				}
			}
			for _, h := range s.History {
				if !srcs[h.SourceID] {
					t.Errorf("history of source %s outside the scope", h.SourceID)
				}
			}
		})
	}
}

func TestScopeErrors(t *testing.T) {
	snap := sampleSnapshot(t)
	tests := map[string]struct {
		scope export.Scope
		code  app.Code
	}{
		"unknown event":  {export.Scope{EventIDs: []app.ID{fid(9, 1)}}, app.ENotFound},
		"unknown entity": {export.Scope{EntityID: fid(9, 2)}, app.ENotFound},
		"both":           {export.Scope{EventIDs: []app.ID{snap.Events[0].ID}, EntityID: snap.Entities[0].ID}, app.EInvalid},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := export.Prepare(snap, tc.scope, fixtureNow); app.ErrorCode(err) != tc.code {
				t.Errorf("error %v, want code %s", err, tc.code)
			}
		})
	}
	if _, err := export.Prepare(nil, export.Scope{}, fixtureNow); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("nil snapshot: %v", err)
	}
}

func TestParseScope(t *testing.T) {
	resolve := func(kind string) func(string) (app.ID, error) {
		return func(ref string) (app.ID, error) {
			if ref == "missing" {
				return "", app.Errorf(app.ENotFound, "no %s %q", kind, ref)
			}
			return app.ID(kind + ":" + ref), nil
		}
	}
	tests := map[string]struct {
		in      string
		want    export.Scope
		errPart string
	}{
		"empty":          {"", export.Scope{}, ""},
		"all":            {"ALL", export.Scope{}, ""},
		"events":         {"events:ab12, cd34,", export.Scope{EventIDs: []app.ID{"event:ab12", "event:cd34"}}, ""},
		"entity by name": {"entity: Haider al-Abadi", export.Scope{EntityID: "entity:Haider al-Abadi"}, ""},
		"no events":      {"events:", export.Scope{}, "at least one event"},
		"no entity":      {"entity:", export.Scope{}, "entity name"},
		"unknown kind":   {"source:LPA", export.Scope{}, "not a scope"},
		"all with junk":  {"all:x", export.Scope{}, "not a scope"},
		"missing event":  {"events:missing", export.Scope{}, "no event"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := export.ParseScope(tc.in, resolve("event"), resolve("entity"))
			if tc.errPart != "" {
				if err == nil || !strings.Contains(app.ErrorMessage(err), tc.errPart) {
					t.Fatalf("error %v, want %q", err, tc.errPart)
				}
				return
			}
			if err != nil || got.EntityID != tc.want.EntityID || strings.Join(idStrings(got.EventIDs), ",") != strings.Join(idStrings(tc.want.EventIDs), ",") {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func idStrings(xs []app.ID) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
