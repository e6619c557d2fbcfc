// Package timeline turns events and claims into the shared timeline: which
// claims support or contradict each event, how many independent origins
// stand behind it, where the sources disagree, and how confident the
// analyst can be. Everything here is derived and never stored as truth.
package timeline

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// QuantityTolerance is how far two numbers with the same unit may differ,
// as a share of the larger, and still agree: "about 1,500" and "1,450"
// agree, 1,500 and 2,000 conflict.
const QuantityTolerance = 0.10

// Input is what the model is built from.
type Input struct {
	Events   []app.Event
	Claims   []app.Claim
	Articles map[app.ID][]app.ArticleSource // each article's source links, for claims' origins
	Sources  map[app.ID]app.Source
	Entities map[app.ID]string // entity names, for lanes by entity
}

// ClaimView is a claim on the timeline with its origin and grade.
type ClaimView struct {
	Claim  app.Claim
	Origin app.ID // see app.ClaimOrigin
	Grade  app.Grade
	Stance app.Stance // towards the event it is shown under ("" for a loose claim)
}

// ConflictKind names what the sources disagree on.
type ConflictKind string

// Kinds of conflict.
const (
	ConflictDate     ConflictKind = "date"
	ConflictQuantity ConflictKind = "quantity"
	ConflictStance   ConflictKind = "stance" // some claims support the event, others contradict it
)

// Conflict is a disagreement between the claims on one event, with the
// claims on each side.
type Conflict struct {
	Kind   ConflictKind
	A, B   []app.ID // the claims on each side
	Detail string   // e.g. "2017-11-03 vs 2017-11-05"
}

// EventView is an event with everything derived about it.
type EventView struct {
	Event         app.Event
	Supporting    []ClaimView
	Contradicting []ClaimView
	Corroboration int // distinct origins among the supporting claims
	Conflicts     []Conflict
	Confidence    Confidence
	When          app.When // the event's date, else the span of its supporting claims' dates
}

// Model is the whole timeline.
type Model struct {
	Events []EventView
	Loose  []ClaimView // dated claims that belong to no event: they stand on the timeline alone
}

// Build derives the timeline from in.
func Build(in Input) Model {
	claims := make(map[app.ID]app.Claim, len(in.Claims))
	for _, c := range in.Claims {
		claims[c.ID] = c
	}
	view := func(c app.Claim, s app.Stance) ClaimView {
		origin := app.ClaimOrigin(c, in.Articles[c.ArticleID])
		var src *app.Source
		if s, ok := in.Sources[origin]; ok {
			src = &s
		}
		return ClaimView{Claim: c, Origin: origin, Grade: app.ClaimGrade(c, src), Stance: s}
	}
	var m Model
	linked := map[app.ID]bool{}
	for _, e := range in.Events {
		ev := EventView{Event: e}
		for _, l := range e.Claims {
			c, ok := claims[l.ClaimID]
			if !ok {
				continue
			}
			linked[c.ID] = true
			if l.Stance == app.StanceContradicts {
				ev.Contradicting = append(ev.Contradicting, view(c, l.Stance))
			} else {
				ev.Supporting = append(ev.Supporting, view(c, app.StanceSupports))
			}
		}
		origins := make([]app.ID, len(ev.Supporting))
		for i, cv := range ev.Supporting {
			origins[i] = cv.Origin
		}
		ev.Corroboration = app.Corroboration(origins)
		ev.Conflicts = conflicts(ev)
		facts := 0 // date and quantity conflicts; the stance one is counted as doubt
		for _, c := range ev.Conflicts {
			if c.Kind != ConflictStance {
				facts++
			}
		}
		ev.Confidence = Rollup(ev.Supporting, ev.Contradicting, facts)
		ev.When = eventWhen(ev)
		m.Events = append(m.Events, ev)
	}
	for _, c := range in.Claims {
		if !linked[c.ID] && c.When != nil && !c.When.IsZero() {
			m.Loose = append(m.Loose, view(c, ""))
		}
	}
	sort.SliceStable(m.Events, func(i, j int) bool { return before(m.Events[i].When, m.Events[j].When) })
	sort.SliceStable(m.Loose, func(i, j int) bool { return before(*m.Loose[i].Claim.When, *m.Loose[j].Claim.When) })
	return m
}

