package ingest_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// hostileSeeds are the repository's hostile-input corpus (testdata/hostile
// at the root, written by go run ./tools/corpusgen).
func hostileSeeds(f *testing.F) {
	addFiles(f, "../../testdata/hostile/*")
}

// FuzzParseAny feeds any bytes to Parse under each name the importer
// tells formats by, so that sniffing (a PDF named .txt, HTML saved as
// .txt, binaries renamed) meets every parser.
func FuzzParseAny(f *testing.F) {
	hostileSeeds(f)
	f.Add([]byte("<html><body><p>Rawa</p></body></html>"))
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	names := []string{"in.txt", "in.html", "in.md", "in.pdf", "in.htm", "in", "in.TXT"}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range names {
			fuzzCheck(t, name, data)
		}
	})
}

// FuzzParsePaste is the paste and standard-input path: no file name, so
// the content alone decides.
func FuzzParsePaste(f *testing.F) {
	hostileSeeds(f)
	f.Add([]byte("Title\r\rBody\r"))
	f.Add([]byte("{\\rtf1 x}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ParsePaste(string(data))
		if err != nil {
			if app.ErrorCode(err) == app.EInternal || app.ErrorMessage(err) == "" {
				t.Fatalf("error is not a user-facing *app.Error: %v", err)
			}
			if !strings.Contains(app.ErrorMessage(err), "Pasted text") {
				t.Errorf("message %q does not say what failed", app.ErrorMessage(err))
			}
			return
		}
		checkArticle(t, a)
		if a.Filename != "" {
			t.Errorf("a paste has the file name %q", a.Filename)
		}
		if a.Format == app.FormatPaste && utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && a.Text != string(data) {
			t.Fatalf("pasted text changed: %q -> %q", data, a.Text)
		}
	})
}

// FuzzParseRatings: any CSV gives rows and problems or an *app.Error; every
// row has a name and a valid grade, and rows and problems name real lines.
func FuzzParseRatings(f *testing.F) {
	f.Add([]byte("name,reliability,note\nAFP,B,wire\nNTD,E - Unreliable,\n,C,\nX,Z,\n"))
	f.Add([]byte("\ufeffNote,Name,Reliability\n\"a,b\",\"q\"\"x\",a\n"))
	f.Add([]byte("name\nAFP\n"))
	f.Add([]byte("name,reliability\n\"unterminated,B\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, problems, err := ingest.ParseRatings(bytes.NewReader(data))
		if err != nil {
			if app.ErrorCode(err) != app.EInvalid || app.ErrorMessage(err) == "" {
				t.Fatalf("error is not an invalid-input *app.Error: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 2
		for _, r := range rows {
			if strings.TrimSpace(r.Name) == "" || !r.Reliability.Valid() && r.Reliability != "" || r.Line < 2 || r.Line > lines {
				t.Fatalf("bad row %+v", r)
			}
		}
		for _, p := range problems {
			if p.Problem == "" || p.Line < 1 || p.Line > lines {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
