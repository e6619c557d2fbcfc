// Package widgets holds the workbench's reusable Fyne widgets. It imports
// only Fyne and the standard library: widgets take plain data and callbacks,
// never a store or a domain type.
package widgets

import (
	"sort"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Span is a range of text in runes (Unicode code points), end exclusive.
type Span struct{ Start, End int }

// Len is the number of runes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span holds no rune.
func (s Span) Empty() bool { return s.End <= s.Start }

// Highlight is a coloured range of the reader's text, e.g. a claim.
type Highlight struct {
	ID string
	Span
	Color    int    // palette index; the reader maps it to a colour legible in the theme variant
	Badge    string // optional short label (e.g. "B2") drawn small at the highlight's start
	Selected bool   // drawn stronger and outlined
}

// Reader shows a long text in the theme's proportional font, word-wrapped
// to its width, with highlights, dimmed ranges, underlines, find hits and a
// mouse selection counted in runes. Only the visible lines have canvas
// objects. It scrolls itself, so it can follow a drag past its edges.
type Reader struct {
	widget.BaseWidget

	// OnSelectionChanged is called when the user changes the selection
	// (drag end, double-click, shift-click, tap, Escape, select all). It is
	// not called for SetSelection or SetText.
	OnSelectionChanged func(Span)
	// OnHighlightTapped is called with the ID of the highlight tapped (the
	// shortest one when several overlap there).
	OnHighlightTapped func(id string)
	// OnContextMenu is called on a secondary tap with the current selection
	// and the pointer's absolute position, for the app to show a menu.
	OnContextMenu func(sel Span, absolutePos fyne.Position)
	// OnSubmit is called when Enter is typed while text is selected.
	OnSubmit func(sel Span)

	text    string
	runes   []rune
	byteOff []int32 // byte offset of each rune, and of the end

	dimmed     []Span
	highlights []Highlight
	hlLane     []int // overlap lane of each highlight
	hlOrder    []int // highlight indices in drawing order (longest first)
	underlines []Span

	sel    Span
	anchor hit
	find   findState

	lay  layout
	rend *readerRenderer
	drag dragState
}

// dragState follows one press, drag or click of the primary button.
type dragState struct {
	pressed  bool // primary button down (MouseDown seen)
	shift    bool // the press was a shift-click that extended the selection
	dragging bool
	before   Span // selection when the gesture began
	pos      fyne.Position
	anim     *fyne.Animation
	lastStep time.Time
}

var (
	_ fyne.Widget            = (*Reader)(nil)
	_ fyne.Tappable          = (*Reader)(nil)
	_ fyne.DoubleTappable    = (*Reader)(nil)
	_ fyne.SecondaryTappable = (*Reader)(nil)
	_ fyne.Draggable         = (*Reader)(nil)
	_ fyne.Focusable         = (*Reader)(nil)
	_ fyne.Shortcutable      = (*Reader)(nil)
	_ desktop.Mouseable      = (*Reader)(nil)
	_ desktop.Cursorable     = (*Reader)(nil)
)

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{}
	r.ExtendBaseWidget(r)
	r.lay.pending = -1
	r.setText("")
	return r
}

// CreateRenderer builds the reader's renderer. It is part of fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	r.ExtendBaseWidget(r)
	r.rend = newReaderRenderer(r)
	return r.rend
}

// Text returns the text shown.
func (r *Reader) Text() string { return r.text }

// SetText shows a new text, as given (never rewritten), from its top. The
// selection and the find are reset, and the highlights, dimmed ranges and
// underlines, which belong to the old text, are cleared: set them after.
func (r *Reader) SetText(text string) {
	r.setText(text)
	r.find = findState{cur: -1}
	r.sel = Span{}
	r.anchor = hit{}
	r.highlights, r.hlLane, r.hlOrder = nil, nil, nil
	r.dimmed, r.underlines = nil, nil
	r.lay.valid = false
	if r.rend != nil {
		r.rend.textChanged()
	}
}

func (r *Reader) setText(text string) {
	r.text = text
	n := utf8.RuneCountInString(text)
	if cap(r.runes) >= n && cap(r.runes) < 4*n+64 {
		r.runes = r.runes[:0]
		r.byteOff = r.byteOff[:0]
	} else {
		r.runes = make([]rune, 0, n)
		r.byteOff = make([]int32, 0, n+1)
	}
	for i, c := range text {
		r.runes = append(r.runes, c)
		r.byteOff = append(r.byteOff, int32(i))
	}
	r.byteOff = append(r.byteOff, int32(len(text)))
	r.find.cur = -1
}

// sub returns the text of runes [a, b) without copying.
func (r *Reader) sub(a, b int) string { return r.text[r.byteOff[a]:r.byteOff[b]] }

// clampSpan orders s and keeps it inside the text.
func (r *Reader) clampSpan(s Span) Span {
	n := len(r.runes)
	if s.End < s.Start {
		s.Start, s.End = s.End, s.Start
	}
	return Span{clampInt(s.Start, 0, n), clampInt(s.End, 0, n)}
}

