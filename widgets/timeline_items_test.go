package widgets_test

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestTimelineTapFiresItsID(t *testing.T) {
	for name, c := range map[string]struct {
		colour int // the marker to tap, by its colour
		want   string
	}{
		"a bar":                     {2, "offensive"},
		"an instant":                {0, "fell"},
		"an approximate bar":        {1, "retaken"},
		"a bar in conflict":         {5, "area"},
		"an uncertain bar (dashed)": {4, "border"},
	} {
		t.Run(name, func(t *testing.T) {
			lanes, items := timelineSample()
			tl, w := lightTimeline(t, 640, 260, lanes, items)
			var got []string
			tl.OnTapped = func(id string) { got = append(got, id) }
			test.TapCanvas(w.Canvas(), markerOf(t, tl, c.colour).centre())
			if !slices.Equal(got, []string{c.want}) {
				t.Errorf("OnTapped got %q, want [%s]", got, c.want)
			}
			if tl.Selected() != c.want {
				t.Errorf("selected %q, want %q", tl.Selected(), c.want)
			}
		})
	}
	t.Run("empty space", func(t *testing.T) {
		lanes, items := timelineSample()
		tl, w := lightTimeline(t, 640, 260, lanes, items)
		tl.OnTapped = func(id string) { t.Errorf("OnTapped(%q) for a tap on nothing", id) }
		test.TapCanvas(w.Canvas(), fyne.NewPos(600, 250))
		test.TapCanvas(w.Canvas(), fyne.NewPos(300, 10)) // the axis
	})
}

// crowd is n items in one lane starting every step hours, each lasting
// length hours, coloured 0 to 6 in turn.
func crowd(n int, step, length time.Duration) []widgets.TimelineItem {
	items := make([]widgets.TimelineItem, n)
	for i := range items {
		s := day(11, 1).Add(time.Duration(i) * step * time.Hour)
		items[i] = widgets.TimelineItem{ID: fmt.Sprint("c", i), Lane: "l", Start: s, End: s.Add(length * time.Hour),
			Label: fmt.Sprint("Report number ", i), Color: i % 7}
		if length == 0 {
			items[i].End = s
		}
	}
	return items
}

func TestTimelinePackedRowsNeverOverlap(t *testing.T) {
	for name, c := range map[string]struct {
		items []widgets.TimelineItem
		span  float64
	}{
		"long bars, fitted":        {crowd(40, 5, 30), 0},
		"long bars, zoomed in":     {crowd(40, 5, 30), 3 * 86400},
		"long bars, zoomed out":    {crowd(40, 5, 30), 400 * 86400},
		"instants, fitted":         {crowd(60, 2, 0), 0},
		"instants, zoomed in":      {crowd(60, 2, 0), 86400},
		"short and long, fitted":   {append(crowd(30, 3, 2), crowd(30, 7, 40)[1:]...), 0},
		"dense day, zoomed out":    {crowd(200, 0, 24), 30 * 86400},
		"mixed, a narrow timeline": {append(crowd(20, 6, 0), crowd(20, 6, 20)[1:]...), 0},
	} {
		t.Run(name, func(t *testing.T) {
			for i := range c.items {
				c.items[i].ID = fmt.Sprint(name, i)
			}
			tl, _ := lightTimeline(t, 700, 500, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, c.items)
			tl.MaxRows = 6
			tl.Refresh()
			if c.span > 0 {
				zoomTo(tl, c.span)
			}
			ms := markers(t, tl)
			if len(ms) == 0 {
				t.Fatal("nothing drawn")
			}
			for i := range ms {
				for j := i + 1; j < len(ms); j++ {
					if overlaps(ms[i], ms[j]) {
						t.Fatalf("markers at %v %v and %v %v overlap", ms[i].pos, ms[i].size, ms[j].pos, ms[j].size)
					}
				}
			}
			rows := map[float64]bool{}
			for _, m := range ms {
				// To the unit: a strip is read at whole pixels of its
				// raster, a bar of its own at its exact height.
				rows[math.Round(float64(m.centre().Y))] = true
			}
			if len(rows) > 6 {
				t.Errorf("%d rows, more than MaxRows", len(rows))
			}
			var labels []drawnObj
			for _, d := range plotObjects(t, tl) {
				if _, ok := d.obj.(*canvas.Text); ok && strings.HasPrefix(d.text, "Report") {
					labels = append(labels, drawnObj{pos: d.pos, size: fyne.NewSize(d.textWidth(), d.size.Height)})
				}
			}
			for i := range labels {
				for j := i + 1; j < len(labels); j++ {
					if overlaps(labels[i], labels[j]) {
						t.Fatalf("labels at %v and %v overlap", labels[i].pos, labels[j].pos)
					}
				}
			}
		})
	}
}

