package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

const (
	evilScript = `<script>alert(1)</script>`
	evilImg    = `<img src=x onerror=alert(1)>`
)

// hostileData is the sample case with markup in every place a user or an
// article can put text.
func hostileData(t testing.TB) *export.Data {
	t.Helper()
	s := sampleSnapshot(t)
	s.Sources[0].Name = evilScript
	s.Sources[0].ReliabilityNote = evilImg
	s.Events[0].Title = evilImg
	s.Events[0].Place = evilScript
	s.Events[2].Description = evilScript + "\n" + evilImg
	s.Claims[0].Statement = evilScript + " & " + evilImg
	s.Claims[0].Tags = []string{`"><script>x</script>`}
	s.Claims[0].Notes = evilImg
	s.Entities[0].Name = evilImg
	s.Entities[0].Aliases[0].Name = evilScript
	s.Articles[3].URL = "javascript:alert(1)"
	s.Articles[3].Title = evilScript
	// An article whose text holds the markup, and a claim quoting it.
	a := &s.Articles[0]
	a.Text += "\nA reader wrote: " + evilScript + " then " + evilImg + "\n"
	a.TextHash = app.TextHash(a.Text)
	c := &s.Claims[2]
	i := strings.Index(a.Text, evilScript)
	start := utf8.RuneCountInString(a.Text[:i])
	anc, err := app.NewAnchor(a.Text, app.Span{Start: start, End: start + utf8.RuneCountInString(evilScript+" then "+evilImg)})
	if err != nil {
		t.Fatal(err)
	}
	c.Anchor = anc
	d, err := export.Prepare(s, export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	d.Case = `</title>` + evilScript
	return d
}

func render(t testing.TB, f func(io.Writer, *export.Data) error, d *export.Data) string {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// liveMarkup reports the first script or img element, event-handler
// attribute or javascript: URL an HTML parser finds in doc.
func liveMarkup(doc string) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "img" || tok.Data == "iframe" {
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return tok.Data + " " + a.Key + "=" + a.Val
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					return tok.Data + " " + a.Key + "=" + a.Val
				}
			}
		}
	}
}

func TestHTMLEscapesEverything(t *testing.T) {
	out := render(t, export.WriteHTML, hostileData(t))
	if live := liveMarkup(out); live != "" {
		t.Fatalf("the report has live markup from case text: %s", live)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("the text %q should be shown, escaped", want)
		}
	}
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Error("a <script appears in the report")
	}
	// The title in <head> too.
	if !strings.Contains(out, "<title>&lt;/title&gt;&lt;script&gt;") {
		t.Errorf("the case name is not escaped in <title>: %s", out[strings.Index(out, "<title>"):][:80])
	}
}

func TestSVGEscapesEverything(t *testing.T) {
	d := hostileData(t)
	out := render(t, export.WriteSVG, d)
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local == "script" || se.Name.Local == "img" {
				t.Fatalf("live <%s> in the SVG", se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(a.Name.Local, "on") {
					t.Fatalf("event handler %s in the SVG", a.Name.Local)
				}
			}
		}
	}
	if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the event title should be drawn as text")
	}
}

func TestMarkdownEscapesEverything(t *testing.T) {
	out := render(t, export.WriteMarkdown, hostileData(t))
	for i := strings.IndexByte(out, '<'); i >= 0; i = strings.IndexByte(out[i+1:], '<') + i + 1 {
		if i == 0 || out[i-1] != '\\' {
			t.Fatalf("an unescaped < at %d: %q", i, out[max(0, i-30):min(len(out), i+30)])
		}
		if strings.IndexByte(out[i+1:], '<') < 0 {
			break
		}
	}
	if strings.Contains(out, "](javascript") {
		t.Error("a javascript: link was made")
	}
	if !strings.Contains(out, `\<script\>alert\(1\)\</script\>`) {
		t.Error("the markup should be shown as text")
	}
}

func TestTimelineJSEscapesEverything(t *testing.T) {
	var doc struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			Group string
			Text  struct{ Headline, Text string }
		}
	}
	if err := json.Unmarshal([]byte(render(t, export.WriteTimelineJS, hostileData(t))), &doc); err != nil {
		t.Fatal(err)
	}
	fields := []string{doc.Title.Text.Headline, doc.Title.Text.Text}
	for _, e := range doc.Events {
		fields = append(fields, e.Group, e.Text.Headline, e.Text.Text)
	}
	for _, f := range fields {
		if live := liveMarkup(f); live != "" {
			t.Fatalf("TimelineJS shows these fields as HTML, and one has live markup: %s in %q", live, f)
		}
	}
	if !strings.Contains(strings.Join(fields, " "), "&lt;script&gt;") {
		t.Error("the markup should be shown as text")
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	s := sampleSnapshot(t)
	evil := map[int]string{0: "=HYPERLINK(\"http://x\",\"click\")", 1: "+1+1", 2: "-2+3", 3: "@SUM(A1:A9)", 4: "\tindented", 5: "\rreturn"}
	for i, v := range evil {
		s.Claims[i].Statement = v
	}
	s.Events[0].Title = "=1+1"
	s.Sources[0].Name = "@evil"
	d, err := export.Prepare(s, export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []func(io.Writer, *export.Data) error{export.WriteCSV, export.WriteTimesketchCSV} {
		out := strings.TrimPrefix(render(t, w, d), export.CSVBOM)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		found := 0
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Fatalf("a formula cell survived: %q", cell)
				}
				for _, v := range evil {
					if cell == "'"+v {
						found++
					}
				}
			}
		}
		if found == 0 {
			t.Error("the neutralised statements should be in the file, prefixed with an apostrophe")
		}
	}
}

func TestCSVShape(t *testing.T) {
	d := sampleData(t)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(render(t, export.WriteCSV, d), export.CSVBOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	claimIDs := map[string]bool{}
	for _, r := range rows[1:] {
		kinds[r[0]]++
		if r[0] == "claim" {
			claimIDs[r[1]] = true
		}
	}
	links := 0
	for _, e := range d.Snapshot.Events {
		links += len(e.Claims)
	}
	if kinds["event"] != len(d.Snapshot.Events) || len(claimIDs) != len(d.Snapshot.Claims) {
		t.Errorf("rows by kind %v, %d distinct claims; want every event and every claim", kinds, len(claimIDs))
	}
	if kinds["claim"] < links {
		t.Errorf("%d claim rows for %d links: a claim has a row per event it is linked to", kinds["claim"], links)
	}
	if rows[0][0] != "kind" {
		t.Errorf("header = %v", rows[0])
	}
}
