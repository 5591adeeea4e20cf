package model

import (
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/diag"
)

// Text is a field value as written, with the line it came from.
// Line 0 means the note does not give the field.
type Text struct {
	Value string `json:"value,omitempty"`
	Line  int    `json:"line,omitempty"`
}

// Present reports whether the note gives the field.
func (t Text) Present() bool { return t.Line > 0 }

// Count is a parsed count (blocks, stages).
type Count struct {
	N    int `json:"n,omitempty"`
	Line int `json:"line,omitempty"`
}

// Present reports whether the note gives the count.
func (c Count) Present() bool { return c.Line > 0 }

// Size is a measured size in centimetres: one dimension (a length or
// diameter), two (an area as their product), or an explicit area.
type Size struct {
	Dims   []float64 `json:"dims,omitempty"`    // in cm; depth dropped
	AreaSq float64   `json:"area_sq,omitempty"` // explicit area in sq cm, else 0
	None   bool      `json:"none,omitempty"`    // documented as none ("Secondary defect: none"): zero
	Line   int       `json:"line,omitempty"`
}

// Present reports whether the note gives the size.
func (s Size) Present() bool { return s.Line > 0 }

// Area is the size in square centimetres: the explicit area, or the product
// of two dimensions; ok is false for a single dimension.
func (s Size) Area() (area float64, ok bool) {
	switch {
	case s.None:
		return 0, true
	case s.AreaSq > 0:
		return s.AreaSq, true
	case len(s.Dims) >= 2:
		return s.Dims[0] * s.Dims[1], true
	}
	return 0, false
}

// Longest is the greatest dimension in centimetres; ok is false when the
// size is only an area.
func (s Size) Longest() (cm float64, ok bool) {
	for _, d := range s.Dims {
		cm = max(cm, d)
	}
	return cm, len(s.Dims) > 0
}

// Flag is a yes/no field.
type Flag struct {
	Yes  bool `json:"yes,omitempty"`
	Line int  `json:"line,omitempty"`
}

// Present reports whether the note gives the field.
func (f Flag) Present() bool { return f.Line > 0 }

// Note is one Mohs operative note.
type Note struct {
	Source    string    `json:"source"`
	Encounter Encounter `json:"encounter"`
	Lesions   []Lesion  `json:"lesions"`
	Biopsies  []Biopsy  `json:"biopsies,omitempty"`
	// Findings are what reading says about the note: values that do not
	// fit their keys, near misses of known keys, ambiguous lesions, facts
	// read from prose.
	Findings []diag.Finding `json:"findings,omitempty"`
	Lines    int            `json:"lines"`
}

// Encounter holds the fields that apply to the whole note.
type Encounter struct {
	Date           Text `json:"date"` // ISO 8601 when present
	Surgeon        Text `json:"surgeon"`
	Pathology      Text `json:"pathology"`
	Payer          Text `json:"payer"`
	PlaceOfService Text `json:"place_of_service"`
	// ReaderConflict is set when the note says both that the surgeon read
	// the Mohs slides and that a separate pathologist did: neither Mohs nor
	// the excision that replaces it can be coded (reader-ambiguous).
	ReaderConflict Text `json:"reader_conflict,omitzero"`
}

