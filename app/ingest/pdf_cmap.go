package ingest

import (
	"bytes"
	"encoding/hex"
	"io"
	"sort"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// toUnicode is a font's ToUnicode CMap: character codes to text.
type toUnicode struct {
	codeLen int // bytes per code (1 or 2)
	chars   map[int]string
	ranges  []bfRange // sorted by lo
}

type bfRange struct {
	lo, hi int
	dst    []uint16 // UTF-16 of the first code; later codes add to the last unit
	list   []string // or one string per code
}

// Decode implements pdf.TextEncoding for raw codes of codeLen bytes.
func (m *toUnicode) Decode(raw string) string {
	var out []byte
	for i := 0; i+m.codeLen <= len(raw); i += m.codeLen {
		code := int(raw[i])
		if m.codeLen == 2 {
			code = code<<8 | int(raw[i+1])
		}
		out = append(out, m.lookup(code)...)
	}
	return string(out)
}

func (m *toUnicode) lookup(code int) string {
	if s, ok := m.chars[code]; ok {
		return s
	}
	k := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].hi >= code })
	for ; k < len(m.ranges) && m.ranges[k].lo <= code; k++ {
		r := m.ranges[k]
		if code > r.hi {
			continue
		}
		if r.list != nil {
			if i := code - r.lo; i < len(r.list) {
				return r.list[i]
			}
			return ""
		}
		if len(r.dst) == 0 {
			return ""
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(code - r.lo)
		return string(utf16.Decode(u))
	}
	return ""
}

// readToUnicode parses a ToUnicode stream; nil when it holds no mappings.
func readToUnicode(v pdf.Value, defaultLen int) (m *toUnicode) {
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	if v.Kind() != pdf.Stream {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(v.Reader(), 4<<20))
	if err != nil && len(data) == 0 {
		return nil
	}
	m = &toUnicode{codeLen: defaultLen, chars: map[int]string{}}
	toks := cmapTokens(data)
	for i := 0; i < len(toks); i++ {
		switch string(toks[i]) {
		case "begincodespacerange":
			if i+1 < len(toks) && toks[i+1][0] == '<' {
				if n := len(hexBytes(toks[i+1])); n == 1 || n == 2 {
					m.codeLen = n
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && string(toks[i]) != "endbfchar"; i += 2 {
				if len(m.chars) < 200000 {
					m.chars[hexInt(toks[i])] = utf16Hex(toks[i+1])
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && string(toks[i]) != "endbfrange"; {
				r := bfRange{lo: hexInt(toks[i]), hi: hexInt(toks[i+1])}
				if toks[i+2][0] == '[' {
					j := i + 3
					for ; j < len(toks) && toks[j][0] != ']'; j++ {
						if len(r.list) < 65536 {
							r.list = append(r.list, utf16Hex(toks[j]))
						}
					}
					i = j + 1
				} else {
					r.dst = utf16Units(hexBytes(toks[i+2]))
					i += 3
				}
				if r.hi >= r.lo && len(m.ranges) < 100000 {
					m.ranges = append(m.ranges, r)
				}
			}
		}
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].hi < m.ranges[j].hi })
	return m
}

// cmapTokens splits a CMap into hex strings, brackets and words.
func cmapTokens(data []byte) [][]byte {
	var toks [][]byte
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return toks
			}
			toks = append(toks, data[i:i+j+1])
			i += j + 1
		case c == '[' || c == ']':
			toks = append(toks, data[i:i+1])
			i++
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		default:
			j := i
			for j < len(data) && !bytes.ContainsRune([]byte(" \n\r\t\f<>[]%/()"), rune(data[j])) {
				j++
			}
			if j == i {
				j++
			}
			toks = append(toks, data[i:j])
			i = j
		}
	}
	return toks
}

func hexBytes(tok []byte) []byte {
	h := bytes.Trim(tok, "<>")
	h = bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, h)
	if len(h)%2 == 1 {
		h = append(h, '0')
	}
	out := make([]byte, len(h)/2)
	if _, err := hex.Decode(out, h); err != nil {
		return nil
	}
	return out
}

func hexInt(tok []byte) int {
	n := 0
	for _, b := range hexBytes(tok) {
		n = n<<8 | int(b)
		if n > 1<<24 {
			return -1
		}
	}
	return n
}

func utf16Units(b []byte) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b) == 1 {
		u = append(u, uint16(b[0]))
	}
	return u
}

func utf16Hex(tok []byte) string {
	if len(tok) == 0 || tok[0] != '<' {
		return ""
	}
	return string(utf16.Decode(utf16Units(hexBytes(tok))))
}
