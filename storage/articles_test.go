package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

func TestCreateArticleRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	text := "Ḥusaybah, Iraq (AFP) - Iraqi forces retook the town on Thursday.\n\nComments: 3"
	a := article("Iraq retakes Ḥusaybah", text)
	a.Byline = "By Staff"
	a.URL = "https://example.org/news/1"
	a.Published = app.PubDate{Date: app.Date{Year: 2017, Month: time.November, Day: 3}, HasTime: true, Hour: 13, Minute: 30}
	a.Known.Title = app.Evidence{Basis: app.BasisMarkup, Detail: "og:title"}
	a.Known.Published = app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 10, End: 20}, Detail: "dateline"}
	a.Format = app.FormatHTML
	a.Filename = "iraq.html"
	a.Warnings = []string{"decoded as Windows-1252"}
	a.Excluded = []app.Excluded{
		{Span: app.Span{Start: 66, End: 77}, Kind: app.BoilerComments},
		{Span: app.Span{Start: 0, End: 8}, ByAnalyst: true}, // no kind: stored as "other"
	}
	a.Sources = []app.ArticleSource{
		{Name: "SpaceDaily", Role: app.RolePublisher, Evidence: app.Evidence{Basis: app.BasisMarkup}},
		{Name: "AFP", Role: app.RoleOrigin, Evidence: app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 16, End: 19}}},
		{Name: "afp", Role: app.RoleOrigin}, // the same link again: kept once
	}
	before := time.Now().UTC().Add(-time.Second)
	mustCreate(t, s, a)

	if !a.ID.Valid() {
		t.Errorf("ID = %q, not a UUID", a.ID)
	}
	if a.TextHash != app.TextHash(text) {
		t.Errorf("TextHash = %q", a.TextHash)
	}
	if a.ImportedAt.Before(before) || !a.UpdatedAt.Equal(a.ImportedAt) || a.ImportedAt.Location() != time.UTC {
		t.Errorf("times: imported %v updated %v", a.ImportedAt, a.UpdatedAt)
	}
	if len(a.Sources) != 2 || a.Sources[0].SourceID == "" || a.Sources[1].SourceID == "" || a.Sources[1].Name != "AFP" {
		t.Fatalf("sources written back: %+v", a.Sources)
	}
	if a.Excluded[0].Start != 0 || a.Excluded[0].Kind != app.BoilerOther {
		t.Errorf("excluded not ordered and defaulted: %+v", a.Excluded)
	}

	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Article() =\n%+v\nwant\n%+v", got, a)
	}

	sum, err := s.ArticleByHash(ctx, app.TextHash(strings.ToUpper(text)))
	if err != nil {
		t.Fatal(err)
	}
	want := app.ArticleSummary{
		ID: a.ID, Title: a.Title, Publisher: "SpaceDaily", Origin: "AFP", Chain: "AFP via SpaceDaily",
		Published: a.Published, Format: app.FormatHTML, Filename: "iraq.html", Runes: len([]rune(text)),
		OriginID: a.Sources[1].SourceID, // AFP, the origin: ungraded
	}
	if *sum != want {
		t.Errorf("ArticleByHash = %+v\nwant %+v", *sum, want)
	}
}

func TestArticleNotFound(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	_, err := s.Article(ctx, app.NewID())
	wantCode(t, err, app.ENotFound)
	_, err = s.ArticleByHash(ctx, app.TextHash("nothing"))
	wantCode(t, err, app.ENotFound)
	_, err = s.UpdateArticle(ctx, app.NewID(), app.ArticlePatch{})
	wantCode(t, err, app.ENotFound)
	wantCode(t, s.SetExcluded(ctx, app.NewID(), nil), app.ENotFound)
}

func TestCreateArticleRefusesDuplicate(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	first := mustCreate(t, s, article("Town falls", "Iraqi forces  retook\r\nthe town."))
	dup := article("Other title", "iraqi forces retook the town.")
	err := s.CreateArticle(ctx, dup)
	wantCode(t, err, app.EConflict)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "already in the case as “Town falls”") {
		t.Errorf("message = %q", msg)
	}
	if dup.ID != "" {
		t.Errorf("refused article got an id %q", dup.ID)
	}
	sum, err := s.ArticleByHash(ctx, app.TextHash(dup.Text))
	if err != nil || sum.ID != first.ID {
		t.Errorf("ArticleByHash = %v, %v; want the first article", sum, err)
	}
	// The same id twice is refused too.
	again := article("x", "a different text")
	again.ID = first.ID
	wantCode(t, s.CreateArticle(ctx, again), app.EConflict)
}

