package ingest_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// checkArticle asserts the invariants every parsed article must keep:
// valid UTF-8 text, a hash of that text, excluded ranges sorted, disjoint
// and in bounds, and every text evidence span in bounds.
func checkArticle(t testing.TB, a *app.Article) {
	t.Helper()
	if a == nil {
		t.Fatal("nil article without an error")
	}
	if !utf8.ValidString(a.Text) {
		t.Fatal("article text is not valid UTF-8")
	}
	if a.TextHash != app.TextHash(a.Text) {
		t.Error("TextHash does not match the text")
	}
	if err := a.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	n := utf8.RuneCountInString(a.Text)
	prev := -1
	for _, e := range a.Excluded {
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			t.Errorf("excluded range %d-%d out of bounds (0-%d)", e.Start, e.End, n)
		}
		if e.Start <= prev {
			t.Errorf("excluded ranges not sorted and disjoint at %d", e.Start)
		}
		prev = e.End
	}
	spans := map[string]app.Evidence{"title": a.Known.Title, "byline": a.Known.Byline, "url": a.Known.URL, "published": a.Known.Published}
	for _, s := range a.Sources {
		spans[string(s.Role)+" "+s.Name] = s.Evidence
	}
	for what, ev := range spans {
		if ev.Basis != app.BasisText && ev.Basis != app.BasisInferred {
			continue
		}
		if err := ev.Span.Validate(n); err != nil {
			t.Errorf("%s evidence: %v", what, err)
		}
	}
}

// spanText returns the text of a rune span.
func spanText(a *app.Article, s app.Span) string {
	r := []rune(a.Text)
	if s.Start < 0 || s.End > len(r) || s.Start > s.End {
		return "<out of bounds>"
	}
	return string(r[s.Start:s.End])
}

// runeSpanOf finds snippet in the text and returns its rune span.
func runeSpanOf(t testing.TB, a *app.Article, snippet string) app.Span {
	t.Helper()
	i := strings.Index(a.Text, snippet)
	if i < 0 {
		t.Fatalf("snippet %q not in the text", snippet)
	}
	s := utf8.RuneCountInString(a.Text[:i])
	return app.Span{Start: s, End: s + utf8.RuneCountInString(snippet)}
}

// overlapsExcluded reports the kind of an excluded range that overlaps s.
func overlapsExcluded(a *app.Article, s app.Span) (app.BoilerplateKind, bool) {
	for _, e := range a.Excluded {
		if e.Start < s.End && s.Start < e.End {
			return e.Kind, true
		}
	}
	return "", false
}

// insideExcluded reports whether s lies wholly inside one excluded range.
func insideExcluded(a *app.Article, s app.Span) bool {
	for _, e := range a.Excluded {
		if e.Start <= s.Start && s.End <= e.End {
			return true
		}
	}
	return false
}

// assertBody checks that no excluded range touches the snippet.
func assertBody(t testing.TB, a *app.Article, snippet string) {
	t.Helper()
	if k, ok := overlapsExcluded(a, runeSpanOf(t, a, snippet)); ok {
		t.Errorf("body text marked as %s boilerplate: %q", k, snippet)
	}
}

// assertBoiler checks that the snippet lies inside an excluded range.
func assertBoiler(t testing.TB, a *app.Article, snippet string) {
	t.Helper()
	if !insideExcluded(a, runeSpanOf(t, a, snippet)) {
		t.Errorf("boilerplate not excluded: %q", snippet)
	}
}

// sourceNames lists the names of the article's sources in a role.
func sourceNames(a *app.Article, r app.Role) []string {
	var out []string
	for _, s := range a.Sources {
		if s.Role == r {
			out = append(out, s.Name)
		}
	}
	return out
}

// assertSource checks the single source expected in a role ("" for none).
func assertSource(t testing.TB, a *app.Article, r app.Role, want string) {
	t.Helper()
	got := sourceNames(a, r)
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("%s = %q, want none", r, got)
	case want != "" && !slices.Contains(got, want):
		t.Errorf("%s = %q, want %q", r, got, want)
	}
}

// source returns the first source in a role.
func source(a *app.Article, r app.Role) (app.ArticleSource, bool) {
	for _, s := range a.Sources {
		if s.Role == r {
			return s, true
		}
	}
	return app.ArticleSource{}, false
}
