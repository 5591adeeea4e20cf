package codetable

import (
	"fmt"
	"maps"
	"slices"
)

// Family names: the size-table families, as accepted by Groups. The repair classes
// are the class argument of Linear; the graft kinds are the kind argument of Graft.
const (
	FamilyMohs           = "mohs"            // Mohs site classes H and T
	FamilySimple         = "simple"          // simple linear repair
	FamilyIntermediate   = "intermediate"    // intermediate (layered) linear repair
	FamilyComplex        = "complex"         // complex linear repair
	FamilyFlap           = "flap"            // adjacent tissue transfer
	FamilyFullThickness  = "full-thickness"  // full-thickness skin graft
	FamilySplitThickness = "split-thickness" // split-thickness skin graft
	FamilyExcision       = "excision"        // malignant lesion excision
)

// Linear returns the lines of a linear repair of the given class (FamilySimple,
// FamilyIntermediate or FamilyComplex) and site group, for the total length in cm of
// the class's repairs in that group. The length is rounded half-up to one decimal
// first. A complex total over 7.5 cm yields the 2.6–7.5 code once and the add-on code
// for each further 5 cm or part.
//
// The complex table has no row at or below 1.0 cm: such a total returns an error
// wrapping ErrSizeNotCovered, and the caller codes it as intermediate. An unknown
// class or group returns an error wrapping ErrUnknownKey.
func Linear(class, group string, totalCM float64) ([]Line, error) {
	return tab().lookup(linearFile, class, group, totalCM)
}

// Flap returns the lines of one adjacent tissue transfer in the given site group, for
// its area in sq cm (primary plus secondary defect), rounded half-up to one decimal
// first: the group's code up to 10.0 and from 10.1 to 30.0 sq cm; 14301 for any group
// from 30.1 to 60.0; beyond 60, 14301 once and 14302 for each further 30 sq cm or part.
// An unknown group returns an error wrapping ErrUnknownKey.
func Flap(group string, areaSqCM float64) ([]Line, error) {
	return tab().lookup(flapFile, FamilyFlap, group, areaSqCM)
}

// Graft returns the lines of a skin graft of the given kind (FamilyFullThickness or
// FamilySplitThickness) and recipient group, for the recipient area in sq cm summed
// over the encounter, rounded half-up to one decimal first: the first code once for
// the first 20 sq cm (full thickness) or 100 sq cm (split thickness), and its add-on
// for each further 20 or 100 sq cm or part. An unknown kind or group returns an error
// wrapping ErrUnknownKey.
func Graft(kind, group string, areaSqCM float64) ([]Line, error) {
	return tab().lookup(graftFile, kind, group, areaSqCM)
}

// Excision returns the line (one unit) of a malignant lesion excision in the given
// site group, for the excised diameter in cm, rounded half-up to one decimal first.
// An unknown group returns an error wrapping ErrUnknownKey.
func Excision(group string, diameterCM float64) (Line, error) {
	lines, err := tab().lookup(excisionFile, FamilyExcision, group, diameterCM)
	if err != nil {
		return Line{}, err
	}
	return lines[0], nil
}

// Groups returns the site group ids of a family (one of the Family constants), sorted;
// for FamilyMohs, the site classes. It returns nil for an unknown family.
func Groups(family string) []string {
	if family == FamilyMohs {
		return slices.Sorted(maps.Keys(tab().mohs))
	}
	var groups []string
	for k := range tab().sized {
		if k.family == family {
			groups = append(groups, k.group)
		}
	}
	slices.Sort(groups)
	return groups
}

// lookup finds the row of family and group in the given size table file that covers
// size and returns its lines.
func (t *tables) lookup(file, family, group string, size float64) ([]Line, error) {
	if t.familyFile[family] != file {
		return nil, fmt.Errorf("codetable: %w: no family %q in %s", ErrUnknownKey, family, file)
	}
	rows, ok := t.sized[sizeKey{family, group}]
	if !ok {
		return nil, fmt.Errorf("codetable: %w: %s has no group %q", ErrUnknownKey, family, group)
	}
	tenths, err := toTenths(size)
	if err != nil {
		return nil, fmt.Errorf("codetable: %s, %s: %w", family, group, err)
	}
	for _, r := range rows {
		if r.covers(tenths) {
			return r.lines(tenths), nil
		}
	}
	return nil, fmt.Errorf("codetable: %s, %s: %w: %s is below the first row (%s)",
		family, group, ErrSizeNotCovered, formatTenths(tenths), formatTenths(rows[0].min))
}
