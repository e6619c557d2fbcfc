package widgets

import (
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
)

// tlHitKind says what is under a point.
type tlHitKind uint8

const (
	tlHitNone    tlHitKind = iota
	tlHitItem              // lane, i: an item
	tlHitCluster           // lane, i: a cluster of the lane
	tlHitTitle             // lane: a lane title
)

// tlHit is what a point hits.
type tlHit struct {
	kind    tlHitKind
	lane, i int
}

// tlHover is the pointer's state over the widget.
type tlHover struct {
	in, dragging bool
	pos          fyne.Position
	hit          tlHit
}

// tlSlop is how far (px) beside an item a tap or hover still hits it.
const tlSlop = 3

// hitAt returns what is drawn at pos (widget coordinates).
func (t *Timeline) hitAt(pos fyne.Position) tlHit {
	r, m := t.rend, &t.met
	if r == nil || !r.packed || pos.Y < m.hdrH || pos.X < 0 || pos.X >= r.size.Width || pos.Y >= r.size.Height {
		return tlHit{}
	}
	cy := pos.Y - m.hdrH + t.view.scrollY
	li := sort.Search(len(r.laneTop), func(i int) bool { return r.laneTop[i] > cy }) - 1
	if li < 0 || li >= len(t.lanes) || cy >= r.laneTop[li]+t.lanes[li].height(m) {
		return tlHit{}
	}
	if pos.X < m.titleW {
		return tlHit{tlHitTitle, li, 0}
	}
	l := &t.lanes[li]
	px, ly := pos.X-m.titleW, cy-r.laneTop[li]-m.lanePad
	if ly < -tlSlop {
		return tlHit{}
	}
	row := max(int(ly/m.rowH), 0)
	if row < l.rows {
		if ly-float32(row)*m.rowH > m.itemH+tlSlop {
			return tlHit{}
		}
		best, bestD := -1, float32(math.MaxFloat32)
		lo, hi := l.window(t.timeAt(px-tlSlop), t.timeAt(px+tlSlop), float64(m.diamond)/2*t.view.spp)
		for i := lo; i < hi; i++ {
			if int(l.row[i]) != row {
				continue
			}
			x0, x1 := t.xOf(l.x0[i]), t.xOf(l.x1[i])
			d := max(x0-px, px-x1, 0)
			if d <= tlSlop && d <= bestD { // a later item is drawn on top
				best, bestD = i, d
			}
		}
		if best < 0 {
			return tlHit{}
		}
		return tlHit{tlHitItem, li, best}
	}
	if len(l.clusters) == 0 || ly > float32(l.rows)*m.rowH+m.chipH+tlSlop {
		return tlHit{}
	}
	a := t.timeAt(px)
	ca, cb := l.clusterWindow(a-tlSlop*t.view.spp, a+tlSlop*t.view.spp)
	for k := ca; k < cb; k++ {
		if c := &l.clusters[k]; px >= t.xOf(c.x0)-tlSlop && px < t.xOf(c.x1)+tlSlop {
			return tlHit{tlHitCluster, li, k}
		}
	}
	return tlHit{}
}

// Tapped selects the item tapped and calls OnTapped, or zooms to fit the
// items of the cluster tapped and calls OnClusterTapped. It is part of
// fyne.Tappable.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	t.requestFocus()
	h := t.hitAt(ev.Position)
	switch h.kind {
	case tlHitItem:
		id := t.lanes[h.lane].items[h.i].ID
		t.SetSelected(id)
		if t.OnTapped != nil {
			t.OnTapped(id)
		}
	case tlHitCluster:
		l := &t.lanes[h.lane]
		c := l.clusters[h.i]
		ids := l.memberIDs(&c)
		t.zoomToSpan(c.from, c.to)
		if t.OnClusterTapped != nil {
			t.OnClusterTapped(ids)
		}
	}
}

// zoomToSpan shows the time span [from, to) with a margin.
func (t *Timeline) zoomToSpan(from, to float64) {
	w := float64(t.plotWidth())
	t.view.spp = max(to-from, tlMinSpan) * 1.25 / w
	t.view.v0 = (from+to)/2 - w*t.view.spp/2
	t.view.autoFit = false
	t.clampView()
	t.changed(false)
}

