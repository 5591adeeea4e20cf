package coding_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/model"
)

// The tests of this file are named after the corrections and clarifications
// of the rule book (issue 11); every wanted line is derived by hand from
// docs/coding-rules.md, with the derivation in the case's name or comment.

// Lesion bodies shared by the repair-modifier cases: a site, one stage, one
// repair after clearance.
func lesionWithRepair(label, site, repair string) []string {
	return []string{
		"Lesion " + label + ": " + site,
		"Stage 1: 2 blocks; margins: clear",
		"Repair: " + repair + ", after clearance",
	}
}

// repairCases are the notes of the repair-modifier correction with the
// lines docs/coding-rules.md section 3 gives under the built-in profiles.
var repairCases = []struct {
	name    string
	payer   string
	lesions [][]string
	want    []string
}{
	{"one intermediate repair: no modifier", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "intermediate repair, 2.0 cm"),
	}, []string{"1: 17311x1", "1: 12051x1"}},
	{"one complex repair under Medicare: no modifier", "Payer: Medicare", [][]string{
		lesionWithRepair("1", "scalp", "complex repair, 3.0 cm"),
	}, []string{"1: 17311x1", "1: 13121x1"}},
	{"a flap alone: no modifier (1.0 x 1.0 + 2.0 = 3.0 sq cm of nose)", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "rotation flap; defect 1.0 x 1.0 cm; secondary defect 2.0 sq cm"),
	}, []string{"1: 17311x1", "1: 14060x1"}},
	{"a graft alone: no modifier", "Payer: UnitedHealthcare", [][]string{
		lesionWithRepair("1", "right ear", "full-thickness skin graft, 4 sq cm"),
	}, []string{"1: 17311x1", "1: 15260x1"}},
	{"complex and intermediate: the intermediate line carries 59", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "complex repair, 2.0 cm"),
		lesionWithRepair("2", "upper back", "intermediate repair, 3.0 cm"),
	}, []string{"1: 17311x1", "2: 17313x1 59", "1: 13151x1", "2: 12032x1 59"}},
	{"intermediate and simple: the simple line carries 59", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "left cheek", "intermediate repair, 2.0 cm"),
		lesionWithRepair("2", "scalp", "simple repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17311x1 59", "1: 12051x1", "2: 12001x1 59"}},
	{"three classes: every class but complex carries 59, also under Medicare", "Payer: Medicare", [][]string{
		lesionWithRepair("1", "nose", "complex repair, 2.2 cm"),
		lesionWithRepair("2", "neck", "intermediate repair, 3.0 cm"),
		lesionWithRepair("3", "upper back", "simple repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17311x1 XS", "3: 17313x1 XS", "1: 13151x1", "2: 12042x1 59", "3: 12001x1 59"}},
	{"a flap and one linear class: no modifier", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "rotation flap; defect 1.0 x 1.0 cm; secondary defect 2.0 sq cm"),
		lesionWithRepair("2", "upper back", "intermediate repair, 3.0 cm"),
	}, []string{"1: 17311x1", "2: 17313x1 59", "1: 14060x1", "2: 12032x1"}},
	{"a flap, complex and simple: the flap takes no part, simple carries 59", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "rotation flap; defect 1.0 x 1.0 cm; secondary defect 2.0 sq cm"),
		lesionWithRepair("2", "scalp", "complex repair, 3.0 cm"),
		lesionWithRepair("3", "upper back", "simple repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17311x1 59", "3: 17313x1 59", "1: 14060x1", "2: 13121x1", "3: 12001x1 59"}},
	{"a graft and a simple repair: one linear class, no modifier", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "full-thickness skin graft, 2 sq cm"),
		lesionWithRepair("2", "upper back", "simple repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17313x1 59", "1: 15260x1", "2: 12001x1"}},
	{"a complex repair of 1.0 cm or less joins the intermediate ones: one class (0.8 + 2.0 = 2.8 cm of face)", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "left cheek", "complex repair, 0.8 cm"),
		lesionWithRepair("2", "left temple", "intermediate repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17311x1 59", "1,2: 12052x1"}},
	{"a complex total with add-ons and a simple repair: both complex lines none (9.6 cm of scalp)", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "scalp", "complex repair, 9.6 cm"),
		lesionWithRepair("2", "upper back", "simple repair, 2.0 cm"),
	}, []string{"1: 17311x1", "2: 17313x1 59", "1: 13121x1", "1: 13122x1", "2: 12001x1 59"}},
	{"intermediate repairs of two groups are one class", "Payer: Aetna commercial", [][]string{
		lesionWithRepair("1", "nose", "intermediate repair, 2.0 cm"),
		lesionWithRepair("2", "upper back", "intermediate repair, 3.0 cm"),
	}, []string{"1: 17311x1", "2: 17313x1 59", "2: 12032x1", "1: 12051x1"}},
}

