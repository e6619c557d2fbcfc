package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/undo"
)

// openClaim shows a claim in the reader: its article, selected and scrolled to.
func (w *Workbench) openClaim(articleID, claimID app.ID) {
	if articleID == "" {
		return
	}
	w.tabs.SelectIndex(0)
	w.revealClaim = claimID
	w.claims.selected = claimID
	if a := w.reader.article; a != nil && a.ID == articleID {
		w.reloadClaims(claimID)
		return
	}
	w.reader.show(articleID)
}

// runEventAction runs an undoable event action and refreshes the claims
// and the timeline.
func (w *Workbench) runEventAction(what string, act undo.Action) {
	w.runAction(what, func(ctx context.Context) error { return w.history.Run(ctx, act) }, nil, w.timeline.reload)
}

// eventForm builds the fields of an event dialog, filled from e.
func eventForm(e app.Event) (*widget.Entry, *widget.Entry, *widget.Entry, *widget.Entry, []*widget.FormItem) {
	title := widget.NewEntry()
	title.SetText(e.Title)
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return app.Errorf(app.EInvalid, "an event needs a title")
		}
		return nil
	}
	when := widget.NewEntry()
	when.SetText(e.When.EDTF())
	when.SetPlaceHolder("EDTF: 2017-11-03, 2017-11-03/2017-11-05, 2017-11~; empty = from its claims")
	when.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := app.ParseEDTF(s)
		return err
	}
	place := widget.NewEntry()
	place.SetText(e.Place)
	desc := widget.NewMultiLineEntry()
	desc.SetText(e.Description)
	desc.SetMinRowsVisible(3)
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title), widget.NewFormItem("When", when),
		widget.NewFormItem("Place", place), widget.NewFormItem("Description", desc),
	}
	return title, when, place, desc, items
}

func readEventForm(e app.Event, title, when, place, desc *widget.Entry) (app.Event, error) {
	e.Title = strings.TrimSpace(title.Text)
	e.Place = strings.TrimSpace(place.Text)
	e.Description = desc.Text
	e.When = app.When{}
	if s := strings.TrimSpace(when.Text); s != "" {
		w, err := app.ParseEDTF(s)
		if err != nil {
			return e, err
		}
		e.When = w
	}
	return e, e.Validate()
}

