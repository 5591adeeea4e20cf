package grammar

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/internal/diag"
)

// The value grammars, in participle's notation. They are parsed by hand
// (recursive descent over the value lexer's tokens) rather than by
// participle parsers: a participle parse allocates a 1024-token buffer per
// value, over half of all the bytes a note cost, and docs/performance.md
// has the benchstat comparison.
//
//	Measure = Approx? Dim ( ( "x" | "by" | "*" ) Dim )* "."? Remark? "."?
//	Dim     = Number ( ( "sq" | "square" ) "."? CM | Unit )?
//	Unit    = "cm2" | "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" | CM
//	CM      = "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres"
//	Count   = Approx? "a"? ( Number | "one" … "twelve" | "single" ) "tissue"? Noun? Remark? "."?
//	Remark  = "(" ~")"* ")"
//	Noun    = "block" | "blocks" | "stage" | "stages" | "section" | "sections" | …
//	Date    = Approx? ( Number ( ( "-" | "/" ) Number ( "-" | "/" ) Number | Word "."? Number )
//	          | Word "."? Number ","? Number ) Time? "."?
//	Time    = ( "at" | "," | "T" )? Number ":" Number ( ":" Number )? ( "am" | "pm" )?
//	Approx  = "approximately" | "approx" "."? | "about" | "~"

// measureAST is a length, size or area: "2.4 cm", "0.8 x 0.6 cm",
// "8 × 6 mm", "0.8cm x 0.6cm", "3.1 sq cm", "3.1 cm²".
type measureAST struct {
	Dims []dimAST
}

type dimAST struct {
	Value string
	Sq    string // "sq" or "square" when the unit is square centimetres
	Unit  string
}

// countAST is a count: "3", "three", "3 (A-C)", "2 blocks", "x3 blks".
type countAST struct {
	Number string
	Word   string
	Noun   string
}

// dateAST is a date: "2026-03-14", "3/14/2026", "3/14/26",
// "March 14, 2026", "14 Mar 2026", with an optional time after it.
type dateAST struct {
	First, Sep, Second, Third string // numeric forms
	Day, Month, Year          string // forms with a month name
}

var (
	cmWords    = []string{"cm", "centimeter", "centimeters", "centimetre", "centimetres"}
	unitWords  = []string{"cm2", "mm", "millimeter", "millimeters", "millimetre", "millimetres", "cm", "centimeter", "centimeters", "centimetre", "centimetres"}
	timesWords = []string{"x", "by", "*"}
	nounWords  = append(append([]string{}, BlockNouns...), StageNouns...)
)

// BlockNouns count the blocks of a stage: "7 blocks", "3 tissue blocks", "2
// sections", "4 pieces", "2 specimens". This is the one table of block
// words; cut levels ("7 levels") are sections through one block and are
// not blocks.
var BlockNouns = []string{"blocks", "block", "sections", "section", "specimens", "specimen", "pieces", "piece", "blks", "blk", "blx", "pcs", "pc"}

// StageNouns count stages: "2 stages", "2 layers", "2 levels".
var StageNouns = []string{"stages", "stage", "layers", "layer", "levels", "level", "stgs", "stg"}

// take consumes the next token when its value is one of values.
func take(lex *valueTokens, values ...string) (string, bool) {
	t := lex.Peek()
	if t.EOF() || !slices.Contains(values, t.Value) {
		return "", false
	}
	lex.Next()
	return t.Value, true
}

// takeType consumes the next token when it is of type typ.
func takeType(lex *valueTokens, typ lexer.TokenType) (string, bool) {
	t := lex.Peek()
	if t.Type != typ {
		return "", false
	}
	lex.Next()
	return t.Value, true
}

// need consumes a token of type typ or fails.
func need(lex *valueTokens, typ lexer.TokenType, what string) (string, error) {
	if v, ok := takeType(lex, typ); ok {
		return v, nil
	}
	return "", lex.unexpected(what)
}

// approxLead consumes "approximately", "approx.", "about" or "~".
func approxLead(lex *valueTokens) {
	if w, ok := take(lex, "approximately", "approx", "about", "~"); ok && w == "approx" {
		take(lex, ".")
	}
}

