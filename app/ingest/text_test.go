package ingest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// textCase says what the importer must read from one fixture in
// testdata/text. Empty strings mean "none".
type textCase struct {
	title, byline, published, url string
	publisher, origin, translator string
	originBasis                   app.Basis
	datedBy                       string // text the date evidence must cover
	warning                       string // substring of a warning
	boiler                        []string
	body                          []string
}

var textCases = map[string]textCase{
	"wire-dateline.txt": {
		title: "Kurdish forces halt advance near Sinjar", byline: "Omar Hadi",
		published: "2017-11-04 10:15", datedBy: "4 November 2017 10:15",
		origin: "Reuters", originBasis: app.BasisText,
		body: []string{"Kurdish Peshmerga forces halted their advance", "Reporting by Omar Hadi"},
	},
	"updated-first.txt": {
		title:     "Flooding forces thousands from homes in southern Iraq",
		published: "2017-10-11 13:30", datedBy: "October 11, 2017",
		origin: "AP", originBasis: app.BasisText,
		body: []string{"Heavy rains flooded low-lying districts"},
	},
	"ambiguous-date.txt": {
		title:   "Traders in Erbil wait for border crossings to reopen",
		warning: "day/month or month/day",
		body:    []string{"Lorries loaded with fruit"},
	},
	"comments-dates.txt": {
		title:     "Schools reopen in east Mosul as families return",
		published: "2017-10-23 18:05",
		boiler:    []string{"14 Comments", "October 24, 2017 at 9:00 am", "My nephew started this week", "Thank you for covering this."},
		body:      []string{"More than two hundred schools", "pupils were sharing textbooks"},
	},
	"caption-in-header.txt": {
		title:     "Ceasefire holds in Tal Afar for a second day",
		published: "2017-11-01", datedBy: "November 1, 2017",
		boiler: []string{"Smoke rises over the old city", "Markets in Sinjar struggle to recover", "October 28, 2017"},
		body:   []string{"The ceasefire agreed on Monday", "Local elders who brokered the deal"},
	},
	"statement-origin.txt": {
		title:  "Ministry reports drop in attacks on power lines",
		url:    "https://news.example.org/iraq/power-lines",
		origin: "Ministry of Electricity", originBasis: app.BasisText,
		body: []string{"attacks on transmission towers in Anbar"},
	},
	"translated-relay.txt": {
		title: "Water crisis deepens along the Euphrates", published: "2017-10-12",
		publisher: "Levant Monitor", origin: "Al-Nahr Daily", translator: "Layla Haddad", originBasis: app.BasisText,
		body: []string{"Farmers in the villages south of Deir ez-Zor", "engineers point to years of damage"},
	},
	"masthead-dash.txt": {
		title: "Port strike ends after pay deal", published: "2017-10-08 09:45",
		publisher: "The Harbour Gazette",
		boiler:    []string{"Independent news for the Gulf since 1971", "All rights reserved."},
		body:      []string{"Dock workers in Umm Qasr returned to work", "The port authority said the backlog"},
	},
	"body-safety.txt": {
		title: "Dam engineers race to shore up Mosul spillway", byline: "Lina Farouk", published: "2017-09-14",
		publisher: "Riverside Post",
		boiler: []string{"Related: Repairs begin on Haditha power station", "Facebook Twitter WhatsApp Email",
			"Sign up for the Riverside Brief newsletter", "every morning.", "Please consider becoming a supporter",
			"© 2017 Riverside Post", "Tags: Iraq, Mosul, water"},
		body: []string{"Engineers working on the Mosul Dam", "subscribe to the regional water-sharing agreement",
			"several donations of cement", "The engineers said the work would continue through the winter"},
	},
	"single-newline.txt": {
		title: "Oil exports resume from Kirkuk fields", byline: "Sara Lind", published: "2018-03-05",
		boiler: []string{"Share this:", "Facebook Twitter Email", "Baghdad and Erbil agree on budget talks"},
		body:   []string{"Oil began flowing again", "The company said exports would start"},
	},
	"front-matter.md": {
		title: "Grain silos reopen in Nineveh", byline: "Dana Marsh", published: "2017-11-20",
		body: []string{"Farmers began delivering wheat"},
	},
	"heading.md": {
		title: "Checkpoints multiply on the Kirkuk road", byline: "Rami Aziz", published: "2017-12-02",
		body: []string{"Drivers on the road between Kirkuk and Tikrit", "Federal police"},
	},
}

