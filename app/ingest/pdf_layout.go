package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout tuning, as fractions of the font size.
const (
	wordGap     = 0.15 // a horizontal gap wider than this between glyphs is a space
	sameLine    = 0.5  // baselines closer than this are one line
	paraGapRate = 1.35 // a line gap this many times the usual one starts a paragraph
	fullLine    = 0.85 // a line reaching this far across the text block runs on
)

// textLine is one rebuilt line of a page.
type textLine struct {
	y, x0, x1, size float64
	text            string
}

// layoutPage rebuilds a page's text from glyph positions: lines are grouped
// by baseline and sorted left to right; a space goes where the gap between
// glyphs exceeds a fraction of the font size; a larger vertical gap or a
// change of font size starts a paragraph (a blank line); lines of one
// paragraph that run to the right edge are joined with a space.
func layoutPage(glyphs []glyph) string {
	lines := buildLines(glyphs)
	if len(lines) == 0 {
		return ""
	}
	// the usual gap between lines, and the text block's edges
	var gaps []float64
	left, right := math.Inf(1), math.Inf(-1)
	for i, l := range lines {
		left = math.Min(left, l.x0)
		right = math.Max(right, l.x1)
		if i > 0 {
			if g := lines[i-1].y - l.y; g > 0 && g < 3*l.size {
				gaps = append(gaps, g)
			}
		}
	}
	usual := median(gaps)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			gap := p.y - l.y
			switch {
			case gap <= 0 || usual > 0 && gap > paraGapRate*usual || usual == 0 && gap > 2*l.size ||
				math.Abs(l.size-p.size) > 0.15*math.Max(l.size, p.size):
				b.WriteString("\n\n")
			case p.x1 >= left+fullLine*(right-left) && !strings.HasSuffix(p.text, ":"):
				if !endsWithHyphen(p.text) {
					b.WriteByte(' ')
				}
			default:
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

func endsWithHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") || len(s) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// buildLines groups glyphs into lines (top to bottom) and writes each
// line's text with spaces from the gaps.
func buildLines(glyphs []glyph) []textLine {
	gs := make([]glyph, 0, len(glyphs))
	for _, g := range glyphs {
		if !finite(g.x) || !finite(g.y) || !finite(g.w) || !finite(g.size) {
			continue
		}
		g.size = math.Max(g.size, 0.5)
		gs = append(gs, g)
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var out []textLine
	for i := 0; i < len(gs); {
		j := i + 1
		y0, size := gs[i].y, gs[i].size
		for j < len(gs) && y0-gs[j].y <= sameLine*math.Max(size, gs[j].size) {
			size = math.Max(size, gs[j].size)
			j++
		}
		if l, ok := writeLine(gs[i:j]); ok {
			out = append(out, l)
		}
		i = j
	}
	return out
}

// writeLine orders one line's glyphs left to right and inserts spaces.
func writeLine(gs []glyph) (textLine, bool) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x < gs[j].x })
	var b strings.Builder
	l := textLine{y: gs[0].y, x0: math.Inf(1), x1: math.Inf(-1)}
	var sizes []float64
	end := math.Inf(-1) // where the previous glyph ended
	var prev *glyph
	pending := false
	for k := range gs {
		g := &gs[k]
		if g.space {
			pending = b.Len() > 0
			end = math.Max(end, g.x+g.w)
			continue
		}
		// a glyph drawn twice in the same place (fake bold) counts once
		if prev != nil && prev.s == g.s && math.Abs(prev.x-g.x) < 0.1*g.size {
			continue
		}
		if b.Len() > 0 && (pending || g.x-end > wordGap*g.size) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteString(g.s)
		l.x0 = math.Min(l.x0, g.x)
		l.x1 = math.Max(l.x1, g.x+g.w)
		end = g.x + g.w
		sizes = append(sizes, g.size)
		prev = g
	}
	l.text = strings.TrimSpace(b.String())
	l.size = median(sizes)
	return l, l.text != ""
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
