package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/batch"
)

const auditHelp = `Usage: mohscode audit --claims CLAIMS.csv [flags] NOTES...

Compares the lines billed for each note with the lines the engine codes
from it: matched, missing (the note supports it, not billed), extra (billed,
the note does not support it), units or modifiers differ — each with the
engine's reason and note lines — and the audit findings compliance reviews
look for; then agreement by code family, precision and recall.

NOTES are note files, directories (every *.txt and *.hl7 file in them; the
others are skipped and named on standard error), NDJSON or FHIR
DocumentReference NDJSON files, HL7 v2 files, or - for standard input, as
for batch.
CLAIMS.csv has one billed line a row: note id, code, units, modifiers
(separated by ":" or spaces), optional lesion; a header row is optional and
may use the names of common claim exports ("Claim ID", "CPT", "Units",
"Modifier 1".."Modifier 4", "Lesion"). A note id is the note file's name
without .txt, or the record's id. Quotes follow RFC 4180: a stray quote is
an error naming its line. In the csv report every cell starting with
= + - @, a tab or a CR gets a leading ' so a spreadsheet shows it as text.

Here exit status 0 means the claims agree with the notes; 1 any difference,
audit finding, claim id without a note, note without claims or note that
could not be coded; 3 an unreadable or malformed claims file.

Example:
  mohscode audit --claims march-claims.csv --html audit.html samples/
  mohscode audit --claims march.csv -p medicare --mue mue.csv --ptp ptp.csv notes/
`

func auditCommand(e env, args []string) int {
	fs := newFlagSet(e, "audit", auditHelp)
	claimsFile := fs.String("claims", "", "the billed lines: a CSV of note id, code, units, modifiers, lesion (required)")
	format := fs.formatFlag("text", "json", "csv")
	out := fs.outputFlag()
	htmlFile := fs.String("html", "", "also write a self-contained HTML report (chart and sortable table) to this file")
	jobs := fs.jobsFlag()
	var ef engineFlags
	ef.register(fs, true)
	if code, done := fs.parse(args); done {
		return code
	}
	if *claimsFile == "" {
		return fs.usageError("give the billed lines with --claims FILE")
	}
	if fs.NArg() == 0 {
		return fs.usageError("give at least one note input (a file, a directory, or - for standard input)")
	}
	eng, code, done := ef.build(fs)
	if done {
		return code
	}
	claims, err := readClaims(*claimsFile)
	if err != nil {
		return fs.fail(exitInput, err)
	}
	var skips skipped
	report := audit.Run(fs.Args(), e.stdin, claims, audit.Options{Jobs: *jobs, Engine: eng, Skipped: skips.skip})
	if paths := skips.list(); len(paths) > 0 {
		fmt.Fprintf(e.stderr, "mohscode audit: %s\n", skippedText(paths))
	}

	w, closeOut, err := output(*out, e.stdout)
	if err != nil {
		return fs.fail(exitUsage, err)
	}
	switch *format {
	case "json":
		err = audit.WriteJSON(w, report)
	case "csv":
		err = audit.WriteCSV(w, report)
	default:
		err = audit.WriteText(w, report)
	}
	err = errors.Join(err, closeOut())
	if err == nil && *htmlFile != "" {
		err = writeHTMLReport(*htmlFile, report)
	}
	if err != nil {
		return fs.fail(exitNote, err)
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
	fmt.Fprintf(e.stderr, "mohscode audit: %s\n", msg)
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

// maxSkippedShown is how many skipped files a message names, as the batch
// summary does.
const maxSkippedShown = 5

// skippedText names the files of directory inputs that were not read.
func skippedText(paths []string) string {
	shown := paths[:min(len(paths), maxSkippedShown)]
	more := ""
	if n := len(paths) - len(shown); n > 0 {
		more = fmt.Sprintf(", and %d more", n)
	}
	return fmt.Sprintf("skipped %d files that are not notes (%s): %s%s",
		len(paths), strings.Join(batch.NoteFileExts, ", "), strings.Join(shown, ", "), more)
}
