package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/model"
)

// stagesAndMargins outlines a note's lesions: site, then each stage's
// blocks and margin ("+" positive, "-" clear, "?" none read).
func stagesAndMargins(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		s := les.Site.Text.Value
		for _, st := range les.Stages {
			mark := "?"
			for _, m := range st.Margins {
				mark = "-"
				if m.Positive {
					mark = "+"
					break
				}
			}
			s += fmt.Sprintf(" %d%s", st.Blocks.N, mark)
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// TestTerseSurgeonNotes: a busy surgeon's note states the site before its
// tumor ("L nasal ala BCC, nodular (shave bx …)") and each stage as a key
// and a count without a colon ("S1 3 blks, +deep blk2.", "St 1: 2 blks,
// neg.", "S2 1 blk clear."): the site gives the Mohs class (CODING-RULES
// §1), the stages their units, and a plus before a margin or a status
// after the count is the stage's margin (a last stage positive would be a
// finding, a stage after a clear one another).
func TestTerseSurgeonNotes(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 site before its tumor; stages without colons",
			"DOS: 3/12/2026\n\nL nasal ala BCC, nodular (shave bx 2/18/26). Mohs for nasal location.\nS1 3 blks, +deep blk2. Nodular BCC mid dermis, no PNI.\nS2 1 blk clear.\n",
			stagesAndMargins, "L nasal ala 3+ 1-"},
		{"§1 'St 1:' is a stage key",
			"DOS: 1/22/2026\n\nR earlobe BCC, bx proven 12/30/25.\nSt 1: 2 blks, neg. Superficial BCC, pap dermis, no PNI.\n",
			stagesAndMargins, "R earlobe 2-"},
		{"§1 a site alone before an abbreviated tumor in situ",
			"DOS: 3/9/26\n\nVertex scalp SCCis (bx 2/16/26).\nS1 2 blks, clear.\n",
			stagesAndMargins, "Vertex scalp 2-"},
		{"§1 a stage sentence stays prose: 'Stage 1 was divided into 3 blocks'",
			"DOS: 3/12/2026\nSite: left cheek\n\nStage 1 was divided into 3 blocks; block 2 was positive at the deep margin. Stage 2 1 blk clear.\n",
			stagesAndMargins, "left cheek 3+ 1-"},
		{"§1 stages keyed by roman numerals alone, two on a line: 'I: 3 blx +3:00, II: 1 blk clear'",
			"DOS: 11/02/2026\n\nMMS L nasal ala BCC, nodular. Bx proven - shave 10/12/26.\nI: 3 blx +3:00, II: 1 blk clear\nHisto (I): nodular BCC in mid dermis at 3:00 (blk 2), no PNI. Blks 1, 3 neg.\n",
			stagesAndMargins, "MMS L nasal ala 3+ 1-"},
		{"§1 a roman numeral key a line, the histology of stage I between",
			"DOS: 11/02/2026\n\nL nasal sidewall BCC, nodular (shave bx 11/09/26).\nI: 3 blx, blk 3 + deep; blks 1-2 neg.\nHisto (I): nodular BCC, deep dermis at blk 3, no PNI.\nII: 1 blk, clear.\n",
			stagesAndMargins, "L nasal sidewall 3+ 1-"},
		{"§1 a roman numeral without a count of blocks is no stage",
			"DOS: 11/02/2026\nSite: left cheek\nStage 1: 2 blocks, clear\nII: see the attached log\n",
			stagesAndMargins, "left cheek 2-"},
		{"§1 a count's remark that places the stage is no margin: 'two blocks at the lateral margin'",
			"DOS: 3/12/2026\nSite: left cheek\nStage 1: 2 blocks; block 1 positive (lateral)\nStage 2: two blocks at the lateral margin. Both blocks were clear.\n",
			stagesAndMargins, "left cheek 2+ 2-"},
	})
}

