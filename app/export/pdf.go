package export

import (
	"bytes"
	"fmt"
	"image/png"
	"io"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/evidence-workbench/workbench/app"
)

// pdfDoc writes the report with fpdf: A4, 15 mm margins.
type pdfDoc struct {
	f      *fpdf.Fpdf
	tr     func(string) string // text for the current font (identity for UTF-8 fonts)
	family string
	bold   string // style of headings: "B" when a bold face is loaded
}

// WritePDF writes the report (see WriteHTML) as an A4 PDF: the summary, the
// timeline picture, every event with its claims, quotes, sources and
// grades, and the sources and entities. o.Font must be a UTF-8 TrueType
// font for Arabic-origin names with diacritics (ā ʿ ʾ) and curly quotes to
// render; without one, a core PDF font is used and letters outside Windows
// Latin-1 show as "?". The ⚠ sign is written "Conflict:" (NotoSans has no
// glyph for it).
func WritePDF(w io.Writer, d *Data, o Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = app.Errorf(app.EInternal, "The PDF could not be made (%v). Try another format, and please report this", r)
		}
	}()
	r := d.report()
	doc := &pdfDoc{f: fpdf.New("P", "mm", "A4", ""), tr: func(s string) string { return s }, family: "Helvetica", bold: "B"}
	f := doc.f
	f.SetMargins(15, 15, 15)
	f.SetAutoPageBreak(true, 15)
	f.SetCatalogSort(true)
	f.SetCreationDate(d.Generated)
	f.SetModificationDate(d.Generated)
	f.SetCompression(true)
	f.SetTitle(r.Title, true)
	f.SetCreator("Evidence Workbench", true)
	f.SetSubject("Evidence Workbench report: "+r.Scope, true)
	if len(o.Font) > 0 {
		for _, ttf := range [][]byte{o.Font, o.BoldFont} {
			if _, err := sfnt.Parse(ttf); len(ttf) > 0 && err != nil {
				return app.WrapError(app.EInvalid, err, "The font given for the PDF is not a TrueType font")
			}
		}
		doc.family = "body"
		f.AddUTF8FontFromBytes("body", "", o.Font)
		bold := o.BoldFont
		if len(bold) == 0 {
			bold = o.Font
		}
		f.AddUTF8FontFromBytes("body", "B", bold)
		if f.Err() {
			return app.WrapError(app.EInvalid, f.Error(), "The font given for the PDF cannot be used")
		}
	} else {
		doc.tr = f.UnicodeTranslatorFromDescriptor("")
	}
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-11)
		doc.font("", 8)
		f.SetTextColor(120, 120, 120)
		f.CellFormat(0, 5, doc.tr(fmt.Sprintf("%s · page %d of {nb}", clipRunes(r.Title, 80), f.PageNo())), "", 0, "C", false, 0, "")
	})
	// The first page is landscape, so the timeline is drawn as wide as A4
	// allows; the events follow in portrait.
	f.AddPageFormat("L", fpdf.SizeType{Wd: 210, Ht: 297})
	doc.write(r, d, o)
	if f.Err() {
		return app.WrapError(app.EInternal, f.Error(), "The PDF could not be made")
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

func (p *pdfDoc) font(style string, size float64) {
	if style == "B" {
		style = p.bold
	}
	p.f.SetFont(p.family, style, size)
}

// para writes a wrapped paragraph.
func (p *pdfDoc) para(style string, size float64, rgb [3]int, text string) {
	p.font(style, size)
	p.f.SetTextColor(rgb[0], rgb[1], rgb[2])
	p.f.MultiCell(0, size*0.45, p.tr(text), "", "L", false)
}

var (
	pdfInk   = [3]int{33, 33, 33}
	pdfMuted = [3]int{97, 97, 97}
	pdfRed   = [3]int{198, 40, 40}
	pdfQuote = [3]int{55, 71, 79}
)

func (p *pdfDoc) heading(size float64, text string) {
	p.f.Ln(2)
	if _, h := p.f.GetPageSize(); p.f.GetY() > h-40 {
		p.f.AddPage()
	}
	p.para("B", size, pdfInk, text)
	p.f.Ln(1)
}

func (p *pdfDoc) write(r *report, d *Data, o Options) {
	f := p.f
	p.para("B", 20, pdfInk, r.Title)
	p.para("", 9, pdfMuted, fmt.Sprintf("Evidence Workbench report · %s · generated %s", r.Scope, r.Generated))
	f.Ln(3)
	c := r.Counts
	summary := fmt.Sprintf("%d events", c.Events)
	if c.Undated > 0 {
		summary += fmt.Sprintf(" (%d undated)", c.Undated)
	}
	summary += fmt.Sprintf(" · %d claims · %d conflicts · %d sources · %d articles · %d entities", c.Claims, c.Conflicts, c.Sources, c.Articles, c.Entities)
	p.para("B", 11, pdfInk, summary)
	p.para("", 8.5, pdfMuted, "Grades are Admiralty codes: source reliability A (completely reliable) to F (cannot be judged), claim credibility 1 (confirmed) to 6 (cannot be judged); ? is not graded. Corroboration counts independent origins: a relayed wire story counts once.")
	p.picture(d, o)
	f.AddPageFormat("P", fpdf.SizeType{Wd: 210, Ht: 297})
	p.heading(15, "Events")
	if len(r.Events) == 0 {
		p.para("", 10, pdfMuted, "No events in this export.")
	}
	for _, ev := range r.Events {
		p.heading(12.5, ev.Title)
		line := ev.When
		if ev.EDTF != "" {
			line += " (EDTF " + ev.EDTF + ")"
		}
		if ev.Place != "" {
			line += " · " + ev.Place
		}
		p.para("B", 10, pdfInk, line)
		p.para("", 9.5, pdfInk, fmt.Sprintf("Corroborated by %s · confidence %s: %s", app.Count(ev.Corroboration, "independent origin", "independent origins"), ev.Confidence, ev.Reason))
		for _, cf := range ev.Conflicts {
			p.para("B", 9.5, pdfRed, "Conflict: "+cf)
		}
		if ev.Description != "" {
			p.para("", 9.5, pdfInk, ev.Description)
		}
		p.claims("Supporting", ev.Supporting)
		p.claims("Contradicting", ev.Contradicting)
		if len(ev.Supporting)+len(ev.Contradicting) == 0 {
			p.para("", 9, pdfMuted, "No claim is linked to this event yet.")
		}
		f.Ln(2)
	}
	if len(r.Loose) > 0 {
		p.heading(15, "Claims on no event")
		p.claims("", r.Loose)
	}
	p.heading(15, "Sources")
	for _, s := range r.Sources {
		line := s.Name + " — " + s.Reliability
		if s.Kind != "" {
			line += " (" + s.Kind + ")"
		}
		p.para("B", 10, pdfInk, line)
		if s.Note != "" {
			p.para("", 9, pdfInk, "Why: "+s.Note)
		}
		for _, h := range s.History {
			p.para("", 8.5, pdfMuted, h)
		}
		f.Ln(1)
	}
	if len(r.Entities) > 0 {
		p.heading(15, "Entities")
		for _, e := range r.Entities {
			line := e.Name + " (" + e.Kind + ")"
			if e.Aliases != "" {
				line += ": also " + e.Aliases
			}
			p.para("", 9.5, pdfInk, line)
		}
	}
}

func (p *pdfDoc) claims(label string, cs []reportClaim) {
	if len(cs) == 0 {
		return
	}
	if label != "" {
		p.f.Ln(1)
		p.para("B", 9, pdfMuted, fmt.Sprintf("%s (%d)", label, len(cs)))
	}
	for _, c := range cs {
		head := "[" + c.Grade + "] " + c.Statement
		if c.Conflict {
			head += "  (in conflict)"
		}
		p.para("B", 9.5, pdfInk, head)
		p.f.SetLeftMargin(21)
		p.para("", 9.5, pdfQuote, "“"+oneLine(c.Quote)+"”")
		meta := c.When + " · " + c.Source + " · " + c.Article
		if c.URL != "" {
			meta += " · " + c.URL
		}
		if c.Quantity != "" {
			meta += " · " + c.Quantity
		}
		if c.Entities != "" {
			meta += " · " + c.Entities
		}
		p.para("", 8.5, pdfMuted, meta)
		if c.Notes != "" {
			p.para("", 8.5, pdfMuted, "Note: "+c.Notes)
		}
		p.f.SetLeftMargin(15)
		p.f.Ln(1.5)
	}
}

// picture embeds the timeline PNG, as wide as the text and at most most of
// a page high.
func (p *pdfDoc) picture(d *Data, o Options) {
	pic := d.layout()
	img, err := renderPNG(pic, o, 2)
	if err != nil {
		p.para("", 9, pdfMuted, "The timeline picture could not be drawn: "+app.ErrorMessage(err))
		return
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return
	}
	p.f.Ln(3)
	pw, ph := p.f.GetPageSize()
	w := pw - 30
	h := w * pic.H / pic.W
	if room := ph - 17 - p.f.GetY(); h > room {
		if room < 60 {
			p.f.AddPage()
			room = ph - 17 - p.f.GetY()
		}
		h = min(h, room)
		w = h * pic.W / pic.H
	}
	p.f.RegisterImageOptionsReader("timeline", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	p.f.ImageOptions("timeline", 15, p.f.GetY(), w, h, true, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	p.f.Ln(2)
}
