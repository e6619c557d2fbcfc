// Package merge plans and builds the merge of another analyst's case into
// ours: items with the same id are the same item; items only in theirs are
// added; items whose content differs are listed for the analyst to choose,
// and nothing of ours is overwritten unless the analyst chose their
// version. The result is one app.ChangeSet, applied in one transaction, and
// its Inverse undoes it as one action.
//
// Rules, in the analyst's terms:
//
//   - Two analysts who imported the same file hold one article under two
//     ids: their article with our article's TextHash is mapped onto ours,
//     and their claims on it come onto our article. A source of theirs
//     named as one of ours (by name or alias, ignoring case and spacing)
//     is likewise mapped onto ours; their links, attributions and grade
//     history follow it. So is an entity of theirs whose name is the name
//     or a spelling of one of ours: its spellings join ours and its claims
//     link ours.
//   - Only content counts: two versions that differ only in their
//     timestamps (CreatedAt, UpdatedAt, ImportedAt), in who made or last
//     changed them, or in how an article was imported (format, file name,
//     warnings, how the importer found its sources) are identical. The
//     same text in other spacing or case (one TextHash) is the same text.
//   - Links are merged, never chosen: the entities a claim links, the
//     claims an event links and the aliases of an entity are the union of
//     both sides (ours first, in our order). Only a claim both sides link
//     to one event with different stances is a difference.
//   - Grade history is the union of both sides' rows.
//   - A merge never deletes. An alias theirs adds that another of our
//     sources or entities already holds is left out, and said so in Notes.
//   - A claim whose quote is not at its span in the article's text after
//     the merge (the texts differ in spacing, or the analyst chose the
//     other text) is moved to the same words found elsewhere in the text
//     or, when they are not there, marked as an orphan: never placed on
//     other words.
package merge

import (
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Kind is a kind of item a case holds.
type Kind string

// Kinds of item, in the order a change set puts them.
const (
	KindSource  Kind = "source"
	KindArticle Kind = "article"
	KindEntity  Kind = "entity"
	KindClaim   Kind = "claim"
	KindEvent   Kind = "event"
)

// Kinds lists every kind in put order.
var Kinds = []Kind{KindSource, KindArticle, KindEntity, KindClaim, KindEvent}

// Key names one item: its kind and its id in our case.
type Key struct {
	Kind Kind
	ID   app.ID
}

// Choice resolves a difference.
type Choice int

// Choices for a difference. The zero value keeps ours.
const (
	Ours Choice = iota
	Theirs
)

// Field is one field of an item whose two versions differ, written out.
type Field struct {
	Name   string
	Ours   string
	Theirs string
}

// Difference is an item both cases hold with content that differs: the
// analyst chooses ours (the default) or theirs.
type Difference struct {
	Key
	Label  string  // how the analyst knows the item: a name, a title, a statement
	Fields []Field // the fields that differ
	Ours   any     // our version: app.Source, app.Article, app.Entity, app.Claim or app.Event
	Theirs any     // their version, with ids mapped onto ours
}

// Item is an item of theirs the merge adds.
type Item struct {
	Key
	Label string
}

// Mapping is an item of theirs that is one of ours under another id.
type Mapping struct {
	Kind   Kind
	Theirs app.ID
	Ours   app.ID
	Label  string
	Why    string // "same text", "same name"
}

// Count says how the items of one kind compare.
type Count struct {
	Added     int // only in theirs
	Identical int // in both, same content (links or aliases theirs adds count here too)
	Differing int // in both, content differs: the analyst chooses
}

// Plan is what merging their case into ours would do. Build the change
// set with ChangeSet once the analyst has chosen.
type Plan struct {
	Added       []Item
	Differences []Difference
	Mapped      []Mapping
	Counts      map[Kind]Count
	// LinksAdded counts the links theirs adds to items both hold: claims'
	// entities, events' claims and entities' aliases.
	LinksAdded int
	// HistoryAdded counts the grade history rows only theirs has.
	HistoryAdded int
	// Notes says what the merge adjusts: aliases left out, and the
	// claims the default choices (ours everywhere) move or orphan.
	Notes []string

	ours *app.Snapshot
	// The items to put whatever the analyst chooses, and the pairs of
	// items both hold (theirs with ids mapped onto ours).
	add     app.Snapshot
	sources []pair[app.Source]
	arts    []pair[app.Article]
	ents    []pair[app.Entity]
	claims  []pair[app.Claim]
	events  []pair[app.Event]
}

// pair is one item both cases hold.
type pair[T any] struct {
	ours, theirs T
	fields       []Field // content that differs (empty: identical)
}

// Summary is the plan in a few lines for the analyst: per kind, how many
// items are added, identical and differing, then what was mapped, linked
// and adjusted.
func (p *Plan) Summary() string {
	var b strings.Builder
	for _, k := range Kinds {
		c := p.Counts[k]
		fmt.Fprintf(&b, "%s: %d added, %d identical, %d differing\n", plural(k), c.Added, c.Identical, c.Differing)
	}
	fmt.Fprintf(&b, "grade history: %s added\n", count(p.HistoryAdded, "row"))
	if p.LinksAdded > 0 {
		fmt.Fprintf(&b, "links and aliases added to items both cases hold: %d\n", p.LinksAdded)
	}
	for _, m := range p.Mapped {
		fmt.Fprintf(&b, "their %s “%s” is ours (%s)\n", m.Kind, m.Label, m.Why)
	}
	for _, n := range p.Notes {
		b.WriteString(n + "\n")
	}
	if len(p.Differences) > 0 {
		fmt.Fprintf(&b, "%s: for each, ours is kept unless theirs is chosen\n", count(len(p.Differences), "item differs", "items differ"))
	}
	return b.String()
}

// Empty reports whether the merge would change nothing.
func (p *Plan) Empty() bool {
	return len(p.Added) == 0 && len(p.Differences) == 0 && p.LinksAdded == 0 && p.HistoryAdded == 0
}

// count writes "1 row" or "3 rows"; an irregular plural is given.
func count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}

func plural(k Kind) string {
	if k == KindEntity {
		return "entities"
	}
	return string(k) + "s"
}
