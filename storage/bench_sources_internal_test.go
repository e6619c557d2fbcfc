package storage

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// sourcesBenchCase imports benchArticles articles (four publishers, ten
// agencies as origins, 100 articles each) and grades every source.
func sourcesBenchCase(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "sources.ewcase"), Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	for _, a := range genArticles(benchArticles) {
		if err := s.CreateArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	list, err := s.Sources(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for i, src := range list {
		if err := s.GradeSource(ctx, src.ID, app.Reliabilities[i%len(app.Reliabilities)], "bench", "bench"); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkArticlesLibrary measures Articles() over 1,000 articles, each
// with its origin's grade (a fixed number of queries, whatever the count).
// go test -tags sqlite_fts5 -run X -bench ArticlesLibrary ./storage/
func BenchmarkArticlesLibrary(b *testing.B) {
	s := sourcesBenchCase(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := s.Articles(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(list) != benchArticles || list[0].Reliability == "" {
			b.Fatalf("library: %d articles, first %+v", len(list), list[0])
		}
	}
}

// BenchmarkMergeUnmerge measures merging one agency (100 article links)
// into another and undoing it: one iteration is both transactions.
// go test -tags sqlite_fts5 -run X -bench MergeUnmerge ./storage/
func BenchmarkMergeUnmerge(b *testing.B) {
	s := sourcesBenchCase(b)
	ctx := context.Background()
	keep, err := s.ResolveSource(ctx, "Agency 1")
	if err != nil {
		b.Fatal(err)
	}
	drop, err := s.ResolveSource(ctx, "Agency 2")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := s.MergeSources(ctx, keep.ID, drop.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Links) != benchArticles/10 {
			b.Fatalf("merge moved %d links", len(m.Links))
		}
		if err := s.UnmergeSources(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
