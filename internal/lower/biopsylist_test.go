package lower_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestListedBiopsyDescribedBelow: a clinic note's assessment and plan lists
// a biopsy done today as a numbered problem ("3. Pink scaly papule, left
// upper back … Tangential (shave) biopsy performed today (details below)")
// and a "Biopsy 1:" heading below describes it: one biopsy, one line
// (CODING-RULES §4: one primary biopsy code for the day's first biopsy,
// add-on codes for each further one). Two listed biopsies, each described,
// stay two.
func TestListedBiopsyDescribedBelow(t *testing.T) {
	note := func(plan, below string) string {
		return "Date of service: 11/20/2026\nInsurance: Aetna\n\nAssessment and plan:\n" + plan + "\n" +
			"Site: right temple\nDiagnosis: basal cell carcinoma, nodular (shave biopsy 10/13/2026)\nIndication: H-zone\nPre-op size: 1.0 x 0.9 cm\n" +
			"Mohs map: drawn\nSlides read by: the Mohs surgeon\nStage 1: 2 blocks; margins: clear\n" +
			"Histology: nodular BCC in the mid dermis, no perineural invasion\n\n" + below
	}
	cases := []struct {
		name, plan, below string
		want              []string
	}{
		{"a listed biopsy described below is one biopsy",
			"1. Basal cell carcinoma, right temple: Mohs today, below.\n2. Pink scaly papule, left upper back, rule out basal cell carcinoma. Tangential (shave) biopsy performed today (details below).\n",
			"Biopsy 1: tangential (shave) biopsy, left upper back\n  Clinical impression: rule out basal cell carcinoma\n",
			[]string{"11102×1[59]", "17311×1[]"}},
		{"two listed biopsies of one site, each described below, are two",
			"1. Basal cell carcinoma, right temple: Mohs today, below.\n2. Scaly papule, left upper back, rule out SCC. Shave biopsy today.\n3. Pink papule, left upper back, rule out BCC. Shave biopsy today.\n",
			"Biopsy 1: shave biopsy, left upper back\n  Clinical impression: rule out SCC\n\nBiopsy 2: shave biopsy, left upper back\n  Clinical impression: rule out BCC\n",
			[]string{"11102×1[59]", "11103×1[59]", "17311×1[]"}},
		{"a biopsy of another method at the site is another biopsy",
			"1. Basal cell carcinoma, right temple: Mohs today, below.\n2. Pink scaly papule, left upper back, rule out BCC. Shave biopsy performed today.\n",
			"Biopsy 1: punch biopsy, left upper back\n  Clinical impression: rule out BCC\n",
			[]string{"11103×1[59]", "11104×1[59]", "17311×1[]"}}, // punch primary, the shave its add-on
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.plan, c.below))
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}

// TestBiopsyNotDone: a numbered item of an exam or a plan that names a
// biopsy only planned ("observe; biopsy if it changes", "consider biopsy
// at the next visit") or the scar of an earlier one ("pearly papule,
// biopsy site") is no biopsy of this visit: no biopsy line and no
// biopsy-code-review (CODING-RULES §4: biopsies of other lesions are the
// biopsies done); a biopsy done today still is one.
func TestBiopsyNotDone(t *testing.T) {
	note := func(item string) string {
		return "Date of service: 11/20/2026\nInsurance: Aetna\n\nExam and plan:\n  1. Right temple: pearly plaque, biopsy site.\n  " + item + "\n\n" +
			"Site: right temple\nDiagnosis: basal cell carcinoma, nodular (shave biopsy 10/13/2026)\nIndication: H-zone\nPre-op size: 1.0 x 0.9 cm\n" +
			"Mohs map: drawn\nSlides read by: the Mohs surgeon\nStage 1: 2 blocks; margins: clear\nHistology: nodular BCC in the mid dermis, no perineural invasion\n"
	}
	cases := []struct {
		name, item string
		want       []string
	}{
		{"'biopsy if it changes'", "2. Irritated seborrheic keratosis, right thigh - observe; biopsy if it changes.", []string{"17311×1[]"}},
		{"'consider biopsy'", "2. Pink papule, left shoulder - consider biopsy at the next visit.", []string{"17311×1[]"}},
		{"'shave biopsy to be done at the next visit'", "2. Right thigh macule: shave biopsy to be done at the next visit (patient preferred to wait).", []string{"17311×1[]"}},
		{"'punch biopsy scheduled'", "2. Pink papule, left shoulder - punch biopsy scheduled for 12/02/2026.", []string{"17311×1[]"}},
		{"'biopsy declined'", "2. Pink papule, left shoulder - biopsy declined by the patient.", []string{"17311×1[]"}},
		{"a shave biopsy done today", "2. Pink papule, left shoulder - shave biopsy today, rule out BCC.", []string{"11102×1[59]", "17311×1[]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.item))
			assert.Equal(t, c.want, lines, "%v", rules)
			if len(c.want) == 1 {
				assert.NotContains(t, rules, "biopsy-code-review")
			}
		})
	}
}

