package casegen

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Version changes whenever Generate makes a different case, so that a
// cached case from an older generator is not reused.
const Version = 1

// cachePrefix starts the name of every cached case in the cache folder.
const cachePrefix = "ewb-scale-"

// key names a spec in a file name.
func (s Spec) key() string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%+v", s)
	return fmt.Sprintf("%d-%016x", s.Articles, h.Sum64())
}

// Cached returns the path of a case generated from spec, making it first
// when the cache folder (os.TempDir) has none for this generator version,
// this spec and the case format the opener writes (open is
// storage.OpenCase; this package does not import storage). Generating the Scale
// case takes about a minute; later calls return at once. Concurrent
// callers (benchmarks of several packages run side by side) wait for one
// generator. The cached file must not be changed: open a copy (CopyCase).
func Cached(ctx context.Context, spec Spec, open app.CaseOpener, logf func(format string, args ...any)) (string, error) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	dir := os.TempDir()
	schema, err := caseFormat(dir, open)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%sg%d-f%d-%s.ewcase", cachePrefix, Version, schema, spec.key()))
	if fileExists(path) {
		return path, nil
	}
	unlock, err := lockPath(filepath.Join(dir, cachePrefix+"lock"))
	if err != nil {
		return "", fmt.Errorf("lock the case cache: %w", err)
	}
	defer unlock()
	if fileExists(path) { // made by another process while we waited
		return path, nil
	}
	partial := path + ".partial"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(partial + suffix)
	}
	logf("casegen: generating %s (once; later runs reuse it)", path)
	k, err := open(partial, true)
	if err != nil {
		return "", fmt.Errorf("create %s: %w", partial, err)
	}
	st, err := Generate(ctx, k, spec, nil)
	if cerr := k.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.Remove(partial)
		return "", fmt.Errorf("generate the case: %w", err)
	}
	logf("casegen: %s", st)
	if err := os.Rename(partial, path); err != nil {
		return "", fmt.Errorf("put the generated case in place: %w", err)
	}
	removeStale(dir, filepath.Base(path))
	return path, nil
}

// removeStale deletes cached cases of other versions, specs or formats:
// each is hundreds of megabytes.
func removeStale(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, cachePrefix) && strings.HasSuffix(n, ".ewcase") && n != keep {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// caseFormat is the case format (PRAGMA user_version) a new case gets from
// open: it makes an empty case in a temporary folder and reads the SQLite
// header.
func caseFormat(dir string, open app.CaseOpener) (int, error) {
	tmp, err := os.MkdirTemp(dir, cachePrefix+"probe-")
	if err != nil {
		return 0, fmt.Errorf("probe the case format: %w", err)
	}
	defer os.RemoveAll(tmp)
	p := filepath.Join(tmp, "probe.ewcase")
	k, err := open(p, true)
	if err != nil {
		return 0, fmt.Errorf("probe the case format: %w", err)
	}
	if err := k.Close(); err != nil {
		return 0, fmt.Errorf("probe the case format: %w", err)
	}
	f, err := os.Open(p)
	if err != nil {
		return 0, fmt.Errorf("probe the case format: %w", err)
	}
	defer f.Close()
	var h [64]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return 0, fmt.Errorf("probe the case format: read header: %w", err)
	}
	return int(binary.BigEndian.Uint32(h[60:64])), nil
}

// CopyCase copies the (closed) case file at src into dir and returns the
// copy's path, for a benchmark to open and change freely.
func CopyCase(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("copy case: %w", err)
	}
	defer in.Close()
	dst := filepath.Join(dir, strings.TrimPrefix(filepath.Base(src), cachePrefix))
	out, err := os.Create(dst)
	if err != nil {
		return "", fmt.Errorf("copy case: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return "", fmt.Errorf("copy case: %w", err)
	}
	if err := out.Close(); err != nil {
		return "", fmt.Errorf("copy case: %w", err)
	}
	return dst, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
