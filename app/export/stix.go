package export

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// stixNamespace is the UUID namespace of the workbench's STIX ids (a fixed,
// random UUID): the same case item always gets the same STIX id.
var stixNamespace = [16]byte{0x3f, 0x2c, 0x8e, 0x51, 0x6a, 0x0d, 0x4b, 0x7e, 0x9c, 0x13, 0x52, 0xa4, 0xd8, 0x6e, 0x01, 0xb7}

// uuid5 is an RFC 4122 version 5 (SHA-1, name-based) UUID of the parts.
func uuid5(parts ...string) string {
	h := sha1.New()
	h.Write(stixNamespace[:])
	h.Write([]byte(strings.Join(parts, "\x00")))
	var b [16]byte
	copy(b[:], h.Sum(nil))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return app.FormatUUID(b)
}

// stixID is "<type>--<uuid5 of the type and our id>".
func stixID(typ string, id app.ID) string { return typ + "--" + uuid5(typ, string(id)) }

// stixTime is the STIX timestamp form: UTC with milliseconds.
func stixTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

type stixExtRef struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

// stixObject holds the properties of every object type the export uses;
// each type fills its own.
type stixObject struct {
	Type        string `json:"type"`
	SpecVersion string `json:"spec_version"`
	ID          string `json:"id"`
	Created     string `json:"created"`
	Modified    string `json:"modified"`

	Name          string   `json:"name,omitempty"`
	Description   string   `json:"description,omitempty"`
	IdentityClass string   `json:"identity_class,omitempty"`
	Context       string   `json:"context,omitempty"`
	ReportTypes   []string `json:"report_types,omitempty"`
	Published     string   `json:"published,omitempty"`
	Abstract      string   `json:"abstract,omitempty"`
	Content       string   `json:"content,omitempty"`
	Authors       []string `json:"authors,omitempty"`
	Opinion       string   `json:"opinion,omitempty"`
	Explanation   string   `json:"explanation,omitempty"`
	Confidence    *int     `json:"confidence,omitempty"`
	Labels        []string `json:"labels,omitempty"`
	CreatedByRef  string   `json:"created_by_ref,omitempty"`
	ObjectRefs    []string `json:"object_refs,omitempty"`

	ExternalReferences []stixExtRef `json:"external_references,omitempty"`

	XReliability     string `json:"x_admiralty_reliability,omitempty"`
	XReliabilityNote string `json:"x_admiralty_reliability_note,omitempty"`
	XOpenCTI         string `json:"x_opencti_reliability,omitempty"`
	XCredibility     string `json:"x_admiralty_credibility,omitempty"`
	XGrade           string `json:"x_admiralty_grade,omitempty"`
	XWhen            string `json:"x_workbench_when,omitempty"`
	XStance          string `json:"x_workbench_stance,omitempty"`
	XCorroboration   *int   `json:"x_workbench_corroboration,omitempty"`
	XConfidence      string `json:"x_workbench_confidence,omitempty"`
	XWorkbenchID     app.ID `json:"x_workbench_id,omitempty"`
}

type stixBundle struct {
	Type    string       `json:"type"`
	ID      string       `json:"id"`
	Objects []stixObject `json:"objects"`
}

// stamps gives created and modified for an item: its own times, the export
// time when it has none, and modified never before created.
func (d *Data) stamps(created, updated time.Time) (string, string) {
	if created.IsZero() {
		created = d.Generated
	}
	if updated.Before(created) {
		updated = created
	}
	return stixTime(created), stixTime(updated)
}

func identityClass(k app.SourceKind) string {
	switch k {
	case app.KindSpokesperson:
		return "individual"
	case app.KindOther, "":
		return "unknown"
	}
	return "organization"
}

