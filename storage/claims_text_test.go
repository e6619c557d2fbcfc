package storage_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// editCase holds an article with three claims, and the article's text as
// edited: a line added in front, and the sentence of the second claim
// rewritten, so that claim is orphaned.
type editCase struct {
	s        *storage.Store
	a, other *app.Article
	claims   []app.Claim // as stored
	newText  string
	newEx    []app.Excluded
	moved    []app.Claim // the claims re-anchored on newText
}

func newEditCase(t *testing.T) *editCase {
	t.Helper()
	e := &editCase{s: newCase(t)}
	e.a = article("Qaim falls", qaimText)
	e.a.Excluded = []app.Excluded{{Span: app.Span{Start: 0, End: 8}, Kind: app.BoilerMasthead}}
	mustCreate(t, e.s, e.a)
	e.other = mustCreate(t, e.s, article("Other", "A different report about Rawa."))
	for _, q := range []string{"Iraqi forces retook", "1,500 civilians", "Rawa"} {
		c := newClaim(t, e.a, q, "says "+q)
		c.Notes = "checked"
		e.claims = append(e.claims, *mustClaim(t, e.s, c))
	}
	e.newText = "UPDATE: " + strings.Replace(qaimText, "About 1,500 civilians were freed.", "Some civilians were freed.", 1)
	e.newEx = []app.Excluded{{Span: app.Span{Start: 0, End: 7}, Kind: app.BoilerOther, ByAnalyst: true}}
	for i, q := range []string{"Iraqi forces retook", "", "Rawa"} {
		c := e.claims[i]
		if q == "" {
			c.Orphan = true // the old anchor is kept
		} else {
			c.Anchor = anchorAt(t, e.newText, q)
		}
		e.moved = append(e.moved, c)
	}
	return e
}

// state is everything ReplaceArticleText may change.
type state struct {
	article *app.Article
	claims  []app.Claim
	hits    []app.TextHit
}

func (e *editCase) state(t *testing.T) state {
	t.Helper()
	ctx := context.Background()
	a, err := e.s.Article(ctx, e.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := e.s.Claims(ctx, app.ClaimFilter{ArticleID: e.a.ID})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := e.s.SearchText(ctx, "update", 5)
	if err != nil {
		t.Fatal(err)
	}
	return state{a, claims, hits}
}

func TestReplaceArticleText(t *testing.T) {
	ctx := context.Background()
	e := newEditCase(t)
	old := e.state(t)
	time.Sleep(2 * time.Millisecond)
	if err := e.s.ReplaceArticleText(ctx, e.a.ID, e.newText, e.newEx, e.moved); err != nil {
		t.Fatal(err)
	}
	now := e.state(t)
	if now.article.Text != e.newText || now.article.TextHash != app.TextHash(e.newText) ||
		!reflect.DeepEqual(now.article.Excluded, e.newEx) || !now.article.UpdatedAt.After(old.article.UpdatedAt) {
		t.Errorf("article after replace: %+v", now.article)
	}
	if now.article.Title != old.article.Title || !reflect.DeepEqual(now.article.Sources, old.article.Sources) {
		t.Errorf("replace changed metadata: %+v", now.article)
	}
	if sum, err := e.s.ArticleByHash(ctx, app.TextHash(e.newText)); err != nil || sum.ID != e.a.ID || sum.Runes != len([]rune(e.newText)) || sum.Claims != 3 {
		t.Errorf("summary by new hash = %+v, %v", sum, err)
	}
	if _, err := e.s.ArticleByHash(ctx, app.TextHash(qaimText)); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("old hash still finds the article: %v", err)
	}
	if len(now.hits) != 1 || now.hits[0].ArticleID != e.a.ID {
		t.Errorf("new text not searchable: %+v", now.hits)
	}
	if hits, _ := e.s.SearchText(ctx, "about", 5); len(hits) != 1 || hits[0].ArticleID != e.other.ID {
		t.Errorf("old text still searchable: %+v", hits)
	}
	// The claims list in text order: the orphan keeps its old offsets.
	want := []app.Claim{e.moved[0], e.moved[1], e.moved[2]}
	for i := range now.claims {
		if !now.claims[i].UpdatedAt.After(e.claims[0].UpdatedAt) {
			t.Errorf("claim %d UpdatedAt not moved: %v", i, now.claims[i].UpdatedAt)
		}
		want[i].UpdatedAt = now.claims[i].UpdatedAt
	}
	if !reflect.DeepEqual(now.claims, want) {
		t.Errorf("claims after replace:\n%+v\nwant\n%+v", now.claims, want)
	}
	if orphans, _ := e.s.Claims(ctx, app.ClaimFilter{Orphans: true}); len(orphans) != 1 || orphans[0].ID != e.claims[1].ID {
		t.Errorf("orphans = %+v", orphans)
	}

	// Only anchors move: the rest of a claim given is not read.
	again := e.moved
	again[0].Statement = "not stored"
	if err := e.s.ReplaceArticleText(ctx, e.a.ID, e.newText, e.newEx, again[:1]); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.s.Claim(ctx, e.claims[0].ID); c.Statement != e.claims[0].Statement {
		t.Errorf("ReplaceArticleText wrote the statement: %q", c.Statement)
	}

	// Undo: the old text, ranges and anchors, as they were.
	if err := e.s.ReplaceArticleText(ctx, e.a.ID, qaimText, old.article.Excluded, e.claims); err != nil {
		t.Fatal(err)
	}
	back := e.state(t)
	back.article.UpdatedAt = old.article.UpdatedAt
	for i := range back.claims {
		back.claims[i].UpdatedAt = old.claims[i].UpdatedAt
	}
	if !reflect.DeepEqual(back, old) {
		t.Errorf("after undo:\n%+v\nwant\n%+v", back, old)
	}
}

