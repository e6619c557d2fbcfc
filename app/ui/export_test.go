package ui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/app/merge"
	"github.com/evidence-workbench/workbench/app/mock"
)

// annotate gives the story a dated claim on an event.
func annotate(t *testing.T, k *mock.Case) (app.Claim, app.Event) {
	t.Helper()
	ctx := context.Background()
	arts, _ := k.Articles(ctx)
	a, _ := k.Article(ctx, arts[0].ID)
	anc, err := app.NewAnchor(a.Text, app.Span{Start: 19, End: 50})
	if err != nil {
		t.Fatal(err)
	}
	when := app.DayWhen(app.Date{Year: 2017, Month: 10, Day: 31})
	c := app.Claim{ArticleID: a.ID, Anchor: anc, Statement: "Troops reached <b>Qaim</b>", Credibility: 2, When: &when}
	if err := k.CreateClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	e := app.Event{Title: "Advance on Qaim", Claims: []app.EventClaim{{ClaimID: c.ID, Stance: app.StanceSupports}}}
	if err := k.CreateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	return c, e
}

func TestExportWritesTheChosenFormatAndFailsCleanly(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	annotate(t, k)
	dir := t.TempDir()
	f, err := export.FormatByName("timelinejs")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "out.json")
	onUI(w, func() { w.runExport(f, export.Scope{}, path) })
	w.Wait()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no export written: %v", err)
	}
	var doc struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Events) < 2 {
		t.Fatalf("TimelineJS export should hold the event and the dated claim: %v, %d events", err, len(doc.Events))
	}
	if !strings.Contains(w.status.Text, "Exported TimelineJS") {
		t.Errorf("status after export: %q", w.status.Text)
	}

	// A folder that does not exist: a message, and no file anywhere.
	bad := filepath.Join(dir, "missing", "out.json")
	onUI(w, func() { w.runExport(f, export.Scope{}, bad) })
	w.Wait()
	if _, err := os.Stat(bad); err == nil {
		t.Fatal("a failed export must not leave a file")
	}
	if top := w.win.Canvas().Overlays().Top(); top == nil {
		t.Error("a failed export should say so in a dialog")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "out.json" {
			t.Errorf("%s left behind by the failed export", e.Name())
		}
	}
}

func TestMergeAnotherCaseIsOneUndoableAction(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	ctx := context.Background()
	c, _ := annotate(t, k)
	ours, err := app.LoadSnapshot(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	// Their copy: the same case, one claim restated, one event more.
	theirs, _ := app.LoadSnapshot(ctx, k)
	theirs.Claims[0].Statement = "Troops reached the edge of Qaim"
	extra := app.Event{ID: app.NewID(), Title: "Rawa next", CreatedAt: time.Now(), UpdatedAt: time.Now()}
	theirs.Events = append(theirs.Events, extra)
	var buf strings.Builder
	d, err := export.Prepare(theirs, export.Scope{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "theirs.json")
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	theirsRead, err := w.readOtherCase(ctx, path)
	if err != nil {
		t.Fatalf("reading their Workbench JSON: %v", err)
	}
	mp := &mergePlan{plan: merge.NewPlan(ours, theirsRead), ours: ours, from: path}
	if len(mp.plan.Differences) != 1 || len(mp.plan.Added) != 1 {
		t.Fatalf("plan: %d differences, %d added; want the restated claim and the new event\n%s", len(mp.plan.Differences), len(mp.plan.Added), mp.plan.Summary())
	}
	onUI(w, func() { w.showMergePlan(mp) })
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the plan should be shown for the analyst to choose")
	}
	// Keeping ours by default: the claim stays as we wrote it.
	onUI(w, func() { w.applyMerge(mp, map[merge.Key]merge.Choice{}) })
	w.Wait()
	evs, _ := k.Events(ctx)
	got, _ := k.Claim(ctx, c.ID)
	if len(evs) != 2 || got.Statement != c.Statement {
		t.Fatalf("after merge: %d events, claim %q; want 2 events and our statement kept", len(evs), got.Statement)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if evs, _ := k.Events(ctx); len(evs) != 1 {
		t.Fatalf("undo should take the whole merge back, %d events left", len(evs))
	}
	// Taking theirs for the difference.
	onUI(w, func() { w.applyMerge(mp, mp.plan.TakeAll(merge.Theirs)) })
	w.Wait()
	if got, _ := k.Claim(ctx, c.ID); got.Statement != "Troops reached the edge of Qaim" {
		t.Fatalf("taking theirs: claim %q", got.Statement)
	}
}
