package merge

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// ChangeSet builds the change set that merges their case into ours with
// the analyst's choices: every difference not in choices keeps our
// version, so nothing of ours is overwritten unless chosen. Items only in
// theirs, the union of links and aliases and the grade history rows only
// theirs has are always in it; a merge deletes nothing. A choice for a
// difference the plan does not hold, or a choice that is neither Ours nor
// Theirs, is EInvalid; their name for a source that another of our
// sources has is EConflict.
func (p *Plan) ChangeSet(choices map[Key]Choice) (*app.ChangeSet, error) {
	cs, _, err := p.build(choices)
	return cs, err
}

// TakeAll is the choices that resolve every difference the same way.
func (p *Plan) TakeAll(c Choice) map[Key]Choice {
	out := make(map[Key]Choice, len(p.Differences))
	for _, d := range p.Differences {
		out[d.Key] = c
	}
	return out
}

// build is ChangeSet with notes on the claims it had to move or orphan.
func (p *Plan) build(choices map[Key]Choice) (*app.ChangeSet, []string, error) {
	known := make(map[Key]bool, len(p.Differences))
	for _, d := range p.Differences {
		known[d.Key] = true
	}
	for k, c := range choices {
		if !known[k] {
			return nil, nil, app.Errorf(app.EInvalid, "The merge has no difference on the %s %s to choose for.", k.Kind, k.ID.Short())
		}
		if c != Ours && c != Theirs {
			return nil, nil, app.Errorf(app.EInvalid, "Choose ours or theirs for the %s %s.", k.Kind, k.ID.Short())
		}
	}
	take := func(k Kind, id app.ID, fields []Field) bool { return len(fields) > 0 && choices[Key{k, id}] == Theirs }
	ix := indexOurs(p.ours)
	put := &app.Snapshot{History: slices.Clone(p.add.History)}

	put.Sources = slices.Clone(p.add.Sources)
	for _, sp := range p.sources {
		if !take(KindSource, sp.ours.ID, sp.fields) {
			continue
		}
		v := sp.theirs
		if owner, ok := ix.srcNames[key(v.Name)]; ok && owner != v.ID {
			return nil, nil, app.Errorf(app.EConflict, "Their name for the source “%s”, “%s”, names our source “%s”: keep our version, or merge the two sources first.",
				sp.ours.Name, v.Name, ix.sources[owner].Name)
		}
		v.CreatedAt = sp.ours.CreatedAt
		put.Sources = append(put.Sources, v)
	}

	// texts is each article's text after the merge, where it is not ours.
	texts := map[app.ID]string{}
	put.Articles = slices.Clone(p.add.Articles)
	for _, a := range p.add.Articles {
		texts[a.ID] = a.Text
	}
	for _, ap := range p.arts {
		if !take(KindArticle, ap.ours.ID, ap.fields) {
			continue
		}
		v := ap.theirs
		v.ImportedAt = ap.ours.ImportedAt
		if hashOf(&v) == hashOf(&ap.ours) {
			// The same text in other spacing: ours stays, with its ranges.
			v.Text, v.TextHash, v.Excluded = ap.ours.Text, ap.ours.TextHash, ap.ours.Excluded
		} else {
			texts[v.ID] = v.Text
		}
		put.Articles = append(put.Articles, v)
	}

	put.Entities = resolve(KindEntity, p.ents, p.add.Entities, take, func(e *app.Entity) app.ID { return e.ID },
		func(e *app.Entity, ours, other app.Entity) {
			e.CreatedAt = ours.CreatedAt
			e.Aliases = append(slices.Clone(e.Aliases), newAliases(e, other.Aliases)...)
		})
	put.Claims = resolve(KindClaim, p.claims, p.add.Claims, take, func(c *app.Claim) app.ID { return c.ID },
		func(c *app.Claim, ours, other app.Claim) {
			*c = copyClaim(*c, func(id app.ID) app.ID { return id })
			c.CreatedBy, c.CreatedAt = ours.CreatedBy, ours.CreatedAt
			c.EntityIDs = append(c.EntityIDs, extraIDs(c.EntityIDs, other.EntityIDs)...)
		})
	put.Events = resolve(KindEvent, p.events, p.add.Events, take, func(e *app.Event) app.ID { return e.ID },
		func(e *app.Event, ours, other app.Event) {
			e.CreatedAt = ours.CreatedAt
			e.Claims = slices.Clone(e.Claims)
			for _, l := range other.Claims {
				if !slices.ContainsFunc(e.Claims, func(x app.EventClaim) bool { return x.ClaimID == l.ClaimID }) {
					e.Claims = append(e.Claims, l)
				}
			}
		})
	notes := placeClaims(ix, put, texts)
	return &app.ChangeSet{Put: *put}, notes, nil
}

// resolve lists the items of one kind to put: those only theirs has
// (added), then each item both hold that the merge changes. That item is
// the version chosen (ours unless theirs was chosen for a difference),
// joined by join with the other version (our creation kept, the other's
// links added); it is put when it is no longer ours.
func resolve[T any](k Kind, pairs []pair[T], added []T, take func(Kind, app.ID, []Field) bool,
	id func(*T) app.ID, join func(base *T, ours, other T)) []T {
	out := slices.Clone(added)
	for _, pr := range pairs {
		base, other := pr.ours, pr.theirs
		if take(k, id(&pr.ours), pr.fields) {
			base, other = pr.theirs, pr.ours
		}
		join(&base, pr.ours, other)
		if !reflect.DeepEqual(base, pr.ours) {
			out = append(out, base)
		}
	}
	return out
}

// placeClaims makes every claim fit its article's text after the merge:
// the claims put, and ours on an article whose text the merge replaces.
// It returns a note for each claim it moved or orphaned.
func placeClaims(ix *index, put *app.Snapshot, texts map[app.ID]string) []string {
	text := func(article app.ID) string {
		if t, ok := texts[article]; ok {
			return t
		}
		if a, ok := ix.articles[article]; ok {
			return a.Text
		}
		return ""
	}
	var notes []string
	note := func(c *app.Claim, moved bool) {
		what := "moved to the same words elsewhere in the text"
		if !moved {
			what = "marked as an orphan: its words are not in the text"
		}
		notes = append(notes, fmt.Sprintf("the claim %s is %s", claimLabel(c), what))
	}
	inPut := map[app.ID]bool{}
	for i := range put.Claims {
		c := &put.Claims[i]
		inPut[c.ID] = true
		if moved, changed := place(c, text(c.ArticleID)); changed {
			note(c, moved)
		}
	}
	for _, oc := range ix.claimList {
		t, retexted := texts[oc.ArticleID]
		if !retexted || inPut[oc.ID] {
			continue
		}
		c := copyClaim(oc, func(id app.ID) app.ID { return id })
		if moved, changed := place(&c, t); changed {
			note(&c, moved)
			put.Claims = append(put.Claims, c)
		}
	}
	return notes
}
