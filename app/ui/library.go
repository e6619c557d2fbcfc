package ui

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/widgets"
)

// libraryPane lists the case's articles, or full-text hits while a search
// is typed.
type libraryPane struct {
	w        *Workbench
	root     fyne.CanvasObject
	search   *widget.Entry
	list     *widget.List
	empty    *widget.Label
	rows     []libraryRow
	all      []libraryRow // before the grade filter
	query    string
	filter   *widget.Select
	order    *widget.Select
	debounce *time.Timer
}

// libraryRow is one line of the list: an article, or a search hit.
type libraryRow struct {
	id    app.ID
	title string
	meta  string
	grade app.Reliability
	date  string
}

func newLibraryPane(w *Workbench) *libraryPane {
	p := &libraryPane{w: w}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search article text (accents ignored)")
	p.search.ActionItem = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { p.search.SetText("") })
	p.search.OnChanged = p.onQueryChanged
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.Truncation = fyne.TextTruncateEllipsis
			meta.SizeName = theme.SizeNameCaptionText
			badge := widgets.NewGradeBadge("", 0)
			return container.NewBorder(nil, nil, container.NewCenter(badge), nil, container.New(&rowLayout{}, title, meta))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.rows) {
				return
			}
			r := p.rows[i]
			outer := o.(*fyne.Container)
			box := outer.Objects[0].(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(r.title)
			box.Objects[1].(*widget.Label).SetText(r.meta)
			outer.Objects[1].(*fyne.Container).Objects[0].(*widgets.GradeBadge).Set(gradeLetter(r.grade), reliabilityTone(r.grade))
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.rows) {
			w.reader.show(p.rows[i].id)
		}
	}
	p.empty = widget.NewLabel("")
	p.empty.Wrapping = fyne.TextWrapWord
	p.empty.Alignment = fyne.TextAlignCenter
	p.empty.Hide()
	header := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.filter = widget.NewSelect(gradeFilters, func(string) { p.applyView() })
	p.filter.SetSelectedIndex(0)
	p.order = widget.NewSelect(libraryOrders, func(string) { p.applyView() })
	p.order.SetSelectedIndex(0)
	p.root = container.NewBorder(container.NewVBox(header, p.search, container.NewGridWithColumns(2, p.filter, p.order)), nil, nil, nil,
		container.NewStack(p.list, container.NewPadded(p.empty)))
	return p
}

// onQueryChanged searches a moment after the analyst stops typing.
func (p *libraryPane) onQueryChanged(q string) {
	if p.debounce != nil {
		p.debounce.Stop()
	}
	p.debounce = time.AfterFunc(150*time.Millisecond, func() {
		fyne.Do(func() { p.reload(q) })
	})
}

// reload lists all articles (empty query) or the full-text hits for q.
func (p *libraryPane) reload(q string) {
	k := p.w.kase
	if k == nil {
		return
	}
	p.query = strings.TrimSpace(q)
	query := p.query
	background(p.w, "Could not read the library", func() ([]libraryRow, error) {
		if query == "" {
			list, err := k.Articles(contextBackground())
			if err != nil {
				return nil, err
			}
			rows := make([]libraryRow, len(list))
			for i, a := range list {
				rows[i] = libraryRow{a.ID, a.Title, articleMetaLine(a), a.Reliability, a.Published.String()}
			}
			return rows, nil
		}
		hits, err := k.SearchText(contextBackground(), query, 200)
		if err != nil || len(hits) == 0 {
			return nil, err
		}
		// The hits carry no grade: read them, so that a hit shows its badge
		// and the grade filter holds while searching.
		list, err := k.Articles(contextBackground())
		if err != nil {
			return nil, err
		}
		byID := make(map[app.ID]*app.ArticleSummary, len(list))
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
		rows := make([]libraryRow, len(hits))
		for i, h := range hits {
			rows[i] = libraryRow{id: h.ArticleID, title: h.Title, meta: snippetLine(h.Snippet)}
			if a := byID[h.ArticleID]; a != nil {
				rows[i].grade, rows[i].date = a.Reliability, a.Published.String()
			}
		}
		return rows, nil
	}, func(rows []libraryRow) {
		if query != p.query || k != p.w.kase {
			return // a newer search or another case has taken over
		}
		p.all = rows
		p.applyView()
		if query == "" {
			p.w.setStatus(len(rows))
		}
		if p.w.reader.article == nil && len(p.rows) > 0 && query == "" {
			p.list.Select(0) // a newly opened case shows its first article
		}
	})
}

// libraryOrders are the library's sort orders.
var libraryOrders = []string{"Newest first", "Best grade first", "Title"}

// applyView filters p.all by grade and sorts it into p.rows. Search hits
// keep their relevance order.
func (p *libraryPane) applyView() {
	if p.filter == nil || p.order == nil {
		return
	}
	rows := make([]libraryRow, 0, len(p.all))
	for _, r := range p.all {
		if passesReliability(p.filter.SelectedIndex(), r.grade) {
			rows = append(rows, r)
		}
	}
	if p.query == "" {
		switch p.order.SelectedIndex() {
		case 1:
			sort.SliceStable(rows, func(i, j int) bool { return reliabilityRank(rows[i].grade) < reliabilityRank(rows[j].grade) })
		case 2:
			sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i].title) < strings.ToLower(rows[j].title) })
		}
	}
	p.rows = rows
	p.list.UnselectAll()
	p.list.Refresh()
	p.showEmptyHint(p.query)
	if p.w.reader != nil && p.w.reader.article != nil {
		a := p.w.reader.article
		p.selectArticle(a.ID)
	}
}

func (p *libraryPane) showEmptyHint(query string) {
	switch {
	case len(p.rows) > 0:
		p.empty.Hide()
		return
	case len(p.all) > 0 && query == "":
		p.empty.SetText("No article passes the grade filter.")
	case len(p.all) > 0:
		p.empty.SetText("No article that passes the grade filter mentions “" + query + "”.")
	case query != "":
		p.empty.SetText("No article mentions “" + query + "”.")
	default:
		p.empty.SetText("No articles yet.\n\nImport files (Ctrl+I), a folder (Ctrl+Shift+I), paste an article (Ctrl+Shift+V), or drop files on this window.")
	}
	p.empty.Show()
}

// selectArticle highlights id in the list if it is shown.
func (p *libraryPane) selectArticle(id app.ID) {
	for i, r := range p.rows {
		if r.id == id {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
}

// articleMetaLine is the grey line under a title: who and when.
func articleMetaLine(a app.ArticleSummary) string {
	who := a.Chain
	if who == "" {
		who = "source not known"
	}
	when := a.Published.String()
	if when == "" {
		when = "date unknown"
	}
	return who + " · " + when
}

// snippetLine flattens a search snippet for one list line. The snippet
// already says with "…" where it cuts the text.
func snippetLine(s string) string {
	s = strings.NewReplacer(app.MarkStart, "«", app.MarkEnd, "»").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// rowLayout stacks a library row's title and grey line with no gap between
// them, each as tall as it needs.
type rowLayout struct{}

// MinSize implements fyne.Layout.
func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s.SubtractWidthHeight(0, theme.Padding()*2)
}

// Layout implements fyne.Layout.
func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i > 0 {
			y -= theme.Padding() * 2
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}
