package lower_test

import (
	"fmt"
	"strings"
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

// TestSideBySideStages: a two-column PDF page sets two stages (or two
// lesions) side by side under a row of their headings; each column is its
// stage's or lesion's, in turn, so that no stage is lost, merged or given
// to the other lesion (CODING-RULES §1: each stage its line; §2: each
// lesion its own).
func TestSideBySideStages(t *testing.T) {
	pad := func(left, right string) string { return left + strings.Repeat(" ", 47-len(left)) + right + "\n" }
	src := "Date of service: 11/24/2026\nSite: left chin\n\n" +
		pad("STAGE 1", "STAGE 2") + pad("Blocks: 5", "Blocks: 4") +
		pad("Margins: blocks 1 and 4 positive (deep),", "Margins: block 2 positive (deep),") +
		pad("blocks 2, 3 and 5 clear", "blocks 1, 3 and 4 clear") +
		pad("Histology: infiltrative cords and small", "Taken beneath blocks 1 and 4") + "\n" +
		pad("STAGE 3", "STAGE 4") + pad("Blocks: 3", "Blocks: 2") + pad("Margins: block 1 positive (deep)", "Margins: clear") + "\n" +
		"Total stages: 4 / Total blocks: 14\n"
	totals := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprint(les.TotalStages.N, " ", les.TotalBlocks.N)
	}
	lesions := "Date of service: 09/09/2026\n\n" + pad("Lesion 1", "Lesion 2") + pad("Site: right posterior heel", "Site: left knee, anterior") +
		pad("Pre-op size: 1.5 x 1.2 cm", "Pre-op size: 1.1 x 0.9 cm") + "\n" +
		pad("LESION 1 – STAGES", "LESION 2 – STAGES") + pad("Stage 1: 4 blocks", "Stage 1: 3 blocks") +
		pad("Margins: block 3 positive (deep), blocks", "Margins: clear") + "1, 2 and 4 clear\nStage 2: 2 blocks\nMargins: clear\n"
	runProseCases(t, []proseCase{
		{"§2 two columns of lesions, and of their stages, each lesion's in turn", lesions, stagesAndMargins, "right posterior heel 4+ 2-; left knee, anterior 3-"},
		{"§1 two columns of stages read as four stages in turn", src, stagesAndMargins, "left chin 5+ 4+ 3+ 2-"},
		{"§1 'Total stages: 4 / Total blocks: 14' holds two fields", src, totals, "4 14"},
	})
}

// TestWrappedCellPerLineLog: a PDF's Mohs log flattened to one cell a line
// keeps the cells the page wrapped over two lines ("Positive – blocks 3,"
// over "4 and 7 (deep)", "Nodular BCC in" over "papillary dermis,"): a row
// runs to the next row's first cell, and its lines left over go on with
// the cells above them, so every stage keeps its blocks (CODING-RULES §1).
func TestWrappedCellPerLineLog(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 wrapped cells under a stage column",
			"Date of service: 09/22/2026\nSite: left upper back\n\nMOHS STAGE LOG\nStage\nBlocks\nMargin status\nStains\nComment\n" +
				"1\n8\nPositive – blocks 3,\n4 and 7 (deep)\nH&E, toluidine\nblue\nMod. diff. SCC in\ndeep dermis and\nsubcutis; no PNI\n" +
				"2\n2\nClear\nH&E\nTaken beneath\nblocks 3, 4 and 7\n\nFinal defect: 4.1 x 3.2 cm\n",
			stagesAndMargins, "left upper back 8+ 2-"},
		{"§2 wrapped cells under a lesion column of letters",
			"Date of service: 11/12/2026\n\nLesion A: left temple\nDiagnosis: BCC\n\nLesion B: right nasal dorsum\nDiagnosis: SCC\n\n" +
				"MOHS STAGE LOG\nLesion\nStage\nBlocks\nMargin status\nStains\nComment\n" +
				"A\n1\n2\nClear\nH&E\nNodular BCC in\npapillary dermis,\nno PNI\n" +
				"B\n1\n3\nPositive – block 1\n(deep)\nH&E\nWD SCC mid dermis,\nno PNI\n" +
				"B\n2\n1\nClear\nH&E\n—\n",
			stagesAndMargins, "left temple 2-; right nasal dorsum 3+ 1-"},
		{"§1 a lower-case cell of its own is no wrapped one",
			"Date of service: 09/22/2026\nSite: left upper back\n\nStage\nBlocks\nMargins\nStains\n" +
				"1\n8\nblocks 2, 5, 7 positive (deep); blocks 1, 3, 4, 6, 8 clear\nH&E\n2\n4\nclear\nH&E\n",
			stagesAndMargins, "left upper back 8+ 4-"},
	})
}
