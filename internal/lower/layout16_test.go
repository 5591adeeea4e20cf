package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/stretchr/testify/assert"
)

// stagesOf lists each lesion's label and its stages' blocks.
func stagesOf(n *model.Note) string {
	out := ""
	for _, les := range n.Lesions {
		out += les.Label + ":"
		for _, st := range les.Stages {
			out += fmt.Sprintf(" %d/%d", st.Number, st.Blocks.N)
		}
		out += ";"
	}
	return out
}

// TestSmallPracticeLogs: logs and stage lines of hand-built templates —
// a "Les" column naming each row's lesion, "Stg 1: Blks 2; Mgns: blk 1 +
// (deep), blk 2 -", and a box table with the stages across under a
// grouped header (CODING-RULES §1–2: each lesion's stages and blocks are
// its own; a row read under the wrong lesion bills a wrong Mohs line).
func TestSmallPracticeLogs(t *testing.T) {
	const labels = "DOS: 10/29/2026\n\nLesion A: left malar cheek\n  Dx: melanoma in situ\n\nLesion B: right lateral neck\n  Dx: SCC\n\n"
	runProseCases(t, []proseCase{
		{"§2 lesions: a log whose 'Les' column names each row's lesion",
			labels + "Les | Stg | Blks | Mgns       | Remarks\n----+-----+------+------------+--------\nA   | 1   | 5    | blks 2, 4 +| atypical\nA   | 2   | 3    | clear      | clear\nB   | 1   | 2    | clear      | WD SCC\n",
			stagesOf, "A: 1/5 2/3;B: 1/2;"},
		{"§1 stages: 'Stg 1: Blks 2; Mgns: blk 1 + (deep), blk 2 -'",
			"Date: 09/30/2026\nSite: left cheek\nStg 1: Blks 2; Mgns: blk 1 + (deep), blk 2 -\nStg 2: Blks 1; Mgns: clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return stagesOf(n) + fmt.Sprint(len(st.Margins) > 0 && st.Margins[0].Positive)
			}, "1: 1/2 2/1;true"},
		{"§1 stages: a box table with the stages across under a grouped header",
			"DOS: 06/17/2026\n\nLesion 1: right helix\nLesion 2: left upper chest\n\n" +
				"+---------+--------------------------+--------------------------+\n" +
				"|         |         STAGE 1          |         STAGE 2          |\n" +
				"| Lesion  +--------+-----------------+--------+-----------------+\n" +
				"|         | Blocks | Margins         | Blocks | Margins         |\n" +
				"+---------+--------+-----------------+--------+-----------------+\n" +
				"| 1       | 3      | pos blk 2 (deep)| 1      | clear           |\n" +
				"|         |        | BCC mid dermis  |        |                 |\n" +
				"+---------+--------+-----------------+--------+-----------------+\n" +
				"| 2       | 2      | clear           | —      | —               |\n" +
				"+---------+--------+-----------------+--------+-----------------+\n",
			stagesOf, "1: 1/3 2/1;2: 1/2;"},
	})
}

