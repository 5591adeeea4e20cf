package batch

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The encodings a note file may be in, as Record.Encoding names them.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingWindows1252 = "windows-1252"
)

// decodeText returns the text of a note's bytes and the encoding it was
// read in: UTF-8 with or without a byte-order mark, UTF-16 with a
// byte-order mark, or, when the bytes are not valid UTF-8, Windows-1252
// (the encoding of text exported on Windows). Bytes that are not text — a
// NUL or another control character than tab, line feed, vertical tab, form
// feed and carriage return — are an *InputError naming the line, so that a
// PNG, a PDF or random data is never coded as a blank note. badLine is the
// first line that is not valid UTF-8, for a Windows-1252 text.
func decodeText(name string, b []byte) (text, encoding string, badLine int, err error) {
	encoding = EncodingUTF8
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		endian, enc := unicode.LittleEndian, EncodingUTF16LE
		if b[0] == 0xFE {
			endian, enc = unicode.BigEndian, EncodingUTF16BE
		}
		u, derr := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if derr != nil {
			return "", "", 0, &InputError{Input: name, Err: fmt.Errorf("not valid %s text", enc)}
		}
		b, encoding = u, enc
	}
	if line, c, ok := controlByte(b); ok {
		return "", "", 0, &InputError{Input: name, Line: line,
			Err: fmt.Errorf("binary data, not a note: byte 0x%02X on line %d", c, line)}
	}
	if utf8.Valid(b) {
		return string(b), encoding, 0, nil
	}
	bad := 1 + bytes.Count(b[:invalidUTF8(b)], []byte("\n"))
	s, derr := charmap.Windows1252.NewDecoder().Bytes(b)
	if derr != nil {
		return "", "", 0, &InputError{Input: name, Line: bad, Err: fmt.Errorf("neither UTF-8 nor Windows-1252 text (line %d)", bad)}
	}
	return string(s), EncodingWindows1252, bad, nil
}

// controlByte finds the first byte that text does not hold: C0 controls
// other than \t \n \v \f \r, and DEL.
func controlByte[T string | []byte](b T) (line int, c byte, found bool) {
	line = 1
	for i := range len(b) {
		switch c := b[i]; {
		case c == '\n':
			line++
		case c < 0x20 && c != '\t' && c != '\v' && c != '\f' && c != '\r', c == 0x7F:
			return line, c, true
		}
	}
	return 0, 0, false
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
