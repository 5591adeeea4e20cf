package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docs/coding-rules.md section 1: the Mohs lines of one lesion.
func TestMohsWorkedExamples(t *testing.T) {
	tests := []struct {
		name string
		note string
		want []string
	}{
		{"nose, stages of 3 and 2 blocks", withHeader(
			"Site: nose",
			"Stage 1: 3 blocks; margins: positive",
			"Stage 2: 2 blocks; margins: clear",
		), []string{"17311x1", "17312x1"}},
		{"back, one stage of 7 blocks", withHeader(
			"Site: upper back",
			"Stage 1: 7 blocks; margins: clear",
		), []string{"17313x1", "17315x2"}},
		{"ear, stages of 6, 4 and 8 blocks", withHeader(
			"Site: left ear",
			"Stage 1: 6 blocks; margins: positive",
			"Stage 2: 4 blocks; margins: positive",
			"Stage 3: 8 blocks; margins: clear",
		), []string{"17311x1", "17312x2", "17315x4"}},
		{"cheek, 9 stages: no cap on additional stages", withHeader(
			"Site: right cheek",
			"Stage 1: 2 blocks; margins: positive",
			"Stage 2: 2 blocks; margins: positive",
			"Stage 3: 2 blocks; margins: positive",
			"Stage 4: 2 blocks; margins: positive",
			"Stage 5: 2 blocks; margins: positive",
			"Stage 6: 2 blocks; margins: positive",
			"Stage 7: 2 blocks; margins: positive",
			"Stage 8: 2 blocks; margins: positive",
			"Stage 9: 1 block; margins: clear",
		), []string{"17311x1", "17312x8"}},
		{"17315 counts blocks beyond five within each stage, not stage 7 and beyond", withHeader(
			"Site: nose",
			"Stage 1: 5 blocks; margins: positive",
			"Stage 2: 6 blocks; margins: positive",
			"Stage 3: 5 blocks; margins: clear",
		), []string{"17311x1", "17312x2", "17315x1"}},
		{"exactly five blocks is no 17315", withHeader(
			"Site: chest",
			"Stage 1: 5 blocks; margins: clear",
		), []string{"17313x1"}},
		{"trunk, two stages: 17314", withHeader(
			"Site: left flank",
			"Stage 1: 4 blocks; margins: positive",
			"Stage 2: 1 block; margins: clear",
		), []string{"17313x1", "17314x1"}},
		{"stages as a section", withHeader(
			"Site: left nasal ala",
			"Stage 1:",
			"  Blocks: 7",
			"  Margins: positive",
			"Stage 2:",
			"  Blocks: 2",
			"  Margins: clear",
		), []string{"17311x1", "17312x1", "17315x2"}},
		{"stages are counted as listed, whatever their numbers", withHeader(
			"Site: nose",
			"Stage 1: 2 blocks; margins: positive",
			"Stage 3: 2 blocks; margins: positive",
			"Stage 3: 2 blocks; margins: clear",
		), []string{"17311x1", "17312x2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, lines(code(t, tc.note)))
		})
	}
}

// docs/coding-rules.md section 1: the site class H or T.
func TestMohsSiteClass(t *testing.T) {
	tests := []struct {
		site string
		want string // first-stage code
	}{
		// H: head including scalp, neck, hands and fingers, feet and toes, genitalia.
		{"mid parietal scalp", "17311"},
		{"vertex of the scalp", "17311"},
		{"left temple", "17311"},
		{"right lower eyelid", "17311"},
		{"upper lip vermilion", "17311"},
		{"right helix", "17311"},
		{"anterior neck", "17311"},
		{"right dorsal hand", "17311"},
		{"left index finger", "17311"},
		{"right palm", "17311"},
		{"left foot", "17311"},
		{"right great toe", "17311"},
		{"left heel", "17311"},
		{"scrotum", "17311"},
		{"vulva", "17311"},
		{"perineum", "17311"},
		// T: trunk, arms (wrist included), legs (ankle included).
		{"upper back", "17313"},
		{"chest", "17313"},
		{"left breast", "17313"},
		{"abdomen", "17313"},
		{"right axilla", "17313"},
		{"left buttock", "17313"},
		{"sacrum", "17313"},
		{"left shoulder", "17313"},
		{"right upper arm", "17313"},
		{"left forearm", "17313"},
		{"right wrist", "17313"},
		{"left thigh", "17313"},
		{"right knee", "17313"},
		{"left shin", "17313"},
		{"right ankle", "17313"},
		{"back of the left hand", "17311"},
		{"back of the right forearm", "17313"},
	}
	for _, tc := range tests {
		t.Run(tc.site, func(t *testing.T) {
			c := code(t, withHeader("Site: "+tc.site, "Stage 1: 2 blocks; margins: clear"))
			assert.Equal(t, []string{tc.want + "x1"}, lines(c))
		})
	}
}

