package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/widgets"
)

const storyText = "Troops reach Qaim\n\nIraqi troops reached the edge of Qaim on Tuesday.\n\n2 thoughts on this\nGreat news!"

// newTestWorkbench opens a workbench on an in-memory case holding arts.
func newTestWorkbench(t *testing.T, arts ...*app.Article) (*Workbench, *mock.Case) {
	t.Helper()
	a := test.NewTempApp(t)
	k := mock.NewCase("/tmp/test.ewcase")
	for _, art := range arts {
		if err := k.CreateArticle(context.Background(), art); err != nil {
			t.Fatal(err)
		}
	}
	w := New(a, Config{Open: func(string, bool) (app.Case, error) { return k, nil }, CasePath: "/tmp/test.ewcase"})
	t.Cleanup(w.Wait) // no job of this test may outlive it and race the next one
	w.OpenInitialCase()
	w.Wait()
	return w, k
}

func story() *app.Article {
	a := &app.Article{Text: storyText, Format: app.FormatText}
	a.Title = "Troops reach Qaim"
	a.Published = app.PubDate{Date: app.Date{Year: 2017, Month: 10, Day: 31}}
	a.Known.Published = app.Evidence{Basis: app.BasisText}
	a.Sources = []app.ArticleSource{{Name: "Desert Ledger", Role: app.RolePublisher}, {Name: "LPA", Role: app.RoleOrigin}}
	a.Excluded = []app.Excluded{{Span: app.Span{Start: 70, End: 100}, Kind: app.BoilerComments}}
	return a
}

func TestLibraryListsArticlesAndReaderShowsOne(t *testing.T) {
	undated := &app.Article{Text: "Another report\n\nNo date here.", Format: app.FormatText}
	undated.Title = "Another report"
	w, _ := newTestWorkbench(t, story(), undated)

	if n := len(w.library.rows); n != 2 {
		t.Fatalf("library shows %d rows, want 2", n)
	}
	if got := w.library.rows[0].meta; got != "LPA via Desert Ledger · 2017-10-31" {
		t.Errorf("first row meta = %q", got)
	}
	if got := w.library.rows[1].meta; !strings.Contains(got, "date unknown") {
		t.Errorf("undated row meta = %q, want it to say the date is unknown", got)
	}
	if !strings.Contains(w.status.Text, "2 articles") {
		t.Errorf("status = %q", w.status.Text)
	}

	onUI(w, func() { w.library.list.Select(0) })
	w.Wait()
	if w.reader.article == nil || w.reader.title.Text != "Troops reach Qaim" {
		t.Fatalf("reader did not open the article: %+v", w.reader.title.Text)
	}
	if !strings.Contains(w.reader.meta.Text, "published 2017-10-31 (stated in the text)") {
		t.Errorf("header = %q", w.reader.meta.Text)
	}
	if !w.reader.body.Visible() || w.reader.empty.Visible() {
		t.Error("reader body should show, the empty hint hide")
	}

	onUI(w, func() { w.library.list.Select(1) })
	w.Wait()
	if !strings.Contains(w.reader.meta.Text, "publication date unknown") {
		t.Errorf("undated header = %q", w.reader.meta.Text)
	}
}

func TestEmptyCaseSaysWhatToDo(t *testing.T) {
	w, _ := newTestWorkbench(t)
	if !w.library.empty.Visible() || !strings.Contains(w.library.empty.Text, "Import files") {
		t.Fatalf("empty library hint = %q (visible %v)", w.library.empty.Text, w.library.empty.Visible())
	}
	if !w.reader.empty.Visible() {
		t.Fatal("reader should say to select an article")
	}
}

