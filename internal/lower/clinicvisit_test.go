package lower_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClinicVisitAroundOneTumor: a Mohs note inside a clinic visit names
// other lesions — a brown patch and a scaly bump in the chief complaint,
// four actinic keratoses frozen today, two earlier tumors of past years —
// that are not tumors of the Mohs surgery: the one tumor is coded
// (CODING-RULES §2). A second tumor named
// in the prose of the note's one lesion, or counted ("Two tumors for Mohs
// today", one of them recurrent after cryotherapy), is still never merged
// into it (lesion-ambiguous, no Mohs line: a wrong count must not make
// one).
func TestClinicVisitAroundOneTumor(t *testing.T) {
	note := func(complaint, plan string) string {
		return "Date of service: 11/20/2026\nInsurance: Aetna\n\nCHIEF COMPLAINT\n" + complaint + "\n\nASSESSMENT AND PLAN\n" +
			"1. Basal cell carcinoma, left upper back: Mohs surgery today.\n" + plan + "\n\nMOHS PROCEDURE\n" +
			"Site: left upper back\nDiagnosis: basal cell carcinoma, nodular (shave biopsy 10/13/2026)\nIndication: ill-defined borders\nPre-op size: 2.0 x 1.8 cm\n" +
			"Mohs map: drawn\nSlides read by: the Mohs surgeon\nStage 1: 3 blocks; margins: clear\nHistology: nodular BCC in the mid dermis, no perineural invasion\n"
	}
	cases := []struct {
		name, complaint, plan string
		want                  []string
	}{
		{"a patch and a bump in the chief complaint",
			"Large skin cancer of the left upper back for Mohs; new brown patch on the left cheek; scaly bump on the right shin.",
			"2. Seborrheic keratoses: benign, no treatment.", []string{"17313×1[]"}},
		{"four actinic keratoses frozen today",
			"Skin cancer of the left upper back for Mohs.",
			"2. Hyperkeratotic papule, right shin: rule out squamous cell carcinoma. Tangential (shave) biopsy today.\n3. Actinic keratoses, scalp: liquid nitrogen cryotherapy today, four lesions.",
			[]string{"11102×1[59]", "17313×1[]"}},
		{"two earlier tumors of past years, treated with Mohs then",
			"Skin cancer of the left upper back for Mohs. He has had two earlier basal cell carcinomas, of the nose in 2018 and of the right ear in 2022, both treated with Mohs here.",
			"2. Seborrheic keratoses: benign, no treatment.", []string{"17313×1[]"}},
		{"two tumors counted today, one recurrent after cryotherapy, are still two",
			"Two tumors for Mohs today: the left upper back, and the right temple, which recurred after cryotherapy.",
			"2. Seborrheic keratoses: benign, no treatment.", nil},
		{"a second carcinoma in the chief complaint is not merged",
			"Basal cell carcinoma of the left upper back for Mohs; squamous cell carcinoma on the left cheek, also for Mohs today.",
			"2. Seborrheic keratoses: benign, no treatment.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.complaint, c.plan))
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}

// TestOtherLesionBiopsiedInProse: a dictation of one Mohs tumor that also
// tells a biopsy of another lesion ("A 4 mm punch biopsy of the right cheek
// papule was performed") codes the tumor and the biopsy (CODING-RULES §2,
// §4: a biopsy of another lesion is billable, 11104 with 59): the site
// biopsied is no second Mohs tumor.
func TestOtherLesionBiopsiedInProse(t *testing.T) {
	note := "DATE OF SERVICE: 10/27/2026\nINSURANCE: Aetna\n\n" +
		"HISTORY: Infiltrative basal cell carcinoma of the left nasal ala was diagnosed on a shave biopsy of 10/05/2026. The lesion measured 0.9 x 0.7 cm. Mohs surgery was indicated for infiltrative histology on the nose.\n\n" +
		"PROCEDURE: A Mohs map was drawn for each stage, and I interpreted all frozen sections myself. The first stage was divided into four blocks. Infiltrative basal cell carcinoma in the reticular dermis, without perineural invasion, reached the deep margin of block 1; blocks 2 to 4 were clear. The second stage was processed as two blocks and both blocks were clear.\n\n" +
		"OTHER LESION: The patient also pointed out a new 5 mm pink papule on the right cheek. Clinical impression: rule out basal cell carcinoma. A 4 mm punch biopsy of the right cheek papule was performed and sent for permanent sections.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11104×1[59]", "17311×1[]", "17312×1[]"}, lines, "%v", rules)
}
