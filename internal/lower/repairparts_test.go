package lower_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
)

// codedNote codes a note and returns its lines as a sorted multiset and its
// findings' rules.
func codedNote(t *testing.T, src string) (lines, rules []string) {
	t.Helper()
	note, err := grammar.Parse("n.txt", src)
	require.NoError(t, err)
	n, err := lower.Lower("n.txt", note)
	require.NoError(t, err)
	claim := coding.Code(n, coding.Options{})
	for _, l := range claim.Lines {
		lines = append(lines, lineKey(l.Code, l.Units, l.Modifiers))
	}
	slices.Sort(lines)
	for _, f := range claim.Findings {
		rules = append(rules, f.Rule)
	}
	return lines, rules
}

// TestRepairPartsByLabel: the lines of a "Reconstruction:" block, one a
// labelled site, keep what their words say. A part whose key defers the
// closure ("SITE B - delayed closure: patient elected to return … for
// closure") is no repair of this claim (CODING-RULES §3: a closure
// deferred to a later visit, no line, no-repair-code — not
// repair-type-unknown); a flap's sizes after commas each go to their own
// key, so the secondary defect counts toward the flap's area (§3: primary
// plus secondary defect).
func TestRepairPartsByLabel(t *testing.T) {
	head := "Date of Service: 05/29/2026\nInsurance: Commercial\nThe slides were analyzed by the Mohs surgeon for all sites.\n\n" +
		"SITE A: Left preauricular cheek\nPre-op Diagnosis: Basal cell carcinoma, nodular (bx 4/30/26)\nIndication: face\nPre-op size: 1.0 x 0.9 cm\nMohs map: yes\n" +
		"1st Stage: 3 Sections, Negative. Histology: nodular BCC in the mid dermis.\n\n" +
		"SITE B: Left mid back\nPre-op Diagnosis: Squamous cell carcinoma (bx 4/30/26)\nIndication: immunosuppressed\nPre-op size: 1.8 x 1.5 cm\nMohs map: yes\n" +
		"1st Stage: 3 Sections, Negative. Histology: SCC in the deep dermis.\n\nReconstruction:\n"
	cases := []struct {
		name, repairs string
		lines         []string
		rule          string
	}{
		{"a part keyed by its deferral is no repair of this claim",
			"SITE A - intermediate layered closure after tumor clearance, 2.4 cm.\nSITE B - delayed closure: patient elected to return 06/01/2026 for closure; dressed today.\n",
			[]string{"12051×1[]", "17311×1[]", "17313×1[59]"}, "no-repair-code"},
		{"a flap's primary and secondary defects after one comma each count",
			// 3.0 x 2.8 cm = 8.4 sq cm alone is 14040; with the 2.4 sq cm
			// secondary defect, 10.8 sq cm is 14041
			"SITE A - transposition flap after tumor clearance; defect 3.0 x 2.8 cm, secondary defect 2.4 sq cm.\nSITE B - allowed to heal by second intention.\n",
			[]string{"14041×1[]", "17311×1[]", "17313×1[59]"}, "no-repair-code"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, head+c.repairs)
			assert.Equal(t, c.lines, lines)
			assert.Contains(t, rules, c.rule)
			assert.NotContains(t, rules, "repair-type-unknown")
			assert.NotContains(t, rules, "secondary-defect-missing")
		})
	}
}

