package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/widgets"
)

// focused returns the canvas's focused object, failing when it is not r.
func focused(t *testing.T, w fyne.Window, r *widgets.Reader) fyne.Focusable {
	t.Helper()
	f := w.Canvas().Focused()
	if f != r {
		t.Fatalf("focused object is %T, want the reader", f)
	}
	return f
}

func TestReaderTapTakesFocusAndClearsSelection(t *testing.T) {
	r, w, _ := newReader(t, sample, 900, 200)
	r.SetSelection(widgets.Span{Start: 0, End: 7})
	var got []widgets.Span
	r.OnSelectionChanged = func(s widgets.Span) { got = append(got, s) }
	test.TapCanvas(w.Canvas(), inside(t, r, "and", 0, 1, 0.5))
	focused(t, w, r)
	if !r.Selection().Empty() || len(got) != 1 || !got[0].Empty() {
		t.Errorf("after a tap selection = %v, callbacks %v; want it cleared once", r.Selection(), got)
	}
}

func TestReaderCopyPutsExactTextOnClipboard(t *testing.T) {
	text := "Line one\r\n\tTabbed “quote” 🇲🇺\rlast"
	r, w, a := newReader(t, text, 600, 200)
	test.Tap(r)
	f := focused(t, w, r).(fyne.Shortcutable)
	a.Clipboard().SetContent("old")
	f.TypedShortcut(&fyne.ShortcutCopy{})
	if got := a.Clipboard().Content(); got != "old" {
		t.Errorf("copy with no selection changed the clipboard to %q", got)
	}
	start := runeAt(t, text, "one")
	end := runeAt(t, text, "\rlast")
	r.SetSelection(widgets.Span{Start: start, End: end})
	f.TypedShortcut(&fyne.ShortcutCopy{})
	if got, want := a.Clipboard().Content(), "one\r\n\tTabbed “quote” 🇲🇺"; got != want {
		t.Errorf("clipboard = %q, want %q", got, want)
	}
	f.TypedShortcut(&fyne.ShortcutSelectAll{})
	f.TypedShortcut(&fyne.ShortcutCopy{})
	if got := a.Clipboard().Content(); got != text {
		t.Errorf("select all + copy = %q, want the whole text %q", got, text)
	}
}

func TestReaderKeys(t *testing.T) {
	r, w, _ := newReader(t, sample, 900, 200)
	test.Tap(r)
	f := focused(t, w, r)
	var submitted []widgets.Span
	var changed []widgets.Span
	r.OnSubmit = func(s widgets.Span) { submitted = append(submitted, s) }
	r.OnSelectionChanged = func(s widgets.Span) { changed = append(changed, s) }

	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(submitted) != 0 {
		t.Errorf("Enter without a selection submitted %v", submitted)
	}
	sel := widgets.Span{Start: 8, End: 12}
	r.SetSelection(sel)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if len(submitted) != 2 || submitted[0] != sel || submitted[1] != sel {
		t.Errorf("Enter and keypad Enter submitted %v, want %v twice", submitted, sel)
	}
	test.Type(f, "x") // typing is ignored: the text is read-only
	if r.Text() != sample || r.Selection() != sel {
		t.Errorf("typing changed the reader: text %q, selection %v", r.Text(), r.Selection())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !r.Selection().Empty() || len(changed) != 1 || !changed[0].Empty() {
		t.Errorf("Escape left selection %v, callbacks %v", r.Selection(), changed)
	}
}

func TestReaderHighlightTap(t *testing.T) {
	text := "The coalition said the town of Al-Qaim fell on Friday."
	r, w, _ := newReader(t, text, 900, 200)
	outer := widgets.Span{Start: runeAt(t, text, "coalition"), End: runeAt(t, text, " on Friday")}
	inner := widgets.Span{Start: runeAt(t, text, "town"), End: runeAt(t, text, " fell")}
	r.SetHighlights([]widgets.Highlight{
		{ID: "outer", Span: outer, Color: 0, Badge: "B2"},
		{ID: "inner", Span: inner, Color: 2},
	})
	tests := map[string]struct {
		at   fyne.Position
		want []string
	}{
		"only the outer one":        {at: inside(t, r, "said", 0, 1, 0.5), want: []string{"outer"}},
		"the overlap picks shorter": {at: inside(t, r, "Al-Qaim", 3, 1, 0.5), want: []string{"inner"}},
		"outside every highlight":   {at: inside(t, r, "Friday.", 0, 1, 0.5), want: nil},
		"past the end of the line":  {at: fyne.NewPos(880, inside(t, r, "The", 0, 1, 0.5).Y), want: nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			r.OnHighlightTapped = func(id string) { got = append(got, id) }
			r.SetSelection(widgets.Span{Start: 0, End: 3})
			test.TapCanvas(w.Canvas(), tc.at)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("tapped %v, want %v", got, tc.want)
			}
			if !r.Selection().Empty() {
				t.Errorf("the tap left the selection %v", r.Selection())
			}
		})
	}
}

