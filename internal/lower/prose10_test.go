package lower_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/model"
)

// TestHistoryOfAnotherTumor: a history of another or an earlier tumor
// never gives today's lesion a site or a diagnosis (NOTE-FORMAT §1; a
// missed site costs a line, a wrong one must never make one), and today's
// tumor keeps the site its history dates ("of the nasal tip, previously
// excised in 2019").
func TestHistoryOfAnotherTumor(t *testing.T) {
	siteAndDx := func(n *model.Note) string {
		les := n.Lesions[0]
		return les.Site.Text.Value + "|" + les.Diagnosis.Value
	}
	const body = "\n\nPROCEDURE: A Mohs map was drawn. The first stage was divided into two blocks and I examined the slides; all margins were clear.\n"
	runProseCases(t, []proseCase{
		{"§1 site/diagnosis: history of melanoma of the back",
			"HISTORY: History of melanoma of the back. Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: a tumor excised years ago",
			"HISTORY: She had a basal cell carcinoma of the back excised years ago. Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: a past medical history key",
			"Past medical history: melanoma of the back (2015). Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: PMH",
			"PMH: basal cell carcinoma of the nose, Mohs 2018." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: prior Mohs surgery",
			"HISTORY: Prior Mohs surgery of the left cheek in 2018. Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: a tumor excised previously",
			"HISTORY: A melanoma of the back was excised previously. Now a nodule." + body, siteAndDx, "|"},
		// "previously" before a participle dates what follows it, not
		// today's tumor named before it
		{"§1 site/diagnosis: previously excised after today's site",
			"INDICATION AND HISTORY: Recurrent morpheaform basal cell carcinoma of the nasal tip, previously excised in 2019." + body,
			siteAndDx, "nasal tip|Recurrent morpheaform basal cell carcinoma"},
		{"§1 site/diagnosis: previously treated after today's site",
			"DIAGNOSIS: Basal cell carcinoma of the left temple, previously treated with curettage." + body,
			siteAndDx, "left temple|Basal cell carcinoma of the left temple, previously treated with curettage."},
	})
}

// TestIndicationStatesTheSize: an indication value that also states the
// size gives the lesion its pre-operative size (CODING-RULES §6) and stays
// the indication.
func TestIndicationStatesTheSize(t *testing.T) {
	sizeAndIndication := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprint(les.Size.Dims, " ", les.Indication.Present())
	}
	runProseCases(t, []proseCase{
		{"§6 pre-op size: 'size 1.6 x 1.4 cm' at the end of an indication",
			"Site: right preauricular skin\nINDICATION: Preauricular location (H-zone), ill-defined borders, size 1.6 x 1.4 cm.\n",
			sizeAndIndication, "[1.6 1.4] true"},
		{"§6 pre-op size: an indication with no size",
			"Site: right preauricular skin\nINDICATION: Preauricular location (H-zone), ill-defined borders.\n",
			sizeAndIndication, "[] true"},
	})
}

// TestFindingsNamingStages: a value that opens with a stage's label under
// an open stage section speaks of the stages it names (CODING-RULES §3:
// each stage's margins), not of the stage last opened.
func TestFindingsNamingStages(t *testing.T) {
	margins := func(n *model.Note) string {
		out := ""
		for _, st := range n.Lesions[0].Stages {
			out += fmt.Sprint(st.Number, ":", len(st.Margins) > 0 && st.Margins[0].Positive, st.Histology.Present(), " ")
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§3 margins: FINDINGS: Stage I: … Stage II: clear. after SPECIMENS' stages",
			"Site: right jawline\nSPECIMENS: Mohs stage I - 4 tissue blocks, mapped; Mohs stage II - 1 tissue block, mapped.\nFINDINGS: Stage I: well-differentiated SCC in the reticular dermis at the deep margin of block 3; blocks 1, 2 and 4 clear. Stage II: clear.\n",
			margins, "1:true true 2:false false "},
	})
}

// TestRepairKeyWords: the words of a repair's key and item labels say its
// timing and its secondary defect (CODING-RULES §5: repair after
// clearance; a flap's secondary defect).
func TestRepairKeyWords(t *testing.T) {
	repair := func(n *model.Note) string {
		require.NotEmpty(t, n.Lesions[0].Repairs)
		r := n.Lesions[0].Repairs[0]
		return fmt.Sprint(r.Timing.Present(), " ", r.SecondaryDefect.AreaSq)
	}
	secondary := func(n *model.Note) string {
		require.NotEmpty(t, n.Lesions[0].Repairs)
		return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.AreaSq)
	}
	runProseCases(t, []proseCase{
		{"§5 timing: 'Repair (after clearance):' in the key",
			"Site: left cheek\nRepair (after clearance): transposition flap; secondary defect 3.4 sq cm\n",
			repair, "true 3.4"},
		{"§5 secondary defect: a Burow's triangle",
			"Site: right temple\nRepair: Burow's advancement flap, after clearance; Burow's triangle (secondary defect) 1.2 sq cm\n",
			secondary, "1.2"},
	})
}

