package lower_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestCaseLogLetters: a case log's entry names its lesion by the letter
// its label gave it, after the time ("0910 A stage 2, 1 block."): the stage
// is that lesion's, not the lesion the entry before named (CODING-RULES §1:
// each lesion's stages are its own).
func TestCaseLogLetters(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 'A stage 2' after a timeline's time",
			"DOS: 12/2/2026\n\n  site A: R helix - BCC nodular - 0.8 x 0.7 cm\n  site B: L nasal tip - SCC, well diff - 1.2 x 1.0 cm\n\ncourse:\n" +
				"0800 site A (helix): stage 1 = 2 blocks.\n0810 while A processing -> site B (nasal tip) stage 1, 5 blocks.\n" +
				"0905 A stage 1: nodular BCC mid dermis. + deep blk 1, blk 2 clear.\n0910 A stage 2, 1 block.\n" +
				"0925 B stage 1: all 5 blks clear -> site B DONE.\n1000 A stage 2: clear -> site A DONE.\n",
			stagesAndMargins, "R helix 2+ 1-; L nasal tip 5-"},
	})
}

// TestRemarkUnderRepairsTable: a remark under a repairs table that tells
// how a lesion's flap was done ("A: flap from the L nasal sidewall, inset
// with 5-0 Monocryl") is that flap, not a second one (CODING-RULES §3: one
// line per repair done).
func TestRemarkUnderRepairsTable(t *testing.T) {
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%s:%d", les.Label, len(les.Repairs)))
		}
		return strings.Join(out, " ")
	}
	runProseCases(t, []proseCase{
		{"§3 the remark tells the row's flap",
			"Date of surgery: 10/16/2026\n\nLESION A\nSite: L nasal dorsum\n\nLESION B\nSite: R upper chest\n\nREPAIRS\n" +
				"+--------+--------------------+--------------+------------------+\n" +
				"| Lesion | Repair             | Defect       | Secondary defect |\n" +
				"+--------+--------------------+--------------+------------------+\n" +
				"| A      | transposition flap | 1.5 x 1.3 cm | 2.2 sq cm        |\n" +
				"| B      | second intention   | 2.0 x 1.7 cm |                  |\n" +
				"+--------+--------------------+--------------+------------------+\n" +
				"A: flap from the L nasal sidewall, inset with 5-0 Monocryl and 6-0 fast gut.\n",
			repairs, "A:1 B:1"},
	})
}

// TestStainOfEveryLesion: a sentence above the lesions that stains every
// block of every stage at every site ("CK7 immunostaining was performed on
// every block of every stage at both sites") gives the stain to every
// stage of every lesion (CODING-RULES §5: a stain's units are its blocks).
func TestStainOfEveryLesion(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§5 a stain of every stage at both sites",
			"DATE OF SERVICE: 11/18/2026\n\nPROCEDURE: I read all of the frozen sections myself. CK7 immunostaining was performed on every block of every stage at both sites, to highlight Paget cells at the margins.\n\n" +
				"Lesion 1: left vulva, extramammary Paget disease.\nStage 1: 6 blocks, positive. Stage 2: 3 blocks, clear.\n\nLesion 2: left inguinal crease, extramammary Paget disease.\nStage 1: 3 blocks, clear.\n",
			stageStains, "1:CK7[],CK7[] 2:CK7[]"},
	})
}