// A CreateArticle that fails, before or while writing, leaves nothing behind.
func TestCreateArticleFailureLeavesNothing(t *testing.T) {
	ctx := context.Background()
	tests := map[string]struct {
		edit func(*app.Article)
		code app.Code
	}{
		"span past the end": {
			edit: func(a *app.Article) { a.Excluded = []app.Excluded{{Span: app.Span{Start: 5, End: 500}}} },
			code: app.EInvalid,
		},
		"invalid UTF-8 text": {
			edit: func(a *app.Article) { a.Text = "Ḥusaybah \xff\xfe falls" },
			code: app.EInvalid,
		},
		"invalid UTF-8 title": {
			edit: func(a *app.Article) { a.Title = "bad \xc3\x28" },
			code: app.EInvalid,
		},
		"invalid UTF-8 source": {
			edit: func(a *app.Article) {
				a.Sources = append(a.Sources, app.ArticleSource{Name: "\xffAFP", Role: app.RoleOrigin})
			},
			code: app.EInvalid,
		},
		"unknown role": {
			edit: func(a *app.Article) { a.Sources = append(a.Sources, app.ArticleSource{Name: "AFP", Role: "author"}) },
			code: app.EInvalid,
		},
		"impossible date": {
			edit: func(a *app.Article) { a.Published = app.PubDate{Date: app.Date{Year: 2017, Month: 2, Day: 30}} },
			code: app.EInvalid,
		},
		// Fails inside the transaction, after the article, its ranges and a
		// new source were written.
		"unknown source id": {
			edit: func(a *app.Article) {
				a.Sources = append(a.Sources, app.ArticleSource{SourceID: app.NewID(), Role: app.RoleOrigin})
			},
			code: app.ENotFound,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := newCase(t)
			a := article("Husaybah falls", "Iraqi forces retook Husaybah on Thursday, officials said.")
			a.Excluded = []app.Excluded{{Span: app.Span{Start: 0, End: 5}, Kind: app.BoilerAd}}
			a.Sources = []app.ArticleSource{{Name: "New Outlet", Role: app.RolePublisher}}
			tc.edit(a)
			orig := *a
			err := s.CreateArticle(ctx, a)
			wantCode(t, err, tc.code)
			if !reflect.DeepEqual(*a, orig) {
				t.Errorf("failed CreateArticle changed the article: %+v", *a)
			}
			assertEmpty(t, s)
		})
	}
}

// assertEmpty checks that no article, source or index entry is stored.
func assertEmpty(t *testing.T, s *storage.Store) {
	t.Helper()
	ctx := context.Background()
	if list, err := s.Articles(ctx); err != nil || len(list) != 0 {
		t.Errorf("Articles() = %v, %v; want none", list, err)
	}
	if list, err := s.Sources(ctx); err != nil || len(list) != 0 {
		t.Errorf("Sources() = %v, %v; want none", list, err)
	}
	if hits, err := s.SearchText(ctx, "husaybah", 10); err != nil || len(hits) != 0 {
		t.Errorf("SearchText = %v, %v; want no hits", hits, err)
	}
}

func TestResolveArticleID(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("one", "first text"))
	b := mustCreate(t, s, article("two", "second text"))
	// UUIDv7 ids made a moment apart share their leading timestamp digits.
	shared := string(a.ID[:4])
	if !strings.HasPrefix(string(b.ID), shared) {
		t.Fatalf("test setup: ids %s and %s share no prefix", a.ID, b.ID)
	}
	tests := map[string]struct {
		fragment string
		want     app.ID
		code     app.Code
		message  string
	}{
		"full id":          {fragment: string(a.ID), want: a.ID},
		"full id, upper":   {fragment: strings.ToUpper(string(b.ID)), want: b.ID},
		"short (suffix)":   {fragment: a.ID.Short(), want: a.ID},
		"long prefix":      {fragment: string(b.ID[:30]), want: b.ID},
		"suffix of four":   {fragment: string(b.ID[len(b.ID)-4:]) + " ", want: b.ID},
		"ambiguous prefix": {fragment: shared, code: app.EInvalid, message: "fits 2 articles"},
		"too short":        {fragment: "abc", code: app.EInvalid, message: "at least 4"},
		"not hex":          {fragment: "zzzz", code: app.EInvalid},
		"like wildcards":   {fragment: "%%%%", code: app.EInvalid},
		"unknown":          {fragment: string(app.NewID()), code: app.ENotFound},
		"unknown suffix":   {fragment: "ffff-ffff", code: app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := s.ResolveArticleID(ctx, tc.fragment)
			if tc.code != "" {
				wantCode(t, err, tc.code)
				if !strings.Contains(app.ErrorMessage(err), tc.message) {
					t.Errorf("message = %q, want %q", app.ErrorMessage(err), tc.message)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ResolveArticleID(%q) = %q, %v; want %q", tc.fragment, got, err, tc.want)
			}
		})
	}
}

