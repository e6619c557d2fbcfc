package widgets

import (
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

	bg, corner, hdrRule, colRule, focus *canvas.Rectangle
	header, plot, titles                *fyne.Container
	headerClip, plotClip, titleClip     *container.Clip
	tip                                 tlTip
	objects                             []fyne.CanvasObject

	rects  tlPool[canvas.Rectangle]
	texts  tlPool[canvas.Text]
	polys  tlPool[canvas.RegularPolygon]
	fades  tlKeyedPool[[2]color.NRGBA, canvas.LinearGradient]
	halos  tlKeyedPool[[2]color.NRGBA, canvas.RadialGradient]
	dashes tlKeyedPool[color.NRGBA, tlDash]

	laneStrips []*tlLaneStrips // each lane's strips of slivers
	stripGen   uint64          // counts changes that repaint every strip: items, selection, theme
	stripSel   string          // the selection the strips were painted for

	axis        tlTicks
	laneTop     []float32 // top of each lane in content coordinates
	contentH    float32   // height of all lanes
	packed      bool      // the lanes are packed for packedSpp
	packedSpp   float64
	titlesValid bool
	reveal      int // lane to scroll into view at the next build, or -1
}

func newTimelineRenderer(t *Timeline) *timelineRenderer {
	r := &timelineRenderer{t: t, reveal: -1}
	r.bg, r.corner = &canvas.Rectangle{}, &canvas.Rectangle{}
	r.hdrRule, r.colRule = &canvas.Rectangle{}, &canvas.Rectangle{}
	r.focus = &canvas.Rectangle{StrokeWidth: 2}
	r.header = &fyne.Container{Layout: tlNoLayout{}}
	r.plot = &fyne.Container{Layout: tlNoLayout{}}
	r.titles = &fyne.Container{Layout: tlNoLayout{}}
	r.headerClip, r.plotClip, r.titleClip = container.NewClip(r.header), container.NewClip(r.plot), container.NewClip(r.titles)
	r.tip.init()
	r.objects = []fyne.CanvasObject{r.bg, r.plotClip, r.titleClip, r.headerClip, r.corner, r.hdrRule, r.colRule, r.focus, r.tip.bg}
	for _, l := range r.tip.lines {
		r.objects = append(r.objects, l)
	}
	t.readMetrics()
	r.readTheme()
	return r
}

// readTheme sets the colours of the fixed objects.
func (r *timelineRenderer) readTheme() {
	r.pal = newTLPalette(r.t.Theme())
	r.fades.drop()
	r.halos.drop()
	r.dashes.drop()
	r.stripGen++
	// The timeline lies on its parent's background (the window clears to the
	// theme's): bg only catches nothing and marks the canvas for repaints.
	r.bg.FillColor = color.Transparent
	r.corner.FillColor = r.pal.headerBg
	r.hdrRule.FillColor, r.colRule.FillColor = r.pal.rule, r.pal.rule
	r.focus.FillColor, r.focus.StrokeColor = color.Transparent, r.pal.focus
	r.tip.bg.FillColor, r.tip.bg.StrokeColor = r.pal.tipBg, r.pal.tipBorder
	for _, o := range []fyne.CanvasObject{r.bg, r.corner, r.hdrRule, r.colRule, r.focus, r.tip.bg} {
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
	place(r.headerClip, m.titleW, 0, plotW, m.hdrH)
	place(r.plotClip, m.titleW, m.hdrH, plotW, bodyH)
	place(r.titleClip, 0, m.hdrH, m.titleW, bodyH)
	place(r.corner, 0, 0, m.titleW, m.hdrH)
	place(r.hdrRule, 0, m.hdrH-1, size.Width, 1)
	place(r.colRule, m.titleW-1, 0, 1, size.Height)
	place(r.focus, 1, 1, size.Width-2, size.Height-2)
	r.build()
}

// Refresh re-reads the theme (colours and sizes) and redraws.
func (r *timelineRenderer) Refresh() {
	r.t.widths = tlWidths{}
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
	r.texts.reset()
	r.polys.reset()
	r.fades.reset()
	r.halos.reset()
	r.dashes.reset()
	if t.selected != r.stripSel {
		r.stripSel = t.selected
		r.stripGen++
	}
	t.axis(&r.axis)
	r.header.Objects = r.buildHeader(r.header.Objects[:0])
	r.plot.Objects = r.buildPlot(r.plot.Objects[:0])
	r.titles.Objects = r.buildTitles(r.titles.Objects[:0])
	r.focus.Hidden = !t.focus
	r.tip.place(r)
	// Mark the canvas for a repaint without refreshing the widget: a
	// widget's refresh frees the GL textures of every object in it, and the
	// gradients and dashes would be generated again each frame. The pooled
	// ones refresh themselves when their colours change (fade, halo, dash).
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

// buildHeader draws the time axis: major labels and ticks in the upper
// row, minor ones in the lower.
func (r *timelineRenderer) buildHeader(objs []fyne.CanvasObject) []fyne.CanvasObject {
	m, a := &r.t.met, &r.axis
	objs = append(objs, r.rect(r.pal.headerBg, 0, 0, r.t.view.plotW, m.hdrH))
	for _, x := range a.minor {
		objs = append(objs, r.rect(r.pal.gridMajor, x, m.hdrRowH+m.pad, 1, m.hdrH-m.hdrRowH-m.pad))
	}
	for _, x := range a.major {
		objs = append(objs, r.rect(r.pal.rule, x, 0, 1, m.hdrH))
	}
	for _, l := range a.majorLabels {
		objs = append(objs, r.text(l.text, m.labelSize, true, r.pal.fg, l.x, (m.hdrRowH-m.labelH)/2+m.pad/2))
	}
	for _, l := range a.minorLabels {
		objs = append(objs, r.text(l.text, m.labelSize, false, r.pal.fg, l.x, m.hdrRowH+(m.hdrRowH-m.labelH)/2))
	}
	return objs
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
		objs = append(objs, r.rect(r.pal.gridMajor, 0, r.laneTop[li]+t.lanes[li].height(m)-1-t.view.scrollY, w, 1))
	}
	bottom := min(r.contentH-t.view.scrollY, r.size.Height-m.hdrH)
	for _, x := range r.axis.minor {
		objs = append(objs, r.rect(r.pal.gridMinor, x, 0, 1, bottom))
	}
	for _, x := range r.axis.major {
		objs = append(objs, r.rect(r.pal.gridMajor, x, 0, 1, bottom))
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

// buildTitles draws the title column: one truncated title per lane.
func (r *timelineRenderer) buildTitles(objs []fyne.CanvasObject) []fyne.CanvasObject {
	t, m := r.t, &r.t.met
	first, last := r.visibleLanes()
	for li := first; li < last; li++ {
		l := &t.lanes[li]
		y, h := r.laneTop[li]-t.view.scrollY, l.height(m)
		bg := r.pal.titleBg
		if li%2 == 1 {
			bg = blend(r.pal.titleBg, r.pal.fg, 0.04)
		}
		objs = append(objs, r.rect(bg, 0, y, m.titleW, h), r.rect(r.pal.gridMajor, 0, y+h-1, m.titleW, 1))
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