// TestSameDayBiopsyInItsLesionsParagraph: a paragraph before the lesion
// labels that opens on one lesion ("Lesion #2 is a … papule of the right
// chin …") and names no other gives that lesion the same-day biopsy its
// later sentences tell without naming it (CODING-RULES §4: a same-day
// biopsy of the Mohs lesion with no prior diagnosis is billable, 11102
// with 59, and its frozen section 88331 with 59).
func TestSameDayBiopsyInItsLesionsParagraph(t *testing.T) {
	head := "DATE OF SERVICE: 11/20/2026\nINSURANCE: Oscar Health EPO\n\nPREOPERATIVE DIAGNOSES:\n1. Squamous cell carcinoma, left dorsal hand.\n2. Basal cell carcinoma, nodular, right chin.\n\n" +
		"HISTORY: He came in for Mohs of lesion #1, a 1.3 x 1.1 cm nodule of the left dorsal hand. Shave biopsy on 10/30/2026 showed squamous cell carcinoma; Mohs for the hand location.\n\n"
	tail := "\n\nDESCRIPTION OF PROCEDURE: I drew a Mohs map for every stage and I read all of the frozen sections myself.\n\n" +
		"Lesion #1, the hand: stage 1 was divided into 3 blocks, all clear.\n\nLesion #2, the chin: stage 1 was divided into 2 blocks, both clear.\n"
	cases := []struct {
		name, paragraph string
		lines           []string
	}{
		{"the paragraph's own lesion",
			"Lesion #2 is a 0.7 x 0.6 cm pearly papule of the right chin that he asked me about today. It had never been biopsied. I did a tangential (shave) biopsy of it today and sent it for an intraoperative frozen section, processed as one block, which I read as nodular basal cell carcinoma.",
			[]string{"11102×1[59]", "17311×1[59]", "17311×1[]", "88331×1[59]"}},
		{"a paragraph that names another lesion too gives it to none",
			"Lesion #2 is a 0.7 x 0.6 cm pearly papule of the right chin. The hand lesion was larger. I did a tangential (shave) biopsy of it today and sent it for an intraoperative frozen section, processed as one block.",
			[]string{"17311×1[59]", "17311×1[]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, _ := codedNote(t, head+c.paragraph+tail)
			assert.Equal(t, c.lines, lines)
		})
	}
}

// TestRepairTableTypeColumn: a table of repairs whose kind column is named
// "Type" beside a length or a secondary defect is a repair table, each row
// its site's repair (CODING-RULES §3: repairs of one class and group are
// summed, 2.4 + 2.7 = 5.1 cm → 12053; a flap on primary plus secondary
// defect); a "Type" column beside a clinical impression stays a table of
// biopsies (§4).
func TestRepairTableTypeColumn(t *testing.T) {
	head := "Date of service: 11/30/2026\nInsurance: Aetna\nSlides read by: the Mohs surgeon\n\n" +
		"Lesion 1: left nasal dorsum\nDiagnosis: Basal cell carcinoma, nodular\nPrior biopsy: yes - shave 11/09/2026\nIndication: nose\nPre-op size: 0.9 x 0.7 cm\nMohs map: drawn\n\n" +
		"| Stage | Blocks | Margins | Histology |\n|-------|--------|---------|-----------|\n| 1 | 2 | clear | nodular BCC in the mid dermis |\n\n" +
		"Lesion 2: right chin\nDiagnosis: Squamous cell carcinoma\nPrior biopsy: yes - shave 11/09/2026\nIndication: face\nPre-op size: 1.0 x 0.8 cm\nMohs map: drawn\n\n" +
		"| Stage | Blocks | Margins | Histology |\n|-------|--------|---------|-----------|\n| 1 | 3 | clear | SCC in the papillary dermis |\n\n"
	mohs := []string{"17311×1[59]", "17311×1[]"}
	cases := []struct {
		name, table string
		lines       []string
	}{
		{"two intermediate repairs of one group, summed",
			"Repairs (after tumor clearance)\n| Site | Type | Length | Secondary defect |\n|---|---|---|---|\n| Left nasal dorsum | Intermediate layered | 2.4 cm | n/a |\n| Right chin | Intermediate layered | 2.7 cm | n/a |\n",
			[]string{"12053×1[]"}},
		{"a flap with its secondary defect beside a linear repair",
			// 1.2 x 1.0 + 1.8 = 3.0 sq cm: 14060 (eyelids, nose, ears, lips ≤ 10 sq cm)
			"Repairs (after tumor clearance)\n| Site | Type | Length | Secondary defect |\n|---|---|---|---|\n| Left nasal dorsum | Bilobed flap, defect 1.2 x 1.0 cm | | 1.8 sq cm |\n| Right chin | Simple | 2.0 cm | |\n",
			[]string{"12011×1[]", "14060×1[]"}}, // a flap and one linear class: no 59 (§3)
		{"a type column beside a clinical impression is a biopsy's",
			"Other lesions biopsied today\n| Site | Type | Clinical impression |\n|---|---|---|\n| Right forearm | shave biopsy | r/o SCC |\n",
			[]string{"11102×1[59]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, _ := codedNote(t, head+c.table)
			assert.Equal(t, slices.Sorted(slices.Values(append(c.lines, mohs...))), lines)
		})
	}
}

