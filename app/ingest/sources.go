package ingest

import (
	"regexp"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

const reNameRun = `[\p{Lu}][\p{L}\p{M}\p{N}.&'’\-]*(?:\s+(?:(?:of|for|the|and|on|in|de|al|el)\s+)*[\p{Lu}\d][\p{L}\p{M}\p{N}.&'’\-]*)`

var (
	reNetwork        = regexp.MustCompile(`\b[Tt]he (` + reNameRun + `{0,3}) (?:news |media )?(?:network|newsroom|network of (?:news )?sites)\b`)
	reCopyright      = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)\s*(?:[.,]\s*)?(?:all rights reserved\.?)?$`)
	reNewsletterLogo = regexp.MustCompile(`^(` + reNameRun + `{0,4}) (?:newsletter|email) (?:logo|icon|image)$`)
	reSignup         = regexp.MustCompile(`(?i:sign up|subscribe)(?i: now)? (?i:for|to) (?:(?i:the|our) )?(` + reNameRun + `{0,3}?)\s+(?i:Daily|Weekly|Today|Newsletter|Briefing|Digest|Morning|Evening|Update|Alerts?|Bulletin)\b`)
	reSupporter      = regexp.MustCompile(`^(` + reNameRun + `{0,3}?) (?:Monthly |Annual |Yearly |Regular )?(?:Supporter|Contributor|Friend|Member|Patron)$`)
	reCreditOutlet   = regexp.MustCompile(`/\s*(` + reNameRun + `{0,4})\s*\)\s*$`)
	reRelay          = regexp.MustCompile(`^(?:From|Originally (?:published|appeared) (?:by|in|on|at)|This (?:article|story|report) (?:was )?(?:first |originally )?(?:appeared|published) (?:in|on|by)|Republished (?:with permission )?from|Reprinted (?:with permission )?from|Courtesy of|Source|Sources|Via)\s*:?\s+(.+?)\.?$`)
	reAgencyOnly     = regexp.MustCompile(`^[-–—(\s]*(` + agencyAlternation + `)[)\s]*$`)
	reParen          = regexp.MustCompile(`\(([^()]{2,40})\)`)
	reToldWire       = regexp.MustCompile(`\b(?:told|said to|speaking to|in an interview with|according to|quoted by|cited by|reported by|confirmed to)\s+(?:the\s+)?(` + agencyAlternation + `)\b|\b(` + agencyAlternation + `) (?:reported|said|learned|understands)\b`)
	reOfficialsSaid  = regexp.MustCompile(`(` + reNameRun + `{0,9})\s+(?:officials?|spokesm[ae]n|spokeswoman|spokesperson|press office)\s+(?:said|say|says|announced|stated|reported)\b`)
	rePressRelease   = regexp.MustCompile(`(?i:according to) (?:a|an|the) (` + reNameRun + `{0,9}(?:\s+\([\p{Lu}\-]{2,10}\))?)\s+(?:press release|statement|news release|communiqu[eé])`)
	reSaidStatement  = regexp.MustCompile(`(` + reNameRun + `{0,9})\s+(?:said|announced)\s+in\s+a\s+(?:written |joint |brief )?statement`)
	reStatementSaid  = regexp.MustCompile(`\b[Ii]n a (?:written |joint )?statement,?\s+(?:the\s+)?(` + reNameRun + `{0,9})\s+(?:said|announced|stated)`)
	reTranslator     = regexp.MustCompile(`(?i:translated)(?:\s+(?i:from)\s+[\p{L}]+)?(?:\s+(?i:into)\s+[\p{L}]+)?\s+(?i:by):?\s+|(?i:translation(?: by)?|translator)\s*:\s*`)
	reWord           = regexp.MustCompile(`[\p{L}\p{N}]+`)
	reBylineAgency   = regexp.MustCompile(`(?:^|,\s*|\bfor\s+|\bof\s+)(` + agencyAlternation + `)(?:\s+[Ss]taff)?\s*$`)
)

// findSources reads the publisher (the page), origins (the wire or
// statement the page relays) and translators from the text.
func (a *analysis) findSources() {
	pubs := map[string]*pubCandidate{}
	order := 0
	addPub := func(k, i, j int, w int, detail string) {
		l := &a.lines[k]
		name := cleanName(l.t[i:j])
		if !nameLike(name) || agencyName(name) != "" {
			return
		}
		key := strings.ToLower(name)
		primary := w > 1
		if c, ok := pubs[key]; ok {
			c.weight += w
			if w > c.weight-w {
				c.ev = app.Evidence{Basis: app.BasisText, Span: l.span(i, j), Detail: detail}
			}
			c.primary = c.primary || primary
			return
		}
		order++
		pubs[key] = &pubCandidate{name: name, weight: w, order: order, primary: primary,
			ev: app.Evidence{Basis: app.BasisText, Span: l.span(i, j), Detail: detail}}
	}
	var origins, translators []app.ArticleSource
	add := func(list *[]app.ArticleSource, role app.Role, k, i, j int, basis app.Basis, detail string) {
		l := &a.lines[k]
		name := cleanName(l.t[i:j])
		if name == "" || !nameLike(name) && agencyName(name) == "" && !isAcronym(name) {
			return
		}
		for _, s := range *list {
			if strings.EqualFold(s.Name, name) {
				return
			}
		}
		*list = append(*list, app.ArticleSource{Name: name, Role: role,
			Evidence: app.Evidence{Basis: basis, Span: l.span(i, j), Detail: detail}})
	}
	addOrigin := func(k, i, j int, detail string) {
		add(&origins, app.RoleOrigin, k, i, j, app.BasisText, detail)
	}

	// the header: date lines with the site's name, dash-set names, datelines, bylines
	for _, k := range a.header {
		if k == a.title || a.kind[k] != "" && a.kind[k] != app.BoilerMasthead {
			continue
		}
		l := &a.lines[k]
		if a.kind[k] == app.BoilerMasthead {
			if i, j := mastheadName(l.t); j > i {
				addPub(k, i, j, 5, "masthead above the headline")
			}
			continue
		}
		if !proseLine(l) {
			a.headerLineSources(k, addPub, addOrigin)
		}
		a.datelineSources(k, l.t, addOrigin)
		if a.isBylineLine(k) {
			m := reByline.FindStringSubmatchIndex(l.t)
			for _, seg := range segments(l.t, m[2], len(l.t)) {
				for _, part := range reBylineAgency.FindAllStringSubmatchIndex(l.t[seg[0]:seg[1]], -1) {
					i, j := seg[0]+part[2], seg[0]+part[3]
					if agencyName(l.t[i:j]) != "" {
						addOrigin(k, i, j, "agency named in the byline")
					}
				}
			}
		}
		if l.words <= 4 {
			if m := reAgencyOnly.FindStringSubmatchIndex(l.t); m != nil {
				addOrigin(k, m[2], m[3], "agency credit line")
			}
		}
	}
	if a.firstBody < len(a.lines) {
		l := &a.lines[a.firstBody]
		if n := datelinePrefix(l.t); n > 0 {
			a.datelineSources(a.firstBody, l.t[:n], addOrigin)
		}
	}

	// every line: relay credits, agency credit lines, translators, and the
	// site's name in its own boilerplate (network, copyright, newsletter)
	for k := range a.lines {
		l := &a.lines[k]
		if l.blank() || k == a.title || a.kind[k] == app.BoilerComments {
			continue
		}
		content := a.kind[k] == ""
		if content && l.words <= 12 {
			if m := reRelay.FindStringSubmatchIndex(l.t); m != nil && !strings.Contains(l.t, "://") {
				i, j := m[2], m[3]
				if nameLike(cleanName(l.t[i:j])) || agencyName(l.t[i:j]) != "" {
					addOrigin(k, i, j, "relay credit “"+strings.Fields(l.t)[0]+" …”")
				}
			}
			if k >= a.firstBody && l.words <= 4 {
				if m := reAgencyOnly.FindStringSubmatchIndex(l.t); m != nil {
					addOrigin(k, m[2], m[3], "agency credit line")
				}
			}
		}
		lower := strings.ToLower(l.t)
		if strings.Contains(lower, "translat") && (content || a.inHeader(k)) {
			if loc := reTranslator.FindStringIndex(l.t); loc != nil {
				if name, n := personName(l.t[loc[1]:]); name != "" {
					add(&translators, app.RoleTranslator, k, loc[1], loc[1]+n, app.BasisText, "“translated by”")
				}
			}
		}
		if content && !a.inHeader(k) {
			continue
		}
		if containsAny(lower, []string{"network", "newsroom"}) {
			for _, m := range reNetwork.FindAllStringSubmatchIndex(l.t, -1) {
				addPub(k, m[2], m[3], 3, "“the … news network”")
			}
		}
		if a.kind[k] == app.BoilerFooter {
			if m := reCopyright.FindStringSubmatchIndex(l.t); m != nil {
				addPub(k, m[2], m[3], 4, "copyright line")
			}
		}
		if containsAny(lower, []string{"logo", "icon", "image"}) {
			if m := reNewsletterLogo.FindStringSubmatchIndex(l.t); m != nil {
				addPub(k, m[2], m[3], 3, "newsletter box")
			}
		}
		if containsAny(lower, []string{"sign up", "subscribe"}) {
			for _, m := range reSignup.FindAllStringSubmatchIndex(l.t, -1) {
				addPub(k, m[2], m[3], 2, "newsletter sign-up")
			}
		}
		if a.kind[k] == app.BoilerDonation && l.words <= 6 {
			if m := reSupporter.FindStringSubmatchIndex(l.t); m != nil {
				addPub(k, m[2], m[3], 1, "supporter offer")
			}
		}
		if a.kind[k] == app.BoilerCredit {
			if m := reCreditOutlet.FindStringSubmatchIndex(l.t); m != nil {
				addPub(k, m[2], m[3], 1, "photo credit")
			}
		}
	}

	// weaker origins when no origin is stated: a wire quoted in the body,
	// then an official statement the article reports
	if len(origins) == 0 {
		a.bodyWire(func(k, i, j int) {
			add(&origins, app.RoleOrigin, k, i, j, app.BasisInferred, "the body quotes this agency (“told …”)")
		})
	}
	if len(origins) == 0 {
		a.statementOrigin(addOrigin)
	}

	var best *pubCandidate
	for _, c := range pubs {
		if !c.primary {
			continue // a photo credit or supporter offer alone names no publisher
		}
		if best == nil || c.weight > best.weight || c.weight == best.weight && c.order < best.order {
			best = c
		}
	}
	if best != nil {
		a.found.sources = append(a.found.sources, app.ArticleSource{Name: best.name, Role: app.RolePublisher, Evidence: best.ev})
	}
	a.found.sources = append(a.found.sources, origins...)
	a.found.sources = append(a.found.sources, translators...)
}

// segments splits t[from:to] at separators and returns the byte ranges of
// the trimmed, non-empty pieces.
func segments(t string, from, to int) [][2]int {
	var out [][2]int
	s := t[from:to]
	prev := 0
	emit := func(i, j int) {
		for i < j && (s[i] == ' ' || s[i] == ',') {
			i++
		}
		for j > i && (s[j-1] == ' ' || s[j-1] == ',') {
			j--
		}
		if j > i {
			out = append(out, [2]int{from + i, from + j})
		}
	}
	for _, loc := range reSegmentSep.FindAllStringIndex(s, -1) {
		emit(prev, loc[0])
		prev = loc[1]
	}
	emit(prev, len(s))
	return out
}
