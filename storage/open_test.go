package storage_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
	_ "github.com/mattn/go-sqlite3"
)

func TestCreateAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.ewcase")

	_, err := storage.Open(path, storage.Options{})
	wantCode(t, err, app.ENotFound)
	if !strings.Contains(app.ErrorMessage(err), "No case file at") {
		t.Errorf("message = %q", app.ErrorMessage(err))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Open without Create made a file: %v", err)
	}

	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	a := article("Forces enter Husaybah", "Iraqi forces entered Husaybah on Thursday.")
	a.Sources = []app.ArticleSource{{Name: "AFP", Role: app.RoleOrigin}}
	mustCreate(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Errorf("Close left a -wal file: %v", err)
	}

	// Reopening runs no migration twice and keeps the data, with or without Create.
	for _, opts := range []storage.Options{{}, {Create: true}} {
		s, err := storage.Open(path, opts)
		if err != nil {
			t.Fatalf("reopen %+v: %v", opts, err)
		}
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("reopened article = %+v\nwant %+v", got, a)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if v := pragmaInt(t, path, "user_version"); v < 1 {
		t.Errorf("user_version = %d after migrating", v)
	}
	if id := pragmaInt(t, path, "application_id"); id != storage.ApplicationID {
		t.Errorf("application_id = %#x, want %#x", id, storage.ApplicationID)
	}
}

// pragmaInt reads an integer PRAGMA from a closed case with a plain connection.
func pragmaInt(t *testing.T, path, name string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int64
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestCreateOnEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.ewcase")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := storage.Open(path, storage.Options{})
	wantCode(t, err, app.ENotCase)
	if n := fileHash(t, path); n != fileHash(t, os.DevNull) {
		t.Fatalf("refused empty file changed")
	}
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatalf("Create on an empty file: %v", err)
	}
	mustCreate(t, s, article("t", "some text"))
	s.Close()
}

func TestOpenRefusesNewerCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newer.ewcase")
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, article("t", "text of an article"))
	s.Close()
	// A later build bumped the case format to 999.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	var v [4]byte
	binary.BigEndian.PutUint32(v[:], 999)
	if _, err := f.WriteAt(v[:], 60); err != nil {
		t.Fatal(err)
	}
	f.Close()

	before := caseFiles(t, path)
	_, err = storage.Open(path, storage.Options{Create: true})
	wantCode(t, err, app.ENewer)
	msg := app.ErrorMessage(err)
	for _, want := range []string{path, "newer version", "case format 999", "Update the workbench", "not changed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if after := caseFiles(t, path); !reflect.DeepEqual(before, after) {
		t.Errorf("files changed: before %v after %v", before, after)
	}
	if before["wal"] != "absent" {
		t.Errorf("a -wal file appeared")
	}
}

