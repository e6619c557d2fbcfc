package storage_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// eventFixture is a case with one article and three claims on it.
type eventFixture struct {
	s      *storage.Store
	claims []*app.Claim // "retook Al-Qāʾim", "1,500 civilians", "towards Rawa"
}

func newEventFixture(t *testing.T) *eventFixture {
	t.Helper()
	s := newCase(t)
	a := mustCreate(t, s, article("Qaim falls", qaimText))
	f := &eventFixture{s: s}
	for _, q := range []string{"retook Al-Qāʾim", "1,500 civilians", "towards Rawa"} {
		f.claims = append(f.claims, mustClaim(t, s, newClaim(t, a, q, "claim on "+q)))
	}
	return f
}

// link is an EventClaim for claim c.
func link(c *app.Claim, st app.Stance) app.EventClaim {
	return app.EventClaim{ClaimID: c.ID, Stance: st}
}

func mustEvent(t testing.TB, s app.EventStore, e *app.Event) *app.Event {
	t.Helper()
	if err := s.CreateEvent(context.Background(), e); err != nil {
		t.Fatalf("CreateEvent(%q): %v", e.Title, err)
	}
	return e
}

func day(y int, m time.Month, d int) app.Date { return app.Date{Year: y, Month: m, Day: d} }

func TestEventRoundTripKeepsEveryWhen(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	full := app.When{Start: day(2017, time.November, 2), End: day(2017, time.November, 4), Precision: app.PrecisionDay,
		Approximate: true, Uncertain: true, Expression: "on Thursday", Reference: day(2017, time.November, 5), Note: "Thursday before publication"}
	month := app.MonthWhen(2017, time.October)
	month.Approximate = true
	early := app.When{Start: day(2014, time.January, 1), End: day(2014, time.April, 30), Precision: app.PrecisionMonth, Expression: "in early 2014"}
	doubted := app.DayWhen(day(2017, time.November, 3))
	doubted.Uncertain = true
	tests := map[string]app.When{
		"none":                 {},
		"day":                  app.DayWhen(day(2017, time.November, 3)),
		"range with all parts": full,
		"approximate month":    month,
		"month range":          early,
		"uncertain day":        doubted,
		"year":                 app.YearWhen(2017),
	}
	for name, w := range tests {
		t.Run(name, func(t *testing.T) {
			e := &app.Event{Title: "  Al-Qaim retaken ", When: w, Place: " Al-Qāʾim ", Description: "Iraqi forces enter the town.\n",
				Claims: []app.EventClaim{link(f.claims[2], app.StanceContradicts), link(f.claims[0], app.StanceSupports)}}
			in := *e
			in.Claims = slices.Clone(e.Claims)
			before := time.Now().UTC().Add(-time.Second)
			mustEvent(t, f.s, e)
			if !e.ID.Valid() || e.CreatedAt.Before(before) || !e.UpdatedAt.Equal(e.CreatedAt) || e.CreatedAt.Location() != time.UTC {
				t.Fatalf("set on create: id %q, created %v, updated %v", e.ID, e.CreatedAt, e.UpdatedAt)
			}
			in.ID, in.CreatedAt, in.UpdatedAt = e.ID, e.CreatedAt, e.UpdatedAt
			in.Title, in.Place = "Al-Qaim retaken", "Al-Qāʾim"
			if !reflect.DeepEqual(*e, in) {
				t.Errorf("CreateEvent left\n%+v\nwant\n%+v", *e, in)
			}
			got, err := f.s.Event(ctx, e.ID)
			if err != nil || !reflect.DeepEqual(got, e) {
				t.Errorf("Event() = %+v, %v\nwant %+v", got, err, e)
			}
			if got != nil && got.When.EDTF() != w.EDTF() {
				t.Errorf("EDTF %q, want %q", got.When.EDTF(), w.EDTF())
			}
		})
	}
}

func TestEventsSurviveReopening(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	e := mustEvent(t, f.s, &app.Event{Title: "Husaybah freed", When: app.DayWhen(day(2017, time.November, 3)),
		Claims: []app.EventClaim{link(f.claims[1], app.StanceSupports)}})
	path := f.s.Path()
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, err := s.Events(ctx); err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], *e) {
		t.Errorf("after reopening: %+v, %v\nwant %+v", list, err, *e)
	}
}

