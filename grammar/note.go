package grammar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/internal/diag"
)

// Note is a parsed note: its lines in order.
type Note struct {
	Lines []*Line `parser:"@@*"`
}

// Line is one line of a note: an item (list marker, lesion label, text and
// fields), blank, a table row or a table rule. The lexer opens every line
// with a zero-width token of its kind (see Item and Row), so a line ends
// where the next one opens, and the alternative for item lines, the most
// common, is tried first. Blank is set after the parse for a line that
// matched <blank> (capturing it would cost a deferred capture a line).
//
// The item's parts are read into the line itself (item, an Item embedded
// without a pointer, whose tags open the line's alternatives): a struct
// of its own per item line would cost the parse an allocation, a boxed
// position and a deferred capture more for every line of a note. Parse
// points Item at them.
type Line struct {
	Pos   lexer.Position
	item  `parser:""`
	Blank bool `parser:"  | Blank"`
	// Spanned: a line a table row's quoted cell ran on to ("block 2
	// clear\",H&E,…" under "1,1,2,\"block 1 positive"): its text is the
	// row's, read on the row's line
	Spanned bool  `parser:"  | @Spanned"`
	Row     *Row  `parser:"  | @@"`
	Rule    *Rule `parser:"  | @@ )"`
	// Item is the line's item, nil for a blank line, a row or a rule.
	Item *Item
}

// item is an Item read as part of a Line.
type item = Item

// Rule is a table rule or box border: "|---|---|", "+----+".
type Rule struct {
	Pos  lexer.Position
	Text string `parser:"@Rule"`
}

// Row is a table row, `<row> Cell+`: pipe-separated cells, or cells set
// apart by tabs or runs of spaces.
type Row struct {
	Pos   lexer.Position
	Cells []*Cell
}

// Cell is one cell of a row; Text is empty for an empty cell.
type Cell struct {
	Pos  lexer.Position
	Text string `parser:"@Cell"`
}

// Item is any other non-blank line: an optional list marker, an optional
// lesion label, optional text, and the fields that follow ("Key: value",
// several to a line when set apart by a column gap). The lexer opens it
// with a zero-width token that says how it starts — Keys (with a field),
// Head (with a list marker or a label) or Prose (with text) — so that the
// parser tries no optional part that the line cannot have.
type Item struct {
	Pos    lexer.Position
	Marker *Marker  `parser:"( ( Keys | Head @@?"`
	Label  *Label   `parser:"               @@?"`
	Text   *Text    `parser:"               @@? | Prose @@ )"`
	Fields []*Field `parser:"@@*"`
	// Banner: the line was set between runs of decoration ("--- end of
	// log ---", "===== Lesion A ====="), which the lexer blanked.
	Banner bool
}

// Empty reports whether the item holds nothing.
func (it *Item) Empty() bool {
	return it.Marker == nil && it.Label == nil && it.Text == nil && len(it.Fields) == 0
}

// Marker is a list marker: "-", "•", "1.", "2)", "A.".
type Marker struct {
	Pos  lexer.Position
	Text string `parser:"@Marker"`
}

// Label is a lesion or biopsy label: "Lesion 2", "SITE A", "Lesion 1 of 2",
// "Biopsy #1", "#1".
type Label struct {
	Pos  lexer.Position
	Text string `parser:"@Label"`
}

// Word is the label's word in lower case: "lesion", "site", "tumor",
// "tumour" or "biopsy"; "lesion" for a hash label ("#1").
func (l *Label) Word() string {
	if strings.HasPrefix(l.Text, "#") {
		return "lesion" // "#1 left cheek"
	}
	w, rest, _ := strings.Cut(l.Text, " ")
	for _, o := range ordinalLabels {
		if strings.EqualFold(w, o) {
			w = strings.TrimSpace(rest) // "Second lesion"
		}
	}
	for _, word := range labelWords {
		if len(w) >= len(word) && strings.EqualFold(w[:len(word)], word) {
			return word
		}
	}
	return strings.ToLower(w)
}

// Name is the label proper: "2", "A", "II" ("Lesion #2 of 3" → "2",
// "Second lesion" and "Site two" → "2").
func (l *Label) Name() string {
	if num, ok := strings.CutPrefix(l.Text, "#"); ok {
		return strings.TrimSpace(num) // "#1", "# 2"
	}
	first, _, _ := strings.Cut(l.Text, " ")
	for i, o := range ordinalLabels {
		if strings.EqualFold(first, o) {
			return strconv.Itoa(i + 1)
		}
	}
	s := l.Text[len(l.Word()):]
	s = strings.TrimLeft(s, " \t#")
	if n := numberWordLen(s); n > 0 {
		s = strings.TrimLeft(s[n:], " \t") // "Tumor number one", "Lesion No. 2"
	}
	if name, _, ok := strings.Cut(s, " "); ok {
		s = name
	}
	if n := cardinal(s); n > 0 {
		return strconv.Itoa(n) // "Site one"
	}
	return s
}

