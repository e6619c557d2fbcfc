package merge

import (
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// mapSources returns their source ids that name one of our sources under
// another id (same name, or their name is our alias), mapped to ours.
func (p *Plan) mapSources(ix *index, theirs []app.Source) map[app.ID]app.ID {
	ids := map[app.ID]app.ID{}
	for _, s := range theirs {
		if _, same := ix.sources[s.ID]; same {
			continue
		}
		if ours, ok := ix.srcNames[key(s.Name)]; ok {
			ids[s.ID] = ours
			p.Mapped = append(p.Mapped, Mapping{Kind: KindSource, Theirs: s.ID, Ours: ours, Label: s.Name, Why: "same name"})
		}
	}
	return ids
}

// mapEntities adds to ids their entities that are ours under another id:
// their entity's name is our entity's name or one of its spellings (case
// and spacing ignored). Two analysts who each made "Al-Qaim" get one
// entity with both sets of spellings and claims, not two. An entity of ours
// that two of theirs name is matched to the first only.
func (p *Plan) mapEntities(ix *index, theirs []app.Entity, ids map[app.ID]app.ID) {
	taken := map[app.ID]bool{}
	for _, e := range theirs {
		taken[e.ID] = true // their ids that are ours already
	}
	for _, e := range theirs {
		if _, same := ix.entities[e.ID]; same {
			continue
		}
		ours, ok := ix.entNames[key(e.Name)]
		if !ok || taken[ours] {
			continue
		}
		taken[ours] = true
		ids[e.ID] = ours
		p.Mapped = append(p.Mapped, Mapping{Kind: KindEntity, Theirs: e.ID, Ours: ours, Label: e.Name, Why: "same name"})
	}
}

// mapArticles adds to ids their articles that are ours under another id
// (the same text, by TextHash).
func (p *Plan) mapArticles(ix *index, theirs []app.Article, ids map[app.ID]app.ID) {
	for i := range theirs {
		a := &theirs[i]
		if _, same := ix.articles[a.ID]; same {
			continue
		}
		if ours, ok := ix.hashes[hashOf(a)]; ok {
			ids[a.ID] = ours
			p.Mapped = append(p.Mapped, Mapping{Kind: KindArticle, Theirs: a.ID, Ours: ours, Label: articleLabel(a), Why: "same text"})
		}
	}
}

// rewrite copies their snapshot with the mapped ids replaced by ours
// wherever they stand: items, links, attributions, provenance, history.
func rewrite(s *app.Snapshot, ids map[app.ID]app.ID) *app.Snapshot {
	m := func(id app.ID) app.ID {
		if o, ok := ids[id]; ok {
			return o
		}
		return id
	}
	t := &app.Snapshot{}
	for _, src := range s.Sources {
		src.ID, src.Aliases = m(src.ID), slices.Clone(src.Aliases)
		t.Sources = append(t.Sources, src)
	}
	for _, g := range s.History {
		g.SourceID = m(g.SourceID)
		t.History = append(t.History, g)
	}
	for _, a := range s.Articles {
		a.ID = m(a.ID)
		a.Sources = slices.Clone(a.Sources)
		for i := range a.Sources {
			a.Sources[i].SourceID = m(a.Sources[i].SourceID)
		}
		a.Excluded, a.Warnings = slices.Clone(a.Excluded), slices.Clone(a.Warnings)
		t.Articles = append(t.Articles, a)
	}
	for _, e := range s.Entities {
		e.ID, e.Aliases = m(e.ID), slices.Clone(e.Aliases)
		for i := range e.Aliases {
			e.Aliases[i].ArticleID = m(e.Aliases[i].ArticleID)
		}
		t.Entities = append(t.Entities, e)
	}
	for _, c := range s.Claims {
		t.Claims = append(t.Claims, copyClaim(c, m))
	}
	for _, e := range s.Events {
		e.Claims = slices.Clone(e.Claims)
		t.Events = append(t.Events, e)
	}
	return t
}

// copyClaim copies a claim with its own lists and parts, ids through m.
func copyClaim(c app.Claim, m func(app.ID) app.ID) app.Claim {
	c.ArticleID, c.AttributedTo = m(c.ArticleID), m(c.AttributedTo)
	c.Tags, c.EntityIDs = slices.Clone(c.Tags), slices.Clone(c.EntityIDs)
	seen := map[app.ID]bool{}
	c.EntityIDs = slices.DeleteFunc(c.EntityIDs, func(id app.ID) bool { // two of their entities may be one of ours
		dup := seen[m(id)]
		seen[m(id)] = true
		return dup
	})
	for i := range c.EntityIDs {
		c.EntityIDs[i] = m(c.EntityIDs[i])
	}
	if c.Quantity != nil {
		q := *c.Quantity
		c.Quantity = &q
	}
	if c.When != nil {
		w := *c.When
		c.When = &w
	}
	return c
}
