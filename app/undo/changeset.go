package undo

import (
	"context"

	"github.com/evidence-workbench/workbench/app"
)

// ApplyChangeSet applies one change set as one action and undoes it with
// another: merging another analyst's case, restoring Workbench JSON. Each
// way is one transaction.
type ApplyChangeSet struct {
	Store   app.ChangeApplier
	Forward *app.ChangeSet
	Back    *app.ChangeSet // what undoes Forward (merge.Inverse)
	Name    string         // the label, e.g. "Merge Case"
}

// Label implements Action.
func (a *ApplyChangeSet) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return "Apply Changes"
}

// Do implements Action.
func (a *ApplyChangeSet) Do(ctx context.Context) error { return a.Store.ApplyChanges(ctx, a.Forward) }

// Undo implements Action.
func (a *ApplyChangeSet) Undo(ctx context.Context) error { return a.Store.ApplyChanges(ctx, a.Back) }
