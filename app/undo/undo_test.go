package undo_test

import (
	"context"
	"errors"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/app/undo"
)

const text = "Iraqi forces seized the district of al-Qaim on Sunday, officials said."

func setup(t *testing.T) (*mock.Case, app.ID, app.Claim) {
	t.Helper()
	k := mock.NewCase("test")
	a := &app.Article{ArticleMeta: app.ArticleMeta{Title: "t"}, Text: text}
	if err := k.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	anc, err := app.NewAnchor(text, app.Span{Start: 0, End: 44})
	if err != nil {
		t.Fatal(err)
	}
	return k, a.ID, app.Claim{ArticleID: a.ID, Anchor: anc, Statement: anc.Exact}
}

func count(t *testing.T, k *mock.Case) int {
	t.Helper()
	cs, err := k.Claims(context.Background(), app.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

func TestCreateUndoRedoKeepsTheSameClaim(t *testing.T) {
	ctx := context.Background()
	k, _, c := setup(t)
	h := undo.New(0)
	create := &undo.CreateClaim{Store: k, Claim: c}
	if err := h.Run(ctx, create); err != nil {
		t.Fatal(err)
	}
	id := create.Claim.ID
	if id == "" || count(t, k) != 1 || h.UndoLabel() != "New Claim" {
		t.Fatalf("after create: id %q, %d claims, undo label %q", id, count(t, k), h.UndoLabel())
	}
	if _, err := h.Undo(ctx); err != nil || count(t, k) != 0 {
		t.Fatalf("undo: err %v, %d claims", err, count(t, k))
	}
	if h.RedoLabel() != "New Claim" || h.UndoLabel() != "" {
		t.Fatalf("labels after undo: undo %q redo %q", h.UndoLabel(), h.RedoLabel())
	}
	if _, err := h.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := k.Claim(ctx, id)
	if err != nil || got.Anchor != c.Anchor {
		t.Fatalf("redo restored %+v, err %v; want the same id and anchor", got, err)
	}
}

func TestEditAndDeleteRoundTrip(t *testing.T) {
	ctx := context.Background()
	k, _, c := setup(t)
	h := undo.New(0)
	create := &undo.CreateClaim{Store: k, Claim: c}
	if err := h.Run(ctx, create); err != nil {
		t.Fatal(err)
	}
	before := create.Claim
	after := before
	after.Credibility = app.Credibility2
	after.Statement = "Iraqi forces took al-Qaim"
	if err := h.Run(ctx, &undo.EditClaim{Store: k, Before: before, After: after, What: "Credibility"}); err != nil {
		t.Fatal(err)
	}
	if h.UndoLabel() != "Edit Credibility" {
		t.Errorf("label %q", h.UndoLabel())
	}
	if _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	got, _ := k.Claim(ctx, before.ID)
	if got.Credibility != app.CredibilityUngraded || got.Statement != before.Statement {
		t.Fatalf("undo edit left %+v", got)
	}
	if _, err := h.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	got, _ = k.Claim(ctx, before.ID)
	if got.Credibility != app.Credibility2 {
		t.Fatalf("redo edit left credibility %v", got.Credibility)
	}
	if err := h.Run(ctx, &undo.DeleteClaim{Store: k, Claim: *got}); err != nil || count(t, k) != 0 {
		t.Fatalf("delete: %v, %d claims", err, count(t, k))
	}
	if _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	restored, err := k.Claim(ctx, before.ID)
	if err != nil || restored.Statement != "Iraqi forces took al-Qaim" || restored.Credibility != app.Credibility2 {
		t.Fatalf("undo delete restored %+v, %v", restored, err)
	}
}

type failing struct{}

func (failing) Label() string              { return "Fail" }
func (failing) Do(context.Context) error   { return errors.New("disk full") }
func (failing) Undo(context.Context) error { return nil }

func TestFailedActionLeavesHistoryAlone(t *testing.T) {
	h := undo.New(0)
	changes := 0
	h.OnChange = func() { changes++ }
	if err := h.Run(context.Background(), failing{}); err == nil {
		t.Fatal("want the action's error")
	}
	if h.UndoLabel() != "" || changes != 0 {
		t.Fatalf("failed action recorded: label %q, %d change notices", h.UndoLabel(), changes)
	}
	if a, err := h.Undo(context.Background()); a != nil || err != nil {
		t.Fatalf("undo on empty history: %v %v", a, err)
	}
}

type noop struct{ n int }

func (noop) Label() string              { return "Noop" }
func (noop) Do(context.Context) error   { return nil }
func (noop) Undo(context.Context) error { return nil }

func TestLimitDropsOldestAndRunClearsRedo(t *testing.T) {
	ctx := context.Background()
	h := undo.New(3)
	for i := 0; i < 5; i++ {
		if err := h.Run(ctx, noop{i}); err != nil {
			t.Fatal(err)
		}
	}
	undone := 0
	for {
		a, err := h.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if a == nil {
			break
		}
		undone++
	}
	if undone != 3 {
		t.Fatalf("undid %d actions, want the limit 3", undone)
	}
	if err := h.Run(ctx, noop{9}); err != nil {
		t.Fatal(err)
	}
	if h.RedoLabel() != "" {
		t.Fatal("a new action must clear the redo stack")
	}
}
