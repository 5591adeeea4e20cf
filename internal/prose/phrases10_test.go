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
		{"§1 site: the history of a lesion word is today's lesion",
			"A six-month history of a pearly papule on the left cheek.", fams, []string{`site "left cheek"`}},
	})
}
