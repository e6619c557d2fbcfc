package widgets_test

import (
	"image/color"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// variantTheme is the default theme pinned to one variant.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// newReader shows a reader with text in an unpadded test window of the
// given size, so that canvas positions are reader positions.
func newReader(t testing.TB, text string, w, h float32) (*widgets.Reader, fyne.Window, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	r := widgets.NewReader()
	win := test.NewTempWindow(t, r)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	r.SetText(text)
	return r, win, a
}

// useVariant switches the app to the default theme in variant v.
func useVariant(a fyne.App, v fyne.ThemeVariant) {
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
}

// runeAt is the rune offset of the first occurrence of sub in text.
func runeAt(t testing.TB, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return utf8.RuneCountInString(text[:i])
}

// drawn is a canvas object inside the reader with its rectangle in reader
// coordinates.
type drawn struct {
	obj       fyne.CanvasObject
	pos       fyne.Position
	size      fyne.Size
	text      string
	fill      color.Color
	hasStroke bool
}

// scrollOf returns the reader's scroll container.
func scrollOf(t testing.TB, r *widgets.Reader) *container.Scroll {
	t.Helper()
	for _, o := range test.WidgetRenderer(r).Objects() {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	t.Fatal("the reader has no scroll container")
	return nil
}

// contents lists the objects drawn for the text (inside the scroll's
// content), positioned relative to the reader.
func contents(t testing.TB, r *widgets.Reader) []drawn {
	t.Helper()
	s := scrollOf(t, r)
	var out []drawn
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		pos := origin.Add(o.Position())
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, drawn{obj: o, pos: pos, size: o.Size(), text: v.Text, fill: v.Color})
		case *canvas.Rectangle:
			out = append(out, drawn{obj: o, pos: pos, size: o.Size(), fill: v.FillColor, hasStroke: v.StrokeWidth > 0})
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c, pos)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, pos)
			}
		}
	}
	walk(s.Content, s.Position())
	return out
}

// textBox finds the drawn text object whose text is word.
func textBox(t testing.TB, r *widgets.Reader, word string) drawn {
	t.Helper()
	for _, d := range contents(t, r) {
		if _, ok := d.obj.(*canvas.Text); ok && d.text == word {
			return d
		}
	}
	t.Fatalf("no text object %q", word)
	return drawn{}
}

// inside returns the point at fraction fx of the way across the part of
// word's box that draws its first n bytes after skip bytes, vertically
// centred, measured with Fyne's own text measurement.
func inside(t testing.TB, r *widgets.Reader, word string, skip, n int, fx float32) fyne.Position {
	t.Helper()
	d := textBox(t, r, word)
	size := theme.TextSize()
	x0 := fyne.MeasureText(word[:skip], size, fyne.TextStyle{}).Width
	x1 := fyne.MeasureText(word[:skip+n], size, fyne.TextStyle{}).Width
	return fyne.NewPos(d.pos.X+x0+(x1-x0)*fx, d.pos.Y+d.size.Height/2)
}

// rgbEqual compares colours ignoring alpha.
func rgbEqual(a color.Color, b color.NRGBA) bool {
	n, ok := a.(color.NRGBA)
	return ok && n.R == b.R && n.G == b.G && n.B == b.B
}
