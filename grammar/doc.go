// Package grammar is the syntax of a Mohs operative note and nothing more:
// a hand-written participle lexer whose first token decides what a line is
// (field, heading or narrative), the participle grammar of note lines, and
// the small participle grammars of the values that can be malformed
// (counts, lengths, sizes, areas, dates). Sections are assembled later, in
// internal/lower. Errors come back as *diag.ParseError in a coder's words.
package grammar
