package anchor

import (
	"encoding/binary"
	"unicode"
)

// The edit script between an old text and a new one: which runs of runes
// the edit left in place. It is computed with Myers' O(ND) difference
// algorithm (E. Myers, "An O(ND) difference algorithm and its variations",
// Algorithmica 1986) in its linear-space form (the middle snake), in three
// passes of finer grain so that a 100,000-word text costs milliseconds:
// lines first; then, inside each block of changed lines, words, spaces and
// punctuation; then runes inside each block of changed tokens. Each pass
// strips the common head and tail of its block first. Work is bounded
// (diffWork steps of the algorithm, diffMaxD edits per block at any grain):
// a block beyond the bound is left as changed, with nothing matched in it,
// and its claims are re-anchored by search as if no old text were known.

const (
	// diffWork bounds the steps of the whole diff, moves included (a few
	// nanoseconds each): about 200 ms at worst, whatever the texts.
	diffWork = 40_000_000
	// diffMaxD bounds the edits one block may hold at any grain.
	diffMaxD = 8192
)

// segment says that old[a:a+n] and new[b:b+n] are the same runes, left in
// place by the edit.
type segment struct{ a, b, n int }

// differ holds the diff's state: the work left and the segments found.
type differ struct {
	work int
	out  []segment
	ids  map[string]int32 // lines and tokens, interned
	key  []byte           // scratch for intern
	// coarsest: blocks of changed tokens are left as they are.
	coarsest bool
}

// newDiffer starts a diff with the whole work bound.
func newDiffer() *differ { return &differ{work: diffWork, ids: map[string]int32{}} }

// diffRunes returns the runs of runes that old and new share in place, in
// order, adjacent runs merged, down to single runes.
func (d *differ) diffRunes(old, new []rune) []segment {
	d.out, d.coarsest = nil, false
	d.lines(old, new, 0, 0)
	return d.out
}

// diffTokens is diffRunes down to whole tokens only: enough to find
// passages that moved, at a fraction of the cost.
func (d *differ) diffTokens(old, new []rune) []segment {
	d.out, d.coarsest = nil, true
	d.lines(old, new, 0, 0)
	return d.out
}

// emit records old[a:a+n] == new[b:b+n], merged with the run before it when
// the two touch.
func (d *differ) emit(a, b, n int) {
	if n <= 0 {
		return
	}
	if k := len(d.out) - 1; k >= 0 {
		if l := &d.out[k]; l.a+l.n == a && l.b+l.n == b {
			l.n += n
			return
		}
	}
	d.out = append(d.out, segment{a, b, n})
}

// unit is one line or token: its rune range in its text.
type unit struct{ from, to int }

// lines diffs old and new (at offsets ao, bo of the whole texts) line by
// line, and the blocks of changed lines token by token.
func (d *differ) lines(old, new []rune, ao, bo int) {
	d.coarse(old, new, ao, bo, splitLines, d.tokens)
}

// tokens diffs a block token by token, and the blocks of changed tokens
// rune by rune.
func (d *differ) tokens(old, new []rune, ao, bo int) {
	d.coarse(old, new, ao, bo, splitTokens, d.runes)
}

// runes diffs a block rune by rune.
func (d *differ) runes(old, new []rune, ao, bo int) {
	if d.coarsest {
		return
	}
	for _, r := range d.lcs(old, new, nil) {
		d.emit(ao+r.a, bo+r.b, r.n)
	}
}

