package mohscode

import (
	"errors"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

// Engine codes notes. It is immutable and safe for concurrent use.
type Engine struct {
	e *engine.Engine
}

// New checks the options once — the payer profile, the CMS tables, the
// limits — and returns an engine that codes by them. Its error names the
// bad option and, for a file, the file and line.
func New(opt Options) (*Engine, error) {
	eo := engine.Options{
		MUE:    engine.Table(opt.MUE),
		PTP:    engine.Table(opt.PTP),
		Limits: engine.Limits{NoteBytes: opt.MaxNoteBytes, LineBytes: opt.MaxLineBytes},
	}
	if _, builtin := codetable.BuiltinProfile(strings.ToLower(opt.Profile)); builtin {
		eo.Payer = opt.Profile
	} else {
		eo.ProfileFile = opt.Profile
	}
	e, err := engine.New(eo)
	if err != nil {
		return nil, err
	}
	return &Engine{e}, nil
}

// Profiles returns the names of the built-in payer profiles.
func Profiles() []string { return codetable.ProfileNames() }

// Code codes one note: name names it in positions and in the result, src
// is its text. The error is a *CodeError, and only when nothing could be
// coded (the note is over a limit or cannot be parsed); every other
// problem of the note is a finding of the result.
func (e *Engine) Code(name string, src []byte) (*Result, error) {
	c, err := e.e.Code(name, string(src))
	if err != nil {
		return nil, codeError(name, err)
	}
	for i := range c.Findings {
		c.Findings[i].File = name
	}
	return &c, nil
}

// codeError makes the engine's error public.
func codeError(name string, err error) error {
	var perr *diag.ParseError
	if !errors.As(err, &perr) {
		return err
	}
	file := perr.Filename
	if file == "" {
		file = name
	}
	return &CodeError{Finding{File: file, Line: perr.Line, Column: perr.Column, Severity: Error, Message: perr.Message}}
}
