package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// Size of the snapshot BenchmarkApplyChanges applies.
const (
	benchSnapArticles         = 1000
	benchSnapClaimsPerArticle = 10
	benchSnapEntities         = 200
	benchSnapEvents           = 1000
)

// benchSnapshot is a whole case as a snapshot: benchSnapArticles articles
// of about 5 KB with sources by id, benchSnapClaimsPerArticle claims each
// (some linking entities), entities with aliases, events linking claims,
// and a grade history.
func benchSnapshot() *app.Snapshot {
	rng := rand.New(rand.NewPCG(13, 17))
	at := now()
	s := &app.Snapshot{}
	source := map[string]app.ID{}
	for _, a := range genArticles(benchSnapArticles) {
		for i, l := range a.Sources {
			id, ok := source[l.Name]
			if !ok {
				id = app.NewID()
				source[l.Name] = id
				s.Sources = append(s.Sources, app.Source{ID: id, Name: l.Name, Reliability: app.ReliabilityC, CreatedAt: at, UpdatedAt: at})
				s.History = append(s.History, app.GradeChange{SourceID: id, Reliability: app.ReliabilityC, Note: "bench", At: at})
			}
			a.Sources[i].SourceID = id
		}
		a.ID, a.ImportedAt, a.UpdatedAt = app.NewID(), at, at
		s.Articles = append(s.Articles, *a)
	}
	for i := range benchSnapEntities {
		s.Entities = append(s.Entities, app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: fmt.Sprint("Place ", i),
			Aliases: []app.Alias{{Name: fmt.Sprint("Town ", i), ArticleID: s.Articles[i].ID}}, CreatedAt: at, UpdatedAt: at})
	}
	for _, a := range s.Articles {
		runes := []rune(a.Text)
		for i := range benchSnapClaimsPerArticle {
			c := claimOn(a.ID, runes, i*len(runes)/benchSnapClaimsPerArticle, 20+rng.IntN(60), rng)
			c.ID, c.CreatedAt, c.UpdatedAt = app.NewID(), at, at
			if rng.IntN(2) == 0 {
				c.EntityIDs = []app.ID{s.Entities[rng.IntN(benchSnapEntities)].ID}
			}
			s.Claims = append(s.Claims, c)
		}
	}
	for i := range benchSnapEvents {
		e := app.Event{ID: app.NewID(), Title: fmt.Sprint("Event ", i), CreatedAt: at, UpdatedAt: at}
		for range 5 {
			c := s.Claims[rng.IntN(len(s.Claims))].ID
			if !containsClaim(e.Claims, c) {
				e.Claims = append(e.Claims, app.EventClaim{ClaimID: c, Stance: app.StanceSupports})
			}
		}
		s.Events = append(s.Events, e)
	}
	return s
}

func containsClaim(links []app.EventClaim, id app.ID) bool {
	for _, l := range links {
		if l.ClaimID == id {
			return true
		}
	}
	return false
}

// BenchmarkApplyChanges measures applying a whole case of 1,000 articles
// and 10,000 claims (with 200 entities and 1,000 events) to an empty case
// file in one transaction: a restore, or the first merge of another
// analyst's case. Run it with
// go test -tags sqlite_fts5 -run X -bench ApplyChanges -benchtime 3x ./storage/
func BenchmarkApplyChanges(b *testing.B) {
	snap := benchSnapshot()
	ctx := context.Background()
	b.Run(fmt.Sprintf("%d-articles-%dk-claims", benchSnapArticles, benchSnapArticles*benchSnapClaimsPerArticle/1000), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s, err := Open(filepath.Join(b.TempDir(), fmt.Sprint("apply", i, ".ewcase")), Options{Create: true})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := s.ApplyChanges(ctx, &app.ChangeSet{Put: *snap}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})
}
