// Package export writes a case, or a scoped part of it, in the formats other
// tools read: Workbench JSON (which also reads back), CSV, TimelineJS 3, W3C
// Web Annotation, STIX 2.1, Timesketch, an HTML, Markdown and PDF report, and
// the timeline as SVG and PNG. Every writer takes an io.Writer and a *Data
// (see Prepare); WriteFile puts a file in place atomically.
package export

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// Options tunes the writers that draw text themselves (PDF, PNG). Other
// formats ignore it.
type Options struct {
	// Font is a UTF-8 TrueType font (the GUI and CLI pass Fyne's NotoSans).
	// Without it the PDF falls back to a core font that cannot show most
	// non-Latin-1 letters, and the PNG is drawn without text.
	Font []byte
	// BoldFont is the bold face of Font; optional (headings then use Font).
	BoldFont []byte
}

// Format is one export format: how the CLI and the GUI name and list it,
// and the function that writes it.
type Format struct {
	Name        string // what --format takes, e.g. "timelinejs"
	Ext         string // file extension without the dot, e.g. "json"
	Label       string // a short title for a menu, e.g. "TimelineJS 3"
	Description string // one sentence: what it is for
	Binary      bool   // not text (PDF, PNG): refuse to print it to a terminal
	Write       func(w io.Writer, d *Data, o Options) error
}

// Formats lists every format in the order a picker shows them.
func Formats() []Format {
	return []Format{
		{"json", "json", "Workbench JSON", "the whole case in a documented, versioned schema; reads back in (restore, merge)", false, noOpts(WriteJSON)},
		{"csv", "csv", "CSV (spreadsheet)", "one row per event and per claim-event link, with a kind column; formula cells neutralised", false, noOpts(WriteCSV)},
		{"timelinejs", "json", "TimelineJS 3", "a TimelineJS 3 JSON file: events and dated claims, grades, sources, uncertainty and disputes", false, noOpts(WriteTimelineJS)},
		{"wa", "jsonld", "W3C Web Annotation", "every claim as a W3C Web Annotation (AnnotationCollection, JSON-LD)", false, noOpts(WriteWebAnnotation)},
		{"stix", "json", "STIX 2.1", "a STIX 2.1 bundle: a report, identities for sources, notes for claims, opinions for stances", false, noOpts(WriteSTIX)},
		{"timesketch", "jsonl", "Timesketch (JSONL)", "dated events and claims as Timesketch JSONL, one object per line", false, noOpts(WriteTimesketchJSONL)},
		{"timesketch-csv", "csv", "Timesketch (CSV)", "dated events and claims as a Timesketch CSV", false, noOpts(WriteTimesketchCSV)},
		{"html", "html", "HTML report", "a self-contained report with the timeline drawn, events, claims, quotes and grades", false, noOpts(WriteHTML)},
		{"markdown", "md", "Markdown report", "the report as Markdown", false, noOpts(WriteMarkdown)},
		{"pdf", "pdf", "PDF report", "the report as PDF, with a UTF-8 font", true, WritePDF},
		{"svg", "svg", "Timeline picture (SVG)", "the timeline drawn as SVG", false, noOpts(WriteSVG)},
		{"png", "png", "Timeline picture (PNG)", "the timeline drawn as PNG", true, WritePNG},
	}
}

func noOpts(f func(io.Writer, *Data) error) func(io.Writer, *Data, Options) error {
	return func(w io.Writer, d *Data, _ Options) error { return f(w, d) }
}

// FormatByName finds a format by its name (case-insensitive), or says which
// names exist.
func FormatByName(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	var names []string
	for _, f := range Formats() {
		if f.Name == n {
			return f, nil
		}
		names = append(names, f.Name)
	}
	return Format{}, app.Errorf(app.EInvalid, "%q is not an export format: use one of %s", name, strings.Join(names, ", "))
}

// Data is what every writer writes: a (possibly scoped) snapshot of a case,
// the timeline model built from it, and a few words about the export.
type Data struct {
	Snapshot  *app.Snapshot
	Model     timeline.Model
	Case      string    // the case's name, shown in titles ("" = "Evidence Workbench case")
	Generated time.Time // when the export was made
	Scope     string    // the scope in words, e.g. "whole case" or "2 selected events"

	once     sync.Once
	sources  map[app.ID]*app.Source
	articles map[app.ID]*app.Article
	claims   map[app.ID]*app.Claim
	entities map[app.ID]*app.Entity
	links    map[app.ID][]claimLink // claim -> the events it is linked to
	views    map[app.ID]*timeline.ClaimView
	history  map[app.ID][]app.GradeChange
	lines    map[app.ID]string // articleLine, computed once per article
}

