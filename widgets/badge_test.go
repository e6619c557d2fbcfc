package widgets_test

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestGradeBadgeShowsTextInItsTone(t *testing.T) {
	a := test.NewTempApp(t)
	b := widgets.NewGradeBadge("B2", widgets.ToneGood)
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(60, 30))
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		useVariant(a, v)
		b.Refresh()
		img := w.Canvas().Capture()
		c := img.At(3, int(b.Size().Height/2)+2) // inside the badge, left of the text
		want := widgets.ToneColor(widgets.ToneGood, v == theme.VariantDark)
		if !near(c, want) {
			t.Errorf("variant %v: badge fill %v, want %v", v, c, want)
		}
	}
	b.Set("", widgets.ToneGood)
	if b.MinSize().Width <= 0 {
		t.Error("an empty badge still keeps its place, so rows stay aligned")
	}
	useVariant(a, theme.VariantLight)
	if c := w.Canvas().Capture().At(3, int(b.Size().Height/2)+2); near(c, widgets.ToneColor(widgets.ToneGood, false)) {
		t.Error("an empty badge must not paint its tone")
	}
}

func near(c color.Color, want color.NRGBA) bool {
	r, g, bl, _ := c.RGBA()
	d := func(x uint32, y uint8) int { v := int(x>>8) - int(y); return v * v }
	return d(r, want.R)+d(g, want.G)+d(bl, want.B) < 3*20*20
}