// Parse reads a Measure, all of the value.
func (m *measureAST) Parse(lex *valueTokens) error {
	approxLead(lex)
	m.Dims = make([]dimAST, 0, 2)
	for {
		var d dimAST
		var err error
		if d.Value, err = need(lex, tokNumber, "a number"); err != nil {
			return err
		}
		if sq, ok := take(lex, "sq", "square"); ok {
			take(lex, ".")
			if _, ok := take(lex, cmWords...); !ok {
				return lex.unexpected("cm")
			}
			d.Sq = sq
		} else {
			d.Unit, _ = take(lex, unitWords...)
		}
		m.Dims = append(m.Dims, d)
		if _, ok := take(lex, timesWords...); !ok {
			break
		}
	}
	take(lex, ".")
	if err := remark(lex); err != nil {
		return err
	}
	take(lex, ".")
	return lex.end()
}

// remark skips an optional parenthesised remark: "(A-C)", "(after stage 2)".
func remark(lex *valueTokens) error {
	if _, ok := take(lex, "("); !ok {
		return nil
	}
	for t := lex.Peek(); !t.EOF() && t.Value != ")"; t = lex.Peek() {
		lex.Next()
	}
	if _, ok := take(lex, ")"); !ok {
		return lex.unexpected(")")
	}
	return nil
}

// Parse reads a Count, all of the value.
func (c *countAST) Parse(lex *valueTokens) error {
	approxLead(lex)
	if t := lex.Peek(); t.Type == tokWord && (t.Value == "a" || t.Value == "x") {
		lex.Next() // "a single block"; "x3 blks", "×2": a terse note's times sign
	}
	if n, ok := takeType(lex, tokNumber); ok {
		c.Number = n
	} else if w, ok := lex.Peek().Value, numberWords[lex.Peek().Value] > 0; ok && lex.Peek().Type == tokWord {
		lex.Next()
		c.Word = w
	} else {
		return lex.unexpected("a count")
	}
	take(lex, "tissue") // "7 tissue blocks"
	c.Noun, _ = take(lex, nounWords...)
	if err := remark(lex); err != nil {
		return err
	}
	take(lex, ".")
	return lex.end()
}

// Parse reads a Date, all of the value.
func (d *dateAST) Parse(lex *valueTokens) error {
	approxLead(lex)
	if t := lex.Peek(); t.Type == tokWord && weekdays[t.Value] {
		lex.Next() // "Tuesday, May 12, 2026"
		take(lex, ",")
	}
	var err error
	if first, ok := takeType(lex, tokNumber); ok {
		if sep, ok := take(lex, "-", "/"); ok {
			if t := lex.Peek(); sep == "-" && t.Type == tokWord {
				// "15-Apr-2026"
				d.Day, d.Month = first, t.Value
				lex.Next()
				if _, ok := take(lex, "-"); !ok {
					return lex.unexpected("-")
				}
				if d.Year, err = need(lex, tokNumber, "a year"); err != nil {
					return err
				}
				return d.rest(lex)
			}
			d.First, d.Sep = first, sep
			if d.Second, err = need(lex, tokNumber, "a number"); err != nil {
				return err
			}
			if _, ok := take(lex, "-", "/"); !ok {
				return lex.unexpected("- or /")
			}
			if d.Third, err = need(lex, tokNumber, "a number"); err != nil {
				return err
			}
		} else {
			d.Day = first
			if d.Month, err = need(lex, tokWord, "a month"); err != nil {
				return err
			}
			take(lex, ".")
			if d.Year, err = need(lex, tokNumber, "a year"); err != nil {
				return err
			}
		}
	} else {
		if d.Month, err = need(lex, tokWord, "a month"); err != nil {
			return err
		}
		take(lex, ".")
		if d.Day, err = need(lex, tokNumber, "a day"); err != nil {
			return err
		}
		take(lex, "st", "nd", "rd", "th") // "April 2nd, 2026"
		take(lex, ",")
		if d.Year, err = need(lex, tokNumber, "a year"); err != nil {
			return err
		}
	}
	return d.rest(lex)
}

// rest reads what may follow a date: a time of day and a full stop.
func (d *dateAST) rest(lex *valueTokens) error {
	if err := timeOfDay(lex); err != nil {
		return err
	}
	take(lex, ".")
	return lex.end()
}