// coarse diffs old and new by the units split cuts them into, and hands
// each block of changed units to finer.
func (d *differ) coarse(old, new []rune, ao, bo int, split func([]rune) []unit, finer func(old, new []rune, ao, bo int)) {
	head := commonPrefix(old, new)
	d.emit(ao, bo, head)
	old, new, ao, bo = old[head:], new[head:], ao+head, bo+head
	tail := commonSuffix(old, new)
	defer d.emit(ao+len(old)-tail, bo+len(new)-tail, tail)
	old, new = old[:len(old)-tail], new[:len(new)-tail]
	if len(old) == 0 || len(new) == 0 {
		return
	}
	ou, nu := split(old), split(new)
	if len(ou) <= 1 && len(nu) <= 1 {
		finer(old, new, ao, bo)
		return
	}
	// Matched units, in runes, less those no longer than the changes on
	// both sides (a blank line between two rewritten paragraphs): kept,
	// they would cut a block apart before the finer pass could match its
	// halves across them.
	oi, ni := d.intern(old, ou), d.intern(new, nu)
	var runs []segment
	for _, r := range d.lcs(oi, ni, nil) {
		fo, fn := ou[r.a].from, nu[r.b].from
		runs = append(runs, segment{fo, fn, ou[r.a+r.n-1].to - fo})
	}
	i, j := 0, 0 // runes matched up to here
	for _, r := range semantic(runs, len(old), len(new)) {
		if r.a > i && r.b > j {
			finer(old[i:r.a], new[j:r.b], ao+i, bo+j)
		}
		d.emit(ao+r.a, bo+r.b, r.n)
		i, j = r.a+r.n, r.b+r.n
	}
	if len(old) > i && len(new) > j {
		finer(old[i:], new[j:], ao+i, bo+j)
	}
}

// intern gives each unit of text an id, the same for the same runes. The
// key is the runes' bits, so that the sentinels moved puts between pieces
// of text, which are no runes, stay unequal to each other and to U+FFFD.
func (d *differ) intern(text []rune, us []unit) []int32 {
	out := make([]int32, len(us))
	for k, u := range us {
		d.key = d.key[:0]
		for _, r := range text[u.from:u.to] {
			d.key = binary.LittleEndian.AppendUint32(d.key, uint32(r))
		}
		id, ok := d.ids[string(d.key)]
		if !ok {
			id = int32(len(d.ids))
			d.ids[string(d.key)] = id
		}
		out[k] = id
	}
	return out
}

// splitLines cuts text into lines, each with its newline.
func splitLines(text []rune) []unit {
	var out []unit
	from := 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, unit{from, i + 1})
			from = i + 1
		}
	}
	if from < len(text) {
		out = append(out, unit{from, len(text)})
	}
	return out
}

// splitTokens cuts text into words (letters, digits and marks) and single
// other runes, each with the spaces after it: a space is never a token of
// its own, or a line of new words would match the spaces of any old text
// token for token, before the words themselves.
func splitTokens(text []rune) []unit {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	var out []unit
	for i := 0; i < len(text); {
		j := i + 1
		if word(text[i]) {
			for j < len(text) && word(text[j]) {
				j++
			}
		}
		for j < len(text) && unicode.IsSpace(text[j]) {
			j++
		}
		out = append(out, unit{i, j})
		i = j
	}
	return out
}

func commonPrefix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func commonSuffix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}

// lcs appends to out the runs a longest common subsequence of x and y
// keeps, in order (offsets within x and y). A part beyond the work bound
// keeps nothing.
func (d *differ) lcs(x, y []int32, out []segment) []segment {
	head := commonPrefix(x, y)
	if head > 0 {
		out = append(out, segment{0, 0, head})
	}
	xm, ym := x[head:], y[head:]
	tail := commonSuffix(xm, ym)
	xm, ym = xm[:len(xm)-tail], ym[:len(ym)-tail]
	if len(xm) > 0 && len(ym) > 0 {
		if sx, sy, ok := d.bisect(xm, ym); ok && sx+sy > 0 && sx+sy < len(xm)+len(ym) {
			for _, r := range d.lcs(xm[:sx], ym[:sy], nil) {
				out = append(out, segment{head + r.a, head + r.b, r.n})
			}
			for _, r := range d.lcs(xm[sx:], ym[sy:], nil) {
				out = append(out, segment{head + sx + r.a, head + sy + r.b, r.n})
			}
		}
	}
	if tail > 0 {
		out = append(out, segment{len(x) - tail, len(y) - tail, tail})
	}
	return out
}

