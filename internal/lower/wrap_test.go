package lower_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/model"
)

// wrappedOpening is the start of a note whose paragraphs a transcription
// wrapped near 70 columns: four lines reach the width with plain text
// under them, which is how the reader tells a wrapped note (NOTE-FORMAT.md
// §1: a value may go on over the lines after its key).
const wrappedOpening = `OPERATIVE REPORT
Date of service: 11/17/2026
I performed Mohs micrographic surgery on one previously biopsied tumor
today and interpreted all of the frozen sections myself. A Mohs map was
drawn of the tumor and of each stage. The patient tolerated the surgery
well and left the office in good condition after wound care teaching
was completed.
`

// TestWrappedLines: a note hard-wrapped to a width keeps each fact whole
// where a line break falls inside a value, a lesion label's text or a
// sentence (CODING-RULES.md preamble: a fact counts wherever the note
// states it); a note whose lines were not wrapped keeps its lines apart.
func TestWrappedLines(t *testing.T) {
	runNoteCases(t, []noteCase{
		{"a stage field inside the line a wrapped stage value goes on to",
			wrappedOpening + "Site: right medial canthus\nStage 1: 3 blocks, block 1 positive (medial), blocks 2 and 3 clear.\nStage 2: 2 blocks, block 2 positive (deep), block 1 clear. Stage 3: 1\nblock, positive (deep). Stage 4: 1 block, clear. The defect was repaired\nby oculoplastic surgery the same afternoon.\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:2 3:1 4:1"},
		{"a banner under a value ends the value, it does not go on with it",
			wrappedOpening + "Site: right preauricular\nStage 1: 2 blocks, clear\nRepair: rotation flap after tumor clearance\n  Defect: 2.8 x 2.2 cm\n  Secondary defect: 3.9 sq cm\n--- end of log ---\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.AreaSq) }, "3.9"},
		{"a field value broken after a semicolon",
			wrappedOpening + "Site: left cheek\nStage 1: 2 blocks, clear\nRepair: advancement flap (Burow's advancement); defect 2.6 x 2.2 cm;\nsecondary defect 4.0 sq cm\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.AreaSq) }, "4"},
		{"a lesion label's text going on to the next line",
			wrappedOpening + "LESION 1: RIGHT MEDIAL CANTHUS. Basal cell carcinoma, infiltrative\n(biopsy 10/27/2026), 1.1 x 0.9 cm. Mohs was indicated for periocular\nlocation and infiltrative subtype. Stage 1: 2 blocks, both clear.\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(les.Size.Dims, " ", les.PriorBiopsy.Yes)
			}, "[1.1 0.9] true"},
		{"a reader's name broken after the first name",
			"Date of service: 06/03/2026\nSite: right shoulder\nPathology: permanent and frozen sections for this tumor read by Ingrid\nVasquez, MD, dermatopathologist\nStage 1: 3 blocks; margins: clear\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "permanent and frozen sections for this tumor read by Ingrid Vasquez, MD, dermatopathologist"},
		{"a lower-case word and colon that did not fit on the line above is no field",
			wrappedOpening + "Site: nasal tip\nThe first level was divided into four sections, and I interpreted the frozen\nsections: morpheaform basal cell carcinoma reached the margin of section 1.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), " ", slices.Contains(rules(n), "unknown-field"))
			}, "1 false"},
		{"a numbered stage broken after its colon goes on with its result",
			"Site: nasal tip\nProcedure (dictated):\n4. Stage I was excised with a 2 mm margin and divided into four blocks;\nblocks 1 and 3 positive at the deep margin; blocks 2 and 4 clear.\n" +
				"5. Stage II, two blocks from beneath blocks 1 and 3: residual tumor at\nthe deep margin of block 2; block 1 clear.\n6. Stage III, one block from beneath the positive area of stage II:\nclear.\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:4 2:2 3:1"},
		{"a note of short dashed fields is no wrapped note",
			"Date of service - 05/01/2026\nSite - left dorsal hand\nDiagnosis - basal cell carcinoma\nStage 1 - 2 blocks, clear\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + " " + n.Lesions[0].Site.Text.Value }, "2026-05-01 left dorsal hand"},
		{"a template whose long lines were not wrapped keeps its stage lines apart",
			"Encounter Date/Time: 06/30/2026 07:45\nSlide interpretation (both tumors): Ingrid Salazar-Obi, MD, as Mohs surgeon\n" +
				"   Anatomic region: left lateral neck\n   Preop Dx: squamous cell carcinoma, well differentiated (bx 06/02/2026)\n" +
				"   Stage 1 - 3 blocks - block 1 positive (deep) - WD SCC in the mid dermis, no PNI\n   Stage 2 - 2 blocks - clear\n" +
				"   Repair: intermediate layered closure 4.4 cm, after clearance, sutured in two layers\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:2"},
	})
}

// stageSummary lists the first lesion's stages as "number:blocks".
func stageSummary(n *model.Note) string {
	s := ""
	for i, st := range n.Lesions[0].Stages {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%d:%d", st.Number, st.Blocks.N)
	}
	return s
}

// TestPageBreaks: a print-out's page break (a page number, the printed-on
// and confidentiality lines beside it) is not part of the note: a table
// goes on across it, no key takes it for its value, and lesions stay apart.
func TestPageBreaks(t *testing.T) {
	runNoteCases(t, []noteCase{
		{"a log table broken between its header and its rows",
			"Site: left temple\n\n| Stage | Blocks | Margins |\n\n--- Page 1 of 2 ---\nPrinted 12/01/2026 10:14   Confidential patient information\n\n|-------|--------|---------|\n| 1 | 9 | blocks 2,5 positive |\n| 2 | 2 | clear |\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:9 2:2"},
		{"a key whose value stands on the next line, after the break",
			"Site: left temple\nPRE-OP SIZE:\n\nPage 2 of 3\n\n2.6 x 2.1 cm\nStage 1: 2 blocks, clear\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Size.Dims, " ", slices.Contains(rules(n), "value-invalid"))
			}, "[2.6 2.1] false"},
		{"a faxed page break inside a sentence (footer ending 'Page 1 of 2', patient lines, the fax header): the sentence goes on across it",
			"Site: left cheek\n\nThe first stage was divided into four blocks; tumor reached the deep margin of block 2. The second stage\nconsisted of\n\n" +
				"Corriedale Skin Surgery Associates - Operative Report - Page 1 of 2\nRE: Ingram, Theodora M.   DOB: 02/19/1946   Acct: CSA-220471\n" +
				"NOV-04-2026 09:17   FROM: CORRIEDALE SKIN SURG 5550186630   TO: 5550142299   P.003/003\nRE: Ingram, Theodora M.   DOB: 02/19/1946   (continued)\n\n" +
				"two blocks; tumor persisted at the deep margin of block 1. A third stage of one block was free of tumor.\n",
			stageSummary, "1:4 2:2 3:1"},
		{"labelled lesions stay apart across a break",
			"Lesion 1: right upper arm\nStage | Blocks | Margins\n1     | 2      | clear\n\n[Page 1 of 2]\n\n\nRepair: complex repair after clearance, 3.0 cm\n\nLesion 2: left shoulder\nStage | Blocks | Margins\n1     | 3      | clear\n",
			func(n *model.Note) string {
				s := ""
				for _, les := range n.Lesions {
					s += fmt.Sprintf("%s:%d ", les.Label, len(les.Stages))
				}
				return s + fmt.Sprint(slices.Contains(rules(n), "lesion-ambiguous"))
			}, "1:1 2:1 false"},
	})
}

// noteCase is a note, what to read from its model, and what that must be.
type noteCase struct {
	name, src string
	got       func(*model.Note) string
	want      string
}

// runNoteCases lowers each case's note and compares what it reads.
func runNoteCases(t *testing.T, cases []noteCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			require.NotEmpty(t, n.Lesions)
			assert.Equal(t, tc.want, tc.got(n))
		})
	}
}

