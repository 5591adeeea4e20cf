package grammar

import (
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the note lexer. The lexer reads a line at a time and its
// first decision — rule, pipe row, list marker, lesion label, key — says
// what the line is, so the parser never backtracks across lines.
const (
	tokRule lexer.TokenType = iota + 1
	tokCell
	tokMarker
	tokLabel
	tokText
	tokKey
	tokValue
	tokBlank
	tokHead
	tokProse
	tokKeys
	tokRow
	tokSpanned
)

var noteSymbols = map[string]lexer.TokenType{
	"EOF":     lexer.EOF,
	"Rule":    tokRule,
	"Cell":    tokCell,
	"Marker":  tokMarker,
	"Label":   tokLabel,
	"Text":    tokText,
	"Key":     tokKey,
	"Value":   tokValue,
	"Blank":   tokBlank,
	"Head":    tokHead,
	"Prose":   tokProse,
	"Keys":    tokKeys,
	"Row":     tokRow,
	"Spanned": tokSpanned,
}

// maxKeyLen is the longest text before a colon that still reads as a key.
const maxKeyLen = 48

// noteLexer is a lexer.Definition that splits a note into lines and each
// line into a few large tokens. It never fails: text it cannot place is a
// Text token, for the prose reader.
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
	l := &lineLexer{src: src, filename: filename, line: 1, ocr: scanned(src), dotted: strings.Count(src, "....") >= 3, quoted: quotedMail(src)}
	if strings.HasPrefix(src, bom) {
		l.off = len(bom) // a byte-order mark from a Windows export is not text
	}
	return l, nil
}

// scanned reports whether a note has the spacing optical character
// recognition gives a scanned form: three or more lines whose keys have a
// blank before the colon and whose words are set apart by two or three
// blanks (ocrSpaced).
func scanned(src string) bool {
	if !strings.Contains(src, " :") {
		return false
	}
	n := 0
	for line := range strings.Lines(src) {
		if strings.Contains(line, " :") && ocrSpaced(line) {
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}

// quotedMail reports whether a note was pasted from an e-mail that quotes
// it: five or more lines open with ">" and none of them with a ">" that
// a blank does not follow ("> Site: …", ">" alone, "> > Stage 1: …"), as
// against a list whose items open with "> ".
func quotedMail(src string) bool {
	n := 0
	for line := range strings.Lines(src) {
		if strings.HasPrefix(line, ">") {
			n++
			if rest := strings.TrimLeft(line, ">"); rest != "" && rest[0] != ' ' && rest[0] != '\n' && rest[0] != '\r' {
				return false
			}
		}
	}
	return n >= 5 && n*2 >= strings.Count(src, "\n")
}

// unquoted blanks the e-mail quote marks that open a line ("> > Stage 1:
// …" → "    Stage 1: …"), keeping every byte in place.
func unquoted(s string) string {
	k := 0
	for k < len(s) && (s[k] == '>' || s[k] == ' ' && k > 0 && s[k-1] == '>') {
		k++
	}
	if k == 0 {
		return s
	}
	return strings.Repeat(" ", k) + s[k:]
}

// bom is the UTF-8 byte-order mark; mojibakeBOM is that mark decoded as
// Latin-1 and encoded again, as an export that mistook the encoding writes
// it.
const (
	bom         = "\uFEFF"
	mojibakeBOM = "ï»¿"
)

// lineLexer produces the tokens of one line at a time.
type lineLexer struct {
	src      string
	filename string
	off      int // byte offset of the next line
	line     int // number of the next line
	queue    []lexer.Token
	buf      [16]lexer.Token
	done     bool
	// ocr: the note has the spacing of a scanned form (scanned): lines so
	// spaced are read with their spacing collapsed
	ocr bool
	// quoted: the note was forwarded in an e-mail that quotes each of its
	// lines with "> " (quotedMail): the quote marks are not text
	quoted bool
	// dotted: the note is a form with dot leaders, whose longest keys get a
	// leader of one or two dots ("Same-day biopsy . shave …")
	dotted bool
	// columns: where the cells of the last table row start (1-based rune
	// columns), kept over rules and one blank line and cleared by any other line
	columns []int
	// afterBlank: the last line was blank
	afterBlank bool
	// spanning: the line is a row whose cells run past the columns above
	// (see underColumns), which it keeps for the next row
	spanning bool
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

// lexLine queues the tokens of the next line.
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
	orig := strings.TrimRight(l.src[start:end], "\r")
	text := orig
	if l.quoted {
		text = unquoted(text)
	}
	text = blankMarkup(text)
	if strings.HasPrefix(text, mojibakeBOM) {
		text = strings.Repeat(" ", len(mojibakeBOM)) + text[len(mojibakeBOM):] // a byte-order mark read as Latin-1 by an export
	}
	if l.dotted {
		text = shortLeader(text)
	}
	text = blankClock(text)
	var spanned []int // the offsets of the lines a quoted cell ran on to, read with this one
	if opensQuotedCell(text) {
		if joined, offs := l.quotedCellLines(text, next); offs != nil {
			text, orig, spanned = joined, joined, offs
			if next = l.nextLine(offs[len(offs)-1]); next >= len(l.src) {
				l.done = true
			}
		}
	}
	l.queue = l.buf[:0]
	ll := line{text: text, orig: orig, start: start, lx: l}
	if l.ocr && ocrSpaced(orig) {
		ll.text, ll.at = collapseSpacing(text)
	} else if strings.IndexByte(text, '[') >= 0 {
		if t, at := misheard(text); at != nil {
			ll.text, ll.at = t, at // "won [one] block" reads "one block", its words at their columns
		}
	}
	if t, at := unligated(ll.text); at != nil {
		ll.text, ll.at = t, composed(at, ll.at) // a PDF's "ﬁrst stage" reads "first stage"
	}
	ll.classify()
	l.rememberColumns()
	if len(l.queue) > 0 {
		var open lexer.TokenType
		switch l.queue[0].Type {
		case tokMarker, tokLabel:
			open = tokHead
		case tokText:
			open = tokProse
		case tokKey:
			open = tokKeys
		case tokCell:
			open = tokRow
		}
		if open != 0 {
			// An item line opens with a zero-width token that says how it
			// starts (Keys, Head or Prose) and a table row with a zero-width
			// Row token, so that the parser knows the line's kind from its
			// first token and where a row ends.
			first := l.queue[0]
			l.queue = append(l.queue, lexer.Token{})
			copy(l.queue[1:], l.queue)
			l.queue[0] = lexer.Token{Type: open, Pos: first.Pos}
		}
	}
	for _, off := range spanned {
		l.line++
		l.queue = append(l.queue, lexer.Token{Type: tokSpanned, Pos: l.pos(off, 1)}) // the lines the cell ran on to stay, as lines of their own
	}
	l.off = next
	l.line++
}

// nextLine is the offset of the line after the one at off (len(src) at the
// last).
func (l *lineLexer) nextLine(off int) int {
	if k := strings.IndexByte(l.src[off:], '\n'); k >= 0 {
		return off + k + 1
	}
	return len(l.src)
}

// opensQuotedCell reports whether a spreadsheet row's quoted cell opens on
// the line and goes on to the next ("1,1,2,\"block 1 positive (deep)" over
// "block 2 clear\",H&E,…"): its quotes are odd, and the last opens a cell,
// after two delimiters or more.
func opensQuotedCell(s string) bool {
	if strings.Count(s, `"`)%2 == 0 {
		return false
	}
	k := strings.LastIndexByte(s, '"')
	if k == 0 {
		return false
	}
	d := s[k-1]
	return (d == ',' || d == '\t' || d == ';') && strings.Count(s[:k], string(d)) >= 2
}

// quotedCellLines joins to text the lines from the one at off on until the
// quotes balance, at most eight, each trimmed and after a blank: the row
// and the offsets of the lines it took. Nil when they never balance, or a
// line closes the cell with no delimiter or line end after the quote.
func (l *lineLexer) quotedCellLines(text string, off int) (string, []int) {
	var offs []int
	joined := text
	for n := 0; n < 8 && off < len(l.src); n++ {
		end := strings.IndexByte(l.src[off:], '\n')
		if end < 0 {
			end = len(l.src) - off
		}
		part := strings.TrimSpace(strings.TrimRight(l.src[off:off+end], "\r"))
		if part == "" {
			return "", nil // a blank line ends the row
		}
		offs = append(offs, off)
		joined += " " + part
		if strings.Count(part, `"`)%2 == 1 {
			k := strings.IndexByte(part, '"')
			if k+1 < len(part) && !strings.ContainsRune(",;\t", rune(part[k+1])) {
				return "", nil
			}
			return joined, offs
		}
		off += end + 1
	}
	return "", nil
}

// rememberColumns keeps the columns of a table row's cells for the next
// line (see underColumns); a rule, one blank line (a double-spaced export
// leaves one between a log's rows) or a row whose first cell is empty (it
// goes on the cells above) keeps them, any other line or a second blank
// line clears them.
func (l *lineLexer) rememberColumns() {
	blank := len(l.queue) > 0 && l.queue[0].Type == tokBlank
	defer func() { l.afterBlank = blank }()
	spanning := l.spanning
	l.spanning = false
	if len(l.queue) > 0 && (l.queue[0].Type == tokRule || blank && !l.afterBlank) || spanning {
		return
	}
	if len(l.columns) > 0 && len(l.queue) > 0 && l.queue[0].Type == tokCell && l.queue[0].Value == "" {
		return // "      |        |         | no perineural invasion": a row that goes on the cells above keeps their columns
	}
	l.columns = l.columns[:0]
	for _, t := range l.queue {
		if t.Type != tokCell {
			l.columns = l.columns[:0]
			return
		}
		l.columns = append(l.columns, t.Pos.Column)
	}
}

// runeCol is the 1-based column of byte offset i in line.
func runeCol(line string, i int) int {
	return utf8.RuneCountInString(line[:i]) + 1
}

// line is one line being lexed.
type line struct {
	text  string
	orig  string // the line as the note has it: text may widen blanks, never move bytes
	start int    // byte offset of the line in the note
	lx    *lineLexer
	// at maps a byte of a text whose spacing was collapsed (collapseSpacing)
	// to its byte in orig; nil when text keeps orig's bytes in place
	at []int
}

func (ln line) emit(typ lexer.TokenType, from, to int) {
	at := ln.origOffset(from)
	ln.lx.queue = append(ln.lx.queue, lexer.Token{Type: typ, Value: ln.text[from:to],
		Pos: ln.lx.pos(ln.start+at, runeCol(ln.orig, at))})
}

// origOffset is the byte of orig that byte i of the line's text stands for.
func (ln line) origOffset(i int) int {
	if ln.at == nil {
		return i
	}
	return ln.at[i]
}

// ocrSpaced reports whether a line has the spacing optical character
// recognition gives a scanned form: words set apart by two or three
// blanks, twice or more and at least twice as often as by one ("Date   of
// service  :   10/07/2026", "Bolster   dressing   sutured   in   place .").
func ocrSpaced(s string) bool {
	single, double := 0, 0
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if i > 0 && j < len(s) {
			switch n := j - i; {
			case n == 1:
				single++
			case n <= 3:
				double++
			}
		}
		i = j
	}
	return double >= 2 && double >= 2*single
}

// collapseSpacing undoes OCR spacing: a run of two or three blanks is one,
// a longer run a column gap of two, and no blank stays before a colon,
// semicolon, comma or full stop ("Stage   1  :   3  blocks ;" → "Stage 1:
// 3 blocks;"). at maps each byte of the result (and its end) to its byte in
// s.
func collapseSpacing(s string) (string, []int) {
	b := make([]byte, 0, len(s))
	at := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			b, at = append(b, s[i]), append(at, i)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		switch {
		case j < len(s) && strings.IndexByte(":;,.", s[j]) >= 0 && i > 0:
			// no blank before punctuation
		case j-i >= 4:
			b, at = append(b, ' ', ' '), append(at, i, i+1)
		default:
			b, at = append(b, ' '), append(at, i)
		}
		i = j
	}
	return string(b), append(at, len(s))
}

