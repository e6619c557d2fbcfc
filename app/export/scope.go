package export

import (
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Scope chooses what part of a case an export holds. The zero Scope is the
// whole case.
//
// Selected events bring their linked claims, those claims' articles and
// entities, and the sources of those articles and claims (with their grade
// history). An entity brings the claims that name it, and every event one of
// those claims is linked to. An event is always exported whole, with all its
// claims, so its corroboration, confidence and conflicts are the ones the
// analyst sees in the workbench. An alias whose provenance (the article or
// claim it was seen in) falls outside the scope keeps its spelling but loses
// that reference, as it would if the article were deleted.
type Scope struct {
	EventIDs []app.ID // only these events
	EntityID app.ID   // only what names this entity
}

// All reports whether the scope is the whole case.
func (s Scope) All() bool { return len(s.EventIDs) == 0 && s.EntityID == "" }

// Describe says what the scope holds, e.g. "whole case", "2 selected
// events", "entity “Haider al-Abadi”".
func (s Scope) Describe(snap *app.Snapshot) string {
	switch {
	case s.All():
		return "whole case"
	case s.EntityID != "":
		if snap != nil {
			for _, e := range snap.Entities {
				if e.ID == s.EntityID {
					return "entity “" + oneLine(e.Name) + "”"
				}
			}
		}
		return "entity " + s.EntityID.Short()
	case len(s.EventIDs) == 1:
		if snap != nil {
			for _, e := range snap.Events {
				if e.ID == s.EventIDs[0] {
					return "event “" + oneLine(e.Title) + "”"
				}
			}
		}
		return "1 selected event"
	}
	return fmt.Sprintf("%d selected events", len(s.EventIDs))
}

// Apply returns the part of snap the scope holds. The whole case is snap
// itself; any other scope is a new, self-consistent snapshot (every id it
// refers to is in it), so a scoped Workbench JSON reads back into an empty
// case.
func (s Scope) Apply(snap *app.Snapshot) (*app.Snapshot, error) {
	if s.All() {
		return snap, nil
	}
	if len(s.EventIDs) > 0 && s.EntityID != "" {
		return nil, app.Errorf(app.EInvalid, "choose either events or an entity to export, not both")
	}
	events := map[app.ID]bool{}
	claims := map[app.ID]bool{}
	if s.EntityID != "" {
		found := false
		for _, e := range snap.Entities {
			found = found || e.ID == s.EntityID
		}
		if !found {
			return nil, app.Errorf(app.ENotFound, "no entity %s in this case: pick one from the entity list", s.EntityID.Short())
		}
		for _, c := range snap.Claims {
			for _, id := range c.EntityIDs {
				if id == s.EntityID {
					claims[c.ID] = true
				}
			}
		}
		for _, e := range snap.Events {
			for _, l := range e.Claims {
				if claims[l.ClaimID] {
					events[e.ID] = true
				}
			}
		}
	}
	for _, id := range s.EventIDs {
		events[id] = true
	}
	out := &app.Snapshot{}
	seen := map[app.ID]bool{}
	for _, e := range snap.Events {
		if events[e.ID] {
			seen[e.ID] = true
			out.Events = append(out.Events, e)
			for _, l := range e.Claims {
				claims[l.ClaimID] = true
			}
		}
	}
	for _, id := range s.EventIDs {
		if !seen[id] {
			return nil, app.Errorf(app.ENotFound, "no event %s in this case: it may have been deleted", id.Short())
		}
	}
	articles := map[app.ID]bool{}
	entities := map[app.ID]bool{}
	sources := map[app.ID]bool{}
	if s.EntityID != "" {
		entities[s.EntityID] = true
	}
	for _, c := range snap.Claims {
		if claims[c.ID] {
			out.Claims = append(out.Claims, c)
			articles[c.ArticleID] = true
			if c.AttributedTo != "" {
				sources[c.AttributedTo] = true
			}
			for _, id := range c.EntityIDs {
				entities[id] = true
			}
		}
	}
	for _, a := range snap.Articles {
		if articles[a.ID] {
			out.Articles = append(out.Articles, a)
			for _, l := range a.Sources {
				if l.SourceID != "" {
					sources[l.SourceID] = true
				}
			}
		}
	}
	for _, src := range snap.Sources {
		if sources[src.ID] {
			out.Sources = append(out.Sources, src)
		}
	}
	for _, h := range snap.History {
		if sources[h.SourceID] {
			out.History = append(out.History, h)
		}
	}
	for _, e := range snap.Entities {
		if !entities[e.ID] {
			continue
		}
		e.Aliases = append([]app.Alias(nil), e.Aliases...)
		for i := range e.Aliases {
			if !articles[e.Aliases[i].ArticleID] {
				e.Aliases[i].ArticleID = ""
			}
			if !claims[e.Aliases[i].ClaimID] {
				e.Aliases[i].ClaimID = ""
			}
		}
		out.Entities = append(out.Entities, e)
	}
	return out, nil
}

// ParseScope reads the CLI's scope: "all" (or ""), "events:ID,ID" or
// "entity:REF". Event ids and the entity reference are returned as typed;
// resolve turns each into a full id (the store's Resolve methods accept id
// fragments, titles and names).
func ParseScope(s string, resolveEvent, resolveEntity func(ref string) (app.ID, error)) (Scope, error) {
	s = strings.TrimSpace(s)
	kind, rest, _ := strings.Cut(s, ":")
	switch strings.ToLower(kind) {
	case "", "all":
		if rest != "" {
			break
		}
		return Scope{}, nil
	case "events", "event":
		var sc Scope
		for _, ref := range strings.Split(rest, ",") {
			if ref = strings.TrimSpace(ref); ref == "" {
				continue
			}
			id, err := resolveEvent(ref)
			if err != nil {
				return Scope{}, err
			}
			sc.EventIDs = append(sc.EventIDs, id)
		}
		if len(sc.EventIDs) == 0 {
			return Scope{}, app.Errorf(app.EInvalid, "events: needs at least one event id, e.g. events:1a2b3c4d,5e6f7a8b")
		}
		return sc, nil
	case "entity":
		ref := strings.TrimSpace(rest)
		if ref == "" {
			return Scope{}, app.Errorf(app.EInvalid, "entity: needs an entity name or id, e.g. entity:Husaybah")
		}
		id, err := resolveEntity(ref)
		if err != nil {
			return Scope{}, err
		}
		return Scope{EntityID: id}, nil
	}
	return Scope{}, app.Errorf(app.EInvalid, "%q is not a scope: use all, events:ID,ID or entity:NAME", s)
}