// TestRepairsHeadingTimesItsList: "Repairs (both after tumor clearance):"
// over "Lesion 1 - Closure: …" lines times every repair it heads
// (CODING-RULES §3: repair-timing-undocumented otherwise).
func TestRepairsHeadingTimesItsList(t *testing.T) {
	const note = "DOS: 06/17/2026\n\nLesion 1: right helix\nStage 1: 2 blocks; clear\n\nLesion 2: left upper chest\nStage 1: 1 block; clear\n\n" +
		"Repairs (both after tumor clearance):\n  Lesion 1 - Closure: complex repair, 2.2 cm\n  Lesion 2 - Closure: intermediate layered repair, 4.5 cm\n"
	timed := eachLesion(func(les model.Lesion) bool { return len(les.Repairs) == 1 && les.Repairs[0].Timing.Present() })
	const head = "DOS: 06/17/2026\n\nLesion 1: right nasal ala\nStage 1: 2 blocks; clear\n\nLesion 2: left lateral neck\nStage 1: 1 block; clear\n\n"
	repairsOf := func(n *model.Note) string {
		out := ""
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out += fmt.Sprintf("%s:%t:%s;", les.Label, r.Timing.Present(), r.Value.Value)
			}
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§3 timing: 'Repairs (both after tumor clearance):' over labelled closures", note, timed, "yy"},
		{"§3 timing: 'Repairs, after tumor clearance at both sites:' over labelled closures",
			strings.Replace(note, "Repairs (both after tumor clearance):", "Repairs, after tumor clearance at both sites:", 1), timed, "yy"},
		{"§3 timing: 'After tumor clearance:' over one sentence a lesion, each given to the lesion it names",
			head + "After tumor clearance:\n  #1 nasal ala - final defect 1.2 x 1.0 cm; full-thickness skin graft 1.2 x 1.0 cm\n  #2 neck - final defect 1.6 x 1.4 cm; intermediate layered closure 2.8 cm\n",
			repairsOf, "1:true:full-thickness skin graft;2:true:intermediate layered closure;"},
		{"§3 timing: a heading without a colon over rows whose first cell is the lesion's label, each row its lesion's",
			head + "Repairs (after tumor clearance at each site)\n1\tcomplex repair 2.0 cm\tfinal defect 1.0 x 0.8 cm\n2\tintermediate layered closure 5.8 cm\tfinal defect 2.2 x 1.8 cm\n",
			repairsOf, "1:true:complex repair;2:true:intermediate layered closure;"},
		{"§3 'Repairs, all performed after tumor clearance: the ala defect … The neck defect …' as text after labelled lesions: each repair to its site's lesion (both had gone to the last lesion, the ala's complex repair coded in the neck's group)",
			head + "Repairs, all performed after tumor clearance: the ala defect (1.0 x 0.9 cm) was closed with a complex repair, 1.6 cm. The neck defect (2.0 x 1.7 cm) was closed with an intermediate layered repair, 3.0 cm.\n",
			repairsOf, "1:true:complex repair;2:true:intermediate layered repair;"},
		{"§3 'RECONSTRUCTION (all repairs performed after clear margins were confirmed at each site):' over 'Right nasal ala – intermediate (layered) closure, 12.5 mm' lines: each line its site's lesion, timed (all had gone to the last lesion: 12031 for 12032 and 12052)",
			head + "RECONSTRUCTION (all repairs performed after clear margins were confirmed at each site):\nRight nasal ala – intermediate (layered) closure, 12.5 mm\nLeft lateral neck – intermediate (layered) closure, 3.0 cm\n",
			repairsOf, "1:true:intermediate (layered) closure;2:true:intermediate (layered) closure;"},
		{"§3 'Reconstruction, performed after tumor clearance at each site:' over a sentence a lesion, then a blank line: each sentence its site's lesion (all had gone to the last lesion)",
			head + "Reconstruction, performed after tumor clearance at each site:\nThe right nasal ala defect (1.6 x 1.4 cm) was closed with a complex repair, 2.2 cm.\nThe left lateral neck defect (1.6 x 1.5 cm) was closed with an intermediate layered repair, 3.0 cm.\n\nC. Mbeki, MD\n",
			repairsOf, "1:true:complex repair;2:true:intermediate layered repair;"},
		{"§3 timing: 'Repairs after tumor clearance' without parentheses over label rows, each row its lesion's (both had gone to the last lesion: a complex neck repair coded 13121 in the leg's group)",
			head + "Repairs after tumor clearance\n1\tcomplex layered closure, 3.0 cm\n2\tintermediate layered closure, 4.0 cm\n",
			repairsOf, "1:true:complex layered closure;2:true:intermediate layered closure;"},
	})
}

