package export

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/evidence-workbench/workbench/app"
)

// pngMaxSide caps the PNG's height: a very long timeline is drawn smaller
// rather than as an image too big to open.
const pngMaxSide = 16000

// WritePNG draws the timeline as a PNG, the same picture as WriteSVG, at
// twice its size for sharp printing. Text is drawn with o.Font; without a
// font the picture has no text.
func WritePNG(w io.Writer, d *Data, o Options) error {
	img, err := renderPNG(d.layout(), o, 2)
	if err != nil {
		return err
	}
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

// canvas draws the picture's shapes and text on an RGBA image, scaled.
type canvas struct {
	img   *image.RGBA
	scale float64
	face  font.Face
	bold  font.Face
	title font.Face
}

func loadFace(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "The font given for the picture is not a TrueType/OpenType font")
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("font face: %w", err)
	}
	return face, nil
}

func renderPNG(p *picture, o Options, scale float64) (*image.RGBA, error) {
	if p.H*scale > pngMaxSide {
		scale = pngMaxSide / p.H
	}
	c := &canvas{scale: scale}
	c.img = image.NewRGBA(image.Rect(0, 0, int(math.Ceil(p.W*scale)), int(math.Ceil(p.H*scale))))
	draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)
	if len(o.Font) > 0 {
		var err error
		if c.face, err = loadFace(o.Font, picFontSize*scale); err != nil {
			return nil, err
		}
		bold := o.Font
		if len(o.BoldFont) > 0 {
			bold = o.BoldFont
		}
		if c.bold, err = loadFace(bold, picFontSize*scale); err != nil {
			return nil, err
		}
		if c.title, err = loadFace(bold, 16*scale); err != nil {
			return nil, err
		}
	}
	c.text(c.title, picMargin, 22, colText, clipRunes(p.Title, 150))
	c.text(c.face, picMargin, 38, colMuted, p.Subtitle)
	bottom := p.AxisY + 8
	for i, l := range p.Lanes {
		if i%2 == 0 {
			c.rect(0, l.Y, p.W, l.H, colBand)
		}
		c.text(c.bold, picMargin, l.Y+picLanePad+picRowH/2+4, colText, l.Title)
		bottom = l.Y + l.H
	}
	if p.Empty {
		c.text(c.face, picMargin, p.AxisY+10, colMuted, "Nothing on the timeline yet: no event or claim has a date.")
	} else {
		c.rect(p.PlotX0, p.AxisY, p.PlotX1-p.PlotX0, 1, color.RGBA{0x90, 0xa4, 0xae, 0xff})
		for _, t := range p.Ticks {
			for y := p.AxisY; y < bottom; y += 5 {
				c.rect(t.X, y, 1/scale, 2, colGrid)
			}
			c.textCentred(t.X, p.AxisY-8, colMuted, t.Label)
		}
		for _, x := range p.Breaks {
			c.rect(x-picGap/2+5, p.AxisY-6, picGap-10, bottom-p.AxisY+6, color.RGBA{0xcc, 0xcc, 0xcc, 0xcc})
			for _, dx := range []float64{-6, 0} {
				c.fill([][2]float64{{x + dx, p.AxisY + 6}, {x + dx + 6, p.AxisY - 6}, {x + dx + 7.5, p.AxisY - 6}, {x + dx + 1.5, p.AxisY + 6}}, color.RGBA{0x54, 0x6e, 0x7a, 0xff})
			}
		}
	}
	for _, it := range p.Items {
		c.item(it)
	}
	c.legend(p)
	y := p.LegendY + 40
	for i, line := range p.undatedLines() {
		face := c.face
		if i == 0 {
			face = c.bold
		}
		c.text(face, picMargin, y, colText, line)
		y += 16
	}
	return c.img, nil
}

// fill rasterises a polygon (picture units) in colour col.
func (c *canvas) fill(pts [][2]float64, col color.RGBA) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p[0]*c.scale), math.Min(minY, p[1]*c.scale)
		maxX, maxY = math.Max(maxX, p[0]*c.scale), math.Max(maxY, p[1]*c.scale)
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	for i, p := range pts {
		x, y := float32(p[0]*c.scale-float64(r.Min.X)), float32(p[1]*c.scale-float64(r.Min.Y))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	z.DrawOp = draw.Over
	z.Draw(c.img, r, image.NewUniform(col), image.Point{})
}

