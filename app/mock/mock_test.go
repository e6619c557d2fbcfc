package mock_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

type snapshot struct {
	Sources  []app.Source
	Articles []app.Article
	Claims   []app.Claim
	History  map[app.ID][]app.GradeChange
}

func snap(t *testing.T, k *mock.Case) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	var err error
	if s.Sources, err = k.Sources(ctx); err != nil {
		t.Fatal(err)
	}
	sums, err := k.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		a, err := k.Article(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		s.Articles = append(s.Articles, *a)
	}
	if s.Claims, err = k.Claims(ctx, app.ClaimFilter{}); err != nil {
		t.Fatal(err)
	}
	s.History = map[app.ID][]app.GradeChange{}
	for _, src := range s.Sources {
		if s.History[src.ID], err = k.SourceHistory(ctx, src.ID); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestMockGradeMergeUnmerge(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("test.ewcase")
	keep := &app.Source{Name: "AFP", Aliases: []string{"Agence France-Presse"}}
	drop := &app.Source{Name: "A.F.P.", Aliases: []string{"France Presse"}, Reliability: app.ReliabilityC}
	for _, s := range []*app.Source{keep, drop} {
		if err := k.CreateSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.CreateSource(ctx, &app.Source{Name: "france  PRESSE"}); app.ErrorCode(err) != app.EConflict {
		t.Errorf("alias taken as a name: %v", err)
	}
	if err := k.GradeSource(ctx, keep.ID, app.ReliabilityB, "wire", "Lina"); err != nil {
		t.Fatal(err)
	}
	if err := k.GradeSource(ctx, keep.ID, "G", "", ""); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("grade G: %v", err)
	}
	if h, err := k.SourceHistory(ctx, keep.ID); err != nil || len(h) != 1 || h[0].Reliability != app.ReliabilityB || h[0].By != "Lina" {
		t.Errorf("history = %+v, %v", h, err)
	}

	shared := &app.Article{Text: "Husaybah retaken, says AFP."}
	shared.Sources = []app.ArticleSource{{SourceID: keep.ID, Role: app.RolePublisher}, {SourceID: drop.ID, Role: app.RolePublisher}, {Name: "SpaceDaily", Role: app.RoleOrigin}}
	moved := &app.Article{Text: "Al-Qaim freed on Friday."}
	moved.Sources = []app.ArticleSource{{SourceID: drop.ID, Role: app.RoleOrigin}}
	for _, a := range []*app.Article{shared, moved} {
		if err := k.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	anchor, err := app.NewAnchor(moved.Text, app.Span{Start: 0, End: 7})
	if err != nil {
		t.Fatal(err)
	}
	claim := &app.Claim{ArticleID: moved.ID, Anchor: anchor, AttributedTo: drop.ID}
	if err := k.CreateClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	if err := k.DeleteSource(ctx, drop.ID); app.ErrorCode(err) != app.EConflict {
		t.Errorf("deleting a used source: %v", err)
	}
	if list, err := k.Articles(ctx); err != nil || len(list) != 2 {
		t.Fatalf("Articles() = %+v, %v", list, err)
	}
	before := snap(t, k)

	if _, err := k.MergeSources(ctx, keep.ID, keep.ID); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("merge into itself: %v", err)
	}
	rec, err := k.MergeSources(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Links) != 2 || !rec.Links[0].Removed && !rec.Links[1].Removed || !slices.Equal(rec.Claims, []app.ID{claim.ID}) ||
		!slices.Equal(rec.AddedAliases, []string{"A.F.P.", "France Presse"}) || len(rec.DroppedGrades) != 1 {
		t.Errorf("record = %+v", rec)
	}
	if got, err := k.ResolveSource(ctx, "a.f.p."); err != nil || got.ID != keep.ID {
		t.Errorf("ResolveSource(old name) = %+v, %v", got, err)
	}
	if c, _ := k.Claim(ctx, claim.ID); c.AttributedTo != keep.ID {
		t.Errorf("claim attributed to %s after merge", c.AttributedTo)
	}
	if a, _ := k.Article(ctx, shared.ID); len(a.Sources) != 2 || a.Sources[0].SourceID != keep.ID {
		t.Errorf("shared article after merge: %+v", a.Sources)
	}
	if h, _ := k.SourceHistory(ctx, keep.ID); len(h) != 2 {
		t.Errorf("kept history after merge = %+v", h)
	}
	if u, _ := k.SourceUsage(ctx); u[keep.ID] != (app.SourceUsage{Articles: 2, Claims: 1}) {
		t.Errorf("usage after merge = %+v", u[keep.ID])
	}

	if err := k.UnmergeSources(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if after := snap(t, k); !reflect.DeepEqual(after, before) {
		t.Errorf("after unmerge:\n%+v\nbefore:\n%+v", after, before)
	}
	if err := k.UnmergeSources(ctx, rec); app.ErrorCode(err) != app.EConflict {
		t.Errorf("second unmerge: %v", err)
	}
}
