package anchor

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// Text is an article's new text prepared for re-anchoring: its runes and a
// rune-to-byte table for fast exact search. Build it once with NewText and
// re-anchor every claim of the article against it. A Text is read-only and
// safe for concurrent use.
type Text struct {
	s      string  // the text as valid UTF-8, rune for rune the same as []rune(original)
	runes  []rune  // the text in runes: every offset here is a rune offset
	byteAt []int32 // byteAt[i] is the byte offset of rune i in s; nil when s is ASCII
	// fwd is the text after app.AnchorContext "before the text" sentinels,
	// rev the text reversed after as many "after the text" sentinels: the
	// context searches run over them so a context that reached an edge of
	// the old text can match that edge again.
	fwd, rev []rune
}

// NewText prepares text for re-anchoring. Invalid UTF-8 bytes count as one
// rune each (U+FFFD), exactly as app.NewAnchor counts them.
func NewText(text string) *Text {
	pad := app.AnchorContext
	fwd := []rune(text)
	n := len(fwd)
	fwd = append(fwd, make([]rune, pad)...)
	copy(fwd[pad:], fwd[:n])
	for i := 0; i < pad; i++ {
		fwd[i] = beforeText
	}
	rev := make([]rune, pad+n)
	for i := 0; i < pad; i++ {
		rev[i] = afterText
	}
	for i, r := range fwd[pad:] {
		rev[pad+n-1-i] = r
	}
	runes := fwd[pad:]
	s := text
	if !utf8.ValidString(text) {
		s = string(runes) // each invalid byte becomes a real U+FFFD, so byte search agrees with runes
	}
	t := &Text{s: s, runes: runes, fwd: fwd, rev: rev}
	if len(runes) != len(s) {
		t.byteAt = make([]int32, 0, len(runes))
		for i := range s {
			t.byteAt = append(t.byteAt, int32(i))
		}
	}
	return t
}

// Len is the length of the text in runes.
func (t *Text) Len() int { return len(t.runes) }

// runeOffset converts a byte offset of s that starts a rune into a rune offset.
func (t *Text) runeOffset(b int) int {
	if t.byteAt == nil {
		return b
	}
	return sort.Search(len(t.byteAt), func(i int) bool { return int(t.byteAt[i]) >= b })
}

// occurrences returns the rune offsets of every occurrence of quote,
// overlapping ones included, up to limit (limit <= 0: no limit).
func (t *Text) occurrences(quote string, limit int) []int {
	if quote == "" {
		return nil
	}
	var out []int
	_, first := utf8.DecodeRuneInString(quote) // step one rune so overlapping matches are found
	for from := 0; from <= len(t.s); {
		i := strings.Index(t.s[from:], quote)
		if i < 0 {
			break
		}
		out = append(out, t.runeOffset(from+i))
		if limit > 0 && len(out) >= limit {
			break
		}
		from += i + first
	}
	return out
}

// equalAt reports whether q sits at rune offset start.
func (t *Text) equalAt(q []rune, start int) bool {
	if start < 0 || start+len(q) > len(t.runes) {
		return false
	}
	for i, r := range q {
		if t.runes[start+i] != r {
			return false
		}
	}
	return true
}

// anchorAt builds the anchor for span s exactly as app.NewAnchor does, from
// the prepared runes (NewAnchor would convert the whole text again per claim).
func (t *Text) anchorAt(s app.Span) app.Anchor {
	from := max(0, s.Start-app.AnchorContext)
	to := min(len(t.runes), s.End+app.AnchorContext)
	return app.Anchor{
		Span:   s,
		Exact:  string(t.runes[s.Start:s.End]),
		Prefix: string(t.runes[from:s.Start]),
		Suffix: string(t.runes[s.End:to]),
	}
}

// runeAt returns the rune at offset j, or a sentinel beyond either end.
func (t *Text) runeAt(j int) rune {
	switch {
	case j < 0:
		return beforeText
	case j >= len(t.runes):
		return afterText
	}
	return t.runes[j]
}
