package lower_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
)

func lowerNote(t *testing.T, src string) (*model.Note, error) {
	t.Helper()
	ast, err := grammar.Parse("note.txt", src)
	require.NoError(t, err)
	return lower.Lower("note.txt", ast)
}

func mustLower(t *testing.T, src string) *model.Note {
	t.Helper()
	n, err := lowerNote(t, src)
	require.NoError(t, err)
	return n
}

// TestMalformedValues: a malformed value of a known key is a positioned
// error in a coder's words, never narrative.
func TestMalformedValues(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"blocks three-ish", "Site: nose\nStage 1:\n  Blocks: three-ish\n",
			`note.txt:3:11: Blocks: expected a count, found "three-ish"`},
		{"tissue blocks several", "Site: nose\nStage 1:\n- Tissue blocks: several\n",
			`note.txt:3:18: Blocks: expected a count, found "several"`},
		{"size in lightyears", "Site: nose\nPreoperative size: 0.8 by 0.6 lightyears\n",
			`note.txt:2:20: Preoperative size: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "0.8 by 0.6 lightyears"`},
		{"stage two-b", "Site: nose\nStage two-b:\n  Blocks: 2\n",
			`note.txt:2:7: Stage: expected a stage number (1 to 99, or a roman numeral I to XX), found "two-b"`},
		{"stage 2a", "Site: nose\nStage 1: 1 block\nStage 2a: 1 block\n",
			`note.txt:3:7: Stage: expected a stage number (1 to 99, or a roman numeral I to XX), found "2a"`},
		{"layer without number", "Site: nose\nLayer:\n",
			`note.txt:2:6: Layer: expected a stage number (1 to 99, or a roman numeral I to XX), found ""`},
		{"stage with two numbers", "Site: nose\nStage 2 2: 1 block\n",
			`note.txt:2:7: Stage: expected a stage number (1 to 99, or a roman numeral I to XX), found "2 2"`},
		{"inline blocks", "Site: nose\nStage 1: TBD blocks; margins: clear\n",
			`note.txt:2:10: Blocks: expected a count, found "TBD blocks"`},
		{"date in the future", "DOS: 9999-12-31\nSite: nose\n",
			`note.txt:1:6: Date of service: 9999-12-31 is in the future; a date of service is the day the surgery was done`},
		{"date", "DOS: yesterday\nSite: nose\n",
			`note.txt:1:6: Date of service: expected a date such as "2026-03-14", "3/14/2026" or "March 14, 2026", found "yesterday"`},
		{"site unfilled", "Site: ***\nStage 1: 2 blocks; margins: clear\n",
			`note.txt:1:7: Site: expected anatomical text, found "***"`},
		{"site template blank", "Lesion 1\n  Site: {site}\n",
			`note.txt:2:9: Site: expected anatomical text, found "{site}"`},
		{"total stages", "Site: nose\nTotal stages: __\n",
			`note.txt:2:15: Total stages: expected a count, found "__"`},
		{"final defect under its heading", "Site: nose\nFinal defect:\nbig\n",
			`note.txt:3:1: Final defect: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "big"`},
		{"repair defect", "Site: nose\nRepair: rotation flap; defect 1.2 x 1.0 furlongs\n",
			`note.txt:2:31: Defect: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "1.2 x 1.0 furlongs"`},
		{"repair length field", "Site: nose\nRepair:\n  Type: complex\n  Length: long\n",
			`note.txt:4:11: Length: expected a size such as "2.4 cm", "0.8 x 0.6 cm" or "3.1 sq cm", found "long"`},
		{"lesion field before first heading", "Site: nose\nLesion 1\nSite: cheek\n",
			`note.txt:1:1: Site: a lesion field before the first lesion label (the note labels its lesions, so every lesion field goes under one)`},
		{"map neither yes nor no", "Site: nose\nMohs map: pending\n",
			`note.txt:2:11: Mohs map: expected yes or no, found "pending"`},
		{"frozen section neither yes nor no", "Site: nose\nFrozen section: maybe\n",
			`note.txt:2:17: Frozen section: expected yes or no, found "maybe"`},
		{"two lesions under one label", "Lesion 1\nSite: nose\nLesion 1\nSite: temple\n",
			`note.txt:4:0: Lesion 1 states a second, different site on line 4 (the first is on line 2): label each lesion; no Mohs line for it`},
		{"frozen section blocks", "Site: nose\nFrozen section: yes, many blocks\n",
			`note.txt:2:22: Frozen section: expected a count, found "many blocks"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := lowerNote(t, tc.src)
			require.NoError(t, err, "a value that does not fit its key does not stop the note")
			require.NotEmpty(t, n.Findings)
			p := n.Findings[0]
			rule := lower.ValueInvalid
			if strings.Contains(tc.name, "lesion") {
				rule = lower.LesionAmbiguous // a field whose lesion cannot be told
			}
			assert.Equal(t, rule.ID, p.Rule)
			assert.Equal(t, tc.want, fmt.Sprintf("note.txt:%d:%d: %s", p.Line, p.Column, p.Message))
		})
	}
}

func TestNearMisses(t *testing.T) {
	tests := []struct {
		key     string
		known   string // "" when not a near miss
		section string
	}{
		{"Stgae 2", "Stage", "lesion"},
		{"Diagnoss", "Diagnosis", "lesion"},
		{"Mohs mapp", "Mohs map", "lesion"},
		{"Lateralty", "Laterality", "lesion"},
		{"Sitee", "Site", "lesion"},
		{"Surgen", "Surgeon", "encounter"},
		{"Levle 2", "Level", "lesion"},
		{"DOB", "", ""},
		{"Hx", "", ""},
		{"Anesthesia", "", ""},
		{"Hemostasis", "", ""},
		{"Complications", "", ""},
		{"Time", "", ""}, // "Type" is a repair key, not known at the lesion level
		{"Planned reconstruction", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			n := mustLower(t, "Site: nose\n"+tc.key+": something\n")
			var misses []diag.Finding
			for _, f := range n.Findings {
				if f.Rule == lower.UnknownField.ID {
					misses = append(misses, f)
				}
			}
			if tc.known == "" {
				assert.Empty(t, misses)
				return
			}
			require.Len(t, misses, 1)
			lesion := "1"
			if tc.section == "encounter" {
				lesion = "" // an encounter field belongs to no lesion
			}
			m := misses[0]
			assert.Equal(t, []any{lesion, 2, 1, tc.known}, []any{m.Lesion, m.Line, m.Column, m.Suggestion})
			assert.Contains(t, m.Message, fmt.Sprintf("%q", tc.key))
		})
	}
}

func TestSections(t *testing.T) {
	src := `DOS: 3/14/26
Lesion A: left cheek
Dx: BCC
Stage I: 2 blocks; stain: H&E, MART-1 (blocks 1-2) for melanocytic margin assessment; margins: block 1 positive (deep), block 2 clear
Stage II:
  - Tissue blocks: 6
  - Special stain: SOX10
  - Margin status: A+ B- C-
  - Decision: tumor cleared, proceed to repair
Mohs map: attached
Closure:
  Type: intermediate
  Length: 24 mm
  Site: left temple
Final defect: 2.0 x 1.5 cm
Lesion B
Site: right forearm
Biopsy 1: punch biopsy, right shin
  Frozen section: yes, 2 blocks
`
	n := mustLower(t, src)
	assert.Equal(t, "2026-03-14", n.Encounter.Date.Value)
	require.Len(t, n.Lesions, 2)
	a := n.Lesions[0]
	assert.Equal(t, "A", a.Label)
	assert.Equal(t, "left cheek", a.Site.Text.Value, "the heading text is the site")
	assert.True(t, a.Site.Resolved)
	require.Len(t, a.Stages, 2)
	s1 := a.Stages[0]
	assert.Equal(t, 2, s1.Blocks.N)
	assert.Equal(t, []model.Stain{
		{Name: "H&E", Line: 4},
		{Name: "MART-1", Blocks: []int{1, 2}, Reason: "for melanocytic margin assessment", Line: 4},
	}, s1.Stains)
	assert.Equal(t, []model.Margin{{Blocks: []int{1}, Positive: true, Line: 4}, {Blocks: []int{2}, Line: 4}}, s1.Margins)
	s2 := a.Stages[1]
	assert.Equal(t, 2, s2.Number)
	assert.Equal(t, 6, s2.Blocks.N)
	assert.Equal(t, []model.Stain{{Name: "SOX10", Special: true, Line: 7}}, s2.Stains)
	assert.Equal(t, []model.Margin{{Blocks: []int{1}, Positive: true, Line: 8}, {Blocks: []int{2}, Line: 8}, {Blocks: []int{3}, Line: 8}}, s2.Margins)
	assert.True(t, a.Map.Yes, "Mohs map after a stage section belongs to the lesion")
	require.Len(t, a.Repairs, 1)
	r := a.Repairs[0]
	assert.Equal(t, "intermediate", r.Type.Value)
	assert.InDeltaSlice(t, []float64{2.4}, r.Length.Dims, 1e-9)
	assert.Equal(t, "left temple", r.Site.Text.Value, "Site inside a repair is the repair's")
	assert.Equal(t, 15, a.FinalDefect.Line, "a lesion field closes the repair section")
	b := n.Lesions[1]
	assert.Equal(t, "right forearm", b.Site.Text.Value)
	require.Len(t, n.Biopsies, 1)
	bx := n.Biopsies[0]
	assert.Equal(t, "1", bx.Label)
	assert.Equal(t, "punch biopsy, right shin", bx.Type.Value)
	assert.True(t, bx.Site.Resolved)
	assert.Equal(t, model.FrozenSection{Flag: model.Flag{Yes: true, Line: 19}, Blocks: 2}, bx.FrozenSection)
}

func TestStainValues(t *testing.T) {
	tests := []struct {
		value string
		want  []model.Stain
	}{
		{"H&E, MART-1 (blocks 1-2) for melanocytic margin assessment", []model.Stain{
			{Name: "H&E", Reason: "for melanocytic margin assessment", Line: 3}, {Name: "MART-1", Blocks: []int{1, 2}, Reason: "for melanocytic margin assessment", Line: 3}}},
		{"MART-1, SOX10 for melanocytic margin assessment", []model.Stain{
			{Name: "MART-1", Reason: "for melanocytic margin assessment", Line: 3}, {Name: "SOX10", Reason: "for melanocytic margin assessment", Line: 3}}},
		{"pan-cytokeratin (AE1/AE3)", []model.Stain{{Name: "pan-cytokeratin", Line: 3}}},
		{"toluidine blue on all stages, to highlight the mucinous stroma", []model.Stain{{Name: "toluidine blue", Reason: "to highlight the mucinous stroma", Line: 3}}},
		{"MART-1 (clone A103), SOX10 (A-B)", []model.Stain{{Name: "MART-1", Line: 3}, {Name: "SOX10", Blocks: []int{1, 2}, Line: 3}}},
		{"MART-1 (for melanocytic margins)", []model.Stain{{Name: "MART-1", Reason: "for melanocytic margins", Line: 3}}},
		{"immunohistochemistry for MART-1", []model.Stain{{Name: "MART-1", Line: 3}}},
		{"H&E + MART-1 and SOX10", []model.Stain{{Name: "H&E", Line: 3}, {Name: "MART-1", Line: 3}, {Name: "SOX10", Line: 3}}},
		{"hematoxylin and eosin", []model.Stain{{Name: "hematoxylin and eosin", Line: 3}}},
		{"Ber-EP4 on A", []model.Stain{{Name: "Ber-EP4", Blocks: []int{1}, Line: 3}}},
		{"CD34 on blocks 2-3", []model.Stain{{Name: "CD34", Blocks: []int{2, 3}, Line: 3}}},
		{"SOX10 (blk 2 only) to confirm single melanocytes", []model.Stain{{Name: "SOX10", Blocks: []int{2}, Reason: "to confirm single melanocytes", Line: 3}}},
		{"Toluidine blue on the first-stage sections", []model.Stain{{Name: "Toluidine blue", Line: 3}}},
		{"AE1/AE3 to detect single tumor cells and perineural tumor", []model.Stain{{Name: "AE1/AE3", Reason: "to detect single tumor cells and perineural tumor", Line: 3}}},
		{"H&E, all stages", []model.Stain{{Name: "H&E", Line: 3}}},
		{"toluidine blue, stg 1, to highlight mucinous stroma", []model.Stain{{Name: "toluidine blue", Reason: "to highlight mucinous stroma", Line: 3}}},
		{"MART-1, each block", []model.Stain{{Name: "MART-1", Line: 3}}},
		{"MART-1 for melanocytes and SOX10", []model.Stain{{Name: "MART-1", Reason: "for melanocytes", Line: 3}, {Name: "SOX10", Line: 3}}},
		{"MART-1 was performed on blocks 1-2 to evaluate atypical melanocytes", []model.Stain{
			{Name: "MART-1", Blocks: []int{1, 2}, Reason: "to evaluate atypical melanocytes", Line: 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			n := mustLower(t, "Site: nose\nStage 1:\n  Stain: "+tc.value+"\n")
			assert.Equal(t, tc.want, n.Lesions[0].Stages[0].Stains)
		})
	}
}

func TestRepairValues(t *testing.T) {
	tests := []struct {
		value string
		want  model.Repair
	}{
		{"complex repair (2.4 cm)", model.Repair{Size: model.Size{Dims: []float64{2.4}, Line: 2}}},
		{"complex linear repair, 2.4 cm", model.Repair{Size: model.Size{Dims: []float64{2.4}, Line: 2}}},
		{"rotation flap; defect 1.2 x 1.0 cm; secondary defect 2.0 sq cm", model.Repair{
			Defect: model.Size{Dims: []float64{1.2, 1.0}, Line: 2}, SecondaryDefect: model.Size{AreaSq: 2.0, Line: 2}}},
		{"rotation flap after clearance; primary defect 2.6 x 2.2cm, sec defect 6.5 sq cm", model.Repair{ // a terse note's "sec defect"
			Defect: model.Size{Dims: []float64{2.6, 2.2}, Line: 2}, SecondaryDefect: model.Size{AreaSq: 6.5, Line: 2}}},
		{"full-thickness skin graft, 3.1 sq cm, donor site preauricular", model.Repair{Size: model.Size{AreaSq: 3.1, Line: 2}}},
		{"intermediate layered closure 3.2 cm after clearance", model.Repair{Size: model.Size{Dims: []float64{3.2}, Line: 2}}},
		{"layered closure in 2 layers", model.Repair{}},
		{"second intention", model.Repair{}},
		{"rotation flap; defect 2 x 2 cm; secondary defect none", model.Repair{
			Defect: model.Size{Dims: []float64{2, 2}, Line: 2}, SecondaryDefect: model.Size{None: true, Line: 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			n := mustLower(t, "Site: nose\nRepair: "+tc.value+"\n")
			require.Len(t, n.Lesions[0].Repairs, 1)
			got := n.Lesions[0].Repairs[0]
			assert.Equal(t, tc.want.Size, got.Size)
			assert.Equal(t, tc.want.Defect, got.Defect)
			assert.Equal(t, tc.want.SecondaryDefect, got.SecondaryDefect)
			assert.Equal(t, tc.value, got.Value.Value)
		})
	}
}

func TestYesNoValues(t *testing.T) {
	for value, want := range map[string]bool{"yes": true, "Y": true, "attached": true, "on file": true, "drawn": true,
		"done": true, "present": true, "no": false, "N": false, "none": false, "absent": false, "not documented": false} {
		n := mustLower(t, "Site: nose\nMohs map: "+value+"\n")
		assert.Equal(t, model.Flag{Yes: want, Line: 2}, n.Lesions[0].Map, value)
	}
	n := mustLower(t, "Site: nose\nPrior biopsy: 2/20/2026, nodular BCC\nTotal stages: 0\n")
	assert.True(t, n.Lesions[0].PriorBiopsy.Yes, "a prior biopsy given by its date was done")
	assert.Equal(t, model.Count{N: 0, Line: 3}, n.Lesions[0].TotalStages, "zero is a count; only Blocks must be at least 1")
	n = mustLower(t, "Site: nose\nPathology Reference: SP26-01234\n")
	assert.True(t, n.Lesions[0].PriorBiopsy.Yes, "a prior biopsy given by its accession number was done")
	n = mustLower(t, "Site: nose\nPrior biopsy: pending 1234\n")
	assert.False(t, n.Lesions[0].PriorBiopsy.Yes, "a number alone is no accession")
}

func TestPlaceOfService(t *testing.T) {
	for value, want := range map[string]string{"11": "11", "11 (office)": "11", "POS 22.": "22", "office": "office", "24.": "24"} {
		n := mustLower(t, "Place of service: "+value+"\nSite: nose\n")
		assert.Equal(t, want, n.Encounter.PlaceOfService.Value, value)
	}
}

func TestFrozenSectionBlocks(t *testing.T) {
	for value, want := range map[string]model.FrozenSection{
		"yes":            {Flag: model.Flag{Yes: true, Line: 2}},
		"no":             {Flag: model.Flag{Line: 2}},
		"yes, 2 blocks":  {Flag: model.Flag{Yes: true, Line: 2}, Blocks: 2},
		"yes (3 blocks)": {Flag: model.Flag{Yes: true, Line: 2}, Blocks: 3},
		"done; 1 block":  {Flag: model.Flag{Yes: true, Line: 2}, Blocks: 1},
	} {
		t.Run(value, func(t *testing.T) {
			n := mustLower(t, "Site: nose\nFrozen section: "+value+"\n")
			assert.Equal(t, want, n.Lesions[0].FrozenSection)
		})
	}
}

func TestStageKeySpellings(t *testing.T) {
	for key, want := range map[string]int{
		"Stage 2": 2, "stage 2 ": 2, "Stage2": 2, "Stage-2": 2, "STAGE II (final)": 2, "Stage 2 of 3": 2,
		"Layer 2": 2, "Level II": 2, "Stage #2": 2,
	} {
		t.Run(key, func(t *testing.T) {
			n := mustLower(t, "Site: nose\nStage 1: 1 block\n"+key+": 1 block\n")
			require.Len(t, n.Lesions[0].Stages, 2)
			assert.Equal(t, want, n.Lesions[0].Stages[1].Number)
		})
	}
	for _, key := range []string{"Level of anesthesia", "Stage notes", "Staged repair", "Stages", "Stage"} { // "Stage: T2a" is a tumor stage
		n := mustLower(t, "Site: nose\n"+key+": whatever\n")
		assert.Empty(t, n.Lesions[0].Stages, key)
	}
}

func TestLabels(t *testing.T) {
	n := mustLower(t, "Lesion b: nose\nLesion ii: chin\nLesion 01: cheek\nLesion2: temple\nBiopsy1: punch, left arm\n")
	var labels []string
	for _, l := range n.Lesions {
		labels = append(labels, l.Label)
	}
	assert.Equal(t, []string{"B", "II", "1", "2"}, labels)
	require.Len(t, n.Biopsies, 1)
	assert.Equal(t, "1", n.Biopsies[0].Label)

	n = mustLower(t, "SITE ONE (left temple): first layer of 2 sections\nSITE TWO (right nasal tip):\nProcedure #3 - Mohs micrographic surgery\nSite: chin\nProcedure #4 - Shave biopsy\nSite: right shin\n")
	labels = nil
	for _, l := range n.Lesions {
		labels = append(labels, l.Label+" "+l.Site.Text.Value)
	}
	assert.Equal(t, []string{"1 left temple", "2 right nasal tip", "3 chin"}, labels, "cardinal words and numbered procedures label lesions")
	require.Len(t, n.Biopsies, 1, "a numbered procedure that is a biopsy opens a biopsy")
	assert.Equal(t, "right shin", n.Biopsies[0].Site.Text.Value)

	n = mustLower(t, "Lesion 2\nSite: nose\nLesion\nSite: chin\n")
	assert.Equal(t, "3", n.Lesions[1].Label, "an unlabelled heading takes a number no other lesion uses")
}

func TestInlineStageItems(t *testing.T) {
	tests := []struct {
		value   string
		blocks  int
		stains  []string
		margins int
		histo   string
	}{
		{"3 blocks; margins: clear; MART-1 for melanocytic margins", 3, []string{"MART-1"}, 1, ""},
		{"3 blocks, margins: A- B- C-, SOX10 (blocks 1-2) for melanoma", 3, []string{"SOX10"}, 3, ""},
		{"2 blocks; histology: nodular BCC, deep dermis; clear", 2, nil, 1, "nodular BCC; deep dermis"},
		{"approximately 7 blocks; clear", 7, nil, 1, ""},
		{"7 tissue blocks, H&E, clear", 7, []string{"H&E"}, 1, ""},
		{"4; clear", 4, nil, 1, ""},
		{"3 blocks; A+ (deep), B−, C−", 3, nil, 3, ""},
		{"1 block; A−", 1, nil, 1, ""},
		{"2 blks; neg; H&E + MART-1 all blocks + PRAME (blks 1-2)", 2, []string{"H&E", "MART-1", "PRAME"}, 1, ""},
		{"2 blocks ...... clear", 2, nil, 1, ""},
		{"2 blocks | clear", 2, nil, 1, ""},
		{"6 blks (A-F); A, D pos (peripheral); B, C, E, F neg; H&E; CK7 all blocks; PAS blocks A-B", 6, []string{"H&E", "CK7", "PAS"}, 2, ""},
		{"four blocks, each stained with H&E and with CK7 to highlight Paget cells", 4, []string{"H&E", "CK7"}, 0, ""},
		{"2 blocks (+) deep", 2, nil, 1, ""},
		{"divided into eight blocks because of its size", 8, nil, 0, ""},
		{"divided into 3 blocks, block 2 positive (deep)", 3, nil, 1, ""},
		{"2 blocks, H&E plus AE1/AE3 on both blocks to look for perineural tumor; block 1 positive at the deep margin, block 2 clear", 2, []string{"H&E", "AE1/AE3"}, 2, ""},
		{"3 blx +3:00", 3, nil, 1, ""},
		{"3 pcs, neg", 3, nil, 1, ""},
		{"three blocks. Nodular basal cell carcinoma in the mid dermis at the deep margin of block 1", 3, nil, 1, "Nodular basal cell carcinoma in the mid dermis at the deep margin of block 1"},
		{"three blocks; tumor at the deep margin of block 1", 3, nil, 1, ""},
		{"2 blocks, all stained with MART-1 for melanocytes; clear", 2, []string{"MART-1"}, 1, ""},
		{"7 blocks; blocks 2, 5 positive (peripheral), blocks 1, 3-4, 6-7 clear", 7, nil, 2, ""},
		{"7 blocks; clear; moderately differentiated SCC extending to the superficial deltoid muscle, no PNI", 7, nil, 1,
			"moderately differentiated SCC extending to the superficial deltoid muscle; no PNI"},
		{"1 blk; neg (extra deep layer taken anyway – tumor close to fat on stg 1)", 1, nil, 1, ""},
		{"a single block; no residual tumor", 1, nil, 1, ""},
		{"two blocks; tumor persisted at 6 o'clock in block 1, block 2 clear", 2, nil, 2, ""},
		{"3 blocks - clear", 3, nil, 1, ""},
		{"3 blocks - block 2 positive (deep), blocks 1 and 3 clear", 3, nil, 2, ""},
		{"2 blocks - block 1 positive (peripheral)", 2, nil, 1, ""},
		{"4 blocks; margins: A-  B+ (deep)  C-  D-", 4, nil, 4, ""},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			st := mustLower(t, "Site: nose\nStage 1: "+tc.value+"\n").Lesions[0].Stages[0]
			assert.Equal(t, tc.blocks, st.Blocks.N)
			var names []string
			for _, s := range st.Stains {
				names = append(names, s.Name)
			}
			assert.Equal(t, tc.stains, names)
			assert.Len(t, st.Margins, tc.margins)
			assert.Equal(t, tc.histo, st.Histology.Value)
		})
	}
}

func TestMarginEntries(t *testing.T) {
	tests := []struct {
		value string
		want  []model.Margin
	}{
		{"margins: block 2 positive (deep), blocks 1, 3-4 clear", []model.Margin{
			{Blocks: []int{2}, Positive: true, Line: 2}, {Blocks: []int{1, 3, 4}, Line: 2}}},
		{"clear", []model.Margin{{Line: 2}}},
		{"A+ B- C-", []model.Margin{{Blocks: []int{1}, Positive: true, Line: 2}, {Blocks: []int{2}, Line: 2}, {Blocks: []int{3}, Line: 2}}},
		{"margins: blocks 1-2 clear, block 3 involved", []model.Margin{{Blocks: []int{1, 2}, Line: 2}, {Blocks: []int{3}, Positive: true, Line: 2}}},
		{"block 1 positive (deep), blocks 2, 3 clear", []model.Margin{{Blocks: []int{1}, Positive: true, Line: 2}, {Blocks: []int{2, 3}, Line: 2}}},
		{"margins were not clear at block 3 (medial)", []model.Margin{{Blocks: []int{3}, Positive: true, Line: 2}}},
		{"margins were not yet clear", []model.Margin{{Positive: true, Line: 2}}},
		{"margins: not involved", []model.Margin{{Line: 2}}},
		{"margins: free except focal at 2 o'clock (block 1)", []model.Margin{{Blocks: []int{1}, Positive: true, Line: 2}}},
		{"tumor at the superior and lateral margins", []model.Margin{{Positive: true, Line: 2}}},
		{"free of tumor at the margins", []model.Margin{{Line: 2}}},
		{"margins: tumor present at the deep margin of block 3; blocks 1 and 2 clear", []model.Margin{{Blocks: []int{3}, Positive: true, Line: 2}, {Blocks: []int{1, 2}, Line: 2}}},
		{"both blocks clear", []model.Margin{{Line: 2}}},
		{"all blocks negative", []model.Margin{{Line: 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			st := mustLower(t, "Site: nose\nStage 1: 4 blocks; "+tc.value+"\n").Lesions[0].Stages[0]
			assert.Equal(t, tc.want, st.Margins)
			assert.Empty(t, st.Stains)
		})
	}
}

func TestInlineBlockRemark(t *testing.T) {
	n := mustLower(t, "Site: nose\nStage 1: 3 blocks (A-C); margins: clear\n")
	st := n.Lesions[0].Stages[0]
	assert.Equal(t, model.Count{N: 3, Line: 2}, st.Blocks)
	assert.Empty(t, st.Stains)
}

func TestLongRepairTextIsCheap(t *testing.T) {
	long := "Repair: complex repair 2.4 cm " + strings.Repeat("a ", 8000) + "\n"
	start := time.Now()
	r := mustLower(t, "Site: nose\n"+long).Lesions[0].Repairs[0]
	assert.InDeltaSlice(t, []float64{2.4}, r.Size.Dims, 1e-9)
	assert.Less(t, time.Since(start), 100*time.Millisecond, "a long repair text is read in linear time")
}

func TestInlineRepairFields(t *testing.T) {
	r := mustLower(t, "Site: left cheek\nRepair: complex linear repair, 2.4 cm; by: oculoplastics; site: left nasal ala; timing: after clearance\n").Lesions[0].Repairs[0]
	assert.Equal(t, "oculoplastics", r.By.Value)
	assert.Equal(t, "left nasal ala", r.Site.Text.Value)
	assert.Equal(t, "after clearance", r.Timing.Value)
	assert.InDeltaSlice(t, []float64{2.4}, r.Size.Dims, 1e-9)

	r = mustLower(t, "Site: cheek\nRepair: rotation flap\n  Defect: 2 x 2 cm\n  Secondary defect: 0 sq cm\n").Lesions[0].Repairs[0]
	area, ok := r.SecondaryDefect.Area()
	assert.True(t, ok)
	assert.Zero(t, area)
}

func TestValueOnNextLine(t *testing.T) {
	n := mustLower(t, "PREOP DIAGNOSIS:\nBasal Cell CA.\nLOCATION:\n\nMid parietal scalp.\nREPAIR:\nType: simple\nLength: 2 cm\n")
	les := n.Lesions[0]
	assert.Equal(t, model.Text{Value: "Basal Cell CA.", Line: 2}, les.Diagnosis)
	assert.Equal(t, model.Text{Value: "Mid parietal scalp.", Line: 5}, les.Site.Text, "the next non-blank line")
	require.Len(t, les.Repairs, 1, "Repair: alone opens a section")
	assert.Equal(t, "simple", les.Repairs[0].Type.Value)
}

func TestHeadinglessNoteLesionLine(t *testing.T) {
	n := mustLower(t, "DOS: 2026-01-02\nSurgeon: Dr. Vale\n\nSite: chin\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "1", n.Lesions[0].Label)
	assert.Equal(t, 4, n.Lesions[0].Line, "a note without headings points at its first lesion field")
}

// TestRealNotes reads the public dictated notes: no parse error, the
// values under their headings taken, no stage invented.
func TestRealNotes(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "real-notes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no real notes in %s", dir)
		}
		t.Skipf("no real notes in %s", dir)
	}
	want := map[string]struct{ dx, site, size, defect string }{
		"mtsamples-967-mohs-scalp.txt": {"Basal Cell CA.", "Mid parietal scalp.", "1.5 x 2.9 cm", "2.7 x 2.9 cm"},
		"mtsamples-968-mohs-helix.txt": {"Basal Cell CA.", "Medial right inferior helix.", "1.4 x 1 cm", "2.7 x 2 cm"},
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			n := mustLower(t, string(src))
			require.Len(t, n.Lesions, 1)
			les := n.Lesions[0]
			w := want[filepath.Base(f)]
			assert.Equal(t, w.dx, les.Diagnosis.Value)
			assert.Equal(t, w.dx, les.PostopDiagnosis.Value)
			assert.Equal(t, w.site, les.Site.Text.Value)
			assert.True(t, les.Site.Resolved)
			assert.True(t, les.Size.Present(), w.size)
			assert.True(t, les.FinalDefect.Present(), w.defect)
			assert.True(t, les.Indication.Present())
			assert.Empty(t, les.Stages, "the note never states a stage or a block count: none is guessed")
			assert.Empty(t, les.Repairs, "a planned reconstruction is not a repair")
			assert.True(t, les.Map.Yes, "the prose documents the map")
			assert.Contains(t, n.Encounter.Pathology.Value, "surgeon", "the prose says the surgeon examined the slides")
			assert.False(t, les.PriorBiopsy.Yes, "the note does not state a prior biopsy")
		})
	}
}

// TestLesionsNeverMerge: a second lesion under a heading the reader
// recognises is a lesion of its own; under one it does not, its second site
// is a problem naming both lines — never a silent merge into the first
// lesion (issue 17, item 4).
func TestLesionsNeverMerge(t *testing.T) {
	tests := []struct {
		heading string
		lesions int
	}{
		{"Lesion 2, right forearm", 2},
		{"Second lesion:", 2},
		{"Lesion #2 (right forearm)", 2},
		{"SITE B:", 2},
		{"Lesion 2A", 1},
		{"Lesion 0002", 1},
		{"Next lesion", 1},
	}
	for _, tc := range tests {
		t.Run(tc.heading, func(t *testing.T) {
			n := mustLower(t, "Lesion 1\nSite: nose\nDiagnosis: BCC\nStage 1: 2 blocks; margins: clear\n"+
				tc.heading+"\nSite: right forearm\nDiagnosis: SCC\nStage 1: 1 block; margins: clear\n")
			require.Len(t, n.Lesions, tc.lesions)
			if tc.lesions == 2 {
				assert.Equal(t, "right forearm", n.Lesions[1].Site.Text.Value)
				assert.False(t, n.Lesions[0].Ambiguous.Present())
				return
			}
			require.True(t, n.Lesions[0].Ambiguous.Present(), "a second site under one lesion must be reported")
			assert.Equal(t, "site on line 6 (the first is on line 2)", n.Lesions[0].Ambiguous.Value)
			assert.Equal(t, "nose", n.Lesions[0].Site.Text.Value, "the first statement stands")
		})
	}
}

// TestLesionLimit: past MaxLesions the rest of the note is one problem,
// never merged into the last lesion.
func TestLesionLimit(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= lower.MaxLesions+5; i++ {
		fmt.Fprintf(&b, "Lesion %d\nSite: nose\nStage 1: 1 block\n", i)
	}
	n := mustLower(t, b.String())
	assert.Len(t, n.Lesions, lower.MaxLesions)
	require.Len(t, n.Findings, 1)
	assert.Equal(t, lower.LesionAmbiguous.ID, n.Findings[0].Rule)
	assert.Contains(t, n.Findings[0].Message, "more than 100 lesions")
	for _, les := range n.Lesions {
		assert.Len(t, les.Stages, 1, "no stage of a later lesion lands in an earlier one")
	}
}

// TestBlockWords codes each block word of the one vocabulary end to end:
// blocks, tissue blocks, sections, pieces and specimens count blocks;
// levels do not.
func TestBlockWords(t *testing.T) {
	for _, tc := range []struct {
		value  string
		blocks int
		levels bool
	}{
		{"7 blocks; margins: clear", 7, false},
		{"7 tissue blocks; margins: clear", 7, false},
		{"7 sections; margins: clear", 7, false},
		{"7 pieces; margins: clear", 7, false},
		{"7 specimens; margins: clear", 7, false},
		{"7 levels; margins: clear", 0, true},
	} {
		t.Run(tc.value, func(t *testing.T) {
			n := mustLower(t, "Site: nose\nStage 1: 2 blocks; margins: positive\nStage 2: "+tc.value+"\n")
			require.Len(t, n.Lesions[0].Stages, 2)
			st := n.Lesions[0].Stages[1]
			assert.Equal(t, tc.blocks, st.Blocks.N)
			assert.Equal(t, tc.levels, st.Levels.Present())
		})
	}
	n := mustLower(t, "Site: nose\nStage 1:\n  Blocks: 7 levels\n")
	require.NotEmpty(t, n.Findings)
	assert.Contains(t, n.Findings[0].Message, "levels are cut through one block and are not blocks")
}

// TestReadingFindings: what reading says about a note besides its facts —
// prose used for a line, prose that disagrees with a field, a table it
// cannot tell — each at the words it is about.
func TestReadingFindings(t *testing.T) {
	tests := []struct {
		name, src string
		want      *diag.Rule
		line, col int
	}{
		{"read-from-prose", "Site: nose\nThe first stage was divided into three blocks and was clear.\n", lower.ReadFromProse, 2, 5},
		{"prose-field-conflict", "Site: nose\nStage 1: 3 blocks; margins: clear\n\nThe first stage was divided into two blocks.\n", lower.ProseFieldConflict, 2, 1},
		{"layout-unread", "Site: nose\n1    3    clear\n2    1    clear\n", lower.LayoutUnread, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			var found *diag.Finding
			for i := range n.Findings {
				if n.Findings[i].Rule == tc.want.ID {
					found = &n.Findings[i]
				}
			}
			require.NotNil(t, found, "no %s in %v", tc.want.ID, n.Findings)
			assert.Equal(t, tc.want.Severity, found.Severity)
			assert.Equal(t, []int{tc.line, tc.col}, []int{found.Line, found.Column})
		})
	}
}

// TestLayouts reads one fact from each layout the reader knows (see
// docs/note-format.md, "Layouts read"), checking where it lands in the model.
func TestLayouts(t *testing.T) {
	runNoteCases(t, []noteCase{
		{"ALL-CAPS key, value on the next line", "ANATOMIC LOCATION:\nLeft nasal ala.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "Left nasal ala."},
		{"tab instead of a colon", "DOS\t04/17/2026\nSite\tchin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-04-17"},
		{"an Hx line's past Mohs counts no stage total", "Site: left postauricular skin\nHx: s/p Mohs 2019 R nasal ala (BCC, 3 stages, FTSG) - well healed.\nStage 1: 3 blocks; margins: block 3 positive (deep)\nStage 2: 2 blocks; margins: clear\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].TotalStages.N, " ", stageSummary(n)) }, "0 1:3 2:2"},
		{"Operative site is the site", "Operative site: left lateral neck\nStage 1: 5 blocks; margins: clear\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left lateral neck"},
		{"Appropriate use is the indication", "Site: upper back\nAppropriate use: recurrent tumor\nStage 1: 2 blocks; margins: clear\n",
			func(n *model.Note) string { return n.Lesions[0].Indication.Value }, "recurrent tumor"},
		{"a template printing its closure first: the CLOSURE heading's fields are one repair, an ALL-CAPS heading ends it",
			"CLOSURE\n  Closure type: intermediate (layered) repair\n  Closure length: 5.8 cm\n  Closure performed: after clearance\n\nTUMOR\n  Body site: upper back\n  Diagnosis: basal cell carcinoma\n\nMICROGRAPHIC STAGES\n  Stage 1: 7 blocks; margins: clear\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				var out []string
				for _, r := range les.Repairs {
					out = append(out, r.Type.Value+"|"+fmt.Sprint(r.Length.Dims)+"|"+r.Timing.Value+"|"+r.Site.Text.Value)
				}
				return les.Site.Text.Value + "; " + strings.Join(out, "; ")
			}, "upper back; intermediate (layered) repair|[5.8]|after clearance|"},
		{"a numbered site heading over a lesion label gives it the label's site",
			"SITE 1 OF 2\nLesion 1: left lower cutaneous lip\n  Stage 1: 2 blocks; margins: clear\n\nSITE 2 OF 2\nLesion 2: right lateral neck\n  Stage 1: 3 blocks; margins: clear\n",
			perLesion(func(les model.Lesion) string {
				return les.Label + " " + les.HeadingText.Value + " " + fmt.Sprint(len(les.Stages))
			}), "1 left lower cutaneous lip 1; 2 right lateral neck 1"},
		{"lettered rows under a repairs heading that times them are each timed after clearance (CODING-RULES §3)",
			"SITES TREATED TODAY\n  A  L upper back   BCC\n  B  R nasal ala    BCC\n\nCASE TIMELINE\n08:00  A (back): Stage 1 excised, 2 blocks.\n08:10  B (ala): Stage 1 excised, 1 block.\n09:00  A stage 1 read: clear.\n09:05  B stage 1 read: clear.\n\n" +
				"REPAIRS (performed after tumor clearance at all three sites)\n  A  L upper back: final defect 3.4 x 2.9 cm. Complex repair: wide undermining, layered closure. Repair length 9.4 cm.\n  B  R nasal ala: final defect 1.1 x 0.9 cm. Intermediate layered repair, 3.0 cm.\n",
			eachRepair(func(les model.Lesion, r model.Repair) string { return les.Label + ": " + r.Timing.Value }), "A: REPAIRS (performed after tumor clearance at all three sites); B: REPAIRS (performed after tumor clearance at all three sites)"},
		{"a lesion's line of hyphenated cells gives its diagnosis, size and reason for Mohs",
			"70yo F, mohs x2 today, all bx proven:\n  site A: R helix - BCC nodular - 0.8 x 0.7 cm - mohs: ear (H-zone)\n  site B: R dorsal wrist - BCC nodular - 1.4 x 1.2 cm - mohs: recurrent after ED&C, ill-defined\n\nA stage 1, 2 blocks, clear.\nB stage 1, 3 blocks, clear.\n",
			perLesion(func(les model.Lesion) string {
				return les.Label + " " + les.Diagnosis.Value + " " + fmt.Sprint(les.Size.Dims) + " " + les.Indication.Value
			}), "A BCC nodular [0.8 0.7] mohs: ear (H-zone); B BCC nodular [1.4 1.2] mohs: recurrent after ED&C, ill-defined"},
		{"a hashed lesion line of hyphenated cells gives its diagnosis, size and reason for Mohs",
			"71yo F here for mohs x2, both bx proven:\n  #1 R nasal ala - BCC, infiltrative - 1.0 x 0.8 cm - mohs: nose, infiltrative subtype, ill-defined\n  #2 L lateral neck - SCC, well diff - 1.2 x 1.0 cm - mohs: recurrent after excision 2024\n\n#1 stage 1, 2 blocks, clear.\n#2 stage 1, 3 blocks, clear.\n",
			perLesion(func(les model.Lesion) string {
				return les.Diagnosis.Value + " " + fmt.Sprint(les.Size.Dims) + " " + les.Indication.Value
			}), "BCC, infiltrative [1 0.8] mohs: nose, infiltrative subtype, ill-defined; SCC, well diff [1.2 1] mohs: recurrent after excision 2024"},
		{"a typed line's lower-case sentence after a measure is its own: the repair after the defect (CODING-RULES §3)",
			"#1 R nasal ala - BCC - 1.0 x 0.8 cm\n#2 L lateral neck - SCC - 1.2 x 1.0 cm\n\n#1 ala stage 1, 3 blocks, clear.\n#2 neck stage 1, 2 blocks, clear.\n\nrepairs / wound mgmt:\n" +
				"#2 L lateral neck (after tumor clearance): defect 1.6 x 1.3 cm. simple repair, single layer interrupted 5-0 prolene, length 4.2 cm.\n#1 R nasal ala (tumor cleared): final defect 1.8 x 1.5 cm. NOT closed today.\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return les.Label + ": " + r.Value.Value + " " + fmt.Sprint(r.Length.Dims)
			}), "2: simple repair, single layer interrupted 5-0 prolene, length 4.2 cm [4.2]"},
		{"MOHS I and MOHS II are stages; Mohs x 2 is none (CODING-RULES §1)",
			"Site: L nasal ala\nDx: BCC, nodular\nMohs x 2 today was planned.\nMOHS I: 3 blocks; bl 1 + (deep), bl 2-3 neg.\nMOHS II: 1 block (under bl 1); neg.\nMohs 3: 2 blocks; neg.\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:1 3:2"},
		{"Path naming a tumor is the biopsy's result, the diagnosis; the prose names the reader",
			"Tumor location: L nasal ala\nPath: basal cell carcinoma, nodular type (shave bx 08/11/2026, acc BF26-0931)\nLayer 1: 2 sections, clear\n\nTechnique: Each layer was inked and mapped. All frozen sections were read and interpreted by me, Dr. Ocampo-Thrale (Mohs surgeon).\n",
			func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value + " | " + n.Encounter.Pathology.Value },
			"basal cell carcinoma, nodular type (shave bx 08/11/2026, acc BF26-0931) | read by the Mohs surgeon (as stated in prose)"},
		{"Closure size that names the primary and secondary defects gives both",
			"Tumor location: L nasal ala\nLayer 1: 2 sections, clear\nClosure method: bilobed flap after clearance\nClosure size: primary defect 1.4 x 1.2 cm, secondary defect 2.6 sq cm\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(r.Defect.Dims, r.SecondaryDefect.Dims, r.SecondaryDefect.AreaSq, r.Length.Dims)
			}, "[1.4 1.2] [] 2.6 []"},
		{"LAYER 1 / 3 SECTIONS / POS is a stage line",
			"TUMOR LOCATION: R ANTIHELIX\nLAYER 1 / 3 SECTIONS / POS @ 12:00 DEEP (SECTION 1)\nLAYER 2 / 2 SECTIONS / CLEAR\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:2"},
		{"a tumor's block of fields between rules, a second site after the rule, opens the next tumor (NOTE-FORMAT §1)",
			"- - - - - - - - - -\nTUMOR LOCATION: R ANTIHELIX\nDX: SCC\nLAYER 1 / 2 SECTIONS / CLEAR\n- - - - - - - - - -\nTUMOR LOCATION: L DORSAL FOOT\nDX: BCC\nLAYER 1 / 3 SECTIONS / CLEAR\n- - - - - - - - - -\n",
			perLesion(func(les model.Lesion) string {
				return les.Site.Text.Value + " " + les.Diagnosis.Value + " " + fmt.Sprint(len(les.Stages)) + " " + les.Ambiguous.Value
			}), "R ANTIHELIX SCC 1 ; L DORSAL FOOT BCC 1 "},
		{"a superseded report kept below the corrected one is not read",
			"*** CORRECTED REPORT ***\nSite: left helix\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\n" +
				"======\nORIGINAL REPORT - SUPERSEDED 10/08/2026 - RETAINED FOR THE RECORD ONLY\nDo not use for coding or billing. See corrected report above.\n======\nSite: left helix\nStage 1: 2 blocks; margins: positive\n\nStage 2: 2 blocks; margins: clear\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:2"},
		{"a superseded report above the corrected one is not read",
			"Superseded version (do not use)\nSite: left helix\nStage 1: 2 blocks; margins: positive\n\nStage 2: 2 blocks; margins: clear\n\nCORRECTED REPORT\nSite: left helix\nStage 1: 3 blocks; margins: positive\nStage 2: 1 block; margins: clear\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:1"},
		{"a consult's Pathology naming the biopsy and its dermatopathologist is no reader of the Mohs slides (CODING-RULES §1)",
			"=== MOHS CONSULTATION (09/28/2026) ===\nPathology:\tshave biopsy 09/22/2026, Northwind Pathology NP26-04418, read by Silvanus Merriweather-Kato, MD, dermatopathologist - squamous cell carcinoma, well differentiated\n\n" +
				"=== OPERATIVE NOTE ===\nMohs frozen sections read by:\tCorentin Abernathy-Osei, MD (Mohs surgeon), all stages\nLocation:\tLeft conchal bowl\nStage 1:\t2 blocks; clear\n",
			func(n *model.Note) string {
				return n.Encounter.Pathology.Value + n.Lesions[0].Pathology.Value + " | " + n.Lesions[0].Diagnosis.Value
			},
			"Corentin Abernathy-Osei, MD (Mohs surgeon), all stages | shave biopsy 09/22/2026, Northwind Pathology NP26-04418, read by Silvanus Merriweather-Kato, MD, dermatopathologist - squamous cell carcinoma, well differentiated"},
		{"another visit's document below a rule, dated another day, is not read (CODING-RULES §3: repairs of this session)",
			"DATE OF SERVICE: 10/13/2026\nSite: vertex scalp\nStage 1: 2 blocks; margins: clear\nRepair: delayed; will return tomorrow for a full-thickness skin graft\n\n______________________________\n\nPROCEDURE NOTE - DELAYED RECONSTRUCTION\nVISIT DATE: 10/14/2026\n" +
				"The recipient bed measured 3.8 x 3.3 cm and was covered with a full-thickness skin graft, 3.8 x 3.3 cm.\n",
			func(n *model.Note) string {
				var out []string
				for _, r := range n.Lesions[0].Repairs {
					out = append(out, r.Value.Value)
				}
				return n.Encounter.Date.Value + " " + strings.Join(out, "; ")
			}, "2026-10-13 deferred to a later visit (delayed; will return tomorrow for a full-thickness skin graft)"},
		{"a letter below a rule, dated after the day's dictation, is not read",
			"DATE OF SERVICE: 11/20/2026\n\nTUMOR #1, LEFT UPPER EYELID: The first stage was divided into two blocks, both clear.\n\nTUMOR #2, RIGHT FOREARM: The single stage was divided into six blocks, all clear.\n\n______________________________\n\nNovember 23, 2026\n\nDear Barnaby,\n\n" +
				"Thank you for sending Ms. Penhallow. On Friday I removed the basal cell carcinoma of her left upper eyelid in two stages and the squamous cell carcinoma of her right forearm in a single stage; both were closed primarily the same day. I will see her back for suture removal and then return her to your care for routine skin checks every six months.\n",
			perLesion(func(les model.Lesion) string {
				return fmt.Sprint(len(les.Stages), len(les.Repairs)) + " " + les.Diagnosis.Value + les.Ambiguous.Value
			}), "1 0 ; 1 0 "},
		{"an addendum dated another day below a rule is read",
			"DATE OF SERVICE: 10/13/2026\nSite: vertex scalp\nStage 1: 2 blocks; margins: clear\n\n______________________________\nADDENDUM\nDate: 10/14/2026\nStage 2: 1 block; margins: clear\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:2 2:1"},
		{"numbered lesions' stages and repairs given again by their markers go to those lesions (NOTE-FORMAT §1)",
			"mms x2. slides read by me both sites. map drawn each stage.\n\n1) L upper back (infrascapular) - infiltrative bcc, s/p punch bx 9/1/26; pre 2.2x1.8cm\n2) R scrotum - scc in situ, s/p punch bx 9/1/26; pre 1.1x0.9cm\n\n" +
				"1) 1st stg: 6 blks; + blk 4 (periph) & blk 6 (deep), rest neg\n1) 2nd stg: 2 blks neg\n2) 1st stg: 2 blks; + blk 1 (periph), blk 2 neg\n2) 2nd stg: 1 blk neg\n\n" +
				"after clearance: 1) ILC 7.8cm (dog ears incl)  2) ILC 2.0cm, 4-0 vicryl rapide\n",
			func(n *model.Note) string {
				var out []string
				for _, les := range n.Lesions {
					var blocks, lengths []string
					for _, st := range les.Stages {
						blocks = append(blocks, fmt.Sprint(st.Blocks.N))
					}
					for _, r := range les.Repairs {
						lengths = append(lengths, fmt.Sprint(r.Length.Dims, r.Size.Dims))
					}
					out = append(out, les.Label+" "+fmt.Sprint(les.Size.Dims)+" "+strings.Join(blocks, ",")+" "+strings.Join(lengths, ","))
				}
				return strings.Join(out, "; ")
			}, "1 [2.2 1.8] 6,2 [] [7.8]; 2 [1.1 0.9] 2,1 [] [2]"},
		{"a numbered step's 'Site A, <site>, first stage: three blocks. …' gives the site and that stage, with what its sentences tell",
			"Procedure in detail:\n4. Site A, left preauricular skin, first stage: three blocks. Infiltrative basal cell carcinoma in cords through the reticular dermis, no perineural invasion. Tumor at the deep margin of block 1; blocks 2 and 3 clear.\n" +
				"5. Site A, second stage: two blocks from the area of block 1. Block 1 clear; block 2 with residual tumor at the inferior margin.\n6. Site A, third stage: one block inferiorly. Clear.\n" +
				"8. Site B, right posterior neck, first stage: two blocks. Nodular basal cell carcinoma in the mid dermis, both blocks clear at all margins.\n",
			perLesion(func(les model.Lesion) string {
				return les.Label + " " + les.HeadingText.Value + " " + fmt.Sprint(len(les.Stages), " ", len(les.Stages) > 0 && len(les.Stages[0].Margins) > 0)
			}), "A left preauricular skin 3 true; B right posterior neck 1 true"},
		{"hashed lesions' stages and repairs ('#1 I: 2 blks', '#1 ILC 3.2 / #2 simple 2.4cm') go to those lesions (NOTE-FORMAT §1)",
			"mms x2 today. frozens both sites read by me; map drawn every stage.\n\n#1 R temple - WD scc, bx+ 8/19/26; pre 1.3x1.1cm\n#2 L dorsal forearm - scc in situ, bx+ 8/19/26; pre 1.6x1.4cm\n\n" +
				"#1 I: 2 blks; blk 1 + (deep), blk 2 neg\n#1 II: 1 blk neg\n#2 stg 1: 3 blks neg\n\nrepair after clearance: #1 ILC 3.2cm / #2 simple 2.4cm\n",
			blocksAndRepairs, "1 2,1 ILC 3.2cm; 2 3 simple 2.4cm"},
		{"lesions lettered a) b) c) in lower case get their stages and repairs back by the letter; an exam's lettered sites open none",
			"Exam:\n  a) Right cheek: 0.7 x 0.6 cm pearly papule, biopsy site.\n\nmms x3. map drawn each stage each site; all slides read by me.\n\n" +
				"a) L temple - sup bcc, s/p shave bx 10/29/26\nb) R helix - WD scc, s/p shave bx 10/29/26\nc) R lower leg (shin) - scc in situ, s/p shave bx 10/29/26\n\n" +
				"a) 1st stg: 2 blks neg\nb) 1st stg: 3 blks; + blk 3 (deep), 1-2 neg\nb) 2nd stg: 1 blk neg\nc) 1st stg: 5 blks neg\n\n" +
				"after clearance:\na) heal 2nd int (concave temple, pt pref), vaseline + dsg\nb) CLC 2.6cm, perichondrium exposed\nc) ILC 4.0cm\n",
			blocksAndRepairs, "A 2 heal 2nd int (concave temple, pt pref), vaseline + dsg; B 3,1 CLC 2.6cm, perichondrium exposed; C 5 ILC 4.0cm"},
		{"a site's repair line that tells its flap's secondary defect in words after a semicolon keeps it (CODING-RULES §3: primary + secondary defect)",
			"Tumors treated today:\n1. Left malar cheek - melanoma in situ.\n2. Right helix - basal cell carcinoma, nodular.\n\nThe first layer of the left malar cheek was divided into four blocks, all clear. The first layer of the right helix was two blocks, both clear.\n\n" +
				"Final defects: left malar cheek 2.4 x 2.0 cm, right helix 0.9 x 0.7 cm.\n\nReconstruction, all done once the sites were clear:\n" +
				"- Left malar cheek: after tumor clearance, repaired with a cheek advancement flap; the secondary defect (Burow's triangles and advanced tissue) measured 6.0 sq cm.\n" +
				"- Right helix: after tumor clearance, complex repair with layered closure, 1.8 cm.\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs
				if len(r) != 1 {
					return fmt.Sprint(len(r), " repairs")
				}
				return fmt.Sprint(r[0].SecondaryDefect.AreaSq)
			}, "6"},
		{"a tumor's label and its site as a key with no value heads its dictation: 'TUMOR #1 - LEFT CONCHAL BOWL:'",
			"TUMOR #1 - LEFT CONCHAL BOWL:\nThe first stage was divided into three blocks, all clear.\n\nTUMOR #2 - RIGHT PREAURICULAR CHEEK:\nThe first stage was divided into two blocks. A second stage of one block was clear.\n",
			perLesion(func(les model.Lesion) string { return les.Label + " " + les.HeadingText.Value }), "1 LEFT CONCHAL BOWL; 2 RIGHT PREAURICULAR CHEEK"},
		{"a one-lesion template's 'L1: 3 blks', 'L2: 1 blk' are its layers; 'Clsr:' is its repair and 'Donor:' the graft's donor site",
			"Loc: L dorsal hand\nDx: SCCis\nL1: 4 blks -- blks 1,3 + (periph), blks 2,4 neg\nL2: 2 blks -- blk 2 + (periph), blk 1 neg\nL3: 1 blk -- neg. Clear.\n" +
				"Clsr: FTSG after clearance; recipient 2.4 x 2.0 cm\nDonor: L medial upper arm (donor closure incl. w/ graft)\n",
			func(n *model.Note) string {
				var out []string
				for _, r := range n.Lesions[0].Repairs {
					out = append(out, r.Value.Value)
				}
				return stageSummary(n) + " | " + strings.Join(out, "; ")
			}, "1:4 2:2 3:1 | FTSG after clearance; recipient 2.4 x 2.0 cm; L medial upper arm (donor closure incl. w/ graft)"},
		{"a tally sentence of two tumours, each named at the start of its clause, gives each its stages (CODING-RULES §1)",
			"Preop diagnosis:\n1. Basal cell carcinoma, nodular, right cheek.\n2. Squamous cell carcinoma in situ, left lateral neck.\n\n" +
				"Right cheek: nodular basal cell carcinoma, 1.0 x 0.9 cm. The first stage showed nodular basal cell carcinoma in the mid dermis.\n\n" +
				"Left lateral neck: squamous cell carcinoma in situ, 1.3 x 1.1 cm. The first stage showed full-thickness atypia.\n\n" +
				"Stage tally: the right cheek took two stages, the first of two blocks with tumor at the deep margin of block 2 (block 1 clear) and the second of one block, clear (3 blocks in all), and the left neck took one stage of two blocks, both clear.\n",
			blocksAndRepairs, "1 2,1 ; 2 2 "},
		{"a title, a gap and 'DOS 11/10/2026' before another field date the note",
			"Bayview Dermatology Associates\nMohs note   DOS 11/10/2026   Ins: Medicare Part B   Dr. Kirchner-Osei\nSite: right upper lip\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + " " + n.Encounter.Payer.Value }, "2026-11-10 Medicare Part B   Dr. Kirchner-Osei"},
		{"a second REPAIR field that tells only how the classed repair above was done is no repair of its own",
			"Site: vertex scalp\nStage 1: 2 blocks; margins: clear\nCLOSURE METHOD: COMPLEX LINEAR REPAIR W/ GALEAL SCORING & WIDE UNDERMINING, AFTER CLEARANCE\nCLOSURE SIZE: 12.8 CM\n\n" +
				"REPAIR: GALEA SCORED PARALLEL TO THE WOUND AXIS, SUBGALEAL UNDERMINING 4 CM EACH SIDE, 2-0 PDS DEEP, STAPLES. EBL 20 CC.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "1"},
		{"numbered lesions given again with roman stages, the second after a full stop ('1) I: 2 blks; … (deep). II: 1 blk neg.')",
			"1) R nasal tip - nod bcc\n2) R medial cheek - sup + nod bcc\n\n1) I: 2 blks; nod bcc papillary/mid dermis, no PNI; + blk 1 (deep). II: 1 blk neg.\n2) I: 3 blks neg; sup + nod bcc in papillary dermis.\n",
			func(n *model.Note) string {
				var out []string
				for _, les := range n.Lesions {
					var blocks []string
					for _, st := range les.Stages {
						blocks = append(blocks, fmt.Sprint(st.Number, ":", st.Blocks.N))
					}
					out = append(out, les.Label+" "+strings.Join(blocks, ","))
				}
				return strings.Join(out, "; ")
			}, "1 1:2,2:1; 2 1:3"},
		{"'1) R nasal ala -- nod BCC. bx+ 08/19/26 shave (…).' opens the tumor and cites its prior biopsy: no biopsy of today",
			"MMS x2 today, both bx+.\n\n1) R nasal ala -- nod BCC. bx+ 08/19/26 shave (CF26-4410). ind: H-zone/nose\n   I: 3 blks; blk 2 + deep; blks 1,3 neg\n" +
				"2) L dorsal forearm -- SCC, WD. bx+ 08/19/26 punch (CF26-4411). ind: recurrent\n   I: 2 blks neg\n",
			func(n *model.Note) string {
				var out []string
				for _, les := range n.Lesions {
					out = append(out, les.Label+" "+les.HeadingText.Value+" "+les.Diagnosis.Value)
				}
				return strings.Join(out, "; ") + fmt.Sprint(" | biopsies ", len(n.Biopsies))
			}, "1 R nasal ala nod BCC; 2 L dorsal forearm SCC, WD | biopsies 0"},
		{"'ind:' and 'preop' after a period in lower case are the tumor's indication and pre-op size (CODING-RULES.md §1: why Mohs was chosen and the size are documented)",
			"1) L temple -- nod BCC. bx+ 10/13/26 shave (CF26-5301). ind: H-zone, recurrent. preop 1.0x0.8cm\n   I: 2 blks; + blk 1 periph; blk 2 neg -> II\n   II: 1 blk neg. clear\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(les.Indication.Value, " | ", les.Size.Dims, " | ", les.PriorBiopsy.Yes)
			}, "H-zone, recurrent | [1 0.8] | true"},
		{"the histology in parentheses after a terse count's margin is the stage's ('I: 2 blks neg (sup BCC papillary dermis, no PNI). clear')",
			"1) R lateral ankle -- BCC, superficial. ind: recurrent\n   I: 2 blks neg (sup BCC papillary dermis, no PNI). clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(st.Blocks.N, " | ", st.Histology.Value)
			}, "2 | sup BCC papillary dermis, no PNI"},
		{"'+ blks 4,6 (histology)': both blocks positive, the histology the stage's, the 6 no stain (CODING-RULES.md §2: only named special stains are billed)",
			"Site: vertex scalp\nI: 7 blks; + blks 4,6 (WD SCC deep dermis, focally infiltrative, no PNI); rest neg -> II\nII: 2 blks neg. clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(st.Margins, " | ", st.Histology.Value, " | stains ", len(st.Stains))
			}, "[{[4 6] true 2} {[] false 2}] | WD SCC deep dermis, focally infiltrative, no PNI | stains 0"},
		{"'+ blks 1,3 periph (…); 2,4 neg': blocks 1 and 3 positive, the 3 no stain; '2,4 neg' keeps its own status",
			"Site: L malar cheek\nI: 4 blks; + blks 1,3 periph (confluent atyp junctional melanocytes, no dermal invasion); 2,4 neg -> II\nII: 2 blks; neg. clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(st.Margins, " | stains ", len(st.Stains))
			}, "[{[1 3] true 2} {[2 4] false 2}] | stains 0"},
		{"one dashed site line over its stages opens the lesion ('L upper back (scapular) - sup + nod BCC; …'), its site the site (CODING-RULES.md §1: the site decides the Mohs class)",
			"DOS: 8/12/2026\n\nL upper back (scapular) - sup + nod BCC; bx 7/22 + (SMS26-2377); pre 2.6x2.1 cm; ind: recurrent, ill-defined\nMAP + H&E, I read.\nstg 1: 6 blks; all neg, clr; sup + nod BCC papillary/upper reticular dermis, PNI-\ndef 3.2x2.6 cm\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(len(n.Lesions), " | ", les.Site.Text.Value, " | ", les.Size.Dims, " | ", les.FinalDefect.Dims, " | ", les.Stages[0].Histology.Value)
			}, "1 | L upper back | [2.6 2.1] | [3.2 2.6] | sup + nod BCC papillary/upper reticular dermis; PNI-"},
		{"in a note whose short lines are keyed in lower case, a line opening in lower case goes on with no value ('closure: int 4.2 cm, after clearance' over 'tol well. rtc 1 wk.')",
			"L temple - MIS (LM type); bx 7/23/26 +; pre 1.8x1.4 cm\nmap each stg; H&E frozens, I read.\nstg 1: 2 blks; neg; clr\ndef 2.9x2.3 cm\nclosure: int 4.2 cm, after clearance\ntol well. rtc 1 wk.\n",
			eachRepair(func(_ model.Lesion, r model.Repair) string { return r.Value.Value }), "int 4.2 cm, after clearance"},
		{"'bx 8/04 + (shave, …)' on a lettered tumor line cites its biopsy: the line opens a tumor, not a biopsy of today (CODING-RULES.md §4)",
			"mohs x2 today.\nMAP + H&E, I read.\na) L preauricular - SCC WD; bx 8/04 + (shave, SMS26-2481); pre 1.1x0.9 cm\n   stg 1: 2 blks; neg; clr\nb) R helix - nod BCC; bx 8/04 + (shave, SMS26-2482); pre 0.7x0.6 cm\n   stg 1: 2 blks; neg; clr\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), " tumors, ", len(n.Biopsies), " biopsies")
			}, "2 tumors, 0 biopsies"},
		{"a log row naming lesion 1 at the site of the one lesion the note's fields describe is that lesion's stage (CODING-RULES.md §1)",
			"Site: right nasal ala\nDiagnosis: basal cell carcinoma, nodular\n\n| Lesion | Site | Stage | Blocks | Margin |\n|---|---|---|---|---|\n| 1 | R nasal ala | 1 | 3 | block 2 positive (deep); blocks 1, 3 clear |\n| 1 | R nasal ala | 2 | 1 | clear |\n",
			stageSummary, "1:3 2:1"},
		{"a log row naming lesion 1 at another site than the one lesion's is not read as its stage",
			"Site: right nasal ala\nDiagnosis: basal cell carcinoma, nodular\n\n| Lesion | Site | Stage | Blocks | Margin |\n|---|---|---|---|---|\n| 1 | L cheek | 1 | 3 | clear |\n",
			stageSummary, ""},
		{"'CLOSURE TABLE (…) - all closures after tumor clearance' captions its table: no repair of its own, the table's repair timed by it (CODING-RULES.md §3)",
			"LESION 1: Left cutaneous upper lip\nStage 1: 2 blocks; margins: clear\n\nCLOSURE TABLE (HistoTrak) - all closures after tumor clearance\nLesion   Closure                          Length   Defect          Timing\n1        complex layered repair           2.4 cm   1.2 x 0.9 cm    after clearance\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", r.Size.Dims, " ", r.Timing.Present())
			}, "1 [2.4] true"},
		{"a dashed site line whose site says where on it after commas ('R upper lip, cutaneous, lat - nod BCC; …') opens the lesion at that site",
			"R upper lip, cutaneous, lat - nod BCC; bx 8/03 + (shave, SMS26-2476); pre 0.7x0.6 cm\nmap + H&E, I read.\nstg 1: 2 blks; neg; clr\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), " ", n.Lesions[0].Site.Text.Value, " ", n.Lesions[0].Size.Dims)
			}, "1 R upper lip [0.7 0.6]"},
		{"'def 1.3x1.1 cm; after clearance bilobed ATT 1.3x1.1 + sec 2.0 sq cm': the final defect, then the flap with both its defects (CODING-RULES.md §3)",
			"Site: L nasal ala\nstg 1: 2 blks; neg; clr\ndef 1.3x1.1 cm; after clearance bilobed ATT 1.3x1.1 + sec 2.0 sq cm; 5-0 monocryl / 6-0 prolene\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return fmt.Sprint(les.FinalDefect.Dims, " ", r.Value.Value, " ", r.Defect.Dims, " ", r.SecondaryDefect.AreaSq)
			}), "[1.3 1.1] bilobed ATT [1.3 1.1] 2"},
		{"a Mohs grid's 'Layer 1 | Sections: 3 | Margins: positive - deep, section 2 | Stains: H&E' is the stage and its fields (CODING-RULES.md §1)",
			"Location: Left nasal ala\n\nMOHS LAYERS\nLayer 1 | Sections: 3 | Margins: positive - deep, section 2 | Stains: H&E\nLayer 2 | Sections: 1 | Margins: negative | Stains: H&E\nTotal layers: 2 | Total sections: 4\n",
			func(n *model.Note) string {
				var out []string
				for _, st := range n.Lesions[0].Stages {
					out = append(out, fmt.Sprint(st.Number, ":", st.Blocks.N, ":", len(st.Margins) > 0 && st.Margins[0].Positive, ":", len(st.Stains)))
				}
				return strings.Join(out, " ")
			}, "1:3:true:1 2:1:false:1"},
		{"an assessment's numbered items ending in the EHR's diagnosis codes restate the lesions: no second tumor in the last lesion's prose (CODING-RULES.md §1)",
			"Lesion 1 of 2: Right posterior shoulder\nDiagnosis: Basal cell carcinoma\nStage 1: 2 blocks; margins: clear\n\nLesion 2 of 2: Left upper chest\nDiagnosis: Squamous cell carcinoma in situ\nStage 1: 3 blocks; margins: clear\n\n" +
				"ASSESSMENT\n1. Basal cell carcinoma of skin of right upper limb, including shoulder - C44.612\n2. Squamous cell carcinoma in situ of skin of trunk - D04.5\n",
			perLesion(func(les model.Lesion) string {
				return fmt.Sprint(les.Label, " ", les.Ambiguous.Present(), " ", len(les.Stages))
			}), "1 false 1; 2 false 1"},
		{"'Surgeon read slides: Yes' under a lesion's label says the surgeon read that lesion's slides, as it does for the note (CODING-RULES.md §1)",
			"Lesion 1 of 2: Right posterior shoulder\nSurgeon read slides: Yes\nStage 1: 2 blocks; margins: clear\n\nLesion 2 of 2: Left upper chest\nSurgeon read slides: Yes\nStage 1: 3 blocks; margins: clear\n",
			perLesion(func(les model.Lesion) string { return les.Pathology.Value }), "surgeon read slides: Yes; surgeon read slides: Yes"},
		{"a labelled repair's length after a semicolon ('Tumor 3, left hip - … complex layered repair with wide undermining; 4.0 cm.') is its length (CODING-RULES.md §3)",
			"Tumor 1: right cheek\nStage 1: 2 blocks; margins: clear\n\nTumor 3: left hip\nStage 1: 2 blocks; margins: clear\n\nClosures:\n  Tumor 3, left hip - after tumor clearance, complex layered repair with wide undermining and cone excision; 4.0 cm.\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return fmt.Sprint(les.Label, " ", r.Size.Dims, r.Length.Dims)
			}), "3 [4] []"},
		{"one sentence telling two tumors' first stages in turn ('I took the first stage of the left temple, three blocks, and after that the first stage of the left preauricular tumor, two blocks') gives each its count (CODING-RULES.md §1)",
			"Tumors treated today:\n  Tumor 1 - Right forehead: nodular basal cell carcinoma.\n  Tumor 2 - Left temple: squamous cell carcinoma in situ.\n  Tumor 3 - Left preauricular: squamous cell carcinoma.\n\n" +
				"We began with the right forehead: its first stage, two blocks, went to the lab at 8:00. While the forehead was being processed I took the first stage of the left temple, three blocks, and after that the first stage of the left preauricular tumor, two blocks.\n",
			perLesion(func(les model.Lesion) string {
				if len(les.Stages) == 0 {
					return les.Label + " none"
				}
				return fmt.Sprint(les.Label, " ", les.Stages[0].Blocks.N)
			}), "1 2; 2 3; 3 2"},
		{"a heading's remark that every tumor under it was biopsied ('Tumors treated today (each shave biopsied on 10/02/2026):') is each tumor's prior biopsy (CODING-RULES.md §1)",
			"Tumors treated today (each shave biopsied on 10/02/2026):\n  Tumor 1 - Right forehead: nodular basal cell carcinoma (SM26-1577).\n  Tumor 2 - Left temple: squamous cell carcinoma in situ (SM26-1578).\n\nTumor 1, stage 1: 2 blocks, clear.\nTumor 2, stage 1: 3 blocks, clear.\n",
			perLesion(func(les model.Lesion) string { return fmt.Sprint(les.Label, " ", les.PriorBiopsy.Yes) }), "1 true; 2 true"},
		{"a signature 'I. Vantongeren-Sole, MD' under a note of one lesion is the surgeon's initial, no lesion numbered I (CODING-RULES.md §1)",
			"Site: Left upper cutaneous lip\nDiagnosis: Basal cell carcinoma, nodular\nStage 1: 2 blocks; margins: clear\n\nI. Vantongeren-Sole, MD\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), " ", len(n.Lesions[0].Stages), " ", n.Lesions[0].Site.Text.Value)
			}, "1 1 Left upper cutaneous lip"},
		{"a key and its measure on the line under a value is a fact of its own, the rest of a key the line above began is not",
			"Site: upper lip\nStage 1: 1 block; margins: clear\nRepair: island pedicle (V-Y) advancement flap after tumor clearance; primary\ndefect 1.0 x 0.8 cm; secondary defect 1.5 sq cm\n",
			func(n *model.Note) string {
				return eachRepair(func(_ model.Lesion, r model.Repair) string {
					return fmt.Sprint(r.Defect.Dims, " ", r.SecondaryDefect.AreaSq)
				})(n)
			}, "[1 0.8] 1.5"},
		{"a repair sentence after the final defect's size ('def 4.8x3.9cm (to galea). after clearance CLC 9.6cm, …') is the repair (CODING-RULES.md §3)",
			"Site: vertex scalp\nI: 2 blks neg. clear\n\ndef 4.8x3.9cm (to galea). after clearance CLC 9.6cm, wide subgaleal undermining, 3-0 PDS deep / staples\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(les.FinalDefect.Dims, " | ", eachRepair(func(_ model.Lesion, r model.Repair) string { return fmt.Sprint(r.Value.Value, " ", r.Length.Dims) })(n))
			}, "[4.8 3.9] | CLC [9.6]"},
		{"tumors listed '1.' and '2.' get their repairs back by '1)' and '2)' (NOTE-FORMAT §1)",
			"mms x2 today:\n 1. r nasolabial fold - bcc, nodular\n 2. l dorsal hand - scc, wd\n\nafter clearance:\n 1) ilc 2.4cm\n 2) slc 2.0cm\n",
			eachRepair(func(les model.Lesion, r model.Repair) string { return les.Label + " " + r.Value.Value }), "1 ilc 2.4cm; 2 slc 2.0cm"},
		{"an arrow to the next stage at the end of a stage's value is no stain of it ('… neg -> II', '→ stg 2')",
			"Site: R nasal ala\nI: 3 blks; blk 2 + deep; blks 1,3 neg -> II\nII: 1 blk neg\n",
			func(n *model.Note) string {
				var out []string
				for _, st := range n.Lesions[0].Stages {
					out = append(out, fmt.Sprint(st.Number, ":", st.Blocks.N, ":", len(st.Stains)))
				}
				return strings.Join(out, " ")
			}, "1:3:0 2:1:0"},
		{"Svc Date is the date of service", "Svc Date: 05/28/2026\nSite: dorsal hand\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-05-28"},
		{"Reading physician (frozen sections) is who read the slides", "Reading physician (frozen sections): Dr. Kowalczyk-Amadi, the operating Mohs surgeon\nSite: forearm\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "Dr. Kowalczyk-Amadi, the operating Mohs surgeon"},
		{"Frozen sections reviewed and signed by is who read the slides", "Frozen sections reviewed and signed by: C. Maalouf-Sato, MD\nSite: right upper eyelid\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "C. Maalouf-Sato, MD"},
		{"stage rows with arrows keep their histology field", "Site: left cheek\nStage 1 -> 2 blocks -> block 1 positive (deep), block 2 clear\n  Histology: well-differentiated SCC; no perineural invasion\nStage 2 -> 1 block -> clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Blocks.N, " ", st[0].Histology.Value)
			}, "2 2 well-differentiated SCC; no perineural invasion"},
		{"a same-day biopsy's frozen section that says who read it is still its frozen section",
			"Site: left upper lip\nSame-day biopsy: tangential (shave) biopsy performed today\nFrozen section: yes, 1 block - read by me as infiltrative basal cell carcinoma\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FrozenSection.Yes, " ", n.Lesions[0].FrozenSection.Blocks)
			}, "true 1"},
		{"a bulleted value going on under the bullet's text",
			"• Site: left upper cutaneous lip\n• Repair: advancement flap (lip), after tumor clearance; secondary defect\n  1.8 sq cm\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.AreaSq) }, "1.8"},
		{"a stage field indented under its log row is that stage's",
			"Site: chin\n\nStage   Blocks   Margins\n1       4        blocks 1 and 4 positive (peripheral)\n        Histology: confluent atypical junctional melanocytes, no PNI\n2       2        clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Histology.Value, "|", st[1].Histology.Value)
			}, "2 confluent atypical junctional melanocytes, no PNI|"},
		{"a value going on indented less than its first line's value",
			"Date of service: 01/20/2026\nSlides: all frozen sections, including the MART-1 immunostains, were\n   read by me (Dr. Mbeki-Thorsson).\nSite: left temple\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "read by the Mohs surgeon: all frozen sections, including the MART-1 immunostains, were read by me (Dr. Mbeki-Thorsson)."},
		{"a two-column table of each lesion's indication",
			"Lesion   Site                   Diagnosis\n1        right medial canthus   nodular BCC\n2        right lateral cheek    SCC\n\nLesion   Indication\n1        periocular H-zone\n2        recurrent tumor in a prior excision scar\n",
			func(n *model.Note) string {
				return n.Lesions[0].Indication.Value + "; " + n.Lesions[1].Indication.Value
			}, "periocular H-zone; recurrent tumor in a prior excision scar"},
		{"a biopsy told in prose and again under its label is one biopsy",
			"Site: left nasal sidewall\nStage 1: 3 blocks; margins: clear\n\nAdditional procedures: A 6 mm scaly papule on the right shoulder with a clinical impression of squamous cell carcinoma was sampled by tangential (shave) biopsy. A 5 mm pigmented papule on the left calf, clinical impression rule out melanoma, was sampled with a 4 mm punch biopsy.\n\nBiopsy 1: tangential biopsy, right shoulder\n  Clinical impression: squamous cell carcinoma\nBiopsy 2: punch biopsy, left calf\n  Clinical impression: rule out melanoma\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Biopsies)) }, "2"},
		{"a reader field's second sentence states the map", "Reader: all frozen sections read by the Mohs surgeon. Mohs maps drawn for both sites.\n\nLesion 1: left neck\nStage 1: 1 block; clear\n\nLesion 2: chest\nStage 1: 2 blocks; clear\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Map.Yes, " ", n.Lesions[1].Map.Yes) }, "true true"},
		{"a repair sentence after a stage's items is the lesion's repair",
			"Site: right temple\nStage one: two blocks, residual tumor at the 4 o'clock peripheral margin of block 2.\nStage two: one block, clear. After clearance the defect was closed with a simple closure of 2.0 cm.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Stages), " ", len(n.Lesions[0].Repairs))
			}, "2 1"},
		{"'Path:' in a dictated sentence that names no reader is what the slides showed",
			"Site: right shin\nPrepped, lido w/ epi, mapped. Stage 1 two blocks. I read all slides myself. Path: well-differentiated SCC to mid dermis, no PNI, margins clear both blocks, peripheral and deep. Done after one stage.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Histology.Present(), " ", len(st[0].Margins) > 0 && !st[0].Margins[0].Positive, " ", strings.HasPrefix(n.Encounter.Pathology.Value, "well"))
			}, "1 true true false"},
		{"a stage line whose keyed items are set apart by dashes",
			"Site: right upper lip\nStage 1 - Blocks: 4 (A-D) - Margins: A+ B- C- D-\nStage 2 - Blocks: 2 (A-B) - Margins: A- B-\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Blocks.N, " ", st[1].Blocks.N, " ", len(st[0].Margins) > 0 && st[0].Margins[0].Positive)
			}, "2 4 2 true"},
		{"a numbered list of stages under 'Stage results:'",
			"LESION A: right cheek\n  Stage results:\n    1. 3 blocks – block 1 positive (deep), blocks 2-3 clear\n    2. 1 block – clear\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:3 2:1"},
		{"a stage's items each in parentheses",
			"Site: forearm\nStage 1\t(3 blks) (blk 1 pos - periph; blks 2, 3 neg) (hist: SCCis with follicular extension)\nStage 2\t(2 blks) (neg)\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Blocks.N, " ", st[1].Blocks.N, " ", st[0].Histology.Present())
			}, "2 3 2 true"},
		{"a typed stage line: a count, then sentences of its margins",
			"Site: chin\nStg 1 - 2 blks. Blk 1 pos at the deep margin, blk 2 neg. Mod diff SCC in the deep dermis, no PNI.\nStg 2 - 1 blk, neg.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Blocks.N, " ", slices.ContainsFunc(st[0].Margins, func(m model.Margin) bool { return m.Positive }))
			}, "2 2 true"},
		{"a stage line whose items are keyed in lower case after dashes",
			"Site: right lateral neck\nLayer I - tissue blocks: 6 - result: block 4 positive (peripheral), blocks 1-3 and 5-6 negative\nLayer II - tissue blocks: 2 - result: negative\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st), " ", st[0].Blocks.N, " ", st[1].Blocks.N, " ", len(st[1].Margins) > 0 && !st[1].Margins[0].Positive)
			}, "2 6 2 true"},
		{"a repair under a type key that gives its length too",
			"Site: right lateral neck\nClosure type: intermediate (layered) closure, 4.2 cm, performed after tumor clearance\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(r.Size.Dims, " ", r.Type.Value == "")
			}, "[4.2] true"},
		{"a dictated sentence naming the payer after its key with no colon",
			"Mohs note.\nThis is Dr. Ann Lee dictating, date of service the twenty-first of July, 7/21/2026. Insurance Humana ChoiceCare PPO.\n\nSite: left upper lip\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value + " " + n.Encounter.Date.Value }, "Humana ChoiceCare PPO 2026-07-21"},
		{"a dictated sentence 'Her coverage is an … plan.' names the payer",
			"This is Dr. Ann Lee dictating. The date of service is October 27, 2026. Her coverage is an Aetna Medicare Advantage PPO plan. She presents for Mohs surgery.\n\nSite: left upper lip\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Aetna Medicare Advantage PPO plan"},
		{"a dictated payer named in lower case: 'Her insurance is commercial, an Anthem …'",
			"This is Dr. Ann Lee dictating. Her insurance is commercial, an Anthem Blue Cross PPO.\n\nSite: left upper lip\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "commercial, an Anthem Blue Cross PPO"},
		{"a dictated sentence 'He is insured through Illinois Medicaid.' names the payer",
			"This is Dr. Ann Lee dictating. He is insured through Illinois Medicaid.\n\nSite: left upper lip\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Illinois Medicaid"},
		{"'Her insurance is pending verification.' names no payer", "Her insurance is pending verification.\n\nSite: left upper lip\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, ""},
		{"a plan's numbered item naming a site among other words opens no lesion",
			"Site: left lower leg (pretibial)\nStage 1: 2 blocks; clear\n\nASSESSMENT AND PLAN:\n1. SCC, left lower leg - Mohs performed today, 1 stage, 2 blocks.\n2. Compression wrap and leg elevation; bolster removal in 7 days.\n3. Follow-up in 3 months.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), " ", len(n.Lesions[0].Stages), " ", slices.Contains(rules(n), "lesion-ambiguous"))
			}, "1 1 false"},
		{"'Insurance verified.' names no payer", "Insurance verified. The patient was prepped.\nSite: left upper lip\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, ""},
		{"a final defect with a remark opened by 'of'", "Site: left upper cutaneous lip\nFinal defect: 1.4 x 1.0 cm of the left upper cutaneous lip, not involving vermilion\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FinalDefect.Dims, " ", slices.Contains(rules(n), "value-invalid"))
			}, "[1.4 1] false"},
		{"Mohs Appropriateness is the indication", "Site: nasal tip\nMohs Appropriateness: H-zone location\n",
			func(n *model.Note) string { return n.Lesions[0].Indication.Value }, "H-zone location"},
		{"a graft's donor site under it is the graft's, not a repair of its own",
			"Site: left antihelix\nRepair: full-thickness skin graft after clearance\n  Area: 2.2 x 1.8 cm\n  Donor site: left postauricular sulcus, donor closed side to side (included in the graft)\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", n.Lesions[0].Repairs[0].Area.Dims)
			}, "1 [2.2 1.8]"},
		{"a Reason column beside a log's stains gives their reason",
			"Site: left scrotum\n| Stage | Blocks | Stains | Reason | Margins |\n|---|---|---|---|---|\n| 1 | 3 | H&E, CK7 (blocks 1-3) | CK7 to highlight single Paget cells | clear |\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0].Stains
				return st[len(st)-1].Name + ": " + st[len(st)-1].Reason
			}, "CK7: CK7 to highlight single Paget cells"},
		{"lesions numbered with a hash before their sites", "#1 left cheek\nDiagnosis: BCC\nStage 1: 2 blocks, clear\n\n#2 right forearm\nDiagnosis: SCC\nStage 1: 3 blocks, clear\n",
			perLesion(func(les model.Lesion) string {
				return les.Label + " " + les.HeadingText.Value + " " + fmt.Sprint(len(les.Stages))
			}), "1 left cheek 1; 2 right forearm 1"},
		{"a hash before words that name no site opens no lesion", "Site: left cheek\nStage 1: 3 blocks\n#3 block positive\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), " ", n.Lesions[0].Site.Text.Value) }, "1 left cheek"},
		{"bulleted sites ending with a colon head their lesions", "• Left cheek:\nDiagnosis: BCC\nStage 1: 2 blocks, clear\n\n• Right forearm:\nDiagnosis: SCC\nStage 1: 3 blocks, clear\n",
			perLesion(func(les model.Lesion) string { return les.HeadingText.Value + " " + fmt.Sprint(len(les.Stages)) }), "Left cheek 1; Right forearm 1"},
		{"two stage fields run on in one line", "Site: cheek\nStage 1: 3 blocks, positive deep. Stage 2: 2 blocks, negative.\n", stageSummary, "1:3 2:2"},
		{"a later stage run on in one line keeps the sentences after its own",
			"Site: left forehead\nMap drawn. First stage: three blocks, positive at the deep margin of block 3. Second stage: two blocks. I ran a Ber-EP4 immunostain on both blocks for follicular epithelium. Both blocks were clear.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[1]
				return fmt.Sprint(stageSummary(n), " stains=", len(st.Stains), " margins=", len(st.Margins), " positive=", slices.ContainsFunc(st.Margins, func(m model.Margin) bool { return m.Positive }))
			}, "1:3 2:2 stains=1 margins=1 positive=false"},
		{"a lesion label keyed by its site",
			"Tumor 1 - right preauricular cheek: squamous cell carcinoma (bx 09/09/2026). Pre-op size 2.3 x 2.0 cm.\nTumor 2 - left dorsal wrist: basal cell carcinoma, nodular (bx 09/09/2026).\n",
			perLesion(func(les model.Lesion) string {
				return les.Label + " " + les.HeadingText.Value + " " + les.Diagnosis.Value
			}), "1 right preauricular cheek squamous cell carcinoma; 2 left dorsal wrist basal cell carcinoma"},
		{"repairs listed by hash number under a heading after the lesions",
			"Lesion #1 - right helix\n  Stage 1: 2 blocks; clear\n\nLesion #2 - left dorsal hand\n  Stage 1: 1 block; clear\n\nRECONSTRUCTION (all after tumor clearance)\n  #1 right helix: complex repair, 1.9 cm\n  #2 left dorsal hand: simple repair, 3.0 cm\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return les.Label + " " + r.Value.Value + " / " + r.Timing.Value
			}), "1 complex repair, 1.9 cm / RECONSTRUCTION (all after tumor clearance); 2 simple repair, 3.0 cm / RECONSTRUCTION (all after tumor clearance)"},
		{"repairs listed by number before a colon, the site in parentheses or none",
			"Lesion 1: right nasal sidewall\nStage 1: 2 blocks; clear\n\nLesion 2: left upper chest\nStage 1: 3 blocks; clear\n\nRepairs after tumor clearance:\n1 (nasal sidewall): complex linear repair, 2.0 cm\n2: intermediate layered closure, 3.8 cm\n",
			eachRepair(func(les model.Lesion, r model.Repair) string { return les.Label + " " + r.Value.Value }), "1 complex linear repair, 2.0 cm; 2 intermediate layered closure, 3.8 cm"},
		{"a repairs paragraph whose sentences name their lesions",
			"LESION 1 – RIGHT FOREHEAD\nStage I was divided into two blocks; both were clear.\n\nLESION 2 – RIGHT UPPER ARM\nStage I was divided into three blocks; all were clear.\n\n" +
				"REPAIRS (all performed after tumor clearance):\nThe forehead defect (lesion 1), 1.6 x 1.4 cm, was closed with an intermediate layered repair, 3.3 cm. Deep sutures were placed.\nThe arm defect (lesion 2), 2.4 x 2.0 cm, was closed with a simple repair, 2.8 cm.\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return fmt.Sprint(les.Label, " ", r.Value.Value, " ", r.Length.Dims, " timed=", r.Timing.Present())
			}), "1 intermediate layered repair [3.3] timed=true; 2 simple repair [2.8] timed=true"},
		{"repairs listed by label under a heading with a remark",
			"Lesion 1: left nasal ala\nStage 1: 2 blocks; clear\n\nLesion 2: right upper arm\nStage 1: 3 blocks; clear\n\nREPAIRS (performed after tumor clearance at both sites)\nLesion 1: complex layered repair, length 2.4 cm.\nLesion 2: intermediate layered repair, length 4.4 cm.\n",
			eachRepair(func(les model.Lesion, r model.Repair) string { return les.Label + " " + r.Timing.Value }), "1 REPAIRS (performed after tumor clearance at both sites); 2 REPAIRS (performed after tumor clearance at both sites)"},
		{"repairs listed by label before a dash, a flap's defects after semicolons",
			"Lesion A: right nasal tip\nStage 1: 2 blocks; clear\n\nLesion B: left preauricular cheek\nStage 1: 2 blocks; clear\n\nRepairs (all performed after tumor clearance):\nA — bilobed flap; primary defect 1.1 x 1.0 cm; secondary defect 1.5 x 1.2 cm\nB — complex linear repair, length 3.0 cm\n",
			eachRepair(func(les model.Lesion, r model.Repair) string {
				return fmt.Sprint(les.Label, " ", r.Defect.Dims, r.SecondaryDefect.Dims, r.Length.Dims)
			}), "A [1.1 1] [1.5 1.2] []; B [] [] [3]"},
		{"a secondary defect under a dictated repair is that repair's",
			"Site: glabella\nRECONSTRUCTION: Following clearance, the 2.4 x 2.0 cm glabellar defect was repaired with a rotation flap from the forehead.\n  Defect: 2.4 x 2.0 cm\n  Secondary defect: 3.1 x 2.2 cm (6.82 cm²)\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(len(les.Repairs), " ", les.Repairs[0].SecondaryDefect.Dims)
			}, "1 [3.1 2.2]"},
		{"an excision margin with a remark after its size",
			"Site: right neck\nMargin: 3 mm around the clinical border for the first stage\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].ExcisionMargin.Dims) }, "[0.3]"},
		{"stains under a log that name a stage are that stage's",
			"Site: chin\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 3 | positive |\n| 2 | 2 | clear |\n\nStains: stage II, AE1/AE3 on both blocks to look for perineural spread\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(len(les.Stages[0].Stains), " ", les.Stages[1].Stains[0].Name, " ", les.Stages[1].Stains[0].Blocks == nil)
			}, "0 AE1/AE3 true"},
		{"stains under a log on 'both blocks' of no stage are no stage's",
			"Site: chin\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 3 | positive |\n| 2 | 2 | clear |\n\nStains: AE1/AE3 on both blocks to look for perineural spread\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(len(les.Stages[0].Stains), len(les.Stages[1].Stains), " ", rules(n))
			}, "0 0 [prose-ambiguous]"},
		{"stains naming a stage the note does not list are no stage's",
			"Site: chin\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 3 | positive |\n| 2 | 2 | clear |\n\nStains: stage 4, AE1/AE3 on all blocks\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(len(les.Stages), len(les.Stages[0].Stains), len(les.Stages[1].Stains), " ", rules(n))
			}, "2 0 0 [prose-ambiguous]"},
		{"a stain sentence after a stage's count is the stage's stain, not its histology",
			"Site: left forehead\nStage 1: three blocks, positive at the deep margin of block 3.\nStage 2: two blocks. MART-1 was run on both blocks for melanocytes. Both blocks were clear.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[1]
				return fmt.Sprint(stageSummary(n), " stains=", len(st.Stains), " histology=", st.Histology.Present())
			}, "1:3 2:2 stains=1 histology=false"},
		{"layers in words run on in one line", "Site: cheek\nLayer one: 3 blocks, positive deep. Layer two: 2 blocks, negative.\n", stageSummary, "1:3 2:2"},
		{"a dictated line ending with a colon is no heading", "Site: L dorsal forearm\nMap drawn. Stage 1, two blocks, I interpreted the slides myself:\nfull-thickness atypia, both blocks clear. Single stage.\n", stageSummary, "1:2"},
		{"a label whose text is the site, then dictation", "LESION 1: NASAL TIP. The first stage was processed as two blocks, which were clear.\n",
			func(n *model.Note) string { return n.Lesions[0].HeadingText.Value + " " + stageSummary(n) }, "NASAL TIP 1:2"},
		{"numbered lesions that cite their biopsy are lesions, not biopsies", "1. Scalp vertex — squamous cell carcinoma. Biopsy confirmed: yes, 3/3/2026.\n   Stage 1: 2 blocks, clear.\n\n2. Left dorsal hand — basal cell carcinoma. Biopsy confirmed: yes.\n   Stage 1: 1 block, clear.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), " ", len(n.Biopsies)) }, "2 0"},
		{"a map field in the header above the labels is every lesion's", "Mohs map: drawn\n\nLesion 1\nSite: right antihelix\nStage 1: 2 blocks; clear\n\nLesion 2\nSite: left temple\nStage 1: 1 block; clear\n",
			func(n *model.Note) string {
				amb := slices.ContainsFunc(n.Findings, func(f diag.Finding) bool { return f.Rule == "lesion-ambiguous" })
				return fmt.Sprint(n.Lesions[0].Map.Yes, n.Lesions[1].Map.Yes, amb)
			}, "true true false"},
		{"a stage-scoped histology key above the log is the row's stage", "Site: nose\nHistology (stage 1): nodular BCC, mid dermis\n\n| Stage | Blocks | Margins |\n|---|---|---|\n| 1 | 4 | block 3 positive |\n| 2 | 2 | clear |\n",
			func(n *model.Note) string { return stageSummary(n) + " " + n.Lesions[0].Stages[0].Histology.Value }, "1:4 2:2 nodular BCC, mid dermis"},
		{"double-spaced log with its TOTAL row", "Site: temple\n\n| Stage | Blocks | Margins |\n\n|---|---|---|\n\n| 1 | 3 | positive |\n\n| 2 | 1 | clear |\n\n| TOTAL | 4 | |\n",
			func(n *model.Note) string {
				unread := slices.ContainsFunc(n.Findings, func(f diag.Finding) bool { return f.Rule == "layout-unread" })
				return fmt.Sprint(stageSummary(n), " unread=", unread)
			}, "1:3 2:1 unread=false"},
		{"a heading over a blank line still heads the line after it", "LESION A\nSite: left cheek\nStage 1: 2 blocks, clear\n\nRepairs (after tumor clearance at each site):\n\nA: final defect 1.3 x 1.2 cm; intermediate layered closure 2.4 cm\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Timing.Value }, "Repairs (after tumor clearance at each site)"},
		{"a header boxed in an ASCII frame", "+------------------------------------------------+\n| MOHS LOG   Date: 05/19/2026   Surgeon: E. Rang  |\n| Path: read by surgeon (Dr. Rang)                |\n+------------------------------------------------+\nSite: right dorsal foot\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + " / " + n.Encounter.Pathology.Value }, "2026-05-19 / read by surgeon (Dr. Rang)"},
		{"a date sentence before a field on one line", "Mohs surgery, left helix. Date 04/15/2026. Mohs surgeon T. Lund, MD. Payer: UnitedHealthcare.\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + " " + n.Encounter.Payer.Value }, "2026-04-15 UnitedHealthcare"},
		{"date only in the title", "# Mohs Case Log — 2026-08-18\nSite: chin\n",
			func(n *model.Note) string { return fmt.Sprintf("%s@%d", n.Encounter.Date.Value, n.Encounter.Date.Line) }, "2026-08-18@1"},
		{"a date ending a title of words", "Mohs op note 05/18/2026\nSite: chin\n",
			func(n *model.Note) string { return fmt.Sprintf("%s@%d", n.Encounter.Date.Value, n.Encounter.Date.Line) }, "2026-05-18@1"},
		{"a date after a title with a number is not the title's", "Mohs note for 2 lesions 05/18/2026\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, ""},
		{"two dates in the title: neither", "Mohs report 2026-08-18 - typed 2026-08-19\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, ""},
		{"a title's date under a date field: the field's", "MOHS LOG, 2026-08-18\nDate of service: 08/17/2026\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-08-17"},
		{"an unfilled block count beside a stage's margins keeps the margins",
			"Site: left cheek\nStage 1: 2 blocks; margins: block 1 positive\nStage 2: *** blocks; margins: negative\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[1]
				return fmt.Sprint(st.Blocks.N, " ", len(st.Margins), " ", slices.Contains(rules(n), "value-invalid"))
			}, "0 1 true"},
		{"a key inside a dictated stage paragraph is dictation",
			"Site: left cheek\nStage one was divided into five blocks. Stains: H&E and MART-1 on all five blocks for melanocyte density. Histology: confluent atypical junctional melanocytes, no dermal invasion. Block two was positive at the lateral margin; blocks one, three, four and five were clear.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(stageSummary(n), " stains=", len(st.Stains), " histology=", st.Histology.Present())
			}, "1:5 stains=2 histology=true"},
		{"numbered lesions in the order of their numbers",
			"Site two: basal cell carcinoma, right nasal tip.\n\nSITE ONE (left temple): Stage 1: 2 blocks, clear.\n\nSITE TWO (right nasal tip): Stage 1: 1 block, clear.\n",
			func(n *model.Note) string {
				var out []string
				for _, les := range n.Lesions {
					out = append(out, les.Label)
				}
				return strings.Join(out, " ")
			}, "1 2"},
		{"lesions labelled by a letter in parentheses",
			"(A) LEFT LOWER EYELID\nStage 1: 2 blocks; clear\n\n(B) RIGHT NASAL TIP\nStage 1: 3 blocks; clear\n",
			perLesion(func(les model.Lesion) string { return les.Label + " " + les.HeadingText.Value }), "A LEFT LOWER EYELID; B RIGHT NASAL TIP"},
		{"'pos:' before blocks is a margin, no place of service",
			"Site: chin\nStage 1: 3 blocks\npos: blocks 2, 3 (deep)\n",
			func(n *model.Note) string { return n.Encounter.PlaceOfService.Value }, ""},
		{"a legend's 'POS = POSITIVE' is no place of service",
			"Site: chin\nStage 1: 3 blocks\nPNI = PERINEURAL INVASION   POS = POSITIVE   BLK = BLOCK\n",
			func(n *model.Note) string { return n.Encounter.PlaceOfService.Value }, ""},
		{"POS: 11 is the place of service", "POS: 11 - Office\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.PlaceOfService.Value }, "11"},
		{"a key without a colon after a semicolon at a value's end",
			"Lesion A: left cheek\n   Pre-op size: 1.1 x 0.9 cm; map drawn\nStage 1: 2 blocks; clear\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims, " ", n.Lesions[0].Map.Yes) }, "[1.1 0.9] true"},
		{"a key with no value before a stage key on its line holds the rest of the line",
			"Site: right jawline\nSPECIMENS: Mohs stage I - 4 tissue blocks; Mohs stage II - 1 tissue block.\nFINDINGS:\tStage I:\tSCC at the deep margin of block 3; blocks 1, 2 and 4 clear. Stage II:\tclear.\n",
			func(n *model.Note) string { return stageSummary(n) }, "1:4 2:1"},
		{"an EHR's abbreviated primary insurance key", "Primary Ins.: Aetna Open Access Managed Choice\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Aetna Open Access Managed Choice"},
		{"two fields on one line", "Surgeon: A. Bee, MD      Insurance: Aetna HMO\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Aetna HMO"},
		{"checkbox", "Site: chin\nMohs map drawn: [X] Yes  [ ] No\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Map.Yes) }, "true"},
		{"unchecked box is not a yes", "Site: chin\nMohs map drawn: [ ] Yes  [X] No\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Map.Yes) }, "false"},
		{"remark after a size with no comma", "Site: ear\nFinal defect: 1.6 x 1.2 cm through the helical rim\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].FinalDefect.Dims) }, "[1.6 1.2]"},
		{"what a size measured after it, no comma", "Site: neck\nPre-op Size: 1.4 x 1.2 cm yellow-pink nodule\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims) }, "[1.4 1.2]"},
		{"closure type with a remark, then the repair", "Site: scalp\nClosure type: [ ] Simple  [X] Intermediate (layered)  [ ] Complex\nRepair: intermediate layered closure, 4.2 cm\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "1"},
		{"a repair dictated in the first person is read as prose, its secondary defect no primary area",
			"Site: right malar cheek\nFinal defect: 3.4 x 2.9 cm\nRECONSTRUCTION: After tumor clearance I reconstructed the defect with a cheek advancement flap. The secondary defect created by the flap and Burow's triangle measured 9.0 sq cm and was closed within the flap repair.\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(r.Size.AreaSq, " ", r.SecondaryDefect.AreaSq)
			}, "0 9"},
		{"an EHR's '# of sections' in a stage's row", "Site: left malar cheek\nStage 1: # of sections: 5; Margins: {positive/negative:positive}\nStage 2: # of sections: 1; Margins: {positive/negative:negative}\n",
			stageSummary, "1:5 2:1"},
		{"a two-column page's other column after a size", "Site: cheek\nRepair: advancement flap\nSecondary defect: 4.5 sq cm                    removal\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.AreaSq) }, "4.5"},
		{"remark after a size", "Site: ear\nPre-op size: 1.8 x 1.5 cm, extending onto the helical rim\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims) }, "[1.8 1.5]"},
		{"stage-scoped key", "Site: ear\nStage 1: 2 blocks; margins: clear\nStage 1 histology: nodular BCC\n",
			func(n *model.Note) string { return n.Lesions[0].Stages[0].Histology.Value }, "nodular BCC"},
		{"stage-scoped key with the fact first", "Site: nose\nStg 1: 3 blks / + deep blk 2\nHist stg 1: nodular BCC, mid dermis, no PNI\nStg 2: 1 blk / neg\n",
			func(n *model.Note) string {
				return n.Lesions[0].Stages[0].Histology.Value + "|" + n.Lesions[0].Stages[1].Histology.Value
			}, "nodular BCC, mid dermis, no PNI|"},
		{"margins key with the stage after it", "Site: nose\nStage 1: 2 blocks\nMargins stage 1: clear\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Stages[0].Margins)) }, "1"},
		{"a stages key over dictation", "Site: temple\nStages: The first stage was divided into five blocks. A second stage of three blocks was taken. A total of two stages were required.\n", stageSummary, "1:5 2:3"},
		{"a dated biopsy field before the labels is every lesion's", "DOS: 10/27/2026\n- Biopsy Date: 9/29/26\n\nSITE A: right nasal sidewall\nStage 1: 2 blocks, clear\n\nSITE B: left upper arm\nStage 1: 1 block, clear\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), n.Lesions[0].PriorBiopsy.Yes, n.Lesions[1].PriorBiopsy.Yes)
			}, "2 true true"},
		{"a punch's size under a biopsy label is no lesion's size", "Site: nose\nPre-op size: 0.9 x 0.8 cm\nStage 1: 2 blocks, clear\n\nBiopsy 1: punch biopsy, left shoulder\n   - Size: 4 mm punch\n   - Frozen section: yes, 1 block\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Size.Dims, " ", n.Biopsies[0].FrozenSection.Blocks)
			}, "[0.9 0.8] 1"},
		{"CLOSURE heading over repair fields", "Site: scalp\nStage 1: 2 blocks, clear\n\nCLOSURE\nType: complex layered repair\nLength: 9.6 cm\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs
				return fmt.Sprintf("%d %s%s %v", len(r), r[0].Type.Value, r[0].Value.Value, r[0].Length.Dims)
			}, "1 complex layered repair [9.6]"},
		{"closure type checkboxes, then the repair", "Site: hand\nClosure type:\n  [X] Simple\n  [ ] Intermediate\nRepair: simple linear repair, 2.0 cm\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs
				return fmt.Sprintf("%d %s / %s", len(r), r[0].Type.Value, r[0].Value.Value)
			}, "1 Simple / simple linear repair, 2.0 cm"},
		{"two-line log record: result line under the row", "Site: left calf\nS1 | 3 blocks | H&E\n   -> all 3 blocks clear; nodular BCC in the papillary dermis\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprintf("%d clear=%v %s", st.Blocks.N, len(st.Margins) == 1 && !st.Margins[0].Positive, st.Histology.Value)
			}, "3 clear=true nodular BCC in the papillary dermis"},
		{"label whose text is cells: site | diagnosis | biopsy", "LESION: left posterior calf | BCC, superficial and nodular | shave bx 09/15/2026 confirmed\nStage 1: 2 blocks, clear\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprintf("%s / %s / %v", les.HeadingText.Value, les.Diagnosis.Value, les.PriorBiopsy.Yes)
			}, "left posterior calf / BCC / true"},
		{"bare PRE-OP key and size before fields", "Site: left calf\nPRE-OP 2.2 x 1.9 cm | INDICATION: size > 2 cm | MAP: drawn\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims, n.Lesions[0].Map.Yes) }, "[2.2 1.9] true"},
		{"stage value wrapping onto a parenthesis, then its sentences", "Site: left cheek\nStage 1: four blocks. Stains: H&E and Melan-A on all four blocks for melanocyte density, and PRAME\n(blocks 1-2) to separate melanoma in situ from solar melanocytic hyperplasia.\nAtypical junctional melanocytes extended to the peripheral margin of blocks 1 and 2.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				var out []string
				for _, sn := range st.Stains {
					out = append(out, fmt.Sprintf("%s%v", sn.Name, sn.Blocks))
				}
				return fmt.Sprintf("%s positive=%v", strings.Join(out, " "), len(st.Margins) > 0 && st.Margins[0].Positive)
			}, "H&E[] Melan-A[] PRAME[1 2] positive=true"},
		{"special stain field before dictated stages", "Site: left lower lip\nSpecial stains: toluidine blue\n\nStage I was taken and divided into four pieces and was clear.\n",
			func(n *model.Note) string {
				var out []string
				for _, st := range n.Lesions[0].Stages[0].Stains {
					out = append(out, fmt.Sprintf("%s special=%v", st.Name, st.Special))
				}
				return strings.Join(out, "; ")
			}, "toluidine blue special=true"},
		{"stain reason before the log", "Site: calf\nStain reason: MART-1 to assess melanocyte density at the margins\nStage   Blocks   Stains        Margins\n1       3        H&E, MART-1   clear\n",
			func(n *model.Note) string {
				var out []string
				for _, st := range n.Lesions[0].Stages[0].Stains {
					out = append(out, st.Name+"="+st.Reason)
				}
				return strings.Join(out, "; ")
			}, "H&E=; MART-1=MART-1 to assess melanocyte density at the margins"},
		{"1st Stage", "Site: ear\n1st Stage: 2 Sections, Positive\n2nd Stage: 1 Section, Negative\n", stageSummary, "1:2 2:1"},
		{"stage line with dashes", "Site: hand\nStage 1 -- 2 blocks -- margins negative\n", stageSummary, "1:2"},
		{"pipe log", "Site: nose\n| Stage | Blocks | Result |\n|---|---|---|\n| 1 | 6 | positive |\n| 2 | 2 | clear |\n", stageSummary, "1:6 2:2"},
		{"box log", "Site: nose\n+-------+--------+\n| Stage | Blocks |\n+-------+--------+\n| I     | 3      |\n+-------+--------+\n", stageSummary, "1:3"},
		{"space-aligned log", "Site: back\nSTAGE  BLOCKS  MARGIN STATUS\n1      8       positive (deep)\n2      3       negative\n", stageSummary, "1:8 2:3"},
		{"tab log with an empty last cell", "Site: chin\nStage\tBlocks\tMargins\tComment\n1\t3\tpositive\tSCC\n2\t1\tnegative\t\n", stageSummary, "1:3 2:1"},
		{"one row per block", "Site: eyelid\nStage  Block  Margin\nI      A      +\nI      B      -\nII     A      -\n", stageSummary, "1:2 2:1"},
		{"block letters and x-counts", "Site: scalp\nStage  Blocks  Margins\nI      A-C     clear\nII     x2      clear\n", stageSummary, "1:3 2:2"},
		{"site from the diagnosis", "PREOPERATIVE DIAGNOSIS: Basal cell carcinoma of the left nasal ala.\nStage 1: 2 blocks\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left nasal ala"},
		{"lettered lesion with sentence fields", "A. Left cheek – basal cell carcinoma (shave biopsy 04/01/2026). Pre-op size 1.0 x 0.8 cm.\n",
			func(n *model.Note) string {
				return n.Lesions[0].Label + " " + n.Lesions[0].Site.Text.Value + " " + fmt.Sprint(n.Lesions[0].Size.Dims)
			}, "A Left cheek [1 0.8]"},
		{"field keyed by a lesion label", "LESION A\nSite: left cheek\nLESION B\nSite: neck\nA: final defect 1.3 x 1.2 cm; intermediate layered closure 2.4 cm\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FinalDefect.Dims, len(n.Lesions[0].Repairs), len(n.Lesions[1].Repairs))
			}, "[1.3 1.2] 1 0"},
		{"Repaired by apart from its repair", "Site: eyelid\nClosure: full-thickness skin graft\nRepaired by: Dr. Ortiz, oculoplastic surgery\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].By.Value }, "Dr. Ortiz, oculoplastic surgery"},
		{"Deepest plane reached is the deep structures", "Site: wrist\nDeepest plane reached: periosteum of the distal radius\n",
			func(n *model.Note) string { return n.Lesions[0].DeepStructures.Value }, "periosteum of the distal radius"},
		{"PREOPERATIVE DIAGNOSES in the plural", "PREOPERATIVE DIAGNOSES: basal cell carcinoma, left temple\n",
			func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value }, "basal cell carcinoma, left temple"},
		{"Repair performed: Y is no repair of its own", "Site: cheek\nRepair Performed: Y\nRepair Type: Intermediate\nRepair Length (cm): 3.0\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", n.Lesions[0].Repairs[0].Type.Value)
			}, "1 Intermediate"},
		{"numbered stages under a stage count", "Site: nose\nMohs Stages Performed: 2\n   1) 3 blocks - residual tumor at the deep margin of block 2\n   2) 1 block - margins negative\nTotal # of Blocks: 4\n", stageSummary, "1:3 2:1"},
		{"a numbered list under no stage count is no stage", "Site: nose\nPlan:\n   1) 3 blocks of ice\n", stageSummary, ""},
		{"a dated Biopsy line is the prior biopsy", "Site: nose\nBiopsy: shave biopsy 08/12/2025, nodular BCC\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].PriorBiopsy.Yes, len(n.Biopsies)) }, "true 0"},
		{"second intention under Wound care", "Site: shin\nWound care: healing by secondary intention after clearance\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Value.Value }, "healing by secondary intention after clearance"},
		{"wound care that is no healing plan is no repair", "Site: shin\nWound care: petrolatum and a pressure dressing\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "0"},
		{"a bare LESION banner over the one lesion", "Final wound size: 1.9 x 1.6 cm\n\nLESION\nBody site: right shin\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), n.Lesions[0].FinalDefect.Dims, n.Lesions[0].Site.Text.Value)
			}, "1 [1.9 1.6]right shin"},
		{"a bracketed stage heading over its fields", "Site: arm\n[Stage 1]\n  Tissue blocks: 7\n  Margins: clear\n[Stage 2]\n  Tissue blocks: 2\n", stageSummary, "1:7 2:2"},
		{"a biopsy's unchecked kinds are not its kind", "Site: chest\nStage 1: 1 block; clear\nBiopsy 1: [x] tangential (shave) [ ] punch [ ] incisional    Site: right dorsal forearm\n",
			func(n *model.Note) string { return n.Biopsies[0].Value.Value + "|" + n.Biopsies[0].Site.Text.Value }, "tangential (shave)|right dorsal forearm"},
		{"a lower-case key continuing a wrapped sentence is prose", "Site: shin\n\nThe first stage was taken and divided into four sections. I read the\nfrozen sections: superficial basal cell carcinoma centrally, and all four sections were clear.\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FrozenSection.Present(), n.Encounter.Pathology.Present(), len(n.Lesions[0].Stages))
			}, "false true 1"},
		{"a stage count then dictated sentences", "Site: arm\nStage 1: four blocks. Stains: H&E and MART-1 on all four blocks for melanocyte density. Reading the slides myself, I found melanoma in situ at the lateral margin of blocks 3 and 4; blocks 1 and 2 were clear.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				names := []string{}
				for _, s := range st.Stains {
					names = append(names, s.Name)
				}
				return fmt.Sprint(st.Blocks.N, " ", st.Margins[0].Positive, " ", names)
			}, "4 true [H&E MART-1]"},
		{"a frozen section's count before its result", "Site: nose\nFrozen section: yes, 1 block - basal cell carcinoma, nodular\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FrozenSection.Yes, n.Lesions[0].FrozenSection.Blocks)
			}, "true 1"},
		{"bilingual keys", "Fecha / Date of service: 01/27/2026\nSitio / Site: right upper cutaneous lip\nDiagnostico / Diagnosis: basal cell carcinoma\n",
			func(n *model.Note) string {
				return n.Encounter.Date.Value + "|" + n.Lesions[0].Site.Text.Value + "|" + n.Lesions[0].Diagnosis.Value
			}, "2026-01-27|right upper cutaneous lip|basal cell carcinoma"},
		{"a wrapped sentence under a dictated field's value", "Site: temple\nMOHS PROCEDURE: A Mohs map was drawn. Stage 1 consisted of three blocks. I personally read the\nfrozen sections: squamous cell carcinoma in the mid dermis, and all three blocks were clear.\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].FrozenSection.Present(), " ", slices.Contains(rules(n), "value-invalid"))
			}, "false false"},
		{"a date whose sentence ends in the value", "Date of service: 09/01/2026. Surgeon Dr. Gideon Falk.\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-09-01"},
		{"a date key and its date with no colon", "DOS 2026-05-05  |  Surgeon: Dr. Eulalia Brennan\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + "|" + n.Encounter.Surgeon.Value }, "2026-05-05|Dr. Eulalia Brennan"},
		{"a date key before words is no date", "Date of biopsy unknown\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, ""},
		{"a closure line naming only sutures is the repair above's", "Site: cheek\nRepair: cheek rotation flap, after tumor clearance\nClosure: 5-0 Monocryl deep, 6-0 nylon skin\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", n.Lesions[0].Repairs[0].Value.Value)
			}, "1 cheek rotation flap, after tumor clearance"},
		{"a closure with its class after a flap is a repair", "Site: cheek\nRepair: cheek rotation flap\nClosure: simple, 5-0 nylon, 1.0 cm\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "2"},
		{"a surgeon remark naming the surgeon as the reader", "Mohs surgeon: Evangelina Hartwell-Osei, MD (all blocks read by Dr. Hartwell-Osei)\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "true"},
		{"a surgeon remark naming another reader", "Mohs surgeon: Evangelina Hartwell-Osei, MD (all blocks read by Dr. Lee)\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "false"},
		{"checkbox lines under a key alone are its value", "Site: hand\nClosure:\n  ☐ Simple linear   ☐ Intermediate   ☐ Flap\n  ☒ Second intention   ☐ Delayed / referred\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Value.Value }, "Second intention"},
		{"No. of blocks under a stage", "Site: shin\nStage 1\n  No. of blocks: 2\n  Margin status: clear\n", stageSummary, "1:2"},
		{">> before a label", ">> Tumor 1 of 2\n   Anatomic region: left lateral neck\n>> Tumor 2 of 2\n   Anatomic region: right forearm\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value + "|" + n.Lesions[1].Site.Text.Value }, "left lateral neck|right forearm"},
		{"Plan naming an insurer is the payer", "Plan: Anthem Blue Cross PPO\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Anthem Blue Cross PPO"},
		{"Plan naming no insurer is no payer", "Site: chest\nPlan: follow-up appointment in one week\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, ""},
		{"a surgeon who reads own sections", "Surgeon: Okonkwo, MD - Mohs surgeon / pathologist (reads own sections)\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "true"},
		{"a surgeon who also read the sections, in a relative clause", "Surgeon: Caspian Sorensen, MD, who also read all frozen sections\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "true"},
		{"a relative clause naming a pathologist is not the surgeon reading", "Surgeon: Caspian Sorensen, MD, who sent the sections to be read by Dr. Lee, dermatopathologist\nSite: chest\n",
			func(n *model.Note) string {
				return fmt.Sprint(strings.HasPrefix(n.Encounter.Pathology.Value, "read by the Mohs surgeon"))
			}, "false"},
		{"a map for both sites before tables of lesions, stages and repairs", "Maps: drawn for both sites\n\nSITE #  LOCATION      DIAGNOSIS       PRE-OP SIZE\n1       left cheek    BCC, nodular    1.1 x 0.9 cm\n2       left flank    BCC, superficial  2.4 x 2.1 cm\n\nSITE #  STAGE  BLOCKS  MARGINS     STAGE-1 HISTOLOGY\n1       1      3       positive    nodular BCC, deep dermis\n1       2      1       clear\n2       1      8       clear       superficial BCC\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, les := range n.Lesions {
					fmt.Fprintf(&b, "%s|%d stages|map %v|%s; ", les.Site.Text.Value, len(les.Stages), les.Map.Yes, les.Stages[0].Histology.Value)
				}
				return b.String()
			}, "left cheek|2 stages|map true|nodular BCC, deep dermis; left flank|1 stages|map true|superficial BCC; "},
		{"tumors numbered T1, T2 in a lesion column", "Tumor  Site             Dx              Pre-op size\nT1     R nasal tip      BCC, nodular    0.6 x 0.5 cm\nT2     mid upper back   SCC, WD         1.8 x 1.5 cm\n\nTumor  Stage  Blocks  Margins\nT1     1      3       block 2 +, deep\nT1     2      1       clear\nT2     1      7       all clear\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, les := range n.Lesions {
					fmt.Fprintf(&b, "%s %s %d; ", les.Label, les.Site.Text.Value, len(les.Stages))
				}
				return b.String()
			}, "1 R nasal tip 2; 2 mid upper back 1; "},
		{"an insurer alone in the banner row is the payer", "MOHS CASE LOG (2 tumors)        DOS 03/31/2026        Cigna Open Access Plus\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Cigna Open Access Plus"},
		{"a plan word alone in the banner row is no payer", "MOHS CASE LOG        DOS 03/31/2026        PPO verified\nSite: chest\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, ""},
		{"surgeon and slide reader", "Surgeon and slide reader: Bart Lau, MD\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "true"},
		{"a remark on the surgeon key says the surgeon reads", "Mohs surgeon (reads all frozen sections): Dr. Anne Borowski\nSite: chest\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Encounter.Surgeon.Value, "|", strings.HasPrefix(n.Encounter.Pathology.Value, "read by the Mohs surgeon"))
			}, "Dr. Anne Borowski|true"},
		{"the diagnosis field's site wins over a site in prose", "Diagnosis: Nodular basal cell carcinoma of the right chin, biopsy proven.\n\nThe patient also pointed out a new scaly papule on the left shoulder. A 4 mm punch biopsy was performed.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "right chin"},
		{"a billing line names the payer", "Site: chest\nBILLING: Primary Medicare Part B, secondary Medigap Plan G.\n",
			func(n *model.Note) string { return n.Encounter.Payer.Value }, "Primary Medicare Part B, secondary Medigap Plan G."},
		{"a note with no surgeon field is signed by its surgeon", "Site: chest\n\nI excised the first stage as two blocks.\n\nAmbrose Kuznetsov-Obi, MD\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Encounter.Surgeon.Value, "@", n.Encounter.Surgeon.Line)
			}, "Ambrose Kuznetsov-Obi, MD@5"},
		{"a pathologist's signature is no surgeon", "Site: chest\n\nThe slides were read as clear.\n\nAnneliese Vorhaus, MD, Dermatopathologist\n",
			func(n *model.Note) string { return n.Encounter.Surgeon.Value }, ""},
		{"a surgeon alone says nothing of the slides", "Surgeon: Okonkwo, MD\nSite: chest\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "false"},
		{"stage lines in an unknown field's value", "Site: jawline\nSPECIMENS: Mohs stage I - 4 tissue blocks, mapped and inked; Mohs stage II - 1 tissue block, mapped.\n",
			func(n *model.Note) string {
				return stageSummary(n) + fmt.Sprint(" map ", n.Lesions[0].Map.Yes, len(n.Lesions[0].Stages[0].Stains))
			}, "1:4 2:1 map true 0"},
		{"a stage in a sentence before a stage field", "Site: right lower eyelid\nMap drawn. Stage 1 was taken as 2 blocks; frozen sections showed atypia at block 1 (positive), block 2 clear.\nStage 2: one block, clear.\n", stageSummary, "1:2 2:1"},
		{"stage-scoped histology that places tumor at the margins", "Site: cheek\nStage 1: 5 blocks\nStage 1 histology: morpheaform BCC in the deep dermis; tumor at the superior and lateral margins\n",
			func(n *model.Note) string {
				m := n.Lesions[0].Stages[0].Margins
				return fmt.Sprint(len(m) == 1 && m[0].Positive)
			}, "true"},
		{"a stage restated inside a value is the stage listed", "Site: jawline\nStage 1: 4 blocks\nStage 2: 1 block\nFINDINGS: SCC at the deep margin. Stage 2: clear.\n",
			func(n *model.Note) string {
				return stageSummary(n) + fmt.Sprint(" ", n.Lesions[0].Stages[1].Margins[0].Positive)
			}, "1:4 2:1 false"},
		{"a stage restated with another count has none", "Site: jawline\nStage 1: 4 blocks\nFINDINGS: SCC at the deep margin. Stage 1: 3 blocks, positive.\n", stageSummary, "1:0"},
		{"stage lines of their own count as listed", "Site: jawline\nStage 1: 4 blocks\nStage 1: 3 blocks\n", stageSummary, "1:4 1:3"},
		{"a value wrapped flush with its key", "PREOPERATIVE DIAGNOSIS: Nodular basal cell carcinoma, biopsy proven, of the left\nnasal sidewall.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left nasal sidewall"},
		{"a new sentence under a long value is no continuation", "Pathology: all frozen sections for all three lesions read by the Mohs surgeon\nMohs map drawn for each lesion.\nSite: nose\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "all frozen sections for all three lesions read by the Mohs surgeon"},
		{"Pre-op: a size", "Site: ear\nPre-op: 0.8 x 0.8 cm\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Size.Dims) }, "[0.8 0.8]"},
		{"Preoperative: a diagnosis and its site", "Preoperative: biopsy-proven basal cell carcinoma, nodular, left temple (shave biopsy 1/2/2026)\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left temple"},
		{"Pre-op: neither", "Site: ear\nPre-op: photos taken\n",
			func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value + fmt.Sprint(n.Lesions[0].Size.Dims) }, "[]"},
		{"the site in a history sentence", "HISTORY: Basosquamous (metatypical) carcinoma of the right lower eyelid, confirmed on shave biopsy 11/03/2025.\nStage 1: 1 block; clear\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "right lower eyelid"},
		{"a stage log of S1, S2 parts between pipes", "Site: nose\nStage log .......... S1: 2 blocks, block 1 positive (deep) | S2: 1 block, clear\nS1 histology ....... infiltrative BCC, deep dermis\n",
			func(n *model.Note) string { return stageSummary(n) + " " + n.Lesions[0].Stages[0].Histology.Value }, "1:2 2:1 infiltrative BCC, deep dermis"},
		{"form panels are lesions", "--- Form 1 of 2 ---------\nSite: right nasal dorsum\nClosure: complex repair, 1.0 cm\n--- Form 2 of 2 ---------\nSite: right dorsal forearm\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value + "|" + n.Lesions[1].Site.Text.Value }, "right nasal dorsum|right dorsal forearm"},
		{"a label's site keying its dictation", "DOS: 5/19/2026\n\nLesion 1: left nasal ala\nDx: BCC\n\nLesion 2: right upper arm\nDx: SCC\n\n" +
			"Lesion 1, left nasal ala: the first stage was divided into two blocks. Block 1 was positive; block 2 was clear. A second stage of one block was clear.\n\n" +
			"Lesion 2, right upper arm: the first stage was divided into three blocks, all clear.\n",
			func(n *model.Note) string { return lesionOutline(n) }, "left nasal ala 2,1; right upper arm 3"},
		{"numbered lesions that name the site, then the tumor, over their stages", "DOS: 02/26/2026\nAll slides read by me.\n\n" +
			"1) R nasal ala BCC (bx 1/29/26). Map drawn.\n   S1 2 blks, +deep blk 1. Nodular BCC mid dermis, no PNI.\n   S2 1 blk clr.\n   Def 1.3 x 1.1 cm -> FTSG 1.3 x 1.1 cm after clearance, donor R preauric.\n\n" +
			"2) Mid upper back BCC (bx 1/29/26). Map drawn.\n   S1 3 blks clr. Superficial BCC, pap dermis.\n   Def 2.2 x 1.8 cm -> intermediate closure 4.5 cm after clearance.\n",
			func(n *model.Note) string {
				return lesionOutline(n) + " | " + n.Lesions[0].Diagnosis.Value + " | " + fmt.Sprint(n.Lesions[0].FinalDefect.Dims)
			}, "R nasal ala 2,1 [FTSG []]; Mid upper back 3 [intermediate closure [4.5]] | BCC (bx 1/29/26) | [1.3 1.1]"},
		{"an assessment's numbered diagnoses over no stage open nothing", "Site: left temple\nStage 1: 2 blocks, clear\n\nASSESSMENT:\n1. Left temple BCC, nodular, cleared.\n2. Actinic keratoses, treated with cryotherapy.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions)) }, "1"},
		{"a stage's blocks signed one by one under its heading", "Site: back\nStage 1:\n  Margins: A+ (deep)  B-  C-  D+ (9 o'clock)  E-  F-  G-\nStage 2:\n  Margins: A-  B-\n",
			stageSummary, "1:7 2:2"},
		{"a stage's signed margins with a gap count no blocks", "Site: back\nStage 1:\n  Margins: A+  C-\n", stageSummary, "1:0"},
		{"'Repair length:' after a dictated repair", "Site: helix\nStage 1: 2 blocks, clear\nThe defect was repaired with a complex layered closure after trimming of the cartilage edge. Repair length: 2.8 cm.\n",
			func(n *model.Note) string { return lesionOutline(n) }, "helix 2 [complex layered closure [2.8]]"},
		{"'LENGTH:' under a closure read as prose", "Site: scalp\nStage 1: 2 blocks, clear\nCLOSURE: Intermediate (layered) repair after clear margins were confirmed\nLENGTH: 5.4 cm\n",
			func(n *model.Note) string { return lesionOutline(n) }, "scalp 2 [Intermediate (layered) repair [5.4]]"},
		{"'LENGTH:' under the value of 'REPAIR:'", "Site: scalp\nStage 1: 2 blocks, clear\nREPAIR:\nIntermediate (layered) repair after clear margins were confirmed\nLENGTH: 5.4 cm\n",
			func(n *model.Note) string { return lesionOutline(n) }, "scalp 2 [Intermediate (layered) repair [5.4]]"},
		{"a biopsy's result keyed 'Path (accession)' is no reader", "Surgeon: Marguerite Okonjo-Velasquez, MD\nHPI: shave biopsy of the left nasal sidewall. Path (WC26-0933): nodular basal cell carcinoma.\nSite: left nasal sidewall\nPathology: frozen sections read by the Mohs surgeon\nStage 1: 3 blocks; clear\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "frozen sections read by the Mohs surgeon"},
		{"a heading's remark says who read the slides", "Site: cheek\nSummary of stages (all frozen sections interpreted by the Mohs surgeon):\nStage 1: 2 blocks; clear.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Present()) }, "true"},
		{"'Surgeon performed pathology interpretation: [X] Yes'", "Site: eyelid\nSurgeon performed pathology interpretation: [X] Yes  [ ] No\nStage 1: 2 blocks; clear\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "surgeon performed pathology interpretation: Yes"},
		{"a numbered procedure list opens no lesion", "PREOPERATIVE DIAGNOSIS: Well-differentiated squamous cell carcinoma, left helical rim.\n\nPROCEDURES:\n1. Mohs micrographic surgery.\n2. Wedge excision of the helix with primary repair.\n\nStage 1: 2 blocks, clear\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), " ", n.Lesions[0].Site.Text.Value) }, "1 left helical rim"},
		{"an abbreviated place word's period ends no heading", "Lesion 1 – L nasal ala\n• Dx: BCC\n\nLesion 2 – R post. shoulder\n• Dx: SCC, mod diff (bx 6/5/26)\n• Stg 1: 2 blks; clear\n",
			func(n *model.Note) string { return n.Lesions[1].HeadingText.Value }, "R post. shoulder"},
		{"a tissue log's cases are lesions", "CASE 1 - occipital scalp\nDx: SCC\nStage 1: 2 blocks, clear\n\nCASE 2 - left breast, upper outer quadrant\nDx: BCC\nStage 1: 1 block, clear\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value + "|" + n.Lesions[1].Site.Text.Value }, "occipital scalp|left breast, upper outer quadrant"},
		{"tab-separated checkbox choices are the key's value", "Site: left dorsal wrist\nDeep structures involved\t( ) muscle  ( ) tendon  (x) none\n",
			func(n *model.Note) string { return n.Lesions[0].DeepStructures.Value }, "none"},
		{"tab-separated repair choices", "Site: wrist\nRepair\t( ) simple  ( ) intermediate  (x) complex  ( ) flap\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Value.Value }, "complex"},
		{"a date with its time and zone", "Performed on: 03/17/2026 09:12 CDT\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-03-17"},
		{"a date with a time after a comma", "Date of service: March 4, 2026, 10:30 AM\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-03-04"},
		{"a value under its key wrapped flush", "Site: nose\nREPAIR:\nBilobed transposition flap, performed after tumor clearance. Primary defect\n1.2 x 1.0 cm; secondary defect 1.6 sq cm.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].Defect.Dims) }, "[1.2 1]"},
		{"a stage value wrapped after a dangling key", "Site: temple\n   Stage 1: 2 blocks, block 1 positive (lateral), block 2 clear. Histology:\n   SCC in situ with follicular extension, no invasion.\n",
			func(n *model.Note) string { return n.Lesions[0].Stages[0].Histology.Value }, "SCC in situ with follicular extension; no invasion."},
		{"a site followed by more words in the diagnosis", "Diagnosis: invasive melanoma of the left cheek diagnosed on a broad shave biopsy 05/08/2026: superficial spreading type\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left cheek"},
		{"a planned reconstruction is not a repair", "Site: cheek\nPlanned reconstruction: rotation flap if the defect exceeds 2 cm\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Repairs)) }, "0"},
		{"a closure keyed by its timing", "Site: cheek\nClosure after tumor clearance: simple repair, 4.0 cm\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Timing.Value }, "Closure after tumor clearance"},
		{"fields joined by semicolons", "Site: nose\nDx: BCC (bx 1/2/2026); Indication: nose; Size: 1.0 x 0.8 cm; Map: yes\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(les.Diagnosis.Value, "|", les.Indication.Value, "|", les.Size.Dims, "|", les.Map.Yes)
			}, "BCC (bx 1/2/2026)|nose|[1 0.8]|true"},
		{"HTML left by an export", "<p><strong>Site:</strong> left temple</p>\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left temple"},
		{"tab log with two trailing empty cells", "Site: cheek\nStage\tBlocks\tTumor present?\tLocation\tHistology\n1\t2\tY\tblock 1\tBCC\n3\t1\tN\t\t\n", stageSummary, "1:2 3:1"},
		{"a Tumor present? column is the margin", "Site: cheek\nStage\tBlocks\tTumor present?\n1\t2\tY\n2\t1\tN\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, st := range n.Lesions[0].Stages {
					fmt.Fprint(&b, st.Margins[0].Positive, " ")
				}
				return b.String()
			}, "true false "},
		{"a Positive blocks column is the margin", "Site: back\nStage   Blocks   Positive blocks\nI       A B C    C (deep)\nII      A B      none\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, st := range n.Lesions[0].Stages {
					fmt.Fprint(&b, st.Blocks.N, st.Margins[0].Positive, " ")
				}
				return b.String()
			}, "3 true 2 false "},
		{"a Read by column says who read the slides", "Site: forearm\n| Stage | Blocks | Read by |\n|---|---|---|\n| 1 | 3 | Dr. Ann Lee (dermatopathology) |\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "Dr. Ann Lee (dermatopathology)"},
		{"dashed lesion lines, a log and repairs keyed by site", "Map: drawn for each site\n\nLeft helix - SCC, well differentiated; shave biopsy 06/09/2026\nRight calf - BCC, nodular; pre-op size 2.2 x 1.8 cm\n\n| Site | Stage | Blocks |\n|---|---|---|\n| Left helix | 1 | 3 |\n| Left helix | 2 | 1 |\n| Right calf | 1 | 6 |\n\nRepairs:\n- Left helix: complex linear repair, 1.8 cm\n- Right calf: intermediate layered closure, 4.0 cm\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, les := range n.Lesions {
					fmt.Fprintf(&b, "%s|%s|%d stages|%d repairs|map %v; ", les.Site.Text.Value, les.Diagnosis.Value, len(les.Stages), len(les.Repairs), les.Map.Yes)
				}
				return b.String()
			}, "Left helix|SCC, well differentiated|2 stages|1 repairs|map true; Right calf|BCC, nodular|1 stages|1 repairs|map true; "},
		{"one dashed line is no lesion list", "Left helix - SCC, well differentiated\nStage 1: 2 blocks\n",
			func(n *model.Note) string { return fmt.Sprintf("%d %s", len(n.Lesions), n.Lesions[0].Label) }, "1 1"},
		{"a frozen-sections key that says who read them", "Site: chin\nFrozen sections: interpreted by the Mohs surgeon for both sites\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Encounter.Pathology.Present(), n.Lesions[0].FrozenSection.Present())
			}, "true false"},
		{"terse log keys", "site: L postauricular\nindic: recurrent\nStg 1: 3 blks; blk 1 +(deep), blk 2-3 neg\nStg 2: 1 blk; neg\n",
			func(n *model.Note) string {
				les := n.Lesions[0]
				return fmt.Sprint(les.Indication.Value, "|", stageSummary(n), "|", les.Stages[0].Margins[0].Positive)
			}, "recurrent|1:3 2:1|true"},
		{"biopsies keyed 'Bx A - site'", "Site: hand\nStage 1: 2 blocks\n\nBx A - left parietal scalp: incisional biopsy of a plaque. Clinical impression: basal cell carcinoma.\nBx B - upper back, midline: tangential (shave) biopsy.\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, bx := range n.Biopsies {
					fmt.Fprintf(&b, "%s|%s|%s|%s; ", bx.Label, bx.Site.Text.Value, bx.Type.Value, bx.Diagnosis.Value)
				}
				return b.String()
			}, "A|left parietal scalp|incisional biopsy of a plaque|basal cell carcinoma; B|upper back, midline|tangential (shave) biopsy|; "},
		{"a biopsy keyed 'Bx 1 (other lesion)'", "Site: hand\nStage 1: 2 blocks\n\nBx 1 (other lesion): punch biopsy 4 mm, right shin\n  Clinical impression: r/o SCC vs. hypertrophic actinic keratosis\n",
			func(n *model.Note) string {
				var b strings.Builder
				for _, bx := range n.Biopsies {
					fmt.Fprintf(&b, "%s|%s; ", bx.Label, bx.Site.Text.Value)
				}
				return b.String()
			}, "1|right shin; "},
		{"a specimen column names the stages, a debulk row is none", "Site: nose\n| Specimen | Blocks | Margins |\n|---|---|---|\n| Debulk | 1 | n/a |\n| Stage 1 | 3 | positive |\n| Stage 2 | 1 | clear |\n", stageSummary, "1:3 2:1"},
		{"a specimen column beside a margin is one row per block", "Site: eyelid\nStage  Specimen  Margin\nI      A         +\nI      B         -\n", stageSummary, "1:2"},
		{"an Encounter key with a date", "Encounter: 05/19/2026    Provider: A. Bee, MD\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-05-19"},
		{"an Encounter key without a date is no date and no error", "Encounter: office visit for Mohs\nSite: chin\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Date.Present(), len(n.Findings)) }, "false 0"},
		{"fields after a sentence end", "Date of service: 03/16/2026. Surgeon: Ann Lee, MD. Payer: Medicare Part B.\nSite: chin\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + "|" + n.Encounter.Payer.Value }, "2026-03-16|Medicare Part B."},
		{"a dash for the colon", "Location - right posterior calf\nMap - drawn\nStage 1 - 7 blocks - clear\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Site.Text.Value, "|", n.Lesions[0].Map.Yes, "|", stageSummary(n))
			}, "right posterior calf|true|1:7"},
		{"a dashed sentence that names no key is prose", "Site: calf\nPatient tolerated - no complications\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Findings)) }, "0"},
		{"dot leaders after a stage key", "Site: forehead\nStage 1..................: 3 blocks; margins: clear\n", stageSummary, "1:3"},
		{"a repair class checkbox grid and a length in mm by its key", "Site: forearm\nRepair class:  [ ] Simple  [x] Intermediate  [ ] Complex\nRepair length (mm): 52\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(r.Type.Value, "|", r.Length.Dims) // in cm
			}, "Intermediate|[5.2]"},
		{"a repair class then the repair is one repair", "Site: finger\nRepair class: [ ] Simple  [X] Complex\nRepair: complex linear repair, 2.0 cm\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), "|", n.Lesions[0].Repairs[0].Type.Value, "|", n.Lesions[0].Repairs[0].Value.Value)
			}, "1|Complex|complex linear repair, 2.0 cm"},
		{"space-aligned stage rows with an indented histology row", "Location               right medial cheek\n\nStage 1    3 blocks    Positive - block 2 deep\n   Histology    nodular BCC in the mid dermis\nStage 2    1 block     Negative\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(stageSummary(n), "|", st[0].Margins[0].Positive, "|", st[0].Histology.Value, "|", st[1].Margins[0].Positive)
			}, "1:3 2:1|true|nodular BCC in the mid dermis|false"},
		{"a repair key and its value set apart by spaces", "Site: cheek\nRepair type            rotation flap\nSecondary defect       2 x 1.5 cm\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].SecondaryDefect.Dims) }, "[2 1.5]"},
		{"a key after a sentence in a run-on dictation", "OPERATIVE REPORT. DATE OF SERVICE: 10/14/2026. SURGEON: Ann Lee, MD. INSURANCE: Medicare Part B.\nSite: nose\n",
			func(n *model.Note) string { return n.Encounter.Date.Value + "|" + n.Encounter.Payer.Value }, "2026-10-14|Medicare Part B."},
		{"Date of operation", "Date of operation: 22 Sep 2026\nSite: temple\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2026-09-22"},
		{"block counts written noun first", "Site: cheek\n1st stage: blocks x3 - BCC at deep margin of blk 2; blks 1 & 3 neg.\n2nd stage: blocks x1 - neg.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(stageSummary(n), "|", st[0].Margins[0].Positive, "|", st[1].Margins[0].Positive)
			}, "1:3 2:1|true|false"},
		{"a yes/no checklist", "Site: eyelid\n\nItem                       Yes   No\nMohs map drawn              X\nSlides read by Mohs surgeon X\nPrior biopsy                      X\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Map.Yes, "|", n.Encounter.Pathology.Present(), "|", n.Lesions[0].PriorBiopsy.Present(), n.Lesions[0].PriorBiopsy.Yes)
			}, "true|true|true false"},
		{"a checkbox checklist under an unnamed item column", "Site: hand\n\n                                Yes    No\nMohs map drawn                   ☒     ☐\nFrozen sections read by the Mohs surgeon   ☒     ☐\nPrior biopsy                     ☐     ☒\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Map.Yes, "|", n.Encounter.Pathology.Present(), "|", n.Lesions[0].PriorBiopsy.Present(), n.Lesions[0].PriorBiopsy.Yes)
			}, "true|true|true false"},
		{"a paragraph after listed lesions that speaks of both sites is every lesion's", "PREOPERATIVE DIAGNOSES:\n1. Left dorsal hand - squamous cell carcinoma.\n2. Right dorsal foot - basal cell carcinoma.\n\nDESCRIPTION:\nBoth sites were confirmed with the patient. I read every frozen section myself, and each stage was recorded on a Mohs map of its site.\n\nThe first lesion, on the left dorsal hand, measured 1.3 x 1.0 cm. The first stage was divided into two blocks; both were clear.\n\nThe second lesion, on the right dorsal foot, measured 1.0 x 0.9 cm. The first stage was divided into three blocks, all clear.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions), n.Lesions[0].Map.Yes, n.Lesions[1].Map.Yes)
			}, "2 true true"},
		{"a block count after a comma in a stage key", "Site: hand\nProcedure: A Mohs map was drawn. Stage 1, 4 blocks: BCC in the deep dermis at the deep margin of blocks 1 and 4; blocks 2 and 3 clear. Stage 2, 2 blocks: clear.\n",
			func(n *model.Note) string { return stageSummary(n) + "|" + strings.Join(rules(n), " ") }, "1:4 2:2|"},
		{"a checked repair kind over the repair is one repair", "Site: nasal sidewall\nStage 1: 2 blocks; clear\nRecon type:  ☐ second intention  ☐ linear  ☒ flap  ☐ graft\nRecon: advancement flap after tumor clearance; defect 1.4 x 1.2 cm; secondary defect 1.5 sq cm\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", n.Lesions[0].Repairs[0].Type.Value)
			}, "1 flap"},
		{"abbreviated sizes after a lesion's label under a repairs heading", "Lesion A: cheek\nStage 1: 2 blocks; clear\nLesion B: neck\nStage 1: 2 blocks; clear\nRepairs (after tumor clearance):\nA: advancement flap; Def 2.8 x 2.4 cm; 2°def 5.0 sq cm\nB: intermediate (layered) repair; Def 1.5 x 1.2 cm; Len 3.5 cm\n",
			func(n *model.Note) string {
				a, b := n.Lesions[0].Repairs[0], n.Lesions[1].Repairs[0]
				return fmt.Sprint(n.Lesions[0].FinalDefect.Dims, a.SecondaryDefect.AreaSq, b.Length.Dims)
			}, "[2.8 2.4] 5 [3.5]"},
		{"a stain reason below a log of two lesions is the stained lesion's", "Lesion A: cheek\nLesion B: neck\n\nLes | Stg | Blks | Mgns  | IHC\nA   | 1   | 5    | blk 2 + | MART-1 (all blks)\nA   | 2   | 3    | clear | MART-1 (all blks)\nB   | 1   | 2    | clear | none\n\nIHC reason: MART-1 for melanocyte density at the margins.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Stages), n.Lesions[0].Stages[1].Stains[0].Reason != "")
			}, "2 true"},
		{"a repairs sentence naming both lesions a dictation opened in its paragraphs", "The patient has two biopsy-proven skin cancers: a squamous cell carcinoma of the left temple and a basal cell carcinoma of the right dorsal hand.\n\n" +
			"The first lesion, on the left temple, was addressed first. The first stage was divided into three blocks, all clear.\n\n" +
			"Attention was then turned to the second lesion, on the right dorsal hand. The first stage was divided into two blocks, both clear.\n\n" +
			"After tumor clearance at both sites, the temple defect was closed with an intermediate layered repair measuring 3.8 cm, and the hand defect was closed with a complex repair measuring 2.0 cm.\n",
			func(n *model.Note) string {
				out := ""
				for _, les := range n.Lesions {
					out += fmt.Sprint(les.Site.Text.Value, ":", len(les.Repairs), ";")
				}
				return out
			}, "left temple:1;right dorsal hand:1;"},
		{"lesions the prose numbers, then a log and repairs by those numbers", "The patient presented for Mohs surgery of two tumors. Lesion 1 is a basal cell carcinoma of the left medial cheek. Lesion 2 is a squamous cell carcinoma in situ of the left lateral neck.\n\n" +
			"Lesion  Stage  Blocks  Margins\n1       1      3       positive (1, deep)\n1       2      1       clear\n2       1      2       clear\n\n" +
			"Closures, after tumor clearance:\n1: final defect 1.6 x 1.3 cm; intermediate layered closure 2.6 cm\n2: final defect 1.9 x 1.6 cm; simple linear repair 2.4 cm\n",
			func(n *model.Note) string {
				out := ""
				for _, les := range n.Lesions {
					out += fmt.Sprint(les.Label, ":", len(les.Stages), ":", len(les.Repairs), ";")
				}
				return out
			}, "1:2:1;2:1:1;"},
		{"a dictation naming its site only in the diagnostic biopsy's sentence", "His dermatologist performed a shave biopsy of the right lateral cheek on 04/03/2026; the pathology showed infiltrative basal cell carcinoma.\n\nThe first stage was divided into three blocks, all clear.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "right lateral cheek"},
		{"a dictation naming its site in words of its own keeps them over the biopsy's", "His dermatologist performed a shave biopsy of the cheek on 04/03/2026; the pathology showed basal cell carcinoma.\n\nHe presents for Mohs surgery of the right lateral cheek. The first stage was divided into three blocks, all clear.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "right lateral cheek"},
		{"a reader key ending in 'by' without a colon", "Surgeon: Ann Lee, MD\nPath read by surgeon (Dr. Lee), all sites\nSite: cheek\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "surgeon (Dr. Lee), all sites"},
		{"a reader key opening a line of sentences is prose", "Site: cheek\nStage 1: 2 blks, neg.\nSlides read by me. Map drawn.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Encounter.Pathology.Value, "|", n.Lesions[0].Map.Yes) }, "read by the Mohs surgeon (as stated in prose)|true"},
		{"a key with ' = ' before its colon", "Surgeon = pathologist (Y/N): Y\nSite: cheek\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "surgeon = pathologist (y/n): Y"},
		{"the diagnosis prose names at the lesion's site, not an earlier one elsewhere", "Her nodular basal cell carcinoma of the left cheek was treated last year. Today she presents with a squamous cell carcinoma of the right dorsal hand, biopsy-proven.\n\nSite: right dorsal hand\nStage 1: 2 blocks; clear\n",
			func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value }, "squamous cell carcinoma"},
		{"a frozen section given as its count alone", "Site: cheek\nSame-day biopsy: shave biopsy of this lesion today\nFrozen section: 1 block\n",
			func(n *model.Note) string { fs := n.Lesions[0].FrozenSection; return fmt.Sprint(fs.Yes, fs.Blocks) }, "true 1"},
		{"a dot-leader form's abbreviated key whose dot stands for the leader", "Prior bx .... none\nDx .......... BCC-nod\nFrozen sect.  yes, on today's shave bx (1 blk)\nSite ........ left upper lip\n",
			func(n *model.Note) string { fs := n.Lesions[0].FrozenSection; return fmt.Sprint(fs.Yes, fs.Blocks) }, "true 1"},
		{"a same-day biopsy field whose sentence sends it for a frozen section", "Site: cheek\nSAME-DAY BIOPSY: A 4 mm punch biopsy of this lesion was taken and submitted for an intraoperative frozen section, processed as two blocks.\n",
			func(n *model.Note) string { fs := n.Lesions[0].FrozenSection; return fmt.Sprint(fs.Yes, fs.Blocks) }, "true 2"},
		{"lesions the intro describes by label, their stages after 'Lesion A:', their repairs by site", "HISTORY: Two carcinomas were treated today. Lesion A is a nodular basal cell carcinoma of the left nasal sidewall. It measured 0.6 x 0.5 cm. Lesion B is a squamous cell carcinoma of the right lateral neck. It measured 1.3 x 1.1 cm.\n\n" +
			"Lesion A: the first stage was divided into two blocks, both clear.\nLesion B: the first stage was divided into three blocks, all clear.\n\n" +
			"REPAIR OF THE TWO DEFECTS: The left nasal sidewall defect was closed with a complex layered repair; repair length 18 mm. The right neck defect was closed with an intermediate layered repair; repair length 4.4 cm.\n",
			func(n *model.Note) string {
				out := ""
				for _, les := range n.Lesions {
					out += fmt.Sprint(les.Label, ":", les.Site.Text.Value, ":", les.Size.Dims, ":", len(les.Stages), ":", len(les.Repairs), ";")
				}
				return out
			}, "A:left nasal sidewall:[0.6 0.5]:1:1;B:right lateral neck:[1.3 1.1]:1:1;"},
		{"a history naming one site and the prose another: two tumors, ambiguous", "HISTORY: An enlarging keratotic nodule on the left dorsal hand, biopsy-proven squamous cell carcinoma.\n\nA hyperkeratotic papule on the right dorsal forearm was excised.\n\nThe first stage was divided into three blocks, all clear.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Ambiguous.Present()) }, "true"},
		{"a second lesion sampled with a clinical impression is another lesion, not a second tumor of the Mohs lesion", "HISTORY: He presents with a 1.3 x 1.0 cm ill-defined plaque of the left lateral neck. A second lesion, a 6 mm irregularly pigmented macule of the right upper back, was sampled by incisional biopsy for permanent sections; clinical impression: rule out melanoma.\n\nThe first stage was divided into two blocks, both clear.\n",
			func(n *model.Note) string {
				bx := ""
				for _, b := range n.Biopsies {
					bx += " | " + b.Type.Value + " of " + b.Site.Text.Value
				}
				return fmt.Sprint(n.Lesions[0].Ambiguous.Present(), " ", n.Lesions[0].Site.Text.Value, bx)
			}, "false left lateral neck | incisional biopsy of right upper back"},
		{"terse stage lines: a count after a dash in the key, items, then a remark", "Surgeon: K. Frost, MD (surgeon + reader of all slides)\nSite: foot\nStage I - 3 blks: blk 2 + (radial), blks 1 & 3 neg. SCCIS w/ follicular ext, no invasion, no PNI\nStage II - 1 blk: neg\n",
			func(n *model.Note) string { return stageSummary(n) + "|" + n.Encounter.Pathology.Value }, "1:3 2:1|read by the Mohs surgeon: surgeon + reader of all slides"},
		{"a stain prose runs on every stage, stages stated as fields", "Site: shoulder\n\nFrozen sections were stained with H&E and with MART-1 on every block of every stage to judge melanocyte density.\n\nStage 1: 3 blocks; positive\nStage 2: 1 block; clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages
				return fmt.Sprint(len(st[0].Stains), " ", len(st[1].Stains), " ", st[1].Stains[0].Name)
			}, "1 1 MART-1"},
		{"an ALL-CAPS stage heading with its value on the next line", "Site: scalp\n\nSTAGE 1:\n4 blocks. Blocks 2 and 3 positive at the deep margin; blocks 1 and 4 clear.\nSTAGE 2:\n2 blocks. All margins clear.\n",
			func(n *model.Note) string {
				return stageSummary(n) + fmt.Sprint("|", len(n.Lesions[0].Stages[0].Margins))
			}, "1:4 2:2|1"},
		{"a plural stain-reasons key", "Site: groin\nStage 1: 2 blocks; stain: H&E, CK7; clear\nStain reasons: CK7 on every block to pick out single Paget cells\n",
			func(n *model.Note) string { return n.Lesions[0].Stages[0].Stains[1].Reason }, "CK7 on every block to pick out single Paget cells"},
		{"a reader field whose clause after a semicolon draws the map for every site", "Slides: the Mohs surgeon acted as surgeon and pathologist for both sites; a map was drawn for each site.\n\nLesion A: left cheek\nStage 1: 2 blocks; clear\n\nLesion B: right forearm\nStage 1: 1 block; clear\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Map.Yes, " ", n.Lesions[1].Map.Yes) }, "true true"},
		{"a repair's title and its description, neither with a size, are one repair", "Site: right nasolabial fold\nStage 1: 2 blocks; clear\n\nPROCEDURE:\nMohs micrographic surgery, one stage, with island pedicle flap reconstruction.\n\nRECONSTRUCTION:\nAfter tumor clearance the defect measured 1.6 x 1.4 cm. A V-Y island pedicle advancement flap was designed and advanced into the defect.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), " ", n.Lesions[0].Repairs[0].Value.Value)
			}, "1 V-Y island pedicle advancement flap"},
		{"a reader field that names the doctor and draws the map for each stage", "Pathology: Frozen sections of both lesions were read by Dr. Osei-Fairbanks, the Mohs surgeon, and each stage was recorded on a Mohs map.\n\nLESION 1: LEFT HELICAL RIM\nStage 1: 2 blocks; clear\n\nLESION 2: LEFT MEDIAL CHEEK\nStage 1: 2 blocks; clear\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Map.Yes, " ", n.Lesions[1].Map.Yes) }, "true true"},
		{"where the tissue was taken is no stain", "Site: nose\nSecond stage: one block, taken medially. Margins were clear.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions[0].Stages[0].Stains)) }, "0"},
		{"keys without colons, values on the next line", "Date of Service\n07/07/2026\nSite\nleft upper eyelid\nMohs Map\ndrawn\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Encounter.Date.Value, "|", n.Lesions[0].Site.Text.Value, "|", n.Lesions[0].Map.Yes)
			}, "2026-07-07|left upper eyelid|true"},
		{"a word that is a key, then a sentence, is a field only under a key", "Site: nose\nPlan\nFollow up in one week.\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Findings)) }, "0"},
		{"an assessment list names no lesion", "Site: right temple\nDiagnosis: SCC\nStage 1: 2 blocks; margins: clear\n\nASSESSMENT\n1. Squamous cell carcinoma of the right temple\n2. Actinic keratoses, scalp\n",
			func(n *model.Note) string { return fmt.Sprint(len(n.Lesions), len(n.Lesions[0].Stages)) }, "1 1"},
		{"a stain whose reason names a margin", "Site: neck\nStage 1: 5 blocks; stain: H&E, CK20 (blocks 1-2) to confirm Merkel cells at the deep margin; margins: block 2 positive (deep), blocks 1, 3-5 clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprintf("%d %s %v %d", len(st.Stains), st.Stains[1].Name, st.Stains[1].Blocks, len(st.Margins))
			}, "2 CK20 [1 2] 2"},
		{"a donor site's closure is the graft's", "Site: nose\nRepair: full-thickness skin graft, 1.6 x 1.5 cm\n  Donor site closure: intermediate layered closure, 3.5 cm\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[len(n.Lesions[0].Repairs)-1].Value.Value }, "Donor site closure: intermediate layered closure, 3.5 cm"},
		{"arrows between a stage's items", "Site: cheek\nStage 1: 4 blocks → stain: H&E, MART-1 for melanocyte density at the margins → margins: block 3 positive (lateral), blocks 1, 2, 4 clear\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprintf("%d %d %v", len(st.Stains), len(st.Margins), st.Margins[0].Positive)
			}, "2 2 true"},
		{"a biopsy-proven field names the diagnosis", "- Location: Right Lower Cheek\n- Bx proven Tumor: BCC-Nodular\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Diagnosis.Value, "|", n.Lesions[0].PriorBiopsy.Yes)
			}, "BCC-Nodular|true"},
		{"the diagnosis field wins over a biopsy-proven field", "Site: cheek\nBx proven Tumor: BCC\nDiagnosis: basal cell carcinoma, nodular\n",
			func(n *model.Note) string { return n.Lesions[0].Diagnosis.Value }, "basal cell carcinoma, nodular"},
		{"a closure size key", "Site: cheek\nRepair: Layered Closure\nFinal closure size: 3.1 cm\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].Length.Dims) }, "[3.1]"},
		{"prose measures the repair a field names", "Site: cheek\nRepair: Layered Closure\nThe wound was closed in layers with a final length of 3.1 cm.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), n.Lesions[0].Repairs[0].Length.Dims)
			}, "1 [3.1]"},
		{"prose does not size a field repair that has a size", "Site: cheek\nRepair: Layered Closure, 2.0 cm\nThe wound was closed in layers with a final length of 3.1 cm.\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0] // the field's own "2.0 cm" is read when the repair is coded
				return fmt.Sprint(r.Length.Present(), "|", r.Value.Value)
			}, "false|Layered Closure, 2.0 cm"},
		{"the date of service in a dictated sentence", "On 07/22/2025 Mr. Okwuosa-Lund underwent Mohs micrographic surgery for a squamous cell carcinoma of the right lateral neck.\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2025-07-22"},
		{"a date field wins over prose", "Date of service: 07/23/2025\nOn 07/22/2025 Mr. Okwuosa-Lund underwent Mohs micrographic surgery for a squamous cell carcinoma of the right lateral neck.\n",
			func(n *model.Note) string { return n.Encounter.Date.Value }, "2025-07-23"},
		{"a repair size in words under the repair", "Site: cheek\nRepair: Layered Closure\nThe final closure size is 3.1 cm.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].Length.Dims) }, "[3.1]"},
		{"measure fields under a FINAL DEFECT heading", "Site: nose\nPre-op size: 12mm\nFINAL DEFECT\nSize: 18mm\nDimensions: 18mm x 15mm\n",
			func(n *model.Note) string {
				return fmt.Sprint(n.Lesions[0].Size.Dims, n.Lesions[0].FinalDefect.Dims)
			}, "[1.2] [1.8 1.5]"},
		{"a value wrapped under a hanging indent", "Site: back\nRepair: Intermediate layered closure after tumor clearance; final\n        closure length 6.5 cm\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Value.Value }, "Intermediate layered closure after tumor clearance; final closure length 6.5 cm"},
		{"an indented line not under the value is not joined", "Site: back\nRepair: Intermediate layered closure, 6.5 cm\n  Tolerated well.\n",
			func(n *model.Note) string { return n.Lesions[0].Repairs[0].Value.Value }, "Intermediate layered closure, 6.5 cm"},
		{"a sign-off block names the reader", "Site: left shin\nStage 1: 2 blocks; margins: clear\n\nFrozen section interpretation electronically signed:\n   Anneliese Vorhaus, MD, Dermatopathologist   07/22/2026 15:30\n",
			func(n *model.Note) string { return n.Encounter.Pathology.Value }, "Anneliese Vorhaus, MD, Dermatopathologist  07/22/2026 15:30"},
		{"a histology key inside a dictated stage stays with the stage", "Site: thigh\nStage 1 was mapped and divided into four blocks. I read them. Histology: nests of SCC. Blocks 2 and 3 were positive.\nStage 2 was divided into two blocks, both negative.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(st.Histology.Present(), len(st.Margins) > 0 && st.Margins[0].Positive)
			}, "true true"},
		{"a histology key inside a procedure value stays prose", "Site: forehead\nProcedure: Mohs surgery. The first stage was divided into four blocks; I read them. HISTOLOGY: nests of BCC, all four blocks clear.\n",
			func(n *model.Note) string {
				st := n.Lesions[0].Stages[0]
				return fmt.Sprint(st.Histology.Present(), len(st.Margins) > 0 && !st.Margins[0].Positive)
			}, "true true"},
	})
}

// TestManyItemsIsLinear: a value of many items costs time linear in its
// length — an attack once made item positions quadratic. Eight times the
// items must cost well under 64 times the time (quadratic); the bound
// leaves room for a loaded machine.
func TestManyItemsIsLinear(t *testing.T) {
	note := func(items int) string {
		var b strings.Builder
		b.WriteString("Site: nose\nStage 1: 2 blocks; stain: ")
		for i := range items {
			fmt.Fprintf(&b, "X%d, ", i)
		}
		return b.String() + "H&E\n"
	}
	cost := func(src string) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			mustLower(t, src)
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := cost(note(2500)), cost(note(20000))
	assert.Less(t, large, 24*small, "8x the items took %v vs %v (linear: 8x, quadratic: 64x)", large, small)
}

// TestProseOpensLesions: in a note without lesion labels, a paragraph that
// begins by naming the next lesion opens it, so two dictated lesions are
// never read as one; a sentence that only counts or mentions lesions opens
// none.
func TestProseOpensLesions(t *testing.T) {
	intro := "Date of service: 2026-03-30\n\nThe patient presents for Mohs surgery of two tumors; a map was drawn for each site.\n\n"
	first := "The first lesion, a nodular basal cell carcinoma of the right malar cheek, was treated. The first stage was processed as two blocks and was clear.\n\n"
	tests := []struct {
		name   string
		second string
		sites  []string
	}{
		{"Lesion 2 opens the second", "Lesion 2 was then anesthetized. A squamous cell carcinoma of the left chin; its first stage of one block was clear.", []string{"right malar cheek", "left chin"}},
		{"The second lesion opens the second", "The second lesion, a squamous cell carcinoma of the left chin, was treated; its first stage of one block was clear.", []string{"right malar cheek", "left chin"}},
		{"For the 2nd site opens the second", "For the 2nd site, a squamous cell carcinoma of the left chin, the first stage of one block was clear.", []string{"right malar cheek", "left chin"}},
		{"attention turned to the second site opens the second", "Attention was then turned to the second site, a squamous cell carcinoma of the left chin; its first stage of one block was clear.", []string{"right malar cheek", "left chin"}},
		{"a later number than the next opens none", "Lesion 3 was then anesthetized. A squamous cell carcinoma of the left chin.", []string{"right malar cheek"}},
		{"a count of lesions opens none", "One lesion was treated today, the other deferred.", []string{"right malar cheek"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, intro+first+tc.second+"\n")
			var sites []string
			for _, les := range note.Lesions {
				sites = append(sites, les.Site.Text.Value)
			}
			assert.Equal(t, tc.sites, sites)
			for _, les := range note.Lesions {
				assert.True(t, les.Map.Yes, "lesion %s: the note's opening paragraph speaks of every lesion", les.Label)
			}
		})
	}
}

// TestOpeningParagraphBySite: a dictation's opening paragraph that names
// every tumor by its site gives each lesion its size, its prior biopsy when
// the words say it is of every tumor, and the indication when it names
// every site (CODING-RULES §1: the facts each lesion documents); anything
// less gives nothing, and the lesion keeps its findings.
func TestOpeningParagraphBySite(t *testing.T) {
	lesions := "\n\nThe first tumor, on the left antihelix, was cleared in one stage of two blocks, all clear.\n\n" +
		"The second tumor, on the right shin, was cleared in one stage of three blocks, all free of tumor.\n"
	tests := []struct {
		name      string
		opening   string
		sizes     []string
		biopsied  []bool
		indicated []bool
	}{
		{"every fact by site",
			"He has two biopsy-proven tumors: a basal cell carcinoma of the left antihelix, 0.8 x 0.7 cm, and a squamous cell carcinoma of the right shin, 1.5 x 1.3 cm. Mohs was chosen for the ear because of its location, and for the shin because he is immunosuppressed.",
			[]string{"0.8x0.7", "1.5x1.3"}, []bool{true, true}, []bool{true, true}},
		{"a biopsy of one tumor is not of both",
			"He has a biopsy-proven basal cell carcinoma of the left antihelix, 0.8 x 0.7 cm, and a squamous cell carcinoma of the right shin, 1.5 x 1.3 cm.",
			[]string{"0.8x0.7", "1.5x1.3"}, []bool{false, false}, []bool{false, false}},
		{"an indication naming one site ('for the ear', the antihelix's region) is that site's, not both's",
			"He has a basal cell carcinoma of the left antihelix and a squamous cell carcinoma of the right shin. Mohs was chosen for the ear because of its location.",
			[]string{"", ""}, []bool{false, false}, []bool{true, false}},
		{"a size before every diagnosis is not told apart",
			"Two tumors, 0.8 x 0.7 cm and 1.5 x 1.3 cm: a basal cell carcinoma of the left antihelix and a squamous cell carcinoma of the right shin.",
			[]string{"", ""}, []bool{false, false}, []bool{false, false}},
		{"sites in another order give no size; 'two biopsy-proven tumors' is of both",
			"He has two biopsy-proven tumors: a squamous cell carcinoma of the right shin, 1.5 x 1.3 cm, and a basal cell carcinoma of the left antihelix, 0.8 x 0.7 cm.",
			[]string{"", ""}, []bool{true, true}, []bool{false, false}},
		{"'two biopsy-proven skin cancers' before the labels is of both",
			"This man has two biopsy-proven skin cancers (shave biopsies 10/07/2026).",
			[]string{"", ""}, []bool{true, true}, []bool{false, false}},
		{"'two stages; tumor' counts no tumors",
			"The tumors took two stages; tumor biopsy was done elsewhere.",
			[]string{"", ""}, []bool{false, false}, []bool{false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, "Date of service: 2026-03-16\n\n"+tc.opening+lesions)
			require.Len(t, note.Lesions, 2)
			for i, les := range note.Lesions {
				size := ""
				if les.Size.Present() {
					size = fmt.Sprintf("%gx%g", les.Size.Dims[0], les.Size.Dims[1])
				}
				assert.Equal(t, tc.sizes[i], size, "lesion %s size", les.Label)
				assert.Equal(t, tc.biopsied[i], les.PriorBiopsy.Yes, "lesion %s prior biopsy", les.Label)
				assert.Equal(t, tc.indicated[i], les.Indication.Present(), "lesion %s indication", les.Label)
			}
		})
	}
}

// TestOpeningParagraphOneLesion: a SOAP note's subjective and objective
// lines before its one lesion label give the lesion the size measured at
// the lesion's site; a paragraph that also names another site gives nothing.
func TestOpeningParagraphOneLesion(t *testing.T) {
	plan := "\nLesion 1 - left nasal ala\nDiagnosis: nodular BCC\nStage 1: 1 block; clear\n"
	tests := []struct {
		name, opening, size string
	}{
		{"the exam sizes the lesion at its site",
			"S: here for Mohs of biopsy-proven BCC of the left nasal ala.\nO: Left nasal ala: 0.9 x 0.7 cm pearly papule with central crust.\n", "[0.9 0.7]"},
		{"a history of another tumor gives nothing",
			"S: here for Mohs of BCC of the left nasal ala; had an SCC of the right shin in 2019.\nO: Left nasal ala: 0.9 x 0.7 cm pearly papule.\n", "[]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, "Encounter: 05/19/2026\n\n"+tc.opening+plan)
			require.Len(t, note.Lesions, 1)
			assert.Equal(t, tc.size, fmt.Sprint(note.Lesions[0].Size.Dims))
		})
	}
}

// TestSummaryTable: a table of one row per lesion, with its stage and block
// counts, gives each labelled lesion its totals (checked against its
// stages by the generator: totals-mismatch); a row naming no label is
// lesion-ambiguous, and the table is no unread layout.
func TestSummaryTable(t *testing.T) {
	src := "Date of service: 06/03/2026\n\n" +
		"Lesion | Site        | Dx  | Stages | Blocks | Repair\n" +
		"A      | right cheek | BCC | 2      | 4      | intermediate 2.5 cm\n" +
		"B      | left scalp  | SCC | 1      | 4      | none\n" +
		"D      | left hand   | SCC | 1      | 2      | none\n\n" +
		"Lesion A: right cheek\nStage 1: 3 blocks; margins: positive\nStage 2: 1 block; margins: clear\n\n" +
		"Lesion B: left scalp\nTotal stages: 2\nStage 1: 4 blocks; margins: clear\n"
	note := mustLower(t, src)
	require.Len(t, note.Lesions, 2)
	totals := func(les model.Lesion) string {
		return fmt.Sprintf("%d/%d", les.TotalStages.N, les.TotalBlocks.N)
	}
	assert.Equal(t, "2/4", totals(note.Lesions[0]))
	assert.Equal(t, "2/4", totals(note.Lesions[1]), "the lesion's own field wins over the table")
	var rules []string
	for _, f := range note.Findings {
		rules = append(rules, f.Rule+"@"+fmt.Sprint(f.Line))
	}
	assert.Contains(t, rules, "lesion-ambiguous@6")
	assert.NotContains(t, rules, "layout-unread@3")
}

// TestUnlabelledDictationSharesItsOpening: an unlabelled dictation whose
// opening paragraph names two tumors by site, then takes them one by one
// ("We began with the right temple." … "Attention was then turned to the
// second site, the left dorsal hand."), gives each lesion the site its own
// prose repeats, and the opening's facts by site; when a lesion's prose
// names neither site, it has none (site-missing), never the next one.
func TestUnlabelledDictationSharesItsOpening(t *testing.T) {
	opening := "Date of service: 05/12/2026\n\nHe has two biopsy-proven cancers: a nodular basal cell carcinoma of the right temple measuring 1.2 x 1.0 cm, and a squamous cell carcinoma of the left dorsal hand measuring 0.9 x 0.8 cm. I drew a map of each excision.\n\n"
	first := "We began with the right temple. The first stage was divided into three blocks and was clear.\n\n"
	tests := []struct {
		name, second string
		sites        []string
	}{
		{"each lesion's prose names its site", "Attention was then turned to the second site, the left dorsal hand. The first stage was divided into two blocks and was clear.\n",
			[]string{"right temple", "left dorsal hand"}},
		{"a lesion whose prose names no site has none", "Attention was then turned to the second site. The first stage was divided into two blocks and was clear.\n",
			[]string{"right temple", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, opening+first+tc.second)
			require.Len(t, note.Lesions, 2)
			for i, les := range note.Lesions {
				assert.Equal(t, tc.sites[i], les.Site.Text.Value, "lesion %s site", les.Label)
				assert.True(t, les.Map.Yes, "lesion %s: the opening's map is every lesion's", les.Label)
				assert.Equal(t, 1, len(les.Stages), "lesion %s: its own stage only", les.Label)
			}
			if tc.sites[1] != "" { // the opening's facts go by site only when every lesion has one
				assert.True(t, note.Lesions[0].PriorBiopsy.Yes)
				assert.Equal(t, "[1.2 1]", fmt.Sprint(note.Lesions[0].Size.Dims))
			} else {
				assert.False(t, note.Lesions[0].Size.Present())
			}
		})
	}
}

// TestAddendumCorrections: an addendum that says it corrects a stage's
// block count replaces the note's count in a note of one lesion, with a
// prose-field-conflict naming both; an addendum that only restates, or one
// in a note of several lesions that names none of them, leaves the note's
// count; one that names its lesion ("Lesion 1, stage 2 was processed as 6
// blocks, not 2") corrects that lesion, never adds a stage to the last;
// one that withdraws a count and gives none leaves the stage without one.
func TestAddendumCorrections(t *testing.T) {
	body := "Site: right nasal ala\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\n"
	tests := []struct {
		name, src string
		blocks    int
	}{
		{"a correction replaces the count", body + "ADDENDUM (09/10/2026): Correction to the stage 2 entry above. Stage 2 consisted of 6 blocks, not 2. All six were clear.\n", 6},
		{"an addendum without a correction leaves it", body + "ADDENDUM: Stage 2 consisted of 6 blocks.\n", 2},
		{"a note of several lesions keeps its count", "Lesion 1: left cheek\nStage 1: 1 block; margins: clear\n\nLesion 2: right nasal ala\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\n" +
			"ADDENDUM (09/10/2026): Correction: stage 2 consisted of 6 blocks, not 2.\n", 2},
		{"a note of several lesions takes the correction of the lesion it names", "Lesion 1: right nasal ala\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\nLesion 2: left cheek\nStage 1: 1 block; margins: clear\n\n" +
			"ADDENDUM (09/10/2026): Lesion 1, stage 2 was processed as 6 blocks, not 2.\n", 6},
		{"an addendum on its own line, its date under it, corrects the paragraph below", body + "ADDENDUM\nDATE OF ADDENDUM: 09/10/2026\nStage 2 consisted of 6 blocks, not 2 as dictated.\n\nE. Kowalczyk, MD\n", 6},
		{"in a note of several lesions, a count set right 'not 2 as dictated' is a correction of the lesion it names",
			"Lesion 1: right nasal ala\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\nLesion 2: left cheek\nStage 1: 1 block; margins: clear\n\n" +
				"ADDENDUM (09/10/2026): Lesion 1, stage 2 consisted of 6 blocks, not 2 as dictated. Lesion 2 is unchanged.\n", 6},
		{"an addendum that withdraws a count and gives none leaves the stage without one (CODING-RULES §1: never guess)",
			body + "ADDENDUM\nDATE OF ADDENDUM: 09/10/2026\nThe number of blocks in the second stage was dictated as two. That number is not correct and is withdrawn. The remainder of the report is unchanged.\n", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, tc.src)
			les := note.Lesions[len(note.Lesions)-1]
			if les.Label == "2" && len(les.Stages) == 1 {
				les = note.Lesions[0] // the lesion the addendum names, not the last
				require.Len(t, note.Lesions[1].Stages, 1, "no stage of lesion 1's addendum goes to lesion 2")
			}
			require.Len(t, les.Stages, 2)
			assert.Equal(t, tc.blocks, les.Stages[1].Blocks.N)
			conflicts := 0
			for _, f := range note.Findings {
				if f.Rule == "prose-field-conflict" {
					conflicts++
				}
			}
			assert.Equal(t, 1, conflicts, "the disagreement is reported once")
		})
	}
}

// TestAddendumCorrectsReader: an addendum that says a separate pathologist
// read the slides replaces the note's reader, with a prose-field-conflict
// (CODING-RULES §1: who reads the slides decides whether it is Mohs); one
// that names a pathologist of the biopsy changes nothing.
func TestAddendumCorrectsReader(t *testing.T) {
	body := "Slides read by: Mohs surgeon\nSite: left lateral thigh\nStage 1: 3 blocks; margins: positive\nStage 2: 2 blocks; margins: clear\n\n"
	tests := []struct{ name, addendum, reader string }{
		{"a covering dermatopathologist read them",
			"ADDENDUM - 10/02/2026 - Dr. Quennell-Baptiste\nCorrection to \"Slides read by\": the frozen sections of both stages were interpreted by Dr. Hollis Varga-Mendel, dermatopathologist, covering our laboratory that morning. I did not interpret the slides for this case.\n",
			"read by a separate pathologist Dr. Hollis Varga-Mendel"},
		{"the biopsy's pathologist is no reader of the Mohs slides",
			"ADDENDUM - 10/02/2026\nCorrection: the diagnostic biopsy of 09/01/2026 was read by Dr. Smith, dermatopathologist, not Dr. Jones.\n",
			"Mohs surgeon"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, body+tc.addendum)
			assert.Equal(t, tc.reader, note.Encounter.Pathology.Value)
		})
	}
}

// TestAddendumAddsStage: an addendum that corrects the last stage's
// margin and tells the next stage it took ("A third stage of 1 block was
// taken … and was clear") adds that stage (CODING-RULES §1: 17312 per
// stage after the first); one that tells no count adds none.
func TestAddendumAddsStage(t *testing.T) {
	log := "Site: L nasal ala\nStage   Blocks   Margins                                  Stains\n1       4        blocks 1, 4 positive (deep); 2, 3 clear  H&E\n2       2        clear                                    H&E\n\n"
	tests := []struct{ name, addendum, want string }{
		{"the third stage it tells", "ADDENDUM 11/24/2026 17:55\nCorrection to the log above: stage 2 was entered as clear in error. Stage 2 block 2 showed residual BCC at the deep margin; block 1 was clear. A third stage of 1 block was taken from the deep margin beneath stage 2 block 2 and was clear.\n", "1:4 2:2 3:1"},
		{"no count, no stage", "ADDENDUM 11/24/2026 17:55\nCorrection to the log above: stage 2 was entered as clear in error; a third stage will be needed.\n", "1:4 2:2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, log+tc.addendum)
			assert.Equal(t, tc.want, stageSummary(note))
		})
	}
}

// TestAddendumCorrectsPriorBiopsy: an addendum that reports a prior
// biopsy the note denied gives the lesion one, so its same-day biopsy is
// not billable (CODING-RULES §4); the punch biopsy of another lesion
// below the lesion's fields is no second tumor of its HPI.
func TestAddendumCorrectsPriorBiopsy(t *testing.T) {
	src := "HPI: 66 y/o M with a pearly papule of the R temple x 8 months and a scaly papule of the L shin. Neither lesion had been biopsied.\n" +
		"Site: Right temple\nPrior biopsy: no (per patient)\nSame-day biopsy: tangential (shave)\nStage 1: 3 blocks; margins: positive\nStage 2: 1 block; margins: clear\n" +
		"Biopsy 1: punch biopsy, left shin\n  Clinical impression: SCC versus keratoacanthoma\n\n"
	tests := []struct {
		name, addendum string
		prior          bool
	}{
		{"the addendum reports the outside biopsy",
			"ADDENDUM - 11/19/2026 10:12\nOutside records received today: the right temple lesion was biopsied there on 08/26/2026 (shave; pathology: nodular basal cell carcinoma). The prior-biopsy entry above (\"no, per patient\") is incorrect; it should read yes.\n", true},
		{"an addendum of another matter leaves it", "ADDENDUM - 11/19/2026 10:12\nThe patient called and is doing well.\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note := mustLower(t, src+tc.addendum)
			require.Len(t, note.Lesions, 1)
			les := note.Lesions[0]
			assert.False(t, les.Ambiguous.Present(), "the shin is the biopsy's, not a second tumor: %s", les.Ambiguous.Value)
			assert.Equal(t, tc.prior, les.PriorBiopsy.Yes)
		})
	}
}

// TestSummaryLineParts: a summary before the lesion labels whose values name
// each lesion's part by its label ("- Location: A) Right Lower Cheek and B)
// Left Temple", "- Bx proven Tumor: BCC-Nodular (A), SCCIS (B)") gives each
// labelled lesion its part; a value that names no label stays
// lesion-ambiguous (NOTE-FORMAT §1).
func TestSummaryLineParts(t *testing.T) {
	src := "Patient is here today for mohs surgery x 2\n" +
		"- Location: A) Right Lower Cheek and B) Left Temple\n" +
		"- Bx proven Tumor: BCC-Nodular (A), SCCIS (B)\n" +
		"- Biopsy Date: 3/19/26\n\n" +
		"Site A\n1st Stage: 1 Sections, Negative\n\nSite B\n1st Stage: 1 Sections, Negative\n"
	note := mustLower(t, src)
	require.Len(t, note.Lesions, 2)
	var got []string
	for _, les := range note.Lesions {
		got = append(got, les.Label+": "+les.Site.Text.Value+" / "+les.Diagnosis.Value)
	}
	assert.Equal(t, []string{"A: Right Lower Cheek / BCC-Nodular", "B: Left Temple / SCCIS"}, got)
	var ambiguous []int
	for _, f := range note.Findings {
		if f.Rule == "lesion-ambiguous" {
			ambiguous = append(ambiguous, f.Line)
		}
	}
	assert.Empty(t, ambiguous, "the biopsy date that names no label is every lesion's (LAYOUTS: summary lines)")
	assert.True(t, note.Lesions[0].PriorBiopsy.Yes && note.Lesions[1].PriorBiopsy.Yes)
}

func TestSentenceLabelledParts(t *testing.T) {
	src := "PREOPERATIVE DIAGNOSES: Site one: basal cell carcinoma, left temple. Site two: squamous cell carcinoma in situ, left chest.\n" +
		"POSTOPERATIVE DIAGNOSES: Same.\n\n" +
		"SITE ONE (left temple): The first Mohs layer was divided into 2 sections.\n\n" +
		"SITE TWO (left chest): The first Mohs layer was divided into 3 sections.\n"
	note := mustLower(t, src)
	require.Len(t, note.Lesions, 2)
	var got []string
	for _, les := range note.Lesions {
		got = append(got, les.Label+": "+les.HeadingText.Value+" / "+les.Diagnosis.Value)
	}
	assert.Equal(t, []string{"1: left temple / basal cell carcinoma, left temple", "2: left chest / squamous cell carcinoma in situ, left chest"}, got)
	for _, f := range note.Findings {
		assert.NotEqual(t, "lesion-ambiguous", f.Rule, "each sentence names its lesion and 'Same' speaks of them all: line %d", f.Line)
	}
}

// TestSiteHeadings: two or more lines that name a site alone — with a
// colon, or in capitals without one ("LEFT CHEEK", "NASAL ALA, LEFT") —
// each open a lesion (CODING-RULES §1: stages are counted per lesion); one
// such line alone opens nothing, and a capital line that is no site
// ("PROCEDURE NOTE") heads nothing.
func TestSiteHeadings(t *testing.T) {
	headings := func(n *model.Note) string {
		var got []string
		for _, les := range n.Lesions {
			var blocks []string
			for _, st := range les.Stages {
				blocks = append(blocks, fmt.Sprint(st.Blocks.N))
			}
			got = append(got, les.Label+": "+les.HeadingText.Value+" "+strings.Join(blocks, ","))
		}
		return strings.Join(got, "; ")
	}
	runProseCases(t, []proseCase{
		{"colon headings", "LEFT THUMB:\nThe first stage was divided into two blocks.\n\nRIGHT ANKLE:\nThe first stage was divided into three blocks.\n",
			headings, "1: LEFT THUMB 2; 2: RIGHT ANKLE 3"},
		{"capital headings without a colon", "LEFT CHEEK\nStage 1: 3 blocks; clear\n\nRIGHT CALF\nStage 1: 2 blocks; clear\n",
			headings, "1: LEFT CHEEK 3; 2: RIGHT CALF 2"},
		{"capital headings, side last", "NASAL ALA, LEFT\nSTAGE 1:\t4 blocks; clear\n\nSCALP, VERTEX\nSTAGE 1:\t3 blocks; clear\n",
			headings, "1: NASAL ALA, LEFT 4; 2: SCALP, VERTEX 3"},
		{"one heading alone opens nothing", "LEFT THUMB:\nThe first stage was divided into two blocks.\n", headings, "1:  2"},
		{"a capital line that is no site", "PROCEDURE NOTE\nStage 1: 3 blocks; clear\n\nPLAN\nStage 2: 1 block; clear\n", headings, "1:  3,1"},
	})
}

func TestNumberedListBeforeLabels(t *testing.T) {
	src := "PREOPERATIVE DIAGNOSES:\n1. Squamous cell carcinoma, left helix.\n2. Basal cell carcinoma, right upper arm.\n\n" +
		"SITE 1 (left helix): The first stage was divided into two blocks and was clear.\n\n" +
		"SITE 2 (right upper arm): The first stage was divided into three blocks and was clear.\n"
	note := mustLower(t, src)
	require.Len(t, note.Lesions, 2)
	for _, f := range note.Findings {
		assert.NotEqual(t, "lesion-ambiguous", f.Rule, "a numbered list under a valueless key before the labels: line %d", f.Line)
	}
	for i, les := range note.Lesions {
		require.Len(t, les.Stages, 1, "lesion %d: the dictation after its label is read", i+1)
	}
	assert.Equal(t, 2, note.Lesions[0].Stages[0].Blocks.N)
	assert.Equal(t, 3, note.Lesions[1].Stages[0].Blocks.N)
}

// TestRunOnFields: a line whose form fields a PDF copy ran together
// ("Date of Service: 08/04/2026 Provider: …, MD Facility: … Primary
// Insurance: …") is read as those fields; a value with one key inside it,
// or pairs set apart by semicolons, is left as it is.
func TestRunOnFields(t *testing.T) {
	n := mustLower(t, "Date of Service: 08/04/2026 Provider: Desmond Kovalenko-Asante, MD Facility: Main - Rm 2 Primary Insurance: Medicare Part B\nSite: nasal tip Diagnosis: basal cell carcinoma, nodular Prior biopsy: yes - shave 07/07/2026\nStage 1: 3 blocks; margins: block 2 positive (deep) Histology: nodular BCC in the deep dermis Stage 2: 1 block; margins: clear\n")
	enc, les := n.Encounter, n.Lesions[0]
	assert.Equal(t, "2026-08-04|Desmond Kovalenko-Asante, MD|Medicare Part B", enc.Date.Value+"|"+enc.Surgeon.Value+"|"+enc.Payer.Value)
	assert.Equal(t, "nasal tip|basal cell carcinoma, nodular|true", les.Site.Text.Value+"|"+les.Diagnosis.Value+"|"+fmt.Sprint(les.PriorBiopsy.Yes))
	assert.Equal(t, "1: 1/3+ 2/1-", logStages(n))
	assert.Equal(t, "nodular BCC in the deep dermis", les.Stages[0].Histology.Value)

	// one key after a measure: a copy that lost the line break between two fields
	n = mustLower(t, "Site: vertex scalp\nStage 1: 2 blocks; margins: clear\nFinal defect: 4.1 x 3.6 cm Repair: complex layered repair after tumor clearance, length 9.0 cm\n")
	les = n.Lesions[0]
	assert.Equal(t, "[4.1 3.6]", fmt.Sprint(les.FinalDefect.Dims))
	require.Len(t, les.Repairs, 1)
	assert.Equal(t, "[9]", fmt.Sprint(les.Repairs[0].Length.Dims))
	// one key after a doctor's degree: the payer after the surgeon (CODING-RULES §8: the Medicare profile's XS, not 59)
	n = mustLower(t, "Surgeon: Rosamund Ekwueme-Fitzgerald, MD Insurance: Medicare Part B\nSite: temple\nStage 1: 2 blocks; margins: clear\n")
	assert.Equal(t, "Rosamund Ekwueme-Fitzgerald, MD|Medicare Part B", n.Encounter.Surgeon.Value+"|"+n.Encounter.Payer.Value)
	// a sentence that ends with a measure is dictation: its key stays in it
	n = mustLower(t, "Site: temple\nMOHS: Preoperative size 1.2 x 1.1 cm. Indication: temple location in the H-zone.\n")
	assert.NotContains(t, rules(n), "value-invalid")

	n = mustLower(t, "Site: temple\nStage 1: 4 blocks; margins: clear; Histology: WD SCC to the mid dermis\n")
	assert.Equal(t, "1: 1/4-", logStages(n))
	assert.Equal(t, "WD SCC to the mid dermis", n.Lesions[0].Stages[0].Histology.Value)
	assert.NotContains(t, rules(n), "value-invalid")
}

// TestDiagnosisCitesBiopsy: a diagnosis that cites its biopsy documents the
// prior pathology diagnosis (CODING-RULES §1: `diagnosis-unconfirmed`
// unless a prior biopsy or a same-day biopsy is documented).
func TestDiagnosisCitesBiopsy(t *testing.T) {
	tests := []struct {
		value string
		cites bool
	}{
		{"SCC, moderately differentiated (punch 06/29/2026)", true},
		{"nodular BCC, shave 3/2/26", true},
		{"BCC (bx 10/13/2026)", true},
		{"basal cell carcinoma, biopsy-proven", true},
		{"basal cell carcinoma, nodular", false},
		{"SCC of the shave site", false},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			n := mustLower(t, "Site: left temple\nDiagnosis: "+tc.value+"\n")
			assert.Equal(t, tc.cites, n.Lesions[0].PriorBiopsy.Yes)
		})
	}
}

// TestBiopsyDescription: in a note of biopsies only, the text indented
// under a biopsy's label describes that biopsy: its size and margins make
// no Mohs lesion (which would get stages-missing and the rest).
func TestBiopsyDescription(t *testing.T) {
	n := mustLower(t, "PROCEDURE NOTE: SKIN BIOPSIES\nDOS: 9/29/2026\n\nBiopsy 1: excisional biopsy, left upper arm\n  Clinical impression: atypical nevus versus melanoma\n"+
		"  7 mm variegated papule excised with 2 mm margins; specimen oriented with a suture.\nBiopsy 2: punch biopsy, right parietal scalp\n"+
		"  Clinical impression: rule out squamous cell carcinoma\n  4 mm punch of a crusted nodule.\n"+
		"Biopsy 3: shave biopsy, left helix\n  Clinical impression: basal cell carcinoma\n  Tangential shave of a 5 mm pearly papule on the helical rim.\n")
	assert.Len(t, n.Biopsies, 3)
	assert.Empty(t, n.Lesions)
}

// TestBiopsiesAbbreviated: numbered items that name their biopsy "bx"
// ("2) R cheek, 6 mm pearly papule - 3 mm punch bx.") are biopsies, as
// "biopsy" written out is (CODING-RULES §4), not Mohs lesions without stages.
func TestBiopsiesAbbreviated(t *testing.T) {
	n := mustLower(t, "Procedure note - biopsies\nDOS: 4/29/2026\n\nPt here for eval of several lesions; no Mohs today.\n"+
		"1) L lower leg, 3.5 cm plaque - incisional biopsy into the fat. Clinical impression: r/o Kaposi sarcoma.\n"+
		"2) R cheek, 6 mm pearly papule - 3 mm punch bx. Clinical impression: BCC vs sebaceous hyperplasia.\n"+
		"3) L dorsal forearm, 8 mm scaly papule - 4 mm punch bx. Clinical impression: r/o SCC.\n")
	assert.Len(t, n.Biopsies, 3)
	assert.Empty(t, n.Lesions)
}

// TestProcedureHeadingOverBiopsies: "PROCEDURE 2: BIOPSIES OF OTHER
// LESIONS" over "Biopsy 1:" sections is a heading, not a second Mohs lesion
// (which drew stages-missing and the other Mohs findings).
func TestProcedureHeadingOverBiopsies(t *testing.T) {
	n := mustLower(t, "PROCEDURE 1: MOHS MICROGRAPHIC SURGERY\nLocation: left temple\nStage 1: 4 blocks; margins: clear\n\n"+
		"PROCEDURE 2: BIOPSIES OF OTHER LESIONS (sent for permanent sections)\n\nBiopsy 1: incisional biopsy, left lateral thigh\n  Clinical impression: rule out mycosis fungoides\n"+
		"Biopsy 2: punch biopsy, right shin\n  Clinical impression: keratoacanthoma versus squamous cell carcinoma\n")
	assert.Len(t, n.Lesions, 1)
	assert.Len(t, n.Biopsies, 2)
}

// TestListedBiopsyEndsAtTheBlank: a procedure list's biopsy item ("4.
// Tangential (shave) biopsy of a separate lesion of the left dorsal
// forearm.") ends at the blank line after the list: "LOCATION:" below it is
// the Mohs lesion's, not the biopsy's site (which kept the biopsy from being
// told apart from the same biopsy described later: two biopsies billed).
func TestListedBiopsyEndsAtTheBlank(t *testing.T) {
	n := mustLower(t, "PROCEDURES:\n1. Mohs micrographic surgery, right nasal dorsum.\n2. Tangential (shave) biopsy of a separate lesion of the left dorsal forearm.\n\nLOCATION:\nRight nasal dorsum.\n\nStage 1: 2 blocks; clear\n")
	require.Len(t, n.Biopsies, 1)
	assert.NotEqual(t, "Right nasal dorsum.", n.Biopsies[0].Site.Text.Value)
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "Right nasal dorsum.", n.Lesions[0].Site.Text.Value)
}

// TestDictatedBiopsies: a dictation of biopsies only ("Three lesions were
// sampled today … The first was a 6 mm pearly papule on the left temple.
// Clinical impression: rule out basal cell carcinoma. A tangential (shave)
// biopsy was taken.") has one biopsy a paragraph, each at the site the
// paragraph names before its impression (CODING-RULES §4), and no Mohs
// lesion; the count of lesions sampled is no count of tumors treated, and
// the biopsy wounds' closure is no biopsy.
func TestDictatedBiopsies(t *testing.T) {
	n := mustLower(t, "SKIN BIOPSY PROCEDURE NOTE\nDate of service: 07/17/2026\n\nThree lesions were sampled today after consent and local anesthesia.\n\n"+
		"The first was a 6 mm pearly papule on the left temple. Clinical impression: rule out basal cell carcinoma. A tangential (shave) biopsy was taken.\n\n"+
		"The second was a 3 cm scaly plaque on the right lower leg. Clinical impression: squamous cell carcinoma versus lichen planus. An incisional biopsy was taken from its thickest edge.\n\n"+
		"Hemostasis with aluminum chloride; biopsy wounds closed with 4-0 nylon (punch sites).\n")
	var got []string
	for _, b := range n.Biopsies {
		got = append(got, b.Site.Text.Value)
	}
	assert.Equal(t, []string{"left temple", "right lower leg"}, got)
	for _, les := range n.Lesions {
		assert.False(t, les.Ambiguous.Present(), "no tumors were counted as treated")
	}
}

// TestStageKeyInsideDictation: a dictated paragraph that names a stage by
// its key ("Stage 1: blocks x7. Well-differentiated SCC invaded … Tumor
// reached the deep margin of blocks 2 and 6; …") gives the sentences after
// the key to that stage: its histology and margins (CODING-RULES §1).
func TestStageKeyInsideDictation(t *testing.T) {
	n := mustLower(t, "Tumor 1 – right posterior calf\nWell-differentiated squamous cell carcinoma, 2.6 x 2.1 cm. Stage 1: blocks x7. Well-differentiated squamous cell carcinoma invaded the deep reticular dermis, no perineural invasion. "+
		"Tumor reached the deep margin of blocks 2 and 6; blocks 1, 3, 4, 5 and 7 were free of tumor. Stage 2: two blocks from the base, both free of tumor.\n")
	require.Len(t, n.Lesions, 1)
	st := n.Lesions[0].Stages
	require.Len(t, st, 2)
	assert.Equal(t, 7, st[0].Blocks.N)
	assert.True(t, st[0].Histology.Present())
	assert.True(t, slices.ContainsFunc(st[0].Margins, func(m model.Margin) bool { return m.Positive }))
}

// TestStageKeyInsideProcedureField: a dictated procedure field that names
// the first stage's histology by key and goes on to the later stages in
// sentences ("PROCEDURE: … Stage 1 histology: …; tumor reached the deep
// margin of blocks 2 and 3 … The second stage was divided into six blocks;
// …") has every stage it describes; read as a field, the key took every
// sentence after it into stage 1 and the later stages were lost.
func TestStageKeyInsideProcedureField(t *testing.T) {
	n := mustLower(t, "Site: right pretibial shin\nPROCEDURE: The first stage was divided into four blocks. I interpreted all frozen sections myself. "+
		"Stage 1 histology: squamous cell carcinoma in the reticular dermis; tumor reached the deep margin of blocks 2 and 3, while blocks 1 and 4 were clear. "+
		"The second stage was divided into six blocks; tumor persisted at the peripheral margin of blocks 1 and 5. The third stage consisted of two blocks and was free of tumor.\n")
	require.Len(t, n.Lesions, 1)
	assert.Equal(t, "1:4 2:6 3:2", stageSummary(n))
}

// TestNumberedDictation: a dictation that opens each lesion's paragraph
// with "Number one, <site>." / "Number two, <site>." has two lesions, each
// with its own stages (counting the second "First stage" as a second stage
// of one lesion made a wrong 17312), and the history paragraph that speaks
// of both ("(1) … and (2) …") speaks for each.
func TestNumberedDictation(t *testing.T) {
	n := mustLower(t, "History: (1) a squamous cell carcinoma of the left dorsal hand, 1.0 x 0.8 cm, and (2) a basal cell carcinoma of the right dorsal foot, 1.2 x 1.0 cm. Both were biopsied with shave biopsies on 3/10/2026 and confirmed.\n\n"+
		"Number one, left dorsal hand. First stage, two blocks. Margins negative in both blocks.\n\n"+
		"Number two, right dorsal foot. First stage, two blocks, positive at the deep margin of block 1. Second stage, one block, which was clear.\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "left dorsal hand|right dorsal foot", n.Lesions[0].Site.Text.Value+"|"+n.Lesions[1].Site.Text.Value)
	assert.Equal(t, "1 2", fmt.Sprint(len(n.Lesions[0].Stages), len(n.Lesions[1].Stages)))
	assert.True(t, n.Lesions[1].PriorBiopsy.Present(), "the shared history confirms the second lesion too")
}

// TestOrdinalSiteDictation: "First site, scalp crown." / "Second site, left
// occipital scalp." open their lesions with those sites, and one sentence
// that lists each lesion's size in turn ("The crown basal cell carcinoma
// measures 1.1 x 0.9 cm and the occipital squamous cell carcinoma 1.4 x
// 1.2 cm") sizes each.
func TestOrdinalSiteDictation(t *testing.T) {
	n := mustLower(t, "Indications: Two biopsy-proven tumors of the scalp. The crown basal cell carcinoma measures 1.1 x 0.9 cm and the occipital squamous cell carcinoma 1.4 x 1.2 cm.\n\n"+
		"First site, scalp crown. The initial stage was cut into three blocks; all margins were negative.\n\n"+
		"Second site, left occipital scalp. The first stage was cut into two blocks, positive at the deep margin of block 2. A second stage was then taken as two blocks and was clear.\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "scalp crown|left occipital scalp", n.Lesions[0].Site.Text.Value+"|"+n.Lesions[1].Site.Text.Value)
	assert.Equal(t, "[1.1 0.9] [1.4 1.2]", fmt.Sprint(n.Lesions[0].Size.Dims, " ", n.Lesions[1].Size.Dims))
}

// TestSameDayBiopsyListed: a procedure list that names the Mohs lesion's
// same-day biopsy again ("1. Tangential biopsy of left cheek lesion with
// intraoperative frozen section") is that biopsy, billed once as the
// lesion's (it was also billed as another lesion's: 11102 + 11103).
func TestSameDayBiopsyListed(t *testing.T) {
	n := mustLower(t, "PROCEDURES:\n1. Tangential biopsy of left cheek lesion with intraoperative frozen section.\n2. Mohs micrographic surgery, left cheek.\n\n"+
		"Site: left medial cheek\nSame-day biopsy: tangential biopsy performed today, frozen section read as basal cell carcinoma\nStage 1: 4 blocks; margins: clear\n")
	require.Len(t, n.Lesions, 1)
	assert.Empty(t, n.Biopsies)
}

// TestSizeBeforeItsSite: a shared sentence that names one lesion after its
// size ("First, a 1.0 x 0.9 cm basal cell carcinoma of the central chest")
// sizes that lesion.
func TestSizeBeforeItsSite(t *testing.T) {
	n := mustLower(t, "Two lesions treated today. First, a 1.0 x 0.9 cm basal cell carcinoma of the central chest, biopsied 9/8/2026. Second, a 1.3 x 1.1 cm squamous cell carcinoma of the left lower abdomen, biopsied 9/8/2026.\n\n"+
		"Central chest: first stage, two blocks; margins clear in both blocks.\n\n"+
		"Left lower abdomen: first stage, three blocks; all margins negative.\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "[1 0.9] [1.3 1.1]", fmt.Sprint(n.Lesions[0].Size.Dims, " ", n.Lesions[1].Size.Dims))
}

// TestSiteParagraphs: a dictation whose paragraphs open with their
// lesion's site alone ("Left lower eyelid. The first stage …", "Left malar
// cheek. One stage …") has a lesion a paragraph; read as one lesion its
// eyelid repair was dropped for the cheek's flap, coded in the eyelid's group.
func TestSiteParagraphs(t *testing.T) {
	n := mustLower(t, "DESCRIPTION OF PROCEDURE: Maps were drawn for both sites.\n\n"+
		"Left lower eyelid. The first stage was divided into two blocks, positive at the deep margin of block 2. The second stage, one block, was clear. The defect was closed with a complex layered repair of 1.5 cm.\n\n"+
		"Left malar cheek. One stage of two blocks, with clear margins throughout. The defect was repaired with an advancement flap.\n")
	require.Len(t, n.Lesions, 2)
	assert.Equal(t, "Left lower eyelid|Left malar cheek", n.Lesions[0].Site.Text.Value+"|"+n.Lesions[1].Site.Text.Value)
	assert.Equal(t, "2 1", fmt.Sprint(len(n.Lesions[0].Stages), len(n.Lesions[1].Stages)))
	assert.Equal(t, "1 1", fmt.Sprint(len(n.Lesions[0].Repairs), len(n.Lesions[1].Repairs)))

	keyed := mustLower(t, "The first tumor is a nodular basal cell carcinoma of the right cheek. The second is a squamous cell carcinoma of the left helix.\n\n"+
		"Right cheek: one stage, two blocks, all margins clear. After clearance, intermediate layered closure 2.0 cm.\n\n"+
		"Left helix: first stage three blocks, positive at block 3; second stage one block, negative.\n")
	require.Len(t, keyed.Lesions, 2)
	assert.Equal(t, "Right cheek|Left helix", keyed.Lesions[0].Site.Text.Value+"|"+keyed.Lesions[1].Site.Text.Value)
	assert.Equal(t, "1 2", fmt.Sprint(len(keyed.Lesions[0].Stages), len(keyed.Lesions[1].Stages)))
	assert.NotContains(t, rules(keyed), "lesion-ambiguous")

	one := mustLower(t, "Left cheek. The first stage was divided into two blocks and was clear.\n")
	assert.Len(t, one.Lesions, 1, "one site paragraph opens nothing new")
}

// TestAddendumCorrectsRepairsAndSides: a signed addendum that corrects the
// note is the record for a repair's length and class and for a lesion's
// side, as it is for a stage's count (TestAddendumCorrections); each
// correction used is reported. An addendum that corrects nothing changes
// nothing.
func TestAddendumCorrectsRepairsAndSides(t *testing.T) {
	one := "Site: right temple\nStage 1: 3 blocks; margins clear\n"
	tests := []struct {
		name, src string
		got       func(*model.Note) string
		want      string
	}{
		{"a repair's length", one + "Repair: intermediate layered closure after tumor clearance\n  Length: 2.4 cm\n\n" +
			"ADDENDUM 09/03/2026 08:12\nCorrection to the repair documented above: the closure length was 2.7 cm,\nnot 2.4 cm as entered (error in the length field).\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].Length.Dims) }, "[2.7]"},
		{"a repair's length entered in error", one + "Repair: intermediate layered repair after tumor clearance, 2.4 cm\n\n" +
			"ADDENDUM\nAddendum by A. Surgeon, MD on 09/09/2026 at 8:40 AM\nCorrection: the length of the intermediate layered repair of the right temple\n" +
			"was entered above as 2.4 cm in error. The correct repair length, as measured\nin the operating room, is 3.4 cm. All other documentation is unchanged.\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(append(r.Size.Dims, r.Length.Dims...))
			}, "[3.4]"},
		{"a stage's blocks under 'Correction to stage 1:'", one + "\nADDENDUM\nAddendum by A. Surgeon, MD on 11/06/2026 at 8:05 AM\n" +
			"Correction to stage 1: the first stage was divided into 4 blocks (A through D),\nnot 3 as typed above. Block 4 (D) was omitted from the note in error; it was\nclear.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Stages[0].Blocks.N) }, "4"},
		{"a stage's blocks in an addendum under a page's header line", one + "\nPatient: [name withheld]     MRN: 40755018     Sex: M\nADDENDUM\nAddendum by A. Surgeon, MD on 11/06/2026 at 8:05 AM\n" +
			"Correction to stage 1: the first stage was divided into 4 blocks (A through D),\nnot 3 as typed above.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Stages[0].Blocks.N) }, "4"},
		{"a linear repair's class", one + "Repair: simple linear closure after tumor clearance, 3.0 cm\n\n" +
			"Addendum (07/30/2026): the closure documented above as \"simple\" was a layered closure with deep absorbable sutures (intermediate repair), length 3.0 cm as stated. This addendum corrects the repair class only.\n",
			func(n *model.Note) string {
				r := n.Lesions[0].Repairs[0]
				return fmt.Sprint(strings.Contains(r.Value.Value, "simple"), " ", r.Timing.Present())
			}, "false true"},
		{"a lesion's side", "Lesion 1: right nasal ala\nStage 1: 2 blocks; margins clear\n\nLesion 2: antihelix\nStage 1: 1 block; clear\n\n" +
			"ADDENDUM 10/14/2026: Lesion 2 was on the LEFT antihelix. The schedule entry \"right antihelix\" was a scheduling error.\n",
			func(n *model.Note) string { return n.Lesions[1].Laterality.Value }, "left"},
		{"the side of a note's one tumor", "Location: right antihelix\nStage 1: 2 blocks; margins clear\n\n" +
			"ADDENDUM 06/03/2026: Correction of laterality. The tumor treated on 06/01/2026 was on the LEFT antihelix, as shown on the biopsy report.\n",
			func(n *model.Note) string { return n.Lesions[0].Site.Text.Value }, "left antihelix"},
		{"a site's side named with no preposition", "Lesion 1: right temple\nStage 1: 2 blocks; margins clear\n\nLesion 2\nSite: Left dorsal forearm\nStage 1: 1 block; clear\n\n" +
			"ADDENDUM\nAddendum by A. Surgeon, MD on 09/16/2026 at 9:05 AM\nCorrection of laterality for lesion 2: \"Left\" in the Site field above is a documentation error.\n" +
			"The correct site of lesion 2 is the right dorsal forearm. Nothing else is changed.\n",
			func(n *model.Note) string { return n.Lesions[1].Site.Text.Value + "|" + n.Lesions[1].Laterality.Value }, "Right dorsal forearm|"},
		{"one lesion's repair class in an addendum naming two", "Lesion 1\nSite: right dorsal hand\nStage 1: 2 blocks; clear\nRepair: intermediate layered repair after tumor clearance\n  Length: 2.8 cm\n\n" +
			"Lesion 2\nSite: left shin\nStage 1: 4 blocks; clear\nRepair: intermediate layered repair after tumor clearance\n  Length: 4.5 cm\n\n" +
			"ADDENDUM\nAddendum by A. Surgeon, MD on 10/14/2026 at 8:15 AM\nCorrection to the repair of lesion 1 (right dorsal hand): the template\n" +
			"defaulted to \"intermediate layered repair\". The hand wound in fact required a\ncomplex repair, 2.8 cm in length, after tumor clearance. The repair of lesion 2 was\n" +
			"an intermediate layered repair as documented. Nothing else is changed.\n",
			func(n *model.Note) string {
				return fmt.Sprint(len(n.Lesions[0].Repairs), n.Lesions[0].Repairs[0].Value.Value, "|", len(n.Lesions[1].Repairs), n.Lesions[1].Repairs[0].Value.Value)
			}, "1complex repair|1intermediate layered repair after tumor clearance"},
		{"an amended post-operative diagnosis", "Site: right medial cheek\nPreoperative diagnosis: basal cell carcinoma\nPostoperative diagnosis: Same\nStage 1: 3 blocks; clear\n\n" +
			"ADDENDUM\nAddendum by A. Surgeon, MD on 10/12/2026 at 10:30 AM\nOn review of the frozen sections, the tumor showed keratinizing squamous cells. The\n" +
			"postoperative diagnosis is amended from \"Same\" to: basosquamous (metatypical)\ncarcinoma of the right medial cheek. Nothing else is changed.\n",
			func(n *model.Note) string { return n.Lesions[0].PostopDiagnosis.Value }, "basosquamous (metatypical) carcinoma of the right medial cheek"},
		{"an addendum that corrects nothing", one + "Repair: intermediate layered closure after tumor clearance\n  Length: 2.4 cm\n\n" +
			"ADDENDUM: the patient called; the wound is healing well, 2.7 cm, not 2.4 cm, of redness noted.\n",
			func(n *model.Note) string { return fmt.Sprint(n.Lesions[0].Repairs[0].Length.Dims) }, "[2.4]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := mustLower(t, tc.src)
			assert.Equal(t, tc.want, tc.got(n))
			if tc.want != "[2.4]" {
				assert.Contains(t, rules(n), "prose-field-conflict", "the correction is reported")
			}
		})
	}
}

// TestLesionLabelOverBiopsies: in a note of biopsies only, "Lesion N - site,
// … Clinical impression: … punch biopsy." lines are biopsies with their
// impressions, no Mohs lesions (CODING-RULES §4: biopsy codes; an
// uncertain impression gets no diagnosis code).
func TestLesionLabelOverBiopsies(t *testing.T) {
	n := mustLower(t, "No Mohs surgery was performed at this visit.\n\n"+
		"Lesion 1 - left lateral thigh, 2.2 cm plaque. Clinical impression: rule out DFSP. Incisional biopsy, closed with sutures.\n"+
		"Lesion 2 - right posterior shoulder, 8 mm scaly papule. Clinical impression: SCC versus irritated seborrheic keratosis. 4 mm punch biopsy.\n")
	var got []string
	for _, b := range n.Biopsies {
		got = append(got, b.Label+" "+b.Site.Text.Value+" / "+b.Diagnosis.Value)
	}
	assert.Empty(t, n.Lesions)
	assert.Equal(t, []string{"1 left lateral thigh / rule out DFSP", "2 right posterior shoulder / SCC versus irritated seborrheic keratosis"}, got)
}

// asciiLower lower-cases ASCII letters only and keeps every byte offset.
func TestASCIILower(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"site", "site"},
		{"Site", "site"},
		{"PRE-OP DX", "pre-op dx"},
		{"stage 1 – BLOCKS", "stage 1 – blocks"},
		{"ÉTAPE Ü", "Étape Ü"}, // only ASCII letters change
		{"a\xffB", "a\xffb"},   // invalid UTF-8 keeps its length
		{"already lower.", "already lower."},
	} {
		got := lower.ASCIILower(tc.in)
		assert.Equal(t, tc.want, got, "%q", tc.in)
		assert.Len(t, got, len(tc.in), "%q", tc.in)
	}
}

// The key helpers compare without building strings; each agrees with the
// allocating form it replaced.
func TestKeyHelpers(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   bool
	}{
		{"Both sites were closed", "both", true}, {"BOTH", "both", true}, {"at the left TEMPLE", "temple", true},
		{"bot h", "both", false}, {"", "both", false}, {"anything", "", true}, {"all  stages", "all ", true},
		{"Tall", "all ", false}, {"x@y", "`y", false}, {"a\xffB", "\xffb", true},
	} {
		assert.Equal(t, tc.want, lower.ContainsFold(tc.s, tc.sub), "containsFold(%q, %q)", tc.s, tc.sub)
		assert.Equal(t, strings.Contains(lower.ASCIILower(tc.s), tc.sub), lower.ContainsFold(tc.s, tc.sub), "agrees with asciiLower+Contains on %q, %q", tc.s, tc.sub)
	}
	for _, tc := range []struct {
		s, word string
		want    bool
	}{
		{"Total:", "total", true}, {"TOTALS", "totals", true}, {"Tot-al", "total", true},
		{"Total stages", "total", false}, {"Tota", "total", false}, {"", "", true}, {"1.", "", true},
	} {
		assert.Equal(t, tc.want, lower.LettersEqual(tc.s, tc.word), "lettersEqual(%q, %q)", tc.s, tc.word)
	}
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"second", true}, {"Second", true}, {"THIRD", true}, {"2nd", true}, {"10TH", true},
		{"seconds", false}, {"", false}, {"stage", false}, {"secondsecondsecond", false},
	} {
		assert.Equal(t, tc.want, lower.IsOrdinalWord(tc.w), "isOrdinalWord(%q)", tc.w)
	}
	for _, tc := range []struct {
		s, prefix string
		want      bool
	}{
		{"Biopsy #2", "biopsy", true}, {"BX 1", "bx", true}, {"b", "bx", false}, {"Site", "bx", false},
	} {
		assert.Equal(t, tc.want, lower.StartsFold(tc.s, tc.prefix), "startsFold(%q, %q)", tc.s, tc.prefix)
	}
}

