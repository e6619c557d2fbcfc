package merge

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// NewPlan compares their case with ours and plans the merge (see the
// package documentation for the rules). Neither snapshot is changed; a nil
// snapshot is an empty case.
func NewPlan(ours, theirs *app.Snapshot) *Plan {
	if ours == nil {
		ours = &app.Snapshot{}
	}
	if theirs == nil {
		theirs = &app.Snapshot{}
	}
	p := &Plan{ours: ours, Counts: map[Kind]Count{}}
	ix := indexOurs(ours)
	ids := p.mapSources(ix, theirs.Sources)
	p.mapArticles(ix, theirs.Articles, ids)
	p.mapEntities(ix, theirs.Entities, ids)
	t := rewrite(theirs, ids)
	p.planSources(ix, t.Sources)
	p.planHistory(ix, t.History)
	p.planArticles(ix, t.Articles)
	p.planEntities(ix, t.Entities)
	p.planClaims(ix, t.Claims)
	p.planEvents(ix, t.Events)
	// The claims the default choices would move or orphan.
	if _, notes, err := p.build(nil); err == nil {
		p.Notes = append(p.Notes, notes...)
	}
	return p
}

// index holds our case by id and by the keys a merge matches on.
type index struct {
	sources  map[app.ID]*app.Source
	srcNames map[string]app.ID // name and alias keys of our sources
	articles map[app.ID]*app.Article
	hashes   map[string]app.ID
	entities map[app.ID]*app.Entity
	aliases  map[string]app.ID // alias keys of our entities
	entNames map[string]app.ID // name and alias keys of our entities
	claims   map[app.ID]*app.Claim
	events   map[app.ID]*app.Event
	// claimList is our claims in the case's order.
	claimList []app.Claim
	history   []app.GradeChange
}

func indexOurs(s *app.Snapshot) *index {
	ix := &index{sources: map[app.ID]*app.Source{}, srcNames: map[string]app.ID{}, articles: map[app.ID]*app.Article{},
		hashes: map[string]app.ID{}, entities: map[app.ID]*app.Entity{}, aliases: map[string]app.ID{}, entNames: map[string]app.ID{},
		claims: map[app.ID]*app.Claim{}, events: map[app.ID]*app.Event{}, history: s.History, claimList: s.Claims}
	for i := range s.Sources {
		src := &s.Sources[i]
		ix.sources[src.ID] = src
		for _, n := range append([]string{src.Name}, src.Aliases...) {
			if _, taken := ix.srcNames[key(n)]; !taken {
				ix.srcNames[key(n)] = src.ID
			}
		}
	}
	for i := range s.Articles {
		a := &s.Articles[i]
		ix.articles[a.ID] = a
		ix.hashes[hashOf(a)] = a.ID
	}
	for i := range s.Entities {
		e := &s.Entities[i]
		ix.entities[e.ID] = e
		for _, al := range e.Aliases {
			ix.aliases[key(al.Name)] = e.ID
		}
		for _, n := range append([]string{e.Name}, aliasNames(e.Aliases)...) {
			if _, dup := ix.entNames[key(n)]; !dup {
				ix.entNames[key(n)] = e.ID
			}
		}
	}
	for i := range s.Claims {
		ix.claims[s.Claims[i].ID] = &s.Claims[i]
	}
	for i := range s.Events {
		ix.events[s.Events[i].ID] = &s.Events[i]
	}
	return ix
}

// aliasNames are the names of a list of aliases.
func aliasNames(list []app.Alias) []string {
	out := make([]string, len(list))
	for i, al := range list {
		out[i] = al.Name
	}
	return out
}