// docs/coding-rules.md section 1: deep structures move T up to H, never H down.
func TestMohsDeepStructures(t *testing.T) {
	tests := []struct {
		name string
		site string
		deep string
		want []string
	}{
		{"muscle on the back is H", "upper back", "Deep structures: muscle", []string{"17311x1", "17312x1"}},
		{"tendon on the forearm is H", "left forearm", "Deep structures: extensor tendon", []string{"17311x1", "17312x1"}},
		{"periosteum on the shin is H", "right shin", "Involves: periosteum", []string{"17311x1", "17312x1"}},
		{"a major vessel on the thigh is H", "left thigh", "Deep structures: superficial femoral vein", []string{"17311x1", "17312x1"}},
		{"none on the back stays T", "upper back", "Deep structures: none", []string{"17313x1", "17314x1"}},
		{"no on the back stays T", "upper back", "Deep structures: no", []string{"17313x1", "17314x1"}},
		{"text without a deep word stays T", "upper back", "Deep structures: subcutaneous fat only", []string{"17313x1", "17314x1"}},
		{"no deep structures on the nose stays H", "nose", "Deep structures: none", []string{"17311x1", "17312x1"}},
		{"cartilage on the nose stays H", "nose", "Deep structures: nasal cartilage", []string{"17311x1", "17312x1"}},
		{"a value whose first word only starts with no is read", "upper back", "Deep structures: notable involvement of muscle fascia", []string{"17311x1", "17312x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(
				"Site: "+tc.site,
				tc.deep,
				"Stage 1: 3 blocks; margins: positive",
				"Stage 2: 1 block; margins: clear",
			))
			assert.Equal(t, tc.want, lines(c))
		})
	}
}

// docs/coding-rules.md section 1: a boundary site is H for Mohs when either term
// is H; every other family takes the first term's group.
func TestMohsBoundarySite(t *testing.T) {
	tests := []struct {
		name string
		site string
		want []string
	}{
		// Mohs H from the neck; complex repair of the neck (13131) from the first term.
		{"neck/upper chest", "neck/upper chest", []string{"17311x1", "13131x1"}},
		// Mohs H from the neck; complex repair of the trunk (13100) from the first term.
		{"upper chest/neck", "upper chest/neck", []string{"17311x1", "13100x1"}},
		// Both H; complex repair of eyelids/nose/ears/lips from the nose.
		{"nasal sidewall/medial cheek", "nasal sidewall/medial cheek", []string{"17311x1", "13151x1"}},
		// Both H; complex repair of forehead/cheeks from the cheek.
		{"medial cheek/nasal sidewall", "medial cheek/nasal sidewall", []string{"17311x1", "13131x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(
				"Site: "+tc.site,
				"Stage 1: 2 blocks; margins: clear",
				"Repair: complex repair, 2.0 cm, after clearance",
			))
			assert.Equal(t, tc.want, lines(c))
			assert.Equal(t, []string{"4 site-boundary warning 1"}, findingsOf(c, "site-boundary"))
		})
	}
	t.Run("one group is no boundary", func(t *testing.T) {
		c := code(t, withHeader("Site: left forehead/temple", "Stage 1: 2 blocks; margins: clear"))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "site-boundary"))
	})
}

