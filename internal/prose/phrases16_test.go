package prose

import "testing"

// TestTumorThenButMarginsClear: a tumor described in the dermis, then "but
// all three blocks were free of tumor", is the stage's histology and a clear
// margin (CODING-RULES §1: the margins of the last stage), not a positive
// margin.
func TestTumorThenButMarginsClear(t *testing.T) {
	fams := []string{"unstaged "}
	runPhrases(t, []phraseCase{
		{"§1 margins: 'BCC was present in the central dermis but all three blocks were free of tumor'",
			"I examined the frozen sections myself: nodular BCC was present in the central dermis but all three blocks were free of tumor at the peripheral and deep margins; no perineural invasion.",
			fams, []string{"unstaged blocks=0 margin=clear histology"}},
		{"§1 margins: 'BCC was present at the deep margin but the other blocks were clear' stays positive",
			"Nodular BCC was present at the deep margin of block 1, but the other blocks were clear.",
			fams, []string{"unstaged blocks=0 margin=positive histology"}},
	})
}

// TestPriorBiopsyByAccession: a pathology report cited by its accession
// numbers is the prior biopsy (CODING-RULES §9: the diagnosis is confirmed
// by prior pathology); a biopsy sent for frozen section, with no date or
// past, is done today (§4).
func TestPriorBiopsyByAccession(t *testing.T) {
	fams := []string{"prior-biopsy", "same-day-biopsy", "frozen-section"}
	runPhrases(t, []phraseCase{
		{"§9 prior biopsy: 'Pathology … was obtained at an outside practice on 02/26/2026 (accessions …)'",
			"Pathology for both tumors was obtained at an outside practice on 02/26/2026 (accessions AX26-4410 and AX26-4411) and reviewed.",
			fams, []string{"prior-biopsy true"}},
		{"§4 same-day biopsy: 'a 3 mm punch biopsy … was performed and submitted for frozen section, processed as two blocks'",
			"After consent and a time-out, a 3 mm punch biopsy of the lesion was performed and submitted for frozen section, processed as two blocks, which I read as nodular basal cell carcinoma.",
			fams, []string{`same-day-biopsy "3 mm punch biopsy"`, "frozen-section 2"}},
		{"§4 a dated biopsy read on frozen section is no biopsy of today",
			"A shave biopsy on 03/01/2026 was read on frozen section as basal cell carcinoma.",
			fams, []string{"prior-biopsy true"}},
	})
}

// TestTerseIndications: why Mohs was chosen, stated tersely after the
// diagnosis (CODING-RULES §1: the indication is documented).
func TestTerseIndications(t *testing.T) {
	fams := []string{"indication"}
	runPhrases(t, []phraseCase{
		{"§1 indication: '…; Mohs for facial location'",
			"Well-differentiated squamous cell carcinoma, 0.9 x 0.8 cm; Mohs for facial location.",
			fams, []string{"indication"}},
		{"§1 indication: '…, hence Mohs'",
			"Moderately differentiated squamous cell carcinoma, 1.5 x 1.5 cm, in an immunosuppressed patient (chronic lymphocytic leukemia), hence Mohs.",
			fams, []string{"indication"}},
		{"§1 indication: 'treated with Mohs for the location on the hand'",
			"Squamous cell carcinoma, well differentiated, 1.0 x 0.9 cm, treated with Mohs for the location on the hand and thin skin over the extensor tendons.",
			fams, []string{"indication"}},
		{"§1 indication: 'Mohs indicated for moderate differentiation and a diameter over 1 cm'",
			"Moderately differentiated squamous cell carcinoma of the left lateral neck, 1.3 x 1.1 cm; Mohs indicated for moderate differentiation and a diameter over 1 cm in a patient with chronic lymphocytic leukemia.",
			fams, []string{"indication"}},
		{"§1 indication: 'chosen because of the rapid growth, the transected deep margin'",
			"Mohs surgery was chosen because of the rapid growth, the transected deep margin and her need to continue apixaban.",
			fams, []string{"indication"}},
		{"§1 indication: a transected margin with no cue of a choice is none",
			"The biopsy margin was transected.",
			fams, nil},
		{"§1 indication: 'Mohs for' with no reason after it is none",
			"Mohs for the lesion was done today.",
			fams, nil},
		{"§1 indication: '…, ill-defined (indication)'",
			"The forehead tumor was a squamous cell carcinoma of the right forehead, 1.2 x 1.1 cm, ill-defined (indication).",
			fams, []string{"indication"}},
		{"§1 indication: the reason two clauses before '(indication)'",
			"A basal cell carcinoma of the left leg, 1.5 x 1.4 cm, ill-defined, on a poor-healing site (indication).",
			fams, []string{"indication"}},
		{"§1 indication: '(indication along with facial location)'",
			"A basal cell carcinoma of the left cheek, 1.0 x 1.0 cm, poorly defined margins (indication along with facial location).",
			fams, []string{"indication"}},
		{"§1 indication: '…; indication ear location'",
			"Nodular basal cell carcinoma of the left helix, 0.6 x 0.5 cm; indication ear location.",
			fams, []string{"indication"}},
		{"§1 indication: '(indication)' after no reason is none",
			"A basal cell carcinoma of the left leg, 1.5 x 1.4 cm (indication).",
			fams, nil},
	})
}

