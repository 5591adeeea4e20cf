package lower_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/model"
)

// lesionOutline is each lesion's site, then "ambiguous" for a lesion that
// gets no Mohs line, else its stages' block counts and its repairs with
// their lengths: "left medial cheek 3,1 [intermediate layered repair
// [2.8]]; right dorsal forearm 4 [complex …]".
func lesionOutline(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		if les.Ambiguous.Present() {
			out = append(out, les.Site.Text.Value+" ambiguous")
			continue
		}
		var blocks []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		s := les.Site.Text.Value + " " + strings.Join(blocks, ",")
		for _, r := range les.Repairs {
			s += fmt.Sprintf(" [%s %v]", strings.TrimSpace(r.Type.Value+" "+r.Value.Value), r.Length.Dims)
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// TestSiteOpensLesion: a dictation without lesion labels that names tumors
// at two sites before its stages, then tells each site's stages in a
// sentence that names the site ("The cheek was addressed first. The first
// stage …", "The first stage from the forearm …"), is read as two lesions,
// each with its own stages and the repair its sentence names (CODING-RULES
// §1: stages are counted per lesion; §2: each lesion is its own Mohs
// procedure); a stage sentence that goes back to a site already left and
// names it is that site's. A first stage that names no site splits
// nothing: the note stays one ambiguous lesion with no Mohs line (never
// guess whose stages they are).
func TestSiteOpensLesion(t *testing.T) {
	const intro = "Date of service: 05/04/2026\n\nThe patient has two biopsy-proven skin cancers. The first is a nodular basal cell carcinoma of the left medial cheek, 1.0 x 0.8 cm. The second is a squamous cell carcinoma of the right dorsal forearm, 1.4 x 1.2 cm.\n\n"
	const repairs = "\nAfter tumor clearance at both sites the wounds were repaired. The forearm defect was closed with a complex layered repair, 4.2 cm in length. The cheek defect was closed with an intermediate layered repair, 2.8 cm in length.\n"
	runProseCases(t, []proseCase{
		{"§1 stages per lesion: an opening sentence names the site, the next tells the stage",
			intro + "The cheek was addressed first. The first stage was divided into three blocks; block 2 was positive at the deep margin. A second stage of one block was clear.\n\nThe first stage from the forearm was divided into four blocks, all clear.\n" + repairs,
			lesionOutline, "left medial cheek 3,1 [intermediate layered repair [2.8]]; right dorsal forearm 4 [complex layered repair [4.2]]"},
		{"§1 stages per lesion: a tumor of the past is no lesion of today",
			strings.Replace(intro, "1.4 x 1.2 cm.", "1.4 x 1.2 cm. He also has a history of a melanoma of the left upper back, excised in 2019.", 1) +
				"The cheek was addressed first. The first stage was divided into three blocks; block 2 was positive at the deep margin. A second stage of one block was clear.\n\nThe first stage from the forearm was divided into four blocks, all clear.\n",
			lesionOutline, "left medial cheek 3,1; right dorsal forearm 4"},
		{"§1 stages per lesion: consecutive lines, a site by its region word ('nose') and adjective ('alar')",
			"Date of service: 05/05/2026\n\nTwo tumors were treated today: a basal cell carcinoma of the right nasal ala and a squamous cell carcinoma of the left dorsal hand.\n\n" +
				"The nose was treated first: one stage of two blocks, both clear.\nThe hand's first stage was divided into three blocks; block 3 was positive. A second stage of one block was clear.\n\n" +
				"Repairs were done after tumor clearance. The alar defect was closed with a complex repair, 1.8 cm. The hand defect was closed with a simple single-layer repair, 2.0 cm.\n",
			lesionOutline, "right nasal ala 2 [complex repair [1.8]]; left dorsal hand 3,1 [simple single-layer repair [2]]"},
		{"§1 stages per lesion: 'At the chin, …' and one repair sentence naming both sites (§3)",
			"Date: 05/18/2026\n\nMohs surgery was performed today on two sites. The first is an infiltrative basal cell carcinoma of the chin. The second is a squamous cell carcinoma of the right anterior thigh.\n\n" +
				"At the chin, the first stage comprised three blocks: tumor reached the inferior margin of block 3. A second stage of one block was clear.\n\n" +
				"At the thigh, the first stage comprised two blocks, both clear.\n\n" +
				"After tumor clearance, the chin defect was closed with a complex repair 1.0 cm in length, and the thigh defect with a simple repair 4.5 cm in length.\n",
			lesionOutline, "chin 3,1 [complex repair [1]]; right anterior thigh 2 [simple repair [4.5]]"},
		{"§1 stages per lesion: 'Hand, Stage 1, …' after 'The second, on the right lateral knee, was …'",
			"Date: 05/20/2026\n\nThe patient presented for Mohs surgery of two biopsy-proven skin cancers.\n\n" +
				"The first lesion, on the left dorsal hand, was a squamous cell carcinoma measuring 1.5 x 1.3 cm. The second, on the right lateral knee, was a nodular basal cell carcinoma measuring 1.1 x 0.9 cm.\n\n" +
				"Hand, Stage 1, three blocks: tumor at the deep margin of block 1. Hand, Stage 2, two blocks: clear.\n\nKnee, Stage 1, two blocks: both blocks clear.\n",
			lesionOutline, "left dorsal hand 3,2; right lateral knee 2"},
		{"§1 stages per lesion: 'We began with …' and 'Attention was then turned to the right dorsal forearm.'",
			"Date: 05/05/2026\n\nThe patient presents for Mohs surgery of two biopsy-proven skin cancers: a nodular basal cell carcinoma of the left nasal ala and a squamous cell carcinoma of the right dorsal forearm.\n\n" +
				"We began with the left nasal ala. Mohs was indicated for the nasal location. Pre-op size 0.8 x 0.7 cm. The first stage was divided into two blocks; block 2 was positive at the deep margin. The second stage of one block was clear.\n\n" +
				"Attention was then turned to the right dorsal forearm. Mohs was indicated because the tumor was recurrent. Pre-op size 1.4 x 1.2 cm. One stage of three blocks was taken and was clear.\n",
			lesionOutline, "left nasal ala 2,1; right dorsal forearm 3"},
		{"§1 stages per lesion: a numbered PROCEDURES summary of both tumors' stages opens neither; 'We started with …' and 'We then treated …' do",
			"DATE OF SERVICE: 04/13/2026\n\nPREOPERATIVE DIAGNOSES: 1. Basal cell carcinoma, nodular, right nasal ala. 2. Basal cell carcinoma, superficial, left preauricular cheek.\n" +
				"PROCEDURES: 1. Mohs micrographic surgery, right nasal ala, three stages, with full-thickness skin graft. 2. Mohs micrographic surgery, left preauricular cheek, one stage, with intermediate repair.\n\n" +
				"DESCRIPTION OF PROCEDURE: Each stage was drawn on a Mohs map. All frozen sections were interpreted by me.\n\n" +
				"We started with the right nasal ala. The first stage was divided into three blocks; tumor reached the deep margin of block one. The second stage was divided into two blocks; tumor persisted in block two. A third stage of one block was clear.\n\n" +
				"We then treated the left preauricular cheek. The single stage was divided into two blocks, and both blocks were clear.\n",
			lesionOutline, "right nasal ala 3,2,1; left preauricular cheek 2"},
		{"§1 stages per lesion: items under a PROCEDURES heading summarise every tumor, and a flap's 'first stage' under its site is no Mohs stage",
			"DATE OF SERVICE: 02/23/2026\n\nPREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, nodular, left nasal ala.\n2. Squamous cell carcinoma, well differentiated, right cheek.\n" +
				"PROCEDURES:\n1. Mohs micrographic surgery, left nasal ala, three stages, with first stage of a left melolabial interpolation flap.\n2. Mohs micrographic surgery, right cheek, one stage, with complex linear repair.\n\n" +
				"DESCRIPTION OF PROCEDURE: For each stage a Mohs map was drawn. I personally read all frozen sections from both sites.\n\n" +
				"Left nasal ala: The first stage was divided into four blocks; tumor extended to the deep margin of block 2. The second stage was divided into two blocks; tumor remained in block 1. The third stage was a single block and was clear.\n\n" +
				"Right cheek: The single stage was divided into three blocks, all clear.\n\n" +
				"RECONSTRUCTION:\nLeft nasal ala: After tumor clearance, we performed the first stage of a left melolabial interpolation flap.\n" +
				"Right cheek: After tumor clearance, a complex linear repair was performed; the final length was 4.2 cm.\n",
			lesionOutline, "left nasal ala 4,2,1 [interpolation flap []]; right cheek 3 [complex linear repair [4.2]]"},
		{"§1 stages per lesion: items under a PROCEDURES heading that name every tumor's stages open none",
			"DATE OF SERVICE: 02/23/2026\n\nPREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, nodular, left nasal ala.\n2. Squamous cell carcinoma, well differentiated, right cheek.\n" +
				"PROCEDURES:\n1. Mohs micrographic surgery, left nasal ala, three stages.\n2. Mohs micrographic surgery, right cheek, one stage.\n\n" +
				"Left nasal ala: The first stage was divided into four blocks; tumor extended to the deep margin of block 2. The second stage was divided into two blocks; tumor remained in block 1. The third stage was a single block and was clear.\n\n" +
				"Right cheek: The single stage was divided into three blocks, all clear.\n",
			lesionOutline, "Left nasal ala 4,2,1; Right cheek 3"},
		{"§1 stages per lesion: 'While the first stage of the nose was being processed, we took the first stage of the right forearm as two blocks' opens the forearm",
			"DATE OF SERVICE: 11/09/2026\n\nPREOPERATIVE DIAGNOSES: 1. Basal cell carcinoma, left nasal ala. 2. Squamous cell carcinoma, right dorsal forearm.\n\n" +
				"COURSE: The nose came first. The first stage of the left nasal ala was cut into three blocks. While the first stage of the nose was being processed, we took the first stage of the right forearm as two blocks.\n\n" +
				"The nasal slides were ready at 8:50: tumor reached the deep margin of block 2; blocks 1 and 3 were clear. I took a second stage from the left nasal ala, a single block.\n\n" +
				"The forearm sections came back at 9:10: both blocks were clear.\n\nReturning to the nose, the second stage of the left nasal ala was free of tumor.\n",
			lesionOutline, "left nasal ala 3,1; right dorsal forearm 2"},
		{"§1 stages: every stage sentence names its site, going back included",
			intro + "The first stage at the cheek was cut into two blocks; block 1 was positive.\nMeanwhile the forearm's first stage was divided into six blocks, all clear.\nReturning to the cheek, a second stage of one block was clear.\n",
			lesionOutline, "left medial cheek 2,1; right dorsal forearm 6"},
		{"§1 never guess: the first stage names no site",
			intro + "The first stage was divided into three blocks, all clear.\n\nThe first stage from the forearm was divided into four blocks, all clear.\n",
			lesionOutline, "left medial cheek ambiguous"},
	})
}

// TestUntreatedSiteIsNoSecondLesion: a site the prose says is not treated
// today ("will be treated with Mohs at a separate visit", "which showed an
// actinic keratosis", "no surgery was done there") is no second tumor of
// the lesion's prose, so its stages stay the lesion's (CODING-RULES §1);
// a second tumor the prose does not set aside still makes the lesion
// ambiguous (no Mohs line).
func TestUntreatedSiteIsNoSecondLesion(t *testing.T) {
	const stages = "\n\nThe first stage was cut into three blocks; block 1 was positive at the deep margin. The second stage of one block was clear.\n"
	runProseCases(t, []proseCase{
		{"§1 a tumor deferred to a separate visit",
			"Date: 06/05/2026\n\nShe was referred with two biopsy-proven skin cancers, a squamous cell carcinoma of the right dorsal forearm and a basal cell carcinoma of the left temple. Only the forearm tumor was treated today; the temple will be treated with Mohs at a separate visit." + stages,
			lesionOutline, "right dorsal forearm 3,1"},
		{"§1 another lesion biopsied, benign",
			"Date: 06/10/2026\n\nMohs surgery of an infiltrative basal cell carcinoma of the right upper back. At the biopsy visit a lesion of the left cheek was biopsied, which showed an actinic keratosis." + stages,
			lesionOutline, "right upper back 3,1"},
		{"§1 another lesion the patient would like checked",
			"Date: 09/24/2026\nSite: right preauricular\n\nHPI: a pearly, bleeding papule of the right preauricular skin. She also has a pink scaly papule on the left shin that she would like checked.\n\nEXAM: 5 mm pink scaly papule on the left shin." + stages,
			lesionOutline, "right preauricular 3,1"},
		{"§1 another lesion the patient asked to 'be checked today'",
			"Date: 10/14/2026\nLocation: Right medial cheek\n\nHPI: a non-healing papule of the right medial cheek, present about 1 year. He also asked that a scaly papule on the left upper arm be checked today." + stages,
			lesionOutline, "Right medial cheek 3,1"},
		{"§1 another tumor 'which is not being treated today'",
			"Date: 09/24/2026\nSite: right temple\n\nHPI: referred for Mohs surgery of a squamous cell carcinoma of the right temple. He also carries a biopsy-proven basal cell carcinoma of the left dorsal hand (punch biopsy 08/25/2026), which is not being treated today." + stages,
			lesionOutline, "right temple 3,1"},
		{"§1 another tumor '…, sampled the same day, for which she will return separately'",
			"Date: 10/01/2026\n\nShe returns for Mohs surgery of a basal cell carcinoma of the left temple. She also has a biopsy-proven superficial basal cell carcinoma of the right forearm, sampled the same day, for which she will return separately." + stages,
			lesionOutline, "left temple 3,1"},
		{"§1 never guess: a second tumor not set aside",
			"Date: 06/05/2026\n\nShe has two biopsy-proven skin cancers, a squamous cell carcinoma of the right dorsal forearm and a basal cell carcinoma of the left temple." + stages,
			lesionOutline, "right dorsal forearm ambiguous"},
	})
}

// TestSharedDiagnosisGivesSide: a lesion opened by a site without its side
// ("Eyelid: the first stage …") takes the site in full from the diagnosis
// that names it before the lesions ("a nodular basal cell carcinoma of the
// right lower eyelid"), so its ICD-10-CM code has its side (CODING-RULES
// §9: laterality-missing only when the note states no side).
func TestSharedDiagnosisGivesSide(t *testing.T) {
	const note = "Date: 05/13/2026\n\nThe patient has two biopsy-proven cancers. The first is a nodular basal cell carcinoma of the right lower eyelid, 0.6 x 0.5 cm. The second is an invasive squamous cell carcinoma of the left posterior shoulder, 1.8 x 1.5 cm.\n\n" +
		"Eyelid: the first stage was divided into two blocks, both clear.\n\nShoulder: one stage of three blocks, all clear.\n"
	runProseCases(t, []proseCase{
		{"§9 laterality: the side from the shared diagnosis", note, lesionOutline, "right lower eyelid 2; left posterior shoulder 3"},
	})
}

// TestNumberedSentenceTakesItsParagraph: below lesions a list opens, a
// paragraph that opens with a lesion's number ("The first lesion, on the
// left dorsal hand, measured …") is that lesion's, sentences after it
// included, until a sentence names another lesion (CODING-RULES §1: each
// lesion's stages are its own; two lesions' stages are never merged).
func TestNumberedSentenceTakesItsParagraph(t *testing.T) {
	const note = "DATE OF SERVICE: 06/12/2026\n\nPREOPERATIVE DIAGNOSES:\n1. Left dorsal hand – squamous cell carcinoma.\n2. Right dorsal foot – basal cell carcinoma.\n\nDESCRIPTION OF PROCEDURE:\n" +
		"I read every frozen section myself.\n\n" +
		"The first lesion, on the left dorsal hand, measured 1.3 x 1.0 cm. The first stage was divided into two blocks; block one was positive at the deep margin. A second stage of one block was clear.\n\n" +
		"The second lesion, on the right dorsal foot, measured 1.0 x 0.9 cm. The first stage was divided into three blocks, all clear.\n"
	runProseCases(t, []proseCase{
		{"§1 stages per lesion: a numbered paragraph below the list", note, lesionOutline, "Left dorsal hand 2,1; Right dorsal foot 3"},
	})
}

// TestSiteParagraphRepairs: in a dictation whose paragraphs open with
// their sites, a repairs paragraph gives each lesion the sentences that
// name its defect, the sentence after one included ("The donor site was
// closed primarily"), and the lead clause of its first sentence ("After
// clearance,") to every repair after it (CODING-RULES §3: the repair's
// site group is its lesion's; repair-timing-undocumented otherwise).
func TestSiteParagraphRepairs(t *testing.T) {
	const note = "Date: 05/13/2026\n\nThe first is a nodular basal cell carcinoma of the right lower eyelid. The second is an invasive squamous cell carcinoma of the left posterior shoulder.\n\n" +
		"Eyelid: the first stage was divided into two blocks, both clear.\n\nShoulder: one stage of three blocks, all clear.\n\n" +
		"After clearance, the eyelid defect (1.2 x 1.0 cm) was repaired with a full-thickness skin graft; graft recipient area 1.2 x 1.0 cm. The donor site was closed primarily. The shoulder defect (2.6 x 2.2 cm) was closed with a complex layered repair, 5.5 cm.\n"
	repairs := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out = append(out, fmt.Sprintf("%s: %s area=%v length=%v timed=%v", les.Site.Text.Value, r.Value.Value, r.Area.Dims, r.Length.Dims, r.Timing.Present()))
			}
		}
		return strings.Join(out, "; ")
	}
	const after = "Date: 05/13/2026\n\nToday's two tumors are a squamous cell carcinoma of the right forehead and a basal cell carcinoma of the left nasal dorsum.\n\n" +
		"The right forehead: one stage of two blocks, both clear.\n\nThe left nasal dorsum: one stage of three blocks, all clear.\n\n" +
		"After tumor clearance, both wounds were closed in layers: an intermediate repair of 2.5 cm on the forehead and an intermediate repair of 3.0 cm on the nose.\n"
	runProseCases(t, []proseCase{
		{"§3 each site after its repair ('a repair of 2.5 cm on the forehead and …')", after, repairs,
			"right forehead: intermediate repair area=[] length=[2.5] timed=true; left nasal dorsum: intermediate repair area=[] length=[3] timed=true"},
		{"§3 each site's defect, with the lead's timing", note, repairs,
			"right lower eyelid: full-thickness skin graft area=[1.2 1] length=[] timed=true; left posterior shoulder: complex layered repair area=[] length=[5.5] timed=true"},
	})
}

