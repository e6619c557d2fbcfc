package export

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

type tlDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tlSlide struct {
	StartDate   *tlDate `json:"start_date,omitempty"`
	EndDate     *tlDate `json:"end_date,omitempty"`
	Text        tlText  `json:"text"`
	Group       string  `json:"group,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	UniqueID    string  `json:"unique_id,omitempty"`
}

// tlDates gives a When's TimelineJS start and end: the day, month or year
// it is known to (a month has no day, a year no month); a range spans from
// its start to its end.
func tlDates(w app.When) (*tlDate, *tlDate) {
	part := func(d app.Date, u app.Precision) *tlDate {
		switch u {
		case app.PrecisionYear:
			return &tlDate{Year: d.Year}
		case app.PrecisionMonth:
			return &tlDate{Year: d.Year, Month: int(d.Month)}
		}
		return &tlDate{Year: d.Year, Month: int(d.Month), Day: d.Day}
	}
	u := unit(w)
	start := part(w.Start, u)
	var end *tlDate
	if e := part(w.End, u); *e != *start {
		end = e
	}
	return start, end
}

// WriteTimelineJS writes a TimelineJS 3 JSON file.
//
// Every event with a date is a slide in the group "Events"; every dated
// claim is a slide in the group of its origin (the source it speaks for),
// shown once even when it is linked to several events. A range spans from
// its start to its end; a month-precise date has no day, a year no month.
// The slide's display date says what the span cannot: "c. 2014" for an
// approximate date, "(uncertain)" when the source hedges, "(disputed)"
// when the event's claims disagree on the date. The text carries the
// grades, sources, quotes, stances and conflicts, HTML-escaped.
//
// TimelineJS silently skips a slide without a date, so nothing undated is
// made a slide: undated events (with their claims) and undated claims that
// belong to no event are listed on the title slide under "Not on the
// timeline (no date)", and undated claims of a dated event are listed in
// that event's slide.
func WriteTimelineJS(w io.Writer, d *Data) error {
	d.index()
	var dated, undated []*timeline.EventView
	for i := range d.Model.Events {
		if ev := &d.Model.Events[i]; ev.When.IsZero() {
			undated = append(undated, ev)
		} else {
			dated = append(dated, ev)
		}
	}
	claims := d.datedClaims()
	title := tlSlide{Text: tlText{Headline: esc(d.title()), Text: d.tlTitleText(undated)}}
	js := newJSONStream(w)
	js.raw("{")
	js.field("scale", "human", true)
	js.field("title", title, false)
	// Slides are made as they are written, so a large case never holds
	// them all at once.
	js.array("events", len(dated)+len(claims), func(i int) any {
		if i < len(dated) {
			return d.tlEvent(dated[i])
		}
		return d.tlClaim(claims[i-len(dated)])
	}, false)
	js.raw("\n}\n")
	if err := js.flush(); err != nil {
		return fmt.Errorf("write timelinejs: %w", err)
	}
	return nil
}

func esc(s string) string { return html.EscapeString(s) }

// escLines escapes s and keeps its line breaks.
func escLines(s string) string {
	return strings.ReplaceAll(esc(strings.TrimSpace(s)), "\n", "<br>")
}

func (d *Data) tlTitleText(undated []*timeline.EventView) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<p>Exported from Evidence Workbench on %s (%s): %d event(s), %d claim(s), %d source(s).</p>",
		esc(d.Generated.UTC().Format("2 Jan 2006 15:04 MST")), esc(d.Scope), len(d.Snapshot.Events), len(d.Snapshot.Claims), len(d.Snapshot.Sources))
	b.WriteString("<p>Grades are Admiralty codes: source reliability A (completely reliable) to F (cannot be judged), information credibility 1 (confirmed) to 6 (cannot be judged).</p>")
	var loose []*app.Claim
	linked := map[app.ID]bool{}
	for id := range d.links {
		linked[id] = true
	}
	for _, c := range d.undatedClaims() {
		if !linked[c.ID] {
			loose = append(loose, c)
		}
	}
	if len(undated) == 0 && len(loose) == 0 {
		return b.String()
	}
	b.WriteString("<h3>Not on the timeline (no date)</h3><ul>")
	for _, ev := range undated {
		fmt.Fprintf(&b, "<li><b>Event: %s</b>", esc(ev.Event.Title))
		d.tlClaimList(&b, ev)
		b.WriteString("</li>")
	}
	for _, c := range loose {
		cv := d.view(c)
		fmt.Fprintf(&b, "<li>Claim (%s, %s): %s</li>", esc(gradeText(cv.Grade)), esc(d.sourceName(cv.Origin)), esc(c.Statement))
	}
	b.WriteString("</ul>")
	return b.String()
}

func (d *Data) tlClaimList(b *strings.Builder, ev *timeline.EventView) {
	list := func(label string, cvs []timeline.ClaimView) {
		if len(cvs) == 0 {
			return
		}
		fmt.Fprintf(b, "<p>%s:</p><ul>", label)
		for _, cv := range cvs {
			fmt.Fprintf(b, "<li>[%s] %s (%s, %s)", esc(gradeText(cv.Grade)), esc(cv.Claim.Statement), esc(d.sourceName(cv.Origin)), esc(whenText(claimWhen(&cv.Claim), false)))
			if q := strings.TrimSpace(cv.Claim.Anchor.Exact); q != "" {
				fmt.Fprintf(b, "<br><i>“%s”</i>", esc(q))
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ul>")
	}
	list("Supporting", ev.Supporting)
	list("Contradicting", ev.Contradicting)
}

func (d *Data) tlEvent(ev *timeline.EventView) tlSlide {
	start, end := tlDates(ev.When)
	s := tlSlide{StartDate: start, EndDate: end, Group: "Events", UniqueID: "event-" + string(ev.Event.ID),
		DisplayDate: whenText(ev.When, hasDateConflict(ev.Conflicts))}
	s.Text.Headline = esc(ev.Event.Title)
	var b strings.Builder
	fmt.Fprintf(&b, "<p><b>%s</b>", esc(s.DisplayDate))
	if ev.Event.Place != "" {
		fmt.Fprintf(&b, " · %s", esc(ev.Event.Place))
	}
	b.WriteString("</p>")
	if ev.Event.Description != "" {
		fmt.Fprintf(&b, "<p>%s</p>", escLines(ev.Event.Description))
	}
	fmt.Fprintf(&b, "<p>Corroborated by %s. Confidence: %s (%.2f): %s.</p>",
		app.Count(ev.Corroboration, "independent origin", "independent origins"), esc(ev.Confidence.Level), ev.Confidence.Score, esc(ev.Confidence.Reason))
	for _, cf := range ev.Conflicts {
		fmt.Fprintf(&b, "<p><b>⚠ Conflict (%s):</b> %s</p>", esc(string(cf.Kind)), esc(cf.Detail))
	}
	d.tlClaimList(&b, ev)
	s.Text.Text = b.String()
	return s
}

func (d *Data) tlClaim(cv *timeline.ClaimView) tlSlide {
	c := cv.Claim
	w := *c.When
	start, end := tlDates(w)
	disputed := d.inConflict(c.ID, timeline.ConflictDate)
	s := tlSlide{StartDate: start, EndDate: end, Group: d.sourceName(cv.Origin), UniqueID: "claim-" + string(c.ID),
		DisplayDate: whenText(w, disputed)}
	s.Group = esc(s.Group)
	s.Text.Headline = esc(clipText(c.Statement, 120))
	var b strings.Builder
	fmt.Fprintf(&b, "<p><b>%s</b> · grade %s</p>", esc(s.DisplayDate), esc(gradeWords(cv.Grade)))
	if c.Statement != "" {
		fmt.Fprintf(&b, "<p>%s</p>", escLines(c.Statement))
	}
	fmt.Fprintf(&b, "<blockquote>“%s”</blockquote>", escLines(c.Anchor.Exact))
	fmt.Fprintf(&b, "<p>Source: %s. Article: %s.</p>", esc(d.sourceName(cv.Origin)), esc(d.articleLine(c.ArticleID)))
	if w.Expression != "" {
		fmt.Fprintf(&b, "<p>Date from “%s”", esc(w.Expression))
		if !w.Reference.IsZero() {
			fmt.Fprintf(&b, " read against %s", esc(w.Reference.String()))
		}
		b.WriteString(".</p>")
	}
	for _, l := range d.links[c.ID] {
		fmt.Fprintf(&b, "<p>%s the event “%s”.</p>", map[app.Stance]string{app.StanceSupports: "Supports", app.StanceContradicts: "Contradicts"}[l.Stance], esc(l.Event.Event.Title))
		for _, cf := range claimConflicts(l.Event, c.ID) {
			fmt.Fprintf(&b, "<p><b>⚠ Conflict (%s):</b> %s</p>", esc(string(cf.Kind)), esc(cf.Detail))
		}
	}
	s.Text.Text = b.String()
	return s
}

// clipText shortens s to n runes on one line, with an ellipsis.
func clipText(s string, n int) string { return clipRunes(s, n) }
