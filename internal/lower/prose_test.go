package lower_test

import (
	"fmt"
	"strings"
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
		{"§1 reader: the undersigned, signed by with a date",
			"Surgeon: Octavia Lindqvist-Mbeki, MD\nSite: right cheek\n\nThe first Mohs layer was divided into 4 sections. The undersigned examined the slides; all sections were clear.\n\nElectronically signed by Octavia Lindqvist-Mbeki, MD on 02/17/2026\n",
			reader, "read by the undersigned: Electronically signed by Octavia Lindqvist-Mbeki, MD on 02/17/2026"},
		{"§1 reader: an unsigned note's undersigned names nobody",
			"Site: left upper arm\n\nThe first Mohs layer was divided into 4 sections. The undersigned examined the slides; all sections were clear.\n",
			reader, ""},
	})
}

// TestSharedIndicationBySentence: a dictated INDICATIONS paragraph before
// the lesion labels gives each lesion what a sentence says of it alone
// (CODING-RULES preamble and §1–§2: each lesion's indication, prior
// diagnosis and pre-operative size), and is no lesion field out of place.
func TestSharedIndicationBySentence(t *testing.T) {
	const numbered = "He has a squamous cell carcinoma of the left helix and a basal cell carcinoma of the right upper arm.\n\n" +
		"INDICATIONS: Both tumors were proven on shave biopsies performed 07/08/2025. The helical tumor, 0.9 x 0.8 cm, was treated with Mohs because of its location on the ear. " +
		"The upper arm tumor, 1.8 x 1.5 cm, was treated with Mohs because it had recurred after a prior excision and its borders were ill defined.\n\n" +
		"Site 1, left helix: The first Mohs layer was divided into 2 sections and was clear.\n\nSite 2, right upper arm: The first Mohs layer was divided into 3 sections and was clear.\n"
	const numberedSites = "INDICATIONS: All three tumors were proven on shave biopsies of 02/03/2026. Site one measured 0.8 x 0.7 cm and site two 0.7 x 0.6 cm; both lie in the H-zone of the face. " +
		"Site three measured 1.6 x 1.3 cm, was ill defined, and had recurred after cryotherapy.\n\n" +
		"Lesion 1: left temple\nStage 1: 2 blocks; margins: clear\n\nLesion 2: right nasal tip\nStage 1: 1 block; margins: clear\n\nLesion 3: left chest\nStage 1: 3 blocks; margins: clear\n"
	const twoOnOneSite = "INDICATIONS: Both tumors were biopsy-proven. The cheek tumor, 0.9 x 0.8 cm, was treated with Mohs because of its location.\n\n" +
		"Lesion 1: left cheek\nStage 1: 2 blocks; margins: clear\n\nLesion 2: right cheek\nStage 1: 1 block; margins: clear\n"
	facts := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%v %v %v;", les.Size.Dims, les.PriorBiopsy.Yes, les.Indication.Present())
		}
		for _, f := range n.Findings {
			if f.Rule == "lesion-ambiguous" {
				out += " " + f.Rule
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"preamble: a size and indication per tumor named by its site's word, a biopsy of both",
			numbered, facts, "[0.9 0.8] true true;[1.8 1.5] true true;"},
		{"§6 pre-op size and §10 indication: sizes per tumor named by number, in turn; under the INDICATIONS key a reason is the indication",
			numberedSites, facts, "[0.8 0.7] true true;[0.7 0.6] true true;[1.6 1.3] true true;"},
		{"§10 indication: outside an indication's key a sentence that only names a reason is none",
			strings.Replace(numberedSites, "INDICATIONS: ", "", 1), facts, "[0.8 0.7] true false;[0.7 0.6] true false;[1.6 1.3] true false;"},
		{"§10 indication: 'indicated for both because …' is every lesion's",
			"INDICATIONS: Both lesions biopsy-proven on 03/10/2026. Lesion 1 measures 1.0 x 0.9 cm and lesion 2 measures 1.4 x 1.1 cm. Mohs surgery was indicated for both because of their locations on the face and hand.\n\n" +
				"Lesion 1: left forehead\nStage 1: 3 blocks; margins: clear\n\nLesion 2: right dorsal hand\nStage 1: 2 blocks; margins: clear\n",
			facts, "[1 0.9] true true;[1.4 1.1] true true;"},
		{"§2 lesions: a site word two lesions share names neither",
			twoOnOneSite, facts, "[] true false;[] true false;"},
	})
}