// TestOrdinalOpensLesion: a paragraph that opens with an ordinal and a
// comma and names a tumor at a site ("Second, a well-differentiated
// squamous cell carcinoma of the right temple …") opens that lesion, its
// stages its own (CODING-RULES §1, §2); an ordinal that opens a step
// ("Second, local anesthesia was given.") opens nothing.
func TestOrdinalOpensLesion(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§1 stages per lesion: 'First, a … of the left lower eyelid' / 'Second, a … of the right temple'",
			"Date: 05/20/2026\n\nTwo biopsy-proven tumors were treated today.\n\n" +
				"First, a nodular basal cell carcinoma of the left lower eyelid, 0.6 x 0.5 cm. Stage 1 consisted of two blocks, block 1 positive at the deep margin. Stage 2, one block: clear.\n\n" +
				"Second, a squamous cell carcinoma of the right temple, 1.1 x 0.9 cm. Stage 1, three blocks: all margins clear.\n",
			lesionOutline, "left lower eyelid 2,1; right temple 3"},
		{"§1 stages per lesion: 'First, the left parietal scalp.' / 'Second, the right anterior thigh: …'",
			"Date: 06/24/2026\n\nI performed Mohs surgery on two tumors today.\n\n" +
				"First, the left parietal scalp. This is a moderately differentiated squamous cell carcinoma. Stage I was cut into two blocks, block 1 positive. Stage II, one block, was clear.\n\n" +
				"Second, the right anterior thigh: a nodular basal cell carcinoma. Stage I was cut into three blocks, all clear.\n",
			lesionOutline, "left parietal scalp 2,1; right anterior thigh 3"},
		{"§1 an ordinal that opens a step opens no lesion",
			"Date: 05/20/2026\n\nMohs surgery of a basal cell carcinoma of the left lower eyelid.\n\n" +
				"First, the area was prepped and draped. Second, local anesthesia was given. Stage 1 consisted of two blocks, both clear.\n",
			lesionOutline, "left lower eyelid 2"},
	})
}

// TestHeadingNamesLesions: under a list of lesions, a heading that names
// one lesion's site ("Left lower back:") heads that lesion's stages; a log
// heading that names two ("Frozen-section log, cheek and temple:") lists
// stages of no one lesion, so both are ambiguous (no Mohs line) and the
// last listed lesion never takes them (CODING-RULES §1, never guess).
// Site lines that follow one another ("Scalp: the first stage …" /
// "Shoulder: first stage …") each open their lesion.
func TestHeadingNamesLesions(t *testing.T) {
	const list = "Date: 06/22/2026\n\nLesions treated today:\n1. Left cheek — basal cell carcinoma, nodular.\n2. Right temple — squamous cell carcinoma.\n3. Left lower back — basal cell carcinoma, superficial.\n\n"
	runProseCases(t, []proseCase{
		{"§1 a log of two lesions' stages, then one lesion's",
			list + "Frozen-section log, cheek and temple (processed together):\nStage 1: 3 blocks; all margins clear\nStage 1: 2 blocks; block 2 positive (deep)\nStage 2: 1 block; clear\n\nLeft lower back:\nStage 1: 3 blocks; all margins clear\n",
			lesionOutline, "Left cheek ambiguous; Right temple ambiguous; Left lower back 3"},
		{"§1 site lines one under another",
			"Date: 06/09/2026\n\nHistory: four biopsy-proven tumors: (1) nodular basal cell carcinoma of the left occipital scalp; (2) squamous cell carcinoma of the right posterior shoulder.\n\n" +
				"Scalp: the first stage was divided into three blocks, all clear.\nShoulder: first stage of two blocks, positive at the deep margin of block 2; second stage of one block, clear.\n",
			lesionOutline, "left occipital scalp 3; right posterior shoulder 2,1"},
	})
}

// TestNumberedDiagnosesOfTwoSites: a diagnosis field that numbers tumors at
// two sites ("1. Basal cell carcinoma, …, left nasal sidewall. 2. Squamous
// cell carcinoma in situ, right lateral neck.") speaks of two lesions: the
// sentences that open each site's stages ("The nose was treated first. A
// Mohs map was drawn. The first stage …", "The neck followed. …") open
// them; with no such sentence the note's one lesion is ambiguous, never
// the two tumors' stages merged (CODING-RULES §1).
func TestNumberedDiagnosesOfTwoSites(t *testing.T) {
	const head = "Date: June 2, 2026\n\nPREOPERATIVE DIAGNOSES: 1. Basal cell carcinoma, nodular, left nasal sidewall (biopsy 05/04/2026). 2. Squamous cell carcinoma in situ, right lateral neck (biopsy 05/04/2026).\n\n"
	runProseCases(t, []proseCase{
		{"§1 each site's sentences open its lesion",
			head + "PROCEDURE: The nose was treated first. A Mohs map was drawn. The first stage was divided into three blocks, positive at the deep margin of block 1. The second stage, two blocks, was clear.\n\nThe neck followed. A Mohs map was drawn. The first stage was divided into two blocks, and all margins were clear.\n",
			lesionOutline, "left nasal sidewall 3,2; right lateral neck 2"},
		{"§1 diagnosis: an indication that names the tumors by no site ('… lesion … showed squamous cell carcinoma in situ') leaves each numbered diagnosis its lesion's",
			"Date: June 2, 2026\n\nPREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, nodular, left medial cheek.\n2. Squamous cell carcinoma in situ, right dorsal forearm.\n\n" +
				"INDICATIONS:\nThe left medial cheek lesion was shave biopsied on 02/16/2026 and showed nodular basal cell carcinoma. The right dorsal forearm lesion was shave biopsied the same day and showed squamous cell carcinoma in situ.\n\n" +
				"Tumor 1 - left medial cheek. The first stage was divided into two blocks, clear.\n\nTumor 2 - right dorsal forearm. The single stage was divided into three blocks. There was full-thickness keratinocyte atypia, without invasion. All three blocks were clear.\n",
			perLesion(func(les model.Lesion) string { return les.Diagnosis.Value }), "Basal cell carcinoma; Squamous cell carcinoma in situ"},
		{"§1 diagnosis: the lesions told again in their order after the numbered list leave each its diagnosis",
			"Date: June 2, 2026\n\nPREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, nodular, right nasal dorsum.\n2. Squamous cell carcinoma in situ, crown of scalp.\n\n" +
				"INDICATIONS: He has two biopsy-proven tumors: nodular basal cell carcinoma of the right nasal dorsum, and squamous cell carcinoma in situ of the crown of the scalp.\n\n" +
				"Right nasal dorsum: The first stage was divided into three blocks, all clear.\n\nCrown of scalp: The single stage was divided into three blocks. Full-thickness keratinocyte atypia was present, without invasion. All three blocks were clear.\n",
			perLesion(func(les model.Lesion) string { return les.Diagnosis.Value }), "Basal cell carcinoma; Squamous cell carcinoma in situ"},
		{"§1 never guess: stages of no site under two numbered diagnoses",
			head + "PROCEDURE: A Mohs map was drawn. The first stage was divided into three blocks, positive at the deep margin of block 1. The second stage, two blocks, was clear.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), n.Lesions[0].Ambiguous.Present()) }, "1 true"},
	})
}

// TestLabelThenDictation: a lesion label whose site ends in a full stop
// before the lesion's dictation on the same line ("Lesion 2, right
// cheek.<TAB>Nodular basal cell carcinoma, … The first stage of two blocks
// was clear. Final defect 1.2 x 1.0 cm, closed after tumor clearance with
// an intermediate layered repair of 2.0 cm.") opens the lesion at that
// site and reads the dictation as its prose, the repair in the final
// defect's sentence included (CODING-RULES §1, §3).
func TestLabelThenDictation(t *testing.T) {
	const note = "Date of service:\t06/11/2026\n\n" +
		"Lesion 1, left upper back.\tMelanoma in situ, 1.6 x 1.3 cm. The first stage was divided into four blocks, block 2 positive. The second stage of two blocks was clear. The defect was closed with a complex layered repair, 6.0 cm.\n\n" +
		"Lesion 2, right cheek.\tNodular basal cell carcinoma, 0.8 x 0.7 cm. The first stage of two blocks was clear. Final defect 1.2 x 1.0 cm, closed after tumor clearance with an intermediate layered repair of 2.0 cm.\n"
	runProseCases(t, []proseCase{
		{"§1 the label's site, its dictation the lesion's", note, lesionOutline,
			"left upper back 4,2 [complex layered repair [6]]; right cheek 2 [intermediate layered repair [2]]"},
	})
}

// TestSiteParenthesis: the parenthesis right after each tumor's site in the
// prose before the lesions gives that lesion its size and the reason Mohs
// was chosen ("… of the left nasal ala (0.7 × 0.6 cm; nasal location,
// H-zone), … of the right chin (1.0 × 0.9 cm; recurrent after
// curettage)"): CODING-RULES §1 size-missing and indication-missing are
// answered lesion by lesion.
func TestSiteParenthesis(t *testing.T) {
	const note = "Date of service: 06/08/2026\n\nIndications and history — two biopsy-proven tumors: nodular basal cell carcinoma of the left nasal ala (0.7 × 0.6 cm; nasal location, H-zone) and nodular basal cell carcinoma of the right chin (1.0 × 0.9 cm; recurrent after curettage).\n\n" +
		"Left nasal ala — the first stage, two blocks, was clear.\n\nRight chin — the first stage of three blocks was clear.\n"
	facts := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%s %v %q", les.Site.Text.Value, les.Size.Dims, les.Indication.Value))
		}
		return strings.Join(out, "; ")
	}
	runProseCases(t, []proseCase{
		{"§1 size and indication from each site's parenthesis", note, facts,
			`left nasal ala [0.7 0.6] "nasal location, H-zone"; right chin [1 0.9] "recurrent after curettage"`},
	})
}

// TestRepairsBySite: a repairs field of a note with several lesions whose
// value names each site before its repair ("right helix, complex repair
// 2.8 cm; left cheek, complex repair 3.0 cm; left shoulder, intermediate
// layered repair 4.0 cm") gives each lesion its own repair (CODING-RULES
// §3: the repair's site group is its lesion's), never all of them the last.
func TestRepairsBySite(t *testing.T) {
	const note = "Date: 06/03/2026\n\nThe patient has three biopsy-proven tumors: a basal cell carcinoma of the right helix, a squamous cell carcinoma of the left cheek and a basal cell carcinoma of the left shoulder.\n\n" +
		"RIGHT HELIX. The first stage of two blocks was clear.\n\nLEFT CHEEK. The first stage was divided into four blocks, all clear.\n\nLEFT SHOULDER. The first stage of three blocks was clear.\n\n" +
		"Repairs after tumor clearance: right helix, complex repair 2.8 cm; left cheek, complex repair 3.0 cm; left shoulder, intermediate layered repair 4.0 cm.\n"
	runProseCases(t, []proseCase{
		{"§3 each site's repair", note, lesionOutline,
			"RIGHT HELIX 2 [complex repair 2.8 cm []]; LEFT CHEEK 4 [complex repair 3.0 cm []]; LEFT SHOULDER 3 [intermediate layered repair 4.0 cm. []]"},
	})
}

