package widgets_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/widgets"
)

// article is a short made-up report: a claim, a nested claim, a date
// expression, boilerplate and every kind of line break.
const article = "AL-QAIM, Iraq — Iraqi forces “recaptured” the town of Al-Qaim on Friday, " +
	"a spokesman said; café owners’ flags 🇲🇺 and families returned.\r\n\r\n" +
	"Share this article\rSubscribe to our newsletter\n" +
	"\tThe offensive began on Thursday, officials said, with coalition air support."

func TestReaderGolden(t *testing.T) {
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			r, w, a := newReader(t, article, 440, 320)
			useVariant(a, v)
			r.Refresh()
			claim := widgets.Span{Start: runeAt(t, article, "Iraqi"), End: runeAt(t, article, "; café")}
			nested := widgets.Span{Start: runeAt(t, article, "the town"), End: runeAt(t, article, " on Friday")}
			r.SetHighlights([]widgets.Highlight{
				{ID: "claim", Span: claim, Color: 0, Badge: "B2"},
				{ID: "nested", Span: nested, Color: 2, Badge: "C3", Selected: true},
				{ID: "later", Span: widgets.Span{Start: runeAt(t, article, "The offensive"), End: runeAt(t, article, ", officials")}, Color: 1},
			})
			r.SetDimmed([]widgets.Span{{Start: runeAt(t, article, "Share"), End: runeAt(t, article, "\tThe")}})
			r.SetUnderlines([]widgets.Span{
				{Start: runeAt(t, article, "Friday"), End: runeAt(t, article, "Friday") + 6},
				{Start: runeAt(t, article, "Thursday"), End: runeAt(t, article, "Thursday") + 8},
			})
			r.Find("said")
			r.SetSelection(widgets.Span{Start: runeAt(t, article, "coalition"), End: runeAt(t, article, " air")})
			test.AssertRendersToImage(t, "reader_"+name+".png", w.Canvas())
		})
	}
}
