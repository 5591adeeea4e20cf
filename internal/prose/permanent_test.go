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
