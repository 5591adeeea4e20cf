package edits_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
)

// got is a finding reduced to what the tests compare.
type got struct {
	Rule     string
	Severity diag.Severity
	Line     int
	Lesion   string
}

func reduce(fs []diag.Finding) []got {
	var out []got
	for _, f := range fs {
		out = append(out, got{f.Rule, f.Severity, f.Line, f.Lesion})
	}
	return out
}

func line(seq int, code string, units int, lesion string, evidence int, mods ...string) edits.Line {
	return edits.Line{Seq: seq, Code: code, Units: units, Modifiers: mods, Lesion: lesion, EvidenceLine: evidence}
}

func TestCheckMUE(t *testing.T) {
	// mue.csv (invented): 17311 3 MAI 2; 17312 4 MAI 2; 17313 2 MAI 3;
	// 17314 5 MAI 3; 17315 20 MAI 1; 88331 7 MAI 1; X9001 0 MAI 2.
	tests := []struct {
		name  string
		lines []edits.Line
		want  []got
		msg   []string // parts of the first finding's message
	}{
		{"MAI 2 at the value", []edits.Line{line(1, "17311", 3, "A", 10)}, nil, nil},
		{"MAI 2 above the value on one line: error", []edits.Line{line(1, "17311", 4, "A", 10)},
			[]got{{"mue-exceeded", diag.Error, 10, "A"}},
			[]string{"17311", "4 units", "MUE of 3", "MAI 2", "Date of Service Edit: Policy"}},
		{"MAI 2 summed over the lines of the day, at the line that passes it", []edits.Line{
			line(1, "17311", 2, "A", 10), line(2, "17312", 1, "A", 11),
			line(3, "17311", 1, "B", 20), line(4, "17311", 1, "C", 30),
		}, []got{{"mue-exceeded", diag.Error, 30, "C"}},
			[]string{"17311", "4 units on the date of service", "MUE of 3", "MAI 2"}},
		{"MAI 3 summed over the day: warning", []edits.Line{
			line(1, "17313", 1, "A", 10), line(2, "17313", 2, "B", 20),
		}, []got{{"mue-exceeded", diag.Warning, 20, "B"}},
			[]string{"17313", "3 units", "MUE of 2", "MAI 3", "Date of Service Edit: Clinical", "appeal"}},
		{"MAI 1 is per line: lines within the value pass though their sum is above it", []edits.Line{
			line(1, "17315", 15, "A", 10), line(2, "17315", 15, "B", 20),
		}, nil, nil},
		{"MAI 1 line above the value: warning on that line", []edits.Line{
			line(1, "88331", 2, "A", 10), line(2, "88331", 8, "B", 20), line(3, "88331", 9, "C", 30),
		}, []got{{"mue-exceeded", diag.Warning, 20, "B"}, {"mue-exceeded", diag.Warning, 30, "C"}},
			[]string{"88331", "8 units on claim line 2", "MUE of 7", "MAI 1", "Line Edit"}},
		{"MUE of 0", []edits.Line{line(1, "X9001", 1, "", 0)},
			[]got{{"mue-exceeded", diag.Error, 1, ""}}, []string{"X9001: 1 unit on the date of service", "MUE of 0"}},
		{"code not in the table", []edits.Line{line(1, "11042", 99, "A", 10)}, nil, nil},
		{"no evidence line: line 1", []edits.Line{line(1, "17311", 5, "A", 0)},
			[]got{{"mue-exceeded", diag.Error, 1, "A"}}, nil},
		{"code case and spaces", []edits.Line{line(1, " 17311", 5, "A", 4)},
			[]got{{"mue-exceeded", diag.Error, 4, "A"}}, nil},
		{"no lines", nil, nil, nil},
	}
	for _, file := range []string{"mue.csv", "mue.tsv"} {
		mue := loadMUE(t, file)
		t.Run(file, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					fs := edits.Check(tt.lines, "2024-06-01", mue, nil)
					assert.Equal(t, tt.want, reduce(fs))
					for _, part := range tt.msg {
						assert.Contains(t, fs[0].Message, part)
					}
				})
			}
		})
	}
}

