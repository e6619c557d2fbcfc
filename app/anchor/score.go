package anchor

import (
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// Weights of the evidence a candidate place is scored by, as Hypothesis
// scores fuzzy quote matches: the quote counts most, each side's context
// less, and closeness to the old position only breaks near-ties between
// otherwise weak candidates (it can never decide between two places whose
// words and context fit equally: see ambiguityMargin).
const (
	weightQuote  = 50
	weightPrefix = 20
	weightSuffix = 20
	weightPos    = 2
	weightSum    = weightQuote + weightPrefix + weightSuffix + weightPos
)

// Sentinels stand for "before the text" and "after the text" in context
// windows, so an anchor whose old prefix reached the start of the text (or
// whose suffix reached the end) keeps that fact as evidence.
const (
	beforeText rune = -1
	afterText  rune = -2
)

// A context's fit is mostly its edit similarity, and partly how many of the
// runes right at the boundary still agree: edit similarity forgives a shift
// of a few runes, so without the boundary term the same short word a few
// runes away from the claim's place fits the shifted context almost as well
// as the place itself.
const (
	boundaryRunes  = 8
	boundaryWeight = 0.25
)

// claim is one old anchor prepared for scoring candidate places.
type claim struct {
	old   app.Anchor
	quote []rune
	// pre is the padded old prefix in reading order, suf the padded old
	// suffix: padded with sentinels to the full context where the old
	// context reached an edge of the text.
	pre, suf []rune
	// preReal and sufReal are the old contexts' real runes (pre and suf
	// without sentinels); preRev matches preReal leftwards from a place,
	// sufFwd sufReal rightwards (anchored at the place, free at the far end).
	preReal, sufReal []rune
	preRev, sufFwd   *scanner
	// quoteFwd and quoteRev match the quote anchored at its start (reading
	// rightwards) or at its end (reading leftwards). Built when needed.
	quoteFwd, quoteRev *scanner
	window             []rune // scratch for context windows
	// selfSimilar: the quote repeats in its own old context (see selfRun).
	selfSimilar bool
}

func newClaim(old app.Anchor) *claim {
	c := &claim{old: old, quote: []rune(old.Exact)}
	pre := withoutCR([]rune(old.Prefix))
	if len(pre) > 2*app.AnchorContext {
		pre = pre[len(pre)-2*app.AnchorContext:]
	}
	c.preReal, c.pre = pre, pre
	if len(pre) < app.AnchorContext && old.Start == utf8.RuneCountInString(old.Prefix) {
		pad := make([]rune, app.AnchorContext-len(pre), app.AnchorContext)
		for i := range pad {
			pad[i] = beforeText
		}
		c.pre = append(pad, pre...)
	}
	suf := withoutCR([]rune(old.Suffix))
	if len(suf) > 2*app.AnchorContext {
		suf = suf[:2*app.AnchorContext]
	}
	c.sufReal, c.suf = suf, append([]rune(nil), suf...)
	for len(c.suf) < app.AnchorContext { // a short suffix reached the end of the old text
		c.suf = append(c.suf, afterText)
	}
	c.preRev = newScanner(newPattern(reversed(c.preReal)), true)
	c.sufFwd = newScanner(newPattern(c.sufReal), true)
	c.window = make([]rune, 0, 3*app.AnchorContext)
	if run := min(selfRun, len(c.quote)); len(c.quote) <= 2*quoteEvidence {
		c.selfSimilar = run >= minFuzzy && (commonRun(c.quote, pre) >= run || commonRun(c.quote, suf) >= run) ||
			commonRun(pre, suf) >= contextRun
	}
	return c
}

// commonRun is the length of the longest run of runes a and b share.
func commonRun(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// withoutCR drops carriage returns: contexts are compared as if every line
// ended in a bare newline, so a re-import with other line endings keeps
// its claims' contexts.
func withoutCR(r []rune) []rune {
	out := r[:0:0]
	for _, x := range r {
		if x != '\r' {
			out = append(out, x)
		}
	}
	return out
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, x := range r {
		out[len(r)-1-i] = x
	}
	return out
}

// candidate is a place the claim might now sit, with its evidence.
type candidate struct {
	app.Span
	dist   int     // edit distance between the old quote and the span's text
	quote  float64 // 1 - dist/len(quote), at least 0
	prefix float64 // how well the old prefix fits before the span, 0..1
	suffix float64 // how well the old suffix fits after the span, 0..1
	// exactContext: both old contexts sit around the span rune for rune.
	exactContext bool
	score        float64 // weighted: see the weights above
}

// context is the mean of the two context fits.
func (cd candidate) context() float64 { return (cd.prefix + cd.suffix) / 2 }

// evaluate scores the place s, whose text is dist edits from the old quote.
func (c *claim) evaluate(t *Text, s app.Span, dist int) candidate {
	cd := candidate{Span: s, dist: dist}
	cd.quote = max(0, 1-float64(dist)/float64(len(c.quote)))
	var exactPre, exactSuf bool
	cd.prefix, exactPre = c.contextFit(c.preRev, c.preReal, c.pre, t, s.Start, -1)
	cd.suffix, exactSuf = c.contextFit(c.sufFwd, c.sufReal, c.suf, t, s.End, +1)
	cd.exactContext = exactPre && exactSuf
	n := max(len(t.runes), 1)
	pos := 1 - float64(abs(s.Start-c.old.Start))/float64(max(n, c.old.Start))
	pos = min(max(pos, 0), 1)
	cd.score = (weightQuote*cd.quote + weightPrefix*cd.prefix + weightSuffix*cd.suffix + weightPos*pos) / weightSum
	return cd
}

// contextFit measures how well an old context fits the text next to
// offset at: before it when dir < 0, after it when dir > 0. real is the
// context's real runes and padded the context with the sentinels that
// stand for the old edge of the text, both in reading order; exact reports
// whether padded sits there rune for rune.
//
// The edit part is 1 minus the edit distance of the real runes to the
// best-fitting run of text that touches the place, over their number; half
// as many runes again are read as they hold, so words inserted next to the
// place cost what they weigh instead of pushing the whole context out of
// reach. The edge of the text counts as neither for nor against a place
// (every text has a start and an end): its share of the context scores
// one half whether or not the place is at an edge.
func (c *claim) contextFit(sc *scanner, real, padded []rune, t *Text, at, dir int) (fit float64, exact bool) {
	n := len(padded)
	if n == 0 {
		return 1, true
	}
	w := c.window[:0]
	j := at // the suffix starts at the place
	if dir < 0 {
		j = at - 1 // the prefix ends just before it
	}
	for ; len(w) < n+n/2; j += dir {
		if r := t.runeAt(j); r != '\r' {
			w = append(w, r)
		}
	}
	c.window = w
	exact = true
	for i := 0; i < n && exact; i++ {
		want := padded[i]
		if dir < 0 {
			want = padded[n-1-i]
		}
		exact = w[i] == want
	}
	edge := 0.5 * float64(n-len(real)) / float64(n)
	if len(real) == 0 {
		return edge, exact
	}
	d, _ := bestPrefix(sc, w, len(real))
	edit := 1 - float64(d)/float64(len(real))
	agree := 0
	for agree < boundaryRunes && agree < len(real) {
		want := real[agree]
		if dir < 0 {
			want = real[len(real)-1-agree]
		}
		if w[agree] != want {
			break
		}
		agree++
	}
	own := (1-boundaryWeight)*edit + boundaryWeight*float64(agree)/float64(min(boundaryRunes, len(real)))
	return own*float64(len(real))/float64(n) + edge, exact
}
