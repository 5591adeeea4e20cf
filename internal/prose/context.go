package prose

import "strings"

// Context flags: what the scopes covering a token say about it.
const (
	fNeg  uint8 = 1 << iota // negated ("no residual tumor")
	fUnc                    // uncertain ("possible residual", "could not be excluded")
	fHist                   // historical ("prior", "previously")
	fHyp                    // hypothetical ("a flap was considered")
	fBack                   // the scope of a post-trigger ("a second stage was not required")
)

const (
	preWindow  = 6  // words a pre-trigger reaches forward (NegEx: five to six)
	postWindow = 8  // words a post-trigger reaches back
	hypWindow  = 16 // words a hypothesis reaches: lists of options are long
)

// scopes runs the NegEx/ConText scope reader over the paragraph: every
// trigger flags the words in its scope. A scope ends at the sentence end, at a
// terminator ("but", "which", …), at ";" or ":", at a checkbox "[", after
// its window of words, and at "and" or "," once the words it has passed hold a
// verb of their own ("no tumor was seen and the margins were clear": the
// margins are not negated).
func (p *para) scopes() {
	p.ctx = grow(p.ctx, len(p.toks))
	si := 0
	for _, h := range p.m.hits {
		if !h.cat.trigger() {
			continue
		}
		for si < len(p.sents) && int(h.lo) >= p.sents[si].hi {
			si++
		}
		if si == len(p.sents) {
			break
		}
		s := p.sents[si]
		{
			var flag uint8
			pre := true
			switch h.cat {
			case cNegPre:
				flag = fNeg
			case cNegPost:
				flag, pre = fNeg, false
			case cUncPre:
				flag = fUnc
			case cUncPost:
				flag, pre = fUnc, false
			case cHistPre:
				flag = fHist
			case cHistPost:
				if n := int(h.hi); n < s.hi && p.toks[n].kind == kWord && strings.HasSuffix(p.w(n), "ed") {
					// "carcinoma of the nasal tip, previously excised in 2019":
					// before a participle "previously" dates what follows it
					// (as a pre-trigger), not the tumor before it
					continue
				}
				flag, pre = fHist, false
			case cHypPre:
				flag = fHyp
			case cHypPost:
				flag, pre = fHyp, false
			default:
				continue
			}
			if pre {
				// A pre-trigger's own words after the first are in scope too:
				// "no residual" negates "residual".
				ownVerb := false // "options were discussed": a trigger with a verb of its own
				for k := int(h.lo) + 1; k < int(h.hi); k++ {
					p.ctx[k] |= flag
					ownVerb = ownVerb || verb(p.w(k))
				}
				p.scopeForward(int(h.hi), s.hi, flag, h.cat == cNegPre && p.w(int(h.lo)) == "without", ownVerb)
			} else {
				// A post-trigger's own words after the first are in scope too:
				// "not involved" negates "involved".
				for k := int(h.lo) + 1; k < int(h.hi); k++ {
					p.ctx[k] |= flag
				}
				p.scopeBack(int(h.lo)-1, s.lo, flag|fBack)
			}
		}
	}
	p.pastSentences()
}

// pastSentences flags as historical every word of a sentence that tells of
// Mohs surgery in the past ("had Mohs", "prior Mohs") or of a tumor removed
// a year ago or more ("… was excised by his dermatologist last year", "She
// had a squamous cell carcinoma of the right shin excised in 2022") and
// names no stage, no biopsy, nothing of today, no recurrence (presentWords)
// and no indication: its tumors and sites are another day's, however long
// its list.
func (p *para) pastSentences() {
	p.pastParentheses()
	for _, s := range p.sents {
		if s.any(cToday) {
			continue
		}
		mohs, year, removed := false, false, false
		for i := s.lo; i < s.hi; i++ {
			hist := p.has(i, cHistPre) || p.has(i, cHistPost)
			switch w := p.w(i); {
			case w == "mohs" && i > s.lo && (p.has(i-1, cHistPre) || p.w(i-1) == "of" && hist):
				mohs = true // "had Mohs", "prior Mohs", "history of Mohs"
			case hist && (w == "year" || w == "years"), i > s.lo && p.w(i-1) == "in" && pastYear(w),
				i > s.lo+1 && month(p.w(i-1)) && p.w(i-2) == "in" && pastYear(w):
				year = true // "last year", "three years ago", "excised in 2017", "in March 2023"
			case w == "excised" || w == "removed" || w == "treated" || w == "destroyed" || w == "curetted" || w == "underwent":
				removed = true
			case presentWords[w] && p.ctx[i]&fNeg == 0: // not "both healed without recurrence"
				mohs, year = false, false // "a history of prior Mohs in 2019 on the right temple, now with …", "Recurrent basal cell carcinoma …, previously treated … three years ago"
				i = s.hi
			}
		}
		if p.pastHeading(s) {
			mohs = !s.any(cToday) // "Past history: BCC of the right nasal ala (Mohs, 2019), SCC in situ of the left hand (5-FU, 2022)."
		}
		if s.any(cStageNoun) && !(year && (mohs || removed)) {
			continue // today's stages; not "underwent Mohs surgery of the left nasal ala in March 2023, which required two stages"
		}
		if !mohs && (!year || !removed || s.any(cBiopsy) || s.any(cIndicationCue)) {
			continue // "biopsied last year": today's tumor, sampled then; "Indication: … of the vertex scalp, previously treated with electrodesiccation and curettage in 2024"
		}
		for i := s.lo; i < s.hi; i++ {
			p.ctx[i] |= fHist
		}
	}
}

