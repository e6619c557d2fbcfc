package temporal

// relDay reads "today", "tonight", "yesterday", "tomorrow", "earlier
// today", "later today", "earlier in the day", "last night", "this
// morning", "yesterday morning", "the day before yesterday".
func (g *grammar) relDay(i int) (*parsed, int) {
	p := parsed{kind: KindRelativeDay}
	j := i
	if g.word(j, "earlier") || g.word(j, "later") {
		p.sub = g.lowAt(j)
		j++
		if g.word(j, "in") && g.word(j+1, "the") && g.word(j+2, "day") {
			return p.ptr(), j + 3
		}
	}
	if g.word(j, "the") && g.word(j+1, "day") && g.word(j+3, "yesterday") && g.word(j+2, "before") && p.sub == "" {
		p.rel = -2
		return p.ptr(), j + 4
	}
	if g.word(j, "the") && g.word(j+1, "day") && g.word(j+3, "tomorrow") && g.word(j+2, "after") && p.sub == "" {
		p.rel = 2
		return p.ptr(), j + 4
	}
	switch g.lowAt(j) {
	case "today":
		j++
	case "tonight":
		p.dayPart = "night"
		j++
	case "yesterday", "tomorrow":
		if p.sub != "" {
			return nil, i
		}
		p.rel = -1
		if g.word(j, "tomorrow") {
			p.rel = 1
		}
		j++
		if dayParts[g.lowAt(j)] {
			p.dayPart = g.lowAt(j)
			j++
		}
	case "this":
		if !dayParts[g.lowAt(j+1)] || g.word(j+1, "night") {
			return nil, i
		}
		p.dayPart = g.lowAt(j + 1)
		j += 2
	case "last":
		if !g.word(j+1, "night") || p.sub != "" {
			return nil, i
		}
		p.rel, p.dayPart = -1, "night"
		j += 2
	default:
		return nil, i
	}
	return p.ptr(), j
}

// periodUnits are the calendar periods "last", "this" and "next" take.
var periodUnits = map[string]bool{"week": true, "weekend": true, "month": true, "year": true}

// relPeriod reads "last week", "this year", "next month", "earlier this
// week", "later this year", "the weekend", "in recent days", "the past
// week", "the last two weeks".
func (g *grammar) relPeriod(i int) (*parsed, int) {
	p := parsed{kind: KindRelativePeriod}
	j := i
	if g.word(j, "earlier") || g.word(j, "later") {
		p.sub = g.lowAt(j)
		j++
		if !g.word(j, "this") {
			return nil, i
		}
	}
	switch w := g.lowAt(j); w {
	case "last", "this", "next":
		if w == "this" && g.word(j+1, "past") && (g.word(j+2, "week") || g.word(j+2, "weekend")) && p.sub == "" {
			p.mod, p.period = "last", g.lowAt(j+2)
			return p.ptr(), j + 3
		}
		if !periodUnits[g.lowAt(j+1)] {
			return nil, i
		}
		p.mod, p.period = w, g.lowAt(j+1)
		return p.ptr(), j + 2
	case "recent":
		switch g.lowAt(j + 1) {
		case "days", "weeks", "months", "years":
			p.period = "recent-" + units[g.lowAt(j+1)]
			return p.ptr(), j + 2
		}
		return nil, i
	case "the":
		if p.sub != "" {
			return nil, i
		}
		if g.word(j+1, "weekend") {
			p.period = "weekend"
			return p.ptr(), j + 2
		}
		if g.word(j+1, "coming") {
			switch g.lowAt(j + 2) {
			case "days", "weeks", "months":
				p.period = "coming-" + units[g.lowAt(j+2)]
				return p.ptr(), j + 3
			}
			return nil, i
		}
		if g.word(j+1, "next") {
			n, vague, e := g.count(j + 2)
			if e == j+2 || isSingularUnit(g.lowAt(e)) {
				return nil, i
			}
			u, ok := units[g.lowAt(e)]
			if !ok || u == "decade" {
				return nil, i
			}
			p.anchor, p.n, p.vague, p.unit = "next", n, vague, u
			return p.ptr(), e + 1
		}
		if !g.word(j+1, "past") && !g.word(j+1, "last") {
			return nil, i
		}
		k := j + 2
		n, vague, e := g.count(k)
		if e == k {
			n = 1
		}
		u, ok := units[g.lowAt(e)]
		if !ok || u == "decade" || (e == k) != isSingularUnit(g.lowAt(e)) {
			return nil, i
		}
		p.kind, p.anchor, p.n, p.vague, p.unit = KindRelativePeriod, "past", n, vague, u
		return p.ptr(), e + 1
	}
	return nil, i
}