// TestStageKeyBeforeItsStage: "Stage 1 histology: …" in a narrative, then
// "Stage 1: 3 blocks; clear", is one stage (CODING-RULES §1: 17311 alone;
// the two had been counted as listed, a wrong 17312).
func TestStageKeyBeforeItsStage(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 one stage 1",
			"Date of service: 06/16/2026\nSite: right nasal sidewall\n\nNarrative: The tumor was debulked and excised with a narrow margin for frozen sections. Stage 1 histology: nodular BCC in the mid dermis, no perineural invasion.\n\nStage 1: 3 blocks; clear\n",
			stagesAndMargins, "right nasal sidewall 3-"},
	})
}

// TestRepairTechniqueSentence: after a lesion's "Bilobed transposition
// flap. Primary defect …; secondary defect 1.5 sq cm.", the sentence
// "Undermined in the submuscular plane, flap transposed, inset with 5-0
// Monocryl" tells how that flap was done: one flap (CODING-RULES §3; a
// second 14060 had been coded).
func TestRepairTechniqueSentence(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§3 one flap",
			"Date of service: 05/20/2026\n\nLesion 1\nSite: left nasal ala\nStage 1: 2 blocks; clear\n\nLesion 2\nSite: upper back\nStage 1: 3 blocks; clear\n\nRECONSTRUCTION (after tumor clearance)\n" +
				"Lesion 1 (left nasal ala): Bilobed transposition flap. Primary defect 1.1 x 0.9 cm; secondary defect 1.5 sq cm. Undermined in the submuscular plane, flap transposed, inset with 5-0 Monocryl and 6-0 Prolene.\n" +
				"Lesion 2 (upper back): Second intention healing.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "1"},
	})
}

// TestBiopsyToldTwice: "Also shave bx of a new lesion on the back." in the
// opening line and "Biopsy 1: tangential (shave) biopsy, left upper back"
// below are one biopsy (CODING-RULES §4: one 11102; an 11103 for a second
// had been coded); a biopsy of another site stays a biopsy of its own.
func TestBiopsyToldTwice(t *testing.T) {
	const body = "Date of service: 06/11/2026\nSite: left nasal dorsum\nStage 1: 2 blocks; clear\n\nBiopsy 1: tangential (shave) biopsy, left upper back\n  Clinical impression: rule out superficial BCC\n"
	biopsies := func(n *model.Note) string { return fmt.Sprint(len(n.Biopsies)) }
	runProseCases(t, []proseCase{
		{"§4 the back's biopsy told twice", "Patient here today for Mohs surgery. Also shave bx of a new lesion on the back.\n" + body, biopsies, "1"},
		{"§4 a biopsy of another site", "Patient here today for Mohs surgery. Also shave bx of a new lesion on the right shin.\n" + body, biopsies, "2"},
	})
}

// TestTerseTicksAndTimesSigns: a terse note counts a stage's blocks with a
// times sign ("S1 x3 blks +"), ticks a key instead of writing "yes" ("Map
// drawn ✓", "Map drawn ✓  Slides read by me ✓" — the author, who operated,
// read the slides), abbreviates its histology ("infiltr. BCC deep dermis",
// no stain), writes it after a dash ("neg - sup BCC papillary dermis", no
// block labelled "neg") and names the stage an immunostain was run on ("IHC: MART-1 on
// S2"). CODING-RULES §1: 17312 for each stage beyond the first; §5: 88342 a
// block of the stage the stain was run on; §10: map-missing,
// pathology-undocumented and stain-unknown fire only when the note does not
// say.
func TestTerseTicksAndTimesSigns(t *testing.T) {
	head := "DOS: 11/18/2026\nInsurance: Medicare\nSite: crown of scalp\nDx: BCC nod-infiltr. (bx 10/26/26, shave)\nInd: scalp, recurrent\nSize: 1.4 x 1.2 cm\n"
	cases := []struct {
		name, body string
		lines      []string
		absent     []string
	}{
		{"a key ticked on its own line over indented stages counted with a times sign",
			"Pathology: read by surgeon\nMap drawn ✓\n S1 x3 blks + (blk 2 deep); infiltr. BCC deep dermis, no PNI\n S2 x2 blks + (blk 1 deep)\n S3 x1 blk, neg\nClosure: 2nd intention after clearance\n",
			[]string{"17311×1[]", "17312×2[]"}, []string{"map-missing", "stain-unknown", "blocks-missing", "stage-numbering"}},
		{"two ticked keys on one line, the second with its value",
			"Map drawn ✓  Slides read by me ✓\nS1 x2 blks, neg\n",
			[]string{"17311×1[]"}, []string{"map-missing", "pathology-undocumented", "value-invalid"}},
		{"a stage's status then its histology after a dash: 'neg - sup BCC papillary dermis' is no block 'neg'",
			"Map drawn ✓  Slides read by me ✓\nStg 1: 2 blks, neg - sup BCC papillary dermis\n",
			[]string{"17311×1[]"}, []string{"histology-missing", "margins-missing"}},
		{"an immunostain named by the stage it was run on",
			"Map drawn ✓  Slides read by me ✓\nI: 3 blks; pos blk 2 @ 4:00 - atypical junctional melanocytes\nII: 2 blks, neg\nIHC: MART-1 on S2 - melanocyte density\n",
			[]string{"17311×1[]", "17312×1[]", "88342×2[59]"}, []string{"value-invalid", "stain-indication-missing"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lines, rules := codedNote(t, head+tc.body)
			assert.Equal(t, tc.lines, lines)
			for _, r := range tc.absent {
				assert.NotContains(t, rules, r)
			}
		})
	}
}

