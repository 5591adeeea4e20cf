package lower_test

import (
	"fmt"

	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestHistoryOfAnotherTumor: a history of another or an earlier tumor
// never gives today's lesion a site or a diagnosis (NOTE-FORMAT §1; a
// missed site costs a line, a wrong one must never make one).
func TestHistoryOfAnotherTumor(t *testing.T) {
	siteAndDx := func(n *model.Note) string {
		les := n.Lesions[0]
		return les.Site.Text.Value + "|" + les.Diagnosis.Value
	}
	const body = "\n\nPROCEDURE: A Mohs map was drawn. The first stage was divided into two blocks and I examined the slides; all margins were clear.\n"
	runProseCases(t, []proseCase{
		{"§1 site/diagnosis: history of melanoma of the back",
			"HISTORY: History of melanoma of the back. Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: a tumor excised years ago",
			"HISTORY: She had a basal cell carcinoma of the back excised years ago. Now a nodule." + body, siteAndDx, "|"},
		{"§1 site/diagnosis: prior Mohs surgery",
			"HISTORY: Prior Mohs surgery of the left cheek in 2018. Now a nodule." + body, siteAndDx, "|"},
	})
}

// TestIndicationStatesTheSize: an indication value that also states the
// size gives the lesion its pre-operative size (CODING-RULES §6) and stays
// the indication.
func TestIndicationStatesTheSize(t *testing.T) {
	sizeAndIndication := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprint(les.Size.Dims, " ", les.Indication.Present())
	}
	runProseCases(t, []proseCase{
		{"§6 pre-op size: 'size 1.6 x 1.4 cm' at the end of an indication",
			"Site: right preauricular skin\nINDICATION: Preauricular location (H-zone), ill-defined borders, size 1.6 x 1.4 cm.\n",
			sizeAndIndication, "[1.6 1.4] true"},
		{"§6 pre-op size: an indication with no size",
			"Site: right preauricular skin\nINDICATION: Preauricular location (H-zone), ill-defined borders.\n",
			sizeAndIndication, "[] true"},
	})
}
