package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// MergeEntities merges drop into keep, in one transaction: every claim
// that linked drop links keep instead, in drop's place among its entities
// (a claim that linked both keeps its link to keep only); drop's name
// becomes an alias of keep added by the analyst, and drop's aliases become
// keep's with their provenance, after keep's own, skipping spellings keep
// has already (as its name or an alias) and a name another entity holds as
// an alias; keep's UpdatedAt becomes now; drop is deleted. The record
// returned holds keep as it was, drop whole, the claims that linked drop
// in claim order and their entity links before the merge, for
// UnmergeEntities. keep == drop is EInvalid; an unknown entity ENotFound.
func (s *Store) MergeEntities(ctx context.Context, keep, drop app.ID) (*app.EntityMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "An entity cannot be merged into itself: choose two different entities.")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	m, err := mergeEntities(ctx, tx, keep, drop)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit merge: %w", err)
	}
	return m, nil
}

func mergeEntities(ctx context.Context, tx *sql.Tx, keep, drop app.ID) (*app.EntityMerge, error) {
	k, err := getEntity(ctx, tx, keep)
	if err != nil {
		return nil, err
	}
	d, err := getEntity(ctx, tx, drop)
	if err != nil {
		return nil, err
	}
	m := &app.EntityMerge{KeepBefore: *k, Dropped: *d}
	m.KeepBefore.Aliases = slices.Clone(k.Aliases)
	if m.Claims, err = claimsOfEntity(ctx, tx, drop); err != nil {
		return nil, err
	}
	if len(m.Claims) > 0 {
		if m.ClaimEntities, err = claimLinks(ctx, tx,
			"WHERE claim_id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?)", drop); err != nil {
			return nil, err
		}
	}
	// A claim that links both loses its link to drop; the others' links to
	// drop become links to keep, in place.
	if _, err := tx.ExecContext(ctx, `DELETE FROM claim_entities WHERE entity_id = ?
		AND claim_id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?)`, drop, keep); err != nil {
		return nil, fmt.Errorf("merge claim links: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE claim_entities SET entity_id = ? WHERE entity_id = ?", keep, drop); err != nil {
		return nil, fmt.Errorf("move claim links: %w", err)
	}
	// Deleting drop frees its aliases (they go with it).
	if _, err := tx.ExecContext(ctx, "DELETE FROM entities WHERE id = ?", drop); err != nil {
		return nil, fmt.Errorf("delete merged entity: %w", err)
	}
	has := map[string]bool{nameKey(k.Name): true}
	for _, al := range k.Aliases {
		has[nameKey(al.Name)] = true
	}
	var added []app.Alias
	for _, al := range append([]app.Alias{{Name: d.Name, ByAnalyst: true}}, d.Aliases...) {
		key := nameKey(al.Name)
		if has[key] {
			continue
		}
		has[key] = true
		// Names may repeat, so another entity may hold drop's name as an
		// alias: the spelling stays with it.
		if owner, err := aliasOwner(ctx, tx, key, keep); err != nil {
			return nil, err
		} else if owner != "" {
			continue
		}
		added = append(added, al)
	}
	if added, err = insertEntityAliases(ctx, tx, keep, added, len(k.Aliases), false); err != nil {
		return nil, err
	}
	k.Aliases = append(k.Aliases, added...)
	k.UpdatedAt = now()
	return m, writeEntity(ctx, tx, k)
}

// UnmergeEntities undoes MergeEntities from its record, in one
// transaction: the kept entity gets back its kind, name, notes, times and
// aliases exactly as recorded, the merged-away entity comes back with its
// id, fields, times and aliases, and each recorded claim that still links
// keep links the merged-away entity again where it stood (and keep only if
// it did before). A claim deleted or unlinked from keep since the merge
// is left as it is, and provenance pointing at an article or claim
// deleted since is cleared. An unknown kept entity is
// ENotFound; a merged-away entity already back, or an alias another
// entity has taken since, is EConflict.
func (s *Store) UnmergeEntities(ctx context.Context, m *app.EntityMerge) error {
	keep, drop, err := validEntityMerge(m)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := unmergeEntities(ctx, tx, m, &keep, &drop); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit unmerge: %w", err)
	}
	return nil
}

// validEntityMerge checks a merge record and returns the two entities to
// restore, as CreateEntity would store them.
func validEntityMerge(m *app.EntityMerge) (keep, drop app.Entity, err error) {
	if m == nil {
		return keep, drop, app.Errorf(app.EInvalid, "There is no merge to undo.")
	}
	if !m.KeepBefore.ID.Valid() || !m.Dropped.ID.Valid() {
		return keep, drop, app.Errorf(app.EInvalid, "The merge record names no entities: it cannot be undone.")
	}
	if m.Dropped.ID == m.KeepBefore.ID {
		return keep, drop, app.Errorf(app.EInvalid, "An entity cannot be merged into itself: choose two different entities.")
	}
	if keep, err = tidyEntity(&m.KeepBefore); err != nil {
		return keep, drop, err
	}
	if drop, err = tidyEntity(&m.Dropped); err != nil {
		return keep, drop, err
	}
	return keep, drop, nil
}

func unmergeEntities(ctx context.Context, tx *sql.Tx, m *app.EntityMerge, keep, drop *app.Entity) error {
	if _, err := entityName(ctx, tx, keep.ID); err != nil {
		return err
	}
	if name, err := entityName(ctx, tx, drop.ID); err == nil {
		return app.Errorf(app.EConflict, "The entity “%s” is in the case already: this merge was undone before.", name)
	} else if app.ErrorCode(err) != app.ENotFound {
		return err
	}
	// The links of the claims that link keep now, before anything moves.
	links, err := claimLinks(ctx, tx, "WHERE claim_id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?)", keep.ID)
	if err != nil {
		return err
	}
	if err := writeEntity(ctx, tx, keep); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM entity_aliases WHERE entity_id = ?", keep.ID); err != nil {
		return fmt.Errorf("clear entity aliases: %w", err)
	}
	if err := createEntity(ctx, tx, drop, true); err != nil {
		return err
	}
	if _, err := insertEntityAliases(ctx, tx, keep.ID, keep.Aliases, 0, true); err != nil {
		return err
	}
	for _, c := range m.Claims {
		cur, ok := links[c]
		if !ok {
			continue // deleted, or unlinked from keep, since the merge
		}
		if err := replaceClaimEntities(ctx, tx, c, unmergedLinks(cur, m.ClaimEntities[c], keep.ID, drop.ID)); err != nil {
			return err
		}
	}
	return nil
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
