package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/sahilm/fuzzy"
)

// scratch is per-search working memory, pooled.
type scratch struct {
	seen  []uint32 // per group: == epoch when a better tier already holds it
	epoch uint32
	pre   []scored         // candidates for sahilm after the prefilter
	parts [][]scored       // the other workers' candidates
	dist  map[uint32]int32 // spelling distance by bare word (metaBare)
}

func newScratch(groups int) *scratch {
	return &scratch{seen: make([]uint32, groups), dist: map[uint32]int32{}}
}

// fuzzyStage runs sahilm over the items that hold the query's words in
// order, each within a short window. Its matches share the approximate tier
// with the typo search, ranked by the cost of the letters they skip: only
// the cheapest few are scored, which bounds the work on a common query
// ("militants killed" matches thousands of claims).
func (ix *Index) fuzzyStage(qu query, sc *scratch, buckets []*bucket, bucketOf func(int32) *bucket) {
	sc.epoch++
	if sc.epoch == 0 { // wrapped: start afresh
		clear(sc.seen)
		sc.epoch = 1
	}
	for _, b := range buckets {
		for _, c := range b.c {
			if c.tier > tierApprox {
				sc.seen[ix.group[c.item]] = sc.epoch
			}
		}
	}
	q := qu.q
	qmask := letterMask(q)
	perKind := len(buckets) > 1
	scan := func(from, to int, pre []scored) []scored {
		for i := from; i < to; i++ {
			if qmask&^ix.mask[i] != 0 || int(ix.klen[i]) < len(q) {
				continue
			}
			if perKind && bucketOf(int32(i)).full() {
				continue
			}
			if sc.seen[ix.group[i]] == sc.epoch {
				continue // already found by a better tier
			}
			if cost, start, end, ok := windowCost(ix.keys[i], qu.words); ok {
				pre = append(pre, scored{item: int32(i), cost: int32(cost), start: int32(start), end: int32(end)})
			}
		}
		return pre
	}
	// The scan reads every item: split it over the cores (it allocates
	// nothing and shares nothing it writes).
	n := len(ix.mask)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/parallelScan))
	for len(sc.parts) < workers {
		sc.parts = append(sc.parts, nil)
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc.parts[w] = scan(w*n/workers, (w+1)*n/workers, sc.parts[w][:0])
		}()
	}
	sc.pre = scan(0, n/workers, sc.pre[:0])
	wg.Wait()
	for w := 1; w < workers; w++ {
		sc.pre = append(sc.pre, sc.parts[w]...)
	}
	if len(sc.pre) == 0 {
		return
	}
	keep := 3*len(buckets)*buckets[0].limit + 32
	if len(sc.pre) > keep {
		slices.SortFunc(sc.pre, func(a, b scored) int {
			if a.cost != b.cost {
				return int(a.cost - b.cost)
			}
			if ka, kb := ix.klen[a.item], ix.klen[b.item]; ka != kb {
				return int(ka - kb)
			}
			return int(a.item - b.item)
		})
		sc.pre = sc.pre[:keep]
	}
	// sahilm scores and places the match inside the windows' span, so
	// that what is highlighted is what was ranked.
	for _, m := range fuzzy.FindFromNoSort(q, preSource{ix.keys, sc.pre}) {
		p := sc.pre[m.Index]
		for k := range m.MatchedIndexes {
			m.MatchedIndexes[k] += int(p.start)
		}
		bucketOf(p.item).offer(cand{item: p.item, tier: tierApprox, dist: p.cost, score: m.Score, idx: m.MatchedIndexes})
	}
}

// parallelScan is how many items make it worth another goroutine.
const parallelScan = 20000

// scored is a fuzzy candidate with the cost and byte span of its windows.
type scored struct {
	item       int32
	cost       int32
	start, end int32
}

func anyOpen(buckets []*bucket) bool {
	for _, b := range buckets {
		if !b.full() {
			return true
		}
	}
	return false
}

// preSource shows sahilm the keys of the prefiltered items.
type preSource struct {
	keys []string
	pre  []scored
}

// String is the part of the key the candidate's windows span.
func (s preSource) String(i int) string {
	p := s.pre[i]
	return s.keys[p.item][p.start : p.end+1]
}
func (s preSource) Len() int { return len(s.pre) }

// windowCost reports whether the query's words occur in key in order, each
// within a window of about one and a half times its length, what the
// letters skipped inside the windows cost, plus a consonant for every key
// word skipped between two of them, and the byte range the windows span.
func windowCost(key string, words []string) (cost, start, end int, ok bool) {
	pos := 0
	for i, w := range words {
		e, c, s, found := windowMatch(key, pos, w, len(w)+len(w)/2+3)
		if !found {
			return 0, 0, 0, false
		}
		if i == 0 {
			start = s
		} else {
			cost += costConsonant * strings.Count(key[pos:s], " ")
		}
		cost += c
		end, pos = e, e+1
	}
	return cost, start, end, true
}

// windowMatch finds the first occurrence of q's bytes in order in key from
// byte from on within a window of w bytes, and returns where it ends, the
// cost of the letters skipped (from the start of the word it begins in) and
// where it starts. A "match" strewn over a whole sentence is noise, and
// this check is far cheaper than scoring it. Each round finds the first
// occurrence from i by jumping with IndexByte, then walks back from its
// end to the latest start, which gives the narrowest window ending there.
func windowMatch(key string, from int, q string, w int) (end, cost, start int, ok bool) {
	if len(q) == 0 {
		return from - 1, 0, from, true
	}
	for i := from; ; {
		j := i
		for k := 0; k < len(q); k++ {
			p := strings.IndexByte(key[j:], q[k])
			if p < 0 {
				return 0, 0, 0, false // none from i on: none from later either
			}
			j += p + 1
		}
		end = j - 1
		s := end
		cost = 0
		for k := len(q) - 1; ; s-- {
			if key[s] == q[k] {
				if k == 0 {
					break
				}
				k--
			} else if key[s] != ' ' {
				cost += editCost(key[s])
			}
		}
		if end-s < w {
			for b := s - 1; b >= 0 && key[b] != ' '; b-- {
				cost += editCost(key[b]) // letters before it in its word
			}
			return end, cost, s, true
		}
		i = s + 1
	}
}

// withinStage finds items whose key words all occur, in order, among the
// query's words: a pasted "Col. Ryan Dillon" or "Akkaz gas field" finds
// Ryan Dillon and Akkaz. The more of the query an item covers, the better.
func (ix *Index) withinStage(words []string, buckets []*bucket, bucketOf func(int32) *bucket) {
	if len(words) < 2 {
		return // one word: only an exact match, found already
	}
	q := strings.Join(words, "")
	qmask := letterMask(q)
	perKind := len(buckets) > 1
	for i, m := range ix.mask {
		if m&^qmask != 0 || int(ix.klen[i]) > len(q) || ix.klen[i] < 4 || 3*int(ix.klen[i]) < len(q) {
			continue // a key of a few letters "within" a long query says little
		}
		b := bucketOf(int32(i))
		if perKind && b.full() {
			continue
		}
		if wordsWithin(ix.keys[i], words) {
			b.offer(cand{item: int32(i), tier: tierWithin, score: int(ix.klen[i])})
		}
	}
}

// wordsWithin reports whether the space-separated words of key occur in
// order among words.
func wordsWithin(key string, words []string) bool {
	w := 0
	for key != "" {
		word, rest, _ := strings.Cut(key, " ")
		for w < len(words) && words[w] != word {
			w++
		}
		if w == len(words) {
			return false
		}
		w++
		key = rest
	}
	return true
}
