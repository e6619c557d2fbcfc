package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/evidence-workbench/workbench/app"
)

func TestEmbeddedMigrations(t *testing.T) {
	migs, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(migs) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range migs {
		if m.version != i+1 || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d: %+v", i, m)
		}
	}
	if !strings.Contains(migs[0].sql, "application_id") {
		t.Error("migration 1 does not set the application_id")
	}
}

func TestLoadMigrationsNumbering(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := map[string]struct {
		fs fstest.MapFS
		ok bool
	}{
		"in order":     {fstest.MapFS{"migrations/001_a.sql": file("x"), "migrations/002_b.sql": file("y")}, true},
		"gap":          {fstest.MapFS{"migrations/001_a.sql": file("x"), "migrations/003_c.sql": file("y")}, false},
		"starts at 2":  {fstest.MapFS{"migrations/002_b.sql": file("y")}, false},
		"no number":    {fstest.MapFS{"migrations/first.sql": file("x")}, false},
		"bad number":   {fstest.MapFS{"migrations/01x_a.sql": file("x")}, false},
		"none at all":  {fstest.MapFS{}, true},
		"other files":  {fstest.MapFS{"migrations/001_a.sql": file("x"), "migrations/README": file("r")}, true},
		"duplicate 1s": {fstest.MapFS{"migrations/001_a.sql": file("x"), "migrations/001_b.sql": file("y")}, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := loadMigrations(tc.fs)
			if (err == nil) != tc.ok {
				t.Errorf("loadMigrations: err = %v, want ok %v", err, tc.ok)
			}
		})
	}
}

// userVersion reads PRAGMA user_version of a closed database file.
func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// An older build made the case with fewer migrations; this build backs it
// up with VACUUM INTO, then upgrades it.
func TestUpgradeBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	old := current[:1]
	next := append(append([]migration(nil), current...), migration{
		version: len(current) + 1,
		name:    "999_test.sql",
		sql:     "CREATE TABLE upgrade_probe (note TEXT NOT NULL); INSERT INTO upgrade_probe VALUES ('upgraded');",
	})
	path := filepath.Join(t.TempDir(), "old.ewcase")

	s, err := open(path, Options{Create: true}, old)
	if err != nil {
		t.Fatal(err)
	}
	a := &app.Article{Text: "An article written by the old build."}
	a.Title = "Old"
	if err := s.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path + ".v1.bak"); !os.IsNotExist(err) {
		t.Fatalf("creating a case made a backup: %v", err)
	}

	// Make the first backup name taken, so the upgrade picks a timestamped one.
	if err := os.WriteFile(path+".v1.bak", []byte("someone else's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = open(path, Options{}, next)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Title != "Old" {
		t.Fatalf("article after upgrade: %v, %v", got, err)
	}
	var note string
	if err := s.db.QueryRow("SELECT note FROM upgrade_probe").Scan(&note); err != nil || note != "upgraded" {
		t.Fatalf("migration did not run: %q, %v", note, err)
	}
	s.Close()
	if v := userVersion(t, path); v != len(next) {
		t.Errorf("user_version = %d, want %d", v, len(next))
	}
	if b, err := os.ReadFile(path + ".v1.bak"); err != nil || string(b) != "someone else's file" {
		t.Errorf("existing backup name was overwritten: %q, %v", b, err)
	}
	backups, err := filepath.Glob(path + ".v1-*.bak")
	if err != nil || len(backups) != 1 {
		t.Fatalf("timestamped backups = %v, %v; want one", backups, err)
	}

	// The backup is the case as the old build left it, and that build opens it.
	if v := userVersion(t, backups[0]); v != 1 {
		t.Errorf("backup user_version = %d, want 1", v)
	}
	b, err := open(backups[0], Options{}, old)
	if err != nil {
		t.Fatalf("open backup with the old build: %v", err)
	}
	if got, err := b.Article(ctx, a.ID); err != nil || got.Text != a.Text {
		t.Errorf("backup article: %v, %v", got, err)
	}
	b.Close()

	// Opening the upgraded case again neither migrates nor backs up.
	s, err = open(path, Options{}, next)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if again, _ := filepath.Glob(path + ".v*"); len(again) != 2 {
		t.Errorf("backups after reopening: %v", again)
	}

	// And the old build refuses the upgraded case, unchanged.
	_, err = open(path, Options{}, old)
	if app.ErrorCode(err) != app.ENewer {
		t.Errorf("old build opening upgraded case: %v", err)
	}
}

// A migration that fails leaves the case at its last good version, with the
// backup named in the error.
func TestFailedUpgradeKeepsCase(t *testing.T) {
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "case.ewcase")
	s, err := open(path, Options{Create: true}, current)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	broken := append(append([]migration(nil), current...), migration{
		version: len(current) + 1,
		name:    "999_broken.sql",
		sql:     "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);",
	})
	_, err = open(path, Options{}, broken)
	if app.ErrorCode(err) != app.EInternal || !strings.Contains(app.ErrorMessage(err), ".bak") {
		t.Fatalf("broken upgrade: %v", err)
	}
	if v := userVersion(t, path); v != len(current) {
		t.Errorf("user_version = %d after failed upgrade, want %d", v, len(current))
	}
	s, err = open(path, Options{}, current)
	if err != nil {
		t.Fatalf("reopen after failed upgrade: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&n); err != nil || n != 0 {
		t.Errorf("half of the failed migration stayed: %d, %v", n, err)
	}
}

// A new case that cannot be set up leaves no file behind.
func TestFailedCreateRemovesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.ewcase")
	broken := []migration{{version: 1, name: "001_broken.sql", sql: "THIS IS NOT SQL"}}
	if _, err := open(path, Options{Create: true}, broken); err == nil {
		t.Fatal("open with a broken migration succeeded")
	}
	if left, _ := filepath.Glob(path + "*"); len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}
