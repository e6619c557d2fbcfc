package names_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app/names"
)

func TestFold(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"hyphenated article":    {"Al-Qaim", "al qaim"},
		"curly apostrophe":      {"Al Qa’im", "al qaim"},
		"ayn and hamza":         {"Saʿd al-Qaʾim", "sad al qaim"},
		"okina and backtick":    {"Ka`ba Baʻath", "kaba baath"},
		"acute accent as mark":  {"Qa´im", "qaim"},
		"diacritics stripped":   {"Ḥusayn Sinjār Hewlêr", "husayn sinjar hewler"},
		"dotless and stroke":    {"Kırkuk Łódź", "kirkuk lodz"},
		"ligature":              {"ﬁnal", "final"},
		"punctuation runs":      {"  Deir ez-Zor, (Syria)!! ", "deir ez zor syria"},
		"digits kept":           {"Route 12", "route 12"},
		"soft hyphen joins":     {"Fal\u00adlujah", "fallujah"},
		"only punctuation":      {"—'’ ...", ""},
		"arabic hamza stripped": {"القائم", "القايم"},
		"tatweel dropped":       {"بـغـداد", "بغداد"},
		"presentation tatweel":  {"\uFCF3بغداد", "بغداد"}, // a ligature that decomposes to tatweel and marks
		"empty":                 {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := names.Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMapFoldPointsBackToTheOriginal(t *testing.T) {
	for _, s := range []string{"Al Qa’im", "Ḥusayn — Sinjār", "ﬁnal Łódź", "  x--y  ", "Haider al-Abadi"} {
		folded, m := names.MapFold(s)
		orig := []rune(s)
		fr := []rune(folded)
		if len(m) != len(fr) {
			t.Fatalf("MapFold(%q): %d mappings for %d runes", s, len(m), len(fr))
		}
		for i, sp := range m {
			if sp.Start < 0 || sp.End > len(orig) || sp.Start > sp.End {
				t.Fatalf("MapFold(%q)[%d] = %v outside the text", s, i, sp)
			}
			if fr[i] == ' ' {
				continue
			}
			if !strings.ContainsRune(names.Fold(string(orig[sp.Start:sp.End])), fr[i]) {
				t.Errorf("MapFold(%q): %q maps to %q", s, fr[i], string(orig[sp.Start:sp.End]))
			}
		}
	}
}

func TestMappingRunesAndBytes(t *testing.T) {
	key, m := names.MapKey("Al Qa’im")
	if key != "kam" {
		t.Fatalf("key = %q", key)
	}
	// k, a, m: Q, then "a’i" (the vowel run with the dropped apostrophe), then m.
	if got, want := m.Runes([]int{0, 1, 2}), []int{3, 4, 5, 6, 7}; !slices.Equal(got, want) {
		t.Errorf("Runes = %v, want %v", got, want)
	}
	if got, want := m.Runes([]int{2, 0, 9, -1}), []int{3, 7}; !slices.Equal(got, want) {
		t.Errorf("Runes(unsorted, out of range) = %v, want %v", got, want)
	}
	// Byte offsets into a key with a multi-byte rune: "بغداد" keeps its letters.
	key, m = names.MapKey("Qaim بغداد")
	b := strings.Index(key, "غ")
	if got := m.Bytes(key, []int{0, b, b + 1}); !slices.Equal(got, []int{0, 6}) {
		t.Errorf("Bytes(%q, [0 %d %d]) = %v, want [0 6]", key, b, b+1, got)
	}
	if got := m.Bytes(key, nil); got != nil {
		t.Errorf("Bytes(nil) = %v", got)
	}
	if n := utf8.RuneCountInString(key); len(m) != n {
		t.Errorf("mapping has %d entries for %d runes", len(m), n)
	}
}
