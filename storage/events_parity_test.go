package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

// eventCase is what the parity script needs of a case.
type eventCase interface {
	app.ArticleStore
	app.ClaimStore
	app.EventStore
}

// eventScript runs the same event operations on a case and returns, for
// each step, its error code and the timeline after it (times cleared, as
// the two stores cannot share a clock).
func eventScript(t *testing.T, k eventCase, ids []app.ID) []string {
	t.Helper()
	ctx := context.Background()
	art, c0, c1, c2 := ids[0], ids[1], ids[2], ids[3]
	e0, e1, e2, e3 := ids[4], ids[5], ids[6], ids[7]
	a := &app.Article{ID: art, Text: qaimText, Format: app.FormatText}
	a.Title = "Qaim falls"
	if err := k.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	for i, q := range []string{"retook Al-Qāʾim", "1,500 civilians", "towards Rawa"} {
		c := newClaim(t, a, q, q)
		c.ID = ids[1+i]
		if err := k.CreateClaim(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	nov := func(d int) app.When { return app.DayWhen(day(2017, time.November, d)) }
	ln := func(id app.ID, st app.Stance) app.EventClaim { return app.EventClaim{ClaimID: id, Stance: st} }
	var merge *app.EventMerge
	steps := []func() error{
		func() error {
			return k.CreateEvent(ctx, &app.Event{ID: e0, Title: "qaim retaken", Claims: []app.EventClaim{ln(c0, app.StanceSupports)}})
		},
		func() error {
			return k.CreateEvent(ctx, &app.Event{ID: e1, Title: " Qaim falls ", When: nov(3), Place: " Al-Qaim ",
				Claims: []app.EventClaim{ln(c1, app.StanceContradicts), ln(c0, app.StanceContradicts)}})
		},
		func() error { return k.CreateEvent(ctx, &app.Event{ID: e2, Title: "Abadi raises flag", When: nov(3)}) },
		func() error {
			return k.CreateEvent(ctx, &app.Event{ID: e3, Title: "Rawa", When: app.MonthWhen(2017, time.November)})
		},
		func() error {
			return k.CreateEvent(ctx, &app.Event{Title: "ghost", Claims: []app.EventClaim{ln(ids[11], app.StanceSupports)}})
		},
		func() error { return k.CreateEvent(ctx, &app.Event{ID: e3, Title: "taken"}) },
		func() error { return k.CreateEvent(ctx, &app.Event{Title: "x", When: app.When{Note: "no day"}}) },
		func() error { return k.LinkClaim(ctx, e2, c2, app.StanceSupports) },
		func() error { return k.LinkClaim(ctx, e2, c0, app.StanceSupports) },
		func() error { return k.LinkClaim(ctx, e2, c2, app.StanceContradicts) },
		func() error { return k.LinkClaim(ctx, e2, c2, "both") },
		func() error { return k.UnlinkClaim(ctx, e2, c2) },
		func() error { return k.UnlinkClaim(ctx, e2, c2) },
		func() error { return k.UpdateEvent(ctx, &app.Event{ID: e3, Title: "Rawa taken", Place: "Rawa"}) },
		func() error { _, err := k.MergeEvents(ctx, e0, e0); return err },
		func() error { var err error; merge, err = k.MergeEvents(ctx, e0, e1); return err },
		func() error { return k.DeleteClaim(ctx, c1) },
		func() error { return k.UnmergeEvents(ctx, merge) },
		func() error { return k.UnmergeEvents(ctx, merge) },
		func() error { return k.DeleteEvent(ctx, e2) },
		func() error { return k.DeleteEvent(ctx, e2) },
	}
	var out []string
	for i, step := range steps {
		err := step()
		list, lerr := k.Events(ctx)
		if lerr != nil {
			t.Fatalf("step %d: Events: %v", i, lerr)
		}
		for j := range list {
			list[j].CreatedAt, list[j].UpdatedAt = time.Time{}, time.Time{}
		}
		out = append(out, fmt.Sprintf("step %d: code %q, events %+v", i, app.ErrorCode(err), list))
	}
	for _, ref := range []string{"QAIM RETAKEN", string(e3), e3.Short(), "Qaim", "", string(e3[:8])} {
		id, err := k.ResolveEventID(ctx, ref)
		out = append(out, fmt.Sprintf("resolve %q: %q, code %q", ref, id, app.ErrorCode(err)))
	}
	return out
}

// The in-memory mock follows the case file's event rules step by step.
func TestMockEventsBehaveLikeTheCaseFile(t *testing.T) {
	ids := make([]app.ID, 12)
	for i := range ids {
		ids[i] = app.NewID()
	}
	got := eventScript(t, mock.NewCase("mock.ewcase"), ids)
	want := eventScript(t, newCase(t), ids)
	if len(got) != len(want) {
		t.Fatalf("%d results from the mock, %d from the case file", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mock:      %s\ncase file: %s", got[i], want[i])
		}
	}
}