// TestProcedureHeadingOverItsBiopsy: a numbered procedure's heading that
// names a biopsy and no site ("PROCEDURE 2 - PUNCH BIOPSY") over the
// biopsy's own label is a heading: one biopsy, coded (CODING-RULES §4:
// 11104), no second biopsy without a site (site-missing); a procedure
// heading that names its site is the biopsy itself.
func TestProcedureHeadingOverItsBiopsy(t *testing.T) {
	head := "Date of service: 11/20/2026\nInsurance: Aetna\n\nPROCEDURE 1 - MOHS MICROGRAPHIC SURGERY\n" +
		"Site: vertex scalp\nDiagnosis: squamous cell carcinoma (shave biopsy 08/25/2026)\nIndication: size\nPre-op size: 2.0 x 1.8 cm\n" +
		"Mohs map: yes\nSlides read by: the Mohs surgeon\nStage 1: 2 blocks; margins: clear\nHistology: SCC in the mid dermis, no perineural invasion\n\n"
	cases := []struct{ name, biopsy string }{
		{"a heading over the biopsy's label", "PROCEDURE 2 - PUNCH BIOPSY\nBiopsy 1: punch biopsy, 4 mm, right lateral upper arm\n  Clinical impression: keratoacanthoma versus SCC\n"},
		{"the procedure's own line", "PROCEDURE 2 - PUNCH BIOPSY, RIGHT LATERAL UPPER ARM\n  Clinical impression: keratoacanthoma versus SCC\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, head+c.biopsy)
			assert.Equal(t, []string{"11104×1[59]", "17311×1[]"}, lines, "%v", rules)
			assert.NotContains(t, rules, "site-missing")
		})
	}
}

