package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		{"a Tumor column that says whether tumor remains", "Site: canthus\nLayer   Sections   Tumor          Comments\n1       3          Present (2)    BCC\n2       1          Absent         clear\n",
			"1: 1/3+ 2/1-"},
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
	n := mustLower(t, "Site: canthus\nLayer   Sections   Tumor     Special stains    Comments\n1       3          Present   toluidine blue    BCC\n")
	require.Len(t, n.Lesions[0].Stages, 1)
	require.Len(t, n.Lesions[0].Stages[0].Stains, 1)
	assert.True(t, n.Lesions[0].Stages[0].Stains[0].Special)
}
