package icd10

// Histology is the tumour type a diagnosis names, as far as ICD-10-CM coding needs it.
// The empty Histology means none was recognised.
type Histology string

// The histologies the recogniser returns and [Code] accepts.
const (
	// HistologyBCC is basal cell carcinoma, all subtypes but basosquamous.
	HistologyBCC Histology = "bcc"
	// HistologyBasosquamous is basosquamous (metatypical) carcinoma, ICD-O 8094/3:
	// neither basal cell nor squamous cell, coded C44 "other specified" with
	// diagnosis-code-review.
	HistologyBasosquamous Histology = "basosquamous"
	// HistologySCC is invasive squamous cell carcinoma (keratoacanthoma type included).
	HistologySCC Histology = "scc"
	// HistologySCCInSitu is squamous cell carcinoma in situ (Bowen disease).
	HistologySCCInSitu Histology = "scc-in-situ"
	// HistologyMelanoma is invasive melanoma (lentigo maligna melanoma included).
	HistologyMelanoma Histology = "melanoma"
	// HistologyMelanomaInSitu is melanoma in situ (lentigo maligna included).
	HistologyMelanomaInSitu Histology = "melanoma-in-situ"
	// HistologyMerkel is Merkel cell carcinoma.
	HistologyMerkel Histology = "merkel"
	// HistologyDFSP is dermatofibrosarcoma protuberans.
	HistologyDFSP Histology = "dfsp"
	// HistologyEMPD is extramammary Paget disease.
	HistologyEMPD Histology = "empd"
	// HistologyMAC is microcystic adnexal carcinoma.
	HistologyMAC Histology = "mac"
	// HistologyAFX is atypical fibroxanthoma.
	HistologyAFX Histology = "afx"
	// HistologySebaceous is sebaceous carcinoma.
	HistologySebaceous Histology = "sebaceous"
)

// Histologies returns every non-empty Histology, in a fixed order.
func Histologies() []Histology {
	return []Histology{
		HistologyBCC, HistologyBasosquamous, HistologySCC, HistologySCCInSitu,
		HistologyMelanoma, HistologyMelanomaInSitu, HistologyMerkel,
		HistologyDFSP, HistologyEMPD, HistologyMAC, HistologyAFX, HistologySebaceous,
	}
}

// Valid reports whether h is one of the package's histologies (the empty Histology is not).
func (h Histology) Valid() bool {
	_, ok := tables().hist[h]
	return ok
}

// Rule ids of the findings this package's results stand for (docs/coding-rules.md section 10).
const (
	// RuleLateralityMissing (warning): ear, limb or eyelid without a usable side, or an eyelid
	// without upper/lower; the unspecified code is used.
	RuleLateralityMissing = "laterality-missing"
	// RuleDiagnosisCodeReview (warning): the site is coded outside this table (genital skin,
	// vermilion; no code), or the histology's code is one coders disagree on (basosquamous:
	// the code is given).
	RuleDiagnosisCodeReview = "diagnosis-code-review"
	// RuleDiagnosisUnconfirmed (warning): the diagnosis is named only under a negation or
	// uncertainty cue; no code.
	RuleDiagnosisUnconfirmed = "diagnosis-unconfirmed"
	// RuleDiagnosisNotMohs (error): a benign or non-Mohs diagnosis, or text naming no
	// recognised malignancy; the lines stay.
	RuleDiagnosisNotMohs = "diagnosis-not-mohs"
)

// Issue is a finding about a diagnosis or its code. Its severity follows from Rule
// (docs/coding-rules.md section 10); the caller adds lesion and line.
type Issue struct {
	// Rule is one of the Rule* ids.
	Rule string
	// Message says what was found, in a sentence without lesion or line.
	Message string
}
