package lower_test

import (
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestStainReasonWhereverStated: a special stain's reason stated apart
// from the stain's own words — a line after the log naming the stain and
// its block before a colon, a log's comment cell, a sentence of the
// procedure paragraph, a sentence of "both stages" over a log of two —
// is the stain's reason (CODING-RULES §5: stain-indication-missing only
// when no reason is stated). A reason of another stain is not.
func TestStainReasonWhereverStated(t *testing.T) {
	const head = "Date: 05/13/2026\nSite: right nasal sidewall\nDiagnosis: squamous cell carcinoma (bx 04/24/2026)\n\n"
	const rows = "Stage  Block  Margin  Stain               Note\nI      A      +       H&E                 deep\nII     A      -       H&E, AE1/AE3        dense inflammation at base\n\n"
	reasons := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			for _, st := range les.Stages {
				for _, s := range st.Stains {
					if s.Name == "H&E" {
						continue
					}
					out += s.Name + "="
					if s.Reason != "" {
						out += "y;"
					} else {
						out += "n;"
					}
				}
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§5 two reason lines after the log, one a stain: each stain its own",
			head + "Stage  Block  Margin  Stain               Note\nI      A      +       H&E, CD10           deep\nI      B      +       H&E, CD10, S-100    deep\nII     A      -       H&E\n\n" +
				"CD10 on blocks I-A and I-B: to separate residual AFX spindle cells from scar fibroblasts.\nS-100 on block I-B: to exclude a spindle-cell melanoma.\n",
			reasons, "CD10=y;S-100=y;"},
		{"§5 reason line after the log: 'AE1/AE3 on block II-A: to exclude …'",
			head + rows + "AE1/AE3 on block II-A: to exclude single infiltrating tumor cells within dense inflammation.\n",
			reasons, "AE1/AE3=y;"},
		{"§5 no reason line: the finding stands",
			head + rows + "Final defect: 1.2 x 1.0 cm\n",
			reasons, "AE1/AE3=n;"},
		{"§5 a line naming another stain gives AE1/AE3 no reason",
			head + rows + "MART-1 on block II-A: to assess melanocytes.\n",
			reasons, "AE1/AE3=n;"},
		{"§5 comment cell opening with a purpose: '| to highlight single spindled tumor cells'",
			head + "Stage  Block  Margin  Stain              Note\nI      1      +       H&E                deep margin\nII     1      -       H&E, AE1/AE3       to highlight single spindled tumor cells in inflamed dermis\n",
			reasons, "AE1/AE3=y;"},
		{"§5 reason in the procedure paragraph: 'CK7 immunostaining was performed on every block of both stages to highlight …'",
			head + "Each stage was mapped. CK7 immunostaining was performed on every block of both stages to highlight single Paget cells.\n\nStage 1: 6 blocks; blocks 2 and 5 positive; stain: H&E, CK7\nStage 2: 3 blocks; clear; stain: H&E, CK7\n",
			reasons, "CK7=y;CK7=y;"},
		{"§5 'on every block of both stages, to assess …' over a log of two stages gives each stage the stain and its reason",
			head + "Stage | Blocks | Margins | Stains\n1 | 5 | block 2 positive | H&E\n2 | 2 | clear | H&E\n\nMART-1 on every block of both stages, to assess melanocyte density at the margins.\n",
			reasons, "MART-1=y;MART-1=y;"},
		{"§5 'cd34 on both blocks, same reason' is the reason given before, no stain named 'same reason'",
			head + "stage 1: 2 blocks; block 1 positive (deep); cd34 on all 2 blocks to separate dfsp spindle cells from fibroblasts\nstage 2: 2 blocks; clear; cd34 on both blocks, same reason\n",
			reasons, "cd34=y;cd34=y;"},
		{"§5 a stain said not performed is no stain: 'stains: H&E; MART-1 not performed'",
			head + "Stage 1: 2 blocks; margins: clear; stains: H&E; MART-1 not performed\n",
			reasons, ""},
		{"§5 'Special stains: MART-1 deferred' is no stain",
			head + "Stage 1: 2 blocks; margins: clear\nSpecial stains: MART-1 deferred\n",
			reasons, ""},
		{"§5 a parenthesis that says 'considered necessary' is still a stain run",
			head + "Stage 1: 2 blocks; margins: clear; stains: H&E, MART-1 (considered necessary)\n",
			reasons, "MART-1=n;"},
		{"§5 'plus CK7 on block 1 only, because …'",
			head + "First stage: four blocks, H&E only. Tumor at the deep margin of block 1.\n\nSecond stage: two blocks, with AE1/AE3 on both blocks to highlight strands, plus CK7 on block 1 only, because a small cluster of ambiguous cells needed a second marker. Both blocks were clear.\n",
			reasons, "AE1/AE3=y;CK7=y;"},
	})
}

// TestDateBeforeOtherHeaderParts: a date of service followed by other
// header parts after a semicolon ("dos: 06/11/2026; pos 11; surgeon: …")
// is the date (CODING-RULES §10: date-missing only when no date is
// documented); a value that is no date stays a positioned error.
func TestDateBeforeOtherHeaderParts(t *testing.T) {
	date := func(n *model.Note) string { return n.Encounter.Date.Value }
	runProseCases(t, []proseCase{
		{"§10 date: 'dos: 06/11/2026; pos 11; surgeon: …'", "dos: 06/11/2026; pos 11; surgeon: jonah feldspar-okoro md\nsite: left lower abdomen\n", date, "2026-06-11"},
		{"§10 date: 'dos: pending; pos 11' is no date", "dos: pending; pos 11\nsite: left lower abdomen\n", date, ""},
	})
}

