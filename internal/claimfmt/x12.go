package claimfmt

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/edits"
)

// Limits of one 837P 005010X222A1 claim.
const (
	// X12MaxDiagnoses is the number of diagnosis codes one HI segment holds.
	X12MaxDiagnoses = 12
	// X12MaxModifiers is the number of modifiers SV101 holds.
	X12MaxModifiers = 4
	// X12MaxPointers is the number of diagnosis pointers SV107 holds.
	X12MaxPointers = 4
)

// WriteX12 writes the claim of note id as a fragment of an X12 837P
// (005010X222A1) claim: REF*D9 with the note id (loop 2300's claim
// identifier for transmission intermediaries: it names the note the
// fragment came from, so that a batch's fragments can be told apart), the
// claim's HI segment (the first ICD-10-CM code with qualifier ABK, the
// others ABF, without the dot), then per line the service-line loop 2400:
// LX*n, SV1*HC:code:modifiers*charge*UN*units***pointers, DTP*472*D8*date
// of service. Each segment ends with "~" and a newline; elements are
// separated by "*", components by ":".
//
// It is a fragment, with no envelope or header: a practice-management
// system inserts it into its own 837 (ISA/GS/ST, billing provider,
// subscriber and CLM segments), after CLM and the 2300 dates. Each note's
// fragment starts with its REF*D9 segment. A note id that is not a valid
// REF02 (1 to 50 characters, none of them a separator or a control
// character) is written as X12ID makes it.
//
// The charge of a line (SV102) is its line total: fees[code] (see
// LoadFees) times the line's units, with trailing zeros of the cents
// dropped as X12 asks ("125.00" is written "125"), else "0".
//
// A claim without a date of service, lines or diagnoses, one over an 837P
// limit (X12MaxDiagnoses, X12MaxModifiers, X12MaxPointers: such a claim must
// be split, and nothing is dropped silently) or one with a code holding an
// X12 separator yields an *IncompleteClaimError, and nothing is written.
func WriteX12(w io.Writer, id string, c coding.Claim, fees map[string]string) error {
	const format = "x12"
	date, err := dateOfService(id, format, c)
	if err != nil {
		return err
	}
	if len(c.Lines) > 0 && len(c.Diagnoses) == 0 {
		return incomplete(id, format, ErrNoDiagnosis, "")
	}
	if err := checkLines(id, format, c); err != nil {
		return err
	}
	if len(c.Diagnoses) > X12MaxDiagnoses {
		return incomplete(id, format, ErrX12Limit, "%d diagnoses, at most %d", len(c.Diagnoses), X12MaxDiagnoses)
	}
	var b bytes.Buffer
	b.WriteString("REF*D9*" + X12ID(id) + "~\n")
	b.WriteString("NTE*ADD*" + x12RulePack(c) + "~\n") // the rule pack the claim was coded by (loop 2300 claim note)
	b.WriteString("HI")
	for i, d := range c.Diagnoses {
		code := strings.ToUpper(strings.ReplaceAll(d.Code, ".", ""))
		if err := x12Value(id, "diagnosis code", code); err != nil {
			return err
		}
		qualifier := "ABF"
		if i == 0 {
			qualifier = "ABK"
		}
		b.WriteString("*" + qualifier + ":" + code)
	}
	b.WriteString("~\n")
	ymd := strings.ReplaceAll(date, "-", "")
	for i, l := range c.Lines {
		n := i + 1
		if len(l.Modifiers) > X12MaxModifiers {
			return incomplete(id, format, ErrX12Limit, "line %d: %d modifiers, at most %d", n, len(l.Modifiers), X12MaxModifiers)
		}
		if len(l.DiagnosisPointers) > X12MaxPointers {
			return incomplete(id, format, ErrX12Limit, "line %d: %d diagnosis pointers, at most %d", n, len(l.DiagnosisPointers), X12MaxPointers)
		}
		if len(l.DiagnosisPointers) == 0 {
			return incomplete(id, format, ErrNoDiagnosis, "line %d has no diagnosis pointer", n)
		}
		procedure := append([]string{"HC", l.Code}, l.Modifiers...)
		for _, v := range procedure[1:] {
			if err := x12Value(id, "procedure code or modifier", v); err != nil {
				return err
			}
		}
		charge := "0"
		if fee, ok := fees[l.Code]; ok {
			if charge, err = lineCharge(fee, l.Units); err != nil {
				return incomplete(id, format, ErrBadCharge, "fee of %s: %q", l.Code, fee)
			}
		}
		fmt.Fprintf(&b, "LX*%d~\n", n)
		fmt.Fprintf(&b, "SV1*%s*%s*UN*%d***%s~\n", strings.Join(procedure, ":"), charge, l.Units, joinInts(l.DiagnosisPointers, ":"))
		fmt.Fprintf(&b, "DTP*472*D8*%s~\n", ymd)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// x12Value reports a value that would break the X12 syntax.
func x12Value(id, what, v string) error {
	if v == "" || strings.ContainsAny(v, "*:~^\r\n") {
		return incomplete(id, "x12", ErrX12Delimiter, "%s %q", what, v)
	}
	return nil
}

// chargeRE is a decimal amount of money: up to 10 digits, then up to 2
// after a point.
var chargeRE = sync.OnceValue(func() *regexp.Regexp { // compiled on first use, not at start-up
	return regexp.MustCompile(`^[0-9]{1,10}(\.[0-9]{1,2})?$`)
})

// X12MaxID is the longest REF02, the longest note id an X12 fragment
// carries.
const X12MaxID = 50

// X12ID is the note id as REF*D9 carries it: unchanged when it is 1 to 50
// characters with no X12 separator (* : ~ ^) or control character;
// otherwise as FHIRID makes an id, cut to 50 characters.
func X12ID(noteID string) string {
	if noteID != "" && len(noteID) <= X12MaxID && !strings.ContainsFunc(noteID, func(r rune) bool {
		return r < 0x20 || r == 0x7F || strings.ContainsRune("*:~^", r)
	}) {
		return noteID
	}
	return derivedID(noteID, X12MaxID)
}

// lineCharge is fee × units, in cents, written as normalizeCharge writes
// a charge.
func lineCharge(fee string, units int) (string, error) {
	if _, err := normalizeCharge(fee); err != nil {
		return "", err
	}
	whole, frac, _ := strings.Cut(fee, ".")
	frac = (frac + "00")[:2]
	cents, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return "", ErrBadCharge
	}
	total := cents * int64(max(units, 0))
	out := strconv.FormatInt(total/100, 10)
	if c := strings.TrimRight(fmt.Sprintf("%02d", total%100), "0"); c != "" {
		out += "." + c
	}
	return out, nil
}

// normalizeCharge checks a charge and writes it as X12 asks for a decimal:
// no leading zeros, no trailing zeros after the point, no bare point.
func normalizeCharge(s string) (string, error) {
	if !chargeRE().MatchString(s) {
		return "", ErrBadCharge
	}
	whole, cents, _ := strings.Cut(s, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if cents = strings.TrimRight(cents, "0"); cents != "" {
		return whole + "." + cents, nil
	}
	return whole, nil
}

// LoadFees reads a fee schedule: CSV records of code and charge, e.g.
// "17311,1250.00". Further columns are ignored; blank lines and lines
// starting with "#" are skipped; a first record whose charge is not a
// number (e.g. "code,charge") is a header and skipped. Codes are trimmed
// and upper-cased. A charge must be a decimal amount (up to 10 digits and
// 2 after the point, no currency sign); a bad charge, a record of one
// column, a code given twice with different charges, a stray quote or a line
// over edits.MaxLineBytes is an error naming its line.
func LoadFees(r io.Reader) (map[string]string, error) {
	cr := csv.NewReader(edits.LimitLines(r, edits.MaxLineBytes))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	fees := map[string]string{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return fees, nil
		}
		if err != nil {
			return nil, fmt.Errorf("fees: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first && len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff") // a spreadsheet's byte-order mark
		}
		if len(rec) < 2 {
			return nil, fmt.Errorf("fees: line %d: want code,charge, found %q", line, strings.Join(rec, ","))
		}
		code, charge := strings.ToUpper(strings.TrimSpace(rec[0])), strings.TrimSpace(rec[1])
		if !chargeRE().MatchString(charge) {
			if first && !strings.ContainsAny(charge, "0123456789") {
				continue // header
			}
			return nil, fmt.Errorf("fees: line %d: charge of %s: %q is not a decimal amount such as 125.00", line, code, charge)
		}
		if code == "" || strings.ContainsAny(code, "*:~^") {
			return nil, fmt.Errorf("fees: line %d: %q is not a procedure code", line, rec[0])
		}
		if prev, ok := fees[code]; ok {
			if !sameCharge(prev, charge) {
				return nil, fmt.Errorf("fees: line %d: %s has two charges, %s and %s", line, code, prev, charge)
			}
			continue
		}
		fees[code] = charge
	}
}

func sameCharge(a, b string) bool {
	na, _ := normalizeCharge(a)
	nb, _ := normalizeCharge(b)
	return na == nb
}

// x12RulePack is the claim note naming the rule pack: "MOHSCODE RULE PACK
// 2026.12.2 CPT 2026 ICD-10-CM FY2026", in the characters an X12 element
// may hold.
func x12RulePack(c coding.Claim) string {
	r := c.Rules
	return strings.Map(func(ch rune) rune {
		if strings.ContainsRune("~*:^", ch) {
			return ' '
		}
		return ch
	}, strings.ToUpper("mohscode rule pack "+r.Version+" "+r.CPT+" "+r.ICD10CM))
}