func TestCheckPTP(t *testing.T) {
	// ptp.csv (invented): 17311/11042 ind 1 from 2020-01-01; 17311/12032 ind 0
	// from 1996; 17311/88305 ind 0 2021-01-01 to 2024-01-01, then ind 1;
	// 17312/11042 ind 9 from 2023-07-01; 13132/12032 never in force.
	mohs := line(1, "17311", 1, "A", 10)
	tests := []struct {
		name  string
		date  string
		lines []edits.Line
		want  []got
		msg   []string
	}{
		{"indicator 0: error on the column-2 line", "2024-06-01",
			[]edits.Line{mohs, line(2, "12032", 1, "A", 14)},
			[]got{{"ptp-not-allowed", diag.Error, 14, "A"}},
			[]string{"12032 (claim line 2)", "column 2 to 17311 (claim line 1)", "modifier indicator 0"}},
		{"indicator 0 with a modifier is still an error", "2024-06-01",
			[]edits.Line{mohs, line(2, "12032", 1, "A", 14, "59")},
			[]got{{"ptp-not-allowed", diag.Error, 14, "A"}}, nil},
		{"indicator 1 without a modifier: warning", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22)},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}},
			[]string{"11042 (claim line 2)", "17311 (claim line 1)", "modifier indicator 1", "NCCI-associated modifier"}},
		{"indicator 1 with 59", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22, "59")}, nil, nil},
		{"indicator 1 with XS", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22, "XS")}, nil, nil},
		{"indicator 1 with xs in lower case", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22, "xs")}, nil, nil},
		{"indicator 1: a modifier on the column-1 line does not count", "2024-06-01",
			[]edits.Line{line(1, "17311", 1, "A", 10, "59"), line(2, "11042", 1, "B", 22)},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}}, nil},
		{"indicator 1: a modifier not NCCI-associated does not count", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22, "51")},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}}, nil},
		{"indicator 9: nothing", "2024-06-01",
			[]edits.Line{line(1, "17312", 1, "A", 10), line(2, "11042", 1, "B", 22)}, nil, nil},
		{"column 2 before column 1 on the claim", "2024-06-01",
			[]edits.Line{line(1, "12032", 1, "A", 5), mohs},
			[]got{{"ptp-not-allowed", diag.Error, 5, "A"}}, nil},
		{"before the effective date", "2019-12-31",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22)}, nil, nil},
		{"on the effective date", "2020-01-01",
			[]edits.Line{mohs, line(2, "11042", 1, "B", 22)},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}}, nil},
		{"day before the deletion date: the deleted row", "2023-12-31",
			[]edits.Line{mohs, line(2, "88305", 1, "A", 12, "59")},
			[]got{{"ptp-not-allowed", diag.Error, 12, "A"}}, nil},
		{"on the deletion date: the row that replaced it", "2024-01-01",
			[]edits.Line{mohs, line(2, "88305", 1, "A", 12, "59")}, nil, nil},
		{"no deletion date (*): still in force", "2035-01-01",
			[]edits.Line{mohs, line(2, "12032", 1, "A", 14)},
			[]got{{"ptp-not-allowed", diag.Error, 14, "A"}}, nil},
		{"date of service as YYYYMMDD", "20231231",
			[]edits.Line{mohs, line(2, "88305", 1, "A", 12)},
			[]got{{"ptp-not-allowed", diag.Error, 12, "A"}}, nil},
		{"unknown date: edits not deleted, and the message says so", "",
			[]edits.Line{mohs, line(2, "88305", 1, "A", 12)},
			[]got{{"ptp-modifier-needed", diag.Warning, 12, "A"}},
			[]string{"date of service is not known"}},
		{"a pair deleted the day it began", "2022-01-01",
			[]edits.Line{line(1, "13132", 1, "A", 10), line(2, "12032", 1, "A", 14)}, nil, nil},
		{"column 1 on two lines: one finding", "2024-06-01",
			[]edits.Line{mohs, line(2, "17311", 1, "B", 20), line(3, "11042", 1, "B", 22)},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}}, nil},
		{"column 2 on two lines: a finding for each without a modifier", "2024-06-01",
			[]edits.Line{mohs, line(2, "11042", 1, "A", 12, "XS"), line(3, "11042", 1, "B", 22)},
			[]got{{"ptp-modifier-needed", diag.Warning, 22, "B"}}, nil},
		{"no evidence line: line 1", "2024-06-01",
			[]edits.Line{mohs, line(2, "12032", 1, "A", 0)},
			[]got{{"ptp-not-allowed", diag.Error, 1, "A"}}, nil},
	}
	for _, file := range []string{"ptp.csv", "ptp.tsv"} {
		ptp := loadPTP(t, file)
		t.Run(file, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					fs := edits.Check(tt.lines, tt.date, nil, ptp)
					assert.Equal(t, tt.want, reduce(fs))
					for _, part := range tt.msg {
						assert.Contains(t, fs[0].Message, part)
					}
				})
			}
		})
	}
}

