package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// The sample case: the five embedded sample articles with metadata set by
// hand (so the goldens do not move when the importer improves), graded
// sources with history, claims with every kind of date, entities with
// aliases, and events with a date conflict, a quantity conflict, a stance
// conflict, a range, and an undated event.

var (
	fixtureNow  = time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)
	fixtureBase = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
)

func fid(kind, n int) app.ID { return app.ID(fmt.Sprintf("018e%04x-0000-7000-8000-%012x", kind, n)) }

func at(min int) time.Time {
	return fixtureBase.Add(time.Duration(min)*time.Minute + 123456*time.Microsecond)
}

func when(t testing.TB, edtf string) *app.When {
	t.Helper()
	w, err := app.ParseEDTF(edtf)
	if err != nil {
		t.Fatal(err)
	}
	return &w
}

var sampleTexts sync.Map // file name -> text, read once (the fuzz targets build the case often)

func readSample(t testing.TB, name string) string {
	t.Helper()
	if s, ok := sampleTexts.Load(name); ok {
		return s.(string)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "assets", "sample", name))
	if err != nil {
		t.Fatalf("the sample case is needed: %v", err)
	}
	sampleTexts.Store(name, string(b))
	return string(b)
}

// runeIndex is the rune offset of quote in text.
func runeIndex(t testing.TB, text, quote string) app.Span {
	t.Helper()
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("the sample text changed: %q is not in it; update fixture_test.go", quote)
	}
	s := utf8.RuneCountInString(text[:i])
	return app.Span{Start: s, End: s + utf8.RuneCountInString(quote)}
}

