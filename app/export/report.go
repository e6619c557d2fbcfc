package export

import (
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app/timeline"
)

// report is what the HTML, Markdown and PDF reports show, as plain text:
// each renderer escapes it for its own format.
type report struct {
	Title     string
	Generated string
	Scope     string
	Counts    reportCounts
	Events    []reportEvent
	Loose     []reportClaim // claims on no event: dated ones in time order, then undated
	Sources   []reportSource
	Entities  []reportEntity
}

type reportCounts struct {
	Events, Undated, Claims, Loose, Sources, Articles, Entities, Conflicts int
}

type reportEvent struct {
	ID            string
	Title         string
	When          string // "3–5 Nov 2017 (disputed)"
	EDTF          string
	Undated       bool
	Place         string
	Description   string
	Corroboration int
	Confidence    string // "moderate (0.64)"
	Level         string // "moderate": a CSS class
	Reason        string
	Conflicts     []string
	Supporting    []reportClaim
	Contradicting []reportClaim
}

type reportClaim struct {
	ID         string
	Statement  string
	Quote      string
	Grade      string // "B2"
	Letter     string // "B", or "" when ungraded: a CSS class
	GradeWords string // "B2: usually reliable source, probably true"
	Source     string
	Article    string
	URL        string // only an http(s) URL
	When       string
	Conflict   bool
	Quantity   string
	Tags       string
	Entities   string
	Notes      string
}

type reportSource struct {
	Name        string
	Kind        string
	Reliability string // "B: Usually reliable"
	Letter      string
	Note        string
	History     []string
}

type reportEntity struct {
	Name    string
	Kind    string
	Aliases string
}

// report builds the report model.
func (d *Data) report() *report {
	d.index()
	r := &report{Title: d.title(), Generated: d.Generated.UTC().Format("2 January 2006, 15:04 MST"), Scope: d.Scope}
	s := d.Snapshot
	r.Counts = reportCounts{Events: len(s.Events), Claims: len(s.Claims), Sources: len(s.Sources), Articles: len(s.Articles), Entities: len(s.Entities)}
	for i := range d.Model.Events {
		ev := &d.Model.Events[i]
		re := reportEvent{ID: string(ev.Event.ID), Title: ev.Event.Title, When: whenText(ev.When, hasDateConflict(ev.Conflicts)), EDTF: ev.When.EDTF(),
			Undated: ev.When.IsZero(), Place: ev.Event.Place, Description: ev.Event.Description, Corroboration: ev.Corroboration,
			Confidence: fmt.Sprintf("%s (%.2f)", ev.Confidence.Level, ev.Confidence.Score), Level: strings.ReplaceAll(ev.Confidence.Level, " ", "-"),
			Reason: ev.Confidence.Reason}
		if re.Undated {
			r.Counts.Undated++
		}
		for _, cf := range ev.Conflicts {
			re.Conflicts = append(re.Conflicts, string(cf.Kind)+": "+cf.Detail)
			r.Counts.Conflicts++
		}
		for _, cv := range ev.Supporting {
			re.Supporting = append(re.Supporting, d.reportClaim(cv, ev))
		}
		for _, cv := range ev.Contradicting {
			re.Contradicting = append(re.Contradicting, d.reportClaim(cv, ev))
		}
		r.Events = append(r.Events, re)
	}
	for _, cv := range d.Model.Loose {
		r.Loose = append(r.Loose, d.reportClaim(cv, nil))
	}
	for _, c := range d.undatedClaims() {
		if len(d.links[c.ID]) == 0 {
			r.Loose = append(r.Loose, d.reportClaim(d.view(c), nil))
		}
	}
	r.Counts.Loose = len(r.Loose)
	for _, src := range s.Sources {
		rs := reportSource{Name: src.Name, Kind: string(src.Kind), Note: src.ReliabilityNote, Reliability: "not graded"}
		if src.Reliability.Valid() {
			rs.Reliability = string(src.Reliability) + ": " + src.Reliability.Label()
			rs.Letter = string(src.Reliability)
		}
		for _, h := range d.history[src.ID] {
			g := string(h.Reliability)
			if g == "" {
				g = "grade removed"
			}
			line := fmt.Sprintf("%s %s", h.At.UTC().Format("2006-01-02"), g)
			if h.By != "" {
				line += " by " + h.By
			}
			if h.Note != "" {
				line += ": " + h.Note
			}
			rs.History = append(rs.History, line)
		}
		r.Sources = append(r.Sources, rs)
	}
	for _, e := range s.Entities {
		var names []string
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		r.Entities = append(r.Entities, reportEntity{Name: e.Name, Kind: string(e.Kind), Aliases: strings.Join(names, ", ")})
	}
	return r
}

func (d *Data) reportClaim(cv timeline.ClaimView, ev *timeline.EventView) reportClaim {
	c := cv.Claim
	rc := reportClaim{ID: string(c.ID), Statement: c.Statement, Quote: c.Anchor.Exact, Grade: gradeText(cv.Grade),
		Letter: string(cv.Grade.Reliability), GradeWords: gradeWords(cv.Grade), Article: d.articleLine(c.ArticleID),
		Tags: strings.Join(c.Tags, ", "), Entities: strings.Join(d.entityNames(&c), ", "), Notes: c.Notes}
	if !cv.Grade.Reliability.Valid() {
		rc.Letter = ""
	}
	rc.Source = "unknown source"
	if cv.Origin != "" {
		rc.Source = d.sourceName(cv.Origin)
	}
	if a, ok := d.articles[c.ArticleID]; ok && webURL(a.URL) {
		rc.URL = a.URL
	}
	disputed := false
	if ev != nil {
		cfs := claimConflicts(ev, c.ID)
		rc.Conflict = len(cfs) > 0
		disputed = hasDateConflict(cfs)
	}
	rc.When = whenText(claimWhen(&c), disputed)
	if c.Quantity != nil {
		rc.Quantity = c.Quantity.String()
	}
	return rc
}
