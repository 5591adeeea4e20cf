package lower_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
)

// logStages writes each stage of every lesion as "label:stage/blocks/margin",
// the margin "+" when a margin entry is positive, "-" when all are clear and
// "?" when none is given; lesions are set apart by " | ".
func logStages(n *model.Note) string {
	var lesions []string
	for _, les := range n.Lesions {
		var b strings.Builder
		fmt.Fprintf(&b, "%s:", les.Label)
		for _, st := range les.Stages {
			margin := "?"
			for _, m := range st.Margins {
				if m.Positive {
					margin = "+"
					break
				}
				margin = "-"
			}
			fmt.Fprintf(&b, " %d/%d%s", st.Number, st.Blocks.N, margin)
		}
		lesions = append(lesions, b.String())
	}
	return strings.Join(lesions, " | ")
}

// rules lists the rule ids of a note's findings.
func rules(n *model.Note) []string {
	var out []string
	for _, f := range n.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestTableLayouts: the Mohs logs EHRs and spreadsheet exports print are
// read into the stages their rows state (CODING-RULES.md section 1: a row
// of a Mohs log documents its stage).
func TestTableLayouts(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"slide rows with a block column", "Site: eyelid\nSlide  Stage  Block  Stain  Result\n  1      1      1    H&E    tumor at deep margin\n  2      1      1    H&E    tumor at deep margin\n  3      1      2    H&E    clear\n  4      1      2    H&E    clear\n  5      2      1    H&E    clear\n  6      2      1    H&E    clear\n",
			"1: 1/2+ 2/1-"},
		{"log caption in the header's first column", "Site: eyelid\nBlock log\tStage  Block  Margin  Stain\nI      A      +       H&E\nI      B      -       H&E\nII     A      -       H&E\n",
			"1: 1/2+ 2/1-"},
		{"block numbers as a range from the first", "Site: foot\nStg   Blocks cut   Tumor-positive blocks   Stain\n1     1-6          4 (deep)                H&E\n2     1-2          none                    H&E\n",
			"1: 1/6+ 2/2-"},
		{"block words before the numbers", "Site: arm\nSTAGE  BLOCKS        MARGIN RESULT\n-----  ------------  -------------\nI      blocks 1-7    positive: 3, 6 (deep)\nII     block 1       clear\n",
			"1: 1/7+ 2/1-"},
		{"'Block IDs' as ranges of one stage's IDs", "Site: back\nStage | Block IDs | Margins\n1     | 1A-1F     | 1C, 1E positive (peripheral); others clear\n2     | 2A-2B     | clear\n",
			"1: 1/6+ 2/2-"},
		{"'Block IDs' as ranges of one lesion's IDs", "Site: temple\nStage  Block IDs    Margins\n1      A1-A6        A2, A5 positive (peripheral)\n2      A7-A8        clear\n",
			"1: 1/6+ 2/2-"},
		{"'Blocks +/total': positive blocks over all", "Site: helix\nStage | Blocks +/total | Remarks\n1     | 1/3            | block 2 deep\n2     | 0/1            | clear\n",
			"1: 1/3+ 2/1-"},
		{"'MARGINS BY BLOCK', a sign's remark in parentheses", "Site: chest\nSTAGE  BLOCKS  MARGINS BY BLOCK            STAIN  COMMENT\nI      4       A-  B+ (deep)  C-  D-       H&E    mod diff SCC in the deep dermis\nII     1       A-                          H&E    clear\n",
			"1: 1/4+ 2/1-"},
		{"'Block results (A–H)'", "Site: back\n| Layer | Tissue blocks | Block results (A–H) | Comment |\n|---|---|---|---|\n| I | 3 | A+ B- C- | BCC strands |\n| II | 1 | A- | tumor-free |\n",
			"1: 1/3+ 2/1-"},
		{"block letters with each block's sign keyed in the margin cell", "Site: neck\nStage  Blocks    Margin chips                  Stains\nI      A B C D   A: + (deep)  B: -  C: -  D: -  H&E\nII     A B       A: -  B: + (inferior)          H&E\nIII    A         A: -                          H&E\n",
			"1: 1/4+ 2/2+ 3/1-"},
		{"a range from another block is not a count", "Site: foot\nStage   Blocks   Margins\n1       2-3      positive\n2       1        clear\n",
			"1: 1/0+ 2/1-"},
		{"stage column headed by a number sign", "Site: lip\n# | blocks | margins | note\n1 | 2 | block 2 positive (deep) | BCC\n2 | 1 | indeterminate - residual tumor could not be excluded | further stage taken\n3 | 1 | clear | plane clear\n",
			"1: 1/2+ 2/1+ 3/1-"},
		{"abbreviated block column in a grid table", "Site: ala\n+-------+-------------+--------+\n| Stage | Tissue blks | Margin result |\n+=======+=============+========+\n| 1     | 7           | blocks 3, 6 positive |\n+-------+-------------+--------+\n| 2     | 2           | clear  |\n",
			"1: 1/7+ 2/2-"},
		{"key=value export, a stage a line", "site=left cheek\nstage=1 blocks=4 margins=\"blocks 1, 3 positive\"\nstage=2 blocks=1 margins=\"clear\"\n",
			"1: 1/4+ 2/1-"},
		{"a tumor stage field is not a Mohs stage", "Site: left cheek\nStage: T2a   Blocks: 3\nStage 1: 2 blocks, clear\n",
			"1: 1/2-"},
		{"roman block IDs with a dot", "Site: ear\nBlock    Margin   Stain\nI.1      +        H&E\nI.2      -        H&E\nII.1     -        H&E\n",
			"1: 1/2+ 2/1-"},
		{"positive over total blocks", "Site: earlobe\nStage   Pos/Total blocks   Depth / comment\n1       1/3                nodular BCC, deep dermis\n2       0/2                clear\n",
			"1: 1/3+ 2/2-"},
		{"block letter columns of marks", "Site: cheek\nStage  Time   A  B  C  D  E  F   Comment\nI      08:52  +  -  -  -  .  .   BCC at A\nII     10:05  -  .  .  .  .  .   clear\n",
			"1: 1/4+ 2/1-"},
		{"an unknown mark leaves the stage's count unread", "Site: cheek\nStage  A  B  C   Comment\nI      +  ?  -   BCC at A\n",
			"1: 1/0?"},
		{"a stage line under the log restates the stage the log listed", "Site: calf\n| Stage | Blocks | Margins |\n| 1 | 5 | blocks 1, 4 positive |\n| 2 | 3 | clear |\nStage 1 histology: nodular BCC, mid dermis.\nStage 2: clear; proceed to split-thickness skin graft.\n",
			"1: 1/5+ 2/3-"},
		{"tab-indented key and value under a stage", "Site: temple\nStage 1:\t3 blocks; margins: clear\n\tHistology\tinfiltrative BCC, no PNI\n",
			"1: 1/3-"},
		{"units under the header", "Site: back\n STAGE   BLOCKS   MARGINS\n (no.)   (n)\n   1       6      blk 2 +\n   2       1      clear\n",
			"1: 1/6+ 2/1-"},
		{"a known key row ends the log", "Site: back\n STAGE   BLOCKS   MARGINS\n   1       6      blk 2 +\n   2       1      clear\n FINAL DEFECT     6.8 x 5.1 cm\n",
			"1: 1/6+ 2/1-"},
		{"YAML list of stages", "lesion:\n  site: chest\n  stages:\n    - stage: 1\n      blocks: 2\n      margins: block 1 positive (lateral)\n    - stage: 2\n      blocks: 1\n      margins: clear\n",
			"1: 1/2+ 2/1-"},
		{"a tumor stage over a field is no Mohs stage", "Site: chest\nStage: T2a\nStage 1: 2 blocks; clear\n",
			"1: 1/2-"},
		{"block chips in brackets", "Site: ala\nSTG  CHIPS                 STAINS              COMMENT\nI    [A+] [B-] [C-] [D-]   H&E                 BCC at A\nII   [A-] [B-]             H&E; Ber-EP4 on A   clear\n",
			"1: 1/4+ 2/2-"},
		{"handwritten block signs in parentheses", "Site: ear\nStage 1 - 2 blocks - blk 1 (+) deep, blk 2 (-)\nStage 2 - 1 block - clear\n",
			"1: 1/2+ 2/1-"},
		{"dot leaders between a stage's items", "Site: shin\nSTAGE 1 ..... 4 blocks ..... block B positive (deep) ..... KA-type SCC, deep dermis\nSTAGE 2 ..... 2 blocks ..... all negative\n",
			"1: 1/4+ 2/2-"},
		{"log caption dashed before the header", "Site: eyelid\nBlock log - Stage  Block  Margin  Stain\nI      A      +       H&E\nI      B      -       H&E\nII     A      -       H&E\n",
			"1: 1/2+ 2/1-"},
		{"quoted CSV", "Site: arm\n\"Stage\",\"Blocks\",\"Margin\",\"Stain\"\n\"1\",\"5\",\"Positive - block 4 (deep)\",\"H&E\"\n\"2\",\"1\",\"Negative\",\"\"\n",
			"1: 1/5+ 2/1-"},
		{"semicolon export", "Site: neck\nStage;Blocks;Margins;Stain;Histology/comment\n1;3;block 1 positive (deep), blocks 2-3 clear;H&E;WD SCC\n2;2;clear;H&E;no tumor\n",
			"1: 1/3+ 2/2-"},
		{"box-drawing table", "Site: nose\n┌───────┬────────┬─────────┐\n│ Stage │ Blocks │ Margins │\n├───────┼────────┼─────────┤\n│ 1     │ 3      │ block 2 positive │\n│ 2     │ 2      │ clear   │\n└───────┴────────┴─────────┘\n",
			"1: 1/3+ 2/2-"},
		{"columns in reverse order, #Blks and Stg", "Site: back\nResult      Stain   #Blks   Stg   Histology\n+ deep      H&E     8       I     BCC\nclear       H&E     3       II    no tumor\n",
			"1: 1/8+ 2/3-"},
		{"Excision # and Tissue pieces", "Site: leg\nExcision #   Tissue pieces   Margin status\n1            5               pieces 2, 4 positive (deep)\n2            1               clear\n",
			"1: 1/5+ 2/1-"},
		{"Lvl, Sect. and Residual", "Site: ear\nLvl   Sect.   Residual   Stain\n1     3       Y          H&E\n2     1       N          H&E\n",
			"1: 1/3+ 2/1-"},
		{"# of tissue blocks and Path result", "Site: nose\nStage #    # of tissue blocks    Path result\n1          3                     BCC present at deep margin, block 2\n2          1                     No residual tumor\n",
			"1: 1/3+ 2/1-"},
		{"Number of Sections and Tumor-Free (Y/N)", "Site: ear\nStage Number   Number of Sections   Tumor-Free (Y/N)\n1              2                    N\n2              1                    Y\n",
			"1: 1/2+ 2/1-"},
		{"a Location column that says where tumor remains", "Site: ear\nStage   Blocks   Location      Margins\n1       3        deep          positive\n2       1        --            clear\n", "1: 1/3+ 2/1-"},
		{"a Tumor column that says whether tumor remains", "Site: canthus\nLayer   Sections   Tumor          Comments\n1       3          Present (2)    BCC\n2       1          Absent         clear\n",
			"1: 1/3+ 2/1-"},
		{"block letters marked by a legend", "Site: nose\nLegend:  ● tumor at margin     ○ margin free of tumor\n\nStage   Sections                  Histology / comment\nI       A●  B○  C○  D○          BCC at deep margin of A\nII      A○                       no tumor\n",
			"1: 1/4+ 2/1-"},
		{"marks without a legend count blocks, not margins", "Site: nose\nStage   Sections\nI       A●  B○  C○\n", "1: 1/3?"},
		{"block IDs name their stage", "Site: foot\nBlock   Margin   Stain   Note\n1A      +        H&E     SCCis\n1B      -        H&E\n1C      -        H&E\n2A      -        H&E\n2B      -        H&E\n",
			"1: 1/3+ 2/2-"},
		{"roman block IDs", "Site: foot\nBlock   Margin\nI-A     +\nII-A    -\n", "1: 1/1+ 2/1-"},
		{"stage.block IDs", "Site: foot\nBlock   Margin\n1.1     +\n1.2     -\n2.1     -\n", "1: 1/2+ 2/1-"},
		{"roman IDs without a separator", "Site: foot\nBlock   Margin\nIA      +\nIB      -\nIIA     -\n", "1: 1/2+ 2/1-"},
		{"a Key of marks", "Site: nose\nKey: ■ = tumor present, □ = clear\n\nStage   Blocks\n1       A■  B□\n2       A□\n", "1: 1/2+ 2/1-"},
		{"newest stage listed first", "Site: ear\nStage  Blocks  Margins\n3      1       clear\n2      2       block 1 positive\n1      3       block 2 positive\n",
			"1: 1/3+ 2/2+ 3/1-"},
		{"wrapped cells continue their row", "Site: temple\n        # of     Margin\nStage   blocks   status                       Histology\n-----   ------   --------------------------   ---------\n1       4        block 3 positive (deep),     SCC\n                 blocks 1, 2, 4 clear         PNI\n2       2        clear                        none\n",
			"1: 1/4+ 2/2-"},
		{"merged stage cells in a row per block", "Site: cheek\n| Stage | Block | Margin |\n|---|---|---|\n| 1 | A | + (deep) |\n|   | B | − |\n| 2 | A | − |\n",
			"1: 1/2+ 2/1-"},
		{"bare CSV", "Site: arm\nStage,Blocks,Margin\n1,5,Positive - block 4 (deep)\n2,1,Negative\n", "1: 1/5+ 2/1-"},
		{"a suffix after what the column holds", "Site: arm\nStage   Tissue blocks examined   Positive margins\n1       4                        block 2 (deep)\n2       1                        none\n",
			"1: 1/4+ 2/1-"},
		{"a header on two lines, the stage on the first", "Site: arm\nStage   No. of   Margin\n        blocks   status\n1       4        block 2 positive\n2       1        clear\n", "1: 1/4+ 2/1-"},
		{"one column a stage", "Site: temple\n                      Stage 1                  Stage 2                  Stage 3\n   Tissue blocks      4                        2                        1\n   Margin status      positive (blk 2, deep)   positive (blk 1, 3:00)   negative\n",
			"1: 1/4+ 2/2+ 3/1-"},
		{"a flowsheet's Stage # row", "Site: scalp\nFlowsheet: MOHS STAGES          05/19 08:10     05/19 09:25\n  Stage #                       1               2\n  Blocks                        5               4\n  Margins                       Pos (blk 3)     Neg\n",
			"1: 1/5+ 2/4-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			require.NotEmpty(t, n.Lesions)
			assert.Equal(t, tc.want, logStages(n))
			assert.NotContains(t, rules(n), "layout-unread")
		})
	}
}

