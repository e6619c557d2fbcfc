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

func mustEntity(t testing.TB, s app.EntityStore, e *app.Entity) *app.Entity {
	t.Helper()
	if err := s.CreateEntity(context.Background(), e); err != nil {
		t.Fatalf("CreateEntity(%q): %v", e.Name, err)
	}
	return e
}

// entities lists the case's entities and fails the test on error.
func entities(t testing.TB, s app.EntityStore) []app.Entity {
	t.Helper()
	list, err := s.Entities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestEntityRoundTripKeepsAliasesAndProvenance(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	seen := f.claims[0]
	e := &app.Entity{Kind: app.EntityPlace, Name: "  Al-Qaim\ttown ", Notes: "Border town on the Euphrates.", Aliases: []app.Alias{
		{Name: "Al-Qāʾim", ArticleID: seen.ArticleID, ClaimID: seen.ID},
		{Name: "Qaim", ByAnalyst: true},
		{Name: "AL-QAIM  TOWN"},                   // the name itself: not stored
		{Name: "qaim", ArticleID: seen.ArticleID}, // repeats an alias: dropped
		{Name: " "}, // empty: dropped
		{Name: "Husaybah district", ArticleID: seen.ArticleID}, // seen in the article only
	}}
	mustEntity(t, f.s, e)
	want := []app.Alias{
		{Name: "Al-Qāʾim", ArticleID: seen.ArticleID, ClaimID: seen.ID},
		{Name: "Qaim", ByAnalyst: true},
		{Name: "Husaybah district", ArticleID: seen.ArticleID},
	}
	if !e.ID.Valid() || e.Name != "Al-Qaim town" || !reflect.DeepEqual(e.Aliases, want) || e.CreatedAt.IsZero() ||
		!e.UpdatedAt.Equal(e.CreatedAt) || e.CreatedAt.Location() != time.UTC {
		t.Fatalf("stored entity = %+v", e)
	}
	if got, err := f.s.Entity(ctx, e.ID); err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("Entity() = %+v, %v\nwant %+v", got, err, e)
	}
	bare := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: "abadi"})
	org := mustEntity(t, f.s, &app.Entity{Kind: app.EntityOrganisation, Name: "Hashd al-Shaabi", Aliases: []app.Alias{{Name: "PMF"}}})
	if got := entities(t, f.s); !reflect.DeepEqual(got, []app.Entity{*bare, *e, *org}) {
		t.Errorf("Entities() = %+v\nwant abadi, Al-Qaim town, Hashd (by name ignoring case)", got)
	}

	// Update replaces kind, name, notes and the aliases in their new order.
	time.Sleep(time.Millisecond)
	up := *e
	up.Kind, up.Name, up.Notes = app.EntityOther, "Al-Qaim", ""
	up.Aliases = []app.Alias{want[2], {Name: "Al Qa'im", ClaimID: f.claims[2].ID}, want[0]}
	up.CreatedAt = time.Time{}
	if err := f.s.UpdateEntity(ctx, &up); err != nil {
		t.Fatal(err)
	}
	if !up.CreatedAt.Equal(e.CreatedAt) || !up.UpdatedAt.After(e.UpdatedAt) {
		t.Errorf("times after update: created %v (was %v), updated %v", up.CreatedAt, e.CreatedAt, up.UpdatedAt)
	}
	if got, err := f.s.Entity(ctx, e.ID); err != nil || !reflect.DeepEqual(got, &up) || got.Aliases[1].Name != "Al Qa'im" {
		t.Errorf("after update = %+v, %v\nwant %+v", got, err, up)
	}

	// Everything survives closing and reopening the case.
	before := entities(t, f.s)
	path := f.s.Path()
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := entities(t, s); !reflect.DeepEqual(got, before) {
		t.Errorf("after reopening: %+v\nwant %+v", got, before)
	}
	if err := s.DeleteEntity(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteEntity(ctx, e.ID), app.ENotFound)
	if _, err := s.Entity(ctx, e.ID); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("deleted entity: %v", err)
	}
	// Its aliases went with it: another entity may take them.
	mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Qaim district", Aliases: []app.Alias{{Name: "Al-Qāʾim"}}})
}

