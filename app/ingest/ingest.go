// Package ingest turns files and pasted text into articles: plain text,
// Markdown, HTML (main text) and PDF (text layer). The text is kept exactly
// as read after decoding to UTF-8; what the importer learns about it — title,
// byline, stated publication date, URL, publisher, origin and translator,
// boilerplate ranges — is metadata or rune ranges over that text, each field
// with the evidence of how it is known.
//
// The Importer stores articles through an app.ArticleStore, one result per
// file, refusing a second copy of the same text as a duplicate.
package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// DefaultMaxBytes is the size limit of one imported file or text: 16 MiB.
const DefaultMaxBytes int64 = 16 << 20

// Options tune parsing.
type Options struct {
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ParseFile reads and parses the file at path. Failures are *app.Error
// with a message naming the file.
func ParseFile(path string, opts Options) (*app.Article, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, openError(name, err)
	}
	if fi.IsDir() {
		return nil, app.Errorf(app.EInvalid, "%s is a folder; import it as a folder to take in the articles inside", name)
	}
	if !fi.Mode().IsRegular() {
		return nil, app.Errorf(app.EUnsupported, "%s is not a regular file", name)
	}
	limit := opts.maxBytes()
	if fi.Size() > limit {
		return nil, tooLarge(name, fi.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "cannot read %s; check that the file is readable", name)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	return Parse(name, data, opts)
}

func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return app.WrapError(app.ENotFound, err, "%s does not exist", name)
	case errors.Is(err, fs.ErrPermission):
		return app.WrapError(app.EInvalid, err, "cannot read %s: permission denied; check the file's permissions", name)
	}
	return app.WrapError(app.EInvalid, err, "cannot read %s", name)
}

func tooLarge(name string, size, limit int64) error {
	return app.Errorf(app.ETooLarge, "%s is %s; the limit is %s", name, overSize(size, limit), megabytes(limit))
}

// overSize writes a size that is over limit so that it reads as more than
// the limit: "20.3 MB", or "just over 16 MB" where both would round alike.
func overSize(size, limit int64) string {
	s, l := megabytes(size), megabytes(limit)
	if s == l && size > limit {
		return "just over " + l
	}
	return s
}

// megabytes writes a size as "20.3 MB" (binary megabytes, as file
// managers count), dropping ".0"; sizes under a megabyte in KB or bytes.
func megabytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<10)), ".0") + " KB"
	}
	s := fmt.Sprintf("%.1f", float64(n)/(1<<20))
	s = strings.TrimSuffix(s, ".0")
	return s + " MB"
}

// Parse turns the bytes of a file called name into an article. The format
// comes from the extension, corrected by the content: a PDF renamed .txt is
// read as a PDF, an HTML page saved as .txt as HTML, and images, archives
// and programs are refused.
func Parse(name string, data []byte, opts Options) (*app.Article, error) {
	name = filepath.Base(name)
	if limit := opts.maxBytes(); int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	if isPDF(data) {
		return parsePDF(name, data)
	}
	if what := sniffBinary(data); what != "" {
		return nil, app.Errorf(app.EUnsupported, "%s looks like %s, not an article", name, what)
	}
	ext := extFormat(name)
	if ext == "pdf" {
		return nil, app.Errorf(app.EInvalid, "%s is named .pdf but is not a PDF file (it has no %%PDF header); it may be damaged or something else renamed", name)
	}
	text, warnings, err := decodeText(data)
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "cannot decode the text of %s", name)
	}
	switch {
	case looksRTF(text):
		return nil, app.Errorf(app.EUnsupported, "%s is an RTF document; save it as plain text or PDF and import that", name)
	case ext == "html" && strings.Contains(text, "<"), looksHTML(text):
		return parseHTML(name, data, text, warnings)
	case ext == "md":
		return parseText(name, text, app.FormatMarkdown, warnings)
	}
	return parseText(name, text, app.FormatText, warnings)
}

// ParsePaste turns pasted text into an article (app.FormatPaste), with the
// same heuristics as a text file.
func ParsePaste(text string) (*app.Article, error) {
	return parsePaste("pasted text", text)
}

func parsePaste(name, text string) (*app.Article, error) {
	name = capitalize(name) // messages start with it: "Pasted text is empty"
	a, err := parsePasteAs(name, []byte(text))
	if a != nil {
		a.Filename = "" // not a file
	}
	return a, err
}

func parsePasteAs(name string, data []byte) (*app.Article, error) {
	if isPDF(data) {
		return parsePDF(name, data)
	}
	if what := sniffBinary(data); what != "" {
		return nil, app.Errorf(app.EUnsupported, "%s looks like %s, not an article", name, what)
	}
	decoded, warnings, err := decodeText(data)
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "cannot decode %s", name)
	}
	switch {
	case looksRTF(decoded):
		return nil, app.Errorf(app.EUnsupported, "%s is an RTF document; save it as plain text or PDF and import that", name)
	case looksHTML(decoded):
		return parseHTML(name, data, decoded, warnings)
	}
	return parseText(name, decoded, app.FormatPaste, warnings)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseText builds an article from decoded plain text or Markdown.
func parseText(name, text string, format app.Format, warnings []string) (*app.Article, error) {
	if strings.TrimSpace(text) == "" {
		return nil, app.Errorf(app.EInvalid, "%s is empty", name)
	}
	f := analyzeText(text, format == app.FormatMarkdown)
	return newArticle(name, text, format, f, warnings), nil
}

// newArticle assembles an article from text and what was found in it.
func newArticle(name, text string, format app.Format, f findings, warnings []string) *app.Article {
	now := time.Now().UTC()
	a := &app.Article{
		ID:          app.NewID(),
		ArticleMeta: f.meta,
		Text:        text,
		TextHash:    app.TextHash(text),
		Format:      format,
		Filename:    name,
		Excluded:    f.excluded,
		Sources:     f.sources,
		ImportedAt:  now,
		UpdatedAt:   now,
	}
	a.Warnings = append(append([]string(nil), warnings...), f.warnings...)
	if a.Title == "" {
		a.Title = strings.TrimSuffix(name, filepath.Ext(name))
		a.Known.Title = app.Evidence{Basis: app.BasisFile, Detail: "file name (no headline found)"}
	}
	return a
}
