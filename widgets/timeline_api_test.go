package widgets_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/widgets"
)

// titles are the lane titles drawn, top to bottom.
func titles(t testing.TB, tl *widgets.Timeline) []string {
	var out []string
	for _, d := range drawnObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Text); ok && d.clipPos.X == 0 && d.clipPos.Y > 0 {
			out = append(out, d.text)
		}
	}
	return out
}

func TestTimelineLanes(t *testing.T) {
	for name, c := range map[string]struct {
		lanes []widgets.TimelineLane
		items []string // lane keys of the items
		want  []string
	}{
		"in the given order":           {[]widgets.TimelineLane{{Key: "b", Title: "B"}, {Key: "a", Title: "A"}}, []string{"a", "b"}, []string{"B", "A"}},
		"empty lanes are kept":         {[]widgets.TimelineLane{{Key: "a", Title: "A"}, {Key: "e", Title: "E"}}, []string{"a"}, []string{"A", "E"}},
		"unknown keys get lanes after": {[]widgets.TimelineLane{{Key: "a", Title: "A"}}, []string{"x", "a", ""}, []string{"A", "x", "Other"}},
		"a repeated key is ignored":    {[]widgets.TimelineLane{{Key: "a", Title: "A"}, {Key: "a", Title: "Again"}}, []string{"a"}, []string{"A"}},
	} {
		t.Run(name, func(t *testing.T) {
			var items []widgets.TimelineItem
			for i, k := range c.items {
				items = append(items, widgets.TimelineItem{ID: fmt.Sprint(i), Lane: k, Start: day(11, 1+i), End: day(11, 2+i)})
			}
			tl, _ := lightTimeline(t, 640, 400, c.lanes, items)
			if got := titles(t, tl); !slices.Equal(got, c.want) {
				t.Errorf("lanes %q, want %q", got, c.want)
			}
		})
	}
}

func TestTimelineEndBeforeStartIsAnInstant(t *testing.T) {
	items := []widgets.TimelineItem{{ID: "x", Lane: "l", Start: day(11, 3), End: day(11, 1), Color: 2}}
	tl, w := lightTimeline(t, 640, 260, nil, items)
	m := markerOf(t, tl, 2)
	if _, ok := m.obj.(*canvas.Raster); !ok || m.size.Width != m.size.Height {
		t.Fatalf("drawn as %T %v, want a diamond marker", m.obj, m.size)
	}
	if x := xOfTime(tl, day(11, 3)); m.centre().X < x-1 || m.centre().X > x+1 {
		t.Errorf("the diamond is at %v, want %v (its start)", m.centre().X, x)
	}
	var got string
	tl.OnTapped = func(id string) { got = id }
	test.TapCanvas(w.Canvas(), m.centre())
	if got != "x" {
		t.Errorf("tapped %q", got)
	}
}

func TestTimelineLongItemFromBeforeTheViewIsDrawn(t *testing.T) {
	items := []widgets.TimelineItem{{ID: "war", Lane: "l", Start: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		End: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Color: 2, Label: "War"}}
	for i := range 300 { // short items after it, sorted before the view's time
		s := time.Date(1990, 2, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 20*i)
		items = append(items, widgets.TimelineItem{ID: fmt.Sprint(i), Lane: "l", Start: s, End: s.AddDate(0, 0, 2), Color: 1})
	}
	tl, _ := lightTimeline(t, 640, 300, nil, items)
	zoomTo(tl, 30*86400)
	tl.PanBy(time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC).Sub(timeAtX(tl, 380)))
	bar := markerOf(t, tl, 2)
	if bar.pos.X > titleW || bar.pos.X+bar.size.Width < 640 {
		t.Errorf("the 30-year bar covers %v to %v, want the whole plot", bar.pos.X, bar.pos.X+bar.size.Width)
	}
	found := false
	for _, d := range plotObjects(t, tl) {
		found = found || d.text == "War"
	}
	if !found {
		t.Error("the bar's label is not drawn in view")
	}
}

func TestTimelineSetItemsKeepsAViewTheUserChose(t *testing.T) {
	lanes, items := timelineSample()
	tl, _ := lightTimeline(t, 640, 260, lanes, items)
	tl.ZoomBy(3, day(11, 1))
	from, to := tl.VisibleRange()
	tl.SetItems(append(items, widgets.TimelineItem{ID: "late", Lane: "afp", Start: day(12, 30)}))
	if f, e := tl.VisibleRange(); !f.Equal(from) || !e.Equal(to) {
		t.Errorf("new items moved the view from %v-%v to %v-%v", from, to, f, e)
	}
	tl.FitAll()
	if _, e := tl.VisibleRange(); e.Before(day(12, 30)) {
		t.Errorf("fitting ends at %v, before the new item", e)
	}
}

func TestTimelineScrollTo(t *testing.T) {
	var lanes []widgets.TimelineLane
	var items []widgets.TimelineItem
	for i := range 12 {
		k := fmt.Sprint("lane ", i)
		lanes = append(lanes, widgets.TimelineLane{Key: k, Title: k})
		items = append(items, widgets.TimelineItem{ID: k, Lane: k, Start: day(1, 1).AddDate(0, i, 0), End: day(1, 10).AddDate(0, i, 0), Color: i % 7, Label: k})
	}
	tl, _ := lightTimeline(t, 640, 260, lanes, items)
	zoomTo(tl, 20*86400)
	tl.ScrollTo("lane 11")
	from, to := tl.VisibleRange()
	if from.After(day(12, 1)) || to.Before(day(12, 10)) {
		t.Errorf("the view %v to %v misses the item", from, to)
	}
	if got := titles(t, tl); !slices.Contains(got, "lane 11") {
		t.Errorf("lane 11 is not in view: %q", got)
	}
	if !slices.Equal(markersText(t, tl), []string{"lane 11"}) {
		t.Errorf("labels in view %q", markersText(t, tl))
	}
}

// markersText are the item labels drawn in the plot.
func markersText(t testing.TB, tl *widgets.Timeline) []string {
	var out []string
	for _, d := range plotObjects(t, tl) {
		if d.text != "" {
			out = append(out, d.text)
		}
	}
	return out
}

func TestTimelineLanesScroll(t *testing.T) {
	var lanes []widgets.TimelineLane
	var items []widgets.TimelineItem
	for i := range 20 {
		k := fmt.Sprintf("lane %02d", i)
		lanes = append(lanes, widgets.TimelineLane{Key: k, Title: k})
		items = append(items, widgets.TimelineItem{ID: k, Lane: k, Start: day(1, 1), End: day(1, 10)})
	}
	tl, w := lightTimeline(t, 640, 300, lanes, items)
	first := func() string { return titles(t, tl)[0] }
	if first() != "lane 00" {
		t.Fatalf("starts at %q", first())
	}
	test.Drag(w.Canvas(), fyne.NewPos(300, 100), 0, -120) // drag up: later lanes come into view
	after := first()
	if after <= "lane 02" {
		t.Errorf("a drag up by 120 px shows %q first", after)
	}
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if got := first(); got >= after {
		t.Errorf("Up shows %q first, was %q", got, after)
	}
	for range 50 {
		tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	}
	if got := titles(t, tl); got[len(got)-1] != "lane 19" {
		t.Errorf("scrolled to the end, the last lane shown is %q", got[len(got)-1])
	}
	test.Drag(w.Canvas(), fyne.NewPos(300, 280), 0, 10000)
	if first() != "lane 00" {
		t.Errorf("scrolled back to the top, the first lane shown is %q", first())
	}
}
