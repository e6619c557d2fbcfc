package storage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

// changeScript is a run of change sets, accepted and refused, over the
// fixture: renames, a new text, history kept and removed, deletions in
// and out of order, and finally an empty case.
func changeScript(f fixtureIDs) []app.ChangeSet {
	fx := fixture(f)
	afp := fx.Sources[0]
	afp.Name, afp.Aliases, afp.Reliability = "Agence France-Presse", []string{"AFP"}, app.ReliabilityA
	qaim := fx.Articles[0]
	qaim.Text, qaim.TextHash, qaim.Excluded = qaimText+" More later.", "", nil
	qaim.Sources = qaim.Sources[:1]
	freed := fx.Claims[1]
	freed.Statement, freed.Credibility, freed.EntityIDs = "about 1,500 freed", app.Credibility2, []app.ID{f.person}
	falls := fx.Events[0]
	falls.Claims = falls.Claims[1:]
	place := fx.Entities[0]
	place.Aliases = place.Aliases[:1]
	unlinked := falls
	unlinked.Claims = nil
	dup := fx.Articles[1]
	dup.ID, dup.TextHash = app.NewID(), ""
	ghost := fx.Claims[2]
	ghost.ID, ghost.ArticleID = app.NewID(), f.unknown
	return []app.ChangeSet{
		{Put: *fx},
		{Put: app.Snapshot{Sources: []app.Source{afp}, Articles: []app.Article{qaim}, Claims: []app.Claim{freed}, Events: []app.Event{falls},
			History: append(fx.History, app.GradeChange{SourceID: f.afp, Reliability: app.ReliabilityA, Note: "renamed", At: at(20)})}},
		{Put: app.Snapshot{Articles: []app.Article{dup}}},
		{Put: app.Snapshot{Claims: []app.Claim{ghost}}},
		{Delete: app.SnapshotDeletes{Sources: []app.ID{f.space}}},
		{Delete: app.SnapshotDeletes{Claims: []app.ID{f.retook}}},
		{Put: app.Snapshot{Entities: []app.Entity{place}, Events: []app.Event{unlinked}}, Delete: app.SnapshotDeletes{Claims: []app.ID{f.retook}, History: fx.History[:1]}},
		{Delete: app.SnapshotDeletes{History: fx.History[:1]}},
		{Delete: app.SnapshotDeletes{Events: []app.ID{f.falls, f.undated}, Claims: []app.ID{f.freed, f.orphan},
			Entities: []app.ID{f.place, f.person}, Articles: []app.ID{f.qaim, f.abadiArt}, Sources: []app.ID{f.afp, f.space, f.spokesman}}},
	}
}

// snapshotCase is what the parity run needs of a case.
type snapshotCase interface {
	app.ArticleStore
	app.SourceStore
	app.SourceEditor
	app.ClaimStore
	app.EventStore
	app.EntityStore
	app.ChangeApplier
}

// step is what one change set did to a case.
type step struct {
	Code app.Code
	Case *app.Snapshot
}

// runChanges applies the script and returns, for each step, its error code
// and the whole case after it, times included (ApplyChanges keeps them).
func runChanges(t *testing.T, k snapshotCase, script []app.ChangeSet) []step {
	t.Helper()
	var out []step
	for i := range script {
		err := k.ApplyChanges(context.Background(), &script[i])
		c := load(t, k)
		if len(c.Sources) == 0 { // the mock lists no sources as an empty list, the case file as none
			c.Sources = nil
		}
		out = append(out, step{app.ErrorCode(err), c})
	}
	return out
}

// The in-memory mock applies change sets as the case file does.
func TestMockApplyChangesBehavesLikeTheCaseFile(t *testing.T) {
	f := newFixtureIDs()
	got := runChanges(t, mock.NewCase("mock.ewcase"), changeScript(f))
	want := runChanges(t, newCase(t), changeScript(f))
	wantCodes := []app.Code{"", "", app.EConflict, app.ENotFound, app.EConflict, app.EConflict, "", app.ENotFound, ""}
	if len(got) != len(want) || len(want) != len(wantCodes) {
		t.Fatalf("%d steps from the mock, %d from the case file, %d expected", len(got), len(want), len(wantCodes))
	}
	for i := range want {
		if want[i].Code != wantCodes[i] {
			t.Errorf("step %d: case file code %q, want %q", i, want[i].Code, wantCodes[i])
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			t.Errorf("step %d: mock and case file differ: %s", i, firstDifference(string(g), string(w)))
		}
	}
	if last := want[len(want)-1].Case; !reflect.DeepEqual(last, &app.Snapshot{Articles: []app.Article{}}) {
		t.Errorf("the last step leaves %+v, want an empty case", last)
	}
}

// firstDifference shows where two long strings part, with some context.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("\n  mock:      %s\n  case file: %s", a[from:min(len(a), i+200)], b[from:min(len(b), i+200)])
}
