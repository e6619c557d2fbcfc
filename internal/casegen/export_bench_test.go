package casegen_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/internal/casegen"
	"github.com/evidence-workbench/workbench/storage"
)

// BenchmarkScaleExport measures exporting issue 8's generated case (10,000
// articles, 100,000 claims, 20,000 entities, 10,000 events) after its
// snapshot is read: the timeline model and the writer (Workbench JSON,
// TimelineJS), into io.Discard.
//
//	go test -tags sqlite_fts5 -run '^$' -bench ScaleExport -benchtime 1x ./internal/casegen/
func BenchmarkScaleExport(b *testing.B) {
	src, err := casegen.Cached(context.Background(), casegen.Scale, storage.OpenCase, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	path, err := casegen.CopyCase(src, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	snap, err := app.LoadSnapshot(context.Background(), s)
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"json", "timelinejs"} {
		f, err := export.FormatByName(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				d, err := export.Prepare(snap, export.Scope{}, time.Now())
				if err != nil {
					b.Fatal(err)
				}
				if err := f.Write(io.Discard, d, export.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
