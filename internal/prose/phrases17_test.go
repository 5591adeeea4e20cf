package prose

import "testing"

// TestPermanentSectionsReader: a separate pathologist who reads the
// permanent sections is the reader of the slides when the prose says no
// frozen section was cut (a staged excision, not Mohs: CODING-RULES §1,
// pathology-not-surgeon); beside frozen sections, the permanent sections
// are other tissue (a debulk) and name no reader.
func TestPermanentSectionsReader(t *testing.T) {
	const reads = "Dr. Ansgar Wilhelmsen, dermatopathologist, will read the permanent sections."
	runPhrases(t, []phraseCase{
		{"§1 reader: permanent sections and no frozen section",
			reads + " No frozen sections were performed today.",
			[]string{"reader"}, []string{`reader pathologist "Dr. Ansgar Wilhelmsen"`}},
		{"§1 reader: permanent sections beside frozen sections name no reader",
			reads + " The frozen sections were clear.",
			[]string{"reader"}, nil},
		{"§1 reader: the debulk's permanent sections name no reader, even without frozen sections",
			"Dr. Ansgar Wilhelmsen, dermatopathologist, will read the permanent sections of the debulk. No frozen sections were performed today.",
			[]string{"reader"}, nil},
	})
}

// TestSurgeonAsSlideReader: "I served as both surgeon and slide reader"
// is the surgeon reading the slides (CODING-RULES §1: Mohs codes need the
// surgeon to read them), as "surgeon and pathologist" is.
func TestSurgeonAsSlideReader(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'served as both surgeon and slide reader'",
			"I served as both surgeon and slide reader for all stages, and drew a map of each stage.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'surgeon and pathologist' still",
			"I served as both surgeon and pathologist for all stages.",
			[]string{"reader"}, []string{"reader surgeon"}},
	})
}

// TestSizeBeforeItsTumor: the size in front of its tumor stays the
// pre-operative size over a biopsy-proven adjective and a parenthesis
// between them ("a 1.8 x 1.5 cm biopsy-proven (punch biopsy 5/12/2026)
// well-differentiated squamous cell carcinoma": CODING-RULES §1,
// size-missing otherwise); a biopsy word that is no adjective still ends
// the phrase.
func TestSizeBeforeItsTumor(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 size: over 'biopsy-proven' and a parenthesis",
			"This 81-year-old man has a 1.8 x 1.5 cm biopsy-proven (punch biopsy 5/12/2026) well-differentiated squamous cell carcinoma of the left pretibial shin.",
			[]string{"preop "}, []string{"preop 1.8x1.5"}},
		{"§1 size: after a biopsy cited in parentheses with a comma inside",
			"Moderately differentiated squamous cell carcinoma of the chin, just left of midline (biopsy 02/24/2026, Path #BM26-3311), 1.0 x 0.9 cm; Mohs for facial location.",
			[]string{"preop "}, []string{"preop 1x0.9"}},
		{"§1 size: after a biopsy and its accession in parentheses",
			"Left temple - nodular BCC, shave biopsy 04/08/2026 (CL26-5150), 1.0 x 0.9 cm. Mohs for the facial location.",
			[]string{"preop "}, []string{"preop 1x0.9"}},
		{"§1 size: a biopsy's own size is none",
			"A 0.6 x 0.5 cm biopsy scar was seen above the squamous cell carcinoma.",
			[]string{"preop "}, nil},
	})
}

// TestNegatedStain: a stain the prose says was not run ("no further
// SOX10", "no SOX10 was run") is no stain of the stage (CODING-RULES §5:
// 88341/88342 only for antibodies run).
func TestNegatedStain(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 'no further SOX10'", "The second stage was two blocks, with MART-1 on both blocks for melanocyte density; no further SOX10. Both blocks were clear.",
			fams, []string{`stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"§5 'no SOX10 was run'", "The second stage was two blocks, with MART-1 on both blocks; no SOX10 was run.",
			fams, []string{`stage 2 blocks=2 margin=unknown stain="MART-1"`}},
	})
}

// TestStainCloneInParentheses: the clone in parentheses between a stain's
// name and its stain word ("a pan-cytokeratin (AE1/AE3) immunostain (block
// 2)") does not hide the blocks named after it (CODING-RULES §5: 88342 per
// antibody per block stained, one block here).
func TestStainCloneInParentheses(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 stain blocks after the clone", "Stage 1 was divided into 4 blocks. A pan-cytokeratin (AE1/AE3) immunostain (block 2) was run.",
			[]string{"stage "}, []string{`stage 1 blocks=4 margin=unknown stain="pan-cytokeratin"[2]`}},
	})
}

// TestBritishUnits: "centimetres" and "millimetres" measure as their
// American spellings do (CODING-RULES §3: a graft's area from its
// measure).
func TestBritishUnits(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 graft area in centimetres", "Following clearance, a full-thickness skin graft harvested from the left supraclavicular fossa was sutured into the defect; the graft measured 3.2 x 2.8 centimetres.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" area=3.2x2.8 after-clearance`}},
	})
}

// TestStainedBlocksAsSubject: a clause that opens with the blocks it
// stains ("Blocks 1 and 2 were also stained with EMA", "block 1 was again
// stained with EMA", "…, and block 2 was also stained with SOX10") names the stain's blocks, not every block of the
// stage (CODING-RULES §5: 88342 per antibody per block stained).
func TestStainedBlocksAsSubject(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§5 'Blocks 1 and 2 were also stained with EMA'",
			"Stage 1 was divided into 3 blocks. Blocks 1 and 2 were also stained with EMA to highlight pagetoid cells.",
			fams, []string{`stage 1 blocks=3 margin=unknown stain="EMA"[1 2]+reason`}},
		{"§5 'block 1 was again stained with EMA' after a semicolon",
			"Stage 2 was divided into 2 blocks; block 1 was again stained with EMA for the same reason.",
			fams, []string{`stage 2 blocks=2 margin=unknown stain="EMA"[1]+reason`}},
		{"§5 ', and block 2 was also stained with SOX10' after every block's MART-1",
			"The first stage was divided into four blocks; in addition to H&E, all four blocks were stained with MART-1, and block 2 was also stained with SOX10, to assess melanocyte density at the margins.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="H&E" stain="MART-1" stain="SOX10"[2]+reason`}},
	})
}

