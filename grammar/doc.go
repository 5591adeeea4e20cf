// Package grammar is the syntax of a Mohs operative note and nothing more.
// The note grammar is participle tagged struct types (Note, Line, Rule,
// Row, Cell, Item, Marker, Label, Text, Field, Value) built with
// participle.Build (the one-token leaves, Marker to Rule, parse themselves
// as participle.Parseable) over a hand-written line lexer whose first decision —
// table rule, pipe row, list marker, lesion label, key, column-aligned
// cells — says what a line is. Every line of text parses: what is neither
// a table nor a field is Text, for the prose reader. The values that can
// be malformed (counts, lengths, sizes, areas, dates) have small grammars
// of their own. What a key means is not the grammar's business: lowering
// reads it from a synonym table. Errors come back as *diag.ParseError in a
// coder's words.
package grammar
