package export

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// The timeline picture's geometry, in pixels (SVG user units).
const (
	picWidth    = 1280.0
	picLabelW   = 210.0 // lane titles
	picMargin   = 16.0
	picTitleH   = 44.0
	picAxisH    = 30.0
	picRowH     = 22.0
	picLanePad  = 6.0
	picMaxRows  = 8 // rows per lane before items may overlap
	picCharW    = 6.2
	picFontSize = 11.0
	picMaxUndat = 20 // undated events listed under the picture
)

// picItem is one marker: a dot or diamond for a day, a bar for a range.
type picItem struct {
	X0, X1    float64
	Y         float64
	Event     bool
	Range     bool
	Approx    bool
	Uncertain bool
	Conflict  bool
	Fill      color.RGBA
	Label     string
	LabelLeft bool // the label stands left of the marker
	Tooltip   string
	row       int
}

type picLane struct {
	Title string
	Y, H  float64
}

type picTick struct {
	X     float64
	Label string
}

// picture is the laid-out timeline.
type picture struct {
	W, H     float64
	Title    string
	Subtitle string
	PlotX0   float64
	PlotX1   float64
	AxisY    float64
	Lanes    []picLane
	Ticks    []picTick
	Breaks   []float64 // x of each cut-out stretch of time
	Items    []picItem
	LegendY  float64
	Undated  []string // lines under the legend
	Empty    bool
}

var (
	colEvent   = color.RGBA{0x1a, 0x23, 0x7e, 0xff}
	colConflit = color.RGBA{0xd5, 0x00, 0x00, 0xff}
	colGrid    = color.RGBA{0xcf, 0xd8, 0xdc, 0xff}
	colBand    = color.RGBA{0xf5, 0xf7, 0xfa, 0xff}
	colText    = color.RGBA{0x21, 0x21, 0x21, 0xff}
	colMuted   = color.RGBA{0x61, 0x61, 0x61, 0xff}
)

// gradeColour colours a claim by its origin's reliability.
func gradeColour(r app.Reliability) color.RGBA {
	switch r {
	case app.ReliabilityA:
		return color.RGBA{0x2e, 0x7d, 0x32, 0xff}
	case app.ReliabilityB:
		return color.RGBA{0x55, 0x8b, 0x2f, 0xff}
	case app.ReliabilityC:
		return color.RGBA{0xf9, 0xa8, 0x25, 0xff}
	case app.ReliabilityD:
		return color.RGBA{0xef, 0x6c, 0x00, 0xff}
	case app.ReliabilityE:
		return color.RGBA{0xc6, 0x28, 0x28, 0xff}
	}
	return color.RGBA{0x9e, 0x9e, 0x9e, 0xff}
}

// clipRunes shortens s to n runes on one line.
func clipRunes(s string, n int) string {
	if n < 1 {
		return ""
	}
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, i := 0, 0
	for cut = range s {
		if i == n-1 {
			break
		}
		i++
	}
	return s[:cut] + "…"
}

