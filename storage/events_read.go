package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Event returns one event with its links, or ENotFound.
func (s *Store) Event(ctx context.Context, id app.ID) (*app.Event, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	e, err := getEvent(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return e, nil
}

// Events lists every event with its links (in the order they were made):
// by start day, undated events last, then by title ignoring case, then by
// id. It counts them, then reads the events in one query and all their
// links in another.
func (s *Store) Events(ctx context.Context) ([]app.Event, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	list, err := listEvents(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return list, nil
}

// ResolveEventID expands a reference to an event: its full id, its exact
// title ignoring case, or a unique prefix or suffix of its id of at least
// four characters (ID.Short prints the last eight), tried in that order.
// Nothing found is ENotFound; a title or fragment that fits several events
// is EInvalid, saying how many.
func (s *Store) ResolveEventID(ctx context.Context, ref string) (app.ID, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", app.Errorf(app.EInvalid, "Name an event by its title or id.")
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	id, err := resolveEvent(ctx, tx, ref)
	if err != nil {
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("commit: %w", err)
	}
	return id, nil
}

func resolveEvent(ctx context.Context, tx *sql.Tx, ref string) (app.ID, error) {
	count := func(where string, args ...any) (int, app.ID, error) {
		var n int
		var id sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT count(*), min(id) FROM events WHERE "+where, args...).Scan(&n, &id); err != nil {
			return 0, "", fmt.Errorf("resolve event: %w", err)
		}
		return n, app.ID(id.String), nil
	}
	f := strings.ToLower(ref)
	if app.ID(f).Valid() {
		if n, id, err := count("id = ?", f); err != nil || n == 1 {
			return id, err
		}
	}
	n, id, err := count("title_key = ?", nameKey(ref))
	switch {
	case err != nil:
		return "", err
	case n == 1:
		return id, nil
	case n > 1:
		return "", app.Errorf(app.EInvalid, "%d events are titled “%s”: give the id of the one you mean.", n, ref)
	}
	notFound := app.Errorf(app.ENotFound, "No event is titled “%s” or has an id that begins or ends with it.", ref)
	if !isIDFragment(f) {
		return "", notFound
	}
	n, id, err = countIDFragment(ctx, tx, "events", f)
	switch {
	case err != nil:
		return "", err
	case n == 0:
		return "", notFound
	case n > 1:
		return "", app.Errorf(app.EInvalid, "“%s” fits %d events: give more of the id, or the event's title.", ref, n)
	}
	return id, nil
}

// getEvent reads one event with its links, or returns ENotFound.
func getEvent(ctx context.Context, tx *sql.Tx, id app.ID) (*app.Event, error) {
	list, err := listEvents(ctx, tx, "WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, eventNotFound(id)
	}
	return &list[0], nil
}

// eventColumns are the columns eventRow reads, in its order.
const eventColumns = `id, title, when_start, when_end, when_precision, when_approximate, when_uncertain,
	when_expression, when_reference, when_note, place, description, created_at, updated_at`

// timelineOrder lists events by start day, undated last, then by title
// (events_timeline serves it); linkOrder lists links by event, each
// event's in the order they were made (event_claims_order covers it).
const (
	timelineOrder = " ORDER BY (when_start IS NULL), when_start, title_key, id"
	linkOrder     = " ORDER BY event_id, position, claim_id"
)

// listEvents reads the events the where clause selects, in timeline order,
// with their links: one query for the events, one for all their links.
// Listing every event first counts the rows, so that the lists are made
// at their size once.
func listEvents(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]app.Event, error) {
	var nEvents, nLinks int
	if where == "" {
		if err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_claims)").Scan(
			&nEvents, &nLinks); err != nil {
			return nil, fmt.Errorf("count events: %w", err)
		}
		if nEvents == 0 {
			return nil, nil
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events "+where+timelineOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	out := make([]app.Event, 0, nEvents)
	var r eventRow
	dest := r.dest()
	for rows.Next() {
		r = eventRow{}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read event: %w", err)
		}
		e, err := r.event()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	linkWhere := ""
	if where != "" {
		linkWhere = "WHERE event_id IN (SELECT id FROM events " + where + ")"
	}
	if err := readEventLinks(ctx, tx, out, nLinks, linkWhere, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// eventRow receives one row of eventColumns.
type eventRow struct {
	e                    app.Event
	when                 whenCols
	createdAt, updatedAt string
}

// dest are the Scan destinations, in eventColumns's order.
func (r *eventRow) dest() []any {
	d := append([]any{&r.e.ID, &r.e.Title}, r.when.dest()...)
	return append(d, &r.e.Place, &r.e.Description, &r.createdAt, &r.updatedAt)
}

// event is the event the row holds.
func (r *eventRow) event() (app.Event, error) {
	e := r.e
	w, err := r.when.when()
	if err != nil {
		return app.Event{}, err
	}
	if w != nil {
		e.When = *w
	}
	if e.CreatedAt, err = parseTime(r.createdAt); err != nil {
		return app.Event{}, err
	}
	if e.UpdatedAt, err = parseTime(r.updatedAt); err != nil {
		return app.Event{}, err
	}
	return e, nil
}

// readEventLinks reads the links the where clause selects into the events
// of list, each event's in the order they were made. The links of all
// events share one backing array, made for about n links.
func readEventLinks(ctx context.Context, tx *sql.Tx, list []app.Event, n int, where string, args ...any) error {
	at := make(map[app.ID]int, len(list))
	for i := range list {
		at[list[i].ID] = i
	}
	rows, err := tx.QueryContext(ctx, "SELECT event_id, claim_id, stance FROM event_claims "+where+linkOrder, args...)
	if err != nil {
		return fmt.Errorf("read event links: %w", err)
	}
	defer rows.Close()
	// The rows come grouped by event: each group is a run of flat.
	type run struct{ event, from, to int }
	var (
		flat                           = make([]app.EventClaim, 0, n)
		runs                           = make([]run, 0, len(list))
		eventID, last, claimID, stance string
	)
	for rows.Next() {
		if err := rows.Scan(&eventID, &claimID, &stance); err != nil {
			return fmt.Errorf("read event link: %w", err)
		}
		if eventID != last || len(runs) == 0 {
			last = eventID
			i, ok := at[app.ID(eventID)]
			if !ok {
				i = -1 // not an event listed: skip its links
			}
			runs = append(runs, run{event: i, from: len(flat), to: len(flat)})
		}
		r := &runs[len(runs)-1]
		if r.event >= 0 {
			flat = append(flat, app.EventClaim{ClaimID: app.ID(claimID), Stance: app.Stance(stance)})
			r.to = len(flat)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read event links: %w", err)
	}
	for _, r := range runs {
		if r.event >= 0 && r.to > r.from {
			list[r.event].Claims = flat[r.from:r.to:r.to]
		}
	}
	return nil
}
