package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// pathologistReads is the encounter header of a note whose slides a
// separate pathologist read (2 lines): Mohs cannot be billed.
var pathologistReads = []string{
	"Surgeon: Dana Whitfield, MD",
	"Pathology: Dr. Lee, dermatopathologist",
}

// docs/coding-rules.md section 6: the excision table by the excised diameter,
// rounded half-up to one decimal; these notes document no margin, so it is
// the final defect's greatest dimension (with excision-size-from-defect).
func TestExcisionFallback(t *testing.T) {
	tests := []struct {
		site   string
		defect string
		want   string
	}{
		// trunk, arms, legs
		{"upper back", "0.5 cm", "11600"},
		{"upper back", "0.55 x 0.4 cm", "11601"},
		{"left forearm", "1.0 x 0.8 cm", "11601"},
		{"right wrist", "1.1 x 1.0 cm", "11602"},
		{"left thigh", "2.0 x 1.5 cm", "11602"},
		{"right ankle", "2.1 x 1.0 cm", "11603"},
		{"chest", "3.0 x 2.0 cm", "11603"},
		{"abdomen", "3.1 x 2.0 cm", "11604"},
		{"left shoulder", "4.0 x 3.0 cm", "11604"},
		{"left shin", "4.1 x 3.0 cm", "11606"},
		// scalp, neck, hands, feet, genitalia
		{"scalp", "0.4 x 0.4 cm", "11620"},
		{"neck", "1.0 x 0.6 cm", "11621"},
		{"right dorsal hand", "1.2 x 1.0 cm", "11622"},
		{"left foot", "2.5 x 2.0 cm", "11623"},
		{"scrotum", "3.5 x 2.0 cm", "11624"},
		{"vertex scalp", "4.1 x 4.0 cm", "11626"},
		// face, ears, eyelids, nose, lips
		{"nose", "5 mm", "11640"},
		{"left cheek", "0.6 x 0.5 cm", "11641"},
		{"left nasal ala", "1.4 x 1.1 cm", "11642"},
		{"left cheek", "2.05 x 1.0 cm", "11643"},
		{"right ear", "0.8 x 3.2 cm", "11644"},
		{"upper lip", "4.5 x 2.0 cm", "11646"},
		// a boundary site takes the excision group of its first term
		{"neck/upper chest", "1.5 x 1.0 cm", "11622"},
		{"upper chest/neck", "1.5 x 1.0 cm", "11602"},
	}
	for _, tc := range tests {
		t.Run(tc.site+" "+tc.defect, func(t *testing.T) {
			c := code(t, note(append(append([]string{}, pathologistReads...),
				"Site: "+tc.site,
				"Stage 1: 2 blocks; margins: clear",
				"Final defect: "+tc.defect,
			)...))
			assert.Equal(t, []string{tc.want + "x1"}, lines(c))
		})
	}
}

// docs/coding-rules.md section 6: repairs after an excision.
func TestExcisionRepairs(t *testing.T) {
	tests := []struct {
		name   string
		repair string
		want   []string
	}{
		{"a simple repair is included in the excision", "Repair: simple repair, 2.0 cm, after clearance",
			[]string{"11642x1"}},
		{"an intermediate repair is coded", "Repair: intermediate repair, 2.0 cm, after clearance",
			[]string{"11642x1", "12051x1"}},
		{"a complex repair is coded", "Repair: complex repair, 3.0 cm, after clearance",
			[]string{"11642x1", "13152x1"}},
		{"a flap includes the excision", "Repair: bilobed flap; defect 1.4 x 1.1 cm; secondary defect 1.5 sq cm; after clearance",
			[]string{"14060x1"}},
		{"a graft is coded with the excision", "Repair: full-thickness skin graft, after clearance",
			[]string{"11642x1", "15260x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, note(append(append([]string{}, pathologistReads...),
				"Site: left nasal ala",
				"Stage 1: 2 blocks; margins: clear",
				"Final defect: 1.4 x 1.1 cm",
				tc.repair,
			)...))
			assert.Equal(t, tc.want, lines(c))
		})
	}
	t.Run("the included simple repair is explained", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: left nasal ala",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.4 x 1.1 cm",
			"Repair: simple repair, 2.0 cm, after clearance",
		)...))
		assert.Equal(t, []string{"6 no-repair-code info 1"}, findingsOf(c, "no-repair-code"))
	})
	t.Run("a final defect of an area alone has no greatest dimension", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.5 sq cm",
		)...))
		assert.Empty(t, lines(c))
		assert.Equal(t, []string{"3 defect-size-missing error 1"}, findingsOf(c, "defect-size-missing"))
	})
	t.Run("a flap needs no final defect: no defect-size-missing", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: left nasal ala",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: bilobed flap; defect 1.4 x 1.1 cm; secondary defect 1.5 sq cm; after clearance",
		)...))
		assert.Equal(t, []string{"14060x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "defect-size-missing"))
	})
	t.Run("a flap by another provider does not include the excision", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: left nasal ala",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.4 x 1.1 cm",
			"Repair: bilobed flap; defect 1.4 x 1.1 cm; secondary defect 1.5 sq cm",
			"  Repaired by: Dr. Patel, facial plastics",
		)...))
		assert.Equal(t, []string{"11642x1"}, lines(c))
	})
}

// A flap that cannot be coded (no area) does not take the excision's place.
func TestExcisionWithUncodableFlap(t *testing.T) {
	c := code(t, note(
		"Date of service: 2026-03-14",
		"Surgeon: Dana Whitfield, MD",
		"Pathology: read by Dr. Lee, dermatopathologist",
		"Lesion 1",
		"Site: left cheek",
		"Diagnosis: BCC",
		"Stage 1: 1 block; margins: clear",
		"Final defect: 1.5 cm",
		"Repair: rotation flap; secondary defect 2 sq cm",
	))
	assert.Equal(t, []string{"11642x1"}, lines(c))
	assert.Contains(t, findings(c), "9 repair-size-missing error 1")
}