// TestReadingInTheNextParagraph: a dictation's paragraph that opens with
// the reading of the slides and names no stage reads the stage the
// paragraph before ended on ("Stage 1 was divided into 3 blocks … new
// paragraph" / "On my reading of the frozen sections, … at the deep
// margin of block 2": CODING-RULES §1, margins-missing and
// histology-missing otherwise); a paragraph that opens otherwise does not.
func TestReadingInTheNextParagraph(t *testing.T) {
	const stage1 = "The first stage was excised with a 2 mm margin. Stage 1 was divided into 3 blocks, which were color coded on the map.\n\n"
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: the reading opens the next paragraph",
			stage1 + "On my reading of the frozen sections, nodular basal cell carcinoma was present in the mid dermis at the deep margin of block 2, without perineural invasion. Blocks 1 and 3 were clear. Stage 2, one block taken from the deep margin, was clear of tumor.",
			fams, []string{"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=1 margin=clear"}},
		{"§1 margins: a paragraph that opens with the repair reads no stage",
			stage1 + "The final defect measured 1.4 x 1.2 cm and was closed in layers; the margins of the wound were undermined.",
			fams, []string{"stage 1 blocks=3 margin=unknown"}},
	})
}

// TestDistanceIsNoSize: a length followed by a word of distance ("1.2 cm
// apart", "3 mm below the lash line") is how far apart two places lie, not
// the size of a repair or a tumor (CODING-RULES §3: a linear repair is
// coded by its own length).
func TestDistanceIsNoSize(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 length: the defects' distance is not the repair's length",
			"The two left cheek defects, 1.2 cm apart, were joined and closed as a single complex layered repair measuring 4.8 cm.",
			[]string{"repair "}, []string{`repair "complex layered repair" length=4.8`}},
	})
}

// TestClosureOfNoClass: a closure named by its verb without its class —
// "closed side to side in a linear fashion", "closed in a linear
// fashion", "the defect was repaired; length 3.2 cm" — is a repair whose
// class the note does not state (CODING-RULES §3: repair-type-unknown, no
// line), never a repair left unread.
func TestClosureOfNoClass(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 kind: 'closed side to side in a linear fashion'", "Ultimately the defect was closed side to side in a linear fashion, final length 3.6 cm.",
			fams, []string{`repair "closed side to side in a linear fashion" length=3.6`}},
		{"§3 kind: 'the defect was repaired; length 3.2 cm'", "After tumor clearance the defect was repaired; length 3.2 cm.",
			fams, []string{`repair "repaired" length=3.2 after-clearance`}},
		{"§3 kind: 'repaired with' names its kind after it", "The defect was repaired with an intermediate layered closure, 3.0 cm.",
			fams, []string{`repair "intermediate layered closure" length=3`}},
	})
}

// TestBiopsySite: the site of the lesion's own diagnostic biopsy, named in
// the sentence that gives the biopsy's tumor ("performed a shave biopsy of
// the right lateral cheek on 04/03/2026; the pathology showed infiltrative
// basal cell carcinoma"), is kept apart from the sites prose names the
// lesion by, as the site when none other is named (CODING-RULES §1: the
// site decides the Mohs class); a biopsy of another lesion names none.
func TestBiopsySite(t *testing.T) {
	fams := []string{"biopsy-site ", "site "}
	runPhrases(t, []phraseCase{
		{"§1 site: the diagnostic biopsy's site",
			"He was referred by his dermatologist, who performed a shave biopsy of the right lateral cheek on 04/03/2026; the pathology showed infiltrative basal cell carcinoma.",
			fams, []string{`biopsy-site "right lateral cheek"`}},
		{"§1 site: a biopsy dated before its site",
			"The pt is a 71 yo M s/p punch bx 03/30/2026 of the R dorsal hand showing SCC in situ (SCCIS) w/ follicular extension.",
			fams, []string{`biopsy-site "R dorsal hand"`}},
		{"§1 site: a biopsy of another lesion names no site of this one",
			"Other lesions addressed today: a shave biopsy of the left forearm showed basal cell carcinoma.",
			fams, nil},
	})
}

// TestOptionsDiscussed: a list of repairs "we discussed" is options, not
// repairs, however long the list (CODING-RULES §3: a repair only
// considered is no repair); the clause after "and I" is what was done.
func TestOptionsDiscussed(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 options: a long list we discussed",
			"We discussed healing by second intention, a full-thickness skin graft and a bilobed transposition flap with her; each was rejected.",
			fams, nil},
		{"§3 options: 'Options were discussed …, including healing by second intention …, and a bilobed flap was chosen'",
			"Options were discussed with the patient, including healing by second intention and a full-thickness skin graft, and a bilobed transposition flap was chosen; secondary defect 2.0 sq cm.",
			fams, []string{`repair "bilobed transposition flap" secondary=2 sq`}},
		{"§3 options: 'Repair options were discussed and a rotation flap was chosen'",
			"Repair options were discussed and a rotation flap was chosen, secondary defect 3.0 sq cm.",
			fams, []string{`repair "rotation flap" secondary=3 sq`}},
		{"§3 options: discussed, and elected second intention",
			"After tumor clearance we discussed the options and elected to allow the wound to heal by second intention.",
			fams, []string{`repair "second intention" no-repair after-clearance`}},
		{"§3 options: discussed, and I repaired it",
			"After tumor clearance we discussed options and I repaired it with a Burow's advancement flap, secondary defect 2.0 sq cm.",
			fams, []string{`repair "Burow's advancement flap" secondary=2 sq after-clearance`}},
		{"§1 a tumor's one-sentence summary past technique words: 'was excised with a Mohs map drawn at each stage and cleared in two stages, a first stage of three blocks …'",
			"The 0.8 x 0.7 cm nodular basal cell carcinoma of the left nasal ala, biopsy-proven on a shave biopsy of 11/10/2026, was excised with a Mohs map drawn at each stage and cleared in two stages, a first stage of three blocks in which tumor reached the deep margin of block 3 while blocks 1 and 2 were clear, and a second stage of one block that was clear, leaving a 1.2 x 1.0 cm defect that after tumor clearance I repaired with a transposition flap, its secondary defect measuring 1.5 sq cm.",
			[]string{"stage ", "repair "}, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=clear", `repair "transposition flap" defect=1.2x1 secondary=1.5 sq after-clearance`}},
		{"§1 boilerplate alone still counts no stage: 'A map was drawn at each stage; each stage was divided into blocks.'",
			"A Mohs map was drawn at each stage and each stage was divided into blocks as needed.",
			[]string{"stage "}, nil},
		{"§3 options: 'Reconstructive options, including … a bilobed flap, were reviewed with the patient; … the first stage of a … interpolation flap was performed'",
			"Reconstructive options, including a full-thickness skin graft and a bilobed flap, were reviewed with the patient; because of the size an interpolated flap was felt to give the best contour. After tumor clearance, the first stage of a left paramedian forehead interpolation flap was performed.",
			fams, []string{`repair "paramedian forehead interpolation flap" after-clearance`}},
		{"§3 options: discussed, and proceeded with",
			"After tumor clearance, we discussed the options and proceeded with a paramedian forehead interpolation flap based on the right supratrochlear pedicle.",
			fams, []string{`repair "paramedian forehead interpolation flap" after-clearance`}},
	})
}

