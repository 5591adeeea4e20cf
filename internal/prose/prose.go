package prose

import "github.com/mohscode/mohscode/internal/model"

// Line is one line of a paragraph as it stands in the note.
type Line struct {
	Text string // the text (for a field line, only its value)
	Line int    // 1-based line number in the note
	Col  int    // 1-based byte column of Text[0] in that line
	// Item: the line is a list item's text after its marker ("(b) shave bx
	// L chest, …"), which opens a sentence whatever its case.
	Item bool
}

// Span is where a fact was read: from Line:Col to EndLine:EndCol (1-based,
// end exclusive).
type Span struct{ Line, Col, EndLine, EndCol int }

// Facts are the facts read from the paragraphs of one scope.
type Facts struct {
	Stages     []Stage
	StageCount []Count // "a total of two stages", "Mohs x 2 stages", "cleared after three stages"
	BlockTotal []Count // "a total of 5 blocks", "Total blocks: 8": blocks of the lesion, no stage's
	// Unstaged holds the blocks, margin, stains and histology read where no
	// stage was named ("The tissue was divided into two blocks"); Number is 0.
	// They belong to the lesion's stage when it has exactly one.
	Unstaged Stage
	// EveryStage are the stains said of every stage ("Frozen sections were
	// stained with H&E and with MART-1 on every block of every stage"):
	// each stage's, whatever states the stages.
	EveryStage []Stain
	// Uncounted are the stains said of more or fewer stages than the prose
	// describes ("CK7 immunostaining was performed on every block of both
	// stages to highlight single Paget cells" where one stage is told),
	// each with an ambiguity: each stage's when the lesion has as many
	// stages elsewhere (a log, fields), else their names and reasons only.
	Uncounted   []CountedStain
	Map         []Flag      // Yes: a map was drawn/prepared/attached; No: "no map was drawn"
	Reader      []Reader    // who read the Mohs slides
	PriorBiopsy []Flag      // "biopsy-proven", "biopsy on 4/21 showed …"; No: "no prior biopsy"
	Indication  []Text      // why Mohs
	Diagnoses   []Diagnosis // "basal cell carcinoma of the right medial cheek"
	// HistologyDiagnoses are the tumors a stage's frozen sections showed
	// ("Stage 1 … revealed well-differentiated squamous cell carcinoma"): not
	// the lesion's diagnosis as stated, a fallback when nothing else names it.
	HistologyDiagnoses []Diagnosis
	Sites              []Text // the lesion's site where prose names it: "a pearly papule on the left upper cutaneous lip", "Mohs surgery of the right temple"
	// LaterSites are sites a dictation turns to after another tumor: "Next,
	// the right dorsal hand.", "Then the right anterior knee." — never the
	// lesion's site by themselves.
	LaterSites []Text
	// BiopsySites are where the lesion's own diagnostic biopsy was taken
	// ("performed a shave biopsy of the right lateral cheek on 04/03/2026;
	// the pathology showed infiltrative basal cell carcinoma"): the site
	// when no other words name one.
	BiopsySites    []Text
	PreopSize      []Measure // "measured 1.4 x 1.1 cm before surgery"
	FinalDefect    []Measure // "the final defect measured 2.8 x 2.4 cm"
	ExcisionMargin []Measure // "excised with 4 mm margins" (not a "2 mm rim")
	Repairs        []Repair
	Timing         []Span      // "after tumor clearance" wherever it stands
	Biopsies       []Biopsy    // biopsies of OTHER lesions done today, described in sentences
	SameDayBiopsy  []Biopsy    // a biopsy of this lesion done today, before the Mohs surgery
	FrozenSection  []Count     // blocks of a diagnostic frozen section on that biopsy: "(one block)"
	DeepStructures []Deep      // "down to the nasalis muscle"; Negated: "muscle … not involved"
	Plan           []Text      // the surgery is finished another day: "will return … to complete Mohs (stage 2 onward)"
	ServiceDate    []Text      // the day of the surgery as a sentence opens it: "On 07/22/2025 Mr. … underwent Mohs micrographic surgery" (the date as written)
	Ambiguities    []Ambiguity // prose that could be read two ways
}

// Flag is a yes/no fact.
type Flag struct {
	Yes  bool
	Span Span
	// Every: the statement is of every lesion of the note, wherever it
	// stands ("A Mohs map was drawn for each site")
	Every bool
}

