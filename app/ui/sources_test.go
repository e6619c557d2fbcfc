package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/undo"
)

// sourceNamed finds a source in the manager's list.
func sourceNamed(t *testing.T, w *Workbench, name string) (int, app.Source) {
	t.Helper()
	for i, s := range w.sourceMgr.sources {
		if s.Name == name {
			return i, s
		}
	}
	t.Fatalf("no source %q in the manager (%d sources)", name, len(w.sourceMgr.sources))
	return 0, app.Source{}
}

func TestGradingASourceShowsEverywhereAndUndoes(t *testing.T) {
	w, k, _ := openStory(t)
	claimOn(t, w, 19, 31)
	onUI(w, func() { w.inspector.credibility.SetSelectedIndex(2) })
	w.Wait()

	onUI(w, func() { w.sourceMgr.reload("") })
	w.Wait()
	i, lpa := sourceNamed(t, w, "LPA") // the story's origin: claims inherit its grade
	onUI(w, func() { w.sourceMgr.list.Select(i) })
	w.Wait()
	onUI(w, func() { w.sourceMgr.grade.SetSelectedIndex(2) }) // B
	onUI(w, func() { w.sourceMgr.reason.SetText("wire with a long correction record") })
	onUI(w, func() { w.sourceMgr.setGrade() })
	w.Wait()

	if s, _ := k.Source(context.Background(), lpa.ID); s.Reliability != app.ReliabilityB {
		t.Fatalf("stored grade %q", s.Reliability)
	}
	hist, _ := k.SourceHistory(context.Background(), lpa.ID)
	if len(hist) != 1 || hist[0].Note != "wire with a long correction record" || hist[0].By == "" {
		t.Fatalf("history %+v", hist)
	}
	if got := w.library.rows[0].grade; got != app.ReliabilityB {
		t.Errorf("library badge %q, want B (the article's origin)", got)
	}
	if w.inspector.claim == nil || w.inspector.grade.Text != "B2" || !strings.Contains(w.inspector.origin.Text, "Origin: LPA (B – Usually reliable)") {
		t.Errorf("inspector grade %q origin %q", w.inspector.grade.Text, w.inspector.origin.Text)
	}
	if !strings.Contains(w.sourceMgr.history.Text, "B by") {
		t.Errorf("history shown %q", w.sourceMgr.history.Text)
	}
	if got := w.sourceMgr.usageLine.Text; got != "Linked by 1 article; 0 claims attributed to it." {
		t.Errorf("usage shown %q", got)
	}

	onUI(w, func() { w.undo() })
	w.Wait()
	if s, _ := k.Source(context.Background(), lpa.ID); s.Reliability != app.ReliabilityUngraded {
		t.Fatalf("undo grade left %q", s.Reliability)
	}
	if w.inspector.grade.Text != "?2" {
		t.Errorf("after undo the claim reads %q, want ?2", w.inspector.grade.Text)
	}
}

func TestMergeSourcesAndUndo(t *testing.T) {
	w, k, _ := openStory(t)
	onUI(w, func() { w.sourceMgr.reload("") })
	w.Wait()
	_, ledger := sourceNamed(t, w, "Desert Ledger")
	_, lpa := sourceNamed(t, w, "LPA")
	onUI(w, func() { w.sourceMgr.run("merge", &undo.MergeSources{Store: k, Keep: lpa.ID, Drop: ledger.ID}, lpa.ID) })
	w.Wait()
	if len(w.sourceMgr.sources) != 1 || w.sourceMgr.current == nil || w.sourceMgr.current.ID != lpa.ID {
		t.Fatalf("after merge: %d sources, current %v", len(w.sourceMgr.sources), w.sourceMgr.current)
	}
	if !strings.Contains(w.sourceMgr.aliases.Text, "Desert Ledger") {
		t.Errorf("the dropped name should be an alias: %q", w.sourceMgr.aliases.Text)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if len(w.sourceMgr.sources) != 2 {
		t.Fatalf("undo merge: %d sources", len(w.sourceMgr.sources))
	}
	a, _ := k.Article(context.Background(), w.reader.article.ID)
	if app.Chain(a.Sources) != "LPA via Desert Ledger" {
		t.Errorf("chain after undo %q", app.Chain(a.Sources))
	}
}

func TestEditArticleSourcesConfirmsAndUpdatesTheHeader(t *testing.T) {
	w, k, _ := openStory(t)
	a := w.reader.article
	if !strings.Contains(w.reader.meta.Text, "suggested by the import") {
		t.Fatalf("header %q should say the sources are suggestions", w.reader.meta.Text)
	}
	links := []app.ArticleSource{
		{Name: "Desert Ledger", Role: app.RolePublisher, Confirmed: true},
		{Name: "Levant Press Agency", Role: app.RoleOrigin, Confirmed: true},
	}
	act := &undo.SetArticleSources{Store: k, ArticleID: a.ID, Before: a.Sources, After: links}
	onUI(w, func() {
		w.runAction("sources", func(ctx context.Context) error { return w.history.Run(ctx, act) }, nil, func() { w.afterSourcesChanged("") })
	})
	w.Wait()
	if !strings.Contains(w.reader.meta.Text, "Levant Press Agency via Desert Ledger") || strings.Contains(w.reader.meta.Text, "suggested") {
		t.Fatalf("header after confirming: %q", w.reader.meta.Text)
	}
	onUI(w, func() { w.undo() })
	w.Wait()
	if !strings.Contains(w.reader.meta.Text, "LPA via Desert Ledger") {
		t.Fatalf("header after undo: %q", w.reader.meta.Text)
	}
}

func TestSourceUsageLineSaysWhatItCounts(t *testing.T) {
	for _, c := range []struct {
		u    app.SourceUsage
		want string
	}{
		{app.SourceUsage{Articles: 1}, "1 article"},
		{app.SourceUsage{Articles: 12}, "12 articles"},
		{app.SourceUsage{Articles: 2, Claims: 1}, "2 articles · 1 claim attributed"},
		{app.SourceUsage{Claims: 3}, "0 articles · 3 claims attributed"},
	} {
		if got := usageLine(c.u); got != c.want {
			t.Errorf("usageLine(%+v) = %q, want %q", c.u, got, c.want)
		}
	}
}
