package merge_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
)

// benchCases are our case of 1,000 articles, 10,000 claims and 1,000
// events, and theirs: the same with one claim in ten edited, every event
// with one more link, and 100 articles with 10 claims each added.
func benchCases() (ours, theirs *app.Snapshot) {
	at := time.Date(2017, time.November, 6, 0, 0, 0, 0, time.UTC)
	src := app.Source{ID: app.NewID(), Name: "AFP", CreatedAt: at, UpdatedAt: at}
	build := func(s *app.Snapshot, articles int) {
		for i := range articles {
			text := fmt.Sprintf("Report %d %s: forces reached the town on Thursday, officials said.", i, app.NewID())
			a := app.Article{ID: app.NewID(), Text: text, ImportedAt: at, UpdatedAt: at,
				Sources: []app.ArticleSource{{SourceID: src.ID, Role: app.RolePublisher}}}
			a.Title = fmt.Sprint("Report ", i)
			s.Articles = append(s.Articles, a)
			for j := range 10 {
				anchor, _ := app.NewAnchor(text, app.Span{Start: j, End: j + 20})
				s.Claims = append(s.Claims, app.Claim{ID: app.NewID(), ArticleID: a.ID, Anchor: anchor,
					Statement: fmt.Sprint("claim ", j), CreatedAt: at, UpdatedAt: at})
			}
		}
	}
	ours = &app.Snapshot{Sources: []app.Source{src}}
	build(ours, 1000)
	for i := range 1000 {
		ours.Events = append(ours.Events, app.Event{ID: app.NewID(), Title: fmt.Sprint("Event ", i), CreatedAt: at, UpdatedAt: at,
			Claims: []app.EventClaim{{ClaimID: ours.Claims[i*10].ID, Stance: app.StanceSupports}}})
	}
	theirs = &app.Snapshot{Sources: ours.Sources, Articles: ours.Articles}
	for i, c := range ours.Claims {
		if i%10 == 0 {
			c.Statement += " (checked)"
		}
		theirs.Claims = append(theirs.Claims, c)
	}
	for i, e := range ours.Events {
		e.Claims = append([]app.EventClaim{{ClaimID: ours.Claims[i*10+1].ID, Stance: app.StanceContradicts}}, e.Claims...)
		theirs.Events = append(theirs.Events, e)
	}
	build(theirs, 100)
	return ours, theirs
}

// BenchmarkPlan measures planning the merge of benchCases and building
// its change set and inverse (no store involved). Run it with
// go test -run X -bench Plan ./app/merge/
func BenchmarkPlan(b *testing.B) {
	ours, theirs := benchCases()
	for b.Loop() {
		p := merge.NewPlan(ours, theirs)
		cs, err := p.ChangeSet(nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Differences) != 1000 || len(p.Added) != 1100 {
			b.Fatalf("%d differences, %d added", len(p.Differences), len(p.Added))
		}
		merge.Inverse(ours, cs)
	}
}
