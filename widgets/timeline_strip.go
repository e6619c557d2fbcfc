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

// tlSliver is one bar in a strip, x relative to the strip's left edge.
type tlSliver struct {
	x0, x1   float32
	col      color.NRGBA
	conflict color.NRGBA // zero when the item is not in conflict
}

// tlStrip is the slivers of one lane row.
type tlStrip struct {
	r       *canvas.Raster
	x, y, h float32    // top left of the bars (the strip has a 1-unit margin for outlines) and their height
	bars    []tlSliver // this frame's, in plot coordinates until placed
	drawn   []tlSliver // what the raster last painted
	drawnH  float32
	img     *image.NRGBA
}

// isSliver reports whether a bar from bx0 to bx1 is drawn in a strip: it is
// no wider than the narrowest bar plus a unit, and has nothing of its own to
// show (the selected item is drawn on its own, with its outline).
func (r *timelineRenderer) isSliver(it *TimelineItem, bx0, bx1 float32) bool {
	return bx1-bx0 <= r.t.met.minBar+1 && it.ID != r.t.selected
}

// sliver adds a bar to the strip of row at plot y.
func (r *timelineRenderer) sliver(row int8, x0, x1, y, h float32, col color.NRGBA, conflict bool) {
	s := r.laneStrips[row]
	if s == nil {
		s = r.strips.get()
		s.bars, s.y, s.h = s.bars[:0], y, h
		r.laneStrips[row] = s
	}
	b := tlSliver{x0: x0, x1: x1, col: col}
	if conflict {
		b.conflict = color.NRGBAModel.Convert(r.pal.conflict).(color.NRGBA)
	}
	s.bars = append(s.bars, b)
}

// flushStrips places the lane's strips, repainting those whose bars
// changed, and appends them to objs.
func (r *timelineRenderer) flushStrips(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for row, s := range r.laneStrips {
		if s == nil {
			continue
		}
		r.laneStrips[row] = nil
		if s.r == nil {
			s.r = canvas.NewRaster(s.generate)
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
		s.r.Move(fyne.NewPos(s.x, s.y-1))
		size := fyne.NewSize(x1-x0+2, s.h+2)
		changed := !slices.Equal(s.bars, s.drawn) || s.h != s.drawnH
		s.drawn, s.drawnH = append(s.drawn[:0], s.bars...), s.h
		if size != s.r.Size() {
			s.r.Resize(size) // repaints
		} else if changed {
			s.r.Refresh()
		}
		objs = append(objs, s.r)
	}
	return objs
}

// generate paints the strip at the raster's pixel size: each bar, framed
// in the conflict colour when it has one.
func (s *tlStrip) generate(w, h int) image.Image {
	if s.img == nil || s.img.Rect.Dx() != w || s.img.Rect.Dy() != h {
		s.img = image.NewNRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(s.img.Pix)
	}
	size := s.r.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return s.img
	}
	sx, sy := float32(w)/size.Width, float32(h)/size.Height
	px := func(v, scale float32) int { return int(math.Round(float64(v * scale))) }
	fill := func(x0, y0, x1, y1 int, c color.NRGBA) {
		x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
		for y := y0; y < y1; y++ {
			row := s.img.Pix[y*s.img.Stride:]
			for x := x0; x < x1; x++ {
				row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
			}
		}
	}
	for _, b := range s.drawn {
		x0, x1 := px(b.x0, sx), max(px(b.x1, sx), px(b.x0, sx)+1)
		if b.conflict.A != 0 {
			fill(x0-px(1, sx), 0, x1+px(1, sx), h, b.conflict)
		}
		fill(x0, px(1, sy), x1, h-px(1, sy), b.col)
	}
	return s.img
}
