package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mohscode/mohscode"
	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// formatFlags are the flags of the claim formats (code and batch).
type formatFlags struct {
	refs    claimfmt.FHIRRefs
	fees    string
	errFile string
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

// writeResult writes one result; it reports whether the record failed.
func writeResult(sink claimfmt.Sink, id string, claim coding.Claim, codeErr error) (failed bool, err error) {
	if codeErr != nil {
		return true, sink.Error(id, codeErr)
	}
	err = sink.Claim(id, claim)
	if inc, ok := errors.AsType[*claimfmt.IncompleteClaimError](err); ok {
		return true, sink.Error(id, inc)
	}
	return false, err
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
func position(file string, f diag.Finding) string {
	return mohscode.Finding{File: file, Line: f.Line, Column: f.Column, Rule: f.Rule, Message: f.Message}.String()
}
