package widgets

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// timelineRenderer draws the timeline in three clipped regions: the header
// (time axis) at the top right, the plot (lanes and items) below it and
// the lane titles on the left. Every frame takes its objects from pools in
// order, so the same objects are reused as the view moves and only what is
// in view has an object.
type timelineRenderer struct {
	t    *Timeline
	pal  tlPalette
	size fyne.Size

	bg                              *canvas.Rectangle
	hdrRule, colRule                *canvas.Line
	focus                           [4]*canvas.Line // the focus outline's sides
	header, plot, titles            *fyne.Container
	headerClip, plotClip, titleClip *container.Clip
	tip                             tlTip
	tipBox                          *fyne.Container // the tooltip's objects
	objects                         []fyne.CanvasObject

	rects  tlPool[canvas.Rectangle]
	lines  tlPool[canvas.Line]
	texts  tlPool[canvas.Text]
	polys  tlPool[canvas.RegularPolygon]
	fades  tlKeyedPool[[2]color.NRGBA, canvas.LinearGradient]
	dashes tlKeyedPool[color.NRGBA, tlDash]
	marks  tlKeyedPool[tlMarkLook, canvas.Raster] // instants' diamonds (timeline_marks.go)

	markPics map[tlMarkPic]*image.RGBA  // the markers painted, by look and pixel size
	glyphs   map[tlGlyphKey]*image.RGBA // texts painted for rasters (timeline_glyphs.go)

	laneStrips []*tlLaneStrips // each lane's strips of slivers
	stripGen   uint64          // counts changes that repaint every strip: items, selection, theme
	stripSel   string          // the selection the strips were painted for

	axis        tlTicks
	axisPic     tlAxisPic // the time axis painted (timeline_header.go)
	laneTop     []float32 // top of each lane in content coordinates
	contentH    float32   // height of all lanes
	packed      bool      // the lanes are packed for packedSpp
	packedSpp   float64
	titlesValid bool
	reveal      int // lane to scroll into view at the next build, or -1
}

// tlMaxMinorGrid is the most minor grid lines drawn across the plot.
const tlMaxMinorGrid = 16

func newTimelineRenderer(t *Timeline) *timelineRenderer {
	r := &timelineRenderer{t: t, reveal: -1}
	r.bg = &canvas.Rectangle{}
	r.hdrRule, r.colRule = &canvas.Line{StrokeWidth: 1}, &canvas.Line{StrokeWidth: 1}
	for i := range r.focus {
		r.focus[i] = &canvas.Line{StrokeWidth: 2}
	}
	r.header = &fyne.Container{Layout: tlNoLayout{}}
	r.plot = &fyne.Container{Layout: tlNoLayout{}}
	r.titles = &fyne.Container{Layout: tlNoLayout{}}
	r.headerClip, r.plotClip, r.titleClip = container.NewClip(r.header), container.NewClip(r.plot), container.NewClip(r.titles)
	r.tip.init()
	// The tooltip's texts sit in a container of their own: a direct child
	// whose text (so MinSize) changes makes Fyne lay the widget out again,
	// which would build every frame twice while the pointer is over items.
	r.tipBox = &fyne.Container{Layout: tlNoLayout{}, Objects: []fyne.CanvasObject{r.tip.bg}}
	for _, l := range r.tip.lines {
		r.tipBox.Objects = append(r.tipBox.Objects, l)
	}
	r.objects = []fyne.CanvasObject{r.bg, r.plotClip, r.titleClip, r.headerClip, r.hdrRule, r.colRule,
		r.focus[0], r.focus[1], r.focus[2], r.focus[3], r.tipBox}
	t.readMetrics()
	r.readTheme()
	return r
}

