package ingest

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	order      int    // numeric dates: +1 read day first, -1 month first, 0 not numeric or both equal
	na, nb     int    // numeric dates: the first two numbers as written
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
	s = headOf(s, maxDateScan)
	var found [4][]dateHit // by pattern, in priority order
	add := func(h dateHit) {
		found[h.kind] = append(found[h.kind], h)
	}
	for _, m := range reMDY.FindAllStringSubmatchIndex(s, -1) {
		mon := monthOf(s[m[2]:m[3]])
		if d, ok := validDate(atoi(s[m[6]:m[7]]), mon, atoi(s[m[4]:m[5]])); ok {
			add(dateHit{start: m[0], end: m[7], date: app.PubDate{Date: d}, kind: 0})
		}
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, -1) {
		mon := monthOf(s[m[4]:m[5]])
		if d, ok := validDate(atoi(s[m[6]:m[7]]), mon, atoi(s[m[2]:m[3]])); ok {
			add(dateHit{start: m[0], end: m[7], date: app.PubDate{Date: d}, kind: 1})
		}
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		d, ok := validDate(atoi(s[m[2]:m[3]]), time.Month(atoi(s[m[4]:m[5]])), atoi(s[m[6]:m[7]]))
		if !ok {
			continue
		}
		h := dateHit{start: m[2], end: m[7], date: app.PubDate{Date: d}, kind: 2}
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
		h := dateHit{start: m[2], end: m[9], kind: 3, na: a, nb: b}
		var d app.Date
		var ok bool
		switch {
		case dot || a > 12: // 3.11.2017 and 23/11/2017 are day first
			d, ok = validDate(y, time.Month(b), a)
			h.order = 1
		case b > 12: // 11/23/2017 is month first
			d, ok = validDate(y, time.Month(a), b)
			h.order = -1
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
	// earlier patterns win where matches overlap
	var hits []dateHit
	for _, group := range found {
		for _, h := range group {
			h.kind = datePlain
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	hits = dropOverlaps(hits, found)
	for i := range hits {
		lo, hi := 0, len(s) // a time is looked for between the neighbouring dates only
		if i > 0 {
			lo = hits[i-1].end
		}
		if i+1 < len(hits) {
			hi = hits[i+1].start
		}
		attachTime(s, &hits[i], lo, hi)
	}
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
	s = headOf(s, maxDateScan)
	var hits []dateHit
	ms := reMD.FindAllStringSubmatchIndex(s, -1)
	for k, m := range ms {
		mon := monthOf(s[m[2]:m[3]])
		day := atoi(s[m[4]:m[5]])
		if mon == 0 || day < 1 || day > 31 {
			continue
		}
		h := dateHit{start: m[0], end: m[1], noYear: true,
			date: app.PubDate{Date: app.Date{Month: mon, Day: day}}}
		lo, hi := 0, len(s)
		if len(hits) > 0 {
			lo = hits[len(hits)-1].end
		}
		if k+1 < len(ms) {
			hi = ms[k+1][0]
		}
		attachTime(s, &h, lo, hi)
		h.text = s[h.start:h.end]
		hits = append(hits, h)
	}
	return hits
}

// dropOverlaps removes hits (sorted by start) that overlap an earlier
// kept hit, keeping the one from the higher-priority pattern.
func dropOverlaps(hits []dateHit, found [4][]dateHit) []dateHit {
	prio := map[[2]int]int{}
	for p, group := range found {
		for _, h := range group {
			if _, ok := prio[[2]int{h.start, h.end}]; !ok {
				prio[[2]int{h.start, h.end}] = p
			}
		}
	}
	var out []dateHit
	for _, h := range hits {
		if n := len(out); n > 0 && h.start < out[n-1].end {
			if prio[[2]int{h.start, h.end}] < prio[[2]int{out[n-1].start, out[n-1].end}] {
				out[n-1] = h
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

// maxDateScan bounds how much of one line is searched for dates: header
// dates sit near the start of short lines.
const maxDateScan = 600

// headOf returns at most n bytes of s, cut at a rune boundary.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// attachTime extends a hit with a time of day written right after or right
// before the date, within s[lo:hi] (between the neighbouring dates, so
// that hits never overlap).
func attachTime(s string, h *dateHit, lo, hi int) {
	if h.date.HasTime {
		return
	}
	after := headOf(s[h.end:hi], 60)
	if m := reTimeAfter.FindStringSubmatchIndex(after); m != nil {
		if hh, mm, ok := clock(after, m); ok {
			h.date.HasTime, h.date.Hour, h.date.Minute = true, hh, mm
			h.end += len(strings.TrimRightFunc(after[:m[1]], unicode.IsSpace))
			return
		}
	}
	from := max(lo, h.start-40)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	before := s[from:h.start]
	if m := reTimeBefore.FindStringSubmatchIndex(before); m != nil {
		if hh, mm, ok := clock(before, m); ok {
			h.date.HasTime, h.date.Hour, h.date.Minute = true, hh, mm
			h.start = from + m[2]
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

// numericOrder tells how a page writes numeric dates, from the ones that
// cannot be misread (a day over 12): +1 day first, -1 month first, 0 when
// there are none or they disagree.
func numericOrder(lines []line) int {
	order := 0
	for i := range lines {
		t := lines[i].t
		if !strings.ContainsAny(t, "/.") {
			continue
		}
		for _, m := range reNumeric.FindAllStringSubmatchIndex(headOf(t, maxDateScan), -1) {
			a, b := atoi(t[m[2]:m[3]]), atoi(t[m[6]:m[7]])
			o := 0
			switch {
			case t[m[4]:m[5]] == ".":
				continue // dotted dates are always day first; no cue for slashes
			case a > 12 && b <= 12:
				o = 1
			case b > 12 && a <= 12:
				o = -1
			default:
				continue
			}
			if order != 0 && order != o {
				return 0
			}
			order = o
		}
	}
	return order
}

// resolveAmbiguous reads an ambiguous numeric date in the given order.
func resolveAmbiguous(h dateHit, order int) (app.PubDate, bool) {
	day, month := h.na, h.nb
	if order < 0 {
		day, month = h.nb, h.na
	}
	d, ok := validDate(h.date.Date.Year, time.Month(month), day)
	if !ok {
		return app.PubDate{}, false
	}
	p := h.date
	p.Date = d
	return p, true
}
