package widgets_test

import (
	"image"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// markPic is an instant's marker raster as painted, with the raster.
type markPic struct {
	r   *canvas.Raster
	img image.Image
}

// nrgba is the colour of img at x, y.
func (m markPic) nrgba(x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(m.img.At(x, y)).(color.NRGBA)
}

// markPics paints every square raster of the plot (the markers) at its
// size, by the colour of the marker it belongs to (read from its middle
// row, as drawnObjects does).
func markPics(t *testing.T, tl *widgets.Timeline) map[color.NRGBA]markPic {
	t.Helper()
	out := map[color.NRGBA]markPic{}
	for _, d := range plotObjects(t, tl) {
		r, ok := d.obj.(*canvas.Raster)
		if !ok || r.Size().Width != r.Size().Height {
			continue
		}
		w := int(r.Size().Width)
		out[color.NRGBAModel.Convert(d.fill).(color.NRGBA)] = markPic{r, r.Generator(w, w)}
	}
	return out
}

func TestTimelineInstantMarkersShowTheirState(t *testing.T) {
	at := day(11, 3)
	items := []widgets.TimelineItem{
		{ID: "plain", Lane: "a", Start: at, Color: 1},
		{ID: "approx", Lane: "b", Start: at, Color: 2, Approx: true},
		{ID: "uncertain", Lane: "c", Start: at, Color: 3, Uncertain: true},
		{ID: "conflict", Lane: "d", Start: at, Color: 4, Conflict: true},
		{ID: "later", Lane: "a", Start: at.Add(48 * time.Hour), Color: 5},
	}
	tl, _ := lightTimeline(t, 640, 420, nil, items)
	for _, d := range plotObjects(t, tl) {
		switch o := d.obj.(type) {
		case *canvas.RadialGradient:
			t.Error("a halo is drawn as a gradient: an instant is one marker raster")
		case *canvas.RegularPolygon:
			if o.Sides == 4 {
				t.Error("a diamond is drawn as a polygon: an instant is one marker raster")
			}
		}
	}
	pics := markPics(t, tl)
	pal := func(i int) color.NRGBA { return widgets.PaletteColor(i, false) }
	plain, approx, conflict := pics[pal(1)], pics[pal(2)], pics[pal(4)]
	if plain.img == nil || approx.img == nil || conflict.img == nil || pics[pal(5)].img == nil {
		t.Fatalf("a marker is missing: %v", pics)
	}

	n := plain.img.Bounds().Dx()
	if c := plain.nrgba(n/2, n/2); c != pal(1) {
		t.Errorf("plain marker's centre is %v, want %v", c, pal(1))
	}
	if c := plain.nrgba(1, 1); c.A != 0 {
		t.Errorf("plain marker's corner is %v: a diamond leaves its corners clear", c)
	}
	soft := 0
	for x := range n {
		if a := plain.nrgba(x, n/2).A; a > 0 && a < 0xff {
			soft++
		}
	}
	if soft == 0 {
		t.Error("the plain marker's edge has no partly covered pixels: no soft edge")
	}

	// The approximate one sits on a halo: its colour, translucent, around
	// the diamond, fading to nothing at the square's edge.
	an := approx.img.Bounds().Dx()
	if an <= n {
		t.Errorf("approximate marker is %d px, plain %d: want room for its halo", an, n)
	}
	if c := approx.nrgba(an/2, an/2); c != pal(2) {
		t.Errorf("approximate marker's centre is %v, want %v", c, pal(2))
	}
	glow := approx.nrgba(an/2, an/16+1)
	near := func(a, b uint8) bool { return int(a)+8 >= int(b) && int(b)+8 >= int(a) } // colour of a faint premultiplied pixel
	if glow.A == 0 || glow.A == 0xff || !near(glow.R, pal(2).R) || !near(glow.G, pal(2).G) || !near(glow.B, pal(2).B) {
		t.Errorf("above the approximate diamond is %v, want %v translucent", glow, pal(2))
	}
	if c := approx.nrgba(0, 0); c.A != 0 {
		t.Errorf("the halo's corner is %v, want clear", c)
	}

	// In conflict: ringed in the theme's error colour, filled in its own.
	errColor := color.NRGBAModel.Convert(test.Theme().Color(theme.ColorNameError, theme.VariantLight)).(color.NRGBA)
	ring := 0
	for x := range conflict.img.Bounds().Dx() {
		if conflict.nrgba(x, conflict.img.Bounds().Dy()/2) == errColor {
			ring++
		}
	}
	if ring < 2 {
		t.Errorf("the conflicting marker's middle row has %d pixels in %v, want its ring on both sides", ring, errColor)
	}

	// Uncertain: hollow, outlined in its colour.
	var hollow *markPic
	for c, p := range pics {
		if c == pal(3) {
			hollow = &p
		}
	}
	if hollow == nil {
		t.Fatalf("no marker outlined in colour 3: %v", pics)
	}
	// Inside its outline: no fill, and a "?" in the foreground colour (a
	// grey in either variant).
	hn := hollow.img.Bounds().Dx()
	ink := 0
	abs := func(v float64) float64 { return max(v, -v) }
	for y := range hn {
		for x := range hn {
			if abs(float64(x)+0.5-float64(hn)/2)+abs(float64(y)+0.5-float64(hn)/2) > float64(hn)/2-5 {
				continue // the outline and its soft edge
			}
			c := hollow.nrgba(x, y)
			if c == pal(3) {
				t.Fatalf("uncertain marker is filled at %d,%d: want hollow", x, y)
			}
			if c.A > 0x80 && near(c.R, c.G) && near(c.G, c.B) {
				ink++
			}
		}
	}
	if ink < 3 {
		t.Errorf("uncertain marker has %d grey pixels inside: want its \"?\"", ink)
	}
	if d := findText(t, tl, "?"); d != nil {
		t.Errorf("the \"?\" is a text object at %v: it is painted into the marker", d.pos)
	}
}

// findText is the drawn text s in the plot, if any.
func findText(t *testing.T, tl *widgets.Timeline, s string) *drawnObj {
	for _, d := range plotObjects(t, tl) {
		if _, ok := d.obj.(*canvas.Text); ok && d.text == s {
			return &d
		}
	}
	return nil
}

func TestTimelineMarkersKeepTheirPictureWhenPanned(t *testing.T) {
	var items []widgets.TimelineItem
	for i := range 30 {
		items = append(items, widgets.TimelineItem{ID: string(rune('a' + i)), Lane: "l",
			Start: day(11, 1).Add(time.Duration(i) * 20 * time.Hour), Color: i % 3, Approx: i%2 == 0})
	}
	tl, _ := lightTimeline(t, 900, 300, nil, items)
	zoomTo(tl, 10*86400)
	before := map[*canvas.Raster]image.Image{}
	for _, p := range markPics(t, tl) {
		before[p.r] = p.img
	}
	tl.PanBy(6 * time.Hour)
	kept := 0
	for _, d := range plotObjects(t, tl) {
		r, ok := d.obj.(*canvas.Raster)
		if !ok || before[r] == nil {
			continue
		}
		kept++
		w := int(r.Size().Width)
		if r.Generator(w, w) != before[r] {
			t.Error("a marker was painted again after a pan: each look is painted once")
		}
	}
	if kept == 0 {
		t.Error("no marker raster was reused after a pan")
	}
}
