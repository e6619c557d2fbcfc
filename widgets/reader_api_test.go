package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestReaderSetTextResets(t *testing.T) {
	text := numberedLines(300)
	r, _, _ := newReader(t, text, 600, 400)
	r.SetSelection(widgets.Span{Start: 5, End: 20})
	r.SetHighlights([]widgets.Highlight{{ID: "h", Span: widgets.Span{Start: 0, End: 9}, Badge: "A1"}})
	r.SetDimmed([]widgets.Span{{Start: 0, End: 4}})
	r.SetUnderlines([]widgets.Span{{Start: 0, End: 4}})
	r.Find("line")
	r.ScrollToOffset(runeAt(t, text, "line 200 "))
	r.SetText("a new text")
	if !r.Selection().Empty() || r.SelectedText() != "" || len(r.FindHits()) != 0 || r.FindIndex() != -1 {
		t.Errorf("SetText kept selection %v or %d find hits", r.Selection(), len(r.FindHits()))
	}
	if y := scrollOf(t, r).Offset.Y; y != 0 {
		t.Errorf("SetText left the view scrolled to %v", y)
	}
	if r.Text() != "a new text" {
		t.Errorf("Text() = %q", r.Text())
	}
	for _, d := range contents(t, r) {
		if _, ok := d.obj.(*canvas.Rectangle); ok {
			t.Errorf("a %v rectangle of the old text's decorations is still drawn", d.fill)
		}
		if d.text == "a" && d.fill != textBox(t, r, "new").fill {
			t.Error("the old dimmed range still dims the new text")
		}
	}
}

func TestReaderConfiguredBeforeShown(t *testing.T) {
	test.NewTempApp(t)
	text := numberedLines(100)
	r := widgets.NewReader()
	r.SetText(text)
	r.SetHighlights([]widgets.Highlight{{ID: "h", Span: widgets.Span{Start: runeAt(t, text, "line 60 "), End: runeAt(t, text, "line 61 ")}, Color: 4}})
	r.SetSelection(widgets.Span{Start: 0, End: 4})
	r.ScrollToOffset(runeAt(t, text, "line 60 "))
	w := test.NewTempWindow(t, r)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(500, 300))
	if d := textBox(t, r, "60"); d.pos.Y < 0 || d.pos.Y > 300 {
		t.Errorf("the ScrollToOffset asked before showing was not applied: line 60 at y=%v", d.pos.Y)
	}
	found := false
	for _, d := range contents(t, r) {
		if _, ok := d.obj.(*canvas.Rectangle); ok && (rgbEqual(d.fill, widgets.PaletteColor(4, false)) || rgbEqual(d.fill, widgets.PaletteColor(4, true))) {
			found = true
		}
	}
	if !found {
		t.Error("the highlight set before showing is not drawn")
	}
	if r.SelectedText() != "line" {
		t.Errorf("selection set before showing: %q", r.SelectedText())
	}
}

func TestReaderBadInputDoesNotPanic(t *testing.T) {
	r, w, _ := newReader(t, "", 300, 200)
	r.SetHighlights([]widgets.Highlight{{ID: "x", Span: widgets.Span{Start: -5, End: 99}}, {ID: "y", Span: widgets.Span{Start: 7, End: 2}, Color: -3}})
	r.SetDimmed([]widgets.Span{{Start: 50, End: -1}})
	r.SetUnderlines([]widgets.Span{{Start: 1 << 30, End: 1 << 31}})
	r.SetSelection(widgets.Span{Start: -1, End: 1 << 20})
	r.ScrollToOffset(-10)
	r.ScrollToOffset(1 << 30)
	r.Find("x")
	r.FindNext()
	r.FindPrev()
	r.OffsetAt(fyne.NewPos(-50, -50))
	test.Drag(w.Canvas(), fyne.NewPos(100, 100), 50, 50)
	test.DoubleTap(r)
	test.Tap(r)
	r.SetText("short")
	r.SetHighlights([]widgets.Highlight{{ID: "x", Span: widgets.Span{Start: -5, End: 99}, Badge: "A1"}, {ID: "y", Span: widgets.Span{Start: 4, End: 2}}})
	r.SetDimmed([]widgets.Span{{Start: 50, End: -1}, {Start: 1, End: 3}, {Start: 2, End: 4}})
	r.SetSelection(widgets.Span{Start: 3, End: 1 << 20})
	if got := r.SelectedText(); got != "rt" {
		t.Errorf("a selection past the end gave %q, want it clamped to %q", got, "rt")
	}
	w.Resize(fyne.NewSize(1, 1)) // narrower than a letter
	w.Resize(fyne.NewSize(300, 200))
	if d := textBox(t, r, "short"); d.pos.X < 0 {
		t.Errorf("text drawn at %v", d.pos)
	}
}

// bigText is a theme with a larger text size.
type bigText struct{ fyne.Theme }

func (bigText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 24
	}
	return theme.DefaultTheme().Size(n)
}

func TestReaderTextSizeAndWidthChanges(t *testing.T) {
	text := strings.Repeat("The coalition said the town fell on Friday after a week of fighting. ", 40) + "\n" + numberedLines(300)
	r, w, a := newReader(t, text, 600, 400)
	small := textBox(t, r, "coalition")
	a.Settings().SetTheme(bigText{theme.DefaultTheme()})
	r.Refresh()
	big := textBox(t, r, "coalition")
	if big.size.Width <= small.size.Width || big.size.Height <= small.size.Height {
		t.Errorf("a bigger theme text size drew %v, was %v", big.size, small.size)
	}
	// resizing keeps the top line in view
	r.ScrollToOffset(runeAt(t, text, "line 150 "))
	top := r.OffsetAt(fyne.NewPos(5, 5))
	w.Resize(fyne.NewSize(350, 400))
	if got := r.OffsetAt(fyne.NewPos(5, 5)); got < top-40 || got > top+40 {
		t.Errorf("after narrowing the top of the view is at rune %d, was %d", got, top)
	}
}
