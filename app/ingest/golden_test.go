package ingest_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestHTMLGolden compares the text extracted from each testdata/html page
// with its .golden.txt file (go test -run TestHTMLGolden -update rewrites them).
func TestHTMLGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no HTML fixtures")
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			a, err := ingest.ParseFile(page, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(page, ".html") + ".golden.txt"
			if *update {
				if err := os.WriteFile(golden, []byte(a.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if a.Text != string(want) {
				t.Errorf("text differs from %s:\n%s", golden, a.Text)
			}
		})
	}
}

func TestPasteHTML(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>Market day in Mosul</title></head><body><article><p>" +
		strings.Repeat("Traders returned to the old market of Mosul on Friday for the first time since the fighting ended. ", 6) +
		"</p></article></body></html>"
	a, err := ingest.ParsePaste(page)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Format != app.FormatHTML || a.Filename != "" || a.Title != "Market day in Mosul" || strings.Contains(a.Text, "<p>") {
		t.Errorf("pasted HTML: format %q, filename %q, title %q, text %.60q", a.Format, a.Filename, a.Title, a.Text)
	}
}
