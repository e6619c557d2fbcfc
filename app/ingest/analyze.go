package ingest

import (
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// findings is what the text heuristics read from an article's text.
type findings struct {
	meta     app.ArticleMeta
	excluded []app.Excluded
	sources  []app.ArticleSource
	warnings []string
}

// analysis holds the state of reading one text.
type analysis struct {
	text      string
	markdown  bool
	lines     []line
	cues      []cue                 // per line
	kind      []app.BoilerplateKind // per line: boilerplate kind, "" for content
	firstBody int                   // index of the first body line; len(lines) if none
	header    []int                 // indexes of the header lines (non-blank)
	title     int                   // index of the title line, -1 if none
	masthead  []int                 // lines above the title that are the site's masthead
	byline    []int                 // lines that make up the byline
	found     findings
}

// analyzeText runs every text heuristic over text: title, byline, stated
// publication date, URL, sources, and boilerplate ranges.
func analyzeText(text string, markdown bool) findings {
	a := &analysis{text: text, markdown: markdown, title: -1}
	var truncated bool
	a.lines, truncated = splitLines(text, markdown, maxLines)
	if truncated {
		a.warn(fmt.Sprintf("The text is very long; only its first %d lines were read for the title, date, sources and boilerplate.", maxLines))
	}
	a.cues = make([]cue, len(a.lines))
	a.kind = make([]app.BoilerplateKind, len(a.lines))
	for i := range a.lines {
		a.cues[i] = classify(&a.lines[i])
	}
	a.findBody()
	a.findTitle()
	a.markBoilerplate()
	a.findByline()
	a.findDate()
	a.findURL()
	a.findSources()
	a.found.excluded = a.ranges()
	return a.found
}

// findBody locates the first line of running prose and the header above it.
func (a *analysis) findBody() {
	a.firstBody = len(a.lines)
	for i := range a.lines {
		l := &a.lines[i]
		if bodyLike(l) && !a.cues[i].strong {
			a.firstBody = i
			break
		}
	}
	limit, end := 15, a.firstBody
	if a.firstBody == len(a.lines) {
		limit = 8
	}
	for i := 0; i < end && len(a.header) < limit; i++ {
		if !a.lines[i].blank() {
			a.header = append(a.header, i)
		}
	}
}

// inHeader reports whether line i is one of the header lines.
func (a *analysis) inHeader(i int) bool {
	for _, h := range a.header {
		if h == i {
			return true
		}
	}
	return false
}

// nextNonBlank returns the index of the next non-blank line after i, or -1.
func (a *analysis) nextNonBlank(i int) int {
	for j := i + 1; j < len(a.lines); j++ {
		if !a.lines[j].blank() {
			return j
		}
	}
	return -1
}

// prevNonBlank returns the index of the previous non-blank line before i, or -1.
func (a *analysis) prevNonBlank(i int) int {
	for j := i - 1; j >= 0; j-- {
		if !a.lines[j].blank() {
			return j
		}
	}
	return -1
}

// warn adds a warning once.
func (a *analysis) warn(msg string) {
	for _, w := range a.found.warnings {
		if w == msg {
			return
		}
	}
	a.found.warnings = append(a.found.warnings, msg)
}

// ranges turns the per-line boilerplate kinds into rune ranges, one range
// per run of lines of the same kind (blank lines between them included).
func (a *analysis) ranges() []app.Excluded {
	var out []app.Excluded
	open := false
	var cur app.Excluded
	for i := range a.lines {
		l := &a.lines[i]
		if l.blank() {
			continue
		}
		k := a.kind[i]
		if open && k == cur.Kind {
			cur.End = l.whole().End
			continue
		}
		if open {
			out = append(out, cur)
			open = false
		}
		if k != "" {
			cur = app.Excluded{Span: l.whole(), Kind: k}
			open = true
		}
	}
	if open {
		out = append(out, cur)
	}
	return app.NormalizeExcluded(out)
}