// classify queues the tokens of the line (without its ending).
func (ln line) classify() {
	s := ln.text
	i := skipBlank(s, 0)
	if i == len(s) {
		ln.emit(tokBlank, i, i)
		return
	}
	if isRule(s[i:]) {
		ln.emit(tokRule, i, trimEnd(s, len(s)))
		return
	}
	if pipeLen(s[i:]) > 0 {
		ln.pipeRow(i, true)
		return
	}
	if strings.Count(s[i:], " | ") >= 3 && !keyedCells(s[i:]) {
		ln.pipeRow(i, false) // "Les | Site | Stage 1 | Stage 2 | …": a pipe table printed without its outer bars
		return
	}
	if ln.delimitedRow(i) {
		return
	}
	if ln.pairs(i) {
		return
	}
	if m := markerLen(s[i:]); m > 0 {
		ln.emit(tokMarker, i, i+m)
		i = skipBlank(s, i+m)
	}
	if m := mohsBefore(s[i:]); m > 0 {
		i += m // "MOHS LESION #1 — R NASAL ALA": the word is the heading's, not the label's
	}
	if j, rest := labelLen(s[i:]); j > 0 {
		ln.emit(tokLabel, i, i+j)
		i = skipBlank(s, i+rest)
	}
	ln.segments(i)
}

// pipeRow queues the cells of a "| a | b |" row (opened: the row starts
// with its bar; else "a | b | c", its first cell at i); empty cells are
// kept so that columns stay aligned. A box-drawing table's bars ("│",
// "║", "┃") are pipes too.
func (ln line) pipeRow(i int, opened bool) {
	s := ln.text
	end := trimEnd(s, len(s))
	from := i
	if opened {
		from += pipeLen(s[i:])
	}
	switch {
	case end > from && s[end-1] == '|':
		end--
	case end-3 >= from && pipeLen(s[end-3:end]) == 3:
		end -= 3
	}
	for from <= end {
		to, n := nextPipe(s, from, end)
		a, b := skipBlank(s, from), trimEnd(s, to)
		if b < a {
			b = a
		}
		ln.emit(tokCell, a, b)
		if n == 0 {
			break
		}
		from = to + n
	}
}

// keyedCells reports whether two or more of a line's bar-separated parts
// are fields ("LESION 1 | Site: left nasal ala | Dx: …"): fields set apart
// by bars, not a table's row.
func keyedCells(s string) bool {
	n := 0
	for part := range strings.SplitSeq(s, "|") {
		if keyEnd(strings.TrimSpace(part)) > 0 {
			n++
		}
	}
	return n >= 2
}

// pipeLen is the length of the cell bar at the start of s: 1 for "|", 3 for
// the box-drawing bars "│", "║" and "┃"; 0 when s starts with none.
func pipeLen(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] == '|':
		return 1
	case strings.HasPrefix(s, "│"), strings.HasPrefix(s, "║"), strings.HasPrefix(s, "┃"):
		return 3
	}
	return 0
}

// nextPipe is the offset and length of the next cell bar in s[from:end],
// or end and 0.
func nextPipe(s string, from, end int) (int, int) {
	for k := from; k < end; k++ {
		if s[k] == '|' || s[k] == 0xE2 {
			if n := pipeLen(s[k:end]); n > 0 {
				return k, n
			}
		}
	}
	return end, 0
}

