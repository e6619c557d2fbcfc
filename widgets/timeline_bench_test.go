package widgets_test

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/evidence-workbench/workbench/widgets"
)

// benchTimeline shows 10,000 items of one to five days, about two a day
// spread over 14 years in six lanes, in a 1200×700 timeline, viewing span
// seconds (0 for all of it).
func benchTimeline(b *testing.B, span float64) *widgets.Timeline { return benchTimelineTB(b, span) }

// benchTimelineTB is benchTimeline for tests too.
func benchTimelineTB(b testing.TB, span float64) *widgets.Timeline {
	b.Helper()
	const n = 10000
	base := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	items := make([]widgets.TimelineItem, n)
	lanes := make([]widgets.TimelineLane, 6)
	for i := range lanes {
		lanes[i] = widgets.TimelineLane{Key: fmt.Sprint(i), Title: fmt.Sprint("Source ", i)}
	}
	for i := range items {
		s := base.Add(time.Duration(i) * 12 * time.Hour).Add(time.Duration(i%5) * 3 * time.Hour)
		e := s.AddDate(0, 0, 1+i%5)
		if i%4 == 0 {
			e = s
		}
		items[i] = widgets.TimelineItem{ID: fmt.Sprint(i), Lane: fmt.Sprint(i % 6), Start: s, End: e,
			Label: fmt.Sprint("Event ", i), Color: i % 8, Approx: i%5 == 0, Uncertain: i%7 == 0, Conflict: i%13 == 0}
	}
	tl, _ := lightTimeline(b, 1200, 700, lanes, items)
	if span > 0 {
		zoomTo(tl, span)
	}
	return tl
}

// BenchmarkTimelineFrame measures one frame after a pan: the axis, the
// search for the items in view and their objects (layout), and with
// "paint" also the software rendering of the test driver (the GL driver
// paints on the GPU instead).
func BenchmarkTimelineFrame(b *testing.B) {
	for name, span := range map[string]float64{"3 months": 91 * 86400, "all": 0} {
		b.Run(name+"/layout", func(b *testing.B) {
			tl := benchTimeline(b, span)
			d := 6 * time.Hour
			for b.Loop() {
				tl.PanBy(d)
				d = -d
			}
			b.ReportMetric(float64(drawCalls(b, tl)), "objects")
		})
	}
	b.Run("3 months/layout+paint", func(b *testing.B) {
		tl := benchTimeline(b, 91*86400)
		c := fyneCanvas(tl)
		d := 6 * time.Hour
		for b.Loop() {
			tl.PanBy(d)
			c.Capture()
			d = -d
		}
	})
}

// BenchmarkTimelineZoomStep measures one wheel notch of zoom: all 10,000
// items are packed again for the new scale, then the frame is built.
func BenchmarkTimelineZoomStep(b *testing.B) {
	for name, span := range map[string]float64{"3 months": 91 * 86400, "all": 0} {
		b.Run(name, func(b *testing.B) {
			tl := benchTimeline(b, span)
			from, to := tl.VisibleRange()
			mid := from.Add(to.Sub(from) / 2)
			f := 1.25
			for b.Loop() {
				tl.ZoomBy(f, mid)
				f = 1 / f
			}
		})
	}
}

// drawCalls is the number of canvas objects the timeline draws (a strip of
// slivers is one, however many bars it shows): what the GL painter issues
// a draw call for.
func drawCalls(t testing.TB, tl *widgets.Timeline) int {
	seen := map[fyne.CanvasObject]bool{}
	for _, d := range drawnObjects(t, tl) {
		seen[d.obj] = true
	}
	return len(seen)
}
