package coding_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/model"
)

// oneStage is a cleared single-stage lesion at site, with its repairs.
func oneStage(site string, repairs ...string) string {
	return withHeader(append([]string{
		"Site: " + site,
		"Stage 1: 2 blocks; margins: clear",
	}, repairs...)...)
}

// repairLines is the claim's lines without the Mohs lines of the lesions.
func repairLines(t *testing.T, src string) []string {
	t.Helper()
	out := []string{}
	for _, l := range lines(code(t, src)) {
		switch l[:5] {
		case "17311", "17312", "17313", "17314", "17315":
			continue
		}
		out = append(out, l)
	}
	return out
}

// docs/coding-rules.md section 3: the linear repair tables, range edges
// included. Each case is one repair of the given class and length.
func TestLinearRepairTables(t *testing.T) {
	tests := []struct {
		name   string
		site   string
		repair string
		want   []string
	}{
		// simple: scalp, neck, axillae, external genitalia, trunk, extremities incl. hands and feet
		{"simple trunk 2.5", "chest", "simple repair, 2.5 cm", []string{"12001x1"}},
		{"simple trunk 2.6", "chest", "simple repair, 2.6 cm", []string{"12002x1"}},
		{"simple scalp 7.5", "scalp", "simple repair, 7.5 cm", []string{"12002x1"}},
		{"simple neck 7.6", "neck", "simple repair, 7.6 cm", []string{"12004x1"}},
		{"simple hand 12.5", "right dorsal hand", "simple repair, 12.5 cm", []string{"12004x1"}},
		{"simple foot 12.6", "left foot", "simple repair, 12.6 cm", []string{"12005x1"}},
		{"simple axilla 20.0", "left axilla", "simple repair, 20.0 cm", []string{"12005x1"}},
		{"simple thigh 20.1", "left thigh", "simple repair, 20.1 cm", []string{"12006x1"}},
		{"simple back 30.0", "upper back", "simple repair, 30.0 cm", []string{"12006x1"}},
		{"simple back 30.1", "upper back", "simple repair, 30.1 cm", []string{"12007x1"}},
		{"simple scrotum 1.0", "scrotum", "simple repair, 1.0 cm", []string{"12001x1"}},
		// simple: face, ears, eyelids, nose, lips, mucous membranes
		{"simple nose 2.5", "nose", "simple repair, 2.5 cm", []string{"12011x1"}},
		{"simple cheek 2.6", "left cheek", "simple repair, 2.6 cm", []string{"12013x1"}},
		{"simple forehead 5.0", "forehead", "simple repair, 5.0 cm", []string{"12013x1"}},
		{"simple ear 5.1", "right ear", "simple repair, 5.1 cm", []string{"12014x1"}},
		{"simple lip 7.5", "upper lip", "simple repair, 7.5 cm", []string{"12014x1"}},
		{"simple temple 7.6", "left temple", "simple repair, 7.6 cm", []string{"12015x1"}},
		{"simple cheek 12.5", "left cheek", "simple repair, 12.5 cm", []string{"12015x1"}},
		{"simple cheek 12.6", "left cheek", "simple repair, 12.6 cm", []string{"12016x1"}},
		{"simple cheek 20.0", "left cheek", "simple repair, 20.0 cm", []string{"12016x1"}},
		{"simple cheek 20.1", "left cheek", "simple repair, 20.1 cm", []string{"12017x1"}},
		{"simple cheek 30.0", "left cheek", "simple repair, 30.0 cm", []string{"12017x1"}},
		{"simple cheek 30.1", "left cheek", "simple repair, 30.1 cm", []string{"12018x1"}},
		// intermediate: scalp, axillae, trunk, extremities excl. hands and feet
		{"intermediate scalp 2.5", "scalp", "intermediate repair, 2.5 cm", []string{"12031x1"}},
		{"intermediate axilla 2.6", "right axilla", "intermediate repair, 2.6 cm", []string{"12032x1"}},
		{"intermediate forearm 7.5", "left forearm", "layered closure, 7.5 cm", []string{"12032x1"}},
		{"intermediate wrist 7.6", "right wrist", "intermediate repair, 7.6 cm", []string{"12034x1"}},
		{"intermediate ankle 12.5", "left ankle", "intermediate repair, 12.5 cm", []string{"12034x1"}},
		{"intermediate back 12.6", "upper back", "intermediate repair, 12.6 cm", []string{"12035x1"}},
		{"intermediate back 20.0", "upper back", "intermediate repair, 20.0 cm", []string{"12035x1"}},
		{"intermediate back 20.1", "upper back", "intermediate repair, 20.1 cm", []string{"12036x1"}},
		{"intermediate back 30.0", "upper back", "intermediate repair, 30.0 cm", []string{"12036x1"}},
		{"intermediate back 30.1", "upper back", "intermediate repair, 30.1 cm", []string{"12037x1"}},
		// intermediate: neck, hands, feet, external genitalia
		{"intermediate neck 2.5", "neck", "intermediate repair, 2.5 cm", []string{"12041x1"}},
		{"intermediate hand 2.6", "left hand", "intermediate repair, 2.6 cm", []string{"12042x1"}},
		{"intermediate foot 7.5", "right foot", "intermediate repair, 7.5 cm", []string{"12042x1"}},
		{"intermediate finger 7.6", "left index finger", "intermediate repair, 7.6 cm", []string{"12044x1"}},
		{"intermediate neck 12.5", "neck", "intermediate repair, 12.5 cm", []string{"12044x1"}},
		{"intermediate neck 12.6", "neck", "intermediate repair, 12.6 cm", []string{"12045x1"}},
		{"intermediate neck 20.0", "neck", "intermediate repair, 20.0 cm", []string{"12045x1"}},
		{"intermediate neck 20.1", "neck", "intermediate repair, 20.1 cm", []string{"12046x1"}},
		{"intermediate penis 30.0", "penis", "intermediate repair, 30.0 cm", []string{"12046x1"}},
		{"intermediate neck 30.1", "neck", "intermediate repair, 30.1 cm", []string{"12047x1"}},
		// intermediate: face, ears, eyelids, nose, lips, mucous membranes
		{"intermediate nose 2.5", "nose", "intermediate repair, 2.5 cm", []string{"12051x1"}},
		{"intermediate cheek 2.6", "left cheek", "intermediate repair, 2.6 cm", []string{"12052x1"}},
		{"intermediate eyelid 5.0", "left lower eyelid", "intermediate repair, 5.0 cm", []string{"12052x1"}},
		{"intermediate chin 5.1", "chin", "intermediate repair, 5.1 cm", []string{"12053x1"}},
		{"intermediate jaw 7.5", "left jawline", "intermediate repair, 7.5 cm", []string{"12053x1"}},
		{"intermediate cheek 7.6", "left cheek", "intermediate repair, 7.6 cm", []string{"12054x1"}},
		{"intermediate cheek 12.5", "left cheek", "intermediate repair, 12.5 cm", []string{"12054x1"}},
		{"intermediate cheek 12.6", "left cheek", "intermediate repair, 12.6 cm", []string{"12055x1"}},
		{"intermediate cheek 20.0", "left cheek", "intermediate repair, 20.0 cm", []string{"12055x1"}},
		{"intermediate cheek 20.1", "left cheek", "intermediate repair, 20.1 cm", []string{"12056x1"}},
		{"intermediate cheek 30.0", "left cheek", "intermediate repair, 30.0 cm", []string{"12056x1"}},
		{"intermediate cheek 30.1", "left cheek", "intermediate repair, 30.1 cm", []string{"12057x1"}},
		// complex: trunk
		{"complex trunk 1.1", "chest", "complex repair, 1.1 cm", []string{"13100x1"}},
		{"complex trunk 2.5", "chest", "complex repair, 2.5 cm", []string{"13100x1"}},
		{"complex axilla is the forehead/cheeks group", "left axilla", "complex repair, 2.5 cm", []string{"13131x1"}},
		{"complex groin 2.6", "right groin", "complex repair, 2.6 cm", []string{"13101x1"}},
		{"complex back 7.5", "upper back", "complex repair, 7.5 cm", []string{"13101x1"}},
		{"complex back 7.6", "upper back", "complex repair, 7.6 cm", []string{"13101x1", "13102x1"}},
		{"complex back 12.5", "upper back", "complex repair, 12.5 cm", []string{"13101x1", "13102x1"}},
		{"complex back 12.6", "upper back", "complex repair, 12.6 cm", []string{"13101x1", "13102x2"}},
		{"complex trunk 16.4 (worked example)", "lower back", "complex repair, 16.4 cm", []string{"13101x1", "13102x2"}},
		// complex: scalp, arms, legs
		{"complex scalp 1.1", "scalp", "complex repair, 1.1 cm", []string{"13120x1"}},
		{"complex shoulder 2.5", "left shoulder", "complex repair, 2.5 cm", []string{"13120x1"}},
		{"complex wrist 2.6", "right wrist", "complex repair, 2.6 cm", []string{"13121x1"}},
		{"complex hip 7.5", "left hip", "complex repair, 7.5 cm", []string{"13121x1"}},
		{"complex scalp 9.6 (worked example)", "vertex scalp", "complex repair, 9.6 cm", []string{"13121x1", "13122x1"}},
		// complex: forehead, cheeks, chin, mouth, neck, axillae, genitalia, hands, feet
		{"complex forehead 1.1", "forehead", "complex repair, 1.1 cm", []string{"13131x1"}},
		{"complex neck 2.5", "neck", "complex repair, 2.5 cm", []string{"13131x1"}},
		{"complex hand 2.6", "right dorsal hand", "complex repair, 2.6 cm", []string{"13132x1"}},
		{"complex nasolabial fold 7.5", "left nasolabial fold", "complex repair, 7.5 cm", []string{"13132x1"}},
		{"complex cheek 7.6", "left cheek", "complex repair, 7.6 cm", []string{"13132x1", "13133x1"}},
		{"complex foot 12.6", "left foot", "complex repair, 12.6 cm", []string{"13132x1", "13133x2"}},
		// complex: eyelids, nose, ears, lips
		{"complex nose 1.1", "nose", "complex repair, 1.1 cm", []string{"13151x1"}},
		{"complex helix 2.5", "left helix", "complex repair, 2.5 cm", []string{"13151x1"}},
		{"complex lower lip 2.6", "lower lip", "complex repair, 2.6 cm", []string{"13152x1"}},
		{"complex eyelid 7.5", "right upper eyelid", "complex repair, 7.5 cm", []string{"13152x1"}},
		{"complex ear 7.6", "left ear", "complex repair, 7.6 cm", []string{"13152x1", "13153x1"}},
		// lengths: millimetres, the Length field, a size by its longest dimension
		{"millimetres convert to cm", "nose", "simple repair, 26 mm", []string{"12013x1"}},
		{"a length in the value", "nose", "intermediate repair; length 2.6 cm", []string{"12052x1"}},
		{"a size counts by its longest dimension", "upper back", "intermediate repair, 3.0 x 0.5 cm", []string{"12032x1"}},
		// a stated linear class wins over the words a flap shares with it
		{"advancement of the wound edges in a complex repair", "upper back", "complex layered closure with undermining and advancement of the wound edges, 3.0 cm", []string{"13101x1"}},
		{"Burow's triangles in an intermediate repair", "left cheek", "intermediate repair with Burow's triangles, 3.0 cm", []string{"12052x1"}},
		// rounding half-up to one decimal before lookup
		{"2.55 rounds to 2.6", "left cheek", "intermediate repair, 2.55 cm", []string{"12052x1"}},
		{"2.54 rounds to 2.5", "left cheek", "intermediate repair, 2.54 cm", []string{"12051x1"}},
		{"7.55 complex is over 7.5", "upper back", "complex repair, 7.55 cm", []string{"13101x1", "13102x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := repairLines(t, oneStage(tc.site, "Repair: "+tc.repair+", after clearance"))
			assert.Equal(t, tc.want, got)
		})
	}
}

