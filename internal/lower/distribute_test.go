package lower_test

import (
	"testing"

	"github.com/mohscode/mohscode/internal/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stageBlocks is the block count of each of a lesion's stages.
func stageBlocks(les model.Lesion) []int {
	var out []int
	for _, st := range les.Stages {
		out = append(out, st.Blocks.N)
	}
	return out
}

// TestStagesSideBySide: one sentence telling several lesions' stages is
// each lesion's only where it pairs every lesion with its own count
// (CODING-RULES §1: a stage is counted for the lesion the note ties it to;
// one that cannot be tied is no lesion's and no line is guessed).
func TestStagesSideBySide(t *testing.T) {
	const head = "Date of service: 11/09/2026\nSlides read by: the Mohs surgeon\n\n" +
		"TUMORS TREATED TODAY:\n1. Left temple - nodular basal cell carcinoma.\n2. Right dorsal forearm - squamous cell carcinoma.\n3. Left shin - squamous cell carcinoma.\n\n"
	cases := []struct {
		name   string
		prose  string
		blocks [][]int // each lesion's stages' blocks; nil: the lesion's stages are not read
	}{
		{"respectively",
			"The first stages at the temple, the forearm and the shin were three, two and seven blocks, respectively, and all were clear.",
			[][]int{{3}, {2}, {7}}},
		{"pairs without respectively",
			"The first stages at the temple and the forearm were three and two blocks. The first stage at the shin was one block, clear.",
			[][]int{{3}, {2}, {1}}},
		{"clauses after a colon",
			"I took the first stage at all three sites before the first slides came back: the temple as three blocks, the forearm as two blocks and the shin as seven blocks. All margins were clear.",
			[][]int{{3}, {2}, {7}}},
		{"second stages of two after a colon",
			"Stage 1 at the temple was two blocks with tumor at the deep margin. Stage 1 at the forearm was one block with tumor at 3 o'clock. Stage 1 at the shin was one block, clear.\n\n" +
				"Second pass, stage 2 at the temple and the forearm only: the temple stage was one block and was clear; the forearm stage was two blocks, both free of tumor.",
			[][]int{{2, 1}, {1, 2}, {1}}},
		{"fewer counts than sites",
			"The first stages at the temple, the forearm and the shin were three and two blocks. All were clear.",
			[][]int{nil, nil, nil}},
		{"a clause naming two sites",
			"I took the first stages before the slides came back: the temple and the forearm as three blocks, the shin as two blocks.",
			[][]int{nil, nil, nil}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := mustLower(t, head+c.prose+"\n")
			require.Len(t, n.Lesions, 3)
			for i, les := range n.Lesions {
				if c.blocks[i] == nil {
					assert.Empty(t, les.Stages, "lesion %d", i+1)
					continue
				}
				assert.Equal(t, c.blocks[i], stageBlocks(les), "lesion %d", i+1)
			}
		})
	}
}

// TestLetteredParts: a terse note that lists its tumors by letter tells
// each one's part of a field by its bare letter, parts set apart by
// semicolons ("Stages: A - stage 1 three blocks, …; B - …", "Stage 1
// histology: A nodular BCC …; B …", "Repairs, each after tumor clearance:
// A intermediate …; B …"): each part is that tumor's (CODING-RULES §1, §3);
// a value whose parts do not all open with the next letter is no one's.
func TestLetteredParts(t *testing.T) {
	const head = "Date of service: 11/04/2026\nI read all the frozen sections myself.\n\n" +
		"A) R nasal ala - nodular BCC, 0.8 x 0.7 cm\nB) L cheek - SCC, well diff, 1.0 x 0.9 cm\n" +
		"Why Mohs: A nose/H-zone, tissue sparing; B invasive SCC mid face.\n\n"
	cases := []struct{ name, body, want string }{
		{"stages, histology and repairs by letter",
			"Stages: A - stage 1 three blocks, block 2 positive at deep margin, stage 2 one block clear; B - stage 1 two blocks, clear.\n" +
				"Stage 1 histology: A nodular BCC in the mid dermis, no PNI; B well-differentiated SCC, superficial dermis only, no PNI.\n\n" +
				"Repairs, each after tumor clearance: A intermediate layered repair 1.8 cm; B intermediate layered repair 2.9 cm.\n",
			"R nasal ala 3,1 [intermediate layered repair [1.8]]; L cheek 2 [intermediate layered repair [2.9]]"},
		{"parts out of the letters' order are no one's",
			"Stages: B - stage 1 two blocks, clear; A - stage 1 three blocks, clear.\n",
			"R nasal ala ; L cheek "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := mustLower(t, head+c.body)
			assert.Equal(t, c.want, lesionOutline(n))
			for _, les := range n.Lesions {
				assert.True(t, les.Indication.Present(), "lesion %s's indication", les.Label)
			}
		})
	}
}

