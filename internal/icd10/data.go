package icd10

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/csvtable"
)

//go:embed data/*.csv
var dataFS embed.FS

// The columns of the section-9 table, in the order of data/codes.csv.
var families = [...]string{"C44", "C43", "C4A", "D03", "D04"}

const familyC44 = 0

// histInfo is one row of data/histology.csv.
type histInfo struct {
	family      int       // index into families
	digit       byte      // C44 histology digit
	eyelidDigit byte      // C44 histology digit on the eyelid
	inSitu      Histology // the histology "<this>, in situ" names, "" when none
	name        string
	refines     []Histology // histologies this one is a variant of
	review      string      // why a coder should check the code; "" when none
}

// codeRow is one row of data/codes.csv.
type codeRow struct {
	side, part string
	skin       string
	codes      [len(families)]string // C44 holds the pattern with x
	review     string
}

// siteRows holds the rows of one ICD-10 site group.
type siteRows struct {
	rows     []codeRow
	sided    bool // the site has right/left rows
	parted   bool // the site has upper/lower rows
	fallback int  // index of the row with empty side and part
}

// data is everything parsed from data/*.csv.
type data struct {
	hist  map[Histology]histInfo
	sites map[string]*siteRows
	lex   *lexicon
}

// tables returns the parsed data, parsing it on first use. The data is embedded and checked by
// the tests, so a parse error is a programming error and panics.
var tables = sync.OnceValue(func() *data {
	d, err := loadData(dataFS)
	if err != nil {
		panic("icd10: embedded data: " + err.Error())
	}
	return d
})

// fileReader reads files by name; embed.FS satisfies it, and tests pass altered data.
type fileReader interface {
	ReadFile(name string) ([]byte, error)
}

func loadData(fs fileReader) (*data, error) {
	d := &data{}
	var err error
	if d.hist, err = loadHistology(fs); err != nil {
		return nil, err
	}
	if d.sites, err = loadCodes(fs); err != nil {
		return nil, err
	}
	if d.lex, err = loadLexicon(fs, d.hist); err != nil {
		return nil, err
	}
	return d, nil
}

// readCSV reads a data file (csvtable.Read: '#' comments, the header must be exactly header) and
// returns its records' fields.
func readCSV(fs fileReader, name string, header ...string) ([][]string, error) {
	b, err := fs.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	rows, err := csvtable.Read(name, string(b), header...)
	if err != nil {
		return nil, err
	}
	recs := make([][]string, len(rows))
	for i, r := range rows {
		recs[i] = r.Fields
	}
	return recs, nil
}

func familyIndex(s string) int {
	for i, f := range families {
		if f == s {
			return i
		}
	}
	return -1
}

func loadHistology(fs fileReader) (map[Histology]histInfo, error) {
	const name = "histology.csv"
	recs, err := readCSV(fs, name, "histology", "family", "digit", "eyelid_digit", "in_situ", "name", "refines", "review")
	if err != nil {
		return nil, err
	}
	known := map[Histology]bool{}
	for _, h := range Histologies() {
		known[h] = true
	}
	m := map[Histology]histInfo{}
	for i, rec := range recs {
		h := Histology(rec[0])
		if !known[h] {
			return nil, fmt.Errorf("%s: record %d: unknown histology %q", name, i+1, h)
		}
		if _, dup := m[h]; dup {
			return nil, fmt.Errorf("%s: histology %q twice", name, h)
		}
		info := histInfo{family: familyIndex(rec[1]), inSitu: Histology(rec[4]), name: rec[5], review: rec[7]}
		if rec[6] != "" {
			for _, r := range strings.Split(rec[6], "|") {
				info.refines = append(info.refines, Histology(r))
			}
		}
		if info.family < 0 {
			return nil, fmt.Errorf("%s: %s: unknown family %q", name, h, rec[1])
		}
		isDigit := func(s string) bool { return len(s) == 1 && s[0] >= '0' && s[0] <= '9' }
		if info.family == familyC44 {
			if !isDigit(rec[2]) || !isDigit(rec[3]) {
				return nil, fmt.Errorf("%s: %s: C44 needs a digit and an eyelid digit", name, h)
			}
			info.digit, info.eyelidDigit = rec[2][0], rec[3][0]
		} else if rec[2] != "" || rec[3] != "" {
			return nil, fmt.Errorf("%s: %s: only C44 takes a histology digit", name, h)
		}
		if info.name == "" {
			return nil, fmt.Errorf("%s: %s: name missing", name, h)
		}
		m[h] = info
	}
	for h := range known {
		if _, ok := m[h]; !ok {
			return nil, fmt.Errorf("%s: histology %q missing", name, h)
		}
	}
	for h, info := range m {
		if info.inSitu != "" && !known[info.inSitu] {
			return nil, fmt.Errorf("%s: %s: unknown in_situ histology %q", name, h, info.inSitu)
		}
		for _, r := range info.refines {
			if !known[r] || r == h {
				return nil, fmt.Errorf("%s: %s: refines unknown histology %q", name, h, r)
			}
		}
	}
	return m, nil
}

