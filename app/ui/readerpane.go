package ui

import (
	"context"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
	"github.com/evidence-workbench/workbench/app/undo"
	"github.com/evidence-workbench/workbench/widgets"
)

// readerPane shows one article: its header (title, byline, source chain,
// date and how each is known) above the reader widget.
type readerPane struct {
	w       *Workbench
	root    fyne.CanvasObject
	title   *widget.Label
	meta    *widget.Label
	notes   *widget.Label
	text    *widgets.Reader
	toolbar *widget.Toolbar
	empty   *widget.Label
	find    *findBar
	body    *fyne.Container
	article *app.Article
	// dates are the article's resolved date expressions (underlined).
	dates []temporal.Resolution
	// wanted is the article last asked for: a slower load of an earlier
	// choice must not replace it.
	wanted app.ID
	// revealSpan is selected and scrolled to once its article is shown
	// (a mention opened from an entity page).
	revealSpan *app.Span
}

func newReaderPane(w *Workbench) *readerPane {
	p := &readerPane{w: w}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Wrapping = fyne.TextWrapWord
	p.title.SizeName = theme.SizeNameSubHeadingText
	p.meta = widget.NewLabel("")
	p.meta.Wrapping = fyne.TextWrapWord
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.Importance = widget.WarningImportance
	p.notes.Hide()
	p.text = widgets.NewReader()
	p.text.OnSubmit = func(widgets.Span) { w.newClaimFromSelection() }
	p.text.OnHighlightTapped = func(id string) { w.selectClaim(app.ID(id), false) }
	p.text.OnContextMenu = p.contextMenu
	p.find = newFindBar(p.text)
	p.toolbar = widget.NewToolbar(
		widget.NewToolbarAction(theme.ContentAddIcon(), w.newClaimFromSelection),
		widget.NewToolbarAction(theme.SearchIcon(), p.find.open),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.DocumentCreateIcon(), p.editDetails),
		widget.NewToolbarAction(theme.AccountIcon(), p.editSources),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.VisibilityOffIcon(), p.excludeSelection),
		widget.NewToolbarAction(theme.VisibilityIcon(), p.includeSelection),
	)
	header := container.NewVBox(container.NewBorder(nil, nil, nil, p.toolbar, p.title), p.meta, p.notes, p.find.root, widget.NewSeparator())
	p.body = container.NewBorder(header, nil, nil, nil, p.text)
	p.empty = widget.NewLabel("Select an article in the library to read it.")
	p.empty.Alignment = fyne.TextAlignCenter
	p.root = container.NewStack(p.body, container.NewCenter(p.empty))
	p.clear()
	return p
}

// clear shows the empty state.
func (p *readerPane) clear() {
	p.article = nil
	p.wanted = ""
	p.find.close()
	p.body.Hide()
	p.empty.Show()
}

// show loads article id in the background and displays it.
func (p *readerPane) show(id app.ID) {
	k := p.w.kase
	if k == nil {
		return
	}
	p.wanted = id
	background(p.w, "Could not open the article", func() (*app.Article, error) {
		return k.Article(contextBackground(), id)
	}, func(a *app.Article) {
		if a.ID == p.wanted {
			p.display(a)
		}
	})
}

// display puts an article on screen.
func (p *readerPane) display(a *app.Article) {
	if old := p.article; old != nil && old.ID == a.ID && old.Text == a.Text && p.body.Visible() {
		// Same text (metadata or sources changed): keep the scroll and selection.
		p.refreshHeader(a)
		p.w.reloadClaims(p.w.claims.selected)
		return
	}
	p.article = a
	p.title.SetText(a.Title)
	p.meta.SetText(metaSummary(a))
	if len(a.Warnings) > 0 {
		p.notes.SetText("⚠ " + strings.Join(a.Warnings, "\n⚠ "))
		p.notes.Show()
	} else {
		p.notes.Hide()
	}
	p.text.SetText(a.Text)
	p.text.SetDimmed(dimmedSpans(a.Excluded))
	p.dates = nil
	p.computeDates(a)
	p.find.reapply()
	p.empty.Hide()
	p.body.Show()
	p.w.reloadClaims("")
	p.applyReveal()
}