// TestListedBiopsiesOfOtherLesions: terse list items of biopsies of other
// lesions, the site right after "bx" and each item in lower case after its
// marker ("(a) shave bx R upper back, pink papule - r/o BCC" / "(b) shave
// bx L chest, …"), are one biopsy each at its own site (CODING-RULES §4:
// 11102 then 11103), never one biopsy of both lines.
func TestListedBiopsiesOfOtherLesions(t *testing.T) {
	const head = "DOS: 12/1/26\nSite: L nasal dorsum\nDx: nod BCC (bx 11/05/26, shave)\nS1 3 blks, +blk3 deep.\nS2 1 blk, clr.\n\n"
	sites := func(n *model.Note) string {
		out := ""
		for _, b := range n.Biopsies {
			out += b.Site.Text.Value + ";"
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§4 two lettered items under 'Also today, shave bx x2 for permanents:'",
			head + "Also today, shave bx x2 for permanents (sent to dermpath):\n (a) shave bx R upper back, pink papule - r/o BCC\n (b) shave bx L chest, scaly papule - SCC vs ISK\n",
			sites, "R upper back;L chest;"},
		{"§4 one item: one biopsy",
			head + "Also today:\n - shave bx R upper back, pink papule - r/o BCC\n",
			sites, "R upper back;"},
	})
}

// TestTranscribedReportForms: forms of transcribed one-tumour reports —
// "We also biopsied two further lesions today" counts biopsies of other
// lesions, not today's tumors (CODING-RULES §2: the one Mohs lesion keeps
// its lines); a "Wound management:" heading over dictated sentences holds
// the repair (§3); a numbered paragraph "2. Indication. Recurrent tumor, …"
// is the indication (§10: indication-missing otherwise).
func TestTranscribedReportForms(t *testing.T) {
	const tumor = "Date: 12/02/2026\n\nMohs surgery of a nodular basal cell carcinoma of the left lower abdomen, confirmed on shave biopsy dated 26 October 2026. Stage I was divided into four blocks; a map was drawn. Tumor reached the peripheral margin of block 4. Stage II comprised two blocks; no residual tumour was seen.\n\n"
	ambiguous := eachLesion(func(les model.Lesion) bool { return les.Ambiguous.Present() })
	repaired := eachLesion(func(les model.Lesion) bool { return len(les.Repairs) == 1 })
	indicated := eachLesion(func(les model.Lesion) bool { return les.Indication.Present() })
	runProseCases(t, []proseCase{
		{"§2 'We also biopsied two further lesions today.' opens no tumor",
			tumor + "Other procedures: We also biopsied two further lesions today. A 4 mm punch biopsy was taken from a pigmented papule on the right upper back, to rule out melanoma.\n",
			ambiguous, "n"},
		{"§2 'Two tumors were treated today' beside one lesion still makes it ambiguous",
			tumor + "Two tumors were treated today.\n",
			ambiguous, "y"},
		{"§3 'Wound management:' over dictated sentences holds the repair",
			tumor + "Wound management: The final defect measured 3.2 x 2.8 cm. Following clearance, we repaired the defect with an advancement flap from the lateral cheek. The secondary defect measured 9.0 sq cm.\n",
			repaired, "y"},
		{"§3 'Wound management: routine' is no repair",
			tumor + "Wound management: routine\n",
			repaired, "n"},
		{"§10 '2. Indication. Recurrent tumor, diameter over 2 cm, ill-defined borders.'",
			tumor + "2. Indication. Recurrent tumor, diameter over 2 cm, ill-defined borders in sun-damaged skin.\n",
			indicated, "y"},
		{"§10 '2. History. …' is no indication",
			tumor + "2. History. The tumor was treated with curettage in 2025.\n",
			indicated, "n"},
	})
}

// TestPostponedLesionIsNotToday: a second lesion the prose says was
// postponed ("A second biopsy-proven lesion, on the right helix, had also
// been scheduled for today; at her request it was postponed, and it was not
// treated today") is no tumor of today's lesion (CODING-RULES §2: the one
// lesion treated keeps its lines, no lesion-ambiguous).
func TestPostponedLesionIsNotToday(t *testing.T) {
	const head = "Date: 11/24/2026\n\nThis woman has a biopsy-proven squamous cell carcinoma of the left forehead measuring 1.4 x 1.1 cm. "
	const stages = "\n\nA Mohs map was drawn. Stage 1 was divided into three blocks; tumor reached the peripheral margin of block 1. Stage 2, one block, showed no residual tumor.\n"
	ambiguous := eachLesion(func(les model.Lesion) bool { return les.Ambiguous.Present() })
	runProseCases(t, []proseCase{
		{"§2 postponed: 'at her request it was postponed, and it was not treated today'",
			head + "A second biopsy-proven lesion, on the right helix, had also been scheduled for today; at her request it was postponed, and it was not treated today." + stages,
			ambiguous, "n"},
		{"§2 a second tumor treated today still makes the lesion ambiguous",
			head + "A second biopsy-proven tumor, on the right helix, was also excised in stages today." + stages,
			ambiguous, "y"},
	})
}
