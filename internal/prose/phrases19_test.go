package prose

import "testing"

// TestTranscribedReportPhrasings: a transcription service's phrasings
// that lost a tumor's size and who read the slides.
func TestTranscribedReportPhrasings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 size: '…; 0.9 x 0.7 cm before surgery.' is the tumor's size",
			"Nodular basal cell carcinoma of the right helix, diagnosed on shave biopsy 10/16/2026 (LR26-18901); 0.9 x 0.7 cm before surgery. Mohs was indicated for the ear location.",
			[]string{"preop"}, []string{"preop 0.9x0.7"}},
		{"§1 size: a defect 'before surgery' is none",
			"The final defect measured 1.4 x 1.1 cm before surgery closed it.",
			[]string{"preop"}, nil},
		{"§6 reader: 'I, Dr. Sorlie-Adeyemi, interpreted all of the frozen sections as the Mohs surgeon'",
			"A Mohs map was drawn for each stage, and I, Dr. Sorlie-Adeyemi, interpreted all of the frozen sections as the Mohs surgeon.",
			[]string{"reader"}, []string{"reader surgeon"}},
	})
}

// TestOtherServiceRepairPhrasings: a repair another service does is no
// line of this claim (CODING-RULES §3: a repair done by another provider,
// no-repair-code), the service named as the provider.
func TestOtherServiceRepairPhrasings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 another provider: 'Dr. … of hand surgery reconstructed the defect'",
			"After tumor clearance, the patient was escorted to the adjacent procedure suite, where Dr. Henrietta Okonkwo-Farrell of hand surgery reconstructed the defect.",
			[]string{"repair "}, []string{`repair "of hand surgery reconstructed" no-repair by="Dr. Henrietta Okonkwo-Farrell" after-clearance`}},
		{"§3 another provider: 'Reconstruction by hand surgery under a separate operative note'",
			"Mohs micrographic surgery, right dorsal hand. Reconstruction by hand surgery under a separate operative note.",
			[]string{"repair "}, []string{`repair "Reconstruction by hand surgery" no-repair by="hand surgery"`}},
		{"§3 another provider: '… Dr. …, facial plastic surgeon, … who will reconstruct the defect this afternoon'",
			"The wound was dressed, and she went directly to Dr. Bertrand Okafor-Lisle, facial plastic surgeon, whose office is downstairs, who will reconstruct the defect this afternoon.",
			[]string{"repair "}, []string{`repair "will reconstruct" no-repair by="Dr. Bertrand Okafor-Lisle"`}},
		{"§3 another provider: '… of facial plastics closed the wound'",
			"The wound was closed the same afternoon by Dr. Ines Baptiste of facial plastics.",
			[]string{"repair "}, []string{`repair "closed the same afternoon by Dr. Ines Baptiste of facial plastics" no-repair by="Dr. Ines Baptiste"`}},
	})
}

// TestSameDayBiopsyFrozenPhrasings: a biopsy of the Mohs lesion taken and
// read on frozen section today is the same-day biopsy (CODING-RULES §4:
// billable when there was no prior diagnosis, 88331 for its frozen
// section), even when the sentence tells what the frozen section showed;
// and a surgeon who read the biopsy's frozen section and the Mohs
// sections read the Mohs slides (§6).
func TestSameDayBiopsyFrozenPhrasings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 same-day biopsy: '… submitted for frozen section, one block, which showed nodular basal cell carcinoma'",
			"After consent, a tangential (shave) biopsy of the left cheek lesion was performed and submitted for frozen section, one block, which showed nodular basal cell carcinoma.",
			[]string{"same-day-biopsy", "prior-biopsy", "frozen-section"}, []string{`same-day-biopsy "tangential (shave) biopsy"`, "frozen-section 1"}},
		{"§4 prior biopsy: a dated biopsy that showed the tumor stays the prior one",
			"A shave biopsy on 11/02/2026 showed nodular basal cell carcinoma.",
			[]string{"same-day-biopsy", "prior-biopsy", "frozen-section"}, []string{"prior-biopsy true"}},
		{"§6 reader: 'I read the biopsy frozen section and all Mohs frozen sections myself'",
			"I read the biopsy frozen section and all Mohs frozen sections myself.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§6 reader: a biopsy's own reader is not the Mohs reader",
			"The biopsy was read by Dr. Anselm Ruiz-Olafsen, dermatopathologist.",
			[]string{"reader"}, nil},
	})
}

