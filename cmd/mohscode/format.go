package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/diag"
)

// formatFlags are the flags of the claim formats (code and batch).
type formatFlags struct {
	refs    claimfmt.FHIRRefs
	fees    string
	errFile string
	strict  bool
}

// formatOnly names the formats each format flag applies to: giving one
// with another format is a usage error, never silently ignored.
var formatOnly = []struct {
	flag    string
	formats []string
}{
	{"patient-ref", []string{"fhir"}},
	{"provider-ref", []string{"fhir"}},
	{"coverage-ref", []string{"fhir"}},
	{"insurer-ref", []string{"fhir"}},
	{"fees", []string{"x12", "fhir"}},
	{"errors", []string{"fhir", "x12"}},
	{"strict", []string{"fhir"}},
}

// register adds the format flags; giving one that the chosen format
// ignores is a usage error.
func (f *formatFlags) register(fs *flagSet, format *string, withErrors bool) {
	fs.StringVar(&f.refs.Patient, "patient-ref", "", "fhir: the Patient reference (e.g. Patient/123)")
	fs.StringVar(&f.refs.Provider, "provider-ref", "", "fhir: the rendering provider reference (e.g. Practitioner/9)")
	fs.StringVar(&f.refs.Coverage, "coverage-ref", "", "fhir: the Coverage reference")
	fs.StringVar(&f.refs.Insurer, "insurer-ref", "", "fhir: the insurer Organization reference")
	fs.StringVar(&f.fees, "fees", "", "x12, fhir: a CSV of code,charge (x12 charges default to 0)")
	if withErrors {
		fs.StringVar(&f.errFile, "errors", "", "fhir, x12: file for the NDJSON error records (default: standard error)")
	}
	fs.BoolVar(&f.strict, "strict", false, "fhir: exit 1 when a Claim's patient, provider or coverage reference is a placeholder (neither a flag nor the note gives it)")
	fs.check(func() string {
		for _, o := range formatOnly {
			if fs.Lookup(o.flag) != nil && fs.Changed(o.flag) && !slices.Contains(o.formats, *format) {
				return fmt.Sprintf("--%s applies to --format %s only, not %s", o.flag, strings.Join(o.formats, " or "), *format)
			}
		}
		return ""
	})
}

// sink opens the output of a format; closeFn closes the errors file.
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

// writeResult writes one result; it reports whether the record failed. A
// DocumentReference's subject and author (r.Patient, r.Provider) become the
// FHIR Claim's patient and provider unless the flags give them.
func writeResult(sink claimfmt.Sink, r batch.Result) (failed bool, err error) {
	if r.Err != nil {
		return true, sink.Error(r.ID, r.Err)
	}
	err = sink.ClaimFrom(r.ID, r.Claim, r.Patient, r.Provider)
	if inc, ok := errors.AsType[*claimfmt.IncompleteClaimError](err); ok {
		return true, sink.Error(r.ID, inc)
	}
	return false, err
}

// missingRefs counts the FHIR Claims written with placeholder references,
// so that a command warns once, not once per Claim.
type missingRefs struct {
	claims int             // Claims with at least one placeholder
	fields map[string]bool // the references that were placeholders
}

// add counts a Claim written with refs (the flags' over the note's).
func (m *missingRefs) add(refs claimfmt.FHIRRefs) {
	missing := refs.Missing()
	if len(missing) == 0 {
		return
	}
	m.claims++
	if m.fields == nil {
		m.fields = map[string]bool{}
	}
	for _, f := range missing {
		m.fields[f] = true
	}
}

// warn prints one warning naming the placeholder references and the flags
// that fill them; under --strict it is an error.
func (m *missingRefs) warn(fs *flagSet, strict bool) {
	if m.claims == 0 {
		return
	}
	var names, flags []string
	for _, f := range []string{"patient", "provider", "coverage"} { // Missing's order
		if m.fields[f] {
			names = append(names, f)
			flags = append(flags, "--"+f+"-ref")
		}
	}
	what := "warning"
	if strict {
		what = "error (--strict)"
	}
	claims := "1 FHIR Claim"
	if m.claims > 1 {
		claims = fmt.Sprintf("%d FHIR Claims", m.claims)
	}
	fmt.Fprintf(fs.e.stderr, "mohscode %s: %s: placeholder (data-absent) references in %s: %s; give %s\n",
		fs.Name(), what, claims, strings.Join(names, ", "), strings.Join(flags, ", "))
}

// skipped gathers the files a directory input skipped; the reader calls it
// from its own goroutine, which may outlive an interrupted batch.
type skipped struct {
	mu    sync.Mutex
	paths []string
}

// skip records a skipped file; it fits batch.Source.Skipped.
func (s *skipped) skip(path, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paths = append(s.paths, path)
}

// list returns the files skipped so far.
func (s *skipped) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

// joinFormats lists formats for a flag's help: "a, b or c".
func joinFormats(fs []string) string {
	if len(fs) < 2 {
		return strings.Join(fs, "")
	}
	return strings.Join(fs[:len(fs)-1], ", ") + " or " + fs[len(fs)-1]
}

// position formats a finding the one way every message is positioned:
// FILE:LINE[:COLUMN]: RULE: MESSAGE.
func position(file string, f diag.Finding) string { return f.Format(file) }