// TestTurnedToNextSite: after a labelled lesion ("FIRST SITE: RIGHT NASAL
// SIDEWALL."), a sentence that turns to the next one ("ATTENTION WAS THEN
// TURNED TO THE SECOND SITE: LEFT LOWER NECK.") opens it at the site after
// its colon, so the stages under it are its own, never a third stage of
// the first lesion (CODING-RULES §1, §2); so do "The first site is the
// right nasal ala." and "… turned to the second site, the left medial
// cheek." in a dictation.
func TestTurnedToNextSite(t *testing.T) {
	const note = "DATE OF SERVICE: 05/04/2026\n\nFIRST SITE: RIGHT NASAL SIDEWALL. NODULAR BASAL CELL CARCINOMA.\nSTAGE 1: 3 BLOCKS. BLOCK 3 POSITIVE.\nSTAGE 2: 1 BLOCK, CLEAR.\n\n" +
		"ATTENTION WAS THEN TURNED TO THE SECOND SITE: LEFT LOWER NECK. SQUAMOUS CELL CARCINOMA IN SITU.\nSTAGE 1: 4 BLOCKS, ALL CLEAR.\n"
	runProseCases(t, []proseCase{
		{"§1 the second site's stages are its own", note, lesionOutline, "RIGHT NASAL SIDEWALL 3,1; LEFT LOWER NECK 4"},
		{"§1 'The first site is …' and '… turned to the second site, the left medial cheek.' open both lesions",
			"Date of surgery: 03/09/2026\n\nMohs surgery of two biopsy-proven basal cell carcinomas.\n\n" +
				"The first site is the right nasal ala. The first stage was divided into three blocks; block 2 showed tumor at the deep margin. A second stage was processed as two blocks, both free of tumor.\n\n" +
				"Attention was then turned to the second site, the left medial cheek. The first stage was divided into two blocks, and both blocks were clear of tumor.\n",
			lesionOutline, "right nasal ala 3,2; left medial cheek 2"},
		{"§1 'Procedure: First, the left flank. …' opens the first of the lesions 'Next, …' and 'Finally, …' go on with",
			"Date of service: June 4, 2026\n\nHPI: three biopsy proven skin cancers referred for Mohs.\n\n" +
				"Procedure: First, the left flank. Superficial basal cell carcinoma. Stage one was divided into six blocks; block 2 was positive. Stage two, one block, was clear.\n\n" +
				"Next, the right thigh. Squamous cell carcinoma in situ. Stage one was divided into two blocks, both clear.\n\n" +
				"Finally, the left upper arm. Nodular basal cell carcinoma. Stage one was divided into three blocks, all clear.\n",
			lesionOutline, "left flank 6,1; right thigh 2; left upper arm 3"},
		{"§1 an intro of two tumors joined by 'and a', a first paragraph that names its site with its tumor, the region 'on the face' no third site",
			"Date of service: 06/22/2026\n\nShe presents for Mohs surgery of a melanoma in situ, lentigo maligna type, of the left cheek (biopsy 05/26/2026) and a nodular basal cell carcinoma of the right upper arm (biopsy 05/26/2026).\n\n" +
				"The left cheek lentigo maligna measured 1.8 x 1.5 cm. Mohs was indicated for melanoma in situ on the face with poorly defined margins. The first stage was divided into three blocks; block 2 was positive at the lateral margin. The second stage was divided into two blocks, both clear.\n\n" +
				"Attention was then turned to the right upper arm. The basal cell carcinoma measured 1.1 x 0.9 cm. The first stage was divided into three blocks, all clear.\n",
			lesionOutline, "left cheek 3,2; right upper arm 3"},
		{"§1 paragraphs that open 'Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm.' open a lesion each ('here for Mohs of two tumors')",
			"Date: 03/27/2026\n\nHe is here for Mohs of two tumors biopsied on 03/06/2026.\n\n" +
				"Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm. Map drawn. The first stage was divided into three blocks, and all margins were clear.\n\n" +
				"Posterior neck, squamous cell carcinoma, well differentiated, 1.0 x 0.9 cm. The first stage was divided into two blocks; block 1 had tumor at the deep margin. The second stage, one block, was clear.\n",
			lesionOutline, "Left parietal scalp 3; Posterior neck 2,1"},
		{"§1 'presents for three tumors', 'Our first site was the left nasal ala: …', a past tumor '(Mohs 2022)' no site of today",
			"Date: 04/07/2026\n\nHe has a prior history of basal cell carcinoma of the chest (excised 2014) and squamous cell carcinoma of the left ear (Mohs 2022), and presents for three tumors, all biopsied on 03/18/2026.\n\n" +
				"Our first site was the left nasal ala: squamous cell carcinoma in situ, 0.6 x 0.5 cm. Stage 1 was processed as 2 blocks; both were clear.\n\n" +
				"Our second site was the right temple, a basal cell carcinoma of 1.2 x 1.0 cm. Stage 1 was processed as 3 blocks with tumor at the superior margin of block 1. Stage 2 was processed as 1 block and was clear.\n\n" +
				"Our third site was the left lower back, a superficial basal cell carcinoma of 1.8 x 1.5 cm. Stage 1 was processed as 4 blocks, all clear.\n",
			lesionOutline, "left nasal ala 2; right temple 3,1; left lower back 4"},
		{"§1 'Left lower cutaneous lip: …' then 'We then addressed the chin (midline mental crease), a nodular …'",
			"Date of service: 04/03/2026\n\nIndications: She presents with two biopsy-proven tumors (biopsies 03/16/2026).\n\n" +
				"Left lower cutaneous lip: squamous cell carcinoma, 1.0 x 0.8 cm. Stage 1 was divided into 3 blocks; block 2 was positive at the inferior margin. Stage 2, 2 blocks, clear.\n\n" +
				"We then addressed the chin (midline mental crease), a nodular basal cell carcinoma of 0.9 x 0.7 cm. Stage 1 was divided into 2 blocks, clear.\n",
			lesionOutline, "Left lower cutaneous lip 3,2; chin (midline mental crease) 2"},
		{"§1 'The tumor on the right superior helix was …', 'The tumor in the left conchal bowl was …' open a lesion each",
			"Date: 04/02/2026\n\nHe underwent Mohs surgery today for two biopsy-proven basal cell carcinomas, one on each ear.\n\n" +
				"The tumor on the right superior helix was a nodular basal cell carcinoma measuring 0.8 x 0.6 cm. The first stage was divided into 2 blocks; block 1 was positive at the deep margin. The second stage, one block, was clear.\n\n" +
				"The tumor in the left conchal bowl was an infiltrative basal cell carcinoma measuring 0.9 x 0.8 cm. The first stage was divided into 3 blocks, all free of tumor.\n",
			lesionOutline, "right superior helix 2,1; left conchal bowl 3"},
		{"§1 'Squamous cell carcinoma in situ, right dorsal hand, …' and 'Invasive squamous cell carcinoma, …, right dorsal forearm (…)' open a lesion each",
			"Date: 03/19/2026\n\nHe presents for treatment of two cutaneous squamous neoplasms.\n\n" +
				"Squamous cell carcinoma in situ, right dorsal hand, overlying the 3rd metacarpal (shave biopsy 03/02/2026). The first stage was processed in 2 blocks; block 1 was positive at the radial margin. The second stage, one block, was clear.\n\n" +
				"Invasive squamous cell carcinoma, moderately differentiated, right dorsal forearm (shave biopsy 03/02/2026). Stage one was processed as 3 blocks, all negative.\n",
			lesionOutline, "right dorsal hand 2,1; right dorsal forearm 3"},
		{"§1 'Squamous cell carcinoma, well differentiated, of the right shin (pretibial), …' and '… in situ of the left dorsal foot, …' open a lesion each",
			"Date: 03/31/2026\n\nTwo biopsy-proven tumors today.\n\n" +
				"Squamous cell carcinoma, well differentiated, of the right shin (pretibial), 2.0 x 1.7 cm. First stage: 3 blocks, tumor at the deep margin of block 2. Second stage: 1 block, clear.\n\n" +
				"Squamous cell carcinoma in situ of the left dorsal foot, 1.1 x 0.9 cm; Mohs for a foot location. First stage: 2 blocks, clear.\n",
			lesionOutline, "right shin 3,1; left dorsal foot 2"},
		{"§1 'Regarding the left preauricular tumor, a …' and 'For the right cheek tumor, a …' name their sites, not 'Regarding the … tumor'",
			"Date: 05/07/2026\n\nHistory: SCC of the right temple in 2014, all treated successfully. Both current tumors were biopsied on 04/14/2026.\n\n" +
				"Regarding the left preauricular tumor, a well-differentiated squamous cell carcinoma measuring 1.0 x 0.9 cm, Mohs was indicated for its facial location. Stage 1 was divided into 3 blocks, all clear.\n\n" +
				"For the right cheek tumor, a nodular basal cell carcinoma of 0.9 x 0.8 cm, Mohs was chosen for its facial location. Stage 1 was divided into 2 blocks; block 1 was positive at the deep margin. Stage 2, 1 block, was clear.\n",
			lesionOutline, "left preauricular 3; right cheek 2,1"},
		{"§1 'Regarding the nasal tip tumor: micronodular BCC, … Stage I, 4 blocks: …' as a key and its value opens a lesion",
			"Date: 05/12/2026\n\nTwo biopsy-proven tumors were treated today.\n\n" +
				"Regarding the nasal tip tumor: micronodular BCC, 1.0 x 0.9 cm. Stage I, 4 blocks: tumor at the deep margin of blocks 2 and 3. Stage II, 2 blocks: clear.\n\n" +
				"Regarding the left conchal bowl tumor: nodular BCC, 0.8 x 0.7 cm. Stage I, 3 blocks: all margins clear.\n",
			lesionOutline, "nasal tip 4,2; left conchal bowl 3"},
		{"§1 list items '(a) Right dorsal thumb, over the interphalangeal joint. … Stage 1: 2 blocks; …' open a lesion each",
			"Date of service: 04/28/2026\n\nHistory: two biopsy-proven tumors of the extremities today.\n\n" +
				"(a) Right dorsal thumb, over the interphalangeal joint. Well-differentiated SCC, 1.0 x 0.8 cm. Stage 1: 2 blocks; block 2 positive at the deep margin. Stage 2: 1 block, clear.\n\n" +
				"(b) Left dorsal foot. Nodular BCC, 0.9 x 0.8 cm. Stage 1: 3 blocks, all margins clear.\n",
			lesionOutline, "Right dorsal thumb 2,1; Left dorsal foot 3"},
		{"§1 §9 'We started with the foot: …, left dorsal foot, …; One stage of 3 blocks, all clear.' opens a lesion at the left dorsal foot with its one stage",
			"Date of service: 4/8/2026\n\nThree biopsy-proven tumors of the lower extremities, all biopsied 03/17/2026.\n\n" +
				"We started with the foot: squamous cell carcinoma, well differentiated, left dorsal foot, 1.2 x 1.0 cm; indication: foot location, immunosuppression. One stage of 3 blocks, all clear.\n\n" +
				"The thigh: nodular basal cell carcinoma, right anterior thigh, 1.4 x 1.2 cm. One stage of 2 blocks, clear.\n\n" +
				"Last, the shin: SCC in situ, left pretibial shin, 1.5 x 1.3 cm. Stage 1: 2 blocks, block 2 positive at the inferior margin. Stage 2: 1 block, clear.\n",
			lesionOutline, "left dorsal foot 3; right anterior thigh 2; left pretibial shin 2,1"},
		{"§1 'has two biopsy-proven tumors', 'The left nasal ala first: …' and 'The other tumor was a … of the right upper arm, …' (the arm had taken the ala's stages: 17313 and 13120 for 17311 and 13151)",
			"Date: 04/13/2026\n\nMr. K., 79, has two biopsy-proven tumors (biopsies 03/23/2026). Previous SCC of the scalp in 2019.\n\n" +
				"The left nasal ala first: nodular BCC, 0.7 x 0.6 cm. Stage 1: 2 blocks, block 2 positive at the deep margin. Stage 2: 1 block, clear.\n\n" +
				"The other tumor was a well-differentiated SCC of the right upper arm, 1.5 x 1.2 cm. The first stage was divided into 3 blocks, all clear.\n",
			lesionOutline, "left nasal ala 2,1; right upper arm 3"},
		{"§1 'Past hx: BCC right nasal ala 2012 (Mohs), …', 'Lesion on the right lower eyelid - …' and 'Next, the left malar cheek - …' (the old ala tumor had been the lesion's site, both tumors one lesion)",
			"Date: 03/30/2026\n\nCC: two biopsy-proven skin cancers (both biopsied 03/12/2026). Past hx: BCC right nasal ala 2012 (Mohs), SCC left hand 2018.\n\n" +
				"Lesion on the right lower eyelid - nodular basal cell carcinoma, 0.6 x 0.5 cm. Stage 1 was divided into 3 blocks; block 2 was positive. Stage 2 was 1 block, clear.\n\n" +
				"Next, the left malar cheek - squamous cell carcinoma, well differentiated, 1.1 x 1.0 cm. Stage 1: 2 blocks, both clear.\n",
			lesionOutline, "right lower eyelid 3,1; left malar cheek 2"},
		{"§1 'We began with the lip: … of the right lower cutaneous lip, …', 'The temple tumor was …', 'The third, on the right upper back, was …'",
			"Date: 04/22/2026\n\nShe is here for Mohs surgery on three tumors, all biopsy proven on 04/01/2026.\n\n" +
				"We began with the lip: well-differentiated squamous cell carcinoma of the right lower cutaneous lip, 0.8 x 0.7 cm. The first stage had 2 blocks; block 1 was positive at the inferior margin. The second stage had 1 block, clear.\n\n" +
				"The temple tumor was a nodular BCC of the left temple, 0.9 x 0.8 cm. One stage of 3 blocks, all clear.\n\n" +
				"The third, on the right upper back, was an SCC in situ, 1.4 x 1.1 cm. One stage of 2 blocks, clear.\n",
			lesionOutline, "right lower cutaneous lip 2,1; left temple 3; right upper back 2"},
		{"§1 'First, the left antihelix: …' over its 'Stage 1:' lines, then 'Then the right upper lip: …'",
			"Date: 04/20/2026\n\nTwo biopsy-proven basal cell carcinomas (biopsies 04/02/2026) were treated today.\n\n" +
				"First, the left antihelix: nodular BCC, 0.7 x 0.6 cm; indication: ear location.\nStage 1: 3 blocks; block 3 positive at the deep margin.\nStage 2: 1 block; clear.\n\n" +
				"Then the right upper lip: infiltrative BCC, 1.0 x 0.8 cm. Stage 1: 2 blocks, both clear.\n",
			lesionOutline, "left antihelix 3,1; right upper lip 2"},
		{"§1 'The left helix SCC, well differentiated, …' and 'The right posterior neck BCC, nodular, …'",
			"Date: 04/09/2026\n\n62-year-old man, two biopsy-proven lesions (03/25/2026).\n\n" +
				"The left helix SCC, well differentiated, 0.9 x 0.8 cm. Stage 1: 3 blocks, all clear.\n\n" +
				"The right posterior neck BCC, nodular, 1.2 x 1.0 cm. Stage 1: 2 blocks, block 1 positive deep. Stage 2: 1 block, clear.\n",
			lesionOutline, "left helix 3; right posterior neck 2,1"},
		{"§1 'She is here for three biopsy-proven tumors.' then 'On the back, the tumor is …', 'On the chest, …', 'On the right shoulder, …' (three tumors had been one lesion: a wrong 17314)",
			"Date: 04/20/2026\n\nShe is here for three biopsy-proven tumors.\n\n" +
				"On the back, the tumor is a nodular basal cell carcinoma of the left mid back, 1.4 x 1.2 cm. The first stage was processed as 2 blocks, both clear.\n\n" +
				"On the chest, there is a squamous cell carcinoma in situ of the central chest, 2.2 x 1.8 cm. First stage: 3 blocks, block 1 positive. Second stage: 1 block, clear.\n\n" +
				"On the right shoulder, an infiltrative basal cell carcinoma, 2.5 x 2.0 cm. The first stage was divided into 6 blocks, all clear.\n",
			lesionOutline, "left mid back 2; central chest 3,1; right shoulder 6"},
		{"§1 never guess: a history paragraph that names an old tumor and its site, with no stage, opens no lesion",
			"Date: 03/19/2026\nSite: left cheek\nDiagnosis: basal cell carcinoma (biopsy 02/02/2026)\n\n" +
				"Squamous cell carcinoma, right forearm, excised 2019.\n\n" +
				"Basal cell carcinoma, nodular, left cheek, 1.0 x 0.9 cm. The first stage was divided into 2 blocks, both clear.\n",
			lesionOutline, "left cheek 2"},
		{"§1 'PROCEDURE, FIRST SITE: We began with the upper back, left paraspinal, …' then 'Attention was then turned to the left shoulder, where …'",
			"Date: 03/24/2026\n\nToday's two tumors were biopsied on 03/03/2026.\n\n" +
				"PROCEDURE, FIRST SITE: We began with the upper back, left paraspinal, approximately 6 cm below the C7 spinous process. Nodular basal cell carcinoma. Stage 1 was divided into 7 blocks; block 3 was positive. Stage 2 was divided into 2 blocks, both clear.\n\n" +
				"Attention was then turned to the left shoulder, where a superficial basal cell carcinoma measured 2.8 x 2.2 cm. Stage 1 was divided into 6 blocks, all clear.\n",
			lesionOutline, "upper back 7,2; left shoulder 6"},
		{"§1 'The occipital scalp tumor was addressed first.' then 'Next, the right posterior upper arm: …'",
			"Date: 04/06/2026\n\nHe returns for Mohs surgery of two squamous cell carcinomas biopsied on 03/16/2026.\n\n" +
				"The occipital scalp tumor was addressed first. The first stage, divided into 5 blocks, showed tumor at the deep margin of block 2. The second stage, 2 blocks, was clear.\n\n" +
				"Next, the right posterior upper arm: a well differentiated squamous cell carcinoma. The first stage, 3 blocks, was clear.\n",
			lesionOutline, "occipital scalp 5,2; right posterior upper arm 3"},
		{"§1 'We first addressed the right lower eyelid, where …' then 'We then addressed the nasal tip, …'",
			"Date: 03/25/2026\n\nShe returns for Mohs surgery of two basal cell carcinomas biopsied on 03/05/2026.\n\n" +
				"We first addressed the right lower eyelid, where a nodular basal cell carcinoma measured 0.6 x 0.5 cm. Stage I was divided into 2 blocks, both clear.\n\n" +
				"We then addressed the nasal tip, a micronodular basal cell carcinoma measuring 0.8 x 0.8 cm. Stage I was divided into 3 blocks, all clear.\n",
			lesionOutline, "right lower eyelid 2; nasal tip 3"},
		{"§1 'The first site is the right dorsal hand, where …' names its site before the comma",
			"Date of service: 04/17/2026\n\nHe presents today for treatment of two biopsy-proven tumors.\n\n" +
				"The first site is the right dorsal hand, where a squamous cell carcinoma was diagnosed on shave biopsy 03/23/2026. The first stage was divided into two blocks; both blocks were clear.\n\n" +
				"The second site is the left upper arm, where a basal cell carcinoma was diagnosed on shave biopsy 03/23/2026. The first stage was divided into three blocks; block 2 was positive at the lateral margin. A second stage, one block, was clear.\n",
			lesionOutline, "right dorsal hand 2; left upper arm 3,1"},
		{"§1 'First, …:', 'Attention was then turned to …:', 'Next, …:', 'Finally, …:' open a lesion each",
			"Date of service: April 1, 2026\n\nThe patient returns for Mohs surgery of four biopsy-proven tumors.\n\n" +
				"First, the right nasal ala: a nodular basal cell carcinoma. The first stage was divided into two blocks, both clear.\n\n" +
				"Attention was then turned to the left temple: a squamous cell carcinoma. The first stage, divided into three blocks, was positive at the inferior margin of block 3. The second stage, a single block, was clear.\n\n" +
				"Next, the vertex of the scalp: a nodular basal cell carcinoma. The first stage consisted of three blocks, all clear.\n\n" +
				"Finally, the right dorsal forearm: a squamous cell carcinoma in situ. The first stage was divided into two blocks, both clear.\n",
			lesionOutline, "right nasal ala 2; left temple 3,1; vertex of the scalp 3; right dorsal forearm 2"},
		{"§1 §3 'We began with the … of the left upper cutaneous lip, which …', 'Attention was then turned to the chin, where …', a repairs heading of every site",
			"Date: 05/15/2026\n\nINDICATIONS AND HISTORY: three biopsy-proven nonmelanoma skin cancers, referred for Mohs micrographic surgery.\n\n" +
				"We began with the basal cell carcinoma of the left upper cutaneous lip, which measured 0.8 x 0.6 cm. The first stage was divided into two tissue blocks; block 2 was positive at the deep margin. The second stage consisted of one block, which was clear.\n\n" +
				"Attention was then turned to the chin, where a squamous cell carcinoma measured 1.0 x 0.9 cm. The first stage was divided into three blocks, all clear.\n\n" +
				"Attention was next turned to the right dorsal hand, where squamous cell carcinoma in situ measured 1.3 x 1.1 cm. The first stage was divided into two blocks, both clear.\n\n" +
				"RECONSTRUCTION: After tumor clearance at each site:\nThe lip defect was repaired with a complex layered closure; repair length 2.2 cm.\nThe chin defect was closed with an intermediate layered repair, 2.4 cm.\nThe hand defect was closed with an intermediate layered repair, 2.0 cm.\n",
			func(n *model.Note) string {
				timed := ""
				for _, les := range n.Lesions {
					for _, r := range les.Repairs {
						timed += fmt.Sprint(r.Timing.Present())
					}
				}
				return lesionOutline(n) + " " + timed
			},
			"left upper cutaneous lip 2,1 [complex layered closure [2.2]]; chin 3 [intermediate layered repair [2.4]]; right dorsal hand 2 [intermediate layered repair [2]] truetruetrue"},
		{"§1 'Attention was then turned to the nasal tip.' after a first lesion no site paragraph opened opens the second lesion, not the first",
			"Date: 06/02/2026\n\nHere for Mohs surgery of three tumors: a nodular basal cell carcinoma of the left temple, a squamous cell carcinoma in situ of the nasal tip and a basal cell carcinoma of the chin.\n\n" +
				"The left temple lesion was treated first. The first stage was divided into three blocks; block 1 was positive at the anterior margin. The second stage, one block, was clear.\n\n" +
				"Attention was then turned to the nasal tip. The first stage was divided into two blocks, both clear.\n\n" +
				"Attention was then turned to the chin. The first stage was divided into four blocks, all clear.\n\n" +
				"Attention was then turned to the right upper arm, where a pigmented macule was sampled with a 4 mm punch biopsy.\n",
			lesionOutline, "left temple 3,1; nasal tip 2; chin 4"},
	})
}

// TestNumberedFactsOfOneLesion: a dictation that numbers its items ("Number one,
// diagnosis: …", "Number four, stage one, three blocks. …") numbers facts
// of one lesion, not lesions — only "Number two, right dorsal foot." opens
// a lesion — and "The patient's insurance is Medicaid." names the payer
// (CODING-RULES §1: the stages are one lesion's; §8: the payer's profile).
func TestNumberedFactsOfOneLesion(t *testing.T) {
	const note = "This is Dr. Salcedo dictating a Mohs operative note. Date of service May 5, 2026. The patient's insurance is Medicaid.\n" +
		"Number one, diagnosis: squamous cell carcinoma in situ, right temple, biopsy-proven by punch biopsy on 04/07/2026.\n" +
		"Number two, indication: poorly defined borders on the temple.\n" +
		"Number three, stage one, three blocks. Block 1 positive at the superior margin, blocks 2 and 3 clear.\n" +
		"Number four, stage two, one block, clear.\n"
	outline := func(n *model.Note) string { return n.Encounter.Payer.Value + "; " + lesionOutline(n) }
	const two = "Date of service 04/30/2026. Two lesions were treated today, both biopsy-proven basal cell carcinomas.\n" +
		"Number one is the left upper back. Nodular basal cell carcinoma, 1.6 x 1.4 cm. Stage one, three blocks: block 2 positive at the deep margin. Stage two, one block, clear.\n" +
		"Number two is the right shoulder. Superficial basal cell carcinoma, 2.8 x 2.2 cm. Stage one, six blocks, all clear.\n"
	runProseCases(t, []proseCase{
		{"§1 one lesion's numbered facts; §8 the payer from a sentence", note, outline, "Medicaid; right temple 3,1"},
		{"§1 'Number two is the right shoulder.' opens the second lesion", two, lesionOutline, "left upper back 3,1; right shoulder 6"},
		{"§1 'Site one is the central chin.' opens the first lesion",
			"Today we treated two biopsy-proven carcinomas with Mohs micrographic surgery.\n\nSite one is the central chin. The first stage was divided into three blocks; block 1 was positive at the deep margin. The second stage was divided into two blocks and was free of tumor.\n\n" +
				"Site two is the right dorsal foot. The first stage was processed as three blocks, all clear.\n",
			lesionOutline, "central chin 3,2; right dorsal foot 3"},
	})
}

// TestSiteStageParagraphs: paragraphs keyed by a site and a stage ("Right
// forearm, first stage: …" / "Right forearm, second stage: …") open the
// site's lesion once and give it both stages; a paragraph that goes back
// to a site already left ("Returning to the left cheek lesion, a second
// stage …") leaves the note one ambiguous lesion (CODING-RULES §1, never
// guess whose stage it is).
func TestSiteStageParagraphs(t *testing.T) {
	const intro = "Date: 05/07/2026\n\nThree biopsy-proven tumors were treated today: a basal cell carcinoma of the left cheek, a squamous cell carcinoma in situ of the right dorsal forearm and a basal cell carcinoma of the left shin.\n\n"
	runProseCases(t, []proseCase{
		{"§1 a site's first and second stage paragraphs",
			intro + "Left cheek: the first stage, two blocks, was clear.\n\nRight forearm, first stage: three blocks; tumor at the distal margin of block 3.\nRight forearm, second stage: one block from the distal margin, clear.\n\nLeft shin: the first stage, two blocks, was clear.\n",
			lesionOutline, "Left cheek 2; Right forearm 3,1; Left shin 2"},
		{"§1 back to a site already left, said so: 'Returning to the left cheek lesion, …'",
			"Date: 05/28/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the left medial cheek and a basal cell carcinoma of the right helix.\n\n" +
				"Cheek, first stage: three blocks; block 2 positive at the deep margin.\n\nEar, first stage: two blocks, both clear.\n\nReturning to the left cheek lesion, a second stage was taken and processed as two blocks, both clear.\n",
			lesionOutline, "Cheek 3,2; Ear 2"},
		{"§1 back to a site already left, not said so, but named with its stage ('Cheek, second stage: …'): that site's stage",
			"Date: 05/28/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the left medial cheek and a basal cell carcinoma of the right helix.\n\n" +
				"Cheek, first stage: three blocks; block 2 positive at the deep margin.\n\nEar, first stage: two blocks, both clear.\n\nCheek, second stage: two blocks, both clear.\n",
			lesionOutline, "left medial cheek 3,2; right helix 2"},
		{"§1 never guess: back to a site already left, its stage unnamed",
			"Date: 05/28/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the left medial cheek and a basal cell carcinoma of the right helix.\n\n" +
				"Cheek, first stage: three blocks; block 2 positive at the deep margin.\n\nEar, first stage: two blocks, both clear.\n\nCheek again: two blocks, both clear.\n",
			lesionOutline, "Cheek 3; Ear 2"}, // the two blocks are tied to no stage (prose-ambiguous), never a second stage guessed
	})
}

