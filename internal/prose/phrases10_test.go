package prose

import "testing"

// TestHistoryGivesNoSite: a tumor or a Mohs surgery of the past is another
// lesion's or another day's (NOTE-FORMAT §1: the lesion's site and
// diagnosis are today's); its site is never today's lesion's, while the
// history of a lesion word ("a six-month history of a papule") is today's.
func TestHistoryGivesNoSite(t *testing.T) {
	fams := []string{"site ", "diagnosis "}
	runPhrases(t, []phraseCase{
		{"§1 site: history of a tumor of another site",
			"History of melanoma of the back. Now a nodule.", fams, nil},
		{"§1 site: a prior Mohs surgery",
			"Prior Mohs surgery of the right temple in 2019. Now a new papule.", fams, nil},
		{"§1 site: a previous tumor",
			"Previous basal cell carcinoma on the left cheek treated with Mohs in 2020.", fams, nil},
		{"§1 site: a tumor removed years ago",
			"She had a basal cell carcinoma of the back excised years ago.", fams, nil},
		{"§1 site: a Mohs surgery done previously",
			"He had Mohs surgery of the right temple previously.", fams, nil},
		{"§1 site: a past medical history heading reaches over its colon",
			"Past medical history: melanoma of the back (2015).", fams, nil},
		{"§1 site: the history of present illness is today's",
			"History of present illness: biopsy-proven basal cell carcinoma of the left cheek.", fams,
			[]string{`diagnosis "basal cell carcinoma" site="left cheek"`, `site "left cheek"`}},
		{"§1 site: the history of a lesion word is today's lesion",
			"A six-month history of a pearly papule on the left cheek.", fams, []string{`site "left cheek"`}},
	})
}

// TestMarginClauses: a tumor's own clause and a clause that says the
// margins are read apart (CODING-RULES §3: a stage is positive only where
// tumor is placed on a margin), and "without" negates only its noun
// phrase, not the verb that puts the tumor on the margin.
func TestMarginClauses(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§3 margins: 'and all margins were clear' is a clause of its own",
			"The first stage was divided into two blocks; nodular basal cell carcinoma was confined to the central dermis and all margins were clear.",
			fams, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§3 margins: tumor at a margin and the other margins clear is positive",
			"The first stage was divided into two blocks; basal cell carcinoma was present at the deep margin and all other margins were clear.",
			fams, []string{"stage 1 blocks=2 margin=positive histology"}},
		{"§3 margins: atypia without invasion extended to a margin",
			"The first stage was divided into three blocks; full-thickness keratinocyte atypia without invasion extended to the peripheral margin of block 2.",
			fams, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"§3 margins: no tumor extended to the margin stays negated",
			"The first stage was divided into three blocks; no tumor extended to the margins.",
			fams, []string{"stage 1 blocks=3 margin=clear"}},
	})
}

// TestSpecialStainWords: a stain the note calls special is marked so
// (CODING-RULES §4: a routine stain such as toluidine blue listed as a
// special stain is included in Mohs, `routine-stain-not-billable`).
func TestSpecialStainWords(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§4 stains: 'was run as a special stain on all four blocks'",
			"The first stage was divided into four blocks. Toluidine blue was run as a special stain on all four blocks.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="Toluidine blue"+special`}},
		{"§4 stains: 'a special stain of toluidine blue'",
			"The first stage was divided into two blocks. A special stain of toluidine blue was performed.",
			fams, []string{`stage 1 blocks=2 margin=unknown stain="toluidine blue"+special`}},
		{"§4 stains: 'was also requested as a special stain'",
			"The first stage was divided into four blocks; toluidine blue was also requested as a special stain on all four blocks.",
			fams, []string{`stage 1 blocks=4 margin=unknown stain="toluidine blue"+special`}},
		{"§4 stains: a stain not called special",
			"The first stage was divided into two blocks. Toluidine blue was run on both blocks.",
			fams, []string{`stage 1 blocks=2 margin=unknown stain="Toluidine blue"`}},
	})
}