// docs/coding-rules.md section 1: who read the slides, said per lesion
// under each label — a separate pathologist for one lesion makes that
// lesion an excision, the other keeps its Mohs lines.
func TestMohsPathologyPerLesion(t *testing.T) {
	c := code(t, note(
		"Surgeon: Dana Whitfield, MD",
		"Payer: Medicare",
		"",
		"Lesion 1: left lower eyelid",
		"Pathology: frozen sections read by the surgeon, Dr. Whitfield",
		"Stage 1: 2 blocks; margins: clear",
		"",
		"Lesion 2: right shoulder",
		"Pre-op size: 1.2 x 1.0 cm",
		"Margin: 4 mm",
		"Pathology: sections read by Ingrid Vasquez, MD, dermatopathologist",
		"Stage 1: 3 blocks; margins: clear",
	))
	assert.Equal(t, []string{"17311x1", "11602x1 XS"}, lines(c))
	assert.Len(t, findingsOf(c, "pathology-not-surgeon"), 1)
	assert.Empty(t, findingsOf(c, "pathology-undocumented"))
}

// docs/coding-rules.md section 1: who read the slides.
func TestMohsPathology(t *testing.T) {
	t.Run("surgeon by role", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: slides read by the Mohs surgeon",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
		assert.Empty(t, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("surgeon by last name", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Slides read by: Dr. Whitfield",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
		assert.Empty(t, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("prose naming both the surgeon and a pathologist codes neither Mohs nor excision", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"I examined the frozen sections myself. The slides were read by Dr. Lee, dermatopathologist.",
			"Site: nose",
			"Preoperative size: 0.8 x 0.6 cm",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 1.0 x 0.8 cm",
			"Repair: intermediate repair, 2.0 cm",
		))
		assert.Equal(t, []string{"12051x1"}, lines(c))
		assert.Len(t, findingsOf(c, "reader-ambiguous"), 1)
		assert.Empty(t, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("text that names neither is not documented", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: frozen sections processed on site",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"1 pathology-undocumented warning -"}, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("another physician by name is a separate pathologist", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: John Smith, MD",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 0.5 x 0.5 cm",
		))
		assert.Equal(t, []string{"11640x1"}, lines(c))
		assert.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(c, "pathology-not-surgeon"))
	})
	t.Run("not documented: Mohs is coded with a warning", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"1 pathology-undocumented warning -"}, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("separate pathologist: excision instead of Mohs, stains and frozen sections dropped", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: read by Dr. Lee, dermatopathologist",
			"Site: left nasal ala",
			"Frozen section: yes",
			"Stage 1: 3 blocks; stain: MART-1 for melanocytic margins; margins: positive",
			"Stage 2: 2 blocks; margins: clear",
			"Final defect: 1.4 x 1.1 cm",
		))
		// Face, greatest dimension 1.4 cm: 1.1-2.0 → 11642.
		assert.Equal(t, []string{"11642x1"}, lines(c))
		assert.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(c, "pathology-not-surgeon"))
	})
	t.Run("a pathologist read, the surgeon reviewed: excision", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: interpreted by the staff dermatopathologist, Dr. Lee; Dr. Whitfield reviewed her findings at the bedside",
			"Site: left nasal ala",
			"Stage 1: 3 blocks; margins: clear",
			"Final defect: 1.4 x 1.1 cm",
		))
		assert.Equal(t, []string{"11642x1"}, lines(c))
		assert.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(c, "pathology-not-surgeon"))
	})
	t.Run("read by the surgeon acting as pathologist", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: read by the Mohs surgeon acting as pathologist",
			"Site: left nasal ala",
			"Stage 1: 3 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
	})
	t.Run("separate pathologist without a final defect: defect-size-missing, no line", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: dermatopathologist",
			"Site: left nasal ala",
			"Stage 1: 3 blocks; margins: clear",
		))
		assert.Empty(t, lines(c))
		assert.Equal(t, []string{"2 pathology-not-surgeon error -"}, findingsOf(c, "pathology-not-surgeon"))
		assert.Equal(t, []string{"3 defect-size-missing error 1"}, findingsOf(c, "defect-size-missing"))
	})
}

