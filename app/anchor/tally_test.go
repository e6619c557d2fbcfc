package anchor_test

import (
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

// fataler is what testing.T, testing.B and rapid.T share.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Rows and columns of the report: how much of a findable claim was edited,
// and how long its quote is.
var (
	bands = []string{"intact", "edited <=10%", "edited 10-25%", "edited 25-50%"}
	sizes = []string{"1-3 runes", "4-31 runes", "32+ runes"}
)

// cell counts findable claims: how many, how many placed on their words,
// how many orphaned.
type cell struct{ claims, correct, orphaned int }

// tally counts the outcomes of re-anchoring.
type tally struct {
	scenarios, edits, claims int
	byMethod                 map[anchor.Method]int
	grid                     [4][3]cell // bands x sizes
	exactSpan                int        // correct placements on exactly the true span
	heavyPlaced, heavyOrphan int
	goneOrphan, goneTotal    int
	remains                  int // gone claims placed on their own remains, which still read as the quote
	copies                   int // correct placements on a verbatim copy of the claim's words
	misplaced                int
	misplacements            []string
}

func newTally() *tally { return &tally{byMethod: map[anchor.Method]int{}} }

// add merges another tally into tl.
func (tl *tally) add(o *tally) {
	tl.scenarios += o.scenarios
	tl.edits += o.edits
	tl.claims += o.claims
	for k, v := range o.byMethod {
		tl.byMethod[k] += v
	}
	for i := range tl.grid {
		for j := range tl.grid[i] {
			g, h := &tl.grid[i][j], o.grid[i][j]
			g.claims += h.claims
			g.correct += h.correct
			g.orphaned += h.orphaned
		}
	}
	tl.exactSpan += o.exactSpan
	tl.heavyPlaced += o.heavyPlaced
	tl.heavyOrphan += o.heavyOrphan
	tl.goneOrphan += o.goneOrphan
	tl.goneTotal += o.goneTotal
	tl.remains += o.remains
	tl.copies += o.copies
	tl.misplaced += o.misplaced
	tl.misplacements = append(tl.misplacements, o.misplacements...)
}

// Paths of re-anchoring the tests measure.
const (
	// fromOld: Text.ReanchorFrom, given the old text, as Rebase and so the
	// product re-anchors.
	fromOld = true
	// searchOnly: ReanchorAll, the new text alone.
	searchOnly = false
)

// judge re-anchors every claim of s (by ReanchorFrom with the original
// text when withOld, else by ReanchorAll), checks each result's shape and
// counts the outcomes. It returns a description of each misplacement.
func (tl *tally) judge(tb fataler, s *scenario, withOld bool) []string {
	tb.Helper()
	newText := string(s.text)
	olds := make([]app.Anchor, len(s.claims))
	for i, c := range s.claims {
		olds[i] = c.old
	}
	var results []anchor.Result
	if withOld {
		results = anchor.NewText(newText).ReanchorFrom(string(s.original), olds)
	} else {
		results = anchor.ReanchorAll(newText, olds)
	}
	tl.scenarios++
	tl.edits += len(s.edits)
	var bad []string
	for i, c := range s.claims {
		r := results[i]
		checkShape(tb, newText, c.old, r)
		tl.claims++
		tl.byMethod[r.Method]++
		class, places, damage := s.locate(c)
		onTruth := false
		for _, p := range places {
			onTruth = onTruth || overlap(r.Anchor.Span, p)
		}
		if r.Placed() && !onTruth && s.owns(c, r.Anchor.Span) {
			// Half the claim's runes are in the placement, though no run of
			// them holds half (a quote cut apart and joined again).
			onTruth = true
			if class == classGone {
				class = classHeavy
			}
		}
		if r.Placed() && onTruth && !s.literal(c, r.Anchor.Span) {
			tl.copies++
		}
		switch class {
		case classIntact, classEdited:
			band := 0
			switch {
			case class == classIntact:
			case damage <= 0.1:
				band = 1
			case damage <= 0.25:
				band = 2
			default:
				band = 3
			}
			g := &tl.grid[band][sizeClass(c.old.Len())]
			g.claims++
			switch {
			case !r.Placed():
				g.orphaned++
			case onTruth:
				g.correct++
				if r.Anchor.Span == places[0] {
					tl.exactSpan++
				}
			}
		case classHeavy:
			switch {
			case !r.Placed():
				tl.heavyOrphan++
			case onTruth:
				tl.heavyPlaced++
			}
		default:
			tl.goneTotal++
			switch {
			case !r.Placed():
				tl.goneOrphan++
				continue
			case s.readsAsQuote(c, r.Anchor):
				tl.remains++
				continue
			}
		}
		if r.Placed() && !onTruth {
			tl.misplaced++
			msg := fmt.Sprintf("claim %q (%d-%d, %s): placed by %s at %d-%d %q (score %.3f), tracked span %d-%d %q; edits %v",
				c.old.Exact, c.old.Start, c.old.End, class, r.Method, r.Anchor.Start, r.Anchor.End, r.Anchor.Exact,
				r.Score, c.span.Start, c.span.End, string(s.text[c.span.Start:c.span.End]), s.edits)
			bad = append(bad, msg)
			tl.misplacements = append(tl.misplacements, msg)
		}
	}
	return bad
}

// readsAsQuote reports whether a placement for a claim of which less than
// half survives lies on what is left of it and still reads as the quote
// (at most a quarter of its runes differ): a deletion that began inside a
// look-alike phrase and ended inside the quote stitched the same words
// together again. Counted apart; the anchor cannot see how the text was
// cut.
func (s *scenario) readsAsQuote(c *truth, placed app.Anchor) bool {
	mine := false
	for i := placed.Start; i < placed.End; i++ {
		if _, ok := s.claimRune(c, i); ok {
			mine = true
			break
		}
	}
	return mine && 4*levenshtein([]rune(c.old.Exact), []rune(placed.Exact)) <= c.old.Len()
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j-1]+c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sizeClass(m int) int {
	switch {
	case m < 4:
		return 0
	case m < 32:
		return 1
	}
	return 2
}

func overlap(a, b app.Span) bool { return a.Start < b.End && b.Start < a.End }

// checkShape: a placement's anchor is what app.NewAnchor builds from the new
// text; an orphan keeps the old anchor and says why.
func checkShape(tb fataler, newText string, old app.Anchor, r anchor.Result) {
	tb.Helper()
	if !r.Placed() {
		if r.Anchor != old || r.Reason == "" || r.Method != anchor.Orphan {
			tb.Fatalf("orphan must keep the old anchor and say why: %+v", r)
		}
		return
	}
	want, err := app.NewAnchor(newText, r.Anchor.Span)
	if err != nil || want != r.Anchor {
		tb.Fatalf("placement %+v is not the anchor of its span (%v)", r.Anchor, err)
	}
	if r.Score < 0 || r.Score > 1 || r.Reason != "" {
		tb.Fatalf("placement with score %v, reason %q", r.Score, r.Reason)
	}
}

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// sum adds the cells of the given bands and sizes.
func (tl *tally) sum(bandsFrom, bandsTo, sizesFrom, sizesTo int) cell {
	var out cell
	for i := bandsFrom; i <= bandsTo; i++ {
		for j := sizesFrom; j <= sizesTo; j++ {
			g := tl.grid[i][j]
			out.claims += g.claims
			out.correct += g.correct
			out.orphaned += g.orphaned
		}
	}
	return out
}

// correctShare is the share of findable claims (intact, or edited by at
// most half) placed on their words.
func (tl *tally) correctShare() float64 {
	all := tl.sum(0, 3, 0, 2)
	return share(all.correct, all.claims)
}

// table is the report the lead can quote.
func (tl *tally) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "scenarios %d, edits %d, claims %d; methods: position %d, quote %d, fuzzy %d, orphan %d\n",
		tl.scenarios, tl.edits, tl.claims, tl.byMethod[anchor.Position], tl.byMethod[anchor.Quote],
		tl.byMethod[anchor.Fuzzy], tl.byMethod[anchor.Orphan])
	all := tl.sum(0, 3, 0, 2)
	fmt.Fprintf(&b, "findable claims (intact, or at most half edited): %d; placed on their words %d = %.2f%% (on exactly the true span %d); orphaned %d = %.2f%%\n",
		all.claims, all.correct, 100*share(all.correct, all.claims), tl.exactSpan, all.orphaned, 100*share(all.orphaned, all.claims))
	fmt.Fprintf(&b, "  placed correctly, by quote length:\n  %-14s", "")
	for _, sz := range append(append([]string(nil), sizes...), "all") {
		fmt.Fprintf(&b, " %22s", sz)
	}
	b.WriteString("\n")
	for i, band := range append(append([]string(nil), bands...), "all") {
		fmt.Fprintf(&b, "  %-14s", band)
		for j := 0; j <= len(sizes); j++ {
			bi, bj := i, i
			if i == len(bands) {
				bi, bj = 0, len(bands)-1
			}
			si, sj := j, j
			if j == len(sizes) {
				si, sj = 0, len(sizes)-1
			}
			c := tl.sum(bi, bj, si, sj)
			fmt.Fprintf(&b, " %22s", fmt.Sprintf("%d/%d %.2f%%", c.correct, c.claims, 100*share(c.correct, c.claims)))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "heavily edited (half survives, more edits than the budget): placed correctly %d, orphaned %d\n", tl.heavyPlaced, tl.heavyOrphan)
	fmt.Fprintf(&b, "gone (less than half survives): %d, orphaned %d, placed on remains that still read as the quote %d\n", tl.goneTotal, tl.goneOrphan, tl.remains)
	fmt.Fprintf(&b, "correct placements on a verbatim copy of the claim's words (a copy edit, or a passage of %d+ runes printed twice): %d\n", dupLen, tl.copies)
	fmt.Fprintf(&b, "MISPLACED: %d\n", tl.misplaced)
	return b.String()
}

// summary is the report's line for another path over the same scenarios.
func (tl *tally) summary(name string) string {
	all := tl.sum(0, 3, 0, 2)
	light := tl.sum(0, 1, 1, 2)
	return fmt.Sprintf("%s: findable placed on their words %d/%d = %.2f%%, orphaned %.2f%%; intact or edited <=10%%, 4+ runes: %.2f%%; MISPLACED: %d\n",
		name, all.correct, all.claims, 100*share(all.correct, all.claims), 100*share(all.orphaned, all.claims),
		100*share(light.correct, light.claims), tl.misplaced)
}