// readTheme sets the colours of the fixed objects.
func (r *timelineRenderer) readTheme() {
	r.pal = newTLPalette(r.t.Theme())
	r.fades.drop()
	r.dashes.drop()
	r.marks.drop()
	r.markPics, r.glyphs = nil, nil
	r.stripGen++
	// The timeline lies on its parent's background (the window clears to the
	// theme's): bg only catches nothing and marks the canvas for repaints.
	r.bg.FillColor = color.Transparent
	r.hdrRule.StrokeColor, r.colRule.StrokeColor = r.pal.rule, r.pal.rule
	for _, l := range r.focus {
		l.StrokeColor = r.pal.focus
	}
	r.tip.bg.FillColor, r.tip.bg.StrokeColor = r.pal.tipBg, r.pal.tipBorder
	for _, o := range []fyne.CanvasObject{r.bg, r.hdrRule, r.colRule, r.focus[0], r.focus[1], r.focus[2], r.focus[3], r.tip.bg} {
		o.Refresh()
	}
}

// Destroy is part of fyne.WidgetRenderer; there is nothing to stop.
func (r *timelineRenderer) Destroy() {}

// Objects returns the regions and the overlays.
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is the title column, a little time and one lane.
func (r *timelineRenderer) MinSize() fyne.Size {
	m := &r.t.met
	return fyne.NewSize(m.titleW+10*m.textSize, m.hdrH+2*m.lanePad+m.rowH)
}

// Layout places the regions and redraws for the new size.
func (r *timelineRenderer) Layout(size fyne.Size) {
	r.size = size
	m := &r.t.met
	plotW, bodyH := max(size.Width-m.titleW, 1), max(size.Height-m.hdrH, 0)
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	place(r.bg, 0, 0, size.Width, size.Height)
	place(r.tipBox, 0, 0, size.Width, size.Height)
	place(r.headerClip, m.titleW, 0, plotW, m.hdrH)
	place(r.plotClip, m.titleW, m.hdrH, plotW, bodyH)
	place(r.titleClip, 0, m.hdrH, m.titleW, bodyH)
	placeHLine(r.hdrRule, 0, size.Width, m.hdrH-1)
	placeVLine(r.colRule, m.titleW-1, 0, size.Height)
	// The focus outline: four 2-unit lines (centred on their coordinates)
	// one unit inside the edges. An outlined rectangle would cost a software
	// OpenGL every pixel inside it, that is the whole timeline.
	w, h := size.Width, size.Height
	for i, ends := range [4][2]fyne.Position{{{X: 1, Y: 2}, {X: w - 1, Y: 2}}, {{X: 1, Y: h - 2}, {X: w - 1, Y: h - 2}},
		{{X: 2, Y: 1}, {X: 2, Y: h - 1}}, {{X: w - 2, Y: 1}, {X: w - 2, Y: h - 1}}} {
		r.focus[i].Position1, r.focus[i].Position2 = ends[0], ends[1]
	}
	r.build()
}

// Refresh re-reads the theme (colours and sizes) and redraws.
func (r *timelineRenderer) Refresh() {
	r.t.forgetWidths()
	r.packed, r.titlesValid = false, false
	r.readTheme()
	if r.t.readMetrics() {
		r.Layout(r.size)
		return
	}
	r.build()
}

// update redraws after a change of the view, the selection or (data) the
// items and lanes.
func (r *timelineRenderer) update(data bool) {
	if data {
		r.packed, r.titlesValid = false, false
		r.stripGen++
	}
	r.build()
}

// revealLane scrolls lane li into view at the next build.
func (r *timelineRenderer) revealLane(li int) { r.reveal = li }

