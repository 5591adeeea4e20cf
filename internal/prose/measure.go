package prose

import (
	"slices"
	"strconv"

	"github.com/mohscode/mohscode/internal/model"
)

// The size grammar the readers accept, over tokens:
//
//	Measure = Approx? Dim ( ( "x" | "by" | "*" ) Dim )* ( "(" Area ")" )?
//	Dim     = Number Unit?          (at least one Dim has a unit)
//	Number  = digits | spelled ( "point" digit-word+ )?   ("two point one", "forty-five")
//	Area    = Number ( "sq" "."? ( "cm" | "centimeters" ) | "square" "cm" | "cm2" )
//	Unit    = "cm" | "mm" | "cm2" | "sq" "."? "cm" | "centimeter(s)" | "millimeter(s)" (or "-metre(s)")

// unit reads a unit at token i: the divisor that makes it cm (10 for mm),
// whether it is an area, and the token after it.
func (p *para) unit(i, end int) (div float64, area bool, next int, ok bool) {
	if i >= end {
		return 0, false, i, false
	}
	switch p.w(i) {
	case "cm", "centimeter", "centimeters", "centimetre", "centimetres":
		return 1, false, i + 1, true
	case "mm", "millimeter", "millimeters", "millimetre", "millimetres":
		return 10, false, i + 1, true
	case "cm2":
		return 1, true, i + 1, true
	case "sq", "square":
		j := i + 1
		if j < end && p.w(j) == "." {
			j++
		}
		if j < end && (p.w(j) == "cm" || p.w(j) == "centimeters" || p.w(j) == "centimetres") {
			return 1, true, j + 1, true
		}
	}
	return 0, false, i, false
}

// number reads a number token.
func (p *para) number(i int) (float64, bool) {
	if i >= len(p.toks) || p.toks[i].kind != kNum {
		return 0, false
	}
	v, err := strconv.ParseFloat(p.w(i), 64)
	return v, err == nil
}

// numberAt reads a number at token i (before end): digits, or a number
// spelled as a dictation transcribes it ("two point one", "forty-five",
// "three point two five"). It returns the token after it.
func (p *para) numberAt(i, end int) (float64, int, bool) {
	if i >= end {
		return 0, i, false
	}
	if v, ok := p.number(i); ok {
		return v, i + 1, true
	}
	v, j, ok := p.spelledWhole(i, end)
	if !ok {
		return 0, i, false
	}
	if j+1 < end && p.w(j) == "point" {
		frac, scale, k := 0.0, 0.1, j+1
		for k < end {
			d, ok := digitWord(p.w(k))
			if !ok {
				break
			}
			frac += float64(d) * scale
			scale /= 10
			k++
		}
		if k > j+1 {
			v, j = v+frac, k
		}
	}
	return v, j, true
}

// spelledWhole reads a whole number below a hundred spelled in words at
// token i: "seven", "eighteen", "forty", "forty-five", "forty five".
func (p *para) spelledWhole(i, end int) (float64, int, bool) {
	if d, ok := digitWord(p.w(i)); ok {
		return float64(d), i + 1, true
	}
	if n := teens(p.w(i)); n > 0 {
		return float64(n), i + 1, true
	}
	t := tens(p.w(i))
	if t == 0 {
		return 0, i, false
	}
	j := i + 1
	if j+1 < end && p.w(j) == "-" {
		j++
	}
	if j < end {
		if d, ok := digitWord(p.w(j)); ok && d > 0 {
			return float64(t + d), j + 1, true
		}
	}
	return float64(t), i + 1, true
}

// digitWord is the digit a word spells: "zero" (or "oh") to "nine".
func digitWord(w string) (int, bool) {
	switch w {
	case "zero", "oh":
		return 0, true
	case "single":
		return 0, false
	}
	if n := cardinal(w); n > 0 && n < 10 {
		return n, true
	}
	return 0, false
}

// teens is the number a word from "ten" to "nineteen" spells, or 0.
func teens(w string) int {
	if n := cardinal(w); n >= 10 {
		return n
	}
	switch w {
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	}
	return 0
}

