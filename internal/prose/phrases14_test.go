package prose

import "testing"

// TestReaderClauseBesideBiopsy: a sentence that names the prior biopsy
// still says who read the Mohs slides when the reading stands in a clause
// of its own about the slides (CODING-RULES §1: the surgeon reads the
// slides, `pathology-undocumented` otherwise); the reader of a biopsy is
// never the reader of the Mohs slides.
func TestReaderClauseBesideBiopsy(t *testing.T) {
	fams := []string{"reader "}
	runPhrases(t, []phraseCase{
		{"§1 reader: 'proven on shave biopsies …; I read all of the frozen sections'",
			"Two tumors, both proven on shave biopsies of 03/31/2026, were treated today; I read all of the frozen sections for both myself, and a Mohs map was drawn for each site.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: 'biopsy read by a dermatopathologist; I examined the Mohs slides'",
			"The shave biopsy was read by Dr. Lena Ostrowski, dermatopathologist; I examined all Mohs slides myself.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: the biopsy's reader alone is no reader of the Mohs slides",
			"The shave biopsy slides were read by Dr. Lena Ostrowski, dermatopathologist; the site was marked.",
			fams, nil},
		{"§1 reader: one clause of biopsy and slides stays the biopsy's",
			"The biopsy slides were reviewed by me before surgery.",
			fams, nil},
	})
}

// TestSpelledSizes: a size dictated in words is the size its digits would
// be (CODING-RULES §6: the pre-operative size; §3: the final defect and
// the repair's length decide the repair code).
func TestSpelledSizes(t *testing.T) {
	fams := []string{"preop ", "final-defect "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: 'measured two point one by one point eight centimeters (2.1 x 1.8 cm)'",
			"The lesion on the right lower leg measured two point one by one point eight centimeters (2.1 x 1.8 cm).",
			fams, []string{"preop 2.1x1.8"}},
		{"§6 pre-op size: 'measured two point one by one point eight centimeters'",
			"The lesion on the right lower leg measured two point one by one point eight centimeters.",
			fams, []string{"preop 2.1x1.8"}},
		{"§6 pre-op size: 'fifteen by twelve millimeters'",
			"The lesion on the right lower leg measured fifteen by twelve millimeters.",
			fams, []string{"preop 1.5x1.2"}},
		{"§3 final defect: 'the final defect measured three point two by two point six centimeters'",
			"With clear margins, the final defect measured three point two by two point six centimeters.",
			fams, []string{"final-defect 3.2x2.6"}},
		{"§6 pre-op size: a count in words without a unit is no size",
			"The lesion on the right lower leg was excised in two blocks.",
			fams, nil},
	})
}

// TestAntibodiesAndWrappedParens: every antibody of the stain vocabulary
// is a stain of its stage, with its blocks in a parenthesis a line break
// cuts (CODING-RULES §5: 88342 for the first antibody on a block, +88341
// for each further one, by the blocks each was run on).
func TestAntibodiesAndWrappedParens(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 stains: PRAME on blocks 1-2 beside Melan-A on all blocks",
			"Stage 1: four blocks. Stains: H&E and Melan-A on all four blocks for melanocyte density, and PRAME (blocks 1-2) to separate melanoma in situ from hyperplasia.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="H&E"+reason stain="Melan-A"+reason stain="PRAME"[1 2]+reason`}},
		{"§5 stains: a line break before the parenthesis of the blocks",
			"Stage 1: four blocks. Stains: H&E and Melan-A on all blocks for density, and PRAME\n(blocks 1-2) to separate melanoma in situ from hyperplasia.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="H&E"+reason stain="Melan-A"+reason stain="PRAME"[1 2]+reason`}},
		{"§5 stains: a line break inside the parenthesis of the blocks",
			"Stage 1: four blocks. Stains: H&E and Melan-A on all blocks for density, and PRAME (blocks\n1-2) to separate melanoma in situ from hyperplasia.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="H&E"+reason stain="Melan-A"+reason stain="PRAME"[1 2]+reason`}},
		{"§5 stains: HMB-45 and Ki-67 are antibodies",
			"Stage 2: two blocks, stained with H&E, HMB-45 and Ki-67 to assess the margins. Both were clear.",
			fams, []string{`stage 2 blocks=2 margin=clear stain="H&E"+reason stain="HMB-45"+reason stain="Ki-67"+reason`}},
	})
}

