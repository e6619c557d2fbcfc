package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// reDatelinePlace matches the opening of a dateline: a place in capitals or
// title case, an optional region, and where the agency or date sits.
var reDatelinePlace = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{M}'’.\-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.\-]*){0,3}(?:,\s*[\p{Lu}][\p{L}\p{M}'’.\-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.\-]*){0,2})?`)

// reDashSep finds the dash that ends a dateline.
var reDashSep = regexp.MustCompile(`\s[-–—]+\s|\s--\s|[–—]`)

// datelinePrefix returns the dateline at the start of a body line
// ("BAGHDAD, Nov 3 (Reuters) -"): the byte length up to (not including) the
// dash, or 0 when the line does not open with one.
func datelinePrefix(t string) int {
	if reDatelinePlace.FindStringIndex(t) == nil {
		return 0
	}
	loc := reDashSep.FindStringIndex(t)
	if loc == nil || utf8.RuneCountInString(t[:loc[0]]) > 90 || countWords(t[:loc[0]]) > 12 {
		return 0
	}
	pre := t[:loc[0]]
	if strings.ContainsAny(pre, ".!?\"“") && !isDateish(pre) {
		return 0
	}
	return loc[0]
}

// isDateish tolerates full stops in datelines that hold an abbreviated
// month ("Sept. 21") or initials.
func isDateish(s string) bool {
	return len(findDates(s)) > 0 || len(findYearlessDates(s)) > 0 || strings.Contains(s, "(")
}

// findDate reads the publication date stated in the header (or in the
// dateline that opens the first paragraph). Published wins over Updated;
// a date with no year, or one whose day and month cannot be told apart, is
// not used but reported.
func (a *analysis) findDate() {
	type found struct {
		hit  dateHit
		line int
		off  int // byte offset of the searched string within l.t
		how  string
	}
	var hits []found
	var yearless, ambiguous []found
	scan := func(k int, s string, off int, how string) {
		for _, h := range findDates(s) {
			f := found{h, k, off, how}
			if h.ambiguous {
				ambiguous = append(ambiguous, f)
				continue
			}
			hits = append(hits, f)
		}
	}
	for _, k := range a.header {
		if k == a.title || a.kind[k] != "" {
			continue
		}
		if a.markdown && strings.HasPrefix(a.lines[k].t, "title:") {
			continue
		}
		if proseLine(&a.lines[k]) {
			// a short lede paragraph: only a labelled or leading date counts
			for _, h := range findDates(a.lines[k].t) {
				if h.kind != datePlain || h.start == 0 {
					hits = append(hits, found{h, k, 0, "date in the header"})
				}
			}
			continue
		}
		scan(k, a.lines[k].t, 0, "date in the header")
	}
	if a.firstBody < len(a.lines) {
		l := &a.lines[a.firstBody]
		if n := datelinePrefix(l.t); n > 0 {
			scan(a.firstBody, l.t[:n], 0, "dateline of the first paragraph")
			for _, h := range findYearlessDates(l.t[:n]) {
				yearless = append(yearless, found{h, a.firstBody, 0, "dateline"})
			}
		}
	}
	best := -1
	for _, want := range []dateKind{datePublished, datePlain, dateUpdated} {
		for i, f := range hits {
			if f.hit.kind == want {
				best = i
				break
			}
		}
		if best >= 0 {
			break
		}
	}
	if best < 0 && len(ambiguous) > 0 {
		// a clear cue: the page's other numeric dates show which comes first
		if order := numericOrder(a.lines); order != 0 {
			f := ambiguous[0]
			if p, ok := resolveAmbiguous(f.hit, order); ok {
				how := "day first"
				if order < 0 {
					how = "month first"
				}
				l := &a.lines[f.line]
				a.found.meta.Published = p
				a.found.meta.Known.Published = app.Evidence{Basis: app.BasisText, Span: l.span(f.off+f.hit.start, f.off+f.hit.end),
					Detail: f.how + " (numeric; read " + how + " as the page's other dates are written)"}
				return
			}
		}
	}
	if best < 0 {
		for _, f := range yearless {
			a.warn(fmt.Sprintf("The dateline gives “%s” but no year; the publication date is left unknown — set it by hand.", f.hit.text))
			break
		}
		for _, f := range ambiguous {
			a.warn(fmt.Sprintf("The date “%s” could be day/month or month/day; the publication date is left unknown — set it by hand.", f.hit.text))
			break
		}
		return
	}
	f := hits[best]
	l := &a.lines[f.line]
	detail := f.how
	switch f.hit.kind {
	case datePublished:
		detail += " (labelled published)"
	case dateUpdated:
		detail += " (labelled updated; no published date stated)"
	}
	a.found.meta.Published = f.hit.date
	a.found.meta.Known.Published = app.Evidence{Basis: app.BasisText, Span: l.span(f.off+f.hit.start, f.off+f.hit.end), Detail: detail}
}

// proseLine reports whether a header line is a sentence of running text
// rather than a metadata line (a short lede paragraph above the body).
func proseLine(l *line) bool {
	return l.words >= 8 && endsSentence(l.t)
}
