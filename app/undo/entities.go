package undo

import (
	"context"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// EntityChanger is what the entity actions need: the entity store, claims
// (to restore their links) and one-transaction change sets.
type EntityChanger interface {
	app.EntityStore
	app.ClaimStore
	app.ChangeApplier
}

// CreateEntity is the action "New Entity" (or accepting a suggested name).
// Undo deletes the entity; redo restores it with the same id.
type CreateEntity struct {
	Store  app.EntityStore
	Entity app.Entity // filled in (ID, times) by the first Do
	Name   string     // the label; "" means "New Entity"
}

// Label implements Action.
func (a *CreateEntity) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return "New Entity"
}

// Do implements Action.
func (a *CreateEntity) Do(ctx context.Context) error {
	e := a.Entity
	if err := a.Store.CreateEntity(ctx, &e); err != nil {
		return err
	}
	a.Entity = e
	return nil
}

// Undo implements Action.
func (a *CreateEntity) Undo(ctx context.Context) error { return a.Store.DeleteEntity(ctx, a.Entity.ID) }

// EditEntity is the action "Edit Entity": name, kind, notes and aliases.
type EditEntity struct {
	Store  app.EntityStore
	Before app.Entity
	After  app.Entity
}

// Label implements Action.
func (a *EditEntity) Label() string { return "Edit Entity" }

// Do implements Action.
func (a *EditEntity) Do(ctx context.Context) error {
	e := a.After
	return a.Store.UpdateEntity(ctx, &e)
}

// Undo implements Action.
func (a *EditEntity) Undo(ctx context.Context) error {
	e := a.Before
	return a.Store.UpdateEntity(ctx, &e)
}

// MergeEntities is the action "Merge Entities": Drop's spellings and claim
// links move to Keep. Undo restores both exactly.
type MergeEntities struct {
	Store      app.EntityStore
	Keep, Drop app.ID
	record     *app.EntityMerge
}

// Label implements Action.
func (a *MergeEntities) Label() string { return "Merge Entities" }

// Do implements Action.
func (a *MergeEntities) Do(ctx context.Context) error {
	m, err := a.Store.MergeEntities(ctx, a.Keep, a.Drop)
	if err != nil {
		return err
	}
	a.record = m
	return nil
}

// Undo implements Action.
func (a *MergeEntities) Undo(ctx context.Context) error {
	if a.record == nil {
		return app.Errorf(app.EInternal, "nothing to unmerge")
	}
	return a.Store.UnmergeEntities(ctx, a.record)
}

// DeleteEntity is the action "Delete Entity". The claims stay; undo brings
// the entity back with every claim link, in one transaction.
type DeleteEntity struct {
	Store  EntityChanger
	ID     app.ID
	before app.Entity
	claims []app.Claim // the claims that linked it, as they were
}

// Label implements Action.
func (a *DeleteEntity) Label() string { return "Delete Entity" }

// Do implements Action.
func (a *DeleteEntity) Do(ctx context.Context) error {
	e, err := a.Store.Entity(ctx, a.ID)
	if err != nil {
		return err
	}
	claims, err := claimsOf(ctx, a.Store, a.ID)
	if err != nil {
		return err
	}
	if err := a.Store.DeleteEntity(ctx, a.ID); err != nil {
		return err
	}
	a.before, a.claims = *e, claims
	return nil
}

// Undo implements Action.
func (a *DeleteEntity) Undo(ctx context.Context) error {
	cs := &app.ChangeSet{Put: app.Snapshot{Entities: []app.Entity{a.before}, Claims: a.claims}}
	return a.Store.ApplyChanges(ctx, cs)
}

// claimsOf reads the claims that link entity id.
func claimsOf(ctx context.Context, st EntityChanger, id app.ID) ([]app.Claim, error) {
	ids, err := st.ClaimsOfEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]app.Claim, 0, len(ids))
	for _, cid := range ids {
		c, err := st.Claim(ctx, cid)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// SplitEntity is the action "Split Entity": the chosen spellings leave the
// entity for a new one, and the claims whose quotes use only those
// spellings link the new entity instead. One transaction each way.
type SplitEntity struct {
	Store  EntityChanger
	Before app.Entity // the entity as it was
	After  app.Entity // the entity without the moved spellings
	New    app.Entity // the new entity with them (ID set by the caller)
	// ClaimsBefore and ClaimsAfter are the claims whose links change, as
	// they were and as they become.
	ClaimsBefore, ClaimsAfter []app.Claim
}

// Label implements Action.
func (a *SplitEntity) Label() string { return "Split Entity" }

// Do implements Action.
func (a *SplitEntity) Do(ctx context.Context) error {
	if a.New.CreatedAt.IsZero() {
		now := time.Now().UTC()
		a.New.CreatedAt, a.New.UpdatedAt, a.After.UpdatedAt = now, now, now
	}
	return a.Store.ApplyChanges(ctx, &app.ChangeSet{Put: app.Snapshot{
		Entities: []app.Entity{a.After, a.New}, Claims: a.ClaimsAfter,
	}})
}

// Undo implements Action.
func (a *SplitEntity) Undo(ctx context.Context) error {
	return a.Store.ApplyChanges(ctx, &app.ChangeSet{
		Put:    app.Snapshot{Entities: []app.Entity{a.Before}, Claims: a.ClaimsBefore},
		Delete: app.SnapshotDeletes{Entities: []app.ID{a.New.ID}},
	})
}

// DismissName is the action "Dismiss Suggestion": the name is not proposed
// again until undone.
type DismissName struct {
	Store app.NameDismisser
	Name  app.DismissedName
}

// Label implements Action.
func (a *DismissName) Label() string { return "Dismiss Suggestion" }

// Do implements Action.
func (a *DismissName) Do(ctx context.Context) error { return a.Store.DismissName(ctx, a.Name) }

// Undo implements Action.
func (a *DismissName) Undo(ctx context.Context) error {
	return a.Store.UndismissName(ctx, a.Name.Key)
}

// PutEntities adds several entities in one transaction: an imported
// gazetteer. Undo removes them, again in one transaction.
type PutEntities struct {
	Store    app.ChangeApplier
	Entities []app.Entity // ids set by the caller
	Name     string       // the label; "" means "Add Entities"
}

// Label implements Action.
func (a *PutEntities) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return "Add Entities"
}

// Do implements Action.
func (a *PutEntities) Do(ctx context.Context) error {
	now := time.Now().UTC()
	for i := range a.Entities {
		if a.Entities[i].CreatedAt.IsZero() {
			a.Entities[i].CreatedAt, a.Entities[i].UpdatedAt = now, now
		}
	}
	return a.Store.ApplyChanges(ctx, &app.ChangeSet{Put: app.Snapshot{Entities: a.Entities}})
}

// Undo implements Action.
func (a *PutEntities) Undo(ctx context.Context) error {
	ids := make([]app.ID, len(a.Entities))
	for i, e := range a.Entities {
		ids[i] = e.ID
	}
	return a.Store.ApplyChanges(ctx, &app.ChangeSet{Delete: app.SnapshotDeletes{Entities: ids}})
}