// TestSizeBeforeFinalDefect: a size written before "final defect" is the
// final defect, which a flap's primary defect is (CODING-RULES §3:
// adjacent tissue transfer is sized by primary plus secondary defect).
func TestSizeBeforeFinalDefect(t *testing.T) {
	fams := []string{"final-defect ", "repair "}
	runPhrases(t, []phraseCase{
		{"§3 flap size: 'the 2.2 x 2.0 cm final defect was repaired with an O-to-Z flap'",
			"Following clearance, the 2.2 x 2.0 cm final defect was repaired with an O-to-Z flap; the secondary defect measured 6.0 sq cm.",
			fams, []string{"final-defect 2.2x2", `repair "O-to-Z flap" secondary=6 sq after-clearance`}},
		{"§1 size: a dictated size in words, then in figures",
			"The lesion is about eight by six millimeters, 0.8 x 0.6 cm.",
			[]string{"preop "}, []string{"preop 0.8x0.6"}},
		{"§3 flap size: flaps in the plural, and their secondary defects in total",
			"Following clearance, the defect was repaired with bilateral advancement flaps (H-plasty); the secondary defects created by the flaps measured 6.0 sq cm in total.",
			fams, []string{`repair "advancement flaps" secondary=6 sq after-clearance`}},
		{"§3 flap size: a secondary defect whose measure comes after what made it",
			"An advancement flap was designed and advanced into the defect; the secondary defect from the advancement and Burow's triangles measured 3.5 sq cm.",
			fams, []string{`repair "advancement flap" secondary=3.5 sq`}},
		{"§3 flap size: 'the 2.2 x 2.0 cm defect' is the flap's primary defect, as before",
			"Following clearance, the 2.2 x 2.0 cm defect was repaired with an O-to-Z flap; the secondary defect measured 6.0 sq cm.",
			fams, []string{`repair "O-to-Z flap" defect=2.2x2 secondary=6 sq after-clearance`}},
	})
}

// TestPagetCellsAtTheMargin: Paget cells at a margin are tumor there
// (CODING-RULES §3: a stage is positive where tumor is placed on a
// margin; §1 stage-after-clear otherwise misfires).
func TestPagetCellsAtTheMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§3 margins: 'Paget cells were present … at the peripheral margin of blocks 1 and 4'",
			"Stage 1: four blocks. Paget cells were present in the epidermis at the peripheral margin of blocks 1 and 4; blocks 2 and 3 were clear; no dermal invasion.",
			fams, []string{"stage 1 blocks=4 margin=positive histology"}},
		{"§3 margins: 'no Paget cells at any margin' is clear",
			"Stage 2: two blocks. No Paget cells were seen at any margin.",
			fams, []string{"stage 2 blocks=2 margin=clear"}},
	})
}

// TestSizeCriteria: a size after a comparison is the criterion an
// indication cites, not the tumor's measured size (CODING-RULES §6: the
// pre-operative size is the lesion's size; `size-missing` when the note
// gives none).
func TestSizeCriteria(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: 'size > 2 cm' is a criterion",
			"Indication: size > 2 cm with ill-defined borders on the lower leg.",
			fams, nil},
		{"§6 pre-op size: 'tumor greater than 2 cm' is a criterion",
			"Mohs was chosen for a tumor greater than 2 cm on the leg.",
			fams, nil},
		{"§6 pre-op size: 'at least 6 mm' is a criterion",
			"Lesions of at least 6 mm on the cheek qualify.",
			fams, nil},
		{"§6 pre-op size: the measured size beside a criterion is read",
			"Indication: size > 2 cm. The lesion measured 2.2 x 1.9 cm.",
			fams, []string{"preop 2.2x1.9"}},
	})
}