// docs/note-format.md section 3: a repair's kind and length may stand in fields
// under it.
func TestRepairFields(t *testing.T) {
	tests := []struct {
		name   string
		repair []string
		want   []string
	}{
		{"Length field", []string{"Repair: intermediate repair", "  Length: 26 mm", "  Timing: after clearance"}, []string{"12052x1"}},
		{"Type and Length fields", []string{"Repair:", "  Type: complex", "  Length: 3.0 cm", "  Timing: after clearance"}, []string{"13152x1"}},
		{"Closure is a synonym of Repair", []string{"Closure: simple repair, 1.0 cm, after clearance"}, []string{"12011x1"}},
		{"an explicit Area for a graft", []string{"Repair: full-thickness skin graft", "  Area: 3.1 cm2", "  Timing: after clearance"}, []string{"15260x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, repairLines(t, oneStage("nose", tc.repair...)))
		})
	}
}

// docs/coding-rules.md section 3: linear repairs are summed by class and group
// across all lesions of the encounter, one line per (class, group).
func TestLinearRepairSums(t *testing.T) {
	tests := []struct {
		name string
		body []string
		want []string
	}{
		{"one line per (class, group) across lesions, listing them", []string{
			"Lesion 1: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 1.5 cm, after clearance",
			"Lesion 2: upper back",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 3.5 cm, after clearance",
			"Lesion 3: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 1.5 cm, after clearance",
		}, []string{
			// back 3.5 (12032) first, larger than face 1.5 + 1.5 = 3.0 (12052)
			"2: 12032x1",
			"1,3: 12052x1",
		}},
		{"sum first, then round", []string{
			"Lesion 1: upper back",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 1.26 cm, after clearance",
			"Lesion 2: chest",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 1.26 cm, after clearance",
		}, []string{
			// 2.52 → 2.5 (12031); rounding each first would give 1.3 + 1.3 = 2.6 (12032)
			"1,2: 12031x1",
		}},
		{"halves add up: 1.25 + 1.30 = 2.55 → 2.6", []string{
			"Lesion 1: upper back",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 1.25 cm, after clearance",
			"Lesion 2: left thigh",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 1.30 cm, after clearance",
		}, []string{"1,2: 12002x1"}},
		{"complex totals per group: two small groups become intermediate and join", []string{
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
			"Lesion 2: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
		}, []string{
			// nose 0.6 and cheek 0.6 are each ≤ 1.0 in their complex group;
			// both are intermediate face: 1.2 → 12051
			"1,2: 12051x1",
		}},
		{"complex totals per group: one group over 1.0 stays complex", []string{
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
			"Lesion 2: left ear",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
		}, []string{"1,2: 13151x1"}},
		{"a small complex repair joins the intermediate repairs of its group", []string{
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 1.0 cm, after clearance",
			"Lesion 2: chin",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 1.6 cm, after clearance",
		}, []string{"1,2: 12052x1"}},
		{"a small complex group splits into the intermediate groups of its repairs", []string{
			"Lesion 1: neck",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.5 cm, after clearance",
			"Lesion 2: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.5 cm, after clearance",
		}, []string{
			// neck and cheek share the complex group (1.0 cm in all) but
			// not the intermediate one
			"1: 12041x1",
			"2: 12051x1",
		}},
		{"a small complex neck repair is intermediate neck", []string{
			"Lesion 1: neck",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.8 cm, after clearance",
		}, []string{"1: 12041x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(tc.body...))
			var got []string
			for i, l := range lesionLines(c) {
				if c.Lines[i].Code[:3] != "173" {
					got = append(got, l)
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("complex-repair-small is reported for each small complex repair", func(t *testing.T) {
		c := code(t, withHeader(
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
			"Lesion 2: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 0.6 cm, after clearance",
		))
		assert.Equal(t, []string{
			"6 complex-repair-small info 1",
			"9 complex-repair-small info 2",
		}, findingsOf(c, "complex-repair-small"))
	})
}

// docs/coding-rules.md section 3: adjacent tissue transfer, per defect.
func TestFlaps(t *testing.T) {
	tests := []struct {
		name   string
		site   string
		repair []string
		want   []string
	}{
		{"nose, primary + secondary", "left nasal ala", []string{"Repair: bilobed flap; defect 1.4 x 1.1 cm; secondary defect 1.5 sq cm, after clearance"}, []string{"14060x1"}},
		{"cheek, 2 x 2 + 3 sq cm = 7.0", "left cheek", []string{"Repair: rotation flap; defect 2 x 2 cm; secondary defect 3 sq cm; after clearance"}, []string{"14040x1"}},
		{"nose, 10.0 is the small code", "nose", []string{"Repair: advancement flap; defect 2.5 x 2 cm; secondary defect 5 sq cm; after clearance"}, []string{"14060x1"}},
		{"nose, secondary defect takes it to 10.5", "nose", []string{"Repair: advancement flap; defect 2.5 x 2 cm; secondary defect 5.5 sq cm; after clearance"}, []string{"14061x1"}},
		{"trunk ≤ 10", "upper back", []string{"Repair: rhombic flap; defect 3 x 3 cm; secondary defect 1 sq cm; after clearance"}, []string{"14000x1"}},
		{"trunk 10.1–30", "upper back", []string{"Repair: rhombic flap; defect 4 x 4 cm; secondary defect 14 sq cm; after clearance"}, []string{"14001x1"}},
		{"scalp ≤ 10", "scalp", []string{"Repair: O-to-Z flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance"}, []string{"14020x1"}},
		{"leg 10.1–30", "left shin", []string{"Repair: transposition flap; defect 3 x 3 cm; secondary defect 3 sq cm; after clearance"}, []string{"14021x1"}},
		{"hand ≤ 10", "right dorsal hand", []string{"Repair: V-Y advancement; defect 2 x 1 cm; secondary defect 2 sq cm; after clearance"}, []string{"14040x1"}},
		{"neck 10.1–30", "neck", []string{"Repair: rotation flap; defect 4 x 3 cm; secondary defect 10 sq cm; after clearance"}, []string{"14041x1"}},
		{"lip 10.1–30", "upper lip", []string{"Repair: advancement flap; defect 3 x 3 cm; secondary defect 2 sq cm; after clearance"}, []string{"14061x1"}},
		{"30.0 is the group's large code", "left cheek", []string{"Repair: rotation flap; defect 5 x 4 cm; secondary defect 10 sq cm; after clearance"}, []string{"14041x1"}},
		{"30.1–60 is 14301 at any site", "left cheek", []string{"Repair: rotation flap; defect 5 x 4 cm; secondary defect 10.1 sq cm; after clearance"}, []string{"14301x1"}},
		{"60.0 is 14301 alone", "upper back", []string{"Repair: rotation flap; defect 6 x 5 cm; secondary defect 30 sq cm; after clearance"}, []string{"14301x1"}},
		{"75 is 14301 + 14302", "upper back", []string{"Repair: rotation flap; defect 6 x 5 cm; secondary defect 45 sq cm; after clearance"}, []string{"14301x1", "14302x1"}},
		{"95 is 14301 + 14302 x2", "upper back", []string{"Repair: rotation flap; defect 6 x 5 cm; secondary defect 65 sq cm; after clearance"}, []string{"14301x1", "14302x2"}},
		{"primary from the final defect when the repair gives none", "nose", []string{
			"Final defect: 1.5 x 1.2 cm",
			"Repair: bilobed flap; secondary defect 2 sq cm; after clearance",
		}, []string{"14060x1"}},
		{"fields under the repair", "left cheek", []string{
			"Repair:",
			"  Type: rotation flap",
			"  Defect: 3 x 3 cm",
			"  Secondary defect: 2.5 x 1 cm",
			"  Timing: after clearance",
		}, []string{"14041x1"}},
		{"Wedge resection advancement flap is a flap", "lower lip", []string{"Repair: Wedge resection advancement flap; defect 1.5 x 1 cm; secondary defect 1 sq cm; after clearance"}, []string{"14060x1"}},
		{"A-to-T flap", "forehead", []string{"Repair: A-to-T flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance"}, []string{"14040x1"}},
		{"Burow's advancement", "left temple", []string{"Repair: Burow's advancement flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance"}, []string{"14040x1"}},
		{"Z-plasty", "neck", []string{"Repair: Z-plasty; defect 2 x 1 cm; secondary defect 1 sq cm; after clearance"}, []string{"14040x1"}},
		{"rotation alone is a flap", "left cheek", []string{"Repair: rotation; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance"}, []string{"14040x1"}},
		{"Burow's advancement without the word flap", "nose", []string{"Repair: Burow's advancement; defect 1 x 1 cm; secondary defect 1 sq cm; after clearance"}, []string{"14060x1"}},
		{"island pedicle", "nose", []string{"Repair: island pedicle flap; defect 1 x 1 cm; secondary defect 1 sq cm; after clearance"}, []string{"14060x1"}},
		{"area rounds half-up: 9.95 → 10.0", "nose", []string{"Repair: rotation flap; defect 1.99 x 5 cm; after clearance"}, []string{"14060x1"}},
		{"area rounds half-up: 10.05 → 10.1", "nose", []string{"Repair: rotation flap; defect 2.01 x 5 cm; after clearance"}, []string{"14061x1"}},
		{"a repair site other than the lesion's", "left cheek", []string{
			"Repair: advancement flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance",
			"  Site: nasal sidewall",
		}, []string{"14060x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, repairLines(t, oneStage(tc.site, tc.repair...)))
		})
	}
	t.Run("flaps are coded per defect, not summed", func(t *testing.T) {
		c := code(t, withHeader(
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: advancement flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance",
			"Lesion 2: left helix",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: advancement flap; defect 2 x 2 cm; secondary defect 3 sq cm; after clearance",
		))
		// 6 and 7 sq cm: two 14060 lines, larger first; summed they would be 14061.
		assert.Equal(t, []string{"1: 17311x1", "2: 17311x1 59", "2: 14060x1", "1: 14060x1"}, lesionLines(c))
	})
	t.Run("no secondary defect: the primary alone, secondary-defect-missing", func(t *testing.T) {
		c := code(t, oneStage("nose", "Repair: rotation flap; defect 3 x 3 cm; after clearance"))
		assert.Equal(t, []string{"17311x1", "14060x1"}, lines(c))
		assert.Equal(t, []string{"6 secondary-defect-missing info 1"}, findingsOf(c, "secondary-defect-missing"))
	})
	t.Run("a flap with one dimension is repair-size-missing", func(t *testing.T) {
		c := code(t, oneStage("nose", "Repair: advancement flap, 2.0 cm, after clearance"))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"6 repair-size-missing error 1"}, findingsOf(c, "repair-size-missing"))
	})
	t.Run("a flap with no size at all is repair-size-missing", func(t *testing.T) {
		c := code(t, oneStage("nose", "Repair: advancement flap, after clearance"))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"6 repair-size-missing error 1"}, findingsOf(c, "repair-size-missing"))
	})
	t.Run("a secondary defect of one dimension is repair-size-missing", func(t *testing.T) {
		c := code(t, oneStage("nose", "Repair: advancement flap; defect 2 x 2 cm; secondary defect 3 cm; after clearance"))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"6 repair-size-missing error 1"}, findingsOf(c, "repair-size-missing"))
		assert.Empty(t, findingsOf(c, "secondary-defect-missing"))
	})
	t.Run("a flap reports no linear repair for the same defect", func(t *testing.T) {
		c := code(t, oneStage("left cheek",
			"Repair: rotation flap; defect 2 x 2 cm; secondary defect 3 sq cm; after clearance",
			"Repair: intermediate repair of the secondary defect, 4.0 cm, after clearance",
		))
		assert.Equal(t, []string{"17311x1", "14040x1"}, lines(c))
		assert.Equal(t, []string{"7 no-repair-code info 1"}, findingsOf(c, "no-repair-code"))
	})
	t.Run("a flap of one lesion leaves the linear repairs of another", func(t *testing.T) {
		c := code(t, withHeader(
			"Lesion 1: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: rotation flap; defect 2 x 2 cm; secondary defect 3 sq cm; after clearance",
			"Lesion 2: right cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: intermediate repair, 2.0 cm, after clearance",
		))
		assert.Equal(t, []string{"1: 17311x1", "2: 17311x1 59", "1: 14040x1", "2: 12051x1"}, lesionLines(c))
	})
}

