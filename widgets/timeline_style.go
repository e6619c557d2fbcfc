package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tlMetrics are the timeline's sizes, derived from the theme.
type tlMetrics struct {
	textSize, labelSize float32 // lane titles; item and tick labels
	textH, labelH       float32 // drawn heights of one line at those sizes
	pad                 float32
	titleW              float32 // title column width
	hdrRowH, hdrH       float32 // one header row; both rows
	itemH, rowH         float32 // an item's height; a row's pitch (item and gap)
	lanePad             float32 // space above and below the rows of a lane
	chipH               float32 // height of the strip of "+N" clusters
	diamond             float32 // width and height of an instant's marker
	minBar              float32 // narrowest drawn bar
	stripBar            float32 // a bar narrower than this is painted in its row's strip
	gap                 float32 // least space between packed items in a row
	tri                 float32 // conflict triangle
}

// tlMaxRows is the hard limit of MaxRows.
const tlMaxRows = 16

// readMetrics re-reads the sizes from the theme; it reports whether they
// changed (packing and titles then depend on them).
func (t *Timeline) readMetrics() bool {
	th := t.Theme()
	m := tlMetrics{
		textSize: th.Size(theme.SizeNameText),
		pad:      th.Size(theme.SizeNamePadding),
	}
	m.labelSize = max(m.textSize-2, 8)
	m.textH = fyne.MeasureText("Ag", m.textSize, fyne.TextStyle{}).Height
	m.labelH = fyne.MeasureText("Ag", m.labelSize, fyne.TextStyle{}).Height
	m.titleW = t.TitleWidth
	if m.titleW <= 0 {
		m.titleW = 9 * m.textSize
	}
	m.hdrRowH = m.labelH + m.pad
	m.hdrH = 2*m.hdrRowH + m.pad/2
	m.itemH = m.labelH + m.pad
	m.rowH = m.itemH + m.pad
	m.lanePad = m.pad + 2
	m.chipH = m.labelH
	m.diamond = m.itemH - 2
	m.minBar = 3
	m.stripBar = 2 * m.itemH
	m.gap = m.pad
	m.tri = m.labelH * 0.75
	changed := m != t.met
	t.met = m
	return changed
}

// maxRows is MaxRows within its limits.
func (t *Timeline) maxRows() int {
	switch {
	case t.MaxRows <= 0:
		return 4
	case t.MaxRows > tlMaxRows:
		return tlMaxRows
	}
	return t.MaxRows
}

// tlPalette holds the colours the timeline draws with, for one variant.
type tlPalette struct {
	dark                    bool
	bg, fg, dim             color.Color
	rule                    color.Color
	gridMinor, gridMajor    color.Color
	selected, conflict      color.Color
	dash                    color.NRGBA
	chipBg, chipFg          color.Color
	tipBg, tipBorder, tipFg color.Color
	focus, scroll           color.Color
	inkDark, inkLight       color.NRGBA
	inks                    map[color.NRGBA]color.NRGBA // ink's answers: it runs for every bar of every frame
	fgN, conflictN          color.NRGBA                 // fg and conflict for what is painted on the CPU
}

// newTLPalette reads the theme; the variant is judged from the background.
func newTLPalette(th fyne.Theme) tlPalette {
	base := newPalette(th)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	p := tlPalette{dark: base.dark, bg: base.bg, fg: base.fg, dim: base.dim}
	p.rule = blend(p.bg, p.fg, 0.25)
	p.gridMinor = blend(p.bg, p.fg, 0.09)
	p.gridMajor = blend(p.bg, p.fg, 0.2)
	p.selected = p.fg
	p.conflict = th.Color(theme.ColorNameError, v)
	p.chipBg = blend(p.bg, p.fg, 0.2)
	p.chipFg = p.fg
	p.tipBg = th.Color(theme.ColorNameOverlayBackground, v)
	p.tipBorder = blend(p.bg, p.fg, 0.35)
	p.tipFg = p.fg
	p.focus = th.Color(theme.ColorNameFocus, v)
	p.scroll = th.Color(theme.ColorNameScrollBar, v)
	p.inkDark = color.NRGBA{0x12, 0x12, 0x12, 0xff}
	p.inkLight = color.NRGBA{0xfa, 0xfa, 0xfa, 0xff}
	p.inks = map[color.NRGBA]color.NRGBA{}
	p.fgN, p.conflictN = nrgba(p.fg), nrgba(p.conflict)
	if p.dark {
		p.dash = color.NRGBA{0xf0, 0xf0, 0xf0, 0xff}
	} else {
		p.dash = color.NRGBA{0x20, 0x20, 0x20, 0xff}
	}
	return p
}