// Lesion is one tumor treated by Mohs surgery.
type Lesion struct {
	Label           string        `json:"label"`
	Line            int           `json:"line"` // heading, else first field
	HeadingText     Text          `json:"heading_text"`
	Site            Site          `json:"site"`
	Laterality      Text          `json:"laterality"`
	Diagnosis       Text          `json:"diagnosis"`
	PostopDiagnosis Text          `json:"postop_diagnosis"`
	Indication      Text          `json:"indication"`
	Size            Size          `json:"size"`
	ExcisionMargin  Size          `json:"excision_margin"` // the margin taken around the lesion ("Margin: 2 mm"), for the excision fallback
	DeepStructures  Text          `json:"deep_structures"`
	PriorBiopsy     Flag          `json:"prior_biopsy"`
	SameDayBiopsy   Text          `json:"same_day_biopsy"`
	FrozenSection   FrozenSection `json:"frozen_section"`
	Map             Flag          `json:"map"`
	TotalStages     Count         `json:"total_stages"`
	TotalBlocks     Count         `json:"total_blocks"`
	FinalDefect     Size          `json:"final_defect"`
	Stages          []Stage       `json:"stages"`
	Repairs         []Repair      `json:"repairs,omitempty"`
	// Pathology is who read this lesion's slides, when a note that labels
	// its lesions says so under the lesion's label; else the encounter's
	// Pathology holds for it.
	Pathology Text `json:"pathology,omitzero"`
	// Ambiguous is set when the note states a second, different site or
	// diagnosis under this lesion's label: it may hold two lesions, so its
	// Mohs lines cannot be trusted (lesion-ambiguous).
	Ambiguous Text `json:"ambiguous"`
	// StagesAmbiguous is set when the lesion is the note's own but its
	// stages cannot be counted (its prose tells a later stage and not its
	// first): no Mohs line, while its repairs, tied to it, are coded
	// (lesion-ambiguous).
	StagesAmbiguous Text `json:"stages_ambiguous,omitzero"`
}

// Site is a site text and what the anatomy table made of it.
type Site struct {
	Text     Text         `json:"text"`
	Resolved bool         `json:"resolved"`
	Anatomy  anatomy.Site `json:"anatomy"`
}

// FrozenSection is a "Frozen section:" field: whether diagnostic frozen
// sections were done on a biopsy, and on how many blocks.
type FrozenSection struct {
	Flag
	Blocks int `json:"blocks,omitempty"` // 0 when not stated
}

// Stage is one Mohs stage.
type Stage struct {
	Ordinal   string   `json:"ordinal"` // as written: "2", "II"
	Number    int      `json:"number"`
	Line      int      `json:"line"`
	Blocks    Count    `json:"blocks"`
	Levels    Text     `json:"levels"` // a count of cut levels ("7 levels"): sections through one block, not blocks
	Stains    []Stain  `json:"stains,omitempty"`
	Margins   []Margin `json:"margins,omitempty"`
	Decision  Text     `json:"decision"`
	Histology Text     `json:"histology"`
	Reason    Text     `json:"reason"`
}

// Name is the stage as messages call it: its ordinal as written when that
// is a number or a roman numeral ("2", "II"), else its number ("Second
// stage", "1st" are stage 2 and stage 1).
func (s Stage) Name() string {
	if s.Number > 0 && strings.IndexFunc(s.Ordinal, func(r rune) bool { return !strings.ContainsRune("0123456789IVXivx", r) }) >= 0 {
		return strconv.Itoa(s.Number)
	}
	return s.Ordinal
}

// Stain is one stain named on a stage.
type Stain struct {
	Name    string `json:"name"`
	Special bool   `json:"special,omitempty"` // listed under "Special stain"
	Blocks  []int  `json:"blocks,omitempty"`  // nil: every block of the stage
	Reason  string `json:"reason,omitempty"`  // text after the name ("for perineural invasion")
	Line    int    `json:"line"`
}

// Margin is one margin entry: for the whole stage (Blocks nil) or for the
// blocks named.
type Margin struct {
	Blocks   []int `json:"blocks,omitempty"`
	Positive bool  `json:"positive"`
	Line     int   `json:"line"`
}

// Repair is one closure reported for a lesion.
type Repair struct {
	Line            int  `json:"line"`
	Value           Text `json:"value"` // the text after "Repair:"
	Type            Text `json:"type"`
	Size            Size `json:"size"` // a size in the value without a label
	Length          Size `json:"length"`
	Area            Size `json:"area"`
	Defect          Size `json:"defect"`
	SecondaryDefect Size `json:"secondary_defect"`
	Site            Site `json:"site"`
	Timing          Text `json:"timing"`
	By              Text `json:"by"`
}

// Biopsy is another lesion biopsied the same day ("Biopsy N:" section).
type Biopsy struct {
	Label         string        `json:"label"`
	Line          int           `json:"line"`
	Value         Text          `json:"value"`
	Type          Text          `json:"type"`
	Site          Site          `json:"site"`
	Diagnosis     Text          `json:"diagnosis"`
	FrozenSection FrozenSection `json:"frozen_section"`
}
