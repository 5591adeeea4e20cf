package prose

import "testing"

// TestUndersignedReader: "the undersigned" who examined the slides is
// whoever signs the note (NOTE-FORMAT §2: the reader must be documented;
// CODING-RULES §1: the surgeon must have read the slides). The reader says
// so; the caller finds the signature.
func TestUndersignedReader(t *testing.T) {
	fams := []string{"reader ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§1 reader: the undersigned examined the slides",
			"The undersigned examined the slides, which showed nodular basal cell carcinoma at the deep margin of section 2.",
			fams, []string{"reader undersigned"}},
		{"§1 reader: the undersigned performed each layer and examined all frozen sections",
			"DESCRIPTION OF PROCEDURE: The undersigned performed each layer and examined all frozen sections. Each site was mapped.",
			fams, []string{"reader undersigned"}},
		{"§1 reader: examined by the undersigned",
			"The frozen sections were examined by the undersigned.",
			fams, []string{"reader undersigned"}},
		{"§1 reader: the surgeon as subject of a coordinated reading verb",
			"The Mohs surgeon excised each layer and interpreted all frozen sections.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: a coordinated verb of another subject is no reading by the surgeon",
			"The surgeon excised the layer, which a dermatopathologist then examined.",
			[]string{"reader surgeon"}, nil},
		{"§1 reader: the undersigned who did not read",
			"The undersigned did not examine the slides.",
			fams, nil},
	})
}
