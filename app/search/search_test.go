package search_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/search"
)

func texts(rs []search.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Text)
	}
	return out
}

func entities(names ...string) []search.Item {
	var items []search.Item
	for _, n := range names {
		items = append(items, search.Item{Kind: search.KindEntity, ID: n, Text: n})
	}
	return items
}

func TestTiersRankInOrder(t *testing.T) {
	ix := search.NewIndex(entities(
		"Kalam",                      // fuzzy: k-a-(l)-a-m
		"Battle for Qaim",            // a word starts with the query
		"Qaimaqam",                   // the key starts with the query, mid-word
		"Qaim district",              // the key starts with the query, whole word
		"Al Qa'im",                   // the whole key
		"Husaybah",                   // no match
		"Karkh district, many miles", // letters present but strewn: no match
	))
	got := texts(ix.Search("qaim", 10))
	want := []string{"Al Qa'im", "Qaim district", "Qaimaqam", "Battle for Qaim", "Kalam"}
	if !slices.Equal(got, want) {
		t.Errorf("Search(qaim) = %q, want %q", got, want)
	}
	rs := ix.Search("qaim", 10)
	for i := 1; i < len(rs); i++ {
		if rs[i].Score > rs[i-1].Score {
			t.Errorf("score of %q (%d) above %q (%d)", rs[i].Text, rs[i].Score, rs[i-1].Text, rs[i-1].Score)
		}
	}
}

func TestShorterTextWinsTies(t *testing.T) {
	ix := search.NewIndex(entities("Qa'im", "Qaim"))
	if got := texts(ix.Search("Qa'im", 2)); !slices.Equal(got, []string{"Qaim", "Qa'im"}) {
		t.Errorf("got %q, want the shorter text first", got)
	}
}

// TestCollisionsFindThemselves: names whose keys collide (Qaim and Qom)
// are told apart by the spelling typed.
func TestCollisionsFindThemselves(t *testing.T) {
	for _, r := range readTable(t, "collisions.txt") {
		ix := search.NewIndex(entities(r[0], r[1]))
		for _, q := range r[:2] {
			t.Run(q, func(t *testing.T) {
				rs := ix.Search(q, 2)
				if len(rs) != 2 || rs[0].Text != q {
					t.Errorf("Search(%q) = %q, want %q first and both found", q, texts(rs), q)
				}
			})
		}
	}
}

// TestVariantsInTopResults: every spelling in the names testdata finds its
// canonical name among the first five, with 20,000 generated names and
// claims around it. Spellings marked unreachable are reported only.
func TestVariantsInTopResults(t *testing.T) {
	ix := search.NewIndex(benchItems(t, 10000))
	missed := 0
	for _, s := range loadVariants(t) {
		for _, v := range s.Variants {
			rank := -1
			for i, r := range ix.Search(v, 5) {
				if r.ID == "real:"+s.Canonical {
					rank = i
					break
				}
			}
			switch {
			case rank >= 0:
			case s.Unreachable[v]:
				missed++
				t.Logf("unreachable spelling %q: %q not in the top 5", v, s.Canonical)
			default:
				t.Errorf("Search(%q): %q not in the top 5", v, s.Canonical)
			}
		}
	}
	t.Logf("%d spellings marked unreachable were not found", missed)
}

// TestMatchedAreRunesOfTheText checks highlights against the display text,
// with multi-byte runes before and inside the match.
func TestMatchedAreRunesOfTheText(t *testing.T) {
	tests := map[string]struct {
		text, query, want string // want: the matched runes, in order
	}{
		"article and apostrophe skipped": {"Al Qa’im", "qaim", "Qa’im"},
		"flag before the name":           {"🇮🇶 Haider al-Abadi", "abadi", "Abadi"},
		"vowel runs highlighted whole":   {"Husaybah crossing", "husaibah", "Husaybah"},
		"accented letters":               {"Hewlêr citadel", "hewler", "Hewlêr"},
		"fuzzy across words":             {"Abdulamir Yarallah", "abd yar", "AbdYar"},
		"typo":                           {"Hawija", "hawiga", "Hawija"},
		"within: the whole name":         {"Ryan Dillon", "Col. Ryan Dillon", "RyanDillon"},
		"arabic script":                  {"مدينة القائم", "القائم", "القائم"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ix := search.NewIndex(entities(tc.text))
			rs := ix.Search(tc.query, 1)
			if len(rs) != 1 {
				t.Fatalf("Search(%q) found nothing in %q", tc.query, tc.text)
			}
			runes := []rune(tc.text)
			var got strings.Builder
			for _, i := range rs[0].Matched {
				got.WriteRune(runes[i])
			}
			if got.String() != tc.want {
				t.Errorf("matched %q (%v), want %q", got.String(), rs[0].Matched, tc.want)
			}
		})
	}
}

func TestOneResultPerKindAndID(t *testing.T) {
	ix := search.NewIndex([]search.Item{
		{Kind: search.KindEntity, ID: "e1", Text: "Erbil"},
		{Kind: search.KindEntity, ID: "e1", Text: "Arbil", Parent: "Erbil"},
		{Kind: search.KindEntity, ID: "e1", Text: "Irbil", Parent: "Erbil"},
		{Kind: search.KindSource, ID: "e1", Text: "Erbil Daily"},
		{Kind: search.KindClaim, ID: "", Text: "Erbil airport"},
		{Kind: search.KindClaim, ID: "", Text: "Erbil citadel"},
	})
	rs := ix.Search("arbil", 10)
	if got := texts(rs); !slices.Equal(got, []string{"Arbil", "Erbil Daily", "Erbil airport", "Erbil citadel"}) {
		t.Errorf("got %q: want the entity once (by its best spelling), the source, and both unnamed claims", got)
	}
}

