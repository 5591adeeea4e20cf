package coding

import (
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/transport"
)

// The finding rules of docs/note-format.md section 7 and docs/coding-rules.md
// section 10, in the order `mohscode rules` lists them.
var (
	SiteMissing = &diag.Rule{ID: "site-missing", Severity: diag.Error,
		Doc: "The lesion has no site. Every code family groups sites its own way, so without a site no Mohs, repair or excision code can be chosen: the lesion is not coded; the other lesions are."}
	SiteUnknown = &diag.Rule{ID: "site-unknown", Severity: diag.Error,
		Doc: "The site text names no term of the anatomical vocabulary. The engine never guesses a site: the lesion is not coded; the other lesions are."}
	StagesMissing = &diag.Rule{ID: "stages-missing", Severity: diag.Error,
		Doc: "The lesion lists no Mohs stage, so no Mohs line can be coded for it; its repairs are still coded. A stage is documented by a statement about that stage (a number or ordinal with its blocks, margins or findings, or a row of a Mohs log); template text about stages in general (\"prior to each stage\", \"after the final stage\") documents none, and no stage is guessed."}
	BlocksMissing = &diag.Rule{ID: "blocks-missing", Severity: diag.Error,
		Doc: "A stage has no block count. It is coded as a stage, assuming no block beyond the fifth, but 17315 (each block beyond five in a stage) cannot be checked."}
	PathologyNotSurgeon = &diag.Rule{ID: "pathology-not-surgeon", Severity: diag.Error,
		Doc: "A separate pathologist read the slides. Mohs codes require the surgeon to act as the pathologist, so no Mohs line is billed: each lesion is coded as a malignant excision by its excised diameter instead (pre-operative size plus twice the margin, else the final defect), and the frozen-section and stain lines are dropped (the pathologist bills them)."}
	ReaderAmbiguous = &diag.Rule{ID: "reader-ambiguous", Severity: diag.Error,
		Doc: "The note says both that the surgeon read the Mohs slides and that a separate pathologist did. Who read them decides between Mohs codes and the excision that replaces them, so neither is coded for any lesion (repairs still are) until the note says who read them."}
	RepairSizeMissing = &diag.Rule{ID: "repair-size-missing", Severity: diag.Error,
		Doc: "A repair has no usable size: a linear repair needs its own length, a flap or graft an area (two dimensions or an explicit area). The final defect is not a repair length. No line for that repair."}
	RepairTypeUnknown = &diag.Rule{ID: "repair-type-unknown", Severity: diag.Error,
		Doc: "The repair's class cannot be told (\"linear closure\", \"primary closure\", \"purse-string\"). Simple, intermediate and complex repairs have different codes: no line until the note states the class."}
	DiagnosisMissing = &diag.Rule{ID: "diagnosis-missing", Severity: diag.Error,
		Doc: "The lesion has no diagnosis. A claim line needs a diagnosis to point to."}
	DefectSizeMissing = &diag.Rule{ID: "defect-size-missing", Severity: diag.Error,
		Doc: "Mohs cannot be billed and the excision that replaces it needs an excised diameter: the note gives neither the pre-operative size with a margin nor the final defect's greatest dimension. No line."}
	DateMissing = &diag.Rule{ID: "date-missing", Severity: diag.Warning,
		Doc: "The note gives no date of service; every claim line needs one."}
	SizeMissing = &diag.Rule{ID: "size-missing", Severity: diag.Warning,
		Doc: "The lesion has no preoperative size. Payers and auditors expect the clinical size to support the choice of Mohs."}
	MarginsMissing = &diag.Rule{ID: "margins-missing", Severity: diag.Warning,
		Doc: "A stage has no margin status, per block or for the whole stage; the note does not show why another stage was or was not taken."}
	MapMissing = &diag.Rule{ID: "map-missing", Severity: diag.Warning,
		Doc: "No Mohs map is documented. The map that orients each block is part of what the Mohs codes pay for."}
	StageAfterClear = &diag.Rule{ID: "stage-after-clear", Severity: diag.Warning,
		Doc: "A stage follows a stage whose margins were all clear. Both are coded, but an auditor will ask why the later stage was taken."}
	FinalStagePositive = &diag.Rule{ID: "final-stage-positive", Severity: diag.Warning,
		Doc: "The last stage still has positive margins and no plan is documented: a decision that names what follows (another stage today or at a later visit, referral, re-excision, radiation or other treatment). Why surgery stopped, or \"will discuss further management\", plans nothing. A margin stated as equivocal (\"residual could not be excluded\", \"indeterminate\") is documented and not clear: a further stage is expected."}
	StageNumbering = &diag.Rule{ID: "stage-numbering", Severity: diag.Warning,
		Doc: "Stage numbers skip or repeat. Stages are counted as listed, whatever their numbers; check that none is missing."}
	TotalsMismatch = &diag.Rule{ID: "totals-mismatch", Severity: diag.Warning,
		Doc: "Total stages or Total blocks disagrees with the stages listed. The lines follow the stages listed."}
	PathologyUndocumented = &diag.Rule{ID: "pathology-undocumented", Severity: diag.Warning,
		Doc: "The note does not say who read the slides. Mohs is coded, but the codes require the surgeon to be the pathologist and the note should say so."}
	RoutineStainNotBillable = &diag.Rule{ID: "routine-stain-not-billable", Severity: diag.Warning,
		Doc: "A routine stain (H&E, toluidine blue) is listed as a special stain. Routine stains are included in every Mohs code: no line."}
	StainUnknown = &diag.Rule{ID: "stain-unknown", Severity: diag.Warning,
		Doc: "A stain name is neither routine, nor a known histochemical stain, nor a known antibody: no line until it is identified."}
	RepairTimingUndocumented = &diag.Rule{ID: "repair-timing-undocumented", Severity: diag.Warning,
		Doc: "The repair is coded, but the note does not document that it followed tumor clearance (a Timing field, \"after clearance\" in the repair, or a last-stage decision that the tumor was cleared naming the repair)."}
	SiteBoundary = &diag.Rule{ID: "site-boundary", Severity: diag.Warning,
		Doc: "The site text names terms of two groups in one code family. The Mohs class is the higher (H); every other family takes the first term's group. Document why the site is what it is."}
	NoRepairCode = &diag.Rule{ID: "no-repair-code", Severity: diag.Info,
		Doc: "Second intention, strips or cautery alone, a repair by another provider, a closure deferred to a later visit (\"will return for delayed closure\", \"reconstruction scheduled\"), or a repair only considered: no repair line on this claim. Also a closure another line includes: a linear repair of a lesion closed by a flap, a simple repair after an excision, or the closure of a graft donor site or a biopsy wound."}
	FrozenSectionWithoutBiopsy = &diag.Rule{ID: "frozen-section-without-biopsy", Severity: diag.Info,
		Doc: "Frozen section: yes, but no billable same-day biopsy: these are the Mohs frozen sections themselves, included in the Mohs codes."}
	BiopsyNotBillable = &diag.Rule{ID: "biopsy-not-billable", Severity: diag.Warning,
		Doc: "A same-day biopsy of the Mohs lesion, but the diagnosis was known from a prior biopsy: the biopsy is not billable."}
	BiopsyCodeReview = &diag.Rule{ID: "biopsy-code-review", Severity: diag.Warning,
		Doc: "The biopsy kind is not tangential, punch or incisional (an excisional biopsy is not a biopsy code): no line; review by hand."}
	RepairCodeReview = &diag.Rule{ID: "repair-code-review", Severity: diag.Warning,
		Doc: "Interpolation, paramedian forehead and other staged flaps, wedge excisions of lip, ear or eyelid, and cartilage grafts are outside the repair tables: no line; code by hand."}
	StainIndicationMissing = &diag.Rule{ID: "stain-indication-missing", Severity: diag.Warning,
		Doc: "A special stain or immunostain is coded without a stated reason (a Reason field on the stage, or text after the stain such as \"for perineural invasion\")."}
	IndicationMissing = &diag.Rule{ID: "indication-missing", Severity: diag.Warning,
		Doc: "The note does not say why Mohs was chosen over excision (an Indication field)."}
	HistologyMissing = &diag.Rule{ID: "histology-missing", Severity: diag.Warning,
		Doc: "The first stage has no histology description (depth, pattern, cell type, perineural invasion)."}
	ComplexRepairSmall = &diag.Rule{ID: "complex-repair-small", Severity: diag.Info,
		Doc: "The complex repairs of a group total 1.0 cm or less, below the complex table: they are coded as intermediate repairs of their group, summed with the others."}
	LateralityConflict = &diag.Rule{ID: "laterality-conflict", Severity: diag.Warning,
		Doc: "The Side field and the side named in the site text disagree. The Side field is used; correct the note."}
	PostoperativeDiagnosisUsed = &diag.Rule{ID: "postoperative-diagnosis-used", Severity: diag.Info,
		Doc: "The postoperative diagnosis is given, is not \"same\", and differs from the preoperative one: it is the one coded. The message names both."}
	PayerProfileDefault = &diag.Rule{ID: "payer-profile-default", Severity: diag.Info,
		Doc: "The Payer field names none of the built-in profiles (Medicare, UnitedHealthcare, commercial), e.g. Medicaid, BCBS, Aetna or Tricare: the claim is coded under the default profile, commercial. The message names the payer text and the profile; pass --payer or --profile to choose another."}
	ExcisionSizeFromDefect = &diag.Rule{ID: "excision-size-from-defect", Severity: diag.Warning,
		Doc: "Mohs cannot be billed and no excision margin is documented (or no pre-operative size), so the excision that replaces it is coded by the final defect's greatest dimension. The defect overstates the excised diameter (lesion plus the narrowest margin on each side): check the code."}
	DiagnosisPendingPathology = &diag.Rule{ID: "diagnosis-pending-pathology", Severity: diag.Warning,
		Doc: "A biopsy of another lesion has an uncertain clinical impression (\"rule out\", \"versus\", \"?\", \"atypical lesion\"). Uncertain diagnoses are not coded in the outpatient setting: its line gets no cancer code. Hold the claim for the pathology result, or code the presenting sign."}
	SecondaryDefectMissing = &diag.Rule{ID: "secondary-defect-missing", Severity: diag.Info,
		Doc: "A flap has no secondary defect documented: its size is the primary defect alone."}
)