// TestTumorAwayFromMargins: tumor the sections show "well away from the
// margins" is the stage's histology, not a positive margin (CODING-RULES
// §1: a stage's margin status; `final-stage-positive` only when the last
// stage's margins are not clear).
func TestTumorAwayFromMargins(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: residual tumor 'well away from the margins' is no positive margin",
			"The first stage was processed as two blocks; both blocks were free of tumor. The first stage showed residual basal cell carcinoma centrally in the papillary dermis, well away from the margins.",
			fams, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 margins: tumor at the margin stays positive",
			"The first stage was processed as two blocks. Residual basal cell carcinoma was present at the deep margin.",
			fams, []string{"stage 1 blocks=2 margin=positive histology"}},
	})
}

// TestAtypiaAtMargin: keratinocyte atypia at a margin is SCC in situ at the
// margin (CODING-RULES §1: a stage with tumor at a margin is positive, and
// another stage follows).
func TestAtypiaAtMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'full-thickness keratinocyte atypia at the medial margin' is positive",
			"The first stage was divided into four blocks. The first stage showed full-thickness keratinocyte atypia at the medial margin in blocks 3 and 4; blocks 1 and 2 were clear.",
			fams, []string{"stage 1 blocks=4 margin=positive histology"}},
		{"§1 margins: 'no keratinocyte atypia at the margins' is clear",
			"A second stage of two blocks was taken; there was no keratinocyte atypia at the margins.",
			fams, []string{"stage 2 blocks=2 margin=clear"}},
	})
}

// TestSecondaryDefectClosure: the closure of a flap's secondary defect is
// part of the flap (CODING-RULES §3: adjacent tissue transfer includes the
// closure of its secondary defect; primary plus secondary defect sizes it).
func TestSecondaryDefectClosure(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 flap: 'the secondary defect … was closed primarily' adds no repair",
			"A rhombic transposition flap was designed from the medial cheek, incised, transposed and inset. The secondary defect measured 3.1 sq cm and was closed primarily.",
			fams, []string{`repair "rhombic transposition flap" secondary=3.1 sq`}},
	})
}

// TestSameDayPunchOfTheMohsLesion: "A 3 mm punch biopsy was performed
// today" in the Mohs lesion's own dictation is that lesion's same-day
// biopsy; after a sentence naming another lesion's site it is that
// lesion's (CODING-RULES §4: a same-day biopsy of the Mohs lesion is billed
// with 59, a biopsy of another lesion with its own site).
func TestSameDayPunchOfTheMohsLesion(t *testing.T) {
	fams := []string{"other-biopsy ", "same-day-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 same-day biopsy: the punch's size does not make another lesion",
			"This woman was referred with a pearly papule of the left cheek. No biopsy had been performed before today. A 3 mm punch biopsy was performed today and submitted for frozen section, one block, which I read and which confirmed nodular basal cell carcinoma.",
			fams, []string{`same-day-biopsy "3 mm punch biopsy"`}},
		{"§4 other biopsy: after a sentence naming another lesion's site",
			"The patient pointed out a new papule on the left dorsal forearm. A 4 mm punch biopsy was performed today.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="" uncertain=false`}},
	})
}

// TestAsideBiopsyOfAnotherLesion: a sentence that opens as an aside and
// brings in a lesion on a site ("While the patient was here, a 6 mm …
// papule on the left shin was sampled by 4 mm punch biopsy") is a biopsy of
// another lesion, whose measure is not the Mohs lesion's size (CODING-RULES
// §4: biopsies of other lesions; §9: an uncertain impression gets no code).
func TestAsideBiopsyOfAnotherLesion(t *testing.T) {
	fams := []string{"other-biopsy ", "preop ", "same-day-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 other biopsy: 'While the patient was here, a 6 mm … papule on the left shin was sampled by 4 mm punch biopsy'",
			"While the patient was here, a 6 mm irregularly pigmented papule on the left shin was sampled by 4 mm punch biopsy; clinical impression dysplastic nevus versus early melanoma.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left shin" impression="dysplastic nevus versus early melanoma" uncertain=true`}},
		{"§4 other biopsy: 'At the patient's request, a 6 mm scaly papule on the left dorsal forearm was sampled with a 4 mm punch biopsy'",
			"At the patient's request, a 6 mm scaly papule on the left dorsal forearm was sampled with a 4 mm punch biopsy. Clinical impression: squamous cell carcinoma versus irritated seborrheic keratosis.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="squamous cell carcinoma versus irritated seborrheic keratosis" uncertain=true`}},
		{"§4 other biopsy: 'At the end of the visit, a 4 mm punch biopsy was taken of a pearly papule on the left lateral shin'",
			"At the end of the visit, a 4 mm punch biopsy was taken of a pearly papule on the left lateral shin; clinical impression: superficial basal cell carcinoma.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left lateral shin" impression="superficial basal cell carcinoma" uncertain=false`}},
		{"§4 other biopsy: 'During the same visit a separate hyperkeratotic papule on the right dorsal forearm was sampled'",
			"During the same visit a separate hyperkeratotic papule on the right dorsal forearm was sampled with a 4 mm punch biopsy and sent for permanent sections; clinical impression SCC versus hypertrophic actinic keratosis.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="right dorsal forearm" impression="SCC versus hypertrophic actinic keratosis" uncertain=true`}},
	})
}

