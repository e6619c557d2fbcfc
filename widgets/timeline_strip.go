package widgets

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// At an overview zoom a lane's rows hold hundreds of narrow bars. One
// object each (and a gradient for each faded end, a frame for each conflict)
// would cost the GL painter a draw call each, thousands a frame, so narrow
// bars are drawn together: one raster per lane row, painted on the CPU.
// Their look is unchanged: each keeps its colour, its faded ends and its
// conflict frame.
//
// A strip is painted for half a view more on each side than is shown, so a
// pan only moves it; it is painted again when the view leaves that range,
// the zoom changes (for the view alone: paintStrips), or the items, the
// selection or the theme do. Every bar is the full height of its row, so a
// strip is painted one pixel tall and stretched: painting and uploading it
// costs a row of pixels, not a band. What runs along a bar's top and bottom
// (the conflict frame's, the uncertainty's dashes) is painted in two edge
// rasters two units tall, laid over the row's top and bottom edges.

// tlStripMaxW is the widest a strip is painted, in units.
const tlStripMaxW = 4096

// tlSliver is one bar in a strip, x relative to the strip's left edge.
type tlSliver struct {
	x0, x1   float32
	fade     float32 // how far each end fades in (approximate); 0 for none
	col      color.NRGBA
	conflict color.NRGBA // zero when the item is not in conflict
	dash     color.NRGBA // the uncertainty's dashes; zero for none
	wide     bool        // wider than a sliver (tlMetrics.sliver): kept only in a dense strip
}

// edged reports whether the bar has anything along its top and bottom:
// a conflict frame or dashes, on a bar of tlDashMinW or more (a narrower
// one shows only its frame's sides, which the strip paints).
func (b *tlSliver) edged() bool {
	return (b.conflict.A != 0 || b.dash.A != 0) && b.x1-b.x0 >= tlDashMinW
}

// tlStrip is the narrow bars of one lane row.
type tlStrip struct {
	r     *canvas.Raster
	x     float32    // left edge from the lane strips' origin c0 (with a 1-unit margin for conflict frames)
	bars  []tlSliver // being collected, relative to c0 until placed
	drawn []tlSliver // what the raster paints
	img   *image.RGBA
	dense bool      // it takes bars wider than a sliver (tlStripGap)
	edges [2]tlEdge // along the top and the bottom of the bars; shown when edged
	edged bool      // a drawn bar has a conflict frame or dashes
}

