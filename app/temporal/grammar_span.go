package temporal

// Levels of a span's endpoints.
const (
	levelNone = iota
	levelWeekday
	levelDay
	levelMonth
	levelYear
)

func level(p *parsed) int {
	switch {
	case p == nil:
		return levelNone
	case p.bareDay, p.kind == KindFullDate, p.kind == KindMonthDay:
		return levelDay
	case p.kind == KindWeekday:
		return levelWeekday
	case p.kind == KindMonth:
		return levelMonth
	case p.kind == KindYear && !p.decade:
		return levelYear
	}
	return levelNone
}

// endpoint reads one side of a span: a date, a month, a year, a weekday or
// a day number alone (which the other side must complete).
func (g *grammar) endpoint(i int) (*parsed, int) {
	var best *parsed
	end := i
	for _, r := range []func(int) (*parsed, int){
		g.date, g.numericDate, g.weekdayPlain,
		func(i int) (*parsed, int) { return g.month(i, true) },
		func(i int) (*parsed, int) { return g.year(i, true) },
	} {
		if p, e := r(i); p != nil && e > end {
			best, end = p, e
		}
	}
	if best == nil {
		if d, ok := g.dayAt(i); ok {
			best, end = &parsed{bareDay: true, day: d}, i+1
		}
	}
	return best, end
}

// weekdayPlain is a weekday without "last"/"next" or a part of the day.
func (g *grammar) weekdayPlain(i int) (*parsed, int) {
	if wd, ok := g.weekdayAt(i); ok {
		return &parsed{kind: KindWeekday, wd: wd, hasWD: true}, i + 1
	}
	return nil, i
}

// span reads "between 3 and 5 November", "from Oct. 26 to Nov. 3",
// "3-5 November", "November 3-5", "from Monday to Wednesday",
// "between 2014 and 2016", "2014-2016".
func (g *grammar) span(i int) (*parsed, int) {
	lead := g.lowAt(i)
	j := i
	if lead == "from" || lead == "between" {
		j++
	} else {
		lead = ""
	}
	l, e := g.endpoint(j)
	if l == nil {
		return nil, i
	}
	sep := g.tok(e)
	if sep == nil {
		return nil, i
	}
	dash := sep.isDash()
	switch {
	case lead == "between":
		if !sep.isWord("and") {
			return nil, i
		}
	case lead == "from":
		if !dash && !sep.isWord("to") && !sep.isWord("until") && !sep.isWord("till") && !sep.isWord("through") {
			return nil, i
		}
	default:
		if !dash && !sep.isWord("to") {
			return nil, i
		}
	}
	r, f := g.endpoint(e + 1)
	if r == nil {
		return nil, i
	}
	ll, rl := level(l), level(r)
	switch {
	case ll == levelNone || rl == levelNone:
		return nil, i
	case l.bareDay && r.bareDay:
		return nil, i
	case l.bareDay && (rl != levelDay || r.month == 0), r.bareDay && (ll != levelDay || l.month == 0):
		return nil, i
	case (ll == levelWeekday) != (rl == levelWeekday):
		return nil, i
	case lead == "" && ll == levelWeekday:
		return nil, i
	case lead == "" && (ll == levelYear || rl == levelYear) && !(ll == rl && dash && !sep.space && g.glued(e+1) && r.year > l.year):
		return nil, i
	case lead == "" && ll == levelMonth && !(rl == levelMonth && dash):
		return nil, i
	case lead == "" && ll == levelDay && rl != levelDay:
		return nil, i
	}
	return &parsed{kind: KindSpan, left: l, right: r}, f
}
