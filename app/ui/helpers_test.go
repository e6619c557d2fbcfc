package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
	"github.com/evidence-workbench/workbench/app/undo"
	"github.com/evidence-workbench/workbench/widgets"
)

// onUI runs f the way the GL driver runs event handlers: one at a time with
// the UI updates of background jobs. Fyne's test driver runs fyne.Do on the
// caller's goroutine, so a test that taps or types while a job's update is
// applied would otherwise touch widgets from two goroutines at once.
func onUI(w *Workbench, f func()) {
	w.applyMu.Lock()
	defer w.applyMu.Unlock()
	f()
}

// objectText collects the text of labels and buttons in a widget tree.
func objectText(objs []fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range objs {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			b.WriteString(objectText(x.Objects))
		}
	}
	return b.String()
}

// widgetsSpan is a reader selection from rune start to end.
func widgetsSpan(start, end int) widgets.Span { return widgets.Span{Start: start, End: end} }

// planSplitForTest plans moving one spelling off the page's entity, as the
// split dialog does when that box is ticked.
func planSplitForTest(d *entityData, spelling string) (*undo.SplitEntity, error) {
	s, err := names.PlanSplit(d.entity, []string{spelling}, app.NewID(), d.claims)
	if err != nil {
		return nil, err
	}
	return &undo.SplitEntity{Before: d.entity, After: s.After, New: s.New, ClaimsBefore: s.ClaimsBefore, ClaimsAfter: s.ClaimsAfter}, nil
}
