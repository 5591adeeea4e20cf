package coding_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
)

// dxNote is a one-lesion note with the given site, diagnosis and extra
// lesion lines; the heading is line 4, the site line 5, the diagnosis line 6.
func dxNote(site, dx string, extra ...string) string {
	lines := []string{
		"Lesion 1",
		"Site: " + site,
		"Diagnosis: " + dx,
		"Prior biopsy: yes",
		"Stage 1: 1 block; margins: clear",
	}
	return withHeader(append(lines, extra...)...)
}

func dxCodes(c coding.Claim) []string {
	out := []string{}
	for _, d := range c.Diagnoses {
		out = append(out, d.Code)
	}
	return out
}

// docs/coding-rules.md section 9: the site row × histology column, through the
// anatomy table's ICD-10 site and the side in the site text or Side field.
func TestDiagnosisCodes(t *testing.T) {
	tests := []struct {
		name, site, dx string
		extra          []string
		want           string   // "" when no code
		findings       []string // section-9 findings, "line rule"
	}{
		// lip skin
		{"BCC upper lip", "left upper lip", "basal cell carcinoma", nil, "C44.01", nil},
		{"SCC lower lip", "lower lip", "squamous cell carcinoma", nil, "C44.02", nil},
		{"melanoma lip", "upper lip", "malignant melanoma", nil, "C43.0", nil},
		{"Merkel lip", "philtrum", "Merkel cell carcinoma", nil, "C4A.0", nil},
		{"MIS lip", "upper lip", "melanoma in situ", nil, "D03.0", nil},
		{"SCCIS lip", "upper lip", "SCC in situ", nil, "D04.0", nil},
		// eyelid: seven characters with side and upper/lower
		{"BCC right upper eyelid", "right upper eyelid", "BCC", nil, "C44.1121", nil},
		{"SCC right lower eyelid", "right lower eyelid", "SCC", nil, "C44.1222", nil},
		{"BCC left upper eyelid", "left upper eyelid", "nodular BCC", nil, "C44.1191", nil},
		{"sebaceous left lower eyelid", "left lower lid", "sebaceous carcinoma", nil, "C44.1392", nil},
		{"melanoma right upper eyelid", "right upper eyelid", "melanoma", nil, "C43.111", nil},
		{"melanoma left lower eyelid", "left lower eyelid", "invasive melanoma", nil, "C43.122", nil},
		{"Merkel right lower eyelid", "right lower eyelid", "MCC", nil, "C4A.112", nil},
		{"MIS left upper eyelid", "left upper eyelid", "lentigo maligna", nil, "D03.121", nil},
		{"SCCIS right lower eyelid", "right lower eyelid", "Bowen's disease", nil, "D04.112", nil},
		{"canthus has no upper or lower", "left medial canthus", "BCC", nil, "C44.111", []string{"4 laterality-missing"}},
		{"eyelid without a side", "upper eyelid", "BCC", nil, "C44.111", []string{"4 laterality-missing"}},
		{"melanoma eyelid without a side", "lower eyelid", "melanoma", nil, "C43.10", []string{"4 laterality-missing"}},
		// ear
		{"BCC right ear", "right helix", "BCC", nil, "C44.212", nil},
		{"SCC left ear", "left antihelix", "SCC", nil, "C44.229", nil},
		{"melanoma right ear", "right concha", "melanoma", nil, "C43.21", nil},
		{"MIS left ear", "left earlobe", "MIS", nil, "D03.22", nil},
		{"ear without a side", "helix", "BCC", nil, "C44.211", []string{"4 laterality-missing"}},
		{"melanoma ear without a side", "tragus", "melanoma", nil, "C43.20", []string{"4 laterality-missing"}},
		// nose and other face
		{"BCC nose", "left nasal ala", "basal cell carcinoma, infiltrative", nil, "C44.311", nil},
		{"SCC nose", "nasal tip", "SCC, keratoacanthoma type", nil, "C44.321", nil},
		{"DFSP nose", "nasal dorsum", "DFSP", nil, "C44.391", nil},
		{"melanoma nose", "nose", "melanoma", nil, "C43.31", nil},
		{"MIS nose is D03.39", "nose", "melanoma in situ", nil, "D03.39", nil},
		{"SCCIS nose is D04.39", "nose", "SCC in situ", nil, "D04.39", nil},
		{"BCC cheek", "right cheek", "BCC", nil, "C44.319", nil},
		{"SCC temple", "left temple", "SCC", nil, "C44.329", nil},
		{"AFX forehead", "forehead", "atypical fibroxanthoma", nil, "C44.399", nil},
		{"melanoma chin", "chin", "melanoma", nil, "C43.39", nil},
		{"Merkel cheek", "cheek", "Merkel cell carcinoma", nil, "C4A.39", nil},
		// scalp and neck: five characters
		{"BCC scalp", "mid parietal scalp", "Basal Cell CA.", nil, "C44.41", nil},
		{"SCC neck", "left neck", "SCC", nil, "C44.42", nil},
		{"MAC scalp", "vertex", "microcystic adnexal carcinoma", nil, "C44.49", nil},
		{"melanoma scalp", "scalp", "melanoma", nil, "C43.4", nil},
		{"SCCIS neck", "neck", "SCCIS", nil, "D04.4", nil},
		// trunk
		{"EMPD perianal", "perianal", "extramammary Paget's disease", nil, "C44.590", nil},
		{"BCC breast", "left breast", "BCC", nil, "C44.511", nil},
		{"SCC back", "upper back", "SCC", nil, "C44.529", nil},
		{"melanoma chest", "chest", "melanoma", nil, "C43.59", nil},
		{"Merkel breast", "right breast", "Merkel cell carcinoma", nil, "C4A.52", nil},
		{"SCCIS trunk is D04.5", "abdomen", "squamous cell carcinoma in situ", nil, "D04.5", nil},
		// upper limb
		{"BCC right forearm", "right forearm", "BCC", nil, "C44.612", nil},
		{"SCC left hand", "left dorsal hand", "SCC", nil, "C44.629", nil},
		{"melanoma right shoulder", "right shoulder", "melanoma", nil, "C43.61", nil},
		{"MIS left arm", "left upper arm", "melanoma in situ", nil, "D03.62", nil},
		{"SCCIS right wrist", "right wrist", "SCC in situ", nil, "D04.61", nil},
		{"arm without a side", "forearm", "BCC", nil, "C44.611", []string{"4 laterality-missing"}},
		{"SCCIS arm without a side", "forearm", "SCCIS", nil, "D04.60", []string{"4 laterality-missing"}},
		// lower limb
		{"BCC right shin", "right shin", "BCC", nil, "C44.712", nil},
		{"SCC left foot", "left dorsal foot", "SCC", nil, "C44.729", nil},
		{"melanoma right hip", "right hip", "melanoma", nil, "C43.71", nil},
		{"Merkel left thigh", "left thigh", "MCC", nil, "C4A.72", nil},
		{"leg bilateral", "bilateral shins", "BCC", nil, "C44.711", []string{"4 laterality-missing"}},
		{"melanoma leg without a side", "calf", "melanoma", nil, "C43.70", []string{"4 laterality-missing"}},
		// the Side field
		{"Side gives the side", "forearm", "BCC", []string{"Side: left"}, "C44.619", nil},
		{"Side wins over the site text", "left forearm", "BCC", []string{"Laterality: right"}, "C44.612", []string{"9 laterality-conflict"}},
		// not coded here
		{"vulva", "right labia majora", "extramammary Paget disease", nil, "", []string{"6 diagnosis-code-review"}},
		{"penis", "penis", "SCC in situ", nil, "", []string{"6 diagnosis-code-review"}},
		{"scrotum", "scrotum", "SCC", nil, "", []string{"6 diagnosis-code-review"}},
		{"vermilion", "lower lip vermilion", "SCC", nil, "", []string{"6 diagnosis-code-review"}},
		// diagnoses that do not count
		{"benign", "nose", "seborrheic keratosis", nil, "", []string{"6 diagnosis-not-mohs"}},
		{"rule out", "nose", "r/o BCC", nil, "", []string{"6 diagnosis-unconfirmed"}},
		{"history of", "nose", "history of melanoma", nil, "", []string{"6 diagnosis-unconfirmed"}},
	}
	section9 := map[string]bool{"laterality-missing": true, "laterality-conflict": true, "diagnosis-code-review": true,
		"diagnosis-not-mohs": true, "diagnosis-unconfirmed": true}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, dxNote(tc.site, tc.dx, tc.extra...))
			if tc.want == "" {
				assert.Empty(t, c.Diagnoses)
			} else {
				assert.Equal(t, []string{tc.want}, dxCodes(c))
			}
			got := []string{}
			for _, f := range c.Findings {
				if section9[f.Rule] {
					got = append(got, strconv.Itoa(f.Line)+" "+f.Rule)
				}
			}
			want := tc.findings
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, got)
			require.NotEmpty(t, c.Lines, "the lines stay")
		})
	}
}

