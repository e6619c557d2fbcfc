package temporal

import "time"

// monthAt reads a month name at token i: a capitalised (or upper-case) full
// name, or an abbreviation with an optional full stop. It returns the
// month, whether it was abbreviated and the index after it.
func (g *grammar) monthAt(i int) (time.Month, bool, int) {
	t := g.tok(i)
	if t == nil || t.kind != tWord || !t.upper() {
		return 0, false, i
	}
	m, ok := months[t.low]
	if !ok {
		return 0, false, i
	}
	abbrev := len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july"
	e := i + 1
	if abbrev && g.punct(e, ".") && g.glued(e) {
		e++
	}
	return m, abbrev, e
}

// dayAt reads a day of the month (1-31, maybe an ordinal) at token i.
func (g *grammar) dayAt(i int) (int, bool) {
	t := g.tok(i)
	if t == nil || t.kind != tNum || t.grouped || t.digits > 2 || t.val < 1 || t.val > 31 {
		return 0, false
	}
	// 13:30, 26% and 26-member are not days.
	if n := g.tok(i + 1); n != nil && !n.space && (n.isPunct(":") || n.isPunct("%") || n.isPunct(".") && g.tokIsNum(i+2) && g.glued(i+2)) {
		return 0, false
	}
	return t.val, true
}

func (g *grammar) tokIsNum(i int) bool {
	t := g.tok(i)
	return t != nil && t.kind == tNum
}

// yearAt reads a four-digit year (1000-2199) at token i that is not a count
// of something ("1500 fighters").
func (g *grammar) yearAt(i int) (int, bool) {
	t := g.tok(i)
	if t == nil || t.kind != tNum || t.grouped || t.ord || t.decade || t.digits != 4 || t.val < 1000 || t.val > 2199 {
		return 0, false
	}
	if n := g.tok(i + 1); n != nil {
		if n.kind == tWord && notYearNouns[n.low] {
			return 0, false
		}
		if !n.space && (n.isPunct("%") || (n.isPunct(":") || n.isPunct("/")) && g.tokIsNum(i+2) && g.glued(i+2)) {
			return 0, false
		}
	}
	return t.val, true
}

// optYear reads ", 2017" or " 2017" after a day and month.
func (g *grammar) optYear(i int) (int, int) {
	j := i
	if g.punct(j, ",") {
		j++
	}
	if y, ok := g.yearAt(j); ok {
		return y, j + 1
	}
	return 0, i
}

// weekdayAt reads a weekday name at token i.
func (g *grammar) weekdayAt(i int) (time.Weekday, bool) {
	t := g.tok(i)
	if t == nil || t.kind != tWord {
		return 0, false
	}
	wd, ok := weekdays[t.low]
	return wd, ok
}

// date reads a calendar date with or without a year and weekday:
// "October 28, 2017", "Oct. 26", "November 3rd, 2017", "26 October",
// "the 3rd of November", "Monday, 6 November, 2017".
func (g *grammar) date(i int) (*parsed, int) {
	p := parsed{}
	j := i
	if wd, ok := g.weekdayAt(j); ok {
		p.wd, p.hasWD = wd, true
		j++
		if g.punct(j, ",") {
			j++
		}
	}
	e := g.monthDay(j, &p)
	if e == j {
		return nil, i
	}
	if p.year != 0 {
		p.kind = KindFullDate
	} else {
		p.kind = KindMonthDay
	}
	return p.ptr(), e
}

// monthDay reads "Month day[, year]" or "[the] day [of] Month[, year]" at
// token i into p and returns the index after it (i when nothing matched).
func (g *grammar) monthDay(i int, p *parsed) int {
	if m, _, e := g.monthAt(i); e > i {
		if d, ok := g.dayAt(e); ok && validDay(d, m, 0) {
			y, f := g.optYear(e + 1)
			if y != 0 && !validDay(d, m, y) {
				return i
			}
			p.month, p.day, p.year = m, d, y
			return f
		}
		return i
	}
	j := i
	if g.word(j, "the") {
		j++
	}
	d, ok := g.dayAt(j)
	if !ok {
		return i
	}
	k := j + 1
	if g.word(k, "of") {
		k++
	}
	m, _, e := g.monthAt(k)
	if e == k || !validDay(d, m, 0) {
		return i
	}
	if g.punct(e, ".") && !g.glued(e) {
		return i
	}
	y, f := g.optYear(e)
	if y != 0 && !validDay(d, m, y) {
		return i
	}
	p.month, p.day, p.year = m, d, y
	return f
}

