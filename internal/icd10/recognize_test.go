package icd10

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecognize(t *testing.T) {
	cases := []struct {
		name string
		text string
		want Recognition
	}{
		// basal cell carcinoma
		{"bcc full", "Basal cell carcinoma", Recognition{Histology: "bcc", Matched: "Basal cell carcinoma"}},
		{"bcc punctuation and subtype after", "Basal cell carcinoma, nodular type.", Recognition{Histology: "bcc", Subtype: "nodular", Matched: "Basal cell carcinoma"}},
		{"bcc abbreviation", "BCC", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"bcc lower case", "bcc of the left nasal ala", Recognition{Histology: "bcc", Matched: "bcc"}},
		{"basal cell CA", "Basal cell CA", Recognition{Histology: "bcc", Matched: "Basal cell CA"}},
		{"speech-recognition misspelling", "bassal cell carcinoma", Recognition{Histology: "bcc", Matched: "bassal cell carcinoma"}},
		{"speech-recognition misspelling of basal", "basil cell carcinoma, superficial and nodular", Recognition{Histology: "bcc", Subtype: "superficial, nodular", Matched: "basil cell carcinoma"}},
		{"Basal Cell CA.", "Basal Cell CA.", Recognition{Histology: "bcc", Matched: "Basal Cell CA"}},
		{"plural", "two BCCs", Recognition{Histology: "bcc", Matched: "BCCs"}},
		{"sclerosing", "sclerosing BCC", Recognition{Histology: "bcc", Subtype: "sclerosing", Matched: "BCC"}},
		{"morpheaform", "Morpheaform basal cell carcinoma", Recognition{Histology: "bcc", Subtype: "morpheaform", Matched: "basal cell carcinoma"}},
		{"micronodular", "micronodular BCC", Recognition{Histology: "bcc", Subtype: "micronodular", Matched: "BCC"}},
		{"superficial", "Superficial BCC", Recognition{Histology: "bcc", Subtype: "superficial", Matched: "BCC"}},
		{"nodular", "nodular BCC", Recognition{Histology: "bcc", Subtype: "nodular", Matched: "BCC"}},
		{"infiltrative", "BCC, infiltrative", Recognition{Histology: "bcc", Subtype: "infiltrative", Matched: "BCC"}},
		{"two subtypes", "nodular and infiltrative basal cell carcinoma", Recognition{Histology: "bcc", Subtype: "nodular, infiltrative", Matched: "basal cell carcinoma"}},
		{"slash subtypes", "sclerosing/morpheaform BCC", Recognition{Histology: "bcc", Subtype: "sclerosing, morpheaform", Matched: "BCC"}},
		// basosquamous (metatypical) carcinoma is its own histology (docs/coding-rules.md section 9)
		{"basosquamous alone", "basosquamous", Recognition{Histology: "basosquamous", Matched: "basosquamous"}},
		{"basosquamous carcinoma", "Basosquamous carcinoma", Recognition{Histology: "basosquamous", Matched: "Basosquamous carcinoma"}},
		{"bcc basosquamous type", "BCC, basosquamous type", Recognition{Histology: "basosquamous", Matched: "basosquamous"}},
		{"basosquamous metatypical", "Basosquamous (metatypical) carcinoma, right nasal ala.", Recognition{Histology: "basosquamous", Subtype: "metatypical", Matched: "Basosquamous"}},
		{"metatypical carcinoma", "metatypical carcinoma", Recognition{Histology: "basosquamous", Subtype: "metatypical", Matched: "metatypical carcinoma"}},
		// LAYOUTS.md: basosquamous is also written basilosquamous [PD]; BCCN is nodular BCC [LAI]
		{"basilosquamous", "Basilosquamous carcinoma of the nose", Recognition{Histology: "basosquamous", Matched: "Basilosquamous carcinoma"}},
		{"BCCN", "BCCN", Recognition{Histology: "bcc", Subtype: "nodular", Matched: "BCCN"}},
		{"nBCC", "nBCC, left cheek", Recognition{Histology: "bcc", Subtype: "nodular", Matched: "nBCC"}},
		{"sBCC", "sBCC", Recognition{Histology: "bcc", Subtype: "superficial", Matched: "sBCC"}},
		{"scc basosquamous features", "SCC with basosquamous features", Recognition{Histology: "basosquamous", Matched: "basosquamous"}},
		{"rule out basosquamous", "BCC, rule out basosquamous", Recognition{Histology: "bcc", Matched: "BCC"}},
		// squamous cell carcinoma
		{"scc", "SCC", Recognition{Histology: "scc", Matched: "SCC"}},
		{"scc full", "Squamous cell carcinoma", Recognition{Histology: "scc", Matched: "Squamous cell carcinoma"}},
		{"invasive scc", "invasive SCC", Recognition{Histology: "scc", Matched: "invasive SCC"}},
		{"keratoacanthoma type scc", "keratoacanthoma type SCC", Recognition{Histology: "scc", Subtype: "keratoacanthoma type", Matched: "SCC"}},
		{"scc keratoacanthoma type", "SCC, keratoacanthoma type", Recognition{Histology: "scc", Subtype: "keratoacanthoma type", Matched: "SCC"}},
		{"well differentiated", "well differentiated SCC", Recognition{Histology: "scc", Subtype: "well differentiated", Matched: "SCC"}},
		{"well-differentiated hyphen", "Well-differentiated squamous cell carcinoma", Recognition{Histology: "scc", Subtype: "well differentiated", Matched: "squamous cell carcinoma"}},
		{"moderately differentiated", "moderately differentiated SCC", Recognition{Histology: "scc", Subtype: "moderately differentiated", Matched: "SCC"}},
		{"poorly differentiated", "SCC, poorly differentiated", Recognition{Histology: "scc", Subtype: "poorly differentiated", Matched: "SCC"}},
		{"lower-case is is not in situ", "SCC is present", Recognition{Histology: "scc", Matched: "SCC"}},
		{"subtype of another histology ignored", "nodular SCC", Recognition{Histology: "scc", Matched: "SCC"}},
		// squamous cell carcinoma in situ: longest match
		{"scc in situ", "SCC in situ", Recognition{Histology: "scc-in-situ", Matched: "SCC in situ"}},
		{"scc in-situ", "SCC in-situ", Recognition{Histology: "scc-in-situ", Matched: "SCC in-situ"}},
		{"squamous cell carcinoma in situ", "Squamous cell carcinoma in situ", Recognition{Histology: "scc-in-situ", Matched: "Squamous cell carcinoma in situ"}},
		{"scc comma in situ", "SCC, in situ", Recognition{Histology: "scc-in-situ", Matched: "SCC, in situ"}},
		{"scc parenthesised in situ", "Squamous cell carcinoma (in situ)", Recognition{Histology: "scc-in-situ", Matched: "Squamous cell carcinoma (in situ"}},
		{"bowen's disease", "Bowen's disease", Recognition{Histology: "scc-in-situ", Matched: "Bowen's disease"}},
		{"bowen’s curly apostrophe", "Bowen’s disease", Recognition{Histology: "scc-in-situ", Matched: "Bowen’s disease"}},
		{"bowen disease", "Bowen disease", Recognition{Histology: "scc-in-situ", Matched: "Bowen disease"}},
		{"sccis", "SCCIS", Recognition{Histology: "scc-in-situ", Matched: "SCCIS"}},
		{"SCC IS capitals", "SCC IS", Recognition{Histology: "scc-in-situ", Matched: "SCC IS"}},
		// melanoma: longest match
		{"melanoma", "melanoma", Recognition{Histology: "melanoma", Matched: "melanoma"}},
		{"invasive melanoma", "Invasive melanoma", Recognition{Histology: "melanoma", Matched: "Invasive melanoma"}},
		{"malignant melanoma subtype", "Malignant melanoma, superficial spreading type", Recognition{Histology: "melanoma", Subtype: "superficial spreading", Matched: "Malignant melanoma"}},
		{"lentigo maligna melanoma", "lentigo maligna melanoma", Recognition{Histology: "melanoma", Subtype: "lentigo maligna", Matched: "lentigo maligna melanoma"}},
		{"LMM", "LMM", Recognition{Histology: "melanoma", Subtype: "lentigo maligna", Matched: "LMM"}},
		{"lentigo maligna", "Lentigo maligna", Recognition{Histology: "melanoma-in-situ", Subtype: "lentigo maligna", Matched: "Lentigo maligna"}},
		{"LM", "LM", Recognition{Histology: "melanoma-in-situ", Subtype: "lentigo maligna", Matched: "LM"}},
		{"melanoma in situ", "Melanoma in situ", Recognition{Histology: "melanoma-in-situ", Matched: "Melanoma in situ"}},
		{"MIS", "MIS, right cheek", Recognition{Histology: "melanoma-in-situ", Matched: "MIS"}},
		{"melanoma in situ lentigo maligna type", "Melanoma in situ, lentigo maligna type", Recognition{Histology: "melanoma-in-situ", Subtype: "lentigo maligna", Matched: "Melanoma in situ"}},
		{"melanoma comma in situ", "melanoma, in situ", Recognition{Histology: "melanoma-in-situ", Matched: "melanoma, in situ"}},
		{"in situ component is not in situ", "invasive melanoma with in situ component", Recognition{Histology: "melanoma", Matched: "invasive melanoma"}},
		{"lentigo maligna then melanoma sentence", "Lentigo maligna. Melanoma excluded.", Recognition{Histology: "melanoma-in-situ", Subtype: "lentigo maligna", Matched: "Lentigo maligna"}},
		// other histologies
		{"merkel", "Merkel cell carcinoma", Recognition{Histology: "merkel", Matched: "Merkel cell carcinoma"}},
		{"MCC", "MCC", Recognition{Histology: "merkel", Matched: "MCC"}},
		{"dfsp", "DFSP", Recognition{Histology: "dfsp", Matched: "DFSP"}},
		{"dfsp full", "dermatofibrosarcoma protuberans", Recognition{Histology: "dfsp", Matched: "dermatofibrosarcoma protuberans"}},
		{"empd", "EMPD", Recognition{Histology: "empd", Matched: "EMPD"}},
		{"empd full", "Extramammary Paget's disease", Recognition{Histology: "empd", Matched: "Extramammary Paget's disease"}},
		{"mac", "MAC", Recognition{Histology: "mac", Matched: "MAC"}},
		{"mac full", "microcystic adnexal carcinoma", Recognition{Histology: "mac", Matched: "microcystic adnexal carcinoma"}},
		{"afx", "AFX", Recognition{Histology: "afx", Matched: "AFX"}},
		{"afx full", "Atypical fibroxanthoma", Recognition{Histology: "afx", Matched: "Atypical fibroxanthoma"}},
		{"sebaceous", "Sebaceous carcinoma", Recognition{Histology: "sebaceous", Matched: "Sebaceous carcinoma"}},
		// whole words
		{"MIS not inside MISSING", "MISSING", Recognition{NotMohs: true}},
		{"LM not inside HELM", "HELM", Recognition{NotMohs: true}},
		{"lower-case mis is a word", "mis", Recognition{NotMohs: true}},
		{"MAC not inside macular", "macular lesion", Recognition{NotMohs: true}},
		{"BCC not inside BCCX", "BCCX", Recognition{NotMohs: true}},
		// negation and uncertainty
		{"rule out", "rule out BCC", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "rule out"}},
		{"r/o", "r/o SCC", Recognition{Unconfirmed: true, Tentative: "scc", Matched: "SCC", Cue: "r/o"}},
		{"R/O capitals", "R/O melanoma", Recognition{Unconfirmed: true, Tentative: "melanoma", Matched: "melanoma", Cue: "R/O"}},
		{"history of", "history of melanoma", Recognition{Unconfirmed: true, Tentative: "melanoma", Matched: "melanoma", Cue: "history of"}},
		{"h/o", "h/o BCC", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "h/o"}},
		{"no evidence of", "No evidence of melanoma in situ", Recognition{Unconfirmed: true, Tentative: "melanoma-in-situ", Matched: "melanoma in situ", Cue: "No evidence of"}},
		{"possible", "possible BCC", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "possible"}},
		{"suspected", "suspected SCC", Recognition{Unconfirmed: true, Tentative: "scc", Matched: "SCC", Cue: "suspected"}},
		{"suspected after", "SCC suspected", Recognition{Unconfirmed: true, Tentative: "scc", Matched: "SCC", Cue: "suspected"}},
		{"suspicious for", "suspicious for melanoma", Recognition{Unconfirmed: true, Tentative: "melanoma", Matched: "melanoma", Cue: "suspicious for"}},
		{"versus", "BCC versus SCC", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "versus"}},
		{"vs.", "SCC vs. keratoacanthoma", Recognition{Unconfirmed: true, Tentative: "scc", Matched: "SCC", Cue: "vs"}},
		{"ruled out", "melanoma ruled out", Recognition{Unconfirmed: true, Tentative: "melanoma", Matched: "melanoma", Cue: "ruled out"}},
		{"question mark", "BCC?", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "?"}},
		{"consistent with", "consistent with BCC", Recognition{Unconfirmed: true, Tentative: "bcc", Matched: "BCC", Cue: "consistent with"}},
		{"hedged benign and malignant", "seborrheic keratosis vs melanoma", Recognition{Unconfirmed: true, Tentative: "melanoma", Matched: "melanoma", Cue: "vs"}},
		{"cue ends at comma", "History of melanoma, BCC of left nose", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"cue ends at semicolon", "r/o SCC; BCC", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"cue ends at but", "h/o SCC but BCC today", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"negation after the diagnosis", "BCC, no perineural invasion", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"negated subtype", "BCC, no infiltrative component", Recognition{Histology: "bcc", Matched: "BCC"}},
		{"negated second diagnosis", "BCC, not SCC", Recognition{Histology: "bcc", Matched: "BCC"}},
		// not Mohs
		{"seborrheic keratosis", "Seborrheic keratosis", Recognition{NotMohs: true, Matched: "Seborrheic keratosis"}},
		{"actinic keratosis", "actinic keratosis", Recognition{NotMohs: true, Matched: "actinic keratosis"}},
		{"AK", "AK", Recognition{NotMohs: true, Matched: "AK"}},
		{"nevus", "dysplastic nevus with moderate atypia", Recognition{NotMohs: true, Matched: "dysplastic nevus"}},
		{"keratoacanthoma alone", "keratoacanthoma", Recognition{NotMohs: true, Matched: "keratoacanthoma"}},
		{"solar lentigo", "solar lentigo", Recognition{NotMohs: true, Matched: "solar lentigo"}},
		{"non-melanoma skin cancer", "non-melanoma skin cancer", Recognition{NotMohs: true, Matched: "non-melanoma skin cancer"}},
		{"nothing known", "lesion of the nose", Recognition{NotMohs: true}},
		{"punctuation only", "...", Recognition{NotMohs: true}},
		{"malignancy beats benign", "SCC arising in actinic keratosis", Recognition{Histology: "scc", Matched: "SCC"}},
		{"first malignancy wins", "BCC and SCC in situ", Recognition{Histology: "bcc", Matched: "BCC"}},
		// blank
		{"empty", "", Recognition{}},
		{"spaces", "  \t\n", Recognition{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Recognize(tc.text))
		})
	}
}

