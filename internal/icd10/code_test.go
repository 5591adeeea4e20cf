package icd10

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
)

// sectionNineRow is one row of the docs/coding-rules.md section 9 table, written out by hand for
// every column: the C44 pattern for basal cell (1), squamous cell (2), other specified (9, the
// DFSP/EMPD/MAC/AFX column) and sebaceous (9, or 3 on the eyelid), then C43, C4A, D03, D04.
type sectionNineRow struct {
	name                                        string
	site, side, part                            string
	bcc, scc, other, sebaceous                  string
	melanoma, merkel, melanomaInSitu, sccInSitu string
}

// lateral rows: the codes with a usable side (and eyelid part).
var sectionNine = []sectionNineRow{
	{"lip", "lip", "", "", "C44.01", "C44.02", "C44.09", "C44.09", "C43.0", "C4A.0", "D03.0", "D04.0"},
	{"eyelid right upper", "eyelid", "right", "upper", "C44.1121", "C44.1221", "C44.1921", "C44.1321", "C43.111", "C4A.111", "D03.111", "D04.111"},
	{"eyelid right lower", "eyelid", "right", "lower", "C44.1122", "C44.1222", "C44.1922", "C44.1322", "C43.112", "C4A.112", "D03.112", "D04.112"},
	{"eyelid left upper", "eyelid", "left", "upper", "C44.1191", "C44.1291", "C44.1991", "C44.1391", "C43.121", "C4A.121", "D03.121", "D04.121"},
	{"eyelid left lower", "eyelid", "left", "lower", "C44.1192", "C44.1292", "C44.1992", "C44.1392", "C43.122", "C4A.122", "D03.122", "D04.122"},
	{"ear right", "ear", "right", "", "C44.212", "C44.222", "C44.292", "C44.292", "C43.21", "C4A.21", "D03.21", "D04.21"},
	{"ear left", "ear", "left", "", "C44.219", "C44.229", "C44.299", "C44.299", "C43.22", "C4A.22", "D03.22", "D04.22"},
	{"nose", "nose", "", "", "C44.311", "C44.321", "C44.391", "C44.391", "C43.31", "C4A.31", "D03.39", "D04.39"},
	{"other face", "face", "", "", "C44.319", "C44.329", "C44.399", "C44.399", "C43.39", "C4A.39", "D03.39", "D04.39"},
	{"scalp and neck", "scalp-neck", "", "", "C44.41", "C44.42", "C44.49", "C44.49", "C43.4", "C4A.4", "D03.4", "D04.4"},
	{"anal skin", "anal", "", "", "C44.510", "C44.520", "C44.590", "C44.590", "C43.51", "C4A.51", "D03.51", "D04.5"},
	{"breast skin", "breast", "", "", "C44.511", "C44.521", "C44.591", "C44.591", "C43.52", "C4A.52", "D03.52", "D04.5"},
	{"other trunk", "trunk", "", "", "C44.519", "C44.529", "C44.599", "C44.599", "C43.59", "C4A.59", "D03.59", "D04.5"},
	{"upper limb right", "upper-limb", "right", "", "C44.612", "C44.622", "C44.692", "C44.692", "C43.61", "C4A.61", "D03.61", "D04.61"},
	{"upper limb left", "upper-limb", "left", "", "C44.619", "C44.629", "C44.699", "C44.699", "C43.62", "C4A.62", "D03.62", "D04.62"},
	{"lower limb right", "lower-limb", "right", "", "C44.712", "C44.722", "C44.792", "C44.792", "C43.71", "C4A.71", "D03.71", "D04.71"},
	{"lower limb left", "lower-limb", "left", "", "C44.719", "C44.729", "C44.799", "C44.799", "C43.72", "C4A.72", "D03.72", "D04.72"},
}

// unspecified rows: the codes used, with laterality-missing, when the side or eyelid part is
// missing or unusable.
var sectionNineUnspecified = []sectionNineRow{
	{"eyelid", "eyelid", "", "", "C44.111", "C44.121", "C44.191", "C44.131", "C43.10", "C4A.10", "D03.10", "D04.10"},
	{"ear", "ear", "", "", "C44.211", "C44.221", "C44.291", "C44.291", "C43.20", "C4A.20", "D03.20", "D04.20"},
	{"upper limb", "upper-limb", "", "", "C44.611", "C44.621", "C44.691", "C44.691", "C43.60", "C4A.60", "D03.60", "D04.60"},
	{"lower limb", "lower-limb", "", "", "C44.711", "C44.721", "C44.791", "C44.791", "C43.70", "C4A.70", "D03.70", "D04.70"},
}

