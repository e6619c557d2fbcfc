package app

import (
	"context"
	"fmt"
)

// Snapshot is a whole case, or a scoped part of one, as plain values: what
// the exporters write, what the Workbench JSON reader returns, and what a
// merge compares. Slices are in the store's listing order.
type Snapshot struct {
	Sources  []Source
	History  []GradeChange // every source's grade changes, oldest first per source
	Articles []Article     // full articles, text included
	Claims   []Claim
	Entities []Entity
	Events   []Event
}

// SnapshotDeletes names what a ChangeSet removes, by id.
type SnapshotDeletes struct {
	Sources  []ID
	Articles []ID
	Claims   []ID
	Entities []ID
	Events   []ID
	History  []GradeChange // grade-history rows removed (matched on source, time, grade, note and by)
}

// ChangeSet is a batch of writes applied in ONE transaction: a restore from
// Workbench JSON, a merge of another analyst's case, and the undo of either.
// Put creates each item or replaces the item with the same id, keeping ids
// and timestamps exactly as given (an article's text, excluded ranges and
// source links included; an event's links included). History rows in Put are
// added unless an identical row exists. Deletions run FIRST, then the puts,
// so a change set may delete one item and hand its unique names to another
// (undoing an entity split puts the aliases back on the old entity while the
// new one is deleted). Aliases may move between entities put in the same
// change set.
type ChangeSet struct {
	Put    Snapshot
	Delete SnapshotDeletes
}

// Empty reports whether the change set changes nothing.
func (c *ChangeSet) Empty() bool {
	p, d := &c.Put, &c.Delete
	return len(p.Sources)+len(p.History)+len(p.Articles)+len(p.Claims)+len(p.Entities)+len(p.Events)+
		len(d.Sources)+len(d.Articles)+len(d.Claims)+len(d.Entities)+len(d.Events)+len(d.History) == 0
}

// ChangeApplier applies a ChangeSet in one transaction: all of it, or
// nothing when any part is refused.
type ChangeApplier interface {
	ApplyChanges(ctx context.Context, cs *ChangeSet) error
}

// snapshotReader is what LoadSnapshot needs from a case.
type snapshotReader interface {
	ArticleStore
	SourceStore
	SourceEditor
	ClaimStore
	EventStore
	EntityStore
}

// LoadSnapshot reads the whole case through its ordinary methods.
func LoadSnapshot(ctx context.Context, c snapshotReader) (*Snapshot, error) {
	var s Snapshot
	var err error
	if s.Sources, err = c.Sources(ctx); err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	for _, src := range s.Sources {
		h, err := c.SourceHistory(ctx, src.ID)
		if err != nil {
			return nil, fmt.Errorf("read grade history of %s: %w", src.Name, err)
		}
		s.History = append(s.History, h...)
	}
	sums, err := c.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	s.Articles = make([]Article, 0, len(sums))
	for _, sum := range sums {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := c.Article(ctx, sum.ID)
		if err != nil {
			return nil, fmt.Errorf("read article %s: %w", sum.ID.Short(), err)
		}
		s.Articles = append(s.Articles, *a)
	}
	if s.Claims, err = c.Claims(ctx, ClaimFilter{}); err != nil {
		return nil, fmt.Errorf("read claims: %w", err)
	}
	if s.Entities, err = c.Entities(ctx); err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	if s.Events, err = c.Events(ctx); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return &s, nil
}
