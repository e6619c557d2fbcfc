package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

// entityCase is what the entity parity script needs of a case.
type entityCase interface {
	app.ArticleStore
	app.ClaimStore
	app.EntityStore
}

// entityScript runs the same entity operations on a case and returns, for
// each step, its error code, the entities (times cleared, as the two
// stores cannot share a clock) and every claim's entity links.
func entityScript(t *testing.T, k entityCase, ids []app.ID) []string {
	t.Helper()
	ctx := context.Background()
	art, c0, c1, c2 := ids[0], ids[1], ids[2], ids[3]
	abadi, haidar, qaim, hashd := ids[4], ids[5], ids[6], ids[7]
	a := &app.Article{ID: art, Text: qaimText, Format: app.FormatText}
	a.Title = "Qaim falls"
	if err := k.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	claims := map[app.ID]*app.Claim{}
	for i, q := range []string{"retook Al-Qāʾim", "1,500 civilians", "towards Rawa"} {
		c := newClaim(t, a, q, q)
		c.ID = ids[1+i]
		if err := k.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
		claims[c.ID] = c
	}
	link := func(id app.ID, ents ...app.ID) func() error {
		return func() error {
			c := *claims[id]
			c.EntityIDs = ents
			return k.UpdateClaim(ctx, &c)
		}
	}
	person := func(id app.ID, name string, aliases ...app.Alias) func() error {
		return func() error {
			return k.CreateEntity(ctx, &app.Entity{ID: id, Kind: app.EntityPerson, Name: name, Aliases: aliases})
		}
	}
	var merge *app.EntityMerge
	steps := []func() error{
		person(abadi, " Haider  al-Abadi", app.Alias{Name: "Abadi", ByAnalyst: true}, app.Alias{Name: "haider al-abadi"}),
		person(haidar, "Haidar Al Abadi", app.Alias{Name: "Al-Abadi", ArticleID: art, ClaimID: c1}, app.Alias{Name: "al-abadi"}),
		func() error {
			return k.CreateEntity(ctx, &app.Entity{ID: qaim, Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{{Name: "Qaim", ClaimID: c0}}})
		},
		func() error {
			return k.CreateEntity(ctx, &app.Entity{ID: hashd, Kind: app.EntityOrganisation, Name: "Hashd"})
		},
		person("", "Abadi's brother", app.Alias{Name: "ABADI"}),
		person("", "Nobody", app.Alias{Name: "N", ArticleID: app.NewID()}),
		person("", "Nobody", app.Alias{Name: "N", ClaimID: "c-1"}),
		person(hashd, "Taken"),
		person("", "x", app.Alias{Name: "y", ClaimID: ids[11]}),
		func() error { return k.CreateEntity(ctx, &app.Entity{Kind: "town", Name: "Rawa"}) },
		func() error {
			return k.UpdateEntity(ctx, &app.Entity{ID: hashd, Kind: app.EntityOrganisation, Name: "Hashd al-Shaabi",
				Aliases: []app.Alias{{Name: "PMF"}, {Name: "abadi"}}})
		},
		func() error {
			return k.UpdateEntity(ctx, &app.Entity{ID: hashd, Kind: app.EntityOrganisation, Name: "Hashd al-Shaabi",
				Aliases: []app.Alias{{Name: "PMF", ArticleID: art}, {Name: "Popular Mobilization", ClaimID: c2}}})
		},
		func() error {
			return k.UpdateEntity(ctx, &app.Entity{ID: ids[11], Kind: app.EntityOther, Name: "ghost"})
		},
		link(c0, qaim, haidar, qaim, abadi),
		link(c1, haidar),
		link(c2, haidar, hashd),
		link(c2, hashd, ids[11]),
		link(c2, hashd, "al-qaim"),
		func() error { _, err := k.MergeEntities(ctx, abadi, abadi); return err },
		func() error { _, err := k.MergeEntities(ctx, abadi, ids[11]); return err },
		func() error { var err error; merge, err = k.MergeEntities(ctx, abadi, haidar); return err },
		func() error { return k.DeleteClaim(ctx, c1) },
		func() error { return k.UnmergeEntities(ctx, merge) },
		func() error { return k.UnmergeEntities(ctx, merge) },
		func() error { return k.DeleteEntity(ctx, qaim) },
		func() error { return k.DeleteEntity(ctx, qaim) },
		person(ids[8], "haidar al abadi", app.Alias{Name: "Haydar"}),
	}
	var out []string
	for i, step := range steps {
		err := step()
		list, lerr := k.Entities(ctx)
		if lerr != nil {
			t.Fatalf("step %d: Entities: %v", i, lerr)
		}
		for j := range list {
			list[j].CreatedAt, list[j].UpdatedAt = time.Time{}, time.Time{}
		}
		cl, cerr := k.Claims(ctx, app.ClaimFilter{})
		if cerr != nil {
			t.Fatalf("step %d: Claims: %v", i, cerr)
		}
		links := make([]string, len(cl))
		for j, c := range cl {
			links[j] = fmt.Sprintf("%s:%v", c.ID.Short(), c.EntityIDs)
		}
		out = append(out, fmt.Sprintf("step %d: code %q, entities %+v, links %v", i, app.ErrorCode(err), list, links))
	}
	for _, ref := range []string{"haider AL-ABADI", "abadi", "al-abadi", "PMF", "HAIDAR AL ABADI", "haydar", string(hashd), hashd.Short(), "Rawa", "", string(hashd[:8])} {
		id, err := k.ResolveEntityID(ctx, ref)
		out = append(out, fmt.Sprintf("resolve %q: %q, code %q", ref, id, app.ErrorCode(err)))
	}
	for _, id := range []app.ID{abadi, haidar, hashd, qaim} {
		got, err := k.ClaimsOfEntity(ctx, id)
		out = append(out, fmt.Sprintf("claims of %s: %v, code %q", id.Short(), got, app.ErrorCode(err)))
	}
	return out
}

// The in-memory mock follows the case file's entity rules step by step.
func TestMockEntitiesBehaveLikeTheCaseFile(t *testing.T) {
	ids := make([]app.ID, 12)
	for i := range ids {
		ids[i] = app.NewID()
	}
	got := entityScript(t, mock.NewCase("mock.ewcase"), ids)
	want := entityScript(t, newCase(t), ids)
	if len(got) != len(want) {
		t.Fatalf("%d results from the mock, %d from the case file", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mock:      %s\ncase file: %s", got[i], want[i])
		}
	}
}
