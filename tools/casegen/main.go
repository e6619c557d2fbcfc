// Command casegen makes a large generated case file for the scale
// benchmarks and for trying the workbench on a big case:
//
//	go run -tags sqlite_fts5 ./tools/casegen -out big.ewcase          # 10,000 articles, 100,000 claims, ...
//	go run -tags sqlite_fts5 ./tools/casegen -out small.ewcase -scale 0.01
//	go run -tags sqlite_fts5 ./tools/casegen -cache                   # make (or find) the benchmarks' cached case
//
// The same seed always gives the same texts, names and links.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/evidence-workbench/workbench/internal/casegen"
	"github.com/evidence-workbench/workbench/storage"
)

func main() {
	out := flag.String("out", "", "write a new case to this file (it must not exist)")
	cache := flag.Bool("cache", false, "make the scale benchmarks' cached case if it is missing, and print its path")
	scale := flag.Float64("scale", 1, "size relative to the issue's case (10,000 articles, 100,000 claims, 20,000 entities, 10,000 events)")
	seed := flag.Uint64("seed", casegen.Scale.Seed, "random seed")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *out, *cache, *scale, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "casegen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out string, cache bool, scale float64, seed uint64) error {
	spec := casegen.Scale
	spec.Seed = seed
	if scale <= 0 || scale > 10 {
		return fmt.Errorf("-scale must be above 0 and at most 10")
	}
	spec.Articles = max(1, int(float64(spec.Articles)*scale))
	spec.Entities = int(float64(spec.Entities) * scale)
	spec.Events = int(float64(spec.Events) * scale)
	switch {
	case cache:
		p, err := casegen.Cached(ctx, spec, storage.OpenCase, func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) })
		if err != nil {
			return err
		}
		fmt.Println(p)
		return nil
	case out == "":
		return fmt.Errorf("say where: -out FILE, or -cache")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; choose a new file name", out)
	}
	k, err := storage.Open(out, storage.Options{Create: true})
	if err != nil {
		return err
	}
	st, err := casegen.Generate(ctx, k, spec, func(stage string, done, total int) {
		fmt.Fprintf(os.Stderr, "\r%-9s %d/%d   ", stage, done, total)
	})
	fmt.Fprintln(os.Stderr)
	if cerr := k.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Println(out+":", st)
	return nil
}
