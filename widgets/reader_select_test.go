package widgets_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/widgets"
)

// sample mixes curly quotes, a precomposed Ḥ, a decomposed é (e + U+0301),
// a flag (two regional indicators) and a ZWJ family.
const sample = "“Ḥe\u0301’s” flag 🇲🇺 and 👩\u200d👩\u200d👧 waved, they’re sure."

func TestReaderDragSelectsExactRunes(t *testing.T) {
	flag := runeAt(t, sample, "🇲🇺")
	family := runeAt(t, sample, "👩")
	familyEnd := family + 5
	and := runeAt(t, sample, "and")
	quoteWord := "“Ḥe\u0301’s”"
	tests := map[string]struct {
		from, to func(r *widgets.Reader) fyne.Position
		want     widgets.Span
	}{
		"inside the flag to inside the family snaps outward": {
			from: func(r *widgets.Reader) fyne.Position { return inside(t, r, "🇲🇺", 0, len("🇲🇺"), 0.7) },
			to: func(r *widgets.Reader) fyne.Position {
				return inside(t, r, "👩\u200d👩\u200d👧", 0, len("👩\u200d👩\u200d👧"), 0.3)
			},
			want: widgets.Span{Start: flag, End: familyEnd},
		},
		"backwards from the family to the flag": {
			from: func(r *widgets.Reader) fyne.Position {
				return inside(t, r, "👩\u200d👩\u200d👧", 0, len("👩\u200d👩\u200d👧"), 0.2)
			},
			to:   func(r *widgets.Reader) fyne.Position { return inside(t, r, "🇲🇺", 0, len("🇲🇺"), 0.8) },
			want: widgets.Span{Start: flag, End: familyEnd},
		},
		"opening quote to the combining accent keeps e and U+0301 together": {
			from: func(r *widgets.Reader) fyne.Position { return inside(t, r, quoteWord, 0, len("“"), 0.5) },
			to: func(r *widgets.Reader) fyne.Position {
				return inside(t, r, quoteWord, len("“Ḥ"), len("e\u0301"), 0.4)
			},
			want: widgets.Span{Start: 0, End: 4},
		},
		"accent to closing quote": {
			from: func(r *widgets.Reader) fyne.Position { return inside(t, r, quoteWord, len("“"), len("Ḥ"), 0.5) },
			to: func(r *widgets.Reader) fyne.Position {
				return inside(t, r, quoteWord, len("“Ḥe\u0301’s"), len("”"), 0.5)
			},
			want: widgets.Span{Start: 1, End: 7},
		},
		"spaces at both edges are left out": {
			from: func(r *widgets.Reader) fyne.Position {
				p := inside(t, r, "and", 0, 1, 0)
				return p.SubtractXY(2, 0) // the space before "and"
			},
			to: func(r *widgets.Reader) fyne.Position {
				p := inside(t, r, "and", 0, 3, 1)
				return p.AddXY(2, 0) // the space after
			},
			want: widgets.Span{Start: and, End: and + 3},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, w, _ := newReader(t, sample, 900, 200)
			var got []widgets.Span
			r.OnSelectionChanged = func(s widgets.Span) { got = append(got, s) }
			from, to := tc.from(r), tc.to(r)
			test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
			if r.Selection() != tc.want {
				t.Errorf("selection = %v (%q), want %v (%q)", r.Selection(), r.SelectedText(), tc.want,
					string([]rune(sample)[tc.want.Start:tc.want.End]))
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("OnSelectionChanged got %v, want one call with %v", got, tc.want)
			}
		})
	}
}

func TestReaderMouseDownAnchorsDrag(t *testing.T) {
	r, _, _ := newReader(t, sample, 900, 200)
	from := inside(t, r, "flag", 0, 1, 0.5)
	to := inside(t, r, "and", 2, 1, 0.5)
	r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c.Focused() != r {
		t.Error("MouseDown did not focus the reader")
	}
	// the driver's first Dragged comes after a few pixels, relative to the last event
	mid := from.AddXY(30, 0)
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(30, 0)})
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, 0)})
	r.DragEnd()
	r.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
	start, end := runeAt(t, sample, "flag"), runeAt(t, sample, "and")+3
	if want := (widgets.Span{Start: start, End: end}); r.Selection() != want {
		t.Errorf("selection = %v %q, want %v", r.Selection(), r.SelectedText(), want)
	}
	if got, want := r.SelectedText(), "flag 🇲🇺 and"; got != want {
		t.Errorf("SelectedText = %q, want %q", got, want)
	}
}

