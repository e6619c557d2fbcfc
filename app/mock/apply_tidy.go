package mock

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// uniqueIDs refuses an id that is not one, or that two items of a kind share.
func uniqueIDs[T any](what string, list []T, id func(*T) app.ID) error {
	seen := map[app.ID]bool{}
	for i := range list {
		x := id(&list[i])
		if !x.Valid() {
			return app.Errorf(app.EInvalid, "nothing was changed: the changes hold the %s %q, which is not an id", what, x)
		}
		if seen[x] {
			return app.Errorf(app.EInvalid, "nothing was changed: the changes hold the %s %s twice", what, x)
		}
		seen[x] = true
	}
	return nil
}

// tidyPut checks what needs no case and returns the items to store.
func tidyPut(p *app.Snapshot, at time.Time) (*app.Snapshot, error) {
	out := &app.Snapshot{}
	for i := range p.Sources {
		s, err := tidy(&p.Sources[i])
		if err != nil {
			return nil, refused("source", p.Sources[i].ID, err)
		}
		stampAll(at, &s.CreatedAt, &s.UpdatedAt)
		out.Sources = append(out.Sources, s)
	}
	for _, g := range p.History {
		if !g.SourceID.Valid() || g.Reliability != "" && !g.Reliability.Valid() {
			return nil, app.Errorf(app.EInvalid, "nothing was changed: the changes hold a grade change that names no source or no grade")
		}
		stampAll(at, &g.At)
		out.History = append(out.History, g)
	}
	hashes := map[string]bool{}
	for i := range p.Articles {
		a, err := tidyArticle(&p.Articles[i], at)
		if err != nil {
			return nil, refused("article", p.Articles[i].ID, err)
		}
		if hashes[a.TextHash] {
			return nil, app.Errorf(app.EConflict, "nothing was changed: two articles of the changes have the same text")
		}
		hashes[a.TextHash] = true
		out.Articles = append(out.Articles, a)
	}
	for i := range p.Entities {
		e, err := tidyEntity(&p.Entities[i])
		if err != nil {
			return nil, refused("entity", p.Entities[i].ID, err)
		}
		stampAll(at, &e.CreatedAt, &e.UpdatedAt)
		out.Entities = append(out.Entities, e)
	}
	for i := range p.Claims {
		cl, err := tidyClaim(&p.Claims[i])
		if err != nil {
			return nil, refused("claim", p.Claims[i].ID, err)
		}
		stampAll(at, &cl.CreatedAt, &cl.UpdatedAt)
		out.Claims = append(out.Claims, cl)
	}
	for i := range p.Events {
		e, err := tidyEvent(&p.Events[i])
		if err != nil {
			return nil, refused("event", p.Events[i].ID, err)
		}
		stampAll(at, &e.CreatedAt, &e.UpdatedAt)
		out.Events = append(out.Events, e)
	}
	for _, err := range []error{
		uniqueIDs("source", out.Sources, func(s *app.Source) app.ID { return s.ID }),
		uniqueIDs("article", out.Articles, func(a *app.Article) app.ID { return a.ID }),
		uniqueIDs("entity", out.Entities, func(e *app.Entity) app.ID { return e.ID }),
		uniqueIDs("claim", out.Claims, func(c *app.Claim) app.ID { return c.ID }),
		uniqueIDs("event", out.Events, func(e *app.Event) app.ID { return e.ID }),
	} {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// tidyArticle checks an article as the case file does and returns a copy
// to store: metadata trimmed, hash set, excluded ranges in text order.
func tidyArticle(a *app.Article, at time.Time) (app.Article, error) {
	if err := a.Validate(); err != nil {
		return app.Article{}, err
	}
	n := cloneArticle(a)
	n.Title, n.Byline, n.URL = strings.TrimSpace(a.Title), strings.TrimSpace(a.Byline), strings.TrimSpace(a.URL)
	for _, l := range a.Sources {
		if l.SourceID != "" && !l.SourceID.Valid() {
			return app.Article{}, app.Errorf(app.EInvalid, "%q is not a source id", l.SourceID)
		}
	}
	if n.TextHash == "" {
		n.TextHash = app.TextHash(n.Text)
	}
	for i := range n.Excluded {
		if n.Excluded[i].Kind == "" {
			n.Excluded[i].Kind = app.BoilerOther
		}
	}
	slices.SortStableFunc(n.Excluded, func(x, y app.Excluded) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End))
	})
	stampAll(at, &n.ImportedAt, &n.UpdatedAt)
	return n, nil
}

// tidyClaim checks a claim as the case file does and returns a copy to
// store, entity links given twice once.
func tidyClaim(cl *app.Claim) (app.Claim, error) {
	if err := validClaim(cl); err != nil {
		return app.Claim{}, err
	}
	if cl.AttributedTo != "" && !cl.AttributedTo.Valid() {
		return app.Claim{}, app.Errorf(app.EInvalid, "%q is not a source id", cl.AttributedTo)
	}
	if cl.Anchor.Start < 0 {
		return app.Claim{}, app.Errorf(app.EInvalid, "the claim's span starts before its text does")
	}
	if q := cl.Quantity; q != nil && (math.IsNaN(q.Value) || math.IsInf(q.Value, 0)) {
		return app.Claim{}, app.Errorf(app.EInvalid, "a quantity needs a number")
	}
	n := *cloneClaim(cl)
	n.EntityIDs = nil
	for _, id := range cl.EntityIDs {
		if !slices.Contains(n.EntityIDs, id) {
			n.EntityIDs = append(n.EntityIDs, id)
		}
	}
	if len(n.Tags) == 0 {
		n.Tags = nil
	}
	return n, nil
}

// tidyEvent checks an event as the case file does before it looks at the
// case: title and place trimmed, links by claim id, each claim once.
func tidyEvent(e *app.Event) (app.Event, error) {
	n := cloneEvent(e)
	n.Title, n.Place = strings.TrimSpace(e.Title), strings.TrimSpace(e.Place)
	if err := n.Validate(); err != nil {
		return app.Event{}, err
	}
	if n.When.IsZero() && n.When != (app.When{}) {
		return app.Event{}, app.Errorf(app.EInvalid, "the event's date has no start day")
	}
	seen := map[app.ID]bool{}
	for _, l := range n.Claims {
		if !l.ClaimID.Valid() || seen[l.ClaimID] {
			return app.Event{}, app.Errorf(app.EInvalid, "the event links %q twice, or something that is not a claim id", l.ClaimID)
		}
		seen[l.ClaimID] = true
	}
	if !utf8.ValidString(n.Title + n.Place + n.Description) {
		return app.Event{}, app.Errorf(app.EInvalid, "the event's text is not valid UTF-8")
	}
	return n, nil
}