// TestDoubtAndAvoidanceScopes: the scope of a doubt ends where what was
// done because of it begins, and a repair "to avoid" is not done
// (CODING-RULES §1: every stage taken is counted, 17312 per stage beyond
// the first; §3: the repair done is the one coded).
func TestDoubtAndAvoidanceScopes(t *testing.T) {
	stage := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'I could not call it clear -- so a further stage, again one block, was taken' is a stage",
			"Stage 1 was two blocks. Stage 2 was one block. On that one there was possible residual atypia at the 9 o'clock edge -- I could not call it clear -- so a further stage, again one block, was taken just beyond it, and that was free of tumor.",
			stage, []string{"stage 1 blocks=2 margin=unknown", "stage 2 blocks=1 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"§3 repair: 'the patient's wish to avoid a flap, … repaired with a full-thickness skin graft' is the graft",
			"Given the thick sebaceous skin of the tip and the patient's wish to avoid a flap, after tumor clearance the defect was repaired with a full-thickness skin graft sized to the defect.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" after-clearance`}},
		{"§3 repair: 'oriented vertically to avoid ectropion and closed with a complex layered repair' is the complex repair",
			"The right lower eyelid defect was oriented vertically to avoid ectropion and closed with a complex layered repair, length 1.8 cm.",
			[]string{"repair "}, []string{`repair "complex layered repair" length=1.8`}},
	})
}

// TestTumorWordsOfMicronodularMargins: a micronodular tumor's residue is
// told as what it is made of ("still showed a few micronodules at the deep
// margin", "islands of basaloid cells at the 3 o'clock margin"): positive (CODING-RULES
// §10: margins-missing is for a stage whose status the note does not tell).
func TestTumorWordsOfMicronodularMargins(t *testing.T) {
	stage := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'still showed a few micronodules at the deep margin' is positive",
			"Stage II, one block taken beneath block 2, still showed a few micronodules at the deep margin centrally.",
			stage, []string{"stage 2 blocks=1 margin=positive histology"}},
		{"§1 margins: 'islands of basaloid cells at the 3 o'clock margin' is positive",
			"The first stage, three blocks, showed islands of basaloid cells at the 3 o'clock margin of block 2.",
			stage, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"§1 margins: 'no nodules at any margin' is clear",
			"The second stage, one block, showed no nodules at any margin.",
			stage, []string{"stage 2 blocks=1 margin=clear"}},
	})
}

// TestStageClauseBeforeTechniqueWords: a clause of its own that names its
// stage by number stands before technique words in one sentence ("…
// divided into two blocks; a Mohs map was drawn and kept for every
// stage"): the stage is read, the technique words document the map
// (CODING-RULES §1: boilerplate never makes a stage, but it does not unmake
// one either); a clause that names no stage by number stays technique.
func TestStageClauseBeforeTechniqueWords(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 stages: 'The first stage was … divided into two blocks; a Mohs map was drawn and kept for every stage' is stage 1 of two blocks",
			"The first stage was taken around the debulked tumor with a 2 mm margin, oriented, and divided into two blocks; a Mohs map was drawn and kept for every stage.",
			[]string{"stage ", "map "}, []string{"stage 1 blocks=2 margin=unknown", "map true"}},
		{"§1 boilerplate: 'Wherever residual tumor was identified, an additional stage was taken …, and the process was repeated' makes no stage",
			"Wherever residual tumor was identified, an additional stage was taken from the corresponding area, and the process was repeated until a tumor-free plane was obtained.",
			[]string{"stage "}, nil},
	})
}

// TestOtherLesionsFromTheirAnnouncement: a paragraph that announces other
// lesions ("Consent was obtained … for two biopsies of other lesions")
// speaks of them from that sentence on; its sentences before are still the
// Mohs tumor's (CODING-RULES §6: the pre-operative size; it had been
// size-missing on a documented note).
func TestOtherLesionsFromTheirAnnouncement(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 size: 'It measured 2.4 x 2.0 cm' before 'biopsies of other lesions' is the tumor's",
			"The patient presented for Mohs surgery of a basal cell carcinoma of the left lower back. It measured 2.4 x 2.0 cm. Consent was obtained for the Mohs procedure and for two biopsies of other lesions.",
			[]string{"preop "}, []string{"preop 2.4x2"}},
		{"§6 size: 'measuring 0.6 x 0.5 cm' after 'Two other lesions were biopsied today' is another lesion's",
			"Two other lesions were biopsied today. A pink papule on the right thigh measuring 0.6 x 0.5 cm was sampled with a 3 mm punch biopsy.",
			[]string{"preop "}, nil},
	})
}

// TestISODatedBiopsy: a biopsy dated in ISO form ("Shave biopsy 2026-11-05
// (MW26-2044), squamous cell carcinoma in situ") is the prior biopsy that
// confirms the diagnosis, as one dated "11/05/2026" is (CODING-RULES §10:
// diagnosis-unconfirmed only when neither a prior pathology diagnosis nor
// a same-day biopsy is documented).
func TestISODatedBiopsy(t *testing.T) {
	fams := []string{"prior-biopsy ", "same-day-biopsy "}
	runPhrases(t, []phraseCase{
		{"§10 prior biopsy: 'Shave biopsy 2026-11-05 (…), squamous cell carcinoma in situ'",
			"Clinical summary: Shave biopsy 2026-11-05 (MW26-2044), squamous cell carcinoma in situ.",
			fams, []string{"prior-biopsy true"}},
		{"§10 prior biopsy: 'Punch biopsy 11-05-2026, nodular BCC'",
			"Punch biopsy 11-05-2026, nodular basal cell carcinoma.",
			fams, []string{"prior-biopsy true"}},
	})
}

// TestSizeAfterSubtypeAndBiopsy: a tumor's clinical size told after its
// subtype and its biopsy, in either order, and before how it was seen
// ("Melanoma in situ, lentigo maligna type, diagnosed on a broad shave
// biopsy of 11/05/2026, clinically 1.6 x 1.3 cm under Wood's lamp") is its
// pre-operative size (CODING-RULES §6; size-missing had fired).
func TestSizeAfterSubtypeAndBiopsy(t *testing.T) {
	preop := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§6 size: subtype, then biopsy, then 'clinically … under Wood's lamp'",
			"Melanoma in situ, lentigo maligna type, diagnosed on a broad shave biopsy of 11/05/2026, clinically 1.6 x 1.3 cm under Wood's lamp.",
			preop, []string{"preop 1.6x1.3"}},
		{"§6 size: '… 0.9 x 0.8 cm on dermoscopy'",
			"Nodular basal cell carcinoma, biopsy-proven, 0.9 x 0.8 cm on dermoscopy.",
			preop, []string{"preop 0.9x0.8"}},
	})
}

// TestIndicationBySiteAndInvasion: "Mohs was indicated for an invasive
// squamous cell carcinoma on the temple in an area of heavy actinic
// damage" gives its reasons — an invasive tumor, its site — as a reason
// sentence does (CODING-RULES §10: indication-missing when the note says
// no reason); "Mohs was indicated for the patient's convenience" names none.
func TestIndicationBySiteAndInvasion(t *testing.T) {
	ind := []string{"indication"}
	runPhrases(t, []phraseCase{
		{"§10 indication: 'indicated for an invasive squamous cell carcinoma on the temple'",
			"Mohs was indicated for an invasive squamous cell carcinoma on the temple in an area of heavy actinic damage.",
			ind, []string{"indication"}},
		{"§10 indication: 'because of the poor-healing site over the ankle with little tissue laxity'",
			"Mohs surgery was chosen because of the poor-healing site over the ankle with little tissue laxity.",
			ind, []string{"indication"}},
		{"§10 indication: 'indicated for the patient's convenience' is no reason",
			"Mohs was indicated for the patient's convenience.",
			ind, nil},
	})
}

// TestBlocksCountedBesideStages: "In all, three stages and four blocks
// were required" counts all the stages' blocks, not the last stage's: the
// stated totals are checked against the stages told (CODING-RULES §10:
// totals-mismatch, prose-ambiguous "3 stages stated, 2 described"), and
// the second stage keeps its one block (no blocks-missing).
func TestBlocksCountedBesideStages(t *testing.T) {
	fams := []string{"stage ", "stage-count ", "block-total ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§10 totals: 'In all, three stages and four blocks were required'",
			"The initial layer was split into three tissue blocks, with tumor at the deep margin of block 2. One further layer of one block beneath block 2 showed no residual carcinoma. In all, three stages and four blocks were required at this site.",
			fams, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=clear", "stage-count 3", "block-total 4", "ambiguity 3 stages stated, 2 described"}},
	})
}

// TestNamedTumorMarginPhrasings: a tumor named by its label ("Tumor A",
// "tumor 2") in a stage sentence is no tumor seen at a margin
// (CODING-RULES §1: margins per stage; a last stage read positive would
// be final-stage-positive), while tumor seen after it still is.
func TestNamedTumorMarginPhrasings(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'The second stage of Tumor A, one block beneath block 1, showed no residual carcinoma' is clear",
			"The second stage of Tumor A, one block beneath block 1, showed no residual carcinoma.",
			fams, []string{"stage 2 blocks=1 margin=clear"}},
		{"§1 margins: 'tumor 2' named, then tumor at the deep margin, is positive",
			"The second stage of tumor 2, one block beneath block 1, showed tumor at the deep margin.",
			fams, []string{"stage 2 blocks=1 margin=positive"}},
		{"§1 margins: 'residual tumor 2 mm into the deep margin of block 1' is tumor seen",
			"Stage 2, one block beneath block 1, showed residual tumor 2 mm into the deep margin of block 1.",
			fams, []string{"stage 2 blocks=1 margin=positive"}},
	})
}

// TestTitledBiopsySite: a paragraph titled with its lesion's site
// ("Separate lesion, left upper back.") places the biopsy its next
// sentence tells (CODING-RULES §4: a biopsy of another lesion is coded at
// its site; without one it is site-missing and no line).
func TestTitledBiopsySite(t *testing.T) {
	fams := []string{"other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsy site: 'Separate lesion, left upper back. A tangential (shave) biopsy was taken …'",
			"Separate lesion, left upper back. A tangential (shave) biopsy was taken of a 6 mm scaly pink papule and submitted for frozen section, one block.",
			fams, []string{`other-biopsy "tangential (shave) biopsy" site="left upper back" impression="" uncertain=false frozen=1`}},
	})
}

// TestPlaceAfterComma: where a tumor is, told after a comma ("…, at the
// superior margin of block 1, with block 2 clear"), is a positive margin
// (CODING-RULES §1: a stage after a positive one is no stage-after-clear);
// a depth after a comma is no margin.
func TestPlaceAfterComma(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: '…, at the superior margin of block 1, with block 2 clear' is positive",
			"The first stage was divided into two blocks; nodular basal cell carcinoma was present in the mid dermis without perineural invasion, at the superior margin of block 1, with block 2 clear.",
			fams, []string{"stage 1 blocks=2 margin=positive histology"}},
		{"§1 margins: '…, at a depth of 2 mm, and all margins were clear' is clear",
			"The first stage was divided into two blocks; nodular basal cell carcinoma was present in the mid dermis, at a depth of 2 mm, and all margins were clear.",
			fams, []string{"stage 1 blocks=2 margin=clear histology"}},
	})
}

// TestReaderAcrossLineBreak: a reader's name on the line after "by", or
// after a title's period, is the same sentence's (CODING-RULES §1: a
// separate pathologist who read the slides means no Mohs line; lost at a
// line break, Mohs had been billed).
func TestReaderAcrossLineBreak(t *testing.T) {
	fams := []string{"reader"}
	runPhrases(t, []phraseCase{
		{"§1 reader: '… interpreted there by' / 'Dr. Perpetua Almeida-Ruiz, dermatopathologist'",
			"the tissue was carried to the hospital frozen-section service; the slides were interpreted there by\nDr. Perpetua Almeida-Ruiz, dermatopathologist, who telephoned the results.",
			fams, []string{`reader pathologist "Dr. Perpetua Almeida-Ruiz"`}},
		{"§1 reader: '… interpreted there by Dr.' / 'Perpetua Almeida-Ruiz, dermatopathologist'",
			"The slides were interpreted there by Dr.\nPerpetua Almeida-Ruiz, dermatopathologist.",
			fams, []string{`reader pathologist "Dr. Perpetua Almeida-Ruiz"`}},
	})
}

// TestRepairLengthAmongOtherSizes: the distance of undermining around a
// wound and a cartilage edge trimmed by millimetres are no repair length;
// the final length stated later is (CODING-RULES §3: a linear repair is
// coded by its own length).
func TestRepairLengthAmongOtherSizes(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 length: 'undermining … for about 2 cm around the wound' then 'The final length of the complex repair was 3.8 cm'",
			"After tumor clearance, the 1.7 x 1.3 cm defect was repaired with a complex layered closure. Extensive undermining was carried out in the subcutaneous plane for about 2 cm around the wound. The final length of the complex repair was 3.8 cm.",
			fams, []string{`repair "complex layered closure" length=3.8 defect=1.7x1.3 after-clearance`}},
		{"§3 length: 'undermining … for 4 cm on each side' is no length",
			"The wound was closed with a complex layered repair after tumor clearance; extensive undermining was carried out at the level of the deep fascia for 4 cm on each side. The length of the complex repair was 10.4 cm.",
			fams, []string{`repair "complex layered repair" length=10.4 after-clearance`}},
		{"§3 length: 'the exposed cartilage edge was trimmed by 2 mm' is no length",
			"After tumor clearance, the 1.5 x 1.2 cm defect was repaired with a complex layered closure. The exposed cartilage edge was trimmed by 2 mm with a scalpel. The final length of the complex repair was 2.6 cm.",
			fams, []string{`repair "complex layered closure" length=2.6 defect=1.5x1.2 after-clearance`}},
	})
}

// TestOperativeReportTitleNoPriorBiopsy: a note's title "OPERATIVE REPORT -
// MOHS SURGERY WITH BIOPSIES" tells no biopsy of the past (CODING-RULES §4:
// a same-day biopsy is billable only without a prior diagnosis; the title
// had made today's biopsy a prior one and dropped its line).
func TestOperativeReportTitleNoPriorBiopsy(t *testing.T) {
	fams := []string{"prior-biopsy"}
	runPhrases(t, []phraseCase{
		{"§4 prior biopsy: 'OPERATIVE REPORT - MOHS SURGERY WITH BIOPSIES' is none",
			"OPERATIVE REPORT - MOHS SURGERY WITH BIOPSIES", fams, nil},
		{"§4 prior biopsy: 'the pathology report showed nodular basal cell carcinoma' is one",
			"The pathology report of the shave biopsy showed nodular basal cell carcinoma.", fams, []string{"prior-biopsy true"}},
	})
}

// TestSingleMicronoduleAtMargin: "a micronodule at the lateral margin" is
// tumor at a margin as "micronodules" is (CODING-RULES §1: a stage after a
// positive stage is no stage-after-clear).
func TestSingleMicronoduleAtMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'block 2 still showed a micronodule at the lateral margin' is positive",
			"The second stage was divided into two blocks; block 2 still showed a micronodule at the lateral margin at 3 o'clock, and block 1 was clear.",
			fams, []string{"stage 2 blocks=2 margin=positive histology"}},
	})
}

// TestPostoperativeVisitIsThePast: a visit after the surgery tells the
// surgery as the past ("one-week wound check and suture removal after
// Mohs surgery of the left temple on 11/16/2026, with a layered closure"):
// no site, stage or repair of today (CODING-RULES §4: a biopsy-only claim
// carries no modifier; the past surgery had made it a Mohs claim).
func TestPostoperativeVisitIsThePast(t *testing.T) {
	fams := []string{"site ", "repair ", "unstaged", "stage "}
	runPhrases(t, []phraseCase{
		{"§4 the past: 'wound check and suture removal after Mohs surgery of … on 11/16/2026'",
			"one-week wound check and suture removal after Mohs surgery of the left temple on 11/16/2026, with a layered closure; the margins were clear at the end of that surgery.",
			fams, nil},
	})
}

// TestStageNumberOnTheNextLine: a stage's number wrapped onto the next line
// ("… Stage" / "3, one block, was clear.") is that stage (CODING-RULES §1:
// stages are counted as the note lists them; the third stage was lost).
func TestStageNumberOnTheNextLine(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 stages: '… Stage' / '3, one block, was clear.'",
			"Stage 2 was three blocks; block 2 was positive at the peripheral margin. Stage\n3, one block, was clear.",
			fams, []string{"stage 2 blocks=3 margin=positive", "stage 3 blocks=1 margin=clear"}},
	})
}

// TestWhereTheStageWasTaken: a positive word that tells where a stage was
// taken — what an earlier stage left ("where block 2 had been positive",
// "beneath the remaining focus", "the deep positive area") — is no
// positive margin of this stage (CODING-RULES §1: a stage's margin status;
// final-stage-positive is for a last stage that is not clear).
func TestWhereTheStageWasTaken(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'taken at the deep margin where block 2 had been positive and it was clear' is clear",
			"The second stage was taken at the deep margin where block 2 had been positive and it was clear.",
			fams, []string{"stage 2 blocks=0 margin=clear"}},
		{"§1 margins: 'beneath the remaining focus, … was clear' is clear",
			"The third stage removed a thin layer of cartilage beneath the remaining focus and was processed as a single block, which was clear.",
			fams, []string{"stage 3 blocks=1 margin=clear"}},
		{"§1 margins: 'tumor remained at the deep margin' stays positive",
			"Stage 2, one block: tumor remained at the deep margin.",
			fams, []string{"stage 2 blocks=1 margin=positive"}},
		{"§1 margins: 'the positive area persisted' stays positive",
			"Stage 2: the positive area persisted at the deep margin.",
			fams, []string{"stage 2 blocks=0 margin=positive"}},
	})
}

// TestSizeAfterTheBorders: a tumor's size set off by commas after what
// describes it ("an invasive squamous cell carcinoma with poorly defined
// borders, 2.4 x 2.0 cm, on sun-damaged skin") is its preoperative size
// (CODING-RULES §10: size-missing is for a lesion with no preoperative
// size); a depth is not, nor the final defect set off by commas after the
// tumor's name (a defect's size is no excised diameter either, §6).
func TestSizeAfterTheBorders(t *testing.T) {
	fams := []string{"preop"}
	runPhrases(t, []phraseCase{
		{"§10 size: '… with poorly defined borders, 2.4 x 2.0 cm, on …'",
			"Mohs was indicated for an invasive squamous cell carcinoma with poorly defined borders, 2.4 x 2.0 cm, on sun-damaged skin.",
			fams, []string{"preop 2.4x2"}},
		{"§10 size: '… on a site of prior radiation with poorly defined borders, 1.2 by 1.0 cm'",
			"Mohs was chosen for a squamous cell carcinoma on a site of prior radiation with poorly defined borders, 1.2 by 1.0 cm.",
			fams, []string{"preop 1.2x1"}},
		{"§10 size: the final defect set off by commas after the tumor is no preoperative size",
			"After clearance of the squamous cell carcinoma, the final defect, 2.4 x 2.0 cm, was closed.",
			fams, nil},
		{"§10 size: a tumor's depth is none",
			"Squamous cell carcinoma with poorly defined borders, 2 mm deep, reached the fat.",
			fams, nil},
	})
}

// TestStainOfBothStagesNamedBefore: "the frozen sections of every block of
// both stages were also stained with AE1/AE3 … to highlight single tumor
// cells at the margins" is a stain of every block of both stages
// (CODING-RULES §5: 88342 per block stained), and its reason places no
// tumor at a margin: the second stage stays clear (§1).
func TestStainOfBothStagesNamedBefore(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 stains: 'every block of both stages were also stained with AE1/AE3'",
			"The first stage was divided into four blocks, with tumor at the deep margin of block 2. The second stage, two blocks, was free of tumor. " +
				"Because single infiltrating tumor cells are hard to see on H&E, the frozen sections of every block of both stages were also stained with AE1/AE3 pan-cytokeratin to highlight single tumor cells at the margins.",
			fams, []string{`stage 1 blocks=4 margin=positive stain="AE1/AE3"+reason`, `stage 2 blocks=2 margin=clear histology stain="H&E" stain="AE1/AE3"+reason`}},
	})
}

// TestPluralDiagnosisSites: a plural diagnosis over a list of sites names
// one tumor at each (CODING-RULES §1: each tumor is coded on its own), as
// an intro of a dictation of several tumors lists them; a singular one
// keeps its one site.
func TestPluralDiagnosisSites(t *testing.T) {
	dx := []string{"diagnosis "}
	runPhrases(t, []phraseCase{
		{"§1 tumors: 'basal cell carcinomas of the left forehead and the right upper chest' are two",
			"Three skin cancers were treated today: basal cell carcinomas of the left forehead and the right upper chest, and a squamous cell carcinoma of the left knee.",
			dx, []string{`diagnosis "basal cell carcinomas" site="left forehead"`, `diagnosis "basal cell carcinomas" site="right upper chest"`,
				`diagnosis "squamous cell carcinoma" site="left knee"`}},
		{"§1 tumors: a singular diagnosis 'of the left cheek and the nose' is not split",
			"A basal cell carcinoma of the left cheek and the patient's nose was examined.",
			dx, []string{`diagnosis "basal cell carcinoma" site="left cheek"`}},
	})
}

// TestMohsLesionBiopsyBesideAnother: the Mohs lesion's own biopsy of today
// beside a biopsy of another lesion — in one procedure line ("Punch biopsy
// of a separate lesion; tangential biopsy with frozen section followed by
// Mohs micrographic surgery, right lower leg") or in the paragraph after
// the other lesion's ("We began with the separate lesion. …" then "Next, a
// tangential (shave) biopsy of the right lower leg plaque was performed
// and submitted for frozen section. …") — is the same-day biopsy with its
// frozen section (CODING-RULES §4: 11102 with 88331, not a second biopsy
// of another lesion).
func TestMohsLesionBiopsyBesideAnother(t *testing.T) {
	fams := []string{"same-day-biopsy", "other-biopsy", "frozen-section"}
	runPhrases(t, []phraseCase{
		{"§4 '…; tangential biopsy with frozen section followed by Mohs micrographic surgery'",
			"Punch biopsy of a separate lesion; tangential biopsy with frozen section followed by Mohs micrographic surgery, right lower leg.",
			fams, []string{`other-biopsy "Punch biopsy" site="" impression="" uncertain=false`, `same-day-biopsy "tangential biopsy"`, "frozen-section 0"}},
		{"§4 'Next, a tangential (shave) biopsy …' after the separate lesion's paragraph",
			"We began with the separate lesion. A 4 mm punch biopsy of the left upper arm papule was performed; clinical impression squamous cell carcinoma versus dermatofibroma.\n\n" +
				"Next, a tangential (shave) biopsy of the right lower leg plaque was performed and submitted for frozen section. The specimen was processed as two frozen-section blocks.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left upper arm papule" impression="squamous cell carcinoma versus dermatofibroma" uncertain=true`,
				`same-day-biopsy "tangential (shave) biopsy"`, "frozen-section 2"}},
	})
}