// repairNote is the note of a repair case.
func repairNote(payer string, lesions [][]string) string {
	body := []string{payer}
	for _, l := range lesions {
		body = append(body, l...)
	}
	return withHeader(body...)
}

// Correction 1 (docs/coding-rules.md section 3): repair, flap and graft lines
// carry no modifier by default under every built-in profile; 59 only on
// every class but the most complicated when the linear repairs span
// several of simple, intermediate and complex.
func TestCorrectionRepairModifiers(t *testing.T) {
	for _, tc := range repairCases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, lesionLines(code(t, repairNote(tc.payer, tc.lesions))))
		})
	}
}

// Correction 1 (docs/coding-rules.md sections 3 and 8): a profile's repair
// modifier goes on every repair, flap and graft line; the sample profile
// samples/profiles/repair-59.json reproduces "59 on every repair line".
func TestCorrectionRepairProfile(t *testing.T) {
	f, err := os.Open("../../samples/profiles/repair-59.json")
	require.NoError(t, err)
	defer f.Close()
	repair59, err := codetable.LoadProfile(f)
	require.NoError(t, err)
	commercial, _ := codetable.BuiltinProfile("commercial")
	assert.Equal(t, "59", repair59.RepairModifier)
	repair59.Name, repair59.RepairModifier = commercial.Name, ""
	assert.Equal(t, commercial, repair59, "apart from its name and repair modifier, repair-59 is commercial")

	xs := commercial
	xs.Name, xs.RepairModifier = "repair-xs", "XS"
	withRepair59 := map[string][]string{
		"one intermediate repair: no modifier":                            {"1: 17311x1", "1: 12051x1 59"},
		"a flap alone: no modifier (1.0 x 1.0 + 2.0 = 3.0 sq cm of nose)": {"1: 17311x1", "1: 14060x1 59"},
		"a graft alone: no modifier":                                      {"1: 17311x1", "1: 15260x1 59"},
		"three classes: every class but complex carries 59, also under Medicare": {
			"1: 17311x1", "2: 17311x1 59", "3: 17313x1 59", "1: 13151x1 59", "2: 12042x1 59", "3: 12001x1 59"},
	}
	withRepairXS := map[string][]string{
		// one distinct-service modifier per line: the profile's, not 59 as well
		"complex and intermediate: the intermediate line carries 59": {"1: 17311x1", "2: 17313x1 59", "1: 13151x1 XS", "2: 12032x1 XS"},
	}
	for _, tc := range repairCases {
		for _, p := range []struct {
			file string
			want map[string][]string
		}{{"repair-59", withRepair59}, {"repair-xs", withRepairXS}} {
			want, ok := p.want[tc.name]
			if !ok {
				continue
			}
			profile := repair59
			profile.RepairModifier = "59"
			if p.file == "repair-xs" {
				profile = xs
			}
			t.Run(p.file+"/"+tc.name, func(t *testing.T) {
				c := codeWith(t, repairNote(tc.payer, tc.lesions), coding.Options{Profile: &profile})
				assert.Equal(t, want, lesionLines(c))
			})
		}
	}
}