// docs/coding-rules.md section 3: skin grafts, summed per (graft type, group).
func TestGrafts(t *testing.T) {
	tests := []struct {
		name string
		body []string
		want []string
	}{
		{"FTSG nose 3.1 sq cm", []string{
			"Site: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: full-thickness skin graft, 3.1 sq cm, donor site preauricular, after clearance",
		}, []string{"15260x1"}},
		{"FTSG from the repair's Defect", []string{
			"Site: left cheek",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: FTSG; defect 3 x 2 cm; after clearance",
		}, []string{"15240x1"}},
		{"FTSG from the final defect", []string{
			"Site: left lower eyelid",
			"Stage 1: 2 blocks; margins: clear",
			"Final defect: 2 x 1.5 cm",
			"Repair: full-thickness skin graft, after clearance",
		}, []string{"15260x1"}},
		{"FTSG area over 20: add-on per further 20 or part", []string{
			"Site: scalp",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: full-thickness skin graft, area 41 sq cm, after clearance",
		}, []string{"15220x1", "15221x2"}},
		{"FTSG trunk 20.0 is the first code alone", []string{
			"Site: chest",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: full-thickness skin graft, area 20 sq cm, after clearance",
		}, []string{"15200x1"}},
		{"FTSG summed across lesions of one group", []string{
			"Lesion 1: nose",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: full-thickness skin graft, 12 sq cm, after clearance",
			"Lesion 2: right ear",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: full-thickness skin graft, 10 sq cm, after clearance",
		}, []string{"15260x1", "15261x1"}},
		{"STSG trunk 120: add-on per further 100", []string{
			"Site: upper back",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: split-thickness skin graft, area 120 sq cm, after clearance",
		}, []string{"15100x1", "15101x1"}},
		{"STSG scalp is the face group", []string{
			"Site: scalp",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: STSG, 50 sq cm, after clearance",
		}, []string{"15120x1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, repairLines(t, withHeader(tc.body...)))
		})
	}
}

