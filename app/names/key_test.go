package names_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app/names"
)

// TestKeyRules pins each rule of the key to an example.
func TestKeyRules(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"article dropped":                  {"al-Qaim", "kam"},
		"article kept when alone":          {"Al", "al"},
		"assimilated article":              {"as-Sadr", "sadr"},
		"assimilated sh":                   {"Ash Sharqat", "sharkat"},
		"not an article before other":      {"as Iraq", "asarak"},
		"glued article after first word":   {"Deir Ezzor", "darzar"},
		"glued s kept":                     {"Bashar Assad", "basharasad"},
		"first word never glued":           {"Ezzat", "azat"},
		"article stays after abd":          {"Abd al-Amir", "abdalamar"},
		"assimilated after abd becomes al": {"Abd ar-Rahman", "abdalrahman"},
		"vowel run":                        {"Husaibah", "hasaba"},
		"y in a vowel run":                 {"Husaybah", "hasaba"},
		"initial y before vowel":           {"Yarallah", "yarala"},
		"w closes a diphthong":             {"Mawsil", "masal"},
		"w before u":                       {"Dawud", "dad"},
		"w between vowels":                 {"Rawa", "rawa"},
		"final h after vowel":              {"Fallujah", "falaja"},
		"final h after consonant":          {"Sheikh", "shakh"},
		"doubled letters":                  {"Qassem", "kasam"},
		"digits not de-doubled":            {"Route 11", "rata11"},
		"q is k":                           {"Iraq", "arak"},
		"dj is j":                          {"Djamel", "jamal"},
		"dh is th":                         {"Dhi Qar", "thakar"},
		"gh is g":                          {"Baghdad", "bagdad"},
		"x is kh":                          {"Xanaqin", "khanakan"},
		"v is w":                           {"Davud", "dad"},
		"kh is not h":                      {"Khadi", "khada"},
		"z is not th":                      {"Zawra", "zara"},
		"spacing does not matter":          {"Tal Afar", "talafar"},
		"empty":                            {"", ""},
		"punctuation only":                 {"'-'", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := names.Key(tc.in); got != tc.want {
				t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestVariantKeysReport measures how many variants share their canonical
// name's key outright; the rest are left to the palette's fuzzy tiers.
func TestVariantKeysReport(t *testing.T) {
	sets := loadVariants(t)
	same, total := 0, 0
	for _, s := range sets {
		want := names.Key(s.Canonical)
		for _, v := range s.Variants {
			total++
			if names.Key(v) == want {
				same++
			} else {
				t.Logf("different key: %q (%s) vs %q (%s)", v, names.Key(v), s.Canonical, want)
			}
		}
	}
	if total < 80 {
		t.Fatalf("only %d variant pairs in testdata/variants.txt, want at least 80", total)
	}
	rate := float64(same) / float64(total)
	t.Logf("%d of %d variants (%.1f%%) share their canonical name's key", same, total, 100*rate)
	if rate < 0.75 {
		t.Errorf("only %.1f%% of variants share the canonical key, want at least 75%%", 100*rate)
	}
}

// TestNegativePairs: different names must not share a key.
func TestNegativePairs(t *testing.T) {
	rows := readTable(t, "negatives.txt")
	if len(rows) < 20 {
		t.Fatalf("only %d negative pairs, want at least 20", len(rows))
	}
	for _, r := range rows {
		t.Run(r[0]+" vs "+r[1], func(t *testing.T) {
			if a, b := names.Key(r[0]), names.Key(r[1]); a == b {
				t.Errorf("%q and %q share the key %q (%s)", r[0], r[1], a, r[2])
			}
		})
	}
}

// TestKnownCollisions documents names the key cannot tell apart (vowels are
// collapsed); the palette separates them by Bare, which must differ.
func TestKnownCollisions(t *testing.T) {
	for _, r := range readTable(t, "collisions.txt") {
		t.Run(r[0]+" vs "+r[1], func(t *testing.T) {
			if a, b := names.Key(r[0]), names.Key(r[1]); a != b {
				t.Errorf("%q (%s) and %q (%s) no longer collide: move them to negatives.txt", r[0], a, r[1], b)
			}
			if names.Bare(r[0]) == names.Bare(r[1]) {
				t.Errorf("%q and %q have the same bare form", r[0], r[1])
			}
		})
	}
}

func TestBare(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"article dropped, letters kept": {"Al Qa'im", "qaim"},
		"glued article":                 {"Deir Ezzor", "deirzor"},
		"abd keeps its article":         {"Abd al-Amir", "abdalamir"},
		"no vowel collapse":             {"Qom", "qom"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := names.Bare(tc.in); got != tc.want {
				t.Errorf("Bare(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestMapKeyOnVariants checks the key mapping on every spelling in
// testdata: one span per key rune, inside the name, in order, and Key,
// KeyWords and MapKey agree.
func TestMapKeyOnVariants(t *testing.T) {
	for _, s := range loadVariants(t) {
		for _, v := range append(append([]string{s.Canonical}, s.Aliases...), s.Variants...) {
			key, m := names.MapKey(v)
			if key != names.KeyWords(v) || strings.ReplaceAll(key, " ", "") != names.Key(v) {
				t.Errorf("%q: MapKey %q, KeyWords %q, Key %q disagree", v, key, names.KeyWords(v), names.Key(v))
			}
			if len(m) != utf8.RuneCountInString(key) {
				t.Errorf("%q: %d spans for key %q", v, len(m), key)
			}
			n := utf8.RuneCountInString(v)
			last := 0
			for i, sp := range m {
				if sp.Start < last || sp.End > n || sp.Start > sp.End {
					t.Errorf("%q: span %d %v out of order or outside 0-%d", v, i, sp, n)
				}
				last = sp.Start
			}
		}
	}
}

func TestForms(t *testing.T) {
	tests := map[string]struct{ in, key, bare string }{
		"article dropped in both": {"Haider al-Abadi", "hadar abada", "haider abadi"},
		"glued article":           {"Deir Ezzor", "dar zar", "deir zor"},
		"abd keeps al":            {"Abd ar-Rahman", "abd al rahman", "abd al rahman"},
		"empty":                   {"", "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if k, b := names.Forms(tc.in); k != tc.key || b != tc.bare {
				t.Errorf("Forms(%q) = %q, %q; want %q, %q", tc.in, k, b, tc.key, tc.bare)
			}
		})
	}
}
