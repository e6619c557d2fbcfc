package widgets

import (
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// piece is a run of non-blank runes drawn as one canvas.Text: a word, or a
// chunk of a word too wide for a line. x is relative to the text column.
type piece struct {
	start, end int32
	x, w       float32
}

// vline is one visual line: runes [start, end) (trailing blanks included,
// the line break excluded) drawn by pieces [p0, p1).
type vline struct {
	start, end int32
	p0, p1     int32
}

// layout is the reader's greedy word wrap at one width.
type layout struct {
	valid   bool
	width   float32
	pending int // rune offset to scroll to once laid out; -1 for none

	// metrics, read from the theme
	fontKey                         string
	textSize                        float32
	style                           fyne.TextStyle
	textH, lineH, textTop, padX     float32
	padY, padR, spaceW, captionSize float32

	lines  []vline
	pieces []piece
	widths widthCache
}

// readMetrics reads the text size and font from the theme; it reports
// whether they changed (so the layout and the width cache are stale).
func (r *Reader) readMetrics() bool {
	th := r.Theme()
	l := &r.lay
	size := th.Size(theme.SizeNameText)
	key := ""
	if f := th.Font(l.style); f != nil {
		key = f.Name()
	}
	if size == l.textSize && key == l.fontKey && l.widths.words != nil {
		return false
	}
	l.textSize, l.fontKey = size, key
	l.widths.reset(size, l.style)
	l.textH = fyne.MeasureText("Mg", size, l.style).Height
	l.lineH = float32(math.Ceil(float64(l.textH + size*0.4)))
	l.textTop = float32(math.Floor(float64(l.lineH-l.textH) / 2))
	l.padX = th.Size(theme.SizeNameInnerPadding)
	l.padY = th.Size(theme.SizeNameInnerPadding)
	l.padR = l.padX + th.Size(theme.SizeNameScrollBarSmall)
	l.spaceW = r.measure(" ")
	l.captionSize = th.Size(theme.SizeNameCaptionText) * 0.9
	l.valid = false
	return true
}

// blankW is the width of one blank rune; a tab is drawn as a space.
func (r *Reader) blankW(c rune) float32 {
	if c == ' ' || c == '\t' {
		return r.lay.spaceW
	}
	return r.measure(string(c))
}

// ensureLayout lays the text out for the reader's current width and
// reports whether a layout exists (it needs a width).
func (r *Reader) ensureLayout() bool {
	if r.lay.widths.words == nil {
		r.readMetrics()
	}
	w := r.Size().Width
	if w <= 0 {
		return r.lay.valid
	}
	if !r.lay.valid || w != r.lay.width {
		r.relayout(w)
	}
	return true
}

// contentHeight is the height of the whole laid-out text.
func (r *Reader) contentHeight() float32 {
	return 2*r.lay.padY + float32(len(r.lay.lines))*r.lay.lineH
}

// relayout wraps the whole text at width.
func (r *Reader) relayout(width float32) {
	l := &r.lay
	l.width, l.valid = width, true
	l.lines, l.pieces = l.lines[:0], l.pieces[:0]
	maxW := max(width-l.padX-l.padR, 4*l.textSize)
	n := len(r.runes)
	for i := 0; ; {
		j := i
		for j < n && !isLineBreak(r.runes[j]) {
			j++
		}
		r.wrapParagraph(i, j, maxW)
		if l.widths.stale { // pair widths proved wrong for this font: start again, measuring
			l.widths.stale = false
			r.relayout(width)
			return
		}
		if j >= n {
			break
		}
		i = j + 1
		if r.runes[j] == '\r' && i < n && r.runes[i] == '\n' {
			i++
		}
	}
}

// wrapParagraph lays out runes [a, b), which hold no line break, greedily.
func (r *Reader) wrapParagraph(a, b int, maxW float32) {
	l := &r.lay
	rs := r.runes
	lineStart, p0 := a, len(l.pieces)
	x, gap := float32(0), float32(0)
	endLine := func(end int) {
		l.lines = append(l.lines, vline{int32(lineStart), int32(end), int32(p0), int32(len(l.pieces))})
		lineStart, p0, x, gap = end, len(l.pieces), 0, 0
	}
	for i := a; i < b; {
		if isBlank(rs[i]) {
			gap += r.blankW(rs[i])
			i++
			continue
		}
		j := i + 1
		for j < b && !isBlank(rs[j]) {
			j++
		}
		w := r.measure(r.sub(i, j))
		if len(l.pieces) > p0 && x+gap+w > maxW {
			endLine(i)
		}
		if x+gap+w > maxW {
			x = r.splitWord(i, j, x+gap, maxW, endLine)
		} else {
			l.pieces = append(l.pieces, piece{int32(i), int32(j), x + gap, w})
			x += gap + w
		}
		gap = 0
		i = j
	}
	endLine(b)
}

// splitWord lays out a word wider than the line in chunks of whole
// grapheme clusters, starting at x; it returns the x after the last chunk.
func (r *Reader) splitWord(i, j int, x, maxW float32, endLine func(int)) float32 {
	l := &r.lay
	for i < j {
		e, acc := i, float32(0)
		for e < j {
			g := min(graphemeNext(r.runes, e), j)
			gw := r.measure(r.sub(e, g))
			if e > i && x+acc+gw > maxW {
				break
			}
			acc += gw
			e = g
		}
		w := r.measure(r.sub(i, e))
		l.pieces = append(l.pieces, piece{int32(i), int32(e), x, w})
		x += w
		if e < j {
			endLine(e)
			x = 0
		}
		i = e
	}
	return x
}

// hit is what lies under a point: the grapheme cluster [lo, hi) when inside
// is set (spanning xlo..xhi), else the caret position lo (== hi).
type hit struct {
	lo, hi   int
	inside   bool
	xlo, xhi float32
	px       float32
}

// caret is the boundary nearest to the point.
func (h hit) caret() int {
	if h.inside && h.px-h.xlo >= h.xhi-h.px {
		return h.hi
	}
	return h.lo
}

// scrollY is the vertical scroll offset of the view.
func (r *Reader) scrollY() float32 {
	if r.rend == nil {
		return 0
	}
	return r.rend.scroll.Offset.Y
}

// hitAt hit-tests a point relative to the reader (the visible view).
func (r *Reader) hitAt(pos fyne.Position) hit {
	l := &r.lay
	y := pos.Y + r.scrollY() - l.padY
	if y < 0 || len(l.lines) == 0 {
		return hit{}
	}
	li := int(y / l.lineH)
	if li >= len(l.lines) {
		n := len(r.runes)
		return hit{lo: n, hi: n}
	}
	return r.hitInLine(li, pos.X-l.padX)
}

// hitInLine hit-tests x (relative to the text column) on line li.
func (r *Reader) hitInLine(li int, x float32) hit {
	ln := r.lay.lines[li]
	if x < 0 {
		return hit{lo: int(ln.start), hi: int(ln.start)}
	}
	ps := r.lay.pieces[ln.p0:ln.p1]
	k := sort.Search(len(ps), func(i int) bool { return ps[i].x+ps[i].w > x })
	if k < len(ps) && x >= ps[k].x {
		return r.hitInPiece(ps[k], x)
	}
	from, gx := int(ln.start), float32(0)
	if k > 0 {
		from, gx = int(ps[k-1].end), ps[k-1].x+ps[k-1].w
	}
	to := int(ln.end)
	if k < len(ps) {
		to = int(ps[k].start)
	}
	for j := from; j < to; j++ {
		w := r.blankW(r.runes[j])
		if x < gx+w {
			return hit{lo: j, hi: j + 1, inside: true, xlo: gx, xhi: gx + w, px: x}
		}
		gx += w
	}
	return hit{lo: to, hi: to}
}

// hitInPiece finds the grapheme cluster of piece p under x by a binary
// search over the widths of the piece's prefixes.
func (r *Reader) hitInPiece(p piece, x float32) hit {
	var bs [64]int
	bounds := bs[:0]
	for b := int(p.start); ; {
		bounds = append(bounds, b)
		if b >= int(p.end) {
			break
		}
		b = min(graphemeNext(r.runes, b), int(p.end))
	}
	xOf := func(b int) float32 { return p.x + r.prefixW(p, b) }
	// largest i with xOf(bounds[i]) <= x, among the cluster starts
	i := sort.Search(len(bounds)-1, func(i int) bool { return xOf(bounds[i+1]) > x })
	i = min(i, len(bounds)-2)
	return hit{lo: bounds[i], hi: bounds[i+1], inside: true, xlo: xOf(bounds[i]), xhi: xOf(bounds[i+1]), px: x}
}

// prefixW is the width of piece p's runes before b.
func (r *Reader) prefixW(p piece, b int) float32 {
	switch {
	case b <= int(p.start):
		return 0
	case b >= int(p.end):
		return p.w
	}
	return r.measure(r.sub(int(p.start), b))
}

// lineOf returns the visual line holding rune offset off.
func (r *Reader) lineOf(off int) int {
	ls := r.lay.lines
	i := sort.Search(len(ls), func(i int) bool { return int(ls[i].start) > off }) - 1
	return max(i, 0)
}

// xAt returns the x (relative to the text column) of rune offset off on
// line li; offsets past the line's end give the line's end.
func (r *Reader) xAt(li, off int) float32 {
	ln := r.lay.lines[li]
	off = clampInt(off, int(ln.start), int(ln.end))
	ps := r.lay.pieces[ln.p0:ln.p1]
	k := sort.Search(len(ps), func(i int) bool { return int(ps[i].end) > off })
	if k < len(ps) && int(ps[k].start) <= off {
		return ps[k].x + r.prefixW(ps[k], off)
	}
	from, gx := int(ln.start), float32(0)
	if k > 0 {
		from, gx = int(ps[k-1].end), ps[k-1].x+ps[k-1].w
	}
	for j := from; j < off; j++ {
		gx += r.blankW(r.runes[j])
	}
	return gx
}

// lineTop is the content y of line li's top.
func (r *Reader) lineTop(li int) float32 { return r.lay.padY + float32(li)*r.lay.lineH }