// TestSpecialStainColumn: a stain under a "Special stains" header is one the
// note presents as special, so a routine stain there draws
// routine-stain-not-billable (CODING-RULES.md section 5).
func TestSpecialStainColumn(t *testing.T) {
	for _, src := range []string{
		"Site: canthus\nLayer   Sections   Tumor     Special stains    Comments\n1       3          Present   toluidine blue    BCC\n",
		"Site: canthus\n                             Special\nLayer   Sections   Tumor     stains            Comments\n1       3          Present   toluidine blue    BCC\n",
	} {
		n := mustLower(t, src)
		require.Len(t, n.Lesions[0].Stages, 1)
		require.Len(t, n.Lesions[0].Stages[0].Stains, 1)
		assert.True(t, n.Lesions[0].Stages[0].Stains[0].Special)
	}
}

// TestBlockIDsThatNameNoStage: a block column whose IDs name no stage is no
// log of block IDs; a count is never guessed for a stage.
func TestBlockIDsThatNameNoStage(t *testing.T) {
	n := mustLower(t, "Site: foot\nBlock   Margin\nA       +\nB       -\n")
	assert.Empty(t, n.Lesions[0].Stages)
}

// TestStainFootnote: a stain cell's footnote mark points to the line under
// the table that gives its reason (CODING-RULES.md section 5), and a block
// list wrapped onto the next row still limits the stain to those blocks.
func TestStainFootnote(t *testing.T) {
	src := "Site: temple\nStage   blocks   Margin status     Special stains\n" +
		"1       4        block 3 positive  pan-cytokeratin\n" +
		"                                   (blocks 2-3)*\n" +
		"2       2        clear             pan-cytokeratin\n" +
		"                                   (block 1)*\n" +
		"* pan-cytokeratin to highlight perineural tumor cells\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions[0].Stages, 2)
	var got []string
	for _, st := range n.Lesions[0].Stages {
		require.Len(t, st.Stains, 1)
		got = append(got, fmt.Sprint(st.Stains[0].Blocks, " ", st.Stains[0].Reason))
	}
	assert.Equal(t, []string{"[2 3] pan-cytokeratin to highlight perineural tumor cells", "[1] pan-cytokeratin to highlight perineural tumor cells"}, got)
}

// TestRecordTables: a note whose lesions are known only from its tables —
// a table of lesions, a log with a lesion (or site) column, a repair table
// — gets one lesion per label or site, each with its fields, stages and
// repairs (CODING-RULES.md "Where a fact may stand").
func TestRecordTables(t *testing.T) {
	src := "Surgeon: A. Bee, MD\n\n" +
		"Site          | Dx (biopsy date)           | Pre-op size  | Indication\n" +
		"R nasal ala   | nodular BCC (12/16/2025)   | 0.8 x 0.6 cm | H-zone\n" +
		"Vertex scalp  | SCC, mod diff (01/06/2026) | 1.6 x 1.4 cm | scalp\n\n" +
		"Site          | Stage | Blocks | Margins           | Histology\n" +
		"R nasal ala   | 1     | 3      | block 2 + (deep)  | nodular BCC\n" +
		"              | 2     | 1      | clear             |\n" +
		"Vertex scalp  | 1     | 7      | clear             | MD SCC\n\n" +
		"Site          | Repair (all after tumor clearance)  | Size\n" +
		"R nasal ala   | bilobed flap; secondary defect 2.0 sq cm | defect 1.2 x 1.0 cm\n" +
		"Vertex scalp  | complex linear repair               | 6.5 cm\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "1: 1/3+ 2/1- | 2: 1/7-", logStages(n))
	var got []string
	for _, les := range n.Lesions {
		require.Len(t, les.Repairs, 1)
		got = append(got, fmt.Sprint(les.Site.Text.Value, "|", les.Diagnosis.Value, "|", les.Size.Dims, "|", les.PriorBiopsy.Yes, "|", les.Repairs[0].Value.Value))
	}
	assert.Equal(t, []string{
		"R nasal ala|nodular BCC (12/16/2025)|[0.8 0.6]|true|bilobed flap; secondary defect 2.0 sq cm; defect 1.2 x 1.0 cm; all after tumor clearance",
		"Vertex scalp|SCC, mod diff (01/06/2026)|[1.6 1.4]|true|complex linear repair; 6.5 cm; all after tumor clearance"}, got)
	assert.NotContains(t, rules(n), "lesion-ambiguous")
}

// TestCSVRecordTableAfterProse: a lesion table pasted from a spreadsheet
// as comma-separated text, under a paragraph that says it was "pasted"
// (no history heading), with a quoted cell that runs over two lines, opens
// every lesion it lists with its fields (CODING-RULES.md "Where a fact may
// stand"): the first row's cell's second line does not end the table, and
// "pasted" is not "past".
func TestCSVRecordTableAfterProse(t *testing.T) {
	src := "Date of service: 11/11/2026\n\nTwo tumors were treated today. The lesion summary below is pasted from our clinic spreadsheet.\n\n" +
		"Lesion,Site,Pre-op diagnosis,Prior biopsy,Pre-op size\n" +
		"1,right nasal dorsum,\"basal cell carcinoma, nodular\nwith squamous differentiation\",shave 10/21/2026,1.0 x 0.8 cm\n" +
		"2,left upper cutaneous lip,\"squamous cell carcinoma, well differentiated\",shave 10/21/2026,0.7 x 0.6 cm\n"
	n := mustLower(t, src)
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprint(les.Label, "|", les.Site.Text.Value, "|", les.Diagnosis.Value, "|", les.Size.Dims))
	}
	assert.Equal(t, []string{"1|right nasal dorsum|basal cell carcinoma, nodular with squamous differentiation|[1 0.8]",
		"2|left upper cutaneous lip|squamous cell carcinoma, well differentiated|[0.7 0.6]"}, got)
}

// TestPostopSameInRecordTable: "same" in a lesion table's post-operative
// diagnosis column is the lesion's own pre-operative diagnosis, not a
// ditto of the row above (CODING-RULES §9: the second tumor had been coded
// with the first's basosquamous post-operative diagnosis).
func TestPostopSameInRecordTable(t *testing.T) {
	src := "Lesion | Site | Pre-op diagnosis | Post-op diagnosis\n" +
		"1 | right nasal dorsum | basal cell carcinoma | basosquamous carcinoma\n" +
		"2 | left upper cutaneous lip | squamous cell carcinoma | same\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "basosquamous carcinoma", n.Lesions[0].PostopDiagnosis.Value)
	assert.Equal(t, "same", n.Lesions[1].PostopDiagnosis.Value)
}

