// Package engine runs the whole pipeline on one note: limits, parse, lower,
// code. Every front end (CLI, batch, server) goes through it.
package engine

import (
	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
)

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
	ast, err := grammar.Parse(name, src)
	if err != nil {
		return nil, err
	}
	return lower.Lower(name, ast)
}

// Code parses, lowers and codes one note within DefaultLimits.
func Code(name, src string, opt coding.Options) (coding.Claim, error) {
	return CodeWithin(name, src, opt, DefaultLimits)
}

// CodeWithin is Code with the given limits.
func CodeWithin(name, src string, opt coding.Options, limits Limits) (coding.Claim, error) {
	n, err := ModelWithin(name, src, limits)
	if err != nil {
		return coding.Claim{}, err
	}
	return coding.Code(n, opt), nil
}