// tlEdge is a strip's top or bottom edge raster.
type tlEdge struct {
	r   *canvas.Raster
	img *image.RGBA
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

// tlStripGap is the widest mean gap, in units, between the bars of a
// row's strip for it to take bars wider than a sliver. A strip is shaded
// from its first bar to its last: in a sparse row the blank pixels cost a
// software OpenGL more than the draw calls of the bars on their own.
const tlStripGap = 120

// inStrip reports whether a bar bw units wide is painted in its row's
// strip s: a sliver always is, a bar narrower than stripBar when the strip
// is dense, and the selected item never (it is drawn on its own, with its
// outline). It does not depend on where the view is within what the strip
// was painted for, so a pan does not change the answer.
func (r *timelineRenderer) inStrip(it *TimelineItem, bw float32, s *tlStrip) bool {
	m := &r.t.met
	if it.ID == r.t.selected {
		return false
	}
	return m.sliver(bw) || bw < m.stripBar && s != nil && s.dense
}

// sliver reports whether a bar bw units wide is a sliver, which a strip
// always takes: no wider than the narrowest bar plus a unit.
func (m *tlMetrics) sliver(bw float32) bool { return bw <= m.minBar+1 }

// barWidth is the drawn width of lane l's range item i at the zoom.
func (r *timelineRenderer) barWidth(l *tlLane, i int) float32 {
	return max(float32((l.end[i]-l.start[i])/r.t.view.spp), r.t.met.minBar)
}

// paintedStrips returns lane li's strips, painted first when the view has
// left what they hold; it reports whether it painted them.
func (r *timelineRenderer) paintedStrips(li int, v0, v1 float64) (*tlLaneStrips, bool) {
	t := r.t
	for len(r.laneStrips) <= li {
		r.laneStrips = append(r.laneStrips, &tlLaneStrips{})
	}
	ls := r.laneStrips[li]
	paint := ls.spp != t.view.spp || ls.gen != r.stripGen || v0 < ls.c0 || v1 > ls.c1
	if paint {
		r.paintStrips(ls, &t.lanes[li], v0, v1)
	}
	return ls, paint
}

// drawStrips appends a lane's strips, the lane's top at plot y top.
func (r *timelineRenderer) drawStrips(objs []fyne.CanvasObject, ls *tlLaneStrips, top float32) []fyne.CanvasObject {
	t, m := r.t, &r.t.met
	origin := t.xOf(ls.c0)
	for row, s := range ls.rows {
		if s == nil || len(s.drawn) == 0 {
			continue
		}
		y := top + m.lanePad + float32(row)*m.rowH
		s.r.Move(fyne.NewPos(origin+s.x, y))
		objs = append(objs, s.r)
		if s.edged {
			s.edges[0].r.Move(fyne.NewPos(origin+s.x, y-1))
			s.edges[1].r.Move(fyne.NewPos(origin+s.x, y+m.itemH-1))
			objs = append(objs, s.edges[0].r, s.edges[1].r)
		}
	}
	return objs
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
	p := &r.pal
	lo, hi := l.window(ls.c0, ls.c1, 0)
	for i := lo; i < hi; i++ {
		it := &l.items[i]
		if l.row[i] < 0 || it.instant() || l.x1[i] <= ls.c0 || l.x0[i] >= ls.c1 {
			continue
		}
		bw := r.barWidth(l, i)
		if bw >= m.stripBar || it.ID == t.selected {
			continue
		}
		row := l.row[i]
		if ls.rows[row] == nil {
			ls.rows[row] = &tlStrip{}
		}
		x0 := float32((l.start[i] - ls.c0) / spp)
		b := tlSliver{x0: x0, x1: x0 + bw, fade: barFade(it, bw), col: PaletteColor(it.Color, p.dark), wide: !m.sliver(bw)}
		if it.Conflict {
			b.conflict = p.conflictN
		}
		if it.Uncertain && bw >= tlDashMinW {
			b.dash = p.ink(b.col)
		}
		ls.rows[row].bars = append(ls.rows[row].bars, b)
	}
	for _, s := range ls.rows {
		if s != nil {
			s.keepDense()
			s.place(m.itemH)
		}
	}
}

// keepDense decides whether the strip is dense, from the mean gap between
// the bars collected, and when it is not leaves out those wider than a
// sliver.
func (s *tlStrip) keepDense() {
	s.dense = false
	if n := len(s.bars); n > 1 {
		s.dense = (s.bars[n-1].x0-s.bars[0].x1)/float32(n-1) < tlStripGap
	}
	if !s.dense {
		s.bars = slices.DeleteFunc(s.bars, func(b tlSliver) bool { return b.wide })
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
	s.placeEdges(size.Width, changed)
}

// generate paints the strip's one row at the raster's pixel width: each
// bar with its faded ends, and the sides of its conflict frame: a unit out
// and, on a bar of tlDashMinW or more, a unit in.
func (s *tlStrip) generate(w, _ int) image.Image {
	s.img = reuseRGBA(s.img, w, 1) // premultiplied: the GL painter uploads it as it is
	size := s.r.Size()
	if size.Width <= 0 {
		return s.img
	}
	sx := float32(w) / size.Width
	px := func(v float32) int { return int(math.Round(float64(v * sx))) }
	set := func(x int, c color.RGBA) {
		s.img.Pix[4*x], s.img.Pix[4*x+1], s.img.Pix[4*x+2], s.img.Pix[4*x+3] = c.R, c.G, c.B, c.A
	}
	fill := func(x0, x1 int, nc color.NRGBA) {
		c := premultiplied(nc)
		for x := max(x0, 0); x < min(x1, w); x++ {
			set(x, c)
		}
	}
	u := max(px(1), 1)
	for _, b := range s.drawn {
		x0, x1 := px(b.x0), max(px(b.x1), px(b.x0)+1)
		in0, in1 := x0, x1
		if b.conflict.A != 0 {
			fill(x0-u, x1+u, b.conflict)
			if b.x1-b.x0 >= tlDashMinW {
				in0, in1 = x0+u, x1-u
			}
		}
		if b.fade <= 0 {
			fill(in0, in1, b.col)
			continue
		}
		// The alpha ramps in over fade units from each end, measured at
		// pixel centres, as a linear gradient draws it.
		fp := b.fade * sx
		for x := max(in0, 0); x < min(in1, w); x++ {
			c := float32(x) + 0.5
			a := min(1, (c-float32(x0))/fp, (float32(x1)-c)/fp)
			set(x, premultiplied(withAlpha(b.col, uint8(a*float32(b.col.A)+0.5))))
		}
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