func TestSearchGrouped(t *testing.T) {
	var items []search.Item
	for _, n := range []string{"Rawa", "Rawa district", "Rawah bridge"} {
		items = append(items, search.Item{Kind: search.KindClaim, ID: n, Text: "Troops entered " + n})
	}
	items = append(items,
		search.Item{Kind: search.KindEntity, ID: "p1", Text: "Rawa"},
		search.Item{Kind: search.KindArticle, ID: "a1", Text: "Kirkuk"},
	)
	ix := search.NewIndex(items)
	gs := ix.SearchGrouped("rawa", 2)
	if len(gs) != 2 || gs[0].Kind != search.KindEntity || gs[1].Kind != search.KindClaim {
		t.Fatalf("groups %+v: want entity (exact) then claim", gs)
	}
	if len(gs[1].Results) != 2 {
		t.Errorf("%d claims, want the cap of 2", len(gs[1].Results))
	}
	if ix.SearchGrouped("rawa", 0) != nil {
		t.Error("perKind 0 found something")
	}
}

func TestNothingToFind(t *testing.T) {
	ix := search.NewIndex(entities("Al Qa'im", "", "--"))
	for name, q := range map[string]string{"empty": "", "blank": "   ", "punctuation": "- ' ,"} {
		t.Run(name, func(t *testing.T) {
			if rs := ix.Search(q, 10); rs != nil {
				t.Errorf("Search(%q) = %q", q, texts(rs))
			}
		})
	}
	if rs := ix.Search("qaim", 0); rs != nil {
		t.Errorf("limit 0 found %q", texts(rs))
	}
	if rs := search.NewIndex(nil).Search("qaim", 5); rs != nil {
		t.Errorf("empty index found %q", texts(rs))
	}
	if n := ix.Len(); n != 3 {
		t.Errorf("Len = %d, want 3", n)
	}
}

// TestLongQueries: keys longer than the 8 bytes the word table packs.
func TestLongQueries(t *testing.T) {
	ix := search.NewIndex(entities("Popular Mobilization Forces", "Popular Mobilization Units", "Popular Front"))
	got := texts(ix.Search("popular mobilization f", 3))
	if len(got) == 0 || got[0] != "Popular Mobilization Forces" {
		t.Errorf("got %q", got)
	}
	for _, r := range got {
		if r == "Popular Front" {
			t.Errorf("%q matched a query it does not contain", r)
		}
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := search.NewIndex(benchItems(t, 2000))
	var wg sync.WaitGroup
	for _, q := range []string{"qaim", "husaibah", "abadi", "hawija", "zz"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				for _, r := range ix.Search(q, 20) {
					if n := utf8.RuneCountInString(r.Text); len(r.Matched) > 0 && r.Matched[len(r.Matched)-1] >= n {
						t.Errorf("%q: matched %v beyond %d runes", r.Text, r.Matched, n)
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestItemsFromTheDomain(t *testing.T) {
	e := app.Entity{ID: "e1", Kind: app.EntityPlace, Name: "Erbil", Aliases: []app.Alias{{Name: "Hewler"}, {Name: "Erbil"}, {Name: " "}}}
	c := app.Claim{ID: "c1", Statement: "Abadi visited Qaim", Anchor: app.Anchor{Exact: "Abadi toured the district"}}
	s := app.Source{ID: "s1", Name: "Agence France-Presse", Aliases: []string{"AFP"}}
	ev := app.Event{ID: "v1", Title: "Fall of Qaim", Place: "Al-Qaim"}
	var items []search.Item
	items = append(items, search.EntityItems(e)...)
	items = append(items, search.ClaimItems(c, "Iraqi Forces Retake Qaim")...)
	items = append(items, search.SourceItems(s)...)
	items = append(items, search.ArticleItem(app.ArticleSummary{ID: "a1", Filename: "qaim.txt", Chain: "AFP via SpaceDaily"}))
	items = append(items, search.EventItems(ev)...)
	if len(items) != 9 {
		t.Fatalf("%d items, want 9: %+v", len(items), items)
	}
	ix := search.NewIndex(items)
	for q, want := range map[string]string{
		"hawler":  "entity e1 Hewler (Erbil)",
		"afp":     "source s1 AFP (Agence France-Presse)",
		"toured":  "claim c1 Abadi toured the district (Iraqi Forces Retake Qaim)",
		"qaim.tx": "article a1 qaim.txt (AFP via SpaceDaily)",
		"al-qaim": "event v1 Al-Qaim (Fall of Qaim)",
	} {
		rs := ix.Search(q, 1)
		if len(rs) == 0 {
			t.Errorf("Search(%q) found nothing", q)
			continue
		}
		r := rs[0]
		if got := r.Kind + " " + r.ID + " " + r.Text + " (" + r.Parent + ")"; got != want {
			t.Errorf("Search(%q) = %s, want %s", q, got, want)
		}
	}
}
