package lower_test

import (
	"fmt"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestIndicationNamingSeveralLesions: a sentence of the shared history that
// says why Mohs was chosen and names several lesions by site is the
// indication of each one it names, and of no other (CODING-RULES §1: the
// indication, per lesion; indication-missing otherwise).
func TestIndicationNamingSeveralLesions(t *testing.T) {
	const head = "Date: 06/16/2026\n\nThe first tumor is a nodular basal cell carcinoma of the right cheek. The second is a squamous cell carcinoma of the left helix. The third is a superficial basal cell carcinoma of the left upper back."
	const body = "\n\nRight cheek: one stage, two blocks, all margins clear.\n\nLeft helix: one stage, one block, clear.\n\nLeft upper back: one stage, two blocks, clear.\n"
	indications := eachLesion(func(les model.Lesion) bool { return les.Indication.Present() })
	runProseCases(t, []proseCase{
		{"§1 indication: 'Mohs was chosen for the cheek and helix because …, and for the back because …'",
			head + " Mohs was chosen for the cheek and helix because of their location on the face and ear, and for the back because the tumor is recurrent after prior curettage." + body,
			indications, "yyy"},
		{"§1 indication: a sentence naming two of three lesions leaves the third without one",
			head + " Mohs was chosen for the cheek and helix because of their location on the face and ear." + body,
			indications, "yyn"},
	})
}

// TestEachLesionInTheHeader: a header sentence about "each lesion" or
// "every site" speaks of every lesion below the labels (CODING-RULES §1:
// a prior biopsy confirms each lesion's diagnosis; diagnosis-unconfirmed
// otherwise).
func TestEachLesionInTheHeader(t *testing.T) {
	const body = "\n\nA. Right nasal sidewall – basal cell carcinoma\n   Stage 1: 2 blocks; clear.\n\nB. Left cheek – squamous cell carcinoma in situ\n   Stage 1: 3 blocks; clear.\n"
	biopsied := eachLesion(func(les model.Lesion) bool { return les.PriorBiopsy.Yes })
	runProseCases(t, []proseCase{
		{"§1 prior biopsy: 'Each lesion had been biopsied on 01/27/2026.'",
			"Date: 02/24/2026\nAll frozen sections were read by me. Each lesion had been biopsied on 01/27/2026." + body, biopsied, "yy"},
		{"§1 prior biopsy: 'Every site was biopsy-proven.'",
			"Date: 02/24/2026\nEvery site was biopsy-proven." + body, biopsied, "yy"},
		{"§1 prior biopsy: a header biopsy naming no lesion confirms none",
			"Date: 02/24/2026\nA biopsy was reviewed." + body, biopsied, "nn"},
	})
}

// TestRegionIsNoSite: a region an indication names ("on the central
// face") is no second site beside the lesion's own (CODING-RULES §1: the
// site decides the Mohs class and the diagnosis code); alone, it is the
// site the prose gives.
func TestRegionIsNoSite(t *testing.T) {
	site := func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }
	runProseCases(t, []proseCase{
		{"§1 site: 'a pearly papule on the chin' beside 'the lesion was on the central face'",
			"Date: 03/30/2026\n\nHe was referred for a pearly papule on the chin. Because the lesion was on the central face, Mohs surgery was planned.\n",
			site, "chin"},
		{"§1 site: the region alone",
			"Date: 03/30/2026\n\nBecause the lesion was on the central face, Mohs surgery was planned.\n",
			site, "central face"},
	})
}

// TestLabelSiteWinsOverProse: the site a lesion's label names is the
// lesion's; a site its prose names is not read over it (CODING-RULES §1:
// the site decides the Mohs class and the diagnosis code).
func TestLabelSiteWinsOverProse(t *testing.T) {
	site := func(n *model.Note) string { return n.Lesions[1].Site.Text.Value }
	runProseCases(t, []proseCase{
		{"§1 site: 'Lesion 2: left shoulder' over prose naming another site",
			"Date: 08/11/2026\n\nLesion 1: right upper lip\nStage 1: 1 block; clear\n\nLesion 2: left shoulder\nStage 1: 2 blocks; clear\nThe lesion on the right mid back measured 2.0 cm.\n",
			site, "left shoulder"},
	})
}

// TestOneLineForTwoLesions: a line that names two labelled lesions gives
// each the clause that names it, with the words before the first name
// (CODING-RULES §3: each lesion's repair is coded by its own site and
// length).
func TestOneLineForTwoLesions(t *testing.T) {
	repairs := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out += fmt.Sprintf("%s:%v:%v;", les.Label, r.Length.Dims, r.Timing.Present())
			}
		}
		return out
	}
	const lesions = "Tumor 1 - right preauricular cheek: squamous cell carcinoma.\nTumor 2 - left dorsal wrist: basal cell carcinoma.\n\n| Tumor | Stage | Blocks | Margins |\n|---|---|---|---|\n| 1 | 1 | 2 | clear |\n| 2 | 1 | 1 | clear |\n\n"
	runProseCases(t, []proseCase{
		{"§3 repairs: 'tumor 1 was repaired with …, and tumor 2 with …'",
			lesions + "Dictation: After tumor clearance at both sites, tumor 1 was repaired with a complex layered closure, length 4.0 cm, and tumor 2 with an intermediate layered closure, length 3.3 cm.\n",
			repairs, "1:[4]:true;2:[3.3]:true;"},
	})
}

// eachLesion writes "y" or "n" per lesion, in order, for whether has holds.
func eachLesion(has func(model.Lesion) bool) func(*model.Note) string {
	return func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			if has(les) {
				out += "y"
			} else {
				out += "n"
			}
		}
		return out
	}
}