// TestRecordTableLabels: a table of lesions by label opens them; its log
// and repair tables find them by label; a lesion table never adds a lesion
// to a note that labels its own.
func TestRecordTableLabels(t *testing.T) {
	n := mustLower(t, "Lesion  Location       Diagnosis        Pre-op size\n"+
		"A       R temple       BCC              1.1 x 0.9 cm\n"+
		"B       L lower leg    SCC in situ      1.6 x 1.3 cm\n\n"+
		"Lesion  Stage  Blocks  Margin status\n"+
		"A       1      3       + deep (block 1)\n"+
		"A       2      1       clear\n"+
		"B       1      4       clear\n")
	assert.Equal(t, "A: 1/3+ 2/1- | B: 1/4-", logStages(n))

	n = mustLower(t, "Les\tSite\tDx\tPre-op size\nA\tR antihelix\tBCC-nod\t0.8 x 0.7 cm\nB\tL post. upper arm\tSCC, well diff\t1.4 x 1.2 cm\n\n"+
		"Les\tStg\tBlks\tMargins\nA\t1\t2\tblk 1 pos (deep), blk 2 neg\nA\t2\t1\tneg\nB\t1\t3\tneg\n")
	assert.Equal(t, "A: 1/2+ 2/1- | B: 1/3-", logStages(n), "'Les' heads the label column")

	n = mustLower(t, "Site #  Location       Diagnosis        Pre-op size\n"+
		"A       R temple       BCC              1.1 x 0.9 cm\n"+
		"B       L lower leg    SCC in situ      1.6 x 1.3 cm\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "A R temple|B L lower leg", n.Lesions[0].Label+" "+n.Lesions[0].Site.Text.Value+"|"+n.Lesions[1].Label+" "+n.Lesions[1].Site.Text.Value)

	n = mustLower(t, "Lesion 1: nose\nStage 1: 2 blocks; clear\n\nLesion  Location   Diagnosis   Pre-op size\n2       chin       BCC         1.0 cm\n")
	require.Len(t, n.Lesions, 1)
	assert.Contains(t, rules(n), "lesion-ambiguous")
}

// TestHistoryTableOpensNoLesion: a table under a history heading lists
// tumors treated before today: it opens no lesion.
func TestHistoryTableOpensNoLesion(t *testing.T) {
	n := mustLower(t, "Prior skin cancers:\nSite        Diagnosis     Size\nL cheek     BCC           1.0 cm\n\nSite: nose\nStage 1: 3 blocks; clear\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "nose", n.Lesions[0].Site.Text.Value)
}

// TestLogLesionCells: a log's lesion cell may carry the label's word or a
// remark, or name the lesion's site in other words.
func TestLogLesionCells(t *testing.T) {
	n := mustLower(t, "Lesion A: right nasal ala\nLesion B: left cheek\n\nLesion        Stage  Blocks  Margins\nLesion A      1      3       clear\nB (L cheek)   1      2       clear\n")
	assert.Equal(t, "A: 1/3- | B: 1/2-", logStages(n))
	n = mustLower(t, "Lesion A: right nasal ala\nLesion B: left cheek\n\nSite          Stage  Blocks  Margins\nR nasal ala   1      3       clear\nL cheek       1      2       clear\n")
	assert.Equal(t, "A: 1/3- | B: 1/2-", logStages(n))
	n = mustLower(t, "Lesion A: right nasal ala\nLesion B: left cheek\n\nLocation      Stage  Blocks  Margins\nR nasal ala   1      3       clear\nL cheek       1      2       clear\n")
	assert.Equal(t, "A: 1/3- | B: 1/2-", logStages(n))
}

// TestLogWithoutLesionColumnAfterLesionTable: when the lesions are rows of
// a table, a log with no lesion column cannot say whose stages it lists:
// its rows are lesion-ambiguous, never the last lesion's.
func TestLogWithoutLesionColumnAfterLesionTable(t *testing.T) {
	n := mustLower(t, "Site              Diagnosis      Pre-op size\nR temple          BCC            1.0 x 0.8 cm\nL dorsal hand     SCC            1.2 x 1.0 cm\n\n"+
		"Stage   Blocks   Margins\n1       7        + deep\n2       2        clear\n")
	assert.Equal(t, "1: | 2:", logStages(n))
	assert.Contains(t, rules(n), "lesion-ambiguous")
}

// TestTablesBackToBack: a header right under a table's rows opens the next
// table.
func TestTablesBackToBack(t *testing.T) {
	n := mustLower(t, "Lesion  Location       Diagnosis        Pre-op size\nA       R temple       BCC              1.1 x 0.9 cm\nB       L cheek        SCC in situ      1.6 x 1.3 cm\n"+
		"Lesion  Stage  Blocks  Margin status\nA       1      3       clear\nB       1      4       clear\n")
	assert.Equal(t, "A: 1/3- | B: 1/4-", logStages(n))
}

// TestBiopsyTable: a table of biopsies of other lesions opens one biopsy a
// row whose method says a biopsy was done (CODING-RULES.md section 4).
func TestBiopsyTable(t *testing.T) {
	n := mustLower(t, "Site: cheek\nStage 1: 2 blocks; clear\n\n"+
		"#   Site                Method                      Clinical impression          Frozen\n"+
		"1   L upper back        tangential (shave) biopsy   r/o BCC vs. SCC in situ      no\n"+
		"2   R dorsal forearm    4 mm punch biopsy           squamous cell carcinoma      no\n")
	require.Len(t, n.Biopsies, 2)
	var got []string
	for _, b := range n.Biopsies {
		got = append(got, b.Label+"|"+b.Site.Text.Value+"|"+b.Type.Value+"|"+b.Diagnosis.Value)
	}
	assert.Equal(t, []string{"1|L upper back|tangential (shave) biopsy|r/o BCC vs. SCC in situ", "2|R dorsal forearm|4 mm punch biopsy|squamous cell carcinoma"}, got)
}

// TestTotalsRows: a log's total row is no stage; with no lesion column it
// states the lesion's total stages and blocks, checked against the rows
// (totals-mismatch); a subtotal of one lesion of several is not read.
func TestTotalsRows(t *testing.T) {
	n := mustLower(t, "Site: leg\nStage   Sections   Residual tumor (+/-)   Location\nI       6          +                      deep\nII      2          -                      -\nTOTAL   2          9\n")
	assert.Equal(t, "1: 1/6+ 2/2-", logStages(n))
	assert.Equal(t, 2, n.Lesions[0].TotalStages.N)
	assert.Equal(t, 9, n.Lesions[0].TotalBlocks.N)

	n = mustLower(t, "Lesion A: nose\nLesion B: chin\n\nLesion  Site      Stage  Blocks\nA       nose      1      3\n        Subtotal A 1     3\nB       chin      1      2\n        GRAND TOTAL 2    5\n")
	assert.Equal(t, "A: 1/3? | B: 1/2?", logStages(n))
}

// TestTableCaptions: a caption "Table N. … - <site>" opens the lesion whose
// fields and log follow it.
func TestTableCaptions(t *testing.T) {
	n := mustLower(t, "Table 1. Mohs log - left temple\nDiagnosis: BCC\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 3 | block 2 positive |\n| 2 | 1 | clear |\n\n"+
		"Table 2. Mohs log - right dorsal forearm\nDiagnosis: SCC\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 2 | clear |\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "1: 1/3+ 2/1- | 2: 1/2-", logStages(n))
	assert.Equal(t, "left temple", n.Lesions[0].Site.Text.Value)
	assert.Equal(t, "right dorsal forearm", n.Lesions[1].Site.Text.Value)
}

// TestCaptionInALabelledNote: where the note labels its lesions, a caption
// opens none (it may name a labelled lesion in other words: coding it twice
// would be a wrong Mohs line).
func TestCaptionInALabelledNote(t *testing.T) {
	n := mustLower(t, "Lesion 1: R cheek\nStage 1: 2 blocks; clear\n\nTable 1. Mohs log - right cheek\nRepair: simple repair 2.0 cm\n")
	require.Len(t, n.Lesions, 1)
}

// TestCaptionSpellings: which caption lines name the lesion of the log under
// them.
func TestCaptionSpellings(t *testing.T) {
	for caption, want := range map[string]string{
		"Table 1. Mohs log - left temple":   "left temple",
		"Table 2: right dorsal forearm":     "right dorsal forearm",
		"MOHS LOG – RIGHT CHEEK":            "RIGHT CHEEK",
		"Mohs surgery - right cheek":        "",
		"Table 3. Repairs":                  "",
		"The log - a record of the surgery": "",
	} {
		assert.Equal(t, want, lower.TableCaption(caption), caption)
	}
	n := mustLower(t, "Site: left temple\nDiagnosis: BCC\nMohs log - left temple\nStage  Blocks  Margins\n1      2       clear\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "BCC", n.Lesions[0].Diagnosis.Value)
}

// TestKeyValueGrid: a grid of keys and values, two pairs a row, is read as
// its fields; a header of columns is not.
func TestKeyValueGrid(t *testing.T) {
	n := mustLower(t, "| Date of Service | 06/02/2026 | Place of Service | 11 - Office |\n| Location | Rt lower eyelid | Laterality | Right |\n| Diagnosis | BCC, nodular | Pre-op Size | 0.8 x 0.6 cm |\n")
	les := n.Lesions[0]
	assert.Equal(t, "2026-06-02|Rt lower eyelid|BCC, nodular|[0.8 0.6]", n.Encounter.Date.Value+"|"+les.Site.Text.Value+"|"+les.Diagnosis.Value+"|"+fmt.Sprint(les.Size.Dims))
}

// TestUnfilledTotal: a total left blank under a log ("Total # of Blocks:
// [ ]") is an unfilled value (value-invalid), never a count; a checkbox
// list with nothing checked still reads as none.
func TestUnfilledTotal(t *testing.T) {
	n := mustLower(t, "Site: nose\nStage 1: 2 blocks; clear\nTotal # of Blocks: [ ]\nMohs map: [ ] yes  [ ] no\n")
	assert.Contains(t, rules(n), "value-invalid")
	assert.False(t, n.Lesions[0].TotalBlocks.Present())
	assert.False(t, n.Lesions[0].Map.Yes)
}

// TestLogStainRemark: a comment cell that opens with a stain of its row
// and goes on with a reason is that stain's reason (CODING-RULES.md
// section 5: a special stain needs its reason documented), not histology.
func TestLogStainRemark(t *testing.T) {
	for _, tc := range []struct{ name, src, reason string }{
		{"row a block", "Site: ear\nBlock    Margin   Stain          Comment\nI.1      +        H&E            nodular BCC\nII.1     +        H&E, Ber-EP4   Ber-EP4 to separate BCC from follicles\nIII.1    -        H&E            clear\n",
			" to separate BCC from follicles"},
		{"the reason ends at a semicolon, histology after it", "Site: nose\nStg | #Blk | Mgn | Stn | Reason / comment\n1 | 2 | blk 2 pos | H&E, Ber-EP4 | H&E only; nodular BCC\n2 | 1 | clear | H&E, Ber-EP4 | Ber-EP4 for follicular mimics; no residual BCC\n",
			" for follicular mimics"},
		{"a stain named only in the notes of a log with no stain column", "Site: nose\nStage | Blocks | Margins | Notes\n1     | 4      | blocks 2, 3 positive | Ber-EP4 on all blocks for follicular mimics; nodular BCC\n2     | 3      | clear | Ber-EP4 on all blocks (same reason)\n",
			"same reason"},
		{"the reason after the histology, past a semicolon", "Site: nose\nStage  Blocks  Margins   Stains                      Notes\n1      3       positive  H&E                         morpheaform BCC\n2      2       clear     H&E; Ber-EP4 (blocks 1-2)   no residual BCC; Ber-EP4 to separate BCC strands from follicles\n",
			" to separate BCC strands from follicles"},
		{"a reason for two stains", "Site: nose\nStg | Blocks | Stains | Margins | Reason / findings\n1 | 2 | H&E | positive | nodular BCC\n2 | 1 | H&E; MART-1; Ber-EP4 (block 1) | clear | MART-1 and Ber-EP4 on block 1 to confirm clearance\n",
			" to confirm clearance"},
		{"row a stage", "Site: ear\nStage  Blocks  Margin  Stain          Comment\n1      2       +       H&E            nodular BCC\n2      1       -       H&E, Ber-EP4   Ber-EP4 for follicular mimics\n",
			" for follicular mimics"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			require.Len(t, n.Lesions, 1)
			require.GreaterOrEqual(t, len(n.Lesions[0].Stages), 2)
			var reason string
			for _, st := range n.Lesions[0].Stages[1].Stains {
				if st.Name == "Ber-EP4" {
					reason = st.Reason
				}
			}
			assert.Equal(t, tc.reason, reason)
			assert.NotContains(t, rules(n), "stain-indication-missing")
		})
	}
}

// TestPositiveOfTotalUnread: a "Pos/Total" cell that is not positive blocks
// over all blocks ("3/1", "x/3") is value-invalid and gives the stage no
// count (NOTE-FORMAT section 5: a value the engine cannot read is an error,
// never a guess).
func TestPositiveOfTotalUnread(t *testing.T) {
	for _, cell := range []string{"3/1", "x/3", "1/0"} {
		n := mustLower(t, "Site: ear\nStage   Pos/Total blocks\n1       "+cell+"\n")
		require.Len(t, n.Lesions[0].Stages, 1, cell)
		assert.Contains(t, rules(n), "value-invalid", cell)
		assert.False(t, n.Lesions[0].Stages[0].Blocks.Present(), cell)
	}
}

// TestLogStainReasonColumn: a "Stain reason" column documents the reason
// of its row's special stains (CODING-RULES.md section 5); an abbreviated
// "Blk" column is the block count.
func TestLogStainReasonColumn(t *testing.T) {
	n := mustLower(t, "Site: ear\nStage  Blk  Stain(s)        Stain reason                          Margin\n1      2    H&E, Ber-EP4    separate BCC from follicles           blk 1 +, blk 2 -\n2      1    H&E             —                                     clear\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "1: 1/2+ 2/1-", logStages(n))
	var reasons []string
	for _, st := range n.Lesions[0].Stages {
		for _, s := range st.Stains {
			reasons = append(reasons, s.Name+"="+s.Reason)
		}
	}
	assert.Equal(t, []string{"H&E=separate BCC from follicles", "Ber-EP4=separate BCC from follicles", "H&E="}, reasons)
}

// TestLogTotalsNamed: a log's TOTAL row whose cells name what they count
// ("stages: 3", "Total: 2 stages") gives the lesion's totals, checked
// against the stages listed (CODING-RULES.md section 1, totals-mismatch):
// the number in the total's own cell is not the blocks' total.
func TestLogTotalsNamed(t *testing.T) {
	for _, tc := range []struct{ name, total, want string }{
		{"'stages: 3' in a cell", "| TOTAL | 8 | stages: 3 |", "3 8"},
		{"'Total: 2 stages' in the stage cell, the blocks under theirs", "| **Total: 2 stages** | **8** | |", "2 8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, "Site: calf\n| Stage | Blocks | Margins |\n| 1 | 5 | positive |\n| 2 | 3 | clear |\n"+tc.total+"\n")
			les := n.Lesions[0]
			assert.Equal(t, "1: 1/5+ 2/3-", logStages(n))
			assert.Equal(t, tc.want, fmt.Sprint(les.TotalStages.N, les.TotalBlocks.N))
		})
	}
}

// TestEncounterGrid: keys over values ("dos | surgeon | reader | payer"),
// as exports and two-row form headers print the encounter, are its
// fields, and so is one encounter key beside the patient's identity
// ("Patient | MRN | DOB | Insurance": the payer picks the modifier
// profile, CODING-RULES §8); a table of a lesion's facts no claim uses
// ("lesion | anesthesia | sutures") is read as nothing, not as an unread
// log.
func TestEncounterGrid(t *testing.T) {
	n := mustLower(t, "\"dos\",\"surgeon\",\"reader\",\"payer\",\"mrn\"\n\"03/31/2026\",\"Ann Lee, MD\",\"Ann Lee, MD (Mohs surgeon)\",\"Medicare Part B\",\"TDS-1\"\n\nSite: chest\n\n\"lesion\",\"anesthesia\",\"sutures\",\"complications\"\n\"1\",\"1% lidocaine 3 mL\",\"4-0 nylon\",\"none\"\n")
	enc := n.Encounter
	assert.Equal(t, "2026-03-31|Ann Lee, MD|Medicare Part B", enc.Date.Value+"|"+enc.Surgeon.Value+"|"+enc.Payer.Value)
	assert.True(t, enc.Pathology.Present())
	assert.NotContains(t, rules(n), "layout-unread")

	// one row of values: the fields under it are the lesion's, not the grid's
	n = mustLower(t, " DOS            Surgeon / slide reader         Payer\n 08/25/2026     Ann Lee, MD / same             Medicare Part B\n SITE            left upper back\n MAP             drawn\n")
	assert.Equal(t, "left upper back|true|true", n.Lesions[0].Site.Text.Value+"|"+fmt.Sprint(n.Lesions[0].Map.Yes)+"|"+fmt.Sprint(n.Encounter.Pathology.Present()))
	assert.NotContains(t, rules(n), "value-invalid")

	// one encounter key beside the patient's identity: the payer is read
	n = mustLower(t, "MOHS SURGERY LOG - LARKSPUR RIDGE DERMATOLOGY\n\n| Patient | MRN | DOB | Insurance | Referring |\n|---|---|---|---|---|\n| W. Coles | LR-114020 | 02/27/1946 | Medicare Part B | Dr. Hesketh |\n\nSite: left forehead\nStage 1: 2 blocks, clear\n")
	assert.Equal(t, "Medicare Part B", n.Encounter.Payer.Value)
}

// TestRepairTableTiming: a repair table's timing column says when each
// repair was done (CODING-RULES.md section 3, repair timing).
func TestRepairTableTiming(t *testing.T) {
	n := mustLower(t, "Lesion 1\nSite: chest\nStage 1: 2 blocks; clear\n\n\"lesion\",\"defect\",\"repair\",\"length\",\"timing\"\n\"1\",\"1.6 x 1.3 cm\",\"intermediate layered repair\",\"2.0 cm\",\"after clearance\"\n")
	require.Len(t, n.Lesions[0].Repairs, 1)
	assert.Equal(t, "intermediate layered repair; 2.0 cm; after clearance", n.Lesions[0].Repairs[0].Value.Value) // the timing the claim checks is in the value
}

// TestLogDescribingLesions: a log whose rows also describe each lesion
// ("Lesion | Site | Diagnosis | Pre-op size | Stage | Blocks | Margins"),
// copied from a spreadsheet with the lesion cells of a continuing row left
// empty, opens each lesion with its site and fields and lists its stages
// (CODING-RULES.md: a fact counts wherever the note states it).
func TestLogDescribingLesions(t *testing.T) {
	src := "Maps\tdrawn for lesions A and B\n\n" +
		"Lesion\tSite\tDiagnosis\tPre-op size\tStage\tBlocks\tMargins\n" +
		"A\tright shoulder\tBCC, infiltrative\t1.6 x 1.3 cm\t1\t2\tblock 1 + (deep)\n" +
		"\t\t\t\t2\t1\tclear\n" +
		"B\tleft chest\tSCC, well differentiated\t2.1 x 1.9 cm\t1\t3\tclear\n"
	n := mustLower(t, src)
	assert.Equal(t, "A: 1/2+ 2/1- | B: 1/3-", logStages(n))
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprintf("%s|%s|%v|map %v", les.Site.Text.Value, les.Diagnosis.Value, les.Size.Dims, les.Map.Yes))
	}
	assert.Equal(t, []string{"right shoulder|BCC, infiltrative|[1.6 1.3]|map true", "left chest|SCC, well differentiated|[2.1 1.9]|map true"}, got)
}

// TestLogTotalsFooter: a "TOTAL: 2 stages, 6 blocks" line under a log
// gives the lesion's totals, checked against the stages listed
// (CODING-RULES.md section 1, totals-mismatch).
func TestLogTotalsFooter(t *testing.T) {
	n := mustLower(t, "Site: thigh\nStage  : Blocks : Margins\n1      : 3      : block 2 positive\n2      : 2      : clear\n------------------------\nTOTAL  : 2 stages, 6 blocks\n")
	les := n.Lesions[0]
	assert.Equal(t, "1: 1/3+ 2/2-", logStages(n))
	assert.Equal(t, "2 6", fmt.Sprint(les.TotalStages.N, les.TotalBlocks.N))
}

// TestResultCellHistology: a log's result cell that also describes the
// tumor ("+ block 1 deep (MD SCC in reticular dermis, no PNI)") is the
// stage's histology; "tumor at deep margin" alone is not (CODING-RULES.md
// section 10, histology-missing).
func TestResultCellHistology(t *testing.T) {
	n := mustLower(t, "Site: temple\nStage   Blocks   Result\n1       3        + block 1 deep (MD SCC in reticular dermis, no PNI)\n2       1        clear\n")
	assert.Equal(t, "+ block 1 deep (MD SCC in reticular dermis, no PNI)", n.Lesions[0].Stages[0].Histology.Value)
	n = mustLower(t, "Site: temple\nStage   Blocks   Result\n1       3        tumor at deep margin\n2       1        clear\n")
	assert.False(t, n.Lesions[0].Stages[0].Histology.Present())
}

// TestTotalsStatedApart: totals stated apart from the log are read by what
// they name, checked against the stages listed (CODING-RULES.md section 1,
// totals-mismatch): "Total stages<TAB>3" under a tab log, whatever column
// its number falls in, and a totals line that gives each lesion its own
// ("lesion A 1 stage, 2 blocks; lesion B …"). A totals line naming a lesion
// the note does not have gives no lesion a total from it.
func TestTotalsStatedApart(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each lesion's total stages and blocks
	}{
		{"key and number under a tab log",
			"Site\tnose\n\nStage\tBlocks\tMargins\tComment\n1\t3\tpositive (block 1, deep)\tBCC\n2\t2\tnegative\t\n\nTotal stages\t3\nTotal blocks\t5\n",
			[]string{"3 5"}},
		{"each lesion's totals on one line",
			"LESION A\nSite: left nasal ala\n\nLESION B\nSite: right upper back\n\n| Lesion | Stage | Blocks | Margins |\n|---|---|---|---|\n| A | 1 | 2 | clear |\n| B | 1 | 5 | positive |\n| B | 2 | 6 | clear |\n\nTotals: lesion A 1 stage, 2 blocks; lesion B 2 stages, 11 blocks.\n",
			[]string{"1 2", "2 11"}},
		{"bare labels",
			"LESION A\nSite: left nasal ala\nStage 1: 2 blocks, clear\n\nLESION B\nSite: right upper back\nStage 1: 4 blocks, clear\n\nTotals: A: 1 stage, 2 blocks; B: 1 stage, 4 blocks\n",
			[]string{"1 2", "1 4"}},
		{"a label the note does not have",
			"LESION A\nSite: left nasal ala\nStage 1: 2 blocks, clear\n\nLESION B\nSite: right upper back\nStage 1: 4 blocks, clear\n\nTotals: lesion A 1 stage, 2 blocks; lesion C 2 stages, 11 blocks\n",
			[]string{"1 2", "0 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			var got []string
			for _, les := range n.Lesions {
				got = append(got, fmt.Sprint(les.TotalStages.N, les.TotalBlocks.N))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestStageFactsNamingTheirLesion: under a log of several lesions, a
// stage's fact that names its lesion is that lesion's (CODING-RULES §10,
// histology per stage; a fact counts wherever the note states it): "Stage
// 1 findings, lesion B: …" (a comma in the key), "Stage 1 histology: lesion
// 1 – …; lesion 2 – …" (one part a lesion). A label the note does not have
// gives no lesion the fact.
func TestStageFactsNamingTheirLesion(t *testing.T) {
	const log = "Lesion A: left shoulder\nLesion B: left cheek\n\n" +
		"LESION  STAGE  BLOCKS  MARGIN STATUS\nA       1      6       positive block 2 (deep)\nB       1      2       negative\nA       2      4       negative\n\n"
	histology := func(n *model.Note) []string {
		var out []string
		for _, les := range n.Lesions {
			out = append(out, les.Label+":"+les.Stages[0].Histology.Value)
		}
		return out
	}
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"a key with its lesion after a comma",
			"Stage 1 findings, lesion A: storiform spindle cells in the fat.\nStage 1 findings, lesion B: superficial BCC, no PNI.\n",
			[]string{"A:storiform spindle cells in the fat.", "B:superficial BCC, no PNI."}},
		{"a key with its lesion after a dash or for",
			"Stage 1 histology - lesion A: storiform spindle cells in the fat.\nStage 1 histology for lesion B: superficial BCC, no PNI.\n",
			[]string{"A:storiform spindle cells in the fat.", "B:superficial BCC, no PNI."}},
		{"one part a lesion",
			"Stage 1 histology: lesion A – storiform spindle cells in the fat; lesion B – superficial BCC, no PNI.\n",
			[]string{"A:storiform spindle cells in the fat", "B:superficial BCC, no PNI"}},
		{"a label the note does not have",
			"Stage 1 findings, lesion C: superficial BCC, no PNI.\n",
			[]string{"A:", "B:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, log+tc.text)
			assert.Equal(t, "A: 1/6+ 2/4- | B: 1/2-", logStages(n), "the stages stay as the log lists them")
			assert.Equal(t, tc.want, histology(n))
		})
	}
}

// TestStainKeyedReason: a line under a log keyed by a stain and its blocks
// whose value gives a reason is the reason of that stain (CODING-RULES §5,
// stain-indication-missing), of the lesion its key names.
func TestStainKeyedReason(t *testing.T) {
	const log = "Lesion 1: right nasal sidewall\nLesion 2: left upper chest\n\n" +
		"Lesion  Stage  Block  Margin  Stain\n1       I      A      +       H&E, Ber-EP4\n1       I      B      -       H&E\n2       I      A      -       H&E\n1       II     A      -       H&E\n\n"
	reasons := func(n *model.Note) []string {
		var out []string
		for _, les := range n.Lesions {
			for _, st := range les.Stages {
				for _, s := range st.Stains {
					if s.Name != "H&E" {
						out = append(out, les.Label+" "+s.Name+"="+s.Reason)
					}
				}
			}
		}
		return out
	}
	for _, tc := range []struct{ line, want string }{
		{"Ber-EP4 on block 1-I-A (lesion 1 only): to separate a BCC focus from a follicular proliferation.", "1 Ber-EP4=to separate a BCC focus from a follicular proliferation."},
		{"Ber-EP4 (lesion 1): for follicular epithelium versus BCC", "1 Ber-EP4=for follicular epithelium versus BCC"},
	} {
		n := mustLower(t, log+tc.line+"\n")
		assert.Equal(t, []string{tc.want}, reasons(n), tc.line)
	}
}

// TestAbbreviatedBlockColumn: "Blk" (or "Sec") heads a block count in a
// log of a row per stage, and a block's number in a log of a row per
// block, which the rows tell by repeating a stage of the same lesion
// (CODING-RULES §1: blocks per stage; 17315 counts blocks beyond five);
// other cell shorthand of logs ("+/-" headers, ditto marks) reads as meant.
func TestAbbreviatedBlockColumn(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"a row per stage", "Site: thigh\nStg  Blk  Margin\n1    7    +\n2    3    -\n", "1: 1/7+ 2/3-"},
		{"a row per block", "Site: thigh\nStg  Blk  Margin\n1    1    -\n1    2    +\n1    3    -\n2    1    -\n2    2    -\n", "1: 1/3+ 2/2-"},
		{"'Sec' counts the blocks of a row per stage", "Site: scalp\nLyr  Sec  Result\nI    8    pos: sec 3\nII   2    neg\n", "1: 1/8+ 2/2-"},
		{"a ditto mark repeats the cell above", "Site: shin\n| Stage | Blocks | Margins |\n| 1 | 6 | + blk 2 |\n| 2 | \" | + blk 4 |\n| 3 | ditto | clear |\n", "1: 1/6+ 2/6+ 3/6-"},
		{"a ditto mark under nothing is no count", "Site: shin\n| Stage | Blocks | Margins |\n| 1 | \" | clear |\n", "1: 1/0-"},
		{"a margin column named by its marks", "Site: thigh\nStg  Blk  +/-\n1    4    +\n2    2    -\n", "1: 1/4+ 2/2-"},
		{"two lesions' first stages one under the other",
			"Lesion A: nose\nLesion B: chin\n\nLes  Stg  Blk  Margin\nA    1    3    -\nB    1    2    -\n", "A: 1/3- | B: 1/2-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, logStages(mustLower(t, tc.src)))
		})
	}
}