// applyReveal selects and scrolls to the span waiting to be revealed.
func (p *readerPane) applyReveal() {
	s := p.revealSpan
	if s == nil || p.article == nil {
		return
	}
	p.revealSpan = nil
	p.text.SetSelection(widgets.Span{Start: s.Start, End: s.End})
	p.text.ScrollToOffset(s.Start)
}

// refreshHeader re-renders the header and dimmed ranges after a change.
func (p *readerPane) refreshHeader(a *app.Article) {
	p.article = a
	p.title.SetText(a.Title)
	p.meta.SetText(metaSummary(a))
	p.text.SetDimmed(dimmedSpans(a.Excluded))
	p.computeDates(a) // a new publication date changes what relative dates mean
}

func dimmedSpans(ex []app.Excluded) []widgets.Span {
	out := make([]widgets.Span, len(ex))
	for i, e := range ex {
		out[i] = widgets.Span{Start: e.Start, End: e.End}
	}
	return out
}

// metaSummary is the header's second line: byline, chain, date, each with
// how it is known when that is not the text itself.
func metaSummary(a *app.Article) string {
	var parts []string
	if a.Byline != "" {
		parts = append(parts, "By "+a.Byline)
	}
	if chain := app.Chain(a.Sources); chain != "" {
		parts = append(parts, chain+suggested(a.Sources))
	} else {
		parts = append(parts, "source not known")
	}
	if a.Published.Known() {
		parts = append(parts, "published "+a.Published.String()+basisNote(a.Known.Published.Basis))
	} else {
		parts = append(parts, "publication date unknown (not stated in the article)")
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	return strings.Join(parts, "  ·  ")
}

func suggested(ss []app.ArticleSource) string {
	for _, s := range ss {
		if !s.Confirmed {
			return " (suggested by the import)"
		}
	}
	return ""
}

func basisNote(b app.Basis) string {
	switch b {
	case app.BasisText:
		return " (stated in the text)"
	case app.BasisMarkup:
		return " (from the page's markup)"
	case app.BasisFile:
		return " (from the file)"
	case app.BasisInferred:
		return " (inferred)"
	case app.BasisAnalyst:
		return " (set by you)"
	}
	return ""
}

// excludeSelection marks the reader's selection as boilerplate.
func (p *readerPane) excludeSelection() {
	p.changeExcluded(func(ex []app.Excluded, s app.Span) []app.Excluded {
		return app.ExcludeSpan(ex, s, app.BoilerOther)
	})
}

// includeSelection marks the reader's selection as the article's own text.
func (p *readerPane) includeSelection() {
	p.changeExcluded(app.IncludeSpan)
}

func (p *readerPane) changeExcluded(change func([]app.Excluded, app.Span) []app.Excluded) {
	a, k := p.article, p.w.kase
	if a == nil || k == nil {
		return
	}
	sel := p.text.Selection()
	if sel.End <= sel.Start {
		dialog.ShowInformation("Select some text first", "Drag over the text you want to mark, then choose the action again.", p.w.win)
		return
	}
	next := change(a.Excluded, app.Span{Start: sel.Start, End: sel.End})
	id := a.ID
	background(p.w, "Could not change the boilerplate", func() (*app.Article, error) {
		if err := k.SetExcluded(contextBackground(), id, next); err != nil {
			return nil, err
		}
		return k.Article(contextBackground(), id)
	}, p.refreshHeader)
}

// editDetails lets the analyst correct the article's metadata.
func (p *readerPane) editDetails() {
	a, k := p.article, p.w.kase
	if a == nil || k == nil {
		return
	}
	title := widget.NewEntry()
	title.SetText(a.Title)
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return app.Errorf(app.EInvalid, "a title is needed")
		}
		return nil
	}
	byline := widget.NewEntry()
	byline.SetText(a.Byline)
	url := widget.NewEntry()
	url.SetText(a.URL)
	url.SetPlaceHolder("https://…")
	pub := widget.NewEntry()
	pub.SetText(a.Published.String())
	pub.SetPlaceHolder("2017-11-06 or 2017-11-06 13:30; empty = unknown")
	pub.Validator = func(s string) error { _, err := app.ParsePubDate(strings.TrimSpace(s)); return err }
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Byline", byline),
		widget.NewFormItem("Published", pub),
		widget.NewFormItem("URL", url),
	}
	d := dialog.NewForm("Article details", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		patch := app.ArticlePatch{}
		if t := strings.TrimSpace(title.Text); t != a.Title {
			patch.Title = &t
		}
		if b := strings.TrimSpace(byline.Text); b != a.Byline {
			patch.Byline = &b
		}
		if u := strings.TrimSpace(url.Text); u != a.URL {
			patch.URL = &u
		}
		if pd, err := app.ParsePubDate(strings.TrimSpace(pub.Text)); err == nil && pd != a.Published {
			patch.Published = &pd
		}
		if patch == (app.ArticlePatch{}) {
			return
		}
		id := a.ID
		background(p.w, "Could not save the details", func() (*app.Article, error) {
			return k.UpdateArticle(contextBackground(), id, patch)
		}, func(na *app.Article) {
			p.refreshHeader(na)
			p.w.library.reload(p.w.library.query)
		})
	}, p.w.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// contextMenu is the reader's right-click menu.
