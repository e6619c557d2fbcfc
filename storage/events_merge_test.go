package storage_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

func TestMergeEventsThenUnmergeRestoresEverything(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	c0, c1, c2 := f.claims[0], f.claims[1], f.claims[2]
	keep := mustEvent(t, f.s, &app.Event{Title: "Al-Qaim retaken", Place: "",
		Claims: []app.EventClaim{link(c0, app.StanceSupports), link(c1, app.StanceSupports)}})
	when := app.When{Start: day(2017, time.November, 2), End: day(2017, time.November, 3), Precision: app.PrecisionDay,
		Uncertain: true, Expression: "on Thursday", Reference: day(2017, time.November, 4)}
	drop := mustEvent(t, f.s, &app.Event{Title: "Qaim falls", When: when, Place: "Al-Qāʾim", Description: "Reported by AFP.",
		Claims: []app.EventClaim{link(c2, app.StanceContradicts), link(c1, app.StanceContradicts)}})
	other := mustEvent(t, f.s, &app.Event{Title: "Rawa", Claims: []app.EventClaim{link(c1, app.StanceSupports)}})
	before, err := f.s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}

	rec, err := f.s.MergeEvents(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Keep != keep.ID || !reflect.DeepEqual(rec.KeepBefore, *keep) || !reflect.DeepEqual(rec.Dropped, *drop) {
		t.Errorf("record = %+v\nwant keep %+v and dropped %+v", rec, *keep, *drop)
	}
	merged, err := f.s.Event(ctx, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantLinks := []app.EventClaim{link(c0, app.StanceSupports), link(c1, app.StanceSupports), link(c2, app.StanceContradicts)}
	if !slices.Equal(merged.Claims, wantLinks) {
		t.Errorf("merged links = %+v, want %+v (keep's stance wins)", merged.Claims, wantLinks)
	}
	if merged.Title != keep.Title || merged.When != when || merged.Place != "Al-Qāʾim" || merged.Description != "Reported by AFP." ||
		!merged.CreatedAt.Equal(keep.CreatedAt) || !merged.UpdatedAt.After(keep.UpdatedAt) {
		t.Errorf("merged event = %+v", merged)
	}
	_, err = f.s.Event(ctx, drop.ID)
	wantCode(t, err, app.ENotFound)
	if got, err := f.s.Event(ctx, other.ID); err != nil || !reflect.DeepEqual(got, other) {
		t.Errorf("an event not in the merge changed: %+v, %v", got, err)
	}

	if err := f.s.UnmergeEvents(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if after, err := f.s.Events(ctx); err != nil || !reflect.DeepEqual(after, before) {
		t.Errorf("after unmerge = %+v, %v\nbefore %+v", after, err, before)
	}
	wantCode(t, f.s.UnmergeEvents(ctx, rec), app.EConflict)
	// The restored events take new links in their usual places.
	if err := f.s.LinkClaim(ctx, drop.ID, c0.ID, app.StanceSupports); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.Event(ctx, drop.ID); err != nil || !slices.Equal(got.Claims, append(slices.Clone(drop.Claims), link(c0, app.StanceSupports))) {
		t.Errorf("link after unmerge: %+v, %v", got, err)
	}
}

func TestMergeEventsKeepsFilledFields(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	kw := app.DayWhen(day(2017, time.November, 3))
	keep := mustEvent(t, f.s, &app.Event{Title: "Qaim", When: kw, Place: "Al-Qaim", Description: "mine"})
	drop := mustEvent(t, f.s, &app.Event{Title: "Qaim 2", When: app.YearWhen(2017), Place: "Iraq", Description: "theirs",
		Claims: []app.EventClaim{link(f.claims[0], app.StanceContradicts)}})
	if _, err := f.s.MergeEvents(ctx, keep.ID, drop.ID); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Event(ctx, keep.ID)
	if err != nil || got.When != kw || got.Place != "Al-Qaim" || got.Description != "mine" ||
		!slices.Equal(got.Claims, drop.Claims) {
		t.Errorf("merged = %+v, %v", got, err)
	}
}

func TestMergeEventsRefusals(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	e := mustEvent(t, f.s, &app.Event{Title: "Qaim"})
	ghost := app.NewID()
	tests := map[string]struct {
		keep, drop app.ID
		code       app.Code
	}{
		"into itself":  {e.ID, e.ID, app.EInvalid},
		"unknown keep": {ghost, e.ID, app.ENotFound},
		"unknown drop": {e.ID, ghost, app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := f.s.MergeEvents(ctx, tc.keep, tc.drop)
			wantCode(t, err, tc.code)
			if m != nil {
				t.Errorf("record %+v with an error", m)
			}
		})
	}
	if got, err := f.s.Event(ctx, e.ID); err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("refused merges changed the event: %+v, %v", got, err)
	}
}

