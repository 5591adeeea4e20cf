package prose

import "testing"

// TestDeferredVisitRepair: a repair named as the object of a visit to come
// is a deferred closure (CODING-RULES §3: a closure done another day or by
// another surgeon gives no repair line, `no-repair-code`); a later visit for
// something else leaves today's repair alone.
func TestDeferredVisitRepair(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 repair: 'will return next Tuesday for a full-thickness skin graft' is deferred",
			"Reconstruction was not performed today. The patient will return next Tuesday for a full-thickness skin graft with Dr. Imai.",
			fams, []string{`repair "full-thickness skin graft" no-repair later by="Dr. Imai"`}},
		{"§3 repair: 'is scheduled for a flap next week' is deferred",
			"The defect was dressed and she is scheduled for a rotation flap next week.",
			fams, []string{`repair "rotation flap" no-repair later`}},
		{"§3 repair: 'closure with a bilobed flap is planned for next week' is deferred",
			"The wound was dressed. Closure with a bilobed flap is planned for next week.",
			fams, []string{`repair "bilobed flap" no-repair later`}},
		{"§3 repair: 'we will perform a full-thickness skin graft next week' is deferred",
			"We will perform a full-thickness skin graft next week.",
			fams, []string{`repair "full-thickness skin graft" no-repair later`}},
		{"§3 repair: a new subject after 'and' starts a clause of its own",
			"The defect was closed with a rotation flap and the patient will return next week for suture removal.",
			fams, []string{`repair "rotation flap"`}},
		{"§3 repair: suture removal next week leaves today's flap",
			"The defect was closed with an advancement flap, with suture removal next week.",
			fams, []string{`repair "advancement flap"`}},
		{"§3 repair: a visit for suture removal leaves today's closure",
			"The defect was repaired with an intermediate layered closure, 3.0 cm, and he will return in two weeks for suture removal.",
			fams, []string{`repair "intermediate layered closure" length=3`}},
	})
}

// TestFocusAtMargin: a focus of tumor placed on a margin makes the stage
// positive (CODING-RULES §3: a stage is positive where tumor is placed on a
// margin).
func TestFocusAtMargin(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§3 margins: 'a single focus at the deep margin of block 1'",
			"Stage 2, two blocks, showed a single focus at the deep margin of block 1; block 2 clear.",
			fams, []string{"stage 2 blocks=2 margin=positive"}},
		{"§3 margins: 'a focus of inflammation at the deep margin' is no tumor",
			"Stage 2, two blocks, showed a focus of inflammation at the deep margin of block 1; block 2 clear.",
			fams, []string{"stage 2 blocks=2 margin=clear"}},
		{"§3 margins: 'a focus of residual BCC at the deep margin' is tumor",
			"Stage 2, two blocks, showed a focus of residual BCC at the deep margin of block 1; block 2 clear.",
			fams, []string{"stage 2 blocks=2 margin=positive histology"}},
	})
}

// TestSiteOpensDiagnosis: a site that opens the sentence before a comma
// and the tumor is the lesion's site (NOTE-FORMAT §3: `Site`, anatomical
// text; "Layouts read": a fact counts wherever the note states it).
func TestSiteOpensDiagnosis(t *testing.T) {
	fams := []string{"diagnosis "}
	runPhrases(t, []phraseCase{
		{"§3 site: 'Right temple, infiltrative basal cell carcinoma, biopsy-proven …'",
			"Right temple, infiltrative basal cell carcinoma, biopsy-proven 09/15/2026 by shave.",
			fams, []string{`diagnosis "infiltrative basal cell carcinoma" site="Right temple"`}},
		{"§3 site: 'L jawline, nod + micronodular bcc, bx+ shave …' (subtypes joined before the tumor)",
			"L jawline, nod + micronodular bcc, bx+ shave 11/10/26 (CR26-4870).",
			fams, []string{`diagnosis "micronodular bcc" site="L jawline"`}},
		{"§3 site: 'L preauricular -- BCC, morpheaform' (a double hyphen for the dash)",
			"L preauricular -- BCC, morpheaform. bx 09/23/26 (SP-26-1302).",
			fams, []string{`diagnosis "BCC" site="L preauricular"`}},
		{"§3 site: a word before the comma that is no site gives none",
			"Today, infiltrative basal cell carcinoma was treated.",
			fams, []string{`diagnosis "infiltrative basal cell carcinoma" site=""`}},
	})
}