// claimLink is one event a claim is linked to, with its stance.
type claimLink struct {
	Event  *timeline.EventView
	Stance app.Stance
}

// Prepare scopes snap and builds the timeline model from what is left, the
// same way timeline.Load does for the GUI: a claim's origin is its
// attribution, else its article's origin (app.ArticleOrigin over the
// article's source links).
func Prepare(snap *app.Snapshot, scope Scope, now time.Time) (*Data, error) {
	if snap == nil {
		return nil, app.Errorf(app.EInvalid, "there is nothing to export: the case could not be read")
	}
	scoped, err := scope.Apply(snap)
	if err != nil {
		return nil, err
	}
	d := &Data{Snapshot: scoped, Generated: now, Scope: scope.Describe(snap)}
	d.Model = timeline.Build(ModelInput(scoped))
	return d, nil
}

// ModelInput is the timeline input for a snapshot.
func ModelInput(s *app.Snapshot) timeline.Input {
	in := timeline.Input{
		Events:   s.Events,
		Claims:   s.Claims,
		Articles: make(map[app.ID][]app.ArticleSource, len(s.Articles)),
		Sources:  make(map[app.ID]app.Source, len(s.Sources)),
		Entities: make(map[app.ID]string, len(s.Entities)),
	}
	for _, a := range s.Articles {
		if o := app.ArticleOrigin(a.Sources); o != "" {
			in.Articles[a.ID] = []app.ArticleSource{{SourceID: o, Role: app.RoleOrigin}}
		}
	}
	for _, src := range s.Sources {
		in.Sources[src.ID] = src
	}
	for _, e := range s.Entities {
		in.Entities[e.ID] = e.Name
	}
	return in
}

// index builds the lookups the writers share. Data made by hand (not by
// Prepare) works too.
func (d *Data) index() {
	d.once.Do(func() {
		if d.Snapshot == nil {
			d.Snapshot = &app.Snapshot{}
		}
		s := d.Snapshot
		d.sources = make(map[app.ID]*app.Source, len(s.Sources))
		for i := range s.Sources {
			d.sources[s.Sources[i].ID] = &s.Sources[i]
		}
		d.articles = make(map[app.ID]*app.Article, len(s.Articles))
		for i := range s.Articles {
			d.articles[s.Articles[i].ID] = &s.Articles[i]
		}
		d.claims = make(map[app.ID]*app.Claim, len(s.Claims))
		for i := range s.Claims {
			d.claims[s.Claims[i].ID] = &s.Claims[i]
		}
		d.entities = make(map[app.ID]*app.Entity, len(s.Entities))
		for i := range s.Entities {
			d.entities[s.Entities[i].ID] = &s.Entities[i]
		}
		d.lines = make(map[app.ID]string, len(s.Articles))
		d.history = map[app.ID][]app.GradeChange{}
		for _, h := range s.History {
			d.history[h.SourceID] = append(d.history[h.SourceID], h)
		}
		d.links = map[app.ID][]claimLink{}
		d.views = map[app.ID]*timeline.ClaimView{}
		for i := range d.Model.Events {
			ev := &d.Model.Events[i]
			for j := range ev.Supporting {
				d.links[ev.Supporting[j].Claim.ID] = append(d.links[ev.Supporting[j].Claim.ID], claimLink{ev, app.StanceSupports})
				d.views[ev.Supporting[j].Claim.ID] = &ev.Supporting[j]
			}
			for j := range ev.Contradicting {
				d.links[ev.Contradicting[j].Claim.ID] = append(d.links[ev.Contradicting[j].Claim.ID], claimLink{ev, app.StanceContradicts})
				d.views[ev.Contradicting[j].Claim.ID] = &ev.Contradicting[j]
			}
		}
		for i := range d.Model.Loose {
			d.views[d.Model.Loose[i].Claim.ID] = &d.Model.Loose[i]
		}
	})
}

// title is the export's title: the case name, or a generic one.
func (d *Data) title() string {
	if strings.TrimSpace(d.Case) != "" {
		return d.Case
	}
	return "Evidence Workbench case"
}