// chips are the "+N" cluster labels in the plot, left to right: painted
// into the chip rows (read from their pixels), or texts on a chip drawn
// on its own.
func chips(t testing.TB, tl *widgets.Timeline) []drawnObj {
	out := painted(t, widgets.PaintedChipLabels(tl))
	for _, d := range plotObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Text); ok && strings.HasPrefix(d.text, "+") {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b drawnObj) int { return cmp.Compare(a.pos.X, b.pos.X) })
	return out
}

func TestTimelineClustersBeyondTheRowCap(t *testing.T) {
	for name, c := range map[string]struct {
		n, rows int
		want    []string
	}{
		"as many as the cap":  {3, 3, nil},
		"two over the cap":    {5, 3, []string{"+2"}},
		"one over a cap of 1": {2, 1, []string{"+1"}},
		"many over":           {40, 4, []string{"+36"}},
	} {
		t.Run(name, func(t *testing.T) {
			items := crowd(c.n, 0, 48) // all on the same two days
			tl, _ := lightTimeline(t, 640, 400, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, items)
			tl.MaxRows = c.rows
			tl.Refresh()
			var got []string
			for _, d := range chips(t, tl) {
				got = append(got, d.text)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("clusters %q, want %q", got, c.want)
			}
			if n := len(markers(t, tl)); n != min(c.n, c.rows) {
				t.Errorf("%d items drawn, want %d", n, min(c.n, c.rows))
			}
		})
	}
}

func TestTimelineTappingAClusterZoomsToItsItems(t *testing.T) {
	// Five reports a day apart, each lasting five days, then a lone one:
	// with two rows the last three form a cluster.
	items := append(crowd(5, 24, 120), widgets.TimelineItem{ID: "lone", Lane: "l", Start: day(12, 20), End: day(12, 21)})
	tl, w := lightTimeline(t, 640, 400, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, items)
	tl.MaxRows = 2
	tl.Refresh()
	cs := chips(t, tl)
	if len(cs) != 1 || cs[0].text != "+3" {
		t.Fatalf("clusters %v, want one +3", cs)
	}
	test.MoveMouse(w.Canvas(), cs[0].centre())
	var tip []string
	for _, d := range drawnObjects(t, tl) {
		if d.clipPos == (fyne.Position{}) && d.text != "" {
			tip = append(tip, d.text)
		}
	}
	if len(tip) != 4 || tip[0] != "3 more items (tap to zoom in)" || !strings.HasSuffix(tip[1], "Report number 2") {
		t.Errorf("tooltip over the cluster %q", tip)
	}
	var ids []string
	tl.OnClusterTapped = func(got []string) { ids = got }
	test.TapCanvas(w.Canvas(), cs[0].centre())
	if !slices.Equal(ids, []string{"c2", "c3", "c4"}) {
		t.Errorf("OnClusterTapped got %q, want c2 c3 c4", ids)
	}
	from, to := tl.VisibleRange()
	if first, last := day(11, 3), day(11, 10); from.After(first) || to.Before(last) || to.Sub(from) > 2*last.Sub(first) {
		t.Errorf("the view is %v to %v, want about %v to %v", from, to, first, last)
	}
}