// Rules is the registry: every rule the engine raises while reading and
// coding a note, in a fixed order — the reading rules of internal/lower
// with the coding rules declared here. `mohscode rules` prints it.
var Rules = []*diag.Rule{
	SiteMissing, SiteUnknown, StagesMissing, BlocksMissing, PathologyNotSurgeon, ReaderAmbiguous,
	RepairSizeMissing, RepairTypeUnknown, DiagnosisMissing, DefectSizeMissing, lower.ValueInvalid,
	DateMissing, SizeMissing, MarginsMissing, MapMissing, StageAfterClear,
	FinalStagePositive, StageNumbering, TotalsMismatch, PathologyUndocumented,
	RoutineStainNotBillable, StainUnknown, RepairTimingUndocumented, SiteBoundary,
	lower.UnknownField, BiopsyNotBillable, BiopsyCodeReview, RepairCodeReview,
	StainIndicationMissing, IndicationMissing, icd10.DiagnosisUnconfirmed, HistologyMissing,
	icd10.DiagnosisNotMohs, icd10.LateralityMissing, LateralityConflict, icd10.DiagnosisCodeReview,
	ExcisionSizeFromDefect, DiagnosisPendingPathology, edits.MUEExceeded, edits.PTPNotAllowed, edits.PTPModifierNeeded,
	NoRepairCode, FrozenSectionWithoutBiopsy, ComplexRepairSmall, SecondaryDefectMissing,
	PostoperativeDiagnosisUsed, PayerProfileDefault, lower.LesionAmbiguous, lower.LayoutUnread, lower.ProseAmbiguous,
	lower.ProseFieldConflict, lower.ReadFromProse, transport.Unwrapped,
}
