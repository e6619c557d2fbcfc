package search

// Match tiers, worst first. A tier is only searched when the better ones
// left the page unfilled, so every result of a tier ranks above every
// result of the tiers after it.
const (
	tierApprox = iota + 1 // sahilm's fuzzy match, or a word start with a typo
	tierWithin            // every word of the key is a word of the query
	tierWord              // a word of the key starts with the query
	tierPrefix            // the key starts with the query
	tierExact             // the key is the query
)

// cand is an item that matched, with what ranks it.
type cand struct {
	item  int32
	tier  int8
	whole bool // the match ends where a word ends
	// crossing: the match runs over more than one word of the key
	crossing bool
	dist     int32 // spelling distance: bare words against the query's, or the cost of the edits
	score    int   // sahilm's score, or for tierWithin the letters covered
	wi       int32 // the key word the match starts in (word tiers, typos)
	n        int32 // how many key letters matched from there (word tiers, typos)
	idx      []int // sahilm's matched byte offsets in the key (fuzzy matches)
}

// better reports whether a ranks before b: tier, then a match of whole
// words, then closeness of spelling, then sahilm's score, then the shorter
// key and the shorter text.
func (ix *Index) better(a, b *cand) bool {
	if a.tier != b.tier {
		return a.tier > b.tier
	}
	if a.whole != b.whole {
		return a.whole
	}
	if a.dist != b.dist {
		return a.dist < b.dist
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if ka, kb := ix.klen[a.item], ix.klen[b.item]; ka != kb {
		return ka < kb
	}
	if ta, tb := ix.tlen[a.item], ix.tlen[b.item]; ta != tb {
		return ta < tb
	}
	return a.item < b.item
}

// bucket keeps the best candidates, one per group (Kind and ID), as a heap
// with the worst on top.
type bucket struct {
	ix    *Index
	limit int
	c     []cand
}

// full reports whether the bucket holds a page of results.
func (b *bucket) full() bool { return len(b.c) >= b.limit }

// offer adds c if it ranks among the best, replacing a worse candidate of
// the same group if there is one.
func (b *bucket) offer(c cand) {
	full := b.full()
	if full && !b.ix.better(&c, &b.c[0]) {
		return
	}
	g := b.ix.group[c.item]
	for i := range b.c {
		if b.ix.group[b.c[i].item] == g {
			if b.ix.better(&c, &b.c[i]) {
				b.c[i] = c
				b.down(i) // it got better: in a worst-on-top heap it sinks
			}
			return
		}
	}
	if !full {
		b.c = append(b.c, c)
		b.up(len(b.c) - 1)
		return
	}
	b.c[0] = c
	b.down(0)
}

// worse reports whether heap slot i ranks after slot j.
func (b *bucket) worse(i, j int) bool { return b.ix.better(&b.c[j], &b.c[i]) }

func (b *bucket) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !b.worse(i, p) {
			return
		}
		b.c[i], b.c[p] = b.c[p], b.c[i]
		i = p
	}
}

func (b *bucket) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(b.c) {
			return
		}
		w := l
		if r := l + 1; r < len(b.c) && b.worse(r, l) {
			w = r
		}
		if !b.worse(w, i) {
			return
		}
		b.c[i], b.c[w] = b.c[w], b.c[i]
		i = w
	}
}
