package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIEntities(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	if code, _, errs := runCLI(t, "", "--case", kase, "import", writeFile(t, dir, "a.txt", wireStory)); code != 0 {
		t.Fatal(errs)
	}
	gaz := writeFile(t, dir, "gazetteer.csv", "name,kind,aliases\nal-Qaim,place,Al Qa'im|Qaim\nHusaybah,place,Husaibah|Hasiba\nRawa,town,\n,place,\nHaider al-Abadi,person,Haidar Al Abadi|Qaim\n")
	code, out, _ := runCLI(t, "", "--case", kase, "entity", "import", gaz, "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if code != 1 || len(rep["added"].([]any)) != 2 || len(rep["problems"].([]any)) != 2 {
		t.Fatalf("gazetteer: exit %d report %v (a bad kind and an alias another entity holds are reported)", code, rep)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "entity", "add", "Ḥusaybah crossing", "--kind", "place", "--alias", "Husaybah border crossing"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := runCLI(t, "", "--case", kase, "entity", "merge", "Husaybah", "Husaybah border crossing"); code != 0 || !strings.Contains(out, "merged") {
		t.Fatalf("merge by alias: %d %s %s", code, out, errs)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "entities")
	if !strings.Contains(out, "Ḥusaybah crossing") || !strings.Contains(out, "Husaibah") || strings.Count(out, "place") != 2 {
		t.Fatalf("entities:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "find", "qaem")
	if !strings.Contains(out, "entity") || !strings.Contains(out, "Qaim") {
		t.Errorf("find should rank the entity for a variant spelling:\n%s", out)
	}
}

func TestCLIClaimEntities(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	_, out, _ := runCLI(t, "", "--case", kase, "import", writeFile(t, dir, "a.txt", wireStory), "--json")
	var imp []map[string]any
	if err := json.Unmarshal([]byte(out), &imp); err != nil || len(imp) != 1 {
		t.Fatalf("import: %v %s", err, out)
	}
	art := imp[0]["id"].(string)
	for _, args := range [][]string{{"Al-Qaim", "--kind", "place", "--alias", "Qaim"}, {"Haider al-Abadi", "--kind", "person"}} {
		if code, _, errs := runCLI(t, "", append([]string{"--case", kase, "entity", "add"}, args...)...); code != 0 {
			t.Fatal(errs)
		}
	}
	code, out, errs := runCLI(t, "", "--case", kase, "claim", "add", "--article", art, "--start", "0", "--end", "10", "--entities", "qaim | Haider al-Abadi", "--json")
	if code != 0 {
		t.Fatalf("claim add --entities: %d %s %s", code, out, errs)
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	ents, _ := c["entities"].([]any)
	if len(ents) != 2 {
		t.Fatalf("claim links %v, want both entities (found by alias and by name)", c["entities"])
	}
	id := c["id"].(string)
	if code, _, errs := runCLI(t, "", "--case", kase, "claim", "edit", id, "--entities", "Nowhere"); code == 0 || !strings.Contains(errs, "Nowhere") {
		t.Fatalf("an unknown entity must be refused by name: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "claim", "edit", id, "--entities", ""); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "claim", "show", id, "--json")
	if strings.Contains(out, `"entities": [`) && !strings.Contains(out, `"entities": []`) {
		t.Fatalf("--entities '' should clear the links: %s", out)
	}
}
