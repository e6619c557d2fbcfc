package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
	"github.com/evidence-workbench/workbench/app/timeline"
	"github.com/evidence-workbench/workbench/widgets"
)

// maxMentionRows caps the mentions listed on an entity page.
const maxMentionRows = 200

// mention is one place an entity's spelling occurs in an article.
type mention struct {
	article app.ID
	title   string
	span    app.Span
	context string // the words around it, the spelling in «»
}

// entityData is everything an entity page shows, read in the background.
type entityData struct {
	entity   app.Entity
	claims   []app.Claim
	articles map[app.ID]string // id -> title, for aliases' provenance and claims
	events   []app.Event
	mentions []mention
	nArts    int // articles with a mention
	model    timeline.Model
	srcNames map[app.ID]string
	dupes    []app.Entity // other entities whose spellings share a matching key
}

// entityPage shows one entity: its spellings with provenance, where it is
// mentioned, its claims and events, and the timeline filtered to it.
type entityPage struct {
	w       *Workbench
	root    fyne.CanvasObject
	title   *widget.Label
	name    *widget.Entry
	kind    *widget.Select
	notes   *widget.Entry
	aliases *fyne.Container
	newName *widget.Entry
	dupes   *fyne.Container
	mentTtl *widget.Label
	ments   *fyne.Container
	claimsT *widget.Label
	claims  *fyne.Container
	eventsT *widget.Label
	events  *fyne.Container
	tl      *widgets.Timeline
	tlEmpty *widget.Label
	data    *entityData
	wanted  app.ID
}

func newEntityPage(w *Workbench) *entityPage {
	p := &entityPage{w: w}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.SizeName = theme.SizeNameSubHeadingText
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.name = widget.NewEntry()
	p.kind = widget.NewSelect(entityKinds, nil)
	p.notes = widget.NewMultiLineEntry()
	p.notes.SetMinRowsVisible(2)
	p.notes.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), p.saveDetails)
	save.Importance = widget.HighImportance
	merge := widget.NewButtonWithIcon("Merge into…", theme.ContentPasteIcon(), func() { p.w.mergeEntityDialog(p.data) })
	split := widget.NewButtonWithIcon("Split…", theme.ContentCutIcon(), func() { p.w.splitEntityDialog(p.data) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), p.deleteEntity)
	form := widget.NewForm(widget.NewFormItem("Name", p.name), widget.NewFormItem("Kind", p.kind), widget.NewFormItem("Notes", p.notes))
	p.aliases = container.NewVBox()
	p.newName = widget.NewEntry()
	p.newName.SetPlaceHolder("another spelling")
	p.newName.OnSubmitted = func(string) { p.addAlias() }
	addAlias := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), p.addAlias)
	p.dupes = container.NewVBox()
	p.mentTtl = heading("Mentions")
	p.ments = container.NewVBox()
	p.claimsT = heading("Claims")
	p.claims = container.NewVBox()
	p.eventsT = heading("Events")
	p.events = container.NewVBox()
	p.tl = widgets.NewTimeline()
	p.tl.OnTapped = p.timelineTapped
	p.tlEmpty = widget.NewLabel("No dated claim or event about it yet.")
	p.tlEmpty.Importance = widget.LowImportance
	onTimeline := widget.NewButtonWithIcon("Open in the Timeline tab", theme.HistoryIcon(), func() {
		if p.data != nil {
			p.w.timeline.showEntity(p.data.entity.ID, p.data.entity.Name)
		}
	})
	body := container.NewVBox(
		p.title, form, container.NewHBox(save, merge, split, del), widget.NewSeparator(),
		heading("Spellings"), p.aliases, container.NewBorder(nil, nil, nil, addAlias, p.newName), p.dupes,
		widget.NewSeparator(), p.claimsT, p.claims,
		widget.NewSeparator(), p.eventsT, p.events,
		widget.NewSeparator(), p.mentTtl, p.ments,
	)
	// The timeline sits below the scrolling page, not inside it: the wheel
	// zooms the timeline and would otherwise fight the page's scrolling.
	tlHead := container.NewBorder(nil, nil, heading("Timeline of what concerns it"), onTimeline)
	tlBox := container.NewBorder(tlHead, nil, nil, nil, container.NewStack(p.tl, container.NewCenter(p.tlEmpty)))
	pane := container.NewVSplit(container.NewVScroll(container.NewPadded(body)), container.NewPadded(tlBox))
	pane.Offset = 0.66
	p.root = pane
	return p
}