// timeOfDay reads an optional time after a date: "09:30", ", 9:30 am".
func timeOfDay(lex *valueTokens) error {
	cp := *lex
	take(lex, "at", ",", "t", "@") // "2026-03-14T09:30", "4/15/2026 @ 0830"
	if _, ok := takeType(lex, tokNumber); !ok {
		*lex = cp
		return nil
	}
	for range 2 {
		if _, ok := take(lex, ":"); !ok {
			break
		}
		if _, err := need(lex, tokNumber, "minutes"); err != nil {
			return err
		}
	}
	take(lex, "am", "pm")
	return nil
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "single": 1,
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
	ast := &measureAST{}
	lex := lexValue(measureText(v.Text))
	if err := ast.Parse(&lex); err != nil {
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
		if err != nil || n < 0 {
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

// remarkSeparators set off a remark after a complete size: "1.8 x 1.5
// cm, extending onto the helical rim", "1.2 x 1.0 cm. Through fat".
var remarkSeparators = []string{",", ";", ". ", " - ", " – ", " — "}

// measureText is the text of a size without a remark after it. The
// remark is cut only after a unit, so that "2,5 cm" or "1.2 x" followed by
// words still fails as written.
func measureText(s string) string {
	end := len(s)
	for _, sep := range remarkSeparators {
		if i := strings.Index(s, sep); i > 0 && i < end {
			end = i
		}
	}
	head := strings.TrimSpace(s[:end])
	lower := strings.ToLower(head)
	for _, unit := range []string{"cm", "mm", "cm2", "cm²", "sq cm", "sq. cm"} {
		if strings.HasSuffix(lower, unit) {
			return head
		}
	}
	return s
}

// MaxCount bounds every count: no stage has more blocks, no note more
// stages, and a bound keeps one absurd value from costing memory
// proportional to it.
const MaxCount = 999

// ParseCount parses the value of key as a count from min to MaxCount:
// digits or the words one to twelve, with an optional noun. A noun of the
// other kind ("Blocks: 7 levels", "Total stages: 3 blocks") is an error:
// blocks are counted only by BlockNouns, stages (a key that names stages)
// only by StageNouns.
func ParseCount(key string, v *Value, min int) (int, error) {
	ast := &countAST{}
	lex := lexValue(v.Text)
	if err := ast.Parse(&lex); err != nil {
		return 0, valueError(key, v, "a count")
	}
	if stages := strings.Contains(strings.ToLower(key), "stage"); ast.Noun != "" && slices.Contains(StageNouns, ast.Noun) != stages {
		if stages {
			return 0, valueError(key, v, "a count of stages")
		}
		return 0, valueError(key, v, "a count of blocks (levels are cut through one block and are not blocks)")
	}
	if ast.Word != "" {
		return numberWords[ast.Word], nil
	}
	n, err := strconv.Atoi(ast.Number)
	switch {
	case err != nil || n < min:
		return 0, valueError(key, v, "a count")
	case n > MaxCount:
		return 0, valueError(key, v, fmt.Sprintf("a count of at most %d", MaxCount))
	}
	return n, nil
}

var (
	months   = map[string]time.Month{}
	weekdays = map[string]bool{} // a date may lead with its weekday: "Tue, May 12, 2026"
)

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		weekdays[name], weekdays[name[:3]] = true, true
	}
}

// ParseDate parses the value of key as a date and returns it as
// YYYY-MM-DD. A time after the date is ignored.
func ParseDate(key string, v *Value) (string, error) {
	const expected = `a date such as "2026-03-14", "3/14/2026" or "March 14, 2026"`
	ast := &dateAST{}
	text := v.Text
	if len(text) > 10 && text[10] == 'T' && text[4] == '-' {
		text = text[:10] // an ISO date-time, "2026-04-07T09:30": the time is ignored
	}
	lex := lexValue(text)
	if err := ast.Parse(&lex); err != nil {
		return "", valueError(key, v, expected)
	}
	var y, m, d int
	ok := true
	switch ast.Sep {
	case "-":
		y, m, d = atoi(ast.First, &ok), atoi(ast.Second, &ok), atoi(ast.Third, &ok)
		if len(ast.First) <= 2 && len(ast.Third) == 4 {
			m, d, y = y, m, d // "02-24-2026": month, day, year as with slashes
		} else {
			ok = ok && len(ast.First) == 4
		}
	case "/":
		m, d, y = atoi(ast.First, &ok), atoi(ast.Second, &ok), atoi(ast.Third, &ok)
		if len(ast.First) == 4 {
			y, m, d = m, d, y // "2026/04/15"
			break
		}
		ok = ok && (len(ast.Third) == 2 || len(ast.Third) == 4)
		if len(ast.Third) == 2 {
			y += 2000
		}
	default:
		mo, known := months[ast.Month]
		m, d, y = int(mo), atoi(ast.Day, &ok), atoi(ast.Year, &ok)
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