// TestSizeBeforeTheTumor: a size the tumor's name follows is the lesion's
// pre-operative size (CODING-RULES §6; `size-missing` otherwise), unless
// the tumor is one of the past.
func TestSizeBeforeTheTumor(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: 'Mohs surgery of a 1.7 x 1.4 cm squamous cell carcinoma'",
			"This 71-year-old man presents for Mohs surgery of a 1.7 x 1.4 cm squamous cell carcinoma at the junction of the left posterior neck and upper back.",
			fams, []string{"preop 1.7x1.4"}},
		{"§6 pre-op size: a tumor of the past gives none",
			"History of a 2.0 cm basal cell carcinoma of the back.", fams, nil},
		{"§6 pre-op size: a punch of a tumor is no size of it",
			"A 4 mm punch biopsy of the basal cell carcinoma was taken.", fams, nil},
	})
}

// TestBiopsyOfTheOpening: a biopsy on a date is a prior biopsy, though a
// clause of its own says what was done today (CODING-RULES §2:
// `diagnosis-unconfirmed` otherwise); a size after a landmark segment is
// the lesion's (§6).
func TestBiopsyOfTheOpening(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§2 prior biopsy: 'biopsied on <date> and were mapped today'",
			"Both lesions were biopsied on 03/31/2026 and were mapped today.",
			[]string{"prior-biopsy"}, []string{"prior-biopsy true"}},
		{"§2 prior biopsy: a biopsy done today is none",
			"A shave biopsy of the lesion was performed today and sent for frozen section.",
			[]string{"prior-biopsy"}, nil},
		{"§6 pre-op size: after a landmark segment",
			"Squamous cell carcinoma in situ of the left dorsal thumb, proximal to the nail fold, 1.0 x 0.8 cm.",
			[]string{"preop "}, []string{"preop 1x0.8"}},
		{"§6 pre-op size: a segment with a verb is no landmark",
			"Squamous cell carcinoma in situ of the left dorsal thumb, which was excised, 1.0 x 0.8 cm.",
			[]string{"preop "}, nil},
	})
}

// TestStainLists: the stains a sentence lists share the reason it gives,
// a stain named again is the same stain, and a stain's blocks end where
// the next stain is named (CODING-RULES §4: 88342 per block for the first
// antibody, 88341 per further antibody on a block; `stain-indication-missing`).
func TestStainLists(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§4 stains: 'MART-1 on both blocks and SOX10 on block 1', restated with the reason",
			"Stage 2 was taken as 2 blocks with H&E and MART-1 on both blocks and SOX10 on block 1, the MART-1 and SOX10 to confirm clearance of the melanocytic margin, and the margins were clear.",
			fams, []string{`stage 2 blocks=2 margin=clear stain="H&E" stain="MART-1"+reason stain="SOX10"[1]+reason`}},
		{"§4 stains: listed immunostains share their reason",
			"Stage 1 was divided into 5 blocks. MART-1 and SOX10 immunostains were run on all 5 blocks for assessment of melanocyte density.",
			fams, []string{`stage 1 blocks=5 margin=unknown stain="MART-1"+reason stain="SOX10"+reason`}},
		{"§4 stains: a stain after a clause of its own keeps no reason",
			"Stage 1 was divided into 2 blocks. MART-1 was run on block 1, and CD34 was run on block 2 to exclude DFSP.",
			fams, []string{`stage 1 blocks=2 margin=unknown stain="MART-1"[1] stain="CD34"[2]+reason`}},
	})
}

// TestDateOfServiceInASentence: "date of service 03/04/2026." dictated
// without a field's colon is the date of service (NOTE-FORMAT §1:
// `date-missing` otherwise).
func TestDateOfServiceInASentence(t *testing.T) {
	fams := []string{"service-date "}
	runPhrases(t, []phraseCase{
		{"§1 date: 'date of service the twenty-first of July, 7/21/2026'",
			"This is Dr. Clementine Aboagye-Strand dictating a Mohs operative note, date of service the twenty-first of July, 7/21/2026.", fams, []string{`service-date "7/21/2026"`}},
		{"§1 date: '… on 4/21/2026, which is the date of service'",
			"Dictated by Dr. Gideon Papadakis-Ferreira on 4/21/2026, which is the date of service.", fams, []string{`service-date "4/21/2026"`}},
		{"§1 date: 'date of service 03/04/2026.'",
			"date of service 03/04/2026. surgeon Evander Abiodun-Hallström MD.", fams, []string{`service-date "03/04/2026"`}},
		{"§1 date: 'DOS was March 4, 2026'", "DOS was March 4, 2026.", fams, []string{`service-date "March 4, 2026"`}},
		{"§1 date: a biopsy's date is none", "The biopsy of 02/04/2026 showed melanoma in situ.", fams, nil},
	})
}

