package search

import (
	"slices"
	"sort"

	"github.com/evidence-workbench/workbench/app/names"
)

// Result is one item found.
type Result struct {
	Item
	// Score orders results, higher first: the tier of the match in the
	// millions (5 whole key, 4 key prefix, 3 word prefix, 2 every word of
	// the item is in the query, 1 approximate: sahilm's fuzzy match or a
	// word prefix with a typo), then how good the match is within its
	// tier. Scores compare only within one query.
	Score int
	// Matched holds the rune indexes into Item.Text of the characters the
	// query matched, ascending, for highlighting.
	Matched []int
}

// Group is the results of one kind.
type Group struct {
	Kind    string
	Results []Result
}

// Search returns up to limit items matching query, best first, one per
// Kind and ID. A query without letters or digits finds nothing.
func (ix *Index) Search(query string, limit int) []Result {
	if limit <= 0 {
		return nil
	}
	qu := newQuery(query)
	if qu.q == "" {
		return nil
	}
	return ix.results(ix.find(qu, limit, false)[0])
}

// SearchGrouped returns up to perKind results of each kind, the kinds
// ordered by their best result.
func (ix *Index) SearchGrouped(query string, perKind int) []Group {
	if perKind <= 0 {
		return nil
	}
	qu := newQuery(query)
	if qu.q == "" {
		return nil
	}
	var groups []Group
	var heads []cand
	for k, b := range ix.find(qu, perKind, true) {
		rs := ix.results(b)
		if len(rs) == 0 {
			continue
		}
		groups = append(groups, Group{Kind: ix.kinds[k], Results: rs})
		heads = append(heads, b.c[0])
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return ix.better(&heads[order[i]], &heads[order[j]]) })
	out := make([]Group, len(groups))
	for i, o := range order {
		out[i] = groups[o]
	}
	return out
}

// find runs the stages, each only while a page is not full, and returns
// one bucket (or one per kind).
func (ix *Index) find(qu query, limit int, perKind bool) []*bucket {
	nb := 1
	if perKind {
		nb = len(ix.kinds)
	}
	buckets := make([]*bucket, nb)
	for i := range buckets {
		buckets[i] = &bucket{ix: ix, limit: limit}
	}
	bucketOf := func(item int32) *bucket {
		if perKind {
			return buckets[ix.kind[item]]
		}
		return buckets[0]
	}
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	clear(sc.dist)
	ix.wordStage(qu, sc, bucketOf)
	if anyOpen(buckets) {
		ix.withinStage(qu.words, buckets, bucketOf)
	}
	if anyOpen(buckets) {
		ix.typoStage(qu.q, bucketOf)
		ix.fuzzyStage(qu, sc, buckets, bucketOf)
	}
	return buckets
}

// results sorts a bucket best first and turns it into Results with the
// matched runes of each display text.
func (ix *Index) results(b *bucket) []Result {
	slices.SortFunc(b.c, func(x, y cand) int {
		switch {
		case ix.better(&x, &y):
			return -1
		case ix.better(&y, &x):
			return 1
		}
		return 0
	})
	if len(b.c) == 0 {
		return nil
	}
	out := make([]Result, len(b.c))
	for n, c := range b.c {
		it := ix.items[c.item]
		key, m := names.MapKey(it.Text)
		var offs []int
		switch {
		case c.tier == tierWithin: // the whole name is in the query
			for i := 0; i < len(key); i++ {
				if key[i] != ' ' {
					offs = append(offs, i)
				}
			}
		case c.idx != nil: // sahilm's byte offsets
			offs = c.idx
		default:
			for i, j := wordOffset(key, int(c.wi)), 0; i < len(key) && j < int(c.n); i++ {
				if key[i] != ' ' {
					offs = append(offs, i)
					j++
				}
			}
		}
		out[n] = Result{Item: it, Score: score(ix, &c), Matched: m.Bytes(key, offs)}
	}
	return out
}

// score condenses a candidate's rank into one number (see Result.Score).
func score(ix *Index, c *cand) int {
	sub := 500_000 - min(int(c.dist), 99)*1000 - min(int(ix.klen[c.item]), 999)
	if c.whole {
		sub += 100_000
	}
	if c.tier <= tierWithin {
		sub = 500_000 - min(int(c.dist), 99)*1000 + min(max(c.score, -499), 499)
	}
	return int(c.tier)*1_000_000 + sub
}
