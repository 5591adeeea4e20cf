package edits

import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

// MAI is an MUE adjudication indicator: how the MUE value is counted.
type MAI int

// The three MUE adjudication indicators CMS publishes.
const (
	// LineEdit (MAI 1): the value limits the units of one claim line; units
	// above it may be split over lines only with a modifier that makes them
	// distinct.
	LineEdit MAI = 1
	// DatePolicy (MAI 2): the value limits the units of the date of service,
	// absolutely.
	DatePolicy MAI = 2
	// DateClinical (MAI 3): the value limits the units of the date of service;
	// units above it are payable on appeal with documentation.
	DateClinical MAI = 3
)

// String names the indicator as CMS does.
func (m MAI) String() string {
	switch m {
	case LineEdit:
		return "Line Edit"
	case DatePolicy:
		return "Date of Service Edit: Policy"
	case DateClinical:
		return "Date of Service Edit: Clinical"
	}
	return fmt.Sprintf("MAI(%d)", int(m))
}

// MUE is one row of the practitioner MUE file.
type MUE struct {
	// Code is the HCPCS/CPT code, in upper case.
	Code string
	// Value is the practitioner MUE value: the most units of Code.
	Value int
	// MAI says whether Value counts per line or per date of service.
	MAI MAI
	// Rationale is the file's MUE rationale, as given.
	Rationale string
}

// MUETable is a practitioner MUE file as loaded: one MUE per code. A nil
// *MUETable is a table that was not given.
type MUETable struct {
	name  string
	codes map[string]MUE
}

// LoadMUE reads the CMS practitioner MUE file from r, naming it name in
// errors and in [Applied]. Columns are HCPCS/CPT code, practitioner MUE value,
// MUE adjudication indicator (its leading digit is read, so "2 Date of Service
// Edit: Policy" is MAI 2) and rationale; the file may be CSV, with quoted
// fields, or tab-separated. Every line whose first column is not a
// five-character code — notice text, header rows, blank lines — is skipped.
// A data row with too few columns, a value that is not a whole number, an
// indicator other than 1-3, or a code given twice with different values is a
// *[FileError] naming the file and line. A file with no data row at all is an
// error too: an empty table would pass every claim silently.
func LoadMUE(name string, r io.Reader) (*MUETable, error) {
	rows, err := newRowReader(r)
	if err != nil {
		return nil, loadError(name, err)
	}
	t := &MUETable{name: name, codes: map[string]MUE{}}
	firstLine := map[string]int{}
	strs := interner{}
	for {
		f, line, code, err := nextCodeRow(rows)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, loadError(name, err)
		}
		bad := func(format string, args ...any) error { return fileError(name, line, format, args...) }
		if len(f) < 3 {
			return nil, bad("MUE row for %s has %d columns; want code, MUE value, MAI and rationale", code, len(f))
		}
		value, err := strconv.Atoi(f[1])
		if err != nil || value < 0 {
			return nil, bad("MUE value %q for %s is not a whole number", f[1], code)
		}
		mai, ok := leadingDigit(f[2])
		if !ok || mai < 1 || mai > 3 {
			return nil, bad("MUE adjudication indicator %q for %s is not 1, 2 or 3", f[2], code)
		}
		m := MUE{Code: strs.get(code), Value: value, MAI: MAI(mai)}
		if len(f) > 3 {
			m.Rationale = strs.get(f[3])
		}
		if prev, dup := t.codes[code]; dup {
			if prev.Value != m.Value || prev.MAI != m.MAI {
				return nil, bad("%s is listed again with MUE %d (MAI %d); line %d gives MUE %d (MAI %d)",
					code, m.Value, m.MAI, firstLine[code], prev.Value, prev.MAI)
			}
			continue
		}
		t.codes[m.Code] = m
		firstLine[m.Code] = line
	}
	if len(t.codes) == 0 {
		return nil, fmt.Errorf("%s: no MUE rows (a code, a value and an indicator); is this the CMS practitioner MUE file?", name)
	}
	return t, nil
}

// Name is the name the table was loaded under, "" for a nil table.
func (t *MUETable) Name() string {
	if t == nil {
		return ""
	}
	return t.name
}

// Len is the number of codes in the table.
func (t *MUETable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.codes)
}

// Lookup returns the MUE of a code, if the table has one.
func (t *MUETable) Lookup(code string) (MUE, bool) {
	if t == nil {
		return MUE{}, false
	}
	m, ok := t.codes[normCode(code)]
	return m, ok
}
