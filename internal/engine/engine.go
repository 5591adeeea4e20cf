// Package engine runs the whole pipeline on one note: limits, parse, lower,
// code, CMS edits. An Engine is built once from validated Options and every
// front end (the public API, CLI, batch, server, audit) goes through it.
package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/mohscode/mohscode/internal/transport"
)

// Options say how an Engine codes every note. The zero value codes each
// note under the profile its Payer field picks, within DefaultLimits,
// without CMS edit tables.
type Options struct {
	// Payer is the name of a built-in payer profile ("medicare"), any case;
	// it overrides the notes' Payer field.
	Payer string
	// ProfileFile is a payer profile JSON file; it overrides Payer.
	ProfileFile string
	// MUE and PTP are the CMS edit tables to check claims against.
	MUE, PTP Table
	// Limits bound every note; a zero field takes DefaultLimits' value.
	Limits Limits
}

// Table is a CMS edit table: a file, or a reader named for messages. The
// zero Table is no table.
type Table struct {
	// Path names the file to read when Reader is nil.
	Path string
	// Reader holds the table; Name names it in messages and in the output.
	Reader io.Reader
	Name   string
}

// Engine codes notes. It is immutable once New returns it, and safe for
// concurrent use.
type Engine struct {
	profile *codetable.Profile // nil: the note's Payer field decides
	mue     *edits.MUETable
	ptp     *edits.PTPTable
	limits  Limits
}

// New validates the options once and returns the engine they describe. Its
// error names the bad option and, for a file, the file.
func New(opt Options) (*Engine, error) {
	e := &Engine{limits: DefaultLimits}
	if opt.Limits.NoteBytes < 0 || opt.Limits.LineBytes < 0 {
		return nil, fmt.Errorf("limits must not be negative (note size %d, line length %d)", opt.Limits.NoteBytes, opt.Limits.LineBytes)
	}
	if opt.Limits.NoteBytes > 0 {
		e.limits.NoteBytes = opt.Limits.NoteBytes
	}
	if opt.Limits.LineBytes > 0 {
		e.limits.LineBytes = opt.Limits.LineBytes
	}
	var err error
	if e.profile, err = loadProfile(opt.Payer, opt.ProfileFile); err != nil {
		return nil, err
	}
	if opt.MUE != (Table{}) {
		if e.mue, err = loadTable(opt.MUE, "MUE", edits.LoadMUE); err != nil {
			return nil, err
		}
	}
	if opt.PTP != (Table{}) {
		if e.ptp, err = loadTable(opt.PTP, "PTP", edits.LoadPTP); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// loadProfile picks the payer profile; nil lets each note's Payer field
// decide.
func loadProfile(payer, file string) (*codetable.Profile, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("payer profile: %w", err)
		}
		defer f.Close()
		p, err := codetable.LoadProfile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, jsonError(err))
		}
		return &p, nil
	}
	if payer == "" {
		return nil, nil
	}
	p, ok := codetable.BuiltinProfile(strings.ToLower(payer))
	if !ok {
		return nil, fmt.Errorf("payer must be one of %s, not %q", strings.Join(codetable.ProfileNames(), ", "), payer)
	}
	return &p, nil
}

// jsonError words a JSON value of the wrong type for people, without the
// Go types encoding/json names: `field "name": want a string, not a
// number`.
func jsonError(err error) error {
	ute, ok := errors.AsType[*json.UnmarshalTypeError](err)
	if !ok {
		return err
	}
	want := "a value of another type"
	switch ute.Type.Kind() {
	case reflect.String:
		want = "a string"
	case reflect.Map, reflect.Struct:
		want = "an object"
	case reflect.Slice, reflect.Array:
		want = "an array"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		want = "a number"
	}
	return fmt.Errorf("profile: field %q: want %s, not %s", ute.Field, want, article(ute.Value))
}

// article puts "a" or "an" before a JSON kind: "a number", "an array".
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// loadTable reads a CMS edit table with its loader.
func loadTable[T any](t Table, kind string, load func(string, io.Reader) (*T, error)) (*T, error) {
	if t.Reader != nil {
		name := t.Name
		if name == "" {
			name = kind + " table"
		}
		return load(name, t.Reader)
	}
	if t.Path == "" {
		return nil, fmt.Errorf("%s table: give a file path or a reader", kind)
	}
	f, err := os.Open(t.Path)
	if err != nil {
		return nil, fmt.Errorf("%s table: %w", kind, err)
	}
	defer f.Close()
	return load(t.Path, f)
}

