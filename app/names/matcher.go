package names

import (
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// articleWords are the Arabic articles a name may be written with or without:
// "al-Qaim" is also found as "Qaim".
var articleWords = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true, "an": true}

// Matcher finds known names in text: each name is folded (Fold) and matched
// on whole words, so "Al Qa'im", "al-Qaim" and "AL QAIM" are one spelling.
// A name with a leading article (al-, el-, ash-) is also found without it.
// It never matches on keys: Qaim and Qom share a key but are different
// places, so a key match is a suggestion elsewhere, never a mention here.
type Matcher struct {
	byFirst map[string][]matchName
}

type matchName struct {
	id    app.ID
	words []string
}

// Match is one occurrence of a known name.
type Match struct {
	ID   app.ID   // whose name it is
	Span app.Span // where, in runes of the text, end exclusive
	Text string   // as written in the text
}

// NewMatcher returns an empty matcher.
func NewMatcher() *Matcher { return &Matcher{byFirst: map[string][]matchName{}} }

// Add registers name as a spelling of id. Names that fold to nothing are
// ignored.
func (m *Matcher) Add(id app.ID, name string) {
	words := strings.Fields(Fold(name))
	m.add(id, words)
	if len(words) > 1 && articleWords[words[0]] {
		m.add(id, words[1:])
	}
}

func (m *Matcher) add(id app.ID, words []string) {
	if len(words) == 0 || (len(words) == 1 && len([]rune(words[0])) < 2) {
		return
	}
	for _, n := range m.byFirst[words[0]] {
		if n.id == id && equalWords(n.words, words) {
			return
		}
	}
	m.byFirst[words[0]] = append(m.byFirst[words[0]], matchName{id: id, words: words})
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Empty reports whether no name was added.
func (m *Matcher) Empty() bool { return len(m.byFirst) == 0 }

// foldedWord is one word of the folded text and its runes there.
type foldedWord struct {
	w          string
	start, end int // runes of the folded string, end exclusive
}

// Find returns every occurrence of a known name in text, in text order. Where
// names overlap, the longest wins ("Haider al-Abadi" over "Abadi"); one
// stretch of text matches one id at most per name length.
func (m *Matcher) Find(text string) []Match {
	if m.Empty() || text == "" {
		return nil
	}
	folded, mapping := MapFold(text)
	words := splitFolded(folded)
	orig := []rune(text)
	var out []Match
	for i := 0; i < len(words); {
		best := 0
		var ids []app.ID
		for _, n := range m.byFirst[words[i].w] {
			if len(n.words) < best || i+len(n.words) > len(words) {
				continue
			}
			ok := true
			for j := 1; j < len(n.words); j++ {
				if words[i+j].w != n.words[j] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if len(n.words) > best {
				best, ids = len(n.words), ids[:0]
			}
			if !containsID(ids, n.id) {
				ids = append(ids, n.id)
			}
		}
		if best == 0 {
			i++
			continue
		}
		span, ok := origSpan(mapping, words[i].start, words[i+best-1].end)
		if ok {
			for _, id := range ids {
				out = append(out, Match{ID: id, Span: span, Text: string(orig[span.Start:span.End])})
			}
		}
		i += best
	}
	return out
}

func containsID(ids []app.ID, id app.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// splitFolded splits a folded string (single spaces between words) into
// words with their rune positions.
func splitFolded(s string) []foldedWord {
	var out []foldedWord
	pos, start := 0, -1
	var b strings.Builder
	for _, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, foldedWord{w: b.String(), start: start, end: pos})
				b.Reset()
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			}
			b.WriteRune(r)
		}
		pos++
	}
	if start >= 0 {
		out = append(out, foldedWord{w: b.String(), start: start, end: pos})
	}
	return out
}

// origSpan maps folded runes [from, to) back to the span of the original
// they stand for.
func origSpan(m Mapping, from, to int) (app.Span, bool) {
	s := app.Span{Start: -1, End: -1}
	for i := from; i < to && i < len(m); i++ {
		if m[i].End <= m[i].Start {
			continue
		}
		if s.Start < 0 || m[i].Start < s.Start {
			s.Start = m[i].Start
		}
		if m[i].End > s.End {
			s.End = m[i].End
		}
	}
	return s, s.Start >= 0 && s.End > s.Start
}
