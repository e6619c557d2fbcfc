package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/widgets"
)

// findBar is the reader's Ctrl+F bar: every hit is marked, Enter and the
// arrows step through them, Escape closes it.
type findBar struct {
	text  *widgets.Reader
	root  *fyne.Container
	entry *findEntry
	count *widget.Label
}

// findEntry is an entry that closes its bar on Escape.
type findEntry struct {
	widget.Entry
	onEscape func()
}

func newFindEntry() *findEntry {
	e := &findEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: Escape closes the bar.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func newFindBar(text *widgets.Reader) *findBar {
	f := &findBar{text: text, entry: newFindEntry(), count: widget.NewLabel("")}
	f.entry.SetPlaceHolder("Find in this article")
	f.entry.OnChanged = func(q string) { f.search(q) }
	f.entry.OnSubmitted = func(string) { f.step(true) }
	f.entry.onEscape = f.close
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(false) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(true) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	f.root = container.NewBorder(nil, nil, nil, container.NewHBox(f.count, prev, next, closeBtn), f.entry)
	f.root.Hide()
	return f
}

// open shows the bar and focuses it.
func (f *findBar) open() {
	f.root.Show()
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.entry); c != nil {
		c.Focus(f.entry)
	}
	f.search(f.entry.Text)
}

// close hides the bar and clears the hits.
func (f *findBar) close() {
	f.root.Hide()
	f.text.Find("")
	f.count.SetText("")
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.text); c != nil {
		c.Focus(f.text)
	}
}

// reapply searches again after the article changed.
func (f *findBar) reapply() {
	if f.root.Visible() {
		f.search(f.entry.Text)
	}
}

func (f *findBar) search(q string) {
	n := f.text.Find(q)
	f.showCount(n)
}

func (f *findBar) step(forward bool) {
	if forward {
		f.text.FindNext()
	} else {
		f.text.FindPrev()
	}
	f.showCount(len(f.text.FindHits()))
}

func (f *findBar) showCount(n int) {
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case n == 0:
		f.count.SetText("no match")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.text.FindIndex()+1, n))
	}
}
