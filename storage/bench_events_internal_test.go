package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Size of the case BenchmarkEvents10k lists.
const (
	benchEvents         = 10_000
	benchLinksPerEvent  = 5
	benchEventArticles  = 100
	benchEventArtClaims = 100 // claims per article: 10,000 claims to link
)

// newEventBench builds a case of benchEvents events, each linking
// benchLinksPerEvent distinct claims with a random stance, in one
// transaction through the store's own helpers. One event in ten is
// undated; the others are days, months or ranges in 2017.
func newEventBench(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	s, err := Open(filepath.Join(b.TempDir(), "events.ewcase"), Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(5, 8))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	at := now()
	var claims []app.ID
	for _, a := range genArticles(benchEventArticles) {
		a.ID, a.TextHash, a.ImportedAt, a.UpdatedAt = app.NewID(), app.TextHash(a.Text), at, at
		if err := createArticle(ctx, tx, a); err != nil {
			b.Fatal(err)
		}
		runes := []rune(a.Text)
		for i := range benchEventArtClaims {
			c := claimOn(a.ID, runes, i*len(runes)/benchEventArtClaims, 20+rng.IntN(40), rng)
			c.ID, c.CreatedAt, c.UpdatedAt = app.NewID(), at, at
			if err := createClaim(ctx, tx, &c); err != nil {
				b.Fatal(err)
			}
			claims = append(claims, c.ID)
		}
	}
	for i := range benchEvents {
		e := app.Event{ID: app.NewID(), Title: fmt.Sprintf("Event %d at %s", i, []string{"Al-Qaim", "Husaybah", "Rawa", "Anbar"}[i%4]),
			Place: "Anbar", Description: "Forces reported advancing.", CreatedAt: at, UpdatedAt: at}
		d := app.Date{Year: 2017, Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)}
		switch rng.IntN(10) {
		case 0:
		case 1:
			e.When = app.MonthWhen(d.Year, d.Month)
		case 2:
			e.When = app.When{Start: d, End: d.AddDays(1 + rng.IntN(5)), Precision: app.PrecisionDay, Approximate: true}
		default:
			e.When = app.DayWhen(d)
			e.When.Expression, e.When.Reference = "on Thursday", d.AddDays(1)
		}
		picked := map[int]bool{}
		for len(picked) < benchLinksPerEvent {
			j := rng.IntN(len(claims))
			if picked[j] {
				continue
			}
			picked[j] = true
			st := app.StanceSupports
			if rng.IntN(4) == 0 {
				st = app.StanceContradicts
			}
			e.Claims = append(e.Claims, app.EventClaim{ClaimID: claims[j], Stance: st})
		}
		if err := createEvent(ctx, tx, &e); err != nil {
			b.Fatal(err)
		}
		if _, err := insertLinks(ctx, tx, e.ID, e.Claims, 0, false); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("setup: %d events with %d links over %d claims in %v", benchEvents, benchEvents*benchLinksPerEvent, len(claims),
		time.Since(start).Round(time.Millisecond))
	return s
}

// BenchmarkEvents10k measures Events(): the whole timeline of 10,000
// events with their 50,000 claim links, read in one transaction (a count,
// the events, the links). Run it with
// go test -tags sqlite_fts5 -run X -bench Events10k ./storage/
func BenchmarkEvents10k(b *testing.B) {
	s := newEventBench(b)
	ctx := context.Background()
	b.Run(fmt.Sprintf("%d-events-%d-links", benchEvents, benchEvents*benchLinksPerEvent), func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			list, err := s.Events(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if i == 0 {
				links := 0
				for _, e := range list {
					links += len(e.Claims)
				}
				if len(list) != benchEvents || links != benchEvents*benchLinksPerEvent {
					b.Fatalf("%d events with %d links listed", len(list), links)
				}
			}
		}
	})
}