// TestCodeListNoStage: a code list the EHR generated at the end of a note
// ("17313 Mohs 1st stage trunk/arms/legs .......... 1", "17311 x1; 17312
// x1") documents nothing: its words open no stage (CODING-RULES preamble:
// lines are derived from what the note documents, never copied).
func TestCodeListNoStage(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 a generated code list",
			"DOS: 12/02/2026\nSite: right posterior upper arm\nSTAGE DETAIL\n[stage detail not entered]\n\nPROCEDURE CODES (template)\n17311 Mohs 1st stage H/N/H/F/G ............... 1\n17313 Mohs 1st stage trunk/arms/legs .......... 1\n12032 Intermediate repair arm 2.6-7.5 cm ...... 1\n",
			stagesAndMargins, "right posterior upper arm"},
		{"§1 a code list set in columns",
			"DOS: 12/02/2026\n\nThe lesion was located on the right dorsal foot.\nMohs stage 1 consisted of 3 sections. Margins: negative.\n\nCharges:\n17311  Mohs surgery, head/neck/hands/feet/genitalia, 1st stage  x2\n17312  Mohs surgery, each additional stage  x1\n",
			stagesAndMargins, "right dorsal foot 3-"},
		{"§1 a typed code list",
			"DOS: 12/02/2026\nSite: left lateral neck\n\nProcedure codes (auto-generated):\n17311 x1; 17312 x1; 12042 x1; 88342-59 x1\n",
			stagesAndMargins, "left lateral neck"},
	})
}

// TestBiopsySectionSentences: under a biopsy's label an EHR writes its kind
// as the procedure ("Procedure: punch biopsy (3 mm).") and its site as a
// sentence ("The lesion biopsied was located on the left posterior upper
// arm."): both are the biopsy's, which is then coded (CODING-RULES §4).
func TestBiopsySectionSentences(t *testing.T) {
	biopsy := func(n *model.Note) string {
		if len(n.Biopsies) == 0 {
			return "no biopsy"
		}
		b := n.Biopsies[0]
		return b.Type.Value + " | " + b.Site.Text.Value
	}
	runProseCases(t, []proseCase{
		{"§4 the procedure names the kind, a sentence the site",
			"DOS: 10/01/2026\nSite: right nasolabial fold\nStage 1: 2 blocks, clear\n\nBiopsy #1\nProcedure: punch biopsy (3 mm).\nThe lesion biopsied was located on the left posterior upper arm.\nClinical impression: rule out squamous cell carcinoma in situ.\n",
			biopsy, "punch biopsy (3 mm). | left posterior upper arm"},
	})
}

// TestDiagnosisCodesAreNoDiagnosis: a diagnosis field that lists codes and
// nothing else ("Dx: C44.329, C44.719, D48.5" under the EHR's suggested
// codes) documents no diagnosis: it is no impression of the biopsy open
// above it, whose own uncertain impression stands (CODING-RULES §9: an
// uncertain impression is not coded; the preamble: codes listed are no
// evidence).
func TestDiagnosisCodesAreNoDiagnosis(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§9 a diagnosis field of codes alone",
			"DOS: 10/19/2026\nSite: right forehead\nStage 1: 2 blocks, clear\n\nBiopsy 1: Punch biopsy, left upper arm\n  Clinical impression: r/o squamous cell carcinoma vs hypertrophic actinic keratosis\n\nCODES SUGGESTED BY SYSTEM\n11104-XS x1 - Punch biopsy, single lesion\nDx: C44.329, D48.5\n",
			func(n *model.Note) string { return n.Biopsies[0].Diagnosis.Value }, "r/o squamous cell carcinoma vs hypertrophic actinic keratosis"},
		{"§9 an assessment's coded restatement naming its lesion after the code",
			"DOS: 05/12/2026\nSlides read by: the Mohs surgeon\n\nLesion #1 (A)\nLocation: Right nasal sidewall\nStage 1: 2 blocks, clear\n\nLesion #2 (B)\nLocation: Left dorsal forearm\nStage 1: 3 blocks, clear\n\n" +
				"Assessment:\n1. Basal cell carcinoma of skin of nose (C44.311) - Lesion A\n2. Squamous cell carcinoma of skin of left upper limb (C44.629) - Lesion B\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Ambiguous.Present(), n.Lesions[1].Ambiguous.Present())
			}, "false false"},
	})
}

