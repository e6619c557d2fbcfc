package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// LinkClaim links a claim to an event with a stance, after the event's
// other links, or changes the stance of the link there is (it keeps its
// place). A change sets the event's UpdatedAt; linking again with the same
// stance changes nothing. An unknown event or claim is ENotFound, an
// unknown stance EInvalid.
func (s *Store) LinkClaim(ctx context.Context, eventID, claimID app.ID, stance app.Stance) error {
	if err := validStance(stance); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := linkClaim(ctx, tx, eventID, claimID, stance); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit link: %w", err)
	}
	return nil
}

func validStance(st app.Stance) error {
	if st != app.StanceSupports && st != app.StanceContradicts {
		return app.Errorf(app.EInvalid, "“%s” is not a stance: a claim supports or contradicts an event.", st)
	}
	return nil
}

func linkClaim(ctx context.Context, tx *sql.Tx, eventID, claimID app.ID, stance app.Stance) error {
	if _, err := eventTitle(ctx, tx, eventID); err != nil {
		return err
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)", claimID).Scan(&exists); err != nil {
		return fmt.Errorf("look for claim: %w", err)
	}
	if !exists {
		return claimNotFound(claimID)
	}
	// No row changes when the link is there with the same stance.
	res, err := tx.ExecContext(ctx, `INSERT INTO event_claims (event_id, claim_id, stance, position)
		VALUES (?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM event_claims WHERE event_id = ?))
		ON CONFLICT (event_id, claim_id) DO UPDATE SET stance = excluded.stance WHERE stance <> excluded.stance`,
		eventID, claimID, string(stance), eventID)
	if err != nil {
		return fmt.Errorf("link claim: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("link claim: %w", err)
	} else if n == 0 {
		return nil
	}
	return touchEvent(ctx, tx, eventID, now())
}

// UnlinkClaim removes a claim's link to an event (the claim stays) and
// sets the event's UpdatedAt. An unknown event, or a claim not linked to
// it, is ENotFound.
func (s *Store) UnlinkClaim(ctx context.Context, eventID, claimID app.ID) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	title, err := eventTitle(ctx, tx, eventID)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "DELETE FROM event_claims WHERE event_id = ? AND claim_id = ?", eventID, claimID)
	if err != nil {
		return fmt.Errorf("unlink claim: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("unlink claim: %w", err)
	} else if n == 0 {
		return app.Errorf(app.ENotFound, "The claim %s is not linked to the event “%s”.", claimID, title)
	}
	if err := touchEvent(ctx, tx, eventID, now()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit unlink: %w", err)
	}
	return nil
}

// eventTitle returns the title of the event with that id, or ENotFound.
func eventTitle(ctx context.Context, tx *sql.Tx, id app.ID) (string, error) {
	var title string
	err := tx.QueryRowContext(ctx, "SELECT title FROM events WHERE id = ?", id).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return "", eventNotFound(id)
	}
	if err != nil {
		return "", fmt.Errorf("read event: %w", err)
	}
	return title, nil
}

// MergeEvents merges drop into keep, in one transaction: drop's links are
// added after keep's, in their order, except for claims keep links
// already (keep's stance wins); keep's empty when, place and description
// are filled from drop's; keep's UpdatedAt becomes now; drop is deleted.
// The record returned holds keep as it was and drop whole, links included,
// for UnmergeEvents. keep == drop is EInvalid; an unknown event ENotFound.
func (s *Store) MergeEvents(ctx context.Context, keep, drop app.ID) (*app.EventMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "An event cannot be merged into itself: choose two different events.")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	m, err := mergeEvents(ctx, tx, keep, drop)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit merge: %w", err)
	}
	return m, nil
}

