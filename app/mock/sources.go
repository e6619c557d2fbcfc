package mock

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.SourceEditor = (*Case)(nil)

// linkKey names one article-source link.
type linkKey struct {
	article, source app.ID
	role            app.Role
}

// key is how source names and aliases are compared: case and spacing ignored.
func key(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

func cloneSource(s *app.Source) app.Source {
	cp := *s
	cp.Aliases = slices.Clone(s.Aliases)
	return cp
}

// lookup returns the source whose name or alias has name's key, or "".
func (c *Case) lookup(name string) app.ID {
	k := key(name)
	for id, s := range c.sources {
		if key(s.Name) == k {
			return id
		}
		for _, al := range s.Aliases {
			if key(al) == k {
				return id
			}
		}
	}
	return ""
}

// tidy validates a source and returns a copy with spacing collapsed and
// aliases that repeat the name or each other dropped.
func tidy(s *app.Source) (app.Source, error) {
	if s == nil {
		return app.Source{}, app.Errorf(app.EInvalid, "there is no source to store")
	}
	if err := s.Validate(); err != nil {
		return app.Source{}, err
	}
	n := *s
	n.Name = strings.Join(strings.Fields(s.Name), " ")
	n.Aliases = nil
	seen := map[string]bool{key(n.Name): true}
	for _, al := range s.Aliases {
		al = strings.Join(strings.Fields(al), " ")
		if al != "" && !seen[key(al)] {
			seen[key(al)] = true
			n.Aliases = append(n.Aliases, al)
		}
	}
	return n, nil
}

// clash refuses a name or alias of n that another source already has.
func (c *Case) clash(n *app.Source) error {
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		if id := c.lookup(name); id != "" && id != n.ID {
			return app.Errorf(app.EConflict, "“%s” already names the source “%s”", name, c.sources[id].Name)
		}
	}
	return nil
}

// CreateSource implements app.SourceEditor.
func (c *Case) CreateSource(_ context.Context, s *app.Source) error {
	n, err := tidy(s)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if n.ID == "" {
		n.ID = app.NewID()
	}
	if _, dup := c.sources[n.ID]; dup {
		return app.Errorf(app.EConflict, "source %s exists already", n.ID)
	}
	if err := c.clash(&n); err != nil {
		return err
	}
	n.CreatedAt = time.Now().UTC()
	n.UpdatedAt = n.CreatedAt
	if n.Reliability != "" {
		c.history[n.ID] = []app.GradeChange{{SourceID: n.ID, Reliability: n.Reliability, Note: n.ReliabilityNote, At: n.CreatedAt}}
	}
	cp := cloneSource(&n)
	c.sources[n.ID] = &cp
	*s = n
	return nil
}

// UpdateSource implements app.SourceEditor.
func (c *Case) UpdateSource(_ context.Context, s *app.Source) error {
	n, err := tidy(s)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	cur, ok := c.sources[n.ID]
	if !ok {
		return app.Errorf(app.ENotFound, "no source %s in this case", n.ID)
	}
	if err := c.clash(&n); err != nil {
		return err
	}
	n.Reliability, n.ReliabilityNote, n.CreatedAt = cur.Reliability, cur.ReliabilityNote, cur.CreatedAt
	n.UpdatedAt = time.Now().UTC()
	cp := cloneSource(&n)
	c.sources[n.ID] = &cp
	*s = n
	return nil
}

