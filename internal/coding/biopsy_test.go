package coding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/model"
)

// mohsLesion is one coded lesion on the nose, its diagnosis known before
// today, so that it brings no biopsy of its own (lines 4-6 after the
// 3-line header).
var mohsLesion = []string{
	"Site: nose",
	"Prior biopsy: yes",
	"Stage 1: 2 blocks; margins: clear",
}

// docs/coding-rules.md section 4: biopsies and frozen sections.
func TestBiopsies(t *testing.T) {
	tests := []struct {
		name  string
		payer string
		body  []string
		want  []string // with lesions
	}{
		{"same-day biopsy of the Mohs lesion without a prior diagnosis", "Aetna", []string{
			"Site: nose",
			"Same-day biopsy: tangential",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{"1: 17311x1", "1: 11102x1 59"}},
		{"same-day biopsy without a Prior biopsy field is billable", "Aetna", []string{
			"Site: nose",
			"Same-day biopsy: punch",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{"1: 17311x1", "1: 11104x1 59"}},
		{"same-day biopsy with a prior diagnosis is not billable", "Aetna", []string{
			"Site: nose",
			"Same-day biopsy: punch",
			"Prior biopsy: yes, 2026-02-20, BCC",
			"Stage 1: 2 blocks; margins: clear",
		}, []string{"1: 17311x1"}},
		{"punch + tangential (worked example)", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: tangential biopsy, left shin",
			"Biopsy 2: punch biopsy, right forearm",
		), []string{"1: 17311x1", "biopsy 2: 11104x1 59", "biopsy 1: 11103x1 59"}},
		{"three punches (worked example)", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: punch biopsy, right forearm",
			"Biopsy 2: punch biopsy, left forearm",
			"Biopsy 3: punch biopsy, upper back",
		), []string{"1: 17311x1", "biopsy 1: 11104x1 59", "biopsy 2,biopsy 3: 11105x2 59"}},
		{"incisional outranks punch and tangential", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: punch biopsy, right forearm",
			"Biopsy 2: tangential biopsy, left shin",
			"Biopsy 3: incisional biopsy, upper back",
		), []string{"1: 17311x1", "biopsy 3: 11106x1 59", "biopsy 1: 11105x1 59", "biopsy 2: 11103x1 59"}},
		{"two incisionals: the first in note order is primary", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: tangential biopsy, left shin",
			"Biopsy 2: incisional biopsy, right forearm",
			"Biopsy 3: incisional biopsy, upper back",
		), []string{"1: 17311x1", "biopsy 2: 11106x1 59", "biopsy 1: 11103x1 59", "biopsy 3: 11107x1 59"}},
		{"shave is tangential", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: shave biopsy, left shin",
			"Biopsy 2: shave biopsy, right shin",
		), []string{"1: 17311x1", "biopsy 1: 11102x1 59", "biopsy 2: 11103x1 59"}},
		{"kind and site as fields", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1:",
			"  Type: punch",
			"  Site: left forearm",
		), []string{"1: 17311x1", "biopsy 1: 11104x1 59"}},
		{"the Mohs lesion's same-day biopsy competes for the primary code", "Aetna", []string{
			"Site: nose",
			"Same-day biopsy: tangential",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
		}, []string{"1: 17311x1", "biopsy 1: 11104x1 59", "1: 11103x1 59"}},
		{"medicare: XS for another lesion, 59 for the Mohs lesion's own biopsy", "Medicare", []string{
			"Site: nose",
			"Same-day biopsy: tangential",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
		}, []string{"1: 17311x1", "biopsy 1: 11104x1 XS", "1: 11103x1 59"}},
		{"medicare: different modifiers are separate lines", "Medicare", []string{
			"Site: nose",
			"Same-day biopsy: punch",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
			"Biopsy 2: punch biopsy, left forearm",
		}, []string{"1: 17311x1", "1: 11104x1 59", "biopsy 1,biopsy 2: 11105x2 XS"}},
		{"commercial: the same modifier sums into one line", "Aetna", []string{
			"Site: nose",
			"Same-day biopsy: punch",
			"Prior biopsy: no",
			"Stage 1: 2 blocks; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
			"Biopsy 2: punch biopsy, left forearm",
		}, []string{"1: 17311x1", "1: 11104x1 59", "biopsy 1,biopsy 2: 11105x2 59"}},
		{"an excisional biopsy has no line", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: excisional biopsy, right forearm",
			"Biopsy 2: tangential biopsy, left shin",
		), []string{"1: 17311x1", "biopsy 2: 11102x1 59"}},
		{"frozen section on a biopsy section: 88331 per specimen", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: punch biopsy, right forearm",
			"  Frozen section: yes",
		), []string{"1: 17311x1", "biopsy 1: 11104x1 59", "biopsy 1: 88331x1 59"}},
		{"frozen section of 3 blocks: 88331 + 88332 x2", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: punch biopsy, right forearm",
			"  Frozen section: yes, 3 blocks",
		), []string{"1: 17311x1", "biopsy 1: 11104x1 59", "biopsy 1: 88331x1 59", "biopsy 1: 88332x2 59"}},
		{"frozen section: no", "Aetna", append(append([]string{}, mohsLesion...),
			"Biopsy 1: tangential biopsy, left shin",
			"  Frozen section: no",
		), []string{"1: 17311x1", "biopsy 1: 11102x1 59"}},
		{"frozen sections of the Mohs lesion's billable biopsy and of another lesion", "Medicare", []string{
			"Site: nose",
			"Same-day biopsy: tangential",
			"Prior biopsy: no",
			"Frozen section: yes, 2 blocks",
			"Stage 1: 2 blocks; margins: clear",
			"Biopsy 1: punch biopsy, right forearm",
			"  Frozen section: yes",
		}, []string{
			"1: 17311x1",
			"biopsy 1: 11104x1 XS", "1: 11103x1 59",
			"1: 88331x1 59", "biopsy 1: 88331x1 XS", "1: 88332x1 59",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := note(append(append(append([]string{}, surgeonReads...), "Payer: "+tc.payer), tc.body...)...)
			assert.Equal(t, tc.want, lesionLines(code(t, src)))
		})
	}
}

