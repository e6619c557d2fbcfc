package merge

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// sqliteMagic begins every SQLite database file, so every case file.
var sqliteMagic = []byte("SQLite format 3\x00")

// ReadOther reads the case to merge from a Workbench JSON file or a case
// file. A case file is never opened in place: opening upgrades an older
// case and locks it, and the other analyst's file must not change, so a
// copy (with its write-ahead log) in a temporary folder is opened instead.
func ReadOther(ctx context.Context, open app.CaseOpener, path string) (*app.Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "%s cannot be read", path)
	}
	defer f.Close()
	head, err := bufio.NewReader(f).Peek(len(sqliteMagic))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, app.WrapError(app.EInvalid, err, "%s cannot be read", path)
	}
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("rewind %s: %w", path, err)
		}
		s, err := export.ReadJSON(f)
		if err != nil {
			return nil, app.WrapError(app.ErrorCode(err), err, "%s cannot be merged: %s", path, app.ErrorMessage(err))
		}
		return s, nil
	}
	if !bytes.Equal(head, sqliteMagic) {
		return nil, app.Errorf(app.EUnsupported, "%s is neither an Evidence Workbench case file nor a Workbench JSON file.", path)
	}
	dir, err := os.MkdirTemp("", "workbench-merge-")
	if err != nil {
		return nil, app.WrapError(app.EInternal, err, "no temporary folder for a copy of %s", path)
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "theirs.ewcase")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, cp+suffix); err != nil {
			if suffix != "" && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, app.WrapError(app.EInvalid, err, "%s cannot be copied to read it", path)
		}
	}
	k, err := open(cp, false)
	if err != nil {
		return nil, app.WrapError(app.ErrorCode(err), err, "%s cannot be merged: %s", path, app.ErrorMessage(err))
	}
	defer k.Close()
	s, err := app.LoadSnapshot(ctx, k)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
