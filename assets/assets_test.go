package assets_test

import (
	"bytes"
	"encoding/json"
	"image/png"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/assets"
)

// expectation is one entry of sample/expected.json.
type expectation struct {
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

// sampleFiles lists the embedded sample articles (annotations.json, the
// annotations a new sample case starts with, is not an article).
func sampleFiles(t *testing.T) []string {
	t.Helper()
	entries, err := fs.ReadDir(assets.Sample, assets.SampleDir)
	if err != nil {
		t.Fatalf("read embedded %s: %v", assets.SampleDir, err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "annotations.json" {
			names = append(names, e.Name())
		}
	}
	return names
}

func readSample(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(assets.Sample, path.Join(assets.SampleDir, name))
	if err != nil {
		t.Fatalf("read embedded %s: %v", name, err)
	}
	return string(b)
}

func TestSampleArticles(t *testing.T) {
	names := sampleFiles(t)
	if len(names) != 5 {
		t.Fatalf("embedded %d sample files %v, want 5 articles", len(names), names)
	}
	numbered := regexp.MustCompile(`^0[1-5]-[a-z0-9-]+\.txt$`)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if !numbered.MatchString(name) {
				t.Errorf("name %q is not of the form 01-some-words.txt", name)
			}
			text := readSample(t, name)
			if !utf8.ValidString(text) {
				t.Fatal("not valid UTF-8")
			}
			if words := len(strings.Fields(text)); words < 250 || words > 600 {
				t.Errorf("%d words, want 250-600", words)
			}
		})
	}
}

func TestExpectedListsEverySample(t *testing.T) {
	raw, err := os.ReadFile(path.Join(assets.SampleDir, "expected.json"))
	if err != nil {
		t.Fatalf("read expected.json: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var want []expectation
	if err := dec.Decode(&want); err != nil {
		t.Fatalf("decode expected.json: %v", err)
	}
	var listed []string
	for _, e := range want {
		listed = append(listed, e.File)
	}
	slices.Sort(listed)
	if names := sampleFiles(t); !slices.Equal(listed, names) {
		t.Fatalf("expected.json lists %v, embedded files are %v", listed, names)
	}

	published := regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?)?$`)
	for _, e := range want {
		t.Run(e.File, func(t *testing.T) {
			text := readSample(t, e.File)
			if !published.MatchString(e.Published) {
				t.Errorf("published %q is not 2017-11-03, 2017-11-06 13:30 or empty", e.Published)
			}
			if e.Title == "" || !strings.HasPrefix(strings.TrimSpace(text), e.Title) && !strings.Contains(text, "\n"+e.Title+"\n") {
				t.Errorf("title %q is not a line of the article", e.Title)
			}
			for field, v := range map[string]string{"byline": e.Byline, "publisher": e.Publisher, "origin": e.Origin, "translator": e.Translator} {
				if !strings.Contains(text, v) {
					t.Errorf("%s %q does not occur in the text", field, v)
				}
			}
			if len(e.Boilerplate) == 0 || len(e.Body) == 0 {
				t.Errorf("need at least one boilerplate and one body string, have %d and %d", len(e.Boilerplate), len(e.Body))
			}
			// Each string must pin down one place in the text, or an
			// importer test could not tell which occurrence is meant.
			for _, s := range slices.Concat(e.Boilerplate, e.Body) {
				if n := strings.Count(text, s); n != 1 {
					t.Errorf("%q occurs %d times, want exactly once", s, n)
				}
			}
			for _, body := range e.Body {
				for _, bp := range e.Boilerplate {
					if strings.Contains(body, bp) || strings.Contains(bp, body) {
						t.Errorf("body %q and boilerplate %q overlap", body, bp)
					}
				}
			}
		})
	}
}

func TestIcon(t *testing.T) {
	if assets.Icon.Name() != "icon.png" {
		t.Errorf("icon resource is named %q, want icon.png", assets.Icon.Name())
	}
	if !bytes.Equal(assets.Icon.Content(), assets.IconPNG) {
		t.Error("Icon's content differs from IconPNG")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(assets.IconPNG))
	if err != nil {
		t.Fatalf("embedded icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %dx%d, want 512x512", cfg.Width, cfg.Height)
	}
}
