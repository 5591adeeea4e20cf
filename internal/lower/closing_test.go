package lower_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
)

// mapsOf is each lesion's map statement: yes, no, or - when the note says
// nothing of it.
func mapsOf(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		switch {
		case !les.Map.Present():
			out = append(out, "-")
		default:
			out = append(out, fmt.Sprint(les.Map.Yes))
		}
	}
	return strings.Join(out, " ")
}

// TestClosingMaps: a map statement after the last of several tumors, in a
// paragraph of its own that names no one tumor and no stage ("Surgeon read
// all slides. Maps on file.", "Mohs map: drawn for each stage."), speaks of
// every tumor (CODING-RULES §9: each lesion needs its map); one inside a
// tumor's own paragraph, or a heading's lone "Map drawn.", stays that
// tumor's, and the other still has map-missing.
func TestClosingMaps(t *testing.T) {
	const two = "Date of service: 05/04/2026\n\nThe patient has two biopsy-proven skin cancers.\n\n" +
		"The first site is the left medial cheek: nodular basal cell carcinoma, 1.0 x 0.8 cm. Stage 1: 2 blocks, clear.\n\n" +
		"The second site is the right dorsal forearm: squamous cell carcinoma, 1.4 x 1.2 cm. Stage 1: 3 blocks, clear.%s\n\n%s\n"
	headed := "Date of service: 05/04/2026\n\nLeft medial cheek: nodular basal cell carcinoma, 1.0 x 0.8 cm. Stage 1: 2 blocks, clear.\n\n" +
		"Right dorsal forearm: squamous cell carcinoma, 1.4 x 1.2 cm. Stage 1: 3 blocks, clear.\n\n%s\n"
	runProseCases(t, []proseCase{
		{"a closing paragraph of a dictation: every tumor's", fmt.Sprintf(two, "", "I read all frozen sections for both sites. A Mohs map was drawn for each stage."), mapsOf, "true true"},
		{"a closing map field of a dictation, of each stage: every tumor's", fmt.Sprintf(two, "", "All slides were read by me (Mohs surgeon). Mohs map: drawn for each stage."), mapsOf, "true true"},
		{"a map sentence in the last tumor's own paragraph: its own", fmt.Sprintf(two, " A Mohs map was drawn.", "Tolerated well."), mapsOf, "- true"},
		{"'Maps on file.' after headed lesions: every lesion's", fmt.Sprintf(headed, "Surgeon read all slides. Maps on file."), mapsOf, "true true"},
		{"'Map drawn.' after headed lesions: the last lesion's", fmt.Sprintf(headed, "Map drawn."), mapsOf, "- true"},
	})
}

// TestLogCaptionsAndSiteColumns: a log after a dictation of two tumors
// that names each tumor by a caption line over its rows ("Scalp
// (occipital)", "Left mid back (MIS)") or in a site column ("R nasal tip")
// gives each tumor its own rows (CODING-RULES §1: stages are counted per
// lesion), though the prose called them "the scalp tumor" and "the back
// tumor"; and a repairs line of two sentences gives each its repair.
func TestLogCaptionsAndSiteColumns(t *testing.T) {
	const prose = "Date of service: 05/06/2026\n\nThe scalp tumor is a squamous cell carcinoma of the occipital scalp, 1.5 x 1.3 cm. Stage 1 histology: SCC in the dermis.\n\n" +
		"The back tumor is a basal cell carcinoma of the left mid back, 1.8 x 1.5 cm. Stage 1 histology: BCC in the dermis.\n\n"
	captions := prose + "Stage  Block  Margin  Stain\nScalp (occipital)\n1      1      -       H&E\n1      2      +       H&E\n2      1      -       H&E\n" +
		"Left mid back (MIS)\n1      1      -       H&E\n1      2      -       H&E\n\n" +
		"Repairs after tumor clearance: scalp - intermediate layered closure, 3.6 cm. Back - intermediate layered closure, 6.0 cm.\n"
	column := prose + "| Site | Stage | Blocks | Margins |\n|---|---|---|---|\n| Occipital scalp | 1 | 3 | block 2 positive |\n| Occipital scalp | 2 | 1 | clear |\n| L mid back | 1 | 2 | clear |\n"
	runProseCases(t, []proseCase{
		{"caption lines over each tumor's rows", captions, lesionOutline,
			"occipital scalp 2,1 [intermediate layered closure, 3.6 cm. []]; left mid back 2 [intermediate layered closure, 6.0 cm. []]"},
		{"a site column that names each tumor in more words", column, lesionOutline, "occipital scalp 3,1; left mid back 2"},
		{"a lesion column that gives each label's site in parentheses, under a history of both tumors",
			"Date of service: 04/09/2026\n\nHPI: 70M with two biopsy-proven tumors: a BCC of the right jawline and a SCC of the left lower back.\n\n" +
				"Lesion\tStage\tBlocks\tMargins\n1 (R jawline)\t1\t4\tblock 2 positive (deep)\n1 (R jawline)\t2\t1\tclear\n2 (L lower back)\t1\t6\tclear\n",
			lesionOutline, "R jawline 4,1; L lower back 6"},
		{"a site column that gives the side of a heading's site", "Date of service: 06/04/2026\n\nJaw: nodular BCC of the left jawline, 1.1 x 0.9 cm.\n\nChest: SCC of the left upper chest, 1.6 x 1.4 cm.\n\n" +
			"Site\tStage\tBlocks\tMargins\nL jawline\t1\t2\tblock 2 positive (deep)\nL jawline\t2\t1\tclear\nL upper chest\t1\t4\tclear\n", lesionOutline, "L jawline 2,1; L upper chest 4"},
	})
}

// TestListedSitesAndLabelledRepairs: lesions listed by letter or roman
// numeral and their site ("A) Left conchal bowl: … Stage 1 - 2 blocks …",
// "II. Nasal dorsum") each open a lesion (CODING-RULES §1), and a repairs
// paragraph whose sentences open with those labels ("A) full-thickness
// skin graft …. B) intermediate layered closure, 3.2 cm.") gives each
// repair to its lesion (§7: a repair is coded at its own site), never all
// of them to the last.
func TestListedSitesAndLabelledRepairs(t *testing.T) {
	const letters = "Date of service: 05/04/2026\n\n" +
		"A) Left conchal bowl: nodular BCC (shave bx 04/06/2026). Pre-op 1.0 x 0.8 cm. Stage 1 - 2 blocks, block 1 positive (deep). Stage 2 - 1 block, clear.\n\n" +
		"B) Right posterior neck: SCC (punch bx 04/06/2026). Pre-op 1.1 x 0.9 cm. Stage 1 - 3 blocks, all clear.\n\n" +
		"REPAIRS: All repairs were done after tumor clearance. A) full-thickness skin graft, 1.5 x 1.3 cm, harvested from the left postauricular skin. B) intermediate layered closure, 3.2 cm.\n"
	const roman = "Date of service: 06/09/2026\n\n" +
		"I. Left upper lip\nNodular BCC of the left upper cutaneous lip. Stage 1: 2 blocks, clear.\n\n" +
		"II. Nasal dorsum\nSCC of the mid nasal dorsum. Stage 1: 3 blocks, block 2 positive at the deep margin. Stage 2: 2 blocks, clear.\n"
	labels := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var blocks []string
			for _, st := range les.Stages {
				blocks = append(blocks, fmt.Sprint(st.Blocks.N))
			}
			s := les.Label + " " + les.HeadingText.Value + " " + strings.Join(blocks, ",")
			for _, r := range les.Repairs {
				s += " [" + strings.TrimSpace(r.Type.Value+" "+r.Value.Value) + "]"
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"lettered sites, then repairs by letter", letters, labels,
			"A Left conchal bowl 2,1 [full-thickness skin graft]; B Right posterior neck 3 [intermediate layered closure]"},
		{"roman numerals", roman, labels, "I Left upper lip 2; II Nasal dorsum 3,2"},
	})
}

