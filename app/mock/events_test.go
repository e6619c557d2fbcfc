package mock_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

func TestMockEvents(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("test.ewcase")
	a := &app.Article{Text: "Iraqi forces retook Al-Qaim on Friday; 1,500 civilians were freed."}
	a.Title = "Qaim"
	if err := k.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	var claims []app.ID
	for _, s := range []app.Span{{Start: 0, End: 12}, {Start: 13, End: 26}, {Start: 39, End: 55}} {
		anchor, err := app.NewAnchor(a.Text, s)
		if err != nil {
			t.Fatal(err)
		}
		c := &app.Claim{ArticleID: a.ID, Anchor: anchor}
		if err := k.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c.ID)
	}
	ln := func(i int, st app.Stance) app.EventClaim { return app.EventClaim{ClaimID: claims[i], Stance: st} }
	undated := &app.Event{Title: "Husaybah", Claims: []app.EventClaim{ln(0, app.StanceSupports)}}
	dated := &app.Event{Title: "Qaim retaken", When: app.DayWhen(app.Date{Year: 2017, Month: time.November, Day: 3}), Place: "Al-Qaim",
		Claims: []app.EventClaim{ln(1, app.StanceContradicts), ln(0, app.StanceContradicts)}}
	for _, e := range []*app.Event{undated, dated} {
		if err := k.CreateEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.CreateEvent(ctx, &app.Event{Title: "x", Claims: []app.EventClaim{{ClaimID: app.NewID(), Stance: app.StanceSupports}}}); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("unknown claim: %v", err)
	}
	list, err := k.Events(ctx)
	if err != nil || len(list) != 2 || list[0].ID != dated.ID || !reflect.DeepEqual(list[1], *undated) {
		t.Fatalf("Events() = %+v, %v: want the dated event first", list, err)
	}

	if err := k.LinkClaim(ctx, undated.ID, claims[2], app.StanceSupports); err != nil {
		t.Fatal(err)
	}
	if err := k.LinkClaim(ctx, undated.ID, claims[0], app.StanceContradicts); err != nil {
		t.Fatal(err)
	}
	if err := k.UnlinkClaim(ctx, undated.ID, claims[1]); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("unlinking a claim not linked: %v", err)
	}
	if e, err := k.Event(ctx, undated.ID); err != nil || !slices.Equal(e.Claims, []app.EventClaim{ln(0, app.StanceContradicts), ln(2, app.StanceSupports)}) {
		t.Errorf("links after link and restance = %+v, %v", e, err)
	}

	before, err := k.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.MergeEvents(ctx, dated.ID, dated.ID); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("merge into itself: %v", err)
	}
	rec, err := k.MergeEvents(ctx, undated.ID, dated.ID)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := k.Event(ctx, undated.ID)
	want := []app.EventClaim{ln(0, app.StanceContradicts), ln(2, app.StanceSupports), ln(1, app.StanceContradicts)}
	if err != nil || !slices.Equal(merged.Claims, want) || merged.When != dated.When || merged.Place != "Al-Qaim" {
		t.Errorf("merged = %+v, %v", merged, err)
	}
	if err := k.UnmergeEvents(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if after, err := k.Events(ctx); err != nil || !reflect.DeepEqual(after, before) {
		t.Errorf("after unmerge = %+v, %v\nwant %+v", after, err, before)
	}

	if err := k.DeleteClaim(ctx, claims[0]); err != nil {
		t.Fatal(err)
	}
	if e, err := k.Event(ctx, dated.ID); err != nil || !slices.Equal(e.Claims, []app.EventClaim{ln(1, app.StanceContradicts)}) {
		t.Errorf("links after deleting a claim = %+v, %v", e, err)
	}
	if id, err := k.ResolveEventID(ctx, "qaim RETAKEN"); err != nil || id != dated.ID {
		t.Errorf("ResolveEventID(title) = %q, %v", id, err)
	}
	if id, err := k.ResolveEventID(ctx, undated.ID.Short()); err != nil || id != undated.ID {
		t.Errorf("ResolveEventID(short) = %q, %v", id, err)
	}
	if err := k.DeleteEvent(ctx, dated.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Event(ctx, dated.ID); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("deleted event: %v", err)
	}
}