// TestTerseLinesAreNotWrapped: a terse log of three sites whose longest lines happen to
// end near one column is not a paragraph wrapped to a width unless the
// line after each would not have fitted on it: " S2 x2 blks, neg" under a
// stage line is the next stage, not more of its histology (CODING-RULES
// §1: 17314 for the second stage; it had been lost, and the first stage
// left positive: final-stage-positive).
func TestTerseLinesAreNotWrapped(t *testing.T) {
	note := "Date of service: 11/03/2026\nInsurance: Medicare Part B\nPathology: frozen sections read by surgeon (IMA)\nMMS x3 sites today. Map drawn for each site ✓\n\n" +
		"Site 1 – R temple\n Dx: BCC nod (bx 10/08/26, shave)\n Ind: H-zone, recurrent after ED&C\n Size: 1.2 x 1.0 cm\n" +
		" S1 x3 blks + (blk 2 deep); nod BCC in deep dermis, no PNI\n S2 x1 blk, neg\n Defect 1.8 x 1.5 cm. Layered closure 2.2cm after clearance.\n\n" +
		"Site 2 – L cheek\n Dx: SCCis (bx 10/08/26, shave)\n Ind: face, ill-defined borders\n Size: 0.9 x 0.8 cm\n" +
		" S1 x2 blks, neg; SCCis w/ follicular extension, no invasion\n Defect 1.2 x 1.0 cm. Layered closure 1.9cm after clearance.\n\n" +
		"Site 3 – R upper back\n Dx: BCC sup (bx 10/08/26, punch)\n Ind: recurrent, ill-defined\n Size: 1.6 x 1.3 cm\n" +
		" S1 x4 blks + @ 9:00 (blk 4); sup multifocal BCC, papillary dermis\n S2 x2 blks, neg\n Defect 2.6 x 2.1 cm. Layered closure 5.0cm after clearance.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12032×1[]", "12052×1[]", "17311×1[XS]", "17311×1[]", "17312×1[]", "17313×1[XS]", "17314×1[XS]"}, lines)
	assert.NotContains(t, rules, "final-stage-positive")
}

