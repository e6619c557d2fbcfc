package timeline

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// Store is what building a timeline reads from a case.
type Store interface {
	Events(ctx context.Context) ([]app.Event, error)
	Claims(ctx context.Context, f app.ClaimFilter) ([]app.Claim, error)
	Articles(ctx context.Context) ([]app.ArticleSummary, error)
	Sources(ctx context.Context) ([]app.Source, error)
}

// Load reads everything the timeline is built from. Articles contribute
// only the source they speak for (app.ArticleOrigin, as the store's
// summaries carry it), which is all a claim's origin needs.
func Load(ctx context.Context, st Store) (Input, error) {
	evs, err := st.Events(ctx)
	if err != nil {
		return Input{}, err
	}
	cs, err := st.Claims(ctx, app.ClaimFilter{})
	if err != nil {
		return Input{}, err
	}
	arts, err := st.Articles(ctx)
	if err != nil {
		return Input{}, err
	}
	ss, err := st.Sources(ctx)
	if err != nil {
		return Input{}, err
	}
	in := Input{Events: evs, Claims: cs, Articles: make(map[app.ID][]app.ArticleSource, len(arts)), Sources: make(map[app.ID]app.Source, len(ss))}
	for _, a := range arts {
		if a.OriginID != "" {
			in.Articles[a.ID] = []app.ArticleSource{{SourceID: a.OriginID, Role: app.RoleOrigin}}
		}
	}
	for _, s := range ss {
		in.Sources[s.ID] = s
	}
	if el, ok := st.(interface {
		Entities(context.Context) ([]app.Entity, error)
	}); ok {
		es, err := el.Entities(ctx)
		if err != nil {
			return Input{}, err
		}
		in.Entities = make(map[app.ID]string, len(es))
		for _, e := range es {
			in.Entities[e.ID] = e.Name
		}
	}
	return in, nil
}