// Text is a fact that is text.
type Text struct {
	Value string
	Span  Span
}

// Count is a counted fact.
type Count struct {
	N    int
	Span Span
}

// Measure is a size read from prose; Size.Line is the line of Span.
type Measure struct {
	Size model.Size
	Span Span
}

// MarginStatus is what a stage's margins showed.
type MarginStatus uint8

// Margin statuses.
const (
	MarginUnknown   MarginStatus = iota // not stated
	MarginClear                         // "clear", "free of tumor", "no residual tumor"
	MarginPositive                      // "positive", "tumor at the deep margin", "not yet clear"
	MarginEquivocal                     // "possible residual", "could not be excluded", "indeterminate"
)

// String names the status.
func (m MarginStatus) String() string {
	switch m {
	case MarginClear:
		return "clear"
	case MarginPositive:
		return "positive"
	case MarginEquivocal:
		return "equivocal"
	}
	return "unknown"
}

// Stage is one Mohs stage described in prose.
type Stage struct {
	Number     int  // 1-based, from "first"/"Stage II"/"second layer"/"an additional stage" (previous+1)
	Span       Span // the statement that documents the stage
	Blocks     int  // 0 = not stated, or stated twice with different counts (see Ambiguities)
	BlocksSpan Span
	Margin     MarginStatus
	MarginSpan Span
	Stains     []Stain
	Histology  Text // histology described for this stage
}

// Stain is a stain named for a stage.
type Stain struct {
	Name   string
	Reason string
	Blocks []int // nil = all blocks of the stage
	// Special: the note calls it a special stain ("toluidine blue was run as
	// a special stain", "special stain of toluidine blue"), which a routine
	// stain is not.
	Special bool
	Span    Span
}

// CountedStain is a stain said of a number of stages: "on every block of
// both stages" is 2.
type CountedStain struct {
	Stain  Stain
	Stages int
}

// Reader is who read the Mohs slides.
type Reader struct {
	Surgeon bool   // false: a separate pathologist read the Mohs slides
	Name    string // "Dr. Annika Solberg-Reyes", when named
	// NameOnly: the reader is named without a role ("read by Dr. Tanaka");
	// Surgeon is false and the caller compares Name with the surgeon.
	NameOnly bool
	// Undersigned: "the undersigned examined the slides": the reader is
	// whoever signs the note, which the caller finds; Surgeon is false.
	Undersigned bool
	Span        Span
}

// Diagnosis is a tumor named in prose, with its site when the sentence gives one.
type Diagnosis struct {
	Text string // the tumor words: "infiltrative basal cell carcinoma"
	// Site is the anatomic site words incl. laterality ("right medial
	// cheek"): of the diagnosis sentence, else the one site the scope's
	// prose names (Sites), else empty.
	Site     string
	Span     Span
	SiteSpan Span
}

// Repair is a repair described in prose.
type Repair struct {
	Kind            string // as written: "rotation flap", "intermediate (layered) repair", "second intention"
	NoRepair        bool   // second intention, or closure deferred to a later visit or another provider: no repair line
	By              string // another provider who does the repair: "Dr. Linnea Sato-Whitfield", "plastic surgery"
	Later           bool   // done at a visit to come: "will return next Tuesday for a full-thickness skin graft"
	Length          Measure
	Area            Measure
	Defect          Measure
	SecondaryDefect Measure
	AfterClearance  bool // "after tumor clearance", "once margins were clear" in its paragraph
	Span            Span
}

// Biopsy is a biopsy described in prose.
type Biopsy struct {
	Kind       string // the method as written: "tangential (shave) biopsy", "4 mm punch biopsy"
	Site       string
	Impression string
	Uncertain  bool // "rule out", "versus", "r/o", "possible"
	// FrozenSection: the blocks of a frozen section on this biopsy ("submitted
	// for frozen section, processed as two blocks"); N is 0 when none is stated.
	FrozenSection Count
	Span          Span
	named         bool // the biopsy is only named, in a sentence without a verb ("3. Punch biopsy of a separate lesion, left dorsal forearm")
}

// Deep is a deep structure the surgery reached, or (Negated) did not.
type Deep struct {
	Structure string
	Negated   bool
	Span      Span
}

// Ambiguity is prose that could be read two ways; Spans name the words.
type Ambiguity struct {
	Message string
	Spans   []Span
	// Reader: the prose says both that the surgeon read the Mohs slides
	// and that a separate pathologist did.
	Reader bool
}
