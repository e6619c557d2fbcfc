package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// FuzzReadJSON: no input panics; every refusal is an *app.Error; what is
// accepted validates and survives another write and read unchanged.
func FuzzReadJSON(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "golden", "sample.json.json")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"format": "evidence-workbench", "version": 1, "sources": [], "articles": [], "claims": [], "entities": [], "events": []}`))
	f.Add([]byte(`{"format": "evidence-workbench", "version": 1, "events": [{"id": "018e0005-0000-7000-8000-000000000001", "title": "x", "when": {"edtf": "2017-11-03?/2017-11-05?"}}]}`))
	f.Add([]byte(`{"format": "evidence-workbench", "version": 9}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := export.ReadJSON(bytes.NewReader(in))
		if err != nil {
			var ae *app.Error
			if !errors.As(err, &ae) || ae.Code == app.EInternal {
				t.Fatalf("refusal is not a clear app error: %v", err)
			}
			return
		}
		for i := range s.Sources {
			if err := s.Sources[i].Validate(); err != nil {
				t.Fatal(err)
			}
		}
		for i := range s.Articles {
			if err := s.Articles[i].Validate(); err != nil {
				t.Fatal(err)
			}
		}
		for i := range s.Claims {
			if err := s.Claims[i].Validate(); err != nil {
				t.Fatal(err)
			}
		}
		for i := range s.Events {
			if err := s.Events[i].Validate(); err != nil {
				t.Fatal(err)
			}
		}
		d, err := export.Prepare(s, export.Scope{}, fixtureNow)
		if err != nil {
			t.Fatal(err)
		}
		again, err := export.ReadJSON(bytes.NewReader(writeJSON(t, d)))
		if err != nil {
			t.Fatalf("what was accepted cannot be read again after writing: %v", err)
		}
		if diff := snapshotDiff(s, again); diff != "" {
			t.Fatalf("a second round trip changed it: %s", diff)
		}
	})
}

// fuzzData is a small case whose title, statement and quote come from the
// fuzzer: the quote is part of the article text, the title names the
// event, the source and the entity.
func fuzzData(t *testing.T, title, statement, quote string) *export.Data {
	title, statement, quote = strings.ToValidUTF8(title, "?"), strings.ToValidUTF8(statement, "?"), strings.ToValidUTF8(quote, "?")
	if strings.TrimSpace(title) == "" {
		title = "x" + title
	}
	if quote == "" {
		quote = "q"
	}
	s := sampleSnapshot(t)
	text := "Before. " + quote + " After."
	a := &s.Articles[0]
	a.Text, a.TextHash, a.Excluded = text, app.TextHash(text), nil
	a.Known.Title = app.Evidence{}
	anc, err := app.NewAnchor(text, app.Span{Start: 8, End: 8 + utf8.RuneCountInString(quote)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Claims {
		if s.Claims[i].ArticleID == a.ID {
			s.Claims[i].Anchor = anc
			s.Claims[i].Statement = statement
		}
	}
	s.Sources[0].Name = title
	s.Events[0].Title = title
	s.Events[0].Description = statement
	s.Entities[0].Name = title
	s.Entities[0].Aliases[0].Name = statement + "alias"
	d, err := export.Prepare(s, export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	d.Case = title
	return d
}

// FuzzWriters feeds any title, statement and quote through the HTML,
// Markdown, SVG, CSV and JSON writers: no script tag or event handler
// comes out of the HTML, every < in the Markdown is escaped, the SVG is
// well-formed XML, the CSV parses back to the same (neutralised) cells and
// the JSON reads back to the same case.
func FuzzWriters(f *testing.F) {
	f.Add("Al-Qaim", "Iraqi forces retook the town.", "took back the town")
	f.Add(evilScript, evilImg, "</script><script>alert(1)</script>")
	f.Add("=1+2", "@SUM(A1)", "-2\r\n+3")
	f.Add("a]](javascript:alert(1))", "<!-- x -->", "\x00\x01\ufffe")
	f.Fuzz(func(t *testing.T, title, statement, quote string) {
		d := fuzzData(t, title, statement, quote)
		html := render(t, export.WriteHTML, d)
		if live := liveMarkup(html); live != "" {
			t.Fatalf("live markup in the HTML: %s", live)
		}
		if strings.Contains(strings.ToLower(html), "<script") {
			t.Fatal("<script in the HTML")
		}
		md := render(t, export.WriteMarkdown, d)
		for i := 0; i < len(md); i++ {
			if md[i] == '<' && (i == 0 || md[i-1] != '\\') {
				t.Fatalf("unescaped < in the Markdown: %q", md[max(0, i-20):min(len(md), i+20)])
			}
		}
		dec := xml.NewDecoder(strings.NewReader(render(t, export.WriteSVG, d)))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the SVG is not well-formed: %v", err)
			}
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(render(t, export.WriteCSV, d), export.CSVBOM))).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		want := strings.ReplaceAll(export.NeutraliseCell(d.Snapshot.Claims[0].Statement), "\r\n", "\n")
		found := false
		for _, r := range rows[1:] {
			if r[1] == string(d.Snapshot.Claims[0].ID) {
				found = true
				if r[5] != want {
					t.Fatalf("statement cell %q, want %q", r[5], want)
				}
			}
		}
		if !found {
			t.Fatal("the claim has no CSV row")
		}
		j := writeJSON(t, d)
		if !json.Valid(j) {
			t.Fatal("invalid JSON")
		}
		back, err := export.ReadJSON(bytes.NewReader(j))
		if err != nil {
			t.Fatalf("the JSON does not read back: %v", err)
		}
		if diff := snapshotDiff(d.Snapshot, back); diff != "" {
			t.Fatal(diff)
		}
	})
}
