package lower_test

import (
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestPDFLigatures: text copied from a PDF keeps its typographic ligatures
// ("ﬁrst", "ﬁfth", "ﬁnal defect"); they read as their letters, so a stage
// told with one is a stage (CODING-RULES §1) and nothing is lost to them.
func TestPDFLigatures(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 'The ﬁrst stage …' is the first stage",
			"Date of Service: 10/21/2026\nSite: vertex scalp\n\nThe ﬁrst stage was divided into four blocks; tumor reached the deep margin of block 2. The second stage, one block, was free of tumor.\n",
			stagesAndMargins, "vertex scalp 4+ 1-"},
		{"§1 a ligature in a value: 'left cheek (conﬁrmed)'",
			"Date of Service: 10/21/2026\nSite: left cheek (conﬁrmed)\nStage 1: 2 blocks, clear\n",
			stagesAndMargins, "left cheek (confirmed) 2-"},
	})
}

// TestOneLesionOfSeveral: a note that opens one lesion but speaks of
// several tumors ("REPAIRS (after tumor clearance at both sites)", "consent
// signed for sites A and B") has stages whose lesion cannot be told: the
// lesion is ambiguous and no stage of it is coded (CODING-RULES §1); the
// Mohs site and another lesion's biopsy are "both sites" of no such note.
func TestOneLesionOfSeveral(t *testing.T) {
	ambiguous := func(n *model.Note) string {
		if n.Lesions[0].Ambiguous.Present() {
			return "ambiguous"
		}
		return "one lesion"
	}
	stages := "Site: L upper back\n\nSTAGE 1: excised, 3 blocks. Tumor at the deep margin of block 2.\nSTAGE 2: 1 block, clear.\n\n"
	runProseCases(t, []proseCase{
		{"§1 'at both sites' in a heading",
			"Date of service: 09/25/2026\n" + stages + "REPAIRS (after tumor clearance at both sites)\nIntermediate layered repair, 5.5 cm.\n",
			ambiguous, "ambiguous"},
		{"§1 'sites A and B' in a field",
			"Date of service: 09/25/2026\nConsent: signed for sites A and B.\n" + stages,
			ambiguous, "ambiguous"},
		{"§1 'all three tumors' in a field",
			"Date of service: 09/25/2026\nPost-op diagnosis: same, all three tumors.\n" + stages,
			ambiguous, "ambiguous"},
		{"§1 one site: 'both blocks' counts no tumor",
			"Date of service: 09/25/2026\n" + stages + "Both blocks were clear at every margin.\n",
			ambiguous, "one lesion"},
		{"§4 the Mohs site and a biopsied lesion are 'both sites'",
			"Date of service: 09/25/2026\n" + stages + "Biopsy: shave biopsy of the right forearm, r/o BCC.\nDressings were applied to both sites.\n",
			ambiguous, "one lesion"},
	})
}
