package grammar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/internal/diag"
)

// Note is a parsed note: its lines in order.
type Note struct {
	Lines []*Line `parser:"@@*"`
}

// Line is one line of a note: a heading, a field, narrative, or blank
// (all three nil).
type Line struct {
	Pos       lexer.Position
	Heading   *Heading   `parser:"( @@"`
	Field     *Field     `parser:"| @@"`
	Narrative *Narrative `parser:"| @@ )? EOL"`
}

// Heading opens a lesion or a biopsy section: "Lesion 2", "Lesion B: left
// cheek", "Biopsy 1 of 2: punch biopsy, right forearm".
type Heading struct {
	Pos   lexer.Position
	Word  string `parser:"@HeadWord"`
	Label *Label `parser:"@@?"`
	Total string `parser:"@Total?"`
	Colon bool   `parser:"@Colon?"`
	Text  *Value `parser:"@@?"`
}

// Biopsy reports whether the heading opens a biopsy section.
func (h *Heading) Biopsy() bool { return strings.EqualFold(h.Word, "biopsy") }

// Label is the label of a heading: a number, a letter or a roman numeral.
type Label struct {
	Pos   lexer.Position
	Value string `parser:"@Label"`
}

// Field is a "Key: value" line; Value is nil when nothing follows the colon.
type Field struct {
	Pos   lexer.Position
	Key   string `parser:"@Key Colon"`
	Value *Value `parser:"@@?"`
}

// Value is the text of a field or heading after its colon, trimmed.
type Value struct {
	Pos  lexer.Position
	Text string `parser:"@Text"`
}

// Narrative is any other line, kept but not coded.
type Narrative struct {
	Pos  lexer.Position
	Text string `parser:"@Text"`
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