// docs/coding-rules.md section 1: missing stages and block counts.
func TestMohsMissingStagesAndBlocks(t *testing.T) {
	t.Run("a stage without a block count is a stage of at most five blocks", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Stage 1: 8 blocks; margins: positive",
			"Stage 2:",
			"  Margins: clear",
		))
		assert.Equal(t, []string{"17311x1", "17312x1", "17315x3"}, lines(c))
		assert.Equal(t, []string{"6 blocks-missing error 1"}, findingsOf(c, "blocks-missing"))
	})
	t.Run("no stage: no Mohs line, repairs still coded", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Repair: intermediate repair, length 2.0 cm, after clearance",
		))
		assert.Equal(t, []string{"12051x1"}, lines(c))
		assert.Equal(t, []string{"4 stages-missing error 1"}, findingsOf(c, "stages-missing"))
	})
	t.Run("Repair: none is no line and no finding", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: none",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		for _, f := range c.Findings {
			assert.NotContains(t, []string{"repair-type-unknown", "no-repair-code", "repair-size-missing", "repair-timing-undocumented"}, f.Rule)
		}
	})
}

// docs/note-format.md section 7: the Mohs lines carry their evidence.
func TestMohsEvidence(t *testing.T) {
	c := code(t, withHeader(
		"Site: nose",
		"Stage 1: 6 blocks; margins: positive",
		"Stage 2: 2 blocks; margins: clear",
	))
	require.Len(t, c.Lines, 3)
	for _, l := range c.Lines {
		assert.NotEmpty(t, l.Evidence, l.Code)
		assert.Equal(t, "1", l.Lesion, l.Code)
		assert.NotEmpty(t, l.Description, l.Code)
	}
	for i, l := range c.Lines {
		assert.Equal(t, i+1, l.Seq)
	}
}

// Review cases: a "Last, First" surgeon, a structure named as not
// involved, a biopsy that names only its kind.
func TestReviewCases(t *testing.T) {
	c := code(t, note(
		"Date of service: 2026-03-14",
		"Surgeon: Whitfield, Dana, MD",
		"Pathology: slides read by Dr. Whitfield",
		"Site: upper back",
		"Diagnosis: BCC",
		"Deep structures: muscle not involved",
		"Stage 1: 1 block; margins: clear",
		"Biopsy 1: punch biopsy",
	))
	assert.Equal(t, []string{"17313x1"}, lines(c), "the surgeon read the slides; no deep structure moves T to H")
	assert.Equal(t, []string{"8 site-missing error biopsy 1"}, findingsOf(c, "site-missing"))
}

// A remark after the surgeon's name names no one: "Ottoline
// Farquharson-Ede, MD (Mohs surgeon)" read the slides as
// "Dr. Farquharson-Ede" (CODING-RULES §1: the surgeon reads the slides).
func TestSurgeonWithRemark(t *testing.T) {
	c := code(t, note(
		"Date of service: 2026-09-08",
		"Surgeon: Ottoline Farquharson-Ede, MD (Mohs surgeon)",
		"Pathology: all Mohs frozen sections interpreted by Dr. Farquharson-Ede",
		"Site: upper back",
		"Diagnosis: BCC",
		"Stage 1: 1 block; margins: clear",
	))
	assert.Equal(t, []string{"17313x1"}, lines(c))
	assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
}

// TestSurgeonNameBeforeRole: the surgeon's name ends at its credential,
// whatever role follows ("…, MD - Mohs Surgery"), so the slides read "by
// Dr. <surgeon>" are the surgeon's (CODING-RULES.md section 1).
func TestSurgeonNameBeforeRole(t *testing.T) {
	for _, surgeon := range []string{
		"Theodoric Ng-Abernathy, MD - Mohs Surgery",
		"Theodoric Ng-Abernathy MD - Mohs Surgery",
		"Dr. Theodoric Ng-Abernathy, Mohs surgeon",
		"Ng-Abernathy, Theodoric, MD",
	} {
		c := code(t, note(
			"Surgeon: "+surgeon,
			"Pathology: sections read by Dr. Ng-Abernathy",
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c), surgeon)
		assert.Empty(t, findingsOf(c, "pathology-not-surgeon"), surgeon)
	}
}