// Request is one note to code.
type Request struct {
	// Name names the note in positions and in the output.
	Name string
	// Text is the note.
	Text string
	// Payer is payer text from outside the note (a batch record's payer, a
	// request's payer): when the engine has no profile of its own, it picks
	// the profile as a note's Payer field would, in place of the note's.
	Payer string
	// FindingsOnly leaves the claim lines out (mohscode check).
	FindingsOnly bool
}

// Analyze parses, lowers and codes one note, checks the claim against the
// engine's CMS edit tables, and returns the note's model with its claim.
// The error, when not nil, is a *diag.ParseError: the note is over a limit
// or cannot be parsed.
func (e *Engine) Analyze(r Request) (n *model.Note, claim coding.Claim, err error) {
	defer Recover(r.Name, &err)
	n, err = ModelWithin(r.Name, r.Text, e.limits)
	if err != nil {
		return nil, coding.Claim{}, err
	}
	opt := coding.Options{Profile: e.profile, FindingsOnly: r.FindingsOnly}
	if opt.Profile == nil && r.Payer != "" {
		p, _ := codetable.BuiltinProfile(codetable.ProfileForPayerText(r.Payer))
		opt.Profile = &p
	}
	claim = coding.Code(n, opt)
	distinct := ""
	if opt.Profile != nil {
		distinct = opt.Profile.DistinctLesionModifier
	} else if p, ok := codetable.BuiltinProfile(claim.Encounter.PayerProfile); ok {
		distinct = p.DistinctLesionModifier
	}
	applyEdits(&claim, e.mue, e.ptp, distinct)
	return n, claim, nil
}

// Code codes one note; see Analyze.
func (e *Engine) Code(name, src string) (coding.Claim, error) {
	_, c, err := e.Analyze(Request{Name: name, Text: src})
	return c, err
}

// Limits returns the limits every note is held to, for readers that must
// stop reading an oversized note early.
func (e *Engine) Limits() Limits { return e.limits }

// Profile returns the engine's payer profile, nil when each note's Payer
// field decides.
func (e *Engine) Profile() *codetable.Profile { return e.profile }

// Model parses a note within DefaultLimits and lowers it into the
// procedure model. The error, when not nil, is a *diag.ParseError.
func Model(name, src string) (*model.Note, error) {
	return ModelWithin(name, src, DefaultLimits)
}

// ModelWithin is Model with the given limits.
func ModelWithin(name, src string, limits Limits) (*model.Note, error) {
	if err := limits.Check(name, src); err != nil {
		return nil, err
	}
	text, kind, unwrapped := transport.Unwrap(src)
	ast, err := grammar.Parse(name, text)
	if err != nil {
		return nil, err
	}
	n, err := lower.Lower(name, ast)
	if err == nil && unwrapped {
		n.Findings = append(n.Findings, transport.Unwrapped.At("", 1, 1, "the note was read from %s; positions point into the note text it carries", kind))
	}
	return n, err
}

// Code parses, lowers and codes one note within DefaultLimits, without
// CMS edit tables: the coding rules' tests call it with their options.
func Code(name, src string, opt coding.Options) (coding.Claim, error) {
	return CodeWithin(name, src, opt, DefaultLimits)
}

// CodeWithin is Code with the given limits.
func CodeWithin(name, src string, opt coding.Options, limits Limits) (_ coding.Claim, err error) {
	defer Recover(name, &err)
	n, err := ModelWithin(name, src, limits)
	if err != nil {
		return coding.Claim{}, err
	}
	return coding.Code(n, opt), nil
}

// Recover, deferred by whatever codes a note, turns a panic while coding it
// into that note's error in *err: a bug costs the note, never the process, a
// batch's other records or the service. The panic value may quote the note,
// so neither it nor the stack is shown.
func Recover(name string, err *error) {
	if v := recover(); v != nil {
		*err = &diag.ParseError{Filename: name, Line: 1, Column: 1,
			Message: "internal error while coding this note; please report it with the note"}
	}
}
