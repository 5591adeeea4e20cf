package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// docs/coding-rules.md section 5: stains.
func TestStains(t *testing.T) {
	tests := []struct {
		name   string
		stages []string
		want   []string // the lines after 17311
	}{
		{"H&E is never a line", []string{
			"Stage 1: 3 blocks; stain: H&E; margins: clear",
		}, []string{}},
		{"toluidine blue is never a line", []string{
			"Stage 1:",
			"  Blocks: 3",
			"  Stain: toluidine blue",
			"  Margins: clear",
		}, []string{}},
		{"histochemical: 88314 per stain per block", []string{
			"Stage 1: 3 blocks; stain: H&E, PAS for fungal organisms; margins: clear",
		}, []string{"88314x3 59"}},
		{"two histochemical stains on two blocks: 4 units", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Special stain: trichrome, Giemsa",
			"  Reason: desmoplastic stroma",
		}, []string{"88314x4 59"}},
		{"one antibody on three blocks: 88342 x3", []string{
			"Stage 1: 3 blocks; stain: MART-1 for melanocytic margins; margins: clear",
		}, []string{"88342x3 59"}},
		{"parentheses that name no blocks are a remark: every block", []string{
			"Stage 1: 4 blocks; margins: clear",
			"  Stain: H&E, pan-cytokeratin (AE1/AE3)",
			"  Reason: tumor in scar",
		}, []string{"88342x4 59"}},
		{"a word after the antibody's name says what it is", []string{
			"Stage 1: 3 blocks; margins: clear",
			"  Special stain: MART-1 immunostain",
			"  Reason: melanocytic margins",
		}, []string{"88342x3 59"}},
		{"one antibody named twice on a stage counts once", []string{
			"Stage 1: 3 blocks; margins: clear",
			"  Stain: H&E, MART-1",
			"  Special stain: MART-1",
			"  Reason: melanocytic margins",
		}, []string{"88342x3 59"}},
		{"pan-cytokeratin named again as AE1/AE3 or 'the cytokeratin stain' is one antibody", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: H&E, pan-cytokeratin, AE1/AE3, cytokeratin",
			"  Reason: single tumor cells along nerves",
		}, []string{"88342x2 59"}},
		{"blocks named beyond the stage's count are not billed", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: MART-1 (blocks 1-5)",
			"  Reason: melanocytic margins",
		}, []string{"88342x2 59"}},
		{"a further antibody on named blocks: 88341 per block", []string{
			"Stage 1: 3 blocks; margins: clear",
			"  Stain: H&E, MART-1, SOX10 (blocks 1-2)",
			"  Reason: melanocytic margin assessment",
		}, []string{"88342x3 59", "88341x2 59"}},
		{"two antibodies on every block", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Immunostain: MART-1 and SOX10",
			"  Reason: melanoma in situ",
		}, []string{"88342x2 59", "88341x2 59"}},
		{"an antibody only on named blocks", []string{
			"Stage 1: 4 blocks; margins: clear",
			"  Stain: pan-cytokeratin (blocks 2, 4) for perineural invasion",
		}, []string{"88342x2 59"}},
		{"known antibodies: PRAME, AE1/AE3, S-100, CK5/6, p40, EMA, CD10", []string{
			"Stage 1: 1 block; margins: clear",
			"  Special stain: PRAME, AE1/AE3, S-100, CK5/6, p40, EMA, CD10",
			"  Reason: atypical cells",
		}, []string{"88342x1 59", "88341x6 59"}},
		{"one line per code per lesion, summed over stages", []string{
			"Stage 1: 3 blocks; margins: positive",
			"  Stain: MART-1, PAS",
			"  Reason: melanoma in situ; fungal organisms",
			"Stage 2: 2 blocks; margins: clear",
			"  Stain: MART-1, SOX10, PAS",
			"  Reason: melanoma in situ; fungal organisms",
		}, []string{"88314x5 59", "88342x5 59", "88341x2 59"}},
		{"an antibody on every block of a stage with no block count has no line (how many is not known)", []string{
			"Stage 1:",
			"  Stain: CD34",
			"  Reason: DFSP spindle cells",
			"  Margins: clear",
		}, []string{}},
		{"an antibody on named blocks of a stage with no block count: the named blocks", []string{
			"Stage 1:",
			"  Stain: CD34 (blocks 1-2)",
			"  Reason: DFSP spindle cells",
			"  Margins: clear",
		}, []string{"88342x2 59"}},
		{"an unknown stain has no line", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Special stain: glitter stain",
			"  Reason: curiosity",
		}, []string{}},
		{"a routine stain listed as special has no line", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Special stain: H&E",
		}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(append([]string{"Site: nose"}, tc.stages...)...))
			got := lines(c)
			switch {
			case len(got) > 1 && got[1] == "17312x1":
				got = got[2:]
			case len(got) > 0:
				got = got[1:]
			}
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("each lesion has its own stain lines", func(t *testing.T) {
		c := code(t, withHeader(
			"Lesion 1: nose",
			"Stage 1: 2 blocks; stain: MART-1 for melanoma; margins: clear",
			"Lesion 2: left cheek",
			"Stage 1: 3 blocks; stain: MART-1 for melanoma; margins: clear",
		))
		assert.Equal(t, []string{"1: 17311x1", "2: 17311x1 59", "1: 88342x2 59", "2: 88342x3 59"}, lesionLines(c))
	})
	t.Run("stains follow the frozen sections", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Stage 1: 2 blocks; stain: MART-1 for melanoma; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
			"  Frozen section: yes",
		))
		assert.Equal(t, []string{"17311x1", "11104x1 59", "88331x1 59", "88342x2 59"}, lines(c))
	})
}