// sourceName names a source, or says it is unknown.
func (d *Data) sourceName(id app.ID) string {
	if s, ok := d.sources[id]; ok {
		return s.Name
	}
	return "unknown source"
}

// view is a claim with its origin and grade, whether or not it is on the
// timeline (undated claims that belong to no event are not).
func (d *Data) view(c *app.Claim) timeline.ClaimView {
	if v, ok := d.views[c.ID]; ok {
		return *v
	}
	var src []app.ArticleSource
	if a, ok := d.articles[c.ArticleID]; ok {
		src = a.Sources
	}
	origin := app.ClaimOrigin(*c, src)
	return timeline.ClaimView{Claim: *c, Origin: origin, Grade: app.ClaimGrade(*c, d.sources[origin])}
}

// inDateConflict reports whether the claim is on one side of a date
// conflict of any event.
func (d *Data) inConflict(id app.ID, kind timeline.ConflictKind) bool {
	for _, l := range d.links[id] {
		for _, cf := range l.Event.Conflicts {
			if kind != "" && cf.Kind != kind {
				continue
			}
			if slices.Contains(cf.A, id) || slices.Contains(cf.B, id) {
				return true
			}
		}
	}
	return false
}

// datedClaims lists every dated claim once, in time order (the claims
// under events first, in event order, then the loose ones, where the
// dates tie). The views point into the model.
func (d *Data) datedClaims() []*timeline.ClaimView {
	var out []*timeline.ClaimView
	seen := map[app.ID]bool{}
	add := func(cv *timeline.ClaimView) {
		if cv.Claim.When == nil || cv.Claim.When.IsZero() || seen[cv.Claim.ID] {
			return
		}
		seen[cv.Claim.ID] = true
		out = append(out, cv)
	}
	for i := range d.Model.Events {
		ev := &d.Model.Events[i]
		for j := range ev.Supporting {
			add(&ev.Supporting[j])
		}
		for j := range ev.Contradicting {
			add(&ev.Contradicting[j])
		}
	}
	for i := range d.Model.Loose {
		add(&d.Model.Loose[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Claim.When.Start.Before(out[j].Claim.When.Start) })
	return out
}

// undatedClaims lists the claims with no date of their own, in snapshot
// order.
func (d *Data) undatedClaims() []*app.Claim {
	var out []*app.Claim
	for i := range d.Snapshot.Claims {
		c := &d.Snapshot.Claims[i]
		if c.When == nil || c.When.IsZero() {
			out = append(out, c)
		}
	}
	return out
}

// entityNames lists the names of a claim's entities.
func (d *Data) entityNames(c *app.Claim) []string {
	var out []string
	for _, id := range c.EntityIDs {
		if e, ok := d.entities[id]; ok {
			out = append(out, e.Name)
		}
	}
	return out
}

// articleLine is "“Title”, AFP via SpaceDaily, 2017-11-03".
func (d *Data) articleLine(id app.ID) string {
	if l, ok := d.lines[id]; ok {
		return l
	}
	l := d.makeArticleLine(id)
	d.lines[id] = l
	return l
}

func (d *Data) makeArticleLine(id app.ID) string {
	a, ok := d.articles[id]
	if !ok {
		return "unknown article"
	}
	parts := []string{"“" + oneLine(a.Title) + "”"}
	if ch := app.Chain(a.Sources); ch != "" {
		parts = append(parts, ch)
	}
	if a.Published.Known() {
		parts = append(parts, a.Published.String())
	}
	return strings.Join(parts, ", ")
}

// gradeText is "B2", or "not graded".
func gradeText(g app.Grade) string {
	if s := g.String(); s != "" {
		return s
	}
	return "not graded"
}

// gradeWords is "B2: usually reliable source, probably true".
func gradeWords(g app.Grade) string {
	r := "source not graded"
	if g.Reliability.Valid() {
		r = strings.ToLower(g.Reliability.Label()) + " source"
	}
	c := "credibility not graded"
	if g.Credibility.Valid() {
		c = strings.ToLower(g.Credibility.Label())
	}
	return fmt.Sprintf("%s: %s, %s", gradeText(g), r, c)
}

// oneLine collapses white space, so a title never breaks a line format.
func oneLine(s string) string {
	prevSpace := true // a leading space needs collapsing too
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.TrimRight(s, " ")
	}
	return s
}
