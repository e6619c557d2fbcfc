package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Size of the case the claim benchmarks work on.
const (
	benchClaimArticles    = 1000
	benchClaimsPerArticle = 100
)

// claimBench is a case holding benchClaimArticles articles with
// benchClaimsPerArticle claims each, and claims ready to add to it.
type claimBench struct {
	s        *Store
	articles []app.ID
	spare    []app.Claim // valid new claims, spread over the articles
}

// claimOn is a claim on runes [start, start+n) of an article's text.
func claimOn(id app.ID, runes []rune, start, n int, rng *rand.Rand) app.Claim {
	start = min(start, len(runes)-n)
	from, to := max(0, start-app.AnchorContext), min(len(runes), start+n+app.AnchorContext)
	exact := string(runes[start : start+n])
	c := app.Claim{
		ArticleID: id,
		Anchor: app.Anchor{Span: app.Span{Start: start, End: start + n}, Exact: exact,
			Prefix: string(runes[from:start]), Suffix: string(runes[start+n : to])},
		Statement:   "The analyst reads: " + strings.Join(strings.Fields(exact), " "),
		Credibility: app.Credibility(rng.IntN(7)),
		Tags:        []string{"offensive"},
		CreatedBy:   "bench",
	}
	if rng.IntN(3) == 0 {
		c.Quantity = &app.Quantity{Value: float64(rng.IntN(5000)), Unit: "killed"}
	}
	if rng.IntN(2) == 0 {
		w := app.DayWhen(app.Date{Year: 2017, Month: time.November, Day: 1 + rng.IntN(30)})
		w.Expression = "on Thursday"
		c.When = &w
	}
	return c
}

// newClaimBench builds the case in one transaction through the store's
// own helpers (the same checks and index writes as CreateClaim), which is
// far faster than a transaction per claim.
func newClaimBench(b *testing.B) *claimBench {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	s, err := Open(filepath.Join(b.TempDir(), "claims.ewcase"), Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	cb := &claimBench{s: s}
	rng := rand.New(rand.NewPCG(3, 5))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	at := now()
	for _, a := range genArticles(benchClaimArticles) {
		a.ID, a.TextHash, a.ImportedAt, a.UpdatedAt = app.NewID(), app.TextHash(a.Text), at, at
		if err := createArticle(ctx, tx, a); err != nil {
			b.Fatal(err)
		}
		cb.articles = append(cb.articles, a.ID)
		runes := []rune(a.Text)
		for i := range benchClaimsPerArticle + 1 {
			c := claimOn(a.ID, runes, i*len(runes)/(benchClaimsPerArticle+1), 20+rng.IntN(60), rng)
			if i == benchClaimsPerArticle {
				cb.spare = append(cb.spare, c)
				continue
			}
			c.ID, c.CreatedAt, c.UpdatedAt = app.NewID(), at, at
			if err := createClaim(ctx, tx, &c); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("setup: %d claims over %d articles in %v", benchClaimArticles*benchClaimsPerArticle, benchClaimArticles,
		time.Since(start).Round(time.Millisecond))
	return cb
}

// BenchmarkCreateClaim measures CreateClaim (one transaction each, checks
// and full-text index included) on a case that already holds 100,000
// claims. Target: at most 10 ms per claim. Run it with
// go test -tags sqlite_fts5 -run X -bench CreateClaim ./storage/
func BenchmarkCreateClaim(b *testing.B) {
	cb := newClaimBench(b)
	ctx := context.Background()
	b.Run(fmt.Sprintf("%dk-claims", benchClaimArticles*benchClaimsPerArticle/1000), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := cb.spare[i%len(cb.spare)]
			if err := cb.s.CreateClaim(ctx, &c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClaimsForArticle measures listing one article's 100 claims in a
// case of 100,000.
func BenchmarkClaimsForArticle(b *testing.B) {
	cb := newClaimBench(b)
	ctx := context.Background()
	b.Run(fmt.Sprintf("%dk-claims", benchClaimArticles*benchClaimsPerArticle/1000), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			list, err := cb.s.Claims(ctx, app.ClaimFilter{ArticleID: cb.articles[i%len(cb.articles)]})
			if err != nil {
				b.Fatal(err)
			}
			if len(list) != benchClaimsPerArticle {
				b.Fatalf("%d claims listed, want %d", len(list), benchClaimsPerArticle)
			}
		}
	})
}
