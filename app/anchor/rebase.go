package anchor

import (
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// Report counts how the claims fared when an article's text changed.
type Report struct {
	Methods map[Method]int // claims by how they were placed
	Orphans []app.Claim    // claims that could not be placed (listed, never moved)
	Dropped int            // boilerplate ranges whose text is gone
}

// String says it in one sentence: "3 claims in place, 1 found by its quote,
// 1 orphaned".
func (r Report) String() string {
	s := fmt.Sprintf("%d claims in place, %d found by their quote, %d found by a close match, %d orphaned",
		r.Methods[Position], r.Methods[Quote], r.Methods[Fuzzy], r.Methods[Orphan])
	if r.Dropped > 0 {
		s += fmt.Sprintf("; %d boilerplate ranges dropped with their text", r.Dropped)
	}
	return s
}

// Rebase moves an article's claims and excluded ranges from oldText onto
// newText. Claims already orphaned stay orphans (their quote is tried
// again, so a text that brings the words back re-attaches them). Excluded
// ranges are re-placed like claims; a range whose text is gone is dropped.
func Rebase(oldText, newText string, excluded []app.Excluded, claims []app.Claim) ([]app.Excluded, []app.Claim, Report) {
	t := NewText(newText)
	rep := Report{Methods: map[Method]int{}}
	outClaims := make([]app.Claim, len(claims))
	for i, c := range claims {
		r := t.Reanchor(c.Anchor)
		c.Anchor, c.Orphan = r.Anchor, !r.Placed()
		rep.Methods[r.Method]++
		if c.Orphan {
			rep.Orphans = append(rep.Orphans, c)
		}
		outClaims[i] = c
	}
	var outEx []app.Excluded
	for _, e := range excluded {
		old, err := app.NewAnchor(oldText, e.Span)
		if err != nil {
			rep.Dropped++
			continue
		}
		r := t.Reanchor(old)
		if !r.Placed() {
			rep.Dropped++
			continue
		}
		e.Span = r.Anchor.Span
		outEx = append(outEx, e)
	}
	return app.NormalizeExcluded(outEx), outClaims, rep
}