// TestSizesAroundSites: a size after a site placed by "over …" is the
// lesion's pre-operative size (CODING-RULES §6); a size before a site
// adjective and "defect" is the final defect (§3, §6).
func TestSizesAroundSites(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: 'carcinoma of the dorsal right index finger over the proximal phalanx, 1.0 x 0.9 cm'",
			"Nodular basal cell carcinoma of the dorsal right index finger over the proximal phalanx, 1.0 x 0.9 cm; Mohs was indicated for the location on the finger.",
			[]string{"preop ", "site "}, []string{`site "dorsal right index finger"`, "preop 1x0.9"}},
		{"§3 graft area: 'the 1.8 x 1.5 cm antihelical defect was resurfaced with a full-thickness skin graft'",
			"The 1.8 x 1.5 cm antihelical defect was resurfaced with a full-thickness skin graft from the right preauricular skin.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" defect=1.8x1.5`}},
		{"§3 graft area: 'the 1.2 x 1.0 cm nasal sidewall defect'",
			"The 1.2 x 1.0 cm nasal sidewall defect was covered with a full-thickness skin graft.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" defect=1.2x1`}},
	})
}

// TestFirstAndOnlyStage: "the first and only pass" is stage 1 (CODING-RULES
// §1), and "with all peripheral and deep margins … free of tumor" says the
// margins apart from the tumor's histology.
func TestFirstAndOnlyStage(t *testing.T) {
	fams := []string{"stage ", "unstaged "}
	runPhrases(t, []phraseCase{
		{"§1 stages: 'the first and only pass was divided into six blocks'",
			"Because of its size the first and only pass was divided into six blocks. Nodular BCC filled the mid dermis without perineural invasion, and all six blocks were clear.",
			fams, []string{"stage 1 blocks=6 margin=clear histology"}},
		{"§1 margins: 'residual … centrally with all peripheral and deep margins of the three blocks free of tumor'",
			"On my reading, the frozen sections showed residual nodular basal cell carcinoma in the superficial dermis centrally with all peripheral and deep margins of the three blocks free of tumor; no perineural invasion.",
			fams, []string{"unstaged blocks=3 margin=clear histology"}},
	})
}