// TestDepthIsNoMargin: tumor "involving the reticular dermis" is the
// tumor's depth, not a positive margin, and "AE1/AE3 cytokeratin
// immunostain" is one antibody (CODING-RULES §1: a stage's margin status;
// §5: 88342 per antibody per block).
func TestDepthIsNoMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'involving the reticular dermis … all six blocks were free of tumor at the margins' is clear",
			"The first stage was divided into six blocks; micronodular basal cell carcinoma was seen in the central debulk only, involving the reticular dermis without perineural invasion, and all six blocks were free of tumor at the margins.",
			fams, []string{"stage 1 blocks=6 margin=clear histology"}},
		{"§1 margins: 'involved the full thickness of the epidermis … all three blocks were free of tumor' is clear",
			"A single stage was excised and divided into three blocks; atypical keratinocytes involved the full thickness of the epidermis without dermal invasion, and all three blocks were free of tumor.",
			fams, []string{"stage 1 blocks=3 margin=clear histology"}},
		{"§1 margins: 'involving the deep margin' stays positive",
			"The first stage was divided into three blocks; basal cell carcinoma was seen involving the deep margin of block 2.",
			fams, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"§5 stains: 'AE1/AE3 cytokeratin immunostain' is one stain",
			"The first stage was divided into six blocks, all clear. An AE1/AE3 cytokeratin immunostain was run on all six blocks.",
			fams, []string{`stage 1 blocks=6 margin=clear stain="AE1/AE3"`}},
	})
}

// TestOneLayerUnnumbered: a paragraph that takes "a layer" with its blocks
// and margins and never numbers a stage describes one stage (CODING-RULES
// §2: the first stage is 17311/17313); without a margin it stays unstaged.
func TestOneLayerUnnumbered(t *testing.T) {
	fams := []string{"stage ", "unstaged "}
	runPhrases(t, []phraseCase{
		{"§2 stages: 'A layer was excised and submitted as a single specimen' … 'free of tumor'",
			"A layer was excised and submitted as a single specimen; a map was drawn. The margins of the first stage were free of tumor.",
			fams, []string{"stage 1 blocks=1 margin=clear"}},
		{"§2 stages: blocks without a margin or a layer stay unstaged",
			"The tissue was submitted as two specimens.",
			fams, []string{"unstaged blocks=2 margin=unknown"}},
	})
}

// TestSutureTechniqueInRepairName: "a simple interrupted repair, 2.0 cm"
// is a simple repair (CODING-RULES §3: simple repair codes by summed
// length and site group).
func TestSutureTechniqueInRepairName(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 repair: 'closed with a simple interrupted repair, 2.0 cm'",
			"After tumor clearance the wound was closed with a simple interrupted repair, 2.0 cm.",
			fams, []string{`repair "simple interrupted repair" length=2 after-clearance`}},
	})
}