// layout lays the model out: a lane for events on top, then one lane per
// origin (the source a claim speaks for), items packed into rows so their
// labels do not overlap.
func (d *Data) layout() *picture {
	d.index()
	p := &picture{W: picWidth, Title: d.title(), PlotX0: picLabelW + picMargin, PlotX1: picWidth - picMargin}
	p.Subtitle = fmt.Sprintf("%s · %d event(s), %d dated claim(s) · exported %s", d.Scope, len(d.Model.Events), len(d.datedClaims()), d.Generated.UTC().Format("2 Jan 2006"))
	lanes, items := timeline.Items(d.Model, timeline.LanesBySource, func(id app.ID) string {
		if id == "" {
			return "Unknown source"
		}
		return d.sourceName(id)
	}, nil)
	// A claim linked to two events is one marker.
	seen := map[string]bool{}
	kept := items[:0:0]
	for _, it := range items {
		if seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		kept = append(kept, it)
	}
	items = kept
	for _, ev := range d.Model.Events {
		if ev.When.IsZero() {
			p.Undated = append(p.Undated, ev.Event.Title)
		}
	}
	p.AxisY = picTitleH + picAxisH
	if len(items) == 0 {
		p.Empty = true
		p.LegendY = p.AxisY + 30
		p.H = p.LegendY + 40 + float64(len(p.undatedLines()))*16 + 12
		return p
	}
	scale := newTimeScale(items, p.PlotX0, p.PlotX1)
	p.Ticks, p.Breaks = scale.ticks(), scale.breaks()

	byLane := map[string][]picItem{}
	for _, it := range items {
		pi := picItem{X0: scale.x(it.When.Start.Time()), X1: scale.x(it.When.End.AddDays(1).Time()), Event: it.ClaimID == "",
			Approx: it.When.Approximate, Uncertain: it.When.Uncertain, Conflict: it.Conflict, Tooltip: it.Tooltip}
		pi.Range = it.When.Start != it.When.End
		if !pi.Range {
			mid := (pi.X0 + pi.X1) / 2
			pi.X0, pi.X1 = mid, mid
		}
		if pi.Event {
			pi.Fill = colEvent
		} else {
			pi.Fill = gradeColour(it.Grade.Reliability)
		}
		label := it.Label
		if !pi.Event {
			label = gradeText(it.Grade) + " " + label
		}
		if pi.Uncertain {
			label = "? " + label
		}
		right := int((p.W - picMargin - pi.X1 - 12) / picCharW)
		left := int((pi.X0 - picMargin - 12) / picCharW)
		if pi.Conflict {
			right, left = right-2, left-2
		}
		n := utf8.RuneCountInString(label)
		// The label goes right of the marker, or left when only the left
		// has room for it.
		pi.LabelLeft = right < min(n, 30) && left > right
		if pi.LabelLeft {
			pi.Label = clipRunes(label, min(left, 48))
		} else {
			pi.Label = clipRunes(label, min(right, 48))
		}
		byLane[it.Lane] = append(byLane[it.Lane], pi)
	}
	y := p.AxisY + 8
	for _, l := range lanes {
		its := byLane[l.Key]
		if len(its) == 0 {
			continue
		}
		rows := pack(its)
		laneTop := y + picLanePad
		for i := range its {
			its[i].Y = laneTop + float64(its[i].row)*picRowH + picRowH/2
		}
		p.Items = append(p.Items, its...)
		h := float64(rows)*picRowH + 2*picLanePad
		p.Lanes = append(p.Lanes, picLane{Title: clipRunes(l.Title, 32), Y: y, H: h})
		y += h
	}
	p.LegendY = y + 24
	p.H = p.LegendY + 40 + float64(len(p.undatedLines()))*16 + 12
	return p
}

// extent is the horizontal room an item takes with its label.
func (it *picItem) extent() (float64, float64) {
	w := float64(utf8.RuneCountInString(it.Label)) * picCharW
	extra := 10.0
	if it.Conflict {
		extra += 14
	}
	if it.LabelLeft {
		return it.X0 - extra - w, it.X1 + 8
	}
	return it.X0 - 8, it.X1 + extra + w
}

// pack puts a lane's items into rows so that no two overlap (first fit,
// left to right), at most picMaxRows rows; past that, an item goes where
// it overlaps least. It returns the number of rows.
func pack(its []picItem) int {
	sort.SliceStable(its, func(i, j int) bool {
		a, _ := its[i].extent()
		b, _ := its[j].extent()
		return a < b
	})
	var rowEnd []float64
	for i := range its {
		from, to := its[i].extent()
		row := -1
		for r, end := range rowEnd {
			if end < from {
				row = r
				break
			}
		}
		if row < 0 && len(rowEnd) < picMaxRows {
			rowEnd = append(rowEnd, math.Inf(-1))
			row = len(rowEnd) - 1
		}
		if row < 0 {
			row = 0
			for r := range rowEnd {
				if rowEnd[r] < rowEnd[row] {
					row = r
				}
			}
		}
		rowEnd[row] = max(rowEnd[row], to)
		its[i].row = row
	}
	return len(rowEnd)
}

// undatedLines are the lines under the legend naming undated events.
func (p *picture) undatedLines() []string {
	if len(p.Undated) == 0 {
		return nil
	}
	out := []string{"Not drawn, no date known: " + app.Count(len(p.Undated), "event", "events")}
	for i, t := range p.Undated {
		if i == picMaxUndat {
			out = append(out, fmt.Sprintf("… and %d more", len(p.Undated)-picMaxUndat))
			break
		}
		out = append(out, "• "+clipRunes(t, 150))
	}
	return out
}
