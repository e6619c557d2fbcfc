package merge

import (
	"slices"

	"github.com/evidence-workbench/workbench/app"
)

// Inverse is the change set that undoes cs on the case ours was read from
// just before cs was applied: the items cs added are deleted, the items it
// replaced get our versions back (timestamps included), the grade history
// rows it added are removed, and what it deleted is put back. Applied in
// one transaction, it undoes a merge as one action. Items cs puts by name
// only (no id) cannot be undone this way; a merge puts none.
func Inverse(ours *app.Snapshot, cs *app.ChangeSet) *app.ChangeSet {
	if ours == nil {
		ours = &app.Snapshot{}
	}
	inv := &app.ChangeSet{}
	if cs == nil {
		return inv
	}
	ix := indexOurs(ours)
	put, del := &inv.Put, &inv.Delete
	for _, s := range cs.Put.Sources {
		undoPut(ix.sources, s.ID, &put.Sources, &del.Sources)
	}
	for _, a := range cs.Put.Articles {
		undoPut(ix.articles, a.ID, &put.Articles, &del.Articles)
	}
	for _, e := range cs.Put.Entities {
		undoPut(ix.entities, e.ID, &put.Entities, &del.Entities)
	}
	for _, c := range cs.Put.Claims {
		undoPut(ix.claims, c.ID, &put.Claims, &del.Claims)
	}
	for _, e := range cs.Put.Events {
		undoPut(ix.events, e.ID, &put.Events, &del.Events)
	}
	for _, g := range cs.Put.History {
		if !slices.ContainsFunc(ix.history, func(x app.GradeChange) bool { return sameGrade(x, g) }) &&
			!slices.ContainsFunc(del.History, func(x app.GradeChange) bool { return sameGrade(x, g) }) {
			del.History = append(del.History, g)
		}
	}
	d := &cs.Delete
	for _, id := range d.Sources {
		undoDelete(ix.sources, id, &put.Sources)
	}
	for _, id := range d.Articles {
		undoDelete(ix.articles, id, &put.Articles)
	}
	for _, id := range d.Entities {
		undoDelete(ix.entities, id, &put.Entities)
	}
	for _, id := range d.Claims {
		undoDelete(ix.claims, id, &put.Claims)
	}
	for _, id := range d.Events {
		undoDelete(ix.events, id, &put.Events)
	}
	for _, g := range d.History {
		if slices.ContainsFunc(ix.history, func(x app.GradeChange) bool { return sameGrade(x, g) }) {
			put.History = append(put.History, g)
		}
	}
	return inv
}

// undoPut undoes the put of the item with the id: our version back when
// we had it, else its deletion.
func undoPut[T any](ours map[app.ID]*T, id app.ID, put *[]T, del *[]app.ID) {
	if o, ok := ours[id]; ok {
		*put = append(*put, *o)
		return
	}
	*del = append(*del, id)
}

// undoDelete undoes the deletion of the item with the id: our version back.
func undoDelete[T any](ours map[app.ID]*T, id app.ID, put *[]T) {
	if o, ok := ours[id]; ok {
		*put = append(*put, *o)
	}
}
