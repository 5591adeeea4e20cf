package render

import (
	"strconv"
	"unicode/utf8"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// AppendClaim appends the claim as one line of compact JSON, byte for byte
// what encoding/json writes with HTML escaping off (a test holds it to
// that for every field of the contract), without reflection and without
// allocating: rendering is part of what a batch or a request spends beside
// coding, and this takes about a third of encoding/json's time
// (BenchmarkRender). When id is not nil, the object opens with "id" (the
// batch output record).
func AppendClaim(b []byte, id *string, c *coding.Claim) []byte {
	b = append(b, '{')
	if id != nil {
		b = append(b, `"id":`...)
		b = appendString(b, *id)
		b = append(b, ',')
	}
	b = append(b, `"source":`...)
	b = appendString(b, c.Source)
	b = append(b, `,"encounter":{"date_of_service":`...)
	b = appendOptional(b, c.Encounter.DateOfService)
	b = append(b, `,"place_of_service":`...)
	b = appendOptional(b, c.Encounter.PlaceOfService)
	b = append(b, `,"payer_profile":`...)
	b = appendString(b, c.Encounter.PayerProfile)
	b = append(b, `},"edits":{"mue":`...)
	b = appendString(b, c.Edits.MUE)
	b = append(b, `,"ptp":`...)
	b = appendString(b, c.Edits.PTP)
	b = append(b, `},"lines":`...)
	b = appendArray(b, c.Lines, appendLine)
	b = append(b, `,"diagnoses":`...)
	b = appendArray(b, c.Diagnoses, appendDiagnosis)
	b = append(b, `,"findings":`...)
	b = appendArray(b, c.Findings, appendFinding)
	b = append(b, `,"rules":`...)
	b = appendEdition(b, &c.Rules)
	return append(b, '}', '\n')
}

func appendLine(b []byte, l *coding.Line) []byte {
	b = append(b, `{"seq":`...)
	b = strconv.AppendInt(b, int64(l.Seq), 10)
	b = append(b, `,"code":`...)
	b = appendString(b, l.Code)
	b = append(b, `,"units":`...)
	b = strconv.AppendInt(b, int64(l.Units), 10)
	b = append(b, `,"modifiers":`...)
	b = appendArray(b, l.Modifiers, func(b []byte, s *string) []byte { return appendString(b, *s) })
	b = append(b, `,"lesion":`...)
	b = appendString(b, l.Lesion)
	b = append(b, `,"description":`...)
	b = appendString(b, l.Description)
	b = append(b, `,"diagnosis_pointers":`...)
	b = appendArray(b, l.DiagnosisPointers, appendInt)
	b = append(b, `,"evidence":`...)
	b = appendArray(b, l.Evidence, func(b []byte, e *coding.Evidence) []byte {
		b = append(b, `{"line":`...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		return append(b, '}')
	})
	b = append(b, `,"reason":`...)
	b = appendString(b, l.Reason)
	return append(b, '}')
}

func appendDiagnosis(b []byte, d *coding.Diagnosis) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, d.Code)
	b = append(b, `,"description":`...)
	b = appendString(b, d.Description)
	return append(b, '}')
}

// appendFinding writes a finding, leaving out its omitempty fields when
// they are empty, as the struct tags of diag.Finding say.
func appendFinding(b []byte, f *diag.Finding) []byte {
	b = append(b, `{"rule":`...)
	b = appendString(b, f.Rule)
	b = append(b, `,"severity":`...)
	b = appendString(b, string(f.Severity))
	if f.Lesion != "" {
		b = append(b, `,"lesion":`...)
		b = appendString(b, f.Lesion)
	}
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(f.Line), 10)
	b = appendNonZero(b, `,"column":`, f.Column)
	b = appendNonZero(b, `,"end_line":`, f.EndLine)
	b = appendNonZero(b, `,"end_column":`, f.EndColumn)
	b = append(b, `,"message":`...)
	b = appendString(b, f.Message)
	if f.Suggestion != "" {
		b = append(b, `,"suggestion":`...)
		b = appendString(b, f.Suggestion)
	}
	if f.Note != "" {
		b = append(b, `,"note":`...)
		b = appendString(b, f.Note)
	}
	if f.Code != "" {
		b = append(b, `,"code":`...)
		b = appendString(b, f.Code)
	}
	if len(f.Evidence) > 0 {
		b = append(b, `,"evidence":`...)
		b = appendArray(b, f.Evidence, appendInt)
	}
	return append(b, '}')
}

func appendEdition(b []byte, e *codetable.Edition) []byte {
	b = append(b, `{"version":`...)
	b = appendString(b, e.Version)
	b = append(b, `,"cpt":`...)
	b = appendString(b, e.CPT)
	b = append(b, `,"icd10cm":`...)
	b = appendString(b, e.ICD10CM)
	return append(b, '}')
}

// appendNonZero writes key and n unless n is 0 (an omitempty int).
func appendNonZero(b []byte, key string, n int) []byte {
	if n == 0 {
		return b
	}
	b = append(b, key...)
	return strconv.AppendInt(b, int64(n), 10)
}

func appendInt(b []byte, n *int) []byte { return strconv.AppendInt(b, int64(*n), 10) }

// appendOptional writes a nil string as null.
func appendOptional(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s)
}

// appendArray writes a nil slice as null and an empty one as [], as
// encoding/json does.
func appendArray[T any](b []byte, s []T, each func([]byte, *T) []byte) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, &s[i])
	}
	return append(b, ']')
}

const hex = "0123456789abcdef"

// appendString writes s as a JSON string as encoding/json does with HTML
// escaping off: quote, backslash and control characters escaped (\b, \f,
// \n, \r, \t by name), U+2028 and U+2029 escaped, invalid UTF-8 replaced
// by U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
