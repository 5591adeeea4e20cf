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
// repair (CODING-RULES §3: the class and length of each repair; a flap
// counted twice was a second 14060); a field naming another class is a
// repair of its own.
func TestCheckedClassThenRepairField(t *testing.T) {
	const head = "Date: 06/09/2026\nSite: right dorsal hand\nStage 1: 2 blocks; margins: clear\nFinal defect: 2.2 x 1.8 cm\nClosure performed (check one)\n  [ ] Second intention\n  [X] Intermediate (layered) repair\n  [ ] Flap\n"
	repairs := func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }
	runProseCases(t, []proseCase{
		{"§3 repairs: '[X] Intermediate (layered) repair' then 'Repair: intermediate layered repair, 3.0 cm'",
			head + "Repair: intermediate layered repair, 3.0 cm, after tumor clearance\n", repairs, "1"},
		{"§3 repairs: '[X] Intermediate (layered) repair' then 'Repair: complex repair, 3.0 cm'",
			head + "Repair: complex repair, 3.0 cm, after tumor clearance\n", repairs, "2"},
		{"§3 repairs: 'Repair performed: … [x] Flap …' then 'Repair: bilobed transposition flap, after tumor clearance' (a comma after the class word)",
			"Date: 03/17/2026\nSite: Left nasal ala\nStage 1: 2 blocks; clear\nFinal defect: 1.4 x 1.2 cm\nRECONSTRUCTION\nRepair performed: [ ] None / second intention  [ ] Linear  [x] Flap  [ ] Graft\nRepair: bilobed transposition flap, after tumor clearance\n  Secondary defect: 2.9 sq cm\n",
			repairs, "1"},
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

// TestTelegraphicLesionLines: lettered lesion lines written as telegraphic
// sentences ("A) Left chin. BCC, nodular. Why Mohs: facial, tissue
// sparing. Size 0.7 x 0.6 cm.") each open their lesion, whatever the
// punctuation before "Why Mohs:" (CODING-RULES §1: each lesion's stages are
// its own; a lesion missed puts its stages under the one before), and give
// it its diagnosis, indication and size; a header "All three bx-proven"
// confirms each diagnosis (§9).
func TestTelegraphicLesionLines(t *testing.T) {
	const note = "Mohs x3. DOS 07/01/2026. Insurance: Oscar Health EPO.\nAll three bx-proven (shave bx 06/10/2026). Maps drawn for every stage. All slides read by me.\n\n" +
		"A) Left chin. BCC, nodular. Why Mohs: facial, tissue sparing. Size 0.7 x 0.6 cm.\nStage 1: 2 sections, clear.\n\n" +
		"B) Right upper lip. SCC, well diff. Why Mohs: lip, recurrent. Size 0.6 x 0.5 cm.\nStage 1: 3 sections, positive at 6 o'clock.\nStage 2: 1 section, clear.\n\n" +
		"C) Left forearm. SCCis. Why Mohs: transplant patient, ill-defined. Size 1.1 x 0.9 cm.\nStage 1: 2 sections, clear.\n"
	lesions := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s %s %d stages %q %v %v %v;", les.Label, les.Site.Text.Value, len(les.Stages), les.Diagnosis.Value,
				les.Indication.Present(), les.Size.Dims, les.PriorBiopsy.Yes)
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 lesions: 'C) Left forearm. SCCis. Why Mohs: …' opens lesion C", note, lesions,
			`A Left chin 1 stages "BCC, nodular" true [0.7 0.6] true;B Right upper lip 2 stages "SCC, well diff" true [0.6 0.5] true;C Left forearm 1 stages "SCCis" true [1.1 0.9] true;`},
	})
}

// TestNumberedFindingsUnderHeader: a header dictation under PROCEDURE (the
// map and the slide reader for every site) and an INDICATIONS value naming
// "Site 1 …", "Site 3 …" speak of the numbered lesions below; a numbered
// lesion line that goes on as a dictation after its site ("1. Right helix,
// pre-op size 0.9 x 0.8 cm. Stage 1, two blocks: …") is read as one
// (CODING-RULES §1: stages, map, reader and indication per lesion).
func TestNumberedFindingsUnderHeader(t *testing.T) {
	const note = "DATE OF SERVICE: 06/12/2026\n\nINDICATIONS: Site 1 is on the ear. Site 2 is recurrent after electrodesiccation and curettage.\n\n" +
		"PROCEDURE: At each site the tumor was excised in stages with a map drawn for every stage; all frozen sections were interpreted by me as the Mohs surgeon.\n\nFINDINGS:\n" +
		"1. Right helix, pre-op size 0.9 x 0.8 cm. Stage 1, two blocks: SCC at the deep margin of block 1; block 2 clear. Stage 2, one block: clear. After tumor clearance the defect was repaired with a complex layered closure, 2.8 cm.\n" +
		"2. Left lateral neck, pre-op size 1.1 x 0.9 cm. Stage 1, three blocks: nodular BCC in the mid dermis, all margins clear. After tumor clearance an intermediate layered repair was performed, 4.0 cm.\n"
	lesions := func(n *model.Note) string {
		out := n.Encounter.Pathology.Value + ";"
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s %d stages %v %v %v %d repairs;", les.Label, len(les.Stages), les.Map.Yes, les.Indication.Present(), les.Size.Dims, len(les.Repairs))
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 lesions: numbered findings under a header dictation", note, lesions,
			"read by the Mohs surgeon (as stated in prose);1 2 stages true true [0.9 0.8] 1 repairs;2 1 stages true true [1.1 0.9] 1 repairs;"},
	})
}