// TestStainUnderStageSentence: an EHR that writes each stage as a
// generated sentence puts the stage's stains under it ("Stage 1 consisted
// of 4 section(s). …" over "Special stain(s): mucicarmine (blocks 1-2) …")
// or after it on its line ("… Special stain: Ber-EP4 (block 2) to …"): the
// stains are that stage's, not every stage's (CODING-RULES §5: a stain's
// units are the blocks it ran on).
func TestStainUnderStageSentence(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§5 a stain field under the stage's sentence",
			"DOS: 11/10/2026\nSite: left groin\nStage 1 consisted of 4 section(s). Margin status: positive.\nSpecial stain(s): mucicarmine (blocks 1-2) to confirm mucin\nStage 2 consisted of 2 section(s). Margin status: negative.\n",
			stageStains, "1:mucicarmine[1 2],"},
		{"§5 a stain key inside the stage's sentence",
			"DOS: 11/10/2026\nThe lesion was located on the left nasal tip.\nMohs stage 1 consisted of 4 sections. Margins: positive at 1 o clock. Histology: infiltrative basal cell carcinoma in the reticular dermis; no perineural invasion. Special stain: Ber-EP4 (block 2) to distinguish basal cell carcinoma from follicular epithelium.\nMohs stage 2 consisted of 2 sections. Margins: negative.\n",
			stageStains, "1:Ber-EP4[2],"},
	})
}

// TestLesionRowsWithoutHeader: a case log lists the day's tumors as rows
// with no header under a heading ("SITES TREATED TODAY" over "A  R nasal
// sidewall  SCC, …  shave bx …  1.0 x 0.8 cm"): each row is a lesion with
// its site, and the timeline's "A (sidewall): Stage 1 excised, 2 blocks."
// is its stage (CODING-RULES §2: each lesion coded on its own); a
// repair's key that names its class ("Complex repair: wide undermining …,
// layered closure") keeps the class.
func TestLesionRowsWithoutHeader(t *testing.T) {
	src := "Date of service: 11/23/2026\n\nSITES TREATED TODAY (all biopsy-proven)\n" +
		"  A  R nasal sidewall   SCC, moderately diff.   shave bx 11/02/2026 (LRD26-39904)   1.0 x 0.8 cm\n" +
		"  B  L upper back       BCC, nodular            shave bx 11/02/2026 (LRD26-39905)   0.9 x 0.7 cm\n\n" +
		"INDICATION FOR MOHS\n  A  nose (H-zone); moderately differentiated invasive SCC\n  B  recurrent after 5-FU; poorly defined borders\n\n" +
		"CASE TIMELINE\n08:00  A (sidewall): Stage 1 excised, 2 blocks. To lab.\n08:12  B (back): Stage 1 excised, 3 blocks. To lab.\n" +
		"09:00  A stage 1 read: clear. A CLEAR.\n09:15  B stage 1 read: clear. B CLEAR.\n\nREPAIRS (after tumor clearance at both sites)\n" +
		"  A  R nasal sidewall: final defect 1.5 x 1.2 cm. Intermediate layered repair, 2.0 cm.\n" +
		"  B  L upper back: final defect 3.4 x 2.9 cm. Complex repair: wide undermining, retention sutures, layered closure. Repair length 9.4 cm.\n"
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out = append(out, les.Label+":"+strings.TrimSpace(r.Type.Value+" "+r.Value.Value))
			}
		}
		return strings.Join(out, " | ")
	}
	runProseCases(t, []proseCase{
		{"§2 each row a lesion, each timeline entry its stage", src, stagesAndMargins, "R nasal sidewall 2-; L upper back 3-"},
		{"§1 a heading naming a field over each lesion's value", src, func(n *model.Note) string {
			return n.Lesions[0].Indication.Value + " | " + n.Lesions[1].Indication.Value
		}, "nose (H-zone); moderately differentiated invasive SCC | recurrent after 5-FU; poorly defined borders"},
		{"§3 the class a repair's key names", src, repairs,
			"A:Intermediate layered repair, 2.0 cm | B:Complex repair: wide undermining, retention sutures, layered closure"},
	})
}

