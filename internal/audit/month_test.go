package audit_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
)

// monthInputs is a month of notes: bundled samples, fixture notes, an
// NDJSON record and a FHIR DocumentReference. shin-split-thickness-graft
// has no claims; testdata/month-claims.csv bills the others, with
// deliberate mistakes, and a note that is not in the month.
var monthInputs = []string{
	"../../samples/nose-two-stage.txt",
	"../../samples/back-seven-blocks.txt",
	"../../samples/ear-three-stages-extra-blocks.txt",
	"../../samples/two-lesions-medicare.txt",
	"../../samples/biopsies-same-day-medicare.txt",
	"../../samples/pathologist-excision-fallback-uhc.txt",
	"../../samples/melanoma-in-situ-immunostains.txt",
	"../../samples/forearm-tendon-medicare-advantage.txt",
	"../../samples/scalp-complex-addon-roman-stages.txt",
	"../../samples/cheek-nine-stages-medicaid.txt",
	"../../samples/dfsp-back-cd34.txt",
	"../../samples/four-lesions-summed-repairs.txt",
	"../../samples/shin-split-thickness-graft.txt",
	"testdata/notes",
	"testdata/notes.ndjson",
	"testdata/documents.ndjson",
}

func monthReport(t *testing.T) *audit.Report {
	t.Helper()
	f, err := os.Open("testdata/month-claims.csv")
	require.NoError(t, err)
	defer f.Close()
	claims, err := audit.ReadClaims("testdata/month-claims.csv", f)
	require.NoError(t, err)
	return audit.Run(monthInputs, strings.NewReader(""), claims, audit.Options{Jobs: 3})
}

// rowText is a row as the expectations below write it:
// "status code lesion [findings]".
func rowText(r audit.LineAudit) string {
	s := fmt.Sprintf("%s %s %s", r.Label(), r.Code, r.Lesion)
	if len(r.Findings) > 0 {
		s += " " + strings.Join(r.Findings, ",")
	}
	return strings.TrimSpace(s)
}