// Correction 2 (docs/coding-rules.md section 9): basosquamous (metatypical)
// carcinoma is C44 histology digit 9 with diagnosis-code-review.
func TestCorrectionBasosquamous(t *testing.T) {
	tests := []struct {
		site, dx, want string
	}{
		{"nose", "basosquamous carcinoma", "C44.391"},
		{"left cheek", "Metatypical carcinoma", "C44.399"},
		{"right ear", "Basosquamous (metatypical) carcinoma", "C44.292"},
		{"left upper eyelid", "basosquamous cell carcinoma", "C44.1991"},
		{"scalp", "basal cell carcinoma, basosquamous type", "C44.49"},
		{"upper back", "BCC with basosquamous features", "C44.599"},
		{"right forearm", "basosquamous carcinoma", "C44.692"},
	}
	for _, tc := range tests {
		t.Run(tc.site+" "+tc.dx, func(t *testing.T) {
			c := code(t, dxNote(tc.site, tc.dx))
			assert.Equal(t, []string{tc.want}, dxCodes(c))
			assert.Equal(t, []string{"6 diagnosis-code-review warning 1"}, findingsOf(c, "diagnosis-code-review"))
		})
	}
	t.Run("basal cell carcinoma stays digit 1 without review", func(t *testing.T) {
		c := code(t, dxNote("nose", "basal cell carcinoma, nodular"))
		assert.Equal(t, []string{"C44.311"}, dxCodes(c))
		assert.Empty(t, findingsOf(c, "diagnosis-code-review"))
	})
}

// Correction 3 (docs/coding-rules.md section 6): the excised diameter is the
// pre-operative size's greatest dimension plus twice the margin, rounded
// half-up to one decimal; without a margin, the final defect with
// excision-size-from-defect; without either, defect-size-missing.
func TestCorrectionExcisionDiameter(t *testing.T) {
	tests := []struct {
		name         string
		site         string
		size, defect string  // field values, "" for none
		margin       float64 // cm, 0 for none
		want         []string
		findings     []string
	}{
		{"1.4 + 2 × 0.2 = 1.8 cm of arm", "right dorsal forearm", "1.4 x 1.0 cm", "2.2 x 1.8 cm", 0.2,
			[]string{"11602x1"}, []string{}},
		{"0.85 + 2 × 0.1 = 1.05, rounded half-up to 1.1", "left thigh", "0.85 cm", "2.5 x 2.0 cm", 0.1,
			[]string{"11602x1"}, []string{}},
		{"1.0 + 2 × 0.3 = 1.6 cm of nose", "nose", "1.0 x 0.8 cm", "", 0.3,
			[]string{"11642x1"}, []string{}},
		{"3.6 + 2 × 0.3 = 4.2 cm of trunk", "upper back", "3.6 x 3.0 cm", "4.5 x 4.0 cm", 0.3,
			[]string{"11606x1"}, []string{}},
		{"no margin: the final defect's 2.3 cm of face", "left cheek", "1.5 x 1.2 cm", "2.3 x 1.9 cm", 0,
			[]string{"11643x1"}, []string{"7 excision-size-from-defect warning 1"}},
		{"a margin but no size: the final defect", "left cheek", "", "2.3 x 1.9 cm", 0.2,
			[]string{"11643x1"}, []string{"7 excision-size-from-defect warning 1"}},
		{"neither: defect-size-missing, no line", "left cheek", "1.5 x 1.2 cm", "", 0,
			[]string{}, []string{"3 defect-size-missing error 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := note(append(append([]string{}, pathologistReads...),
				"Lesion 1",       // 3
				"Site: "+tc.site, // 4
				fieldOrBlank("Preoperative size", tc.size), // 5
				"Stage 1: 2 blocks; margins: clear",        // 6
				fieldOrBlank("Final defect", tc.defect),    // 7
			)...)
			c := codeModel(t, src, func(n *model.Note) {
				if tc.margin > 0 {
					n.Lesions[0].ExcisionMargin = model.Size{Dims: []float64{tc.margin}, Line: 5}
				}
			})
			assert.Equal(t, tc.want, lines(c))
			got := append(findingsOf(c, "excision-size-from-defect"), findingsOf(c, "defect-size-missing")...)
			assert.Equal(t, tc.findings, got)
		})
	}
	t.Run("a flap includes the excision: no size needed", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: rotation flap; defect 2.0 x 2.0 cm; secondary defect 3.0 sq cm; after clearance",
		)...))
		assert.Equal(t, []string{"14040x1"}, lines(c))
		assert.NotContains(t, rulesOf(c), "excision-size-from-defect")
		assert.NotContains(t, rulesOf(c), "defect-size-missing")
	})
}