func TestCreateEntityKeepsPresetIDAndTimes(t *testing.T) {
	s := newCase(t)
	id := app.NewID()
	loc := time.FixedZone("AST", 3*3600)
	created := time.Date(2017, time.November, 4, 10, 29, 1, 123456789, loc)
	e := mustEntity(t, s, &app.Entity{ID: id, Kind: app.EntityPerson, Name: "Haider al-Abadi", CreatedAt: created, UpdatedAt: created})
	want := time.Date(2017, time.November, 4, 7, 29, 1, 123456000, time.UTC)
	if e.ID != id || !e.CreatedAt.Equal(want) || e.CreatedAt.Location() != time.UTC || !e.UpdatedAt.Equal(want) {
		t.Errorf("entity = %+v, want id %s created and updated %v", e, id, want)
	}
	if got, err := s.Entity(context.Background(), id); err != nil || !reflect.DeepEqual(got, e) {
		t.Errorf("Entity() = %+v, %v", got, err)
	}
}

// An entity that breaks a rule is refused, and nothing of it is stored.
func TestCreateEntityRefuses(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	abadi := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi", Aliases: []app.Alias{{Name: "Abadi"}}})
	before := entities(t, f.s)
	tests := map[string]struct {
		edit func(*app.Entity)
		code app.Code
	}{
		"no name":           {func(e *app.Entity) { e.Name = " \t" }, app.EInvalid},
		"no kind":           {func(e *app.Entity) { e.Kind = "" }, app.EInvalid},
		"unknown kind":      {func(e *app.Entity) { e.Kind = "town" }, app.EInvalid},
		"bad UTF-8":         {func(e *app.Entity) { e.Notes = "\xff" }, app.EInvalid},
		"bad UTF-8 alias":   {func(e *app.Entity) { e.Aliases = append(e.Aliases, app.Alias{Name: "\xc3\x28"}) }, app.EInvalid},
		"malformed id":      {func(e *app.Entity) { e.ID = "qaim" }, app.EInvalid},
		"id taken":          {func(e *app.Entity) { e.ID = abadi.ID }, app.EConflict},
		"alias taken":       {func(e *app.Entity) { e.Aliases = append(e.Aliases, app.Alias{Name: " ABADI "}) }, app.EConflict},
		"unknown article":   {func(e *app.Entity) { e.Aliases[0].ArticleID = app.NewID() }, app.ENotFound},
		"unknown claim":     {func(e *app.Entity) { e.Aliases[0].ClaimID = app.NewID() }, app.ENotFound},
		"malformed article": {func(e *app.Entity) { e.Aliases[0].ArticleID = "afp" }, app.EInvalid},
		"malformed claim":   {func(e *app.Entity) { e.Aliases[0].ClaimID = "c1" }, app.EInvalid},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := &app.Entity{Kind: app.EntityPlace, Name: "Rawa", Aliases: []app.Alias{{Name: "Rawah", ClaimID: f.claims[2].ID}}}
			tc.edit(e)
			orig := *e
			orig.Aliases = slices.Clone(e.Aliases)
			wantCode(t, f.s.CreateEntity(ctx, e), tc.code)
			if !reflect.DeepEqual(*e, orig) {
				t.Errorf("refused entity was changed: %+v", *e)
			}
			if got := entities(t, f.s); !reflect.DeepEqual(got, before) {
				t.Errorf("Entities() = %+v; want only Abadi", got)
			}
		})
	}
	err := f.s.CreateEntity(ctx, &app.Entity{Kind: app.EntityPerson, Name: "Abadi (minister)", Aliases: []app.Alias{{Name: "abadi"}}})
	if !strings.Contains(app.ErrorMessage(err), "Haider al-Abadi") {
		t.Errorf("alias conflict %q does not name the entity that has the alias", app.ErrorMessage(err))
	}
	wantCode(t, f.s.CreateEntity(ctx, nil), app.EInvalid)
	// Names may repeat: two people can share one.
	mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: "haider AL-ABADI"})
}

