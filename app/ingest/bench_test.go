package ingest_test

import (
	"os"
	"testing"

	"github.com/evidence-workbench/workbench/app/ingest"
)

// BenchmarkParseText parses a 5 KB plain-text article with a masthead,
// byline, dateline, caption, related links, a donation appeal and reader
// comments.
func BenchmarkParseText(b *testing.B) {
	data, err := os.ReadFile("testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Parse("article.txt", data, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsePDF parses a one-page PDF generated with fpdf.
func BenchmarkParsePDF(b *testing.B) {
	data := normalPDF(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Parse("convoy.pdf", data, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
