package widgets

import (
	"math"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TimelineLane is one horizontal band of a Timeline; lanes are drawn in
// the order given to SetLanes.
type TimelineLane struct {
	Key   string // matched against TimelineItem.Lane
	Title string // shown in the title column, truncated to fit
}

// TimelineItem is one event or period drawn on a Timeline.
type TimelineItem struct {
	ID        string
	Lane      string    // lane key; an unknown key gets a lane of its own after the given ones
	Start     time.Time // inclusive start
	End       time.Time // exclusive end; End == Start (or before it) for an instant
	Label     string    // drawn on the bar or beside the marker when it fits, else dropped
	Color     int       // palette index, as for PaletteColor
	Approx    bool      // approximate: drawn with faded ends
	Uncertain bool      // uncertain: dashed outline and a "?"
	Conflict  bool      // in conflict with another item: red outline and marker
	Tooltip   string    // shown on hover; when empty, the label and the dates
}

// instant reports whether the item is a point in time rather than a range.
func (it *TimelineItem) instant() bool { return !it.End.After(it.Start) }

// Timeline draws items in lanes along a horizontal time axis with ticks
// that adapt from centuries to hours. The wheel zooms around the pointer,
// a drag pans, the keyboard pans (Left/Right), zooms (+, =, -) and fits
// (Home, 0). Items that would overlap on screen are packed into rows, up to
// MaxRows per lane; the rest become "+N" clusters that zoom in when tapped.
// Only items in view get canvas objects. Times are drawn in UTC. Like
// every widget it must be used on the UI goroutine (fyne.Do from others).
type Timeline struct {
	widget.BaseWidget

	// OnTapped is called with the ID of the item tapped; the item is also
	// selected.
	OnTapped func(id string)
	// OnClusterTapped is called with the IDs in a "+N" cluster when it is
	// tapped, after the view zoomed to fit them (items on the very same
	// instant stay clustered at any zoom, so the app may list them).
	OnClusterTapped func(ids []string)
	// MaxRows caps the rows of one lane; 0 means 4.
	MaxRows int
	// TitleWidth is the width of the lane title column; 0 means about nine
	// times the theme's text size.
	TitleWidth float32

	raw      []TimelineItem // as given, for re-bucketing when lanes change
	given    []TimelineLane
	lanes    []tlLane
	index    map[string]tlRef
	selected string

	view   tlView
	met    tlMetrics
	widths tlWidths
	chipW  []float32 // chipWidth by count, 0 until measured; cleared with widths
	hover  tlHover
	focus  bool
	rend   *timelineRenderer
}

// tlRef locates an item: lane and index in the lane's sorted items.
type tlRef struct{ lane, i int }

// tlView is the visible window: v0 is the time at the plot's left edge and
// spp the seconds per pixel, both in Unix seconds.
type tlView struct {
	v0, spp float64
	plotW   float32 // width of the plot area at the last layout
	scrollY float32 // vertical scroll of the lanes
	autoFit bool    // refit on data or size changes until the user moves the view
}

// Limits of the view: times from year 1 to 9999, spans from two hours to
// 9,000 years.
const (
	tlMinTime  = -62135596800.0 // 0001-01-01T00:00:00Z
	tlMaxTime  = 253402300800.0 // 10000-01-01T00:00:00Z
	tlMinSpan  = 2 * 3600.0
	tlMaxSpan  = 9000 * 365.2425 * 86400
	tlDefaultW = 800 // assumed plot width before the first layout
)

var (
	_ fyne.Widget        = (*Timeline)(nil)
	_ fyne.Tappable      = (*Timeline)(nil)
	_ fyne.Draggable     = (*Timeline)(nil)
	_ fyne.Scrollable    = (*Timeline)(nil)
	_ fyne.Focusable     = (*Timeline)(nil)
	_ desktop.Hoverable  = (*Timeline)(nil)
	_ desktop.Cursorable = (*Timeline)(nil)
)

// NewTimeline returns an empty timeline showing the current year; it fits
// its items once it has some and a size.
func NewTimeline() *Timeline {
	t := &Timeline{index: map[string]tlRef{}, widths: tlWidths{}}
	t.ExtendBaseWidget(t)
	now := float64(time.Now().Unix())
	t.view = tlView{spp: 365 * 86400 / tlDefaultW, autoFit: true}
	t.view.v0 = now - 182*86400
	return t
}

// CreateRenderer builds the timeline's renderer. It is part of fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	t.rend = newTimelineRenderer(t)
	return t.rend
}

// SetLanes sets the lanes in drawing order. A repeated key is ignored.
func (t *Timeline) SetLanes(lanes []TimelineLane) {
	t.given = append(t.given[:0:0], lanes...)
	t.bucket()
}

// SetItems replaces the items. The view stays where it is unless it has
// only ever been fitted automatically, in which case it fits the new items.
func (t *Timeline) SetItems(items []TimelineItem) {
	t.raw = append(t.raw[:0:0], items...)
	t.bucket()
}

// ItemCount is the number of items set.
func (t *Timeline) ItemCount() int { return len(t.raw) }

