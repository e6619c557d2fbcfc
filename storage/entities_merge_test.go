package storage_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// entityState is what a merge may change: every entity and every claim.
type entityState struct {
	Entities []app.Entity
	Claims   []app.Claim
}

func readEntityState(t *testing.T, s interface {
	app.EntityStore
	app.ClaimStore
}) entityState {
	t.Helper()
	claims, err := s.Claims(context.Background(), app.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return entityState{Entities: entities(t, s), Claims: claims}
}

// linkClaim sets a claim's entity links.
func linkEntities(t *testing.T, s app.ClaimStore, c *app.Claim, ids ...app.ID) {
	t.Helper()
	c.EntityIDs = ids
	if err := s.UpdateClaim(context.Background(), c); err != nil {
		t.Fatal(err)
	}
}

func TestMergeEntitiesThenUnmergeRestoresEverything(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	a := f.claims[0].ArticleID
	keep := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi", Notes: "Prime minister",
		Aliases: []app.Alias{{Name: "Abadi", ByAnalyst: true}}})
	drop := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: "Haidar Al Abadi", Aliases: []app.Alias{
		{Name: "Al-Abadi", ArticleID: a, ClaimID: f.claims[1].ID}, {Name: "Ḥaydar al-ʿAbādī", ArticleID: a}}})
	other := mustEntity(t, f.s, &app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim"})
	linkEntities(t, f.s, f.claims[0], drop.ID)                    // drop only
	linkEntities(t, f.s, f.claims[1], keep.ID, other.ID, drop.ID) // both, drop last
	linkEntities(t, f.s, f.claims[2], drop.ID, other.ID, keep.ID) // both, drop first
	before := readEntityState(t, f.s)

	m, err := f.s.MergeEntities(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	// By name: Al-Qaim, Haidar Al Abadi (drop), Haider al-Abadi (keep).
	if !reflect.DeepEqual(m.KeepBefore, before.Entities[2]) || !reflect.DeepEqual(m.Dropped, before.Entities[1]) {
		t.Errorf("record holds %+v and %+v\nwant %+v and %+v", m.KeepBefore, m.Dropped, before.Entities[2], before.Entities[1])
	}
	ids := []app.ID{f.claims[0].ID, f.claims[1].ID, f.claims[2].ID}
	wantLinks := map[app.ID][]app.ID{ids[0]: {drop.ID}, ids[1]: {keep.ID, other.ID, drop.ID}, ids[2]: {drop.ID, other.ID, keep.ID}}
	if !slices.Equal(m.Claims, ids) || !reflect.DeepEqual(m.ClaimEntities, wantLinks) {
		t.Errorf("record claims %v %v\nwant %v %v", m.Claims, m.ClaimEntities, ids, wantLinks)
	}

	merged, err := f.s.Entity(ctx, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantAliases := []app.Alias{{Name: "Abadi", ByAnalyst: true}, {Name: "Haidar Al Abadi", ByAnalyst: true},
		{Name: "Al-Abadi", ArticleID: a, ClaimID: f.claims[1].ID}, {Name: "Ḥaydar al-ʿAbādī", ArticleID: a}}
	if !reflect.DeepEqual(merged.Aliases, wantAliases) || merged.Name != keep.Name || merged.Notes != keep.Notes ||
		!merged.UpdatedAt.After(keep.UpdatedAt) {
		t.Errorf("kept entity after merge = %+v\nwant aliases %+v", merged, wantAliases)
	}
	if _, err := f.s.Entity(ctx, drop.ID); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("merged-away entity: %v", err)
	}
	for i, want := range [][]app.ID{{keep.ID}, {keep.ID, other.ID}, {other.ID, keep.ID}} {
		if got, err := f.s.Claim(ctx, ids[i]); err != nil || !slices.Equal(got.EntityIDs, want) {
			t.Errorf("claim %d links %v after merge, %v; want %v", i, got.EntityIDs, err, want)
		}
	}
	if got, err := f.s.ClaimsOfEntity(ctx, keep.ID); err != nil || !slices.Equal(got, ids) {
		t.Errorf("ClaimsOfEntity(keep) = %v, %v", got, err)
	}
	if got, err := f.s.ResolveEntityID(ctx, "haidar al abadi"); err != nil || got != keep.ID {
		t.Errorf("the merged-away name resolves to %q, %v", got, err)
	}

	if err := f.s.UnmergeEntities(ctx, m); err != nil {
		t.Fatal(err)
	}
	if after := readEntityState(t, f.s); !reflect.DeepEqual(after, before) {
		t.Errorf("after unmerge:\n%+v\nwant\n%+v", after, before)
	}
	wantCode(t, f.s.UnmergeEntities(ctx, m), app.EConflict)
	if after := readEntityState(t, f.s); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused unmerge changed the case:\n%+v", after)
	}
}

