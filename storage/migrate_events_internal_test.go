package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// A case written by the build before events (format 3) is backed up and
// upgraded keeping every source, grade, article and claim; its claims can
// then be linked to events, and deleting one removes its links.
func TestUpgradeFromFormat3ToEvents(t *testing.T) {
	ctx := context.Background()
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(current) < 4 || current[3].name != "004_events.sql" {
		t.Fatalf("migration 4 is %+v", current[3:])
	}
	path := filepath.Join(t.TempDir(), "v3.ewcase")
	s, err := open(path, Options{Create: true}, current[:3])
	if err != nil {
		t.Fatal(err)
	}
	a := &app.Article{Text: "Husaybah (AFP) - Iraqi forces retook Al-Qāʾim on Friday, a spokesman said.", Format: app.FormatText}
	a.Title = "Qaim retaken"
	a.Sources = []app.ArticleSource{{Name: "SpaceDaily", Role: app.RolePublisher}, {Name: "AFP", Role: app.RoleOrigin}}
	if err := s.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.GradeSource(ctx, a.Sources[1].SourceID, app.ReliabilityB, "wire", "Lina"); err != nil {
		t.Fatal(err)
	}
	var claims []*app.Claim
	for _, span := range []app.Span{{Start: 17, End: 29}, {Start: 30, End: 44}} {
		anchor, err := app.NewAnchor(a.Text, span)
		if err != nil {
			t.Fatal(err)
		}
		w := app.DayWhen(app.Date{Year: 2017, Month: time.November, Day: 3})
		c := &app.Claim{ArticleID: a.ID, Anchor: anchor, Statement: anchor.Exact, When: &w}
		if err := s.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	sources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	history, err := s.SourceHistory(ctx, a.Sources[1].SourceID)
	if err != nil {
		t.Fatal(err)
	}
	article, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := oldBuildClaims(t, s)
	s.Close()
	if v := userVersion(t, path); v != 3 {
		t.Fatalf("test setup: user_version %d", v)
	}

	s, err = open(path, Options{}, current)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	if v := userVersionOf(t, s); v != len(current) {
		t.Errorf("user_version = %d, want %d", v, len(current))
	}
	if got, err := s.Sources(ctx); err != nil || !reflect.DeepEqual(got, sources) {
		t.Errorf("sources after upgrade = %+v, %v\nwant %+v", got, err, sources)
	}
	if got, err := s.SourceHistory(ctx, a.Sources[1].SourceID); err != nil || !reflect.DeepEqual(got, history) {
		t.Errorf("grade history after upgrade = %+v, %v\nwant %+v", got, err, history)
	}
	if got, err := s.Article(ctx, a.ID); err != nil || !reflect.DeepEqual(got, article) {
		t.Errorf("article after upgrade = %+v, %v\nwant %+v", got, err, article)
	}
	if got, err := s.Claims(ctx, app.ClaimFilter{}); err != nil || !reflect.DeepEqual(got, stored) {
		t.Errorf("claims after upgrade = %+v, %v\nwant %+v", got, err, stored)
	}
	if list, err := s.Events(ctx); err != nil || len(list) != 0 {
		t.Errorf("events in an upgraded case = %+v, %v", list, err)
	}

	e := &app.Event{Title: "Al-Qaim retaken", When: *claims[0].When,
		Claims: []app.EventClaim{{ClaimID: claims[0].ID, Stance: app.StanceSupports}, {ClaimID: claims[1].ID, Stance: app.StanceContradicts}}}
	if err := s.CreateEvent(ctx, e); err != nil {
		t.Fatalf("event on an upgraded case: %v", err)
	}
	if err := s.DeleteClaim(ctx, claims[0].ID); err != nil {
		t.Fatal(err)
	}
	want := []app.EventClaim{{ClaimID: claims[1].ID, Stance: app.StanceContradicts}}
	if got, err := s.Event(ctx, e.ID); err != nil || !reflect.DeepEqual(got.Claims, want) {
		t.Errorf("links after deleting a claim = %+v, %v; want %+v", got, err, want)
	}

	// The backup is the format 3 case, and that build still opens it.
	backup := path + ".v3.bak"
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if v := userVersion(t, backup); v != 3 {
		t.Errorf("backup user_version = %d, want 3", v)
	}
	b, err := open(backup, Options{}, current[:3])
	if err != nil {
		t.Fatalf("open backup with the old build: %v", err)
	}
	defer b.Close()
	if got := oldBuildClaims(t, b); !reflect.DeepEqual(got, stored) {
		t.Errorf("backup claims = %+v", got)
	}
}

// Events() reads the timeline through the index made for it and its links
// through their covering index, without a temporary sort; a deleted claim
// finds its links, and a title its event, through an index.
func TestEventsQueriesUseIndexes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "plan.ewcase"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := map[string]struct{ query, want string }{
		"timeline":      {"SELECT " + eventColumns + " FROM events" + timelineOrder, "INDEX events_timeline"},
		"links":         {"SELECT event_id, claim_id, stance FROM event_claims" + linkOrder, "COVERING INDEX event_claims_order"},
		"one's links":   {"SELECT event_id, claim_id, stance FROM event_claims WHERE event_id = 'x'" + linkOrder, "COVERING INDEX event_claims_order"},
		"title":         {"SELECT count(*), min(id) FROM events WHERE title_key = 'x'", "INDEX events_title"},
		"claim cascade": {"DELETE FROM event_claims WHERE claim_id = 'x'", "INDEX event_claims_claim"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			rows, err := s.db.Query("EXPLAIN QUERY PLAN " + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			all := strings.Join(plan, "; ")
			if !strings.Contains(all, tc.want) || strings.Contains(all, "TEMP B-TREE") {
				t.Errorf("plan %q, want %s and no temporary sort", all, tc.want)
			}
		})
	}
}