// TestTerseSecondaryDefect: a terse note's "sec defect 6.5 sq cm" is the
// flap's secondary defect (CODING-RULES §3: flaps are coded on primary plus
// secondary defect area), not its defect.
func TestTerseSecondaryDefect(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 'primary defect 2.6 x 2.2cm, sec defect 6.5 sq cm'",
			"Repaired with a rotation flap after clearance; primary defect 2.6 x 2.2cm, sec defect 6.5 sq cm.",
			[]string{"repair "}, []string{`repair "rotation flap" defect=2.6x2.2 secondary=6.5 sq after-clearance`}},
	})
}

// TestBiopsiesTitleWithEachKind: a heading sentence over the biopsies a
// note lists one by one, giving the kind of each ("Biopsies of other
// lesions, performed after the Mohs repair at the patient's request (4 mm
// punch each; …)"), is no biopsy of its own (CODING-RULES §4: it had
// become a fourth biopsy with no site, site-unknown).
func TestBiopsiesTitleWithEachKind(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 'Biopsies of other lesions, … (4 mm punch each; …)' is a title",
			"Biopsies of other lesions, performed after the Mohs repair at the patient's request (4 mm punch each; all specimens placed in formalin for permanent sections, none for frozen section).",
			[]string{"other-biopsy"}, nil},
	})
}

