package audit_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/engine"
)

// Notes for the finding tests; the comment under each says what the
// engine codes for it (docs/coding-rules.md).
const (
	head = "Date of service: 2026-03-02\nSurgeon: Ada Quist, MD\nPathology: slides read by the Mohs surgeon\nPlace of service: 11\n"
	nose = "Lesion 1\nSite: left nasal ala\nDiagnosis: basal cell carcinoma\n"

	// 17311, 17312 (two stages, 3 and 2 blocks)
	twoStages = head + nose +
		"Stage 1: 3 blocks; stain: H&E; margins: block 1 positive\nStage 2: 2 blocks; stain: H&E, toluidine blue; margins: clear\n"
	// 17311 only; no stain named
	noStain = head + nose + "Stage 1: 2 blocks; margins: clear\n"
	// 17311, 88314 × 2 (PAS on both blocks)
	pas = head + nose + "Stage 1: 2 blocks; stain: H&E, PAS; margins: clear\n  Reason: PAS to look for fungal elements\n"
	// 17311, 88342 × 2 (MART-1 on both blocks)
	mart1 = head + nose + "Stage 1: 2 blocks; stain: H&E, MART-1; margins: clear\n  Reason: melanocytic margins\n"
	// 17311, 17315 × 2 (one stage of 7 blocks)
	sevenBlocks = head + nose + "Stage 1: 7 blocks; stain: H&E; margins: clear\n"
	// 17311 (nose), 17313 59 (back)
	twoLesions = head + nose + "Stage 1: 2 blocks; margins: clear\n" +
		"Lesion 2\nSite: upper back\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; margins: clear\n"
	// 17311, 12051 (intermediate repair of the face, 2.0 cm; one repair
	// class: no modifier)
	repair = head + nose + "Stage 1: 2 blocks; margins: clear\nRepair: intermediate layered repair, 2.0 cm, after clearance\n"
	// 17311, 17313 59, 13101, 12051 59 (two repair classes: 59 on the
	// intermediate, the less complicated)
	twoClasses = repair + "Lesion 2\nSite: upper back\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; margins: clear\n" +
		"Repair: complex layered repair, 3.0 cm, after clearance\n"
	// 17311, 11104 59 (biopsy 1), 88331 59 (biopsy 1)
	biopsy = head + nose + "Stage 1: 2 blocks; margins: clear\nBiopsy 1: punch biopsy, right forearm\n  Frozen section: yes\n"
	// Medicare: 17311, 11102 59 (lesion 1: the Mohs lesion's own biopsy)
	sameDayBiopsy = "Payer: Medicare\n" + head + nose + "Prior biopsy: no\nSame-day biopsy: tangential\nStage 1: 2 blocks; margins: clear\n"
	// a dermatopathologist read the slides: 11641 (excision, nose, 1.0 cm)
	pathologist = "Date of service: 2026-03-02\nSurgeon: Ada Quist, MD\nPathology: read by dermatopathologist Dr. Lund\n" + nose +
		"Stage 1: 2 blocks; stain: H&E, MART-1; margins: clear\n  Reason: melanocytic margins\nFinal defect: 1.0 x 0.8 cm\n"
)

// runAudit audits notes given as id → text (in the order given) through
// an NDJSON stream, against a claims CSV.
func runAudit(t *testing.T, claimsCSV string, opt audit.Options, notes ...string) *audit.Report {
	t.Helper()
	var in strings.Builder
	for i := 0; i+1 < len(notes); i += 2 {
		b, err := json.Marshal(map[string]string{"id": notes[i], "text": notes[i+1]})
		require.NoError(t, err)
		in.Write(b)
		in.WriteByte('\n')
	}
	claims, err := audit.ReadClaims("claims.csv", strings.NewReader(claimsCSV))
	require.NoError(t, err)
	return audit.Run([]string{"-"}, strings.NewReader(in.String()), claims, opt)
}

// findingsOf lists every audit finding of the report as "rule@claims line".
func findingsOf(r *audit.Report) []string {
	var out []string
	for _, n := range r.Notes {
		for _, f := range n.Findings {
			out = append(out, fmt.Sprintf("%s@%d", f.Rule, f.Line))
		}
	}
	return out
}

