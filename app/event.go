package app

import (
	"strings"
	"time"
)

// Stance is how a claim stands to an event.
type Stance string

// Stances of a claim towards an event.
const (
	StanceSupports    Stance = "supports"
	StanceContradicts Stance = "contradicts"
)

// EventClaim links a claim to an event with a stance.
type EventClaim struct {
	ClaimID ID
	Stance  Stance
}

// Event is something that happened, on the shared timeline. Its
// corroboration, conflicts and confidence are derived from its claims and
// never stored as truth.
type Event struct {
	ID          ID
	Title       string
	When        When
	Place       string
	Description string
	Claims      []EventClaim
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Validate checks an event before it is stored.
func (e *Event) Validate() error {
	if strings.TrimSpace(e.Title) == "" {
		return Errorf(EInvalid, "an event needs a title")
	}
	if !e.When.IsZero() {
		if err := e.When.Validate(); err != nil {
			return err
		}
	}
	for _, c := range e.Claims {
		if c.Stance != StanceSupports && c.Stance != StanceContradicts {
			return Errorf(EInvalid, "unknown stance %q", c.Stance)
		}
	}
	return nil
}
