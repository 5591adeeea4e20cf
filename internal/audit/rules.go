package audit

import (
	"github.com/mohscode/mohscode/internal/diag"
)

// The named audit findings: the triggers compliance audits look for, each
// raised on a billed line. Errors are services billed that the note does
// not support (an overpayment); warnings are lines billed without the
// modifier that keeps them from being bundled (a denial), or with a
// distinct-service modifier the rules do not give (an audit target).
var (
	RoutineStainBilled = &diag.Rule{ID: "audit-routine-stain-billed", Severity: diag.Error,
		Doc: "A stain code (88314, 88342, 88341) is billed where the note's stains for the lesion are routine only (H&E, toluidine blue, or no stain named: routine stains are included in every Mohs code), or with more units than the note's special stains and immunostains support."}
	DuplicateFirstStage = &diag.Rule{ID: "audit-duplicate-first-stage", Severity: diag.Error,
		Doc: "A second first-stage Mohs line (17311 or 17313) is billed for one lesion. Each lesion has one first stage; further stages are 17312/17314. Without lesion labels on the claim, more first-stage lines than the note has lesions with Mohs stages."}
	RepairModifierMissing = &diag.Rule{ID: "audit-repair-modifier-missing", Severity: diag.Warning,
		Doc: "A repair, flap or graft line (12xxx-15xxx) is billed without a modifier the coding rules give it: 59 on every repair class but the most complicated when the encounter's repairs span several classes, the distinct-service modifier of a PTP pair with indicator 1, or the payer profile's repair modifier. A repair needs none otherwise."}
	ModifierUnsupported = &diag.Rule{ID: "audit-modifier-unsupported", Severity: diag.Warning,
		Doc: "A line is billed with a distinct-service modifier (59, XE, XS, XP, XU) that the coding rules do not give it: a repair with 59 when the encounter has one repair class, no PTP edit pairs it and the payer profile names no repair modifier. 59 and the X modifiers let bundled services be paid; an unsupported one is a target of payer and OIG audits in its own right."}
	BiopsyModifierMissing = &diag.Rule{ID: "audit-biopsy-modifier-missing", Severity: diag.Warning,
		Doc: "A biopsy (11102-11107) or frozen-section (88331, 88332) line is billed without its biopsy modifier: the one the note's line carries (XS for a separate lesion, 59 for the Mohs lesion under Medicare), or for a line the note does not code, any of the profile's biopsy modifiers."}
	UnitsUnsupported = &diag.Rule{ID: "audit-units-unsupported", Severity: diag.Error,
		Doc: "More units are billed for a code than the note supports: 17312/17314 beyond the stages after the first, 17315 beyond the blocks past the fifth in each stage (17315 with no stage over five blocks), a first-stage line with more than one unit, repair, biopsy or frozen-section add-on units beyond the documentation. Stain units are audit-routine-stain-billed."}
	MohsWithSeparatePathology = &diag.Rule{ID: "audit-mohs-with-separate-pathology", Severity: diag.Error,
		Doc: "Mohs codes (1731x), or the slide work (frozen sections, stains, 883xx), are billed for a note that says a separate pathologist read the slides. Mohs requires the surgeon to read them: the lesion is an excision on this claim and the pathologist bills the slides."}
)

// Rules lists the audit findings in a fixed order.
var Rules = []*diag.Rule{
	RoutineStainBilled, DuplicateFirstStage, RepairModifierMissing,
	ModifierUnsupported, BiopsyModifierMissing, UnitsUnsupported, MohsWithSeparatePathology,
}
