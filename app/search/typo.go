package search

// Edit costs of the approximate tier, in half letters: romanisations
// disagree most on vowels (Teheran, Tehran; Abu Ghuraib, Abu Ghraib), so a
// vowel put in or left out costs half a consonant.
const (
	costVowel     = 1 // insert or delete the vowel symbol "a"
	costConsonant = 2 // insert, delete or replace a consonant
)

func editCost(c byte) int {
	if c == 'a' {
		return costVowel
	}
	return costConsonant
}

// maxTypoCost is the edit cost the typo search allows for a key of n bytes:
// none below 4 letters, one consonant up to 7, two from 8.
func maxTypoCost(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return costConsonant
	}
	return 2 * costConsonant
}

// maxTypoQuery bounds the query the typo search handles (its table lives
// on the stack).
const maxTypoQuery = 63

// maxTypoRange is how many word starts the typo search reads at most: when
// the letters it holds fixed open a larger range, it fixes one more.
const maxTypoRange = 4096

// typoStage finds words that start with the query give or take a few
// cheap edits: Hawiga for Hawija, Teheran for Tehran, a slip of the finger.
// The first letters must be right (two, three from six letters, four from
// eight, more while they open over maxTypoRange entries): that keeps it to
// one range of the word table, and most entries there are turned down on
// the 8 letters packed in the entry without reading the key.
func (ix *Index) typoStage(q string, bucketOf func(int32) *bucket) {
	d := maxTypoCost(len(q))
	if d == 0 || len(q) > maxTypoQuery {
		return
	}
	fixed := 2
	switch {
	case len(q) >= 8:
		fixed = 4
	case len(q) >= 6:
		fixed = 3
	}
	var rng []entry
	for ; ; fixed++ {
		lo := pack(q[:fixed], 0)
		rng = ix.wordRange(lo, lo|(1<<(8*(8-fixed))-1))
		if len(rng) <= maxTypoRange {
			break
		}
		if fixed >= min(7, len(q)-1) {
			return // a prefix this common: leave it to the fuzzy search
		}
	}
	var buf [maxTypoQuery + 2*costConsonant + 8]byte
	for _, w := range rng {
		s := codeBytes(w.key, buf[:0])
		cost, n, more := prefixEditCost(q, s, d)
		item := metaItem(w.meta)
		if more && len(s) == 8 {
			key := ix.keys[item]
			s = compactBytes(key, wordOffset(key, metaWord(w.meta)), len(q)+d, buf[:0])
			cost, n, _ = prefixEditCost(q, s, d)
		}
		if cost <= 0 || cost > d {
			continue // 0 is a plain prefix, found by the word stage
		}
		bucketOf(item).offer(cand{item: item, tier: tierApprox, dist: int32(cost), wi: int32(metaWord(w.meta)), n: int32(n)})
	}
}

// codeBytes appends the letters packed in code to dst.
func codeBytes(code uint64, dst []byte) []byte {
	for shift := 56; shift >= 0; shift -= 8 {
		c := byte(code >> shift)
		if c == 0 {
			break
		}
		dst = append(dst, c)
	}
	return dst
}

// compactBytes appends up to n letters of key from off, spaces skipped.
func compactBytes(key string, off, n int, dst []byte) []byte {
	for i := off; i < len(key) && len(dst) < n; i++ {
		if key[i] != ' ' {
			dst = append(dst, key[i])
		}
	}
	return dst
}

// prefixEditCost is the smallest weighted edit cost between q and a prefix
// of s, and that prefix's length; it gives up (returning d+1) once no
// prefix can come within d. more reports that s ran out while a longer s
// might still have done better.
func prefixEditCost(q string, s []byte, d int) (cost, n int, more bool) {
	const inf = 1 << 20
	var col, next [maxTypoQuery + 1]int
	m := len(q)
	// Only cells within d/costVowel of the diagonal can stay within d: a
	// cell further off needs that many insertions or deletions.
	band := d / costVowel
	for i := 1; i <= m; i++ {
		col[i] = col[i-1] + editCost(q[i-1])
	}
	for i := band + 1; i <= m; i++ {
		col[i] = inf
	}
	best, bestN := col[m], 0
	j := 0
	for ; j < len(s) && j < m+d; j++ {
		c := s[j]
		lo, hi := max(1, j+1-band), min(m, j+1+band)
		next[0] = col[0] + editCost(c)
		if lo > 1 {
			next[lo-1] = inf
		}
		low := next[0]
		if lo > 1 {
			low = inf
		}
		for i := lo; i <= hi; i++ {
			sub := col[i-1]
			if q[i-1] != c {
				sub += costConsonant
			}
			next[i] = min(col[i]+editCost(c), next[i-1]+editCost(q[i-1]), sub)
			low = min(low, next[i])
		}
		if hi < m {
			next[hi+1] = inf
		}
		col = next
		if hi == m && col[m] < best {
			best, bestN = col[m], j+1
		}
		if low > d {
			return d + 1, 0, false
		}
	}
	more = j == len(s) && j < m+d
	if best > d {
		return d + 1, 0, more
	}
	return best, bestN, more
}
