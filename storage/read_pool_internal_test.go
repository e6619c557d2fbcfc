package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Reads go through their own pool: they see the last commit at once while a
// write is in progress, and a read left open does not hold up a write.
func TestReadsNeitherWaitForNorHoldUpWrites(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "r.ewcase"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bg := context.Background()
	a := &app.Article{Text: "Shelling near Rawa overnight.", Format: app.FormatText}
	a.Title = "Rawa report"
	if err := s.CreateArticle(bg, a); err != nil {
		t.Fatal(err)
	}

	// A write in progress, as an import holds one.
	w, err := s.db.BeginTx(bg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ExecContext(bg, "UPDATE articles SET title = 'half-written' WHERE id = ?", a.ID); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bg, time.Second) // the write pool's busy wait is 5 s
	list, err := s.Articles(ctx)
	cancel()
	if err != nil || len(list) != 1 || list[0].Title != "Rawa report" {
		t.Fatalf("read during a write: %v, %+v; want the committed title at once", err, list)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Article(bg, a.ID); err != nil || got.Title != "half-written" {
		t.Fatalf("read after the commit: %v, %+v", err, got)
	}

	// A read left open: a write still goes through, and the reader keeps
	// the state it began with.
	r, err := s.beginRead(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Rollback()
	var n int
	if err := r.QueryRowContext(bg, "SELECT count(*) FROM articles").Scan(&n); err != nil || n != 1 {
		t.Fatalf("count in the open read: %d, %v", n, err)
	}
	b := &app.Article{Text: "Traffic resumed at the crossing.", Format: app.FormatText}
	b.Title = "Crossing reopened"
	ctx, cancel = context.WithTimeout(bg, time.Second)
	err = s.CreateArticle(ctx, b)
	cancel()
	if err != nil {
		t.Fatalf("write while a read is open: %v", err)
	}
	if err := r.QueryRowContext(bg, "SELECT count(*) FROM articles").Scan(&n); err != nil || n != 1 {
		t.Errorf("the open read sees %d articles (%v); want the 1 it began with", n, err)
	}

	// The read pool refuses changes.
	if _, err := s.rdb.ExecContext(bg, "DELETE FROM articles"); err == nil {
		t.Error("the read pool accepted a write")
	}
	if list, err := s.Articles(bg); err != nil || len(list) != 2 {
		t.Errorf("after all: %d articles, %v; want 2", len(list), err)
	}
}