// TestWedgeWithLayers: the layered closure of a wedge excision is the
// wedge's, which names the repair (CODING-RULES §5: a wedge excision is
// outside the repair tables, `repair-code-review`, no line).
func TestWedgeWithLayers(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"§5 repair: 'a wedge excision of the lower lip with layered closure'",
			"After tumor clearance, the full-thickness 2.0 x 1.6 cm defect was repaired with a wedge excision of the lower lip with layered closure.",
			fams, []string{`repair "wedge excision" defect=2x1.6 after-clearance`}},
		{"§5 repair: a layered closure alone stays the repair",
			"After tumor clearance, the 2.0 x 1.6 cm defect was repaired with a layered closure measuring 3.0 cm.",
			fams, []string{`repair "layered closure" length=3 defect=2x1.6 after-clearance`}},
	})
}

// TestTerseIndication: "Mohs for <reason>" is the indication (CODING-RULES
// §6: `indication-missing` otherwise); a diagnosis's subtypes joined by
// "and" do not hide its site, nor its size in apposition.
func TestTerseIndication(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§6 indication: 'Mohs for the temple location in the H-zone'",
			"Mohs for the temple location in the H-zone and infiltrative features.",
			[]string{"indication"}, []string{"indication"}},
		{"§6 indication: 'Mohs for' without a reason",
			"Mohs for basal cell carcinoma.", []string{"indication"}, nil},
		{"§1 site: subtypes joined by 'and' before the site",
			"Biopsy-proven basal cell carcinoma, nodular and infiltrative, left temple (shave biopsy 03/05/2026, TM26-2250), 1.3 x 1.1 cm.",
			[]string{"diagnosis ", "preop "}, []string{`diagnosis "basal cell carcinoma" site="left temple"`, "preop 1.3x1.1"}},
	})
}

// TestFrozenSectionConfirms: what a same-day frozen section of another
// lesion's biopsy confirmed is that biopsy's diagnosis (CODING-RULES §4:
// a biopsy's diagnosis code); an uncertain reading stays uncertain.
func TestFrozenSectionConfirms(t *testing.T) {
	fams := []string{"other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsy diagnosis: 'submitted for frozen section (1 block), which confirmed basal cell carcinoma'",
			"During the same session the patient pointed out a pearly papule of the left dorsal forearm. A 4 mm punch biopsy was performed and submitted for frozen section (1 block), which confirmed basal cell carcinoma.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="basal cell carcinoma" uncertain=false frozen=1`}},
		{"§4 biopsy diagnosis: a frozen section read as possible carcinoma stays uncertain",
			"During the same session the patient pointed out a pearly papule of the left dorsal forearm. A 4 mm punch biopsy was performed and submitted for frozen section (1 block), which showed possible basal cell carcinoma versus trichoepithelioma.",
			fams, []string{`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="which showed possible basal cell carcinoma versus trichoepithelioma" uncertain=true frozen=1`}},
	})
}

// TestTitleDatesTheNote: a title that dates the note ("Chart note -
// 09/16/2026") gives the date of service (NOTE-FORMAT §1: `date-missing`
// otherwise); a note named later in a sentence does not.
func TestTitleDatesTheNote(t *testing.T) {
	fams := []string{"service-date "}
	runPhrases(t, []phraseCase{
		{"§1 date: 'Chart note - 09/16/2026'", "Chart note - 09/16/2026", fams, []string{`service-date "09/16/2026"`}},
		{"§1 date: a note of another day named in a sentence",
			"The referring dermatologist's progress note from the last visit - 08/19/2026 - describes the lesion.", fams, nil},
	})
}