func TestCreateEventKeepsPresetIDAndTimes(t *testing.T) {
	f := newEventFixture(t)
	id := app.NewID()
	loc := time.FixedZone("AST", 3*3600)
	created := time.Date(2017, time.November, 4, 10, 29, 1, 123456789, loc)
	e := mustEvent(t, f.s, &app.Event{ID: id, Title: "Rawa", CreatedAt: created})
	want := time.Date(2017, time.November, 4, 7, 29, 1, 123456000, time.UTC)
	if e.ID != id || !e.CreatedAt.Equal(want) || e.CreatedAt.Location() != time.UTC || !e.UpdatedAt.After(want) {
		t.Errorf("event = %+v, want id %s created %v and updated now", e, id, want)
	}
}

func TestEventsOrderByStartThenTitle(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	nov := func(d int) app.When { return app.DayWhen(day(2017, time.November, d)) }
	// Created out of order; the wanted order is the list sorted by hand.
	for _, e := range []app.Event{
		{Title: "undated b"},
		{Title: "Rawa taken", When: nov(17)},
		{Title: "border crossing", When: nov(3)},
		{Title: "Undated A"},
		{Title: "Al-Qaim retaken", When: nov(3)},
		{Title: "October push", When: app.MonthWhen(2017, time.October)},
		{Title: "Abadi at Husaybah", When: app.When{Start: day(2017, time.November, 2), End: day(2017, time.November, 9), Precision: app.PrecisionDay}},
		{Title: "early 2014", When: app.YearWhen(2014)},
	} {
		mustEvent(t, f.s, &e)
	}
	list, err := f.s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range list {
		titles = append(titles, e.Title)
	}
	want := []string{"early 2014", "October push", "Abadi at Husaybah", "Al-Qaim retaken", "border crossing", "Rawa taken", "Undated A", "undated b"}
	if !slices.Equal(titles, want) {
		t.Errorf("Events() order = %q\nwant %q", titles, want)
	}
}

func TestUpdateEventKeepsLinksAndCreation(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	e := mustEvent(t, f.s, &app.Event{Title: "Qaim", Claims: []app.EventClaim{link(f.claims[0], app.StanceSupports)}})
	stored := *e
	e.Title, e.Place, e.Description = "Al-Qaim retaken", "Al-Qaim", "The town falls."
	e.When = app.DayWhen(day(2017, time.November, 3))
	e.Claims = []app.EventClaim{link(f.claims[1], app.StanceContradicts)} // ignored: links change through LinkClaim
	e.CreatedAt = time.Time{}
	if err := f.s.UpdateEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Claims, stored.Claims) || !e.CreatedAt.Equal(stored.CreatedAt) || !e.UpdatedAt.After(stored.UpdatedAt) {
		t.Errorf("after update: %+v (was %+v)", e, stored)
	}
	if got, err := f.s.Event(ctx, e.ID); err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("Event() = %+v, %v\nwant %+v", got, err, e)
	}
	// Clearing the date stores an undated event.
	e.When = app.When{}
	if err := f.s.UpdateEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.Event(ctx, e.ID); err != nil || !got.When.IsZero() {
		t.Errorf("date not cleared: %+v, %v", got, err)
	}
	missing := &app.Event{ID: app.NewID(), Title: "Nowhere"}
	wantCode(t, f.s.UpdateEvent(ctx, missing), app.ENotFound)
	wantCode(t, f.s.UpdateEvent(ctx, &app.Event{ID: e.ID, Title: " "}), app.EInvalid)
	wantCode(t, f.s.UpdateEvent(ctx, nil), app.EInvalid)
}

