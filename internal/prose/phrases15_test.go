package prose

import "testing"

// TestSizeWordsAroundLesion: a size before describing words joined by a
// comma, or followed by "in size", is the lesion's pre-operative size
// (CODING-RULES §6); a defect's size is not.
func TestSizeWordsAroundLesion(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: 'a 1.3 x 1.1 cm scarred, indurated plaque'",
			"He was referred with a 1.3 x 1.1 cm scarred, indurated plaque of the left medial cheek.",
			fams, []string{"preop 1.3x1.1"}},
		{"§6 pre-op size: '…, biopsy proven by shave on 6/30/2026, 1.0 x 0.8 cm in size'",
			"She has Bowen disease of the dorsal right great toe, biopsy proven by shave on 6/30/2026, 1.0 x 0.8 cm in size.",
			fams, []string{"preop 1x0.8"}},
		{"§6 pre-op size: ', roughly 1.0 x 0.9 cm,' after the lesion's site",
			"He was referred for a pearly papule on the chin, roughly 1.0 x 0.9 cm, that had never been biopsied.",
			fams, []string{"preop 1x0.9"}},
		{"§6 pre-op size: 'a 1.0 x 0.8 cm scar-like plaque'",
			"The lesion was a 1.0 x 0.8 cm scar-like plaque.",
			fams, []string{"preop 1x0.8"}},
		{"§6 pre-op size: a defect 'in size' is no lesion's size",
			"After clearance the defect was 2.0 x 1.5 cm in size.",
			fams, nil},
	})
}

