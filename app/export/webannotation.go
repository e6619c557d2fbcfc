package export

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

type waBody struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Purpose  string `json:"purpose"`
	Format   string `json:"format"`
	Language string `json:"language,omitempty"`
}

type waAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type waTarget struct {
	Source   string         `json:"source"`
	Scope    string         `json:"scope,omitempty"`
	Selector []jsonSelector `json:"selector"`
}

type waAnnotation struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Motivation string   `json:"motivation"`
	Created    string   `json:"created,omitempty"`
	Modified   string   `json:"modified,omitempty"`
	Creator    *waAgent `json:"creator,omitempty"`
	Body       []waBody `json:"body"`
	Target     waTarget `json:"target"`
}

type waPage struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	PartOf     string         `json:"partOf,omitempty"`
	StartIndex int            `json:"startIndex"`
	Items      []waAnnotation `json:"items"`
}

type waCollection struct {
	Context   string   `json:"@context"`
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label"`
	Generator *waAgent `json:"generator,omitempty"`
	Generated string   `json:"generated,omitempty"`
	Total     int      `json:"total"`
	First     waPage   `json:"first"`
}

// waTime is the W3C form: RFC 3339 to the second, UTC.
func waTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// WriteWebAnnotation writes every claim as a W3C Web Annotation, all in one
// AnnotationCollection whose first (and only) AnnotationPage embeds them.
//
// Each annotation targets its article as urn:uuid:<article id> (the offsets
// count code points of the workbench's copy of the text, which is not the
// web page's DOM; the page's URL, when it has one, is the target's scope)
// with a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector (start, end exclusive, code points). Bodies: the
// statement (describing), each tag (tagging), the Admiralty grade
// (assessing) and the analyst's notes (commenting).
func WriteWebAnnotation(w io.Writer, d *Data) error {
	d.index()
	ids := make([]string, 0, len(d.Snapshot.Claims))
	items := make([]waAnnotation, 0, len(d.Snapshot.Claims))
	for i := range d.Snapshot.Claims {
		c := &d.Snapshot.Claims[i]
		ids = append(ids, string(c.ID))
		items = append(items, d.waAnnotation(c))
	}
	coll := "urn:uuid:" + uuid5(append([]string{"wa-collection", d.title(), d.Scope}, ids...)...)
	doc := waCollection{
		Context: "http://www.w3.org/ns/anno.jsonld", ID: coll, Type: "AnnotationCollection",
		Label:     fmt.Sprintf("%s: claims (%s)", d.title(), d.Scope),
		Generator: &waAgent{Type: "Software", Name: "Evidence Workbench"}, Generated: waTime(d.Generated),
		Total: len(items),
		First: waPage{ID: coll + "-page-1", Type: "AnnotationPage", PartOf: coll, StartIndex: 0, Items: items},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write web annotation: %w", err)
	}
	return nil
}

func (d *Data) waAnnotation(c *app.Claim) waAnnotation {
	cv := d.view(c)
	start, end := c.Anchor.Start, c.Anchor.End
	a := waAnnotation{ID: "urn:uuid:" + string(c.ID), Type: "Annotation", Motivation: "describing",
		Created: waTime(c.CreatedAt), Modified: waTime(c.UpdatedAt),
		Target: waTarget{Source: "urn:uuid:" + string(c.ArticleID), Selector: []jsonSelector{
			{Type: "TextQuoteSelector", Exact: c.Anchor.Exact, Prefix: c.Anchor.Prefix, Suffix: c.Anchor.Suffix},
			{Type: "TextPositionSelector", Start: &start, End: &end},
		}}}
	if a.Modified == "" || a.Modified < a.Created {
		a.Modified = a.Created
	}
	if c.CreatedBy != "" {
		a.Creator = &waAgent{Type: "Person", Name: c.CreatedBy}
	}
	if art, ok := d.articles[c.ArticleID]; ok && webURL(art.URL) {
		a.Target.Scope = art.URL
	}
	statement := c.Statement
	if statement == "" {
		statement = c.Anchor.Exact
	}
	a.Body = append(a.Body, waBody{Type: "TextualBody", Value: statement, Purpose: "describing", Format: "text/plain"})
	for _, t := range c.Tags {
		a.Body = append(a.Body, waBody{Type: "TextualBody", Value: t, Purpose: "tagging", Format: "text/plain"})
	}
	grade := gradeWords(cv.Grade)
	if cv.Origin != "" {
		grade += "; origin " + d.sourceName(cv.Origin)
	}
	a.Body = append(a.Body, waBody{Type: "TextualBody", Value: "Admiralty grade " + grade, Purpose: "assessing", Format: "text/plain"})
	if c.Notes != "" {
		a.Body = append(a.Body, waBody{Type: "TextualBody", Value: c.Notes, Purpose: "commenting", Format: "text/plain"})
	}
	return a
}

// webURL reports whether s is an absolute http(s) URL, fit for an IRI.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
