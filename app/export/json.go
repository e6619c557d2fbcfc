package export

import (
	"encoding/json"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// The Workbench JSON format: see docs/export-json.md.
const (
	// JSONFormat is the value of the top-level "format" field.
	JSONFormat = "evidence-workbench"
	// JSONVersion is the schema version this build writes and the newest it
	// reads.
	JSONVersion = 1
	// MaxJSONSize is the largest Workbench JSON file ReadJSON accepts.
	MaxJSONSize = 1 << 30
)

// The schema, version 1. Field names are the file format: renaming a Go
// field must not change them. Fields marked derived are written for other
// readers and ignored by ReadJSON.
type jsonDoc struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Generated string          `json:"generated,omitempty"`
	Case      string          `json:"case,omitempty"`
	Scope     string          `json:"scope,omitempty"`
	Sources   []jsonSource    `json:"sources"`
	Articles  []jsonArticle   `json:"articles"`
	Claims    []jsonClaim     `json:"claims"`
	Entities  []jsonEntity    `json:"entities"`
	Events    []jsonEvent     `json:"events"`
	Derived   json.RawMessage `json:"derived,omitempty"`
}

type jsonSource struct {
	ID               app.ID      `json:"id"`
	Name             string      `json:"name"`
	Kind             string      `json:"kind,omitempty"`
	Homepage         string      `json:"homepage,omitempty"`
	Notes            string      `json:"notes,omitempty"`
	Aliases          []string    `json:"aliases,omitempty"`
	Reliability      string      `json:"reliability,omitempty"`
	ReliabilityLabel string      `json:"reliability_label,omitempty"` // derived
	ReliabilityNote  string      `json:"reliability_note,omitempty"`
	History          []jsonGrade `json:"history,omitempty"`
	Created          string      `json:"created,omitempty"`
	Updated          string      `json:"updated,omitempty"`
}

type jsonGrade struct {
	Reliability string `json:"reliability"` // "" = grade removed
	Note        string `json:"note,omitempty"`
	By          string `json:"by,omitempty"`
	At          string `json:"at"`
}

type jsonEvidence struct {
	Basis  string `json:"basis,omitempty"`
	Start  int    `json:"start,omitempty"`
	End    int    `json:"end,omitempty"`
	Detail string `json:"detail,omitempty"`
}

type jsonKnown struct {
	Title     *jsonEvidence `json:"title,omitempty"`
	Byline    *jsonEvidence `json:"byline,omitempty"`
	URL       *jsonEvidence `json:"url,omitempty"`
	Published *jsonEvidence `json:"published,omitempty"`
}

type jsonExcluded struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Kind      string `json:"kind"`
	ByAnalyst bool   `json:"by_analyst,omitempty"`
}

type jsonLink struct {
	SourceID  app.ID        `json:"source_id"`
	Name      string        `json:"name,omitempty"`
	Role      string        `json:"role"`
	Confirmed bool          `json:"confirmed,omitempty"`
	Evidence  *jsonEvidence `json:"evidence,omitempty"`
}

