package temporal

// count reads how many of a unit: "two", "14", "a few", "several", "a
// couple of", "a", "an". It returns the count, whether it is vague, and the
// index after it (i when there is no count).
func (g *grammar) count(i int) (int, bool, int) {
	t := g.tok(i)
	if t == nil {
		return 0, false, i
	}
	switch {
	case t.kind == tNum && !t.grouped && !t.ord && !t.decade && t.val >= 1 && t.val <= 999:
		return t.val, false, i + 1
	case t.kind != tWord:
		return 0, false, i
	}
	switch t.low {
	case "a", "an":
		switch g.lowAt(i + 1) {
		case "few":
			return 3, true, i + 2
		case "couple":
			if g.word(i+2, "of") {
				return 2, true, i + 3
			}
			return 0, false, i
		}
		return 1, false, i + 1
	case "several", "few":
		return numberWords[t.low], true, i + 1
	case "couple":
		if g.word(i+1, "of") {
			return 2, true, i + 2
		}
		return 0, false, i
	}
	if n, ok := numberWords[t.low]; ok {
		return n, false, i + 1
	}
	return 0, false, i
}

// duration reads "two weeks since", "four days ago", "eight days after",
// "within days", "in four days", "four days" and "four-day".
func (g *grammar) duration(i int) (*parsed, int) {
	p := parsed{kind: KindDuration}
	j := i
	switch g.lowAt(j) {
	case "within", "in":
		p.anchor = g.lowAt(j)
		j++
		if p.anchor == "within" {
			if u, ok := units[g.lowAt(j)]; ok && !isSingularUnit(g.lowAt(j)) {
				p.n, p.vague, p.unit = 1, true, u
				return p.ptr(), j + 1
			}
		}
	}
	n, vague, e := g.count(j)
	if e == j {
		return nil, i
	}
	p.n, p.vague = n, vague
	// four-day, 24-hour: an adjective, always bare.
	if t := g.tok(e); t != nil && t.isDash() && !t.space && g.glued(e+1) && !vague && p.anchor == "" {
		if u, ok := units[g.lowAt(e+1)]; ok && isSingularUnit(g.lowAt(e+1)) {
			p.unit = u
			return p.ptr(), e + 2
		}
		return nil, i
	}
	u, ok := units[g.lowAt(e)]
	if !ok {
		return nil, i
	}
	// "one day" may be a unit of one; "a day", "a year" only with an anchor.
	single := isSingularUnit(g.lowAt(e))
	if single != (n == 1 && !vague) {
		return nil, i
	}
	p.unit = u
	e++
	if p.anchor == "" {
		switch a := g.lowAt(e); a {
		case "ago", "since", "after", "later", "earlier", "before":
			p.anchor = a
			e++
		}
	}
	if p.anchor == "" {
		if g.lowAt(i) == "a" || g.lowAt(i) == "an" {
			return nil, i
		}
		// A count glued to a number is no duration: "2,000" never reaches
		// here, "one day" in "one day's fighting" is fine.
	}
	return p.ptr(), e
}

// clock reads a time of day: "10:29 am", "13:30", "9 p.m.", "0930 GMT",
// "noon", "midnight" and, after "at", "dawn" and "dusk".
func (g *grammar) clock(i int) (*parsed, int) {
	t := g.tok(i)
	if t == nil {
		return nil, i
	}
	p := parsed{kind: KindTime, hasTime: true}
	if t.kind == tWord {
		switch t.low {
		case "noon", "midday", "midnight":
			p.timeText = t.low
			return p.ptr(), i + 1
		case "dawn", "dusk", "daybreak", "sunrise", "sunset", "nightfall":
			if g.word(i-1, "at") || g.word(i-1, "before") || g.word(i-1, "after") || g.word(i-1, "by") {
				p.timeText = t.low
				p.dayPart = t.low
				return p.ptr(), i + 1
			}
		}
		return nil, i
	}
	if t.kind != tNum || t.grouped || t.ord || t.decade {
		return nil, i
	}
	e := i + 1
	h, m := t.val, 0
	switch {
	case t.digits <= 2 && g.punct(e, ":") && g.glued(e) && g.glued(e+1) && g.tokIsNum(e+1) && g.tok(e+1).digits == 2:
		m = g.tok(e + 1).val
		e += 2
		if n := g.tok(e); n != nil && !n.space && (n.isPunct(":") || n.kind == tNum) {
			return nil, i // 10:29:31 is fine to skip; 1:2:3 is a ratio
		}
	case t.digits == 4 && (g.word(e, "gmt") || g.word(e, "utc")):
		h, m = t.val/100, t.val%100
	case t.digits <= 2:
	default:
		return nil, i
	}
	if h > 23 || m > 59 {
		return nil, i
	}
	colon := e > i+1
	if f, ok := g.meridiem(e); ok {
		if h < 1 || h > 12 {
			return nil, i
		}
		e = f
	} else if !colon && t.digits != 4 {
		return nil, i
	}
	if g.word(e, "gmt") || g.word(e, "utc") {
		e++
	} else if g.word(e, "local") && g.word(e+1, "time") {
		e += 2
	}
	p.timeText = g.text(i, e)
	return p.ptr(), e
}

// meridiem reads "am", "pm", "a.m." or "p.m." at token i.
func (g *grammar) meridiem(i int) (int, bool) {
	switch g.lowAt(i) {
	case "am", "pm":
		return i + 1, true
	case "a", "p":
		if g.punct(i+1, ".") && g.word(i+2, "m") && g.glued(i+1) && g.glued(i+2) {
			if g.punct(i+3, ".") && g.glued(i+3) {
				return i + 4, true
			}
			return i + 3, true
		}
	}
	return i, false
}

// text rebuilds the words of tokens [i, e) with single spaces where the
// source had space.
func (g *grammar) text(i, e int) string {
	s := ""
	for k := i; k < e; k++ {
		t := g.t[k]
		if k > i && t.space {
			s += " "
		}
		s += t.text
	}
	return s
}
