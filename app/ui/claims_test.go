package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/widgets"
)

// openStory opens a workbench on the story article and returns its claims count function.
func openStory(t *testing.T) (*Workbench, *mock.Case, func() []app.Claim) {
	t.Helper()
	w, k := newTestWorkbench(t, story())
	w.Wait()
	if w.reader.article == nil {
		t.Fatal("the first article should open with the case")
	}
	claims := func() []app.Claim {
		cs, err := k.Claims(context.Background(), app.ClaimFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	return w, k, claims
}

// claimOn selects [start,end) in the reader and makes it a claim.
func claimOn(t *testing.T, w *Workbench, start, end int) app.ID {
	t.Helper()
	onUI(w, func() { w.reader.text.SetSelection(widgets.Span{Start: start, End: end}) })
	onUI(w, func() { w.newClaimFromSelection() })
	w.Wait()
	if w.inspector.claim == nil {
		t.Fatal("the new claim should be shown in the inspector")
	}
	return w.inspector.claim.ID
}

func TestNewClaimFromSelectionShowsEverywhere(t *testing.T) {
	w, _, claims := openStory(t)
	id := claimOn(t, w, 19, 67) // "Iraqi troops reached the edge of Qaim on Tuesday"
	cs := claims()
	if len(cs) != 1 {
		t.Fatalf("%d claims stored", len(cs))
	}
	c := cs[0]
	if c.ID != id || c.Anchor.Exact != "Iraqi troops reached the edge of Qaim on Tuesday" {
		t.Fatalf("stored claim %+v", c.Anchor)
	}
	if c.Statement != c.Anchor.Exact || c.CreatedBy == "" || !strings.HasPrefix(c.Anchor.Prefix, "Troops reach Qaim") {
		t.Errorf("statement %q, created by %q, prefix %q", c.Statement, c.CreatedBy, c.Anchor.Prefix)
	}
	if len(w.claims.claims) != 1 || w.claims.title.Text != "Claims (1)" {
		t.Errorf("claims list: %d rows, title %q", len(w.claims.claims), w.claims.title.Text)
	}
	// Where it is, as a reader counts: from 1, both ends in (runes 19-67, end out).
	if !strings.Contains(w.inspector.quote.Text, c.Anchor.Exact+"”  (characters 20–67)") || w.inspector.statement.Text != c.Statement {
		t.Errorf("inspector quote %q statement %q", w.inspector.quote.Text, w.inspector.statement.Text)
	}
	if sel := w.reader.text.Selection(); sel.End != sel.Start {
		t.Errorf("the selection should clear once it became a claim, still %v", sel)
	}
}

func TestUndoRedoCreateEditDelete(t *testing.T) {
	w, k, claims := openStory(t)
	id := claimOn(t, w, 19, 31)

	onUI(w, func() { w.undoOrEntryUndo() })
	w.Wait()
	if n := len(claims()); n != 0 || w.inspector.claim != nil {
		t.Fatalf("undo create: %d claims, inspector %v", n, w.inspector.claim)
	}
	if !strings.Contains(w.redoItem.Label, "New Claim") || !w.undoItem.Disabled {
		t.Errorf("menu after undo: undo %q (disabled %v), redo %q", w.undoItem.Label, w.undoItem.Disabled, w.redoItem.Label)
	}
	onUI(w, func() { w.redoOrEntryRedo() })
	w.Wait()
	if cs := claims(); len(cs) != 1 || cs[0].ID != id || w.inspector.claim == nil || w.inspector.claim.ID != id {
		t.Fatalf("redo create: %+v", cs)
	}

	// credibility saves at once as its own action
	onUI(w, func() { w.inspector.credibility.SetSelectedIndex(2) })
	w.Wait()
	if c, _ := k.Claim(context.Background(), id); c.Credibility != app.Credibility2 {
		t.Fatalf("credibility stored %v", c.Credibility)
	}
	if w.undoItem.Label != "Undo Edit Credibility" {
		t.Errorf("undo label %q", w.undoItem.Label)
	}

	// text fields save together with Save
	onUI(w, func() { w.inspector.statement.SetText("Troops reached Qaim") })
	onUI(w, func() { w.inspector.tags.SetText("advance, qaim") })
	onUI(w, func() { w.inspector.quantity.SetText("1,500 fighters") })
	onUI(w, func() { w.inspector.attributed.SetText("Joint Operations Command") })
	if w.inspector.save.Disabled() {
		t.Fatal("Save should enable after an edit")
	}
	onUI(w, func() { w.inspector.save.OnTapped() })
	w.Wait()
	c, _ := k.Claim(context.Background(), id)
	if c.Statement != "Troops reached Qaim" || len(c.Tags) != 2 || c.Quantity == nil || c.Quantity.Value != 1500 || c.AttributedTo == "" {
		t.Fatalf("after save: %+v", c)
	}
	if w.inspector.attributed.Text != "Joint Operations Command" {
		t.Errorf("inspector shows attributed %q", w.inspector.attributed.Text)
	}

	onUI(w, func() { w.undo() })
	w.Wait()
	if c, _ := k.Claim(context.Background(), id); c.Statement == "Troops reached Qaim" || c.Credibility != app.Credibility2 {
		t.Fatalf("undo save should restore the statement and keep the grade: %+v", c)
	}

	onUI(w, func() { w.deleteClaim() })
	w.Wait()
	if len(claims()) != 0 {
		t.Fatal("delete left the claim")
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if cs := claims(); len(cs) != 1 || cs[0].ID != id || cs[0].Credibility != app.Credibility2 {
		t.Fatalf("undo delete: %+v", cs)
	}
}

func TestTappingAHighlightSelectsItsClaim(t *testing.T) {
	w, _, _ := openStory(t)
	first := claimOn(t, w, 19, 31)
	second := claimOn(t, w, 45, 67)
	if w.inspector.claim.ID != second {
		t.Fatal("the latest claim should be selected")
	}
	onUI(w, func() { w.reader.text.OnHighlightTapped(string(first)) })
	if w.inspector.claim == nil || w.inspector.claim.ID != first || w.claims.selected != first {
		t.Fatalf("tap on the first highlight selected %v", w.inspector.claim)
	}
	if len(w.claims.claims) != 2 || w.claims.claims[0].ID != first {
		t.Error("claims list should be in text order")
	}
}

func TestBadFieldsSayWhyAndSaveNothing(t *testing.T) {
	w, k, _ := openStory(t)
	id := claimOn(t, w, 19, 31)
	onUI(w, func() { w.inspector.quantity.SetText("lots") })
	onUI(w, func() { w.inspector.save.OnTapped() })
	w.Wait()
	if c, _ := k.Claim(context.Background(), id); c.Quantity != nil {
		t.Fatalf("a bad quantity was saved: %+v", c.Quantity)
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("a bad quantity should show an error dialog")
	}
	if w.inspector.save.Disabled() {
		t.Error("the unsaved edit should stay, Save still enabled")
	}
}