// nrgba is c as NRGBA; none (a theme may answer nil) is transparent.
func nrgba(c color.Color) color.NRGBA {
	if c == nil {
		return color.NRGBA{}
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// ink is the text colour that reads best on c.
func (p *tlPalette) ink(c color.NRGBA) color.NRGBA {
	if ink, ok := p.inks[c]; ok {
		return ink
	}
	ink := p.inkLight
	if contrast(c, p.inkDark) >= contrast(c, p.inkLight) {
		ink = p.inkDark
	}
	if p.inks != nil {
		p.inks[c] = ink
	}
	return ink
}

// tlTextKey keys a cached text width.
type tlTextKey struct {
	s    string
	size float32
	bold bool
}

// tlWidths caches drawn text widths; measuring through Fyne shapes the
// text each time.
type tlWidths map[tlTextKey]float32

// width returns the drawn width of s.
func (c tlWidths) width(s string, size float32, bold bool) float32 {
	k := tlTextKey{s, size, bold}
	if w, ok := c[k]; ok {
		return w
	}
	if len(c) >= 1<<14 {
		clear(c)
	}
	w := fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width
	c[k] = w
	return w
}

// truncate shortens s with an ellipsis so that it fits in maxW.
func (c tlWidths) truncate(s string, maxW, size float32, bold bool) string {
	if c.width(s, size, bold) <= maxW {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.width(string(rs[:mid])+"…", size, bold) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(rs[:lo]) + "…"
}

// tlPool hands out reusable canvas objects for one frame: reset returns
// all of them, get the next one (allocating only when the pool is short).
type tlPool[T any] struct {
	all []*T
	n   int
}

func (p *tlPool[T]) get() *T {
	if p.n == len(p.all) {
		p.all = append(p.all, new(T))
	}
	o := p.all[p.n]
	p.n++
	return o
}

func (p *tlPool[T]) reset() { p.n = 0 }

// tlKeyedPool is a tlPool per key. Objects whose look is kept in a texture
// (gradients, rasters) are pooled by colour, so that one reused for the
// next frame usually has the same colours and keeps its texture.
type tlKeyedPool[K comparable, T any] struct {
	m map[K]*tlPool[T]
}

func (p *tlKeyedPool[K, T]) get(k K) *T {
	q := p.m[k]
	if q == nil {
		if p.m == nil {
			p.m = map[K]*tlPool[T]{}
		}
		q = &tlPool[T]{}
		p.m[k] = q
	}
	return q.get()
}

func (p *tlKeyedPool[K, T]) reset() {
	for _, q := range p.m {
		q.reset()
	}
}

// drop forgets every object, e.g. when the theme's colours change.
func (p *tlKeyedPool[K, T]) drop() { clear(p.m) }

// tlNoLayout is a layout that leaves objects where they were put; its
// MinSize is zero so that clipping containers never measure the children.
type tlNoLayout struct{}

func (tlNoLayout) Layout([]fyne.CanvasObject, fyne.Size) {}
func (tlNoLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// withAlpha is c with alpha a.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

// tlClampF keeps v in [lo, hi].
func tlClampF(v, lo, hi float32) float32 { return min(max(v, lo), hi) }
