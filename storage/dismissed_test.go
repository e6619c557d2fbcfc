package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
	"github.com/evidence-workbench/workbench/storage"
)

// dismissScript runs the same dismissals on a store and reports what each
// step left listed.
func dismissScript(t *testing.T, d app.NameDismisser) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	list := func(step string, err error) {
		got, lerr := d.DismissedNames(ctx)
		if lerr != nil {
			t.Fatalf("%s: list: %v", step, lerr)
		}
		out = append(out, fmt.Sprintf("%s err=%s %v", step, app.ErrorCode(err), got))
	}
	list("dismiss kam", d.DismissName(ctx, app.DismissedName{Key: "kam", Name: "Al-Qaim"}))
	list("dismiss twice, new spelling", d.DismissName(ctx, app.DismissedName{Key: "kam", Name: "Qaim"}))
	list("dismiss another", d.DismissName(ctx, app.DismissedName{Key: "brtla", Name: "Bartella"}))
	list("dismiss empty key", d.DismissName(ctx, app.DismissedName{Key: " ", Name: "x"}))
	list("undismiss", d.UndismissName(ctx, "kam"))
	list("undismiss unknown", d.UndismissName(ctx, "nothing"))
	return out
}

func TestDismissedNamesParityAndPersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.ewcase")
	s, err := storage.Open(path, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	real := dismissScript(t, s)
	fake := dismissScript(t, mock.NewCase("m"))
	if !reflect.DeepEqual(real, fake) {
		t.Fatalf("storage and mock differ:\nstorage %q\nmock    %q", real, fake)
	}
	if real[3] == real[2] || app.ErrorCode(s.DismissName(context.Background(), app.DismissedName{})) != app.EInvalid {
		t.Errorf("an empty key must be refused as invalid: %q", real[3])
	}
	s.Close()
	s, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.DismissedNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []app.DismissedName{{Key: "brtla", Name: "Bartella"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening: %v, want %v", got, want)
	}
}
