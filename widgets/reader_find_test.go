package widgets_test

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestReaderFind(t *testing.T) {
	text := "Said the man. He said: “SAID!” Café cafe\u0301 CAFÉ."
	tests := map[string]struct {
		query string
		want  []string // the text of each hit, in order
	}{
		"case-insensitive":                   {query: "said", want: []string{"Said", "said", "SAID"}},
		"non-ASCII case folding":             {query: "café", want: []string{"Café", "CAFÉ"}},
		"a match must not split a cluster":   {query: "cafe", want: nil},
		"decomposed query finds decomposed":  {query: "cafe\u0301", want: []string{"cafe\u0301"}},
		"curly quotes are literal":           {query: "“said", want: []string{"“SAID"}},
		"empty query clears":                 {query: "", want: nil},
		"longer than the text finds nothing": {query: strings.Repeat("x", 200), want: nil},
		"every occurrence":                   {query: "a", want: []string{"a", "a", "a", "A", "a", "a", "A"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, _, _ := newReader(t, text, 900, 200)
			n := r.Find(tc.query)
			hits := r.FindHits()
			var got []string
			rs := []rune(text)
			for _, h := range hits {
				got = append(got, string(rs[h.Start:h.End]))
			}
			if n != len(tc.want) || strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Find(%q) = %d hits %q, want %q", tc.query, n, got, tc.want)
			}
			wantIdx := 0
			if len(tc.want) == 0 {
				wantIdx = -1
			}
			if r.FindIndex() != wantIdx {
				t.Errorf("FindIndex = %d, want %d", r.FindIndex(), wantIdx)
			}
		})
	}
	t.Run("overlapping occurrences do not stack", func(t *testing.T) {
		r, _, _ := newReader(t, "aaaaa", 400, 100)
		r.Find("AA")
		if got, want := r.FindHits(), []widgets.Span{{Start: 0, End: 2}, {Start: 2, End: 4}}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("hits %v, want %v", got, want)
		}
	})
}

func TestReaderFindNextPrevScrollsAndMarks(t *testing.T) {
	text := numberedLines(400)
	r, _, a := newReader(t, text, 600, 400)
	useVariant(a, theme.VariantLight)
	r.Refresh()
	if n := r.Find("LINE 3"); n != 111 { // 3, 30-39, 300-399
		t.Fatalf("Find = %d hits, want 111", n)
	}
	steps := []struct {
		step    func()
		index   int
		visible string
	}{
		{func() {}, 0, "3"},
		{r.FindNext, 1, "30"},
		{r.FindPrev, 0, "3"},
		{r.FindPrev, 110, "399"}, // wraps around to the last hit
		{r.FindNext, 0, "3"},
	}
	for i, s := range steps {
		s.step()
		if r.FindIndex() != s.index {
			t.Fatalf("step %d: FindIndex = %d, want %d", i, r.FindIndex(), s.index)
		}
		d := textBox(t, r, s.visible)
		if d.pos.Y < 0 || d.pos.Y > 400 {
			t.Errorf("step %d: the current hit on line %s is at y=%v, out of view", i, s.visible, d.pos.Y)
		}
		// the current hit is drawn stronger than the others: outlined
		strong := 0
		for _, o := range contents(t, r) {
			if rc, ok := o.obj.(*canvas.Rectangle); ok && o.hasStroke && rc.FillColor != color.Transparent &&
				o.pos.Y <= d.pos.Y && o.pos.Y+o.size.Height >= d.pos.Y+d.size.Height {
				strong++
			}
		}
		if strong != 1 {
			t.Errorf("step %d: %d outlined hit bands on the current line, want 1", i, strong)
		}
	}
	r.SetText(text)
	if len(r.FindHits()) != 0 || r.FindIndex() != -1 {
		t.Errorf("SetText kept %d find hits", len(r.FindHits()))
	}
}

func TestReaderFindStartsAtTheView(t *testing.T) {
	text := numberedLines(400)
	r, _, _ := newReader(t, text, 600, 400)
	r.ScrollToOffset(runeAt(t, text, "line 200 "))
	r.Find("of the")
	top := r.OffsetAt(fyne.NewPos(0, 0))
	if h := r.FindHits()[r.FindIndex()]; h.Start < top {
		t.Errorf("the current hit starts at %d, above the view's top %d", h.Start, top)
	}
}

func TestReaderOffsetAt(t *testing.T) {
	text := "alpha beta\ngamma"
	r, _, _ := newReader(t, text, 600, 300)
	beta := textBox(t, r, "beta")
	gamma := textBox(t, r, "gamma")
	tests := map[string]struct {
		at   fyne.Position
		want int
	}{
		"left margin":              {at: fyne.NewPos(0, beta.pos.Y+5), want: 0},
		"left half of b":           {at: inside(t, r, "beta", 0, 1, 0.3), want: 6},
		"right half of b":          {at: inside(t, r, "beta", 0, 1, 0.8), want: 7},
		"past the end of the line": {at: fyne.NewPos(590, beta.pos.Y+5), want: 10},
		"second line":              {at: fyne.NewPos(gamma.pos.X+1, gamma.pos.Y+5), want: 11},
		"above the text":           {at: fyne.NewPos(50, 1), want: 0},
		"below the text":           {at: fyne.NewPos(50, 290), want: len([]rune(text))},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := r.OffsetAt(tc.at); got != tc.want {
				t.Errorf("OffsetAt(%v) = %d, want %d", tc.at, got, tc.want)
			}
		})
	}
	t.Run("before the reader has a size", func(t *testing.T) {
		if got := widgets.NewReader().OffsetAt(fyne.NewPos(10, 10)); got != 0 {
			t.Errorf("OffsetAt on an unsized reader = %d", got)
		}
	})
}