// TestInlineStageHistology: a stage told inside a lesion's line, its
// histology after a semicolon ("Stage 1: 3 blocks, all clear;
// well-differentiated SCC in the dermis, no PNI"), keeps that histology
// (CODING-RULES §9: each stage's histology is documented), as a stage
// field on its own line does.
func TestInlineStageHistology(t *testing.T) {
	histology := func(n *model.Note) string {
		var out []string
		for _, st := range n.Lesions[0].Stages {
			out = append(out, fmt.Sprintf("%d: %s", st.Blocks.N, st.Histology.Value))
		}
		return strings.Join(out, "; ")
	}
	const line = "Date of service: 04/21/2026\n\nSite 1 (left cheek) - nodular BCC, shave biopsy 03/25/2026. Pre-op size 1.5 x 1.2 cm. %s\n"
	runProseCases(t, []proseCase{
		{"after the margins", fmt.Sprintf(line, "Stage 1: 3 blocks, all clear; well-differentiated SCC in the superficial reticular dermis, no PNI."), histology,
			"3: well-differentiated SCC in the superficial reticular dermis; no PNI"}, // its items, joined
		{"after the count", fmt.Sprintf(line, "Stage 1: 3 blocks; nodular BCC in the dermis. Stage 2: 1 block, clear."), histology,
			"3: nodular BCC in the dermis; 1: "},
		{"a stage told with a dash", fmt.Sprintf(line, "Stage 1 - 2 blocks, block 1 positive (deep); infiltrative BCC in the deep dermis, no PNI. Stage 2 - 1 block, clear."), histology,
			"2: infiltrative BCC in the deep dermis, no PNI; 1: "},
	})
}

// TestRepairBulletsBySite: under "Closure, after tumor clearance:", bullets
// keyed by each lesion's site ("- right antihelix: complex repair, 2.8
// cm") give each lesion its own repair, timed by the heading (CODING-RULES
// §7, §8), though the prose opened the first lesion by its region ("The
// right ear tumor is … of the right antihelix"): both repairs had gone to
// the last lesion, one of them lost.
func TestRepairBulletsBySite(t *testing.T) {
	const note = "Date of service: 05/04/2026\n\n" +
		"The right ear tumor is a squamous cell carcinoma of the right antihelix, 1.1 x 0.9 cm. Stage 1: three blocks, block 2 positive. Stage 2: one block, clear.\n\n" +
		"The left lower eyelid lesion is a nodular basal cell carcinoma, 0.6 x 0.5 cm. Stage 1: two blocks, clear.\n\n" +
		"Closure, after tumor clearance:\n- right antihelix: complex repair, 2.8 cm\n- left lower eyelid: complex repair, 1.8 cm, with a lateral tarsal suspension suture\n"
	timed := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := les.Site.Text.Value + ":"
			for _, r := range les.Repairs {
				s += fmt.Sprintf(" [%s %v | %s]", r.Value.Value, r.Length.Dims, r.Timing.Value)
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"bullets by site", note, timed, "right antihelix: [complex repair [2.8] | Closure, after tumor clearance]; " +
			"left lower eyelid: [complex repair [1.8] | Closure, after tumor clearance]"},
	})
}

// TestLabelThenDiagnosis: a lesion label followed by the lesion's
// diagnosis and its facts in sentences ("Lesion one: basal cell
// carcinoma, nodular, left nasal sidewall, 0.8 x 0.6 cm. Indication: …
// First stage 2 blocks, …; nodular BCC …") is read for them all
// (CODING-RULES §1: stages per lesion; §9: the diagnosis); the whole line
// had been taken for the lesion's site, and no Mohs line made.
func TestLabelThenDiagnosis(t *testing.T) {
	const note = "Date of service: 04/01/2026\n\n" +
		"Lesion one: basal cell carcinoma, nodular, left nasal sidewall, 0.8 x 0.6 cm. Indication: nasal location. First stage 2 blocks, block 1 positive deep; nodular BCC in the deep dermis, no PNI. Second stage 1 block, clear.\n\n" +
		"Lesion two: squamous cell carcinoma, well differentiated, right helix, 1.0 x 0.9 cm. Indication: ear location. First stage 3 blocks, clear; WD SCC in the dermis, no PNI.\n"
	facts := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var stages []string
			for _, st := range les.Stages {
				stages = append(stages, fmt.Sprintf("%d/%s", st.Blocks.N, st.Histology.Value))
			}
			out = append(out, fmt.Sprintf("%s: %s | %s | %s", les.Label, les.Site.Text.Value, les.Indication.Value, strings.Join(stages, ", ")))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"label, then the diagnosis and facts", note, facts,
			"1: left nasal sidewall | nasal location | 2/nodular BCC in the deep dermis, no PNI, 1/; 2: right helix | ear location | 3/WD SCC in the dermis, no PNI"},
	})
}

// TestOrdinalPlacesItsTumor: paragraphs that open with an ordinal and one
// verb before the tumor's site ("The first of these straddles the left
// nasal sidewall/medial cheek junction: …", "The second is on the right
// lateral neck: …") each open a lesion (CODING-RULES §1), a boundary
// site among them; the two had been one lesion with no site.
func TestOrdinalPlacesItsTumor(t *testing.T) {
	const note = "Date: 04/20/2026\n\nThe patient has two biopsy-proven basal cell carcinomas.\n\n" +
		"The first of these straddles the left nasal sidewall/medial cheek junction: nodular BCC, 1.0 x 0.9 cm. Stage 1: 2 blocks; block 2 positive. Stage 2: 2 blocks, clear.\n\n" +
		"The second is on the right lateral neck: nodular BCC, 1.3 x 1.1 cm. Stage 1: 2 blocks, clear.\n"
	runProseCases(t, []proseCase{
		{"an ordinal, a verb and a site", note, lesionOutline, "left nasal sidewall/medial cheek junction 2,2; right lateral neck 2"},
		{"'The first tumor is a … of the right nasal ala', 'The fourth and last tumor is a … of the right shin'",
			"Date: 04/20/2026\n\nThe first tumor is a squamous cell carcinoma of the right nasal ala (shave bx 04/01/2026), 0.8 x 0.7 cm. Its first stage was 3 blocks, clear.\n\n" +
				"The fourth and last tumor is a basal cell carcinoma of the right shin (shave bx 04/01/2026), 1.9 x 1.6 cm. Its first stage was 2 blocks, clear.\n",
			lesionOutline, "right nasal ala 3; right shin 2"},
		{"'The first tumor is a melanoma in situ, lentigo maligna type, of the left cheek', then 'Attention was then turned to the right upper arm'",
			"Date: 11/19/2026\n\nThe first tumor is a melanoma in situ, lentigo maligna type, of the left cheek, measuring 1.4 x 1.2 cm. Stage I was divided into four blocks; block 1 was positive. Stage II, two blocks, was clear.\n\n" +
				"Attention was then turned to the right upper arm, where a nodular basal cell carcinoma of 1.0 x 0.8 cm had been diagnosed. Stage I was processed as three blocks, all clear.\n",
			lesionOutline, "left cheek 4,2; right upper arm 3"},
		{"'Turning to the second tumor, on the R chin, a …'",
			"Date: 12/01/2026\n\nThe first tumor is a well-differentiated squamous cell carcinoma of the left lower lip, on the cutaneous lip, measuring 1.0 x 0.9 cm. The first layer was divided into three pieces; residual SCC at the deep margin of block 2. A second layer, two tissue blocks, was clear.\n\n" +
				"Turning to the second tumor, on the R chin, a nodular basal cell carcinoma measuring 0.8 x 0.7 cm. The first layer was processed as two blocks, both clear.\n",
			lesionOutline, "left lower lip 3,2; R chin 2"},
		{"'Next, the lesion on the R nasal sidewall, a …'",
			"Date: 11/12/2026\n\nThe first tumor is a squamous cell carcinoma of the right cheek, shave biopsy 10/26/2026, measuring 2.0 x 1.7 cm. Stage 1 was divided into four pieces; residual tumor on block 3. Stage 2, two blocks, was clear.\n\n" +
				"Next, the lesion on the R nasal sidewall, a nodular basal cell carcinoma of 6 x 5 mm. Stage 1 was processed as two blocks, both clear.\n",
			lesionOutline, "right cheek 4,2; R nasal sidewall 2"},
		{"'The first tumor, a … of the right neck measuring 1.0 x 0.8 cm (…), was treated first.'",
			"Date: 11/11/2026\n\nThe first tumor, a nodular basal cell carcinoma of the right neck measuring 1.0 x 0.8 cm (accession MU26-44102), was treated first. Stage I was divided into two blocks; residual BCC on block 1. Stage II, one block, was clear.\n\n" +
				"Attention was then turned to the left shoulder, where a squamous cell carcinoma measured 1.6 x 1.4 cm. Stage I was divided into four pieces, all clear.\n",
			lesionOutline, "right neck 2,1; left shoulder 4"},
		{"an ordinal and a noun are no site: two tumors told, one opened, no Mohs line", strings.ReplaceAll(note, "The second is on the right lateral neck:", "The second stage of the day:"), lesionOutline,
			" ambiguous"},
	})
}

