package grammar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/internal/diag"
)

// Note is a parsed note: its lines in order. Its grammar is
//
//	Note = Line*
//
// which Parse implements (participle.Parseable) so that the line loop
// costs no reflection; docs/performance.md has the comparison.
type Note struct {
	Lines []*Line
}

// Parse reads every line of the token stream (participle.Parseable).
func (n *Note) Parse(lex *lexer.PeekingLexer) error {
	lines := make([]Line, 0, 64)
	for !lex.Peek().EOF() {
		lines = append(lines, Line{})
		if err := lines[len(lines)-1].Parse(lex); err != nil {
			return err
		}
	}
	n.Lines = make([]*Line, len(lines))
	for i := range lines {
		n.Lines[i] = &lines[i]
	}
	return nil
}

// Line is one line of a note: a heading, a field, narrative, or blank
// (all three nil). Its grammar, which Parse implements for speed (the
// lexer has already decided what the line is from its first token):
//
//	Line      = ( Heading | Field | Narrative )? EOL
//	Heading   = HeadWord Label? Total? ( Colon Text? )?
//	Field     = Key Colon Text?
//	Narrative = Text
type Line struct {
	Pos       lexer.Position
	Heading   *Heading
	Field     *Field
	Narrative *Narrative
}

// Parse reads one line from the token stream (participle.Parseable).
func (l *Line) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.EOF() {
		return participle.NextMatch
	}
	l.Pos = t.Pos
	switch t.Type {
	case tokHeadWord:
		h := &Heading{Pos: t.Pos, Word: lex.Next().Value}
		if t := lex.Peek(); t.Type == tokLabel {
			h.Label = &Label{Pos: t.Pos, Value: lex.Next().Value}
		}
		if t := lex.Peek(); t.Type == tokTotal {
			h.Total = lex.Next().Value
		}
		if lex.Peek().Type == tokColon {
			lex.Next()
			h.Colon = true
			h.Text = optionalValue(lex)
		}
		l.Heading = h
	case tokKey:
		f := &Field{Pos: t.Pos, Key: lex.Next().Value}
		if t := lex.Next(); t.Type != tokColon {
			return &participle.UnexpectedTokenError{Unexpected: *t, Expect: "Colon"}
		}
		f.Value = optionalValue(lex)
		l.Field = f
	case tokText:
		l.Narrative = &Narrative{Pos: t.Pos, Text: lex.Next().Value}
	}
	if t := lex.Next(); t.Type != tokEOL {
		return &participle.UnexpectedTokenError{Unexpected: *t, Expect: "EOL"}
	}
	return nil
}

// optionalValue reads an optional Text token as a Value.
func optionalValue(lex *lexer.PeekingLexer) *Value {
	if t := lex.Peek(); t.Type == tokText {
		lex.Next()
		return &Value{Pos: t.Pos, Text: t.Value}
	}
	return nil
}

// Heading opens a lesion or a biopsy section: "Lesion 2", "Lesion B: left
// cheek", "Biopsy 1 of 2: punch biopsy, right forearm".
type Heading struct {
	Pos   lexer.Position
	Word  string
	Label *Label
	Total string
	Colon bool
	Text  *Value
}

// Biopsy reports whether the heading opens a biopsy section.
func (h *Heading) Biopsy() bool { return strings.EqualFold(h.Word, "biopsy") }

// Label is the label of a heading: a number, a letter or a roman numeral.
type Label struct {
	Pos   lexer.Position
	Value string
}

// Field is a "Key: value" line; Value is nil when nothing follows the colon.
type Field struct {
	Pos   lexer.Position
	Key   string
	Value *Value
}

// Value is the text of a field or heading after its colon, trimmed.
type Value struct {
	Pos  lexer.Position
	Text string
}

// Narrative is any other line, kept but not coded.
type Narrative struct {
	Pos  lexer.Position
	Text string
}

var noteParser = participle.MustBuild[Note](participle.Lexer(noteLexer{}))

// Parse parses note text. name is the file name used in error positions.
// Empty input is an error.
func Parse(name, src string) (*Note, error) {
	if strings.TrimSpace(src) == "" {
		return nil, &diag.ParseError{Filename: name, Line: 1, Column: 1, Message: "the note is empty"}
	}
	note, err := noteParser.ParseString(name, src)
	if err != nil {
		return nil, positioned(name, err, "a field, a heading or a line of text")
	}
	return note, nil
}

// positioned turns a participle error into a diag.ParseError in plain words.
func positioned(name string, err error, expected string) *diag.ParseError {
	var perr participle.Error
	if errors.As(err, &perr) {
		pos := perr.Position()
		found := "the end of the line"
		var unexpected *participle.UnexpectedTokenError
		if errors.As(err, &unexpected) && !unexpected.Unexpected.EOF() {
			found = fmt.Sprintf("%q", unexpected.Unexpected.Value)
		}
		return &diag.ParseError{Filename: name, Line: max(pos.Line, 1), Column: max(pos.Column, 1),
			Message: fmt.Sprintf("expected %s, found %s", expected, found)}
	}
	return &diag.ParseError{Filename: name, Line: 1, Column: 1, Message: err.Error()}
}
