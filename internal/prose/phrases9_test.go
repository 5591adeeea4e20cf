package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

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
		{"§1 reader: the undersigned reviewing with a pathologist is ambiguous, the undersigned first",
			"The undersigned reviewed all frozen sections with the pathologist, Dr. Ito.",
			fams, []string{"reader undersigned", `reader pathologist "Dr. Ito"`, "ambiguity the Mohs slides are said to be read by the surgeon and by a separate pathologist"}},
		{"§1 reader: the undersigned Mohs surgeon says the role",
			"The slides were reviewed by the undersigned Mohs surgeon.",
			fams, []string{"reader surgeon"}},
		{"§1 reader: histologic interpretation by the undersigned",
			"Histologic interpretation of all layers was performed by the undersigned.",
			fams, []string{"reader undersigned"}},
		{"§1 reader: at the request of the undersigned a pathologist read",
			"The frozen sections were examined by the dermatopathologist on call, Dr. Mina Ohara, at the request of the undersigned.",
			fams, []string{`reader pathologist "Dr. Mina Ohara"`}},
		{"§1 reader: the undersigned who did not read",
			"The undersigned did not examine the slides.",
			fams, nil},
	})
}

// TestSizeOfALesionNoun: a pre-operative size the lesion noun takes with
// "of" (CODING-RULES §6 needs it; `size-missing` otherwise).
func TestSizeOfALesionNoun(t *testing.T) {
	fams := []string{"preop ", "final-defect "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: a patch of 2.0 x 1.6 cm",
			"Melanoma in situ diagnosed on saucerization biopsy 08/28/2026, presenting as an ill-defined pigmented patch of 2.0 x 1.6 cm on sun-damaged skin.",
			fams, []string{"preop 2x1.6"}},
		{"§6 pre-op size: a nodule of 8 mm", "There is a firm nodule of 8 mm on the left temple.", fams, []string{"preop 0.8"}},
		{"§6 pre-op size: a defect of a size is no lesion's", "This left a defect of 2.0 x 1.8 cm.", fams, []string{"final-defect 2x1.8"}},
		{"§6 pre-op size: a punch of 4 mm is no lesion's", "A punch of 4 mm was used.", fams, nil},
	})
}

// TestBiopsyNamedInAProcedureList: a procedure list that names the biopsy
// of another lesion the prose then describes bills one biopsy (CODING-RULES
// §4), and its "separate lesion" does not make the Mohs lesion's indication
// another lesion's.
func TestBiopsyNamedInAProcedureList(t *testing.T) {
	fams := []string{"other-biopsy ", "preop ", "prior-biopsy "}
	runPhrases(t, []phraseCase{
		{"§4 biopsies: the listed biopsy is the described one",
			"1. Mohs micrographic surgery, nasal dorsum. 2. Complex linear repair, nose. 3. Punch biopsy of a separate lesion, left dorsal forearm, with frozen section.\n\n" +
				"Nodular basal cell carcinoma of the nasal dorsum, proven on shave biopsy 10/21/2025, measuring 1.0 x 0.8 cm.\n\n" +
				"During the same session the patient pointed out a pearly papule of the left dorsal forearm. A 4 mm punch biopsy was performed and submitted for frozen section (1 block), which confirmed basal cell carcinoma.",
			fams, []string{"prior-biopsy true", "preop 1x0.8", `other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="basal cell carcinoma" uncertain=false frozen=1`}},
		{"§4 biopsies: a listed biopsy of another method stays",
			"3. Shave biopsy of a separate lesion, right shin.\n\nA 4 mm punch biopsy of a papule on the left forearm was performed.",
			fams, []string{`other-biopsy "Shave biopsy" site="right shin" impression="" uncertain=false`, `other-biopsy "4 mm punch biopsy" site="left forearm" impression="" uncertain=false`}},
		{"§4 biopsies: a listed biopsy at another site stays",
			"3. Punch biopsy of a separate lesion, right shin.\n\nA 4 mm punch biopsy of a papule on the left forearm was performed.",
			fams, []string{`other-biopsy "Punch biopsy" site="right shin" impression="" uncertain=false`, `other-biopsy "4 mm punch biopsy" site="left forearm" impression="" uncertain=false`}},
		{"§4 biopsies: a described biopsy of a separate lesion still announces other lesions",
			"A shave biopsy of a separate lesion on the right shin was performed.\n\nThe specimen was submitted for frozen section, processed as 2 blocks.",
			[]string{"other-biopsy ", "unstaged "}, []string{`other-biopsy "shave biopsy" site="right shin" impression="" uncertain=false`}},
		{"§4 biopsies: an announcement of other lesions holds for the paragraphs after it",
			"Other lesions addressed today: one.\n\nA papule on the right shin, 0.6 cm, was sampled with a shave biopsy.",
			fams, []string{`other-biopsy "shave biopsy" site="right shin" impression="" uncertain=false`}},
	})
}

