package coding_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
)

// completeNote is a clean, complete note: every field a coder and an
// auditor expect, one lesion with a heading, a flap after clearance.
var completeNote = []string{
	/*  1 */ "Date of service: 2026-03-14",
	/*  2 */ "Surgeon: Dana Whitfield, MD",
	/*  3 */ "Pathology: slides read by the Mohs surgeon",
	/*  4 */ "Payer: Aetna commercial",
	/*  5 */ "Place of service: 11",
	/*  6 */ "",
	/*  7 */ "Lesion 1",
	/*  8 */ "Site: left nasal ala",
	/*  9 */ "Diagnosis: basal cell carcinoma, nodular",
	/* 10 */ "Prior biopsy: yes, 2026-02-20, nodular BCC",
	/* 11 */ "Indication: high-risk location on the nose (H-zone)",
	/* 12 */ "Preoperative size: 0.8 x 0.6 cm",
	/* 13 */ "Mohs map: yes",
	/* 14 */ "Stage 1: 3 blocks; stain: H&E; margins: block 1 positive (deep), blocks 2-3 clear",
	/* 15 */ "  Histology: nodular basal cell carcinoma in the deep dermis, no perineural invasion",
	/* 16 */ "  Decision: proceed to stage 2",
	/* 17 */ "Stage 2:",
	/* 18 */ "  Blocks: 2",
	/* 19 */ "  Stain: H&E",
	/* 20 */ "  Margins: clear",
	/* 21 */ "  Decision: tumor cleared, proceed to repair",
	/* 22 */ "Final defect: 1.4 x 1.1 cm",
	/* 23 */ "Repair: bilobed flap; defect 1.4 x 1.1 cm; secondary defect 1.5 sq cm",
	/* 24 */ "  Timing: after tumor clearance confirmed",
}