// Biopsy reports whether the label opens a biopsy section.
func (l *Label) Biopsy() bool { return l.Word() == "biopsy" }

// Text is text that is neither a key nor a value: a heading, a sentence,
// the text after a label or a list marker.
type Text struct {
	Pos  lexer.Position
	Text string `parser:"@Text"`
}

// Field is a "Key: value" pair, `<key> Value?`; Value is nil when nothing
// follows the colon (the value may then stand on the next lines).
type Field struct {
	Pos   lexer.Position
	Key   string
	Value *Value
}

// Value is the text of a field after its colon, trimmed.
type Value struct {
	Pos  lexer.Position
	Text string `parser:"@Value"`
}

// noteParser is built from the types above on first use (not at program
// start: a command that parses no note does not pay for it). A parser is
// safe for concurrent use.
var noteParser = sync.OnceValue(func() *participle.Parser[Note] {
	return participle.MustBuild[Note](participle.Lexer(noteLexer{}))
})

// EBNF is the note grammar as participle prints it from the types above.
func EBNF() string { return noteParser().String() }

// Parse parses note text. name is the file name used in error positions.
// Every line of text parses; only an empty note is an error.
func Parse(name, src string) (*Note, error) {
	if strings.TrimSpace(src) == "" {
		return nil, &diag.ParseError{Filename: name, Line: 1, Column: 1, Message: "the note is empty"}
	}
	note, err := noteParser().ParseString(name, src)
	if err != nil {
		return nil, positioned(name, err, "a field, a table row or a line of text")
	}
	for _, line := range note.Lines {
		switch {
		case !line.item.Empty():
			line.item.Pos = line.Pos
			line.item.Banner = bannered(src, line.Pos)
			line.Item = &line.item
		case line.Row == nil && line.Rule == nil && !line.Spanned:
			line.Blank = true
		}
	}
	return note, nil
}

// bannered reports whether the text before pos on its line is a run of
// banner decoration that the lexer blanked.
func bannered(src string, pos lexer.Position) bool {
	start := pos.Offset - (pos.Column - 1)
	if pos.Column < 4 || start < 0 || pos.Offset > len(src) {
		return false
	}
	lead := strings.TrimSpace(src[start:pos.Offset])
	return len(lead) >= 3 && strings.Trim(lead, lead[:1]) == "" && strings.Contains("=*#~-", lead[:1])
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

// The leaves of the grammar parse themselves (participle.Parseable):
// participle allocates a struct, boxes its position and defers a capture for
// every struct it tries, and for a run of a few tokens a check of their
// types does the same work for a fraction of the allocations. Marker, Label,
// Text, Value, Cell and Rule each take one token of their own type (<marker>,
// <label>, <text>, <value>, <cell>, <rule>) and its position, as `@Token` in
// a struct with a Pos field did; Field takes `<key> Value?` and Row `<row>
// Cell+`, as their tags `@Key @@?` and `Row @@+` did.

// token takes the next token when it is of type typ into pos and text, or
// reports participle.NextMatch.
func token(lex *lexer.PeekingLexer, typ lexer.TokenType, pos *lexer.Position, text *string) error {
	t := lex.Peek()
	if t.Type != typ {
		return participle.NextMatch
	}
	lex.Next()
	*pos, *text = t.Pos, t.Value
	return nil
}

// Parse takes a <marker> token (participle.Parseable).
func (m *Marker) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokMarker, &m.Pos, &m.Text) }

// Parse takes a <label> token (participle.Parseable).
func (l *Label) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokLabel, &l.Pos, &l.Text) }

// Parse takes a <text> token (participle.Parseable).
func (t *Text) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokText, &t.Pos, &t.Text) }

// Parse takes a <value> token (participle.Parseable).
func (v *Value) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokValue, &v.Pos, &v.Text) }

// Parse takes a <cell> token (participle.Parseable).
func (c *Cell) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokCell, &c.Pos, &c.Text) }

// Parse takes a <rule> token (participle.Parseable).
func (r *Rule) Parse(lex *lexer.PeekingLexer) error { return token(lex, tokRule, &r.Pos, &r.Text) }

// Parse takes a <key> token and the <value> token after it, if any
// (participle.Parseable).
func (f *Field) Parse(lex *lexer.PeekingLexer) error {
	if err := token(lex, tokKey, &f.Pos, &f.Key); err != nil {
		return err
	}
	var v Value
	if v.Parse(lex) == nil {
		f.Value = &v
	}
	return nil
}

// Parse takes a <row> token and the <cell> tokens after it, one or more
// (participle.Parseable).
func (r *Row) Parse(lex *lexer.PeekingLexer) error {
	var opening string
	if err := token(lex, tokRow, &r.Pos, &opening); err != nil {
		return err
	}
	for {
		var c Cell
		if c.Parse(lex) != nil {
			break
		}
		r.Cells = append(r.Cells, &c)
	}
	if len(r.Cells) == 0 {
		return participle.Errorf(lex.Peek().Pos, "a table row needs a cell")
	}
	return nil
}
