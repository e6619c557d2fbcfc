// Package hostile makes the hostile-input corpus: files an analyst may
// drop on the workbench by mistake or receive broken — binaries renamed
// .txt, bad encodings, control characters, scripts of every direction,
// pathological HTML, unreadable PDFs. Static lists the small files kept
// in testdata/hostile (go run ./tools/corpusgen writes them); the big ones
// are made when a test runs (OverLimit, OneLine, DeepHTML). Every file is
// deterministic, so the committed corpus can be checked for drift.
package hostile

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// File is one corpus file.
type File struct {
	Name string
	Data []byte
}

// Story is the plain article most corpus files carry in one form or
// another.
const Story = "Convoy reaches Rawa after the bridge reopens\n\n" +
	"RAWA, Iraq (LPA) Nov 14, 2017 - A convoy of forty lorries carrying flour reached Rawa on Tuesday, " +
	"the first since the bridge over the Euphrates reopened, aid officials said.\n\n" +
	"Residents queued for bread outside the town's two bakeries, a local council member said by telephone.\n"

// Static returns the corpus files small enough to keep in the repository.
func Static() ([]File, error) {
	pngData, err := pngImage()
	if err != nil {
		return nil, err
	}
	normal, err := textPDF()
	if err != nil {
		return nil, err
	}
	encrypted, err := encryptedPDF()
	if err != nil {
		return nil, err
	}
	imageOnly, err := imagePDF(pngData)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(8, 8))
	random := make([]byte, 2048)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), random[:1024]...)
	files := []File{
		{"binary-elf.txt", elf},
		{"binary-random.txt", random},
		{"png-renamed.txt", pngData},
		{"pdf-renamed.txt", normal},
		{"zip-renamed.txt", zipArchive()},
		{"empty.txt", nil},
		{"whitespace-only.txt", []byte(" \n\t\r\n \u00a0\n")},
		{"invalid-utf8.txt", []byte("Caf\xe9 talks in Ram\xe2di\n\nThe \x93ceasefire\x94 held overnight \x96 officials said the caf\xe9 reopened.\n")},
		{"utf16le-bom.txt", utf16Bytes(Story, false)},
		{"utf16be-bom.txt", utf16Bytes(Story, true)},
		{"utf8-bom.txt", append([]byte("\xef\xbb\xbf"), Story...)},
		{"nul-bytes.txt", []byte(strings.Replace(Story, "flour", "fl\x00our\x00", 1))},
		{"control-chars.txt", []byte(strings.Replace(Story, "bread", "br\x07e\x1bad\x0c", 1))},
		{"crlf.txt", []byte(strings.ReplaceAll(Story, "\n", "\r\n"))},
		{"lone-cr.txt", []byte(strings.ReplaceAll(Story, "\n", "\r"))},
		{"arabic-rtl.txt", []byte(arabicStory)},
		{"mixed-direction.txt", []byte(mixedStory)},
		{"combining-marks.txt", []byte(combiningStory)},
		{"zwj-emoji.txt", []byte(emojiStory)},
		{"rtf-renamed.txt", []byte(`{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Convoy reaches Rawa.\par}`)},
		{"html-scripts.html", []byte(scriptsHTML)},
		{"html-iframes.html", []byte(iframesHTML)},
		{"html-broken.html", []byte(brokenHTML)},
		{"html-no-text.html", []byte("<!doctype html><html><head><title></title><script>var a=1;</script></head><body><img src=x></body></html>")},
		{"pdf-encrypted.pdf", encrypted},
		{"pdf-image-only.pdf", imageOnly},
		{"pdf-truncated.pdf", normal[:len(normal)*2/3]},
		{"pdf-header-only.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")},
		{"not-pdf.pdf", []byte(Story)},
		{"sqlite-renamed.txt", append([]byte("SQLite format 3\x00"), random[:1008]...)},
	}
	return files, nil
}

// OverLimit is plain text one byte longer than limit.
func OverLimit(limit int64) []byte {
	line := []byte("Convoy reaches Rawa after the bridge reopens, officials said. ")
	out := make([]byte, 0, limit+1)
	for int64(len(out)) <= limit {
		out = append(out, line...)
	}
	return out[:limit+1]
}

// OneLine is an article whose body is one line of about n bytes, with no
// line break at all.
func OneLine(n int) []byte {
	var b bytes.Buffer
	b.WriteString("A report without line breaks ")
	words := strings.Fields("the convoy reached Rawa on Tuesday after the bridge over the Euphrates reopened officials said")
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		if i%17 == 16 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// DeepHTML is a page whose article sits inside levels nested elements.
func DeepHTML(levels int) []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><title>Deep page</title></head><body>")
	for i := range levels {
		fmt.Fprintf(&b, "<%s>", []string{"div", "section", "span", "b"}[i%4])
	}
	b.WriteString("<p>Convoy reaches Rawa after the bridge reopens, officials said.</p>")
	for i := levels - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "</%s>", []string{"div", "section", "span", "b"}[i%4])
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