// TestIntroThenSiteParagraphs: a dictation whose intro opens both lesions
// ("The first lesion is … of the right nasal tip. … The second lesion is …
// of the left lateral cheek.") and whose stage paragraphs then open with
// their sites ("Right nasal tip: …", "Left cheek: …") gives each paragraph
// to the lesion its site names, and a repairs paragraph under a heading
// ("Repairs, after tumor clearance at both sites: The nasal tip defect …
// The cheek defect …") each repair to its site's lesion (CODING-RULES §1:
// the nose's two stages were the cheek's; §3: the nose's graft was coded
// in the cheek's group, 15240 for 15260).
func TestIntroThenSiteParagraphs(t *testing.T) {
	const note = "Date of service: April 7, 2026\n\n" +
		"The first lesion is a nodular basal cell carcinoma of the right nasal tip, shave biopsied on 03/12/2026. The second lesion is a squamous cell carcinoma in situ of the left lateral cheek, shave biopsied on the same day. I read all frozen sections myself.\n\n" +
		"Right nasal tip: The first stage was divided into three blocks; block 3 was positive at the deep margin. A second stage of two blocks was clear.\n\n" +
		"Left cheek: A single stage was divided into two blocks. Both blocks were clear of tumor.\n\n" +
		"Repairs, after tumor clearance at both sites: The nasal tip defect measured 1.2 x 1.0 cm and was repaired with a full-thickness skin graft. The cheek defect, 1.4 x 1.1 cm, was repaired with an intermediate layered closure 2.4 cm in length.\n"
	runProseCases(t, []proseCase{
		{"§1 §3 each site paragraph and each repair to its lesion", note,
			func(n *model.Note) string {
				var out []string
				for _, les := range n.Lesions {
					var blocks []string
					for _, st := range les.Stages {
						blocks = append(blocks, fmt.Sprint(st.Blocks.N))
					}
					var repairs []string
					for _, r := range les.Repairs {
						repairs = append(repairs, r.Value.Value)
					}
					out = append(out, strings.Join(blocks, ",")+" "+strings.Join(repairs, "+"))
				}
				return strings.Join(out, "; ")
			}, "3,2 full-thickness skin graft; 2 intermediate layered closure"},
	})
}

// TestRepairsParagraphAfterDictatedLesions: a dictation whose sentences
// open its lesions ("The first tumor is … of the left nasal ala. … The
// second tumor is … of the right temple.") and then repairs both in one
// paragraph ("RECONSTRUCTION: After tumor clearance, the left nasal ala
// defect was repaired with a bilobed transposition flap … After tumor
// clearance at the temple, … intermediate layered repair …") gives each
// repair to the lesion its site names (CODING-RULES §3: the nose's flap had
// been coded 14040 in the temple's group, and the temple's closure dropped
// as part of it), also when one sentence repairs both, a clause each (one
// closure of two had been read, on the wrong lesion: 12032 for 12034).
func TestRepairsParagraphAfterDictatedLesions(t *testing.T) {
	const note = "Date of service: 05/12/2026\n\nThe patient presents today for Mohs micrographic surgery of two biopsy-proven skin cancers.\n\n" +
		"The first tumor is a nodular basal cell carcinoma of the left nasal ala, diagnosed on shave biopsy 04/02/2026. The first stage was divided into three blocks; block 2 was positive at the deep margin. A second stage of one block was free of tumor. The final defect measured 1.2 x 1.0 cm.\n\n" +
		"The second tumor is a squamous cell carcinoma of the right temple, biopsied on 04/02/2026. The first stage was divided into two blocks, both clear. The final defect measured 1.6 x 1.3 cm.\n\n" +
		"RECONSTRUCTION: After tumor clearance, the left nasal ala defect was repaired with a bilobed transposition flap; the secondary defect measured 1.8 sq cm. After tumor clearance at the temple, the defect was closed with an intermediate layered repair measuring 2.8 cm in length.\n"
	runProseCases(t, []proseCase{
		{"§3 each repair of the paragraph to the lesion its site names", note, lesionOutline,
			"left nasal ala 3,1 [bilobed transposition flap []]; right temple 2 [intermediate layered repair [2.8]]"},
		{"§3 one sentence, a clause a lesion: '…, the nasal ala defect was closed with …, and the temple defect was closed with …'",
			strings.Replace(note, "RECONSTRUCTION: After tumor clearance, the left nasal ala defect was repaired with a bilobed transposition flap; the secondary defect measured 1.8 sq cm. After tumor clearance at the temple, the defect was closed with an intermediate layered repair measuring 2.8 cm in length.",
				"After tumor clearance, the nasal ala defect was closed with an intermediate layered closure, 1.5 cm, and the temple defect was closed with an intermediate layered closure, 2.8 cm.", 1),
			lesionOutline, "left nasal ala 3,1 [intermediate layered closure [1.5]]; right temple 2 [intermediate layered closure [2.8]]"},
		{"§3 'Repairs after tumor clearance: nasal ala - complex repair 1.0 cm; temple - intermediate layered repair 2.8 cm' (both had been one complex repair of the temple)",
			strings.Replace(note, "RECONSTRUCTION: After tumor clearance, the left nasal ala defect was repaired with a bilobed transposition flap; the secondary defect measured 1.8 sq cm. After tumor clearance at the temple, the defect was closed with an intermediate layered repair measuring 2.8 cm in length.",
				"Repairs after tumor clearance: nasal ala - complex repair 1.0 cm; temple - intermediate layered repair 2.8 cm.", 1),
			lesionOutline, "left nasal ala 3,1 [complex repair 1.0 cm []]; right temple 2 [intermediate layered repair 2.8 cm. []]"},
		{"§3 'RECONSTRUCTION (after clear margins were confirmed at each site): Left nasal ala - …. Right temple - ….' (the ala's closure had gone to the temple, the temple's been lost)",
			strings.Replace(note, "RECONSTRUCTION: After tumor clearance, the left nasal ala defect was repaired with a bilobed transposition flap; the secondary defect measured 1.8 sq cm. After tumor clearance at the temple, the defect was closed with an intermediate layered repair measuring 2.8 cm in length.",
				"RECONSTRUCTION (after clear margins were confirmed at each site): Left nasal ala - intermediate layered closure, 1.5 cm. Right temple - intermediate layered closure, 2.8 cm.", 1),
			// a key with its remark: each lesion's part of the value, its length in it
			lesionOutline, "left nasal ala 3,1 [intermediate layered closure, 1.5 cm. []]; right temple 2 [intermediate layered closure, 2.8 cm. []]"},
		{"§3 'REPAIRS:' over one sentence of three repairs, a lesion's site before its tumor ('The right forehead squamous cell carcinoma measured …')",
			"Date of service: 06/17/2026\n\nMohs micrographic surgery, three sites.\n\n" +
				"The right forehead squamous cell carcinoma measured 1.0 x 0.8 cm preoperatively. The first stage was divided into two blocks; both blocks were clear.\n\n" +
				"The second site, the left earlobe basal cell carcinoma, measured 0.6 x 0.6 cm. The first stage was divided into three blocks, all clear.\n\n" +
				"The third site, the left dorsal foot squamous cell carcinoma in situ, measured 1.2 x 1.0 cm. The first stage was divided into two blocks, both clear.\n\n" +
				"REPAIRS:\nAfter tumor clearance, the forehead defect was closed with an intermediate layered repair, 2.2 cm; the earlobe defect with an intermediate layered repair, 1.4 cm; and the dorsal foot defect with an intermediate layered repair, 2.5 cm.\n",
			lesionOutline, "right forehead 2 [intermediate layered repair [2.2]]; left earlobe 3 [intermediate layered repair [1.4]]; left dorsal foot 2 [intermediate layered repair [2.5]]"},
		{"§3 never guess: a repair that names no lesion opens the sentence ('the chin defect …; the temple defect …'): no repair from it",
			strings.Replace(note, "RECONSTRUCTION: After tumor clearance, the left nasal ala defect was repaired with a bilobed transposition flap; the secondary defect measured 1.8 sq cm. After tumor clearance at the temple, the defect was closed with an intermediate layered repair measuring 2.8 cm in length.",
				"After tumor clearance, the chin defect was closed with an intermediate layered repair, 2.2 cm; the temple defect with an intermediate layered repair, 2.8 cm.", 1),
			lesionOutline, "left nasal ala 3,1; right temple 2"},
	})
}

// TestRepairWordNamesNoSite: "Complex Closure" in the second lesion's
// repair names no lesion, though the first lesion's site is the
// "nipple-areolar complex" (CODING-RULES §3: each lesion's repair; the
// finger's complex closure had gone to the breast, coded 13101 there).
func TestRepairWordNamesNoSite(t *testing.T) {
	const note = "Date of Service: 05/08/2026\n\nSite A\nLocation: Right breast, nipple-areolar complex\nPre-op Diagnosis: BCC-Nodular\n1st Stage: 3 Sections, Negative\n" +
		"Repair: Layered Closure after tumor clearance; the final closure length is 3.4 cm\n\n" +
		"Site B\nLocation: Left index finger, dorsal middle phalanx\nPre-op Diagnosis: scc, well differentiated\n1st Stage: 2 Sections, Negative\n" +
		"Repair: Complex Closure after tumor clearance; the final closure length is 2.2 cm\n"
	runProseCases(t, []proseCase{
		{"§3 each repair stays with its lesion", note, lesionOutline,
			"Right breast, nipple-areolar complex 3 [Layered Closure [3.4]]; Left index finger, dorsal middle phalanx 2 [Complex Closure [2.2]]"},
	})
}

// TestInterleavedSitesReturning: a dictation that takes the first stage at
// one site, turns to the other while the sections are read ("While the ala
// sections were being read, the forearm tumor was excised. The first
// forearm stage …") and returns ("Returning to the nasal ala, a second
// stage …") gives each stage to its tumor (CODING-RULES §1: stages per
// lesion); "The left temple came first." names the site, not "left temple
// came".
func TestInterleavedSitesReturning(t *testing.T) {
	const note = "Date of service: 12/03/2026\n\nThe patient has two biopsy-proven tumors: a BCC of the left nasal ala and an SCC of the right forearm.\n\n" +
		"We began with the nasal ala. Its first stage was divided into three blocks; tumor at the deep margin of block 2.\n\n" +
		"While the ala sections were being read, the forearm tumor was excised. The first forearm stage was processed as 2 blocks; both blocks were clear.\n\n" +
		"Returning to the nasal ala, a second stage of one block was taken from the deep margin and was clear.\n"
	const temple = "Date of service: 12/03/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the left temple and a nodular basal cell carcinoma of the right dorsal wrist.\n\n" +
		"The left temple came first. The first stage was divided into nine blocks; tumor at the margins of blocks 2, 5 and 8.\n\n" +
		"While the temple sections were read, the right dorsal wrist was excised. Its first stage, 2 blocks, was clear.\n\n" +
		"Returning to the left temple, the second stage was cut into six blocks, all clear.\n"
	const excised = "Date of service: 12/03/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the right dorsal forearm and a basal cell carcinoma of the left forearm.\n\n" +
		"The right dorsal forearm was excised first. Stage 1 was divided into 2 blocks, clear.\n\nThe left forearm tumor was then excised. Its first stage was processed as two blocks, all clear.\n"
	runProseCases(t, []proseCase{
		{"§1 stages: interleaved, with a return", note, lesionOutline, "left nasal ala 3,1; right forearm 2"},
		{"§1 stages: 'came first', 'While …, the right dorsal wrist was excised', 'Returning to …'", temple, lesionOutline, "left temple 9,6; right dorsal wrist 2"},
		{"§1 stages: '<site> was excised first', '<site> tumor was then excised'", excised, lesionOutline, "right dorsal forearm 2; left forearm 2"},
		{"§1 stages: 'Nasal ala: …' and 'For the preauricular tumor, …' told in layers, then 'Return in one week.'",
			"Date of service: 11/20/2026\n\nToday we treated a superficial BCC on the L nasal ala and an SCC in the R preauricular area.\n\n" +
				"Nasal ala: superficial basal cell carcinoma, 0.5 x 0.4 cm. A single layer of two blocks was clear.\n\n" +
				"For the preauricular tumor, the squamous cell carcinoma measured 1.2 x 1.0 cm. The first layer was four blocks; tumor reached the deep margin of block 4. The second layer, one block, was clear.\n\n" +
				"Dressings applied. Return in one week.\n",
			lesionOutline, "Nasal ala 2; preauricular 4,1"},
		{"§1 stages: 'On the L hand, the … carcinoma measured …, so Mohs was chosen.' opens the left hand's lesion, with no stage told",
			"Date of service: 11/20/2026\n\nToday we treated SCCs on the R dorsal hand and the L dorsal hand.\n\n" +
				"On the R hand, the squamous cell carcinoma measured 1.2 x 1.0 cm. The first stage was three blocks, all clear.\n\n" +
				"On the L hand, the squamous cell carcinoma measured 0.9 x 0.8 cm and had recurred after cryotherapy, so Mohs was chosen. It was excised until the margins were clear.\n",
			lesionOutline, "R hand 3; L hand "},
	})
}

// TestAllOfTodaysTumorsCounted: "All three were biopsy-proven …" after a
// sentence of today's tumors counts three tumors; a note that opens two
// lesions for them codes no Mohs line (CODING-RULES §1: never a guessed
// lesion; the third tumor's facts would have gone to another).
func TestAllOfTodaysTumorsCounted(t *testing.T) {
	const note = "Date of service: 11/20/2026\n\nToday we treated a BCC on the nasal dorsum, an SCC on the right forearm and an SCC on the left shin. %s were biopsy-proven by shave biopsy on 10/12/2026.\n\n" +
		"Nasal dorsum: the first stage, two blocks, was clear.\n\nRight forearm: the first stage, three blocks, was clear. The left shin tumor was treated the same way.\n"
	ambiguous := func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), " ", n.Lesions[0].Ambiguous.Present()) }
	runProseCases(t, []proseCase{
		{"'All three' after today's tumors, two lesions opened", fmt.Sprintf(note, "All three"), ambiguous, "2 true"},
		{"'They' names no count", fmt.Sprintf(note, "They"), ambiguous, "2 false"},
	})
}

// TestInterleavedTumorNamedLater: a dictation that opens its first tumor
// by a sentence of sequence ("We began at the right nasal ala. Stage 1 …")
// and the second inside the same line ("While those sections were being
// cut, we moved to the left posterior shoulder and took its Stage 1 as 2
// blocks."), then goes back ("Returning to the right nasal ala: … Stage 2 at
// the nasal ala …") and mentions one site's stage in a clause about the
// other ("…, while the second stage of the nasal ala was processed"): each
// stage is its own site's (CODING-RULES §1, §2), never the last-named
// lesion's.
func TestInterleavedTumorNamedLater(t *testing.T) {
	const note = "Date of service: 11/16/2026\n\nTwo biopsy-proven tumors today: an infiltrative basal cell carcinoma of the right nasal ala and a squamous cell carcinoma in situ of the left posterior shoulder.\n\n" +
		"We began at the right nasal ala. Stage 1 at the nasal ala was excised and divided into 3 blocks. While those sections were being cut, we moved to the left posterior shoulder and took its Stage 1 as 2 blocks.\n\n" +
		"Returning to the right nasal ala: on my reading, Stage 1 of the nasal ala showed basal cell carcinoma at the deep margin of block 3; blocks 1 and 2 were clear. Stage 2 at the nasal ala was taken from the deep margin as 2 blocks.\n\n" +
		"The shoulder slides then came up. Stage 1 of the left posterior shoulder showed squamous cell carcinoma in situ, and both blocks were clear. After tumor clearance the shoulder was closed with a simple repair, 3.0 cm, while the second stage of the nasal ala was processed.\n\n" +
		"The second stage of the right nasal ala showed block 1 positive at the deep margin and block 2 clear. Stage 3 at the right nasal ala, 1 block from the deep margin, was clear.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, 3, len(n.Lesions[0].Stages), "the nasal ala's stages")
	assert.Equal(t, 1, len(n.Lesions[1].Stages), "the shoulder's stages")
}

// TestSiteCarriesTumorAndOneStageOfTwoSites: a paragraph opened by its
// site as the subject ("The right forehead carries a well-differentiated
// squamous cell carcinoma, …") opens that site's lesion — it had been
// merged into the lesion before, which took its second stage — and a
// sentence of one stage that names two sites ("Stage 2 was therefore taken
// at the right helical rim while I closed the forehead") gives neither
// site a stage by splitting (CODING-RULES §1, §2: a wrong count makes no
// line).
func TestSiteCarriesTumorAndOneStageOfTwoSites(t *testing.T) {
	const carries = "Date of service: 12/02/2026\n\nThree biopsy-proven tumors (shave biopsies 11/11/2026).\n\n" +
		"The left lower eyelid carries a nodular basal cell carcinoma, 0.4 x 0.4 cm. Stage 1 at the eyelid, 2 blocks, was clear.\n\n" +
		"The right forehead carries a well-differentiated squamous cell carcinoma, 1.1 x 0.9 cm. Stage 1 at the forehead, 3 blocks, showed tumor at the peripheral margin of block 1. Stage 2 at the forehead, 2 blocks, was clear.\n\n" +
		"The left cheek carries an infiltrative basal cell carcinoma, 0.8 x 0.6 cm. Stage 1 at the cheek, 2 blocks, showed tumor at the deep margin of block 2. Stage 2 at the cheek, 1 block, was clear.\n"
	const lead = "Date of service: 11/20/2026\n\nTwo biopsy-proven tumors:\n1. Central forehead, nodular basal cell carcinoma, 1.2 x 1.0 cm.\n2. Right helical rim, squamous cell carcinoma, 0.6 x 0.5 cm.\n\n" +
		"Stage 1 at the central forehead, 3 blocks, was clear. Stage 1 at the right helical rim, 2 blocks, showed tumor at the deep margin of block 2. Stage 2 was therefore taken at the right helical rim while I closed the forehead.\n\n" +
		"Stage 2 at the right helical rim, 1 block from the deep margin, was clear.\n"
	stages := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(len(les.Stages)))
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§2 'The right forehead carries a …' opens its lesion", carries, "1,2,2"},
		{"§1 'Stage 2 was therefore taken at the right helical rim while I closed the forehead'", lead, "1,2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, stages(mustLower(t, tt.src)))
		})
	}
}