// TestHistoryOfBothTumors: a history paragraph that names both of
// today's tumors by their sites ("HPI: … a biopsy-proven BCC of the left
// preauricular cheek; … a pearly papule on the nasal dorsum …; both were
// treated today") speaks of both, not of the first site paragraph's
// lesion, which had been made ambiguous by it (no Mohs line).
func TestHistoryOfBothTumors(t *testing.T) {
	const note = "Date of service: 03/02/2026\n\n" +
		"HPI: 59F here for Mohs of a biopsy-proven BCC of the left preauricular cheek; she also pointed out a pearly papule on the nasal dorsum, and both were treated today.\n\n" +
		"Nasal dorsum lesion. Nodular BCC of the mid nasal dorsum, 0.7 x 0.6 cm. Stage I: 3 blocks; block 2 positive at the deep margin. Stage II: 1 block, clear.\n\n" +
		"The other lesion, on the left preauricular cheek, was a superficial BCC, 0.8 x 0.7 cm. Stage I: 2 blocks, both clear.\n"
	runProseCases(t, []proseCase{
		{"a history of both", note, lesionOutline, "mid nasal dorsum 3,1; left preauricular cheek 2"},
	})
}

// TestStagesToldStepByStep: a note that lists its tumors, then tells the
// stages step by step, each sentence naming its site ("First stages at
// all three sites. Right lower eyelid stage 1 was 2 blocks, …. Left upper
// lip stage 1 was 3 blocks, …"), gives each lesion its own stages
// (CODING-RULES §1: stages are counted per lesion; the last lesion listed
// had taken them all: a wrong 17312 ×2). A stage told before the
// paragraph names any lesion is no one's: the lesions the paragraph names
// have no Mohs line.
func TestStagesToldStepByStep(t *testing.T) {
	const list = "Date of service: 04/29/2026\n\nTumor details.\n" +
		"Right lower eyelid - nodular BCC, shave biopsy 04/09/2026; 0.6 x 0.5 cm.\n" +
		"Left upper cutaneous lip - invasive squamous cell carcinoma, shave biopsy 04/09/2026; 1.1 x 0.9 cm.\n" +
		"Chin - nodular BCC, punch biopsy 04/09/2026; 0.9 x 0.8 cm.\n\n"
	const steps = "First stages at all three sites. Right lower eyelid stage 1 was 2 blocks; block 1 positive at the medial margin, block 2 clear. " +
		"Left upper lip stage 1 was 3 blocks; blocks 1 and 3 positive (deep), block 2 clear. Chin stage 1 was 2 blocks; both blocks clear.\n\n" +
		"The second stages followed. Right lower eyelid stage 2 was 1 block and it was clear. Left upper lip stage 2 was 2 blocks; block 2 was still positive.\n\n" +
		"Third stage, lip only. Left upper lip stage 3 was 1 block and it was clear.\n"
	runProseCases(t, []proseCase{
		{"each sentence names its site", list + steps, lesionOutline, "Right lower eyelid 2,1; Left upper cutaneous lip 3,2,1; Chin 2"},
		{"a stage told before any site is named", list + "The first stage was 2 blocks, clear. Right lower eyelid stage 2 was 1 block, clear.\n", lesionOutline,
			"Right lower eyelid ambiguous; Left upper cutaneous lip ; Chin "},
	})
}

// TestSiteRepairLines: after the lesions' stages, a line that opens with a
// repairs heading and goes on with one "site - repair" sentence per
// lesion, or lines "site - after tumor clearance, repair" under a heading
// that is no repairs heading ("Wound management by site"), give each
// lesion its own repair (CODING-RULES §3: repairs are coded by their own
// site's group), timed; every repair had gone to the last lesion, one of
// them lost.
func TestSiteRepairLines(t *testing.T) {
	const lesions = "Date of service: 04/02/2026\n\n" +
		"Right temple - micronodular basal cell carcinoma, shave bx 03/02/2026; 1.1 x 0.9 cm. Stage 1: 3 blocks, clear.\n" +
		"Right dorsal foot - squamous cell carcinoma in situ, punch bx 03/02/2026; 1.0 x 0.8 cm. Stage 1: 2 blocks, clear.\n\n"
	timed := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := les.Site.Text.Value + ":"
			for _, r := range les.Repairs {
				s += fmt.Sprintf(" [%s %v | %s]", r.Value.Value, r.Length.Dims, r.Timing.Value)
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"one line: a heading, then a sentence a site", lesions +
			"Repairs, each after tumor clearance at its site. Right temple - intermediate layered closure, 3.4 cm. Right dorsal foot - intermediate layered closure, 2.2 cm.\n",
			timed, "Right temple: [intermediate layered closure [3.4] | Repairs, each after tumor clearance at its site]; " +
				"Right dorsal foot: [intermediate layered closure [2.2] | Repairs, each after tumor clearance at its site]"},
		{"lines that time themselves", lesions +
			"Wound management by site\nRight temple - after tumor clearance, intermediate layered closure, 3.4 cm.\nRight dorsal foot - after tumor clearance, intermediate layered closure, 2.2 cm.\n",
			timed, "Right temple: [intermediate layered closure [3.4] | after tumor clearance]; Right dorsal foot: [intermediate layered closure [2.2] | after tumor clearance]"},
	})
}

// TestNumberedDiagnosesOverALog: a numbered list of diagnoses at their
// sites before a log whose lesion column numbers the lesions ("1", "2",
// "3") gives lesion n the site of item n (CODING-RULES §1: the site sets
// the Mohs class; the lesions had no site and no Mohs line).
func TestNumberedDiagnosesOverALog(t *testing.T) {
	const note = "Date: 05/13/2026\n\nPRE-OPERATIVE DIAGNOSIS LIST (all biopsy-proven, shave biopsies 04/22/2026)\n" +
		"1.\tSquamous cell carcinoma, moderately differentiated - left temple; 1.2 x 1.0 cm.\n" +
		"2.\tBasal cell carcinoma, nodular - central upper back; 3.0 x 2.4 cm.\n\n" +
		"MOHS LOG\nLesion\tStage\tBlocks\tMargins\n1\t1\t2\tblock 1 positive (deep)\n1\t2\t1\tclear\n2\t1\t9\tclear\n"
	sites := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var blocks []string
			for _, st := range les.Stages {
				blocks = append(blocks, fmt.Sprint(st.Blocks.N))
			}
			out = append(out, les.Label+" "+siteOf(les)+" "+strings.Join(blocks, ","))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"items numbered as the log's lesions", note, sites, "1 left temple 2,1; 2 central upper back 9"},
		{"items that number other than the log: no site given", strings.Replace(note, "2.\tBasal", "3.\tBasal", 1), sites, "1  2,1; 2  9"},
	})
	// lettered items over a log lettered alike, and repair lines that give
	// the letter before the site ("A right cheek - advancement flap, …"):
	// each repair is its lesion's (it had gone to the last lesion: a wrong
	// 14020 for the cheek's flap)
	const lettered = "Date: 05/14/2026\n\nPre-op diagnoses, lettered as on the Mohs log\n" +
		"A. Basal cell carcinoma, nodular - right cheek, 1.1 x 1.0 cm.\nB. Squamous cell carcinoma in situ - left lower leg, 2.2 x 1.9 cm.\n\n" +
		"| Lesion | Stage | Blocks | Margins |\n|---|---|---|---|\n| A | 1 | 2 | clear |\n| B | 1 | 6 | clear |\n\n" +
		"Repairs after tumor clearance at both sites\nA right cheek - advancement flap, defect 2.2 x 1.9 cm, secondary defect 4.0 sq cm\nB left lower leg - intermediate layered closure, 5.0 cm\n"
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := les.Label + " " + siteOf(les) + ":"
			for _, r := range les.Repairs {
				s += " " + r.Value.Value
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"lettered items, lettered repair lines", lettered, repairs, "A right cheek: advancement flap; B left lower leg: intermediate layered closure"},
	})
}