func sampleSnapshot(t testing.TB) *app.Snapshot {
	t.Helper()
	s := &app.Snapshot{}
	src := func(n int, name string, kind app.SourceKind, r app.Reliability, note string) app.ID {
		id := fid(1, n)
		s.Sources = append(s.Sources, app.Source{ID: id, Name: name, Kind: kind, Reliability: r, ReliabilityNote: note,
			CreatedAt: at(n), UpdatedAt: at(n + 30)})
		if r != "" {
			s.History = append(s.History, app.GradeChange{SourceID: id, Reliability: r, Note: note, By: "analyst-a", At: at(n + 30)})
		}
		return id
	}
	oir := src(1, "Operation Inherent Resolve", app.KindGovernment, app.ReliabilityB, "Coalition press office: accurate on its own operations.")
	// A grade change history: first C, then B.
	s.History = append([]app.GradeChange{{SourceID: oir, Reliability: app.ReliabilityC, Note: "first look", By: "analyst-a", At: at(5)}}, s.History...)
	lpa := src(2, "Levant Press Agency", app.KindAgency, app.ReliabilityB, "Wire with staff in Anbar.")
	ledger := src(3, "Desert Ledger", app.KindOutlet, app.ReliabilityC, "")
	cvtv := src(4, "Crescent Vista TV", app.KindOutlet, app.ReliabilityD, "Partisan broadcaster; embedded with the PMU.")
	dispatch := src(5, "Borderless Dispatch", app.KindBlog, app.ReliabilityE, "")
	marouf := src(6, "Elias Marouf", app.KindOther, "", "")
	herald := src(7, "Northgate Herald", app.KindOutlet, app.ReliabilityB, "")
	rivers := src(8, "Two Rivers Daily", app.KindOutlet, app.ReliabilityC, "")
	joc := src(9, "Iraqi Joint Operations Command", app.KindGovernment, app.ReliabilityB, "")
	s.Sources[5].Aliases = []string{"E. Marouf"}
	s.Sources[1].Aliases = []string{"LPA"}
	s.Sources[1].Homepage = "https://lpa.example/"

	link := func(id app.ID, name string, role app.Role) app.ArticleSource {
		return app.ArticleSource{SourceID: id, Name: name, Role: role, Confirmed: true, Evidence: app.Evidence{Basis: app.BasisAnalyst}}
	}
	art := func(n int, file, title, pub string, links ...app.ArticleSource) *app.Article {
		text := readSample(t, file)
		p, err := app.ParsePubDate(pub)
		if err != nil {
			t.Fatal(err)
		}
		a := app.Article{ID: fid(2, n), Text: text, TextHash: app.TextHash(text), Format: app.FormatText, Filename: file,
			Sources: links, ImportedAt: at(100 + n), UpdatedAt: at(110 + n)}
		a.Title, a.Published = title, p
		a.Known.Title = app.Evidence{Basis: app.BasisText, Span: runeIndex(t, text, title), Detail: "first line"}
		if p.Known() {
			a.Known.Published = app.Evidence{Basis: app.BasisAnalyst}
		}
		s.Articles = append(s.Articles, a)
		return &s.Articles[len(s.Articles)-1]
	}
	art(1, "01-coalition-welcomes-qaim-offensive.txt", "Coalition Welcomes Iraqi Drive on Al-Qaim, ISIS’s Last District in Iraq", "",
		link(oir, "Operation Inherent Resolve", app.RoleOrigin))
	art(2, "02-troops-close-in-on-al-qaim.txt", "Iraqi troops close in on Al-Qaim as jihadists fall back", "2017-10-31",
		link(ledger, "Desert Ledger", app.RolePublisher), link(lpa, "Levant Press Agency", app.RoleOrigin))
	art(3, "03-flags-raised-over-al-qaim.txt", "Iraqi army and PMU raise the national flag over Al Qa’im", "2017-11-03",
		link(dispatch, "Borderless Dispatch", app.RolePublisher), link(cvtv, "Crescent Vista TV", app.RoleOrigin), link(marouf, "Elias Marouf", app.RoleTranslator))
	a4 := art(4, "04-qaim-retaken-militants-slip-away.txt", "Iraq Says Qaim Retaken; Militants Slip Toward Syria", "2017-11-04",
		link(herald, "Northgate Herald", app.RolePublisher))
	a4.Byline = "Maren Holloway"
	a4.URL = "https://northgate-herald.example/world/qaim-retaken"
	a5 := art(5, "05-abadi-raises-flag-at-husaibah.txt", "Abadi Raises Flag at Husaibah After Qaim Falls", "2017-11-06 13:30",
		link(rivers, "Two Rivers Daily", app.RolePublisher))
	mr := runeIndex(t, a5.Text, "Most Read")
	a5.Excluded = []app.Excluded{{Span: app.Span{Start: mr.Start, End: utf8.RuneCountInString(a5.Text)}, Kind: app.BoilerRelated}}
	a5.Warnings = []string{"the publication time was read from the page"}

	claim := func(n, article int, quote, statement string, cred app.Credibility, w string) *app.Claim {
		a := s.Articles[article-1]
		anc, err := app.NewAnchor(a.Text, runeIndex(t, a.Text, quote))
		if err != nil {
			t.Fatal(err)
		}
		c := app.Claim{ID: fid(3, n), ArticleID: a.ID, Anchor: anc, Statement: statement, Credibility: cred,
			CreatedBy: "analyst-a", CreatedAt: at(200 + n), UpdatedBy: "analyst-b", UpdatedAt: at(300 + n)}
		if w != "" {
			c.When = when(t, w)
		}
		s.Claims = append(s.Claims, c)
		return &s.Claims[len(s.Claims)-1]
	}
	c1 := claim(1, 1, "welcomed the launch on Thursday of an Iraqi offensive", "The Iraqi offensive on the Qaim district began on Thursday.", 2, "2017-10-26")
	c1.When.Expression, c1.When.Reference, c1.When.Note = "on Thursday", app.Date{Year: 2017, Month: 10, Day: 27}, "the past Thursday"
	c2 := claim(2, 1, "about 1,500 ISIS fighters remain in and around the district", "About 1,500 militants hold the district.", 3, "2017-10~")
	c2.Quantity = &app.Quantity{Value: 1500, Unit: "militants"}
	c3 := claim(3, 1, "Before the militants overran it in 2014", "ISIS overran the district in 2014.", 1, "2014")
	c3.Tags = []string{"background"}
	claim(4, 2, "Iraqi troops on Tuesday fought their way to the outskirts of Al-Qaim", "Troops reached the outskirts of Al-Qaim on Tuesday.", 2, "2017-10-31")
	c5 := claim(5, 2, "since the assault opened on Oct. 26", "The assault opened on 26 October.", 2, "2017-10-26")
	c5.AttributedTo = joc
	c6 := claim(6, 3, "Iraqi forces took back the town of Al Qa’im from ISIS earlier today", "Iraqi forces retook Al Qa’im on 3 November.", 3, "2017-11-03")
	c7 := claim(7, 3, "Prime Minister Haider al-Abadi announced that Husaybah had been freed", "Abadi announced that Husaybah was freed.", 3, "")
	c8 := claim(8, 3, "some 40,000 fighters from the army, police, PMU and tribal forces", "Some 40,000 fighters take part.", 6, "")
	c8.Quantity = &app.Quantity{Value: 40000, Unit: "fighters"}
	c8.Notes = "Number from the broadcaster's correspondent only."
	c9 := claim(9, 4, "Iraqi forces recaptured the town of al-Qaim from the Islamic State group yesterday", "Iraqi forces recaptured al-Qaim the day before publication.", 2, "2017-11-03")
	c9.When.Expression, c9.When.Reference = "yesterday", app.Date{Year: 2017, Month: 11, Day: 4}
	c10 := claim(10, 4, "more than 2,000 militants had been holed up in the district", "More than 2,000 militants held the district.", 3, "")
	c10.Quantity = &app.Quantity{Value: 2000, Unit: "militants"}
	c11 := claim(11, 4, "the final push met little resistance", "The final push met little resistance.", 3, "2017-11-03?")
	c12 := claim(12, 5, "Iraqi government forces took full control of the Qaim district on Sunday", "Government forces took full control of the Qaim district on Sunday.", 2, "2017-11-05")
	c13 := claim(13, 5, "raised the Iraqi flag at the Husaibah crossing", "Abadi raised the flag at the Husaibah crossing.", 2, "2017-11-05~")
	c14 := claim(14, 4, "They took the smuggling roads west in the dark.", "Militants left along smuggling roads to the west.", 4, "")
	c15 := claim(15, 3, "broke through several lines of trenches and sand berms", "Troops broke through trench lines on the southern edge.", 3, "2017-11-03")
	c16 := claim(16, 1, "in 2014", "The district fell in early 2014.", 3, "")
	c16.When = &app.When{Start: app.Date{Year: 2014, Month: 1, Day: 1}, End: app.Date{Year: 2014, Month: 4, Day: 30}, Precision: app.PrecisionYear, Approximate: true}
	c16.Orphan = true

	ent := func(n int, kind app.EntityKind, name string, aliases ...app.Alias) app.ID {
		id := fid(4, n)
		s.Entities = append(s.Entities, app.Entity{ID: id, Kind: kind, Name: name, Aliases: aliases, CreatedAt: at(400 + n), UpdatedAt: at(450 + n)})
		return id
	}
	qaim := ent(1, app.EntityPlace, "Al-Qaim", app.Alias{Name: "Al Qa’im", ArticleID: fid(2, 3)}, app.Alias{Name: "al-Qaim", ArticleID: fid(2, 4), ClaimID: c9.ID}, app.Alias{Name: "Qaim", ByAnalyst: true})
	abadi := ent(2, app.EntityPerson, "Haider al-Abadi", app.Alias{Name: "Haidar al-Abadi", ArticleID: fid(2, 4)}, app.Alias{Name: "Ḥaydar al-ʿAbādī", ByAnalyst: true})
	husaybah := ent(3, app.EntityPlace, "Husaybah", app.Alias{Name: "Husaibah", ArticleID: fid(2, 5)})
	ent(4, app.EntityOrganisation, "Popular Mobilization Units", app.Alias{Name: "PMU", ArticleID: fid(2, 3)})
	s.Entities[1].Notes = "Prime minister of Iraq, 2014–2018."
	for _, c := range []*app.Claim{c6, c9, c12, c2, c10, c1} {
		c.EntityIDs = append(c.EntityIDs, qaim)
	}
	c7.EntityIDs = []app.ID{abadi, husaybah}
	c13.EntityIDs = []app.ID{abadi, husaybah}

	event := func(n int, title, w string, links ...app.EventClaim) *app.Event {
		e := app.Event{ID: fid(5, n), Title: title, Claims: links, CreatedAt: at(500 + n), UpdatedAt: at(550 + n)}
		if w != "" {
			e.When = *when(t, w)
		}
		s.Events = append(s.Events, e)
		return &s.Events[len(s.Events)-1]
	}
	sup := func(c *app.Claim) app.EventClaim { return app.EventClaim{ClaimID: c.ID, Stance: app.StanceSupports} }
	con := func(c *app.Claim) app.EventClaim { return app.EventClaim{ClaimID: c.ID, Stance: app.StanceContradicts} }
	e0 := event(1, "Iraqi offensive on the Qaim district begins", "2017-10-26", sup(c1), sup(c5))
	e0.Place = "Qaim district, western Anbar"
	event(2, "Iraqi forces retake Al-Qaim", "", sup(c6), sup(c9), sup(c12))
	e2 := event(3, "Fierce battle for the town centre", "2017-11-03?", sup(c15), con(c11))
	e2.Description = "Whether the town was taken in heavy fighting or the militants had already left."
	event(4, "Abadi raises the flag at Husaybah", "2017-11-03/2017-11-06", sup(c13), sup(c7))
	event(5, "Militant strength in the Qaim district", "2017-10", sup(c2), sup(c10))
	event(6, "Militants slip away toward Syria", "", sup(c14))
	return s
}

// sampleData is the sample case ready to write.
func sampleData(t testing.TB) *export.Data {
	t.Helper()
	d, err := export.Prepare(sampleSnapshot(t), export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	d.Case = "Al-Qaim offensive (sample)"
	return d
}