func TestSearchFiltersTheLibrary(t *testing.T) {
	other := &app.Article{Text: "Rawa report\n\nFighting near Rawa.", Format: app.FormatText}
	other.Title = "Rawa report"
	long := &app.Article{Text: "Long dispatch\n\n" + strings.Repeat("Background words. ", 10) +
		"Shelling hit Anah at dawn." + strings.Repeat(" More words.", 10), Format: app.FormatText}
	long.Title = "Long dispatch"
	w, k := newTestWorkbench(t, story(), other, long)
	onUI(w, func() { w.library.reload("Rawa") })
	w.Wait()
	if len(w.library.rows) != 1 || w.library.rows[0].title != "Rawa report" || !strings.Contains(w.library.rows[0].meta, "«Rawa»") {
		t.Fatalf("search rows = %+v", w.library.rows)
	}
	// The store marks the text it cuts with "…"; the row shows those marks
	// once, not doubled.
	onUI(w, func() { w.library.reload("Anah") })
	w.Wait()
	if len(w.library.rows) != 1 {
		t.Fatalf("Anah rows = %+v", w.library.rows)
	}
	if meta := w.library.rows[0].meta; !strings.HasPrefix(meta, "… «Anah» at dawn.") || !strings.HasSuffix(meta, " …") || strings.Count(meta, "…") != 2 {
		t.Errorf("cut snippet line = %q, want one \"…\" at each cut", meta)
	}
	// A hit shows its source's grade, and the grade filter holds while
	// searching.
	lpa, err := k.ResolveSource(context.Background(), "LPA")
	if err != nil {
		t.Fatal(err)
	}
	if err := k.GradeSource(context.Background(), lpa.ID, app.ReliabilityB, "", "test"); err != nil {
		t.Fatal(err)
	}
	onUI(w, func() { w.library.reload("Qaim") })
	w.Wait()
	if len(w.library.rows) != 1 || w.library.rows[0].title != "Troops reach Qaim" || w.library.rows[0].grade != app.ReliabilityB {
		t.Fatalf("graded hit: %+v", w.library.rows)
	}
	onUI(w, func() { w.library.filter.SetSelectedIndex(2) }) // C-D
	if len(w.library.rows) != 0 || !strings.Contains(w.library.empty.Text, "passes the grade filter mentions “Qaim”") {
		t.Errorf("C-D filter while searching: %d rows, hint %q", len(w.library.rows), w.library.empty.Text)
	}
	onUI(w, func() { w.library.filter.SetSelectedIndex(0) })
	onUI(w, func() { w.library.reload("nothing-like-this") })
	w.Wait()
	if len(w.library.rows) != 0 || !strings.Contains(w.library.empty.Text, "No article mentions") {
		t.Fatalf("no-hit search: rows %d, hint %q", len(w.library.rows), w.library.empty.Text)
	}
}

func TestMarkSelectionAsBoilerplateAndBack(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	onUI(w, func() { w.library.list.Select(0) })
	w.Wait()
	id := w.reader.article.ID

	onUI(w, func() { w.reader.text.SetSelection(widgets.Span{Start: 0, End: 17}) })
	onUI(w, func() { w.reader.excludeSelection() })
	w.Wait()
	a, _ := k.Article(context.Background(), id)
	if len(a.Excluded) != 2 || a.Excluded[0].Start != 0 || a.Excluded[0].End != 17 || !a.Excluded[0].ByAnalyst {
		t.Fatalf("after marking: %+v", a.Excluded)
	}

	onUI(w, func() { w.reader.text.SetSelection(widgets.Span{Start: 80, End: 100}) })
	onUI(w, func() { w.reader.includeSelection() })
	w.Wait()
	a, _ = k.Article(context.Background(), id)
	if len(a.Excluded) != 2 || a.Excluded[1].End != 80 {
		t.Fatalf("after unmarking the tail of the comments: %+v", a.Excluded)
	}
}

// slowCase delays loading one article, as a large article on a busy disk would.
type slowCase struct {
	*mock.Case
	slow    app.ID
	release chan struct{}
}

func (s *slowCase) Article(ctx context.Context, id app.ID) (*app.Article, error) {
	if id == s.slow {
		<-s.release
	}
	return s.Case.Article(ctx, id)
}