// A spelling keep has already (as its name or an alias) is not added
// again; a name another entity holds as an alias stays with that entity.
func TestMergeEntitiesSkipsSpellingsTaken(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	keep := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{{Name: "Qaim town"}}})
	drop := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Husaybah", Aliases: []app.Alias{{Name: "AL-QAIM"}, {Name: "Husaibah"}}})
	mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Husaybah district", Aliases: []app.Alias{{Name: "husaybah"}}})
	before := readEntityState(t, s)
	m, err := s.MergeEntities(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(ctx, keep.ID)
	if want := []app.Alias{{Name: "Qaim town"}, {Name: "Husaibah"}}; err != nil || !reflect.DeepEqual(got.Aliases, want) {
		t.Errorf("aliases after merge = %+v, %v; want %+v", got, err, want)
	}
	if id, err := s.ResolveEntityID(ctx, "husaybah"); err != nil || id == keep.ID {
		t.Errorf("“husaybah” resolves to %q, %v; want the district, which has it as an alias", id, err)
	}
	if m.Claims != nil || m.ClaimEntities != nil {
		t.Errorf("record of a merge without claims = %+v", m)
	}
	if err := s.UnmergeEntities(ctx, m); err != nil {
		t.Fatal(err)
	}
	if after := readEntityState(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("after unmerge:\n%+v\nwant\n%+v", after, before)
	}
	town := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "QAIM TOWN"})
	if _, err := s.MergeEntities(ctx, keep.ID, town.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entity(ctx, keep.ID); err != nil || !reflect.DeepEqual(got.Aliases, keep.Aliases) {
		t.Errorf("aliases after merging in an entity named like one = %+v, %v; want %+v", got, err, keep.Aliases)
	}
}

func TestMergeEntitiesRefusals(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	e := mustEntity(t, s, &app.Entity{Kind: app.EntityPlace, Name: "Rawa"})
	before := readEntityState(t, s)
	tests := map[string]struct {
		keep, drop app.ID
		code       app.Code
	}{
		"itself":       {e.ID, e.ID, app.EInvalid},
		"unknown keep": {app.NewID(), e.ID, app.ENotFound},
		"unknown drop": {e.ID, app.NewID(), app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := s.MergeEntities(ctx, tc.keep, tc.drop)
			wantCode(t, err, tc.code)
			if m != nil {
				t.Errorf("record of a refused merge: %+v", m)
			}
			if after := readEntityState(t, s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused merge changed the case: %+v", after)
			}
		})
	}
	bad := map[string]*app.EntityMerge{
		"nil":       nil,
		"empty":     {},
		"same":      {KeepBefore: *e, Dropped: *e},
		"no name":   {KeepBefore: *e, Dropped: app.Entity{ID: app.NewID(), Kind: app.EntityPlace}},
		"no keep":   {KeepBefore: app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: "x"}, Dropped: app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: "y"}},
		"bad alias": {KeepBefore: *e, Dropped: app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: "y", Aliases: []app.Alias{{Name: "z", ClaimID: "c1"}}}},
	}
	codes := map[string]app.Code{"nil": app.EInvalid, "empty": app.EInvalid, "same": app.EInvalid, "no name": app.EInvalid,
		"no keep": app.ENotFound, "bad alias": app.EInvalid}
	for name, m := range bad {
		t.Run("unmerge "+name, func(t *testing.T) {
			wantCode(t, s.UnmergeEntities(ctx, m), codes[name])
			if after := readEntityState(t, s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused unmerge changed the case: %+v", after)
			}
		})
	}
}