// TestMarginBeforeItsSize: "Clinical margin of 2 mm was taken" states the
// excision margin (CODING-RULES §6: the excision is sized by the lesion
// plus twice the margin).
func TestMarginBeforeItsSize(t *testing.T) {
	fams := []string{"excision-margin "}
	runPhrases(t, []phraseCase{
		{"§6 excision margin: 'Clinical margin of 2 mm was taken.'",
			"Clinical margin of 2 mm was taken. A map was drawn.",
			fams, []string{"excision-margin 0.2"}},
		{"§6 excision margin: '2 mm margins' still reads",
			"The lesion was excised with 2 mm margins.",
			fams, []string{"excision-margin 0.2"}},
		{"§6 excision margin: 'no margin of 2 mm' is none",
			"There was no margin of 2 mm taken.",
			fams, nil},
	})
}

// TestReconstructionIsScheduled: "Reconstruction is scheduled with me next
// week" defers the closure (CODING-RULES §3: a delayed closure is not on
// this claim, `no-repair-code`).
func TestReconstructionIsScheduled(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 deferred: 'Reconstruction is scheduled with me next week.'",
			"The wound was dressed. Reconstruction is scheduled with me next week.",
			fams, []string{`repair "Reconstruction is scheduled" no-repair`}},
	})
}

// TestCitedBiopsyBesideReader: a sentence that cites the tumors' biopsies
// ("two previously biopsied tumors") and says the surgeon read the frozen
// sections names the Mohs reader; a size after a parenthesised biopsy
// citation is the tumor's (CODING-RULES §1: the surgeon reads the slides;
// §6: the pre-operative size).
func TestCitedBiopsyBesideReader(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: '… on two previously biopsied tumors today and interpreted all frozen sections myself'",
			"I performed Mohs micrographic surgery on two previously biopsied tumors today and interpreted all frozen sections myself.",
			[]string{"reader "}, []string{"reader surgeon"}},
		{"§1 reader: a biopsy read by a pathologist stays the biopsy's",
			"The shave biopsy was read by Dr. Lena Ostrowski, dermatopathologist.",
			[]string{"reader "}, nil},
		{"§6 pre-op size: 'Basal cell carcinoma, infiltrative (biopsy 10/27/2026), 1.1 x 0.9 cm.'",
			"Basal cell carcinoma, infiltrative (biopsy 10/27/2026), 1.1 x 0.9 cm. Mohs was indicated for periocular location.",
			[]string{"preop "}, []string{"preop 1.1x0.9"}},
	})
}

// TestSecondIntentionAbbreviated: "2nd intention" is second intention
// (CODING-RULES §3: healing by second intention is no repair line).
func TestSecondIntentionAbbreviated(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 second intention: 'left to heal by 2nd intention'",
			"The wound was left to heal by 2nd intention.",
			[]string{"repair "}, []string{`repair "2nd intention" no-repair`}},
	})
}

// TestClosedPrimarilyInLayers: "closed primarily in a layered fashion" is a
// layered (intermediate) closure (CODING-RULES §3: layered closure is
// intermediate repair).
func TestClosedPrimarilyInLayers(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 intermediate: 'closed primarily in a layered fashion, 3.4 cm'",
			"After clearance the wound was closed primarily in a layered fashion, 3.4 cm.",
			fams, []string{`repair "closed primarily in a layered fashion" length=3.4 after-clearance`}},
		{"§3 intermediate: 'closed side-to-side with layered sutures'",
			"After tumor clearance the defect was closed side-to-side with layered sutures to a final length of 2.8 cm.",
			fams, []string{`repair "closed side-to-side with layered sutures" length=2.8 after-clearance`}},
	})
}

// TestAlsoPerformedBiopsy: "Also performed: punch biopsy (4 mm) of right
// shin, impression atypical nevus" is a biopsy of another lesion, with its
// site past the parenthesis and its impression without a colon
// (CODING-RULES §4: biopsies of other lesions are billed).
func TestAlsoPerformedBiopsy(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 other biopsy: 'Also performed: punch biopsy (4 mm) of right shin, impression atypical nevus'",
			"Also performed: punch biopsy (4 mm) of right shin, impression atypical nevus.",
			[]string{"other-biopsy "}, []string{`other-biopsy "punch biopsy" site="right shin" impression="atypical nevus" uncertain=false`}},
	})
}
