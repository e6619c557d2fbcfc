package storage_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// newCase creates a case file in a fresh temporary folder, closed when the
// test ends.
func newCase(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "test.ewcase"), storage.Options{Create: true})
	if err != nil {
		t.Fatalf("create case: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// article is a small valid article with the given title and text.
func article(title, text string) *app.Article {
	a := &app.Article{Text: text, Format: app.FormatText}
	a.Title = title
	return a
}

// mustCreate stores a and fails the test on error.
func mustCreate(t testing.TB, s *storage.Store, a *app.Article) *app.Article {
	t.Helper()
	if err := s.CreateArticle(context.Background(), a); err != nil {
		t.Fatalf("CreateArticle(%q): %v", a.Title, err)
	}
	return a
}

// wantCode fails unless err carries the app error code.
func wantCode(t testing.TB, err error, code app.Code) {
	t.Helper()
	if got := app.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	var e *app.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *app.Error", err)
	}
}

// fileHash is the SHA-256 of a file, or "absent" when there is none.
func fileHash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// caseFiles hashes a case file and the -wal file next to it.
func caseFiles(t testing.TB, path string) map[string]string {
	t.Helper()
	return map[string]string{
		"main": fileHash(t, path),
		"wal":  fileHash(t, path+"-wal"),
	}
}
