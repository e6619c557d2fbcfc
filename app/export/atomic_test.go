package export_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// entries lists a folder's file names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "timeline.json")
	if err := export.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "second"); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "second" || st.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v; want the new content and the old file's mode", b, st.Mode().Perm())
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("folder holds %v; want only the destination", got)
	}
}

// TestWriteFileFailsMidway: a writer that fails after writing part of the
// file leaves the old destination untouched and no temporary file behind.
func TestWriteFileFailsMidway(t *testing.T) {
	tests := map[string]struct {
		err  error
		code app.Code
		msg  string
	}{
		"disk full":        {&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, app.EInvalid, "disk is full"},
		"bad data":         {app.Errorf(app.EInvalid, "an event has no title"), app.EInvalid, "an event has no title"},
		"unexpected":       {errors.New("boom"), app.EInternal, "Could not write"},
		"permission later": {fmt.Errorf("wrap: %w", os.ErrPermission), app.EInvalid, "Permission denied"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.html")
			if err := os.WriteFile(path, []byte("the old report"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := export.WriteFile(path, func(w io.Writer) error {
				if _, err := io.WriteString(w, strings.Repeat("half a report ", 50000)); err != nil {
					return err
				}
				return tc.err
			})
			if app.ErrorCode(err) != tc.code || !strings.Contains(app.ErrorMessage(err), tc.msg) {
				t.Errorf("got %s %q; want %s %q", app.ErrorCode(err), app.ErrorMessage(err), tc.code, tc.msg)
			}
			if b, _ := os.ReadFile(path); string(b) != "the old report" {
				t.Errorf("the destination was changed: %.40q", b)
			}
			if got := entries(t, dir); len(got) != 1 {
				t.Errorf("folder holds %v; the temporary file must be removed", got)
			}
		})
	}
}

func TestWriteFileWhereItCannot(t *testing.T) {
	dir := t.TempDir()
	ok := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	if err := export.WriteFile(filepath.Join(dir, "missing", "x.json"), ok); app.ErrorCode(err) != app.ENotFound || !strings.Contains(app.ErrorMessage(err), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	if err := export.WriteFile(dir, ok); app.ErrorCode(err) != app.EInvalid || !strings.Contains(app.ErrorMessage(err), "is a folder") {
		t.Errorf("a folder as destination: %v", err)
	}
	if err := export.WriteFile(filepath.Join(dir, "x.json")+string(filepath.Separator), ok); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("a path ending in a separator: %v", err)
	}
}

// TestWriteFileReadOnlyFolder needs a user the permission bits bind (root
// writes anywhere).
func TestWriteFileReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(ro, "case.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(ro, 0o755) })
	if f, err := os.Create(filepath.Join(ro, "probe")); err == nil {
		f.Close()
		t.Skip("permissions are not enforced for this user (root?): run the tests as an ordinary user")
	}
	err := export.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if app.ErrorCode(err) != app.EInvalid || !strings.Contains(app.ErrorMessage(err), "Permission denied") {
		t.Errorf("got %v; want a permission-denied sentence", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("destination changed to %q", b)
	}
}

// TestWriteFileRemovesWhatAKilledExportLeft: a killed export leaves its
// hidden temporary file; the next export to the same file removes it once
// it is an hour old, and leaves younger ones (another window may be writing
// them) and other files alone.
func TestWriteFileRemovesWhatAKilledExportLeft(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]time.Time{
		".timeline.json.1234.part": old,        // left by a kill: removed
		".timeline.json.5678.part": time.Now(), // may be in progress: kept
		".report.html.999.part":    old,        // another destination's: kept
		"timeline.json.part":       old,        // not hidden, not ours: kept
	}
	for name, mtime := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	if err := export.WriteFile(filepath.Join(dir, "timeline.json"), func(w io.Writer) error {
		_, err := io.WriteString(w, "{}")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got := entries(t, dir)
	want := []string{".report.html.999.part", ".timeline.json.5678.part", "timeline.json", "timeline.json.part"}
	if !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}
