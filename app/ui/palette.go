package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/search"
)

var scPalette = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}

// kindClaimHit is a claim found by full-text search (it carries its article).
const kindClaimHit = "claim-hit"

// paletteIndex is the fuzzy index over the case and what opening a claim needs.
type paletteIndex struct {
	ix      *search.Index
	claimAt map[string]app.ID // claim -> article
	kase    app.Case          // the case it was read from
}

// palette is the Ctrl+K search box: one query over entities, claims,
// articles, sources and events, results on every keystroke, grouped by kind;
// Tab switches to full-text search inside article text.
type palette struct {
	w        *Workbench
	pop      *widget.PopUp
	entry    *paletteEntry
	mode     *widget.Label
	list     *widget.List
	rows     []paletteRow
	cur      int
	fullText bool
	index    *paletteIndex
	stale    bool // the case changed after index was read: it is used until a new one is ready
	gen      int  // counts changes, so that a build knows whether it is already stale
	building bool // a build is running
	moving   bool // the cursor is being moved: selecting a row does not open it
}

// paletteRow is a group header or a result.
type paletteRow struct {
	header  string
	kind    string
	id      string
	text    string
	matched []int // rune indexes into text to draw in bold
	parent  string
	article app.ID // for full-text claim hits: the claim's article
}

// paletteEntry passes arrows, Enter, Tab and Escape to the palette.
type paletteEntry struct {
	widget.Entry
	p *palette
}

// TypedKey implements fyne.Focusable.
func (e *paletteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.open()
	case fyne.KeyEscape:
		e.p.close()
	case fyne.KeyTab:
		e.p.toggleMode()
	default:
		e.Entry.TypedKey(k)
	}
}

// AcceptsTab keeps Tab in the palette instead of moving the focus.
func (e *paletteEntry) AcceptsTab() bool { return true }

func newPalette(w *Workbench) *palette {
	p := &palette{w: w, cur: -1}
	p.entry = &paletteEntry{p: p}
	p.entry.ExtendBaseWidget(p.entry)
	p.entry.SetPlaceHolder("Find anything: names in any spelling, claims, articles, sources, events")
	p.entry.OnChanged = func(string) { p.query() }
	p.mode = widget.NewLabel("")
	p.mode.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			t := widget.NewRichText()
			t.Truncation = fyne.TextTruncateEllipsis
			return t
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.rows) {
				o.(*widget.RichText).Segments = p.rows[i].segments()
				o.(*widget.RichText).Refresh()
			}
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.moving {
			return
		}
		if i < len(p.rows) && p.rows[i].header == "" {
			p.cur = i
			p.open()
		}
	}
	box := container.NewBorder(container.NewVBox(p.entry, p.mode), nil, nil, nil, p.list)
	p.pop = widget.NewModalPopUp(container.NewGridWrap(fyne.NewSize(720, 460), box), w.win.Canvas())
	return p
}

// segments draws a row: a bold group header, or the text with its matched
// runes in bold and the parent in grey.
func (r paletteRow) segments() []widget.RichTextSegment {
	if r.header != "" {
		return []widget.RichTextSegment{&widget.TextSegment{Text: r.header, Style: widget.RichTextStyle{ColorName: "primary", TextStyle: fyne.TextStyle{Bold: true}, SizeName: "subHeadingText"}}}
	}
	var segs []widget.RichTextSegment
	runes := []rune(r.text)
	bold := make(map[int]bool, len(r.matched))
	for _, m := range r.matched {
		bold[m] = true
	}
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || bold[i] != bold[start] {
			style := widget.RichTextStyleInline
			if bold[start] {
				style = widget.RichTextStyleStrong
			}
			segs = append(segs, &widget.TextSegment{Text: string(runes[start:i]), Style: style})
			start = i
		}
	}
	if r.parent != "" {
		segs = append(segs, &widget.TextSegment{Text: "   " + r.parent, Style: widget.RichTextStyle{Inline: true, ColorName: "placeholder"}})
	}
	return segs
}

