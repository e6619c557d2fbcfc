package mock

import (
	"context"
	"slices"
	"sort"

	"github.com/evidence-workbench/workbench/app"
)

// MergeSources implements app.SourceEditor with the real store's rules.
func (c *Case) MergeSources(_ context.Context, keep, drop app.ID) (*app.SourceMerge, error) {
	if keep == drop {
		return nil, app.Errorf(app.EInvalid, "a source cannot be merged into itself")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.sources[keep]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no source %s in this case", keep)
	}
	d, ok := c.sources[drop]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no source %s in this case", drop)
	}
	m := &app.SourceMerge{Keep: keep, Dropped: cloneSource(d), DroppedGrades: slices.Clone(c.history[drop])}
	for _, a := range c.sortedArticles() {
		held := map[app.Role]bool{}
		for _, l := range a.Sources {
			if l.SourceID == keep {
				held[l.Role] = true
			}
		}
		var next []app.ArticleSource
		for i, l := range a.Sources {
			if l.SourceID != drop {
				next = append(next, l)
				continue
			}
			ml := app.MovedLink{ArticleID: a.ID, Role: l.Role, Removed: held[l.Role], Link: l}
			m.Links = append(m.Links, ml)
			if ml.Removed {
				c.removed[linkKey{a.ID, drop, l.Role}] = i
				continue
			}
			l.SourceID, l.Name = keep, k.Name
			next = append(next, l)
		}
		a.Sources = next
	}
	for _, cl := range c.claims {
		if cl.AttributedTo == drop {
			cl.AttributedTo = keep
			m.Claims = append(m.Claims, cl.ID)
		}
	}
	slices.Sort(m.Claims)
	for _, g := range c.history[drop] {
		g.SourceID = keep
		c.history[keep] = append(c.history[keep], g)
	}
	sort.SliceStable(c.history[keep], func(i, j int) bool { return c.history[keep][i].At.Before(c.history[keep][j].At) })
	delete(c.history, drop)
	delete(c.sources, drop)
	has := map[string]bool{key(k.Name): true}
	for _, al := range k.Aliases {
		has[key(al)] = true
	}
	for _, al := range append([]string{d.Name}, d.Aliases...) {
		if !has[key(al)] {
			has[key(al)] = true
			k.Aliases = append(k.Aliases, al)
			m.AddedAliases = append(m.AddedAliases, al)
		}
	}
	return m, nil
}

// UnmergeSources implements app.SourceEditor.
func (c *Case) UnmergeSources(_ context.Context, m *app.SourceMerge) error {
	if m == nil || m.Keep == m.Dropped.ID {
		return app.Errorf(app.EInvalid, "there is no merge to undo")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.sources[m.Keep]
	if !ok {
		return app.Errorf(app.ENotFound, "no source %s in this case", m.Keep)
	}
	drop := m.Dropped.ID
	if _, back := c.sources[drop]; back {
		return app.Errorf(app.EConflict, "“%s” is in the case already: the merge was undone before", m.Dropped.Name)
	}
	added := map[string]bool{}
	for _, al := range m.AddedAliases {
		added[key(al)] = true
	}
	k.Aliases = slices.DeleteFunc(k.Aliases, func(al string) bool { return added[key(al)] })
	d := cloneSource(&m.Dropped)
	c.sources[drop] = &d
	for _, g := range m.DroppedGrades {
		h := c.history[m.Keep]
		i := slices.IndexFunc(h, func(x app.GradeChange) bool {
			return x.At.Equal(g.At) && x.By == g.By && x.Note == g.Note && x.Reliability == g.Reliability
		})
		if i >= 0 {
			c.history[m.Keep] = slices.Delete(h, i, i+1)
		}
		g.SourceID = drop
		c.history[drop] = append(c.history[drop], g)
	}
	for _, id := range m.Claims {
		if cl, ok := c.claims[id]; ok && cl.AttributedTo == m.Keep {
			cl.AttributedTo = drop
		}
	}
	for _, ml := range m.Links {
		a, ok := c.articles[ml.ArticleID]
		if !ok {
			continue
		}
		link := ml.Link
		link.SourceID, link.Name = drop, d.Name
		if !ml.Removed {
			for i, l := range a.Sources {
				if l.SourceID == m.Keep && l.Role == ml.Role {
					a.Sources[i].SourceID, a.Sources[i].Name = drop, d.Name
				}
			}
			continue
		}
		lk := linkKey{ml.ArticleID, drop, ml.Role}
		at, ok := c.removed[lk]
		if !ok || at > len(a.Sources) {
			at = len(a.Sources)
		}
		delete(c.removed, lk)
		a.Sources = slices.Insert(a.Sources, at, link)
	}
	return nil
}