func TestUnmergeEventsRefusalsAndDeletedClaims(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	c0, c1 := f.claims[0], f.claims[1]
	keep := mustEvent(t, f.s, &app.Event{Title: "Qaim", Claims: []app.EventClaim{link(c0, app.StanceSupports)}})
	drop := mustEvent(t, f.s, &app.Event{Title: "Qaim falls", Claims: []app.EventClaim{link(c1, app.StanceSupports), link(c0, app.StanceContradicts)}})
	rec, err := f.s.MergeEvents(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(m *app.EventMerge){
		"keep is dropped":      func(m *app.EventMerge) { m.Dropped.ID = m.Keep },
		"record without keep":  func(m *app.EventMerge) { m.KeepBefore.ID = "" },
		"dropped has no title": func(m *app.EventMerge) { m.Dropped.Title = "" },
		"bad stance":           func(m *app.EventMerge) { m.Dropped.Claims = []app.EventClaim{{ClaimID: c1.ID, Stance: "?"}} },
	}
	for name, spoil := range bad {
		t.Run(name, func(t *testing.T) {
			m := *rec
			m.Dropped.Claims = slices.Clone(rec.Dropped.Claims)
			spoil(&m)
			wantCode(t, f.s.UnmergeEvents(ctx, &m), app.EInvalid)
		})
	}
	wantCode(t, f.s.UnmergeEvents(ctx, nil), app.EInvalid)

	// A claim deleted since the merge is not linked again; everything else is.
	if err := f.s.DeleteClaim(ctx, c1.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.UnmergeEvents(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.Event(ctx, keep.ID); err != nil || !reflect.DeepEqual(got, keep) {
		t.Errorf("kept event after unmerge = %+v, %v\nwant %+v", got, err, keep)
	}
	got, err := f.s.Event(ctx, drop.ID)
	if err != nil || !slices.Equal(got.Claims, []app.EventClaim{link(c0, app.StanceContradicts)}) || got.Title != drop.Title {
		t.Errorf("restored event = %+v, %v", got, err)
	}

	// The kept event deleted since: nothing to restore into.
	rec2, err := f.s.MergeEvents(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteEvent(ctx, keep.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, f.s.UnmergeEvents(ctx, rec2), app.ENotFound)
}

func TestResolveEventID(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	qaim := mustEvent(t, f.s, &app.Event{Title: "Al-Qāʾim retaken"})
	twin1 := mustEvent(t, f.s, &app.Event{Title: "Rawa"})
	mustEvent(t, f.s, &app.Event{Title: "rawa "})
	// Ids made in the same millisecond share their first characters.
	shared := string(qaim.ID[:8])
	tests := map[string]struct {
		ref  string
		want app.ID
		code app.Code
	}{
		"full id":                {string(qaim.ID), qaim.ID, ""},
		"full id in upper case":  {strings.ToUpper(string(twin1.ID)), twin1.ID, ""},
		"short (suffix)":         {qaim.ID.Short(), qaim.ID, ""},
		"prefix":                 {string(qaim.ID[:30]), qaim.ID, ""},
		"title ignoring case":    {"  al-qāʾim RETAKEN", qaim.ID, ""},
		"title of two events":    {"RAWA", "", app.EInvalid},
		"empty":                  {"  ", "", app.EInvalid},
		"too short":              {qaim.ID.Short()[5:], "", app.ENotFound},
		"unknown title":          {"Mosul", "", app.ENotFound},
		"unknown id":             {string(app.NewID()), "", app.ENotFound},
		"fragment of several":    {shared, "", app.EInvalid},
		"fragment of none":       {"ffffffff", "", app.ENotFound},
		"title is not a pattern": {"%", "", app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := f.s.ResolveEventID(ctx, tc.ref)
			if tc.code != "" {
				wantCode(t, err, tc.code)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ResolveEventID(%q) = %q, %v; want %q", tc.ref, got, err, tc.want)
			}
		})
	}
}
