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
// newText, following the edit between the two (see Text.ReanchorFrom).
// Claims already orphaned stay orphans unless their quote is found again
// (their anchor belongs to an older text, so they are looked for as by
// Reanchor: a text that brings the words back re-attaches them). Excluded
// ranges are re-placed like claims; a range whose text is gone is dropped.
func Rebase(oldText, newText string, excluded []app.Excluded, claims []app.Claim) ([]app.Excluded, []app.Claim, Report) {
	t := NewText(newText)
	ch := t.changeFrom(oldText)
	rep := Report{Methods: map[Method]int{}}
	outClaims := make([]app.Claim, len(claims))
	for i, c := range claims {
		var r Result
		if c.Orphan {
			r = t.Reanchor(c.Anchor)
		} else {
			r = ch.reanchor(c.Anchor)
		}
		c.Anchor, c.Orphan = r.Anchor, !r.Placed()
		rep.Methods[r.Method]++
		if c.Orphan {
			rep.Orphans = append(rep.Orphans, c)
		}
		outClaims[i] = c
	}
	var outEx []app.Excluded
	for _, e := range excluded {
		old, ok := ch.anchorOld(e.Span)
		if !ok {
			rep.Dropped++
			continue
		}
		r := ch.reanchor(old)
		if !r.Placed() {
			rep.Dropped++
			continue
		}
		e.Span = r.Anchor.Span
		outEx = append(outEx, e)
	}
	return app.NormalizeExcluded(outEx), outClaims, rep
}
