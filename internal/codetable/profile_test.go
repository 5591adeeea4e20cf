package codetable

import (
	"bytes"
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinProfile(t *testing.T) {
	tests := []struct {
		name string
		want Profile // notes checked separately
	}{
		// docs/coding-rules.md sections 3 and 8: no built-in profile has a repair modifier.
		{"commercial", Profile{Name: "commercial", DistinctLesionModifier: "59",
			BiopsyOtherLesionModifier: "59", BiopsyMohsLesionModifier: "59", StainModifier: "59"}},
		{"medicare", Profile{Name: "medicare", DistinctLesionModifier: "XS",
			BiopsyOtherLesionModifier: "XS", BiopsyMohsLesionModifier: "59", StainModifier: "59"}},
		{"uhc", Profile{Name: "uhc", DistinctLesionModifier: "59",
			BiopsyOtherLesionModifier: "59", BiopsyMohsLesionModifier: "59", StainModifier: "59"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := BuiltinProfile(tt.name)
			require.True(t, ok)
			got.Notes = nil
			assert.Equal(t, tt.want, got)
		})
	}
	t.Run("uhc notes its pathology policy on pathology-not-surgeon", func(t *testing.T) {
		got, _ := BuiltinProfile("uhc")
		assert.Len(t, got.Notes, 1)
		assert.Contains(t, got.Notes["pathology-not-surgeon"], "UnitedHealthcare")
	})
	t.Run("commercial and medicare have no notes", func(t *testing.T) {
		for _, n := range []string{"commercial", "medicare"} {
			got, _ := BuiltinProfile(n)
			assert.Empty(t, got.Notes, n)
		}
	})
	t.Run("unknown profile", func(t *testing.T) {
		_, ok := BuiltinProfile("Medicare")
		assert.False(t, ok)
	})
	t.Run("callers cannot change the tables", func(t *testing.T) {
		p, _ := BuiltinProfile("uhc")
		p.Notes["pathology-not-surgeon"] = "changed"
		again, _ := BuiltinProfile("uhc")
		assert.NotEqual(t, "changed", again.Notes["pathology-not-surgeon"])
	})
	t.Run("names", func(t *testing.T) {
		assert.Equal(t, []string{"commercial", "medicare", "uhc"}, ProfileNames())
	})
}

// docs/coding-rules.md section 8: the Payer text picks the profile; a payer naming none
// of them (nor the word commercial) is coded under commercial and named=false, so
// that the caller reports payer-profile-default.
func TestMatchPayer(t *testing.T) {
	tests := []struct {
		text, want string
		named      bool
	}{
		{"Medicare Part B", "medicare", true},
		{"Humana Medicare Advantage", "medicare", true},
		{"Humana Gold Plus (Medicare Advantage)", "medicare", true},
		{"AARP Medicare Advantage from UnitedHealthcare", "medicare", true},
		{"Aetna Medicare Advantage", "medicare", true},
		{"UnitedHealthcare Options PPO", "uhc", true},
		{"UHC", "uhc", true},
		{"commercial", "commercial", true},
		{"Aetna commercial PPO", "commercial", true},
		{"Medicaid", "commercial", false},
		{"BlueCross BlueShield of Texas", "commercial", false},
		{"Anthem", "commercial", false},
		{"Cigna", "commercial", false},
		{"Tricare", "commercial", false},
		{"Aetna", "commercial", false},
		{"", "commercial", false},
	}
	for _, tt := range tests {
		t.Run("text "+tt.text, func(t *testing.T) {
			got, named := MatchPayer(tt.text)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.named, named)
		})
	}
}

func TestProfileForPayerText(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Medicare", "medicare"},
		{"Medicare Part B", "medicare"},
		{"UHC Medicare Advantage", "medicare"},
		{"UnitedHealthcare Medicare Advantage", "medicare"},
		{"Humana Medicare Advantage", "medicare"},
		{"MEDICARE", "medicare"},
		{"medicare", "medicare"},
		{"UnitedHealthcare", "uhc"},
		{"United Healthcare", "uhc"},
		{"United HealthCare Choice Plus", "uhc"},
		{"UHC", "uhc"},
		{"uhc", "uhc"},
		{"UHC Commercial PPO", "uhc"},
		{"Medicaid", "commercial"},
		{"Texas Medicaid", "commercial"},
		{"Aetna", "commercial"},
		{"commercial", "commercial"},
		{"Blue Cross Blue Shield", "commercial"},
		{"", "commercial"},
		{"   ", "commercial"},
	}
	for _, tt := range tests {
		t.Run("text "+tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, ProfileForPayerText(tt.text))
		})
	}
}

