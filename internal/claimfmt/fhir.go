package claimfmt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/mohscode/mohscode/internal/coding"
)

// Code systems of the FHIR output.
const (
	ClaimTypeSystem       = "http://terminology.hl7.org/CodeSystem/claim-type"
	ProcessPrioritySystem = "http://terminology.hl7.org/CodeSystem/processpriority"
	ICD10CMSystem         = "http://hl7.org/fhir/sid/icd-10-cm"
	CPTSystem             = "http://www.ama-assn.org/go/cpt"
	PlaceOfServiceSystem  = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
	// DataAbsentReasonURL is the extension that stands in for a required
	// reference the caller did not give (see FHIRRefs).
	DataAbsentReasonURL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
)

// FHIRRefs are the references of a FHIR Claim that a note does not hold,
// each "Type/id" (e.g. "Patient/123") or an absolute URL ending in it.
//
// Patient, Provider and Coverage are required by FHIR R4. One left empty
// becomes a placeholder reference with no target: a Reference carrying only
// the data-absent-reason extension with value "unknown" (FHIR's way of
// saying a required value is not known), so that the Claim stays valid but
// can never resolve to a wrong resource. Insurer is optional in R4 and is
// left out when empty.
type FHIRRefs struct {
	// Patient is a Patient reference.
	Patient string
	// Provider is a Practitioner, PractitionerRole or Organization reference.
	Provider string
	// Coverage is a Coverage reference (Claim.insurance[0].coverage).
	Coverage string
	// Insurer is an Organization reference.
	Insurer string
}

// refTypes lists the resource types each reference may point at (FHIR R4).
var refTypes = []struct {
	field string
	types []string
	get   func(FHIRRefs) string
}{
	{"patient", []string{"Patient"}, func(r FHIRRefs) string { return r.Patient }},
	{"provider", []string{"Practitioner", "PractitionerRole", "Organization"}, func(r FHIRRefs) string { return r.Provider }},
	{"coverage", []string{"Coverage"}, func(r FHIRRefs) string { return r.Coverage }},
	{"insurer", []string{"Organization"}, func(r FHIRRefs) string { return r.Insurer }},
}

// refRE matches a literal reference: an optional absolute base, Type/id and
// an optional version.
var refRE = regexp.MustCompile(`^(?:https?://\S+/)?([A-Z][A-Za-z]+)/[A-Za-z0-9\-.]{1,64}(?:/_history/[A-Za-z0-9\-.]{1,64})?$`)