func TestReaderShowsTheLastChosenArticleEvenIfAnEarlierLoadIsSlower(t *testing.T) {
	a := test.NewTempApp(t)
	k := mock.NewCase("/tmp/test.ewcase")
	first, second := story(), &app.Article{Text: "Second\n\nOther words.", Format: app.FormatText}
	second.Title = "Second"
	for _, art := range []*app.Article{first, second} {
		if err := k.CreateArticle(context.Background(), art); err != nil {
			t.Fatal(err)
		}
	}
	sc := &slowCase{Case: k, slow: first.ID, release: make(chan struct{})}
	w := New(a, Config{Open: func(string, bool) (app.Case, error) { return sc, nil }, CasePath: "x"})
	t.Cleanup(w.Wait)
	w.kase = sc
	onUI(w, func() { w.reader.show(first.ID) })  // slow
	onUI(w, func() { w.reader.show(second.ID) }) // fast: arrives first
	close(sc.release)
	w.Wait()
	if w.reader.article == nil || w.reader.article.ID != second.ID {
		t.Fatalf("reader shows %v, want the second (last chosen) article", w.reader.article)
	}
}

func TestLibraryFiltersAndSortsByGrade(t *testing.T) {
	w, _ := newTestWorkbench(t)
	w.library.query = ""
	w.library.all = []libraryRow{
		{id: "1", title: "Wire copy", grade: app.ReliabilityB},
		{id: "2", title: "Blog post", grade: app.ReliabilityE},
		{id: "3", title: "Agency report", grade: app.ReliabilityA},
		{id: "4", title: "Unknown site"},
	}
	titles := func() []string {
		var out []string
		for _, r := range w.library.rows {
			out = append(out, r.title)
		}
		return out
	}
	onUI(w, func() { w.library.order.SetSelectedIndex(1) }) // best grade first
	if got := strings.Join(titles(), ", "); got != "Agency report, Wire copy, Blog post, Unknown site" {
		t.Errorf("best grade first: %s", got)
	}
	onUI(w, func() { w.library.filter.SetSelectedIndex(1) }) // A-B
	if got := strings.Join(titles(), ", "); got != "Agency report, Wire copy" {
		t.Errorf("A-B filter: %s", got)
	}
	onUI(w, func() { w.library.filter.SetSelectedIndex(4) }) // not graded
	if got := strings.Join(titles(), ", "); got != "Unknown site" {
		t.Errorf("ungraded filter: %s", got)
	}
	onUI(w, func() { w.library.filter.SetSelectedIndex(2) }) // C-D: none
	if len(w.library.rows) != 0 || !strings.Contains(w.library.empty.Text, "grade filter") {
		t.Errorf("empty filter result: %d rows, hint %q", len(w.library.rows), w.library.empty.Text)
	}
}

func TestOpenFailureKeepsTheCurrentCaseAndSaysSo(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	w.cfg.Open = func(path string, _ bool) (app.Case, error) {
		return nil, app.Errorf(app.ELocked, "%s is open in another Evidence Workbench window or command.", path)
	}
	onUI(w, func() { w.openCase("/tmp/elsewhere.ewcase", false, false) })
	w.Wait()
	if w.kase != k {
		t.Fatal("a case that cannot be opened must not replace the open one")
	}
	if strings.Contains(w.status.Text, "Opening") || !strings.Contains(w.status.Text, "1 articles") {
		t.Errorf("status after a failed open = %q, want the open case's line back", w.status.Text)
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Error("the failure should be shown in a dialog")
	}
}

func TestReopeningTheOpenCaseDoesNothing(t *testing.T) {
	w, k := newTestWorkbench(t, story())
	path := filepath.Join(t.TempDir(), "c.ewcase")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	opened := 0
	w.cfg.Open = func(string, bool) (app.Case, error) { opened++; return k, nil }
	onUI(w, func() { w.kase = mock.NewCase(path); w.openCase(path, false, false) })
	w.Wait()
	if opened != 0 || !strings.Contains(w.status.Text, "already open") {
		t.Fatalf("re-opening the open case: %d opens, status %q", opened, w.status.Text)
	}
}