func utf16Bytes(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2+2*len(units))
	if bigEndian {
		out = append(out, 0xFE, 0xFF)
	} else {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func pngImage() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 24, 24))
	for i := range 24 {
		img.Set(i, i, color.RGBA{200, 30, 30, 255})
		img.Set(23-i, i, color.RGBA{30, 30, 200, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return b.Bytes(), nil
}

// zipArchive is an empty ZIP archive (the end-of-directory record only).
func zipArchive() []byte {
	return []byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
}

// pdfAt makes an fpdf document with fixed dates, so its bytes repeat.
func pdfAt() *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	at := time.Date(2017, 11, 14, 9, 0, 0, 0, time.UTC)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetCatalogSort(true)
	f.SetCompression(false)
	return f
}

func output(f *fpdf.Fpdf) ([]byte, error) {
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return b.Bytes(), nil
}

func textPDF() ([]byte, error) {
	f := pdfAt()
	f.AddPage()
	f.SetFont("Helvetica", "B", 16)
	f.MultiCell(0, 8, "Convoy reaches Rawa after the bridge reopens", "", "L", false)
	f.SetFont("Times", "", 12)
	f.MultiCell(0, 6, "A convoy of forty lorries carrying flour reached Rawa on Tuesday, the first since the bridge over the Euphrates reopened, aid officials said.", "", "L", false)
	return output(f)
}

func encryptedPDF() ([]byte, error) {
	f := pdfAt()
	f.SetProtection(fpdf.CnProtectPrint, "reader-password", "owner-password")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Text(20, 20, "This text is locked away.")
	return output(f)
}

func imagePDF(pngData []byte) ([]byte, error) {
	f := pdfAt()
	f.AddPage()
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	f.RegisterImageOptionsReader("scan", opt, bytes.NewReader(pngData))
	f.ImageOptions("scan", 10, 10, 180, 180, false, opt, 0, "")
	return output(f)
}

// Stories in scripts that test rune offsets and display.
const (
	arabicStory = "قافلة تصل إلى راوة بعد إعادة فتح الجسر\n\n" +
		"راوة، العراق - وصلت قافلة من أربعين شاحنة محملة بالطحين إلى راوة يوم الثلاثاء، وهي الأولى منذ إعادة فتح الجسر فوق نهر الفرات، بحسب مسؤولين.\n\n" +
		"واصطف السكان أمام مخبزي البلدة للحصول على الخبز.\n"
	mixedStory = "Fighting near القائم and Husaybah (حصيبة)\n\n" +
		"Officials said \u202eforces entered\u202c the town; the ministry wrote \u2067القائم محررة\u2069 on Friday.\n" +
		"Left-to-right mark\u200e, right-to-left mark\u200f, and a zero-width space\u200b inside a word.\n"
	combiningStory = "Qa\u0304\u02bfim and Ḥusaybah: marks that combine\n\n" +
		"The town of Qa\u0304\u02bfim (Al-Qa\u0304\u02bci\u0304m) lies west of Rawa; cafe\u0301 owners in H\u0323usaybah reopened. " +
		"Zalgo: R\u0336\u0335a\u0337\u0334w\u0338a\u0335\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301.\n"
	emojiStory = "Families return 👨‍👩‍👧‍👦 to Al-Qaim 🇮🇶\n\n" +
		"Residents posted 🏳️‍🌈 and 👩🏽‍⚕️ pictures; a medic 🧑‍🚒 said the clinic 🏥 reopened on Friday. Keycap 1️⃣ and skin 👋🏿.\n"
)

const scriptsHTML = `<!doctype html>
<html><head><title>Convoy reaches Rawa</title>
<script>document.write("<p>INJECTED PARAGRAPH</p>"); alert("xss");</script>
<style>p { color: red } body::after { content: "STYLE TEXT" }</style>
</head>
<body onload="alert('xss')">
<article>
<h1>Convoy reaches Rawa after the bridge reopens</h1>
<p>A convoy of forty lorries carrying flour reached Rawa on Tuesday, the first since the bridge over the Euphrates reopened, aid officials said.</p>
<script type="text/javascript">var secret = "SCRIPT BODY TEXT";</script>
<p onclick="steal()">Residents queued for bread outside the town's two bakeries, <a href="javascript:alert(1)">a local council member</a> said by telephone.</p>
<noscript>NOSCRIPT TEXT</noscript>
<svg><script>alert("svg")</script></svg>
<img src=x onerror="alert('img')">
</article>
</body></html>
`

const iframesHTML = `<!doctype html>
<html><head><title>Convoy reaches Rawa</title></head>
<body>
<iframe src="https://ads.example/frame" srcdoc="<p>IFRAME TEXT</p>">IFRAME FALLBACK</iframe>
<article>
<h1>Convoy reaches Rawa after the bridge reopens</h1>
<p>A convoy of forty lorries carrying flour reached Rawa on Tuesday, the first since the bridge over the Euphrates reopened, aid officials said.</p>
<iframe width="560" height="315" src="https://video.example/embed/xyz"></iframe>
<object data="movie.swf"><embed src="movie.swf"></object>
<p>Residents queued for bread outside the town's two bakeries, a local council member said by telephone.</p>
</article>
<frameset><frame src="x.html"></frameset>
</body></html>
`

const brokenHTML = `<!doctype html>
<html><head><title>Convoy reaches <b>Rawa</title>
<body>
<div><p>A convoy of forty lorries carrying flour reached Rawa on Tuesday, <b><i>the first since</b></i> the bridge reopened, aid officials said.
<p <p class=">Residents queued for bread outside the town's two bakeries.</div></div></div></span>
<table><tr><td>cell<td>cell</table></p></p></p>
<!-- an unterminated comment <p>hidden
`