// docs/coding-rules.md section 4: the biopsy findings.
func TestBiopsyFindings(t *testing.T) {
	t.Run("biopsy-not-billable points at the same-day biopsy", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Same-day biopsy: punch",
			"Prior biopsy: yes",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"5 biopsy-not-billable warning 1"}, findingsOf(c, "biopsy-not-billable"))
	})
	t.Run("biopsy-code-review for an excisional biopsy", func(t *testing.T) {
		c := code(t, withHeader(append(append([]string{}, mohsLesion...),
			"Biopsy 1: excisional biopsy, right forearm",
		)...))
		assert.Equal(t, []string{"7 biopsy-code-review warning biopsy 1"}, findingsOf(c, "biopsy-code-review"))
	})
	t.Run("frozen section without a billable biopsy: the Mohs frozen sections", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Prior biopsy: yes",
			"Frozen section: yes",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"6 frozen-section-without-biopsy info 1"}, findingsOf(c, "frozen-section-without-biopsy"))
	})
	t.Run("frozen section with a same-day biopsy that is not billable", func(t *testing.T) {
		c := code(t, withHeader(
			"Site: nose",
			"Same-day biopsy: punch",
			"Prior biopsy: yes",
			"Frozen section: yes",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"7 frozen-section-without-biopsy info 1"}, findingsOf(c, "frozen-section-without-biopsy"))
	})
	t.Run("a biopsy without a site is not coded", func(t *testing.T) {
		c := code(t, withHeader(append(append([]string{}, mohsLesion...),
			"Biopsy 1:",
			"  Type: punch",
			"Biopsy 2: shave biopsy, see photo",
		)...))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"7 site-missing error biopsy 1"}, findingsOf(c, "site-missing"))
		assert.Equal(t, []string{"9 site-unknown error biopsy 2"}, findingsOf(c, "site-unknown"))
	})
	t.Run("the same-day biopsy of a lesion that is not coded has no line", func(t *testing.T) {
		c := code(t, withHeader(
			"Lesion 1: see photo",
			"Same-day biopsy: punch",
			"Stage 1: 2 blocks; margins: clear",
			"Lesion 2: nose",
			"Prior biopsy: yes",
			"Stage 1: 2 blocks; margins: clear",
		))
		assert.Equal(t, []string{"2: 17311x1"}, lesionLines(c))
	})
	t.Run("a separate pathologist bills the frozen sections; the biopsy stays", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Dana Whitfield, MD",
			"Pathology: Dr. Lee, dermatopathologist",
			"Site: nose",
			"Prior biopsy: yes",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 0.8 x 0.8 cm",
			"Biopsy 1: punch biopsy, right forearm",
			"  Frozen section: yes",
		))
		assert.Equal(t, []string{"1: 11641x1", "biopsy 1: 11104x1 59"}, lesionLines(c))
	})
}

// TestBiopsyModifierBesideUncodedMohs: docs/coding-rules.md section 4 — a
// biopsy-only note carries no biopsy modifier, but a note whose Mohs
// surgery is documented on a lesion that could not be coded (whose stages
// were whose cannot be told: lesion-ambiguous) is no biopsy-only note:
// its Mohs lines belong on the claim, and its biopsy keeps 59.
func TestBiopsyModifierBesideUncodedMohs(t *testing.T) {
	src := withHeader(append(append([]string{}, mohsLesion...), "Biopsy 1: punch biopsy, right forearm")...)
	coded := code(t, src)
	assert.Equal(t, []string{"1: 17311x1", "biopsy 1: 11104x1 59"}, lesionLines(coded))
	ambiguous := codeModel(t, src, func(n *model.Note) {
		n.Lesions[0].Ambiguous = model.Text{Value: "stages of several lesions", Line: 5}
	})
	assert.Equal(t, []string{"biopsy 1: 11104x1 59"}, lesionLines(ambiguous))
	biopsyOnly := code(t, withHeader("Biopsy 1: punch biopsy, right forearm"))
	assert.Equal(t, []string{"biopsy 1: 11104x1"}, lesionLines(biopsyOnly))
}
