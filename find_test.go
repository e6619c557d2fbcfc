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
	// The sample case knows Husaybah as an entity with the alias Husaibah:
	// the entity ranks first, the article whose title has the word follows.
	top := res[0]
	if top["kind"] != "entity" || top["parent"] != "Husaybah" {
		t.Fatalf("best match %v, want the entity Husaybah", top)
	}
	article := false
	for _, r := range res {
		article = article || (r["kind"] == "article" && r["text"] == "Abadi Raises Flag at Husaibah After Qaim Falls")
	}
	if !article {
		t.Errorf("the article with Husaibah in its title should be found too: %v", res)
	}
	if code, out, _ := runCLI(t, "", "find", "husaybah"); code != 0 || !strings.Contains(out, "Husaibah") {
		t.Fatalf("another spelling: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "find"); code != 2 {
		t.Errorf("find without a query: exit %d, want 2", code)
	}
}
