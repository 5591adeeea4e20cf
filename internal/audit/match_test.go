package audit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/engine"
)

// TestMatching: how billed lines pair with the engine's lines.
func TestMatching(t *testing.T) {
	tests := []struct {
		name   string
		note   string
		claims string
		want   []string // rowText of every row
	}{
		{"lesion labels compare without case, Lesion or #", twoLesions,
			"n,17313,1,59,Lesion #2\nn,17311,1,,LESION 1\n",
			[]string{"matched 17311 1", "matched 17313 2"}},
		{"without lesions, a line with the same units and modifiers is preferred", twoLesions,
			"n,17313,1,59\nn,17311,1\n",
			[]string{"matched 17311 1", "matched 17313 2"}},
		{"without lesions, lines pair in order", twoStages,
			"n,17311,1\nn,17312,2\n",
			[]string{"matched 17311 1", "units differ 17312 1 audit-units-unsupported"}},
		{"a label the note does not have pairs as if none were given", twoStages,
			"n,17311,1,,7\nn,17312,1,,7\n",
			[]string{"matched 17311 1", "matched 17312 1"}}, // rows show the engine's lesion
		{"a line for the wrong lesion is extra, the lesion's own line missing", twoLesions,
			"n,17311,1,,1\nn,17311,1,59,2\n",
			[]string{"matched 17311 1", "missing 17313 2", "extra 17311 2"}},
		{"the same code and lesion twice: the second is extra", repair,
			"n,17311,1,,1\nn,12051,1,,1\nn,12051,1,,1\n",
			[]string{"matched 17311 1", "matched 12051 1", "extra 12051 1 audit-units-unsupported"}},
		{"both units and modifiers differ", twoStages,
			"n,17311,1,,1\nn,17312,2,59,1\n",
			[]string{"matched 17311 1", "units and modifiers differ 17312 1 audit-units-unsupported"}},
		{"codes of other families are not audited", noStain,
			"n,99213,1,25\nn,17311,1,,1\nn,J3301,1\n",
			[]string{"matched 17311 1", "not audited 99213", "not audited J3301"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runAudit(t, tc.claims, audit.Options{}, "n", tc.note)
			require.Len(t, r.Notes, 1)
			var rows []string
			for _, row := range r.Notes[0].Lines {
				rows = append(rows, rowText(row))
			}
			assert.Equal(t, tc.want, rows)
		})
	}
}

// TestSummedRepairPairsWithAnyOfItsLesions: a repair summed over lesions
// pairs with a billed line naming one of them. The note's repairs span two
// classes: 59 goes on the simple one only.
func TestSummedRepairPairsWithAnyOfItsLesions(t *testing.T) {
	claims := strings.ReplaceAll("four,17311,1,,a\nfour,17311,1,59,b\nfour,17312,1,59,b\nfour,17311,1,59,c\nfour,17311,1,59,d\nfour,12052,1,,C\nfour,12001,1,59,d\n",
		"four,", "four-lesions-summed-repairs,")
	c, err := audit.ReadClaims("claims.csv", strings.NewReader(claims))
	require.NoError(t, err)
	r := audit.Run([]string{"../../samples/four-lesions-summed-repairs.txt"}, nil, c, audit.Options{})
	require.Len(t, r.Notes, 1)
	assert.True(t, r.Clean(), "%+v", r.Summary)
	assert.Equal(t, []string{"four-lesions-summed-repairs"}, r.Notes[0].ClaimIDs)
}

