package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// readerRenderer draws the reader: a vertical scroll over a content widget
// as tall as the whole text, holding canvas objects for the visible lines
// (plus one each side) only. Objects are pooled and reused as lines scroll
// in and out.
type readerRenderer struct {
	r       *Reader
	scroll  *container.Scroll
	content *readerContent
	pal     palette

	objects     []fyne.CanvasObject // the content's children, in drawing order
	lines       map[int]*lineObjs   // objects of each visible line
	first, last int                 // visible lines [first, last)

	freeTexts []*canvas.Text
	freeRects []*canvas.Rectangle
	freeLines []*lineObjs
	updating  bool
}

// lineObjs are the canvas objects of one visual line, by layer.
type lineObjs struct {
	under  []*canvas.Rectangle // highlight fills, find hits, selection
	texts  []*canvas.Text
	over   []*canvas.Rectangle // underlines, overlap bars, outlines
	badges []*canvas.Rectangle // badge chips (their labels are in labels)
	labels []*canvas.Text
}

func newReaderRenderer(r *Reader) *readerRenderer {
	rr := &readerRenderer{r: r, lines: map[int]*lineObjs{}}
	rr.content = &readerContent{rend: rr}
	rr.content.ExtendBaseWidget(rr.content)
	rr.scroll = container.NewVScroll(rr.content)
	rr.scroll.OnScrolled = func(fyne.Position) { rr.updateWindow() }
	rr.pal = newPalette(r.Theme())
	r.readMetrics()
	return rr
}

// Destroy stops a running auto-scroll.
func (rr *readerRenderer) Destroy() { rr.r.stopAutoScroll() }

// Objects returns the scroll container; the lines live inside it.
func (rr *readerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.scroll} }

// MinSize is a few lines of a few words.
func (rr *readerRenderer) MinSize() fyne.Size {
	l := &rr.r.lay
	return fyne.NewSize(l.textSize*8+l.padX+l.padR, l.lineH*2+2*l.padY)
}

// Layout wraps the text to the new width, keeping the top line in view.
func (rr *readerRenderer) Layout(size fyne.Size) {
	r := rr.r
	keep := -1         // the first rune of the top line, to keep in view when the width changes
	var within float32 // how far into that line the view's top was
	if y := rr.scroll.Offset.Y; r.lay.valid && size.Width != r.lay.width && y > 0 && r.lay.pending < 0 {
		top := clampInt(int((y-r.lay.padY)/r.lay.lineH), 0, len(r.lay.lines)-1)
		keep = int(r.lay.lines[top].start)
		within = y - r.lineTop(top)
	}
	heightBefore := rr.content.Size().Height
	relaid := !r.lay.valid || size.Width != r.lay.width
	if relaid {
		rr.releaseAll()
	}
	r.ensureLayout()
	rr.scroll.Resize(size)
	if relaid || rr.r.contentHeight() != heightBefore {
		rr.scroll.Refresh()
	}
	if keep >= 0 {
		r.lay.pending = -1
		rr.scrollTo(r.lineTop(r.lineOf(keep)) + within)
	}
	rr.applyPendingScroll()
	rr.updateWindow()
}

// Refresh re-reads the theme (colours, text size, font) and redraws the
// visible lines with the same pooled objects.
func (rr *readerRenderer) Refresh() {
	rr.pal = newPalette(rr.r.Theme())
	if rr.r.readMetrics() {
		rr.releaseAll()
		rr.r.ensureLayout()
		rr.scroll.Refresh()
	}
	rr.rebuild(true)
	rr.scroll.Refresh()
}

// textChanged shows a new text from its top.
func (rr *readerRenderer) textChanged() {
	rr.releaseAll()
	rr.r.lay.pending = -1
	rr.r.ensureLayout()
	rr.scroll.Offset = fyne.Position{}
	rr.scroll.Refresh()
	rr.updateWindow()
}

// scrollTo scrolls the view so that content y is at its top.
func (rr *readerRenderer) scrollTo(y float32) {
	maxY := max(rr.r.contentHeight()-rr.scroll.Size().Height, 0)
	y = min(max(y, 0), maxY)
	if y != rr.scroll.Offset.Y {
		rr.scroll.ScrollToOffset(fyne.NewPos(0, y))
	}
	rr.updateWindow()
}

// applyPendingScroll does a ScrollToOffset asked for before the reader had
// a size.
func (rr *readerRenderer) applyPendingScroll() {
	r := rr.r
	if r.lay.pending < 0 || rr.scroll.Size().Height <= 0 || !r.ensureLayout() {
		return
	}
	li := r.lineOf(r.lay.pending)
	r.lay.pending = -1
	rr.scrollTo(r.lineTop(li) - rr.scroll.Size().Height/3)
}

// visibleLines is the range of lines in view, plus one each side.
func (rr *readerRenderer) visibleLines() (int, int) {
	l := &rr.r.lay
	n := len(l.lines)
	if !l.valid || n == 0 || l.lineH <= 0 {
		return 0, 0
	}
	top := rr.scroll.Offset.Y - l.padY
	first := int(top/l.lineH) - 1
	last := int((top+rr.scroll.Size().Height)/l.lineH) + 2
	return clampInt(first, 0, n), clampInt(last, 0, n)
}

