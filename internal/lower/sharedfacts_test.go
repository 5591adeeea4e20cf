package lower_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPriorBiopsyOfSeveral: a statement that proves several tumors at once
// documents each one's prior diagnosis (CODING-RULES §10:
// diagnosis-unconfirmed is for a tumor with no prior pathology diagnosis or
// same-day biopsy), wherever the note makes it: a sentence before the site
// labels ("Mohs surgery x2 today; both biopsy-proven on shave biopsies of
// 10/16/2026"), the heading over a numbered list of the tumors ("Tumors
// treated today (all biopsy-proven, bx 11/16/2026):", read by the grammar
// as text or as a bare key), or biopsies named in the plural before the
// tumors a sentence names ("Shave biopsies … showed a … of the right nasal
// ala and a … of the left jawline"). A statement that says "both" of
// something else, or one biopsy in the singular, proves none.
func TestPriorBiopsyOfSeveral(t *testing.T) {
	labelled := func(opening string) string {
		return "DOS: 11/06/2026\nInsurance: Aetna\n\n" + opening + " I read all frozen sections for both sites and drew a Mohs map of each layer.\n\n" +
			"SITE A: Right nasal ala\nDIAGNOSIS: Basal cell carcinoma, nodular.\nSIZE BEFORE SURGERY: 0.6 x 0.5 cm.\nINDICATION: H-zone.\n" +
			"FINDINGS: Layer I, two blocks: nodular basal cell carcinoma in the mid dermis, no perineural invasion, clear.\n\n" +
			"SITE B: Right upper back\nDIAGNOSIS: Basal cell carcinoma, infiltrative.\nSIZE BEFORE SURGERY: 2.6 x 2.1 cm.\nINDICATION: infiltrative subtype.\n" +
			"FINDINGS: Layer I, three blocks: infiltrative basal cell carcinoma in the reticular dermis, no perineural invasion, clear.\n"
	}
	listed := func(caption string) string {
		return "Date of service: 11/20/2026\nPayer: Medicare Part B\n\n" + caption + "\n" +
			"1. Left cheek - BCC, nodular (BDS26-1420). Pre-op 0.5 x 0.5 cm. Indication: face, tissue sparing.\n" +
			"2. Right helix - SCC, well differentiated (BDS26-1421). Pre-op 0.8 x 0.7 cm. Indication: ear, invasive SCC.\n\n" +
			"I read all frozen sections; Mohs map drawn for each tumor, every stage.\n\n" +
			"Tumor 1: stage 1, two blocks, nodular BCC in the mid dermis, no perineural invasion, clear.\n" +
			"Tumor 2: stage 1, three blocks, well-differentiated SCC in the mid dermis, no perineural invasion, clear.\n"
	}
	dictated := func(opening string) string {
		return "Date of service: 11/20/2026\nInsurance: Aetna\n\n" + opening + "\n\nI read all frozen sections, and a Mohs map was drawn for each stage at both sites.\n\n" +
			"Lesion 1: right nasal ala\nMohs was indicated for a tumor of the nose. It measured 1.1 x 0.9 cm before surgery. The first stage was divided into three blocks and showed nodular basal cell carcinoma in the mid dermis without perineural invasion; all three blocks were clear.\n\n" +
			"Lesion 2: left jawline\nMohs was indicated for an invasive squamous cell carcinoma on the face; it measured 1.3 x 1.1 cm before surgery. The single stage was divided into two blocks and showed squamous cell carcinoma in the mid dermis, no perineural invasion; both blocks were clear.\n"
	}
	cases := []struct {
		name, note  string
		unconfirmed int
	}{
		{"'both biopsy-proven' proves each", labelled("Mohs surgery x2 today; both biopsy-proven on shave biopsies of 10/16/2026."), 0},
		{"'both proven' proves each", labelled("Two tumors today, both proven on shave biopsies of 10/16/2026."), 0},
		{"'Each had been confirmed by biopsy' after the count proves each", labelled("Two skin cancers were treated today. Each had been confirmed by biopsy on 10/16/2026."), 0},
		{"no biopsy named leaves each unconfirmed", labelled("Mohs surgery x2 today; both sites were marked with the patient."), 2},
		{"a list caption read as text", listed("Tumors (all biopsy-proven, bx 11/02/2026):"), 0},
		{"a list caption read as a bare key", listed("Tumors treated today (all biopsy-proven, bx 11/02/2026):"), 0},
		{"a list caption that cites no biopsy", listed("Tumors treated today (both marked with the patient):"), 2},
		{"'Shave biopsies … showed' both", dictated("Shave biopsies done here on 11/11/2026 showed a nodular basal cell carcinoma of the\nright nasal ala and a well-differentiated squamous cell carcinoma of the left jawline."), 0},
		{"one biopsy in the singular", dictated("A shave biopsy done here on 11/11/2026 showed a basal cell carcinoma; she also has a lesion of the right nasal ala and one of the left jawline."), 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertUnconfirmed(t, c.unconfirmed, c.note) })
	}
}