// TestTerseSiteOpenings: a paragraph's first sentence that opens with a
// site and the lesion it describes ("R preauricular pearly papule, 6
// mo."), or is a site and where on it ("mms L helix (sup helical rim)."),
// names the lesion's site (NOTE-FORMAT §3: `Site`); a site before a word
// that describes no lesion names none.
func TestTerseSiteOpenings(t *testing.T) {
	fams := []string{"site "}
	runPhrases(t, []phraseCase{
		{"§3 site: 'R preauricular pearly papule, 6 mo.'", "R preauricular pearly papule, 6 mo. no prior bx.", fams, []string{`site "R preauricular"`}},
		{"§3 site: 'L forearm scaly pink plaque'", "L forearm scaly pink plaque, 3 mo.", fams, []string{`site "L forearm"`}},
		{"§3 site: 'mms L helix (sup helical rim).'", "mms L helix (sup helical rim). consent signed.", fams, []string{`site "mms L helix"`}},
		{"§3 site: no lesion noun, no site", "R preauricular area prepped and draped.", fams, nil},
	})
}

// TestTerseDefects: "def" is a defect in a terse note's repair ("primary
// def 2.4x2.0cm; secondary def 3.5x2.0cm"), so the flap is sized by both
// (CODING-RULES §3: flap size = primary + secondary defect).
func TestTerseDefects(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 flap: 'primary def 2.4x2.0cm; secondary def 3.5x2.0cm'",
			"after clearance advancement flap (Burow's), L cheek; primary def 2.4x2.0cm; secondary def 3.5x2.0cm", fams,
			[]string{`repair "advancement flap" defect=2.4x2 secondary=3.5x2 after-clearance`}},
	})
}

// TestBiopsyOfSeparateLesionSite: a numbered procedures line's "tangential
// biopsy of a separate lesion" takes no site from the Mohs procedure
// before it (CODING-RULES §4: a biopsy of another lesion; its site is the
// one its own section gives).
func TestBiopsyOfSeparateLesionSite(t *testing.T) {
	fams := []string{"other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsies: '(1) Mohs …, left nasal ala; (2) …; (3) tangential biopsy of a separate lesion'",
			"Procedures: (1) Mohs micrographic surgery, left nasal ala; (2) adjacent tissue transfer; (3) tangential biopsy of a separate lesion.", fams,
			[]string{`other-biopsy "tangential biopsy" site="" impression="" uncertain=false`}},
		{"§4 biopsies: 'Punch biopsy of a separate lesion, left dorsal forearm'",
			"Punch biopsy of a separate lesion, left dorsal forearm, with frozen section.", fams,
			[]string{`other-biopsy "Punch biopsy" site="left dorsal forearm" impression="" uncertain=false`}},
	})
}

// TestMohsNumeralStages: "Mohs I" and "Mohs II" name stages in a
// dictation ("Mohs I was taken … and divided into four blocks"); the
// pronoun after "Mohs" names none (CODING-RULES §1: a stage and its
// blocks).
func TestMohsNumeralStages(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'Mohs I was taken … divided into four blocks. Mohs II was two blocks … clear.'",
			"Mohs I was taken with a 5 mm margin and divided into four blocks. Mohs II was two blocks from the peripheral margin, and both blocks were clear.", fams,
			[]string{"stage 1 blocks=4 margin=unknown", "stage 2 blocks=2 margin=clear"}},
		{"§1 stages: 'after Mohs I closed the defect' names no stage",
			"After Mohs I closed the defect with a layered repair.", fams, nil},
	})
}

// TestStagesAfterTheirCount: after a count of stages, "the first of three
// blocks …, the second of one block" names each stage (CODING-RULES §1).
func TestStagesAfterTheirCount(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'two stages, the first of three blocks …, the second of one block, clear'",
			"Counts: two stages, the first of three blocks with tumor at the deep margin of block 3 (blocks 1 and 2 clear), the second of one block, clear; four blocks total.", fams,
			[]string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=clear"}},
	})
}

