package names_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app/names"
)

func mentionTexts(ms []names.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestSuggest(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string
	}{
		"title left out":            {"Prime Minister Haider al-Abadi said so.", []string{"Haider al-Abadi"}},
		"demonyms alone left out":   {"Then Iraqi troops met the Syrian Democratic Forces near Syrian posts.", []string{"Syrian Democratic Forces"}},
		"abbreviated ranks":         {"Lt. Gen. Abdulamir Yarallah leads it.", []string{"Abdulamir Yarallah"}},
		"sentence start and month":  {"The offensive began in October.", nil},
		"weekday and date":          {"Monday, 6 November, 2017 - 13:30", nil},
		"lower-case particles":      {"Osama bin Laden met Staffan de Mistura.", []string{"Osama bin Laden", "Staffan de Mistura"}},
		"apostrophe inside":         {"Troops entered Al Qa’im on Friday.", []string{"Al Qa’im"}},
		"possessive and hyphen":     {"Fighters of ISIS’s last pocket fled to Deir ez-Zor.", []string{"ISIS", "Deir ez-Zor"}},
		"hyphenated tail cut":       {"The US-led coalition struck.", []string{"US"}},
		"common sentence start":     {"In Mosul, the army waited.", []string{"Mosul"}},
		"abu and umm":               {"They reached Abu Kamal and Umm Qasr.", []string{"Abu Kamal", "Umm Qasr"}},
		"line breaks end a name":    {"Troops met Haider\nAbadi arrived.", []string{"Haider"}},
		"ordinary word capitalised": {"Rigorous standards apply. Rigorous checks follow.", nil},
		"a word seen in lower case": {"Coalition forces left. The coalition said so.", nil},
		"empty":                     {"", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := mentionTexts(names.Suggest(tc.text)); !slices.Equal(got, tc.want) {
				t.Errorf("Suggest(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestSuggestOnArticles runs Suggest over the seed articles and the
// bundled sample: spans are runes of the text, the names that matter are
// found, and no weekday, month or sentence-opening word is suggested.
func TestSuggestOnArticles(t *testing.T) {
	want := map[string][]string{
		"000_1574bc5dfdfd90e1.txt":             {"Tal Afar", "Hawijah", "Abu Kamal", "Mosul"},
		"001_d3e401b7703c085f.txt":             {"Huwayjah", "Akashat", "Rayhanna", "Dayr Az Zawr", "Ryan Dillon", "James Mattis", "Haditha"},
		"002_8840ee2b9b7c4caf.txt":             {"Abdel Amir Yarallah", "Qatari al-Obeidi", "Deir Ezzor", "Al-Qaim", "Rawa", "Joint Operations Command"},
		"003_87e87fad1a14e131.txt":             {"Jaafar Al Husseini", "Haider Al Abadi", "Al Karabila", "Nahda Al Gharbiyeh", "Al Qa’im", "Husaybah"},
		"004_a3965992d39dc928.txt":             {"Haidar al-Abadi", "Abdulamir Yarallah", "Husaibah", "Hasiba", "Akkaz", "Ratba", "al-Hawijah"},
		"02-troops-close-in-on-al-qaim.txt":    {"Abdulamir Yarallah", "Al-Qaim", "Deir Ezzor", "Hawija", "Rawa"},
		"03-flags-raised-over-al-qaim.txt":     {"Haider al-Abadi", "Husaybah", "Karabila", "Abu Kamal", "Al Qa’im"},
		"05-abadi-raises-flag-at-husaibah.txt": {"Haidar al-Abadi", "Husaibah", "Abdulamir Yarallah", "Abu Kamal", "Qaim"},
	}
	never := []string{"thursday", "friday", "sunday", "monday", "october", "november", "sept", "oct", "nov",
		"the", "in", "on", "according", "earlier", "today", "it", "this", "lt", "gen", "prime", "minister"}
	for file, text := range corpus(t) {
		t.Run(file, func(t *testing.T) {
			ms := names.Suggest(text)
			runes := []rune(text)
			seen := map[string]bool{}
			for _, m := range ms {
				if m.Span.Start < 0 || m.Span.End > len(runes) || string(runes[m.Span.Start:m.Span.End]) != m.Text {
					t.Fatalf("mention %q: span %v does not hold it", m.Text, m.Span)
				}
				if m.Key != names.Key(m.Text) {
					t.Errorf("mention %q: key %q, want %q", m.Text, m.Key, names.Key(m.Text))
				}
				for _, w := range strings.FieldsFunc(strings.ToLower(m.Text), func(r rune) bool { return r == ' ' || r == '-' }) {
					if slices.Contains(never, w) {
						t.Errorf("mention %q contains %q", m.Text, w)
					}
				}
				seen[m.Text] = true
			}
			for _, w := range want[file] {
				if !seen[w] {
					t.Errorf("%q not suggested; got %q", w, mentionTexts(ms))
				}
			}
		})
	}
}

// TestSuggestedSpellingsShareKeys: the spellings of one place in one
// article are grouped by their key.
func TestSuggestedSpellingsShareKeys(t *testing.T) {
	ms := names.Suggest("Troops took Al Qa’im. Qa’im fell and al-Qaim was quiet. Husaybah and Husaibah too.")
	keys := map[string][]string{}
	for _, m := range ms {
		keys[m.Key] = append(keys[m.Key], m.Text)
	}
	if got := keys[names.Key("Qaim")]; len(got) != 3 {
		t.Errorf("Qaim spellings grouped as %q", got)
	}
	if got := keys[names.Key("Husaybah")]; len(got) != 2 {
		t.Errorf("Husaybah spellings grouped as %q", got)
	}
}
