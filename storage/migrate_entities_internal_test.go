package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// oldBuildClaims lists every claim as a build before entities (format 4
// or older) read them: without entity links, which such a case cannot
// hold. Tests that play an older build use it in place of Claims.
func oldBuildClaims(t *testing.T, s *Store) []app.Claim {
	t.Helper()
	rows, err := s.db.Query("SELECT " + claimColumns + " FROM claims" + allClaimsRest)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []app.Claim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// A case written by the build before entities (format 4) is backed up and
// upgraded keeping every source, grade, article, claim and event; its
// claims can then link entities, whose aliases remember the article and
// claim they were seen in until those go.
func TestUpgradeFromFormat4ToEntities(t *testing.T) {
	ctx := context.Background()
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(current) < 5 || current[4].name != "005_entities.sql" {
		t.Fatalf("migration 5 is %+v", current[4:])
	}
	path := filepath.Join(t.TempDir(), "v4.ewcase")
	s, err := open(path, Options{Create: true}, current[:4])
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
	for _, span := range []app.Span{{Start: 0, End: 8}, {Start: 37, End: 45}} {
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
	ev := &app.Event{Title: "Al-Qaim retaken", When: *claims[0].When,
		Claims: []app.EventClaim{{ClaimID: claims[1].ID, Stance: app.StanceSupports}}}
	if err := s.CreateEvent(ctx, ev); err != nil {
		t.Fatal(err)
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
	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stored := oldBuildClaims(t, s)
	s.Close()
	if v := userVersion(t, path); v != 4 {
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
	if got, err := s.Events(ctx); err != nil || !reflect.DeepEqual(got, events) {
		t.Errorf("events after upgrade = %+v, %v\nwant %+v", got, err, events)
	}
	if list, err := s.Entities(ctx); err != nil || len(list) != 0 {
		t.Errorf("entities in an upgraded case = %+v, %v", list, err)
	}

	town := &app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{
		{Name: "Al-Qāʾim", ArticleID: a.ID, ClaimID: claims[1].ID}, {Name: "Qaim", ByAnalyst: true}}}
	if err := s.CreateEntity(ctx, town); err != nil {
		t.Fatalf("entity on an upgraded case: %v", err)
	}
	for _, c := range claims {
		c.EntityIDs = []app.ID{town.ID}
		if err := s.UpdateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if ids, err := s.ClaimsOfEntity(ctx, town.ID); err != nil || !slices.Equal(ids, []app.ID{claims[0].ID, claims[1].ID}) {
		t.Errorf("ClaimsOfEntity = %v, %v", ids, err)
	}
	if err := s.DeleteClaim(ctx, claims[1].ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(ctx, town.ID)
	if err != nil || got.Aliases[0] != (app.Alias{Name: "Al-Qāʾim", ArticleID: a.ID}) {
		t.Errorf("alias seen in a deleted claim = %+v, %v; want its claim cleared", got, err)
	}
	if ids, err := s.ClaimsOfEntity(ctx, town.ID); err != nil || !slices.Equal(ids, []app.ID{claims[0].ID}) {
		t.Errorf("ClaimsOfEntity after deleting a claim = %v, %v", ids, err)
	}

	// The backup is the format 4 case, and that build still opens it.
	backup := path + ".v4.bak"
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if v := userVersion(t, backup); v != 4 {
		t.Errorf("backup user_version = %d, want 4", v)
	}
	b, err := open(backup, Options{}, current[:4])
	if err != nil {
		t.Fatalf("open backup with the old build: %v", err)
	}
	defer b.Close()
	if got := oldBuildClaims(t, b); !reflect.DeepEqual(got, stored) {
		t.Errorf("backup claims = %+v", got)
	}
	if got, err := b.Events(ctx); err != nil || !reflect.DeepEqual(got, events) {
		t.Errorf("backup events = %+v, %v", got, err)
	}
}

// queryPlan is SQLite's plan for q, its steps joined by "; ".
func queryPlan(t *testing.T, s *Store, q string) string {
	t.Helper()
	rows, err := s.db.Query("EXPLAIN QUERY PLAN " + q)
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
	return strings.Join(plan, "; ")
}

// Entities() reads entities through their name index and aliases in
// primary key order without a temporary sort; claims read their links
// through the covering index; lookups by name, alias and entity, and the
// clean-up when a claim, article or entity goes, use an index.
func TestEntitiesQueriesUseIndexes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "plan.ewcase"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := map[string]struct{ query, want string }{
		"entities":      {"SELECT id, kind, name, notes, created_at, updated_at FROM entities" + entityOrder, "INDEX entities_name"},
		"aliases":       {"SELECT entity_id, alias, article_id, claim_id, by_analyst FROM entity_aliases" + aliasOrder, "SCAN entity_aliases"},
		"claim links":   {"SELECT claim_id, entity_id FROM claim_entities ORDER BY claim_id, position", "COVERING INDEX claim_entities_order"},
		"one's links":   {"SELECT claim_id, entity_id FROM claim_entities WHERE claim_id = 'x' ORDER BY claim_id, position", "COVERING INDEX claim_entities_order"},
		"by name":       {"SELECT count(*) FROM entities WHERE name_key = 'x'", "INDEX entities_name"},
		"by alias":      {"SELECT entity_id FROM entity_aliases WHERE alias_key = 'x'", "(alias_key=?)"},
		"its claims":    {"SELECT claim_id FROM claim_entities WHERE entity_id = 'x'", "INDEX claim_entities_entity"},
		"claim goes":    {"UPDATE entity_aliases SET claim_id = NULL WHERE claim_id = 'x'", "INDEX entity_aliases_claim"},
		"article goes":  {"UPDATE entity_aliases SET article_id = NULL WHERE article_id = 'x'", "INDEX entity_aliases_article"},
		"entity goes":   {"DELETE FROM claim_entities WHERE entity_id = 'x'", "INDEX claim_entities_entity"},
		"claim cascade": {"DELETE FROM claim_entities WHERE claim_id = 'x'", "(claim_id=?)"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			plan := queryPlan(t, s, tc.query)
			if !strings.Contains(plan, tc.want) || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("plan %q, want %s and no temporary sort", plan, tc.want)
			}
		})
	}
}
