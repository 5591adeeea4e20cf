package coding

import "github.com/mohscode/mohscode/internal/diag"

// Rule is one finding rule: its stable id, severity and what it means.
type Rule struct {
	ID       string        `json:"rule"`
	Severity diag.Severity `json:"severity"`
	Doc      string        `json:"doc"`
}

// The finding rules of docs/note-format.md section 7 and docs/coding-rules.md
// section 10, in the order `mohscode rules` lists them.
var (
	SiteMissing = &Rule{"site-missing", diag.Error,
		"The lesion has no site. Every code family groups sites its own way, so without a site no Mohs, repair or excision code can be chosen: the lesion is not coded; the other lesions are."}
	SiteUnknown = &Rule{"site-unknown", diag.Error,
		"The site text names no term of the anatomical vocabulary. The engine never guesses a site: the lesion is not coded; the other lesions are."}
	StagesMissing = &Rule{"stages-missing", diag.Error,
		"The lesion lists no Mohs stage, so no Mohs line can be coded for it; its repairs are still coded. A stage is documented by a statement about that stage (a number or ordinal with its blocks, margins or findings, or a row of a Mohs log); template text about stages in general (\"prior to each stage\", \"after the final stage\") documents none, and no stage is guessed."}
	BlocksMissing = &Rule{"blocks-missing", diag.Error,
		"A stage has no block count. It is coded as a stage, assuming no block beyond the fifth, but 17315 (each block beyond five in a stage) cannot be checked."}
	PathologyNotSurgeon = &Rule{"pathology-not-surgeon", diag.Error,
		"A separate pathologist read the slides. Mohs codes require the surgeon to act as the pathologist, so no Mohs line is billed: each lesion is coded as a malignant excision by its excised diameter instead (pre-operative size plus twice the margin, else the final defect), and the frozen-section and stain lines are dropped (the pathologist bills them)."}
	RepairSizeMissing = &Rule{"repair-size-missing", diag.Error,
		"A repair has no usable size: a linear repair needs its own length, a flap or graft an area (two dimensions or an explicit area). The final defect is not a repair length. No line for that repair."}
	RepairTypeUnknown = &Rule{"repair-type-unknown", diag.Error,
		"The repair's class cannot be told (\"linear closure\", \"primary closure\", \"purse-string\"). Simple, intermediate and complex repairs have different codes: no line until the note states the class."}
	DiagnosisMissing = &Rule{"diagnosis-missing", diag.Error,
		"The lesion has no diagnosis. A claim line needs a diagnosis to point to."}
	DefectSizeMissing = &Rule{"defect-size-missing", diag.Error,
		"Mohs cannot be billed and the excision that replaces it needs an excised diameter: the note gives neither the pre-operative size with a margin nor the final defect's greatest dimension. No line."}
	ValueInvalid = &Rule{"value-invalid", diag.Error,
		"A value does not fit its key (a word where a count belongs, an unknown unit, an unfilled template value such as *** or TBD, a stage ordinal that is neither a number nor a roman numeral). The value counts as not documented, with the finding its absence draws; the rest of the note is coded. The message gives the column and what was expected."}
	DateMissing = &Rule{"date-missing", diag.Warning,
		"The note gives no date of service; every claim line needs one."}
	SizeMissing = &Rule{"size-missing", diag.Warning,
		"The lesion has no preoperative size. Payers and auditors expect the clinical size to support the choice of Mohs."}
	MarginsMissing = &Rule{"margins-missing", diag.Warning,
		"A stage has no margin status, per block or for the whole stage; the note does not show why another stage was or was not taken."}
	MapMissing = &Rule{"map-missing", diag.Warning,
		"No Mohs map is documented. The map that orients each block is part of what the Mohs codes pay for."}
	StageAfterClear = &Rule{"stage-after-clear", diag.Warning,
		"A stage follows a stage whose margins were all clear. Both are coded, but an auditor will ask why the later stage was taken."}
	FinalStagePositive = &Rule{"final-stage-positive", diag.Warning,
		"The last stage still has positive margins and no plan is documented (further stages, referral, or why surgery stopped). A margin stated as equivocal (\"residual could not be excluded\", \"indeterminate\") is documented and not clear: a further stage is expected."}
	StageNumbering = &Rule{"stage-numbering", diag.Warning,
		"Stage numbers skip or repeat. Stages are counted as listed, whatever their numbers; check that none is missing."}
	TotalsMismatch = &Rule{"totals-mismatch", diag.Warning,
		"Total stages or Total blocks disagrees with the stages listed. The lines follow the stages listed."}
	PathologyUndocumented = &Rule{"pathology-undocumented", diag.Warning,
		"The note does not say who read the slides. Mohs is coded, but the codes require the surgeon to be the pathologist and the note should say so."}
	RoutineStainNotBillable = &Rule{"routine-stain-not-billable", diag.Warning,
		"A routine stain (H&E, toluidine blue) is listed as a special stain. Routine stains are included in every Mohs code: no line."}
	StainUnknown = &Rule{"stain-unknown", diag.Warning,
		"A stain name is neither routine, nor a known histochemical stain, nor a known antibody: no line until it is identified."}
	RepairTimingUndocumented = &Rule{"repair-timing-undocumented", diag.Warning,
		"The repair is coded, but the note does not document that it followed tumor clearance (a Timing field, \"after clearance\" in the repair, or a last-stage decision that the tumor was cleared naming the repair)."}
	SiteBoundary = &Rule{"site-boundary", diag.Warning,
		"The site text names terms of two groups in one code family. The Mohs class is the higher (H); every other family takes the first term's group. Document why the site is what it is."}
	UnknownField = &Rule{"unknown-field", diag.Warning,
		"A field key is not known but is a near miss of a known key (letters only, Damerau–Levenshtein distance at most 2 for six letters or more, 1 for four or five). The line was read as narrative; fix the key if it was meant."}
	NoRepairCode = &Rule{"no-repair-code", diag.Info,
		"Second intention, strips or cautery alone, a repair by another provider, a closure deferred to a later visit (\"will return for delayed closure\", \"reconstruction scheduled\"), or a repair only considered: no repair line on this claim. Also a closure another line includes: a linear repair of a lesion closed by a flap, a simple repair after an excision, or the closure of a graft donor site or a biopsy wound."}
	FrozenSectionWithoutBiopsy = &Rule{"frozen-section-without-biopsy", diag.Info,
		"Frozen section: yes, but no billable same-day biopsy: these are the Mohs frozen sections themselves, included in the Mohs codes."}
	BiopsyNotBillable = &Rule{"biopsy-not-billable", diag.Warning,
		"A same-day biopsy of the Mohs lesion, but the diagnosis was known from a prior biopsy: the biopsy is not billable."}
	BiopsyCodeReview = &Rule{"biopsy-code-review", diag.Warning,
		"The biopsy kind is not tangential, punch or incisional (an excisional biopsy is not a biopsy code): no line; review by hand."}
	RepairCodeReview = &Rule{"repair-code-review", diag.Warning,
		"Interpolation, paramedian forehead and other staged flaps, wedge excisions of lip, ear or eyelid, and cartilage grafts are outside the repair tables: no line; code by hand."}
	StainIndicationMissing = &Rule{"stain-indication-missing", diag.Warning,
		"A special stain or immunostain is coded without a stated reason (a Reason field on the stage, or text after the stain such as \"for perineural invasion\")."}
	IndicationMissing = &Rule{"indication-missing", diag.Warning,
		"The note does not say why Mohs was chosen over excision (an Indication field)."}
	DiagnosisUnconfirmed = &Rule{"diagnosis-unconfirmed", diag.Warning,
		"The note shows neither a prior pathology diagnosis nor a same-day biopsy of the lesion."}
	HistologyMissing = &Rule{"histology-missing", diag.Warning,
		"The first stage has no histology description (depth, pattern, cell type, perineural invasion)."}
	ComplexRepairSmall = &Rule{"complex-repair-small", diag.Info,
		"The complex repairs of a group total 1.0 cm or less, below the complex table: they are coded as intermediate repairs of their group, summed with the others."}
	DiagnosisNotMohs = &Rule{"diagnosis-not-mohs", diag.Error,
		"The diagnosis is benign or not a malignancy treated by Mohs surgery (seborrheic keratosis, actinic keratosis), or names no recognised skin malignancy: no diagnosis code. The lines stay, but a payer will deny Mohs for it."}
	LateralityMissing = &Rule{"laterality-missing", diag.Warning,
		"The ICD-10-CM code needs a side (ear, limbs, eyelid) or, for the eyelid, upper or lower, and the note does not give it: the unspecified code is used, which payers question."}
	LateralityConflict = &Rule{"laterality-conflict", diag.Warning,
		"The Side field and the side named in the site text disagree. The Side field is used; correct the note."}
	DiagnosisCodeReview = &Rule{"diagnosis-code-review", diag.Warning,
		"The diagnosis code needs a coder's review. Skin of the genitalia (vulva, penis, scrotum) and the vermilion of the lip are coded outside the skin table (C51, C60, C63.2, C00, D00.0): no code here; code the diagnosis by hand. Basosquamous (metatypical) carcinoma is coded with the C44 \"other specified\" digit 9, which some payers and coders replace with the squamous cell code."}
	PostoperativeDiagnosisUsed = &Rule{"postoperative-diagnosis-used", diag.Info,
		"The postoperative diagnosis is given, is not \"same\", and differs from the preoperative one: it is the one coded. The message names both."}
	PayerProfileDefault = &Rule{"payer-profile-default", diag.Info,
		"The Payer field names none of the built-in profiles (Medicare, UnitedHealthcare, commercial), e.g. Medicaid, BCBS, Aetna or Tricare: the claim is coded under the default profile, commercial. The message names the payer text and the profile; pass --payer or --profile to choose another."}
	ExcisionSizeFromDefect = &Rule{"excision-size-from-defect", diag.Warning,
		"Mohs cannot be billed and no excision margin is documented (or no pre-operative size), so the excision that replaces it is coded by the final defect's greatest dimension. The defect overstates the excised diameter (lesion plus the narrowest margin on each side): check the code."}
	DiagnosisPendingPathology = &Rule{"diagnosis-pending-pathology", diag.Warning,
		"A biopsy of another lesion has an uncertain clinical impression (\"rule out\", \"versus\", \"?\", \"atypical lesion\"). Uncertain diagnoses are not coded in the outpatient setting: its line gets no cancer code. Hold the claim for the pathology result, or code the presenting sign."}
	MUEExceeded = &Rule{"mue-exceeded", diag.Warning,
		"Units of a code exceed its medically unlikely edit in the CMS MUE file given with --mue: an error for adjudication indicator 2 (absolute per day), a warning for 1 (per line) and 3 (per day, payable on appeal with documentation)."}
	PTPNotAllowed = &Rule{"ptp-not-allowed", diag.Error,
		"Two codes on the claim form an NCCI procedure-to-procedure pair with modifier indicator 0 in the PTP file given with --ptp: they are never paid together."}
	PTPModifierNeeded = &Rule{"ptp-modifier-needed", diag.Warning,
		"Two codes form an NCCI pair with modifier indicator 1 and the column-2 line has no NCCI-associated modifier (59, XS, …): add one if the services were distinct."}
	SecondaryDefectMissing = &Rule{"secondary-defect-missing", diag.Info,
		"A flap has no secondary defect documented: its size is the primary defect alone."}
	LesionAmbiguous = &Rule{"lesion-ambiguous", diag.Error,
		"The note states a second, different site or diagnosis under one lesion label: it may hold two lesions that a heading the reader does not recognise separates. The lesion is never merged or split by guess: its Mohs lines are not coded until the note labels each lesion."}
	LayoutUnread = &Rule{"layout-unread", diag.Warning,
		"A table whose columns cannot be told (no header naming the stage column): its rows are not read, and the lesion gets the findings it would get without the table."}
	ProseAmbiguous = &Rule{"prose-ambiguous", diag.Warning,
		"Prose states a fact two ways (two block counts for one stage, a stage count that disagrees with the stages described, a count that cannot be tied to a stage): only what is unambiguous is coded."}
	ProseFieldConflict = &Rule{"prose-field-conflict", diag.Warning,
		"Prose and a field state one fact differently; the field is used."}
	ReadFromProse = &Rule{"read-from-prose", diag.Info,
		"A fact used for a claim line (stages, blocks, a repair) was read from a sentence, not a field or a log row: glance at the words the evidence points to."}
)

