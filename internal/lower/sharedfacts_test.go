package lower_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPriorBiopsyOfBoth: a sentence before the site labels that proves
// every tumor at once ("Mohs surgery x2 today; both biopsy-proven on shave
// biopsies of 10/16/2026") documents each tumor's prior diagnosis
// (CODING-RULES §10: diagnosis-unconfirmed is for a tumor with no prior
// pathology diagnosis or same-day biopsy); a sentence that says "both"
// of something else does not.
func TestPriorBiopsyOfBoth(t *testing.T) {
	note := func(opening string) string {
		return "DOS: 11/06/2026\nInsurance: Aetna\n\n" + opening + " I read all frozen sections for both sites and drew a Mohs map of each layer.\n\n" +
			"SITE A: Right nasal ala\nDIAGNOSIS: Basal cell carcinoma, nodular.\nSIZE BEFORE SURGERY: 0.6 x 0.5 cm.\nINDICATION: H-zone.\n" +
			"FINDINGS: Layer I, two blocks: nodular basal cell carcinoma in the mid dermis, no perineural invasion, clear.\n\n" +
			"SITE B: Right upper back\nDIAGNOSIS: Basal cell carcinoma, infiltrative.\nSIZE BEFORE SURGERY: 2.6 x 2.1 cm.\nINDICATION: infiltrative subtype.\n" +
			"FINDINGS: Layer I, three blocks: infiltrative basal cell carcinoma in the reticular dermis, no perineural invasion, clear.\n"
	}
	cases := []struct {
		name, opening string
		unconfirmed   int
	}{
		{"'both biopsy-proven' proves each", "Mohs surgery x2 today; both biopsy-proven on shave biopsies of 10/16/2026.", 0},
		{"'both proven' proves each", "Two tumors today, both proven on shave biopsies of 10/16/2026.", 0},
		{"no biopsy named leaves each unconfirmed", "Mohs surgery x2 today; both sites were marked with the patient.", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, rules := codedNote(t, note(c.opening))
			n := 0
			for _, r := range rules {
				if r == "diagnosis-unconfirmed" {
					n++
				}
			}
			assert.Equal(t, c.unconfirmed, n, "%v", slices.Compact(slices.Sorted(slices.Values(rules))))
		})
	}
}