// TestBlockLetterRows: a log with one row per block whose block column is
// headed "Blk" and holds the blocks' letters ("1  A  -" over "1  B  +")
// lists the blocks of each stage, never a stage a row (CODING-RULES §1:
// stage 1 of three blocks and stage 2 of one are 17311 and 17312 ×1).
func TestBlockLetterRows(t *testing.T) {
	const note = "DOS: 5/21/26\nLocation: R index finger\nDx: SCC\n\nStg   Blk   Margin   Routine\n1     A     -        H&E\n1     B     +        H&E\n1     C     -        H&E\n2     A     -        H&E\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 1)
	var blocks []int
	for _, st := range n.Lesions[0].Stages {
		blocks = append(blocks, st.Blocks.N)
	}
	assert.Equal(t, []int{3, 1}, blocks)
}

// TestStagePieces: a stage divided into pieces because of its size, each a
// row of the log ("1A  3", "1B  4"), is one stage of all their blocks
// (CODING-RULES §1: 7 blocks in stage 1 are 17311 and 17315 ×2); a piece
// whose blocks are not counted leaves the stage's count unknown.
func TestStagePieces(t *testing.T) {
	const head = "DOS: 2026-05-07\nSite: left forehead\nDx: BCC\n\nStage   Blocks   Margins\n"
	tests := []struct {
		name, rows string
		want       []int
	}{
		{"two pieces, then stage 2", "1A      3        block 2 positive\n1B      4        clear\n2       2        clear\n", []int{7, 2}},
		{"a piece without its count", "1A      3        block 2 positive\n1B               clear\n2       2        clear\n", []int{0, 2}},
		{"one piece alone is the stage", "1A      3        block 2 positive\n2       2        clear\n", []int{3, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, head+tc.rows)
			require.Len(t, n.Lesions, 1)
			var blocks []int
			for _, st := range n.Lesions[0].Stages {
				blocks = append(blocks, st.Blocks.N)
			}
			assert.Equal(t, tc.want, blocks)
		})
	}
}

