package prose

import "testing"

// TestDictatedReportsOfOneTumour: phrasings of transcribed one-tumour
// reports that named the wrong stage, lost a repair, a size or a biopsy,
// or counted a biopsy's title as a biopsy.
func TestDictatedReportsOfOneTumour(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: 'taken from the deep margin of the second stage. It was free of tumor.' is the third stage's",
			"Second stage. Three blocks were taken. Tumor was present at the deep margin of block 3.\n\nThird stage. A single block was taken from the deep margin of the second stage. It was free of tumor.",
			[]string{"stage "}, []string{"stage 2 blocks=3 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"§1 margins: 'Sections from the first stage showed …' still speaks of the stage it names",
			"The first stage was divided into two blocks. The second stage was one block. Sections from the first stage showed tumor at the deep margin.",
			[]string{"stage "}, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=unknown"}},
		{"§3 repair: a reason with 'would' before ', after tumor clearance I repaired …' leaves the repair done",
			"Because the skin here is thick and would not move well, after tumor clearance I repaired the defect with a full-thickness skin graft measuring 1.6 x 1.4 cm.",
			[]string{"repair "}, []string{`repair "full-thickness skin graft" area=1.6x1.4 after-clearance`}},
		{"§3 repair: 'a linear closure would have distorted the lip' is still a rejected option",
			"A linear closure would have distorted the lip.",
			[]string{"repair "}, nil},
		{"§1 size: ', clinically 1.4 x 1.2 cm with ill-defined edges'",
			"A biopsy-proven infiltrative basal cell carcinoma of the nasal tip (shave biopsy 11/05/2026), clinically 1.4 x 1.2 cm with ill-defined edges.",
			[]string{"preop"}, []string{"preop 1.4x1.2"}},
		{"§4 other biopsy: 'a shave biopsy of a 6 mm hyperkeratotic papule on the right forearm'",
			"Mohs surgery of a squamous cell carcinoma of the left dorsal hand.\n\nI also performed a shave biopsy of a 6 mm hyperkeratotic papule on the right forearm, clinically a hypertrophic actinic keratosis versus squamous cell carcinoma.",
			[]string{"other-biopsy", "preop"}, []string{`other-biopsy "shave biopsy" site="right forearm" impression="clinically a hypertrophic actinic keratosis versus squamous cell carcinoma" uncertain=true`}},
		{"§4 other biopsies: the title 'I biopsied both …:' is no biopsy of its own",
			"While he was here he asked about two other spots, and I biopsied both for permanent sections: first, a 4 mm punch biopsy of an ulcerated nodule on the right dorsal forearm, rule out squamous cell carcinoma; second, a 3 mm punch biopsy of a pink plaque on the left upper back, rule out basal cell carcinoma.",
			[]string{"other-biopsy"}, []string{
				`other-biopsy "4 mm punch biopsy" site="right dorsal forearm" impression="rule out squamous cell carcinoma" uncertain=true`,
				`other-biopsy "3 mm punch biopsy" site="left upper back" impression="rule out basal cell carcinoma" uncertain=true`}},
		{"§4 other biopsy: 'shave bx R upper back, pink papule - r/o BCC' has its site after 'bx'",
			"shave bx R upper back, pink papule - r/o BCC",
			[]string{"other-biopsy"}, []string{`other-biopsy "shave bx" site="R upper back" impression="pink papule - r/o BCC" uncertain=true`}},
	})
}

// TestDefectReachingAnEdge: a sentence about the defect that reaches an
// edge ("The final defect measured 1.4 x 1.1 cm, extending to the lid
// edge") states no margin of the last stage (CODING-RULES §1:
// final-stage-positive only when the last stage's margins are not clear).
func TestDefectReachingAnEdge(t *testing.T) {
	const stages = "Stage 1 was divided into two blocks; tumor reached the lateral margin of block 1, and block 2 was clear. Stage 2, one block from the lateral margin, was clear. "
	runPhrases(t, []phraseCase{
		{"§1 margins: the defect 'extending to the lid edge'",
			stages + "The final defect measured 1.4 x 1.1 cm, extending to the lid edge.",
			[]string{"stage 2"}, []string{"stage 2 blocks=1 margin=clear"}},
		{"§1 margins: tumor 'extending to the deep margin' is still positive",
			"Stage 1 was divided into two blocks. Tumor was seen extending to the deep margin of block 2.",
			[]string{"stage 1"}, []string{"stage 1 blocks=2 margin=positive"}},
	})
}