// TestFirstStageHistologyInProse: stages stated as fields ("1st Stage: 3
// Sections, Positive") and a sentence after them that tells what the
// frozen sections showed without a stage of its own give the first stage
// its histology (CODING-RULES §10: histology-missing is the first stage's
// description of depth, pattern, cell type and perineural invasion).
func TestFirstStageHistologyInProse(t *testing.T) {
	note := func(prose string) string {
		return "DOS: November 10, 2026\nInsurance: Aetna\nA Mohs map was drawn. All slides were read by the Mohs surgeon.\n\n" +
			"LESION #1: Left parietal scalp\n - Dx: Basal cell carcinoma, nodular\n - Prior biopsy: Yes - shave 11/02/2026\n - Indication: scalp\n - Pre-op size: 1.6 x 1.4 cm\n\n" +
			"1st Stage: 3 Sections, Positive (section 3, peripheral)\n2nd Stage: 1 Section, Negative\n\n" + prose + "\n"
	}
	cases := []struct {
		name, prose string
		missing     bool
	}{
		{"'Frozen sections of the 1st stage showed …' describes the first stage",
			"Frozen sections of the 1st stage showed nodular basal cell carcinoma in the reticular dermis at section 3, without perineural invasion.", false},
		{"no histology anywhere is still missing",
			"Hemostasis was obtained with electrocautery.", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, rules := codedNote(t, note(c.prose))
			assert.Equal(t, c.missing, slices.Contains(rules, "histology-missing"))
		})
	}
}

// TestDictatedStageLineWithTwoKeys: a dictated stage line with a key in it
// and a second key after ("Stage 1 was divided into seven blocks. Stains:
// H&E, CD34 on all seven blocks to …. Histology: a storiform proliferation
// …, present at the peripheral margins of blocks 2, 5 and 6; …") is prose:
// its stains are the ones it names (CODING-RULES §5: 88342 per block for
// the first antibody) and its histology the first stage's, not a stain list
// cut at every comma (stain-unknown on "5", "6", "blocks 1").
func TestDictatedStageLineWithTwoKeys(t *testing.T) {
	note := "Date of service: November 27, 2026\nInsurance: Aetna\n\nSite: left lower abdomen\nDiagnosis: dermatofibrosarcoma protuberans (incisional biopsy 10/30/2026)\nIndication: DFSP\nPreoperative size: 3.2 x 2.6 cm\n\n" +
		"I read all frozen sections myself. A Mohs map was drawn for each stage.\n" +
		"Stage 1 was divided into seven blocks. Stains: H&E, CD34 on all seven blocks to distinguish DFSP spindle cells from dermal fibroblasts. Histology: a storiform proliferation of uniform CD34-positive spindle cells infiltrating the subcutaneous fat, present at the peripheral margins of blocks 2, 5 and 6; blocks 1, 3, 4 and 7 were clear.\n" +
		"Stage 2 was divided into two blocks, again with H&E and CD34 on every block for the same reason; both were clear.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17313×1[]", "17314×1[]", "17315×2[]", "88342×9[59]"}, lines)
	assert.NotContains(t, rules, "stain-unknown")
	assert.NotContains(t, rules, "histology-missing")
}