// TestTableBeforeLabels: a lesion table and a log that number their
// lesions ("| Site | Location | …" with 1, 2, 3) before any label opens
// them, and the labels after them ("Site 1: defect …; complex repair …")
// refer back to the lesions the table opened; the label column's number
// and the second site column's site are each lesion's (CODING-RULES §1:
// every lesion's stages and class).
func TestTableBeforeLabels(t *testing.T) {
	const note = "Date of service: 05/14/2026\n\n| Site | Location          | Diagnosis | Pre-op size  |\n|------|-------------------|-----------|--------------|\n| 1    | left nasal dorsum | BCC       | 0.9 x 0.8 cm |\n| 2    | right helix       | SCC       | 1.5 x 1.3 cm |\n\n" +
		"| Site | Stage | Blocks | Margins |\n|------|-------|--------|---------|\n| 1    | 1     | 2      | clear   |\n| 2    | 1     | 6      | block 4 positive |\n| 2    | 2     | 2      | clear   |\n\n" +
		"Site 1: defect 1.3 x 1.1 cm; complex repair 1.9 cm\nSite 2: defect 2.2 x 1.9 cm; complex repair 2.3 cm\n"
	n := mustLower(t, note)
	var got []string
	for _, les := range n.Lesions {
		var blocks []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		got = append(got, fmt.Sprintf("%s %s %s repairs=%d", les.Label, les.Site.Text.Value, strings.Join(blocks, ","), len(les.Repairs)))
	}
	assert.Equal(t, []string{"1 left nasal dorsum 2 repairs=1", "2 right helix 6,2 repairs=1"}, got)
}