// cells expands a row into (histology, expected code) pairs: every column, with each of the
// "other specified" histologies in the other column.
func (r sectionNineRow) cells() []struct {
	h    Histology
	code string
} {
	type cell = struct {
		h    Histology
		code string
	}
	return []cell{
		{HistologyBCC, r.bcc},
		{HistologySCC, r.scc},
		{HistologyBasosquamous, r.other},
		{HistologyDFSP, r.other},
		{HistologyEMPD, r.other},
		{HistologyMAC, r.other},
		{HistologyAFX, r.other},
		{HistologySebaceous, r.sebaceous},
		{HistologyMelanoma, r.melanoma},
		{HistologyMerkel, r.merkel},
		{HistologyMelanomaInSitu, r.melanomaInSitu},
		{HistologySCCInSitu, r.sccInSitu},
	}
}

// histologyNames are our description words, by hand.
var histologyNames = map[Histology]string{
	HistologyBCC:            "Basal cell carcinoma",
	HistologySCC:            "Squamous cell carcinoma",
	HistologyBasosquamous:   "Basosquamous (metatypical) carcinoma",
	HistologyDFSP:           "Dermatofibrosarcoma protuberans",
	HistologyEMPD:           "Extramammary Paget disease",
	HistologyMAC:            "Microcystic adnexal carcinoma",
	HistologyAFX:            "Atypical fibroxanthoma",
	HistologySebaceous:      "Sebaceous carcinoma",
	HistologyMelanoma:       "Malignant melanoma",
	HistologyMerkel:         "Merkel cell carcinoma",
	HistologyMelanomaInSitu: "Melanoma in situ",
	HistologySCCInSitu:      "Squamous cell carcinoma in situ",
}

func TestCodeSectionNineTable(t *testing.T) {
	for _, row := range sectionNine {
		for _, c := range row.cells() {
			t.Run(row.name+"/"+string(c.h), func(t *testing.T) {
				got := Code(Input{Histology: c.h, ICDSite: row.site, Side: row.side, EyelidPart: row.part})
				assert.Equal(t, c.code, got.Code)
				assert.Equal(t, reviewedHistology(c.h), issueRules(got.Issues))
				assert.True(t, strings.HasPrefix(got.Description, histologyNames[c.h]+" of "), got.Description)
			})
		}
	}
}

func TestCodeUnspecifiedSide(t *testing.T) {
	// Every way of not giving a usable side (and, on the eyelid, upper/lower).
	sideless := map[string][][2]string{
		"eyelid": {
			{"", ""}, {"", "upper"}, {"", "lower"}, {"right", ""}, {"left", ""},
			{"bilateral", "upper"}, {"midline", "lower"}, {"left", "middle"},
		},
		"ear":        {{"", ""}, {"bilateral", ""}, {"midline", ""}, {"medial", ""}},
		"upper-limb": {{"", ""}, {"bilateral", ""}, {"midline", ""}},
		"lower-limb": {{"", ""}, {"bilateral", ""}, {"midline", ""}},
	}
	for _, row := range sectionNineUnspecified {
		for _, sp := range sideless[row.site] {
			for _, c := range row.cells() {
				name := fmt.Sprintf("%s/side=%q part=%q/%s", row.name, sp[0], sp[1], c.h)
				t.Run(name, func(t *testing.T) {
					got := Code(Input{Histology: c.h, ICDSite: row.site, Side: sp[0], EyelidPart: sp[1]})
					assert.Equal(t, c.code, got.Code)
					require.Equal(t, append([]string{"laterality-missing"}, reviewedHistology(c.h)...), issueRules(got.Issues))
					assert.Contains(t, got.Issues[0].Message, c.code)
					assert.NotEmpty(t, got.Description)
				})
			}
		}
	}
}

func TestCodeDescriptions(t *testing.T) {
	cases := []struct {
		name string
		in   Input
		want string
	}{
		{"bcc nose", Input{Histology: "bcc", ICDSite: "nose"}, "Basal cell carcinoma of skin of nose"},
		{"scc right upper eyelid", Input{Histology: "scc", ICDSite: "eyelid", Side: "right", EyelidPart: "upper"}, "Squamous cell carcinoma of skin of right upper eyelid including canthus"},
		{"melanoma in situ cheek", Input{Histology: "melanoma-in-situ", ICDSite: "face"}, "Melanoma in situ of skin of other parts of face"},
		{"merkel left leg", Input{Histology: "merkel", ICDSite: "lower-limb", Side: "left"}, "Merkel cell carcinoma of skin of left lower limb including hip"},
		{"scc in situ ear no side", Input{Histology: "scc-in-situ", ICDSite: "ear"}, "Squamous cell carcinoma in situ of skin of unspecified ear and external auricular canal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Code(tc.in).Description)
		})
	}
}