// siteOf is the site a lesion's facts give it: its site, or its heading.
func siteOf(les model.Lesion) string {
	if les.Site.Text.Present() {
		return les.Site.Text.Value
	}
	return les.HeadingText.Value
}

// TestLabelSiteDashFacts: "Site 1, right nasal ala - 0.8 x 0.7 cm;
// indicated for Mohs because …" heads lesion 1 at the right nasal ala with
// its size (CODING-RULES §6), and "Right nasal ala repair (after tumor
// clearance) - full-thickness skin graft, …" is that lesion's repair, timed
// (§3: the graft is coded in the nose's group; it had gone to the forearm:
// a wrong 15220).
func TestLabelSiteDashFacts(t *testing.T) {
	const note = "Date of service: 05/12/2026\n\n" +
		"Site 1, right nasal ala - 0.8 x 0.7 cm; indicated for Mohs because of the nasal location.\nStage 1: 3 blocks, clear.\n\n" +
		"Site 2, left forearm - 1.4 x 1.2 cm; indicated for Mohs because it recurred after ED&C.\nStage 1: 2 blocks, clear.\n\n" +
		"Right nasal ala repair (after tumor clearance) - full-thickness skin graft, 1.6 x 1.4 cm, donor left preauricular.\n" +
		"Left forearm repair (after tumor clearance) - intermediate layered closure, 4.4 cm.\n"
	facts := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := fmt.Sprintf("%s %v |", siteOf(les), les.Size.Dims)
			for _, r := range les.Repairs {
				s += fmt.Sprintf(" %s (%s)", r.Value.Value, r.Timing.Value)
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"site, dash, facts; repairs by site", note, facts,
			"right nasal ala [0.8 0.7] | full-thickness skin graft (after tumor clearance); left forearm [1.4 1.2] | intermediate layered closure (after tumor clearance)"},
	})
}

// TestRepairOfALesionWithoutStages: under a repairs heading, a repair line
// that names the next lesion by number and its site ("Right lower leg
// (number 3) - intermediate layered closure, 3.0 cm.") after a log with no
// rows for it is that lesion's repair: the lesion has no Mohs line
// (stages-missing), its repair is summed with the others of its group
// (CODING-RULES §3; dropped, it left a 12031 where 12032 was due).
func TestRepairOfALesionWithoutStages(t *testing.T) {
	const note = "Date: 05/13/2026\n\n" +
		"| Lesion | Site | Stage | Blocks | Margins |\n|---|---|---|---|---|\n| 1 | R cheek | 1 | 2 | clear |\n| 2 | L shoulder | 1 | 3 | clear |\n\n" +
		"Repairs after tumor clearance\nR cheek (number 1) - intermediate layered closure, 2.0 cm.\nL shoulder (number 2) - intermediate layered closure, 2.0 cm.\nRight lower leg (number 3) - intermediate layered closure, 3.0 cm.\n"
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := fmt.Sprintf("%s %s %d:", les.Label, siteOf(les), len(les.Stages))
			for _, r := range les.Repairs {
				s += fmt.Sprintf(" %v", r.Length.Dims)
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"the next lesion by number", note, repairs, "1 R cheek 1: [2]; 2 L shoulder 1: [2]; 3 Right lower leg 0: [3]"},
		{"a number beyond the next names none", strings.Replace(note, "(number 3)", "(number 5)", 1), repairs, "1 R cheek 1: [2]; 2 L shoulder 1: [2]"},
	})
	n := mustLower(t, strings.Replace(note, "(number 3)", "(number 5)", 1))
	assert.True(t, slices.ContainsFunc(n.Findings, func(f diag.Finding) bool { return f.Rule == "prose-ambiguous" && f.Line == 11 }),
		"a repair line of no lesion is said, not dropped in silence: its group's sum may be short")
}

// TestSizeInALesionLine: a lesion line that gives the size after its
// diagnosis and accession ("1) left nasal sidewall - nodular BCC
// (BA26-7710), 1.0 x 0.8 cm; Mohs for …") or as a part of its own ("Right
// lower eyelid - nodular BCC, shave biopsy 04/09/2026 (OH26-1201); 0.6 x
// 0.5 cm; Mohs for …") states the pre-operative size (CODING-RULES §6:
// size-missing had been raised); a bare size after a stage is no
// pre-operative size.
func TestSizeInALesionLine(t *testing.T) {
	sizes := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%v %q", les.Size.Dims, les.Diagnosis.Value))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"after the accession", "Date: 04/06/2026\n\n1) left nasal sidewall - nodular and infiltrative BCC (BA26-7710), 1.0 x 0.8 cm; Mohs for the nasal location.\n" +
			"2) right conchal bowl - well-differentiated SCC (BA26-7711), 0.9 x 0.8 cm; Mohs for the ear location.\n", sizes,
			`[1 0.8] "nodular and infiltrative BCC (BA26-7710)"; [0.9 0.8] "well-differentiated SCC (BA26-7711)"`},
		{"a part of its own", "Date: 04/29/2026\n\nRight lower eyelid - nodular BCC, shave biopsy 04/09/2026 (OH26-1201); 0.6 x 0.5 cm; Mohs for the periocular location.\n" +
			"Chin - nodular BCC, punch biopsy 04/09/2026 (OH26-1203); 0.9 x 0.8 cm; Mohs for the facial location.\n", sizes,
			`[0.6 0.5] "nodular BCC, shave biopsy 04/09/2026 (OH26-1201)"; [0.9 0.8] "nodular BCC, punch biopsy 04/09/2026 (OH26-1203)"`},
	})
}

// TestTumorParagraphsBeforeInterleavedStages: paragraphs that each
// introduce one of today's tumors by its site and say why Mohs was chosen
// ("The left cheek tumor is …. Mohs was indicated for …"), with no stage of
// their own, open the lesions whose stages a later paragraph interleaves
// by site (CODING-RULES §1).
func TestTumorParagraphsBeforeInterleavedStages(t *testing.T) {
	const note = "Date: 03/30/2026\n\nTwo new biopsy-proven tumors are treated today.\n\n" +
		"The left cheek tumor is a nodular basal cell carcinoma, shave biopsy 03/24/2026. Mohs was indicated for its facial location. It measured 1.2 x 1.0 cm.\n\n" +
		"The right dorsal hand tumor is a squamous cell carcinoma, shave biopsy 03/24/2026. Mohs was indicated for the hand location. It measured 1.0 x 0.9 cm.\n\n" +
		"Both sites were marked and anesthetized. We began with the left cheek, whose first stage was divided into 3 blocks. The right dorsal hand stage 1 was 2 blocks, clear. The cheek stage 1 showed tumor at the deep margin of block 2. The cheek second stage, 1 block, was clear.\n"
	runProseCases(t, []proseCase{
		{"one tumor a paragraph, then the stages", note, lesionOutline, "left cheek 3,1; right dorsal hand 2"},
	})
}