// TestDoubleSpaced: a double-spaced export (a blank line under every line)
// reads as the note it was, a value or sentence going on across the blank
// line (CODING-RULES.md §1: who read the slides decides whether Mohs is
// billed); a note of paragraphs one blank line apart keeps its paragraphs.
func TestDoubleSpaced(t *testing.T) {
	const scanned = "MOHS SURGERY - PROCEDURE REPORT\n\n\n\n" +
		"Date of service: 10/27/2026\n\nSurgeon: Lorcan Matsuda-Abiodun, MD\n\n" +
		"Frozen section interpretation: all Mohs frozen sections were interpreted by\n\n" +
		"the staff dermatopathologist, Dr. Feodora Lindqvist (outside reading service\n\n" +
		"for this date; Dr. Matsuda-Abiodun did not read the slides)\n\n" +
		"Site: left lateral cheek\n\nStage 1: 2 blocks; block 1 positive (deep), block 2 clear\n\nStage 2: 1 block; clear\n"
	const paragraphs = "Date of surgery: 10/27/2026.\n\n" +
		"Two lesions treated today, both biopsy-proven. I acted as surgeon and pathologist for both; maps drawn.\n\n" +
		"Central chest: first stage, two blocks; nodular basal cell carcinoma in the mid dermis; margins clear.\n\n" +
		"Left lower abdomen: first stage, three blocks; squamous cell carcinoma in the dermis; margins clear.\n\n" +
		"After clearance each defect was closed with a simple repair.\n\n" +
		"No complications.\n"
	runNoteCases(t, []noteCase{
		{"a value broken across the blank line of a double-spaced export",
			scanned, func(n *model.Note) string { return n.Encounter.Pathology.Value },
			"all Mohs frozen sections were interpreted by the staff dermatopathologist, Dr. Feodora Lindqvist (outside reading service for this date; Dr. Matsuda-Abiodun did not read the slides)"},
		{"paragraphs one blank line apart stay apart",
			paragraphs, func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), " ", stageSummary(n)) }, "2 1:2"},
	})
}

