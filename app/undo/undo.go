// Package undo keeps the analyst's undo and redo history. Every annotation
// action is an Action whose Do and Undo are each one store transaction, so
// a crash between actions loses nothing that was shown as saved, and undo
// replays exactly the inverse change.
package undo

import (
	"context"
	"sync"
)

// Action is one undoable change.
type Action interface {
	// Label names the action for menus: "Undo New Claim".
	Label() string
	// Do applies the change (also used for redo).
	Do(ctx context.Context) error
	// Undo reverts it.
	Undo(ctx context.Context) error
}

// History is a linear undo/redo stack. Safe for concurrent use; callers
// serialise actions themselves (the GUI runs one at a time).
type History struct {
	mu       sync.Mutex
	undo     []Action
	redo     []Action
	limit    int
	OnChange func() // called after every change of the stacks
}

// New returns an empty history keeping at most limit actions (0 = 500).
func New(limit int) *History {
	if limit <= 0 {
		limit = 500
	}
	return &History{limit: limit}
}

// Run does a and, when it succeeds, pushes it on the undo stack and clears
// the redo stack. A failed action leaves the history unchanged.
func (h *History) Run(ctx context.Context, a Action) error {
	if err := a.Do(ctx); err != nil {
		return err
	}
	h.mu.Lock()
	h.undo = append(h.undo, a)
	if len(h.undo) > h.limit {
		h.undo = h.undo[len(h.undo)-h.limit:]
	}
	h.redo = nil
	h.mu.Unlock()
	h.changed()
	return nil
}

// Undo reverts the latest action and returns it (nil when there is nothing
// to undo). When the inverse fails, the action stays on the undo stack.
func (h *History) Undo(ctx context.Context) (Action, error) {
	h.mu.Lock()
	if len(h.undo) == 0 {
		h.mu.Unlock()
		return nil, nil
	}
	a := h.undo[len(h.undo)-1]
	h.mu.Unlock()
	if err := a.Undo(ctx); err != nil {
		return a, err
	}
	h.mu.Lock()
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, a)
	h.mu.Unlock()
	h.changed()
	return a, nil
}

// Redo re-applies the latest undone action and returns it (nil when there
// is nothing to redo).
func (h *History) Redo(ctx context.Context) (Action, error) {
	h.mu.Lock()
	if len(h.redo) == 0 {
		h.mu.Unlock()
		return nil, nil
	}
	a := h.redo[len(h.redo)-1]
	h.mu.Unlock()
	if err := a.Do(ctx); err != nil {
		return a, err
	}
	h.mu.Lock()
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, a)
	h.mu.Unlock()
	h.changed()
	return a, nil
}

// UndoLabel is the label of the action Undo would revert, or "".
func (h *History) UndoLabel() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.undo) == 0 {
		return ""
	}
	return h.undo[len(h.undo)-1].Label()
}

// RedoLabel is the label of the action Redo would re-apply, or "".
func (h *History) RedoLabel() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.redo) == 0 {
		return ""
	}
	return h.redo[len(h.redo)-1].Label()
}

// Clear forgets everything (when another case is opened).
func (h *History) Clear() {
	h.mu.Lock()
	h.undo, h.redo = nil, nil
	h.mu.Unlock()
	h.changed()
}

func (h *History) changed() {
	if h.OnChange != nil {
		h.OnChange()
	}
}
