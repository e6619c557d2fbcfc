package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// pubCandidate is one name the text offers as the publisher, with the
// summed weight of the patterns that named it.
type pubCandidate struct {
	name    string
	weight  int
	primary bool // named by more than a photo credit
	ev      app.Evidence
	order   int
}

// headerLineSources reads a header line that states a date: the other
// pieces of the line, set off by dashes or bars, name the site (or, when an
// agency, the origin). A piece glued to the date ("2017World News") is a
// section label. A dash-set line without a date ("– Al Mayadeen –") names
// the origin.
func (a *analysis) headerLineSources(k int, addPub func(k, i, j, w int, d string), addOrigin func(k, i, j int, d string)) {
	l := &a.lines[k]
	t := l.t
	hits := findDates(t)
	if len(hits) == 0 {
		if r, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune("-–—", r) {
			return
		}
		for _, seg := range segments(t, 0, len(t)) {
			piece := t[seg[0]:seg[1]]
			if reTranslator.MatchString(piece) || reByline.MatchString(piece) {
				continue
			}
			if nameLike(cleanName(piece)) || agencyName(piece) != "" {
				addOrigin(k, seg[0], seg[1], "name set off by dashes under the headline")
				return
			}
		}
		return
	}
	cuts := [][2]int{}
	prev := 0
	for _, h := range hits {
		cuts = append(cuts, [2]int{prev, h.start})
		prev = h.end
	}
	cuts = append(cuts, [2]int{prev, len(t)})
	for n, c := range cuts {
		if c[1] <= c[0] {
			continue
		}
		segs := segments(t, c[0], c[1])
		for si, seg := range segs {
			if n > 0 && si == 0 && seg[0] == c[0] {
				continue // glued to the date: a section label
			}
			piece := t[seg[0]:seg[1]]
			if reByline.MatchString(piece) || reTranslator.MatchString(piece) || rePublishedLabel.MatchString(piece) || reUpdatedLabel.MatchString(piece) {
				continue
			}
			if agencyName(piece) != "" {
				addOrigin(k, seg[0], seg[1], "agency on the date line")
				continue
			}
			addPub(k, seg[0], seg[1], 5, "site name on the date line")
		}
	}
}

// mastheadName reads the site's name from a masthead line: the first piece
// before a separator ("Two Rivers Daily | Iraq and the Gulf ..."), the
// name in "... from X Newspaper", or the leading capitalised words before a
// language or generic word ("Asharq Al-awsat English ...").
func mastheadName(t string) (int, int) {
	if segs := segments(t, 0, len(t)); len(segs) > 1 && nameLike(t[segs[0][0]:segs[0][1]]) {
		return segs[0][0], segs[0][1]
	}
	if m := reMastheadFrom.FindStringSubmatchIndex(t); m != nil {
		return m[2], m[3]
	}
	words := reMastheadWord.FindAllStringIndex(t, -1)
	end := 0
	for n, w := range words {
		word := t[w[0]:w[1]]
		if n > 4 || genericMasthead[strings.ToLower(word)] || !startsUpper(word) {
			break
		}
		end = w[1]
	}
	if end > 0 && nameLike(t[:end]) {
		return 0, end
	}
	return 0, 0
}

var (
	reMastheadFrom = regexp.MustCompile(`\b(?i:from)\s+(?:the\s+)?(` + reNameRun + `{0,4}?)\s+(?:Newspaper|News|Online|Website|Daily|Magazine|Media|Group|Network|TV)\b`)
	reMastheadWord = regexp.MustCompile(`[^\s|–—:]+`)
)

var genericMasthead = map[string]bool{
	"english": true, "arabic": true, "french": true, "edition": true, "news": true, "online": true, "the": true,
	"international": true, "middle-east": true, "middle": true, "world": true, "latest": true, "breaking": true,
	"newspaper": true, "website": true, "official": true, "home": true, "and": true,
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r)
	}
	return false
}
