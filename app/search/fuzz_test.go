package search_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app/search"
)

// FuzzSearch indexes the texts in corpus (split at "|") beside a few fixed
// names and searches for query: whatever they hold, Search must not panic,
// must respect the limit, must return one result per kind and ID, and
// Matched must be ascending rune indexes of the result's text.
func FuzzSearch(f *testing.F) {
	f.Add("Al Qa’im|Husaybah crossing|🇮🇶 Haider al-Abadi", "qaim", 5)
	f.Add("Deir ez-Zor|Dayr Az Zawr|Deir Ezzor", "deir ez", 3)
	f.Add("a|aa|aaa|a a a", "a", 2)
	f.Add("القائم|بغداد", "القائم", 4)
	f.Add("x\xffy|\u0301\u0301", "\xff", 1)
	f.Add("Col. Ryan Dillon|Ryan Dillon", "col ryan dillon", 10)
	f.Fuzz(func(t *testing.T, corpus, query string, limit int) {
		limit = limit%50 + 1
		if limit <= 0 {
			limit += 50
		}
		var items []search.Item
		for i, text := range strings.Split(corpus, "|") {
			items = append(items, search.Item{Kind: []string{"entity", "claim", "source"}[i%3], ID: text, Text: text})
		}
		items = append(items, entities("Al-Qaim", "Hawija", "Abu Kamal")...)
		ix := search.NewIndex(items)
		check := func(rs []search.Result) {
			seen := map[[2]string]bool{}
			for _, r := range rs {
				k := [2]string{r.Kind, r.ID}
				if seen[k] {
					t.Fatalf("query %q: %v twice", query, k)
				}
				seen[k] = true
				n := utf8.RuneCountInString(r.Text)
				last := -1
				for _, i := range r.Matched {
					if i <= last || i >= n {
						t.Fatalf("query %q, text %q: matched %v not ascending runes of %d", query, r.Text, r.Matched, n)
					}
					last = i
				}
			}
		}
		rs := ix.Search(query, limit)
		if len(rs) > limit {
			t.Fatalf("query %q: %d results over the limit %d", query, len(rs), limit)
		}
		check(rs)
		for _, g := range ix.SearchGrouped(query, limit) {
			if len(g.Results) > limit {
				t.Fatalf("query %q: %d %s results over the limit %d", query, len(g.Results), g.Kind, limit)
			}
			check(g.Results)
		}
	})
}