// docs/coding-rules.md section 3: flaps and grafts first, then complex,
// intermediate, simple; within a class, larger first.
func TestRepairOrder(t *testing.T) {
	c := code(t, withHeader(
		"Lesion 1: nose",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: simple repair, 2.0 cm, after clearance",
		"Lesion 2: left cheek",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: intermediate repair, 1.0 cm, after clearance",
		"Lesion 3: upper back",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: intermediate repair, 4.0 cm, after clearance",
		"Lesion 4: scalp",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: complex repair, 3.0 cm, after clearance",
		"Lesion 5: right ear",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: full-thickness skin graft, 4 sq cm, after clearance",
		"Lesion 6: left temple",
		"Stage 1: 2 blocks; margins: clear",
		"Repair: rotation flap; defect 2 x 2 cm; secondary defect 2 sq cm; after clearance",
	))
	var got []string
	for i, l := range lesionLines(c) {
		if c.Lines[i].Code[:3] != "173" {
			got = append(got, l)
		}
	}
	assert.Equal(t, []string{
		"6: 14040x1",
		"5: 15260x1",
		"4: 13121x1",
		"3: 12032x1 59", // three linear classes: all but complex carry 59
		"2: 12051x1 59",
		"1: 12011x1 59",
	}, got)
}

// docs/coding-rules.md section 3: what is not coded from the tables.
func TestRepairNotCoded(t *testing.T) {
	tests := []struct {
		name    string
		repair  []string
		finding string
	}{
		{"linear closure: class not stated", []string{"Repair: linear closure, 2.0 cm, after clearance"}, "6 repair-type-unknown error 1"},
		{"primary closure", []string{"Repair: primary closure, 2.0 cm, after clearance"}, "6 repair-type-unknown error 1"},
		{"purse-string", []string{"Repair: purse-string closure, 1.0 cm, after clearance"}, "6 repair-type-unknown error 1"},
		{"interpolation flap", []string{"Repair: interpolation flap, after clearance"}, "6 repair-code-review warning 1"},
		{"paramedian forehead flap", []string{"Repair: paramedian forehead flap, stage 1, after clearance"}, "6 repair-code-review warning 1"},
		{"wedge excision of the lip alone", []string{"Repair: wedge excision of the lower lip, 2.0 cm, after clearance"}, "6 repair-code-review warning 1"},
		{"full-thickness wedge excision is a wedge, not a graft", []string{"Repair: full-thickness wedge excision, 2.0 cm, after clearance"}, "6 repair-code-review warning 1"},
		{"cartilage graft", []string{"Repair: cartilage graft from the concha, after clearance"}, "6 repair-code-review warning 1"},
		{"a cartilage graft by its form", []string{"Repair: auricular cartilage batten graft, after clearance", "  Details: strip of conchal cartilage; the donor site was sutured"}, "6 repair-code-review warning 1"},
		{"second intention", []string{"Repair: second intention"}, "6 no-repair-code info 1"},
		{"a flap without an area is not coded", []string{"Repair: rotation flap, secondary defect 2 sq cm, after clearance"}, "6 repair-size-missing error 1"},
		{"steri-strips alone", []string{"Repair: Steri-Strips only"}, "6 no-repair-code info 1"},
		{"second intention after a discussion of options", []string{"WOUND MANAGEMENT:", "After tumor clearance, the defect was left to heal by second intention after", "discussion of options with the veteran; the concha heals well this way."}, "7 no-repair-code info 1"},
		{"repaired by another provider", []string{
			"Repair: complex repair, 3.0 cm, after clearance",
			"  Repaired by: Dr. Patel, oculoplastic surgeon",
		}, "7 no-repair-code info 1"},
		{"'same day' does not make another provider the same surgeon", []string{
			"Repair: complex repair, 3.0 cm, after clearance",
			"  Repaired by: gynecologic surgery (Dr. Oriel Mbeki-Strand), same day",
		}, "7 no-repair-code info 1"},
		{"a plastic surgeon in the same session is another provider", []string{
			"Repair: complex repair, 3.0 cm, after clearance",
			"  By: plastic surgeon, same session",
		}, "7 no-repair-code info 1"},
		{"an oculofacial practice's surgeon repairs it", []string{
			"Repair: after tumor clearance the patient went to Dr. Quint of Lakeview Oculofacial Surgery, who repairs the eyelid this afternoon",
		}, "6 no-repair-code info 1"},
		{"left for the oculoplastic surgeon", []string{
			"Repair: after tumor clearance, the defect is left for the oculoplastic surgeon, who closes it this afternoon",
		}, "6 no-repair-code info 1"},
		{"an unclassed closure by another provider is just not on this claim", []string{
			"Repair: closure by plastic surgery",
			"  By: Dr. Patel",
		}, "7 no-repair-code info 1"},
		{"no length of its own", []string{"Repair: intermediate repair, after clearance"}, "6 repair-size-missing error 1"},
		{"a length that rounds to 0.0", []string{"Repair: simple repair, 0.4 mm, after clearance"}, "6 repair-size-missing error 1"},
		{"the repair's own defect is not its length", []string{"Repair: intermediate repair; defect 2.0 x 1.5 cm; after clearance"}, "6 repair-size-missing error 1"},
		{"a graft without an area, a defect or a final defect", []string{"Repair: full-thickness skin graft, after clearance"}, "6 repair-size-missing error 1"},
		{"the final defect is not a repair length", []string{
			"Repair: complex repair, after clearance",
			"Final defect: 2.0 x 1.5 cm",
		}, "6 repair-size-missing error 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, oneStage("nose", tc.repair...))
			assert.Equal(t, []string{"17311x1"}, lines(c))
			var repairFindings []string
			for _, f := range findings(c) {
				for _, rule := range []string{"repair-type-unknown", "repair-code-review", "no-repair-code", "repair-size-missing"} {
					if strings.Contains(f, " "+rule+" ") {
						repairFindings = append(repairFindings, f)
					}
				}
			}
			assert.Equal(t, []string{tc.finding}, repairFindings)
		})
	}
	t.Run("a repair site with no known term: site-unknown, no line", func(t *testing.T) {
		c := code(t, oneStage("nose", "Repair: simple repair, 2.0 cm, after clearance", "  Site: see diagram"))
		assert.Equal(t, []string{"17311x1"}, lines(c))
		assert.Equal(t, []string{"7 site-unknown error 1"}, findingsOf(c, "site-unknown"))
	})
	t.Run("ways of saying no repair: no line, no finding", func(t *testing.T) {
		for _, none := range []string{"none", "None.", "N/A", "no repair", "not performed"} {
			c := code(t, oneStage("nose", "Repair: "+none))
			assert.Equal(t, []string{"17311x1"}, lines(c), none)
			assert.Empty(t, findingsOf(c, "repair-type-unknown"), none)
			assert.Empty(t, findingsOf(c, "no-repair-code"), none)
		}
	})
	t.Run("a hyphenated surgeon's name", func(t *testing.T) {
		c := code(t, note(
			"Surgeon: Helena Varga-Moss, MD",
			"Pathology: read by Dr. Varga-Moss",
			"Site: left forearm",
			"Stage 1: 2 blocks; margins: clear",
			"Repair: complex repair, 5.8 cm, after clearance",
			"  Repaired by: Dr. Varga-Moss",
		))
		assert.Equal(t, []string{"17313x1", "13121x1"}, lines(c))
		assert.Empty(t, findingsOf(c, "no-repair-code"))
		assert.Empty(t, findingsOf(c, "pathology-undocumented"))
	})
	t.Run("the same surgeon by name or by role is on this claim", func(t *testing.T) {
		for _, by := range []string{"same surgeon", "Dr. Whitfield", "Mohs surgeon", "self", "same", "surgeon"} {
			c := code(t, oneStage("nose", "Repair: simple repair, 2.0 cm, after clearance", "  By: "+by))
			assert.Equal(t, []string{"17311x1", "12011x1"}, lines(c), by)
			assert.Empty(t, findingsOf(c, "no-repair-code"), by)
		}
	})
}