// TestListedBiopsiesDescribedAgain: a numbered procedure list and numbered
// paragraphs about the same biopsies count each biopsy once (CODING-RULES
// §4: one biopsy code per biopsy; a wrong count must never make a line).
func TestListedBiopsiesDescribedAgain(t *testing.T) {
	biopsies := func(n *model.Note) string {
		out := ""
		for _, b := range n.Biopsies {
			out += b.Label + ":" + b.Site.Text.Value + "/" + b.Diagnosis.Value + " "
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§4 biopsies: PROCEDURES TODAY list, then a paragraph per procedure",
			"PROCEDURES TODAY:\n1. Mohs micrographic surgery, right temple.\n2. Shave biopsy, left shoulder.\n3. Punch biopsy, vertex scalp.\n\n" +
				"1. MOHS: Biopsy-proven squamous cell carcinoma of the right temple. Stage 1 was divided into three blocks and was clear.\n\n" +
				"2. SHAVE BIOPSY, left shoulder: 7 mm pearly papule. Clinical impression: superficial basal cell carcinoma.\n\n" +
				"3. PUNCH BIOPSY, vertex scalp: 4 mm punch of a 9 mm crusted nodule. Clinical impression: squamous cell carcinoma.\n",
			biopsies, "2:left shoulder/superficial basal cell carcinoma 3:vertex scalp/squamous cell carcinoma "},
	})
}

// TestReaderAfterStageItems: "Stage 1: two blocks. I read the frozen
// sections: …" says who read the slides (NOTE-FORMAT §2,
// `pathology-undocumented` otherwise), though the stage's value is items.
func TestReaderAfterStageItems(t *testing.T) {
	reader := func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }
	runProseCases(t, []proseCase{
		{"§2 reader: a reading sentence after a stage's count",
			"Site: left lower cutaneous lip\n4. Stage 1: two blocks. I read the frozen sections: squamous cell carcinoma at the deep margin of block 1.\n5. Stage 2: one block, clear.\n",
			reader, "true"},
		{"§2 reader: a stage's items without a reading sentence",
			"Site: left lower cutaneous lip\n4. Stage 1: two blocks, deep margin of block 1 positive.\n5. Stage 2: one block, clear.\n",
			reader, "false"},
	})
}

// TestDiagnosisStatesTheSize: a diagnosis value that also states the size
// in apposition gives the lesion its pre-operative size (CODING-RULES §6).
func TestDiagnosisStatesTheSize(t *testing.T) {
	size := func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims) }
	runProseCases(t, []proseCase{
		{"§6 pre-op size: '…, left temple (shave biopsy …), 1.3 x 1.1 cm.' in a diagnosis",
			"Preoperative diagnosis: biopsy-proven basal cell carcinoma, nodular and infiltrative, left temple (shave biopsy 03/05/2026, TM26-2250), 1.3 x 1.1 cm.\n",
			size, "[1.3 1.1]"},
		{"§6 pre-op size: a diagnosis with a biopsy date only",
			"Preoperative diagnosis: basal cell carcinoma, left temple (shave biopsy 03/05/2026).\n",
			size, "[]"},
	})
}

// TestHistoryJoinedToProcedure: a heading that joins the history to
// today's procedure ("HISTORY AND PROCEDURE:") heads today's stages too
// (CODING-RULES §1: stages as listed); a history heading alone, or one of
// past procedures, still counts none (a history's stages are not today's).
func TestHistoryJoinedToProcedure(t *testing.T) {
	stages := func(n *model.Note) string {
		if len(n.Lesions) == 0 {
			return "no lesion"
		}
		return fmt.Sprint(len(n.Lesions[0].Stages))
	}
	const stage = " The single Mohs stage, processed as two blocks, was clear on both blocks.\n"
	runProseCases(t, []proseCase{
		{"§1 stages: HISTORY AND PROCEDURE", "Location: right chin\n\nHISTORY AND PROCEDURE: The papule had never been biopsied." + stage, stages, "1"},
		{"§1 stages: HPI / Operative course", "Location: right chin\n\nHPI / Operative course: The papule had never been biopsied." + stage, stages, "1"},
		{"§1 stages: INDICATION AND HISTORY", "Location: right chin\n\nINDICATION AND HISTORY: The papule had never been biopsied." + stage, stages, "1"},
		{"§1 stages: HISTORY alone", "Location: right chin\n\nHISTORY: The papule had never been biopsied." + stage, stages, "0"},
		{"§1 stages: Past surgical history and procedures", "Location: right chin\n\nPast surgical history and procedures: Mohs of the nose in 2019." + stage, stages, "0"},
	})
}