// Diagnosis pointers follow order of first use; every line points to its
// lesions' diagnoses, a summed repair line to each of them.
func TestDiagnosisPointers(t *testing.T) {
	c := code(t, withHeader(
		"Lesion 1",
		"Site: right cheek",
		"Dx: BCC",
		"Stage 1: 1 block; margins: clear",
		"Repair: intermediate, 2.0 cm, after clearance",
		"Lesion 2",
		"Site: left temple",
		"Dx: squamous cell carcinoma",
		"Stage 1: 6 blocks; margins: clear",
		"Repair: intermediate, 1.5 cm, after clearance",
		"Lesion 3",
		"Site: right cheek",
		"Dx: basal cell carcinoma, nodular",
		"Stage 1: 1 block; margins: clear",
		"Biopsy 1: punch biopsy, left forearm",
		"  Diagnosis: squamous cell carcinoma in situ",
		"Biopsy 2: shave biopsy, right shin",
		"  Clinical impression: rule out BCC",
	))
	assert.Equal(t, []string{"C44.319", "C44.329", "D04.62"}, dxCodes(c))
	got := map[string][]int{}
	for _, l := range c.Lines {
		got[l.Lesion+" "+l.Code] = l.DiagnosisPointers
	}
	assert.Equal(t, map[string][]int{
		"1 17311":        {1},
		"2 17311":        {2},
		"2 17315":        {2},
		"3 17311":        {1},    // same code as lesion 1: the same pointer
		"1,2 12052":      {1, 2}, // 2.0 + 1.5 = 3.5 cm of face
		"biopsy 1 11104": {3},
		"biopsy 2 11103": {}, // a clinical impression codes nothing
	}, got)
}

// A postoperative diagnosis that differs takes precedence.
func TestPostoperativeDiagnosis(t *testing.T) {
	c := code(t, dxNote("nose", "basal cell carcinoma", "Postoperative diagnosis: basosquamous carcinoma with SCC in situ"))
	assert.Equal(t, []string{"C44.391"}, dxCodes(c), "basosquamous is its own histology, C44 other specified (docs/coding-rules.md section 9)")
	c = code(t, dxNote("nose", "BCC", "Postop diagnosis: squamous cell carcinoma, poorly differentiated"))
	assert.Equal(t, []string{"C44.321"}, dxCodes(c))
	assert.Contains(t, findings(c), "9 postoperative-diagnosis-used info 1")
}
