package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/evidence-workbench/workbench/app"
)

const maxPages = 5000

// parsePDF reads the text layer of a PDF, rebuilding lines and word spaces
// from glyph positions. The PDF's Title and CreationDate are used as file
// hints only when the text states none.
func parsePDF(name string, data []byte) (art *app.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = nil, app.Errorf(app.EInvalid, "%s is a damaged PDF (%v); open it in a PDF viewer and save or print it to a new PDF, then import that", name, r)
		}
	}()
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	r, err := openPDF(data)
	if err != nil {
		return nil, pdfOpenError(name, data, err)
	}
	root := r.Trailer().Key("Root").Key("Pages")
	pages := collectPages(root)
	if len(pages) == 0 {
		return nil, app.Errorf(app.EInvalid, "%s is a damaged or truncated PDF (no pages could be found); download or export it again", name)
	}
	var paras []string
	var warnings []string
	failed := 0
	for n, p := range pages {
		glyphs, perr := pageGlyphs(p)
		if perr != nil {
			failed++
			if failed <= 3 {
				warnings = append(warnings, fmt.Sprintf("page %d of the PDF could not be read completely: %v", n+1, perr))
			}
		}
		if t := layoutPage(glyphs); t != "" {
			paras = append(paras, t)
		}
	}
	text := strings.Join(paras, "\n\n")
	if strings.TrimSpace(text) == "" {
		if !r.Trailer().Key("Encrypt").IsNull() {
			return nil, app.Errorf(app.EUnsupported, "%s is an encrypted PDF this workbench cannot decrypt; open it in a PDF viewer, print it to a new PDF, and import that", name)
		}
		if failed == len(pages) {
			return nil, app.Errorf(app.EInvalid, "%s is a damaged PDF: none of its %d pages could be read; open it in a PDF viewer and save or print it to a new PDF", name, len(pages))
		}
		return nil, app.Errorf(app.EUnsupported, "%s has no text layer (scanned image?); run it through OCR (for example ocrmypdf) and import the result", name)
	}
	f := analyzeText(text, false)
	a := newArticle(name, text, app.FormatPDF, f, warnings)
	info := r.Trailer().Key("Info")
	pdfTitleHint(a, f, info.Key("Title").Text())
	if !a.Published.Known() {
		if t, ok := pdfDate(info.Key("CreationDate").Text()); ok {
			a.Published = app.PubDate{Date: app.DateOf(t), HasTime: true, Hour: t.Hour(), Minute: t.Minute()}
			a.Known.Published = app.Evidence{Basis: app.BasisFile, Detail: "PDF creation date (when the file was made; the text states no date)"}
		}
	}
	return a, nil
}

// openPDF opens data, presenting a PDF 2.0 header as 1.7 (the reader
// refuses 2.0 though the syntax it needs is the same).
func openPDF(data []byte) (*pdf.Reader, error) {
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		d := append([]byte(nil), data...)
		copy(d, "%PDF-1.7")
		data = d
	}
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// pdfOpenError explains why a PDF cannot be opened.
func pdfOpenError(name string, data []byte, err error) error {
	msg := err.Error()
	encrypted := bytes.Contains(data, []byte("/Encrypt"))
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return app.WrapError(app.EUnsupported, err, "%s is a password-protected PDF; open it with its password, save or print an unprotected copy, and import that", name)
	case encrypted && (strings.Contains(msg, "encrypt") || strings.Contains(msg, "unsupported")):
		return app.WrapError(app.EUnsupported, err, "%s is an encrypted PDF this workbench cannot decrypt; open it in a PDF viewer, print it to a new PDF, and import that", name)
	case strings.Contains(msg, "%%EOF") || strings.Contains(msg, "startxref") || strings.Contains(msg, "reading at offset") || strings.Contains(msg, "EOF"):
		return app.WrapError(app.EInvalid, err, "%s is a truncated or damaged PDF (its end is missing); download or export it again", name)
	case strings.Contains(msg, "invalid header"):
		return app.WrapError(app.EUnsupported, err, "%s has a PDF version this workbench cannot read; print it to a new PDF and import that", name)
	}
	return app.WrapError(app.EInvalid, err, "%s is a damaged PDF; open it in a PDF viewer and save or print it to a new PDF, then import that", name)
}