// TestWrappedValuesKeepTheirWords: a value a print-out wrapped onto the
// next line keeps the words that decide a line — who read the slides
// (CODING-RULES §1: the excision fallback when a pathologist read them) and
// the plan of the payer (§8: the Medicare profile's XS) — whether the
// value stands after its key, in a two-cell row, or last on a line of
// several fields.
func TestWrappedValuesKeepTheirWords(t *testing.T) {
	const body = "\nSite: left upper back\nStage 1: 2 blocks; clear\n"
	reader := func(n *model.Note) string { return n.Encounter.Pathology.Value }
	payer := func(n *model.Note) string { return n.Encounter.Payer.Value }
	runProseCases(t, []proseCase{
		{"§1 reader: 'Pathology: frozen sections interpreted by the staff' / 'dermatopathologist, Dr. …'",
			"Date: 04/21/2026\n   Pathology: frozen sections interpreted by the staff\n   dermatopathologist, Dr. Ingrid Solberg-Mensah\n" + body,
			reader, "frozen sections interpreted by the staff dermatopathologist, Dr. Ingrid Solberg-Mensah"},
		{"§1 reader: 'Histopathology | frozen sections read by the' / 'dermatopathologist, Dr. …'",
			"Date of service | 09/15/2026\nHistopathology | frozen sections read by the\ndermatopathologist, Dr. Milos Ferenczy\n" + body,
			reader, "frozen sections read by the dermatopathologist, Dr. Milos Ferenczy"},
		{"§1 reader: a capitalised line under a finished value stays apart",
			"Date: 04/21/2026\n   Pathology: read by the Mohs surgeon\n   Consent signed.\n" + body,
			reader, "read by the Mohs surgeon"},
		{"§8 payer: 'Insurance: Humana' last on its line, 'Medicare Advantage PPO' under it",
			"Date: 04/21/2026\nSurgeon: Tobias Oyinlola-Marchand, MD                Insurance: Humana\nMedicare Advantage PPO\n" + body,
			payer, "Humana Medicare Advantage PPO"},
	})
}

// TestIndicationValueWithSize: an indication's value that gives the size
// in its own words ("Why Mohs: recurrent tumor in a prior excision scar,
// 2.6 x 2.2 cm, with indistinct borders") documents the pre-operative size
// too (CODING-RULES §6); one without a size leaves it missing.
func TestIndicationValueWithSize(t *testing.T) {
	size := func(n *model.Note) string {
		return fmt.Sprint(n.Lesions[0].Size.Dims, n.Lesions[0].Indication.Present())
	}
	runProseCases(t, []proseCase{
		{"§6 size: 'Why Mohs: recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, with indistinct borders.'",
			"Date: 05/11/2026\nSite: right upper back\nWhy Mohs: recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, with indistinct borders.\nStage 1: 2 blocks; clear\n",
			size, "[2.6 2.2] true"},
		{"§6 size: an indication with no size",
			"Date: 05/11/2026\nSite: right upper back\nWhy Mohs: recurrent tumor in a prior excision scar, with indistinct borders.\nStage 1: 2 blocks; clear\n",
			size, "[] true"},
	})
}

