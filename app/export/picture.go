package export

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// xmlText makes s safe as XML character data or an attribute value:
// markup characters become entities and characters XML 1.0 forbids
// (control characters, U+FFFE, U+FFFF, broken UTF-8) are dropped.
func xmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hexColour(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// WriteSVG draws the timeline as a standalone SVG: a lane for events on
// top, a lane per origin below, days as dots (events as diamonds), ranges
// as bars, approximate dates faded with a dashed edge, uncertain ones
// marked "?", conflicts outlined in red with a red triangle; hovering a
// marker shows its details. Undated events are listed under the picture.
// Every piece of case text is escaped.
func WriteSVG(w io.Writer, d *Data) error {
	bw := bufio.NewWriter(w)
	writeSVG(bw, d.layout())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	return nil
}

// svgString is the picture as SVG markup, for the HTML report.
func svgString(p *picture) string {
	var b strings.Builder
	bw := bufio.NewWriter(&b)
	writeSVG(bw, p)
	_ = bw.Flush()
	return b.String()
}

func writeSVG(w *bufio.Writer, p *picture) {
	f := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	f(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif" font-size="%.0f" role="img" aria-label="%s">`+"\n",
		p.W, p.H, p.W, p.H, picFontSize, xmlText("Timeline: "+p.Title))
	f("<title>%s</title>\n", xmlText("Timeline: "+p.Title))
	f(`<rect width="%.0f" height="%.0f" fill="#ffffff"/>`+"\n", p.W, p.H)
	f(`<text x="%.0f" y="22" font-size="16" font-weight="bold" fill="%s">%s</text>`+"\n", picMargin, hexColour(colText), xmlText(clipRunes(p.Title, 150)))
	f(`<text x="%.0f" y="38" fill="%s">%s</text>`+"\n", picMargin, hexColour(colMuted), xmlText(p.Subtitle))
	bottom := p.AxisY + 8
	for i, l := range p.Lanes {
		if i%2 == 0 {
			f(`<rect x="0" y="%.1f" width="%.0f" height="%.1f" fill="%s"/>`+"\n", l.Y, p.W, l.H, hexColour(colBand))
		}
		f(`<text x="%.0f" y="%.1f" font-weight="bold" fill="%s">%s</text>`+"\n", picMargin, l.Y+picLanePad+picRowH/2+4, hexColour(colText), xmlText(l.Title))
		bottom = l.Y + l.H
	}
	if p.Empty {
		f(`<text x="%.0f" y="%.0f" fill="%s">Nothing on the timeline yet: no event or claim has a date.</text>`+"\n", picMargin, p.AxisY+10, hexColour(colMuted))
	} else {
		f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#90a4ae"/>`+"\n", p.PlotX0, p.AxisY, p.PlotX1, p.AxisY)
		for _, t := range p.Ticks {
			f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="2 3"/>`+"\n", t.X, p.AxisY, t.X, bottom, hexColour(colGrid))
			f(`<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s">%s</text>`+"\n", t.X, p.AxisY-8, hexColour(colMuted), xmlText(t.Label))
		}
		for _, x := range p.Breaks {
			f(`<g class="break"><title>time cut out here: nothing happened in between</title><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#ffffff" fill-opacity="0.8"/>`, x-picGap/2+5, p.AxisY-6, picGap-10, bottom-p.AxisY+6)
			f(`<path d="M%.1f %.1f l6 -12 M%.1f %.1f l6 -12" stroke="#546e7a" stroke-width="1.5" fill="none"/></g>`+"\n", x-6, p.AxisY+6, x, p.AxisY+6)
		}
	}
	for _, it := range p.Items {
		svgItem(f, it)
	}
	svgLegend(f, p)
	y := p.LegendY + 40
	for i, line := range p.undatedLines() {
		weight := ""
		if i == 0 {
			weight = ` font-weight="bold"`
		}
		f(`<text x="%.0f" y="%.1f"%s fill="%s">%s</text>`+"\n", picMargin, y, weight, hexColour(colText), xmlText(line))
		y += 16
	}
	f("</svg>\n")
}

func svgItem(f func(string, ...any), it picItem) {
	class := "claim"
	if it.Event {
		class = "event"
	}
	if it.Conflict {
		class += " conflict"
	}
	if it.Approx {
		class += " approximate"
	}
	if it.Uncertain {
		class += " uncertain"
	}
	f(`<g class="%s"><title>%s</title>`, class, xmlText(it.Tooltip))
	fill := hexColour(it.Fill)
	opacity, dash, stroke, sw := "0.9", "", fill, "1"
	if it.Approx {
		opacity, dash = "0.35", ` stroke-dasharray="3 2"`
	}
	if it.Conflict {
		stroke, sw = hexColour(colConflit), "2"
	}
	switch {
	case it.Range:
		f(`<rect x="%.1f" y="%.1f" width="%.1f" height="10" rx="3" fill="%s" fill-opacity="%s" stroke="%s" stroke-width="%s"%s/>`,
			it.X0, it.Y-5, max(it.X1-it.X0, 2), fill, opacity, stroke, sw, dash)
	case it.Event:
		f(`<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s" fill-opacity="%s" stroke="%s" stroke-width="%s"%s/>`,
			it.X0, it.Y-7, it.X0+7, it.Y, it.X0, it.Y+7, it.X0-7, it.Y, fill, opacity, stroke, sw, dash)
	default:
		f(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s" fill-opacity="%s" stroke="%s" stroke-width="%s"%s/>`, it.X0, it.Y, fill, opacity, stroke, sw, dash)
	}
	x, anchor := it.X1+9, ""
	if it.LabelLeft {
		x, anchor = it.X0-9, ` text-anchor="end"`
	}
	if it.Conflict {
		tx := x
		if it.LabelLeft {
			tx = x - 10
		}
		f(`<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`, tx, it.Y+5, tx+5, it.Y-5, tx+10, it.Y+5, hexColour(colConflit))
		if it.LabelLeft {
			x -= 14
		} else {
			x += 14
		}
	}
	textOpacity := ""
	if it.Approx {
		textOpacity = ` fill-opacity="0.7"`
	}
	f(`<text x="%.1f" y="%.1f"%s fill="%s"%s>%s</text></g>`+"\n", x, it.Y+4, anchor, hexColour(colText), textOpacity, xmlText(it.Label))
}

func svgLegend(f func(string, ...any), p *picture) {
	y := p.LegendY
	x := picMargin
	f(`<g class="legend" fill="%s">`, hexColour(colText))
	f(`<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`, x+6, y-6, x+12, y, x+6, y+6, x, y, hexColour(colEvent))
	f(`<text x="%.1f" y="%.1f">event</text>`, x+18, y+4)
	x += 70
	for _, g := range []struct{ r, label string }{{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}, {"E", "E"}, {"", "F/?"}} {
		c := gradeColour(app.Reliability(g.r))
		f(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s"/><text x="%.1f" y="%.1f">%s</text>`, x+5, y, hexColour(c), x+13, y+4, g.label)
		x += 38
	}
	f(`<text x="%.1f" y="%.1f">claims by source reliability</text>`, x, y+4)
	x += 180
	f(`<rect x="%.1f" y="%.1f" width="30" height="10" rx="3" fill="%s"/><text x="%.1f" y="%.1f">date range</text>`, x, y-5, hexColour(colMuted), x+36, y+4)
	x += 110
	f(`<rect x="%.1f" y="%.1f" width="30" height="10" rx="3" fill="%s" fill-opacity="0.35" stroke="%s" stroke-dasharray="3 2"/><text x="%.1f" y="%.1f">approximate (c.)</text>`, x, y-5, hexColour(colMuted), hexColour(colMuted), x+36, y+4)
	x += 140
	f(`<text x="%.1f" y="%.1f">? uncertain</text>`, x, y+4)
	x += 90
	f(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s" stroke="%s" stroke-width="2"/><polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/><text x="%.1f" y="%.1f">sources disagree (conflict)</text>`,
		x+5, y, hexColour(colMuted), hexColour(colConflit), x+14, y+5, x+19, y-5, x+24, y+5, hexColour(colConflit), x+30, y+4)
	f("</g>\n")
}
