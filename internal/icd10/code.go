package icd10

import (
	"github.com/mohscode/mohscode/internal/diag"

	"fmt"
	"strings"
)

// Side and eyelid-part values as the code table spells them.
const (
	sideLeft  = "left"
	sideRight = "right"
	partUpper = "upper"
	partLower = "lower"
)

// siteEyelid is the one site where the C44 histology digit may differ (3: sebaceous).
const siteEyelid = "eyelid"

// Input is what [Code] needs for one lesion. All fields are plain strings, matched
// case-insensitively and with surrounding spaces ignored.
type Input struct {
	// Histology is the recognised histology; empty gives an empty Result.
	Histology Histology
	// ICDSite is the anatomy package's ICD-10 group id: lip, vermilion, eyelid, ear, nose, face,
	// scalp-neck, anal, breast, trunk, upper-limb, lower-limb, genital. Empty gives an empty
	// Result (the site findings are the anatomy step's).
	ICDSite string
	// Side is left, right, bilateral, midline or empty (L, R, Lt, Rt are read as left and right).
	// Only the ear, the limbs and the eyelid use it.
	Side string
	// EyelidPart is upper, lower or empty; only the eyelid uses it.
	EyelidPart string
}

// Result is the ICD-10-CM code of one lesion.
type Result struct {
	// Code is the ICD-10-CM code with its dot (C44.311, C44.1121); empty when there is none.
	Code string
	// Description is ours, not the official title: "Basal cell carcinoma of skin of nose".
	// Set whenever Code is.
	Description string
	// Issues are the table's findings: laterality-missing (with the unspecified code) and
	// diagnosis-code-review (no code for the site, or a code to check for the histology).
	Issues []diag.Finding
}

// Code looks a lesion up in the section-9 table of docs/coding-rules.md.
//
//   - Lip, nose, other face, scalp and neck, anal skin, breast skin and other trunk have one
//     code per histology.
//   - Ear, upper and lower limb need a side: without left or right (bilateral, midline or none)
//     the unspecified-side code is used, with laterality-missing.
//   - The eyelid needs a side and upper or lower (seven-character C44 codes); without either, the
//     unspecified-eyelid code is used, with laterality-missing.
//   - Genital skin and the vermilion get no code and diagnosis-code-review.
//   - A histology whose code coders disagree on (basosquamous: C44 digit 9) gets its code and
//     diagnosis-code-review.
//   - An unknown site or histology gets no code and diagnosis-code-review.
func Code(in Input) Result {
	if in.Histology == "" {
		return Result{}
	}
	d := tables()
	info, ok := d.hist[in.Histology]
	if !ok {
		return review(fmt.Sprintf("unknown histology %q: code the diagnosis by hand", in.Histology))
	}
	site := strings.ToLower(strings.TrimSpace(in.ICDSite))
	if site == "" {
		return Result{}
	}
	s, ok := d.sites[site]
	if !ok {
		return review(fmt.Sprintf("no ICD-10-CM code table for site group %q: code the diagnosis by hand", in.ICDSite))
	}

	side, part := normSide(in.Side), normPart(in.EyelidPart)
	if !s.sided {
		side = ""
	}
	if !s.parted {
		part = ""
	}
	row := s.rows[s.fallback]
	found := !s.sided
	if s.sided && side != "" && (part != "" || !s.parted) {
		for _, r := range s.rows {
			if r.side == side && r.part == part {
				row, found = r, true
				break
			}
		}
	}
	if row.review != "" {
		return review(fmt.Sprintf("%s of %s: %s", info.name, row.skin, row.review))
	}

	code := row.codes[info.family]
	if info.family == familyC44 {
		digit := info.digit
		if site == siteEyelid {
			digit = info.eyelidDigit
		}
		code = strings.Replace(code, "x", string(digit), 1)
	}
	res := Result{Code: code, Description: info.name + " of " + row.skin}
	if !found {
		res.Issues = append(res.Issues, finding(LateralityMissing, lateralityMessage(site, in, side, s.parted, part, code)))
	}
	if info.review != "" {
		res.Issues = append(res.Issues, finding(DiagnosisCodeReview, fmt.Sprintf("%s: %s", code, info.review)))
	}
	return res
}

func review(msg string) Result {
	return Result{Issues: []diag.Finding{finding(DiagnosisCodeReview, msg)}}
}

// normSide returns left or right, or "" for anything that names no single side.
func normSide(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "left", "l", "lt":
		return sideLeft
	case "right", "r", "rt":
		return sideRight
	}
	return ""
}

// normPart returns upper or lower, or "".
func normPart(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "upper":
		return partUpper
	case "lower":
		return partLower
	}
	return ""
}

// lateralityMessage says what is missing and which code was used instead.
func lateralityMessage(site string, in Input, side string, parted bool, part, code string) string {
	var what []string
	switch raw := strings.TrimSpace(in.Side); {
	case side != "":
	case raw == "":
		what = append(what, "no side documented")
	default:
		what = append(what, fmt.Sprintf("side %q is not left or right", raw))
	}
	if parted && part == "" {
		if raw := strings.TrimSpace(in.EyelidPart); raw == "" {
			what = append(what, "upper or lower eyelid not documented")
		} else {
			what = append(what, fmt.Sprintf("eyelid part %q is not upper or lower", raw))
		}
	}
	return fmt.Sprintf("%s: %s; coded with the unspecified code %s", site, strings.Join(what, ", "), code)
}
