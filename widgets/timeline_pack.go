package widgets

import (
	"math"
	"sort"
	"strconv"
)

// tlLane is a lane with its items sorted by start and, at the zoom they
// were last packed for, each item's drawn extent and row.
type tlLane struct {
	TimelineLane
	items      []TimelineItem
	start, end []float64 // Unix seconds of each item

	x0, x1   []float64 // drawn extent in seconds (an instant's marker is wider than its time)
	maxX1    []float64 // running maximum of x1, for the binary search of the visible window
	row      []int8    // packed row, -1 when the item is in a cluster
	next     []float64 // x0 of the next item in the same row (+Inf for the last)
	overflow []int     // items in clusters, in start order
	clusters []tlCluster
	rows     int             // rows in use (at least 1)
	title    string          // title truncated to the title column
	capW     []float32       // drawn width of each item's caption text (caption), -1 until measured
	cuts     map[int][]tlCut // the caption's cuts after each word (cutCaption), measured when first needed
}

// forgetCaptions marks every caption width unmeasured.
func (l *tlLane) forgetCaptions() {
	for i := range l.capW {
		l.capW[i] = -1
	}
	l.cuts = nil
}

// forgetWidths drops every measured text width, for a new theme or text size.
func (t *Timeline) forgetWidths() {
	t.widths, t.chipW = tlWidths{}, nil
	for li := range t.lanes {
		t.lanes[li].forgetCaptions()
	}
}

// tlCluster is a run of items that found no row, drawn as one "+N" chip.
type tlCluster struct {
	a, b     int     // members are overflow[a:b]
	x0, x1   float64 // extent of the chip and the members (cut at the next chip), seconds
	from, to float64 // the members' time span
}

// count is the number of items in the cluster.
func (c *tlCluster) count() int { return c.b - c.a }

// tlChipLabel is the text of a cluster chip. Packing asks for the chip
// width of every count a cluster passes through, so the common labels
// are made once.
func tlChipLabel(n int) string {
	if n >= 0 && n < len(tlChipLabels) {
		return tlChipLabels[n]
	}
	return "+" + strconv.Itoa(n)
}

// tlChipLabels are the labels of counts below 1,024.
var tlChipLabels = func() []string {
	l := make([]string, 1024)
	for i := range l {
		l[i] = "+" + strconv.Itoa(i)
	}
	return l
}()

// pack assigns every lane's items to rows at the current zoom.
func (t *Timeline) pack() {
	for i := range t.lanes {
		t.lanes[i].pack(t)
	}
}

