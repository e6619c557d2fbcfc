package names_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app/names"
)

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Al-Qaim", "Al Qa’im", "Deir ez-Zor", "Abd ar-Rahman", "ﬁnal Łódź", "القائم",
		"🇮🇶 Haider al-Abadi", "x", "al al", "Ezzor Ezzor", "\xff\xfe", "a\u0301\u0301", "´´", "Ḥusayn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := names.Fold(s)
		if again := names.Fold(folded); again != folded {
			t.Errorf("Fold not idempotent: %q -> %q -> %q", s, folded, again)
		}
		key := names.Key(s)
		words, m := names.MapKey(s)
		if strings.ReplaceAll(words, " ", "") != key || names.KeyWords(s) != words {
			t.Errorf("%q: Key %q, KeyWords %q, MapKey %q disagree", s, key, names.KeyWords(s), words)
		}
		if k := names.Key(folded); k != key {
			t.Errorf("%q: Key of the folded form %q, of the original %q", s, k, key)
		}
		if len(m) != utf8.RuneCountInString(words) {
			t.Fatalf("%q: %d spans for %d key runes", s, len(m), utf8.RuneCountInString(words))
		}
		n := utf8.RuneCountInString(s)
		for i, sp := range m {
			if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
				t.Fatalf("%q: span %d %v outside 0-%d", s, i, sp, n)
			}
		}
		idx := make([]int, len(m))
		for i := range idx {
			idx[i] = i
		}
		last := -1
		for _, r := range m.Runes(idx) {
			if r <= last || r >= n {
				t.Fatalf("%q: Runes gave %d after %d (of %d)", s, r, last, n)
			}
			last = r
		}
		kw, bw := names.Forms(s)
		if kw != words || strings.Count(kw, " ") != strings.Count(bw, " ") {
			t.Errorf("%q: Forms %q / %q do not pair word for word", s, kw, bw)
		}
		if strings.ReplaceAll(bw, " ", "") != names.Bare(s) {
			t.Errorf("%q: Forms bare %q, Bare %q", s, bw, names.Bare(s))
		}
	})
}

func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"Prime Minister Haider al-Abadi said.", "US-led\nIRAQ AT WAR", "ISIS’s", "Al Qa’im-", "a-B c'D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		last := 0
		for _, m := range names.Suggest(s) {
			if m.Span.Start < last || m.Span.End > len(runes) || m.Span.Start >= m.Span.End {
				t.Fatalf("%q: mention %q at %v out of order or outside", s, m.Text, m.Span)
			}
			if string(runes[m.Span.Start:m.Span.End]) != m.Text {
				t.Fatalf("%q: span %v holds %q, not %q", s, m.Span, string(runes[m.Span.Start:m.Span.End]), m.Text)
			}
			last = m.Span.End
		}
	})
}
