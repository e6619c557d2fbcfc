package storage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// searchCase holds articles spelling the same places in different ways.
func searchCase(t testing.TB) *storage.Store {
	t.Helper()
	s := newCase(t)
	for _, a := range []*app.Article{
		article("Dotted", "Iraqi forces retook \u1E24usaybah on Friday, a spokesman said."),
		article("Macron and hamza", "The offensive reached Al-Q\u0101\u02BEim, near the border."),
		article("Curly apostrophe", "Fighters left Qa\u2019im; Iraq\u2019s army and the Hashd moved in."),
		article("Decomposed", "Residents of H\u0323usaybah fled west."),
		article("Other spelling", "Husaibah was quiet on Saturday."),
		article("Raqqa in title", "Nothing about it in the text."),
	} {
		mustCreate(t, s, a)
	}
	return s
}

func hitTitles(t *testing.T, s *storage.Store, q string) []string {
	t.Helper()
	hits, err := s.SearchText(context.Background(), q, 20)
	if err != nil {
		t.Fatalf("SearchText(%q): %v", q, err)
	}
	var titles []string
	for _, h := range hits {
		titles = append(titles, h.Title)
	}
	slices.Sort(titles)
	return titles
}

func TestSearchIgnoresAccentsAndApostrophes(t *testing.T) {
	s := searchCase(t)
	tests := map[string][]string{
		"husaybah":          {"Decomposed", "Dotted"},
		"HUSAYBAH":          {"Decomposed", "Dotted"},
		"Ḥusaybah":          {"Decomposed", "Dotted"},
		"qaim":              {"Curly apostrophe", "Macron and hamza"},
		"Qa'im":             {"Curly apostrophe", "Macron and hamza"},
		"Qāʾim":             {"Curly apostrophe", "Macron and hamza"},
		"al-qaim":           {"Macron and hamza"},
		"iraq":              {"Curly apostrophe", "Dotted"}, // "Iraq’s" and the prefix of "Iraqi"
		"iraq army":         {"Curly apostrophe"},           // "iraq" inside "Iraq’s", not last: a whole piece
		"iraqi forces":      {"Dotted"},
		"husay":             {"Decomposed", "Dotted"}, // the last word is a prefix
		"husay west":        nil,                      // earlier words must be whole
		"husaybah friday":   {"Dotted"},               // every word must match
		"husaybah saturday": nil,
		"husaibah":          {"Other spelling"},
		"raqqa":             {"Raqqa in title"},
	}
	for q, want := range tests {
		t.Run(q, func(t *testing.T) {
			if got := hitTitles(t, s, q); !slices.Equal(got, want) {
				t.Errorf("SearchText(%q) = %q, want %q", q, got, want)
			}
		})
	}
}

