package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
	"github.com/evidence-workbench/workbench/app/undo"
)

// editTextDialog lets the analyst change an article's text (fix an OCR
// error, paste a corrected version). Every claim is re-anchored; one that
// cannot be placed becomes an orphan, listed with its quote, never moved
// onto other words. One undoable action.
func (p *readerPane) editTextDialog() {
	a := p.article
	if a == nil || p.w.kase == nil {
		return
	}
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(a.Text)
	note := widget.NewLabel("Claims follow their words; a claim whose words are gone becomes an orphan you can re-attach. Undo restores the old text.")
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Edit the article's text", "Save", "Cancel", containerBorder(note, entry), func(ok bool) {
		if ok && entry.Text != a.Text {
			p.w.replaceText(a, entry.Text, "Edit Text")
		}
	}, p.w.win)
	d.Resize(fyne.NewSize(820, 620))
	d.Show()
}

// replaceText re-anchors the article's claims and boilerplate on newText and
// stores it all as one undoable action, then says what moved.
func (w *Workbench) replaceText(a *app.Article, newText, label string) {
	k := w.kase
	var rep anchor.Report
	w.runAction("Could not change the text", func(ctx context.Context) error {
		claims, err := k.Claims(ctx, app.ClaimFilter{ArticleID: a.ID})
		if err != nil {
			return err
		}
		ex, moved, r := anchor.Rebase(a.Text, newText, a.Excluded, claims)
		rep = r
		act := &undo.ReplaceText{Store: k, ArticleID: a.ID, Name: label,
			Before: undo.TextState{Text: a.Text, Excluded: a.Excluded, Claims: claims},
			After:  undo.TextState{Text: newText, Excluded: ex, Claims: moved}}
		return w.history.Run(ctx, act)
	}, nil, func() {
		if rep.Methods[anchor.Orphan] > 0 || rep.Methods[anchor.Fuzzy] > 0 {
			dialog.ShowInformation("Text changed", rep.String()+".\n\nOrphaned claims are listed at the end of the claims list with their quote.", w.win)
		} else {
			w.status.SetText("Text changed: " + rep.String())
		}
	})
}

func containerBorder(top fyne.CanvasObject, centre fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(top, nil, nil, nil, centre)
}
