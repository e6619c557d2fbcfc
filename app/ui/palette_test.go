package ui

import (
	"context"
	"strings"
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

// After a change the palette searches the index it has at once, says it is
// updating, and searches the new one when it is read.
func TestPaletteKeepsServingWhileItReindexes(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	onUI(w, func() { w.palette.show() })
	w.Wait()
	first := w.palette.index
	if first == nil {
		t.Fatal("no index after the first show")
	}
	onUI(w, w.palette.close)

	added := &app.Article{Text: "Anah bridge reopened\n\nEngineers reopened the bridge at Anah.", Format: app.FormatText}
	added.Title = "Anah bridge reopened"
	if err := k.CreateArticle(context.Background(), added); err != nil {
		t.Fatal(err)
	}
	onUI(w, w.palette.invalidate) // what every change does
	onUI(w, func() {
		w.palette.show()
		test.Type(w.palette.entry, "qaim")
		if w.palette.index != first || len(w.palette.rows) == 0 {
			t.Errorf("while reindexing: index replaced %v, %d rows; want the old index searched at once", w.palette.index != first, len(w.palette.rows))
		}
		if !strings.Contains(w.palette.mode.Text, "updating") {
			t.Errorf("mode line %q should say the index is updating", w.palette.mode.Text)
		}
	})
	w.Wait()
	if w.palette.index == first || w.palette.stale || strings.Contains(w.palette.mode.Text, "updating") {
		t.Fatalf("after the build: same index %v, stale %v, mode %q", w.palette.index == first, w.palette.stale, w.palette.mode.Text)
	}
	if len(w.palette.rows) == 0 || w.palette.entry.Text != "qaim" {
		t.Errorf("the query should have run again on the new index: %d rows for %q", len(w.palette.rows), w.palette.entry.Text)
	}
	onUI(w, func() {
		w.palette.entry.SetText("")
		test.Type(w.palette.entry, "anah bridge")
	})
	found := false
	for _, r := range w.palette.rows {
		found = found || (r.kind == search.KindArticle && r.text == added.Title)
	}
	if !found {
		t.Errorf("the new article is not in the new index: %+v", w.palette.rows)
	}

	// Another case: the old case's index is never searched.
	onUI(w, func() {
		w.palette.close()
		w.palette.reset()
		w.palette.show()
		test.Type(w.palette.entry, "qaim")
		if w.palette.current() != nil || len(w.palette.rows) != 0 || !strings.Contains(w.palette.mode.Text, "Indexing") {
			t.Errorf("after a reset: index %v, %d rows, mode %q", w.palette.current() != nil, len(w.palette.rows), w.palette.mode.Text)
		}
	})
	w.Wait()
}
