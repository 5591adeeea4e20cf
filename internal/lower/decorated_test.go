package lower_test

import (
	"fmt"
	"testing"

	"github.com/mohscode/mohscode/internal/model"
)

// TestDecoratedHeadings: a typed note's headings drawn around with
// decoration ("== Stage 1 ==", "*** REPAIR ***", "--- STAGE 2 ---") head
// the fields under them as the plain heading would (CODING-RULES §1: each
// stage's blocks; §3: the repair's type and length), and a final defect
// between a repair heading and the repair's type leaves the repair's
// fields open.
func TestDecoratedHeadings(t *testing.T) {
	const head = "Date: 06/04/2026\nLocation: L medial cheek\nDx: BCC\n\n"
	runProseCases(t, []proseCase{
		{"§1 stages under '== Stage n ==', §3 repair under '== Repair =='",
			head + "== Stage 1 ==\nBlocks: 4\nMargins: blk 3 pos\n\n== Stage 2 ==\nBlocks: 2\nMargins: neg\n\n== Repair ==\nFinal defect: 2.2 x 1.8 cm\nType: int. layered closure\nLength: 3.4 cm\nTiming: after clearance\n",
			lesionOutline, "L medial cheek 4,2 [int. layered closure [3.4]]"},
		{"§1 stages under '--- STAGE n ---' and '*** … ***'",
			head + "*** MOHS ***\n--- STAGE 1 ---\nBlocks: 3\n--- STAGE 2 ---\nBlocks: 1\n",
			lesionOutline, "L medial cheek 3,1"},
		{"§3 the repair's fields go on after 'Final defect' under 'REPAIR:'",
			head + "Stage 1: 2 blocks, clear.\n\nREPAIR:\nFinal defect: 2.2 x 1.8 cm\nType: complex layered closure\nLength: 3.0 cm\n",
			lesionOutline, "L medial cheek 2 [complex layered closure [3]]"},
	})
}

// TestParenthesizedValues: a typed form that writes each value in
// parentheses ("DOS (06/05/2026)", "Pre-op size (1.8 x 1.5 cm)", "Map
// (yes)") has its values read as written without them (CODING-RULES §1 and
// §6: the date, the pre-operative size and the map are documented); words
// outside the parentheses keep the value as it is.
func TestParenthesizedValues(t *testing.T) {
	const note = "DOS:\t(06/05/2026)\nSite: (L dorsal forearm)\nPre-op size: (1.8 x 1.5 cm)\nMap: (yes)\nStage 1: 3 blocks, clear.\n"
	outline := func(n *model.Note) string {
		les := n.Lesions[0]
		return fmt.Sprintf("%s %s %v map=%v", n.Encounter.Date.Value, les.Site.Text.Value, les.Size.Dims, les.Map.Yes)
	}
	runProseCases(t, []proseCase{
		{"§1 values in parentheses", note, outline, "2026-06-05 L dorsal forearm [1.8 1.5] map=true"},
	})
}

// TestRepairValueThenSentence: a repair value that names the repair before
// a dictated sentence ("Repair: complex repair, length 4.0 cm, after tumor
// clearance. Extensive undermining was required to close the defect.") is
// the repair's value, not prose whose repair goes unread (CODING-RULES §3).
func TestRepairValueThenSentence(t *testing.T) {
	const note = "Date: 06/02/2026\nSite: right dorsal forearm\nStage 1: 3 blocks, clear.\n\nREPAIR\nRepair: complex repair, length 4.0 cm, after tumor clearance. Extensive undermining was required to close the defect without tension.\n"
	runProseCases(t, []proseCase{
		{"§3 the repair value before a sentence", note, lesionOutline,
			"right dorsal forearm 3 [complex repair, length 4.0 cm, after tumor clearance [4]]"},
	})
}

// TestSiteAfterDiagnosisDash: a diagnosis field that names the site after
// a dash ("squamous cell carcinoma in situ – right index finger, dorsal
// skin over the proximal phalanx") gives the lesion its site when no site
// field does (CODING-RULES §1: the Mohs class follows the site).
func TestSiteAfterDiagnosisDash(t *testing.T) {
	const note = "DOS: 06/09/2026\n\nDiagnosis: squamous cell carcinoma in situ – right index finger, dorsal skin over the proximal phalanx.\nStage 1: 3 blocks, clear.\n"
	runProseCases(t, []proseCase{
		{"§1 the site after the diagnosis's dash", note, lesionOutline, "right index finger 3"},
		{"§1 §9 the site among the diagnosis's commas, not the remark after it nor the next sentence (the toe had been coded D04.60, an upper limb)",
			"DOS: 06/04/2026\n\nPREOP DIAGNOSIS:\nSquamous cell carcinoma in situ (Bowen's disease), right great toe, dorsal aspect proximal to the nail fold. Punch biopsy 05/08/2026 (DP26-11870).\nStage 1: 3 blocks, clear.\n",
			lesionOutline, "right great toe 3"},
	})
}

// TestSiteInATerseDiagnosis: a terse diagnosis field names the site with a
// side abbreviation before or after the tumor ("L helix nodular BCC",
// "superficial BCC (sBCC) R upper back, s/p shave bx") and gives the lesion
// its site when no site field does (CODING-RULES §1: the Mohs class follows
// the site); the site words end at the tumor's words.
func TestSiteInATerseDiagnosis(t *testing.T) {
	note := func(dx string) string {
		return "DOS: 05/05/2026\nDx: " + dx + "\nStage 1: 2 blks, neg.\n"
	}
	runProseCases(t, []proseCase{
		{"§1 side and site before the tumor", note("L helix nodular BCC (bx 4/14/26)"), lesionOutline, "L helix 2"},
		{"§1 side and site after the tumor", note("superficial BCC (sBCC) R upper back, s/p shave bx 4/20/26"), lesionOutline, "R upper back 2"},
		{"§1 no side word, no site", note("nodular BCC (bx 4/14/26)"), lesionOutline, " 2"},
	})
}

// TestDefectThenSecondIntention: a defect sentence that goes on to leave
// the wound to heal ("Defect 1.9 x 1.6 cm, left to heal by 2nd intention.")
// records that no repair was done (CODING-RULES §3: second intention is no
// repair line, no-repair-code), not a defect size alone.
func TestDefectThenSecondIntention(t *testing.T) {
	const note = "DOS: 05/11/2026\nDx: superficial BCC R upper back\nStage 1: 2 blks, clear.\nDefect 1.9 x 1.6 cm, left to heal by 2nd intention.\n"
	runProseCases(t, []proseCase{
		{"§3 second intention after the defect's size", note, lesionOutline, "R upper back 2 [second intention (2nd intention) []]"},
	})
}

// TestRepairThenRemarks: a repair lead whose value lists the repair before
// a dash and dictated remarks ("After tumor clearance: layered closure,
// 2.0 cm — the extensor tendon was not exposed.") is that repair
// (CODING-RULES §3: layered is intermediate; the timing is the lead's).
func TestRepairThenRemarks(t *testing.T) {
	const note = "DOS: 06/09/2026\nSite: right index finger\nStage 1: 3 blocks, clear.\n\nAfter tumor clearance: layered closure, 2.0 cm — the extensor tendon was not exposed. Tourniquet off.\n"
	runProseCases(t, []proseCase{
		{"§3 the listed repair before its remarks", note, lesionOutline, "right index finger 3 [layered closure, 2.0 cm []]"},
	})
}