// TestFirstTumorNamedWithoutItsParenthesis: the site a first tumor's
// sentence names before a parenthesis ("Lesion one is a … carcinoma of the
// right helix (shave biopsy 05/25/2026, …)") names it without the
// parenthesis's words, which would have taken the second tumor's biopsy
// words for the first's (CODING-RULES §1: the second keeps its indication
// and size).
func TestFirstTumorNamedWithoutItsParenthesis(t *testing.T) {
	const note = "Date of service: 06/02/2026\n\n" +
		"Lesion one is a moderately differentiated squamous cell carcinoma of the right helix (shave biopsy 05/25/2026, GA26-4101), 1.0 x 0.8 cm; Mohs for the ear location. Its first stage was 3 blocks, positive at block 3 (deep). Its second stage was 1 block and clear.\n\n" +
		"Lesion two is a nodular basal cell carcinoma of the left cheek (shave biopsy 05/25/2026, GA26-4102), 0.9 x 0.8 cm; Mohs for the facial location and ill-defined borders. Its first stage was 2 blocks, clear.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.True(t, n.Lesions[1].Indication.Present(), "lesion two's indication")
	assert.Equal(t, "[0.9 0.8]", fmt.Sprint(n.Lesions[1].Size.Dims), "lesion two's size")
}

// TestSiteOpenedAfterAReason: a second tumor opened in the main clause of
// a sentence that begins with its reason or an aside ("Because the MART-1
// run takes longer, we took Stage 1 at the left upper back while those
// slides were prepared: 3 blocks, …") opens there, so the first tumor's
// stage keeps its own block count (CODING-RULES §1, §5: the stain's units
// are its stage's blocks); a reason clause that names the tumor already
// open ("Because of the nasal location …, we proceeded with Mohs.") still
// names it.
func TestSiteOpenedAfterAReason(t *testing.T) {
	const note = "Date of service: 11/18/2026\n\nTwo biopsy-proven tumors: melanoma in situ of the right temple and a nodular basal cell carcinoma of the left upper back. A Mohs map was drawn for each stage.\n\n" +
		"We began at the right temple. Stage 1 at the temple was divided into 4 blocks and stained with frozen H&E and MART-1 on all 4 blocks for melanocyte density. Because the MART-1 run takes longer, we took Stage 1 at the left upper back while those slides were prepared: 3 blocks, frozen H&E only.\n\n" +
		"The left upper back was read first: Stage 1 there was clear in all 3 blocks.\n\n" +
		"On the right temple, Stage 1 showed melanoma in situ at the margin of block 2. Stage 2 at the right temple was taken as 2 blocks, with MART-1 on both blocks for melanocyte density; both blocks were clear.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	require.NotEmpty(t, n.Lesions[0].Stages)
	assert.Equal(t, 4, n.Lesions[0].Stages[0].Blocks.N, "the temple's first stage")
	require.NotEmpty(t, n.Lesions[1].Stages)
	assert.Equal(t, 3, n.Lesions[1].Stages[0].Blocks.N, "the back's first stage")
}

// TestDiagnosisListThenSiteParagraphs: a numbered list of diagnoses whose
// last tumor was biopsied today ("4) Squamous cell carcinoma in situ, left
// lower leg - no prior biopsy; diagnosed today on frozen section of a
// tangential biopsy, …") opens no biopsy section, and a paragraph that
// mentions a frozen section's block and "each stage" tells no stage: the
// site paragraphs after them ("Nasal tip: Stage 1 was 2 blocks; …") open a
// lesion each (CODING-RULES §2). Site paragraphs the note could not open
// are never merged into one lesion: it is ambiguous (no Mohs line).
func TestDiagnosisListThenSiteParagraphs(t *testing.T) {
	const list = "Date of service: 11/30/2026\n\nDiagnoses, in the order treated:\n" +
		"1) Basal cell carcinoma, nodular, nasal tip - shave biopsy 11/04/2026 (LV26-4670), 0.6 x 0.5 cm.\n" +
		"2) Basal cell carcinoma, micronodular, left temple - shave biopsy 11/04/2026 (LV26-4671), 1.1 x 0.9 cm.\n" +
		"3) Squamous cell carcinoma in situ, left lower leg - no prior biopsy; diagnosed today on frozen section of a tangential biopsy, 1.4 x 1.2 cm.\n\n"
	const paras = "Nasal tip: Stage 1 was 2 blocks; both blocks clear. Final defect 1.0 x 0.9 cm.\n\n" +
		"Left temple: Stage 1 was 3 blocks; tumor at the superior margin of block 1. Stage 2 at the temple was 1 block, clear.\n\n" +
		"Left lower leg: Stage 1 was 2 blocks; both blocks clear.\n"
	const frozen = "Mohs was chosen for the nasal tip and the temple because of their facial locations. The left lower leg lesion had never been biopsied: I performed a tangential biopsy of it and submitted it for frozen section, 1 block, which showed squamous cell carcinoma in situ. I read all of the frozen sections, and a Mohs map was drawn for each stage at each site.\n\n"
	outline := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			if les.Ambiguous.Present() {
				out = append(out, "ambiguous")
				continue
			}
			out = append(out, fmt.Sprint(len(les.Stages)))
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§2 a list of diagnoses, then site paragraphs", list + paras, "1,2,1"},
		{"§2 a frozen section's block and 'each stage' before the site paragraphs", list + frozen + paras, "1,2,1"},
		{"§2 site paragraphs after a paragraph of stage blocks are never merged", "Date of service: 11/30/2026\n\nThe first stage was divided into two blocks.\n\n" + paras, "ambiguous"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := mustLower(t, tt.src)
			assert.Equal(t, tt.want, outline(n))
			assert.Empty(t, n.Biopsies, "no biopsy section")
		})
	}
}

// TestSeveralSitesOpenedOnOneLine: a dictation that lists its tumors as
// items ("- right lower eyelid, nodular basal cell carcinoma, 0.6 x 0.5
// cm") and tells every site's first stage in one paragraph ("At the right
// lower eyelid, Stage 1 consisted of 2 blocks; … At the left nasal
// sidewall, Stage 1 consisted of 3 blocks; …") opens each lesion where its
// sentence stands, several on one line (CODING-RULES §1, §2).
func TestSeveralSitesOpenedOnOneLine(t *testing.T) {
	const note = "Date of service: 11/25/2026\n\nThis woman has three biopsy-proven tumors, all shave-biopsied on 10/20/2026:\n" +
		"- right lower eyelid, nodular basal cell carcinoma, 0.6 x 0.5 cm\n- left nasal sidewall, nodular basal cell carcinoma, 0.8 x 0.7 cm\n- right upper chest, superficial basal cell carcinoma, 1.0 x 0.9 cm\n" +
		"I interpreted all frozen sections, and a Mohs map was drawn for each stage at each site.\n\n" +
		"First stages were taken at all three sites. At the right lower eyelid, Stage 1 consisted of 2 blocks; tumor reached the deep margin of block 1, and block 2 was clear. At the left nasal sidewall, Stage 1 consisted of 3 blocks, all clear. At the right upper chest, Stage 1 consisted of 2 blocks, both clear.\n\n" +
		"At the right lower eyelid, Stage 2 was 1 block from the deep margin and was clear.\n"
	stages := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var b []string
			for _, st := range les.Stages {
				b = append(b, fmt.Sprint(st.Blocks.N))
			}
			out = append(out, strings.Join(b, "+"))
		}
		return strings.Join(out, ",")
	}
	assert.Equal(t, "2+1,3,2", stages(mustLower(t, note)))
}

// TestLabelThenSiteThenDictation: a lesion label followed by its site and
// the dictation the site opens ("Tumor 1, the left nasal ala, measured 0.7
// x 0.6 cm; Mohs was chosen for the nasal location. Stage 1 at the left
// nasal ala was 2 blocks; …") gives the lesion that site and reads the
// dictation for its facts (CODING-RULES §1: stages-missing otherwise).
func TestLabelThenSiteThenDictation(t *testing.T) {
	const note = "Date of service: 11/10/2026\n\n" +
		"Tumor 1, the left nasal ala, measured 0.7 x 0.6 cm; Mohs was chosen for the nasal location. Stage 1 at the left nasal ala was 2 blocks; tumor reached the deep margin of block 2. Stage 2 at the left nasal ala, 1 block, was clear.\n\n" +
		"Tumor 2, the right cheek, measured 1.3 x 1.0 cm; Mohs was chosen for its ill-defined borders. Stage 1 at the right cheek was 3 blocks, all clear.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "left nasal ala", n.Lesions[0].Site.Text.Value)
	assert.Equal(t, 2, len(n.Lesions[0].Stages))
	assert.Equal(t, "[0.7 0.6]", fmt.Sprint(n.Lesions[0].Size.Dims))
	assert.Equal(t, "right cheek", n.Lesions[1].Site.Text.Value)
	assert.Equal(t, 1, len(n.Lesions[1].Stages))
}

// TestInterleavedLayers: an interleaved dictation that calls its stages
// layers ("After the first layer on the nose was taken, we took the first
// layer on the hand. The first nose layer was processed as three pieces:
// … The first hand layer was two pieces, …") opens each site's lesion: a
// sentence that only orders the layers of two sites tells neither's
// (CODING-RULES §1, §2).
func TestInterleavedLayers(t *testing.T) {
	const note = "Date of service: 11/24/2026\n\nToday we treated a BCC on the R nasal tip and an SCC on the L dorsal hand, both biopsy-proven. I read every frozen section myself, and maps were drawn for each layer at both sites.\n\n" +
		"After the first layer on the nose was taken, we took the first layer on the hand. The first nose layer was processed as three pieces: nodular BCC at the deep margin of piece 1, with pieces 2 and 3 clear. The first hand layer was two pieces, both clear. Meanwhile a second layer was taken from the nose, two pieces, and it still showed a focus at the deep margin of piece 2. Returning to the nose, a third layer of one piece was clear.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.False(t, n.Lesions[0].Ambiguous.Present())
	assert.Equal(t, 3, len(n.Lesions[0].Stages), "the nose's layers")
	assert.Equal(t, 1, len(n.Lesions[1].Stages), "the hand's layers")
}

// TestStageWhoseSiteTheNoteDoubts: in a log of several tumors routed by
// their sites, a stage that names no site ("10:05 Another stage taken, 1
// block.") followed by a sentence that says whose it was cannot be told
// ("… whether this was the second stage at the left temple or the first
// stage at the left superior helix") is no lesion's — not the lesion
// named last (CODING-RULES §1: never a guessed stage).
func TestStageWhoseSiteTheNoteDoubts(t *testing.T) {
	const note = "Date of service: 12/02/2026\n\nTumors (all biopsy-proven):\n1. Left temple - nodular basal cell carcinoma, shave bx 11/13/2026, 1.0 x 0.8 cm.\n2. Right dorsal forearm - squamous cell carcinoma in situ, shave bx 11/13/2026, 1.2 x 1.0 cm.\n3. Left superior helix - nodular basal cell carcinoma, shave bx 11/13/2026, 0.6 x 0.5 cm.\n\n" +
		"09:05 Stage 1 taken at left temple, 3 blocks.\n09:15 Stage 1 taken at right dorsal forearm, 2 blocks.\n09:45 Temple stage 1 read: block 1 positive at the deep margin, blocks 2 and 3 clear.\n09:55 Forearm stage 1 read: both blocks clear.\n" +
		"10:05 Another stage taken, 1 block. The specimen cup was labelled only \"left\"; I could not tell whether this was the second stage at the left temple or the first stage at the left superior helix.\n"
	stages := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(len(les.Stages)))
		}
		return strings.Join(out, ",")
	}
	assert.Equal(t, "1,1,0", stages(mustLower(t, note)))
}

// TestStagesToldBeforeTheLabels: a note whose only lesion labels stand in
// its repairs section ("Tumor A: after tumor clearance, bilobed flap; …")
// and whose stages are told before them ("Tumor A's first stage, four
// blocks, …") gives its lesions no stage it cannot tie to them: each is
// lesion-ambiguous (CODING-RULES §1: never a guessed stage), so the
// biopsy beside them keeps its modifier (§4: no biopsy-only note).
func TestStagesToldBeforeTheLabels(t *testing.T) {
	const note = "Date of service: 11/20/2026\nInsurance: Medicare\n\nTwo biopsy-proven tumors. Tumor A, the left nasal tip, is a nodular basal cell carcinoma. Tumor B, the right upper chest, is a squamous cell carcinoma in situ.\n\n" +
		"Tumor A's first stage, four blocks, reached the deep margin of block 3; blocks 1, 2 and 4 were clear. Its second stage, one block, was clear.\n\nTumor B cleared in its first stage of two blocks.\n\n" +
		"Repairs, one line per tumor:\nTumor A: after tumor clearance, bilobed flap; primary defect 1.3 x 1.1 cm; secondary defect 3.0 sq cm\nTumor B: after tumor clearance, simple repair, 3.0 cm\n\n" +
		"Biopsy 1: tangential biopsy, right upper back; superficial basal cell carcinoma\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	for _, les := range n.Lesions {
		assert.Empty(t, les.Stages, "lesion %s", les.Label)
		assert.True(t, les.Ambiguous.Present(), "lesion %s", les.Label)
	}
}

// TestLetteredTumorsInProse: an unlabelled dictation whose intro letters
// its tumors ("Tumor A, the right earlobe, is a …. Tumor B, the left upper
// arm, is a …") and whose paragraphs go back to them by letter ("Tumor A
// cleared in its first stage of two blocks …", "Tumor B's first stage, …",
// "After tumor clearance Tumor A was closed with a complex repair of 1.5
// cm.") gives each paragraph and repair to its letter's lesion; one repair
// of two lettered tumors neither of which is being read ("Tumors A and B
// left two defects … After tumor clearance at both, I … closed them as one
// …") is said, never given to the third (CODING-RULES §1–§3).
func TestLetteredTumorsInProse(t *testing.T) {
	const intro = "Date of service: 11/30/2026\n\nTwo biopsy-proven tumors were treated today. Tumor A, the right earlobe, is a nodular basal cell carcinoma measuring 0.8 x 0.7 cm. Tumor B, the left upper arm, is a squamous cell carcinoma measuring 2.4 x 2.0 cm.\n\n"
	const stages = "Tumor A cleared in its first stage of two blocks; both blocks were clear.\n\nTumor B's first stage, three blocks, reached the deep margin of block 1. Its second stage, one block, was clear.\n\n"
	outline := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprintf("%s %d stages %d repairs", les.Site.Text.Value, len(les.Stages), len(les.Repairs)))
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§2 letters: each paragraph and repair its letter's", intro + stages + "After tumor clearance Tumor A was closed with a complex repair of 1.5 cm.\n\nAfter tumor clearance Tumor B was covered with a split-thickness skin graft of 4.0 x 3.5 cm.\n",
			"right earlobe 1 stages 1 repairs; left upper arm 2 stages 1 repairs"},
		{"§3 a joined repair of two letters read after a third",
			"Date of service: 11/30/2026\n\nThree biopsy-proven tumors were treated today. Tumor A, the left medial cheek, is a squamous cell carcinoma measuring 1.0 x 0.9 cm. Tumor B, the left nasolabial fold, is a nodular basal cell carcinoma measuring 0.8 x 0.7 cm. Tumor C, the left posterior scalp, is a squamous cell carcinoma measuring 1.9 x 1.6 cm.\n\n" +
				"Tumor A cleared in its first stage of three blocks; all three blocks were clear.\n\nTumor B's first stage, two blocks, was clear.\n\nTumor C's first stage, two blocks, was clear.\n\n" +
				"Tumors A and B left two defects a few millimeters apart. After tumor clearance at both, I joined the two defects and closed them as one intermediate layered repair measuring 4.8 cm.\n",
			"left medial cheek 1 stages 0 repairs; left nasolabial fold 1 stages 0 repairs; left posterior scalp 1 stages 0 repairs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, outline(mustLower(t, tt.src)))
		})
	}
}

// TestInterleavedPasses: a dictation that calls its stages passes ("The
// first pass on the ala, two sections, …") and names one tumor again by
// an adjective of its site ("The alar BCC, nodular, measured …") opens a
// lesion for each site its intro names — the adjective is no third site —
// and a closing sentence that tells a stage of "one of them" gives it to
// neither (CODING-RULES §1: stages per lesion, never a guessed stage).
func TestInterleavedPasses(t *testing.T) {
	const intro = "Date of service: 10/26/2026\n\nToday we treated a BCC on the R nasal ala and an SCC in situ on the L cheek. The alar BCC, nodular, measured 0.6 x 0.5 cm; the cheek SCC in situ measured 1.0 x 0.8 cm. Both were biopsy-proven. I read every frozen section myself.\n\n"
	const passes = intro + "The first pass on the ala, two sections, showed nodular BCC at the deep margin of section 1; section 2 was clear. The first pass on the cheek, three sections, was clear. A second pass on the ala, one section, was clear.\n"
	const oneOfThem = "Date of service: 10/30/2026\n\nToday we treated a BCC on the L nasal ala and an SCC on the R upper arm. Both were biopsy-proven.\n\n" +
		"Nasal ala: nodular basal cell carcinoma, 0.7 x 0.6 cm. A single pass of two sections was clear.\n\n" +
		"For the arm tumor, the squamous cell carcinoma measured 1.4 x 1.2 cm. It was taken with the Mohs technique until clear.\n\n" +
		"Both sites are clear now; one of them cleared on a single pass of two sections.\n"
	runProseCases(t, []proseCase{
		{"§1 stages called passes, 'alar' the ala again", passes, lesionOutline, "R nasal ala 2,1; L cheek 3"},
		{"§1 a pass of 'one of them' is neither site's", oneOfThem, lesionOutline, "L nasal ala 2; R upper arm "},
	})
}

