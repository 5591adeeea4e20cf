// Package engine runs the whole pipeline on one note: parse, lower, code.
// Every front end (CLI, batch, server) goes through it.
package engine

import (
	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
)

// Model parses a note and lowers it into the procedure model. The error,
// when not nil, is a *diag.ParseError.
func Model(name, src string) (*model.Note, error) {
	ast, err := grammar.Parse(name, src)
	if err != nil {
		return nil, err
	}
	return lower.Lower(name, ast)
}

// Code parses, lowers and codes one note.
func Code(name, src string, opt coding.Options) (coding.Claim, error) {
	n, err := Model(name, src)
	if err != nil {
		return coding.Claim{}, err
	}
	return coding.Code(n, opt), nil
}