// docs/coding-rules.md section 5: the stain findings.
func TestStainFindings(t *testing.T) {
	tests := []struct {
		name   string
		stages []string
		rule   string
		want   []string
	}{
		{"routine-stain-not-billable", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Special stain: toluidine blue",
		}, "routine-stain-not-billable", []string{"6 routine-stain-not-billable warning 1"}},
		{"H&E under Stain is not a finding", []string{
			"Stage 1: 2 blocks; stain: H&E; margins: clear",
		}, "routine-stain-not-billable", []string{}},
		{"stain-unknown", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: H&E, glitter stain",
		}, "stain-unknown", []string{"6 stain-unknown warning 1"}},
		{"stain-indication-missing", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: MART-1",
		}, "stain-indication-missing", []string{"6 stain-indication-missing warning 1"}},
		{"a Reason field on the stage is an indication", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: MART-1",
			"  Reason: melanocytic margin assessment",
		}, "stain-indication-missing", []string{}},
		{"text after the stain is an indication", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Stain: MART-1 for melanocytic margin assessment",
		}, "stain-indication-missing", []string{}},
		{"routine stains need no indication", []string{
			"Stage 1: 2 blocks; stain: H&E; margins: clear",
		}, "stain-indication-missing", []string{}},
		{"a reason stated for the stain on another stage covers it", []string{
			"Stage 1: 2 blocks; margins: positive",
			"  Stain: MART-1",
			"  Reason: melanoma in situ",
			"Stage 2: 1 block; margins: clear",
			"  Stain: MART-1",
		}, "stain-indication-missing", []string{}},
		{"a stage's Reason naming another stage's stain covers it", []string{
			"Stage 1: 2 blocks; margins: positive",
			"  Stain: CK7, PAS (block 1)",
			"Stage 2: 1 block; margins: clear",
			"  Stain: CK7",
			"  Reason: CK7 to highlight Paget cells; PAS on stage 1 to show mucin",
		}, "stain-indication-missing", []string{}},
		{"a reason for another stain does not cover a new one", []string{
			"Stage 1: 2 blocks; margins: positive",
			"  Stain: MART-1 for melanocyte density",
			"Stage 2: 1 block; margins: clear",
			"  Stain: MART-1, SOX10",
		}, "stain-indication-missing", []string{"8 stain-indication-missing warning 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(append([]string{"Site: nose"}, tc.stages...)...))
			assert.Equal(t, tc.want, findingsOf(c, tc.rule))
		})
	}
}
