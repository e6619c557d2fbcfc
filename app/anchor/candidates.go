package anchor

import "github.com/evidence-workbench/workbench/app"

// Candidate places come from three searches: the quote verbatim, the quote
// with edits (Myers), and the old context (places where the prefix or the
// suffix still fits, whatever now lies between). The third kind is what
// keeps a claim off a copy of its words when its own place is still there
// with its words changed or gone.

// exactCandidates scores every verbatim occurrence of the quote. ok is
// false when there are too many to weigh.
func (c *claim) exactCandidates(t *Text) (cands []candidate, ok bool) {
	m := len(c.quote)
	occ := t.occurrences(c.old.Exact, maxOccurrences+1)
	if len(occ) > maxOccurrences {
		return nil, false
	}
	cands = make([]candidate, 0, len(occ))
	for _, at := range occ {
		cands = append(cands, c.evaluate(t, app.Span{Start: at, End: at + m}, 0))
	}
	return cands, true
}

// budget is the number of edits the fuzzy search allows.
func (c *claim) budget() int { return min(maxEdits, len(c.quote)/2) }

// fuzzyCandidates finds and scores places within the edit budget of the
// quote, from the fewest edits up: every place that keeps minQuote of the
// quote (each may be a rival), then more only while even a perfect context
// could lift one to within ambiguityMargin of the best score found. ok is
// false when there are too many to weigh.
func (c *claim) fuzzyCandidates(t *Text, best float64) (cands []candidate, ok bool) {
	m, k := len(c.quote), c.budget()
	ends := searchMinima(newPattern(c.quote), t.runes, k)
	buckets := make([][]int32, k+1)
	for _, e := range ends {
		buckets[e.dist] = append(buckets[e.dist], e.end)
	}
	for d := 1; d <= k; d++ { // distance 0: the exact candidates
		keep := 1 - float64(d)/float64(m)
		upper := (weightQuote*keep + weightPrefix + weightSuffix + weightPos) / weightSum
		if keep < minQuote && upper < best-ambiguityMargin {
			break
		}
		for _, e := range buckets[d] {
			start, dist := c.matchStart(t, int(e), d)
			cd := c.evaluate(t, app.Span{Start: start, End: int(e)}, dist)
			cands = append(cands, cd)
			best = max(best, cd.score)
			if len(cands) > maxEvaluations {
				return nil, false
			}
		}
	}
	return cands, true
}

// matchStart finds where a match of the quote ending at end with dist edits
// starts: the start whose text is dist edits from the quote, of several the
// one giving the length closest to the quote's.
func (c *claim) matchStart(t *Text, end, dist int) (start, d int) {
	if c.quoteRev == nil {
		c.quoteRev = newScanner(newPattern(reversed(c.quote)), true)
	}
	m := len(c.quote)
	w := c.window[:0]
	for j := end - 1; j >= max(0, end-m-dist); j-- {
		w = append(w, t.runes[j])
	}
	c.window = w
	d, n := bestPrefix(c.quoteRev, w, m)
	return end - n, d
}

// distance is the edit distance between the quote and text[s.Start:s.End].
func (c *claim) distance(t *Text, s app.Span) int {
	if c.quoteFwd == nil {
		c.quoteFwd = newScanner(newPattern(c.quote), true)
	}
	c.quoteFwd.reset()
	d := len(c.quote)
	for _, r := range t.runes[s.Start:s.End] {
		d = c.quoteFwd.step(r)
	}
	return d
}

// contextCandidates scores the places the old context points to: where the
// prefix ends and the suffix starts (each fitting at least homeFit), paired
// when both are found close together, the words between them taken as the
// place; a prefix alone is followed by the quote's best fit, a suffix alone
// preceded by it.
func (c *claim) contextCandidates(t *Text) []candidate {
	pad := app.AnchorContext
	n := len(t.runes)
	m := len(c.quote)
	var xs, ys []endMatch // prefix ends and suffix starts, ascending
	for _, e := range searchMinima(newPattern(c.pre), t.fwd, int(float64(len(c.pre))*(1-homeFit))) {
		if x := int(e.end) - pad; x >= 0 {
			xs = append(xs, endMatch{end: int32(x), dist: e.dist})
		}
	}
	found := searchMinima(newPattern(reversed(c.suf)), t.rev, int(float64(len(c.suf))*(1-homeFit)))
	for i := len(found) - 1; i >= 0; i-- {
		if y := n + pad - int(found[i].end); y <= n {
			ys = append(ys, endMatch{end: int32(y), dist: found[i].dist})
		}
	}
	var spans []app.Span
	paired := make([]bool, len(ys))
	maxGap := 2*m + 2*pad
	j := 0
	for _, x := range xs {
		xi := int(x.end)
		for j < len(ys) && int(ys[j].end) < xi-homeOverlap {
			j++
		}
		best := -1
		for i := j; i < len(ys) && int(ys[i].end) <= xi+maxGap; i++ {
			if best < 0 || ys[i].dist < ys[best].dist {
				best = i
			}
		}
		if best >= 0 {
			paired[best] = true
			spans = append(spans, app.Span{Start: xi, End: max(xi, int(ys[best].end))})
			continue
		}
		if c.quoteFwd == nil {
			c.quoteFwd = newScanner(newPattern(c.quote), true)
		}
		_, l := bestPrefix(c.quoteFwd, t.runes[xi:min(n, xi+m+c.budget())], m)
		spans = append(spans, app.Span{Start: xi, End: xi + l})
	}
	for i, y := range ys {
		if paired[i] {
			continue
		}
		yi := int(y.end)
		start, _ := c.matchStart(t, yi, c.budget())
		spans = append(spans, app.Span{Start: start, End: yi})
	}
	cands := make([]candidate, 0, len(spans))
	for _, s := range spans {
		cands = append(cands, c.evaluate(t, s, c.distance(t, s)))
	}
	return cands
}