// TestTallyClauses: a total in parentheses is no stage's count ("the
// second of one block, clear (3 blocks in all)"), and "took one stage of
// two blocks" is stage 1 of two blocks (CODING-RULES §1).
func TestTallyClauses(t *testing.T) {
	fams := []string{"stage ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§1 stages: '… and the second of one block, clear (3 blocks in all)'",
			"the right cheek took two stages, the first of two blocks with tumor at the deep margin of block 2 (block 1 clear) and the second of one block, clear (3 blocks in all).", fams,
			[]string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"§1 stages: 'the left neck took one stage of two blocks, both clear'",
			"and the left neck took one stage of two blocks, both clear.", fams, []string{"stage 1 blocks=2 margin=clear"}},
	})
}

// TestBiopsyTitleOfCount: a procedures line that titles the biopsies the
// note describes one by one ("punch biopsy and tangential biopsy of two
// other lesions") is no biopsy of its own (CODING-RULES §4: each biopsy
// once).
func TestBiopsyTitleOfCount(t *testing.T) {
	fams := []string{"other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsies: 'punch biopsy and tangential biopsy of two other lesions'",
			"PROCEDURES: Mohs micrographic surgery at two sites; intermediate repair of the nose; punch biopsy and tangential biopsy of two other lesions.", fams, nil},
	})
}

// TestOpeningDate: a date standing alone as the first sentence of a
// paragraph that goes on dates the note (NOTE-FORMAT §2: `Date of service`,
// "Layouts read": a fact counts wherever the note states it); a date alone
// elsewhere is not read.
func TestOpeningDate(t *testing.T) {
	fams := []string{"service-date "}
	runPhrases(t, []phraseCase{
		{"§2 date: '10/13/2026. Patient …' opens the dictation",
			"10/13/2026. Patient Theodora Ajayi, MRN 44-9012. Surgeon Dr. Okoro.",
			fams, []string{`service-date "10/13/2026"`}},
		{"§2 date: a date alone in a paragraph of its own (a signature's) is not read",
			"Dr. Okoro\n\n10/14/2026.",
			fams, nil},
		{"§2 date: a date the next sentence gives to a biopsy is not read",
			"09/15/2026. Shave biopsy of the left cheek showed basal cell carcinoma.",
			fams, nil},
		{"§2 date: a date after the first sentence is not read",
			"Patient seen today. 10/13/2026. Surgeon Dr. Okoro.",
			fams, nil},
	})
}

// TestTumorSaidCleared: "the tumor was considered cleared" says the margins
// are clear, not that tumor lies on them (CODING-RULES §3: a stage is
// positive only where tumor is placed on a margin).
func TestTumorSaidCleared(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§3 margins: negated residual and 'the tumor was considered cleared' is clear",
			"A second stage was taken in two sections. No residual carcinoma was identified at the peripheral or deep margins of either section, and the tumor was considered cleared.",
			fams, []string{"stage 2 blocks=2 margin=clear"}},
		{"§3 margins: tumor remaining at the deep margin stays positive",
			"A second stage was taken in two sections. Tumor remained at the deep margin of section 1.",
			fams, []string{"stage 2 blocks=2 margin=positive"}},
		{"§3 margins: 'a focus of inflammation at the deep margin' is no tumor",
			"Stage 2, two blocks, showed a focus of inflammation at the deep margin of block 1; block 2 clear.",
			fams, []string{"stage 2 blocks=2 margin=clear"}},
		{"§3 margins: 'a focus of residual BCC at the deep margin' is tumor",
			"Stage 2, two blocks, showed a focus of residual BCC at the deep margin of block 1; block 2 clear.",
			fams, []string{"stage 2 blocks=2 margin=positive histology"}},
	})
}

// TestSiteAppositionSize: a size set off by commas after the site of a
// lesion noun is the pre-operative size (NOTE-FORMAT §3: `Preoperative
// size`; "Layouts read": a fact counts wherever the note states it).
func TestSiteAppositionSize(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§3 size: 'the tumor is on the forehead, 1.6 x 1.4 cm, with …'",
			"The tumor is on the forehead, 1.6 x 1.4 cm, with poorly defined clinical borders.",
			fams, []string{"preop 1.6x1.4"}},
		{"§3 size: 'lesion of the jawline, 1.4 x 1.2 cm before surgery'",
			"Recurrent, ill-defined lesion of the jawline, 1.4 x 1.2 cm before surgery.",
			fams, []string{"preop 1.4x1.2"}},
		{"§3 size: a margin after the site's size is no lesion size",
			"The tumor is on the forehead, 4 mm margin taken.",
			fams, nil},
	})
}