// TestMoreDictatedWordings: rounds as stages (CODING-RULES §1), a tumor
// "previously treated" as today's recurrent tumor (§9: its diagnosis is
// coded), "a diameter of" as the pre-operative size (§6), and a wound
// "measuring" a size in a repair sentence as no repair length (§3).
func TestMoreDictatedWordings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 stages: 'The first round of Mohs … divided into seven blocks … A second round of two blocks'",
			"The first round of Mohs was excised around the marked tumor. Because of its size it was divided into seven blocks; tumor was present at the superior peripheral margin in blocks 1 and 2. A second round of two blocks was excised from the superior margin. Both blocks were free of tumor.",
			[]string{"stage "}, []string{"stage 1 blocks=7 margin=positive", "stage 2 blocks=2 margin=clear"}},
		{"§9 diagnosis: '…, previously treated with electrodesiccation and curettage in 2024' is today's tumor",
			"Indication: Well-differentiated squamous cell carcinoma of the vertex scalp, previously treated with electrodesiccation and curettage in 2024.",
			[]string{"diagnosis "}, []string{`diagnosis "Well-differentiated squamous cell carcinoma" site="vertex scalp"`}},
		{"§9 diagnosis: 'a BCC of the back excised years ago' stays the past",
			"She had a basal cell carcinoma of the back excised years ago.",
			[]string{"diagnosis "}, nil},
		{"§6 pre-op size: 'because of … a diameter of 1.4 x 1.2 cm'",
			"Mohs surgery was chosen because of the chin location near the lower lip and a diameter of 1.4 x 1.2 cm with indistinct borders.",
			[]string{"preop "}, []string{"preop 1.4x1.2"}},
		{"§3 repair length: 'the wound, measuring 1.8 x 1.4 cm, was closed with a simple repair …, 3.0 cm in length'",
			"After tumor clearance the wound, measuring 1.8 x 1.4 cm, was closed with a simple repair of interrupted 4-0 nylon sutures, 3.0 cm in length.",
			[]string{"repair "}, []string{`repair "simple repair" length=3 after-clearance`}},
	})
}

// TestProbe40Wordings: more of how dictations state the facts the rule
// book needs — a stage taken "from the deep margin under that focus" says
// where its tissue came from, not a positive margin (CODING-RULES §1); "a
// pair of sections" is two blocks (§2); a remark in parentheses inside a
// repair's name ("a simple interrupted (single-layer) repair") and
// undermining named before the length leave the repair and its length
// (§3); a repair "by the oculoplastic surgeon" is another provider's (§3);
// "basosquamous (metatypical) carcinoma of the right medial cheek" is one
// diagnosis with its site (§9); a size "in an area with little spare skin"
// is still the lesion's (§6).
func TestProbe40Wordings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: 'a third stage, a single block, from the deep margin under that focus. It was completely clear.'",
			"I took a third stage, a single block, from the deep margin under that focus. It was completely clear.",
			[]string{"stage "}, []string{"stage 3 blocks=1 margin=clear"}},
		{"§2 blocks: 'a pair of sections was prepared from it'",
			"After local anesthesia the first stage was taken and a pair of sections was prepared from it.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=unknown"}},
		{"§3 repair: 'a simple interrupted (single-layer) repair …, measuring 2.0 cm'",
			"After tumor clearance the wound was closed with a simple interrupted (single-layer) repair of 6-0 nylon, measuring 2.0 cm.",
			[]string{"repair "}, []string{`repair "simple interrupted (single-layer) repair" length=2 after-clearance`}},
		{"§3 repair length: 'a complex layered repair, galeal undermining and 3-0 Vicryl, measuring 5.0 cm'",
			"After tumor clearance, the wound was closed with a complex layered repair, galeal undermining and 3-0 Vicryl, measuring 5.0 cm.",
			[]string{"repair "}, []string{`repair "complex layered repair" length=5 after-clearance`}},
		{"§3 repair length: 'a complex repair with galeal undermining measuring 8.0 cm'",
			"After tumor clearance, the scalp defect was closed with a complex repair with galeal undermining measuring 8.0 cm.",
			[]string{"repair "}, []string{`repair "complex repair" length=8 after-clearance`}},
		{"§3 repair length: 'undermined 2 cm' is no length",
			"The wound was undermined 2 cm and closed with a complex layered repair.",
			[]string{"repair "}, []string{`repair "complex layered repair"`}},
		{"§3 repair by another: 'repaired the same afternoon by the oculoplastic surgeon, Dr. …'",
			"After tumor clearance the patient was taken across the hall, where the defect was repaired the same afternoon by the oculoplastic surgeon, Dr. Henrietta Solano-Brandt, who will dictate her own operative report.",
			[]string{"repair "}, []string{`repair "repaired the same afternoon by the oculoplastic" no-repair by="Dr. Henrietta Solano-Brandt" after-clearance`}},
		{"§9 diagnosis: 'basosquamous (metatypical) carcinoma of the right medial cheek'",
			"The patient was referred for a basosquamous (metatypical) carcinoma of the right medial cheek, diagnosed on shave biopsy 06/12/2026.",
			[]string{"diagnosis "}, []string{`diagnosis "basosquamous (metatypical) carcinoma" site="right medial cheek"`}},
		{"§6 pre-op size: 'size of 1.3 x 1.1 cm in an area with little spare skin'",
			"Mohs surgery was chosen for its facial location and size of 1.3 x 1.1 cm in an area with little spare skin.",
			[]string{"preop "}, []string{"preop 1.3x1.1"}},
		{"§6 pre-op size: a graft's size is no lesion's",
			"A 2.0 x 1.5 cm graft was harvested from the preauricular skin.",
			[]string{"preop "}, nil},
	})
}

