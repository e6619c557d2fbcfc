package storage

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenizeFolds(t *testing.T) {
	tests := map[string]struct {
		text  string
		keys  []string
		parts []string // pieces of words with apostrophes, in order
	}{
		"dot below":        {"Ḥusaybah", []string{"husaybah"}, nil},
		"decomposed":       {"H\u0323usaybah", []string{"husaybah"}, nil},
		"macron and hamza": {"Al-Qāʾim", []string{"al", "qaim"}, []string{"qa", "im"}},
		"ayn":              {"ʿAlī", []string{"ali"}, nil},
		"curly apostrophe": {"Qa’im’s", []string{"qaims"}, []string{"qa", "im", "s"}},
		"quotes around":    {"'quoted' ‘word’", []string{"quoted", "word"}, nil},
		"no decomposition": {"Łódź Straße Ærø", []string{"lodz", "strasse", "aero"}, nil},
		"compatibility":    {"ﬁne ½", []string{"fine", "1", "2"}, nil},
		"soft hyphen":      {"Hu\u00ADsay\u200Bbah", []string{"husaybah"}, nil},
		"digits":           {"40,000 troops", []string{"40", "000", "troops"}, nil},
		"other scripts":    {"القائم Мосул", []string{"القايم", "мосул"}, nil},
		"only punctuation": {"!? -- ...", nil, nil},
		"invalid UTF-8":    {"a\xffb", []string{"a", "b"}, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var keys, parts []string
			for _, w := range tokenize(tc.text) {
				keys = append(keys, w.key)
				for _, p := range w.parts {
					parts = append(parts, p.key)
				}
			}
			if !slices.Equal(keys, tc.keys) || !slices.Equal(parts, tc.parts) {
				t.Errorf("tokenize(%q) = %q parts %q, want %q parts %q", tc.text, keys, parts, tc.keys, tc.parts)
			}
		})
	}
}

func TestQueryAndMatchExpr(t *testing.T) {
	tests := map[string]string{
		"Husaybah":           `"husaybah"*`,
		"  al-Qāʾim  forces": `"al" "qaim" "forces"*`,
		`"x" OR y*`:          `"x" "or" "y"*`,
		"!!!":                ``,
		"":                   ``,
	}
	for q, want := range tests {
		if got := matchExpr(queryTerms(q)); got != want {
			t.Errorf("matchExpr(queryTerms(%q)) = %s, want %s", q, got, want)
		}
	}
	if n := len(queryTerms(strings.Repeat("word ", 100))); n != maxQueryTerms {
		t.Errorf("%d terms kept, want %d", n, maxQueryTerms)
	}
}

// checkWords checks what every tokenization must satisfy: spans in order
// inside the text, and each word folds back from its own span.
func checkWords(t *testing.T, text string) {
	runes := []rune(text)
	words := tokenize(text)
	prev := 0
	for i, w := range words {
		if w.key == "" || w.span.Start < prev || w.span.End <= w.span.Start || w.span.End > len(runes) {
			t.Fatalf("word %d %+v of %q: bad span or empty key", i, w, text)
		}
		// "0½" folds to "01⁄2": words that come from one rune share it.
		shared := i > 0 && words[i-1].span.End > w.span.Start || i+1 < len(words) && words[i+1].span.Start < w.span.End
		prev = w.span.Start
		if !shared {
			prev = w.span.End
			again := tokenize(string(runes[w.span.Start:w.span.End]))
			if len(again) != 1 || again[0].key != w.key {
				t.Fatalf("word %+v of %q re-tokenizes as %+v", w, text, again)
			}
		}
		var joined strings.Builder
		last := w.span.Start
		for _, p := range w.parts {
			if p.span.Start < last || p.span.End > w.span.End || p.key == "" {
				t.Fatalf("part %+v of word %+v of %q", p, w, text)
			}
			last = p.span.End
			joined.WriteString(p.key)
		}
		if w.parts != nil && joined.String() != w.key {
			t.Fatalf("parts of %+v do not make up its key", w)
		}
	}
}

func TestTokenizeInvariants(t *testing.T) {
	for _, text := range []string{"Ḥusaybah Qāʾim Qa’im's ½ ﬁ", "a'b'c d’’e 'f", "x\u0301\u0301y ʾʾ z"} {
		checkWords(t, text)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Ḥusaybah Qāʾim", "Qa’im's", "½ ﬁ ǅ", "a'b'c", "x\u0301 \u00AD", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		checkWords(t, text)
		for _, term := range queryTerms(text) {
			if strings.ContainsAny(term, `"*`) {
				t.Fatalf("term %q carries FTS5 syntax", term)
			}
		}
	})
}
