package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/app/search"
)

func qaimArticles() []*app.Article {
	a := &app.Article{Text: "Qaim retaken\n\nIraqi forces entered Al Qa’im on Friday, Haider al-Abadi said. Fighters fled Qaim for Syria.", Format: app.FormatText}
	a.Title = "Qaim retaken"
	b := &app.Article{Text: "Border town falls\n\nThe town of al-Qaim fell on Sunday, according to Abadi.", Format: app.FormatText}
	b.Title = "Border town falls"
	return []*app.Article{a, b}
}

// addEntity stores an entity in the mock case and refreshes the cache.
func addEntity(t *testing.T, w *Workbench, k *mock.Case, e app.Entity) app.Entity {
	t.Helper()
	if err := k.CreateEntity(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	onUI(w, func() { w.reloadEntities(nil) })
	w.Wait()
	return e
}

func TestPaletteOpensEntityPageWithMentionsClaimsAndTimeline(t *testing.T) {
	w, k := newTestWorkbench(t, qaimArticles()...)
	qaim := addEntity(t, w, k, app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{{Name: "Al Qa'im", ByAnalyst: true}}})
	addEntity(t, w, k, app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi"})
	arts, _ := k.Articles(context.Background())
	var first app.ID
	for _, a := range arts {
		if a.Title == "Qaim retaken" {
			first = a.ID
		}
	}
	full, _ := k.Article(context.Background(), first)
	anc, err := app.NewAnchor(full.Text, app.Span{Start: 14, End: 50})
	if err != nil {
		t.Fatal(err)
	}
	when := app.DayWhen(app.Date{Year: 2017, Month: 11, Day: 3})
	c := app.Claim{ArticleID: first, Anchor: anc, Statement: "Forces entered Qaim", When: &when, EntityIDs: []app.ID{qaim.ID}}
	if err := k.CreateClaim(context.Background(), &c); err != nil {
		t.Fatal(err)
	}

	onUI(w, func() { w.palette.show() })
	w.Wait()
	onUI(w, func() { test.Type(w.palette.entry, "qaim") })
	w.Wait()
	if len(w.palette.rows) < 2 || w.palette.rows[0].header != kindTitle(search.KindEntity) || w.palette.rows[1].text != "Al-Qaim" {
		t.Fatalf("palette rows for qaim: %+v", w.palette.rows)
	}
	onUI(w, func() {
		w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	w.Wait()
	p := w.entityTab.page
	if w.tabs.Selected() != w.entityTabItem || !p.root.Visible() || p.data == nil || p.data.entity.ID != qaim.ID {
		t.Fatalf("Enter on an entity should open its page; tab %q", w.tabs.Selected().Text)
	}
	// Three mentions: "Al Qa’im" and "Qaim" in the first article (the title
	// line too), "al-Qaim" in the second; never "Qaim" inside other words.
	var got []string
	for _, m := range p.data.mentions {
		full, _ := k.Article(context.Background(), m.article)
		got = append(got, string([]rune(full.Text)[m.span.Start:m.span.End]))
	}
	slices.Sort(got)
	if want := []string{"Al Qa’im", "Qaim", "Qaim", "al-Qaim"}; !slices.Equal(got, want) {
		t.Fatalf("mentions %q, want %q", got, want)
	}
	if p.data.nArts != 2 || !strings.Contains(p.mentTtl.Text, "4 in 2 articles") {
		t.Errorf("mentions heading %q", p.mentTtl.Text)
	}
	if len(p.data.claims) != 1 || !strings.Contains(p.claimsT.Text, "(1)") {
		t.Errorf("claims on the page: %+v", p.data.claims)
	}
	if p.tl.ItemCount() != 1 || p.tlEmpty.Visible() {
		t.Errorf("the page's timeline should show the dated claim, has %d items", p.tl.ItemCount())
	}
	// A mention opens its article with the spelling selected.
	m := p.data.mentions[len(p.data.mentions)-1]
	onUI(w, func() { w.openSpan(m.article, m.span) })
	w.Wait()
	if w.tabs.SelectedIndex() != 0 || w.reader.article == nil || w.reader.article.ID != m.article {
		t.Fatal("a mention should open its article in the reader")
	}
	if sel := w.reader.text.Selection(); sel.Start != m.span.Start || sel.End != m.span.End {
		t.Errorf("reader selection %+v, want the mention %+v", sel, m.span)
	}
	// The Timeline tab can be narrowed to the entity and back.
	onUI(w, func() { w.timeline.showEntity(qaim.ID, qaim.Name) })
	w.Wait()
	if n := w.timeline.tl.ItemCount(); n != 1 || !w.timeline.onlyBar.Visible() {
		t.Errorf("timeline narrowed to Al-Qaim shows %d items", n)
	}
}

func TestSuggestionsAcceptDismissAndUndo(t *testing.T) {
	w, k := newTestWorkbench(t, qaimArticles()...)
	onUI(w, func() { w.tabs.Select(w.entityTabItem); w.entityTab.showSuggestions() })
	w.Wait()
	sp := w.entityTab.suggest
	byName := func(name string) *suggestion {
		for i := range sp.items {
			if slices.Contains(sp.items[i].spellings, name) {
				return &sp.items[i]
			}
		}
		return nil
	}
	q := byName("al-Qaim")
	if q == nil || byName("Friday") != nil || byName("Sunday") != nil {
		t.Fatalf("suggestions %+v: want al-Qaim and no weekdays", sp.items)
	}
	if !slices.Contains(q.spellings, "Al Qa’im") || q.articles != 2 || q.kind != app.EntityPlace {
		t.Errorf("al-Qaim suggestion %+v: want its spellings grouped across both articles, as a place", *q)
	}
	onUI(w, func() { sp.accept(q.key) })
	w.Wait()
	ents, _ := k.Entities(context.Background())
	if len(ents) != 1 || len(ents[0].Aliases) < 1 {
		t.Fatalf("accepting should create one entity with its other spellings, got %+v", ents)
	}
	for _, a := range ents[0].Aliases {
		if a.ArticleID == "" {
			t.Errorf("alias %q lost the article it was seen in", a.Name)
		}
	}
	if byName("al-Qaim") != nil {
		t.Errorf("an accepted name must leave the suggestions: %+v, entities %+v", sp.items, ents)
	}

	abadi := byName("Abadi")
	if abadi == nil {
		t.Fatalf("no Abadi suggestion in %+v; entities %+v", sp.items, ents)
	}
	onUI(w, func() { sp.dismiss(abadi.key) })
	w.Wait()
	if d, _ := k.DismissedNames(context.Background()); len(d) != 1 || byName("Abadi") != nil {
		t.Fatalf("dismissed %+v; Abadi still suggested: %v", d, byName("Abadi") != nil)
	}
	onUI(w, func() { sp.load() })
	w.Wait()
	if byName("Abadi") != nil {
		t.Fatal("a dismissed name must not come back on reload")
	}
	onUI(w, func() { w.undo() }) // undo the dismissal
	w.Wait()
	if d, _ := k.DismissedNames(context.Background()); len(d) != 0 || byName("Abadi") == nil {
		t.Fatalf("undo should bring Abadi back, dismissed %+v", d)
	}
	onUI(w, func() { w.undo() }) // undo the acceptance
	w.Wait()
	if ents, _ := k.Entities(context.Background()); len(ents) != 0 {
		t.Fatalf("undo should remove the accepted entity, have %+v", ents)
	}
}

func TestInspectorOffersEntitiesNamedInTheQuote(t *testing.T) {
	w, k := newTestWorkbench(t, qaimArticles()...)
	qaim := addEntity(t, w, k, app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{{Name: "Al Qa'im", ByAnalyst: true}}})
	abadi := addEntity(t, w, k, app.Entity{Kind: app.EntityPerson, Name: "Haider al-Abadi"})
	onUI(w, func() { w.library.list.Select(1) }) // "Qaim retaken" (newest first: both undated, by title)
	w.Wait()
	if w.reader.article == nil || w.reader.article.Title != "Qaim retaken" {
		onUI(w, func() { w.library.list.Select(0) })
		w.Wait()
	}
	onUI(w, func() {
		w.reader.text.SetSelection(widgetsSpan(14, 90)) // "Iraqi forces entered Al Qa’im on Friday, Haider al-Abadi said"
		w.newClaimFromSelection()
	})
	w.Wait()
	c := w.inspector.claim
	if c == nil {
		t.Fatal("no claim made")
	}
	txt := objectText(w.inspector.entityBox.Objects)
	if !strings.Contains(txt, "Al-Qaim") || !strings.Contains(txt, "Haider al-Abadi") || !strings.Contains(txt, "not linked yet") {
		t.Fatalf("inspector should offer both entities named in the quote, shows %q", txt)
	}
	onUI(w, func() { w.inspector.setEntityLink(qaim.ID, true) })
	w.Wait()
	got, _ := k.Claim(context.Background(), c.ID)
	if !slices.Equal(got.EntityIDs, []app.ID{qaim.ID}) {
		t.Fatalf("claim links %v, want Al-Qaim", got.EntityIDs)
	}
	if txt := objectText(w.inspector.entityBox.Objects); strings.Count(txt, "Al-Qaim") != 1 || !strings.Contains(txt, "Haider al-Abadi") {
		t.Errorf("after linking, Al-Qaim is linked and only Abadi offered: %q", txt)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if got, _ := k.Claim(context.Background(), c.ID); len(got.EntityIDs) != 0 {
		t.Fatalf("undo should unlink, claim links %v", got.EntityIDs)
	}
	_ = abadi
}

func TestSplitMergeDeleteEntityAreUndoable(t *testing.T) {
	w, k := newTestWorkbench(t, qaimArticles()...)
	ctx := context.Background()
	// Qaim and Qom share a key and were merged by mistake.
	e := addEntity(t, w, k, app.Entity{Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{{Name: "Qom", ByAnalyst: true}}})
	other := addEntity(t, w, k, app.Entity{Kind: app.EntityPlace, Name: "Qaim district"})
	arts, _ := k.Articles(ctx)
	full, _ := k.Article(ctx, arts[0].ID)
	anc, _ := app.NewAnchor(full.Text, app.Span{Start: 0, End: 4})
	cl := app.Claim{ArticleID: full.ID, Anchor: anc, Statement: "x", EntityIDs: []app.ID{e.ID}}
	if err := k.CreateClaim(ctx, &cl); err != nil {
		t.Fatal(err)
	}
	onUI(w, func() { w.showEntity(e.ID) })
	w.Wait()
	d := w.entityTab.page.data
	s, err := planSplitForTest(d, "Qom")
	if s != nil {
		s.Store = k
	}
	if err != nil {
		t.Fatal(err)
	}
	onUI(w, func() { w.runEntityAction("split", s, s.New.ID) })
	w.Wait()
	ents, _ := k.Entities(ctx)
	if len(ents) != 3 {
		t.Fatalf("after split: %d entities, want 3", len(ents))
	}
	if got, _ := k.Entity(ctx, e.ID); len(got.Aliases) != 0 {
		t.Errorf("Al-Qaim keeps %v after Qom left", got.Aliases)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if got, _ := k.Entity(ctx, e.ID); len(got.Aliases) != 1 || got.Aliases[0].Name != "Qom" {
		t.Fatalf("undo of split: %+v", got)
	}
	if ents, _ := k.Entities(ctx); len(ents) != 2 {
		t.Fatalf("undo of split leaves %d entities", len(ents))
	}

	onUI(w, func() { w.mergeEntities(e.ID, other.ID) })
	w.Wait()
	if got, _ := k.Entity(ctx, e.ID); !slices.ContainsFunc(got.Aliases, func(a app.Alias) bool { return a.Name == "Qaim district" }) {
		t.Fatalf("merge: %+v", got)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if _, err := k.Entity(ctx, other.ID); err != nil {
		t.Fatalf("undo of merge should restore the dropped entity: %v", err)
	}

	onUI(w, func() { w.showEntity(e.ID) })
	w.Wait()
	onUI(w, func() { w.entityTab.page.deleteEntity() })
	w.Wait()
	if _, err := k.Entity(ctx, e.ID); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("delete: %v", err)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	got, _ := k.Claim(ctx, cl.ID)
	if _, err := k.Entity(ctx, e.ID); err != nil || !slices.Equal(got.EntityIDs, []app.ID{e.ID}) {
		t.Fatalf("undo of delete should restore the entity and its claim link: %v, links %v", err, got.EntityIDs)
	}
}