func TestReaderDoubleTapSelectsWord(t *testing.T) {
	tests := map[string]struct {
		word       string // the text object to double-click
		skip, n    int    // bytes of it to aim at
		want       string
		wantOffset string
	}{
		"apostrophe inside a word":       {word: "they’re", skip: 1, n: 1, want: "they’re", wantOffset: "they’re"},
		"accents and combining marks":    {word: "“Ḥe\u0301’s”", skip: len("“Ḥ"), n: 1, want: "Ḥe\u0301’s", wantOffset: "Ḥ"},
		"an emoji selects its cluster":   {word: "👩\u200d👩\u200d👧", skip: 0, n: 4, want: "👩\u200d👩\u200d👧", wantOffset: "👩"},
		"punctuation selects one symbol": {word: "waved,", skip: len("waved"), n: 1, want: ",", wantOffset: ","},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _, _ := newReader(t, sample, 900, 200)
			var got widgets.Span
			r.OnSelectionChanged = func(s widgets.Span) { got = s }
			r.DoubleTapped(&fyne.PointEvent{Position: inside(t, r, tc.word, tc.skip, tc.n, 0.5)})
			if r.SelectedText() != tc.want {
				t.Errorf("selected %q, want %q", r.SelectedText(), tc.want)
			}
			if start := runeAt(t, sample, tc.wantOffset); r.Selection().Start != start || got != r.Selection() {
				t.Errorf("selection %v (callback %v), want it to start at %d", r.Selection(), got, start)
			}
		})
	}
	t.Run("test.DoubleTap at the top-left picks the first word", func(t *testing.T) {
		r, _, _ := newReader(t, "Coalition forces said", 400, 100)
		test.DoubleTap(r)
		if r.SelectedText() != "Coalition" {
			t.Errorf("selected %q, want %q", r.SelectedText(), "Coalition")
		}
	})
}

func TestReaderShiftClickExtendsFromAnchor(t *testing.T) {
	r, _, _ := newReader(t, sample, 900, 200)
	click := func(p fyne.Position, mod fyne.KeyModifier) {
		me := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mod}
		r.MouseDown(me)
		r.MouseUp(me)
		r.Tapped(&fyne.PointEvent{Position: p})
	}
	var calls int
	r.OnSelectionChanged = func(widgets.Span) { calls++ }
	click(inside(t, r, "flag", 0, 1, 0.3), 0)
	if !r.Selection().Empty() {
		t.Fatalf("a plain click selected %v", r.Selection())
	}
	click(inside(t, r, "waved,", 0, 5, 0.9), fyne.KeyModifierShift)
	if got, want := r.SelectedText(), "flag 🇲🇺 and 👩\u200d👩\u200d👧 waved"; got != want {
		t.Errorf("after shift-click selected %q, want %q", got, want)
	}
	// a second shift-click extends from the same anchor, here backwards
	click(inside(t, r, "“Ḥe\u0301’s”", 0, len("“"), 0.5), fyne.KeyModifierShift)
	if got, want := r.SelectedText(), "“Ḥe\u0301’s” f"; got != want {
		t.Errorf("after the second shift-click selected %q, want %q", got, want)
	}
	if calls != 2 {
		t.Errorf("OnSelectionChanged called %d times, want 2", calls)
	}
	click(inside(t, r, "and", 0, 1, 0.5), 0)
	if !r.Selection().Empty() {
		t.Errorf("a plain click kept the selection %v", r.Selection())
	}
}

func TestReaderSetSelectionSnapsToGraphemes(t *testing.T) {
	tests := map[string]struct {
		text       string
		start, end int
		want       widgets.Span
	}{
		"inside a flag":               {text: "a🇲🇺🇫🇷b", start: 2, end: 4, want: widgets.Span{Start: 1, End: 5}},
		"inside a ZWJ family":         {text: "x👩\u200d👩\u200d👧y", start: 2, end: 3, want: widgets.Span{Start: 1, End: 6}},
		"skin tone modifier":          {text: "ok 👍🏽!", start: 3, end: 4, want: widgets.Span{Start: 3, End: 5}},
		"variation selector":          {text: "I ❤\uFE0F it", start: 2, end: 3, want: widgets.Span{Start: 2, End: 4}},
		"keycap sequence":             {text: "#1\uFE0F\u20E3 wins", start: 1, end: 2, want: widgets.Span{Start: 1, End: 4}},
		"combining acute":             {text: "cafe\u0301!", start: 1, end: 4, want: widgets.Span{Start: 1, End: 5}},
		"stacked combining marks":     {text: "Ḥa\u0323\u0301b", start: 2, end: 3, want: widgets.Span{Start: 1, End: 4}},
		"CR LF stays whole":           {text: "a\r\nb", start: 2, end: 2, want: widgets.Span{}},
		"CR LF selected from inside":  {text: "a\r\nb", start: 2, end: 3, want: widgets.Span{Start: 1, End: 3}},
		"Hangul jamo syllable":        {text: "\u1100\u1161\u11A8x", start: 1, end: 2, want: widgets.Span{Start: 0, End: 3}},
		"Devanagari conjunct":         {text: "क्षण", start: 1, end: 2, want: widgets.Span{Start: 0, End: 3}},
		"second of two flags":         {text: "🇲🇺🇫🇷", start: 3, end: 3, want: widgets.Span{}},
		"second of two flags, inside": {text: "🇲🇺🇫🇷", start: 3, end: 4, want: widgets.Span{Start: 2, End: 4}},
		"reversed and out of range":   {text: "abc", start: 9, end: -2, want: widgets.Span{Start: 0, End: 3}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _, _ := newReader(t, tc.text, 400, 100)
			r.SetSelection(widgets.Span{Start: tc.start, End: tc.end})
			if r.Selection() != tc.want {
				t.Errorf("SetSelection(%d, %d) = %v, want %v", tc.start, tc.end, r.Selection(), tc.want)
			}
		})
	}
}
