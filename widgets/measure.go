package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
)

// widthCache holds the drawn widths of words at one text size and style.
//
// Measuring a string through Fyne shapes it (about 8-15 µs); a cached width
// costs a map look-up. A word never seen before is, when every rune of it
// is simple (Latin, Greek, Cyrillic, punctuation: no combining marks,
// emoji or scripts with contextual shaping), computed from per-rune
// advances and per-pair kerning instead: W(abc) = W(a)+W(b)+W(c)+k(a,b)+k(b,c)
// with k(a,b) = W(ab)-W(a)-W(b). For a font with pair kerning only this is
// exact (both are sums of 1/64 px units). The first words are measured
// both ways, and every 256th after that, and any difference turns the
// shortcut off for the font.
type widthCache struct {
	size  float32
	style fyne.TextStyle
	words map[string]float32
	runes map[rune]float32
	pairs map[[2]rune]float32

	pairState int8 // 0 checking, 1 trusted, -1 off
	checked   int  // words measured both ways
	computed  int  // words computed from pairs
	stale     bool // set when the shortcut was found wrong
}

const (
	maxCachedWidths = 1 << 18 // the caches are cleared when they reach this size
	pairChecks      = 48      // words measured both ways before trusting pairs
	pairSpotCheck   = 256     // then one in this many
)

// reset empties the caches for a new size or font.
func (c *widthCache) reset(size float32, style fyne.TextStyle) {
	*c = widthCache{size: size, style: style,
		words: make(map[string]float32, 4096), runes: map[rune]float32{}, pairs: map[[2]rune]float32{}}
}

// exact measures s through Fyne.
func (c *widthCache) exact(s string) float32 {
	return fyne.MeasureText(s, c.size, c.style).Width
}

// measure returns the drawn width of s.
func (r *Reader) measure(s string) float32 {
	c := &r.lay.widths
	if w, ok := c.words[s]; ok {
		return w
	}
	var w float32
	switch {
	case c.pairState < 0 || len(s) < 2 || !simpleWord(s):
		w = c.exact(s)
	case c.pairState == 1 && c.computed%pairSpotCheck != 0:
		w = c.fromPairs(s)
		c.computed++
	default:
		w = c.exact(s)
		c.computed++
		if d := c.fromPairs(s) - w; d > 0.01 || d < -0.01 {
			c.pairState, c.stale = -1, true
			clear(c.words)
		} else if c.checked++; c.checked >= pairChecks {
			c.pairState = 1
		}
	}
	if len(c.words) >= maxCachedWidths {
		clear(c.words)
	}
	c.words[strings.Clone(s)] = w
	return w
}

// fromPairs sums s's rune advances and pair kerning.
func (c *widthCache) fromPairs(s string) float32 {
	var sum float32
	var prev rune
	for i, r := range s {
		w := c.rune(r)
		sum += w
		if i > 0 {
			k, ok := c.pairs[[2]rune{prev, r}]
			if !ok {
				k = c.exact(string([]rune{prev, r})) - c.rune(prev) - w
				if len(c.pairs) >= maxCachedWidths {
					clear(c.pairs)
				}
				c.pairs[[2]rune{prev, r}] = k
			}
			sum += k
		}
		prev = r
	}
	return sum
}

// rune returns the advance of one rune.
func (c *widthCache) rune(r rune) float32 {
	w, ok := c.runes[r]
	if !ok {
		w = c.exact(string(r))
		c.runes[r] = w
	}
	return w
}

// simpleWord reports whether every rune of s is one whose shaping depends
// on its neighbours through pair kerning at most.
func simpleWord(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r < 0x300 && r != 0xad:
		case r >= 0x370 && r < 0x483, r >= 0x48a && r < 0x530: // Greek, Cyrillic
		case r >= 0x1e00 && r < 0x2000: // Latin and Greek extended, precomposed
		case r >= 0x2010 && r < 0x2028, r >= 0x2030 && r < 0x205f, r >= 0x20a0 && r < 0x20c1:
		default:
			return false
		}
	}
	return true
}