func loadCodes(fs fileReader) (map[string]*siteRows, error) {
	const name = "codes.csv"
	header := append([]string{"site", "side", "part", "skin"}, families[:]...)
	header = append(header, "review")
	recs, err := readCSV(fs, name, header...)
	if err != nil {
		return nil, err
	}
	sites := map[string]*siteRows{}
	for i, rec := range recs {
		where := fmt.Sprintf("%s: record %d (%s %s %s)", name, i+1, rec[0], rec[1], rec[2])
		row := codeRow{side: rec[1], part: rec[2], skin: rec[3], review: rec[len(rec)-1]}
		copy(row.codes[:], rec[4:4+len(families)])
		if rec[0] == "" || row.skin == "" {
			return nil, fmt.Errorf("%s: site and skin are required", where)
		}
		if row.side != "" && row.side != sideLeft && row.side != sideRight {
			return nil, fmt.Errorf("%s: side must be left, right or empty", where)
		}
		if row.part != "" && row.part != partUpper && row.part != partLower {
			return nil, fmt.Errorf("%s: part must be upper, lower or empty", where)
		}
		if row.part != "" && row.side == "" {
			return nil, fmt.Errorf("%s: a part needs a side", where)
		}
		if err := checkRowCodes(row); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		s := sites[rec[0]]
		if s == nil {
			s = &siteRows{fallback: -1}
			sites[rec[0]] = s
		}
		for _, r := range s.rows {
			if r.side == row.side && r.part == row.part {
				return nil, fmt.Errorf("%s: duplicate row", where)
			}
		}
		if row.side == "" {
			s.fallback = len(s.rows)
		} else {
			s.sided = true
		}
		if row.part != "" {
			s.parted = true
		}
		s.rows = append(s.rows, row)
	}
	for site, s := range sites {
		if s.fallback < 0 {
			return nil, fmt.Errorf("%s: site %q has no row with empty side and part", name, site)
		}
		if len(s.rows) > 1 && s.rows[s.fallback].review != "" {
			return nil, fmt.Errorf("%s: site %q: a review site has one row", name, site)
		}
		for _, r := range s.rows {
			if s.sided && r.side != "" && s.parted && r.part == "" {
				return nil, fmt.Errorf("%s: site %q: every sided row needs a part", name, site)
			}
		}
	}
	return sites, nil
}

// checkRowCodes checks a row's codes: a review row has none, any other row has all of them,
// each of the ICD-10-CM shape of its column; the C44 pattern has exactly one x.
func checkRowCodes(row codeRow) error {
	if row.review != "" {
		for _, c := range row.codes {
			if c != "" {
				return errors.New("a review row has no codes")
			}
		}
		return nil
	}
	for fi, c := range row.codes {
		f := families[fi]
		rest, ok := strings.CutPrefix(c, f+".")
		if !ok || rest == "" || len(rest) > 4 {
			return fmt.Errorf("%s code %q: want %s. and 1 to 4 characters", f, c, f)
		}
		xs := 0
		for i := 0; i < len(rest); i++ {
			switch ch := rest[i]; {
			case ch == 'x' && fi == familyC44:
				xs++
			case ch < '0' || ch > '9':
				return fmt.Errorf("%s code %q: unexpected %q", f, c, ch)
			}
		}
		if fi == familyC44 && xs != 1 {
			return fmt.Errorf("C44 pattern %q: want exactly one x", c)
		}
	}
	return nil
}
