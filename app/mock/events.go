package mock

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.EventStore = (*Case)(nil)

// cloneEvent copies an event with its links (none: nil).
func cloneEvent(e *app.Event) app.Event {
	cp := *e
	cp.Claims = nil
	if len(e.Claims) > 0 {
		cp.Claims = slices.Clone(e.Claims)
	}
	return cp
}

// stamp is a time as the case file keeps it: UTC, to the microsecond.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// checkEvent validates an event as the case file does (tidyEvent) and
// returns a copy to store, title and place trimmed. Linked claims must be
// in the case; callers hold c.mu.
func (c *Case) checkEvent(e *app.Event) (app.Event, error) {
	if e == nil {
		return app.Event{}, app.Errorf(app.EInvalid, "there is no event to store")
	}
	n, err := tidyEvent(e)
	if err != nil {
		return app.Event{}, err
	}
	for _, l := range n.Claims {
		if _, ok := c.claims[l.ClaimID]; !ok {
			return app.Event{}, app.Errorf(app.ENotFound, "the event links the claim %s, which is not in this case", l.ClaimID)
		}
	}
	return n, nil
}

// CreateEvent implements app.EventStore.
func (c *Case) CreateEvent(_ context.Context, e *app.Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, err := c.checkEvent(e)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "%q is not an event id", n.ID)
	}
	if _, dup := c.events[n.ID]; dup {
		return app.Errorf(app.EConflict, "event %s exists already", n.ID)
	}
	now := time.Now()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = now
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = now
	}
	n.CreatedAt, n.UpdatedAt = stamp(n.CreatedAt), stamp(n.UpdatedAt)
	stored := cloneEvent(&n)
	c.events[n.ID] = &stored
	*e = n
	return nil
}

// Event implements app.EventStore.
func (c *Case) Event(_ context.Context, id app.ID) (*app.Event, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.events[id]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no event %s in this case", id)
	}
	cp := cloneEvent(e)
	return &cp, nil
}

// Events implements app.EventStore: by start day (undated last), then
// title ignoring case, then id.
func (c *Case) Events(context.Context) ([]app.Event, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []app.Event
	for _, e := range c.events {
		out = append(out, cloneEvent(e))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.When.IsZero() != b.When.IsZero() {
			return !a.When.IsZero()
		}
		if cmp := a.When.Start.Compare(b.When.Start); cmp != 0 {
			return cmp < 0
		}
		if key(a.Title) != key(b.Title) {
			return key(a.Title) < key(b.Title)
		}
		return a.ID < b.ID
	})
	return out, nil
}

// UpdateEvent implements app.EventStore: title, when, place and
// description; the links stay.
func (c *Case) UpdateEvent(_ context.Context, e *app.Event) error {
	if e == nil {
		return app.Errorf(app.EInvalid, "there is no event to store")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fields := *e
	fields.Claims = nil
	n, err := c.checkEvent(&fields)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "%q is not an event id", n.ID)
	}
	cur, ok := c.events[n.ID]
	if !ok {
		return app.Errorf(app.ENotFound, "no event %s in this case", n.ID)
	}
	n.Claims, n.CreatedAt, n.UpdatedAt = cur.Claims, cur.CreatedAt, stamp(time.Now())
	*cur = cloneEvent(&n)
	*e = cloneEvent(cur)
	return nil
}

// DeleteEvent implements app.EventStore.
func (c *Case) DeleteEvent(_ context.Context, id app.ID) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.events[id]; !ok {
		return app.Errorf(app.ENotFound, "no event %s in this case", id)
	}
	delete(c.events, id)
	return nil
}

