package mock

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.EntityStore = (*Case)(nil)

// cloneEntity copies an entity with its aliases (none: nil).
func cloneEntity(e *app.Entity) app.Entity {
	cp := *e
	cp.Aliases = nil
	if len(e.Aliases) > 0 {
		cp.Aliases = slices.Clone(e.Aliases)
	}
	return cp
}

// tidyEntity validates an entity as the case file does and returns a copy
// to store: name and aliases with white space collapsed, aliases that are
// empty or repeat the name or an earlier alias (ignoring case) dropped.
func tidyEntity(e *app.Entity) (app.Entity, error) {
	if e == nil {
		return app.Entity{}, app.Errorf(app.EInvalid, "there is no entity to store")
	}
	n := *e
	n.Name = strings.Join(strings.Fields(e.Name), " ")
	if err := n.Validate(); err != nil {
		return app.Entity{}, err
	}
	if !utf8.ValidString(n.Name) || !utf8.ValidString(n.Notes) {
		return app.Entity{}, app.Errorf(app.EInvalid, "the entity's name or notes are not valid UTF-8 text")
	}
	n.Aliases = nil
	seen := map[string]bool{key(n.Name): true}
	for _, al := range e.Aliases {
		al.Name = strings.Join(strings.Fields(al.Name), " ")
		if !utf8.ValidString(al.Name) {
			return app.Entity{}, app.Errorf(app.EInvalid, "the alias is not valid UTF-8 text")
		}
		if al.ArticleID != "" && !al.ArticleID.Valid() || al.ClaimID != "" && !al.ClaimID.Valid() {
			return app.Entity{}, app.Errorf(app.EInvalid, "the alias %q was seen in something that is not an id", al.Name)
		}
		if al.Name == "" || seen[key(al.Name)] {
			continue
		}
		seen[key(al.Name)] = true
		n.Aliases = append(n.Aliases, al)
	}
	return n, nil
}

// aliasOwner returns the entity other than the ones excepted that has an
// alias with name's key, or nil.
func (c *Case) aliasOwner(name string, except ...app.ID) *app.Entity {
	k := key(name)
	for id, e := range c.entities {
		if slices.Contains(except, id) {
			continue
		}
		if slices.ContainsFunc(e.Aliases, func(al app.Alias) bool { return key(al.Name) == k }) {
			return e
		}
	}
	return nil
}

