package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// warnWindows1252 is the warning for text that was not valid UTF-8.
const warnWindows1252 = "not valid UTF-8; read as Windows-1252 — check accented letters"

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// hasUTF16BOM reports whether data opens with a UTF-16 byte-order mark.
func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
}

// decodeText turns file bytes into UTF-8 text: a UTF-8 BOM is stripped,
// UTF-16 with a BOM is decoded, and bytes that are not valid UTF-8 are read
// as Windows-1252 with a warning. Nothing else is changed.
func decodeText(data []byte) (string, []string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case hasUTF16BOM(data):
		// the BOM tells the byte order; UseBOM also strips it
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", nil, err
		}
		s := string(out)
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return s, nil, nil
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	s, err := decodeWith(charmap.Windows1252, data)
	if err != nil {
		return "", nil, err
	}
	return s, []string{warnWindows1252}, nil
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}
