package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/render"
)

const batchUsage = `Usage: mohscode batch [flags] INPUT...

Codes many notes: each INPUT is a note file, a directory (every *.txt in it,
recursively), - for standard input, an NDJSON file of {"id","text","payer"}
records, or a FHIR Bulk Data NDJSON file of DocumentReference resources.
Every input record yields exactly one output record, in input order; a
summary goes to standard error. Exit status 1 when any record failed.

Example:
  mohscode batch --format ndjson samples/ > claims.ndjson

Flags:
`

func batchCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("batch", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "ndjson", "output format: ndjson")
	jobs := fs.Int("jobs", 0, "notes coded at once (default: the number of CPUs)")
	payer := fs.String("payer", "", "payer profile for every note (overrides the records' payer)")
	profileFile := fs.String("profile", "", "a payer profile JSON file (overrides --payer)")
	quiet := fs.Bool("quiet", false, "no summary on standard error")
	var tables editFlags
	tables.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, batchUsage)
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if *format != "ndjson" {
		fmt.Fprintf(stderr, "mohscode batch: --format must be ndjson, not %q\n", *format)
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
	var sum batch.Summary
	err = batch.Run(func(emit func(batch.Record) bool) { batch.Read(fs.Args(), stdin, emit) },
		batch.Options{Jobs: *jobs, Coding: coding.Options{Profile: profile}, MUE: mue, PTP: ptp},
		func(r batch.Result) error {
			sum.Add(r)
			if r.Err != nil {
				return render.NDJSONError(out, r.ID, r.Err)
			}
			return render.NDJSON(out, r.ID, r.Claim)
		})
	if err == nil {
		err = out.Flush()
	}
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
		return exitUsage, true
	}
	return 0, false
}
