package anchor

// Bounded approximate string matching with Myers' bit-parallel algorithm
// (G. Myers, "A fast bit-vector algorithm for approximate string matching
// based on dynamic programming", JACM 1999), in the block form for patterns
// longer than 64 runes. One pass over n runes costs O(n * ceil(m/64)) word
// operations, so a 200-rune quote is matched against a 100,000-word article
// in a few milliseconds.
//
// Column j of the dynamic programme holds D(i, j), the edit distance
// (Levenshtein: insertions, deletions, substitutions, each cost 1) between
// the first i pattern runes and text ending at j. Two boundary rows are used:
//
//   - search:   D(0, j) = 0, so the last row is the best distance of the whole
//     pattern to any text substring ending at j;
//   - anchored: D(0, j) = j, so the last row is the distance of the whole
//     pattern to text[0:j] (the match must start at the first text rune).

const wordBits = 64

// pattern holds the match masks of one pattern: for each distinct rune, one
// bit per pattern position, in blocks of 64.
type pattern struct {
	m      int
	blocks int
	ascii  [128]int32     // rune < 128 -> row index in peq (0: no match)
	other  map[rune]int32 // any other rune -> row index in peq
	peq    []uint64       // rows of blocks words; row 0 is all zero
}

func newPattern(p []rune) *pattern {
	pt := &pattern{m: len(p), blocks: (len(p) + wordBits - 1) / wordBits}
	pt.peq = make([]uint64, pt.blocks) // row 0: runes absent from the pattern
	for i, r := range p {
		row := pt.row(r)
		if row == 0 {
			row = int32(len(pt.peq) / pt.blocks)
			pt.peq = append(pt.peq, make([]uint64, pt.blocks)...)
			if r >= 0 && r < 128 {
				pt.ascii[r] = row
			} else {
				if pt.other == nil {
					pt.other = make(map[rune]int32)
				}
				pt.other[r] = row
			}
		}
		pt.peq[int(row)*pt.blocks+i/wordBits] |= 1 << uint(i%wordBits)
	}
	return pt
}

func (pt *pattern) row(r rune) int32 {
	if r >= 0 && r < 128 {
		return pt.ascii[r]
	}
	return pt.other[r] // nil map reads as 0
}

// eq returns the match mask of rune r for block b.
func (pt *pattern) eq(r rune, b int) uint64 {
	return pt.peq[int(pt.row(r))*pt.blocks+b]
}

// scanner runs the dynamic programme column by column.
type scanner struct {
	pt       *pattern
	pv, mv   []uint64
	score    int
	anchored bool
	lastBit  uint64
}

func newScanner(pt *pattern, anchored bool) *scanner {
	s := &scanner{pt: pt, pv: make([]uint64, pt.blocks), mv: make([]uint64, pt.blocks), anchored: anchored}
	if pt.m > 0 {
		s.lastBit = 1 << uint((pt.m-1)%wordBits)
	}
	s.reset()
	return s
}

// reset starts again before the first text rune: D(i, 0) = i.
func (s *scanner) reset() {
	for b := range s.pv {
		s.pv[b] = ^uint64(0)
		s.mv[b] = 0
	}
	s.score = s.pt.m
}

// step consumes one text rune and returns the distance of the whole pattern
// at the new column.
func (s *scanner) step(r rune) int {
	pt := s.pt
	hin := 0
	if s.anchored {
		hin = 1
	}
	row := int(pt.row(r)) * pt.blocks
	last := pt.blocks - 1
	for b := 0; b <= last; b++ {
		eq := pt.peq[row+b]
		pv, mv := s.pv[b], s.mv[b]
		xv := eq | mv
		if hin < 0 {
			eq |= 1
		}
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		high := uint64(1) << (wordBits - 1)
		if b == last {
			high = s.lastBit
		}
		hout := 0
		if ph&high != 0 {
			hout = 1
		} else if mh&high != 0 {
			hout = -1
		}
		ph <<= 1
		mh <<= 1
		if hin < 0 {
			mh |= 1
		} else if hin > 0 {
			ph |= 1
		}
		s.pv[b] = mh | ^(xv | ph)
		s.mv[b] = ph & xv
		hin = hout
	}
	s.score += hin
	return s.score
}

// endMatch is a text position where a pattern match ends (exclusive) with
// its distance.
type endMatch struct {
	end  int32
	dist int32
}

// searchMinima scans text for the pattern and returns every end position
// whose distance is at most k and is a local minimum along the text (the
// last position of a plateau of equal distances that the next column
// exceeds). Neighbouring ends of one match share the minimum, so each match
// is reported once, at its best end.
func searchMinima(pt *pattern, text []rune, k int) []endMatch {
	var out []endMatch
	if pt.m == 0 {
		return out
	}
	pending, pendingD := -1, 0
	prev := pt.m
	if pt.blocks == 1 {
		// The single-word case inlined: most quotes and every context are
		// shorter than 64 runes.
		peq, ascii, other := pt.peq, &pt.ascii, pt.other
		pv, mv := ^uint64(0), uint64(0)
		score := pt.m
		high := uint64(1) << uint(pt.m-1)
		for j, r := range text {
			var eq uint64
			if uint32(r) < 128 {
				eq = peq[ascii[r]]
			} else {
				eq = peq[other[r]]
			}
			xv := eq | mv
			xh := (((eq & pv) + pv) ^ pv) | eq
			ph := mv | ^(xh | pv)
			mh := pv & xh
			if ph&high != 0 {
				score++
			} else if mh&high != 0 {
				score--
			}
			ph <<= 1
			mh <<= 1
			pv = mh | ^(xv | ph)
			mv = ph & xv
			if score < prev {
				pending, pendingD = j, score
			} else if score == prev {
				if pending >= 0 {
					pending = j
				}
			} else if pending >= 0 {
				if pendingD <= k {
					out = append(out, endMatch{end: int32(pending + 1), dist: int32(pendingD)})
				}
				pending = -1
			}
			prev = score
		}
	} else {
		sc := newScanner(pt, false)
		for j, r := range text {
			score := sc.step(r)
			if score < prev {
				pending, pendingD = j, score
			} else if score == prev {
				if pending >= 0 {
					pending = j
				}
			} else if pending >= 0 {
				if pendingD <= k {
					out = append(out, endMatch{end: int32(pending + 1), dist: int32(pendingD)})
				}
				pending = -1
			}
			prev = score
		}
	}
	if pending >= 0 && pendingD <= k {
		out = append(out, endMatch{end: int32(pending + 1), dist: int32(pendingD)})
	}
	return out
}

// bestPrefix returns the smallest distance between the whole pattern and a
// prefix text[0:j] of text, and the j that reaches it (of several, the one
// closest to want). It is how a match is extended from a fixed end: run on
// reversed runes it finds where a match ending at a known position starts,
// and on context it measures how well the old prefix or suffix still fits.
func bestPrefix(sc *scanner, text []rune, want int) (dist, length int) {
	sc.reset()
	dist, length = sc.pt.m, 0 // D(m, 0) = m: the empty prefix
	for j, r := range text {
		d := sc.step(r)
		if d < dist || d == dist && abs(j+1-want) < abs(length-want) {
			dist, length = d, j+1
		}
	}
	return dist, length
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
