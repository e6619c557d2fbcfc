package widgets

import "unicode"

// This file holds the text segmentation rules of the reader: extended
// grapheme cluster boundaries (Unicode UAX #29) written against the standard
// library's Unicode tables, so that a selection never splits a flag, an emoji
// ZWJ sequence, a skin-tone modifier, a variation selector or a combining
// mark from its base. Fyne depends on clipperhouse/uax29, but this package
// stays on fyne and the standard library; the rules below cover GB3-GB13 and
// GB9c for the common Indic scripts, with Extended_Pictographic approximated
// by the emoji blocks.

// gcb is a Grapheme_Cluster_Break property value.
type gcb uint8

const (
	gcbOther gcb = iota
	gcbCR
	gcbLF
	gcbControl
	gcbExtend
	gcbZWJ
	gcbRI
	gcbPrepend
	gcbSpacingMark
	gcbL
	gcbV
	gcbT
	gcbLV
	gcbLVT
)

// gcbOf classifies one rune.
func gcbOf(r rune) gcb {
	switch {
	case r < 0x20:
		switch r {
		case '\r':
			return gcbCR
		case '\n':
			return gcbLF
		}
		return gcbControl
	case r < 0x7f:
		return gcbOther
	case r == 0x200D:
		return gcbZWJ
	case r == 0x200C:
		return gcbExtend
	case r >= 0x1F1E6 && r <= 0x1F1FF:
		return gcbRI
	case r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return gcbExtend // emoji modifiers, emoji tag sequences
	case r >= 0x1100 && r <= 0x115F, r >= 0xA960 && r <= 0xA97C:
		return gcbL
	case r >= 0x1160 && r <= 0x11A7, r >= 0xD7B0 && r <= 0xD7C6:
		return gcbV
	case r >= 0x11A8 && r <= 0x11FF, r >= 0xD7CB && r <= 0xD7FB:
		return gcbT
	case r >= 0xAC00 && r <= 0xD7A3:
		if (r-0xAC00)%28 == 0 {
			return gcbLV
		}
		return gcbLVT
	case isPrepend(r):
		return gcbPrepend
	case unicode.Is(unicode.Other_Grapheme_Extend, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return gcbExtend
	case unicode.Is(unicode.Mc, r):
		if notSpacingMark(r) {
			return gcbOther
		}
		return gcbSpacingMark
	case r == 0x0E33 || r == 0x0EB3:
		return gcbSpacingMark
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r), r == 0x2028, r == 0x2029:
		return gcbControl
	}
	return gcbOther
}

// isPrepend reports the Prepend characters (Arabic number signs and a few
// Brahmic repha forms).
func isPrepend(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x070F, r == 0x0890, r == 0x0891, r == 0x08E2,
		r == 0x0D4E, r == 0x110BD, r == 0x110CD, r == 0x111C2, r == 0x111C3, r == 0x1193F, r == 0x11941,
		r == 0x11A3A, r >= 0x11A84 && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}

// notSpacingMark lists the Mc characters that UAX #29 leaves out of SpacingMark.
func notSpacingMark(r rune) bool {
	switch {
	case r == 0x102B, r == 0x102C, r == 0x1038, r >= 0x1062 && r <= 0x1064, r >= 0x1067 && r <= 0x106D,
		r == 0x1083, r >= 0x1087 && r <= 0x108C, r == 0x108F, r >= 0x109A && r <= 0x109C, r == 0x1A61,
		r == 0x1A63, r == 0x1A64, r == 0xAA7B, r == 0xAA7D, r == 0x11720, r == 0x11721:
		return true
	}
	return false
}

