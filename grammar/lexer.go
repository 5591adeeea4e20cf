package grammar

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the note lexer.
const (
	tokEOL lexer.TokenType = iota + 1
	tokHeadWord
	tokLabel
	tokTotal
	tokKey
	tokColon
	tokText
)

var noteSymbols = map[string]lexer.TokenType{
	"EOF":      lexer.EOF,
	"EOL":      tokEOL,
	"HeadWord": tokHeadWord,
	"Label":    tokLabel,
	"Total":    tokTotal,
	"Key":      tokKey,
	"Colon":    tokColon,
	"Text":     tokText,
}

// maxKeyLen is the longest text before a colon that still reads as a key.
const maxKeyLen = 40

// noteLexer is a lexer.Definition that splits a note into lines and decides
// from the start of each line what it is. It never fails: anything that is
// not a heading or a field is narrative text.
type noteLexer struct{}

// Symbols names the token types (lexer.Definition).
func (noteLexer) Symbols() map[string]lexer.TokenType { return noteSymbols }

// Lex reads all of r and lexes it (lexer.Definition).
func (d noteLexer) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString lexes a note held in a string (lexer.StringDefinition).
func (noteLexer) LexString(filename string, src string) (lexer.Lexer, error) {
	l := &lineLexer{src: src, filename: filename, line: 1}
	if strings.HasPrefix(src, bom) {
		l.off = len(bom) // a byte-order mark from a Windows export is not text
	}
	return l, nil
}

// bom is the UTF-8 byte-order mark.
const bom = "\uFEFF"

// lineLexer produces the tokens of one line at a time.
type lineLexer struct {
	src      string
	filename string
	off      int // byte offset of the next line
	line     int // number of the next line
	queue    []lexer.Token
	buf      [8]lexer.Token
	done     bool
}

// Next returns the next token, lexing a line at a time (lexer.Lexer).
func (l *lineLexer) Next() (lexer.Token, error) {
	for len(l.queue) == 0 {
		if l.done {
			return lexer.EOFToken(l.pos(l.off, 1)), nil
		}
		l.lexLine()
	}
	t := l.queue[0]
	l.queue = l.queue[1:]
	return t, nil
}

func (l *lineLexer) pos(off, col int) lexer.Position {
	return lexer.Position{Filename: l.filename, Offset: off, Line: l.line, Column: col}
}

// lexLine queues the tokens of the next line, always ending with EOL.
func (l *lineLexer) lexLine() {
	start := l.off
	end := strings.IndexByte(l.src[start:], '\n')
	next := 0
	if end < 0 {
		end = len(l.src)
		next = end
		l.done = true
	} else {
		end += start
		next = end + 1
		if next == len(l.src) {
			l.done = true
		}
	}
	text := strings.TrimRight(l.src[start:end], "\r")
	l.queue = l.buf[:0]
	l.classify(start, text)
	l.queue = append(l.queue, lexer.Token{Type: tokEOL, Value: "\n", Pos: l.pos(start+len(text), runeCol(text, len(text)))})
	l.off = next
	l.line++
}

// runeCol is the 1-based column of byte offset i in line.
func runeCol(line string, i int) int {
	return utf8.RuneCountInString(line[:i]) + 1
}

func (l *lineLexer) emit(typ lexer.TokenType, lineStart int, line string, i int, value string) {
	l.queue = append(l.queue, lexer.Token{Type: typ, Value: value, Pos: l.pos(lineStart+i, runeCol(line, i))})
}

// classify queues the tokens of one line (without its ending).
func (l *lineLexer) classify(lineStart int, line string) {
	i := skipIndent(line)
	if i == len(line) {
		return
	}
	if l.heading(lineStart, line, i) {
		return
	}
	if c := strings.IndexByte(line[i:], ':'); c > 0 {
		key := strings.TrimRight(line[i:i+c], " \t")
		if isKey(key) {
			l.emit(tokKey, lineStart, line, i, key)
			l.emit(tokColon, lineStart, line, i+c, ":")
			l.text(lineStart, line, i+c+1)
			return
		}
	}
	l.text(lineStart, line, i)
}

// text queues the rest of the line from byte i as one Text token, trimmed.
func (l *lineLexer) text(lineStart int, line string, i int) {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	rest := strings.TrimRight(line[i:], " \t")
	if rest != "" {
		l.emit(tokText, lineStart, line, i, rest)
	}
}

// skipIndent returns the offset after indentation and a list bullet.
func skipIndent(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	for _, b := range []string{"-", "*", "•"} {
		if strings.HasPrefix(line[i:], b) {
			j := i + len(b)
			if j == len(line) || line[j] == ' ' || line[j] == '\t' || isLetter(line[j]) { // "- Site:", "-Site:"
				i = j
				for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
					i++
				}
			}
			break
		}
	}
	return i
}

// isKey reports whether the text before a colon reads as a field key: it
// starts with a letter and holds only letters, digits, spaces and the
// punctuation keys use.
func isKey(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxKeyLen || !isLetter(s[0]) {
		return false
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (isLetter(byte(r)) || r >= '0' && r <= '9'):
		case strings.ContainsRune(" \t-_'/&#().~", r):
		default:
			return false
		}
	}
	return true
}

func isLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// heading queues a "Lesion 2", "Lesion B: left cheek", "Biopsy 1 of 2:"
// line and reports whether the line is one.
func (l *lineLexer) heading(lineStart int, line string, i int) bool {
	word := headWord(line[i:])
	if word == 0 {
		return false
	}
	j := i + word
	k := skipSpace(line, j)
	if k < len(line) && line[k] == '#' {
		k = skipSpace(line, k+1)
	}
	labelStart, labelEnd := k, k
	for labelEnd < len(line) && isLabelByte(line[labelEnd]) {
		labelEnd++
	}
	if k == j && labelEnd > k && !isDigits(line[k:labelEnd]) {
		return false // only a number may run into the word: "Lesion2", not "Lesions"
	}
	label := line[labelStart:labelEnd]
	if label != "" && !IsLabel(label) {
		return false
	}
	k = skipSpace(line, labelEnd)
	totalStart, totalEnd := 0, 0
	if label != "" && k+2 < len(line) && strings.EqualFold(line[k:k+2], "of") && (line[k+2] == ' ' || line[k+2] == '\t') {
		totalStart = skipSpace(line, k+2)
		totalEnd = totalStart
		for totalEnd < len(line) && line[totalEnd] >= '0' && line[totalEnd] <= '9' {
			totalEnd++
		}
		if totalEnd == totalStart {
			return false
		}
		k = skipSpace(line, totalEnd)
	}
	if k < len(line) && line[k] != ':' {
		return false
	}
	l.emit(tokHeadWord, lineStart, line, i, line[i:j])
	if label != "" {
		l.emit(tokLabel, lineStart, line, labelStart, label)
	}
	if totalEnd > totalStart {
		l.emit(tokTotal, lineStart, line, totalStart, line[totalStart:totalEnd])
	}
	if k < len(line) {
		l.emit(tokColon, lineStart, line, k, ":")
		l.text(lineStart, line, k+1)
	}
	return true
}

// headWord returns the length of a leading "Lesion" or "Biopsy" that ends
// at a word boundary or runs into its number ("Lesion2"), else 0.
func headWord(s string) int {
	for _, w := range []string{"lesion", "biopsy"} {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			if len(s) == len(w) || !isLetter(s[len(w)]) {
				return len(w)
			}
		}
	}
	return 0
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func isLabelByte(b byte) bool { return isLetter(b) || b >= '0' && b <= '9' }
