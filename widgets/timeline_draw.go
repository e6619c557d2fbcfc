package widgets

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// drawLane draws the items and clusters of lane li whose top is at plot y
// top; only those that touch the view get objects.
func (r *timelineRenderer) drawLane(objs []fyne.CanvasObject, li int, top float32) []fyne.CanvasObject {
	t, m := r.t, &r.t.met
	l := &t.lanes[li]
	v0 := t.view.v0
	v1 := v0 + float64(t.view.plotW)*t.view.spp
	lo, hi := l.window(v0, v1, float64(m.diamond)/2*t.view.spp)
	ls, painted := r.paintedStrips(li, v0, v1)
	for i := lo; i < hi; i++ {
		if l.row[i] < 0 || l.x1[i] <= v0 || l.x0[i] >= v1 {
			continue
		}
		y := top + m.lanePad + float32(l.row[i])*m.rowH
		if l.items[i].instant() {
			objs = r.drawInstant(objs, l, i, y)
		} else {
			objs = r.drawRange(objs, l, ls.rows[l.row[i]], i, y)
		}
	}
	objs = r.drawStrips(objs, ls, top)
	y := top + m.lanePad + float32(l.rows)*m.rowH
	objs = r.drawChipRow(objs, ls, l, y, painted)
	ca, cb := l.clusterWindow(v0, v1)
	for k := ca; k < cb; k++ {
		objs = r.drawCluster(objs, l, &l.clusters[k], y)
	}
	return objs
}

// drawRange draws item i as a bar: faded ends when approximate, a dashed
// outline when uncertain, a red outline when in conflict, and an outline
// around it when selected. A narrow bar is painted in its row's strip s
// (drawStrips; s is nil when the row has none); only its caption is drawn
// here.
func (r *timelineRenderer) drawRange(objs []fyne.CanvasObject, l *tlLane, s *tlStrip, i int, y float32) []fyne.CanvasObject {
	t, m, p := r.t, &r.t.met, &r.pal
	it := &l.items[i]
	w := t.view.plotW
	col := PaletteColor(it.Color, p.dark)
	bw := r.barWidth(l, i)
	x0 := t.xOf(l.start[i])
	x1 := x0 + bw
	fade := barFade(it, bw)
	if !r.inStrip(it, bw, s) {
		objs = r.drawBar(objs, it, col, x0, x1, fade, y)
	}
	// The caption: inside the bar's visible part, else after the bar.
	in0, in1 := max(x0, 0), min(x1, w)
	if x0 >= 0 {
		in0 += fade / 2
	}
	if x1 <= w {
		in1 -= fade / 2
	}
	return r.caption(objs, l, i, in0, in1, x1+m.pad, t.xOf(l.next[i])-m.gap, y, p.ink(col))
}

// barFade is how far the ends of a bar bw units wide fade in, when it is
// approximate.
func barFade(it *TimelineItem, bw float32) float32 {
	if !it.Approx {
		return 0
	}
	return min(16, bw/3)
}

// tlDashMinW is the narrowest bar that shows its uncertainty's dashes and
// the inner half of its conflict frame: on a narrower one they are noise
// (the tooltip says it).
const tlDashMinW = 6

// drawBar draws a bar of its own: from x0 to x1 at y in colour col, its
// ends faded over fade units.
func (r *timelineRenderer) drawBar(objs []fyne.CanvasObject, it *TimelineItem, col color.NRGBA, x0, x1, fade, y float32) []fyne.CanvasObject {
	t, m, p := r.t, &r.t.met, &r.pal
	w, h := t.view.plotW, m.itemH
	bx0, bx1 := max(x0, -8), min(x1, w+8) // far ends are cut so coordinates stay small
	if fade > 0 {
		left, right := bx0, bx1
		if x0 == bx0 {
			objs = append(objs, r.fade(withAlpha(col, 0), col, bx0, y, fade, h))
			left += fade
		}
		if x1 == bx1 {
			objs = append(objs, r.fade(col, withAlpha(col, 0), bx1-fade, y, fade, h))
			right -= fade
		}
		objs = append(objs, r.rect(col, left, y, right-left, h))
	} else {
		// Square corners: a rounded rectangle takes the GL painter's costlier
		// shader, about a tenth of a frame for a view of bars with a software
		// OpenGL.
		objs = append(objs, r.rect(col, bx0, y, bx1-bx0, h))
	}
	if it.Uncertain && bx1-bx0 >= tlDashMinW {
		objs = append(objs, r.dash(p.ink(col), bx0, y, bx1-bx0, h))
	}
	if it.Conflict {
		objs = append(objs, r.outline(p.conflict, 2, 0, bx0-1, y-1, bx1-bx0+2, h+2))
	}
	if it.ID == t.selected {
		objs = append(objs, r.outline(p.selected, 2, 0, bx0-3, y-3, bx1-bx0+6, h+6))
	}
	return objs
}

