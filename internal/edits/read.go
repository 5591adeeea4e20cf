package edits

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// FileError is a data row of an edit file that cannot be read: which file,
// which line, and what was wrong.
type FileError struct {
	// File is the name the file was loaded under.
	File string
	// Line is the line, from 1, the row starts on.
	Line int
	// Message says what is wrong with the row.
	Message string
}

// Error formats the error as file:line: message.
func (e *FileError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
}

// peekSize is how much of a file is looked at to tell CSV from
// tab-separated; it is also the read buffer's size.
const peekSize = 64 << 10

// rowReader yields the rows of an edit file one at a time, with the line each
// row starts on; it returns io.EOF at the end, a *rowError for a row that
// cannot be split into fields, and the reader's error when reading fails.
type rowReader interface {
	next() (fields []string, line int, err error)
}

// rowError is a row that cannot be split into fields.
type rowError struct {
	line int
	err  error
}

// Error is the reason the row could not be split.
func (e *rowError) Error() string { return e.err.Error() }

// loadError turns an error of a rowReader into the loader's error: a
// *FileError for a row or a line over MaxLineBytes, the read error prefixed
// with the file's name otherwise.
func loadError(name string, err error) error {
	if re, ok := errors.AsType[*rowError](err); ok {
		return &FileError{File: name, Line: re.line, Message: re.err.Error()}
	}
	if le, ok := errors.AsType[*LineTooLongError](err); ok {
		return &FileError{File: name, Line: le.Line, Message: le.Error()}
	}
	return fmt.Errorf("%s: %w", name, err)
}

// MaxLineBytes is the longest line a CMS edit file, a fee schedule or a
// claims export may have: their rows are a few hundred bytes, so 64 KiB
// leaves room for long rationale text while /dev/zero or a file of one
// 300 MB line fails at once, with the line's number and none of its text.
const MaxLineBytes = 64 << 10

// LineTooLongError is a line over the limit of a LimitLines reader.
type LineTooLongError struct {
	// Line is the line's number, from 1.
	Line int
	// Limit is the limit in bytes.
	Limit int
}

// Error says which line is too long, without quoting it.
func (e *LineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %d bytes; is this a text file of rows?", e.Line, e.Limit)
}

// LimitLines returns a reader of r that fails with a *LineTooLongError as
// soon as a line is longer than max bytes, so that a reader that gathers a
// line in memory (encoding/csv, bufio.Scanner) never holds more than max
// bytes of one.
func LimitLines(r io.Reader, max int) io.Reader {
	return &lineLimiter{r: r, max: max, line: 1}
}

type lineLimiter struct {
	r         io.Reader
	max       int
	line, run int // the current line and its length so far
	err       error
}

// Read reads from the underlying reader and counts line lengths.
func (l *lineLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.line++
			l.run = 0
			continue
		}
		if l.run++; l.run > l.max {
			l.err = &LineTooLongError{Line: l.line, Limit: l.max}
			return i, l.err
		}
	}
	return n, err
}

// newRowReader detects whether r is CSV or tab-separated from its first
// bytes and returns a streaming reader of its rows, no line longer than
// MaxLineBytes.
func newRowReader(r io.Reader) (rowReader, error) {
	br := bufio.NewReaderSize(LimitLines(r, MaxLineBytes), peekSize)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	head, err := br.Peek(peekSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if isTabSeparated(head) {
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 0, 4<<10), MaxLineBytes+2) // LimitLines fails first
		return &tsvReader{sc: sc}, nil
	}
	// No LazyQuotes: a stray quote is an error naming its line, never a
	// quoted field that swallows the rows after it.
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	return &csvReader{cr: cr}, nil
}

// isTabSeparated decides the file's layout from its head: the first line
// that starts with a code (quoted or not) tells by the character after it;
// without such a line, tabs outnumbering commas mean tab-separated.
func isTabSeparated(head []byte) bool {
	for line := range bytes.Lines(head) {
		s := bytes.TrimLeft(line, " ")
		s = bytes.TrimPrefix(s, []byte(`"`))
		if len(s) < 6 {
			continue
		}
		if _, ok := parseCode(string(s[:5])); !ok {
			continue
		}
		rest := bytes.TrimPrefix(s[5:], []byte(`"`))
		rest = bytes.TrimLeft(rest, " ")
		if len(rest) > 0 && (rest[0] == '\t' || rest[0] == ',') {
			return rest[0] == '\t'
		}
	}
	return bytes.Count(head, []byte("\t")) > bytes.Count(head, []byte(","))
}