// TestSecondWrapping: a note wrapped twice (a transcript wrapped near 80
// columns, copied into a narrower window) leaves short lines mid-sentence:
// a value ending in a word no sentence ends with, a lone word in lower case
// that is a label word elsewhere, or a key left at a line's start, all go
// on (CODING-RULES.md preamble: a fact counts wherever the note states it).
func TestSecondWrapping(t *testing.T) {
	runNoteCases(t, []noteCase{
		{"a lone lower-case 'biopsy' goes on the diagnosis",
			"PREOPERATIVE DIAGNOSIS: Basal cell carcinoma, infiltrative, nasal tip,\nbiopsy\nproven 03/05/2026.\nPOSTOPERATIVE DIAGNOSIS: Same.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Biopsies), " ", n.Lesions[0].PriorBiopsy.Yes) }, "0 true"},
		{"a reader broken after 'the'",
			"Site: left temple\nHistopathology: frozen sections were interpreted by the\ndermatopathologist,\nDr. Ingrid Solberg-Mwangi.\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value },
			"frozen sections were interpreted by the dermatopathologist, Dr. Ingrid Solberg-Mwangi."},
	})
}

// TestWrappedToTheMargin: in a note wrapped to a width, the line under a
// field that a gap sets apart goes on its value from the note's margin
// when its first word would not have fit (CODING-RULES.md §8: the payer
// decides the profile).
func TestWrappedToTheMargin(t *testing.T) {
	const wrapped = "I performed Mohs micrographic surgery on one previously biopsied tumor\ntoday and interpreted all of the frozen sections myself. A Mohs map was\ndrawn of the tumor and of each stage. The patient tolerated the surgery\nwell and left the office in good condition after wound care teaching\nwas completed.\n"
	runNoteCases(t, []noteCase{
		{"a payer wrapped to the margin",
			"DOS 04/28/2026 | Surgeon: Tobias Engelhart-Obi, MD | Payer: Humana\nMedicare Advantage\n" + wrapped,
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Humana Medicare Advantage"},
	})
}