// TestNoteIDs: a claim id names a note by record id, file base name or
// file stem; an id naming two notes is reported, not guessed.
func TestNoteIDs(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"march/nose.txt", "april/nose.txt", "march/back.txt"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(noStain), 0o644))
	}
	march, april := filepath.Join(dir, "march"), filepath.Join(dir, "april")
	claims := strings.Join([]string{
		"back.txt,17311,1,,1", // base name
		"nose,17311,1,,1",     // stem of two notes
		filepath.Join(april, "nose.txt") + ",17311,1,,1", // exact path
		"ghost,17311,1",
	}, "\n")
	c, err := audit.ReadClaims("claims.csv", strings.NewReader(claims))
	require.NoError(t, err)
	r := audit.Run([]string{march, april}, nil, c, audit.Options{})

	status := map[string]audit.NoteStatus{}
	for _, n := range r.Notes {
		status[strings.TrimPrefix(n.ID, dir+string(filepath.Separator))] = n.Status
	}
	assert.Equal(t, map[string]audit.NoteStatus{
		"march/back.txt": audit.NoteAudited,
		"march/nose.txt": audit.NoteNoClaims,
		"april/nose.txt": audit.NoteAudited,
	}, status)
	require.Len(t, r.UnmatchedClaims, 2)
	assert.Equal(t, "nose", r.UnmatchedClaims[0].ID)
	assert.Equal(t, []int{2}, r.UnmatchedClaims[0].Lines)
	assert.Contains(t, r.UnmatchedClaims[0].Reason, "the id names 2 notes")
	assert.Equal(t, audit.UnmatchedClaim{ID: "ghost", Lines: []int{4}, Reason: "no note has this id"}, r.UnmatchedClaims[1])
	for _, n := range r.Notes {
		if n.Status == audit.NoteNoClaims {
			assert.Contains(t, n.Problem, `the claim id "nose" names more than this note`)
		}
	}
	assert.False(t, r.Clean())
}

// TestNoteNotCoded: a note that cannot be coded (here, over the engine's
// line length) is reported with its error, and its billed lines are
// listed, not audited.
func TestNoteNotCoded(t *testing.T) {
	eng, err := engine.New(engine.Options{Limits: engine.Limits{LineBytes: 20}})
	require.NoError(t, err)
	r := runAudit(t, "bad,17311,1,,1\nbad,17312,1,,1\n", audit.Options{Engine: eng}, "bad", "Site: nose\nStage 1: 2 blocks; margins: clear\n")
	require.Len(t, r.Notes, 1)
	n := r.Notes[0]
	assert.Equal(t, audit.NoteNotCoded, n.Status)
	assert.Contains(t, n.Problem, "bad:2:1: line 2 is 33 bytes long; the limit is 20 bytes")
	var rows []string
	for _, row := range n.Lines {
		rows = append(rows, rowText(row))
	}
	assert.Equal(t, []string{"not audited 17311 1", "not audited 17312 1"}, rows)
	assert.Equal(t, 1, r.Summary.NotCoded)
	assert.Equal(t, 0, r.Summary.Audited)
	assert.Nil(t, r.Summary.Precision, "nothing audited, nothing to divide by")
	assert.False(t, r.Clean())
}

// TestClean: claims that agree with their notes make a clean report.
func TestClean(t *testing.T) {
	r := runAudit(t, "a,17311,1,,1\na,17312,1,,1\nb,17311,1,,1\nb,88314,2,59,1\nb,99213,1,25\n", audit.Options{},
		"a", twoStages, "b", pas)
	assert.True(t, r.Clean())
	s := r.Summary
	assert.Equal(t, 2, s.Audited)
	assert.Equal(t, 0, s.WithDifferences)
	assert.Equal(t, 1, s.NotAudited, "a visit code does not make a difference")
	assert.InDelta(t, 1.0, *s.Precision, 1e-9)
	assert.InDelta(t, 1.0, *s.ExactRecall, 1e-9)
	assert.Empty(t, s.TopDifferences)
	assert.Empty(t, s.Findings)
}

// TestPayerOverride: --payer decides the profile, and so the modifiers.
func TestPayerOverride(t *testing.T) {
	claims := "n,17311,1,,1\nn,17313,1,59,2\n"
	r := runAudit(t, claims, audit.Options{}, "n", twoLesions)
	assert.True(t, r.Clean())
	assert.Equal(t, "commercial", r.Notes[0].Payer)

	medicare, err := engine.New(engine.Options{Payer: "medicare"})
	require.NoError(t, err)
	r = runAudit(t, claims, audit.Options{Engine: medicare}, "n", twoLesions)
	assert.Equal(t, "medicare", r.Notes[0].Payer)
	require.Len(t, r.Notes[0].Lines, 2)
	assert.Equal(t, "modifiers differ 17313 2", rowText(r.Notes[0].Lines[1]))
	assert.Contains(t, r.Notes[0].Lines[1].Why, "billed with 59, the note's line carries XS")
}
