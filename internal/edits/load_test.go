package edits_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/edits"
)

// The fixtures under testdata are in the CMS layouts with invented values;
// none of them is CMS data.

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func loadMUE(t *testing.T, name string) *edits.MUETable {
	t.Helper()
	tab, err := edits.LoadMUE(name, openFixture(t, name))
	require.NoError(t, err)
	return tab
}

func loadPTP(t *testing.T, name string) *edits.PTPTable {
	t.Helper()
	tab, err := edits.LoadPTP(name, openFixture(t, name))
	require.NoError(t, err)
	return tab
}

func TestFixturesAreMarked(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
			require.NoError(t, err)
			first, _, _ := strings.Cut(string(b), "\n")
			assert.Contains(t, first, "TEST FIXTURE: invented values")
			assert.Contains(t, first, "not CMS data")
		})
	}
}

func TestLoadMUE(t *testing.T) {
	want := []edits.MUE{
		{Code: "17311", Value: 3, MAI: edits.DatePolicy, Rationale: "Fixture rationale, invented"},
		{Code: "17312", Value: 4, MAI: edits.DatePolicy, Rationale: "Fixture rationale, invented"},
		{Code: "17313", Value: 2, MAI: edits.DateClinical, Rationale: "Fixture rationale"},
		{Code: "17314", Value: 5, MAI: edits.DateClinical, Rationale: "Fixture rationale"},
		{Code: "17315", Value: 20, MAI: edits.LineEdit, Rationale: "Fixture rationale"},
		{Code: "88331", Value: 7, MAI: edits.LineEdit, Rationale: "Fixture rationale"},
		{Code: "X9001", Value: 0, MAI: edits.DatePolicy, Rationale: "Unquoted row with a bare indicator"},
	}
	for _, file := range []string{"mue.csv", "mue.tsv"} {
		t.Run(file, func(t *testing.T) {
			tab := loadMUE(t, file)
			assert.Equal(t, file, tab.Name())
			assert.Equal(t, len(want), tab.Len(), "notice lines, header rows and blank lines are skipped")
			for _, w := range want {
				got, ok := tab.Lookup(w.Code)
				if assert.True(t, ok, w.Code) {
					assert.Equal(t, w, got)
				}
			}
			for _, notCode := range []string{"HCPCS", "Notes", "A not", ""} {
				_, ok := tab.Lookup(notCode)
				assert.False(t, ok, "%q", notCode)
			}
		})
	}
}

func TestLoadMUELookupNormalizesCode(t *testing.T) {
	tab := loadMUE(t, "mue.csv")
	for _, code := range []string{"17311", " 17311 ", "x9001"} {
		t.Run(code, func(t *testing.T) {
			_, ok := tab.Lookup(code)
			assert.True(t, ok)
		})
	}
}

func TestLoadMUEIndicatorText(t *testing.T) {
	tests := []struct {
		name string
		mai  string
		want edits.MAI
	}{
		{"line edit", "1 Line Edit", edits.LineEdit},
		{"policy", "2 Date of Service Edit: Policy", edits.DatePolicy},
		{"clinical", "3 Date of Service Edit: Clinical", edits.DateClinical},
		{"bare digit", "3", edits.DateClinical},
		{"surrounding spaces", "  1  ", edits.LineEdit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "TEST FIXTURE: invented values, not CMS data\n17311,3,\"" + tt.mai + "\",Fixture\n"
			tab, err := edits.LoadMUE("inline.csv", strings.NewReader(in))
			require.NoError(t, err)
			got, ok := tab.Lookup("17311")
			require.True(t, ok)
			assert.Equal(t, tt.want, got.MAI)
		})
	}
}

func TestLoadMUEStringOfMAI(t *testing.T) {
	assert.Equal(t, "Line Edit", edits.LineEdit.String())
	assert.Equal(t, "Date of Service Edit: Policy", edits.DatePolicy.String())
	assert.Equal(t, "Date of Service Edit: Clinical", edits.DateClinical.String())
}

