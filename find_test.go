package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCLIFindRanksVariantSpellings(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // the default case, seeded with the sample
	code, out, errs := runCLI(t, "", "find", "husaibah", "--json")
	if code != 0 {
		t.Fatalf("find: %d %s", code, errs)
	}
	var res []map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) == 0 {
		t.Fatalf("find --json: %v %s", err, out)
	}
	top := res[0]
	if top["kind"] != "article" || top["text"] != "Abadi Raises Flag at Husaibah After Qaim Falls" {
		t.Fatalf("best match %v", top)
	}
	if code, out, _ := runCLI(t, "", "find", "husaybah"); code != 0 || !strings.Contains(out, "Husaibah") {
		t.Fatalf("another spelling: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "find"); code != 2 {
		t.Errorf("find without a query: exit %d, want 2", code)
	}
}
