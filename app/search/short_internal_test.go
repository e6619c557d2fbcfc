package search

import (
	"fmt"
	"reflect"
	"testing"
)

// TestShortTablesAgreeWithTheScan: the ranked tables for one- and
// two-letter queries give exactly what scanning the word table gives.
func TestShortTablesAgreeWithTheScan(t *testing.T) {
	var items []Item
	words := []string{"Al-Qaim", "Qom", "Husaybah", "Abu Kamal", "Abu", "A B", "Ab", "Kut", "Ka", "Yarallah",
		"Haider al-Abadi", "Hadi al-Amiri", "Rawa", "Ramadi", "Tal Afar", "Y", "Q"}
	for i := range 3000 {
		w := words[i%len(words)]
		text := w
		switch i % 4 {
		case 1:
			text = w + " " + words[(i/7)%len(words)]
		case 2:
			text = fmt.Sprintf("Fighting near %s on day %d", w, i)
		}
		items = append(items, Item{Kind: []string{"entity", "claim", "source"}[i%3], ID: fmt.Sprint(i % 1000), Text: text})
	}
	fast := NewIndex(items)
	slow := NewIndex(items)
	slow.short = [2][]entry{}
	var queries []string
	for _, a := range "abcdhkqrtuy" {
		queries = append(queries, string(a))
		for _, b := range "abdkmrw" {
			queries = append(queries, string(a)+string(b))
		}
	}
	for _, q := range queries {
		for _, limit := range []int{1, 5, 20} {
			if a, b := fast.Search(q, limit), slow.Search(q, limit); !reflect.DeepEqual(a, b) {
				t.Fatalf("Search(%q, %d):\n tables %v\n scan   %v", q, limit, a, b)
			}
			if a, b := fast.SearchGrouped(q, limit), slow.SearchGrouped(q, limit); !reflect.DeepEqual(a, b) {
				t.Fatalf("SearchGrouped(%q, %d):\n tables %v\n scan   %v", q, limit, a, b)
			}
		}
	}
}
