// Package storage keeps an Evidence Workbench case in one SQLite file.
//
// Open inspects the file before SQLite touches it (a foreign, damaged or
// newer file is refused unchanged), locks it against a second window,
// switches it to WAL and migrates it with the embedded numbered migrations,
// backing up an existing case first. Every public method runs in one
// transaction. Full-text search is SQLite FTS5: build with -tags sqlite_fts5.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/evidence-workbench/workbench/app"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

var (
	_ app.Case       = (*Store)(nil)
	_ app.CaseOpener = OpenCase
)

// Options say how Open treats the path.
type Options struct {
	// Create makes a new, empty case when no file exists at the path (or
	// the file there is empty).
	Create bool
}

// Store is an open case file. It is safe for concurrent use; writes are
// serialised by SQLite.
type Store struct {
	db   *sql.DB // writes, and reads that go with them
	rdb  *sql.DB // reads alone: see beginRead
	path string

	mu   sync.Mutex
	lock *os.File // holds the flock on the case file until Close
}

// pragmas go into the DSN so that every pooled connection gets them.
// _txlock=immediate makes BEGIN take the write lock at once, so a
// transaction never fails half-way with SQLITE_BUSY when it starts writing.
const pragmas = "_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"

// readPragmas are those of the read pool: a deferred BEGIN takes no write
// lock, and query_only refuses any change made through it by mistake.
const readPragmas = "_busy_timeout=5000&_txlock=deferred&_query_only=1"

// beginRead starts a transaction on the read pool. In write-ahead logging
// a reader sees the last commit and neither waits for a write in progress
// nor holds one up; on the write pool, where every BEGIN takes the write
// lock, a read would queue behind an import, and an export's long read
// would hold up every edit.
func (s *Store) beginRead(ctx context.Context) (*sql.Tx, error) {
	return s.rdb.BeginTx(ctx, nil)
}

// Open opens the case file at path, creating it when opts.Create is set and
// no file is there. It refuses, with the file unchanged: a missing file
// (ENotFound), a file that is not a case or is damaged (ENotCase), a case
// written by a newer build (ENewer), and a case open elsewhere (ELocked).
// An older case is backed up next to itself and upgraded.
func Open(path string, opts Options) (*Store, error) {
	migs, err := embeddedMigrations()
	if err != nil {
		return nil, app.WrapError(app.EInternal, err, "this build's case format is broken")
	}
	return open(path, opts, migs)
}

// OpenCase is Open in the shape of app.CaseOpener, for main.go to wire in.
func OpenCase(path string, create bool) (app.Case, error) {
	s, err := Open(path, Options{Create: create})
	if err != nil {
		return nil, err // not a typed nil *Store inside the interface
	}
	return s, nil
}

// open is Open with the migrations given, so tests can play an older build.
func open(path string, opts Options, migs []migration) (_ *Store, err error) {
	if strings.TrimSpace(path) == "" {
		return nil, app.Errorf(app.EInvalid, "Choose a case file to open.")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("case path: %w", err)
	}
	f, created, err := openCaseFile(abs, opts.Create)
	if err != nil {
		return nil, err
	}
	var db *sql.DB
	locked := false
	defer func() {
		if err == nil {
			return
		}
		if db != nil {
			db.Close()
		}
		// Remove a file this call created, but only while holding its lock:
		// without it, another process may already be using the file.
		if created && locked {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(abs + suffix)
			}
		}
		f.Close() // also drops the lock
	}()
	if err := lockFile(f); err != nil {
		if errors.Is(err, errLocked) {
			return nil, app.Errorf(app.ELocked, "%s is open in another Evidence Workbench window or command. Close it there, then try again.", abs)
		}
		return nil, app.WrapError(app.EInternal, err, "%s could not be locked", abs)
	}
	locked = true
	latest := len(migs)
	h, err := inspectHeader(f, abs, latest)
	if err != nil {
		return nil, err
	}
	if h.empty && !opts.Create {
		return nil, notCase(abs, errors.New("the file is empty"))
	}
	if !h.empty {
		switch err := probe(abs, latest); {
		case errors.Is(err, errBlank) && opts.Create:
			// A case whose creation was cut off holds nothing: make it now.
		case errors.Is(err, errBlank):
			return nil, notCase(abs, err)
		case err != nil:
			return nil, err
		}
	}

	db, err = sql.Open("sqlite3", fileURI(abs)+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("open case: %w", err)
	}
	ctx := context.Background()
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return nil, sqliteOpenError(abs, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return nil, app.Errorf(app.EUnsupported, "%s cannot use write-ahead logging (journal mode is %q); move the case to a local disk and try again.", abs, mode)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, sqliteOpenError(abs, err)
	}
	if version > latest {
		return nil, newer(abs, version, latest)
	}
	if err := migrate(ctx, db, abs, version, migs); err != nil {
		return nil, err
	}
	rdb, err := sql.Open("sqlite3", fileURI(abs)+"?"+readPragmas) // connects when first used
	if err != nil {
		return nil, fmt.Errorf("open case for reading: %w", err)
	}
	return &Store{db: db, rdb: rdb, path: abs, lock: f}, nil
}

// openCaseFile opens the file at path for reading, to inspect and lock it,
// or creates it (created true) when it is missing and create is set.
func openCaseFile(path string, create bool) (f *os.File, created bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !create {
			return nil, false, app.Errorf(app.ENotFound, "No case file at %s.", path)
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return openCaseFile(path, false) // someone made it just now: treat it as existing
		}
		if err != nil {
			return nil, false, app.WrapError(app.EInvalid, err, "A new case cannot be created at %s. Check that the folder exists and is writable", path)
		}
		return f, true, nil
	case err != nil:
		return nil, false, app.WrapError(app.EInvalid, err, "%s cannot be opened", path)
	case fi.IsDir():
		return nil, false, app.Errorf(app.ENotCase, "%s is a folder, not an Evidence Workbench case.", path)
	}
	f, err = os.Open(path)
	if err != nil {
		return nil, false, app.WrapError(app.EInvalid, err, "%s cannot be opened", path)
	}
	return f, false, nil
}

// fileURI turns an absolute path into a SQLite URI filename, escaping the
// characters a URI gives meaning to.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/cases/x -> /C:/cases/x
	}
	return "file://" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Path returns the absolute path of the case file.
func (s *Store) Path() string { return s.path }

// Close closes the database (SQLite folds the write-ahead log back into the
// file) and then releases the lock. Closing twice is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock == nil {
		return nil
	}
	err := errors.Join(s.rdb.Close(), s.db.Close()) // the writer last: closing it folds the log back
	if uerr := unlockFile(s.lock); uerr != nil && err == nil {
		err = uerr
	}
	if cerr := s.lock.Close(); cerr != nil && err == nil {
		err = cerr
	}
	s.lock = nil
	if err != nil {
		return fmt.Errorf("close case: %w", err)
	}
	return nil
}

// timeLayout writes times as RFC 3339 in UTC with a fixed number of
// fractional digits, so that they sort as text.
const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

// now is the current time as it is stored: UTC, microseconds.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}
