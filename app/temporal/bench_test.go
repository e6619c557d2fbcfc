package temporal_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// article5000 builds a 5,000-word article from the sentences of the seeds
// and samples, repeated.
func article5000(b *testing.B) string {
	b.Helper()
	files := articleFiles(b)
	if len(files) == 0 {
		b.Skip("no seed or sample articles found")
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var paras []string
	for _, n := range names {
		for _, p := range strings.Split(files[n], "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	var sb strings.Builder
	words := 0
	for i := 0; words < 5000; i++ {
		p := paras[i%len(paras)]
		words += len(strings.Fields(p))
		sb.WriteString(p)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkFindResolve5000Words finds and resolves every expression of a
// 5,000-word article.
func BenchmarkFindResolve5000Words(b *testing.B) {
	text := article5000(b)
	ref := app.PubDate{Date: app.Date{Year: 2017, Month: 11, Day: 6}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(temporal.ResolveAll(text, ref))
	}
	b.ReportMetric(float64(n), "exprs")
}

// BenchmarkFindResolveEach5000Words is the same through Find and one
// Resolve per expression, as the reader does for a selection.
func BenchmarkFindResolveEach5000Words(b *testing.B) {
	text := article5000(b)
	ref := app.PubDate{Date: app.Date{Year: 2017, Month: 11, Day: 6}}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range temporal.Find(text) {
			temporal.Resolve(e, text, ref)
		}
	}
}
