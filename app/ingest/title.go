package ingest

import (
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// findTitle picks the headline: the first content line, unless a masthead
// or tagline precedes a line that is then repeated (the headline printed
// twice), or the Markdown "# " heading.
func (a *analysis) findTitle() {
	if a.markdown && a.markdownTitle() {
		return
	}
	var cand []int
	for i := 0; i < a.firstBody && len(cand) < 8; i++ {
		if !a.lines[i].blank() && a.titleCandidate(i) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		a.titleFromProse()
		return
	}
	// skip an ALL-CAPS kicker ("EXCLUSIVE") above a normal headline
	if len(cand) > 1 && isSectionLabel(a.lines[cand[0]].t) && countWords(a.lines[cand[0]].t) <= 3 && !isSectionLabel(a.lines[cand[1]].t) {
		cand = cand[1:]
	}
	repeated := func(k, within int) bool {
		f := fold(a.lines[cand[k]].t)
		for j := k + 1; j < len(cand) && j <= k+within; j++ {
			if fold(a.lines[cand[j]].t) == f {
				return true
			}
		}
		return false
	}
	pick, detail := 0, "first line"
	if repeated(0, 6) {
		detail = "first line, repeated below"
	} else {
		for k := 1; k <= 3 && k < len(cand); k++ {
			if repeated(k, 4) {
				pick, detail = k, "headline repeated below the masthead"
				for _, m := range cand[:k] {
					if !a.isBylineLine(m) && len(findDates(a.lines[m].t)) == 0 {
						a.masthead = append(a.masthead, m)
					}
				}
				break
			}
		}
	}
	a.setTitle(cand[pick], 0, len(a.lines[cand[pick]].t), detail)
}

// titleCandidate reports whether line i could be a headline.
func (a *analysis) titleCandidate(i int) bool {
	l := &a.lines[i]
	switch {
	case !hasLetter(l.t), reURLLine.MatchString(l.t), a.cues[i].strong, a.isBylineLine(i):
		return false
	case l.t == "---" || l.t == "***":
		return false
	}
	if d := findDates(l.t); len(d) == 1 && d[0].start == 0 && len(strings.TrimSpace(l.t[d[0].end:])) < 3 {
		return false // a date on its own
	}
	return true
}

// setTitle records the title read from t[i:j] of line k.
func (a *analysis) setTitle(k, i, j int, detail string) {
	l := &a.lines[k]
	t := l.t[i:j]
	if utf8.RuneCountInString(t) > 200 {
		cut := 0
		for n, idx := 0, 0; idx < len(t); n++ {
			_, size := utf8.DecodeRuneInString(t[idx:])
			if n >= 160 && t[idx] == ' ' {
				break
			}
			if n >= 200 {
				break
			}
			idx += size
			cut = idx
		}
		j = i + cut
		t = strings.TrimSpace(l.t[i:j]) + "…"
	}
	a.title = k
	a.found.meta.Title = t
	a.found.meta.Known.Title = app.Evidence{Basis: app.BasisText, Span: l.span(i, j), Detail: detail}
}

// titleFromProse takes the first sentence of a text with no headline line.
func (a *analysis) titleFromProse() {
	for i := range a.lines {
		l := &a.lines[i]
		if l.blank() || !hasLetter(l.t) {
			continue
		}
		end := len(l.t)
		if k := strings.IndexAny(l.t, ".!?"); k > 0 && k+1 < len(l.t) && l.t[k+1] == ' ' && countWords(l.t[:k]) >= 3 {
			end = k + 1
		}
		a.setTitle(i, 0, end, "first sentence (no headline line)")
		return
	}
}

// markdownTitle reads front matter ("title:") or the first "# " heading.
func (a *analysis) markdownTitle() bool {
	if fm := a.frontMatter(); fm != nil {
		if k, ok := fm["title"]; ok {
			l := &a.lines[k]
			v := reFrontKey.FindStringSubmatchIndex(l.t)
			i, j := v[4], v[5]
			if j-i >= 2 && (l.t[i] == '"' || l.t[i] == '\'') && l.t[j-1] == l.t[i] {
				i, j = i+1, j-1
			}
			if j > i {
				a.setTitle(k, i, j, "front matter title")
				return true
			}
		}
	}
	fence := false
	for k := range a.lines {
		s := a.lines[k].s
		if strings.HasPrefix(strings.TrimSpace(s), "```") || strings.HasPrefix(strings.TrimSpace(s), "~~~") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if m := reMDHeading.FindStringSubmatch(s); m != nil {
			l := &a.lines[k]
			t := strings.TrimRight(strings.TrimSpace(m[1]), "#")
			t = strings.TrimSpace(t)
			i := strings.Index(l.t, t)
			if i < 0 || t == "" {
				continue
			}
			a.setTitle(k, i, i+len(t), "Markdown heading")
			return true
		}
	}
	return false
}

// frontMatter returns the keys of a leading "---" YAML block with the line
// index of each, or nil.
func (a *analysis) frontMatter() map[string]int {
	if len(a.lines) < 3 || a.lines[0].r0 != 0 || strings.TrimSpace(a.lines[0].s) != "---" {
		return nil
	}
	out := map[string]int{}
	for k := 1; k < len(a.lines) && k < 60; k++ {
		if s := strings.TrimSpace(a.lines[k].s); s == "---" || s == "..." {
			return out
		}
		if m := reFrontKey.FindStringSubmatch(a.lines[k].t); m != nil {
			key := strings.ToLower(m[1])
			if _, dup := out[key]; !dup {
				out[key] = k
			}
		}
	}
	return nil
}