func TestArticlesOrder(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	day := func(d int) app.PubDate { return app.PubDate{Date: app.Date{Year: 2017, Month: time.November, Day: d}} }
	add := func(title string, p app.PubDate, links ...app.ArticleSource) {
		a := article(title, "Text of "+title+" about Al-Qaim.")
		a.Published = p
		a.Sources = links
		mustCreate(t, s, a)
	}
	add("b undated", app.PubDate{})
	add("Older", day(1), app.ArticleSource{Name: "NTD", Role: app.RolePublisher}, app.ArticleSource{Name: "Epoch Times", Role: app.RoleOrigin})
	add("a undated", app.PubDate{}, app.ArticleSource{Name: "Fort Russ", Role: app.RolePublisher}, app.ArticleSource{Name: "Samer Hussein", Role: app.RoleTranslator})
	add("Newest", app.PubDate{Date: day(6).Date, HasTime: true, Hour: 13, Minute: 30})
	add("Same day, no time", day(6))

	list, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range list {
		titles = append(titles, a.Title)
	}
	want := []string{"Newest", "Same day, no time", "Older", "a undated", "b undated"}
	if !slices.Equal(titles, want) {
		t.Errorf("order = %q, want %q", titles, want)
	}
	older := list[2]
	if older.Publisher != "NTD" || older.Origin != "Epoch Times" || older.Chain != "Epoch Times via NTD" {
		t.Errorf("summary sources = %+v", older)
	}
	if c := list[3].Chain; c != "Fort Russ (translated by Samer Hussein)" {
		t.Errorf("chain = %q", c)
	}
	if n := len([]rune("Text of Older about Al-Qaim.")); older.Runes != n {
		t.Errorf("Runes = %d, want %d", older.Runes, n)
	}
}

func TestUpdateArticle(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := article("Wrong title", "Iraqi forces retook Husaybah on Thursday.")
	a.Known.Title = app.Evidence{Basis: app.BasisFile, Detail: "file name"}
	a.Byline = "By Staff"
	a.Known.Byline = app.Evidence{Basis: app.BasisMarkup}
	mustCreate(t, s, a)

	str := func(s string) *string { return &s }
	pub := app.PubDate{Date: app.Date{Year: 2017, Month: time.November, Day: 3}}
	got, err := s.UpdateArticle(ctx, a.ID, app.ArticlePatch{
		Title:     str("  Forces retake Husaybah  "),
		URL:       str("https://www.example.org/a?b=c"),
		Published: &pub,
	})
	if err != nil {
		t.Fatal(err)
	}
	analyst := app.Evidence{Basis: app.BasisAnalyst}
	if got.Title != "Forces retake Husaybah" || got.URL != "https://www.example.org/a?b=c" || got.Published != pub {
		t.Errorf("updated fields: %+v", got.ArticleMeta)
	}
	if got.Known.Title != analyst || got.Known.URL != analyst || got.Known.Published != analyst {
		t.Errorf("known = %+v, want analyst for every field set", got.Known)
	}
	if got.Byline != "By Staff" || got.Known.Byline != a.Known.Byline {
		t.Errorf("field not in the patch changed: %q %+v", got.Byline, got.Known.Byline)
	}
	if got.UpdatedAt.Before(a.UpdatedAt) || !got.ImportedAt.Equal(a.ImportedAt) {
		t.Errorf("times: %v %v", got.ImportedAt, got.UpdatedAt)
	}
	stored, err := s.Article(ctx, a.ID)
	if err != nil || !reflect.DeepEqual(stored, got) {
		t.Errorf("stored = %+v, %v\nreturned %+v", stored, err, got)
	}
	// The index follows the new title.
	if hits, _ := s.SearchText(ctx, "retake", 5); len(hits) != 1 {
		t.Errorf("search for the new title word: %v", hits)
	}
	if hits, _ := s.SearchText(ctx, "wrong", 5); len(hits) != 0 {
		t.Errorf("search for the old title word: %v", hits)
	}

	bad := map[string]app.ArticlePatch{
		"empty title":     {Title: str("   ")},
		"ftp address":     {URL: str("ftp://example.org/x")},
		"relative":        {URL: str("/news/1")},
		"no host":         {URL: str("https://")},
		"javascript":      {URL: str("javascript:alert(1)")},
		"bad UTF-8":       {Byline: str("\xff")},
		"impossible date": {Published: &app.PubDate{Date: app.Date{Year: 2017, Month: 13, Day: 1}}},
		"bad time":        {Published: &app.PubDate{Date: pub.Date, HasTime: true, Hour: 25}},
	}
	for name, p := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := s.UpdateArticle(ctx, a.ID, p)
			wantCode(t, err, app.EInvalid)
			after, err := s.Article(ctx, a.ID)
			if err != nil || !reflect.DeepEqual(after, stored) {
				t.Errorf("refused patch changed the article: %+v", after)
			}
		})
	}

	// Clearing the date and the address is allowed, and recorded as the analyst's.
	got, err = s.UpdateArticle(ctx, a.ID, app.ArticlePatch{Published: &app.PubDate{}, URL: str("")})
	if err != nil || got.Published.Known() || got.URL != "" || got.Known.Published != analyst {
		t.Errorf("clearing: %+v, %v", got, err)
	}
}

