package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/lower"
)

// TestRunOnForms: a web page's copy that lost a form's line breaks runs
// its fields on after the heading ("… Procedure Note (2 sites) Patient: …
// Insurance: Humana Gold Plus HMO (Medicare Advantage) Place of Service:
// 11") or glues each value to the next key ("Tumor site:right nasal
// dorsumDiagnosis:basal cell …"); each field is read as if it stood on a
// line of its own, so the payer picks its profile (CODING-RULES §8) and
// the site and diagnosis their codes (§9). A sentence that names keys is
// still prose.
func TestRunOnForms(t *testing.T) {
	tests := []struct {
		name, src                             string
		payer, place, site, diagnosis, repair string
	}{
		{"fields run on after the heading",
			"BRAMBLEWOOD DERMATOLOGY Mohs Surgery - Procedure Note (2 sites) Patient: Ashgrove, B DOB: 09/30/1951 Date of Service: 10/07/2026 Surgeon: T. Okonkwo, MD Insurance: Humana Gold Plus HMO (Medicare Advantage) Place of Service: 11\n" +
				"Site: left cheek\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; clear\n",
			"Humana Gold Plus HMO (Medicare Advantage)", "11", "left cheek", "basal cell carcinoma", ""},
		{"values glued to the next key",
			"HOLLIN RIDGE DERMATOLOGY - MOHS SURGERY SUMMARY\n" +
				"Patient:Stroud, F.DOB:10/21/1955Date of Service:10/16/2026Provider:M. Adebayo, MDPayer:UnitedHealthcare Navigate HMOPOS:11\n" +
				"Tumor site:right nasal dorsumDiagnosis:basal cell carcinoma, infiltrativePostop diagnosis:same\n" +
				"Stage 1: 2 blocks; clear\n" +
				"Final defect:1.7 x 1.5 cmRepair:rhombic transposition flap after tumor clearanceSecondary defect:2.8 sq cm\n",
			"UnitedHealthcare Navigate HMO", "11", "right nasal dorsum", "basal cell carcinoma, infiltrative", "rhombic transposition flap after tumor clearance"},
		{"a heading whose last word runs into the first key",
			"BRAMBLEWOOD DERMATOLOGY Mohs Surgery - Procedure Note Patient: Dunsford, G P DOB: 05/17/1949 Date of Service: 10/19/2026 Surgeon: T. Okonkwo, MD Insurance: Aetna Choice POS II Place of Service: 11\n" +
				"Site: left temple\nDiagnosis: squamous cell carcinoma\nStage 1: 2 blocks; clear\n",
			"Aetna Choice POS II", "11", "left temple", "squamous cell carcinoma", ""},
		{"a key after a physician's credential, its line cut by a wrap",
			"SALTMARSH SKIN SURGERY OPERATIVE REPORT PATIENT:Tremaine, H.\nDOB:04/03/1939 DATE OF SERVICE:10/20/2026 SURGEON:Evander\nQuiroga-Lindqvist, DO INSURANCE:Medicare Part B\n" +
				"Site: left forehead\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; clear\n",
			"Medicare Part B", "", "left forehead", "basal cell carcinoma", ""},
		{"a sentence that names keys is prose",
			"Date of service: 10/07/2026\nSite: left cheek\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; clear\n" +
				"The patient asked about the form, which lists Payer: and Surgeon: and Insurance: fields; we explained that these are billing items and that the surgery itself was done today.\n",
			"", "", "left cheek", "basal cell carcinoma", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			assert.Equal(t, tc.payer, n.Encounter.Payer.Value)
			assert.Equal(t, tc.place, n.Encounter.PlaceOfService.Value)
			if assert.Len(t, n.Lesions, 1) {
				les := n.Lesions[0]
				assert.Equal(t, tc.site, les.Site.Text.Value)
				assert.Equal(t, tc.diagnosis, les.Diagnosis.Value)
				repair := ""
				if len(les.Repairs) > 0 {
					repair = les.Repairs[0].Value.Value
				}
				assert.Equal(t, tc.repair, repair)
			}
		})
	}
}

// TestGluedLog: a paste that lost a Mohs log's line breaks runs its header
// and rows together on one line ("MOHS LOG Stage | Blocks | Margins | Stains
// | Histology Stage 1 | 6 | … Stage 2 | 2 | clear | …"), its totals after
// the last row as fields; each row is read as its stage (CODING-RULES §2:
// blocks per stage). A line whose rows do not fill every column is not.
func TestGluedLog(t *testing.T) {
	const head = "DOS: 10/16/2026\nTumor site: right nasal dorsum\nSlides read by: Mohs surgeon\n"
	tests := []struct{ name, log, want string }{
		{"rows glued, no totals",
			"MOHS LOG Stage | Blocks | Margins | Stains | Histology Stage 1 | 4 | block 4 positive (deep); blocks 1-3 clear | H&E | well-differentiated SCC, no perineural invasion Stage 2 | 1 | clear | H&E | no residual tumor\n",
			"right nasal dorsum 4+ 1-"},
		{"rows glued, totals after them",
			"MOHS LOG Stage | Blocks | Margins | Stains | Histology Stage 1 | 6 | block 4 positive (deep); blocks 1-3, 5 and 6 clear | H&E | infiltrative BCC, no perineural invasion Stage 2 | 2 | clear | H&E | no residual tumor Total stages:2 | Total blocks:8\n",
			"right nasal dorsum 6+ 2-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, stagesAndMargins(mustLower(t, head+tc.log)))
		})
	}
	short := strings.Split("MOHS LOG Stage | Blocks | Margins | Stains | Histology Stage 1 | 4 | block 4 positive (deep) | H&E Stage 2 | 1 | clear | H&E | no residual tumor", " | ")
	assert.Nil(t, lower.GluedLogFields(lexer.Position{Line: 4, Column: 1}, short), "a row short of a column is no glued log")
}

// TestGluedLabel: a lesion label whose site a paste glued to the fields
// after it ("Lesion A:right medial cheekDiagnosis:basal cell carcinoma,
// nodularPre-op size:0.9 x 0.8 cmMohs map:drawn") opens the lesion at that
// site with those fields (CODING-RULES §1: site-missing codes nothing).
func TestGluedLabel(t *testing.T) {
	n := mustLower(t, "DOS: 10/30/2026\nSlides read by: Mohs surgeon\n"+
		"Lesion A:right medial cheekDiagnosis:basal cell carcinoma, nodularPre-op size:0.9 x 0.8 cmMohs map:drawn\nStage 1: 2 blocks; clear\n"+
		"Lesion B:left upper chestDiagnosis:squamous cell carcinoma in situPre-op size:1.5 x 1.2 cmMohs map:drawn\nStage 1: 2 blocks; clear\n")
	var got []string
	for _, les := range n.Lesions {
		got = append(got, les.Label+" "+les.Site.Text.Value+" / "+les.Diagnosis.Value+" "+fmt.Sprint(les.Size.Dims, les.Map.Yes))
	}
	assert.Equal(t, []string{"A right medial cheek / basal cell carcinoma, nodular [0.9 0.8] true", "B left upper chest / squamous cell carcinoma in situ [1.5 1.2] true"}, got)
}