// TestRepairSentenceOpensNoLesion: a repair sentence that names an opened
// site ("After tumor clearance the hand was closed with …") followed by a
// slide review that restates the stages is no lesion opening told again —
// which had made the note's lesions unreadable (CODING-RULES §1: stages per
// lesion, a restated stage counted once).
func TestRepairSentenceOpensNoLesion(t *testing.T) {
	const note = "Date of service: 11/23/2026\n\nTwo biopsy-proven tumors: a squamous cell carcinoma of the right dorsal hand, 1.1 x 1.0 cm; and a nodular basal cell carcinoma of the left superior helix, 0.9 x 0.7 cm.\n\n" +
		"Both first stages were taken together. The hand, stage 1, three blocks: all three blocks clear. The helix, stage 1, two blocks: positive at the deep margin of block 1; block 2 clear. The helix, stage 2, one block from the deep margin: clear.\n\n" +
		"After tumor clearance the hand was closed with a complex repair, 2.2 cm, and after tumor clearance the helix was closed with a complex repair, 2.6 cm.\n\n" +
		"Slide review: the hand stage 1 is clear in all three blocks, as dictated above; the helix stage 1 is positive at the deep margin of block 1 and the helix stage 2 is clear, as dictated above. Nothing changes.\n"
	stages := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, fmt.Sprint(les.Site.Text.Value, " ", len(les.Stages), " ", les.Ambiguous.Present()))
		}
		return strings.Join(out, "; ")
	}
	assert.Equal(t, "right dorsal hand 1 false; left superior helix 2 false", stages(mustLower(t, note)))
}

// TestOrdinalLabelWithThe: "The first, the leg: … of the left lower leg,
// …" and "The second, the temple: …" open their lesions as "First, the
// leg. …" does, and the label's sideless site takes the side its line
// gives (CODING-RULES §1 stages per lesion, §9 laterality).
func TestOrdinalLabelWithThe(t *testing.T) {
	const note = "Date of service: 12/03/2026\n\nTwo biopsy-proven tumors. I read the frozen sections.\n\n" +
		"The first, the leg: squamous cell carcinoma of the left lower leg, 1.5 x 1.3 cm. Stage 1 was three blocks; positive at the deep margin of block 2. Stage 2, one block, was clear.\n\n" +
		"The second, the temple: nodular basal cell carcinoma of the right temple, 1.0 x 0.9 cm. Stage 1 was two blocks; both blocks were clear.\n"
	runProseCases(t, []proseCase{
		{"§1 'The first, the leg:' and 'The second, the temple:' open lesions", note, lesionOutline, "left lower leg 3,1; right temple 2"},
	})
}

// TestSiteIsTumorParagraphs: paragraphs opened "The lip is a nodular basal
// cell carcinoma of the cutaneous left lower lip, …", "The chin is a …",
// "The neck is an …", each going on to its stages, open one lesion each
// (CODING-RULES §1: stages per lesion); "lip is a" is no site.
func TestSiteIsTumorParagraphs(t *testing.T) {
	const note = "Date of service: 11/30/2026\n\nThree biopsy-proven tumors, referred to in order as the lip, the chin and the neck. I read all frozen sections myself.\n\n" +
		"The lip is a nodular basal cell carcinoma of the cutaneous left lower lip, 0.7 x 0.6 cm. Stage 1 was two blocks; positive at the deep margin of block 1. Stage 2, one block, was clear.\n\n" +
		"The chin is a well-differentiated squamous cell carcinoma of the chin, 1.0 x 0.8 cm. Stage 1 was three blocks, all clear.\n\n" +
		"The neck is an infiltrative basal cell carcinoma of the right lateral neck, 1.5 x 1.2 cm. Stage 1 was divided into six blocks; positive at block 6. Stage 2, one block, was clear.\n"
	runProseCases(t, []proseCase{
		{"§1 'The <site> is a <tumor> …' paragraphs open their lesions", note, lesionOutline, "cutaneous left lower lip 2,1; chin 3; right lateral neck 6,1"},
	})
}

// TestSelfCorrectionsCoded: the corrected count and site are the ones coded
// (CODING-RULES §1: blocks per stage; §9: the side of the site).
func TestSelfCorrectionsCoded(t *testing.T) {
	const note = "Date of service: 11/23/2026\nSite: right dorsal forearm - correction, left dorsal forearm\n\n" +
		"Stage 1 was five blocks - correction, six blocks; I miscounted from the map. Tumor at the peripheral margin of block 4. Stage 2, one block, was clear.\n"
	n := mustLower(t, note)
	assert.Equal(t, "left dorsal forearm 6,1", lesionOutline(n))
}

// TestAttestationNamesALesionAgain: an attestation of several labelled
// lesions that names one of them again after another ("The sidewall, lip
// and forehead each cleared in two stages and the helix in one; the first
// forehead stage had six blocks, as corrected.") gives the forehead its
// words, not the helix before it (CODING-RULES §1: blocks per stage, per
// lesion).
func TestAttestationNamesALesionAgain(t *testing.T) {
	const note = "Date of service: 12/03/2026\n\n" +
		"1) Left nasal sidewall - nodular basal cell carcinoma, shave biopsy 11/12/2026, 0.9 x 0.8 cm. Stage 1 was three blocks: positive at the deep margin of block 1; blocks 2 and 3 clear. Stage 2, one block, was clear.\n\n" +
		"2) Right superior helix - squamous cell carcinoma, shave biopsy 11/12/2026, 1.0 x 0.9 cm. Stage 1 was two blocks: both blocks clear.\n\n" +
		"3) Right forehead - squamous cell carcinoma in situ, shave biopsy 11/12/2026, 1.2 x 1.0 cm. Stage 1 was six blocks: positive at the peripheral margin of block 4. Stage 2, one block, was clear.\n\n" +
		"ATTENDING ATTESTATION: I read every frozen section. The sidewall and forehead each cleared in two stages and the helix in one; the first forehead stage had six blocks, as corrected.\n"
	assert.Equal(t, "Left nasal sidewall 3,1; Right superior helix 2; Right forehead 6,1", lesionOutline(mustLower(t, note)))
}

// TestListedBiopsyDescribedLater: a biopsy listed bare under PROCEDURE
// ("2. Tangential (shave) biopsy, left anterior shin.") and described
// under a later heading ("1. Left anterior shin: a 6 mm scaly pink papule
// was sampled by tangential (shave) biopsy. …") is one biopsy (CODING-RULES
// §4: a biopsy line per biopsy).
func TestListedBiopsyDescribedLater(t *testing.T) {
	const note = "Date of service: 11/19/2026\nSite: left nasal tip\n\nPROCEDURE:\n1. Mohs micrographic surgery, left nasal tip.\n2. Tangential (shave) biopsy, left anterior shin.\n3. Punch biopsy, right dorsal forearm.\n\n" +
		"Stage 1 was divided into two blocks, both clear.\n\nADDITIONAL PROCEDURES:\n" +
		"1. Left anterior shin: a 6 mm scaly pink papule was sampled by tangential (shave) biopsy. Clinical impression: rule out superficial basal cell carcinoma.\n" +
		"2. Right dorsal forearm: a 5 mm hyperkeratotic papule was sampled with a 4 mm punch biopsy. Clinical impression: squamous cell carcinoma versus actinic keratosis.\n"
	n := mustLower(t, note)
	assert.Len(t, n.Biopsies, 2)
}

// TestRepairTableLengthOrArea: a repairs table under a heading that times
// its repairs, a blank line between them ("Repairs (after tumor clearance
// at each site):"), whose "Length / area" column holds a linear repair's
// length and a flap's defects, gives each repair its size and timing
// (CODING-RULES §3: flap area is primary plus secondary defect).
func TestRepairTableLengthOrArea(t *testing.T) {
	const note = "Date of service: 11/10/2026\n\n| Lesion | Site | Stage | Blocks | Margins |\n|---|---|---|---|---|\n| 1 | L temple | 1 | 3 | clear |\n| 2 | R upper back | 1 | 2 | clear |\n\n" +
		"Repairs (after tumor clearance at each site):\n\n| Lesion | Site | Final defect | Repair | Length / area |\n|---|---|---|---|---|\n" +
		"| 1 | L temple | 2.6 x 2.2 cm | rotation flap | primary defect 2.6 x 2.2 cm; secondary defect 6.0 sq cm |\n| 2 | R upper back | 2.1 x 1.8 cm | intermediate layered repair | 4.5 cm |\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	var got []string
	for _, les := range n.Lesions {
		require.Len(t, les.Repairs, 1)
		r := les.Repairs[0]
		got = append(got, fmt.Sprint(r.Value.Value, " | timed ", r.Timing.Present()))
	}
	assert.Equal(t, []string{"rotation flap; primary defect 2.6 x 2.2 cm; secondary defect 6.0 sq cm; Repairs (after tumor clearance at each site) | timed true",
		"intermediate layered repair; 4.5 cm; Repairs (after tumor clearance at each site) | timed true"}, got)
}

// TestFindingsKeyInDictation: a transcribed report's "FINDINGS:" line
// between two stage sentences of its dictation ("The first stage was
// divided into three blocks." / "FINDINGS: … tumor at the deep margin of
// block one, …" / "The second stage, …") tells that stage's margins and
// histology (CODING-RULES §1, §6).
func TestFindingsKeyInDictation(t *testing.T) {
	const note = "DATE OF SERVICE: December 2, 2026\n\nOPERATIVE NARRATIVE: I interpreted all of the frozen sections as the Mohs surgeon.\n\n" +
		"This squamous cell carcinoma of the dorsal right great toe measured 0.9 x 0.8 cm. The first stage was divided into three blocks.\n" +
		"FINDINGS: Well-differentiated squamous cell carcinoma in the mid dermis without perineural invasion; tumor at the deep margin of block one, blocks two and three free of tumor.\n" +
		"The second stage, taken beneath block one, was divided into two blocks, both free of tumor.\n"
	assert.Equal(t, "dorsal right great toe 3+ 2-", stagesAndMargins(mustLower(t, note)))
}

// TestStagesBeforeRepairLabels: a dictation whose lesion labels stand only
// in its repairs ("REPAIRS: Lesion #1, right upper back: …") and whose
// stages, told before them, each name one site ("Back, stage 1: …",
// "Chest, stage 2: …"; "I took stage 1 of the back first, 3 blocks, and
// … stage 1 of the chest, 2 blocks") gives each site's stages to its
// lesion; when the sentences routed to a lesion do not tell its first
// stage ("Reading the first round: …" names no stage), no lesion gets any
// (CODING-RULES §1: never a stage short or a guessed one).
func TestStagesBeforeRepairLabels(t *testing.T) {
	const head = "Date of service: 11/30/2026\n\nHISTORY: Two biopsy-proven tumors: a nodular basal cell carcinoma of the right upper back and a squamous cell carcinoma of the left chest. I read all of the frozen sections myself.\n\n"
	const repairs = "\nREPAIRS, after tumor clearance at both sites:\nLesion #1, right upper back: complex repair, 4.5 cm.\nLesion #2, left chest: complex repair, 4.0 cm.\n"
	const routed = head + "I took stage 1 of the back first, 3 blocks, and while those were in the cryostat I took stage 1 of the chest, 2 blocks.\n\n" +
		"Back, stage 1: positive at the deep margin of block 2; blocks 1 and 3 clear. Chest, stage 1: positive at the peripheral margin of block 1; block 2 clear.\n\n" +
		"Back, stage 2: 1 block under block 2, clear. Chest, stage 2: 2 blocks, clear.\n" + repairs
	const rounds = head + "Reading the first round: the back showed tumor at the deep margin of block 2. The chest was clear, so the chest was done after one stage.\n\n" +
		"Second round: stage 2 of the back was 1 block, clear.\n" + repairs
	stages := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			var blocks []string
			for _, st := range les.Stages {
				blocks = append(blocks, fmt.Sprint(st.Blocks.N))
			}
			out = append(out, fmt.Sprint(les.Label, ":", strings.Join(blocks, ","), " ", les.Ambiguous.Present()))
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct{ name, src, want string }{
		{"§1 each site's stages to its lesion", routed, "1:3,1 false; 2:2,2 false"},
		{"§1 a lesion's first stage not routed: none", rounds, "1: true; 2: true"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, stages(mustLower(t, tt.src)))
		})
	}
}

// TestLabelSiteRepairLines: under "REPAIRS, after tumor clearance:" a
// labelled line of a lesion the note opened before ("Lesion #1, left
// forehead: simple repair after tumor clearance, 2.0 cm.") is that
// lesion's repair, and a label opened by a sideless site ("Lesion #2, the
// arm: stage 1 …") takes the side a later line of it names ("Lesion #2,
// right upper arm: …") (CODING-RULES §3 repairs, §9 laterality).
func TestLabelSiteRepairLines(t *testing.T) {
	const note = "Date of service: 11/18/2026\n\nI drew a Mohs map for every stage and read every frozen section myself.\n\n" +
		"Lesion #1, the forehead: stage 1 was divided into 2 blocks; both blocks clear.\n\n" +
		"Lesion #2, the arm: stage 1 was divided into 4 blocks, reaching the peripheral margin of block 3. Stage 2 was 2 blocks, clear.\n\n" +
		"REPAIRS, after tumor clearance:\nLesion #1, left forehead: simple repair after tumor clearance, 2.0 cm.\nLesion #2, right upper arm: intermediate layered closure after tumor clearance, 6.0 cm.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Site.Text.Value, "|", les.HeadingText.Value, " ", len(les.Repairs)))
	}
	assert.Equal(t, []string{"left forehead|left forehead 1", "right upper arm|right upper arm 1"}, got)
}

// TestListedLesionsToldInParagraphs: under a numbered list of the day's
// tumors, paragraphs whose first sentence names one of them ("The nose one
// came first.", "Next, the ear.") are that tumor's — stages, final defect
// and repair — not the last listed one's; "A, right jawline: …" under a
// repairs heading is lesion A's repair (CODING-RULES §1, §3).
func TestListedLesionsToldInParagraphs(t *testing.T) {
	const note = "Date of service: November 10, 2026\n\nTUMORS TREATED TODAY:\n1. Right nasal ala - nodular basal cell carcinoma.\n2. Left helix - squamous cell carcinoma.\n3. Right lateral neck - basal cell carcinoma.\n\n" +
		"I drew a Mohs map for every stage and interpreted every frozen section myself.\n\n" +
		"The nose one came first. It measured 0.8 x 0.7 cm. Its first stage was divided into four blocks, present at the deep margin of block three. Its second stage was one block and showed no residual tumor. Final defect 1.3 x 1.1 cm. After tumor clearance I closed it with a bilobed flap; primary defect 1.3 x 1.1 cm, secondary defect 2.6 sq cm.\n\n" +
		"Next, the ear. The helical tumor measured 0.9 x 0.8 cm. Its first stage was two blocks, with no tumor at any margin. After tumor clearance I performed a complex repair of the helix, 1.6 cm in length.\n\n" +
		"The neck one was last. Its first stage was six blocks, present at the peripheral margin of block five. Its second stage was one block and was free of tumor. After tumor clearance I performed an intermediate layered closure, 4.2 cm.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 3)
	var got []string
	for _, les := range n.Lesions {
		var blocks []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		got = append(got, fmt.Sprint(strings.Join(blocks, ","), " repairs ", len(les.Repairs), " defect ", les.FinalDefect.Dims))
	}
	assert.Equal(t, []string{"4,1 repairs 1 defect [1.3 1.1]", "2 repairs 1 defect []", "6,1 repairs 1 defect []"}, got)

	const repairs = "Date of service: 12/02/2026\n\nA. Right jawline - nodular basal cell carcinoma, 1.0 x 0.9 cm.\nB. Left conchal bowl - squamous cell carcinoma, 0.8 x 0.7 cm.\n\n" +
		"A, jawline: stage 1, two blocks, clear.\n\nB, conchal bowl: stage 1, three blocks, clear.\n\n" +
		"Repairs, performed after tumor clearance:\nA, right jawline: intermediate layered closure after tumor clearance, 2.2 cm.\nB, left conchal bowl: complex repair after tumor clearance, 1.2 cm.\n"
	n = mustLower(t, repairs)
	require.Len(t, n.Lesions, 2)
	for _, les := range n.Lesions {
		require.Len(t, les.Repairs, 1, les.Label)
	}
	assert.Contains(t, n.Lesions[0].Repairs[0].Value.Value, "intermediate")
	assert.Contains(t, n.Lesions[1].Repairs[0].Value.Value, "complex")
}

// TestLaterStageFirstInProse: a lesion of several whose prose tells its
// second and third stages but not its first ("The first stages at the
// cheek and the forearm were four and two blocks." then "Tumor A needed
// two further stages. Stage 2, … Stage 3, …") gets no stage — counting the
// two it has would code it a stage short — while its repair is still its
// own (CODING-RULES §1: never a wrong count).
func TestLaterStageFirstInProse(t *testing.T) {
	const head = "Date of service: 11/11/2026\nSlides read by: the Mohs surgeon\n\nTumor A - left cheek - infiltrative basal cell carcinoma.\nTumor B - right dorsal forearm - squamous cell carcinoma in situ.\n\n"
	const rest = "Tumor A needed two further stages. Stage 2, two blocks, still had strands at the deep margin of block one. Stage 3, one block, was free of tumor.\n\n" +
		"Repairs, after tumor clearance:\nTumor A, left cheek: intermediate layered closure after tumor clearance, 3.0 cm.\n"
	// CODING-RULES §1: a lesion's stages are counted only where the note
	// ties them to it; the first stages of both told in one sentence that
	// pairs each site with its count are each lesion's first stage
	n := mustLower(t, head+"The first stages at the cheek and the forearm were four and two blocks.\n\n"+rest)
	require.Len(t, n.Lesions, 2)
	a, b := n.Lesions[0], n.Lesions[1]
	assert.False(t, a.StagesAmbiguous.Present())
	assert.Equal(t, []int{4, 2, 1}, stageBlocks(a))
	assert.Equal(t, []int{2}, stageBlocks(b))
	assert.Len(t, a.Repairs, 1)

	// a sentence that does not pair them leaves Tumor A's first stage
	// untied: its later stages alone would code it a stage short
	n = mustLower(t, head+"The first stages at the cheek and the forearm were taken together, six blocks in all.\n\n"+rest)
	require.Len(t, n.Lesions, 2)
	a = n.Lesions[0]
	assert.True(t, a.StagesAmbiguous.Present())
	assert.Empty(t, a.Stages)
	assert.Len(t, a.Repairs, 1)
}