// Undoing a merge later keeps what changed since where it can, and
// refuses, changing nothing, where it cannot.
func TestUnmergeEntitiesAfterChanges(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	keep := mustEntity(t, f.s, &app.Entity{Kind: app.EntityOrganisation, Name: "Hashd al-Shaabi"})
	drop := mustEntity(t, f.s, &app.Entity{Kind: app.EntityOrganisation, Name: "PMF", Aliases: []app.Alias{
		{Name: "Popular Mobilization Forces", ClaimID: f.claims[0].ID}, {Name: "PMU"}}})
	for _, c := range f.claims {
		linkEntities(t, f.s, c, drop.ID)
	}
	m, err := f.s.MergeEntities(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Since the merge: a claim deleted (with it, an alias's provenance), a
	// claim unlinked, and drop's alias "PMU" given to another entity.
	if err := f.s.DeleteClaim(ctx, f.claims[0].ID); err != nil {
		t.Fatal(err)
	}
	linkEntities(t, f.s, f.claims[1])
	k, err := f.s.Entity(ctx, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	k.Aliases = slices.DeleteFunc(k.Aliases, func(al app.Alias) bool { return al.Name == "PMU" })
	if err := f.s.UpdateEntity(ctx, k); err != nil {
		t.Fatal(err)
	}
	units := mustEntity(t, f.s, &app.Entity{Kind: app.EntityOrganisation, Name: "Units", Aliases: []app.Alias{{Name: "pmu"}}})
	before := readEntityState(t, f.s)
	wantCode(t, f.s.UnmergeEntities(ctx, m), app.EConflict)
	if after := readEntityState(t, f.s); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused unmerge changed the case:\n%+v\nwant\n%+v", after, before)
	}

	if err := f.s.DeleteEntity(ctx, units.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.UnmergeEntities(ctx, m); err != nil {
		t.Fatal(err)
	}
	back, err := f.s.Entity(ctx, drop.ID)
	want := []app.Alias{{Name: "Popular Mobilization Forces"}, {Name: "PMU"}}
	if err != nil || !reflect.DeepEqual(back.Aliases, want) || !back.UpdatedAt.Equal(drop.UpdatedAt) {
		t.Errorf("restored entity = %+v, %v; want aliases %+v, the deleted claim cleared", back, err, want)
	}
	if got, err := f.s.Entity(ctx, keep.ID); err != nil || !reflect.DeepEqual(got, keep) {
		t.Errorf("kept entity = %+v, %v\nwant %+v", got, err, keep)
	}
	for i, want := range [][]app.ID{nil, {drop.ID}} {
		if got, err := f.s.Claim(ctx, f.claims[i+1].ID); err != nil || !slices.Equal(got.EntityIDs, want) {
			t.Errorf("claim %d links %v, %v; want %v", i+1, got.EntityIDs, err, want)
		}
	}
}

// Two merges into one entity, undone newest first, put a claim's links
// back in their order.
func TestUnmergeEntitiesInReverseOrder(t *testing.T) {
	ctx := context.Background()
	f := newEventFixture(t)
	var ents []*app.Entity
	for _, name := range []string{"Abadi", "Amiri", "Muhandis", "Sadr"} {
		ents = append(ents, mustEntity(t, f.s, &app.Entity{Kind: app.EntityPerson, Name: name}))
	}
	k, d1, d2, x := ents[0], ents[1], ents[2], ents[3]
	linkEntities(t, f.s, f.claims[0], d2.ID, k.ID, x.ID, d1.ID)
	linkEntities(t, f.s, f.claims[1], d1.ID, d2.ID)
	before := readEntityState(t, f.s)
	m1, err := f.s.MergeEntities(ctx, k.ID, d1.ID)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := f.s.MergeEntities(ctx, k.ID, d2.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]app.ID{{k.ID, x.ID}, {k.ID}} {
		if got, err := f.s.Claim(ctx, f.claims[i].ID); err != nil || !slices.Equal(got.EntityIDs, want) {
			t.Errorf("claim %d links %v after both merges, %v; want %v", i, got.EntityIDs, err, want)
		}
	}
	for _, m := range []*app.EntityMerge{m2, m1} {
		if err := f.s.UnmergeEntities(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if after := readEntityState(t, f.s); !reflect.DeepEqual(after, before) {
		t.Errorf("after both unmerges:\n%+v\nwant\n%+v", after, before)
	}
}