// Rules lists every rule in a fixed order.
var Rules = []*Rule{
	SiteMissing, SiteUnknown, StagesMissing, BlocksMissing, PathologyNotSurgeon,
	RepairSizeMissing, RepairTypeUnknown, DiagnosisMissing, DefectSizeMissing, ValueInvalid,
	DateMissing, SizeMissing, MarginsMissing, MapMissing, StageAfterClear,
	FinalStagePositive, StageNumbering, TotalsMismatch, PathologyUndocumented,
	RoutineStainNotBillable, StainUnknown, RepairTimingUndocumented, SiteBoundary,
	UnknownField, BiopsyNotBillable, BiopsyCodeReview, RepairCodeReview,
	StainIndicationMissing, IndicationMissing, DiagnosisUnconfirmed, HistologyMissing,
	DiagnosisNotMohs, LateralityMissing, LateralityConflict, DiagnosisCodeReview,
	ExcisionSizeFromDefect, DiagnosisPendingPathology, MUEExceeded, PTPNotAllowed, PTPModifierNeeded,
	NoRepairCode, FrozenSectionWithoutBiopsy, ComplexRepairSmall, SecondaryDefectMissing,
	PostoperativeDiagnosisUsed, PayerProfileDefault, LesionAmbiguous, LayoutUnread, ProseAmbiguous,
	ProseFieldConflict, ReadFromProse,
}