// bucket sorts the items into their lanes, each sorted by start (longer
// first on a tie, then by ID), and indexes them by ID.
func (t *Timeline) bucket() {
	t.lanes = t.lanes[:0]
	byKey := make(map[string]int, len(t.given))
	for _, l := range t.given {
		if _, dup := byKey[l.Key]; !dup {
			byKey[l.Key] = len(t.lanes)
			t.lanes = append(t.lanes, tlLane{TimelineLane: l})
		}
	}
	for _, it := range t.raw {
		k, ok := byKey[it.Lane]
		if !ok {
			title := it.Lane
			if title == "" {
				title = "Other"
			}
			k = len(t.lanes)
			byKey[it.Lane] = k
			t.lanes = append(t.lanes, tlLane{TimelineLane: TimelineLane{Key: it.Lane, Title: title}})
		}
		if it.End.Before(it.Start) {
			it.End = it.Start
		}
		t.lanes[k].items = append(t.lanes[k].items, it)
	}
	clear(t.index)
	for li := range t.lanes {
		l := &t.lanes[li]
		sort.SliceStable(l.items, func(a, b int) bool {
			x, y := &l.items[a], &l.items[b]
			if !x.Start.Equal(y.Start) {
				return x.Start.Before(y.Start)
			}
			if !x.End.Equal(y.End) {
				return x.End.After(y.End)
			}
			return x.ID < y.ID
		})
		l.start = make([]float64, len(l.items))
		l.end = make([]float64, len(l.items))
		l.capW = make([]float32, len(l.items))
		l.forgetCaptions()
		for i := range l.items {
			l.start[i], l.end[i] = tlSeconds(l.items[i].Start), tlSeconds(l.items[i].End)
			t.index[l.items[i].ID] = tlRef{li, i}
		}
	}
	t.hover = tlHover{}
	if t.view.autoFit {
		t.fit()
	}
	t.changed(true)
}

// SetSelected outlines the item with this ID ("" selects nothing). It does
// not call OnTapped.
func (t *Timeline) SetSelected(id string) {
	if id == t.selected {
		return
	}
	t.selected = id
	t.changed(false)
}

// Selected returns the ID of the selected item, or "".
func (t *Timeline) Selected() string { return t.selected }

// ScrollTo pans (and scrolls the lanes) so that the item with this ID is in
// view, zooming out when it is longer than the view. An unknown ID is
// ignored.
func (t *Timeline) ScrollTo(id string) {
	ref, ok := t.index[id]
	if !ok {
		return
	}
	l := &t.lanes[ref.lane]
	s, e := l.start[ref.i], l.end[ref.i]
	w := float64(t.plotWidth())
	if span := (e - s) * 1.1; span > w*t.view.spp {
		t.view.spp = span / w
	}
	t.view.v0 = (s+e)/2 - w*t.view.spp/2
	t.view.autoFit = false
	t.clampView()
	if t.rend != nil {
		t.rend.revealLane(ref.lane)
	}
	t.changed(false)
}

// FitAll zooms and pans to show every item, with a small margin.
func (t *Timeline) FitAll() {
	t.view.autoFit = true
	t.fit()
	t.changed(false)
}

// fit sets the view to the items' extent.
func (t *Timeline) fit() {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range t.lanes {
		if len(l.items) == 0 {
			continue
		}
		lo = min(lo, l.start[0])
		for _, e := range l.end {
			hi = max(hi, e)
		}
	}
	if lo > hi {
		return
	}
	span := max(hi-lo, 2*86400)
	w := float64(t.plotWidth())
	t.view.spp = span / (w * 0.9)
	t.view.v0 = (lo+hi)/2 - w*t.view.spp/2
	t.view.scrollY = 0
	t.clampView()
}

// ZoomBy zooms in by factor (2 shows half the time span, 0.5 twice as
// much) keeping the time around at the same place on screen. A factor that
// is not a positive number is ignored; the span stays between two hours
// and 9,000 years.
func (t *Timeline) ZoomBy(factor float64, around time.Time) {
	t.zoomAround(factor, tlSeconds(around))
}

func (t *Timeline) zoomAround(factor, a float64) {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return
	}
	w := float64(t.plotWidth())
	spp := math.Min(math.Max(t.view.spp/factor, tlMinSpan/w), tlMaxSpan/w)
	t.view.v0 = a - (a-t.view.v0)*spp/t.view.spp
	t.view.spp = spp
	t.view.autoFit = false
	t.clampView()
	t.changed(false)
}

// PanBy moves the view later in time by d (earlier when negative).
func (t *Timeline) PanBy(d time.Duration) { t.panSeconds(d.Seconds()) }

// VisibleRange returns the time span shown across the plot area. (It is not
// called Visible: that name belongs to fyne.CanvasObject.)
func (t *Timeline) VisibleRange() (from, to time.Time) {
	v0 := t.view.v0
	return tlTime(v0), tlTime(v0 + t.view.spp*float64(t.plotWidth()))
}

// plotWidth is the plot area's width, or a default before the first layout.
func (t *Timeline) plotWidth() float32 {
	if t.view.plotW > 0 {
		return t.view.plotW
	}
	return tlDefaultW
}

// clampView keeps the zoom and the view inside the supported range.
func (t *Timeline) clampView() {
	w := float64(t.plotWidth())
	t.view.spp = math.Min(math.Max(t.view.spp, tlMinSpan/w), tlMaxSpan/w)
	t.view.v0 = math.Min(math.Max(t.view.v0, tlMinTime), tlMaxTime-w*t.view.spp)
}

// changed redraws after a change; data is set when items or lanes changed.
func (t *Timeline) changed(data bool) {
	if t.rend != nil {
		t.rend.update(data)
	}
}

// xOf is the plot x (0 at the plot's left edge) of Unix time s.
func (t *Timeline) xOf(s float64) float32 { return float32((s - t.view.v0) / t.view.spp) }

// timeAt is the Unix time at plot x.
func (t *Timeline) timeAt(x float32) float64 { return t.view.v0 + float64(x)*t.view.spp }

// tlSeconds converts a time to Unix seconds.
func tlSeconds(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// tlTime converts Unix seconds to a UTC time, rounded to the microsecond.
func tlTime(s float64) time.Time {
	sec := math.Floor(s)
	ns := math.Round((s-sec)*1e6) * 1e3
	return time.Unix(int64(sec), int64(ns)).UTC()
}
