package widgets_test

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// slivers is n two-hour items every three days: fitted into a 700-unit
// timeline each is drawn at the narrowest bar width, all in one row.
func slivers(n int) []widgets.TimelineItem {
	items := make([]widgets.TimelineItem, n)
	for i := range items {
		s := day(1, 2).Add(time.Duration(i) * 72 * time.Hour)
		items[i] = widgets.TimelineItem{ID: fmt.Sprint("s", i), Lane: "l", Start: s, End: s.Add(2 * time.Hour),
			Label: fmt.Sprint("Sliver report ", i), Color: i % 7, Conflict: i == 10}
	}
	return items
}

// paletteBars are the palette-coloured boxes drawn in view (a strip holds
// bars beyond it, cut by its clip), left to right.
func paletteBars(t testing.TB, tl *widgets.Timeline) []drawnObj {
	var ms []drawnObj
	for _, d := range markers(t, tl) {
		if d.pos.X+d.size.Width > d.clipPos.X && d.pos.X < d.clipPos.X+d.clipSize.Width {
			ms = append(ms, d)
		}
	}
	slices.SortFunc(ms, func(a, b drawnObj) int { return int(a.pos.X - b.pos.X) })
	return ms
}

func TestTimelineSliversAreOneObjectAndKeepTheirLook(t *testing.T) {
	items := slivers(40)
	tl, _ := lightTimeline(t, 700, 200, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, items)
	check := func(when string) {
		t.Helper()
		bars := paletteBars(t, tl)
		var inView []widgets.TimelineItem
		_, to := tl.VisibleRange()
		for _, it := range items {
			if x := xOfTime(tl, it.Start); x+3 > titleW && it.Start.Before(to) { // a bar cut by the left edge is drawn
				inView = append(inView, it)
			}
		}
		if len(bars) != len(inView) || len(bars) < 5 {
			t.Fatalf("%s: %d bars drawn for %d items in view", when, len(bars), len(inView))
		}
		objs := map[fyne.CanvasObject]bool{}
		for i, b := range bars {
			it := inView[i]
			if b.fill != color.Color(widgets.PaletteColor(it.Color, false)) {
				t.Errorf("%s: bar %d is %v, want palette colour %d", when, i, b.fill, it.Color)
			}
			if x := xOfTime(tl, it.Start); math.Abs(float64(b.pos.X-x)) > 1.5 {
				t.Errorf("%s: %s drawn at x %.1f, its start is at %.1f", when, it.ID, b.pos.X, x)
			}
			if b.size.Width > 4 {
				t.Errorf("%s: %s is %.1f wide, not a sliver", when, it.ID, b.size.Width)
			}
			objs[b.obj] = true
		}
		if len(objs) != 1 {
			t.Errorf("%s: the slivers of one row are %d objects, want one strip", when, len(objs))
		}
		for o := range objs {
			if _, ok := o.(*canvas.Raster); !ok {
				t.Errorf("%s: slivers drawn by a %T", when, o)
			}
		}
	}
	check("fitted")

	// The conflict item is framed in the error colour on both sides.
	red := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameError, theme.VariantLight)
	var conflictBar drawnObj
	for _, b := range paletteBars(t, tl) {
		if math.Abs(float64(b.pos.X-xOfTime(tl, items[10].Start))) <= 1.5 {
			conflictBar = b
		}
	}
	var left, right bool
	for _, d := range plotObjects(t, tl) {
		if color.NRGBAModel.Convert(d.fill) != color.NRGBAModel.Convert(red) || d.obj != conflictBar.obj {
			continue
		}
		left = left || math.Abs(float64(d.pos.X+d.size.Width-conflictBar.pos.X)) < 0.5
		right = right || math.Abs(float64(d.pos.X-(conflictBar.pos.X+conflictBar.size.Width))) < 0.5
	}
	if !left || !right {
		t.Errorf("the conflict sliver's frame: left %v, right %v", left, right)
	}

	// A pan moves the strip's bars with the time axis.
	tl.PanBy(10 * 24 * time.Hour)
	check("after a pan")
	from, to := tl.VisibleRange()
	tl.ZoomBy(1.5, from.Add(to.Sub(from)/2))
	check("zoomed in")
	from, to = tl.VisibleRange()
	tl.PanBy(-to.Sub(from)) // beyond what the strip was painted for
	check("after a pan by a whole view")
	tl.FitAll()
	check("fitted again")

	// The selected item is drawn on its own, outlined.
	tl.SetSelected("s20")
	for _, b := range paletteBars(t, tl) {
		if math.Abs(float64(b.pos.X-xOfTime(tl, items[20].Start))) > 1.5 {
			continue
		}
		if _, ok := b.obj.(*canvas.Rectangle); !ok {
			t.Errorf("the selected sliver is drawn by a %T, want its own rectangle", b.obj)
		}
	}
}

// TestTimelineOverviewIsFewObjects: the 10,000 items of the benchmark seen
// all at once were about 3,700 objects (one GL draw call each) before
// slivers were drawn in strips, and 231 before the time axis and the chip
// labels were painted into rasters (82 since).
func TestTimelineOverviewIsFewObjects(t *testing.T) {
	tl := benchTimelineTB(t, 0)
	if n := drawCalls(t, tl); n > 120 {
		t.Errorf("the overview of 10,000 items draws %d objects, want at most 120", n)
	}
}
