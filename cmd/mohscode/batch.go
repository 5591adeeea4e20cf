package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/claimfmt"
)

const batchHelp = `Usage: mohscode batch [flags] INPUT...

Codes many notes: each INPUT is a note file, a directory (every *.txt and
*.hl7 file in it, recursively; the other files are skipped and named in the
summary), - for standard input, an NDJSON file of {"id","text","payer"}
records, a FHIR Bulk Data NDJSON file of DocumentReference resources, or an
HL7 v2 file (.hl7: MDM^T02 or ORU^R01 messages, MLLP-framed or not).
Every input record yields exactly one output record, in input order; a
summary goes to standard error.

Formats: ndjson (the JSON contract plus "id"), csv (one row per claim line),
fhir (one FHIR R4 Claim per note), x12 (837P service-line fragment). For fhir
and x12 the error records go to --errors (NDJSON; default standard error).

FHIR references: a DocumentReference's subject and author become the
Claim's patient and provider; --patient-ref and --provider-ref override
them. A required reference given by neither (patient, provider, coverage)
is written as a data-absent placeholder, and one warning per batch names
them; with --strict the batch then exits 1.

Ctrl-C (SIGINT) or SIGTERM stops the batch: reading stops, the records
already taken are written whole (never a torn line or segment), the summary
is printed, and the exit status is 130 (SIGINT) or 143 (SIGTERM).

Examples:
  mohscode batch -f csv -j 4 -o claims.csv samples/
  mohscode batch -f fhir --strict --coverage-ref Coverage/3 export/DocumentReference.ndjson
  mohscode batch samples/dictation.hl7
`

// batchCommand codes a batch until its inputs end, or until SIGINT or
// SIGTERM: then the records already taken are written whole, the summary
// printed, and the status is 130 or 143 (128 + the signal's number).
func batchCommand(e env, args []string) int {
	ctx, stop := signalContext()
	defer stop()
	return runBatch(ctx, e, args)
}

// runBatch is the batch command; when ctx is done with an interruption as
// its cause, the batch stops as batchCommand says.
func runBatch(ctx context.Context, e env, args []string) int {
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
	batch.SetGCDefaults(os.Getenv) // after the usage checks: a usage error leaves the runtime alone
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
	var (
		sum     batch.Summary
		skips   skipped
		missing missingRefs
	)
	src := batch.Source{Inputs: fs.Args(), Stdin: e.stdin, Limits: eng.Limits(), Skipped: skips.skip}
	err = batch.RunContext(ctx, src.Read,
		batch.Options{Jobs: *jobs, Engine: eng, Flush: func() error { return errors.Join(sink.Flush(), w.Flush()) }},
		func(r batch.Result) error {
			progress.Add()
			failed, err := writeResult(sink, r)
			if failed && r.Err == nil {
				r.Err = errors.New("not written")
			}
			if !failed && *format == "fhir" {
				missing.add(cf.refs.Or(claimfmt.FHIRRefs{Patient: r.Patient, Provider: r.Provider}))
			}
			sum.Add(r)
			return err
		})
	progress.Finish()
	sig, interrupted := errors.AsType[interruption](err)
	if interrupted {
		err = nil
	}
	if err = errors.Join(err, sink.Flush(), closeOut(), closeErrors()); err != nil {
		return fs.fail(exitNote, err)
	}
	if !*quiet {
		sum.Skipped = skips.list()
		sum.Write(e.stderr)
	}
	missing.warn(fs, cf.strict) // even under --quiet: the output is not what a payer takes
	switch {
	case interrupted:
		fmt.Fprintf(e.stderr, "mohscode batch: stopped by %s after %d records, each written whole\n", sig.name(), sum.Notes)
		return sig.exitStatus()
	case sum.Errors > 0, cf.strict && missing.claims > 0:
		return exitNote
	}
	return exitOK
}
