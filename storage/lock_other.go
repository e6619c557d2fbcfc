//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package storage

import (
	"errors"
	"os"
)

// errLocked reports that another process (or another Store) holds the lock.
var errLocked = errors.New("case file is locked")

// lockFile does nothing on systems without flock: there, two windows could
// open the same case, and SQLite's own locking is all that keeps them apart.
func lockFile(*os.File) error { return nil }

// unlockFile does nothing on systems without flock.
func unlockFile(*os.File) error { return nil }
