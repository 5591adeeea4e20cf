package lower

import "github.com/mohscode/mohscode/internal/diag"

// The rules of reading a note: what lowering says about a note's layout
// and prose, each raised here with its position. coding.Rules lists them
// with the coding rules.
var (
	ValueInvalid = &diag.Rule{ID: "value-invalid", Severity: diag.Error,
		Doc: "A value does not fit its key (a word where a count belongs, an unknown unit, an unfilled template value such as *** or TBD, a stage ordinal that is neither a number nor a roman numeral). The value counts as not documented, with the finding its absence draws; the rest of the note is coded. The message gives the column and what was expected."}
	UnknownField = &diag.Rule{ID: "unknown-field", Severity: diag.Warning,
		Doc: "A field key is not known but is a near miss of a known key (letters only, Damerau–Levenshtein distance at most 2 for six letters or more, 1 for four or five). The line was read as narrative; fix the key if it was meant."}
	LesionAmbiguous = &diag.Rule{ID: "lesion-ambiguous", Severity: diag.Error,
		Doc: "The note states a second, different site or diagnosis under one lesion label: it may hold two lesions that a heading the reader does not recognise separates. The lesion is never merged or split by guess: its Mohs lines are not coded until the note labels each lesion, nor its repair lines (the repairs read for it may be another tumor's, and their site group cannot be told)."}
	LayoutUnread = &diag.Rule{ID: "layout-unread", Severity: diag.Warning,
		Doc: "A table whose columns cannot be told (no header naming the stage column): its rows are not read, and the lesion gets the findings it would get without the table."}
	ProseAmbiguous = &diag.Rule{ID: "prose-ambiguous", Severity: diag.Warning,
		Doc: "Prose states a fact two ways (two block counts for one stage, a stage count that disagrees with the stages described, a count that cannot be tied to a stage): only what is unambiguous is coded."}
	ProseFieldConflict = &diag.Rule{ID: "prose-field-conflict", Severity: diag.Warning,
		Doc: "Prose and a field state one fact differently; the field is used — except where an addendum says it corrects the note (`Correction …`, `should read`, `in error`): the author's correction is used for a stage's block count or margins and a repair's length or linear class in a note of one lesion, and for the side it names for a lesion in any note (our reading: the rule book is silent on addenda)."}
	ReadFromProse = &diag.Rule{ID: "read-from-prose", Severity: diag.Info,
		Doc: "A fact used for a claim line (stages, blocks, a repair) was read from a sentence, not a field or a log row: glance at the words the evidence points to."}
)

// Rules lists the reading rules in a fixed order.
var Rules = []*diag.Rule{ValueInvalid, UnknownField, LesionAmbiguous, LayoutUnread, ProseAmbiguous, ProseFieldConflict, ReadFromProse}