// TestTerseStageAndFlapFields: a terse stage key that holds its block
// count ("S1 4 blks: H&E, MART-1 (all blks), SOX10 (blks 1-2); +periph
// blk3") is the stage with its blocks and stains (CODING-RULES §1, §5: the
// stain lines had been lost with the blocks), and a flap field's "2°
// defect 4.6 sq cm" is its secondary defect (§3).
func TestTerseStageAndFlapFields(t *testing.T) {
	const note = "DOS: 11/18/26\nDiagnosis: MIS L cheek (shave 10/14/26)\n" +
		"S1 4 blks: H&E, MART-1 (all blks), SOX10 (blks 1-2); +periph blk3.\nS2 2 blks: H&E, MART-1; clr.\n" +
		"Final defect: 2.4x2.0cm\nRepair: advancement flap after clearance, 2° defect 4.6 sq cm\n"
	facts := func(n *model.Note) string {
		les := n.Lesions[0]
		var out []string
		for _, st := range les.Stages {
			var stains []string
			for _, sn := range st.Stains {
				stains = append(stains, fmt.Sprintf("%s%v", sn.Name, sn.Blocks))
			}
			out = append(out, fmt.Sprintf("%d blocks %s", st.Blocks.N, strings.Join(stains, " ")))
		}
		for _, r := range les.Repairs {
			out = append(out, fmt.Sprintf("secondary %v", r.SecondaryDefect.AreaSq))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"a count in the stage key", note, facts, "4 blocks H&E[] MART-1[] SOX10[1 2]; 2 blocks H&E[] MART-1[]; secondary 4.6"},
	})
}

// TestTerseStageWithoutCount: a terse stage line that gives no count ("S2
// deep margin re-excised, clr.") is still the second stage, coded as one
// of at most five blocks with blocks-missing (CODING-RULES §1: a stage
// without a count keeps its line); it had been dropped, and the first
// stage's positive margin left as the last (a lost 17312).
func TestTerseStageWithoutCount(t *testing.T) {
	const note = "DOS: 11/18/26\nBx proven BCC R helix (shave 10/22/26)\nS1 3 blks, +blk1 (deep).\nS2 deep margin re-excised, clr.\n"
	const dashed = "DOS: 11/18/26\nBx proven BCC R helix (shave 10/22/26)\nS1 - 3 blks - pos (blk 2 deep) / blks 1, 3 neg\nS2 - 1 blk - neg\n"
	runProseCases(t, []proseCase{
		{"a terse key and words", note, lesionOutline, "R helix 3,0"},
		{"a terse key, a dash and a count", dashed, lesionOutline, "R helix 3,1"},
	})
}

// TestPostoperativeDiagnosisList: a numbered list under a valueless
// "POSTOPERATIVE DIAGNOSES:" gives lesion n item n's diagnosis, coded in
// place of a differing pre-operative one (CODING-RULES §9); "Same." leaves
// the lesion's diagnosis, and a list whose item names another lesion's
// site gives nothing (the pre-operative basal cell code had been kept for
// a basosquamous carcinoma).
func TestPostoperativeDiagnosisList(t *testing.T) {
	const note = "DATE OF PROCEDURE: 04/16/2026\n\nPREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, left temple.\n2. Squamous cell carcinoma, right forearm.\n\n" +
		"POSTOPERATIVE DIAGNOSES:\n1. Basosquamous (metatypical) carcinoma, left temple.\n2. Same.\n\n" +
		"Left temple: biopsy (shave, 03/19/2026) read as infiltrative basal cell carcinoma. Stage 1: 3 blocks; block 1 positive at the deep margin. Stage 2: 2 blocks, clear.\n\n" +
		"Right forearm: well-differentiated squamous cell carcinoma on punch biopsy 03/19/2026. Stage 1: 2 blocks, both clear.\n"
	postop := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, siteOf(les)+": "+les.PostopDiagnosis.Value)
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"item n to lesion n", note, postop, "Left temple: Basosquamous (metatypical) carcinoma, left temple; Right forearm: "},
		{"an item at another lesion's site: none", strings.Replace(note, "carcinoma, left temple.\n2. Same.", "carcinoma, right forearm.\n2. Same.", 1), postop, "Left temple: ; Right forearm: "},
	})
	// the same said in a site's dictation
	const dictated = "Date: 05/11/2026\n\nTwo biopsy-proven tumors today.\n\n" +
		"Left malar cheek. Pre-op diagnosis melanoma in situ (shave biopsy 05/01/2026). Stage 1 was 4 blocks, clear. Post-op diagnosis for this site is the same.\n\n" +
		"Right antihelix. Pre-op diagnosis nodular basal cell carcinoma (shave biopsy 05/01/2026). Stage 1 was 3 blocks, clear. Post-op diagnosis for this site, on the frozen sections, is basosquamous (metatypical) carcinoma of the right antihelix.\n"
	runProseCases(t, []proseCase{
		{"a sentence of a site's dictation", dictated, postop, "Left malar cheek: ; Right antihelix: basosquamous (metatypical) carcinoma of the right antihelix"},
	})
}

// TestIntroGivesTheSide: an intro that names each tumor at its site with
// its side ("… a nodular basal cell carcinoma of the left parietal scalp
// (…), 1.2 x 1.0 cm, and a … squamous cell carcinoma of the left occipital
// scalp …") gives the side to the lesions headed by the site's term alone
// ("Parietal tumor:", "Occipital tumor:"), with their sizes (CODING-RULES
// §6, §9).
func TestIntroGivesTheSide(t *testing.T) {
	const note = "Date: 05/20/2026\n\nHISTORY: This 74-year-old man has two biopsy-proven tumors on the left posterior scalp: a nodular basal cell carcinoma of the left parietal scalp (shave biopsy 05/05/2026), 1.2 x 1.0 cm, and a well-differentiated squamous cell carcinoma of the left occipital scalp (shave biopsy 05/05/2026), 1.4 x 1.1 cm.\n\n" +
		"Parietal tumor: the first stage was divided into three blocks, all clear.\n\nOccipital tumor: the first stage was divided into two blocks, both clear.\n"
	sites := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%s %v", siteOf(les), les.Size.Dims))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"the intro's sites with their side", note, sites, "left parietal scalp [1.2 1]; left occipital scalp [1.4 1.1]"},
	})
}

// TestEveryBiopsied: a statement above the first of several lesions that
// their diagnoses were biopsy-proven ("Both diagnoses were biopsy-proven
// on 05/06/2026.", "HISTORY: Three biopsy-proven skin cancers were
// treated today") confirms every lesion's diagnosis (CODING-RULES §9:
// diagnosis-unconfirmed only when no prior pathology is documented); one
// that names a single tumor confirms that one only.
func TestEveryBiopsied(t *testing.T) {
	const labels = "Date: 05/28/2026\n%s\n\nLESION 1 OF 2: right lateral cheek\nDiagnosis: basal cell carcinoma\nStage 1: 3 blocks; clear\n\n" +
		"LESION 2 OF 2: left dorsal forearm\nDiagnosis: squamous cell carcinoma\nStage 1: 2 blocks; clear\n"
	runProseCases(t, []proseCase{
		{"a sentence of both lesions above the labels", fmt.Sprintf(labels, "Maps for both lesions are on file. Both diagnoses were biopsy-proven on 05/06/2026."), biopsiedOf, "true true"},
		{"a history of every tumor above the labels", fmt.Sprintf(labels, "HISTORY: Two biopsy-proven skin cancers were treated today; the first was seen in 2024."), biopsiedOf, "true true"},
		{"'today's tumors' above the labels", fmt.Sprintf(labels, "INDICATION AND HISTORY: prior BCCs of the nose (2018). Today's tumors were biopsied on 03/03/2026 by his primary dermatologist."), biopsiedOf, "true true"},
		{"a sentence of one tumor above the labels: its own, no other lesion's", fmt.Sprintf(labels, "The cheek tumor was biopsy-proven on 05/06/2026."), biopsiedOf, "true false"},
	})
}

// TestBxOverItsValue: a template's "BX:" with the lesion's biopsy on the
// next line ("shave 08/20/2026, superficial BCC (OM26-0921)") documents
// the prior biopsy (CODING-RULES §9: no diagnosis-unconfirmed); with no
// dated biopsy under it, it documents none.
func TestBxOverItsValue(t *testing.T) {
	const note = "DOS:\n09/17/2026\nLOC:\nL nasal sidewall\nDX:\nsuperficial BCC\nBX:\n%s\nMAP:\ndrawn\n\nSTG 1: 5 blks; margins clear\n"
	runProseCases(t, []proseCase{
		{"a dated shave under BX:", fmt.Sprintf(note, "shave 08/20/2026, superficial BCC (OM26-0921)"), biopsiedOf, "true"},
		{"no date under BX:", fmt.Sprintf(note, "see chart"), biopsiedOf, "false"},
	})
}