// TestSameDayFrozenSectionWithoutCount: a same-day biopsy of the Mohs
// lesion "submitted for an intraoperative frozen section, which I read as
// …", with no block count, is one frozen-section block (CODING-RULES §4:
// 88331 per specimen, no block count means one block); a count in the
// next sentence is the count.
func TestSameDayFrozenSectionWithoutCount(t *testing.T) {
	note := func(after string) string {
		return "Date of service: 10/06/2026\nInsurance: Aetna\n\nSite: left lower eyelid\nNo biopsy had been performed before today. An incisional biopsy was taken from the center of the plaque and submitted for an intraoperative frozen section, which I read as infiltrative basal cell carcinoma." +
			after + "\nStage 1: 2 blocks; margins: clear\n"
	}
	for _, c := range []struct {
		name, after string
		want        []string
	}{
		{"no count", "", []string{"11106×1[59]", "17311×1[]", "88331×1[59]"}},
		{"a count in the next sentence", " The frozen section was processed as two blocks.", []string{"11106×1[59]", "17311×1[]", "88331×1[59]", "88332×1[59]"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.after))
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}

// TestWrappedReaderSentenceAcrossAColon: a PDF's wrapped procedure text
// whose sentence runs on past its value ("PROCEDURE: … Today the frozen
// sections were" / "not read by me: because of a scheduling conflict they"
// / "were interpreted by the dermatopathologist, Dr. …") is one sentence:
// "not read by me:" is no reader key, and the slides were read by a
// separate pathologist (CODING-RULES §6: the excision fallback, no Mohs
// line; read as a key it had billed Mohs as read by the surgeon).
func TestWrappedReaderSentenceAcrossAColon(t *testing.T) {
	const note = "Date of service: 10/02/2026\nSurgeon: Lucian Abernethy-Sato, DO\nSite: Right dorsal forearm\nDiagnosis: Basal cell carcinoma, nodular\n" +
		"Prior biopsy: yes - shave 09/10/2026\nPreoperative size: 1.2 x 1.0 cm\nClinical margin: 3 mm\n" +
		"PROCEDURE: The first stage was excised with a 3 mm margin, inked and mapped. Today the frozen sections were\n" +
		"not read by me: because of a scheduling conflict they\nwere interpreted by the dermatopathologist, Dr. Honora\nVance-Whitcombe, of Fenland Dermatopathology Associates.\n" +
		"Stage 1 was divided into 3 blocks; block 2 was positive at the deep margin. Stage 2 was 1 block and was clear.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11602×1[]"}, lines, "%v", rules)
	assert.Contains(t, rules, "pathology-not-surgeon")
}

// TestBiopsyDayMohsPutOff: a visit whose Mohs surgery was put off, its
// lesion biopsied with the others, is a note of biopsies only: the lesion
// the prose introduces at a biopsy's site is that biopsy's (no Mohs lesion,
// no stages-missing), and a sentence under a listed biopsy that describes
// it again without a site ("A 4 mm punch was used for biopsy 2", "The
// tangential biopsy was read … on frozen section") is that biopsy, not a
// third or fourth (CODING-RULES §4; they had drawn site-missing and
// site-unknown).
func TestBiopsyDayMohsPutOff(t *testing.T) {
	const note = "Date of service: 12/01/2026\nPayer: Medicare Part B\n\nThe patient was scheduled today for evaluation of a new lesion of the left preauricular skin and possible same-day Mohs surgery. Mohs surgery was not performed today. Two lesions were biopsied.\n\n" +
		"Biopsy 1: tangential biopsy, left preauricular\n  Clinical impression: basal cell carcinoma, nodular\n  Frozen section: yes, 1 block\n\n" +
		"The tangential biopsy was read by Dr. Achterfeld on frozen section as nodular basal cell carcinoma.\n\n" +
		"Biopsy 2: punch biopsy, right dorsal forearm\n  Clinical impression: squamous cell carcinoma versus irritated seborrheic keratosis\n  Frozen section: no\n\n" +
		"A 4 mm punch was used for biopsy 2; the specimen was sent in formalin for permanent sections.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11103×1[]", "11104×1[]", "88331×1[]"}, lines, "%v", rules)
	for _, r := range []string{"stages-missing", "site-missing", "site-unknown"} {
		assert.NotContains(t, rules, r)
	}
}

// TestPlanRestatesListedBiopsies: a plan's "Punch biopsy (left dorsal
// forearm) and shave biopsy (right upper back) done today" restates the
// listed biopsies of other lesions by their sites in parentheses; it is no
// same-day biopsy of the Mohs lesion (CODING-RULES §4: biopsy-not-billable
// had fired on the second tumor).
func TestPlanRestatesListedBiopsies(t *testing.T) {
	const note = "Date of service: 09/21/2026\nInsurance: Medicare\n\nLesion 1: right nasal tip\nPrior biopsy: yes, shave 09/03/2026\nStage 1: 2 blocks; margins: clear\n\n" +
		"Lesion 2: left shin\nPrior biopsy: yes, shave 09/03/2026\nStage 1: 2 blocks; margins: clear\n\n" +
		"Biopsy 1: punch biopsy, left dorsal forearm\n  Clinical impression: rule out squamous cell carcinoma\n" +
		"Biopsy 2: tangential (shave) biopsy, right upper back\n  Clinical impression: basal cell carcinoma versus irritated seborrheic keratosis\n\n" +
		"P:\n- Punch biopsy (left dorsal forearm) and shave biopsy (right upper back) done today and sent for permanent sections; will call with results.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11103×1[XS]", "11104×1[XS]", "17311×1[]", "17313×1[XS]"}, lines, "%v", rules)
	assert.NotContains(t, rules, "biopsy-not-billable")
}