// TestResultBeforeBoilerplate: a clause that states a stage's result
// before boilerplate in the same sentence ("Both were entirely free of
// tumor, and the map was updated for each stage") is read; the
// boilerplate clause documents no stage (CODING-RULES §1).
func TestResultBeforeBoilerplate(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: the result before the boilerplate clause",
			"A third stage was processed as two blocks. Both were entirely free of tumor, and the map was updated for each stage.",
			[]string{"stage "}, []string{"stage 3 blocks=2 margin=clear"}},
		{"§1 stages: boilerplate alone documents no stage",
			"The map was updated for each stage.",
			[]string{"stage "}, nil},
	})
}

// TestSiteEndsAtItsVerb: a site's words end at a verb or a conjunction
// ("on the face has ill-defined borders" names the face), and a size set
// off after the tumor's subtype ("Melanoma in situ, lentigo maligna type,
// 1.8 x 1.5 cm, …") is its pre-operative size (CODING-RULES §1: site;
// size-missing otherwise).
func TestSiteEndsAtItsVerb(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 site and size: after the subtype, before a verb",
			"Melanoma in situ, lentigo maligna type, 1.8 x 1.5 cm, treated with Mohs because lentigo maligna on the face has ill-defined borders.",
			[]string{"site ", "preop "}, []string{`site "face"`, "preop 1.8x1.5"}},
	})
}

// TestStainOfEveryStage: a stain run "on every block of every stage" is
// each stage's, kept apart for the stages fields state (CODING-RULES §5:
// 88342 per block stained).
func TestStainOfEveryStage(t *testing.T) {
	for _, text := range []string{
		"Frozen sections were stained with H&E and with MART-1 on every block of every stage to judge melanocyte density.",
		"MART-1 was run on every block of every stage.",
	} {
		f := Read(splitParagraphs(text))
		if len(f.EveryStage) != 1 || f.EveryStage[0].Name != "MART-1" {
			t.Errorf("%q: every stage's stains %+v, want MART-1", text, f.EveryStage)
		}
	}
}

// TestBlocksTimes: a dictation's "blocks times three" counts the stage's
// blocks as "blocks x 3" does (CODING-RULES §1: blocks per stage).
func TestBlocksTimes(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 blocks: 'blocks times three'",
			"Stage one taken, Mohs map drawn, blocks times three. Blocks one and three clear, block two positive at the deep margin.",
			[]string{"stage "}, []string{"stage 1 blocks=3 margin=positive"}},
	})
}

// TestMyRead: "My read of the frozen sections: …" says the surgeon read
// them, as "my reading of" does (CODING-RULES §1: pathology-undocumented
// otherwise).
func TestMyRead(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'My read of the frozen sections'",
			"My read of the frozen sections: well-differentiated SCC in the superficial reticular dermis, positive at the ulnar margin of block 3.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'my read' of no slides names no reader",
			"My read of the situation was that the patient was anxious.",
			[]string{"reader"}, nil},
	})
}

// TestBiopsyTitlesAndBlockWords: a title of biopsies ("tangential biopsies
// of two additional lesions") is no biopsy of its own (CODING-RULES §4:
// one line per biopsy done); "an AE1/AE3 pan-cytokeratin immunostain … on
// block two" is one antibody on one block (§5: 88342 per block stained).
func TestBiopsyTitlesAndBlockWords(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 biopsies: a title of two biopsies is none",
			"Mohs micrographic surgery of the left temple with simple repair; tangential biopsies of two additional lesions.",
			[]string{"other-biopsy "}, nil},
		{"§5 stains: pan-cytokeratin after AE1/AE3, on block two",
			"The second stage was divided into two blocks, stained with H&E; an AE1/AE3 pan-cytokeratin immunostain was also performed on block two. Both blocks were free of tumor.",
			[]string{"stage "}, []string{`stage 2 blocks=2 margin=clear stain="H&E" stain="AE1/AE3"[2]`}},
	})
}

// TestBiopsyTodayAfterNoPrior: after "No biopsy had been performed before
// today", an undated biopsy of the lesion is today's, and the sentence
// after it that processes its frozen section counts that frozen section's
// blocks, never a Mohs stage's (CODING-RULES §4: 88331, 88332).
func TestBiopsyTodayAfterNoPrior(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 same-day biopsy: after no prior biopsy, with its frozen section in the next sentence",
			"No biopsy had been performed before today. A 3 mm punch biopsy was taken from the center of the lesion. The specimen was bisected and processed as two frozen-section blocks, which I read as squamous cell carcinoma.",
			[]string{"same-day-biopsy ", "frozen-section ", "stage ", "unstaged "}, []string{`same-day-biopsy "3 mm punch biopsy"`, "frozen-section 2"}},
	})
}

// TestHistochemicalStainsInProse: the histochemical stains of the vocabulary
// are stains in prose too ("mucicarmine was also performed on blocks one
// and two to confirm intracytoplasmic mucin": CODING-RULES §5, 88314 per
// stain per block).
func TestHistochemicalStainsInProse(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 histochemical: mucicarmine on blocks one and two",
			"The first stage was divided into six blocks. Each block was stained with H&E; mucicarmine was also performed on blocks one and two to confirm intracytoplasmic mucin.",
			[]string{"stage "}, []string{`stage 1 blocks=6 margin=unknown stain="H&E" stain="mucicarmine"[1 2]+reason`}},
	})
}

// TestSurgeonSetOffAfterName: "Dr. N, the Mohs surgeon, excised each
// stage, drew the Mohs map and interpreted all frozen sections" says the
// surgeon read them (CODING-RULES §1: the surgeon reads the slides).
func TestSurgeonSetOffAfterName(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: the surgeon set off after the name, the reading verb last in a list",
			"Dr. Nwankwo-Hallberg, the Mohs surgeon, excised each stage, drew the Mohs map and interpreted all frozen sections.",
			[]string{"reader"}, []string{"reader surgeon"}},
	})
}

