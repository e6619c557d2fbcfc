package ingest

import (
	"regexp"
	"strings"
)

// demonyms and other single words that do not name an organisation.
var vagueSingle = map[string]bool{"The": true, "Military": true, "Government": true, "Security": true, "Police": true, "Army": true, "Officials": true, "Local": true, "Senior": true, "Western": true, "Coalition": true}

// datelineSources reads the agency of a dateline: "BAGHDAD, Nov 3 (Reuters)"
// or "Habbaniyah, Iraq (AFP) Oct 26, 2017".
func (a *analysis) datelineSources(k int, t string, addOrigin func(k, i, j int, d string)) {
	m := reParen.FindStringSubmatchIndex(t)
	if m == nil {
		return
	}
	before := strings.TrimSpace(t[:m[0]])
	// a date between the place and the agency: "BAGHDAD, Nov 3, 2017 (Reuters)"
	for _, h := range append(findDates(before), findYearlessDates(before)...) {
		if strings.TrimSpace(before[h.end:]) == "" {
			before = strings.TrimRight(before[:h.start], " ,")
			break
		}
	}
	place := reDatelinePlace.FindString(before)
	if place == "" || strings.Trim(before[len(place):], " ,") != "" {
		return
	}
	in := t[m[2]:m[3]]
	if agencyName(in) != "" || isAcronym(strings.TrimSpace(in)) || nameLike(in) && countWords(in) <= 4 {
		addOrigin(k, m[2], m[3], "agency in the dateline")
	}
}

// bodyWire finds an agency the body quotes ("told AFP").
func (a *analysis) bodyWire(found func(k, i, j int)) {
	for k := a.firstBody; k < len(a.lines); k++ {
		l := &a.lines[k]
		if l.blank() || a.kind[k] != "" {
			continue
		}
		if !mentionsAgency(l.t) {
			continue
		}
		if m := reToldWire.FindStringSubmatchIndex(l.t); m != nil {
			if m[2] >= 0 {
				found(k, m[2], m[3])
			} else {
				found(k, m[4], m[5])
			}
			return
		}
	}
}

// statementOrigin finds the body an article relays a statement of, in its
// first two paragraphs: "X officials said", "according to a X press
// release", "X said in a statement".
func (a *analysis) statementOrigin(addOrigin func(k, i, j int, d string)) {
	paras := 0
	for k := a.firstBody; k < len(a.lines) && paras < 2; k++ {
		l := &a.lines[k]
		if l.blank() || a.kind[k] != "" || !bodyLike(l) {
			continue
		}
		paras++
		for _, p := range []struct {
			re     *regexp.Regexp
			detail string
		}{
			{reOfficialsSaid, "“… officials said” in the opening paragraphs"},
			{rePressRelease, "“according to a … press release”"},
			{reSaidStatement, "“… said in a statement”"},
			{reStatementSaid, "“in a statement, … said”"},
		} {
			for _, m := range p.re.FindAllStringSubmatchIndex(l.t, -1) {
				i, j := m[2], m[3]
				name := l.t[i:j]
				if strings.HasPrefix(name, "The ") {
					i += 4
					name = name[4:]
				}
				words := reWord.FindAllString(name, -1)
				if len(words) == 0 || len(words) == 1 && (vagueSingle[words[0]] || !isAcronym(words[0]) && demonym(words[0])) {
					continue
				}
				addOrigin(k, i, j, p.detail)
				return
			}
		}
	}
}

// mentionsAgency is a quick check before the agency regexps.
func mentionsAgency(t string) bool {
	for _, a := range agencySurface {
		if strings.Contains(t, a) {
			return true
		}
	}
	return false
}

// demonym reports whether w looks like a nationality adjective ("Iraqi",
// "American", "Syrian"), which names no organisation on its own.
func demonym(w string) bool {
	for _, suf := range []string{"i", "an", "ese", "ish", "ch"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