// TestAbbreviatedKeys: a small practice's abbreviated keys name the facts
// they shorten — "Ind", "Def", "2°def", "Len", "Cl", "Rdr", "Tot stg"
// (CODING-RULES §1: indication, reader, stages; §3: the repair and its
// sizes). "2°def" keeps its "2°", which a comparison by letters alone
// would drop ("Def" is the final defect, not the secondary one).
func TestAbbreviatedKeys(t *testing.T) {
	const note = "DOS: 09/30/2026\nRdr: Mohs surgeon (Dr. Lindgren-Adeyemi)\nLoc: left medial cheek\nInd: central face, tissue conservation\n" +
		"Stage 1: 4 blocks; clear\nTot stg: 1\nDef: 2.2 x 1.8 cm\nRecon: rotation flap, after tumor clearance\n  2°def: 4.5 sq cm\n"
	facts := func(n *model.Note) string {
		les := n.Lesions[0]
		r := les.Repairs[0]
		return fmt.Sprintf("%s|%v|%v|%d|%v", n.Encounter.Pathology.Value, les.Indication.Present(), les.FinalDefect.Dims, les.TotalStages.N, r.SecondaryDefect.AreaSq)
	}
	runProseCases(t, []proseCase{
		{"§1/§3 keys: Ind, Def, 2°def, Rdr, Tot stg", note, facts, "Mohs surgeon (Dr. Lindgren-Adeyemi)|true|[2.2 1.8]|1|4.5"},
	})
	closure := func(n *model.Note) string {
		r := n.Lesions[0].Repairs[0]
		return fmt.Sprint(r.Value.Value, r.Length.Dims)
	}
	runProseCases(t, []proseCase{
		{"§3 keys: 'Cl:' and 'Len:'", "DOS: 09/30/2026\nLoc: left forearm\nStage 1: 2 blocks; clear\nCl: intermediate layered repair\nLen: 3.0 cm\n",
			closure, "intermediate layered repair[3]"},
	})
}

// TestLogSignsAndRemarks: a log's minus sign is a clear margin ("all -",
// "- / -", "blk 2 -") and its "Remarks" column is the stage's histology
// (CODING-RULES §1: margins-missing and histology-missing otherwise).
func TestLogSignsAndRemarks(t *testing.T) {
	facts := func(n *model.Note) string {
		out := ""
		for _, st := range n.Lesions[0].Stages {
			positive := false
			for _, m := range st.Margins {
				positive = positive || m.Positive
			}
			out += fmt.Sprintf("%d:%d margins:%v:%q;", st.Number, len(st.Margins), positive, st.Histology.Value)
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 margins: 'Stg 2: Blks 3; Mgns: all -'",
			"DOS: 09/30/2026\nLoc: left forearm\nStg 1: Blks 2; Mgns: blk 1 + (deep), blk 2 -\nStg 2: Blks 3; Mgns: all -\n",
			facts, `1:2 margins:true:"";2:1 margins:false:"";`},
		{"§1 margins and histology: a log's 'Remarks' column and '- / -'",
			"DOS: 09/30/2026\nLoc: left forearm\n\nStg | Blks | Mgns    | Remarks\n----+------+---------+-----------------------------\n1   | 2    | blk 1 + | nodular BCC, mid dermis, no PNI\n2   | 1    | - / -   | cleared\n",
			facts, `1:1 margins:true:"nodular BCC, mid dermis, no PNI";2:1 margins:false:"cleared";`},
	})
}

// TestBritishStainNames: "haematoxylin and eosin" is one routine stain, as
// "hematoxylin and eosin" is (CODING-RULES §5: routine stains are not
// billed, and no stain-unknown for either word).
func TestBritishStainNames(t *testing.T) {
	names := func(n *model.Note) string {
		out := ""
		for _, s := range n.Lesions[0].Stages[0].Stains {
			out += s.Name + ";"
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§5 stains: 'Stains: haematoxylin and eosin'",
			"Date of surgery: 05/02/2026\nSite: left nasolabial fold\nStage 1: 2 blocks; clear; stains: haematoxylin and eosin\n",
			names, "haematoxylin and eosin;"},
	})
}

// TestBlockNumberColumns: a log of one row a block whose block column is
// headed "Blk#" numbers the blocks (a "# blocks" column counts them), and
// its stage column "Lyr" may be left empty under a stage's first row or
// repeated on every row (CODING-RULES §1–2: a stage's blocks; each row a
// stage of its own would bill stages that were not taken).
func TestBlockNumberColumns(t *testing.T) {
	runProseCases(t, []proseCase{
		{"§2 blocks: 'Lyr  Blk#  Mgn', the stage left empty under its first row",
			"Date: 2026-10-14\nLoc: vertex scalp\n\nLyr  Blk#  Mgn  Remark\n1    1     -    \n     2     +    SCC at deep margin\n     3     -\n2    1     -\n",
			stagesOf, "1: 1/3 2/1;"},
		{"§2 blocks: 'Lyr  Blk#  Mgn', the stage repeated on every row",
			"Date: 2026-10-14\nLoc: vertex scalp\n\nLyr  Blk#  Mgn  Remark\n1    1     -    x\n1    2     +    SCC at deep margin\n1    3     -    x\n2    1     -    x\n",
			stagesOf, "1: 1/3 2/1;"},
		{"§2 blocks: 'Stg  # blocks  Mgn' counts",
			"Date: 2026-10-14\nLoc: vertex scalp\n\nStg  # blocks  Mgn\n1    3         +\n2    1         -\n",
			stagesOf, "1: 1/3 2/1;"},
	})
}