// validDay reports whether day d exists in month m of year y (any leap year
// when y is 0).
func validDay(d int, m time.Month, y int) bool {
	if y == 0 {
		y = 2000
	}
	return d >= 1 && d <= daysIn(m, y)
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// partOfDayOf reads "the morning of Sept. 21" and "the night of Thursday".
func (g *grammar) partOfDayOf(i int) (*parsed, int) {
	if !g.word(i, "the") || !dayParts[g.lowAt(i+1)] || !g.word(i+2, "of") {
		return nil, i
	}
	p, e := g.date(i + 3)
	if p == nil {
		if p, e = g.weekday(i + 3); p == nil || p.dayPart != "" {
			return nil, i
		}
	}
	p.dayPart = g.lowAt(i + 1)
	return p, e
}

// numericDate reads 2017-11-03 and 2017/11/03 anywhere, and 03/11/2017
// only after a cue word ("on", "dated", "published" ...), since a bare
// d/m/y could be anything.
func (g *grammar) numericDate(i int) (*parsed, int) {
	a, b, c := g.tok(i), g.tok(i+2), g.tok(i+4)
	if a == nil || b == nil || c == nil || a.kind != tNum || b.kind != tNum || c.kind != tNum || a.grouped || b.grouped || c.grouped || a.ord || b.ord || c.ord {
		return nil, i
	}
	s1, s2 := g.tok(i+1), g.tok(i+3)
	if s1.space || b.space || s2.space || c.space || s1.text != s2.text || (s1.text != "-" && s1.text != "/" && s1.text != ".") {
		return nil, i
	}
	if n := g.tok(i + 5); n != nil && !n.space && (n.kind == tNum || n.isPunct(s1.text)) {
		return nil, i
	}
	p := parsed{kind: KindFullDate}
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		p.year, p.month, p.day = a.val, time.Month(b.val), c.val
	case a.digits <= 2 && b.digits <= 2 && c.digits == 4 && s1.text == ".":
		// 26.10.2017: the dotted form is day first wherever it is used.
		p.year, p.month, p.day = c.val, time.Month(b.val), a.val
	case a.digits <= 2 && b.digits <= 2 && c.digits == 4 && s1.text == "/" && g.numericCue(i-1):
		p.year = c.val
		switch {
		case a.val > 12:
			p.day, p.month = a.val, time.Month(b.val)
		case b.val > 12:
			p.day, p.month = b.val, time.Month(a.val)
		default:
			p.day, p.month = a.val, time.Month(b.val)
			p.dmAmbiguous = a.val != b.val
		}
	default:
		return nil, i
	}
	if p.year < 1000 || p.year > 2199 || p.month < 1 || p.month > 12 || !validDay(p.day, p.month, p.year) {
		return nil, i
	}
	return p.ptr(), i + 5
}

// numericCue reports whether token i makes a following d/m/y a date.
func (g *grammar) numericCue(i int) bool {
	if i < 0 && g.loose {
		return true
	}
	if g.punct(i, ":") {
		i--
	}
	switch g.lowAt(i) {
	case "on", "dated", "date", "published", "updated", "posted", "since", "from", "until", "till", "by", "before", "after":
		return true
	}
	return false
}

// weekday reads "Thursday", "last Sunday", "next Monday", "this Friday",
// "Friday morning", "Saturday night".
func (g *grammar) weekday(i int) (*parsed, int) {
	p := parsed{kind: KindWeekday}
	j := i
	if g.word(j, "early") || g.word(j, "late") {
		if _, ok := g.weekdayAt(j + 1); ok {
			p.dayPart = g.lowAt(j)
			j++
		}
	}
	switch g.lowAt(j) {
	case "last", "next", "this", "past", "coming":
		p.mod = g.lowAt(j)
		if p.mod == "past" {
			p.mod = "last"
		}
		if p.mod == "coming" {
			p.mod = "next"
		}
		j++
	}
	wd, ok := g.weekdayAt(j)
	if !ok || g.weekdayIsName(j) {
		return nil, i
	}
	p.wd, p.hasWD = wd, true
	j++
	if dayParts[g.lowAt(j)] && p.dayPart == "" {
		p.dayPart = g.lowAt(j)
		j++
	}
	return p.ptr(), j
}

