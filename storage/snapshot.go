package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.ChangeApplier = (*Store)(nil)

// ApplyChanges applies a change set in one transaction: all of it, or,
// when any part is refused, nothing.
//
// Puts come first, in the order that lets references resolve: sources,
// grade history, articles, entities, claims, the entities' aliases (whose
// provenance may name a claim of the same change set), events. Each item
// is created, or replaces the stored item with its id whole: a source's
// aliases, grade and note; an article's metadata, text, TextHash, excluded
// ranges and source links (the full-text index follows); an entity's
// aliases with provenance; a claim's article, anchor, orphan flag, fields
// and entity links (indexed too); an event's links with their stances.
// Ids and timestamps are kept as given (zero times become now). A grade
// history row is added unless an identical one (source, time, grade, note,
// analyst) is stored; putting a graded source does not add one by itself.
// Names may move between the sources (and aliases between the entities)
// of one change set.
//
// Deletions run after the puts, in reverse order: events, claims,
// entities, articles, grade history rows (the first identical row each),
// sources. A deletion removes what it names and nothing else: one that
// would take along, or leave pointing at nothing, something the change set
// neither deletes nor re-puts without the reference is refused, as is a
// deletion of something not in the case.
//
// Refused, with nothing applied, and a message naming the item: an item
// that is invalid (its Validate, and the rules of the Create methods), a
// reference to something not in the case after the change set (ENotFound),
// a name or alias another source or entity holds, an article whose
// TextHash another article has, and a claim left on words that are not its
// quote after its article's text changed (EConflict or EInvalid).
func (s *Store) ApplyChanges(ctx context.Context, cs *app.ChangeSet) error {
	if cs == nil {
		return app.Errorf(app.EInvalid, "There are no changes to apply.")
	}
	if cs.Empty() {
		return nil
	}
	put, err := tidyPut(&cs.Put, now())
	if err != nil {
		return err
	}
	if err := validDeletes(&cs.Delete); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := applyPut(ctx, tx, put); err != nil {
		return err
	}
	if err := applyDeletes(ctx, tx, &cs.Delete); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit changes: %w", err)
	}
	return nil
}

// refused says which item of a change set a user-facing error is about,
// and that nothing was applied. Other errors are wrapped for the log.
func refused(what string, id app.ID, err error) error {
	var e *app.Error
	if !errors.As(err, &e) || e.Code == app.EInternal {
		return fmt.Errorf("%s %s: %w", what, id, err)
	}
	msg := strings.TrimSuffix(e.Message, " The text was not changed.")
	return app.Errorf(e.Code, "Nothing was changed: the %s %s was refused. %s", what, id.Short(), msg)
}

// stampTimes makes zero times at, and every time UTC to the microsecond,
// as the store keeps them.
func stampTimes(at time.Time, times ...*time.Time) {
	for _, t := range times {
		if t.IsZero() {
			*t = at
		}
		*t = t.UTC().Truncate(time.Microsecond)
	}
}

// ids checks an item's id and that no other item of its kind in the
// change set has it.
type ids struct {
	what string
	seen map[app.ID]bool
}

func (s *ids) add(id app.ID) error {
	if !id.Valid() {
		return app.Errorf(app.EInvalid, "Nothing was changed: the changes hold %s whose id “%s” is not an id.", aNoun(s.what), id)
	}
	if s.seen == nil {
		s.seen = map[app.ID]bool{}
	}
	if s.seen[id] {
		return app.Errorf(app.EInvalid, "Nothing was changed: the changes hold the %s %s twice.", s.what, id.Short())
	}
	s.seen[id] = true
	return nil
}

