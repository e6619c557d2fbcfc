package widgets_test

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// painted reads labels the renderer says it painted (the "+N" of the chip
// rows, the time axis) as texts drawn in the foreground colour, each
// checked against its pixels: a label reads as drawnObj of its text only
// when its raster shows that text where the renderer says it painted it.
func painted(t testing.TB, labels []widgets.PaintedLabel) []drawnObj {
	t.Helper()
	ink := nrgbaOf(fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameForeground, theme.VariantLight))
	var out []drawnObj
	for _, l := range labels {
		if showsText(t, l, ink) {
			out = append(out, paintedObj(l, ink))
		}
	}
	return out
}

// paintedObj reads a painted label as a text drawn in ink.
func paintedObj(l widgets.PaintedLabel, ink color.NRGBA) drawnObj {
	style := fyne.TextStyle{Bold: l.Bold}
	return drawnObj{obj: l.Raster, pos: l.Pos, size: fyne.MeasureText(l.Text, l.Size, style), text: l.Text,
		fill: ink, textSize: l.Size, style: style}
}

// showsText reports whether raster l.Raster shows l.Text at l.At in ink
// (within a pixel: the raster places it on whole pixels): where the text
// rendered on its own by Fyne's software painter has ink the raster's
// pixel is the ink colour, and where it has none the raster's is not.
// It fails t when not, unless the label lies wholly beyond the raster.
func showsText(t testing.TB, l widgets.PaintedLabel, ink color.NRGBA) bool {
	t.Helper()
	r := l.Raster.(*canvas.Raster)
	w, h := int(r.Size().Width), int(r.Size().Height)
	img := r.Generator(w, h)
	want := renderText(l.Text, l.Size, l.Bold, ink)
	near := func(c color.Color) bool {
		n := nrgbaOf(c)
		d := max(absDiff(n.R, ink.R), absDiff(n.G, ink.G), absDiff(n.B, ink.B))
		return n.A >= 0xc0 && d < 40 // the axis lies on no background: its ink is not all opaque
	}
	// Only the box around the text's ink is compared: a ring around a
	// chip may run through the rest of the text's box, in the same colour.
	ink0, ink1 := image.Pt(math.MaxInt, math.MaxInt), image.Pt(-1, -1)
	for y := range want.Rect.Dy() {
		for x := range want.Rect.Dx() {
			if want.RGBAAt(x, y).A != 0 {
				ink0 = image.Pt(min(ink0.X, x), min(ink0.Y, y))
				ink1 = image.Pt(max(ink1.X, x+1), max(ink1.Y, y+1))
			}
		}
	}
	best, visible := 0.0, false
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			x0, y0 := int(math.Round(float64(l.At.X)))+dx, int(math.Round(float64(l.At.Y)))+dy
			var agree, all int
			for y := ink0.Y; y < ink1.Y; y++ {
				for x := ink0.X; x < ink1.X; x++ {
					a := want.RGBAAt(x, y).A
					if a != 0 && a < 0xf0 { // the soft edges: either is right
						continue
					}
					p := image.Pt(x0+x, y0+y)
					if !p.In(img.Bounds()) {
						continue // a label cut by the raster's edge
					}
					all++
					if near(img.At(p.X, p.Y)) == (a != 0) {
						agree++
					}
				}
			}
			if all > 0 {
				best, visible = max(best, float64(agree)/float64(all)), true
			}
		}
	}
	if !visible {
		return false // wholly beyond the raster's edge
	}
	if best < 0.97 {
		t.Errorf("the raster does not show %q at %v: %.0f%% of its pixels agree", l.Text, l.At, 100*best)
		return false
	}
	return true
}

// renderText is text s in size and colour c as Fyne's software painter
// renders it on its own, at a scale of 1.
func renderText(s string, size float32, bold bool, c color.Color) *image.RGBA {
	txt := canvas.NewText(s, c)
	txt.TextSize, txt.TextStyle = size, fyne.TextStyle{Bold: bold}
	cv := software.NewTransparentCanvas()
	cv.SetPadded(false)
	cv.SetContent(txt)
	cv.Resize(txt.MinSize())
	src := cv.Capture()
	out := image.NewRGBA(image.Rect(0, 0, src.Bounds().Dx(), src.Bounds().Dy()))
	for y := range out.Rect.Dy() {
		for x := range out.Rect.Dx() {
			out.Set(x, y, src.At(src.Bounds().Min.X+x, src.Bounds().Min.Y+y))
		}
	}
	return out
}

func nrgbaOf(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

func absDiff(a, b uint8) int { return int(max(a, b) - min(a, b)) }
