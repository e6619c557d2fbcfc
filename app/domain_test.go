package app_test

import (
	"sort"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

func TestParseGrade(t *testing.T) {
	good := map[string]string{"B2": "B2", "b2": "B2", "B": "B?", "2": "?2", "?6": "?6", "F?": "F?", "": ""}
	for in, want := range good {
		t.Run(in, func(t *testing.T) {
			g, err := app.ParseGrade(in)
			if err != nil || g.String() != want {
				t.Fatalf("ParseGrade(%q) = %q, %v; want %q", in, g, err, want)
			}
		})
	}
	for _, in := range []string{"G2", "B7", "B0", "22", "BB", "B2x"} {
		if _, err := app.ParseGrade(in); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("ParseGrade(%q) err %v, want invalid", in, err)
		}
	}
}

func TestGradeLabels(t *testing.T) {
	if app.ReliabilityB.Label() != "Usually reliable" || app.Credibility6.Label() != "Truth cannot be judged" {
		t.Fatal("Admiralty labels wrong")
	}
	if app.ReliabilityUngraded.Label() != "Not graded" || app.CredibilityUngraded.String() != "" {
		t.Fatal("ungraded must read as not graded")
	}
}

func TestEDTFRoundTrip(t *testing.T) {
	cases := map[string]app.When{
		"2017-11-03":            app.DayWhen(app.Date{Year: 2017, Month: time.November, Day: 3}),
		"2017-11":               app.MonthWhen(2017, time.November),
		"2014":                  app.YearWhen(2014),
		"2017-11-03/2017-11-05": {Start: app.Date{Year: 2017, Month: 11, Day: 3}, End: app.Date{Year: 2017, Month: 11, Day: 5}, Precision: app.PrecisionDay},
		"2014-01/2014-04":       {Start: app.Date{Year: 2014, Month: 1, Day: 1}, End: app.Date{Year: 2014, Month: 4, Day: 30}, Precision: app.PrecisionMonth},
		"2017-11-03~":           {Start: app.Date{Year: 2017, Month: 11, Day: 3}, End: app.Date{Year: 2017, Month: 11, Day: 3}, Precision: app.PrecisionDay, Approximate: true},
		"2017-11-03?":           {Start: app.Date{Year: 2017, Month: 11, Day: 3}, End: app.Date{Year: 2017, Month: 11, Day: 3}, Precision: app.PrecisionDay, Uncertain: true},
		"2017-11%":              {Start: app.Date{Year: 2017, Month: 11, Day: 1}, End: app.Date{Year: 2017, Month: 11, Day: 30}, Precision: app.PrecisionMonth, Approximate: true, Uncertain: true},
	}
	for s, w := range cases {
		t.Run(s, func(t *testing.T) {
			if got := w.EDTF(); got != s {
				t.Errorf("EDTF() = %q, want %q", got, s)
			}
			back, err := app.ParseEDTF(s)
			if err != nil {
				t.Fatal(err)
			}
			if back != w {
				t.Errorf("ParseEDTF(%q) = %+v, want %+v", s, back, w)
			}
		})
	}
	for _, bad := range []string{"", "2017-13-01", "2017-11-05/2017-11-03", "2017/2017-11", "Nov 3", "2017-11-03/2017-11-04/2017-11-05"} {
		if _, err := app.ParseEDTF(bad); err == nil {
			t.Errorf("ParseEDTF(%q) accepted", bad)
		}
	}
}

func TestWhenOverlaps(t *testing.T) {
	nov3 := app.DayWhen(app.Date{Year: 2017, Month: 11, Day: 3})
	nov5 := app.DayWhen(app.Date{Year: 2017, Month: 11, Day: 5})
	month := app.MonthWhen(2017, time.November)
	if nov3.Overlaps(nov5) || !nov3.Overlaps(month) || !month.Overlaps(nov5) || nov3.Overlaps(app.When{}) {
		t.Fatal("overlap rules broken")
	}
}

