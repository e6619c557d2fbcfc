package widgets

import (
	"strconv"
	"time"
)

// tlUnit is a calendar unit of the time axis.
type tlUnit uint8

const (
	tlHour tlUnit = iota
	tlDay
	tlWeek
	tlMonth
	tlYear
)

// tlStep is a tick spacing: n units.
type tlStep struct {
	unit tlUnit
	n    int
}

// tlSteps are the minor tick spacings, finest first; the axis uses the
// finest whose labels all fit without touching.
var tlSteps = []tlStep{
	{tlHour, 1}, {tlHour, 3}, {tlHour, 6}, {tlHour, 12}, {tlDay, 1}, {tlWeek, 1},
	{tlMonth, 1}, {tlMonth, 3}, {tlMonth, 6}, {tlYear, 1}, {tlYear, 2}, {tlYear, 5},
	{tlYear, 10}, {tlYear, 20}, {tlYear, 50}, {tlYear, 100}, {tlYear, 200}, {tlYear, 500},
	{tlYear, 1000},
}

// approx is the step's typical length in seconds.
func (s tlStep) approx() float64 {
	switch s.unit {
	case tlHour:
		return float64(s.n) * 3600
	case tlDay:
		return float64(s.n) * 86400
	case tlWeek:
		return float64(s.n) * 7 * 86400
	case tlMonth:
		return float64(s.n) * 30.436875 * 86400
	}
	return float64(s.n) * 365.2425 * 86400
}

// floor is the last tick at or before t (UTC).
func (s tlStep) floor(t time.Time) time.Time {
	y, mo, d := t.Date()
	switch s.unit {
	case tlHour:
		h := t.Hour()
		return time.Date(y, mo, d, h-h%s.n, 0, 0, 0, time.UTC)
	case tlDay:
		return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	case tlWeek: // weeks start on Monday
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, mo, d-back, 0, 0, 0, 0, time.UTC)
	case tlMonth:
		m0 := int(mo) - 1
		return time.Date(y, time.Month(m0-m0%s.n+1), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y-((y%s.n)+s.n)%s.n, 1, 1, 0, 0, 0, 0, time.UTC)
}

// next is the tick after t (t being a tick).
func (s tlStep) next(t time.Time) time.Time {
	switch s.unit {
	case tlHour:
		return t.Add(time.Duration(s.n) * time.Hour)
	case tlDay:
		return t.AddDate(0, 0, s.n)
	case tlWeek:
		return t.AddDate(0, 0, 7*s.n)
	case tlMonth:
		return t.AddDate(0, s.n, 0)
	}
	return t.AddDate(s.n, 0, 0)
}

// major is the spacing of the header's upper row for minor step s; ok is
// false when there is none.
func (s tlStep) major() (step tlStep, ok bool) {
	switch {
	case s.unit == tlHour:
		return tlStep{tlDay, 1}, true
	case s.unit <= tlWeek:
		return tlStep{tlMonth, 1}, true
	case s.unit == tlMonth:
		return tlStep{tlYear, 1}, true
	case s.n < 10:
		return tlStep{tlYear, 10}, true
	case s.n < 100:
		return tlStep{tlYear, 100}, true
	case s.n < 1000:
		return tlStep{tlYear, 1000}, true
	}
	return tlStep{}, false
}

// minorLabel is the label of a minor tick.
func (s tlStep) minorLabel(t time.Time) string {
	switch s.unit {
	case tlHour:
		return t.Format("15:04")
	case tlDay, tlWeek:
		return strconv.Itoa(t.Day())
	case tlMonth:
		return t.Format("Jan")
	}
	return strconv.Itoa(t.Year())
}

// majorLabel is the label of a major tick in format f (0 is the longest).
func (s tlStep) majorLabel(t time.Time, f int) string {
	switch s.unit {
	case tlDay:
		return t.Format([]string{"Mon 2 Jan 2006", "2 Jan 2006", "2 Jan"}[f])
	case tlMonth:
		return t.Format([]string{"January 2006", "Jan 2006", "Jan"}[f])
	}
	y := t.Year()
	switch {
	case s.n == 1:
		return strconv.Itoa(y)
	case f == 0 && s.n > 10:
		return strconv.Itoa(y) + "–" + strconv.Itoa(y+s.n-1)
	}
	return strconv.Itoa(y) + "s"
}