// TestSiteDashDxShorthand: a terse note's "Rt posterior upper arm - Dx
// SCC, WD" places the diagnosis at the site that opens the line (CODING-
// RULES §1: the lesion had no site, site-missing, no line).
func TestSiteDashDxShorthand(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 site: 'Rt posterior upper arm - Dx SCC, WD'",
			"Rt posterior upper arm - Dx SCC, WD. Pre-op sz 1.5x1.2cm.",
			[]string{"diagnosis "}, []string{`diagnosis "SCC" site="Rt posterior upper arm"`}},
	})
}

// TestBiopsyAfterAnAsideAndItsImpression: "The patient pointed out a new
// … papule on the left upper back. The clinical impression was rule out
// basal cell carcinoma versus inflamed seborrheic keratosis. After consent
// and local anesthesia, a 3 mm punch biopsy was performed …" is a biopsy of
// that other lesion (CODING-RULES §4: biopsies of other lesions), its
// impression between the aside and the biopsy and a clause before its "a".
func TestBiopsyAfterAnAsideAndItsImpression(t *testing.T) {
	fams := []string{"other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 other biopsy: an impression naming a keratosis between the aside and the biopsy",
			"The patient pointed out a new, 5 mm pink, shiny papule on the left upper back. The clinical impression was rule out basal cell carcinoma versus inflamed seborrheic keratosis. After consent and local anesthesia, a 3 mm punch biopsy was performed and the site was closed with one 4-0 nylon suture.",
			fams, []string{`other-biopsy "3 mm punch biopsy" site="left upper back" impression="was rule out basal cell carcinoma versus inflamed seborrheic keratosis" uncertain=true`}},
		{"§4 other biopsy: an aside timed between stages, the papule described before its site, no comma before the biopsy's article",
			"During the wait between stages she showed me a 5 mm asymmetric brown papule with a darker center on the right anterior thigh. Clinical impression: atypical pigmented lesion. After separate consent a 4 mm punch biopsy was performed and closed with one 4-0 nylon suture.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="right anterior thigh" impression="atypical pigmented lesion" uncertain=false`}},
	})
}

