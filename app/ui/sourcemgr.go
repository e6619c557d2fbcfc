package ui

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
	"github.com/evidence-workbench/workbench/app/undo"
	"github.com/evidence-workbench/workbench/widgets"
)

// reliabilityOptions are the grade picker's lines; index 0 = not graded.
var reliabilityOptions = func() []string {
	out := []string{"– not graded"}
	for _, r := range app.Reliabilities {
		out = append(out, string(r)+" – "+r.Label())
	}
	return out
}()

// kindOptions are the kinds of source, for the picker.
var kindOptions = func() []string {
	out := []string{""}
	for _, k := range app.SourceKinds {
		out = append(out, string(k))
	}
	return out
}()

// sourceManager is the Sources tab: every source with its grade and use,
// and the form that edits, grades, merges and deletes one.
type sourceManager struct {
	w       *Workbench
	root    fyne.CanvasObject
	list    *widget.List
	sources []app.Source
	usage   map[app.ID]app.SourceUsage
	current *app.Source

	detail    *fyne.Container
	empty     *widget.Label
	name      *widget.Entry
	kind      *widget.Select
	homepage  *widget.Entry
	aliases   *widget.Entry
	notes     *widget.Entry
	grade     *widget.Select
	reason    *widget.Entry
	usageLine *widget.Label
	history   *widget.Label
	badge     *widgets.GradeBadge
}

func newSourceManager(w *Workbench) *sourceManager {
	m := &sourceManager{w: w, usage: map[app.ID]app.SourceUsage{}}
	m.list = widget.NewList(
		func() int { return len(m.sources) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			use := widget.NewLabel("")
			use.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(widgets.NewGradeBadge("", 0)), use, name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(m.sources) {
				return
			}
			s := m.sources[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(s.Name)
			c.Objects[1].(*fyne.Container).Objects[0].(*widgets.GradeBadge).Set(gradeLetter(s.Reliability), reliabilityTone(s.Reliability))
			c.Objects[2].(*widget.Label).SetText(usageLine(m.usage[s.ID]))
		},
	)
	m.list.OnSelected = func(i widget.ListItemID) {
		if i < len(m.sources) {
			s := m.sources[i]
			m.show(&s)
		}
	}
	m.name = widget.NewEntry()
	m.kind = widget.NewSelect(kindOptions, nil)
	m.homepage = widget.NewEntry()
	m.homepage.SetPlaceHolder("https://…")
	m.aliases = widget.NewMultiLineEntry()
	m.aliases.SetPlaceHolder("other names, one per line")
	m.aliases.SetMinRowsVisible(2)
	m.notes = widget.NewMultiLineEntry()
	m.notes.SetMinRowsVisible(2)
	m.grade = widget.NewSelect(reliabilityOptions, nil)
	m.reason = widget.NewEntry()
	m.reason.SetPlaceHolder("why this grade (kept in the history)")
	m.badge = widgets.NewGradeBadge("", 0)
	m.usageLine = widget.NewLabel("")
	m.history = widget.NewLabel("")
	m.history.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon("Save details", theme.DocumentSaveIcon(), m.saveDetails)
	setGrade := widget.NewButtonWithIcon("Set grade", theme.ConfirmIcon(), m.setGrade)
	setGrade.Importance = widget.HighImportance
	merge := widget.NewButtonWithIcon("Merge into…", theme.ContentPasteIcon(), m.mergeDialog)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), m.deleteCurrent)
	details := widget.NewForm(
		widget.NewFormItem("Name", m.name),
		widget.NewFormItem("Kind", m.kind),
		widget.NewFormItem("Homepage", m.homepage),
		widget.NewFormItem("Aliases", m.aliases),
		widget.NewFormItem("Notes", m.notes),
	)
	grading := widget.NewForm(
		widget.NewFormItem("Reliability", container.NewBorder(nil, nil, m.badge, nil, m.grade)),
		widget.NewFormItem("Because", m.reason),
	)
	m.detail = container.NewVBox(
		widget.NewLabelWithStyle("Source", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		details, container.NewHBox(save, merge, del), widget.NewSeparator(),
		widget.NewLabelWithStyle("Grade (Admiralty reliability)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		grading, container.NewHBox(setGrade), m.usageLine,
		widget.NewLabelWithStyle("History", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), m.history,
	)
	m.empty = widget.NewLabel("Choose a source on the left to edit and grade it.\n\nSources come from imports (publishers, wires, translators) and from claims' attributions.")
	m.empty.Wrapping = fyne.TextWrapWord
	importBtn := widget.NewButtonWithIcon("Import ratings CSV…", theme.UploadIcon(), m.importRatingsDialog)
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Sources", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), importBtn),
		nil, nil, nil, m.list)
	right := container.NewStack(container.NewVScroll(container.NewPadded(m.detail)), container.NewPadded(m.empty))
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	m.root = split
	m.show(nil)
	return m
}

