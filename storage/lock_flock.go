//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package storage

import (
	"errors"
	"os"
	"syscall"
)

// errLocked reports that another process (or another Store) holds the lock.
var errLocked = errors.New("case file is locked")

// lockFile takes an exclusive advisory lock on the case file itself without
// waiting. flock locks belong to the open file, so a second Open in this
// process conflicts too, and the kernel drops the lock if the process dies.
// They are independent of the POSIX record locks SQLite uses inside the
// file.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errLocked
		}
		return &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
}

// unlockFile releases the lock taken by lockFile.
func unlockFile(f *os.File) error {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
		return &os.PathError{Op: "flock", Path: f.Name(), Err: err}
	}
	return nil
}
