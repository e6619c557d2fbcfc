package anchor

import (
	"sort"

	"github.com/evidence-workbench/workbench/app"
)

// Re-anchoring with the old text. Every real caller knows the text the
// claims were anchored on, and the edit script between it and the new text
// (diff.go) says where each old rune went: a claim whose runes stand in
// unchanged text is carried to their new place directly, with no search
// and so no chance of taking a copy of its words for it, however little of
// its context is left. The edit script is trusted only where every
// shortest script would agree (runs.go: chance matches, slides and the
// edges of replacements are left out); text that moved is found by a
// second diff of what was deleted against what was inserted. A claim is
// carried when at least half of its runes stand at one place (what
// TestReanchorReport calls findable) and the span from the first of them
// to the last still reads as the quote: at most half its length in edits,
// the fuzzy search's budget, and no edit at all in a quote of fewer than
// minFuzzy runes. Any other claim is re-anchored by Text.Reanchor as if the
// old text were unknown.

// ReanchorFrom places every anchor of olds, taken on oldText, on the
// prepared new text, following the edit between the two texts: claims
// whose words stand in unchanged text are carried there directly, the
// others are looked for as Reanchor does. Results are in the order of
// olds. An anchor that does not hold its quote at its offsets in oldText
// (a claim orphaned by an earlier edit) is looked for as by Reanchor. The
// diff costs a few milliseconds for a 100,000-word text with a few edits,
// and its work is bounded (diffWork) whatever the texts.
func (t *Text) ReanchorFrom(oldText string, olds []app.Anchor) []Result {
	ch := t.changeFrom(oldText)
	out := make([]Result, len(olds))
	for i, old := range olds {
		out[i] = ch.reanchor(old)
	}
	return out
}

// change is the edit from an old text to a prepared new one. Texts are
// compared without carriage returns (a re-import with other line endings
// changes nothing), so offsets of the comparison ("compared" runes) differ
// from text offsets when a text holds any.
type change struct {
	t    *Text
	old  []rune
	oldX []int32 // oldX[k] is the old text offset of compared rune k; nil: the same
	newX []int32 // newX[k] likewise for the new text
	runs []run   // in order of old offsets, none overlapping another there
}

// changeFrom diffs oldText against t and keeps the certain runs, those
// left in place and those moved.
func (t *Text) changeFrom(oldText string) *change {
	old := []rune(oldText)
	oc, ox := comparable(old)
	nc, nx := comparable(t.runes)
	d := newDiffer()
	stay := settled(oc, nc, d.diffRunes(oc, nc))
	runs := append(unslid(oc, nc, stay), moved(d, oc, nc, stay)...)
	sort.Slice(runs, func(i, j int) bool { return runs[i].a < runs[j].a })
	return &change{t: t, old: old, oldX: ox, newX: nx, runs: runs}
}

// comparable returns text without carriage returns, and the text offset of
// each rune kept (nil when there was none to drop).
func comparable(text []rune) ([]rune, []int32) {
	n := 0
	for _, r := range text {
		if r == '\r' {
			n++
		}
	}
	if n == 0 {
		return text, nil
	}
	out := make([]rune, 0, len(text)-n)
	at := make([]int32, 0, len(text)-n)
	for i, r := range text {
		if r != '\r' {
			out = append(out, r)
			at = append(at, int32(i))
		}
	}
	return out, at
}

// compared converts a text offset into the offset of the first compared
// rune at or after it.
func compared(x []int32, at int) int {
	if x == nil {
		return at
	}
	return sort.Search(len(x), func(k int) bool { return int(x[k]) >= at })
}

// textAt converts a compared offset into a text offset.
func textAt(x []int32, k int) int {
	if x == nil {
		return k
	}
	return int(x[k])
}

// anchorOld builds the anchor of span s of the old text, as app.NewAnchor
// does; ok is false for a span outside it or empty.
func (ch *change) anchorOld(s app.Span) (a app.Anchor, ok bool) {
	if s.Start < 0 || s.End > len(ch.old) || s.Start >= s.End {
		return app.Anchor{}, false
	}
	from := max(0, s.Start-app.AnchorContext)
	to := min(len(ch.old), s.End+app.AnchorContext)
	return app.Anchor{
		Span:   s,
		Exact:  string(ch.old[s.Start:s.End]),
		Prefix: string(ch.old[from:s.Start]),
		Suffix: string(ch.old[s.End:to]),
	}, true
}

