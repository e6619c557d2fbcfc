package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
	"github.com/evidence-workbench/workbench/widgets"
)

// timelineTab is the shared timeline: every event and dated claim of the
// case in lanes, conflicts marked, and the selected event's evidence.
type timelineTab struct {
	w       *Workbench
	root    fyne.CanvasObject
	tl      *widgets.Timeline
	lanesBy *widget.Select
	panel   *fyne.Container
	empty   *widget.Label
	model   timeline.Model
	names   map[app.ID]string
	claimAt map[app.ID]app.ID // claim -> its article
	ents    map[app.ID]string // entity names, for lanes by entity
	events  map[app.ID]*timeline.EventView
	current app.ID // the event shown in the panel
	// onlyEntity narrows the timeline to one entity (from its page).
	onlyEntity app.ID
	onlyBar    *fyne.Container
	onlyLabel  *widget.Label
	// stale says the model is out of date and is rebuilt when next needed.
	stale bool
}

// shown reports whether the Timeline tab is the one on screen.
func (t *timelineTab) shown() bool {
	sel := t.w.tabs.Selected()
	return sel != nil && sel.Content == t.root
}

var laneChoices = []string{"By source", "By event", "By entity"}

func newTimelineTab(w *Workbench) *timelineTab {
	t := &timelineTab{w: w, tl: widgets.NewTimeline(), names: map[app.ID]string{}}
	t.lanesBy = widget.NewSelect(laneChoices, func(string) { t.layout() })
	t.lanesBy.SetSelectedIndex(0)
	fit := widget.NewButtonWithIcon("Fit all", theme.ZoomFitIcon(), func() { t.tl.FitAll() })
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.zoom(2) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.zoom(0.5) })
	t.tl.OnTapped = t.tapped
	t.panel = container.NewVBox()
	t.empty = widget.NewLabel("Nothing on the timeline yet.\n\nGive a claim a date (the inspector proposes one from its words), or make an event from a claim: both appear here.")
	t.empty.Wrapping = fyne.TextWrapWord
	t.empty.Alignment = fyne.TextAlignCenter
	t.onlyLabel = widget.NewLabel("")
	t.onlyLabel.Importance = widget.WarningImportance
	t.onlyBar = container.NewHBox(t.onlyLabel, widget.NewButtonWithIcon("Show everything", theme.CancelIcon(), t.showAll))
	t.onlyBar.Hide()
	bar := container.NewHBox(t.lanesBy, fit, zoomIn, zoomOut, t.onlyBar)
	top := container.NewBorder(bar, nil, nil, nil, container.NewStack(t.tl, container.NewCenter(t.empty)))
	split := container.NewVSplit(top, container.NewVScroll(container.NewPadded(t.panel)))
	split.Offset = 0.62
	t.root = split
	return t
}

func (t *timelineTab) zoom(f float64) {
	from, to := t.tl.VisibleRange()
	t.tl.ZoomBy(f, from.Add(to.Sub(from)/2))
}

// reload reads events, claims, articles and sources, and rebuilds the model
// when something shows it: the Timeline tab, or a claim in the inspector
// (its events, corroboration and confidence come from the model). Otherwise
// the model is only marked stale, so opening a large case or editing a claim
// does not rebuild a timeline nobody looks at; it is rebuilt when next shown.
func (t *timelineTab) reload() {
	k := t.w.kase
	if k == nil {
		return
	}
	if !t.shown() && t.w.inspector.claim == nil {
		t.stale = true
		return
	}
	t.stale = false
	type loaded struct {
		model   timeline.Model
		names   map[app.ID]string
		claimAt map[app.ID]app.ID
		ents    map[app.ID]string
	}
	background(t.w, "Could not build the timeline", func() (loaded, error) {
		in, err := timeline.Load(context.Background(), k)
		if err != nil {
			return loaded{}, err
		}
		l := loaded{names: map[app.ID]string{}, claimAt: map[app.ID]app.ID{}, ents: in.Entities}
		for id, s := range in.Sources {
			l.names[id] = s.Name
		}
		for _, c := range in.Claims {
			l.claimAt[c.ID] = c.ArticleID
		}
		l.model = timeline.Build(in)
		return l, nil
	}, func(l loaded) {
		t.model, t.names, t.claimAt, t.ents = l.model, l.names, l.claimAt, l.ents
		t.events = map[app.ID]*timeline.EventView{}
		for i := range t.model.Events {
			t.events[t.model.Events[i].Event.ID] = &t.model.Events[i]
		}
		t.layout()
		t.showEvent(t.current)
		t.w.inspector.showClaimEvents() // the inspector lists the claim's events from this model
	})
}

