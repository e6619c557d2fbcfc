// Package mock holds in-memory fakes of the app's interfaces, for tests of
// the GUI and the CLI that need no database. They follow the same rules as
// the real store (duplicates refused, not-found errors, analyst provenance)
// but keep nothing on disk.
package mock

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.Case = (*Case)(nil)

// Case is an in-memory app.Case. Safe for concurrent use.
type Case struct {
	mu       sync.Mutex
	path     string
	articles map[app.ID]*app.Article
	sources  map[app.ID]*app.Source
	claims   map[app.ID]*app.Claim
	events   map[app.ID]*app.Event
	entities map[app.ID]*app.Entity
	history  map[app.ID][]app.GradeChange
	removed  map[linkKey]int // where each link a merge deleted stood in its article's list
	closed   bool
}

// NewCase returns an empty in-memory case reporting path as its location.
func NewCase(path string) *Case {
	return &Case{path: path, articles: map[app.ID]*app.Article{}, sources: map[app.ID]*app.Source{}, claims: map[app.ID]*app.Claim{},
		events: map[app.ID]*app.Event{}, entities: map[app.ID]*app.Entity{}, history: map[app.ID][]app.GradeChange{}, removed: map[linkKey]int{}}
}

// Path implements app.Case.
func (c *Case) Path() string { return c.path }

// Close implements app.Case.
func (c *Case) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	return nil
}

// Closed reports whether Close was called.
func (c *Case) Closed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// CreateArticle implements app.ArticleStore.
func (c *Case) CreateArticle(_ context.Context, a *app.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a.TextHash == "" {
		a.TextHash = app.TextHash(a.Text)
	}
	for _, x := range c.articles {
		if x.TextHash == a.TextHash {
			return app.Errorf(app.EConflict, "already in the case as “%s”", x.Title)
		}
	}
	for _, s := range a.Sources {
		if _, ok := c.sources[s.SourceID]; s.SourceID != "" && !ok {
			return app.Errorf(app.ENotFound, "no source %s in this case", s.SourceID)
		}
	}
	if a.ID == "" {
		a.ID = app.NewID()
	}
	now := time.Now().UTC()
	a.ImportedAt, a.UpdatedAt = now, now
	for i, s := range a.Sources {
		if s.SourceID == "" {
			a.Sources[i].SourceID = c.sourceByName(s.Name)
		}
		a.Sources[i].Name = c.sources[a.Sources[i].SourceID].Name
	}
	cp := *a
	cp.Excluded = append([]app.Excluded(nil), a.Excluded...)
	cp.Sources = append([]app.ArticleSource(nil), a.Sources...)
	c.articles[a.ID] = &cp
	return nil
}

// sourceByName finds the source whose name or alias is name (ignoring
// case and spacing), creating it when there is none.
func (c *Case) sourceByName(name string) app.ID {
	if id := c.lookup(name); id != "" {
		return id
	}
	now := time.Now().UTC()
	s := &app.Source{ID: app.NewID(), Name: strings.Join(strings.Fields(name), " "), CreatedAt: now, UpdatedAt: now}
	c.sources[s.ID] = s
	return s.ID
}

// Article implements app.ArticleStore.
func (c *Case) Article(_ context.Context, id app.ID) (*app.Article, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.articles[id]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no article %s in this case", id)
	}
	cp := *a
	cp.Excluded = append([]app.Excluded(nil), a.Excluded...)
	cp.Sources = append([]app.ArticleSource(nil), a.Sources...)
	return &cp, nil
}

// ArticleByHash implements app.ArticleStore.
func (c *Case) ArticleByHash(_ context.Context, hash string) (*app.ArticleSummary, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, a := range c.articles {
		if a.TextHash == hash {
			s := c.summary(a)
			return &s, nil
		}
	}
	return nil, app.Errorf(app.ENotFound, "no article with that text")
}

// ResolveArticleID implements app.ArticleStore.
func (c *Case) ResolveArticleID(_ context.Context, fragment string) (app.ID, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var found []app.ID
	for id := range c.articles {
		if string(id) == fragment {
			return id, nil
		}
		if len(fragment) >= 4 && (strings.HasPrefix(string(id), fragment) || strings.HasSuffix(string(id), fragment)) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", app.Errorf(app.ENotFound, "no article %q in this case", fragment)
	}
	return "", app.Errorf(app.EInvalid, "%q matches %d articles: give more of the id", fragment, len(found))
}

