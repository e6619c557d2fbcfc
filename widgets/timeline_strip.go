package widgets

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// At an overview zoom a lane's rows hold hundreds of bars at their
// narrowest width. One object each would cost the GL painter a draw call
// each, thousands a frame, so such slivers are drawn together: one raster
// per lane row, painted on the CPU. Their look is unchanged: each keeps its
// colour and its conflict outline.
//
// A strip is painted for half a view more on each side than is shown, so a
// pan only moves it; it is painted again when the view leaves that range,
// the zoom changes (for the view alone: paintStrips), or the items, the
// selection or the theme do. Every bar is the full height of its row, so a
// strip is painted one pixel tall and stretched: painting and uploading it
// costs a row of pixels, not a band.

// tlStripMaxW is the widest a strip is painted, in units.
const tlStripMaxW = 4096

// tlSliver is one bar in a strip, x relative to the strip's left edge.
type tlSliver struct {
	x0, x1   float32
	col      color.NRGBA
	conflict color.NRGBA // zero when the item is not in conflict
}

// tlStrip is the slivers of one lane row.
type tlStrip struct {
	r     *canvas.Raster
	x     float32    // left edge from the lane strips' origin c0 (with a 1-unit margin for conflict frames)
	bars  []tlSliver // being collected, relative to c0 until placed
	drawn []tlSliver // what the raster paints
	img   *image.RGBA
}

// tlLaneStrips are a lane's strips, one per row, and what they were
// painted for.
type tlLaneStrips struct {
	spp    float64 // the zoom
	gen    uint64  // r.stripGen when painted
	c0, c1 float64 // the time range painted
	rows   [tlMaxRows]*tlStrip
	chips  tlChipRow // the cluster row (timeline_chips.go)
}

// isSliver reports whether a bar drawn from x0 to x1 (not cut at the view's
// edges, so a pan does not change the answer) goes in a strip: it is no
// wider than the narrowest bar plus a unit, and has nothing of its own to
// show (the selected item is drawn on its own, with its outline).
func (r *timelineRenderer) isSliver(it *TimelineItem, x0, x1 float32) bool {
	return x1-x0 <= r.t.met.minBar+1 && it.ID != r.t.selected
}

// drawStrips appends lane li's strips, painting them first when the view
// has left what they hold; it reports whether it painted them.
func (r *timelineRenderer) drawStrips(objs []fyne.CanvasObject, li int, top float32, v0, v1 float64) ([]fyne.CanvasObject, bool) {
	t, m := r.t, &r.t.met
	for len(r.laneStrips) <= li {
		r.laneStrips = append(r.laneStrips, &tlLaneStrips{})
	}
	ls := r.laneStrips[li]
	paint := ls.spp != t.view.spp || ls.gen != r.stripGen || v0 < ls.c0 || v1 > ls.c1
	if paint {
		r.paintStrips(ls, &t.lanes[li], v0, v1)
	}
	origin := t.xOf(ls.c0)
	for row, s := range ls.rows {
		if s == nil || len(s.drawn) == 0 {
			continue
		}
		s.r.Move(fyne.NewPos(origin+s.x, top+m.lanePad+float32(row)*m.rowH))
		objs = append(objs, s.r)
	}
	return objs, paint
}

