package timeline

import (
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// AboutEntity narrows a model to one entity: the events that have at least
// one claim linking it (with all their claims, so the other side of a
// conflict stays in view) and the loose claims that link it.
func AboutEntity(m Model, entity app.ID) Model {
	mentions := func(cv ClaimView) bool { return slices.Contains(cv.Claim.EntityIDs, entity) }
	var out Model
	for _, ev := range m.Events {
		if slices.ContainsFunc(ev.Supporting, mentions) || slices.ContainsFunc(ev.Contradicting, mentions) {
			out.Events = append(out.Events, ev)
		}
	}
	for _, cv := range m.Loose {
		if mentions(cv) {
			out.Loose = append(out.Loose, cv)
		}
	}
	return out
}
