package widgets

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// A lane's "+N" cluster chips, their labels and the lines along their
// clusters are painted together as one raster, like the slivers: at an
// overview there are a hundred clusters in view, and as objects each took
// a rounded rectangle (the GL painter's costliest shader), a line and a
// text, each a draw of its own: with a software OpenGL about a third of
// the frame. A label is painted by Fyne's software painter
// (timeline_glyphs.go), in the font and at the place the text object had.
//
// The raster holds each cluster's chip where the cluster starts, so a pan
// only moves it. A cluster that starts left of the view keeps its chip in
// view: that chip (at most one a lane) is drawn again as an object on top
// (drawCluster), over what is left of the painted one.

// tlChipMark is one cluster in a chip row, in units from the row's left
// edge: its line from x0 to x1 (none when x1 is 0) and its chip at cx (none
// when cw is 0: it lies wholly before the painted range) counting n items.
type tlChipMark struct {
	x0, x1, cx, cw float32
	n              int
	selected       bool
}

// tlChipText is how a chip row's labels are painted: in what text size and
// colour, at what offset from the chip's top left corner (units).
type tlChipText struct {
	size   float32
	col    color.NRGBA
	dx, dy float32
}

// tlChipRow is a lane's cluster row as a raster.
type tlChipRow struct {
	r            *canvas.Raster
	x            float32 // left edge from the lane strips' origin c0
	marks, drawn []tlChipMark
	fill, sel    color.NRGBA
	text         tlChipText
	glyph        func(tlGlyphKey) *image.RGBA // the renderer's painted texts
	img          *image.RGBA
	pills        map[tlPillKey]*image.RGBA // painted chips by width
	pillsFor     tlPillStyle               // what they were painted for
}

// drawChipRow appends a lane's chip row at plot y, painting it first when
// the lane's strips were painted again.
func (r *timelineRenderer) drawChipRow(objs []fyne.CanvasObject, ls *tlLaneStrips, l *tlLane, y float32, repaint bool) []fyne.CanvasObject {
	cr := &ls.chips
	if repaint {
		r.paintChipRow(cr, ls, l)
	}
	if len(cr.drawn) > 0 {
		cr.r.Move(fyne.NewPos(r.t.xOf(ls.c0)+cr.x, y))
		objs = append(objs, cr.r)
	}
	return objs
}

// paintChipRow collects the clusters that touch the lane strips' range and
// repaints the raster when they changed.
func (r *timelineRenderer) paintChipRow(cr *tlChipRow, ls *tlLaneStrips, l *tlLane) {
	t, m := r.t, &r.t.met
	spp := ls.spp
	cr.marks = cr.marks[:0]
	lo, hi := l.clusterWindow(ls.c0, ls.c1)
	left, right := float32(math.Inf(1)), float32(math.Inf(-1))
	for k := lo; k < hi; k++ {
		c := &l.clusters[k]
		// A cluster may start long before the painted range (a long item
		// in it): its line is cut at the range, and its chip is left out
		// once wholly before it, so the raster never outgrows the range.
		x0 := float32((c.x0 - ls.c0) / spp)
		x1 := min(float32((c.x1-ls.c0)/spp), float32((ls.c1-ls.c0)/spp))
		cw := t.chipWidth(c.count())
		mk := tlChipMark{cx: x0, cw: cw, n: c.count()}
		if x1-x0 > cw+2 {
			mk.x0, mk.x1 = max(x0, -1), x1
		}
		if x0+cw <= 0 {
			mk.cx, mk.cw = 0, 0
		}
		if mk.cw == 0 && mk.x1 == 0 {
			continue
		}
		for _, i := range l.overflow[c.a:c.b] {
			mk.selected = mk.selected || (t.selected != "" && l.items[i].ID == t.selected)
		}
		cr.marks = append(cr.marks, mk)
		if mk.cw > 0 {
			left, right = min(left, mk.cx), max(right, mk.cx+mk.cw)
		}
		if mk.x1 != 0 {
			left, right = min(left, mk.x0), max(right, mk.x1)
		}
	}
	if len(cr.marks) == 0 {
		cr.drawn = cr.drawn[:0]
		return
	}
	if cr.r == nil {
		cr.r = canvas.NewRaster(cr.generate)
		cr.r.ScaleMode = canvas.ImageScalePixels
		cr.glyph = r.glyph
	}
	cr.x = left
	for i := range cr.marks {
		mk := &cr.marks[i]
		mk.cx -= left
		if mk.x1 != 0 {
			mk.x0, mk.x1 = mk.x0-left, mk.x1-left
		}
	}
	fill, sel := nrgba(r.pal.chipBg), nrgba(r.pal.selected)
	text := tlChipText{m.labelSize, nrgba(r.pal.chipFg), m.pad, (m.chipH - m.labelH) / 2}
	size := fyne.NewSize(right-left, m.chipH)
	changed := !slices.Equal(cr.marks, cr.drawn) || fill != cr.fill || sel != cr.sel || text != cr.text
	cr.drawn = append(cr.drawn[:0], cr.marks...)
	cr.fill, cr.sel, cr.text = fill, sel, text
	if size != cr.r.Size() {
		cr.r.Resize(size) // repaints
	} else if changed {
		cr.r.Refresh()
	}
}

