package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/search"
	"github.com/evidence-workbench/workbench/app/timeline"
	"github.com/evidence-workbench/workbench/internal/casegen"
	"github.com/evidence-workbench/workbench/storage"
)

// The scale benchmarks work on issue 8's generated case: 10,000 articles,
// 100,000 claims, 20,000 entities with their aliases and 10,000 events
// (internal/casegen). The case is generated once, about a minute, and
// cached in the temporary folder; every benchmark opens its own copy.
//
//	go test -tags sqlite_fts5 -run '^$' -bench Scale -benchtime 1x ./storage/
//
// Exporting it is measured in internal/casegen (BenchmarkScaleExport), so
// that storage's tests never wait on the exporters to compile.

// scaleCopy is a fresh copy of the cached scale case, in b's temporary folder.
func scaleCopy(b *testing.B) string {
	b.Helper()
	src, err := casegen.Cached(context.Background(), casegen.Scale, storage.OpenCase, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	p, err := casegen.CopyCase(src, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// openScale opens a copy of the scale case, closed when b ends.
func openScale(b *testing.B) *storage.Store {
	b.Helper()
	s, err := storage.Open(scaleCopy(b), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkScaleOpenStore measures storage.Open of the big case: the header
// check, the lock, the read-only probe with its quick check, WAL.
func BenchmarkScaleOpenStore(b *testing.B) {
	path := scaleCopy(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := storage.Open(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkScaleSnapshot measures app.LoadSnapshot of the whole big case:
// what every exporter reads first.
func BenchmarkScaleSnapshot(b *testing.B) {
	s := openScale(b)
	ctx := context.Background()
	for b.Loop() {
		snap, err := app.LoadSnapshot(ctx, s)
		if err != nil {
			b.Fatal(err)
		}
		if len(snap.Articles) != casegen.Scale.Articles {
			b.Fatalf("%d articles in the snapshot", len(snap.Articles))
		}
	}
}

// scaleKeystrokes is a typing session in the palette over the big case's
// names: prefixes, transliterations and slips.
var scaleKeystrokes = []string{
	"q", "qa", "qai", "qaim", "qa'im",
	"h", "hu", "hus", "husa", "husay", "husayb", "husaybah", "husaiba",
	"ab", "aba", "abad", "abadi", "haidar", "haidar al abadi",
	"y", "ya", "yar", "yara", "yarallah", "yaralah",
	"fal", "falluja", "fallujah", "tal a", "tal afar",
	"pop", "popular mob", "counter t", "counter-terrorism",
	"khaz", "khazali", "fayyadh", "fayad",
	"operation r", "operation rawa", "rawa 12", "husaybah 4031",
	"freed", "fighters", "families", "report 8-51",
}

// BenchmarkScalePalette measures the Ctrl+K palette over the big case:
// "load" reads the case into the index (search.LoadIndex, as the palette
// does on first use), "keystroke" times one query per keystroke of a typing
// session, grouped by kind as the palette shows it, and reports the
// percentiles.
func BenchmarkScalePalette(b *testing.B) {
	s := openScale(b)
	ctx := context.Background()
	var ix *search.CaseIndex
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			var err error
			if ix, err = search.LoadIndex(ctx, s); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(ix.Len()), "items")
	})
	if ix == nil {
		b.Fatal("no index")
	}
	b.Run("keystroke", func(b *testing.B) {
		var ds []time.Duration
		found := 0
		for b.Loop() {
			found = 0
			for _, q := range scaleKeystrokes {
				t0 := time.Now()
				gs := ix.SearchGrouped(q, 5)
				ds = append(ds, time.Since(t0))
				if len(gs) > 0 {
					found++
				}
			}
		}
		if found < len(scaleKeystrokes)*3/4 {
			b.Fatalf("only %d of %d queries found anything: the index is not the case's", found, len(scaleKeystrokes))
		}
		slices.Sort(ds)
		at := func(p float64) float64 {
			i := min(len(ds)-1, max(0, int(p/100*float64(len(ds))+0.5)-1))
			return float64(ds[i]) / float64(time.Millisecond)
		}
		b.ReportMetric(at(50), "p50-ms/key")
		b.ReportMetric(at(95), "p95-ms/key")
		b.ReportMetric(at(100), "max-ms/key")
	})
}

// BenchmarkScaleTimelineModel measures the timeline model of the big case
// without a window: "load" reads events, claims, articles, sources and
// entities (timeline.Load), "build" derives conflicts, corroboration and
// confidence (timeline.Build), "items" puts them into lanes by source.
func BenchmarkScaleTimelineModel(b *testing.B) {
	s := openScale(b)
	ctx := context.Background()
	var in timeline.Input
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			var err error
			if in, err = timeline.Load(ctx, s); err != nil {
				b.Fatal(err)
			}
		}
	})
	var m timeline.Model
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			m = timeline.Build(in)
		}
		b.ReportMetric(float64(len(m.Events)), "events")
	})
	b.Run("items", func(b *testing.B) {
		name := func(id app.ID) string { return in.Sources[id].Name }
		var items []timeline.Item
		for b.Loop() {
			_, items = timeline.Items(m, timeline.LanesBySource, name, in.Entities)
		}
		b.ReportMetric(float64(len(items)), "items")
	})
}
