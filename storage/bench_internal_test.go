package storage

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// benchArticles is how many articles one BenchmarkImport iteration imports.
const benchArticles = 1000

// genArticles makes n distinct articles of about 5 KB of news-like words,
// with accented and apostrophed names for the folding to work on.
func genArticles(n int) []*app.Article {
	vocab := strings.Fields(`the a of in on and to said forces Iraqi army town border offensive officials ` +
		`Ḥusaybah Qāʾim Qa’im Rawa Anbar Euphrates Syria coalition militia spokesman Thursday Friday ` +
		`reported according statement killed freed civilians fighters positions airstrikes retook ` +
		`al-Abadi Hashd Shaabi district villages kilometres percent hundreds residents fled weeks`)
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]*app.Article, n)
	for i := range out {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d. ", i)
		for b.Len() < 5000 {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if rng.IntN(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		a := &app.Article{Text: b.String(), Format: app.FormatText}
		a.Title = fmt.Sprintf("Report %d from %s", i, vocab[rng.IntN(len(vocab))])
		a.Sources = []app.ArticleSource{
			{Name: []string{"AFP", "Reuters", "SpaceDaily", "NTD"}[i%4], Role: app.RolePublisher},
			{Name: "Agency " + fmt.Sprint(i%10), Role: app.RoleOrigin},
		}
		a.Excluded = []app.Excluded{{Span: app.Span{Start: 0, End: 10}, Kind: app.BoilerMasthead}}
		out[i] = a
	}
	return out
}

// BenchmarkImport measures importing 1,000 articles of about 5 KB, each in
// its own transaction: "store" through CreateArticle (sources, ranges,
// folded FTS5 index), "raw" as a plain prepared INSERT into a bare table in
// a fresh file with the same pragmas. Run it with
// go test -tags sqlite_fts5 -run X -bench Import -benchtime 1x ./storage/
func BenchmarkImport(b *testing.B) {
	arts := genArticles(benchArticles)
	var storeRate float64

	b.Run("store", func(b *testing.B) {
		ctx := context.Background()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s, err := Open(filepath.Join(b.TempDir(), fmt.Sprint("bench", i, ".ewcase")), Options{Create: true})
			if err != nil {
				b.Fatal(err)
			}
			batch := make([]*app.Article, len(arts))
			for j, a := range arts {
				c := *a
				c.Sources = append([]app.ArticleSource(nil), a.Sources...)
				batch[j] = &c
			}
			b.StartTimer()
			for _, a := range batch {
				if err := s.CreateArticle(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
		storeRate = float64(benchArticles*b.N) / b.Elapsed().Seconds()
		b.ReportMetric(storeRate, "articles/s")
	})

	b.Run("raw", func(b *testing.B) {
		ctx := context.Background()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			path := filepath.Join(b.TempDir(), fmt.Sprint("raw", i, ".db"))
			db, err := sql.Open("sqlite3", fileURI(path)+"?"+pragmas)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.Exec(`CREATE TABLE raw (id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL,
				text_hash TEXT NOT NULL, imported_at TEXT NOT NULL)`); err != nil {
				b.Fatal(err)
			}
			stmt, err := db.Prepare("INSERT INTO raw (id, title, text, text_hash, imported_at) VALUES (?, ?, ?, ?, ?)")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			for _, a := range arts {
				tx, err := db.BeginTx(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, app.NewID(), a.Title, a.Text, app.TextHash(a.Text), formatTime(now())); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			stmt.Close()
			db.Close()
			b.StartTimer()
		}
		rawRate := float64(benchArticles*b.N) / b.Elapsed().Seconds()
		b.ReportMetric(rawRate, "articles/s")
		if storeRate > 0 {
			b.ReportMetric(rawRate/storeRate, "x-store-time")
			b.Logf("store %.0f articles/s, raw %.0f articles/s: the store takes %.2fx the raw time (store/raw rate %.2f)",
				storeRate, rawRate, rawRate/storeRate, storeRate/rawRate)
		}
	})
}