// before orders dated before undated, then by start.
func before(a, b app.When) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	return a.Start.Before(b.Start)
}

// eventWhen is the event's own date, or the span of its supporting claims'.
func eventWhen(ev EventView) app.When {
	if !ev.Event.When.IsZero() {
		return ev.Event.When
	}
	var w app.When
	for _, cv := range ev.Supporting {
		cw := cv.Claim.When
		if cw == nil || cw.IsZero() {
			continue
		}
		if w.IsZero() {
			w = *cw
			w.Expression, w.Note = "", "span of the supporting claims' dates"
			continue
		}
		if cw.Start.Before(w.Start) {
			w.Start = cw.Start
		}
		if w.End.Before(cw.End) {
			w.End = cw.End
		}
		w.Approximate = w.Approximate || cw.Approximate
		w.Uncertain = w.Uncertain || cw.Uncertain
		if cw.Precision == app.PrecisionYear || (cw.Precision == app.PrecisionMonth && w.Precision == app.PrecisionDay) {
			w.Precision = cw.Precision
		}
	}
	return w
}

// conflicts finds date, quantity and stance disagreements on one event.
func conflicts(ev EventView) []Conflict {
	var out []Conflict
	s := ev.Supporting
	// Date: supporting claims whose dates share no day. Claims are grouped
	// by date first, so three outlets on one day against one on another is
	// one conflict, not three.
	type group struct {
		when app.When
		ids  []app.ID
	}
	var groups []group
	for _, cv := range s {
		w := cv.Claim.When
		if w == nil || w.IsZero() {
			continue
		}
		placed := false
		for i := range groups {
			if groups[i].when.Overlaps(*w) {
				groups[i].ids = append(groups[i].ids, cv.Claim.ID)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, group{*w, []app.ID{cv.Claim.ID}})
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].when.Start.Before(groups[j].when.Start) })
	for i := 0; i < len(groups); i++ {
		for j := i + 1; j < len(groups); j++ {
			out = append(out, Conflict{Kind: ConflictDate, A: groups[i].ids, B: groups[j].ids,
				Detail: groups[i].when.EDTF() + " vs " + groups[j].when.EDTF()})
		}
	}
	// Quantity: the same unit with numbers further apart than the tolerance.
	byUnit := map[string][]ClaimView{}
	var units []string
	for _, cv := range append(append([]ClaimView(nil), s...), ev.Contradicting...) {
		if q := cv.Claim.Quantity; q != nil {
			u := strings.ToLower(strings.TrimSpace(q.Unit))
			if _, seen := byUnit[u]; !seen {
				units = append(units, u)
			}
			byUnit[u] = append(byUnit[u], cv)
		}
	}
	for _, u := range units {
		cvs := byUnit[u]
		for i := 0; i < len(cvs); i++ {
			for j := i + 1; j < len(cvs); j++ {
				a, b := cvs[i].Claim.Quantity.Value, cvs[j].Claim.Quantity.Value
				if math.Abs(a-b) > QuantityTolerance*math.Max(math.Abs(a), math.Abs(b)) {
					out = append(out, Conflict{Kind: ConflictQuantity, A: []app.ID{cvs[i].Claim.ID}, B: []app.ID{cvs[j].Claim.ID},
						Detail: cvs[i].Claim.Quantity.String() + " vs " + cvs[j].Claim.Quantity.String()})
				}
			}
		}
	}
	if len(s) > 0 && len(ev.Contradicting) > 0 {
		out = append(out, Conflict{Kind: ConflictStance, A: ids(s), B: ids(ev.Contradicting),
			Detail: fmt.Sprintf("%d supporting vs %d contradicting", len(s), len(ev.Contradicting))})
	}
	return out
}

func ids(cvs []ClaimView) []app.ID {
	out := make([]app.ID, len(cvs))
	for i, cv := range cvs {
		out[i] = cv.Claim.ID
	}
	return out
}
