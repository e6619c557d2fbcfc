package app_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// The parsers of what an analyst types (CLI flags, dialogs, CSV cells):
// any input gives a value or an *app.Error with a message, never a panic,
// and what they accept writes back to something they read the same way.

func checkUserError(t *testing.T, err error) {
	t.Helper()
	if app.ErrorCode(err) != app.EInvalid || app.ErrorMessage(err) == "" {
		t.Fatalf("error is not an invalid-input *app.Error: %v", err)
	}
}

func FuzzParseEDTF(f *testing.F) {
	for _, s := range []string{"2017-11-03", "2017-11", "2017", "2017-11-03/2017-11-05", "2014-01/2014-04", "2017-11-03~",
		"2017-11-03?", "2017-11-03%", "2017-11-03~/2017-11-05~", "0000-01-01", "9999-12-31", "2017-02-30", "2017-13", "-2017",
		"2017-11-03/2017-11", "/", "2017-11-05/2017-11-03", " 2017 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := app.ParseEDTF(s)
		if err != nil {
			checkUserError(t, err)
			return
		}
		if err := w.Validate(); err != nil {
			t.Fatalf("ParseEDTF(%q) accepted an invalid When %+v: %v", s, w, err)
		}
		back, err := app.ParseEDTF(w.EDTF())
		if err != nil || back != w {
			t.Fatalf("%q -> %+v -> %q -> %+v (%v)", s, w, w.EDTF(), back, err)
		}
	})
}

func FuzzParsePubDate(f *testing.F) {
	for _, s := range []string{"2017-11-06", "2017-11-06 13:30", "2017-11-06T13:30", "2017-11-06T13:30:59", "unknown", "", "2017-11-31", "24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := app.ParsePubDate(s)
		if err != nil {
			checkUserError(t, err)
			return
		}
		back, err := app.ParsePubDate(p.String())
		if err != nil || back != p {
			t.Fatalf("%q -> %+v -> %q -> %+v (%v)", s, p, p.String(), back, err)
		}
	})
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"500 killed", "40,000 troops", "1.5 km", "85%", "85 percent", "-3 degrees", "+7 km", "1e9 x", ",,, a", "., b", "0x10 z", "NaN x", "Inf y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := app.ParseQuantity(s)
		if err != nil {
			checkUserError(t, err)
			return
		}
		if q == nil {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseQuantity(%q) = nil, nil", s)
			}
			return
		}
		if strings.TrimSpace(q.Unit) == "" {
			t.Fatalf("ParseQuantity(%q) gave no unit: %+v", s, q)
		}
		back, err := app.ParseQuantity(q.String())
		if err != nil || back.Unit != q.Unit || back.Value != q.Value {
			t.Fatalf("%q -> %+v -> %q -> %+v (%v)", s, q, q.String(), back, err)
		}
	})
}

func FuzzParseGrade(f *testing.F) {
	for _, s := range []string{"B2", "b2", "B", "2", "B?", "?2", "F6", "G7", "??", "", " A1 ", "10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := app.ParseGrade(s)
		if err != nil {
			checkUserError(t, err)
			return
		}
		if g.Reliability != "" && !g.Reliability.Valid() || g.Credibility != 0 && !g.Credibility.Valid() {
			t.Fatalf("ParseGrade(%q) = %+v, out of range", s, g)
		}
		back, err := app.ParseGrade(g.String())
		if err != nil || back != g {
			t.Fatalf("%q -> %+v -> %q -> %+v (%v)", s, g, g.String(), back, err)
		}
	})
}
