package lower_test

import (
	"fmt"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestHeaderSpeaksOfEveryLesion: a header sentence whose subject stands
// for every lesion ("Both had been biopsied …", "Both Mohs tumors were
// diagnosed on biopsies …", "three biopsy-proven nonmelanoma skin cancers",
// "Mohs was chosen for all three because …") gives its prior biopsy or
// indication to every lesion below the labels (CODING-RULES §1 and §9:
// diagnosis-unconfirmed and indication-missing otherwise).
func TestHeaderSpeaksOfEveryLesion(t *testing.T) {
	const two = "\n\nLesion 1: right nasal tip\nNodular basal cell carcinoma. Stage 1: 2 blocks; clear.\n\nLesion 2: left neck\nNodular basal cell carcinoma. Stage 1: 1 block; clear.\n"
	const three = two + "\nLesion 3: right upper arm\nNodular basal cell carcinoma. Stage 1: 1 block; clear.\n"
	biopsied := eachLesion(func(les model.Lesion) bool { return les.PriorBiopsy.Yes })
	indicated := eachLesion(func(les model.Lesion) bool { return les.Indication.Present() })
	runProseCases(t, []proseCase{
		{"§9 prior biopsy: 'Two tumors were addressed today. Both had been biopsied … on 03/04/2026'",
			"Date: 03/26/2026\n\nTwo tumors were addressed today. Both had been biopsied by her primary care physician on 03/04/2026 (accessions ML26-1201 and ML26-1202)." + two,
			biopsied, "yy"},
		{"§9 prior biopsy: 'Both Mohs tumors were diagnosed on biopsies taken at our office on 03/24/2026'",
			"Date: 04/14/2026\n\nBoth Mohs tumors were diagnosed on biopsies taken at our office on 03/24/2026." + two,
			biopsied, "yy"},
		{"§9 prior biopsy: 'three biopsy-proven nonmelanoma skin cancers'",
			"Date: 03/27/2026\n\nThe patient has three biopsy-proven nonmelanoma skin cancers on the trunk and right arm (shave biopsies 03/05/2026)." + three,
			biopsied, "yyy"},
		{"§9 prior biopsy: 'Both' with three lesions speaks of no lesion",
			"Date: 03/27/2026\n\nBoth had been biopsied on 03/05/2026." + three,
			biopsied, "nnn"},
		{"§1 indication: 'Mohs was chosen for all three because of the facial locations'",
			"Date: 03/24/2026\n\nMohs was chosen for all three because of the facial locations and the need to conserve tissue." + three,
			indicated, "yyy"},
	})
}

// TestSharedRepairSentenceBySize: a repair sentence naming two lesions'
// defects by size and site ("the 1.8 x 1.5 cm antihelical defect …, and
// the 1.2 x 1.0 cm nasal sidewall defect …") gives each lesion its own
// defect, the size in front of the site staying with it (CODING-RULES §3:
// a graft's recipient area).
func TestSharedRepairSentenceBySize(t *testing.T) {
	const note = "Date: 2026-03-20\n\nLesion 1: right antihelix\nStage 1: 2 blocks; clear.\n\nLesion 2: left nasal sidewall\nStage 1: 1 block; clear.\n\n" +
		"Repairs, after tumor clearance at both sites: the 1.8 x 1.5 cm antihelical defect was resurfaced with a full-thickness skin graft from the right preauricular skin, and the 1.2 x 1.0 cm nasal sidewall defect with a full-thickness skin graft from the left supraclavicular skin.\n"
	defects := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out += fmt.Sprint(r.Defect.Dims, ";")
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§3 graft area: each lesion's defect from one sentence", note, defects, "[1.8 1.5];[1.2 1];"},
	})
}

// TestCheckedClassThenRepairField: a repair class checked in a "check one"
// list, then a Repair field restating that class with its length, is one
// repair (CODING-RULES §3: the class and length of each repair); a field
// naming another class is a repair of its own.
func TestCheckedClassThenRepairField(t *testing.T) {
	const head = "Date: 06/09/2026\nSite: right dorsal hand\nStage 1: 2 blocks; margins: clear\nFinal defect: 2.2 x 1.8 cm\nClosure performed (check one)\n  [ ] Second intention\n  [X] Intermediate (layered) repair\n  [ ] Flap\n"
	repairs := func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }
	runProseCases(t, []proseCase{
		{"§3 repairs: '[X] Intermediate (layered) repair' then 'Repair: intermediate layered repair, 3.0 cm'",
			head + "Repair: intermediate layered repair, 3.0 cm, after tumor clearance\n", repairs, "1"},
		{"§3 repairs: '[X] Intermediate (layered) repair' then 'Repair: complex repair, 3.0 cm'",
			head + "Repair: complex repair, 3.0 cm, after tumor clearance\n", repairs, "2"},
	})
}

// TestRepairDoneThenLaterStage: a dictated repair value whose first
// sentence tells the flap done today and whose next sentence schedules the
// pedicle's division is today's repair (CODING-RULES §3: an interpolation
// flap goes to review), not a closure deferred to a later visit; a value
// that opens by deferring the closure stays deferred.
func TestRepairDoneThenLaterStage(t *testing.T) {
	const head = "Date: 04/02/2026\nSite: nasal tip\nStage 1: 2 blocks; clear.\n"
	repairs := func(n *model.Note) string {
		out := ""
		for _, r := range n.Lesions[0].Repairs {
			out += fmt.Sprintf("%q;", r.Value.Value)
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§3 repair: 'reconstructed with a left paramedian forehead interpolation flap. Division … scheduled in three weeks.'",
			head + "RECONSTRUCTION: After tumor clearance the 2.9 x 2.5 cm full-thickness defect of the nasal tip was reconstructed with a left paramedian forehead interpolation flap. Division and inset of the pedicle are scheduled in three weeks.\n",
			repairs, `"paramedian forehead interpolation flap";`},
		{"§3 repair: 'Closure deferred; the patient will return …' stays deferred",
			head + "RECONSTRUCTION: The wound was dressed and closure was deferred. The patient will return on 04/06/2026 for a flap.\n",
			repairs, `"deferred to a later visit (The wound was dressed and closure was deferred. The patient will return on 04/06/2026 for a flap.)";`},
	})
}
