package main

import (
	"errors"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
)

const batchHelp = `Usage: mohscode batch [flags] INPUT...

Codes many notes: each INPUT is a note file, a directory (every *.txt in it,
recursively), - for standard input, an NDJSON file of {"id","text","payer"}
records, or a FHIR Bulk Data NDJSON file of DocumentReference resources.
Every input record yields exactly one output record, in input order; a
summary goes to standard error.

Formats: ndjson (the JSON contract plus "id"), csv (one row per claim line),
fhir (one FHIR R4 Claim per note), x12 (837P service-line fragment). For fhir
and x12 the error records go to --errors (NDJSON; default standard error).

Example:
  mohscode batch -f csv -j 4 -o claims.csv samples/
`

func batchCommand(e env, args []string) int {
	fs := newFlagSet(e, "batch", batchHelp)
	format := fs.formatFlag(claimfmt.Formats...)
	out := fs.outputFlag()
	jobs := fs.jobsFlag()
	quiet := fs.BoolP("quiet", "q", false, "no summary or progress on standard error")
	var ef engineFlags
	ef.register(fs, true)
	var cf formatFlags
	cf.register(fs, format, true)
	if code, done := fs.parse(args); done {
		return code
	}
	if fs.NArg() == 0 {
		return fs.usageError("give at least one input (a file, a directory, or - for standard input)")
	}
	eng, code, done := ef.build(fs)
	if done {
		return code
	}
	w, closeOut, err := output(*out, e.stdout)
	if err != nil {
		return fs.fail(exitUsage, err)
	}
	sink, closeErrors, err := cf.sink(*format, w, e.stderr)
	if err != nil {
		closeOut()
		return fs.fail(exitUsage, err)
	}
	progress := newProgress(e.stderr, *quiet)
	mue, ptp := eng.Tables()
	var sum batch.Summary
	err = batch.Run(func(emit func(batch.Record) bool) { batch.ReadWithin(fs.Args(), e.stdin, eng.Limits(), emit) },
		batch.Options{Jobs: *jobs, Coding: coding.Options{Profile: eng.Profile()}, MUE: mue, PTP: ptp, Limits: eng.Limits()},
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
	if err = errors.Join(err, sink.Flush(), closeOut(), closeErrors()); err != nil {
		return fs.fail(exitNote, err)
	}
	if !*quiet {
		sum.Write(e.stderr)
	}
	if sum.Errors > 0 {
		return exitNote
	}
	return exitOK
}