// paintStrips collects the lane's slivers over [v0, v1) and half a view
// either side, and repaints the strips whose bars changed.
func (r *timelineRenderer) paintStrips(ls *tlLaneStrips, l *tlLane, v0, v1 float64) {
	t, m := r.t, &r.t.met
	spp := t.view.spp
	// After a pan, half a view either side, within tlStripMaxW units: a
	// texture wider than 8,192 pixels (4,096 units at a scale of 2) is more
	// than some GPUs take. A zoom paints the view alone: the next zoom
	// paints again anyway, and the margins doubled what a zoom step paints,
	// uploads and has a software OpenGL set up beyond the clip (a
	// millisecond at an overview). The first pan after it adds them.
	var margin float64
	if ls.spp == spp {
		margin = max(0, min((v1-v0)/2, (tlStripMaxW*spp-(v1-v0))/2))
	}
	ls.spp, ls.gen = spp, r.stripGen
	ls.c0, ls.c1 = v0-margin, v1+margin
	for _, s := range ls.rows {
		if s != nil {
			s.bars = s.bars[:0]
		}
	}
	conflict := r.pal.conflictN
	lo, hi := l.window(ls.c0, ls.c1, 0)
	for i := lo; i < hi; i++ {
		it := &l.items[i]
		if l.row[i] < 0 || it.instant() || l.x1[i] <= ls.c0 || l.x0[i] >= ls.c1 {
			continue
		}
		x0 := float32((l.start[i] - ls.c0) / spp)
		x1 := max(float32((l.end[i]-ls.c0)/spp), x0+m.minBar)
		if !r.isSliver(it, x0, x1) {
			continue
		}
		row := l.row[i]
		if ls.rows[row] == nil {
			ls.rows[row] = &tlStrip{}
		}
		b := tlSliver{x0: x0, x1: x1, col: PaletteColor(it.Color, r.pal.dark)}
		if it.Conflict {
			b.conflict = conflict
		}
		ls.rows[row].bars = append(ls.rows[row].bars, b)
	}
	for _, s := range ls.rows {
		if s != nil {
			s.place(m.itemH)
		}
	}
}

// place sizes the strip around its bars, makes them relative to its left
// edge, and repaints it when they changed.
func (s *tlStrip) place(itemH float32) {
	if len(s.bars) == 0 {
		s.drawn = s.drawn[:0]
		return
	}
	if s.r == nil {
		s.r = canvas.NewRaster(s.generate)
		s.r.ScaleMode = canvas.ImageScalePixels // moved by fractions of a pixel, it stays sharp
	}
	x0, x1 := float32(math.Inf(1)), float32(math.Inf(-1))
	for _, b := range s.bars {
		x0, x1 = min(x0, b.x0), max(x1, b.x1)
	}
	s.x = x0 - 1
	for i := range s.bars {
		s.bars[i].x0 -= s.x
		s.bars[i].x1 -= s.x
	}
	size := fyne.NewSize(x1-x0+2, itemH)
	changed := !slices.Equal(s.bars, s.drawn)
	s.drawn = append(s.drawn[:0], s.bars...)
	if size != s.r.Size() {
		s.r.Resize(size) // repaints
	} else if changed {
		s.r.Refresh()
	}
}

// generate paints the strip's one row at the raster's pixel width: each
// bar, with a column of the conflict colour either side when it has one.
func (s *tlStrip) generate(w, _ int) image.Image {
	s.img = reuseRGBA(s.img, w, 1) // premultiplied: the GL painter uploads it as it is
	size := s.r.Size()
	if size.Width <= 0 {
		return s.img
	}
	sx := float32(w) / size.Width
	px := func(v float32) int { return int(math.Round(float64(v * sx))) }
	fill := func(x0, x1 int, nc color.NRGBA) {
		c := premultiplied(nc)
		for x := max(x0, 0); x < min(x1, w); x++ {
			s.img.Pix[4*x], s.img.Pix[4*x+1], s.img.Pix[4*x+2], s.img.Pix[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
	for _, b := range s.drawn {
		x0, x1 := px(b.x0), max(px(b.x1), px(b.x0)+1)
		if b.conflict.A != 0 {
			fill(x0-px(1), x1+px(1), b.conflict)
		}
		fill(x0, x1, b.col)
	}
	return s.img
}

// reuseRGBA returns a cleared w×h image, in img's pixels when they are
// enough: a zoom resizes every strip and chip row each frame, and new
// images were a megabyte of garbage a frame.
func reuseRGBA(img *image.RGBA, w, h int) *image.RGBA {
	n := 4 * w * h
	if img == nil || cap(img.Pix) < n {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	img.Pix, img.Stride, img.Rect = img.Pix[:n], 4*w, image.Rect(0, 0, w, h)
	clear(img.Pix)
	return img
}

// premultiplied is c with its colour multiplied by its alpha, as an RGBA
// image holds it (color.RGBAModel does the same through an interface,
// which allocates for every bar).
func premultiplied(c color.NRGBA) color.RGBA {
	m := func(v uint8) uint8 { return uint8((uint32(v)*uint32(c.A) + 127) / 255) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), c.A}
}
