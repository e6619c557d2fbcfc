package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// PaintedLabel is a label painted into a raster, as the renderer placed it:
// the tests read its pixels against the text rendered on its own.
type PaintedLabel struct {
	Text   string
	Size   float32 // text size
	Bold   bool
	Pos    fyne.Position // top left, in the timeline's coordinates
	Raster fyne.CanvasObject
	At     fyne.Position // top left within the raster, in units
}

// PaintedChipLabels are the "+N" labels the chip rows of the lanes in view
// paint, of clusters that start in the plot (one that starts left of it
// has its chip drawn as objects over the painted one).
func PaintedChipLabels(tl *Timeline) []PaintedLabel {
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	m := &tl.met
	var out []PaintedLabel
	first, last := r.visibleLanes()
	for li := first; li < last && li < len(r.laneStrips); li++ {
		cr := &r.laneStrips[li].chips
		if cr.r == nil || len(cr.drawn) == 0 {
			continue
		}
		origin := cr.r.Position().AddXY(m.titleW, m.hdrH)
		for _, mk := range cr.drawn {
			if mk.cw == 0 || origin.X+mk.cx < m.titleW {
				continue
			}
			at := fyne.NewPos(mk.cx+cr.text.dx, cr.text.dy)
			out = append(out, PaintedLabel{Text: tlChipLabel(mk.n), Size: cr.text.size, Pos: origin.Add(at), Raster: cr.r, At: at})
		}
	}
	return out
}

// PaintedAxisLabels are the labels painted into the time axis.
func PaintedAxisLabels(tl *Timeline) []PaintedLabel {
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	h := &r.axisPic
	if h.r == nil || !h.r.Visible() {
		return nil
	}
	origin := h.r.Position().AddXY(tl.met.titleW, 0)
	var out []PaintedLabel
	for _, l := range h.labels {
		at := fyne.NewPos(l.x, h.look.y(l))
		out = append(out, PaintedLabel{Text: l.text, Size: h.look.textSize, Bold: l.bold, Pos: origin.Add(at), Raster: h.r, At: at})
	}
	return out
}

// AxisTicks are the minor and major ticks the time axis paints, plot x.
func AxisTicks(tl *Timeline) (minor, major []float32) {
	h := &test.WidgetRenderer(tl).(*timelineRenderer).axisPic
	return h.minor, h.major
}

// GlyphsPainted is how many texts starting with prefix the renderer has
// painted for rasters and keeps.
func GlyphsPainted(tl *Timeline, prefix string) int {
	n := 0
	for k := range test.WidgetRenderer(tl).(*timelineRenderer).glyphs {
		if strings.HasPrefix(k.s, prefix) {
			n++
		}
	}
	return n
}
