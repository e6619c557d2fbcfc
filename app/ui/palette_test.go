package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/search"
)

func TestPaletteFindsAnythingAndOpensIt(t *testing.T) {
	other := &app.Article{Text: "Ḥusaybah crossing reopened\n\nTraffic resumed at the Ḥusaybah border crossing.", Format: app.FormatText}
	other.Title = "Ḥusaybah crossing reopened"
	w, _ := newTestWorkbench(t, story(), other)
	onUI(w, func() { w.palette.show() })
	w.Wait()
	if w.palette.index == nil || !w.palette.pop.Visible() {
		t.Fatal("the palette should open and index the case")
	}
	onUI(w, func() { test.Type(w.palette.entry, "husaib") }) // a spelling without the dot and with ai for ay
	w.Wait()
	var hit *paletteRow
	for i, r := range w.palette.rows {
		if r.kind == search.KindArticle && r.text == "Ḥusaybah crossing reopened" {
			hit = &w.palette.rows[i]
		}
	}
	if hit == nil {
		t.Fatalf("no article hit for a variant spelling; rows %+v", w.palette.rows)
	}
	if len(hit.matched) == 0 || hit.matched[0] != 0 {
		t.Errorf("matched runes %v should start at the Ḥ (rune 0, byte offsets would differ)", hit.matched)
	}
	if w.palette.rows[0].header != "Articles" || w.palette.cur != 1 {
		t.Errorf("first row %+v, cursor %d: want a group header and the first result selected", w.palette.rows[0], w.palette.cur)
	}
	onUI(w, func() { w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	w.Wait()
	if w.palette.pop.Visible() || w.reader.article == nil || w.reader.article.Title != "Ḥusaybah crossing reopened" {
		t.Fatalf("Enter should close the palette and open the article; reader shows %v", w.reader.article)
	}

	onUI(w, func() {
		w.palette.show()
		w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		test.Type(w.palette.entry, "traffic")
	})
	w.Wait()
	if !w.palette.fullText || len(w.palette.rows) < 2 || w.palette.rows[1].text == "" || len(w.palette.rows[1].matched) == 0 {
		t.Fatalf("full-text mode rows %+v", w.palette.rows)
	}
	onUI(w, func() { w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if w.palette.pop.Visible() {
		t.Error("Escape should close the palette")
	}
}
