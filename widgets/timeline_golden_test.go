package widgets_test

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestTimelineGolden(t *testing.T) {
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			tl, w, a := newTimeline(t, 640, 260)
			useVariant(a, v)
			tl.Refresh()
			lanes, items := timelineSample()
			tl.SetLanes(lanes)
			tl.SetItems(items)
			tl.SetSelected("offensive")
			test.AssertRendersToImage(t, "timeline_"+name+".png", w.Canvas())
		})
	}
}

func TestTimelineRefreshRereadsTheTheme(t *testing.T) {
	lanes, items := timelineSample()
	tl, _ := lightTimeline(t, 640, 260, lanes, items)
	light := markerOf(t, tl, 2).obj
	useVariant(fyne.CurrentApp(), theme.VariantDark)
	tl.Refresh()
	var dark []fyne.CanvasObject
	for _, d := range plotObjects(t, tl) {
		if isPaletteFill(d.fill) {
			t.Errorf("a light palette colour %v is still drawn", d.fill)
		}
		if d.fill == color.Color(widgets.PaletteColor(2, true)) {
			dark = append(dark, d.obj)
		}
	}
	if len(dark) != 1 {
		t.Fatalf("%d bars in the dark blue, want 1", len(dark))
	}
	if dark[0] != light {
		t.Error("Refresh made a new object for the bar instead of reusing it")
	}
}
