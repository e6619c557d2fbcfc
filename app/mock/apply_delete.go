package mock

import (
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// applyDeletes removes what d names from c (a copy of the case), in the
// case file's order, refusing a deletion something staying refers to.
func (c *Case) applyDeletes(d *app.SnapshotDeletes) error {
	notFound := func(what string, id app.ID) error {
		return app.Errorf(app.ENotFound, "nothing was changed: %s, which the changes delete, is not in this case", describe(what, id))
	}
	inUse := func(what string, id app.ID, why string) error {
		return app.Errorf(app.EConflict, "nothing was changed: the changes delete %s, but %s", describe(what, id), why)
	}
	for _, id := range d.Events {
		if _, ok := c.events[id]; !ok {
			return notFound("event", id)
		}
		delete(c.events, id)
	}
	for _, id := range d.Claims {
		for _, e := range c.events {
			if slices.ContainsFunc(e.Claims, func(l app.EventClaim) bool { return l.ClaimID == id }) {
				return inUse("claim", id, "the event “"+e.Title+"” still links it")
			}
		}
		for _, e := range c.entities {
			if !slices.Contains(d.Entities, e.ID) && slices.ContainsFunc(e.Aliases, func(al app.Alias) bool { return al.ClaimID == id }) {
				return inUse("claim", id, "an alias of the entity “"+e.Name+"” was seen in it")
			}
		}
		if _, ok := c.claims[id]; !ok {
			return notFound("claim", id)
		}
		delete(c.claims, id)
	}
	for _, id := range d.Entities {
		if ids := c.claimsLinking(id); len(ids) > 0 {
			return inUse("entity", id, "a claim still links it")
		}
		if _, ok := c.entities[id]; !ok {
			return notFound("entity", id)
		}
		delete(c.entities, id)
	}
	for _, id := range d.Articles {
		for _, cl := range c.claims {
			if cl.ArticleID == id {
				return inUse("article", id, "its claims stay")
			}
		}
		for _, e := range c.entities {
			if slices.ContainsFunc(e.Aliases, func(al app.Alias) bool { return al.ArticleID == id }) {
				return inUse("article", id, "an alias of the entity “"+e.Name+"” was seen in it")
			}
		}
		if _, ok := c.articles[id]; !ok {
			return notFound("article", id)
		}
		delete(c.articles, id)
	}
	for _, g := range d.History {
		i := c.gradeRow(g)
		if i < 0 {
			return app.Errorf(app.ENotFound, "nothing was changed: a grade change the changes delete is not in this case")
		}
		c.history[g.SourceID] = slices.Delete(c.history[g.SourceID], i, i+1)
	}
	for _, id := range d.Sources {
		if u := c.usage()[id]; u.Articles > 0 || u.Claims > 0 {
			return inUse("source", id, "articles or claims still use it")
		}
		if _, ok := c.sources[id]; !ok {
			return notFound("source", id)
		}
		delete(c.sources, id)
		delete(c.history, id)
	}
	return nil
}