// fieldOrBlank is "Key: value", or a blank line (keeping line numbers) for
// no value.
func fieldOrBlank(key, value string) string {
	if value == "" {
		return ""
	}
	return key + ": " + value
}

// Correction 4 (docs/coding-rules.md section 8): a payer naming none of the
// built-in profiles is coded under commercial, with payer-profile-default
// naming the payer and the profile.
func TestCorrectionPayerProfileDefault(t *testing.T) {
	tests := []struct {
		payer   string
		profile string
		want    []string
	}{
		{"Payer: Medicaid", "commercial", []string{"4 payer-profile-default info -"}},
		{"Insurance: BlueCross BlueShield of Texas", "commercial", []string{"4 payer-profile-default info -"}},
		{"Insurance: Tricare", "commercial", []string{"4 payer-profile-default info -"}},
		{"Insurance: Anthem", "commercial", []string{"4 payer-profile-default info -"}},
		{"Payer: Cigna", "commercial", []string{"4 payer-profile-default info -"}},
		{"Insurance: Humana Gold Plus (Medicare Advantage)", "medicare", []string{}},
		{"Insurance: AARP Medicare Advantage from UnitedHealthcare", "medicare", []string{}},
		{"Insurance: Aetna Medicare Advantage", "medicare", []string{}},
		{"Insurance: UnitedHealthcare Options PPO", "uhc", []string{}},
		{"Payer: commercial", "commercial", []string{}},
		{"Place of service: 11", "commercial", []string{}}, // no payer named
	}
	for _, tc := range tests {
		t.Run(tc.payer, func(t *testing.T) {
			c := code(t, withHeader(tc.payer, "Site: nose", "Stage 1: 2 blocks; margins: clear"))
			assert.Equal(t, tc.profile, c.Encounter.PayerProfile)
			assert.Equal(t, tc.want, findingsOf(c, "payer-profile-default"))
		})
	}
	t.Run("the message names the payer and the profile", func(t *testing.T) {
		c := code(t, withHeader("Payer: Medicaid", "Site: nose", "Stage 1: 2 blocks; margins: clear"))
		assert.Contains(t, messageOf(c, "payer-profile-default"), `"Medicaid"`)
		assert.Contains(t, messageOf(c, "payer-profile-default"), "commercial")
	})
	t.Run("a profile given by the user: no finding", func(t *testing.T) {
		p, _ := codetable.BuiltinProfile("medicare")
		c := codeWith(t, withHeader("Payer: Medicaid", "Site: nose", "Stage 1: 2 blocks; margins: clear"), coding.Options{Profile: &p})
		assert.Equal(t, "medicare", c.Encounter.PayerProfile)
		assert.Empty(t, findingsOf(c, "payer-profile-default"))
	})
}

