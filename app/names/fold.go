// Package names makes transliterated names comparable. The same Arabic,
// Persian or Kurdish name reaches an analyst under many Latin spellings
// (Al-Qaim, Al Qa'im, Qaim; Husaybah, Husaibah, Hasiba), and naive fuzzy
// search finds none of them from the others.
//
// Fold normalises a string for display-independent comparison (accents,
// case, apostrophes, punctuation). Key goes further and reduces a name to a
// matching key that most romanisations of the same name share. MapFold and
// MapKey also say which runes of the original string each rune of the result
// stands for, so matched characters can be highlighted in the displayed name.
// Suggest proposes entity mentions found in article text.
//
// Keys suggest; they never decide. Two names with the same key are
// candidates for a merge that the analyst confirms.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/evidence-workbench/workbench/app"
)

// Mapping records, for each rune of a folded string or key, the runes of the
// original string it stands for: Mapping[i] is a rune span (end exclusive)
// of the original. A vowel run or a doubled letter collapsed into one key
// rune spans all the runes it replaced; a separating space that stands for
// nothing has an empty span.
type Mapping []app.Span

// Runes maps rune indexes of the mapped string to the rune indexes of the
// original string they stand for, ascending and without duplicates.
// Indexes outside the mapping are ignored.
func (m Mapping) Runes(idx []int) []int {
	var out []int
	for _, i := range idx {
		if i < 0 || i >= len(m) {
			continue
		}
		for r := m[i].Start; r < m[i].End; r++ {
			out = append(out, r)
		}
	}
	return sortUnique(out)
}

// Bytes is Runes for byte offsets into the mapped string s (as
// github.com/sahilm/fuzzy reports them). Offsets that do not start a rune of
// s are ignored.
func (m Mapping) Bytes(s string, offsets []int) []int {
	if len(offsets) == 0 {
		return nil
	}
	runeIdx := make([]int, 0, len(offsets))
	ri := 0
	oi := 0
	sorted := sortUnique(append([]int(nil), offsets...))
	for b := range s {
		for oi < len(sorted) && sorted[oi] < b {
			oi++ // not at a rune start
		}
		if oi < len(sorted) && sorted[oi] == b {
			runeIdx = append(runeIdx, ri)
			oi++
		}
		ri++
	}
	return m.Runes(runeIdx)
}

// sortUnique sorts a small slice of ints in place and drops duplicates.
func sortUnique(a []int) []int {
	for i := 1; i < len(a); i++ { // insertion sort: slices here are short and nearly sorted
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// unit is one rune of a folded string or key with the original runes it
// stands for.
type unit struct {
	r     rune
	start int32 // first original rune
	end   int32 // one past the last original rune
}

// Fold lower-cases s, decomposes it (NFKD) and strips the accents, drops
// apostrophe-like characters (' ’ ʼ ʿ ʾ ‘ ` ´ ʻ) and turns punctuation,
// hyphens and white space into single spaces, trimmed at both ends:
// "Al Qa’im" and "al-Qaʾim" both fold to "al qaim".
func Fold(s string) string {
	u := fold(s, nil)
	return unitString(u)
}

// MapFold is Fold that also returns, for each rune of the folded string,
// the runes of s it came from.
func MapFold(s string) (string, Mapping) {
	u := fold(s, nil)
	return unitString(u), unitMapping(u)
}

func unitString(u []unit) string {
	var b strings.Builder
	b.Grow(len(u))
	for _, x := range u {
		b.WriteRune(x.r)
	}
	return b.String()
}

func unitMapping(u []unit) Mapping {
	m := make(Mapping, len(u))
	for i, x := range u {
		m[i] = app.Span{Start: int(x.start), End: int(x.end)}
	}
	return m
}

// isApostrophe reports whether r is one of the characters that
// romanisations use for the Arabic hamza and ayn, or as an apostrophe.
// They are dropped without leaving a space: Qa'im is Qaim.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʿ', 'ʾ', '‘', '`', '´', 'ʻ', 'ʽ', '′', 'ˈ', 'ʹ', 'ʕ', 'ʔ', 'ʡ', '\uFF07':
		return true
	}
	return false
}

// letterFold maps Latin letters that NFKD leaves alone to the plain letters
// romanisations write for them.
var letterFold = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ı': "i", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ɨ': "i", 'ə': "e", 'ɛ': "e", 'ɔ': "o",
}

// fold appends the folded units of s to dst. Separators are single spaces,
// never leading or trailing.
func fold(s string, dst []unit) []unit {
	if dst == nil {
		dst = make([]unit, 0, len(s))
	}
	pendingSpace := false
	var spaceAt int32
	emit := func(r rune, i int32) {
		if pendingSpace {
			if len(dst) > 0 {
				dst = append(dst, unit{r: ' ', start: spaceAt, end: spaceAt + 1})
			}
			pendingSpace = false
		}
		dst = append(dst, unit{r: r, start: i, end: i + 1})
	}
	sep := func(i int32) {
		if !pendingSpace {
			pendingSpace = true
			spaceAt = i
		}
	}
	var buf [32]byte
	var i int32 = -1
	for _, r := range s {
		i++
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				emit(r, i)
			case 'A' <= r && r <= 'Z':
				emit(r+'a'-'A', i)
			case r == '\'' || r == '`':
				// apostrophe: dropped
			default:
				sep(i)
			}
			continue
		}
		if isApostrophe(r) || unicode.Is(unicode.Cf, r) || r == 'ـ' {
			continue // apostrophes, soft hyphens, joiners, Arabic tatweel
		}
		if unicode.In(r, unicode.Mn, unicode.Me) {
			continue // a combining mark on its own
		}
		dec := norm.NFKD.AppendString(buf[:0], string(r))
		for _, d := range string(dec) {
			switch {
			case unicode.In(d, unicode.Mn, unicode.Me, unicode.Mc):
				// stripped accent
			case isApostrophe(d):
				// ʹ from the Greek numeral sign, ’ from a compatibility form
			case d == 'ـ' || unicode.Is(unicode.Cf, d):
				// a tatweel from an Arabic presentation form (U+FCF3 is tatweel, damma, shadda)
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				d = unicode.ToLower(d)
				if f, ok := letterFold[d]; ok {
					for _, x := range f {
						emit(x, i)
					}
				} else {
					emit(d, i)
				}
			default:
				sep(i)
			}
		}
	}
	return dst
}
