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
	})
}
