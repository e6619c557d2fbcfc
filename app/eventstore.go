package app

import "context"

// EventMerge records what merging Drop into Keep changed, so undo can
// restore both events exactly.
type EventMerge struct {
	Keep       ID
	KeepBefore Event // Keep as it was (its links included)
	Dropped    Event // the merged-away event as it was (its links included)
}

// EventStore keeps the shared timeline's events and their claim links.
// Each method is one transaction.
type EventStore interface {
	// CreateEvent stores an event with its claim links (ID kept if set).
	CreateEvent(ctx context.Context, e *Event) error
	// Event returns one event with its links, or ENotFound.
	Event(ctx context.Context, id ID) (*Event, error)
	// Events lists every event with its links, by start date (undated last), then title.
	Events(ctx context.Context) ([]Event, error)
	// UpdateEvent replaces title, when, place and description (not the links).
	UpdateEvent(ctx context.Context, e *Event) error
	// DeleteEvent removes an event and its links (the claims stay).
	DeleteEvent(ctx context.Context, id ID) error
	// LinkClaim attaches a claim to an event with a stance, or changes the
	// stance of an existing link.
	LinkClaim(ctx context.Context, eventID, claimID ID, stance Stance) error
	// UnlinkClaim detaches a claim from an event (ENotFound if not linked).
	UnlinkClaim(ctx context.Context, eventID, claimID ID) error
	// MergeEvents moves drop's links into keep (keep's stance wins where both
	// link a claim), fills keep's empty fields from drop, and deletes drop.
	MergeEvents(ctx context.Context, keep, drop ID) (*EventMerge, error)
	// UnmergeEvents restores both events as the record says.
	UnmergeEvents(ctx context.Context, m *EventMerge) error
	// ResolveEventID expands a unique id fragment, or an exact title, to an id.
	ResolveEventID(ctx context.Context, ref string) (ID, error)
}
