package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// A case made by the build that had only migration 1 is backed up and
// upgraded to claims, keeping its articles.
func TestUpgradeToClaims(t *testing.T) {
	ctx := context.Background()
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(current) < 2 || current[1].name != "002_claims.sql" {
		t.Fatalf("migration 2 is %+v", current[1:])
	}
	path := filepath.Join(t.TempDir(), "v1.ewcase")
	s, err := open(path, Options{Create: true}, current[:1])
	if err != nil {
		t.Fatal(err)
	}
	a := &app.Article{Text: "Iraqi forces retook Al-Qāʾim on Friday, a spokesman said.", Format: app.FormatText}
	a.Title = "Qaim falls"
	a.Sources = []app.ArticleSource{{Name: "AFP", Role: app.RoleOrigin}}
	if err := s.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	v1, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if v := userVersion(t, path); v != 1 {
		t.Fatalf("test setup: user_version %d", v)
	}

	s, err = open(path, Options{}, current)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	got, err := s.Article(ctx, a.ID)
	if err != nil || !reflect.DeepEqual(got, v1) {
		t.Errorf("article after upgrade = %+v, %v\nwant %+v", got, err, v1)
	}
	if hits, err := s.SearchText(ctx, "qaim", 5); err != nil || len(hits) != 1 {
		t.Errorf("search after upgrade: %+v, %v", hits, err)
	}
	anchor, err := app.NewAnchor(a.Text, app.Span{Start: 20, End: 28})
	if err != nil {
		t.Fatal(err)
	}
	c := &app.Claim{ArticleID: a.ID, Anchor: anchor, Statement: "Al-Qaim taken"}
	if err := s.CreateClaim(ctx, c); err != nil {
		t.Fatalf("claim on an upgraded case: %v", err)
	}
	if hits, err := s.SearchClaims(ctx, "qaim", 5); err != nil || len(hits) != 1 {
		t.Errorf("claim search after upgrade: %+v, %v", hits, err)
	}
	if v := userVersionOf(t, s); v != len(current) {
		t.Errorf("user_version = %d, want %d", v, len(current))
	}

	// The backup is the version-1 case, with its article.
	backup := path + ".v1.bak"
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if v := userVersion(t, backup); v != 1 {
		t.Errorf("backup user_version = %d, want 1", v)
	}
	b, err := open(backup, Options{}, current[:1])
	if err != nil {
		t.Fatalf("open backup with the old build: %v", err)
	}
	defer b.Close()
	if old, err := b.Article(ctx, a.ID); err != nil || old.Text != a.Text {
		t.Errorf("backup article = %+v, %v", old, err)
	}
}

func userVersionOf(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// There is no API to delete articles or sources yet; the schema already
// handles both: an article takes its claims and their index entries with
// it, a source leaves its claims unattributed.
func TestClaimsFollowDeletes(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "c.ewcase"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*app.Article
	for _, text := range []string{"Husaybah fell on Thursday.", "Husaybah fell on Friday."} {
		a := &app.Article{Text: text}
		a.Title = text
		if err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	src, err := s.EnsureSource(ctx, "Spokesman", app.KindSpokesperson)
	if err != nil {
		t.Fatal(err)
	}
	var claims []*app.Claim
	for _, a := range arts {
		anchor, err := app.NewAnchor(a.Text, app.Span{Start: 0, End: 8})
		if err != nil {
			t.Fatal(err)
		}
		c := &app.Claim{ArticleID: a.ID, Anchor: anchor, Statement: "Husaybah fell", AttributedTo: src}
		if err := s.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	count := func(table string) int {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("claims_fts"); n != 2 {
		t.Fatalf("index entries = %d", n)
	}
	if _, err := s.db.Exec("DELETE FROM articles WHERE id = ?", arts[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Claim(ctx, claims[0].ID); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("claim of a deleted article: %v", err)
	}
	hits, err := s.SearchClaims(ctx, "husaybah", 5)
	if err != nil || len(hits) != 1 || hits[0].ClaimID != claims[1].ID || count("claims_fts") != 1 {
		t.Errorf("index after the article went: %+v, %v, %d entries", hits, err, count("claims_fts"))
	}
	if _, err := s.db.Exec("DELETE FROM sources WHERE id = ?", src); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Claim(ctx, claims[1].ID); err != nil || c.AttributedTo != "" {
		t.Errorf("claim of a deleted source = %+v, %v", c, err)
	}
}