// TestRepairsReferringBackToLesions: a repair stated after all the lesions
// goes to the lesion it names — "After tumor clearance, tumor one was
// closed …" under tumor two, "Helix (lesion 1): … complex repair 4.0 cm",
// "Right medial cheek (site 1): …" — so that its site group is that
// lesion's (CODING-RULES §3: repairs are coded by site group).
func TestRepairsReferringBackToLesions(t *testing.T) {
	repairs := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s:%d;", les.Label, len(les.Repairs))
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§3 repairs: 'After tumor clearance, tumor one was closed …' after tumor two",
			"Date: 05/08/2026\n\nTumor one: left upper cutaneous lip. Stage 1: 2 blocks; clear.\n\nTumor two: right dorsal hand. Stage 1: 1 block; clear.\n\n" +
				"After tumor clearance, tumor one was closed with an intermediate layered repair, 2.0 cm in length. After tumor clearance, tumor two was closed with a complex repair, 3.0 cm in length.\n",
			repairs, "1:1;2:1;"},
		{"§3 repairs: 'Helix (lesion 1): …' and 'Forearm (lesion 2): …' after the log",
			"Date: 05/08/2026\n\nLesion 1: left helix\nStage 1: 2 blocks; clear\n\nLesion 2: right dorsal forearm\nStage 1: 1 block; clear\n\nRepairs (after tumor clearance):\n" +
				"Helix (lesion 1): final defect 2.4 x 2.0 cm; complex repair 4.0 cm; after tumor clearance\nForearm (lesion 2): final defect 1.7 x 1.5 cm; complex repair 2.0 cm; after tumor clearance\n",
			repairs, "1:1;2:1;"},
	})
}

// TestHandBuiltTemplateKeys: the keys practices invent for their own
// templates ("Loc:", "Path reader:", "Defect (post):", "Recon:", "Tissue
// blocks per layer:") are the facts they abbreviate, and a value before
// checkboxes ("Map: yes [x] color-coded") is kept (CODING-RULES §1: site,
// reader, map, stages and blocks; §3 the repair).
func TestHandBuiltTemplateKeys(t *testing.T) {
	const note = "Date of service: 06/02/2026\nPath reader: Dr. Solvang-Achebe (Mohs surgeon)\n\nLoc: L nasal ala\nDx: BCC, nodular\nMap: yes   [x] color-coded   [x] oriented with nicks\n\n" +
		"Stage 1\n  Tissue blocks per layer: 6\n  Margins: clear\n  Special stains: —\n\nDefect (post): 1.4 x 1.2 cm\nRecon: bilobed flap after tumor clearance; defect 1.4 x 1.2 cm; secondary defect 1.6 sq cm\n"
	facts := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprintf("%s|%s|%v|%d blocks|%d stains|%v|%d repairs", les.Site.Text.Value, n.Encounter.Pathology.Value, les.Map.Yes,
			les.Stages[0].Blocks.N, len(les.Stages[0].Stains), les.FinalDefect.Dims, len(les.Repairs))
	}
	runProseCases(t, []proseCase{
		{"§1 keys: a hand-built template's abbreviations", note, facts,
			"L nasal ala|Dr. Solvang-Achebe (Mohs surgeon)|true|6 blocks|0 stains|[1.4 1.2]|1 repairs"},
	})
}

// TestStainCellsAsPracticesWriteThem: "CD34 all blocks" is CD34 on every
// block, "(same reason)" states the reason by reference to the stage
// before, and "—" is no stain (CODING-RULES §5: a stain is billed per
// block, with its reason).
func TestStainCellsAsPracticesWriteThem(t *testing.T) {
	const head = "Date: 06/02/2026\nSite: right thigh\n\nStage  Blocks  Margin status  Stains / notes\n"
	stains := func(n *model.Note) string {
		out := ""
		for _, st := range n.Lesions[0].Stages {
			for _, s := range st.Stains {
				out += fmt.Sprintf("%d:%s(%s)%v;", st.Number, s.Name, s.Reason, s.Blocks)
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§5 stains: 'CD34 all blocks to separate …', then 'CD34 all blocks (same reason)'",
			head + "1      4       positive       H&E; CD34 all blocks to separate DFSP spindle cells\n2      2       clear          H&E; CD34 all blocks (same reason)\n",
			stains, "1:H&E(to separate DFSP spindle cells)[];1:CD34(to separate DFSP spindle cells)[];2:H&E(same reason)[];2:CD34(same reason)[];"},
		{"§5 stains: 'Ber-EP4 on this block to distinguish BCC'",
			head + "1      2       positive       H&E; Ber-EP4 on this block to distinguish BCC\n",
			stains, "1:H&E(to distinguish BCC)[];1:Ber-EP4(to distinguish BCC)[];"},
		{"§5 stains: 'Verhoeff-van Gieson elastic stain (blocks 1-2) to separate …' is the Verhoeff stain",
			head + "1      2       clear          Verhoeff-van Gieson elastic stain (blocks 1-2) to separate scar from tumor\n",
			stains, "1:Verhoeff-van Gieson(to separate scar from tumor)[1 2];"},
		{"§5 stains: '—' is no stain",
			head + "1      2       clear          —\n",
			stains, ""},
	})
}

