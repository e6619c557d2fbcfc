package widgets_test

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// numberedLines is n lines "line 0", "line 1", ...
func numberedLines(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "line %d of the long text\n", i)
	}
	return b.String()
}

// lineYs returns the distinct y positions of the drawn texts, sorted.
func lineYs(t *testing.T, r *widgets.Reader) []float32 {
	t.Helper()
	seen := map[float32]bool{}
	for _, d := range contents(t, r) {
		if _, ok := d.obj.(*canvas.Text); ok {
			seen[d.pos.Y] = true
		}
	}
	ys := make([]float32, 0, len(seen))
	for y := range seen {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	return ys
}

func TestReaderVirtualizesLongText(t *testing.T) {
	r, _, _ := newReader(t, numberedLines(20000), 600, 400)
	const bound = 250 // 400 px hold ~14 lines of 6 words; generous headroom
	count := func() int { return len(contents(t, r)) }
	if n := count(); n == 0 || n > bound {
		t.Fatalf("%d objects for the first screen, want 1..%d", n, bound)
	}
	seen := map[fyne.CanvasObject]bool{}
	for _, line := range []int{10000, 10001, 10005, 19999, 5000, 0} {
		r.ScrollToOffset(runeAt(t, r.Text(), fmt.Sprintf("line %d ", line)))
		objs := contents(t, r)
		if len(objs) > bound {
			t.Fatalf("%d objects after scrolling to line %d, want <= %d", len(objs), line, bound)
		}
		found := false
		for _, d := range objs {
			seen[d.obj] = true
			if d.text == fmt.Sprint(line) && d.pos.Y >= 0 && d.pos.Y < 400 {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d is not drawn in view after ScrollToOffset", line)
		}
	}
	if len(seen) > 2*bound {
		t.Errorf("%d distinct objects over six scrolls: objects are not reused", len(seen))
	}
	for range 200 {
		r.ScrollBy(7)
	}
	if n := count(); n > bound {
		t.Errorf("%d objects after 200 small scroll steps", n)
	}
}

func TestReaderScrollToOffsetPutsLineAThirdDown(t *testing.T) {
	text := numberedLines(500)
	r, _, _ := newReader(t, text, 600, 600)
	r.ScrollToOffset(runeAt(t, text, "line 250 "))
	d := textBox(t, r, "250")
	if d.pos.Y < 150 || d.pos.Y > 250 {
		t.Errorf("line 250 drawn at y=%v, want about a third down a 600 px view", d.pos.Y)
	}
	r.SetText(text)
	if d := textBox(t, r, "0"); d.pos.Y > 30 {
		t.Errorf("SetText did not scroll to the top: line 0 at y=%v", d.pos.Y)
	}
}

func TestReaderWrapFollowsWidth(t *testing.T) {
	text := strings.Repeat("Coalition officials said the offensive on Al-Qaim began at dawn. ", 6)
	r, w, _ := newReader(t, text, 800, 600)
	check := func(width float32) int {
		t.Helper()
		for _, d := range contents(t, r) {
			if _, ok := d.obj.(*canvas.Text); ok && d.pos.X+d.size.Width > width {
				t.Errorf("at width %v the word %q runs to x=%v", width, d.text, d.pos.X+d.size.Width)
			}
		}
		return len(lineYs(t, r))
	}
	wide := check(800)
	w.Resize(fyne.NewSize(300, 600))
	narrow := check(300)
	if narrow <= wide {
		t.Errorf("narrowing from 800 to 300 px kept %d lines (was %d)", narrow, wide)
	}
	w.Resize(fyne.NewSize(800, 600))
	if again := check(800); again != wide {
		t.Errorf("widening back gives %d lines, first had %d", again, wide)
	}
	t.Run("a word wider than the line is split", func(t *testing.T) {
		long := strings.Repeat("abcdefghij", 12)
		r, _, _ := newReader(t, long, 200, 300)
		var got strings.Builder
		for _, d := range contents(t, r) {
			if _, ok := d.obj.(*canvas.Text); ok {
				got.WriteString(d.text)
				if d.pos.X+d.size.Width > 200 {
					t.Errorf("chunk %q overflows to %v", d.text, d.pos.X+d.size.Width)
				}
			}
		}
		if got.String() != long || len(lineYs(t, r)) < 3 {
			t.Errorf("chunks %q on %d lines, want the word over several lines", got.String(), len(lineYs(t, r)))
		}
	})
}

func TestReaderWordWidthsMatchFyne(t *testing.T) {
	text := benchArticle(6000, "") + " Ḥé’s “naïve” façade — Ωμέγα Москва 🇲🇺 e\u0301"
	for name, v := range map[string]fyne.ThemeVariant{"test theme": 0, "default theme": theme.VariantLight} {
		t.Run(name, func(t *testing.T) {
			r, _, a := newReader(t, "", 800, 700)
			if v != 0 {
				useVariant(a, v)
				r.Refresh()
			}
			r.SetText(text)
			size := theme.TextSize()
			checked := 0
			for _, at := range []int{0, len([]rune(text)) / 3, len([]rune(text)) * 2 / 3, len([]rune(text))} {
				r.ScrollToOffset(at)
				var prev drawn
				for _, d := range contents(t, r) {
					if _, ok := d.obj.(*canvas.Text); !ok {
						continue
					}
					if want := fyne.MeasureText(d.text, size, fyne.TextStyle{}).Width; d.size.Width != want {
						t.Errorf("%q laid out %v wide, Fyne measures %v", d.text, d.size.Width, want)
					}
					if prev.obj != nil && prev.pos.Y == d.pos.Y && d.pos.X < prev.pos.X+prev.size.Width {
						t.Errorf("%q overlaps %q", d.text, prev.text)
					}
					prev = d
					checked++
				}
			}
			if checked < 200 {
				t.Errorf("checked only %d words", checked)
			}
		})
	}
}

func TestReaderLineBreaks(t *testing.T) {
	text := "one\ntwo\r\nthree\rfour\n\nsix\r\n\r\n\r\nten\tend"
	r, _, _ := newReader(t, text, 600, 600)
	y := map[string]float32{}
	for _, word := range []string{"one", "two", "three", "four", "six", "ten", "end"} {
		y[word] = textBox(t, r, word).pos.Y
	}
	lineH := y["two"] - y["one"]
	if lineH <= 0 {
		t.Fatalf("two is not below one: %v", y)
	}
	want := map[string]float32{"two": 1, "three": 2, "four": 3, "six": 5, "ten": 8, "end": 8}
	for word, lines := range want {
		if got := (y[word] - y["one"]) / lineH; math.Abs(float64(got-lines)) > 0.01 {
			t.Errorf("%q is %.2f lines below the first, want %v", word, got, lines)
		}
	}
	if ten, end := textBox(t, r, "ten"), textBox(t, r, "end"); end.pos.X-(ten.pos.X+ten.size.Width) > 8 {
		t.Errorf("the tab is wider than a space: gap %v", end.pos.X-(ten.pos.X+ten.size.Width))
	}
	// every rune offset maps to a position and back on the line that holds it
	for _, word := range []string{"three", "four", "ten"} {
		p := inside(t, r, word, 0, 1, 0.1)
		if got, want := r.OffsetAt(p), runeAt(t, text, word); got != want {
			t.Errorf("OffsetAt(start of %q) = %d, want %d", word, got, want)
		}
	}
}

func TestReaderOverlappingHighlightsBothVisible(t *testing.T) {
	text := "The coalition said the town of Al-Qaim fell on Friday."
	r, _, a := newReader(t, text, 900, 200)
	useVariant(a, theme.VariantLight)
	r.Refresh()
	outer := widgets.Span{Start: runeAt(t, text, "coalition"), End: runeAt(t, text, " on Friday")}
	inner := widgets.Span{Start: runeAt(t, text, "town"), End: runeAt(t, text, " fell")}
	r.SetHighlights([]widgets.Highlight{
		{ID: "outer", Span: outer, Color: 0},
		{ID: "inner", Span: inner, Color: 2, Selected: true},
	})
	overlapX := inside(t, r, "Al-Qaim", 0, 1, 0.5).X
	covers := func(c color.NRGBA) int {
		n := 0
		for _, d := range contents(t, r) {
			if _, ok := d.obj.(*canvas.Rectangle); ok && rgbEqual(d.fill, c) && d.size.Width > 0 && d.size.Height > 0 &&
				d.pos.X <= overlapX && d.pos.X+d.size.Width >= overlapX {
				n++
			}
		}
		return n
	}
	if covers(widgets.PaletteColor(0, false)) == 0 {
		t.Error("the outer highlight has no rectangle over the overlap")
	}
	if covers(widgets.PaletteColor(2, false)) < 2 {
		t.Error("the inner highlight needs its fill and its own bar over the overlap")
	}
}

func TestReaderRefreshRereadsThemeInPlace(t *testing.T) {
	r, _, a := newReader(t, sample, 900, 200)
	useVariant(a, theme.VariantLight)
	r.Refresh()
	before := map[fyne.CanvasObject]bool{}
	for _, d := range contents(t, r) {
		before[d.obj] = true
		if _, ok := d.obj.(*canvas.Text); ok && d.fill != theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantLight) {
			t.Fatalf("light text colour %v", d.fill)
		}
	}
	useVariant(a, theme.VariantDark)
	r.Refresh()
	dark := theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantDark)
	for _, d := range contents(t, r) {
		if !before[d.obj] {
			t.Errorf("Refresh made a new %T instead of reusing one", d.obj)
		}
		if _, ok := d.obj.(*canvas.Text); ok && d.fill != dark {
			t.Errorf("after switching to dark, %q has colour %v, want %v", d.text, d.fill, dark)
		}
	}
}