// TestFindings raises each named audit finding, and checks the cases that
// must not raise it. want lists every audit finding of the case.
func TestFindings(t *testing.T) {
	medicare, _ := codetable.BuiltinProfile("medicare")
	custom := medicare
	custom.Name, custom.RepairModifier = "acme", "XU"
	acme := profileEngine(t, custom)
	tests := []struct {
		name    string
		note    string
		claims  string
		opt     audit.Options
		want    []string
		message string // in the first finding's message
		// noEvidence: the note has no line to cite (a billed line of a
		// service it does not mention)
		noEvidence bool
	}{
		// audit-routine-stain-billed
		{name: "routine stains only", note: twoStages, claims: "n,17311,1,,1\nn,17312,1,,1\nn,88314,2,59,1\n",
			want: []string{"audit-routine-stain-billed@3"}, message: "the stains of lesion 1 are routine only (H&E, toluidine blue)"},
		{name: "no stain named", note: noStain, claims: "n,17311,1,,1\nn,88342,1,59,1\n",
			want: []string{"audit-routine-stain-billed@2"}, message: "lesion 1 names no special stain or immunostain"},
		{name: "stain line without a lesion", note: twoStages, claims: "n,17311,1\nn,17312,1\nn,88314,1,59\n",
			want: []string{"audit-routine-stain-billed@3"}, message: "the stains of the note are routine only"},
		{name: "more 88314 units than stain-blocks", note: pas, claims: "n,17311,1,,1\nn,88314,3,59,1\n",
			want: []string{"audit-routine-stain-billed@2"}, message: "88314 ×3 billed for lesion 1; the note supports ×2: 2 histochemical stain-blocks"},
		{name: "88314 split over two lines", note: pas, claims: "n,17311,1,,1\nn,88314,2,59,1\nn,88314,1,59,1\n",
			want: []string{"audit-routine-stain-billed@3"}, message: "88314 ×3 billed"},
		{name: "88314 where the special stains are immunostains", note: mart1, claims: "n,17311,1,,1\nn,88342,2,59,1\nn,88314,2,59,1\n",
			want: []string{"audit-routine-stain-billed@3"}, message: "the note supports none: no 88314 line"},
		{name: "stains as documented", note: pas, claims: "n,17311,1,,1\nn,88314,2,59,1\n"},

		// audit-duplicate-first-stage
		{name: "second 17311 for lesion 1", note: twoStages, claims: "n,17311,1,,1\nn,17312,1,,1\nn,17311,1,59,1\n",
			want: []string{"audit-duplicate-first-stage@3"}, message: "which already has a first-stage line (17311, claims line 1)"},
		{name: "17311 and 17313 for lesion 1", note: twoStages, claims: "n,17311,1,,1\nn,17312,1,,1\nn,17313,1,,1\n",
			want: []string{"audit-duplicate-first-stage@3"}},
		{name: "two first stages without lesions, one lesion", note: twoStages, claims: "n,17311,1\nn,17311,1\nn,17312,1\n",
			want: []string{"audit-duplicate-first-stage@2"}, message: "2 first-stage lines for a note with 1 lesion with Mohs stages"},
		{name: "one first stage per lesion, without lesions", note: twoLesions, claims: "n,17311,1\nn,17313,1,59\n"},
		{name: "three first stages for two lesions, without lesions", note: twoLesions, claims: "n,17311,1\nn,17313,1,59\nn,17313,1,59\n",
			want: []string{"audit-duplicate-first-stage@3"}},
		{name: "labelled and unlabelled lines for one lesion", note: twoStages, claims: "n,17311,1,,1\nn,17311,1\nn,17312,1\n",
			want: []string{"audit-duplicate-first-stage@2"}},

		// audit-repair-modifier-missing and audit-modifier-unsupported
		{name: "one repair class, billed without a modifier", note: repair, claims: "n,17311,1,,1\nn,12051,1,,1\n"},
		{name: "one repair class, billed with 59", note: repair, claims: "n,17311,1,,1\nn,12051,1,59,1\n",
			want: []string{"audit-modifier-unsupported@2"}, message: "12051 ×1 59 billed with 59, which the coding rules do not give this line: a repair carries no modifier unless"},
		{name: "one repair class, billed with XS", note: repair, claims: "n,17311,1,,1\nn,12051,1,XS,1\n",
			want: []string{"audit-modifier-unsupported@2"}},
		{name: "one repair class, billed with another modifier", note: repair, claims: "n,17311,1,,1\nn,12051,1,GA,1\n"},
		{name: "two repair classes, without 59 on the less complicated", note: twoClasses,
			claims: "n,17311,1,,1\nn,17313,1,59,2\nn,13101,1,,2\nn,12051,1,,1\n",
			want:   []string{"audit-repair-modifier-missing@4"}, message: "12051 ×1 billed without the modifier 59: 59 goes on every repair class but the most complicated"},
		{name: "two repair classes, 59 on the most complicated", note: twoClasses,
			claims: "n,17311,1,,1\nn,17313,1,59,2\nn,13101,1,59,2\nn,12051,1,59,1\n",
			want:   []string{"audit-modifier-unsupported@3"}},
		{name: "two repair classes as coded", note: twoClasses, claims: "n,17311,1,,1\nn,17313,1,59,2\nn,13101,1,,2\nn,12051,1,59,1\n"},
		{name: "repair code the note does not support, with 59", note: repair, claims: "n,17311,1,,1\nn,12052,1,59,1\n"},
		{name: "a user's profile gives the repair modifier", note: repair, claims: "n,17311,1,,1\nn,12051,1,59,1\n", opt: audit.Options{Engine: acme},
			want: []string{"audit-repair-modifier-missing@2"}, message: "without the modifier XU: repair lines carry the acme profile's repair modifier XU"},
		{name: "a user's profile, a repair the note does not support", note: repair, claims: "n,17311,1,,1\nn,12052,1,,1\n", opt: audit.Options{Engine: acme},
			want: []string{"audit-repair-modifier-missing@2"}, message: "12052 ×1 billed without the repair modifier XU of the acme profile"},
		{name: "a user's profile, repair as coded", note: repair, claims: "n,17311,1,,1\nn,12051,1,XU,1\n", opt: audit.Options{Engine: acme}},

		// audit-biopsy-modifier-missing
		{name: "biopsy without a modifier", note: biopsy, claims: "n,17311,1,,1\nn,11104,1,,biopsy 1\nn,88331,1,59,biopsy 1\n",
			want: []string{"audit-biopsy-modifier-missing@2"}, message: "11104 ×1 billed without its biopsy modifier 59"},
		{name: "frozen section without a modifier", note: biopsy, claims: "n,17311,1,,1\nn,11104,1,59,biopsy 1\nn,88331,1,,biopsy 1\n",
			want: []string{"audit-biopsy-modifier-missing@3"}},
		{name: "biopsy and frozen section with their modifiers", note: biopsy, claims: "n,17311,1,,1\nn,11104,1,59,biopsy 1\nn,88331,1,59,biopsy 1\n"},
		{name: "Medicare: XS on the Mohs lesion's own biopsy", note: sameDayBiopsy, claims: "n,17311,1,,1\nn,11102,1,XS,1\n",
			want: []string{"audit-biopsy-modifier-missing@2"}, message: "without its biopsy modifier 59"},
		{name: "biopsy the note does not document, without a modifier", note: noStain, claims: "n,17311,1,,1\nn,11102,1,,\n",
			want: []string{"audit-biopsy-modifier-missing@2"}, message: "without a biopsy modifier (59 for a separate lesion, 59 for the Mohs lesion under commercial)", noEvidence: true},
		{name: "biopsy the note does not document, with a modifier", note: noStain, claims: "n,17311,1,,1\nn,11102,1,59,\n"},

		// audit-units-unsupported
		{name: "17312 x3 for two stages", note: twoStages, claims: "n,17311,1,,1\nn,17312,3,,1\n",
			want: []string{"audit-units-unsupported@2"}, message: "17312 ×3 billed for lesion 1; the note supports ×1: 2 stages: 1 beyond the first"},
		{name: "17312 over two lines for two stages", note: twoStages, claims: "n,17311,1,,1\nn,17312,1,,1\nn,17312,1,,1\n",
			want: []string{"audit-units-unsupported@3"}},
		{name: "17312 for one stage", note: noStain, claims: "n,17311,1,,1\nn,17312,1,,1\n",
			want: []string{"audit-units-unsupported@2"}, message: "lesion 1 has 1 stage, of 2 blocks: no stage after the first"},
		{name: "17315 with no stage over five blocks", note: twoStages, claims: "n,17311,1,,1\nn,17312,1,,1\nn,17315,1,,1\n",
			want: []string{"audit-units-unsupported@3"}, message: "lesion 1 has 2 stages, of 3 and 2 blocks: no stage has more than five blocks"},
		{name: "17315 x3 for a stage of 7 blocks", note: sevenBlocks, claims: "n,17311,1\nn,17315,3\n",
			want: []string{"audit-units-unsupported@2"}, message: "17315 ×3 billed; the note supports ×2"},
		{name: "17311 x2 for one lesion", note: twoStages, claims: "n,17311,2,,1\nn,17312,1,,1\n",
			want: []string{"audit-units-unsupported@1"}, message: "a lesion has one first stage, one unit"},
		{name: "17314 on a head lesion is a wrong code, not a units question", note: twoStages, claims: "n,17311,1,,1\nn,17314,1,,1\n"},
		{name: "a repair billed for its lesion and again without one", note: repair, claims: "n,17311,1,,1\nn,12051,1,,1\nn,12051,1\n",
			want: []string{"audit-units-unsupported@3"}, message: "12051 ×1 billed; the note supports none beyond the ×1 billed with a lesion: intermediate"},
		{name: "units as documented", note: sevenBlocks, claims: "n,17311,1,,1\nn,17315,2,,1\n"},

		// audit-mohs-with-separate-pathology
		{name: "Mohs billed where a pathologist read the slides", note: pathologist, claims: "n,17311,1,,1\nn,11641,1,,1\n",
			want: []string{"audit-mohs-with-separate-pathology@1"}, message: "17311 ×1 billed: a Mohs code, but a separate pathologist read the slides: the lesions are excisions"},
		{name: "slide work billed where a pathologist read the slides", note: pathologist, claims: "n,11641,1,,1\nn,88342,2,59,1\n",
			want: []string{"audit-mohs-with-separate-pathology@2"}, message: "88342 ×2 59 billed: slide work"},
		{name: "the excision instead", note: pathologist, claims: "n,11641,1,,1\n"},
		{name: "the surgeon read the slides", note: noStain, claims: "n,17311,1,,1\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runAudit(t, tc.claims, tc.opt, "n", tc.note)
			require.Len(t, r.Notes, 1)
			require.Equal(t, audit.NoteAudited, r.Notes[0].Status, r.Notes[0].Problem)
			assert.Equal(t, tc.want, findingsOf(r))
			if tc.message != "" && len(r.Notes[0].Findings) > 0 {
				assert.Contains(t, r.Notes[0].Findings[0].Message, tc.message)
			}
			for _, f := range r.Notes[0].Findings {
				if !tc.noEvidence {
					assert.NotEmpty(t, f.Evidence, "%s cites note lines", f.Rule)
				}
			}
			// a finding is on its row too
			for _, f := range r.Notes[0].Findings {
				found := false
				for _, row := range r.Notes[0].Lines {
					found = found || row.Billed != nil && row.Billed.Line == f.Line && contains(row.Findings, f.Rule)
				}
				assert.True(t, found, "%s@%d on its row", f.Rule, f.Line)
			}
		})
	}
}

// profileEngine is an engine coding under a user's profile.
func profileEngine(t *testing.T, p codetable.Profile) *engine.Engine {
	t.Helper()
	file := filepath.Join(t.TempDir(), p.Name+".json")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, b, 0o644))
	eng, err := engine.New(engine.Options{ProfileFile: file})
	require.NoError(t, err)
	return eng
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestRulesAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range audit.Rules {
		assert.True(t, strings.HasPrefix(r.ID, "audit-"), r.ID)
		assert.False(t, seen[r.ID], "%s listed twice", r.ID)
		seen[r.ID] = true
		assert.NotEmpty(t, r.Doc)
		assert.Contains(t, []string{"error", "warning"}, string(r.Severity))
	}
	assert.Len(t, audit.Rules, 7)
}