func TestUpdateEntityRefuses(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	abadi := mustEntity(t, s, &app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi", Aliases: []app.Alias{{Name: "Abadi"}}})
	amiri := mustEntity(t, s, &app.Entity{Kind: app.EntityPerson, Name: "Hadi al-Amiri", Aliases: []app.Alias{{Name: "Amiri"}}})
	before := entities(t, s)
	tests := map[string]struct {
		edit func(*app.Entity)
		code app.Code
	}{
		"unknown":         {func(e *app.Entity) { e.ID = app.NewID() }, app.ENotFound},
		"no id":           {func(e *app.Entity) { e.ID = "" }, app.EInvalid},
		"other's alias":   {func(e *app.Entity) { e.Aliases = append(e.Aliases, app.Alias{Name: "abadi"}) }, app.EConflict},
		"unknown claim":   {func(e *app.Entity) { e.Aliases = append(e.Aliases, app.Alias{Name: "Badr", ClaimID: app.NewID()}) }, app.ENotFound},
		"no name":         {func(e *app.Entity) { e.Name = "" }, app.EInvalid},
		"unknown kind":    {func(e *app.Entity) { e.Kind = "militia" }, app.EInvalid},
		"unknown article": {func(e *app.Entity) { e.Aliases[0].ArticleID = app.NewID() }, app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := *amiri
			e.Aliases = slices.Clone(amiri.Aliases)
			tc.edit(&e)
			wantCode(t, s.UpdateEntity(ctx, &e), tc.code)
			if got := entities(t, s); !reflect.DeepEqual(got, before) {
				t.Errorf("Entities() = %+v\nwant %+v", got, before)
			}
		})
	}
	// An entity may keep, reorder and re-spell its own aliases.
	e := *abadi
	e.Aliases = []app.Alias{{Name: "Al-Abadi", ByAnalyst: true}, {Name: "ABADI"}}
	if err := s.UpdateEntity(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entity(ctx, abadi.ID); err != nil || !reflect.DeepEqual(got.Aliases, e.Aliases) {
		t.Errorf("aliases after update = %+v, %v", got, err)
	}
}

func TestClaimEntityLinks(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	qaim := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim"})
	hashd := mustEntity(t, f.s, &app.Entity{Kind: app.EntityOrganisation, Name: "Hashd"})
	rawa := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPlace, Name: "Rawa"})
	a, err := f.s.Article(ctx, f.claims[0].ArticleID)
	if err != nil {
		t.Fatal(err)
	}

	// Created with links: repeats dropped, order kept, read back by every read.
	c := newClaim(t, a, "The Hashd moved", "Hashd advanced on Rawa")
	c.EntityIDs = []app.ID{rawa.ID, hashd.ID, rawa.ID}
	mustClaim(t, f.s, c)
	want := []app.ID{rawa.ID, hashd.ID}
	if !slices.Equal(c.EntityIDs, want) {
		t.Errorf("stored links = %v, want %v", c.EntityIDs, want)
	}
	if got, err := f.s.Claim(ctx, c.ID); err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("Claim() = %+v, %v\nwant %+v", got, err, c)
	}
	f.claims[0].EntityIDs = []app.ID{qaim.ID}
	if err := f.s.UpdateClaim(ctx, f.claims[0]); err != nil {
		t.Fatal(err)
	}
	links := func(filter app.ClaimFilter) map[app.ID][]app.ID {
		t.Helper()
		list, err := f.s.Claims(ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		out := map[app.ID][]app.ID{}
		for _, cl := range list {
			out[cl.ID] = cl.EntityIDs
		}
		return out
	}
	all := map[app.ID][]app.ID{f.claims[0].ID: {qaim.ID}, f.claims[1].ID: nil, f.claims[2].ID: nil, c.ID: want}
	for name, filter := range map[string]app.ClaimFilter{"all": {}, "article": {ArticleID: a.ID}, "limit": {Limit: 4}} {
		if got := links(filter); !reflect.DeepEqual(got, all) {
			t.Errorf("%s: links = %v, want %v", name, got, all)
		}
	}
	if got := links(app.ClaimFilter{Limit: 1}); !reflect.DeepEqual(got, map[app.ID][]app.ID{f.claims[0].ID: {qaim.ID}}) {
		t.Errorf("first claim's links = %v", got)
	}

	// ClaimsOfEntity lists claims in the order Claims does.
	f.claims[2].EntityIDs = []app.ID{hashd.ID, qaim.ID}
	if err := f.s.UpdateClaim(ctx, f.claims[2]); err != nil {
		t.Fatal(err)
	}
	for ent, want := range map[app.ID][]app.ID{qaim.ID: {f.claims[0].ID, f.claims[2].ID}, hashd.ID: {c.ID, f.claims[2].ID}} {
		if got, err := f.s.ClaimsOfEntity(ctx, ent); err != nil || !slices.Equal(got, want) {
			t.Errorf("ClaimsOfEntity(%s) = %v, %v; want %v", ent.Short(), got, err, want)
		}
	}
	if _, err := f.s.ClaimsOfEntity(ctx, app.NewID()); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("ClaimsOfEntity(unknown): %v", err)
	}

	// A refused update changes no link; an update without entities drops them.
	bad := *f.claims[2]
	bad.EntityIDs = []app.ID{hashd.ID, app.NewID()}
	wantCode(t, f.s.UpdateClaim(ctx, &bad), app.ENotFound)
	if got, err := f.s.Claim(ctx, f.claims[2].ID); err != nil || !slices.Equal(got.EntityIDs, []app.ID{hashd.ID, qaim.ID}) {
		t.Errorf("links after a refused update = %+v, %v", got, err)
	}

	// Deleting an entity removes it from every claim; the claims stay.
	if err := f.s.DeleteEntity(ctx, hashd.ID); err != nil {
		t.Fatal(err)
	}
	all[c.ID], all[f.claims[2].ID] = []app.ID{rawa.ID}, []app.ID{qaim.ID}
	if got := links(app.ClaimFilter{}); !reflect.DeepEqual(got, all) {
		t.Errorf("links after deleting an entity = %v, want %v", got, all)
	}
	c.EntityIDs = nil
	if err := f.s.UpdateClaim(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.Claim(ctx, c.ID); err != nil || got.EntityIDs != nil {
		t.Errorf("claim without entities = %+v, %v", got, err)
	}
	if got, err := f.s.ClaimsOfEntity(ctx, rawa.ID); err != nil || len(got) != 0 {
		t.Errorf("ClaimsOfEntity after unlinking = %v, %v", got, err)
	}
	// Deleting a claim removes its links.
	if err := f.s.DeleteClaim(ctx, f.claims[0].ID); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.ClaimsOfEntity(ctx, qaim.ID); err != nil || !slices.Equal(got, []app.ID{f.claims[2].ID}) {
		t.Errorf("ClaimsOfEntity after deleting a claim = %v, %v", got, err)
	}
}

