package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
)

const batchUsage = `Usage: mohscode batch [flags] INPUT...

Codes many notes: each INPUT is a note file, a directory (every *.txt in it,
recursively), - for standard input, an NDJSON file of {"id","text","payer"}
records, or a FHIR Bulk Data NDJSON file of DocumentReference resources.
Every input record yields exactly one output record, in input order; a
summary goes to standard error. Exit status 1 when any record failed.

Formats: ndjson (the JSON contract plus "id"), csv (one row per claim line),
fhir (one FHIR R4 Claim per note), x12 (837P service-line fragment). For fhir
and x12 the error records go to --errors (NDJSON; default standard error).

Example:
  mohscode batch --format csv samples/ > claims.csv

Flags:
`

// formatFlags are the output flags of code and batch for the claim formats.
type formatFlags struct {
	refs    claimfmt.FHIRRefs
	fees    string
	errFile string
}

func (f *formatFlags) register(fs *pflag.FlagSet, withErrors bool) {
	fs.StringVar(&f.refs.Patient, "patient-ref", "", "fhir: the Patient reference (e.g. Patient/123)")
	fs.StringVar(&f.refs.Provider, "provider-ref", "", "fhir: the rendering provider reference (e.g. Practitioner/9)")
	fs.StringVar(&f.refs.Coverage, "coverage-ref", "", "fhir: the Coverage reference")
	fs.StringVar(&f.refs.Insurer, "insurer-ref", "", "fhir: the insurer Organization reference")
	fs.StringVar(&f.fees, "fees", "", "x12: a CSV of code,charge (charges default to 0)")
	if withErrors {
		fs.StringVar(&f.errFile, "errors", "", "fhir, x12: file for the NDJSON error records (default: standard error)")
	}
}

// sink opens the output of a format; close flushes it and closes the
// errors file.
func (f *formatFlags) sink(format string, out, stderr io.Writer) (sink claimfmt.Sink, closeFn func() error, err error) {
	opt := claimfmt.SinkOptions{Refs: f.refs, Errors: stderr}
	if f.fees != "" {
		file, err := os.Open(f.fees)
		if err != nil {
			return nil, nil, err
		}
		opt.Fees, err = claimfmt.LoadFees(file)
		file.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.fees, err)
		}
	}
	closeFn = func() error { return nil }
	if f.errFile != "" {
		file, err := os.Create(f.errFile)
		if err != nil {
			return nil, nil, err
		}
		bw := bufio.NewWriter(file)
		opt.Errors = bw
		closeFn = func() error {
			return errors.Join(bw.Flush(), file.Close())
		}
	}
	sink, err = claimfmt.NewSink(format, out, opt)
	if err != nil {
		closeFn()
		return nil, nil, err
	}
	return sink, closeFn, nil
}

// writeResult writes one result; it reports whether the record failed.
func writeResult(sink claimfmt.Sink, id string, claim coding.Claim, codeErr error) (failed bool, err error) {
	if codeErr != nil {
		return true, sink.Error(id, codeErr)
	}
	err = sink.Claim(id, claim)
	var inc *claimfmt.IncompleteClaimError
	if errors.As(err, &inc) {
		return true, sink.Error(id, inc)
	}
	return false, err
}

func batchCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("batch", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "ndjson", "output format: "+strings.Join(claimfmt.Formats, ", "))
	jobs := fs.Int("jobs", 0, "notes coded at once (default: the number of CPUs)")
	payer := fs.String("payer", "", "payer profile for every note (overrides the records' payer)")
	profileFile := fs.String("profile", "", "a payer profile JSON file (overrides --payer)")
	quiet := fs.Bool("quiet", false, "no summary on standard error")
	var tables editFlags
	tables.register(fs)
	var formats formatFlags
	formats.register(fs, true)
	limits := registerLimits(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, batchUsage)
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !slices.Contains(claimfmt.Formats, *format) {
		fmt.Fprintf(stderr, "mohscode batch: --format must be one of %s, not %q\n", strings.Join(claimfmt.Formats, ", "), *format)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "mohscode batch: give at least one input (a file, a directory, or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	profile, err := chooseProfile(*payer, *profileFile)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode batch: %v\n", err)
		return exitUsage
	}
	mue, ptp, err := tables.load()
	if err != nil {
		fmt.Fprintf(stderr, "mohscode batch: %v\n", err)
		return exitUsage
	}
	out := bufio.NewWriter(stdout)
	sink, closeErrors, err := formats.sink(*format, out, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode batch: %v\n", err)
		return exitUsage
	}
	progress := newProgress(stderr, *quiet)
	var sum batch.Summary
	err = batch.Run(func(emit func(batch.Record) bool) { batch.ReadWithin(fs.Args(), stdin, *limits, emit) },
		batch.Options{Jobs: *jobs, Coding: coding.Options{Profile: profile}, MUE: mue, PTP: ptp, Limits: *limits},
		func(r batch.Result) error {
			progress.Add()
			failed, err := writeResult(sink, r.ID, r.Claim, r.Err)
			if failed && r.Err == nil {
				r.Err = errors.New("not written")
			}
			sum.Add(r)
			return err
		})
	progress.Finish()
	err = errors.Join(err, sink.Flush(), out.Flush(), closeErrors())
	if err != nil {
		fmt.Fprintf(stderr, "mohscode batch: %v\n", err)
		return exitNote
	}
	if !*quiet {
		sum.Write(stderr)
	}
	if sum.Errors > 0 {
		return exitNote
	}
	return exitOK
}

// parseFlags parses a command's flags; done is true when the command
// should stop with code (help, or a usage error).
func parseFlags(fs *pflag.FlagSet, args []string) (code int, done bool) {
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return exitOK, true
		}
		fmt.Fprintf(fs.Output(), "mohscode %s: %v\n", fs.Name(), err)
		return exitUsage, true
	}
	return 0, false
}