// TestRepairDefectIsTheFinalDefect: "the 2.4 x 2.0 cm defect was closed
// with …" sizes the wound the last stage left (CODING-RULES §6 falls back
// on the final defect when no margin is documented).
func TestRepairDefectIsTheFinalDefect(t *testing.T) {
	defect := func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].FinalDefect.Dims) }
	runProseCases(t, []proseCase{
		{"§6 final defect: the defect a linear repair closed",
			"Site: left occipital scalp\n\nFollowing clearance, the 2.4 x 2.0 cm defect was closed with a complex linear repair, 4.2 cm in length.\n",
			defect, "[2.4 2]"},
		{"§6 final defect: a stated final defect wins",
			"Site: left cheek\n\nThe final defect measured 2.0 x 1.5 cm. The 2.4 x 2.0 cm defect was closed with an intermediate repair, 4.0 cm.\n",
			defect, "[2 1.5]"},
		{"§6 final defect: two repairs' defects tell none",
			"Site: left cheek\n\nThe 1.0 x 1.0 cm defect was closed with a simple repair, 2.0 cm. The 2.4 x 2.0 cm defect was closed with an intermediate repair, 4.0 cm.\n",
			defect, "[]"},
	})
}

// TestSpelledSiteNumbersOpenLesions: in a dictation whose layout labels no
// lesions, "SITE ONE (left temple): …" / "SITE TWO (right nasal tip): …"
// open one lesion each, so that three tumors are never coded as one
// (CODING-RULES §2: each lesion coded on its own).
func TestSpelledSiteNumbersOpenLesions(t *testing.T) {
	const intro = "Date of service: 2026-03-10\n\nThe undersigned performed each layer and examined all frozen sections. Each site was mapped.\n\n"
	sites := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s:%s:%d;", les.Label, les.Site.Text.Value, len(les.Stages))
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§2 lesions: spelled site numbers",
			intro + "SITE ONE (left temple): The first Mohs layer was divided into 2 sections, and all margins of both sections were free of tumor.\n\n" +
				"SITE TWO (right nasal tip): The first Mohs layer was divided into 2 sections; basal cell carcinoma was present at the deep margin of section 1. A second Mohs layer of 1 section was free of tumor.\n",
			sites, "1:left temple:1;2:right nasal tip:2;"},
		{"§2 lesions: tumor numbers in words",
			intro + "Tumor one (left temple): The first Mohs layer was divided into 2 sections and was clear.\n\nTumor two (right nasal tip): The first Mohs layer was divided into 3 sections and was clear.\n",
			sites, "1:left temple:1;2:right nasal tip:1;"},
		{"§2 lesions: a tumor's size opens none",
			intro + "The first Mohs layer was divided into 2 sections.\n\nTumor 2 mm from the deep margin was seen in section 1. A second Mohs layer of 1 section was clear.\n",
			sites, "1::2;"},
		{"§2 lesions: a site word without a number opens none",
			intro + "Site preparation was done with chlorhexidine. The first Mohs layer was divided into 2 sections and was clear.\n",
			sites, "1::1;"},
	})
}

// TestReaderBesideAnotherFact: who read the slides said in the map's value
// or in the surgeon's remark (CODING-RULES preamble: a fact counts wherever
// the note states it; §1 pathology-undocumented otherwise).
func TestReaderBesideAnotherFact(t *testing.T) {
	reader := func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Value, "|", n.Lesions[0].Map.Yes) }
	runProseCases(t, []proseCase{
		{"§1 reader: in the map's value",
			"Site: upper back\nMap: drawn; slides read by the Mohs surgeon\nStage 1: 2 blocks; margins: clear\n",
			reader, "read by the Mohs surgeon (as stated in prose)|true"},
		{"§1 reader: a named reader after the map",
			"Surgeon: Ana Ruiz-Halloran, MD\nSite: left conchal bowl\nMap: drawn. Frozen sections read by Dr. Ruiz-Halloran.\nStage 1: 2 blocks; margins: clear\n",
			reader, "read by Dr. Ruiz-Halloran|true"},
		{"§1 reader: the surgeon's remark",
			"Mohs surgeon: Theodora Nakashima-Pryce, MD (reads all frozen sections)\nSite: left temple\nStage 1: 2 blocks; margins: clear\n",
			reader, "read by the Mohs surgeon: reads all frozen sections|false"},
		{"§1 reader: a remark naming a pathologist is no reading by the surgeon",
			"Mohs surgeon: Theodora Nakashima-Pryce, MD (frozen sections read by dermatopathology)\nSite: left temple\nStage 1: 2 blocks; margins: clear\n",
			reader, "|false"},
		{"§6 reader: 'interpreted by Dr. … of the hospital dermatopathology department, who acted as pathologist' is no first-person reading by the surgeon (it had been: Mohs lines for an excision)",
			"Surgeon: Maximilian Oduya-Fairweather, MD\nSite: right anterior thigh\nFROZEN SECTION INTERPRETATION:\nAll frozen sections were interpreted by Dr. Liesl Amankwah-Durand of the hospital dermatopathology department, who acted as pathologist for this case.\nStage 1: 2 blocks; margins: clear\n",
			reader, "All frozen sections were interpreted by Dr. Liesl Amankwah-Durand of the hospital dermatopathology department, who acted as pathologist for this case.|false"},
	})
}

