package ingest

import (
	"math"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// glyph is one decoded character drawn on a page, in page space.
type glyph struct {
	x, y  float64 // origin of the glyph
	w     float64 // advance width of the glyph itself (no spacing)
	size  float64 // effective font size
	s     string
	space bool // a space character
}

// mat is a PDF transformation matrix [a b c d e f].
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// fontInfo is what the interpreter needs of a font: how to decode codes
// and how wide each glyph is.
type fontInfo struct {
	enc     pdf.TextEncoding
	twoByte bool
	first   int
	widths  []float64
	cid     map[int]float64 // Type0 widths by CID
	cidRng  []cidRange
	dw      float64 // default width
	std     *[256]uint16
	scale   float64 // Type3 glyph space to 1/1000 em
}

type cidRange struct {
	lo, hi int
	w      float64
}

// width returns the advance of code in 1/1000 em.
func (f *fontInfo) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		for _, r := range f.cidRng {
			if code >= r.lo && code <= r.hi {
				return r.w
			}
		}
		return f.dw
	}
	if i := code - f.first; f.widths != nil && i >= 0 && i < len(f.widths) {
		return f.widths[i] * f.scale
	}
	if f.std != nil && code >= 0 && code < 256 {
		return float64(f.std[code])
	}
	return f.dw
}

// loadFont reads a font dictionary.
func loadFont(v pdf.Value) *fontInfo {
	f := &fontInfo{dw: 500, scale: 1}
	sub := v.Key("Subtype").Name()
	codeLen := 1
	if sub == "Type0" {
		codeLen = 2
	}
	if tu := readToUnicode(v.Key("ToUnicode"), codeLen); tu != nil && tu.codeLen == codeLen {
		f.enc = tu
	} else {
		font := pdf.Font{V: v}
		f.enc = (&font).Encoder()
	}
	if f.enc == nil {
		f.enc = nopEncoding{}
	}
	switch sub {
	case "Type0":
		f.twoByte = true
		f.dw = 1000
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cid = map[int]float64{}
		w := d.Key("W")
		for i := 0; i < w.Len() && len(f.cid) < 100000; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && len(f.cid) < 100000; j++ {
					f.cid[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= w.Len() {
				break
			}
			f.cidRng = append(f.cidRng, cidRange{c, int(next.Int64()), w.Index(i + 2).Float64()})
			i += 3
		}
		return f
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() >= 1 {
			f.scale = m.Index(0).Float64() * 1000
		}
	}
	if ws := v.Key("Widths"); ws.Kind() == pdf.Array && ws.Len() > 0 {
		f.first = int(v.Key("FirstChar").Int64())
		n := min(ws.Len(), 4096)
		f.widths = make([]float64, n)
		for i := 0; i < n; i++ {
			f.widths[i] = ws.Index(i).Float64()
		}
		if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
			f.dw = mw.Float64()
		}
		return f
	}
	f.std = standardWidths(v.Key("BaseFont").Name())
	if f.std == nil && strings.Contains(strings.ToLower(v.Key("BaseFont").Name()), "courier") {
		f.dw = 600
	}
	return f
}

// standardWidths picks the metrics of a standard font by its name.
func standardWidths(base string) *[256]uint16 {
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	b := strings.ToLower(base)
	bold := strings.Contains(b, "bold")
	italic := strings.Contains(b, "italic") || strings.Contains(b, "oblique")
	switch {
	case strings.Contains(b, "courier"):
		return nil
	case strings.Contains(b, "times") || strings.Contains(b, "serif") && !strings.Contains(b, "sans"):
		switch {
		case bold && italic:
			return &widthTimesBoldItalic
		case bold:
			return &widthTimesBold
		case italic:
			return &widthTimesItalic
		}
		return &widthTimes
	case bold:
		return &widthHelveticaBold
	}
	return &widthHelvetica
}

type nopEncoding struct{}

func (nopEncoding) Decode(raw string) string { return raw }

// limits against hostile files
const (
	maxGlyphs    = 4_000_000
	maxOps       = 20_000_000
	maxFormDepth = 8
)

// interp runs a page's content stream and collects its glyphs.
type interp struct {
	glyphs []glyph
	ops    int
}

type gstate struct {
	ctm                       mat
	tc, tw, th, tl, tfs, rise float64
	font                      *fontInfo
}