// reload re-reads sources and usage; keep selects the source shown.
func (m *sourceManager) reload(keep app.ID) {
	k := m.w.kase
	if k == nil {
		return
	}
	type loaded struct {
		sources []app.Source
		usage   map[app.ID]app.SourceUsage
	}
	background(m.w, "Could not read the sources", func() (loaded, error) {
		ss, err := k.Sources(context.Background())
		if err != nil {
			return loaded{}, err
		}
		u, err := k.SourceUsage(context.Background())
		return loaded{ss, u}, err
	}, func(l loaded) {
		sort.SliceStable(l.sources, func(i, j int) bool {
			return strings.ToLower(l.sources[i].Name) < strings.ToLower(l.sources[j].Name)
		})
		m.sources, m.usage = l.sources, l.usage
		m.list.UnselectAll()
		m.list.Refresh()
		m.show(nil)
		for i, s := range m.sources {
			if s.ID == keep {
				m.list.Select(i)
				m.list.ScrollTo(i)
			}
		}
	})
}

// show fills the form with s (nil: the hint).
func (m *sourceManager) show(s *app.Source) {
	m.current = s
	if s == nil {
		m.detail.Hide()
		m.empty.Show()
		return
	}
	m.empty.Hide()
	m.detail.Show()
	m.name.SetText(s.Name)
	m.kind.SetSelected(string(s.Kind))
	m.homepage.SetText(s.Homepage)
	m.aliases.SetText(strings.Join(s.Aliases, "\n"))
	m.notes.SetText(s.Notes)
	idx := 0
	for i, r := range app.Reliabilities {
		if r == s.Reliability {
			idx = i + 1
		}
	}
	m.grade.SetSelectedIndex(idx)
	m.reason.SetText(s.ReliabilityNote)
	m.badge.Set(gradeLetter(s.Reliability), reliabilityTone(s.Reliability))
	u := m.usage[s.ID]
	m.usageLine.SetText(fmt.Sprintf("Linked by %s; %s attributed to it.", app.Count(u.Articles, "article", "articles"), app.Count(u.Claims, "claim", "claims")))
	m.history.SetText("…")
	k, id := m.w.kase, s.ID
	background(m.w, "Could not read the grade history", func() ([]app.GradeChange, error) {
		return k.SourceHistory(context.Background(), id)
	}, func(h []app.GradeChange) {
		if m.current == nil || m.current.ID != id {
			return
		}
		m.history.SetText(historyText(h))
	})
}

