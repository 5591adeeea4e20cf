package codetable

import (
	"strings"
	"unicode"
)

// StainKind is the billing class of a stain.
type StainKind int

// Stain kinds. The zero value is StainUnknown.
const (
	// StainUnknown is a name that is not in the stain vocabulary: no line.
	StainUnknown StainKind = iota
	// StainRoutine is H&E or toluidine blue, included in every Mohs code: no line.
	StainRoutine
	// StainHistochemical is a special histochemical stain (trichrome, PAS, …): 88314.
	StainHistochemical
	// StainImmuno is an immunohistochemistry antibody (MART-1, SOX10, …): 88342/88341.
	StainImmuno
)

// stainKinds maps the kind column of stains.csv to kinds.
var stainKinds = map[string]StainKind{
	StainRoutine.String():       StainRoutine,
	StainHistochemical.String(): StainHistochemical,
	StainImmuno.String():        StainImmuno,
}

// String returns the kind's name: "unknown", "routine", "histochemical" or "immuno".
func (k StainKind) String() string {
	switch k {
	case StainRoutine:
		return "routine"
	case StainHistochemical:
		return "histochemical"
	case StainImmuno:
		return "immuno"
	default:
		return "unknown"
	}
}

// ClassifyStain returns the kind of a stain name from the stain vocabulary. Matching
// ignores case, spaces, hyphens and other dashes, slashes, dots, underscores and
// apostrophes, and a trailing word saying what it is ("stain", "immunostain", "IHC",
// "immunohistochemistry"): "Melan A", "MART1", "S-100", "Sox-10", "H & E", "PAS stain"
// and "SOX10 IHC" all match. An empty or unlisted name is
// StainUnknown.
func ClassifyStain(name string) StainKind {
	return tab().stains[normStain(name)]
}

// normStain reduces a stain name to the spelling the vocabulary is keyed by.
func normStain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, suffix := range stainSuffixes {
		rest, ok := strings.CutSuffix(s, suffix)
		if !ok {
			continue
		}
		if trimmed := strings.TrimRightFunc(rest, isStainSeparator); trimmed != rest && trimmed != "" {
			s = trimmed
		}
		break
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !isStainSeparator(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stainSuffixes are words after a stain's name that say what it is, not
// which: "MART-1 immunostain", "SOX10 IHC", "PAS stain".
var stainSuffixes = []string{"immunohistochemical stains", "immunohistochemical stain", "immunohistochemistry",
	"immunostains", "immunostain", "ihc", "stains", "stain"}

// StainName returns the table's name of a known stain ("Melan A" →
// "Melan-A", "s-100" → "S100"), so that one stain written two ways counts
// once; "" for an unknown stain.
func StainName(name string) string {
	return tab().stainNames[normStain(name)]
}

// isStainSeparator reports whether r is a character stain matching ignores.
func isStainSeparator(r rune) bool {
	switch r {
	case '/', '.', '_', '\'', '\u2019':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r)
}
