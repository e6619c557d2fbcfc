package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// jsonError says where broken JSON is broken.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return app.Errorf(app.EInvalid, "The file is empty")
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end"):
		return app.WrapError(app.EInvalid, err, "The file ends too early: it is truncated")
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return app.WrapError(app.EInvalid, err, "The file is not valid JSON (line %d, column %d): it may be truncated or damaged", line, col)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return app.WrapError(app.EInvalid, err, "The file ends too early: it is truncated")
	case errors.As(err, &typ) && typ.Field == "":
		return app.WrapError(app.EUnsupported, err, "This is not an Evidence Workbench JSON file: it holds a JSON %s, not an object", typ.Value)
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return app.WrapError(app.EInvalid, err, "The field %q holds a %s where the schema wants %s (line %d, column %d)", typ.Field, typ.Value, kindWord(typ.Type), line, col)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return app.WrapError(app.EInvalid, err, "The file has a field Workbench JSON version %d does not know (%s): it was edited by hand or by another program", JSONVersion, strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return app.WrapError(app.EInvalid, err, "The file is not valid Workbench JSON")
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// kindWord names a Go type as the JSON it is read from.
func kindWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}

// sizeText writes a byte count for a reader: "1 GB", "64 MB", "512 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
