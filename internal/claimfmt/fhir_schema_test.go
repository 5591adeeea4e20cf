package claimfmt_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
)

// The FHIR output is checked by an independent validator: the FHIR R4 JSON
// Schema that HL7 publishes, vendored in testdata (see testdata/README.md),
// with santhosh-tekuri/jsonschema, plus testdata/claim-r4.schema.json for
// the R4 rules that schema leaves out.

const r4SchemaURL = "http://hl7.org/fhir/json-schema/4.0"

// claimSchema compiles the Claim schema once for the package's tests.
var claimSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open("testdata/fhir.schema.json.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	r4, err := jsonschema.UnmarshalJSON(zr)
	if err != nil {
		return nil, err
	}
	overlay, err := os.Open("testdata/claim-r4.schema.json")
	if err != nil {
		return nil, err
	}
	defer overlay.Close()
	claim, err := jsonschema.UnmarshalJSON(overlay)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft6)
	if err := c.AddResource(r4SchemaURL, r4); err != nil {
		return nil, err
	}
	if err := c.AddResource("urn:mohscode:claim-r4", claim); err != nil {
		return nil, err
	}
	return c.Compile("urn:mohscode:claim-r4")
})

// validateR4 validates one FHIR record against the Claim schema.
func validateR4(t *testing.T, record []byte) error {
	t.Helper()
	s, err := claimSchema()
	require.NoError(t, err, "compiling the FHIR R4 schema")
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(record))
	require.NoError(t, err)
	return s.Validate(v)
}

// writeFHIR returns the claim's FHIR record.
func writeFHIR(t *testing.T, id string, c coding.Claim, r claimfmt.FHIRRefs) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, claimfmt.WriteFHIR(&buf, id, c, r, nil))
	return buf.Bytes()
}

func TestFHIRPassesR4Schema(t *testing.T) {
	tests := []struct {
		name  string
		claim coding.Claim
		refs  claimfmt.FHIRRefs
	}{
		{"two lines with refs", twoLineClaim(), refs},
		{"placeholder refs", twoLineClaim(), claimfmt.FHIRRefs{}},
		{"absolute and versioned refs", twoLineClaim(), claimfmt.FHIRRefs{Patient: "https://ehr.example/fhir/Patient/1/_history/3", Provider: "Organization/clinic"}},
		{"no place of service", with(func(c *coding.Claim) { c.Encounter.PlaceOfService = nil }), refs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.NoError(t, validateR4(t, writeFHIR(t, "notes/nose.txt", tc.claim, tc.refs)))
		})
	}
	written := 0
	for id, c := range sampleClaims(t) {
		var buf bytes.Buffer
		if err := claimfmt.WriteFHIR(&buf, id, c, refs, nil); err != nil {
			continue // an error record, tested in fhir_test.go
		}
		written++
		t.Run(id, func(t *testing.T) {
			assert.NoError(t, validateR4(t, buf.Bytes()))
		})
	}
	assert.NotZero(t, written)
}

// TestR4SchemaRejects shows the validator is not a no-op: our own output,
// broken the ways a bug could break it, fails, at the place it is broken.
func TestR4SchemaRejects(t *testing.T) {
	item0 := func(m map[string]any) map[string]any { return m["item"].([]any)[0].(map[string]any) }
	tests := []struct {
		name   string
		mutate func(m map[string]any)
		want   string // the instance location the validator names
	}{
		{"no created", func(m map[string]any) { delete(m, "created") }, "created"},
		{"no patient", func(m map[string]any) { delete(m, "patient") }, "patient"},
		{"empty insurance", func(m map[string]any) { m["insurance"] = []any{} }, "/insurance"},
		{"status not a claim status", func(m map[string]any) { m["status"] = "open" }, "/status"},
		{"created not a date", func(m map[string]any) { m["created"] = "03/14/2026" }, "/created"},
		{"system not a uri", func(m map[string]any) {
			m["type"].(map[string]any)["coding"].([]any)[0].(map[string]any)["system"] = 42
		}, "/type/coding/0/system"},
		{"pointer 0", func(m map[string]any) { item0(m)["diagnosisSequence"] = []any{0} }, "/item/0/diagnosisSequence/0"},
		{"patient refers to a practitioner", func(m map[string]any) {
			m["patient"] = map[string]any{"reference": "Practitioner/1"}
		}, "/patient/reference"},
		{"id with a slash", func(m map[string]any) { m["id"] = "notes/nose.txt" }, "/id"},
		{"unknown element", func(m map[string]any) { m["lines"] = []any{} }, "lines"},
		{"quantity not a number", func(m map[string]any) { item0(m)["quantity"] = map[string]any{"value": "2"} }, "/item/0/quantity/value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(writeFHIR(t, "notes/nose.txt", twoLineClaim(), refs), &m))
			tc.mutate(m)
			broken, err := json.Marshal(m)
			require.NoError(t, err)
			err = validateR4(t, broken)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