// TestIntroSitesInMoreWords: an intro that names each tumor's site in
// more words than the paragraph that opens it ("… of the right dorsal
// hand, 0.9 x 0.8 cm" and "Right hand, first stage: …") gives that lesion
// its size (CODING-RULES §6: no size-missing); a site of the other side
// names no lesion, and the sizes are given to none.
func TestIntroSitesInMoreWords(t *testing.T) {
	const note = "Date of service: 05/15/2026\n\nMs. Q. is seen for Mohs surgery of two lesions: an invasive squamous cell carcinoma of the left forehead, 1.5 x 1.2 cm, and a nodular basal cell carcinoma of the %s dorsal hand, 0.9 x 0.8 cm.\n\n" +
		"Forehead, first stage: three blocks, clear.\n\nRight hand, first stage: two blocks; both blocks clear.\n"
	runProseCases(t, []proseCase{
		{"the right dorsal hand is the right hand's lesion", fmt.Sprintf(note, "right"), sizesOf, "[1.5 1.2] [0.9 0.8]"},
		{"the left dorsal hand is no lesion", fmt.Sprintf(note, "left"), sizesOf, "[] []"},
	})
}

// TestSizesByParagraph: under a list of diagnoses that names the sites
// first, an indications paragraph that names each tumor's diagnosis at its
// site and then its size, in the lesions' order, gives each lesion its
// size (CODING-RULES §6); when the sizes stand in the other order than
// the sites, no lesion gets one.
func TestSizesByParagraph(t *testing.T) {
	const note = "PREOPERATIVE DIAGNOSIS:\n1.  Basal cell carcinoma, right helix.\n2.  Basal cell carcinoma, left neck.\n\nDATE OF SERVICE:  06/25/2026\n\n" +
		"INDICATIONS:  The patient has two biopsy-proven basal cell carcinomas (shave biopsies on 06/01/2026): %s\n\n" +
		"Right helix:  Stage 1, 2 blocks, negative.\n\nLeft neck:  Stage 1, 3 blocks, negative.\n"
	runProseCases(t, []proseCase{
		{"each site, then its size", fmt.Sprintf(note, "a nodular BCC of the right superior helix measuring 0.9 x 0.7 cm, and a recurrent BCC of the left lateral neck measuring 1.3 x 1.0 cm."), sizesOf, "[0.9 0.7] [1.3 1]"},
		{"the sites in the other order", fmt.Sprintf(note, "a recurrent BCC of the left lateral neck measuring 1.3 x 1.0 cm, and a nodular BCC of the right superior helix measuring 0.9 x 0.7 cm."), sizesOf, "[] []"},
	})
}

// TestRepairsParagraphAfterLabels: after labelled lesions ("TUMOR 1 -
// RIGHT CHEEK."), a paragraph that opens with a sentence of every repair
// ("Repairs were performed after tumor clearance at each site.") gives
// each of its sentences' repairs to the lesion whose site it names
// (CODING-RULES §3: repairs are summed by anatomic group; the whole
// paragraph had gone to the last lesion, which healed by second
// intention, "left to granulate by second intention" being one healing).
func TestRepairsParagraphAfterLabels(t *testing.T) {
	const note = "Date: 11/18/2026\n\nTUMOR 1 - RIGHT CHEEK. Stage 1 was processed as two blocks, both clear.\n\n" +
		"TUMOR 2 - LEFT LATERAL NECK. Stage 1 was divided into three pieces, all clear.\n\n" +
		"TUMOR 3 - RIGHT PARIETAL SCALP. Stage 1 was processed as two blocks, both clear.\n\n" +
		"%sFollowing clearance, the right cheek defect was closed with a simple repair of 15 mm. Following clearance, the left neck defect was closed with a simple repair measuring 2.0 cm. Following clearance, the right parietal scalp defect was left to granulate by second intention.\n"
	runProseCases(t, []proseCase{
		{"a lead sentence of every repair", fmt.Sprintf(note, "Repairs were performed after tumor clearance at each site. "), lesionOutline,
			"RIGHT CHEEK 2 [simple repair [1.5]]; LEFT LATERAL NECK 3 [simple repair [2]]; RIGHT PARIETAL SCALP 2 [second intention (granulate) []]"},
	})
}

// TestEnumeratedBiopsiesInOneSentence: an indications sentence that
// enumerates the tumors, each with its biopsy ("(1) a superficial basal
// cell carcinoma of the right malar cheek, biopsy 06/03/2026, …, and (2) a
// … squamous cell carcinoma of the left dorsal hand, biopsy 06/03/2026,
// …"), confirms each diagnosis (CODING-RULES §9); a biopsy cited after one
// tumor only confirms none.
func TestEnumeratedBiopsiesInOneSentence(t *testing.T) {
	const note = "DATE OF SERVICE: 06/30/2026\n\nINDICATIONS: 66-year-old woman with (1) a superficial basal cell carcinoma of the right malar cheek, %s1.2 x 1.0 cm, recurrent after imiquimod, and (2) a well-differentiated squamous cell carcinoma of the left dorsal hand, biopsy 06/03/2026, 1.1 x 0.9 cm, over the extensor tendons.\n\n" +
		"1) Right cheek: The first stage was divided into 2 blocks; both blocks were clear.\n\n2) Left dorsal hand: The first stage was divided into 3 blocks, all clear.\n"
	runProseCases(t, []proseCase{
		{"a biopsy after each tumor", fmt.Sprintf(note, "biopsy 06/03/2026, "), biopsiedOf, "true true"},
		{"a biopsy after the second tumor only", fmt.Sprintf(note, ""), biopsiedOf, "false false"},
	})
}

// TestBusyDayLayouts: a numbered list of tumors that cites each one's
// prior biopsy ("1. Right nasal ala – BCC, nodular – … – shave bx
// 11/09/2026") opens lesions, not biopsies of other lesions (CODING-RULES
// §4: a prior biopsy is no line; 11103 had been billed); a log whose first
// column is "#" under those numbered lesions gives each row to its lesion
// (§1: stages per lesion; all rows had gone to the last lesion and billed
// 17312 ×3); a bare "Repairs" or "Repairs and wound care" over a sentence a
// site gives each repair to the lesion it names (§3).
func TestBusyDayLayouts(t *testing.T) {
	const list = "Date of service: December 2, 2026\n\n" +
		"1. Right nasal ala – BCC, nodular – 0.6 x 0.5 cm – shave bx 11/09/2026 (TE26-5540)\n" +
		"2. Left cheek – SCC, well differentiated – 1.2 x 1.0 cm – shave bx 11/09/2026 (TE26-5541)\n\n"
	biopsies := func(n *model.Note) string {
		return fmt.Sprint(len(n.Lesions), " lesions, ", len(n.Biopsies), " biopsies")
	}
	runProseCases(t, []proseCase{
		{"a numbered list citing prior biopsies", list + "Lesion 1 – right nasal ala\nStage 1 was processed as two blocks, both clear.\n\nLesion 2 – left cheek\nStage 1 was divided into three blocks, all clear.\n",
			biopsies, "2 lesions, 0 biopsies"},
		{"a '#' log column under numbered lesions", list + "| # | Stage | Blocks | Margins |\n|---|---|---|---|\n| 1 | 1 | 2 | negative |\n| 2 | 1 | 4 | positive – block 4 (deep) |\n| 2 | 2 | 2 | negative |\n",
			lesionOutline, "Right nasal ala 2; Left cheek 4,2"},
		{"'Repairs' alone over a sentence a site", list + "Lesion 1 – right nasal ala\nStage 1: 2 blocks, clear.\n\nLesion 2 – left cheek\nStage 1: 3 blocks, clear.\n\nRepairs\n" +
			"The right nasal ala defect was closed after tumor clearance with a complex repair 1.6 cm long.\nThe left cheek defect was closed after tumor clearance with an intermediate layered repair 2.4 cm long.\n",
			lesionOutline, "Right nasal ala 2 [complex repair [1.6]]; Left cheek 3 [intermediate layered repair [2.4]]"},
		{"'Repairs and wound care' over a sentence a site", list + "Lesion 1 – right nasal ala\nStage 1: 2 blocks, clear.\n\nLesion 2 – left cheek\nStage 1: 3 blocks, clear.\n\nRepairs and wound care\n" +
			"After tumor clearance, the right nasal ala wound was left to heal by second intention.\nThe left cheek defect was closed after tumor clearance with a complex repair, 3.0 cm.\n",
			lesionOutline, "Right nasal ala 2 [second intention (second intention) []]; Left cheek 3 [complex repair [3]]"},
	})
}

