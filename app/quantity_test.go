package app_test

import (
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

func TestParseQuantity(t *testing.T) {
	good := map[string]app.Quantity{
		"500 killed":         {Value: 500, Unit: "killed"},
		"40,000 troops":      {Value: 40000, Unit: "troops"},
		" 1.5 km ":           {Value: 1.5, Unit: "km"},
		"85%":                {Value: 85, Unit: "percent"},
		"85 percent":         {Value: 85, Unit: "percent"},
		"4.4 million people": {Value: 4.4, Unit: "million people"},
	}
	for in, want := range good {
		t.Run(in, func(t *testing.T) {
			got, err := app.ParseQuantity(in)
			if err != nil || got == nil || *got != want {
				t.Fatalf("got %+v, %v; want %+v", got, err, want)
			}
		})
	}
	for _, in := range []string{"killed", "500", "1.2.3 km", "lots of troops"} {
		t.Run("bad "+in, func(t *testing.T) {
			if q, err := app.ParseQuantity(in); err == nil || app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("ParseQuantity(%q) = %+v, %v; want an invalid error", in, q, err)
			}
		})
	}
	if q, err := app.ParseQuantity("  "); q != nil || err != nil {
		t.Fatalf("empty: %v %v", q, err)
	}
}

func TestQuantityStringRoundTrips(t *testing.T) {
	for _, in := range []string{"40,000 troops", "1.5 km", "500 killed", "1,234,567 people", "-3 degrees"} {
		q, err := app.ParseQuantity(in)
		if err != nil {
			t.Fatal(err)
		}
		if q.String() != in {
			t.Errorf("%q -> %q", in, q.String())
		}
	}
}

func TestParseTags(t *testing.T) {
	got := app.ParseTags(" casualties, Qaim ;casualties,  border  crossing ,")
	want := []string{"casualties", "Qaim", "border crossing"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q want %q", got, want)
	}
}
