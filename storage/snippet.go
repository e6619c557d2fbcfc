package storage

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
)

// Snippet shape: how many words a snippet shows, and how many of them come
// before the first match it is built around.
const (
	snippetWords = 28
	snippetLead  = 5
)

// wordMatch is what the query found in one word: the spans to mark (the
// whole word, or the pieces between its apostrophes) and which terms.
type wordMatch struct {
	spans []app.Span
	terms uint64 // bit i set: terms[i] matched
}

// matchWord matches a word against the query terms the way the index does:
// the folded word or one of its pieces equals a term; the last term may be
// a prefix.
func matchWord(w word, terms []string) wordMatch {
	var m wordMatch
	whole := false
	for i, t := range terms {
		last := i == len(terms)-1
		is := func(k string) bool { return k == t || last && strings.HasPrefix(k, t) }
		if is(w.key) {
			m.terms |= 1 << uint(i)
			whole = true
			continue
		}
		for _, p := range w.parts {
			if is(p.key) {
				m.terms |= 1 << uint(i)
				m.spans = append(m.spans, p.span)
			}
		}
	}
	if whole {
		m.spans = []app.Span{w.span}
	} else if len(m.spans) > 1 {
		slices.SortFunc(m.spans, func(a, b app.Span) int { return cmp.Compare(a.Start, b.Start) })
		m.spans = slices.Compact(m.spans)
	}
	return m
}

// snippet cuts the passage of text that shows most of the query's terms,
// in the original spelling, with each match wrapped in app.MarkStart and
// app.MarkEnd. White space is collapsed to single spaces and "…" marks text
// left out. A text with no matching word (the title matched) gives its
// opening words.
func snippet(text string, terms []string) string {
	words := tokenize(text)
	if len(words) == 0 {
		return ""
	}
	matches := make(map[int]wordMatch)
	var hits []int
	for i, w := range words {
		if m := matchWord(w, terms); m.terms != 0 {
			matches[i] = m
			hits = append(hits, i)
		}
	}
	from, best := 0, -1
	for _, h := range hits {
		ws := max(0, h-snippetLead)
		we := min(len(words), ws+snippetWords)
		var seen uint64
		n := 0
		for i := ws; i < we; i++ {
			if m, ok := matches[i]; ok {
				seen |= m.terms
				n++
			}
		}
		if score := bits.OnesCount64(seen)*1000 + n; score > best {
			from, best = ws, score
		}
	}
	to := min(len(words), from+snippetWords)
	var spans []app.Span
	for i := from; i < to; i++ {
		for _, sp := range matches[i].spans {
			if n := len(spans); n > 0 && sp.Start < spans[n-1].End {
				spans[n-1].End = max(spans[n-1].End, sp.End) // "½" is two words on one rune
				continue
			}
			spans = append(spans, sp)
		}
	}
	return render(text, words[from].span.Start, words[to-1].span.End, from > 0, to < len(words), spans)
}

// render writes runes [start, end) of text with marks around spans (in
// order), white space and control characters collapsed to single spaces,
// punctuation right after the last word kept, and "…" for the text cut off
// before and after.
func render(text string, start, end int, before, after bool, spans []app.Span) string {
	var b strings.Builder
	if before {
		b.WriteString("… ")
	}
	i, k, tail := 0, 0, 0
	open, space := false, false
	for _, r := range text {
		switch {
		case i < start:
			i++
			continue
		case i >= end:
			if tail < 3 && unicode.IsPunct(r) {
				b.WriteRune(r)
				tail++
				i++
				continue
			}
		}
		if i >= end {
			break
		}
		for !open && k < len(spans) && spans[k].End <= i {
			k++ // a span already passed (duplicates, or inside a skipped rune)
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			if !open && k < len(spans) && spans[k].Start <= i {
				b.WriteString(app.MarkStart)
				open = true
			}
			b.WriteRune(r)
		}
		if open && i+1 >= spans[k].End {
			b.WriteString(app.MarkEnd)
			open = false
			k++
		}
		i++
	}
	if open {
		b.WriteString(app.MarkEnd)
	}
	if after {
		b.WriteString(" …")
	}
	return b.String()
}