// TestCleanNote: a complete note has lines and no finding; its findings
// are an empty list, not null, in the JSON output.
func TestCleanNote(t *testing.T) {
	c := code(t, note(completeNote...))
	assert.Equal(t, []string{"17311x1", "17312x1", "14060x1"}, lines(c))
	assert.Empty(t, findings(c))
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"findings":[]`)
	assert.Equal(t, []coding.Diagnosis{{Code: "C44.311", Description: "Basal cell carcinoma of skin of nose"}}, c.Diagnoses)
	for _, l := range c.Lines {
		assert.Equal(t, []int{1}, l.DiagnosisPointers, l.Code)
	}
}

// replace returns completeNote with line n (1-based) replaced by text;
// an empty text keeps the line blank, so later line numbers stay.
func replace(n int, text string) []string {
	out := slices.Clone(completeNote)
	out[n-1] = text
	return out
}

// insertAfter returns completeNote with lines inserted after line n.
func insertAfter(n int, lines ...string) []string {
	out := slices.Clone(completeNote)
	return slices.Insert(out, n, lines...)
}

// docs/note-format.md section 7 and docs/coding-rules.md section 10: each rule fires
// with its severity, lesion and line. A finding about something absent
// points at the lesion's heading line (line 7 here); an encounter-level
// finding has no lesion and points at line 1.
func TestFindingRules(t *testing.T) {
	tests := []struct {
		rule string
		name string
		note []string
		want []string
	}{
		{"site-missing", "no site: the heading line", replace(8, ""),
			[]string{"7 site-missing error 1"}},
		{"site-unknown", "no known term: the site line", replace(8, "Site: see clinical photo"),
			[]string{"8 site-unknown error 1"}},
		{"stages-missing", "no stage: the heading line", []string{
			"Date of service: 2026-03-14",
			"Pathology: Mohs surgeon",
			"Lesion 1",
			"Site: nose",
			"Repair: second intention",
		}, []string{"3 stages-missing error 1"}},
		{"blocks-missing", "the stage without a count", replace(18, ""),
			[]string{"17 blocks-missing error 1"}},
		{"pathology-not-surgeon", "the Pathology line, no lesion", replace(3, "Pathology: Dr. Lee, dermatopathologist"),
			[]string{"3 pathology-not-surgeon error -"}},
		{"pathology-not-surgeon", "a Pathology line that says the surgeon did not read them",
			replace(3, "Pathology: Dr. Lee, dermatopathologist (contracted frozen-section service); Mohs surgeon did not read the slides today"),
			[]string{"3 pathology-not-surgeon error -"}},
		{"reader-ambiguous", "the prose that names both readers, no lesion", replace(3, "I examined the frozen sections myself. The slides were read by Dr. Lee, dermatopathologist."),
			[]string{"3 reader-ambiguous error -"}},
		{"repair-size-missing", "the repair line", replace(23, "Repair: intermediate repair"),
			[]string{"23 repair-size-missing error 1"}},
		{"repair-type-unknown", "the repair line", replace(23, "Repair: linear closure, 2.0 cm"),
			[]string{"23 repair-type-unknown error 1"}},
		{"diagnosis-missing", "the heading line", replace(9, ""),
			[]string{"7 diagnosis-missing error 1"}},
		{"diagnosis-missing", "a postoperative diagnosis is a diagnosis", replace(9, "Postoperative diagnosis: basal cell carcinoma"),
			[]string{}},
		{"diagnosis-missing", "a postoperative \"same\" with no preoperative diagnosis is none", replace(9, "Postoperative diagnosis: same"),
			[]string{"7 diagnosis-missing error 1"}},
		{"defect-size-missing", "the heading line", func() []string {
			n := replace(3, "Pathology: dermatopathologist")
			n[21] = ""
			n[22] = "Repair: second intention"
			n[23] = ""
			return n
		}(), []string{"7 defect-size-missing error 1"}},
		{"date-missing", "line 1, no lesion", replace(1, ""),
			[]string{"1 date-missing warning -"}},
		{"size-missing", "the heading line", replace(12, ""),
			[]string{"7 size-missing warning 1"}},
		{"margins-missing", "the stage line", replace(20, ""),
			[]string{"17 margins-missing warning 1"}},
		{"map-missing", "the heading line", replace(13, ""),
			[]string{"7 map-missing warning 1"}},
		{"map-missing", "Mohs map: no", replace(13, "Mohs map: not documented"),
			[]string{"7 map-missing warning 1"}},
		{"stage-after-clear", "the later stage", replace(14, "Stage 1: 3 blocks; stain: H&E; margins: clear"),
			[]string{"17 stage-after-clear warning 1"}},
		{"final-stage-positive", "the last stage", func() []string {
			n := replace(20, "  Margins: block 1 positive, block 2 clear")
			n[20] = ""
			return n
		}(), []string{"17 final-stage-positive warning 1"}},
		{"final-stage-positive", "a plan documented", func() []string {
			n := replace(20, "  Margins: block 1 positive, block 2 clear")
			n[20] = "  Decision: patient fatigued; will return next week to complete Mohs"
			return n
		}(), []string{}},
		{"final-stage-positive", "a decision that plans nothing", func() []string {
			n := replace(20, "  Margins: block 1 positive, block 2 clear")
			n[20] = "  Decision: procedure ended at patient request; will discuss further management at follow-up"
			return n
		}(), []string{"17 final-stage-positive warning 1"}},
		{"stage-numbering", "the misnumbered stage", replace(17, "Stage 3:"),
			[]string{"17 stage-numbering warning 1"}},
		{"stage-numbering", "a first stage that is not 1", replace(14, "Stage 2: 3 blocks; stain: H&E; margins: block 1 positive (deep), blocks 2-3 clear"),
			[]string{"14 stage-numbering warning 1", "17 stage-numbering warning 1"}},
		{"stage-numbering", "a skip is reported once, where it happens", insertAfter(21,
			"Stage 4: 1 block; margins: clear", // 22
			"Stage 5: 1 block; margins: clear", // 23
		), []string{"22 stage-numbering warning 1"}},
		{"stage-numbering", "a repeat", replace(17, "Stage 1:"),
			[]string{"17 stage-numbering warning 1"}},
		{"stage-numbering", "roman numerals count", func() []string {
			n := replace(14, "Stage I: 3 blocks; stain: H&E; margins: block 1 positive (deep), blocks 2-3 clear")
			n[16] = "Stage II:"
			return n
		}(), []string{}},
		{"totals-mismatch", "Total stages", insertAfter(21, "Total stages: 3"),
			[]string{"22 totals-mismatch warning 1"}},
		{"totals-mismatch", "Total blocks", insertAfter(21, "Total blocks: 4"),
			[]string{"22 totals-mismatch warning 1"}},
		{"totals-mismatch", "totals that agree", insertAfter(21, "Total stages: 2", "Total blocks: 5"),
			[]string{}},
		{"pathology-undocumented", "line 1, no lesion", replace(3, ""),
			[]string{"1 pathology-undocumented warning -"}},
		{"pathology-undocumented", "'read by me': the note's author, who operated", replace(3, "Pathology: read by me"),
			[]string{}},
		{"pathology-not-surgeon", "'me' only in a pathologist's remark is no surgeon", replace(3, "Pathology: Dr. Pavel Kowalski, pathologist (margins phoned back to me)"),
			[]string{"3 pathology-not-surgeon error -"}},
		{"routine-stain-not-billable", "the stain line", replace(19, "  Special stain: H&E"),
			[]string{"19 routine-stain-not-billable warning 1"}},
		{"stain-unknown", "the stain line", replace(19, "  Stain: H&E, sparkle stain for fun"),
			[]string{"19 stain-unknown warning 1"}},
		{"repair-timing-undocumented", "the repair line", func() []string {
			n := replace(24, "")
			n[20] = "  Decision: done"
			return n
		}(), []string{"23 repair-timing-undocumented warning 1"}},
		{"site-boundary", "the site line", replace(8, "Site: nasal sidewall/medial cheek"),
			[]string{"8 site-boundary warning 1"}},
		{"unknown-field", "a near miss in a lesion", replace(13, "Mohs mapp: yes"),
			[]string{"13 unknown-field warning 1"}},
		{"unknown-field", "a far miss is narrative", replace(12, "Anesthesia: 1% lidocaine with epinephrine"),
			[]string{}},
		{"biopsy-not-billable", "the same-day biopsy line", insertAfter(10, "Same-day biopsy: tangential"),
			[]string{"11 biopsy-not-billable warning 1"}},
		{"biopsy-code-review", "the biopsy line", append(slices.Clone(completeNote), "Biopsy 1: excisional biopsy, right forearm"),
			[]string{"25 biopsy-code-review warning biopsy 1"}},
		{"repair-code-review", "the repair line", replace(23, "Repair: paramedian forehead flap, first stage"),
			[]string{"23 repair-code-review warning 1"}},
		{"stain-indication-missing", "the stain line", replace(19, "  Stain: H&E, SOX10"),
			[]string{"19 stain-indication-missing warning 1"}},
		{"indication-missing", "the heading line", replace(11, ""),
			[]string{"7 indication-missing warning 1"}},
		{"diagnosis-unconfirmed", "the heading line", replace(10, ""),
			[]string{"7 diagnosis-unconfirmed warning 1"}},
		{"diagnosis-unconfirmed", "a same-day biopsy confirms it", replace(10, "Same-day biopsy: tangential"),
			[]string{}},
		{"histology-missing", "stage 1", replace(15, ""),
			[]string{"14 histology-missing warning 1"}},
		{"no-repair-code", "the repair line", func() []string {
			n := replace(23, "Repair: second intention")
			n[23] = ""
			return n
		}(), []string{"23 no-repair-code info 1"}},
		{"frozen-section-without-biopsy", "the frozen section line", insertAfter(10, "Frozen section: yes"),
			[]string{"11 frozen-section-without-biopsy info 1"}},
		{"complex-repair-small", "the repair line", replace(23, "Repair: complex repair, 0.9 cm"),
			[]string{"23 complex-repair-small info 1"}},
		{"secondary-defect-missing", "the repair line", replace(23, "Repair: bilobed flap; defect 1.4 x 1.1 cm"),
			[]string{"23 secondary-defect-missing info 1"}},
		{"diagnosis-not-mohs", "the diagnosis line; the lines stay", replace(9, "Diagnosis: seborrheic keratosis"),
			[]string{"9 diagnosis-not-mohs error 1"}},
		{"diagnosis-unconfirmed", "a diagnosis under a cue does not count", replace(9, "Diagnosis: rule out basal cell carcinoma"),
			[]string{"9 diagnosis-unconfirmed warning 1"}},
		{"laterality-missing", "an ear without a side: the heading line", replace(8, "Site: helix"),
			[]string{"7 laterality-missing warning 1"}},
		{"laterality-conflict", "the Side line", insertAfter(8, "Side: right"),
			[]string{"9 laterality-conflict warning 1"}},
		{"diagnosis-code-review", "the diagnosis line", replace(8, "Site: lower lip vermilion"),
			[]string{"9 diagnosis-code-review warning 1"}},
		{"postoperative-diagnosis-used", "basosquamous is not basal cell: the postoperative diagnosis line", insertAfter(9, "Postoperative diagnosis: basosquamous carcinoma"),
			[]string{"10 postoperative-diagnosis-used info 1"}},
		{"postoperative-diagnosis-used", "the same histology in other words", insertAfter(9, "Postoperative diagnosis: BCC, nodular type"),
			[]string{}},
		{"postoperative-diagnosis-used", "a different histology", insertAfter(9, "Postoperative diagnosis: squamous cell carcinoma, well differentiated"),
			[]string{"10 postoperative-diagnosis-used info 1"}},
		{"postoperative-diagnosis-used", "same", insertAfter(9, "Postoperative diagnosis: same"),
			[]string{}},
		{"postoperative-diagnosis-used", "same, completely excised", insertAfter(9, "Postoperative diagnosis: Same, completely excised"),
			[]string{}},
		{"value-invalid", "the value's line, no lesion; the value counts as not documented", replace(18, "  Blocks: three-ish"),
			[]string{"18 value-invalid error -"}},
		{"payer-profile-default", "the Payer line, no lesion", replace(4, "Payer: Medicaid"),
			[]string{"4 payer-profile-default info -"}},
		{"payer-profile-default", "a payer naming commercial", replace(4, "Payer: Aetna commercial PPO"),
			[]string{}},
		{"excision-size-from-defect", "no margin: the final defect line", func() []string {
			n := replace(3, "Pathology: Dr. Lee, dermatopathologist")
			n[22] = "Repair: intermediate repair, 2.0 cm, after clearance"
			return n
		}(), []string{"22 excision-size-from-defect warning 1"}},
		{"lesion-ambiguous", "a second site under one label: its line, no Mohs line", insertAfter(9, "Site: right forearm"),
			[]string{"10 lesion-ambiguous error 1"}},
		{"layout-unread", "a log without a header: its first row", insertAfter(13, "1    3    clear", "2    1    clear"),
			[]string{"14 layout-unread warning -"}},
		{"prose-field-conflict", "prose gives stage 1 another count: the field's line", append(slices.Clone(completeNote),
			"", "The first stage was divided into two blocks."),
			[]string{"14 prose-field-conflict warning -"}},
		{"prose-ambiguous", "two counts for one stage in prose", []string{
			"Date of service: 2026-03-14",
			"Pathology: slides read by the Mohs surgeon",
			"Site: left nasal ala",
			"Diagnosis: basal cell carcinoma, nodular",
			"",
			"The first stage was divided into three blocks. The first stage was processed as four blocks and was clear.",
		}, []string{"6 prose-ambiguous warning -"}},
		{"read-from-prose", "stages in prose: the sentence", []string{
			"Date of service: 2026-03-14",
			"Pathology: slides read by the Mohs surgeon",
			"Site: left nasal ala",
			"Diagnosis: basal cell carcinoma, nodular",
			"",
			"The first stage was divided into three blocks and the margins were clear.",
		}, []string{"6 read-from-prose info -"}},
		{"transport-unwrapped", "an HL7 v2 message: line 1 of the text its OBX segments carry", []string{
			"MSH|^~\\&|EMR|DERM|RCM|BILL|202603141738||MDM^T02|1|P|2.5.1",
			"OBX|1|TX|NOTE^Note^L|1|Date of service: 2026-03-14",
			"OBX|2|TX|NOTE^Note^L|2|Pathology: slides read by the Mohs surgeon",
			"OBX|3|TX|NOTE^Note^L|3|Site: left nasal ala",
			"OBX|4|TX|NOTE^Note^L|4|Stage 1: 2 blocks; stain: H\\T\\E; margins: clear",
		}, []string{"1 transport-unwrapped info -"}},
		{"diagnosis-pending-pathology", "an uncertain impression: its line", append(slices.Clone(completeNote),
			"Biopsy 1: punch biopsy, left forearm",
			"  Clinical impression: SCC versus hypertrophic actinic keratosis"),
			[]string{"26 diagnosis-pending-pathology warning biopsy 1"}},
	}
	registry := map[string]*diag.Rule{}
	for _, r := range coding.Rules {
		registry[r.ID] = r
	}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			c := code(t, note(tc.note...))
			assert.Equal(t, tc.want, findingsOf(c, tc.rule))
			for _, f := range c.Findings { // what mohscode rules prints is what is raised
				r := registry[f.Rule]
				require.NotNil(t, r, "%s is not in the registry", f.Rule)
				assert.Contains(t, r.Severities(), f.Severity, "%s raised as %s", f.Rule, f.Severity)
			}
		})
	}
	t.Run("every rule of the registry is triggered above", func(t *testing.T) {
		triggered := map[string]bool{}
		for _, tc := range tests {
			if len(tc.want) > 0 {
				triggered[tc.rule] = true
			}
		}
		for _, r := range coding.Rules {
			if editRules[r.ID] {
				continue // the CMS edit tables apply after coding: tested in internal/edits and cmd/mohscode
			}
			assert.True(t, triggered[r.ID], "no test triggers %s", r.ID)
		}
	})
}

// editRules are the registry's rules that internal/edits raises.
var editRules = map[string]bool{"mue-exceeded": true, "ptp-not-allowed": true, "ptp-modifier-needed": true}

// The severities of docs/note-format.md section 7 and docs/coding-rules.md section 10,
// copied by hand.
func TestRuleSeverities(t *testing.T) {
	want := map[string]diag.Severity{
		"site-missing": diag.Error, "site-unknown": diag.Error, "stages-missing": diag.Error,
		"blocks-missing": diag.Error, "pathology-not-surgeon": diag.Error, "repair-size-missing": diag.Error,
		"repair-type-unknown": diag.Error, "diagnosis-missing": diag.Error, "defect-size-missing": diag.Error,
		"value-invalid": diag.Error, "lesion-ambiguous": diag.Error, "reader-ambiguous": diag.Error,
		"layout-unread": diag.Warning, "prose-ambiguous": diag.Warning, "prose-field-conflict": diag.Warning,
		"read-from-prose": diag.Info,

		"date-missing": diag.Warning, "size-missing": diag.Warning, "margins-missing": diag.Warning,
		"map-missing": diag.Warning, "stage-after-clear": diag.Warning, "final-stage-positive": diag.Warning,
		"stage-numbering": diag.Warning, "totals-mismatch": diag.Warning, "pathology-undocumented": diag.Warning, "transport-unwrapped": diag.Info,
		"routine-stain-not-billable": diag.Warning, "stain-unknown": diag.Warning,
		"repair-timing-undocumented": diag.Warning, "site-boundary": diag.Warning, "unknown-field": diag.Warning,
		"biopsy-not-billable": diag.Warning, "biopsy-code-review": diag.Warning, "repair-code-review": diag.Warning,
		"stain-indication-missing": diag.Warning, "indication-missing": diag.Warning,
		"diagnosis-unconfirmed": diag.Warning, "histology-missing": diag.Warning,

		"no-repair-code": diag.Info, "frozen-section-without-biopsy": diag.Info,
		"complex-repair-small": diag.Info, "secondary-defect-missing": diag.Info,

		// section 10 (mue-exceeded is an error for MAI 2: internal/edits sets it per finding)
		"diagnosis-not-mohs": diag.Error, "ptp-not-allowed": diag.Error,
		"mue-exceeded": diag.Warning, "ptp-modifier-needed": diag.Warning, "laterality-missing": diag.Warning,
		"laterality-conflict": diag.Warning, "diagnosis-code-review": diag.Warning,
		"postoperative-diagnosis-used": diag.Info,
		"excision-size-from-defect":    diag.Warning, "diagnosis-pending-pathology": diag.Warning,
		"payer-profile-default": diag.Info,
	}
	got := map[string]diag.Severity{}
	for _, r := range coding.Rules {
		require.NotNil(t, r)
		assert.NotContains(t, got, r.ID, "rule %s listed twice", r.ID)
		got[r.ID] = r.Severity
		assert.NotEmpty(t, r.Doc, r.ID)
	}
	assert.Equal(t, want, got)
}

// docs/note-format.md section 7: findings are sorted by line, then rule; in a
// note without headings, a finding about something absent points at the
// lesion's first field.
func TestFindingOrder(t *testing.T) {
	c := code(t, note(
		"Surgeon: Dana Whitfield, MD", // 1
		"Some narrative line.",        // 2
		"Site: left cheek",            // 3
		"Stage 2: 3 blocks",           // 4
		"Repair: primary closure",     // 5
	))
	assert.Equal(t, []string{
		"1 date-missing warning -",
		"1 pathology-undocumented warning -",
		"3 diagnosis-missing error 1",
		"3 diagnosis-unconfirmed warning 1",
		"3 indication-missing warning 1",
		"3 map-missing warning 1",
		"3 size-missing warning 1",
		"4 histology-missing warning 1",
		"4 margins-missing warning 1",
		"4 stage-numbering warning 1",
		"5 repair-type-unknown error 1",
	}, findings(c))
}

// Every finding has a line of the note, and an error finding means
// diag.HasError.
func TestFindingPositions(t *testing.T) {
	c := code(t, note(
		"Lesion 1",
		"Lesion 2: nose",
		"Stage 1:",
	))
	require.NotEmpty(t, c.Findings)
	for _, f := range c.Findings {
		assert.GreaterOrEqual(t, f.Line, 1, f.Rule)
		assert.LessOrEqual(t, f.Line, 3, f.Rule)
		assert.NotEmpty(t, f.Message, f.Rule)
	}
	assert.True(t, diag.List(c.Findings).HasError())
	assert.Contains(t, rulesOf(c), "site-missing")
	assert.Contains(t, rulesOf(c), "blocks-missing")
}

// A surgeon "name" with no letters names nobody (a fuzzing crasher, kept
// as internal/engine/testdata/fuzz/FuzzCode/12e686d5e60fc92c).
func TestSurgeonWithoutLetters(t *testing.T) {
	c := code(t, note("Surgeon: ''0", "Lesion : arm", "Repair:", "By: 000"))
	assert.Empty(t, lines(c))
}

// The CMS edit findings internal/edits raises are rules of the registry,
// so that mohscode rules explains them.
func TestEditRulesAreInTheRegistry(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range coding.Rules {
		ids[r.ID] = true
	}
	for _, id := range []string{edits.MUEExceeded.ID, edits.PTPNotAllowed.ID, edits.PTPModifierNeeded.ID} {
		assert.True(t, ids[id], id)
		assert.True(t, editRules[id], id)
	}
}

// TestFindingsPerRuleCapped: a note naming many unknown stains gets the
// first MaxFindingsPerRule of them and one finding counting the rest.
func TestFindingsPerRuleCapped(t *testing.T) {
	stains := make([]string, 30)
	for i := range stains {
		stains[i] = fmt.Sprintf("Zq%d", i)
	}
	c := code(t, note(replace(19, "  Stain: "+strings.Join(stains, ", "))...))
	got := findingsOf(c, "stain-unknown")
	require.Len(t, got, coding.MaxFindingsPerRule+1)
	last := c.Findings[slices.IndexFunc(c.Findings, func(f diag.Finding) bool {
		return strings.HasPrefix(f.Message, "10 more stain-unknown findings")
	})]
	assert.Equal(t, "stain-unknown", last.Rule)
}

// TestSurgeonNamedWithTitles: a surgeon written with a rank and a remark
// in parentheses ("Maj. (ret.) Dana Whitfield, MD") is still the one a
// "Dr. Whitfield" reader names (CODING-RULES §1: the surgeon read the
// slides; a separate pathologist would turn Mohs into excision lines).
func TestSurgeonNamedWithTitles(t *testing.T) {
	lines := replace(2, "Surgeon: Maj. (ret.) Dana Whitfield, MD")
	lines[2] = "Pathology: slides read by Dr. Whitfield"
	c := code(t, note(lines...))
	assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
	assert.Equal(t, "17311", c.Lines[0].Code)
}