// TestRepairHeadingOverDictatedRepair: a "RECONSTRUCTION" heading over a
// repair field whose value runs on into the sentences that tell how the
// flap was done is one repair, the one the field and its sentences state
// (CODING-RULES §3: adjacent tissue transfer by primary plus secondary
// defect; 1.3 x 1.1 cm + 2.4 sq cm = 3.83 sq cm on the nose is 14060). It
// had stayed the heading's empty repair: repair-type-unknown, no line.
func TestRepairHeadingOverDictatedRepair(t *testing.T) {
	note := "Date of service: 11/30/2026\nInsurance: Medicare Part B\nSlides read by: the Mohs surgeon\n\n" +
		"Site: Left nasal ala\nPre-op diagnosis: Basal cell carcinoma, nodular\nPrior biopsy: yes - shave biopsy 10/27/2026\n" +
		"Indication for Mohs: H-zone of the face\nPre-op size: 0.9 x 0.7 cm\n\n" +
		"Stage 1 (3 blocks): block 1 positive at the deep margin; blocks 2 and 3 clear.\n" +
		"Stage 2 (1 block): taken beneath block 1. Clear.\n\nMohs map: drawn for each stage\n\n" +
		"RECONSTRUCTION\nRepair: bilobed transposition flap after tumor clearance; defect 1.3 x 1.1 cm; secondary defect 2.4 sq cm\n" +
		"The flap was designed with its pivot point lateral to the defect, incised, widely undermined at\n" +
		"the supraperichondrial plane and transposed. Deep sutures 5-0 Monocryl; skin 6-0 fast-absorbing gut.\n" +
		"EBL minimal. Pressure dressing applied.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"14060×1[]", "17311×1[]", "17312×1[]"}, lines)
	assert.NotContains(t, rules, "repair-type-unknown")
	assert.NotContains(t, rules, "repair-timing-undocumented")
}

// TestSecondaryDefectAfterARemark: a flap's secondary defect whose size
// follows a remark ("secondary defect, including the Burow's wedge, 2.0 sq
// cm") is the secondary defect, not the flap's size (CODING-RULES §3:
// adjacent tissue transfer by primary plus secondary defect; 1.3 x 1.1 cm
// + 2.0 sq cm = 3.43 sq cm on the lip is 14060, with no
// secondary-defect-missing).
func TestSecondaryDefectAfterARemark(t *testing.T) {
	note := "Date of service: 11/20/2026\nInsurance: BCBS Texas\nSlides read by: the Mohs surgeon\nMap: drawn\nSite: Right upper cutaneous lip\n" +
		"Diagnosis: Basal cell carcinoma, nodular\nPrior biopsy: yes - shave 10/30/2026\nIndication: lip, H-zone\nPre-op size: 0.8 x 0.6 cm\n" +
		"Stage 1: 2 blocks; margins: clear; histology: nodular BCC in the mid dermis\nFINAL DEFECT: 1.3 x 1.1 cm.\n" +
		"REPAIR: After clearance, advancement flap with a Burow's wedge taken laterally along the relaxed skin tension lines; secondary defect, including the Burow's wedge, 2.0 sq cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"14060×1[]", "17311×1[]"}, lines)
	assert.NotContains(t, rules, "secondary-defect-missing")
}

