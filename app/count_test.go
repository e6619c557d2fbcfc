package app

import "testing"

func TestCountPicksTheNounForTheNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 origins"}, {1, "1 origin"}, {2, "2 origins"}, {-1, "-1 origins"}, {1000, "1000 origins"}} {
		if got := Count(c.n, "origin", "origins"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