// TestRepairsOfSeveralUntold: a sentence that repairs several tumors of a
// dictation ("After tumor clearance at all three sites, the defects were
// repaired as follows: the left forehead defect was closed with a complex
// repair measuring 3.0 cm, the right upper back defect with …") gives each
// lesion the clause its site names, when each lesion's own prose placed its
// tumor; when no words place the lesions, no lesion gets a repair: handed
// to the last lesion they made wrong repair lines (CODING-RULES §3: repairs
// are coded per lesion), and prose-ambiguous says why.
func TestRepairsOfSeveralUntold(t *testing.T) {
	const repairs = "After tumor clearance at all three sites, the defects were repaired as follows: the left forehead defect was closed with a complex repair measuring 3.0 cm, the right upper back defect with an intermediate layered repair measuring 4.5 cm, and the right dorsal forearm defect with an intermediate layered repair measuring 3.5 cm.\n"
	n := mustLower(t, "Three biopsy-proven skin cancers were treated today.\n\n"+
		"The first tumor, a squamous cell carcinoma of the left forehead, measured 1.3 x 1.1 cm. Stage 1 was divided into two blocks, both clear.\n\n"+
		"The second tumor, a basal cell carcinoma of the right upper back, measured 1.6 x 1.4 cm. Stage 1 was processed as four blocks, all clear.\n\n"+
		"The third tumor, a squamous cell carcinoma in situ of the right dorsal forearm, measured 1.8 x 1.5 cm. Stage 1 consisted of one block and was clear.\n\n"+
		repairs)
	var got []string
	for _, les := range n.Lesions {
		for _, r := range les.Repairs {
			got = append(got, fmt.Sprint(les.Label, " ", r.Value.Value, " ", r.Length.Dims))
		}
	}
	assert.Equal(t, []string{"1 complex repair [3]", "2 intermediate layered repair [4.5]", "3 intermediate layered repair [3.5]"}, got)

	untold := mustLower(t, "Three biopsy-proven skin cancers were treated today.\n\n"+
		"The first tumor measured 1.3 x 1.1 cm. Stage 1 was divided into two blocks, both clear.\n\n"+
		"The second tumor measured 1.6 x 1.4 cm. Stage 1 was processed as four blocks, all clear.\n\n"+
		"The third tumor measured 1.8 x 1.5 cm. Stage 1 consisted of one block and was clear.\n\n"+
		repairs)
	for _, les := range untold.Lesions {
		assert.Empty(t, les.Repairs, "lesion %s", les.Label)
	}
	assert.Contains(t, rules(untold), "prose-ambiguous")
}

// TestTumorsCountedToday: when the prose counts the tumors treated today
// and the note opens another number of lesions, the tumors it never
// opened would be merged into the lesions it did, so every lesion is
// ambiguous and gets no Mohs line (CODING-RULES §1, §2: each lesion is
// coded on its own; a wrong count must never make a line). Counts of
// past tumors or of other lesions biopsied count no Mohs tumor.
func TestTumorsCountedToday(t *testing.T) {
	ambiguous := func(n *model.Note) string {
		return fmt.Sprint(slices.Contains(rules(n), "lesion-ambiguous"))
	}
	const stages = "\n\nThe first stage was divided into three blocks; all were clear.\n"
	const two = "Lesion 1: left cheek\nStage 1: 2 blocks; clear\n\nLesion 2: right forearm\nStage 1: 1 block; clear\n\n"
	runProseCases(t, []proseCase{
		{"§1: referred for Mohs of two tumors, none labelled",
			"Site: left parietal scalp\n\nThis man was referred for Mohs surgery of two tumors of the scalp and forearm." + stages, ambiguous, "true"},
		{"§1: three tumors treated today, two labelled",
			"Three biopsy-proven tumors were treated today.\n\n" + two, ambiguous, "true"},
		{"§1: two tumors treated today, two labelled", "Two biopsy-proven tumors were treated today.\n\n" + two, ambiguous, "false"},
		{"§1: lesions biopsied today are no Mohs tumors",
			"Site: left cheek\n\nThree lesions were biopsied today after informed consent." + stages, ambiguous, "false"},
		{"§1: four tumors today after a history of others in another clause",
			"Site: left cheek\n\nThe patient, with a history of multiple nonmelanoma skin cancers, returns for Mohs surgery of four biopsy-proven tumors, all biopsied on 03/11/2026." + stages, ambiguous, "true"},
		{"§1: past tumors are no Mohs tumors today",
			"Site: left cheek\n\nHe presents today; he had two prior basal cell carcinomas treated with Mohs." + stages, ambiguous, "false"},
		{"§1: 'Mohs micrographic surgery at three sites', one lesion opened",
			"PROCEDURES: Mohs micrographic surgery at three sites.\n\nI started on the right temple." + stages, ambiguous, "true"},
		{"§1: the procedures name Mohs surgery at two sites, one lesion opened",
			"PROCEDURES: Mohs micrographic surgery, right temple and left knee, with intermediate repairs of both.\n\nThe right temple was first." + stages, ambiguous, "true"},
		{"§1: the procedures name one site and the flap's donor region",
			"PROCEDURE: Mohs micrographic surgery, left nasal ala, three stages; single-stage nasolabial transposition flap reconstruction.\n\nThe left nasal ala was treated." + stages, ambiguous, "false"},
		{"§1: the procedures name one site and where on it in parentheses",
			"Procedure: Mohs micrographic surgery, right great toe (dorsal, proximal to the nail fold).\n\nThe toe was treated." + stages, ambiguous, "false"},
	})
}
