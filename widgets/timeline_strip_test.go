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
	// Every wheel notch in from there to 3 months: bars a few units wide
	// were objects of their own, up to 1,600 a frame two to six notches in.
	for notch := 1; ; notch++ {
		from, to := tl.VisibleRange()
		if to.Sub(from) < 91*24*time.Hour {
			break
		}
		tl.ZoomBy(1.25, from.Add(to.Sub(from)/2))
		if n := drawCalls(t, tl); n > 600 {
			t.Errorf("%d notches in (%.0f days), %d objects drawn, want at most 600", notch, to.Sub(from).Hours()/24/1.25, n)
		}
	}
}

// TestTimelineDenseRowsPaintNarrowBarsWithTheirLook: in a crowded row, bars
// wider than a sliver (here 8 units) are painted in the row's strip too,
// and keep what their own objects drew: the conflict frame above and below
// the bar, the uncertainty's dashes along its top, the approximate one's
// faded ends. A sparse row keeps its bars as objects of their own.
func TestTimelineDenseRowsPaintNarrowBarsWithTheirLook(t *testing.T) {
	const n = 60
	items := make([]widgets.TimelineItem, n)
	for i := range items {
		s := day(1, 2).Add(time.Duration(i) * 96 * time.Hour) // every four days, two days long
		items[i] = widgets.TimelineItem{ID: fmt.Sprint("d", i), Lane: "l", Start: s, End: s.Add(48 * time.Hour),
			Label: "", Color: 1 + i%6, Conflict: i == 20, Uncertain: i == 24, Approx: i == 28}
	}
	tl, _ := lightTimeline(t, 700, 200, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, items)
	zoomTo(tl, 580.0/4*86400) // four units a day: a bar is 8 units, one every 16
	from, to := tl.VisibleRange()
	tl.PanBy(items[24].Start.Sub(from.Add(to.Sub(from) / 2)))
	bar := func(i int) drawnObj {
		t.Helper()
		x := xOfTime(tl, items[i].Start)
		for _, b := range paletteBars(t, tl) {
			if b.pos.X >= x-1.5 && b.pos.X <= x+4 && b.fill == color.Color(widgets.PaletteColor(items[i].Color, false)) { // a faded end starts paler
				return b
			}
		}
		t.Fatalf("item %d (x %.1f) is not drawn", i, x)
		return drawnObj{}
	}
	objs := map[fyne.CanvasObject]bool{}
	for _, i := range []int{19, 20, 21, 24, 28} {
		b := bar(i)
		if _, ok := b.obj.(*canvas.Raster); !ok {
			t.Errorf("item %d is drawn by a %T, want the row's strip", i, b.obj)
		}
		objs[b.obj] = true
	}
	if len(objs) != 1 {
		t.Errorf("the bars of one dense row are %d objects, want one strip", len(objs))
	}

	img := fyneCanvas(tl).Capture()
	at := func(x, y float32) color.NRGBA { return nrgbaOf(img.At(int(x), int(y))) }
	red := nrgbaOf(fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameError, theme.VariantLight))
	c := bar(20)
	mid := c.pos.X + c.size.Width/2
	for _, y := range []float32{c.pos.Y - 0.5, c.pos.Y + c.size.Height + 1} { // a unit above and below (read at whole pixels, 20 of its 20.3 units)
		if got := at(mid, y); got != red {
			t.Errorf("the conflict bar's frame at y %.1f is %v, want %v", y, got, red)
		}
	}
	u := bar(24)
	fill := nrgbaOf(u.fill)
	var ink, gap int
	for x := u.pos.X + 0.5; x < u.pos.X+u.size.Width; x++ {
		switch at(x, u.pos.Y+0.5) {
		case fill:
			gap++
		default:
			ink++
		}
	}
	if ink == 0 || gap == 0 {
		t.Errorf("the uncertain bar's top row: %d dash and %d gap pixels, want both", ink, gap)
	}
	if got := at(u.pos.X+u.size.Width/2, u.pos.Y+u.size.Height/2); got != fill {
		t.Errorf("the uncertain bar's middle is %v, want its colour %v", got, fill)
	}
	a := bar(28) // the opaque middle of the faded bar
	edge := at(a.pos.X-0.5, a.pos.Y+a.size.Height/2)
	if edge == nrgbaOf(a.fill) || edge.R+edge.G+edge.B == 0 {
		t.Errorf("the approximate bar's faded end is %v, want a paler %v", edge, a.fill)
	}

	// A sparse row: the same bars a week apart keep objects of their own.
	for i := range items {
		items[i].Start = day(1, 2).Add(time.Duration(i) * 40 * 24 * time.Hour)
		items[i].End = items[i].Start.Add(48 * time.Hour)
	}
	tl.SetItems(items)
	for _, b := range paletteBars(t, tl) {
		if _, ok := b.obj.(*canvas.Rectangle); !ok {
			t.Errorf("a bar of a sparse row (160 units apart) is drawn by a %T, want its own rectangle", b.obj)
			break
		}
	}
}
