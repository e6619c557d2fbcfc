package ingest_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

func TestParseRatings(t *testing.T) {
	csvText := "\ufeffNote,Name,Reliability\n" +
		"wire service; long record,LPA,B\n" +
		",Desert Ledger,C - Fairly reliable\n" +
		"no name here,,A\n" +
		"bad grade,Borderless Dispatch,G\n" +
		"\n" +
		"again,lpa,A\n" +
		"\"unclosed,Two Rivers Daily,B\n"
	rows, problems, err := ingest.ParseRatings(strings.NewReader(csvText))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Name != "LPA" || rows[0].Reliability != app.ReliabilityB || rows[0].Note != "wire service; long record" ||
		rows[1].Reliability != app.ReliabilityC {
		t.Fatalf("rows %+v", rows)
	}
	want := []string{"no source name", `"G" is not a reliability A-F`, "rated twice (first on line 2)", "not valid CSV"}
	if len(problems) != len(want) {
		t.Fatalf("problems %+v", problems)
	}
	for i, w := range want {
		if !strings.Contains(problems[i].Problem, w) {
			t.Errorf("problem %d = %+v, want it to say %q", i, problems[i], w)
		}
		if problems[i].Line == 0 {
			t.Errorf("problem %d has no line number", i)
		}
	}
}

func TestParseRatingsRefusesFilesWithoutTheColumns(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"no header":  "LPA,B\n",
		"wrong cols": "outlet,grade\nLPA,B\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := ingest.ParseRatings(strings.NewReader(in)); app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("err %v, want a clear invalid-file error", err)
			}
		})
	}
}
