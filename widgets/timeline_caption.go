package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
)

// caption draws an item's label, led by a red triangle when it is in
// conflict and followed by "?" when uncertain: inside [in0, in1) in ink
// when it fits there, else from after up to limit in the foreground
// colour, else only the marks, else nothing.
func (r *timelineRenderer) caption(objs []fyne.CanvasObject, l *tlLane, i int, in0, in1, after, limit, y float32, ink color.Color) []fyne.CanvasObject {
	t, m, it := r.t, &r.t.met, &l.items[i]
	limit = min(limit, t.view.plotW) // a label is never cut by the edge
	var mark float32
	if it.Conflict {
		mark = m.tri + m.pad
	}
	room := max(in1-in0-2*m.pad, limit-after)
	query := captionQuery(it) != "" // a range's "?"; an instant's marker carries its own
	// The label (with " ?" when uncertain), else the marks alone: the "?" and the triangle.
	for k := range 2 {
		text := k == 0 || query
		if !text && mark == 0 {
			continue
		}
		if text && room < mark+m.labelSize/4 {
			continue // not even one letter fits: no need to measure (shaping is slow, and dense views have thousands)
		}
		need := mark
		switch {
		case k == 0:
			if l.capW[i] < 0 { // measured once: an overview asks for thousands a frame
				l.capW[i] = t.widths.width(captionText(it), m.labelSize, false)
			}
			need += l.capW[i]
		case query:
			need += t.widths.width("?", m.labelSize, false)
		}
		var cut string
		if k == 0 && in1-in0 < need+2*m.pad && after+need > limit {
			// It fits neither in the bar nor after it: cut after a word.
			var w float32
			if cut, w = r.cutCaption(l, i, room-mark); cut == "" {
				continue
			}
			need = mark + w
		}
		x, c := float32(0), color.Color(nil)
		switch {
		case in1-in0 >= need+2*m.pad:
			x, c = in0+m.pad, ink
		case after+need <= limit:
			x, c = after, r.pal.fg
		default:
			continue
		}
		if mark > 0 {
			objs = append(objs, r.poly(3, r.pal.conflict, nil, 0, x, y+(m.itemH-m.tri)/2, m.tri))
			bang := r.text("!", m.labelSize-3, true, color.White, 0, 0)
			bang.Move(fyne.NewPos(x+(m.tri-bang.Size().Width)/2, y+(m.itemH-bang.Size().Height)/2+1))
			objs = append(objs, bang)
		}
		if text {
			s := "?"
			switch {
			case cut != "":
				s = cut
			case k == 0:
				s = captionText(it)
			}
			objs = append(objs, r.text(s, m.labelSize, false, c, x+mark, y+(m.itemH-m.labelH)/2))
		}
		break
	}
	return objs
}

// tlCutMin is the least room, in label text sizes, for a caption cut
// short: in less, a word or two would say little and crowd a dense view.
const tlCutMin = 10

// tlCut is a caption cut after a word, with "…": the text and its drawn
// width, -1 until measured.
type tlCut struct {
	s string
	w float32
}

// cutCaption returns item i's caption cut after the last word that fits,
// with its "…", in room, and its width; "" when room is under tlCutMin
// label sizes or not even the first word fits. A caption's cuts are listed
// when first asked for and kept with the lane; each is measured when the
// search first looks at it, so a caption costs a few measures, not one per
// word.
func (r *timelineRenderer) cutCaption(l *tlLane, i int, room float32) (string, float32) {
	m := &r.t.met
	if room < tlCutMin*m.labelSize {
		return "", 0
	}
	cuts, ok := l.cuts[i]
	if !ok {
		it := &l.items[i]
		cuts = captionCuts(it.Label, "…"+captionQuery(it))
		if l.cuts == nil {
			l.cuts = map[int][]tlCut{}
		}
		l.cuts[i] = cuts
	}
	width := func(k int) float32 {
		if cuts[k].w < 0 { // not through the shared cache: these are many and seldom drawn
			cuts[k].w = fyne.MeasureText(cuts[k].s, m.labelSize, fyne.TextStyle{}).Width
		}
		return cuts[k].w
	}
	// The cuts grow in length, so in width: the last that fits is found by
	// bisection.
	lo, hi := 0, len(cuts) // cuts[:lo] fit; cuts[hi:] do not
	for lo < hi {
		if mid := (lo + hi) / 2; width(mid) <= room {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return "", 0
	}
	return cuts[lo-1].s, cuts[lo-1].w
}

// tlMaxCuts bounds the cuts listed for a long caption: its first words.
const tlMaxCuts = 16

// captionCuts lists s cut after each of its first words (punctuation that
// ends a word dropped), each followed by tail, unmeasured.
func captionCuts(s, tail string) []tlCut {
	var cuts []tlCut
	for k := 1; k < len(s) && len(cuts) < tlMaxCuts; k++ {
		if s[k] != ' ' || s[k-1] == ' ' {
			continue
		}
		if head := strings.TrimRight(s[:k], " ,;:-–—"); head != "" {
			cuts = append(cuts, tlCut{head + tail, -1})
		}
	}
	return cuts
}

// captionText is an item's label as its caption shows it, followed by
// captionQuery.
func captionText(it *TimelineItem) string {
	return it.Label + captionQuery(it)
}

// captionQuery is what follows an item's caption, whole or cut: " ?" for a
// range that is uncertain (an instant's marker carries its own).
func captionQuery(it *TimelineItem) string {
	if it.Uncertain && !it.instant() {
		return " ?"
	}
	return ""
}
