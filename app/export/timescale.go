package export

import (
	"math"
	"sort"
	"time"

	"github.com/evidence-workbench/workbench/app/timeline"
)

// timeScale maps time to x. Long empty stretches between clusters of
// items are cut out (a break is drawn where they were), so one item years
// away does not squeeze the rest into a corner; each cluster gets width in
// proportion to how many items it holds.
type timeScale struct {
	segs []segment
}

type segment struct {
	t0, t1 time.Time
	x0, x1 float64
	n      int
}

// picGap is the width of a cut-out stretch.
const picGap = 28.0

func newTimeScale(items []timeline.Item, x0, x1 float64) *timeScale {
	type span struct{ s, e time.Time }
	spans := make([]span, len(items))
	for i, it := range items {
		spans[i] = span{it.When.Start.Time(), it.When.End.AddDays(1).Time()}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].s.Before(spans[j].s) })
	total := spans[len(spans)-1].e.Sub(spans[0].s)
	for _, sp := range spans {
		if d := sp.e.Sub(spans[0].s); d > total {
			total = d
		}
	}
	// A stretch with nothing in it longer than 90 days and a fifth of the
	// whole is cut out.
	long := max(90*24*time.Hour, total/5)
	var segs []segment
	for _, sp := range spans {
		if n := len(segs); n > 0 && sp.s.Sub(segs[n-1].t1) <= long {
			if sp.e.After(segs[n-1].t1) {
				segs[n-1].t1 = sp.e
			}
			segs[n-1].n++
			continue
		}
		segs = append(segs, segment{t0: sp.s, t1: sp.e, n: 1})
	}
	items2 := 0
	for i := range segs {
		pad := max(24*time.Hour, segs[i].t1.Sub(segs[i].t0)/20)
		segs[i].t0, segs[i].t1 = segs[i].t0.Add(-pad), segs[i].t1.Add(pad)
		items2 += segs[i].n
	}
	width := x1 - x0 - float64(len(segs)-1)*picGap
	// Width by items, but never under an eighth of the plot (or an equal
	// share when there are more clusters than that).
	floor := width / float64(max(8, len(segs)))
	extra := width - floor*float64(len(segs))
	x := x0
	for i := range segs {
		w := floor + extra*float64(segs[i].n)/float64(items2)
		segs[i].x0, segs[i].x1 = x, x+w
		x += w + picGap
	}
	return &timeScale{segs: segs}
}

func (s *timeScale) x(t time.Time) float64 {
	i := sort.Search(len(s.segs), func(i int) bool { return !s.segs[i].t1.Before(t) })
	if i == len(s.segs) {
		i--
	}
	g := s.segs[i]
	return g.x0 + (g.x1-g.x0)*float64(t.Sub(g.t0))/float64(g.t1.Sub(g.t0))
}

// breaks are the x of each cut-out stretch.
func (s *timeScale) breaks() []float64 {
	var out []float64
	for i := 1; i < len(s.segs); i++ {
		out = append(out, (s.segs[i-1].x1+s.segs[i].x0)/2)
	}
	return out
}

// ticks marks each segment in days, months or years, about one tick per
// 110 pixels.
func (s *timeScale) ticks() []picTick {
	var out []picTick
	for _, g := range s.segs {
		n := max(1, int((g.x1-g.x0)/110))
		for _, t := range tickTimes(g.t0, g.t1, n) {
			out = append(out, picTick{X: s.x(t.t), Label: t.label})
		}
	}
	return out
}

type tickTime struct {
	t     time.Time
	label string
}

// tickTimes picks about n round times between t0 and t1.
func tickTimes(t0, t1 time.Time, n int) []tickTime {
	days := t1.Sub(t0).Hours() / 24
	var out []tickTime
	switch {
	case days <= 80:
		step := max(1, int(math.Ceil(days/float64(n))))
		for d := time.Date(t0.Year(), t0.Month(), t0.Day()+1, 0, 0, 0, 0, time.UTC); d.Before(t1); d = d.AddDate(0, 0, step) {
			out = append(out, tickTime{d, d.Format("2 Jan 2006")})
		}
	case days <= 3*366:
		step := max(1, int(math.Ceil(days/30.4/float64(n))))
		for d := time.Date(t0.Year(), t0.Month()+1, 1, 0, 0, 0, 0, time.UTC); d.Before(t1); d = d.AddDate(0, step, 0) {
			out = append(out, tickTime{d, d.Format("Jan 2006")})
		}
	default:
		step := max(1, int(math.Ceil(days/365.25/float64(n))))
		for d := time.Date(t0.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC); d.Before(t1); d = d.AddDate(step, 0, 0) {
			out = append(out, tickTime{d, d.Format("2006")})
		}
	}
	if len(out) == 0 {
		mid := t0.Add(t1.Sub(t0) / 2)
		out = append(out, tickTime{mid, mid.Format("2 Jan 2006")})
	}
	return out
}
