package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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