// TestLetterLabelledRepairs: under a repairs heading, "A - Closure: simple
// repair 1.5 cm" is the repair of lesion A, and "Lesion 1 repair: …" that
// of lesion 1 (CODING-RULES §3: each repair's site group is its lesion's;
// simple repairs of one group are summed).
func TestLetterLabelledRepairs(t *testing.T) {
	tests := []struct {
		name, note string
		want       []string
	}{
		{"'A - Closure:' under a repairs heading",
			"Date: 07/06/2026\n\nSite A) right forehead\nDx: BCC\nStage 1: 2 blocks, clear\n\nSite B) left posterior neck\nDx: SCC\nStage 1: 3 blocks, clear\n\n" +
				"Repairs (all after tumor clearance):\n  A - Closure: simple repair 1.5 cm\n  B - Closure: simple repair 2.2 cm\n",
			[]string{"A: simple repair 1.5 cm", "B: simple repair 2.2 cm"}},
		{"'Lesion 1 repair:' under a repairs heading",
			"Date: 06/08/2026\n\nLesion 1\nSite: R dorsal hand\nStage 1: 2 blocks, clear\n\nLesion 2\nSite: R dorsal forearm\nStage 1: 3 blocks, clear\n\n" +
				"Repairs (after clearance):\nLesion 1 repair: intermediate layered closure 2.2 cm\nLesion 2 repair: complex layered repair 4.0 cm\n",
			[]string{"1: intermediate layered closure 2.2 cm", "2: complex layered repair 4.0 cm"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, les := range mustLower(t, tc.note).Lesions {
				for _, r := range les.Repairs {
					got = append(got, les.Label+": "+r.Value.Value)
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestFieldsOfEveryLesion: before or between the lesions of a note whose
// table opened them, "Indications: 1 - facial location; 2 - size over 1
// cm" gives each lesion its own indication, and "Mohs maps: drawn for all
// three sites" documents every lesion's map (CODING-RULES §1:
// indication-missing and map-missing are answered lesion by lesion).
func TestFieldsOfEveryLesion(t *testing.T) {
	const note = "DOS: 05/22/2026\n\nLesion | Site           | Dx           | Pre-op size\n1      | right forehead | BCC, nodular | 1.0 x 0.9 cm\n2      | left upper arm | SCC          | 1.5 x 1.2 cm\n\n" +
		"Indications: 1 - facial location; 2 - size over 1 cm with ill-defined borders\nMohs maps: drawn for all three sites\n\nLesion 1\nStage 1: 2 blocks; clear\n\nLesion 2\nStage 1: 3 blocks; clear\n"
	n := mustLower(t, note)
	var got []string
	for _, les := range n.Lesions {
		got = append(got, fmt.Sprintf("%s %q map=%v", les.Label, les.Indication.Value, les.Map.Yes))
	}
	assert.Equal(t, []string{`1 "facial location" map=true`, `2 "size over 1 cm with ill-defined borders" map=true`}, got)
}

// TestBlockIDLogOfLesions: a log of one row a block for several lesions,
// whose block IDs name their stage ("Lesion  Block  Margin  Stains" over
// "1  1A  +  H&E, MART-1", "1  2A  -  …", "2  1A  -  H&E"), gives each
// lesion its stages and blocks (CODING-RULES §2); read as a table of
// lesions it gave none.
func TestBlockIDLogOfLesions(t *testing.T) {
	n := mustLower(t, "Lesion 1: left temple\nDx: melanoma in situ\n\nLesion 2: right upper arm\nDx: basal cell carcinoma\n\n"+
		"Block IDs: stage number + block letter.\nLesion  Block  Margin  Stains\n"+
		"1       1A     +       H&E, MART-1\n1       1B     -       H&E, MART-1\n1       2A     -       H&E, MART-1\n"+
		"2       1A     -       H&E\n2       1B     -       H&E\n2       1C     -       H&E\n")
	assert.Equal(t, "1: 1/2+ 2/1- | 2: 1/3-", logStages(n))
}

// TestMarginsInCommentColumn: a log without a margin column states each
// stage's margins in its comment column ("blk 2 + at deep margin (…); blks
// 1 & 3 clear", "tumor-free"): CODING-RULES §1, margins-missing otherwise;
// a comment of histology alone states none.
func TestMarginsInCommentColumn(t *testing.T) {
	n := mustLower(t, "Date of service: 04/28/2026\nSite: left cheek\n\n| Stage | Blocks | Stains | Comment |\n|---|---|---|---|\n"+
		"| 1 | 3 | H&E | blk 2 + at deep margin (nodular BCC, mid dermis, no PNI); blks 1 & 3 clear |\n| 2 | 1 | H&E | tumor-free |\n| 3 | 1 | H&E | nodular BCC, mid dermis |\n")
	var got []string
	for _, st := range n.Lesions[0].Stages {
		s := "?"
		for _, m := range st.Margins {
			s = fmt.Sprint(m.Positive)
			if m.Positive {
				break
			}
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"true", "false", "?"}, got)
}

// TestStainsCellWithHistology: a log's stains cell that goes on after a
// semicolon with the stage's histology ("| H&E; morpheaform BCC strands in
// the reticular dermis, no PNI" under "STAINS / NOTES") gives the stage its
// histology (CODING-RULES §1: histology-missing otherwise) and no unknown
// stain; a stain after the semicolon stays a stain (§5).
func TestStainsCellWithHistology(t *testing.T) {
	const note = "Site: left temple\n\nSTAGE  BLOCKS  MARGINS                            STAINS / NOTES\n" +
		"1      4       blocks 1, 3 positive (peripheral)  H&E; morpheaform BCC strands in the reticular dermis, no PNI\n" +
		"2      2       clear                              H&E; trichrome (block 1) to separate tumor strands from scar\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 1)
	require.Len(t, n.Lesions[0].Stages, 2)
	assert.Equal(t, "morpheaform BCC strands in the reticular dermis, no PNI", n.Lesions[0].Stages[0].Histology.Value)
	assert.NotContains(t, rules(n), "stain-unknown")
	var second []string
	for _, s := range n.Lesions[0].Stages[1].Stains {
		second = append(second, s.Name)
	}
	assert.Contains(t, second, "trichrome")
}

// TestCopiedLogIsAnotherDay: a Mohs log copied into the note from another
// day's surgery, between a line that says so and the line that ends the
// copy (or the blank line after it), states no stage of today's (CODING-RULES
// §1: the stages documented for this lesion today).
func TestCopiedLogIsAnotherDay(t *testing.T) {
	const today = "\nSite: right cheek\n\nStage  Blocks  Margins\n1      3       block 1 positive (peripheral)\n2      1       clear\n"
	tests := []struct{ name, src, want string }{
		{"a copy with its end line",
			"----- copied from the Mohs log of 03/12/2024 (left nasal sidewall, BCC) -----\nStage  Blocks  Margins\n1      3       block 2 positive (deep)\n2      1       clear\nRepaired that day with a bilobed flap.\n----- end of copied text -----\n" + today,
			"1: 1/3+ 2/1-"},
		{"a copy to the blank line after it",
			"[Copied from the Mohs note of 5/6/2025]\nStage  Blocks  Margins\n1      2       clear\n" + today,
			"1: 1/3+ 2/1-"},
		{"no copy: today's log alone",
			today, "1: 1/3+ 2/1-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, logStages(mustLower(t, tt.src)))
		})
	}
}

// TestRepairsTableSecondaryDefect: a repairs table of several lesions with
// a "Secondary defect" column ("| B | 2.4 x 2.0 cm | advancement flap | |
// 5.6 sq cm | after tumor clearance |") gives the flap its secondary
// defect beside the lesion's final defect (CODING-RULES §3: the flap's area
// is primary plus secondary, 10.4 sq cm here).
func TestRepairsTableSecondaryDefect(t *testing.T) {
	const note = "Date: 2026-11-20\n\n| Lesion | Site | Diagnosis |\n|---|---|---|\n| A | left lower eyelid | basal cell carcinoma |\n| B | right cheek | melanoma in situ |\n\n" +
		"| Lesion | Stage | Blocks | Margins |\n|---|---|---|---|\n| A | 1 | 2 | clear |\n| B | 1 | 4 | clear |\n\nREPAIRS\n" +
		"| Lesion | Final defect | Repair | Length | Secondary defect | Timing |\n|---|---|---|---|---|---|\n| A | 1.1 x 0.9 cm | complex repair | 1.8 cm | | after tumor clearance |\n| B | 2.4 x 2.0 cm | advancement flap | | 5.6 sq cm | after tumor clearance |\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	require.Len(t, n.Lesions[1].Repairs, 1)
	area, ok := n.Lesions[1].Repairs[0].SecondaryDefect.Area()
	assert.True(t, ok)
	assert.InDelta(t, 5.6, area, 0.001)
	assert.Equal(t, "[2.4 2]", fmt.Sprint(n.Lesions[1].FinalDefect.Dims))
}

// TestSummaryGridStageByStage: a summary grid of lesions that tells each
// lesion's blocks stage by stage ("Blocks per stage: 4 / 6 / 1") and its
// margins ("S1 … positive … / S2 … / S3 clear") gives the lesion those
// stages; a stage count that disagrees with the counts gives none
// (CODING-RULES §1: stages and blocks per stage, never guessed); the
// row's repair under "Repair (after tumor clearance)" is the lesion's.
func TestSummaryGridStageByStage(t *testing.T) {
	const grid = "Date of service: 11/11/2026\n\n| Lesion | Site | Stages | Blocks per stage | Margins by stage | Repair (after tumor clearance) |\n|---|---|---|---|---|---|\n" +
		"| A | L nasal ala | 2 | 3 / 1 | S1 block 2 positive (deep), blocks 1 and 3 clear / S2 clear | full-thickness skin graft, 1.5 x 1.3 cm |\n" +
		"| B | R medial cheek | %s | 4 / 6 / 1 | S1 block 3 positive (deep); S2 block 5 positive (peripheral); S3 clear | intermediate layered repair, 3.5 cm |\n\n" +
		"Lesion A: left nasal ala\n  Diagnosis: nodular BCC\n  Histology (stage 1): nodular BCC, deep dermis\nLesion B: right medial cheek\n  Diagnosis: SCC\n"
	outline := func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			s := les.Label + ":"
			for _, st := range les.Stages {
				mark := "?"
				if len(st.Margins) > 0 {
					mark = map[bool]string{true: "+", false: "-"}[st.Margins[0].Positive]
				}
				s += fmt.Sprintf(" %d%s", st.Blocks.N, mark)
			}
			out = append(out, fmt.Sprint(s, " repairs ", len(les.Repairs)))
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct{ name, stages, want string }{
		{"§1 stages told stage by stage", "3", "A: 3+ 1- repairs 1; B: 4+ 6+ 1- repairs 1"},
		{"§1 a stage count that disagrees: no stage", "2", "A: 3+ 1- repairs 1; B: repairs 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, outline(mustLower(t, fmt.Sprintf(grid, tt.stages))))
		})
	}
}

// TestSummaryGridNumbered: a second table of the listed lesions headed "#
// | Stages | Blocks (S1 / S2 / S3) | Margins (S1 / S2 / S3) | Repair" is a
// summary a row a lesion, its "#" the lesion's number, not a log whose "#"
// numbers the stages (CODING-RULES §1).
func TestSummaryGridNumbered(t *testing.T) {
	const note = "Date of service: 2026-11-25\n\n| # | Site | Diagnosis | Prior biopsy | Pre-op size |\n|---|---|---|---|---|\n| 1 | R forehead | nodular BCC | yes, shave 11/04/2026 | 1.0 x 0.8 cm |\n| 2 | nasal tip | nodular BCC | yes, shave 11/04/2026 | 0.7 x 0.7 cm |\n\n" +
		"| # | Stages | Blocks (S1 / S2 / S3) | Margins (S1 / S2 / S3) | Repair |\n|---|---|---|---|---|\n" +
		"| 1 | 2 | 2 / 1 | block 1 positive (deep), block 2 clear / clear | intermediate layered repair after tumor clearance, 2.0 cm |\n" +
		"| 2 | 3 | 3 / 2 / 1 | block 3 positive / block 1 positive / clear | intermediate layered repair after tumor clearance, 1.5 cm |\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	var got []string
	for _, les := range n.Lesions {
		var blocks []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		got = append(got, fmt.Sprint(strings.Join(blocks, ","), " repairs ", len(les.Repairs)))
	}
	assert.Equal(t, []string{"2,1 repairs 1", "3,2,1 repairs 1"}, got)
}

// TestSummaryStageColumns: a summary table of lesions with a column a
// stage ("Les | Site | Stage 1 | Stage 2 | Stage 3 | Total stages"), its
// cells wrapped onto rows under them, gives each lesion its stages
// (CODING-RULES §1–2); a cell without a block count, or a stage count that
// disagrees, gives none.
func TestSummaryStageColumns(t *testing.T) {
	const head = "Date of service: 11/04/2026\nMohs slides read by: the Mohs surgeon\n\n" +
		"Lesion A: Left nasal ala\n  Site: Left nasal ala\n  Pre-op Dx: Basal cell carcinoma, nodular\n\n" +
		"Lesion B: Right dorsal forearm\n  Site: Right dorsal forearm\n  Pre-op Dx: Squamous cell carcinoma\n\n" +
		"MOHS LOG (one row per tumor)\n" +
		"Les | Site                 | Stage 1                    | Stage 2           | Stage 3 | Total stages\n" +
		"----+----------------------+----------------------------+-------------------+---------+-------------\n"
	cases := []struct{ name, rows, want string }{
		{"stage cells wrapped onto the row under them",
			"A   | L nasal ala          | 3 blocks; block 2 positive | 2 blocks; clear   |         | 2\n" +
				"    |                      | (deep), blocks 1, 3 clear  |                   |         |\n" +
				"B   | R dorsal forearm     | 6 blocks; block 1 positive | 1 block; clear    |         | 2\n",
			"A 3+,2-; B 6+,1-"},
		{"a stage count that disagrees gives no stage",
			"A   | L nasal ala          | 3 blocks; block 2 positive | 2 blocks; clear   |         | 3\n" +
				"B   | R dorsal forearm     | 2 blocks; clear            |                   |         | 1\n",
			"A ; B 2-"},
		{"a cell without a count gives no stage",
			"A   | L nasal ala          | block 2 positive           | 2 blocks; clear   |         | 2\n" +
				"B   | R dorsal forearm     | 2 blocks; clear            |                   |         | 1\n",
			"A ; B 2-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := mustLower(t, head+c.rows)
			var out []string
			for _, les := range n.Lesions {
				var st []string
				for _, s := range les.Stages {
					mark := "?"
					if len(s.Margins) > 0 {
						mark = map[bool]string{true: "+", false: "-"}[s.Margins[0].Positive]
					}
					st = append(st, fmt.Sprint(s.Blocks.N, mark))
				}
				out = append(out, les.Label+" "+strings.Join(st, ","))
			}
			assert.Equal(t, c.want, strings.Join(out, "; "))
		})
	}
}

// TestTumourColumn: a log's column headed "Tumour" (the British spelling)
// names each row's lesion, as "Tumor" does (CODING-RULES §1: a stage is
// its lesion's; the rows had all gone to the lesion read last).
func TestTumourColumn(t *testing.T) {
	const note = "Date of service: 11/12/2026\nSlides read by: the Mohs surgeon\n\n" +
		"Tumour A\nSite: left nasal sidewall\n\nTumour B\nSite: right forehead\n\n" +
		"  Tumour | Stage | Blocks | Margins\n" +
		"  A      | 1     | 2      | block 1 positive (deep), 2 clear\n" +
		"  A      | 2     | 1      | clear\n" +
		"  B      | 1     | 3      | clear\n"
	n := mustLower(t, note)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "A: 1/2+ 2/1- | B: 1/3-", logStages(n))
}

// TestSpaceAlignedCellRunsOn: a space-aligned log row whose margin cell
// runs on into the stains column with one space ("… 4-5 clear H&E; CK7
// (blocks 1-3)", "H&E" under "Stains") gives each column its own words:
// stage 2's CK7 is billed on its three blocks (CODING-RULES §5: 88342 a
// block, blocks named in parentheses), not lost in the margin cell.
func TestSpaceAlignedCellRunsOn(t *testing.T) {
	head := "DOS: 11/04/2026\nInsurance: Cigna\nSlides: read by the Mohs surgeon\nTumor site: Left groin\nDx: Extramammary Paget disease\n" +
		"Prior biopsy: yes - incisional 10/07/2026\nIndication: ill-defined borders\nClinical size: 3.4 x 2.6 cm\nMap: drawn\n" +
		"Stain reason: CK7 to pick out single Paget cells\nStage 1 histology: intraepidermal Paget cells\n\n"
	log := "Stage  Blocks  Margin                                        Stains\n" +
		"1      2       block 1 positive (peripheral)                 H&E; CK7 all blocks\n" +
		"2      5       block 3 positive (peripheral); 1-2, 4-5 clear H&E; CK7 (blocks 1-3)\n" +
		"3      2       clear                                         H&E\n"
	lines, _ := codedNote(t, head+log)
	assert.Equal(t, []string{"17313×1[]", "17314×2[]", "88342×5[59]"}, lines)
}

// TestTickedMarginColumns: a Mohs log grid that marks each stage's margin
// with a tick under "Residual tumor" or under "Clear" ("✓ (block 1,
// deep)") reads the tick as the answer (CODING-RULES §1: a stage after a
// positive one; §10: margins-missing and stage-after-clear only when the
// grid does not say). A tick after a stage's margins ("Margins: clear  ✔")
// is no stain.
func TestTickedMarginColumns(t *testing.T) {
	head := "Date of service: 11/10/2026\nInsurance: Cigna\nSlides read by: Mohs surgeon\nSite: Right earlobe\nDiagnosis: Basal cell carcinoma, nodular\n" +
		"Prior biopsy: yes - shave 10/20/2026\nIndication: ear\nPre-op size: 0.8 x 0.7 cm\nMohs map: ✓ drawn\n\n"
	grid := "Stage   Blocks   Residual tumor        Clear   Histotech\n" +
		"1       2        ✓ (block 1, deep)             KL\n" +
		"2       1                              ✓       KL\n\n" +
		"Stage 1 histology: nodular BCC in the mid dermis at block 1\n"
	lines, rules := codedNote(t, head+grid)
	assert.Equal(t, []string{"17311×1[]", "17312×1[]"}, lines)
	assert.NotContains(t, rules, "margins-missing")
	assert.NotContains(t, rules, "stage-after-clear")

	form := "Lesion 1 of 2\nSite: Left helix, mid\nDiagnosis: Squamous cell carcinoma, well differentiated\nPrior biopsy: yes - shave 10/19/2026\n" +
		"Indication: ear (H-zone)\nPre-op size: 0.7 x 0.6 cm\nMohs map: ✔ drawn\n\nStage _1_   Blocks _2_   Margins: clear  ✔\n" +
		"Stage 1 histology: well-differentiated SCC in the superficial dermis, no perineural invasion\n"
	_, rules = codedNote(t, form)
	assert.NotContains(t, rules, "stain-unknown")
}

// TestSectionColumnOfAnExport: a CSV export whose tables open with a
// column of each row's kind (`"section","case_id","dos","surgeon","payer",
// "pos","slides_read_by"` over `"encounter",…`) gives the encounter's
// fields; "section" there is no block column (CODING-RULES §10: date-missing
// and pathology-undocumented only when the note does not say).
func TestSectionColumnOfAnExport(t *testing.T) {
	note := "Case export (CSV)\n" +
		"\"section\",\"case_id\",\"dos\",\"surgeon\",\"payer\",\"pos\",\"slides_read_by\"\n" +
		"\"encounter\",\"TPM-26-1125-03\",\"11/25/2026\",\"I. Brandt-Mwangi, MD\",\"Medicare Part B\",\"11\",\"Mohs surgeon - Dr. Brandt-Mwangi read all frozen sections\"\n\n" +
		"Site: Left nasal ala\nDiagnosis: Basal cell carcinoma, nodular\nPrior biopsy: yes - shave 11/05/2026\nIndication: H-zone\nPreop size: 0.9 x 0.7 cm\nMohs map: drawn\n" +
		"Stage 1: 2 blocks; margins: clear; histology: nodular BCC in the mid dermis\n"
	lines, rules := codedNote(t, note)
	assert.Equal(t, []string{"17311×1[]"}, lines)
	assert.NotContains(t, rules, "date-missing")
	assert.NotContains(t, rules, "pathology-undocumented")
}

// TestLesionStageSpecimenIDs: a log that names each row's lesion and stage
// in one specimen ID ("L1S2"), under a lesion table whose column numbers
// the lesions "L1", "L2", with a legend that spells the IDs out and
// repairs keyed "L1:", "L2:" after it: each stage, and each repair, is its
// own lesion's (CODING-RULES §1 and §3: stages and repairs per lesion),
// and the legend's "lesion 2, stage 1" is no stage.
func TestLesionStageSpecimenIDs(t *testing.T) {
	src := "Lesion | Site | Dx\n" +
		"L1 | L nasal tip | BCC, nodular\n" +
		"L2 | R cheek | SCC\n\n" +
		"Label legend: L = lesion, S = stage (L2S1 = lesion 2, stage 1).\n\n" +
		"| Specimen | Blocks | Margins |\n|---|---|---|\n" +
		"| L1S1 | 2 | Positive: block 1 (deep) |\n| L1S2 | 1 | Clear |\n| L2S1 | 6 | Clear |\n\n" +
		"Repairs (after tumor clearance at each site):\n" +
		"L1: full-thickness skin graft, 1.6 x 1.4 cm\n" +
		"L2: complex repair 4.2 cm\n"
	n := mustLower(t, src)
	assert.Equal(t, "1: 1/2+ 2/1- | 2: 1/6-", logStages(n))
	require.Len(t, n.Lesions, 2)
	require.Len(t, n.Lesions[0].Repairs, 1)
	require.Len(t, n.Lesions[1].Repairs, 1)
	assert.Contains(t, n.Lesions[0].Repairs[0].Value.Value, "graft")
	assert.Contains(t, n.Lesions[1].Repairs[0].Value.Value, "complex")
	assert.NotContains(t, rules(n), "lesion-ambiguous")
}

// TestLandmarkSiteNamesNoLesion: a sentence that places one tumor by
// another's site ("about 1 cm below and lateral to the forehead site") is
// the tumor's own, its size too (CODING-RULES §1 and NOTE-FORMAT §5: each
// lesion's own size; a size given to the wrong lesion is a wrong
// size-missing and a wrong excision size).
func TestLandmarkSiteNamesNoLesion(t *testing.T) {
	src := "Date of service: 10/14/2026\n\n" +
		"The first lesion, on the left lateral forehead, was a nodular basal cell carcinoma measuring 1.0 x 0.9 cm. The first stage was divided into two blocks, and both blocks were clear.\n\n" +
		"Attention was then turned to the left temple, about 1 cm below and lateral to the forehead site, where a squamous cell carcinoma measured 1.2 x 1.0 cm. The first stage was divided into three blocks, and all blocks were clear.\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, []float64{1.0, 0.9}, n.Lesions[0].Size.Dims)
	assert.Equal(t, []float64{1.2, 1.0}, n.Lesions[1].Size.Dims)
}

// TestFlapNamedTwiceIsOneFlap: a dictation that names its flap with the
// primary defect, then again as it tells the design with the secondary
// defect, did one flap (CODING-RULES §3: an adjacent tissue transfer is
// coded per defect, its size the primary plus the secondary defect).
func TestFlapNamedTwiceIsOneFlap(t *testing.T) {
	src := "Site: right nasolabial fold\nStage 1: 2 blocks, clear\n\n" +
		"RECONSTRUCTION: After tumor clearance, the 1.5 x 1.5 cm defect in the right nasolabial fold was reconstructed with a rhombic transposition flap. " +
		"A rhombic flap was designed from the lax skin of the lateral cheek. The secondary defect at the donor site measured 1.6 x 1.5 cm and was sutured as part of the flap inset.\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions, 1)
	require.Len(t, n.Lesions[0].Repairs, 1)
	r := n.Lesions[0].Repairs[0]
	assert.Equal(t, []float64{1.5, 1.5}, r.Defect.Dims)
	assert.Equal(t, []float64{1.6, 1.5}, r.SecondaryDefect.Dims)
}

// TestNBSPAfterColonInProse: a non-breaking space after the colon of a
// repairs lead in prose ("Repairs, each after tumor clearance:\u00a0The left
// lower eyelid defect …") reads as a space does (NOTE-FORMAT: non-breaking
// spaces are blanks; CODING-RULES §3: each lesion's repair its own): the
// repairs had gone to the wrong lesions.
func TestNBSPAfterColonInProse(t *testing.T) {
	body := "Lesion 1: left lower eyelid\nStage 1: 2 blocks, clear\n\nLesion 2: right calf\nStage 1: 2 blocks, clear\n\n" +
		"Repairs, each after tumor clearance:%sThe left lower eyelid defect, 1.2 x 1.0 cm, was repaired with a full-thickness skin graft, recipient area 1.5 x 1.2 cm. The right calf defect was closed with an intermediate layered repair, 8.0 cm.\n"
	outline := func(src string) string {
		n := mustLower(t, src)
		var out []string
		for _, les := range n.Lesions {
			var rs []string
			for _, r := range les.Repairs {
				rs = append(rs, r.Value.Value)
			}
			out = append(out, les.Label+": "+strings.Join(rs, "; "))
		}
		return strings.Join(out, " | ")
	}
	want := outline(fmt.Sprintf(body, " "))
	assert.Contains(t, want, "1: ")
	assert.Equal(t, want, outline(fmt.Sprintf(body, "\u00a0")))
}

// TestRepairsBySiteWithDashes: a repairs line that names each lesion by its
// site before a dash gives each its repair, whatever the dash
// (CODING-RULES §3: each lesion's repair its own; the en and em dashes of
// word processors had left the line whole, one lesion's).
func TestRepairsBySiteWithDashes(t *testing.T) {
	for _, dash := range []string{"-", "–", "—"} {
		t.Run(dash, func(t *testing.T) {
			src := "Lesion 1: left forehead\nStage 1: 2 blocks, clear\n\nLesion 2: chin\nStage 1: 1 block, clear\n\n" +
				"Repairs after tumor clearance: forehead " + dash + " complex repair 1.0 cm; chin " + dash + " intermediate layered repair 2.5 cm.\n"
			n := mustLower(t, src)
			require.Len(t, n.Lesions, 2)
			require.Len(t, n.Lesions[0].Repairs, 1)
			require.Len(t, n.Lesions[1].Repairs, 1)
			assert.Contains(t, n.Lesions[0].Repairs[0].Value.Value, "complex")
			assert.Contains(t, n.Lesions[1].Repairs[0].Value.Value, "intermediate")
		})
	}
}

// TestReaderValueWrappedAfterTitle: a reader field whose value a wrap
// broke after the doctor's title ("SLIDES:" over "… interpreted by Dr." /
// "Delacroix-Mbeki, who served as surgeon and pathologist.") names the
// surgeon, not a separate pathologist called "Dr." (CODING-RULES §1: the
// Mohs lines had been replaced by an excision).
func TestReaderValueWrappedAfterTitle(t *testing.T) {
	src := "Surgeon: Dr. Delacroix-Mbeki\nSite: right shin\nStage 1: 2 blocks; margins: clear\n" +
		"SLIDES:\nAll frozen sections were examined and interpreted by Dr.\nDelacroix-Mbeki, who served as surgeon and pathologist.\n"
	n := mustLower(t, src)
	assert.Contains(t, n.Encounter.Pathology.Value, "surgeon and pathologist")
}

// TestWrappedSentencesKeepTheirLesions: a sentence a wrap broke over two
// lines is read as it was written (CODING-RULES §1: each lesion's stages
// its own; each case had moved a stage or a lesion's prose to another
// lesion, or opened a stage twice):
//   - a label's text that tells its tumor ("TUMOR #1. The right cheek
//     lesion was a nodular basal cell carcinoma") names no lesion by the
//     tumor words the next tumor's wrapped "carcinoma measuring …" repeats;
//   - a sentence that opens with a word the templates use as a key ("Tumor
//     B's first stage, four blocks, showed …" over "carcinoma reaching …")
//     is prose, not the key "Tumor";
//   - a site paragraph's first sentence ("For the preauricular tumor, the
//     well-differentiated squamous cell" / "carcinoma measured …") opens its
//     lesion;
//   - a line that goes on with the sentence before it ("… ill-defined
//     borders" / "after failed cryotherapy. Stage 1 histology: …") is prose,
//     not a field that opens a stage.
func TestWrappedSentencesKeepTheirLesions(t *testing.T) {
	tests := []struct {
		name, src, file, want string // src a note; or file, a corpus note re-wrapped at 72 and read as it was
	}{
		{name: "tumor words of a label's text",
			src: "Date of service: 10/20/2026\nI personally interpreted every frozen section, and a Mohs map was drawn for each site.\n\n" +
				"TUMOR #1. The right cheek lesion was a nodular basal cell carcinoma\nmeasuring 1.1 x 0.9 cm. The first stage was divided into two blocks, and both blocks were clear.\n\n" +
				"TUMOR #2. The left upper back lesion was a superficial basal cell\ncarcinoma measuring 1.6 x 1.2 cm. The initial layer was split into\n" +
				"three tissue blocks; there was residual carcinoma at the superior margin of block 1. One further layer of one block showed no residual carcinoma.\n",
			want: "1: 1/2- | 2: 1/3+ 2/1-"},
		{name: "a sentence opening with a key word",
			src: "Date of service: 11/19/2026\n\n" +
				"Two biopsy-proven tumors today, lettered as marked on the skin. Tumor A, the right alar crease, is a nodular basal cell carcinoma measuring 0.7 x 0.6 cm. Tumor B, the left flank, is an infiltrative basal cell carcinoma measuring 2.6 x 2.0 cm. Every frozen section was read by me, and a Mohs map was drawn for each stage of both tumors.\n\n" +
				"Tumor A cleared in its first stage of three blocks; all three blocks were clear.\n\n" +
				"Tumor B's first stage, four blocks, showed infiltrative basal cell\ncarcinoma reaching the peripheral margin of block 2. Its\n" +
				"second stage, two blocks, was positive at the deep margin of block 1. Its third stage, one block, was clear.\n",
			want: "1: 1/3- | 2: 1/4+ 2/2+ 3/1-"},
		{name: "a site paragraph's first sentence",
			file: "testdata/probe135/dict-l-nasal-ala-granulate-r-preauricular-rotation-commercial.txt", want: "1: 1/2- | 2: 1/4+ 2/1-"},
		{name: "a key after a stop in a line that goes on",
			file: "testdata/probe152/mix-postop-r-ala-bcc-to-basosquamous-l-cheek-sccis-aarp-ma.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if tc.file != "" {
				raw, err := os.ReadFile(tc.file)
				require.NoError(t, err)
				wrapped, changed := rewrap(string(raw), 72)
				require.True(t, changed)
				assert.Equal(t, logStages(mustLower(t, string(raw))), logStages(mustLower(t, wrapped)))
				src = wrapped
			}
			if tc.want != "" {
				assert.Equal(t, tc.want, logStages(mustLower(t, src)))
			}
		})
	}
}

