package edits

import (
	"fmt"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
)

// NotChecked is what [Applied] says of a table that was not given.
const NotChecked = "not checked"

// The rules of the CMS edit tables, raised by [Check] (docs/coding-rules.md
// section 7); coding.Rules lists them with the other rules.
var (
	MUEExceeded = &diag.Rule{ID: "mue-exceeded", Severity: diag.Warning, Escalates: diag.Error,
		Doc: "Units of a code exceed its medically unlikely edit in the CMS MUE file given with --mue: an error for adjudication indicator 2 (absolute per day), a warning for 1 (per line) and 3 (per day, payable on appeal with documentation)."}
	PTPNotAllowed = &diag.Rule{ID: "ptp-not-allowed", Severity: diag.Error,
		Doc: "Two codes on the claim form an NCCI procedure-to-procedure pair with modifier indicator 0 in the PTP file given with --ptp: they are never paid together."}
	PTPModifierNeeded = &diag.Rule{ID: "ptp-modifier-needed", Severity: diag.Warning,
		Doc: "Two codes form an NCCI pair with modifier indicator 1 and the column-2 line has no NCCI-associated modifier (59, XS, …): add one if the services were distinct."}
)

// Line is one claim line as the edits see it.
type Line struct {
	// Seq is the line's number on the claim, from 1.
	Seq int
	// Code is the line's CPT or HCPCS code.
	Code string
	// Units is the line's unit count.
	Units int
	// Modifiers are the line's modifiers, such as "59" or "XS".
	Modifiers []string
	// Lesion is the lesion the line codes, carried into its findings.
	Lesion string
	// EvidenceLine is the note line behind the claim line; 0 when none, and
	// findings then point at line 1.
	EvidenceLine int
}

// Applied says which tables a claim was checked against, for the output:
// each table's name as loaded, or [NotChecked] for a table not given (nil),
// so that the output never passes a claim silently.
func Applied(mue *MUETable, ptp *PTPTable) (mueName, ptpName string) {
	name := func(given bool, n string) string {
		switch {
		case !given:
			return NotChecked
		case n == "":
			return "(unnamed)"
		}
		return n
	}
	return name(mue != nil, mue.Name()), name(ptp != nil, ptp.Name())
}

// Check checks the lines of one date of service (YYYY-MM-DD or YYYYMMDD)
// against the tables; a nil table is not checked.
//
// MUE: for MAI 2 and 3 the units of a code are summed over all the lines,
// and the finding points at the line where the sum passes the value; for
// MAI 1 each line's units are checked alone. Units above the value are
// mue-exceeded, an error for MAI 2 and a warning for MAI 1 and 3.
//
// PTP: for each line whose code is column 2 of a pair in force on the date
// with another line's code as column 1, indicator 0 is ptp-not-allowed (an
// error) and indicator 1 without an NCCI-associated modifier (see
// [NCCIModifier]) on the column-2 line is ptp-modifier-needed (a warning);
// indicator 9 says nothing. When the date is empty or unreadable the pairs
// not deleted are applied, and the message says so.
//
// Findings point at the line's evidence line (line 1 when it has none), carry
// its lesion, and are sorted by line, then rule.
func Check(lines []Line, dateOfService string, mue *MUETable, ptp *PTPTable) []diag.Finding {
	var fs []diag.Finding
	if mue != nil {
		fs = append(fs, checkMUE(lines, mue)...)
	}
	if ptp != nil {
		fs = append(fs, checkPTP(lines, dateOfService, ptp)...)
	}
	diag.List(fs).Sort()
	return fs
}

func finding(l Line, rule *diag.Rule, sev diag.Severity, msg string) diag.Finding {
	at := l.EvidenceLine
	if at <= 0 {
		at = 1
	}
	return diag.Finding{Rule: rule.ID, Severity: sev, Lesion: l.Lesion, Line: at, Message: msg}
}

