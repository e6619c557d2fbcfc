package ui

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/search"
)

// entityItems are the case's entities and aliases for the palette, when the
// store keeps entities.
func entityItems(ctx context.Context, k app.Case) []search.Item {
	es, ok := k.(interface {
		Entities(context.Context) ([]app.Entity, error)
	})
	if !ok {
		return nil
	}
	list, err := es.Entities(ctx)
	if err != nil {
		return nil
	}
	var items []search.Item
	for _, e := range list {
		items = append(items, search.EntityItems(e)...)
	}
	return items
}