// stop aborts interpretation of a hostile stream.
type stop struct{}

// run interprets the content stream strm with the resources res.
func (in *interp) run(strm, res pdf.Value, ctm mat, depth int) {
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm mat
	fontCache := map[string]*fontInfo{}
	getFont := func(name string) *fontInfo {
		if f, ok := fontCache[name]; ok {
			return f
		}
		f := loadFont(res.Key("Font").Key(name))
		fontCache[name] = f
		return f
	}
	show := func(raw string) {
		f := g.font
		if f == nil {
			f = &fontInfo{enc: nopEncoding{}, dw: 500, scale: 1, std: &widthHelvetica}
			g.font = f
		}
		step := 1
		if f.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(raw); i += step {
			code := int(raw[i])
			if step == 2 {
				code = code<<8 | int(raw[i+1])
			}
			s := f.enc.Decode(raw[i : i+step])
			w0 := f.width(code) / 1000
			trm := mat{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
			size := math.Hypot(trm[2], trm[3])
			isSpace := step == 1 && code == 32 || strings.TrimSpace(s) == "" && s != ""
			if len(in.glyphs) >= maxGlyphs {
				panic(stop{})
			}
			if s = cleanGlyph(s); s != "" || isSpace {
				in.glyphs = append(in.glyphs, glyph{x: trm[4], y: trm[5], w: w0 * math.Hypot(trm[0], trm[1]), size: size, s: s, space: isSpace})
			}
			tx := w0*g.tfs + g.tc
			if step == 1 && code == 32 {
				tx += g.tw
			}
			tm = mat{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		}
	}
	num := func(args []pdf.Value, i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		in.ops++
		if in.ops > maxOps {
			panic(stop{})
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g = stack[k-1]
				stack = stack[:k-1]
			}
		case "cm":
			if n == 6 {
				g.ctm = mat{num(args, 0), num(args, 1), num(args, 2), num(args, 3), num(args, 4), num(args, 5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(args, 0)
		case "Tw":
			g.tw = num(args, 0)
		case "Tz":
			g.th = num(args, 0) / 100
		case "TL":
			g.tl = num(args, 0)
		case "Ts":
			g.rise = num(args, 0)
		case "Tf":
			if n == 2 {
				g.font = getFont(args[0].Name())
				g.tfs = num(args, 1)
			}
		case "Td", "TD":
			if n == 2 {
				if op == "TD" {
					g.tl = -num(args, 1)
				}
				tlm = mat{1, 0, 0, 1, num(args, 0), num(args, 1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if n == 6 {
				tlm = mat{num(args, 0), num(args, 1), num(args, 2), num(args, 3), num(args, 4), num(args, 5)}
				tm = tlm
			}
		case "T*":
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if n >= 1 {
				show(args[n-1].RawString())
			}
		case "'", "\"":
			if op == "\"" && n == 3 {
				g.tw, g.tc = num(args, 0), num(args, 1)
			}
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if n >= 1 {
				show(args[n-1].RawString())
			}
		case "TJ":
			if n < 1 {
				return
			}
			arr := args[n-1]
			for i := 0; i < arr.Len(); i++ {
				x := arr.Index(i)
				if x.Kind() == pdf.String {
					show(x.RawString())
					continue
				}
				tx := -x.Float64() / 1000 * g.tfs * g.th
				tm = mat{1, 0, 0, 1, tx, 0}.mul(tm)
			}
		case "Do":
			if n < 1 || depth >= maxFormDepth {
				return
			}
			xo := res.Key("XObject").Key(args[0].Name())
			if xo.Key("Subtype").Name() != "Form" {
				return
			}
			m := identity
			if fm := xo.Key("Matrix"); fm.Len() == 6 {
				m = mat{fm.Index(0).Float64(), fm.Index(1).Float64(), fm.Index(2).Float64(), fm.Index(3).Float64(), fm.Index(4).Float64(), fm.Index(5).Float64()}
			}
			xres := xo.Key("Resources")
			if xres.IsNull() {
				xres = res
			}
			in.run(xo, xres, m.mul(g.ctm), depth+1)
		}
	})
}

// cleanGlyph drops control characters and replacement characters that
// undecodable fonts produce.
func cleanGlyph(s string) string {
	if s == "" {
		return s
	}
	ok := true
	for _, r := range s {
		if unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.IsSpace(r) || r == 0 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
