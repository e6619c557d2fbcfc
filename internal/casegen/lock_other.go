//go:build !unix

package casegen

// lockPath does not lock where there is no flock: two benchmark processes
// may then both generate the case (the second rename wins, harmlessly).
func lockPath(string) (func(), error) { return func() {}, nil }