// TestTodaysBiopsyElsewhere: a biopsy done today at another sided site
// than the Mohs tumor it is written under ("Also today: shave bx R dorsal
// forearm, 6 mm keratotic papule - r/o SCC vs HAK" below the right
// preauricular tumor) is another lesion's: billed as such with XS under
// Medicare and its uncertain impression pending (CODING-RULES §4, §8), not
// the tumor's own biopsy (biopsy-not-billable). One written as a region
// without a side ("a shave biopsy of the hand") may be the tumor's.
func TestTodaysBiopsyElsewhere(t *testing.T) {
	head := "Date of service: 11/13/2026\nInsurance: Medicare Part B\nPathology: all frozen sections read by surgeon (IMA)\nMap drawn ✓\n\n" +
		"Tumor 1: R preauricular\n Dx: SCC WD (bx 10/23/26, shave)\n Ind: invasive SCC, face\n Size: 1.1 x 0.9 cm\n S1 x3 blks, neg; WD SCC mid-dermis, no PNI\n" +
		" Defect 1.7 x 1.4 cm. Complex closure 3.4cm after clearance.\n\n"
	lines, rules := codedNote(t, head+"Also today: shave bx R dorsal forearm, 6 mm keratotic papule - r/o SCC vs HAK. Sent for permanents.\n")
	assert.Equal(t, []string{"11102×1[XS]", "13132×1[]", "17311×1[]"}, lines)
	assert.Contains(t, rules, "diagnosis-pending-pathology")
	assert.NotContains(t, rules, "biopsy-not-billable")
}

// TestBiopsyImpressionAfterItsSite: a labelled biopsy line gives its
// clinical impression after its site and a dash ("Biopsy 1: punch biopsy
// (4 mm), L shin - ?SCC vs KA", "… R upper back - r/o BCC", "…; impression
// r/o SCC vs ISK; FS: no"): an impression
// in doubt gets no diagnosis code until pathology (CODING-RULES §4:
// diagnosis-pending-pathology).
func TestBiopsyImpressionAfterItsSite(t *testing.T) {
	note := "DOS: 12/03/2026\nInsurance: Medicare\nSlides read by: Mohs surgeon\nSite: L nasal tip\nDx: BCC nod, bx-proven 11/13/26 (shave)\nInd: nose\nSize: 0.7 x 0.6 cm\nMap: drawn\n" +
		"S1 x2 blks, neg; nod BCC mid dermis\n\nOther bx today (sent for permanents):\n" +
		"Biopsy 1: punch biopsy (4 mm), L shin - ?SCC vs KA\nBiopsy 2: shave biopsy, R upper back - r/o BCC\n" +
		"Biopsy 3: shave bx, R dorsal forearm; impression r/o SCC vs ISK; FS: no\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11103×2[XS]", "11104×1[XS]", "17311×1[]"}, lines)
	n := 0
	for _, r := range rules {
		if r == "diagnosis-pending-pathology" {
			n++
		}
	}
	assert.Equal(t, 3, n, "one diagnosis-pending-pathology a biopsy: %v", rules)
}

// TestPaperFormChoices: a scanned or retyped paper form circles its yes or
// no ("Mohs map:  (Y) / N", "Frozen section:  Y / (N)   - permanent
// sections only") and fills its blanks between underscores ("Stage _1_
// Blocks _6_"): the circled choice is the answer, the filled blank the
// value (CODING-RULES §1: 17315 for the sixth block; §4: no frozen section
// on a biopsy sent for permanents; §10: map-missing only when no map is
// documented, indication-missing when the blank for it is left unfilled;
// totals-mismatch when a filled total disagrees with the stages listed).
func TestPaperFormChoices(t *testing.T) {
	note := "Date of service: 11/03/2026\nInsurance: Medicare\nSlides read by: Mohs surgeon\nSite: Vertex scalp\nDiagnosis: SCC, well differentiated\n" +
		"Prior biopsy:  (Y) / N   - shave 10/04/2026\nIndication: scalp, recurrent\nPre-op size: 2.0 x 1.8 cm\nMohs map:  (Y) / N\n" +
		"Stage _1_   Blocks _6_   Margins: block 4 positive (deep); blocks 1-3, 5, 6 clear\nStage 1 histology: well-differentiated SCC in the deep dermis\n" +
		"Stage _2_   Blocks _2_   Margins: clear\n\nOTHER LESION BIOPSIED TODAY\nBiopsy 1: punch biopsy (4 mm), left dorsal forearm\n" +
		"  Clinical impression: rule out SCC versus hypertrophic actinic keratosis\n  Frozen section:  Y / (N)   - permanent sections only\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"11104×1[XS]", "17311×1[]", "17312×1[]", "17315×1[]"}, lines)
	assert.NotContains(t, rules, "map-missing")
	assert.NotContains(t, rules, "blocks-missing")

	// the form's totals filled in the same way are read, each its own key
	_, rules = codedNote(t, note+"\nTotal stages _3_     Total blocks _8_\n")
	assert.Contains(t, rules, "totals-mismatch", "three stages stated, two listed")
	assert.NotContains(t, rules, "value-invalid")
	_, rules = codedNote(t, note+"\nTotal stages _2_     Total blocks _8_\n")
	assert.NotContains(t, rules, "totals-mismatch")

	// a blank left unfilled states nothing
	_, rules = codedNote(t, strings.Replace(note, "Indication: scalp, recurrent", "Indication: ________________", 1))
	assert.Contains(t, rules, "indication-missing")
	_, rules = codedNote(t, strings.Replace(note, "Indication: scalp, recurrent", "Reason for Mohs: ***", 1))
	assert.Contains(t, rules, "indication-missing")
}