// TestReaderNamedWithoutSurgeon: a physician named as the reader where the
// note names no surgeon may be the surgeon: who read the slides is not
// documented (a warning), never a separate pathologist by guess.
func TestReaderNamedWithoutSurgeon(t *testing.T) {
	c := code(t, note(
		"Pathology: sections read by Dr. Ng-Abernathy",
		"Site: nose",
		"Stage 1: 2 blocks; margins: clear",
	))
	assert.Equal(t, []string{"17311x1"}, lines(c))
	assert.Empty(t, findingsOf(c, "pathology-not-surgeon"))
	assert.Len(t, findingsOf(c, "pathology-undocumented"), 1)
}

// TestReaderTitleAlone: "Slides read by: Dr." — a value a line break cut
// short before the name — names no separate pathologist: who read the
// slides is not documented (a warning), never excision lines by guess
// (CODING-RULES §1).
func TestReaderTitleAlone(t *testing.T) {
	for _, value := range []string{"Dr.", "Dr", "MD"} {
		c := code(t, note(
			"Date of service: 2026-03-14",
			"Surgeon: Dana Whitfield, MD",
			"Slides read by: "+value,
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c), value)
		assert.Empty(t, findingsOf(c, "pathology-not-surgeon"), value)
		assert.Len(t, findingsOf(c, "pathology-undocumented"), 1, value)
	}
}

// TestLesionLevelStains: a stain field before the stages names the stains
// of every stage; one statement draws one finding however many stages it
// covers (CODING-RULES.md section 5: a routine stain listed as special is
// routine-stain-not-billable, no line).
func TestLesionLevelStains(t *testing.T) {
	c := code(t, note(
		"Pathology: read by the Mohs surgeon",
		"Site: left dorsal hand",
		"Special stains: toluidine blue (all blocks)",
		"Stage 1: 6 blocks; margins: block 2 positive",
		"Stage 2: 2 blocks; margins: clear",
	))
	assert.Equal(t, []string{"17311x1", "17312x1", "17315x1"}, lines(c))
	assert.Len(t, findingsOf(c, "routine-stain-not-billable"), 1)
}

// TestTwoSitesCodeNoRepair: a lesion that states two different sites may
// be two lesions (lesion-ambiguous): neither its Mohs lines nor its repair
// lines are coded, since the repair's site group cannot be told either.
func TestTwoSitesCodeNoRepair(t *testing.T) {
	c := code(t, note(
		"Pathology: read by the Mohs surgeon",
		"Site: left cheek",
		"Diagnosis: BCC",
		"Stage 1: 2 blocks; margins: clear",
		"Site: right forearm",
		"Repair: simple repair, 3.0 cm",
	))
	assert.Empty(t, lines(c))
	assert.NotEmpty(t, findingsOf(c, "lesion-ambiguous"))
}

// TestMoreTumorsThanLesionsCodeNoRepair: a dictation that counts three
// tumors treated today but opens one lesion (lesion-ambiguous) codes no
// repair either: the repairs its prose reads may be the other tumors'
// ("the postauricular defect … complex layered repair, 2.8 cm, and the
// back defect … intermediate layered repair" were coded on the nose).
func TestMoreTumorsThanLesionsCodeNoRepair(t *testing.T) {
	c := code(t, note(
		"Pathology: read by the Mohs surgeon",
		"",
		"Three tumors were treated today, all biopsy-proven: a basal cell carcinoma of the nasal tip, a squamous cell carcinoma of the right postauricular skin and a basal cell carcinoma of the left lower back.",
		"",
		"The nasal tip came first. The first stage of three blocks was clear.",
		"",
		"After tumor clearance the postauricular defect was closed with a complex layered repair, 2.8 cm, and the back defect with an intermediate layered repair, 5.0 cm.",
	))
	assert.Empty(t, lines(c))
	assert.NotEmpty(t, findingsOf(c, "lesion-ambiguous"))
}