// delimitedRow queues the cells of a row a spreadsheet export wrote with
// delimiters — quoted CSV ("1","5","Positive",""), or commas or semicolons
// with no blank after any of them and none in the first cell (1;3;clear;H&E,
// Stage,Blocks,Margin) — and reports whether the line is one. A line with a
// key, or whose delimiters are followed by blanks as prose's are, is not.
func (ln line) delimitedRow(i int) bool {
	s := ln.text
	end := trimEnd(s, len(s))
	if s[i] == '"' {
		for _, d := range []byte{',', ';', '\t'} {
			if strings.Contains(s[i:end], string([]byte{'"', d, '"'})) {
				ln.csvRow(i, end, d)
				return true
			}
		}
		return false
	}
	for _, d := range []byte{';', ','} {
		n, quoted := 0, false
		for k := i; k < end && n >= 0; k++ {
			switch {
			case s[k] == '"' && (k == i || s[k-1] == d || quoted):
				quoted = !quoted // a quoted cell's delimiters are its text: 1,3,"positive: block 2 (deep), block 3",H&E
			case s[k] != d || quoted:
			case k+1 < end && (s[k+1] == ' ' || s[k+1] == '\t'):
				n = -1 // a delimiter with a blank after it: prose
			default:
				n++
			}
		}
		first := strings.IndexByte(s[i:end], d)
		if n >= 2 && !strings.ContainsAny(s[i:i+first], " \t") && keyEnd(s[i:end]) == 0 {
			ln.csvRow(i, end, d) // its first cell a word or a number: "Stage", "1", not "blocks 1,2,4 clear"
			return true
		}
	}
	for _, d := range []byte{',', ';'} {
		// "dos,07/14/2026", "date_of_service;2026-02-17": a key and its value
		// as an export writes them, the key one word
		if k := strings.IndexByte(s[i:end], d); k > 0 && i+k+1 < end && !blankAt(s, i+k+1) && isIdentifier(s[i:i+k]) {
			ln.emit(tokCell, i, i+k)
			ln.emit(tokCell, i+k+1, end)
			return true
		}
	}
	if colons := spacedColons(s, i, end); len(colons) >= 2 && !gapInCell(s, i, end, colons) {
		ln.colonRow(i, end, colons) // "1      : 3      : clear      : no PNI"
		return true
	}
	return false
}

// isIdentifier reports whether s is one word of letters and underscores,
// as an export names a field ("date_of_service").
func isIdentifier(s string) bool {
	if len(s) < 2 || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

// spacedColons are the offsets of the colons with a blank on each side in
// s[i:end]: the dividers of a log whose columns colons set apart.
func spacedColons(s string, i, end int) []int {
	var out []int
	for k := i + 1; k+1 < end; k++ {
		if s[k] == ':' && (s[k-1] == ' ' || s[k-1] == '\t') && (s[k+1] == ' ' || s[k+1] == '\t') {
			out = append(out, k)
		}
	}
	return out
}

// gapInCell reports whether a cell between the colons at colons holds a
// column gap: then the colons end keys ("DOS :   05/26/2026   Surgeon :
// Dr. …"), not a log's cells.
func gapInCell(s string, i, end int, colons []int) bool {
	from := i
	for _, c := range append(colons, end) {
		if strings.Contains(strings.TrimSpace(s[from:c]), "  ") {
			return true
		}
		from = c + 1
	}
	return false
}

// colonRow queues the cells of a row between i and end that the colons at
// colons divide, each cell's text without the blanks around it.
func (ln line) colonRow(i, end int, colons []int) {
	s := ln.text
	from := i
	for _, c := range append(colons, end) {
		a := skipBlank(s, from)
		ln.emit(tokCell, min(a, c), max(min(a, c), trimEnd(s, c)))
		from = c + 1
	}
}

// csvRow queues the cells of a delimited row between i and end: each cell
// is the text between its quotes (a doubled quote inside stays as it is),
// or the bare text between delimiters d.
func (ln line) csvRow(i, end int, d byte) {
	s := ln.text
	for from := i; from <= end; {
		from = min(skipBlank(s, from), end) // a blank after the last delimiter runs to the end, not past it
		if from < end && s[from] == '"' {
			to := from + 1
			for to < end && !(s[to] == '"' && (to+1 == end || s[to+1] != '"')) {
				if s[to] == '"' {
					to++ // a doubled quote
				}
				to++
			}
			ln.emit(tokCell, from+1, to)
			next := strings.IndexByte(s[min(to+1, end):end], d)
			if next < 0 {
				return
			}
			from = min(to+1, end) + next + 1
			continue
		}
		to := strings.IndexByte(s[from:end], d)
		if to < 0 {
			to = end
		} else {
			to += from
		}
		ln.emit(tokCell, from, max(trimEnd(s, to), from))
		from = to + 1
	}
}

// pairs queues the fields of a line an export wrote as key=value pairs
// ("stage=1 blocks=4 margins="block 2 positive"", "case_date=2026-09-29"):
// the line starts with a pair, a value in quotes ends at its closing quote
// and a bare value at the next pair. It reports false, queueing nothing,
// when the line is not such a line.
func (ln line) pairs(i int) bool {
	s := ln.text
	if pairKeyEnd(s, i) == 0 {
		return false
	}
	type pair struct{ key, eq, from, to int }
	var buf [8]pair
	pairs := buf[:0]
	for i < len(s) {
		p := pair{key: i, eq: pairKeyEnd(s, i)}
		if p.eq == 0 {
			return false
		}
		p.from = p.eq + 1
		if p.from < len(s) && s[p.from] == '"' {
			q := strings.IndexByte(s[p.from+1:], '"')
			if q < 0 {
				return false
			}
			p.from++
			p.to = p.from + q
			i = p.to + 1
			if i < len(s) && !blankAt(s, i) {
				return false
			}
		} else {
			i = p.from
			for i < len(s) && !(blankAt(s, i) && pairKeyEnd(s, skipBlank(s, i)) > 0) {
				i++
			}
			p.to = trimEnd(s, i)
		}
		pairs = append(pairs, p)
		i = skipBlank(s, i)
	}
	for _, p := range pairs {
		ln.emit(tokKey, p.key, p.eq)
		if p.from < p.to {
			ln.emit(tokValue, p.from, p.to)
		}
	}
	return true
}

// pairKeyEnd is the offset of the "=" ending a key=value key that starts
// at i — two or more letters, digits or underscores, the first a letter —
// or 0.
func pairKeyEnd(s string, i int) int {
	j := i
	for j < len(s) && (isLetter(s[j]) || s[j] == '_' || j > i && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j-i < 2 || j >= len(s) || s[j] != '=' || j+1 < len(s) && s[j+1] == '=' {
		return 0
	}
	return j
}

// segment is a run of a line between column gaps.
type segment struct {
	from, to int // byte offsets in the line
	key      int // end of the key when the segment starts with "Key:", else 0
}

// segments queues the rest of the line from byte i: fields (with values
// that may run over gaps), leading text, or the cells of a column-aligned
// row.
func (ln line) segments(i int) {
	s := ln.text
	var buf [12]segment
	segs := buf[:0]
	for from := i; from < len(s); {
		to := nextGap(s, from)
		seg := segment{from: from, to: trimEnd(s, to)}
		seg.key = keyEnd(s[seg.from:seg.to])
		if seg.key > 0 {
			seg.key += seg.from
		}
		segs = append(segs, seg)
		from = skipGap(s, to)
	}
	if len(segs) == 0 {
		return
	}
	for k := 1; k < len(segs); k++ {
		if prev := segs[k-1]; prev.key > 0 && skipBlank(s, prev.key+1) >= prev.to && segs[k].key > 0 && sentenceEnd(s[segs[k].from:segs[k].key]) {
			// "Site:<tab>left lower eyelid. Diagnosis: …": the bare key's
			// value, whose sentences run on into the next fields
			segs[k].key = 0
		}
	}
	fields := false
	for _, seg := range segs {
		fields = fields || seg.key > 0
	}
	if fields && ln.underColumns(segs) {
		fields = false // "I    blocks 1-7    positive: 3, 6 (deep)    H&E" under a log's header
	}
	if !fields && len(ln.lx.queue) == 0 && strings.Count(s, "\t") >= 2 {
		ln.tabCells() // a spreadsheet's row: its empty cells keep their places
		return
	}
	if !fields {
		if len(segs) >= 2 && len(ln.lx.queue) == 0 {
			for _, seg := range segs {
				ln.emit(tokCell, seg.from, seg.to)
			}
			ln.emptyTabCells()
			return
		}
		ln.emit(tokText, i, segs[len(segs)-1].to)
		return
	}
	k := 0
	if segs[0].key == 0 {
		for k < len(segs) && segs[k].key == 0 {
			k++
		}
		ln.emit(tokText, segs[0].from, segs[k-1].to)
	}
	for k < len(segs) {
		seg := segs[k]
		ln.emit(tokKey, seg.from, trimEnd(s, seg.key))
		last := k
		for last+1 < len(segs) && segs[last+1].key == 0 {
			last++
		}
		if v := skipBlank(s, seg.key+1); v < segs[last].to {
			ln.emit(tokValue, v, segs[last].to)
		}
		k = last + 1
	}
}

// sentenceEnd reports whether s holds the end of a sentence: a full stop
// after a word of three or more letters, then a blank ("eyelid. Diagnosis",
// not "Dr. Ames").
func sentenceEnd(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		w := i
		for w > 0 && isLetter(s[w-1]) {
			w--
		}
		if i-w >= 3 {
			return true
		}
		next := strings.Index(s[i+2:], ". ")
		if next < 0 {
			return false
		}
		i += 2 + next
	}
	return false
}

// underColumns reports whether a line of three or more segments, the
// first no key, stands under the cells of the table row above it: every
// segment but the last starts within two columns of a cell of that row,
// or the segments start under every cell of that row but one, the first
// cell included, those in between going on the cell before them ("I  A B
// C D  A: + (deep)  B: -  H&E" under "Stage  Blocks  Margin  Stains").
// Such a line is a row of the table even where a cell holds a colon
// ("positive: 3, 6 (deep)"), as is a line of as many tab-separated cells as
// the row above has.
func (ln line) underColumns(segs []segment) bool {
	if len(segs) < 3 || len(ln.lx.columns) < 3 || segs[0].key > 0 || len(ln.lx.queue) > 0 {
		return false
	}
	if tabs := strings.Count(ln.text, "\t"); tabs >= 2 && tabs+1 == len(ln.lx.columns) {
		return true // a spreadsheet's row of as many tab-separated cells as the row above: "Stage 1<TAB>4<TAB>Positive<TAB>SCC in situ: …"
	}
	under, all := 0, true
	for k, seg := range segs {
		col := runeCol(ln.orig, ln.origOffset(seg.from))
		switch {
		case slices.ContainsFunc(ln.lx.columns, func(c int) bool { return c >= col-2 && c <= col+2 }):
			under++
		case k == 0:
			return false
		case k < len(segs)-1:
			all = false
		}
	}
	ln.lx.spanning = !all
	return all || under >= len(ln.lx.columns)-1
}

// tabCells queues the cells of a row a spreadsheet copied with tabs
// between its cells ("<TAB><TAB>2<TAB>1<TAB>clear<TAB>"): every tab ends a
// cell, so the empty cells before and between the filled ones keep their
// columns; blanks around a cell's text are not its text.
func (ln line) tabCells() {
	s := ln.text
	end := len(strings.TrimRight(s, " "))
	for from := 0; from <= end; {
		to := strings.IndexByte(s[from:end], '\t')
		if to < 0 {
			to = end
		} else {
			to += from
		}
		a := from
		for a < to && s[a] == ' ' {
			a++
		}
		b := max(a, trimEnd(s, to))
		if b-a >= 2 && s[a] == '"' && s[b-1] == '"' {
			a, b = a+1, b-1 // a cell a spreadsheet quoted (its line breaks): the quotes are not its text
		}
		ln.emit(tokCell, a, b)
		from = to + 1
	}
}

// emptyTabCells adds an empty cell for a tab-separated row that ends with
// a tab ("2<TAB>1<TAB>negative<TAB>"), so that the columns stay aligned.
func (ln line) emptyTabCells() {
	s := strings.TrimRight(ln.text, " ")
	if strings.HasSuffix(s, "\t") {
		ln.emit(tokCell, len(s), len(s))
	}
}

// nextGap is the offset of the next column gap at or after from: a tab, a
// run of two or more spaces not after sentence punctuation, or " | ".
func nextGap(s string, from int) int {
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == '\t':
			return i
		case s[i] == ' ' && i+1 < len(s) && s[i+1] == '|' && (i+2 == len(s) || s[i+2] == ' '):
			return i
		case s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ' && i > from && !strings.ContainsRune(".,;:", rune(s[i-1])):
			if j := skipBlank(s, i); j < len(s) {
				return i
			}
		}
	}
	return len(s)
}

