package mock_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

func TestMockEntities(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("test.ewcase")
	a := &app.Article{Text: "Iraqi forces retook Al-Qaim on Friday; Abadi raised the flag."}
	a.Title = "Qaim"
	if err := k.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	var claims []*app.Claim
	for _, s := range []app.Span{{Start: 0, End: 12}, {Start: 13, End: 27}, {Start: 39, End: 44}} {
		anchor, err := app.NewAnchor(a.Text, s)
		if err != nil {
			t.Fatal(err)
		}
		c := &app.Claim{ArticleID: a.ID, Anchor: anchor}
		if err := k.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	keep := &app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi", Aliases: []app.Alias{{Name: "Abadi", ArticleID: a.ID, ClaimID: claims[2].ID}}}
	drop := &app.Entity{Kind: app.EntityPerson, Name: "Haidar Al Abadi", Aliases: []app.Alias{{Name: "al-Abadi", ByAnalyst: true}, {Name: "AL-ABADI"}}}
	for _, e := range []*app.Entity{keep, drop} {
		if err := k.CreateEntity(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if len(drop.Aliases) != 1 {
		t.Errorf("a repeated alias was kept: %+v", drop.Aliases)
	}
	if err := k.CreateEntity(ctx, &app.Entity{Kind: app.EntityPerson, Name: "x", Aliases: []app.Alias{{Name: "abadi"}}}); app.ErrorCode(err) != app.EConflict {
		t.Errorf("alias of another entity: %v", err)
	}
	claims[0].EntityIDs = []app.ID{drop.ID, app.NewID()}
	if err := k.UpdateClaim(ctx, claims[0]); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("link to an unknown entity: %v", err)
	}
	for i, ents := range [][]app.ID{{drop.ID, drop.ID}, {keep.ID, drop.ID}} {
		claims[i].EntityIDs = ents
		if err := k.UpdateClaim(ctx, claims[i]); err != nil {
			t.Fatal(err)
		}
	}
	if c, err := k.Claim(ctx, claims[0].ID); err != nil || !slices.Equal(c.EntityIDs, []app.ID{drop.ID}) {
		t.Errorf("links given twice = %+v, %v", c, err)
	}

	before, err := k.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	beforeClaims, err := k.Claims(ctx, app.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := k.MergeEntities(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ids, err := k.ClaimsOfEntity(ctx, keep.ID); err != nil || !slices.Equal(ids, []app.ID{claims[0].ID, claims[1].ID}) {
		t.Errorf("ClaimsOfEntity after merge = %v, %v", ids, err)
	}
	if id, err := k.ResolveEntityID(ctx, "HAIDAR al abadi"); err != nil || id != keep.ID {
		t.Errorf("merged-away name resolves to %q, %v", id, err)
	}
	if err := k.UnmergeEntities(ctx, m); err != nil {
		t.Fatal(err)
	}
	after, _ := k.Entities(ctx)
	afterClaims, _ := k.Claims(ctx, app.ClaimFilter{})
	if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(afterClaims, beforeClaims) {
		t.Errorf("after unmerge:\n%+v\n%+v\nwant\n%+v\n%+v", after, afterClaims, before, beforeClaims)
	}

	// Deleting a claim clears it from aliases; deleting an entity from claims.
	if err := k.DeleteClaim(ctx, claims[2].ID); err != nil {
		t.Fatal(err)
	}
	if e, err := k.Entity(ctx, keep.ID); err != nil || e.Aliases[0] != (app.Alias{Name: "Abadi", ArticleID: a.ID}) {
		t.Errorf("alias seen in a deleted claim = %+v, %v", e, err)
	}
	if err := k.DeleteEntity(ctx, drop.ID); err != nil {
		t.Fatal(err)
	}
	if c, err := k.Claim(ctx, claims[1].ID); err != nil || !slices.Equal(c.EntityIDs, []app.ID{keep.ID}) {
		t.Errorf("links after deleting an entity = %+v, %v", c, err)
	}
}
