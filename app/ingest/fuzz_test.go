package ingest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// fuzzOpts keeps fuzzed inputs small enough to run quickly.
var fuzzOpts = ingest.Options{MaxBytes: 1 << 20}

// addFiles seeds the corpus with the files matching the patterns.
func addFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
}

// fuzzCheck parses data as name and checks the invariants that hold for
// any input: no panic, an *app.Error on failure, and a well-formed article.
func fuzzCheck(t *testing.T, name string, data []byte) *app.Article {
	a, err := ingest.Parse(name, data, fuzzOpts)
	if err != nil {
		var e *app.Error
		if app.ErrorCode(err) == app.EInternal || app.ErrorMessage(err) == "" {
			t.Fatalf("error is not a user-facing *app.Error: %v (%T)", err, e)
		}
		return nil
	}
	checkArticle(t, a)
	return a
}

// textKept reports whether the article must hold data unchanged: a text
// or Markdown file that is valid UTF-8 without a byte-order mark.
func textKept(a *app.Article, data []byte) bool {
	return (a.Format == app.FormatText || a.Format == app.FormatMarkdown) &&
		utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF})
}

func FuzzParseText(f *testing.F) {
	addFiles(f, "testdata/text/*.txt", "testdata/bench/*.txt", "../../assets/sample/*.txt")
	f.Add([]byte("Title\r\n\r\nBody\r\n"))
	f.Add([]byte("Caf\xe9\n\nbody"))
	f.Add([]byte("\xff\xfeT\x00i\x00\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := fuzzCheck(t, "fuzz.txt", data)
		if a != nil && textKept(a, data) && a.Text != string(data) {
			t.Fatalf("text changed: %q -> %q", data, a.Text)
		}
	})
}

func FuzzParseMarkdown(f *testing.F) {
	addFiles(f, "testdata/text/*.md")
	f.Add([]byte("---\ntitle: x\n---\n# Heading #\n\nBy **A B** | 2 December 2017\n"))
	f.Add([]byte("```\n# not a title\n```\n# Title\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := fuzzCheck(t, "fuzz.md", data)
		if a != nil && textKept(a, data) && a.Text != string(data) {
			t.Fatalf("text changed: %q -> %q", data, a.Text)
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	addFiles(f, "testdata/html/*.html")
	f.Add([]byte("<html><head><meta charset=iso-8859-1><title>T\xe9</title></head><body><p>x</p></body></html>"))
	f.Add([]byte("<p>one<br>two</p><pre>  a\n  b</pre><ul><li>x</li></ul>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.html", data)
	})
}

func FuzzParsePDF(f *testing.F) {
	f.Add(normalPDF(f))
	f.Add(wordsPDF(f, pdfPara1, pdfPara2))
	f.Add(imagePDF(f))
	f.Add(encryptedPDF(f))
	full := normalPDF(f)
	f.Add(full[:len(full)/2])
	f.Add([]byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.pdf", data)
	})
}
