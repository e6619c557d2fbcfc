package widgets

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
)

// Text painted into a raster (the "?" of an uncertain marker, the "+N" of
// a chip) is drawn by Fyne's own software painter, in the theme's font,
// once for each text, style and scale: a text object is a draw of its own
// for the GL painter, and at an overview there are a hundred of them.

// tlMaxGlyphs bounds the painted texts kept, a few kilobytes each; past it
// they are painted again as needed.
const tlMaxGlyphs = 1024

// tlGlyphKey is a text in a style at a scale (pixels a unit).
type tlGlyphKey struct {
	s     string
	size  float32
	bold  bool
	col   color.NRGBA
	scale float32
}

// glyph returns the text of k painted premultiplied at k.scale, as large
// as the text object showing it would be.
func (r *timelineRenderer) glyph(k tlGlyphKey) *image.RGBA {
	if img := r.glyphs[k]; img != nil {
		return img
	}
	if r.glyphs == nil || len(r.glyphs) >= tlMaxGlyphs {
		r.glyphs = map[tlGlyphKey]*image.RGBA{}
	}
	txt := canvas.NewText(k.s, k.col)
	txt.TextSize, txt.TextStyle = k.size, fyne.TextStyle{Bold: k.bold}
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(k.scale)
	c.SetContent(txt)
	c.Resize(txt.MinSize())
	src := c.Capture()
	b := src.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy())) // premultiplied, as the rasters are
	draw.Draw(img, img.Rect, src, b.Min, draw.Src)
	r.glyphs[k] = img
	return img
}

// glyphScale is the scale to paint texts at for a raster painted at sx
// pixels a unit: the canvas's scale, but a raster's pixel width is its
// width in units times that scale rounded, so sx is a little off, and
// differently for each width. Texts are painted at sx to the nearest
// twentieth, so that a raster's every new width does not paint them again.
func glyphScale(sx float64) float32 { return float32(math.Round(sx*20) / 20) }
