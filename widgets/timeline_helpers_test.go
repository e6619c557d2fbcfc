package widgets_test

import (
	"image"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// day is midnight UTC of a day in 2017 (month, day).
func day(m time.Month, d int) time.Time { return time.Date(2017, m, d, 0, 0, 0, 0, time.UTC) }

// newTimeline shows a timeline in an unpadded test window of the given
// size, so that canvas positions are timeline positions.
func newTimeline(t testing.TB, w, h float32) (*widgets.Timeline, fyne.Window, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	tl := widgets.NewTimeline()
	win := test.NewTempWindow(t, tl)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return tl, win, a
}

// timelineSample is a small timeline of the Al-Qaim offensive: a range, an
// approximate item, uncertain ones and conflicting ones.
func timelineSample() ([]widgets.TimelineLane, []widgets.TimelineItem) {
	lanes := []widgets.TimelineLane{
		{Key: "coalition", Title: "Coalition statements"},
		{Key: "afp", Title: "AFP"},
		{Key: "mayadeen", Title: "Al Mayadeen (translated by Fort Russ)"},
	}
	items := []widgets.TimelineItem{
		{ID: "offensive", Lane: "coalition", Start: day(10, 26), End: day(11, 5), Label: "Offensive on Al-Qaim", Color: 2},
		{ID: "retaken", Lane: "afp", Start: day(11, 2), End: day(11, 5), Label: "Town retaken", Color: 1, Approx: true},
		{ID: "freed", Lane: "afp", Start: day(10, 29), Label: "Civilians freed", Color: 3, Uncertain: true},
		{ID: "border", Lane: "coalition", Start: day(11, 6), End: day(11, 9), Label: "Border crossing", Color: 4, Uncertain: true},
		{ID: "fell", Lane: "mayadeen", Start: day(11, 3), Label: "Town fell", Color: 0, Conflict: true},
		{ID: "area", Lane: "mayadeen", Start: day(10, 27), End: day(11, 1), Label: "Area retaken", Color: 5, Conflict: true},
	}
	return lanes, items
}

// drawnObj is a canvas object inside the timeline with its box in
// timeline coordinates and the clip region it is drawn in.
type drawnObj struct {
	obj        fyne.CanvasObject
	pos        fyne.Position
	size       fyne.Size
	clipPos    fyne.Position
	clipSize   fyne.Size
	text       string
	fill       color.Color
	hasOutline bool
	textSize   float32
	style      fyne.TextStyle
}

// textWidth measures a drawn text with Fyne, as it is drawn.
func (d drawnObj) textWidth() float32 {
	return fyne.MeasureText(d.text, d.textSize, d.style).Width
}

// rasterRuns reads a raster as drawn boxes: each run of one colour along
// its middle row, with the height that colour has in the run's middle
// column. A strip of slivers reads as its bars (and the sides of their
// conflict frames); a dashed outline as its two sides. An image smaller
// than the raster (a strip is one pixel tall) is read stretched, as drawn.
func rasterRuns(r *canvas.Raster, pos, cp fyne.Position, cs fyne.Size) []drawnObj {
	w, h := int(r.Size().Width), int(r.Size().Height)
	if w <= 0 || h <= 0 {
		return nil
	}
	src := r.Generator(w, h)
	if b := src.Bounds(); b.Dx() == w && b.Dy() == h && w == h {
		return markerRun(r, src, pos, cp, cs)
	}
	img := stretched{src, w, h}
	var out []drawnObj
	mid := h / 2
	for x := 0; x < w; {
		c := color.NRGBAModel.Convert(img.At(x, mid)).(color.NRGBA)
		end := x + 1
		for end < w && color.NRGBAModel.Convert(img.At(end, mid)) == color.Color(c) {
			end++
		}
		if c.A != 0 {
			cx, y0, y1 := (x+end)/2, mid, mid+1
			for y0 > 0 && color.NRGBAModel.Convert(img.At(cx, y0-1)) == color.Color(c) {
				y0--
			}
			for y1 < h && color.NRGBAModel.Convert(img.At(cx, y1)) == color.Color(c) {
				y1++
			}
			out = append(out, drawnObj{obj: r, pos: pos.Add(fyne.NewPos(float32(x), float32(y0))),
				size: fyne.NewSize(float32(end-x), float32(y1-y0)), clipPos: cp, clipSize: cs, fill: c})
		}
		x = end
	}
	return out
}

// markerRun reads a square raster painted at its size, an instant's
// marker, as one drawn box: the colour at its centre (its outline's when it
// is hollow), and as large as its opaque pixels across its middle row and
// column (a halo is never opaque), around the raster's centre.
func markerRun(r *canvas.Raster, img image.Image, pos, cp fyne.Position, cs fyne.Size) []drawnObj {
	n := img.Bounds().Dx()
	at := func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) }
	span := func(opaque func(i int) bool) (int, int) {
		lo, hi := 0, n
		for lo < n && !opaque(lo) {
			lo++
		}
		for hi > lo && !opaque(hi-1) {
			hi--
		}
		return lo, hi
	}
	mid := n / 2
	x0, x1 := span(func(x int) bool { return at(x, mid).A == 0xff })
	y0, y1 := span(func(y int) bool { return at(mid, y).A == 0xff })
	if x0 >= x1 || y0 >= y1 {
		return nil
	}
	c := at(mid, mid)
	if c.A != 0xff {
		c = at(x0, mid)
	}
	size := fyne.NewSize(float32(x1-x0), float32(y1-y0))
	centre := pos.Add(fyne.NewPos(r.Size().Width/2, r.Size().Height/2))
	return []drawnObj{{obj: r, pos: centre.SubtractXY(size.Width/2, size.Height/2), size: size,
		clipPos: cp, clipSize: cs, fill: c}}
}