// TestLabelSiteRepairUnderHeading: "Lesion 1, left dorsal foot: final
// defect 1.8 x 1.5 cm; intermediate layered repair, 3.2 cm" under a
// repairs heading that times every repair after clearance is lesion 1's
// repair (CODING-RULES §3: intermediate repairs of the neck-hands-feet
// group, 12042; of the trunk-extremities group, 12032), timed by the
// heading (no repair-timing-undocumented): the final defect before the
// semicolon does not swallow the repair after it.
func TestLabelSiteRepairUnderHeading(t *testing.T) {
	note := "Date of service: 11/20/2026\nInsurance: Aetna\nSlides read by: the Mohs surgeon\nA Mohs map was drawn for every stage.\n\n" +
		"Lesion 1: left dorsal foot\n  Diagnosis: squamous cell carcinoma (shave biopsy 10/15/2026)\n  Indication: foot\n  Pre-op size: 1.2 x 1.0 cm\n  Stage 1: 3 blocks; margins: clear\n" +
		"Lesion 2: right anterior knee\n  Diagnosis: basal cell carcinoma, nodular (shave biopsy 10/15/2026)\n  Indication: ill-defined borders\n  Pre-op size: 1.0 x 0.9 cm\n  Stage 1: 2 blocks; margins: clear\n\n" +
		"Repairs (after tumor clearance at each site):\n" +
		"  Lesion 1, left dorsal foot: final defect 1.8 x 1.5 cm; intermediate layered repair, 3.2 cm\n" +
		"  Lesion 2, right anterior knee: final defect 1.5 x 1.3 cm; intermediate layered repair, 2.8 cm\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12032×1[]", "12042×1[]", "17311×1[]", "17313×1[59]"}, lines, "%v", rules)
	assert.NotContains(t, rules, "repair-timing-undocumented")
}

// TestRepairsAsFollows: "Repairs were performed as follows." over one
// sentence a site's repair, after labelled tumors, heads them: each repair
// is its site's lesion's (CODING-RULES §3: 13151 for the helix, 12042 for
// the neck, 59 on the intermediate repair beside the complex one), none is
// dropped as naming another lesion than the last one read.
func TestRepairsAsFollows(t *testing.T) {
	note := "DATE OF SERVICE: 10/30/2026\nINSURANCE: UnitedHealthcare Choice Plus\n\nBoth lesions were biopsied by shave on 10/12/2026. I personally interpreted all frozen sections from both sites.\n\n" +
		"TUMOR 1, RIGHT HELIX: The nodular basal cell carcinoma measured 0.9 x 0.7 cm and was treated with Mohs because of its location on the ear. A Mohs map was drawn. The first stage was divided into two blocks, both clear; nodular BCC in the mid dermis without perineural invasion. The final defect measured 1.3 x 1.1 cm.\n\n" +
		"TUMOR 2, LEFT LATERAL NECK: The squamous cell carcinoma measured 1.2 x 1.0 cm and was treated with Mohs because it was recurrent. A Mohs map was drawn. The first stage was divided into three blocks, all clear; SCC in the superficial dermis without perineural invasion. The final defect measured 1.8 x 1.5 cm.\n\n" +
		"Repairs were performed as follows.\n\nThe right helical defect was closed after tumor clearance with a complex repair of 2.2 cm.\n\nThe left neck defect was closed after tumor clearance with an intermediate layered repair, 4.0 cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12042×1[59]", "13151×1[]", "17311×1[59]", "17311×1[]"}, lines, "%v", rules)
}

