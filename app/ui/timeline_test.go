package ui

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
	"github.com/evidence-workbench/workbench/app/undo"
)

func TestEventsConflictsAndTheTimeline(t *testing.T) {
	w, k, _ := openStory(t)
	first := claimOn(t, w, 19, 31)
	onUI(w, func() { w.inspector.acceptDate(app.DayWhen(app.Date{Year: 2017, Month: 10, Day: 31})) })
	w.Wait()
	second := claimOn(t, w, 45, 67)
	onUI(w, func() { w.inspector.acceptDate(app.DayWhen(app.Date{Year: 2017, Month: 11, Day: 2})) })
	w.Wait()

	create := &undo.CreateEvent{Store: k, Event: app.Event{Title: "Troops reach Qaim",
		Claims: []app.EventClaim{{ClaimID: first, Stance: app.StanceSupports}}}}
	onUI(w, func() { w.runEventAction("event", create) })
	w.Wait()
	ev := create.Event.ID
	onUI(w, func() {
		w.runEventAction("link", &undo.LinkClaim{Store: k, EventID: ev, ClaimID: second, Stance: app.StanceSupports})
	})
	w.Wait()

	m := w.timeline.model
	if len(m.Events) != 1 || len(m.Events[0].Supporting) != 2 {
		t.Fatalf("timeline model %+v", m.Events)
	}
	var date *timeline.Conflict
	for i, c := range m.Events[0].Conflicts {
		if c.Kind == timeline.ConflictDate {
			date = &m.Events[0].Conflicts[i]
		}
	}
	if date == nil || date.Detail != "2017-10-31 vs 2017-11-02" {
		t.Fatalf("date conflict %+v", m.Events[0].Conflicts)
	}
	onUI(w, func() { w.timeline.tapped("event:" + string(ev)) })
	text := panelText(w)
	if !strings.Contains(text, "The sources disagree on the date: 2017-10-31 vs 2017-11-02") || !strings.Contains(text, "corroborated by 1 independent origin") {
		t.Errorf("event panel:\n%s", text)
	}
	if !strings.Contains(eventBoxText(w), "supports “Troops reach Qaim”") {
		t.Errorf("inspector events: %q", eventBoxText(w))
	}

	// a tap on a claim in the timeline opens it in the reader
	onUI(w, func() { w.inspector.show(nil); w.timeline.tapped("claim:" + string(first) + "@source:x") })
	w.Wait()
	if w.inspector.claim == nil || w.inspector.claim.ID != first || w.tabs.SelectedIndex() != 0 {
		t.Fatalf("tap on a claim should select it in the reader: %v", w.inspector.claim)
	}

	onUI(w, func() { w.undo() }) // detach the second claim again
	w.Wait()
	if n := len(w.timeline.model.Events[0].Supporting); n != 1 || len(w.timeline.model.Events[0].Conflicts) != 0 {
		t.Fatalf("after undo: %d supporting, conflicts %+v", n, w.timeline.model.Events[0].Conflicts)
	}
}

// panelText is everything the timeline's event panel says.
func panelText(w *Workbench) string { return objectText(w.timeline.panel.Objects) }

func eventBoxText(w *Workbench) string { return objectText(w.inspector.eventBox.Objects) }
