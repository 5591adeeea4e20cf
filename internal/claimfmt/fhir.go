package claimfmt

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// Code systems of the FHIR output.
const (
	ClaimTypeSystem       = "http://terminology.hl7.org/CodeSystem/claim-type"
	ProcessPrioritySystem = "http://terminology.hl7.org/CodeSystem/processpriority"
	ICD10CMSystem         = "http://hl7.org/fhir/sid/icd-10-cm"
	CPTSystem             = "http://www.ama-assn.org/go/cpt"
	// HCPCSSystem is HCPCS Level II, the system of the X{E,P,S,U}
	// modifiers (CMS's, not the AMA's CPT modifiers).
	HCPCSSystem = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
	// DiagnosisTypeSystem types the principal diagnosis.
	DiagnosisTypeSystem = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype"
	// NoteIDSystem is the system of Claim.identifier, whose value is the
	// note's id.
	NoteIDSystem = "urn:mohscode:note-id"
	// RulePackSystem tags a Claim (Claim.meta.tag) with the rule-pack
	// version it was coded by; the display names the code-set editions.
	RulePackSystem = "urn:mohscode:rule-pack"
	// FindingExtensionURL is the extension that carries each error finding
	// of a note whose Claim is a draft.
	FindingExtensionURL  = "urn:mohscode:finding"
	PlaceOfServiceSystem = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
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
var refRE = sync.OnceValue(func() *regexp.Regexp { // compiled on first use, not at start-up
	return regexp.MustCompile(`^(?:https?://\S+/)?([A-Z][A-Za-z]+)/[A-Za-z0-9\-.]{1,64}(?:/_history/[A-Za-z0-9\-.]{1,64})?$`)
})

// Validate reports the first reference that is neither empty nor a
// reference to a resource of the type FHIR R4 allows there. Check the refs
// once, e.g. when reading flags; WriteFHIR checks them too.
func (r FHIRRefs) Validate() error {
	for _, rt := range refTypes {
		v := rt.get(r)
		if v == "" {
			continue
		}
		m := refRE().FindStringSubmatch(v)
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
var fhirIDRE = sync.OnceValue(func() *regexp.Regexp { // compiled on first use, not at start-up
	return regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)
})

// FHIRID derives the Claim's FHIR id from a note id. A note id that is
// already a FHIR id ([A-Za-z0-9\-.]{1,64}) and no file name (it has no
// ".txt"-like extension of a path) is kept as it is. Any other (a path such
// as "notes/2026/a b.txt") becomes "note-" and 16 hex digits of the SHA-256
// of the whole note id: the id never carries a file path or the text of a
// patient's name a file may be named after. The note id itself is kept in
// Claim.identifier, under NoteIDSystem.
func FHIRID(noteID string) string {
	if fhirIDRE().MatchString(noteID) && !strings.Contains(noteID, ".") {
		return noteID
	}
	return derivedID(noteID, 64)
}

// derivedID is "note-" and 16 hex digits of the SHA-256 of id, at most max
// characters.
func derivedID(id string, max int) string {
	sum := sha256.Sum256([]byte(id))
	s := "note-" + hex.EncodeToString(sum[:8])
	return s[:min(len(s), max)]
}

// The FHIR R4 Claim, as much of it as we write. Fields FHIR forbids empty
// are omitempty.
type (
	fhirClaim struct {
		ResourceType string           `json:"resourceType"`
		ID           string           `json:"id"`
		Meta         *fhirMeta        `json:"meta,omitempty"`
		Extension    []fhirStringExt  `json:"extension,omitempty"`
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
	fhirMeta struct {
		Tag []fhirCoding `json:"tag"`
	}
	fhirIdentifier struct {
		System string `json:"system"`
		Value  string `json:"value"`
	}
	fhirStringExt struct {
		URL         string `json:"url"`
		ValueString string `json:"valueString"`
	}
	fhirMoney struct {
		Value    json.Number `json:"value"`
		Currency string      `json:"currency"`
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
		Sequence int           `json:"sequence"`
		Concept  fhirConcept   `json:"diagnosisCodeableConcept"`
		Type     []fhirConcept `json:"type,omitempty"`
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
		UnitPrice         *fhirMoney    `json:"unitPrice,omitempty"`
		Net               *fhirMoney    `json:"net,omitempty"`
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
// line (an NDJSON record): type professional, use claim, created and every
// item's servicedDate the date of service (so the same note always gives
// the same output), priority normal, one focal insurance, the note id in
// Claim.identifier under NoteIDSystem (a file path becomes the id FHIRID
// derives, never the path), the diagnoses in order (ICD-10-CM, with the
// dot; the first typed "principal") and one item per line (CPT code,
// modifiers under CPT or, for XE XP XS XU, HCPCS, quantity,
// diagnosisSequence from the line's pointers, locationCodeableConcept from
// the place of service when given, and with fees the unitPrice and the net
// charge, fee × units, in USD).
//
// Status is "active", or "draft" when the note has error findings: the
// Claim then carries one FindingExtensionURL extension per error finding,
// "rule (line N)", so that a consumer can tell it from a claim ready to
// send.
//
// A claim without a date of service, with a malformed one, without lines,
// without diagnoses, with a line without a diagnosis pointer or with a
// pointer to a diagnosis it lacks yields an *IncompleteClaimError; invalid
// refs or a bad fee yield an error. Either way nothing is written.
func WriteFHIR(w io.Writer, id string, c coding.Claim, refs FHIRRefs, fees map[string]string) error {
	const format = "fhir"
	if err := refs.Validate(); err != nil {
		return err
	}
	date, err := dateOfService(id, format, c)
	if err != nil {
		return err
	}
	if err := checkLines(id, format, c); err != nil {
		return err
	}
	if len(c.Diagnoses) == 0 {
		return incomplete(id, format, ErrNoDiagnosis, "")
	}
	claim := fhirClaim{
		ResourceType: "Claim",
		ID:           FHIRID(id),
		Meta: &fhirMeta{Tag: []fhirCoding{{System: RulePackSystem, Code: c.Rules.Version,
			Display: c.Rules.CPT + ", " + c.Rules.ICD10CM}}},
		Status:    "active",
		Type:      concept(ClaimTypeSystem, "professional", ""),
		Use:       "claim",
		Patient:   reference(refs.Patient),
		Created:   date,
		Provider:  reference(refs.Provider),
		Priority:  concept(ProcessPrioritySystem, "normal", ""),
		Insurance: []fhirInsurance{{Sequence: 1, Focal: true, Coverage: reference(refs.Coverage)}},
	}
	if id != "" {
		claim.Identifier = []fhirIdentifier{{System: NoteIDSystem, Value: noteIdentifier(id)}}
	}
	for _, f := range c.Findings {
		if f.Severity == diag.Error {
			claim.Status = "draft"
			claim.Extension = append(claim.Extension, fhirStringExt{URL: FindingExtensionURL, ValueString: fmt.Sprintf("%s (line %d)", f.Rule, f.Line)})
		}
	}
	if refs.Insurer != "" {
		claim.Insurer = &fhirReference{Reference: refs.Insurer}
	}
	for i, d := range c.Diagnoses {
		dx := fhirDiagnosis{Sequence: i + 1, Concept: concept(ICD10CMSystem, d.Code, d.Description)}
		if i == 0 {
			dx.Type = []fhirConcept{concept(DiagnosisTypeSystem, "principal", "")}
		}
		claim.Diagnosis = append(claim.Diagnosis, dx)
	}
	var location *fhirConcept
	if pos := c.Encounter.PlaceOfService; pos != nil && *pos != "" {
		l := concept(PlaceOfServiceSystem, *pos, "")
		location = &l
	}
	for i, l := range c.Lines {
		if len(l.DiagnosisPointers) == 0 {
			return incomplete(id, format, ErrNoDiagnosis, "line %d has no diagnosis pointer", i+1)
		}
		item := fhirItem{
			Sequence:          i + 1,
			DiagnosisSequence: l.DiagnosisPointers,
			ProductOrService:  concept(CPTSystem, l.Code, l.Description),
			ServicedDate:      date,
			Location:          location,
			Quantity:          fhirQuantity{Value: l.Units},
		}
		for _, m := range l.Modifiers {
			item.Modifier = append(item.Modifier, concept(modifierSystem(m), m, ""))
		}
		if fee, ok := fees[l.Code]; ok {
			unit, uerr := normalizeCharge(fee)
			net, nerr := lineCharge(fee, l.Units)
			if uerr != nil || nerr != nil {
				return incomplete(id, format, ErrBadCharge, "fee of %s: %q", l.Code, fee)
			}
			item.UnitPrice = &fhirMoney{Value: json.Number(unit), Currency: "USD"}
			item.Net = &fhirMoney{Value: json.Number(net), Currency: "USD"}
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

// modifierSystem is the code system of a modifier: HCPCS for the
// X{E,P,S,U} subset of 59, CPT for the others.
func modifierSystem(m string) string {
	switch strings.ToUpper(m) {
	case "XE", "XP", "XS", "XU":
		return HCPCSSystem
	}
	return CPTSystem
}

// noteIdentifier is Claim.identifier's value: the note id, or, for a note
// id that is a file path (it holds a / or \ or ends in a file name
// extension), the id FHIRID derives, so that no path reaches the Claim.
func noteIdentifier(id string) string {
	if strings.ContainsAny(id, "/\\") || filepath.Ext(id) != "" {
		return FHIRID(id)
	}
	return id
}

// Or returns r with each empty reference taken from note: the references a
// note's source gives (a DocumentReference's subject and author) fill in
// what the flags left empty, and the flags override them.
func (r FHIRRefs) Or(note FHIRRefs) FHIRRefs {
	r.Patient = cmp.Or(r.Patient, note.Patient)
	r.Provider = cmp.Or(r.Provider, note.Provider)
	r.Coverage = cmp.Or(r.Coverage, note.Coverage)
	r.Insurer = cmp.Or(r.Insurer, note.Insurer)
	return r
}

// Missing names the required references that are empty and will be
// written as data-absent placeholders: "patient", "provider", "coverage".
// A command warns of them once per batch (and fails under --strict).
func (r FHIRRefs) Missing() []string {
	var missing []string
	for _, rt := range refTypes[:3] {
		if rt.get(r) == "" {
			missing = append(missing, rt.field)
		}
	}
	return missing
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
