package lower_test

import (
	"fmt"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestTumorsOfOneParagraph: a dictation without lesion labels that goes on
// from one tumor to the next in one paragraph ("The first tumor, … . The
// second tumor, …") is two lesions; a lesion whose prose places tumors at
// two sites it does not open is lesion-ambiguous, never merged
// (CODING-RULES §2: each lesion is coded on its own; a lesion that cannot
// be told has no Mohs line).
func TestTumorsOfOneParagraph(t *testing.T) {
	const head = "Date: 04/28/2026\n\nTwo tumors, both proven on shave biopsies of 03/31/2026, were treated today; I read all of the frozen sections for both myself, and a Mohs map was drawn for each site."
	lesions := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s:%d:%v:%v;", les.Site.Text.Value, len(les.Stages), les.PriorBiopsy.Yes, les.Ambiguous.Present())
		}
		return out + n.Encounter.Pathology.Value
	}
	runProseCases(t, []proseCase{
		{"§2 lesions: 'The first tumor … The second tumor …' in one paragraph are two lesions",
			head + " The first tumor, a basal cell carcinoma of the left cheek, was excised as a first stage of two blocks,\nand both blocks were clear. The second\ntumor, a squamous cell carcinoma of the right forearm, was excised as a first stage of three blocks, positive at the deep margin; a second stage of one block was clear.\n",
			lesions, "left cheek:1:true:false;right forearm:2:true:false;read by the Mohs surgeon (as stated in prose)"},
		{"§2 lesions: a second tumor the prose does not open is lesion-ambiguous",
			head + " A basal cell carcinoma of the left cheek was excised as a first stage of two blocks, and both blocks were clear. Then a squamous cell carcinoma of the right forearm was excised as a first stage of three blocks, positive at the deep margin; a second stage of one block was clear.\n",
			lesions, "left cheek:2:true:true;read by the Mohs surgeon (as stated in prose)"},
		{"§2 lesions: 'The second stage' in a paragraph opens no lesion",
			"Date: 04/28/2026\n\nA basal cell carcinoma of the left cheek, biopsy-proven, was excised as a first stage of two blocks; I read the frozen sections. The second stage of one block was clear.\n",
			lesions, "left cheek:2:true:false;read by the Mohs surgeon (as stated in prose)"},
		{"§2 lesions: one site named twice is one lesion",
			"Date: 04/28/2026\n\nA basal cell carcinoma of the left cheek, biopsy-proven, was excised as a first stage of two blocks; I read the frozen sections. The tumor of the left medial cheek was clear.\n",
			lesions, "left cheek:1:true:false;read by the Mohs surgeon (as stated in prose)"},
	})
}

// TestStageValueGoesOn: the sentences on the lines right after a stage
// field's one-line value are that stage's (CODING-RULES §3: each stage's
// margins; §1 histology); after a blank line they are not.
func TestStageValueGoesOn(t *testing.T) {
	stages := func(n *model.Note) string {
		out := ""
		for _, st := range n.Lesions[0].Stages {
			out += fmt.Sprint(st.Number, ":", st.Blocks.N, ":", len(st.Margins) > 0 && st.Margins[0].Positive, ":", len(st.Margins), " ")
		}
		return out
	}
	const head = "Site: left scrotum\nA Mohs map was drawn. I read all frozen sections myself.\n\n"
	runProseCases(t, []proseCase{
		{"§3 margins: the lines after 'Stage 1: four blocks, each stained …' are stage 1's",
			head + "Stage 1: four blocks, each stained with H&E and with CK7 to highlight Paget cells at the margins.\nPaget cells were present in the epidermis at the peripheral margin of blocks 1 and 4; blocks 2 and 3\nwere clear; no dermal invasion.\nStage 2: three blocks, each stained with H&E. All three blocks were clear.\n",
			stages, "1:4:true:1 2:3:false:1 "},
		{"§3 margins: after a blank line the sentences are not the stage's",
			head + "Stage 1: four blocks, each stained with H&E and with CK7 to highlight Paget cells at the margins.\n\nPaget cells were present in the epidermis at the peripheral margin of blocks 1 and 4.\n",
			stages, "1:4:false:0 "},
	})
}
