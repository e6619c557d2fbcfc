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

// Size of the case BenchmarkEntities20k lists.
const (
	benchEntities         = 20_000
	benchAliasesPerEntity = 3
	benchEntityArticles   = 20
	benchEntityArtClaims  = 50 // claims per article that aliases were seen in
)

// newEntityBench builds a case of benchEntities entities with
// benchAliasesPerEntity aliases each, in one transaction through the
// store's own helpers: a third of the aliases seen in an article, a third
// in a claim too, a third added by the analyst. Names are built from
// Arabic name parts as news transliterates them, with a running number
// keeping every spelling distinct.
func newEntityBench(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	s, err := Open(filepath.Join(b.TempDir(), "entities.ewcase"), Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(13, 21))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	at := now()
	type seen struct{ article, claim app.ID }
	var seenIn []seen
	for _, a := range genArticles(benchEntityArticles) {
		a.ID, a.TextHash, a.ImportedAt, a.UpdatedAt = app.NewID(), app.TextHash(a.Text), at, at
		if err := createArticle(ctx, tx, a); err != nil {
			b.Fatal(err)
		}
		runes := []rune(a.Text)
		for i := range benchEntityArtClaims {
			c := claimOn(a.ID, runes, i*len(runes)/benchEntityArtClaims, 20+rng.IntN(40), rng)
			c.ID, c.CreatedAt, c.UpdatedAt = app.NewID(), at, at
			if err := createClaim(ctx, tx, &c); err != nil {
				b.Fatal(err)
			}
			seenIn = append(seenIn, seen{a.ID, c.ID})
		}
	}
	given := []string{"Haider", "Hadi", "Muqtada", "Abu Mahdi", "Qais", "Ammar", "Falih", "Khamis", "Ahmed", "Mohammed"}
	family := []string{"al-Abadi", "al-Amiri", "al-Sadr", "al-Muhandis", "al-Khazali", "al-Hakim", "al-Fayyadh", "al-Khanjar"}
	variant := []string{"Haidar %s", "%s (spelled in AFP)", "%s, Iraqi"}
	kinds := []app.EntityKind{app.EntityPerson, app.EntityPlace, app.EntityOrganisation, app.EntityOther}
	for i := range benchEntities {
		name := fmt.Sprintf("%s %s %d", given[rng.IntN(len(given))], family[rng.IntN(len(family))], i)
		e := app.Entity{ID: app.NewID(), Kind: kinds[i%len(kinds)], Name: name, CreatedAt: at, UpdatedAt: at}
		if i%5 == 0 {
			e.Notes = "Named in coalition statements."
		}
		for j := range benchAliasesPerEntity {
			al := app.Alias{Name: fmt.Sprintf(variant[j], name)}
			sn := seenIn[rng.IntN(len(seenIn))]
			switch j {
			case 0:
				al.ArticleID = sn.article
			case 1:
				al.ArticleID, al.ClaimID = sn.article, sn.claim
			default:
				al.ByAnalyst = true
			}
			e.Aliases = append(e.Aliases, al)
		}
		if err := createEntity(ctx, tx, &e, false); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("setup: %d entities with %d aliases in %v", benchEntities, benchEntities*benchAliasesPerEntity,
		time.Since(start).Round(time.Millisecond))
	return s
}

// BenchmarkEntities20k measures Entities(): every entity of a case of
// 20,000 with its 60,000 aliases and their provenance, read in one
// transaction (a count, the entities, the aliases). Run it with
// go test -tags sqlite_fts5 -run X -bench Entities20k ./storage/
func BenchmarkEntities20k(b *testing.B) {
	s := newEntityBench(b)
	ctx := context.Background()
	b.Run(fmt.Sprintf("%d-entities-%d-aliases", benchEntities, benchEntities*benchAliasesPerEntity), func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			list, err := s.Entities(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if i == 0 {
				aliases := 0
				for _, e := range list {
					aliases += len(e.Aliases)
				}
				if len(list) != benchEntities || aliases != benchEntities*benchAliasesPerEntity {
					b.Fatalf("%d entities with %d aliases listed", len(list), aliases)
				}
			}
		}
	})
}
