package storage

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"golang.org/x/text/unicode/norm"
)

// evidenceJSON is app.Evidence as stored, with field names of its own so a
// rename in Go does not change the file format.
type evidenceJSON struct {
	Basis  app.Basis `json:"basis,omitempty"`
	Start  int       `json:"start,omitempty"`
	End    int       `json:"end,omitempty"`
	Detail string    `json:"detail,omitempty"`
}

func toEvidenceJSON(e app.Evidence) *evidenceJSON {
	if e == (app.Evidence{}) {
		return nil
	}
	return &evidenceJSON{Basis: e.Basis, Start: e.Span.Start, End: e.Span.End, Detail: e.Detail}
}

func (e *evidenceJSON) evidence() app.Evidence {
	if e == nil {
		return app.Evidence{}
	}
	return app.Evidence{Basis: e.Basis, Span: app.Span{Start: e.Start, End: e.End}, Detail: e.Detail}
}

// knownJSON is app.ArticleMeta.Known as stored in articles.known.
type knownJSON struct {
	Title     *evidenceJSON `json:"title,omitempty"`
	Byline    *evidenceJSON `json:"byline,omitempty"`
	URL       *evidenceJSON `json:"url,omitempty"`
	Published *evidenceJSON `json:"published,omitempty"`
}

func encodeKnown(m *app.ArticleMeta) (string, error) {
	b, err := json.Marshal(knownJSON{
		Title:     toEvidenceJSON(m.Known.Title),
		Byline:    toEvidenceJSON(m.Known.Byline),
		URL:       toEvidenceJSON(m.Known.URL),
		Published: toEvidenceJSON(m.Known.Published),
	})
	if err != nil {
		return "", fmt.Errorf("encode metadata evidence: %w", err)
	}
	return string(b), nil
}

func decodeKnown(s string, m *app.ArticleMeta) error {
	var k knownJSON
	if err := json.Unmarshal([]byte(s), &k); err != nil {
		return fmt.Errorf("decode metadata evidence: %w", err)
	}
	m.Known.Title = k.Title.evidence()
	m.Known.Byline = k.Byline.evidence()
	m.Known.URL = k.URL.evidence()
	m.Known.Published = k.Published.evidence()
	return nil
}

func encodeEvidence(e app.Evidence) (string, error) {
	j := toEvidenceJSON(e)
	if j == nil {
		return "{}", nil
	}
	b, err := json.Marshal(j)
	if err != nil {
		return "", fmt.Errorf("encode evidence: %w", err)
	}
	return string(b), nil
}

func decodeEvidence(s string) (app.Evidence, error) {
	var j evidenceJSON
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return app.Evidence{}, fmt.Errorf("decode evidence: %w", err)
	}
	return j.evidence(), nil
}

func encodeStrings(list []string) (string, error) {
	if list == nil {
		list = []string{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		return "", fmt.Errorf("encode list: %w", err)
	}
	return string(b), nil
}

func decodeStrings(s string) ([]string, error) {
	var list []string
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		return nil, fmt.Errorf("decode list: %w", err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// validPubDate checks a publication date before it is stored: unknown, or a
// real calendar day with an optional time of day.
func validPubDate(p app.PubDate) error {
	if !p.Known() {
		if p.HasTime {
			return app.Errorf(app.EInvalid, "a publication time needs a date")
		}
		return nil
	}
	d := p.Date
	if d.Year < 1 || d.Year > 9999 || d.Time().Day() != d.Day || d.Time().Month() != d.Month {
		return app.Errorf(app.EInvalid, "%04d-%02d-%02d is not a calendar day", d.Year, int(d.Month), d.Day)
	}
	if p.HasTime && (p.Hour < 0 || p.Hour > 23 || p.Minute < 0 || p.Minute > 59) {
		return app.Errorf(app.EInvalid, "%02d:%02d is not a time of day", p.Hour, p.Minute)
	}
	return nil
}

// parsePubDate reads a stored publication date back.
func parsePubDate(s string) (app.PubDate, error) {
	p, err := app.ParsePubDate(s)
	if err != nil {
		return app.PubDate{}, fmt.Errorf("stored publication date %q: %w", s, err)
	}
	return p, nil
}

// validText refuses strings that are not UTF-8, so that nothing invalid
// reaches the database; what names the field for the message.
func validText(what, s string) error {
	if !utf8.ValidString(s) {
		return app.Errorf(app.EInvalid, "the %s is not valid UTF-8 text", what)
	}
	return nil
}

// nameKey is how names of sources and aliases are compared: Unicode
// composed, lower case, white space collapsed. "afp " finds "AFP".
func nameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(name)), " "))
}