// A ReplaceArticleText that fails, before or after it wrote the text,
// leaves the article, its ranges, its claims and the index as they were.
func TestReplaceArticleTextIsAtomic(t *testing.T) {
	ctx := context.Background()
	e := newEditCase(t)
	before := e.state(t)
	with := func(edit func(cs []app.Claim)) []app.Claim {
		cs := append([]app.Claim(nil), e.moved...)
		edit(cs)
		return cs
	}
	tests := map[string]struct {
		id     app.ID
		text   string
		ex     []app.Excluded
		claims []app.Claim
		code   app.Code
	}{
		// These fail inside the transaction, after the text and the first
		// claims were written.
		"last claim unknown": {claims: with(func(cs []app.Claim) { cs[2].ID = app.NewID() }), code: app.ENotFound},
		"last claim misplaced": {claims: with(func(cs []app.Claim) {
			cs[2].Anchor = e.claims[2].Anchor // still on the old offsets
		}), code: app.EInvalid},
		"claim left behind": {claims: e.moved[:2], code: app.EInvalid},
		"another article's text": {
			text: "a  different report about RAWA.", claims: e.moved, code: app.EConflict,
		},
		// These are refused before it starts.
		"claim of another article": {claims: with(func(cs []app.Claim) { cs[0].ArticleID = e.other.ID }), code: app.EInvalid},
		"negative span":            {claims: with(func(cs []app.Claim) { cs[0].Anchor.Start = -1 }), code: app.EInvalid},
		"range past the end":       {ex: []app.Excluded{{Span: app.Span{Start: 10, End: 1000}}}, claims: e.moved, code: app.EInvalid},
		"no text":                  {text: " \n ", claims: e.moved, code: app.EInvalid},
		"bad UTF-8":                {text: e.newText + "\xff", claims: e.moved, code: app.EInvalid},
		"unknown article":          {id: app.NewID(), code: app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			id, text, ex := e.a.ID, e.newText, e.newEx
			if tc.id != "" {
				id = tc.id
			}
			if tc.text != "" {
				text = tc.text
			}
			if tc.ex != nil {
				ex = tc.ex
			}
			wantCode(t, e.s.ReplaceArticleText(ctx, id, text, ex, tc.claims), tc.code)
			if after := e.state(t); !reflect.DeepEqual(after, before) {
				t.Errorf("refused replace changed the case:\n%+v\nwant\n%+v", after, before)
			}
		})
	}
	// A claim that is not given but still fits the new text may stay.
	longer := qaimText + " More follows."
	if err := e.s.ReplaceArticleText(ctx, e.a.ID, longer, nil, nil); err != nil {
		t.Errorf("appending text: %v", err)
	}
}
