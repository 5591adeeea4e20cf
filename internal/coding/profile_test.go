package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
)

// twoLesionsPayer is a note with the given Payer line and two lesions:
// lesion 2 has a repair, a special stain and a same-day biopsy, and a
// biopsy section follows, so that every modifier of the profile shows.
func twoLesionsPayer(payer string) string {
	return withHeader(
		payer,
		"Lesion 1: nose",
		"Stage 1: 2 blocks; margins: clear",
		"Lesion 2: left cheek",
		"Same-day biopsy: punch",
		"Prior biopsy: no",
		"Stage 1: 2 blocks; stain: MART-1 for melanoma; margins: clear",
		"Repair: intermediate repair, 2.0 cm, after clearance",
		"Biopsy 1: tangential biopsy, left shin",
	)
}

// docs/coding-rules.md section 8: the payer text picks the profile.
func TestPayerProfiles(t *testing.T) {
	commercial := []string{"1: 17311x1", "2: 17311x1 59", "2: 12051x1", "2: 11104x1 59", "biopsy 1: 11103x1 59", "2: 88342x2 59"}
	medicare := []string{"1: 17311x1", "2: 17311x1 XS", "2: 12051x1", "2: 11104x1 59", "biopsy 1: 11103x1 XS", "2: 88342x2 59"}
	tests := []struct {
		payer   string
		profile string
		want    []string
	}{
		{"Payer: Medicare Part B", "medicare", medicare},
		{"Payer: UHC Medicare Advantage", "medicare", medicare},
		{"Insurance: medicare", "medicare", medicare},
		{"Payer: UnitedHealthcare", "uhc", commercial},
		{"Payer: United Healthcare Choice Plus", "uhc", commercial},
		{"Payer: UHC", "uhc", commercial},
		{"Payer: Medicaid", "commercial", commercial},
		{"Payer: Aetna", "commercial", commercial},
		{"Payer: commercial", "commercial", commercial},
		{"Place of service: 11", "commercial", commercial}, // no payer
	}
	for _, tc := range tests {
		t.Run(tc.payer, func(t *testing.T) {
			c := code(t, twoLesionsPayer(tc.payer))
			assert.Equal(t, tc.profile, c.Encounter.PayerProfile)
			assert.Equal(t, tc.want, lesionLines(c))
		})
	}
}

// docs/coding-rules.md section 8: uhc notes its pathology policy on
// pathology-not-surgeon; other profiles add nothing.
func TestProfileNotes(t *testing.T) {
	src := func(payer string) string {
		return note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: Dr. Lee, dermatopathologist",
			payer,
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.0 x 1.0 cm",
		)
	}
	uhc := code(t, src("Payer: UnitedHealthcare"))
	require.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(uhc, "pathology-not-surgeon"))
	assert.Contains(t, messageOf(uhc, "pathology-not-surgeon"), "uhc:")
	assert.Contains(t, messageOf(uhc, "pathology-not-surgeon"), "UnitedHealthcare")

	commercial := code(t, src("Payer: Aetna"))
	require.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(commercial, "pathology-not-surgeon"))
	assert.NotContains(t, messageOf(commercial, "pathology-not-surgeon"), "UnitedHealthcare")
}

// Options.Profile overrides the profile the note's Payer picks.
func TestProfileOption(t *testing.T) {
	t.Run("a built-in profile", func(t *testing.T) {
		p, ok := codetable.BuiltinProfile("commercial")
		require.True(t, ok)
		c := codeWith(t, twoLesionsPayer("Payer: Medicare"), coding.Options{Profile: &p})
		assert.Equal(t, "commercial", c.Encounter.PayerProfile)
		assert.Equal(t, []string{"1: 17311x1", "2: 17311x1 59", "2: 12051x1", "2: 11104x1 59", "biopsy 1: 11103x1 59", "2: 88342x2 59"}, lesionLines(c))
	})
	t.Run("a user's profile", func(t *testing.T) {
		p := codetable.Profile{Name: "acme", DistinctLesionModifier: "XU", RepairModifier: "XE",
			BiopsyOtherLesionModifier: "XS", BiopsyMohsLesionModifier: "XP", StainModifier: "59"}
		c := codeWith(t, twoLesionsPayer("Payer: Aetna"), coding.Options{Profile: &p})
		assert.Equal(t, "acme", c.Encounter.PayerProfile)
		assert.Equal(t, []string{"1: 17311x1", "2: 17311x1 XU", "2: 12051x1 XE", "2: 11104x1 XP", "biopsy 1: 11103x1 XS", "2: 88342x2 59"}, lesionLines(c))
	})
	t.Run("FindingsOnly leaves the lines out", func(t *testing.T) {
		c := codeWith(t, twoLesionsPayer("Payer: Aetna"), coding.Options{FindingsOnly: true})
		assert.NotNil(t, c.Lines)
		assert.Empty(t, c.Lines)
	})
}
