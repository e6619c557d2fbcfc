package undo

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// CreateClaim is the action "New Claim". Undo deletes the claim; redo
// restores it with the same id.
type CreateClaim struct {
	Store app.ClaimStore
	Claim app.Claim // filled in (ID, times) by the first Do
}

// Label implements Action.
func (a *CreateClaim) Label() string { return "New Claim" }

// Do implements Action.
func (a *CreateClaim) Do(ctx context.Context) error {
	c := a.Claim
	if err := a.Store.CreateClaim(ctx, &c); err != nil {
		return err
	}
	a.Claim = c
	return nil
}

// Undo implements Action.
func (a *CreateClaim) Undo(ctx context.Context) error { return a.Store.DeleteClaim(ctx, a.Claim.ID) }

// EditClaim is the action "Edit Claim": Before and After are whole claims.
type EditClaim struct {
	Store  app.ClaimStore
	Before app.Claim
	After  app.Claim
	What   string // e.g. "Credibility"; "" for a general edit
}

// Label implements Action.
func (a *EditClaim) Label() string {
	if a.What != "" {
		return "Edit " + a.What
	}
	return "Edit Claim"
}

// Do implements Action.
func (a *EditClaim) Do(ctx context.Context) error {
	c := a.After
	if err := a.Store.UpdateClaim(ctx, &c); err != nil {
		return err
	}
	a.After = c
	return nil
}

// Undo implements Action.
func (a *EditClaim) Undo(ctx context.Context) error {
	c := a.Before
	return a.Store.UpdateClaim(ctx, &c)
}

// DeleteClaim is the action "Delete Claim"; undo restores the claim whole.
type DeleteClaim struct {
	Store app.ClaimStore
	Claim app.Claim
}

// Label implements Action.
func (a *DeleteClaim) Label() string { return "Delete Claim" }

// Do implements Action.
func (a *DeleteClaim) Do(ctx context.Context) error { return a.Store.DeleteClaim(ctx, a.Claim.ID) }

// Undo implements Action.
func (a *DeleteClaim) Undo(ctx context.Context) error {
	c := a.Claim
	return a.Store.CreateClaim(ctx, &c)
}

// TextState is an article's text with its excluded ranges and its claims'
// anchors: everything a text change touches.
type TextState struct {
	Text     string
	Excluded []app.Excluded
	Claims   []app.Claim
}

// ReplaceText is the action "Edit Text" (or a re-import of an edited file):
// the text changes and every claim is re-anchored, in one transaction; undo
// puts back the old text and the old anchors.
type ReplaceText struct {
	Store     app.ClaimStore
	ArticleID app.ID
	Before    TextState
	After     TextState
	Name      string // label; "" means "Edit Text"
}

// Label implements Action.
func (a *ReplaceText) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return "Edit Text"
}

// Do implements Action.
func (a *ReplaceText) Do(ctx context.Context) error {
	return a.Store.ReplaceArticleText(ctx, a.ArticleID, a.After.Text, a.After.Excluded, a.After.Claims)
}

// Undo implements Action.
func (a *ReplaceText) Undo(ctx context.Context) error {
	return a.Store.ReplaceArticleText(ctx, a.ArticleID, a.Before.Text, a.Before.Excluded, a.Before.Claims)
}