func TestSearchNeverReadsSyntax(t *testing.T) {
	s := searchCase(t)
	empty := []string{"", "   ", "!!!", "\"", "*", "(", ")", "-", "^", ":", "'", "’ʾ", "\"\"*", "\x00", "\xff\xfe"}
	for _, q := range empty {
		hits, err := s.SearchText(context.Background(), q, 10)
		if err != nil || len(hits) != 0 {
			t.Errorf("SearchText(%q) = %v, %v; want no hits and no error", q, hits, err)
		}
	}
	// FTS5 operators and column filters are plain words here.
	words := map[string][]string{
		"forces AND":            nil,
		"NEAR(husaybah friday)": nil,
		"husaybah OR qaim":      nil,
		"NOT husaybah":          nil,
		"title:dotted":          nil,
		"\"husaybah\" friday*":  {"Dotted"},
		"husaybah + friday":     {"Dotted"},
		"{body} husaybah":       nil,
	}
	for q, want := range words {
		if got := hitTitles(t, s, q); !slices.Equal(got, want) {
			t.Errorf("SearchText(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestSearchSnippets(t *testing.T) {
	s := searchCase(t)
	ctx := context.Background()
	tests := map[string]struct {
		query, title, want string
	}{
		"dotted H":      {"husaybah", "Dotted", "retook " + app.MarkStart + "\u1E24usaybah" + app.MarkEnd + " on Friday"},
		"macron, hamza": {"qaim", "Macron and hamza", "Al-" + app.MarkStart + "Q\u0101\u02BEim" + app.MarkEnd + ", near"},
		"curly quote":   {"qaim", "Curly apostrophe", "left " + app.MarkStart + "Qa\u2019im" + app.MarkEnd + ";"},
		"piece of word": {"iraq army", "Curly apostrophe", app.MarkStart + "Iraq" + app.MarkEnd + "\u2019s " + app.MarkStart + "army" + app.MarkEnd},
		"two words":     {"forces husaybah", "Dotted", app.MarkStart + "forces" + app.MarkEnd + " retook " + app.MarkStart + "\u1E24usaybah" + app.MarkEnd},
		"title only":    {"raqqa", "Raqqa in title", "Nothing about it in the text."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			hits, err := s.SearchText(ctx, tc.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(hits, func(h app.TextHit) bool { return h.Title == tc.title })
			if i < 0 {
				t.Fatalf("no hit titled %q in %+v", tc.title, hits)
			}
			if !strings.Contains(hits[i].Snippet, tc.want) {
				t.Errorf("snippet = %q, want it to contain %q", hits[i].Snippet, tc.want)
			}
			if !hits[i].ArticleID.Valid() {
				t.Errorf("hit id %q", hits[i].ArticleID)
			}
		})
	}
}

func TestSearchLongTextSnippet(t *testing.T) {
	s := newCase(t)
	text := strings.Repeat("Filler words about nothing in particular. ", 200) +
		"Then Iraqi forces entered Husaybah\n\n   after a long siege. " +
		strings.Repeat("More filler follows here. ", 200)
	mustCreate(t, s, article("Long", text))
	hits, err := s.SearchText(context.Background(), "entered husaybah", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	snip := hits[0].Snippet
	want := "forces " + app.MarkStart + "entered" + app.MarkEnd + " " + app.MarkStart + "Husaybah" + app.MarkEnd + " after a long siege."
	if !strings.HasPrefix(snip, "… ") || !strings.HasSuffix(snip, " …") || !strings.Contains(snip, want) {
		t.Errorf("snippet = %q, want … %q …", snip, want)
	}
	if n := len(strings.Fields(snip)); n > 40 {
		t.Errorf("snippet has %d words", n)
	}
}

func TestSearchRanksTitleAndLimits(t *testing.T) {
	s := newCase(t)
	for i := range 5 {
		mustCreate(t, s, article(fmt.Sprint("Report ", i), fmt.Sprintf("Report %d mentions Raqqa once among many other words here.", i)))
	}
	mustCreate(t, s, article("Raqqa offensive", "The city was taken, officials said, after months."))
	hits, err := s.SearchText(context.Background(), "raqqa", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("limit 3 gave %d hits", len(hits))
	}
	if hits[0].Title != "Raqqa offensive" {
		t.Errorf("first hit %q, want the title match", hits[0].Title)
	}
	if all, _ := s.SearchText(context.Background(), "raqqa", 0); len(all) != 6 {
		t.Errorf("limit 0 (default) gave %d hits, want 6", len(all))
	}
}

// The real seed articles: "qaim" must find "Qa’im" in them.
func TestSearchSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed articles at ../../shared/seeds")
	}
	s := newCase(t)
	var withQaim []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToValidUTF8(string(b), "\uFFFD")
		mustCreate(t, s, article(filepath.Base(f), text))
		if strings.Contains(text, "Qa’im") || strings.Contains(text, "Qaim") || strings.Contains(text, "Qa'im") {
			withQaim = append(withQaim, filepath.Base(f))
		}
	}
	if len(withQaim) == 0 {
		t.Skip("no seed mentions Al-Qaim")
	}
	hits, err := s.SearchText(context.Background(), "qaim", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Title)
		if !strings.Contains(h.Snippet, app.MarkStart) || !strings.Contains(h.Snippet, app.MarkEnd) {
			t.Errorf("snippet without a match: %q", h.Snippet)
		}
	}
	slices.Sort(got)
	slices.Sort(withQaim)
	if !slices.Equal(got, withQaim) {
		t.Errorf("qaim found %q, want %q", got, withQaim)
	}
}

func FuzzSearchText(f *testing.F) {
	s := searchCase(f)
	for _, q := range []string{"husaybah", "qa'im", "\"", "NEAR(a b)", "a*", "^x", "ʾ", "½", "x:y", "-", "\xff"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.SearchText(context.Background(), q, 5)
		if err != nil {
			t.Fatalf("SearchText(%q): %v", q, err)
		}
		if len(hits) > 5 {
			t.Fatalf("%d hits over the limit", len(hits))
		}
		for _, h := range hits {
			if strings.Count(h.Snippet, app.MarkStart) != strings.Count(h.Snippet, app.MarkEnd) {
				t.Fatalf("unbalanced marks in %q", h.Snippet)
			}
		}
	})
}
