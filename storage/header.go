package storage

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// ApplicationID is the SQLite application_id of every case file: "EWB1".
const ApplicationID = 0x45574231

// The SQLite database header, https://www.sqlite.org/fileformat.html.
const (
	headerSize         = 100
	offPageSize        = 16 // 2 bytes; 1 means 65536
	offChangeCounter   = 24
	offPageCount       = 28 // valid when the change counter equals offValidFor
	offUserVersion     = 60
	offApplicationID   = 68
	offValidFor        = 92
	sqliteHeaderString = "SQLite format 3\x00"
)

// header is what inspectHeader learnt about an existing file.
type header struct {
	empty       bool // zero bytes: nothing to inspect
	userVersion int
}

// notCase is the refusal for anything that is not a readable case.
func notCase(path string, cause error) error {
	return app.WrapError(app.ENotCase, cause, "%s is not an Evidence Workbench case (it is not a SQLite database, or it is damaged). It was not changed.", path)
}

// damaged is the refusal for a case whose file is shorter than its header says.
func damaged(path string) error {
	return app.Errorf(app.ENotCase, "%s is not an Evidence Workbench case (it is damaged: the file is shorter than its header says, as if a copy was cut off). It was not changed; restore it from a backup.", path)
}

func foreign(path string) error {
	return app.Errorf(app.ENotCase, "%s is a SQLite database, but not an Evidence Workbench case. It was not changed.", path)
}

func newer(path string, version, latest int) error {
	return app.Errorf(app.ENewer, "%s was written by a newer version of Evidence Workbench (case format %d; this build reads up to %d). Update the workbench to open it. The file was not changed.", path, version, latest)
}

// inspectHeader reads the 100-byte SQLite header of the open file f itself,
// before SQLite ever sees the file, so that a foreign, damaged or newer
// file is refused without a byte of it changing (SQLite would rewrite
// header bytes just to switch the journal mode to WAL).
func inspectHeader(f *os.File, path string, latest int) (header, error) {
	fi, err := f.Stat()
	if err != nil {
		return header{}, fmt.Errorf("stat case file: %w", err)
	}
	if fi.Size() == 0 {
		return header{empty: true}, nil
	}
	var h [headerSize]byte
	if _, err := f.ReadAt(h[:], 0); err != nil {
		if errors.Is(err, io.EOF) {
			return header{}, notCase(path, nil)
		}
		return header{}, fmt.Errorf("read case file header: %w", err)
	}
	if !bytes.Equal(h[:len(sqliteHeaderString)], []byte(sqliteHeaderString)) {
		return header{}, notCase(path, nil)
	}
	// After a crash (or a kill) the newest pages, page 1 with this header
	// among them, may still sit in the -wal file: a brand-new case's main
	// file then shows application_id 0. With a non-empty -wal, the probe,
	// which reads through the log, decides instead of these bytes.
	wal := hasWAL(path)
	version := int(binary.BigEndian.Uint32(h[offUserVersion:]))
	// Application id and format 0 is any SQLite file that never set them:
	// another program's database, or a case whose creation was cut off
	// before its first migration committed. The probe tells them apart.
	blankHeader := binary.BigEndian.Uint32(h[offApplicationID:]) == 0 && version == 0
	if !wal && !blankHeader {
		if binary.BigEndian.Uint32(h[offApplicationID:]) != ApplicationID {
			return header{}, foreign(path)
		}
		if version > latest {
			return header{}, newer(path, version, latest)
		}
	}
	pageSize := int64(binary.BigEndian.Uint16(h[offPageSize:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return header{}, notCase(path, nil)
	}
	// The page count is only trusted when the header says it is current,
	// and a non-empty -wal file may hold pages not yet copied back: then
	// SQLite's own checks decide.
	pages := int64(binary.BigEndian.Uint32(h[offPageCount:]))
	current := binary.BigEndian.Uint32(h[offChangeCounter:]) == binary.BigEndian.Uint32(h[offValidFor:])
	if current && !wal && fi.Size() < pageSize*pages {
		return header{}, damaged(path)
	}
	return header{userVersion: version}, nil
}

// hasWAL reports whether a non-empty write-ahead log lies next to path.
func hasWAL(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// probe opens the case read-only, with no pragma that could write, and
// checks what SQLite itself sees: the -wal file may hold a newer header than
// the main file, and pages past the header may be damaged. Without a -wal
// file the main file is the whole case and is opened immutable, so SQLite
// creates no -wal or -shm file next to a file it then refuses; with one, a
// -shm file the probe had to create is removed again on refusal.
func probe(path string, latest int) (err error) {
	params := "?mode=ro&immutable=1"
	if _, serr := os.Stat(path + "-wal"); serr == nil {
		params = "?mode=ro"
		if _, serr := os.Stat(path + "-shm"); errors.Is(serr, fs.ErrNotExist) {
			defer func() {
				if err != nil {
					os.Remove(path + "-shm")
				}
			}()
		}
	}
	db, err := sql.Open("sqlite3", fileURI(path)+params)
	if err != nil {
		return fmt.Errorf("open case read-only: %w", err)
	}
	defer db.Close()
	var appID, version int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return sqliteOpenError(path, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return sqliteOpenError(path, err)
	}
	if appID == 0 && version == 0 {
		var objects int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
			return sqliteOpenError(path, err)
		}
		if objects == 0 {
			return errBlank
		}
	}
	if uint32(appID) != ApplicationID {
		return foreign(path)
	}
	if version > int64(latest) {
		return newer(path, int(version), latest)
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&check); err != nil {
		return sqliteOpenError(path, err)
	}
	if check != "ok" {
		return notCase(path, errors.New(check))
	}
	return db.Close()
}

// errBlank is the probe's verdict on a SQLite file that holds nothing at
// all: no table, no application id, format 0. A new case is such a file
// from the moment SQLite switches it to WAL until its first migration
// commits, so a kill or power cut in between leaves one behind.
var errBlank = errors.New("an empty SQLite database")

// isCorrupt reports whether SQLite found the file damaged or not a
// database. It reads SQLite's stable messages for SQLITE_CORRUPT and
// SQLITE_NOTADB rather than the driver's error type, which exists only in
// cgo builds.
func isCorrupt(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "file is not a database") || strings.Contains(msg, "malformed")
}

// sqliteOpenError turns SQLite's verdict on a damaged file into the user's
// refusal, and anything else into a wrapped error.
func sqliteOpenError(path string, err error) error {
	if isCorrupt(err) {
		return notCase(path, err)
	}
	return app.WrapError(app.EInternal, err, "%s could not be opened", path)
}