// TestGraftByItsInitials: a terse dictation names a graft by its initials
// ("FTSG 1.4 x 1.2 cm after clearance, donor L postauricular"): the graft
// with its area, not the donor site's closure (CODING-RULES §3: a graft is
// coded by its recipient area; the donor closure is included).
func TestGraftByItsInitials(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 graft: FTSG with its size and donor", "FTSG 1.4 x 1.2 cm after clearance, donor L postauricular.",
			fams, []string{`repair "FTSG" area=1.4x1.2 after-clearance`}},
		{"§3 graft: STSG named in a sentence", "After clearance, an STSG measuring 3 x 2.5 cm was sutured in place.",
			fams, []string{`repair "STSG" area=3x2.5 after-clearance`}},
	})
}

// TestReaderOnMyReading: "all of which were free of tumor on my reading of
// the frozen sections" says the surgeon read the slides (CODING-RULES §1:
// Mohs requires the surgeon to read them); the negation of the tumor does
// not reach the reader.
func TestReaderOnMyReading(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'free of tumor on my reading of the frozen sections'",
			"The specimen was divided into six blocks, all of which were free of tumor on my reading of the frozen sections.",
			[]string{"reader "}, []string{"reader surgeon"}},
	})
}

// TestTerseTypedNote: a typed note's "Lesion today 1.2 x 1.0 cm." is the
// pre-operative size (CODING-RULES §6), and a repair's length after a
// remark in parentheses ("a complex layered repair (wide undermining), 2.3
// cm") is its length (§3); an undermining distance is none.
func TestTerseTypedNote(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 size: 'Lesion today 1.2 x 1.0 cm.'", "Lesion today 1.2 x 1.0 cm. Mohs map drawn.",
			[]string{"preop "}, []string{"preop 1.2x1"}},
		{"§3 repair: the length after a remark in parentheses",
			"After clearance, closed w/ a complex layered repair (wide undermining), 2.3 cm.",
			[]string{"repair "}, []string{`repair "complex layered repair" length=2.3 after-clearance`}},
		{"§3 repair: 'undermined 2 cm' is no length",
			"The wound was undermined 2 cm and closed with a complex repair.",
			[]string{"repair "}, []string{`repair "complex repair"`}},
	})
}

// TestTypedBlockCounts: a typed note's block abbreviations ("cut into 5
// blks (A-E)") and a block of a named tissue a few words on ("1 block of
// deeper gastrocnemius muscle") count blocks (CODING-RULES §2: blocks per
// stage).
func TestTypedBlockCounts(t *testing.T) {
	fams := []string{"stage ", "unstaged "}
	runPhrases(t, []phraseCase{
		{"§2 blocks: 'cut into 5 blks (A-E)'", "Stg 1 taken as a single layer and cut into 5 blks (A-E); all 5 blks neg.",
			fams, []string{"stage 1 blocks=5 margin=clear"}},
		{"§2 blocks: '1 block of deeper gastrocnemius muscle'", "Stage 3, 1 block of deeper gastrocnemius muscle, was clear.",
			fams, []string{"stage 3 blocks=1 margin=clear"}},
		{"§2 blocks: 'two pieces of gauze' count none", "Stage 1 was dressed with two pieces of gauze.",
			fams, []string{"stage 1 blocks=0 margin=unknown"}},
	})
}

// TestPastMohsSentence: a sentence that tells of Mohs surgery in the past
// ("He had Mohs surgery for … of the right nasal ala in 2022 and for … of
// the left dorsal hand in 2024") or of a tumor removed a year ago or more
// names none of today's tumors, however long its list (CODING-RULES §1:
// the site is the treated tumor's, §9: its diagnosis); a sentence that
// goes on to today's tumor ("now with …") or a recurrence of it keeps its
// words.
func TestPastMohsSentence(t *testing.T) {
	fams := []string{"site ", "diagnosis "}
	const today = " Today he presents for Mohs surgery of a nodular basal cell carcinoma of the left medial cheek."
	runPhrases(t, []phraseCase{
		{"§1 'had Mohs surgery for … in 2022 and for … in 2024' is the past",
			"He had Mohs surgery for a basal cell carcinoma of the right nasal ala in 2022 and for a squamous cell carcinoma of the left dorsal hand in 2024, both healed without recurrence." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 '… was excised by his dermatologist last year' is the past",
			"A squamous cell carcinoma in situ of his right forearm was excised by his dermatologist last year." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 'She had … of the right shin excised in 2022.' is the past",
			"She had a squamous cell carcinoma of the right shin excised in 2022." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 'His history includes … of the right hand treated with Mohs in 2022.' is the past",
			"His history includes a squamous cell carcinoma of the right hand treated with Mohs in 2022." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 'He underwent Mohs surgery of the right nasal ala in 2018 for a basal cell carcinoma, which has not recurred.' is the past",
			"He underwent Mohs surgery of the right nasal ala in 2018 for a basal cell carcinoma, which has not recurred." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 a tumor a parenthesis dates as treated ('… of the left ear (Mohs 2022)') is the past, in a sentence that also tells today's",
			"He has a prior history of basal cell carcinoma of the chest (excised 2014) and squamous cell carcinoma of the left ear (Mohs 2022), and presents for a nodular basal cell carcinoma of the left medial cheek.",
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 'Past history: BCC of the right nasal ala (Mohs, 2019), SCC in situ of the left hand (5-FU, 2022).' is the past throughout",
			"Past history: BCC of the right nasal ala (Mohs, 2019), SCC in situ of the left hand (5-FU, 2022)." + today,
			fams, []string{`diagnosis "nodular basal cell carcinoma" site="left medial cheek"`, `site "left medial cheek"`}},
		{"§1 '… prior Mohs in 2019 on the right temple, now with …' keeps today's tumor",
			"64-year-old man with a history of prior Mohs in 2019 on the right temple, now with a morpheaform basal cell carcinoma of the right cheek diagnosed on punch biopsy.",
			fams, []string{`diagnosis "morpheaform basal cell carcinoma" site="right cheek"`, `site "right cheek"`}},
	})
}

// TestTheSameDay: "shave biopsied on the same day" after a biopsy dated
// before it is that day's biopsy, a prior one, not a biopsy of today
// (CODING-RULES §4: a same-day biopsy is billed only when done today);
// "biopsied the same day as surgery" is today's.
func TestTheSameDay(t *testing.T) {
	fams := []string{"same-day-biopsy", "prior-biopsy"}
	runPhrases(t, []phraseCase{
		{"§4 'on the same day' as the biopsy named before",
			"The second lesion is a squamous cell carcinoma in situ of the left lateral cheek, shave biopsied on the same day, measuring 1.0 x 0.9 cm.",
			fams, []string{"prior-biopsy true"}},
		{"§4 'the same day as surgery' is today",
			"A shave biopsy of the left lateral cheek was performed the same day as surgery and submitted for frozen section.",
			fams, []string{`same-day-biopsy "shave biopsy"`}},
	})
}