func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// show reads entity id's page in the background and displays it.
func (p *entityPage) show(id app.ID) {
	k := p.w.kase
	if k == nil {
		return
	}
	p.wanted = id
	others := p.w.entities
	background(p.w, "Could not open the entity", func() (*entityData, error) {
		d, err := loadEntityData(context.Background(), k, id, others)
		if app.ErrorCode(err) == app.ENotFound {
			return nil, nil // deleted (or its creation undone) meanwhile
		}
		return d, err
	}, func(d *entityData) {
		switch {
		case d == nil && id == p.wanted:
			p.data = nil
			p.root.Hide()
			p.w.entityTab.selected = ""
			p.w.entityTab.empty.Show()
		case d != nil && d.entity.ID == p.wanted:
			p.display(d)
		}
	})
}

// loadEntityData reads an entity, its claims, events and mentions.
func loadEntityData(ctx context.Context, k app.Case, id app.ID, others *entityCache) (*entityData, error) {
	e, err := k.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &entityData{entity: *e, articles: map[app.ID]string{}}
	sums, err := k.Articles(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range sums {
		d.articles[a.ID] = a.Title
	}
	ids, err := k.ClaimsOfEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, cid := range ids {
		c, err := k.Claim(ctx, cid)
		if err != nil {
			return nil, err
		}
		d.claims = append(d.claims, *c)
	}
	in, err := timeline.Load(ctx, k)
	if err != nil {
		return nil, err
	}
	d.srcNames = map[app.ID]string{}
	for sid, s := range in.Sources {
		d.srcNames[sid] = s.Name
	}
	d.model = timeline.AboutEntity(timeline.Build(in), id)
	for _, ev := range d.model.Events {
		d.events = append(d.events, ev.Event)
	}
	if err := findMentions(ctx, k, d); err != nil {
		return nil, err
	}
	if others != nil {
		d.dupes = likelyDuplicates(d.entity, others.list)
	}
	return d, nil
}

// findMentions finds the entity's spellings in the articles. Full-text
// search narrows the articles to read; the matcher then places every
// occurrence on whole words, in runes.
func findMentions(ctx context.Context, k app.Case, d *entityData) error {
	m := names.NewMatcher()
	cands := map[app.ID]bool{}
	var order []app.ID
	words := map[string]bool{}
	for _, s := range spellings(d.entity) {
		m.Add(d.entity.ID, s)
		for _, wd := range strings.Fields(names.Fold(s)) {
			if len([]rune(wd)) > 2 { // skip al-, el-, bin: the other words find the article
				words[wd] = true
			}
		}
	}
	if len(words) == 0 { // only short words (UN, Ur): search for the spellings whole
		for _, s := range spellings(d.entity) {
			words[names.Fold(s)] = true
		}
	}
	for wd := range words {
		hits, err := k.SearchText(ctx, wd, 500)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if !cands[h.ArticleID] {
				cands[h.ArticleID] = true
				order = append(order, h.ArticleID)
			}
		}
	}
	slices.Sort(order) // ids are UUIDv7: import order, whatever the map's order was
	for _, aid := range order {
		a, err := k.Article(ctx, aid)
		if err != nil {
			return err
		}
		found := m.Find(a.Text)
		if len(found) > 0 {
			d.nArts++
		}
		rs := []rune(a.Text)
		for _, f := range found {
			if len(d.mentions) >= maxMentionRows {
				d.mentions = append(d.mentions, mention{}) // marks "more"
				return nil
			}
			d.mentions = append(d.mentions, mention{article: aid, title: a.Title, span: f.Span, context: around(rs, f.Span, 50)})
		}
	}
	return nil
}

// around is the text near span with the span marked.
func around(rs []rune, s app.Span, n int) string {
	from, to := max(0, s.Start-n), min(len(rs), s.End+n)
	pre, post := "", ""
	if from > 0 {
		pre = "…"
	}
	if to < len(rs) {
		post = "…"
	}
	return pre + strings.Join(strings.Fields(string(rs[from:s.Start])+"«"+string(rs[s.Start:s.End])+"»"+string(rs[s.End:to])), " ") + post
}

// likelyDuplicates are the other entities one of whose spellings has the
// same matching key as one of e's: candidates for a merge, never merged.
func likelyDuplicates(e app.Entity, all []app.Entity) []app.Entity {
	keys := map[string]bool{}
	for _, s := range spellings(e) {
		if k := names.Key(s); k != "" {
			keys[k] = true
		}
	}
	var out []app.Entity
	for _, o := range all {
		if o.ID == e.ID {
			continue
		}
		if slices.ContainsFunc(spellings(o), func(s string) bool { return keys[names.Key(s)] }) {
			out = append(out, o)
		}
	}
	return out
}