// allPast reports whether pastSentences flagged every word of sentence s
// as historical.
func (p *para) allPast(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if p.ctx[i]&fHist == 0 {
			return false
		}
	}
	return s.hi > s.lo
}

// pastParentheses flags as historical a tumor that a parenthesis after it
// dates as treated in a past year ("squamous cell carcinoma of the left ear
// (Mohs 2022)", "basal cell carcinoma of the chest (excised 2014)"): the
// words back to the clause's start ("with", "and", a comma) and the
// parenthesis.
func (p *para) pastParentheses() {
	for k := range p.toks {
		if p.w(k) != "(" {
			continue
		}
		m, year, treated := k+1, false, false
		for ; m < len(p.toks) && m <= k+6 && p.w(m) != ")"; m++ {
			year = year || pastYear(p.w(m))
			switch p.w(m) {
			case "mohs", "excised", "removed", "treated", "resected", "excision", "fu", "imiquimod", "cryotherapy", "curettage", "radiation":
				treated = true
			}
		}
		if m >= len(p.toks) || p.w(m) != ")" || !year || !treated {
			continue
		}
		lo := k
		for lo > 0 && k-lo < 12 {
			w := p.w(lo - 1)
			if w == "," || w == ";" || w == "." || w == "and" || w == "with" || w == "of" && lo >= 2 && p.w(lo-2) == "history" {
				break
			}
			lo--
		}
		for i := lo; i <= m; i++ {
			p.ctx[i] |= fHist
		}
	}
}

// pastHeading reports whether sentence s opens with a heading of the past
// and its colon: "Past history:", "Past medical history:", "Past hx:", "PMH:".
func (p *para) pastHeading(s span) bool {
	k := s.lo
	if k < s.hi && p.w(k) == "past" {
		k++
	}
	if k < s.hi && (p.w(k) == "medical" || p.w(k) == "surgical" || p.w(k) == "dermatologic") {
		k++
	}
	if k >= s.hi || k == s.lo && p.w(k) != "pmh" || k > s.lo && p.w(k) != "history" && p.w(k) != "hx" {
		return false // "Past history:", "Past hx:", "PMH:"
	}
	return k+1 < s.hi && p.w(k+1) == ":"
}

