package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
)

// showEntities fills the inspector's entity section: the entities the claim
// links (open or unlink), and the entities whose spellings occur in its
// quote but are not linked yet (one click links them).
func (in *inspector) showEntities() {
	box := in.entityBox
	box.RemoveAll()
	c, ec := in.claim, in.w.entities
	if c == nil {
		return
	}
	if ec == nil {
		box.Add(dim("Reading the entities…"))
		in.w.reloadEntities(nil)
		return
	}
	for _, id := range c.EntityIDs {
		e := ec.byID[id]
		if e == nil {
			continue
		}
		id := id
		unlink := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { in.setEntityLink(id, false) })
		box.Add(container.NewBorder(nil, nil, nil, unlink, tapRow(e.Name+"  ("+string(e.Kind)+")", func() { in.w.showEntity(id) })))
	}
	var offers []fyne.CanvasObject
	seen := map[app.ID]bool{}
	for _, m := range ec.matcher.Find(c.Anchor.Exact) {
		if seen[m.ID] || slices.Contains(c.EntityIDs, m.ID) || ec.byID[m.ID] == nil {
			continue
		}
		seen[m.ID] = true
		id := m.ID
		b := widget.NewButtonWithIcon(ec.byID[id].Name, theme.ContentAddIcon(), func() { in.setEntityLink(id, true) })
		offers = append(offers, b)
	}
	if len(offers) > 0 {
		box.Add(dim("Named in the quote, not linked yet:"))
		box.Add(container.NewGridWrap(fyne.NewSize(180, 36), offers...))
	}
	if len(c.EntityIDs) == 0 && len(offers) == 0 {
		box.Add(dim("No entity linked."))
	}
	box.Add(container.NewHBox(widget.NewButtonWithIcon("Link entity…", theme.SearchIcon(), in.linkEntityDialog)))
}

// setEntityLink links or unlinks an entity as one undoable claim edit.
func (in *inspector) setEntityLink(id app.ID, link bool) {
	c := in.claim
	if c == nil {
		return
	}
	after := *c
	after.EntityIDs = slices.DeleteFunc(slices.Clone(c.EntityIDs), func(x app.ID) bool { return x == id })
	if link {
		after.EntityIDs = append(after.EntityIDs, id)
	}
	in.w.editClaim(*c, after, "Entities", "")
}

// linkEntityDialog picks any entity by name to link.
func (in *inspector) linkEntityDialog() {
	ec := in.w.entities
	if in.claim == nil || ec == nil {
		return
	}
	var choices []string
	ids := map[string]app.ID{}
	for _, e := range ec.list {
		if slices.Contains(in.claim.EntityIDs, e.ID) {
			continue
		}
		label := e.Name + " (" + string(e.Kind) + ")"
		if _, dup := ids[label]; dup {
			label += " " + e.ID.Short()
		}
		ids[label] = e.ID
		choices = append(choices, label)
	}
	if len(choices) == 0 {
		dialog.ShowInformation("Link entity", "There is no entity to link yet: add one in the Entities tab.", in.w.win)
		return
	}
	pick := widget.NewSelectEntry(choices)
	pick.SetPlaceHolder("type or choose")
	dialog.ShowForm("Link an entity to this claim", "Link", "Cancel", []*widget.FormItem{widget.NewFormItem("Entity", pick)}, func(ok bool) {
		if !ok {
			return
		}
		id, found := ids[pick.Text]
		if !found {
			in.w.showError("Could not link", app.Errorf(app.ENotFound, "Choose an entity from the list."))
			return
		}
		in.setEntityLink(id, true)
	}, in.w.win)
}