// skipGap skips the gap at i: blanks and one "|".
func skipGap(s string, i int) int {
	i = skipBlank(s, i)
	if i < len(s) && s[i] == '|' {
		i = skipBlank(s, i+1)
	}
	return i
}

// keyEnd returns the offset of the colon that ends a "Key:" at the start
// of seg (or of the "=" of "Key = value"), or 0.
func keyEnd(seg string) int {
	c := strings.IndexByte(seg, ':')
	if q := strings.Index(seg, " = "); q > 0 && (c < 0 || q+1 < c && !wordsBetween(seg[q+3:c])) {
		c = q + 1 // "Date of service = 2026-02-24", as eClinicalWorks prints a field
	}
	if c <= 0 || !isKey(strings.TrimRight(seg[:c], " \t")) {
		return 0
	}
	if c+1 < len(seg) && seg[c+1] == '/' {
		return 0 // a URL
	}
	return c
}

// wordsBetween reports whether the text between a key's " = " and a colon
// after it is a few words of letters ("pathologist (Y/N)" of "Surgeon =
// pathologist (Y/N): Y"): the "=" is part of the key, the colon ends it. A
// value with digits ("= 10:30") keeps the "=".
func wordsBetween(s string) bool {
	if strings.Count(s, " ") > 3 || strings.TrimSpace(s) == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && c != ' ' && c != '(' && c != ')' && c != '/' {
			return false
		}
	}
	return true
}

// isKey reports whether the text before a colon reads as a field key: it
// starts with a letter or an ordinal ("1st Stage") and holds only letters,
// digits, spaces and the punctuation keys use.
func isKey(s string) bool {
	if open := strings.IndexByte(s, '('); utf8.RuneCountInString(s) > maxKeyLen && open > 0 && strings.HasSuffix(s, ")") &&
		utf8.RuneCountInString(s[:open]) <= maxKeyLen && strings.Count(s, "(") == 1 {
		// "Anatomic site (confirmed with the patient and the referral
		// photo)": a key with a remark longer than a key
		return isKey(strings.TrimRight(s[:open], " \t"))
	}
	if s == "" || utf8.RuneCountInString(s) > maxKeyLen {
		return false
	}
	if !isLetter(s[0]) && !ordinalStart(s) {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
			if i+1 < len(s) && s[i+1] == '/' {
				return false // a date: "Shave biopsy 03/02/2026 (…): BCC" is text
			}
		}
	}
	if digits > 3 {
		return false
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (isLetter(byte(r)) || r >= '0' && r <= '9'):
		case strings.ContainsRune(" \t-_'/&#().~+", r):
		case r == '=' && strings.Contains(s, " = "): // "Surgeon = pathologist (Y/N)"
		default:
			return false
		}
	}
	return true
}