// TestSizeRightAfterItsTumor: a size of two dimensions right after the
// tumor it measures, or after "Clinically" opening a sentence, is the
// pre-operative size (CODING-RULES §10: size-missing otherwise); a size
// before another noun, or of a tumor denied, is not.
func TestSizeRightAfterItsTumor(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§10 size: 'a nodular basal cell carcinoma 1.0 x 0.8 cm.'",
			"We started with the right forehead, a nodular basal cell carcinoma 1.0 x 0.8 cm. The first stage was two blocks, clear.",
			[]string{"preop"}, []string{"preop 1x0.8"}},
		{"§10 size: 'Clinically 1.0 x 0.9 cm.'",
			"Clinically 1.0 x 0.9 cm. The first stage was two blocks, clear.",
			[]string{"preop"}, []string{"preop 1x0.9"}},
		{"§10 size: 'a basal cell carcinoma 2 x 2 cm excision' measures the excision",
			"A basal cell carcinoma 2 x 2 cm excision was planned.",
			[]string{"preop"}, nil},
		{"§10 size: a denied tumor's size is none",
			"No basal cell carcinoma 1.0 x 0.8 cm was seen.",
			[]string{"preop"}, nil},
	})
}

// TestSiteKeyedSize: a paragraph opened by its site as a key with the
// size first ("Left cheek: 0.8 x 0.7 cm. Mohs chosen for …", "Left shin:
// 1.1 x 0.9 cm; Mohs for recurrence …") gives the lesion its pre-operative
// size (CODING-RULES §10); a size with a noun after it, or not opening the
// paragraph, is none.
func TestSiteKeyedSize(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§10 size: 'Left cheek: 0.8 x 0.7 cm. Mohs chosen …'",
			"Left cheek: 0.8 x 0.7 cm. Mohs chosen for the facial location. The first stage, two blocks, was clear.",
			[]string{"preop"}, []string{"preop 0.8x0.7"}},
		{"§10 size: 'Left shin: 1.1 x 0.9 cm; Mohs for recurrence …'",
			"Left shin: 1.1 x 0.9 cm; Mohs for recurrence after curettage.",
			[]string{"preop"}, []string{"preop 1.1x0.9"}},
		{"§10 size: 'Left cheek: 1.2 x 1.0 cm defect' is no tumor's size",
			"Left cheek: 1.2 x 1.0 cm defect closed in layers.",
			[]string{"preop"}, nil},
		{"§10 size: a site key's size after the paragraph's first sentence is none",
			"The first stage was clear. Left cheek: 1.2 x 1.0 cm.",
			[]string{"preop"}, nil},
	})
}

// TestThingsThatDidNotHappen: a stain only considered is no stain run
// (CODING-RULES §5: a stain line needs the stain done), and a size said
// "today" after its tumor is the pre-operative size (§10).
func TestThingsThatDidNotHappen(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§5 stain: 'MART-1 immunostaining was considered … but was not needed'",
			"MART-1 immunostaining was considered for the sun-damaged margin but was not needed; the frozen H&E sections were unequivocal at every block.",
			[]string{"unstaged"}, []string{`unstaged blocks=0 margin=unknown stain="H&E"`}},
		{"§5 stain: 'MART-1 immunostaining was performed on every block' is run",
			"The first stage was divided into two blocks. MART-1 immunostaining was performed on both blocks to assess melanocyte density.",
			[]string{"stage 1"}, []string{`stage 1 blocks=2 margin=unknown stain="MART-1"+reason`}},
		{"§10 size: '…(shave biopsy 11/12/2026, WM26-10745), 1.9 x 1.6 cm today.'",
			"This man has a biopsy-proven squamous cell carcinoma of the left upper back (shave biopsy 11/12/2026, WM26-10745), 1.9 x 1.6 cm today.",
			[]string{"preop"}, []string{"preop 1.9x1.6"}},
	})
}

