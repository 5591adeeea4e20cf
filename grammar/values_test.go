package grammar

import (
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
)

func value(text string) *Value {
	return &Value{Pos: lexer.Position{Filename: "note.txt", Line: 14, Column: 11}, Text: text}
}

func TestParseMeasure(t *testing.T) {
	tests := []struct {
		text string
		want Measure
	}{
		{"2.4 cm", Measure{Dims: []float64{2.4}}},
		{"24 mm", Measure{Dims: []float64{2.4}}},
		{"2.4cm", Measure{Dims: []float64{2.4}}},
		{"2.4", Measure{Dims: []float64{2.4}}},
		{"0.8 x 0.6 cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"0.8 X 0.6 cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"0.8 × 0.6 cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"0.8 by 0.6 cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"0.8x0.6cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"8 x 6 mm", Measure{Dims: []float64{0.8, 0.6}}},
		{"8 × 6 mm", Measure{Dims: []float64{0.8, 0.6}}},
		{"1.2 x 1.0 centimetres", Measure{Dims: []float64{1.2, 1.0}}},
		{"25 millimetres", Measure{Dims: []float64{2.5}}},
		{"0.8cm x 0.6cm", Measure{Dims: []float64{0.8, 0.6}}},
		{"1.0 x 0.8 x 0.3 cm", Measure{Dims: []float64{1.0, 0.8}}},
		{"approximately 1.5 x 2.9 cm.", Measure{Dims: []float64{1.5, 2.9}}},
		{"approx. 2 cm", Measure{Dims: []float64{2}}},
		{"~2 cm", Measure{Dims: []float64{2}}},
		{"3.1 sq cm", Measure{AreaSq: 3.1}},
		{"3.1 sq. cm", Measure{AreaSq: 3.1}},
		{"3.1 cm2", Measure{AreaSq: 3.1}},
		{"3.1 cm²", Measure{AreaSq: 3.1}},
		{"3.1 CM²", Measure{AreaSq: 3.1}},
		{"1.4 x 1.1 cm (after stage 2)", Measure{Dims: []float64{1.4, 1.1}}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseMeasure("Size", value(tc.text))
			require.NoError(t, err)
			require.Len(t, got.Dims, len(tc.want.Dims))
			for i := range got.Dims {
				assert.InDelta(t, tc.want.Dims[i], got.Dims[i], 1e-9)
			}
			assert.InDelta(t, tc.want.AreaSq, got.AreaSq, 1e-9)
		})
	}
}

func TestValueErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string, *Value) error
		key   string
		text  string
		want  string
	}{
		{"size in lightyears", measure, "Preoperative size", "0.8 by 0.6 lightyears",
			`Preoperative size: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "0.8 by 0.6 lightyears"`},
		{"size with an unclosed remark", measure, "Size", "1 cm (after", `Size: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "1 cm (after"`},
		{"size TBD", measure, "Size", "TBD", `Size: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "TBD"`},
		{"count three-ish", count, "Blocks", "three-ish", `Blocks: expected a count, found "three-ish"`},
		{"count several", count, "Blocks", "several", `Blocks: expected a count, found "several"`},
		{"count blank line", count, "Blocks", "__", `Blocks: expected a count, found "__"`},
		{"count zero", count, "Blocks", "0", `Blocks: expected a count, found "0"`},
		{"count fraction", count, "Blocks", "2.5", `Blocks: expected a count, found "2.5"`},
		{"count too large", count, "Blocks", "4000000", `Blocks: expected a count of at most 999, found "4000000"`},
		{"date words", date, "Date", "yesterday", `Date: expected a date such as "2026-03-14", "3/14/2026" or "March 14, 2026", found "yesterday"`},
		{"date month 13", date, "Date", "2026-13-01", `Date: expected a date such as "2026-03-14", "3/14/2026" or "March 14, 2026", found "2026-13-01"`},
		{"date dashes with a short year", date, "Date", "02-24-26", `Date: expected a date such as "2026-03-14", "3/14/2026" or "March 14, 2026", found "02-24-26"`},
		{"date Feb 30", date, "Date", "2/30/2026", `Date: expected a date such as "2026-03-14", "3/14/2026" or "March 14, 2026", found "2/30/2026"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.parse(tc.key, value(tc.text))
			var perr *diag.ParseError
			require.ErrorAs(t, err, &perr)
			assert.Equal(t, "note.txt:14:11: "+tc.want, perr.Error())
		})
	}
}

func measure(key string, v *Value) error { _, err := ParseMeasure(key, v); return err }
func count(key string, v *Value) error   { _, err := ParseCount(key, v, 1); return err }
func date(key string, v *Value) error    { _, err := ParseDate(key, v); return err }

func TestParseCount(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"3", 3}, {"three", 3}, {"7 tissue blocks", 7}, {"~7", 7}, {"Twelve", 12}, {"3 (A-C)", 3}, {"2 blocks", 2}, {"4.", 4}, {"approximately 2", 2}, {"1 block", 1}, {"a single block", 1}, {"single block", 1}, {"x3 blks", 3}, {"×2", 2}, {"x 1 blk", 1},
		{"6 (A, B, C, D, E, F)", 6},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseCount("Blocks", value(tc.text), 1)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"2026-03-14", "2026-03-14"},
		{"3/14/2026", "2026-03-14"},
		{"03/04/2026", "2026-03-04"},
		{"3/14/26", "2026-03-14"},
		{"02-24-2026", "2026-02-24"},
		{"2026/04/15", "2026-04-15"},
		{"15-Apr-2026", "2026-04-15"},
		{"April 2nd, 2026", "2026-04-02"},
		{"4/15/2026 @ 0830", "2026-04-15"},
		{"2-4-2026", "2026-02-04"},
		{"March 14, 2026", "2026-03-14"},
		{"March 14 2026", "2026-03-14"},
		{"Mar. 14, 2026", "2026-03-14"},
		{"14 Mar 2026", "2026-03-14"},
		{"14 March 2026", "2026-03-14"},
		{"2026-03-14 09:30", "2026-03-14"},
		{"3/14/2026 9:30 AM", "2026-03-14"},
		{"March 14, 2026 at 10:15", "2026-03-14"},
		{"2026-03-14.", "2026-03-14"},
		{"2026-03-14T09:30", "2026-03-14"},
		{"approximately 2026-03-14", "2026-03-14"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseDate("Date", value(tc.text))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// Roman reads a roman numeral from I to XXXIX in any case, and nothing else.
func TestRoman(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"I", 1}, {"ii", 2}, {"III", 3}, {"iV", 4}, {"v", 5}, {"VIII", 8}, {"IX", 9},
		{"x", 10}, {"XIV", 14}, {"xx", 20}, {"XXXIX", 39},
		{"", 0}, {"IIII", 0}, {"A", 0}, {"VX", 0}, {"XXXX", 0}, {"1", 0},
	} {
		assert.Equal(t, tc.want, Roman(tc.in), "%q", tc.in)
	}
}
