package ui

import (
	"context"
	"strings"
	"testing"
)

func TestEditTextReanchorsOrphansAndUndoes(t *testing.T) {
	w, k, _ := openStory(t)
	kept := claimOn(t, w, 19, 31) // "Iraqi troops"
	gone := claimOn(t, w, 70, 88) // "2 thoughts on this"
	old := w.reader.article.Text
	newText := "Corrected copy.\n\n" + strings.Replace(old, "2 thoughts on this\n", "", 1)
	onUI(w, func() { w.replaceText(w.reader.article, newText, "Edit Text") })
	w.Wait()

	if w.reader.article.Text != newText {
		t.Fatal("the reader should show the new text")
	}
	c1, _ := k.Claim(context.Background(), kept)
	c2, _ := k.Claim(context.Background(), gone)
	runes := []rune(newText)
	if c1.Orphan || string(runes[c1.Anchor.Start:c1.Anchor.End]) != "Iraqi troops" {
		t.Fatalf("kept claim at %+v", c1.Anchor)
	}
	if !c2.Orphan {
		t.Fatalf("the claim on deleted words must be an orphan: %+v", c2)
	}
	if !strings.Contains(w.claims.title.Text, "1 orphaned") || w.claims.claims[len(w.claims.claims)-1].ID != gone {
		t.Errorf("claims list %q should list the orphan last", w.claims.title.Text)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if w.reader.article.Text != old {
		t.Fatal("undo should restore the old text")
	}
	if c2, _ := k.Claim(context.Background(), gone); c2.Orphan || c2.Anchor.Start != 70 {
		t.Fatalf("undo should restore the orphan's place: %+v", c2)
	}
}