// monthCue reports whether token i (the one before a bare month name)
// makes the name a month: "in July", "since May", "by March".
func (g *grammar) monthCue(i int) bool {
	if i < 0 && g.loose {
		return true
	}
	if t := g.tok(i); t != nil && t.kind == tWord && approxWords[t.low] {
		i--
	}
	switch g.lowAt(i) {
	case "in", "since", "by", "until", "till", "before", "after", "during", "from", "through", "throughout", "circa":
		return true
	}
	return false
}

// monthRule reads "in July", "July 2017", "Sept. 2017", "this July",
// "last March". A bare full month name needs a cue before it.
func (g *grammar) monthRule(i int) (*parsed, int) {
	return g.month(i, false)
}

func (g *grammar) month(i int, bare bool) (*parsed, int) {
	p := parsed{kind: KindMonth}
	j := i
	switch g.lowAt(j) {
	case "last", "next", "this":
		p.mod = g.lowAt(j)
		j++
	}
	m, abbrev, e := g.monthAt(j)
	if e == j {
		return nil, i
	}
	p.month = m
	if g.word(e, "of") {
		if y, ok := g.yearAt(e + 1); ok && p.mod == "" {
			p.year = y
			return p.ptr(), e + 2
		}
	}
	if y, f := g.optYear(e); y != 0 && p.mod == "" {
		p.year = y
		return p.ptr(), f
	}
	if abbrev || !(bare || p.mod != "" || g.monthCue(i-1)) {
		return nil, i
	}
	return p.ptr(), e
}

// yearCue reports whether token i (before a bare year) makes the number a
// year: "in 2014", "since 2003", "circa 1990".
func (g *grammar) yearCue(i int) bool {
	if g.word(i, "circa") {
		return true
	}
	if t := g.tok(i); t != nil && t.kind == tWord && approxWords[t.low] {
		return false
	}
	return g.monthCue(i) || g.word(i, "year") || g.word(i, "c")
}

// yearRule reads a year after a cue ("in 2014", "since 2003") and decades
// ("in the 1990s").
func (g *grammar) yearRule(i int) (*parsed, int) {
	return g.year(i, false)
}

func (g *grammar) year(i int, bare bool) (*parsed, int) {
	if g.word(i, "the") {
		// "the 1990s", "the year 2014"; never "the 2003 invasion".
		if t := g.tok(i + 1); t != nil && t.kind == tNum && t.decade && (bare || g.yearCue(i-1)) {
			return &parsed{kind: KindYear, year: t.val, decade: true}, i + 2
		}
		if g.word(i+1, "year") {
			if y, ok := g.yearAt(i + 2); ok {
				return &parsed{kind: KindYear, year: y}, i + 3
			}
		}
		return nil, i
	}
	y, ok := g.yearAt(i)
	if !ok || !bare && !g.yearCue(i-1) {
		return nil, i
	}
	if n := g.tok(i + 1); !bare && n != nil && !n.space && n.isDash() {
		// 2014-2016 is a span; 2017-11 and 2014-era are something else.
		return nil, i
	}
	return &parsed{kind: KindYear, year: y}, i + 1
}

// titleWords follow a weekday in the names of papers and shows.
var titleWords = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "herald": true,
	"post": true, "mail": true, "star": true, "observer": true, "sun": true,
	"independent": true, "tribune": true, "journal": true, "review": true,
	"edition": true, "show": true, "school": true, "supplement": true, "magazine": true,
}

// weekdayIsName reports whether the weekday at token i is part of a name:
// "The Sunday Times", "the Saturday Review".
func (g *grammar) weekdayIsName(i int) bool {
	n := g.tok(i + 1)
	if n == nil || n.kind != tWord || !n.upper() {
		return false
	}
	if titleWords[n.low] {
		return true
	}
	_, month := months[n.low]
	return g.word(i-1, "the") && !month && !dayParts[n.low]
}
