package codetable

import (
	"errors"
	"fmt"
	"math"
)

// ErrUnknownKey is wrapped by look-up errors for a class, kind or site group that the
// table does not have.
var ErrUnknownKey = errors.New("unknown class, kind or group")

// ErrSizeNotCovered is wrapped by look-up errors for a size that no row of the table
// covers: zero, negative or not a number, or below the table's first row (the complex
// repair table starts at 1.1 cm).
var ErrSizeNotCovered = errors.New("size not covered by the table")

// Line is one claim line a table yields: a code and its number of units.
type Line struct {
	// Code is the CPT code.
	Code string
	// Units is the number of units, at least 1.
	Units int
}

// openEnd is the max of a row with no upper bound.
const openEnd = math.MaxInt

// maxTenths bounds the sizes the tables accept (100,000.0), far beyond any real
// defect, so that the integer arithmetic on tenths cannot overflow.
const maxTenths = 1_000_000

// roundingSlack absorbs binary floating-point error when scaling to tenths: 2.55 is
// stored as 2.54999…, which must still round to 2.6. It is a millionth of a tenth.
const roundingSlack = 1e-6

// RoundHalfUp1 rounds x half-up to one decimal: 2.55 → 2.6, 2.45 → 2.5, 2.549 → 2.5.
// It works in tenths with a small slack, so decimal halves round up even though they
// are not exact in binary. Halves round towards positive infinity (-2.55 → -2.5).
// NaN and infinities are returned unchanged.
func RoundHalfUp1(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	return math.Floor(x*10+0.5+roundingSlack) / 10
}

// toTenths rounds a size half-up to whole tenths. It fails for sizes that are not
// positive finite numbers of at most maxTenths tenths.
func toTenths(x float64) (int, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%w: %v is not a number", ErrSizeNotCovered, x)
	}
	t := math.Floor(x*10 + 0.5 + roundingSlack)
	if t < 1 || t > maxTenths {
		return 0, fmt.Errorf("%w: %v is outside 0.1–%d.0", ErrSizeNotCovered, x, maxTenths/10)
	}
	return int(t), nil
}

// sizeRow is one row of a size table: the inclusive range [min, max] in tenths,
// the code it yields once, and an optional add-on with units
// ⌈(size − addonFrom) / addonPer⌉ when the size exceeds addonFrom.
type sizeRow struct {
	min, max  int
	code      string
	addon     string
	addonFrom int
	addonPer  int
}

// covers reports whether the row's range holds t tenths.
func (r sizeRow) covers(t int) bool { return r.min <= t && t <= r.max }

// lines returns the claim lines of the row for a size of t tenths.
func (r sizeRow) lines(t int) []Line {
	out := make([]Line, 1, 2)
	out[0] = Line{Code: r.code, Units: 1}
	if r.addon != "" && t > r.addonFrom {
		out = append(out, Line{Code: r.addon, Units: (t - r.addonFrom + r.addonPer - 1) / r.addonPer})
	}
	return out
}

// formatTenths renders tenths as a one-decimal number, "open" for no bound.
func formatTenths(t int) string {
	if t == openEnd {
		return "open"
	}
	return fmt.Sprintf("%d.%d", t/10, t%10)
}

// checkRows validates the rows of one (family, group), sorted by min: each range is
// non-empty, each row starts one tenth after the previous one ends (no gap, no
// overlap), the last row has no upper bound, and add-ons are complete.
func checkRows(rows []sizeRow) error {
	if len(rows) == 0 {
		return errors.New("no rows")
	}
	for i, r := range rows {
		switch {
		case r.min < 1:
			return fmt.Errorf("row %s–%s: starts below 0.1", formatTenths(r.min), formatTenths(r.max))
		case r.max < r.min:
			return fmt.Errorf("row %s–%s: max below min", formatTenths(r.min), formatTenths(r.max))
		case r.addon != "" && r.addonPer < 1:
			return fmt.Errorf("row %s–%s: add-on %s needs a step of at least 0.1", formatTenths(r.min), formatTenths(r.max), r.addon)
		}
		if i == 0 {
			continue
		}
		prev := rows[i-1]
		switch {
		case prev.max == openEnd:
			return fmt.Errorf("row %s–%s follows a row with no upper bound", formatTenths(r.min), formatTenths(r.max))
		case r.min <= prev.max:
			return fmt.Errorf("rows overlap: %s–%s and %s–%s", formatTenths(prev.min), formatTenths(prev.max), formatTenths(r.min), formatTenths(r.max))
		case r.min > prev.max+1:
			return fmt.Errorf("gap between %s and %s", formatTenths(prev.max), formatTenths(r.min))
		}
	}
	if last := rows[len(rows)-1]; last.max != openEnd {
		return fmt.Errorf("last row ends at %s: needs no upper bound", formatTenths(last.max))
	}
	return nil
}