// bisect finds the middle snake of x and y, whose first and last elements
// differ, and returns a point on it that splits both into two smaller
// problems. ok is false when the work bound or diffMaxD is reached first,
// or when the sequences share nothing.
func (d *differ) bisect(x, y []int32) (sx, sy int, ok bool) {
	n, m := len(x), len(y)
	maxD := min((n+m+1)/2, diffMaxD)
	off := maxD + 1
	v1 := make([]int, 2*off+1)
	v2 := make([]int, 2*off+1)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // the forward path meets the reverse one
	k1lo, k1hi, k2lo, k2hi := 0, 0, 0, 0
	for e := 0; e < maxD; e++ {
		if d.work -= 4*e + 2; d.work < 0 {
			return 0, 0, false
		}
		for k1 := -e + k1lo; k1 <= e-k1hi; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -e || k1 != e && v1[i-1] < v1[i+1] {
				x1 = v1[i+1]
			} else {
				x1 = v1[i-1] + 1
			}
			y1 := x1 - k1
			start := x1
			for x1 < n && y1 < m && x[x1] == y[y1] {
				x1++
				y1++
			}
			d.work -= x1 - start
			v1[i] = x1
			switch {
			case x1 > n:
				k1hi += 2 // off the right edge
			case y1 > m:
				k1lo += 2 // off the bottom edge
			case front:
				if j := off + delta - k1; j >= 0 && j < len(v2) && v2[j] != -1 && x1 >= n-v2[j] {
					return x1, y1, true
				}
			}
		}
		for k2 := -e + k2lo; k2 <= e-k2hi; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -e || k2 != e && v2[i-1] < v2[i+1] {
				x2 = v2[i+1]
			} else {
				x2 = v2[i-1] + 1
			}
			y2 := x2 - k2
			start := x2
			for x2 < n && y2 < m && x[n-x2-1] == y[m-y2-1] {
				x2++
				y2++
			}
			d.work -= x2 - start
			v2[i] = x2
			switch {
			case x2 > n:
				k2hi += 2
			case y2 > m:
				k2lo += 2
			case !front:
				if j := off + delta - k2; j >= 0 && j < len(v1) && v1[j] != -1 {
					x1 := v1[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// semantic drops the runs that are no longer than the edit on either side
// of them (the longer of what it deleted and what it inserted), as
// diff-match-patch's semantic clean-up does: a replaced paragraph shares a
// phrase with its replacement ("in the operations"), a rewritten line a
// blank line with the next, and such a run is chance, not text that stayed
// (unless it holds minMoved runes or more: passages that long recur only
// when copied). Dropping a run merges the edits around it, which may make
// the runs before it droppable in turn; each run is kept or dropped once.
func semantic(segs []segment, oldLen, newLen int) []segment {
	out := make([]segment, 0, len(segs))
	// droppable: s, between the last run kept and (na, nb), where the next
	// run starts.
	droppable := func(s segment, kept []segment, na, nb int) bool {
		pa, pb := 0, 0
		if len(kept) > 0 {
			p := kept[len(kept)-1]
			pa, pb = p.a+p.n, p.b+p.n
		}
		return s.n < minMoved && s.n <= max(s.a-pa, s.b-pb) && s.n <= max(na-s.a-s.n, nb-s.b-s.n)
	}
	for i, s := range segs {
		na, nb := oldLen, newLen
		if i+1 < len(segs) {
			na, nb = segs[i+1].a, segs[i+1].b
		}
		if !droppable(s, out, na, nb) {
			out = append(out, s)
			continue
		}
		for len(out) > 0 && droppable(out[len(out)-1], out[:len(out)-1], na, nb) {
			out = out[:len(out)-1]
		}
	}
	return out
}