func TestNewIDIsUUIDv7AndOrdered(t *testing.T) {
	ids := make([]string, 2000)
	seen := map[app.ID]bool{}
	for i := range ids {
		id := app.NewID()
		if !id.Valid() || id[14] != '7' || (id[19] != '8' && id[19] != '9' && id[19] != 'a' && id[19] != 'b') {
			t.Fatalf("%s is not a UUIDv7", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %s", id)
		}
		seen[id] = true
		ids[i] = string(id)
	}
	if !sort.StringsAreSorted(ids) {
		t.Fatal("ids from one process must sort by creation")
	}
	if app.ID("not-an-id").Valid() {
		t.Fatal("Valid accepted junk")
	}
}

func TestTextHashIgnoresSpacingAndCase(t *testing.T) {
	a := app.TextHash("Iraqi forces\r\nretook  Qaim.\n")
	b := app.TextHash("iraqi FORCES retook qaim.")
	c := app.TextHash("Iraqi forces retook Rawa.")
	if a != b || a == c {
		t.Fatalf("hashes: %s %s %s", a, b, c)
	}
}

func TestChain(t *testing.T) {
	tests := map[string][]app.ArticleSource{
		"LPA via Desert Ledger": {{Name: "Desert Ledger", Role: app.RolePublisher}, {Name: "LPA", Role: app.RoleOrigin}},
		"Crescent Vista TV via Borderless Dispatch (translated by Elias Marouf)": {
			{Name: "Borderless Dispatch", Role: app.RolePublisher}, {Name: "Crescent Vista TV", Role: app.RoleOrigin}, {Name: "Elias Marouf", Role: app.RoleTranslator}},
		"Northgate Herald": {{Name: "Northgate Herald", Role: app.RolePublisher}},
		"":                 nil,
	}
	for want, ss := range tests {
		if got := app.Chain(ss); got != want {
			t.Errorf("Chain = %q, want %q", got, want)
		}
	}
}

func TestNewAnchorCountsRunes(t *testing.T) {
	text := "Flags 🇮🇶 over Ḥusaybah — “liberated” today."
	runes := []rune(text)
	start := 0
	for i, r := range runes {
		if r == 'Ḥ' {
			start = i
		}
	}
	a, err := app.NewAnchor(text, app.Span{Start: start, End: start + 8})
	if err != nil {
		t.Fatal(err)
	}
	if a.Exact != "Ḥusaybah" || a.Prefix != "Flags 🇮🇶 over " || a.Suffix != " — “liberated” today." {
		t.Fatalf("anchor %+v", a)
	}
	if _, err := app.NewAnchor(text, app.Span{Start: 3, End: 3}); err == nil {
		t.Fatal("empty span accepted")
	}
	if _, err := app.NewAnchor(text, app.Span{Start: 3, End: 999}); err == nil {
		t.Fatal("span past the end accepted")
	}
}

func TestParsePubDate(t *testing.T) {
	for in, want := range map[string]string{"2017-11-06 13:30": "2017-11-06 13:30", "2017-11-06T13:30": "2017-11-06 13:30", "2017-11-06": "2017-11-06", "": "", "unknown": ""} {
		p, err := app.ParsePubDate(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePubDate(%q) = %q, %v", in, p, err)
		}
	}
	if _, err := app.ParsePubDate("Nov 6"); err == nil {
		t.Error("accepted a date without a year")
	}
}

func TestErrorMessageShowsInternalCauses(t *testing.T) {
	cause := app.Errorf(app.EInvalid, "no such module: fts5")
	if got := app.ErrorMessage(app.WrapError(app.EInternal, cause, "could not upgrade")); got != "could not upgrade (no such module: fts5)" {
		t.Errorf("internal: %q", got)
	}
	if got := app.ErrorMessage(app.WrapError(app.ENotCase, cause, "not a case")); got != "not a case" {
		t.Errorf("user-facing: %q", got)
	}
	if app.ErrorMessage(nil) != "" || app.ErrorCode(nil) != "" {
		t.Error("nil error must have no message and no code")
	}
}
