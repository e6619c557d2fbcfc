package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestDateInAClaimIsProposedAndAcceptedInOneClick(t *testing.T) {
	w, k, _ := openStory(t)
	w.Wait()
	if len(w.reader.dates) == 0 || w.reader.dates[0].Expr.Text != "on Tuesday" {
		t.Fatalf("reader found dates %+v, want “on Tuesday”", w.reader.dates)
	}
	id := claimOn(t, w, 19, 67) // "... edge of Qaim on Tuesday"
	var use *widget.Button
	for _, o := range w.inspector.dateBox.Objects {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		for _, x := range row.Objects {
			if b, ok := x.(*widget.Button); ok && b.Text == "Use 2017-10-31" {
				use = b
			}
		}
	}
	if use == nil {
		t.Fatalf("no proposal button; date box holds %d objects", len(w.inspector.dateBox.Objects))
	}
	onUI(w, func() { use.OnTapped() })
	w.Wait()
	c, _ := k.Claim(context.Background(), id)
	if c.When == nil || c.When.EDTF() != "2017-10-31" || c.When.Expression != "on Tuesday" {
		t.Fatalf("claim date %+v", c.When)
	}
	if w.inspector.when.Text != "2017-10-31" || w.undoItem.Label != "Undo Edit Date" {
		t.Errorf("inspector when %q, undo %q", w.inspector.when.Text, w.undoItem.Label)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if c, _ := k.Claim(context.Background(), id); c.When != nil {
		t.Fatalf("undo left date %+v", c.When)
	}
}
