package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// Scopes the export dialog offers.
const (
	scopeAll    = "The whole case"
	scopeEvent  = "The event shown in the Timeline tab"
	scopeEntity = "What concerns one entity"
)

// exportDialog asks for a format, a scope and a destination, then exports.
func (w *Workbench) exportDialog() {
	if w.kase == nil {
		return
	}
	formats := export.Formats()
	labels := make([]string, len(formats))
	for i, f := range formats {
		labels[i] = f.Label
	}
	desc := widget.NewLabel("")
	desc.Wrapping = fyne.TextWrapWord
	desc.Importance = widget.LowImportance
	format := widget.NewSelect(labels, func(s string) {
		for _, f := range formats {
			if f.Label == s {
				desc.SetText(strings.ToUpper(f.Description[:1]) + f.Description[1:] + ".")
			}
		}
	})
	format.SetSelectedIndex(max(0, indexOfFormat(formats, w.app.Preferences().String(prefExportFormat))))

	scopes := []string{scopeAll}
	if w.timeline.current != "" {
		scopes = append(scopes, scopeEvent)
	}
	var entNames []string
	entIDs := map[string]app.ID{}
	if ec := w.entities; ec != nil && len(ec.list) > 0 {
		scopes = append(scopes, scopeEntity)
		for _, e := range ec.list {
			entNames = append(entNames, e.Name)
			entIDs[e.Name] = e.ID
		}
	}
	entity := widget.NewSelect(entNames, nil)
	entity.PlaceHolder = "choose an entity"
	entity.Hide()
	scope := widget.NewRadioGroup(scopes, func(s string) {
		if s == scopeEntity {
			entity.Show()
		} else {
			entity.Hide()
		}
	})
	scope.Required = true
	scope.SetSelected(scopeAll)
	switch {
	case w.tabs.Selected() == w.entityTabItem && w.entityTab.page.data != nil:
		scope.SetSelected(scopeEntity)
		entity.SetSelected(w.entityTab.page.data.entity.Name)
	case w.timeline.onlyEntity != "" && w.entities != nil && w.entities.byID[w.timeline.onlyEntity] != nil:
		scope.SetSelected(scopeEntity)
		entity.SetSelected(w.entities.byID[w.timeline.onlyEntity].Name)
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format), widget.NewFormItem("", desc),
		widget.NewFormItem("What", container.NewVBox(scope, entity)),
	}
	d := dialog.NewForm("Export", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		f := formats[max(0, format.SelectedIndex())]
		var sc export.Scope
		switch scope.Selected {
		case scopeEvent:
			sc.EventIDs = []app.ID{w.timeline.current}
		case scopeEntity:
			id, found := entIDs[entity.Selected]
			if !found {
				w.showError("Could not export", app.Errorf(app.EInvalid, "Choose the entity to export."))
				return
			}
			sc.EntityID = id
		}
		w.app.Preferences().SetString(prefExportFormat, f.Name)
		w.chooseExportFile(f, sc)
	}, w.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

// prefExportFormat remembers the last export format.
const prefExportFormat = "export.format"

func indexOfFormat(fs []export.Format, name string) int {
	for i, f := range fs {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// chooseExportFile asks where to save, then runs the export.
func (w *Workbench) chooseExportFile(f export.Format, sc export.Scope) {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError("Could not export", err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		// The dialog created an empty file; the export replaces it atomically.
		_ = wc.Close()
		w.runExport(f, sc, path)
	}, w.win)
	base := strings.TrimSuffix(filepath.Base(w.kase.Path()), filepath.Ext(w.kase.Path()))
	fd.SetFileName(base + "-" + f.Name + "." + f.Ext)
	fd.Show()
}

// runExport exports in the background with a progress dialog that can
// cancel. A failed or cancelled export leaves nothing at path but what was
// there before (export.WriteFile is atomic).
func (w *Workbench) runExport(f export.Format, sc export.Scope, path string) {
	k := w.kase
	if k == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	step := widget.NewLabel("Reading the case…")
	bar := widget.NewProgressBarInfinite()
	stop := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), cancel)
	prog := dialog.NewCustomWithoutButtons("Exporting "+f.Label, container.NewVBox(step, bar, container.NewCenter(stop)), w.win)
	prog.Show()
	setStep := func(s string) { fyne.Do(func() { step.SetText(s) }) }
	type result struct {
		took      time.Duration
		n         int
		cancelled bool
	}
	background(w, "Could not export", func() (result, error) {
		defer cancel()
		start := time.Now()
		snap, err := app.LoadSnapshot(ctx, k)
		if ctx.Err() != nil {
			return result{cancelled: true}, nil
		}
		if err != nil {
			return result{}, err
		}
		setStep(fmt.Sprintf("Writing %s…", filepath.Base(path)))
		d, err := export.Prepare(snap, sc, time.Now())
		if err != nil {
			return result{}, err
		}
		d.Case = strings.TrimSuffix(filepath.Base(k.Path()), filepath.Ext(k.Path()))
		opts := export.Options{Font: theme.DefaultTextFont().Content(), BoldFont: theme.DefaultTextBoldFont().Content()}
		err = export.WriteFile(path, func(out io.Writer) error {
			return f.Write(ctxWriter{ctx, out}, d, opts)
		})
		if ctx.Err() != nil {
			return result{cancelled: true}, nil
		}
		if err != nil {
			return result{}, err
		}
		return result{took: time.Since(start), n: len(d.Snapshot.Events) + len(d.Snapshot.Claims)}, nil
	}, func(r result) {
		if r.cancelled {
			w.status.SetText("Export cancelled; nothing was written to " + path)
			return
		}
		w.status.SetText(fmt.Sprintf("Exported %s (%d events and claims) to %s in %s", f.Label, r.n, path, r.took.Round(time.Millisecond)))
	})
	go func() { // close the progress dialog when the job ends, whatever the outcome
		<-ctx.Done()
		fyne.Do(prog.Hide)
	}()
}

// ctxWriter stops a long export as soon as it is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