func TestParseTextFixtures(t *testing.T) {
	for name, want := range textCases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.ParseFile(filepath.Join("testdata", "text", name), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != want.title {
				t.Errorf("title = %q, want %q", a.Title, want.title)
			}
			if a.Known.Title.Basis != app.BasisText || spanText(a, a.Known.Title.Span) != want.title {
				t.Errorf("title evidence = %+v (%q)", a.Known.Title, spanText(a, a.Known.Title.Span))
			}
			if a.Byline != want.byline {
				t.Errorf("byline = %q, want %q", a.Byline, want.byline)
			}
			if want.byline != "" && !strings.Contains(spanText(a, a.Known.Byline.Span), want.byline) {
				t.Errorf("byline evidence covers %q", spanText(a, a.Known.Byline.Span))
			}
			if got := a.Published.String(); got != want.published {
				t.Errorf("published = %q, want %q", got, want.published)
			}
			if want.published == "" && a.Known.Published.Basis != app.BasisUnknown {
				t.Errorf("unstated date has evidence %+v", a.Known.Published)
			}
			if want.published != "" && a.Known.Published.Basis != app.BasisText {
				t.Errorf("date basis = %q, want text", a.Known.Published.Basis)
			}
			if want.datedBy != "" && !strings.Contains(spanText(a, a.Known.Published.Span), want.datedBy) {
				t.Errorf("date evidence covers %q, want it to cover %q", spanText(a, a.Known.Published.Span), want.datedBy)
			}
			if a.URL != want.url {
				t.Errorf("url = %q, want %q", a.URL, want.url)
			}
			assertSource(t, a, app.RolePublisher, want.publisher)
			assertSource(t, a, app.RoleOrigin, want.origin)
			assertSource(t, a, app.RoleTranslator, want.translator)
			if want.origin != "" {
				if s, _ := source(a, app.RoleOrigin); s.Evidence.Basis != want.originBasis || s.Confirmed {
					t.Errorf("origin evidence = %+v, confirmed %v", s.Evidence, s.Confirmed)
				}
			}
			if want.warning != "" && !strings.Contains(strings.Join(a.Warnings, "\n"), want.warning) {
				t.Errorf("warnings %q lack %q", a.Warnings, want.warning)
			}
			for _, s := range want.boiler {
				assertBoiler(t, a, s)
			}
			for _, s := range want.body {
				assertBody(t, a, s)
			}
		})
	}
}

// TestPublicationDates feeds header shapes one at a time.
func TestPublicationDates(t *testing.T) {
	const body = "\n\nThe provincial council met on the matter for the third time this month, and members said a decision would be announced soon.\n"
	cases := map[string]struct{ header, want string }{
		"glued section":         {"September 22, 2017World News", "2017-09-22"},
		"ordinal and site":      {"November 3rd, 2017 – Example News –", "2017-11-03"},
		"weekday and time":      {"Monday, 6 November, 2017 - 13:30", "2017-11-06 13:30"},
		"abbreviated month":     {"Oct 26, 2017", "2017-10-26"},
		"Sept.":                 {"Sept. 21, 2017", "2017-09-21"},
		"day month year":        {"3 November 2017", "2017-11-03"},
		"iso":                   {"2017-11-03", "2017-11-03"},
		"iso with time":         {"2017-11-03T08:05", "2017-11-03 08:05"},
		"day first numeric":     {"23/11/2017", "2017-11-23"},
		"month first numeric":   {"11/23/2017", "2017-11-23"},
		"dotted numeric":        {"3.11.2017", "2017-11-03"},
		"ambiguous numeric":     {"03/11/2017", ""},
		"published label":       {"Published: Nov 4, 2017", "2017-11-04"},
		"am time":               {"October 28, 2017 at 10:29 am", "2017-10-28 10:29"},
		"pm time with zone":     {"November 2, 2017 1:30 PM GMT", "2017-11-02 13:30"},
		"12 am":                 {"November 2, 2017 12:10 am", "2017-11-02 00:10"},
		"updated before pub":    {"Updated: 5 November 2017 | Published: 4 November 2017", "2017-11-04"},
		"updated only":          {"Updated 5 November 2017", "2017-11-05"},
		"invalid day":           {"February 30, 2017", ""},
		"no date":               {"By Jane Roe", ""},
		"dateline with weekday": {"Posted on Thursday, November 2, 2017", "2017-11-02"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.ParsePaste("A headline about the council\n" + c.header + body)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if got := a.Published.String(); got != c.want {
				t.Errorf("published = %q, want %q (evidence %+v)", got, c.want, a.Known.Published)
			}
		})
	}
}