// TestItIsTheStageOfTheReason: "Because of the size of the first layer, it
// was divided into seven tissue blocks." — the "it" of the main clause is
// the stage the reason named (CODING-RULES §2: blocks per stage; a count
// tied to no stage makes no 17315).
func TestItIsTheStageOfTheReason(t *testing.T) {
	fams := []string{"stage ", "unstaged "}
	runPhrases(t, []phraseCase{
		{"§2 blocks: 'Because of the size of the first layer, it was divided into seven tissue blocks'",
			"Because of the size of the first layer, it was divided into seven tissue blocks. Tumor reached the peripheral margin of block six. A second layer was excised and divided into two tissue blocks, both clear.",
			fams, []string{"stage 1 blocks=7 margin=positive", "stage 2 blocks=2 margin=clear"}},
		{"§2 blocks: the main clause's own stage after a reason",
			"Because of the size of the first layer, a second layer was divided into two tissue blocks.",
			fams, []string{"stage 2 blocks=2 margin=unknown"}},
	})
}

// TestCombinedDefect: "… the intervening bridge was excised, converting
// them into one combined defect measuring 3.3 x 1.8 cm. This single defect
// was repaired with one … rotation flap; the secondary defect measured 9.0
// sq cm." — the combined defect is the flap's primary defect (CODING-RULES
// §3: a flap's area is its primary and secondary defects).
func TestCombinedDefect(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 flap area: 'converting them into one combined defect measuring 3.3 x 1.8 cm'",
			"After tumor clearance at both sites, the intervening bridge was excised, converting them into one combined defect measuring 3.3 x 1.8 cm. This single defect was repaired with one inferolaterally based rotation flap; the secondary defect measured 9.0 sq cm.",
			fams, []string{`repair "rotation flap" defect=3.3x1.8 secondary=9 sq after-clearance`}},
	})
}