// TestSitesOfTerseAndLongDictations: where a dictation names the site
// (CODING-RULES §1: the site decides the Mohs class; §9 the diagnosis
// code): a first sentence that is only a site, "Mohs on the …", "…,
// located on the vertex of the scalp"; and a muscle "not reached" is no
// deep structure involved (§1).
func TestSitesOfTerseAndLongDictations(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 site: a first sentence that is only a site, 'Left nasal ala.'",
			"Left nasal ala. Nodular BCC, shave bx 04/09/2026. Mohs for nasal location, tissue sparing.",
			[]string{"site "}, []string{`site "Left nasal ala"`}},
		{"§1 site: 'Left dorsal hand, over the third metacarpal.'",
			"Left dorsal hand, over the third metacarpal. Lesion 1.1 x 0.9 cm.",
			[]string{"site "}, []string{`site "Left dorsal hand"`}},
		{"§1 site: a site sentence later in the paragraph is no lesion site",
			"The graft was harvested. Left supraclavicular skin.",
			[]string{"site "}, nil},
		{"§1 site: 'comes in for Mohs on the left lateral cheek'",
			"This 64-year-old woman comes in for Mohs on the left lateral cheek where her dermatologist did a shave biopsy.",
			[]string{"site "}, []string{`site "left lateral cheek"`}},
		{"§1 site: '…, moderately differentiated, located on the vertex of the scalp'",
			"He presents for Mohs micrographic surgery of a squamous cell carcinoma, moderately differentiated, located on the vertex of the scalp.",
			[]string{"diagnosis "}, []string{`diagnosis "squamous cell carcinoma" site="vertex of the scalp"`}},
		{"§1 site: 'One tumor, the right lower leg: a well-differentiated …' (the site in apposition to the tumor)",
			"Dr. Lindqvist-Obi. One tumor, the right lower leg: a well-differentiated squamous cell carcinoma, shave biopsy 11/13/2026, 2.2 x 2.0 cm.",
			[]string{"site "}, []string{`site "right lower leg"`}},
		{"§1 site: 'First, the left temple.' (the order before the site)",
			"First, the left temple. This is a nodular basal cell carcinoma.",
			[]string{"site "}, []string{`site "left temple"`}},
		{"§1 site: 'Then the right anterior knee.' is a site the dictation turns to after another tumor, never the lesion's alone",
			"Then the right anterior knee. This is a well-differentiated squamous cell carcinoma.",
			[]string{"site ", "later-site "}, []string{`later-site "right anterior knee"`}},
		{"§1 site: 'The first tumor straddles the right nasal sidewall/medial cheek.'",
			"The first tumor straddles the right nasal sidewall/medial cheek. It is a nodular basal cell carcinoma.",
			[]string{"site "}, []string{`site "right nasal sidewall"`}},
		{"§1 site: 'The nasal ala came first.' is no site sentence",
			"The nasal ala came first. Its first stage was two blocks.",
			[]string{"site "}, nil},
		{"§1 site: 'One tumor, the largest, …' names no site",
			"One tumor, the largest of the three, was treated today.",
			[]string{"site "}, nil},
		{"§1 site: 'The right nasal tip: a well-differentiated squamous cell carcinoma, …'",
			"The right nasal tip: a well-differentiated squamous cell carcinoma, shave biopsy 11/02/2026, 0.7 x 0.6 cm.",
			[]string{"site "}, []string{`site "right nasal tip"`}},
		{"§1 deep structures: 'muscle was not reached'",
			"The deepest plane was the subcutaneous fat; muscle was not reached.",
			[]string{"deep "}, []string{`deep "muscle" negated=true`}},
	})
}