// TestRepairToldInThePlan: an assessment-and-plan item that tells the
// repair done today ("After tumor clearance the defect was repaired with a
// 3.2 cm intermediate (layered) closure.") is the lesion's repair when
// nothing else in the note repairs it (CODING-RULES §3); when a field
// states the repair the plan only restates it (one line, not two), and a
// repair the plan puts off makes no line.
func TestRepairToldInThePlan(t *testing.T) {
	note := func(repair, plan string) string {
		return "Date of service: 10/14/2026\nInsurance: Aetna\n\nSite: right temple\nDiagnosis: squamous cell carcinoma (shave biopsy 08/12/2026)\n" +
			"Stage 1: 2 blocks; margins: block 1 positive\nStage 2: 1 block; margins: clear\n" + repair + "\nASSESSMENT AND PLAN:\n1. Squamous cell carcinoma, right temple - Mohs performed today, 2 stages, 3 blocks. " +
			plan + "\n2. Return in 7 days for suture removal.\n"
	}
	cases := []struct {
		name, repair, plan string
		want               []string
	}{
		{"§3 the plan's repair, the note's only one", "", "After tumor clearance the defect was repaired with a 3.2 cm intermediate (layered) closure.",
			[]string{"12052×1[]", "17311×1[]", "17312×1[]"}},
		{"§3 a field's repair the plan restates", "Repair: intermediate layered repair after tumor clearance, 3.2 cm\n",
			"After tumor clearance the defect was closed with an intermediate layered repair, 3.2 cm.", []string{"12052×1[]", "17311×1[]", "17312×1[]"}},
		{"§3 a repair the plan puts off", "", "The defect will be repaired with a flap by Dr. Ames next week.", []string{"17311×1[]", "17312×1[]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.repair, c.plan))
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}

// TestDonorSiteNamesNoLesion: a graft's donor site ("…; donor site left
// upper eyelid skin fold") names no lesion, so a repairs line under a
// heading of every lesion's repairs stays the lesion's its label names
// (CODING-RULES §3: the graft had been lost as naming two lesions).
func TestDonorSiteNamesNoLesion(t *testing.T) {
	const note = "Date of service: 10/07/2026\nInsurance: Aetna\n\nLESION 1\nLocation: left lower eyelid\nStage 1: 2 blocks; margins: clear\n\n" +
		"LESION 2\nLocation: right cheek\nStage 1: 3 blocks; margins: clear\n\nREPAIRS (AFTER TUMOR CLEARANCE AT EACH SITE):\n" +
		"Left lower eyelid (lesion 1) - full-thickness skin graft, recipient area 1.5 x 1.2 cm; donor site left upper eyelid skin fold.\n" +
		"Right cheek (lesion 2) - complex layered repair, 2.4 cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"13131×1[]", "15260×1[]", "17311×1[59]", "17311×1[]"}, lines, "%v", rules)
	assert.NotContains(t, rules, "prose-ambiguous")
}

// TestClosingRepairsAfterATable: below a table that opened every lesion, a
// closing paragraph whose sentences each repair one lesion named by its
// site ("After tumor clearance, the right nasal dorsum defect … was
// repaired with a transposition flap …. After tumor clearance, the left
// upper lip defect … was closed with …") gives each repair to the lesion
// it names (CODING-RULES §3: the flap had been dropped as another
// lesion's, read while the last one was open).
func TestClosingRepairsAfterATable(t *testing.T) {
	const note = "Date of service: 11/11/2026\nInsurance: Aetna\n\n" +
		"Lesion | Site | Pre-op diagnosis | Stage | Blocks | Margins\n" +
		"1 | right nasal dorsum | basal cell carcinoma | 1 | 3 | clear\n" +
		"2 | left upper cutaneous lip | squamous cell carcinoma | 1 | 2 | clear\n\n" +
		"After tumor clearance, the right nasal dorsum defect, 1.5 x 1.3 cm, was repaired with a transposition flap; secondary defect 2.8 sq cm. " +
		"After tumor clearance, the left upper lip defect, 0.8 x 0.7 cm, was closed with an intermediate layered repair, 2.0 cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12051×1[]", "14060×1[]", "17311×1[59]", "17311×1[]"}, lines, "%v", rules)
	assert.NotContains(t, rules, "prose-ambiguous")
}

// TestDonorClauseEndsAtItsComma: the donor clause ends at its comma ("…,
// harvested from the right preauricular skin, and the forearm was closed
// with …"): the forearm named after it is still named (CODING-RULES §3:
// the forearm's closure had gone to the nose, 12053 for 12032).
func TestDonorClauseEndsAtItsComma(t *testing.T) {
	const note = "Date of service: 10/20/2026\nInsurance: Aetna\n\nSeen for Mohs surgery of two biopsy-proven tumors, (1) a nodular basal cell carcinoma of the right nasal tip and (2) a nodular basal cell carcinoma of the left dorsal forearm. " +
		"The first stage at the right nasal tip was divided into two blocks, both clear. The first stage at the left dorsal forearm was divided into two blocks, both clear. " +
		"After tumor clearance, the nasal tip was repaired with a full-thickness skin graft measuring 1.6 x 1.4 cm, harvested from the right preauricular skin, and the forearm was closed with an intermediate layered repair measuring 4.0 cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12032×1[]", "15260×1[]", "17311×1[]", "17313×1[59]"}, lines, "%v", rules)
}