// A -wal file can hold a newer header than the main file: the user_version
// SQLite sees decides, and neither file changes.
func TestOpenRefusesNewerCaseInWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "live.ewcase")
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, article("t", "text of an article"))
	s.Close()

	// A newer build writes to the case; the copy taken while it runs has
	// the new header only in the -wal file.
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.ewcase")
	copyFile(t, path, copyPath)
	copyFile(t, path+"-wal", copyPath+"-wal")
	if v := binary.BigEndian.Uint32(readHead(t, copyPath)[60:]); v == 999 {
		t.Fatalf("test setup: main file already has the new version")
	}

	before := caseFiles(t, copyPath)
	_, err = storage.Open(copyPath, storage.Options{})
	wantCode(t, err, app.ENewer)
	if !strings.Contains(app.ErrorMessage(err), "case format 999") {
		t.Errorf("message = %q", app.ErrorMessage(err))
	}
	if after := caseFiles(t, copyPath); !reflect.DeepEqual(before, after) {
		t.Errorf("files changed: before %v after %v", before, after)
	}
	if _, err := os.Stat(copyPath + "-shm"); !os.IsNotExist(err) {
		t.Errorf("refusal left a -shm file behind: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readHead(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 100)
	if _, err := io.ReadFull(f, b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenRefusesNonCases(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}

	// A real case, cut short as an interrupted copy would.
	good := filepath.Join(dir, "good.ewcase")
	s, err := storage.Open(good, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		mustCreate(t, s, article(fmt.Sprint("article ", i), strings.Repeat(fmt.Sprintf("word%d ", i), 2000)))
	}
	s.Close()
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	// The same case with one page in the middle overwritten.
	damaged := append([]byte(nil), whole...)
	pageSize := int(binary.BigEndian.Uint16(whole[16:]))
	copy(damaged[len(damaged)/2/pageSize*pageSize:], random[:pageSize])
	// And with its schema page (the rest of page 1) overwritten.
	badSchema := append([]byte(nil), whole...)
	copy(badSchema[100:pageSize], random)

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite3", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignBytes, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}

	tests := map[string]struct {
		content []byte
		create  bool
		message string
	}{
		"random bytes":          {content: random, create: true, message: "is not an Evidence Workbench case"},
		"text file":             {content: []byte("Forces retook the town.\nNotes to self.\n"), create: true, message: "not a SQLite database"},
		"short file":            {content: []byte("SQLite format 3\x00"), message: "is not an Evidence Workbench case"},
		"empty file, no create": {content: []byte{}, message: "is not an Evidence Workbench case"},
		"foreign SQLite":        {content: foreignBytes, create: true, message: "a SQLite database, but not an Evidence Workbench case"},
		"truncated case":        {content: whole[:len(whole)/2], create: true, message: "damaged"},
		"damaged page":          {content: damaged, create: true, message: "damaged"},
		"damaged schema":        {content: badSchema, create: true, message: "damaged"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.ewcase")
			if err := os.WriteFile(path, tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			before := caseFiles(t, path)
			s, err := storage.Open(path, storage.Options{Create: tc.create})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			wantCode(t, err, app.ENotCase)
			msg := app.ErrorMessage(err)
			if !strings.Contains(msg, tc.message) || !strings.Contains(msg, "not changed") || !strings.Contains(msg, path) {
				t.Errorf("message = %q, want it to name the file, say %q and that it was not changed", msg, tc.message)
			}
			if after := caseFiles(t, path); !reflect.DeepEqual(before, after) {
				t.Errorf("files changed: before %v after %v", before, after)
			}
		})
	}
}

func TestOpenFolder(t *testing.T) {
	_, err := storage.Open(t.TempDir(), storage.Options{Create: true})
	wantCode(t, err, app.ENotCase)
}

func TestOpenLockedInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.ewcase")
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = storage.Open(path, storage.Options{Create: true})
	wantCode(t, err, app.ELocked)
	want := path + " is open in another Evidence Workbench window or command. Close it there, then try again."
	if msg := app.ErrorMessage(err); msg != want {
		t.Errorf("message = %q, want %q", msg, want)
	}
	// The refused Open must not have disturbed the first store.
	mustCreate(t, s, article("still works", "the first store still writes"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatalf("open after Close: %v", err)
	}
	list, err := s2.Articles(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("Articles() = %v, %v; want the one article", list, err)
	}
	s2.Close()
}

// TestHelperHoldCase is not a test: TestOpenLockedByOtherProcess runs the
// test binary again with it to hold a case open in another process.
func TestHelperHoldCase(t *testing.T) {
	path := os.Getenv("EWB_HOLD_CASE")
	if path == "" {
		t.Skip("helper process only")
	}
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	defer s.Close()
	fmt.Println("holding")
	io.Copy(io.Discard, os.Stdin) // until the parent closes stdin or kills us
}

func TestOpenLockedByOtherProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file lock on Windows")
	}
	path := filepath.Join(t.TempDir(), "shared.ewcase")
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldCase$")
	cmd.Env = append(os.Environ(), "EWB_HOLD_CASE="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "holding\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}

	_, err = storage.Open(path, storage.Options{})
	wantCode(t, err, app.ELocked)

	// The lock dies with the process, even when it cannot clean up.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	s, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatalf("open after the other process died: %v", err)
	}
	s.Close()
}

func TestOpenCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wired.ewcase")
	c, err := storage.OpenCase(path, false)
	if c != nil {
		t.Errorf("failed OpenCase returned a non-nil Case %#v", c)
	}
	wantCode(t, err, app.ENotFound)
	c, err = storage.OpenCase(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path() != path {
		t.Errorf("Path() = %q", c.Path())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}