// TestMarginPlaceIsNoStain: an export's dotted stage row "STAGE 1 .........
// 3 BLOCKS ...... POSITIVE - BLOCK 1, ANTERIOR PERIPHERAL" names where the
// positive block is after the comma, no stain (CODING-RULES §5: only a
// named stain is coded, and an unknown one is a finding).
func TestMarginPlaceIsNoStain(t *testing.T) {
	n := mustLower(t, "DOS: 08/10/2026\nSITE: LEFT HELIX\nSTAGE 1 ......... 3 BLOCKS ...... POSITIVE - BLOCK 1, ANTERIOR PERIPHERAL\nSTAGE 2 ......... 2 BLOCKS ...... POSITIVE, DEEP (SECTION 1)\nSTAGE 3 ......... 1 BLOCK ....... NEGATIVE\n")
	assert.Equal(t, "LEFT HELIX 3+ 2+ 1-", stagesAndMargins(n))
	for _, st := range n.Lesions[0].Stages {
		assert.Empty(t, st.Stains, "stage %d", st.Number)
	}
}

// TestHashLesionLineSize: a terse note's numbered lesion line ends with the
// tumour's size ("#1 L nasal dorsum BCC nod 0.9x0.8cm"): the preoperative
// size, and a site without it (CODING-RULES §1, size-missing otherwise).
func TestHashLesionLineSize(t *testing.T) {
	n := mustLower(t, "DOS: 9/28/26\n\n#1 L nasal dorsum BCC nod 0.9x0.8cm\n S1 2 blks; neg\n\n#2 R cheek BCC sup 1.0x0.8cm\n S1 2 blks; neg\n")
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Site.Text.Value, " ", les.Size.Dims))
	}
	assert.Equal(t, []string{"L nasal dorsum BCC nod [0.9 0.8]", "R cheek BCC sup [1 0.8]"}, got)
}

// TestDiagnosisItemIsNoStain: a terse stage line's item that opens with a
// tumour's abbreviation ("S1 3 blks; …; MIS, confluent atypical junctional
// melanocytes, no dermal invasion") is the stage's histology, no stain
// (CODING-RULES §5: an unknown stain is a finding); a stain named with its
// reason stays a stain ("PRAME (blocks 1-2) to separate melanoma in situ
// from …").
func TestDiagnosisItemIsNoStain(t *testing.T) {
	n := mustLower(t, "DOS: 10/06/26\nR forehead MIS 1.4x1.1cm\nS1 3 blks; MART-1 all 3 blks for melanocytic margin assessment; blk 2 pos sup; blks 1,3 neg; MIS, confluent atypical junctional melanocytes, no dermal invasion\n"+
		"S2 2 blks; PRAME (blocks 1-2) to separate melanoma in situ from background hyperplasia; neg; clear\n")
	var got []string
	for _, st := range n.Lesions[0].Stages {
		for _, s := range st.Stains {
			got = append(got, fmt.Sprint(st.Number, ":", s.Name))
		}
	}
	assert.Equal(t, []string{"1:MART-1", "2:PRAME"}, got)
	assert.Contains(t, n.Lesions[0].Stages[0].Histology.Value, "MIS")
}
