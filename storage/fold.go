package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"golang.org/x/text/unicode/norm"
)

// The full-text index does not see article text as written. SQLite's
// unicode61 tokenizer (remove_diacritics 2) folds "Ḥusaybah" to "husaybah",
// but it keeps "ʾ" (U+02BE, a letter) inside "Qāʾim" and splits "Qa’im" at
// the quote, so "qaim" finds neither. Words are therefore folded here, in Go:
// NFKD, combining marks and invisible format characters dropped, lower case,
// a few letters without a decomposition spelled out (ß, æ, ø, ł ...), and
// apostrophe-like characters dropped so the letters either side join. The
// index stores the folded words; queries are folded the same way; snippets
// are cut from the original text using the rune spans kept here.

// word is one word of a text as the full-text index sees it.
type word struct {
	span  app.Span   // where it stands in the original text, in runes
	key   string     // the folded word, apostrophes dropped: "qaim"
	parts []wordPart // the pieces between apostrophes, when it had any: "qa", "im"
}

// wordPart is a piece of a word between apostrophes, indexed too so that
// "iraq" still finds "Iraq's".
type wordPart struct {
	span app.Span
	key  string
}

// isApostrophe reports whether r is an apostrophe, a transliteration's
// hamza or ayn sign, or something typed in their place.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u00B4', '\u2018', '\u2019', '\u201B', '\u2032', '\uFF07', '\uA78B', '\uA78C',
		'\u02B9', '\u02BB', '\u02BC', '\u02BD', '\u02BE', '\u02BF':
		return true
	}
	return false
}

// isSilent reports whether r belongs to the word around it without adding
// a letter: combining marks, soft hyphens, zero-width joiners.
func isSilent(r rune) bool { return unicode.In(r, unicode.M, unicode.Cf) }

// foldSpecial spells out lower-case letters that NFKD leaves whole.
func foldSpecial(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ħ':
		return "h"
	case 'ı':
		return "i"
	case 'ł':
		return "l"
	case 'þ':
		return "th"
	case 'ŧ':
		return "t"
	}
	return ""
}

// tokenizer splits a text into folded words while it is fed rune by rune.
type tokenizer struct {
	words     []word
	in        bool // inside a word
	joined    bool // an apostrophe followed the word's last letter
	split     bool // the current word has had an apostrophe inside it
	start     int  // rune offset where the current word starts
	end       int  // rune offset just past its last letter or mark
	partStart int
	partEnd   int
	partKey   int // where the current part's letters start in key
	key       []byte
	parts     []wordPart
}

// tokenize splits s into folded words with their rune spans.
func tokenize(s string) []word {
	t := tokenizer{words: make([]word, 0, len(s)/6)}
	i := 0
	for _, r := range s {
		t.feed(r, i)
		i++
	}
	t.sep()
	return t.words
}

func (t *tokenizer) feed(r rune, i int) {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			t.letter(r, i)
		case 'A' <= r && r <= 'Z':
			t.letter(r+'a'-'A', i)
		case r == '\'' || r == '`':
			t.joiner()
		default:
			t.sep()
		}
		return
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	dec := norm.NFKD.Properties(buf[:n]).Decomposition()
	if dec == nil {
		t.fold(r, i)
		return
	}
	for len(dec) > 0 {
		x, size := utf8.DecodeRune(dec)
		dec = dec[size:]
		t.fold(x, i)
	}
}

// fold feeds one rune of a decomposition; i is the original rune's offset.
func (t *tokenizer) fold(r rune, i int) {
	switch {
	case isApostrophe(r):
		t.joiner()
	case isSilent(r):
		t.silent(i)
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		r = unicode.ToLower(r)
		if s := foldSpecial(r); s != "" {
			for _, x := range s {
				t.letter(x, i)
			}
			return
		}
		t.letter(r, i)
	default:
		t.sep()
	}
}

func (t *tokenizer) letter(r rune, i int) {
	switch {
	case !t.in:
		t.in, t.split = true, false
		t.start, t.partStart, t.partKey = i, i, 0
		t.key, t.parts = t.key[:0], t.parts[:0]
	case t.joined:
		t.parts = append(t.parts, wordPart{app.Span{Start: t.partStart, End: t.partEnd}, string(t.key[t.partKey:])})
		t.partStart, t.partKey, t.split = i, len(t.key), true
	}
	t.joined = false
	t.key = utf8.AppendRune(t.key, r)
	t.end, t.partEnd = i+1, i+1
}

func (t *tokenizer) silent(i int) {
	if t.in && !t.joined {
		t.end, t.partEnd = i+1, i+1
	}
}

func (t *tokenizer) joiner() {
	if t.in {
		t.joined = true
	}
}

func (t *tokenizer) sep() {
	if !t.in {
		return
	}
	w := word{span: app.Span{Start: t.start, End: t.end}, key: string(t.key)}
	if t.split {
		w.parts = append(append(make([]wordPart, 0, len(t.parts)+1), t.parts...),
			wordPart{app.Span{Start: t.partStart, End: t.partEnd}, string(t.key[t.partKey:])})
	}
	t.words = append(t.words, w)
	t.in, t.joined = false, false
}

// indexText is what the full-text index stores for a text: its folded words
// and, separately, the pieces of words that had apostrophes.
func indexText(s string) (words, pieces string) {
	var b, alt strings.Builder
	b.Grow(len(s))
	for _, w := range tokenize(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.key)
		for _, p := range w.parts {
			if alt.Len() > 0 {
				alt.WriteByte(' ')
			}
			alt.WriteString(p.key)
		}
	}
	return b.String(), alt.String()
}

// maxQueryTerms bounds how many words of a query are searched for.
const maxQueryTerms = 32

// queryTerms folds a user's query into the words to look for, in order.
// Punctuation and FTS5 syntax characters fall away.
func queryTerms(q string) []string {
	words := tokenize(q)
	if len(words) > maxQueryTerms {
		words = words[:maxQueryTerms]
	}
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = w.key
	}
	return terms
}

// matchExpr writes terms as an FTS5 query: every term quoted (so nothing the
// user typed is read as FTS5 syntax), all required, the last one a prefix
// because the user may still be typing it.
func matchExpr(terms []string) string {
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t, `"`, `""`))
		b.WriteByte('"')
		if i == len(terms)-1 {
			b.WriteByte('*')
		}
	}
	return b.String()
}
