package claimfmt_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

var refs = claimfmt.FHIRRefs{Patient: "Patient/123", Provider: "Practitioner/dana-whitfield", Coverage: "Coverage/cov-9", Insurer: "Organization/aetna"}

const twoLineFHIR = `{
  "resourceType": "Claim",
  "id": "note-d5d73925bbcd3e8e",
  "meta": {"tag": [{"system": "urn:mohscode:rule-pack", "code": "2026.12.1", "display": "CPT 2026, ICD-10-CM FY2026"}]},
  "identifier": [{"system": "urn:mohscode:note-id", "value": "note-d5d73925bbcd3e8e"}],
  "status": "active",
  "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
  "use": "claim",
  "patient": {"reference": "Patient/123"},
  "created": "2026-03-14",
  "insurer": {"reference": "Organization/aetna"},
  "provider": {"reference": "Practitioner/dana-whitfield"},
  "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/processpriority", "code": "normal"}]},
  "diagnosis": [
    {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C44.311", "display": "Basal cell carcinoma of skin of nose"}]},
     "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "code": "principal"}]}]},
    {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C44.42", "display": "Squamous cell carcinoma of skin of scalp and neck"}]}}
  ],
  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "Coverage/cov-9"}}],
  "item": [
    {
      "sequence": 1,
      "diagnosisSequence": [1],
      "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "17311", "display": "Mohs, head/neck/hands/feet/genitalia, first stage"}]},
      "servicedDate": "2026-03-14",
      "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
      "quantity": {"value": 1}
    },
    {
      "sequence": 2,
      "diagnosisSequence": [2, 1],
      "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "17312", "display": "Mohs, head/neck/hands/feet/genitalia, each additional stage"}]},
      "modifier": [
        {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "59"}]},
        {"coding": [{"system": "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "XS"}]}
      ],
      "servicedDate": "2026-03-14",
      "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
      "quantity": {"value": 2}
    }
  ]
}`

// placeholder is the reference written for a required reference not given.
const placeholder = `{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}]}`

func TestWriteFHIR(t *testing.T) {
	tests := []struct {
		name  string
		claim coding.Claim
		refs  claimfmt.FHIRRefs
		fees  map[string]string
		id    string // "notes/nose.txt" when empty
		// edit changes twoLineFHIR (decoded) into the wanted resource.
		edit func(map[string]any)
	}{
		{name: "two lines", claim: twoLineClaim(), refs: refs, edit: func(map[string]any) {}},
		{
			name: "no refs: placeholders, no insurer", claim: twoLineClaim(),
			edit: func(m map[string]any) {
				m["patient"] = decode(t, placeholder)
				m["provider"] = decode(t, placeholder)
				m["insurance"].([]any)[0].(map[string]any)["coverage"] = decode(t, placeholder)
				delete(m, "insurer")
			},
		},
		{
			name: "no place of service, no modifiers", refs: refs,
			claim: with(func(c *coding.Claim) {
				c.Encounter.PlaceOfService = nil
				for i := range c.Lines {
					c.Lines[i].Modifiers = nil
				}
			}),
			edit: func(m map[string]any) {
				for _, it := range m["item"].([]any) {
					delete(it.(map[string]any), "locationCodeableConcept")
					delete(it.(map[string]any), "modifier")
				}
			},
		},
		{
			name: "fees: unit price and net", refs: refs, fees: map[string]string{"17312": "640.50"}, claim: twoLineClaim(),
			edit: func(m map[string]any) {
				it := m["item"].([]any)[1].(map[string]any)
				it["unitPrice"] = map[string]any{"value": 640.5, "currency": "USD"}
				it["net"] = map[string]any{"value": 1281, "currency": "USD"}
			},
		},
		{
			name: "error findings: a draft that lists them", refs: refs,
			claim: with(func(c *coding.Claim) {
				c.Findings = []diag.Finding{
					{Rule: "stage-missing-margins", Severity: diag.Error, Line: 14, Message: "m"},
					{Rule: "stain-unknown", Severity: diag.Warning, Line: 15, Message: "m"},
				}
			}),
			edit: func(m map[string]any) {
				m["status"] = "draft"
				m["extension"] = []any{map[string]any{"url": "urn:mohscode:finding", "valueString": "stage-missing-margins (line 14)"}}
			},
		},
		{
			name: "a note id that is not a path is the identifier", id: "MSG-0001", refs: refs, claim: twoLineClaim(),
			edit: func(m map[string]any) {
				m["id"] = "MSG-0001"
				m["identifier"] = []any{map[string]any{"system": "urn:mohscode:note-id", "value": "MSG-0001"}}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			id := tc.id
			if id == "" {
				id = "notes/nose.txt"
			}
			require.NoError(t, claimfmt.WriteFHIR(&buf, id, tc.claim, tc.refs, tc.fees))
			out := buf.String()
			require.True(t, strings.HasSuffix(out, "\n"))
			assert.Equal(t, 1, strings.Count(out, "\n"), "one NDJSON line")
			want := decode(t, twoLineFHIR).(map[string]any)
			tc.edit(want)
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			assert.JSONEq(t, string(wantJSON), out)
			assertNoEmpty(t, decode(t, out), "Claim")
		})
	}
}

func TestWriteFHIRIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, claimfmt.WriteFHIR(&a, "n", twoLineClaim(), refs, nil))
	require.NoError(t, claimfmt.WriteFHIR(&b, "n", twoLineClaim(), refs, nil))
	assert.Equal(t, a.String(), b.String())
}

func TestWriteFHIRErrors(t *testing.T) {
	tests := []struct {
		name    string
		claim   coding.Claim
		refs    claimfmt.FHIRRefs
		reason  error  // an IncompleteClaimError's reason, or
		wantErr string // the message of a refs error
	}{
		{name: "no date of service", claim: with(func(c *coding.Claim) { c.Encounter.DateOfService = nil }), reason: claimfmt.ErrNoDateOfService},
		{name: "empty date of service", claim: with(func(c *coding.Claim) { c.Encounter.DateOfService = ptr("") }), reason: claimfmt.ErrNoDateOfService},
		{name: "impossible date", claim: with(func(c *coding.Claim) { c.Encounter.DateOfService = ptr("2026-02-30") }), reason: claimfmt.ErrBadDateOfService},
		{name: "no lines", claim: with(func(c *coding.Claim) { c.Lines = []coding.Line{} }), reason: claimfmt.ErrNoLines},
		{name: "pointer out of range", claim: with(func(c *coding.Claim) { c.Lines[0].DiagnosisPointers = []int{0} }), reason: claimfmt.ErrPointer},
		{name: "no diagnosis", claim: with(func(c *coding.Claim) {
			c.Diagnoses = nil
			for i := range c.Lines {
				c.Lines[i].DiagnosisPointers = nil
			}
		}), reason: claimfmt.ErrNoDiagnosis},
		{name: "a line without a pointer", claim: with(func(c *coding.Claim) { c.Lines[1].DiagnosisPointers = nil }), reason: claimfmt.ErrNoDiagnosis},
		{name: "patient ref to a practitioner", claim: twoLineClaim(), refs: claimfmt.FHIRRefs{Patient: "Practitioner/1"},
			wantErr: `patient reference "Practitioner/1": want a reference to Patient`},
		{name: "bare id", claim: twoLineClaim(), refs: claimfmt.FHIRRefs{Coverage: "123"},
			wantErr: `coverage reference "123": want Type/id, e.g. Coverage/123`},
		{name: "provider ref to a patient", claim: twoLineClaim(), refs: claimfmt.FHIRRefs{Provider: "https://ehr.example/fhir/Patient/1"},
			wantErr: `provider reference "https://ehr.example/fhir/Patient/1": want a reference to Practitioner, PractitionerRole, Organization`},
		{name: "id with a space", claim: twoLineClaim(), refs: claimfmt.FHIRRefs{Insurer: "Organization/big payer"},
			wantErr: `insurer reference "Organization/big payer": want Type/id, e.g. Organization/123`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := claimfmt.WriteFHIR(&buf, "n.txt", tc.claim, tc.refs, nil)
			assert.Empty(t, buf.String(), "nothing is written")
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				return
			}
			require.ErrorIs(t, err, tc.reason)
			var ie *claimfmt.IncompleteClaimError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, "fhir", ie.Format)
			assert.Equal(t, "n.txt", ie.ID)
		})
	}
}