// stretched shows an image at w×h pixels, scaled by the nearest pixel.
type stretched struct {
	image.Image
	w, h int
}

func (s stretched) At(x, y int) color.Color {
	b := s.Image.Bounds()
	return s.Image.At(b.Min.X+x*b.Dx()/s.w, b.Min.Y+y*b.Dy()/s.h)
}

// drawnObjects walks the timeline's visible objects.
func drawnObjects(t testing.TB, tl *widgets.Timeline) []drawnObj {
	t.Helper()
	var out []drawnObj
	var walk func(o fyne.CanvasObject, origin, cp fyne.Position, cs fyne.Size)
	walk = func(o fyne.CanvasObject, origin, cp fyne.Position, cs fyne.Size) {
		if !o.Visible() {
			return
		}
		pos := origin.Add(o.Position())
		d := drawnObj{obj: o, pos: pos, size: o.Size(), clipPos: cp, clipSize: cs}
		switch v := o.(type) {
		case *canvas.Text:
			d.text, d.fill, d.textSize, d.style = v.Text, v.Color, v.TextSize, v.TextStyle
		case *canvas.Rectangle:
			d.fill, d.hasOutline = v.FillColor, v.StrokeWidth > 0
		case *canvas.RegularPolygon:
			d.fill, d.hasOutline = v.FillColor, v.StrokeWidth > 0
		case *canvas.Line: // rules and grid lines
			d.fill = v.StrokeColor
		case *canvas.Raster:
			out = append(out, rasterRuns(v, pos, cp, cs)...)
			return
		case *container.Clip:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c, pos, pos, v.Size())
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c, pos, cp, cs)
			}
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, pos, cp, cs)
			}
			return
		}
		out = append(out, d)
	}
	for _, o := range test.WidgetRenderer(tl).Objects() {
		walk(o, fyne.Position{}, fyne.Position{}, tl.Size())
	}
	return out
}

// titleW is the title column width the tests set, so that the plot's left
// edge is known.
const titleW = 120

// lightTimeline is newTimeline in the light variant with a known title
// column width, showing lanes and items.
func lightTimeline(t testing.TB, w, h float32, lanes []widgets.TimelineLane, items []widgets.TimelineItem) (*widgets.Timeline, fyne.Window) {
	t.Helper()
	tl, win, a := newTimeline(t, w, h)
	useVariant(a, theme.VariantLight)
	tl.TitleWidth = titleW
	tl.Refresh()
	tl.SetLanes(lanes)
	tl.SetItems(items)
	return tl, win
}

