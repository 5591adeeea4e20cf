package lower

import (
	"regexp"

	"github.com/mohscode/mohscode/grammar"
)

// withoutCodeLists blanks the lines of a code list the note carries — an
// EHR's generated "17311 Mohs 1st stage H/N/H/F/G ....... 1", a typed
// "17311 x1; 17312 x1; 12042 x1" — so that none of it is read as a stage,
// a count or a repair: the claim is derived from what the note documents,
// never copied from codes someone listed (CODING-RULES preamble). lines is
// returned as it is when it holds none.
func withoutCodeLists(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	for i, line := range lines {
		if !codeListLine(line) {
			continue
		}
		if out == nil {
			out = append([]*grammar.Line(nil), lines...)
		}
		out[i] = &grammar.Line{Pos: line.Pos}
	}
	if out == nil {
		return lines
	}
	return out
}

// codeListLine reports whether a line is one of a code list: text, or a
// row whose first cell, opening with a code ("17311  Mohs surgery, head/neck
// …, 1st stage  x2").
func codeListLine(line *grammar.Line) bool {
	switch {
	case line.Row != nil:
		return len(line.Row.Cells) > 0 && codeListText(line.Row.Cells[0].Text)
	case line.Item != nil && line.Item.Text == nil && line.Item.Label == nil && line.Item.Marker == nil && len(line.Item.Fields) == 1:
		v := line.Item.Fields[0].Value
		return v != nil && diagnosisCodes.MatchString(v.Text) // "Dx: C44.329, C44.719, D48.5" under the EHR's suggested codes
	case line.Item != nil && line.Item.Text != nil && line.Item.Label == nil && len(line.Item.Fields) == 0:
		if line.Item.Marker != nil {
			return codedAssessment.MatchString(line.Item.Text.Text)
		}
		return codeListText(line.Item.Text.Text)
	}
	return false
}

// diagnosisCodes matches a value that is diagnosis codes and nothing else:
// "C44.329, C44.719, D48.5", "C44.311".
var diagnosisCodes = regexp.MustCompile(`^[A-DC][0-9]{2}(?:\.[0-9A-Z]{1,4})?(?:\s*[,;/]\s*[A-DC][0-9]{2}(?:\.[0-9A-Z]{1,4})?)*\s*$`)

// codedAssessment matches an assessment's numbered item that ends with the
// diagnosis code an EHR printed ("1. Basal cell carcinoma of skin of right
// upper limb, including shoulder - C44.612", "2. Squamous cell carcinoma of
// skin of left upper limb (C44.629) - Lesion B"): the EHR's restatement of
// the lesions, whose words name the coding category's sites, not the
// tumors'.
var codedAssessment = regexp.MustCompile(`(?:\s[-–—:]\s*|\()[A-DC][0-9]{2}(?:\.[0-9A-Z]{1,4})?\)?(?:\s*[-–—,]\s*(?i:lesion|site|tumou?r)\s*#?\s*[A-Z0-9]{1,2})?\s*$`)

// codeListText reports whether a line opens with a procedure code of the
// surgery (1xxxx) or pathology (8xxxx) ranges, an optional modifier, and then
// ends, or goes on with a unit count, a separator or a description:
// "17311 x1; 17312 x1", "88342-59 x1", "13152 Complex repair ear …".
func codeListText(text string) bool {
	if len(text) < 5 || text[0] != '1' && text[0] != '8' || !grammar.IsDigits(text[:5]) {
		return false
	}
	rest := text[5:]
	if len(rest) >= 3 && rest[0] == '-' && grammar.IsDigits(rest[1:3]) {
		rest = rest[3:] // "88342-59"
	}
	if rest == "" {
		return true
	}
	if rest[0] != ' ' && rest[0] != ';' && rest[0] != ',' {
		return false // "12345678": a number, no code
	}
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == ';' || rest[0] == ',') {
		rest = rest[1:]
	}
	return rest == "" || rest[0] == 'x' || rest[0] == 'X' || rest[0] >= 'A' && rest[0] <= 'Z' || rest[0] == '(' || rest[0] == '1' && grammar.IsDigits(prefix(rest, 5))
}

// prefix is s up to n bytes.
func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}