// ordinalStart reports whether s starts with "1st", "2nd", "3rd", "4th"….
func ordinalStart(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i+2 > len(s) {
		return false
	}
	switch strings.ToLower(s[i : i+2]) {
	case "st", "nd", "rd", "th":
		return i+2 == len(s) || !isLetter(s[i+2])
	}
	return false
}

func isLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// isRule reports whether s is a table rule or box border: only - = + | :
// _ and blanks, with at least three dashes or equals signs.
//
// The lines of a box-drawing table (U+2500 to U+257F: "┌───┬───┐",
// "╚═══╝") are rules too; each box character counts as a dash.
func isRule(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-', '=', '_':
			n++
		case '+', '|', ':', ' ', '\t':
		case 0xE2:
			if i+2 >= len(s) || s[i+1] != 0x94 && s[i+1] != 0x95 {
				return false
			}
			n++
			i += 2
		default:
			return false
		}
	}
	return n >= 3
}

// markerLen returns the length of a list marker at the start of s — "-",
// "*", "•", "▪", "»", "1.", "12)", "A.", "(a)" followed by a blank — or 0.
func markerLen(s string) int {
	for _, b := range bullets {
		if strings.HasPrefix(s, b) && blankAt(s, len(b)) {
			return len(b)
		}
	}
	if len(s) > 2 && (s[0] == 'o' || s[0] == '?') && s[1] == ' ' {
		// a word processor's second-level bullet "o", or a bullet an export
		// lost to "?": "o Histology: …", "o  Stage 1: …"
		if rest := strings.TrimLeft(s[1:], " "); rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			return 1
		}
	}
	if len(s) > 3 && s[0] == '(' && isAlnum(s[1]) {
		// "(A) LEFT LOWER EYELID", "(2) right forearm"
		if s[2] == ')' && blankAt(s, 3) {
			return 3
		}
		if len(s) > 4 && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] == ')' && blankAt(s, 4) {
			return 4
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		i = romanLen(s) // "II.", "III)", "IV."
	}
	if i == 0 && len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' {
		i = 1 // "A." or "B)"
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && blankAt(s, i+1) {
		return i + 1
	}
	if len(s) > 2 && s[0] >= 'a' && s[0] <= 'f' && s[1] == ')' && blankAt(s, 2) {
		return 2 // "a) L temple - sup bcc, …": a lower-case letter, with its parenthesis only ("a. " may open a sentence)
	}
	return 0
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// bullets are the list markers that are no number or letter; the
// private-use characters are a word processor's Symbol and Wingdings
// bullets as a PDF or an e-mail copies them ("\uf0b7 Date of service: …"),
// and the last ones are bullets an export decoded with the wrong encoding.
var bullets = []string{"-", "*", "•", "–", "—", "·", "▪", "◦", "‣", "»", "►", "■", "○", "●", "◆", "♦", "❖", "➢", "✔", ">>", ">", "→", "✓",
	"\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0fc", "\uf06e", "\uf0a8",
	"â€¢", "â€“", "Â·", "â–ª", // "•", "–", "·", "▪" decoded as Windows-1252 by an export that mistook the encoding
	"ï‚§", "ï‚·", "ïƒ˜", "ïƒ¼", "ï‚¨"} // and Word's private-use bullets ("\uf0a7", "\uf0b7", …) decoded so

// blankAt reports whether s has a blank at byte i.
func blankAt(s string, i int) bool { return i < len(s) && (s[i] == ' ' || s[i] == '\t') }

// labelWords open a lesion or biopsy label: "Lesion 2", "SITE A",
// "Tumor #1", "Biopsy 1 of 2", "Procedure #2 - Mohs micrographic surgery",
// "Form 1 of 2" (a multi-site form's panels), "CASE 1 - occipital scalp"
// (a tissue log's cases).
var labelWords = []string{"lesion", "site", "tumor", "tumour", "biopsy", "procedure", "form", "case"}

// cardinalLabels name a label in words: "SITE ONE (left temple):".
var cardinalLabels = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// cardinal returns the number a cardinal label word names, or 0.
func cardinal(s string) int {
	for i, c := range cardinalLabels {
		if strings.EqualFold(s, c) {
			return i + 1
		}
	}
	return 0
}

// labelLen recognises a lesion label at the start of s — a label word, an
// optional "#", a label (number, letter or roman numeral), an optional "of
// N" — ending the line or followed by ":", a dash, "(" or ",". It returns
// the label's length and where the text after its separator starts, or 0.
func labelLen(s string) (n, rest int) {
	word := 0
	for _, w := range labelWords {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) && (len(s) == len(w) || !isLetter(s[len(w)])) {
			word = len(w)
			break
		}
	}
	if word == 0 {
		if n, rest := hashLabelLen(s); n > 0 {
			return n, rest
		}
		return ordinalLabelLen(s)
	}
	k := skipBlank(s, word)
	if k < len(s) && s[k] == '#' {
		k = skipBlank(s, k+1)
	} else if n := numberWordLen(s[k:]); n > 0 && k > word {
		k = skipBlank(s, k+n) // "Tumor number one", "Lesion No. 2"
	}
	labelStart := k
	for k < len(s) && (isLetter(s[k]) || s[k] >= '0' && s[k] <= '9') {
		k++
	}
	if labelStart == word && k > labelStart && !IsDigits(s[labelStart:k]) {
		return 0, 0 // only a number may run into the word: "Lesion2", not "Lesions"
	}
	if k == labelStart && (strings.EqualFold(s[:word], "lesion") || strings.EqualFold(s[:word], "biopsy")) {
		switch j := skipBlank(s, k); { // "Lesion" or "Biopsy: punch, left arm" opens an unlabelled section
		case j == len(s):
			return word, j
		case s[j] == ':':
			return word, j + 1
		}
		return 0, 0
	}
	if !IsLabel(s[labelStart:k]) && cardinal(s[labelStart:k]) == 0 {
		return 0, 0
	}
	end := k
	j := skipBlank(s, k)
	if j+2 < len(s) && strings.EqualFold(s[j:j+2], "of") && blankAt(s, j+2) {
		t := skipBlank(s, j+2)
		d := t
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d == t {
			return 0, 0
		}
		end = d
		j = skipBlank(s, d)
	}
	return labelTail(s, end, j)
}

// numberWordLen is the length of a word for "number" at the start of s
// that a dictated label puts before its number ("number", "No.", "no"),
// followed by a blank; 0 when there is none.
func numberWordLen(s string) int {
	for _, w := range []string{"number", "no."} {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) && blankAt(s, len(w)) {
			return len(w)
		}
	}
	return 0
}

// labelTail ends a label whose name ends at byte end of s, the next
// non-blank at j: the line's end, a colon or comma, a parenthesis (an
// opening one, or a closing one right after the name: "Site A)"), a full
// stop right after the name ("Tumor #1. …") or a dash must follow it. It returns the label's length and where its text starts,
// or 0, 0.
func labelTail(s string, end, j int) (n, rest int) {
	switch {
	case j == len(s):
		return end, j
	case s[j] == ':' || s[j] == ',':
		return end, j + 1
	case s[j] == '(':
		return end, j
	case s[j] == ')' && j == end && (j+1 == len(s) || blankAt(s, j+1)): // "Site A) right forehead"
		return end, j + 1
	case s[j] == '.' && j == end && (j+1 == len(s) || blankAt(s, j+1)): // "Tumor #1. Biopsy-proven: shave …"
		return end, j + 1
	case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
		return end, j + len("–")
	case s[j] == '-' && blankAt(s, j+1):
		return end, j + 1
	case strings.HasPrefix(s[j:], "--") && blankAt(s, j+2): // "Lesion 1 of 2 -- left lower leg"
		return end, j + 2
	}
	return 0, 0
}

