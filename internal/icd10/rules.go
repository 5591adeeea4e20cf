package icd10

import "github.com/mohscode/mohscode/internal/diag"

// The rules of the diagnosis table, raised by Recognize and Code; the
// caller places each finding at its lesion and line.
var (
	DiagnosisUnconfirmed = &diag.Rule{ID: "diagnosis-unconfirmed", Severity: diag.Warning,
		Doc: "The note shows neither a prior pathology diagnosis nor a same-day biopsy of the lesion."}
	DiagnosisNotMohs = &diag.Rule{ID: "diagnosis-not-mohs", Severity: diag.Error,
		Doc: "The diagnosis is benign or not a malignancy treated by Mohs surgery (seborrheic keratosis, actinic keratosis), or names no recognised skin malignancy: no diagnosis code. The lines stay, but a payer will deny Mohs for it."}
	LateralityMissing = &diag.Rule{ID: "laterality-missing", Severity: diag.Warning,
		Doc: "The ICD-10-CM code needs a side (ear, limbs, eyelid) or, for the eyelid, upper or lower, and the note does not give it: the unspecified code is used, which payers question."}
	DiagnosisCodeReview = &diag.Rule{ID: "diagnosis-code-review", Severity: diag.Warning,
		Doc: "The diagnosis code needs a coder's review. Skin of the genitalia (vulva, penis, scrotum) and the vermilion of the lip are coded outside the skin table (C51, C60, C63.2, C00, D00.0): no code here; code the diagnosis by hand. Basosquamous (metatypical) carcinoma is coded with the C44 \"other specified\" digit 9, which some payers and coders replace with the squamous cell code."}
)

// finding is a finding of rule r that the caller places.
func finding(r *diag.Rule, msg string) diag.Finding {
	return diag.Finding{Rule: r.ID, Severity: r.Severity, Message: msg}
}