// TestDittoInARecordTable: a ditto mark ("same", `"`) in a table of one row
// per lesion repeats the cell above it, so the second lesion's closure is
// intermediate too and both lengths sum (CODING-RULES §3: linear repairs
// of one class and anatomic group are summed: 4.5 + 3.5 = 8.0 cm, 12034);
// a ditto mark under an empty cell stays unread (repair-type-unknown).
func TestDittoInARecordTable(t *testing.T) {
	note := func(second string) string {
		return "Date of service: 11/23/2026\nInsurance: Aetna\nSlides read by: the Mohs surgeon\n\n" +
			"Lesion 1\nSite: mid upper back\nDx: BCC, nodular\nPrior biopsy: yes\nIndication: recurrent\nPre-op size: 1.6 x 1.4 cm\nMap: drawn\nStage 1: 2 blocks, clear\n\n" +
			"Lesion 2\nSite: right abdomen\nDx: SCC, well differentiated\nPrior biopsy: yes\nIndication: recurrent\nPre-op size: 1.0 x 0.8 cm\nMap: drawn\nStage 1: 2 blocks, clear\n\n" +
			"Closures, both after tumor clearance:\n| Lesion | Closure | Length |\n|---|---|---|\n| 1 | intermediate layered repair | 4.5 cm |\n" + second
	}
	cases := []struct{ name, second, want string }{
		{"'same' repeats the closure above", "| 2 | same | 3.5 cm |\n", "12034×1[]"},
		{"a ditto mark repeats the closure above", "| 2 | \" | 3.5 cm |\n", "12034×1[]"},
		{"a named closure is its own", "| 2 | intermediate layered repair | 3.5 cm |\n", "12034×1[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, note(c.second))
			assert.Contains(t, lines, c.want, "%v", rules)
			assert.NotContains(t, rules, "repair-type-unknown")
		})
	}
}