func (c *canvas) rect(x, y, w, h float64, col color.RGBA) {
	c.fill([][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, col)
}

func circle(cx, cy, r float64) [][2]float64 {
	pts := make([][2]float64, 24)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / 24
		pts[i] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return pts
}

func diamond(cx, cy, r float64) [][2]float64 {
	return [][2]float64{{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}}
}

func bar(x0, x1, cy, grow float64) [][2]float64 {
	return [][2]float64{{x0 - grow, cy - 5 - grow}, {x1 + grow, cy - 5 - grow}, {x1 + grow, cy + 5 + grow}, {x0 - grow, cy + 5 + grow}}
}

// faded mixes col with white: the PNG's way of drawing "approximate".
func faded(col color.RGBA, keep float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v)*keep + 255*(1-keep)) }
	return color.RGBA{mix(col.R), mix(col.G), mix(col.B), 0xff}
}

func (c *canvas) item(it picItem) {
	shape := func(grow float64) [][2]float64 {
		switch {
		case it.Range:
			return bar(it.X0, math.Max(it.X1, it.X0+2), it.Y, grow)
		case it.Event:
			return diamond(it.X0, it.Y, 7+grow*1.4)
		}
		return circle(it.X0, it.Y, 5+grow)
	}
	fill := it.Fill
	if it.Approx {
		fill = faded(fill, 0.35)
	}
	switch {
	case it.Conflict:
		c.fill(shape(2), colConflit)
	case it.Approx:
		c.fill(shape(1), faded(it.Fill, 0.8))
	}
	c.fill(shape(0), fill)
	x, dir := it.X1+9, 1.0
	if it.LabelLeft {
		x, dir = it.X0-9, -1
	}
	if it.Conflict {
		tx := x
		if it.LabelLeft {
			tx = x - 10
		}
		c.fill([][2]float64{{tx, it.Y + 5}, {tx + 5, it.Y - 5}, {tx + 10, it.Y + 5}}, colConflit)
		x += 14 * dir
	}
	col := colText
	if it.Approx {
		col = faded(colText, 0.7)
	}
	if it.LabelLeft {
		c.textRight(x, it.Y+4, col, it.Label)
	} else {
		c.text(c.face, x, it.Y+4, col, it.Label)
	}
}

func (c *canvas) legend(p *picture) {
	y, x := p.LegendY, picMargin
	c.fill(diamond(x+6, y, 6), colEvent)
	c.text(c.face, x+18, y+4, colText, "event")
	x += 70
	for _, r := range []app.Reliability{"A", "B", "C", "D", "E", ""} {
		c.fill(circle(x+5, y, 5), gradeColour(r))
		label := string(r)
		if r == "" {
			label = "F/?"
		}
		c.text(c.face, x+13, y+4, colText, label)
		x += 38
	}
	c.text(c.face, x, y+4, colText, "claims by source reliability")
	x += 180
	c.fill(bar(x, x+30, y, 0), colMuted)
	c.text(c.face, x+36, y+4, colText, "date range")
	x += 110
	c.fill(bar(x, x+30, y, 1), faded(colMuted, 0.8))
	c.fill(bar(x, x+30, y, 0), faded(colMuted, 0.35))
	c.text(c.face, x+36, y+4, colText, "approximate (c.)")
	x += 140
	c.text(c.face, x, y+4, colText, "? uncertain")
	x += 90
	c.fill(circle(x+5, y, 7), colConflit)
	c.fill(circle(x+5, y, 5), colMuted)
	c.fill([][2]float64{{x + 14, y + 5}, {x + 19, y - 5}, {x + 24, y + 5}}, colConflit)
	c.text(c.face, x+30, y+4, colText, "sources disagree (conflict)")
}

// text draws s with its baseline at (x, y).
func (c *canvas) text(face font.Face, x, y float64, col color.RGBA, s string) {
	if face == nil || s == "" {
		return
	}
	dr := &font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * c.scale * 64), Y: fixed.Int26_6(y * c.scale * 64)}}
	dr.DrawString(s)
}

func (c *canvas) textCentred(x, y float64, col color.RGBA, s string) {
	if c.face == nil {
		return
	}
	w := font.MeasureString(c.face, s)
	c.text(c.face, x-float64(w)/64/c.scale/2, y, col, s)
}

// textRight draws s ending at x.
func (c *canvas) textRight(x, y float64, col color.RGBA, s string) {
	if c.face == nil {
		return
	}
	w := font.MeasureString(c.face, s)
	c.text(c.face, x-float64(w)/64/c.scale, y, col, s)
}