func TestCheckOrder(t *testing.T) {
	mue, ptp := loadMUE(t, "mue.csv"), loadPTP(t, "ptp.csv")
	lines := []edits.Line{
		line(1, "17311", 1, "A", 10),
		line(2, "12032", 1, "A", 30),
		line(3, "17311", 3, "B", 20),
		line(4, "11042", 1, "B", 20),
		line(5, "88331", 9, "B", 5),
	}
	want := []got{
		{"mue-exceeded", diag.Warning, 5, "B"},
		{"mue-exceeded", diag.Error, 20, "B"},
		{"ptp-modifier-needed", diag.Warning, 20, "B"},
		{"ptp-not-allowed", diag.Error, 30, "A"},
	}
	for i := range 3 {
		t.Run(fmt.Sprintf("run %d", i+1), func(t *testing.T) {
			assert.Equal(t, want, reduce(edits.Check(lines, "2024-06-01", mue, ptp)))
		})
	}
}

func TestCheckWithoutTables(t *testing.T) {
	lines := []edits.Line{line(1, "17311", 9, "A", 10), line(2, "12032", 1, "A", 14)}
	tests := []struct {
		name string
		mue  *edits.MUETable
		ptp  *edits.PTPTable
	}{
		{"no tables", nil, nil},
		{"zero tables", &edits.MUETable{}, &edits.PTPTable{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Empty(t, edits.Check(lines, "2024-06-01", tt.mue, tt.ptp))
			assert.Zero(t, tt.mue.Len())
			assert.Zero(t, tt.ptp.Len())
			_, ok := tt.mue.Lookup("17311")
			assert.False(t, ok)
			_, ok = tt.ptp.Lookup("17311", "12032", "2024-06-01")
			assert.False(t, ok)
		})
	}
}

func TestApplied(t *testing.T) {
	mue, ptp := loadMUE(t, "mue.tsv"), loadPTP(t, "ptp.csv")
	unnamed, err := edits.LoadMUE("", strings.NewReader("17311,3,2,Fixture\n"))
	require.NoError(t, err)
	tests := []struct {
		name             string
		mue              *edits.MUETable
		ptp              *edits.PTPTable
		wantMUE, wantPTP string
	}{
		{"both", mue, ptp, "mue.tsv", "ptp.csv"},
		{"MUE only", mue, nil, "mue.tsv", "not checked"},
		{"PTP only", nil, ptp, "not checked", "ptp.csv"},
		{"none", nil, nil, "not checked", "not checked"},
		{"loaded without a name", unnamed, nil, "(unnamed)", "not checked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, p := edits.Applied(tt.mue, tt.ptp)
			assert.Equal(t, tt.wantMUE, m)
			assert.Equal(t, tt.wantPTP, p)
		})
	}
	assert.Equal(t, "not checked", edits.NotChecked)
}

func TestNCCIModifier(t *testing.T) {
	tests := []struct {
		mod  string
		want bool
	}{
		{"59", true}, {"XE", true}, {"XS", true}, {"XP", true}, {"XU", true},
		{"24", true}, {"25", true}, {"57", true}, {"58", true}, {"78", true}, {"79", true}, {"91", true},
		{"E1", true}, {"E4", true}, {"FA", true}, {"F1", true}, {"F9", true},
		{"TA", true}, {"T1", true}, {"T9", true},
		{"LT", true}, {"RT", true}, {"LC", true}, {"LD", true}, {"LM", true}, {"RC", true}, {"RI", true},
		{"xs", true}, {" 59 ", true}, {"-59", true},
		{"51", false}, {"76", false}, {"E5", false}, {"F0", false}, {"T0", false}, {"", false}, {"5", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.mod), func(t *testing.T) {
			assert.Equal(t, tt.want, edits.NCCIModifier(tt.mod))
		})
	}
}

// TestEscalatingSeverity: mue-exceeded is raised as a warning or, for
// adjudication indicator 2, an error — both of which its rule declares, so
// `mohscode rules` says what the engine raises.
func TestEscalatingSeverity(t *testing.T) {
	assert.Equal(t, []diag.Severity{diag.Warning, diag.Error}, edits.MUEExceeded.Severities())
	for _, r := range []*diag.Rule{edits.PTPNotAllowed, edits.PTPModifierNeeded} {
		assert.Len(t, r.Severities(), 1, r.ID)
	}
}