// updateWindow builds the lines that scrolled into view and releases the
// ones that left it.
func (rr *readerRenderer) updateWindow() {
	if rr.updating {
		return
	}
	rr.updating = true
	defer func() { rr.updating = false }()
	first, last := rr.visibleLines()
	if first == rr.first && last == rr.last && len(rr.lines) == last-first {
		return
	}
	for li, lo := range rr.lines {
		if li < first || li >= last {
			rr.releaseLine(lo)
			delete(rr.lines, li)
		}
	}
	for li := first; li < last; li++ {
		if _, ok := rr.lines[li]; !ok {
			lo := rr.newLine()
			rr.buildTexts(li, lo)
			rr.buildDecorations(li, lo)
			rr.lines[li] = lo
		}
	}
	rr.first, rr.last = first, last
	rr.collect()
}

// rebuild redraws the visible lines' decorations, and their texts too when
// texts is set (dimmed ranges or colours changed).
func (rr *readerRenderer) rebuild(texts bool) {
	if !rr.r.lay.valid {
		return
	}
	for li, lo := range rr.lines {
		rr.releaseDecorations(lo)
		if texts {
			rr.releaseTexts(lo)
			rr.buildTexts(li, lo)
		}
		rr.buildDecorations(li, lo)
	}
	rr.updateWindow()
	rr.collect()
}

// collect lists every object in drawing order and asks for a repaint.
func (rr *readerRenderer) collect() {
	objs := rr.objects[:0]
	for li := rr.first; li < rr.last; li++ {
		if lo := rr.lines[li]; lo != nil {
			for _, o := range lo.under {
				objs = append(objs, o)
			}
		}
	}
	for li := rr.first; li < rr.last; li++ {
		if lo := rr.lines[li]; lo != nil {
			for _, o := range lo.texts {
				objs = append(objs, o)
			}
			for _, o := range lo.over {
				objs = append(objs, o)
			}
		}
	}
	for li := rr.first; li < rr.last; li++ {
		if lo := rr.lines[li]; lo != nil {
			for i, o := range lo.badges {
				objs = append(objs, o, lo.labels[i])
			}
		}
	}
	clear(objs[len(objs):cap(objs)]) // drop references to released objects
	rr.objects = objs
	canvas.Refresh(rr.content)
}

func (rr *readerRenderer) newLine() *lineObjs {
	if n := len(rr.freeLines); n > 0 {
		lo := rr.freeLines[n-1]
		rr.freeLines = rr.freeLines[:n-1]
		return lo
	}
	return &lineObjs{}
}

func (rr *readerRenderer) text() *canvas.Text {
	if n := len(rr.freeTexts); n > 0 {
		t := rr.freeTexts[n-1]
		rr.freeTexts = rr.freeTexts[:n-1]
		return t
	}
	return &canvas.Text{}
}

func (rr *readerRenderer) rect() *canvas.Rectangle {
	if n := len(rr.freeRects); n > 0 {
		o := rr.freeRects[n-1]
		rr.freeRects = rr.freeRects[:n-1]
		return o
	}
	return &canvas.Rectangle{}
}

func (rr *readerRenderer) releaseTexts(lo *lineObjs) {
	rr.freeTexts = append(rr.freeTexts, lo.texts...)
	lo.texts = lo.texts[:0]
}

func (rr *readerRenderer) releaseDecorations(lo *lineObjs) {
	rr.freeRects = append(rr.freeRects, lo.under...)
	rr.freeRects = append(rr.freeRects, lo.over...)
	rr.freeRects = append(rr.freeRects, lo.badges...)
	rr.freeTexts = append(rr.freeTexts, lo.labels...)
	lo.under, lo.over, lo.badges, lo.labels = lo.under[:0], lo.over[:0], lo.badges[:0], lo.labels[:0]
}

func (rr *readerRenderer) releaseLine(lo *lineObjs) {
	rr.releaseTexts(lo)
	rr.releaseDecorations(lo)
	rr.freeLines = append(rr.freeLines, lo)
}

// releaseAll returns every line's objects to the pools.
func (rr *readerRenderer) releaseAll() {
	for li, lo := range rr.lines {
		rr.releaseLine(lo)
		delete(rr.lines, li)
	}
	rr.first, rr.last = 0, 0
	rr.objects = rr.objects[:0]
}

// readerContent is the scrolled content: as tall as the whole text, its
// children are the visible lines' objects.
type readerContent struct {
	widget.BaseWidget
	rend *readerRenderer
}

func (c *readerContent) CreateRenderer() fyne.WidgetRenderer { return (*contentRenderer)(c) }

type contentRenderer readerContent

func (c *contentRenderer) Destroy()                     {}
func (c *contentRenderer) Layout(fyne.Size)             {}
func (c *contentRenderer) Objects() []fyne.CanvasObject { return c.rend.objects }
func (c *contentRenderer) Refresh()                     { canvas.Refresh((*readerContent)(c)) }
func (c *contentRenderer) MinSize() fyne.Size {
	r := c.rend.r
	if !r.lay.valid {
		return fyne.Size{}
	}
	return fyne.NewSize(0, r.contentHeight())
}
