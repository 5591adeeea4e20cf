package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lesionRepairs is each lesion's repairs, "text [length]", lesions apart
// by " | ".
func lesionRepairs(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		var rs []string
		for _, r := range les.Repairs {
			rs = append(rs, fmt.Sprint(r.Value.Value, " ", r.Length.Dims))
		}
		out = append(out, strings.Join(rs, ", "))
	}
	return strings.Join(out, " | ")
}

// TestClosingRepairsBySite: a closing paragraph of repairs gives each repair to
// the lesion whose site it names (CODING-RULES §3 sums repairs per class and
// group, so a repair given to another lesion is a wrong line).
func TestClosingRepairsBySite(t *testing.T) {
	cases := []struct{ name, note, want string }{
		{"the side chooses between two shins",
			"Date of service: 11/13/2026\n\nLet me list them. One, nodular basal cell carcinoma of the left nasal dorsum. Two, squamous cell carcinoma in situ of the right shin. Three, squamous cell carcinoma of the left shin.\n\n" +
				"The left nasal dorsum lesion measured 0.7 x 0.6 cm. The first stage was divided into two blocks; both blocks were clear.\n\n" +
				"The right shin lesion measured 1.5 x 1.2 cm. The first stage was three blocks; all were clear.\n\n" +
				"The left shin lesion measured 1.3 x 1.1 cm. The first stage was two blocks; both blocks were clear.\n\n" +
				"Repairs, after tumor clearance at each site: the left nasal dorsum, intermediate layered repair, 2.0 cm. The right shin, simple linear repair, 3.2 cm. The left shin, simple linear repair, 2.9 cm.\n",
			"intermediate layered repair [2] | simple linear repair [3.2] | simple linear repair [2.9]"},
		{"after tumor clearance at a site opens that site's repair",
			"Date of service: 11/03/2026\nSurgeon: Casimir Thorvaldsen-Reyes, MD\n\nPREOPERATIVE DIAGNOSES:\n1. Infiltrative basal cell carcinoma, right cheek.\n2. Superficial basal cell carcinoma, left upper back.\nPOSTOPERATIVE DIAGNOSES: Same.\n\nThis man returns for Mohs surgery of two biopsy-proven tumors. The right cheek lesion measured 1.6 x 1.3 cm. The left upper back lesion measured 2.4 x 2.0 cm.\n\n" +
				"We started with the cheek. The first stage of the cheek was divided into four blocks, all clear. The first stage of the back was two blocks, both clear.\n\n" +
				"REPAIRS: After tumor clearance at the cheek, the final defect measured 2.4 x 2.0 cm. A rotation flap was designed and rotated into the defect; the secondary defect of the flap measured 6.0 sq cm. After tumor clearance at the back, the 3.1 x 2.6 cm defect was closed with an intermediate layered repair, 6.5 cm in length.\n",
			"rotation flap [] | intermediate layered repair [6.5]"},
		{"a dictated heading sentence, then each site's repair after its name and a colon",
			"Date of service: 11/17/2026\n\nI read all frozen sections myself and drew a Mohs map for every stage at every site.\n\n" +
				"Tumor one, right nasal tip: nodular basal cell carcinoma, 1.0 x 0.8 cm. Stage one was three blocks, all clear.\n\n" +
				"Tumor two, left antihelix: nodular basal cell carcinoma, 0.9 x 0.7 cm. Stage one was two blocks, both clear.\n\n" +
				"Tumor three, left upper back: squamous cell carcinoma in situ, 1.6 x 1.4 cm. Stage one was two blocks, both clear.\n\n" +
				"Reconstruction after tumor clearance. Nasal tip: full-thickness skin graft, recipient area 1.8 x 1.5 cm, donor left preauricular. Left antihelix: full-thickness skin graft, recipient area 2.0 x 1.6 cm, donor left postauricular. Left upper back: after tumor clearance the defect was closed with a simple linear repair, 3.6 cm in length.\n",
			"full-thickness skin graft [] | full-thickness skin graft [] | simple linear repair [3.6]"},
		{"'RECONSTRUCTION:' over a line a site, 'Right shoulder - …', in an unlabelled dictation",
			"Date of service: 11/17/2026\n\nTwo biopsy-proven tumors. I read all frozen sections myself.\n\n" +
				"RIGHT SHOULDER. Squamous cell carcinoma, per shave biopsy 11/12/2026. Preoperative size 2.6 x 2.2 cm. Stage 1 was divided into seven blocks; tumor at the deep margin of block 3. Stage 2 comprised two blocks and both were clear.\n\n" +
				"LEFT CHIN. Superficial basal cell carcinoma, per shave biopsy 11/12/2026. Preoperative size 0.4 x 0.4 cm. Stage 1 was divided into two blocks, both clear.\n\n" +
				"RECONSTRUCTION:\nRight shoulder - after tumor clearance, intermediate layered repair, 6.8 cm.\nLeft chin - after tumor clearance, complex repair, 1.0 cm, with undermining.\n",
			"intermediate layered repair [6.8] | complex repair [1]"},
		{"'After tumor clearance at site B (…) I closed it …' while site C is open is site B's",
			"Date of service: 11/10/2026\nSlides read by: the Mohs surgeon\n\n" +
				"Site A - left nasal sidewall: basal cell carcinoma, nodular, shave biopsy 11/05/2026.\nSite B - right cheek: basal cell carcinoma, micronodular, shave biopsy 11/05/2026.\nSite C - left forearm: squamous cell carcinoma in situ, shave biopsy 11/05/2026.\n\n" +
				"Site A, left nasal sidewall, stage 1: two blocks.\nSite B, right cheek, stage 1: three blocks.\nSite C, left dorsal forearm, stage 1: two blocks.\n" +
				"After tumor clearance at site B (final defect 1.4 x 1.2 cm) I closed it with an intermediate layered repair, 2.9 cm.\n" +
				"After tumor clearance at site C (final defect 2.3 x 1.9 cm) I closed it with a simple repair, 3.4 cm.\n",
			" | intermediate layered repair [2.9] | simple repair [3.4]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := mustLower(t, c.note)
			require.Len(t, n.Lesions, strings.Count(c.want, "|")+1)
			assert.Equal(t, c.want, lesionRepairs(n))
		})
	}
}
