package audit

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/edits"
)

// Billed is one claim line as billed.
type Billed struct {
	// NoteID is the claims file's id of the note: a file stem, an NDJSON
	// record id or a DocumentReference id.
	NoteID string `json:"note_id"`
	// Code is the CPT code, upper case, without a leading "+".
	Code string `json:"code"`
	// Units is at least 1.
	Units int `json:"units"`
	// Modifiers are upper case, in the order billed; never nil.
	Modifiers []string `json:"modifiers"`
	// Lesion is the lesion label as billed; "" when the claim does not say.
	Lesion string `json:"lesion,omitempty"`
	// Line is the line of the claims file the row starts on.
	Line int `json:"claims_line"`
}

// Claims is a claims file: its name and its billed lines in file order.
type Claims struct {
	File  string
	Lines []Billed
}

// columns of a claims file, by the names a header may give them, as
// normColumn writes them: ours and those of common practice-management and
// clearinghouse exports ("Claim ID", "CPT/HCPCS", "Units", "Modifier 1" to
// "Modifier 4"). Other columns are ignored.
var columnNames = map[string][]string{
	"id": {"id", "noteid", "note", "document", "documentid", "documentreference",
		"claimid", "claim", "claimnumber", "claimno", "encounterid", "encounter", "visitid"},
	"code": {"code", "cpt", "cptcode", "cpthcpcs", "hcpcs", "hcpcscode", "procedure", "procedurecode"},
	"units": {"units", "unit", "qty", "quantity", "serviceunits", "unitsofservice", "daysunits", "daysorunits",
		"billedunits"},
	"modifiers": {"modifiers", "modifier", "mods", "mod", "modifier1", "modifier2", "modifier3", "modifier4",
		"mod1", "mod2", "mod3", "mod4"},
	"lesion": {"lesion", "lesionlabel", "lesionid"},
	"error":  {"error"},
}

// layout places the columns of a claims file with a header: one index per
// column, and every modifier column in header order ("Modifier 1" to
// "Modifier 4").
type layout struct {
	cols      map[string]int
	modifiers []int
}

// positional is the column order of a claims file without a header.
var positional = []string{"id", "code", "units", "modifiers", "lesion"}

// maxClaimErrors bounds the row errors ReadClaims reports.
const maxClaimErrors = 20

// ReadClaims reads a claims CSV: one billed line per row with the note id,
// the code, the units, the modifiers (separated by ":", spaces or commas)
// and optionally the lesion label. A header row is optional: a first row
// that names a code column ("code", "cpt") is a header, and its names then
// place the columns (the names of common claim exports too: "Claim ID",
// "CPT/HCPCS", "Units", "Modifier 1" to "Modifier 4") (so the CSV of "mohscode batch --format csv" reads as
// claims; its rows with an empty code and an error are skipped). Without a
// header the columns are id, code, units, modifiers, lesion; modifiers and
// lesion may be left off. Lines starting with # are comments. Every
// malformed row is an error naming name:line, up to 20 of them. Quotes
// follow RFC 4180 (no LazyQuotes): a stray quote is an error naming its
// line, never a field that swallows the rows after it. A line over
// edits.MaxLineBytes stops the reading at once, naming the line without
// quoting it.
func ReadClaims(name string, r io.Reader) (*Claims, error) {
	cr := csv.NewReader(edits.LimitLines(r, edits.MaxLineBytes))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	claims := &Claims{File: name}
	var errs []error
	fail := func(line int, format string, args ...any) {
		if len(errs) < maxClaimErrors {
			errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
		}
	}
	var cols *layout // nil: the positional columns
	first := true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A quoting error leaves the reader's place uncertain: stop there.
			var perr *csv.ParseError
			if le, ok := errors.AsType[*edits.LineTooLongError](err); ok {
				fail(le.Line, "%v", le)
			} else if errors.As(err, &perr) {
				fail(perr.StartLine, "%v", perr.Err) // the row the stray quote is on, not where the file ran out
			} else {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			break
		}
		line, _ := cr.FieldPos(0) // only after a good read: a parse error leaves no fields
		if first {
			first = false
			if len(rec) > 0 {
				rec[0] = strings.TrimPrefix(rec[0], "\ufeff") // spreadsheets start with a byte-order mark
			}
			if h, ok, herr := headerColumns(rec); ok {
				if herr != "" {
					fail(line, "%s", herr)
					break
				}
				cols = h
				continue
			}
		}
		b, skip, msg := parseRow(rec, cols)
		switch {
		case msg != "":
			fail(line, "%s", msg)
		case !skip:
			b.Line = line
			claims.Lines = append(claims.Lines, b)
		}
	}
	if len(errs) == 0 && len(claims.Lines) == 0 {
		errs = append(errs, fmt.Errorf("%s: no claim lines", name))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return claims, nil
}