// TestRepairClassByItsManner: "closed in a complex fashion with wide
// undermining …, layered closure …" is a complex repair (CODING-RULES §3:
// the class the note states; the layers alone said intermediate, 12052 for
// 13132); "closed in a layered fashion" stays intermediate.
func TestRepairClassByItsManner(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 'closed in a complex fashion' beside 'layered closure'",
			"After tumor clearance, the cheek defect was closed in a complex fashion with wide undermining of the cheek flaps, layered closure and standing-cone removal, for a final length of 3.0 cm.",
			fams, []string{`repair "closed in a complex fashion" length=3 after-clearance`}},
		{"§3 'closed in a layered fashion' alone",
			"After tumor clearance, the cheek defect was closed in a layered fashion, for a final length of 3.0 cm.",
			fams, []string{`repair "closed in a layered fashion" length=3 after-clearance`}},
	})
}

// TestStainOnTheStagesBlocks: "AE1/AE3 immunostaining were performed on
// both blocks of stage 2" stains the stage's blocks, not a block 2 read from
// the stage's number (CODING-RULES §5: 88342 per block stained; one unit
// had been coded for two).
func TestStainOnTheStagesBlocks(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 'on both blocks of stage 2'",
			"Stage 2 was divided into two blocks; H&E and AE1/AE3 immunostaining were performed on both blocks of stage 2. Both blocks were clear.",
			[]string{"stage "}, []string{`stage 2 blocks=2 margin=clear stain="H&E" stain="AE1/AE3"`}},
		{"§5 'on blocks 1 and 3 of stage 2' keeps its blocks",
			"Stage 2 was divided into three blocks; AE1/AE3 immunostaining was performed on blocks 1 and 3 of stage 2. All blocks were clear.",
			[]string{"stage "}, []string{`stage 2 blocks=3 margin=clear stain="AE1/AE3"[1 3]`}},
	})
}

// TestStructureInvolvement: "full-thickness atypia with follicular
// involvement and no invasion …, and both blocks were clear" is a clear
// stage: the follicles' involvement is the tumor's extent, not a margin
// (CODING-RULES §1: margins per stage; a positive last stage is a finding).
func TestStructureInvolvement(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 'follicular involvement' is no positive margin",
			"Stage one was divided into two blocks; full-thickness atypia with follicular involvement and no invasion was seen centrally, and both blocks were clear.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 'involvement of the deep margin' stays positive",
			"Stage one was divided into two blocks, with involvement of the deep margin of block 2.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=positive"}},
	})
}

// TestRiskClauseThenWhatWasDone: an introductory clause of risks ("Given
// the proximity to the lid margin and the risk of ectropion with a linear
// closure,") supposes its own words only; the main clause after its comma
// is what was done ("a full-thickness skin graft was placed": CODING-RULES
// §3, 15260 had been lost), while a list of risks goes on over its commas.
func TestRiskClauseThenWhatWasDone(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§3 the graft placed after a clause of risks",
			"After tumor clearance the final defect measured 1.5 x 1.2 cm. Given the proximity to the lid margin and the risk of ectropion with a linear closure, a full-thickness skin graft was placed. Recipient area 1.5 x 1.2 cm.",
			fams, []string{`repair "full-thickness skin graft" area=1.5x1.2 after-clearance`}},
		{"§3 a list of risks names no repair",
			"The risks of a flap, a graft, bleeding and infection were discussed.",
			fams, nil},
	})
}

// TestBecauseClauseNamesAnotherStage: "Because of the perineural invasion
// seen in stage 1, both blocks of stage 2 were stained with … AE1/AE3 …"
// stains stage 2, the stage its main clause names, not stage 1 (CODING-RULES
// §5: 88342 on the blocks stained; three units had been coded for two).
func TestBecauseClauseNamesAnotherStage(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 the main clause's stage after a 'Because …,' clause",
			"The first stage was divided into 3 blocks; tumor was present at the deep margin of block 1.\n\nThe second stage was divided into 2 blocks. Because of the perineural invasion seen in stage 1, both blocks of stage 2 were stained with AE1/AE3 immunostain. Both blocks were clear.",
			[]string{"stage "}, []string{"stage 1 blocks=3 margin=positive", `stage 2 blocks=2 margin=clear stain="AE1/AE3"`}},
	})
}

// TestSiteCommaTumor: a sentence that opens with a site, a comma and its
// tumor ("Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm.")
// names the tumor's site (CODING-RULES §1: a second such paragraph is a
// second tumor, never merged into the first); words other than the tumor's
// between them name none.
func TestSiteCommaTumor(t *testing.T) {
	fams := []string{"site "}
	runPhrases(t, []phraseCase{
		{"§1 'Left parietal scalp, nodular basal cell carcinoma, …'",
			"Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm.", fams, []string{`site "Left parietal scalp"`}},
		{"§1 'Posterior neck, squamous cell carcinoma, well differentiated, …'",
			"Posterior neck, squamous cell carcinoma, well differentiated, 1.0 x 0.9 cm.", fams, []string{`site "Posterior neck"`}},
	})
}

// TestTumorOfSize: "a … squamous cell carcinoma of 2.2 x 1.9 cm, recurrent
// after curettage" sizes the tumor (CODING-RULES §1: the pre-operative
// size; size-missing otherwise), not "of 2 mm depth".
func TestTumorOfSize(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§1 size: 'carcinoma of 2.2 x 1.9 cm,'",
			"It was a poorly defined, moderately differentiated squamous cell carcinoma of 2.2 x 1.9 cm, recurrent after curettage.", fams, []string{"preop 2.2x1.9"}},
		{"§1 size: 'carcinoma of 2 mm depth' is none",
			"It was a basal cell carcinoma of 2 mm depth on the biopsy.", fams, nil},
	})
}

// TestSiteOfAnotherTumor: a tumor named without a site does not take the
// one site the paragraph names when another tumor has it ("His left cheek
// basal cell carcinoma was cleared … a … squamous cell carcinoma of the
// right dorsal thumb": CODING-RULES §9, the thumb's diagnosis is the SCC,
// C44.622, not C44.612); the possessive "His left cheek …" names no site of
// today.
func TestSiteOfAnotherTumor(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§9 the site stays with its own tumor",
			"His left cheek basal cell carcinoma was cleared with Mohs on 05/01/2026. Today he is here for a well-differentiated squamous cell carcinoma of the right dorsal thumb.",
			[]string{"diagnosis ", "site "}, []string{`diagnosis "basal cell carcinoma" site=""`, `diagnosis "well-differentiated squamous cell carcinoma" site="right dorsal thumb"`, `site "right dorsal thumb"`}},
		{"§9 a tumor without a site takes the paragraph's one site",
			"A pearly papule on the left upper cutaneous lip was excised in stages, which I read as nodular basal cell carcinoma.",
			[]string{"diagnosis "}, []string{`diagnosis "nodular basal cell carcinoma" site="left upper cutaneous lip"`}},
	})
}