// TestListedTumorSizes: a tumor list item gives its lesion the size that
// follows the diagnosis after a comma, before a parenthesis that cites the
// biopsy ("I. Left forehead – superficial BCC, 1.0 x 0.9 cm (shave bx
// 11/10/2026, TE26-5580)"), or that stands between dashes ("1. Right
// nasal ala – BCC, nodular – 0.6 x 0.5 cm – shave bx 11/09/2026 (…)"),
// and the biopsy stays its prior biopsy (CODING-RULES §6, §9).
func TestListedTumorSizes(t *testing.T) {
	facts := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%s %v %v", les.Diagnosis.Value, les.Size.Dims, les.PriorBiopsy.Yes))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"the size after a comma, the biopsy in parentheses",
			"Date of service: 12/02/2026\n\nI. Left forehead – superficial BCC, 1.0 x 0.9 cm (shave bx 11/10/2026, TE26-5580)\nII. Right shoulder – SCC, moderately differentiated, 2.1 x 1.8 cm (punch bx 11/10/2026, TE26-5581)\n\nTumor I – left forehead\nStage 1: 2 blocks, clear\n",
			facts, "superficial BCC (shave bx 11/10/2026, TE26-5580) [1 0.9] true; SCC, moderately differentiated (punch bx 11/10/2026, TE26-5581) [2.1 1.8] true"},
		{"the size between dashes",
			"Date of service: 12/02/2026\n\n1. Right nasal ala – BCC, nodular – 0.6 x 0.5 cm – shave bx 11/09/2026 (TE26-5540)\n2. Left cheek – SCC, well differentiated – 1.2 x 1.0 cm – shave bx 11/09/2026 (TE26-5541)\n\nLesion 1 – right nasal ala\nStage 1: 2 blocks, clear\n",
			facts, "BCC, nodular [0.6 0.5] true; SCC, well differentiated [1.2 1] true"},
		{"the size between the diagnosis and the biopsy, after commas",
			"Date of service: 12/02/2026\n\nA. Nasal dorsum – infiltrative basal cell carcinoma, 1.2 x 1.0 cm, shave biopsy 11/05/2026 (TE26-5521)\nB. Left helix – squamous cell carcinoma, well differentiated, 0.8 x 0.7 cm, shave biopsy 11/05/2026 (TE26-5522)\n\nTumor A – nasal dorsum\nStage 1: 2 blocks, clear\n",
			facts, "infiltrative basal cell carcinoma, shave biopsy 11/05/2026 (TE26-5521) [1.2 1] true; squamous cell carcinoma, well differentiated, shave biopsy 11/05/2026 (TE26-5522) [0.8 0.7] true"},
	})
}

// TestPluralMapsAboveTumors: "Maps drawn." and a "Mohs maps: drawn." field
// above the tumors a dictation opens after them speak of every tumor's map
// (CODING-RULES §9: map-missing otherwise); "Map drawn." in the last
// tumor's own paragraph stays its own.
func TestPluralMapsAboveTumors(t *testing.T) {
	const note = "Date: 03/30/2026\n\nTwo lesions today: a melanoma in situ of the left cheek (biopsy 03/06/2026) and a nodular BCC of the right forearm (biopsy 03/06/2026).\n\n%s\n\n" +
		"Regarding the cheek. Melanoma in situ, left central cheek, 1.6 x 1.2 cm. Stage 1: 4 blocks, clear.\n\n" +
		"The forearm BCC, right dorsal forearm, 1.3 x 1.0 cm. Stage 1: 3 blocks, clear.%s\n"
	runProseCases(t, []proseCase{
		{"'Maps drawn.' above the tumors", fmt.Sprintf(note, "I read all frozen sections. Maps drawn.", ""), mapsOf, "true true"},
		{"'Mohs maps: drawn.' above the tumors", fmt.Sprintf(note, "I read all frozen sections.\nMohs maps: drawn.", ""), mapsOf, "true true"},
		{"'Map drawn.' in the last tumor's paragraph", fmt.Sprintf(note, "I read all frozen sections.", " Map drawn."), mapsOf, "- true"},
	})
}

// TestIndicationsOfSeveralInFirstParagraph: a sentence in the paragraph
// that opens the first tumor and says why Mohs was chosen for each tumor
// by its site ("Mohs was indicated for the ala because …, for the cheek
// because …, and for the back because …") is every named tumor's
// indication (CODING-RULES §6: indication-missing otherwise), not the
// first's alone.
func TestIndicationsOfSeveralInFirstParagraph(t *testing.T) {
	const note = "Date: 05/20/2026\n\nThree lesions were treated. The first is a nodular basal cell carcinoma of the left nasal ala, 0.9 x 0.7 cm; the second a basal cell carcinoma of the right medial cheek, 1.3 x 1.1 cm; the third a squamous cell carcinoma in situ of the left mid back, 1.5 x 1.2 cm. " +
		"Mohs was indicated for the ala because of its location in the H-zone, for the cheek because the tumor is ill-defined, and for the back because of its size.\n\n" +
		"The ala was treated first. Stage 1 was divided into two blocks, both clear.\n\nThe cheek was next. Stage 1 was divided into three blocks, all clear.\n\nThe back was last. Stage 1 was divided into two blocks, both clear.\n"
	indicated := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(les.Indication.Present()))
		}
		return strings.Join(out, " ")
	}
	runProseCases(t, []proseCase{{"one sentence, three tumors by their sites", note, indicated, "true true true"}})
}

// sizesOf is each lesion's pre-operative size.
func sizesOf(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		out = append(out, fmt.Sprint(les.Size.Dims))
	}
	return strings.Join(out, " ")
}

// biopsiedOf is whether each lesion's prior biopsy is documented.
func biopsiedOf(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		out = append(out, fmt.Sprint(les.PriorBiopsy.Present() && les.PriorBiopsy.Yes))
	}
	return strings.Join(out, " ")
}

// TestEachStageMappedBeforeAnyStage: "A map was drawn for each stage." in
// the opening of a dictation of several tumors, before any stage is told,
// is every tumor's map (CODING-RULES §9: map-missing otherwise); the same
// words in the second tumor's own paragraph, after the first tumor's
// stages, stay its own.
func TestEachStageMappedBeforeAnyStage(t *testing.T) {
	const note = "Date of service: 12/03/2026\n\nThe patient has two biopsy-proven tumors: a BCC of the left nasal tip and an SCC of the right dorsal hand.%s\n\n" +
		"We began with the nasal tip. Its first stage was divided into three blocks, all clear.\n\n" +
		"Attention was then turned to the right dorsal hand.%s The first stage was processed as 2 blocks; both blocks were clear.\n"
	runProseCases(t, []proseCase{
		{"in the opening", fmt.Sprintf(note, " A map was drawn for each stage.", ""), mapsOf, "true true"},
		{"in the second tumor's paragraph", fmt.Sprintf(note, "", " A map was drawn for each stage."), mapsOf, "- true"},
	})
}

