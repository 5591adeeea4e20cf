package claimfmt_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
)

func TestWriteX12(t *testing.T) {
	tests := []struct {
		name  string
		claim coding.Claim
		fees  map[string]string
		want  string
	}{
		{
			name:  "two lines with modifiers, pointers and fees",
			claim: twoLineClaim(),
			fees:  map[string]string{"17311": "1250.00", "17312": "0640.50", "12032": "300"},
			want: "REF*D9*notes/nose.txt~\n" + "NTE*ADD*MOHSCODE RULE PACK 2026.12.1 CPT 2026 ICD-10-CM FY2026~\n" +
				"HI*ABK:C44311*ABF:C4442~\n" +
				"LX*1~\n" +
				"SV1*HC:17311*1250*UN*1***1~\n" +
				"DTP*472*D8*20260314~\n" +
				"LX*2~\n" +
				"SV1*HC:17312:59:XS*1281*UN*2***2:1~\n" + // the line total: 640.50 × 2 units
				"DTP*472*D8*20260314~\n",
		},
		{
			name:  "no fee schedule: charge 0",
			claim: with(func(c *coding.Claim) { c.Lines = c.Lines[:1] }),
			want: "REF*D9*notes/nose.txt~\n" + "NTE*ADD*MOHSCODE RULE PACK 2026.12.1 CPT 2026 ICD-10-CM FY2026~\n" +
				"HI*ABK:C44311*ABF:C4442~\n" +
				"LX*1~\n" +
				"SV1*HC:17311*0*UN*1***1~\n" +
				"DTP*472*D8*20260314~\n",
		},
		{
			name: "four modifiers, four pointers, twelve diagnoses",
			claim: with(func(c *coding.Claim) {
				c.Diagnoses = nil
				for i := range 12 {
					c.Diagnoses = append(c.Diagnoses, coding.Diagnosis{Code: "c44.3" + string(rune('0'+i%10))})
				}
				c.Lines = []coding.Line{{Code: "17311", Units: 1, Modifiers: []string{"59", "XS", "51", "76"}, DiagnosisPointers: []int{12, 1, 2, 3}}}
			}),
			fees: map[string]string{"17311": "0.00"},
			want: "REF*D9*notes/nose.txt~\n" + "NTE*ADD*MOHSCODE RULE PACK 2026.12.1 CPT 2026 ICD-10-CM FY2026~\n" +
				"HI*ABK:C4430*ABF:C4431*ABF:C4432*ABF:C4433*ABF:C4434*ABF:C4435*ABF:C4436*ABF:C4437*ABF:C4438*ABF:C4439*ABF:C4430*ABF:C4431~\n" +
				"LX*1~\n" +
				"SV1*HC:17311:59:XS:51:76*0*UN*1***12:1:2:3~\n" +
				"DTP*472*D8*20260314~\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, claimfmt.WriteX12(&buf, "notes/nose.txt", tc.claim, tc.fees))
			assert.Equal(t, tc.want, buf.String())
		})
	}
}

