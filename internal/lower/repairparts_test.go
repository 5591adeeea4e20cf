package lower_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
)

// codedNote codes a note and returns its lines as a sorted multiset and its
// findings' rules.
func codedNote(t *testing.T, src string) (lines, rules []string) {
	t.Helper()
	note, err := grammar.Parse("n.txt", src)
	require.NoError(t, err)
	n, err := lower.Lower("n.txt", note)
	require.NoError(t, err)
	claim := coding.Code(n, coding.Options{})
	for _, l := range claim.Lines {
		lines = append(lines, lineKey(l.Code, l.Units, l.Modifiers))
	}
	slices.Sort(lines)
	for _, f := range claim.Findings {
		rules = append(rules, f.Rule)
	}
	return lines, rules
}

// TestRepairPartsByLabel: the lines of a "Reconstruction:" block, one a
// labelled site, keep what their words say. A part whose key defers the
// closure ("SITE B - delayed closure: patient elected to return … for
// closure") is no repair of this claim (CODING-RULES §3: a closure
// deferred to a later visit, no line, no-repair-code — not
// repair-type-unknown); a flap's sizes after commas each go to their own
// key, so the secondary defect counts toward the flap's area (§3: primary
// plus secondary defect).
func TestRepairPartsByLabel(t *testing.T) {
	head := "Date of Service: 05/29/2026\nInsurance: Commercial\nThe slides were analyzed by the Mohs surgeon for all sites.\n\n" +
		"SITE A: Left preauricular cheek\nPre-op Diagnosis: Basal cell carcinoma, nodular (bx 4/30/26)\nIndication: face\nPre-op size: 1.0 x 0.9 cm\nMohs map: yes\n" +
		"1st Stage: 3 Sections, Negative. Histology: nodular BCC in the mid dermis.\n\n" +
		"SITE B: Left mid back\nPre-op Diagnosis: Squamous cell carcinoma (bx 4/30/26)\nIndication: immunosuppressed\nPre-op size: 1.8 x 1.5 cm\nMohs map: yes\n" +
		"1st Stage: 3 Sections, Negative. Histology: SCC in the deep dermis.\n\nReconstruction:\n"
	cases := []struct {
		name, repairs string
		lines         []string
		rule          string
	}{
		{"a part keyed by its deferral is no repair of this claim",
			"SITE A - intermediate layered closure after tumor clearance, 2.4 cm.\nSITE B - delayed closure: patient elected to return 06/01/2026 for closure; dressed today.\n",
			[]string{"12051×1[]", "17311×1[]", "17313×1[59]"}, "no-repair-code"},
		{"a flap's primary and secondary defects after one comma each count",
			// 3.0 x 2.8 cm = 8.4 sq cm alone is 14040; with the 2.4 sq cm
			// secondary defect, 10.8 sq cm is 14041
			"SITE A - transposition flap after tumor clearance; defect 3.0 x 2.8 cm, secondary defect 2.4 sq cm.\nSITE B - allowed to heal by second intention.\n",
			[]string{"14041×1[]", "17311×1[]", "17313×1[59]"}, "no-repair-code"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, head+c.repairs)
			assert.Equal(t, c.lines, lines)
			assert.Contains(t, rules, c.rule)
			assert.NotContains(t, rules, "repair-type-unknown")
			assert.NotContains(t, rules, "secondary-defect-missing")
		})
	}
}