// generate paints the chip row at the raster's pixel size: each line, and
// each chip as a pill with soft edges, ringed in the selection colour when
// its cluster holds the selected item, with its label. Chips sit on whole
// pixels, so one painted pill serves every chip of its width.
func (cr *tlChipRow) generate(w, h int) image.Image {
	cr.img = reuseRGBA(cr.img, w, h) // premultiplied, uploaded as it is
	sx, sy, ok := pixelsPerUnit(cr.r, w, h)
	if !ok {
		return cr.img
	}
	if style := (tlPillStyle{cr.fill, cr.sel, h, sx}); cr.pills == nil || cr.pillsFor != style {
		cr.pills, cr.pillsFor = map[tlPillKey]*image.RGBA{}, style
	}
	fill := premultiplied(cr.fill)
	for _, mk := range cr.drawn {
		if mk.x1 != 0 { // the line: two units tall, centred
			x0, x1 := max(int(math.Round(float64(mk.x0)*sx)), 0), min(int(math.Round(float64(mk.x1)*sx)), w)
			y0 := max(int(math.Round(float64(h)/2-sy)), 0)
			y1 := min(int(math.Round(float64(h)/2+sy)), h)
			for y := y0; y < y1; y++ {
				row := cr.img.Pix[y*cr.img.Stride:]
				for x := x0; x < x1; x++ {
					row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = fill.R, fill.G, fill.B, fill.A
				}
			}
		}
	}
	for _, mk := range cr.drawn {
		if mk.cw == 0 {
			continue
		}
		k := tlPillKey{w: int(math.Round(float64(mk.cw) * sx)), selected: mk.selected}
		pill := cr.pills[k]
		if pill == nil {
			pill = cr.pill(k.w, h, 2*sx, mk.selected)
			cr.pills[k] = pill
		}
		x := int(math.Round(float64(mk.cx) * sx))
		over(cr.img, pill, x, 0)
		if cr.glyph != nil {
			g := cr.glyph(tlGlyphKey{s: tlChipLabel(mk.n), size: cr.text.size, col: cr.text.col, scale: glyphScale(sx)})
			over(cr.img, g, x+int(math.Round(float64(cr.text.dx)*sx)), int(math.Round(float64(cr.text.dy)*sy)))
		}
	}
	return cr.img
}

// pixelsPerUnit is how many pixels a unit is across and down in r painted
// at w×h pixels; not ok while r has no size.
func pixelsPerUnit(r *canvas.Raster, w, h int) (sx, sy float64, ok bool) {
	size := r.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return 0, 0, false
	}
	return float64(w) / float64(size.Width), float64(h) / float64(size.Height), true
}

// tlPillStyle is what every painted chip of a row shares: its colours,
// its height in pixels and the pixels per unit.
type tlPillStyle struct {
	fill, sel color.NRGBA
	h         int
	sx        float64
}

// tlPillKey keys a painted chip: its width in pixels and its ring.
type tlPillKey struct {
	w        int
	selected bool
}

// pill paints a chip w by h pixels: the fill colour inside, and a ring
// ring pixels wide in the selection colour when selected. Coverage comes
// from the distance to the rounded outline, for soft edges.
func (cr *tlChipRow) pill(w, h int, ring float64, selected bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rad := float64(min(w, h)) / 2
	cx, cy := float64(w)/2, float64(h)/2
	hx, hy := cx-rad, cy-rad
	for py := range h {
		for px := range w {
			qx := math.Abs(float64(px)+0.5-cx) - hx
			qy := math.Abs(float64(py)+0.5-cy) - hy
			d := math.Hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - rad
			if !selected {
				blendPix(img, px, py, cr.fill, coverage(d))
				continue
			}
			inner := coverage(d + ring)
			blendPix(img, px, py, cr.fill, inner)
			blendPix(img, px, py, cr.sel, coverage(d)-inner)
		}
	}
	return img
}

// over composites the premultiplied src over dst with its top left corner
// at x, y.
func over(dst, src *image.RGBA, x, y int) {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	for j := max(0, -y); j < h && y+j < dst.Rect.Dy(); j++ {
		d := dst.Pix[(y+j)*dst.Stride:]
		sr := src.Pix[j*src.Stride:]
		for i := max(0, -x); i < w && x+i < dst.Rect.Dx(); i++ {
			s := sr[4*i : 4*i+4 : 4*i+4]
			o := d[4*(x+i) : 4*(x+i)+4 : 4*(x+i)+4]
			switch s[3] {
			case 0:
			case 0xff:
				copy(o, s)
			default:
				keep := 255 - uint32(s[3])
				for c := range 4 {
					o[c] = uint8(uint32(s[c]) + (uint32(o[c])*keep+127)/255)
				}
			}
		}
	}
}

// coverage is how much of a pixel lies inside an edge whose signed
// distance from the pixel's centre is dist (negative inside), for soft
// edges.
func coverage(dist float64) float64 { return min(max(0.5-dist, 0), 1) }

// blendPix paints colour c over pixel (x, y) of img with coverage a.
func blendPix(img *image.RGBA, x, y int, c color.NRGBA, a float64) {
	if a <= 0 {
		return
	}
	i := y*img.Stride + 4*x
	p := img.Pix[i : i+4 : i+4]
	sa := float64(c.A) / 255 * a
	keep := 1 - sa
	p[0] = uint8(math.Round(float64(c.R)*sa + float64(p[0])*keep))
	p[1] = uint8(math.Round(float64(c.G)*sa + float64(p[1])*keep))
	p[2] = uint8(math.Round(float64(c.B)*sa + float64(p[2])*keep))
	p[3] = uint8(math.Round(255*sa + float64(p[3])*keep))
}
