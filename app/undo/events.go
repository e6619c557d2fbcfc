package undo

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// CreateEvent is the action "New Event" (usually from a claim, linked as
// supporting). Undo deletes the event; redo restores it with the same id.
type CreateEvent struct {
	Store app.EventStore
	Event app.Event // filled in (ID, times) by the first Do
}

// Label implements Action.
func (a *CreateEvent) Label() string { return "New Event" }

// Do implements Action.
func (a *CreateEvent) Do(ctx context.Context) error {
	e := a.Event
	if err := a.Store.CreateEvent(ctx, &e); err != nil {
		return err
	}
	a.Event = e
	return nil
}

// Undo implements Action.
func (a *CreateEvent) Undo(ctx context.Context) error { return a.Store.DeleteEvent(ctx, a.Event.ID) }

// EditEvent is the action "Edit Event" (title, when, place, description).
type EditEvent struct {
	Store         app.EventStore
	Before, After app.Event
}

// Label implements Action.
func (a *EditEvent) Label() string { return "Edit Event" }

// Do implements Action.
func (a *EditEvent) Do(ctx context.Context) error { e := a.After; return a.Store.UpdateEvent(ctx, &e) }

// Undo implements Action.
func (a *EditEvent) Undo(ctx context.Context) error {
	e := a.Before
	return a.Store.UpdateEvent(ctx, &e)
}

// DeleteEvent is the action "Delete Event"; undo restores it with its links.
type DeleteEvent struct {
	Store app.EventStore
	Event app.Event
}

// Label implements Action.
func (a *DeleteEvent) Label() string { return "Delete Event" }

// Do implements Action.
func (a *DeleteEvent) Do(ctx context.Context) error { return a.Store.DeleteEvent(ctx, a.Event.ID) }

// Undo implements Action.
func (a *DeleteEvent) Undo(ctx context.Context) error {
	e := a.Event
	return a.Store.CreateEvent(ctx, &e)
}

// LinkClaim is the action "Attach Claim" (or a stance change). Before is
// the previous stance, "" when the claim was not attached.
type LinkClaim struct {
	Store   app.EventStore
	EventID app.ID
	ClaimID app.ID
	Stance  app.Stance
	Before  app.Stance
}

// Label implements Action.
func (a *LinkClaim) Label() string {
	if a.Before != "" {
		return "Change Stance"
	}
	return "Attach Claim to Event"
}

// Do implements Action.
func (a *LinkClaim) Do(ctx context.Context) error {
	return a.Store.LinkClaim(ctx, a.EventID, a.ClaimID, a.Stance)
}

// Undo implements Action.
func (a *LinkClaim) Undo(ctx context.Context) error {
	if a.Before == "" {
		return a.Store.UnlinkClaim(ctx, a.EventID, a.ClaimID)
	}
	return a.Store.LinkClaim(ctx, a.EventID, a.ClaimID, a.Before)
}

// UnlinkClaim is the action "Detach Claim"; undo re-attaches it with its stance.
type UnlinkClaim struct {
	Store   app.EventStore
	EventID app.ID
	ClaimID app.ID
	Stance  app.Stance
}

// Label implements Action.
func (a *UnlinkClaim) Label() string { return "Detach Claim from Event" }

// Do implements Action.
func (a *UnlinkClaim) Do(ctx context.Context) error {
	return a.Store.UnlinkClaim(ctx, a.EventID, a.ClaimID)
}

// Undo implements Action.
func (a *UnlinkClaim) Undo(ctx context.Context) error {
	return a.Store.LinkClaim(ctx, a.EventID, a.ClaimID, a.Stance)
}

// MergeEvents is the action "Merge Events".
type MergeEvents struct {
	Store      app.EventStore
	Keep, Drop app.ID
	record     *app.EventMerge
}

// Label implements Action.
func (a *MergeEvents) Label() string { return "Merge Events" }

// Do implements Action.
func (a *MergeEvents) Do(ctx context.Context) error {
	m, err := a.Store.MergeEvents(ctx, a.Keep, a.Drop)
	if err != nil {
		return err
	}
	a.record = m
	return nil
}

// Undo implements Action.
func (a *MergeEvents) Undo(ctx context.Context) error {
	if a.record == nil {
		return app.Errorf(app.EInternal, "nothing to unmerge")
	}
	return a.Store.UnmergeEvents(ctx, a.record)
}
