package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
	"github.com/evidence-workbench/workbench/app/undo"
)

// maxSuggestions caps the suggestion list (the most mentioned first).
const maxSuggestions = 300

// suggestion is one name found in the articles that is not an entity yet:
// every spelling with the same matching key, grouped.
type suggestion struct {
	key       string
	spellings []string // most frequent first
	mentions  int
	articles  int
	seen      []app.ID // the article of each spelling, for provenance
	kind      app.EntityKind
	existing  *app.Entity // an entity with this key: the name is a new spelling of it
}

// suggestPage lists names found in article text for the analyst to accept
// as entities (or as new spellings of one) or dismiss.
type suggestPage struct {
	w     *Workbench
	root  fyne.CanvasObject
	list  *widget.List
	info  *widget.Label
	items []suggestion
}

func newSuggestPage(w *Workbench) *suggestPage {
	p := &suggestPage{w: w}
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			name.TextStyle = fyne.TextStyle{Bold: true}
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.Importance = widget.LowImportance
			kind := widget.NewSelect(entityKinds, nil)
			accept := widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), nil)
			accept.Importance = widget.HighImportance
			dismiss := widget.NewButtonWithIcon("Dismiss", theme.CancelIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(kind, accept, dismiss), container.NewVBox(name, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.items) {
				return
			}
			s := &p.items[i]
			c := o.(*fyne.Container)
			labels := c.Objects[0].(*fyne.Container).Objects
			btns := c.Objects[1].(*fyne.Container).Objects
			kind, accept, dismiss := btns[0].(*widget.Select), btns[1].(*widget.Button), btns[2].(*widget.Button)
			labels[0].(*widget.Label).SetText(s.spellings[0])
			detail := app.Count(s.mentions, "mention", "mentions") + " in " + app.Count(s.articles, "article", "articles")
			if len(s.spellings) > 1 {
				detail += " · also written " + strings.Join(s.spellings[1:], ", ")
			}
			if s.existing != nil {
				detail = "a new spelling of " + s.existing.Name + "? · " + detail
				kind.Hide()
				accept.SetText("Add spelling")
			} else {
				kind.Show()
				accept.SetText("Accept")
			}
			labels[1].(*widget.Label).SetText(detail)
			kind.OnChanged = nil
			kind.SetSelected(string(s.kind))
			kind.OnChanged = func(k string) { s.kind = app.EntityKind(k) }
			key := s.key
			accept.OnTapped = func() { p.accept(key) }
			dismiss.OnTapped = func() { p.dismiss(key) }
		},
	)
	top := container.NewVBox(heading("Suggested from the articles"), p.info)
	p.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, p.list)
	return p
}

// load finds the suggestions in the background.
func (p *suggestPage) load() {
	k := p.w.kase
	if k == nil {
		return
	}
	p.info.SetText("Reading the articles for names…")
	ents := p.w.entities
	background(p.w, "Could not find names in the articles", func() ([]suggestion, error) {
		return findSuggestions(context.Background(), k, ents)
	}, func(s []suggestion) {
		if p.w.kase != k {
			return
		}
		p.items = s
		if len(s) == 0 {
			p.info.SetText("No new names: every name found in the articles is an entity already or was dismissed.")
		} else {
			p.info.SetText(fmt.Sprintf("%d names found in the articles that are not entities yet, the most mentioned first. "+
				"Accept makes an entity with every spelling (each remembers the article it was seen in); Dismiss hides the name for good (Ctrl+Z brings it back).", len(s)))
		}
		p.list.Refresh()
	})
}