func isSingularUnit(w string) bool {
	switch w {
	case "day", "week", "month", "year", "hour", "decade":
		return true
	}
	return false
}

// part reads parts of a year or month: "early 2014", "mid-2016", "late
// October", "in early November", "the end of October", "the start of the
// year", "the first half of 2017", "late last year".
func (g *grammar) part(i int) (*parsed, int) {
	p := parsed{kind: KindPart}
	j := i
	switch w := g.lowAt(j); w {
	case "early", "mid", "late":
		p.part = w
		j++
		if t := g.tok(j); t != nil && t.isDash() && !t.space {
			j++
		}
	case "the", "end", "start", "beginning", "middle", "first", "second":
		if w == "the" {
			j++
		}
		switch g.lowAt(j) {
		case "end", "start", "beginning", "middle":
			p.part = map[string]string{"end": "end", "start": "start", "beginning": "start", "middle": "mid"}[g.lowAt(j)]
			j++
		case "first", "second":
			if !g.word(j+1, "half") {
				return nil, i
			}
			p.part = map[string]string{"first": "half1", "second": "half2"}[g.lowAt(j)]
			j += 2
		default:
			return nil, i
		}
		if !g.word(j, "of") {
			return nil, i
		}
		j++
	default:
		return nil, i
	}
	b, e := g.partBase(j)
	if b == nil {
		return nil, i
	}
	p.base = b
	return p.ptr(), e
}

// partBase reads what a part applies to: a year, a month (with or without
// its year), "this/last/next year/month" or "the year"/"the month".
func (g *grammar) partBase(j int) (*parsed, int) {
	if y, ok := g.yearAt(j); ok {
		return &parsed{kind: KindYear, year: y}, j + 1
	}
	if b, e := g.month(j, true); b != nil {
		return b, e
	}
	switch w := g.lowAt(j); w {
	case "this", "last", "next":
		if u := g.lowAt(j + 1); u == "year" || u == "month" {
			return &parsed{kind: KindRelativePeriod, mod: w, period: u}, j + 2
		}
	case "the":
		if u := g.lowAt(j + 1); u == "year" || u == "month" {
			return &parsed{kind: KindRelativePeriod, mod: "this", period: u}, j + 2
		}
	}
	return nil, j
}

// season reads "summer 2014", "the summer of 2014", "last summer", "this
// winter", and a bare season after a cue ("in the spring", "before
// winter"). "the fall of Mosul" is no season.
func (g *grammar) season(i int) (*parsed, int) {
	p := parsed{kind: KindPart}
	j := i
	switch w := g.lowAt(j); w {
	case "last", "this", "next":
		p.mod = w
		j++
	case "the":
		j++
	}
	m, ok := seasons[g.lowAt(j)]
	if !ok {
		return nil, i
	}
	p.season = m
	j++
	if g.word(j, "of") {
		if y, ok := g.yearAt(j + 1); ok && p.mod == "" {
			p.year = y
			return p.ptr(), j + 2
		}
		return nil, i
	}
	if y, ok := g.yearAt(j); ok && p.mod == "" {
		p.year = y
		return p.ptr(), j + 1
	}
	if p.mod != "" {
		return p.ptr(), j
	}
	if !g.monthCue(i - 1) {
		return nil, i
	}
	if m == seasons["fall"] && g.lowAt(j-1) == "fall" && g.lowAt(i) != "the" {
		return nil, i
	}
	return p.ptr(), j
}

// otherEvent reads days and periods counted from another event of the
// story: "the previous day", "the day before", "the following week", "the
// next day", "the same day". They name no date of their own.
func (g *grammar) otherEvent(i int) (*parsed, int) {
	if !g.word(i, "the") {
		return nil, i
	}
	p := parsed{kind: KindRelativeDay, anchor: "other"}
	switch w := g.lowAt(i + 1); w {
	case "previous", "following", "next", "same":
		u := g.lowAt(i + 2)
		switch u {
		case "day", "night", "morning", "evening":
		case "week", "month", "year", "weekend":
			if w == "same" {
				return nil, i
			}
			p.kind = KindRelativePeriod
		default:
			return nil, i
		}
		return p.ptr(), i + 3
	case "day":
		if (g.word(i+2, "before") && !g.word(i+3, "yesterday")) || (g.word(i+2, "after") && !g.word(i+3, "tomorrow")) {
			return p.ptr(), i + 3
		}
	}
	return nil, i
}