// layout puts the model into the widget's lanes.
func (t *timelineTab) layout() {
	if t.lanesBy == nil || t.empty == nil {
		return // still being built
	}
	by := []timeline.LaneBy{timeline.LanesBySource, timeline.LanesByEvent, timeline.LanesByEntity}[max(0, t.lanesBy.SelectedIndex())]
	name := func(id app.ID) string {
		if n := t.names[id]; n != "" {
			return n
		}
		return "Source not known"
	}
	m := t.model
	if t.onlyEntity != "" {
		m = timeline.AboutEntity(m, t.onlyEntity)
	}
	wl, wi := widgetItems(timeline.Items(m, by, name, t.ents))
	t.tl.SetLanes(wl)
	t.tl.SetItems(wi)
	if len(wi) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
}

// widgetItems turns the model's lanes and items into the widget's.
func widgetItems(lanes []timeline.Lane, items []timeline.Item) ([]widgets.TimelineLane, []widgets.TimelineItem) {
	wl := make([]widgets.TimelineLane, len(lanes))
	for i, l := range lanes {
		wl[i] = widgets.TimelineLane{Key: l.Key, Title: l.Title}
	}
	wi := make([]widgets.TimelineItem, len(items))
	for i, it := range items {
		color := 2 // events: blue
		if it.ClaimID != "" {
			color = toneHighlight(gradeTone(it.Grade))
		}
		start := it.When.Start.Time()
		end := it.When.End.Time().Add(24 * time.Hour)
		wi[i] = widgets.TimelineItem{ID: it.ID, Lane: it.Lane, Start: start, End: end, Label: it.Label, Color: color,
			Approx: it.When.Approximate, Uncertain: it.When.Uncertain, Conflict: it.Conflict, Tooltip: it.Tooltip}
	}
	return wl, wi
}

// showEntity narrows the timeline to one entity's events and claims, and
// switches to it.
func (t *timelineTab) showEntity(id app.ID, name string) {
	t.onlyEntity = id
	t.onlyLabel.SetText("Only what concerns " + name)
	t.onlyBar.Show()
	t.w.tabs.SelectIndex(1)
	t.layout()
	t.tl.FitAll()
}

// showAll lifts the entity filter.
func (t *timelineTab) showAll() {
	t.onlyEntity = ""
	t.onlyBar.Hide()
	t.layout()
}

// tapped opens a claim in the reader, or an event in the panel.
func (t *timelineTab) tapped(id string) {
	switch {
	case strings.HasPrefix(id, "claim:"):
		cid, _, _ := strings.Cut(strings.TrimPrefix(id, "claim:"), "@") // ids are claim:<id>@<lane>
		t.w.openClaim(t.claimAt[app.ID(cid)], app.ID(cid))
	case strings.HasPrefix(id, "event:"):
		t.showEvent(app.ID(strings.TrimPrefix(id, "event:")))
	}
}