// findSuggestions runs names.Suggest over every article outside its
// boilerplate and groups the names by matching key, leaving out the
// spellings that already name an entity and the dismissed keys.
func findSuggestions(ctx context.Context, k app.Case, ents *entityCache) ([]suggestion, error) {
	dismissed := map[string]bool{}
	if d, ok := k.(app.NameDismisser); ok {
		list, err := d.DismissedNames(ctx)
		if err != nil {
			return nil, err
		}
		for _, x := range list {
			dismissed[x.Key] = true
		}
	}
	known := map[string]bool{}        // folded spellings of entities
	byKey := map[string]*app.Entity{} // keys of entities' spellings
	if ents != nil {
		for i := range ents.list {
			e := &ents.list[i]
			for _, s := range spellings(*e) {
				known[names.Fold(s)] = true
				if key := names.Key(s); key != "" {
					byKey[key] = e
				}
			}
		}
	}
	sums, err := k.Articles(ctx)
	if err != nil {
		return nil, err
	}
	type group struct {
		s      suggestion
		counts map[string]int
		where  map[string]app.ID
		arts   map[app.ID]bool
	}
	groups := map[string]*group{}
	for _, sum := range sums {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := k.Article(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range names.Suggest(a.Text) {
			if m.Key == "" || dismissed[m.Key] || known[names.Fold(m.Text)] || inExcluded(a.Excluded, m.Span) {
				continue
			}
			g := groups[m.Key]
			if g == nil {
				g = &group{s: suggestion{key: m.Key, existing: byKey[m.Key], kind: guessKind(m.Text)}, counts: map[string]int{}, where: map[string]app.ID{}, arts: map[app.ID]bool{}}
				groups[m.Key] = g
			}
			g.s.mentions++
			g.counts[m.Text]++
			if _, ok := g.where[m.Text]; !ok {
				g.where[m.Text] = a.ID
			}
			g.arts[a.ID] = true
		}
	}
	out := make([]suggestion, 0, len(groups))
	for _, g := range groups {
		for sp := range g.counts {
			g.s.spellings = append(g.s.spellings, sp)
		}
		sort.Slice(g.s.spellings, func(i, j int) bool {
			a, b := g.s.spellings[i], g.s.spellings[j]
			if g.counts[a] != g.counts[b] {
				return g.counts[a] > g.counts[b]
			}
			return a < b
		})
		for _, sp := range g.s.spellings {
			g.s.seen = append(g.s.seen, g.where[sp])
		}
		g.s.articles = len(g.arts)
		out = append(out, g.s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].mentions != out[j].mentions {
			return out[i].mentions > out[j].mentions
		}
		return out[i].spellings[0] < out[j].spellings[0]
	})
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out, nil
}

func inExcluded(ex []app.Excluded, s app.Span) bool {
	for _, e := range ex {
		if s.Start < e.End && e.Start < s.End {
			return true
		}
	}
	return false
}

// organisationWords mark a name as an organisation's.
var organisationWords = map[string]bool{"forces": true, "army": true, "ministry": true, "units": true, "council": true, "state": true,
	"agency": true, "news": true, "committee": true, "command": true, "coalition": true, "party": true, "front": true,
	"brigade": true, "brigades": true, "division": true, "government": true, "office": true, "nations": true, "press": true}

// guessKind proposes a kind for a suggested name; the analyst changes it
// before accepting when it is wrong.
func guessKind(name string) app.EntityKind {
	ws := strings.Fields(name)
	for _, w := range ws {
		if organisationWords[strings.ToLower(w)] {
			return app.EntityOrganisation
		}
	}
	if len(ws) == 1 && len(name) > 1 && strings.ToUpper(name) == name {
		return app.EntityOrganisation // an acronym: ISIS, SDF, PMU
	}
	if len(ws) >= 2 {
		return app.EntityPerson
	}
	return app.EntityPlace
}

func (p *suggestPage) find(key string) *suggestion {
	for i := range p.items {
		if p.items[i].key == key {
			return &p.items[i]
		}
	}
	return nil
}

// remove drops a suggestion from the list at once (the action follows).
func (p *suggestPage) remove(key string) {
	for i := range p.items {
		if p.items[i].key == key {
			p.items = append(p.items[:i], p.items[i+1:]...)
			break
		}
	}
	p.list.Refresh()
}

// accept makes the suggestion an entity, or adds its spellings to the
// entity that shares its key; every spelling keeps the article it was
// seen in.
func (p *suggestPage) accept(key string) {
	found, k := p.find(key), p.w.kase
	if found == nil || k == nil {
		return
	}
	s := *found // remove shifts the list under the pointer
	aliases := make([]app.Alias, 0, len(s.spellings))
	for i, sp := range s.spellings {
		aliases = append(aliases, app.Alias{Name: sp, ArticleID: s.seen[i]})
	}
	p.remove(key)
	if s.existing != nil {
		after := *s.existing
		after.Aliases = append(append([]app.Alias(nil), after.Aliases...), aliases...)
		p.w.runEntityAction("Could not add the spelling", &undo.EditEntity{Store: k, Before: *s.existing, After: after}, "")
		return
	}
	e := app.Entity{ID: app.NewID(), Kind: s.kind, Name: s.spellings[0], Aliases: aliases[1:]}
	p.w.runEntityAction("Could not accept the suggestion", &undo.CreateEntity{Store: k, Entity: e, Name: "Accept Suggestion"}, "")
}

// dismiss hides the suggestion's key for good (undoable).
func (p *suggestPage) dismiss(key string) {
	found := p.find(key)
	d, ok := p.w.kase.(app.NameDismisser)
	if found == nil || !ok {
		return
	}
	s := *found // remove shifts the list under the pointer
	p.remove(key)
	p.w.runEntityAction("Could not dismiss the suggestion", &undo.DismissName{Store: d, Name: app.DismissedName{Key: key, Name: s.spellings[0]}}, "")
}
