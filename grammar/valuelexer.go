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

// valueScanner scans the text of one value into numbers, lower-cased
// words and single punctuation marks; white space is skipped. "×" reads as
// the word "x" and "cm²" as "cm2". Its tokens are participle lexer.Tokens.
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

// Next returns the next token of the value, EOF at the end.
func (s *valueScanner) Next() lexer.Token {
	rest := s.src[s.pos.Offset:]
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	s.advance(len(rest) - len(trimmed))
	rest = trimmed
	if rest == "" {
		return lexer.EOFToken(s.pos)
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
		return lexer.Token{Type: tokNumber, Value: s.advance(n), Pos: start}
	case r == '×':
		s.advance(size)
		return lexer.Token{Type: tokWord, Value: "x", Pos: start}
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
		return lexer.Token{Type: tokWord, Value: word, Pos: start}
	}
	return lexer.Token{Type: tokPunct, Value: s.advance(size), Pos: start}
}

// valueTokens is the token stream of one value, with the cursor the
// value grammars move. It is lexed as the grammars read it, so that text
// that fails at its first word ("Basal cell carcinoma of the left ala" read
// as a date) costs no more than that word; it is small and lives on its
// caller's stack.
type valueTokens struct {
	scan valueScanner
	next lexer.Token // the next token, EOF at the end
}

// lexValue starts lexing a value (the scanner never fails).
func lexValue(text string) valueTokens {
	v := valueTokens{scan: valueScanner{src: text, pos: lexer.Position{Line: 1, Column: 1}}}
	v.next = v.scan.Next()
	return v
}

// Peek returns the next token without taking it (EOF at the end).
func (v *valueTokens) Peek() lexer.Token { return v.next }

// Next takes the next token.
func (v *valueTokens) Next() {
	if !v.next.EOF() {
		v.next = v.scan.Next()
	}
}

// end fails unless every token has been taken.
func (v *valueTokens) end() error {
	if !v.Peek().EOF() {
		return v.unexpected("the end of the value")
	}
	return nil
}

// unexpected is the error for the next token when it is not what.
func (v *valueTokens) unexpected(what string) error {
	t := v.Peek()
	if t.EOF() {
		return fmt.Errorf("expected %s, found the end of the value", what)
	}
	return fmt.Errorf("%d: expected %s, found %q", t.Pos.Column, what, t.Value)
}
