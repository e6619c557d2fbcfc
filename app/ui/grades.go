package ui

import (
	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/widgets"
)

// reliabilityTone colours a source grade: A best ... E worst, F "cannot be judged".
func reliabilityTone(r app.Reliability) int {
	switch r {
	case app.ReliabilityA:
		return widgets.ToneBest
	case app.ReliabilityB:
		return widgets.ToneGood
	case app.ReliabilityC:
		return widgets.ToneFair
	case app.ReliabilityD:
		return widgets.TonePoor
	case app.ReliabilityE:
		return widgets.ToneBad
	case app.ReliabilityF:
		return widgets.ToneUnjudged
	}
	return widgets.ToneNone
}

// credibilityTone colours an information grade: 1 best ... 5 worst, 6 "cannot be judged".
func credibilityTone(c app.Credibility) int {
	if c.Valid() {
		return []int{widgets.ToneNone, widgets.ToneBest, widgets.ToneGood, widgets.ToneFair, widgets.TonePoor, widgets.ToneBad, widgets.ToneUnjudged}[c]
	}
	return widgets.ToneNone
}

// gradeTone colours a combined grade by its weaker half: a B5 is as doubtful
// as its 5, an E1 as weak as its E.
func gradeTone(g app.Grade) int {
	r, c := reliabilityTone(g.Reliability), credibilityTone(g.Credibility)
	rank := func(t int) int {
		if t == widgets.ToneUnjudged {
			return widgets.ToneFair
		}
		return t
	}
	switch {
	case r == widgets.ToneNone:
		return c
	case c == widgets.ToneNone:
		return r
	case rank(r) >= rank(c):
		return r
	}
	return c
}

// toneHighlight is the reader palette index for a tone: green for strong
// claims, orange and pink for weak ones, yellow while ungraded.
func toneHighlight(tone int) int {
	switch tone {
	case widgets.ToneBest:
		return 1 // green
	case widgets.ToneGood:
		return 6 // teal
	case widgets.ToneFair:
		return 7 // grey: neither trusted nor doubted (blue would read as a selection)
	case widgets.TonePoor:
		return 4 // orange
	case widgets.ToneBad:
		return 3 // pink
	case widgets.ToneUnjudged:
		return 5 // purple
	}
	return 0 // yellow: not graded yet
}

// gradeFilters are the library's and the claims list's grade filters.
var gradeFilters = []string{"All grades", "A–B (reliable)", "C–D", "E–F", "Not graded"}

// passesReliability reports whether r passes filter i of gradeFilters.
func passesReliability(i int, r app.Reliability) bool {
	switch i {
	case 1:
		return r == app.ReliabilityA || r == app.ReliabilityB
	case 2:
		return r == app.ReliabilityC || r == app.ReliabilityD
	case 3:
		return r == app.ReliabilityE || r == app.ReliabilityF
	case 4:
		return r == app.ReliabilityUngraded
	}
	return true
}

// reliabilityRank orders grades A..F with ungraded last.
func reliabilityRank(r app.Reliability) int {
	if r.Valid() {
		return int(r[0] - 'A')
	}
	return 99
}

// gradeLetter is a source grade for a badge: the letter, or "–".
func gradeLetter(r app.Reliability) string {
	if r == "" {
		return "–"
	}
	return string(r)
}
