package mock

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.ChangeApplier = (*Case)(nil)

// ApplyChanges implements app.ChangeApplier with the case file's rules
// (see storage's ApplyChanges): puts in the order sources, history,
// articles, entities, claims, entity aliases, events, each creating or
// replacing the item with its id whole, ids and times kept; then the
// deletions in reverse order, each refused when something staying still
// refers to the item. It works on a copy of the case and keeps it only
// when every change is accepted, so a refused change set changes nothing.
func (c *Case) ApplyChanges(_ context.Context, cs *app.ChangeSet) error {
	if cs == nil {
		return app.Errorf(app.EInvalid, "nothing was changed: there are no changes to apply")
	}
	if cs.Empty() {
		return nil
	}
	at := stamp(time.Now())
	put, err := tidyPut(&cs.Put, at)
	if err != nil {
		return err
	}
	for _, list := range [][]app.ID{cs.Delete.Sources, cs.Delete.Articles, cs.Delete.Claims, cs.Delete.Entities, cs.Delete.Events} {
		for _, id := range list {
			if !id.Valid() {
				return app.Errorf(app.EInvalid, "nothing was changed: the changes delete %q, which is not an id", id)
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.copyState()
	if err := n.applyPut(put); err != nil {
		return err
	}
	if err := n.applyDeletes(&cs.Delete); err != nil {
		return err
	}
	for _, a := range n.articles { // the case file reads link names from the sources
		for i, l := range a.Sources {
			a.Sources[i].Name = n.sources[l.SourceID].Name
		}
	}
	c.articles, c.sources, c.claims, c.events, c.entities, c.history = n.articles, n.sources, n.claims, n.events, n.entities, n.history
	return nil
}

// copyState returns a case holding deep copies of c's items.
func (c *Case) copyState() *Case {
	n := NewCase(c.path)
	for id, a := range c.articles {
		cp := cloneArticle(a)
		n.articles[id] = &cp
	}
	for id, s := range c.sources {
		cp := cloneSource(s)
		n.sources[id] = &cp
	}
	for id, cl := range c.claims {
		n.claims[id] = cloneClaim(cl)
	}
	for id, e := range c.events {
		cp := cloneEvent(e)
		n.events[id] = &cp
	}
	for id, e := range c.entities {
		cp := cloneEntity(e)
		n.entities[id] = &cp
	}
	for id, h := range c.history {
		n.history[id] = slices.Clone(h)
	}
	return n
}

func cloneArticle(a *app.Article) app.Article {
	cp := *a
	cp.Excluded = slices.Clone(a.Excluded)
	cp.Sources = slices.Clone(a.Sources)
	cp.Warnings = slices.Clone(a.Warnings)
	return cp
}

// refused names the item a change set was refused for.
func refused(what string, id app.ID, err error) error {
	return app.Errorf(app.ErrorCode(err), "nothing was changed: the %s %s was refused: %s", what, id.Short(), app.ErrorMessage(err))
}

// stampAll makes zero times at and every time UTC to the microsecond.
func stampAll(at time.Time, times ...*time.Time) {
	for _, t := range times {
		if t.IsZero() {
			*t = at
		}
		*t = stamp(*t)
	}
}

// applyPut creates or replaces the items of p on c (a copy of the case).
func (c *Case) applyPut(p *app.Snapshot) error {
	if err := c.putSources(p.Sources); err != nil {
		return err
	}
	for _, g := range p.History {
		if _, ok := c.sources[g.SourceID]; !ok {
			return refused("grade change of the source", g.SourceID, app.Errorf(app.ENotFound, "no source %s in this case", g.SourceID))
		}
		if c.gradeRow(g) < 0 {
			h := append(c.history[g.SourceID], g)
			sort.SliceStable(h, func(i, j int) bool { return h[i].At.Before(h[j].At) })
			c.history[g.SourceID] = h
		}
	}
	retexted, err := c.putArticles(p.Articles)
	if err != nil {
		return err
	}
	for _, e := range p.Entities {
		row := cloneEntity(&e)
		row.Aliases = nil
		c.entities[e.ID] = &row
	}
	for i := range p.Claims {
		if err := c.putClaim(&p.Claims[i]); err != nil {
			return refused("claim", p.Claims[i].ID, err)
		}
	}
	for _, e := range p.Entities {
		aliases, err := c.checkAliases(e.ID, e.Aliases, false)
		if err != nil {
			return refused("entity", e.ID, err)
		}
		c.entities[e.ID].Aliases = aliases
	}
	for i := range p.Events {
		e, err := c.checkEvent(&p.Events[i])
		if err != nil {
			return refused("event", p.Events[i].ID, err)
		}
		c.events[e.ID] = &e
	}
	for _, id := range retexted {
		for _, cl := range c.claims {
			if cl.ArticleID == id && !cl.Orphan && !anchorFits(cl, c.articles[id].Text) {
				return refused("article", id, app.Errorf(app.EInvalid, "claim %s would point at the wrong words in the new text", cl.ID.Short()))
			}
		}
	}
	return nil
}

// gradeRow is the index of the first history row identical to g, or -1.
func (c *Case) gradeRow(g app.GradeChange) int {
	return slices.IndexFunc(c.history[g.SourceID], func(x app.GradeChange) bool {
		return stamp(x.At).Equal(stamp(g.At)) && x.By == g.By && x.Note == g.Note && x.Reliability == g.Reliability
	})
}

// putSources creates or replaces sources; a source replaced does not hold
// its old names against the others.
func (c *Case) putSources(list []app.Source) error {
	freed := map[app.ID]bool{}
	for _, s := range list {
		if _, ok := c.sources[s.ID]; ok {
			freed[s.ID] = true
		}
	}
	for _, s := range list {
		delete(freed, s.ID)
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			if id := c.lookupExcept(name, freed); id != "" && id != s.ID {
				return refused("source", s.ID, app.Errorf(app.EConflict, "“%s” already names the source “%s”", name, c.sources[id].Name))
			}
		}
		cp := cloneSource(&s)
		c.sources[s.ID] = &cp
	}
	return nil
}

// lookupExcept is lookup ignoring the sources in skip.
func (c *Case) lookupExcept(name string, skip map[app.ID]bool) app.ID {
	k := key(name)
	for id, s := range c.sources {
		if skip[id] {
			continue
		}
		if key(s.Name) == k || slices.ContainsFunc(s.Aliases, func(al string) bool { return key(al) == k }) {
			return id
		}
	}
	return ""
}

// putArticles creates or replaces articles and returns the ids of those
// whose text changed; an article replaced does not hold its old text
// against the others.
func (c *Case) putArticles(list []app.Article) ([]app.ID, error) {
	freed := map[app.ID]bool{}
	for _, a := range list {
		if _, ok := c.articles[a.ID]; ok {
			freed[a.ID] = true
		}
	}
	var retexted []app.ID
	for _, a := range list {
		delete(freed, a.ID)
		for id, x := range c.articles {
			if id != a.ID && !freed[id] && x.TextHash == a.TextHash {
				return nil, refused("article", a.ID, app.Errorf(app.EConflict, "another article, “%s”, already has this text", x.Title))
			}
		}
		var links []app.ArticleSource
		seen := map[linkKey]bool{}
		for _, l := range a.Sources {
			if l.SourceID == "" {
				l.SourceID = c.sourceByName(l.Name)
			}
			s, ok := c.sources[l.SourceID]
			if !ok {
				return nil, refused("article", a.ID, app.Errorf(app.ENotFound, "no source %s in this case", l.SourceID))
			}
			l.Name = s.Name
			if k := (linkKey{a.ID, l.SourceID, l.Role}); !seen[k] {
				seen[k] = true
				links = append(links, l)
			}
		}
		if old, ok := c.articles[a.ID]; ok && old.Text != a.Text {
			retexted = append(retexted, a.ID)
		}
		cp := cloneArticle(&a)
		cp.Sources = links
		c.articles[a.ID] = &cp
	}
	return retexted, nil
}

// putClaim creates or replaces a claim, checked against the case.
func (c *Case) putClaim(cl *app.Claim) error {
	a, ok := c.articles[cl.ArticleID]
	if !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", cl.ArticleID)
	}
	if !cl.Orphan && !anchorFits(cl, a.Text) {
		return app.Errorf(app.EInvalid, "the claim's quote is not its article's text at its span")
	}
	if _, ok := c.sources[cl.AttributedTo]; cl.AttributedTo != "" && !ok {
		return app.Errorf(app.ENotFound, "no source %s in this case", cl.AttributedTo)
	}
	ents, err := c.entityIDs(cl.EntityIDs)
	if err != nil {
		return err
	}
	n := cloneClaim(cl)
	n.EntityIDs = ents
	c.claims[cl.ID] = n
	return nil
}

// anchorFits reports whether a claim's quote is text's runes at its span.
func anchorFits(cl *app.Claim, text string) bool {
	r := []rune(text)
	return cl.Anchor.End <= len(r) && string(r[cl.Anchor.Start:cl.Anchor.End]) == cl.Anchor.Exact
}

// describe names an item for a refusal.
func describe(what string, id app.ID) string { return fmt.Sprintf("the %s %s", what, id.Short()) }