func TestCodeReviewSites(t *testing.T) {
	for _, site := range []string{"genital", "vermilion"} {
		for _, h := range Histologies() {
			for _, side := range []string{"", "left"} {
				t.Run(fmt.Sprintf("%s/%s/side=%q", site, h, side), func(t *testing.T) {
					got := Code(Input{Histology: h, ICDSite: site, Side: side})
					assert.Empty(t, got.Code)
					assert.Empty(t, got.Description)
					require.Len(t, got.Issues, 1)
					assert.Equal(t, "diagnosis-code-review", got.Issues[0].Rule)
				})
			}
		}
	}
	t.Run("genital names the other chapters", func(t *testing.T) {
		msg := Code(Input{Histology: "bcc", ICDSite: "genital"}).Issues[0].Message
		for _, c := range []string{"C51", "C60", "C63.2"} {
			assert.Contains(t, msg, c)
		}
	})
	t.Run("vermilion names the other chapters", func(t *testing.T) {
		msg := Code(Input{Histology: "scc", ICDSite: "vermilion"}).Issues[0].Message
		assert.Contains(t, msg, "C00")
		assert.Contains(t, msg, "D00.0")
	})
}

func TestCodeEdges(t *testing.T) {
	cases := []struct {
		name     string
		in       Input
		code     string
		rules    []string
		describe bool
	}{
		{"no histology", Input{ICDSite: "nose"}, "", nil, false},
		{"no histology, no site", Input{}, "", nil, false},
		{"no site", Input{Histology: "bcc"}, "", nil, false},
		{"unknown site", Input{Histology: "bcc", ICDSite: "elbow"}, "", []string{"diagnosis-code-review"}, false},
		{"unknown histology", Input{Histology: "lymphoma", ICDSite: "nose"}, "", []string{"diagnosis-code-review"}, false},
		{"side ignored on the nose", Input{Histology: "bcc", ICDSite: "nose", Side: "left"}, "C44.311", nil, true},
		{"side ignored on the breast", Input{Histology: "melanoma", ICDSite: "breast", Side: "right"}, "C43.52", nil, true},
		{"part ignored on the ear", Input{Histology: "bcc", ICDSite: "ear", Side: "left", EyelidPart: "upper"}, "C44.219", nil, true},
		{"case and spaces", Input{Histology: "bcc", ICDSite: " Ear ", Side: "Right"}, "C44.212", nil, true},
		{"L and R", Input{Histology: "scc", ICDSite: "upper-limb", Side: "L"}, "C44.629", nil, true},
		{"Rt eyelid Upper", Input{Histology: "bcc", ICDSite: "eyelid", Side: "Rt", EyelidPart: "Upper"}, "C44.1121", nil, true},
		{"sebaceous on the scalp is other specified", Input{Histology: "sebaceous", ICDSite: "scalp-neck"}, "C44.49", nil, true},
		{"sebaceous on the eyelid is 3", Input{Histology: "sebaceous", ICDSite: "eyelid", Side: "left", EyelidPart: "lower"}, "C44.1392", nil, true},
		{"D04.5 for all trunk", Input{Histology: "scc-in-situ", ICDSite: "anal"}, "D04.5", nil, true},
		{"D03.39 for the nose", Input{Histology: "melanoma-in-situ", ICDSite: "nose"}, "D03.39", nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Code(tc.in)
			assert.Equal(t, tc.code, got.Code)
			var rules []string
			for _, is := range got.Issues {
				rules = append(rules, is.Rule)
				assert.NotEmpty(t, is.Message)
			}
			assert.Equal(t, tc.rules, rules)
			assert.Equal(t, tc.describe, got.Description != "")
		})
	}
}

// nonBillableHeaders is the list of docs/coding-rules.md section 9, by hand.
var nonBillableHeaders = []string{
	"C44.102", "C44.109", "C44.112", "C44.119", "C44.122", "C44.129", "C44.132",
	"C44.139", "C44.192", "C44.199", "C43.11", "C43.12", "C4A.11", "C4A.12", "D03.11", "D03.12",
	"D04.11", "D04.12",
}

// allSites are the anatomy package's ICD-10 group ids.
var allSites = []string{
	"lip", "vermilion", "eyelid", "ear", "nose", "face", "scalp-neck", "anal", "breast", "trunk",
	"upper-limb", "lower-limb", "genital",
}

