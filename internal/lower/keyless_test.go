package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/lower"
)

// TestKeylessFields: a hand-typed form writes its keys without colons, one
// field a line or several along one line parted by " / ", " ; " or " | "
// (NOTE-FORMAT §2: fields are read by their keys wherever a form puts them);
// a line reads as fields only when its parts open with known keys, and a
// line of one part only when its value is a site, a tumor, a reason or a
// repair — a sentence or a heading is never a field.
func TestKeylessFields(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{"Site R lat. neck", "Site=R lat. neck"},
		{"Dx BCC-nod (shave bx 5/26/26)", "Dx=BCC-nod (shave bx 5/26/26)"},
		{"Why Mohs recurrent in scar, ill-defined", "Why Mohs=recurrent in scar, ill-defined"},
		{"Repair int. layered 3.2 cm (after clearance)", "Repair=int. layered 3.2 cm (after clearance)"},
		{"Site R temple / Dx BCC-morpheaform (bx 5/11/26) / Why Mohs: aggressive subtype, indistinct borders",
			"Site=R temple|Dx=BCC-morpheaform (bx 5/11/26)|Why Mohs=aggressive subtype, indistinct borders"},
		{"DOS 7/7/26 ; Surgeon Dr. Philippa Oduya-Reinholt ; Ins Kaiser Permanente",
			"DOS=7/7/26|Surgeon=Dr. Philippa Oduya-Reinholt|Ins=Kaiser Permanente"},
		{"Defect 2.0 x 1.6 cm ; complex layered repair 2.8 cm after clearance",
			"Defect=2.0 x 1.6 cm|Repair=complex layered repair 2.8 cm after clearance"},
		{"Stg 1 - pos deep, periph neg ; hist: nodular BCC, deep dermis, no PNI", ""},
		{"Pt Salter, Wendell / DOB 1/2/1950 / MRN 00-4471", ""},
		{"Site was prepped and draped in sterile fashion", ""},
		{"Site 2 – R chin", ""},
		{"Procedure Note", ""},
		{"The patient tolerated the procedure well", ""},
		{"Repair options were discussed with the patient", ""},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			var got []string
			for _, f := range lower.KeylessFields(&grammar.Text{Text: tc.line}) {
				got = append(got, f.Key+"="+f.Value.Text)
			}
			assert.Equal(t, tc.want, strings.Join(got, "|"))
		})
	}
}

// TestKeylessForm: a whole hand-typed form without colons is read: the
// site, diagnosis, stages with their parts parted by " / " and the repair
// (CODING-RULES §1, §3).
func TestKeylessForm(t *testing.T) {
	n := mustLower(t, "MOHS LOG\nDOS 6/16/26\nIns Tricare Select\nSite R lat. neck\nDx BCC-nod (shave bx 5/26/26)\nWhy Mohs recurrent in scar, ill-defined\n\n"+
		"Stg 1: 3 blks / + deep blk 2 / blks 1, 3 neg / hist: nodular BCC, deep dermis\nStg 2: 1 blk / neg\n\nRepair int. layered 3.2 cm (after clearance)\n")
	require.Len(t, n.Lesions, 1)
	les := n.Lesions[0]
	assert.Equal(t, "R lat. neck", les.Site.Text.Value)
	assert.Equal(t, "BCC-nod (shave bx 5/26/26)", les.Diagnosis.Value)
	assert.Equal(t, "1:3 2:1", stageSummary(n))
	require.Len(t, les.Repairs, 1)
	assert.Equal(t, []float64{3.2}, les.Repairs[0].Size.Dims)
}

// TestDecoratedLabelHeadings: headings drawn around with decoration that
// label the lesions ("== Site 1 – L malar cheek ==") open one lesion each,
// also after a repair field; read as plain headings, the second site's
// stages went to the first lesion (a wrong 17312 ×2).
func TestDecoratedLabelHeadings(t *testing.T) {
	n := mustLower(t, "== MOHS – 2 sites ==\nDOS 06/22/2026 | Surgeon Dr. Amadi | Ins Medicare\n\n"+
		"== Site 1 – L malar cheek ==\nDx: BCC\nStg 1: 2 blks / blk 2 + (deep) / blk 1 neg\nStg 2: 1 blk / neg\nRepair: intermediate layered 2.0 cm after clearance\n\n"+
		"== Site 2 – R chin ==\nDx: SCC\nStg 1: 6 blks / neg\nRepair: intermediate layered 1.8 cm after clearance\n")
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Label, ":", les.Site.Text.Value, ":", len(les.Stages)))
	}
	assert.Equal(t, []string{"1:L malar cheek:2", "2:R chin:1"}, got)
	assert.Equal(t, "Medicare", n.Encounter.Payer.Value)
}