func TestReaderDimmedText(t *testing.T) {
	text := "Real news. Share this article on social media"
	r, _, a := newReader(t, text, 900, 200)
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			useVariant(a, v)
			r.SetDimmed([]widgets.Span{{Start: runeAt(t, text, "Share"), End: len([]rune(text))}})
			r.Refresh()
			bg := theme.DefaultTheme().Color(theme.ColorNameBackground, v)
			fg := theme.DefaultTheme().Color(theme.ColorNameForeground, v)
			real, share := textBox(t, r, "Real"), textBox(t, r, "Share")
			if real.fill != fg {
				t.Errorf("undimmed text colour %v, want the foreground %v", real.fill, fg)
			}
			c := contrast(share.fill, bg)
			if c < 3 || c >= contrast(fg, bg) {
				t.Errorf("dimmed text contrast %.2f, want at least 3 and below the foreground's %.2f", c, contrast(fg, bg))
			}
		})
	}
	t.Run("a range ending inside a word splits it", func(t *testing.T) {
		r.SetDimmed([]widgets.Span{{Start: 0, End: 2}})
		if d := textBox(t, r, "Re"); d.fill == textBox(t, r, "al").fill {
			t.Error("the dimmed part of the word has the same colour as the rest")
		}
	})
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		lin := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// commonColour is the most frequent colour of img inside rect: for a
// highlight band, its fill as painted (glyph pixels are the minority).
func commonColour(img image.Image, rect image.Rectangle) color.Color {
	counts := map[color.RGBA]int{}
	var best color.RGBA
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			counts[c]++
			if counts[c] > counts[best] {
				best = c
			}
		}
	}
	return best
}