// assertUnconfirmed asserts that coding note reports diagnosis-unconfirmed
// for want lesions.
func assertUnconfirmed(t *testing.T, want int, note string) {
	t.Helper()
	_, rules := codedNote(t, note)
	n := 0
	for _, r := range rules {
		if r == "diagnosis-unconfirmed" {
			n++
		}
	}
	assert.Equal(t, want, n, "%v", slices.Compact(slices.Sorted(slices.Values(rules))))
}

// TestOneRowSummaryOfAnUnlabelledNote: a case summary of one row ("| Tumor
// | Site | Total stages | Total blocks |" over "| 1 | Left calf | 3 | 5 |")
// in a note that labels no tumor is its one tumor's: the site is the
// row's, and its totals are checked against the stages the detail lists
// (CODING-RULES §1: lines follow the stages listed; totals-mismatch when
// they disagree). Two rows in such a note name tumors the note does not
// tell apart: not read.
func TestOneRowSummaryOfAnUnlabelledNote(t *testing.T) {
	note := func(rows string) string {
		return "Date of service: 11/19/2026\nInsurance: Aetna\n\nCase summary\n| Tumor | Site | Total stages | Total blocks |\n|---|---|---|---|\n" + rows + "\n" +
			"Diagnosis: Squamous cell carcinoma, well differentiated\nPrior biopsy: yes - shave 10/29/2026\nIndication: tissue sparing\nPre-op size: 1.5 x 1.3 cm\nMohs map: drawn\n\n" +
			"Stage detail\n| Stage | Blocks | Margins | Histology |\n|---|---|---|---|\n| 1 | 3 | block 3 positive (deep) | SCC in the deep dermis; no perineural invasion |\n| 2 | 2 | clear | |\n\n" +
			"Repair: complex repair, 4.0 cm, after tumor clearance\nSlides read by: the Mohs surgeon\n"
	}
	lines, rules := codedNote(t, note("| 1 | Left calf | 3 | 5 |"))
	assert.Equal(t, []string{"13121×1[]", "17313×1[]", "17314×1[]"}, lines)
	assert.Contains(t, rules, "totals-mismatch")
	assert.NotContains(t, rules, "site-missing")

	lines, rules = codedNote(t, note("| 1 | Left calf | 2 | 5 |\n| 2 | Right shin | 1 | 2 |"))
	assert.Empty(t, lines)
	assert.Contains(t, rules, "lesion-ambiguous")
}

// TestClosingReaderOfSeveralLesions: a reader field set apart by a blank
// line after the last lesion's repairs closes the note and holds for every
// lesion (CODING-RULES §10: pathology-undocumented is for a lesion whose
// reader the note does not state); a reader field inside the last lesion's
// part, no blank line after its repair, stays that lesion's.
func TestClosingReaderOfSeveralLesions(t *testing.T) {
	note := func(closing string) string {
		return "DOS: 11/06/2026\nPayer: Aetna\n\nMohs surgery x 2 today.\n" +
			"Lesion A - vertex scalp: basal cell carcinoma (shave bx 10/16/2026); indication: recurrent; pre-op size 1.2 x 1.0 cm.\n" +
			"Lesion B - right lateral neck: squamous cell carcinoma (shave bx 10/16/2026); indication: ill-defined; pre-op size 0.8 x 0.7 cm.\n\n" +
			"Lesion   Stage   Blocks   Margins   Histology\nA        1       2        clear     nodular BCC in the papillary dermis; no perineural invasion\nB        1       3        clear     SCC in the superficial dermis; no perineural invasion\n\n" +
			"Repairs after tumor clearance:\nA  simple repair, 2.0 cm\nB  simple repair, 1.8 cm\n" + closing + "Map: drawn for both sites\n"
	}
	count := func(rules []string) int {
		n := 0
		for _, r := range rules {
			if r == "pathology-undocumented" {
				n++
			}
		}
		return n
	}
	_, rules := codedNote(t, note("\nSlides read by: Dr. Abiodun-Fairley (Mohs surgeon)\n"))
	assert.Equal(t, 0, count(rules), "a closing reader holds for both lesions")
	_, rules = codedNote(t, note("Slides read by: Dr. Abiodun-Fairley (Mohs surgeon)\n"))
	assert.Equal(t, 1, count(rules), "a reader right under lesion B's repair is lesion B's")
}
