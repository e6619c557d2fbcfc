package search

import (
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// EntityItems returns an entity's name and each of its aliases as items of
// KindEntity with the entity's ID; an alias carries the entity's name as
// Parent.
func EntityItems(e app.Entity) []Item {
	items := []Item{{Kind: KindEntity, ID: string(e.ID), Text: e.Name}}
	for _, a := range e.Aliases {
		if strings.TrimSpace(a.Name) != "" && a.Name != e.Name {
			items = append(items, Item{Kind: KindEntity, ID: string(e.ID), Text: a.Name, Parent: e.Name})
		}
	}
	return items
}

// SourceItems returns a source's name and aliases as items of KindSource.
func SourceItems(s app.Source) []Item {
	items := []Item{{Kind: KindSource, ID: string(s.ID), Text: s.Name}}
	for _, a := range s.Aliases {
		if strings.TrimSpace(a) != "" && a != s.Name {
			items = append(items, Item{Kind: KindSource, ID: string(s.ID), Text: a, Parent: s.Name})
		}
	}
	return items
}

// ClaimItems returns a claim's statement and its quote as items of
// KindClaim, with the title of its article as Parent.
func ClaimItems(c app.Claim, articleTitle string) []Item {
	var items []Item
	if strings.TrimSpace(c.Statement) != "" {
		items = append(items, Item{Kind: KindClaim, ID: string(c.ID), Text: c.Statement, Parent: articleTitle})
	}
	if strings.TrimSpace(c.Anchor.Exact) != "" && c.Anchor.Exact != c.Statement {
		items = append(items, Item{Kind: KindClaim, ID: string(c.ID), Text: c.Anchor.Exact, Parent: articleTitle})
	}
	return items
}

// ArticleItem returns an article's title as an item of KindArticle, with
// who it comes from ("AFP via SpaceDaily") as Parent. An untitled article
// is listed under its file name.
func ArticleItem(a app.ArticleSummary) Item {
	text := a.Title
	if strings.TrimSpace(text) == "" {
		text = a.Filename
	}
	return Item{Kind: KindArticle, ID: string(a.ID), Text: text, Parent: a.Chain}
}

// EventItems returns an event's title, and its place when it has one, as
// items of KindEvent.
func EventItems(e app.Event) []Item {
	items := []Item{{Kind: KindEvent, ID: string(e.ID), Text: e.Title}}
	if strings.TrimSpace(e.Place) != "" {
		items = append(items, Item{Kind: KindEvent, ID: string(e.ID), Text: e.Place, Parent: e.Title})
	}
	return items
}