// TestLesionCellLeftToTheRowAbove: in a log of several lesions, a lesion
// cell left empty or holding only a dash ("| — | 2 | 2 | clear |") is the
// lesion of the row above, as a merged cell is (CODING-RULES §2: each
// further stage of a lesion is 17312/17314); a dash with no row above it
// names no lesion.
func TestLesionCellLeftToTheRowAbove(t *testing.T) {
	head := "LESION 1\nSite: vertex scalp\n\nLESION 2\nSite: left upper arm\n\n| Lesion | Stage | Blocks | Margins |\n|---|---|---|---|\n"
	for _, tc := range []struct {
		name, rows string
		want       []string // each lesion's stages
	}{
		{"an em dash", "| 1 | 1 | 6 | positive |\n| — | 2 | 2 | clear |\n| 2 | 1 | 3 | positive |\n| — | 2 | 1 | clear |\n", []string{"2", "2"}},
		{"a hyphen", "| 1 | 1 | 6 | positive |\n| - | 2 | 2 | clear |\n| 2 | 1 | 3 | clear |\n", []string{"2", "1"}},
		{"an empty cell", "| 1 | 1 | 6 | positive |\n|  | 2 | 2 | clear |\n| 2 | 1 | 3 | clear |\n", []string{"2", "1"}},
		{"a dash under no row", "| — | 1 | 6 | clear |\n| 2 | 1 | 3 | clear |\n", []string{"0", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, head+tc.rows)
			var got []string
			for _, les := range n.Lesions {
				got = append(got, fmt.Sprint(len(les.Stages)))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestStageFactByLesion: "Stage I histology by lesion:" over "A - <text>"
// lines gives each labelled lesion its first stage's histology
// (CODING-RULES §10: histology-missing is for a first stage with none); a
// label the note does not have gives nothing.
func TestStageFactByLesion(t *testing.T) {
	src := "LESION A\nSite: left temple\n\nLESION B\nSite: right cheek\n\n" +
		"| Lesion | Stage | Blocks | Margins |\n|---|---|---|---|\n| A | 1 | 2 | clear |\n| B | 1 | 3 | clear |\n\n" +
		"Stage I histology by lesion:\nA - morpheaform BCC cords in sclerotic stroma, deep reticular dermis, no PNI\nB - nodular BCC, mid dermis, no PNI\nC - WD SCC, superficial dermis\n"
	n := mustLower(t, src)
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "morpheaform BCC cords in sclerotic stroma, deep reticular dermis, no PNI", n.Lesions[0].Stages[0].Histology.Value)
	assert.Equal(t, "nodular BCC, mid dermis, no PNI", n.Lesions[1].Stages[0].Histology.Value)
}

// TestStageFactByHashedLesion: a stage's fact given lesion by lesion after
// hashes ("S1 histo: #1 nod BCC mid dermis, PNI-; #2 WD SCC deep dermis,
// PNI-") gives each lesion its part (CODING-RULES §1: histology-missing
// had fired on the first two).
func TestStageFactByHashedLesion(t *testing.T) {
	n := mustLower(t, "Lesion 1: Rt antihelix\nLesion 2: Lt lateral neck\n\n| Les | Stg | Blks | Margins |\n|---|---|---|---|\n| 1 | 1 | 3 | neg |\n| 2 | 1 | 2 | neg |\n\n"+
		"S1 histo: #1 nod BCC mid dermis, PNI-; #2 WD SCC deep dermis, PNI-\n")
	require.Len(t, n.Lesions, 2)
	var got []string
	for _, les := range n.Lesions {
		require.NotEmpty(t, les.Stages)
		got = append(got, les.Stages[0].Histology.Value)
	}
	assert.Equal(t, []string{"nod BCC mid dermis, PNI-", "WD SCC deep dermis, PNI-"}, got)
}

// TestParenthesisedNumbersInAField: a diagnosis field before a note's
// lesion list that enumerates them as "(1) …; (2) …" gives lesion n item
// n (it had been lesion-ambiguous: a lesion field before the first label,
// and no Mohs line).
func TestParenthesisedNumbersInAField(t *testing.T) {
	n := mustLower(t, "Pre-op diagnoses: (1) basal cell carcinoma, nodular, right nasal dorsum; (2) squamous cell carcinoma, left upper back.\n\n"+
		"(1) [nose] Right nasal dorsum.\n(2) [back] Left upper back, over the scapula.\n\n"+
		"| Les | Stg | Blks | Margins |\n|---|---|---|---|\n| 1 | 1 | 3 | neg |\n| 2 | 1 | 2 | neg |\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "basal cell carcinoma, nodular, right nasal dorsum", n.Lesions[0].Diagnosis.Value)
	assert.Equal(t, "squamous cell carcinoma, left upper back", n.Lesions[1].Diagnosis.Value)
	assert.NotContains(t, rules(n), "lesion-ambiguous")
}