type jsonArticle struct {
	ID        app.ID         `json:"id"`
	Title     string         `json:"title"`
	Byline    string         `json:"byline,omitempty"`
	URL       string         `json:"url,omitempty"`
	Published string         `json:"published,omitempty"`
	Known     jsonKnown      `json:"known"`
	Format    string         `json:"format,omitempty"`
	Filename  string         `json:"filename,omitempty"`
	Sources   []jsonLink     `json:"sources,omitempty"`
	Excluded  []jsonExcluded `json:"excluded,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
	TextHash  string         `json:"text_hash,omitempty"`
	Runes     int            `json:"runes"` // derived
	Text      string         `json:"text"`
	Imported  string         `json:"imported,omitempty"`
	Updated   string         `json:"updated,omitempty"`
}

type jsonSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

type jsonTarget struct {
	Source   string         `json:"source"`
	Selector []jsonSelector `json:"selector"`
}

type jsonQuantity struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

type jsonWhen struct {
	EDTF        string `json:"edtf,omitempty"`
	Start       string `json:"start,omitempty"`
	End         string `json:"end,omitempty"`
	Precision   string `json:"precision,omitempty"`
	Approximate bool   `json:"approximate,omitempty"`
	Uncertain   bool   `json:"uncertain,omitempty"`
	Expression  string `json:"expression,omitempty"`
	Reference   string `json:"reference,omitempty"`
	Note        string `json:"note,omitempty"`
}

type jsonClaim struct {
	ID           app.ID        `json:"id"`
	ArticleID    app.ID        `json:"article_id"`
	Target       jsonTarget    `json:"target"`
	Orphan       bool          `json:"orphan,omitempty"`
	Statement    string        `json:"statement"`
	Credibility  int           `json:"credibility,omitempty"`
	Grade        string        `json:"grade,omitempty"` // derived
	AttributedTo app.ID        `json:"attributed_to,omitempty"`
	Tags         []string      `json:"tags,omitempty"`
	Notes        string        `json:"notes,omitempty"`
	Quantity     *jsonQuantity `json:"quantity,omitempty"`
	When         *jsonWhen     `json:"when,omitempty"`
	EntityIDs    []app.ID      `json:"entity_ids,omitempty"`
	CreatedBy    string        `json:"created_by,omitempty"`
	Created      string        `json:"created,omitempty"`
	UpdatedBy    string        `json:"updated_by,omitempty"`
	Updated      string        `json:"updated,omitempty"`
}

type jsonAlias struct {
	Name      string `json:"name"`
	ArticleID app.ID `json:"article_id,omitempty"`
	ClaimID   app.ID `json:"claim_id,omitempty"`
	ByAnalyst bool   `json:"by_analyst,omitempty"`
}

type jsonEntity struct {
	ID      app.ID      `json:"id"`
	Kind    string      `json:"kind"`
	Name    string      `json:"name"`
	Aliases []jsonAlias `json:"aliases,omitempty"`
	Notes   string      `json:"notes,omitempty"`
	Created string      `json:"created,omitempty"`
	Updated string      `json:"updated,omitempty"`
}

type jsonEventLink struct {
	ClaimID app.ID `json:"claim_id"`
	Stance  string `json:"stance"`
}

type jsonEvent struct {
	ID          app.ID          `json:"id"`
	Title       string          `json:"title"`
	When        *jsonWhen       `json:"when,omitempty"`
	Place       string          `json:"place,omitempty"`
	Description string          `json:"description,omitempty"`
	Claims      []jsonEventLink `json:"claims,omitempty"`
	Created     string          `json:"created,omitempty"`
	Updated     string          `json:"updated,omitempty"`
}

// The derived section: what the timeline model computes. Never read back.
type jsonDerivedEvent struct {
	EventID       app.ID         `json:"event_id"`
	When          *jsonWhen      `json:"when,omitempty"`
	Corroboration int            `json:"corroboration"`
	Confidence    jsonConfidence `json:"confidence"`
	Conflicts     []jsonConflict `json:"conflicts,omitempty"`
}

type jsonConfidence struct {
	Score  float64 `json:"score"`
	Level  string  `json:"level"`
	Reason string  `json:"reason"`
}

type jsonConflict struct {
	Kind   string   `json:"kind"`
	Detail string   `json:"detail"`
	A      []app.ID `json:"a"`
	B      []app.ID `json:"b"`
}

// stamp writes a time exactly (nanoseconds, UTC); "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func toEvidence(e app.Evidence) *jsonEvidence {
	if e == (app.Evidence{}) {
		return nil
	}
	return &jsonEvidence{Basis: string(e.Basis), Start: e.Span.Start, End: e.Span.End, Detail: e.Detail}
}

func toWhen(w app.When) *jsonWhen {
	if w.IsZero() {
		return nil
	}
	j := &jsonWhen{EDTF: w.EDTF(), Start: w.Start.String(), End: w.End.String(), Precision: string(w.Precision),
		Approximate: w.Approximate, Uncertain: w.Uncertain, Expression: w.Expression, Note: w.Note}
	if !w.Reference.IsZero() {
		j.Reference = w.Reference.String()
	}
	return j
}

func pubText(p app.PubDate) string {
	if !p.Known() {
		return ""
	}
	if p.HasTime {
		return fmt.Sprintf("%sT%02d:%02d", p.Date, p.Hour, p.Minute)
	}
	return p.Date.String()
}

// WriteJSON writes d as Workbench JSON (docs/export-json.md): every source
// with its grade history, every article with its text, excluded ranges and
// source links, claims with W3C-style anchors, entities with aliases,
// events with their links, and a derived section (corroboration,
// confidence, conflicts) that ReadJSON ignores.
func WriteJSON(w io.Writer, d *Data) error {
	d.index()
	s := d.Snapshot
	js := newJSONStream(w)
	js.raw("{")
	js.field("format", JSONFormat, true)
	js.field("version", JSONVersion, false)
	for _, f := range []struct{ name, v string }{{"generated", stamp(d.Generated)}, {"case", d.Case}, {"scope", d.Scope}} {
		if f.v != "" {
			js.field(f.name, f.v, false)
		}
	}
	js.array("sources", len(s.Sources), func(i int) any { return d.sourceToJSON(&s.Sources[i]) }, false)
	js.array("articles", len(s.Articles), func(i int) any { return articleToJSON(&s.Articles[i]) }, false)
	js.array("claims", len(s.Claims), func(i int) any { return claimToJSON(&s.Claims[i], gradeOf(d, &s.Claims[i])) }, false)
	js.array("entities", len(s.Entities), func(i int) any { return entityToJSON(&s.Entities[i]) }, false)
	js.array("events", len(s.Events), func(i int) any { return eventToJSON(&s.Events[i]) }, false)
	js.raw(",\n")
	js.value("derived")
	js.raw(": {")
	js.field("note", "Computed by the workbench from the items above (corroboration, confidence, conflicts); ignored when the file is read back.", true)
	js.array("events", len(d.Model.Events), func(i int) any { return derivedEvent(&d.Model.Events[i]) }, false)
	loose := make([]app.ID, len(d.Model.Loose))
	for i, cv := range d.Model.Loose {
		loose[i] = cv.Claim.ID
	}
	js.field("loose_claims", loose, false)
	js.raw("}\n}\n")
	if err := js.flush(); err != nil {
		return fmt.Errorf("write workbench json: %w", err)
	}
	return nil
}

func (d *Data) sourceToJSON(src *app.Source) jsonSource {
	js := jsonSource{ID: src.ID, Name: src.Name, Kind: string(src.Kind), Homepage: src.Homepage, Notes: src.Notes,
		Aliases: src.Aliases, Reliability: string(src.Reliability), ReliabilityNote: src.ReliabilityNote,
		Created: stamp(src.CreatedAt), Updated: stamp(src.UpdatedAt)}
	if src.Reliability.Valid() {
		js.ReliabilityLabel = src.Reliability.Label()
	}
	for _, h := range d.history[src.ID] {
		js.History = append(js.History, jsonGrade{Reliability: string(h.Reliability), Note: h.Note, By: h.By, At: stamp(h.At)})
	}
	return js
}

func entityToJSON(e *app.Entity) jsonEntity {
	je := jsonEntity{ID: e.ID, Kind: string(e.Kind), Name: e.Name, Notes: e.Notes, Created: stamp(e.CreatedAt), Updated: stamp(e.UpdatedAt)}
	for _, a := range e.Aliases {
		je.Aliases = append(je.Aliases, jsonAlias{a.Name, a.ArticleID, a.ClaimID, a.ByAnalyst})
	}
	return je
}

func eventToJSON(e *app.Event) jsonEvent {
	je := jsonEvent{ID: e.ID, Title: e.Title, When: toWhen(e.When), Place: e.Place, Description: e.Description,
		Created: stamp(e.CreatedAt), Updated: stamp(e.UpdatedAt)}
	for _, l := range e.Claims {
		je.Claims = append(je.Claims, jsonEventLink{l.ClaimID, string(l.Stance)})
	}
	return je
}

func derivedEvent(ev *timeline.EventView) jsonDerivedEvent {
	de := jsonDerivedEvent{EventID: ev.Event.ID, When: toWhen(ev.When), Corroboration: ev.Corroboration,
		Confidence: jsonConfidence{Score: round3(ev.Confidence.Score), Level: ev.Confidence.Level, Reason: ev.Confidence.Reason}}
	for _, cf := range ev.Conflicts {
		de.Conflicts = append(de.Conflicts, jsonConflict{string(cf.Kind), cf.Detail, cf.A, cf.B})
	}
	return de
}

func gradeOf(d *Data, c *app.Claim) string { return d.view(c).Grade.String() }

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func articleToJSON(a *app.Article) jsonArticle {
	ja := jsonArticle{ID: a.ID, Title: a.Title, Byline: a.Byline, URL: a.URL, Published: pubText(a.Published),
		Known:  jsonKnown{toEvidence(a.Known.Title), toEvidence(a.Known.Byline), toEvidence(a.Known.URL), toEvidence(a.Known.Published)},
		Format: string(a.Format), Filename: a.Filename, Warnings: a.Warnings, TextHash: a.TextHash,
		Runes: utf8.RuneCountInString(a.Text), Text: a.Text, Imported: stamp(a.ImportedAt), Updated: stamp(a.UpdatedAt)}
	for _, l := range a.Sources {
		ja.Sources = append(ja.Sources, jsonLink{l.SourceID, l.Name, string(l.Role), l.Confirmed, toEvidence(l.Evidence)})
	}
	for _, e := range a.Excluded {
		ja.Excluded = append(ja.Excluded, jsonExcluded{e.Start, e.End, string(e.Kind), e.ByAnalyst})
	}
	return ja
}

func claimToJSON(c *app.Claim, grade string) jsonClaim {
	start, end := c.Anchor.Start, c.Anchor.End
	jc := jsonClaim{ID: c.ID, ArticleID: c.ArticleID, Orphan: c.Orphan, Statement: c.Statement, Credibility: int(c.Credibility),
		Grade: grade, AttributedTo: c.AttributedTo, Tags: c.Tags, Notes: c.Notes, EntityIDs: c.EntityIDs,
		CreatedBy: c.CreatedBy, Created: stamp(c.CreatedAt), UpdatedBy: c.UpdatedBy, Updated: stamp(c.UpdatedAt),
		Target: jsonTarget{Source: "urn:uuid:" + string(c.ArticleID), Selector: []jsonSelector{
			{Type: "TextQuoteSelector", Exact: c.Anchor.Exact, Prefix: c.Anchor.Prefix, Suffix: c.Anchor.Suffix},
			{Type: "TextPositionSelector", Start: &start, End: &end},
		}}}
	if c.Quantity != nil {
		jc.Quantity = &jsonQuantity{c.Quantity.Value, c.Quantity.Unit}
	}
	if c.When != nil {
		jc.When = toWhen(*c.When)
	}
	return jc
}