// skipBlank skips spaces, tabs and non-breaking spaces from byte i.
func skipBlank(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		default:
			return i
		}
	}
	return i
}

// trimEnd moves end back over trailing blanks.
func trimEnd(s string, end int) int {
	for end > 0 {
		switch {
		case s[end-1] == ' ' || s[end-1] == '\t':
			end--
		case strings.HasSuffix(s[:end], "\u00a0"):
			end -= len("\u00a0")
		default:
			return end
		}
	}
	return end
}

// blankMarkup replaces the HTML tags and entities that EHR exports leave in
// a note ("<p>", "<strong>Site:</strong>", "<br>", "&nbsp;") by blanks of
// the same length, so that every position still points into the note and a
// "<br>" between two fields is a column gap.
func blankMarkup(s string) string {
	s = blankMarkdown(blankBanner(blankRTF(dotLeader(spacedColon(bracketKey(starKey(blankNBSP(filledBlanks(s)))))))))
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		n := markupLen(s[i:])
		if n == 0 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		keep := byte(' ')
		if s[i] == '&' {
			keep = entityChar(s[i : i+n])
		}
		b[i] = keep
		for k := i + 1; k < i+n; k++ {
			b[k] = ' '
		}
		i += n - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// filledBlanks writes each blank of a paper form filled in by hand and
// retyped between underscores ("Stage _1_   Blocks _6_"), after the start
// of the line, a blank or a colon, as its value where its underscores
// began, padded with blanks to the blank's length ("Stage 1     Blocks
// 6"): the value reads as if typed and every later position still points
// into the note. An unfilled blank ("Blocks ____") stays as it is.
func filledBlanks(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '_' || i > 0 && s[i-1] != ' ' && s[i-1] != '\t' && s[i-1] != ':' {
			continue
		}
		lead := i
		for lead < len(s) && s[lead] == '_' {
			lead++
		}
		end := strings.IndexByte(s[lead:], '_')
		if end <= 0 {
			i = lead
			continue
		}
		value := s[lead : lead+end]
		trail := lead + end
		for trail < len(s) && s[trail] == '_' {
			trail++
		}
		if strings.TrimSpace(value) != value {
			i = lead + end - 1 // "__ of __": two blanks, no value between
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		copy(b[i:], value)
		for k := i + len(value); k < trail; k++ {
			b[k] = ' '
		}
		i = trail - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// blankNBSP turns every non-breaking space next to another blank (or at
// either end of the line, or after a colon) into two spaces, so that a
// column gap padded with non-breaking spaces ("1\u00a0 \u00a0 3") is a gap
// like one of spaces, and "Repairs, each after tumor clearance:\u00a0The
// …" a key and its value like "…: The …". A lone non-breaking space
// between two words stays one blank: no gap.
func blankNBSP(s string) string {
	const nb = "\u00a0"
	if !strings.Contains(s, nb) {
		return s
	}
	b := []byte(s)
	for i := 0; i+len(nb) <= len(s); i++ {
		if s[i:i+len(nb)] != nb {
			continue
		}
		end := i + len(nb)
		if i == 0 || end == len(s) || isBlankByteBefore(s, i) || isBlankByteAt(s, end) || s[i-1] == ':' {
			b[i], b[i+1] = ' ', ' '
		}
		i = end - 1
	}
	return string(b)
}

// isBlankByteBefore reports whether a blank (space, tab or non-breaking
// space) ends just before byte i of s.
func isBlankByteBefore(s string, i int) bool {
	return i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') || strings.HasSuffix(s[:i], "\u00a0")
}

// isBlankByteAt reports whether a blank starts at byte i of s.
func isBlankByteAt(s string, i int) bool {
	return blankAt(s, i) || strings.HasPrefix(s[i:], "\u00a0")
}

// bracketKey turns a key a template prints in brackets at the start of a
// line ("[Pre-op size] 1.0 x 0.9 cm") into "Key: value" of the same length.
// A checkbox ("[X] Yes", "[ ] No") is no key: the brackets must hold a word
// of two letters or more.
func bracketKey(s string) string {
	i := skipBlank(s, 0)
	if i >= len(s) || s[i] != '[' {
		return s
	}
	end := strings.IndexByte(s[i:], ']')
	if end < 3 || !blankAt(s, i+end+1) || skipBlank(s, i+end+1) == len(s) {
		return s
	}
	letters := 0
	for k := i + 1; k < i+end; k++ {
		switch c := s[k]; {
		case isLetter(c):
			letters++
		case c >= '0' && c <= '9', c == ' ', c == '-', c == '/', c == '#', c == '.', c == '(', c == ')', c == '\'', c == '&':
		default:
			return s
		}
	}
	if letters < 2 {
		return s
	}
	b := []byte(s)
	b[i], b[i+end] = ' ', ':'
	return string(b)
}

// starKey blanks the star a template prints against a key that must be
// filled in ("*Stage 1: 3 blocks", "*Lesion size: 1.2 x 0.9 cm"): a star
// at the start of a line, a letter right after it.
func starKey(s string) string {
	i := skipBlank(s, 0)
	if i+1 >= len(s) || s[i] != '*' || !isLetter(s[i+1]) {
		return s
	}
	b := []byte(s)
	b[i] = ' '
	return string(b)
}

// spacedColon moves the colon a form aligns in a column back to its key
// ("DOS        : 04/14/2026" reads as "DOS:         04/14/2026"), so that
// the gap before it is no column gap.
func spacedColon(s string) string {
	if !strings.Contains(s, " :") {
		return s
	}
	if colons := spacedColons(s, 0, len(s)); len(colons) >= 2 && !gapInCell(s, 0, len(s), colons) {
		return s // a row whose columns colons divide ("1      : 3      : clear")
	}
	var b []byte
	for from := 0; ; {
		c := strings.Index(s[from:], " :")
		if c < 0 {
			break
		}
		c += from
		from = c + 2
		if c+2 < len(s) && s[c+2] != ' ' && s[c+2] != '\t' {
			continue
		}
		start := 0
		if g := strings.LastIndex(strings.TrimRight(s[:c], " \t"), "  "); g >= 0 {
			start = g // the key of a second field on the line starts after a gap
		}
		key := strings.TrimSpace(s[start:c])
		if key == "" || !isLetter(key[0]) || strings.ContainsAny(key, ":.;|") || wordsIn(key) > 5 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		k := len(strings.TrimRight(s[:c], " \t"))
		b[k], b[c+1] = ':', ' '
	}
	if b == nil {
		return s
	}
	return string(b)
}

// dotLeader turns the dot leader a report generator prints between a key
// and its value ("Blocks ........ 5") into "Key: value" of the same
// length: a few words, a blank and three dots or more (or four dots or
// more), and a value after them.
func dotLeader(s string) string {
	i := strings.Index(s, "...")
	if i < 2 || !isLetter(s[skipBlank(s, 0)]) {
		return s
	}
	end := i
	for end < len(s) && s[end] == '.' {
		end++
	}
	if v := skipBlank(s, end); v == len(s) || s[v] == ':' || end-i < 4 && s[i-1] != ' ' || strings.ContainsAny(s[:i], ":.;") || wordsIn(s[:i]) > 4 {
		return s // no value, a leader before a colon ("Surgeon......: …"), or an ellipsis
	}
	b := []byte(s)
	b[i] = ':'
	for k := i + 1; k < end; k++ {
		b[k] = ' '
	}
	// a second field on the line after a column gap: "DOS ........ 05/26/2026
	// Surgeon ........ Dr. …"
	for from := end; ; {
		j := strings.Index(s[from:], "...")
		if j < 0 {
			break
		}
		j += from
		gap := strings.LastIndex(s[:j], "  ")
		after := j
		for after < len(s) && s[after] == '.' {
			after++
		}
		key := strings.TrimSpace(s[max(gap, from):j])
		if gap < from || key == "" || !isLetter(key[0]) || strings.ContainsAny(key, ":.;") || wordsIn(key) > 4 || skipBlank(s, after) == len(s) {
			break
		}
		b[j] = ':'
		for k := j + 1; k < after; k++ {
			b[k] = ' '
		}
		from = after
	}
	return string(b)
}

// shortLeader turns the leader of one or two dots a dot-leader form gives
// its longest keys ("Same-day biopsy . shave …", "Frozen section .. yes"),
// or the dot of an abbreviated key in the leader's place ("Frozen sect.
// yes"), into a colon, as dotLeader does for longer ones.
func shortLeader(s string) string {
	for _, lead := range []string{" .. ", " . "} {
		i := strings.Index(s, lead)
		if i < 2 || !isLetter(s[skipBlank(s, 0)]) {
			continue
		}
		key := strings.TrimSpace(s[:i])
		if strings.ContainsAny(key, ":.;") || wordsIn(key) > 4 || skipBlank(s, i+len(lead)) == len(s) {
			continue
		}
		b := []byte(s)
		b[i+1] = ':'
		if lead == " .. " {
			b[i+2] = ' '
		}
		return string(b)
	}
	// "Frozen sect.  yes, …": an abbreviated key whose own dot stands where
	// the leader would, the value at the column of the others
	if i := strings.Index(s, ".  "); i >= 2 && isLetter(s[i-1]) && isLetter(s[skipBlank(s, 0)]) {
		key := strings.TrimSpace(s[:i])
		if !strings.ContainsAny(key, ":.;") && wordsIn(key) <= 4 && skipBlank(s, i+3) < len(s) {
			b := []byte(s)
			b[i] = ':'
			return string(b)
		}
	}
	return s
}

// wordsIn counts the blank-separated words of s.
func wordsIn(s string) int { return len(strings.Fields(s)) }

// blankRTF blanks the RTF control words a rich-text export leaves at line
// ends and in between ("03/09/2026\par", "\tab", "\b0"): a backslash, its
// letters, an optional number and one space.
func blankRTF(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) || !isLetter(b[i+1]) {
			continue
		}
		j := i + 1
		for j < len(b) && isLetter(b[j]) {
			j++
		}
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '-') {
			j++
		}
		if j < len(b) && b[j] == ' ' {
			j++
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		i = j - 1
	}
	return string(b)
}

// blankBanner blanks the runs of "=", "*", "#", "~" or "-" that decorate a
// banner heading ("===== Lesion A: right nasal ala =====", "----- Mohs
// Log -----"): a run of three or more that opens the line, and the one that
// closes it. A line of decoration alone is a rule and is left as it is.
func blankBanner(s string) string {
	const deco = "=*#~-"
	lead := 0
	for lead < len(s) && strings.IndexByte(deco, s[lead]) >= 0 && s[lead] == s[0] {
		lead++
	}
	trail := len(s)
	for trail > lead && strings.IndexByte(deco, s[trail-1]) >= 0 && s[trail-1] == s[len(s)-1] {
		trail--
	}
	if lead < 3 || strings.TrimSpace(s[lead:trail]) == "" {
		return s // a banner opens with its decoration; "Blocks: ***" is an unfilled value
	}
	b := []byte(s)
	for k := 0; k < lead; k++ {
		b[k] = ' '
	}
	if len(s)-trail >= 3 {
		for k := trail; k < len(s); k++ {
			b[k] = ' '
		}
	}
	return string(b)
}

// blankMarkdown blanks the Markdown a note written in it carries: a
// heading's "#" marks ("## Lesion 1: L parietal scalp"), the "**" around
// bold words ("**Date of service:** 2026-01-27") and around a whole line
// set between them ("** Lesion A **"), and the single stars around an
// italic key ("*Special stains:* AE1/AE3"). Three or more stars ("Blocks:
// ***", an unfilled value) are not bold and stay.
func blankMarkdown(s string) string {
	if !strings.Contains(s, "**") && !strings.Contains(s, "# ") && !strings.Contains(s, ":*") {
		return s
	}
	var b []byte
	blank := func(from, to int) {
		if b == nil {
			b = []byte(s)
		}
		for k := from; k < to; k++ {
			b[k] = ' '
		}
	}
	i := skipBlank(s, 0)
	h := i
	for h < len(s) && h-i < 6 && s[h] == '#' {
		h++
	}
	if h > i && blankAt(s, h) && (h+1 == len(s) || !blankAt(s, h+1) && s[h+1] != '|') {
		blank(i, h) // "## Lesion 1"; "#   Site   Method" and "# | blocks" head a column of numbers
	}
	if t := strings.TrimSpace(s); len(t) > 6 && strings.HasPrefix(t, "** ") && strings.HasSuffix(t, " **") && !strings.Contains(t[2:len(t)-2], "**") {
		first := strings.Index(s, "**")
		last := strings.LastIndex(s, "**")
		blank(first, first+2) // "** Lesion A **": a heading set between stars
		blank(last, last+2)
	}
	if c := strings.Index(s, ":*"); c > 0 && (c+2 == len(s) || s[c+2] != '*') && (c < 1 || s[c-1] != '*') {
		// "*Special stains:* AE1/AE3": an italic key, its stars blanked
		if o := strings.LastIndexByte(s[:c], '*'); o >= 0 && o+1 < c && isLetter(s[o+1]) && (o == 0 || s[o-1] == ' ' || s[o-1] == '\t') {
			blank(o, o+1)
			blank(c+1, c+2)
		}
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '*' || s[i+1] != '*' {
			continue
		}
		if (i > 0 && s[i-1] == '*') || (i+2 < len(s) && s[i+2] == '*') {
			for i+1 < len(s) && s[i+1] == '*' {
				i++ // a run of three or more stars
			}
			continue
		}
		if i+2 < len(s) && isWordByte(s[i+2]) || i > 0 && (isWordByte(s[i-1]) || s[i-1] == ':') {
			blank(i, i+2)
		}
		i++
	}
	if b == nil {
		return s
	}
	return string(b)
}

// isWordByte reports whether b is an ASCII letter or digit.
func isWordByte(b byte) bool { return isLetter(b) || b >= '0' && b <= '9' }

// markupLen is the length of an HTML tag ("<br>", "</strong>", "<p
// class=x>") or entity ("&nbsp;", "&amp;") at the start of s, or 0.
func markupLen(s string) int {
	switch {
	case len(s) >= 3 && s[0] == '<' && (isLetter(s[1]) || s[1] == '/' && isLetter(s[2])):
		for i := 2; i < len(s) && i < 64; i++ {
			switch {
			case s[i] == '>':
				return i + 1
			case s[i] == '<' || s[i] == '\n':
				return 0
			}
		}
	case len(s) >= 4 && s[0] == '&':
		for _, e := range []string{"&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&times;", "&ndash;", "&mdash;", "&bull;"} {
			if strings.HasPrefix(s, e) {
				return len(e)
			}
		}
		if s[1] == '#' { // "&#215;", "&#160;": a character by its number
			for i := 2; i < len(s) && i < 9; i++ {
				switch {
				case s[i] == ';' && i > 2:
					return i + 1
				case s[i] < '0' || s[i] > '9':
					return 0
				}
			}
		}
	}
	return 0
}

// entityChar is the character an entity stands for, blank for &nbsp;.
func entityChar(e string) byte {
	switch e {
	case "&amp;":
		return '&'
	case "&lt;":
		return '<'
	case "&gt;":
		return '>'
	case "&quot;":
		return '"'
	case "&#39;":
		return '\''
	case "&times;", "&#215;":
		return 'x' // "1.1 &#215; 0.9 cm"
	case "&ndash;", "&mdash;", "&#8211;", "&#8212;":
		return '-'
	case "&bull;", "&#8226;":
		return '*' // "&bull; Slides read by:<TAB>…": a bullet
	case "&#34;":
		return '"'
	case "&#38;":
		return '&'
	}
	return ' '
}

// misheard reads a word a transcriptionist marked as misheard as the
// number word in brackets after it that corrects it ("tree [three]
// blocks", "won [one] block"): the word and the brackets are dropped, so
// that the line reads "three blocks". Only a number word in the brackets
// corrects a word so. at maps each byte of the text returned to its offset
// in s (one more for the end); both are nil when s has no such word.
func misheard(s string) (string, []int) {
	var b []byte
	var at []int
	copied := 0 // s[:copied] is in b
	for open := strings.IndexByte(s, '['); open >= 0; {
		end := strings.IndexByte(s[open:], ']')
		if end < 0 {
			break
		}
		end += open
		word := open - 1
		from := word
		for from > 0 && isLetter(s[from-1]) {
			from--
		}
		if word > 0 && s[word] == ' ' && numberWords[strings.ToLower(s[open+1:end])] > 0 && from < word &&
			numberWords[strings.ToLower(s[from:word])] == 0 && (from == 0 || !isAlnum(s[from-1])) && from >= copied {
			for k := copied; k < from; k++ {
				b, at = append(b, s[k]), append(at, k)
			}
			for k := open + 1; k < end; k++ {
				b, at = append(b, s[k]), append(at, k)
			}
			copied = end + 1
		}
		next := strings.IndexByte(s[end:], '[')
		if next < 0 {
			break
		}
		open = end + next
	}
	if b == nil {
		return "", nil
	}
	for k := copied; k < len(s); k++ {
		b, at = append(b, s[k]), append(at, k)
	}
	return string(b), append(at, len(s))
}

// ligatures are the typographic ligatures a PDF's text layer keeps
// ("ﬁrst", "ﬂap", "diﬀerentiated") and the letters they stand for.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// unligated spells out the ligatures of s (U+FB00–U+FB06), as text copied
// from a PDF has them: "ﬁnal defect" reads "final defect". at maps each
// byte of the result (and its end) to its byte in s, each letter of a
// ligature to the ligature; nil when s has none.
func unligated(s string) (string, []int) {
	if !strings.Contains(s, "\xef\xac") { // the first two bytes of U+FB00–U+FB3F
		return s, nil
	}
	var b strings.Builder
	at := make([]int, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < '\ufb00' || r > '\ufb06' {
			b.WriteString(s[i : i+size])
			for k := range size {
				at = append(at, i+k)
			}
			i += size
			continue
		}
		letters := ligatures.Replace(s[i : i+size])
		b.WriteString(letters)
		for range len(letters) {
			at = append(at, i)
		}
		i += size
	}
	if b.Len() == len(s) {
		return s, nil
	}
	return b.String(), append(at, len(s))
}

// composed maps through outer and then inner: the byte of the original
// line that byte i of a text made from a text made from it stands for.
// inner is nil when the middle text kept the original's bytes in place.
func composed(outer, inner []int) []int {
	if inner == nil {
		return outer
	}
	for i, k := range outer {
		outer[i] = inner[k]
	}
	return outer
}

// blankClock blanks the time that opens a case log's entry, "07:40  Left
// nasal dorsum: … First stage, four blocks.", so that the entry reads as
// the line it would be without it: the time, a gap, then one stretch of
// text (a log's row, "09:05  1  L shin  1  A  clear", keeps its time as
// its first cell).
func blankClock(s string) string {
	i := skipBlank(s, 0)
	c := clockLen(s[i:])
	if c == 0 || nextGap(s, i+c) < trimEnd(s, len(s)) {
		return s
	}
	return s[:i] + strings.Repeat(" ", c) + s[i+c:]
}

// clockLen is the length of a clock time and the gap after it at the start
// of s ("07:40  ", "9:05 AM\t"), or 0: the time, a run of two or more
// blanks or a tab, then a letter.
func clockLen(s string) int {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+3 > len(s) || s[i] != ':' || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return 0
	}
	i += 3
	if j := skipBlank(s, i); j+2 <= len(s) && j == i+1 && (strings.EqualFold(s[j:j+2], "am") || strings.EqualFold(s[j:j+2], "pm")) {
		i = j + 2
	}
	j := skipBlank(s, i)
	if j == len(s) || !isLetter(s[j]) || (j < i+2 && !strings.Contains(s[i:j], "\t")) {
		return 0
	}
	return j
}

