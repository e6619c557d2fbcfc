package anchor

import (
	"slices"
	"sort"
)

// Which runs of the edit script say where old runes went. A shortest edit
// script is one of many: where text repeats, or where a replacement and
// what it replaced share a word, another script as short would send the
// same old runes elsewhere. A run is trusted only as far as every such
// script agrees. Most rules below answer a misplacement that, without
// them, TestReanchorReport's scenarios, 40,000 more from other seeds or
// the property test (rapid, 44,000 more) found; the comments quote them.

const (
	// minSegment: an unchanged run shorter than this is taken for chance
	// (a letter or two of a replacement agreeing with what it replaced);
	// longer ones must also outlast the edits next to them (semantic).
	minSegment = 5
	// maxRecur bounds the runes weighed at a run's end by recurs.
	maxRecur = 64
	// minStrong: a claim is carried only to a place where one run holds
	// this many runes (its chance edges aside): two paragraphs that begin
	// alike ("Iraqi forces" and "Iraqi Forces") share a short run, and a
	// claim of a rune or two inside it would go with it.
	minStrong = 12
	// minMoved, minMovedUnique: a run of deleted text found again among
	// the inserted text (a move) must be minMoved runes long, or
	// minMovedUnique and found nowhere else in either text: phrases of a
	// dozen runes recur all over a news text ("of Al Qa'im"), passages of
	// 40 only when copied.
	minMoved       = 40
	minMovedUnique = 16
	// movePasses bounds the searches for moved text.
	movePasses = 4
	// edgeRunes, edgeLineRunes: next to a replacement (text deleted and
	// other text inserted at one place), up to this many runes of a run
	// (and at most half the replacement's shorter side) may agree by
	// chance: a space or a common ending within a line, and where the
	// replacement spans lines (a paragraph moved away, another moved in)
	// the end or start of a sentence: paragraphs that end alike (".\n\n",
	// "officials said.") or begin alike ("The "). Such runes still place
	// the claim's span, but do not count as the claim's runes having
	// stayed.
	edgeRunes     = 4
	edgeLineRunes = 16
)

// run is a run of the edit script that says where old runes went: its
// head and tail runes may be chance agreement next to a replacement (see
// edgeRunes); the runes between them stayed.
type run struct {
	segment
	head, tail int
}

// settled drops the runs of segs that are chance: shorter than minSegment,
// or no longer than the edits on both sides of them.
func settled(old, new []rune, segs []segment) []segment {
	return semantic(long(segs, minSegment), len(old), len(new))
}

// long returns the runs of segs of at least n runes.
func long(segs []segment, n int) []segment {
	out := segs[:0:0]
	for _, s := range segs {
		if s.n >= n {
			out = append(out, s)
		}
	}
	return out
}

// unslid drops from each run of long (in order) the runes at either end
// that another edit script as short would match elsewhere (see recurs),
// and marks its chance edges.
func unslid(old, new []rune, long []segment) []run {
	out := make([]run, 0, len(long))
	for i, s := range long {
		pa, pb := 0, 0 // where the gap before s starts
		if i > 0 {
			p := long[i-1]
			pa, pb = p.a+p.n, p.b+p.n
		}
		na, nb := len(old), len(new) // where the gap after s ends
		if i+1 < len(long) {
			na, nb = long[i+1].a, long[i+1].b
		}
		ea, eb := s.a+s.n, s.b+s.n
		before := spansLines(old[pa:s.a], new[pb:s.b])
		after := spansLines(old[ea:na], new[eb:nb])
		head := max(recurs(old, pa, s.a, ea, before), recurs(new, pb, s.b, eb, before))
		tail := max(recursBack(old, s.a, ea, na, after), recursBack(new, s.b, eb, nb, after))
		if n := s.n - head - tail; n > 0 {
			r := run{segment: segment{s.a + head, s.b + head, n}}
			r.head = edge(old[pa:s.a], new[pb:s.b], n)
			r.tail = edge(old[ea:na], new[eb:nb], n)
			out = append(out, r)
		}
	}
	return out
}

// recurs returns how many runes at the head of text[at:end] another
// shortest edit script could match elsewhere: the length of the longest
// prefix of the run that also starts in the gap text[from:at] before it
// (running on into the run itself, as a deletion slides over repeated
// text). Within a line only a slide is weighed (the prefix starting where
// the gap does); where the gap spans lines (all), a start at any line of
// it too, as when whole lines were deleted one by one: "\nBy" after a
// deleted "Syria\n\nMaren Holloway", where the "\n" kept may as well be
// the one after "Syria" as the one after "Holloway". At most maxRecur
// runes are weighed.
func recurs(text []rune, from, at, end int, all bool) int {
	end = min(end, at+maxRecur)
	last := at
	if !all {
		last = min(at, from+1)
	}
	best := 0
	for p := from; p < last; p++ {
		if text[p] == text[at] && (p == from || text[p-1] == '\n' || text[p] == '\n') {
			best = max(best, commonPrefix(text[p:end], text[at:end]))
		}
	}
	return best
}

// recursBack is recurs for the tail of text[start:at] and the gap
// text[at:to] after it (ends of its lines).
func recursBack(text []rune, start, at, to int, all bool) int {
	start = max(start, at-maxRecur)
	first := at + 1
	if !all {
		first = max(at+1, to)
	}
	best := 0
	for q := first; q <= to; q++ {
		if text[q-1] == text[at-1] && (q == to || text[q] == '\n' || text[q-1] == '\n') {
			best = max(best, commonSuffix(text[start:q], text[start:at]))
		}
	}
	return best
}