// headerTexts are the labels of the time axis (the clip region right of
// the title column at the top), read from the pixels of its raster.
func headerTexts(t testing.TB, tl *widgets.Timeline) []drawnObj {
	t.Helper()
	out := painted(t, widgets.PaintedAxisLabels(tl))
	for _, d := range drawnObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Text); ok && d.clipPos == fyne.NewPos(titleW, 0) {
			t.Errorf("axis label %q drawn as a text object, want it painted", d.text)
		}
	}
	return out
}

// plotObjects are the objects of the plot region (below the header, right
// of the title column).
func plotObjects(t testing.TB, tl *widgets.Timeline) []drawnObj {
	t.Helper()
	var out []drawnObj
	for _, d := range drawnObjects(t, tl) {
		if d.clipPos.X == titleW && d.clipPos.Y > 0 {
			out = append(out, d)
		}
	}
	return out
}

// markers are the plot's bars and diamonds drawn in palette colours (the
// items; no test item here uses the grey of index 7).
func markers(t testing.TB, tl *widgets.Timeline) []drawnObj {
	t.Helper()
	var out []drawnObj
	for _, d := range plotObjects(t, tl) {
		if isPaletteFill(d.fill) {
			out = append(out, d)
		}
	}
	return out
}

// isPaletteFill reports whether c is a light palette colour (0 to 6).
func isPaletteFill(c color.Color) bool {
	for i := range 7 {
		if c == color.Color(widgets.PaletteColor(i, false)) {
			return true
		}
	}
	return false
}

// markerOf finds the one drawn marker in palette colour i.
func markerOf(t testing.TB, tl *widgets.Timeline, i int) drawnObj {
	t.Helper()
	var found []drawnObj
	for _, d := range plotObjects(t, tl) {
		if d.fill == color.Color(widgets.PaletteColor(i, false)) {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d markers in colour %d, want 1", len(found), i)
	}
	return found[0]
}

// centre is the middle of a drawn object.
func (d drawnObj) centre() fyne.Position {
	return fyne.NewPos(d.pos.X+d.size.Width/2, d.pos.Y+d.size.Height/2)
}

// overlaps reports whether two drawn boxes share any area.
func overlaps(a, b drawnObj) bool {
	return a.pos.X < b.pos.X+b.size.Width && b.pos.X < a.pos.X+a.size.Width &&
		a.pos.Y < b.pos.Y+b.size.Height && b.pos.Y < a.pos.Y+a.size.Height
}

// seconds is the time from a to b in seconds, for spans too long for a
// time.Duration.
func seconds(a, b time.Time) float64 {
	return float64(b.Unix()-a.Unix()) + float64(b.Nanosecond()-a.Nanosecond())/1e9
}

// xOfTime is where time tm is drawn, from the visible range and the plot
// geometry (the plot spans from titleW to the timeline's right edge).
func xOfTime(tl *widgets.Timeline, tm time.Time) float32 {
	from, to := tl.VisibleRange()
	w := float64(tl.Size().Width - titleW)
	return titleW + float32(seconds(from, tm)/seconds(from, to)*w)
}

// timeAtX is the time drawn at x.
func timeAtX(tl *widgets.Timeline, x float32) time.Time {
	from, to := tl.VisibleRange()
	w := float64(tl.Size().Width - titleW)
	return from.Add(time.Duration(float64(x-titleW) / w * seconds(from, to) * 1e9))
}

// zoomTo zooms around the middle of the view until it shows span seconds.
func zoomTo(tl *widgets.Timeline, span float64) {
	from, to := tl.VisibleRange()
	s := seconds(from, to)
	tl.ZoomBy(s/span, from.Add(time.Duration(s/2*1e9)))
}

// fyneCanvas is the canvas showing tl.
func fyneCanvas(tl *widgets.Timeline) fyne.Canvas {
	return fyne.CurrentApp().Driver().CanvasForObject(tl)
}