// TestDefectOfSite: "the final 1.8 x 1.6 cm defect of the left medial cheek
// was repaired …" names the lesion's site when nothing else does
// (CODING-RULES §1: the Mohs class follows the site; site-missing, no line,
// otherwise); a flap's "secondary defect on the nasal sidewall" names none.
func TestDefectOfSite(t *testing.T) {
	fams := []string{"site "}
	runPhrases(t, []phraseCase{
		{"§1 'defect of the left medial cheek'",
			"After tumor clearance, the final 1.8 x 1.6 cm defect of the left medial cheek was repaired with a rotation flap.", fams, []string{`site "left medial cheek"`}},
		{"§1 'secondary defect on the nasal sidewall' is no lesion's site",
			"The secondary defect on the nasal sidewall was closed primarily.", fams, nil},
	})
}

// TestTerseSecondaryDefectAndClear: a terse note's "2° defect 1.8 sq cm" is
// the flap's secondary defect, not a second primary defect (CODING-RULES
// §3: the flap's area adds both), and "clr" is a clear margin.
func TestTerseSecondaryDefectAndClear(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 flap: '2° defect' is the secondary defect",
			"Bilobed flap after clearance, defect 1.3x1.1cm, 2° defect 1.8 sq cm.",
			[]string{"repair "}, []string{`repair "Bilobed flap" defect=1.3x1.1 secondary=1.8 sq after-clearance`}},
		{"§1 margin: 'clr' is clear",
			"The second stage was 1 block, clr.",
			[]string{"stage "}, []string{"stage 2 blocks=1 margin=clear"}},
	})
}

// TestAbbreviatedAndLaterIndication: "Mohs b/c <reason>" is the terse
// note's "because", "I chose" and "opted for" are "chosen", and "Mohs surgery was then performed the same day for
// margin control on a digit …" says why as "Mohs for" does (CODING-RULES
// §6: `indication-missing` otherwise); without a reason neither is one.
func TestAbbreviatedAndLaterIndication(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 indication: 'Mohs b/c recurrent after ED&C x2'",
			"Mohs b/c recurrent after ED&C x2 and a poor-healing site; tissue sparing needed.",
			[]string{"indication"}, []string{"indication"}},
		{"§6 indication: 'Mohs b/c digit, tissue sparing'",
			"Mohs b/c digit, tissue sparing.", []string{"indication"}, []string{"indication"}},
		{"§6 indication: 'Mohs surgery was then performed the same day for margin control on a digit'",
			"Mohs surgery was then performed the same day for margin control on a digit where tissue is limited and function matters.",
			[]string{"indication"}, []string{"indication"}},
		{"§6 indication: 'I chose Mohs surgery to conserve eyelid tissue'",
			"I chose Mohs surgery to conserve eyelid tissue and protect lid function.", []string{"indication"}, []string{"indication"}},
		{"§6 indication: 'We opted for Mohs surgery given the recurrence'",
			"We opted for Mohs surgery given the recurrence.", []string{"indication"}, []string{"indication"}},
		{"§6 indication: 'I chose Mohs surgery' for no reason",
			"I chose Mohs surgery for this patient.", []string{"indication"}, nil},
		{"§6 indication: 'Mohs surgery was then performed' for no reason",
			"Mohs surgery was then performed the same day for the patient.", []string{"indication"}, nil},
	})
}

// TestSplitsAndLetteredBlocks: a specimen "bisected and then quartered"
// is four blocks, not two and four (CODING-RULES §1: 17315 counts the
// blocks of a stage), and "cut into blocks A, B and C" counts the letters;
// "blocks A and B were clear" names blocks and counts none.
func TestSplitsAndLetteredBlocks(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 blocks: 'bisected and then quartered, giving four tissue blocks'",
			"The first stage was excised. The specimen was bisected and then quartered, giving four tissue blocks; all were clear.",
			[]string{"stage", "ambiguity"}, []string{"stage 1 blocks=4 margin=clear"}},
		{"§1 blocks: 'bisected and then quartered' alone",
			"The first stage specimen was bisected and then quartered. All margins were clear.",
			[]string{"stage", "ambiguity"}, []string{"stage 1 blocks=4 margin=clear"}},
		{"§1 blocks: 'cut into blocks A, B and C'",
			"First stage: the specimen was cut into blocks A, B and C. Block B was positive at the inferior margin; A and C were clear.",
			[]string{"stage"}, []string{"stage 1 blocks=3 margin=positive"}},
		{"§1 blocks: 'blocks A and B were clear' counts nothing",
			"First stage: blocks A and B were clear.",
			[]string{"stage"}, []string{"stage 1 blocks=0 margin=clear"}},
	})
}

// TestSizeAfterTumorAndSite: the size a tumor "of" takes before its verb
// ("a nodular basal cell carcinoma of 0.6 x 0.5 cm had been confirmed"),
// and the size set off after a diagnosis and its site with an accession in
// parentheses after it ("… of the right medial canthus, 0.9 x 0.8 cm
// (accession MU26-50072)"), are the pre-operative size once (CODING-RULES
// §6: size-missing otherwise); a defect named in the parentheses makes it
// none.
func TestSizeAfterTumorAndSite(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 size: 'carcinoma of 0.6 x 0.5 cm had been confirmed'",
			"Attention was then turned to the right postauricular skin, where a nodular basal cell carcinoma of 0.6 x 0.5 cm had been confirmed by shave biopsy on 11/05/2026.",
			[]string{"preop "}, []string{"preop 0.6x0.5"}},
		{"§6 size: after the site, an accession in parentheses",
			"The first tumor is a nodular basal cell carcinoma of the right medial canthus, 0.9 x 0.8 cm (accession MU26-50072).",
			[]string{"preop "}, []string{"preop 0.9x0.8"}},
		{"§6 size: a defect in the parentheses is none",
			"Residual nodular basal cell carcinoma of the right medial canthus, 1.4 x 1.1 cm (final defect after stage 2).",
			[]string{"preop "}, nil},
	})
}