// TestMonth audits the fixture month. Every expected row is derived by
// hand from docs/coding-rules.md (CR §n) and the claims file's mistakes; rows
// list the engine's lines in claim order, then the billed lines the note
// does not support, in file order.
func TestMonth(t *testing.T) {
	r := monthReport(t)
	type note struct {
		id       string
		claimID  string
		status   audit.NoteStatus
		rows     []string
		findings []string // "rule@claims line"
	}
	want := []note{
		{"../../samples/nose-two-stage.txt", "nose-two-stage", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "matched 14060 1"}, nil},
		// CR §3: one repair class carries no modifier; 59 on it is unsupported.
		{"../../samples/back-seven-blocks.txt", "back-seven-blocks", audit.NoteAudited,
			[]string{"matched 17313 1", "matched 17315 1", "modifiers differ 12032 1 audit-modifier-unsupported"},
			[]string{"audit-modifier-unsupported@11"}},
		// CR §1: stages of 6, 4, 8 blocks → 17315 × (1+0+3) = 4, not 5; the
		// full-thickness graft of the ear (15260) was not billed.
		{"../../samples/ear-three-stages-extra-blocks.txt", "ear-three-stages-extra-blocks", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "units differ 17315 1 audit-units-unsupported", "missing 15260 1"},
			[]string{"audit-units-unsupported@15"}},
		// CR §1-2: one first stage per lesion; the second 17311 for lesion 1
		// pairs with nothing. CR §3: the repairs span two classes, so the
		// intermediate one (12051) carries 59.
		{"../../samples/two-lesions-medicare.txt", "two-lesions-medicare", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "matched 17311 2", "matched 17312 2", "matched 13151 1",
				"modifiers differ 12051 2 audit-repair-modifier-missing", "extra 17311 1 audit-duplicate-first-stage"},
			[]string{"audit-duplicate-first-stage@21", "audit-repair-modifier-missing@23"}},
		// CR §4 under Medicare: XS on the biopsy of a separate lesion, 59 on
		// the frozen section of the Mohs lesion's own biopsy.
		{"../../samples/biopsies-same-day-medicare.txt", "biopsies-same-day-medicare", audit.NoteAudited,
			[]string{"matched 17311 1", "modifiers differ 11104 biopsy 1 audit-biopsy-modifier-missing", "matched 11103 1", "matched 11103 biopsy 2",
				"modifiers differ 88331 1 audit-biopsy-modifier-missing", "matched 88331 biopsy 2", "matched 88332 1"},
			[]string{"audit-biopsy-modifier-missing@26", "audit-biopsy-modifier-missing@29"}},
		// CR §1, §6: a dermatopathologist read the slides: lesion 2 is an
		// excision (11603, 2.4 cm on the arm), lesion 1's flap includes its
		// excision; Mohs and stain lines are not billable, and lesion 2's
		// simple repair is included in the excision.
		{"../../samples/pathologist-excision-fallback-uhc.txt", "pathologist-excision-fallback-uhc", audit.NoteAudited,
			[]string{"missing 11603 2", "matched 14040 1",
				"extra 17311 1 audit-mohs-with-separate-pathology", "extra 17312 1 audit-mohs-with-separate-pathology",
				"extra 88342 1 audit-mohs-with-separate-pathology", "extra 12002 2"},
			[]string{"audit-mohs-with-separate-pathology@33", "audit-mohs-with-separate-pathology@34", "audit-mohs-with-separate-pathology@35"}},
		// CR §5: MART-1 on 4 + 2 blocks → 88342 × 6, not 8.
		{"../../samples/melanoma-in-situ-immunostains.txt", "melanoma-in-situ-immunostains", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "matched 14040 1", "units differ 88342 1 audit-routine-stain-billed", "matched 88341 1"},
			[]string{"audit-routine-stain-billed@46"}},
		// CR §1: two stages → 17312 × 1.
		{"../../samples/forearm-tendon-medicare-advantage.txt", "forearm-tendon-medicare-advantage", audit.NoteAudited,
			[]string{"matched 17311 1", "units differ 17312 1 audit-units-unsupported", "matched 13121 1"},
			[]string{"audit-units-unsupported@50"}},
		// CR §1, §11: stages of 5 and 3 blocks: no block beyond the fifth.
		{"../../samples/scalp-complex-addon-roman-stages.txt", "scalp-complex-addon-roman-stages", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "matched 13121 1", "matched 13122 1", "extra 17315 1 audit-units-unsupported"},
			[]string{"audit-units-unsupported@55"}},
		// CR §3: the flap is 18.7 sq cm → 14041, not 14040; 99213 is not a
		// family the engine codes.
		{"../../samples/cheek-nine-stages-medicaid.txt", "cheek-nine-stages-medicaid", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "missing 14041 1", "not audited 99213", "extra 14040 1"}, nil},
		// CR §2: the first lesion's Mohs lines carry no modifier; no lesion
		// column, so lines pair by code.
		{"../../samples/dfsp-back-cd34.txt", "dfsp-back-cd34", audit.NoteAudited,
			[]string{"modifiers differ 17313 1", "matched 17314 1", "matched 17315 1", "matched 13101 1", "matched 13102 1", "matched 88342 1"}, nil},
		// CR §3: intermediate face repairs summed over lesions A-C, billed
		// on lesion A.
		{"../../samples/four-lesions-summed-repairs.txt", "four-lesions-summed-repairs", audit.NoteAudited,
			[]string{"matched 17311 A", "matched 17311 B", "matched 17312 B", "matched 17311 C", "matched 17311 D", "matched 12052 A,B,C", "matched 12001 D"}, nil},
		{"../../samples/shin-split-thickness-graft.txt", "", audit.NoteNoClaims, nil, nil},
		// CR §5: H&E and toluidine blue are routine, included in Mohs.
		{"testdata/notes/routine-stains-cheek.txt", "routine-stains-cheek", audit.NoteAudited,
			[]string{"matched 17311 1", "matched 17312 1", "extra 88314 1 audit-routine-stain-billed"},
			[]string{"audit-routine-stain-billed@41"}},
		{"nd-temple", "nd-temple", audit.NoteAudited, []string{"matched 17311 1", "matched 12051 1"}, nil},
		{"docref-hand", "docref-hand", audit.NoteAudited, []string{"matched 17311 1", "matched 17312 1"}, nil},
	}
	require.Len(t, r.Notes, len(want))
	for i, w := range want {
		n := r.Notes[i]
		t.Run(w.id, func(t *testing.T) {
			assert.Equal(t, w.id, n.ID)
			assert.Equal(t, w.status, n.Status)
			if w.claimID != "" {
				assert.Equal(t, []string{w.claimID}, n.ClaimIDs)
			}
			var rows []string
			for _, row := range n.Lines {
				rows = append(rows, rowText(row))
			}
			assert.Equal(t, w.rows, rows)
			var findings []string
			for _, f := range n.Findings {
				findings = append(findings, fmt.Sprintf("%s@%d", f.Rule, f.Line))
			}
			assert.Equal(t, w.findings, findings)
		})
	}
	assert.Equal(t, []audit.UnmatchedClaim{{ID: "ghost-note", Lines: []int{84, 85}, Reason: "no note has this id"}}, r.UnmatchedClaims)
	assert.Contains(t, r.Notes[12].Problem, "the engine suggests 17313 ×1, 17314 ×1, 15100 ×1")
}

