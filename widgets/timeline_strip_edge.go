package widgets

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// A strip is one pixel tall, so what runs along its bars' top and bottom
// edges is painted apart: two rasters two units tall, the top one from a
// unit above the row to a unit inside it, the bottom one from a unit inside
// to a unit below. They hold a conflict frame's top and bottom (as a bar's
// own frame draws them: two units wide, half outside the bar) and the
// uncertainty's dashes (on the bar's outermost pixels, as a bar's own dashed
// outline draws them). A bar in a strip shows no dashes down its sides:
// a stretched row of pixels cannot break a column.

// placeEdges shows the edge rasters when a drawn bar needs them, sized
// width units across, and repaints them when the bars changed.
func (s *tlStrip) placeEdges(width float32, changed bool) {
	s.edged = slices.ContainsFunc(s.drawn, func(b tlSliver) bool { return b.edged() })
	if !s.edged {
		return
	}
	for k := range s.edges {
		e := &s.edges[k]
		if e.r == nil {
			bottom := k == 1
			e.r = canvas.NewRaster(func(w, h int) image.Image { return s.paintEdge(e, w, h, bottom) })
			e.r.ScaleMode = canvas.ImageScalePixels
		}
		if size := fyne.NewSize(width, 2); size != e.r.Size() {
			e.r.Resize(size) // repaints
		} else if changed {
			e.r.Refresh()
		}
	}
}

// paintEdge paints edge e, the bottom one when bottom, at w×h pixels:
// the first half of its rows lies outside the bars for the top edge and
// inside them for the bottom one.
func (s *tlStrip) paintEdge(e *tlEdge, w, h int, bottom bool) image.Image {
	e.img = reuseRGBA(e.img, w, h)
	size := s.r.Size()
	if size.Width <= 0 || h <= 0 {
		return e.img
	}
	sx := float32(w) / size.Width
	px := func(v float32) int { return int(math.Round(float64(v * sx))) }
	set := func(x, y int, c color.RGBA) {
		i := y*e.img.Stride + 4*x
		e.img.Pix[i], e.img.Pix[i+1], e.img.Pix[i+2], e.img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	u, half, barH := max(px(1), 1), h/2, px(size.Height)
	th := 1 + barH/40 // a dashed outline's thickness and dash, as tlDash paints them
	dash := 4 * th
	for _, b := range s.drawn {
		if !b.edged() {
			continue
		}
		x0, x1 := px(b.x0), max(px(b.x1), px(b.x0)+1)
		switch {
		case b.conflict.A != 0:
			c := premultiplied(b.conflict)
			for y := range h {
				for x := max(x0-u, 0); x < min(x1+u, w); x++ {
					set(x, y, c)
				}
			}
		case b.dash.A != 0:
			c := premultiplied(b.dash)
			for k := range min(th, h-half, half) {
				row, yb := half+k, k // yb: the row within the bar, for the dashes' phase
				if bottom {
					row, yb = half-1-k, barH-1-k
				}
				for x := max(x0, 0); x < min(x1, w); x++ {
					if ((x-x0)+yb)/dash%2 == 0 {
						set(x, row, c)
					}
				}
			}
		}
	}
	return e.img
}