// TestSharedDiagnosesBySite: a numbered PREOPERATIVE DIAGNOSES list before
// the labels gives a lesion whose own prose names no tumor its diagnosis
// by site (CODING-RULES §9: each lesion's diagnosis gives its ICD-10-CM
// code; `diagnosis-missing` otherwise).
func TestSharedDiagnosesBySite(t *testing.T) {
	const note = "PREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, right temple.\n2. Squamous cell carcinoma in situ, left dorsal hand.\n\n" +
		"Site 1, right temple: The first Mohs layer was divided into 2 sections; all margins were free of tumor.\n\n" +
		"Site 2, left dorsal hand: The first Mohs layer was divided into 3 sections, which showed squamous cell carcinoma in situ at the peripheral margin of section 2. A further layer of 1 section was free of tumor.\n"
	dx := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += les.Diagnosis.Value + ";"
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§9 diagnosis: the listed diagnosis of the lesion's site", note, dx, "Basal cell carcinoma;squamous cell carcinoma in situ;"},
	})
}

// TestParagraphOfSeveralTumorsIsShared: in a dictation without labels, a
// paragraph before the first stage that speaks of several tumors at once
// ("Mohs micrographic surgery of two sites; intermediate repair of the
// right forearm", "Both tumors are biopsy-proven …") is no statement about
// the first lesion: its site words never become the first lesion's site
// (CODING-RULES §1: the site decides the Mohs family).
func TestParagraphOfSeveralTumorsIsShared(t *testing.T) {
	const head = "Date of service: 2025-11-12\n\nShe has a basal cell carcinoma of the left nasal sidewall and a squamous cell carcinoma of the right forearm.\n" +
		"PROCEDURES: Mohs micrographic surgery of two sites; intermediate repair of the right forearm.\n\n" +
		"INDICATIONS: Both tumors are biopsy-proven (shave biopsies 10/01/2025). The nasal tumor measured 0.8 x 0.6 cm and was treated with Mohs for its location on the nose. The forearm tumor measured 2.0 x 1.6 cm and was treated with Mohs because its borders were ill defined.\n\n"
	const second = "Attention was then turned to the second site, the right forearm. The first Mohs layer was divided into 3 sections; the margins were free of tumor.\n"
	sites := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			out += fmt.Sprintf("%s %v %v %v;", les.Site.Text.Value, les.Size.Dims, les.PriorBiopsy.Yes, les.Indication.Present())
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 site: the first lesion's own words name its site",
			head + "The left nasal sidewall was addressed first. The first Mohs layer was divided into 2 sections; basal cell carcinoma remained at the deep margin. A second layer of 1 section was clear.\n\n" + second,
			sites, "left nasal sidewall [0.8 0.6] true true;right forearm [2 1.6] true true;"},
		{"§1 site: without them the first lesion has none rather than another's",
			head + "The first Mohs layer was divided into 2 sections; basal cell carcinoma remained at the deep margin. A second layer of 1 section was clear.\n\n" + second,
			sites, " [] true false;right forearm [2 1.6] true true;"},
	})
}