// build recomputes what is in view and rebuilds every region's objects.
func (r *timelineRenderer) build() {
	t, m := r.t, &r.t.met
	if r.size.Width <= 0 || r.size.Height <= 0 {
		return
	}
	if plotW := max(r.size.Width-m.titleW, 1); plotW != t.view.plotW {
		t.view.plotW = plotW
		if t.view.autoFit {
			t.fit()
		}
		t.clampView()
	}
	if !r.packed || r.packedSpp != t.view.spp {
		t.pack()
		r.packed, r.packedSpp = true, t.view.spp
	}
	r.layoutLanes()
	if !r.titlesValid {
		for i := range t.lanes {
			l := &t.lanes[i]
			l.title = t.widths.truncate(l.Title, m.titleW-3*m.pad, m.textSize, false)
		}
		r.titlesValid = true
	}
	r.rects.reset()
	r.lines.reset()
	r.texts.reset()
	r.polys.reset()
	r.fades.reset()
	r.dashes.reset()
	r.marks.reset()
	if t.selected != r.stripSel {
		r.stripSel = t.selected
		r.stripGen++
	}
	t.axis(&r.axis)
	r.header.Objects = r.buildHeader(r.header.Objects[:0])
	r.plot.Objects = r.buildPlot(r.plot.Objects[:0])
	r.titles.Objects = r.buildTitles(r.titles.Objects[:0])
	for _, l := range r.focus {
		l.Hidden = !t.focus
	}
	r.tip.place(r)
	// Mark the canvas for a repaint without refreshing the widget: a
	// widget's refresh frees the GL textures of every object in it, and the
	// gradients and dashes would be generated again each frame. The pooled
	// ones refresh themselves when their colours change (fade, dash), and
	// markers are pooled by look.
	canvas.Refresh(r.bg)
}

// layoutLanes stacks the lanes and keeps the vertical scroll in range.
func (r *timelineRenderer) layoutLanes() {
	t, m := r.t, &r.t.met
	r.laneTop = r.laneTop[:0]
	var y float32
	for i := range t.lanes {
		r.laneTop = append(r.laneTop, y)
		y += t.lanes[i].height(m)
	}
	r.contentH = y
	viewH := r.size.Height - m.hdrH
	if li := r.reveal; li >= 0 && li < len(t.lanes) {
		top, bottom := r.laneTop[li], r.laneTop[li]+t.lanes[li].height(m)
		if bottom > t.view.scrollY+viewH {
			t.view.scrollY = bottom - viewH
		}
		t.view.scrollY = min(t.view.scrollY, top)
	}
	r.reveal = -1
	t.view.scrollY = tlClampF(t.view.scrollY, 0, max(r.contentH-viewH, 0))
}

// visibleLanes is the range of lanes in the plot's view.
func (r *timelineRenderer) visibleLanes() (int, int) {
	t, m := r.t, &r.t.met
	viewH := r.size.Height - m.hdrH
	first, last := len(t.lanes), 0
	for i, top := range r.laneTop {
		y := top - t.view.scrollY
		if y < viewH && y+t.lanes[i].height(m) > 0 {
			first, last = min(first, i), i+1
		}
	}
	return first, max(first, last)
}

// buildPlot draws the lanes in view: backgrounds, grid lines, items and
// clusters.
func (r *timelineRenderer) buildPlot(objs []fyne.CanvasObject) []fyne.CanvasObject {
	t, m := r.t, &r.t.met
	w := t.view.plotW
	first, last := r.visibleLanes()
	// Lanes are told apart by a rule under each (and the shaded title
	// column), not by shading the plot: every pixel filled costs time with a
	// software OpenGL, and a frame has only 16 ms.
	for li := first; li < last; li++ {
		objs = append(objs, r.hline(r.pal.gridMajor, 0, w, r.laneTop[li]+t.lanes[li].height(m)-1-t.view.scrollY))
	}
	bottom := min(r.contentH-t.view.scrollY, r.size.Height-m.hdrH)
	// Minor grid lines cross the plot only while they are few: a long thin
	// line costs a software OpenGL about 60 µs (it shades whole 4×4 pixel
	// blocks along its length), and dense ones are clutter. The header
	// keeps every minor tick.
	if len(r.axis.minor) <= tlMaxMinorGrid {
		for _, x := range r.axis.minor {
			objs = append(objs, r.vline(r.pal.gridMinor, x, 0, bottom))
		}
	}
	for _, x := range r.axis.major {
		objs = append(objs, r.vline(r.pal.gridMajor, x, 0, bottom))
	}
	for li := first; li < last; li++ {
		objs = r.drawLane(objs, li, r.laneTop[li]-t.view.scrollY)
	}
	if viewH := r.size.Height - m.hdrH; r.contentH > viewH && viewH > 0 { // where the lanes are scrolled to
		h := max(viewH*viewH/r.contentH, m.pad*4)
		y := t.view.scrollY / (r.contentH - viewH) * (viewH - h)
		bar := r.rect(r.pal.scroll, w-m.pad-1, y, m.pad, h)
		bar.CornerRadius = m.pad / 2
		objs = append(objs, bar)
	}
	return objs
}