// TestBiopsyInRunOnDictation: in a run-on dictation the prior biopsy
// ("her dermatologist did a shave biopsy on 04/15/2026 that showed …") is
// not made today's by a "today" or the frozen sections of a later clause
// (CODING-RULES §4: a biopsy of the Mohs lesion is billed only when done
// today).
func TestBiopsyInRunOnDictation(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 same-day biopsy: a dated shave biopsy in a run-on sentence stays the prior one",
			"This 64-year-old woman comes in for Mohs on the left lateral cheek where her dermatologist did a shave biopsy on 04/15/2026 that showed infiltrative basal cell carcinoma and we chose Mohs because it is an infiltrative subtype on the face with borders you really cannot see and she wants the smallest scar possible, and the lesion measured 1.3 x 1.0 cm today, and after consent and lidocaine with epinephrine I drew the Mohs map and took the first stage with a 2 mm margin and split it into two blocks and I read the frozen sections myself and there were infiltrative strands of basal cell carcinoma in the reticular dermis, so I went back and took a second stage of one block and that one was clear.",
			[]string{"prior-biopsy", "same-day-biopsy", "frozen-section"}, []string{"prior-biopsy true"}},
	})
}

// TestProbe42Wordings: counts and sizes as long and terse dictations give
// them — the parts a block count lists after its colon count nothing more,
// a summary "three stages comprising 4, 2 and 1 blocks" gives each stage
// its count, "one Mohs stage … divided into four tissue blocks" is stage 1
// (CODING-RULES §1–2); a size opening a clause about the lesion is its
// pre-operative size (§6); terse reasons are indications (§1); an aside
// that brings in another lesion makes the biopsy after it that lesion's
// (§4); "from the area of blocks 5 and 6 of the second stage" places the
// third stage, and states no margin (§1).
func TestProbe42Wordings(t *testing.T) {
	stages := []string{"stage ", "unstaged ", "block-total", "ambiguity"}
	runPhrases(t, []phraseCase{
		{"§2 blocks: 'divided into five blocks: four quadrants (…) and a central base block'",
			"The specimen was divided into five blocks: four quadrants (superior-lateral 12 to 3 o'clock) and a central base block.",
			stages, []string{"unstaged blocks=5 margin=unknown"}},
		{"§2 blocks: 'In total, three stages comprising 4, 2 and 1 blocks were taken.'",
			"The first stage was excised. Tumor reached the deep margin. The second stage was taken from the deep area. Tumor remained at the lateral margin. The third stage was free of tumor at all margins. In total, three stages comprising 4, 2 and 1 blocks were taken.",
			stages, []string{"stage 1 blocks=4 margin=positive", "stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"§1 §2 stages: 'required three stages (2, 1 and 1 blocks)' before the stages are told states all three (two were coded: 17312 ×1 for ×2)",
			"Site B required three stages (2, 1 and 1 blocks), the last of which was clear; the first stage showed SCC in situ at the lateral margin of block 2, and the second stage remained positive at the same lateral margin.",
			stages, []string{"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=positive", "stage 3 blocks=1 margin=unknown", "unstaged blocks=0 margin=clear"}},
		{"§2 blocks: 'Stage 2, one block from the superior margin' is no list",
			"Stage 1 was divided into 2 blocks; block 1 was positive at the superior margin. Stage 2, one block from the superior margin, was clear.",
			stages, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"§1 stages: 'one Mohs stage was excised, mapped and divided into four tissue blocks'",
			"The lesion was debulked and one Mohs stage was excised, mapped and divided into four tissue blocks; the stage showed no tumor at any margin.",
			stages, []string{"stage 1 blocks=4 margin=clear"}},
		{"§1 margins: 'A third stage was then taken from the area of blocks 5 and 6 of the second stage … entirely free of tumor'",
			"A third stage was then taken from the area of blocks 5 and 6 of the second stage and divided into two blocks, both of which I found to be entirely free of tumor, so that the tumor was at that point completely removed.",
			stages, []string{"stage 3 blocks=2 margin=clear"}},
	})
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: '…, shave biopsy 06/04/2026; 0.7 x 0.6 cm on the dorsal hand'",
			"Nodular basal cell carcinoma, shave biopsy 06/04/2026; 0.7 x 0.6 cm on the dorsal hand.",
			[]string{"preop "}, []string{"preop 0.7x0.6"}},
		{"§6 pre-op size: 'recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, with indistinct borders'",
			"Why Mohs: recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, with indistinct borders.",
			[]string{"preop "}, []string{"preop 2.6x2.2"}},
		{"§6 pre-op size: '…with positive margins; 1.8 x 1.6 cm with indistinct borders'",
			"Indication: recurrent tumor after prior excision with positive margins; 1.8 x 1.6 cm with indistinct borders.",
			[]string{"preop "}, []string{"preop 1.8x1.6"}},
		{"§6 pre-op size: 'Lesion 1.1 x 0.9 cm.'",
			"Left dorsal hand. Lesion 1.1 x 0.9 cm.",
			[]string{"preop "}, []string{"preop 1.1x0.9"}},
		{"§6 pre-op size: a clause's size after a defect is no lesion's",
			"The final defect measured 2.0 x 1.5 cm; 3.0 x 2.0 cm with the flap.",
			[]string{"preop "}, nil},
		{"§1 indication: 'Mohs followed the same day for the facial location'",
			"Mohs followed the same day for the facial location and ulcerated, ill-defined tumor.",
			[]string{"indication"}, []string{"indication"}},
		{"§1 indication: '…, where Mohs spares tissue over the extensor mechanism'",
			"Nodular basal cell carcinoma, 0.7 x 0.6 cm on the dorsal hand, where Mohs spares tissue over the extensor mechanism.",
			[]string{"indication"}, []string{"indication"}},
		{"§4 biopsy: an aside that brings in another lesion, then 'A tangential (shave) biopsy was performed'",
			"Additional procedure: During the visit the patient pointed out a 5 mm pink scaly papule on the left dorsal forearm. A tangential (shave) biopsy was performed and sent for permanent sections; clinical impression: rule out superficial basal cell carcinoma.",
			[]string{"other-biopsy ", "same-day-biopsy"}, []string{`other-biopsy "tangential (shave) biopsy" site="left dorsal forearm" impression="rule out superficial basal cell carcinoma" uncertain=true`}},
	})
}

