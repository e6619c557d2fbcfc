package app

import (
	"strings"
	"time"
)

// EntityKind is what sort of thing an entity is.
type EntityKind string

// Kinds of entity.
const (
	EntityPerson       EntityKind = "person"
	EntityPlace        EntityKind = "place"
	EntityOrganisation EntityKind = "organisation"
	EntityOther        EntityKind = "other"
)

// Valid reports whether k is a known kind.
func (k EntityKind) Valid() bool {
	switch k {
	case EntityPerson, EntityPlace, EntityOrganisation, EntityOther:
		return true
	}
	return false
}

// Alias is one spelling of an entity's name and where it was seen.
type Alias struct {
	Name      string
	ArticleID ID // seen in this article, if any
	ClaimID   ID // seen in this claim, if any
	ByAnalyst bool
}

// Entity is one real person, place or organisation, under every spelling.
type Entity struct {
	ID        ID
	Kind      EntityKind
	Name      string
	Aliases   []Alias
	Notes     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks an entity before it is stored.
func (e *Entity) Validate() error {
	if strings.TrimSpace(e.Name) == "" {
		return Errorf(EInvalid, "an entity needs a name")
	}
	if !e.Kind.Valid() {
		return Errorf(EInvalid, "unknown entity kind %q", e.Kind)
	}
	return nil
}