// normalize sorts spans, clamps them to the text, widens them to whole
// grapheme clusters and merges overlaps.
func (r *Reader) normalize(spans []Span) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if s = r.clampSpan(s); !s.Empty() {
			out = append(out, snapSpan(r.runes, s))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, s := range out {
		if k := len(merged) - 1; k >= 0 && s.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// SetDimmed sets the ranges drawn in a dimmed colour (boilerplate).
func (r *Reader) SetDimmed(spans []Span) {
	r.dimmed = r.normalize(spans)
	if r.rend != nil {
		r.rend.rebuild(true)
	}
}

// SetHighlights sets the coloured ranges. Overlapping highlights stay
// visible: each is a translucent layer and the inner ones also get a bar.
func (r *Reader) SetHighlights(hs []Highlight) {
	r.highlights = r.highlights[:0]
	for _, h := range hs {
		if h.Span = r.clampSpan(h.Span); !h.Empty() {
			h.Span = snapSpan(r.runes, h.Span)
			r.highlights = append(r.highlights, h)
		}
	}
	r.hlLane, r.hlOrder = highlightLanes(r.highlights)
	if r.rend != nil {
		r.rend.rebuild(false)
	}
}

// highlightLanes gives each highlight an overlap lane (0 when nothing
// encloses it) and the order to draw them: longest first, so the shortest
// one lies on top, as a tap picks it.
func highlightLanes(hs []Highlight) (lanes, order []int) {
	order = make([]int, len(hs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ha, hb := hs[order[a]], hs[order[b]]
		if ha.Start != hb.Start {
			return ha.Start < hb.Start
		}
		return ha.Len() > hb.Len()
	})
	lanes = make([]int, len(hs))
	var ends []int // end of the last highlight in each lane
	for _, i := range order {
		lane := 0
		for lane < len(ends) && ends[lane] > hs[i].Start {
			lane++
		}
		if lane == len(ends) {
			ends = append(ends, 0)
		}
		ends[lane] = hs[i].End
		lanes[i] = lane
	}
	sort.SliceStable(order, func(a, b int) bool { return hs[order[a]].Len() > hs[order[b]].Len() })
	return lanes, order
}

// SetUnderlines sets the ranges drawn with a thin line under the text.
func (r *Reader) SetUnderlines(spans []Span) {
	r.underlines = r.normalize(spans)
	if r.rend != nil {
		r.rend.rebuild(false)
	}
}

// Selection returns the selected runes; Start == End when nothing is selected.
func (r *Reader) Selection() Span { return r.sel }

// SetSelection selects s, widened to whole grapheme clusters. It does not
// call OnSelectionChanged.
func (r *Reader) SetSelection(s Span) {
	if s = r.clampSpan(s); s.Empty() {
		s = Span{}
	} else {
		s = snapSpan(r.runes, s)
	}
	r.anchor = hit{lo: s.Start, hi: s.Start}
	r.setSel(s, false)
}

// setSel changes the selection, redraws it and, when notify is set and it
// changed, tells OnSelectionChanged.
func (r *Reader) setSel(s Span, notify bool) {
	if s.Empty() {
		s = Span{}
	}
	if s == r.sel {
		return
	}
	r.sel = s
	if r.rend != nil {
		r.rend.rebuild(false)
	}
	if notify && r.OnSelectionChanged != nil {
		r.OnSelectionChanged(s)
	}
}

// SelectedText returns the selected text, exactly as in the text.
func (r *Reader) SelectedText() string {
	if r.sel.Empty() {
		return ""
	}
	return r.sub(r.sel.Start, r.sel.End)
}

// ScrollToOffset scrolls so that the line holding rune offset sits about a
// third of the way down the view.
func (r *Reader) ScrollToOffset(offset int) {
	r.lay.pending = clampInt(offset, 0, len(r.runes))
	if r.rend != nil {
		r.rend.applyPendingScroll()
	}
}

// ScrollBy scrolls the view by dy pixels (down when positive).
func (r *Reader) ScrollBy(dy float32) {
	if r.rend != nil {
		r.rend.scrollTo(r.rend.scroll.Offset.Y + dy)
	}
}

// OffsetAt returns the rune offset nearest to pos (relative to the reader's
// top-left corner, in the visible view): a grapheme cluster boundary.
func (r *Reader) OffsetAt(pos fyne.Position) int {
	if !r.ensureLayout() {
		return 0
	}
	return r.hitAt(pos).caret()
}

// highlightAt returns the ID of the shortest highlight holding rune i (the
// last given wins a tie, as it is drawn on top), or "".
func (r *Reader) highlightAt(i int) string {
	best := -1
	for _, k := range r.hlOrder {
		h := r.highlights[k]
		if i >= h.Start && i < h.End && (best < 0 || h.Len() <= r.highlights[best].Len()) {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return r.highlights[best].ID
}
