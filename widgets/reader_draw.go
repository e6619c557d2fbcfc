package widgets

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// buildTexts gives line li one canvas.Text per piece, split where a dimmed
// range begins or ends inside it.
func (rr *readerRenderer) buildTexts(li int, lo *lineObjs) {
	r := rr.r
	l := &r.lay
	ln := l.lines[li]
	y := r.lineTop(li) + l.textTop
	for _, p := range l.pieces[ln.p0:ln.p1] {
		for a := int(p.start); a < int(p.end); {
			b, dim := r.dimRun(a, int(p.end))
			s := r.sub(a, b)
			c := rr.pal.fg
			if dim {
				c = rr.pal.dim
			}
			t := rr.text()
			*t = canvas.Text{Text: s, TextSize: l.textSize, TextStyle: l.style, Color: c}
			w := p.w
			if a != int(p.start) || b != int(p.end) {
				w = r.measure(s)
			}
			t.Move(fyne.NewPos(l.padX+p.x+r.prefixW(p, a), y))
			t.Resize(fyne.NewSize(w, l.textH))
			lo.texts = append(lo.texts, t)
			a = b
		}
	}
}

// dimRun returns where the run of equally dimmed runes starting at a ends
// (before limit) and whether it is dimmed.
func (r *Reader) dimRun(a, limit int) (int, bool) {
	ds := r.dimmed
	k := sort.Search(len(ds), func(i int) bool { return ds[i].End > a })
	if k == len(ds) {
		return limit, false
	}
	if ds[k].Start <= a {
		return min(ds[k].End, limit), true
	}
	return min(ds[k].Start, limit), false
}

// band returns the x range (content coordinates) that runes [s, e) cover
// on line li, and false when they do not touch it. eol widens the band by
// a space when the range runs on over the line break.
func (rr *readerRenderer) band(li int, s, e int, eol bool) (float32, float32, bool) {
	r := rr.r
	ln := r.lay.lines[li]
	if e <= int(ln.start) || s > int(ln.end) || (s == int(ln.end) && !eol) {
		return 0, 0, false
	}
	x0 := r.xAt(li, max(s, int(ln.start)))
	x1 := r.xAt(li, min(e, int(ln.end)))
	if eol && e > int(ln.end) && r.breakAfter(li) {
		x1 += r.lay.spaceW
	}
	if x1-x0 < 0.5 {
		return 0, 0, false
	}
	return r.lay.padX + x0, r.lay.padX + x1, true
}

// breakAfter reports whether line li ends at a line break (not a wrap).
func (r *Reader) breakAfter(li int) bool {
	ls := r.lay.lines
	if li+1 < len(ls) {
		return ls[li+1].start > ls[li].end
	}
	return int(ls[li].end) < len(r.runes)
}

// buildDecorations draws line li's highlights, find hits, selection,
// underlines and badges.
func (rr *readerRenderer) buildDecorations(li int, lo *lineObjs) {
	r := rr.r
	l := &r.lay
	ln := r.lay.lines[li]
	top := r.lineTop(li) + l.textTop
	fillY, fillH := top-1, l.textH+2
	under := func(x0, x1 float32, c color.Color) *canvas.Rectangle {
		o := rr.rect()
		*o = canvas.Rectangle{FillColor: c}
		o.Move(fyne.NewPos(x0, fillY))
		o.Resize(fyne.NewSize(x1-x0, fillH))
		lo.under = append(lo.under, o)
		return o
	}
	over := func(x0, y, w, h float32, c color.Color) *canvas.Rectangle {
		o := rr.rect()
		*o = canvas.Rectangle{FillColor: c}
		o.Move(fyne.NewPos(x0, y))
		o.Resize(fyne.NewSize(w, h))
		lo.over = append(lo.over, o)
		return o
	}
	for _, k := range r.hlOrder {
		h := r.highlights[k]
		x0, x1, ok := rr.band(li, h.Start, h.End, false)
		if !ok {
			continue
		}
		under(x0, x1, rr.pal.fill(h.Color, h.Selected))
		if lane := r.hlLane[k]; lane > 0 {
			over(x0, top+l.textH+1+float32(lane-1)*3, x1-x0, 2, rr.pal.bar(h.Color))
		}
		if h.Selected {
			o := over(x0, fillY, x1-x0, fillH, color.Transparent)
			o.StrokeColor, o.StrokeWidth, o.CornerRadius = rr.pal.outline, 1.5, 2
		}
		if h.Badge != "" && h.Start >= int(ln.start) && (h.Start < int(ln.end) || ln.start == ln.end) {
			rr.badge(lo, h, x0, top)
		}
	}
	hits := r.find.hits
	k := sort.Search(len(hits), func(i int) bool { return hits[i].End > int(ln.start) })
	for ; k < len(hits) && hits[k].Start <= int(ln.end); k++ {
		if x0, x1, ok := rr.band(li, hits[k].Start, hits[k].End, false); ok {
			if k != r.find.cur {
				under(x0, x1, rr.pal.find)
				continue
			}
			o := under(x0, x1, rr.pal.findCur)
			o.StrokeColor, o.StrokeWidth, o.CornerRadius = rr.pal.outline, 1, 2
		}
	}
	if x0, x1, ok := rr.band(li, r.sel.Start, r.sel.End, true); ok && !r.sel.Empty() {
		under(x0, x1, rr.pal.sel)
	}
	thick := max(1, l.textSize/12)
	for _, u := range r.underlines {
		if x0, x1, ok := rr.band(li, u.Start, u.End, false); ok {
			over(x0, top+l.textH-thick-1, x1-x0, thick, rr.pal.underline)
		}
	}
}

// badge draws h's label as a small chip raised over the highlight's start.
func (rr *readerRenderer) badge(lo *lineObjs, h Highlight, x, top float32) {
	l := &rr.r.lay
	size := l.captionSize
	ts := fyne.MeasureText(h.Badge, size, fyne.TextStyle{Bold: true})
	chip := rr.rect()
	*chip = canvas.Rectangle{FillColor: rr.pal.bar(h.Color), CornerRadius: 3}
	pad := float32(3)
	chipH := ts.Height
	y := top - chipH + 3 // raised into the space above the capitals
	chip.Move(fyne.NewPos(x-1, y))
	chip.Resize(fyne.NewSize(ts.Width+2*pad, chipH))
	label := rr.text()
	*label = canvas.Text{Text: h.Badge, TextSize: size, TextStyle: fyne.TextStyle{Bold: true}, Color: rr.pal.badgeInk(h.Color)}
	label.Move(fyne.NewPos(x-1+pad, y))
	label.Resize(ts)
	lo.badges = append(lo.badges, chip)
	lo.labels = append(lo.labels, label)
}
