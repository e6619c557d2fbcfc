// Package ui is Evidence Workbench's window: the library of articles, the
// reader, and the dialogs around them. It reaches the case file only through
// app.Case, runs every store call off the UI goroutine, and touches widgets
// from other goroutines only inside fyne.Do.
package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/sample"
	"github.com/evidence-workbench/workbench/app/timeline"
	"github.com/evidence-workbench/workbench/app/undo"
)

// Config is what main.go hands the GUI.
type Config struct {
	Open        app.CaseOpener
	CasePath    string // --case, or "" for the last case used (else the default case)
	DefaultCase string // the per-user case, created with the sample on first run
	Sample      fs.FS  // the embedded sample articles
	SampleDir   string
	Version     string
}

// Run builds the main window on a and runs the app until it quits.
func Run(a fyne.App, cfg Config) {
	w := New(a, cfg)
	w.win.Show()
	w.OpenInitialCase()
	a.Run()
	w.closeCase()
}

// Workbench is the main window and its state. Fields are touched on the UI
// goroutine only.
type Workbench struct {
	app fyne.App
	win fyne.Window
	cfg Config

	kase      app.Case
	library   *libraryPane
	reader    *readerPane
	claims    *claimsPane
	inspector *inspector
	sourceMgr *sourceManager
	timeline  *timelineTab
	entityTab *entityTab
	// entityTabItem is the Entities tab, for switching to it.
	entityTabItem *container.TabItem
	// entities caches every entity and a matcher over their spellings
	// (nil until read).
	entities *entityCache
	palette  *palette
	tabs     *container.AppTabs
	// revealClaim is scrolled to once its article's claims have loaded.
	revealClaim app.ID
	grades      grader
	status      *widget.Label
	recent      *recentCases
	history     *undo.History
	menu        *fyne.MainMenu
	undoItem    *fyne.MenuItem
	redoItem    *fyne.MenuItem
	// actionMu runs annotation actions one at a time, in the order asked.
	actionMu sync.Mutex

	// pending counts background jobs so tests can wait for them.
	pending sync.WaitGroup
	// applyMu serialises the UI updates of background jobs. The GL driver
	// already runs them one by one on the main goroutine; Fyne's test driver
	// runs fyne.Do on the caller's goroutine, so without this, tests would
	// touch widgets from several goroutines at once.
	applyMu sync.Mutex
}

// New builds the window without opening a case.
func New(a fyne.App, cfg Config) *Workbench {
	w := &Workbench{app: a, cfg: cfg, win: a.NewWindow("Evidence Workbench")}
	w.recent = newRecentCases(a.Preferences())
	applyThemeChoice(a, a.Preferences().String(prefTheme))
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.history = undo.New(0)
	w.history.OnChange = func() { fyne.Do(w.refreshEditMenu) }
	w.library = newLibraryPane(w)
	w.reader = newReaderPane(w)
	w.claims = newClaimsPane(w)
	w.inspector = newInspector(w)
	right := container.NewVSplit(w.claims.root, w.inspector.root)
	right.Offset = 0.32
	centre := container.NewHSplit(w.reader.root, right)
	centre.Offset = 0.64
	w.sourceMgr = newSourceManager(w)
	w.timeline = newTimelineTab(w)
	w.palette = newPalette(w)
	w.entityTab = newEntityTab(w)
	w.entityTabItem = container.NewTabItemWithIcon("Entities", theme.SearchIcon(), w.entityTab.root)
	w.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Read", theme.DocumentIcon(), centre),
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), w.timeline.root),
		container.NewTabItemWithIcon("Sources", theme.AccountIcon(), w.sourceMgr.root),
		w.entityTabItem,
	)
	w.tabs.OnSelected = func(t *container.TabItem) {
		switch t.Content {
		case w.sourceMgr.root:
			w.sourceMgr.reload(app.ID(""))
		case w.timeline.root:
			w.timeline.reload()
		case w.entityTab.root:
			w.entityTab.reload()
		}
	}
	split := container.NewHSplit(w.library.root, w.tabs)
	split.Offset = 0.22
	w.win.SetContent(container.NewBorder(nil, w.status, nil, nil, split))
	w.win.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.win.SetOnDropped(w.onDropped)
	w.win.Resize(fyne.NewSize(1400, 860))
	return w
}

// Window is the main window (for tests and screenshots).
func (w *Workbench) Window() fyne.Window { return w.win }

// Wait blocks until every background job started so far has finished and
// its result has been applied. For tests.
func (w *Workbench) Wait() { w.pending.Wait() }

// background runs work off the UI goroutine, then hands its result to done
// (or its error to a dialog) on the UI goroutine.
func background[T any](w *Workbench, what string, work func() (T, error), done func(T)) {
	w.pending.Add(1)
	go func() {
		v, err := work()
		fyne.DoAndWait(func() {
			w.applyMu.Lock()
			defer w.applyMu.Unlock()
			defer w.pending.Done()
			if err != nil {
				w.showError(what, err)
				return
			}
			if done != nil {
				done(v)
			}
		})
	}()
}

// showError shows a user-facing message for err.
func (w *Workbench) showError(what string, err error) {
	msg := app.ErrorMessage(err)
	if what != "" {
		msg = what + ": " + msg
	}
	fyne.LogError(what, err)
	dialog.ShowError(errors.New(msg), w.win)
}

// OpenInitialCase opens --case, else the last case used, else the default
// case (creating it with the sample articles on first run).
func (w *Workbench) OpenInitialCase() {
	path := w.cfg.CasePath
	if path == "" {
		if last := w.recent.list(); len(last) > 0 && fileExists(last[0]) {
			path = last[0]
		}
	}
	if path == "" {
		path = w.cfg.DefaultCase
	}
	w.openCase(path, true, path == w.cfg.DefaultCase)
}

