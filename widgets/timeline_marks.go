package widgets

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// An instant is a diamond: hollow with a "?" when uncertain, ringed red when in
// conflict, on a soft halo when approximate. As objects these were a
// regular polygon, whose shader works out trigonometry for every pixel, and
// a radial gradient: two draws a marker, and at an overview there are a
// hundred or more markers in view. Each look is painted once on the CPU at
// its size in pixels, and every marker with that look is a raster showing
// that one picture. Markers are pooled by look, so a pooled raster keeps
// its look, and with it its texture, from frame to frame.

// tlMarkLook is what a marker shows; a colour with zero alpha is none.
type tlMarkLook struct {
	fill   color.NRGBA // inside the diamond
	stroke color.NRGBA // its outline, two units wide
	halo   color.NRGBA // a round glow fading out from the centre
	query  color.NRGBA // a "?" in the middle (uncertain)
}

// tlMarkPic keys a painted marker: its look at a size in pixels.
type tlMarkPic struct {
	look tlMarkLook
	w, h int
}

// tlMaxMarkPics bounds the painted markers kept (looks times sizes); past
// it they are painted again as needed.
const tlMaxMarkPics = 256

// markLook is the look of an instant drawn in colour col.
func (r *timelineRenderer) markLook(it *TimelineItem, col color.NRGBA) tlMarkLook {
	look := tlMarkLook{fill: col}
	if it.Uncertain {
		look.fill, look.stroke = color.NRGBA{}, col
		look.query = r.pal.fgN
	}
	if it.Conflict {
		look.stroke = r.pal.conflictN
	}
	if it.Approx {
		look.halo = withAlpha(col, 0xc0)
	}
	return look
}

// markBox is the side of a marker's square in units: the diamond and a
// unit around it for its soft edge, or twice the diamond with a halo.
func (r *timelineRenderer) markBox(look tlMarkLook) float32 {
	d := r.t.met.diamond
	if look.halo.A != 0 {
		return 2 * d
	}
	return d + 2
}

// mark takes a marker raster of the look, centred on cx, cy.
func (r *timelineRenderer) mark(look tlMarkLook, cx, cy float32) *canvas.Raster {
	o := r.marks.get(look)
	if o.Generator == nil {
		o.ScaleMode = canvas.ImageScalePixels // painted at its pixel size; kept sharp when moved by fractions
		o.Generator = func(w, h int) image.Image { return r.markPic(look, w, h) }
	}
	box := r.markBox(look)
	o.Move(fyne.NewPos(cx-box/2, cy-box/2))
	if s := fyne.NewSize(box, box); s != o.Size() {
		o.Resize(s) // repaints
	}
	return o
}

// markPic returns the marker of the look painted at w×h pixels.
func (r *timelineRenderer) markPic(look tlMarkLook, w, h int) image.Image {
	k := tlMarkPic{look, w, h}
	if img := r.markPics[k]; img != nil {
		return img
	}
	if r.markPics == nil || len(r.markPics) >= tlMaxMarkPics {
		r.markPics = map[tlMarkPic]*image.RGBA{}
	}
	sx := float64(w) / float64(r.markBox(look))
	img := paintMark(look, w, h, sx, float64(r.t.met.diamond))
	if look.query.A != 0 {
		m := &r.t.met
		q := r.glyph(tlGlyphKey{s: "?", size: m.labelSize - 2, bold: true, col: look.query, scale: glyphScale(sx)})
		over(img, q, (w-q.Rect.Dx())/2, (h-q.Rect.Dy())/2)
	}
	r.markPics[k] = img
	return img
}

// paintMark paints a marker w×h pixels at sx pixels a unit, its diamond
// d units across. Coverage comes from the distance to the diamond's edges,
// for soft edges; the halo's alpha falls linearly from the centre to the
// square's edge, as a radial gradient's does.
func paintMark(look tlMarkLook, w, h int, sx, d float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h)) // premultiplied, uploaded as it is
	cx, cy := float64(w)/2, float64(h)/2
	rad := d / 2 * sx              // centre to corner, pixels
	ring := 2 * sx                 // outline width, pixels
	glow := float64(min(w, h)) / 2 // the halo's radius, pixels
	for py := range h {
		for px := range w {
			x, y := math.Abs(float64(px)+0.5-cx), math.Abs(float64(py)+0.5-cy)
			if look.halo.A != 0 {
				blendPix(img, px, py, look.halo, max(0, 1-math.Hypot(x, y)/glow))
			}
			dist := (x + y - rad) / math.Sqrt2 // to the nearest edge; negative inside
			if look.stroke.A == 0 {
				blendPix(img, px, py, look.fill, coverage(dist))
				continue
			}
			inner := coverage(dist + ring)
			if look.fill.A != 0 {
				blendPix(img, px, py, look.fill, inner)
			}
			blendPix(img, px, py, look.stroke, coverage(dist)-inner)
		}
	}
	return img
}
