package widgets

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// tlTipLines is the most lines a tooltip shows.
const tlTipLines = 8

// tlTip is the tooltip the timeline draws over itself near the pointer.
type tlTip struct {
	bg    *canvas.Rectangle
	lines [tlTipLines]*canvas.Text
}

func (tp *tlTip) init() {
	tp.bg = &canvas.Rectangle{StrokeWidth: 1, CornerRadius: 4}
	tp.bg.Hide()
	for i := range tp.lines {
		tp.lines[i] = &canvas.Text{}
		tp.lines[i].Hide()
	}
}

// place shows the tooltip of what is under the pointer now, or hides it.
func (tp *tlTip) place(r *timelineRenderer) {
	t, m := r.t, &r.t.met
	text := ""
	if t.hover.in && !t.hover.dragging {
		t.hover.hit = t.hitAt(t.hover.pos)
		text = t.tipText(t.hover.hit)
	}
	lines := strings.Split(text, "\n")
	if text == "" {
		lines = nil
	}
	if len(lines) > tlTipLines {
		lines = append(lines[:tlTipLines-1], "…")
	}
	maxW := min(28*m.labelSize, r.size.Width-4*m.pad)
	var w float32
	for i, s := range lines {
		lines[i] = t.widths.truncate(s, maxW, m.labelSize, i == 0)
		w = max(w, t.widths.width(lines[i], m.labelSize, i == 0))
	}
	w += 2 * m.pad
	h := float32(len(lines))*m.labelH + 2*m.pad
	x, y := t.hover.pos.X+12, t.hover.pos.Y+18
	if x+w > r.size.Width {
		x = t.hover.pos.X - w - 4
	}
	if y+h > r.size.Height {
		y = t.hover.pos.Y - h - 4
	}
	x, y = max(x, 0), max(y, 0)
	tp.bg.Move(fyne.NewPos(x, y))
	tp.bg.Resize(fyne.NewSize(w, h))
	tp.bg.Hidden = len(lines) == 0
	for i, o := range tp.lines {
		o.Hidden = i >= len(lines)
		if o.Hidden {
			continue
		}
		o.Text, o.TextSize, o.Color, o.TextStyle = lines[i], m.labelSize, r.pal.tipFg, fyne.TextStyle{Bold: i == 0}
		o.Move(fyne.NewPos(x+m.pad, y+m.pad+float32(i)*m.labelH))
		o.Resize(fyne.NewSize(w-2*m.pad, m.labelH))
	}
}

// tipText is the tooltip of a hit: an item's tooltip (or its label and
// dates), a cluster's items, or a truncated lane title in full.
func (t *Timeline) tipText(h tlHit) string {
	switch h.kind {
	case tlHitItem:
		it := &t.lanes[h.lane].items[h.i]
		if it.Tooltip != "" {
			return it.Tooltip
		}
		return it.Label + "\n" + tlDescribe(it)
	case tlHitCluster:
		l := &t.lanes[h.lane]
		c := &l.clusters[h.i]
		var b strings.Builder
		b.WriteString(strconv.Itoa(c.count()) + " more items (tap to zoom in)")
		for k, i := range l.overflow[c.a:c.b] {
			if k == tlTipLines-2 {
				b.WriteString("\n…")
				break
			}
			b.WriteString("\n" + tlSpanText(l.items[i].Start, l.items[i].End) + "  " + l.items[i].Label)
		}
		return b.String()
	case tlHitTitle:
		if l := &t.lanes[h.lane]; l.title != l.Title {
			return l.Title
		}
	}
	return ""
}

// tlDescribe is an item's dates and qualifiers in words.
func tlDescribe(it *TimelineItem) string {
	s := tlSpanText(it.Start, it.End)
	var q []string
	if it.Approx {
		q = append(q, "approximate")
	}
	if it.Uncertain {
		q = append(q, "uncertain")
	}
	if it.Conflict {
		q = append(q, "in conflict")
	}
	if len(q) > 0 {
		s += " (" + strings.Join(q, ", ") + ")"
	}
	return s
}

// tlSpanText writes a time span for people: whole days as dates with the
// inclusive last day, other times with hours and minutes.
func tlSpanText(s, e time.Time) string {
	s, e = s.UTC(), e.UTC()
	whole := func(x time.Time) bool { return x.Equal(x.Truncate(24 * time.Hour)) }
	f := func(x time.Time) string {
		if whole(x) {
			return x.Format("2 Jan 2006")
		}
		return x.Format("2 Jan 2006 15:04")
	}
	if !e.After(s) {
		return f(s)
	}
	if whole(s) && whole(e) {
		if last := e.AddDate(0, 0, -1); last.After(s) {
			return f(s) + " – " + f(last)
		}
		return f(s)
	}
	return f(s) + " – " + f(e)
}