// Dragged pans: the time under the pointer follows it; a vertical drag
// scrolls the lanes. It is part of fyne.Draggable.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	t.hover.dragging = true
	if ev.Dragged.DX != 0 {
		t.view.v0 -= float64(ev.Dragged.DX) * t.view.spp
		t.view.autoFit = false
		t.clampView()
	}
	t.view.scrollY = max(t.view.scrollY-ev.Dragged.DY, 0)
	t.changed(false)
}

// DragEnd ends a drag. It is part of fyne.Draggable.
func (t *Timeline) DragEnd() {
	t.hover.dragging = false
	t.changed(false)
}

// Scrolled zooms around the time under the pointer for a vertical wheel
// (wheel up zooms in, 25 units a notch as the desktop driver sends them)
// and pans for a horizontal one. It is part of fyne.Scrollable.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	if dy := float64(ev.Scrolled.DY); dy != 0 {
		x := tlClampF(ev.Position.X-t.met.titleW, 0, t.plotWidth())
		t.zoomAround(math.Pow(1.25, math.Max(-4, math.Min(4, dy/25))), t.timeAt(x))
	}
	if dx := ev.Scrolled.DX; dx != 0 {
		t.panSeconds(-float64(dx) * t.view.spp)
	}
}

// panSeconds moves the view later by s seconds.
func (t *Timeline) panSeconds(s float64) {
	t.view.v0 += s
	t.view.autoFit = false
	t.clampView()
	t.changed(false)
}

// scrollLanes scrolls the lanes down by dy pixels (kept in range when drawn).
func (t *Timeline) scrollLanes(dy float32) {
	t.view.scrollY = max(t.view.scrollY+dy, 0)
	t.changed(false)
}

// MouseIn shows the tooltip of what is under the pointer. It is part of
// desktop.Hoverable.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved moves the tooltip with the pointer. It is part of
// desktop.Hoverable.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	t.hover.in, t.hover.pos = true, ev.Position
	t.showTip()
}

// MouseOut hides the tooltip. It is part of desktop.Hoverable.
func (t *Timeline) MouseOut() {
	t.hover.in, t.hover.hit = false, tlHit{}
	t.showTip()
}

// showTip redraws only the tooltip.
func (t *Timeline) showTip() {
	if t.rend != nil {
		t.rend.tip.place(t.rend)
		canvas.Refresh(t)
	}
}

// Cursor is a pointing hand over an item or a cluster. It is part of
// desktop.Cursorable.
func (t *Timeline) Cursor() desktop.Cursor {
	if k := t.hover.hit.kind; t.hover.in && (k == tlHitItem || k == tlHitCluster) {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// requestFocus makes the timeline the canvas's focused widget.
func (t *Timeline) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.Focused() != t {
		c.Focus(t)
	}
}

// FocusGained shows the focus outline. It is part of fyne.Focusable.
func (t *Timeline) FocusGained() {
	t.focus = true
	t.changed(false)
}

// FocusLost hides the focus outline. It is part of fyne.Focusable.
func (t *Timeline) FocusLost() {
	t.focus = false
	t.changed(false)
}

// TypedRune zooms in (+ or =) or out (-) around the middle of the view,
// or fits all items (0). It is part of fyne.Focusable.
func (t *Timeline) TypedRune(c rune) {
	mid := t.timeAt(t.plotWidth() / 2)
	switch c {
	case '+', '=':
		t.zoomAround(1.5, mid)
	case '-', '_':
		t.zoomAround(1/1.5, mid)
	case '0':
		t.FitAll()
	}
}

// TypedKey pans a tenth of the view (Left, Right), scrolls the lanes (Up,
// Down, Page Up, Page Down) or fits all items (Home). It is part of
// fyne.Focusable.
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) {
	span := float64(t.plotWidth()) * t.view.spp
	page := max(t.Size().Height-t.met.hdrH-t.met.rowH, t.met.rowH)
	switch ev.Name {
	case fyne.KeyLeft:
		t.panSeconds(-span / 10)
	case fyne.KeyRight:
		t.panSeconds(span / 10)
	case fyne.KeyUp:
		t.scrollLanes(-2 * t.met.rowH)
	case fyne.KeyDown:
		t.scrollLanes(2 * t.met.rowH)
	case fyne.KeyPageUp:
		t.scrollLanes(-page)
	case fyne.KeyPageDown:
		t.scrollLanes(page)
	case fyne.KeyHome:
		t.FitAll()
	}
}
