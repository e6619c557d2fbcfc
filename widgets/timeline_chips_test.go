package widgets_test

import (
	"fmt"
	"image/color"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// groups are n groups of three reports, ten days apart; in each the three
// start half a day apart and last three days, so with one row two of
// each group form a "+2" cluster.
func groups(n int) []widgets.TimelineItem {
	var items []widgets.TimelineItem
	for g := range n {
		for k := range 3 {
			s := day(10, 1).Add(time.Duration(g*240+k*12) * time.Hour)
			items = append(items, widgets.TimelineItem{ID: fmt.Sprintf("g%d-%d", g, k), Lane: "l", Start: s,
				End: s.Add(72 * time.Hour), Label: fmt.Sprintf("Report %d.%d", g, k), Color: k})
		}
	}
	return items
}

// chipUnder is the colour of the chip row's raster just before a chip
// label (in the label's ink the chip's colour is hidden), at its middle
// height, and whether there is one.
func chipUnder(t *testing.T, tl *widgets.Timeline, label drawnObj) (color.NRGBA, bool) {
	t.Helper()
	mid := fyne.NewPos(label.pos.X-2, label.centre().Y)
	for _, d := range plotObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Raster); !ok {
			continue
		}
		if d.pos.X <= mid.X && mid.X < d.pos.X+d.size.Width && d.pos.Y <= mid.Y && mid.Y < d.pos.Y+d.size.Height {
			return color.NRGBAModel.Convert(d.fill).(color.NRGBA), true
		}
	}
	return color.NRGBA{}, false
}

// chipRects are the rectangles drawn as chips: fill c, with no palette
// colour.
func chipRects(t *testing.T, tl *widgets.Timeline, c color.NRGBA) []drawnObj {
	var out []drawnObj
	for _, d := range plotObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Rectangle); ok && d.fill != nil && color.NRGBAModel.Convert(d.fill) == color.Color(c) {
			out = append(out, d)
		}
	}
	return out
}

func TestTimelineChipRowPaintsEveryChipInOneRaster(t *testing.T) {
	tl, _ := lightTimeline(t, 640, 300, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, groups(10))
	tl.MaxRows = 1
	tl.Refresh()
	labels := chips(t, tl)
	if len(labels) != 10 {
		t.Fatalf("%d chip labels, want 10", len(labels))
	}
	// Every label sits on its chip, all in one raster, in one opaque colour
	// that is no item's.
	var chipCol color.NRGBA
	rasters := map[fyne.CanvasObject]bool{}
	for i, l := range labels {
		c, ok := chipUnder(t, tl, l)
		if !ok {
			t.Fatalf("label %d %q at %v has no chip under it", i, l.text, l.pos)
		}
		if i == 0 {
			chipCol = c
		}
		if c != chipCol || c.A != 0xff || isPaletteFill(c) {
			t.Errorf("chip %d is %v, want the opaque chip colour %v", i, c, chipCol)
		}
		for _, d := range plotObjects(t, tl) {
			if _, ok := d.obj.(*canvas.Raster); ok && color.NRGBAModel.Convert(d.fill) == color.Color(chipCol) &&
				d.pos.X <= l.pos.X-2 && l.pos.X-2 < d.pos.X+d.size.Width {
				rasters[d.obj] = true
			}
		}
	}
	if len(rasters) != 1 {
		t.Errorf("the chips are in %d rasters, want one", len(rasters))
	}
	if n := len(chipRects(t, tl, chipCol)); n != 0 {
		t.Errorf("%d chips drawn as rectangles, want none while every cluster starts in view", n)
	}

	// The chip of the cluster holding the selected item is ringed in the
	// selection colour (the foreground), and no other.
	tl.SetSelected("g3-2")
	fg := color.NRGBAModel.Convert(fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameForeground, theme.VariantLight)).(color.NRGBA)
	labels = chips(t, tl)
	for i, l := range labels {
		var ringed bool
		for _, d := range plotObjects(t, tl) {
			if _, ok := d.obj.(*canvas.Raster); ok && color.NRGBAModel.Convert(d.fill) == color.Color(fg) &&
				math.Abs(float64(d.centre().Y-l.centre().Y)) < 2 && d.pos.X < l.pos.X && l.pos.X-d.pos.X < 12 {
				ringed = true
			}
		}
		if ringed != (i == 3) {
			t.Errorf("chip %d ringed: %v", i, ringed)
		}
	}
}