// rowCodeLength is the length (dot included) of every code of a section-9 row, per column
// C44, C43, C4A, D03, D04; specific is with a usable side and part, unspecified without. By hand.
var rowCodeLength = map[string]struct{ specific, unspecified [5]int }{
	"lip":        {[5]int{6, 5, 5, 5, 5}, [5]int{6, 5, 5, 5, 5}},
	"eyelid":     {[5]int{8, 7, 7, 7, 7}, [5]int{7, 6, 6, 6, 6}},
	"ear":        {[5]int{7, 6, 6, 6, 6}, [5]int{7, 6, 6, 6, 6}},
	"nose":       {[5]int{7, 6, 6, 6, 6}, [5]int{7, 6, 6, 6, 6}},
	"face":       {[5]int{7, 6, 6, 6, 6}, [5]int{7, 6, 6, 6, 6}},
	"scalp-neck": {[5]int{6, 5, 5, 5, 5}, [5]int{6, 5, 5, 5, 5}},
	"anal":       {[5]int{7, 6, 6, 6, 5}, [5]int{7, 6, 6, 6, 5}},
	"breast":     {[5]int{7, 6, 6, 6, 5}, [5]int{7, 6, 6, 6, 5}},
	"trunk":      {[5]int{7, 6, 6, 6, 5}, [5]int{7, 6, 6, 6, 5}},
	"upper-limb": {[5]int{7, 6, 6, 6, 6}, [5]int{7, 6, 6, 6, 6}},
	"lower-limb": {[5]int{7, 6, 6, 6, 6}, [5]int{7, 6, 6, 6, 6}},
}

// histologyColumn is the section-9 column of each histology, by hand.
var histologyColumn = map[Histology]int{
	HistologyBCC: 0, HistologyBasosquamous: 0, HistologySCC: 0, HistologyDFSP: 0, HistologyEMPD: 0, HistologyMAC: 0,
	HistologyAFX: 0, HistologySebaceous: 0,
	HistologyMelanoma: 1, HistologyMerkel: 2, HistologyMelanomaInSitu: 3, HistologySCCInSitu: 4,
}

// TestCodeEmitsNoHeader enumerates every code the table can emit and fails on a non-billable
// header or a code shorter (or longer) than its row's codes.
func TestCodeEmitsNoHeader(t *testing.T) {
	var dataSites []string
	for s := range tables().sites {
		dataSites = append(dataSites, s)
	}
	sort.Strings(dataSites)
	want := append([]string(nil), allSites...)
	sort.Strings(want)
	require.Equal(t, want, dataSites, "the code table covers exactly the anatomy package's ICD groups")

	headers := map[string]bool{}
	for _, h := range nonBillableHeaders {
		headers[h] = true
	}
	prefixes := [5]string{"C44.", "C43.", "C4A.", "D03.", "D04."}
	emitted := map[string]bool{}
	sides := []string{"", "left", "right", "bilateral", "midline", "Left", "R", "sideways"}
	parts := []string{"", "upper", "lower", "Lower", "middle"}
	for _, h := range Histologies() {
		for _, site := range allSites {
			for _, side := range sides {
				for _, part := range parts {
					got := Code(Input{Histology: h, ICDSite: site, Side: side, EyelidPart: part})
					if got.Code == "" {
						continue
					}
					emitted[got.Code] = true
					name := fmt.Sprintf("%s %s side=%q part=%q → %s", h, site, side, part, got.Code)
					assert.False(t, headers[got.Code], "non-billable header: %s", name)
					col := histologyColumn[h]
					assert.True(t, strings.HasPrefix(got.Code, prefixes[col]), "wrong column: %s", name)
					lengths := rowCodeLength[site].specific
					if slices.Contains(issueRules(got.Issues), LateralityMissing.ID) {
						lengths = rowCodeLength[site].unspecified
					}
					assert.Len(t, got.Code, lengths[col], "code length: %s", name)
					assert.NotContains(t, got.Code, "x", name)
				}
			}
		}
	}
	// The table emits exactly the codes written out by hand above, no more, no fewer.
	assert.Equal(t, handCodes(), emitted)
}

// reviewedHistology is the finding every code of a histology carries, by hand
// (docs/coding-rules.md section 9): diagnosis-code-review for basosquamous carcinoma.
func reviewedHistology(h Histology) []string {
	if h == HistologyBasosquamous {
		return []string{DiagnosisCodeReview.ID}
	}
	return []string{}
}

// issueRules lists the rule ids of issues.
func issueRules(is []diag.Finding) []string {
	out := []string{}
	for _, i := range is {
		out = append(out, i.Rule)
	}
	return out
}

// handCodes is the set of codes of the hand-written tables above.
func handCodes() map[string]bool {
	seen := map[string]bool{}
	for _, rows := range [][]sectionNineRow{sectionNine, sectionNineUnspecified} {
		for _, r := range rows {
			for _, c := range r.cells() {
				seen[c.code] = true
			}
		}
	}
	return seen
}

func BenchmarkCode(b *testing.B) {
	in := Input{Histology: HistologyBCC, ICDSite: "eyelid", Side: "right", EyelidPart: "upper"}
	b.ReportAllocs()
	for b.Loop() {
		_ = Code(in)
	}
}