func TestTimelineOnlyVisibleItemsGetObjects(t *testing.T) {
	// Items one a day for n days in three lanes; a view of three weeks in
	// the middle draws the same objects whatever n is.
	counts := map[int]int{}
	for _, n := range []int{1000, 10000} {
		items := make([]widgets.TimelineItem, n)
		base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range items {
			d := i - n/2 // days from base: the same items around base whatever n is
			f := func(k int) int { return ((d % k) + k) % k }
			s := base.AddDate(0, 0, d)
			items[i] = widgets.TimelineItem{ID: fmt.Sprint(i), Lane: fmt.Sprint(f(3)), Start: s, End: s.AddDate(0, 0, 2),
				Label: fmt.Sprint("Item ", d), Color: f(7), Approx: f(5) == 0, Uncertain: f(7) == 0, Conflict: f(11) == 0}
		}
		tl, _ := lightTimeline(t, 900, 400, nil, items)
		tl.ZoomBy(1, base) // leave the automatic fit
		from, to := tl.VisibleRange()
		tl.ZoomBy(seconds(from, to)/(21*86400), base)
		counts[n] = len(drawnObjects(t, tl))
		if counts[n] > 400 {
			t.Errorf("%d items: %d objects for a three-week view", n, counts[n])
		}
		tl.FitAll()
		if got := len(drawnObjects(t, tl)); got > 3000 { // bounded by the screen: packed items are 7 px apart
			t.Errorf("%d items: %d objects with all of them in view", n, got)
		}
	}
	if counts[1000] != counts[10000] {
		t.Errorf("the same view took %d objects with 1,000 items and %d with 10,000", counts[1000], counts[10000])
	}
}

func TestTimelineHoverShowsTooltip(t *testing.T) {
	lanes, items := timelineSample()
	items[0].Tooltip = "Coalition statement of 26 Oct"
	tl, w := lightTimeline(t, 640, 260, lanes, items)
	tips := func() []string {
		var out []string
		for _, d := range drawnObjects(t, tl) {
			if d.clipPos == (fyne.Position{}) && d.text != "" {
				out = append(out, d.text)
			}
		}
		return out
	}
	test.MoveMouse(w.Canvas(), markerOf(t, tl, 2).centre())
	if got := tips(); !slices.Equal(got, []string{"Coalition statement of 26 Oct"}) {
		t.Errorf("tooltip %q over the offensive", got)
	}
	test.MoveMouse(w.Canvas(), markerOf(t, tl, 0).centre())
	if got := tips(); !slices.Equal(got, []string{"Town fell", "3 Nov 2017 (in conflict)"}) {
		t.Errorf("tooltip %q over the town's fall", got)
	}
	test.MoveMouse(w.Canvas(), markerOf(t, tl, 1).centre())
	if got := tips(); !slices.Equal(got, []string{"Town retaken", "2 Nov 2017 – 4 Nov 2017 (approximate)"}) {
		t.Errorf("tooltip %q over the approximate item", got)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(20, 130)) // the truncated title of the third lane
	if got := tips(); !slices.Equal(got, []string{"Al Mayadeen (translated by Fort Russ)"}) {
		t.Errorf("tooltip %q over a truncated title", got)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(600, 250))
	if got := tips(); len(got) != 0 {
		t.Errorf("tooltip %q over nothing", got)
	}
}

func TestTimelineTitlesAreTruncatedToTheColumn(t *testing.T) {
	lanes, items := timelineSample()
	tl, _ := lightTimeline(t, 640, 260, lanes, items)
	var titles []string
	for _, d := range drawnObjects(t, tl) {
		if d.clipPos.X == 0 && d.clipPos.Y > 0 && d.text != "" {
			titles = append(titles, d.text)
			if d.pos.X+d.textWidth() > titleW {
				t.Errorf("title %q runs past the column", d.text)
			}
		}
	}
	if len(titles) != 3 || titles[1] != "AFP" || !strings.HasSuffix(titles[2], "…") {
		t.Errorf("titles %q", titles)
	}
}

// TestTimelineCaptionsFollowTheTextSize: a caption is measured once and
// kept, so a new text size must measure it again. After the size grows, the
// label that fitted before the next bar no longer does: it is left out, not
// drawn over the bar.
func TestTimelineCaptionsFollowTheTextSize(t *testing.T) {
	lanes := []widgets.TimelineLane{{Key: "afp", Title: "AFP"}}
	items := []widgets.TimelineItem{
		{ID: "a", Lane: "afp", Start: day(10, 1), End: day(10, 2), Label: "Offensive on Al-Qaim begins", Color: 2},
		{ID: "b", Lane: "afp", Start: day(10, 9), End: day(10, 11), Label: "Town retaken", Color: 1},
	}
	tl, _ := lightTimeline(t, 1000, 200, lanes, items)
	zoomTo(tl, 30*86400)
	caption := func() (drawnObj, bool) {
		for _, d := range plotObjects(t, tl) {
			if d.text == items[0].Label {
				return d, true
			}
		}
		return drawnObj{}, false
	}
	next := xOfTime(tl, items[1].Start)
	before, ok := caption()
	if !ok || before.pos.X+before.textWidth() > next {
		t.Fatalf("at the default size the caption (%v, drawn %v) should fit before the next bar at %v", before.pos, ok, next)
	}
	fyne.CurrentApp().Settings().SetTheme(bigText{theme.DefaultTheme()})
	tl.Refresh()
	next = xOfTime(tl, items[1].Start)
	if after, ok := caption(); ok && after.pos.X+after.textWidth() > next {
		t.Errorf("at a larger size the caption runs from %v, %v wide, into the next bar at %v", after.pos.X, after.textWidth(), next)
	}
}