// TestQuestionSet: a question-set export asks each field as a question and
// answers it on the same line ("What is the lesion location? Right index
// finger, …"): the question names the field, by a question form in the key
// table or by its key after the question words (NOTE-FORMAT §2: fields are
// read by their keys); a question that names no key stays text.
func TestQuestionSet(t *testing.T) {
	n := mustLower(t, "What is the lesion location? Right index finger, dorsal proximal phalanx\n"+
		"What is the diagnosis? Squamous cell carcinoma in situ\n"+
		"Was the diagnosis biopsy-proven before today? Yes - shave biopsy 04/15/2026\n"+
		"Why was Mohs chosen? Digit location requiring maximal tissue preservation\n"+
		"What was the clinical size? 1.5 x 1.2 cm\nWas a Mohs map drawn? Yes\n"+
		"Who interpreted the frozen sections? The Mohs surgeon (Dr. Achterberg-Nnamdi)\n"+
		"Did the patient tolerate it? Yes\n\nStage 1: 2 blocks; clear\n\n"+
		"What repair was performed? Simple (single-layer) linear repair, 2.8 cm, after tumor clearance\n")
	require.Len(t, n.Lesions, 1)
	les := n.Lesions[0]
	assert.Equal(t, "Right index finger, dorsal proximal phalanx", les.Site.Text.Value)
	assert.Equal(t, "Squamous cell carcinoma in situ", les.Diagnosis.Value)
	assert.True(t, les.PriorBiopsy.Present())
	assert.True(t, les.Indication.Present())
	assert.Equal(t, []float64{1.5, 1.2}, les.Size.Dims)
	assert.True(t, les.Map.Yes)
	assert.Equal(t, "The Mohs surgeon (Dr. Achterberg-Nnamdi)", n.Encounter.Pathology.Value)
	require.Len(t, les.Repairs, 1)
	assert.Equal(t, []float64{2.8}, les.Repairs[0].Size.Dims)
}

// TestLabelledTabRows: a log that lists its lesions one tab-parted row each
// ("Site 1<TAB>left posterior calf<TAB>SCC, …<TAB>indication: …<TAB>pre-op
// size …"), then one log for all with a site column and a "Repairs:" list
// by label, codes each lesion with its own stages and repair (CODING-RULES
// §2: Mohs lines per lesion; §3: repairs per lesion). Read as text, both
// sites were one lesion (lesion-ambiguous) and the log's rows unread.
func TestLabelledTabRows(t *testing.T) {
	n := mustLower(t, "MOHS LOG (2 sites)\nDOS:\t05/22/2026\n\n"+
		"Site 1\tleft posterior calf\tSCC, well differentiated (punch bx 04/27/2026)\tindication: recurrent SCC\tpre-op size 1.8 x 1.5 cm\n"+
		"Site 2\tright anterior thigh\tBCC, superficial (shave bx 04/27/2026)\tindication: recurrent after imiquimod\tpre-op size 2.0 x 1.6 cm\n\n"+
		"Site\tStage\tBlocks\tMargins\tHistology\n1\t1\t3\tblock 2 positive (deep)\tWD SCC in the reticular dermis\n1\t2\t1\tclear\t\n2\t1\t4\tclear\tsuperficial BCC\n\n"+
		"Repairs:\nSite 1\tcomplex layered closure after tumor clearance\t4.4 cm\nSite 2\tintermediate layered closure after tumor clearance\t3.9 cm\n")
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Label, ":", les.Site.Text.Value, ":", les.Diagnosis.Value, ":", les.Size.Dims, ":", len(les.Stages), ":", len(les.Repairs)))
	}
	assert.Equal(t, []string{
		"1:left posterior calf:SCC, well differentiated (punch bx 04/27/2026):[1.8 1.5]:2:1",
		"2:right anterior thigh:BCC, superficial (shave bx 04/27/2026):[2 1.6]:1:1",
	}, got)
	for _, f := range n.Findings {
		assert.NotEqual(t, "unknown-field", f.Rule, "the Repairs heading is no near miss")
	}
}