func TestSetExcluded(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	text := "Ḥusaybah falls. Subscribe now! Comments: none" // 46 runes, more bytes
	a := article("t", text)
	a.Excluded = []app.Excluded{{Span: app.Span{Start: 16, End: 30}, Kind: app.BoilerNewsletter}}
	mustCreate(t, s, a)
	n := len([]rune(text))

	ranges := []app.Excluded{
		{Span: app.Span{Start: 31, End: n}, Kind: app.BoilerComments, ByAnalyst: true},
		{Span: app.Span{Start: 16, End: 30}},
	}
	if err := s.SetExcluded(ctx, a.ID, ranges); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Excluded{
		{Span: app.Span{Start: 16, End: 30}, Kind: app.BoilerOther},
		{Span: app.Span{Start: 31, End: n}, Kind: app.BoilerComments, ByAnalyst: true},
	}
	if !reflect.DeepEqual(got.Excluded, want) {
		t.Errorf("Excluded = %+v, want %+v", got.Excluded, want)
	}

	// A span measured in bytes overruns the rune count and is refused whole.
	err = s.SetExcluded(ctx, a.ID, []app.Excluded{{Span: app.Span{Start: 0, End: 3}}, {Span: app.Span{Start: 31, End: len(text)}}})
	wantCode(t, err, app.EInvalid)
	if after, _ := s.Article(ctx, a.ID); !reflect.DeepEqual(after.Excluded, want) {
		t.Errorf("refused SetExcluded changed the ranges: %+v", after.Excluded)
	}
	wantCode(t, s.SetExcluded(ctx, a.ID, []app.Excluded{{Span: app.Span{Start: 5, End: 2}}}), app.EInvalid)

	if err := s.SetExcluded(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Article(ctx, a.ID); len(after.Excluded) != 0 {
		t.Errorf("clearing left %+v", after.Excluded)
	}
}

// Writers and readers share one Store: transactions take turns, none fails
// with "database is locked".
func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	const writers, each = 4, 15
	errs := make(chan error, writers*each*3)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				a := article(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("Writer %d wrote article %d about Husaybah.", w, i))
				a.Sources = []app.ArticleSource{{Name: "Shared Outlet", Role: app.RolePublisher}}
				errs <- s.CreateArticle(ctx, a)
				_, err := s.SearchText(ctx, "husaybah", 5)
				errs <- err
				_, err = s.Articles(ctx)
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Articles(ctx)
	if err != nil || len(list) != writers*each {
		t.Fatalf("Articles() = %d, %v; want %d", len(list), err, writers*each)
	}
	if src, err := s.Sources(ctx); err != nil || len(src) != 1 {
		t.Errorf("Sources() = %+v, %v; want the one shared outlet", src, err)
	}
}