// holds reports whether old sits at its offsets in the old text.
func (ch *change) holds(old app.Anchor) bool {
	if old.Start < 0 || old.End > len(ch.old) || old.Start >= old.End {
		return false
	}
	i := old.Start
	for _, r := range old.Exact {
		if i >= old.End || ch.old[i] != r {
			return false
		}
		i++
	}
	return i == old.End
}

// reanchor places one old anchor: by the edit when its runes stand, by
// search otherwise.
func (ch *change) reanchor(old app.Anchor) Result {
	if s, ok := ch.follow(old); ok {
		t := ch.t
		c := newClaim(clean(old))
		m := len(c.quote)
		if s.Len() <= m+m/2 {
			// A quote of a few runes is taken only intact: one changed
			// rune in three is as likely chance ("for" cut to "fo", then a
			// typo making it "fr") as the quote's own remains.
			if dist := c.distance(t, s); 2*dist <= m && (dist == 0 || m >= minFuzzy) {
				cd := c.evaluate(t, s, dist)
				method := Fuzzy
				switch {
				case dist > 0:
				case s.Start == old.Start:
					method = Position
				default:
					method = Quote
				}
				return t.placed(method, cd)
			}
		}
	}
	return ch.t.Reanchor(old)
}

// follow maps the claim's span through the edit: from the first of its
// runes in a certain run to the last, at the place most of them went (a
// move may have carried part of the claim elsewhere), widened over the
// claim's own runes next to it that the edit left unsure (a slide). ok is
// false when less than half of the claim's runes stayed there (chance
// edges of runs not counted).
func (ch *change) follow(old app.Anchor) (app.Span, bool) {
	if !ch.holds(old) {
		return app.Span{}, false
	}
	from, to := compared(ch.oldX, old.Start), compared(ch.oldX, old.End)
	m := to - from
	if m <= 0 {
		return app.Span{}, false
	}
	// Places the claim's runes went, each a series of runs in order with
	// gaps of at most m/2 between them: more inserted text than that, and
	// the span would not read as the quote. first and last are new offsets,
	// lead and trail the claim's runes (old offsets) before first's and
	// after last's.
	type place struct{ first, last, lead, trail, kept, strong int }
	var places []place
	runs := ch.runs
	k := sort.Search(len(runs), func(k int) bool { return runs[k].a+runs[k].n > from })
	for _, r := range runs[k:] {
		if r.a >= to {
			break
		}
		a, b := max(r.a, from), min(r.a+r.n, to)
		first, last := r.b+a-r.a, r.b+b-1-r.a
		kept := max(0, min(b, r.a+r.n-r.tail)-max(a, r.a+r.head))
		core := r.n - r.head - r.tail
		joined := false
		for i := range places {
			if p := &places[i]; first > p.last && first-p.last-1 <= m/2 {
				p.last, p.trail, p.kept, p.strong, joined = last, to-b, p.kept+kept, max(p.strong, core), true
				break
			}
		}
		if !joined {
			places = append(places, place{first, last, a - from, to - b, kept, core})
		}
	}
	best := -1
	for i, p := range places {
		if best < 0 || p.kept > places[best].kept {
			best = i
		}
	}
	if best < 0 || 2*places[best].kept < m || places[best].strong < minStrong {
		return app.Span{}, false
	}
	p := places[best]
	s := app.Span{Start: textAt(ch.newX, p.first), End: textAt(ch.newX, p.last) + 1}
	// The claim's runes left out at either end, in text offsets.
	lead := textAt(ch.oldX, from+p.lead) - old.Start
	trail := old.End - 1 - textAt(ch.oldX, to-1-p.trail)
	runes := ch.t.runes
	for ; lead > 0 && s.Start > 0 && runes[s.Start-1] == ch.old[old.Start+lead-1]; lead-- {
		s.Start--
	}
	for ; trail > 0 && s.End < len(runes) && runes[s.End] == ch.old[old.End-trail]; trail-- {
		s.End++
	}
	return s, true
}