// mohsBefore is the length of "Mohs " (and the blanks after it) before a
// lesion label at the start of s, or 0.
func mohsBefore(s string) int {
	if len(s) < 5 || !strings.EqualFold(s[:4], "mohs") || !blankAt(s, 4) {
		return 0
	}
	k := skipBlank(s, 4)
	if n, _ := labelLen(s[k:]); n == 0 {
		return 0
	}
	return k
}

// hashLabelLen recognises a lesion numbered with a hash and no word at the
// start of s, "#2: right forearm", "# 3 – scalp", "#1": the number, then
// the end of the line, a colon, a dash or a parenthesis; see labelLen.
// ("#1 left cheek" is text: "#3 block positive" is one too, and only
// lowering knows a site.)
func hashLabelLen(s string) (n, rest int) {
	if !strings.HasPrefix(s, "#") {
		return 0, 0
	}
	k := skipBlank(s, 1)
	d := k
	for d < len(s) && d-k < 2 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == k || d < len(s) && s[d] >= '0' && s[d] <= '9' {
		return 0, 0
	}
	return labelTail(s, d, skipBlank(s, d))
}

// ordinalLabels number a lesion by a word before the label word: "Second
// lesion:", "Third site –".
var ordinalLabels = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinalLabelLen recognises "Second lesion" (or site, tumor) at the start of
// s, ending the line or followed by ":" or a dash; see labelLen.
func ordinalLabelLen(s string) (n, rest int) {
	w, after, ok := strings.Cut(s, " ")
	if !ok {
		return 0, 0
	}
	known := false
	for _, o := range ordinalLabels {
		known = known || strings.EqualFold(w, o)
	}
	if !known {
		return 0, 0
	}
	after = strings.TrimLeft(after, " ")
	for _, word := range []string{"lesion", "site", "tumor", "tumour"} {
		if len(after) < len(word) || !strings.EqualFold(after[:len(word)], word) {
			continue
		}
		end := len(s) - len(after) + len(word)
		j := skipBlank(s, end)
		switch {
		case j == len(s):
			return end, j
		case s[j] == ':':
			return end, j + 1
		case strings.HasPrefix(s[j:], "–"), strings.HasPrefix(s[j:], "—"):
			return end, j + len("–")
		case s[j] == '-' && blankAt(s, j+1):
			return end, j + 1
		}
	}
	return 0, 0
}

// romanNumerals are the roman numerals a note numbers its lesions with
// beyond the one-letter ones ("I.", "V.", "X." are letters too).
var romanNumerals = []string{"II", "III", "IV", "VI", "VII", "VIII", "IX"}

// romanLen is the length of the roman numeral s opens with, or 0.
func romanLen(s string) int {
	n := 0
	for n < len(s) && n < 4 && strings.IndexByte("IVX", s[n]) >= 0 {
		n++
	}
	if n < 2 || !slices.Contains(romanNumerals, s[:n]) {
		return 0
	}
	return n
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
