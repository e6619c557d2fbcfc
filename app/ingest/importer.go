package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Progress is told after every file: how many are done out of how many,
// and how the last one ended.
type Progress func(done, total int, r app.ImportResult)

// Importer parses files and stores them as articles, one result per file.
// A file that fails leaves nothing behind; the others still import.
type Importer struct {
	Store   app.ArticleStore
	Options Options
}

// msgCancelled is the message of files left when the import is cancelled.
const msgCancelled = "cancelled: the import was stopped before this file"

// importItem is one file to import, or a path that failed before parsing.
type importItem struct {
	path string
	fail error
	fsys fs.FS // set for ImportFS
}

// Import imports files and folders. A folder is walked recursively for
// .txt, .md, .markdown, .html, .htm and .pdf files (sorted, hidden files and
// folders skipped). A cancelled ctx stops between files; the files left get
// a "cancelled" result. progress, if not nil, is called after every file.
func (im *Importer) Import(ctx context.Context, paths []string, progress Progress) []app.ImportResult {
	var items []importItem
	for _, p := range paths {
		items = append(items, expandPath(p)...)
	}
	return im.run(ctx, items, progress)
}

// ImportFS imports the articles under dir in fsys (the embedded sample
// case), with the same rules as a folder on disk.
func (im *Importer) ImportFS(ctx context.Context, fsys fs.FS, dir string, progress Progress) []app.ImportResult {
	if fsys == nil {
		return []app.ImportResult{{Path: dir, Status: app.ImportFailed, Message: "there is nothing to import"}}
	}
	if dir == "" {
		dir = "."
	}
	var items []importItem
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			items = append(items, importItem{path: p, fail: app.WrapError(app.EInvalid, err, "cannot read %s", p)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && importable(name) {
			items = append(items, importItem{path: p, fsys: fsys})
		}
		return nil
	})
	if err != nil && len(items) == 0 {
		items = append(items, importItem{path: dir, fail: app.WrapError(app.EInvalid, err, "cannot read %s", dir)})
	}
	return im.run(ctx, items, progress)
}

// ImportText imports pasted text or standard input as one article; name
// says where it came from ("pasted text", "standard input").
func (im *Importer) ImportText(ctx context.Context, name, text string) app.ImportResult {
	if name == "" {
		name = "pasted text"
	}
	limit := im.Options.maxBytes()
	return im.store(ctx, name, func() (*app.Article, error) {
		if int64(len(text)) > limit {
			return nil, app.Errorf(app.ETooLarge, "%s is %s; the limit is %s", capitalize(name), overSize(int64(len(text)), limit), megabytes(limit))
		}
		return parsePaste(name, text)
	})
}

// expandPath turns a path into the files to import: the file itself, or
// the importable files of a folder.
func expandPath(p string) []importItem {
	name := filepath.Base(p)
	fi, err := os.Stat(p)
	if err != nil {
		return []importItem{{path: p, fail: openError(name, err)}}
	}
	if !fi.IsDir() {
		return []importItem{{path: p}}
	}
	var items []importItem
	err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			msg := "cannot read %s"
			if errors.Is(err, fs.ErrPermission) {
				msg = "cannot read %s: permission denied; check the folder's permissions"
			}
			items = append(items, importItem{path: q, fail: app.WrapError(app.EInvalid, err, msg, filepath.Base(q))})
			if d != nil && d.IsDir() && q != p {
				return fs.SkipDir
			}
			return nil
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && importable(d.Name()) {
			items = append(items, importItem{path: q})
		}
		return nil
	})
	if err != nil && len(items) == 0 {
		return []importItem{{path: p, fail: openError(name, err)}}
	}
	if len(items) == 0 {
		return []importItem{{path: p, fail: app.Errorf(app.EInvalid, "the folder %s has no .txt, .md, .markdown, .html, .htm or .pdf files", name)}}
	}
	return items
}

// run imports the items in order, stopping between files when ctx is done.
func (im *Importer) run(ctx context.Context, items []importItem, progress Progress) []app.ImportResult {
	results := make([]app.ImportResult, 0, len(items))
	for i, it := range items {
		var r app.ImportResult
		switch {
		case ctx.Err() != nil:
			r = app.ImportResult{Path: it.path, Status: app.ImportFailed, Message: msgCancelled}
		case it.fail != nil:
			r = app.ImportResult{Path: it.path, Status: app.ImportFailed, Message: app.ErrorMessage(it.fail)}
		case it.fsys != nil:
			r = im.store(ctx, it.path, func() (*app.Article, error) { return parseFS(it.fsys, it.path, im.Options) })
		default:
			r = im.store(ctx, it.path, func() (*app.Article, error) { return ParseFile(it.path, im.Options) })
		}
		results = append(results, r)
		if progress != nil {
			progress(i+1, len(items), r)
		}
	}
	return results
}

// parseFS reads and parses one file of an fs.FS.
func parseFS(fsys fs.FS, p string, opts Options) (*app.Article, error) {
	name := path.Base(p)
	if fi, err := fs.Stat(fsys, p); err == nil && fi.Size() > opts.maxBytes() {
		return nil, tooLarge(name, fi.Size(), opts.maxBytes())
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, openError(name, err)
	}
	return Parse(name, data, opts)
}

// store parses one input and stores the article unless its text is
// already in the case. A panic while parsing is reported as a failure.
func (im *Importer) store(ctx context.Context, p string, parse func() (*app.Article, error)) (r app.ImportResult) {
	start := time.Now()
	r = app.ImportResult{Path: p, Status: app.ImportFailed}
	name := filepath.Base(p)
	defer func() {
		if x := recover(); x != nil {
			r = app.ImportResult{Path: p, Status: app.ImportFailed,
				Message: fmt.Sprintf("importing %s failed unexpectedly (%v); this is a bug in the workbench — please report it with the file", name, x)}
		}
		r.Took = time.Since(start)
	}()
	a, err := parse()
	if err != nil {
		r.Message = app.ErrorMessage(err)
		return r
	}
	r.Title, r.Warnings = a.Title, a.Warnings
	if im.Store == nil {
		r.Message = "no case is open to import into"
		return r
	}
	if _, ok := im.duplicate(ctx, a.TextHash, &r); ok || r.Message != "" {
		return r
	}
	now := time.Now().UTC()
	a.ImportedAt, a.UpdatedAt = now, now
	if err := im.Store.CreateArticle(ctx, a); err != nil {
		if app.ErrorCode(err) == app.EConflict {
			if _, ok := im.duplicate(ctx, a.TextHash, &r); ok {
				return r
			}
			r.Status, r.Message = app.ImportDuplicate, "duplicate of an article already in the case"
			return r
		}
		r.Message = fmt.Sprintf("cannot store %s: %s", name, app.ErrorMessage(err))
		return r
	}
	r.Status, r.ArticleID = app.ImportImported, a.ID
	return r
}

// duplicate looks the text hash up; when an article has it, r becomes a
// duplicate result. A failed lookup (other than not found) fails r.
func (im *Importer) duplicate(ctx context.Context, hash string, r *app.ImportResult) (*app.ArticleSummary, bool) {
	s, err := im.Store.ArticleByHash(ctx, hash)
	switch {
	case err == nil && s != nil:
		r.Status, r.ArticleID = app.ImportDuplicate, s.ID
		r.Message = "duplicate of “" + s.Title + "”"
		return s, true
	case err != nil && app.ErrorCode(err) != app.ENotFound:
		r.Message = "cannot check the case for a copy of this article: " + app.ErrorMessage(err)
	}
	return nil, false
}
