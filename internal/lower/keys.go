package lower

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/csvtable"
)

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
	fExcisionMargin
	fProcedure
	fStainReason
	fRepairLength
	fRepairBy
	fWoundCare
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
	fDetails
	fLength
	fArea
	fDefect
	fSecondaryDefect
	fTiming
	fBy
)

// section is where a field may stand.
type section int

const (
	secEncounter section = iota
	secLesion
	secStage
	secRepair
	secBiopsy
)

// fieldNames names each field in keys.csv.
var fieldNames = map[string]field{
	"date": fDate, "surgeon": fSurgeon, "pathology": fPathology, "payer": fPayer, "placeofservice": fPlaceOfService,
	"site": fSite, "laterality": fLaterality, "diagnosis": fDiagnosis, "postopdiagnosis": fPostopDiagnosis,
	"indication": fIndication, "size": fSize, "excisionmargin": fExcisionMargin, "deepstructures": fDeepStructures,
	"priorbiopsy": fPriorBiopsy, "samedaybiopsy": fSameDayBiopsy, "frozensection": fFrozenSection, "map": fMap,
	"totalstages": fTotalStages, "totalblocks": fTotalBlocks, "finaldefect": fFinalDefect, "repair": fRepair, "procedure": fProcedure, "stainreason": fStainReason, "repairlength": fRepairLength, "repairby": fRepairBy, "woundcare": fWoundCare,
	"blocks": fBlocks, "stain": fStain, "specialstain": fSpecialStain, "margins": fMargins, "decision": fDecision,
	"histology": fHistology, "reason": fReason, "type": fType, "details": fDetails, "length": fLength, "area": fArea,
	"defect": fDefect, "secondarydefect": fSecondaryDefect, "timing": fTiming, "by": fBy,
}

// sectionNames names each section in keys.csv.
var sectionNames = map[string]section{"encounter": secEncounter, "lesion": secLesion, "stage": secStage,
	"repair": secRepair, "biopsy": secBiopsy}

//go:embed keys.csv
var keysCSV string

// keyTables is the synonym table of keys.csv, read on first use: per
// section, normalised key → field, and every key's letters for near-miss
// suggestions.
var keyTables = sync.OnceValue(func() keyTable {
	t := keyTable{bySection: map[section]map[string]keyRef{}, suggestions: map[section][]suggestion{}}
	rows, err := csvtable.Read("keys.csv", keysCSV, "field", "sections", "names")
	if err != nil {
		panic("lower: " + err.Error()) // the embedded table is checked by a test
	}
	for _, rec := range rows {
		row := rec.Fields
		f, ok := fieldNames[row[0]]
		if !ok {
			panic("lower: keys.csv: unknown field " + row[0])
		}
		names := strings.Split(row[2], "|")
		for _, secName := range strings.Split(row[1], "|") {
			sec, ok := sectionNames[secName]
			if !ok {
				panic("lower: keys.csv: unknown section " + secName)
			}
			if t.bySection[sec] == nil {
				t.bySection[sec] = map[string]keyRef{}
			}
			for _, name := range names {
				norm := letters(name)
				if _, dup := t.bySection[sec][norm]; !dup {
					t.bySection[sec][norm] = keyRef{f, names[0]}
				}
				t.suggestions[sec] = append(t.suggestions[sec], suggestion{norm, name, sec, countLetters(norm)})
			}
		}
	}
	for _, name := range []string{"Stage", "Layer", "Level", "Lesion", "Biopsy"} {
		t.suggestions[secLesion] = append(t.suggestions[secLesion], suggestion{letters(name), name, secLesion, countLetters(letters(name))})
	}
	return t
})

// keyTable is the parsed synonym table.
type keyTable struct {
	bySection   map[section]map[string]keyRef
	suggestions map[section][]suggestion
}

// keyRef is what a normalised key means in one section.
type keyRef struct {
	field field
	name  string // the synonym as the table writes it
}

type suggestion struct {
	letters string
	name    string
	section section
	counts  letterCounts // how often each letter stands in letters
}

// letterCounts counts the letters a to z of a key. Each edit of the
// distance below changes the counts by at most 2 (a substitution), so half
// the counts' difference bounds the distance from below: most keys are
// ruled out without computing it.
type letterCounts [26]uint8

func countLetters(s string) letterCounts {
	var c letterCounts
	for i := 0; i < len(s); i++ {
		if c[s[i]-'a'] < 255 {
			c[s[i]-'a']++
		}
	}
	return c
}

// boundBy reports whether the counts of two keys allow a distance of at
// most limit.
func (c *letterCounts) boundBy(o *letterCounts, limit int) bool {
	diff := 0
	for i := range c {
		d := int(c[i]) - int(o[i])
		if d < 0 {
			d = -d
		}
		diff += d
	}
	return (diff+1)/2 <= limit
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

// startsFold reports whether s starts with prefix, in any case.
func startsFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// lettersEqual reports whether the letters of s, lower-cased, are word, as
// letters(s) == word does, without building the string.
func lettersEqual(s, word string) bool {
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		default:
			continue
		}
		if j == len(word) || word[j] != c {
			return false
		}
		j++
	}
	return j == len(word)
}

// lookup finds the field a key names in a section. The key's letters are
// gathered on the stack: indexing a map by string(bytes) allocates nothing.
func lookup(sec section, key string) (keyRef, bool) {
	if rest, ok := strings.CutPrefix(strings.TrimSpace(key), "2°"); ok {
		key = "secondary " + rest // "2°def": keys are compared by their letters, which would drop the "2°"
	}
	if open := strings.IndexByte(key, '('); open > 0 && strings.HasSuffix(strings.TrimSpace(key), ")") {
		if ref, ok := lookup(sec, key[:open]); ok {
			return ref, true // "Repair Length (cm)", "Map drawn (Y/N)"
		}
	}
	var buf [maxKeyLetters]byte
	b := buf[:0]
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			continue
		}
		if len(b) == len(buf) {
			return keyRef{}, false // longer than any key
		}
		b = append(b, c)
	}
	ref, ok := keyTables().bySection[sec][string(b)]
	if !ok && strings.Contains(key, " / ") {
		for part := range strings.SplitSeq(key, " / ") {
			if ref, ok = lookup(sec, part); ok {
				return ref, true // "Sitio / Site", a bilingual form's key
			}
		}
	}
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
	counts := countLetters(l)
	suggestions := keyTables().suggestions
	for _, sec := range sections {
		keys := suggestions[sec]
		for i := range keys {
			known := &keys[i]
			if abs(len(known.letters)-len(l)) >= bestDist || !counts.boundBy(&known.counts, bestDist-1) {
				continue
			}
			if d := distance(l, known.letters); d < bestDist {
				best, bestDist = *known, d
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