// newEventFromClaim makes an event from the selected claim, which supports it.
func (w *Workbench) newEventFromClaim() {
	c := w.inspector.claim
	if c == nil || w.kase == nil {
		return
	}
	seed := app.Event{Title: c.Statement}
	if c.When != nil {
		seed.When = *c.When
	}
	title, when, place, desc, items := eventForm(seed)
	d := dialog.NewForm("New event from this claim", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		e, err := readEventForm(seed, title, when, place, desc)
		if err != nil {
			w.showError("Could not make the event", err)
			return
		}
		e.Claims = []app.EventClaim{{ClaimID: c.ID, Stance: app.StanceSupports}}
		w.runEventAction("Could not make the event", &undo.CreateEvent{Store: w.kase, Event: e})
	}, w.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// attachDialog links the selected claim to an existing event.
func (w *Workbench) attachDialog() {
	c, k := w.inspector.claim, w.kase
	if c == nil || k == nil {
		return
	}
	background(w, "Could not read the events", func() ([]app.Event, error) {
		return k.Events(context.Background())
	}, func(evs []app.Event) {
		if len(evs) == 0 {
			dialog.ShowInformation("No events yet", "Make an event from a claim first (New event…).", w.win)
			return
		}
		titles := make([]string, len(evs))
		byTitle := map[string]app.Event{}
		for i, e := range evs {
			titles[i] = fmt.Sprintf("%s (%s)", e.Title, orDash(e.When.EDTF()))
			byTitle[titles[i]] = e
		}
		pick := widget.NewSelect(titles, nil)
		stance := widget.NewRadioGroup([]string{string(app.StanceSupports), string(app.StanceContradicts)}, nil)
		stance.Horizontal = true
		stance.SetSelected(string(app.StanceSupports))
		form := widget.NewForm(widget.NewFormItem("Event", pick), widget.NewFormItem("This claim", stance))
		dialog.ShowCustomConfirm("Attach to an event", "Attach", "Cancel", form, func(ok bool) {
			e, found := byTitle[pick.Selected]
			if !ok || !found {
				return
			}
			before := app.Stance("")
			for _, l := range e.Claims {
				if l.ClaimID == c.ID {
					before = l.Stance
				}
			}
			w.runEventAction("Could not attach the claim", &undo.LinkClaim{Store: k, EventID: e.ID, ClaimID: c.ID, Stance: app.Stance(stance.Selected), Before: before})
		}, w.win)
	})
}

// showClaimEvents lists the events the inspector's claim belongs to, with
// a detach button for each.
func (in *inspector) showClaimEvents() {
	in.eventBox.Objects = nil
	c := in.claim
	if c == nil {
		in.eventBox.Refresh()
		return
	}
	var mine []app.Event
	for _, ev := range in.w.timeline.model.Events {
		for _, l := range ev.Event.Claims {
			if l.ClaimID == c.ID {
				mine = append(mine, ev.Event)
			}
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].Title < mine[j].Title })
	if len(mine) == 0 {
		l := widget.NewLabel("Not on any event: it stands on the timeline alone when it has a date.")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		in.eventBox.Add(l)
	}
	for _, e := range mine {
		e := e
		stance := app.StanceSupports
		for _, l := range e.Claims {
			if l.ClaimID == c.ID {
				stance = l.Stance
			}
		}
		text := fmt.Sprintf("%s “%s”", stance, e.Title)
		if ev := in.w.timeline.events[e.ID]; ev != nil {
			text += fmt.Sprintf(" · %s · confidence %s", app.Count(ev.Corroboration, "origin", "origins"), ev.Confidence.Level)
			if n := len(ev.Conflicts); n > 0 {
				text += " · ⚠ " + app.Count(n, "conflict", "conflicts")
			}
		}
		id := e.ID
		open := tapRow(text, func() { in.w.showEventInTimeline(id) })
		detach := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			in.w.runEventAction("Could not detach the claim", &undo.UnlinkClaim{Store: in.w.kase, EventID: e.ID, ClaimID: c.ID, Stance: stance})
		})
		in.eventBox.Add(container.NewBorder(nil, nil, nil, detach, open))
	}
	in.eventBox.Add(container.NewHBox(
		widget.NewButtonWithIcon("New event…", theme.ContentAddIcon(), in.w.newEventFromClaim),
		widget.NewButtonWithIcon("Attach to event…", theme.MailAttachmentIcon(), in.w.attachDialog),
	))
	in.eventBox.Refresh()
}

func (w *Workbench) editEventDialog(e app.Event) {
	title, when, place, desc, items := eventForm(e)
	d := dialog.NewForm("Edit event", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		after, err := readEventForm(e, title, when, place, desc)
		if err != nil {
			w.showError("Could not save the event", err)
			return
		}
		w.runEventAction("Could not save the event", &undo.EditEvent{Store: w.kase, Before: e, After: after})
	}, w.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func (w *Workbench) mergeEventDialog(drop app.Event) {
	var titles []string
	byTitle := map[string]app.ID{}
	for _, ev := range w.timeline.model.Events {
		if ev.Event.ID != drop.ID {
			t := fmt.Sprintf("%s (%s)", ev.Event.Title, orDash(ev.When.EDTF()))
			titles = append(titles, t)
			byTitle[t] = ev.Event.ID
		}
	}
	if len(titles) == 0 {
		dialog.ShowInformation("Nothing to merge with", "This is the only event.", w.win)
		return
	}
	pick := widget.NewSelect(titles, nil)
	msg := widget.NewLabel(fmt.Sprintf("The claims of “%s” move to the event you choose, and “%s” goes. Undo brings it back.", drop.Title, drop.Title))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Merge event into…", "Merge", "Cancel", container.NewVBox(msg, pick), func(ok bool) {
		keep, found := byTitle[pick.Selected]
		if ok && found {
			w.timeline.current = keep
			w.runEventAction("Could not merge the events", &undo.MergeEvents{Store: w.kase, Keep: keep, Drop: drop.ID})
		}
	}, w.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (w *Workbench) deleteEvent(e app.Event) {
	w.runEventAction("Could not delete the event", &undo.DeleteEvent{Store: w.kase, Event: e})
}

// showEventInTimeline switches to the timeline with the event's evidence shown.
func (w *Workbench) showEventInTimeline(id app.ID) {
	w.tabs.SelectIndex(1)
	w.timeline.showEvent(id)
	if ev := w.timeline.events[id]; ev != nil {
		w.timeline.tl.SetSelected("event:" + string(id))
	}
}
