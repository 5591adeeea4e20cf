package grammar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the value lexer.
const (
	tokNumber lexer.TokenType = iota + 1
	tokWord
	tokPunct
)

// valueLexer scans the text of one value into numbers, lower-cased words
// and single punctuation marks; white space is skipped. "×" reads as the
// word "x" and "cm²" as "cm2". Its tokens are participle lexer.Tokens.
type valueLexer struct{}

// LexString starts scanning a value.
func (valueLexer) LexString(filename string, src string) (lexer.Lexer, error) {
	return &valueScanner{src: src, pos: lexer.Position{Filename: filename, Line: 1, Column: 1}}, nil
}

type valueScanner struct {
	src string
	pos lexer.Position
}

func (s *valueScanner) advance(n int) string {
	text := s.src[s.pos.Offset : s.pos.Offset+n]
	s.pos.Offset += n
	s.pos.Column += utf8.RuneCountInString(text)
	return text
}

// Next returns the next token of the value (lexer.Lexer).
func (s *valueScanner) Next() (lexer.Token, error) {
	rest := s.src[s.pos.Offset:]
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	s.advance(len(rest) - len(trimmed))
	rest = trimmed
	if rest == "" {
		return lexer.EOFToken(s.pos), nil
	}
	start := s.pos
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case r >= '0' && r <= '9' || r == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9':
		n := 0
		dot := false
		for n < len(rest) {
			c := rest[n]
			if c == '.' && !dot && n+1 < len(rest) && rest[n+1] >= '0' && rest[n+1] <= '9' {
				dot = true
			} else if c < '0' || c > '9' {
				break
			}
			n++
		}
		return lexer.Token{Type: tokNumber, Value: s.advance(n), Pos: start}, nil
	case r == '×':
		s.advance(size)
		return lexer.Token{Type: tokWord, Value: "x", Pos: start}, nil
	case unicode.IsLetter(r):
		n := 0
		for n < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[n:])
			if !unicode.IsLetter(r) {
				break
			}
			n += size
		}
		word := strings.ToLower(rest[:n])
		if word == "cm" {
			switch {
			case strings.HasPrefix(rest[n:], "2") && (n+1 == len(rest) || rest[n+1] < '0' || rest[n+1] > '9'):
				n++
				word = "cm2"
			case strings.HasPrefix(rest[n:], "²"):
				n += len("²")
				word = "cm2"
			}
		}
		s.advance(n)
		return lexer.Token{Type: tokWord, Value: word, Pos: start}, nil
	}
	return lexer.Token{Type: tokPunct, Value: s.advance(size), Pos: start}, nil
}

// valueTokens is the token stream of one value, with the cursor the
// value grammars move.
type valueTokens struct {
	toks []lexer.Token
	i    int
	buf  [12]lexer.Token
}

// lexValue scans every token of a value (the scanner never fails).
func lexValue(text string) *valueTokens {
	v := &valueTokens{}
	v.toks = v.buf[:0]
	s, _ := valueLexer{}.LexString("", text)
	for {
		t, _ := s.Next()
		v.toks = append(v.toks, t)
		if t.EOF() {
			return v
		}
	}
}

// Peek returns the next token without taking it (EOF at the end).
func (v *valueTokens) Peek() *lexer.Token { return &v.toks[v.i] }

// Next takes the next token.
func (v *valueTokens) Next() *lexer.Token {
	t := &v.toks[v.i]
	if !t.EOF() {
		v.i++
	}
	return t
}

// unexpected is the error for the next token when it is not what.
func (v *valueTokens) unexpected(what string) error {
	t := v.Peek()
	if t.EOF() {
		return fmt.Errorf("expected %s, found the end of the value", what)
	}
	return fmt.Errorf("%d: expected %s, found %q", t.Pos.Column, what, t.Value)
}
