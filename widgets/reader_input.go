package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// spanBetween is the selection a gesture from anchor a to point c makes:
// every grapheme cluster the two points touch is included (so a drag that
// starts or ends inside an emoji takes all of it), except white space at
// either edge.
func (r *Reader) spanBetween(a, c hit) Span {
	first, second := a, c
	if c.lo < a.lo || (c.lo == a.lo && c.hi < a.hi) {
		first, second = c, a
	}
	start, end := first.lo, max(first.hi, second.hi)
	if first.inside && isBlank(r.runes[first.lo]) {
		start = first.hi
	}
	if second.inside && second.hi == end && isBlank(r.runes[second.lo]) {
		end = second.lo
	}
	if end <= start {
		return Span{}
	}
	return snapSpan(r.runes, Span{start, end})
}

// requestFocus makes the reader the canvas's focused widget.
func (r *Reader) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil && c.Focused() != r {
		c.Focus(r)
	}
}

// MouseDown takes the focus and sets the selection's anchor; with Shift it
// extends the selection from the existing anchor instead.
func (r *Reader) MouseDown(ev *desktop.MouseEvent) {
	r.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary || !r.ensureLayout() {
		return
	}
	r.stopAutoScroll()
	h := r.hitAt(ev.Position)
	r.drag = dragState{pressed: true, before: r.sel}
	if ev.Modifier&fyne.KeyModifierShift != 0 {
		r.drag.shift = true
		r.setSel(r.spanBetween(r.anchor, h), true)
		r.drag.before = r.sel
		return
	}
	r.anchor = h
}

// MouseUp ends a press.
func (r *Reader) MouseUp(*desktop.MouseEvent) { r.drag.pressed = false }

// Dragged extends the selection from the anchor to the pointer, scrolling
// when the pointer is past the top or bottom edge.
func (r *Reader) Dragged(ev *fyne.DragEvent) {
	if !r.ensureLayout() {
		return
	}
	if !r.drag.dragging {
		if !r.drag.pressed { // no MouseDown came first (touch, or a test's Drag)
			r.drag = dragState{before: r.sel}
			r.anchor = r.hitAt(ev.Position.Subtract(ev.Dragged))
		}
		r.drag.dragging = true
	}
	r.drag.pos = ev.Position
	r.setSel(r.spanBetween(r.anchor, r.hitAt(ev.Position)), false)
	r.autoScroll()
}

// DragEnd finishes a drag selection and reports it.
func (r *Reader) DragEnd() {
	before := r.drag.before
	dragged := r.drag.dragging
	r.stopAutoScroll()
	r.drag = dragState{}
	if dragged && r.sel != before && r.OnSelectionChanged != nil {
		r.OnSelectionChanged(r.sel)
	}
}

// autoScroll scrolls while a drag is past an edge, faster the further
// past; an animation keeps it going while the pointer rests there.
func (r *Reader) autoScroll() {
	height := r.Size().Height
	y := r.drag.pos.Y
	var over float32
	switch {
	case y < 0:
		over = y
	case y > height:
		over = y - height
	default:
		r.stopAutoScroll()
		return
	}
	lineH := r.lay.lineH
	now := time.Now()
	step := lineH
	if !r.drag.lastStep.IsZero() {
		dt := min(float32(now.Sub(r.drag.lastStep).Seconds()), 0.1)
		speed := min(lineH*(3+abs32(over)/4), lineH*60) // px per second
		step = speed * dt
	}
	r.drag.lastStep = now
	if over < 0 {
		step = -step
	}
	r.ScrollBy(step)
	r.setSel(r.spanBetween(r.anchor, r.hitAt(r.drag.pos)), false)
	if r.drag.anim == nil && r.drag.dragging {
		a := fyne.NewAnimation(time.Second, func(float32) {
			if r.drag.dragging {
				r.autoScroll()
			}
		})
		a.RepeatCount = fyne.AnimationRepeatForever
		r.drag.anim = a
		a.Start()
	}
}

// stopAutoScroll ends the auto-scroll animation, if any.
func (r *Reader) stopAutoScroll() {
	if r.drag.anim != nil {
		r.drag.anim.Stop()
		r.drag.anim = nil
	}
	r.drag.lastStep = time.Time{}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// Tapped takes the focus; a plain tap clears the selection, moves the
// anchor there and reports the highlight under the pointer, if any.
func (r *Reader) Tapped(ev *fyne.PointEvent) {
	r.requestFocus()
	if r.drag.shift { // a shift-click: MouseDown already extended the selection
		r.drag.shift = false
		return
	}
	if !r.ensureLayout() {
		return
	}
	h := r.hitAt(ev.Position)
	r.anchor = h
	r.setSel(Span{}, true)
	if h.inside && r.OnHighlightTapped != nil {
		if id := r.highlightAt(h.lo); id != "" {
			r.OnHighlightTapped(id)
		}
	}
}

// DoubleTapped selects the word under the pointer.
func (r *Reader) DoubleTapped(ev *fyne.PointEvent) {
	r.requestFocus()
	if !r.ensureLayout() || len(r.runes) == 0 {
		return
	}
	h := r.hitAt(ev.Position)
	at := h.lo
	if !h.inside {
		at = max(h.lo-1, 0) // past a line's end: the word before
	}
	w := wordAt(r.runes, at)
	r.anchor = hit{lo: w.Start, hi: w.End, inside: true}
	r.setSel(w, true)
}

// TappedSecondary takes the focus and hands the selection and the pointer
// position to OnContextMenu.
func (r *Reader) TappedSecondary(ev *fyne.PointEvent) {
	r.requestFocus()
	if r.OnContextMenu != nil {
		r.OnContextMenu(r.sel, ev.AbsolutePosition)
	}
}

// Cursor is the text cursor.
func (r *Reader) Cursor() desktop.Cursor { return desktop.TextCursor }

// FocusGained is part of fyne.Focusable; the reader looks the same focused.
func (r *Reader) FocusGained() {}

// FocusLost is part of fyne.Focusable; the selection stays.
func (r *Reader) FocusLost() {}

// TypedRune ignores typing: the text is read-only.
func (r *Reader) TypedRune(rune) {}

// TypedKey handles Escape (clear the selection), Enter (submit the
// selection) and the keys that scroll.
func (r *Reader) TypedKey(ev *fyne.KeyEvent) {
	lineH := r.lay.lineH
	page := max(r.Size().Height-lineH, lineH)
	switch ev.Name {
	case fyne.KeyEscape:
		r.setSel(Span{}, true)
	case fyne.KeyReturn, fyne.KeyEnter:
		if !r.sel.Empty() && r.OnSubmit != nil {
			r.OnSubmit(r.sel)
		}
	case fyne.KeyUp:
		r.ScrollBy(-lineH)
	case fyne.KeyDown:
		r.ScrollBy(lineH)
	case fyne.KeyPageUp:
		r.ScrollBy(-page)
	case fyne.KeyPageDown, fyne.KeySpace:
		r.ScrollBy(page)
	case fyne.KeyHome:
		r.ScrollBy(-r.contentHeight())
	case fyne.KeyEnd:
		r.ScrollBy(r.contentHeight())
	}
}

// TypedShortcut copies the selection (Ctrl+C) and selects all (Ctrl+A).
func (r *Reader) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if r.sel.Empty() {
			return
		}
		cb := sc.Clipboard
		if cb == nil {
			cb = fyne.CurrentApp().Clipboard()
		}
		cb.SetContent(r.SelectedText())
	case *fyne.ShortcutSelectAll:
		r.anchor = hit{}
		r.setSel(Span{0, len(r.runes)}, true)
	}
}