// A caption that fits neither in its bar nor before the next item is cut
// after its last word that fits, with "…" (and " ?" kept for an uncertain
// range); in less room than a few words it is left out, as before.
func TestTimelineLongCaptionsAreCutAfterAWord(t *testing.T) {
	lanes := []widgets.TimelineLane{{Key: "afp", Title: "AFP"}}
	long := "Offensive on Al-Qaim begins with heavy shelling of the western districts"
	items := []widgets.TimelineItem{
		{ID: "a", Lane: "afp", Start: day(10, 1), End: day(10, 2), Label: long, Color: 2},
		{ID: "b", Lane: "afp", Start: day(10, 9), End: day(10, 11), Label: "Town retaken", Color: 1},
		{ID: "c", Lane: "afp", Start: day(10, 14), End: day(10, 15), Label: "Crossing reopened to traffic after weeks", Color: 3, Uncertain: true},
		{ID: "d", Lane: "afp", Start: day(10, 22), End: day(10, 23), Label: "Tight squeeze between two bars", Color: 4},
		{ID: "e", Lane: "afp", Start: day(10, 24), End: day(10, 25), Label: "Next", Color: 5},
	}
	tl, _ := lightTimeline(t, 1000, 200, lanes, items)
	zoomTo(tl, 30*86400)
	captionOf := func(first string) (drawnObj, bool) {
		for _, d := range plotObjects(t, tl) {
			if strings.HasPrefix(d.text, first) {
				return d, true
			}
		}
		return drawnObj{}, false
	}
	check := func(label, tail string, next time.Time) string {
		t.Helper()
		d, ok := captionOf(strings.Fields(label)[0])
		if !ok {
			t.Fatalf("no caption for %q; plot texts %v", label, plotTexts(t, tl))
		}
		head, found := strings.CutSuffix(d.text, tail)
		if !found || !strings.HasPrefix(label, head) || len(head) >= len(label) || label[len(head)] != ' ' {
			t.Fatalf("caption %q: want a cut of %q after a word, then %q", d.text, label, tail)
		}
		end := xOfTime(tl, next)
		if d.pos.X+d.textWidth() > end {
			t.Errorf("cut caption %q runs to %v, into the next bar at %v", d.text, d.pos.X+d.textWidth(), end)
		}
		if k := strings.IndexByte(label[len(head)+1:], ' '); k > 0 {
			longer := label[:len(head)+1+k] + tail
			if w := fyne.MeasureText(longer, d.textSize, d.style).Width; d.pos.X+w <= end-12 {
				t.Errorf("cut caption %q: %q would have fitted too (%v + %v before %v)", d.text, longer, d.pos.X, w, end)
			}
		}
		return d.text
	}
	first := check(long, "…", items[1].Start)
	check(items[2].Label, "… ?", items[3].Start)
	if _, ok := captionOf("Tight"); ok {
		t.Errorf("a caption was drawn in a day's room: %v", plotTexts(t, tl))
	}
	// More room, more of the caption: zoomed in around the first bar's end.
	tl.ZoomBy(1.5, items[0].End)
	if wider := check(long, "…", items[1].Start); len(wider) <= len(first) {
		t.Errorf("zoomed in, the caption is %q; at 30 days it was %q", wider, first)
	}
}

// plotTexts lists the texts drawn in the plot.
func plotTexts(t *testing.T, tl *widgets.Timeline) []string {
	var out []string
	for _, d := range plotObjects(t, tl) {
		if d.text != "" {
			out = append(out, d.text)
		}
	}
	return out
}