// showEvent fills the panel with an event's evidence: corroboration,
// confidence, conflicts with the claims on each side, one click away.
func (t *timelineTab) showEvent(id app.ID) {
	t.current = id
	t.panel.Objects = nil
	ev := t.events[id]
	if ev == nil {
		t.current = ""
		l := widget.NewLabel("Click an event bar to see its evidence; click a claim to open it in the reader.")
		l.Wrapping = fyne.TextWrapWord
		t.panel.Add(l)
		t.panel.Refresh()
		return
	}
	title := widget.NewLabelWithStyle(ev.Event.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := ev.When.EDTF()
	if when == "" {
		when = "no date yet"
	}
	facts := widget.NewLabel(fmt.Sprintf("%s · %s · corroborated by %s · confidence %s (%.2f): %s",
		when, orDash(ev.Event.Place), app.Count(ev.Corroboration, "independent origin", "independent origins"), ev.Confidence.Level, ev.Confidence.Score, ev.Confidence.Reason))
	facts.Wrapping = fyne.TextWrapWord
	t.panel.Add(title)
	t.panel.Add(facts)
	if d := strings.TrimSpace(ev.Event.Description); d != "" {
		l := widget.NewLabel(d)
		l.Wrapping = fyne.TextWrapWord
		t.panel.Add(l)
	}
	t.panel.Add(container.NewHBox(
		widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { t.w.editEventDialog(ev.Event) }),
		widget.NewButtonWithIcon("Merge into…", theme.ContentPasteIcon(), func() { t.w.mergeEventDialog(ev.Event) }),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { t.w.deleteEvent(ev.Event) }),
	))
	for _, c := range ev.Conflicts {
		warn := widget.NewLabel("⚠ " + conflictTitle(c))
		warn.Importance = widget.DangerImportance
		t.panel.Add(warn)
		t.panel.Add(container.NewGridWithColumns(2, t.claimButtons(c.A), t.claimButtons(c.B)))
	}
	t.panel.Add(widget.NewLabelWithStyle(fmt.Sprintf("Supporting (%d)", len(ev.Supporting)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	t.panel.Add(t.claimViews(ev.Supporting))
	if len(ev.Contradicting) > 0 {
		t.panel.Add(widget.NewLabelWithStyle(fmt.Sprintf("Contradicting (%d)", len(ev.Contradicting)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		t.panel.Add(t.claimViews(ev.Contradicting))
	}
	t.panel.Refresh()
}

func conflictTitle(c timeline.Conflict) string {
	switch c.Kind {
	case timeline.ConflictDate:
		return "The sources disagree on the date: " + c.Detail
	case timeline.ConflictQuantity:
		return fmt.Sprintf("The sources disagree on a number (more than %.0f%% apart): %s", timeline.QuantityTolerance*100, c.Detail)
	}
	return "Some claims contradict the event: " + c.Detail
}

// claimButtons lists claims by id as buttons that open them.
func (t *timelineTab) claimButtons(ids []app.ID) fyne.CanvasObject {
	box := container.NewVBox()
	for _, id := range ids {
		var cv *timeline.ClaimView
		for _, ev := range t.model.Events {
			for i := range ev.Supporting {
				if ev.Supporting[i].Claim.ID == id {
					cv = &ev.Supporting[i]
				}
			}
			for i := range ev.Contradicting {
				if ev.Contradicting[i].Claim.ID == id {
					cv = &ev.Contradicting[i]
				}
			}
		}
		if cv != nil {
			box.Add(t.claimButton(*cv))
		}
	}
	return box
}

func (t *timelineTab) claimViews(cvs []timeline.ClaimView) fyne.CanvasObject {
	box := container.NewVBox()
	for _, cv := range cvs {
		box.Add(t.claimButton(cv))
	}
	return box
}

// claimButton is "B2 LPA · 2017-11-03: statement", opening the claim.
func (t *timelineTab) claimButton(cv timeline.ClaimView) fyne.CanvasObject {
	when := "undated"
	if cv.Claim.When != nil {
		when = cv.Claim.When.EDTF()
	}
	origin := t.names[cv.Origin]
	if origin == "" {
		origin = "source not known"
	}
	text := fmt.Sprintf("%s · %s: %s", origin, when, cv.Claim.Statement)
	if q := cv.Claim.Quantity; q != nil {
		text += " (" + q.String() + ")"
	}
	id, article := cv.Claim.ID, cv.Claim.ArticleID
	g := cv.Grade.String()
	return container.NewBorder(nil, nil, container.NewCenter(widgets.NewGradeBadge(orDash(g), gradeTone(cv.Grade))), nil,
		tapRow(text, func() { t.w.openClaim(article, id) }))
}

// tapRow is a one-line button whose text is cut with an ellipsis instead of
// widening the window (widget.Button cannot truncate).
func tapRow(text string, onTap func()) fyne.CanvasObject {
	l := widget.NewLabel(strings.Join(strings.Fields(text), " "))
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(widget.NewButton("", onTap), l)
}
