package ui

import (
	"context"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
	"github.com/evidence-workbench/workbench/app/undo"
)

// saveDetails stores the page's name, kind and notes as one undoable edit.
func (p *entityPage) saveDetails() {
	if p.data == nil || p.w.kase == nil {
		return
	}
	after := p.data.entity
	after.Name = strings.TrimSpace(p.name.Text)
	after.Kind = app.EntityKind(p.kind.Selected)
	after.Notes = p.notes.Text
	if err := after.Validate(); err != nil {
		p.w.showError("Could not save the entity", err)
		return
	}
	p.w.runEntityAction("Could not save the entity", &undo.EditEntity{Store: p.w.kase, Before: p.data.entity, After: after}, after.ID)
}

// addAlias adds the typed spelling, marked as added by the analyst.
func (p *entityPage) addAlias() {
	name := strings.TrimSpace(p.newName.Text)
	if p.data == nil || p.w.kase == nil || name == "" {
		return
	}
	after := p.data.entity
	after.Aliases = append(append([]app.Alias(nil), after.Aliases...), app.Alias{Name: name, ByAnalyst: true})
	p.newName.SetText("")
	p.w.runEntityAction("Could not add the spelling", &undo.EditEntity{Store: p.w.kase, Before: p.data.entity, After: after}, after.ID)
}

// removeAlias drops one spelling.
func (p *entityPage) removeAlias(name string) {
	if p.data == nil || p.w.kase == nil {
		return
	}
	after := p.data.entity
	after.Aliases = nil
	for _, a := range p.data.entity.Aliases {
		if a.Name != name {
			after.Aliases = append(after.Aliases, a)
		}
	}
	p.w.runEntityAction("Could not remove the spelling", &undo.EditEntity{Store: p.w.kase, Before: p.data.entity, After: after}, after.ID)
}

// deleteEntity deletes the entity without asking: it is undoable, claim
// links included.
func (p *entityPage) deleteEntity() {
	ch, ok := p.w.kase.(undo.EntityChanger)
	if p.data == nil || !ok {
		return
	}
	p.w.entityTab.selected = ""
	p.w.runEntityAction("Could not delete the entity", &undo.DeleteEntity{Store: ch, ID: p.data.entity.ID}, "")
	p.root.Hide()
	p.w.entityTab.empty.Show()
}

// mergeEntities merges drop into keep as one undoable action.
func (w *Workbench) mergeEntities(keep, drop app.ID) {
	if w.kase == nil {
		return
	}
	w.runEntityAction("Could not merge the entities", &undo.MergeEntities{Store: w.kase, Keep: keep, Drop: drop}, keep)
}

// mergeEntityDialog asks which entity d's entity merges into.
func (w *Workbench) mergeEntityDialog(d *entityData) {
	if d == nil || w.entities == nil {
		return
	}
	var choices []string
	ids := map[string]app.ID{}
	for _, e := range w.entities.list {
		if e.ID == d.entity.ID {
			continue
		}
		label := fmt.Sprintf("%s (%s)", e.Name, e.Kind)
		if _, dup := ids[label]; dup {
			label += " " + e.ID.Short()
		}
		ids[label] = e.ID
		choices = append(choices, label)
	}
	if len(choices) == 0 {
		dialog.ShowInformation("Merge", "There is no other entity to merge into.", w.win)
		return
	}
	pick := widget.NewSelectEntry(choices)
	pick.SetPlaceHolder("the entity that stays")
	items := []*widget.FormItem{widget.NewFormItem("Merge into", pick)}
	dialog.ShowForm("Merge “"+d.entity.Name+"” into…", "Merge", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		keep, found := ids[pick.Text]
		if !found {
			w.showError("Could not merge", app.Errorf(app.ENotFound, "Choose an entity from the list."))
			return
		}
		w.mergeEntities(keep, d.entity.ID)
	}, w.win)
}

