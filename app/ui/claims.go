package ui

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/undo"
	"github.com/evidence-workbench/workbench/widgets"
)

// claimsPane lists the open article's claims in text order, orphans last.
type claimsPane struct {
	w      *Workbench
	root   fyne.CanvasObject
	title  *widget.Label
	list   *widget.List
	filter *widget.Select
	order  *widget.Select
	all    []app.Claim // the article's claims, before filter and order
	claims []app.Claim // as shown
	// selected is the claim shown in the inspector ("" = none).
	selected app.ID
	syncing  bool
}

func newClaimsPane(w *Workbench) *claimsPane {
	p := &claimsPane{w: w}
	p.title = widget.NewLabelWithStyle("Claims", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.list = widget.NewList(
		func() int { return len(p.claims) },
		func() fyne.CanvasObject {
			quote := widget.NewLabel("")
			quote.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(widgets.NewGradeBadge("", 0)), nil, quote)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.claims) {
				return
			}
			c := p.claims[i]
			box := o.(*fyne.Container)
			quote := box.Objects[0].(*widget.Label)
			gr := p.w.grades.grade(c)
			badge := gr.String()
			if badge == "" {
				badge = "–"
			}
			box.Objects[1].(*fyne.Container).Objects[0].(*widgets.GradeBadge).Set(badge, gradeTone(gr))
			text := "“" + c.Anchor.Exact + "”"
			if c.Statement != "" && c.Statement != c.Anchor.Exact {
				text = c.Statement
			}
			if c.Orphan {
				text = "⚠ orphan: " + text
				quote.Importance = widget.WarningImportance
			} else {
				quote.Importance = widget.MediumImportance
			}
			quote.SetText(text)
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.syncing || i >= len(p.claims) {
			return
		}
		w.selectClaim(p.claims[i].ID, true)
	}
	p.filter = widget.NewSelect(claimFilters, func(string) { p.applyView() })
	p.filter.SetSelectedIndex(0)
	p.order = widget.NewSelect(claimOrders, func(string) { p.applyView() })
	p.order.SetSelectedIndex(0)
	p.root = container.NewBorder(container.NewVBox(p.title, container.NewGridWithColumns(2, p.filter, p.order)), nil, nil, nil, p.list)
	return p
}

// claimFilters and claimOrders are the claims list's view choices.
var (
	claimFilters = []string{"All claims", "Strong (A–B, 1–2)", "Weak (D–E, 4–5)", "Not fully graded", "Orphans"}
	claimOrders  = []string{"Text order", "Strongest first", "Weakest first"}
)

// passesClaimFilter reports whether a claim with grade g passes filter i.
func passesClaimFilter(i int, c app.Claim, g app.Grade) bool {
	switch i {
	case 1:
		t := gradeTone(g)
		return g.Reliability.Valid() && g.Credibility.Valid() && (t == widgets.ToneBest || t == widgets.ToneGood)
	case 2:
		t := gradeTone(g)
		return t == widgets.TonePoor || t == widgets.ToneBad
	case 3:
		return !g.Reliability.Valid() || !g.Credibility.Valid()
	case 4:
		return c.Orphan
	}
	return true
}

// strength orders grades: lower is stronger; ungraded halves count as middling.
func strength(g app.Grade) int {
	r := 3
	if g.Reliability.Valid() {
		r = reliabilityRank(g.Reliability)
	}
	c := 3
	if g.Credibility.Valid() {
		c = int(g.Credibility) - 1
	}
	return r + c
}

// setClaims shows cs (in text order from the store; orphans go last).
func (p *claimsPane) setClaims(cs []app.Claim) {
	p.all = cs
	p.applyView()
}

// applyView filters and orders p.all into the shown list.
func (p *claimsPane) applyView() {
	if p.filter == nil || p.order == nil {
		return
	}
	placed := make([]app.Claim, 0, len(p.all))
	var orphans []app.Claim
	nOrphans := 0
	for _, c := range p.all {
		if c.Orphan {
			nOrphans++
		}
		if !passesClaimFilter(p.filter.SelectedIndex(), c, p.w.grades.grade(c)) {
			continue
		}
		if c.Orphan {
			orphans = append(orphans, c)
		} else {
			placed = append(placed, c)
		}
	}
	if o := p.order.SelectedIndex(); o > 0 {
		sort.SliceStable(placed, func(i, j int) bool {
			a, b := strength(p.w.grades.grade(placed[i])), strength(p.w.grades.grade(placed[j]))
			if o == 1 {
				return a < b
			}
			return a > b
		})
	}
	p.claims = append(placed, orphans...)
	title := fmt.Sprintf("Claims (%d)", len(p.all))
	if nOrphans > 0 {
		title = fmt.Sprintf("Claims (%d, %d orphaned)", len(p.all), nOrphans)
	}
	if len(p.claims) != len(p.all) {
		title += fmt.Sprintf(" · %d shown", len(p.claims))
	}
	p.title.SetText(title)
	p.list.Refresh()
	p.syncSelection()
}