func TestWriteX12Errors(t *testing.T) {
	tests := []struct {
		name   string
		claim  coding.Claim
		fees   map[string]string
		reason error
		detail string
	}{
		{"no date of service", with(func(c *coding.Claim) { c.Encounter.DateOfService = nil }), nil, claimfmt.ErrNoDateOfService, ""},
		{"malformed date", with(func(c *coding.Claim) { c.Encounter.DateOfService = ptr("3/14/2026") }), nil, claimfmt.ErrBadDateOfService, `"3/14/2026"`},
		{"no lines", with(func(c *coding.Claim) { c.Lines = nil }), nil, claimfmt.ErrNoLines, ""},
		{"no diagnoses", with(func(c *coding.Claim) { c.Diagnoses = nil }), nil, claimfmt.ErrNoDiagnosis, ""},
		{"no diagnoses and no pointers", with(func(c *coding.Claim) {
			c.Diagnoses = nil
			for i := range c.Lines {
				c.Lines[i].DiagnosisPointers = nil
			}
		}), nil, claimfmt.ErrNoDiagnosis, ""},
		{"no lines and no diagnoses", with(func(c *coding.Claim) { c.Lines, c.Diagnoses = nil, nil }), nil, claimfmt.ErrNoLines, ""},
		{"line without pointer", with(func(c *coding.Claim) { c.Lines[1].DiagnosisPointers = nil }), nil, claimfmt.ErrNoDiagnosis, "line 2 has no diagnosis pointer"},
		{"pointer out of range", with(func(c *coding.Claim) { c.Lines[1].DiagnosisPointers = []int{3} }), nil, claimfmt.ErrPointer, "line 2 points at diagnosis 3 of 2"},
		{"thirteen diagnoses", with(func(c *coding.Claim) {
			for range 11 {
				c.Diagnoses = append(c.Diagnoses, coding.Diagnosis{Code: "C44.01"})
			}
		}), nil, claimfmt.ErrX12Limit, "13 diagnoses, at most 12"},
		{"five modifiers", with(func(c *coding.Claim) { c.Lines[1].Modifiers = []string{"59", "XS", "51", "76", "77"} }), nil, claimfmt.ErrX12Limit, "line 2: 5 modifiers, at most 4"},
		{"five pointers", with(func(c *coding.Claim) { c.Lines[0].DiagnosisPointers = []int{1, 2, 1, 2, 1} }), nil, claimfmt.ErrX12Limit, "line 1: 5 diagnosis pointers, at most 4"},
		{"separator in a modifier", with(func(c *coding.Claim) { c.Lines[1].Modifiers = []string{"59~"} }), nil, claimfmt.ErrX12Delimiter, `procedure code or modifier "59~"`},
		{"bad fee", twoLineClaim(), map[string]string{"17312": "$640"}, claimfmt.ErrBadCharge, `fee of 17312: "$640"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := claimfmt.WriteX12(&buf, "n.txt", tc.claim, tc.fees)
			require.ErrorIs(t, err, tc.reason)
			var ie *claimfmt.IncompleteClaimError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "n.txt", ie.ID)
			assert.Equal(t, "x12", ie.Format)
			assert.Equal(t, tc.detail, ie.Detail)
			assert.True(t, strings.HasPrefix(err.Error(), "cannot write x12: "), err.Error())
			assert.Empty(t, buf.String(), "nothing is written for a claim that cannot be written")
		})
	}
}

// TestX12LineCharge: SV102 is the line's total charge, fee × units, in
// exact cents.
func TestX12LineCharge(t *testing.T) {
	tests := []struct {
		fee   string
		units int
		want  string
	}{
		{"500", 8, "4000"},
		{"500.00", 1, "500"},
		{"0.10", 3, "0.3"},
		{"0.1", 7, "0.7"},
		{"133.33", 3, "399.99"},
		{"9999999999.99", 2, "19999999999.98"},
	}
	for _, tc := range tests {
		t.Run(tc.fee, func(t *testing.T) {
			var buf bytes.Buffer
			c := with(func(c *coding.Claim) { c.Lines = c.Lines[1:]; c.Lines[0].Units = tc.units })
			require.NoError(t, claimfmt.WriteX12(&buf, "n", c, map[string]string{"17312": tc.fee}))
			assert.Contains(t, buf.String(), "SV1*HC:17312:59:XS*"+tc.want+"*UN*")
		})
	}
}

// TestX12NoteID: each fragment names its note in REF*D9; an id that would
// break the X12 syntax or is too long is replaced, never written raw.
func TestX12NoteID(t *testing.T) {
	for in, want := range map[string]string{
		"notes/a b.txt":         "notes/a b.txt",
		"MSG-0001":              "MSG-0001",
		"evil~ISA*00":           claimfmt.X12ID("evil~ISA*00"),
		strings.Repeat("a", 51): claimfmt.X12ID(strings.Repeat("a", 51)),
	} {
		got := claimfmt.X12ID(in)
		assert.Equal(t, want, got)
		assert.LessOrEqual(t, len(got), claimfmt.X12MaxID)
		assert.NotContains(t, got, "~")
		assert.NotContains(t, got, "*")
	}
	var buf bytes.Buffer
	require.NoError(t, claimfmt.WriteX12(&buf, "evil~ISA*00", twoLineClaim(), nil))
	assert.True(t, strings.HasPrefix(buf.String(), "REF*D9*note-"), buf.String())
}

func TestWriteX12Samples(t *testing.T) {
	for id, c := range sampleClaims(t) {
		t.Run(id, func(t *testing.T) {
			var buf bytes.Buffer
			err := claimfmt.WriteX12(&buf, id, c, nil)
			if err != nil {
				var ie *claimfmt.IncompleteClaimError
				require.ErrorAs(t, err, &ie, "only an IncompleteClaimError")
				assert.Empty(t, buf.String())
				return
			}
			segs := strings.Split(strings.TrimSuffix(buf.String(), "~\n"), "~\n")
			require.Len(t, segs, 3+3*len(c.Lines))
			assert.Equal(t, "REF*D9*"+id, segs[0])
			assert.Equal(t, "NTE*ADD*MOHSCODE RULE PACK "+codetable.PackEdition().Version+" CPT 2026 ICD-10-CM FY2026", segs[1], "the rule pack in a claim note")
			assert.True(t, strings.HasPrefix(segs[2], "HI*ABK:"), segs[2])
			assert.NotContains(t, segs[2], ".")
			for _, s := range segs {
				assert.NotContains(t, s, "~")
				assert.NotContains(t, s, "\n")
			}
		})
	}
}

func TestLoadFees(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]string
		wantErr string
	}{
		{"header", "code,charge\n17311,1250.00\n17312,640\n", map[string]string{"17311": "1250.00", "17312": "640"}, ""},
		{"no header", "17311,1250.00\n", map[string]string{"17311": "1250.00"}, ""},
		{"spreadsheet export", "\ufeffCPT,Fee (USD),Description\r\n17311, 1250.00 ,Mohs first stage\r\n\r\n# comment\r\nj7999,.5\r\n", nil, `fees: line 5: charge of J7999: ".5" is not a decimal amount such as 125.00`},
		{"extra columns and case", "\ufeffCPT,Fee,Description\r\n17311, 1250.00 ,Mohs first stage\r\n\r\n# comment\r\nj7999,0.5\r\n", map[string]string{"17311": "1250.00", "J7999": "0.5"}, ""},
		{"empty", "", map[string]string{}, ""},
		{"same charge twice", "17311,1250\n17311,1250.00\n", map[string]string{"17311": "1250"}, ""},
		{"two charges", "17311,1250\n17311,1300\n", nil, "fees: line 2: 17311 has two charges, 1250 and 1300"},
		{"currency sign", "17311,$1250\n", nil, `fees: line 1: charge of 17311: "$1250" is not a decimal amount such as 125.00`},
		{"three decimals", "code,charge\n17311,12.505\n", nil, `fees: line 2: charge of 17311: "12.505" is not a decimal amount such as 125.00`},
		{"word after the header", "code,charge\n17311,TBD\n", nil, `fees: line 2: charge of 17311: "TBD" is not a decimal amount such as 125.00`},
		{"one column", "17311\n", nil, `fees: line 1: want code,charge, found "17311"`},
		{"separator in code", "17311:59,100\n", nil, `fees: line 1: "17311:59" is not a procedure code`},
		{"bad csv", "17311,\"100\n", nil, "fees: parse error on line 1, column 12: extraneous or missing \" in quoted-field"},
		{"stray quote", "17311,100\n17312,1\"00\n17313,5\n", nil, "fees: parse error on line 2, column 8: bare \" in non-quoted-field"},
		{"a line of 1 MB", "17311,100\n" + strings.Repeat("9", 1<<20) + "\n", nil, "fees: line 2 is longer than 65536 bytes; is this a text file of rows?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claimfmt.LoadFees(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLoadFeesFeedsWriteX12(t *testing.T) {
	fees, err := claimfmt.LoadFees(strings.NewReader("code,charge\n17311,1250.00\n17312,007.10\n"))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, claimfmt.WriteX12(&buf, "n", twoLineClaim(), fees))
	assert.Contains(t, buf.String(), "SV1*HC:17311*1250*UN*1***1~\n")
	assert.Contains(t, buf.String(), "SV1*HC:17312:59:XS*14.2*UN*2***2:1~\n")
}