// TestAttendingReadsSlides: the Mohs surgeon named as the subject of the
// reading verb, over an apposition of the name ("The attending Mohs
// surgeon, Dr. Okafor-Lindgren, read all frozen sections"), and an
// attestation's list of verbs ("I was present …, personally interpreted
// every frozen section, and agree …") are the surgeon reading the slides
// (CODING-RULES §1: pathology-undocumented otherwise); a pathologist named
// as the reader stays the pathologist.
func TestAttendingReadsSlides(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 reader: 'The attending Mohs surgeon, Dr. …, read all frozen sections'",
			"The attending Mohs surgeon, Dr. Okafor-Lindgren, read all frozen sections, and a Mohs map was drawn for each stage.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: 'The Mohs surgeon read all frozen sections'",
			"The Mohs surgeon read all frozen sections.", []string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: an attestation's 'personally interpreted every frozen section' in a list",
			"I was present for the entire procedure, personally interpreted every frozen section, and agree with the resident's note.",
			[]string{"reader"}, []string{"reader surgeon"}},
		{"§1 reader: the pathologist named as the reader",
			"The frozen sections were read by the pathologist, Dr. Lee, not the Mohs surgeon.",
			[]string{"reader"}, []string{`reader pathologist "Dr. Lee"`}},
	})
}

// TestPositiveMarginsIndication: a prior excision with positive margins is
// a reason for Mohs (CODING-RULES §6), and "positive margins" in a stage
// sentence is no indication.
func TestPositiveMarginsIndication(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 indication: 'because a previous excision had positive margins'",
			"Mohs surgery was indicated because a previous excision had positive margins.", []string{"indication"}, []string{"indication"}},
		{"§6 indication: 'positive margins' of a stage",
			"Stage II showed tumor at the deep margin; positive margins were re-excised.", []string{"indication"}, nil},
		{"§6 size: 'a … carcinoma of 5 mm (accession …) was treated'",
			"Attention was then turned to the R nasal ala, where a nodular basal cell carcinoma of 5 mm (accession MU26-48211) was treated.",
			[]string{"preop "}, []string{"preop 0.5"}},
	})
}

// TestEnumeratedBiopsiesAcrossSemicolons: "Additional lesions: (1) … was
// sampled by tangential shave biopsy, …; (2) … was sampled by tangential
// shave biopsy, …" is two biopsies of other lesions (CODING-RULES §4: each
// biopsy is billed, the first at its primary code and each further at the
// add-on), not one.
func TestEnumeratedBiopsiesAcrossSemicolons(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 biopsies: two numbered clauses parted by a semicolon",
			"Additional lesions: (1) a 7 mm erythematous scaly papule on the left upper arm was sampled by tangential shave biopsy, clinical impression rule out superficial BCC; (2) a 6 mm hyperkeratotic papule on the right shin was sampled by tangential shave biopsy, clinical impression SCC versus irritated seborrheic keratosis.",
			[]string{"other-biopsy"}, []string{
				`other-biopsy "tangential shave biopsy" site="left upper arm" impression="rule out superficial BCC" uncertain=true`,
				`other-biopsy "tangential shave biopsy" site="right shin" impression="SCC versus irritated seborrheic keratosis" uncertain=true`}},
	})
}

// TestPastMohsWithStages: a sentence that tells of Mohs surgery done in a
// past year, with its stages and its repair ("underwent Mohs surgery of
// the left nasal ala in March 2023, which required two stages and was
// repaired with a bilobed flap"), is another day's: no stage count, no
// repair, no site of today (CODING-RULES §1 counts today's stages, §3
// today's repairs); today's stages beside it still count.
func TestPastMohsWithStages(t *testing.T) {
	const past = "This 74-year-old man underwent Mohs surgery of the left nasal ala in March 2023, which required two stages and was repaired with a bilobed flap; that site remains clear."
	runPhrases(t, []phraseCase{
		{"§1 stages: a past Mohs surgery's stage count and repair", past,
			[]string{"stage-count", "repair", "site"}, nil},
		{"§1 stages: today's stages after it", past + " Stage 1 was divided into three blocks, all clear.",
			[]string{"stage-count", "repair", "stage "}, []string{"stage 1 blocks=3 margin=clear"}},
	})
}