// TestSiteThenTumorOpenings: a dictation that opens each tumor with its
// site and then the tumor ("One tumor, the right lower leg: a …"; "The left
// upper cutaneous lip: a nodular basal cell carcinoma, …") gives each
// lesion that site (CODING-RULES §1, §5: the site sets the Mohs class), and
// a closing summary of stage counts for several sites is no stage of its
// own.
func TestSiteThenTumorOpenings(t *testing.T) {
	const head = "Date of service: 12/01/2026\n\n"
	runProseCases(t, []proseCase{
		{"one tumor, its site in apposition",
			head + "Dr. Lindqvist-Obi. One tumor, the right lower leg: a well-differentiated squamous cell carcinoma, shave biopsy 11/13/2026, 2.2 x 2.0 cm.\n\nThe first stage was divided into five blocks, all clear.\n",
			lesionOutline, "right lower leg 5"},
		{"each paragraph opened by its site and a colon, the second after the first's stages",
			head + "This is Dr. Varga-Mensah. Two tumors.\n\n" +
				"The left upper cutaneous lip: a nodular basal cell carcinoma, shave biopsy 11/02/2026, 0.8 x 0.6 cm. The first stage was three blocks, with tumor at block three. The second stage was one block and was clear.\n\n" +
				"The right nasal tip: a well-differentiated squamous cell carcinoma, shave biopsy 11/02/2026, 0.7 x 0.6 cm. The first stage was two blocks, both clear.\n\n" +
				"The lip took two stages and the nose one.\n",
			lesionOutline, "left upper cutaneous lip 3,1; right nasal tip 2"},
		{"'First, the left temple.' and 'Next, the right dorsal hand.', each four sentences before its first stage",
			head + "This is Dr. Varga-Mensah dictating for Mrs. Oduya-Pell, who had two tumors treated today. I read all of the frozen sections myself.\n\n" +
				"First, the left temple. This is a nodular basal cell carcinoma, biopsy-proven on a shave biopsy of 10/12/2026. It measured 1.1 x 0.9 cm before surgery. Mohs was indicated for its poorly defined borders. The first stage was divided into three blocks, with tumor at the deep margin of block two. A second stage was one block and was clear.\n\n" +
				"Next, the right dorsal hand. This is a well-differentiated squamous cell carcinoma, biopsy-proven on a shave biopsy of 10/12/2026. It measured 0.9 x 0.8 cm. Mohs was indicated for its location. The first stage was divided into two blocks, both clear.\n",
			lesionOutline, "left temple 3,1; right dorsal hand 2"},
		{"'The left nasal dorsum first.' then 'Then the right anterior knee.'",
			head + "Dr. Varga-Mensah. Two tumors, taken one at a time.\n\n" +
				"The left nasal dorsum first. This is a morpheaform basal cell carcinoma, 1.0 x 0.8 cm. The first stage was divided into three blocks, with tumor at block one. The second stage was one block and was clear.\n\n" +
				"Then the right anterior knee. This is a well-differentiated squamous cell carcinoma, 1.2 x 1.0 cm. The first stage was divided into two blocks, both clear.\n",
			lesionOutline, "left nasal dorsum 3,1; right anterior knee 2"},
		{"'Then the right anterior knee.' in the prose of the only lesion opened: no site, no stage given to it",
			head + "Dr. Varga-Mensah. Two tumors, taken one at a time.\n\n" +
				"This is a morpheaform basal cell carcinoma, 1.0 x 0.8 cm. The first stage was divided into three blocks, with tumor at block one. The second stage was one block and was clear.\n\n" +
				"Then the right anterior knee. This is a well-differentiated squamous cell carcinoma, 1.2 x 1.0 cm. The first stage was divided into two blocks, both clear.\n",
			lesionOutline, " ambiguous"},
		{"'the face' names the one tumor on the face",
			head + "Two tumors today.\n\n" +
				"The first tumor straddles the right nasal sidewall/medial cheek. It is a nodular basal cell carcinoma, 1.1 x 0.9 cm. The second tumor is on the left lower back, a well-differentiated squamous cell carcinoma, 1.8 x 1.5 cm.\n\n" +
				"We took the first layer at the face first, three blocks. While the face was processing we took the first layer of the back, five blocks.\n\n" +
				"The face came back first, with tumor at block three. We took a second layer at the face, one block, and it was clear. The back was clear.\n",
			lesionOutline, "right nasal sidewall 3,1; left lower back 5"},
		{"a dictated line ending in a colon over the tumors it lists is prose: its count of tumors is read",
			head + "Dr. Lindqvist-Obi dictating. Three tumors today:\nthe right temple, a melanoma in situ, 1.4 x 1.2 cm;\nthe left cheek, a nodular basal cell carcinoma, 0.8 x 0.7 cm;\nand the right posterior neck, an infiltrative basal cell carcinoma, 1.1 x 1.0 cm.\n\n" +
				"The temple went first. The first stage of the temple was three blocks, with tumor at block one. While the temple was in the lab we took the first stages of the cheek and the neck.\n",
			lesionOutline, " ambiguous"},
		{"'stage 1 of the chin' opens the chin though the sentence names the flank first",
			head + "He has two biopsy-proven skin cancers: a superficial basal cell carcinoma on the chin and a squamous cell carcinoma on the right flank. I read all frozen sections myself.\n\n" +
				"The flank was going to take most of the morning, so I did the small chin lesion first: stage 1 of the chin, two blocks, was clear at every margin. The flank's first stage went into eight blocks, with tumor at block 4. Its second stage, one block, was clear.\n",
			lesionOutline, "chin 2; right flank 8,1"},
		{"a list of the tumors an item each, then the first stages of all side by side",
			head + "Mr. Whitcombe-Adeyemi has three biopsy-proven tumors, all from shave biopsies of 11/12/2026:\n" +
				"- squamous cell carcinoma in situ of the left nasal sidewall, 0.9 x 0.8 cm; Mohs for the nasal location;\n" +
				"- nodular basal cell carcinoma of the crown of the scalp, 1.6 x 1.4 cm; Mohs because it is recurrent;\n" +
				"- nodular basal cell carcinoma of the right lower back, 2.5 x 2.0 cm; Mohs because it is recurrent.\n\n" +
				"I interpreted all frozen sections myself and drew a Mohs map for every stage.\n\n" +
				"The first stages at the nose, the crown and the back were two, four and six blocks, respectively. The second stages at the crown and the back were one and three blocks, respectively, and all of them were clear.\n",
			lesionOutline, "left nasal sidewall 2; crown of the scalp 4,1; right lower back 6,3"},
		{"the same sentence after a paragraph that names the tumors mid-sentence opens none",
			head + "This gentleman has two biopsy-proven skin cancers. The first is a nodular basal cell carcinoma of the left temple. The second is a squamous cell carcinoma in situ of the right dorsal forearm.\n\n" +
				"The first stages at the temple and the forearm were three and two blocks, respectively. A second stage was then taken at the temple as a single block, and it was clear.\n",
			lesionOutline, "left temple ambiguous"},
		{"a stage that two sites share is neither's",
			head + "This is Dr. Varga-Mensah. Two tumors.\n\n" +
				"The left upper cutaneous lip: a nodular basal cell carcinoma, shave biopsy 11/02/2026, 0.8 x 0.6 cm. The first stage was three blocks, all clear.\n\n" +
				"The right nasal tip: a well-differentiated squamous cell carcinoma, shave biopsy 11/02/2026, 0.7 x 0.6 cm. The first stage was two blocks, both clear.\n\n" +
				"At the lip and the nose the second stage was one block in all.\n",
			lesionOutline, "left upper cutaneous lip ambiguous; right nasal tip ambiguous"},
		{"sites as keys over their tumors, then the stages of all three side by side",
			head + "Dr. Lindqvist-Obi. Three tumors for Mrs. Langford-Obiora.\n\n" +
				"The right nasal dorsum: nodular basal cell carcinoma, shave biopsy 11/16/2026, 0.8 x 0.7 cm; Mohs for its location on the nose.\n\n" +
				"The left cheek: a 0.9 x 0.8 cm pearly papule with ill-defined borders that had never been biopsied. I took a tangential (shave) biopsy of it this morning and sent it for a frozen section, which showed nodular basal cell carcinoma. Mohs was indicated for its ill-defined borders on the face.\n\n" +
				"The right lower leg: squamous cell carcinoma in situ, shave biopsy 11/16/2026, 1.5 x 1.3 cm; Mohs to spare tissue.\n\n" +
				"The first Mohs stages at the nose, the cheek and the leg were two, three and four blocks, respectively. The nose had tumor at block two. The cheek was clear. The leg had tumor at block three.\n\n" +
				"The second stages at the nose and the leg were one block each, and both were clear.\n",
			lesionOutline, "right nasal dorsum 2,1; left cheek 3; right lower leg 4,1"},
	})
}

// TestLabelledDictationOfSeveralTumors: "TUMOR #N." opens each tumor's
// dictated paragraph, whose first sentence names its site before its
// tumor ("The right cheek lesion was a nodular basal cell carcinoma …"); a
// later paragraph that places its tumor by another ("Two centimeters below
// the second tumor, on the left mid back, was a …") is still its own
// label's. CODING-RULES §1: each tumor's Mohs lines by its own site and
// stages, 59/XS on the later tumors' (§8); they had been coded as one
// tumor's stage 1 of "two block counts" and the rest lost (site-missing).
func TestLabelledDictationOfSeveralTumors(t *testing.T) {
	note := "DATE OF SERVICE: 11/04/2026\nINSURANCE: Medicare\n\n" +
		"Three biopsy-proven tumors, all biopsied on 10/14/2026. For each site a Mohs map was drawn, and I personally interpreted every frozen section.\n\n" +
		"TUMOR #1. The right cheek lesion was a nodular basal cell carcinoma measuring 1.1 x 0.9 cm. Mohs was indicated because of its location on the central face. The first stage was divided into two blocks, which were clear at all margins.\n\n" +
		"TUMOR #2. The left upper back lesion was a superficial basal cell carcinoma measuring 1.6 x 1.2 cm, treated with Mohs because it was recurrent. The initial layer was split into three tissue blocks; there was residual carcinoma at the superior margin of block 1. One further layer of one block showed no residual carcinoma.\n\n" +
		"TUMOR #3. Two centimeters below the second tumor, on the left mid back, was a squamous cell carcinoma in situ measuring 1.2 x 1.0 cm, treated with Mohs for its poorly defined borders. The first stage was processed as two blocks, and both blocks were clear.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17311×1[]", "17313×1[XS]", "17313×1[XS]", "17314×1[XS]"}, lines)
	assert.NotContains(t, rules, "site-missing")
	assert.NotContains(t, rules, "prose-ambiguous")
}

// TestOrdinalTumorWithAComparison: "The first and larger tumor was a … of
// the right pretibial leg, …" opens its tumor's paragraph as "The first
// tumor was a …" does, and "Next we turned to the left antihelix, a …" the
// next one's (CODING-RULES §1: each tumor's lines by its own site; the note
// had counted two tumors but opened one: lesion-ambiguous, no line).
func TestOrdinalTumorWithAComparison(t *testing.T) {
	note := "DATE OF SERVICE: 11/24/2026\nINSURANCE: Aetna\n\n" +
		"Two biopsy-proven tumors were treated today with Mohs micrographic surgery. I personally interpreted every frozen section, and a Mohs map was drawn for each stage at both sites.\n\n" +
		"The first and larger tumor was a moderately differentiated squamous cell carcinoma of the right pretibial leg, diagnosed on a punch biopsy of 11/04/2026, measuring 2.4 x 2.0 cm. Mohs was indicated for a recurrent tumor with ill-defined borders. The initial layer was split into four tissue blocks, and tumor was present at the peripheral margins of blocks 1 and 2. A second layer of one block showed no residual carcinoma.\n\n" +
		"Next we turned to the left antihelix, a nodular basal cell carcinoma diagnosed on a shave biopsy of 11/04/2026, measuring 0.8 x 0.6 cm. Mohs was chosen because of its location on the ear. The first stage, two blocks, showed no tumor at any margin.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17311×1[59]", "17313×1[]", "17314×1[]"}, lines)
	assert.NotContains(t, rules, "lesion-ambiguous")
}

// TestStagesToldOutOfOrder: a dictation that tells its clearing stage
// first and the first stage after it ("Clearance was obtained with the
// second stage, … no residual tumour. The first stage, …, had shown …")
// keeps each stage by its number: the first stage's histology is the first
// stage's, the last stage is the clear one (CODING-RULES §1; §10:
// histology-missing, final-stage-positive only when the note does not
// say). A British "no tumour seen" after a stage's count is its clear
// margin.
func TestStagesToldOutOfOrder(t *testing.T) {
	head := "Date of service: 11/12/2026\nInsurance: UHC\nSite: Right dorsal hand\nDiagnosis: Squamous cell carcinoma, well differentiated\n" +
		"Indication: hand, tissue conservation\nPrior biopsy: Yes - punch biopsy 10/16/2026\nPre-op size: 1.2 x 1.0 cm.\n\n"
	prose := "Procedure: a Mohs map was drawn. All frozen sections were examined and reported by the operating surgeon.\n" +
		"Clearance was obtained with the second stage, a single section taken from the deep margin, which showed no residual tumour.\n" +
		"The first stage, excised with a 3 mm margin and divided into three sections, had shown well-differentiated squamous cell carcinoma in the deep dermis at the deep margin of section 2, without perineural invasion; sections 1 and 3 were clear.\n"
	lines, rules := codedNote(t, head+prose)
	assert.Equal(t, []string{"17311×1[]", "17312×1[]"}, lines)
	assert.NotContains(t, rules, "histology-missing")
	assert.NotContains(t, rules, "final-stage-positive")

	fields := "Map: drawn\nSlides read by: Mohs surgeon\nFirst stage: three sections. Nodular basal cell carcinoma reached the peripheral margin of section 3. Sections 1 and 2 were clear.\n" +
		"Second stage: one section taken from the area of section 3; no tumour seen.\n"
	_, rules = codedNote(t, head+fields)
	assert.NotContains(t, rules, "margins-missing")
}

// TestStageSentenceThenItsHistologyKey: "Stage 1 was divided into 3
// blocks. Histology: superficial and nodular BCC in the papillary dermis,
// no perineural invasion; all three blocks were clear." tells the stage,
// then what its slides showed: both are the stage's (§10: histology-missing
// and margins-missing had fired when the blocks were all clear).
func TestStageSentenceThenItsHistologyKey(t *testing.T) {
	note := "Date of service: 11/03/2026\nInsurance: Medicare\nSlides read by: Mohs surgeon\nMohs map: drawn\nLesion 1: left anterior knee\n" +
		"Diagnosis: Basal cell carcinoma, superficial and nodular\nPrior biopsy: yes - shave 10/14/2026\nIndication: ill-defined\nPreoperative size: 1.2 x 1.0 cm\n" +
		"Stage 1 was divided into 3 blocks. Histology: superficial and nodular BCC in\nthe papillary dermis, no perineural invasion; all three blocks were clear.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17313×1[]"}, lines)
	assert.NotContains(t, rules, "histology-missing")
	assert.NotContains(t, rules, "margins-missing")
}

// TestHistorysRepairTiming: a history's repair "after tumor clearance" in
// another year ("Mohs surgery of the right preauricular cheek in 2021 (two
// stages), closed with an intermediate repair after tumor clearance") does
// not time today's repair (CODING-RULES §3, §10: repair-timing-undocumented
// when the note does not say today's repair followed clearance).
func TestHistorysRepairTiming(t *testing.T) {
	note := "Date of service: 12/07/2026\nInsurance: Medicare\nSlides read by: Mohs surgeon\n" +
		"History: Mohs surgery of the right preauricular cheek in 2021 (two stages), closed with an intermediate repair after tumor clearance; no recurrence. Today's tumor is on the opposite side.\n\n" +
		"Site: Left preauricular cheek\nDiagnosis: Basal cell carcinoma, nodular\nPrior biopsy: yes - shave 11/16/2026\nIndication: face\nPre-op size: 1.0 x 0.8 cm\nMohs map: drawn\n" +
		"Stage 1: 2 blocks; margins: clear; histology: nodular BCC in the mid dermis\nRepair: intermediate layered repair, 2.4 cm\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"12051×1[]", "17311×1[]"}, lines)
	assert.Contains(t, rules, "repair-timing-undocumented")
}

// TestThirdParagraphOpenedBySentence: a dictation whose first tumors'
// paragraphs open with their sites and whose third opens "Third, the left
// cutaneous upper lip." codes all three (CODING-RULES §2: a first stage
// each, 59 on the second and third): the sentences that open the tumors
// find the one the site paragraphs miss, each paragraph's tumor among them.
func TestThirdParagraphOpenedBySentence(t *testing.T) {
	note := "DATE OF SERVICE: 10/27/2026\nINSURANCE: UHC Options PPO\n\n" +
		"Three biopsy-proven facial skin cancers were treated today with Mohs micrographic surgery: a basal cell carcinoma of the right nasal dorsum, a basal cell carcinoma of the left antihelix and a squamous cell carcinoma of the left cutaneous upper lip. I personally read all frozen sections, and a Mohs map was drawn for each stage at every site.\n\n" +
		"The right nasal dorsum tumor was a nodular basal cell carcinoma measuring 0.6 x 0.5 cm. Mohs was chosen for its location on the nose. The first stage was processed as two blocks; nodular basal cell carcinoma was present in the mid dermis without perineural invasion, and both blocks were clear.\n\n" +
		"Attention was then turned to the left antihelix. This nodular basal cell carcinoma measured 0.5 x 0.5 cm. Mohs was indicated for its location on the ear. The first stage was divided into two blocks; nodular basal cell carcinoma was present in the superficial dermis without perineural invasion, and both blocks were clear.\n\n" +
		"Third, the left cutaneous upper lip. This well-differentiated squamous cell carcinoma measured 0.5 x 0.4 cm. Mohs was chosen for its location on the lip. The first stage was processed as three blocks and showed well-differentiated squamous cell carcinoma in the superficial dermis without perineural invasion; all three blocks were clear.\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17311×1[59]", "17311×1[59]", "17311×1[]"}, lines, "%v", rules)
}

// TestIntroOfSeveralUnderPracticeName: a dictation's intro that lists its
// tumors by site ("Two basal cell carcinomas were treated today …: a
// biopsy-proven tumor of the right cheek, and a tumor of the left lateral
// neck …") speaks of every lesion, also when the practice's name above it
// is prose of the note's own: the first lesion is not given both sites
// (CODING-RULES §1: it had been lesion-ambiguous, no Mohs line).
func TestIntroOfSeveralUnderPracticeName(t *testing.T) {
	const note = "THORNFIELD LAKE DERMATOLOGY & MOHS SURGERY\n\nDATE OF SERVICE: 12/01/2026\n\n" +
		"Two basal cell carcinomas were treated today with Mohs micrographic surgery: a biopsy-proven tumor of the right cheek, and a tumor of the left lateral neck that was diagnosed today. I personally read all frozen sections, and a Mohs map was drawn for each stage at both sites.\n\n" +
		"The right cheek tumor was a nodular basal cell carcinoma diagnosed on a shave biopsy of 11/03/2026, measuring 0.9 x 0.8 cm. Mohs was chosen because of its location on the face and its ill-defined borders. " +
		"The first stage was divided into three blocks; nodular basal cell carcinoma was present in the mid dermis without perineural invasion, with tumor at the deep margin of block 3, and blocks 1 and 2 were clear. " +
		"A second stage of one block beneath block 3 was clear. The final defect measured 1.3 x 1.1 cm. After tumor clearance it was closed with an intermediate layered repair, 2.8 cm in length.\n\n" +
		"Attention was then turned to the left lateral neck. The first stage was processed as two blocks, and both blocks were clear.\n"
	runProseCases(t, []proseCase{
		{"§1 the intro of both tumors is no site of the first", note, lesionOutline, "right cheek 3,1 [intermediate layered repair [2.8]]; left lateral neck 2"},
	})
}

