//go:build !sqlite_fts5

package storage

// A build without the sqlite_fts5 tag links an SQLite that has no FTS5, and
// every case file would fail to open. Stop the build here with a name that
// says what to do: build through make, or pass -tags sqlite_fts5.
var _ = buildWithTag_sqlite_fts5_see_Makefile
