package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
)

// Patterns of header lines: URL lines, bylines, front matter, headings.
var (
	reURLLine     = regexp.MustCompile(`(?i)^(?:(?:source|url|link|original(?:ly published)?(?: at| on| here)?|read (?:it |the original |more )?(?:at|on|here)|permalink|article|web)\s*:?\s*)?<?(https?://[^\s<>()]+)>?$`)
	reLabelledURL = regexp.MustCompile(`(?i)^(?:source|url|link|original|permalink)`)
	reByline      = regexp.MustCompile(`^(?:By|BY|Written by|Words by|Reporting by|Report by|Posted by|Story by|Author|Authors|Byline)\s*:?\s+(.+)$`)
	reFrontKey    = regexp.MustCompile(`^([A-Za-z_]+)\s*:\s*(.*?)\s*$`)
	reMDHeading   = regexp.MustCompile(`^ {0,3}# +(.+?)(?: +#+)? *$`)
	reMoreAuthors = regexp.MustCompile(`^(?:\s*,\s*|\s+and\s+|\s*&\s*)`)
)

// isBylineLine reports whether line i is a "By NAME" line.
func (a *analysis) isBylineLine(i int) bool {
	m := reByline.FindStringSubmatch(a.lines[i].t)
	if m == nil {
		return false
	}
	if n, _ := personName(strings.TrimLeft(m[1], "*_")); n != "" {
		return true
	}
	return agencyName(firstSegment(m[1])) != ""
}

// reSegmentSep splits a line at dashes, bars and bullets used as separators.
var reSegmentSep = regexp.MustCompile(`\s+[-–—|•·]+\s+|\s*[–—|•·]+\s*|^-+\s*|\s*-+$`)

func firstSegment(s string) string {
	if loc := reSegmentSep.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// findByline reads "By NAME" in the header. A line just above that holds
// the same name belongs to the byline too.
func (a *analysis) findByline() {
	if a.markdown {
		if fm := a.frontMatter(); fm != nil {
			if k, ok := fm["author"]; ok {
				l := &a.lines[k]
				v := reFrontKey.FindStringSubmatchIndex(l.t)
				i, j := v[4], v[5]
				i, j = unquote(l.t, i, j)
				if j > i {
					a.found.meta.Byline = l.t[i:j]
					a.found.meta.Known.Byline = app.Evidence{Basis: app.BasisText, Span: l.span(i, j), Detail: "front matter author"}
					a.byline = append(a.byline, k)
					return
				}
			}
		}
	}
	for _, k := range a.header {
		if k == a.title || a.kind[k] != "" {
			continue
		}
		l := &a.lines[k]
		m := reByline.FindStringSubmatchIndex(l.t)
		if m == nil {
			continue
		}
		off := m[2]
		for off < m[3] && (l.t[off] == '*' || l.t[off] == '_') {
			off++ // Markdown emphasis: "By **Jane Doe**"
		}
		rest := l.t[off:m[3]]
		seg := firstSegment(rest)
		if ag := agencyName(seg); ag != "" {
			a.found.meta.Byline = ag
			a.found.meta.Known.Byline = app.Evidence{Basis: app.BasisText, Span: l.span(off, off+len(strings.TrimSpace(seg))), Detail: "“By” line naming an agency"}
			a.byline = append(a.byline, k)
			return
		}
		name, n := personName(rest)
		if name == "" {
			continue
		}
		end := n
		// more authors: "By A and B", "By A, B and C"
		for {
			m2 := reMoreAuthors.FindStringIndex(rest[end:])
			if m2 == nil {
				break
			}
			next, n2 := personName(rest[end+m2[1]:])
			if next == "" || monthOf(strings.Fields(next)[0]) != 0 || agencyName(next) != "" || bylineRoles[strings.ToLower(strings.Fields(next)[0])] {
				break
			}
			end += m2[1] + n2
		}
		// a date glued to the name ("By Jane Doe November 3, 2017")
		if d := findDates(rest[:end]); len(d) > 0 {
			end = strings.LastIndexFunc(rest[:d[0].start], func(r rune) bool { return !unicode.IsSpace(r) && r != ',' }) + 1
			if end <= 0 {
				continue
			}
		}
		byline := strings.TrimSpace(rest[:end])
		detail := "“By” line"
		a.byline = append(a.byline, k)
		if p := a.prevNonBlank(k); p >= 0 && fold(a.lines[p].t) == fold(byline) {
			detail = "“By” line (the name is also on the line above)"
			a.byline = append(a.byline, p)
		}
		a.found.meta.Byline = byline
		a.found.meta.Known.Byline = app.Evidence{Basis: app.BasisText, Span: l.span(off, off+len(byline)), Detail: detail}
		return
	}
}

// bylineRoles are words that follow a name in a byline but are no name.
var bylineRoles = map[string]bool{
	"staff": true, "writer": true, "correspondent": true, "reporter": true, "editor": true, "senior": true,
	"chief": true, "special": true, "bureau": true, "contributor": true, "contributing": true, "news": true,
	"associate": true, "deputy": true, "foreign": true, "political": true, "defense": true, "defence": true,
	"security": true, "investigations": true, "photographer": true, "in": true, "for": true, "with": true,
}

func unquote(s string, i, j int) (int, int) {
	if j-i >= 2 && (s[i] == '"' || s[i] == '\'') && s[j-1] == s[i] {
		return i + 1, j - 1
	}
	return i, j
}

// findURL reads a line that is a URL (or "Source: URL") in the header or
// the footer.
func (a *analysis) findURL() {
	try := func(k int, detail string) bool {
		l := &a.lines[k]
		m := reURLLine.FindStringSubmatchIndex(l.t)
		if m == nil || a.kind[k] == app.BoilerComments {
			return false
		}
		u := strings.TrimRight(l.t[m[2]:m[3]], ".,;")
		a.found.meta.URL = u
		a.found.meta.Known.URL = app.Evidence{Basis: app.BasisText, Span: l.span(m[2], m[2]+len(u)), Detail: detail}
		return true
	}
	for _, k := range a.header {
		if try(k, "URL line in the header") {
			return
		}
	}
	// footer: the last lines that are not reader comments, labelled lines first
	seen := 0
	var plain []int
	for k := len(a.lines) - 1; k >= a.firstBody && seen < 15; k-- {
		l := &a.lines[k]
		if l.blank() || a.kind[k] == app.BoilerComments {
			continue
		}
		seen++
		if reLabelledURL.MatchString(l.t) {
			if try(k, "source line in the footer") {
				return
			}
			continue
		}
		plain = append(plain, k)
	}
	for _, k := range plain {
		if try(k, "URL line in the footer") {
			return
		}
	}
}