// TestStainPurposeStatesNoMargin: what a stain was run to show ("to
// highlight junctional melanocytes at the margin") is its reason
// (CODING-RULES §5), never the stage's margin status (§1: the margins of
// the last stage).
func TestStainPurposeStatesNoMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'for the same reason, to highlight junctional melanocytes at the margin'",
			"A second stage was taken and divided into two blocks, again stained with H&E and MART-1 on both blocks for the same reason, to highlight junctional melanocytes at the margin. Both blocks were clear.",
			fams, []string{`stage 2 blocks=2 margin=clear stain="H&E"+reason stain="MART-1"+reason`}},
		{"§1 margins: 'the MART-1 being used to highlight melanocytes at the margin'",
			"The first stage was divided into two blocks and stained with MART-1 on every block, the MART-1 being used to highlight melanocytes at the margin. Both blocks were clear.",
			fams, []string{`stage 1 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"§1 margins: a margin after the purpose's comma is the stage's",
			"The first stage was divided into two blocks and stained with MART-1 on both blocks, to confirm clearance, and tumor remained at the margin.",
			fams, []string{`stage 1 blocks=2 margin=positive stain="MART-1"+reason`}},
	})
}

// TestFollicularMimicIsNoTumor: basaloid follicular structures at a margin
// are a benign mimic a stain is run to tell from tumor; the stage's margin
// is what the reading concludes (CODING-RULES §1: the margins of each stage).
func TestFollicularMimicIsNoTumor(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'a few basaloid follicular structures at the deep margin' resolved clear",
			"Second stage: two blocks from the base. On H&E there were a few basaloid follicular structures at the deep margin, so I ran a Ber-EP4 immunostain on both blocks of the second stage to distinguish residual basal cell carcinoma from benign follicular epithelium. The Ber-EP4 was negative and both blocks were clear.",
			fams, []string{`stage 2 blocks=2 margin=clear stain="H&E" stain="Ber-EP4"+reason`}},
		{"§1 margins: basaloid nests at the deep margin stay positive",
			"Second stage: two blocks. Basaloid nests remained at the deep margin.",
			fams, []string{`stage 2 blocks=2 margin=positive histology`}},
	})
}

// TestConditionalStageIsNoStage: a stage the surgeon would take "if
// needed" is a plan, not a stage taken (CODING-RULES §1: stages are counted
// as documented; a planned stage is never one).
func TestConditionalStageIsNoStage(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'The plan was to take a second stage if needed'",
			"The first stage was clear. The plan was to take a second stage if needed.",
			fams, []string{"stage 1 blocks=0 margin=clear"}},
		{"§1 stages: 'A second stage would be taken if necessary'",
			"The first stage was clear. A second stage would be taken if necessary.",
			fams, []string{"stage 1 blocks=0 margin=clear"}},
	})
}

// TestRunOnWithoutCommas: a dictation of one endless sentence joined by
// bare "and"/"so" is read clause by clause: the size before the defect is
// the lesion's, the repair's length is the repair's (CODING-RULES §3, §6),
// and "without perineural invasion" does not reach the margins "with both
// blocks clear" (§1).
func TestRunOnWithoutCommas(t *testing.T) {
	const runOn = "This is a 58-year-old man here for Mohs surgery of a recurrent basal cell carcinoma on the right dorsal forearm which was biopsied on 06/10/2025 and which recurred within a prior scar so Mohs was chosen because of the recurrence and the lesion measured 1.5 x 1.2 cm before surgery and after consent the first stage was excised and mapped on a drawn Mohs map and cut into two blocks which I read myself and which showed nodular basal cell carcinoma in the papillary dermis without perineural invasion with both blocks clear of tumor at all margins so no further stages were needed and after tumor clearance the final defect measured 2.1 x 1.6 cm and it was closed with a simple repair in a single layer with a repair length of 3.8 cm and the patient tolerated it well."
	runPhrases(t, []phraseCase{
		{"§6 pre-op size in a run-on dictation", runOn, []string{"preop "}, []string{"preop 1.5x1.2"}},
		{"§1 margins in a run-on dictation", runOn, []string{"stage "}, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 reader in a run-on dictation", runOn, []string{"reader "}, []string{"reader surgeon"}},
		{"§1 margins: 'without perineural invasion with both blocks clear of tumor'",
			"The first stage was cut into two blocks which showed nodular basal cell carcinoma in the dermis without perineural invasion with both blocks clear of tumor at all margins.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=clear histology"}},
	})
}

// TestSpeechRecognitionTranscript: a raw speech-recognition transcript
// spells its punctuation and numbers and says "doctor" for "Dr."; the
// facts are those the written note would state (CODING-RULES §1 reader,
// §3 repair length).
func TestSpeechRecognitionTranscript(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'read by doctor Okonkwo-Laine comma the operating surgeon period'",
			"the frozen sections were read by doctor Okonkwo-Laine comma the operating surgeon period.",
			[]string{"reader "}, []string{`reader named "doctor Okonkwo-Laine"`}},
		{"§3 repair: 'intermediate layered repair comma length three point four centimeters'",
			"the defect was closed with an intermediate layered repair comma length three point four centimeters comma oriented along the relaxed skin tension lines period.",
			[]string{"repair "}, []string{`repair "intermediate layered repair" length=3.4`}},
	})
}

// TestConfluenceAndTimedRepairLength: melanocytic confluence at a margin
// is tumor there (CODING-RULES §1 margins), a junction of two sites is
// not; a repair's length after a timing clause about the margins is the
// repair's (§3).
func TestConfluenceAndTimedRepairLength(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: 'focal confluence at the lateral margin of blocks 4 and 5'",
			"The first stage was divided into six blocks, with focal confluence at the lateral margin of blocks 4 and 5.",
			[]string{"stage "}, []string{"stage 1 blocks=6 margin=positive histology"}},
		{"§3 repair: 'intermediate layered closure after clear margins were confirmed, 3.4 cm'",
			"REPAIR: intermediate layered closure after clear margins were confirmed, 3.4 cm",
			[]string{"repair "}, []string{`repair "intermediate layered closure" length=3.4 after-clearance`}},
		{"§3 repair: 'with wide undermining, 6.0 cm' is the closure's length",
			"After tumor clearance the defect was repaired with a complex layered closure with wide undermining, 6.0 cm.",
			[]string{"repair "}, []string{`repair "complex layered closure" length=6 after-clearance`}},
		{"§3 repair: 'closed primarily in layers, 2.1 cm' is the closure's length",
			"The defect was closed primarily in layers, 2.1 cm.",
			[]string{"repair "}, []string{`repair "closed primarily in layers" length=2.1`}},
		{"§3 repair: terse 'Closed primary, 2.1 cm, layered.'",
			"Defect 0.8 x 0.7 cm. Closed primary, 2.1 cm, layered.",
			[]string{"repair "}, []string{`repair "Closed primary, 2.1 cm, layered" length=2.1`}},
		{"§3 repair: a primary defect's size is no repair length",
			"The wound was closed with an intermediate layered repair; primary defect 1.2 cm.",
			[]string{"repair "}, []string{`repair "intermediate layered repair" defect=1.2`}},
		{"§3 repair: a margin's size is no repair length",
			"The defect was closed with an intermediate layered closure after excision with 3 mm margins.",
			[]string{"repair "}, []string{`repair "intermediate layered closure"`}},
	})
}

// TestStainReasonsInParenthesesAndAfterStained: a stain's reason in
// parentheses or after "stained" is its reason (CODING-RULES §5:
// stain-indication-missing otherwise).
func TestStainReasonsInParenthesesAndAfterStained(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 stains: 'MART-1 stained for the same reason'",
			"Stage three consisted of one block, MART-1 stained for the same reason, and was clear.",
			fams, []string{`stage 3 blocks=1 margin=clear stain="MART-1"+reason`}},
		{"§5 stains: 'MART-1 (for melanocyte density)'",
			"A third stage of one block was taken. MART-1 (for melanocyte density) was performed.",
			fams, []string{`stage 3 blocks=1 margin=unknown stain="MART-1"+reason`}},
		{"§5 stains: 'MART-1 (blocks 1-2)' names blocks, no reason",
			"A third stage of two blocks was taken. MART-1 (blocks 1-2) was performed.",
			fams, []string{`stage 3 blocks=2 margin=unknown stain="MART-1"[1 2]`}},
	})
}

// TestAdditionalProcedureBiopsy: a biopsy under "Additional procedure" is
// a biopsy of another lesion (CODING-RULES §4), not the Mohs lesion's
// site or size.
func TestAdditionalProcedureBiopsy(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 biopsy: 'Additional procedure: tangential (shave) biopsy of a 5 mm pink papule on the right mid back'",
			"Additional procedure: tangential (shave) biopsy of a 5 mm pink papule on the right mid back; clinical impression: rule out superficial basal cell carcinoma.",
			[]string{"other-biopsy ", "site ", "preop "}, []string{`other-biopsy "tangential (shave) biopsy" site="right mid back" impression="rule out superficial basal cell carcinoma" uncertain=true`}},
	})
}

// TestStainOnSomeBlocks: a stain run on some blocks is billed on those
// blocks, never on every block of the stage (CODING-RULES §5: 88342 per
// block stained).
func TestStainOnSomeBlocks(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 stains: 'A Ber-EP4 immunostain was also run on block 2'",
			"The first stage was divided into four blocks. A Ber-EP4 immunostain was also run on block 2.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="Ber-EP4"[2]`}},
		{"§5 stains: 'was then run, on block 2 only'",
			"The first stage was divided into four blocks. A Ber-EP4 immunostain was then run, on block 2 only.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="Ber-EP4"[2]`}},
		{"§5 stains: a margin's blocks after the stain's own list are not the stain's",
			"The first stage was divided into five blocks. MART-1 on all five blocks, to judge melanocyte density, showed atypical melanocytes at the lateral margin of blocks 2 and 3.",
			fams, []string{`stage 1 blocks=5 margin=positive histology stain="MART-1"+reason`}},
	})
}

// TestReaderPersonallyAndTimingOnce: a named doctor who "personally
// examined the slides" read them (CODING-RULES §1); "Once the tumor had
// been cleared" times the repair after clearance (§3).
func TestReaderPersonallyAndTimingOnce(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'Dr. Ames personally examined the slides'", "Dr. Ames personally examined the slides.",
			[]string{"reader "}, []string{`reader named "Dr. Ames"`}},
		{"§3 timing: 'Once the tumor had been cleared, the defect was resurfaced with a full-thickness skin graft'",
			"Once the tumor had been cleared, the 2.2 x 1.9 cm defect was resurfaced with a full-thickness skin graft.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" defect=2.2x1.9 after-clearance`}},
	})
}