// TestHashedSiteThenDictation: a dictation that heads each tumor's
// paragraph with its number and site ("#1 LEFT CHIN: The first stage was
// divided into four blocks …") opens the lesion at that site and reads the
// rest of the line as its dictation (CODING-RULES §1, §2).
func TestHashedSiteThenDictation(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§2 '#1 LEFT CHIN:' then the tumor's stages",
			"DOS: 12/04/2026\n\n#1 LEFT CHIN: The first stage was divided into four blocks and tumor remained at the deep margin. The second stage, one block, was clear.\n\n#2 RIGHT CONCHAL BOWL: The first stage was divided into two blocks and both blocks were clear.\n",
			stagesAndMargins, "LEFT CHIN 4+ 1-; RIGHT CONCHAL BOWL 2-"},
	})
}

// TestCountOfSomeLabelledLesions: "here for Mohs of two biopsy-proven
// tumors" above three labelled lesions, the third biopsied and treated the
// same day, counts some of them: each label opens its lesion and none is
// ambiguous (a count above the lesions opened stays ambiguous, CODING-RULES
// §1: no stage is guessed).
func TestCountOfSomeLabelledLesions(t *testing.T) {
	ambiguous := func(n *model.Note) string {
		return fmt.Sprint(len(n.Lesions), " ", slices.ContainsFunc(n.Lesions, func(les model.Lesion) bool { return les.Ambiguous.Present() }))
	}
	lesion := func(n int, site string) string {
		return fmt.Sprintf("Lesion %d of 3: %s\nDiagnosis: basal cell carcinoma\nStage 1:\n  Blocks: 2\n  Margins: clear\n\n", n, site)
	}
	runProseCases(t, []proseCase{
		{"§1 a count of some of the labelled lesions",
			"DOS: 11/02/2026\n\nHistory of present illness: here today for Mohs of two biopsy-proven tumors. At check-in she pointed out a new papule on the R cheek; it was biopsied today with a frozen section and treated with Mohs the same day (see lesion 3).\n\n" +
				lesion(1, "Left nasal sidewall") + lesion(2, "Right helix") + lesion(3, "Right cheek"),
			ambiguous, "3 false"},
		{"§1 a count above the lesions opened",
			"DOS: 11/02/2026\n\nHistory of present illness: here today for Mohs of three biopsy-proven tumors.\n\n" +
				lesion(1, "Left nasal sidewall") + lesion(2, "Right helix"),
			ambiguous, "2 true"},
	})
}

// stageStains outlines each lesion's stains by stage: "1:CK7[],CK7[]
// 2:CK7[]", a stain's blocks in brackets (none: every block of its stage).
func stageStains(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		var stages []string
		for _, st := range les.Stages {
			var names []string
			for _, x := range st.Stains {
				names = append(names, fmt.Sprint(x.Name, x.Blocks))
			}
			stages = append(stages, strings.Join(names, "+"))
		}
		out = append(out, les.Label+":"+strings.Join(stages, ","))
	}
	return strings.Join(out, " ")
}

// TestGeneratedStageSentences: an EHR that builds its notes from picks
// writes each stage as a sentence with its margin key after it ("Stage 1
// consisted of 3 section(s). Margin status: positive.") and ends with the
// codes it suggests ("DX: C44.41"): the margins are the stages' (a last
// stage positive would be a finding), and a diagnosis of codes alone is no
// diagnosis the note states, so the sentence's tumor is coded (CODING-RULES
// §1, §9).
func TestGeneratedStageSentences(t *testing.T) {
	src := "DOS: 09/09/2026\n\nTUMOR 1 of 1\nThe patient presented with a(n) basal cell carcinoma, infiltrative type of the left parietal scalp.\n" +
		"Stage 1 consisted of 3 section(s). Margin status: positive at 2 o'clock (section 3).\nStage 2 consisted of 1 section(s). Margin status: negative.\n\n" +
		"PROCEDURE CODES (template)\n17311 Mohs 1st stage H/N/H/F/G ............... 1\nDX: C44.41\n"
	runProseCases(t, []proseCase{
		{"§1 each stage's margin after its sentence", src, stagesAndMargins, "infiltrative type of the left parietal scalp 3+ 1-"},
		{"§9 codes alone are no diagnosis", src, func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value }, "basal cell carcinoma"},
	})
}
