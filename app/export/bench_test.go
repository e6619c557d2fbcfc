package export_test

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// bigSnapshot is a case of 10,000 events with 50,000 claims (five per
// event, one of them contradicting) over 2,000 articles from 50 sources.
func bigSnapshot(b *testing.B) *app.Snapshot {
	b.Helper()
	s := &app.Snapshot{}
	for i := 0; i < 50; i++ {
		s.Sources = append(s.Sources, app.Source{ID: fid(1, i), Name: fmt.Sprintf("Outlet %d", i), Kind: app.KindOutlet,
			Reliability: app.Reliabilities[i%6], CreatedAt: at(i), UpdatedAt: at(i)})
		s.History = append(s.History, app.GradeChange{SourceID: fid(1, i), Reliability: app.Reliabilities[i%6], By: "a", At: at(i)})
	}
	para := strings.Repeat("Iraqi forces took back the town of Al Qa’im from ISIS earlier today, the channel reported. ", 20)
	for i := 0; i < 2000; i++ {
		text := fmt.Sprintf("Report %d\n\n%s", i, para)
		a := app.Article{ID: fid(2, i), Text: text, TextHash: app.TextHash(text), Format: app.FormatText, ImportedAt: at(i), UpdatedAt: at(i),
			Sources: []app.ArticleSource{{SourceID: fid(1, i%50), Name: fmt.Sprintf("Outlet %d", i%50), Role: app.RolePublisher}}}
		a.Title = fmt.Sprintf("Report %d", i)
		s.Articles = append(s.Articles, a)
	}
	day := app.Date{Year: 2017, Month: time.January, Day: 1}
	for e := 0; e < 10000; e++ {
		ev := app.Event{ID: fid(5, e), Title: fmt.Sprintf("Event %d", e), CreatedAt: at(e), UpdatedAt: at(e)}
		if e%10 != 0 {
			ev.When = app.DayWhen(day.AddDays(e % 1500))
		}
		for k := 0; k < 5; k++ {
			n := e*5 + k
			art := s.Articles[n%2000]
			start := 10 + (n%20)*5
			anc, err := app.NewAnchor(art.Text, app.Span{Start: start, End: start + 40})
			if err != nil {
				b.Fatal(err)
			}
			c := app.Claim{ID: fid(3, n), ArticleID: art.ID, Anchor: anc, Statement: fmt.Sprintf("Claim %d about event %d", n, e),
				Credibility: app.Credibility(1 + n%6), CreatedAt: at(n), UpdatedAt: at(n), CreatedBy: "a"}
			w := app.DayWhen(day.AddDays(e%1500 + k%2))
			c.When = &w
			s.Claims = append(s.Claims, c)
			stance := app.StanceSupports
			if k == 4 {
				stance = app.StanceContradicts
			}
			ev.Claims = append(ev.Claims, app.EventClaim{ClaimID: c.ID, Stance: stance})
		}
		s.Events = append(s.Events, ev)
	}
	return s
}

func benchWrite(b *testing.B, write func(io.Writer, *export.Data) error) {
	d, err := export.Prepare(bigSnapshot(b), export.Scope{}, fixtureNow)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n countWriter
	for i := 0; i < b.N; i++ {
		if err := write(&n, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N)/1e6, "MB/op")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// BenchmarkExportJSON: 10,000 events and 50,000 claims to Workbench JSON
// (target: at most 1 s).
func BenchmarkExportJSON(b *testing.B) { benchWrite(b, export.WriteJSON) }

// BenchmarkExportTimelineJS: the same to TimelineJS (target: at most 1 s).
func BenchmarkExportTimelineJS(b *testing.B) { benchWrite(b, export.WriteTimelineJS) }

// BenchmarkPrepare: building the model from the snapshot.
func BenchmarkPrepare(b *testing.B) {
	s := bigSnapshot(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := export.Prepare(s, export.Scope{}, fixtureNow); err != nil {
			b.Fatal(err)
		}
	}
}
