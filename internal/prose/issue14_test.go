package prose

import "testing"

// TestDictatedProbes runs the dictated sentences realistic probe notes
// showed the reader misread (issue 14). Each expectation comes from the rule
// book (CODING-RULES.md) or LAYOUTS.md, cited in the case's name.
func TestDictatedProbes(t *testing.T) {
	stage := []string{"stage ", "unstaged ", "ambiguity "}
	reader := []string{"reader "}
	runPhrases(t, []phraseCase{
		// CODING-RULES §1: a stage is documented by a statement about that
		// stage; LAYOUTS "Blocks per stage": the pieces the tissue is divided into.
		{"'the first excision' after an ordinal is a stage; quadrants are four blocks (probe3 quadrants-scalp)",
			"The first excision was sectioned into quadrants and processed as frozen sections. Tumor was present at the peripheral margin of quadrants 2 and 3; quadrants 1 and 4 were clear.",
			stage, []string{"stage 1 blocks=4 margin=positive"}},
		{"'the second excision … was bisected, and both halves were negative' is a stage of two clear blocks",
			"The first excision was divided into three blocks.\n\nThe second excision, taken from the peripheral margin between 3 and 6 o'clock, was bisected, and both halves were negative for residual tumor.",
			stage, []string{"stage 1 blocks=3 margin=unknown", "stage 2 blocks=2 margin=clear"}},
		{"an excision without an ordinal is no stage",
			"A standard excision was performed and divided into two blocks.",
			[]string{"stage "}, nil},
		{"a bisected biopsy is no block count",
			"The punch biopsy specimen was bisected.",
			stage, nil},
		// LAYOUTS "Who read the slides": by name, "read by Dr. <surgeon's last name>".
		{"the surgeon named as the subject of the reading verb (probe3 quadrants-scalp)",
			"The first excision was processed as frozen sections, and Dr. Okonkwo-Vale examined the slides.",
			reader, []string{`reader named "Dr. Okonkwo-Vale"`}},
		{"a doctor named in a sentence that reads nothing is no reader",
			"Dr. Okonkwo-Vale debulked the tumor and excised the first layer with a 2 mm margin.",
			reader, nil},
		// CODING-RULES §3: a repair only considered is no repair; the one done is.
		{"a closure that would have distorted the skin is a rejected option; the flap after it is the repair (probe3 mohs-considered-standard-excision-back)",
			"The primary defect measured 2.4 x 2.0 cm. Because a linear closure would have distorted the scapular skin, a rotation flap was designed, incised, undermined and rotated into the defect. The secondary defect measured 6.0 sq cm.",
			[]string{"repair "}, []string{`repair "rotation flap" defect=2.4x2 secondary=6 sq`}},
		{"Mohs considered and no Mohs stages performed is no stage",
			"Mohs micrographic surgery was considered but a standard excision was performed. No frozen sections were taken and no Mohs stages were performed.",
			[]string{"stage", "unstaged "}, nil},
		// CODING-RULES §1 (blocks per stage); LAYOUTS "Blocks per stage": some of
		// the blocks said clear are not the stage's count.
		{"the other five blocks being clear is a subset, not the count (probe4 run-on-words-upper-back)",
			"Stage 1 was divided into seven tissue blocks; tumor was seen at blocks four and six, the other five blocks being clear.",
			stage, []string{"stage 1 blocks=7 margin=positive"}},
		{"the remaining blocks were clear is a subset",
			"Stage 1 was divided into 4 blocks. Block 1 was positive; the remaining 3 blocks were clear.",
			stage, []string{"stage 1 blocks=4 margin=positive"}},
		// LAYOUTS "Who read the slides" (first person), "Pre-operative size"
		// (prose "measured"), "Repair" (layered → intermediate, its length):
		// a run-on dictation's biopsy clause speaks only of the biopsy.
		{"a run-on dictation: the biopsy clause does not silence the reader, the size or the repair (probe4 run-on-words-upper-back)",
			"This is a woman with a biopsy-proven squamous cell carcinoma of the left upper back, a shave biopsy on November 3, 2026 having shown invasive squamous cell carcinoma, and she was referred for Mohs surgery because the tumor is recurrent, the lesion measuring 2.2 x 1.8 cm today, and a Mohs map was drawn, and the first stage was taken with a three millimeter margin and divided into seven tissue blocks, which I read myself on frozen section and which showed squamous cell carcinoma in the reticular dermis at blocks four and six, the other five blocks being clear, so a second stage was taken from those two areas and divided into three blocks, all of which were free of tumor, and after tumor clearance the 3.6 x 3.0 cm defect was undermined and closed in layers as an intermediate repair measuring 6.5 cm.",
			[]string{"stage ", "reader ", "preop ", "repair ", "ambiguity "},
			[]string{"stage 1 blocks=7 margin=positive histology", "stage 2 blocks=3 margin=clear", "reader surgeon", "preop 2.2x1.8", `repair "intermediate repair" length=6.5 defect=3.6x3 after-clearance`}},
		{"a biopsy wound closed in a short sentence is still the biopsy's",
			"A 4 mm punch biopsy was taken, and the wound was closed with a simple repair of 0.5 cm.",
			[]string{"repair "}, nil},
		// LAYOUTS "Site and laterality": the site may stand only in prose.
		{"the site in an opener's apposition (probe4 third-person-two-tumors)",
			"The first tumor, on the left antihelix, required three stages.",
			[]string{"site "}, []string{`site "left antihelix"`}},
		{"an apposition that names no site is none",
			"The tumor, of note, was debulked.",
			[]string{"site "}, nil},
		// LAYOUTS "Who read the slides": the surgeon by name.
		{"a doctor who opens the sentence and read the sections himself (probe4 third-person-two-tumors)",
			"Dr. Nwachukwu-Blom drew a Mohs map for each site and read all frozen sections himself.",
			reader, []string{`reader named "Dr. Nwachukwu-Blom"`}},
		// CODING-RULES §4 (biopsies of other lesions, frozen section on a
		// billable biopsy, one block per block stated); LAYOUTS "Biopsies of
		// other lesions": site, method, impression "rule out …", "… versus …".
		{"a list item that is a biopsy of a site of its own; bx is biopsy (probe5 bx-abbrev-other-lesions)",
			"4 mm punch bx of the R upper arm, r/o SCC vs irritated SK.\n\nshave bx of the L shin, r/o BCC vs ISK.",
			[]string{"other-biopsy ", "prior-biopsy ", "same-day-biopsy "},
			[]string{`other-biopsy "4 mm punch bx" site="R upper arm" impression="r/o SCC vs irritated SK" uncertain=true`,
				`other-biopsy "shave bx" site="L shin" impression="r/o BCC vs ISK" uncertain=true`}},
		{"another lesion never biopsied before, biopsied today, its frozen section read as its impression (probe28)",
			"In addition, a pink scaly papule on the right upper arm, separate from both Mohs sites and never biopsied before, was removed today by tangential (shave) biopsy and sent for a frozen section, one block, which I read as superficial basal cell carcinoma.",
			[]string{"other-biopsy ", "prior-biopsy "},
			[]string{`other-biopsy "tangential (shave) biopsy" site="right upper arm" impression="superficial basal cell carcinoma" uncertain=false frozen=1`}},
		{"a biopsy the diagnosis rests on is no other biopsy",
			"Shave bx of the left temple showed nodular BCC.",
			[]string{"other-biopsy "}, nil},
		{"a biopsy's site in the sentence before, its frozen section blocks (probe4 same-day-punch-other-lesion)",
			"While the Mohs slides were processing, the patient pointed out a new, tender papule on the left dorsal forearm, 0.8 cm. A 4 mm punch biopsy was performed and submitted for frozen section, processed as two blocks, which I reviewed: atypical squamous proliferation, squamous cell carcinoma versus hypertrophic actinic keratosis; permanent sections to follow.",
			[]string{"other-biopsy ", "site ", "reader ", "stage", "unstaged "},
			[]string{`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="squamous cell carcinoma versus hypertrophic actinic keratosis" uncertain=true frozen=2`}},
		// CODING-RULES "Where a fact may stand" and LAYOUTS "Margins": a tumor
		// described in the dermis is histology; the margins said clear are clear.
		{"tumor described, then all blocks clear at the margins (probe5 sizes-all-mm-chest)",
			"Stage 1 was divided into five blocks. Morpheaform BCC was present in the reticular dermis, no perineural invasion, and all five blocks were clear at the peripheral and deep margins.",
			stage, []string{"stage 1 blocks=5 margin=clear histology"}},
		{"after 'I read the frozen sections:' (probe5 bx-abbrev-other-lesions)",
			"Stage 1 was divided into 3 blocks. I read the frozen sections: nodular BCC in the superficial dermis, no PNI, all 3 blocks clear at peripheral and deep margins.",
			stage, []string{"stage 1 blocks=3 margin=clear histology"}},
		{"a tumor at a margin beside clear blocks stays positive",
			"Stage 1 was divided into 3 blocks: BCC at the deep margin of block 2, blocks 1 and 3 clear at the margins.",
			stage, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"a tumor in a block beside a clear segment stays positive",
			"Stage 1: nodular BCC in block 2, the other margins clear.",
			stage, []string{"stage 1 blocks=0 margin=positive histology"}},
		// LAYOUTS "Who read the slides" (first person); British spellings.
		{"I reported the slides myself (probe5 british-tumour-mohs-layers)",
			"Mohs layer one was divided into four blocks and processed as frozen sections stained with haematoxylin and eosin. I reported the slides myself.",
			reader, []string{"reader surgeon"}},
		{"British spellings: tumour, colour-coded, haematoxylin (probe5 british-tumour-mohs-layers)",
			"A colour-coded Mohs map was drawn. Mohs layer one was divided into four blocks, stained with haematoxylin and eosin; tumour remained at the superior margin of block two. Mohs layer two was divided into two blocks; no tumour was seen in either block.",
			[]string{"stage ", "map "}, []string{`stage 1 blocks=4 margin=positive stain="haematoxylin and eosin"`, "stage 2 blocks=2 margin=clear", "map true"}},
		// CODING-RULES §1 final-stage-positive ("no plan is documented"); a
		// stage planned for another day is no stage (§1: a stage happened).
		{"a plan to complete Mohs another day; its stage is no stage (probe4 vasovagal-stop-after-stage-1)",
			"Stage 1: 4 blocks; blocks 2 and 4 positive at the deep margin.\n\nAfter stage 1 the patient had a vasovagal episode and asked to stop. Further stages were deferred: she will return on 05/14/2026 to complete Mohs (stage 2 onward).",
			[]string{"stage ", "plan"}, []string{"stage 1 blocks=4 margin=positive", "plan"}},
		{"a plan denied is none",
			"Stage 1: 2 blocks, clear. No further stages were deferred.",
			[]string{"plan"}, nil},
		// CODING-RULES §3: a closure deferred to a later visit is no repair line.
		{"no closure today, reconstruction at the next visit (probe4 vasovagal-stop-after-stage-1)",
			"No closure was performed today; reconstruction will be done after clearance at the next visit.",
			[]string{"repair "}, []string{`repair "reconstruction will be done after clearance at the next visit" no-repair after-clearance`}},
		// LAYOUTS "Pre-operative size": the lesion's size in prose, with its remarks after it.
		{"a size set off after the diagnosis's site (probe4 roman-paren-blocks-vertex)",
			"81-year-old man with a biopsy-proven (punch biopsy 12/29/2025) moderately differentiated squamous cell carcinoma of the vertex scalp, 3.4 x 2.8 cm, poorly defined, in a field of actinic damage.",
			[]string{"preop "}, []string{"preop 3.4x2.8"}},
		{"a size after the site and a parenthesis (probe3 prose-two-lesions-cheek-chin)",
			"This was a well-differentiated squamous cell carcinoma of the left chin (punch biopsy 02/26/2026), 0.6 x 0.5 cm, treated with Mohs because of its facial location.",
			[]string{"preop "}, []string{"preop 0.6x0.5"}},
		{"a margin after the site is no lesion size",
			"Basal cell carcinoma of the left cheek, 2 mm margin taken.",
			[]string{"preop "}, nil},
	})
}