// docs/coding-rules.md section 3: timing is documented by a Timing field, by
// clearance words in the repair's value, or by the last stage's decision.
func TestRepairTiming(t *testing.T) {
	tests := []struct {
		name   string
		lesion []string
		want   []string
	}{
		{"Timing field", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 2.0 cm",
			"  Timing: after tumor clearance confirmed",
		}, []string{}},
		{"a decision that no tumor remains, naming the closure", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Decision: no residual tumor, proceed to closure",
			"Repair: simple repair, 2.0 cm",
		}, []string{}},
		{"after clearance in the value", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 2.0 cm, after clearance",
		}, []string{}},
		{"after clear margins in the value", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair after clear margins, 2.0 cm",
		}, []string{}},
		{"following clearance in the value", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair following clearance, 2.0 cm",
		}, []string{}},
		{"after tumor clearance in the value", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 2.0 cm, after tumor clearance",
		}, []string{}},
		{"the last stage's decision names clearance and the repair", []string{
			"Stage 1: 2 blocks; margins: positive",
			"  Decision: proceed to stage 2",
			"Stage 2: 1 block; margins: clear",
			"  Decision: tumor cleared, proceed to repair",
			"Repair: simple repair, 2.0 cm",
		}, []string{}},
		{"a decision saying margins negative and naming the graft", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Decision: margins negative; FTSG",
			"Repair: simple repair, 2.0 cm",
		}, []string{}},
		{"a negated clearance does not count", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Decision: not clear at the deep margin, repair after the next stage",
			"Repair: simple repair, 2.0 cm",
		}, []string{"7 repair-timing-undocumented warning 1"}},
		{"a decision on an earlier stage does not count", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Decision: tumor cleared, proceed to closure",
			"Stage 2: 1 block; margins: clear",
			"  Decision: proceed",
			"Repair: simple repair, 2.0 cm",
		}, []string{"9 repair-timing-undocumented warning 1"}},
		{"a clear last stage whose decision proceeds to the repair", []string{
			"Stage 1: 2 blocks; margins: positive",
			"Stage 2: 1 block; margins: clear",
			"  Decision: proceed to layered closure",
			"Repair: simple repair, 2.0 cm",
		}, []string{}},
		{"a positive last stage whose decision proceeds to the repair does not count", []string{
			"Stage 1: 2 blocks; margins: positive",
			"  Decision: proceed to layered closure",
			"Repair: simple repair, 2.0 cm",
		}, []string{"7 repair-timing-undocumented warning 1"}},
		{"a decision naming clearance but no repair does not count", []string{
			"Stage 1: 2 blocks; margins: clear",
			"  Decision: tumor cleared",
			"Repair: simple repair, 2.0 cm",
		}, []string{"7 repair-timing-undocumented warning 1"}},
		{"nothing", []string{
			"Stage 1: 2 blocks; margins: clear",
			"Repair: simple repair, 2.0 cm",
		}, []string{"6 repair-timing-undocumented warning 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader(append([]string{"Site: nose"}, tc.lesion...)...))
			assert.Contains(t, lines(c), "12011x1", "the repair is coded either way")
			assert.Equal(t, tc.want, findingsOf(c, "repair-timing-undocumented"))
		})
	}
}