func TestDeleteEventKeepsClaims(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	e := mustEvent(t, f.s, &app.Event{Title: "Qaim", Claims: []app.EventClaim{link(f.claims[0], app.StanceSupports)}})
	other := mustEvent(t, f.s, &app.Event{Title: "Rawa", Claims: []app.EventClaim{link(f.claims[0], app.StanceContradicts)}})
	if err := f.s.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Event(ctx, e.ID)
	wantCode(t, err, app.ENotFound)
	wantCode(t, f.s.DeleteEvent(ctx, e.ID), app.ENotFound)
	if _, err := f.s.Claim(ctx, f.claims[0].ID); err != nil {
		t.Errorf("the linked claim went with the event: %v", err)
	}
	if list, err := f.s.Events(ctx); err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], *other) {
		t.Errorf("Events() = %+v, %v; want only %+v", list, err, *other)
	}
	// The same id can be used again: undoing the delete.
	e.UpdatedAt = time.Time{}
	mustEvent(t, f.s, e)
	if got, err := f.s.Event(ctx, e.ID); err != nil || len(got.Claims) != 1 {
		t.Errorf("re-created event = %+v, %v", got, err)
	}
}

func TestCreateEventRefusals(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	taken := mustEvent(t, f.s, &app.Event{Title: "Taken"})
	ghost := app.NewID()
	ok := link(f.claims[0], app.StanceSupports)
	tests := map[string]struct {
		e    app.Event
		code app.Code
		says string
	}{
		"no title":            {app.Event{Title: " \t"}, app.EInvalid, "title"},
		"unknown stance":      {app.Event{Title: "x", Claims: []app.EventClaim{{ClaimID: f.claims[0].ID, Stance: "maybe"}}}, app.EInvalid, "stance"},
		"claim not in case":   {app.Event{Title: "x", Claims: []app.EventClaim{ok, {ClaimID: ghost, Stance: app.StanceSupports}}}, app.ENotFound, string(ghost)},
		"claim linked twice":  {app.Event{Title: "x", Claims: []app.EventClaim{ok, ok}}, app.EInvalid, "twice"},
		"not a claim id":      {app.Event{Title: "x", Claims: []app.EventClaim{{ClaimID: "abc", Stance: app.StanceSupports}}}, app.EInvalid, "abc"},
		"date without start":  {app.Event{Title: "x", When: app.When{Expression: "on Thursday"}}, app.EInvalid, "start"},
		"ends before start":   {app.Event{Title: "x", When: app.When{Start: day(2017, 11, 3), End: day(2017, 11, 1), Precision: app.PrecisionDay}}, app.EInvalid, "before"},
		"no such day":         {app.Event{Title: "x", When: app.When{Start: day(2017, 2, 30), End: day(2017, 3, 5), Precision: app.PrecisionDay}}, app.EInvalid, "calendar"},
		"unknown precision":   {app.Event{Title: "x", When: app.When{Start: day(2017, 2, 3), End: day(2017, 2, 3), Precision: "hour"}}, app.EInvalid, "precision"},
		"title not UTF-8":     {app.Event{Title: "Qa\xffim"}, app.EInvalid, "UTF-8"},
		"not an event id":     {app.Event{ID: "42", Title: "x"}, app.EInvalid, "42"},
		"id taken":            {app.Event{ID: taken.ID, Title: "x"}, app.EConflict, string(taken.ID)},
		"description invalid": {app.Event{Title: "x", Description: "\xc3"}, app.EInvalid, "UTF-8"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := tc.e
			e.Claims = slices.Clone(tc.e.Claims)
			err := f.s.CreateEvent(ctx, &e)
			wantCode(t, err, tc.code)
			if !strings.Contains(app.ErrorMessage(err), tc.says) {
				t.Errorf("message %q does not say %q", app.ErrorMessage(err), tc.says)
			}
			if !reflect.DeepEqual(e, tc.e) {
				t.Errorf("a refused event was changed: %+v", e)
			}
		})
	}
	wantCode(t, f.s.CreateEvent(ctx, nil), app.EInvalid)
	if list, err := f.s.Events(ctx); err != nil || len(list) != 1 {
		t.Errorf("refused events were stored: %+v, %v", list, err)
	}
}

