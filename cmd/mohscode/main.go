// Command mohscode turns a Mohs micrographic surgery operative note into
// the claim lines a coder would submit, and into the documentation findings
// that say what the note is missing.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

// Exit statuses.
const (
	exitOK    = 0 // coded, no error finding
	exitNote  = 1 // parse error or error-severity finding
	exitUsage = 2 // bad flags or arguments
)

const usage = `mohscode codes Mohs micrographic surgery operative notes.

Usage:
  mohscode code  [--format text|json|ndjson|csv|fhir|x12] [--payer commercial|medicare|uhc]
                 [--profile FILE] [--mue FILE] [--ptp FILE] FILE|-
  mohscode check [--format text|json] FILE|-
  mohscode batch [--format ndjson|csv|fhir|x12] [--jobs N] INPUT...
  mohscode serve [--addr 127.0.0.1:8080] [--token-file FILE]
  mohscode audit --claims CLAIMS.csv [--format text|json|csv] [--html FILE] NOTES...
  mohscode rules

Commands:
  code    claim lines (CPT codes, units, modifiers, evidence) and findings
  check   documentation findings only
  batch   many notes (files, directories, NDJSON, FHIR DocumentReference) in parallel
  serve   an HTTP API and a web page for coders, on localhost by default
  audit   billed claims against their notes: differences, audit findings, agreement
  rules   every finding rule with its severity and meaning

Example:
  mohscode code samples/nose-two-stage.txt
  mohscode code --format json --payer medicare samples/two-lesions-medicare.txt

Exit status: 0 coded with no error finding, 1 parse error or error finding, 2 usage error.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "code", "check":
		return codeCommand(args[0], args[1:], stdin, stdout, stderr)
	case "batch":
		return batchCommand(args[1:], stdin, stdout, stderr)
	case "serve":
		return serveCommand(args[1:], stdin, stdout, stderr)
	case "audit":
		return auditCommand(args[1:], stdin, stdout, stderr)
	case "rules":
		return rulesCommand(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "mohscode: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func codeCommand(name string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	formatNames := []string{"text", "json"}
	payer := ""
	profileFile := ""
	var formats formatFlags
	if name == "code" {
		formatNames = append(formatNames, claimfmt.Formats...)
		fs.StringVar(&payer, "payer", "", "payer profile: "+strings.Join(codetable.ProfileNames(), ", ")+" (overrides the note's Payer field)")
		fs.StringVar(&profileFile, "profile", "", "a payer profile JSON file (overrides --payer)")
		formats.register(fs, false)
	}
	format := fs.String("format", "text", "output format: "+strings.Join(formatNames, ", "))
	var tables editFlags
	tables.register(fs)
	limits := registerLimits(fs)
	fs.Usage = func() {
		if name == "code" {
			fmt.Fprintf(stderr, "Usage: mohscode code [flags] FILE|-\n\nCodes one note: claim lines and findings.\n\nExample:\n  mohscode code --format json samples/nose-two-stage.txt\n\nFlags:\n")
		} else {
			fmt.Fprintf(stderr, "Usage: mohscode check [flags] FILE|-\n\nChecks one note's documentation: findings only.\n\nExample:\n  mohscode check samples/nose-two-stage.txt\n\nFlags:\n")
		}
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !slices.Contains(formatNames, *format) {
		fmt.Fprintf(stderr, "mohscode %s: --format must be one of %s, not %q\n", name, strings.Join(formatNames, ", "), *format)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "mohscode %s: give one note file, or - for standard input\n", name)
		fs.Usage()
		return exitUsage
	}
	opt := coding.Options{FindingsOnly: name == "check"}
	profile, err := chooseProfile(payer, profileFile)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode %s: %v\n", name, err)
		return exitUsage
	}
	opt.Profile = profile
	mue, ptp, err := tables.load()
	if err != nil {
		fmt.Fprintf(stderr, "mohscode %s: %v\n", name, err)
		return exitUsage
	}
	source := fs.Arg(0)
	src, err := readNote(source, stdin, limits.NoteBytes)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode %s: %v\n", name, err)
		return exitNote
	}
	claim, err := engine.CodeWithin(source, src, opt, *limits)
	if err == nil {
		engine.ApplyEdits(&claim, mue, ptp)
	}
	if slices.Contains(claimfmt.Formats, *format) {
		return writeClaimFormat(&formats, *format, source, claim, err, stdout, stderr)
	}
	if err != nil {
		if *format == "json" {
			render.JSONError(stdout, source, err)
		}
		fmt.Fprintln(stderr, err)
		return exitNote
	}
	if *format == "json" {
		err = render.JSON(stdout, claim)
	} else {
		err = render.Text(stdout, claim, name == "code")
	}
	if err != nil {
		fmt.Fprintf(stderr, "mohscode %s: %v\n", name, err)
		return exitNote
	}
	if diag.HasError(claim.Findings) {
		return exitNote
	}
	return exitOK
}

// writeClaimFormat writes one note in a claim format (ndjson, csv, fhir,
// x12); fhir and x12 error records go to standard error.
func writeClaimFormat(formats *formatFlags, format, source string, claim coding.Claim, codeErr error, stdout, stderr io.Writer) int {
	sink, closeErrors, err := formats.sink(format, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode code: %v\n", err)
		return exitUsage
	}
	failed, err := writeResult(sink, source, claim, codeErr)
	if err = errors.Join(err, sink.Flush(), closeErrors()); err != nil {
		fmt.Fprintf(stderr, "mohscode code: %v\n", err)
		return exitNote
	}
	if failed || diag.HasError(claim.Findings) {
		return exitNote
	}
	return exitOK
}

// chooseProfile picks the payer profile from the flags; nil lets the note's
// Payer field decide.
func chooseProfile(payer, file string) (*codetable.Profile, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		p, err := codetable.LoadProfile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return &p, nil
	}
	if payer == "" {
		return nil, nil
	}
	p, ok := codetable.BuiltinProfile(strings.ToLower(payer))
	if !ok {
		return nil, fmt.Errorf("--payer must be one of %s, not %q", strings.Join(codetable.ProfileNames(), ", "), payer)
	}
	return &p, nil
}

// registerLimits adds the --max-note-size and --max-line-length flags.
func registerLimits(fs *pflag.FlagSet) *engine.Limits {
	l := engine.DefaultLimits
	fs.IntVar(&l.NoteBytes, "max-note-size", l.NoteBytes, "the largest note, in bytes; a larger one is an error")
	fs.IntVar(&l.LineBytes, "max-line-length", l.LineBytes, "the longest line, in bytes; a longer one is an error")
	return &l
}

// editFlags are the --mue and --ptp flags.
type editFlags struct{ mue, ptp string }

func (e *editFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&e.mue, "mue", "", "CMS practitioner MUE file (CSV or tab-separated) to check units against")
	fs.StringVar(&e.ptp, "ptp", "", "CMS practitioner PTP (NCCI) file to check code pairs against")
}

// load reads the tables named; a table not named is nil.
func (e *editFlags) load() (*edits.MUETable, *edits.PTPTable, error) {
	var mue *edits.MUETable
	var ptp *edits.PTPTable
	if e.mue != "" {
		f, err := os.Open(e.mue)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		if mue, err = edits.LoadMUE(e.mue, f); err != nil {
			return nil, nil, err
		}
	}
	if e.ptp != "" {
		f, err := os.Open(e.ptp)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		if ptp, err = edits.LoadPTP(e.ptp, f); err != nil {
			return nil, nil, err
		}
	}
	return mue, ptp, nil
}

// readNote reads a note, no more than one byte past the size limit (the
// engine then reports the note as too large).
func readNote(source string, stdin io.Reader, limit int) (string, error) {
	r := stdin
	if source != "-" {
		f, err := os.Open(source)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	if limit > 0 {
		r = io.LimitReader(r, int64(limit)+1)
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

func rulesCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "Usage: mohscode rules")
		return exitUsage
	}
	for _, r := range slices.Concat(coding.Rules, audit.Rules) {
		fmt.Fprintf(stdout, "%s (%s)\n%s\n\n", r.ID, r.Severity, wrap(r.Doc, 76, "    "))
	}
	return exitOK
}

// wrap breaks text into indented lines of at most width characters.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		if i == 0 {
			b.WriteString(indent)
			n = len(indent)
		} else if n+1+len(w) > width {
			b.WriteString("\n" + indent)
			n = len(indent)
		} else {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