func TestRecognitionIssues(t *testing.T) {
	cases := []struct {
		name string
		text string
		rule string
		msg  string
	}{
		{"confirmed", "BCC", "", ""},
		{"blank", "", "", ""},
		{"unconfirmed", "r/o BCC", "diagnosis-unconfirmed", `"r/o"`},
		{"benign", "seborrheic keratosis", "diagnosis-not-mohs", `"seborrheic keratosis"`},
		{"nothing", "lesion", "diagnosis-not-mohs", "no recognised"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			issues := Recognize(tc.text).Issues()
			if tc.rule == "" {
				assert.Empty(t, issues)
				return
			}
			require.Len(t, issues, 1)
			assert.Equal(t, tc.rule, issues[0].Rule)
			assert.Contains(t, issues[0].Message, tc.msg)
		})
	}
}

// TestRecognizedHistologiesCode checks that every histology the recogniser returns has codes.
func TestRecognizedHistologiesCode(t *testing.T) {
	for _, h := range Histologies() {
		t.Run(string(h), func(t *testing.T) {
			assert.True(t, h.Valid())
			assert.NotEmpty(t, Code(Input{Histology: h, ICDSite: "trunk"}).Code)
		})
	}
	assert.False(t, Histology("").Valid())
	assert.False(t, Histology("lymphoma").Valid())
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"", "BCC", "r/o SCC", "Basal cell carcinoma, nodular type.", "lentigo maligna melanoma",
		"SCC, in situ", "Bowen’s disease", "BCC?", "h/o melanoma but MIS today", "a/", "'s", "vs.",
		"r/", "\xe2\x80", "x/y/z", "((((", strings.Repeat("BCC vs SCC ", 40),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Recognize(s)
		n := 0
		for _, b := range []bool{r.Histology != "", r.Unconfirmed, r.NotMohs} {
			if b {
				n++
			}
		}
		if strings.TrimSpace(s) == "" {
			if n != 0 {
				t.Fatalf("blank %q: %+v", s, r)
			}
			return
		}
		if n != 1 {
			t.Fatalf("%q: want exactly one of Histology, Unconfirmed, NotMohs: %+v", s, r)
		}
		if r.Histology != "" && !r.Histology.Valid() {
			t.Fatalf("%q: invalid histology %+v", s, r)
		}
		if !strings.Contains(s, r.Matched) || !strings.Contains(s, r.Cue) {
			t.Fatalf("%q: Matched/Cue not from the text: %+v", s, r)
		}
		if r.Unconfirmed && (r.Cue == "" || !r.Tentative.Valid()) {
			t.Fatalf("%q: unconfirmed without cue or tentative histology: %+v", s, r)
		}
	})
}

var benchTexts = map[string]string{
	"short":    "BCC",
	"typical":  "Basal cell carcinoma, nodular type.",
	"negation": "History of melanoma; r/o SCC in situ vs keratoacanthoma type SCC",
	"long":     "Preoperative diagnosis: biopsy-proven well-differentiated squamous cell carcinoma of the left preauricular cheek, no perineural invasion identified on the outside biopsy report.",
}

func BenchmarkRecognize(b *testing.B) {
	for name, text := range benchTexts {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Recognize(text)
			}
		})
	}
}