// A graft's or flap's size given as its length in two dimensions ("Closure
// size: 2.8 x 2.2 cm") is its area (docs/coding-rules.md section 3: a size
// a x b cm is the area a·b); one dimension is no area.
func TestTwoDimensionLengthIsArea(t *testing.T) {
	tests := []struct {
		name, site, repair, length string
		want                       []string
	}{
		{"graft", "right dorsal hand", "Repair: full thickness skin graft (FTSG), after clearance", "  Length: 2.8 x 2.2 cm", []string{"15240x1"}},
		{"flap", "left cheek", "Repair: rotation flap, after clearance", "  Length: 2.0 x 2.0 cm", []string{"14040x1"}},
		{"graft, one dimension", "right dorsal hand", "Repair: full thickness skin graft (FTSG), after clearance", "  Length: 2.8 cm", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := code(t, withHeader("Lesion 1", "Site: "+tc.site, "Diagnosis: BCC", "Stage 1: 1 block; margins: clear", tc.repair, tc.length))
			assert.Equal(t, tc.want, lines(c)[1:])
		})
	}
}

// Repair kinds as a careful coder reads them (docs/coding-rules.md section 3:
// the kind is found anywhere in the value).
func TestRepairKinds(t *testing.T) {
	tests := []struct {
		site, repair string
		want         []string // the repair lines
	}{
		{"upper back", "Repair: simple single-layer closure, 3.0 cm, after clearance", []string{"12002x1"}},
		{"upper back", "Repair: intermediate two-layer closure, 3.0 cm, after clearance", []string{"12032x1"}},
		{"upper back", "Repair: ILC 3.1cm after clearance", []string{"12032x1"}},                                                                                          // intermediate layered closure, as notes abbreviate it
		{"upper back", "Repair: CLC 3.1cm after clearance", []string{"13101x1"}},                                                                                          // complex linear closure, as notes abbreviate it
		{"upper back", "Repair: SLC 3.1cm after clearance", []string{"12002x1"}},                                                                                          // simple linear closure, as notes abbreviate it
		{"upper back", "Repair: int 3.1 cm, after clearance", []string{"12032x1"}},                                                                                        // a terse note's intermediate closure before its length
		{"left cheek", "Repair: ATT; defect 1.2 x 1.0 cm; secondary defect 1.5 sq cm; after clearance", []string{"14040x1"}},                                              // an adjacent tissue transfer by its initials
		{"left cheek", "Repair: rotation flap (ATT), def 2.6x2.2 + sec 6.0 sq cm; after clearance", []string{"14041x1"}},                                                  // 5.72 + 6.0 sq cm: the secondary defect after a plus
		{"left cheek", "Repair: after clearance rotation flap; def 2.4x2.1cm + sec def 5.5 sq cm", []string{"14041x1"}},                                                   // 5.04 + 5.5 sq cm: the primary defect says its unit
		{"left forehead", "Repair: complex linear repair, 3.0 cm, after tumor clearance; vertical orientation within the paramedian forehead lines", []string{"13132x1"}}, // "paramedian" names where, not a paramedian forehead flap
		{"upper back", "Repair: 2nd int, after clearance", []string{}},                                                                                                    // healing by second intention
		{"upper back", "Repair: simple linear closure 3.1 cm, 4-0 nylon int sutures, after clearance", []string{"12002x1"}},                                               // "int" after the class is no class
		{"upper back", "Repair: complex linear repair of a wedge-shaped defect, 3.0 cm, after clearance", []string{"13101x1"}},
		{"left nasal ala", "Repair: Burow's graft, 4 sq cm, after clearance", []string{"15260x1"}},
		{"left nasal ala", "Repair: Burow's advancement flap; defect 1.0 x 1.0 cm; secondary defect 1.0 sq cm; after clearance", []string{"14060x1"}},
		{"left cheek", "Repair: rotation flap; defect 2.0 x 2.0 cm; secondary defect 0 sq cm; after clearance", []string{"14040x1"}},
		{"left jawline", "Repair: linear closure, 4.8 cm, after tumor clearance - intermediate vs. complex (to be confirmed)", []string{}},
		{"left jawline", "Repair: complex layered closure, 4.8 cm, after tumor clearance", []string{"13132x1"}},
		// a repair not done, the kind that was not done in parentheses: no line (section 3)
		{"left knee", "Repair: second intention (advancement flap), after tumor clearance", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.repair, func(t *testing.T) {
			c := code(t, withHeader("Lesion 1", "Site: "+tc.site, "Diagnosis: BCC", "Stage 1: 1 block; margins: clear", tc.repair))
			assert.Equal(t, tc.want, lines(c)[1:])
		})
	}
}