// syncSelection selects the row of the selected claim without re-firing.
func (p *claimsPane) syncSelection() {
	p.syncing = true
	defer func() { p.syncing = false }()
	for i, c := range p.claims {
		if c.ID == p.selected {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
	p.list.UnselectAll()
}

func (p *claimsPane) find(id app.ID) *app.Claim {
	for i := range p.all {
		if p.all[i].ID == id {
			c := p.all[i]
			return &c
		}
	}
	return nil
}

// grader computes claims' grades: the origin's reliability (the claim's
// attribution, else the article's origin, else its publisher) with the
// claim's own credibility.
type grader struct {
	article []app.ArticleSource
	sources map[app.ID]*app.Source
}

func newGrader(a *app.Article, ss []app.Source) grader {
	g := grader{sources: make(map[app.ID]*app.Source, len(ss))}
	if a != nil {
		g.article = a.Sources
	}
	for i := range ss {
		g.sources[ss[i].ID] = &ss[i]
	}
	return g
}

// grade is the claim's Admiralty grade, e.g. B2.
func (g grader) grade(c app.Claim) app.Grade {
	return app.ClaimGrade(c, g.sources[app.ClaimOrigin(c, g.article)])
}

// origin is the source a claim speaks for, or nil.
func (g grader) origin(c app.Claim) *app.Source { return g.sources[app.ClaimOrigin(c, g.article)] }

// gradeText is the badge of a claim: "B2", "?2", "B?", or "" while nothing is graded.
func (g grader) gradeText(c app.Claim) string { return g.grade(c).String() }

// highlights turns claims into reader highlights, coloured by grade.
func (g grader) highlights(cs []app.Claim, selected app.ID) []widgets.Highlight {
	out := make([]widgets.Highlight, 0, len(cs))
	for _, c := range cs {
		if c.Orphan {
			continue
		}
		gr := g.grade(c)
		out = append(out, widgets.Highlight{
			ID: string(c.ID), Span: widgets.Span{Start: c.Anchor.Start, End: c.Anchor.End},
			Color: toneHighlight(gradeTone(gr)), Badge: gr.String(), Selected: c.ID == selected,
		})
	}
	return out
}

// --- actions on claims: each one an undoable, single-transaction change ---

// runAction runs an undoable action off the UI goroutine, then reloads the
// article's claims and selects what the action points at.
func (w *Workbench) runAction(what string, act func(ctx context.Context) error, selectAfter func() app.ID, then ...func()) {
	background(w, what, func() (struct{}, error) {
		w.actionMu.Lock()
		defer w.actionMu.Unlock()
		return struct{}{}, act(context.Background())
	}, func(struct{}) {
		sel := w.claims.selected // kept unless the action points elsewhere
		if selectAfter != nil {
			sel = selectAfter()
		}
		w.palette.invalidate()
		w.reloadClaims(sel)
		w.timeline.reload()
		for _, f := range then {
			f()
		}
	})
}

// newClaimFromSelection makes the reader's selection a claim.
func (w *Workbench) newClaimFromSelection() {
	a, k := w.reader.article, w.kase
	if a == nil || k == nil {
		return
	}
	sel := w.reader.text.Selection()
	anc, err := app.NewAnchor(a.Text, app.Span{Start: sel.Start, End: sel.End})
	if err != nil {
		w.showError("Could not make a claim", err)
		return
	}
	who := app.AnalystName()
	act := &undo.CreateClaim{Store: k, Claim: app.Claim{
		ArticleID: a.ID, Anchor: anc, Statement: anc.Exact, CreatedBy: who, UpdatedBy: who,
	}}
	w.runAction("Could not make a claim", func(ctx context.Context) error { return w.history.Run(ctx, act) },
		func() app.ID { w.reader.text.SetSelection(widgets.Span{}); return act.Claim.ID })
}

// editClaim stores after in place of before as one undoable action. A new
// attributed-to name creates that source first.
func (w *Workbench) editClaim(before, after app.Claim, what, attributedName string) {
	k := w.kase
	if k == nil {
		return
	}
	after.UpdatedBy = app.AnalystName()
	w.runAction("Could not save the claim", func(ctx context.Context) error {
		if what == "" {
			after.AttributedTo = ""
			if attributedName != "" {
				id, err := k.EnsureSource(ctx, attributedName, app.KindOther)
				if err != nil {
					return err
				}
				after.AttributedTo = id
			}
		}
		return w.history.Run(ctx, &undo.EditClaim{Store: k, Before: before, After: after, What: what})
	}, func() app.ID { return after.ID })
}

// deleteClaim deletes the selected claim without asking: it is undoable.
func (w *Workbench) deleteClaim() {
	c := w.inspector.claim
	if c == nil || w.kase == nil {
		return
	}
	act := &undo.DeleteClaim{Store: w.kase, Claim: *c}
	w.runAction("Could not delete the claim", func(ctx context.Context) error { return w.history.Run(ctx, act) }, nil)
}

// reattachClaim anchors the selected claim on the reader's selection.
func (w *Workbench) reattachClaim() {
	c, a := w.inspector.claim, w.reader.article
	if c == nil || a == nil || w.kase == nil {
		return
	}
	sel := w.reader.text.Selection()
	anc, err := app.NewAnchor(a.Text, app.Span{Start: sel.Start, End: sel.End})
	if err != nil {
		w.showError("Select the claim's words in the reader first", err)
		return
	}
	after := *c
	after.Anchor, after.Orphan = anc, false
	after.UpdatedBy = app.AnalystName()
	act := &undo.EditClaim{Store: w.kase, Before: *c, After: after, What: "Anchor"}
	w.runAction("Could not re-attach the claim", func(ctx context.Context) error { return w.history.Run(ctx, act) },
		func() app.ID { return c.ID })
}

// undo and redo revert or re-apply the latest action.
func (w *Workbench) undo() { w.stepHistory(true) }
func (w *Workbench) redo() { w.stepHistory(false) }

func (w *Workbench) stepHistory(back bool) {
	if w.kase == nil {
		return
	}
	var act undo.Action
	w.runAction("Could not undo", func(ctx context.Context) error {
		var err error
		if back {
			act, err = w.history.Undo(ctx)
		} else {
			act, err = w.history.Redo(ctx)
		}
		return err
	}, func() app.ID {
		switch a := act.(type) {
		case *undo.CreateClaim:
			if !back {
				return a.Claim.ID
			}
		case *undo.EditClaim:
			return a.After.ID
		case *undo.DeleteClaim:
			if back {
				return a.Claim.ID
			}
		}
		return w.claims.selected
	}, func() {
		switch act.(type) {
		case *undo.GradeSource, *undo.EditSource, *undo.MergeSources, *undo.SetArticleSources:
			w.afterSourcesChanged("")
		case *undo.CreateEntity, *undo.EditEntity, *undo.MergeEntities, *undo.DeleteEntity, *undo.SplitEntity,
			*undo.PutEntities, *undo.DismissName:
			w.entityTab.reload()
		case *undo.EditClaim:
			if w.tabs.Selected() == w.entityTabItem {
				w.entityTab.reload() // the entity page lists claims
			}
		case *undo.ApplyChangeSet:
			w.afterCaseChanged()
		}
	})
}

// reloadClaims re-reads the open article's claims and selects sel.
func (w *Workbench) reloadClaims(sel app.ID) {
	a, k := w.reader.article, w.kase
	if a == nil || k == nil {
		w.claims.setClaims(nil)
		w.inspector.show(nil)
		return
	}
	articleID := a.ID
	type loaded struct {
		claims  []app.Claim
		sources []app.Source
		article *app.Article
	}
	background(w, "Could not read the claims", func() (loaded, error) {
		ctx := context.Background()
		cs, err := k.Claims(ctx, app.ClaimFilter{ArticleID: articleID})
		if err != nil {
			return loaded{}, err
		}
		ss, err := k.Sources(ctx)
		if err != nil {
			return loaded{}, err
		}
		art, err := k.Article(ctx, articleID)
		return loaded{cs, ss, art}, err
	}, func(l loaded) {
		if w.reader.article == nil || w.reader.article.ID != articleID {
			return
		}
		if l.article.Text != w.reader.article.Text {
			w.reader.display(l.article) // an undo/redo of a text edit
		}
		w.inspector.setSources(l.sources)
		w.grades = newGrader(l.article, l.sources)
		w.claims.selected = sel
		w.claims.setClaims(l.claims)
		w.reader.text.SetHighlights(w.grades.highlights(l.claims, sel))
		w.inspector.show(w.claims.find(sel))
		if w.revealClaim != "" && w.revealClaim == sel {
			w.revealClaim = ""
			w.selectClaim(sel, true)
		}
	})
}

// selectClaim shows claim id in the inspector and, when scroll is set,
// brings it into view in the reader.
func (w *Workbench) selectClaim(id app.ID, scroll bool) {
	c := w.claims.find(id)
	if c == nil {
		return
	}
	if w.inspector.dirty() && w.inspector.claim.ID != id {
		w.inspector.saveEdits()
	}
	w.claims.selected = id
	w.claims.syncSelection()
	w.reader.text.SetHighlights(w.grades.highlights(w.claims.all, id))
	w.inspector.show(c)
	if scroll && !c.Orphan {
		w.reader.text.ScrollToOffset(c.Anchor.Start)
	}
}