// TestRepairsSentenceReadAsAField: a sentence whose words before its colon
// say every wound was closed after clearance ("Both wounds were closed
// after tumor clearance: the left nasal sidewall with …, and the right
// chin with …") hands each lesion its part, as the same sentence without
// the colon does (CODING-RULES §3: read as a field, the nose's closure had
// been lost, 12051 for 12052).
func TestRepairsSentenceReadAsAField(t *testing.T) {
	const note = "Date of service: 10/20/2026\nInsurance: Aetna\n\nLesion 1: left nasal sidewall\nStage 1: 3 blocks; margins: clear\n\nLesion 2: right chin\nStage 1: 2 blocks; margins: clear\n\n" +
		"Both wounds were closed after tumor clearance: the left nasal sidewall with an intermediate layered repair of 2.0 cm, and the right chin with an intermediate layered repair of 2.4 cm.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12052×1[]", "17311×1[59]", "17311×1[]"}, lines, "%v", rules)
}

// TestWrappedRepairsSentence: a sentence that repairs several lesions,
// broken over lines where a word processor wrapped it ("… the cheek was
// closed with a complex repair measuring 3.0 cm, the temple with an" /
// "intermediate layered repair measuring 2.0 cm, and the wrist with …"),
// hands each lesion the clause that names it as the unbroken sentence
// does (CODING-RULES §3: cut at the wrap, "intermediate layered repair"
// had gone to the cheek).
func TestWrappedRepairsSentence(t *testing.T) {
	const stages = "Date of service: 11/18/2026\nInsurance: Aetna\n\nSeen for Mohs surgery of three biopsy-proven tumors: (1) a nodular basal cell carcinoma of the left cheek, (2) a squamous cell carcinoma of the right temple and (3) a squamous cell carcinoma of the right dorsal wrist. " +
		"The first stage at the left cheek was divided into two blocks, both clear. The first stage at the right temple was divided into two blocks, both clear. The first stage at the right dorsal wrist was divided into two blocks, both clear.\n\n"
	const sentence = "After tumor clearance, the cheek was closed with a complex repair measuring 3.0 cm, the temple with an intermediate layered repair measuring 2.0 cm, and the wrist with an intermediate layered repair measuring 3.0 cm."
	want := []string{"12032×1[59]", "12051×1[59]", "13132×1[]", "17311×1[59]", "17311×1[]", "17313×1[59]"}
	for _, width := range []int{0, 72, 60} {
		text := sentence
		if width > 0 {
			var lines []string
			for len(text) > width {
				cut := strings.LastIndexByte(text[:width+1], ' ')
				lines, text = append(lines, text[:cut]), text[cut+1:]
			}
			text = strings.Join(append(lines, text), "\n")
		}
		lines, rules := codedNote(t, stages+text+"\n")
		assert.Equal(t, want, lines, "wrapped at %d: %v", width, rules)
	}
}

// TestILCRepairLine: a terse repairs line "- #3 Rt upper back: defect 3.6
// x 3.0cm - ILC 10.5cm after clearance" is the lesion's intermediate
// layered closure (CODING-RULES §3: it had been lost, and with it 12034).
func TestILCRepairLine(t *testing.T) {
	const note = "DOS: 12/03/2026\nInsurance: Aetna\n\nLesion 1: Rt upper back\nStage 1: 2 blocks; margins: clear\n\nRepairs:\n- #1 Rt upper back: defect 3.6 x 3.0cm - ILC 10.5cm after clearance\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12034×1[]", "17313×1[]"}, lines, "%v", rules)
}
