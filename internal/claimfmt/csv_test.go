package claimfmt_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

const csvHeader = "id,date_of_service,seq,code,units,modifiers,lesion,diagnosis_pointers,diagnoses,evidence_lines,description,reason,findings,error,rules\n"

// Descriptions of twoLineClaim's lines, as CSV cells.
const (
	desc1 = "\"Mohs, head/neck/hands/feet/genitalia, first stage\""
	desc2 = "\"Mohs, head/neck/hands/feet/genitalia, each additional stage\""
)

func TestCSV(t *testing.T) {
	tests := []struct {
		name  string
		write func(*claimfmt.CSVWriter) error
		want  string
	}{
		{
			name:  "two lines",
			write: func(cw *claimfmt.CSVWriter) error { return cw.WriteClaim("notes/nose.txt", twoLineClaim()) },
			want: csvHeader +
				"notes/nose.txt,2026-03-14,1,17311,1,,1,1,C44.311,7:12," + desc1 + ",,,,2026.12.1\n" +
				"notes/nose.txt,2026-03-14,2,17312,2,59:XS,2,2:1,C44.42:C44.311,30," + desc2 + ",,,,2026.12.1\n",
		},
		{
			name: "findings on every row of the note",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteClaim("n", with(func(c *coding.Claim) {
					c.Lines = c.Lines[:1]
					c.Findings = []diag.Finding{{Rule: "stain-unknown", Severity: diag.Warning, Line: 14}, {Rule: "dos-future", Severity: diag.Error, Line: 1}}
				}))
			},
			want: csvHeader + "n,2026-03-14,1,17311,1,,1,1,C44.311,7:12," + desc1 + ",,\"stain-unknown (warning, line 14); dos-future (error, line 1)\",,2026.12.1\n",
		},
		{
			name: "no lines, with findings",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteClaim("gaps.txt", with(func(c *coding.Claim) {
					c.Lines = []coding.Line{}
					c.Findings = []diag.Finding{{Rule: "stage-missing", Severity: diag.Error, Line: 3}}
				}))
			},
			want: csvHeader + "gaps.txt,2026-03-14,,,,,,,,,,,\"stage-missing (error, line 3)\",no claim lines,2026.12.1\n",
		},
		{
			name: "parse error",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteError("bad.txt", claimfmt.ErrorCell(&diag.ParseError{Filename: "bad.txt", Line: 14, Column: 11, Message: `Blocks: expected a count, found "three-ish"`}))
			},
			want: csvHeader + "bad.txt,,,,,,,,,,,,,\"14:11: Blocks: expected a count, found \"\"three-ish\"\"\",\n",
		},
		{
			name: "summed repair lesion is quoted",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteClaim("r.txt", with(func(c *coding.Claim) {
					c.Lines = []coding.Line{{Seq: 1, Code: "13132", Units: 1, Lesion: "1,3", DiagnosisPointers: []int{1, 2}}}
				}))
			},
			want: csvHeader + "r.txt,2026-03-14,1,13132,1,,\"1,3\",1:2,C44.311:C44.42,,,,,,2026.12.1\n",
		},
		{
			name: "header once across records",
			write: func(cw *claimfmt.CSVWriter) error {
				if err := cw.WriteError("a.txt", "1:1: empty note"); err != nil {
					return err
				}
				return cw.WriteClaim("b.txt", with(func(c *coding.Claim) { c.Lines = c.Lines[:1] }))
			},
			want: csvHeader + "a.txt,,,,,,,,,,,,,1:1: empty note,\n" + "b.txt,2026-03-14,1,17311,1,,1,1,C44.311,7:12," + desc1 + ",,,,2026.12.1\n",
		},
		{
			name:  "empty batch is a header",
			write: func(cw *claimfmt.CSVWriter) error { return nil },
			want:  csvHeader,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			cw := claimfmt.NewCSV(&buf)
			require.NoError(t, tc.write(cw))
			require.NoError(t, cw.Flush())
			assert.Equal(t, tc.want, buf.String())
		})
	}
}

// TestCSVFormulaInjection: every cell a spreadsheet would run as a formula
// is written as text, in whatever column it comes: the note id, the
// description, a finding's message, an error record's message.
func TestCSVFormulaInjection(t *testing.T) {
	attacks := []string{`=HYPERLINK("http://evil.example","x")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}
	for _, attack := range attacks {
		t.Run(attack, func(t *testing.T) {
			var buf bytes.Buffer
			cw := claimfmt.NewCSV(&buf)
			require.NoError(t, cw.WriteClaim(attack, with(func(c *coding.Claim) {
				c.Lines = c.Lines[:1]
				c.Lines[0].Description = attack
				c.Lines[0].Reason = attack
				c.Lines[0].Lesion = attack
			})))
			require.NoError(t, cw.WriteError(attack, attack))
			require.NoError(t, cw.Flush())
			rows, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			require.Len(t, rows, 3)
			for _, row := range rows[1:] {
				for i, cell := range row {
					if cell != "" {
						assert.NotContains(t, "=+-@\t\r", cell[:1], "column %s: %q", claimfmt.CSVHeader[i], cell)
					}
				}
				assert.Equal(t, "'"+attack, row[0])
			}
		})
	}
}

func TestDefuseFormula(t *testing.T) {
	for in, want := range map[string]string{"": "", "17311": "17311", "=1": "'=1", "a=1": "a=1", "-": "'-"} {
		assert.Equal(t, want, claimfmt.DefuseFormula(in), in)
	}
}

func TestCSVEveryRecordHasARow(t *testing.T) {
	claims := sampleClaims(t)
	var buf bytes.Buffer
	cw := claimfmt.NewCSV(&buf)
	want := 1 // header
	for id, c := range claims {
		require.NoError(t, cw.WriteClaim(id, c))
		want += max(len(c.Lines), 1)
	}
	require.NoError(t, cw.Flush())
	assert.Equal(t, want, bytes.Count(buf.Bytes(), []byte("\n")))
}
