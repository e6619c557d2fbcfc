package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// magic numbers of formats that are not articles, with the words a user
// would use for them.
var magics = []struct {
	prefix string
	offset int
	what   string
}{
	{"\x89PNG\r\n\x1a\n", 0, "a PNG image"},
	{"\xff\xd8\xff", 0, "a JPEG image"},
	{"GIF87a", 0, "a GIF image"},
	{"GIF89a", 0, "a GIF image"},
	{"RIFF", 0, ""}, // WEBP/WAV/AVI: decided below
	{"II*\x00", 0, "a TIFF image"},
	{"MM\x00*", 0, "a TIFF image"},
	{"BM", 0, ""}, // BMP only with binary content
	{"\x00\x00\x01\x00", 0, "an icon image"},
	{"PK\x03\x04", 0, "a ZIP archive"},
	{"PK\x05\x06", 0, "a ZIP archive"},
	{"\x1f\x8b", 0, "a gzip archive"},
	{"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"},
	{"Rar!\x1a\x07", 0, "a RAR archive"},
	{"BZh", 0, ""},
	{"\xfd7zXZ\x00", 0, "an XZ archive"},
	{"ustar", 257, "a TAR archive"},
	{"\x7fELF", 0, "a program (ELF executable)"},
	{"MZ", 0, ""}, // Windows executable only with binary content
	{"\xca\xfe\xba\xbe", 0, "a program (Mach-O executable)"},
	{"\xcf\xfa\xed\xfe", 0, "a program (Mach-O executable)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office document (.doc/.xls)"},
	{"SQLite format 3\x00", 0, "an SQLite database"},
	{"ID3", 0, "an MP3 audio file"},
	{"OggS", 0, "an Ogg audio or video file"},
	{"fLaC", 0, "a FLAC audio file"},
	{"\x1aE\xdf\xa3", 0, "a Matroska/WebM video"},
	{"wOFF", 0, "a web font"},
	{"wOF2", 0, "a web font"},
	{"\x00\x01\x00\x00\x00", 0, "a font file"},
	{"%!PS", 0, "a PostScript file"},
}

// sniffBinary says what a non-article file is ("a PNG image", "a binary
// file"), or "" when data may be text. UTF-16 with a BOM is text.
func sniffBinary(data []byte) string {
	if hasUTF16BOM(data) {
		return ""
	}
	for _, m := range magics {
		if len(data) < m.offset+len(m.prefix) || string(data[m.offset:m.offset+len(m.prefix)]) != m.prefix {
			continue
		}
		switch m.prefix {
		case "RIFF":
			if len(data) >= 12 {
				switch string(data[8:12]) {
				case "WEBP":
					return "a WebP image"
				case "WAVE":
					return "a WAV audio file"
				case "AVI ":
					return "an AVI video"
				}
			}
			continue
		case "PK\x03\x04", "PK\x05\x06":
			head := data[:min(len(data), 4096)]
			switch {
			case bytes.Contains(head, []byte("word/")):
				return "a Word document (.docx)"
			case bytes.Contains(head, []byte("application/epub+zip")):
				return "an EPUB e-book"
			case bytes.Contains(head, []byte("opendocument")):
				return "an OpenDocument file"
			case bytes.Contains(head, []byte("xl/")):
				return "an Excel workbook"
			}
		case "BZh":
			if len(data) > 3 && data[3] >= '1' && data[3] <= '9' && looksBinary(data) {
				return "a bzip2 archive"
			}
			continue
		case "BM", "MZ":
			if !looksBinary(data) {
				continue
			}
			if m.prefix == "BM" {
				return "a BMP image"
			}
			return "a program (Windows executable)"
		}
		if m.what != "" {
			return m.what
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "a video or audio file (MP4/MOV)"
	}
	if looksBinary(data) {
		return "a binary file"
	}
	return ""
}

// looksBinary reports whether the first 8 KB hold NUL bytes or many
// control characters.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100 > len(head)*5 // more than 5 %
}

// isPDF reports whether data is a PDF (the %PDF- header within the first
// kilobyte, as readers accept).
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\x00"), []byte("%PDF-")) || bytes.HasPrefix(head, append(append([]byte{}, bomUTF8...), "%PDF-"...))
}

// looksHTML reports whether text is an HTML document.
func looksHTML(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	if len(t) > 512 {
		t = t[:512]
	}
	t = strings.ToLower(t)
	for strings.HasPrefix(t, "<!--") {
		end := strings.Index(t, "-->")
		if end < 0 {
			break
		}
		t = strings.TrimLeft(t[end+3:], " \t\r\n")
	}
	if strings.HasPrefix(t, "<?xml") {
		if i := strings.Index(t, "?>"); i > 0 {
			t = strings.TrimLeft(t[i+2:], " \t\r\n")
		}
	}
	return strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html") || strings.HasPrefix(t, "<head") || strings.HasPrefix(t, "<body")
}

// looksRTF reports whether text is an RTF document.
func looksRTF(text string) bool {
	return strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), `{\rtf`)
}

// extFormat maps a file name's extension to the format it claims.
func extFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return "txt"
	case ".md", ".markdown", ".mdown", ".mkd":
		return "md"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".pdf":
		return "pdf"
	}
	return ""
}

// importable reports whether a folder walk picks up a file of this name.
func importable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm", ".pdf":
		return true
	}
	return false
}