// drawInstant draws item i as a diamond (a marker raster: hollow with a
// "?" when uncertain, ringed red when in conflict, on a soft halo when
// approximate), outlined when selected.
func (r *timelineRenderer) drawInstant(objs []fyne.CanvasObject, l *tlLane, i int, y float32) []fyne.CanvasObject {
	t, m, p := r.t, &r.t.met, &r.pal
	it := &l.items[i]
	col := PaletteColor(it.Color, p.dark)
	cx, cy, d := t.xOf(l.start[i]), y+m.itemH/2, m.diamond
	objs = append(objs, r.mark(r.markLook(it, col), cx, cy))
	if it.ID == t.selected {
		objs = append(objs, r.poly(4, color.Transparent, p.selected, 2, cx-d/2-4, cy-d/2-4, d+8))
	}
	x := cx + d/2 + m.pad
	return r.caption(objs, l, i, 0, 0, x, t.xOf(l.next[i])-m.gap, y, p.fg)
}

// drawCluster draws the chip of a cluster that starts left of the view.
// The lane's chip row (drawChipRow) paints every chip, with its label and
// the line along the time the cluster's items cover, at the cluster's
// start; but a chip stays in view while its cluster is, so this one is
// drawn here, over what is left of the painted one, outlined when the
// cluster holds the selected item.
func (r *timelineRenderer) drawCluster(objs []fyne.CanvasObject, l *tlLane, c *tlCluster, y float32) []fyne.CanvasObject {
	t, m, p := r.t, &r.t.met, &r.pal
	x0, x1 := t.xOf(c.x0), min(t.xOf(c.x1), t.view.plotW+8)
	cw := t.chipWidth(c.count())
	cx := max(min(0, x1-cw), x0)
	if cx == x0 {
		return objs // where the chip row paints it
	}
	label := tlChipLabel(c.count())
	chip := r.rect(p.chipBg, cx, y, cw, m.chipH)
	chip.CornerRadius = m.chipH / 2
	for _, i := range l.overflow[c.a:c.b] {
		if l.items[i].ID == t.selected && t.selected != "" {
			chip.StrokeColor, chip.StrokeWidth = p.selected, 2
		}
	}
	return append(objs, chip, r.text(label, m.labelSize, false, p.chipFg, cx+m.pad, y+(m.chipH-m.labelH)/2))
}

// poly takes a regular polygon (a diamond for 4 sides, a triangle for 3)
// inscribed in the square at x, y with side d.
func (r *timelineRenderer) poly(sides uint, fill, stroke color.Color, width, x, y, d float32) *canvas.RegularPolygon {
	o := r.polys.get()
	o.Sides, o.FillColor, o.StrokeColor, o.StrokeWidth, o.Angle, o.CornerRadius = sides, fill, stroke, width, 0, 0
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(d, d))
	return o
}

// fade takes a horizontal gradient from one colour to another. Gradients
// are cached as textures, so they are pooled by colour, and a new one is
// refreshed when it takes its colours.
func (r *timelineRenderer) fade(from, to color.NRGBA, x, y, w, h float32) *canvas.LinearGradient {
	o := r.fades.get([2]color.NRGBA{from, to})
	changed := o.StartColor != color.Color(from) || o.EndColor != color.Color(to) || o.Angle != 270
	o.StartColor, o.EndColor, o.Angle = from, to, 270
	o.Move(fyne.NewPos(x, y))
	if s := fyne.NewSize(w, h); s != o.Size() {
		o.Resize(s)
	} else if changed {
		o.Refresh()
	}
	return o
}

// tlDash is a dashed rectangular outline drawn by a raster.
type tlDash struct {
	r   *canvas.Raster
	col color.NRGBA
	img *image.NRGBA
}

// dash takes a dashed outline of colour c.
func (r *timelineRenderer) dash(c color.NRGBA, x, y, w, h float32) *canvas.Raster {
	d := r.dashes.get(c)
	if d.r == nil {
		d.r = canvas.NewRaster(d.generate)
	}
	changed := d.col != c
	d.col = c
	d.r.Move(fyne.NewPos(x, y))
	if s := fyne.NewSize(w, h); s != d.r.Size() {
		d.r.Resize(s)
	} else if changed {
		d.r.Refresh()
	}
	return d.r
}

// generate paints the dashed outline at the raster's pixel size.
func (d *tlDash) generate(w, h int) image.Image {
	if d.img == nil || d.img.Rect.Dx() != w || d.img.Rect.Dy() != h {
		d.img = image.NewNRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(d.img.Pix)
	}
	th := 1 + h/40 // line thickness grows with the output scale
	dash := 4 * th
	set := func(x, y int) {
		if ((x+y)/dash)%2 == 0 {
			d.img.SetNRGBA(x, y, d.col)
		}
	}
	for k := range th {
		for x := range w {
			set(x, k)
			set(x, h-1-k)
		}
		for y := range h {
			set(k, y)
			set(w-1-k, y)
		}
	}
	return d.img
}
