package widgets_test

import (
	"regexp"
	"sort"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/evidence-workbench/workbench/widgets"
)

func TestTimelineTickLabelsNeverOverlap(t *testing.T) {
	const hour, dayS, year = 3600.0, 86400.0, 365.2425 * 86400
	// minor is what the lower row's labels look like at that zoom, in a
	// narrow (420) and a wide (1000) timeline.
	for name, c := range map[string]struct {
		span  float64
		minor [2]string
	}{
		"3 hours":     {3 * hour, [2]string{`^\d\d:00$`, `^\d\d:00$`}},
		"a day":       {dayS, [2]string{`^\d\d:00$`, `^\d\d:00$`}},
		"two weeks":   {14 * dayS, [2]string{`^\d{1,2}$`, `^\d{1,2}$`}},
		"four months": {120 * dayS, [2]string{`^[A-Z][a-z]{2}$`, `^\d{1,2}$`}},
		"two years":   {2 * year, [2]string{`^[A-Z][a-z]{2}$`, `^[A-Z][a-z]{2}$`}},
		"30 years":    {30 * year, [2]string{`^\d{4}$`, `^\d{4}$`}},
		"200 years":   {200 * year, [2]string{`^\d{3}0$`, `^\d{3}0$`}},
		"3000 years":  {3000 * year, [2]string{`^\d{1,2}00$`, `^\d{1,2}00$`}},
		"9000 years":  {9000 * year, [2]string{`^\d*000$`, `^\d*[05]00$`}}, // narrow: 1,000-year steps, no upper row
	} {
		for k, width := range []float32{420, 1000} {
			t.Run(name+" at "+strconv.Itoa(int(width)), func(t *testing.T) {
				minor := regexp.MustCompile(c.minor[k])
				lanes, items := timelineSample()
				tl, _ := lightTimeline(t, width, 240, lanes, items)
				zoomTo(tl, c.span)
				assertAxisReadable(t, tl, minor)
				for range 6 { // labels must stay apart at any phase
					tl.PanBy(-37 * 3600e9 * time.Duration(1+c.span/(30*dayS)))
					assertAxisReadable(t, tl, minor)
				}
			})
		}
	}
}

// assertAxisReadable checks the header's two rows: labels measured with
// Fyne do not touch within a row, the lower row matches minor, and there
// are enough labels to read the axis.
func assertAxisReadable(t *testing.T, tl *widgets.Timeline, minor *regexp.Regexp) {
	t.Helper()
	rows := map[float32][]drawnObj{}
	for _, d := range headerTexts(t, tl) {
		rows[d.pos.Y] = append(rows[d.pos.Y], d)
	}
	if len(rows) == 0 || len(rows) > 2 {
		t.Fatalf("%d rows of axis labels, want 1 or 2", len(rows))
	}
	ys := make([]float32, 0, len(rows))
	for y := range rows {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	lower := rows[ys[len(ys)-1]]
	minorTicks, major := widgets.AxisTicks(tl)
	if len(lower) < 1 || len(minorTicks) < 2 { // a label cut by an edge is left out, so one may be all
		t.Errorf("%d minor labels on %d minor ticks", len(lower), len(minorTicks))
	}
	for _, d := range lower {
		if !minor.MatchString(d.text) {
			t.Errorf("minor label %q does not match %v", d.text, minor)
		}
	}
	for _, y := range ys {
		for _, d := range rows[y] {
			if d.pos.X < titleW {
				t.Errorf("label %q is cut by the left edge at %v", d.text, d.pos.X)
			}
			if d.pos.X+d.textWidth() > tl.Size().Width {
				t.Errorf("label %q (x %v, %v wide) is cut by the right edge at %v", d.text, d.pos.X, d.textWidth(), tl.Size().Width)
			}
			for _, x := range major { // a major tick runs down both rows
				if x += titleW; d.pos.X < x && x < d.pos.X+d.textWidth() {
					t.Errorf("label %q (x %v, %v wide) is crossed by a major tick at %v", d.text, d.pos.X, d.textWidth(), x)
				}
			}
		}
	}
	for _, y := range ys {
		row := rows[y]
		sort.Slice(row, func(i, j int) bool { return row[i].pos.X < row[j].pos.X })
		for i := 1; i < len(row); i++ {
			a, b := row[i-1], row[i]
			w := a.textWidth()
			if a.pos.X+w > b.pos.X {
				t.Errorf("%q (x %v, %v wide) runs into %q at x %v", a.text, a.pos.X, w, b.text, b.pos.X)
			}
		}
	}
}

// TestTimelineAxisIsOneRasterWithItsTicks: the header is one raster, with
// a major tick down its whole height where the plot's grid line is, and
// a minor tick in its lower row only.
func TestTimelineAxisIsOneRasterWithItsTicks(t *testing.T) {
	lanes, items := timelineSample()
	tl, _ := lightTimeline(t, 1000, 240, lanes, items)
	zoomTo(tl, 120*86400) // months, each with its weeks
	var axis *canvas.Raster
	grid := map[float32]bool{}
	for _, d := range drawnObjects(t, tl) {
		switch {
		case d.clipPos == fyne.NewPos(titleW, 0):
			r, ok := d.obj.(*canvas.Raster)
			if !ok || (axis != nil && r != axis) {
				t.Fatalf("the header draws a %T besides its raster", d.obj)
			}
			axis = r
		case d.clipPos.X == titleW && d.clipPos.Y > 0:
			if l, ok := d.obj.(*canvas.Line); ok && l.Position1.X == l.Position2.X {
				grid[l.Position1.X-1] = true // placed at its column's right edge
			}
		}
	}
	if axis == nil {
		t.Fatal("no axis raster")
	}
	minor, major := widgets.AxisTicks(tl)
	if len(major) < 2 || len(minor) < 8 {
		t.Fatalf("%d major and %d minor ticks at four months", len(major), len(minor))
	}
	w, h := int(axis.Size().Width), int(axis.Size().Height)
	img := axis.Generator(w, h)
	// A tick covers the unit column [x, x+1): at least half of one pixel.
	inked := func(x float32, y int) bool {
		px := int(x)
		for _, p := range []int{px, px + 1} {
			if p >= 0 && p < w && nrgbaOf(img.At(p, y)).A >= 0x80 {
				return true
			}
		}
		return false
	}
	isMajor := map[float32]bool{}
	for _, x := range major {
		isMajor[x] = true
		if x < 0 || x >= float32(w)-1 {
			continue
		}
		if !inked(x, 0) || !inked(x, h-2) {
			t.Errorf("major tick at %v: top %v, bottom %v, want it the header's height", x, inked(x, 0), inked(x, h-2))
		}
		if !grid[x] {
			t.Errorf("major tick at %v has no grid line under it in the plot (lines at %v)", x, grid)
		}
	}
	for _, x := range minor {
		if isMajor[x] || x < 0 || x >= float32(w)-1 {
			continue
		}
		if inked(x, 0) || !inked(x, h-2) {
			t.Errorf("minor tick at %v: top %v, bottom %v, want the lower row only", x, inked(x, 0), inked(x, h-2))
		}
	}
}