// TestStainReasonThenFinding: a stain's reason ends where the sentence goes
// on to what the sections showed ("… stained with MART-1 on both pieces to
// assess melanocyte density and showed no residual melanoma in situ"): the
// finding is the stage's margin (CODING-RULES §1: margins-missing
// otherwise), clear or positive.
func TestStainReasonThenFinding(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: '… to assess melanocyte density and showed no residual …'",
			"Stage II, a second layer of two pieces, was again stained with MART-1 on both pieces to assess melanocyte density and showed no residual melanoma in situ.",
			[]string{"stage "}, []string{`stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"§1 margins: '… to distinguish … and showed residual tumor in specimen 1'",
			"Stage II was divided into three specimens. CD34 immunostaining was performed on each of the three specimens to distinguish DFSP spindle cells from dermal fibroblasts and showed residual tumor in specimen 1.",
			[]string{"stage "}, []string{`stage 2 blocks=3 margin=positive stain="CD34"+reason`}},
	})
}

// TestBiopsyOfTheLesionShownAside: "During the visit he showed me a pink
// scaly papule on the right upper arm. I performed a 3 mm punch biopsy of
// it, rule out …, and sent the specimen …" is a biopsy of another lesion at
// the site the aside named (CODING-RULES §4), its impression ending before
// what was done next; a biopsy "of it" after a sentence about the Mohs
// tumor is no other lesion's.
func TestBiopsyOfTheLesionShownAside(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 biopsies: the lesion an aside showed, biopsied 'of it'",
			"During the visit he showed me a pink scaly papule on the right upper arm. I performed a 3 mm punch biopsy of it, rule out superficial basal cell carcinoma, and sent the specimen to dermatopathology for permanent sections.",
			[]string{"other-biopsy"}, []string{`other-biopsy "3 mm punch biopsy" site="right upper arm" impression="rule out superficial basal cell carcinoma" uncertain=true`}},
		{"§4 biopsies: 'asked about a new … papule of 5 mm on …', then 'A tangential (shave) biopsy was taken'",
			"While she was here she asked about a new scaly pink papule of 5 mm on the left upper arm. A tangential (shave) biopsy was taken; clinical impression: rule out superficial basal cell carcinoma versus irritated seborrheic keratosis.",
			[]string{"other-biopsy", "preop "}, []string{`other-biopsy "tangential (shave) biopsy" site="left upper arm" impression="rule out superficial basal cell carcinoma versus irritated seborrheic keratosis" uncertain=true`}},
		{"§4 biopsies: 'of it' after the tumor's own sentence",
			"She has a pearly papule on the left nasal ala. I performed a shave biopsy of it today, which showed basal cell carcinoma on frozen section.",
			[]string{"other-biopsy"}, nil},
	})
}

// TestTumorClearAtAllMargins: a tumor that the sentence places in the
// tissue and then says was clear at all margins ("nodular basal cell
// carcinoma in the mid dermis without perineural invasion was clear at all
// margins of both blocks") is a clear stage (CODING-RULES §1: a positive
// last stage would be final-stage-positive); a tumor that reached a margin
// stays positive.
func TestTumorClearAtAllMargins(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: '<tumor> in the mid dermis … was clear at all margins'",
			"Stage 1 was processed as two blocks; nodular basal cell carcinoma in the mid dermis without perineural invasion was clear at all margins of both blocks.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 margins: '<tumor> in the mid dermis reached the deep margin'",
			"Stage 1 was processed as two blocks; nodular basal cell carcinoma in the mid dermis reached the deep margin of block 2, which was otherwise clear.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=positive histology"}},
	})
}

// TestTumorDepthIsHistology: "the tumor occupied the superficial and mid
// dermis without perineural invasion" describes the tumor by its depth
// and perineural invasion (CODING-RULES §1: histology-missing otherwise);
// "tumor was present at the deep margin" describes nothing.
func TestTumorDepthIsHistology(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 histology: 'the tumor occupied the superficial and mid dermis without perineural invasion'",
			"Stage 1 was processed as two blocks; the tumor occupied the superficial and mid dermis without perineural invasion, and both blocks were clear.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 histology: 'tumor was present at the deep margin'",
			"Stage 1 was processed as two blocks; tumor was present at the deep margin of block 1.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=positive"}},
	})
}

// TestSizeAfterSiteWithLandmark: the size set off after a tumor's site is
// its pre-operative size (CODING-RULES §6) when the site is the helical
// rim ("rim" alone says a margin: "a rim of 2 mm"), when a landmark follows
// the site ("… on the cutaneous upper lip lateral to the philtrum, 1.0 x
// 0.8 cm preoperatively"), and when the diagnosis's subtype stands between
// it and the site ("carcinoma, well differentiated, on the …").
func TestSizeAfterSiteWithLandmark(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 size: 'of the helical rim, measuring …'",
			"A squamous cell carcinoma of the helical rim, measuring 0.8 x 0.6 cm.", []string{"preop "}, []string{"preop 0.8x0.6"}},
		{"§6 size: 'a rim of 2 mm' is no lesion's",
			"A rim of 2 mm, measuring 0.8 x 0.6 cm.", []string{"preop "}, nil},
		{"§6 size: a landmark after the site, a subtype after the diagnosis",
			"Invasive squamous cell carcinoma, well differentiated, on the cutaneous upper lip lateral to the philtrum, 1.0 x 0.8 cm preoperatively.",
			[]string{"preop "}, []string{"preop 1x0.8"}},
		{"§6 size: 'over the zygoma' after the site",
			"A nodule on the left cheek over the zygoma, 1.2 x 1.0 cm.", []string{"preop "}, []string{"preop 1.2x1"}},
	})
}

// TestSameSiteIsNoNewSite: "on the same shin" points back at a site named
// before and names none of its own (CODING-RULES §9: the side of "the right
// pretibial shin" stays the lesion's; "same shin" had left it unsided).
func TestSameSiteIsNoNewSite(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§9 site: 'on the same shin'",
			"She presented with a crusted plaque of the right pretibial shin measuring 3.1 x 2.6 cm. Two earlier excisions for SCC on the same shin had been closed under tension.",
			[]string{"site "}, []string{`site "right pretibial shin"`}},
	})
}

// TestSecondaryDefectBeforeHardWrap: a secondary defect whose period a
// hard wrap lost ("… secondary defect 3.1 sq cm The flap was designed …")
// is still the flap's secondary defect (CODING-RULES §3: the flap's area
// adds it); "a 3.1 sq cm flap" sizes the flap, not the defect.
func TestSecondaryDefectBeforeHardWrap(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§3 flap: the secondary defect before a sentence that lost its period",
			"Repair: bilobed flap after clearance; defect 1.6 x 1.4 cm; secondary defect 3.1 sq cm The flap was designed from the upper nasal sidewall.",
			[]string{"repair "}, []string{`repair "bilobed flap" defect=1.6x1.4 secondary=3.1 sq after-clearance`}},
	})
}

// TestOrdinalSiteStage: "The first forearm stage was processed as 2
// blocks" is the first stage, the site between the ordinal and the noun
// (CODING-RULES §1); "the first two blocks" is no stage.
func TestOrdinalSiteStage(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 stages: 'The first forearm stage'",
			"The first forearm stage was processed as 2 blocks; both blocks were clear.", []string{"stage ", "unstaged"}, []string{"stage 1 blocks=2 margin=clear"}},
		{"§1 stages: 'the second nasal ala layer'",
			"The second nasal ala layer was one block, clear.", []string{"stage ", "unstaged"}, []string{"stage 2 blocks=1 margin=clear"}},
	})
}

// TestStageInDoubt: a sentence that says the note does not tell whose
// stage it was ("… one more entry, a stage of two blocks, free of tumor,
// with no site written against it; this dictation does not say whether it
// was the second stage at the nasal sidewall or the first stage at the
// left cheek") gives no stage (CODING-RULES §1: never a guessed stage) and
// says why; a stage told plainly before it stays.
func TestStageInDoubt(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 stages: a stage whose tumor the note leaves open",
			"The first stage was divided into three blocks, all clear. The Mohs log for the day holds one more entry, a stage of two blocks, free of tumor, with no site written against it; this dictation does not say whether it was the second stage at the nasal sidewall or the first stage at the left cheek.",
			[]string{"stage ", "unstaged", "ambiguity"}, []string{"stage 1 blocks=3 margin=clear",
				"ambiguity the prose leaves open which tumor a stage was taken from: no stage is read from that sentence"}},
	})
}

// TestStainOnAllBlocksThenMargin: "stained with CD34 (all blocks) to tell
// … and was positive at the deep margin of block 1" is CD34 on every block
// of the stage (CODING-RULES §5: billed per block), not on block 1.
func TestStainOnAllBlocksThenMargin(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 stains: '(all blocks)' before a margin that names a block",
			"The second stage, 3 blocks, was again stained with CD34 (all blocks) to tell DFSP spindle cells from dermal fibroblasts and was positive at the deep margin of block 1, with blocks 2 and 3 clear.",
			[]string{"stage "}, []string{`stage 2 blocks=3 margin=positive stain="CD34"+reason`}},
	})
}
