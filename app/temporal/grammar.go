package temporal

// grammar reads temporal expressions over a token slice. Each rule takes the
// index of its first token and returns what it read and the index after its
// last token; a rule that does not apply returns (nil, i).
type grammar struct {
	t []token
	// loose lets an expression stand without the cue word that made the
	// finder take it ("03/11/2017" after "dated", "July" after "in"): set
	// when re-reading an expression the finder (or the analyst) already cut.
	loose bool
}

type rule func(g *grammar, i int) (*parsed, int)

// coreRules are tried at every token; the longest match wins, the first on
// a tie.
var coreRules = []rule{
	(*grammar).span,
	(*grammar).date,
	(*grammar).partOfDayOf,
	(*grammar).numericDate,
	(*grammar).weekday,
	(*grammar).relDay,
	(*grammar).relPeriod,
	(*grammar).otherEvent,
	(*grammar).part,
	(*grammar).season,
	(*grammar).monthRule,
	(*grammar).yearRule,
	(*grammar).duration,
	(*grammar).clock,
}

// all returns every match over the text, left to right, longest first at
// each position, never overlapping.
func (g *grammar) all() []match {
	var out []match
	for i := 0; i < len(g.t); {
		if p, e := g.matchAt(i); p != nil {
			out = append(out, match{from: i, to: e, p: p})
			i = e
			continue
		}
		i++
	}
	return out
}

// matchAt reads the longest expression starting at token i, with an
// optional leading preposition ("on", "in", "since") or approximation word
// ("around") kept in the span.
func (g *grammar) matchAt(i int) (*parsed, int) {
	p, e := g.core(i)
	t := g.tok(i)
	if t == nil || t.kind != tWord {
		return p, e
	}
	if approxWords[t.low] {
		q, f := g.core(i + 1)
		if pt := g.tok(i + 1); q == nil && pt != nil && pt.kind == tWord && isPrep(pt.low) {
			if q, f = g.core(i + 2); q != nil && prepOK(pt.low, q) {
				q.prep = pt.low
			} else {
				q = nil
			}
		}
		if q != nil && f > e && (approxOK(q) || t.low == "circa") {
			q.approx = true
			p, e = q, f
		}
		return p, e
	}
	if isPrep(t.low) {
		j := i + 1
		approx := false
		if at := g.tok(j); at != nil && at.kind == tWord && approxWords[at.low] {
			j++
			approx = true
		}
		if q, f := g.core(j); q != nil && f > e && prepOK(t.low, q) {
			q.prep = t.low
			q.approx = q.approx || approx
			p, e = q, f
		}
	}
	return p, e
}

// core reads the longest expression starting exactly at token i, then a
// time of day glued to a date ("October 28, 2017 at 10:29 am").
func (g *grammar) core(i int) (*parsed, int) {
	if i >= len(g.t) || !mayStart(&g.t[i]) {
		return nil, i
	}
	var best *parsed
	end := i
	for _, r := range coreRules {
		if p, e := r(g, i); p != nil && e > end {
			best, end = p, e
		}
	}
	if best != nil {
		end = g.attachTime(best, end)
	}
	return best, end
}

// attachTime extends a day expression with a following time of day: "at
// 10:29 am", "- 13:30", ", 9 pm".
func (g *grammar) attachTime(p *parsed, end int) int {
	switch p.kind {
	case KindFullDate, KindMonthDay, KindWeekday, KindRelativeDay:
	default:
		return end
	}
	if p.hasTime {
		return end
	}
	j := end
	if t := g.tok(j); t != nil && (t.isPunct(",") || t.isDash()) {
		j++
	}
	if g.word(j, "at") {
		j++
	}
	if j == end {
		if t := g.tok(j); t == nil || t.kind != tNum {
			return end
		}
	}
	q, e := g.clock(j)
	if q == nil || !q.hasTime || q.timeText == "" || q.dayPart != "" {
		return end
	}
	p.hasTime, p.timeText = true, q.timeText
	return e
}

// starters are the words an expression may begin with, besides numbers,
// month and weekday names, number words and seasons.
var starters = map[string]bool{
	"the": true, "early": true, "mid": true, "late": true, "end": true, "start": true,
	"beginning": true, "middle": true, "first": true, "second": true, "last": true,
	"next": true, "this": true, "past": true, "coming": true, "earlier": true,
	"later": true, "today": true, "tonight": true, "yesterday": true, "tomorrow": true,
	"recent": true, "within": true, "in": true, "from": true, "between": true,
	"noon": true, "midday": true, "midnight": true, "dawn": true, "dusk": true,
	"daybreak": true, "sunrise": true, "sunset": true, "nightfall": true, "a": true,
	"an": true, "several": true, "few": true, "couple": true,
}

// mayStart reports whether any rule can begin at t: a cheap test that
// spares the rules most words of a text.
func mayStart(t *token) bool {
	if t.kind == tNum {
		return !t.grouped
	}
	if t.kind != tWord {
		return false
	}
	if starters[t.low] {
		return true
	}
	if _, ok := months[t.low]; ok {
		return true
	}
	if _, ok := weekdays[t.low]; ok {
		return true
	}
	if _, ok := numberWords[t.low]; ok {
		return true
	}
	_, ok := seasons[t.low]
	return ok
}

func isPrep(w string) bool {
	return prepDate[w] || prepPeriod[w] || w == "at" || w == "over"
}

// prepOK reports whether preposition w may lead an expression like p.
func prepOK(w string, p *parsed) bool {
	switch p.kind {
	case KindSpan:
		return false
	case KindDuration:
		return false
	case KindTime:
		return w == "at" || w == "by" || w == "until" || w == "till" || w == "since" || w == "before" || w == "after" || w == "from"
	}
	switch w {
	case "on":
		return p.kind == KindWeekday || p.kind == KindMonthDay || p.kind == KindFullDate
	case "in", "during", "throughout", "over":
		switch p.kind {
		case KindMonth, KindYear, KindPart, KindRelativePeriod:
			return true
		}
		return (w == "over" || w == "during") && p.kind == KindWeekday
	case "at":
		return p.kind == KindPart && p.season == 0 || p.kind == KindRelativePeriod && p.period == "weekend"
	}
	return prepDate[w] || prepPeriod[w]
}

// approxOK reports whether "around"/"about" before p makes p approximate
// rather than being about a quantity.
func approxOK(p *parsed) bool {
	switch p.kind {
	case KindFullDate, KindMonthDay, KindTime, KindDuration, KindMonth, KindWeekday:
		return true
	}
	return p.prep != ""
}

func (g *grammar) tok(i int) *token {
	if i < 0 || i >= len(g.t) {
		return nil
	}
	return &g.t[i]
}

// word reports whether token i is the word w (lower case).
func (g *grammar) word(i int, w string) bool {
	t := g.tok(i)
	return t != nil && t.isWord(w)
}

// punct reports whether token i is the punctuation mark p.
func (g *grammar) punct(i int, p string) bool {
	t := g.tok(i)
	return t != nil && t.isPunct(p)
}

// glued reports whether token i follows the previous one without space.
func (g *grammar) glued(i int) bool {
	t := g.tok(i)
	return t != nil && !t.space
}

// lowAt returns the lower-case text of token i, or "".
func (g *grammar) lowAt(i int) string {
	if t := g.tok(i); t != nil {
		return t.low
	}
	return ""
}
