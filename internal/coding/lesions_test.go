package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// docs/coding-rules.md section 2: each lesion is coded on its own; the Mohs lines
// of the second and later lesions carry the distinct-lesion modifier, add-ons
// included; repair, biopsy, frozen-section and stain lines carry only their
// own role's modifier.
func TestMultipleLesions(t *testing.T) {
	twoLesions := []string{
		"Lesion 1",
		"Site: nose",
		"Stage 1: 3 blocks; margins: positive",
		"Stage 2: 2 blocks; margins: clear",
		"Lesion 2",
		"Site: upper back",
		"Stage 1: 7 blocks; margins: positive",
		"Stage 2: 6 blocks; margins: clear",
	}
	tests := []struct {
		name  string
		payer string
		body  []string
		want  []string
	}{
		{"commercial: 59 on every Mohs line of lesion 2", "Payer: Aetna", twoLesions, []string{
			"1: 17311x1", "1: 17312x1",
			"2: 17313x1 59", "2: 17314x1 59", "2: 17315x3 59",
		}},
		{"medicare: XS on every Mohs line of lesion 2", "Payer: Medicare Part B", twoLesions, []string{
			"1: 17311x1", "1: 17312x1",
			"2: 17313x1 XS", "2: 17314x1 XS", "2: 17315x3 XS",
		}},
		{"three lesions: the second and third carry the modifier", "Payer: Aetna", []string{
			"Lesion A: left temple",
			"Stage 1: 2 blocks; margins: clear",
			"Lesion B: right forearm",
			"Stage 1: 2 blocks; margins: clear",
			"Lesion C: scalp",
			"Stage 1: 2 blocks; margins: positive",
			"Stage 2: 1 block; margins: clear",
		}, []string{
			"A: 17311x1",
			"B: 17313x1 59",
			"C: 17311x1 59", "C: 17312x1 59",
		}},
		{"lesion 1 not coded (site-unknown): lesion 2 is the first and carries none", "Payer: Medicare", []string{
			"Lesion 1",
			"Site: see photo",
			"Stage 1: 2 blocks; margins: clear",
			"Lesion 2",
			"Site: chin",
			"Stage 1: 2 blocks; margins: positive",
			"Stage 2: 2 blocks; margins: clear",
			"Lesion 3",
			"Site: left shin",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{
			"2: 17311x1", "2: 17312x1",
			"3: 17313x1 XS",
		}},
		{"lesion 1 without a stage yields no Mohs line: lesion 2 carries none", "Payer: Medicare", []string{
			"Lesion 1",
			"Site: nose",
			"Lesion 2",
			"Site: chin",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{"2: 17311x1"}},
		{"repair lines carry no distinct-lesion modifier: complex none, intermediate 59 (two classes, also under Medicare)", "Payer: Medicare", []string{
			"Lesion 1",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 2.0 cm, after clearance",
			"Lesion 2",
			"Site: upper back",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 3.0 cm, after clearance",
		}, []string{
			"1: 17311x1",
			"2: 17313x1 XS",
			"2: 13101x1",
			"1: 12051x1 59",
		}},
		{"stain lines carry only the stain modifier, whichever lesion", "Payer: Medicare", []string{
			"Lesion 1",
			"Site: nose",
			"Stage 1: 2 blocks; stain: H&E, PAS for fungal organisms; margins: clear",
			"Lesion 2",
			"Site: left cheek",
			"Stage 1: 3 blocks; stain: MART-1 for melanocytic margins; margins: clear",
		}, []string{
			"1: 17311x1",
			"2: 17311x1 XS",
			"1: 88314x2 59",
			"2: 88342x3 59",
		}},
		{"biopsy lines carry only the biopsy modifier", "Payer: Medicare", []string{
			"Lesion 1",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Lesion 2",
			"Site: left cheek",
			"Same-day biopsy: tangential",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{
			"1: 17311x1",
			"2: 17311x1 XS",
			"2: 11102x1 59",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := note(append(append(append([]string{}, surgeonReads...), tc.payer), tc.body...)...)
			assert.Equal(t, tc.want, lesionLines(code(t, src)))
		})
	}
}

// docs/coding-rules.md section 2: the excision fallback lines of later lesions
// carry the distinct-lesion modifier too.
func TestMultipleLesionsExcisionFallback(t *testing.T) {
	c := code(t, note(
		"Surgeon: Dana Whitfield, MD",
		"Pathology: Dr. Lee, dermatopathologist",
		"Payer: Medicare",
		"Lesion 1",
		"Site: nose",
		"Stage 1: 2 blocks; margins: clear",
		"Final defect: 0.9 x 0.7 cm",
		"Lesion 2",
		"Site: upper back",
		"Stage 1: 2 blocks; margins: clear",
		"Final defect: 2.2 x 1.8 cm",
	))
	// Nose 0.9 cm → 11641; back 2.2 cm → 11603.
	assert.Equal(t, []string{"1: 11641x1", "2: 11603x1 XS"}, lesionLines(c))
}
