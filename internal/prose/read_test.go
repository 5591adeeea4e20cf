package prose

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// phraseCase is one phrasing: the rule it exercises, the prose (paragraphs
// separated by a blank line), and the summary lines of the named families
// it must give — exactly those, so nothing is invented.
type phraseCase struct {
	rule string
	text string
	fams []string
	want []string
}

func runPhrases(t *testing.T, cases []phraseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			got := summary(Read(splitParagraphs(tc.text)))
			want := tc.want
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, only(got, tc.fams...), "all facts:\n%s", strings.Join(got, "\n"))
		})
	}
}

func TestStages(t *testing.T) {
	stage := []string{"stage ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"roman stage headers; 'an additional layer' under Stage II is stage 2",
			"Stage I: The specimen was divided into three pieces. Piece 2 showed BCC at the deep margin.\n\nStage II: An additional layer was taken and processed as two blocks. The margins were clear.",
			stage, []string{"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=clear"}},
		{"ordinal words: first stage, a second stage of two blocks",
			"The first stage was divided into three blocks; block 3 was positive. A second stage of two blocks was taken. Both blocks were clear of tumor.",
			stage, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=2 margin=clear"}},
		{"an additional stage is previous + 1, across paragraphs",
			"Stage 1 consisted of 2 blocks; tumor remained at 6 o'clock.\n\nAn additional stage of one block was taken and was clear.",
			stage, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"a further layer after two stages is stage 3",
			"Stage 1: 3 blocks, positive. Stage 2: 2 blocks, positive. A further layer of one block was clear.",
			stage, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"levels are stages when ordinal; sections are blocks",
			"The first level was divided into four sections. A second level of three sections was excised from the positive areas; all three were negative.",
			stage, []string{"stage 1 blocks=4 margin=unknown", "stage 2 blocks=3 margin=clear"}},
		{"log style: 1st Stage: 2 Sections, Positive",
			"1st Stage: 2 Sections, Positive\n2nd Stage: 1 Sections, Negative",
			stage, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"spelled cardinal layers: Mohs layer one / layer two; halves are blocks",
			"Mohs layer one was divided into two halves; tumor remained at the deep margin. Layer two was processed as one block and was clear.",
			stage, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"Layer I / Layer II",
			"Layer I: 7 sections, margins positive at 12 o'clock. Layer II: 3 sections, clear.",
			stage, []string{"stage 1 blocks=7 margin=positive", "stage 2 blocks=3 margin=clear"}},
		{"a stage named after a preposition is named in passing",
			"Stage 2 was taken from the area of block 3 of the first stage and consisted of 1 block; clear.",
			stage, []string{"stage 2 blocks=1 margin=clear"}},
		{"layers of sutures are no stages",
			"The wound was closed in two layers; a second layer of 6-0 nylon sutures was placed.",
			stage, nil},
		{"a stage mentioned again keeps its number",
			"Stage 1 was divided into 2 blocks. The tumor in the first stage consisted of infiltrative strands of basal cell carcinoma in the dermis.",
			stage, []string{"stage 1 blocks=2 margin=unknown histology"}},
		{"two stages in one sentence each get their own blocks",
			"Stage 1 had 3 blocks and stage 2 had 1 block.",
			stage, []string{"stage 1 blocks=3 margin=unknown", "stage 2 blocks=1 margin=unknown"}},
		{"passes are stages: two Mohs passes, for the first pass, the second pass",
			"The tumor was removed in two Mohs passes. For the first pass a specimen was excised and divided into 3 blocks; block 1 was positive.\n\nThe second pass removed a thin crescent of tissue. It was embedded as a single block and was negative for residual carcinoma.",
			[]string{"stage ", "stage-count "}, []string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=clear", "stage-count 2"}},
		{"a single pass of the curette is no stage", "A single pass of the curette was made.", stage, nil},
		{"the single stage is stage 1", "The single stage was mapped and divided into six pieces; all six pieces were free of tumor.", stage,
			[]string{"stage 1 blocks=6 margin=clear"}},
		{"the single stage after a second stage names none",
			"Stage 1: 2 blocks, positive. Stage 2: 1 block, clear. The single stage was divided into six pieces.", stage,
			[]string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear", "ambiguity a count of 6 blocks is not tied to a stage"}},
		{"a re-excision follows the last stage; the final excision follows a stage that was not clear",
			"The initial excision was divided into four pieces; tumor at 9 o'clock in piece 2.\n\nA re-excision at 9 o'clock was bisected. One half was free of tumor; the other half still showed tumor at its peripheral edge.\n\nThe final excision, a single block from that edge, was clear.", stage,
			[]string{"stage 1 blocks=4 margin=positive", "stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"a re-excision in the history is no stage", "The tumor had previously been treated with a re-excision of the margins.", stage, nil},
		{"the final stage after a clear stage is that stage",
			"Stage 1: 2 blocks, positive. Stage 2: 1 block, clear. The final stage was interpreted by me.", stage,
			[]string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"the final stage after a stage of unknown margins names none",
			"Stage 1 was divided into 2 blocks.\n\nThe final stage, a single block, was clear.", stage,
			[]string{"stage 1 blocks=2 margin=unknown"}},
		{"a further layer after a concessive clause is the next stage",
			"The second layer was processed as a single block and was free of tumor.\n\nAlthough the second layer was clear, a further layer of one block was taken from the deep margin. This further layer was also free of tumor.", stage,
			[]string{"stage 2 blocks=1 margin=clear", "stage 3 blocks=1 margin=clear"}},
		{"a block of a deep structure is a block", "The second stage, a single block of perichondrium beneath block 1, was free of tumor.", stage,
			[]string{"stage 2 blocks=1 margin=clear"}},
		{"a stage named where tissue was taken (beneath, below, deep to) is named in passing (§1: stages as listed)",
			"Stage 1: 3 blocks, positive. Stage 2: 1 block, positive. Stage 3 consisted of 1 block, taken from the deep margin beneath stage 2, and was clear.", stage,
			[]string{"stage 1 blocks=3 margin=positive", "stage 2 blocks=1 margin=positive", "stage 3 blocks=1 margin=clear"}},
		{"below and deep to as well",
			"Stage 1: 2 blocks, positive. The second stage, 1 block taken deep to stage 1, was clear; a third stage of 1 block below stage 2 was clear.", stage,
			[]string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear", "stage 3 blocks=1 margin=clear"}},
		{"an ordinal without its noun after the stages are named is a stage (§1)",
			"Clearance took two stages: the first, of three sections, showed basal cell carcinoma at the deep margin of section 2, and the second, one section taken from beneath section 2, was free of tumor.", stage,
			[]string{"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=1 margin=clear"}},
		{"an ordinal without its noun and no stages named before is none",
			"The first, of three sections, was examined.", stage, nil},
		{"cardinal after the noun: Stage one", "Stage one: three blocks, clear.", stage, []string{"stage 1 blocks=3 margin=clear"}},
		{"second-stage with a hyphen", "The second-stage specimen was divided into 2 blocks.", stage, []string{"stage 2 blocks=2 margin=unknown"}},
		{"a described stage named in passing is what the sentence is about",
			"The first stage was divided into two blocks.\n\nSections from the first stage showed basal cell carcinoma at the deep margin.",
			stage, []string{"stage 1 blocks=2 margin=positive histology"}},
		{"a stage named after a preposition of time is never created",
			"The tumor was debulked prior to the first stage.", stage, nil},
		{"a tumor stage is no Mohs stage",
			"The melanoma was AJCC stage IIA.",
			stage, nil},
		{"Clark level is no stage", "Melanoma in situ, Clark level I.", stage, nil},
		{"stage II melanoma is no Mohs stage", "History of stage II melanoma.", stage, nil},
		{"stage 2a is no Mohs stage", "Squamous cell carcinoma, BWH stage 2a.", stage, nil},
		{"a pain level is no stage", "Pain level 2 of 10 after the procedure.", stage, nil},
		{"a pressure ulcer stage is no Mohs stage", "She has a stage 2 pressure ulcer on the sacrum.", stage, nil},
		{"the debulk specimen is no block", "Stage 1: two specimens, the debulk and one margin block.", stage, []string{"stage 1 blocks=1 margin=unknown"}},
		{"the first layer of sutures is no stage", "The first layer was closed with 4-0 Vicryl.", stage, nil},
	})
}

func TestBlockCountsInWords(t *testing.T) {
	stage := []string{"stage ", "unstaged ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"divided into three pieces", "Stage 1 was divided into three pieces.", stage, []string{"stage 1 blocks=3 margin=unknown"}},
		{"processed as two blocks", "Stage 2: an additional layer was processed as two blocks.", stage, []string{"stage 2 blocks=2 margin=unknown"}},
		{"x2 after the noun", "Stage 1: blocks x2, clear.", stage, []string{"stage 1 blocks=2 margin=clear"}},
		{"a single section", "Stage 2 was a single section, clear.", stage, []string{"stage 2 blocks=1 margin=clear"}},
		{"consisted of 1 block", "Stage 3 consisted of 1 block.", stage, []string{"stage 3 blocks=1 margin=unknown"}},
		{"tissue blocks", "Stage 1 was submitted as 7 tissue blocks.", stage, []string{"stage 1 blocks=7 margin=unknown"}},
		{"specimens", "Stage 1 was cut into two specimens.", stage, []string{"stage 1 blocks=2 margin=unknown"}},
		{"one-block", "Stage II was a one-block layer.", stage, []string{"stage 2 blocks=1 margin=unknown"}},
		{"twelve in words", "Stage 1 was divided into twelve blocks.", stage, []string{"stage 1 blocks=12 margin=unknown"}},
		{"slides are not blocks", "Stage 1: 3 blocks (6 slides).", stage, []string{"stage 1 blocks=3 margin=unknown"}},
		{"pieces of gauze are no blocks", "Stage 1: two pieces of gauze were applied.", stage, []string{"stage 1 blocks=0 margin=unknown"}},
		{"cryostat sections of each block are no blocks", "Stage 1: each block was cut into 6 sections.", stage, []string{"stage 1 blocks=0 margin=unknown"}},
		{"blocks per stage of several stages count no stage", "Two stages were taken, each with 2 blocks.", stage, nil},
		{"levels are cut levels, not blocks", "Stage 1 was cut at three levels.", stage, []string{"stage 1 blocks=0 margin=unknown"}},
		{"block 3 and blocks 1 and 2 name blocks", "Stage 1: block 3 was positive; blocks 1 and 2 were clear.", stage, []string{"stage 1 blocks=0 margin=positive"}},
		{"all three pieces restates the count", "Stage 1 was divided into three pieces. I interpreted all three pieces myself.", stage, []string{"stage 1 blocks=3 margin=unknown"}},
		{"two different counts for one stage: ambiguous, no count",
			"Stage 1 was divided into three blocks. Stage 1 consisted of 4 blocks.", stage,
			[]string{"stage 1 blocks=0 margin=unknown", "ambiguity two block counts (3 and 4) for stage 1"}},
		{"a total is the lesion's, no stage's", "Stage 1 was taken and a total of 5 blocks were examined.",
			[]string{"stage ", "block-total ", "ambiguity "}, []string{"stage 1 blocks=0 margin=unknown", "block-total 5"}},
		{"a count with no stage named goes to Unstaged",
			"A thin disc of tissue was excised. The tissue was divided into two blocks; both margin blocks were free of tumor.", stage,
			[]string{"unstaged blocks=2 margin=clear"}},
		{"a count not tied to a stage while stages are named is ambiguous",
			"Stage 1 was divided into 3 blocks.\n\nThe tissue was divided into four blocks.", stage,
			[]string{"stage 1 blocks=3 margin=unknown", "ambiguity a count of 4 blocks is not tied to a stage"}},
	})
}

func TestStageCounts(t *testing.T) {
	fams := []string{"stage-count ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"a total of two stages", "Mohs surgery was completed in a total of two stages.", fams, []string{"stage-count 2"}},
		{"Mohs x 2 stages", "Mohs x 2 stages.", fams, []string{"stage-count 2"}},
		{"cleared after three stages", "The tumor was cleared after three stages.", fams, []string{"stage-count 3"}},
		{"one stage", "PROCEDURE: Mohs micrographic surgery, one stage.", fams, []string{"stage-count 1"}},
		{"'mohs surgery x 2' counts lesions, not stages", "Patient is here today for mohs surgery x 2.", fams, nil},
		{"a stage count against the stages described is ambiguous",
			"A total of three stages were taken. Stage 1: 2 blocks. Stage 2: 1 block, clear.", fams,
			[]string{"stage-count 3", "ambiguity 3 stages stated, 2 described"}},
	})
}

// TestServiceDate: the date that opens a sentence saying the Mohs surgery
// took place is the date of service (NOTE-FORMAT §2: the date on every
// claim line); a date of a biopsy or of past surgery is not.
func TestServiceDate(t *testing.T) {
	fams := []string{"service-date "}
	runPhrases(t, []phraseCase{
		{"digits", "On 07/22/2025 Mr. Okwuosa-Lund underwent Mohs micrographic surgery for a SCC of the neck.", fams, []string{`service-date "07/22/2025"`}},
		{"month in words", "On July 22, 2025, the patient underwent Mohs surgery of the left cheek.", fams, []string{`service-date "July 22, 2025"`}},
		{"a biopsy date is not", "On 06/24/2025 a shave biopsy was performed and showed BCC.", fams, nil},
		{"past surgery is not", "On 03/01/2019 he had Mohs surgery of the nose.", fams, nil},
		{"a date inside the sentence is not", "He underwent Mohs surgery after a biopsy on 06/24/2025.", fams, nil},
	})
}

func TestMarginsWithNegation(t *testing.T) {
	stage := []string{"stage "}
	runPhrases(t, []phraseCase{
		{"no residual tumor is clear", "Stage 2: 1 block. No residual tumor was seen.", stage, []string{"stage 2 blocks=1 margin=clear"}},
		{"margins were not yet clear is positive", "Stage 1: 2 blocks; the margins were not yet clear.", stage, []string{"stage 1 blocks=2 margin=positive"}},
		{"margins were not clear is positive", "Stage 1: the margins were not clear.", stage, []string{"stage 1 blocks=0 margin=positive"}},
		{"residual could not be excluded is equivocal", "Stage 2: one block; residual tumor could not be excluded at the deep margin.", stage, []string{"stage 2 blocks=1 margin=equivocal"}},
		{"residual cannot be excluded without a place is equivocal", "Stage 2: residual cannot be excluded.", stage, []string{"stage 2 blocks=0 margin=equivocal"}},
		{"a close margin is not clear", "Stage 2: 1 block; the deep margin was close.", stage, []string{"stage 2 blocks=1 margin=equivocal"}},
		{"close to a structure is no margin status", "Stage 1: 2 blocks, close to the eyelid; clear.", stage, []string{"stage 1 blocks=2 margin=clear"}},
		{"indeterminate is equivocal", "Stage 2: the deep margin was indeterminate.", stage, []string{"stage 2 blocks=0 margin=equivocal"}},
		{"possible residual is equivocal", "Stage 2 showed possible residual tumor at the deep margin.", stage, []string{"stage 2 blocks=0 margin=equivocal"}},
		{"a positive block outweighs a possible one", "Stage 1: block 1 positive; block 2 possibly involved.", stage, []string{"stage 1 blocks=0 margin=positive"}},
		{"no perineural invasion makes nothing positive", "Stage 1: 2 blocks; no perineural invasion.", stage, []string{"stage 1 blocks=2 margin=unknown"}},
		{"no perineural invasion beside a clear margin", "Stage 2 was free of tumor, without perineural invasion.", stage, []string{"stage 2 blocks=0 margin=clear"}},
		{"a clock position written 3:00", "Stage 1: 2 blocks; tumor at 3:00 in block 1.", stage, []string{"stage 1 blocks=2 margin=positive"}},
		{"o’clock with a typographic apostrophe", "Stage 1: residual BCC at 9 o’clock.", stage, []string{"stage 1 blocks=0 margin=positive histology"}},
		{"tumor at a clock position is positive", "The first stage showed tumor remained at 6 o'clock.", stage, []string{"stage 1 blocks=0 margin=positive"}},
		{"the involved blocks a stage is taken from are no positive margin",
			"The first level was divided into quadrants, with tumor at the deep margin of quadrant two.\n\nA second level was taken from the deep and lateral aspects corresponding to the involved quadrants. This tissue was bisected and both halves were free of tumor.", stage,
			[]string{"stage 1 blocks=4 margin=positive", "stage 2 blocks=2 margin=clear"}},
		{"a positive area named in passing is no positive margin", "Stage II was taken from the deep positive area and processed; all margins were clear.", stage, []string{"stage 2 blocks=0 margin=clear"}},
		{"the margin taken is no margin place", "Stage I: the visible tumor was debulked and the tumor was excised with a 2 mm margin.", stage, []string{"stage 1 blocks=0 margin=unknown"}},
		{"tumor did not extend to the margin is clear", "Stage 1: the tumor did not extend to the margin.", stage, []string{"stage 1 blocks=0 margin=clear"}},
		{"negation ends at a new clause", "Stage 1: no tumor was seen in block 1 and block 2 was positive.", stage, []string{"stage 1 blocks=0 margin=positive"}},
		{"negation ends at 'and clear'", "The first stage of two blocks showed nodular basal cell carcinoma in the mid dermis with no perineural invasion and clear margins in both blocks.", stage, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"tumor in a named block is positive", "Stage 1: 3 blocks. Block 2 demonstrated nodular BCC.", stage, []string{"stage 1 blocks=3 margin=positive histology"}},
		{"tumor in the debulk specimen is no margin", "Stage 1: 2 blocks. Nodular BCC was present in debulk specimen 1 only; both margin blocks were free of tumor.", stage, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"free of tumor", "Stage 3 consisted of 1 block; the margins were free of tumor.", stage, []string{"stage 3 blocks=1 margin=clear"}},
		{"tumor-free", "Stage 2: tumor-free margins.", stage, []string{"stage 2 blocks=0 margin=clear"}},
		{"tumor persisted focally is positive", "Stage 2 consisted of 1 block; tumor persisted focally at the deep margin.", stage, []string{"stage 2 blocks=1 margin=positive"}},
		{"a count of blocks is no place on the margin", "The first stage was divided into two blocks and showed squamous cell carcinoma in the dermis, with both blocks free at the deep and peripheral margins.", stage, []string{"stage 1 blocks=2 margin=clear histology"}},
		{"a melanocytic proliferation at a margin is positive", "The first layer showed a confluent junctional melanocytic proliferation at the lateral margin of block 4; blocks 1 to 3 were clear.", stage, []string{"stage 1 blocks=0 margin=positive histology"}},
		{"atypia confined to the epidermis is histology, not a positive margin",
			"The first stage was divided into three blocks, all free of tumor; atypia was confined to the epidermis without invasion.", stage,
			[]string{"stage 1 blocks=3 margin=clear histology"}},
		{"atypia seen centrally beside margins free of tumor",
			"The single stage was divided into six pieces. Full-thickness atypia of the epidermis was seen centrally, but all six pieces were free of tumor at their margins.", stage,
			[]string{"stage 1 blocks=6 margin=clear histology"}},
		{"clear except for a focus at a place is positive", "Stage 1: 3 blocks. The first stage is clear except for a small focus at 3 o'clock in block 2.", stage,
			[]string{"stage 1 blocks=3 margin=positive"}},
		{"clear except for an exception that names no tumor stays clear", "Stage 1: 3 blocks. The margins were clear except for scar tissue.", stage,
			[]string{"stage 1 blocks=3 margin=clear"}},
		{"a stain reason states no margin", "Stage 2: 2 blocks, SOX10 (block 2) to confirm single melanocytes where MART-1 was equivocal; margins clear.", stage, []string{`stage 2 blocks=2 margin=clear stain="SOX10"[2]+reason`}},
	})
}

func TestStains(t *testing.T) {
	fams := []string{"stage ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"blocks in parentheses after the stain's kind, reason after 'was added to'",
			"Stage 1 was divided into six blocks. An AE1/AE3 immunostain (blocks 1-2) was added to highlight subtle keratinocytic strands at the deep margin.", fams,
			[]string{`stage 1 blocks=6 margin=unknown stain="AE1/AE3"[1 2]+reason`}},
		{"a stain performed on every block of both stages goes to each stage",
			"I excised the first stage and divided it into four blocks. MART-1 immunostaining was performed on every block of both stages to evaluate melanocyte density at the margins.\n\nThe second stage was divided into two blocks; both blocks were clear.", fams,
			[]string{`stage 1 blocks=4 margin=unknown stain="MART-1"+reason`, `stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"a stain of both stages when three are described is ambiguous",
			"Stage 1: 2 blocks. MART-1 was performed on all blocks of both stages.\n\nStage 2: 1 block. Stage 3: 1 block.", fams,
			[]string{"stage 1 blocks=2 margin=unknown", "stage 2 blocks=1 margin=unknown", "stage 3 blocks=1 margin=unknown", "ambiguity a stain said of 2 stages, 3 described"}},
		// CODING-RULES.md §1: boilerplate about every stage documents no stage
		// and no count; §5: the stains it says were run on every block are
		// the described stages' stains.
		{"boilerplate of any stage ('identified on a stage was re-excised in the next stage') documents no stage",
			"Residual tumor identified on a stage was re-excised in the next stage, guided by the map. After the final stage no tumor was seen.", fams, nil},
		{"a boilerplate sentence staining every block of each stage stains each stage described (the stain whose words say every block)",
			"Each stage was stained with H&E and with MART-1 on every block, for assessment of melanocyte density at the margins.\nStage 1 was divided into 3 blocks. Stage 2 consisted of 2 blocks; both were clear.", fams,
			[]string{`stage 1 blocks=3 margin=unknown stain="MART-1"+reason`, `stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"the frozen sections stained on every block, said before any stage, stain each stage; a stage naming the stain again holds one",
			"I read all of the frozen sections, which were stained with MART-1 on every block to assess melanocyte density.\nThe first stage was divided into five blocks. The second stage of two blocks was clear, MART-1 again on both blocks for the same reason.", fams,
			[]string{`stage 1 blocks=5 margin=unknown stain="MART-1"+reason`, `stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"one stage of two blocks, showing its histology: the one stage is stage 1",
			"One stage of two blocks, showing superficial and nodular basal cell carcinoma in the papillary dermis without perineural invasion, with clear margins throughout.", []string{"unstaged ", "stage "},
			[]string{"stage 1 blocks=2 margin=clear histology"}},
		{"a stain of both blocks of a stage, with its reason",
			"A second stage of two blocks was taken, again with MART-1 immunostaining of both blocks for melanocytic margin assessment, and showed no residual melanoma in situ.", fams,
			[]string{`stage 2 blocks=2 margin=clear stain="MART-1"+reason`}},
		{"a stain's purpose a few words after it",
			"The first stage was divided into four blocks. Frozen sections were stained with H&E and with MART-1 immunostain on every block, the MART-1 being used to assess melanocyte density.", fams,
			[]string{`stage 1 blocks=4 margin=unknown stain="H&E" stain="MART-1"+reason`}},
		{"a conditional stain in boilerplate stains no stage",
			"Each stage was stained with H&E and with MART-1 on every block when indicated.\nStage 1 was divided into 3 blocks.", fams,
			[]string{"stage 1 blocks=3 margin=unknown"}},
		{"boilerplate staining each stage without saying every block stains no stage",
			"Each stage was stained with MART-1 for melanocyte density.\nStage 1 was divided into 3 blocks.", fams,
			[]string{"stage 1 blocks=3 margin=unknown"}},
	})
}

func TestMap(t *testing.T) {
	fams := []string{"map "}
	runPhrases(t, []phraseCase{
		{"a map was prepared", "A map was prepared to correspond to the area of skin from which it was excised.", fams, []string{"map true"}},
		{"mapped and color-coded", "The specimen was mapped and color-coded.", fams, []string{"map true"}},
		{"see attached map", "See attached map.", fams, []string{"map true"}},
		{"drawn on the Mohs map", "The first stage was drawn on the Mohs map.", fams, []string{"map true"}},
		{"no map was drawn", "No map was drawn.", fams, []string{"map false"}},
		{"the map was not drawn", "The map was not drawn.", fams, []string{"map false"}},
		{"Map: not documented", "Mohs map: not documented.", fams, []string{"map false"}},
		{"a negation later in the sentence leaves the map", "A map was drawn and the margins were not clear.", fams, []string{"map true"}},
		{"boilerplate documents the map", "For each stage a thin layer was removed and a map was drawn to record the orientation of every block.", fams, []string{"map true"}},
		{"what the consent told the patient of Mohs in general is no map of this case",
			"Mohs surgery was explained to the patient: tissue is removed in stages, and each stage is mapped, sectioned and examined under the microscope.", fams, nil},
		{"explained that, discussed that", "We discussed that each stage is mapped and examined.", fams, nil},
		{"a map drawn after the procedure was explained is a map", "The procedure was explained, consent was obtained and a Mohs map was drawn.", fams, []string{"map true"}},
	})
}

func TestReader(t *testing.T) {
	fams := []string{"reader "}
	runPhrases(t, []phraseCase{
		{"interpreted by the Mohs surgeon", "The slides were interpreted by the Mohs surgeon.", fams, []string{"reader surgeon"}},
		{"examined by the surgeon (MTSamples)", "The entire base and margins of the excised piece of tissue were examined by the surgeon.", fams, []string{"reader surgeon"}},
		{"I interpreted … myself", "I interpreted the frozen sections of all three pieces myself.", fams, []string{"reader surgeon"}},
		{"surgeon and pathologist", "I acted as surgeon and pathologist.", fams, []string{"reader surgeon"}},
		{"a saint's name does not end the sentence (§1 pathology-not-surgeon)",
			"The frozen sections of both stages were cut at the St. Brigid hospital lab and read by Dr. Nadia Ferreira-Hoyle (dermatopathologist), who phoned the results to me.",
			fams, []string{`reader pathologist "Dr. Nadia Ferreira-Hoyle"`}},
		{"a dermatopathology service", "The frozen sections were cut and read by the hospital dermatopathology service.", fams, []string{`reader pathologist ""`}},
		{"read by me", "Frozen sections read by me showed basal cell carcinoma.", fams, []string{"reader surgeon"}},
		{"on my reading", "On my reading of the frozen sections, the margins were clear.", fams, []string{"reader surgeon"}},
		{"a separate dermatopathologist",
			"The frozen sections were interpreted by the staff dermatopathologist, Dr. Annika Solberg-Reyes, who reported the margins to me by phone.",
			fams, []string{`reader pathologist "Dr. Annika Solberg-Reyes"`}},
		{"sent to dermatopathology is no reader", "Both specimens were sent to dermatopathology for permanent sections.", fams, nil},
		{"on my own review", "On my own review of the frozen sections, squamous cell carcinoma invades the reticular dermis.", fams, []string{"reader surgeon"}},
		{"I read, in a sentence that excises around the biopsy site", "Stage 1 was excised around the biopsy site and processed as two blocks, which I read on frozen section: all margins free of tumor.", fams, []string{"reader surgeon"}},
		{"I drew the map and personally read", "I drew the Mohs map and personally read all frozen sections.", fams, []string{"reader surgeon"}},
		{"read my own frozen sections", "I did the surgery and read my own frozen sections for both.", fams, []string{"reader surgeon"}},
		{"my frozen-section reading", "My frozen-section reading showed nodular basal cell carcinoma in the mid dermis; all three blocks were clear.", fams, []string{"reader surgeon"}},
		{"the reader of a biopsy is not the Mohs reader", "The shave biopsy was read by a dermatopathologist as basal cell carcinoma.", fams, nil},
		{"the biopsying doctor is not the reader", "Dr. Ilse Brandvold biopsied this lesion and the pathology report showed nodular basal cell carcinoma.", fams, nil},
		{"a name without a role", "Slides were read by Dr. Tanaka-Obeng.", fams, []string{`reader named "Dr. Tanaka-Obeng"`}},
		{"acting as pathologist is the surgeon", "The Mohs surgeon, acting as pathologist, interpreted the slides.", fams, []string{"reader surgeon"}},
		{"surgeon and dermatopathologist in one person", "The frozen sections were read by the Mohs surgeon and dermatopathologist.", fams, []string{"reader surgeon"}},
		{"the surgeon reviewing with a pathologist is ambiguous, surgeon first",
			"I reviewed the slides with Dr. Yusuf Ade, dermatopathologist.", []string{"reader ", "ambiguity "},
			[]string{"reader surgeon", `reader pathologist "Dr. Yusuf Ade"`, "ambiguity the Mohs slides are said to be read by the surgeon and by a separate pathologist"}},
		{"the permanent sections of the debulk are not the Mohs slides",
			"I interpreted the frozen sections and Dr. Yusuf Ade, dermatopathologist, reviewed the permanent sections of the debulk.", fams, []string{"reader surgeon"}},
		{"a surgeon-pathologist is the surgeon", "Frozen sections were interpreted by the Mohs surgeon-pathologist.", fams, []string{"reader surgeon"}},
		{"rather than by me negates the surgeon (lexicon.txt [neg-pre])",
			"The frozen sections were read by our dermatopathologist, Dr. Annika Obuya-Strand, rather than by me, as the technician was out.",
			[]string{"reader ", "ambiguity "}, []string{`reader pathologist "Dr. Annika Obuya-Strand"`}},
		{"instead of me negates the surgeon", "Dr. Lee, dermatopathologist, interpreted the slides instead of me.",
			[]string{"reader ", "ambiguity "}, []string{`reader pathologist "Dr. Lee"`}},
	})
}

func TestPriorBiopsy(t *testing.T) {
	fams := []string{"prior-biopsy ", "same-day-biopsy ", "frozen-section "}
	runPhrases(t, []phraseCase{
		{"biopsy-proven", "A biopsy-proven basal cell carcinoma of the nose.", fams, []string{"prior-biopsy true"}},
		{"biopsy on a date showed", "A biopsy on 4/21 showed basal cell carcinoma.", fams, []string{"prior-biopsy true"}},
		{"biopsied on a date", "Her dermatologist biopsied the lesion on 03/05/2026.", fams, []string{"prior-biopsy true"}},
		{"(shave biopsy date)", "Basal cell carcinoma, nodular (shave biopsy 04/01/2026).", fams, []string{"prior-biopsy true"}},
		{"a biopsy on a date with the month's name",
			"He has a micronodular basal cell carcinoma of the right nasal ala confirmed on a shave biopsy taken by his dermatologist on January 29, 2026.",
			append(fams, "diagnosis "), []string{"prior-biopsy true", `diagnosis "micronodular basal cell carcinoma" site="right nasal ala"`}},
		{"no prior biopsy", "There was no prior biopsy.", fams, []string{"prior-biopsy false"}},
		{"no biopsy before today", "No biopsy had been performed before today.", fams, []string{"prior-biopsy false"}},
		{"a same-day biopsy with a frozen section",
			"A tangential (shave) biopsy was performed today and submitted for an intraoperative frozen section (one block), which I read as nodular basal cell carcinoma.",
			fams, []string{`same-day-biopsy "tangential (shave) biopsy"`, "frozen-section 1"}},
		{"the frozen section's blocks in the sentence after the biopsy are no stage's",
			"A shave (saucerization) biopsy of the lesion was performed today and submitted for frozen section. The frozen section was processed as two blocks and, on my reading, showed nodular basal cell carcinoma.",
			append(fams, "unstaged "), []string{`same-day-biopsy "shave (saucerization) biopsy"`, "frozen-section 2"}},
		{"§4 a same-day biopsy's frozen section with no block count (one block)",
			"An incisional biopsy was taken from the center of the plaque and submitted for an intraoperative frozen section, which I read as infiltrative basal cell carcinoma.",
			fams, []string{`same-day-biopsy "incisional biopsy"`, "frozen-section 0"}},
		{"a later sentence about the Mohs frozen sections is not the biopsy's (whose frozen section has no count)",
			"A shave biopsy was performed today and submitted for frozen section. The first stage was divided into three blocks.",
			append(fams, "stage "), []string{"stage 1 blocks=3 margin=unknown", `same-day-biopsy "shave biopsy"`, "frozen-section 0"}},
	})
}

func TestIndication(t *testing.T) {
	fams := []string{"indication"}
	runPhrases(t, []phraseCase{
		{"chosen because of the subtype", "Mohs surgery was chosen because of the aggressive histologic subtype.", fams, []string{"indication"}},
		{"location on the nose", "Mohs surgery is indicated because of the location on the nasal ala, where tissue conservation is critical.", fams, []string{"indication"}},
		{"recurrent", "Mohs was recommended because the tumor is recurrent.", fams, []string{"indication"}},
		{"Indication: field in prose", "Indication: nasal location; recurrent after prior curettage.", fams, []string{"indication"}},
		{"appropriate use criteria", "Mohs surgery is indicated per the appropriate use criteria (score 9).", fams, []string{"indication"}},
		{"recurred after a treatment", "Mohs was chosen because the tumor had recurred after electrodesiccation and curettage.", fams, []string{"indication"}},
		{"the treatment of choice", "The infiltrative histology and the ill-defined margins on a cosmetically sensitive area make Mohs surgery the treatment of choice.", fams, []string{"indication"}},
		{"chosen to limit the defect and confirm complete margins", "Mohs was chosen to limit the defect on the lower leg and to confirm complete margins.", fams, []string{"indication"}},
		{"where tissue conservation is essential", "Mohs surgery followed on the same day for a tumor of the nasal tip, where tissue conservation is essential.", fams, []string{"indication"}},
		{"the appropriate treatment", "The aggressive histology and the central facial location make Mohs the appropriate treatment.", fams, []string{"indication"}},
		{"spreading beyond its clinical edge", "Because MAC spreads far beyond its clinical edge, along nerves, Mohs surgery was selected.", fams, []string{"indication"}},
		{"pigment beyond the clinical border", "The melanoma in situ showed irregular pigment extending beyond the clinical border, which is why staged Mohs with immunostains was chosen.", fams, []string{"indication"}},
		{"an acral site with little spare skin", "Mohs was indicated for an acral site with little spare skin and a tumor that had regrown after cryotherapy.", fams, []string{"indication"}},
		{"speech recognition's moh's", "Moh's was chosen because this is a recurrent basal cell carcinoma in a previous scar.", fams, []string{"indication"}},
		{"Mohs not chosen is no indication", "Mohs was not chosen because the tumor had recurred.", fams, nil},
		{"a tumor described as recurrent with ill-defined margins", "First, a superficial basal cell carcinoma of the left shoulder, 1.6 x 1.3 cm, recurrent after topical imiquimod with ill-defined margins.", fams, []string{"indication"}},
		{"a tumor described with indistinct borders", "The second lesion is a squamous cell carcinoma in situ of the left cheek, 1.0 x 0.9 cm, with indistinct borders.", fams, []string{"indication"}},
		{"'which is the indication' needs no Mohs", "The forearm tumor is a squamous cell carcinoma, 1.1 x 0.8 cm; it is recurrent after ED&C in 2024, which is the indication.", fams, []string{"indication"}},
		{"'…, so Mohs'", "Squamous cell carcinoma in situ, 0.8 x 0.7 cm, at a site where tissue must be spared, so Mohs.", fams, []string{"indication"}},
		{"a tumor not recurrent is no indication", "A nodular basal cell carcinoma of the back, 1.0 x 0.9 cm, not recurrent.", fams, nil},
		{"a past tumor that recurred is no indication for today's", "She had a basal cell carcinoma of the back in 2019 that was previously recurrent.", fams, nil},
		{"a site without a reason is no indication", "A nodular basal cell carcinoma of the left shoulder, 1.6 x 1.3 cm.", fams, nil},
		{"generic boilerplate names no reason", "Mohs surgery is indicated to provide the highest cure rate.", fams, nil},
	})
}

func TestDiagnosisAndSite(t *testing.T) {
	fams := []string{"diagnosis ", "site "}
	runPhrases(t, []phraseCase{
		{"tumor of the site", "Basal cell carcinoma of the right medial cheek.", fams,
			[]string{`diagnosis "Basal cell carcinoma" site="right medial cheek"`, `site "right medial cheek"`}},
		{"subtype segments before the site", "Basal cell carcinoma, nodular, right nasal dorsum (biopsy 04/16/2026).", fams,
			[]string{`diagnosis "Basal cell carcinoma" site="right nasal dorsum"`}},
		{"modifiers before the tumor", "A biopsy-proven infiltrative basal cell carcinoma of the left temple.", fams,
			[]string{`diagnosis "infiltrative basal cell carcinoma" site="left temple"`, `site "left temple"`}},
		{"abbreviation in parentheses is the same tumor", "Squamous cell carcinoma in situ (SCCis) of the right dorsal forearm.", fams,
			[]string{`diagnosis "Squamous cell carcinoma in situ" site="right dorsal forearm"`, `site "right dorsal forearm"`}},
		{"a transcription's misspelled tumor of the site", "He was referred for Moh's surgery of a biopsy-proven basal cell carcinomma of the right superior helix.", fams,
			[]string{`diagnosis "basal cell carcinomma" site="right superior helix"`, `site "right superior helix"`}},
		{"site before a dash", "Left cheek – basal cell carcinoma, nodular.", fams,
			[]string{`diagnosis "basal cell carcinoma" site="Left cheek"`}},
		{"rule out is no diagnosis", "Clinical impression: rule out basal cell carcinoma of the back.", fams, nil},
		{"versus is no diagnosis", "Impression: SCC versus hypertrophic actinic keratosis.", fams, nil},
		{"the procedure's site", "Mohs micrographic surgery was performed on the right dorsal hand.", fams,
			[]string{`site "right dorsal hand"`}},
		{"a located lesion", "The lesion located on the left upper back was marked.", fams,
			[]string{`site "left upper back"`}},
		{"an ordinal standing for a lesion", "The first lesion, on the left dorsal hand, was a squamous cell carcinoma. The second, on the right lateral knee, was a nodular basal cell carcinoma.", []string{"site "},
			[]string{`site "left dorsal hand"`, `site "right lateral knee"`}},
		{"a landmark is not the site", "A pearly papule on the left upper cutaneous lip close to the vermilion border.", fams,
			[]string{`site "left upper cutaneous lip"`}},
	})
}

func TestSizes(t *testing.T) {
	fams := []string{"preop ", "final-defect ", "excision-margin "}
	runPhrases(t, []phraseCase{
		{"measured before surgery", "The clinical lesion measured 1.4 x 1.1 cm before surgery.", fams, []string{"preop 1.4x1.1"}},
		{"final defect", "After tumor clearance, the final defect measured 2.8 x 2.4 cm.", fams, []string{"final-defect 2.8x2.4"}},
		{"multiplication sign and no spaces", "Final defect 2.8×2.4cm.", fams, []string{"final-defect 2.8x2.4"}},
		{"capital X", "The final defect was 2.8 X 2.4 cm.", fams, []string{"final-defect 2.8x2.4"}},
		{"millimetres", "The postoperative defect measured 14 x 12 mm.", fams, []string{"final-defect 1.4x1.2"}},
		{"the size before the defect word", "The 2.3 x 1.9 cm defect was repaired.", fams, []string{"final-defect 2.3x1.9"}},
		{"POSTOP SIZE is the final defect", "POSTOP SIZE: 2.7 x 2.9 cm", fams, []string{"final-defect 2.7x2.9"}},
		{"Post-Mohs defect size is read once", "Post-Mohs Defect Size: 1.2 x 1.0 cm", fams, []string{"final-defect 1.2x1"}},
		{"the final closure size is no defect", "Repair: Complex Closure. The final closure size is 2.0 cm.", fams, nil},
		{"the defect left to heal is the final defect", "The 1.5 x 1.3 cm defect was allowed to heal by secondary intention.", fams, []string{"final-defect 1.5x1.3"}},
		{"excised with 4 mm margins", "The lesion was excised with 4 mm margins.", fams, []string{"excision-margin 0.4"}},
		{"a range takes the narrowest margin", "Stage I was excised with a 1-2 mm margin.", fams, []string{"excision-margin 0.1"}},
		{"a rim is no excision margin", "A layer was excised with a 2 mm rim of normal-appearing skin.", fams, nil},
		{"a landmark distance is no size", "The lesion lies 4 cm lateral to the spine.", fams, nil},
		{"a size before the lesion noun", "Left nasal ala: 0.9 x 0.7 cm pearly papule with central crust.", fams, []string{"preop 0.9x0.7"}},
		{"a size said of the lesion", "The lesion was 1.1 x 0.9 cm. Mohs was indicated because the tumor had recurred.", fams, []string{"preop 1.1x0.9"}},
		{"a size said of the lesion before surgery", "The lesion was 1.3 x 1.0 cm before surgery.", fams, []string{"preop 1.3x1"}},
		{"a size said of the tumor after describing words",
			"Mohs surgery was recommended because the tumor is rapidly growing, 2.6 x 2.2 cm, with poorly defined margins.", fams, []string{"preop 2.6x2.2"}},
		{"a distance said of the tumor is no size", "Residual tumor was 2 mm from the deep margin.", fams, nil},
		{"a depth said of the tumor is no size", "The tumor was 4 mm deep.", fams, nil},
		{"a size set off after the biopsy cited beside the diagnosis",
			"Squamous cell carcinoma in situ, punch biopsy 12/16/2025, 1.2 x 1.0 cm, ill-defined; Mohs was chosen for the poorly defined borders.", fams, []string{"preop 1.2x1"}},
		{"a size before a biopsy of the lesion is no lesion size", "A 4 mm punch biopsy of the nodule was taken.", fams, nil},
		{"a size before the lesion's site is no lesion size", "A 2 cm area of the plaque was treated.", fams, nil},
	})
}

func TestRepairs(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"closed in layers with a final length",
			"After tumor clearance, the wound was closed in layers; final length 3.4 cm.", fams,
			[]string{`repair "closed in layers" length=3.4 after-clearance`}},
		{"a layered closure named beside 'closed in layers' is one repair",
			"The wound was closed in layers (intermediate repair); the repaired wound measured 4.6 cm in length.", fams,
			[]string{`repair "intermediate repair" length=4.6`}},
		{"bilobed flap with a secondary defect",
			"A bilobed flap was designed and transposed into the defect. The secondary defect measured 1.6 sq cm.", fams,
			[]string{`repair "bilobed flap" secondary=1.6 sq`}},
		{"secondary defect in cm2 and cm²",
			"A rotation flap was used; secondary defect 5.0 cm2.\n\nAn O-to-Z flap was used; secondary defect 2.6 cm².", fams,
			[]string{`repair "rotation flap" secondary=5 sq`, `repair "O-to-Z flap" secondary=2.6 sq`}},
		{"a flap named again is the same repair",
			"Repair options were discussed and a rotation flap was chosen. The flap was designed and rotated into place.", fams,
			[]string{`repair "rotation flap"`}},
		{"length in millimetres", "Repair: complex layered closure, 34 mm, after tumor clearance (wedge excision not required).", fams,
			[]string{`repair "complex layered closure" length=3.4 after-clearance`}},
		{"graft area with an explicit area", "A full-thickness skin graft was sutured in place. Graft recipient area 1.5 x 1.3 cm (1.95 sq cm).", fams,
			[]string{`repair "full-thickness skin graft" area=1.5x1.3 (1.95 sq)`}},
		{"the length before the kind", "The defect was repaired with a 2.5 cm intermediate layered closure.", fams,
			[]string{`repair "intermediate layered closure" length=2.5`}},
		{"an undermining distance is no length", "A complex layered closure was performed after undermining 1 cm on each side; final length 4.2 cm.", fams,
			[]string{`repair "complex layered closure" length=4.2`}},
		{"adjacent tissue transfer", "Repair: Adjacent Tissue Transfer - Advanced. Secondary defect 3.0 sq cm.", fams,
			[]string{`repair "Adjacent Tissue Transfer" secondary=3 sq`}},
		{"closed primarily states no class", "The defect was closed primarily, 2.4 cm in length.", fams,
			[]string{`repair "closed primarily" length=2.4`}},
		{"side-to-side closure", "A side-to-side closure was performed; length 3.0 cm.", fams,
			[]string{`repair "side-to-side closure" length=3`}},
		{"a wedge excision repair", "The helical defect was repaired with a wedge excision.", fams,
			[]string{`repair "wedge excision"`}},
		{"one linear closure named twice is one repair",
			"Decision: tumor cleared; proceed to layered closure.\n\nThe wound was closed with an intermediate (layered) linear repair, 3.2 cm.", fams,
			[]string{`repair "intermediate (layered) linear repair" length=3.2 after-clearance`}},
		{"linear closures of different classes stay two", "A complex repair of 2.0 cm and a simple repair of 1.0 cm were done.", fams,
			[]string{`repair "complex repair" length=2`, `repair "simple repair" length=1`}},
		{"a layered closure inside a complex repair is that complex repair",
			"After tumor clearance the defect was closed with a complex repair, with wide undermining at the fascial plane and layered closure. The repair measured 9.5 cm.", fams,
			[]string{`repair "complex repair" length=9.5 after-clearance`}},
		{"an intermediate repair and a complex repair stay two", "An intermediate repair of 2.0 cm and a complex repair of 3.0 cm were done.", fams,
			[]string{`repair "intermediate repair" length=2`, `repair "complex repair" length=3`}},
		{"a considered flap is no repair", "A flap was considered.", fams, nil},
		{"options included FTSG is no repair", "Options included a full-thickness skin graft.", fams, nil},
		{"the final defect is not a repair length", "The final defect measured 2.3 x 1.9 cm. Repair: intermediate layered closure after tumor clearance.", fams,
			[]string{`repair "intermediate layered closure" after-clearance`}},
		{"a donor site closure belongs to the graft", "The donor site was closed with a simple linear closure.", fams, nil},
		{"a planned reconstruction is a plan", "PLANNED RECONSTRUCTION:\nSimple Linear Closure.", fams, nil},
		{"timing from a decision", "Decision: tumor cleared; proceed to advancement flap.", fams, []string{`repair "advancement flap" after-clearance`}},
	})
}

func TestSecondIntention(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"allowed to heal by second intention", "The wound was allowed to heal by second intention.", fams, []string{`repair "second intention" no-repair`}},
		{"let the wound heal by second intention", "After tumor clearance, we chose to let the wound heal by second intention.", fams, []string{`repair "second intention" no-repair after-clearance`}},
		{"heal secondarily", "No closure was performed; the wound will heal secondarily.", fams, []string{`repair "heal secondarily" no-repair`}},
		{"left open", "The small defect was left open.", fams, []string{`repair "left open" no-repair`}},
		{"left to granulate", "The defect was left to granulate.", fams, []string{`repair "granulate" no-repair`}},
		{"an unchecked box is not second intention", "[ ] Second intention [X] Full-thickness skin graft", fams, []string{`repair "Full-thickness skin graft"`}},
	})
}

func TestDelayedClosure(t *testing.T) {
	fams := []string{"repair "}
	runPhrases(t, []phraseCase{
		{"will return for delayed closure", "The patient will return tomorrow for delayed closure.", fams, []string{`repair "delayed closure" no-repair later`}},
		{"referred for reconstruction", "The patient was referred for reconstruction.", fams, []string{`repair "referred for reconstruction" no-repair`}},
		{"repaired by plastic surgery", "The defect will be repaired by plastic surgery with a forehead flap.", fams, []string{`repair "forehead flap" no-repair later`}},
		{"closure will be performed by another service", "Closure will be performed by ENT (Dr. Benedikt Yoruba-Hale) this afternoon in the hospital outpatient department.", fams,
			[]string{`repair "Closure will be performed by" no-repair by="Dr. Benedikt Yoruba-Hale"`}},
		{"closure performed by me is no deferred closure", "Closure will be performed by me after tumor clearance.", fams, nil},
		{"repaired by another physician the same day",
			"The defect was repaired the same afternoon by Dr. Linnea Sato-Whitfield of plastic surgery, who will document and bill the reconstruction separately.", fams,
			[]string{`repair "repaired the same afternoon by Dr. Linnea Sato-Whitfield of plastic surgery" no-repair by="Dr. Linnea Sato-Whitfield"`}},
	})
}

func TestOtherBiopsies(t *testing.T) {
	fams := []string{"other-biopsy ", "diagnosis ", "prior-biopsy ", "preop "}
	runPhrases(t, []phraseCase{
		{"a lesion of its own sampled today",
			"A 6 mm pink scaly papule on the left upper back was sampled by tangential (shave) biopsy; clinical impression: rule out superficial BCC.", fams,
			[]string{`other-biopsy "tangential (shave) biopsy" site="left upper back" impression="rule out superficial BCC" uncertain=true`}},
		{"announced other lesions",
			"Other lesions addressed today: two more lesions were biopsied. A papule on the right shin was sampled with a 4 mm punch biopsy; clinical impression: SCC versus keratoacanthoma.", fams,
			[]string{`other-biopsy "4 mm punch biopsy" site="right shin" impression="SCC versus keratoacanthoma" uncertain=true`}},
		{"numbered list items",
			"Three lesions were biopsied today.\n\n1. Left upper back: 7 mm pink pearly papule. Clinical impression: possible basal cell carcinoma. Tangential (shave) biopsy.\n2. Right lateral thigh: 5 mm macule. Clinical impression: atypical nevus. Saucerization biopsy.", fams,
			[]string{
				`other-biopsy "Tangential (shave) biopsy" site="Left upper back" impression="possible basal cell carcinoma" uncertain=true`,
				`other-biopsy "Saucerization biopsy" site="Right lateral thigh" impression="atypical nevus" uncertain=false`,
			}},
		{"enumerated lesions after 'each with a 4 mm punch biopsy' are biopsies of that kind (CODING-RULES §4)",
			"Three other lesions were biopsied today, each with a 4 mm punch biopsy, and sent for permanent sections. (1) Right upper back, 7 mm pearly papule: clinical impression rule out basal cell carcinoma. (2) Left anterior thigh, 6 mm firm papule: dermatofibroma versus dermatofibrosarcoma.", fams,
			[]string{
				`other-biopsy "4 mm punch biopsy" site="Right upper back" impression="rule out basal cell carcinoma" uncertain=true`,
				`other-biopsy "4 mm punch biopsy" site="Left anterior thigh" impression="dermatofibroma versus dermatofibrosarcoma" uncertain=true`,
			}},
		{"two biopsies of lesions brought in with 'a', done also, in one sentence",
			"At the same visit I also performed a 4 mm punch biopsy of a scaly pink papule on the left forearm, rule out squamous cell carcinoma, and a shave biopsy of an irregular brown macule on the right upper back, atypical nevus versus melanoma in situ. Both specimens were sent to dermatopathology.", fams,
			[]string{
				`other-biopsy "4 mm punch biopsy" site="left forearm" impression="rule out squamous cell carcinoma" uncertain=true`,
				`other-biopsy "shave biopsy" site="right upper back" impression="atypical nevus versus melanoma in situ" uncertain=true`,
			}},
		{"a biopsy of a lesion brought in with 'a' today is another lesion's; its site is not the Mohs lesion's",
			"I also performed a 3 mm punch biopsy of a firm violaceous papule on the left anterior thigh today; impression basal cell carcinoma versus dermatofibroma.", append(fams, "site "),
			[]string{`other-biopsy "3 mm punch biopsy" site="left anterior thigh" impression="basal cell carcinoma versus dermatofibroma" uncertain=true`}},
		{"the prior biopsy of a lesion brought in with 'a' is the Mohs lesion's",
			"A shave biopsy of a pearly papule on the nose showed basal cell carcinoma.", fams,
			[]string{"prior-biopsy true", `diagnosis "basal cell carcinoma" site="nose"`}},
		{"the prior biopsy of the Mohs lesion is none of them", "The lesion had been sampled by shave biopsy on 03/12/2026.", fams, []string{"prior-biopsy true"}},
		{"'two further lesions, which I biopsied …: first, a tangential (shave) biopsy of …; second, a 4 mm punch biopsy of …'",
			"During the visit he pointed out two further lesions, which I biopsied for permanent sections and sent to dermatopathology: first, a tangential (shave) biopsy of a pink pearly papule on the right upper back, rule out basal cell carcinoma; second, a 4 mm punch biopsy of a scaly nodule on the left dorsal forearm, squamous cell carcinoma versus hypertrophic actinic keratosis.", append(fams, "site "),
			[]string{
				`other-biopsy "tangential (shave) biopsy" site="right upper back" impression="rule out basal cell carcinoma" uncertain=true`,
				`other-biopsy "4 mm punch biopsy" site="left dorsal forearm" impression="squamous cell carcinoma versus hypertrophic actinic keratosis" uncertain=true`,
			}},
	})
}

func TestDeepStructures(t *testing.T) {
	fams := []string{"deep "}
	runPhrases(t, []phraseCase{
		{"down to the nasalis muscle", "Final defect: 1.5 x 1.3 cm, down to the nasalis muscle.", fams, []string{`deep "nasalis muscle" negated=false`}},
		{"taken into the deltoid muscle", "The second stage was taken into the deltoid muscle.", fams, []string{`deep "deltoid muscle" negated=false`}},
		{"cartilage exposed", "Final defect 2.4 x 2.1 cm, cartilage exposed.", fams, []string{`deep "cartilage" negated=false`}},
		{"negated list", "The deepest plane of dissection was the subcutaneous fat; muscle, fascia and tendon were not involved.", fams,
			[]string{`deep "muscle" negated=true`, `deep "fascia" negated=true`, `deep "tendon" negated=true`}},
		{"a negation before a list with commas covers every member (CODING-RULES §1: only involved structures move T to H)",
			"Dissection remained in the subcutaneous fat; no muscle, fascia or tendon was exposed.", fams,
			[]string{`deep "no muscle" negated=true`, `deep "fascia" negated=true`, `deep "or tendon" negated=true`}},
		{"a comma after the negated words still ends the negation", "Without muscle involvement, the defect reached the fascia.", fams,
			[]string{`deep "muscle" negated=true`, `deep "fascia" negated=false`}},
		{"a nerve block is anesthesia", "A supraorbital nerve block was given into the brow.", fams, nil},
		{"abutting is not involving", "Tumor abutting the cartilage was noted in the biopsy.", fams, nil},
		{"a layer that had to include the superficial part of a muscle involves it",
			"This layer had to include a thin layer of the superficial trapezius muscle.", fams, []string{`deep "trapezius muscle" negated=false`}},
		{"superficial to a muscle is above it, not in it", "The dissection stayed superficial to the trapezius muscle.", fams, nil},
	})
}

func TestBoilerplate(t *testing.T) {
	fams := []string{"stage", "unstaged ", "map ", "reader "}
	runPhrases(t, []phraseCase{
		{"technique paragraphs document the map and the reader, never a stage or a count",
			"Prior to each surgical stage, the surgical site was tested for anesthesia. The clinically-apparent tumor was carefully defined and debulked prior to the first stage. With each stage, a thin layer of tumor-laden tissue was excised. A map was prepared to correspond to the area of skin from which it was excised. Each section was coded, cut and stained for microscopic examination. The entire base and margins of the excised piece of tissue were examined by the surgeon. No tumor was identified after the final stage of microscopically controlled surgery.",
			fams, []string{"map true", "reader surgeon"}},
		{"'any residual tumor was marked on the map' after a clear stage is boilerplate, no positive margin",
			"A second stage was taken and processed as one block, which was clear of tumor at all margins. The entire deep and peripheral margin of each specimen was examined microscopically by the Mohs surgeon, and any residual tumor was marked on the map and removed with the same technique.",
			fams, []string{"stage 2 blocks=1 margin=clear", "map true", "reader surgeon"}},
		{"the process was repeated until clear",
			"The process was repeated until clear margins were obtained, with three blocks per stage.", fams, nil},
		{"after each stage counts nothing", "After each stage two blocks were processed.", fams, nil},
		{"'Any area found positive was re-excised in the next stage' is a stage of no one (CODING-RULES §1: boilerplate documents no stage)",
			"With each stage a thin layer of tissue was removed, and a map was made to record where the tissue came from. Any area found positive was re-excised in the next stage and processed the same way.",
			fams, []string{"map true"}},
	})
}

func TestAmbiguity(t *testing.T) {
	fams := []string{"ambiguity "}
	runPhrases(t, []phraseCase{
		{"two block counts for one stage", "Stage 1 was divided into three blocks.\n\nThe first stage consisted of 2 blocks.", fams,
			[]string{"ambiguity two block counts (3 and 2) for stage 1"}},
		{"stage counts that disagree", "Two stages were taken. The tumor cleared after three stages.", fams,
			[]string{"ambiguity stage counts of 2 and 3"}},
		{"a count not tied to a stage", "Stage 1 was divided into 3 blocks; clear.\n\nFour blocks were processed in total.", fams,
			[]string{"ambiguity a count of 4 blocks is not tied to a stage"}},
		{"consistent prose is not ambiguous", "A total of two stages. Stage 1: 2 blocks. Stage 2: 1 block.", fams, nil},
	})
}

func TestDictatedPunctuation(t *testing.T) {
	fams := []string{"preop ", "repair ", "stage "}
	runPhrases(t, []phraseCase{
		{"a transcribed 'period' ends a run-on sentence",
			"Here for Mohs surgery of a squamous cell carcinoma in situ of the left shin which was biopsied on 08/25/2026 by shave and which measures 2.2 x 1.9 cm and has poorly defined borders which is why Mohs was chosen period the first stage was divided into three blocks and the frozen sections showed carcinoma at the lateral margin of block 1 while blocks 2 and 3 were clear and so a second stage was taken laterally and divided into two blocks both of which were clear period after tumor clearance the wound was closed in layers as an intermediate repair of 4.0 cm and the patient tolerated it well.", fams,
			[]string{"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=clear", "preop 2.2x1.9", `repair "intermediate repair" length=4 after-clearance`}},
		{"the healing period is a noun", "The healing period was uneventful and the lesion measured 1.0 cm.", fams, []string{"preop 1"}},
	})
}

func TestSpans(t *testing.T) {
	lines := [][]Line{{
		{Text: "Stage I: The specimen was divided into three pieces.", Line: 12, Col: 5},
		{Text: "A map was drawn.", Line: 13, Col: 1},
	}}
	f := Read(lines)
	if assert.Len(t, f.Stages, 1) {
		s := f.Stages[0]
		assert.Equal(t, Span{Line: 12, Col: 5, EndLine: 12, EndCol: 5 + len("Stage I: The specimen was divided into three pieces")}, s.Span)
		assert.Equal(t, Span{Line: 12, Col: 5 + len("Stage I: The specimen was divided into "), EndLine: 12, EndCol: 5 + len("Stage I: The specimen was divided into three pieces")}, s.BlocksSpan)
	}
	if assert.Len(t, f.Map, 1) {
		assert.Equal(t, Span{Line: 13, Col: 1, EndLine: 13, EndCol: 16}, f.Map[0].Span)
	}
}

func TestReadStage(t *testing.T) {
	f := ReadStage(2, [][]Line{{{Text: "2 blocks. Block 1 positive (deep), block 2 clear.", Line: 4, Col: 10}}})
	assert.Equal(t, []string{"stage 2 blocks=2 margin=positive"}, only(summary(f), "stage"))
}

func TestEmpty(t *testing.T) {
	assert.Equal(t, Facts{}, Read(nil))
	assert.Equal(t, Facts{}, Read([][]Line{{}, {{Text: "", Line: 1, Col: 1}}}))
}

func TestLexicon(t *testing.T) {
	cases := []struct {
		name, src, err string // err empty: the source parses
	}{
		{"embedded", lexiconText, ""},
		{"one phrase in two categories", "[neg-pre]\nno\n[clear]\nno\n", ""},
		{"unknown category", "[nope]\nx\n", "unknown category"},
		{"phrase before any category", "x\n", "before any category"},
		{"twice in one category", "[stain]\nh&e\nh & e\n", `line 3: "h & e" is listed twice under [stain]`},
		{"too long", "[term]\na b c d e f g h i\n", "at most 8 words"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseLexicon(tc.src)
			if tc.err == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tc.err)
			}
		})
	}
}

// TestEachStageBlocksNoTotal: a summary that counts each stage's blocks in
// turn ("both stages (two blocks, then one block)", "2 stages (2 + 1
// blocks)") gives no total of the lesion's blocks, which a total field
// would then contradict (totals-mismatch); a count of all the blocks does.
func TestEachStageBlocksNoTotal(t *testing.T) {
	fams := []string{"block-total "}
	runPhrases(t, []phraseCase{
		{"two counts in turn", "I personally read all frozen sections from both stages (two blocks, then one block).", fams, nil},
		{"counts joined by a plus", "Tumor-free after 2 stages (4 blocks + 1 block).", fams, nil},
		{"a plus inside one count", "L earlobe - 2 stages (2 + 1 blocks), complex repair 1.8 cm.", fams, nil},
		{"a list after a colon", "MART-1 on all seven blocks (three stages: 3, 2 and 2 blocks).", fams, nil},
		{"a total stays a total", "Three stages, 7 blocks in total.", fams, []string{"block-total 7"}},
	})
}

// TestPathologistNamedAfterTheWord: a pathologist named in apposition
// ("interpreted by the dermatopathologist, Leopold Aranda-Fitzwilliam, MD,
// who reported the margin status to Dr. <surgeon>") is the reader, not the
// doctor the result was reported to (CODING-RULES §1: Mohs needs the
// surgeon to read the slides; a separate pathologist means the excision).
func TestPathologistNamedAfterTheWord(t *testing.T) {
	runPhrases(t, []phraseCase{
		{"the name after the pathologist, not the surgeon told of the result",
			"The frozen sections were interpreted by the dermatopathologist, Leopold Aranda-Fitzwilliam, MD, who reported the margin status to Dr. Radulescu-Hart by telephone.",
			[]string{"reader "}, []string{`reader pathologist "Leopold Aranda-Fitzwilliam, MD"`}},
	})
}

// TestTechniqueNamesNoStage: a template's technique paragraph that names
// the first stage as every note of the template does ("the first stage was
// excised with a 2-3 mm margin … Each stage was divided into section(s) …
// repeated until a tumor-free plane was obtained") documents no stage
// (CODING-RULES §1: boilerplate is not evidence), while a stage it tells a
// fact of stays.
func TestTechniqueNamesNoStage(t *testing.T) {
	fams := []string{"stage "}
	technique := "Each stage was divided into section(s) that were inked, mapped on the Mohs map, and processed by horizontal frozen sectioning with H&E stain. This procedure was repeated until a tumor-free plane was obtained."
	runPhrases(t, []phraseCase{
		{"a stage named in the technique", "The tumor was debulked and the first stage was excised with a 2-3 mm margin beveled at 45 degrees. " + technique, fams, nil},
		{"a stage the technique paragraph counts", "The tumor was debulked and the first stage was excised and divided into three blocks. " + technique, fams,
			[]string{"stage 1 blocks=3 margin=unknown"}},
	})
}