// TestMarginsSaidWithTheHistology: "with all margins free of tumor" after
// the tumor's histology says the margins clear (CODING-RULES §1: a stage's
// margins; a positive reading would raise `final-stage-positive`).
func TestMarginsSaidWithTheHistology(t *testing.T) {
	fams := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"§1 margins: histology, then 'with all margins free of tumor'",
			"The first Mohs layer was divided into 3 sections. The surgeon examined the slides, which showed nodular basal cell carcinoma in the superficial dermis with all margins free of tumor.",
			fams, []string{"stage 1 blocks=3 margin=clear histology"}},
		{"§1 margins: 'all margins of both sections were free of tumor' after tumor placed centrally",
			"The first Mohs layer was divided into 2 sections. Superficial basal cell carcinoma in the papillary dermis was present centrally, and all margins of both sections were free of tumor.",
			fams, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"§1 margins: tumor at a margin with the other margins clear stays positive",
			"The first Mohs layer was divided into 3 sections, which showed basal cell carcinoma at the deep margin with all other margins clear.",
			fams, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"§1 margins: a layer taken at the involved margin says nothing of its own margins",
			"The first Mohs layer was divided into 4 sections, with melanoma in situ at the peripheral margin of section 3. A second Mohs layer was taken at the involved margin, divided into 2 sections and stained with H&E and MART-1; both sections were free of melanoma in situ.",
			[]string{"stage "}, []string{"stage 1 blocks=4 margin=positive histology", "stage 2 blocks=2 margin=clear stain=\"H&E\" stain=\"MART-1\""}},
		{"§1 margins: 'with extension to the deep margin' is positive",
			"The first Mohs layer was divided into 3 sections, which showed basal cell carcinoma with extension to the deep margin.",
			fams, []string{"stage 1 blocks=3 margin=positive histology"}},
	})
}

// TestSentences: a shared paragraph splits into sentences that keep their
// note positions.
func TestSentences(t *testing.T) {
	got := Sentences([][]Line{{
		{Text: "INDICATIONS: Both tumors were proven on shave biopsies. The helical", Line: 7, Col: 1},
		{Text: "tumor, 0.9 x 0.8 cm, was treated with Mohs.", Line: 8, Col: 3},
	}})
	assert.Equal(t, [][]Line{
		{{Text: "INDICATIONS: Both tumors were proven on shave biopsies.", Line: 7, Col: 1}},
		{{Text: "The helical", Line: 7, Col: 57}, {Text: "tumor, 0.9 x 0.8 cm, was treated with Mohs.", Line: 8, Col: 3}},
	}, got)
}