type tsvReader struct {
	sc     *bufio.Scanner
	line   int
	fields []string
}

func (t *tsvReader) next() ([]string, int, error) {
	if !t.sc.Scan() {
		err := t.sc.Err()
		if err == nil {
			return nil, t.line, io.EOF
		}
		return nil, t.line + 1, err
	}
	t.line++
	t.fields = t.fields[:0]
	for f := range strings.SplitSeq(strings.TrimRight(t.sc.Text(), "\r"), "\t") {
		f = strings.TrimSpace(f)
		if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
			f = strings.ReplaceAll(f[1:len(f)-1], `""`, `"`)
		}
		t.fields = append(t.fields, f)
	}
	return t.fields, t.line, nil
}

type csvReader struct {
	cr *csv.Reader
}

func (c *csvReader) next() ([]string, int, error) {
	rec, err := c.cr.Read()
	if err != nil {
		// encoding/csv reports the text's faults as a *csv.ParseError and
		// passes the underlying reader's errors, and io.EOF, through.
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			rerr := pe.Err
			if pe.Line != pe.StartLine {
				rerr = fmt.Errorf("%w (the row runs on to line %d)", pe.Err, pe.Line)
			}
			return nil, pe.StartLine, &rowError{line: pe.StartLine, err: rerr}
		}
		return nil, 0, err
	}
	line, _ := c.cr.FieldPos(0)
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	return rec, line, nil
}

// parseCode reports whether s is a five-character HCPCS/CPT code — five
// digits, four digits and a letter (CPT category II and III, PLA codes), or a
// letter and four digits (HCPCS level II) — and returns it in upper case.
// Notice text and header cells ("HCPCS", "Notes") are not codes.
func parseCode(s string) (string, bool) {
	if len(s) != 5 {
		return "", false
	}
	s = strings.ToUpper(s)
	digit := func(b byte) bool { return b >= '0' && b <= '9' }
	letter := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	for i := 1; i < 4; i++ {
		if !digit(s[i]) {
			return "", false
		}
	}
	switch {
	case digit(s[0]) && (digit(s[4]) || letter(s[4])):
	case letter(s[0]) && digit(s[4]):
	default:
		return "", false
	}
	return s, true
}

// normCode is a claim line's code as the tables key it.
func normCode(s string) string {
	return strings.ToUpper(strings.TrimSpace(s))
}

// leadingDigit reads an indicator published as a digit, alone or followed by
// text ("2 Date of Service Edit: Policy").
func leadingDigit(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	if len(s) > 1 && s[1] >= '0' && s[1] <= '9' {
		return 0, false
	}
	return int(s[0] - '0'), true
}

// date is a calendar date as the number YYYYMMDD, which orders as dates do;
// 0 means none.
type date int

// parseDate reads a date as CMS files write it (YYYYMMDD) or in ISO 8601
// (YYYY-MM-DD).
func parseDate(s string) (date, bool) {
	s = strings.TrimSpace(s)
	layout := ""
	switch len(s) {
	case 8:
		layout = "20060102"
	case 10:
		layout = time.DateOnly
	default:
		return 0, false
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, false
	}
	return date(t.Year()*10000 + int(t.Month())*100 + t.Day()), true
}

// String formats the date as YYYY-MM-DD, or "" for none.
func (d date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// interner keeps one copy of each repeated string of a large table.
type interner map[string]string

func (in interner) get(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	s = strings.Clone(s)
	in[s] = s
	return s
}

// nextCodeRow returns the next row whose first column is a code, with that
// code; notice text, header rows and blank lines are skipped. At the end of
// the input the error is io.EOF.
func nextCodeRow(rows rowReader) (fields []string, line int, code string, err error) {
	for {
		f, line, err := rows.next()
		if err != nil {
			return nil, line, "", err
		}
		if len(f) == 0 {
			continue
		}
		if code, ok := parseCode(f[0]); ok {
			return f, line, code, nil
		}
	}
}

// fileError is the error of data row line of file name.
func fileError(name string, line int, format string, args ...any) error {
	return &FileError{File: name, Line: line, Message: fmt.Sprintf(format, args...)}
}
