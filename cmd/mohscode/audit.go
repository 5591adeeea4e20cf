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

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/codetable"
)

const auditUsage = `Usage: mohscode audit --claims CLAIMS.csv [flags] NOTES...

Compares the lines billed for each note with the lines the engine codes
from it: matched, missing (the note supports it, not billed), extra (billed,
the note does not support it), units or modifiers differ — each with the
engine's reason and note lines — and the audit findings compliance reviews
look for; then agreement by code family, precision and recall.

NOTES are note files, directories (every *.txt in them), NDJSON or FHIR
DocumentReference NDJSON files, or - for standard input, as for batch.
CLAIMS.csv has one billed line a row: note id, code, units, modifiers
(separated by ":" or spaces), optional lesion; a header row is optional.
A note id is the note file's name without .txt, or the record's id.

Exit status: 0 the claims agree with the notes, 1 any difference, audit
finding, claim id without a note, note without claims or note that could
not be coded, 2 usage error or unreadable claims file.

Example:
  mohscode audit --claims march-claims.csv --html audit.html samples/

Flags:
`

var auditFormats = []string{"text", "json", "csv"}

func auditCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("audit", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	claimsFile := fs.String("claims", "", "the billed lines: a CSV of note id, code, units, modifiers, lesion (required)")
	format := fs.String("format", "text", "output format: "+strings.Join(auditFormats, ", ")+" (csv: one row per difference)")
	htmlFile := fs.String("html", "", "also write a self-contained HTML report (chart and sortable table) to this file")
	payer := fs.String("payer", "", "payer profile for every note: "+strings.Join(codetable.ProfileNames(), ", ")+" (overrides the notes' Payer field)")
	profileFile := fs.String("profile", "", "a payer profile JSON file (overrides --payer)")
	jobs := fs.Int("jobs", 0, "notes coded at once (default: the number of CPUs)")
	limits := registerLimits(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, auditUsage)
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !slices.Contains(auditFormats, *format) {
		fmt.Fprintf(stderr, "mohscode audit: --format must be one of %s, not %q\n", strings.Join(auditFormats, ", "), *format)
		return exitUsage
	}
	if *claimsFile == "" {
		fmt.Fprintln(stderr, "mohscode audit: give the billed lines with --claims FILE")
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "mohscode audit: give at least one note input (a file, a directory, or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	profile, err := chooseProfile(*payer, *profileFile)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode audit: %v\n", err)
		return exitUsage
	}
	claims, err := readClaims(*claimsFile)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode audit: %v\n", err)
		return exitUsage
	}
	report := audit.Run(fs.Args(), stdin, claims, audit.Options{Jobs: *jobs, Profile: profile, Limits: *limits})

	out := bufio.NewWriter(stdout)
	switch *format {
	case "json":
		err = audit.WriteJSON(out, report)
	case "csv":
		err = audit.WriteCSV(out, report)
	default:
		err = audit.WriteText(out, report)
	}
	err = errors.Join(err, out.Flush())
	if err == nil && *htmlFile != "" {
		err = writeHTMLReport(*htmlFile, report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "mohscode audit: %v\n", err)
		return exitNote
	}
	if report.Clean() {
		return exitOK
	}
	s := report.Summary
	msg := fmt.Sprintf("%d of %d audited notes differ from their claims", s.WithDifferences, s.Audited)
	for _, p := range []struct {
		n         int
		one, many string
	}{
		{s.NoClaims, "note without claims", "notes without claims"},
		{s.NotCoded, "note not coded", "notes not coded"},
		{s.UnmatchedClaimIDs, "claim id without a note", "claim ids without a note"},
	} {
		if p.n == 1 {
			msg += ", 1 " + p.one
		} else if p.n > 1 {
			msg += fmt.Sprintf(", %d %s", p.n, p.many)
		}
	}
	fmt.Fprintf(stderr, "mohscode audit: %s\n", msg)
	return exitNote
}

func readClaims(name string) (*audit.Claims, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return audit.ReadClaims(name, f)
}

func writeHTMLReport(name string, report *audit.Report) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = audit.WriteHTML(w, report)
	return errors.Join(err, w.Flush(), f.Close())
}
