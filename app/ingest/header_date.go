package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
)

// dateKind says what a stated date is labelled as.
type dateKind int

const (
	datePlain     dateKind = iota // no label
	datePublished                 // "Published", "Posted", "First published"
	dateUpdated                   // "Updated", "Last modified"
)

// dateHit is one publication-date-shaped expression found in a string.
type dateHit struct {
	start, end int // byte offsets in the searched string (date and time)
	date       app.PubDate
	kind       dateKind
	noYear     bool   // "Nov 3": a day without a year; date.Date.Year is 0
	ambiguous  bool   // "03/11/2017": day and month cannot be told apart
	text       string // the matched text
}

const (
	reMonth   = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	reWeekday = `(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?`
	reDay     = `(\d{1,2})(?:st|nd|rd|th)?`
	reYear    = `(\d{4})`
)

var (
	// "Monday, November 6, 2017", "Sept. 21, 2017", "November 3rd, 2017"
	reMDY = regexp.MustCompile(`(?i)\b` + reWeekday + reMonth + `\s+` + reDay + `,?\s+` + reYear + `(?:\D|$)`)
	// "Monday, 6 November, 2017", "3 November 2017", "6th of November 2017"
	reDMY = regexp.MustCompile(`(?i)\b` + reWeekday + reDay + `\s+(?:of\s+)?` + reMonth + `,?\s+` + reYear + `(?:\D|$)`)
	// "2017-11-03", "2017-11-03T13:30", "2017-11-03 13:30"
	reISO = regexp.MustCompile(`(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?(?:\D|$)`)
	// "03/11/2017", "3.11.2017"
	reNumeric = regexp.MustCompile(`(?:^|[^\d/.])(\d{1,2})([/.])(\d{1,2})[/.](\d{4})(?:[^\d/.]|$)`)
	// "Nov 3" with no year (datelines only)
	reMD = regexp.MustCompile(`(?i)\b` + reMonth + `\s+` + reDay + `\b`)
	// a time after a date: " - 13:30", " at 10:29 am", ", 1:30 PM GMT"
	reTimeAfter = regexp.MustCompile(`(?i)^\s*(?:[-–—|,@·•/]\s*)?(?:at\s+)?(\d{1,2})[:.](\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*\(?\s*(?:GMT|UTC|[A-Z]{1,4}T|ET|PT|CT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?`)
	// a time before a date: "10:29 am, October 28, 2017"
	reTimeBefore = regexp.MustCompile(`(?i)(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*(?:GMT|UTC|[A-Z]{1,4}T))?\s*[-–—|,@·•]?\s*(?:on\s+)?$`)
	// labels in front of a date
	reUpdatedLabel   = regexp.MustCompile(`(?i)\b(updated|last\s+updated|modified|last\s+modified|edited|revised)\b`)
	rePublishedLabel = regexp.MustCompile(`(?i)\b(published|posted|first\s+published|released|created|issued|dated|date)\b`)
)

var monthByPrefix = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	return monthByPrefix[s[:3]]
}

// validDate builds a Date when y-m-d is a real calendar day in a plausible
// range for news.
func validDate(y int, m time.Month, d int) (app.Date, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return app.Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return app.Date{}, false
	}
	return app.Date{Year: y, Month: m, Day: d}, true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// findDates returns the publication-date-shaped expressions in s, in order,
