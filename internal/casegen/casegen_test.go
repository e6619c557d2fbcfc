package casegen_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/internal/casegen"
)

func TestNewArticleIsDeterministicAndDistinct(t *testing.T) {
	a, b := casegen.NewArticle(1, 7), casegen.NewArticle(1, 7)
	if a.Text != b.Text || a.Title != b.Title {
		t.Fatal("the same seed and index gave two texts")
	}
	hashes := map[string]int{}
	for i := range 200 {
		g := casegen.NewArticle(1, i)
		if n := len(g.Text); n < 1500 || n > 6000 {
			t.Errorf("article %d is %d bytes, want a news-sized text", i, n)
		}
		if h := app.TextHash(g.Text); hashes[h] > 0 {
			t.Fatalf("articles %d and %d have the same text", hashes[h]-1, i)
		} else {
			hashes[h] = i + 1
		}
		runes := []rune(g.Text)
		for _, s := range g.Sentences {
			if s[0] < 0 || s[1] > len(runes) || s[0] >= s[1] {
				t.Fatalf("article %d: sentence span %v outside the text", i, s)
			}
			if got := string(runes[s[1]-1]); got != "." {
				t.Fatalf("article %d: sentence %q does not end the sentence", i, string(runes[s[0]:s[1]]))
			}
		}
	}
}

func TestGenerateFillsACase(t *testing.T) {
	ctx := context.Background()
	k := mock.NewCase("/tmp/gen.ewcase")
	spec := casegen.Spec{Seed: 3, Articles: 30, ClaimsPerArticle: 5, Entities: 40, AliasesPerEntity: 2, Events: 12, LinksPerEvent: 3}
	stages := map[string]bool{}
	st, err := casegen.Generate(ctx, k, spec, func(stage string, done, total int) { stages[stage] = true })
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"articles", "entities", "claims", "events"} {
		if !stages[s] {
			t.Errorf("no progress for %s", s)
		}
	}
	arts, _ := k.Articles(ctx)
	claims, _ := k.Claims(ctx, app.ClaimFilter{})
	ents, _ := k.Entities(ctx)
	evs, _ := k.Events(ctx)
	if len(arts) != 30 || len(claims) != 150 || len(ents) != 40 || len(evs) != 12 {
		t.Fatalf("case holds %d articles, %d claims, %d entities, %d events", len(arts), len(claims), len(ents), len(evs))
	}
	if st.Articles != 30 || st.Claims != 150 || st.Entities != 40 || st.Events != 12 {
		t.Errorf("stats %+v", st)
	}
	links := 0
	for _, e := range evs {
		links += len(e.Claims)
	}
	if links != st.Links || links < 12 {
		t.Errorf("%d links stored, stats say %d", links, st.Links)
	}
	texts := map[app.ID]string{}
	for _, s := range arts {
		a, err := k.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = a.Text
	}
	dated := 0
	for _, c := range claims {
		runes := []rune(texts[c.ArticleID])
		if got := string(runes[c.Anchor.Start:c.Anchor.End]); got != c.Anchor.Exact || utf8.RuneCountInString(got) != c.Anchor.Len() {
			t.Fatalf("claim %s quotes %q, text there is %q", c.ID, c.Anchor.Exact, got)
		}
		if c.When != nil {
			dated++
		}
	}
	if dated == 0 || dated == len(claims) {
		t.Errorf("%d of %d claims dated, want some", dated, len(claims))
	}
	aliases := 0
	for _, e := range ents {
		aliases += len(e.Aliases)
	}
	if aliases < 60 {
		t.Errorf("%d aliases for 40 entities", aliases)
	}
}

func TestWriteArticles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	paths, err := casegen.WriteArticles(dir, 5, 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 || !strings.HasSuffix(paths[0], "article-000010.txt") {
		t.Fatalf("paths %v", paths)
	}
	b, err := os.ReadFile(paths[2])
	if err != nil || string(b) != casegen.NewArticle(5, 12).Text {
		t.Fatalf("file holds %d bytes (%v), want article 12", len(b), err)
	}
}