// Clarification 5 (docs/coding-rules.md section 4): the biopsy modifier tells
// biopsy lines apart from the Mohs or excision lines of the claim; a claim
// with neither carries none on its biopsy and frozen-section lines.
func TestClarificationBiopsyOnlyClaims(t *testing.T) {
	biopsies := []string{
		"Biopsy 1: tangential biopsy, left upper back",
		"Biopsy 2: shave biopsy, right thigh",
		"Biopsy 3: punch biopsy, left forearm",
		"  Frozen section: yes",
	}
	mohsLesion := []string{"Lesion 1: nose", "Stage 1: 2 blocks; margins: clear"}
	tests := []struct {
		name  string
		payer string
		body  []string
		want  []string
	}{
		{"biopsies only: punch primary, two tangential add-ons, no modifier", "Payer: Aetna commercial",
			append([]string{"Lesion 1: nose"}, biopsies...),
			[]string{"biopsy 3: 11104x1", "biopsy 1,biopsy 2: 11103x2", "biopsy 3: 88331x1"}},
		{"biopsies only under Medicare: no XS either", "Payer: Medicare",
			append([]string{"Lesion 1: nose"}, biopsies...),
			[]string{"biopsy 3: 11104x1", "biopsy 1,biopsy 2: 11103x2", "biopsy 3: 88331x1"}},
		{"with a Mohs line: the biopsy modifier", "Payer: Medicare",
			append(append([]string{}, mohsLesion...), biopsies...),
			[]string{"1: 17311x1", "biopsy 3: 11104x1 XS", "biopsy 1,biopsy 2: 11103x2 XS", "biopsy 3: 88331x1 XS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(append([]string{tc.payer}, tc.body...)...))
			assert.Equal(t, tc.want, lesionLines(c))
		})
	}
	t.Run("a note of biopsies alone: no Mohs finding", func(t *testing.T) {
		c := code(t, note(append([]string{"Date of service: 2026-05-13", "Payer: commercial"}, biopsies...)...))
		assert.Equal(t, []string{"biopsy 3: 11104x1", "biopsy 1,biopsy 2: 11103x2", "biopsy 3: 88331x1"}, lesionLines(c))
		assert.Empty(t, findings(c))
	})
	t.Run("with an excision line: the biopsy modifier", func(t *testing.T) {
		c := code(t, note(append(append([]string{}, pathologistReads...),
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.0 x 1.0 cm",
			"Biopsy 1: punch biopsy, left forearm",
		)...))
		assert.Equal(t, []string{"1: 11641x1", "biopsy 1: 11104x1 59"}, lesionLines(c))
	})
}