// Validate reports the first reference that is neither empty nor a
// reference to a resource of the type FHIR R4 allows there. Check the refs
// once, e.g. when reading flags; WriteFHIR checks them too.
func (r FHIRRefs) Validate() error {
	for _, rt := range refTypes {
		v := rt.get(r)
		if v == "" {
			continue
		}
		m := refRE.FindStringSubmatch(v)
		if m == nil {
			return fmt.Errorf("%s reference %q: want Type/id, e.g. %s/123", rt.field, v, rt.types[0])
		}
		if !contains(rt.types, m[1]) {
			return fmt.Errorf("%s reference %q: want a reference to %s", rt.field, v, strings.Join(rt.types, ", "))
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fhirIDRE is FHIR's id type.
var fhirIDRE = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)

// FHIRID derives the Claim's FHIR id from a note id. A note id that is
// already a FHIR id ([A-Za-z0-9\-.]{1,64}) is kept as it is. Any other (a
// path such as "notes/2026/a b.txt") becomes its allowed characters, each run
// of others replaced by "-", cut to its last 47 characters, then "-" and 16
// hex digits of the SHA-256 of the whole note id, so that ids that differ
// only in the characters replaced still differ: "notes-2026-a-b.txt-…". The
// note id itself is kept in Claim.identifier.
func FHIRID(noteID string) string {
	if fhirIDRE.MatchString(noteID) {
		return noteID
	}
	var b strings.Builder
	for _, r := range noteID {
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.'):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > 47 {
		s = strings.TrimLeft(s[len(s)-47:], "-")
	}
	sum := sha256.Sum256([]byte(noteID))
	h := hex.EncodeToString(sum[:8])
	if s == "" {
		return h
	}
	return s + "-" + h
}

// The FHIR R4 Claim, as much of it as we write. Fields FHIR forbids empty
// are omitempty.
type (
	fhirClaim struct {
		ResourceType string           `json:"resourceType"`
		ID           string           `json:"id"`
		Identifier   []fhirIdentifier `json:"identifier,omitempty"`
		Status       string           `json:"status"`
		Type         fhirConcept      `json:"type"`
		Use          string           `json:"use"`
		Patient      fhirReference    `json:"patient"`
		Created      string           `json:"created"`
		Insurer      *fhirReference   `json:"insurer,omitempty"`
		Provider     fhirReference    `json:"provider"`
		Priority     fhirConcept      `json:"priority"`
		Diagnosis    []fhirDiagnosis  `json:"diagnosis,omitempty"`
		Insurance    []fhirInsurance  `json:"insurance"`
		Item         []fhirItem       `json:"item,omitempty"`
	}
	fhirIdentifier struct {
		Value string `json:"value"`
	}
	fhirCoding struct {
		System  string `json:"system"`
		Code    string `json:"code"`
		Display string `json:"display,omitempty"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding"`
	}
	fhirExtension struct {
		URL       string `json:"url"`
		ValueCode string `json:"valueCode"`
	}
	fhirReference struct {
		Extension []fhirExtension `json:"extension,omitempty"`
		Reference string          `json:"reference,omitempty"`
	}
	fhirDiagnosis struct {
		Sequence int         `json:"sequence"`
		Concept  fhirConcept `json:"diagnosisCodeableConcept"`
	}
	fhirInsurance struct {
		Sequence int           `json:"sequence"`
		Focal    bool          `json:"focal"`
		Coverage fhirReference `json:"coverage"`
	}
	fhirItem struct {
		Sequence          int           `json:"sequence"`
		DiagnosisSequence []int         `json:"diagnosisSequence,omitempty"`
		ProductOrService  fhirConcept   `json:"productOrService"`
		Modifier          []fhirConcept `json:"modifier,omitempty"`
		ServicedDate      string        `json:"servicedDate"`
		Location          *fhirConcept  `json:"locationCodeableConcept,omitempty"`
		Quantity          fhirQuantity  `json:"quantity"`
	}
	fhirQuantity struct {
		Value int `json:"value"`
	}
)

func concept(system, code, display string) fhirConcept {
	return fhirConcept{Coding: []fhirCoding{{System: system, Code: code, Display: display}}}
}

// reference returns ref, or the placeholder when it is empty.
func reference(ref string) fhirReference {
	if ref == "" {
		return fhirReference{Extension: []fhirExtension{{URL: DataAbsentReasonURL, ValueCode: "unknown"}}}
	}
	return fhirReference{Reference: ref}
}

// WriteFHIR writes the claim of note id as one FHIR R4 Claim resource on one
// line (an NDJSON record): status active, type professional, use claim,
// created and every item's servicedDate the date of service (so the same
// note always gives the same output), priority normal, one focal insurance,
// the diagnoses in order (ICD-10-CM, with the dot) and one item per line
// (CPT code and modifiers, quantity, diagnosisSequence from the line's
// pointers, locationCodeableConcept from the place of service when given).
//
// A claim without a date of service, with a malformed one, without lines or
// with a pointer to a diagnosis it lacks yields an *IncompleteClaimError;
// invalid refs yield an error. Either way nothing is written.
func WriteFHIR(w io.Writer, id string, c coding.Claim, refs FHIRRefs) error {
	if err := refs.Validate(); err != nil {
		return err
	}
	date, err := dateOfService(id, "fhir", c)
	if err != nil {
		return err
	}
	if err := checkLines(id, "fhir", c); err != nil {
		return err
	}
	claim := fhirClaim{
		ResourceType: "Claim",
		ID:           FHIRID(id),
		Status:       "active",
		Type:         concept(ClaimTypeSystem, "professional", ""),
		Use:          "claim",
		Patient:      reference(refs.Patient),
		Created:      date,
		Provider:     reference(refs.Provider),
		Priority:     concept(ProcessPrioritySystem, "normal", ""),
		Insurance:    []fhirInsurance{{Sequence: 1, Focal: true, Coverage: reference(refs.Coverage)}},
	}
	if id != "" {
		claim.Identifier = []fhirIdentifier{{Value: id}}
	}
	if refs.Insurer != "" {
		claim.Insurer = &fhirReference{Reference: refs.Insurer}
	}
	for i, d := range c.Diagnoses {
		claim.Diagnosis = append(claim.Diagnosis, fhirDiagnosis{Sequence: i + 1, Concept: concept(ICD10CMSystem, d.Code, d.Description)})
	}
	var location *fhirConcept
	if pos := c.Encounter.PlaceOfService; pos != nil && *pos != "" {
		l := concept(PlaceOfServiceSystem, *pos, "")
		location = &l
	}
	for i, l := range c.Lines {
		item := fhirItem{
			Sequence:          i + 1,
			DiagnosisSequence: l.DiagnosisPointers,
			ProductOrService:  concept(CPTSystem, l.Code, l.Description),
			ServicedDate:      date,
			Location:          location,
			Quantity:          fhirQuantity{Value: l.Units},
		}
		for _, m := range l.Modifiers {
			item.Modifier = append(item.Modifier, concept(CPTSystem, m, ""))
		}
		claim.Item = append(claim.Item, item)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(claim); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// dateOfService returns the claim's date of service, which FHIR and X12
// both require, checked to be a real YYYY-MM-DD date.
func dateOfService(id, format string, c coding.Claim) (string, error) {
	dos := c.Encounter.DateOfService
	if dos == nil || *dos == "" {
		return "", incomplete(id, format, ErrNoDateOfService, "")
	}
	if _, err := time.Parse(time.DateOnly, *dos); err != nil {
		return "", incomplete(id, format, ErrBadDateOfService, "%q", *dos)
	}
	return *dos, nil
}

// checkLines reports a claim without lines, or with a line pointing at a
// diagnosis the claim does not have.
func checkLines(id, format string, c coding.Claim) error {
	if len(c.Lines) == 0 {
		return incomplete(id, format, ErrNoLines, "")
	}
	for i, l := range c.Lines {
		for _, p := range l.DiagnosisPointers {
			if p < 1 || p > len(c.Diagnoses) {
				return incomplete(id, format, ErrPointer, "line %d points at diagnosis %d of %d", i+1, p, len(c.Diagnoses))
			}
		}
	}
	return nil
}
