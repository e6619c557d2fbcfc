// Package cli is Evidence Workbench's command line: headless subcommands over
// the same case file the GUI uses, each with --json output where it prints.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/sample"
)

// Env is what a command needs from the outside world; main.go fills it.
type Env struct {
	Stdin       io.Reader
	Stdout      io.Writer
	Stderr      io.Writer
	Open        app.CaseOpener
	DefaultCase string // used when --case is not given
	Sample      fs.FS  // the embedded sample case, imported into a new default case
	SampleDir   string
	Version     string
	Font        []byte // a UTF-8 TrueType font for PDF and PNG exports (main.go passes Fyne's NotoSans)
}

// Invocation is the parsed global part of a command line.
type Invocation struct {
	Case    string   // --case FILE, or "" for the default case
	Command string   // "" means: open the GUI
	Args    []string // the command's own arguments
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, c *cmdContext) error
}

var commands []command

func init() {
	commands = []command{
		{"import", "import PATH... [--json]    import files or folders; '-' reads one article from standard input", runImport},
		{"list", "list [--json]              list the case's articles", runList},
		{"show", "show ID [--json] [--text]  one article's metadata (and text, boilerplate in ⟦ ⟧)", runShow},
		{"search", "search TEXT [--json] [--limit N]  full-text search with snippets (accents ignored)", runSearch},
		{"find", "find QUERY [--json] [--limit N]    names in any spelling, claims, articles, sources, events (the palette's ranking)", runFind},
		{"article", "article set ID [--title T] [--published DATE] [--byline B] [--url U] [--json]  correct metadata\n" +
			"  article sources ID [--publisher N] [--origin N] [--translator N] [--confirm] [--json]  confirm or correct who it comes from\n" +
			"  article text ID FILE|-     replace the text (an edited copy); claims are re-anchored, unplaceable ones orphaned", runArticle},
		{"claims", "claims [--article ID] [--orphans] [--json]  list claims in text order", runClaims},
		{"claim", "claim add --article ID --start N --end N [--statement S] [--credibility 1-6] [--attributed NAME]\n" +
			"            [--tags a,b] [--notes N] [--quantity '500 killed'] [--when EDTF] [--entities 'A|B'] [--json]   make a claim (rune offsets)\n" +
			"  claim edit ID [the same flags]   change a claim\n" +
			"  claim rm ID...                   delete claims\n" +
			"  claim show ID [--json]           one claim", runClaim},
		{"dates", "dates ARTICLE [--json]     date expressions in an article, resolved against its publication date\n" +
			"  dates --ref DATE [TEXT | -] [--json]   the same for free text (no case needed)", runDates},
		{"events", "events [--json]            events with corroboration, confidence and conflicts", runEvents},
		{"event", "event add --title T [--when EDTF] [--place P] [--description D] [--claim ID]... [--json]\n" +
			"  event set EVENT [--title T] [--when EDTF] [--place P] [--description D]\n" +
			"  event link EVENT CLAIM [--contradicts]    attach a claim (supports unless --contradicts)\n" +
			"  event unlink EVENT CLAIM | event merge KEEP DROP | event rm EVENT | event show EVENT [--json]", runEvent},
		{"timeline", "timeline [--json]          the whole timeline: events, conflicts, corroboration, dated claims", runTimeline},
		{"export", "export --format FORMAT --out PATH|- [--scope all|events:ID,ID|entity:NAME]   write the case for other tools\n" +
			"  export --list              the formats: json, csv, timelinejs, wa, stix, timesketch, html, markdown, pdf, svg, png ...", runExport},
		{"entities", "entities [--json]          people, places and organisations with their aliases", runEntities},
		{"entity", "entity add NAME --kind person|place|organisation|other [--alias A]...   add an entity\n" +
			"  entity merge KEEP DROP     DROP's names and claims move to KEEP\n" +
			"  entity import FILE.csv     a gazetteer: name,kind,aliases (aliases separated by |); bad rows reported", runEntity},
		{"sources", "sources [--json]           list sources with grade, kind and use", runSources},
		{"source", "source show NAME [--json]        one source with its grade history\n" +
			"  source grade NAME B --note WHY    set a source's reliability (A-F), kept in its history\n" +
			"  source set NAME [--name N] [--kind K] [--homepage U] [--notes T] [--aliases 'a|b']\n" +
			"  source merge KEEP DROP            move everything of DROP into KEEP\n" +
			"  source rm NAME                    delete an unused source\n" +
			"  source import-ratings FILE.csv [--create] [--json]   grade sources from a CSV (name,reliability,note)", runSource},
		{"merge", "merge FILE [--take ours|theirs] [--dry-run] [--json]   merge another analyst's case file or Workbench JSON\n" +
			"                             (new items added, differences listed with both versions; ours kept unless --take theirs)", runMerge},
		{"help", "help                       this text", nil},
		{"version", "version                    print the version", nil},
	}
}