// buildTitles draws the title column: one truncated title per lane, and
// the rule under it that the plot continues. The column, like the header,
// lies on the window's background: a software OpenGL pays for every pixel
// filled, and a shaded column is a tenth of the window.
func (r *timelineRenderer) buildTitles(objs []fyne.CanvasObject) []fyne.CanvasObject {
	t, m := r.t, &r.t.met
	first, last := r.visibleLanes()
	for li := first; li < last; li++ {
		l := &t.lanes[li]
		y, h := r.laneTop[li]-t.view.scrollY, l.height(m)
		objs = append(objs, r.hline(r.pal.gridMajor, 0, m.titleW, y+h-1))
		if l.title != "" {
			objs = append(objs, r.text(l.title, m.textSize, false, r.pal.fg, 2*m.pad, y+m.lanePad+(m.itemH-m.textH)/2))
		}
	}
	return objs
}

// rect takes a plain filled rectangle from the pool.
func (r *timelineRenderer) rect(fill color.Color, x, y, w, h float32) *canvas.Rectangle {
	o := r.rects.get()
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, nil, 0, 0
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	return o
}

// vline takes a one-unit line covering the column of units from x, y0 to
// y1. A line costs the GL painter less than a rectangle: its quad is not
// widened for soft edges and its shader is simpler.
func (r *timelineRenderer) vline(c color.Color, x, y0, y1 float32) *canvas.Line {
	o := r.lines.get()
	o.StrokeColor, o.StrokeWidth = c, 1
	placeVLine(o, x, y0, y1)
	return o
}

// hline takes a one-unit line covering the row of units from x0 to x1 at y.
func (r *timelineRenderer) hline(c color.Color, x0, x1, y float32) *canvas.Line {
	o := r.lines.get()
	o.StrokeColor, o.StrokeWidth = c, 1
	placeHLine(o, x0, x1, y)
	return o
}

// placeVLine places l over the unit column [x, x+1) from y0 to y1. Fyne draws
// a thin line half a unit before its coordinate, so the coordinate is the
// column's right edge.
func placeVLine(l *canvas.Line, x, y0, y1 float32) {
	l.Position1, l.Position2 = fyne.NewPos(x+1, y0), fyne.NewPos(x+1, y1)
}

// placeHLine places l over the unit row [y, y+1) from x0 to x1.
func placeHLine(l *canvas.Line, x0, x1, y float32) {
	l.Position1, l.Position2 = fyne.NewPos(x0, y+1), fyne.NewPos(x1, y+1)
}

// outline takes a rectangle drawn as an outline only.
func (r *timelineRenderer) outline(stroke color.Color, width, radius, x, y, w, h float32) *canvas.Rectangle {
	o := r.rect(color.Transparent, x, y, w, h)
	o.StrokeColor, o.StrokeWidth, o.CornerRadius = stroke, width, radius
	return o
}

// text takes a text from the pool, sized to its content.
func (r *timelineRenderer) text(s string, size float32, bold bool, c color.Color, x, y float32) *canvas.Text {
	o := r.texts.get()
	o.Text, o.TextSize, o.Color, o.TextStyle = s, size, c, fyne.TextStyle{Bold: bold}
	o.Move(fyne.NewPos(x, y))
	h := r.t.met.labelH
	if size == r.t.met.textSize {
		h = r.t.met.textH
	}
	o.Resize(fyne.NewSize(r.t.widths.width(s, size, bold), h))
	return o
}