// TestProbe46Wordings: reasons given as clauses ("as it had recurred",
// "because of her immunosuppressive therapy", "moderately differentiated")
// are indications (CODING-RULES §1); a dated biopsy named in a sentence
// that also says "today" is the prior biopsy, not a billable one of today
// (§4, §9).
func TestProbe46Wordings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 indication: 'Mohs surgery was performed as it had recurred after standard excision'",
			"Mohs surgery was performed as it had recurred after standard excision and its extent under the scar could not be judged clinically.",
			[]string{"indication"}, []string{"indication"}},
		{"§1 indication: 'Because of her immunosuppressive therapy, Mohs was chosen for both.'",
			"Because of her immunosuppressive therapy, Mohs was chosen for both.",
			[]string{"indication"}, []string{"indication"}},
		{"§1 indication: 'chosen because the tumor was over 2 cm, moderately differentiated and clinically fixed'",
			"Mohs surgery was chosen because the tumor was over 2 cm, moderately differentiated and clinically fixed to the deeper tissue.",
			[]string{"indication"}, []string{"indication"}},
		{"§9 prior biopsy: 'treated today for two basal cell carcinomas, proven by shave biopsies on 05/25/2026'",
			"Mr. Lucius Gwynne, 80, was treated today for two basal cell carcinomas, proven by shave biopsies on 05/25/2026.",
			[]string{"prior-biopsy", "same-day-biopsy"}, []string{"prior-biopsy true"}},
		{"§4 same-day biopsy: 'a shave biopsy was performed today' stays today's",
			"A shave biopsy of the lesion was performed today and sent for frozen section.",
			[]string{"prior-biopsy", "same-day-biopsy"}, []string{`same-day-biopsy "shave biopsy"`}},
	})
}