// show opens the palette, building the index off the UI goroutine.
func (p *palette) show() {
	if p.w.kase == nil {
		return
	}
	p.entry.SetText("")
	p.rows, p.cur = nil, -1
	p.list.Refresh()
	p.setMode()
	p.pop.Show()
	p.w.win.Canvas().Focus(p.entry)
	if p.index == nil || p.stale {
		p.build()
	}
}

// build reads the case into a new index off the UI goroutine. Until it is
// ready the palette searches the index it has, if any, and says it is
// updating; then it runs the query again on the new one.
func (p *palette) build() {
	if p.building {
		return // when it lands, it sees whether it is stale and builds again
	}
	k, gen := p.w.kase, p.gen
	p.building = true
	type built struct {
		ix  *paletteIndex
		err error
	}
	background(p.w, "", func() (built, error) {
		ix, err := buildPaletteIndex(k)
		return built{ix, err}, nil // the error is shown below, after building is cleared
	}, func(b built) {
		if p.w.kase != k {
			return // another case was opened meanwhile, and reset the flags
		}
		p.building = false
		if b.err != nil {
			p.w.showError("Could not index the case", b.err) // the old index, if any, keeps serving
			return
		}
		p.index, p.stale = b.ix, gen != p.gen
		if !p.pop.Visible() {
			return
		}
		if p.stale {
			p.build()
		}
		p.setMode()
		if !p.fullText {
			p.requery()
		}
	})
}

// requery runs the query again on a new index, keeping the cursor on the
// result it was on when that result is still there.
func (p *palette) requery() {
	var kind, id string
	if p.cur >= 0 && p.cur < len(p.rows) {
		kind, id = p.rows[p.cur].kind, p.rows[p.cur].id
	}
	p.query()
	for i, r := range p.rows {
		if id != "" && r.kind == kind && r.id == id && i != p.cur {
			p.cur = i
			p.moving = true
			p.list.Select(i)
			p.moving = false
			return
		}
	}
}

func (p *palette) close() { p.pop.Hide() }

// invalidate marks the index out of date after the case changed. It is
// kept, and searched, until the palette next opens and reads a new one.
func (p *palette) invalidate() {
	p.gen++
	p.stale = p.index != nil
}

// reset forgets the index: another case was opened.
func (p *palette) reset() {
	p.gen++
	p.index, p.stale, p.building = nil, false, false
}

// current returns the index when it belongs to the open case.
func (p *palette) current() *paletteIndex {
	if p.index == nil || p.index.kase != p.w.kase {
		return nil
	}
	return p.index
}

func (p *palette) setMode() {
	switch {
	case p.fullText:
		p.mode.SetText("Full text inside articles and claims (accents ignored) · Tab: names · Enter: open · Esc: close")
	case p.current() == nil:
		p.mode.SetText("Indexing the case…")
	case p.stale:
		p.mode.SetText(fmt.Sprintf("%d names and texts, updating… · Tab: full text · arrows and Enter: open · Esc: close", p.index.ix.Len()))
	default:
		p.mode.SetText(fmt.Sprintf("%d names and texts · Tab: full text · arrows and Enter: open · Esc: close", p.index.ix.Len()))
	}
}

func (p *palette) toggleMode() {
	p.fullText = !p.fullText
	p.setMode()
	p.query()
}

// query runs the current text: fuzzy over names, or full text.
func (p *palette) query() {
	q := strings.TrimSpace(p.entry.Text)
	if q == "" {
		p.setRows(nil)
		return
	}
	if p.fullText {
		k := p.w.kase
		background(p.w, "Search failed", func() ([]paletteRow, error) { return fullTextRows(k, q) }, func(rows []paletteRow) {
			if strings.TrimSpace(p.entry.Text) == q && p.fullText {
				p.setRows(rows)
			}
		})
		return
	}
	ix := p.current()
	if ix == nil {
		return
	}
	var rows []paletteRow
	for _, g := range ix.ix.SearchGrouped(q, 6) {
		rows = append(rows, paletteRow{header: kindTitle(g.Kind)})
		for _, r := range g.Results {
			rows = append(rows, paletteRow{kind: r.Kind, id: r.ID, text: r.Text, matched: r.Matched, parent: r.Parent})
		}
	}
	p.setRows(rows)
}