// Articles implements app.ArticleStore.
func (c *Case) Articles(context.Context) ([]app.ArticleSummary, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]app.ArticleSummary, 0, len(c.articles))
	for _, a := range c.articles {
		out = append(out, c.summary(a))
	}
	sort.Slice(out, func(i, j int) bool {
		pi, pj := out[i].Published, out[j].Published
		if pi.Known() != pj.Known() {
			return pi.Known()
		}
		if pi.String() != pj.String() {
			return pi.String() > pj.String()
		}
		if out[i].Title != out[j].Title {
			return out[i].Title < out[j].Title
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func (c *Case) summary(a *app.Article) app.ArticleSummary {
	sum := app.ArticleSummary{
		ID: a.ID, Title: a.Title, Publisher: a.SourceNamed(app.RolePublisher), Origin: a.SourceNamed(app.RoleOrigin),
		Chain: app.Chain(a.Sources), Published: a.Published, Format: a.Format, Filename: a.Filename,
		Runes: utf8.RuneCountInString(a.Text), OriginID: app.ArticleOrigin(a.Sources),
	}
	for _, cl := range c.claims {
		if cl.ArticleID == a.ID {
			sum.Claims++
		}
	}
	if s, ok := c.sources[sum.OriginID]; ok {
		sum.Reliability = s.Reliability
	}
	return sum
}

// UpdateArticle implements app.ArticleStore.
func (c *Case) UpdateArticle(ctx context.Context, id app.ID, p app.ArticlePatch) (*app.Article, error) {
	c.mu.Lock()
	a, ok := c.articles[id]
	if !ok {
		c.mu.Unlock()
		return nil, app.Errorf(app.ENotFound, "no article %s in this case", id)
	}
	analyst := app.Evidence{Basis: app.BasisAnalyst}
	if p.Title != nil {
		if strings.TrimSpace(*p.Title) == "" {
			c.mu.Unlock()
			return nil, app.Errorf(app.EInvalid, "an article needs a title")
		}
		a.Title, a.Known.Title = *p.Title, analyst
	}
	if p.Byline != nil {
		a.Byline, a.Known.Byline = *p.Byline, analyst
	}
	if p.URL != nil {
		a.URL, a.Known.URL = *p.URL, analyst
	}
	if p.Published != nil {
		a.Published, a.Known.Published = *p.Published, analyst
	}
	a.UpdatedAt = time.Now().UTC()
	c.mu.Unlock()
	return c.Article(ctx, id)
}

// SetExcluded implements app.ArticleStore.
func (c *Case) SetExcluded(_ context.Context, id app.ID, ranges []app.Excluded) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.articles[id]
	if !ok {
		return app.Errorf(app.ENotFound, "no article %s in this case", id)
	}
	n := utf8.RuneCountInString(a.Text)
	for _, r := range ranges {
		if err := r.Span.Validate(n); err != nil {
			return err
		}
	}
	a.Excluded = append([]app.Excluded(nil), ranges...)
	return nil
}

// Sources implements app.SourceStore.
func (c *Case) Sources(context.Context) ([]app.Source, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]app.Source, 0, len(c.sources))
	for _, s := range c.sources {
		out = append(out, cloneSource(s))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Source implements app.SourceStore.
func (c *Case) Source(_ context.Context, id app.ID) (*app.Source, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sources[id]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no source %s in this case", id)
	}
	cp := cloneSource(s)
	return &cp, nil
}

// SearchText implements app.TextSearcher with a plain case-insensitive
// substring match over titles and text.
func (c *Case) SearchText(_ context.Context, query string, limit int) ([]app.TextHit, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil, nil
	}
	var out []app.TextHit
	for _, a := range c.articles {
		text := strings.ToLower(a.Text)
		i := strings.Index(text, q)
		if i < 0 && !strings.Contains(strings.ToLower(a.Title), q) {
			continue
		}
		snip := a.Title
		if i >= 0 && len(text) == len(a.Text) {
			end := min(len(a.Text), i+len(q)+40)
			snip = app.MarkStart + a.Text[i:i+len(q)] + app.MarkEnd + a.Text[i+len(q):end]
			if i > 0 {
				snip = "… " + snip // cut marks as the store writes them
			}
			if end < len(a.Text) {
				snip += " …"
			}
		}
		out = append(out, app.TextHit{ArticleID: a.ID, Title: a.Title, Snippet: snip})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
