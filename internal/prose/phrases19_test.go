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
