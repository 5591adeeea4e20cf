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