func TestReaderColoursLegibleInBothVariants(t *testing.T) {
	words := make([]string, widgets.PaletteSize)
	for i := range words {
		words[i] = fmt.Sprintf("claim%d", i)
	}
	text := strings.Join(words, " ") + " find sel"
	r, w, a := newReader(t, text, 900, 120)
	var hs []widgets.Highlight
	for i, word := range words {
		start := runeAt(t, text, word)
		hs = append(hs, widgets.Highlight{ID: word, Span: widgets.Span{Start: start, End: start + len(word)}, Color: i})
	}
	cases := map[string]struct {
		v        fyne.ThemeVariant
		selected bool
	}{
		"light":          {theme.VariantLight, false},
		"light selected": {theme.VariantLight, true},
		"dark":           {theme.VariantDark, false},
		"dark selected":  {theme.VariantDark, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			v := tc.v
			useVariant(a, v)
			for i := range hs {
				hs[i].Selected = tc.selected
			}
			r.SetHighlights(hs)
			r.Find("find")
			r.SetSelection(widgets.Span{Start: runeAt(t, text, "sel"), End: runeAt(t, text, "sel") + 3})
			r.Refresh()
			img := w.Canvas().Capture()
			scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
			fg := theme.DefaultTheme().Color(theme.ColorNameForeground, v)
			page := theme.DefaultTheme().Color(theme.ColorNameBackground, v)
			for _, word := range append(words, "find", "sel") {
				d := textBox(t, r, word)
				box := image.Rect(int(d.pos.X*scale)+2, int(d.pos.Y*scale)+2, int((d.pos.X+d.size.Width)*scale)-2, int((d.pos.Y+d.size.Height)*scale)-2)
				bg := commonColour(img, box)
				if c := contrast(fg, bg); c < 4.5 {
					t.Errorf("%s: text on %v has contrast %.2f, want >= 4.5", word, bg, c)
				}
				if contrast(bg, page) < 1.15 {
					t.Errorf("%s: band %v is hard to tell from the page %v", word, bg, page)
				}
			}
		})
	}
}
