// Package anchor re-places claims on an article's text after the text has
// changed (a re-import of an edited file, or the analyst's own edit).
//
// A claim is anchored twice over, as W3C Web Annotation and Hypothesis do:
// by rune position and by quote with about 32 runes of context either side
// (app.Anchor). When the old text is known, as it is to every caller of
// Rebase, Text.ReanchorFrom first follows the edit between the two texts
// (a diff, from.go): a claim whose words stand in unchanged or moved text
// goes where they went. Any other claim, and every claim when only the new
// text is known (Reanchor, ReanchorAll), is looked for as Hypothesis
// learnt to from years of orphaned highlights, in this order:
//
//  1. position: the quote still sits at its old offsets with its old
//     context on both sides, rune for rune;
//  2. quote: the quote occurs verbatim elsewhere;
//  3. fuzzy: the quote was edited; places within min(256, len/2) edits of
//     it are found with Myers' bit-parallel matcher (quotes of 4 runes or
//     more only);
//  4. orphan: nothing fits well enough, or two places fit about as well.
//
// Every place found is scored by quote (weight 50), prefix (20) and suffix
// (20) similarity and closeness to the old position (2); places where the
// old prefix or suffix still fits are found too (by the same matcher), so
// that the claim's own place counts against a copy of its words elsewhere.
// Placing a claim on words that are not its own is far worse than orphaning
// it, so the best place is kept only when most of the quote survives there,
// its context fits well enough for how much the quote alone proves, and no
// other place rivals it: decide.go holds the rules and the reasons for
// their thresholds. TestReanchorReport measures both ways on thousands of
// random edits of real articles.
package anchor

import (
	"fmt"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// Method says how a claim was re-anchored.
type Method string

// Methods of re-anchoring, from the most to the least direct.
const (
	// Position: the quote is still at its old offsets.
	Position Method = "position"
	// Quote: the quote was found verbatim at another place.
	Quote Method = "quote"
	// Fuzzy: an edited version of the quote was found.
	Fuzzy Method = "fuzzy"
	// Orphan: no place fits; the old anchor is kept and the claim must be
	// listed for the analyst to re-attach.
	Orphan Method = "orphan"
)

// Result is the outcome of re-anchoring one claim.
type Result struct {
	// Anchor is the new anchor, recomputed from the new text (span, exact,
	// prefix, suffix, as app.NewAnchor builds it), or for an orphan the old
	// anchor unchanged.
	Anchor app.Anchor
	// Method says how the claim was placed, or Orphan.
	Method Method
	// Score is the confidence of the placement, 0..1: the weighted quote,
	// context and position similarity of the chosen place. For an orphan it
	// is the score of the best place that was turned down (0 if none).
	Score float64
	// Reason says in words why a claim was orphaned; empty otherwise.
	Reason string
}

// Placed reports whether the claim was given a place in the new text.
func (r Result) Placed() bool { return r.Method != Orphan }

// Reanchor places one old anchor on newText. Use ReanchorAll (or NewText
// and Text.Reanchor) for several claims of one article.
func Reanchor(newText string, old app.Anchor) Result {
	return NewText(newText).Reanchor(old)
}

// ReanchorAll places every old anchor on newText, preparing the text once.
// Results are in the order of olds.
func ReanchorAll(newText string, olds []app.Anchor) []Result {
	t := NewText(newText)
	out := make([]Result, len(olds))
	for i, old := range olds {
		out[i] = t.Reanchor(old)
	}
	return out
}

// Reanchor places one old anchor on the prepared text.
func (t *Text) Reanchor(old app.Anchor) Result {
	given := old
	orphan := func(score float64, reason string) Result {
		return Result{Anchor: given, Method: Orphan, Score: score, Reason: reason}
	}
	old = clean(old)
	if old.Exact == "" {
		return orphan(0, "the claim has no quote to look for")
	}
	if len(t.runes) == 0 {
		return orphan(0, "the new text is empty")
	}
	c := newClaim(old)
	m := len(c.quote)

	// 1. Position: the quote at its old offsets, its context intact.
	if t.equalAt(c.quote, old.Start) {
		cd := c.evaluate(t, app.Span{Start: old.Start, End: old.Start + m}, 0)
		if cd.exactContext {
			return t.placed(Position, cd)
		}
	}

	// 2. Quote: verbatim occurrences.
	cands, ok := c.exactCandidates(t)
	repeated := len(cands) > 1
	if !ok {
		return orphan(0, fmt.Sprintf("the quote occurs more than %d times", maxOccurrences))
	}
	// 3. Fuzzy: places within the edit budget. Not needed when the quote
	// stands verbatim with both old contexts rune for rune: no edited place
	// could then rival it unless its own context fitted strongly, and such
	// places are found by their context below.
	verbatim := false
	for _, cd := range cands {
		verbatim = verbatim || cd.exactContext
	}
	if m >= minFuzzy && !verbatim {
		best := -1.0
		for _, cd := range cands {
			best = max(best, cd.score)
		}
		fuzzy, ok := c.fuzzyCandidates(t, best)
		if !ok {
			return orphan(0, fmt.Sprintf("more than %d places resemble the quote", maxEvaluations))
		}
		cands = append(cands, fuzzy...)
	}
	// Places the old context points to, as rivals (or as the place).
	cands = append(cands, c.contextCandidates(t)...)

	best, reason := choose(t, c, cands, repeated)
	if reason != "" {
		score := 0.0
		if best >= 0 {
			score = cands[best].score
		}
		return orphan(score, reason)
	}
	return t.placed(t.methodOf(old, cands[best]), cands[best])
}

// clean makes an anchor's strings valid UTF-8 rune for rune, as app.NewAnchor
// would have built them, so byte search and rune offsets agree.
func clean(a app.Anchor) app.Anchor {
	fix := func(s string) string {
		if utf8.ValidString(s) {
			return s
		}
		return string([]rune(s))
	}
	a.Exact, a.Prefix, a.Suffix = fix(a.Exact), fix(a.Prefix), fix(a.Suffix)
	return a
}

// placed builds the result for an accepted candidate.
func (t *Text) placed(m Method, cd candidate) Result {
	return Result{Anchor: t.anchorAt(cd.Span), Method: m, Score: cd.score}
}

// methodOf names how an accepted candidate was found.
func (t *Text) methodOf(old app.Anchor, cd candidate) Method {
	switch {
	case cd.dist > 0:
		return Fuzzy
	case cd.Start == old.Start:
		return Position
	default:
		return Quote
	}
}
