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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// importExtensions are the files the importer reads.
var importExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}

func (w *Workbench) importFileDialog() {
	if w.kase == nil {
		return
	}
	d := dialog.NewFileOpen(func(uc fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not pick the file", err)
			return
		}
		if uc == nil {
			return
		}
		path := uc.URI().Path()
		_ = uc.Close()
		w.importPaths([]string{path})
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	d.Show()
}

func (w *Workbench) importFolderDialog() {
	if w.kase == nil {
		return
	}
	dialog.ShowFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil {
			w.showError("Could not pick the folder", err)
			return
		}
		if lu == nil {
			return
		}
		w.importPaths([]string{lu.Path()})
	}, w.win)
}

// onDropped imports files and folders dropped on the window.
func (w *Workbench) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		w.importPaths(paths)
	}
}

// importPaths imports files and folders with a progress dialog that can be
// cancelled, then reports every file's outcome.
func (w *Workbench) importPaths(paths []string) {
	k := w.kase
	if k == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Reading " + strings.Join(baseNames(paths), ", ") + "…")
	label.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButton("Cancel", cancel)
	content := container.NewVBox(label, bar, container.NewCenter(stop))
	prog := dialog.NewCustomWithoutButtons("Importing", content, w.win)
	prog.Resize(fyne.NewSize(460, 0))
	prog.Show()
	progress := func(done, total int, r app.ImportResult) {
		fyne.Do(func() {
			bar.Max = float64(total)
			bar.SetValue(float64(done))
			label.SetText(fmt.Sprintf("%d of %d: %s", done, total, filepath.Base(r.Path)))
		})
	}
	background(w, "Import stopped", func() ([]app.ImportResult, error) {
		defer cancel()
		im := ingest.Importer{Store: k}
		return im.Import(ctx, paths, progress), nil
	}, func(results []app.ImportResult) {
		prog.Hide()
		w.afterImport(results)
	})
}

// pasteDialog imports text pasted by the analyst.
func (w *Workbench) pasteDialog() {
	k := w.kase
	if k == nil {
		return
	}
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder("Paste the article here: title on the first line, then byline, date and text as on the page.")
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(14)
	name := widget.NewEntry()
	name.SetPlaceHolder("optional: where it came from (a URL or a note)")
	content := container.NewBorder(nil, name, nil, nil, text)
	d := dialog.NewCustomConfirm("Paste an article", "Import", "Cancel", content, func(ok bool) {
		if !ok || strings.TrimSpace(text.Text) == "" {
			return
		}
		src := strings.TrimSpace(name.Text)
		if src == "" {
			src = "pasted text"
		}
		body := text.Text
		background(w, "Could not import the pasted text", func() (app.ImportResult, error) {
			im := ingest.Importer{Store: k}
			return im.ImportText(context.Background(), src, body), nil
		}, func(r app.ImportResult) { w.afterImport([]app.ImportResult{r}) })
	}, w.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
	w.win.Canvas().Focus(text)
}

// afterImport refreshes the library, opens the first new article and shows
// what happened to every file.
func (w *Workbench) afterImport(results []app.ImportResult) {
	w.palette.invalidate()
	w.library.reload("")
	var first app.ID
	counts := map[app.ImportStatus]int{}
	for _, r := range results {
		counts[r.Status]++
		if first == "" && r.Status == app.ImportImported {
			first = r.ArticleID
		}
	}
	if first != "" {
		w.reader.show(first)
	}
	summary := fmt.Sprintf("%d imported, %d already in the case, %d failed.", counts[app.ImportImported], counts[app.ImportDuplicate], counts[app.ImportFailed])
	if len(results) == 1 && counts[app.ImportImported] == 1 && len(results[0].Warnings) == 0 {
		w.status.SetText("Imported “" + results[0].Title + "”")
		return
	}
	list := widget.NewList(
		func() int { return len(results) },
		func() fyne.CanvasObject {
			msg := widget.NewLabel("")
			msg.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, msg)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := results[i]
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Icon).SetResource(statusIcon(r.Status))
			c.Objects[0].(*widget.Label).SetText(resultLine(r))
		},
	)
	for i, r := range results {
		list.SetItemHeight(i, float32(1+strings.Count(resultLine(r), "\n"))*theme.TextSize()*1.6+theme.Padding()*2)
	}
	body := container.NewBorder(widget.NewLabel(summary), nil, nil, nil, list)
	d := dialog.NewCustom("Import finished", "Close", body, w.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

func resultLine(r app.ImportResult) string {
	line := filepath.Base(r.Path)
	switch r.Status {
	case app.ImportImported:
		line += " — imported as “" + r.Title + "”"
	case app.ImportDuplicate:
		line += " — already in the case: " + r.Message
	default:
		line += " — " + r.Message
	}
	for _, warn := range r.Warnings {
		line += "\n⚠ " + warn
	}
	return line
}

func statusIcon(s app.ImportStatus) fyne.Resource {
	switch s {
	case app.ImportImported:
		return theme.ConfirmIcon()
	case app.ImportDuplicate:
		return theme.InfoIcon()
	}
	return theme.ErrorIcon()
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