func TestResolveEntityID(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	abadi := mustEntity(t, s, &app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi", Aliases: []app.Alias{{Name: "Abadi"}, {Name: "Ḥaydar al-ʿAbādī"}}})
	qaim := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim"})
	town := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Rawa"})
	district := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Rawa"})
	minister := mustEntity(t, s, &app.Entity{Kind: app.EntityPerson, Name: "abadi"}) // named like Haider al-Abadi's alias
	shared := string(qaim.ID[:4])
	if !strings.HasPrefix(string(town.ID), shared) {
		t.Fatalf("test setup: ids %s and %s share no prefix", qaim.ID, town.ID)
	}
	tests := map[string]struct {
		ref  string
		want app.ID
		code app.Code
	}{
		"full id":         {ref: string(qaim.ID), want: qaim.ID},
		"upper-case id":   {ref: strings.ToUpper(string(abadi.ID)), want: abadi.ID},
		"name":            {ref: "  haider   AL-ABADI ", want: abadi.ID},
		"alias":           {ref: "ḥaydar al-ʿabādī", want: abadi.ID},
		"short":           {ref: district.ID.Short(), want: district.ID},
		"prefix":          {ref: string(minister.ID[:30]), want: minister.ID},
		"homonyms":        {ref: "rawa", code: app.EInvalid},
		"name and alias":  {ref: "Abadi", code: app.EInvalid},
		"ambiguous":       {ref: shared, code: app.EInvalid},
		"unknown":         {ref: "Husaybah", code: app.ENotFound},
		"unknown id":      {ref: string(app.NewID()), code: app.ENotFound},
		"too short":       {ref: "abc", code: app.ENotFound},
		"empty":           {ref: " ", code: app.EInvalid},
		"unknown suffix":  {ref: "ffff-ffff", code: app.ENotFound},
		"name, not regex": {ref: "Al-Qa%", code: app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := s.ResolveEntityID(ctx, tc.ref)
			if tc.code != "" {
				wantCode(t, err, tc.code)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ResolveEntityID(%q) = %q, %v; want %q", tc.ref, got, err, tc.want)
			}
		})
	}
}
