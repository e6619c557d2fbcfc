package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Badge tones, from best to worst; ToneNone is neutral grey and ToneUnjudged
// marks "cannot be judged" (Admiralty F or 6), which is not "bad".
const (
	ToneNone = iota
	ToneBest
	ToneGood
	ToneFair
	TonePoor
	ToneBad
	ToneUnjudged
)

var (
	toneLight = [...]color.NRGBA{
		{0xd6, 0xd6, 0xd6, 0xff}, {0x2e, 0x9e, 0x4f, 0xff}, {0x74, 0xb8, 0x3c, 0xff}, {0xe0, 0xb0, 0x20, 0xff},
		{0xe6, 0x7e, 0x22, 0xff}, {0xd6, 0x3b, 0x3b, 0xff}, {0x8e, 0x7c, 0xc3, 0xff},
	}
	toneDark = [...]color.NRGBA{
		{0x4a, 0x4a, 0x4a, 0xff}, {0x23, 0x7a, 0x3d, 0xff}, {0x53, 0x86, 0x2a, 0xff}, {0x8f, 0x6d, 0x0c, 0xff},
		{0x9c, 0x52, 0x12, 0xff}, {0x9e, 0x2a, 0x2a, 0xff}, {0x5e, 0x4f, 0x8c, 0xff},
	}
)

// ToneColor is the fill of a badge tone for a light or dark background.
func ToneColor(tone int, dark bool) color.NRGBA {
	if tone < 0 || tone >= len(toneLight) {
		tone = ToneNone
	}
	if dark {
		return toneDark[tone]
	}
	return toneLight[tone]
}

// GradeBadge is a small rounded label such as "B2", coloured by tone, to
// show a grade at a glance.
type GradeBadge struct {
	widget.BaseWidget
	Text string
	Tone int
}

// NewGradeBadge returns a badge showing text in the colour of tone.
func NewGradeBadge(text string, tone int) *GradeBadge {
	b := &GradeBadge{Text: text, Tone: tone}
	b.ExtendBaseWidget(b)
	return b
}

// Set changes the text and tone.
func (b *GradeBadge) Set(text string, tone int) {
	b.Text, b.Tone = text, tone
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *GradeBadge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black)}
	r.text.TextStyle = fyne.TextStyle{Bold: true}
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b    *GradeBadge
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) Destroy() {}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *badgeRenderer) MinSize() fyne.Size {
	s := fyne.MeasureText("B2", r.text.TextSize, r.text.TextStyle)
	if t := fyne.MeasureText(r.b.Text, r.text.TextSize, r.text.TextStyle); t.Width > s.Width {
		s.Width = t.Width
	}
	return fyne.NewSize(s.Width+theme.Padding()*2, s.Height+theme.Padding()/2)
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.text.Resize(size)
	r.text.Move(fyne.NewPos(0, 0))
}

func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bgc := th.Color(theme.ColorNameBackground, v)
	dark := luminance(bgc) < 0.5
	fill := ToneColor(r.b.Tone, dark)
	r.bg.FillColor = fill
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.text.Text = r.b.Text
	r.text.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	if dark || r.b.Tone == ToneNone || r.b.Tone == ToneFair {
		r.text.Color = color.NRGBA{0xff, 0xff, 0xff, 0xff}
		if !dark {
			r.text.Color = color.NRGBA{0x20, 0x20, 0x20, 0xff}
		}
	} else {
		r.text.Color = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	}
	if r.b.Text == "" {
		r.bg.FillColor = color.Transparent
	}
	r.bg.Refresh()
	r.text.Refresh()
}
