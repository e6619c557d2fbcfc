package search_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"github.com/evidence-workbench/workbench/app/search"
)

// keystrokes is what an analyst types into the palette, one query per
// keystroke, slips included.
var keystrokes = []string{
	"q", "qa", "qai", "qaim",
	"h", "hu", "hus", "husa", "husay", "husayb", "husayba", "husaybah",
	"hai", "haid", "haida", "haidar", "haidar a", "haidar al", "haidar al-a", "haidar al-ab", "haidar al-abadi",
	"a", "ab", "aba", "abad", "abadi",
	"y", "ya", "yar", "yara", "yaral", "yarall", "yarallah",
	"d", "de", "dei", "deir", "deir e", "deir ez", "deir ezz", "deir ezzor",
	"k", "ka", "kar", "kara", "karab", "karabi", "karabila",
	"ra", "raw", "rawa",
	"mos", "mosu", "mosul", "mawsil",
	"fal", "fall", "fallu", "falluja",
	"qiam", "husiabah", "abdai", "yarlalah", "hawiga", "teheran", "haidr abadi", "mosl", "kirkouk",
	"sulaimani", "abu ghuraib", "tal afar", "col. ryan dillon",
	"islamic st", "popular mob", "militants killed", "retaken from",
}

// The palette shows a page of this many results.
const pageSize = 20

var bench struct {
	once, rawOnce sync.Once
	items         []search.Item
	texts         []string
	ix            *search.Index
	raw           []time.Duration // raw sahilm per keystroke, one pass
}

// benchSetup builds 100,000 names and aliases and 100,000 claims once for
// every benchmark in the run.
func benchSetup(b *testing.B) {
	b.Helper()
	bench.once.Do(func() {
		bench.items = benchItems(b, 100_000)
		for _, it := range bench.items {
			bench.texts = append(bench.texts, it.Text)
		}
		bench.ix = search.NewIndex(bench.items)
	})
}

// rawTimes times raw sahilm over the same strings once per run.
func rawTimes() []time.Duration {
	bench.rawOnce.Do(func() {
		bench.raw = timeQueries(func(q string) { fuzzy.Find(q, bench.texts) })
	})
	return bench.raw
}

func timeQueries(search func(q string)) []time.Duration {
	ds := make([]time.Duration, 0, len(keystrokes))
	for _, q := range keystrokes {
		t0 := time.Now()
		search(q)
		ds = append(ds, time.Since(t0))
	}
	return ds
}

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkPaletteKeystroke times Search for each keystroke of a typing
// session over 200,000 items and reports the 50th and 95th percentile per
// keystroke, and the 95th percentile against raw sahilm over the same
// strings (x-raw-p95, target at most 0.5).
func BenchmarkPaletteKeystroke(b *testing.B) {
	benchSetup(b)
	raw := rawTimes()
	var ds []time.Duration
	for b.Loop() {
		ds = append(ds, timeQueries(func(q string) { bench.ix.Search(q, pageSize) })...)
	}
	p95 := percentile(ds, 95)
	b.ReportMetric(ms(percentile(ds, 50)), "p50-ms/key")
	b.ReportMetric(ms(p95), "p95-ms/key")
	b.ReportMetric(ms(percentile(ds, 100)), "max-ms/key")
	b.ReportMetric(ms(p95)/ms(percentile(raw, 95)), "x-raw-p95")
}

// BenchmarkPaletteGrouped is the keystroke session with results grouped by
// kind, 5 each, as the palette lists them.
func BenchmarkPaletteGrouped(b *testing.B) {
	benchSetup(b)
	var ds []time.Duration
	for b.Loop() {
		ds = append(ds, timeQueries(func(q string) { bench.ix.SearchGrouped(q, 5) })...)
	}
	b.ReportMetric(ms(percentile(ds, 50)), "p50-ms/key")
	b.ReportMetric(ms(percentile(ds, 95)), "p95-ms/key")
}

// BenchmarkRawSahilm is the baseline: sahilm/fuzzy.Find over the same
// 200,000 display strings with the same keystrokes, as the palette would
// do without keys, prefilter or tiers.
func BenchmarkRawSahilm(b *testing.B) {
	benchSetup(b)
	ds := slices.Clone(rawTimes())
	for b.Loop() {
		ds = append(ds, timeQueries(func(q string) { fuzzy.Find(q, bench.texts) })...)
	}
	b.ReportMetric(ms(percentile(ds, 50)), "p50-ms/key")
	b.ReportMetric(ms(percentile(ds, 95)), "p95-ms/key")
}

// BenchmarkIndexBuild builds the index over the 200,000 items (target at
// most 1 s).
func BenchmarkIndexBuild(b *testing.B) {
	benchSetup(b)
	for b.Loop() {
		search.NewIndex(bench.items)
	}
	b.ReportMetric(float64(len(bench.items)), "items")
}