// TestSiteClauseBeforeDiagnosis: an intro that names each tumor as "first,
// the left conchal bowl, nodular basal cell carcinoma, …; second, the right
// lateral neck, well-differentiated squamous cell carcinoma, …" gives each
// diagnosis the site of the clause before it (CODING-RULES §9: the site
// codes the diagnosis; §2: the sites tell the lesions apart).
func TestSiteClauseBeforeDiagnosis(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§9 site: 'first, the left conchal bowl, nodular basal cell carcinoma, …; second, the right lateral neck, …'",
			"Two sites today: first, the left conchal bowl, nodular basal cell carcinoma, 1.1 x 0.9 cm, Mohs for its location on the ear; second, the right lateral neck, well-differentiated squamous cell carcinoma, 1.6 x 1.3 cm.",
			[]string{"diagnosis"}, []string{`diagnosis "nodular basal cell carcinoma" site="left conchal bowl"`, `diagnosis "well-differentiated squamous cell carcinoma" site="right lateral neck"`}},
		{"§9 site: 'The nasal tip carries a nodular basal cell carcinoma, …'",
			"The nasal tip carries a nodular basal cell carcinoma, 0.9 x 0.8 cm. The right antihelix carries a nodular basal cell carcinoma, 0.7 x 0.6 cm.",
			[]string{"diagnosis"}, []string{`diagnosis "nodular basal cell carcinoma" site="nasal tip"`, `diagnosis "nodular basal cell carcinoma" site="right antihelix"`}},
		{"§9 site: 'The left cheek has a nodular basal cell carcinoma (shave biopsy …)'",
			"The left cheek has a nodular basal cell carcinoma (shave biopsy 10/22/2026), 0.9 x 0.8 cm.",
			[]string{"diagnosis"}, []string{`diagnosis "nodular basal cell carcinoma" site="left cheek"`}},
		{"§9 site: 'The patient has a nodular basal cell carcinoma.' names no site",
			"The patient has a nodular basal cell carcinoma.",
			[]string{"diagnosis"}, []string{`diagnosis "nodular basal cell carcinoma" site=""`}},
		{"§9 site: a diagnosis opening the paragraph has no word before it",
			"Nodular basal cell carcinoma.",
			[]string{"diagnosis"}, []string{`diagnosis "Nodular basal cell carcinoma" site=""`}},
		{"§9 site: a clause that is more than a site gives none",
			"She returns after her visit to the clinic, nodular basal cell carcinoma.",
			[]string{"diagnosis"}, []string{`diagnosis "nodular basal cell carcinoma" site=""`}},
	})
}

// TestFrozenSectionOfOneBiopsyOfTwo: a sentence of two biopsies of other
// lesions in which one was submitted for frozen section ("…; and a
// tangential (shave) biopsy of …, submitted for frozen section as 1 block,
// which I read as superficial basal cell carcinoma") gives that biopsy, not
// the other, its frozen section (CODING-RULES §4: 88331 per specimen) and
// its reading as its diagnosis, not the other's "rule out" (§9).
func TestFrozenSectionOfOneBiopsyOfTwo(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§4 frozen section: the second biopsy's",
			"Mohs surgery of a basal cell carcinoma of the columella.\n\nOther lesions biopsied today: a 4 mm punch biopsy of a firm nodule on the right forearm, rule out squamous cell carcinoma, sent for permanent sections; and a tangential (shave) biopsy of a pearly papule on the left upper back, submitted for frozen section as 1 block, which I read as superficial basal cell carcinoma.",
			[]string{"other-biopsy"}, []string{
				`other-biopsy "4 mm punch biopsy" site="right forearm" impression="rule out squamous cell carcinoma, sent for permanent sections" uncertain=true`,
				`other-biopsy "tangential (shave) biopsy" site="left upper back" impression="superficial basal cell carcinoma" uncertain=false frozen=1`}},
	})
}

// TestStageTakenFromThePreviousStage: a numbered stage taken "from the
// deep margin of the previous stage" is that stage, though "previous
// stage" is words of technique boilerplate (CODING-RULES §1: a statement
// about that stage documents it); the boilerplate itself still tells none.
func TestStageTakenFromThePreviousStage(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 stage: 'Stage 3 was one block from the deep margin of the previous stage and was clear.'",
			"Stage 2 was two blocks; block 1 remained positive at the deep margin. Stage 3 was one block from the deep margin of the previous stage and was clear.",
			[]string{"stage "}, []string{"stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"§1 boilerplate: 'Residual tumor was excised as in the previous stage' tells no stage",
			"Residual tumor was excised as in the previous stage, and the tissue was divided into blocks.",
			[]string{"stage "}, nil},
	})
}

// TestSignedBlockChips: a stage's margins written block by block as signed
// letters ("Left cheek stage 1 (3 blocks): A+ B- C-", "… stage 2 (1 block):
// A-") are positive when a block is "+" and clear when every block is "-"
// (CODING-RULES §1: margins-missing otherwise); a range of letters ("A-C")
// signs nothing.
func TestSignedBlockChips(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"§1 margins: 'A+ B- C-' then 'A-'",
			"Left cheek stage 1 (3 blocks): A+ B- C-\nLeft cheek stage 2 (1 block): A-",
			[]string{"stage "}, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"§1 margins: 'blocks A-C' is a range, no sign",
			"Stage 1 (3 blocks): blocks A-C were processed.",
			[]string{"stage "}, []string{"stage 1 blocks=3 margin=unknown"}},
	})
}