// TestSiteStageLinesAndBulletRepairs: per-site stage lines of a block log
// ("Left cheek stage 1 (3 blocks): A+ B- C-", "Left cheek stage 1
// histology - nodular BCC …") name the site, not a lesion whose site is
// "Left cheek stage 1 histology"; the bullets under "Repairs, one line per
// site" go each to the lesion of its site, and a bullet of a site that is
// no lesion is said, never given to the lesion read last (CODING-RULES §3:
// a wrong repair line is worse than none).
func TestSiteStageLinesAndBulletRepairs(t *testing.T) {
	const head = "DOS: 11/17/2026\nPayer: Medicare Part B\n\nSites (all biopsy-proven)\n- Left cheek - nodular BCC (shave bx 10/28/2026), 1.0 x 0.8 cm\n- Left dorsal wrist - SCC, well differentiated (shave bx 10/28/2026), 1.3 x 1.1 cm\n\n" +
		"Stage results (blocks lettered; + = tumor at the margin, - = clear)\nLeft cheek stage 1 (3 blocks): A+ B- C-\nLeft cheek stage 1 histology - nodular BCC in the mid dermis, no PNI; A+ at the deep margin\nLeft cheek stage 2 (1 block): A-\n" +
		"Left dorsal wrist stage 1 (4 blocks): A- B+ C- D-\nLeft dorsal wrist stage 2 (2 blocks): A+ B-\nLeft dorsal wrist stage 3 (1 block): A-\n\n"
	outline := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var b []string
			for _, st := range les.Stages {
				b = append(b, fmt.Sprint(st.Blocks.N))
			}
			out = append(out, siteOf(les)+" "+strings.Join(b, "+")+fmt.Sprintf(" %d repairs", len(les.Repairs)))
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§1 site stage lines; §3 a bullet a site", head + "Repairs, one line per site\n- Left cheek - intermediate layered repair after tumor clearance, 2.5 cm\n- Left dorsal wrist - complex repair after tumor clearance, 3.5 cm\n",
			"Left cheek 3+1 1 repairs; Left dorsal wrist 4+2+1 1 repairs"},
		{"§3 a bullet of a site that is no lesion", head + "Repairs, one line per site\n- Right temple - intermediate layered repair after tumor clearance, 2.5 cm\n- Left dorsal wrist - complex repair after tumor clearance, 3.5 cm\n",
			"Left cheek 3+1 0 repairs; Left dorsal wrist 4+2+1 1 repairs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, outline(mustLower(t, tt.src)))
		})
	}
}

// TestJoinedRepairOfOtherLesions: one repair of two adjacent defects told
// after a third tumor's stages ("The clavicle and upper chest defects lay
// close together on the left. After tumor clearance at both, I … joined
// the two defects and closed them as one complex repair, 7.4 cm long.") is
// not the third tumor's (CODING-RULES §3: its group decides its code); a
// joined repair told of the lesion being read and another keeps its line.
func TestJoinedRepairOfOtherLesions(t *testing.T) {
	const head = "DOS: 11/24/2026\n\nSites (all biopsy-proven)\n- Left clavicle - superficial BCC (shave bx 11/04/2026), 1.2 x 1.0 cm\n- Left upper chest - SCC (shave bx 11/04/2026), 1.4 x 1.2 cm\n- Right conchal bowl - nodular BCC (shave bx 11/04/2026), 1.1 x 1.0 cm\n\n" +
		"Left clavicle stage 1 (2 blocks): A- B-\nLeft upper chest stage 1 (3 blocks): A- B- C-\nRight conchal bowl stage 1 (2 blocks): A- B-\n\n"
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(len(les.Repairs)))
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§3 joined repair of two other lesions: no lesion's", head + "The clavicle and upper chest defects lay close together on the left. After tumor clearance at both, I removed the skin between them, joined the two defects and closed them as one complex repair, 7.4 cm long.\n", "0,0,0"},
		{"§3 a repair of the lesion being read stays its", head + "After tumor clearance, the right conchal bowl defect was closed with a complex repair, 2.0 cm long.\n", "0,0,1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, repairs(mustLower(t, tt.src)))
		})
	}
}

// TestMapInAHeadingsRemark: a heading whose remark says a map was drawn
// for every stage at every site ("Sites (all biopsy-proven; a Mohs map was
// drawn for every stage at every site)") gives every lesion its map
// (CODING-RULES §1: map-missing otherwise); a remark of something else
// gives none.
func TestMapInAHeadingsRemark(t *testing.T) {
	const lesions = "\n- Left cheek - nodular BCC (shave bx 10/28/2026), 1.0 x 0.8 cm\n- Left dorsal wrist - SCC (shave bx 10/28/2026), 1.3 x 1.1 cm\n\n" +
		"Left cheek stage 1 (3 blocks): A+ B- C-\nLeft cheek stage 2 (1 block): A-\nLeft dorsal wrist stage 1 (2 blocks): A- B-\n"
	mapped := eachLesion(func(les model.Lesion) bool { return les.Map.Yes })
	for _, tt := range []struct{ name, src, want string }{
		{"§1 map: in the heading's remark", "DOS: 11/17/2026\n\nSites (all biopsy-proven; a Mohs map was drawn for every stage at every site)" + lesions, "yy"},
		{"§1 map: a remark of the biopsies only", "DOS: 11/17/2026\n\nSites (all biopsy-proven)" + lesions, "nn"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, mapped(mustLower(t, tt.src)))
		})
	}
}

// TestRepairNeverGivenToALesionItDoesNotName: a sized repair sentence that
// names another lesion only, where nothing routes it ("The left cheek
// defect was closed after tumor clearance with a complex repair, 3.2 cm
// long." under lesion 2's label), is said and given to no lesion (CODING-
// RULES §3: given to the forearm it made a repair line of the wrong group);
// and "After tumor clearance at each site, the right nasal dorsum was
// repaired with …" is the nasal dorsum's, the lead's "each site" only
// timing it.
func TestRepairNeverGivenToALesionItDoesNotName(t *testing.T) {
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(len(les.Repairs)))
		}
		return strings.Join(out, ",")
	}
	const threeSites = "Date of service: 11/18/2026\n\nThree biopsy-proven tumors were treated today. The right nasal dorsum carried a nodular basal cell carcinoma, 0.8 x 0.7 cm. The left cheek carried a squamous cell carcinoma in situ, 1.3 x 1.0 cm. The right dorsal forearm carried a superficial basal cell carcinoma, 1.0 x 0.8 cm.\n\n" +
		"At the right nasal dorsum the first stage was divided into four blocks, all clear. At the left cheek the first stage was taken as two blocks, both clear. At the right dorsal forearm the first stage was taken as three blocks, all clear.\n\n"
	for _, tt := range []struct{ name, src, want string }{
		{"§3 a repair of lesion 1 under lesion 2's label", "Date: 2026-11-20\n\nLesion 1: left cheek\nStage 1: 2 blocks; margins: clear\n\nLesion 2: right dorsal forearm\nStage 1: 2 blocks; margins: clear\nThe left cheek defect was closed after tumor clearance with a complex repair, 3.2 cm long.\n", "0,0"},
		{"§3 'After tumor clearance at each site, the right nasal dorsum was repaired …'", threeSites +
			"REPAIRS. After tumor clearance at each site, the right nasal dorsum was repaired with an intermediate layered repair, 2.0 cm long. After tumor clearance, the left cheek was closed with a complex repair, 3.2 cm long. After tumor clearance, the right dorsal forearm was closed with a simple repair, 2.4 cm long.\n", "1,1,1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, repairs(mustLower(t, tt.src)))
		})
	}
}

// TestFinalDefectsBySite: a line of each lesion's final defect by its site
// ("FINAL DEFECTS. Right nasal dorsum 1.5 x 1.2 cm; left cheek 1.9 x 1.5
// cm.") gives each lesion its defect (CODING-RULES §3: a flap's primary
// defect); a part that names no lesion's site gives none of them.
func TestFinalDefectsBySite(t *testing.T) {
	const head = "Date of service: 11/18/2026\n\nTwo biopsy-proven tumors were treated today. The right nasal dorsum carried a nodular basal cell carcinoma, 0.8 x 0.7 cm. The left cheek carried a squamous cell carcinoma in situ, 1.3 x 1.0 cm.\n\n" +
		"At the right nasal dorsum the first stage was divided into four blocks, all clear. At the left cheek the first stage was taken as two blocks, both clear.\n\n"
	defects := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(les.FinalDefect.Dims))
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§3 defects by site", head + "FINAL DEFECTS. Right nasal dorsum 1.5 x 1.2 cm; left cheek 1.9 x 1.5 cm.\n", "[1.5 1.2],[1.9 1.5]"},
		{"§3 a part of no lesion's site: none", head + "FINAL DEFECTS. Right nasal dorsum 1.5 x 1.2 cm; right shin 1.9 x 1.5 cm.\n", "[],[]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, defects(mustLower(t, tt.src)))
		})
	}
}