// TestIndicationIsNoStage: an indication is read for what it tells of the
// tumor, never for today's stages (CODING-RULES §1: a stage is documented
// by a statement about that stage).
func TestIndicationIsNoStage(t *testing.T) {
	const note = "Site: left temple\n\nINDICATIONS: Recurrent basal cell carcinoma, biopsy-proven 03/03/2026, measuring 1.1 x 0.9 cm, previously treated with Mohs surgery in 2019 that required three stages, the first stage divided into 4 blocks.\n\n" +
		"The first Mohs layer was divided into 2 sections and mapped. The surgeon examined the slides: nodular basal cell carcinoma in the dermis, clear margins.\n"
	facts := func(n *model.Note) string {
		les := n.Lesions[0]
		out := fmt.Sprintf("%d stages %v blocks %v %v %v total=%v", len(les.Stages), les.Stages[0].Blocks.N, les.Size.Dims, les.PriorBiopsy.Yes, les.Indication.Present(), les.TotalStages.Present())
		for _, f := range n.Findings {
			if f.Rule == "prose-ambiguous" {
				out += " " + f.Rule
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 stages: a past Mohs surgery in the indication counts nothing", note, facts, "1 stages 2 blocks [1.1 0.9] true true total=false"},
	})
}

// TestMapForEachSite: "A Mohs map was drawn for each site" under the first
// lesion is every lesion's map (NOTE-FORMAT "Layouts read": a map drawn for
// each site is every lesion's map; CODING-RULES §6: map-missing per
// lesion); a map of one lesion alone is that lesion's.
func TestMapForEachSite(t *testing.T) {
	maps := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(les.Map.Present() && les.Map.Yes))
		}
		return strings.Join(out, " ")
	}
	runProseCases(t, []proseCase{
		{"Layouts read: a map drawn for each site, under lesion 1",
			"Lesion #1\nThe first tumor was a basal cell carcinoma of the right nasal dorsum. A Mohs map was drawn for each site. Stage 1 was two blocks and was clear.\n\nLesion #2\nThe second tumor was a squamous cell carcinoma of the left upper back. Stage 1 was three blocks and all three blocks were clear.\n",
			maps, "true true"},
		{"§6: a map of lesion 1 alone is not lesion 2's",
			"Lesion #1\nThe first tumor was a basal cell carcinoma of the right nasal dorsum. A Mohs map was drawn. Stage 1 was two blocks and was clear.\n\nLesion #2\nThe second tumor was a squamous cell carcinoma of the left upper back. Stage 1 was three blocks and all three blocks were clear.\n",
			maps, "true false"},
	})
}

// TestHeaderKeySynonyms: a document header's `Doc Date` is the date of
// service, `Insurance on file` names the payer and an EMR's `Rendering`
// the surgeon (NOTE-FORMAT §2, "Layouts read": keys with any of their
// synonyms).
func TestHeaderKeySynonyms(t *testing.T) {
	enc := func(n *model.Note) string {
		return n.Encounter.Date.Value + " | " + n.Encounter.Payer.Value + " | " + n.Encounter.Surgeon.Value
	}
	runProseCases(t, []proseCase{
		{"§2 date, payer and surgeon: 'Doc Date', 'Insurance on file', 'Rendering'",
			"Doc Date: 03/03/2026    Signed by: Rosalind Varga, MD\nInsurance on file: Aetna Choice POS II.\nRendering: Theodoric Ng, MD\nSite: left helix\n",
			enc, "2026-03-03 | Aetna Choice POS II. | Theodoric Ng, MD"},
	})
}

// TestLaterVisitRepair: a repair that is the object of a visit to come is
// deferred, though the surgeon will do it (CODING-RULES §3: a closure
// deferred to a later visit gets no line, `no-repair-code`): its value says
// so, for the coding rules read a repair's words.
func TestLaterVisitRepair(t *testing.T) {
	repair := func(n *model.Note) string {
		var out []string
		for _, r := range n.Lesions[0].Repairs {
			out = append(out, r.Value.Value+" by="+r.By.Value)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"§3 repair: 'will return next Tuesday for a full-thickness skin graft with Dr. Imai'",
			"Surgeon: Leopold Imai, MD\nSite: right conchal bowl\n\nThe final defect measured 2.2 x 1.8 cm. The patient will return next Tuesday for a full-thickness skin graft with Dr. Imai.\n",
			repair, "deferred to a later visit (full-thickness skin graft) by=Dr. Imai"},
		{"§3 repair: a repair field that defers the graft to next week",
			"Surgeon: Leopold Imai, MD\nSite: right conchal bowl\nReconstruction: The patient will return next Tuesday for a full-thickness skin graft with Dr. Imai.\n",
			repair, "deferred to a later visit (The patient will return next Tuesday for a full-thickness skin graft with Dr. Imai.) by="},
		{"§3 repair: today's graft stays today's",
			"Surgeon: Leopold Imai, MD\nSite: right conchal bowl\n\nThe 2.2 x 1.8 cm defect was repaired with a full-thickness skin graft. He will return in one week for suture removal.\n",
			repair, "full-thickness skin graft by="},
	})
}
