package mock

import (
	"context"
	"slices"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// MergeEntities implements app.EntityStore with the case file's rules:
// drop's claim links become keep's in place (one link where a claim had
// both), drop's name (added by the analyst) and aliases become keep's
// aliases unless keep or another entity has the spelling, and drop goes.
func (c *Case) MergeEntities(_ context.Context, keep, drop app.ID) (*app.EntityMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "an entity cannot be merged into itself")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.entities[keep]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no entity %s in this case", keep)
	}
	d, ok := c.entities[drop]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no entity %s in this case", drop)
	}
	m := &app.EntityMerge{KeepBefore: cloneEntity(k), Dropped: cloneEntity(d), Claims: c.claimsLinking(drop)}
	for _, id := range m.Claims {
		cl := c.claims[id]
		if m.ClaimEntities == nil {
			m.ClaimEntities = map[app.ID][]app.ID{}
		}
		m.ClaimEntities[id] = slices.Clone(cl.EntityIDs)
		if slices.Contains(cl.EntityIDs, keep) {
			cl.EntityIDs = slices.DeleteFunc(cl.EntityIDs, func(x app.ID) bool { return x == drop })
		} else {
			cl.EntityIDs[slices.Index(cl.EntityIDs, drop)] = keep
		}
	}
	delete(c.entities, drop)
	has := map[string]bool{key(k.Name): true}
	for _, al := range k.Aliases {
		has[key(al.Name)] = true
	}
	for _, al := range append([]app.Alias{{Name: d.Name, ByAnalyst: true}}, d.Aliases...) {
		if has[key(al.Name)] {
			continue
		}
		has[key(al.Name)] = true
		if c.aliasOwner(al.Name, keep) == nil {
			k.Aliases = append(k.Aliases, al)
		}
	}
	k.UpdatedAt = stamp(time.Now())
	return m, nil
}

// UnmergeEntities implements app.EntityStore: both entities come back as
// recorded, and each recorded claim that still links keep links drop
// again where it stood.
func (c *Case) UnmergeEntities(_ context.Context, m *app.EntityMerge) error {
	if m == nil || !m.KeepBefore.ID.Valid() || !m.Dropped.ID.Valid() || m.KeepBefore.ID == m.Dropped.ID {
		return app.Errorf(app.EInvalid, "there is no merge to undo")
	}
	keep, err := tidyEntity(&m.KeepBefore)
	if err != nil {
		return err
	}
	drop, err := tidyEntity(&m.Dropped)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	cur, ok := c.entities[keep.ID]
	if !ok {
		return app.Errorf(app.ENotFound, "no entity %s in this case", keep.ID)
	}
	if _, back := c.entities[drop.ID]; back {
		return app.Errorf(app.EConflict, "the entity “%s” is in the case already: the merge was undone before", drop.Name)
	}
	// Check everything before changing anything: the mock cannot roll back.
	if drop.Aliases, err = c.checkAliases(drop.ID, drop.Aliases, true, keep.ID); err != nil {
		return err
	}
	if keep.Aliases, err = c.checkAliases(keep.ID, keep.Aliases, true); err != nil {
		return err
	}
	if e := sharedSpelling(keep.Aliases, drop.Aliases); e != "" {
		return app.Errorf(app.EConflict, "the alias “%s” is in both entities of the merge record", e)
	}
	*cur = cloneEntity(&keep)
	stored := cloneEntity(&drop)
	c.entities[drop.ID] = &stored
	for _, id := range m.Claims {
		if cl, ok := c.claims[id]; ok && slices.Contains(cl.EntityIDs, keep.ID) {
			cl.EntityIDs = unmergedLinks(cl.EntityIDs, m.ClaimEntities[id], keep.ID, drop.ID)
		}
	}
	return nil
}

// sharedSpelling returns a spelling that both lists hold, or "".
func sharedSpelling(a, b []app.Alias) string {
	for _, x := range a {
		for _, y := range b {
			if key(x.Name) == key(y.Name) {
				return x.Name
			}
		}
	}
	return ""
}

// unmergedLinks is a claim's entity list cur (which links keep) with drop
// put back: in keep's place when the claim did not link keep before the
// merge (before is its list then), else after the nearest entity that
// stood before drop and is still linked.
func unmergedLinks(cur, before []app.ID, keep, drop app.ID) []app.ID {
	next := slices.Clone(cur)
	if slices.Contains(next, drop) {
		return next
	}
	if !slices.Contains(before, keep) {
		if i := slices.Index(next, keep); i >= 0 {
			next[i] = drop
		}
		return next
	}
	at := 0
	j := slices.Index(before, drop)
	if j < 0 {
		at = len(next)
	}
	for p := j - 1; p >= 0; p-- {
		if i := slices.Index(next, before[p]); i >= 0 {
			at = i + 1
			break
		}
	}
	return slices.Insert(next, at, drop)
}