// TestMonthExplanations: each difference cites the rule and the note lines
// behind it.
func TestMonthExplanations(t *testing.T) {
	r := monthReport(t)
	row := func(note, code string, status audit.Status) audit.LineAudit {
		for _, n := range r.Notes {
			if strings.HasSuffix(n.ID, note) {
				for _, l := range n.Lines {
					if l.Code == code && l.Status == status {
						return l
					}
				}
			}
		}
		t.Fatalf("no %s row for %s in %s", status, code, note)
		return audit.LineAudit{}
	}
	tests := []struct {
		note, code string
		status     audit.Status
		why        string
		evidence   []int
	}{
		{"back-seven-blocks.txt", "12032", audit.Differs, "billed with 59, the note's line carries no modifier: a repair carries no modifier unless the encounter's repairs span several classes", []int{27}},
		{"two-lesions-medicare.txt", "12051", audit.Differs, "billed with no modifier, the note's line carries 59: 59 goes on every repair class but the most complicated", []int{32}},
		{"ear-three-stages-extra-blocks.txt", "17315", audit.Differs, "billed ×5, the note supports ×4: 4 blocks beyond the fifth within a stage", []int{15, 20}},
		{"ear-three-stages-extra-blocks.txt", "15260", audit.Missing, "not billed; the note supports it: full-thickness graft", []int{25}},
		{"pathologist-excision-fallback-uhc.txt", "17311", audit.Extra, "a separate pathologist read the slides (note line 3)", []int{3}},
		{"pathologist-excision-fallback-uhc.txt", "12002", audit.Extra, "no-repair-code (note line 33): Lesion 2: a simple repair is included in the excision", []int{33}},
		{"scalp-complex-addon-roman-stages.txt", "17315", audit.Extra, "lesion 1 has 2 stages, of 5 and 3 blocks: no stage has more than five blocks", []int{14, 20}},
		{"cheek-nine-stages-medicaid.txt", "14040", audit.Extra, "the note's Repair 12xxx-15xxx lines for lesion 1: 14041 ×1 (adjacent tissue transfer, 18.7 sq cm", []int{26}},
		{"routine-stains-cheek.txt", "88314", audit.Extra, "the stains of lesion 1 are routine only (H&E, toluidine blue)", []int{14, 19}},
		{"two-lesions-medicare.txt", "17311", audit.Extra, "the note's 17311 lines (lesion 1, lesion 2) are each already paired", []int{8, 14, 22, 28}},
		{"dfsp-back-cd34.txt", "17313", audit.Differs, "the first lesion's Mohs (or excision) lines carry no distinct-lesion modifier", []int{8, 14}},
		{"cheek-nine-stages-medicaid.txt", "99213", audit.NotAudited, "the engine does not code this family", []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.note+" "+tc.code, func(t *testing.T) {
			got := row(tc.note, tc.code, tc.status)
			assert.Contains(t, got.Why, tc.why)
			assert.Equal(t, tc.evidence, got.Evidence)
		})
	}
}

