package lower

import "strings"

// field names one known key, whatever synonym the note uses.
type field int

const (
	fNone field = iota
	// encounter
	fDate
	fSurgeon
	fPathology
	fPayer
	fPlaceOfService
	// lesion
	fSite
	fLaterality
	fDiagnosis
	fPostopDiagnosis
	fIndication
	fSize
	fDeepStructures
	fPriorBiopsy
	fSameDayBiopsy
	fFrozenSection
	fMap
	fTotalStages
	fTotalBlocks
	fFinalDefect
	fRepair
	// stage
	fBlocks
	fStain
	fSpecialStain
	fMargins
	fDecision
	fHistology
	fReason
	// repair and biopsy
	fType
	fLength
	fArea
	fDefect
	fSecondaryDefect
	fTiming
	fBy
)

// section is where a field may stand.
type section int

// String names the section as the model's NearMiss.Section does.
func (s section) String() string {
	return [...]string{"encounter", "lesion", "stage", "repair", "biopsy"}[s]
}

const (
	secEncounter section = iota
	secLesion
	secStage
	secRepair
	secBiopsy
)

// keyDef is one row of the key table: the synonyms of NOTE-FORMAT.md,
// the first being the name shown to the user.
type keyDef struct {
	field    field
	sections []section
	names    []string
}

var keyTable = []keyDef{
	{fDate, []section{secEncounter}, []string{"Date of service", "DOS", "Date"}},
	{fSurgeon, []section{secEncounter}, []string{"Surgeon", "Mohs surgeon", "Provider"}},
	{fPathology, []section{secEncounter}, []string{"Pathology", "Histopathology", "Slides read by"}},
	{fPayer, []section{secEncounter}, []string{"Payer", "Insurance"}},
	{fPlaceOfService, []section{secEncounter}, []string{"Place of service", "POS"}},

	{fSite, []section{secLesion, secRepair, secBiopsy}, []string{"Site", "Location", "Anatomic site"}},
	{fLaterality, []section{secLesion}, []string{"Laterality", "Side"}},
	{fDiagnosis, []section{secLesion, secBiopsy}, []string{"Diagnosis", "Preoperative diagnosis", "Preop diagnosis", "Pre-op diagnosis", "Dx"}},
	{fDiagnosis, []section{secBiopsy}, []string{"Clinical impression"}},
	{fPostopDiagnosis, []section{secLesion}, []string{"Postoperative diagnosis", "Postop diagnosis", "Post-op diagnosis"}},
	{fIndication, []section{secLesion}, []string{"Indication", "Reason for Mohs", "Rationale"}},
	{fSize, []section{secLesion}, []string{"Preoperative size", "Preop size", "Pre-op size", "Lesion size", "Size", "Clinical size"}},
	{fDeepStructures, []section{secLesion}, []string{"Deep structures", "Involves"}},
	{fPriorBiopsy, []section{secLesion}, []string{"Prior biopsy", "Biopsy confirmed"}},
	{fSameDayBiopsy, []section{secLesion}, []string{"Same-day biopsy"}},
	{fFrozenSection, []section{secLesion, secBiopsy}, []string{"Frozen section", "Frozen sections"}},
	{fMap, []section{secLesion}, []string{"Mohs map", "Map"}},
	{fTotalStages, []section{secLesion}, []string{"Total stages"}},
	{fTotalBlocks, []section{secLesion}, []string{"Total blocks"}},
	{fFinalDefect, []section{secLesion}, []string{"Final defect", "Defect size", "Post-operative defect", "Postop size", "Post-op size"}},
	{fRepair, []section{secLesion}, []string{"Repair", "Closure", "Reconstruction"}},

	{fBlocks, []section{secStage}, []string{"Blocks", "Tissue blocks", "Sections", "Specimens"}},
	{fStain, []section{secStage}, []string{"Stain", "Stains"}},
	{fSpecialStain, []section{secStage}, []string{"Special stain", "Special stains", "Immunostain", "Immunostains"}},
	{fMargins, []section{secStage}, []string{"Margins", "Margin", "Margin status", "Result"}},
	{fDecision, []section{secStage}, []string{"Decision", "Plan"}},
	{fHistology, []section{secStage}, []string{"Histology", "Findings"}},
	{fReason, []section{secStage}, []string{"Reason", "Stain reason"}},

	{fType, []section{secRepair, secBiopsy}, []string{"Type"}},
	{fType, []section{secBiopsy}, []string{"Kind"}},
	{fLength, []section{secRepair}, []string{"Length"}},
	{fArea, []section{secRepair}, []string{"Area"}},
	{fDefect, []section{secRepair}, []string{"Defect"}},
	{fSecondaryDefect, []section{secRepair}, []string{"Secondary defect"}},
	{fTiming, []section{secRepair}, []string{"Timing", "Performed"}},
	{fBy, []section{secRepair}, []string{"By", "Repaired by"}},
}

// keyRef is what a normalised key means in one section.
type keyRef struct {
	field field
	name  string // the synonym as the table writes it
}

// keysBySection maps section → normalised key → field.
var keysBySection = map[section]map[string]keyRef{}

// suggestions lists, per section, every key's letters and the synonym as
// written, in table order, for near-miss suggestions.
var suggestions = map[section][]suggestion{}

type suggestion struct {
	letters string
	name    string
	section section
}

func init() {
	for _, def := range keyTable {
		for _, name := range def.names {
			norm := letters(name)
			for _, sec := range def.sections {
				if keysBySection[sec] == nil {
					keysBySection[sec] = map[string]keyRef{}
				}
				keysBySection[sec][norm] = keyRef{def.field, def.names[0]}
				suggestions[sec] = append(suggestions[sec], suggestion{norm, name, sec})
			}
		}
	}
	for _, name := range []string{"Stage", "Layer", "Level", "Lesion", "Biopsy"} {
		suggestions[secLesion] = append(suggestions[secLesion], suggestion{letters(name), name, secLesion})
	}
}

// letters lower-cases s and keeps only its ASCII letters: keys are compared
// this way, so "Pre-op size", "PREOP SIZE" and "pre op size" are one key.
func letters(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		}
	}
	return b.String()
}

// lookup finds the field a key names in a section.
func lookup(sec section, key string) (keyRef, bool) {
	ref, ok := keysBySection[sec][letters(key)]
	return ref, ok
}

// nearMiss returns the known key of the given sections that an unknown key
// resembles: letters only, Damerau–Levenshtein distance at most 2 for keys
// of six letters or more, at most 1 for four or five, never for shorter keys.
func nearMiss(key string, sections []section) (suggestion, bool) {
	l := letters(key)
	limit := 0
	switch {
	case len(l) >= 6:
		limit = 2
	case len(l) >= 4:
		limit = 1
	default:
		return suggestion{}, false
	}
	var best suggestion
	bestDist := limit + 1
	for _, sec := range sections {
		for _, known := range suggestions[sec] {
			if abs(len(known.letters)-len(l)) >= bestDist {
				continue
			}
			if d := distance(l, known.letters); d < bestDist {
				best, bestDist = known, d
			}
		}
	}
	return best, bestDist <= limit && bestDist > 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// distance is the optimal-string-alignment Damerau–Levenshtein distance:
// insertions, deletions, substitutions and swaps of two neighbours. Keys
// are short (the lexer caps them at 40 characters), so the rows live on
// the stack.
func distance(a, b string) int {
	var rows [3][maxKeyLetters + 1]int
	if len(b) > maxKeyLetters {
		b = b[:maxKeyLetters]
	}
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// maxKeyLetters bounds the letters of a key compared for near misses.
const maxKeyLetters = 48