// GradeSource implements app.SourceEditor.
func (c *Case) GradeSource(_ context.Context, id app.ID, r app.Reliability, note, by string) error {
	if r != "" && !r.Valid() {
		return app.Errorf(app.EInvalid, "%q is not a source reliability (A-F)", r)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sources[id]
	if !ok {
		return app.Errorf(app.ENotFound, "no source %s in this case", id)
	}
	at := time.Now().UTC()
	note, by = strings.TrimSpace(note), strings.TrimSpace(by)
	s.Reliability, s.ReliabilityNote, s.UpdatedAt = r, note, at
	c.history[id] = append(c.history[id], app.GradeChange{SourceID: id, Reliability: r, Note: note, By: by, At: at})
	return nil
}

// SourceHistory implements app.SourceEditor.
func (c *Case) SourceHistory(_ context.Context, id app.ID) ([]app.GradeChange, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.sources[id]; !ok {
		return nil, app.Errorf(app.ENotFound, "no source %s in this case", id)
	}
	return slices.Clone(c.history[id]), nil
}

// SourceUsage implements app.SourceEditor.
func (c *Case) SourceUsage(context.Context) (map[app.ID]app.SourceUsage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.usage(), nil
}

func (c *Case) usage() map[app.ID]app.SourceUsage {
	out := make(map[app.ID]app.SourceUsage, len(c.sources))
	for id := range c.sources {
		out[id] = app.SourceUsage{}
	}
	for _, a := range c.articles {
		seen := map[app.ID]bool{}
		for _, l := range a.Sources {
			if u, ok := out[l.SourceID]; ok && !seen[l.SourceID] {
				seen[l.SourceID] = true
				u.Articles++
				out[l.SourceID] = u
			}
		}
	}
	for _, cl := range c.claims {
		if u, ok := out[cl.AttributedTo]; ok {
			u.Claims++
			out[cl.AttributedTo] = u
		}
	}
	return out
}

// DeleteSource implements app.SourceEditor.
func (c *Case) DeleteSource(_ context.Context, id app.ID) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sources[id]
	if !ok {
		return app.Errorf(app.ENotFound, "no source %s in this case", id)
	}
	if u := c.usage()[id]; u.Articles > 0 || u.Claims > 0 {
		return app.Errorf(app.EConflict, "“%s” is still used by %d articles and %d claims; merge it instead", s.Name, u.Articles, u.Claims)
	}
	delete(c.sources, id)
	delete(c.history, id)
	return nil
}

// SetArticleSources implements app.SourceEditor.
func (c *Case) SetArticleSources(_ context.Context, articleID app.ID, links []app.ArticleSource) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.articles[articleID]
	if !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", articleID)
	}
	for _, l := range links {
		if !l.Role.Valid() {
			return app.Errorf(app.EInvalid, "unknown source role %q", l.Role)
		}
		if _, ok := c.sources[l.SourceID]; l.SourceID != "" && !ok {
			return app.Errorf(app.ENotFound, "no source %s in this case", l.SourceID)
		}
		if l.SourceID == "" && strings.TrimSpace(l.Name) == "" {
			return app.Errorf(app.EInvalid, "a linked source needs a name")
		}
	}
	var out []app.ArticleSource
	seen := map[linkKey]bool{}
	for _, l := range links {
		if l.SourceID == "" {
			l.SourceID = c.sourceByName(l.Name)
		}
		l.Name = c.sources[l.SourceID].Name
		if k := (linkKey{articleID, l.SourceID, l.Role}); !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	a.Sources = out
	a.UpdatedAt = time.Now().UTC()
	return nil
}

// ResolveSource implements app.SourceEditor.
func (c *Case) ResolveSource(_ context.Context, ref string) (*app.Source, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, app.Errorf(app.EInvalid, "name a source")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	id := app.ID(strings.ToLower(ref))
	if _, ok := c.sources[id]; !ok {
		id = c.lookup(ref)
	}
	if id == "" && len(ref) >= 4 {
		var found []app.ID
		for sid := range c.sources {
			if strings.HasPrefix(string(sid), strings.ToLower(ref)) || strings.HasSuffix(string(sid), strings.ToLower(ref)) {
				found = append(found, sid)
			}
		}
		if len(found) > 1 {
			return nil, app.Errorf(app.EInvalid, "%q fits %d sources: give more of the id", ref, len(found))
		}
		if len(found) == 1 {
			id = found[0]
		}
	}
	if id == "" {
		return nil, app.Errorf(app.ENotFound, "no source %q in this case", ref)
	}
	cp := cloneSource(c.sources[id])
	return &cp, nil
}

// sortedArticles lists the articles by id, as the real store walks them.
func (c *Case) sortedArticles() []*app.Article {
	out := make([]*app.Article, 0, len(c.articles))
	for _, a := range c.articles {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
