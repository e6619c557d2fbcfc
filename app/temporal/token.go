package temporal

import (
	"strings"
	"unicode"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// token is one word, number or punctuation mark of the text, with rune
// offsets. The grammar in grammar.go walks tokens, so it can never match
// inside a word.
type token struct {
	kind    tokKind
	start   int // rune offset of the first rune
	end     int // rune offset after the last rune
	text    string
	low     string
	val     int  // value of a number (digits only), -1 when too long
	digits  int  // number of digits of a number
	ord     bool // a number written as an ordinal: 3rd, 21st
	grouped bool // 2,000 or 4.4: a quantity, never part of a date
	decade  bool // 1990s
	space   bool // white space (or the start of the text) comes before it
	para    bool // a line break comes before it
}

// isWord reports whether t is the word w (w given in lower case).
func (t *token) isWord(w string) bool { return t.kind == tWord && t.low == w }

// isPunct reports whether t is the punctuation mark p.
func (t *token) isPunct(p string) bool { return t.kind == tPunct && t.text == p }

// isDash reports whether t is a hyphen or a dash used between numbers.
func (t *token) isDash() bool {
	return t.kind == tPunct && (t.text == "-" || t.text == "–" || t.text == "—" || t.text == "‐" || t.text == "‑")
}

// upper reports whether the word starts with an upper-case letter.
func (t *token) upper() bool {
	for _, r := range t.text {
		return unicode.IsUpper(r)
	}
	return false
}

// tokenize splits runes into tokens. Runs of letters (with digits and marks
// after the first letter) are words; runs of digits are numbers, taking an
// ordinal suffix (3rd) and thousands groups or decimals (2,000; 4.4) along;
// every other non-space rune is a punctuation token of its own.
func tokenize(rs []rune) []token {
	toks := make([]token, 0, len(rs)/4+1)
	space, para := true, false
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			space = true
			if r == '\n' || r == '\r' || r == '\u2029' {
				para = true
			}
			i++
			continue
		case isLetter(r):
			j := i + 1
			for j < len(rs) && (isLetter(rs[j]) || isDigit(rs[j]) || unicode.Is(unicode.Mn, rs[j])) {
				j++
			}
			toks = append(toks, newWord(rs, i, j, space, para))
			i = j
		case isDigit(r):
			i = appendNumber(&toks, rs, i, space, para)
		default:
			toks = append(toks, token{kind: tPunct, start: i, end: i + 1, text: string(r), low: string(r), space: space, para: para})
			i++
		}
		space, para = false, false
	}
	return toks
}

func newWord(rs []rune, i, j int, space, para bool) token {
	s := string(rs[i:j])
	return token{kind: tWord, start: i, end: j, text: s, low: strings.ToLower(s), space: space, para: para}
}

// appendNumber reads the number starting at rs[i] and returns where it ends.
func appendNumber(toks *[]token, rs []rune, i int, space, para bool) int {
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	digits := j - i
	grouped := false
	// 2,000 and 1,500,000: a comma followed by exactly three digits.
	for j+3 < len(rs) && rs[j] == ',' && isDigit(rs[j+1]) && isDigit(rs[j+2]) && isDigit(rs[j+3]) && (j+4 == len(rs) || !isDigit(rs[j+4])) {
		j += 4
		grouped = true
	}
	// 4.4 and 95.5: a decimal point between digits; not 26.10.2017.
	if !grouped && j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) && !dottedDate(rs, i) && !dottedDate(rs, prevNumber(rs, i)) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
			j++
		}
		grouped = true
	}
	t := token{kind: tNum, start: i, end: j, space: space, para: para, digits: digits, grouped: grouped, val: -1}
	if !grouped && digits <= 9 {
		v := 0
		for _, r := range rs[i : i+digits] {
			v = v*10 + int(r-'0')
		}
		t.val = v
	}
	// Letters glued to the digits: an ordinal suffix belongs to the number;
	// am/pm and a capitalised word (2017World) are split off; anything else
	// (5km, 3D) makes the whole run a word, which no date rule matches.
	if j < len(rs) && isLetter(rs[j]) {
		k := j
		for k < len(rs) && (isLetter(rs[k]) || isDigit(rs[k])) {
			k++
		}
		suffix := strings.ToLower(string(rs[j:k]))
		switch {
		case !grouped && isOrdinalSuffix(t.val, suffix):
			t.ord = true
			t.end = k
		case suffix == "s" && digits == 4 && !grouped && t.val%10 == 0:
			t.decade = true
			t.end = k
		case suffix == "am" || suffix == "pm" || unicode.IsUpper(rs[j]):
			// split: the number stands alone, the letters follow as a word.
		default:
			*toks = append(*toks, newWord(rs, i, k, space, para))
			return k
		}
	}
	t.text = string(rs[i:t.end])
	t.low = strings.ToLower(t.text)
	*toks = append(*toks, t)
	return t.end
}

// dottedDate reports whether rs[i:] starts like 26.10.2017.
func dottedDate(rs []rune, i int) bool {
	n := 0
	for _, part := range []int{2, 2, 4} {
		k := 0
		for i+n+k < len(rs) && isDigit(rs[i+n+k]) {
			k++
		}
		if k == 0 || k > part || part == 4 && k != 4 {
			return false
		}
		n += k
		if part != 4 {
			if i+n >= len(rs) || rs[i+n] != '.' {
				return false
			}
			n++
		}
	}
	return i+n == len(rs) || !isDigit(rs[i+n])
}

// prevNumber returns where the number ending just before "." at rs[i-1]
// starts, or i when there is none.
func prevNumber(rs []rune, i int) int {
	if i < 2 || rs[i-1] != '.' || !isDigit(rs[i-2]) {
		return i
	}
	k := i - 2
	for k > 0 && isDigit(rs[k-1]) {
		k--
	}
	return k
}

// isOrdinalSuffix reports whether suffix is the right ordinal ending for v.
func isOrdinalSuffix(v int, suffix string) bool {
	if v < 0 {
		return false
	}
	want := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suffix == want
}

func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isLetter(r rune) bool { return unicode.IsLetter(r) }