func TestLoadDetectsLayout(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"CSV with a byte-order mark and CRLF", "\ufeff\"TEST FIXTURE: invented values, not CMS data\"\r\n\"17311\",\"3\",\"2 Date of Service Edit: Policy\",\"Fixture\"\r\n"},
		{"CSV starting with a data row", "17311,3,2,Fixture\n"},
		{"CSV with spaces after commas", "17311, 3, 2 Date of Service Edit: Policy, Fixture\n"},
		{"TSV with quoted fields", "TEST FIXTURE: invented values, not CMS data\n\"17311\"\t\"3\"\t\"2 Date of Service Edit: Policy\"\t\"Fixture, with a comma\"\n"},
		{"TSV whose notice lines have more commas than tabs", "TEST FIXTURE: invented values, not CMS data, a, b, c, d, e\n17311\t3\t2\tFixture\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := edits.LoadMUE("inline", strings.NewReader(tt.in))
			require.NoError(t, err)
			got, ok := tab.Lookup("17311")
			require.True(t, ok)
			assert.Equal(t, 3, got.Value)
			assert.Equal(t, edits.DatePolicy, got.MAI)
		})
	}
}

func TestLoadPTP(t *testing.T) {
	tests := []struct {
		name       string
		col1, col2 string
		date       string
		want       int // indicator; -1: no edit in force
		deletion   string
	}{
		{"before the effective date", "17311", "11042", "2019-12-31", -1, ""},
		{"on the effective date", "17311", "11042", "2020-01-01", 1, ""},
		{"no deletion (*) applies years later", "17311", "11042", "2031-06-30", 1, ""},
		{"columns are ordered", "11042", "17311", "2024-06-01", -1, ""},
		{"prior to 1996, indicator 0", "17311", "12032", "2024-06-01", 0, ""},
		{"day before the deletion date", "17311", "88305", "2023-12-31", 0, "2024-01-01"},
		{"on the deletion date the next row applies", "17311", "88305", "2024-01-01", 1, ""},
		{"before both rows", "17311", "88305", "2020-12-31", -1, ""},
		{"ISO effective date", "17312", "11042", "2023-07-01", 9, ""},
		{"deleted the day it began never applies", "13132", "12032", "2022-01-01", -1, ""},
		{"date of service as YYYYMMDD", "17311", "11042", "20200101", 1, ""},
		{"unknown date: rows not deleted", "17311", "88305", "", 1, ""},
		{"unknown date: a deleted-only pair does not apply", "13132", "12032", "", -1, ""},
		{"unreadable date is unknown", "17311", "12032", "03/14/2024", 0, ""},
	}
	for _, file := range []string{"ptp.csv", "ptp.tsv"} {
		t.Run(file, func(t *testing.T) {
			tab := loadPTP(t, file)
			assert.Equal(t, file, tab.Name())
			assert.Equal(t, 6, tab.Len(), "notice lines and header rows are skipped")
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					got, ok := tab.Lookup(tt.col1, tt.col2, tt.date)
					if tt.want < 0 {
						assert.False(t, ok, "%+v", got)
						return
					}
					require.True(t, ok)
					assert.Equal(t, tt.want, got.Indicator)
					assert.Equal(t, tt.col1, got.Column1)
					assert.Equal(t, tt.col2, got.Column2)
					assert.Equal(t, tt.deletion, got.Deletion)
				})
			}
		})
	}
}

func TestLoadPTPRow(t *testing.T) {
	tab := loadPTP(t, "ptp.csv")
	got, ok := tab.Lookup("17311", "12032", "2024-06-01")
	require.True(t, ok)
	assert.Equal(t, edits.PTPEdit{
		Column1: "17311", Column2: "12032", PriorTo1996: true,
		Effective: "1996-01-01", Deletion: "", Indicator: edits.NotAllowed,
		Rationale: "Fixture rationale, invented",
	}, got)
}

