package edits

import (
	"errors"
	"fmt"
	"io"
)

// Modifier indicators of a PTP edit.
const (
	// NotAllowed (0): the column-2 code is never paid with the column-1 code.
	NotAllowed = 0
	// ModifierAllowed (1): the pair may be paid with an NCCI-associated
	// modifier on the column-2 code when the services were distinct.
	ModifierAllowed = 1
	// NotApplicable (9): the edit does not apply.
	NotApplicable = 9
)

// PTPEdit is one row of the practitioner PTP file.
type PTPEdit struct {
	// Column1 is the column-1 code, the one that is paid.
	Column1 string
	// Column2 is the column-2 code, the one the edit denies or conditions.
	Column2 string
	// PriorTo1996 is the file's "* = In existence prior to 1996" flag.
	PriorTo1996 bool
	// Effective is the first date of service the edit applies to, YYYY-MM-DD.
	Effective string
	// Deletion is the first date of service it no longer applies to,
	// YYYY-MM-DD, or "" when it has not been deleted ("*" in the file).
	Deletion string
	// Indicator is the modifier indicator: [NotAllowed], [ModifierAllowed]
	// or [NotApplicable].
	Indicator int
	// Rationale is the file's PTP edit rationale, as given.
	Rationale string
}

// ptpRow is a PTPEdit with its dates ready to compare.
type ptpRow struct {
	edit          PTPEdit
	effective     date
	deletion      date // 0: not deleted
	indicatorRank int  // 0 most restrictive
}

// indicatorRank orders the modifier indicators from most to least
// restrictive.
var indicatorRank = map[int]int{NotAllowed: 0, ModifierAllowed: 1, NotApplicable: 2}

type pair struct{ col1, col2 string }

// PTPTable is a practitioner PTP file as loaded. A pair may have several
// rows over time; [PTPTable.Lookup] picks the one in force on a date. A nil
// *PTPTable is a table that was not given.
type PTPTable struct {
	name  string
	rows  int
	pairs map[pair][]ptpRow
}

// LoadPTP reads the CMS practitioner PTP (NCCI) file from r, naming it name
// in errors and in [Applied]. Columns are column 1, column 2, "* = In
// existence prior to 1996", effective date, deletion date ("*" or empty: not
// deleted), modifier indicator (0, 1 or 9) and PTP edit rationale; dates are
// YYYYMMDD as CMS writes them, or YYYY-MM-DD. The file may be CSV, with
// quoted fields, or tab-separated. Every line whose first column is not a
// five-character code is skipped as notice or header text. A data row with
// too few columns, a column 2 that is not a code, a bad date or an indicator
// other than 0, 1 or 9 is a *[FileError] naming the file and line. A file
// with no data row at all is an error too.
func LoadPTP(name string, r io.Reader) (*PTPTable, error) {
	rows, err := newRowReader(r)
	if err != nil {
		return nil, loadError(name, err)
	}
	t := &PTPTable{name: name, pairs: map[pair][]ptpRow{}}
	strs := interner{}
	for {
		f, line, col1, err := nextCodeRow(rows)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, loadError(name, err)
		}
		bad := func(format string, args ...any) error { return fileError(name, line, format, args...) }
		if len(f) < 6 {
			return nil, bad("PTP row for %s has %d columns; want column 1, column 2, prior-to-1996 flag, effective date, deletion date, modifier indicator and rationale", col1, len(f))
		}
		col2, ok := parseCode(f[1])
		if !ok {
			return nil, bad("column 2 %q of the PTP row for %s is not a code", f[1], col1)
		}
		eff, ok := parseDate(f[3])
		if !ok {
			return nil, bad("effective date %q of PTP pair %s/%s is not YYYYMMDD or YYYY-MM-DD", f[3], col1, col2)
		}
		var del date
		if f[4] != "*" && f[4] != "" {
			if del, ok = parseDate(f[4]); !ok {
				return nil, bad(`deletion date %q of PTP pair %s/%s is not YYYYMMDD, YYYY-MM-DD or "*"`, f[4], col1, col2)
			}
		}
		ind, ok := leadingDigit(f[5])
		rank, known := indicatorRank[ind]
		if !ok || !known {
			return nil, bad("modifier indicator %q of PTP pair %s/%s is not 0, 1 or 9", f[5], col1, col2)
		}
		row := ptpRow{
			edit: PTPEdit{
				Column1:     strs.get(col1),
				Column2:     strs.get(col2),
				PriorTo1996: f[2] == "*",
				Effective:   eff.String(),
				Deletion:    del.String(),
				Indicator:   ind,
			},
			effective:     eff,
			deletion:      del,
			indicatorRank: rank,
		}
		if len(f) > 6 {
			row.edit.Rationale = strs.get(f[6])
		}
		k := pair{row.edit.Column1, row.edit.Column2}
		t.pairs[k] = append(t.pairs[k], row)
		t.rows++
	}
	if t.rows == 0 {
		return nil, fmt.Errorf("%s: no PTP rows (two codes, dates and a modifier indicator); is this the CMS practitioner PTP file?", name)
	}
	return t, nil
}

// Name is the name the table was loaded under, "" for a nil table.
func (t *PTPTable) Name() string {
	if t == nil {
		return ""
	}
	return t.name
}

// Len is the number of rows in the table.
func (t *PTPTable) Len() int {
	if t == nil {
		return 0
	}
	return t.rows
}

// Lookup returns the edit of the pair (column1, column2) in force on
// dateOfService (YYYY-MM-DD or YYYYMMDD): effective on or before that date,
// and not deleted or deleted after it. When the date is empty or cannot be
// read, the edits not deleted are taken as in force. When several rows are in
// force, the most restrictive indicator wins (0, then 1, then 9).
func (t *PTPTable) Lookup(column1, column2, dateOfService string) (PTPEdit, bool) {
	dos, known := parseDate(dateOfService)
	r, ok := t.active(normCode(column1), normCode(column2), dos, known)
	return r.edit, ok
}

func (t *PTPTable) active(col1, col2 string, dos date, known bool) (ptpRow, bool) {
	if t == nil {
		return ptpRow{}, false
	}
	var best ptpRow
	found := false
	for _, r := range t.pairs[pair{col1, col2}] {
		if known {
			if dos < r.effective || (r.deletion != 0 && dos >= r.deletion) {
				continue
			}
		} else if r.deletion != 0 {
			continue
		}
		if !found || r.indicatorRank < best.indicatorRank {
			best, found = r, true
		}
	}
	return best, found
}
