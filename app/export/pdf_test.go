package export_test

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// fonts are the faces the GUI and the CLI pass: Fyne's NotoSans.
func fonts() export.Options {
	return export.Options{Font: theme.DefaultTextFont().Content(), BoldFont: theme.DefaultTextBoldFont().Content()}
}

// TestFontHasTheGlyphs: NotoSans covers the letters of transliterated
// Arabic names and typographic quotes the reports print.
func TestFontHasTheGlyphs(t *testing.T) {
	f, err := sfnt.Parse(fonts().Font)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, r := range "āʾʿ‘’“”éḤī–…" {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			t.Errorf("the font has no glyph for %q (U+%04X)", r, r)
		}
	}
}

func writePDF(t *testing.T, d *export.Data, o export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.WritePDF(&buf, d, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", buf.Bytes())
	}
	return buf.Bytes()
}

// TestPDFText reads the PDF back with the project's own PDF importer (and
// pdftotext when installed): the names with diacritics and curly quotes
// are there as text.
func TestPDFText(t *testing.T) {
	pdf := writePDF(t, sampleData(t), fonts())
	want := []string{"Ḥaydar al-ʿAbādī", "“welcomed the launch on Thursday of an Iraqi offensive”", "Al Qa’im", "3–5 Nov 2017 (disputed)", "Conflict: date"}
	a, err := ingest.Parse("report.pdf", pdf, ingest.Options{})
	if err != nil {
		t.Fatalf("the importer cannot read the report: %v", err)
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF text lacks %q", w)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		p := filepath.Join(t.TempDir(), "r.pdf")
		if err := os.WriteFile(p, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("pdftotext does not find %q", w)
			}
		}
	}
}

func TestPDFWithoutFont(t *testing.T) {
	pdf := writePDF(t, sampleData(t), export.Options{})
	a, err := ingest.Parse("report.pdf", pdf, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Iraqi offensive on the Qaim district begins") {
		t.Error("a core font still prints Latin text")
	}
	if err := export.WritePDF(&bytes.Buffer{}, sampleData(t), export.Options{Font: []byte("not a font")}); err == nil {
		t.Error("a broken font must be an error, not a panic or a broken file")
	}
}

func TestPNG(t *testing.T) {
	for name, o := range map[string]export.Options{"with font": fonts(), "without font": {}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.WritePNG(&buf, sampleData(t), o); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			if b.Dx() != 2560 || b.Dy() < 400 {
				t.Errorf("size %v", b)
			}
			// The date conflict is drawn in red; events in indigo.
			var red, indigo, dark int
			for y := b.Min.Y; y < b.Max.Y; y += 1 {
				for x := b.Min.X; x < b.Max.X; x += 1 {
					c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
					switch {
					case c.R > 200 && c.G < 30 && c.B < 30:
						red++
					case c.R < 40 && c.G < 50 && c.B > 110 && c.B < 140:
						indigo++
					case c.R < 60 && c.G < 60 && c.B < 60:
						dark++
					}
				}
			}
			if red < 100 || indigo < 100 {
				t.Errorf("red %d, indigo %d pixels: conflicts and events should be drawn", red, indigo)
			}
			if (dark > 2000) != (len(o.Font) > 0) {
				t.Errorf("%d dark pixels: text should be drawn only with a font", dark)
			}
		})
	}
}
