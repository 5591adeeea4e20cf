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