// WriteSTIX writes a STIX 2.1 bundle:
//
//   - one report for the case (or scope), whose object_refs name every
//     other object;
//   - an identity per source, its Admiralty reliability in
//     x_admiralty_reliability, x_opencti_reliability and the description;
//   - a note per claim: the statement and the quote, confidence mapped from
//     credibility (1→90, 2→70, 3→50, 4→30, 5→10; 6 or ungraded: omitted),
//     the grade in x_admiralty_credibility and x_admiralty_grade, and
//     object_refs naming its origin's identity and its events' groupings;
//   - a grouping per event (context "unspecified") naming its claims' notes,
//     with the date (EDTF), corroboration, confidence and conflicts;
//   - an opinion per claim-event link, by the claim's origin: agree where
//     the claim supports the event, disagree where it contradicts it.
//
// Ids are deterministic (UUIDv5 of our ids), so exporting twice gives the
// same ids and another tool can update what it imported.
func WriteSTIX(w io.Writer, d *Data) error {
	d.index()
	s := d.Snapshot
	reportID := "report--" + uuid5("report", d.title(), d.Scope)
	var objs []stixObject
	for _, src := range s.Sources {
		c, m := d.stamps(src.CreatedAt, src.UpdatedAt)
		o := stixObject{Type: "identity", ID: stixID("identity", src.ID), Created: c, Modified: m, Name: src.Name,
			IdentityClass: identityClass(src.Kind), XWorkbenchID: src.ID}
		desc := []string{}
		if src.Kind != "" {
			desc = append(desc, "Kind: "+string(src.Kind)+".")
		}
		if src.Reliability.Valid() {
			desc = append(desc, fmt.Sprintf("Admiralty source reliability %s (%s).", src.Reliability, src.Reliability.Label()))
			o.XReliability, o.XOpenCTI = string(src.Reliability), src.Reliability.OpenCTI()
			o.Labels = []string{src.Reliability.MISPTag()}
		} else {
			desc = append(desc, "Source reliability not graded.")
		}
		if src.ReliabilityNote != "" {
			desc = append(desc, "Why: "+src.ReliabilityNote)
			o.XReliabilityNote = src.ReliabilityNote
		}
		if src.Notes != "" {
			desc = append(desc, src.Notes)
		}
		o.Description = strings.Join(desc, " ")
		if webURL(src.Homepage) {
			o.ExternalReferences = []stixExtRef{{SourceName: "homepage", URL: src.Homepage}}
		}
		objs = append(objs, o)
	}
	for i := range s.Claims {
		objs = append(objs, d.stixNote(&s.Claims[i], reportID))
	}
	for i := range d.Model.Events {
		ev := &d.Model.Events[i]
		objs = append(objs, d.stixGrouping(ev, reportID))
		for _, cv := range append(append([]timeline.ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
			objs = append(objs, d.stixOpinion(ev, cv))
		}
	}
	report := stixObject{Type: "report", ID: reportID, Name: d.title(), Published: stixTime(d.Generated),
		ReportTypes: []string{"threat-report"}, Description: fmt.Sprintf("Evidence Workbench export (%s): %d event(s), %d claim(s), %d source(s).", d.Scope, len(s.Events), len(s.Claims), len(s.Sources))}
	report.Created, report.Modified = d.stamps(d.Generated, d.Generated)
	for _, o := range objs {
		report.ObjectRefs = append(report.ObjectRefs, o.ID)
	}
	if len(report.ObjectRefs) == 0 {
		// object_refs may not be empty: an empty case reports on itself.
		report.ObjectRefs = []string{reportID}
	}
	for i := range objs {
		objs[i].SpecVersion = "2.1"
	}
	report.SpecVersion = "2.1"
	bundle := stixBundle{Type: "bundle", ID: "bundle--" + uuid5("bundle", d.title(), d.Scope, stixTime(d.Generated)),
		Objects: append([]stixObject{report}, objs...)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(bundle); err != nil {
		return fmt.Errorf("write stix: %w", err)
	}
	return nil
}

func (d *Data) stixNote(c *app.Claim, reportID string) stixObject {
	cv := d.view(c)
	cr, m := d.stamps(c.CreatedAt, c.UpdatedAt)
	o := stixObject{Type: "note", ID: stixID("note", c.ID), Created: cr, Modified: m, XWorkbenchID: c.ID,
		Abstract: clipText(c.Statement, 200), XGrade: cv.Grade.String(), XCredibility: c.Credibility.String()}
	if o.Abstract == "" {
		o.Abstract = clipText(c.Anchor.Exact, 200)
	}
	var content strings.Builder
	if c.Statement != "" {
		content.WriteString(c.Statement + "\n\n")
	}
	fmt.Fprintf(&content, "“%s”\n— %s\n\nAdmiralty grade %s.", c.Anchor.Exact, d.articleLine(c.ArticleID), gradeWords(cv.Grade))
	if w := claimWhen(c); !w.IsZero() {
		fmt.Fprintf(&content, " Date: %s (EDTF %s).", whenText(w, false), w.EDTF())
		o.XWhen = w.EDTF()
	}
	o.Content = content.String()
	if v, ok := c.Credibility.STIXConfidence(); ok {
		o.Confidence = &v
	}
	if tag := c.Credibility.MISPTag(); tag != "" {
		o.Labels = append(o.Labels, tag)
	}
	o.Labels = append(o.Labels, c.Tags...)
	if c.CreatedBy != "" {
		o.Authors = []string{c.CreatedBy}
	}
	if cv.Origin != "" {
		if _, ok := d.sources[cv.Origin]; ok {
			o.ObjectRefs = append(o.ObjectRefs, stixID("identity", cv.Origin))
		}
	}
	for _, l := range d.links[c.ID] {
		o.ObjectRefs = append(o.ObjectRefs, stixID("grouping", l.Event.Event.ID))
	}
	if len(o.ObjectRefs) == 0 {
		o.ObjectRefs = []string{reportID}
	}
	if a, ok := d.articles[c.ArticleID]; ok && webURL(a.URL) {
		o.ExternalReferences = []stixExtRef{{SourceName: "article", Description: oneLine(a.Title), URL: a.URL}}
	}
	return o
}

func (d *Data) stixGrouping(ev *timeline.EventView, reportID string) stixObject {
	e := ev.Event
	cr, m := d.stamps(e.CreatedAt, e.UpdatedAt)
	corr := ev.Corroboration
	o := stixObject{Type: "grouping", ID: stixID("grouping", e.ID), Created: cr, Modified: m, Name: e.Title, Context: "unspecified",
		XWorkbenchID: e.ID, XWhen: ev.When.EDTF(), XCorroboration: &corr,
		XConfidence: fmt.Sprintf("%s (%.2f): %s", ev.Confidence.Level, ev.Confidence.Score, ev.Confidence.Reason)}
	var desc []string
	desc = append(desc, "Event, "+whenText(ev.When, hasDateConflict(ev.Conflicts))+".")
	if e.Place != "" {
		desc = append(desc, "Place: "+e.Place+".")
	}
	if e.Description != "" {
		desc = append(desc, e.Description)
	}
	desc = append(desc, fmt.Sprintf("Corroborated by %s; confidence %s.", app.Count(ev.Corroboration, "independent origin", "independent origins"), o.XConfidence))
	for _, cf := range ev.Conflicts {
		desc = append(desc, fmt.Sprintf("Conflict (%s): %s.", cf.Kind, cf.Detail))
	}
	o.Description = strings.Join(desc, " ")
	for _, cv := range append(append([]timeline.ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
		o.ObjectRefs = append(o.ObjectRefs, stixID("note", cv.Claim.ID))
	}
	if len(o.ObjectRefs) == 0 {
		o.ObjectRefs = []string{reportID}
	}
	return o
}

func (d *Data) stixOpinion(ev *timeline.EventView, cv timeline.ClaimView) stixObject {
	c := cv.Claim
	cr, m := d.stamps(c.CreatedAt, c.UpdatedAt)
	if ev.Event.UpdatedAt.After(c.UpdatedAt) {
		_, m = d.stamps(c.CreatedAt, ev.Event.UpdatedAt)
	}
	o := stixObject{Type: "opinion", ID: "opinion--" + uuid5("opinion", string(ev.Event.ID), string(c.ID)), Created: cr, Modified: m,
		XStance: string(cv.Stance), ObjectRefs: []string{stixID("grouping", ev.Event.ID), stixID("note", c.ID)}}
	src := "An unknown source"
	if cv.Origin != "" {
		src = d.sourceName(cv.Origin)
		if _, ok := d.sources[cv.Origin]; ok {
			o.CreatedByRef = stixID("identity", cv.Origin)
			o.Authors = []string{src}
		}
	}
	verb := "supports"
	o.Opinion = "agree"
	if cv.Stance == app.StanceContradicts {
		verb, o.Opinion = "contradicts", "disagree"
	}
	o.Explanation = fmt.Sprintf("%s %s the event “%s” (claim graded %s): %s", src, verb, ev.Event.Title, gradeText(cv.Grade), c.Statement)
	return o
}