// TestSeenDate: the date a patient was seen, in the sentence that names
// the visit, is the date of service (NOTE-FORMAT §2: `Date of service`);
// "seen" beside a biopsy dates the biopsy, not today.
func TestSeenDate(t *testing.T) {
	fams := []string{"service-date "}
	runPhrases(t, []phraseCase{
		{"§2 date: 'Patient …, MRN …, seen 10/20/2026 by Dr. …'",
			"Patient Otis Lindqvist, MRN 20-77150, seen 10/20/2026 by Dr. Marguerite Obi.",
			fams, []string{`service-date "10/20/2026"`}},
		{"§2 date: 'seen on' a date",
			"The patient was seen on 10/20/2026 for Mohs surgery.",
			fams, []string{`service-date "10/20/2026"`}},
		{"§2 date: seen for a biopsy dates the biopsy",
			"She was seen 09/01/2026 for a shave biopsy.",
			fams, nil},
		{"§2 date: a visit before today ('last seen') is none",
			"Patient Otis Lindqvist was last seen 06/01/2026 by Dr. Obi.",
			fams, nil},
		{"§2 date: 'seen' with no date is none",
			"No tumor was seen at the margins.",
			fams, nil},
	})
}

// TestLineBreakBeforeNumber: a line that ends in a word asking for a number
// goes on in the number that starts the next line (NOTE-FORMAT §1: line
// breaks carry no meaning in narrative), so the size is the lesion's
// (NOTE-FORMAT §3: `Preoperative size`).
func TestLineBreakBeforeNumber(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§3 size: 'measuring' / '1.7 x 1.5 cm' across a line break",
			"He has a nodular basal cell carcinoma of the left anterior shin measuring\n1.7 x 1.5 cm, biopsy-proven on 09/22/2026.",
			fams, []string{"preop 1.7x1.5"}},
		{"§3 size: a number after a line ending in a noun starts a new sentence",
			"The wound was dressed with petrolatum\n2 x 2 gauze was applied.",
			fams, nil},
	})
}

// TestVoiceStageTwo: voice recognition writes "stage two" as "stage to";
// as the subject of its sentence it is stage 2 (NOTE-FORMAT §1: a stage
// ordinal is a number or a word; CODING-RULES §1: each stage after the
// first is an additional stage). "to" before anything but its verb is no
// number.
func TestVoiceStageTwo(t *testing.T) {
	fams := []string{"stage ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'stage to was taken as one block' is stage 2",
			"stage one consisted of two blocks with tumor at the deep margin of block one.\nstage to was taken as one block at the deep base and no tumor was seen.",
			fams, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"§1 stages: 'the second stage too was clear' is 'also'",
			"The first stage was two blocks with tumor at the deep margin. The second stage was one block. The third stage too was clear.",
			fams, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=unknown", "stage 3 blocks=0 margin=clear"}},
		{"§1 stages: 'stage to the laboratory' is no stage",
			"stage one consisted of two blocks with tumor at the deep margin of block one. The tissue of the stage to the laboratory was one block.",
			fams, []string{"stage 1 blocks=0 margin=positive", "ambiguity two block counts (2 and 1) for stage 1"}},
	})
}

// TestMapOfEveryLesion: a map statement that names each site is every
// lesion's (NOTE-FORMAT "Layouts read": `Map: drawn for each site` is every
// lesion's map); one that names none is its own lesion's.
func TestMapOfEveryLesion(t *testing.T) {
	fams := []string{"map "}
	runPhrases(t, []phraseCase{
		{"Layouts read: 'A Mohs map was drawn for each site'",
			"A Mohs map was drawn for each site.", fams, []string{"map true every"}},
		{"Layouts read: 'Mohs maps were drawn for both lesions'",
			"Mohs maps were drawn for both lesions.", fams, []string{"map true every"}},
		{"Layouts read: 'A Mohs map was drawn' is its lesion's",
			"A Mohs map was drawn.", fams, []string{"map true"}},
	})
}

