package claimfmt_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
)

func ptr(s string) *string { return &s }

// twoLineClaim is a hand-made claim of two lesions: a Mohs first stage on
// the nose and an add-on line with two modifiers pointing at both
// diagnoses.
func twoLineClaim() coding.Claim {
	return coding.Claim{
		Source:    "notes/nose.txt",
		Encounter: coding.Encounter{DateOfService: ptr("2026-03-14"), PlaceOfService: ptr("11"), PayerProfile: "commercial"},
		Edits:     coding.Edits{MUE: coding.NotChecked, PTP: coding.NotChecked},
		Rules:     codetable.Edition{Version: "2026.12.1", CPT: "CPT 2026", ICD10CM: "ICD-10-CM FY2026"},
		Lines: []coding.Line{
			{Seq: 1, Code: "17311", Units: 1, Modifiers: []string{}, Lesion: "1",
				Description:       "Mohs, head/neck/hands/feet/genitalia, first stage",
				DiagnosisPointers: []int{1}, Evidence: []coding.Evidence{{Line: 7}, {Line: 12}}},
			{Seq: 2, Code: "17312", Units: 2, Modifiers: []string{"59", "XS"}, Lesion: "2",
				Description:       "Mohs, head/neck/hands/feet/genitalia, each additional stage",
				DiagnosisPointers: []int{2, 1}, Evidence: []coding.Evidence{{Line: 30}}},
		},
		Diagnoses: []coding.Diagnosis{
			{Code: "C44.311", Description: "Basal cell carcinoma of skin of nose"},
			{Code: "C44.42", Description: "Squamous cell carcinoma of skin of scalp and neck"},
		},
	}
}

// with returns twoLineClaim changed by f.
func with(f func(*coding.Claim)) coding.Claim {
	c := twoLineClaim()
	f(&c)
	return c
}

// sampleClaims codes every note of samples/ that parses, by file name.
func sampleClaims(t *testing.T) map[string]coding.Claim {
	t.Helper()
	files, err := filepath.Glob("../../samples/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	claims := map[string]coding.Claim{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		name := "samples/" + filepath.Base(f)
		c, err := engine.Code(name, string(src), coding.Options{})
		if err == nil {
			claims[name] = c
		}
	}
	require.NotEmpty(t, claims)
	return claims
}