// display fills the page from d.
func (p *entityPage) display(d *entityData) {
	p.data = d
	e := d.entity
	p.title.SetText(e.Name)
	p.name.SetText(e.Name)
	p.kind.SetSelected(string(e.Kind))
	p.notes.SetText(e.Notes)
	p.aliases.RemoveAll()
	for _, a := range e.Aliases {
		name := a.Name
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.removeAlias(name) })
		l := widget.NewLabel(a.Name + "  ·  " + provenance(a, d.articles))
		l.Truncation = fyne.TextTruncateEllipsis
		p.aliases.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	if len(e.Aliases) == 0 {
		p.aliases.Add(dim("No other spelling yet."))
	}
	p.dupes.RemoveAll()
	for _, o := range d.dupes {
		drop := o
		btn := widget.NewButton("Merge it into this", func() { p.w.mergeEntities(e.ID, drop.ID) })
		l := widget.NewLabel(fmt.Sprintf("Possibly the same: %s (%s; %s)", o.Name, o.Kind, strings.Join(spellings(o), ", ")))
		l.Truncation = fyne.TextTruncateEllipsis
		p.dupes.Add(container.NewBorder(nil, nil, nil, btn, l))
	}
	p.claimsT.SetText(fmt.Sprintf("Claims (%d)", len(d.claims)))
	p.claims.RemoveAll()
	for _, c := range d.claims {
		c := c
		p.claims.Add(tapRow(fmt.Sprintf("%s — %s", c.Statement, d.articles[c.ArticleID]), func() { p.w.openClaim(c.ArticleID, c.ID) }))
	}
	if len(d.claims) == 0 {
		p.claims.Add(dim("No claim links it yet. In a claim's inspector, names found in its quote are offered to link."))
	}
	p.eventsT.SetText(fmt.Sprintf("Events (%d)", len(d.events)))
	p.events.RemoveAll()
	for _, ev := range d.events {
		id := ev.ID
		p.events.Add(tapRow(strings.TrimSpace(ev.When.EDTF()+"  "+ev.Title), func() { p.w.showEventInTimeline(id) }))
	}
	if len(d.events) == 0 {
		p.events.Add(dim("No event has a claim about it yet."))
	}
	n := len(d.mentions)
	more := n > 0 && d.mentions[n-1].article == ""
	if more {
		n--
	}
	title := fmt.Sprintf("Mentions (%d in %d articles)", n, d.nArts)
	if more {
		title = fmt.Sprintf("Mentions (the first %d)", n)
	}
	p.mentTtl.SetText(title)
	p.ments.RemoveAll()
	for _, m := range d.mentions[:n] {
		m := m
		p.ments.Add(tapRow(m.title+": "+m.context, func() { p.w.openSpan(m.article, m.span) }))
	}
	if n == 0 {
		p.ments.Add(dim("None of its spellings occurs in an article."))
	}
	p.drawTimeline(d)
}

func dim(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// provenance says where a spelling was seen.
func provenance(a app.Alias, titles map[app.ID]string) string {
	var parts []string
	if a.ArticleID != "" {
		parts = append(parts, "seen in “"+orDash(titles[a.ArticleID])+"”")
	}
	if a.ClaimID != "" {
		parts = append(parts, "in a claim")
	}
	if a.ByAnalyst || len(parts) == 0 {
		parts = append(parts, "added by the analyst")
	}
	return strings.Join(parts, ", ")
}

// drawTimeline shows the entity's events and dated claims by source.
func (p *entityPage) drawTimeline(d *entityData) {
	lanes, items := timeline.Items(d.model, timeline.LanesBySource, func(id app.ID) string {
		if n := d.srcNames[id]; n != "" {
			return n
		}
		return "Source not known"
	}, nil)
	wl, wi := widgetItems(lanes, items)
	p.tl.SetLanes(wl)
	p.tl.SetItems(wi)
	if len(wi) == 0 {
		p.tlEmpty.Show()
	} else {
		p.tlEmpty.Hide()
		p.tl.FitAll()
	}
}

func (p *entityPage) timelineTapped(id string) {
	if p.data == nil {
		return
	}
	if ev, ok := strings.CutPrefix(id, "event:"); ok {
		p.w.showEventInTimeline(app.ID(ev))
		return
	}
	cid, _, _ := strings.Cut(strings.TrimPrefix(id, "claim:"), "@") // ids are claim:<id>@<lane>
	m := p.data.model
	views := m.Loose
	for _, ev := range m.Events {
		views = append(append(views, ev.Supporting...), ev.Contradicting...)
	}
	for _, cv := range views {
		if cv.Claim.ID == app.ID(cid) {
			p.w.openClaim(cv.Claim.ArticleID, cv.Claim.ID)
			return
		}
	}
}
