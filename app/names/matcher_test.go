package names_test

import (
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
)

func TestMatcherFind(t *testing.T) {
	m := names.NewMatcher()
	m.Add("qaim", "Al-Qaim")
	m.Add("qaim", "Al Qa'im")
	m.Add("abadi", "Haider al-Abadi")
	m.Add("abadi", "Abadi")
	m.Add("qom", "Qom")
	tests := map[string]struct {
		text string
		want []app.Span
		ids  []app.ID
	}{
		"curly apostrophe and accents": {"Troops entered Al Qaʾim on Friday.", []app.Span{{Start: 15, End: 23}}, []app.ID{"qaim"}},
		"without the article":          {"the town of Qaim fell", []app.Span{{Start: 12, End: 16}}, []app.ID{"qaim"}},
		"longest wins":                 {"PM Haider al-Abadi said; Abadi added.", []app.Span{{Start: 3, End: 18}, {Start: 25, End: 30}}, []app.ID{"abadi", "abadi"}},
		"whole words only":             {"Qaimah and Abadis are other words", nil, nil},
		"key match is not a mention":   {"Qum is a city", nil, nil},
		"emoji before keeps runes":     {"🇮🇶 AL-QAIM", []app.Span{{Start: 3, End: 10}}, []app.ID{"qaim"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := m.Find(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %+v, want spans %v", tc.text, got, tc.want)
			}
			rs := []rune(tc.text)
			for i, g := range got {
				if g.Span != tc.want[i] || g.ID != tc.ids[i] {
					t.Errorf("match %d = %+v, want %v of %s", i, g, tc.want[i], tc.ids[i])
				}
				if g.Text != string(rs[g.Span.Start:g.Span.End]) {
					t.Errorf("match %d text %q is not the text at its span", i, g.Text)
				}
			}
		})
	}
}

func TestMatcherEmpty(t *testing.T) {
	m := names.NewMatcher()
	m.Add("x", "'-")
	if !m.Empty() || m.Find("anything at all") != nil {
		t.Fatal("a name that folds to nothing must not be added")
	}
}