// TestSizesOfSeveralTumors: one paragraph that sizes each tumor of the note
// (CODING-RULES §6 pre-operative size, per lesion).
func TestSizesOfSeveralTumors(t *testing.T) {
	fams := []string{"preop "}
	runPhrases(t, []phraseCase{
		{"§6 pre-op size: one cue, two sites",
			"Site one measured 0.8 x 0.7 cm and site two 0.7 x 0.6 cm; both lie in the H-zone of the face. Site three measured 1.6 x 1.3 cm, was ill defined, and had recurred after cryotherapy.",
			fams, []string{"preop 0.8x0.7", "preop 0.7x0.6", "preop 1.6x1.3"}},
		{"§6 pre-op size: lesion numbers and a second measuring",
			"Lesion 1 measured 1.0 x 0.9 cm, and lesion #2 measuring 1.4 x 1.2 cm.",
			fams, []string{"preop 1x0.9", "preop 1.4x1.2"}},
		{"§6 pre-op size: the second tumor",
			"The first tumor measured 1.0 cm and the second tumor 2.1 x 1.5 cm.",
			fams, []string{"preop 1", "preop 2.1x1.5"}},
		{"§6 pre-op size: a size set off after a lesion noun",
			"The helical tumor, 0.9 x 0.8 cm, was treated with Mohs because of its location on the ear.",
			fams, []string{"preop 0.9x0.8"}},
		{"§6 pre-op size: a size set off after the proving biopsy",
			"Squamous cell carcinoma proven on punch biopsy, 2.1 x 1.7 cm, in an immunosuppressed renal transplant recipient.",
			fams, []string{"preop 2.1x1.7"}},
		{"§6 pre-op size: a size set off after the dated proving biopsy",
			"Basal cell carcinoma confirmed on shave biopsy 03/02/2026, 0.9 x 0.8 cm, with ill-defined borders.",
			fams, []string{"preop 0.9x0.8"}},
		{"§6 pre-op size: after the site and a biopsy with its parenthesis",
			"Well-differentiated squamous cell carcinoma of the left lower cutaneous lip, biopsy-proven (shave, 04/02/2026), 1.0 x 0.8 cm.",
			fams, []string{"preop 1x0.8"}},
		{"§6 pre-op size: a biopsy's own size is not the tumor's",
			"Basal cell carcinoma on the cheek; a punch biopsy, 4 mm, was done.",
			fams, nil},
		{"§6 pre-op size: a distance set off after the tumor is no size",
			"The tumor, 2 mm from the deep margin, was excised.",
			fams, nil},
		{"§6 pre-op size: 'and' before something else's size stops",
			"The lesion measured 1.2 x 1.0 cm and the old scar 0.5 cm.",
			fams, []string{"preop 1.2x1"}},
	})
}

// TestProvenOnBiopsy: "proven on shave biopsy" without a date is a prior
// diagnosis (CODING-RULES §10 `diagnosis-unconfirmed` otherwise).
func TestProvenOnBiopsy(t *testing.T) {
	fams := []string{"prior-biopsy ", "other-biopsy "}
	runPhrases(t, []phraseCase{
		{"§10 prior diagnosis: proven on shave biopsy", "Both tumors were proven on shave biopsy.", fams, []string{"prior-biopsy true"}},
		{"§10 prior diagnosis: diagnosed by punch biopsy", "The basal cell carcinoma was diagnosed by punch biopsy.", fams, []string{"prior-biopsy true"}},
		{"§10 prior diagnosis: not proven on biopsy", "The tumor was not proven on biopsy.", fams, []string{"prior-biopsy false"}},
	})
}

// TestGivesReason: a sentence under an indication's key that names a
// reason tells why Mohs was chosen (CODING-RULES §10 `indication-missing`).
func TestGivesReason(t *testing.T) {
	for _, tc := range []struct {
		rule, text string
		want       bool
	}{
		{"§10 indication: H-zone", "Site one measured 0.8 x 0.7 cm and site two 0.7 x 0.6 cm; both lie in the H-zone of the face.", true},
		{"§10 indication: ill defined and recurred", "Site three measured 1.6 x 1.3 cm, was ill defined, and had recurred after cryotherapy.", true},
		{"§10 indication: a biopsy is no reason", "All three tumors were proven on shave biopsies of 02/03/2026.", false},
		{"§10 indication: a negated reason is none", "The tumor was not recurrent.", false},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			assert.Equal(t, tc.want, GivesReason([]Line{{Text: tc.text, Line: 1, Col: 1}}))
		})
	}
}

