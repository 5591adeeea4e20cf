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
)

var refs = claimfmt.FHIRRefs{Patient: "Patient/123", Provider: "Practitioner/dana-whitfield", Coverage: "Coverage/cov-9", Insurer: "Organization/aetna"}

const twoLineFHIR = `{
  "resourceType": "Claim",
  "id": "notes-nose.txt-d5d73925bbcd3e8e",
  "identifier": [{"value": "notes/nose.txt"}],
  "status": "active",
  "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
  "use": "claim",
  "patient": {"reference": "Patient/123"},
  "created": "2026-03-14",
  "insurer": {"reference": "Organization/aetna"},
  "provider": {"reference": "Practitioner/dana-whitfield"},
  "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/processpriority", "code": "normal"}]},
  "diagnosis": [
    {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C44.311", "display": "Basal cell carcinoma of skin of nose"}]}},
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
        {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "XS"}]}
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
			name: "no place of service, no diagnoses, no modifiers", refs: refs,
			claim: with(func(c *coding.Claim) {
				c.Encounter.PlaceOfService = nil
				c.Diagnoses = []coding.Diagnosis{}
				for i := range c.Lines {
					c.Lines[i].DiagnosisPointers = []int{}
					c.Lines[i].Modifiers = nil
				}
			}),
			edit: func(m map[string]any) {
				delete(m, "diagnosis")
				for _, it := range m["item"].([]any) {
					delete(it.(map[string]any), "locationCodeableConcept")
					delete(it.(map[string]any), "diagnosisSequence")
					delete(it.(map[string]any), "modifier")
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, claimfmt.WriteFHIR(&buf, "notes/nose.txt", tc.claim, tc.refs))
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
	require.NoError(t, claimfmt.WriteFHIR(&a, "n", twoLineClaim(), refs))
	require.NoError(t, claimfmt.WriteFHIR(&b, "n", twoLineClaim(), refs))
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
			err := claimfmt.WriteFHIR(&buf, "n.txt", tc.claim, tc.refs)
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

func TestFHIRID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"note-1", "note-1"},
		{"A.b-9", "A.b-9"},
		{"notes/nose.txt", "notes-nose.txt-d5d73925bbcd3e8e"},
		{"", "e3b0c44298fc1c14"},
		{"/", "8a5edab282632443"},
		{"ñ ote", "ote-4822dd192005f6a8"},
		{strings.Repeat("a", 65), strings.Repeat("a", 47) + "-635361c48bb9eab1"},
		{"x/" + strings.Repeat("b", 46) + "/y", strings.Repeat("b", 45) + "-y-55ca81c3947abeb5"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := claimfmt.FHIRID(tc.in)
			assert.Regexp(t, `^[A-Za-z0-9\-.]{1,64}$`, got)
			assert.Equal(t, tc.want, got)
		})
	}
	assert.NotEqual(t, claimfmt.FHIRID("a/b.txt"), claimfmt.FHIRID("a_b.txt"), "ids that differ only in replaced characters still differ")
}

func TestWriteFHIRSamples(t *testing.T) {
	written := 0
	for id, c := range sampleClaims(t) {
		t.Run(id, func(t *testing.T) {
			var buf bytes.Buffer
			err := claimfmt.WriteFHIR(&buf, id, c, claimfmt.FHIRRefs{})
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
