package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"image/color"
	"slices"
)

const (
	prefRecent = "recentCases"
	prefTheme  = "theme"
	maxRecent  = 8
)

// recentCases is the "Open Recent" list, kept in the app's Preferences.
type recentCases struct{ prefs fyne.Preferences }

func newRecentCases(p fyne.Preferences) *recentCases { return &recentCases{p} }

func (r *recentCases) list() []string { return r.prefs.StringList(prefRecent) }

// add puts path first, without duplicates, keeping at most maxRecent.
func (r *recentCases) add(path string) {
	l := slices.DeleteFunc(r.list(), func(p string) bool { return p == path })
	l = append([]string{path}, l...)
	if len(l) > maxRecent {
		l = l[:maxRecent]
	}
	r.prefs.SetStringList(prefRecent, l)
}

// variantTheme forces the light or dark variant of the default theme.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color implements fyne.Theme with the forced variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyThemeChoice sets "light", "dark" or "" (follow the system).
func applyThemeChoice(a fyne.App, choice string) {
	switch choice {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

func (w *Workbench) setTheme(choice string) {
	w.app.Preferences().SetString(prefTheme, choice)
	applyThemeChoice(w.app, choice)
}

// shortcutsText is the Help sheet.
const shortcutsText = `Drag	Select text (double-click: a word; Shift+click: extend)
Enter	Make the selection a claim (also: + button, right-click)
Ctrl+Z	Undo the last action on claims
Ctrl+Shift+Z	Redo
Ctrl+K	Find anything: names in any spelling, claims, articles, sources, events (Tab: full text)
Ctrl+F	Find in the article (Enter: next hit, Esc: close)
Ctrl+C	Copy the selected text
Ctrl+N	New case
Ctrl+O	Open case
Ctrl+I	Import a file (drop files on the window for many)
Ctrl+Shift+I	Import a folder
Ctrl+Shift+V	Paste an article
Ctrl+L	Search article text
Ctrl+E	Edit the article's details
Ctrl+Shift+E	Export (JSON, CSV, TimelineJS, W3C annotations, STIX, Timesketch, HTML, Markdown, PDF, SVG, PNG)
Ctrl+Q	Quit`

func (w *Workbench) showShortcuts() {
	grid := widget.NewTextGridFromString(shortcutsText)
	dialog.ShowCustom("Keyboard Shortcuts", "Close", grid, w.win)
}

func (w *Workbench) showAbout() {
	msg := widget.NewLabel("Evidence Workbench " + w.cfg.Version + "\n\nRebuild what happened from reports that disagree.\nEverything lives in one case file, offline.")
	dialog.ShowCustom("About", "Close", msg, w.win)
}
