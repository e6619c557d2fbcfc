package app

import "strconv"

// Count writes n followed by the noun: one for exactly 1, many otherwise,
// so that text shown to people reads "1 origin" and "3 origins", never
// "origin(s)".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