// TestBoxedFormStageRows: a boxed form's rows "| Stage 1: | 4 blocks; H&E;
// all blocks clear |" are the stage field their key cell names, colon and
// all (CODING-RULES §1: stages-missing otherwise).
func TestBoxedFormStageRows(t *testing.T) {
	const note = "+----------------------------+-------------------------------------------+\n" +
		"| Date of service:           | 05/05/2026                                |\n" +
		"| Site:                      | right cheek                               |\n" +
		"+----------------------------+-------------------------------------------+\n" +
		"| Stage 1:                   | 4 blocks; H&E; all blocks clear           |\n" +
		"| Histology:                 | WD SCC, superficial dermis, no PNI        |\n" +
		"+----------------------------+-------------------------------------------+\n"
	runProseCases(t, []proseCase{
		{"§1 stages: '| Stage 1: | 4 blocks; H&E; all blocks clear |'", note,
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(stagesOf(n), len(st) == 1 && st[0].Histology.Present())
			}, "1: 1/4;true"},
	})
}

// TestGappedStageLines: a stage summary of one line a stage whose parts
// runs of blanks set apart ("Stage 1    8 blocks    positive: blocks 2, 7
// (peripheral)    H&E") is read as the stage's field; "positive:" opens
// its margins, and the block it names (7) is no second count of the stage
// (CODING-RULES §2: 17315 per block beyond the fifth — a 7 read as the
// count would bill one unit too few).
func TestGappedStageLines(t *testing.T) {
	const note = "Case date: 06/09/2026\nLocation: mid parietal scalp\n\nStage summary (one line per stage):\n" +
		"Stage 1    8 blocks    positive: blocks 2, 7 (peripheral)    H&E\n" +
		"Stage 2    6 blocks    positive: block 4 (deep)              H&E\n" +
		"Stage 3    2 blocks    clear                                 H&E\n"
	margins := func(n *model.Note) string {
		out := stagesOf(n)
		for _, st := range n.Lesions[0].Stages {
			positive := false
			for _, m := range st.Margins {
				positive = positive || m.Positive
			}
			out += fmt.Sprintf(" %v", positive)
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§2 blocks: 'Stage 1    8 blocks    positive: blocks 2, 7 (peripheral)    H&E'", note, margins, "1: 1/8 2/6 3/2; true true false"},
	})
}

// TestBlockMarkColumnsBesideCount: block columns headed "Block A", "Block
// B", … with "+ deep" or "-" marks give the stage's margins even when a
// "Blocks" column gives its count (CODING-RULES §1: margins-missing
// otherwise; the count column's count stands).
func TestBlockMarkColumnsBesideCount(t *testing.T) {
	const note = "Date: 05/04/2026\nSite: left conchal bowl\n\nStage  Blocks  Block A  Block B  Block C  Stain\n" +
		"1      3       + deep   -        -        H\n2      1       -                          H\n"
	margins := func(n *model.Note) string {
		out := stagesOf(n)
		for _, st := range n.Lesions[0].Stages {
			out += fmt.Sprintf(" %d:%v", len(st.Margins), len(st.Margins) > 0 && st.Margins[0].Positive)
		}
		return out
	}
	runProseCases(t, []proseCase{
		{"§1 margins: 'Block A  Block B  Block C' marks beside 'Blocks'", note, margins, "1: 1/3 2/1; 1:true 1:false"},
	})
}

