package storage_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// A new case is a SQLite file with nothing in it from the moment SQLite
// switches it to WAL until the first migration commits. A kill or power
// cut in that moment leaves such a blank file behind (the crash harness
// found it): creating the case again must make a case of it, opening it
// as an existing case must refuse it unchanged, and a foreign database
// that happens to have no application id is still refused.
func TestBlankFileFromAnInterruptedCreate(t *testing.T) {
	for name, withWAL := range map[string]bool{"no -wal file": false, "empty -wal file": true} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "new.ewcase")
			db, err := sql.Open("sqlite3", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if withWAL {
				if err := os.WriteFile(path+"-wal", nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("test setup: want a non-empty blank database, got %v %v", fi, err)
			}

			before := caseFiles(t, path)
			_, err = storage.Open(path, storage.Options{})
			wantCode(t, err, app.ENotCase)
			if after := caseFiles(t, path); after["main"] != before["main"] {
				t.Error("refusing the blank file changed it")
			}

			s, err := storage.Open(path, storage.Options{Create: true})
			if err != nil {
				t.Fatalf("creating the case over the blank file: %v", err)
			}
			mustCreate(t, s, article("After the interrupted start", "The case works after all."))
			s.Close()
			if s, err = storage.Open(path, storage.Options{}); err != nil {
				t.Fatalf("reopen: %v", err)
			}
			s.Close()
		})
	}
	t.Run("foreign database without an id", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		db, err := sql.Open("sqlite3", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("PRAGMA journal_mode=WAL; CREATE TABLE notes (body TEXT)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before := caseFiles(t, path)
		_, err = storage.Open(path, storage.Options{Create: true})
		wantCode(t, err, app.ENotCase)
		if after := caseFiles(t, path); after["main"] != before["main"] {
			t.Error("refusing the foreign file changed it")
		}
	})
}
