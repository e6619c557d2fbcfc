package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// jsonStream writes a large JSON document piece by piece, one array item
// per line, so a case of 50,000 claims is never held as one encoded
// buffer (and stays readable with grep and diff). HTML characters are not
// escaped: the output is data, not a page.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONStream(w io.Writer) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 1<<16)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// raw writes s as it is.
func (s *jsonStream) raw(str string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// value writes v as compact JSON.
func (s *jsonStream) value(v any) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

// field writes `"name": value`, with a comma before it unless first.
func (s *jsonStream) field(name string, v any, first bool) {
	if !first {
		s.raw(",\n")
	}
	s.value(name)
	s.raw(": ")
	s.value(v)
}

// array writes `"name": [` and n items, one per line, then `]`.
func (s *jsonStream) array(name string, n int, item func(i int) any, first bool) {
	if !first {
		s.raw(",\n")
	}
	s.value(name)
	s.raw(": [")
	for i := 0; i < n && s.err == nil; i++ {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n")
		s.value(item(i))
	}
	if n > 0 {
		s.raw("\n")
	}
	s.raw("]")
}

func (s *jsonStream) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
