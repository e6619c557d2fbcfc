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
	"github.com/evidence-workbench/workbench/app/names"
	"github.com/evidence-workbench/workbench/app/undo"
)

// entityKinds are the kind picker's lines, in app order.
var entityKinds = []string{string(app.EntityPerson), string(app.EntityPlace), string(app.EntityOrganisation), string(app.EntityOther)}

// entityCache is every entity of the case with a matcher over all their
// spellings: the entity tab's list, the inspector's suggestions.
type entityCache struct {
	list    []app.Entity
	byID    map[app.ID]*app.Entity
	matcher *names.Matcher
}

func newEntityCache(list []app.Entity) *entityCache {
	c := &entityCache{list: list, byID: make(map[app.ID]*app.Entity, len(list)), matcher: names.NewMatcher()}
	for i := range list {
		e := &list[i]
		c.byID[e.ID] = e
		for _, s := range spellings(*e) {
			c.matcher.Add(e.ID, s)
		}
	}
	return c
}

// spellings are an entity's name and aliases.
func spellings(e app.Entity) []string {
	out := []string{e.Name}
	for _, a := range e.Aliases {
		out = append(out, a.Name)
	}
	return out
}

// entityTab is the Entities tab: every person, place and organisation
// with a filter, the entity page, and the suggestions from article text.
type entityTab struct {
	w        *Workbench
	root     fyne.CanvasObject
	list     *widget.List
	filter   *widget.Entry
	shown    []app.Entity
	page     *entityPage
	suggest  *suggestPage
	empty    *widget.Label
	count    *widget.Label
	selected app.ID
}

