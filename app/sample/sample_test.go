package sample_test

import (
	"context"
	"os"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/app/sample"
	"github.com/evidence-workbench/workbench/app/timeline"
)

func TestSeedAnnotatesTheSampleCase(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("sample.ewcase")
	res, err := sample.Seed(ctx, k, os.DirFS("../../assets"), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 5 {
		t.Fatalf("%d articles imported, want the 5 sample articles (annotations.json is not an article)", len(res))
	}
	claims, _ := k.Claims(ctx, app.ClaimFilter{})
	ents, _ := k.Entities(ctx)
	evs, _ := k.Events(ctx)
	if len(claims) != 9 || len(ents) != 6 || len(evs) != 3 {
		t.Fatalf("sample case: %d claims, %d entities, %d events", len(claims), len(ents), len(evs))
	}
	for _, c := range claims {
		a, _ := k.Article(ctx, c.ArticleID)
		if got := string([]rune(a.Text)[c.Anchor.Start:c.Anchor.End]); got != c.Anchor.Exact {
			t.Errorf("claim %q is anchored on %q", c.Anchor.Exact, got)
		}
	}
	lpa, err := k.ResolveSource(ctx, "LPA")
	if err != nil || lpa.Reliability != app.ReliabilityB {
		t.Errorf("LPA should be graded B: %+v %v", lpa, err)
	}
	in, err := timeline.Load(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]map[timeline.ConflictKind]bool{}
	for _, ev := range timeline.Build(in).Events {
		kinds[ev.Event.Title] = map[timeline.ConflictKind]bool{}
		for _, c := range ev.Conflicts {
			kinds[ev.Event.Title][c.Kind] = true
		}
	}
	if !kinds["Fall of Al-Qaim"][timeline.ConflictDate] {
		t.Errorf("the fall of Al-Qaim should show the outlets' date conflict: %v", kinds)
	}
	if !kinds["ISIS strength in the Qaim district"][timeline.ConflictQuantity] {
		t.Errorf("the fighters' numbers should conflict: %v", kinds)
	}
}

func TestAnnotateRefusesAQuoteNotInTheArticle(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("x")
	res, err := sample.Seed(ctx, k, os.DirFS("../../assets"), "sample")
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"quote not in the article": `{"claims":[{"key":"x","file":"01-coalition-welcomes-qaim-offensive.txt","quote":"words that are not there"}]}`,
		"article not imported":     `{"claims":[{"key":"x","file":"99-missing.txt","quote":"Qaim"}]}`,
		"unknown entity":           `{"claims":[{"key":"x","file":"01-coalition-welcomes-qaim-offensive.txt","quote":"Qaim district","entities":["Nowhere"]}]}`,
		"not JSON":                 `{"claims":`,
	} {
		t.Run(name, func(t *testing.T) {
			before, _ := k.Claims(ctx, app.ClaimFilter{})
			if err := sample.Annotate(ctx, k, []byte(bad), res); err == nil {
				t.Fatal("want an error")
			}
			after, _ := k.Claims(ctx, app.ClaimFilter{})
			if len(after) != len(before) {
				t.Errorf("a refused claim was stored: %d -> %d claims", len(before), len(after))
			}
		})
	}
}