// TestStageLinesInLogsAndArrows reads each stage of a log or arrow line
// once (CODING-RULES §1–§2: a stage lost or invented makes the next
// stages' lines wrong):
//   - a block row whose stage cell is empty and with a remark past the last
//     column ("        3   pos   H&E   (deep)") still places its cells by
//     column — its "3" is a block, not stage 3 (read as a stage, the log
//     billed 17312×3 for a lesion of two stages);
//   - "Stg 1 --> 2 blocks | block 1 positive (deep), … | histology: …" is
//     stage 1's line;
//   - a stage line a hard wrap broke after a key ("| histology:", the value
//     on the next line) is read, never a panic (a real note is never
//     rejected).
func TestStageLinesInLogsAndArrows(t *testing.T) {
	const arrowHead = "DOS: 06/11/2026\nLoc: nasal tip, midline\n\n"
	runProseCases(t, []proseCase{
		{"§2 blocks: block rows with a remark past the last column",
			"Date: 05/20/2026\nSite: right upper cutaneous lip\n\nStage   Block   Margin   Stain\n" +
				"1       1       neg      H&E\n        2       neg      H&E\n        3       pos      H&E    (deep)\n" +
				"        4       neg      H&E\n        5       neg      H&E\n        6       neg      H&E\n" +
				"        7       pos      H&E    (peripheral, 10 o'clock)\n2       1       neg      H&E\n        2       neg      H&E\n",
			stagesOf, "1: 1/7 2/2;"},
		{"§1 stages: 'Stg 1 --> 2 blocks | … | histology: …'",
			arrowHead + "Stg 1 --> 2 blocks | block 1 positive (deep), block 2 clear | histology: nodular BCC, reticular dermis, no PNI\n" +
				"Stg 2 --> 2 blocks | block 2 positive (deep), block 1 clear\nStg 3 --> 2 blocks | clear\n",
			stagesOf, "1: 1/2 2/2 3/2;"},
		{"§1 stages: a gapped stage line ending with a key and no value",
			arrowHead + "Stg 1 --> 2 blocks | block 1 positive (deep), block 2 clear | histology:\nnodular BCC, reticular dermis, no PNI\n" +
				"Stg 2 --> 2 blocks | clear\n",
			stagesOf, "1: 1/2 2/2;"},
	})
}

// TestWhereAStageWasTaken: a stage line that says where its tissue came
// from without a verb ("Stage 2 (1 block): perichondrium beneath block 2.
// Clear.", "from 12 to 2 o'clock") names no stain (CODING-RULES §5: a stain
// line is billed or unknown only when a stain is named; these had given
// stain-unknown "perichondrium beneath" and "from 12"); a stain named the
// same way is still read.
func TestWhereAStageWasTaken(t *testing.T) {
	stains := func(n *model.Note) string {
		out := ""
		for _, st := range n.Lesions[0].Stages {
			for _, s := range st.Stains {
				out += fmt.Sprintf("%d:%s;", st.Number, s.Name)
			}
		}
		return out
	}
	head := "Date of service: 11/20/2026\nSite: Left antihelix\nStage 1 (2 blocks): block 2 positive at the deep margin, block 1 clear.\n"
	runProseCases(t, []proseCase{
		{"§5 stains: 'perichondrium beneath block 2' is where stage 2 was taken",
			head + "Stage 2 (1 block): perichondrium beneath block 2. Clear.\n", stains, ""},
		{"§5 stains: 'from 12 to 2 o'clock' is where stage 2 was taken",
			head + "Stage 2 (1 block): from 12 to 2 o'clock. Clear.\n", stains, ""},
		{"§5 stains: 'Toluidine blue. Clear.' is stage 2's stain",
			head + "Stage 2 (1 block): toluidine blue. Clear.\n", stains, "2:toluidine blue;"},
	})
}

// TestPlusSigns: a "+" standing for a positive margin is positive ("blk 2
// + (deep)", "+ blk 3"); a "+" joining two words of a tumor's subtypes or
// depths is not ("sup + nod bcc", "superficial + mid dermis") (CODING-RULES
// §1: a stage's margins).
func TestPlusSigns(t *testing.T) {
	tests := []struct {
		text      string
		positive  bool
		statusSet bool
	}{
		{"blk 2 + (deep)", true, true},
		{"+ blk 3 (periph), 1-2 neg", true, true},
		{"deep margin +", true, true},
		{"3 blks neg; sup + nod bcc in papillary dermis", false, true},
		{"superficial + mid dermis, no pni", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			positive, known := lower.MarginStatus(tc.text)
			assert.Equal(t, tc.positive, positive)
			assert.Equal(t, tc.statusSet, known)
		})
	}
}
