package lower_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/model"
)

// proseCase is one note, the rule it exercises and what the lowered note
// must hold.
type proseCase struct {
	rule string
	src  string
	got  func(*model.Note) string
	want string
}

func runProseCases(t *testing.T, cases []proseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			n := mustLower(t, tc.src)
			require.NotEmpty(t, n.Lesions)
			assert.Equal(t, tc.want, tc.got(n))
		})
	}
}

// TestIndicationProse: an INDICATIONS value that also tells the prior
// biopsy and the size is read as prose, though no verb makes it a
// dictation (CODING-RULES preamble: a fact counts wherever the note
// states it; §6 needs the pre-operative size).
func TestIndicationProse(t *testing.T) {
	sizeAndBiopsy := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprint(les.Size.Dims, " ", les.PriorBiopsy.Yes, " ", les.Indication.Present())
	}
	runProseCases(t, []proseCase{
		{"preamble: biopsy date in parentheses and 'measuring' in an indication",
			"Site: dorsal forearm\nINDICATIONS: Biopsy-proven squamous cell carcinoma in situ (shave biopsy 11/11/2025), ill defined, measuring 2.2 x 1.8 cm, recurrent after topical 5-fluorouracil.\n",
			sizeAndBiopsy, "[2.2 1.8] true true"},
		{"preamble: 'proven on punch biopsy <date>, measuring' in an indication",
			"Site: left parietal scalp\nINDICATIONS: Infiltrative basal cell carcinoma proven on punch biopsy 06/16/2026, measuring 3.4 x 2.8 cm with ill-defined borders; large tumor on the scalp.\n",
			sizeAndBiopsy, "[3.4 2.8] true true"},
		{"preamble: an indication that tells no biopsy or size stays the indication",
			"Site: left cheek\nIndication: H-zone location\n",
			sizeAndBiopsy, "[] false true"},
	})
}

// TestUndersignedReadsSlides: "the undersigned examined the slides" names
// the signer as the reader (NOTE-FORMAT §2); an unsigned note names nobody.
func TestUndersignedReadsSlides(t *testing.T) {
	reader := func(n *model.Note) string { return n.Encounter.Pathology.Value }
	runProseCases(t, []proseCase{
		{"§1 reader: the undersigned, signed by name and role",
			"Surgeon: Evander Koskinen-Mwangi, MD\nSite: left upper lip\n\nThe first Mohs layer was divided into 3 sections. The undersigned examined the slides; all sections were clear.\n\nEvander Koskinen-Mwangi, MD\nMohs Surgeon\n",
			reader, "read by the undersigned: Evander Koskinen-Mwangi, MD, Mohs Surgeon"},
		{"§1 reader: the undersigned, electronically signed",
			"Site: left upper arm\n\nThe first Mohs layer was divided into 4 sections. The undersigned examined the slides; all sections were clear.\n\nElectronically signed: Annelise Okwuosa-Brandvold, MD, Mohs surgeon, 10/02/2026\n",
			reader, "read by the undersigned: Electronically signed: Annelise Okwuosa-Brandvold, MD, Mohs surgeon, 10/02/2026"},
		{"§1 reader: an unsigned note's undersigned names nobody",
			"Site: left upper arm\n\nThe first Mohs layer was divided into 4 sections. The undersigned examined the slides; all sections were clear.\n",
			reader, ""},
	})
}
