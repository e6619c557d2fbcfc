package ingest_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

const article = "Water returns to Basra taps\n\nThe city's water board said supply had been restored to most districts of Basra on Monday after repairs to the main pumping station were finished.\n"

func utf16Bytes(s string, big bool) []byte {
	var b bytes.Buffer
	order := binary.ByteOrder(binary.LittleEndian)
	bom := []byte{0xFF, 0xFE}
	if big {
		order, bom = binary.BigEndian, []byte{0xFE, 0xFF}
	}
	b.Write(bom)
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&b, order, u)
	}
	return b.Bytes()
}

func TestDecoding(t *testing.T) {
	cases := map[string]struct {
		data    []byte
		text    string
		warning bool
	}{
		"utf-8":            {[]byte(article), article, false},
		"utf-8 bom":        {append([]byte{0xEF, 0xBB, 0xBF}, article...), article, false},
		"utf-16le bom":     {utf16Bytes("Qa’im café\n\n"+article, false), "Qa’im café\n\n" + article, false},
		"utf-16be bom":     {utf16Bytes("Qa’im café\n\n"+article, true), "Qa’im café\n\n" + article, false},
		"windows-1252":     {[]byte("Caf\xe9 reopens \x93soon\x94\n\n" + article), "Café reopens “soon”\n\n" + article, true},
		"latin-1 accented": {[]byte("Fran\xe7ois Hollande visits Erbil\n\n" + article), "François Hollande visits Erbil\n\n" + article, true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.Parse("story.txt", c.data, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Text != c.text {
				t.Errorf("text = %q, want %q", a.Text, c.text)
			}
			warned := strings.Contains(strings.Join(a.Warnings, "\n"), "not valid UTF-8; read as Windows-1252 — check accented letters")
			if warned != c.warning {
				t.Errorf("warnings = %q, want the Windows-1252 warning: %v", a.Warnings, c.warning)
			}
		})
	}
}

func TestRefusedInput(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	zipDocx := append([]byte("PK\x03\x04\x14\x00\x06\x00"), "[Content_Types].xml word/document.xml"...)
	controls := bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03, 0x04, 'b'}, 100)
	cases := map[string]struct {
		name string
		data []byte
		code app.Code
		msg  string
	}{
		"empty":           {"empty.txt", nil, app.EInvalid, "empty.txt is empty"},
		"whitespace":      {"blank.txt", []byte(" \n\t\r\n  \n"), app.EInvalid, "blank.txt is empty"},
		"bom only":        {"bom.md", []byte{0xEF, 0xBB, 0xBF, '\n'}, app.EInvalid, "bom.md is empty"},
		"png":             {"photo.txt", png, app.EUnsupported, "photo.txt looks like a PNG image, not an article"},
		"jpeg":            {"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), app.EUnsupported, "photo.jpg looks like a JPEG image, not an article"},
		"gif":             {"anim.html", []byte("GIF89a\x01\x00\x01\x00"), app.EUnsupported, "anim.html looks like a GIF image, not an article"},
		"zip":             {"bundle.md", []byte("PK\x03\x04\x14\x00\x00\x00"), app.EUnsupported, "bundle.md looks like a ZIP archive, not an article"},
		"docx":            {"report.docx", zipDocx, app.EUnsupported, "report.docx looks like a Word document (.docx), not an article"},
		"elf":             {"tool", []byte("\x7fELF\x02\x01\x01\x00"), app.EUnsupported, "tool looks like a program (ELF executable), not an article"},
		"nul bytes":       {"data.txt", []byte("some\x00binary\x00data"), app.EUnsupported, "data.txt looks like a binary file, not an article"},
		"control chars":   {"data.txt", controls, app.EUnsupported, "data.txt looks like a binary file, not an article"},
		"utf-16 no bom":   {"u16.txt", utf16Bytes(article, false)[2:], app.EUnsupported, "u16.txt looks like a binary file, not an article"},
		"rtf":             {"letter.rtf", []byte(`{\rtf1\ansi Hello}`), app.EUnsupported, "letter.rtf is an RTF document; save it as plain text or PDF and import that"},
		"fake pdf":        {"paper.pdf", []byte("just some text pretending"), app.EInvalid, "paper.pdf is named .pdf but is not a PDF file"},
		"html no text":    {"blank.html", []byte("<html><head><title></title></head><body><script>x()</script></body></html>"), app.EInvalid, "blank.html has no readable text"},
		"over the limit":  {"big.txt", bytes.Repeat([]byte("a "), 300), app.ETooLarge, "big.txt is 600 bytes; the limit is 500 bytes"},
		"over 1 KB limit": {"big.txt", bytes.Repeat([]byte("a "), 768), app.ETooLarge, "big.txt is 1.5 KB; the limit is 500 bytes"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			opts := ingest.Options{}
			if strings.HasPrefix(name, "over") {
				opts.MaxBytes = 500
			}
			a, err := ingest.Parse(c.name, c.data, opts)
			if err == nil {
				t.Fatalf("parsed (%q), want an error", a.Title)
			}
			if got := app.ErrorCode(err); got != c.code {
				t.Errorf("code = %q, want %q (%v)", got, c.code, err)
			}
			if msg := app.ErrorMessage(err); !strings.HasPrefix(msg, c.msg) {
				t.Errorf("message = %q, want it to start with %q", msg, c.msg)
			}
		})
	}
}

func TestParseFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// 20.3 MiB without writing it: a sparse file
	if err := f.Truncate(203 * (1 << 20) / 10); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ingest.ParseFile(big, ingest.Options{})
	if app.ErrorCode(err) != app.ETooLarge || app.ErrorMessage(err) != "huge.txt is 20.3 MB; the limit is 16 MB" {
		t.Errorf("err = %v", err)
	}
	if ingest.DefaultMaxBytes != 16<<20 {
		t.Errorf("DefaultMaxBytes = %d", ingest.DefaultMaxBytes)
	}
	_, err = ingest.ParseFile(filepath.Join(dir, "missing.txt"), ingest.Options{})
	if app.ErrorCode(err) != app.ENotFound || !strings.Contains(app.ErrorMessage(err), "missing.txt does not exist") {
		t.Errorf("missing file: %v", err)
	}
	_, err = ingest.ParseFile(dir, ingest.Options{})
	if app.ErrorCode(err) != app.EInvalid || !strings.Contains(app.ErrorMessage(err), "is a folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestFormatSniffing(t *testing.T) {
	htmlPage := "<!DOCTYPE html><html><head><title>Market day</title></head><body><p>" +
		strings.Repeat("Traders returned to the old market of Mosul on Friday for the first time since the fighting ended. ", 8) + "</p></body></html>"
	cases := map[string]struct {
		name   string
		data   string
		format app.Format
	}{
		"text":             {"a.txt", article, app.FormatText},
		"markdown":         {"a.md", "# Title\n\n" + article, app.FormatMarkdown},
		"markdown long":    {"a.markdown", "# Title\n\n" + article, app.FormatMarkdown},
		"html":             {"a.html", htmlPage, app.FormatHTML},
		"htm":              {"a.htm", htmlPage, app.FormatHTML},
		"html saved .txt":  {"a.txt", htmlPage, app.FormatHTML},
		"html without tag": {"a.html", article, app.FormatText},
		"unknown ext":      {"notes.log", article, app.FormatText},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.Parse(c.name, []byte(c.data), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Format != c.format {
				t.Errorf("format = %q, want %q", a.Format, c.format)
			}
			if a.Filename != c.name {
				t.Errorf("filename = %q", a.Filename)
			}
			if !a.ID.Valid() {
				t.Errorf("id %q is not a UUID", a.ID)
			}
		})
	}
}

func TestParsePaste(t *testing.T) {
	a, err := ingest.ParsePaste(article)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Format != app.FormatPaste || a.Filename != "" || a.Text != article || a.Title != "Water returns to Basra taps" {
		t.Errorf("paste = %q %q %q", a.Format, a.Filename, a.Title)
	}
	if _, err := ingest.ParsePaste("  \n "); app.ErrorMessage(err) != "Pasted text is empty" {
		t.Errorf("empty paste: %v", err)
	}
}

func TestHTML(t *testing.T) {
	a, err := ingest.ParseFile(filepath.Join("testdata", "html", "article.html"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	want := map[string][2]string{
		"title":     {a.Title, "Bridge reopens in Ramadi"},
		"byline":    {a.Byline, "Hala Said"},
		"published": {a.Published.String(), "2017-11-05 14:20"},
		"url":       {a.URL, "https://tigris.example.com/iraq/2017/11/bridge-reopens-ramadi"},
	}
	for k, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", k, v[0], v[1])
		}
	}
	for k, ev := range map[string]app.Evidence{"title": a.Known.Title, "byline": a.Known.Byline, "published": a.Known.Published, "url": a.Known.URL} {
		if ev.Basis != app.BasisMarkup {
			t.Errorf("%s basis = %q, want markup", k, ev.Basis)
		}
	}
	if p, ok := source(a, app.RolePublisher); !ok || p.Name != "Tigris Tribune" || p.Evidence.Basis != app.BasisMarkup {
		t.Errorf("publisher = %+v", p)
	}
	for _, para := range []string{
		"\n\nThe main bridge across the Euphrates in Ramadi reopened to traffic on Sunday, two years after it was blown up during the fighting for the city, the provincial council said.\n\n",
		"\n\nTraffic returns\n\n",
		"\nLength: 300 metres\nCost: about 12 million dollars\n",
	} {
		if !strings.Contains(a.Text, para) {
			t.Errorf("text lacks the paragraph %q", para)
		}
	}
	for _, junk := range []string{"do not import me", "nor me", "color: red", "Home Iraq World"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text holds page clutter %q", junk)
		}
	}
	if !strings.HasPrefix(a.Text, "Bridge reopens in Ramadi\n\n") {
		t.Errorf("text does not open with the headline: %.40q", a.Text)
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>" + strings.Repeat("Les forces irakiennes ont repris la ville apr\xe8s des combats. ", 10) + "</p>"
	cases := map[string]struct {
		page    string
		warning bool
	}{
		"declared latin-1": {`<html><head><meta charset="iso-8859-1"><title>Caf` + "\xe9" + ` de la gare</title></head><body>` + body + `</body></html>`, false},
		"undeclared 1252":  {`<html><head><title>Caf` + "\xe9" + ` de la gare</title></head><body>` + body + `</body></html>`, true},
		"declared in http": {`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf` + "\xe9" + ` de la gare</title></head><body>` + body + `</body></html>`, false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.Parse("page.html", []byte(c.page), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != "Café de la gare" || !strings.Contains(a.Text, "après des combats") {
				t.Errorf("title %q, text %.80q", a.Title, a.Text)
			}
			warned := len(a.Warnings) > 0
			if warned != c.warning {
				t.Errorf("warnings = %q, want a warning: %v", a.Warnings, c.warning)
			}
		})
	}
}