// TestBareLabelsBeforeSites: lines that open with a bare label and a site
// — "A - Left shoulder" over its fields, "A: Right medial canthus.
// Nodular …" — open their lesions when two lines or more do (CODING-RULES
// §2: each lesion its own lines); "A: complex layered repair of the
// helix, 2.3 cm" under a repairs heading names the repair of lesion A, and
// one such line alone opens nothing.
func TestBareLabelsBeforeSites(t *testing.T) {
	lesions := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s %s %d;", les.Label, les.Site.Text.Value, len(les.Stages))
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§2 lesions: 'A - Left shoulder' / 'B - Right upper back' over their fields",
			"Date of Service: 05/15/2026\n\nLesions:\nA - Left shoulder\n  - Diagnosis: basal cell carcinoma\n  - Stage 1: 7 blocks; clear\nB - Right upper back\n  - Diagnosis: basal cell carcinoma\n  - Stage 1: 2 blocks; clear\n",
			lesions, "A Left shoulder 1;B Right upper back 1;"},
		{"§2 lesions: 'A: Right medial canthus. Nodular …' / 'B: Left nasolabial fold. …'",
			"Date of service: 05/26/2026\n\nA: Right medial canthus. Nodular basal cell carcinoma, 0.6 x 0.5 cm. The first stage was processed as three blocks, all clear.\n\nB: Left nasolabial fold. Squamous cell carcinoma, 1.0 x 0.9 cm. The first stage was processed as two blocks, both free of tumor.\n",
			lesions, "A Right medial canthus 1;B Left nasolabial fold 1;"},
		{"§3 repairs: 'A: complex layered repair of the helix, 2.3 cm' names lesion A's repair",
			"Date: 04/22/2026\n\nLesion A: right helix\nStage 1: 2 blocks; clear\nLesion B: left lateral neck\nStage 1: 1 block; clear\n\nRepairs (after tumor clearance at each site):\n  A: complex layered repair of the helix, 2.3 cm\n  B: intermediate layered repair of the neck, 4.0 cm\n",
			func(n *model.Note) string {
				return lesions(n) + fmt.Sprint(len(n.Lesions[0].Repairs), len(n.Lesions[1].Repairs))
			},
			"A right helix 1;B left lateral neck 1;1 1"},
	})
}

// TestAddendumCorrectsRepairLength: an addendum that says the dictated
// repair length is incorrect and gives the closure's length replaces it,
// with a prose-field-conflict naming both (CODING-RULES §3: the repair is
// coded by its length; a fact stated two ways is a finding).
func TestAddendumCorrectsRepairLength(t *testing.T) {
	const note = "DATE: 5/15/2026\n\nThe lesion of the left helix was treated. The first stage was divided into two blocks, both clear.\n\n" +
		"After tumor clearance the wound was repaired with a complex layered closure, 2.4 cm in length.\n\n"
	length := func(n *model.Note) string {
		r := n.Lesions[0].Repairs[0]
		return fmt.Sprint(r.Length.Dims, r.Size.Dims)
	}
	runProseCases(t, []proseCase{
		{"§3 repair length: 'The repair length dictated above is incorrect. The complex closure measured 2.8 cm'",
			note + "ADDENDUM (5/15/2026, same surgeon): The repair length dictated above is incorrect. The complex closure measured 2.8 cm; 2.4 cm was the width of the defect.\n",
			length, "[2.8] []"},
		{"§3 repair length: 'was transcribed as 2.4 cm. The correct length is 4.2 cm' in a note of two lesions",
			"DATE: 5/15/2026\n\nThe first site was the left malar cheek. The first stage was divided into two blocks, both clear. After tumor clearance the defect was closed with an intermediate layered repair measuring 2.4 cm in length.\n\n" +
				"The second site was the right dorsal forearm. The first stage was processed as two blocks, both clear. After tumor clearance it was closed with a simple repair of 3.0 cm.\n\n" +
				"ADDENDUM\nDATE OF ADDENDUM: 09/25/2026\nThis addendum corrects the operative report. In the paragraph describing the left malar cheek, the length of the intermediate layered repair was transcribed as 2.4 cm. The correct length is 4.2 cm; the digits were transposed. The remainder of the report is unchanged.\n\nE. Kowalczyk, MD\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Repairs[0].Length.Dims, n.Lesions[1].Repairs[0].Length.Dims)
			}, "[4.2] [3]"},
		{"§3 repair length: an addendum that corrects nothing leaves the length",
			note + "ADDENDUM (5/15/2026): The patient called and is doing well.\n",
			length, "[2.4] []"},
	})
}