// spansLines reports whether an edit that replaced del with ins spans
// lines: a newline on either side.
func spansLines(del, ins []rune) bool {
	return slices.Contains(del, '\n') || slices.Contains(ins, '\n')
}

// edge is how many runes of a run of n may agree by chance with the edit
// next to it, which replaced del with ins (see edgeRunes).
func edge(del, ins []rune, n int) int {
	if len(del) == 0 || len(ins) == 0 {
		return 0 // a pure deletion or insertion: slides are dropped already
	}
	most := edgeRunes
	if spansLines(del, ins) {
		most = edgeLineRunes
	}
	return min(most, min(len(del), len(ins))/2, n)
}

// Sentinels between the pieces of text moved compares: never equal to a
// rune, nor to each other.
const (
	oldGapEnd rune = -3
	newGapEnd rune = -4
)

// moved finds text that a move carried elsewhere, which the diff sees as a
// deletion and an insertion: it diffs what the edit deleted (the gaps
// between the runs that stayed, in order, each ended by a sentinel) against
// what it inserted, keeps the runs of that of minMoved runes or more (or
// minMovedUnique, found nowhere else), and repeats without them, up to
// movePasses times, for moves that cross each other. The runes at either
// end of a gap that the gap could slide over (a paragraph's closing
// ".\n\n" that the next one repeats) may have stayed where they were
// instead: they are left out.
func moved(d *differ, old, new []rune, stay []segment) []run {
	var out []run
	taken := append([]segment(nil), stay...)
	for pass := 0; pass < movePasses && d.work > 0; pass++ {
		sort.Slice(taken, func(i, j int) bool { return taken[i].a < taken[j].a })
		og := gaps(len(old), taken, func(s segment) int { return s.a })
		sort.Slice(taken, func(i, j int) bool { return taken[i].b < taken[j].b })
		ng := gaps(len(new), taken, func(s segment) int { return s.b })
		ol, ox := gather(old, og, oldGapEnd)
		nl, nx := gather(new, ng, newGapEnd)
		if len(ol) == 0 || len(nl) == 0 {
			break
		}
		found := 0
		for _, r := range unslid(ol, nl, long(widen(ol, nl, d.diffTokens(ol, nl)), minMovedUnique)) {
			if r.n < minMoved && !(once(old, ol[r.a:r.a+r.n]) && once(new, ol[r.a:r.a+r.n])) {
				continue
			}
			found++
			a, b := int(ox[r.a]), int(nx[r.b])
			taken = append(taken, segment{a, b, r.n})
			ha, ta := slid(old, og, a, r.n)
			hb, tb := slid(new, ng, b, r.n)
			head, tail := max(ha, hb), max(ta, tb)
			if n := r.n - head - tail; n > 0 {
				out = append(out, run{segment{a + head, b + head, n}, min(r.head, n), min(r.tail, n)})
			}
		}
		if found == 0 {
			break
		}
	}
	return out
}

// widen extends each run of segs (in order) over the equal runes next to
// it, up to its neighbours: the token diff moved uses stops at the first
// token that differs, a rune diff would not.
func widen(old, new []rune, segs []segment) []segment {
	out := append([]segment(nil), segs...)
	for i := range out {
		s := &out[i]
		pa, pb := 0, 0
		if i > 0 {
			pa, pb = out[i-1].a+out[i-1].n, out[i-1].b+out[i-1].n
		}
		for s.a > pa && s.b > pb && old[s.a-1] == new[s.b-1] {
			s.a, s.b, s.n = s.a-1, s.b-1, s.n+1
		}
		na, nb := len(old), len(new)
		if i+1 < len(out) {
			na, nb = out[i+1].a, out[i+1].b
		}
		for s.a+s.n < na && s.b+s.n < nb && old[s.a+s.n] == new[s.b+s.n] {
			s.n++
		}
	}
	return out
}

// once reports whether p occurs exactly once in text.
func once(text, p []rune) bool {
	n := 0
	for i := 0; i+len(p) <= len(text) && n < 2; i++ {
		if text[i] == p[0] && equalRunes(text[i:i+len(p)], p) {
			n++
		}
	}
	return n == 1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// gaps lists the parts of a text of n runes outside the runs of stay
// (start gives a run's start in this text), each non-empty.
func gaps(n int, stay []segment, start func(segment) int) []unit {
	var out []unit
	from := 0
	for _, s := range stay {
		if at := start(s); at > from {
			out = append(out, unit{from, at})
		}
		from = start(s) + s.n
	}
	if n > from {
		out = append(out, unit{from, n})
	}
	return out
}

// gather joins the gaps of text, each followed by the sentinel end, and
// gives the text offset of each rune gathered (-1 for a sentinel).
func gather(text []rune, gs []unit, end rune) ([]rune, []int32) {
	var out []rune
	var x []int32
	for _, g := range gs {
		out = append(out, text[g.from:g.to]...)
		for i := g.from; i < g.to; i++ {
			x = append(x, int32(i))
		}
		out = append(out, end)
		x = append(x, -1)
	}
	return out, x
}

// slid returns how many runes of the run text[at:at+n], which lies in one
// of gs, fall where its gap could slide: over the head of the gap when the
// gap's first runes repeat right after it, over its tail when its last
// runes repeat right before it.
func slid(text []rune, gs []unit, at, n int) (head, tail int) {
	k := sort.Search(len(gs), func(k int) bool { return gs[k].to > at })
	if k == len(gs) {
		return 0, 0
	}
	g := gs[k]
	right := commonPrefix(text[g.from:g.to], text[g.to:])
	left := commonSuffix(text[:g.from], text[g.from:g.to])
	head = min(max(g.from+right-at, 0), n)
	tail = min(max(at+n-(g.to-left), 0), n)
	return head, tail
}
