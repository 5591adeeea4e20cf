package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/render"
)

// claim is a claim with no line, coded under the embedded rule pack.
func claim() coding.Claim {
	return coding.Claim{Source: "note.txt", Encounter: coding.Encounter{PayerProfile: "commercial"},
		Lines: []coding.Line{}, Diagnoses: []coding.Diagnosis{}, Findings: nil, Rules: codetable.Pack().Edition}
}

// Every output names the rule pack it was coded by: JSON in a "rules"
// object, text in a header line.
func TestRulePackInOutput(t *testing.T) {
	pack := codetable.Pack()
	t.Run("json", func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, render.JSON(&out, claim()))
		var got struct {
			Rules map[string]string `json:"rules"`
		}
		require.NoError(t, json.Unmarshal(out.Bytes(), &got))
		assert.Equal(t, map[string]string{"version": pack.Version, "cpt": "CPT 2026", "icd10cm": "ICD-10-CM FY2026"}, got.Rules)
	})
	t.Run("ndjson", func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, render.NDJSON(&out, "rec-1", claim()))
		assert.Contains(t, out.String(), `"rules":{"version":"`+pack.Version+`","cpt":"CPT 2026","icd10cm":"ICD-10-CM FY2026"}`)
	})
	t.Run("text", func(t *testing.T) {
		var out bytes.Buffer
		require.NoError(t, render.Text(&out, claim(), true))
		lines := strings.Split(out.String(), "\n")
		require.Greater(t, len(lines), 2)
		assert.Equal(t, "rules "+pack.Version+" (CPT 2026, ICD-10-CM FY2026)", lines[1])
	})
}
