package app

import "context"

// EntityMerge records what merging Drop into Keep changed, so undo can
// restore both entities and every claim link exactly.
type EntityMerge struct {
	KeepBefore Entity // Keep as it was, aliases included
	Dropped    Entity // the merged-away entity as it was, aliases included
	Claims     []ID   // claims that linked Dropped (they link Keep after the merge)
	// ClaimEntities holds each of those claims' EntityIDs as they were
	// before the merge, so undo knows which claims linked Keep as well and
	// where Dropped stood among a claim's entities.
	ClaimEntities map[ID][]ID
}

// EntityStore keeps entities, their aliases with provenance, and the links
// from claims to the entities they mention. Each method is one transaction.
type EntityStore interface {
	// CreateEntity stores a new entity with its aliases (ID kept if set).
	CreateEntity(ctx context.Context, e *Entity) error
	// Entity returns one entity with its aliases, or ENotFound.
	Entity(ctx context.Context, id ID) (*Entity, error)
	// Entities lists every entity with its aliases, by name.
	Entities(ctx context.Context) ([]Entity, error)
	// UpdateEntity replaces kind, name, notes and aliases (with provenance).
	UpdateEntity(ctx context.Context, e *Entity) error
	// DeleteEntity removes an entity and its claim links (the claims stay).
	DeleteEntity(ctx context.Context, id ID) error
	// MergeEntities moves drop's aliases (its name becomes an alias, with
	// provenance kept) and claim links to keep, and deletes drop.
	MergeEntities(ctx context.Context, keep, drop ID) (*EntityMerge, error)
	// UnmergeEntities restores both entities and the claim links exactly.
	UnmergeEntities(ctx context.Context, m *EntityMerge) error
	// ResolveEntityID finds an entity by id, unique id fragment, name or alias.
	ResolveEntityID(ctx context.Context, ref string) (ID, error)
	// ClaimsOfEntity lists the ids of claims that link the entity.
	ClaimsOfEntity(ctx context.Context, id ID) ([]ID, error)
}

// DismissedName is a suggested name the analyst said is not an entity.
type DismissedName struct {
	Key  string // names.Key of the spelling: every spelling with this key stays hidden
	Name string // the spelling that was shown
}

// NameDismisser remembers the entity suggestions the analyst dismissed, in
// the case file, so they are not proposed again. The case file store and
// the mock implement it; callers type-assert for it.
type NameDismisser interface {
	// DismissedNames lists the dismissed names, by spelling.
	DismissedNames(ctx context.Context) ([]DismissedName, error)
	// DismissName records a dismissal (again is not an error).
	DismissName(ctx context.Context, d DismissedName) error
	// UndismissName forgets a dismissal (a key not dismissed is not an error).
	UndismissName(ctx context.Context, key string) error
}
