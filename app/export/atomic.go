package export

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// WriteFile writes a file atomically: write fills a temporary file in the
// destination's folder, which is synced to disk and then renamed over path.
// On any error the temporary file is removed and an existing file at path
// is left exactly as it was, so a failed export never leaves a half-written
// destination. Errors are *app.Error with a sentence for the user (the
// folder is missing, permission denied, the disk is full).
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return app.Errorf(app.EInvalid, "%s is a folder: give a file name to export to", path)
	}
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return app.Errorf(app.EInvalid, "%s is a folder: give a file name to export to", path)
	}
	mode := fs.FileMode(0o644)
	if st, serr := os.Stat(path); serr == nil {
		mode = st.Mode().Perm()
	}
	removeStaleParts(dir, base)
	f, err := os.CreateTemp(dir, "."+base+".*.part")
	if err != nil {
		return fileError(path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 256<<10)
	if err = write(bw); err != nil {
		return fileError(path, err)
	}
	if err = bw.Flush(); err != nil {
		return fileError(path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return fileError(path, err)
	}
	if err = f.Sync(); err != nil {
		return fileError(path, err)
	}
	if err = f.Close(); err != nil {
		return fileError(path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fileError(path, err)
	}
	// The rename is durable once the folder's entry is on disk. Not every
	// system can sync a folder; the file itself is already safe.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// staleAfter is how old a temporary file of an export must be before a
// later export to the same file removes it: a younger one may be another
// window's export still being written.
const staleAfter = time.Hour

// removeStaleParts removes the temporary files an export to dir/base left
// when it was killed before it could clean up (WriteFile removes its own on
// any error it sees). Only hidden ".base.*.part" files older than
// staleAfter are touched; failures are ignored, the export goes on.
func removeStaleParts(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".part") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// fileError turns a failure to write path into a sentence for the user.
// An *app.Error from the writer (bad data) passes through unchanged.
func fileError(path string, err error) error {
	dir := filepath.Dir(path)
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return app.WrapError(app.EInvalid, err, "The disk is full, so %s could not be written. Free some space or export to another disk; nothing was changed at the destination", path)
	case errors.Is(err, syscall.EDQUOT):
		return app.WrapError(app.EInvalid, err, "Your disk quota is used up, so %s could not be written. Free some space or export elsewhere; nothing was changed at the destination", path)
	case errors.Is(err, syscall.EROFS):
		return app.WrapError(app.EInvalid, err, "The folder %s is on a read-only disk. Export to another folder", dir)
	case errors.Is(err, fs.ErrPermission):
		return app.WrapError(app.EInvalid, err, "Permission denied: you cannot write to %s. Choose another folder or check its permissions", dir)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return app.WrapError(app.ENotFound, err, "The folder %s does not exist. Create it or choose another folder", dir)
	}
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	return app.WrapError(app.EInternal, err, "Could not write %s; nothing was changed at the destination", path)
}