// pastYear reports whether w is a year of four digits, 1950 to 2099.
func pastYear(w string) bool {
	if len(w) != 4 || w < "1950" || w > "2099" {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// presentWords say that a sentence of the past also tells of today's tumor.
var presentWords = map[string]bool{"now": true, "presents": true, "returns": true, "here": true,
	"recurrent": true, "recurred": true, "recurrence": true, "persistent": true}

// stopper reports whether token i ends any scope.
func (p *para) stopper(i int) bool {
	switch p.w(i) {
	case ";", ":", ".", "[", "?", "!":
		return true
	}
	return p.has(i, cTerm)
}

// backStopper is stopper for a backward scope, which crosses a colon: in
// "Map: not documented" the map is what is not documented.
func (p *para) backStopper(i int) bool {
	return p.w(i) == "(" || p.w(i) != ":" && p.stopper(i)
}

// verb reports whether token i is a finite verb that makes a clause of its own.
func verb(w string) bool {
	switch w {
	case "was", "were", "is", "are", "been", "showed", "had", "has":
		return true
	}
	return false
}

// pastPositive reports whether token i is a finite verb that puts tumor on
// a margin: "extended", "reached", "persisted" (not "involved", which also
// stands before a noun: "without involved margins").
func (p *para) pastPositive(i int) bool {
	w := p.w(i)
	return p.has(i, cPositive) && w != "involved" && len(w) > 2 && w[len(w)-2:] == "ed"
}

// decisionStart reports whether w opens a clause that says what was done
// after options: its subject, or a verb of choosing.
func decisionStart(w string) bool {
	switch w {
	case "i", "we", "elected", "chose", "decided", "opted", "agreed", "proceeded": // "… discussed the options and proceeded with a paramedian forehead flap"
		return true
	}
	return false
}

// conj reports whether token i joins two clauses or list members.
func conj(w string) bool { return w == "and" || w == "," || w == "or" }

// A "without" phrase modifies the noun before it and ends at the verb of
// that noun's clause (untilVerb): in "atypia without invasion extended to
// the peripheral margin" the atypia reached the margin. ownVerb says the
// trigger has a verb of its own ("options were discussed"): its scope ends
// at an "and" or "," that opens a clause ("… and a rotation flap was
// chosen"), not at one that goes on with its list ("…, including healing
// by second intention and a full-thickness skin graft").
func (p *para) scopeForward(from, end int, flag uint8, untilVerb, ownVerb bool) {
	words, sawVerb := 0, false
	window := preWindow
	if flag == fHyp {
		window = hypWindow
	}
	for i := from; i < end; i++ {
		t := &p.toks[i]
		// A hypothesis reaches across a label's colon ("Planned reconstruction:
		// …"), and so does a past history ("Past medical history: melanoma").
		w := p.w(i)
		if p.stopper(i) && !((flag == fHyp || flag == fHist) && w == ":") || w == ")" || sawVerb && conj(w) {
			return
		}
		if ownVerb && conj(w) && p.clauseAhead(i+1, end) {
			return // "Options were discussed, … and a rotation flap was chosen"
		}
		if flag == fHyp && w == "," && p.clauseAhead(i+1, end) {
			return // "Given … the risk of ectropion with a linear closure, a full-thickness skin graft was placed": the main clause is what was done
		}
		if conj(w) && i+1 < end && decisionStart(p.w(i+1)) {
			// "we discussed options and I repaired it with …", "… discussed
			// the options and elected to allow the wound to heal": a clause of
			// its own, what was done
			return
		}
		// "without perineural invasion, reached the deep margin": a comma
		// after the negated words ends a negation or uncertainty.
		if w == "," && words > 0 && flag != fHyp && !p.listGoesOn(from, i, end) {
			return
		}
		if untilVerb && (verb(w) || p.pastPositive(i)) {
			return
		}
		if verb(w) {
			sawVerb = true
		}
		p.ctx[i] |= flag
		if t.kind != kPunct {
			if words++; words >= window {
				return
			}
		}
	}
}

// listCats are the categories whose members a negation lists with commas:
// "no muscle, fascia or tendon was exposed", "no MART-1, SOX10 or …".
var listCats = []cat{cStructure, cStain, cOtherTissue}

// listGoesOn reports whether the comma at token i goes on with a list of
// what the scope from token from has already named: the word after the
// comma is of the same category as a word before it.
func (p *para) listGoesOn(from, i, end int) bool {
	if i+1 >= end {
		return false
	}
	for _, c := range listCats {
		if !p.has(i+1, c) {
			continue
		}
		for k := from; k < i; k++ {
			if p.has(k, c) {
				return true
			}
		}
	}
	return false
}

// clauseAhead reports whether the words from token i to the next "and",
// ",", "or" or stopper hold a verb: a clause of their own.
func (p *para) clauseAhead(i, end int) bool {
	for k := i; k < end && !conj(p.w(k)) && !p.stopper(k); k++ {
		if verb(p.w(k)) {
			return true
		}
	}
	return false
}

// scopeBack flags words before a post-trigger back to the clause start. At
// "and" or "," it stops when the words before it, from the sentence start,
// hold a verb: then they are a clause of their own ("a map was drawn and the
// margins were not clear").
func (p *para) scopeBack(from, start int, flag uint8) {
	words := 0
	window := postWindow
	if flag&fHyp != 0 {
		window = hypWindow
	}
	for i := from; i >= start; i-- {
		t := &p.toks[i]
		if p.backStopper(i) {
			return
		}
		if conj(p.w(i)) && p.clauseBefore(start, i) {
			return
		}
		p.ctx[i] |= flag
		if t.kind != kPunct {
			if words++; words >= window {
				return
			}
		}
	}
}

// clauseBefore reports whether tokens [start, i) after the last stopper hold a verb.
func (p *para) clauseBefore(start, i int) bool {
	for k := i - 1; k >= start && k >= i-40; k-- {
		if p.stopper(k) {
			return false
		}
		if verb(p.w(k)) {
			return true
		}
	}
	return false
}

// negated reports whether token i is in a negation scope.
func (p *para) negated(i int) bool { return p.ctx[i]&fNeg != 0 }

// uncertain reports whether token i is in an uncertainty scope.
func (p *para) uncertain(i int) bool { return p.ctx[i]&fUnc != 0 }