// tidyPut checks every item to put against the rules that need no
// database, as the Create methods do, and returns copies to store.
func tidyPut(p *app.Snapshot, at time.Time) (*app.Snapshot, error) {
	out := &app.Snapshot{}
	seen := ids{what: "source"}
	for i := range p.Sources {
		n, err := tidySource(&p.Sources[i])
		if err != nil {
			return nil, refused("source", p.Sources[i].ID, err)
		}
		if err := seen.add(n.ID); err != nil {
			return nil, err
		}
		stampTimes(at, &n.CreatedAt, &n.UpdatedAt)
		out.Sources = append(out.Sources, n)
	}
	for _, g := range p.History {
		if err := validGradeChange(g); err != nil {
			return nil, refused("grade change of the source", g.SourceID, err)
		}
		stampTimes(at, &g.At)
		out.History = append(out.History, g)
	}
	var err error
	if out.Articles, err = tidyArticles(p.Articles, at); err != nil {
		return nil, err
	}
	seen = ids{what: "entity"}
	for i := range p.Entities {
		n, err := tidyEntity(&p.Entities[i])
		if err != nil {
			return nil, refused("entity", p.Entities[i].ID, err)
		}
		if err := seen.add(n.ID); err != nil {
			return nil, err
		}
		stampTimes(at, &n.CreatedAt, &n.UpdatedAt)
		out.Entities = append(out.Entities, n)
	}
	seen = ids{what: "claim"}
	for i := range p.Claims {
		n, err := newClaim(&p.Claims[i])
		if err != nil {
			return nil, refused("claim", p.Claims[i].ID, err)
		}
		if err := seen.add(n.ID); err != nil {
			return nil, err
		}
		stampTimes(at, &n.CreatedAt, &n.UpdatedAt)
		out.Claims = append(out.Claims, n)
	}
	seen = ids{what: "event"}
	for i := range p.Events {
		n, err := newEvent(&p.Events[i])
		if err != nil {
			return nil, refused("event", p.Events[i].ID, err)
		}
		if err := seen.add(n.ID); err != nil {
			return nil, err
		}
		stampTimes(at, &n.CreatedAt, &n.UpdatedAt)
		out.Events = append(out.Events, n)
	}
	return out, nil
}

// validGradeChange checks one grade history row.
func validGradeChange(g app.GradeChange) error {
	if !g.SourceID.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a source id.", g.SourceID)
	}
	if g.Reliability != app.ReliabilityUngraded && !g.Reliability.Valid() {
		return app.Errorf(app.EInvalid, "“%s” is not a source reliability (A-F).", g.Reliability)
	}
	if err := validText("reliability note", g.Note); err != nil {
		return err
	}
	return validText("analyst's name", g.By)
}

// tidyArticles checks articles as CreateArticle does and returns copies
// to store; two with one TextHash are EConflict.
func tidyArticles(list []app.Article, at time.Time) ([]app.Article, error) {
	var out []app.Article
	seen := ids{what: "article"}
	hashes := map[string]app.ID{}
	for i := range list {
		a := &list[i]
		if err := a.Validate(); err != nil {
			return nil, refused("article", a.ID, err)
		}
		n := *a
		n.Title, n.Byline, n.URL = strings.TrimSpace(a.Title), strings.TrimSpace(a.Byline), strings.TrimSpace(a.URL)
		if err := validArticleFields(&n); err != nil {
			return nil, refused("article", a.ID, err)
		}
		if err := seen.add(n.ID); err != nil {
			return nil, err
		}
		for _, l := range a.Sources {
			if l.SourceID != "" && !l.SourceID.Valid() {
				return nil, refused("article", a.ID, app.Errorf(app.EInvalid, "“%s” is not a source id.", l.SourceID))
			}
		}
		if n.TextHash == "" {
			n.TextHash = app.TextHash(n.Text)
		}
		if other, dup := hashes[n.TextHash]; dup {
			return nil, app.Errorf(app.EConflict, "Nothing was changed: the articles %s and %s have the same text.", other.Short(), n.ID.Short())
		}
		hashes[n.TextHash] = n.ID
		n.Excluded = normalizeExcluded(a.Excluded)
		n.Sources = slices.Clone(a.Sources)
		n.Warnings = slices.Clone(a.Warnings)
		stampTimes(at, &n.ImportedAt, &n.UpdatedAt)
		out = append(out, n)
	}
	return out, nil
}

// validDeletes checks that every deletion names an id.
func validDeletes(d *app.SnapshotDeletes) error {
	for _, group := range []struct {
		what string
		ids  []app.ID
	}{{"source", d.Sources}, {"article", d.Articles}, {"claim", d.Claims}, {"entity", d.Entities}, {"event", d.Events}} {
		for _, id := range group.ids {
			if !id.Valid() {
				return app.Errorf(app.EInvalid, "Nothing was changed: the changes delete %s whose id “%s” is not an id.", aNoun(group.what), id)
			}
		}
	}
	for _, g := range d.History {
		if !g.SourceID.Valid() {
			return app.Errorf(app.EInvalid, "Nothing was changed: the changes delete a grade change of “%s”, which is not a source id.", g.SourceID)
		}
	}
	return nil
}

// aNoun puts "a" or "an" before a noun of this file: "an article".
func aNoun(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}