// with a time of day attached when one follows (or precedes) the date.
func findDates(s string) []dateHit {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var hits []dateHit
	add := func(h dateHit) {
		for _, o := range hits {
			if h.start < o.end && o.start < h.end {
				return // overlaps a hit already found
			}
		}
		hits = append(hits, h)
	}
	for _, m := range reMDY.FindAllStringSubmatchIndex(s, -1) {
		mon := monthOf(s[m[2]:m[3]])
		if d, ok := validDate(atoi(s[m[6]:m[7]]), mon, atoi(s[m[4]:m[5]])); ok {
			add(dateHit{start: m[0], end: m[7], date: app.PubDate{Date: d}})
		}
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, -1) {
		mon := monthOf(s[m[4]:m[5]])
		if d, ok := validDate(atoi(s[m[6]:m[7]]), mon, atoi(s[m[2]:m[3]])); ok {
			add(dateHit{start: m[0], end: m[7], date: app.PubDate{Date: d}})
		}
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		d, ok := validDate(atoi(s[m[2]:m[3]]), time.Month(atoi(s[m[4]:m[5]])), atoi(s[m[6]:m[7]]))
		if !ok {
			continue
		}
		h := dateHit{start: m[2], end: m[7], date: app.PubDate{Date: d}}
		if m[8] >= 0 {
			hh, mm := atoi(s[m[8]:m[9]]), atoi(s[m[10]:m[11]])
			if hh <= 23 && mm <= 59 {
				h.date.HasTime, h.date.Hour, h.date.Minute = true, hh, mm
				h.end = m[11]
			}
		}
		add(h)
	}
	for _, m := range reNumeric.FindAllStringSubmatchIndex(s, -1) {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]])
		dot := s[m[4]:m[5]] == "."
		h := dateHit{start: m[2], end: m[9]}
		var d app.Date
		var ok bool
		switch {
		case dot || a > 12: // 3.11.2017 and 23/11/2017 are day first
			d, ok = validDate(y, time.Month(b), a)
		case b > 12: // 11/23/2017 is month first
			d, ok = validDate(y, time.Month(a), b)
		case a == b:
			d, ok = validDate(y, time.Month(a), a)
		default:
			d, ok = validDate(y, time.Month(b), a)
			h.ambiguous = true
		}
		if ok {
			h.date = app.PubDate{Date: d}
			add(h)
		}
	}
	for i := range hits {
		attachTime(s, &hits[i])
	}
	sortHits(hits)
	for i := range hits {
		hits[i].kind = labelBefore(s, hits, i)
		hits[i].text = s[hits[i].start:hits[i].end]
	}
	return hits
}

// findYearlessDates finds "Nov 3" style dates (no year) in s.
func findYearlessDates(s string) []dateHit {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var hits []dateHit
	for _, m := range reMD.FindAllStringSubmatchIndex(s, -1) {
		mon := monthOf(s[m[2]:m[3]])
		day := atoi(s[m[4]:m[5]])
		if mon == 0 || day < 1 || day > 31 {
			continue
		}
		h := dateHit{start: m[0], end: m[1], noYear: true,
			date: app.PubDate{Date: app.Date{Month: mon, Day: day}}}
		attachTime(s, &h)
		h.text = s[h.start:h.end]
		hits = append(hits, h)
	}
	return hits
}

func sortHits(h []dateHit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].start < h[j-1].start; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// attachTime extends a hit with a time of day written right after or right
// before the date.
func attachTime(s string, h *dateHit) {
	if h.date.HasTime {
		return
	}
	if m := reTimeAfter.FindStringSubmatchIndex(s[h.end:]); m != nil {
		if hh, mm, ok := clock(s[h.end:], m); ok {
			h.date.HasTime, h.date.Hour, h.date.Minute = true, hh, mm
			h.end += len(strings.TrimRightFunc(s[h.end:h.end+m[1]], unicode.IsSpace))
			return
		}
	}
	before := s[:h.start]
	if m := reTimeBefore.FindStringSubmatchIndex(before); m != nil {
		if hh, mm, ok := clock(before, m); ok {
			h.date.HasTime, h.date.Hour, h.date.Minute = true, hh, mm
			h.start = m[2]
		}
	}
}

// clock reads hour and minute from a reTimeAfter/reTimeBefore match.
func clock(s string, m []int) (int, int, bool) {
	hh, mm := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
	if mm < 0 || mm > 59 || hh < 0 {
		return 0, 0, false
	}
	if m[6] >= 0 {
		if hh < 1 || hh > 12 {
			return 0, 0, false
		}
		pm := strings.EqualFold(s[m[6]:m[7]], "p")
		switch {
		case pm && hh < 12:
			hh += 12
		case !pm && hh == 12:
			hh = 0
		}
	}
	if hh > 23 {
		return 0, 0, false
	}
	return hh, mm, true
}

// labelBefore looks at the words between the previous date (or the start
// of s) and hit i for a "Published" or "Updated" label.
func labelBefore(s string, hits []dateHit, i int) dateKind {
	from := 0
	if i > 0 {
		from = hits[i-1].end
	}
	pre := s[from:hits[i].start]
	if len(pre) > 40 {
		pre = pre[len(pre)-40:]
	}
	u := reUpdatedLabel.FindAllStringIndex(pre, -1)
	p := rePublishedLabel.FindAllStringIndex(pre, -1)
	switch {
	case u == nil && p == nil:
		return datePlain
	case p == nil:
		return dateUpdated
	case u == nil:
		return datePublished
	case u[len(u)-1][0] > p[len(p)-1][0]:
		return dateUpdated
	default:
		return datePublished
	}
}