// TestBiopsiesTodayTable: a table of the day's biopsies of other lesions under a
// caption that names them ("BIOPSIES TODAY - other lesion, …" over "| # |
// Site | Method | Clinical impression | Frozen |") gives one biopsy a row:
// the punch is the day's primary biopsy code, the Mohs lesion's own
// same-day shave its add-on (CODING-RULES §4). A table under a caption
// that names no biopsy is not read as biopsies.
func TestBiopsiesTodayTable(t *testing.T) {
	note := func(caption string) string {
		return "Date of service: 07/20/2026\nInsurance: Aetna\n\n" +
			"Site: left malar cheek\nDiagnosis: squamous cell carcinoma (frozen section of today's shave biopsy)\nPrior biopsy: no\n" +
			"Same-day biopsy: tangential (shave)\nFrozen section: yes, 1 block\nIndication: H-zone\nPre-op size: 1.0 x 0.9 cm\n" +
			"Mohs map: drawn\nSlides read by: the Mohs surgeon\nStage 1: 2 blocks; margins: clear\n" +
			"Histology: well-differentiated SCC in the mid dermis, no perineural invasion\n\n" +
			caption + "\n| # | Site | Method | Clinical impression | Frozen |\n|---|---|---|---|---|\n| 1 | right upper back | punch, 4 mm | r/o BCC | no |\n"
	}
	cases := []struct {
		name, caption string
		want          []string
	}{
		{"the caption names biopsies", "BIOPSIES TODAY - other lesion, sent for permanent sections",
			[]string{"11103×1[59]", "11104×1[59]", "17311×1[]", "88331×1[59]"}},
		{"the caption names none", "OTHER LESIONS SEEN TODAY",
			[]string{"11102×1[59]", "17311×1[]", "88331×1[59]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.caption))
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}

// TestAssessmentRestatesTheBiopsy: an assessment item that names a site
// biopsied today with no method ("3. Neoplasm of uncertain behavior, left
// mid back - biopsy pending") restates the punch biopsy the note describes
// at that site: one biopsy, one line, and no biopsy-code-review for a
// biopsy of no stated kind (CODING-RULES §4).
func TestAssessmentRestatesTheBiopsy(t *testing.T) {
	src := "Date of service: 05/14/2026\nInsurance: Medicare Part B\n\nSite: left forehead\nDiagnosis: basal cell carcinoma (shave biopsy 04/20/2026)\nIndication: H-zone\nPre-op size: 1.0 x 0.9 cm\n" +
		"Mohs map: drawn\nSlides read by: the Mohs surgeon\nStage 1: 2 blocks; margins: clear\nHistology: nodular BCC in the mid dermis, no perineural invasion\n\n" +
		"During the visit the patient pointed out a pink, friable 6 mm papule on the left mid back. After consent and local anesthesia, a 4 mm punch biopsy was taken and sent to dermatopathology in formalin.\n\n" +
		"Assessment:\n1. Basal cell carcinoma of skin of other parts of face (C44.319)\n2. Neoplasm of uncertain behavior, left mid back - biopsy pending\n"
	lines, rules := codedNote(t, src)
	assert.Equal(t, []string{"11104×1[XS]", "17311×1[]"}, lines, "%v", rules)
	assert.NotContains(t, rules, "biopsy-code-review")
}
