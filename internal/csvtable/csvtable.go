// Package csvtable reads the engine's embedded data tables: CSV files whose
// lines starting with '#' are comments and whose first record is a header
// that must be exactly the one the reader expects. It is the one CSV reader
// of the packages that keep their vocabulary as data (anatomy, codetable,
// icd10, lower, audit); the readers of user files (claims, fees, CMS
// tables) bound their line length and live with their formats.
package csvtable

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Row is one record of a table: its fields, trimmed of surrounding spaces,
// in header order, and the line of the table it starts on.
type Row struct {
	Line   int
	Fields []string
}

// Read reads the table called name (the name errors give) from data. The
// header must be exactly header, every record must have as many fields,
// and every field is trimmed. Errors are positioned as name:line.
func Read(name, data string, header ...string) ([]Row, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = len(header)
	got, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	if !slices.Equal(got, header) {
		return nil, fmt.Errorf("%s: header is %q, want %q", name, got, header)
	}
	var rows []Row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, Row{Line: line, Fields: rec})
	}
}
