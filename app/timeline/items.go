package timeline

import (
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// LaneBy says how the timeline is split into lanes.
type LaneBy string

// Ways to lay out lanes.
const (
	LanesBySource LaneBy = "source" // one lane per origin; events on top
	LanesByEvent  LaneBy = "event"  // one lane per event with its claims
	LanesByEntity LaneBy = "entity" // one lane per entity a claim mentions; events on top
)

// Lane is one row of the timeline.
type Lane struct {
	Key   string
	Title string
}

// Item is one thing drawn on the timeline: an event or a dated claim.
type Item struct {
	ID       string // "event:<id>" or "claim:<id>", unique per lane layout
	Lane     string
	When     app.When
	Label    string
	Grade    app.Grade // claims only
	Conflict bool      // the event has conflicts, or the claim is on one side of one
	EventID  app.ID
	ClaimID  app.ID
	Tooltip  string
}

// Items lays the model out in lanes. name gives a source's display name;
// entities names the entities for lanes by entity. A claim that mentions
// several entities stands in each of their lanes.
func Items(m Model, by LaneBy, name func(app.ID) string, entities map[app.ID]string) ([]Lane, []Item) {
	var lanes []Lane
	var items []Item
	laneSeen := map[string]bool{}
	addLane := func(key, title string) {
		if !laneSeen[key] {
			laneSeen[key] = true
			lanes = append(lanes, Lane{key, title})
		}
	}
	inConflict := map[app.ID]bool{}
	for _, ev := range m.Events {
		for _, c := range ev.Conflicts {
			for _, id := range append(append([]app.ID(nil), c.A...), c.B...) {
				inConflict[id] = true
			}
		}
	}
	claimItem := func(cv ClaimView, lane string, ev *EventView) Item {
		c := cv.Claim
		it := Item{ID: "claim:" + string(c.ID) + "@" + lane, Lane: lane, When: *c.When, Label: clipLabel(c.Statement),
			Grade: cv.Grade, Conflict: inConflict[c.ID], ClaimID: c.ID}
		g := cv.Grade.String()
		if g == "" {
			g = "not graded"
		}
		it.Tooltip = fmt.Sprintf("%s\n%s · %s · %s", c.Statement, c.When.EDTF(), g, name(cv.Origin))
		if ev != nil {
			it.EventID = ev.Event.ID
			it.Tooltip += fmt.Sprintf("\n%s “%s”", cv.Stance, ev.Event.Title)
		}
		return it
	}
	for i := range m.Events {
		ev := &m.Events[i]
		lane, title := "events", "Events"
		if by == LanesByEvent {
			lane, title = "event:"+string(ev.Event.ID), ev.Event.Title
		}
		addLane(lane, title)
		if !ev.When.IsZero() {
			it := Item{ID: "event:" + string(ev.Event.ID), Lane: lane, When: ev.When, Label: clipLabel(ev.Event.Title),
				Conflict: len(ev.Conflicts) > 0, EventID: ev.Event.ID}
			it.Tooltip = fmt.Sprintf("%s\n%s · corroborated by %s · confidence %s", ev.Event.Title, ev.When.EDTF(), app.Count(ev.Corroboration, "origin", "origins"), ev.Confidence.Level)
			for _, c := range ev.Conflicts {
				it.Tooltip += "\n⚠ " + string(c.Kind) + ": " + c.Detail
			}
			items = append(items, it)
		}
		for _, cv := range append(append([]ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
			if cv.Claim.When == nil || cv.Claim.When.IsZero() {
				continue
			}
			for _, l := range claimLanes(cv, by, lane, name, entities, addLane) {
				items = append(items, claimItem(cv, l, ev))
			}
		}
	}
	for _, cv := range m.Loose {
		for _, l := range claimLanes(cv, by, "loose", name, entities, addLane) {
			items = append(items, claimItem(cv, l, nil))
		}
	}
	return lanes, items
}

// claimLanes are the lanes a claim is drawn in: its origin's, its event's
// (or "loose"), or one per entity it mentions.
func claimLanes(cv ClaimView, by LaneBy, eventLane string, name func(app.ID) string, entities map[app.ID]string, addLane func(key, title string)) []string {
	switch by {
	case LanesBySource:
		l := originLane(cv.Origin)
		addLane(l, name(cv.Origin))
		return []string{l}
	case LanesByEntity:
		var out []string
		for _, id := range cv.Claim.EntityIDs {
			if n, ok := entities[id]; ok {
				l := "entity:" + string(id)
				addLane(l, n)
				out = append(out, l)
			}
		}
		if len(out) == 0 {
			addLane("entity:none", "No entity named")
			out = []string{"entity:none"}
		}
		return out
	}
	if eventLane == "loose" {
		addLane("loose", "Claims without an event")
	}
	return []string{eventLane}
}

func originLane(id app.ID) string {
	if id == "" {
		return "source:unknown"
	}
	return "source:" + string(id)
}

func clipLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