func newEntityTab(w *Workbench) *entityTab {
	t := &entityTab{w: w}
	t.filter = widget.NewEntry()
	t.filter.SetPlaceHolder("Filter by any spelling")
	t.filter.OnChanged = func(string) { t.applyFilter() }
	t.list = widget.NewList(
		func() int { return len(t.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			kind := widget.NewLabel("")
			kind.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, kind, name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(t.shown) {
				return
			}
			e := t.shown[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(e.Name)
			c.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %d", e.Kind, len(e.Aliases)+1))
		},
	)
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.shown) {
			t.open(t.shown[i].ID)
		}
	}
	t.count = widget.NewLabel("")
	t.count.Importance = widget.LowImportance
	newBtn := widget.NewButtonWithIcon("New…", theme.ContentAddIcon(), t.newDialog)
	importBtn := widget.NewButtonWithIcon("Import CSV…", theme.UploadIcon(), t.importDialog)
	suggestBtn := widget.NewButtonWithIcon("Suggestions", theme.SearchIcon(), t.showSuggestions)
	head := container.NewVBox(
		widget.NewLabelWithStyle("People, places, organisations", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(3, newBtn, importBtn, suggestBtn), t.filter)
	left := container.NewBorder(head, t.count, nil, nil, t.list)
	t.page = newEntityPage(w)
	t.suggest = newSuggestPage(w)
	t.empty = widget.NewLabel("Choose an entity on the left to see every spelling, where it is mentioned, its claims and events, and its timeline.\n\n" +
		"No entities yet? Press Suggestions: names found in the articles are proposed for you to accept or dismiss. " +
		"New… adds one by hand; Import CSV… brings a team's list (name, kind, aliases separated by |).")
	t.empty.Wrapping = fyne.TextWrapWord
	right := container.NewStack(t.page.root, t.suggest.root, container.NewPadded(t.empty))
	t.page.root.Hide()
	t.suggest.root.Hide()
	split := container.NewHSplit(left, right)
	split.Offset = 0.28
	t.root = split
	return t
}

// reload re-reads the entities, keeps the selection, and refreshes the page.
func (t *entityTab) reload() {
	t.w.reloadEntities(func() {
		t.applyFilter()
		if t.selected != "" && t.page.root.Visible() {
			t.page.show(t.selected)
		}
		if t.suggest.root.Visible() {
			t.suggest.load()
		}
	})
}

// applyFilter shows the entities with a spelling that contains the
// filter (folded) or shares its matching key.
func (t *entityTab) applyFilter() {
	ec := t.w.entities
	if ec == nil {
		t.shown = nil
		t.list.Refresh()
		return
	}
	q := names.Fold(t.filter.Text)
	key := names.Key(t.filter.Text)
	t.shown = t.shown[:0]
	for _, e := range ec.list {
		if q == "" || matchesSpelling(e, q, key) {
			t.shown = append(t.shown, e)
		}
	}
	t.count.SetText(fmt.Sprintf("%d of %d", len(t.shown), len(ec.list)))
	t.list.UnselectAll()
	t.list.Refresh()
	for i, e := range t.shown {
		if e.ID == t.selected {
			t.list.Select(i)
			break
		}
	}
}

func matchesSpelling(e app.Entity, folded, key string) bool {
	for _, s := range spellings(e) {
		if strings.Contains(names.Fold(s), folded) || (key != "" && names.Key(s) == key) {
			return true
		}
	}
	return false
}

// open shows entity id's page.
func (t *entityTab) open(id app.ID) {
	if t.selected == id && t.page.root.Visible() {
		return
	}
	t.selected = id
	t.empty.Hide()
	t.suggest.root.Hide()
	t.page.root.Show()
	t.page.show(id)
}

// showEntity switches to the Entities tab with entity id open.
func (w *Workbench) showEntity(id app.ID) {
	w.tabs.Select(w.entityTabItem)
	w.entityTab.selected = ""
	w.entityTab.open(id)
	w.entityTab.applyFilter()
}

func (t *entityTab) showSuggestions() {
	t.selected = ""
	t.list.UnselectAll()
	t.empty.Hide()
	t.page.root.Hide()
	t.suggest.root.Show()
	t.suggest.load()
}

// newDialog asks for a name and kind and creates an entity.
func (t *entityTab) newDialog() {
	k := t.w.kase
	if k == nil {
		return
	}
	name := widget.NewEntry()
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return app.Errorf(app.EInvalid, "an entity needs a name")
		}
		return nil
	}
	kind := widget.NewSelect(entityKinds, nil)
	kind.SetSelected(string(app.EntityPlace))
	aliases := widget.NewEntry()
	aliases.SetPlaceHolder("other spellings, separated by |")
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Kind", kind), widget.NewFormItem("Aliases", aliases)}
	dialog.ShowForm("New entity", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		e := app.Entity{ID: app.NewID(), Kind: app.EntityKind(kind.Selected), Name: strings.TrimSpace(name.Text)}
		for _, a := range strings.Split(aliases.Text, "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, app.Alias{Name: a, ByAnalyst: true})
			}
		}
		t.w.runEntityAction("Could not create the entity", &undo.CreateEntity{Store: k, Entity: e}, e.ID)
	}, t.w.win)
}

// runEntityAction runs an undoable entity action, then refreshes the
// entity list, the page (on sel, if set), the claims and the timeline.
func (w *Workbench) runEntityAction(what string, act undo.Action, sel app.ID) {
	w.runAction(what, func(ctx context.Context) error { return w.history.Run(ctx, act) }, nil, func() {
		if sel != "" {
			w.entityTab.selected = sel
		}
		w.entityTab.reload()
	})
}

// reloadEntities reads every entity into the cache, then calls then.
func (w *Workbench) reloadEntities(then func()) {
	k := w.kase
	if k == nil {
		return
	}
	background(w, "Could not read the entities", func() (*entityCache, error) {
		list, err := k.Entities(context.Background())
		if err != nil {
			return nil, err
		}
		sort.SliceStable(list, func(i, j int) bool { return strings.ToLower(list[i].Name) < strings.ToLower(list[j].Name) })
		return newEntityCache(list), nil
	}, func(c *entityCache) {
		if w.kase != k {
			return
		}
		w.entities = c
		w.inspector.showEntities()
		if then != nil {
			then()
		}
	})
}
