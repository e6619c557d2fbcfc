package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// minFragment is the shortest id fragment the Resolve methods accept.
const minFragment = 4

// isIDFragment reports whether f (lower case) can be part of an id: at
// least minFragment characters of 0-9, a-f and hyphens.
func isIDFragment(f string) bool {
	return len(f) >= minFragment && strings.Trim(f, "0123456789abcdef-") == ""
}

// countIDFragment counts the rows of table whose id begins or ends with f
// (ID.Short prints the last eight characters), and returns the id when
// exactly one fits. table is one of this package's table names, never input.
func countIDFragment(ctx context.Context, tx *sql.Tx, table, f string) (int, app.ID, error) {
	var n int
	var id sql.NullString
	err := tx.QueryRowContext(ctx, "SELECT count(*), min(id) FROM "+table+
		" WHERE substr(id, 1, ?) = ? OR substr(id, -?) = ?", len(f), f, len(f), f).Scan(&n, &id)
	if err != nil {
		return 0, "", fmt.Errorf("resolve %s id: %w", table, err)
	}
	return n, app.ID(id.String), nil
}
