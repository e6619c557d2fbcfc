package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered step of the schema. Migration n leaves the
// case at PRAGMA user_version n.
type migration struct {
	version int
	name    string
	sql     string
}

// embeddedMigrations are this build's migrations, read once.
var embeddedMigrations = sync.OnceValues(func() ([]migration, error) { return loadMigrations(migrationFS) })

// loadMigrations reads migrations/NNN_name.sql from fsys and checks that
// they are numbered 1, 2, 3 ... without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	// fs.Glob returns names sorted, and the numbers are zero-padded.
	migs := make([]migration, 0, len(names))
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want number %03d", base, i+1)
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read migration: %w", err)
		}
		migs = append(migs, migration{version: v, name: base, sql: string(text)})
	}
	return migs, nil
}

// migrate brings the case from version to the latest of migs. A case that
// already holds data (version 1 or more) is first copied next to itself
// with VACUUM INTO, so a failed or unwanted upgrade can be undone by hand.
// Each migration runs in its own transaction together with its
// user_version bump: a failure leaves the case at the last good version.
func migrate(ctx context.Context, db *sql.DB, casePath string, version int, migs []migration) error {
	if version >= len(migs) {
		return nil
	}
	var backup string
	if version >= 1 {
		var err error
		if backup, err = backupCase(ctx, db, casePath, version); err != nil {
			return app.WrapError(app.EInternal, err,
				"%s needs an upgrade from case format %d to %d, but no backup copy could be made next to it, so it was not upgraded", casePath, version, len(migs))
		}
	}
	for _, m := range migs[version:] {
		if err := applyMigration(ctx, db, m); err != nil {
			msg := fmt.Sprintf("%s could not be upgraded to case format %d", casePath, m.version)
			if backup != "" {
				msg += "; the case as it was is saved in " + backup
			}
			return app.WrapError(app.EInternal, err, "%s", msg)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	// PRAGMA takes no bound parameters; m.version is an int from our table.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migration %s: set user_version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit migration %s: %w", m.name, err)
	}
	return nil
}

// backupCase copies the case to casePath.vN.bak (N its current format), or,
// when that exists, to a name with the time added; it never overwrites.
func backupCase(ctx context.Context, db *sql.DB, casePath string, version int) (string, error) {
	name := fmt.Sprintf("%s.v%d.bak", casePath, version)
	stamp := time.Now().UTC().Format("20060102T150405Z")
	for i := 1; ; i++ {
		if _, err := os.Lstat(name); os.IsNotExist(err) {
			break
		} else if err != nil {
			return "", fmt.Errorf("check backup name: %w", err)
		}
		if i > 100 {
			return "", fmt.Errorf("no free backup name next to %s", casePath)
		}
		name = fmt.Sprintf("%s.v%d-%s.bak", casePath, version, stamp)
		if i > 1 {
			name = fmt.Sprintf("%s.v%d-%s-%d.bak", casePath, version, stamp, i)
		}
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		return "", fmt.Errorf("vacuum into %s: %w", name, err)
	}
	return name, nil
}
