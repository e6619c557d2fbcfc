package search

import (
	"strings"
)

// wordStage finds the items whose key, or a word of it, starts with the
// query (tiers exact, prefix and word). A match of whole words is ranked by
// how close its bare spelling is to the query's (Qom and Qaim are both
// "kam").
func (ix *Index) wordStage(qu query, sc *scratch, bucketOf func(int32) *bucket) {
	q := qu.q
	oneWord := len(qu.words) == 1
	if len(q) <= 2 && oneWord && ix.short[len(q)-1] != nil {
		ix.shortStage(qu, sc, bucketOf)
		return
	}
	lo := pack(q, 0)
	hi := lo
	if len(q) < 8 {
		hi |= 1<<(8*(8-len(q))) - 1
	}
	for _, w := range ix.wordRange(lo, hi) {
		item := metaItem(w.meta)
		if len(q) > 8 {
			key := ix.keys[item]
			if _, ok := compactPrefix(key, wordOffset(key, metaWord(w.meta)), q); !ok {
				continue
			}
		}
		c := ix.wordCand(w.meta, len(q), oneWord)
		b := bucketOf(item)
		if b.full() && !ix.better(&c, &b.c[0]) {
			continue // even spelt exactly like the query it would not make the page
		}
		if c.tier > tierApprox {
			ix.spellDist(qu, sc, w.meta, &c)
		}
		b.offer(c)
	}
}

// shortStage is the word stage for a one-word query of one or two
// letters: the short tables list each kind's candidates in rank order, so
// reading stops at the first one that cannot make the page.
func (ix *Index) shortStage(qu query, sc *scratch, bucketOf func(int32) *bucket) {
	for k := range ix.kinds {
		for _, e := range ix.shortRange(qu.q, uint8(k)) {
			item := metaItem(e.meta)
			c := cand{item: item, tier: int8(tierExact - e.key>>37&7), whole: e.key>>36&1 == 0, crossing: e.key&1 == 1,
				wi: int32(metaWord(e.meta)), n: int32(len(qu.q))}
			if c.tier == tierApprox {
				c.dist = costVowel
			}
			b := bucketOf(item)
			if b.full() && !ix.better(&c, &b.c[0]) {
				// Later entries rank no better (the spelling distance can
				// only push them down), so none will make it.
				break
			}
			if c.tier > tierApprox {
				ix.spellDist(qu, sc, e.meta, &c)
			}
			b.offer(c)
		}
	}
}

// wordCand ranks a word start for a query of l letters that it starts
// with; the spelling distance is left to spellDist.
func (ix *Index) wordCand(meta uint64, l int, oneWord bool) cand {
	item, wi, wlen := metaItem(meta), metaWord(meta), metaWlen(meta)
	c := cand{item: item, wi: int32(wi), n: int32(l)}
	if l < wlen || (l == wlen && wlen < 255) {
		c.whole = l == wlen
	} else {
		key := ix.keys[item]
		off := wordOffset(key, wi)
		end := compactEnd(key, off, l)
		c.whole = end == len(key) || key[end] == ' '
		c.crossing = strings.IndexByte(key[off:end], ' ') >= 0
	}
	switch {
	case wi > 0:
		c.tier = tierWord
	case int(ix.klen[item]) == l:
		c.tier = tierExact
	default:
		c.tier = tierPrefix
	}
	if c.crossing && !c.whole && oneWord {
		// "abadi" runs from "Abu" into "Dayamzi": spacing is ignored so
		// that Talafar finds Tal Afar, but a one-word query that crosses a
		// word and stops inside the next is only a loose match.
		c.tier, c.dist = tierApprox, costVowel
	}
	return c
}

// spellDist sets the spelling distance of a word match: the bare words it
// covers against the query's bare form, or for a match that stops inside a
// word, that word's bare spelling cut to the query's length (Hus is closer
// to Husaybah than to Hasakah). The distance of a match within one word
// depends only on that word, so it is remembered by the word's bare
// spelling for the rest of the query: "Abu" starts thousands of names.
func (ix *Index) spellDist(qu query, sc *scratch, meta uint64, c *cand) {
	if !c.crossing {
		if d, ok := sc.dist[metaBare(meta)]; ok {
			c.dist = d
			return
		}
	}
	key := ix.keys[c.item]
	first := int(c.wi)
	last := first
	if c.crossing {
		off := wordOffset(key, first)
		last += strings.Count(key[off:compactEnd(key, off, int(c.n))], " ")
	}
	var buf [64]byte
	bw := bareWords(buf[:0], ix.bare[c.item], first, last)
	if !c.whole {
		bw = bw[:min(len(bw), len(qu.bare))]
	}
	c.dist = int32(editDistance(qu.bare, bw))
	if !c.crossing {
		sc.dist[metaBare(meta)] = c.dist
	}
}

// wordOffset returns the byte offset of word wi in key.
func wordOffset(key string, wi int) int {
	off := 0
	for ; wi > 0; wi-- {
		sp := strings.IndexByte(key[off:], ' ')
		if sp < 0 {
			return len(key)
		}
		off += sp + 1
	}
	return off
}

// compactEnd returns where in key the n letters from off (spaces skipped)
// end.
func compactEnd(key string, off, n int) int {
	i := off
	for ; i < len(key) && n > 0; i++ {
		if key[i] != ' ' {
			n--
		}
	}
	return i
}

// bareWords appends words first..last (0-based, inclusive) of the
// space-separated s to dst, without the spaces.
func bareWords(dst []byte, s string, first, last int) []byte {
	w := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			w++
			continue
		}
		if w > last {
			break
		}
		if w >= first {
			dst = append(dst, s[i])
		}
	}
	return dst
}

// compactPrefix reports whether key from byte off, spaces skipped, starts
// with q, and where the matched part ends.
func compactPrefix(key string, off int, q string) (int, bool) {
	j := 0
	i := off
	for ; i < len(key) && j < len(q); i++ {
		if key[i] == ' ' {
			continue
		}
		if key[i] != q[j] {
			return i, false
		}
		j++
	}
	return i, j == len(q)
}

// editDistance is the Levenshtein distance between a and b in bytes (bare
// forms are nearly always ASCII; elsewhere it only orders near ties).
func editDistance(a string, b []byte) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	var prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, sub)
		}
		prev = cur
	}
	return prev[len(b)]
}