func TestReaderContextMenu(t *testing.T) {
	r, w, _ := newReader(t, sample, 900, 200)
	sel := widgets.Span{Start: 8, End: 12}
	r.SetSelection(sel)
	var gotSel widgets.Span
	var gotPos fyne.Position
	calls := 0
	r.OnContextMenu = func(s widgets.Span, p fyne.Position) { gotSel, gotPos, calls = s, p, calls+1 }
	test.TapSecondaryAt(r, fyne.NewPos(40, 12))
	if calls != 1 || gotSel != sel || gotPos != fyne.NewPos(40, 12) {
		t.Errorf("OnContextMenu got %d calls, %v at %v; want %v at (40,12)", calls, gotSel, gotPos, sel)
	}
	focused(t, w, r)
	if r.Selection() != sel {
		t.Errorf("a right-click changed the selection to %v", r.Selection())
	}
}

func TestReaderCursor(t *testing.T) {
	r := widgets.NewReader()
	if r.Cursor() != desktop.TextCursor {
		t.Errorf("cursor = %v, want the text cursor", r.Cursor())
	}
}

func TestReaderAutoScrollWhileDragging(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		b.WriteString("Paragraph ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(" line.\n")
	}
	text := b.String()
	r, _, _ := newReader(t, text, 500, 300)
	bottom := r.OffsetAt(fyne.NewPos(250, 299))
	start := inside(t, r, "Paragraph", 0, 1, 0.5)
	r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(250, 200)}, Dragged: fyne.NewDelta(200, 180)})
	if r.Selection().End > bottom {
		t.Fatalf("selection ran to %d before leaving the view (bottom %d)", r.Selection().End, bottom)
	}
	for range 5 {
		r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(250, 340)}, Dragged: fyne.NewDelta(0, 1)})
	}
	scrolled := scrollOf(t, r).Offset.Y
	if scrolled <= 0 {
		t.Fatalf("dragging below the bottom edge did not scroll (offset %v)", scrolled)
	}
	if r.Selection().Start != 0 || r.Selection().End <= bottom {
		t.Errorf("selection %v did not follow past the old bottom offset %d", r.Selection(), bottom)
	}
	if want := r.OffsetAt(fyne.NewPos(250, 299)); r.Selection().End < want {
		t.Errorf("selection ends at %d, before the new bottom of the view %d", r.Selection().End, want)
	}
	r.DragEnd()
	// dragging above the top scrolls back up
	r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(20, 100)}, Button: desktop.MouseButtonPrimary})
	for range 3 {
		r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(20, -30)}, Dragged: fyne.NewDelta(0, -1)})
	}
	r.DragEnd()
	if got := scrollOf(t, r).Offset.Y; got >= scrolled {
		t.Errorf("dragging above the top did not scroll up: offset %v, was %v", got, scrolled)
	}
}
