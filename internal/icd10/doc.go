// Package icd10 turns a lesion's diagnosis text and its ICD-10 site group into one
// ICD-10-CM code, following docs/coding-rules.md section 9.
//
// It does two things and nothing else:
//
//   - [Recognize] reads diagnosis free text ("Basal cell carcinoma, nodular type.", "r/o SCC",
//     "lentigo maligna") and says which histology it names, whether the naming is negated or
//     uncertain, and whether the text names no malignancy coded here.
//   - [Code] looks a histology, an ICD-10 site group (the anatomy package's ids), a side and, for
//     the eyelid, upper or lower up in the section-9 table and returns the code, a description
//     in our own words and the findings of the table (laterality-missing,
//     diagnosis-code-review).
//
// The vocabulary and the code table are embedded data (data/*.csv), parsed once; the code
// holds only the decisions. Its inputs are plain strings; of the project it imports only diag
// (for its findings) and phrase (the phrase index the recogniser matches with).
//
// Decisions where the documents are silent:
//
//   - Basosquamous (metatypical) carcinoma, ICD-O 8094/3, is its own histology, neither basal
//     cell nor squamous cell: the C44 "other specified" digit 9 (C44.x9), with
//     diagnosis-code-review, since some payers and coders use the squamous cell code instead
//     (docs/coding-rules.md section 9). A text naming it beside basal cell or squamous cell
//     carcinoma ("BCC, basosquamous type") is basosquamous (the refines column of
//     data/histology.csv).
//   - Keratoacanthoma alone is not coded here (ICD-10-CM indexes it to L85.8); "keratoacanthoma
//     type SCC" is squamous cell carcinoma with subtype "keratoacanthoma type".
//   - "consistent with" and "compatible with" are uncertainty cues, as in the ICD-10-CM Official
//     Guidelines section IV.H for outpatient coding.
//   - When the text names several confirmed malignancies, the first one in the text is the
//     diagnosis.
//   - MIS, MAC, SK, AK, KA and "SCC IS" count only in capitals: they are also words.
package icd10
