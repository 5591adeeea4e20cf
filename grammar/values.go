package grammar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/alecthomas/participle/v2"

	"github.com/mohscode/mohscode/internal/diag"
)

// measureAST is a length, size or area: "2.4 cm", "0.8 x 0.6 cm",
// "8 × 6 mm", "0.8cm x 0.6cm", "3.1 sq cm", "3.1 cm²".
type measureAST struct {
	Dims []*dimAST `parser:"( \"approximately\" | \"approx\" \".\"? | \"about\" | \"~\" )? @@ ( ( \"x\" | \"by\" | \"*\" ) @@ )* \".\"?"`
}

type dimAST struct {
	Value string `parser:"@Number"`
	Sq    string `parser:"( @( \"sq\" | \"square\" ) \".\"? ( \"cm\" | \"centimeters\" | \"centimeter\" )"`
	Unit  string `parser:"| @( \"cm2\" | \"mm\" | \"cm\" | \"millimeters\" | \"millimeter\" | \"centimeters\" | \"centimeter\" ) )?"`
}

// countAST is a count: "3", "three", "3 (A-C)", "2 blocks".
type countAST struct {
	Number string `parser:"( \"approximately\" | \"approx\" \".\"? | \"about\" | \"~\" )? ( @Number"`
	Word   string `parser:"| @( \"one\" | \"two\" | \"three\" | \"four\" | \"five\" | \"six\" | \"seven\" | \"eight\" | \"nine\" | \"ten\" | \"eleven\" | \"twelve\" ) )"`
	Noun   string `parser:"@( \"blocks\" | \"block\" | \"stages\" | \"stage\" | \"sections\" | \"section\" | \"specimens\" | \"specimen\" | \"layers\" | \"layer\" | \"levels\" | \"level\" )?"`
	Remark string `parser:"( \"(\" @~\")\"* \")\" )? \".\"?"`
}

// dateAST is a date: "2026-03-14", "3/14/2026", "3/14/26",
// "March 14, 2026", "14 Mar 2026", with an optional time after it.
type dateAST struct {
	NumberFirst *numberFirstDate `parser:"( @@"`
	MonthFirst  *monthFirstDate  `parser:"| @@ )"`
	Time        string           `parser:"( ( \"at\" | \",\" )? Number \":\" Number ( \":\" Number )? ( \"am\" | \"pm\" )? )? \".\"?"`
}

type numberFirstDate struct {
	First   string           `parser:"@Number"`
	Numeric *numericDateRest `parser:"( @@"`
	Named   *namedDateRest   `parser:"| @@ )"`
}

type numericDateRest struct {
	Sep    string `parser:"@( \"-\" | \"/\" )"`
	Second string `parser:"@Number ( \"-\" | \"/\" )"`
	Third  string `parser:"@Number"`
}

type namedDateRest struct {
	Month string `parser:"@Word \".\"?"`
	Year  string `parser:"@Number"`
}

type monthFirstDate struct {
	Month string `parser:"@Word \".\"?"`
	Day   string `parser:"@Number \",\"?"`
	Year  string `parser:"@Number"`
}

var (
	measureParser = participle.MustBuild[measureAST](participle.Lexer(valueLexer{}))
	countParser   = participle.MustBuild[countAST](participle.Lexer(valueLexer{}))
	dateParser    = participle.MustBuild[dateAST](participle.Lexer(valueLexer{}))
)

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// Measure is a parsed length, size or area in centimetres.
type Measure struct {
	Dims    []float64 // centimetres, at most two (a third, depth, is dropped)
	AreaSq  float64   // an explicit area in sq cm, else 0
	HasUnit bool      // a unit was written (a bare number is centimetres)
}

// valueError is the error for a value that does not fit its key.
func valueError(key string, v *Value, expected string) *diag.ParseError {
	return &diag.ParseError{Filename: v.Pos.Filename, Line: v.Pos.Line, Column: v.Pos.Column,
		Message: fmt.Sprintf("%s: expected %s, found %q", key, expected, v.Text)}
}

// ParseMeasure parses the value of key as a length, size or area. A bare
// number is centimetres.
func ParseMeasure(key string, v *Value) (Measure, error) {
	const expected = `a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm"`
	ast, err := measureParser.ParseString("", v.Text)
	if err != nil {
		return Measure{}, valueError(key, v, expected)
	}
	var m Measure
	unit := ""
	m.HasUnit = ast.Dims[len(ast.Dims)-1].Unit != "" || ast.Dims[len(ast.Dims)-1].Sq != ""
	for i := len(ast.Dims) - 1; i >= 0; i-- { // a unit at the end applies to the dimensions before it
		if ast.Dims[i].Unit == "" && ast.Dims[i].Sq == "" {
			ast.Dims[i].Unit = unit
		}
		unit = ast.Dims[i].Unit
	}
	for i, d := range ast.Dims {
		n, err := strconv.ParseFloat(d.Value, 64)
		if err != nil || n <= 0 {
			return Measure{}, valueError(key, v, expected)
		}
		switch {
		case d.Sq != "" || d.Unit == "cm2":
			if len(ast.Dims) > 1 {
				return Measure{}, valueError(key, v, expected)
			}
			m.AreaSq = n
			continue
		case strings.HasPrefix(d.Unit, "m"):
			n /= 10
		}
		if i < 2 {
			m.Dims = append(m.Dims, n)
		}
	}
	return m, nil
}

// ParseCount parses the value of key as a count of at least 1: digits or
// the words one to twelve.
func ParseCount(key string, v *Value) (int, error) {
	ast, err := countParser.ParseString("", v.Text)
	if err != nil {
		return 0, valueError(key, v, "a count")
	}
	if ast.Word != "" {
		return numberWords[ast.Word], nil
	}
	n, err := strconv.Atoi(ast.Number)
	if err != nil || n < 1 {
		return 0, valueError(key, v, "a count")
	}
	return n, nil
}

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

// ParseDate parses the value of key as a date and returns it as
// YYYY-MM-DD. A time after the date is ignored.
func ParseDate(key string, v *Value) (string, error) {
	const expected = `a date such as "2026-03-14", "3/14/2026" or "March 14, 2026"`
	ast, err := dateParser.ParseString("", v.Text)
	if err != nil {
		return "", valueError(key, v, expected)
	}
	var y, m, d int
	ok := true
	if nf := ast.NumberFirst; nf != nil && nf.Numeric != nil {
		r := nf.Numeric
		if r.Sep == "-" {
			y, m, d = atoi(nf.First, &ok), atoi(r.Second, &ok), atoi(r.Third, &ok)
			ok = ok && len(nf.First) == 4
		} else {
			m, d, y = atoi(nf.First, &ok), atoi(r.Second, &ok), atoi(r.Third, &ok)
			ok = ok && (len(r.Third) == 2 || len(r.Third) == 4)
			if len(r.Third) == 2 {
				y += 2000
			}
		}
	} else {
		var month, day, year string
		if nf != nil {
			day, month, year = nf.First, nf.Named.Month, nf.Named.Year
		} else {
			month, day, year = ast.MonthFirst.Month, ast.MonthFirst.Day, ast.MonthFirst.Year
		}
		mo, known := months[month]
		m, d, y = int(mo), atoi(day, &ok), atoi(year, &ok)
		ok = ok && known
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if !ok || y < 1900 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", valueError(key, v, expected)
	}
	return t.Format("2006-01-02"), nil
}

// atoi converts a run of digits, clearing ok when it cannot.
func atoi(s string, ok *bool) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		*ok = false
	}
	return n
}