// splitEntityDialog lets the analyst tick the spellings that belong to a
// different real thing, and splits them off into a new entity.
func (w *Workbench) splitEntityDialog(d *entityData) {
	ch, ok := w.kase.(undo.EntityChanger)
	if d == nil || !ok {
		return
	}
	all := spellings(d.entity)
	if len(all) < 2 {
		dialog.ShowInformation("Split", d.entity.Name+" has one spelling: there is nothing to split off.", w.win)
		return
	}
	checks := widget.NewCheckGroup(all, nil)
	intro := widget.NewLabel("Tick the spellings that name a different person, place or organisation. " +
		"They become a new entity; claims whose quotes use only those spellings follow them.")
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(checks))
	dlg := dialog.NewCustomConfirm("Split “"+d.entity.Name+"”", "Split", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		s, err := names.PlanSplit(d.entity, checks.Selected, app.NewID(), d.claims)
		if err != nil {
			w.showError("Could not split", err)
			return
		}
		act := &undo.SplitEntity{Store: ch, Before: d.entity, After: s.After, New: s.New, ClaimsBefore: s.ClaimsBefore, ClaimsAfter: s.ClaimsAfter}
		w.runEntityAction("Could not split the entity", act, s.New.ID)
	}, w.win)
	dlg.Resize(fyne.NewSize(480, 380))
	dlg.Show()
}

// importDialog reads a gazetteer CSV and adds its entities as one
// undoable action, then reports the rows it could not use.
func (t *entityTab) importDialog() {
	ch, ok := t.w.kase.(undo.EntityChanger)
	if !ok {
		return
	}
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		t.w.importGazetteer(ch, path)
	}, t.w.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
	fd.Show()
}

// importGazetteer adds the usable rows of the CSV at path.
func (w *Workbench) importGazetteer(ch undo.EntityChanger, path string) {
	type parsed struct {
		act      *undo.PutEntities
		problems []string
	}
	ents := w.entities // read on the UI goroutine, used by the job
	background(w, "Could not import the entities", func() (parsed, error) {
		f, err := os.Open(path)
		if err != nil {
			return parsed{}, app.WrapError(app.EInvalid, err, "Cannot read %s", path)
		}
		defer f.Close()
		rows, bad, err := names.ParseGazetteer(f)
		if err != nil {
			return parsed{}, err
		}
		var out parsed
		for _, b := range bad {
			out.problems = append(out.problems, fmt.Sprintf("line %d %s: %s", b.Line, orDash(b.Name), b.Problem))
		}
		out.act = &undo.PutEntities{Store: ch, Name: "Import Entities"}
		taken := map[string]string{}
		if ents != nil {
			for _, e := range ents.list {
				for _, s := range spellings(e) {
					taken[names.Fold(s)] = e.Name
				}
			}
		}
	rows:
		for _, r := range rows {
			for _, s := range spellings(r.Entity) {
				if other, ok := taken[names.Fold(s)]; ok {
					out.problems = append(out.problems, fmt.Sprintf("line %d %s: the spelling “%s” already names %s", r.Line, r.Entity.Name, s, other))
					continue rows
				}
			}
			for _, s := range spellings(r.Entity) {
				taken[names.Fold(s)] = r.Entity.Name
			}
			e := r.Entity
			e.ID = app.NewID()
			out.act.Entities = append(out.act.Entities, e)
		}
		return out, nil
	}, func(p parsed) {
		report := func() {
			if len(p.problems) > 0 {
				dialog.ShowInformation("Some rows were not used",
					fmt.Sprintf("%d entities added. %d rows not used:\n\n%s", len(p.act.Entities), len(p.problems), strings.Join(limitLines(p.problems, 15), "\n")), w.win)
			}
		}
		if len(p.act.Entities) == 0 {
			report()
			return
		}
		w.runAction("Could not import the entities", func(ctx context.Context) error { return w.history.Run(ctx, p.act) }, nil, func() {
			w.entityTab.reload()
			w.status.SetText(fmt.Sprintf("%d entities imported from %s", len(p.act.Entities), path))
			report()
		})
	})
}

func limitLines(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(lines[:n:n], fmt.Sprintf("… and %d more", len(lines)-n))
}

// openSpan opens an article in the reader with span selected and in view.
func (w *Workbench) openSpan(articleID app.ID, span app.Span) {
	w.tabs.SelectIndex(0)
	w.reader.revealSpan = &span
	if a := w.reader.article; a != nil && a.ID == articleID {
		w.reader.applyReveal()
		return
	}
	w.reader.show(articleID)
}