// TestConsentRisks: the risks a consent discussion lists are supposed, not
// found: they name no deep structure the surgery reached (CODING-RULES §1:
// a deep structure involved moves the site to H). A structure reached
// stays.
func TestConsentRisks(t *testing.T) {
	fams := []string{"deep ", "map "}
	runPhrases(t, []phraseCase{
		{"§1 deep: 'risks, including … permanent nerve weakness' is no nerve involved",
			"Consent was signed after a discussion of risks, including scarring and temporary or permanent nerve weakness.",
			fams, nil},
		{"§1 deep: 'risks of … nerve damage were discussed and the map was drawn'",
			"Risks of bleeding and nerve damage were discussed and a Mohs map was drawn.",
			fams, []string{"map true"}},
		{"§1 deep: a stage taken into muscle stays",
			"The second stage was taken down to muscle.",
			fams, []string{`deep "muscle" negated=false`}},
	})
}

// TestOtherLesionBiopsyTakenFrom: a biopsy "taken from a nodule of" another
// site, added "in addition", is another lesion's biopsy (CODING-RULES §4:
// a biopsy of another lesion is coded apart); its site is not the Mohs
// lesion's (NOTE-FORMAT "Layouts read": the site a diagnosis names wins
// over a sentence about a biopsy of another lesion).
func TestOtherLesionBiopsyTakenFrom(t *testing.T) {
	fams := []string{"site ", "other-biopsy ", "same-day-biopsy ", "prior-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsy: 'In addition, a punch biopsy was taken from a nodule of the right shin'",
			"Basal cell carcinoma of the left cheek. In addition, a punch biopsy was taken from a nodule of the right shin.",
			fams, []string{`site "left cheek"`, `other-biopsy "punch biopsy" site="right shin" impression="" uncertain=false`}},
		{"§4 biopsy: 'Additionally, a shave biopsy of a papule on the left hand was performed'",
			"Basal cell carcinoma of the left cheek. Additionally, a shave biopsy of a papule on the left hand was performed.",
			fams, []string{`site "left cheek"`, `other-biopsy "shave biopsy" site="left hand" impression="" uncertain=false`}},
		{"§4 biopsy: the lesion's own prior biopsy stays its prior biopsy",
			"Basal cell carcinoma of the left cheek, proven on shave biopsy of the lesion.",
			fams, []string{"prior-biopsy true", `site "left cheek"`}},
	})
}

// TestTodayBiopsyOfAnotherSite: a lesion brought in with "a" on a site other
// than the one the prose named, biopsied today, is another lesion (CODING-RULES
// §4: a biopsy of another lesion is coded apart); on the same site, or with no
// site named before, it stays this lesion's same-day biopsy.
func TestTodayBiopsyOfAnotherSite(t *testing.T) {
	fams := []string{"other-biopsy ", "same-day-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsy: 'a pink papule on the right forearm, was shave biopsied today' after a left cheek tumor",
			"Basal cell carcinoma of the left cheek. A second lesion, a pink papule on the right forearm, was shave biopsied today.",
			fams, []string{`other-biopsy "shave" site="right forearm" impression="" uncertain=false`}},
		{"§4 biopsy: the same site stays this lesion's",
			"Basal cell carcinoma of the left cheek. A pink papule on the left cheek was shave biopsied today.",
			fams, []string{`same-day-biopsy "shave"`}},
		{"§4 biopsy: no site named before: nothing is known",
			"A pink papule on the right forearm was shave biopsied today.",
			fams, []string{`same-day-biopsy "shave"`}},
	})
}

// TestTerseIndicationAndSize: a terse note's "ind:" names why Mohs was
// chosen and its "preop" the size before surgery (CODING-RULES §1: the
// indication and the pre-operative size are documented); "preop dx:" is
// no size.
func TestTerseIndicationAndSize(t *testing.T) {
	fams := []string{"indication", "preop "}
	runPhrases(t, []phraseCase{
		{"§1 indication and size: 'ind: LM on face/H-zone, ill-defined. preop 1.4x1.1cm'",
			"MMS L malar cheek -- MIS, LM type. bx+ 09/29/26 shave (CF26-5120). ind: LM on face/H-zone, ill-defined pigment. preop 1.4x1.1cm",
			fams, []string{"indication", "preop 1.4x1.1"}},
		{"§1 size: 'preop dx: BCC, nodular' names no size",
			"MMS L nasal ala. preop dx: BCC, nodular, L nasal ala.",
			fams, nil},
	})
}