// LinkClaim implements app.EventStore: a new link goes last, a changed
// stance keeps its place, and only a change touches the event.
func (c *Case) LinkClaim(_ context.Context, eventID, claimID app.ID, stance app.Stance) error {
	if stance != app.StanceSupports && stance != app.StanceContradicts {
		return app.Errorf(app.EInvalid, "unknown stance %q", stance)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.events[eventID]
	if !ok {
		return app.Errorf(app.ENotFound, "no event %s in this case", eventID)
	}
	if _, ok := c.claims[claimID]; !ok {
		return app.Errorf(app.ENotFound, "no claim %s in this case", claimID)
	}
	i := slices.IndexFunc(e.Claims, func(l app.EventClaim) bool { return l.ClaimID == claimID })
	switch {
	case i < 0:
		e.Claims = append(e.Claims, app.EventClaim{ClaimID: claimID, Stance: stance})
	case e.Claims[i].Stance == stance:
		return nil
	default:
		e.Claims[i].Stance = stance
	}
	e.UpdatedAt = stamp(time.Now())
	return nil
}

// UnlinkClaim implements app.EventStore.
func (c *Case) UnlinkClaim(_ context.Context, eventID, claimID app.ID) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.events[eventID]
	if !ok {
		return app.Errorf(app.ENotFound, "no event %s in this case", eventID)
	}
	i := slices.IndexFunc(e.Claims, func(l app.EventClaim) bool { return l.ClaimID == claimID })
	if i < 0 {
		return app.Errorf(app.ENotFound, "the claim %s is not linked to the event “%s”", claimID, e.Title)
	}
	e.Claims = slices.Delete(e.Claims, i, i+1)
	e.UpdatedAt = stamp(time.Now())
	return nil
}

// MergeEvents implements app.EventStore with the case file's rules.
func (c *Case) MergeEvents(_ context.Context, keep, drop app.ID) (*app.EventMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "an event cannot be merged into itself")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.events[keep]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no event %s in this case", keep)
	}
	d, ok := c.events[drop]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no event %s in this case", drop)
	}
	m := &app.EventMerge{Keep: keep, KeepBefore: cloneEvent(k), Dropped: cloneEvent(d)}
	for _, l := range d.Claims {
		if !slices.ContainsFunc(k.Claims, func(x app.EventClaim) bool { return x.ClaimID == l.ClaimID }) {
			k.Claims = append(k.Claims, l)
		}
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
	k.UpdatedAt = stamp(time.Now())
	delete(c.events, drop)
	return m, nil
}

// UnmergeEvents implements app.EventStore: both events come back as
// recorded, without links to claims deleted since.
func (c *Case) UnmergeEvents(_ context.Context, m *app.EventMerge) error {
	if m == nil || m.Keep == "" || m.KeepBefore.ID != m.Keep || m.Dropped.ID == "" || m.Dropped.ID == m.Keep {
		return app.Errorf(app.EInvalid, "there is no merge to undo")
	}
	for _, e := range []*app.Event{&m.KeepBefore, &m.Dropped} {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.events[m.Keep]; !ok {
		return app.Errorf(app.ENotFound, "no event %s in this case", m.Keep)
	}
	if _, back := c.events[m.Dropped.ID]; back {
		return app.Errorf(app.EConflict, "the event “%s” is in the case already: the merge was undone before", m.Dropped.Title)
	}
	for _, rec := range []*app.Event{&m.KeepBefore, &m.Dropped} {
		e := cloneEvent(rec)
		e.Claims = slices.DeleteFunc(e.Claims, func(l app.EventClaim) bool { _, ok := c.claims[l.ClaimID]; return !ok })
		e = cloneEvent(&e)
		c.events[e.ID] = &e
	}
	return nil
}

// ResolveEventID implements app.EventStore: full id, exact title ignoring
// case, then a unique id prefix or suffix of at least four characters.
func (c *Case) ResolveEventID(_ context.Context, ref string) (app.ID, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", app.Errorf(app.EInvalid, "name an event by its title or id")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f := strings.ToLower(ref)
	if _, ok := c.events[app.ID(f)]; ok {
		return app.ID(f), nil
	}
	var titled, fits []app.ID
	for id, e := range c.events {
		if key(e.Title) == key(ref) {
			titled = append(titled, id)
		}
		if len(f) >= 4 && (strings.HasPrefix(string(id), f) || strings.HasSuffix(string(id), f)) {
			fits = append(fits, id)
		}
	}
	for _, found := range [][]app.ID{titled, fits} {
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return "", app.Errorf(app.EInvalid, "%q fits %d events: give more of the id", ref, len(found))
		}
	}
	return "", app.Errorf(app.ENotFound, "no event %q in this case", ref)
}
