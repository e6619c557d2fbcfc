package widgets_test

import (
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestTimelineWheelZoomKeepsTimeUnderPointer(t *testing.T) {
	for name, c := range map[string]struct {
		x, dy float32
	}{
		"one notch in at the bar's start":    {0, 25},
		"one notch out at the bar's start":   {0, -25},
		"four notches in left of the plot":   {200, 100},
		"touchpad nudge out near the right":  {560, -3},
		"accelerated wheel in near the edge": {630, 3125},
	} {
		t.Run(name, func(t *testing.T) {
			lanes, items := timelineSample()
			tl, _ := lightTimeline(t, 640, 260, lanes, items)
			bar := markerOf(t, tl, 2) // "offensive"
			x := c.x
			if x == 0 {
				x = bar.pos.X
			}
			at := timeAtX(tl, x)
			from, to := tl.VisibleRange()
			tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, 150)}, Scrolled: fyne.Delta{DY: c.dy}})
			if got := xOfTime(tl, at); math.Abs(float64(got-x)) > 1 {
				t.Errorf("the time under the pointer moved from x=%v to %v", x, got)
			}
			if c.x == 0 {
				if got := markerOf(t, tl, 2).pos.X; math.Abs(float64(got-x)) > 1 {
					t.Errorf("the bar under the pointer starts at %v after the zoom, want %v", got, x)
				}
			}
			from2, to2 := tl.VisibleRange()
			before, after := seconds(from, to), seconds(from2, to2)
			if c.dy > 0 && !(after < before) || c.dy < 0 && !(after > before) {
				t.Errorf("wheel %v changed the span from %v s to %v s", c.dy, before, after)
			}
		})
	}
}

func TestTimelineDragPansByTheDraggedAmount(t *testing.T) {
	for name, dx := range map[string]float32{"left": -80, "right": 130, "a pixel": 1} {
		t.Run(name, func(t *testing.T) {
			lanes, items := timelineSample()
			tl, w := lightTimeline(t, 640, 260, lanes, items)
			before := markerOf(t, tl, 0).centre().X // the diamond of "fell"
			from, to := tl.VisibleRange()
			test.Drag(w.Canvas(), fyne.NewPos(400, 200), dx, 0) // 400 is where the pointer ends
			if got := markerOf(t, tl, 0).centre().X; math.Abs(float64(got-(before+dx))) > 0.5 {
				t.Errorf("the diamond moved from %v to %v, want %v", before, got, before+dx)
			}
			from2, to2 := tl.VisibleRange()
			if math.Abs(seconds(from, to)-seconds(from2, to2)) > 1 {
				t.Errorf("a drag changed the span from %v to %v", to.Sub(from), to2.Sub(from2))
			}
		})
	}
}

func TestTimelineKeyboard(t *testing.T) {
	type want struct{ shift, zoom float64 } // shift of the middle in spans, span factor
	for name, c := range map[string]struct {
		key  fyne.KeyName
		char string
		want want
	}{
		"right pans a tenth later":   {key: fyne.KeyRight, want: want{0.1, 1}},
		"left pans a tenth earlier":  {key: fyne.KeyLeft, want: want{-0.1, 1}},
		"plus zooms in":              {char: "+", want: want{0, 1 / 1.5}},
		"equals zooms in":            {char: "=", want: want{0, 1 / 1.5}},
		"minus zooms out":            {char: "-", want: want{0, 1.5}},
		"two minus zoom out further": {char: "--", want: want{0, 2.25}},
	} {
		t.Run(name, func(t *testing.T) {
			lanes, items := timelineSample()
			tl, _ := lightTimeline(t, 640, 260, lanes, items)
			from, to := tl.VisibleRange()
			span := seconds(from, to)
			if c.key != "" {
				tl.TypedKey(&fyne.KeyEvent{Name: c.key})
			} else {
				test.Type(tl, c.char)
			}
			from2, to2 := tl.VisibleRange()
			if got := seconds(from2, to2) / span; math.Abs(got-c.want.zoom) > 1e-6 {
				t.Errorf("span factor %v, want %v", got, c.want.zoom)
			}
			mid := func(a, b time.Time) float64 { return float64(a.Unix()) + seconds(a, b)/2 }
			if got := (mid(from2, to2) - mid(from, to)) / span; math.Abs(got-c.want.shift) > 1e-6 {
				t.Errorf("the middle moved by %v spans, want %v", got, c.want.shift)
			}
		})
	}
}

func TestTimelineFitAllShowsEveryItem(t *testing.T) {
	for name, back := range map[string]func(*widgets.Timeline){
		"home":   func(tl *widgets.Timeline) { tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) },
		"zero":   func(tl *widgets.Timeline) { test.Type(tl, "0") },
		"FitAll": func(tl *widgets.Timeline) { tl.FitAll() },
	} {
		t.Run(name, func(t *testing.T) {
			lanes, items := timelineSample()
			tl, _ := lightTimeline(t, 640, 260, lanes, items)
			tl.ZoomBy(40, day(10, 1))
			tl.PanBy(-400 * 24 * time.Hour)
			back(tl)
			from, to := tl.VisibleRange()
			for _, it := range items {
				if it.Start.Before(from) || it.End.After(to) {
					t.Errorf("%s (%v to %v) is outside the view %v to %v", it.ID, it.Start, it.End, from, to)
				}
			}
			if span, all := to.Sub(from), day(11, 9).Sub(day(10, 26)); span > 2*all {
				t.Errorf("fitting shows %v for items spanning %v", span, all)
			}
		})
	}
}

func TestTimelineZoomLimits(t *testing.T) {
	lanes, items := timelineSample()
	tl, _ := lightTimeline(t, 640, 260, lanes, items)
	from, to := tl.VisibleRange()
	for _, bad := range []float64{0, -2, math.NaN(), math.Inf(1)} {
		tl.ZoomBy(bad, day(11, 1))
	}
	if f, e := tl.VisibleRange(); !f.Equal(from) || !e.Equal(to) {
		t.Errorf("a bad factor changed the view to %v - %v", f, e)
	}
	tl.ZoomBy(1e12, day(11, 1))
	if f, e := tl.VisibleRange(); e.Sub(f) < 2*time.Hour-time.Second {
		t.Errorf("zoomed in to %v, below the two-hour limit", e.Sub(f))
	}
	tl.ZoomBy(1e-12, day(11, 1))
	f, e := tl.VisibleRange()
	if years := seconds(f, e) / (365.2425 * 86400); years > 9001 || f.Year() < 1 || e.Year() > 10000 {
		t.Errorf("zoomed out to %v years (%v to %v)", years, f, e)
	}
	if len(headerTexts(t, tl)) == 0 {
		t.Error("no axis labels at the widest zoom")
	}
}
