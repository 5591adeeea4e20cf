package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/engine"
)

// flagSet is a command's flags with its help text.
type flagSet struct {
	*pflag.FlagSet
	help string // the help before the flags: usage line, what it does, examples
	e    env
	// checks run after parsing, in order; the first problem one returns
	// is the usage error.
	checks []func() (problem string)
}

// check adds a check of the parsed flags.
func (fs *flagSet) check(c func() (problem string)) { fs.checks = append(fs.checks, c) }

// newFlagSet starts a command's flags; help is shown, with the flags and
// the exit statuses, for -h and --help.
func newFlagSet(e env, name, help string) *flagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors itself
	fs.Usage = func() {}
	fs.SortFlags = false
	return &flagSet{FlagSet: fs, help: help, e: e}
}

// printHelp writes the command's help to w.
func (fs *flagSet) printHelp(w io.Writer) {
	fmt.Fprintf(w, "%s\nFlags:\n%s\n%s", fs.help, fs.FlagUsages(), exitStatusHelp)
}

// parse parses the arguments; done is true when the command should stop
// with code: after -h/--help (the help goes to standard output, status 0)
// or a usage error (the error and a pointer to the help go to standard
// error, status 2).
func (fs *flagSet) parse(args []string) (code int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fs.printHelp(fs.e.stdout)
		return exitOK, true
	}
	if err != nil {
		return fs.usageError("%s", flagError(err)), true
	}
	for _, c := range fs.checks {
		if problem := c(); problem != "" {
			return fs.usageError("%s", problem), true
		}
	}
	return 0, false
}

// usageError reports a usage error and returns exitUsage.
func (fs *flagSet) usageError(format string, args ...any) int {
	fmt.Fprintf(fs.e.stderr, "mohscode %s: %s\nRun 'mohscode help %s' for usage.\n", fs.Name(), fmt.Sprintf(format, args...), fs.Name())
	return exitUsage
}

// fail reports an error that is not a usage error and returns code.
func (fs *flagSet) fail(code int, err error) int {
	fmt.Fprintf(fs.e.stderr, "mohscode %s: %v\n", fs.Name(), err)
	return code
}

// flagError words pflag's errors for people: "--jobs: "x" is not a whole
// number" rather than a Go parse error.
func flagError(err error) string {
	if ive, ok := errors.AsType[*pflag.InvalidValueError](err); ok {
		f := ive.GetFlag()
		what := "a valid value"
		switch f.Value.Type() {
		case "int":
			what = "a whole number"
		case "bool":
			what = "true or false"
		case "duration":
			what = "a duration such as 500ms or 2s"
		}
		return fmt.Sprintf("--%s: %q is not %s", f.Name, ive.GetValue(), what)
	}
	return err.Error()
}

// noArguments makes any argument after the flags a usage error.
func (fs *flagSet) noArguments() {
	fs.check(func() string {
		if fs.NArg() > 0 {
			return fmt.Sprintf("unexpected argument %q", fs.Arg(0))
		}
		return ""
	})
}

// formatFlag adds -f/--format, one of formats, the first the default.
func (fs *flagSet) formatFlag(formats ...string) *string {
	format := fs.StringP("format", "f", formats[0], "output format: "+joinFormats(formats))
	fs.check(func() string {
		if slices.Contains(formats, *format) {
			return ""
		}
		return fmt.Sprintf("--format must be one of %s, not %q", strings.Join(formats, ", "), *format)
	})
	return format
}

// jobsFlag adds -j/--jobs, at least 1.
func (fs *flagSet) jobsFlag() *int {
	jobs := fs.IntP("jobs", "j", runtime.GOMAXPROCS(0), "notes coded at once, at least 1")
	fs.check(func() string { return atLeastOne("jobs", *jobs) })
	return jobs
}

// atLeastOne is the problem of a count flag below 1.
func atLeastOne(flag string, n int) string {
	if n < 1 {
		return fmt.Sprintf("--%s must be at least 1, not %d", flag, n)
	}
	return ""
}

// engineFlags are the flags an Engine is built from.
type engineFlags struct {
	payer, profile string
	mue, ptp       string
	limits         engine.Limits
}

// register adds -p/--payer, --profile, the limits and, with tables, --mue
// and --ptp.
func (f *engineFlags) register(fs *flagSet, tables bool) {
	fs.StringVarP(&f.payer, "payer", "p", "", "payer profile of every note: "+strings.Join(codetable.ProfileNames(), ", ")+" (default: the note's Payer field)")
	fs.StringVar(&f.profile, "profile", "", "a payer profile JSON file (overrides --payer)")
	if tables {
		fs.StringVar(&f.mue, "mue", "", "CMS practitioner MUE file (CSV or tab-separated) to check units against")
		fs.StringVar(&f.ptp, "ptp", "", "CMS practitioner PTP (NCCI) file to check code pairs against")
	}
	fs.IntVar(&f.limits.NoteBytes, "max-note-size", engine.DefaultLimits.NoteBytes, "the largest note, in bytes; a larger one is an error")
	fs.IntVar(&f.limits.LineBytes, "max-line-length", engine.DefaultLimits.LineBytes, "the longest line, in bytes; a longer one is an error")
	fs.check(func() string { return atLeastOne("max-note-size", f.limits.NoteBytes) })
	fs.check(func() string { return atLeastOne("max-line-length", f.limits.LineBytes) })
}

// build builds the engine; a bad payer or an unusable flag file is a
// usage error.
func (f *engineFlags) build(fs *flagSet) (eng *engine.Engine, code int, done bool) {
	opt := engine.Options{Payer: f.payer, ProfileFile: f.profile, Limits: f.limits}
	if f.mue != "" {
		opt.MUE = engine.Table{Path: f.mue}
	}
	if f.ptp != "" {
		opt.PTP = engine.Table{Path: f.ptp}
	}
	eng, err := engine.New(opt)
	if err != nil {
		return nil, fs.usageError("%v", err), true
	}
	return eng, 0, false
}

// outputFlag adds -o/--output.
func (fs *flagSet) outputFlag() *string {
	return fs.StringP("output", "o", "", "write the output to this file instead of standard output")
}

// output opens the output: the file named, else standard output,
// buffered. closeFn flushes it and closes the file.
func output(name string, stdout io.Writer) (w *bufio.Writer, closeFn func() error, err error) {
	if name == "" || name == "-" {
		bw := bufio.NewWriter(stdout)
		return bw, bw.Flush, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	return bw, func() error { return errors.Join(bw.Flush(), f.Close()) }, nil
}