// extPictRanges approximates Extended_Pictographic (emoji-data.txt).
var extPictRanges = [][2]rune{
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049}, {0x2122, 0x2122},
	{0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x231A, 0x231B}, {0x2328, 0x2328},
	{0x2388, 0x2388}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2},
	{0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
	{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712}, {0x2714, 0x2714},
	{0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721}, {0x2728, 0x2728}, {0x2733, 0x2734},
	{0x2744, 0x2744}, {0x2747, 0x2747}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
	{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
	{0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
	{0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A},
	{0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D},
	{0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F},
	{0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
}

// isExtPict reports whether r is (approximately) Extended_Pictographic.
func isExtPict(r rune) bool {
	if r < 0xA9 {
		return false
	}
	lo, hi := 0, len(extPictRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < extPictRanges[m][0]:
			hi = m
		case r > extPictRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// incbLinker reports the Indic_Conjunct_Break=Linker viramas.
func incbLinker(r rune) bool {
	switch r {
	case 0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D:
		return true
	}
	return false
}

// incbConsonant approximates Indic_Conjunct_Break=Consonant: the consonant
// letters of Devanagari, Bengali, Gujarati, Oriya, Telugu and Malayalam.
func incbConsonant(r rune) bool {
	switch {
	case r >= 0x0915 && r <= 0x0939, r >= 0x0958 && r <= 0x095F, r >= 0x0978 && r <= 0x097F,
		r >= 0x0995 && r <= 0x09B9, r >= 0x09DC && r <= 0x09DF, r == 0x09F0, r == 0x09F1,
		r >= 0x0A95 && r <= 0x0AB9, r == 0x0AF9,
		r >= 0x0B15 && r <= 0x0B39, r >= 0x0B5C && r <= 0x0B5F, r == 0x0B71,
		r >= 0x0C15 && r <= 0x0C39, r >= 0x0C58 && r <= 0x0C5A,
		r >= 0x0D15 && r <= 0x0D3A:
		return unicode.IsLetter(r)
	}
	return false
}

// isGraphemeBoundary reports whether a grapheme cluster boundary lies
// between rs[i-1] and rs[i]. The text's start and end are boundaries.
func isGraphemeBoundary(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	a, b := rs[i-1], rs[i]
	if a < 0x300 && b < 0x300 {
		return a != '\r' || b != '\n' // fast path: no cluster joins below U+0300 but CR LF
	}
	pa, pb := gcbOf(a), gcbOf(b)
	switch {
	case pa == gcbCR && pb == gcbLF: // GB3
		return false
	case pa == gcbCR, pa == gcbLF, pa == gcbControl, pb == gcbCR, pb == gcbLF, pb == gcbControl: // GB4, GB5
		return true
	case pa == gcbL && (pb == gcbL || pb == gcbV || pb == gcbLV || pb == gcbLVT): // GB6
		return false
	case (pa == gcbLV || pa == gcbV) && (pb == gcbV || pb == gcbT): // GB7
		return false
	case (pa == gcbLVT || pa == gcbT) && pb == gcbT: // GB8
		return false
	case pb == gcbExtend, pb == gcbZWJ, pb == gcbSpacingMark, pa == gcbPrepend: // GB9, GB9a, GB9b
		return false
	case pa == gcbZWJ && isExtPict(b): // GB11
		j := i - 2
		for j >= 0 && gcbOf(rs[j]) == gcbExtend {
			j--
		}
		return !(j >= 0 && isExtPict(rs[j]))
	case pa == gcbRI && pb == gcbRI: // GB12, GB13: pair regional indicators
		n := 0
		for j := i - 1; j >= 0 && gcbOf(rs[j]) == gcbRI; j-- {
			n++
		}
		return n%2 == 0
	case incbConsonant(b): // GB9c
		linker := false
		j := i - 1
		for ; j >= 0; j-- {
			c := rs[j]
			if incbLinker(c) {
				linker = true
				continue
			}
			if p := gcbOf(c); p == gcbExtend || p == gcbZWJ {
				continue
			}
			break
		}
		return !(linker && j >= 0 && incbConsonant(rs[j]))
	}
	return true
}

// graphemeFloor moves i back to the start of the grapheme cluster holding it.
func graphemeFloor(rs []rune, i int) int {
	i = clampInt(i, 0, len(rs))
	for i > 0 && !isGraphemeBoundary(rs, i) {
		i--
	}
	return i
}

// graphemeCeil moves i forward to the end of the grapheme cluster holding it.
func graphemeCeil(rs []rune, i int) int {
	i = clampInt(i, 0, len(rs))
	for i < len(rs) && !isGraphemeBoundary(rs, i) {
		i++
	}
	return i
}

// graphemeNext returns the boundary after the cluster starting at i.
func graphemeNext(rs []rune, i int) int {
	if i >= len(rs) {
		return len(rs)
	}
	i++
	for i < len(rs) && !isGraphemeBoundary(rs, i) {
		i++
	}
	return i
}

// snapSpan widens s to grapheme boundaries and clamps it to the text.
func snapSpan(rs []rune, s Span) Span {
	if s.End < s.Start {
		s.Start, s.End = s.End, s.Start
	}
	return Span{Start: graphemeFloor(rs, s.Start), End: graphemeCeil(rs, s.End)}
}

// isWordRune reports the runes a double-click word is made of.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' ||
		r == 0x200C || r == 0x200D
}

// isApostrophe reports the apostrophes that join two parts of a word (don’t).
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// wordAt returns the word around rune i: letters, digits and marks joined by
// inner apostrophes. On a space it returns the run of spaces; on anything
// else the single grapheme cluster.
func wordAt(rs []rune, i int) Span {
	n := len(rs)
	if n == 0 {
		return Span{}
	}
	i = graphemeFloor(rs, clampInt(i, 0, n-1))
	inWord := func(j int) bool {
		if j < 0 || j >= n {
			return false
		}
		if isWordRune(rs[j]) {
			return true
		}
		return isApostrophe(rs[j]) && j > 0 && j+1 < n && isWordRune(rs[j-1]) && isWordRune(rs[j+1])
	}
	switch {
	case inWord(i):
		s, e := i, i
		for inWord(s - 1) {
			s--
		}
		for inWord(e) {
			e++
		}
		return snapSpan(rs, Span{s, e})
	case isBlank(rs[i]):
		s, e := i, i
		for s > 0 && isBlank(rs[s-1]) {
			s--
		}
		for e < n && isBlank(rs[e]) {
			e++
		}
		return Span{s, e}
	}
	return Span{i, graphemeNext(rs, i)}
}

// isLineBreak reports the runes that end a line: "\n", "\r" (alone or in
// "\r\n"), NEL, and the Unicode line and paragraph separators.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// isBlank reports the white space the layout breaks lines at (tabs and
// spaces, but not no-break spaces or line breaks).
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t':
		return true
	case 0xA0, 0x2007, 0x202F, 0xFEFF:
		return false
	}
	return r > 0x7f && !isLineBreak(r) && unicode.IsSpace(r) || r == '\v' || r == '\f'
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
