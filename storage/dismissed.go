package storage

import (
	"context"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.NameDismisser = (*Store)(nil)

// DismissedNames implements app.NameDismisser.
func (s *Store) DismissedNames(ctx context.Context) ([]app.DismissedName, error) {
	rows, err := s.rdb.QueryContext(ctx, "SELECT name_key, name FROM dismissed_names ORDER BY name COLLATE NOCASE, name_key")
	if err != nil {
		return nil, fmt.Errorf("list dismissed names: %w", err)
	}
	defer rows.Close()
	var out []app.DismissedName
	for rows.Next() {
		var d app.DismissedName
		if err := rows.Scan(&d.Key, &d.Name); err != nil {
			return nil, fmt.Errorf("read dismissed name: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list dismissed names: %w", err)
	}
	return out, nil
}

// DismissName implements app.NameDismisser.
func (s *Store) DismissName(ctx context.Context, d app.DismissedName) error {
	if strings.TrimSpace(d.Key) == "" {
		return app.Errorf(app.EInvalid, "There is no name to dismiss.")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO dismissed_names (name_key, name, dismissed_at) VALUES (?, ?, ?)
		ON CONFLICT (name_key) DO UPDATE SET name = excluded.name`, d.Key, d.Name, formatTime(now())); err != nil {
		return fmt.Errorf("dismiss name: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit dismissal: %w", err)
	}
	return nil
}

// UndismissName implements app.NameDismisser.
func (s *Store) UndismissName(ctx context.Context, key string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM dismissed_names WHERE name_key = ?", key); err != nil {
		return fmt.Errorf("undismiss name: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