// openCase opens path in the background and makes it the current case.
// create makes a missing file a new case; seed fills a new case with the
// sample articles. Opening the case already open does nothing.
func (w *Workbench) openCase(path string, create, seed bool) {
	if w.kase != nil && sameFile(path, w.kase.Path()) {
		w.status.SetText(path + " is the case already open.")
		return
	}
	w.status.SetText("Opening " + path + "…")
	background(w, "", func() (openedCase, error) {
		o, err := w.openCaseFile(path, create, seed)
		o.err = err
		return o, nil
	}, func(o openedCase) {
		if o.err != nil {
			if w.kase != nil {
				w.setStatus(len(w.library.all))
			} else {
				w.status.SetText("No case open: use File → Open Case… or File → New Case…")
			}
			w.showError("Could not open "+filepath.Base(path), o.err)
			return
		}
		w.useCase(path, o)
	})
}

// openedCase is a case opened in the background.
type openedCase struct {
	k       app.Case
	results []app.ImportResult // the sample's import, for a new default case
	err     error
}

// openCaseFile opens (creating and seeding as asked) the case at path.
func (w *Workbench) openCaseFile(path string, create, seed bool) (openedCase, error) {
	isNew := !fileExists(path) || fileSize(path) == 0
	if isNew && create && seed && w.cfg.Sample != nil {
		return w.createSampleCase(path)
	}
	if isNew && create {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return openedCase{}, app.WrapError(app.EInvalid, err, "cannot create the folder for %s", path)
		}
		if fileExists(path) {
			_ = os.Remove(path) // an empty file left by a save dialog
		}
	}
	k, err := w.cfg.Open(path, create)
	if err != nil {
		return openedCase{}, err
	}
	return openedCase{k: k}, nil
}

// createSampleCase makes a new case at path holding the sample articles.
// It is built beside path and renamed into place once complete, so a
// workbench killed while it fills the case leaves no half-made case that
// would open empty from then on: the next start builds it again.
func (w *Workbench) createSampleCase(path string) (openedCase, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return openedCase{}, app.WrapError(app.EInvalid, err, "cannot create the folder for %s", path)
	}
	tmp := path + ".creating"
	for _, p := range []string{path, tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"} {
		if p != path || fileExists(p) && fileSize(p) == 0 { // an empty file left by a save dialog goes too
			_ = os.Remove(p)
		}
	}
	k, err := w.cfg.Open(tmp, true)
	if err != nil {
		return openedCase{}, err
	}
	results, err := sample.Seed(contextBackground(), k, w.cfg.Sample, w.cfg.SampleDir)
	if err != nil {
		fyne.LogError("annotating the sample case", err) // the articles are there; the case opens
	}
	if err := k.Close(); err != nil {
		return openedCase{}, app.WrapError(app.EInternal, err, "could not finish the new case %s", tmp)
	}
	if err := os.Rename(tmp, path); err != nil {
		return openedCase{}, app.WrapError(app.EInvalid, err, "could not put the new case in place at %s", path)
	}
	k, err = w.cfg.Open(path, false)
	if err != nil {
		return openedCase{}, err
	}
	return openedCase{k: k, results: results}, nil
}

// useCase makes the opened case (from path) the current one. The timeline
// and the entities are read when first needed, so a large case is usable
// as soon as its library is listed.
func (w *Workbench) useCase(path string, o openedCase) {
	w.closeCase()
	w.kase = o.k
	w.palette.reset()
	w.history.Clear()
	w.recent.add(path)
	w.win.SetMainMenu(w.mainMenu())
	w.win.SetTitle("Evidence Workbench — " + filepath.Base(path))
	w.reader.clear()
	w.claims.setClaims(nil)
	w.inspector.show(nil)
	w.library.reload("")
	w.timeline.current = ""
	w.timeline.onlyEntity = ""
	w.timeline.onlyBar.Hide()
	w.timeline.model = timeline.Model{}
	w.timeline.events = nil
	w.timeline.layout()
	w.timeline.reload() // now if its tab is shown, else when first needed
	w.entities = nil
	w.entityTab.selected = ""
	if w.tabs.Selected() == w.entityTabItem {
		w.entityTab.reload()
	} else {
		w.entityTab.applyFilter()
	}
	for _, r := range o.results {
		if r.Status == app.ImportFailed {
			w.showError("A sample article did not import", errors.New(r.Path+": "+r.Message))
		}
	}
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// closeCase closes the current case, if any.
func (w *Workbench) closeCase() {
	if w.kase != nil {
		if err := w.kase.Close(); err != nil {
			fyne.LogError("closing case", err)
		}
		w.kase = nil
	}
}

// setStatus shows the case and its article count.
func (w *Workbench) setStatus(articles int) {
	if w.kase == nil {
		w.status.SetText("No case open")
		return
	}
	w.status.SetText(fmt.Sprintf("%s · %d articles", w.kase.Path(), articles))
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return fi.Size()
}

// afterSourcesChanged refreshes every view that shows sources or grades:
// the source manager (keeping keep selected), the library's badges, the
// reader's chain and the claims' grades.
func (w *Workbench) afterSourcesChanged(keep app.ID) {
	w.palette.invalidate()
	w.sourceMgr.reload(keep)
	w.library.reload(w.library.query)
	if a := w.reader.article; a != nil {
		w.reader.show(a.ID)
	}
}
