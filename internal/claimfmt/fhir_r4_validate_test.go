// This file checks the FHIR output with an independent FHIR R4 validator,
// github.com/google/fhir/go's jsonformat unmarshaller (required and
// cardinality-1.. elements, value types and formats, bound codes such as
// status and use, reference target types, unknown elements). It needs that
// module in go.mod, which only tests use (the binary never imports it):
//
//	go get github.com/google/fhir/go@v0.7.4
//
// then delete the go:build line above so that `go test ./...` runs it.
// Until then it is built only with -tags fhirvalidate.

package claimfmt_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
)

func newR4Validator(t *testing.T) *jsonformat.Unmarshaller {
	t.Helper()
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	require.NoError(t, err)
	return u
}

// writeFHIR returns the claim's FHIR record.
func writeFHIR(t *testing.T, id string, c coding.Claim, r claimfmt.FHIRRefs) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, claimfmt.WriteFHIR(&buf, id, c, r))
	return buf.Bytes()
}

func TestFHIRPassesR4Validator(t *testing.T) {
	u := newR4Validator(t)
	tests := []struct {
		name  string
		claim coding.Claim
		refs  claimfmt.FHIRRefs
	}{
		{"two lines with refs", twoLineClaim(), refs},
		{"placeholder refs", twoLineClaim(), claimfmt.FHIRRefs{}},
		{"absolute and versioned refs", twoLineClaim(), claimfmt.FHIRRefs{Patient: "https://ehr.example/fhir/Patient/1/_history/3", Provider: "Organization/clinic"}},
		{"no place of service, no diagnoses", with(func(c *coding.Claim) {
			c.Encounter.PlaceOfService = nil
			c.Diagnoses = nil
			for i := range c.Lines {
				c.Lines[i].DiagnosisPointers = nil
			}
		}), refs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := u.Unmarshal(writeFHIR(t, "notes/nose.txt", tc.claim, tc.refs))
			assert.NoError(t, err)
		})
	}
	written := 0
	for id, c := range sampleClaims(t) {
		var buf bytes.Buffer
		if err := claimfmt.WriteFHIR(&buf, id, c, refs); err != nil {
			continue // an error record, tested in fhir_test.go
		}
		written++
		t.Run(id, func(t *testing.T) {
			_, err := u.Unmarshal(buf.Bytes())
			assert.NoError(t, err)
		})
	}
	assert.NotZero(t, written)
}

// TestR4ValidatorRejects shows the validator is not a no-op: our own
// output, broken the ways a bug could break it, fails.
func TestR4ValidatorRejects(t *testing.T) {
	u := newR4Validator(t)
	tests := []struct {
		name   string
		mutate func(m map[string]any)
		want   string
	}{
		{"no created", func(m map[string]any) { delete(m, "created") }, `missing required field "created"`},
		{"no patient", func(m map[string]any) { delete(m, "patient") }, `missing required field "patient"`},
		{"empty insurance", func(m map[string]any) { m["insurance"] = []any{} }, `missing required field "insurance"`},
		{"status not a claim status", func(m map[string]any) { m["status"] = "open" }, "code type mismatch"},
		{"created not a date", func(m map[string]any) { m["created"] = "03/14/2026" }, "expected datetime"},
		{"system not a uri", func(m map[string]any) {
			m["type"].(map[string]any)["coding"].([]any)[0].(map[string]any)["system"] = 42
		}, "expected uri"},
		{"pointer 0", func(m map[string]any) {
			m["item"].([]any)[0].(map[string]any)["diagnosisSequence"] = []any{0}
		}, "expected positive integer"},
		{"patient refers to a practitioner", func(m map[string]any) {
			m["patient"] = map[string]any{"reference": "Practitioner/1"}
		}, "want Patient"},
		{"id with a slash", func(m map[string]any) { m["id"] = "notes/nose.txt" }, "invalid Id format"},
		{"unknown element", func(m map[string]any) { m["lines"] = []any{} }, "unknown field"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(writeFHIR(t, "notes/nose.txt", twoLineClaim(), refs), &m))
			tc.mutate(m)
			broken, err := json.Marshal(m)
			require.NoError(t, err)
			_, err = u.Unmarshal(broken)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