// TestDatelines reads the date and the agency from the opening of the
// first paragraph, and ignores dates in the body.
func TestDatelines(t *testing.T) {
	cases := map[string]struct{ text, date, origin, warning string }{
		"place date agency":    {"Headline here\n\nBAGHDAD, Nov 3, 2017 (Reuters) - Iraqi forces entered the town on Friday, the military said in a statement issued in the capital.", "2017-11-03", "Reuters", ""},
		"place agency date":    {"Headline here\n\nHabbaniyah, Iraq (AFP) Oct 26, 2017 - Iraqi forces on Thursday recaptured several military bases and villages near the town.", "2017-10-26", "AFP", ""},
		"yearless":             {"Headline here\n\nBAGHDAD, Nov 3 (Reuters) - Iraqi forces entered the town on Friday, the military said in a statement issued in the capital.", "", "Reuters", "no year"},
		"unknown agency":       {"Headline here\n\nANAH, Iraq (XNA) - Iraqi troops fought their way to the outskirts of the town on Tuesday, commanders said late in the day.", "", "XNA", ""},
		"date in body only":    {"Headline here\n\nIraqi forces entered the town on Friday, and on November 3, 2017 the army said the operation had ended after heavy fighting.", "", "", ""},
		"date in a short lede": {"Headline here\nIraqi forces said they took the town on November 3, 2017.\n\nThe army said the operation had ended after heavy fighting in the villages around the town overnight.", "", "", ""},
		"told AFP":             {"Headline here\n\nIraqi forces entered the town on Friday after heavy fighting in the surrounding villages overnight.\n\n\"The town is ours,\" a commander told AFP by telephone from the front line.", "", "AFP", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.ParsePaste(c.text)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if got := a.Published.String(); got != c.date {
				t.Errorf("published = %q, want %q", got, c.date)
			}
			assertSource(t, a, app.RoleOrigin, c.origin)
			if c.warning != "" && !strings.Contains(strings.Join(a.Warnings, " "), c.warning) {
				t.Errorf("warnings %q lack %q", a.Warnings, c.warning)
			}
		})
	}
	a, err := ingest.ParsePaste(cases["told AFP"].text)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := source(a, app.RoleOrigin); s.Evidence.Basis != app.BasisInferred || spanText(a, s.Evidence.Span) != "AFP" {
		t.Errorf("“told AFP” origin evidence = %+v", s.Evidence)
	}
}

// TestTitleRules checks the headline choice: the first line, the line a
// masthead precedes when it is repeated, and no title from boilerplate.
func TestTitleRules(t *testing.T) {
	body := "\n\nThe provincial council met on the matter for the third time this month, and members said a decision would be announced soon.\n"
	cases := map[string]struct{ text, want string }{
		"first line":      {"Council delays vote on budget" + body, "Council delays vote on budget"},
		"masthead repeat": {"Example Times | All the news from the valley\n\nCouncil delays vote\n\nCouncil delays vote" + body, "Council delays vote"},
		"kicker":          {"EXCLUSIVE\nCouncil delays vote on budget" + body, "Council delays vote on budget"},
		"url first":       {"https://example.org/council\nCouncil delays vote on budget" + body, "Council delays vote on budget"},
		"prose only":      {"The provincial council met on the matter for the third time this month. Members said a decision would be announced soon.", "The provincial council met on the matter for the third time this month."},
		"leading blanks":  {"\n\n   \nCouncil delays vote on budget  " + body, "Council delays vote on budget"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.ParsePaste(c.text)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != c.want {
				t.Errorf("title = %q, want %q", a.Title, c.want)
			}
			if got := spanText(a, a.Known.Title.Span); got != c.want {
				t.Errorf("title evidence covers %q", got)
			}
		})
	}
}

// TestTextKeptExactly checks that the text is never rewritten, line
// endings included.
func TestTextKeptExactly(t *testing.T) {
	texts := map[string]string{
		"crlf":     "Title line\r\n\r\nBody paragraph with enough words to count as running prose in the article text.\r\n",
		"cr":       "Title line\r\rBody paragraph.\r",
		"tabs":     "\tTitle\t\n\n  indented body  \n",
		"unicode":  "Qa’im — “quoted” 🇮🇶\n\nBody with emoji 🇮🇶 and Arabic القائم.",
		"no final": "Title\n\nBody",
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.Parse(name+".txt", []byte(text), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Text != text {
				t.Errorf("text changed:\n got %q\nwant %q", a.Text, text)
			}
		})
	}
	crlf, err := ingest.ParsePaste(texts["crlf"])
	if err != nil {
		t.Fatal(err)
	}
	if spanText(crlf, crlf.Known.Title.Span) != "Title line" {
		t.Errorf("CRLF title span covers %q", spanText(crlf, crlf.Known.Title.Span))
	}
}

// TestAmbiguousNumericDates reads "03/11/2017" only when the page's other
// numeric dates (here in reader comments) show which number is the day.
func TestAmbiguousNumericDates(t *testing.T) {
	const head = "Council delays vote on budget\n03/11/2017\n\nThe provincial council met on the matter for the third time this month, and members said a decision would be announced soon.\n\n2 Comments\n"
	cases := map[string]struct{ comments, want string }{
		"no cue":      {"Ahmed\nGood to hear.\n", ""},
		"day first":   {"Ahmed, 24/11/2017\nGood to hear.\n", "2017-11-03"},
		"month first": {"Ahmed, 11/24/2017\nGood to hear.\n", "2017-03-11"},
		"mixed cues":  {"Ahmed, 24/11/2017\nGood.\nSara, 11/25/2017\nAgreed.\n", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := ingest.ParsePaste(head + c.comments)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if got := a.Published.String(); got != c.want {
				t.Errorf("published = %q, want %q (%+v)", got, c.want, a.Known.Published)
			}
			if c.want != "" && spanText(a, a.Known.Published.Span) != "03/11/2017" {
				t.Errorf("evidence covers %q", spanText(a, a.Known.Published.Span))
			}
		})
	}
}