// tens is the number a word from "twenty" to "ninety" spells, or 0.
func tens(w string) int {
	switch w {
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}

// measure reads a size starting at token i (before end). It returns the
// size in cm (or sq cm) and the token after it.
func (p *para) measure(i, end int) (model.Size, int, bool) {
	var sz model.Size
	if p.comparedAt(i) {
		return sz, i, false
	}
	if i < end && approxWord(p.w(i)) {
		i++
		if i < end && p.w(i) == "." {
			i++
		}
	}
	var dims [4]float64
	var hasUnit [4]bool
	nd := 0
	j := i
	var factor float64 = 0
	isArea := false
	anyUnit := false
	for nd < len(dims) {
		v, nx, ok := p.numberAt(j, end)
		if !ok || j >= end {
			break
		}
		j = nx
		dims[nd] = v
		if f, a, nx, ok := p.unit(j, end); ok {
			anyUnit = true
			factor, isArea = f, a
			for k := nd; k >= 0 && !hasUnit[k]; k-- { // "2.8 x 2.4 cm": the unit is both dims'
				dims[k] /= f
				hasUnit[k] = true
			}
			j = nx
		}
		nd++
		if j < end && (p.w(j) == "x" || p.w(j) == "by" || p.w(j) == "*") {
			if _, _, ok := p.numberAt(j+1, end); ok {
				j++
				continue
			}
		}
		break
	}
	if nd == 0 || !anyUnit || !hasUnit[nd-1] || factor == 0 {
		return sz, i, false
	}
	if j < end && slices.Contains(distanceWords, p.w(j)) {
		return sz, i, false // "the two defects, 1.2 cm apart": a distance, not a size
	}
	if isArea {
		if nd != 1 {
			return sz, i, false
		}
		sz.AreaSq = dims[0]
	} else {
		sz.Dims = append(make([]float64, 0, nd), dims[:nd]...)
		// "1.5 x 1.3 cm (1.95 sq cm)": the explicit area too.
		if j+1 < end && p.w(j) == "(" {
			if v, ok := p.number(j + 1); ok {
				if _, a, nx, ok := p.unit(j+2, end); ok && a && nx < end && p.w(nx) == ")" {
					sz.AreaSq = v
					j = nx + 1
				}
			}
		}
	}
	sz.Line, _ = p.pos(i)
	return sz, j, true
}

// distanceWords after a length make it a distance between two places, not
// the size of anything: "1.2 cm apart", "3 mm below the lash line", "2 cm
// from the alar rim".
var distanceWords = []string{"apart", "away", "from", "below", "above", "beneath"}

// comparedAt reports whether the number at token i follows a comparison
// ("size > 2 cm", "greater than 1 cm", "at least 6 mm"): a criterion, not
// a measurement.
func (p *para) comparedAt(i int) bool {
	if i < 1 {
		return false
	}
	switch p.w(i - 1) {
	case ">", "<", "≥", "≤", "over", "under", "exceeding", "exceeds", "above", "below":
		return true
	case "than":
		return i >= 2 && slices.Contains([]string{"greater", "more", "larger", "bigger", "less", "smaller"}, p.w(i-2))
	case "least", "most":
		return i >= 2 && p.w(i-2) == "at"
	case "to":
		return i >= 2 && p.w(i-2) == "up"
	}
	return false
}

// measureAfter finds the first size in tokens [from, end) no further than
// within words away, stopping at a sentence-internal ";".
func (p *para) measureAfter(from, end, within int) (model.Size, int, int, bool) {
	words := 0
	for i := from; i < end && words <= within; i++ {
		if p.w(i) == ";" {
			break
		}
		if _, _, ok := p.numberAt(i, end); ok {
			if sz, nx, ok := p.measure(i, end); ok {
				return sz, i, nx, true
			}
		}
		if p.toks[i].kind == kWord {
			words++
		}
	}
	return model.Size{}, 0, 0, false
}