// Parse reads the global flags (--case FILE, --help) that may precede a
// command, and the command name. With no command, the GUI is wanted.
func Parse(args []string) (Invocation, error) {
	var inv Invocation
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--case" || a == "-case":
			if i+1 >= len(args) {
				return inv, usageErr("--case needs a file name")
			}
			inv.Case = args[i+1]
			i++
		case strings.HasPrefix(a, "--case=") || strings.HasPrefix(a, "-case="):
			inv.Case = a[strings.IndexByte(a, '=')+1:]
		case a == "-h" || a == "--help" || a == "-help":
			inv.Command = "help"
			return inv, nil
		case a == "--version" || a == "-version":
			inv.Command = "version"
			return inv, nil
		case strings.HasPrefix(a, "-") && a != "-":
			return inv, usageErr("unknown option %s before the command (try: workbench help)", a)
		default:
			inv.Command = a
			inv.Args = args[i+1:]
			return inv, nil
		}
	}
	return inv, nil
}

// Run executes a parsed command and returns the process exit code. Errors
// are printed to Stderr as one clear sentence.
func Run(ctx context.Context, inv Invocation, env Env) int {
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	c := &cmdContext{env: env, inv: inv}
	switch inv.Command {
	case "help":
		printHelp(env.Stdout)
		return ExitOK
	case "version":
		fmt.Fprintln(env.Stdout, "Evidence Workbench", env.Version)
		return ExitOK
	}
	for _, cmd := range commands {
		if cmd.name == inv.Command && cmd.run != nil {
			err := cmd.run(ctx, c)
			c.close()
			return report(env.Stderr, err)
		}
	}
	fmt.Fprintf(env.Stderr, "workbench: unknown command %q\n\n", inv.Command)
	printHelp(env.Stderr)
	return ExitUsage
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Evidence Workbench: rebuild what happened from reports that disagree.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "usage: workbench [--case FILE]               open the workbench window")
	fmt.Fprintln(w, "       workbench [--case FILE] COMMAND ...   run a command without the window")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintln(w, "  "+c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "--case defaults to the case in your data directory (created with the sample articles on first use).")
	fmt.Fprintln(w, "Flags may stand before or after a command's arguments.")
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errPartial reports that a command did part of its work; its output said what.
var errPartial = errors.New("partial")

func report(w io.Writer, err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errPartial) {
		return ExitError
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintln(w, "workbench:", u.msg)
		fmt.Fprintln(w, "(workbench help lists the commands)")
		return ExitUsage
	}
	fmt.Fprintln(w, "workbench:", app.ErrorMessage(err))
	return ExitError
}

// cmdContext carries one command's environment and its open case.
type cmdContext struct {
	env  Env
	inv  Invocation
	kase app.Case
}

// casePath is the case file this command works on.
func (c *cmdContext) casePath() string {
	if c.inv.Case != "" {
		return c.inv.Case
	}
	return c.env.DefaultCase
}

// open opens the case. A missing default case is created with the sample
// articles; a missing --case file is created only when create is true.
func (c *cmdContext) open(ctx context.Context, create bool) (app.Case, error) {
	if c.kase != nil {
		return c.kase, nil
	}
	path := c.casePath()
	if path == "" {
		return nil, app.Errorf(app.EInvalid, "no case file: pass --case FILE")
	}
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, fs.ErrNotExist)
	seed := isNew && c.inv.Case == "" && c.env.Sample != nil
	if isNew && (create || seed) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, app.WrapError(app.EInvalid, err, "cannot create the folder for %s", path)
		}
	}
	k, err := c.env.Open(path, create || seed)
	if err != nil {
		return nil, err
	}
	c.kase = k
	if seed {
		res, err := sample.Seed(ctx, k, c.env.Sample, c.env.SampleDir)
		for _, r := range res {
			if r.Status == app.ImportFailed {
				fmt.Fprintf(c.env.Stderr, "workbench: sample article %s: %s\n", r.Path, r.Message)
			}
		}
		if err != nil {
			fmt.Fprintf(c.env.Stderr, "workbench: the sample case's annotations: %s\n", app.ErrorMessage(err))
		}
		fmt.Fprintf(c.env.Stderr, "workbench: created %s with the sample case\n", path)
	}
	return k, nil
}

func (c *cmdContext) close() {
	if c.kase != nil {
		_ = c.kase.Close()
		c.kase = nil
	}
}

// flags makes a flag set whose errors are returned, not printed and exited on.
func (c *cmdContext) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.inv.Case, "case", c.inv.Case, "case file")
	return fs
}

// parse parses flags that may be interspersed with positional arguments
// and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErr("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// resolveArticle turns a full id or an unambiguous fragment into an id.
func resolveArticle(ctx context.Context, k app.Case, ref string) (app.ID, error) {
	return k.ResolveArticleID(ctx, ref)
}