// TestMonthSummary: the counts of TestMonth's rows, by hand.
func TestMonthSummary(t *testing.T) {
	s := monthReport(t).Summary
	assert.Equal(t, 16, s.Notes)
	assert.Equal(t, 15, s.Audited)
	// back, ear, two-lesions, biopsies, pathologist, melanoma, forearm,
	// scalp, cheek, dfsp, routine-stains
	assert.Equal(t, 11, s.WithDifferences)
	assert.Equal(t, 1, s.NoClaims)
	assert.Equal(t, 0, s.NotCoded)
	assert.Equal(t, 1, s.UnmatchedClaimIDs)
	assert.Equal(t, 59, s.EngineLines)
	assert.Equal(t, 64, s.BilledLines)
	assert.Equal(t, audit.Counts{Matched: 48, Differs: 8, UnitsDiffer: 3, ModifiersDiffer: 5, Missing: 3, Extra: 8}, s.Counts)
	assert.Equal(t, 1, s.NotAudited)
	assert.InDelta(t, 56.0/59, *s.Precision, 1e-9)
	assert.InDelta(t, 56.0/64, *s.Recall, 1e-9)
	assert.InDelta(t, 48.0/59, *s.ExactPrecision, 1e-9)
	assert.InDelta(t, 48.0/64, *s.ExactRecall, 1e-9)

	fams := map[audit.Family]audit.FamilySummary{}
	for _, f := range s.Families {
		fams[f.Family] = f
	}
	assert.Equal(t, audit.Counts{Matched: 30, Differs: 3, UnitsDiffer: 2, ModifiersDiffer: 1, Extra: 4}, fams[audit.Mohs].Counts)
	assert.InDelta(t, 30.0/37, *fams[audit.Mohs].Agreement, 1e-9)
	assert.Equal(t, audit.Counts{Matched: 12, Differs: 2, ModifiersDiffer: 2, Missing: 2, Extra: 2}, fams[audit.Repair].Counts)
	assert.Equal(t, audit.Counts{Matched: 2, Differs: 1, ModifiersDiffer: 1}, fams[audit.Biopsy].Counts)
	assert.Equal(t, audit.Counts{Matched: 4, Differs: 2, UnitsDiffer: 1, ModifiersDiffer: 1, Extra: 2}, fams[audit.Pathology].Counts)
	assert.Equal(t, audit.Counts{Missing: 1}, fams[audit.Excision].Counts)
	assert.InDelta(t, 0.0, *fams[audit.Excision].Agreement, 1e-9)

	assert.Equal(t, audit.DifferenceCount{Kind: "extra", Code: "17311", Count: 2}, s.TopDifferences[0])
	assert.Len(t, s.TopDifferences, 10)
	assert.Equal(t, []audit.RuleCount{
		{Rule: "audit-routine-stain-billed", Severity: "error", Count: 2},
		{Rule: "audit-duplicate-first-stage", Severity: "error", Count: 1},
		{Rule: "audit-repair-modifier-missing", Severity: "warning", Count: 1},
		{Rule: "audit-modifier-unsupported", Severity: "warning", Count: 1},
		{Rule: "audit-biopsy-modifier-missing", Severity: "warning", Count: 2},
		{Rule: "audit-units-unsupported", Severity: "error", Count: 3},
		{Rule: "audit-mohs-with-separate-pathology", Severity: "error", Count: 3},
	}, s.Findings)
}

// TestMonthCoversEveryFinding: the fixture month raises every named audit
// finding at least once.
func TestMonthCoversEveryFinding(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range monthReport(t).Summary.Findings {
		seen[f.Rule] = true
	}
	for _, rule := range audit.Rules {
		assert.True(t, seen[rule.ID], rule.ID)
	}
}
