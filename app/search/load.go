package search

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// CaseReader is what indexing a case reads.
type CaseReader interface {
	Articles(ctx context.Context) ([]app.ArticleSummary, error)
	Claims(ctx context.Context, f app.ClaimFilter) ([]app.Claim, error)
	Sources(ctx context.Context) ([]app.Source, error)
	Events(ctx context.Context) ([]app.Event, error)
}

// entityLister is met by stores that keep entities.
type entityLister interface {
	Entities(ctx context.Context) ([]app.Entity, error)
}

// CaseIndex is the fuzzy index over a whole case, with where each claim lives.
type CaseIndex struct {
	*Index
	ClaimArticle map[string]app.ID // claim id -> its article
}

// LoadIndex reads a case into one index over its articles, claims,
// sources, events and (when the store keeps them) entities with aliases.
func LoadIndex(ctx context.Context, k CaseReader) (*CaseIndex, error) {
	arts, err := k.Articles(ctx)
	if err != nil {
		return nil, err
	}
	titles := make(map[app.ID]string, len(arts))
	var items []Item
	for _, a := range arts {
		titles[a.ID] = a.Title
		items = append(items, ArticleItem(a))
	}
	claims, err := k.Claims(ctx, app.ClaimFilter{})
	if err != nil {
		return nil, err
	}
	ci := &CaseIndex{ClaimArticle: make(map[string]app.ID, len(claims))}
	for _, c := range claims {
		items = append(items, ClaimItems(c, titles[c.ArticleID])...)
		ci.ClaimArticle[string(c.ID)] = c.ArticleID
	}
	ss, err := k.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range ss {
		items = append(items, SourceItems(s)...)
	}
	evs, err := k.Events(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		items = append(items, EventItems(e)...)
	}
	if el, ok := k.(entityLister); ok {
		es, err := el.Entities(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			items = append(items, EntityItems(e)...)
		}
	}
	ci.Index = NewIndex(items)
	return ci, nil
}