// collectPages walks the page tree with limits against cycles.
func collectPages(root pdf.Value) []pdf.Value {
	var out []pdf.Value
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if v.IsNull() || depth > 40 || len(out) >= maxPages || visits > 4*maxPages {
			return
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || v.Key("Type").Name() != "Page" && kids.Kind() == pdf.Array {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), depth+1)
			}
			return
		}
		out = append(out, v)
	}
	walk(root, 0)
	return out
}

// inherited looks key up on the page and its ancestors.
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for depth := 0; depth < 40 && !v.IsNull(); depth++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// pageGlyphs interprets one page; a broken page returns what was read
// before the damage and an error.
func pageGlyphs(page pdf.Value) (gs []glyph, err error) {
	in := &interp{}
	defer func() {
		if r := recover(); r != nil {
			gs = in.glyphs
			if _, ok := r.(stop); ok {
				err = errors.New("too much content")
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	contents := page.Key("Contents")
	if contents.IsNull() {
		return nil, nil
	}
	in.run(contents, inherited(page, "Resources"), identity, 0)
	return in.glyphs, nil
}

// pdfTitleHint uses the PDF's Title: when it matches a line near the top,
// that line is the title; when it says something meaningful that the text
// does not, it becomes the title with Basis=file.
func pdfTitleHint(a *app.Article, f findings, title string) {
	title = cleanSpace(title)
	if junkPDFTitle(title) {
		return
	}
	if fold(title) == fold(a.Title) {
		return
	}
	lines, _ := splitLines(a.Text, false, 40)
	seen := 0
	for i := range lines {
		l := &lines[i]
		if l.blank() {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		if fold(l.t) == fold(title) {
			a.Title = l.t
			a.Known.Title = app.Evidence{Basis: app.BasisText, Span: l.whole(), Detail: "line matching the PDF's Title"}
			return
		}
	}
	if f.meta.Known.Title.Detail == "first sentence (no headline line)" {
		a.Title = title
		a.Known.Title = app.Evidence{Basis: app.BasisFile, Detail: "PDF Title"}
	}
}

// junkPDFTitle reports titles that word processors fill in by themselves.
func junkPDFTitle(t string) bool {
	l := strings.ToLower(t)
	switch {
	case len([]rune(t)) < 4, !hasLetter(t), strings.HasPrefix(l, "untitled"), strings.HasPrefix(l, "microsoft "),
		strings.HasPrefix(l, "document"), strings.HasPrefix(l, "slide "):
		return true
	}
	for _, ext := range []string{".doc", ".docx", ".pdf", ".indd", ".qxd", ".odt", ".rtf", ".txt", ".htm", ".html", ".tex", ".dvi"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}

// pdfDate reads a PDF date "D:20171103133000+03'00'".
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return time.Time{}, false
	}
	digits := 0
	for digits < len(s) && digits < 14 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	base := s[:digits]
	for len(base) < 14 {
		if len(base) == 4 || len(base) == 6 {
			base += "01"
		} else {
			base += "0"
		}
	}
	t, err := time.Parse("20060102150405", base)
	if err != nil || t.Year() < 1990 || t.Year() > 2200 {
		return time.Time{}, false
	}
	rest := strings.ReplaceAll(s[digits:], "'", "")
	if len(rest) >= 3 && (rest[0] == '+' || rest[0] == '-') {
		h, m := atoi(rest[1:3]), 0
		if len(rest) >= 5 {
			m = atoi(rest[3:5])
		}
		if h >= 0 && h < 15 && m >= 0 && m < 60 {
			off := h*3600 + m*60
			if rest[0] == '-' {
				off = -off
			}
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off))
		}
	}
	return t, true
}
