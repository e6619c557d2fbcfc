package names

import (
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// Split is the plan for splitting an entity in two: the spellings the
// analyst picked leave it for a new entity, and the claims that mention only
// those spellings follow them.
type Split struct {
	After        app.Entity  // the entity without the moved spellings
	New          app.Entity  // the new entity, named after the first moved spelling
	ClaimsBefore []app.Claim // the claims whose links change, as they are
	ClaimsAfter  []app.Claim // and as they become
}

// PlanSplit plans moving the spellings in move (the entity's name and/or
// aliases, compared folded) from e to a new entity of the same kind with id
// newID. claims are the claims that link e. A claim whose quote mentions a
// moved spelling and none that stay links the new entity instead of e; one
// that mentions both links both; one that mentions neither stays as it is.
// Aliases keep their provenance. The entity keeps at least one spelling.
func PlanSplit(e app.Entity, move []string, newID app.ID, claims []app.Claim) (*Split, error) {
	moving := map[string]bool{}
	for _, m := range move {
		if f := Fold(m); f != "" {
			moving[f] = true
		}
	}
	spellings := append([]app.Alias{{Name: e.Name, ByAnalyst: true}}, e.Aliases...)
	var stay, gone []app.Alias
	for _, a := range spellings {
		if moving[Fold(a.Name)] {
			gone = append(gone, a)
		} else {
			stay = append(stay, a)
		}
	}
	switch {
	case len(gone) == 0:
		return nil, app.Errorf(app.EInvalid, "Pick at least one spelling to move to the new entity.")
	case len(stay) == 0:
		return nil, app.Errorf(app.EInvalid, "Leave at least one spelling with %s: a split needs two entities.", e.Name)
	}
	after := e
	after.Name, after.Aliases = stay[0].Name, slices.Clone(stay[1:])
	created := app.Entity{ID: newID, Kind: e.Kind, Name: gone[0].Name, Aliases: slices.Clone(gone[1:])}
	oldM, newM := NewMatcher(), NewMatcher()
	for _, a := range stay {
		oldM.Add(e.ID, a.Name)
	}
	for _, a := range gone {
		newM.Add(newID, a.Name)
	}
	s := &Split{After: after, New: created}
	for _, c := range claims {
		if !slices.Contains(c.EntityIDs, e.ID) {
			continue
		}
		mentionsNew := len(newM.Find(c.Anchor.Exact)) > 0
		mentionsOld := len(oldM.Find(c.Anchor.Exact)) > 0
		if !mentionsNew {
			continue
		}
		changed := c
		changed.EntityIDs = slices.Clone(c.EntityIDs)
		if mentionsOld {
			changed.EntityIDs = append(changed.EntityIDs, newID)
		} else {
			changed.EntityIDs[slices.Index(changed.EntityIDs, e.ID)] = newID
		}
		s.ClaimsBefore = append(s.ClaimsBefore, c)
		s.ClaimsAfter = append(s.ClaimsAfter, changed)
	}
	return s, nil
}