func (p *palette) setRows(rows []paletteRow) {
	p.rows, p.cur = rows, -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.move(1)
}

// move selects the next (or previous) result, skipping headers.
func (p *palette) move(d int) {
	for i := p.cur + d; i >= 0 && i < len(p.rows); i += d {
		if p.rows[i].header == "" {
			p.cur = i
			p.moving = true
			p.list.Select(i) // shows the cursor
			p.moving = false
			return
		}
	}
}

// open shows the chosen result where it lives.
func (p *palette) open() {
	if p.cur < 0 || p.cur >= len(p.rows) {
		return
	}
	r := p.rows[p.cur]
	p.close()
	w := p.w
	switch r.kind {
	case search.KindClaim:
		if ix := p.current(); ix != nil {
			w.openClaim(ix.claimAt[r.id], app.ID(r.id))
		}
	case kindClaimHit:
		w.openClaim(r.article, app.ID(r.id))
	case search.KindArticle:
		w.tabs.SelectIndex(0)
		w.reader.show(app.ID(r.id))
	case search.KindEvent:
		w.showEventInTimeline(app.ID(r.id))
	case search.KindEntity:
		w.showEntity(app.ID(r.id))
	case search.KindSource:
		w.tabs.SelectIndex(2)
		w.sourceMgr.reload(app.ID(r.id))
	}
}

func kindTitle(kind string) string {
	switch kind {
	case search.KindEntity:
		return "People, places, organisations"
	case search.KindClaim:
		return "Claims"
	case search.KindArticle:
		return "Articles"
	case search.KindSource:
		return "Sources"
	case search.KindEvent:
		return "Events"
	}
	return kind
}

// buildPaletteIndex reads the case into a fuzzy index.
func buildPaletteIndex(k app.Case) (*paletteIndex, error) {
	ci, err := search.LoadIndex(context.Background(), k)
	if err != nil {
		return nil, err
	}
	return &paletteIndex{ix: ci.Index, claimAt: ci.ClaimArticle, kase: k}, nil
}

// fullTextRows searches inside article text and claims, with snippets.
func fullTextRows(k app.Case, q string) ([]paletteRow, error) {
	ctx := context.Background()
	hits, err := k.SearchText(ctx, q, 50)
	if err != nil {
		return nil, err
	}
	var rows []paletteRow
	if len(hits) > 0 {
		rows = append(rows, paletteRow{header: "Articles"})
	}
	for _, h := range hits {
		text, matched := markedText(h.Snippet)
		rows = append(rows, paletteRow{kind: search.KindArticle, id: string(h.ArticleID), text: text, matched: matched, parent: h.Title})
	}
	if cs, ok := k.(app.ClaimSearcher); ok {
		chits, err := cs.SearchClaims(ctx, q, 50)
		if err != nil {
			return nil, err
		}
		if len(chits) > 0 {
			rows = append(rows, paletteRow{header: "Claims"})
		}
		for _, h := range chits {
			text, matched := markedText(h.Snippet)
			rows = append(rows, paletteRow{kind: kindClaimHit, id: string(h.ClaimID), text: text, matched: matched, parent: h.Statement, article: h.ArticleID})
		}
	}
	return rows, nil
}

// markedText strips the store's match markers, returning the rune indexes
// they enclosed.
func markedText(s string) (string, []int) {
	var b strings.Builder
	var matched []int
	in := false
	n := 0
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch string(r) {
		case app.MarkStart:
			in = true
			continue
		case app.MarkEnd:
			in = false
			continue
		}
		if in {
			matched = append(matched, n)
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), matched
}