// TestReadersAndGraftAreas: the surgeon reading the slides in longer
// first-person sentences (CODING-RULES §1: Mohs needs the surgeon to read
// them), and a graft's size after "measuring" at the end of its sentence
// (§3: a graft is coded by its recipient area).
func TestReadersAndGraftAreas(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'I drew a map …, inked each edge, and personally interpreted every frozen section'",
			"For this case I drew a map of the nasal tip layer, inked each edge, and personally interpreted every frozen section.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'I was the one who read all frozen sections'",
			"In this session I drew a Mohs map for each site, and I was the one who read all frozen sections for both sites.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'I drew the map and the dermatopathologist, Dr. Okafor, read the sections' names no surgeon reader",
			"I drew the map and the dermatopathologist, Dr. Okafor, read the sections.",
			[]string{"reader"}, []string{`reader pathologist "Dr. Okafor"`}},
		{"§3 graft area: 'a full-thickness skin graft from the right preauricular skin, measuring 18 x 15 mm'",
			"After tumor clearance, the defect on the nasal tip was repaired with a full-thickness skin graft from the right preauricular skin, measuring 18 x 15 mm, sutured with 6-0 fast-absorbing gut.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" area=1.8x1.5 after-clearance`}},
	})
}

// TestProbe49Wordings: a practice's "we" reading the slides (CODING-RULES
// §1), and "sectioned into 7." with the noun left out (§2: blocks per
// stage).
func TestProbe49Wordings(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'We … read every frozen section ourselves as the Mohs surgeons of record'",
			"We drew a Mohs map, inked the tissue and read every frozen section ourselves as the Mohs surgeons of record.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'We sent the slides to dermatopathology' names no surgeon reader",
			"We sent the slides to dermatopathology.",
			[]string{"reader"}, nil},
		{"§2 blocks: 'sectioned into 7.'",
			"Stage 1 was excised with a 2 mm margin and sectioned into 7. Tumor remained at 3 o'clock.",
			[]string{"stage "}, []string{"stage 1 blocks=7 margin=positive"}},
		{"§2 blocks: 'divided into 3, all clear'",
			"Stage 2 was taken at 9 o'clock and divided into 3, all clear.",
			[]string{"stage "}, []string{"stage 2 blocks=3 margin=clear"}},
	})
}

// TestPathologistNamedAfterTheSurgeon: "Because Dr. <surgeon> was covering
// a second operating room, all frozen sections today were read by our staff
// dermatopathologist, Dr. <pathologist>" names the pathologist as the
// reader, not the first doctor of the sentence (CODING-RULES §1: the
// excision fallback; read as the surgeon's name, Mohs was billed).
func TestPathologistNamedAfterTheSurgeon(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: the doctor after 'dermatopathologist', not the first of the sentence",
			"Because Dr. Achebe-Winter was covering a second operating room, all frozen sections today were read by our staff dermatopathologist, Dr. Lucius Farrow-Iyer.",
			[]string{"reader"}, []string{`reader pathologist "Dr. Lucius Farrow-Iyer"`}},
		{"§1 reader: 'Dr. Lee, dermatopathologist, read the slides' still names Dr. Lee",
			"The slides were read by Dr. Lee, dermatopathologist.",
			[]string{"reader"}, []string{`reader pathologist "Dr. Lee"`}},
	})
}