// tlFormats is the number of major label formats, longest first.
const tlFormats = 3

// tlLabel is a header label: its left edge in plot coordinates and text.
type tlLabel struct {
	x    float32
	text string
}

// tlTicks is the time axis for one view.
type tlTicks struct {
	step         tlStep
	minor, major []float32 // tick positions, plot x
	minorLabels  []tlLabel
	majorLabels  []tlLabel
}

// axis computes the ticks and labels of the current view into a (reusing
// its slices). Labels are left-aligned after their tick and never closer
// than the padding to the next; the first major label sticks to the left
// edge while its period is in view.
func (t *Timeline) axis(a *tlTicks) {
	m := &t.met
	w := t.plotWidth()
	v0, v1 := t.view.v0, t.view.v0+float64(w)*t.view.spp
	a.minor, a.major = a.minor[:0], a.major[:0]
	a.minorLabels, a.majorLabels = a.minorLabels[:0], a.majorLabels[:0]
	a.step = tlSteps[len(tlSteps)-1]
	for _, s := range tlSteps {
		if float32(s.approx()/t.view.spp) >= 2*m.labelSize && t.minorFits(s, v0, v1) {
			a.step = s
			break
		}
	}
	s := a.step
	mj, ok := s.major()
	var ticks []time.Time
	if ok {
		for tk := mj.floor(tlTime(v0)); tlSeconds(tk) < v1; tk = mj.next(tk) {
			ticks = append(ticks, tk)
			a.major = append(a.major, t.xOf(tlSeconds(tk)))
		}
	}
	j := 0 // the first major tick right of the label at hand
	for tk := s.floor(tlTime(v0)); ; tk = s.next(tk) {
		sec := tlSeconds(tk)
		if sec >= v1 {
			break
		}
		x := t.xOf(sec)
		a.minor = append(a.minor, x)
		for j < len(a.major) && a.major[j] <= x+m.pad {
			j++
		}
		// A label is left out where an edge would cut it, or a major tick,
		// which runs down both rows, would cross it (the last week of a
		// month, say, whose Monday is a day before the 1st).
		text := s.minorLabel(tk)
		right := x + m.pad + t.widths.width(text, m.labelSize, false)
		if x >= 0 && right <= w && (j == len(a.major) || a.major[j] >= right+m.pad/2) {
			a.minorLabels = append(a.minorLabels, tlLabel{x + m.pad, text})
		}
	}
	if !ok {
		return
	}
	for f := range tlFormats {
		if t.placeMajor(a, mj, ticks, f, f == tlFormats-1) {
			return
		}
	}
}

// minorFits reports whether every minor label of step s in [v0, v1) fits
// before the next tick's label.
func (t *Timeline) minorFits(s tlStep, v0, v1 float64) bool {
	m := &t.met
	right := float32(-1e9)
	n := 0
	for tk := s.floor(tlTime(v0)); ; tk = s.next(tk) {
		sec := tlSeconds(tk)
		if sec >= v1 {
			return true
		}
		if n++; n > 2000 {
			return false
		}
		x := t.xOf(sec) + m.pad
		if x < right+m.pad {
			return false
		}
		right = x + t.widths.width(s.minorLabel(tk), m.labelSize, false)
	}
}

// placeMajor lays out the major labels in format f. When they do not all
// fit it returns false, unless force is set: then a label that would
// touch the one before is left out.
func (t *Timeline) placeMajor(a *tlTicks, s tlStep, ticks []time.Time, f int, force bool) bool {
	m := &t.met
	a.majorLabels = a.majorLabels[:0]
	right := float32(-1e9)
	for i, tk := range ticks {
		text := s.majorLabel(tk, f)
		w := t.widths.width(text, m.labelSize, true)
		x := a.major[i] + m.pad
		if i == 0 {
			x = max(x, m.pad) // sticky
			if len(ticks) > 1 {
				x = min(x, a.major[1]-w-m.pad) // pushed off by the next one
			}
			if x < 0 {
				continue // pushed past the edge: a cut label ("012" for 2012) misreads
			}
		}
		if x < right+m.pad {
			if !force {
				return false
			}
			continue
		}
		if x+w > t.plotWidth() {
			continue // cut by the right edge ("6 Nov 2" for 6 Nov 2017): its period has barely begun
		}
		a.majorLabels = append(a.majorLabels, tlLabel{x, text})
		right = x + w
	}
	return true
}