// TestLabelSiteTabRows: a tab-parted form that opens each lesion with its
// label and site alone ("Lesion 1<TAB>right jawline") over its fields
// ("Dx<TAB>…", "Pre-op size<TAB>…") opens each lesion at its site, so that
// the log's "Lesion" column finds them (CODING-RULES §2: Mohs lines per
// lesion; the lesions had no site and the rows were not read).
func TestLabelSiteTabRows(t *testing.T) {
	n := mustLower(t, "MOHS LOG\nDate of service\t06/16/2026\n\n"+
		"Lesion 1\tright jawline\nDx\tSCC, well differentiated (bx 05/21/2026)\nPre-op size\t1.1 x 1.0 cm\n\n"+
		"Lesion 2\tmid upper back\nDx\tBCC, superficial (bx 05/21/2026)\nPre-op size\t1.3 x 1.1 cm\n\n"+
		"Lesion\tStage\tBlocks\tMargins\n1\t1\t3\tclear\n2\t1\t3\tclear\n")
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Label, ":", les.Site.Text.Value, ":", les.Size.Dims, ":", len(les.Stages)))
	}
	assert.Equal(t, []string{"1:right jawline:[1.1 1]:1", "2:mid upper back:[1.3 1.1]:1"}, got)
}

// TestRepairLogRows: under "Repair log:" (or any heading), a tab-parted row
// keyed by a lesion's label that names a repair ("A<TAB>complex repair after
// tumor clearance<TAB>2.8 cm") is that lesion's repair (CODING-RULES §3:
// repairs are grouped by each lesion's site); all three had gone to the
// last lesion, the chest, and billed the trunk's codes.
func TestRepairLogRows(t *testing.T) {
	n := mustLower(t, "DOS:\t2026-12-03\n\nLesion A: right nasal tip\nStage 1: 3 blocks, clear\n\nLesion B: left cheek\nStage 1: 2 blocks, clear\n\n"+
		"Lesion C: right upper chest\nStage 1: 4 blocks, clear\n\n"+
		"Repair log:\nA\tcomplex repair after tumor clearance\t2.8 cm\nB\tintermediate layered closure after tumor clearance\t3.0 cm\nC\tsimple repair after tumor clearance\t4.0 cm\n")
	assert.Equal(t, "right nasal tip 3 [complex repair [2.8]]; left cheek 2 [intermediate layered closure [3]]; right upper chest 4 [simple repair [4]]", lesionOutline(n))
}

// TestLabelAndFieldsOnOneLine: a case export's line a lesion or a biopsy,
// its label alone before a bar and its fields after it ("LESION 1 | Site:
// left nasal ala | Dx: … | Stage 1: 2 blocks, …", "BIOPSY 1 | Type: punch |
// Site: left dorsal forearm | …"), opens that lesion or biopsy with those
// fields (CODING-RULES §2, §4).
func TestLabelAndFieldsOnOneLine(t *testing.T) {
	const note = "DOS: 12/01/2026\nMohs map: drawn for every lesion\n\n" +
		"LESION 1 | Site: left nasal ala | Dx: basal cell carcinoma, nodular | Stage 1: 2 blocks, block 1 positive (deep) | Stage 2: 1 block, clear\n" +
		"LESION 2 | Site: right lower eyelid | Dx: basal cell carcinoma, nodular | Stage 1: 3 blocks, clear\n" +
		"BIOPSY 1 | Type: punch | Site: left dorsal forearm | Diagnosis: rule out SCC\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "left nasal ala", n.Lesions[0].Site.Text.Value)
	assert.Len(t, n.Lesions[0].Stages, 2)
	assert.Equal(t, "right lower eyelid", n.Lesions[1].Site.Text.Value)
	assert.Len(t, n.Lesions[1].Stages, 1)
	require.Len(t, n.Biopsies, 1)
	assert.Equal(t, "left dorsal forearm", n.Biopsies[0].Site.Text.Value)
}