// TestOutsidePathology: Mohs frozen sections read outside the practice
// (CODING-RULES §1 and §6: `pathology-not-surgeon`, the excision fallback).
func TestOutsidePathology(t *testing.T) {
	fams := []string{"reader "}
	runPhrases(t, []phraseCase{
		{"§1 pathologist: a named doctor of a pathology practice",
			"Because our Mohs laboratory was short-staffed, the frozen sections were interpreted by Dr. Rosalind Achterberg of Lakeside Pathology Associates, who reported nodular basal cell carcinoma at the deep margin.",
			fams, []string{`reader pathologist "Dr. Rosalind Achterberg"`}},
		{"§1 pathologist: a pathology practice without a name",
			"The frozen sections were sent to Lakeside Pathology Associates for interpretation.",
			fams, []string{`reader pathologist ""`}},
		{"§1 pathologist: the permanent sections sent to a pathology lab are no Mohs slides",
			"The debulked specimen was sent to the pathology lab for permanent sections.",
			fams, nil},
	})
}

// TestDeepestPlane: a template's "Deepest plane reached" names the deep
// structure the surgery involved (CODING-RULES §1: H for any site when the
// surgery directly involves bone, periosteum among NOTE-FORMAT's words).
func TestDeepestPlane(t *testing.T) {
	fams := []string{"deep "}
	runPhrases(t, []phraseCase{
		{"§1 deep structures: deepest plane reached",
			"Deepest plane reached: periosteum of the distal radius (tumor abutting periosteum; periosteum removed in stage 2)",
			fams, []string{`deep "periosteum" negated=false`}},
		{"§1 deep structures: a deepest plane above the fascia is none",
			"Deepest plane reached: subcutaneous fat, superficial to the fascia.",
			fams, nil},
	})
}

// TestFirstExcisionBeforeASecondLayer: MTSamples' "excised in the classic
// Mohs fashion, with the specimen divided into 2 sections" before "A second
// layer was then taken" is the first stage (CODING-RULES §1: a statement
// about that stage with its blocks); without Mohs words, or after a stage
// 1, nothing is made of it.
func TestFirstExcisionBeforeASecondLayer(t *testing.T) {
	fams := []string{"stage ", "unstaged ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§1 stages: the Mohs excision before the second layer",
			"The lesion was then excised in the classic Mohs fashion, with the specimen divided into 2 sections, with color coding and mapping. There was residual tumor in section 2 at the deep margin. A second layer was then taken from the deep margin, divided into 1 section. This section was clear.",
			fams, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"§1 stages: a count without Mohs words stays untied",
			"The specimen was divided into 2 sections. A second layer was then taken, divided into 1 section. This section was clear.",
			fams, []string{"stage 2 blocks=1 margin=clear", "ambiguity a count of 2 blocks is not tied to a stage"}},
		{"§1 stages: a debulk is no stage",
			"The tumor was debulked with Mohs technique and divided into 2 sections. A second layer was then taken, divided into 1 section, which was clear.",
			fams, []string{"stage 2 blocks=1 margin=clear", "ambiguity a count of 2 blocks is not tied to a stage"}},
	})
}

// TestStainOfBothLayers: a stain said of all sections of both layers goes
// to every block of each (CODING-RULES §5: 88342 per block).
func TestStainOfBothLayers(t *testing.T) {
	fams := []string{"stage ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"§5 stains: MART-1 on all sections of both layers, with its reason",
			"The first layer was divided into 4 sections; atypical melanocytes were present at the margin of section 2. A second layer of 2 sections was clear. Immunohistochemical staining with MART-1 was performed on all sections of both layers to evaluate for melanocytic atypia.",
			fams, []string{"stage 1 blocks=4 margin=positive histology stain=\"MART-1\"+reason", "stage 2 blocks=2 margin=clear stain=\"MART-1\"+reason"}},
		{"§5 stains: both layers said of three is ambiguous",
			"The first layer was divided into 2 sections with tumor at the margin. A second layer of 2 sections showed tumor at the margin. A third layer of 1 section was clear. MART-1 was performed on all sections of both layers.",
			[]string{"ambiguity "}, []string{"ambiguity a stain said of 2 stages, 3 described"}},
	})
}