// pack places the lane's items, in start order, each in the first row
// where it clears the row's last item by the gap; items that fit in none
// of the rows are grouped into clusters whose chips do not overlap.
func (l *tlLane) pack(t *Timeline) {
	m, spp := &t.met, t.view.spp
	n := len(l.items)
	l.x0, l.x1, l.maxX1, l.next = tlGrow(l.x0, n), tlGrow(l.x1, n), tlGrow(l.maxX1, n), tlGrow(l.next, n)
	if cap(l.row) < n {
		l.row = make([]int8, n)
	}
	l.row = l.row[:n]
	half, minW, gap := float64(m.diamond)/2*spp, float64(m.minBar)*spp, float64(m.gap)*spp
	rows := t.maxRows()
	var rowEnd [tlMaxRows]float64
	var rowLast [tlMaxRows]int
	for r := range rows {
		rowEnd[r], rowLast[r] = math.Inf(-1), -1
	}
	l.rows, l.overflow = 1, l.overflow[:0]
	run := math.Inf(-1)
	for i := range n {
		s, e := l.start[i], l.end[i]
		x0, x1 := s-half, s+half
		if e > s {
			x0, x1 = s, max(e, s+minW)
		}
		l.x0[i], l.x1[i], l.next[i], l.row[i] = x0, x1, math.Inf(1), -1
		run = max(run, x1)
		l.maxX1[i] = run
		for r := range rows {
			if rowEnd[r]+gap <= x0 {
				if k := rowLast[r]; k >= 0 {
					l.next[k] = x0
				}
				rowEnd[r], rowLast[r], l.row[i] = x1, i, int8(r)
				l.rows = max(l.rows, r+1)
				break
			}
		}
		if l.row[i] < 0 {
			l.overflow = append(l.overflow, i)
		}
	}
	l.clusters = l.clusters[:0]
	maxSpan := float64(tlClusterSpan*m.labelSize) * spp
	for k := 0; k < len(l.overflow); {
		i := l.overflow[k]
		c := tlCluster{a: k, x0: l.x0[i], x1: l.x1[i], from: l.start[i], to: l.end[i]}
		for k++; k < len(l.overflow); k++ {
			j := l.overflow[k]
			chipEnd := c.x0 + float64(t.chipWidth(k-c.a))*spp + gap
			if l.x0[j] >= chipEnd && (l.x0[j] >= c.x1+gap || max(c.x1, l.x1[j])-c.x0 > maxSpan) {
				break // clear of the chip, and apart or the cluster is wide enough
			}
			c.x1, c.from, c.to = max(c.x1, l.x1[j]), min(c.from, l.start[j]), max(c.to, l.end[j])
		}
		c.b = k
		c.x1 = max(c.x1, c.x0+float64(t.chipWidth(c.count()))*spp)
		if n := len(l.clusters); n > 0 {
			prev := &l.clusters[n-1]
			prev.x1 = max(min(prev.x1, c.x0-gap), prev.x0+float64(t.chipWidth(prev.count()))*spp)
		}
		l.clusters = append(l.clusters, c)
	}
}

// tlClusterSpan is the widest a cluster grows, in label text sizes, before
// the next overlapping item starts a cluster of its own.
const tlClusterSpan = 10

// chipWidth is the drawn width of the chip of a cluster of n items. Packing
// asks for it at every item a cluster grows by, so the common counts are
// kept by number (chipW), not looked up by text.
func (t *Timeline) chipWidth(n int) float32 {
	kept := n >= 0 && n < len(tlChipLabels)
	if kept && len(t.chipW) > 0 && t.chipW[n] > 0 {
		return t.chipW[n]
	}
	w := t.widths.width(tlChipLabel(n), t.met.labelSize, false) + 2*t.met.pad
	if kept {
		if len(t.chipW) == 0 {
			t.chipW = make([]float32, len(tlChipLabels))
		}
		t.chipW[n] = w
	}
	return w
}

// height is the lane's height: its rows and, when it has clusters, their strip.
func (l *tlLane) height(m *tlMetrics) float32 {
	h := 2*m.lanePad + float32(l.rows)*m.rowH - m.pad
	if len(l.clusters) > 0 {
		h += m.chipH + m.pad
	}
	return h
}

// window returns the range [lo, hi) of items that may touch the time span
// [v0, v1): those before lo end (x1) before v0, those from hi on start
// after v1.
func (l *tlLane) window(v0, v1, slack float64) (int, int) {
	lo := sort.SearchFloat64s(l.maxX1, math.Nextafter(v0, math.Inf(1)))
	hi := sort.Search(len(l.start), func(i int) bool { return l.start[i] >= v1+slack })
	return lo, max(lo, hi)
}

// clusterWindow returns the range of clusters that may touch [v0, v1).
func (l *tlLane) clusterWindow(v0, v1 float64) (int, int) {
	cs := l.clusters
	lo := sort.Search(len(cs), func(i int) bool { return cs[i].x1 > v0 })
	hi := sort.Search(len(cs), func(i int) bool { return cs[i].x0 >= v1 })
	return lo, max(lo, hi)
}

// memberIDs lists the IDs of a cluster's items.
func (l *tlLane) memberIDs(c *tlCluster) []string {
	ids := make([]string, 0, c.count())
	for _, i := range l.overflow[c.a:c.b] {
		ids = append(ids, l.items[i].ID)
	}
	return ids
}

// tlGrow returns s with length n, reusing its storage when it can.
func tlGrow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