// checkAliases refuses, in the case file's order, an alias of id another
// entity (or one of except) has, and provenance that is not in the case;
// with lenient, such provenance is cleared instead. It returns the aliases
// as they would be stored.
func (c *Case) checkAliases(id app.ID, aliases []app.Alias, lenient bool, except ...app.ID) ([]app.Alias, error) {
	out := slices.Clone(aliases)
	for i, al := range out {
		if e := c.aliasOwner(al.Name, append([]app.ID{id}, except...)...); e != nil {
			return nil, app.Errorf(app.EConflict, "the alias “%s” already names the entity “%s”", al.Name, e.Name)
		}
		if _, ok := c.articles[al.ArticleID]; al.ArticleID != "" && !ok {
			if !lenient {
				return nil, app.Errorf(app.ENotFound, "the alias “%s” was seen in the article %s, which is not in this case", al.Name, al.ArticleID)
			}
			out[i].ArticleID = ""
		}
		if _, ok := c.claims[al.ClaimID]; al.ClaimID != "" && !ok {
			if !lenient {
				return nil, app.Errorf(app.ENotFound, "the alias “%s” was seen in the claim %s, which is not in this case", al.Name, al.ClaimID)
			}
			out[i].ClaimID = ""
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// CreateEntity implements app.EntityStore with the case file's rules.
func (c *Case) CreateEntity(_ context.Context, e *app.Entity) error {
	n, err := tidyEntity(e)
	if err != nil {
		return err
	}
	switch {
	case n.ID == "":
		n.ID = app.NewID()
	case !n.ID.Valid():
		return app.Errorf(app.EInvalid, "%q is not an entity id", n.ID)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.entities[n.ID]; dup {
		return app.Errorf(app.EConflict, "entity %s exists already", n.ID)
	}
	if n.Aliases, err = c.checkAliases(n.ID, n.Aliases, false); err != nil {
		return err
	}
	now := time.Now()
	if n.CreatedAt.IsZero() {
		n.CreatedAt = now
	}
	if n.UpdatedAt.IsZero() {
		n.UpdatedAt = now
	}
	n.CreatedAt, n.UpdatedAt = stamp(n.CreatedAt), stamp(n.UpdatedAt)
	stored := cloneEntity(&n)
	c.entities[n.ID] = &stored
	*e = n
	return nil
}

// Entity implements app.EntityStore.
func (c *Case) Entity(_ context.Context, id app.ID) (*app.Entity, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entities[id]
	if !ok {
		return nil, app.Errorf(app.ENotFound, "no entity %s in this case", id)
	}
	cp := cloneEntity(e)
	return &cp, nil
}

// Entities implements app.EntityStore: by name ignoring case, then id.
func (c *Case) Entities(context.Context) ([]app.Entity, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []app.Entity
	for _, e := range c.entities {
		out = append(out, cloneEntity(e))
	}
	sort.Slice(out, func(i, j int) bool {
		if ki, kj := key(out[i].Name), key(out[j].Name); ki != kj {
			return ki < kj
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// UpdateEntity implements app.EntityStore: kind, name, notes and aliases.
func (c *Case) UpdateEntity(_ context.Context, e *app.Entity) error {
	n, err := tidyEntity(e)
	if err != nil {
		return err
	}
	if !n.ID.Valid() {
		return app.Errorf(app.EInvalid, "%q is not an entity id", n.ID)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	cur, ok := c.entities[n.ID]
	if !ok {
		return app.Errorf(app.ENotFound, "no entity %s in this case", n.ID)
	}
	if n.Aliases, err = c.checkAliases(n.ID, n.Aliases, false); err != nil {
		return err
	}
	n.CreatedAt, n.UpdatedAt = cur.CreatedAt, stamp(time.Now())
	*cur = cloneEntity(&n)
	*e = n
	return nil
}

// DeleteEntity implements app.EntityStore: the claims lose their links.
func (c *Case) DeleteEntity(_ context.Context, id app.ID) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entities[id]; !ok {
		return app.Errorf(app.ENotFound, "no entity %s in this case", id)
	}
	delete(c.entities, id)
	for _, cl := range c.claims { // as the case file's ON DELETE CASCADE does
		cl.EntityIDs = slices.DeleteFunc(cl.EntityIDs, func(x app.ID) bool { return x == id })
		if len(cl.EntityIDs) == 0 {
			cl.EntityIDs = nil
		}
	}
	return nil
}

// ResolveEntityID implements app.EntityStore: full id, name or alias
// ignoring case, then a unique id prefix or suffix of at least four
// characters.
func (c *Case) ResolveEntityID(_ context.Context, ref string) (app.ID, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", app.Errorf(app.EInvalid, "name an entity by its name, an alias or its id")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f := strings.ToLower(ref)
	if _, ok := c.entities[app.ID(f)]; ok {
		return app.ID(f), nil
	}
	var named, fits []app.ID
	for id, e := range c.entities {
		if key(e.Name) == key(ref) || slices.ContainsFunc(e.Aliases, func(al app.Alias) bool { return key(al.Name) == key(ref) }) {
			named = append(named, id)
		}
		if len(f) >= 4 && strings.Trim(f, "0123456789abcdef-") == "" && (strings.HasPrefix(string(id), f) || strings.HasSuffix(string(id), f)) {
			fits = append(fits, id)
		}
	}
	for _, found := range [][]app.ID{named, fits} {
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return "", app.Errorf(app.EInvalid, "%q fits %d entities: give more of the id", ref, len(found))
		}
	}
	return "", app.Errorf(app.ENotFound, "no entity %q in this case", ref)
}

// ClaimsOfEntity implements app.EntityStore, in the order Claims lists
// claims.
func (c *Case) ClaimsOfEntity(_ context.Context, id app.ID) ([]app.ID, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entities[id]; !ok {
		return nil, app.Errorf(app.ENotFound, "no entity %s in this case", id)
	}
	return c.claimsLinking(id), nil
}

// claimsLinking lists the claims that link an entity, in claim order.
func (c *Case) claimsLinking(id app.ID) []app.ID {
	var list []*app.Claim
	for _, cl := range c.claims {
		if slices.Contains(cl.EntityIDs, id) {
			list = append(list, cl)
		}
	}
	sort.Slice(list, func(i, j int) bool { return claimBefore(list[i], list[j]) })
	var out []app.ID
	for _, cl := range list {
		out = append(out, cl.ID)
	}
	return out
}