// TestPlusSecondaryDefect: a terse note's flap gives its primary defect
// without a unit and its secondary defect after a plus (CODING-RULES §3: a
// flap is coded on the primary plus the secondary defect); the area after
// the plus is no primary defect.
func TestPlusSecondaryDefect(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 flap: 'rotation flap (ATT), def 2.6x2.2 + sec 6.0 sq cm'",
			"after clearance: rotation flap (ATT), def 2.6x2.2 + sec 6.0 sq cm; 4-0 vicryl deep",
			fams, []string{`repair "rotation flap" defect=2.6x2.2 secondary=6 sq after-clearance`}},
		{"§3 flap: 'rhombic ATT, def 1.6x1.5 + sec def 2.4 sq cm'",
			"after clearance rhombic ATT, def 1.6x1.5 + sec def 2.4 sq cm; 4-0 monocryl",
			fams, []string{`repair "rhombic ATT" defect=1.6x1.5 secondary=2.4 sq after-clearance`}},
	})
}

// TestWeighedRepairOption: a repair weighed and set aside ("was felt likely
// to leave a depressed tip") is no repair done (CODING-RULES §3: a repair
// only considered is not coded); the repair that was done stays.
func TestWeighedRepairOption(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 repair: 'A full-thickness skin graft was felt likely to leave a depressed tip' is no graft",
			"After tumor clearance, the options were discussed. A full-thickness skin graft was felt likely to leave a depressed, poorly matched tip. We therefore proceeded with a bilobed flap.",
			fams, []string{`repair "bilobed flap" after-clearance`}},
	})
}

// TestRepairStageIsNoMohsStage: "the first stage of a … interpolation
// flap" is the repair's stage, not a Mohs stage (CODING-RULES §1: a stage
// is a Mohs stage of tissue removed and examined).
func TestRepairStageIsNoMohsStage(t *testing.T) {
	fams := []string{"stage ", "repair "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'we performed the first stage of a left melolabial interpolation flap' is no Mohs stage",
			"After tumor clearance, we performed the first stage of a left melolabial interpolation flap.",
			fams, []string{`repair "interpolation flap" after-clearance`}},
		{"§1 stages: 'the first stage of two blocks' still is one",
			"The first stage of two blocks was clear.",
			fams, []string{"stage 1 blocks=2 margin=clear"}},
	})
}

// TestReaderAfterWhatIDid: "I performed … and … and personally read all
// frozen sections" says the surgeon read the slides, the things done listed
// first (CODING-RULES §1: the surgeon must read the slides); "… and the
// fellow read …" names someone else.
func TestReaderAfterWhatIDid(t *testing.T) {
	fams := []string{"reader"}
	runPhrases(t, []phraseCase{
		{"§1 reader: 'I performed the Mohs surgery and graft and personally read all frozen sections'",
			"I performed the Mohs surgery and graft and personally read all frozen sections.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: 'I performed the Mohs layers and the graft and read all frozen sections personally'",
			"I performed the Mohs layers and the graft and read all frozen sections personally; I agree with the note above.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: 'I took the Mohs layers and the fellow read the frozen sections' is no surgeon reading",
			"I took the Mohs layers and the fellow read the frozen sections.",
			fams, nil},
		{"§1 reader: 'We reviewed the risks, benefits and alternatives' reads no slide",
			"We reviewed the risks, benefits and alternatives (standard excision, radiation), including bleeding and scarring.",
			fams, nil},
		{"§1 reader: 'I reviewed all frozen sections myself' is the surgeon reading",
			"I reviewed all frozen sections myself.",
			fams, []string{"reader surgeon"}},
	})
}

// TestConcessiveStageKeepsCurrent: a "Because …" clause that names an
// earlier stage ("Because the inflammation in stage 1 had been dense …,
// AE1/AE3 was run on both blocks") leaves the main clause with the stage
// the sentences before told of (CODING-RULES §5: a stain's units are the
// blocks of the stage it ran on).
func TestConcessiveStageKeepsCurrent(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 stains: 'Because … in stage 1 …, AE1/AE3 was run on both blocks' after stage 2's count",
			"Stage 1 was divided into 3 blocks; block 1 was positive at the deep margin. Stage 2 consisted of 2 blocks. Because the inflammation in stage 1 had been dense enough to hide single tumor cells, AE1/AE3 was run on both blocks to look for isolated keratinocytes at the margin. Both blocks were clear.",
			fams, []string{"stage 1 blocks=3 margin=positive", `stage 2 blocks=2 margin=clear histology stain="AE1/AE3"+reason`}},
	})
}
