package mock

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/evidence-workbench/workbench/app"
)

var _ app.NameDismisser = (*Case)(nil)

// dismissals holds each mock case's dismissed names, beside the case so
// the Case struct stays as the other fakes share it.
var dismissals sync.Map // *Case -> map[string]string (key -> name)

func (c *Case) dismissed() map[string]string {
	m, _ := dismissals.LoadOrStore(c, map[string]string{})
	return m.(map[string]string)
}

// DismissedNames implements app.NameDismisser.
func (c *Case) DismissedNames(context.Context) ([]app.DismissedName, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []app.DismissedName
	for k, n := range c.dismissed() {
		out = append(out, app.DismissedName{Key: k, Name: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name); a != b {
			return a < b
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// DismissName implements app.NameDismisser.
func (c *Case) DismissName(_ context.Context, d app.DismissedName) error {
	if strings.TrimSpace(d.Key) == "" {
		return app.Errorf(app.EInvalid, "There is no name to dismiss.")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dismissed()[d.Key] = d.Name
	return nil
}

// UndismissName implements app.NameDismisser.
func (c *Case) UndismissName(_ context.Context, key string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.dismissed(), key)
	return nil
}
