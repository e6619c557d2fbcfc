package widgets

import (
	"image"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The time axis is painted as one raster: at an overview it has fifty to
// seventy ticks and as many labels, and as objects each was a draw of its
// own for the GL painter, over a hundred draws each frame for a strip 44
// units tall. It is painted again whenever its ticks, labels or colours
// change, so at every pan and zoom: a CPU pass over the header's pixels
// and an upload of them, far less than the draws. Labels are painted by
// Fyne's software painter (timeline_glyphs.go) where the texts were.

// tlAxisLabel is a label of the time axis as painted: its left edge in
// units, and whether it is a major one (bold, in the upper row).
type tlAxisLabel struct {
	x    float32
	text string
	bold bool
}

// tlAxisLook is what every part of the painted axis shares.
type tlAxisLook struct {
	tick, rule, ink color.NRGBA // minor ticks, major ticks, labels
	textSize        float32
	majorY, minorY  float32 // the top of the labels of each row
	minorTop, h     float32 // where minor ticks start; the header's height
}

// y is the top of label l.
func (k *tlAxisLook) y(l tlAxisLabel) float32 {
	if l.bold {
		return k.majorY
	}
	return k.minorY
}

// tlAxisPic is the painted time axis and what it shows.
type tlAxisPic struct {
	r            *canvas.Raster
	minor, major []float32 // tick positions, plot x
	labels       []tlAxisLabel
	look         tlAxisLook
	next         []tlAxisLabel // the labels being laid out
	glyph        func(tlGlyphKey) *image.RGBA
	img          *image.RGBA
}

// buildHeader draws the time axis, major labels and ticks in the upper
// row and minor ones in the lower, as the one raster; it paints it again
// when any of that changed.
func (r *timelineRenderer) buildHeader(objs []fyne.CanvasObject) []fyne.CanvasObject {
	m, a, h := &r.t.met, &r.axis, &r.axisPic
	if h.r == nil {
		h.r = canvas.NewRaster(h.generate)
		h.r.ScaleMode = canvas.ImageScalePixels
		h.glyph = r.glyph
	}
	h.next = h.next[:0]
	for _, l := range a.majorLabels {
		h.next = append(h.next, tlAxisLabel{l.x, l.text, true})
	}
	for _, l := range a.minorLabels {
		h.next = append(h.next, tlAxisLabel{l.x, l.text, false})
	}
	look := tlAxisLook{tick: nrgba(r.pal.gridMajor), rule: nrgba(r.pal.rule), ink: r.pal.fgN, textSize: m.labelSize,
		majorY: (m.hdrRowH-m.labelH)/2 + m.pad/2, minorY: m.hdrRowH + (m.hdrRowH-m.labelH)/2,
		minorTop: m.hdrRowH + m.pad, h: m.hdrH}
	changed := look != h.look || !slices.Equal(h.minor, a.minor) || !slices.Equal(h.major, a.major) ||
		!slices.Equal(h.labels, h.next)
	if changed {
		h.look = look
		h.minor = append(h.minor[:0], a.minor...)
		h.major = append(h.major[:0], a.major...)
		h.labels, h.next = h.next, h.labels
	}
	if size := fyne.NewSize(r.t.view.plotW, m.hdrH); size != h.r.Size() {
		h.r.Resize(size) // repaints
	} else if changed {
		h.r.Refresh()
	}
	return append(objs, h.r)
}

// generate paints the axis at the raster's pixel size: the minor ticks,
// the major ones, then the labels over them.
func (h *tlAxisPic) generate(w, ht int) image.Image {
	h.img = reuseRGBA(h.img, w, ht) // premultiplied, uploaded as it is
	sx, sy, ok := pixelsPerUnit(h.r, w, ht)
	if !ok {
		return h.img
	}
	for _, x := range h.minor {
		paintColumn(h.img, x, h.look.minorTop, h.look.h, h.look.tick, sx, sy)
	}
	for _, x := range h.major {
		paintColumn(h.img, x, 0, h.look.h, h.look.rule, sx, sy)
	}
	for _, l := range h.labels {
		g := h.glyph(tlGlyphKey{s: l.text, size: h.look.textSize, bold: l.bold, col: h.look.ink, scale: glyphScale(sx)})
		over(h.img, g, int(math.Round(float64(l.x)*sx)), int(math.Round(float64(h.look.y(l))*sy)))
	}
	return h.img
}

// paintColumn paints the column of units [x, x+1) from y0 to y1 in c at sx
// and sy pixels a unit, as a line object covers it: a pixel the column
// covers only in part is painted in part.
func paintColumn(img *image.RGBA, x, y0, y1 float32, c color.NRGBA, sx, sy float64) {
	a, b := float64(x)*sx, float64(x+1)*sx
	py0 := max(int(math.Round(float64(y0)*sy)), 0)
	py1 := min(int(math.Round(float64(y1)*sy)), img.Rect.Dy())
	for px := max(int(math.Floor(a)), 0); px < min(int(math.Ceil(b)), img.Rect.Dx()); px++ {
		cover := min(b, float64(px+1)) - max(a, float64(px))
		for py := py0; py < py1; py++ {
			blendPix(img, px, py, c, cover)
		}
	}
}
