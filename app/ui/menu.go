package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

func contextBackground() context.Context { return context.Background() }

var (
	scNew         = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	scOpen        = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scImport      = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	scImportDir   = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scPaste       = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scQuit        = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	scSearch      = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	scExport      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scEditDetails = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scRedo        = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	scFind        = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// mainMenu builds the menu bar; it is rebuilt when the recent list changes.
func (w *Workbench) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		m.Shortcut = sc
		return m
	}
	recent := fyne.NewMenuItem("Open Recent", nil)
	for _, p := range w.recent.list() {
		p := p
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(p, func() { w.openCase(p, false, false) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	quit := item("Quit", scQuit, func() { w.app.Quit() })
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New Case…", scNew, w.newCaseDialog),
		item("Open Case…", scOpen, w.openCaseDialog),
		recent,
		fyne.NewMenuItem("Open Sample Case", w.openSampleCase),
		fyne.NewMenuItemSeparator(),
		item("Import Files…", scImport, w.importFileDialog),
		item("Import Folder…", scImportDir, w.importFolderDialog),
		item("Paste Article…", scPaste, w.pasteDialog),
		fyne.NewMenuItemSeparator(),
		item("Export…", scExport, w.exportDialog),
		fyne.NewMenuItem("Merge Another Case…", w.mergeDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	w.undoItem = item("Undo", &fyne.ShortcutUndo{}, w.undoOrEntryUndo)
	w.redoItem = item("Redo", scRedo, w.redoOrEntryRedo)
	edit := fyne.NewMenu("Edit",
		w.undoItem,
		w.redoItem,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("New Claim from Selection (Enter)", w.newClaimFromSelection),
		fyne.NewMenuItem("Delete Claim", w.deleteClaim),
		fyne.NewMenuItemSeparator(),
		item("Find in Article…", scFind, w.reader.find.open),
		item("Find Anything…", scPalette, w.palette.show),
	)
	article := fyne.NewMenu("Article",
		item("Edit Details…", scEditDetails, w.reader.editDetails),
		fyne.NewMenuItem("Edit Text…", w.reader.editTextDialog),
		fyne.NewMenuItem("Mark Selection as Boilerplate", w.reader.excludeSelection),
		fyne.NewMenuItem("Mark Selection as Article Text", w.reader.includeSelection),
		item("Search Articles", scSearch, func() { w.win.Canvas().Focus(w.library.search) }),
	)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Theme: Follow System", func() { w.setTheme("") }),
		fyne.NewMenuItem("Theme: Light", func() { w.setTheme("light") }),
		fyne.NewMenuItem("Theme: Dark", func() { w.setTheme("dark") }),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard Shortcuts", w.showShortcuts),
		fyne.NewMenuItem("About Evidence Workbench", w.showAbout),
	)
	w.menu = fyne.NewMainMenu(file, edit, article, view, help)
	w.refreshEditMenu()
	return w.menu
}

// refreshEditMenu names the actions Undo and Redo would take.
func (w *Workbench) refreshEditMenu() {
	if w.undoItem == nil {
		return
	}
	u, r := w.history.UndoLabel(), w.history.RedoLabel()
	w.undoItem.Label, w.undoItem.Disabled = "Undo "+u, u == ""
	w.redoItem.Label, w.redoItem.Disabled = "Redo "+r, r == ""
	if u == "" {
		w.undoItem.Label = "Undo"
	}
	if r == "" {
		w.redoItem.Label = "Redo"
	}
	if w.menu != nil {
		w.menu.Refresh()
	}
}

// focusedEntry is the text entry with the keyboard focus, if any: there,
// Undo and Redo belong to the typing, not to the case.
func (w *Workbench) focusedEntry() fyne.Shortcutable {
	switch f := w.win.Canvas().Focused().(type) {
	case *widget.Entry, *widget.SelectEntry, *findEntry:
		return f.(fyne.Shortcutable)
	}
	return nil
}

func (w *Workbench) undoOrEntryUndo() {
	if e := w.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	w.undo()
}

func (w *Workbench) redoOrEntryRedo() {
	if e := w.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	w.redo()
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// addShortcuts registers the menu shortcuts on the canvas too, so they work
// wherever the focus is.
func (w *Workbench) addShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(scNew, func(fyne.Shortcut) { w.newCaseDialog() })
	c.AddShortcut(scOpen, func(fyne.Shortcut) { w.openCaseDialog() })
	c.AddShortcut(scImport, func(fyne.Shortcut) { w.importFileDialog() })
	c.AddShortcut(scImportDir, func(fyne.Shortcut) { w.importFolderDialog() })
	c.AddShortcut(scPaste, func(fyne.Shortcut) { w.pasteDialog() })
	c.AddShortcut(scQuit, func(fyne.Shortcut) { w.app.Quit() })
	c.AddShortcut(scSearch, func(fyne.Shortcut) { c.Focus(w.library.search) })
	c.AddShortcut(scEditDetails, func(fyne.Shortcut) { w.reader.editDetails() })
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { w.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.redo() })
	c.AddShortcut(scRedo, func(fyne.Shortcut) { w.redo() })
	c.AddShortcut(scFind, func(fyne.Shortcut) { w.reader.find.open() })
	c.AddShortcut(scPalette, func(fyne.Shortcut) { w.palette.show() })
	c.AddShortcut(scExport, func(fyne.Shortcut) { w.exportDialog() })
}

func (w *Workbench) newCaseDialog() {
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError("Could not create the case", err)
			return
		}
		if uc == nil {
			return
		}
		path := uc.URI().Path()
		_ = uc.Close()
		if !strings.HasSuffix(path, ".ewcase") {
			path += ".ewcase"
		}
		w.openCase(path, true, false)
	}, w.win)
	d.SetFileName("new-case.ewcase")
	d.Show()
}

func (w *Workbench) openCaseDialog() {
	d := dialog.NewFileOpen(func(uc fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not open the case", err)
			return
		}
		if uc == nil {
			return
		}
		path := uc.URI().Path()
		_ = uc.Close()
		w.openCase(path, false, false)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ewcase"}))
	d.Show()
}

// openSampleCase opens (creating on first use) a case holding the sample
// articles, next to the default case.
func (w *Workbench) openSampleCase() {
	dir := filepath.Dir(w.cfg.DefaultCase)
	w.openCase(filepath.Join(dir, "sample.ewcase"), true, true)
}
