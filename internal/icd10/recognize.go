package icd10

import (
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/phrase"

	"fmt"
	"slices"
	"strings"
)

// Recognition is what [Recognize] found in a diagnosis text.
//
// Exactly one of these holds for a text that is not blank: Histology is set (a confirmed
// diagnosis), Unconfirmed is true, or NotMohs is true. For a blank text every field is zero
// (the caller reports diagnosis-missing).
type Recognition struct {
	// Histology is the confirmed histology; empty when the text confirms none.
	Histology Histology
	// Subtype is the subtype the text gives for Histology ("nodular", "keratoacanthoma type",
	// "well differentiated"); several are joined with ", " (the diagnosis phrase's own first,
	// then in text order); empty when none.
	Subtype string
	// Matched is the phrase as written in the text that decided the result: the diagnosis
	// (with a following "in situ"), the diagnosis under the cue when Unconfirmed, or the
	// benign diagnosis when NotMohs (empty when the text names nothing known).
	Matched string
	// Unconfirmed is true when the text names a histology only under a negation or
	// uncertainty cue ("rule out", "history of", "suspicious for", "versus", …): it does not
	// count as the diagnosis (diagnosis-unconfirmed).
	Unconfirmed bool
	// Tentative is the histology named under the cue when Unconfirmed.
	Tentative Histology
	// Cue is the cue as written in the text when Unconfirmed.
	Cue string
	// NotMohs is true when the text names no malignancy coded here: a benign or premalignant
	// diagnosis ("seborrheic keratosis", "actinic keratosis", "nevus") or nothing recognised
	// (diagnosis-not-mohs).
	NotMohs bool
}

// Recognize reads a diagnosis text. Matching is case-insensitive (a few abbreviations that are
// also words count only in capitals: MIS, MAC, SK, AK, KA), by whole words, longest phrase
// first ("lentigo maligna melanoma" is melanoma, "lentigo maligna" is melanoma in situ,
// "SCC in situ" is not invasive SCC), and ignores punctuation within a clause.
func Recognize(text string) Recognition {
	lx := tables().lex
	var tokBuf [48]token
	var wordBuf [48]phrase.Word
	var hitBuf [16]hit
	toks, words := lx.tokenize(text, tokBuf[:0], wordBuf[:0], false)
	if len(toks) == 0 {
		if strings.TrimSpace(text) == "" {
			return Recognition{}
		}
		return Recognition{NotMohs: true}
	}
	hits := lx.match(toks, words, hitBuf[:0])
	lx.applyCues(hits)
	lx.applyInSitu(hits)

	var r Recognition
	first := -1   // first confirmed diagnosis
	hedged := -1  // first diagnosis under a cue
	notMohs := -1 // first not-Mohs diagnosis
	for i := range hits {
		h := &hits[i]
		switch lx.entries[h.entry].kind {
		case kindDx:
			if h.cue < 0 && first < 0 {
				first = i
			}
			if h.cue >= 0 && hedged < 0 {
				hedged = i
			}
		case kindNotMohs:
			if notMohs < 0 || (hits[notMohs].cue >= 0 && h.cue < 0) {
				notMohs = i
			}
		}
	}
	switch {
	case first >= 0:
		first = lx.refined(hits, first)
		h := hits[first]
		r.Histology = h.hist
		r.Matched = text[h.start:h.end]
		r.Subtype = lx.subtypes(hits, first)
	case hedged >= 0:
		h := hits[hedged]
		r.Unconfirmed = true
		r.Tentative = h.hist
		r.Matched = text[h.start:h.end]
		c := hits[h.cue]
		r.Cue = text[c.start:c.end]
	default:
		r.NotMohs = true
		if notMohs >= 0 {
			h := hits[notMohs]
			r.Matched = text[h.start:h.end]
		}
	}
	return r
}

// refined returns the hit that names a variant of the histology of hits[at]
// without a cue ("basal cell carcinoma, basosquamous type": basosquamous), or at.
func (lx *lexicon) refined(hits []hit, at int) int {
	hist := tables().hist
	for i, h := range hits {
		if h.cue < 0 && lx.entries[h.entry].kind == kindDx && slices.Contains(hist[h.hist].refines, hits[at].hist) {
			return i
		}
	}
	return at
}

// applyCues marks every hit in the scope of a cue with that cue: a cue covers the hits of its
// clause after it, before it, or both. The nearest cue wins.
func (lx *lexicon) applyCues(hits []hit) {
	for ci := range hits {
		c := lx.entries[hits[ci].entry]
		if c.kind != kindCue {
			continue
		}
		for i := range hits {
			h := &hits[i]
			if i == ci || h.seg != hits[ci].seg || lx.entries[h.entry].kind == kindCue {
				continue
			}
			after := i > ci && c.scope&scopeAfter != 0
			before := i < ci && c.scope&scopeBefore != 0
			if !after && !before {
				continue
			}
			if h.cue < 0 || abs(i-ci) < abs(i-int(h.cue)) {
				h.cue = int32(ci)
			}
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// applyInSitu turns a diagnosis directly followed by an "in situ" modifier (only punctuation
// between: "SCC, in situ", "melanoma (in situ)") into its in-situ histology.
func (lx *lexicon) applyInSitu(hits []hit) {
	hist := tables().hist
	for i := 1; i < len(hits); i++ {
		m, d := &hits[i], &hits[i-1]
		if lx.entries[m.entry].kind != kindInSitu || lx.entries[d.entry].kind != kindDx || d.tokEnd != m.tokStart {
			continue
		}
		if to := hist[d.hist].inSitu; to != "" {
			d.hist = to
			d.end = m.end
		}
	}
}

// subtypes collects the subtypes of the diagnosis hits[at]: its own, then those of every other
// unhedged subtype phrase that applies to its histology and every other unhedged diagnosis of
// the same histology, in text order, without repeats.
func (lx *lexicon) subtypes(hits []hit, at int) string {
	want := hits[at].hist
	var list [8]string
	n := 0
	addSub := func(s string) {
		if s == "" {
			return
		}
		for _, x := range list[:n] {
			if x == s {
				return
			}
		}
		if n < len(list) {
			list[n] = s
			n++
		}
	}
	addSub(lx.entries[hits[at].entry].subtype)
	for i, h := range hits {
		if i == at || h.cue >= 0 {
			continue
		}
		e := lx.entries[h.entry]
		switch e.kind {
		case kindDx:
			if h.hist == want {
				addSub(e.subtype)
			}
		case kindSubtype:
			for _, a := range e.applies {
				if a == want {
					addSub(e.subtype)
					break
				}
			}
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:n], ", ")
}

// Issues returns the finding a recognition stands for: diagnosis-unconfirmed when Unconfirmed,
// diagnosis-not-mohs when NotMohs, none otherwise (a blank text gives none: the caller reports
// diagnosis-missing).
func (r Recognition) Issues() []diag.Finding {
	switch {
	case r.Unconfirmed:
		return []diag.Finding{finding(DiagnosisUnconfirmed, fmt.Sprintf("%q is named only under %q: not a confirmed diagnosis, not coded", r.Matched, r.Cue))}
	case r.NotMohs && r.Matched != "":
		return []diag.Finding{finding(DiagnosisNotMohs, fmt.Sprintf("%q is not a malignancy treated and coded as Mohs surgery", r.Matched))}
	case r.NotMohs:
		return []diag.Finding{finding(DiagnosisNotMohs, "the diagnosis names no recognised skin malignancy")}
	}
	return nil
}
