package ingest_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

const (
	pdfHeadline = "Grain convoy reaches Tal Afar"
	pdfPara1    = "A convoy of twenty lorries carrying wheat flour reached Tal Afar on Wednesday, the first delivery by road since the town was retaken in August, aid officials said."
	pdfPara2    = "The agency said it hoped to send a second convoy before the end of the month if the road stays open and the weather holds."
)

func pdfBytes(t testing.TB, f *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// normalPDF lays out a headline, a byline, a date and two paragraphs with
// the writer's own line wrapping.
func normalPDF(t testing.TB) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetTitle(pdfHeadline, true)
	f.SetCreationDate(time.Date(2019, 5, 6, 7, 8, 0, 0, time.UTC))
	f.AddPage()
	f.SetFont("Helvetica", "B", 18)
	f.MultiCell(0, 9, pdfHeadline, "", "L", false)
	f.SetFont("Helvetica", "", 11)
	f.MultiCell(0, 6, "By Nadia Karim\nNovember 8, 2017", "", "L", false)
	f.Ln(5)
	f.SetFont("Times", "", 12)
	f.MultiCell(0, 6, pdfPara1, "", "L", false)
	f.Ln(5)
	f.MultiCell(0, 6, pdfPara2, "", "L", false)
	return pdfBytes(t, f)
}

// wordsPDF draws every word by itself with no space characters at all, as
// typesetters do: the reader must put the spaces back from the gaps.
func wordsPDF(t testing.TB, paragraphs ...string) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Times", "", 12)
	cp1252 := f.UnicodeTranslatorFromDescriptor("") // core fonts take cp1252
	y := 20.0
	for _, p := range paragraphs {
		x := 20.0
		for _, w := range strings.Fields(p) {
			w = cp1252(w)
			ww := f.GetStringWidth(w)
			if x+ww > 190 {
				x, y = 20, y+6
			}
			f.Text(x, y, w)
			x += ww + f.GetStringWidth(" ")
		}
		y += 14
	}
	return pdfBytes(t, f)
}

func imagePDF(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for i := 0; i < 40; i++ {
		img.Set(i, i, color.Black)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	f.RegisterImageOptionsReader("scan", opt, &b)
	f.ImageOptions("scan", 10, 10, 180, 180, false, opt, 0, "")
	return pdfBytes(t, f)
}

func encryptedPDF(t testing.TB) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetProtection(fpdf.CnProtectPrint, "reader-password", "owner-password")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Text(20, 20, "This text is locked away.")
	return pdfBytes(t, f)
}

func TestPDFText(t *testing.T) {
	a, err := ingest.Parse("convoy.pdf", normalPDF(t), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Format != app.FormatPDF {
		t.Errorf("format = %q", a.Format)
	}
	for _, p := range []string{pdfPara1, pdfPara2} {
		if !strings.Contains(a.Text, p) {
			t.Errorf("text lacks the paragraph %q\n%s", p, a.Text)
		}
	}
	if !strings.Contains(a.Text, pdfPara1+"\n\n"+pdfPara2) {
		t.Errorf("paragraphs are not separated by a blank line:\n%s", a.Text)
	}
	if a.Title != pdfHeadline || a.Byline != "Nadia Karim" || a.Published.String() != "2017-11-08" {
		t.Errorf("title %q, byline %q, published %q", a.Title, a.Byline, a.Published)
	}
	if a.Known.Published.Basis != app.BasisText {
		t.Errorf("stated date basis = %q, want text (the PDF creation date is only a hint)", a.Known.Published.Basis)
	}
}

func TestPDFWordSpacing(t *testing.T) {
	cases := map[string][]string{
		"one paragraph":  {pdfPara1},
		"two paragraphs": {pdfPara1, pdfPara2},
		"punctuation":    {"Officials said: “the road is open” (for now), and 1,500 families — perhaps more — will return."},
	}
	for name, paras := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.Parse("words.pdf", wordsPDF(t, paras...), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			got := strings.Fields(a.Text)
			want := strings.Fields(strings.Join(paras, " "))
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("words:\n got %q\nwant %q", strings.Join(got, " "), strings.Join(want, " "))
			}
			if len(paras) > 1 && !strings.Contains(a.Text, "\n\n") {
				t.Errorf("no paragraph break:\n%s", a.Text)
			}
		})
	}
}

func TestPDFFileHints(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetTitle("Annual water report", true)
	f.SetCreationDate(time.Date(2018, 2, 3, 10, 30, 0, 0, time.UTC))
	f.AddPage()
	f.SetFont("Helvetica", "", 11)
	f.MultiCell(0, 6, "Rainfall in the upper basin was the lowest recorded in forty years. Reservoirs stood at a third of capacity at the end of the season.", "", "L", false)
	a, err := ingest.Parse("report.pdf", pdfBytes(t, f), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Title != "Annual water report" || a.Known.Title.Basis != app.BasisFile {
		t.Errorf("title = %q (%+v), want the PDF Title as a file hint", a.Title, a.Known.Title)
	}
	if a.Published.Date.String() != "2018-02-03" || a.Known.Published.Basis != app.BasisFile {
		t.Errorf("published = %q (%+v), want the creation date as a file hint", a.Published, a.Known.Published)
	}
}

func TestPDFRefused(t *testing.T) {
	full := normalPDF(t)
	cases := map[string]struct {
		data []byte
		code app.Code
		msg  string
	}{
		"encrypted":  {encryptedPDF(t), app.EUnsupported, "locked.pdf is a password-protected PDF"},
		"image only": {imagePDF(t), app.EUnsupported, "locked.pdf has no text layer (scanned image?)"},
		"truncated":  {full[:len(full)/2], app.EInvalid, "locked.pdf is a truncated or damaged PDF"},
		"cut end":    {full[:len(full)-40], app.EInvalid, "locked.pdf is a truncated or damaged PDF"},
		"header":     {[]byte("%PDF-1.4\n%%EOF\n"), app.EInvalid, "locked.pdf is a truncated or damaged PDF"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ingest.Parse("locked.pdf", c.data, ingest.Options{})
			if app.ErrorCode(err) != c.code || !strings.HasPrefix(app.ErrorMessage(err), c.msg) {
				t.Errorf("err = %v (%s), want %s %q", err, app.ErrorCode(err), c.code, c.msg)
			}
		})
	}
}

func TestPDFRenamed(t *testing.T) {
	a, err := ingest.Parse("convoy.txt", normalPDF(t), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != app.FormatPDF || !strings.Contains(a.Text, pdfPara1) {
		t.Errorf("a PDF renamed .txt read as %q: %.60q", a.Format, a.Text)
	}
}
