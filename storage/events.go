package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.EventStore = (*Store)(nil)

// CreateEvent stores a new event with its claim links, in the order given.
// An ID already set is kept (undoing a delete restores the same event), as
// are CreatedAt and UpdatedAt when set; zero times become now. The event
// must pass Event.Validate; a When without a start day must be wholly
// empty; a claim may be linked once. A linked claim that is not in the case
// is ENotFound, naming it; an id already taken is EConflict. On success e
// holds the event as stored (title and place trimmed, times in UTC to the
// microsecond); on any error nothing is stored and e is left as it was.
func (s *Store) CreateEvent(ctx context.Context, e *app.Event) error {
	n, err := newEvent(e)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "“%s” is not an event id.", n.ID)
	}
	at := now()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = at
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = at
	}
	n.CreatedAt = n.CreatedAt.UTC().Truncate(time.Microsecond)
	n.UpdatedAt = n.UpdatedAt.UTC().Truncate(time.Microsecond)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := createEvent(ctx, tx, &n); err != nil {
		return err
	}
	if _, err := insertLinks(ctx, tx, n.ID, n.Claims, 0, false); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit event: %w", err)
	}
	*e = n
	return nil
}

// UpdateEvent replaces an event's title, when, place and description,
// checked as CreateEvent checks them, and sets UpdatedAt to now. The links
// and CreatedAt stay as stored (e.Claims is ignored). An unknown event is
// ENotFound. On success e holds the event as stored, links included.
func (s *Store) UpdateEvent(ctx context.Context, e *app.Event) error {
	if e == nil {
		return app.Errorf(app.EInvalid, "There is no event to store.")
	}
	fields := *e
	fields.Claims = nil
	n, err := newEvent(&fields)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not an event id.", n.ID)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	cur, err := getEvent(ctx, tx, n.ID)
	if err != nil {
		return err
	}
	n.Claims, n.CreatedAt, n.UpdatedAt = cur.Claims, cur.CreatedAt, now()
	if err := writeEvent(ctx, tx, &n); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit event: %w", err)
	}
	*e = n
	return nil
}

// DeleteEvent removes an event and its links; the claims stay. An unknown
// event is ENotFound.
func (s *Store) DeleteEvent(ctx context.Context, id app.ID) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	// event_claims rows go with the event (ON DELETE CASCADE).
	res, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete event: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete event: %w", err)
	} else if n == 0 {
		return eventNotFound(id)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit event deletion: %w", err)
	}
	return nil
}

func eventNotFound(id app.ID) error {
	return app.Errorf(app.ENotFound, "No event with id %s is in the case.", id)
}

// newEvent checks an event given to CreateEvent or UpdateEvent against
// every rule that needs no database and returns a copy to store: title
// and place trimmed, links copied (none: nil).
func newEvent(e *app.Event) (app.Event, error) {
	if e == nil {
		return app.Event{}, app.Errorf(app.EInvalid, "There is no event to store.")
	}
	n := *e
	n.Title, n.Place = strings.TrimSpace(e.Title), strings.TrimSpace(e.Place)
	if err := n.Validate(); err != nil {
		return app.Event{}, err
	}
	for _, f := range []struct{ what, v string }{
		{"event title", n.Title}, {"place", n.Place}, {"description", n.Description},
	} {
		if err := validText(f.what, f.v); err != nil {
			return app.Event{}, err
		}
	}
	if n.When.IsZero() {
		if n.When != (app.When{}) {
			return app.Event{}, app.Errorf(app.EInvalid, "The event's date has no start day. Give a day, month or year, or clear the date.")
		}
	} else if err := validWhen(&n.When); err != nil {
		return app.Event{}, err
	}
	n.Claims = nil
	seen := make(map[app.ID]bool, len(e.Claims))
	for _, l := range e.Claims {
		if !l.ClaimID.Valid() {
			return app.Event{}, app.Errorf(app.EInvalid, "“%s” is not a claim id.", l.ClaimID)
		}
		if seen[l.ClaimID] {
			return app.Event{}, app.Errorf(app.EInvalid, "The claim %s is linked to the event twice. Link it once, with one stance.", l.ClaimID)
		}
		seen[l.ClaimID] = true
		n.Claims = append(n.Claims, l)
	}
	return n, nil
}

// eventWritable are the columns writeEvent and createEvent write, in
// eventArgs's order.
const eventWritable = `title, title_key, when_start, when_end, when_precision, when_approximate, when_uncertain,
	when_expression, when_reference, when_note, place, description, created_at, updated_at`

// eventArgs are the values of eventWritable for e.
func eventArgs(e *app.Event) []any {
	var w *app.When
	if !e.When.IsZero() {
		w = &e.When
	}
	args := append([]any{e.Title, nameKey(e.Title)}, whenArgs(w)...)
	return append(args, e.Place, e.Description, formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
}

// createEvent inserts an event's row (not its links); an id already
// taken is EConflict.
func createEvent(ctx context.Context, tx *sql.Tx, e *app.Event) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?)", e.ID).Scan(&exists); err != nil {
		return fmt.Errorf("look for event id: %w", err)
	}
	if exists {
		return app.Errorf(app.EConflict, "An event with id %s is already in the case.", e.ID)
	}
	args := append(eventArgs(e), e.ID)
	if _, err := tx.ExecContext(ctx, `INSERT INTO events (`+eventWritable+`, id) VALUES (`+placeholders(len(args))+`)`,
		args...); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return nil
}

// writeEvent replaces the stored row of an event (not its links), times
// included; an unknown event is ENotFound.
func writeEvent(ctx context.Context, tx *sql.Tx, e *app.Event) error {
	args := eventArgs(e)
	res, err := tx.ExecContext(ctx, `UPDATE events SET (`+eventWritable+`) = (`+placeholders(len(args))+`) WHERE id = ?`,
		append(args, e.ID)...)
	if err != nil {
		return fmt.Errorf("update event: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("update event: %w", err)
	} else if n == 0 {
		return eventNotFound(e.ID)
	}
	return nil
}

// insertLinks links claims to an event at positions from, from+1 ... in
// the order given, and returns the links made. A claim not in the case is
// ENotFound, or, with skipMissing, left out (an undo after the claim was
// deleted).
func insertLinks(ctx context.Context, tx *sql.Tx, eventID app.ID, links []app.EventClaim, from int, skipMissing bool) ([]app.EventClaim, error) {
	if len(links) == 0 {
		return nil, nil
	}
	// One statement both checks that the claim exists and links it.
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO event_claims (event_id, claim_id, stance, position)
		SELECT ?, id, ?, ? FROM claims WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("link claims: %w", err)
	}
	defer stmt.Close()
	made := make([]app.EventClaim, 0, len(links))
	for _, l := range links {
		res, err := stmt.ExecContext(ctx, eventID, string(l.Stance), from, l.ClaimID)
		if err != nil {
			return nil, fmt.Errorf("link claim: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("link claim: %w", err)
		}
		if n == 0 {
			if skipMissing {
				continue
			}
			return nil, app.Errorf(app.ENotFound, "The event links the claim %s, which is not in the case. Remove that link and try again.", l.ClaimID)
		}
		made = append(made, l)
		from++
	}
	return made, nil
}

// touchEvent sets an event's UpdatedAt.
func touchEvent(ctx context.Context, tx *sql.Tx, id app.ID, at time.Time) error {
	if _, err := tx.ExecContext(ctx, "UPDATE events SET updated_at = ? WHERE id = ?", formatTime(at), id); err != nil {
		return fmt.Errorf("touch event: %w", err)
	}
	return nil
}