func TestLoadProfile(t *testing.T) {
	const full = `{
		"name": "acme",
		"distinct_lesion_modifier": "XS",
		"repair_modifier": "59",
		"biopsy_other_lesion_modifier": "XS",
		"biopsy_mohs_lesion_modifier": "59",
		"stain_modifier": "59"
	}`
	t.Run("full profile", func(t *testing.T) {
		got, err := LoadProfile(strings.NewReader(full))
		require.NoError(t, err)
		assert.Equal(t, Profile{Name: "acme", DistinctLesionModifier: "XS", RepairModifier: "59",
			BiopsyOtherLesionModifier: "XS", BiopsyMohsLesionModifier: "59", StainModifier: "59"}, got)
	})
	t.Run("with notes", func(t *testing.T) {
		in := strings.Replace(full, `"name": "acme",`, `"name": "acme", "notes": {"pathology-not-surgeon": "Call the plan."},`, 1)
		got, err := LoadProfile(strings.NewReader(in))
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"pathology-not-surgeon": "Call the plan."}, got.Notes)
	})
	fields := map[string]string{
		"name":                         "acme",
		"distinct_lesion_modifier":     "XS",
		"repair_modifier":              "59",
		"biopsy_other_lesion_modifier": "XS",
		"biopsy_mohs_lesion_modifier":  "59",
		"stain_modifier":               "59",
	}
	for f := range fields {
		if f == "repair_modifier" {
			continue // optional: below
		}
		t.Run("missing "+f, func(t *testing.T) {
			obj := maps.Clone(fields)
			delete(obj, f)
			in, err := json.Marshal(obj)
			require.NoError(t, err)
			_, err = LoadProfile(bytes.NewReader(in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), `missing "`+f+`"`)
		})
		t.Run("empty "+f, func(t *testing.T) {
			obj := maps.Clone(fields)
			obj[f] = ""
			in, err := json.Marshal(obj)
			require.NoError(t, err)
			_, err = LoadProfile(bytes.NewReader(in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), `missing "`+f+`"`)
		})
	}
	t.Run("repair_modifier is optional: none on repair lines", func(t *testing.T) {
		obj := maps.Clone(fields)
		delete(obj, "repair_modifier")
		in, err := json.Marshal(obj)
		require.NoError(t, err)
		got, err := LoadProfile(bytes.NewReader(in))
		require.NoError(t, err)
		assert.Empty(t, got.RepairModifier)
	})
	bad := []struct {
		name, in, wantErr string
	}{
		{"lower-case modifier", strings.Replace(full, `"repair_modifier": "59"`, `"repair_modifier": "xs"`, 1),
			`"repair_modifier" is "xs": want a two-character modifier`},
		{"three-character modifier", strings.Replace(full, `"stain_modifier": "59"`, `"stain_modifier": "591"`, 1),
			`"stain_modifier" is "591"`},
		{"unknown field", strings.Replace(full, `"name": "acme",`, `"name": "acme", "stain": "59",`, 1),
			`unknown field "stain"`},
		{"empty note", strings.Replace(full, `"name": "acme",`, `"name": "acme", "notes": {"x": " "},`, 1),
			`"notes"`},
		{"not JSON", "name: acme", "profile: invalid character"},
		{"array", "[]", "cannot unmarshal array"},
		{"empty input", "", "profile: EOF"},
		{"null", "null", `missing "name"`},
		{"two objects", full + full, "unexpected data after the JSON object"},
		{"trailing garbage", full + " x", "unexpected data after the JSON object"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadProfile(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
	t.Run("trailing whitespace is fine", func(t *testing.T) {
		_, err := LoadProfile(strings.NewReader(full + "\n\n"))
		assert.NoError(t, err)
	})
}