// Clarification 6 (docs/coding-rules.md section 3): a closure deferred to a
// later visit, or only considered, is no line and no-repair-code, not
// repair-type-unknown; closing a graft donor site or a biopsy wound is
// included in that code.
func TestClarificationNoRepairLine(t *testing.T) {
	tests := []struct {
		name    string
		repairs []string
		want    []string
		noCode  int // no-repair-code findings; -1: left open (a repair only considered is no repair, with or without the finding)
	}{
		{"will return for delayed closure", []string{"Repair: will return for delayed closure"}, []string{"17311x1"}, 1},
		{"delayed closure in a Reconstruction field", []string{"Reconstruction: delayed closure with plastic surgery"}, []string{"17311x1"}, 1},
		{"closure at a later date", []string{"Repair: closure at a later date"}, []string{"17311x1"}, 1},
		{"not repaired today, returns next week for a graft", []string{"Repair: not repaired today - returns next week for a full-thickness skin graft"}, []string{"17311x1"}, 1},
		{"returns in a week for suture removal after a closure done", []string{"Repair: intermediate layered closure, 2.0 cm, after clearance; returns in one week for suture removal"}, []string{"17311x1", "12051x1"}, 0},
		{"deferred before the graft or flap it may become", []string{"Reconstruction: deferred; returns 08/31/2026 for delayed full-thickness skin graft vs. melolabial interpolation flap"}, []string{"17311x1"}, 1},
		{"reconstruction scheduled", []string{"Repair: reconstruction scheduled for next week (interpolation flap)"}, []string{"17311x1"}, 1},
		{"not performed today, reconstruction is scheduled", []string{"Reconstruction: Not performed today. Reconstruction is scheduled with oculoplastic surgery tomorrow."}, []string{"17311x1"}, 1},
		{"options only discussed", []string{"Repair: options including FTSG and a flap were discussed."}, []string{"17311x1"}, -1},
		{"a flap considered, healing by second intention", []string{"Repair: a flap was considered; second intention healing"}, []string{"17311x1"}, 1},
		{"second intention, a flap declined", []string{"Repair: second intention healing; the patient declined a flap."}, []string{"17311x1"}, 1},
		{"the option chosen after the options discussed", []string{"Wound care: The final defect measured 1.6 x 1.1 cm, down to the galea. After discussion of the options, we elected to allow the wound to heal by second intention, given the patient's preference and the concave location."}, []string{"17311x1"}, 1},
		{"the staged flap proceeded with after the options discussed (§3: outside the tables, no line)", []string{"Reconstruction: After tumor clearance, we discussed the options and proceeded with a paramedian forehead interpolation flap based on the right supratrochlear pedicle. The flap was elevated, thinned distally and inset into the tip defect."}, []string{"17311x1"}, 0},
		{"a flap considered but a linear repair chosen", []string{"Repair: a flap was considered but we elected an intermediate layered repair, 2.0 cm, after clearance"}, []string{"17311x1", "12051x1"}, 0},
		{"a repair the note says another provider did", []string{"Repair: not performed by me. After tumor clearance the gynecologic oncology team closed the defect with bilateral advancement flaps."}, []string{"17311x1"}, 1},
		{"a repair by another surgeon", []string{"Repair: intermediate layered closure, 3.0 cm, by another surgeon the same day"}, []string{"17311x1"}, 1},
		{"a repair value naming another provider first", []string{"Repair: by Gynecologic Oncology (Dr. Winslow Achebe-Tran) in the OR later today"}, []string{"17311x1"}, 1},
		{"a repair value naming the surgeon first", []string{"Repair: by me, intermediate layered repair, 2.0 cm, after clearance"}, []string{"17311x1", "12051x1"}, 0},
		{"not done today, referred after a dash", []string{"Repair: not performed today – referred to facial plastic surgery (Dr. Imelda Varga-Thorne) for reconstruction tomorrow"}, []string{"17311x1"}, 1},
		{"a repair done, a flap considered", []string{"Repair: intermediate repair, 2.0 cm, after clearance; a flap was considered"}, []string{"17311x1", "12051x1"}, 0},
		{"the donor site's closure is included in the graft", []string{
			"Repair: full-thickness skin graft, 3 sq cm, after clearance",
			"Repair: intermediate closure of the donor site, 3.0 cm",
		}, []string{"17311x1", "15260x1"}, 1},
		{"a graft naming its donor site is the graft", []string{
			"Repair: full-thickness skin graft, 3 sq cm, donor site left preauricular, closed primarily, after clearance",
		}, []string{"17311x1", "15260x1"}, 0},
		{"a biopsy wound's closure is included in the biopsy", []string{"Repair: simple closure of the biopsy wound, 0.8 cm"}, []string{"17311x1"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(append([]string{"Site: nose", "Stage 1: 2 blocks; margins: clear"}, tc.repairs...)...))
			assert.Equal(t, tc.want, lines(c))
			if tc.noCode >= 0 {
				assert.Len(t, findingsOf(c, "no-repair-code"), tc.noCode)
			}
			assert.NotContains(t, rulesOf(c), "repair-type-unknown")
		})
	}
}

// Clarification 9 (docs/coding-rules.md section 9): the postoperative diagnosis
// is coded when given, not "same", and different; it names both.
func TestClarificationPostoperativeDiagnosis(t *testing.T) {
	tests := []struct {
		name, post string
		want       string
		used       bool
	}{
		{"Same.", "Postoperative diagnosis: Same.", "C44.311", false},
		{"Same, completely excised", "Postoperative diagnosis: Same, completely excised", "C44.311", false},
		{"same as above", "Post-op diagnosis: same as above", "C44.311", false},
		{"same as preoperative diagnosis", "Postop diagnosis: same as preoperative diagnosis", "C44.311", false},
		{"unchanged", "Postoperative diagnosis: unchanged", "C44.311", false},
		{"the same histology in other words", "Postoperative diagnosis: nodular BCC", "C44.311", false},
		{"no diagnosis named: the preoperative one stays", "Postoperative diagnosis: tumor cleared, no residual tumor", "C44.311", false},
		{"squamous cell carcinoma", "Postoperative diagnosis: squamous cell carcinoma, well differentiated", "C44.321", true},
		{"basosquamous", "Postoperative diagnosis: Basosquamous (metatypical) carcinoma", "C44.391", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, dxNote("nose", "basal cell carcinoma, infiltrative", tc.post))
			assert.Equal(t, []string{tc.want}, dxCodes(c))
			if !tc.used {
				assert.Empty(t, findingsOf(c, "postoperative-diagnosis-used"))
				return
			}
			assert.Equal(t, []string{"9 postoperative-diagnosis-used info 1"}, findingsOf(c, "postoperative-diagnosis-used"))
			msg := messageOf(c, "postoperative-diagnosis-used")
			assert.Contains(t, msg, "basal cell carcinoma, infiltrative")
			assert.Contains(t, msg, tc.post[len("Postoperative diagnosis: "):])
		})
	}
}

