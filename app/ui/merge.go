package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
	"github.com/evidence-workbench/workbench/app/undo"
)

// mergeDialog picks another analyst's case file or Workbench JSON, and
// shows what merging it would do.
func (w *Workbench) mergeDialog() {
	if w.kase == nil {
		return
	}
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.planMerge(path)
	}, w.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".ewcase", ".json", ".sqlite", ".db"}))
	fd.Show()
}

// mergePlan is a plan read in the background with what it was made from.
type mergePlan struct {
	plan *merge.Plan
	ours *app.Snapshot
	from string
}

// planMerge reads both cases and plans the merge, then asks the analyst.
func (w *Workbench) planMerge(path string) {
	k := w.kase
	if k == nil {
		return
	}
	if filepath.Clean(path) == filepath.Clean(k.Path()) {
		w.showError("Could not merge", app.Errorf(app.EInvalid, "That is the case already open: choose another analyst's case file or a Workbench JSON export."))
		return
	}
	w.status.SetText("Reading " + path + "…")
	background(w, "Could not merge", func() (*mergePlan, error) {
		ctx := context.Background()
		theirs, err := w.readOtherCase(ctx, path)
		if err != nil {
			return nil, err
		}
		ours, err := app.LoadSnapshot(ctx, k)
		if err != nil {
			return nil, err
		}
		return &mergePlan{plan: merge.NewPlan(ours, theirs), ours: ours, from: path}, nil
	}, func(mp *mergePlan) {
		w.status.SetText("")
		if w.kase != k {
			return
		}
		w.showMergePlan(mp)
	})
}

// readOtherCase reads a Workbench JSON file or a copy of another case file
// (theirs is never opened in place: opening would upgrade and lock it).
func (w *Workbench) readOtherCase(ctx context.Context, path string) (*app.Snapshot, error) {
	return merge.ReadOther(ctx, w.cfg.Open, path)
}

// showMergePlan lists what the merge adds and, for every item both cases
// hold with different content, both versions with a choice (ours by
// default: nothing is overwritten unless chosen).
func (w *Workbench) showMergePlan(mp *mergePlan) {
	p := mp.plan
	if p.Empty() {
		dialog.ShowInformation("Nothing to merge", filepath.Base(mp.from)+" holds nothing this case lacks.", w.win)
		return
	}
	summary := widget.NewLabel(p.Summary())
	summary.Wrapping = fyne.TextWrapWord
	choices := map[merge.Key]merge.Choice{}
	list := container.NewVBox()
	radios := make([]*widget.RadioGroup, 0, len(p.Differences))
	for _, d := range p.Differences {
		key := d.Key
		title := heading(fmt.Sprintf("%s “%s”", d.Kind, d.Label))
		title.Truncation = fyne.TextTruncateEllipsis
		var lines []string
		for _, f := range d.Fields {
			lines = append(lines, fmt.Sprintf("%s — ours: %s · theirs: %s", f.Name, orDash(f.Ours), orDash(f.Theirs)))
		}
		fields := widget.NewLabel(strings.Join(lines, "\n"))
		fields.Wrapping = fyne.TextWrapWord
		pick := widget.NewRadioGroup([]string{"Keep ours", "Take theirs"}, func(s string) {
			if s == "Take theirs" {
				choices[key] = merge.Theirs
			} else {
				delete(choices, key)
			}
		})
		pick.Horizontal = true
		pick.Required = true
		pick.SetSelected("Keep ours")
		radios = append(radios, pick)
		list.Add(container.NewVBox(title, fields, pick, widget.NewSeparator()))
	}
	setAll := func(s string) {
		for _, r := range radios {
			r.SetSelected(s)
		}
	}
	top := container.NewVBox(summary)
	if len(p.Differences) > 0 {
		top.Add(container.NewHBox(widget.NewButton("Keep all ours", func() { setAll("Keep ours") }),
			widget.NewButton("Take all theirs", func() { setAll("Take theirs") })))
	}
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
	d := dialog.NewCustomConfirm("Merge "+filepath.Base(mp.from), "Merge", "Cancel", content, func(ok bool) {
		if ok {
			w.applyMerge(mp, choices)
		}
	}, w.win)
	d.Resize(fyne.NewSize(760, 600))
	d.Show()
}

// applyMerge applies the plan with the choices as one undoable action.
func (w *Workbench) applyMerge(mp *mergePlan, choices map[merge.Key]merge.Choice) {
	ch, ok := w.kase.(app.ChangeApplier)
	if !ok {
		w.showError("Could not merge", app.Errorf(app.EUnsupported, "This case cannot apply a merge."))
		return
	}
	cs, err := mp.plan.ChangeSet(choices)
	if err != nil {
		w.showError("Could not merge", err)
		return
	}
	act := &undo.ApplyChangeSet{Store: ch, Forward: cs, Back: merge.Inverse(mp.ours, cs), Name: "Merge Case"}
	w.runAction("Could not merge", func(ctx context.Context) error { return w.history.Run(ctx, act) }, nil, func() {
		w.afterCaseChanged()
		w.status.SetText("Merged " + mp.from + " (Ctrl+Z undoes the whole merge)")
	})
}

// afterCaseChanged refreshes every view after a change that may touch
// anything: a merge or its undo.
func (w *Workbench) afterCaseChanged() {
	w.palette.invalidate()
	w.afterSourcesChanged("")
	w.timeline.reload()
	w.entityTab.reload()
}