func TestFHIRRefsValidate(t *testing.T) {
	for _, ok := range []claimfmt.FHIRRefs{
		{},
		refs,
		{Provider: "PractitionerRole/r1", Insurer: "Organization/o.1"},
		{Provider: "Organization/clinic", Patient: "https://ehr.example/fhir/Patient/123/_history/2"},
	} {
		assert.NoError(t, ok.Validate(), "%+v", ok)
	}
}

// TestFHIRID: a note id that is a file path or holds a patient's name
// never reaches Claim.id or Claim.identifier.
func TestFHIRID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"note-1", "note-1"},
		{"MSG-0001", "MSG-0001"},
		{"notes/nose.txt", "note-d5d73925bbcd3e8e"},
		{"Doe, Jane 2026-03-14.txt", "note-2172808244c0afc4"},
		{"", "note-e3b0c44298fc1c14"},
		{strings.Repeat("a", 65), "note-635361c48bb9eab1"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := claimfmt.FHIRID(tc.in)
			assert.Regexp(t, `^[A-Za-z0-9\-.]{1,64}$`, got)
			assert.Equal(t, tc.want, got)
		})
	}
	assert.NotEqual(t, claimfmt.FHIRID("a/b.txt"), claimfmt.FHIRID("a_b.txt"), "ids that differ only in replaced characters still differ")
	var buf bytes.Buffer
	require.NoError(t, claimfmt.WriteFHIR(&buf, "/home/clinic/Doe, Jane.txt", twoLineClaim(), refs, nil))
	assert.NotContains(t, buf.String(), "clinic")
	assert.NotContains(t, buf.String(), "Jane")
}

func TestFHIRRefsMissing(t *testing.T) {
	assert.Equal(t, []string{"patient", "provider", "coverage"}, claimfmt.FHIRRefs{Insurer: "Organization/1"}.Missing())
	assert.Empty(t, refs.Missing())
}

func TestWriteFHIRSamples(t *testing.T) {
	written := 0
	for id, c := range sampleClaims(t) {
		t.Run(id, func(t *testing.T) {
			var buf bytes.Buffer
			err := claimfmt.WriteFHIR(&buf, id, c, claimfmt.FHIRRefs{}, nil)
			if err != nil {
				var ie *claimfmt.IncompleteClaimError
				require.ErrorAs(t, err, &ie, "only an IncompleteClaimError")
				return
			}
			written++
			m := decode(t, buf.String()).(map[string]any)
			assert.Equal(t, "Claim", m["resourceType"])
			assert.Equal(t, *c.Encounter.DateOfService, m["created"])
			assert.Len(t, m["item"], len(c.Lines))
			assertNoEmpty(t, m, "Claim")
		})
	}
	assert.NotZero(t, written, "some sample makes a FHIR Claim")
}

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	return v
}

// assertNoEmpty checks what FHIR forbids and the R4 validator does not
// catch: an empty string, array or object, or a null.
func assertNoEmpty(t *testing.T, v any, path string) {
	t.Helper()
	switch v := v.(type) {
	case nil:
		t.Errorf("%s is null", path)
	case string:
		if strings.TrimSpace(v) == "" {
			t.Errorf("%s is an empty string", path)
		}
	case []any:
		if len(v) == 0 {
			t.Errorf("%s is an empty array", path)
		}
		for i, e := range v {
			assertNoEmpty(t, e, fmt.Sprintf("%s[%d]", path, i))
		}
	case map[string]any:
		if len(v) == 0 {
			t.Errorf("%s is an empty object", path)
		}
		for k, e := range v {
			assertNoEmpty(t, e, path+"."+k)
		}
	}
}