// TestIndicationWithNothingChecked: an indication whose boxes are all left
// unchecked states no reason for Mohs (CODING-RULES §10, indication-missing);
// one box checked is the reason.
func TestIndicationWithNothingChecked(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
	}{
		{"[ ] H-zone / mask area  [ ] Recurrent  [ ] Aggressive histology", false},
		{"none", false},
		{"N/A", false},
		{"[ ] H-zone / mask area  [X] Recurrent  [ ] Aggressive histology", true},
		{"No prior treatment; tumor in the H-zone", true},
	} {
		n := mustLower(t, "Site: right shin\nIndication for Mohs: "+tc.value+"\nStage 1: 2 blocks, clear\n")
		assert.Equal(t, tc.want, n.Lesions[0].Indication.Present(), "%q", tc.value)
	}
}

// eachRepair joins what show says of every repair of every lesion, in
// note order.
func eachRepair(show func(les model.Lesion, r model.Repair) string) func(*model.Note) string {
	return func(n *model.Note) string {
		var out []string
		for _, les := range n.Lesions {
			for _, r := range les.Repairs {
				out = append(out, show(les, r))
			}
		}
		return strings.Join(out, "; ")
	}
}

// blocksAndRepairs lists each lesion's label, its stages' block counts and
// its repairs' values: "1 2,1 ILC 3.2cm; 2 3 simple 2.4cm".
func blocksAndRepairs(n *model.Note) string {
	var out []string
	for _, les := range n.Lesions {
		var blocks, repairs []string
		for _, st := range les.Stages {
			blocks = append(blocks, fmt.Sprint(st.Blocks.N))
		}
		for _, r := range les.Repairs {
			repairs = append(repairs, r.Value.Value)
		}
		out = append(out, les.Label+" "+strings.Join(blocks, ",")+" "+strings.Join(repairs, ","))
	}
	return strings.Join(out, "; ")
}

// TestRepairHeadingOverRepairFields: "RECONSTRUCTION" alone over a sentence
// of why and then "Repair: …" fields is the section's heading: its sentence
// is no repair of an unknown class (CODING-RULES §3), the fields are.
func TestRepairHeadingOverRepairFields(t *testing.T) {
	n := mustLower(t, "Date of service: 09/15/2026\nSite: left nasal ala\nDiagnosis: basal cell carcinoma\nStage 1: 2 blocks; clear\n\n"+
		"RECONSTRUCTION\nThe alar defect needed structural support to prevent collapse of the external valve, and skin cover over the support.\n"+
		"Repair: full-thickness skin graft, after tumor clearance\n  Area: 2.0 x 1.6 cm\n")
	var got []string
	for _, r := range n.Lesions[0].Repairs {
		got = append(got, r.Value.Value)
	}
	assert.Equal(t, []string{"full-thickness skin graft, after tumor clearance"}, got)
}