// normColumn reduces a header name to letters and digits, lower case.
func normColumn(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerColumns tells whether rec is a header (it names a code column and
// its second field is not a code) and places its columns; problem is set
// when the header lacks a required column.
func headerColumns(rec []string) (l *layout, header bool, problem string) {
	if len(rec) > 1 {
		if _, ok := parseCode(rec[1]); ok {
			return nil, false, ""
		}
	}
	l = &layout{cols: map[string]int{}}
	for i, name := range rec {
		n := normColumn(name)
		if slices.Contains(columnNames["modifiers"], n) {
			l.modifiers = append(l.modifiers, i)
			continue
		}
		for col, names := range columnNames {
			if _, dup := l.cols[col]; !dup && slices.Contains(names, n) {
				l.cols[col] = i
			}
		}
	}
	if _, ok := l.cols["code"]; !ok {
		return nil, false, ""
	}
	for _, col := range []string{"id", "units"} {
		if _, ok := l.cols[col]; !ok {
			return nil, true, fmt.Sprintf("the header has no %s column (accepted names: %s)", col, strings.Join(columnNames[col], ", "))
		}
	}
	return l, true, ""
}

// field returns a column's trimmed value, "" when the row is too short or
// the header does not have the column. The modifiers of several modifier
// columns come joined by spaces.
func field(rec []string, l *layout, col string) string {
	at := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	switch {
	case l == nil:
		return at(slices.Index(positional, col))
	case col == "modifiers":
		var ms []string
		for _, i := range l.modifiers {
			ms = append(ms, at(i))
		}
		return strings.Join(ms, " ")
	}
	i, ok := l.cols[col]
	if !ok {
		return ""
	}
	return at(i)
}

// parseRow reads one data row; skip is set for a batch error row.
func parseRow(rec []string, cols *layout) (b Billed, skip bool, problem string) {
	if cols == nil && (len(rec) < 3 || len(rec) > len(positional)) {
		return b, false, fmt.Sprintf("%d columns, want 3 to 5: note id, code, units, modifiers, lesion", len(rec))
	}
	b.NoteID = field(rec, cols, "id")
	rawCode := field(rec, cols, "code")
	if rawCode == "" && field(rec, cols, "error") != "" {
		return b, true, ""
	}
	if b.NoteID == "" {
		return b, false, "no note id"
	}
	var ok bool
	if b.Code, ok = parseCode(rawCode); !ok {
		return b, false, fmt.Sprintf("code %q: want a procedure code of five characters, like 17311", rawCode)
	}
	units := field(rec, cols, "units")
	n, err := strconv.Atoi(units)
	if err != nil || n < 1 {
		return b, false, fmt.Sprintf("units %q: want a whole number of at least 1", units)
	}
	b.Units = n
	b.Modifiers = []string{}
	for _, m := range strings.FieldsFunc(field(rec, cols, "modifiers"), isModifierSeparator) {
		m = strings.ToUpper(m)
		if !isModifier(m) {
			return b, false, fmt.Sprintf("modifier %q: want two letters or digits, like 59 or XS, separated by \":\" or spaces", m)
		}
		b.Modifiers = append(b.Modifiers, m)
	}
	b.Lesion = field(rec, cols, "lesion")
	return b, false, ""
}

// parseCode accepts a procedure code of five letters or digits with at
// least four digits (CPT 17311, category III 0075T, HCPCS G0168), with an
// optional leading "+" (add-on codes are often written +17312); it returns
// it upper case.
func parseCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(s), "+"))
	if len(s) != 5 {
		return "", false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case 'A' <= c && c <= 'Z':
		default:
			return "", false
		}
	}
	return s, digits >= 4
}

func isModifierSeparator(r rune) bool {
	return r == ':' || r == ',' || r == ';' || r == ' ' || r == '\t'
}

// isModifier reports whether s is two upper-case letters or digits.
func isModifier(s string) bool {
	if len(s) != 2 {
		return false
	}
	for i := 0; i < 2; i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