// Clarification 9 (docs/coding-rules.md section 9): a biopsy of another lesion
// whose impression is uncertain gets no cancer code and
// diagnosis-pending-pathology; its biopsy line is still coded.
func TestClarificationBiopsyImpression(t *testing.T) {
	tests := []struct {
		impression string
		pending    bool
		dx         []string
		pointers   []int
	}{
		{"rule out basal cell carcinoma", true, []string{"C44.311"}, []int{}},
		{"r/o SCC", true, []string{"C44.311"}, []int{}},
		{"SCC versus hypertrophic actinic keratosis", true, []string{"C44.311"}, []int{}},
		{"atypical nevus vs melanoma in situ", true, []string{"C44.311"}, []int{}},
		{"? melanoma", true, []string{"C44.311"}, []int{}},
		{"possible BCC", true, []string{"C44.311"}, []int{}},
		{"suspicious for melanoma", true, []string{"C44.311"}, []int{}},
		{"atypical lesion", true, []string{"C44.311"}, []int{}},
		{"squamous cell carcinoma in situ", false, []string{"C44.311", "D04.62"}, []int{2}},
		{"seborrheic keratosis", false, []string{"C44.311"}, []int{}},
		{"verruca vulgaris", false, []string{"C44.311"}, []int{}},
		{"rule out wart", true, []string{"C44.311"}, []int{}},
		{"cyst?", true, []string{"C44.311"}, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.impression, func(t *testing.T) {
			c := code(t, dxNote("nose", "basal cell carcinoma",
				"Biopsy 1: punch biopsy, left forearm",  // 9
				"  Clinical impression: "+tc.impression, // 10
			))
			want := []string{}
			if tc.pending {
				want = []string{"10 diagnosis-pending-pathology warning biopsy 1"}
			}
			assert.Equal(t, want, findingsOf(c, "diagnosis-pending-pathology"))
			assert.Equal(t, tc.dx, dxCodes(c))
			require.Equal(t, []string{"1: 17311x1", "biopsy 1: 11104x1 59"}, lesionLines(c))
			assert.Equal(t, tc.pointers, c.Lines[1].DiagnosisPointers)
		})
	}
}

// Clarification 7 (docs/coding-rules.md, "Where a fact may stand"): a margin
// stated as equivocal is documented and not clear; the reader gives it as
// a margin that is not clear, and a last stage with one and no plan is
// final-stage-positive, never margins-missing.
func TestClarificationEquivocalMargin(t *testing.T) {
	src := withHeader("Site: nose", "Stage 1: 2 blocks; margins: clear") // stage on line 5
	c := codeModel(t, src, func(n *model.Note) {
		n.Lesions[0].Stages[0].Margins = []model.Margin{{Positive: true, Line: 5}}
	})
	assert.Equal(t, []string{"5 final-stage-positive warning 1"}, findingsOf(c, "final-stage-positive"))
	assert.Empty(t, findingsOf(c, "margins-missing"))
}

// Clarification 8 (docs/coding-rules.md section 1): a stage is documented by a
// statement about that stage; template text about stages in general
// documents none, and no stage is guessed: stages-missing, the repairs still
// coded.
func TestClarificationStageDocumentation(t *testing.T) {
	c := code(t, withHeader(
		"Site: left cheek", // 4
		"Diagnosis: basal cell carcinoma",
		"The tissue was mapped and inked prior to each stage, and with each stage frozen sections were examined.",
		"After the final stage the wound was assessed.",
		"Repair: intermediate repair, 2.0 cm, after clearance",
	))
	assert.Equal(t, []string{"12051x1"}, lines(c))
	assert.Equal(t, []string{"4 stages-missing error 1"}, findingsOf(c, "stages-missing"))
}
