package claimfmt_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
)

const csvHeader = "id,seq,code,units,modifiers,lesion,diagnosis_pointers,evidence_lines,error\n"

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
				"notes/nose.txt,1,17311,1,,1,1,7:12,\n" +
				"notes/nose.txt,2,17312,2,59:XS,2,2:1,30,\n",
		},
		{
			name: "no lines",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteClaim("gaps.txt", with(func(c *coding.Claim) { c.Lines = []coding.Line{} }))
			},
			want: csvHeader + "gaps.txt,,,,,,,,no claim lines\n",
		},
		{
			name: "parse error",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteError("bad.txt", 14, 11, `Blocks: expected a count, found "three-ish"`)
			},
			want: csvHeader + "bad.txt,,,,,,,,\"14:11: Blocks: expected a count, found \"\"three-ish\"\"\"\n",
		},
		{
			name: "summed repair lesion is quoted",
			write: func(cw *claimfmt.CSVWriter) error {
				return cw.WriteClaim("r.txt", with(func(c *coding.Claim) {
					c.Lines = []coding.Line{{Seq: 1, Code: "13132", Units: 1, Lesion: "1,3", DiagnosisPointers: []int{1, 2}}}
				}))
			},
			want: csvHeader + "r.txt,1,13132,1,,\"1,3\",1:2,,\n",
		},
		{
			name: "header once across records",
			write: func(cw *claimfmt.CSVWriter) error {
				if err := cw.WriteError("a.txt", 1, 1, "empty note"); err != nil {
					return err
				}
				if err := cw.WriteClaim("b.txt", with(func(c *coding.Claim) { c.Lines = c.Lines[:1] })); err != nil {
					return err
				}
				return cw.Flush()
			},
			want: csvHeader + "a.txt,,,,,,,,1:1: empty note\n" + "b.txt,1,17311,1,,1,1,7:12,\n",
		},
		{
			name:  "empty batch is a header",
			write: func(cw *claimfmt.CSVWriter) error { return cw.Flush() },
			want:  csvHeader,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, tc.write(claimfmt.NewCSV(&buf)))
			assert.Equal(t, tc.want, buf.String())
		})
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
	assert.Equal(t, want, bytes.Count(buf.Bytes(), []byte("\n")))
}
