package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

const codeHelp = `Usage: mohscode code [flags] FILE|-

Codes one note: claim lines with their evidence and reasons, diagnoses and
findings. FILE - reads the note from standard input.

Examples:
  mohscode code samples/nose-two-stage.txt
  mohscode code -f json -p medicare samples/two-lesions-medicare.txt
  mohscode code -f x12 --fees fees.csv -o claim.x12 note.txt
  mohscode code -f fhir --strict --patient-ref Patient/1 --provider-ref Practitioner/2 \
      --coverage-ref Coverage/3 note.txt
`

const checkHelp = `Usage: mohscode check [flags] FILE|-

Checks one note's documentation: the findings only, one a line as
FILE:LINE: RULE: MESSAGE (or as JSON), without claim lines.

Example:
  mohscode check samples/documentation-gaps.txt
`

func codeCommand(e env, args []string) int {
	fs := newFlagSet(e, "code", codeHelp)
	format := fs.formatFlag(append([]string{"text", "json"}, claimfmt.Formats...)...)
	out := fs.outputFlag()
	var ef engineFlags
	ef.register(fs, true)
	var cf formatFlags
	cf.register(fs, format, false)
	if code, done := fs.parse(args); done {
		return code
	}
	return codeNote(fs, &ef, *format, *out, &cf, false)
}

func checkCommand(e env, args []string) int {
	fs := newFlagSet(e, "check", checkHelp)
	format := fs.formatFlag("text", "json")
	out := fs.outputFlag()
	var ef engineFlags
	ef.register(fs, false) // no lines, so nothing for the CMS tables to check
	if code, done := fs.parse(args); done {
		return code
	}
	return codeNote(fs, &ef, *format, *out, nil, true)
}

// codeNote codes the one note named by the arguments and writes it.
func codeNote(fs *flagSet, ef *engineFlags, format, outName string, cf *formatFlags, findingsOnly bool) int {
	if fs.NArg() != 1 {
		return fs.usageError("give one note file, or - for standard input")
	}
	eng, code, done := ef.build(fs)
	if done {
		return code
	}
	source := fs.Arg(0)
	src, err := readNote(source, fs.e.stdin, eng.Limits().NoteBytes)
	if err != nil {
		return fs.fail(exitInput, err)
	}
	_, claim, codeErr := eng.Analyze(engine.Request{Name: source, Text: src, FindingsOnly: findingsOnly})
	w, closeOut, err := output(outName, fs.e.stdout)
	if err != nil {
		return fs.fail(exitUsage, err)
	}
	failed, err := writeClaim(fs, w, cf, format, source, claim, codeErr)
	if err = errors.Join(err, closeOut()); err != nil {
		return fs.fail(exitNote, err)
	}
	if codeErr != nil {
		fmt.Fprintln(fs.e.stderr, codeErr)
	}
	if failed || codeErr != nil || diag.List(claim.Findings).HasError() {
		return exitNote
	}
	return exitOK
}

// writeClaim writes one note's claim, or its error record, in format;
// failed is set when a claim format refused the claim.
func writeClaim(fs *flagSet, w io.Writer, cf *formatFlags, format, source string, claim coding.Claim, codeErr error) (failed bool, err error) {
	switch {
	case slices.Contains(claimfmt.Formats, format):
		sink, closeErrors, err := cf.sink(format, w, fs.e.stderr)
		if err != nil {
			return false, err
		}
		failed, err := writeResult(sink, batch.Result{ID: source, Claim: claim, Err: codeErr})
		if !failed && format == "fhir" {
			var missing missingRefs
			missing.add(cf.refs)
			missing.warn(fs, cf.strict)
			failed = cf.strict && missing.claims > 0
		}
		return failed, errors.Join(err, sink.Flush(), closeErrors())
	case format == "json" && codeErr != nil:
		return false, render.JSONError(w, source, codeErr)
	case codeErr != nil:
		return false, nil
	case format == "json":
		return false, render.JSON(w, claim)
	case fs.Name() == "check":
		return false, writeFindings(w, claim)
	}
	return false, render.Text(w, claim, true)
}

// writeFindings writes each finding on a line as FILE:LINE: RULE: MESSAGE.
func writeFindings(w io.Writer, c coding.Claim) error {
	for _, f := range c.Findings {
		if _, err := fmt.Fprintln(w, position(c.Source, f)); err != nil {
			return err
		}
	}
	return nil
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
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	return string(b), err
}