// TestIntroOfOrdinalTumorsBeforeSiteStages: a dictation in one paragraph
// whose intro counts part of its tumors and then all of them ("two
// biopsy-proven tumors, and a third, unbiopsied lesion was found today;
// all three were treated"), names each by an ordinal ("The first tumor was
// … of the left cheek …. The second was … of the right temple …") and
// then opens each tumor by its stage sentence ("The first stage at the
// left cheek …") gives each tumor its own stages (CODING-RULES §1): the
// count of two is no count of today's tumors, and the intro is no part of
// the first tumor's prose (it had been lesion-ambiguous, no Mohs line).
func TestIntroOfOrdinalTumorsBeforeSiteStages(t *testing.T) {
	const note = "Date of service: 11/18/2026\n\n" +
		"Mr. Vale came in for Mohs surgery of two biopsy-proven tumors, and a third, unbiopsied lesion was found today; all three were treated and are dictated in the order treated. " +
		"The first tumor was a nodular basal cell carcinoma of the left cheek, 1.1 x 0.9 cm, diagnosed on a shave biopsy of 10/28/2026. " +
		"The second was a keratotic papule of the right temple, 0.7 x 0.6 cm, that had not been biopsied before today; a shave biopsy of it was performed today and submitted for frozen section, which I read as well-differentiated squamous cell carcinoma. " +
		"The third was a well-differentiated squamous cell carcinoma of the right dorsal wrist, 1.2 x 1.0 cm, diagnosed on a shave biopsy of 10/28/2026. " +
		"A Mohs map was drawn for every stage at each site and I personally interpreted all frozen sections. " +
		"The first stage at the left cheek was divided into two blocks, with tumor at the lateral margin of block 2 and block 1 clear, and the second stage at the left cheek, one block at the lateral margin, was clear. " +
		"The first stage at the right temple was divided into two blocks, and both blocks were clear. " +
		"The first stage at the right dorsal wrist was divided into three blocks, and all three blocks were clear.\n"
	runProseCases(t, []proseCase{
		{"§1 each tumor its stages", note, lesionOutline, "left cheek 2,1; right temple 2; right dorsal wrist 3"},
	})
}

// TestIntroSizesBesideARegion: an intro that names each tumor with its size
// ("the first a nodular basal cell carcinoma of the right lower eyelid
// measuring 0.8 x 0.6 cm, …, and the second a … squamous cell carcinoma of
// the left preauricular skin measuring 1.2 x 1.0 cm") gives each lesion its
// size and indication also when a later sentence names a region with a
// diagnosis ("… because it is an invasive squamous cell carcinoma of the
// face"): the region is no third tumor (size-missing and
// indication-missing had fired on both).
func TestIntroSizesBesideARegion(t *testing.T) {
	const note = "Date of service: 09/15/2026\n\nShe was seen today for Mohs surgery of two biopsy-proven tumors, the first a nodular basal cell carcinoma of the right lower eyelid measuring 0.8 x 0.6 cm, diagnosed on a shave biopsy of 08/25/2026, and the second a well-differentiated squamous cell carcinoma of the left preauricular skin measuring 1.2 x 1.0 cm, diagnosed on a shave biopsy of 08/25/2026. " +
		"Mohs was chosen for the first because of its eyelid location, where tissue must be spared, and for the second because it is an invasive squamous cell carcinoma of the face with indistinct borders. " +
		"The first stage at the right lower eyelid was divided into two blocks, both clear. The first stage at the left preauricular skin was divided into two blocks, both clear.\n"
	runProseCases(t, []proseCase{
		{"§1 size and indication of each tumor", note, perLesion(func(les model.Lesion) string {
			return fmt.Sprint(les.Site.Text.Value, " ", les.Size.Dims, " ", les.Indication.Present())
		}), "right lower eyelid [0.8 0.6] true; left preauricular skin [1.2 1] true"},
		{"§1 the region between the tumors an enumeration names", "Date of service: 09/03/2026\n\nHe presents today for Mohs surgery of two biopsy-proven skin cancers: (1) a well-differentiated squamous cell carcinoma of the right temple, 1.1 x 0.9 cm, treated with Mohs because it is an invasive squamous cell carcinoma of the face with indistinct borders; (2) a nodular basal cell carcinoma of the left cheek, 0.9 x 0.8 cm, treated with Mohs because of its facial location. " +
			"The first stage at the right temple was divided into two blocks, both clear. The first stage at the left cheek was divided into two blocks, both clear.\n",
			perLesion(func(les model.Lesion) string { return fmt.Sprint(les.Site.Text.Value, " ", les.Size.Dims) }), "right temple [1.1 0.9]; left cheek [0.9 0.8]"},
	})
}

// TestBothOfTheTumorsProven: "treated both of the basal cell carcinomas you
// had confirmed on your shave biopsies of 09/02/2026" proves every tumor
// the letter then describes (CODING-RULES §1: diagnosis-unconfirmed had
// fired on both).
func TestBothOfTheTumorsProven(t *testing.T) {
	const note = "Dear Dr. Whitcombe,\n\nI operated on her on September 30, 2026, and treated both of the basal cell carcinomas you had confirmed on your shave biopsies of 09/02/2026. I read all of the frozen sections myself.\n\n" +
		"The first was a nodular basal cell carcinoma of the right lower eyelid, measuring 0.7 x 0.6 cm. The first stage was processed as two blocks, both clear.\n\n" +
		"The second was a superficial basal cell carcinoma of the left posterior neck, measuring 1.0 x 0.8 cm. A single stage of two blocks was clear.\n"
	runProseCases(t, []proseCase{
		{"§1 prior biopsy of both", note, perLesion(func(les model.Lesion) string { return fmt.Sprint(les.Site.Text.Value, " ", les.PriorBiopsy.Yes) }),
			"right lower eyelid true; left posterior neck true"},
	})
}

// TestAllThreeBiopsyProven: a terse note's "MMS x3 today. All 3 bx-proven
// (shave bx 8/27/26)." above its three numbered tumors proves each
// (diagnosis-unconfirmed had fired on all three).
func TestAllThreeBiopsyProven(t *testing.T) {
	const note = "DOS: 9/22/26\n\nMMS x3 today. All 3 bx-proven (shave bx 8/27/26). FS read by me (Mohs surgeon), all stages.\n\n" +
		"#1 Rt temple - Dx BCC nod.\n  S1 2 blks: neg.\n\n#2 Lt nasal dorsum - Dx BCC nod.\n  S1 3 blks: all neg.\n\n#3 Lt dorsal forearm - Dx SCC, WD.\n  S1 2 blks: neg.\n"
	runProseCases(t, []proseCase{
		{"§1 prior biopsy of all three", note, perLesion(func(les model.Lesion) string { return fmt.Sprint(les.PriorBiopsy.Yes) }), "true; true; true"},
	})
}

// perLesion lists what show says of each lesion, "; " between them.
func perLesion(show func(model.Lesion) string) func(*model.Note) string {
	return func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, show(les))
		}
		return strings.Join(out, "; ")
	}
}

// perLesionEach lists, lesion by lesion, what show says of each of a
// lesion's stages or repairs, "," between them and "; " between lesions.
func perLesionEach(show func(model.Lesion) []string) func(*model.Note) string {
	return perLesion(func(les model.Lesion) string { return strings.Join(show(les), ",") })
}

// repairValues are a lesion's repairs' values.
func repairValues(les model.Lesion) []string {
	var out []string
	for _, r := range les.Repairs {
		out = append(out, r.Value.Value)
	}
	return out
}

// TestInterleavedDictation: a dictation of tumors worked in parallel, told
// in the day's order ("While the left temple was in the lab, I took the
// first layer of the right shoulder as two blocks. … The temple slides came
// back twenty minutes later. …"), gives each tumor its own stages, the
// dictation going back to a tumor it left when a sentence names it; a
// tumor named only beside a time ("ready before the temple: …") takes
// nothing of the sentence (CODING-RULES §1: each lesion's stages are its
// own).
func TestInterleavedDictation(t *testing.T) {
	outline := perLesion(func(les model.Lesion) string {
		var blocks []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		return les.Site.Text.Value + " " + strings.Join(blocks, ",") + " " + les.Diagnosis.Value
	})
	tests := []struct{ file, want string }{
		{"testdata/probe221/dict-2-tumours-l-temple-while-r-shoulder-in-lab-12032-12052-medicare.txt",
			"left temple 3,1 Nodular basal cell carcinoma; right posterior shoulder 2 well differentiated squamous cell carcinoma"},
		{"testdata/probe244/dict-2-tumours-l-nasal-ala-bilobed-14060-r-forearm-12032-medicare.txt",
			"left nasal ala 3,1 nodular basal cell carcinoma; right dorsal forearm 2 well-differentiated squamous cell carcinoma"},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			src, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			assert.Equal(t, tc.want, outline(mustLower(t, string(src))))
		})
	}
}

// TestInterleavedSummariesOfEverySite: in a course told site by site below
// a lettered list of the tumors, a stage sentence closing "…, and both
// sites were then tumor free" is still the one site's stage, and a
// sentence that documents the map of "each stage at both sites" documents
// every tumor's (CODING-RULES §1: each lesion's stages are its own; the
// map and the reader are documented per lesion).
func TestInterleavedSummariesOfEverySite(t *testing.T) {
	note := "Encounter date: 10/13/2026\nProvider: D. Achterberg, DO\nPathology: frozen sections read by the Mohs surgeon\n\n" +
		"TUMORS TREATED TODAY\n" +
		"A. Left lower eyelid - basal cell carcinoma, nodular. Shave biopsy 09/15/2026. Pre-op size 0.7 x 0.6 cm.\n" +
		"B. Right cheek - squamous cell carcinoma. Shave biopsy 09/15/2026. Pre-op size 1.6 x 1.3 cm.\n\n" +
		"INTRAOPERATIVE COURSE:\n" +
		"We began with the left lower eyelid. The first eyelid stage was taken and split into two blocks. Each stage at both sites was drawn on its own Mohs map and inked to match it.\n" +
		"While the eyelid stage was in the lab, the first cheek stage was taken and divided into three blocks.\n" +
		"The first eyelid stage showed nodular basal cell carcinoma. Block 1 was positive at the medial margin; block 2 was clear. A second eyelid stage, one block, was taken.\n" +
		"The first cheek stage showed squamous cell carcinoma at the deep margin of block 3. A second cheek stage of one block was taken.\n" +
		"At 09:30 the second eyelid stage was clear. At 09:50 the second cheek stage was clear, and both sites were then tumor free.\n"
	runProseCases(t, []proseCase{
		{"§1 each site's stages, the last closing on every site clear", note, perLesionEach(func(les model.Lesion) []string {
			var out []string
			for _, s := range les.Stages {
				out = append(out, fmt.Sprintf("%d:%d", s.Blocks.N, len(s.Margins)))
			}
			return out
		}), "2:1,1:1; 3:1,1:1"},
		{"§1 the map of each stage at both sites", note, perLesion(func(les model.Lesion) string { return fmt.Sprint(les.Map.Yes) }), "true; true"},
	})
}

// TestWhileClauseOfAnotherTumor: "While the helix was being processed, the
// first stage of the right upper back was excised. It was … divided into
// six blocks." tells the back's stage, the helix named only beside it in
// time; a clause that names the stage waited on ("while site A stage 2
// was processing") still names that tumor (CODING-RULES §1: each lesion's
// stages are its own).
func TestWhileClauseOfAnotherTumor(t *testing.T) {
	head := "Encounter date: 10/15/2026\nProvider: D. Achterberg, DO\nPathology: frozen sections read by the Mohs surgeon\n\n" +
		"TUMORS TREATED TODAY\n" +
		"A. Left helix - squamous cell carcinoma. Shave biopsy 09/20/2026.\n" +
		"B. Right upper back - basal cell carcinoma. Shave biopsy 09/20/2026.\n\n" +
		"INTRAOPERATIVE COURSE:\n"
	note := head +
		"08:02 - Left helix, first stage excised and divided into two blocks; to the lab.\n" +
		"08:15 - While the helix was being processed, the first stage of the right upper back was excised. It was a broad, flat tumor and the stage was divided into six blocks.\n" +
		"08:50 - Helix first stage read: squamous cell carcinoma, both blocks clear.\n" +
		"09:20 - Back first stage read: basal cell carcinoma; all six blocks clear.\n"
	runProseCases(t, []proseCase{
		{"§1 the back's stage, beside the helix in time", note, perLesion(func(les model.Lesion) string { return fmt.Sprint(stageBlocks(les)) }), "[2]; [6]"},
	})
}

// TestRepairsOfTheirOwnSite: a repair stays with the tumour whose site it
// is (CODING-RULES §3: a repair is coded in its own site's group). "This
// single defect was repaired with one … cheek rotation flap" under the
// second tumour, of the nasolabial fold, names no cheek tumour: the cheek
// is the flap's name. Under "Wound closures:", an item timed before its
// colon and remarking on another tumour in parentheses ("- Right upper
// eyelid, after tumor clearance (while the second scalp stage was
// processing): complex repair …") is the eyelid's repair, not the scalp's.
func TestRepairsOfTheirOwnSite(t *testing.T) {
	const head = "Date of service: 09/21/2026\nSurgeon: R. Okafor, MD\nPathology: read by the Mohs surgeon\n\n"
	runProseCases(t, []proseCase{
		{"§3 the flap's name is no lesion", head +
			"Tumor 1, right medial cheek: basal cell carcinoma, biopsy-proven. The first stage was divided into two blocks, all clear.\n\n" +
			"Tumor 2, right nasolabial fold: squamous cell carcinoma, biopsy-proven. One stage was taken and divided into three blocks, all clear.\n\n" +
			"After tumor clearance at both sites, the intervening bridge was excised, converting them into one combined defect measuring 3.3 x 1.8 cm. This single defect was repaired with one inferolaterally based cheek rotation flap; the secondary defect measured 9.0 sq cm.\n",
			perLesionEach(repairValues), "; rotation flap"},
		{"§3 each closure its own site's", head +
			"Site A - Left parietal scalp\n  Diagnosis: basal cell carcinoma\n  Stage 1: 2 blocks; clear\n" +
			"Site B - Right upper eyelid\n  Diagnosis: basal cell carcinoma\n  Stage 1: 2 blocks; clear\n\n" +
			"Wound closures:\n" +
			"- Right upper eyelid, after tumor clearance (while the second scalp stage was processing): complex repair placed in the lid crease, length 1.6 cm.\n" +
			"- Left parietal scalp, after tumor clearance: rotation flap from the posterior parietal scalp, secondary defect 9.5 sq cm.\n",
			perLesionEach(repairValues), "rotation flap; complex repair"},
	})
}

// TestBackAsAnAdverb: "Back to the ear." and "the skin undermined front
// and back" name no tumour of the back: the helix's repair sentence stays
// the helix's, its length with it (CODING-RULES §3).
func TestBackAsAnAdverb(t *testing.T) {
	note := "Date of service: 11/10/2026\nSurgeon: C. Hale, MD\nPathology: read by the Mohs surgeon\n\n" +
		"Tumor A: left helix, basal cell carcinoma, biopsy-proven.\nTumor B: left upper back, squamous cell carcinoma, biopsy-proven.\n\n" +
		"Tumor A: Helix stage 1, two blocks, clear. Tumor B: Back stage 1, three blocks, clear. After tumor clearance the left upper back was closed in layers, 4.8 cm.\n\n" +
		"Back to the ear. After tumor clearance the helix was repaired with a complex closure: the skin undermined front and back and closed in layers, final length 2.0 cm.\n"
	lengths := perLesionEach(func(les model.Lesion) []string {
		var out []string
		for _, r := range les.Repairs {
			out = append(out, fmt.Sprint(r.Length.Dims))
		}
		return out
	})
	runProseCases(t, []proseCase{
		{"§3 the helix's length", note, lengths, "[2]; [4.8]"},
	})
}

// TestLesionsListedAgainWithFacts: a second lettered list of the same
// lesions ("Why Mohs, and sizes:" over "A) Left lower eyelid, 0.7 x 0.5
// cm, …. Mohs for the periocular site …") gives each lesion its size and
// its indication (CODING-RULES §1: size-missing and indication-missing
// otherwise); an item whose site is not its marker's lesion's gives none.
func TestLesionsListedAgainWithFacts(t *testing.T) {
	note := func(b string) string {
		return "DOS: 11/05/2026\nPathology: read by the Mohs surgeon\n\nPre-op diagnoses:\n A) Left lower eyelid - squamous cell carcinoma in situ (shave biopsy 10/08/2026)\n B) Right temple - basal cell carcinoma, nodular (shave biopsy 10/08/2026)\n\n" +
			"Why Mohs, and sizes:\n A) Left lower eyelid, 0.7 x 0.5 cm, 4 mm below the lash line. Mohs for the periocular site and to spare lid skin.\n " + b + "\n\n" +
			"A: first eyelid layer, two blocks, clear. B: first temple layer, three blocks, clear.\n"
	}
	facts := perLesion(func(les model.Lesion) string {
		return fmt.Sprint(les.Size.Dims, " ", les.Indication.Present())
	})
	runProseCases(t, []proseCase{
		{"§1 each lesion's size and indication", note("B) Right temple, 0.9 x 0.8 cm. Mohs for the facial location."), facts, "[0.7 0.5] true; [0.9 0.8] true"},
		{"§1 an item at another lesion's site gives none", note("B) Left knee, 1.5 x 1.3 cm. Mohs because it recurred."), facts, "[0.7 0.5] true; [] false"},
	})
}

// TestWhereOnTheOneTumor: a typed note's one tumour named by its site alone
// ("L nasal ala. Nodular BCC … pearly papule at the alar groove.") is at
// that site; a second site with no side and the same groups says where on
// it, no second tumour (CODING-RULES §1: site-missing codes nothing).
func TestWhereOnTheOneTumor(t *testing.T) {
	n := mustLower(t, "Date: Oct 5, 2026\nAll frozen sections (H&E) read by me.\n\n"+
		"L nasal ala. Nodular BCC on shave bx Sep 14. Measures 8 x 6 mm, pearly papule at the alar groove.\nStage 1: 3 sections, clear.\n")
	assert.Equal(t, "L nasal ala", n.Lesions[0].Site.Text.Value)
}
