package audit_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
)

func TestReadClaims(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []audit.Billed
	}{
		{
			name: "no header, every column",
			csv:  "nose,17311,1,,1\nnose,17312,2,59:XS,1\n",
			want: []audit.Billed{
				{NoteID: "nose", Code: "17311", Units: 1, Modifiers: []string{}, Lesion: "1", Line: 1},
				{NoteID: "nose", Code: "17312", Units: 2, Modifiers: []string{"59", "XS"}, Lesion: "1", Line: 2},
			},
		},
		{
			name: "no header, modifiers and lesion left off",
			csv:  "nose,17311,1\nnose,+17312,1,59\n",
			want: []audit.Billed{
				{NoteID: "nose", Code: "17311", Units: 1, Modifiers: []string{}, Line: 1},
				{NoteID: "nose", Code: "17312", Units: 1, Modifiers: []string{"59"}, Line: 2},
			},
		},
		{
			name: "modifiers separated by spaces, lower case",
			csv:  "back, 13101 ,1,\"59 xs\",A\n",
			want: []audit.Billed{{NoteID: "back", Code: "13101", Units: 1, Modifiers: []string{"59", "XS"}, Lesion: "A", Line: 1}},
		},
		{
			name: "header in another order, extra columns ignored, comments",
			csv:  "# export of March\nLesion,Units,CPT Code,Payer,Note ID,Mods\n2,1,17313,Aetna,back,59\n",
			want: []audit.Billed{{NoteID: "back", Code: "17313", Units: 1, Modifiers: []string{"59"}, Lesion: "2", Line: 3}},
		},
		{
			name: "the CSV of mohscode batch, its error rows skipped",
			csv: "id,seq,code,units,modifiers,lesion,diagnosis_pointers,evidence_lines,error\n" +
				"samples/nose.txt,1,17311,1,,1,1,8:14,\n" +
				"samples/bad.txt,,,,,,,,9:11: Blocks: expected a count\n" +
				"samples/nose.txt,3,14060,1,59,1,1,23,\n",
			want: []audit.Billed{
				{NoteID: "samples/nose.txt", Code: "17311", Units: 1, Modifiers: []string{}, Lesion: "1", Line: 2},
				{NoteID: "samples/nose.txt", Code: "14060", Units: 1, Modifiers: []string{"59"}, Lesion: "1", Line: 4},
			},
		},
		{
			name: "a claim export: Claim ID, CPT/HCPCS, Units, Modifier 1 to 4",
			csv: "Claim ID,Date of Service,CPT/HCPCS,Modifier 1,Modifier 2,Modifier 3,Modifier 4,Units,Charge\n" +
				"back,2026-03-02,17313,,,,,1,900.00\n" +
				"back,2026-03-02,13101,59,XS,,,1,400.00\n",
			want: []audit.Billed{
				{NoteID: "back", Code: "17313", Units: 1, Modifiers: []string{}, Line: 2},
				{NoteID: "back", Code: "13101", Units: 1, Modifiers: []string{"59", "XS"}, Line: 3},
			},
		},
		{
			name: "Mod1 and Mod2 columns, Claim Number, Days or Units",
			csv:  "Claim Number,Procedure Code,Mod1,Mod2,Days or Units,Lesion ID\nnose,17312,xs,,2,1\n",
			want: []audit.Billed{{NoteID: "nose", Code: "17312", Units: 2, Modifiers: []string{"XS"}, Lesion: "1", Line: 2}},
		},
		{
			name: "a byte-order mark before the first id",
			csv:  "\ufeffnose,17311,1\n",
			want: []audit.Billed{{NoteID: "nose", Code: "17311", Units: 1, Modifiers: []string{}, Line: 1}},
		},
		{
			name: "a multi-line quoted field keeps the row's first line",
			csv:  "a,17311,1,,\"1\n\"\nb,17311,1\n",
			want: []audit.Billed{
				{NoteID: "a", Code: "17311", Units: 1, Modifiers: []string{}, Lesion: "1", Line: 1},
				{NoteID: "b", Code: "17311", Units: 1, Modifiers: []string{}, Line: 3},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := audit.ReadClaims("claims.csv", strings.NewReader(tc.csv))
			require.NoError(t, err)
			assert.Equal(t, "claims.csv", got.File)
			assert.Equal(t, tc.want, got.Lines)
		})
	}
}