// TestWithheldRepairSpansClasses: docs/coding-rules.md section 3 — when the
// encounter's repairs span more than one of simple, intermediate and
// complex, every class but the most complicated carries 59. A lesion coded
// with no line (lesion-ambiguous) withholds its repair's line, not its
// repair: the complex repair of the arm still makes the temple's simple
// repair the secondary one.
func TestWithheldRepairSpansClasses(t *testing.T) {
	src := withHeader("Lesion 1", "Site: left upper arm", "Diagnosis: SCC", "Stage 1: 2 blocks; margins: clear",
		"Repair: complex repair, 6.2 cm, after tumor clearance",
		"Lesion 2", "Site: right temple", "Diagnosis: BCC", "Stage 1: 2 blocks; margins: clear",
		"Repair: simple repair, 1.8 cm, after tumor clearance")
	assert.Equal(t, []string{"1: 17313x1", "2: 17311x1 59", "1: 13121x1", "2: 12011x1 59"}, lesionLines(code(t, src)))
	ambiguous := codeModel(t, src, func(n *model.Note) {
		n.Lesions[0].Ambiguous = model.Text{Value: "stages of several lesions", Line: 5}
	})
	assert.Equal(t, []string{"2: 17311x1", "2: 12011x1 59"}, lesionLines(ambiguous))
}