func mergeEvents(ctx context.Context, tx *sql.Tx, keep, drop app.ID) (*app.EventMerge, error) {
	k, err := getEvent(ctx, tx, keep)
	if err != nil {
		return nil, err
	}
	d, err := getEvent(ctx, tx, drop)
	if err != nil {
		return nil, err
	}
	m := &app.EventMerge{Keep: keep, KeepBefore: *k, Dropped: *d}
	m.KeepBefore.Claims = slices.Clone(k.Claims)
	has := make(map[app.ID]bool, len(k.Claims))
	for _, l := range k.Claims {
		has[l.ClaimID] = true
	}
	var moved []app.EventClaim
	for _, l := range d.Claims {
		if !has[l.ClaimID] {
			moved = append(moved, l)
		}
	}
	// Drop's links go with it (ON DELETE CASCADE); the moved ones are made anew.
	if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", drop); err != nil {
		return nil, fmt.Errorf("delete merged event: %w", err)
	}
	var next int
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(position) + 1, 0) FROM event_claims WHERE event_id = ?", keep).Scan(&next); err != nil {
		return nil, fmt.Errorf("read link order: %w", err)
	}
	if _, err := insertLinks(ctx, tx, keep, moved, next, false); err != nil {
		return nil, err
	}
	if k.When.IsZero() {
		k.When = d.When
	}
	if strings.TrimSpace(k.Place) == "" {
		k.Place = d.Place
	}
	if strings.TrimSpace(k.Description) == "" {
		k.Description = d.Description
	}
	k.UpdatedAt = now()
	return m, writeEvent(ctx, tx, k)
}

// UnmergeEvents undoes MergeEvents from its record, in one transaction:
// the kept event gets back its title, when, place, description, times and
// links exactly as recorded, and the merged-away event comes back with its
// id, fields, times and links. Links to claims deleted since the merge are
// not brought back. An unknown kept event is ENotFound; a merged-away
// event already back is EConflict.
func (s *Store) UnmergeEvents(ctx context.Context, m *app.EventMerge) error {
	keep, drop, err := validEventMerge(m)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := unmergeEvents(ctx, tx, &keep, &drop); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit unmerge: %w", err)
	}
	return nil
}

// validEventMerge checks a merge record and returns the two events to
// restore, as CreateEvent would store them.
func validEventMerge(m *app.EventMerge) (keep, drop app.Event, err error) {
	if m == nil {
		return keep, drop, app.Errorf(app.EInvalid, "There is no merge to undo.")
	}
	if !m.Keep.Valid() || m.KeepBefore.ID != m.Keep || !m.Dropped.ID.Valid() {
		return keep, drop, app.Errorf(app.EInvalid, "The merge record names no events: it cannot be undone.")
	}
	if m.Dropped.ID == m.Keep {
		return keep, drop, app.Errorf(app.EInvalid, "An event cannot be merged into itself: choose two different events.")
	}
	if keep, err = newEvent(&m.KeepBefore); err != nil {
		return keep, drop, err
	}
	if drop, err = newEvent(&m.Dropped); err != nil {
		return keep, drop, err
	}
	return keep, drop, nil
}

func unmergeEvents(ctx context.Context, tx *sql.Tx, keep, drop *app.Event) error {
	if _, err := eventTitle(ctx, tx, keep.ID); err != nil {
		return err
	}
	if title, err := eventTitle(ctx, tx, drop.ID); err == nil {
		return app.Errorf(app.EConflict, "The event “%s” is in the case already: this merge was undone before.", title)
	} else if app.ErrorCode(err) != app.ENotFound {
		return err
	}
	if err := replaceEvent(ctx, tx, keep, true); err != nil {
		return err
	}
	if err := createEvent(ctx, tx, drop); err != nil {
		return err
	}
	_, err := insertLinks(ctx, tx, drop.ID, drop.Claims, 0, true)
	return err
}

// replaceEvent replaces the stored row of an event and all its links
// with e's. A linked claim not in the case is ENotFound or, with
// skipMissing, left out.
func replaceEvent(ctx context.Context, tx *sql.Tx, e *app.Event, skipMissing bool) error {
	if err := writeEvent(ctx, tx, e); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM event_claims WHERE event_id = ?", e.ID); err != nil {
		return fmt.Errorf("clear event links: %w", err)
	}
	_, err := insertLinks(ctx, tx, e.ID, e.Claims, 0, skipMissing)
	return err
}