func TestLoadErrors(t *testing.T) {
	const fixture = "TEST FIXTURE: invented values, not CMS data\n"
	type loader func(string, *strings.Reader) error
	mue := func(name string, r *strings.Reader) error { _, err := edits.LoadMUE(name, r); return err }
	ptp := func(name string, r *strings.Reader) error { _, err := edits.LoadPTP(name, r); return err }
	tests := []struct {
		name string
		load loader
		in   string
		line int
		want string
	}{
		{"MUE value not a number", mue, "17311,three,2,Fixture\n", 2, `MUE value "three" for 17311 is not a whole number`},
		{"MUE value negative", mue, "17311,-1,2,Fixture\n", 2, "not a whole number"},
		{"MAI 4", mue, "17311,3,4 Unknown,Fixture\n", 2, `MUE adjudication indicator "4 Unknown" for 17311 is not 1, 2 or 3`},
		{"MAI 0", mue, "17311,3,0,Fixture\n", 2, "not 1, 2 or 3"},
		{"MAI text without a digit", mue, "17311,3,Line Edit,Fixture\n", 2, "not 1, 2 or 3"},
		{"MAI two digits", mue, "17311,3,12,Fixture\n", 2, "not 1, 2 or 3"},
		{"MUE row too short", mue, "17311,3\n", 2, "has 2 columns"},
		{"MUE code listed twice with different values", mue, "17311,3,2,Fixture\n17312,1,2,Fixture\n17311,4,2,Fixture\n", 4, "17311 is listed again with MUE 4 (MAI 2); line 2 gives MUE 3 (MAI 2)"},
		{"PTP column 2 not a code", ptp, "17311,none,,20200101,*,1,Fixture\n", 2, `column 2 "none" of the PTP row for 17311 is not a code`},
		{"PTP effective date not a date", ptp, "17311,11042,,2020-13-01,*,1,Fixture\n", 2, `effective date "2020-13-01" of PTP pair 17311/11042`},
		{"PTP deletion date not a date", ptp, "17311,11042,,20200101,never,1,Fixture\n", 2, `deletion date "never"`},
		{"PTP indicator 2", ptp, "17311,11042,,20200101,*,2,Fixture\n", 2, `modifier indicator "2" of PTP pair 17311/11042 is not 0, 1 or 9`},
		{"PTP row too short", ptp, "17311\t11042\t\t20200101\t*\n", 2, "has 5 columns"},
		{"MUE file given as PTP", ptp, "17311,3,2 Date of Service Edit: Policy,Fixture\n", 2, "has 4 columns"},
		{"PTP file given as MUE", mue, "17311,11042,,20200101,*,1,Fixture\n", 2, `MUE adjudication indicator "" for 17311 is not 1, 2 or 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load("edits.csv", strings.NewReader(fixture+tt.in))
			require.Error(t, err)
			fe, ok := err.(*edits.FileError)
			require.True(t, ok, "%T: %v", err, err)
			assert.Equal(t, "edits.csv", fe.File)
			assert.Equal(t, tt.line, fe.Line)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "edits.csv:"), err.Error())
		})
	}
}

func TestLoadMalformedFixtures(t *testing.T) {
	tests := []struct {
		name string
		load func(string, *os.File) error
		want string
	}{
		{"mue-malformed.csv", func(n string, f *os.File) error { _, err := edits.LoadMUE(n, f); return err },
			`mue-malformed.csv:4: MUE value "four" for 17312 is not a whole number`},
		{"ptp-malformed.tsv", func(n string, f *os.File) error { _, err := edits.LoadPTP(n, f); return err },
			`ptp-malformed.tsv:4: modifier indicator "2" of PTP pair 17311/12032 is not 0, 1 or 9`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load(tt.name, openFixture(t, tt.name))
			require.Error(t, err)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestLoadEmptyTables(t *testing.T) {
	tests := []struct {
		name string
		load func() error
		want string
	}{
		{"MUE fixture with notice and header only", func() error {
			_, err := edits.LoadMUE("mue-empty.csv", openFixture(t, "mue-empty.csv"))
			return err
		}, "mue-empty.csv: no MUE rows"},
		{"empty MUE input", func() error {
			_, err := edits.LoadMUE("empty.csv", strings.NewReader(""))
			return err
		}, "empty.csv: no MUE rows"},
		{"empty PTP input", func() error {
			_, err := edits.LoadPTP("empty.txt", strings.NewReader("TEST FIXTURE: invented values, not CMS data\nColumn 1\tColumn 2\n"))
			return err
		}, "empty.txt: no PTP rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load()
			require.Error(t, err, "an empty table would pass every claim silently")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, os.ErrPermission }

func TestLoadReadError(t *testing.T) {
	_, err := edits.LoadMUE("mue.csv", failingReader{})
	require.ErrorIs(t, err, os.ErrPermission)
	assert.Contains(t, err.Error(), "mue.csv")
	_, err = edits.LoadPTP("ptp.csv", failingReader{})
	require.ErrorIs(t, err, os.ErrPermission)
}

func TestLoadReadErrorAfterTheHead(t *testing.T) {
	notice := "TEST FIXTURE: invented values, not CMS data\n" + strings.Repeat("notice text, invented\n", 4000)
	for _, layout := range []string{"17311,3,2,Fixture\n", "17311\t3\t2\tFixture\n"} {
		t.Run(strings.Fields(layout)[0], func(t *testing.T) {
			_, err := edits.LoadMUE("mue.csv", io.MultiReader(strings.NewReader(layout+notice), failingReader{}))
			require.ErrorIs(t, err, os.ErrPermission)
			assert.True(t, strings.HasPrefix(err.Error(), "mue.csv: "), err.Error())
		})
	}
}