// key is how names are compared: case and spacing ignored.
func key(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// hashOf is an article's duplicate key, computed when it was not stored.
func hashOf(a *app.Article) string {
	if a.TextHash != "" {
		return a.TextHash
	}
	return app.TextHash(a.Text)
}

// count records one item of kind k as added, identical or differing.
func (p *Plan) count(k Kind, added, differing bool) {
	c := p.Counts[k]
	switch {
	case added:
		c.Added++
	case differing:
		c.Differing++
	default:
		c.Identical++
	}
	p.Counts[k] = c
}

// difference lists an item both hold whose content differs.
func (p *Plan) difference(k Kind, id app.ID, label string, fields []Field, ours, theirs any) {
	p.count(k, false, len(fields) > 0)
	if len(fields) > 0 {
		p.Differences = append(p.Differences, Difference{Key: Key{k, id}, Label: label, Fields: fields, Ours: ours, Theirs: theirs})
	}
}

// added lists an item only theirs holds.
func (p *Plan) added(k Kind, id app.ID, label string) {
	p.count(k, true, false)
	p.Added = append(p.Added, Item{Key: Key{k, id}, Label: label})
}

func (p *Plan) planSources(ix *index, theirs []app.Source) {
	paired := map[app.ID]bool{}
	for _, t := range theirs {
		o, ok := ix.sources[t.ID]
		if !ok {
			t.Aliases = p.freeSourceAliases(ix, t)
			p.add.Sources = append(p.add.Sources, t)
			p.added(KindSource, t.ID, t.Name)
			continue
		}
		if paired[t.ID] {
			// Two of theirs are one of ours: the first one's content is compared.
			continue
		}
		paired[t.ID] = true
		t.Aliases = slices.DeleteFunc(t.Aliases, func(al string) bool {
			owner, taken := ix.srcNames[key(al)]
			return taken && owner != t.ID
		})
		f := diffSource(o, &t)
		p.sources = append(p.sources, pair[app.Source]{ours: *o, theirs: t, fields: f})
		p.difference(KindSource, t.ID, o.Name, f, *o, t)
	}
}

// freeSourceAliases drops the aliases of a source of theirs that name
// another of our sources, saying so.
func (p *Plan) freeSourceAliases(ix *index, s app.Source) []string {
	var out []string
	for _, al := range s.Aliases {
		if owner, taken := ix.srcNames[key(al)]; taken && owner != s.ID {
			p.Notes = append(p.Notes, fmt.Sprintf("the alias “%s” of their source “%s” is left out: it names our source “%s”", al, s.Name, ix.sources[owner].Name))
			continue
		}
		out = append(out, al)
	}
	return out
}

func (p *Plan) planHistory(ix *index, theirs []app.GradeChange) {
	have := slices.Clone(ix.history)
	for _, g := range theirs {
		if slices.ContainsFunc(have, func(x app.GradeChange) bool { return sameGrade(x, g) }) {
			continue
		}
		have = append(have, g)
		p.add.History = append(p.add.History, g)
		p.HistoryAdded++
	}
}

// sameGrade reports whether two history rows are the same row; times are
// compared to the microsecond, as case files keep them.
func sameGrade(a, b app.GradeChange) bool {
	return a.SourceID == b.SourceID && a.At.Truncate(time.Microsecond).Equal(b.At.Truncate(time.Microsecond)) &&
		a.Reliability == b.Reliability && a.Note == b.Note && a.By == b.By
}

func (p *Plan) planArticles(ix *index, theirs []app.Article) {
	for _, t := range theirs {
		o, ok := ix.articles[t.ID]
		if !ok {
			p.add.Articles = append(p.add.Articles, t)
			p.added(KindArticle, t.ID, articleLabel(&t))
			continue
		}
		f := diffArticle(o, &t)
		p.arts = append(p.arts, pair[app.Article]{ours: *o, theirs: t, fields: f})
		p.difference(KindArticle, t.ID, articleLabel(o), f, *o, t)
	}
}

func (p *Plan) planEntities(ix *index, theirs []app.Entity) {
	for _, t := range theirs {
		o, ok := ix.entities[t.ID]
		if !ok {
			t.Aliases = p.freeEntityAliases(ix, t.ID, t.Name, t.Aliases)
			p.add.Entities = append(p.add.Entities, t)
			p.added(KindEntity, t.ID, t.Name)
			continue
		}
		t.Aliases = p.freeEntityAliases(ix, t.ID, t.Name, t.Aliases)
		p.LinksAdded += len(newAliases(o, t.Aliases))
		f := diffEntity(o, &t)
		p.ents = append(p.ents, pair[app.Entity]{ours: *o, theirs: t, fields: f})
		p.difference(KindEntity, t.ID, o.Name, f, *o, t)
	}
}

// newAliases are the aliases of list that e has neither as name nor as alias.
func newAliases(e *app.Entity, list []app.Alias) []app.Alias {
	has := map[string]bool{key(e.Name): true}
	for _, al := range e.Aliases {
		has[key(al.Name)] = true
	}
	var out []app.Alias
	for _, al := range list {
		if !has[key(al.Name)] {
			has[key(al.Name)] = true
			out = append(out, al)
		}
	}
	return out
}

// freeEntityAliases drops the aliases that another of our entities holds,
// saying so (an alias names one entity only).
func (p *Plan) freeEntityAliases(ix *index, id app.ID, name string, list []app.Alias) []app.Alias {
	var out []app.Alias
	for _, al := range list {
		if owner, taken := ix.aliases[key(al.Name)]; taken && owner != id {
			p.Notes = append(p.Notes, fmt.Sprintf("the alias “%s” of their entity “%s” is left out: it names our entity “%s”", al.Name, name, ix.entities[owner].Name))
			continue
		}
		out = append(out, al)
	}
	return out
}

func (p *Plan) planClaims(ix *index, theirs []app.Claim) {
	for _, t := range theirs {
		o, ok := ix.claims[t.ID]
		if !ok {
			p.add.Claims = append(p.add.Claims, t)
			p.added(KindClaim, t.ID, claimLabel(&t))
			continue
		}
		p.LinksAdded += len(extraIDs(o.EntityIDs, t.EntityIDs))
		f := diffClaim(o, &t)
		p.claims = append(p.claims, pair[app.Claim]{ours: *o, theirs: t, fields: f})
		p.difference(KindClaim, t.ID, claimLabel(o), f, *o, t)
	}
}

// extraIDs are the ids of theirs that ours lacks, in their order.
func extraIDs(ours, theirs []app.ID) []app.ID {
	var out []app.ID
	for _, id := range theirs {
		if !slices.Contains(ours, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (p *Plan) planEvents(ix *index, theirs []app.Event) {
	for _, t := range theirs {
		o, ok := ix.events[t.ID]
		if !ok {
			p.add.Events = append(p.add.Events, t)
			p.added(KindEvent, t.ID, t.Title)
			continue
		}
		for _, l := range t.Claims {
			if !slices.ContainsFunc(o.Claims, func(x app.EventClaim) bool { return x.ClaimID == l.ClaimID }) {
				p.LinksAdded++
			}
		}
		f := diffEvent(o, &t)
		p.events = append(p.events, pair[app.Event]{ours: *o, theirs: t, fields: f})
		p.difference(KindEvent, t.ID, o.Title, f, *o, t)
	}
}

// articleLabel names an article for the analyst.
func articleLabel(a *app.Article) string {
	if strings.TrimSpace(a.Title) != "" {
		return a.Title
	}
	return "untitled article " + a.ID.Short()
}

// claimLabel names a claim for the analyst: its statement, or its quote.
func claimLabel(c *app.Claim) string {
	if s := strings.TrimSpace(c.Statement); s != "" {
		return clip(s)
	}
	return "“" + clip(c.Anchor.Exact) + "”"
}

// clip shortens s to 60 runes on one line.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
