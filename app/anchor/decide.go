package anchor

import "fmt"

// Thresholds. They follow from what chance produces on real news text, and
// TestReanchorReport checks them over thousands of random edits of the seed
// and sample articles; the comments give the reasoning.
const (
	// minFuzzy: quotes shorter than this are only looked for verbatim (and
	// by their context). With half their runes allowed to change, a 3-rune
	// quote matches nearly anywhere.
	minFuzzy = 4

	// minSurvival: the share of the quote's runes that must still stand at
	// a place (see survival). A claim of which less than half survives is
	// orphaned: its remains are not its place. The margin over one half
	// absorbs chance runs of letters.
	minSurvival = 0.6
	// survivalRun: matches count as surviving in runs of this many runes.
	survivalRun = 6
	// survivalQuote, minShortKept: in a quote shorter than survivalQuote a
	// surviving run is a word or two and chance runs of letters are as long,
	// so its fit (1 - edits/len) is used instead, and must reach
	// minShortKept: one typo or small word changed in eight.
	survivalQuote = 20
	minShortKept  = 0.8
	// maxSurvivalCells bounds the alignment table (runes x runes); beyond
	// it the quote fit (1 - edits/len) stands in for survival.
	maxSurvivalCells = 4 << 20

	// minQuote: a place whose quote fit (1 - edits/len) is at least this
	// may hold the claim's words (words inserted into a quote lower its fit
	// without removing any of it, so the fit says little more); below it a
	// place is weighed only as a rival.
	minQuote = 0.5

	// minContext: the mean context fit (prefix and suffix, 0..1) a place
	// needs when its quote tells nothing by itself. Unrelated text fits a
	// 32-rune context at about 0.25, a place a few runes from the claim's
	// old place fits its shifted context at up to about 0.6. A long quote
	// found (nearly) verbatim is itself the evidence, so the need falls with
	// the quote's length and fit: see needContext.
	minContext = 0.7

	// quoteEvidence: a quote of this many runes or more, found verbatim
	// once, needs no context: no text repeats 64 runes by chance, only by
	// copying, and copies are what the rival checks are for. (Hypothesis
	// places such a quote whatever its context; a moved paragraph keeps
	// nothing of its old surroundings.)
	quoteEvidence = 64

	// selfRun: a quote (of up to twice quoteEvidence runes) sharing this
	// many runes (or all of itself, if shorter) with its own old prefix or
	// suffix sits in repeated text (a headline printed twice, a line echoed
	// below), where a copy of it with a look-alike context is likely: it
	// needs minContext of context however long it is, and both sides
	// fitting at least rivalSide.
	selfRun = 20
	// contextRun: an old prefix and suffix sharing this many runes also mark
	// repeated text (the same line on both sides of the quote).
	contextRun = 12

	// ambiguityMargin: the best place must beat every place that does not
	// overlap it by this much in score, or the claim is orphaned instead of
	// guessed. Closeness to the old position weighs at most 2/92 (0.022), so
	// it can never break a tie between places of equal words and context.
	ambiguityMargin = 0.05

	// rivalContext: another place where the old context fits at least this
	// well, and clearly better (sideGap) than at the chosen place, is where
	// the claim's words were: they were changed or deleted there, and a copy
	// of them elsewhere is not the claim.
	rivalContext = 0.8

	// rivalSide, sideGap, sideSlack: see rivalry. A side fits "strongly" at
	// rivalSide (a few runes of 32 differ), "clearly better" by sideGap, "as
	// well" within sideSlack.
	rivalSide = 0.9
	sideGap   = 0.1
	sideSlack = 0.05

	// splitKept: a place keeping less of the quote than this, while one
	// side of the context fits another place clearly better, may hold only
	// part of a quote that a paragraph move split in two.
	splitKept = 0.8

	// weakSide: a quote shorter than survivalQuote proves little by itself,
	// and a sentence that paraphrases the claim's (the headline's words
	// again in the body) fits one side of its context well by chance: both
	// sides must fit at least this well.
	weakSide = 0.5

	// shortSide: a quote shorter than minFuzzy tells nothing by itself, so
	// both sides of its context must fit at least this well.
	shortSide = 0.85

	// homeFit: a context side "still fits" a place when at most a quarter of
	// its runes differ; unrelated text never comes near.
	homeFit = 0.75
	// homeOverlap: a suffix may start this many runes before a prefix ends
	// and still pair with it (context edits where a quote was deleted).
	homeOverlap = 4

	// maxOccurrences bounds the verbatim occurrences weighed; a quote more
	// frequent than this is treated as too common to place.
	maxOccurrences = 1 << 17
	// maxEvaluations bounds the fuzzy candidates weighed for one claim.
	maxEvaluations = 50000
	// maxEdits caps the edit budget, as Hypothesis does.
	maxEdits = 256
)

