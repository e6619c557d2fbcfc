package undo

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// GradeSource is the action "Grade Source": a reliability with its reason.
// Undo records the previous grade again, so the history shows both changes:
// a grade's history is never rewritten.
type GradeSource struct {
	Store      app.SourceEditor
	SourceID   app.ID
	Before     app.Reliability
	BeforeNote string
	After      app.Reliability
	Note       string
	By         string
}

// Label implements Action.
func (a *GradeSource) Label() string { return "Grade Source" }

// Do implements Action.
func (a *GradeSource) Do(ctx context.Context) error {
	return a.Store.GradeSource(ctx, a.SourceID, a.After, a.Note, a.By)
}

// Undo implements Action.
func (a *GradeSource) Undo(ctx context.Context) error {
	note := "undo: " + a.BeforeNote
	return a.Store.GradeSource(ctx, a.SourceID, a.Before, note, a.By)
}

// EditSource is the action "Edit Source" (name, kind, homepage, notes, aliases).
type EditSource struct {
	Store  app.SourceEditor
	Before app.Source
	After  app.Source
}

// Label implements Action.
func (a *EditSource) Label() string { return "Edit Source" }

// Do implements Action.
func (a *EditSource) Do(ctx context.Context) error {
	s := a.After
	return a.Store.UpdateSource(ctx, &s)
}

// Undo implements Action.
func (a *EditSource) Undo(ctx context.Context) error {
	s := a.Before
	return a.Store.UpdateSource(ctx, &s)
}

// MergeSources is the action "Merge Sources": everything of Drop moves to
// Keep; undo puts every link, attribution, grade and alias back.
type MergeSources struct {
	Store  app.SourceEditor
	Keep   app.ID
	Drop   app.ID
	record *app.SourceMerge
}

// Label implements Action.
func (a *MergeSources) Label() string { return "Merge Sources" }

// Do implements Action.
func (a *MergeSources) Do(ctx context.Context) error {
	m, err := a.Store.MergeSources(ctx, a.Keep, a.Drop)
	if err != nil {
		return err
	}
	a.record = m
	return nil
}

// Undo implements Action.
func (a *MergeSources) Undo(ctx context.Context) error {
	if a.record == nil {
		return app.Errorf(app.EInternal, "nothing to unmerge")
	}
	return a.Store.UnmergeSources(ctx, a.record)
}

// SetArticleSources is the action "Edit Article Sources": the analyst
// confirms or corrects who published and who originated an article.
type SetArticleSources struct {
	Store     app.SourceEditor
	ArticleID app.ID
	Before    []app.ArticleSource
	After     []app.ArticleSource
}

// Label implements Action.
func (a *SetArticleSources) Label() string { return "Edit Article Sources" }

// Do implements Action.
func (a *SetArticleSources) Do(ctx context.Context) error {
	return a.Store.SetArticleSources(ctx, a.ArticleID, a.After)
}

// Undo implements Action.
func (a *SetArticleSources) Undo(ctx context.Context) error {
	return a.Store.SetArticleSources(ctx, a.ArticleID, a.Before)
}
