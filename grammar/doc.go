// Package grammar is the syntax of a Mohs operative note and nothing more:
// a hand-written participle lexer whose first token decides what a line is
// (field, heading or narrative), the participle parser of note lines (Note
// and Line are participle.Parseable productions), and the small grammars of
// the values that can be malformed (counts, lengths, sizes, areas, dates),
// parsed by recursive descent over a second hand-written lexer. Sections are assembled later, in
// internal/lower. Errors come back as *diag.ParseError in a coder's words.
package grammar