func (p *readerPane) contextMenu(sel widgets.Span, at fyne.Position) {
	newClaim := fyne.NewMenuItem("New Claim", p.w.newClaimFromSelection)
	copyText := fyne.NewMenuItem("Copy", func() {
		p.w.app.Clipboard().SetContent(p.text.SelectedText())
	})
	exclude := fyne.NewMenuItem("Mark as Boilerplate", p.excludeSelection)
	include := fyne.NewMenuItem("Mark as Article Text", p.includeSelection)
	if sel.End <= sel.Start {
		for _, it := range []*fyne.MenuItem{newClaim, copyText, exclude, include} {
			it.Disabled = true
		}
	}
	menu := fyne.NewMenu("", newClaim, copyText, fyne.NewMenuItemSeparator(), exclude, include)
	widget.ShowPopUpMenuAtPosition(menu, p.w.win.Canvas(), at)
}

// editSources lets the analyst confirm or correct who an article comes from:
// its publisher, the wire or statement it relays, its translator.
func (p *readerPane) editSources() {
	a, k := p.article, p.w.kase
	if a == nil || k == nil {
		return
	}
	names := make([]string, 0, len(p.w.grades.sources))
	for _, s := range p.w.grades.sources {
		names = append(names, s.Name)
	}
	sort.Strings(names)
	roles := []app.Role{app.RolePublisher, app.RoleOrigin, app.RoleTranslator}
	entries := map[app.Role]*widget.SelectEntry{}
	var items []*widget.FormItem
	for _, r := range roles {
		e := widget.NewSelectEntry(names)
		var cur []string
		for _, l := range a.Sources {
			if l.Role == r {
				cur = append(cur, l.Name)
			}
		}
		e.SetText(strings.Join(cur, " | "))
		entries[r] = e
		items = append(items, widget.NewFormItem(roleTitle(r), e))
	}
	hint := widget.NewLabel("Origin: the wire, agency or statement the page relays (a claim's grade comes from it). Several names: separate with |. Saving confirms the import's suggestions.")
	hint.Wrapping = fyne.TextWrapWord
	items = append(items, widget.NewFormItem("", hint))
	d := dialog.NewForm("Who is this article from?", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		var links []app.ArticleSource
		for _, r := range roles {
			for _, name := range strings.Split(entries[r].Text, "|") {
				name = strings.TrimSpace(name)
				if name == "" {
					continue
				}
				link := app.ArticleSource{Name: name, Role: r, Confirmed: true, Evidence: app.Evidence{Basis: app.BasisAnalyst}}
				for _, old := range a.Sources { // keep how an unchanged link was found
					if old.Role == r && strings.EqualFold(old.Name, name) {
						link.SourceID, link.Evidence = old.SourceID, old.Evidence
					}
				}
				links = append(links, link)
			}
		}
		act := &undo.SetArticleSources{Store: k, ArticleID: a.ID, Before: a.Sources, After: links}
		p.w.runAction("Could not save the article's sources", func(ctx context.Context) error { return p.w.history.Run(ctx, act) },
			func() app.ID { return p.w.claims.selected }, func() { p.w.afterSourcesChanged("") })
	}, p.w.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func roleTitle(r app.Role) string {
	switch r {
	case app.RolePublisher:
		return "Publisher"
	case app.RoleOrigin:
		return "Origin"
	}
	return "Translator"
}
