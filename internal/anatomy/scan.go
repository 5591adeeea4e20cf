package anatomy

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes of ASCII: word characters (letters and digits, lowered by lowerASCII) and
// hard separators. A hard separator ("neck/upper chest", "cheek, nose") ends a segment: no
// term spelling spans it. Every other character (space, hyphen, period) separates words
// only, so "pre-auricular" reads as "pre auricular" and "L." as "l".
var wordByte, hardByte, lowerASCII = asciiClasses()

// asciiClasses builds the byte classes. They are package variables with an initializer (not
// set in init) so that they are ready when the table is parsed at package initialization.
func asciiClasses() (word, hard [utf8.RuneSelf]bool, lower [utf8.RuneSelf]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		lower[c] = b
		switch {
		case 'a' <= b && b <= 'z', '0' <= b && b <= '9':
			word[c] = true
		case 'A' <= b && b <= 'Z':
			word[c] = true
			lower[c] = b + 'a' - 'A'
		}
	}
	for _, b := range []byte("/\\|,;:()[]{}&+\n\r") {
		hard[b] = true
	}
	return word, hard, lower
}

// wordScanner splits a text into lower-case words.
type wordScanner struct {
	text string
	pos  int
	sep  byte // the last hard separator before the word next returned, 0 for none
}

// isWordAt reports whether a word character starts at text[i].
func isWordAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return wordByte[c]
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// next appends the next word, in lower case, to buf. hard reports whether a hard separator
// stood between the previous word and this one (or the end, when ok is false); ok is false
// when no word is left. An apostrophe inside a word is dropped ("patient's" → "patients").
func (s *wordScanner) next(buf []byte) (out []byte, hard, ok bool) {
	text, i := s.text, s.pos
	s.sep = 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				break
			}
			if hardByte[c] {
				hard, s.sep = true, c
			}
			i++
			continue
		}
		if isWordAt(text, i) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	if i >= len(text) {
		s.pos = i
		return buf, hard, false
	}
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				buf = append(buf, lowerASCII[c])
				i++
				continue
			}
			if c == '\'' && isWordAt(text, i+1) {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += size
			continue
		}
		if r == '\u2019' && isWordAt(text, i+size) {
			i += size
			continue
		}
		break
	}
	s.pos = i
	return buf, hard, true
}