// TestNumberedTumorParagraphs: "Tumor #1. Biopsy-proven: …. Reason for
// Mohs: …. First stage divided into four blocks; …" is tumor 1's paragraph
// whole — the stages run on after the indication's value are today's, not
// its history (CODING-RULES §1) — and a summary's "#1 left nasal sidewall -
// 3 stages, 9 blocks" is tumor 1's total, not the last tumor's.
func TestNumberedTumorParagraphs(t *testing.T) {
	const note = "Date of service: 11/06/2026\n\nTumors treated today:\n  1. Left nasal sidewall - morpheaform basal cell carcinoma\n  2. Right dorsal forearm - squamous cell carcinoma in situ\n\n" +
		"Frozen sections for both tumors were read by me.\n\n" +
		"Tumor #1. Biopsy-proven: shave 10/16/2026. Reason for Mohs: morpheaform histology on the nose. Clinical size 1.2 x 1.0 cm. First stage divided into four blocks; tumor at the deep margin of block 1. Second stage divided into three blocks; block 2 still involved. Third stage divided into two blocks, both clear.\n\n" +
		"Tumor #2. Biopsy-proven: shave 10/16/2026. Reason for Mohs: recurrent after cryotherapy. Clinical size 1.3 x 1.1 cm. First stage divided into three blocks; all three blocks clear.\n\n" +
		"Summary:\n  #1 left nasal sidewall - 3 stages, 9 blocks\n  #2 right dorsal forearm - 1 stage, 3 blocks\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, []int{4, 3, 2}, stageBlocks(n.Lesions[0]))
	assert.Equal(t, []int{3}, stageBlocks(n.Lesions[1]))
	assert.True(t, n.Lesions[0].Indication.Present())
	assert.Equal(t, 9, n.Lesions[0].TotalBlocks.N)
	assert.NotEqual(t, 9, n.Lesions[1].TotalBlocks.N)
}

// TestStagesKeyTellingStages: "Stages: A - stage 1 four blocks, …; stage 2
// two blocks, …; stage 3 one block, clear." of a note's one lesion tells its
// stages (CODING-RULES §1), no count that "expected a count" rejects.
func TestStagesKeyTellingStages(t *testing.T) {
	n := mustLower(t, "Date of service: 11/20/2026\nI read all frozen sections.\n\nA) Vertex scalp - infiltrative BCC, 2.4 x 2.1 cm.\n\n"+
		"Stages: A - stage 1 four blocks, blocks 2 and 4 positive at the peripheral margin; stage 2 two blocks, block 1 positive at the deep margin; stage 3 one block, clear.\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, []int{4, 2, 1}, stageBlocks(n.Lesions[0]))
}

// TestNumberedSummaryParts: "Stage summary: 1 - one stage, two blocks; …. 2
// - first stage three blocks; …. Second stage one block, clear; …. 3 - …"
// under a numbered list of the tumors gives each part to its tumor
// (CODING-RULES §1: every stage of the paragraph had gone to the tumor
// listed last, a wrong 17313 and 17314).
func TestNumberedSummaryParts(t *testing.T) {
	const note = "Date of service: 12/07/2026\n\nTumors treated today (all biopsy-proven, bx 11/16/2026):\n" +
		"1. Left cheek - BCC, nodular. Pre-op 0.5 x 0.5 cm.\n2. Right helix - SCC, well differentiated. Pre-op 0.8 x 0.7 cm.\n3. Left anterior thigh - BCC, superficial. Pre-op 1.5 x 1.2 cm.\n\n" +
		"I read all frozen sections; Mohs map drawn for each tumor, every stage.\n\n" +
		"Stage summary: 1 - one stage, two blocks; both blocks clear. 2 - first stage three blocks; positive at the peripheral margin of block 3, blocks 1-2 clear. Second stage one block, clear. 3 - one stage, two blocks; both blocks clear.\n\n" +
		"Repairs: 1 - after tumor clearance, complex repair, 1.0 cm. 2 - after tumor clearance, intermediate layered repair, 1.4 cm. 3 - after tumor clearance, complex repair, 4.0 cm.\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 3)
	assert.Equal(t, []int{2}, stageBlocks(n.Lesions[0]))
	assert.Equal(t, []int{3, 1}, stageBlocks(n.Lesions[1]))
	assert.Equal(t, []int{2}, stageBlocks(n.Lesions[2]))
	for i, les := range n.Lesions {
		assert.Len(t, les.Repairs, 1, "lesion %d", i+1)
	}
}
