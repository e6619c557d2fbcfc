package widgets

import (
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
)

// findState is the current find: its hits and which one is current.
type findState struct {
	query string
	lower []rune // the text lower-cased rune by rune, built on first use
	hits  []Span
	cur   int
}

// Find marks every case-insensitive occurrence of query, makes the first
// one at or after the top of the view the current hit, scrolls to it and
// returns the number of hits. An empty query clears the find.
func (r *Reader) Find(query string) int {
	r.find.query = query
	r.find.hits = r.find.hits[:0]
	r.find.cur = -1
	q := []rune(query)
	if len(q) > 0 && len(q) <= len(r.runes) {
		if r.find.lower == nil {
			r.find.lower = make([]rune, len(r.runes))
			for i, c := range r.runes {
				r.find.lower[i] = unicode.ToLower(c)
			}
		}
		for i, c := range q {
			q[i] = unicode.ToLower(c)
		}
		r.find.hits = findAll(r.find.lower, q, r.runes)
	}
	if len(r.find.hits) > 0 {
		top := r.OffsetAt(fyne.NewPos(0, 0))
		r.find.cur = sort.Search(len(r.find.hits), func(i int) bool { return r.find.hits[i].Start >= top })
		if r.find.cur == len(r.find.hits) {
			r.find.cur = 0
		}
		r.ScrollToOffset(r.find.hits[r.find.cur].Start)
	}
	if r.rend != nil {
		r.rend.rebuild(false)
	}
	return len(r.find.hits)
}

// findAll returns the non-overlapping matches of q in lower that start and
// end on grapheme boundaries of rs.
func findAll(lower, q, rs []rune) []Span {
	var hits []Span
	last := len(lower) - len(q)
	for i := 0; i <= last; i++ {
		if lower[i] != q[0] {
			continue
		}
		j := 1
		for j < len(q) && lower[i+j] == q[j] {
			j++
		}
		if j == len(q) && isGraphemeBoundary(rs, i) && isGraphemeBoundary(rs, i+len(q)) {
			hits = append(hits, Span{i, i + len(q)})
			i += len(q) - 1
		}
	}
	return hits
}

// FindNext makes the next hit current (wrapping around) and scrolls to it.
func (r *Reader) FindNext() { r.stepFind(1) }

// FindPrev makes the previous hit current (wrapping around) and scrolls to it.
func (r *Reader) FindPrev() { r.stepFind(-1) }

func (r *Reader) stepFind(d int) {
	n := len(r.find.hits)
	if n == 0 {
		return
	}
	r.find.cur = ((r.find.cur+d)%n + n) % n
	r.ScrollToOffset(r.find.hits[r.find.cur].Start)
	if r.rend != nil {
		r.rend.rebuild(false)
	}
}

// FindHits returns the spans of the current find's hits.
func (r *Reader) FindHits() []Span { return append([]Span(nil), r.find.hits...) }

// FindIndex returns the index of the current hit in FindHits, or -1.
func (r *Reader) FindIndex() int { return r.find.cur }
