package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/storage"
)

// TestOpenAfterCrashWithUncheckpointedWAL copies a case's files while it is
// still open, as a crash or kill leaves them: the newest pages, page 1 with
// the application_id among them, are only in the -wal file. The copy must
// open with everything that was committed.
func TestOpenAfterCrashWithUncheckpointedWAL(t *testing.T) {
	s := newCase(t)
	a := mustCreate(t, s, article("Before the crash", "Iraqi troops reached the edge of Qaim on Tuesday."))
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "crashed.ewcase")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err != nil {
			t.Fatalf("read %s: %v", suffix, err)
		}
		if suffix == "-wal" && len(b) == 0 {
			t.Fatal("the test needs un-checkpointed pages in the -wal file")
		}
		if err := os.WriteFile(copyPath+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := storage.Open(copyPath, storage.Options{})
	if err != nil {
		t.Fatalf("open after crash: %v", err)
	}
	defer c.Close()
	got, err := c.Article(context.Background(), a.ID)
	if err != nil || got.Title != "Before the crash" {
		t.Fatalf("committed article after crash: %+v, %v", got, err)
	}
}