func TestLinkUnlinkAndRestance(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	c0, c1, c2 := f.claims[0], f.claims[1], f.claims[2]
	e := mustEvent(t, f.s, &app.Event{Title: "Qaim", Claims: []app.EventClaim{link(c0, app.StanceSupports)}})
	get := func() *app.Event {
		t.Helper()
		got, err := f.s.Event(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	steps := []struct {
		name  string
		do    func() error
		links []app.EventClaim
		touch bool
	}{
		{"link a new claim goes last", func() error { return f.s.LinkClaim(ctx, e.ID, c2.ID, app.StanceContradicts) },
			[]app.EventClaim{link(c0, app.StanceSupports), link(c2, app.StanceContradicts)}, true},
		{"link another", func() error { return f.s.LinkClaim(ctx, e.ID, c1.ID, app.StanceSupports) },
			[]app.EventClaim{link(c0, app.StanceSupports), link(c2, app.StanceContradicts), link(c1, app.StanceSupports)}, true},
		{"restance keeps the place", func() error { return f.s.LinkClaim(ctx, e.ID, c0.ID, app.StanceContradicts) },
			[]app.EventClaim{link(c0, app.StanceContradicts), link(c2, app.StanceContradicts), link(c1, app.StanceSupports)}, true},
		{"same stance changes nothing", func() error { return f.s.LinkClaim(ctx, e.ID, c0.ID, app.StanceContradicts) },
			[]app.EventClaim{link(c0, app.StanceContradicts), link(c2, app.StanceContradicts), link(c1, app.StanceSupports)}, false},
		{"unlink the middle", func() error { return f.s.UnlinkClaim(ctx, e.ID, c2.ID) },
			[]app.EventClaim{link(c0, app.StanceContradicts), link(c1, app.StanceSupports)}, true},
		{"relink goes last", func() error { return f.s.LinkClaim(ctx, e.ID, c2.ID, app.StanceSupports) },
			[]app.EventClaim{link(c0, app.StanceContradicts), link(c1, app.StanceSupports), link(c2, app.StanceSupports)}, true},
	}
	prev := get()
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got := get()
		if !slices.Equal(got.Claims, st.links) {
			t.Errorf("%s: links %+v, want %+v", st.name, got.Claims, st.links)
		}
		if touched := !got.UpdatedAt.Equal(prev.UpdatedAt); touched != st.touch || got.UpdatedAt.Before(prev.UpdatedAt) {
			t.Errorf("%s: UpdatedAt %v -> %v, want touched %v", st.name, prev.UpdatedAt, got.UpdatedAt, st.touch)
		}
		prev = got
	}
	wantCode(t, f.s.UnlinkClaim(ctx, e.ID, app.NewID()), app.ENotFound)
	wantCode(t, f.s.UnlinkClaim(ctx, app.NewID(), c0.ID), app.ENotFound)
	wantCode(t, f.s.LinkClaim(ctx, app.NewID(), c0.ID, app.StanceSupports), app.ENotFound)
	wantCode(t, f.s.LinkClaim(ctx, e.ID, app.NewID(), app.StanceSupports), app.ENotFound)
	wantCode(t, f.s.LinkClaim(ctx, e.ID, c0.ID, "neutral"), app.EInvalid)
	if got := get(); !reflect.DeepEqual(got, prev) {
		t.Errorf("refused link calls changed the event: %+v", got)
	}
}

func TestDeletingAClaimRemovesItsLinks(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	c0, c1 := f.claims[0], f.claims[1]
	a := mustEvent(t, f.s, &app.Event{Title: "Qaim", Claims: []app.EventClaim{link(c0, app.StanceSupports), link(c1, app.StanceSupports)}})
	b := mustEvent(t, f.s, &app.Event{Title: "Rawa", Claims: []app.EventClaim{link(c0, app.StanceContradicts)}})
	if err := f.s.DeleteClaim(ctx, c0.ID); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Event(ctx, a.ID)
	if err != nil || !slices.Equal(got.Claims, []app.EventClaim{link(c1, app.StanceSupports)}) {
		t.Errorf("event after its claim went: %+v, %v", got, err)
	}
	if got, err := f.s.Event(ctx, b.ID); err != nil || got.Claims != nil {
		t.Errorf("event whose only claim went: %+v, %v", got, err)
	}
	// The link is gone, so unlinking it again finds nothing.
	wantCode(t, f.s.UnlinkClaim(ctx, b.ID, c0.ID), app.ENotFound)
}