func checkMUE(lines []Line, mue *MUETable) []diag.Finding {
	var fs []diag.Finding
	type day struct {
		total int
		over  int // index of the line where the total passed the value; -1 if none
	}
	days := map[string]*day{}
	var order []string
	for i, l := range lines {
		m, ok := mue.Lookup(l.Code)
		if !ok {
			continue
		}
		if m.MAI == LineEdit {
			if l.Units > m.Value {
				fs = append(fs, finding(l, MUEExceeded, diag.Warning, fmt.Sprintf(
					"%s: %s on claim line %d exceed the MUE of %d (MAI %d, %s); units above it may be reported on another line only with a modifier that makes them distinct",
					m.Code, units(l.Units), l.Seq, m.Value, int(m.MAI), m.MAI)))
			}
			continue
		}
		d := days[m.Code]
		if d == nil {
			d = &day{over: -1}
			days[m.Code] = d
			order = append(order, m.Code)
		}
		d.total += l.Units
		if d.over < 0 && d.total > m.Value {
			d.over = i
		}
	}
	for _, code := range order {
		d := days[code]
		if d.over < 0 {
			continue
		}
		m, _ := mue.Lookup(code)
		sev, tail := diag.Error, "the limit is absolute for the day"
		if m.MAI == DateClinical {
			sev, tail = diag.Warning, "units above it are payable only on appeal with documentation"
		}
		fs = append(fs, finding(lines[d.over], MUEExceeded, sev, fmt.Sprintf(
			"%s: %s on the date of service exceed the MUE of %d (MAI %d, %s); %s",
			m.Code, units(d.total), m.Value, int(m.MAI), m.MAI, tail)))
	}
	return fs
}

func units(n int) string {
	if n == 1 {
		return "1 unit"
	}
	return fmt.Sprintf("%d units", n)
}

func checkPTP(lines []Line, dateOfService string, ptp *PTPTable) []diag.Finding {
	dos, known := parseDate(dateOfService)
	note := ""
	if !known {
		note = "; the date of service is not known, so the edits not deleted were applied"
	}
	var fs []diag.Finding
	for j, l2 := range lines {
		col2 := normCode(l2.Code)
		seen := map[string]bool{}
		for i, l1 := range lines {
			col1 := normCode(l1.Code)
			if i == j || seen[col1] {
				continue
			}
			seen[col1] = true
			r, ok := ptp.active(col1, col2, dos, known)
			if !ok {
				continue
			}
			switch r.edit.Indicator {
			case NotAllowed:
				fs = append(fs, finding(l2, PTPNotAllowed, diag.Error, fmt.Sprintf(
					"%s (claim line %d) is column 2 to %s (claim line %d) in an NCCI PTP edit with modifier indicator 0: it is not payable with %s on the same date, with or without a modifier%s",
					col2, l2.Seq, col1, l1.Seq, col1, note)))
			case ModifierAllowed:
				if hasNCCIModifier(l2.Modifiers) {
					continue
				}
				fs = append(fs, finding(l2, PTPModifierNeeded, diag.Warning, fmt.Sprintf(
					"%s (claim line %d) is column 2 to %s (claim line %d) in an NCCI PTP edit with modifier indicator 1: it is payable with %s only with an NCCI-associated modifier (such as 59 or XS), when the note documents a distinct service%s",
					col2, l2.Seq, col1, l1.Seq, col1, note)))
			}
		}
	}
	return fs
}

// ncciModifiers are the NCCI-associated modifiers that can bypass a PTP edit
// with modifier indicator 1.
var ncciModifiers = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{
		"59", "XE", "XS", "XP", "XU", "24", "25", "57", "58", "78", "79", "91",
		"E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
		"TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
		"LT", "RT", "LC", "LD", "LM", "RC", "RI",
	} {
		m[s] = true
	}
	return m
}()

// NCCIModifier reports whether a modifier is NCCI-associated: one that can
// let a PTP pair with modifier indicator 1 be paid (59, XE, XS, XP, XU, 24,
// 25, 57, 58, 78, 79, 91, the anatomic modifiers E1-E4, FA, F1-F9, TA,
// T1-T9, LT, RT, LC, LD, LM, RC, RI). Case, spaces and a leading "-" are
// ignored.
func NCCIModifier(m string) bool {
	return ncciModifiers[strings.TrimPrefix(normCode(m), "-")]
}

func hasNCCIModifier(ms []string) bool {
	for _, m := range ms {
		if NCCIModifier(m) {
			return true
		}
	}
	return false
}