// TestTerseLesionLineSize: a terse note's lesion line gives the tumour's
// size right after its abbreviation and subtype, with no comma and no
// word of measuring ("R cheek BCC infil 1.6x1.3cm; ill-defined", "L helix
// SCC WD 1.0x0.8cm" with the biopsy on the next line): the preoperative
// size (CODING-RULES §1, size-missing otherwise). A sentence that gaps its
// verb over several tumours' sizes does not give one this way.
func TestTerseLesionLineSize(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§1 size: 'R cheek BCC infil 1.6x1.3cm; ill-defined'", "R cheek BCC infil 1.6x1.3cm; ill-defined", fams, []string{"preop 1.6x1.3"}},
		{"§1 size: 'L helix SCC WD 1.0x0.8cm' over the biopsy line", "L helix SCC WD 1.0x0.8cm\nbx+ 9/24/26 shave (TMS26-1335)", fams, []string{"preop 1x0.8"}},
		{"§1 size: a sentence running on after the size gives none", "L helix SCC WD 1.0x0.8cm deep to the cartilage edge", fams, nil},
		{"§1 size: a size alone after the tumor's sentence ('Nodular BCC, shave bx Sep 28 (acc SG26-1519). 1.3 x 1.1 cm.')", "Nodular BCC, shave bx Sep 28 (acc SG26-1519). 1.3 x 1.1 cm.", fams, []string{"preop 1.3x1.1"}},
		{"§1 size: a size alone after a defect's sentence is none", "The final defect was closed. 1.3 x 1.1 cm.", fams, nil},
		{"§1 size: subtypes joined by a slash ('R upper back BCC nod/sup 2.2x1.8cm')", "R upper back BCC nod/sup 2.2x1.8cm\nbx+ 9/10/26 shave", fams, []string{"preop 2.2x1.8"}},
		{"§1 size: a gapped verb's two sizes, one each",
			"The crown basal cell carcinoma measures 1.1 x 0.9 cm and the occipital squamous cell carcinoma 1.4 x 1.2 cm.", fams, []string{"preop 1.1x0.9", "preop 1.4x1.2"}},
	})
}

// TestTerseSiteWithRemark: "R upper lip (cutaneous) BCC nod 0.9x0.7cm" — a
// terse lesion line's site with a remark in parentheses before the tumour
// — gives the tumour its site with the remark, which may say which part
// ("(vermilion)" is no skin of the lip: CODING-RULES §9).
func TestTerseSiteWithRemark(t *testing.T) {
	fams := []string{"diagnosis "}
	runPhrases(t, []phraseCase{
		{"§9 site: 'R upper lip (cutaneous) BCC nod 0.9x0.7cm'", "R upper lip (cutaneous) BCC nod 0.9x0.7cm", fams, []string{`diagnosis "BCC" site="R upper lip (cutaneous)"`}},
		{"§9 site: 'R upper lip (vermilion) SCC 0.9x0.7cm'", "R upper lip (vermilion) SCC 0.9x0.7cm", fams, []string{`diagnosis "SCC" site="R upper lip (vermilion)"`}},
		{"§9 site: a terse lesion line under a line with no stop ('MMS x1' over 'sup helix BCC nod 0.9x0.7cm')", "MMS x1\nsup helix BCC nod 0.9x0.7cm", fams, []string{`diagnosis "BCC" site="sup helix"`}},
	})
}