func TestTimelineChipOfAClusterStartingLeftOfTheViewStaysInView(t *testing.T) {
	tl, _ := lightTimeline(t, 640, 300, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, groups(10))
	tl.MaxRows = 1
	tl.Refresh()
	chipCol, _ := chipUnder(t, tl, chips(t, tl)[0])
	// Show about 20 days from a day into the fifth group's cluster (which
	// starts half a day into the group and ends on its fourth day).
	zoomTo(tl, 20*86400)
	from, _ := tl.VisibleRange()
	tl.PanBy(day(10, 1).Add(time.Duration(4*240+36) * time.Hour).Sub(from))
	labels := chips(t, tl)
	if len(labels) == 0 {
		t.Fatal("no chips in view")
	}
	first := labels[0]
	if first.pos.X > titleW+10 {
		t.Fatalf("the first chip label is at x %v, want it at the plot's left edge (%v)", first.pos.X, titleW)
	}
	rects := chipRects(t, tl, chipCol)
	if len(rects) != 1 || rects[0].pos.X > first.pos.X || rects[0].pos.X+rects[0].size.Width < first.pos.X+first.textWidth() {
		t.Errorf("chip rectangles %v, want one under the label at %v", rects, first.pos)
	}
	// The other chips in view are still painted, not drawn as objects.
	for _, l := range labels[1:] {
		if c, ok := chipUnder(t, tl, l); !ok || c != chipCol {
			t.Errorf("label %q at %v: chip %v %v", l.text, l.pos, c, ok)
		}
	}
}

func TestTimelineChipRowOfALongClusterStaysNarrow(t *testing.T) {
	// Three reports of ten years from the same day: with one row two form a
	// cluster ten years long. Seen a day at a time years later, its chip is
	// long out of view and its line is cut at what the row paints.
	var items []widgets.TimelineItem
	for k := range 3 {
		s := day(1, 1).AddDate(-5, 0, 0)
		items = append(items, widgets.TimelineItem{ID: fmt.Sprint("long", k), Lane: "l", Start: s,
			End: s.AddDate(10, 0, 0), Label: fmt.Sprint("Long report ", k), Color: k})
	}
	tl, _ := lightTimeline(t, 640, 300, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, items)
	tl.MaxRows = 1
	tl.Refresh()
	zoomTo(tl, 86400)
	for _, d := range plotObjects(t, tl) {
		if r, ok := d.obj.(*canvas.Raster); ok && r.Size().Width > 4096+100 {
			t.Fatalf("a raster %v units wide, want at most the painted range (4,096)", r.Size().Width)
		}
	}
	labels := chips(t, tl)
	if len(labels) != 1 || labels[0].pos.X > titleW+10 {
		t.Errorf("chip labels %v, want the one cluster's at the left edge", labels)
	}
}

// TestTimelineChipLabelsArePaintedOncePerText: a zoom changes every chip
// row's width, and with it the raster's pixels a unit a little; the labels
// are not painted again for that.
func TestTimelineChipLabelsArePaintedOncePerText(t *testing.T) {
	tl, _ := lightTimeline(t, 640, 300, []widgets.TimelineLane{{Key: "l", Title: "Lane"}}, groups(10))
	tl.MaxRows = 1
	tl.Refresh()
	if len(chips(t, tl)) == 0 {
		t.Fatal("no chips")
	}
	painted := widgets.GlyphsPainted(tl, "+")
	if painted == 0 {
		t.Fatal("no labels painted")
	}
	for i := range 6 {
		from, to := tl.VisibleRange()
		f := 1.013
		if i%2 == 1 {
			f = 1 / 1.007
		}
		tl.ZoomBy(f, from.Add(to.Sub(from)/3))
		if len(chips(t, tl)) == 0 {
			t.Fatalf("no chips after zoom %d", i)
		}
	}
	if n := widgets.GlyphsPainted(tl, "+"); n != painted {
		t.Errorf("%d chip labels painted after six zoom steps, %d before", n, painted)
	}
}
