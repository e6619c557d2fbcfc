package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// PaletteSize is the number of distinct highlight colours; Highlight.Color
// is taken modulo PaletteSize.
const PaletteSize = 8

// Highlight hues, solid, for a light and for a dark background. Fills are
// these at a lower alpha; bars and badges use them solid. The dark set is
// deeper so that light text stays legible on it (a translucent yellow would
// turn olive on a dark background).
var (
	hueLight = [PaletteSize]color.NRGBA{
		{0xff, 0xd6, 0x52, 0xff}, // yellow
		{0x84, 0xda, 0x90, 0xff}, // green
		{0x94, 0xc4, 0xff, 0xff}, // blue
		{0xff, 0xa3, 0xc6, 0xff}, // pink
		{0xff, 0xb6, 0x6a, 0xff}, // orange
		{0xcd, 0xae, 0xff, 0xff}, // purple
		{0x6c, 0xdc, 0xd0, 0xff}, // teal
		{0xc0, 0xc0, 0xc0, 0xff}, // grey
	}
	hueDark = [PaletteSize]color.NRGBA{
		{0x96, 0x6e, 0x00, 0xff}, // amber
		{0x2a, 0x7a, 0x37, 0xff}, // green
		{0x2f, 0x6a, 0xc0, 0xff}, // blue
		{0xaa, 0x36, 0x66, 0xff}, // rose
		{0xa0, 0x52, 0x10, 0xff}, // orange
		{0x73, 0x4a, 0xbc, 0xff}, // purple
		{0x15, 0x74, 0x6b, 0xff}, // teal
		{0x62, 0x62, 0x62, 0xff}, // grey
	}
)

// PaletteColor returns the solid colour of highlight palette index i for a
// dark or a light background, e.g. for a swatch next to a claim in a list.
func PaletteColor(i int, dark bool) color.NRGBA {
	i %= PaletteSize
	if i < 0 {
		i += PaletteSize
	}
	if dark {
		return hueDark[i]
	}
	return hueLight[i]
}

// palette holds every colour the reader draws with, for one theme variant.
type palette struct {
	dark                  bool
	bg, fg, dim, sel      color.Color
	fillA, fillSelA       uint8 // alpha of a highlight fill, normal and selected
	outline               color.Color
	find, findCur         color.NRGBA
	underline             color.NRGBA
	badgeText, badgeLight color.NRGBA
}

// newPalette reads the theme; the variant is judged from the background's
// luminance so that fixed-variant and custom themes are handled too.
func newPalette(th fyne.Theme) palette {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	p := palette{
		bg:  th.Color(theme.ColorNameBackground, v),
		fg:  th.Color(theme.ColorNameForeground, v),
		sel: th.Color(theme.ColorNameSelection, v),
	}
	p.dark = luminance(p.bg) < 0.4
	if p.dark {
		p.dim = blend(p.fg, p.bg, 0.45)
		p.fillA, p.fillSelA = 0xa0, 0xd8
		p.outline = color.NRGBA{0xff, 0xff, 0xff, 0xd0}
		p.find = color.NRGBA{0xb0, 0x5a, 0x00, 0x90}
		p.findCur = color.NRGBA{0x9a, 0x48, 0x00, 0xff}
		p.underline = color.NRGBA{0x6c, 0xb8, 0xff, 0xff}
	} else {
		p.dim = blend(p.fg, p.bg, 0.3)
		p.fillA, p.fillSelA = 0x80, 0xb0
		p.outline = color.NRGBA{0x20, 0x20, 0x20, 0xc0}
		p.find = color.NRGBA{0xff, 0x9b, 0x2f, 0x70}
		p.findCur = color.NRGBA{0xff, 0xb8, 0x60, 0xd0}
		p.underline = color.NRGBA{0x15, 0x65, 0xc0, 0xff}
	}
	p.badgeText = color.NRGBA{0x12, 0x12, 0x12, 0xff}
	p.badgeLight = color.NRGBA{0xfa, 0xfa, 0xfa, 0xff}
	return p
}

// fill is the background of a highlight of palette index i.
func (p palette) fill(i int, selected bool) color.NRGBA {
	c := PaletteColor(i, p.dark)
	c.A = p.fillA
	if selected {
		c.A = p.fillSelA
	}
	return c
}

// bar is the solid colour of index i, for bars and badges.
func (p palette) bar(i int) color.NRGBA { return PaletteColor(i, p.dark) }

// badgeInk is the badge text colour on the bar colour of index i: near
// black or near white, whichever contrasts more.
func (p palette) badgeInk(i int) color.Color {
	bar := p.bar(i)
	if contrast(bar, p.badgeText) >= contrast(bar, p.badgeLight) {
		return p.badgeText
	}
	return p.badgeLight
}

// contrast is the WCAG contrast ratio of two opaque colours (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// blend mixes a towards b by t (0 gives a, 1 gives b), opaque.
func blend(a, b color.Color, t float64) color.NRGBA {
	ca, cb := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{mix(ca.R, cb.R), mix(ca.G, cb.G), mix(ca.B, cb.B), 0xff}
}

// luminance is the WCAG relative luminance of c, 0 (black) to 1 (white).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