// TestReadClaimsErrors: every malformed row is reported with file:line,
// and nothing is audited.
func TestReadClaimsErrors(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		{"units not a number", "nose,17311,1\nnose,17312,two\n", []string{`claims.csv:2: units "two": want a whole number of at least 1`}},
		{"zero units", "nose,17311,0\n", []string{`claims.csv:1: units "0"`}},
		{"bad code", "nose,1731,1\n", []string{`claims.csv:1: code "1731": want a procedure code of five characters`}},
		{"bad modifier", "nose,17311,1,59-XS\n", []string{`claims.csv:1: modifier "59-XS": want two letters or digits`}},
		{"no note id", ",17311,1\n", []string{"claims.csv:1: no note id"}},
		{"too few columns", "nose,17311\n", []string{"claims.csv:1: 2 columns, want 3 to 5"}},
		{"too many columns", "nose,17311,1,,1,extra\n", []string{"claims.csv:1: 6 columns, want 3 to 5"}},
		{"every bad row", "a,17311,x\nb,17311,1\nc,ABC,1\n", []string{"claims.csv:1: units", "claims.csv:3: code"}},
		{"header without units", "note,code,modifiers\nnose,17311,59\n", []string{"claims.csv:1: the header has no units column"}},
		{"unterminated quote", "nose,17311,1\nnose,\"17312,1\n", []string{"claims.csv:2:"}},
		{"stray quote in the first row", "a\"b,17311,1\n", []string{"claims.csv:1:"}},
		{"empty", "# nothing\n", []string{"claims.csv: no claim lines"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := audit.ReadClaims("claims.csv", strings.NewReader(tc.csv))
			require.Error(t, err)
			assert.Nil(t, got)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Len(t, strings.Split(err.Error(), "\n"), len(tc.want), err.Error())
		})
	}
}

func TestReadClaimsCapsErrors(t *testing.T) {
	_, err := audit.ReadClaims("claims.csv", strings.NewReader(strings.Repeat("nose,17311,x\n", 50)))
	require.Error(t, err)
	assert.Len(t, strings.Split(err.Error(), "\n"), 20)
}

func TestMonthClaimsFixtureReads(t *testing.T) {
	f, err := os.Open("testdata/month-claims.csv")
	require.NoError(t, err)
	defer f.Close()
	c, err := audit.ReadClaims("testdata/month-claims.csv", f)
	require.NoError(t, err)
	assert.Len(t, c.Lines, 67)
}

func TestFamilyOf(t *testing.T) {
	tests := []struct {
		code string
		want audit.Family
	}{
		{"17311", audit.Mohs}, {"17315", audit.Mohs},
		{"12001", audit.Repair}, {"13153", audit.Repair}, {"14301", audit.Repair}, {"15261", audit.Repair},
		{"11102", audit.Biopsy}, {"11107", audit.Biopsy},
		{"88314", audit.Pathology}, {"88331", audit.Pathology},
		{"11600", audit.Excision}, {"11646", audit.Excision},
		{"99213", audit.Other}, {"11440", audit.Other}, {"17000", audit.Other},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, audit.FamilyOf(tc.code), tc.code)
	}
	assert.Equal(t, "pathology", audit.Pathology.String())
	assert.Equal(t, "Mohs 1731x", audit.Mohs.Label())
	assert.Equal(t, "Other codes", audit.Other.Label())
	b, err := json.Marshal(struct{ F audit.Family }{audit.Repair})
	require.NoError(t, err)
	assert.JSONEq(t, `{"F":"repair"}`, string(b))
}

// TestEveryEngineCodeIsAudited: every code the engine's tables can emit
// belongs to an audited family, so no engine line is ever "other".
func TestEveryEngineCodeIsAudited(t *testing.T) {
	data, err := os.ReadFile("../codetable/data/codes.csv")
	require.NoError(t, err)
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		code, _, ok := strings.Cut(line, ",")
		if !ok || strings.HasPrefix(line, "#") || code == "code" {
			continue
		}
		n++
		assert.NotEqual(t, audit.Other, audit.FamilyOf(code), code)
	}
	assert.Greater(t, n, 50)
	assert.Len(t, audit.Families(), 5)
}