func historyText(h []app.GradeChange) string {
	if len(h) == 0 {
		return "Never graded."
	}
	var b strings.Builder
	for i := len(h) - 1; i >= 0; i-- { // newest first
		g := h[i]
		fmt.Fprintf(&b, "%s  %s by %s", g.At.Local().Format("2006-01-02 15:04"), gradeLetter(g.Reliability), orUnknown(g.By))
		if g.Note != "" {
			fmt.Fprintf(&b, ": %s", g.Note)
		}
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}

func (m *sourceManager) saveDetails() {
	if m.current == nil {
		return
	}
	before := *m.current
	after := before
	after.Name = strings.TrimSpace(m.name.Text)
	after.Kind = app.SourceKind(m.kind.Selected)
	after.Homepage = strings.TrimSpace(m.homepage.Text)
	after.Notes = m.notes.Text
	after.Aliases = nil
	for _, a := range strings.Split(m.aliases.Text, "\n") {
		if a = strings.TrimSpace(a); a != "" {
			after.Aliases = append(after.Aliases, a)
		}
	}
	if err := after.Validate(); err != nil {
		m.w.showError("Could not save the source", err)
		return
	}
	m.run("Could not save the source", &undo.EditSource{Store: m.w.kase, Before: before, After: after}, before.ID)
}

func (m *sourceManager) setGrade() {
	if m.current == nil {
		return
	}
	r := app.ReliabilityUngraded
	if i := m.grade.SelectedIndex(); i > 0 {
		r = app.Reliabilities[i-1]
	}
	reason := strings.TrimSpace(m.reason.Text)
	if reason == "" || (r == m.current.Reliability && reason == m.current.ReliabilityNote) {
		dialog.ShowInformation("Say why", "Write a short reason for the grade: it is kept with the grade in the source's history.", m.w.win)
		return
	}
	act := &undo.GradeSource{Store: m.w.kase, SourceID: m.current.ID, Before: m.current.Reliability,
		BeforeNote: m.current.ReliabilityNote, After: r, Note: reason, By: app.AnalystName()}
	m.run("Could not grade the source", act, m.current.ID)
}

// run does an undoable source action and refreshes every view that shows grades.
func (m *sourceManager) run(what string, act undo.Action, keep app.ID) {
	m.w.runAction(what, func(ctx context.Context) error { return m.w.history.Run(ctx, act) }, nil,
		func() { m.w.afterSourcesChanged(keep) })
}

func (m *sourceManager) mergeDialog() {
	if m.current == nil {
		return
	}
	drop := *m.current
	var names []string
	byName := map[string]app.ID{}
	for _, s := range m.sources {
		if s.ID != drop.ID {
			names = append(names, s.Name)
			byName[s.Name] = s.ID
		}
	}
	pick := widget.NewSelectEntry(names)
	pick.SetPlaceHolder("the source to keep")
	msg := widget.NewLabel(fmt.Sprintf("Everything of “%s” (its articles, claims, grade history and names) moves to the source you choose; “%s” becomes one of its aliases. Undo puts it back.", drop.Name, drop.Name))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Merge “"+drop.Name+"” into…", "Merge", "Cancel", container.NewVBox(msg, pick), func(ok bool) {
		keep, found := byName[pick.Text]
		if !ok || !found {
			return
		}
		m.run("Could not merge the sources", &undo.MergeSources{Store: m.w.kase, Keep: keep, Drop: drop.ID}, keep)
	}, m.w.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (m *sourceManager) deleteCurrent() {
	if m.current == nil || m.w.kase == nil {
		return
	}
	k, id := m.w.kase, m.current.ID
	background(m.w, "Could not delete the source", func() (struct{}, error) {
		return struct{}{}, k.DeleteSource(context.Background(), id)
	}, func(struct{}) { m.reload("") })
}

func (m *sourceManager) importRatingsDialog() {
	k := m.w.kase
	if k == nil {
		return
	}
	d := dialog.NewFileOpen(func(uc fyne.URIReadCloser, err error) {
		if err != nil || uc == nil {
			if err != nil {
				m.w.showError("Could not open the ratings file", err)
			}
			return
		}
		path := uc.URI().Path()
		_ = uc.Close()
		background(m.w, "Could not import the ratings", func() (ingest.RatingsReport, error) {
			f, err := os.Open(path)
			if err != nil {
				return ingest.RatingsReport{}, app.WrapError(app.EInvalid, err, "cannot read %s", path)
			}
			defer f.Close()
			rows, problems, err := ingest.ParseRatings(f)
			if err != nil {
				return ingest.RatingsReport{}, err
			}
			rep, err := ingest.ApplyRatings(context.Background(), k, rows, true, app.AnalystName())
			rep.Problems = append(problems, rep.Problems...)
			return rep, err
		}, func(rep ingest.RatingsReport) {
			m.w.afterSourcesChanged("")
			text := fmt.Sprintf("%d sources graded, %d created, %d unchanged.", len(rep.Graded), len(rep.Created), len(rep.Unchanged))
			for _, p := range rep.Problems {
				text += fmt.Sprintf("\nline %d %s: %s", p.Line, p.Name, p.Problem)
			}
			dialog.ShowInformation("Ratings imported", text, m.w.win)
		})
	}, m.w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

// usageLine says how much of the case a source is in: the articles that
// link it, and the claims attributed to it (not those of its articles).
func usageLine(u app.SourceUsage) string {
	line := app.Count(u.Articles, "article", "articles")
	if u.Claims > 0 {
		line += " · " + app.Count(u.Claims, "claim", "claims") + " attributed"
	}
	return line
}