// needContext is the context fit a place needs, given its quote's length
// and fit: minContext for a short or loosely matching quote, falling to
// nothing for a verbatim quote of quoteEvidence runes or more.
func needContext(m int, quote float64) float64 {
	evidence := min(max((quote-minSurvival)/(1-minSurvival), 0), 1) * min(1, float64(m)/quoteEvidence)
	return minContext * (1 - evidence)
}

// choose returns the index of the best candidate, and a reason when the
// claim must be orphaned instead ("" when the best is accepted). best is -1
// when there is no candidate.
func choose(t *Text, c *claim, cands []candidate, repeated bool) (best int, reason string) {
	quote, old := c.quote, c.old.Start
	m := len(quote)
	best = -1
	for i, cd := range cands {
		if best < 0 || cd.score > cands[best].score {
			best = i
		}
	}
	if best < 0 {
		return -1, "neither the quote nor its old context is in the new text"
	}
	b := cands[best]
	kept := 1.0
	switch {
	case b.dist == 0:
	case m < minFuzzy:
		return best, fmt.Sprintf("the quote is too short to look for in changed form (%s)", describe(m, b))
	case m < survivalQuote:
		if kept = b.quote; kept < minShortKept {
			return best, fmt.Sprintf("the best place (%s) keeps too little of the quote", describe(m, b))
		}
	default:
		if kept = survival(quote, t.runes[b.Start:b.End]); kept < 0 {
			kept = b.quote
		}
		if kept < minSurvival {
			return best, fmt.Sprintf("the best place (%s) keeps only %.0f%% of the quote's words", describe(m, b), 100*kept)
		}
	}
	need := needContext(m, min(kept, b.quote)) // words inserted into the quote prove less
	if repeated || c.selfSimilar {
		// A quote found verbatim at several places, or repeated in its own
		// surroundings, marks none of them by itself.
		need = minContext
	}
	if b.context() < need {
		return best, fmt.Sprintf("the best place (%s) fits the quote's old context too loosely", describe(m, b))
	}
	if c.selfSimilar && min(b.prefix, b.suffix) < rivalSide {
		return best, fmt.Sprintf("the quote sits in repeated text (a headline printed twice, a line echoed), so both sides of its old context must still fit closely (%s)", describe(m, b))
	}
	if m < survivalQuote && min(b.prefix, b.suffix) < weakSide {
		return best, fmt.Sprintf("the quote is short, so both sides of its old context must fit (%s)", describe(m, b))
	}
	if m < minFuzzy && min(b.prefix, b.suffix) < shortSide {
		return best, fmt.Sprintf("the quote is too short to place unless both sides of its old context fit (%s)", describe(m, b))
	}
	for i, r := range cands {
		if i != best && !overlaps(r, b) {
			if why := rivalry(old, r, b, kept); why != "" {
				return best, why
			}
		}
	}
	return best, ""
}

// rivalry says why r, a place apart from the best place b, makes b unsafe,
// or "" when it does not.
func rivalry(old int, r, b candidate, kept float64) string {
	switch {
	case r.score > b.score-ambiguityMargin:
		return "several places fit the quote and its context about equally well"
	case r.context() >= max(rivalContext, b.context()+sideGap):
		if r.quote < minQuote {
			return "the quote's old context is still there, framing other words: a copy of the quote elsewhere is not taken for it"
		}
		return "the quote and its context fit two places"
	case r.quote >= minQuote && max(r.prefix, r.suffix) >= rivalSide && abs(r.Start-old) < abs(b.Start-old):
		return "a place nearer the claim's old position keeps most of the quote and part of its context"
	}
	// The sides of the context, one at a time: b must not owe its place to
	// a side that fits r as well, nor lack a strong side while r has one.
	for _, x := range [][4]float64{{r.prefix, b.prefix, r.suffix, b.suffix}, {r.suffix, b.suffix, r.prefix, b.prefix}} {
		rx, bx, ry, by := x[0], x[1], x[2], x[3]
		if rx >= max(rivalSide, bx-sideSlack) && ry >= by-sideGap {
			return "the quote's context fits another place as well"
		}
		if rx >= max(rivalSide, bx-sideSlack) && by < rivalSide && r.quote >= minQuote {
			return "the quote's strong side of context fits another place that holds most of the quote too, and the other side does not mark this one"
		}
		if rx >= max(rivalSide, bx+sideGap) && by < rivalSide {
			return "one side of the quote's context fits another place better, and the other side does not mark this one"
		}
		if rx >= max(rivalSide, bx+sideGap) && r.quote >= minShortKept {
			return "the quote, a little changed, with one side of its context fits another place better"
		}
		if rx >= max(rivalSide, bx+sideGap) && kept < splitKept {
			return "the quote looks split: its words and context are partly here, partly at another place"
		}
	}
	return ""
}

func describe(m int, cd candidate) string {
	if cd.dist == 0 {
		return fmt.Sprintf("the exact words, context fit %.0f%%", 100*cd.context())
	}
	return fmt.Sprintf("%d of %d runes changed, context fit %.0f%%", min(cd.dist, m), m, 100*cd.context())
}

func overlaps(a, b candidate) bool { return a.Start < b.End && b.Start < a.End }
