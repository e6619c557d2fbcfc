package ingest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// The seeds are real web copies kept outside the project; the test reads
// them and names paragraphs by position rather than copying their text.
const seedDir = "../../../shared/seeds"

// block is one blank-line-separated paragraph of a text, in runes.
type block struct {
	app.Span
	lines []app.Span
}

// blocksOf splits text into paragraphs (runs of non-blank lines).
func blocksOf(text string) []block {
	var out []block
	var cur *block
	at := 0
	for _, ln := range strings.SplitAfter(text, "\n") {
		content := strings.TrimRight(ln, "\r\n")
		if strings.TrimSpace(content) == "" {
			cur = nil
		} else {
			l := app.Span{Start: at, End: at + utf8.RuneCountInString(content)}
			if cur == nil {
				out = append(out, block{Span: l})
				cur = &out[len(out)-1]
			}
			cur.lines = append(cur.lines, l)
			cur.End = l.End
		}
		at += utf8.RuneCountInString(ln)
	}
	return out
}

type seedWant struct {
	blocks          int    // paragraphs in the file, to catch a changed seed
	titleBlock      int    // the block holding the title (its first line)
	published       string // "" = unknown
	publisher       string // "" = none expected
	origin          string // "" = none expected
	originBasis     app.Basis
	translator      string
	body            [2]int   // first and last block of body paragraphs
	boiler          []int    // blocks wholly excluded
	boilerLines     [][2]int // {block, line} wholly excluded
	commentsSection bool     // a comments range is expected
}

var seedWants = map[string]seedWant{
	"000": {blocks: 15, titleBlock: 0, origin: "Combined Joint Task Force Operation Inherent Resolve", originBasis: app.BasisText,
		body: [2]int{1, 7}, boiler: []int{8, 9, 10, 11, 12, 13, 14}, commentsSection: true},
	"001": {blocks: 19, titleBlock: 0, published: "2017-09-22", publisher: "NTD", origin: "The Epoch Times", originBasis: app.BasisText,
		body: [2]int{2, 16}, boiler: []int{18}, boilerLines: [][2]int{{1, 4}}},
	"002": {blocks: 27, titleBlock: 0, publisher: "SpaceDaily", origin: "AFP", originBasis: app.BasisInferred,
		body: [2]int{1, 12}, boiler: []int{13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26}, commentsSection: true},
	"003": {blocks: 26, titleBlock: 0, published: "2017-11-03", publisher: "Fort Russ News", origin: "Al Mayadeen", originBasis: app.BasisText,
		translator: "Samer Hussein", body: [2]int{3, 24}, boiler: []int{25}, commentsSection: true},
	"004": {blocks: 18, titleBlock: 1, published: "2017-11-06 13:30", publisher: "Asharq Al-Awsat",
		body: [2]int{4, 16}, boiler: []int{0, 17}, boilerLines: [][2]int{{3, 1}}},
}

func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("seed articles not present at " + seedDir)
	}
	seen := 0
	for _, f := range files {
		id := filepath.Base(f)[:3]
		want, ok := seedWants[id]
		if !ok {
			continue
		}
		seen++
		t.Run(id, func(t *testing.T) {
			a, err := ingest.ParseFile(f, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != string(raw) {
				t.Error("text differs from the file")
			}
			blocks := blocksOf(a.Text)
			if len(blocks) != want.blocks {
				t.Fatalf("%d paragraphs, want %d: the seed changed", len(blocks), want.blocks)
			}
			titleLine := strings.TrimSpace(spanText(a, blocks[want.titleBlock].lines[0]))
			if a.Title != titleLine {
				t.Errorf("title = %q, want block %d's first line %q", a.Title, want.titleBlock, titleLine)
			}
			if got := a.Published.String(); got != want.published {
				t.Errorf("published = %q, want %q", got, want.published)
			}
			if want.published == "" && a.Known.Published != (app.Evidence{}) {
				t.Errorf("unknown date has evidence %+v", a.Known.Published)
			}
			assertSource(t, a, app.RolePublisher, want.publisher)
			assertSource(t, a, app.RoleOrigin, want.origin)
			assertSource(t, a, app.RoleTranslator, want.translator)
			if o, ok := source(a, app.RoleOrigin); ok && o.Evidence.Basis != want.originBasis {
				t.Errorf("origin basis = %q, want %q", o.Evidence.Basis, want.originBasis)
			}
			for i := want.body[0]; i <= want.body[1]; i++ {
				if k, ok := overlapsExcluded(a, blocks[i].Span); ok {
					t.Errorf("body block %d marked %s: %.60q", i, k, spanText(a, blocks[i].Span))
				}
			}
			for _, i := range want.boiler {
				for _, l := range blocks[i].lines {
					if !insideExcluded(a, l) {
						t.Errorf("boilerplate block %d not excluded: %.60q", i, spanText(a, l))
					}
				}
			}
			for _, bl := range want.boilerLines {
				if l := blocks[bl[0]].lines[bl[1]]; !insideExcluded(a, l) {
					t.Errorf("boilerplate line %v not excluded: %.60q", bl, spanText(a, l))
				}
			}
			hasComments := false
			for _, e := range a.Excluded {
				hasComments = hasComments || e.Kind == app.BoilerComments
			}
			if hasComments != want.commentsSection {
				t.Errorf("comments range present = %v, want %v", hasComments, want.commentsSection)
			}
		})
	}
	if seen != len(seedWants) {
		t.Errorf("found %d of the %d seed articles", seen, len(seedWants))
	}
}

// sampleWant is one entry of assets/sample/expected.json.
type sampleWant struct {
	File        string   `json:"file"`
	Title       string   `json:"title"`
	Published   string   `json:"published"`
	Byline      string   `json:"byline"`
	Publisher   string   `json:"publisher"`
	Origin      string   `json:"origin"`
	Translator  string   `json:"translator"`
	Boilerplate []string `json:"boilerplate_contains"`
	Body        []string `json:"body_contains"`
}

func TestSampleCase(t *testing.T) {
	const dir = "../../assets/sample"
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skip("sample case not present: ", err)
	}
	var wants []sampleWant
	if err := json.Unmarshal(data, &wants); err != nil {
		t.Fatal(err)
	}
	byFile := map[string]sampleWant{}
	for _, w := range wants {
		byFile[w.File] = w
	}
	for file, want := range byFile {
		t.Run(file, func(t *testing.T) {
			a, err := ingest.ParseFile(filepath.Join(dir, file), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != want.Title {
				t.Errorf("title = %q, want %q", a.Title, want.Title)
			}
			if got := a.Published.String(); got != want.Published {
				t.Errorf("published = %q, want %q", got, want.Published)
			}
			if a.Byline != want.Byline {
				t.Errorf("byline = %q, want %q", a.Byline, want.Byline)
			}
			assertSource(t, a, app.RolePublisher, want.Publisher)
			assertSource(t, a, app.RoleOrigin, want.Origin)
			assertSource(t, a, app.RoleTranslator, want.Translator)
			for _, s := range want.Boilerplate {
				assertBoiler(t, a, s)
			}
			for _, s := range want.Body {
				assertBody(t, a, s)
			}
		})
	}
}
