package prose

import (
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/model"
)

// ---- map ----

// readMap reads "a map was drawn", "drawn on the Mohs map", "mapped and
// color-coded"; negated: "no map was drawn", "the map was not drawn".
func (st *state) readMap(p *para, s span) {
	if !s.any(cMap) {
		return
	}
	k := p.firstIn(s.lo, s.hi, cMap)
	if k < 0 || p.uncertain(k) || p.ctx[k]&fHyp != 0 || p.explainedBefore(s, k) {
		return
	}
	// "Maps drawn and kept with the chart.": maps of every lesion
	every := s.any(cEveryLesion) || p.w(k) == "maps" && p.hitEnd(k, s.hi) == k+1
	st.f.Map = append(st.f.Map, Flag{Yes: !p.negated(k), Span: p.spanOf(s.lo, trimEnd(p, s.lo, s.hi)), Every: every})
}

// explainingVerbs open what a consent discussion told the patient of Mohs
// surgery in general when "that" or a colon follows within a few words:
// "Mohs surgery was explained to the patient: tissue is removed in stages,
// and each stage is mapped, sectioned and examined" documents no map of
// this case (CODING-RULES §1: a description of the procedure in general
// states no fact of the case).
var explainingVerbs = []string{"explained", "discussed", "informed", "counseled", "counselled", "understands"}

// explainedBefore reports whether an explaining verb and its "that" or
// colon stand in sentence s before token k.
func (p *para) explainedBefore(s span, k int) bool {
	for i := s.lo; i < k; i++ {
		if !slices.Contains(explainingVerbs, p.w(i)) {
			continue
		}
		for j := i + 1; j < k && j <= i+5; j++ {
			if w := p.w(j); w == "that" || w == ":" {
				return true
			}
		}
	}
	return false
}

// ---- who read the slides ----

// slideWord reports whether sentence s speaks of Mohs slides.
func (p *para) slideWord(s span) bool { return s.any(cSlide) }

// readReader reads who read the Mohs slides: the surgeon ("interpreted by the
// operating surgeon", "I interpreted …", "read by me", "on my reading of the
// frozen sections", "surgeon and pathologist") or a separate pathologist
// ("interpreted by the staff dermatopathologist, Dr. …"). A sentence about a
// biopsy names the reader of that biopsy, not of the Mohs slides.
func (st *state) readReader(p *para, s span) {
	if st.otherLesions && !s.any(cSurgeon) || !s.any(cSurgeon) && !s.any(cPathologist) && !s.any(cReadVerb) {
		return
	}
	verbAt := p.firstIn(s.lo, s.hi, cReadVerb)
	// A sentence about a biopsy names the reader of that biopsy, unless
	// a reading verb stands in a clause of its own that speaks of slides
	// and of no biopsy: "Two tumors, both proven on shave biopsies …, were
	// treated today; I read all of the frozen sections for both myself".
	apart := false
	for k := verbAt; k >= 0 && k < s.hi && p.short(s) && !apart; k++ {
		apart = p.has(k, cReadVerb) && p.ownClause(k, s)
	}
	bx := s.any(cBiopsy) && !p.citesBiopsyOnly(s)
	if bx && !s.any(cPathologist) && p.sentenceWord(s, "mohs") && p.slideWord(s) {
		bx = false // "I read the biopsy frozen section and all Mohs frozen sections myself": the Mohs slides too
	}
	if bx && p.short(s) && !apart {
		return
	}
	surgeon, path := -1, -1
	for i := s.lo; i < s.hi; i++ {
		// "free of tumor on my reading of the frozen sections": the reading
		// says whose finding it is, whatever the finding negates
		onMy := p.w(i) == "my" && i > s.lo && (p.w(i-1) == "on" || p.w(i-1) == "upon" || p.w(i-1) == "per")
		if (p.negated(i) || p.uncertain(i)) && !onMy {
			continue
		}
		// In a run-on dictation only the stretch of a biopsy speaks of it.
		if bx && (p.has(i, cSurgeon) || p.has(i, cPathologist)) &&
			(apart && p.clauseAny(i, s, cBiopsy) || !apart && p.stretchAny(i, s, cBiopsy)) {
			continue
		}
		if path < 0 && p.has(i, cPathologist) && !p.has(i, cSurgeon) {
			path = i
		}
		if surgeon >= 0 || !p.has(i, cSurgeon) {
			continue
		}
		w := p.w(i)
		switch {
		case p.coveredHas(i, cSurgeon, "pathologist") || p.coveredHas(i, cSurgeon, "dermatopathologist") || p.coveredHas(i, cSurgeon, "reader"):
			surgeon = i // "surgeon and pathologist", "surgeon-pathologist", "surgeon and slide reader"
		case w == "i" || w == "we":
			j := i + 1
			if w == "i" && j < s.hi && p.w(j) == "," {
				for k := j + 1; k < s.hi && k <= j+8; k++ {
					if p.w(k) == "," {
						j = k + 1 // "I, Dr. Sorlie-Adeyemi, interpreted all of the frozen sections"
						break
					}
				}
			}
			for j < s.hi && (p.w(j) == "personally" || p.w(j) == "also" || p.w(j) == "then" || p.w(j) == "myself") {
				j++
			}
			if j+4 < s.hi && p.w(j) == "was" && p.w(j+1) == "the" && p.w(j+2) == "one" && (p.w(j+3) == "who" || p.w(j+3) == "that") {
				j += 4 // "I was the one who read all frozen sections"
			}
			if j < s.hi && p.has(j, cReadVerb) && (p.slideWord(s) || !slices.Contains(weighingVerbs, p.w(j))) || p.andRead(i, s) {
				surgeon = i // not "We reviewed the risks, benefits and alternatives": what was reviewed is no slide
			}
		case w == "me":
			if i > s.lo && p.w(i-1) == "by" && verbAt >= 0 {
				surgeon = i
			}
		case w == "my":
			j := i + 1
			if j < s.hi && p.w(j) == "own" { // "On my own review of the frozen sections"
				j++
			}
			for n := 0; n < 3 && j < s.hi && slices.Contains([]string{"frozen", "-", "section", "sections", "slide", "microscopic"}, p.w(j)); n++ {
				j++ // "My frozen-section reading showed …"
			}
			if j < s.hi && (p.w(j) == "reading" || p.w(j) == "interpretation" || p.w(j) == "review" ||
				p.w(j) == "read" && j+1 < s.hi && p.w(j+1) == "of" && p.slideWord(s)) { // "My read of the frozen sections: …"
				surgeon = i
			}
			if i > s.lo && p.has(i-1, cReadVerb) && p.slideWord(s) {
				surgeon = i // "I did the surgery and read my own frozen sections"
			}
		case w == "myself":
			if verbAt >= 0 && p.slideWord(s) {
				surgeon = i
			}
		default: // "surgeon", "Mohs surgeon", "operating surgeon", "the undersigned"
			if verbAt >= 0 && p.slideWord(s) && (p.byBefore(i, s) || p.subjectReads(i, s)) {
				surgeon = i
			}
		}
	}
	sp := p.spanOf(s.lo, trimEnd(p, s.lo, s.hi))
	// A pathologist who read the permanent sections of the debulk or gave a
	// second opinion did not read the Mohs slides.
	if path >= 0 && s.any(cOtherTissue) {
		if verbAt >= 0 && p.permanentOnly(s) {
			st.permanentReader = &Reader{Name: p.pathologistName(s, path), Span: sp}
		}
		path = -1
	}
	if path >= 0 && surgeon >= 0 && verbAt >= 0 && p.slideWord(s) {
		// "I reviewed the slides with Dr. Y, dermatopathologist": both are
		// said; the surgeon comes first and finish reports the ambiguity.
		own := Reader{Surgeon: true, Span: sp}
		if p.w(surgeon) == "undersigned" {
			own = Reader{Undersigned: true, Span: sp}
		}
		st.f.Reader = append(st.f.Reader, own, Reader{Name: p.doctorName(s), Span: sp})
		return
	}
	switch {
	case path >= 0 && verbAt >= 0 && p.slideWord(s):
		st.f.Reader = append(st.f.Reader, Reader{Name: p.pathologistName(s, path), Span: sp})
	case surgeon >= 0 && p.w(surgeon) == "undersigned" && !(surgeon+1 < s.hi && p.has(surgeon+1, cSurgeon)): // not "the undersigned Mohs surgeon"
		st.f.Reader = append(st.f.Reader, Reader{Undersigned: true, Span: sp})
	case surgeon >= 0:
		st.f.Reader = append(st.f.Reader, Reader{Surgeon: true, Span: sp})
	case verbAt >= 0 && p.slideWord(s):
		// "read by Dr. Tanaka-Obeng", "Dr. Okonkwo-Vale examined the
		// slides": a name without a role.
		if n, lo, e := p.doctorNameAt(s); n != "" && (s.any(cBy) || p.readsSlides(s, lo, e)) {
			st.f.Reader = append(st.f.Reader, Reader{Name: n, NameOnly: true, Span: sp})
		}
	}
}

// permanentOnly reports whether the other tissue a sentence names is only
// permanent sections: no debulk, consultation, second opinion or formalin.
func (p *para) permanentOnly(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if p.has(i, cOtherTissue) && p.w(i) != "permanent" && p.w(i) != "permanents" {
			return false
		}
	}
	return true
}

// readsNoFrozen notes a sentence that says no frozen section was cut: "No
// frozen sections were performed today".
func (st *state) readsNoFrozen(p *para, s span) {
	for i := s.lo; i < s.hi; i++ {
		if p.w(i) == "frozen" && p.negated(i) && !p.uncertain(i) {
			st.noFrozen = true
			return
		}
	}
}

// pathologistName is the doctor the pathologist word at token path names:
// the first name after it ("read by our staff dermatopathologist, Dr.
// Lucius Farrow-Iyer", after "Because Dr. Achebe-Winter was covering a
// second operating room"), else the sentence's first ("Dr. Lee,
// dermatopathologist").
func (p *para) pathologistName(s span, path int) string {
	if n := p.appositiveName(path, s.hi); n != "" {
		return n // "the dermatopathologist, Leopold Aranda-Fitzwilliam, MD, who reported … to Dr. <surgeon>"
	}
	if n, _, _ := p.doctorNameAt(span{lo: path, hi: s.hi}); n != "" {
		return n
	}
	return p.doctorName(s)
}

// appositiveName is the name set after the word at token i with a comma
// and followed by a degree: ", Leopold Aranda-Fitzwilliam, MD"; "" when
// none is.
func (p *para) appositiveName(i, hi int) string {
	j := i + 1
	if j >= hi || p.w(j) != "," {
		return ""
	}
	j++
	k := j
	for k < hi && k-j < 6 && (p.toks[k].kind == kWord && p.toks[k].upper || p.w(k) == "-" && k+1 < hi && p.toks[k+1].upper) {
		k++
	}
	if k-j < 2 || k+1 >= hi || p.w(k) != "," || p.w(k+1) != "md" && p.w(k+1) != "do" {
		return ""
	}
	return p.text(j, k+2)
}

// readsSlides reports whether the doctor named at tokens [lo, e) of
// sentence s is the one who read: the reading verb follows the name ("Dr.
// Okonkwo-Vale examined the slides"), or the name opens the sentence and a
// reading verb with "himself"/"herself" follows ("Dr. Nwachukwu-Blom drew a
// Mohs map and read all frozen sections himself").
func (p *para) readsSlides(s span, lo, e int) bool {
	ok := func(k int) bool { return !p.negated(k) && !p.uncertain(k) && p.ctx[k]&fHyp == 0 }
	if e < s.hi && p.has(e, cReadVerb) && ok(e) {
		return true
	}
	if e+1 < s.hi && (p.w(e) == "personally" || p.w(e) == "himself" || p.w(e) == "herself") && p.has(e+1, cReadVerb) && ok(e+1) {
		return true // "Dr. Rautenbach-Ilori personally examined the slides"
	}
	if lo != s.lo {
		return false
	}
	for k := e; k < s.hi; k++ {
		if p.has(k, cReadVerb) && ok(k) {
			for j := k + 1; j < s.hi && j <= k+8; j++ {
				if p.w(j) == "himself" || p.w(j) == "herself" {
					return true
				}
			}
		}
	}
	return false
}

// byBefore reports whether "by" stands within three words before token i
// ("examined by the surgeon"), or the surgeon is the sentence's subject.
func (p *para) byBefore(i int, s span) bool {
	for j := i - 1; j >= s.lo && j >= i-6; j-- {
		if p.w(j) == "by" {
			return true
		}
	}
	// "The Mohs surgeon interpreted all frozen sections"
	for j := i + 1; j < s.hi && j <= i+2; j++ {
		if p.has(j, cReadVerb) {
			return true
		}
	}
	return false
}

// subjectReads reports whether the surgeon at token i opens sentence s
// and a reading verb joined by "and" follows in its clause: "The
// undersigned performed each layer and examined all frozen sections", also
// after a heading's colon.
func (p *para) subjectReads(i int, s span) bool {
	lo := s.lo
	for k := s.lo; k < i; k++ {
		if p.w(k) == ":" { // "DESCRIPTION OF PROCEDURE: The undersigned …"
			lo = k + 1
		}
	}
	if lo < s.hi && isArticle(p.w(lo)) {
		lo++
	}
	for lo < i && (p.w(lo) == "attending" || p.w(lo) == "operating") {
		lo++ // "The attending Mohs surgeon, Dr. …, read all frozen sections"
	}
	if p.readsDirectly(i, s) {
		return i <= lo+1
	}
	if i > lo+1 { // "The Mohs surgeon …" covers two words
		// "Dr. Nwankwo-Hallberg, the Mohs surgeon, excised each stage, …
		// and interpreted all frozen sections": the surgeon set off after
		// the name that opens the sentence
		_, a, b := p.doctorNameAt(span{lo: lo, hi: i})
		if a != lo || b == 0 || p.w(b) != "," || b+1 < i && !(b+2 == i && isArticle(p.w(b+1))) {
			return false
		}
	}
	for k := i + 1; k+1 < s.hi; k++ {
		switch w := p.w(k); {
		case w == "by" || w == ";" || p.has(k, cTerm) || p.has(k, cPathologist):
			return false
		case w == "and" && p.has(k+1, cReadVerb) && !p.negated(k+1) && !p.uncertain(k+1) && p.ctx[k+1]&fHyp == 0:
			return true
		}
	}
	return false
}

// readsDirectly reports whether the surgeon word at token i is the
// subject of a reading verb right after it, or after a name set off by
// commas: "the Mohs surgeon read all frozen sections", "The attending Mohs
// surgeon, Dr. Okafor-Lindgren, read all frozen sections".
func (p *para) readsDirectly(i int, s span) bool {
	j := i
	for j < s.hi && p.has(j, cSurgeon) {
		j++
	}
	if j < s.hi && p.w(j) == "," {
		k := j + 1
		for k < s.hi && k <= j+8 && p.w(k) != "," {
			k++
		}
		if k >= s.hi || p.w(k) != "," {
			return false
		}
		if n, _, _ := p.doctorNameAt(span{lo: j + 1, hi: k}); n == "" {
			return false
		}
		j = k + 1
	}
	for j < s.hi && (p.w(j) == "personally" || p.w(j) == "also" || p.w(j) == "himself" || p.w(j) == "herself") {
		j++
	}
	return j < s.hi && p.has(j, cReadVerb) && !p.negated(j) && !p.uncertain(j) && p.ctx[j]&fHyp == 0 && p.slideWord(s)
}

// coveredHas reports whether the hit of category c covering token i holds the word.
func (p *para) coveredHas(i int, c cat, word string) bool {
	for _, h := range p.hitsFrom(i - maxPhrase) {
		if int(h.lo) > i {
			break
		}
		if h.cat == c && i < int(h.hi) {
			for k := int(h.lo); k < int(h.hi); k++ {
				if p.w(k) == word {
					return true
				}
			}
		}
	}
	return false
}

// doctorName reads "Dr. First Last" in sentence s.
func (p *para) doctorName(s span) string {
	n, _, _ := p.doctorNameAt(s)
	return n
}

// doctorNameAt reads "Dr. First Last" in sentence s, with its token range.
func (p *para) doctorNameAt(s span) (string, int, int) {
	for i := s.lo; i+2 < s.hi; i++ {
		if p.w(i) != "dr" && (p.w(i) != "doctor" || !p.toks[i+1].upper) { // "Dr. Ames", a transcript's "doctor Ames"
			continue
		}
		j := i + 1
		if p.w(j) == "." {
			j++
		}
		k := j
		for k < s.hi && k-j < 6 && (p.toks[k].kind == kWord && p.toks[k].upper || p.w(k) == "-" && k+1 < s.hi && p.toks[k+1].upper) {
			k++
		}
		if k > j {
			return p.text(i, k), i, k
		}
	}
	return "", 0, 0
}

// ---- biopsies ----

// otherBiopsySentence reports whether sentence s describes a biopsy of
// another lesion: a biopsy method in a paragraph that announced other lesions,
// or a lesion of its own ("A 6 mm pink papule on the left upper back was
// sampled by tangential biopsy").
func (st *state) otherBiopsySentence(p *para, s span) bool {
	if !s.any(cBiopsyMethod) || !s.any(cBiopsy) {
		return false
	}
	if p.biopsyDate(s) || s.any(cHistPre) {
		return false
	}
	if st.otherLesions {
		return true
	}
	// "I also performed a 4 mm punch biopsy of a scaly pink papule on the
	// left forearm", "… of a firm papule on the left thigh today"
	if (p.sentenceWord(s, "also") || p.inAddition(s) || s.any(cToday)) && !s.any(cFinding) && !p.affirmedPrior(s) && p.biopsyOfALesion(s) {
		return true
	}
	// "A second lesion, a pink papule on the right forearm, was shave
	// biopsied today" after "basal cell carcinoma of the left cheek": a
	// lesion brought in with "a" on a site other than the one the scope
	// names is another lesion. With no site named before, nothing is known.
	if (s.any(cToday) || p.sentenceWord(s, "impression")) && st.otherSiteLesion(p, s) {
		return true // "…, was sampled by incisional biopsy for permanent sections; clinical impression: rule out melanoma"
	}
	// "Also performed: punch biopsy (4 mm) of right shin, impression …"
	if (p.sentenceWord(s, "also") || p.inAddition(s) || p.asideCue(s)) && !s.any(cFinding) && !p.affirmedPrior(s) && p.biopsyOfSite(s) {
		return true
	}
	// "While the patient was here, a 6 mm irregularly pigmented papule on
	// the left shin was sampled by 4 mm punch biopsy"
	if p.asideCue(s) && p.introducesLesionAt(s, func(string) bool { return true }) {
		return true
	}
	// "During the visit he showed me a pink scaly papule on the right upper
	// arm. I performed a 3 mm punch biopsy of it, …": the lesion the aside
	// before it brought in
	if (p.biopsyOfIt(s) || p.leadArticle(s)) && p.siteBeforeOf(s) != "" && p.asideBefore(s) {
		return true // "While she was here she asked about a new scaly pink papule … on the left upper arm. A tangential (shave) biopsy was taken; …"
	}
	// "A 6 mm … papule/lesion/macule …"; "A 4 mm punch biopsy was
	// performed" after "… a new papule on the left dorsal forearm", not
	// after the Mohs lesion's own sentences
	i := s.lo
	if i < s.hi && (p.w(i) == "a" || p.w(i) == "an") {
		if _, nx, ok := p.measure(i+1, s.hi); ok && (!p.has(nx, cBiopsyMethod) && !p.has(nx, cBiopsy) || p.siteBeforeOf(s) != "" || p.biopsyOfALesion(s)) {
			return true // a punch's size, then, only after a sentence naming the other lesion's site
		}
	}
	// "4 mm punch bx of the R upper arm, r/o SCC vs irritated SK", "shave
	// bx of the L shin": a list item that is a biopsy of a site of its own,
	// done as a procedure, not a biopsy the lesion's diagnosis rests on.
	if _, nx, ok := p.measure(i, s.hi); ok {
		i = nx
	}
	if i >= s.hi || !p.has(i, cBiopsyMethod) || s.any(cFinding) || s.any(cPriorCue) || s.any(cToday) ||
		p.coveredHas(p.firstIn(s.lo, s.hi, cBiopsy), cBiopsy, "proven") {
		return false
	}
	for k := i + 1; k < s.hi && k <= i+3; k++ {
		if p.has(k, cBiopsy) && k+2 < s.hi && (p.w(k+1) == "of" || p.w(k+1) == "on") {
			j := k + 2
			if p.w(j) == "the" {
				j++
			}
			site, _, _ := p.siteAt(j, s.hi)
			return site != ""
		}
		if p.has(k, cBiopsy) && k+1 < s.hi {
			site, a, _ := p.siteAt(k+1, s.hi)
			return site != "" && a == k+1 // "shave bx R upper back, pink papule - r/o BCC"
		}
	}
	return false
}

// biopsiesOfCount reports whether span s names biopsies of a number of
// lesions ("tangential biopsies of two additional lesions").
func (p *para) biopsiesOfCount(s span) bool {
	for i := s.lo; i+2 < s.hi; i++ {
		if p.w(i) != "biopsies" && p.w(i) != "biopsy" || p.w(i+1) != "of" {
			continue // ("punch biopsy and tangential biopsy of two other lesions")
		}
		for k := i + 2; k < s.hi && k <= i+4; k++ {
			if n := p.countAt(k); n >= 2 && k+2 < s.hi && (pluralLesion(p.w(k+1)) || pluralLesion(p.w(k+2))) {
				return true
			}
		}
	}
	return false
}

// lesionsEach is how many lesions a sentence counts before giving each the
// same biopsy ("Three other lesions were biopsied today, each with a 4 mm
// punch biopsy"), or 0.
func (p *para) lesionsEach(s span) int {
	if !p.sentenceWord(s, "each") {
		return 0
	}
	for k := s.lo; k+1 < s.hi; k++ {
		n := p.countAt(k)
		if n < 2 {
			continue
		}
		j := k + 1
		if w := p.w(j); (w == "other" || w == "additional" || w == "separate" || w == "more") && j+1 < s.hi {
			j++
		}
		if pluralLesion(p.w(j)) {
			return n
		}
	}
	return 0
}

// enumeratedBiopsy reads a numbered lesion after a sentence that gave each
// lesion its biopsy ("(1) Right upper back, 7 mm pearly papule: clinical
// impression rule out basal cell carcinoma."): a biopsy of that kind at the
// site the item opens with, its impression the item's words after the
// colon. It reports whether the sentence was one.
func (st *state) enumeratedBiopsy(p *para, s span) bool {
	j := s.lo
	switch {
	case j+3 < s.hi && p.w(j) == "(" && p.toks[j+1].kind == kNum && p.w(j+2) == ")":
		j += 3 // "(1) Right upper back, …"
	case j+2 < s.hi && p.toks[j].kind == kNum && (p.w(j+1) == ")" || p.w(j+1) == "."):
		j += 2 // "1) …", "1. …"
	default:
		return false
	}
	site, a, _ := p.siteAt(j, s.hi)
	if site == "" || a != j {
		return false
	}
	b := Biopsy{Kind: st.eachKind, Site: site, Span: p.spanOf(s.lo, trimEnd(p, s.lo, s.hi))}
	b.Impression, b.Uncertain = p.impression(s)
	if b.Impression == "" {
		for k := j; k+1 < s.hi; k++ {
			if p.w(k) == ":" { // "(2) Left anterior thigh, 6 mm firm papule: dermatofibroma versus …"
				hi := trimEnd(p, k+1, s.hi)
				b.Impression = p.text(k+1, hi)
				for u := k + 1; u < hi; u++ {
					if p.uncertain(u) || p.has(u, cUncPre) || p.has(u, cUncPost) {
						b.Uncertain = true
					}
				}
				break
			}
		}
	}
	st.f.Biopsies = append(st.f.Biopsies, b)
	st.eachLeft--
	return true
}

// pluralLesion reports whether w names lesions in the plural.
func pluralLesion(w string) bool {
	switch w {
	case "lesions", "sites", "tumors", "tumours", "papules", "nodules", "spots", "growths":
		return true
	}
	return false
}

// inAddition reports whether sentence s opens with "In addition" or
// "Additionally", or names an "Additional procedure", as "also" adds a
// procedure.
func (p *para) inAddition(s span) bool {
	return p.w(s.lo) == "additionally" || s.hi-s.lo > 2 && p.w(s.lo) == "in" && p.w(s.lo+1) == "addition" ||
		s.hi-s.lo > 2 && p.w(s.lo) == "additional" && (p.w(s.lo+1) == "procedure" || p.w(s.lo+1) == "procedures") // "Additional procedure: tangential biopsy of …"
}

// otherSiteLesion reports whether sentence s brings in a lesion with "a" or
// "an" ("a pink papule on the right forearm") on a site none of the sites
// read so far names.
func (st *state) otherSiteLesion(p *para, s span) bool {
	var known []string
	for _, t := range st.f.Sites {
		known = append(known, t.Value)
	}
	for _, d := range st.f.Diagnoses {
		if d.Site != "" {
			known = append(known, d.Site)
		}
	}
	if len(known) == 0 {
		return false
	}
	return p.introducesLesionAt(s, func(site string) bool {
		return !slices.ContainsFunc(known, func(o string) bool { return strings.EqualFold(o, site) })
	})
}

// introducesLesionAt reports whether sentence s brings in a lesion with "a"
// or "an", over at most five words or numbers ("a 6 mm irregularly
// pigmented papule"), on a site that ok accepts.
func (p *para) introducesLesionAt(s span, ok func(site string) bool) bool {
	for k := s.lo; k+2 < s.hi; k++ {
		if !p.has(k, cLesionNoun) || p.has(k, cDiagnosis) {
			continue
		}
		a := k - 1
		for a > s.lo && a >= k-5 && (p.toks[a].kind == kWord || p.toks[a].kind == kNum) && p.w(a) != "a" && p.w(a) != "an" {
			a--
		}
		if a < s.lo || p.w(a) != "a" && p.w(a) != "an" {
			continue
		}
		j := k + 1
		if p.w(j) != "on" && p.w(j) != "of" && p.w(j) != "over" {
			continue
		}
		j++
		if j < s.hi && p.w(j) == "the" {
			j++
		}
		if site, _, _ := p.siteAt(j, s.hi); site != "" && ok(site) {
			return true
		}
	}
	return false
}

// exclBeforeIn reports whether tokens [lo, hi) hold a word that makes a
// size after it no lesion's ("a margin of 2 mm", "a rim of normal skin"),
// not the rim a site names ("the helical rim", "the vermilion rim").
func (p *para) exclBeforeIn(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !p.has(k, cPreopExclBefore) {
			continue
		}
		if p.w(k) == "rim" && k > lo {
			switch p.w(k - 1) {
			case "helical", "helix", "vermilion", "alar", "orbital", "auricular":
				continue
			}
		}
		return true
	}
	return false
}

// introducesOther reports whether sentence s brings in a lesion with "a"
// or "an" that it calls new, another or separate: "a new scaly pink papule".
func (p *para) introducesOther(s span) bool {
	for i := s.lo; i+1 < s.hi; i++ {
		if (p.w(i) == "a" || p.w(i) == "an") && (p.w(i+1) == "new" || p.w(i+1) == "other" || p.w(i+1) == "separate") ||
			p.w(i) == "another" {
			return true
		}
	}
	return false
}

// biopsyOfIt reports whether sentence s biopsies "it", "this" or "that": a
// lesion a sentence before it named.
func (p *para) biopsyOfIt(s span) bool {
	for i := s.lo; i+2 < s.hi; i++ {
		if p.has(i, cBiopsy) && p.w(i+1) == "of" {
			switch p.w(i + 2) {
			case "it", "this", "that":
				return true
			}
		}
	}
	return false
}

// asideBefore reports whether the sentence before s is an aside from the
// Mohs lesion (see asideCue).
func (p *para) asideBefore(s span) bool {
	for k, q := range p.sents {
		if q.hi == s.lo {
			// "The patient pointed out a new papule on the left upper back.
			// The clinical impression was rule out basal cell carcinoma. …":
			// an impression between the aside and the biopsy
			return p.asideCue(q) || k > 0 && p.sentenceWord(q, "impression") && p.asideCue(p.sents[k-1])
		}
	}
	return false
}

// leadArticle reports whether sentence s opens with "a" or "an", or with a
// short clause a comma ends before it ("After consent and local
// anesthesia, a 3 mm punch biopsy was performed"), or has the article of a
// biopsy's method among its first words ("After separate consent a 4 mm
// punch biopsy was performed").
func (p *para) leadArticle(s span) bool {
	for i := s.lo; i < s.hi && i < s.lo+8; i++ {
		if p.w(i) != "a" && p.w(i) != "an" {
			continue
		}
		if i == s.lo || p.w(i-1) == "," {
			return true
		}
		for k := i + 1; k < s.hi && k <= i+4; k++ {
			if p.has(k, cBiopsyMethod) {
				return true // "After separate consent a 4 mm punch biopsy was performed"
			}
		}
	}
	return false
}

// asideCue reports whether sentence s opens as an aside from the Mohs
// lesion: "While the patient was here, …", "Also, …", "Incidentally, …",
// "At the patient's request, …".
func (p *para) asideCue(s span) bool {
	switch p.w(s.lo) {
	case "while", "also", "additionally", "incidentally", "separately":
		return true
	}
	for i := s.lo; i < s.hi && i < s.lo+8; i++ {
		if p.w(i) == "showed" && i+1 < s.hi && p.w(i+1) == "me" || p.w(i) == "pointed" && i+1 < s.hi && p.w(i+1) == "out" ||
			p.w(i) == "asked" && i+1 < s.hi && p.w(i+1) == "about" {
			return true // "During the visit he showed me a pink scaly papule on the right upper arm."
		}
		if p.w(i) == "request" || p.w(i) == "requested" {
			return true // "At the patient's request, a 6 mm scaly papule on the left dorsal forearm was sampled …"
		}
		if p.w(i) == "end" && i+3 < s.hi && p.w(i+1) == "of" && slices.Contains([]string{"visit", "procedure", "session", "case", "encounter"}, p.w(i+3)) {
			return true // "At the end of the visit, a 4 mm punch biopsy was taken of a pearly papule on the left lateral shin"
		}
		if p.w(i) == "same" && i+1 < s.hi && (p.w(i+1) == "visit" || p.w(i+1) == "session" || p.w(i+1) == "encounter") {
			return true // "During the same visit a separate hyperkeratotic papule … was sampled"
		}
		if p.w(i) == "separate" || p.w(i) == "another" {
			for k := i + 1; k < s.hi && k <= i+3; k++ {
				if p.has(k, cLesionNoun) {
					return true // "a separate hyperkeratotic papule on the right dorsal forearm"
				}
			}
		}
	}
	return p.inAddition(s)
}

// biopsyOfSite reports whether sentence s takes a biopsy of a site it
// names right after the biopsy word, past a parenthesis: "punch biopsy (4
// mm) of right shin", "shave biopsy of the left shoulder".
func (p *para) biopsyOfSite(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if !p.has(k, cBiopsy) || p.hitAt(k, cBiopsy) == 0 {
			continue
		}
		j := p.hitEnd(k, s.hi)
		if nx := p.skipParen(j, s.hi); nx > j {
			j = nx
		}
		if j+1 >= s.hi || p.w(j) != "of" && p.w(j) != "on" && p.w(j) != "from" {
			continue
		}
		j++
		if p.w(j) == "the" {
			j++
		}
		if site, _, _ := p.siteAt(j, s.hi); site != "" {
			return true
		}
	}
	return false
}

// biopsyOfALesion reports whether sentence s takes a biopsy of a lesion it
// brings in with "a" or "an" ("a shave biopsy of an irregular brown macule"),
// not of the lesion already named ("of the lesion").
func (p *para) biopsyOfALesion(s span) bool {
	for k := s.lo; k+2 < s.hi; k++ {
		if !p.has(k, cBiopsy) {
			continue
		}
		// "a punch biopsy was taken from a nodule of the right shin"
		at := k + 1
		for at < s.hi && at <= k+3 && (p.w(at) == "was" || p.w(at) == "taken" || p.w(at) == "obtained" || p.w(at) == "performed" || p.w(at) == "done") {
			at++
		}
		if at+1 >= s.hi || p.w(at) != "of" && p.w(at) != "from" || p.w(at+1) != "a" && p.w(at+1) != "an" {
			continue
		}
		first := at + 2
		if _, nx, ok := p.measure(first, s.hi); ok {
			first = nx // "of a 6 mm hyperkeratotic papule"
		}
		for j := first; j < s.hi && j <= first+4; j++ {
			if p.has(j, cLesionNoun) {
				return true
			}
			if p.toks[j].kind != kWord {
				break
			}
		}
	}
	return false
}

// biopsyParts splits a sentence of biopsies of other lesions into one part
// per biopsy: "a 4 mm punch biopsy of … left forearm, rule out …, and a
// shave biopsy of … right upper back, atypical nevus versus …".
func (p *para) biopsyParts(s span, out []span) []span {
	// "(1) a 7 mm … papule on the left upper arm was sampled by tangential
	// shave biopsy, …; (2) a 6 mm … papule on the right shin was sampled by
	// tangential shave biopsy, …": each clause after a semicolon that has
	// a biopsy of its own is a part
	from := s.lo
	for k := s.lo; k < s.hi; k++ {
		if p.w(k) == ";" && p.anyIn(from, k, cBiopsy) && p.anyIn(k+1, s.hi, cBiopsy) && p.anyIn(k+1, s.hi, cBiopsyMethod) && p.anyIn(from, k, cBiopsyMethod) {
			out = p.methodParts(p.sub(from, k), out)
			from = k + 1
		}
	}
	return p.methodParts(p.sub(from, s.hi), out)
}

// sub is the span of tokens [lo, hi) with the categories its own words
// have: a part of a sentence says only what its words say ("rule out" in
// the part before is not this part's).
func (p *para) sub(lo, hi int) span {
	s := span{lo: lo, hi: hi}
	for i := lo; i < hi; i++ {
		s.mask |= p.m.cover[i]
	}
	return s
}

// methodParts cuts span s at each biopsy method after "and" or a comma
// that a biopsy word follows (see biopsyParts).
func (p *para) methodParts(s span, out []span) []span {
	lo := s.lo
	for _, h := range p.hitsFrom(s.lo) {
		m := int(h.lo)
		if m >= s.hi {
			break
		}
		if h.cat != cBiopsyMethod || m <= lo || !p.anyIn(m+1, min(m+4, s.hi), cBiopsy) {
			continue
		}
		// the part before needs a biopsy of its own
		start := m
		for start-1 > lo && (isArticle(p.w(start-1)) || p.toks[start-1].kind == kNum || p.unitAt(start-1, start)) {
			start--
		}
		if !p.anyIn(lo, start, cBiopsy) || p.w(start-1) != "and" && p.w(start-1) != "," {
			continue
		}
		e := start
		for e > lo && (p.w(e-1) == "and" || p.w(e-1) == ",") {
			e--
		}
		out = append(out, p.sub(lo, e))
		lo = start
	}
	return append(out, p.sub(lo, s.hi))
}

// frozenBlocks is the first block count of a frozen-section sentence s;
// N is 0 when it states none.
func (p *para) frozenBlocks(s span) Count {
	for i := s.lo; i < s.hi; i++ {
		if n, lo, hi := p.blockCount(i, s); n > 0 {
			return Count{N: n, Span: p.spanOf(lo, hi)}
		}
	}
	return Count{}
}

// siteBefore is the site of the lesion the sentence before s (in its
// paragraph) names, when it names exactly one and no stage ("… pointed
// out a new papule on the left dorsal forearm, 0.8 cm. A 4 mm punch biopsy
// was performed …"). The site is the biopsied lesion's: it leaves Sites.
func (st *state) siteBefore(p *para, s span) string {
	site := p.siteBeforeOf(s)
	if site != "" {
		for k, o := range st.f.Sites {
			if o.Value == site && o.Span.Line >= p.lines[0].Line {
				st.f.Sites = append(st.f.Sites[:k], st.f.Sites[k+1:]...)
				break
			}
		}
	}
	return site
}

// siteBeforeOf finds the site siteBefore takes, leaving Sites as they are.
func (p *para) siteBeforeOf(s span) string {
	var prev span
	found := false
	for k, q := range p.sents {
		if q.hi == s.lo {
			prev, found = q, true
			if k > 0 && p.sentenceWord(q, "impression") && (!q.any(cLesionNoun) || !p.sentenceWord(q, "on")) {
				// "… papule on the left temple. Clinical impression: rule out
				// BCC (versus seborrheic keratosis). A shave biopsy was taken.":
				// an impression that places nothing
				prev = p.sents[k-1]
			}
		}
	}
	if !found || !prev.any(cLesionNoun) || prev.any(cStageNoun) && !p.asideCue(prev) || prev.any(cBiopsy) {
		return "" // not a stage's sentence, unless an aside's time ("During the wait between stages she showed me a … papule on …")
	}
	site := ""
	for i := prev.lo; i+2 < prev.hi; i++ {
		// "Separate lesion, left upper back." heading the biopsy's paragraph
		titled := p.w(i+1) == "," && prev.hi-prev.lo <= 8
		if !p.has(i, cLesionNoun) {
			continue
		}
		at := i + 1 // "a … papule with a darker center on the right anterior thigh": past the noun's "with" phrase
		if p.w(at) == "with" {
			for at < prev.hi && at <= i+6 && p.w(at) != "on" && p.w(at) != "," {
				at++
			}
		}
		if p.w(at) != "on" && p.w(at) != "of" && !titled {
			continue
		}
		j := at + 1
		if _, nx, ok := p.measure(j, prev.hi); ok && p.w(i+1) == "of" && nx+1 < prev.hi && (p.w(nx) == "on" || p.w(nx) == "of") {
			j = nx + 1 // "a new scaly pink papule of 5 mm on the left upper arm"
		}
		if p.w(j) == "the" {
			j++
		}
		v, _, _ := p.siteAt(j, prev.hi)
		if v == "" || site != "" && v != site {
			return ""
		}
		site = v
	}
	return site
}

// biopsyDate reports whether sentence s holds a date ("03/05/2026", "4/21",
// "January 29, 2026").
func (p *para) biopsyDate(s span) bool {
	for i := s.lo; i+1 < s.hi; i++ {
		if p.toks[i].kind == kNum && i+2 < s.hi && p.w(i+1) == "/" && p.toks[i+2].kind == kNum && p.toks[i+1].lo == p.toks[i].hi {
			return true
		}
		if p.toks[i].kind == kNum && i+4 < s.hi && p.w(i+1) == "-" && p.w(i+3) == "-" && p.toks[i+2].kind == kNum && p.toks[i+4].kind == kNum &&
			p.toks[i+1].lo == p.toks[i].hi && p.toks[i+2].lo == p.toks[i+1].hi && p.toks[i+3].lo == p.toks[i+2].hi && p.toks[i+4].lo == p.toks[i+3].hi {
			return true // "Shave biopsy 2026-11-05 (MW26-2044), …", "11-05-2026"
		}
		if p.toks[i].upper && month(p.w(i)) && p.toks[i+1].kind == kNum {
			return true
		}
	}
	return false
}

// theSameDay reports whether token i is of "the same day" that names no
// day of its own ("The second lesion is …, shave biopsied on the same day":
// the day of the biopsy named before it), not "the same day as surgery".
func (p *para) theSameDay(i int) bool {
	if p.w(i) == "day" {
		i--
	}
	if i < 1 || i+1 >= len(p.toks) || p.w(i) != "same" || p.w(i-1) != "the" {
		return false
	}
	return i+2 >= len(p.toks) || p.w(i+2) != "as" && p.w(i+2) != "of"
}

// biopsyWound reports whether the biopsy words of span s name the wounds or
// sites biopsies left ("biopsy wounds closed", "(punch sites)") rather
// than a biopsy.
func (p *para) biopsyWound(s span) bool {
	seen := false
	for i := s.lo; i < s.hi; i++ {
		if !p.has(i, cBiopsy) {
			continue
		}
		e := p.hitEnd(i, s.hi)
		if e >= s.hi {
			return false
		}
		switch p.w(e) {
		case "wound", "wounds", "site", "sites":
			seen = true
		default:
			return false
		}
	}
	return seen
}

// month reports whether w names a month ("january", "jan", "sept").
func month(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// followedByMohs reports whether a part of a sentence says its biopsy led
// to the Mohs surgery: "… followed by Mohs micrographic surgery".
func (p *para) followedByMohs(part span) bool {
	for i := part.lo; i+1 < part.hi; i++ {
		if p.w(i) == "followed" && p.w(i+1) == "by" && i+2 < part.hi && p.w(i+2) == "mohs" {
			return true
		}
	}
	return false
}

// readBiopsy reads a biopsy sentence: a prior biopsy ("biopsy-proven", "was
// biopsied on 03/05/2026", "(shave biopsy 04/08/2026)"), its negation ("No
// biopsy had been performed before today"), a biopsy of this lesion done
// today, or (other) a biopsy of another lesion.
func (st *state) readBiopsy(p *para, s span, other bool) {
	if !s.any(cBiopsy) {
		return
	}
	k := p.firstIn(s.lo, s.hi, cBiopsy)
	for other && k >= 0 && p.negated(k) {
		k = p.firstIn(k+1, s.hi, cBiopsy) // "a papule …, never biopsied before, was removed today by shave biopsy"
	}
	if k < 0 {
		return
	}
	sp := p.spanOf(s.lo, trimEnd(p, s.lo, s.hi))
	if p.negated(k) {
		st.f.PriorBiopsy = append(st.f.PriorBiopsy, Flag{Yes: false, Span: sp})
		st.noPrior = true
		return
	}
	// The uncertainty in a biopsy of another lesion is its impression's
	// ("shave bx of the L shin, r/o BCC vs ISK"), not the biopsy's.
	if !other && p.uncertain(k) || p.ctx[k]&fHyp != 0 {
		return
	}
	if other {
		var partArr [4]span
		parts := p.biopsyParts(s, partArr[:0])
		titled := slices.ContainsFunc(parts, func(part span) bool { return p.biopsiesOfCount(part) && !p.anyVerb(part) })
		for _, part := range parts {
			if p.biopsyWound(part) {
				continue // "biopsy wounds closed with 4-0 nylon (punch sites)": the wounds, no biopsy
			}
			b := p.biopsy(part)
			if titled || p.w(s.lo) == "biopsies" && p.sentenceWord(s, "each") {
				// ("punch biopsy and tangential biopsy of two other lesions":
				// the count titles every part)
				// "…; tangential biopsies of two additional lesions.": a
				// title of biopsies the note describes one by one, no biopsy
				// of its own (nor one at the site the sentence names before);
				// so is "Biopsies of other lesions, performed after the Mohs
				// repair (4 mm punch each; …)", the kind it gives each one's
				continue
			}
			if n := p.lesionsEach(part); n >= 2 && b.Kind != "" && b.Site == "" {
				// "Three other lesions were biopsied today, each with a 4 mm
				// punch biopsy": the enumerated lesions that follow are the biopsies
				st.eachKind, st.eachLeft = b.Kind, n
				continue
			}
			if len(parts) > 1 && b.Kind == "" && b.Site == "" {
				// "… he asked about two other spots, and I biopsied both for
				// permanent sections: first, a 4 mm punch biopsy of …; second,
				// …": the parts after it are the biopsies
				continue
			}
			if len(parts) > 1 && p.followedByMohs(part) {
				// "Punch biopsy of a separate lesion; tangential biopsy with
				// frozen section followed by Mohs micrographic surgery, right
				// lower leg": the part that leads to the Mohs surgery is the
				// Mohs lesion's own biopsy of today
				st.f.SameDayBiopsy = append(st.f.SameDayBiopsy, b)
				if k := p.firstIn(part.lo, part.hi, cFrozen); k >= 0 {
					c := p.frozenBlocks(part)
					if c.N == 0 {
						c.Span = p.spanOf(k, k+1)
					}
					st.f.FrozenSection = append(st.f.FrozenSection, c)
				}
				continue
			}
			if b.Site == "" {
				b.Site = st.siteBefore(p, s)
			}
			// "submitted for frozen section, processed as two blocks"; of one
			// biopsy of several, in its own part ("…; and a tangential (shave)
			// biopsy of …, submitted for frozen section as 1 block, …")
			if len(parts) == 1 && s.any(cFrozen) {
				b.FrozenSection = p.frozenBlocks(s)
			} else if len(parts) > 1 && p.anyIn(part.lo, part.hi, cFrozen) {
				b.FrozenSection = p.frozenBlocks(part)
			}
			b.named = !p.anyVerb(part)
			st.f.Biopsies = append(st.f.Biopsies, b)
		}
		return
	}
	today := false
	lo, hi := p.stretch(k, s) // in a run-on dictation, the part that speaks of the biopsy
	for i := lo; i < hi; i++ {
		if p.has(i, cToday) && !p.has(i, cHistPre) && !p.otherClause(k, i) && !p.theSameDay(i) {
			today = true
		}
	}
	proven := p.coveredHas(k, cBiopsy, "proven") || p.coveredHas(k, cBiopsy, "confirmed") ||
		p.wordBefore(k, s, 4, "proven", "confirmed", "diagnosed") // "proven on shave biopsy", "diagnosed by punch biopsy"
	if !s.any(cTumor) && !s.any(cDiagnosis) && !s.any(cLesionNoun) {
		proven = proven && (p.coveredHas(k, cBiopsy, "proven") || p.coveredHas(k, cBiopsy, "confirmed"))
	}
	hist := p.biopsyDate(s) || s.any(cPriorCue) || s.any(cFinding) || s.any(cHistPre)
	// A biopsy submitted for frozen section, with no date or past, is read
	// during the visit: "a 3 mm punch biopsy of the lesion was performed and
	// submitted for frozen section".
	// A finding it showed ("…, which showed nodular basal cell carcinoma")
	// is the frozen section's own, no past.
	today = today || !(p.biopsyDate(s) || s.any(cPriorCue) || s.any(cHistPre)) && p.anyIn(lo, hi, cFrozen)
	// "No biopsy had been performed before today. A 3 mm punch biopsy was
	// taken from the center of the lesion.": after no prior biopsy, an
	// undated biopsy of the lesion is today's
	today = today || st.noPrior && !hist && !proven && s.any(cBiopsyMethod)
	// "was treated today for two basal cell carcinomas, proven by shave
	// biopsies on 05/25/2026": a dated biopsy is the prior one, whatever
	// else the sentence did today
	dated := p.biopsyDate(span{lo: lo, hi: hi})
	switch {
	case proven || hist && !today || dated:
		st.f.PriorBiopsy = append(st.f.PriorBiopsy, Flag{Yes: true, Span: sp})
	case today && s.any(cBiopsyMethod):
		b := p.biopsy(s)
		st.f.SameDayBiopsy = append(st.f.SameDayBiopsy, b)
		// "submitted for an intraoperative frozen section (one block)"
		if c := p.frozenBlocks(s); s.any(cFrozen) && c.N > 0 {
			st.f.FrozenSection = append(st.f.FrozenSection, c)
		} else {
			if k := p.firstIn(s.lo, s.hi, cFrozen); k >= 0 {
				// "submitted for an intraoperative frozen section, which I read
				// as …": a frozen section with no block count, one block
				// (CODING-RULES §4) unless the next sentence counts them
				st.f.FrozenSection = append(st.f.FrozenSection, Count{Span: p.spanOf(k, k+1)})
			}
			st.frozenNext = true // "The specimen was bisected and processed as two frozen-section blocks"
		}
	}
}

// otherClause reports whether token i stands in a clause joined after the
// one of token k by "and" and a verb of its own: in "Both lesions were
// biopsied on 03/31/2026 and were mapped today" the mapping is today's,
// not the biopsy.
func (p *para) otherClause(k, i int) bool {
	for j := k + 1; j+1 < i; j++ {
		if p.w(j) != "and" {
			continue
		}
		if w := p.w(j + 1); verb(w) || len(w) > 3 && w[len(w)-2:] == "ed" {
			return true
		}
	}
	return false
}

// biopsy reads the method, site and impression of a biopsy sentence.
func (p *para) biopsy(s span) Biopsy {
	b := Biopsy{Span: p.spanOf(s.lo, trimEnd(p, s.lo, s.hi))}
	if m := p.firstIn(s.lo, s.hi, cBiopsyMethod); m >= 0 {
		e := m + 1
		for e < s.hi && e-m < 6 && !(p.has(e, cBiopsy) && (p.w(e) == "biopsy" || p.w(e) == "biopsies" || p.w(e) == "bx")) {
			e++
		}
		if e < s.hi && p.has(e, cBiopsy) {
			e++
		} else {
			e = m + 1
		}
		lo := m
		// "4 mm punch biopsy"
		if lo >= 2 && lo-2 >= s.lo && p.unitAt(lo-1, lo) && p.toks[lo-2].kind == kNum {
			lo -= 2
		}
		b.Kind = p.text(lo, e)
		if e < s.hi && p.has(e-1, cBiopsy) {
			if site, a, _ := p.siteAt(e, s.hi); site != "" && a == e {
				b.Site = site // "shave bx R upper back, pink papule - r/o BCC"
			} else if p.w(e) == "(" {
				if site, a, b2 := p.siteAt(e+1, s.hi); site != "" && a == e+1 && b2 < s.hi && p.w(b2) == ")" {
					b.Site = site // "Punch biopsy (left dorsal forearm) and shave biopsy (right upper back) done today"
				}
			}
		}
	}
	for i := s.lo; b.Site == "" && i+2 < s.hi; i++ {
		if (p.w(i) == "on" || p.w(i) == "of") && p.w(i+1) == "the" {
			if site, _, _ := p.siteAt(i+2, s.hi); site != "" {
				b.Site = site
				break
			}
		}
	}
	for i := s.lo; b.Site == "" && i+1 < s.hi; i++ { // "punch biopsy (4 mm) of right shin"
		if (p.w(i) == "on" || p.w(i) == "of") && i > s.lo && p.w(i-1) == ")" {
			if site, _, _ := p.siteAt(i+1, s.hi); site != "" {
				b.Site = site
			}
		}
	}
	if b.Site == "" { // "Punch biopsy of a separate lesion, left dorsal forearm, with frozen section"
		clause := s.lo // where the clause of the comma opens
		for i := s.lo; i+1 < s.hi; i++ {
			if p.w(i) == ";" {
				clause = i + 1
			}
			if p.w(i) == "," && !p.anyIn(clause, i, cMohsSurgery) { // not "(1) Mohs micrographic surgery, left nasal ala; …; (3) tangential biopsy of a separate lesion"
				if site, _, _ := p.siteAt(i+1, s.hi); site != "" {
					b.Site = site
					break
				}
			}
		}
	}
	b.Impression, b.Uncertain = p.impression(s)
	return b
}

// doneVerbs say that a procedure was done: with a finite verb, a sentence
// describes it rather than names it.
var doneVerbs = []string{"performed", "taken", "obtained", "done", "sent", "submitted", "sampled", "biopsied", "underwent", "removed"}

// anyVerb reports whether sentence s holds a finite verb or a verb of
// doing: "A 4 mm punch biopsy was performed", not "3. Punch biopsy of a
// separate lesion, left dorsal forearm, with frozen section".
func (p *para) anyVerb(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if w := p.w(i); verb(w) || slices.Contains(doneVerbs, w) {
			return true
		}
	}
	return false
}

// biopsyMethod is the method word of a biopsy's kind ("punch" of "4 mm
// punch biopsy"), or "".
func biopsyMethod(kind string) string {
	for w := range strings.FieldsSeq(strings.ToLower(kind)) {
		switch w {
		case "tangential", "shave", "punch", "saucerization", "saucerisation", "incisional", "excisional", "scoop":
			return w
		}
	}
	return ""
}

// namedBiopsies drops a biopsy of another lesion that a sentence only
// names — a procedure list's "3. Punch biopsy of a separate lesion, left
// dorsal forearm" — when the prose describes a biopsy of the same method
// at the same site (or at a site one of them leaves unsaid): it is the
// title of that biopsy, not a second one. The described biopsy takes the
// site it lacks.
func (st *state) namedBiopsies() {
	bs := st.f.Biopsies
	if len(bs) < 2 || len(bs) > maxList {
		return
	}
	var drop [maxList]bool
	for i, b := range bs {
		if !b.named || biopsyMethod(b.Kind) == "" {
			continue
		}
		for j := range bs {
			c := &bs[j]
			if j != i && !c.named && biopsyMethod(c.Kind) == biopsyMethod(b.Kind) &&
				(b.Site == "" || c.Site == "" || strings.EqualFold(b.Site, c.Site)) {
				drop[i] = true
				if c.Site == "" {
					c.Site = b.Site
				}
				break
			}
		}
	}
	out := bs[:0]
	for i, b := range bs {
		if !drop[i] {
			out = append(out, b)
		}
	}
	st.f.Biopsies = out
}

// impression reads "clinical impression: rule out superficial BCC" in sentence s.
func (p *para) impression(s span) (string, bool) {
	for i := s.lo; i+1 < s.hi; i++ {
		if p.w(i) == "impression" && (p.w(i+1) == ":" || i > s.lo && (p.w(i-1) == "clinical" || p.w(i-1) == ",")) {
			lo := i + 1 // "clinical impression dysplastic nevus versus early melanoma"
			if p.w(lo) == ":" {
				lo++
			}
			hi := trimEnd(p, lo, s.hi)
			for k := lo; k < hi; k++ {
				if p.w(k) == ";" {
					hi = k
				}
			}
			unc := false
			for k := lo; k < hi; k++ {
				if p.uncertain(k) || p.has(k, cUncPre) || p.has(k, cUncPost) {
					unc = true
				}
			}
			return p.text(lo, hi), unc
		}
	}
	// "submitted for frozen section (1 block), which confirmed basal cell
	// carcinoma": the frozen section's reading is the biopsy's diagnosis
	if s.any(cFrozen) && !s.any(cUncPre) && !s.any(cUncPost) {
		for i := s.lo; i+1 < s.hi; i++ {
			switch p.w(i) {
			case "confirmed", "showed", "revealed", "demonstrated":
			case "as": // "which I read as superficial basal cell carcinoma"
				if i == s.lo || p.w(i-1) != "read" && p.w(i-1) != "interpreted" {
					continue
				}
			default:
				continue
			}
			k := i + 1
			for k < s.hi && k <= i+4 && !p.has(k, cDiagnosis) {
				k++
			}
			if e := p.hitAt(k, cDiagnosis); k < s.hi && e > k && !p.negated(k) && !p.uncertain(k) {
				lo := k
				for lo-1 > i && p.has(lo-1, cDxMod) {
					lo--
				}
				return p.text(lo, e), false
			}
		}
	}
	// "…, r/o SCC vs irritated SK", "which I reviewed: atypical squamous
	// proliferation, squamous cell carcinoma versus hypertrophic actinic
	// keratosis; …": the clause of the first uncertainty trigger
	k := p.firstIn(s.lo, s.hi, cUncPre)
	if k < 0 {
		return "", false
	}
	lo := k
	for lo > s.lo && p.w(lo-1) != "," && p.w(lo-1) != ":" && p.w(lo-1) != ";" {
		lo--
	}
	if p.w(lo) == "impression" { // "…; impression basal cell carcinoma versus dermatofibroma"
		lo++
	}
	hi := k
	for hi < s.hi && p.w(hi) != ";" && p.w(hi) != "." && !(p.w(hi) == "," && hi+2 < s.hi && p.w(hi+1) == "and" && slices.Contains(doneVerbs, p.w(hi+2))) {
		hi++ // "…, rule out superficial basal cell carcinoma, and sent the specimen …": the impression ends before the next thing done
	}
	if hi <= k+1 {
		return "", false
	}
	return p.text(lo, hi), true
}

// listItemBiopsy completes the biopsies read from list items ("1. Left upper
// back: 7 mm papule. Clinical impression: … Tangential biopsy."): the site
// before the item's first colon and the impression of another sentence of
// the item. An item runs from a line that starts with a list marker to the
// next such line.
func (st *state) listItemBiopsy(p *para) {
	first, last := p.lines[0].Line, p.lines[len(p.lines)-1].Line
	for bi := max(0, len(st.f.Biopsies)-maxList); bi < len(st.f.Biopsies); bi++ {
		b := &st.f.Biopsies[bi]
		if b.Span.Line < first || b.Span.Line > last || b.Site != "" && b.Impression != "" {
			continue
		}
		// the item's lines (a paragraph's lines need not be the note's next lines)
		li := slices.IndexFunc(p.lines, func(l Line) bool { return l.Line == b.Span.Line })
		if li < 0 {
			continue
		}
		lo := li
		for lo > 0 && !p.marker(lo) {
			lo--
		}
		hi := li + 1
		for hi < len(p.lines) && !p.marker(hi) {
			hi++
		}
		if b.Site == "" {
			b.Site = p.itemSite(lo)
		}
		if b.Impression == "" {
			for _, s := range p.sents {
				if l := int(p.toks[s.lo].line); l >= lo && l < hi {
					if v, unc := p.impression(s); v != "" {
						b.Impression, b.Uncertain = v, unc
						break
					}
				}
			}
		}
	}
}

// lineTok is the first token of paragraph line li, or -1.
func (p *para) lineTok(li int) int {
	for i := range p.toks {
		if int(p.toks[i].line) == li {
			return i
		}
		if int(p.toks[i].line) > li {
			break
		}
	}
	return -1
}

// marker reports whether paragraph line li starts with a list marker ("1.", "2)", "-", "•", "A.").
func (p *para) marker(li int) bool {
	t := strings.TrimSpace(p.lines[li].Text)
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "•") || strings.HasPrefix(t, "*") {
		return true
	}
	i := 0
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	if i == 0 && len(t) > 0 && 'A' <= t[0] && t[0] <= 'Z' {
		i = 1
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && i+1 < len(t) && t[i+1] == ' '
}

// itemSite reads the site before the first colon of the item starting at line li.
func (p *para) itemSite(li int) string {
	i := p.lineTok(li)
	if i < 0 {
		return ""
	}
	start := i
	if p.marker(li) {
		start = i + 1
		if start < len(p.toks) && (p.w(start) == "." || p.w(start) == ")") {
			start++
		}
	}
	for k := start; k < len(p.toks) && k < start+10 && int(p.toks[k].line) == li; k++ {
		if p.w(k) == ":" {
			site, _, _ := p.siteAt(start, k)
			return site
		}
	}
	return ""
}

// ---- diagnosis and site ----

// siteAt reads site words starting at token i (before end): laterality and
// site words up to a stop, resolved through the anatomy table.
func (p *para) siteAt(i, end int) (string, int, int) {
	if i < end && (p.w(i) == "same" || p.w(i) == "other") {
		return "", 0, 0 // "on the same shin": a site named before, no new one
	}
	j := i
	for j < end && j-i < 8 {
		t := &p.toks[j]
		if w := p.w(j); t.kind != kWord && w != "-" && w != "'" {
			break
		}
		if siteStop(p.w(j)) {
			break
		}
		j++
	}
	for j > i && p.w(j-1) == "-" {
		j--
	}
	if j == i {
		return "", 0, 0
	}
	if e := p.ofSite(j, end); e > j {
		j = e // "the vertex of the scalp", "the back of the left hand"
	}
	text := p.text(i, j)
	if _, ok := anatomy.Resolve(text); !ok {
		return "", 0, 0
	}
	return text, i, j
}

// ofSite is the end of "of the <site>" at token j when the words after
// "of" name a site themselves ("vertex" / "of the scalp", "back" / "of the
// left hand"), or j.
func (p *para) ofSite(j, end int) int {
	if j+1 >= end || p.w(j) != "of" {
		return j
	}
	k := j + 1
	for k < end && (p.w(k) == "the" || p.w(k) == "her" || p.w(k) == "his") {
		k++
	}
	e := k
	for e < end && e-k < 4 && p.toks[e].kind == kWord && !siteStop(p.w(e)) {
		e++
	}
	if e == k {
		return j
	}
	if _, ok := anatomy.Resolve(p.text(k, e)); !ok {
		return j
	}
	return e
}

func siteStop(w string) bool {
	switch w {
	case "with", "which", "that", "extending", "measuring", "measured", "biopsy", "biopsied", "was", "were", "is",
		"and", "in", "since", "for", "treated", "near", "close", "abutting", "who", "where", "after", "before",
		"on", "of", "at", "to", "by", "from", "the", "a", "an", "today", "status", "previously", "recurrent",
		"showed", "shows", "revealed", "demonstrated", "confirmed", "over", "overlying", "showing", "revealing", "demonstrating",
		"diagnosed", "sampled", "excised", "removed", "noted", "identified", // "… of the right cheek diagnosed on punch biopsy"
		"has", "had", "have", "are", "been", "as", "because", "but", "or", "so", "when", "if": // "the face has ill-defined borders"
		return true
	}
	return false
}

// readDiagnoses reads the tumors a sentence names (not negated, not
// uncertain, not histology of a stage) with the site that follows ("basal cell
// carcinoma of the right medial cheek", "BCC, nodular, right nasal dorsum") or
// precedes it across a dash or a comma, opening the sentence ("Left cheek –
// basal cell carcinoma", "Right temple, infiltrative basal cell carcinoma").
func (st *state) readDiagnoses(p *para, s span, histology bool) {
	if !s.any(cDiagnosis) {
		return
	}
	lastEnd := -1
	for _, h := range p.hitsFrom(s.lo) {
		if int(h.lo) >= s.hi {
			break
		}
		if h.cat != cDiagnosis || int(h.lo) < lastEnd {
			continue
		}
		k, e := int(h.lo), int(h.hi)
		lastEnd = e
		if p.negated(k) || p.uncertain(k) || p.ctx[k]&(fHyp|fHist) != 0 {
			continue // "history of BCC on the right cheek" is no diagnosis of today's lesion
		}
		// "(SCCis)" right after another diagnosis repeats it.
		if k > s.lo && p.w(k-1) == "(" && len(st.f.Diagnoses) > 0 && k-2 >= s.lo && p.has(k-2, cDiagnosis) {
			continue
		}
		lo := k
		for lo-1 >= s.lo && p.has(lo-1, cDxMod) {
			lo--
		}
		for lo < k && p.w(lo) == "-" {
			lo++
		}
		if j := p.skipParen(e, s.hi); j > e && j < s.hi && (p.w(j) == "carcinoma" || p.w(j) == "cancer") {
			e = j + 1 // "basosquamous (metatypical) carcinoma of the right medial cheek"
		}
		d := Diagnosis{Text: p.text(lo, e), Span: p.spanOf(lo, e)}
		site, a, b := p.siteAfter(e, s.hi)
		// "… carcinoma of the left chin (punch biopsy 02/26/2026), 0.6 x 0.5
		// cm, treated …", "Squamous cell carcinoma in situ, punch biopsy
		// 12/16/2025, 1.2 x 1.0 cm, ill-defined"
		after := e
		if site != "" {
			after = b
		}
		if m, ok := p.appositionSize(after, s.hi); ok && !histology && !st.otherLesions {
			st.f.PreopSize = append(st.f.PreopSize, m)
		}
		if site != "" {
			d.Site, d.SiteSpan = site, p.spanOf(a, b)
		} else if site, a, b := p.siteCarrying(lo, s); site != "" {
			d.Site, d.SiteSpan = site, p.spanOf(a, b) // "The nasal tip carries a nodular basal cell carcinoma, …"
		} else if d0 := modifiersBefore(p, dxWordBefore(p, lo, s), s); d0-1 > s.lo && (p.w(d0-1) == "-" || p.w(d0-1) == ",") {
			// "Left cheek – basal cell carcinoma", "Right temple, infiltrative
			// basal cell carcinoma, biopsy-proven …", "Rt posterior upper arm -
			// Dx SCC, WD": the site opens the sentence
			dash := d0 - 1
			if dash-1 > s.lo && p.w(dash) == "-" && p.w(dash-1) == "-" {
				dash-- // "L preauricular -- BCC, morpheaform"
			}
			if site, a, b := p.siteAt(s.lo, dash); site != "" && b == dash {
				d.Site, d.SiteSpan = site, p.spanOf(a, b)
			} else if site, a, b := p.clauseSiteBefore(d0-1, s); site != "" {
				// "…: first, the left conchal bowl, nodular basal cell carcinoma,
				// 1.1 x 0.9 cm, …; second, the right lateral neck, …": the site
				// is the clause before the diagnosis
				d.Site, d.SiteSpan = site, p.spanOf(a, b)
			}
		} else if ls := p.lineStartOf(lo, s); ls > s.lo && ls < lo && p.siteSpans(ls, lo) {
			// "MMS x1" over "sup helix BCC nod 0.9x0.7cm": a terse lesion
			// line's site opens its line, the line before run into its sentence
			d.Site, d.SiteSpan = p.text(ls, lo), p.spanOf(ls, lo)
		} else if d0 := modifiersBefore(p, dxWordBefore(p, lo, s), s); d0-1 > s.lo && p.w(d0-1) == ")" {
			// "R upper lip (cutaneous) BCC nod 0.9x0.7cm": a terse lesion
			// line's site, its remark in parentheses, opens the sentence
			open := d0 - 2
			for open > s.lo && p.w(open) != "(" {
				open--
			}
			if site, a, b := p.siteAt(s.lo, open); p.w(open) == "(" && site != "" && a == s.lo && b == open {
				d.Site, d.SiteSpan = p.text(a, d0), p.spanOf(a, d0) // with its remark: "(vermilion)" is no skin of the lip
			}
		}
		if histology {
			st.f.HistologyDiagnoses = append(st.f.HistologyDiagnoses, d)
			continue
		}
		st.f.Diagnoses = append(st.f.Diagnoses, d)
		if site != "" && pluralTumor(p.w(e-1)) {
			// "basal cell carcinomas of the left forehead and the right
			// upper chest": one tumor at each site
			for j := b; j < s.hi; {
				if p.w(j) == "," {
					j++
				}
				if j >= s.hi || p.w(j) != "and" {
					break
				}
				next, a2, b2 := p.siteAfter(j+1, s.hi)
				if next == "" {
					break
				}
				st.f.Diagnoses = append(st.f.Diagnoses, Diagnosis{Text: d.Text, Span: d.Span, Site: next, SiteSpan: p.spanOf(a2, b2)})
				j = b2
			}
		}
	}
}

// pluralTumor reports whether a diagnosis ends with a plural noun:
// "carcinomas", "BCCs".
func pluralTumor(w string) bool {
	switch w {
	case "carcinomas", "bccs", "sccs", "melanomas", "cancers", "tumors", "tumours":
		return true
	}
	return false
}

// modifiersBefore is where a diagnosis at token lo starts with the short
// subtype words a terse note joins before it ("nod + micronodular bcc",
// "sup/nod bcc"): up to three tokens back, else lo.
func modifiersBefore(p *para, lo int, s span) int {
	d := lo
	for n := 0; n < 3 && d-1 > s.lo; n++ {
		switch w := p.w(d - 1); {
		case w == "+" || w == "&" || w == "/" || w == "and":
		case len(w) <= 5 && w != "," && w != "-" && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 && p.w(d) == "+":
		default:
			return d
		}
		d--
	}
	if p.w(d) == "+" || p.w(d) == "&" || p.w(d) == "/" || p.w(d) == "and" {
		return lo // a joiner with no word before it joins nothing
	}
	return d
}

// dxWordBefore is where a diagnosis at token lo starts with the word
// "Dx" or "diagnosis" before it ("- Dx SCC, WD"), else lo.
func dxWordBefore(p *para, lo int, s span) int {
	if lo-1 > s.lo && (p.w(lo-1) == "dx" || p.w(lo-1) == "diagnosis") {
		return lo - 1
	}
	return lo
}

// lineStartOf is the first token of sentence s on the line of token i.
func (p *para) lineStartOf(i int, s span) int {
	k := i
	for k > s.lo && p.toks[k-1].line == p.toks[i].line {
		k--
	}
	return k
}

// siteSpans reports whether tokens lo to hi are a site and nothing else.
func (p *para) siteSpans(lo, hi int) bool {
	site, a, b := p.siteAt(lo, hi)
	return site != "" && a == lo && b == hi
}

// afterDiagnosis reports whether the sentence before s names a tumor and
// no defect: "Nodular BCC, shave bx Sep 28." before "1.3 x 1.1 cm."
func (p *para) afterDiagnosis(s span) bool {
	for _, q := range p.sents {
		if q.hi == s.lo {
			return q.any(cDiagnosis) && !q.any(cDefect) && !q.any(cStageNoun)
		}
	}
	return false
}

// siteCarrying is the site that is the subject of "carries", "bears",
// "harbors" or "has" before the diagnosis at token lo ("The nasal tip
// carries a nodular basal cell carcinoma", "The left cheek has a …"), or
// "" ("The patient has a …" names no site).
func (p *para) siteCarrying(lo int, s span) (string, int, int) {
	v := lo - 1
	if v > s.lo && (p.w(v) == "a" || p.w(v) == "an") {
		v--
	}
	if v <= s.lo {
		return "", 0, 0
	}
	switch p.w(v) {
	case "carries", "bears", "harbors", "harbours", "has", "carried", "bore", "harbored", "harboured", "had":
	default:
		return "", 0, 0
	}
	start := v - 1
	for start > s.lo && start >= v-6 && p.w(start-1) != "," && p.w(start-1) != ";" && p.w(start-1) != ":" {
		start--
	}
	if p.w(start) == "the" {
		start++
	}
	if site, a, b := p.siteAt(start, v); site != "" && a == start && b == v {
		return site, a, b
	}
	return "", 0, 0
}

// clauseSiteBefore is the site that is the whole clause ending at token
// end (a comma or dash before a diagnosis), the clause opened by a comma, a
// semicolon or a colon and maybe "the": "the left conchal bowl" of "…;
// second, the right lateral neck, well-differentiated …"; "" when the
// clause is more than its site.
func (p *para) clauseSiteBefore(end int, s span) (string, int, int) {
	start := end - 1
	for start > s.lo && start >= end-7 {
		if w := p.w(start - 1); w == "," || w == ";" || w == ":" {
			break
		}
		start--
	}
	if start <= s.lo || start < end-6 {
		return "", 0, 0
	}
	if p.w(start) == "the" {
		start++
	}
	if site, a, b := p.siteAt(start, end); site != "" && a == start && b == end {
		return site, a, b
	}
	return "", 0, 0
}

// appositionSize reads the size set off by commas right after a
// diagnosis's site ending at token j (over a parenthesis): "of the vertex
// scalp, 3.4 x 2.8 cm, poorly defined". A size followed by another noun
// ("…, 2 mm margin") is not the lesion's.
func (p *para) appositionSize(j, end int) (Measure, bool) {
	from := j
	for n := 0; n < 3; n++ { // in either order: "…, lentigo maligna type, diagnosed on a broad shave biopsy of 11/05/2026, clinically 1.6 x 1.3 cm"
		was := j
		j = p.skipParen(p.skipBiopsySegment(p.skipParen(j, end), end), end) // "…, shave biopsy 04/08/2026 (CL26-5150), 1.0 x 0.9 cm"
		j = p.skipLandmark(j, end)
		j = p.skipSubtype(j, end)
		if j == was {
			break
		}
	}
	num := j + 1
	if num+1 < end && (approxWord(p.w(num)) || p.w(num) == "clinically") {
		num++ // ", roughly 1.0 x 0.9 cm,", ", clinically 1.4 x 1.2 cm with ill-defined edges"
	}
	terse := false
	if t := from + p.terseSubtype(from, end); j == from && from > 0 && p.toks[from-1].upper && len(p.w(from-1)) <= 5 && t < end && p.toks[t].kind == kNum {
		// a terse lesion line's "R cheek BCC infil 1.6x1.3cm; ill-defined":
		// the size right after the tumor's abbreviation and its subtype (not
		// "… and the occipital squamous cell carcinoma 1.4 x 1.2 cm", a
		// sentence's gapped verb, which tells the sizes of several)
		num, terse = t, true
	} else if num >= end || p.w(j) != "," || p.toks[num].kind != kNum || p.anyIn(from, j, cDefect) || p.anyIn(from, j, cRepairHead) {
		return Measure{}, false // "… of the squamous cell carcinoma, the final defect, 2.4 x 2.0 cm": the defect's
	}
	sz, nx, ok := p.measure(num, end)
	if !ok || len(sz.Dims) == 0 || sz.AreaSq > 0 {
		return Measure{}, false
	}
	if nx < end {
		switch p.w(nx) {
		case ",", ".", ";", ")", "with", "and", "in", "before", "preoperatively", "clinically", "today",
			"under", "by", "on": // "…, clinically 1.6 x 1.3 cm under Wood's lamp", "… on dermoscopy"
		case "(": // "…, 0.9 x 0.8 cm (accession MU26-50072)"
			if p.anyIn(nx, min(end, nx+4), cDefect) {
				return Measure{}, false // "…, 1.2 x 1.0 cm (final defect)"
			}
		default:
			// "L helix SCC WD 1.0x0.8cm" at a line's end, "bx+ 9/24/26 …" on
			// the next: a terse lesion line, no sentence running on
			a, _ := p.pos(nx - 1)
			if b, _ := p.pos(nx); !terse || a == b {
				return Measure{}, false
			}
		}
	}
	return Measure{Size: sz, Span: p.spanOf(num, nx)}, true
}

// terseSubtype is how many words from j are a terse note's subtype of the
// tumor before them, with no comma: "nod" of "BCC nod 0.9x0.7cm", "infil",
// "WD", "nod/sup".
func (p *para) terseSubtype(j, end int) int {
	n := 0
	for j+n < end && n < 3 && (p.has(j+n, cDxMod) || terseSubtypes[p.w(j+n)] || n > 0 && p.w(j+n) == "/") {
		n++ // "nod/sup"
	}
	return n
}

// terseSubtypes are the subtype words terse notes write after the tumor.
var terseSubtypes = map[string]bool{"nod": true, "infil": true, "infilt": true, "sup": true, "supf": true, "superf": true, "micronod": true,
	"morph": true, "wd": true, "md": true, "pd": true, "is": true}

// skipSubtype is where a segment of subtype words set off by commas after
// a diagnosis ends (", lentigo maligna type" of "Melanoma in situ, lentigo
// maligna type, 1.8 x 1.5 cm"), or j.
func (p *para) skipSubtype(j, end int) int {
	if j >= end || p.w(j) != "," {
		return j
	}
	k := j + 1
	for k < end && (p.has(k, cDxMod) || p.has(k, cDiagnosis) || p.w(k) == "type" || p.w(k) == "subtype" || p.w(k) == "and") {
		k++
	}
	if k == j+1 || k >= end || p.w(k) != "," {
		return j
	}
	return k
}

// approxWord reports whether w hedges the size after it: "approximately",
// "roughly".
func approxWord(w string) bool {
	switch w {
	case "approximately", "approx", "about", "roughly", "around", "nearly", "~":
		return true
	}
	return false
}

// commaBefore is the comma that sets off the size at token i, before it or
// before the word that hedges it (", roughly 1.0 x 0.9 cm"), or -1.
func (p *para) commaBefore(i, lo int) int {
	if i > lo && approxWord(p.w(i-1)) {
		i--
	}
	if i > lo && p.w(i-1) == "," {
		return i - 1
	}
	return -1
}

// landmarkTail reports whether tokens [b, c) place a site by a landmark
// and nothing else: "lateral to the philtrum", "just proximal to the nail
// fold", "over the zygoma".
func (p *para) landmarkTail(b, c int) bool {
	if b >= c || c-b > 7 {
		return false
	}
	k := b
	if p.w(k) == "just" {
		k++
	}
	if (p.w(k) == "to" || p.w(k) == "of") && k > 0 {
		k-- // the site took the direction word: "upper lip lateral" + "to the philtrum"
	}
	switch p.w(k) {
	case "lateral", "medial", "superior", "inferior", "anterior", "posterior", "proximal", "distal", "adjacent":
		k++
		if k >= c || p.w(k) != "to" && p.w(k) != "of" {
			return false
		}
	case "over", "overlying", "near", "below", "above":
	default:
		return false
	}
	for k++; k < c; k++ {
		if p.toks[k].kind != kWord || verb(p.w(k)) {
			return false
		}
	}
	return true
}

// skipLandmark skips a short comma segment at token j that places the
// lesion by a landmark (", proximal to the nail fold"), or a phrase "over
// …" or "overlying …" right after the site ("finger over the proximal
// phalanx"), when a size set off by a comma follows it: words only, no
// verb.
func (p *para) skipLandmark(j, end int) int {
	if j+1 >= end || p.w(j) != "," && p.w(j) != "over" && p.w(j) != "overlying" || p.toks[j+1].kind == kNum {
		return j
	}
	for k := j + 1; k < end && k <= j+7; k++ {
		switch {
		case p.w(k) == ",":
			if k > j+1 && k+1 < end && p.toks[k+1].kind == kNum {
				return k
			}
			return j
		case p.toks[k].kind != kWord || verb(p.w(k)) || p.has(k, cDiagnosis) || p.has(k, cBiopsy):
			return j
		}
	}
	return j
}

// skipBiopsySegment skips a comma segment at token j that cites the biopsy
// (", punch biopsy 12/16/2025"), up to the comma after it.
func (p *para) skipBiopsySegment(j, end int) int {
	if j+1 >= end || p.w(j) != "," {
		return j
	}
	for k := j + 1; k < end && k <= j+parenMax; k++ {
		switch {
		case p.w(k) == ",":
			if p.anyIn(j+1, k, cBiopsy) {
				return k
			}
			return j
		case p.w(k) == "(" && p.anyIn(j+1, k, cBiopsy):
			// ", biopsy-proven (shave, 04/02/2026), 1.0 x 0.8 cm"
			if e := p.skipParen(k, end); e > k {
				k = e - 1
				continue
			}
			return j
		case p.w(k) == ";" || p.w(k) == "." || p.w(k) == "(":
			return j
		}
	}
	return j
}

// skipParen skips a short parenthesis at token j: "(SCCis)", "(biopsy 04/16/2026)".
func (p *para) skipParen(j, end int) int {
	if j >= end || p.w(j) != "(" {
		return j
	}
	for k := j + 1; k < end && k < j+parenMax; k++ {
		if p.w(k) == ")" {
			return k + 1
		}
	}
	return j
}

// parenMax bounds the tokens of a parenthesis the readers skip or read.
const parenMax = 24

// siteAfter reads the site after a diagnosis ending at token e: over a
// parenthesis and up to three comma-separated segments ("…, nodular, right
// nasal dorsum"), after "of the"/"on the"/"involving the".
func (p *para) siteAfter(e, end int) (string, int, int) {
	j := p.skipParen(e, end)
	for seg := 0; seg < 3 && j < end; seg++ {
		if p.w(j) == "," {
			j++
		}
		k := j
		for k < end && (p.w(k) == "of" || p.w(k) == "on" || p.w(k) == "involving" || p.w(k) == "over" || p.w(k) == "at" || p.w(k) == "the" || p.w(k) == "her" || p.w(k) == "his" ||
			p.w(k) == "located" || p.w(k) == "situated") { // "…, moderately differentiated, located on the vertex of the scalp"
			k++
		}
		if site, a, b := p.siteAt(k, end); site != "" {
			return site, a, b
		}
		// A segment of subtype words ("nodular", "nodular and infiltrative") is
		// passed; anything else ends the search.
		for k < end && p.w(k) != "," {
			if !p.has(k, cDxMod) && !p.has(k, cDiagnosis) && !(p.w(k) == "and" && k > j && p.has(k-1, cDxMod)) {
				return "", 0, 0
			}
			k++
		}
		j = k
	}
	return "", 0, 0
}

// lesionNoun reports whether token i names the lesion.
func (p *para) lesionNoun(i int) bool { return p.has(i, cLesionNoun) || p.has(i, cDiagnosis) }

// ordinalLesion reports whether token i is an ordinal that stands for a
// lesion: "The second, on the right lateral knee, was a nodular basal cell
// carcinoma".
func (p *para) ordinalLesion(i int) bool {
	switch p.w(i) {
	case "first", "second", "third", "fourth", "fifth":
		return i > 0 && p.w(i-1) == "the" && i+1 < len(p.toks) && p.w(i+1) == ","
	}
	return false
}

// readSites reads the lesion's site named after a lesion word or the
// procedure ("a pearly papule on the left upper cutaneous lip", "Mohs surgery
// of the right temple"). Landmarks ("close to the lower eyelid") are not sites.
// readBiopsySite reads where the lesion's diagnostic biopsy was taken:
// "biopsy of the right lateral cheek" in a sentence that also gives the
// biopsy's tumor diagnosis ("…; the pathology showed infiltrative basal
// cell carcinoma"), of no other lesion, in no history of another tumor.
func (st *state) readBiopsySite(p *para, s span) {
	if st.otherLesions || !s.any(cBiopsy) || !s.any(cDiagnosis) || s.any(cOtherLesion) {
		return
	}
	for i := s.lo; i+2 < s.hi; i++ {
		if !p.has(i, cBiopsy) || p.negated(i) || p.uncertain(i) || p.ctx[i]&fHyp != 0 {
			continue
		}
		j := i + 1
		if _, b := p.dateAt(j, s.hi); b > j {
			j = b // "s/p punch bx 03/30/2026 of the R dorsal hand showing SCC in situ"
		}
		if j >= s.hi || p.w(j) != "of" {
			continue
		}
		j++
		if p.w(j) == "the" {
			j++
		}
		if site, a, b := p.siteAt(j, s.hi); site != "" {
			st.f.BiopsySites = append(st.f.BiopsySites, Text{Value: site, Span: p.spanOf(a, b)})
		}
		return
	}
}

func (st *state) readSites(p *para, s span) {
	if st.siteSentence(p, s) {
		return
	}
	if !s.any(cLesionNoun) && !s.any(cDiagnosis) && !s.any(cMohsSurgery) && !s.any(cDefect) {
		return
	}
	for i := s.lo; i+1 < s.hi; i++ {
		// "the final 1.8 x 1.6 cm defect of the left medial cheek was
		// repaired …": the lesion's defect, not a flap's secondary one
		defect := p.w(i) == "defect" && (p.w(i+1) == "of" || p.w(i+1) == "on") && (i == s.lo || p.w(i-1) != "secondary" && p.w(i-1) != "donor")
		lesion := p.lesionNoun(i) || p.ordinalLesion(i) || defect
		surgery := p.w(i) == "surgery" && i > s.lo && p.w(i-1) == "mohs" ||
			p.w(i) == "surgery" && i > s.lo+1 && p.w(i-1) == "micrographic" ||
			p.w(i) == "mohs" && (p.w(i+1) == "on" || p.w(i+1) == "of") // "comes in for Mohs on the left lateral cheek"
		if !lesion && !surgery {
			continue
		}
		if p.negated(i) || p.uncertain(i) || p.ctx[i]&fHyp != 0 {
			continue
		}
		// "a six-month history of a papule on the lip" is today's lesion: the
		// history of a lesion word is kept. A tumor or a Mohs surgery in the
		// past ("History of melanoma of the back", "prior Mohs surgery of the
		// left temple") is another lesion's, or another day's: its site is
		// never today's.
		if p.ctx[i]&fHist != 0 && (surgery || p.has(i, cDiagnosis)) {
			continue
		}
		j := i + 1
		if e := p.hitAt(i, cDiagnosis); e > 0 {
			j = e
		}
		j = p.skipParen(j, s.hi) // "(SCCis)"
		// "Mohs surgery was performed on the …", "the lesion located on the …"
		for k := 0; k < 3 && j < s.hi; k++ {
			switch p.w(j) {
			case "was", "performed", "today", "then", "located", "situated", "found", "present":
				j++
				continue
			}
			break
		}
		if j >= s.hi {
			continue
		}
		appositive := false // "One tumor, the right lower leg: a well-differentiated …"
		switch p.w(j) {
		case "on", "of", "at", "over", "involving", "to":
		case "straddles", "straddling", "overlies", "involves", "spans", "spanning": // "The first tumor straddles the right nasal sidewall/medial cheek."
			if !p.lesionNoun(i) {
				continue
			}
		case ",":
			// "Mohs surgery, right dorsal forearm"; "The first tumor, on the
			// left antihelix, required three stages"
			switch {
			case surgery:
			case j+1 < s.hi && (p.w(j+1) == "on" || p.w(j+1) == "of" || p.w(j+1) == "at" || p.w(j+1) == "over"):
				j++
			case j+1 < s.hi && p.w(j+1) == "the" && p.lesionNoun(i):
				appositive = true
			default:
				continue
			}
		default:
			continue
		}
		k := j + 1
		for k < s.hi && (p.w(k) == "the" || p.w(k) == "her" || p.w(k) == "his") {
			k++
		}
		site, a, b := p.siteAt(k, s.hi)
		if site == "" || appositive && (b >= s.hi || p.w(b) != "," && p.w(b) != ":") {
			continue
		}
		dup := false
		for _, o := range st.f.Sites {
			if strings.EqualFold(o.Value, site) {
				dup = true
			}
		}
		if !dup && len(st.f.Sites) < maxList {
			st.f.Sites = append(st.f.Sites, Text{Value: site, Span: p.spanOf(a, b)})
		}
		i = max(i, b-1)
	}
}

// siteThenTumor reads a terse sentence that opens with a site and goes on
// to its tumor, as a busy surgeon writes it: "L nasal ala BCC, nodular
// (shave bx 2/18/26)", "R earlobe BCC, bx proven 12/30/25.", "Vertex scalp
// SCCis (bx 2/16/26).", "The right forehead squamous cell carcinoma
// measured …". It reports whether it read one.
func (st *state) siteThenTumor(p *para, s span) bool {
	if !s.any(cDiagnosis) || p.ctx[s.lo]&(fNeg|fHist|fHyp) != 0 {
		return false
	}
	lo := s.lo
	switch p.w(lo) {
	case "the":
		lo++ // "The right forehead squamous cell carcinoma measured 1.0 x 0.8 cm"
	case "his", "her", "their", "its":
		return false // "His left cheek basal cell carcinoma was cleared with Mohs … on 05/01/2026": a tumor the reader already knows of
	}
	d := lo + 1
	for d < s.hi && d-lo <= 11 && !p.has(d, cDiagnosis) {
		d++
	}
	if d >= s.hi || d-lo > 11 || !p.has(d, cDiagnosis) {
		return false
	}
	end := d
	comma := -1
	for k := lo; k < d && comma < 0; k++ {
		if p.w(k) == "," || p.w(k) == ":" {
			comma = k // "The left upper cutaneous lip: a nodular basal cell carcinoma, …"
		}
	}
	if comma >= 0 {
		end = comma // "Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm."
		for k := end + 1; k < d; k++ {
			if !p.has(k, cDxMod) && p.toks[k].kind == kWord && !(k == end+1 && (p.w(k) == "a" || p.w(k) == "an")) {
				return false // "Left cheek, after the first stage, basal cell carcinoma …": no tumor of the site
			}
		}
		if d-end > 5 {
			return false
		}
	} else if d-lo > 5 {
		return false
	}
	site, a, b := p.siteAt(lo, end)
	if site == "" || a != lo || b != end || p.anyIn(a, b, cLesionNoun) || p.anyWordIn(span{lo: a, hi: b}, []string{"regarding", "for", "concerning"}) {
		return false // not "Regarding the left preauricular tumor, a well-differentiated …"
	}
	if len(st.f.Sites) < maxList {
		st.f.Sites = append(st.f.Sites, Text{Value: site, Span: p.spanOf(a, b)})
	}
	return true
}

// siteSentence reads a paragraph's first sentence when it is a site and
// nothing else, as a terse dictation opens: "Left nasal ala.", "Left dorsal
// hand, over the third metacarpal.".
func (st *state) siteSentence(p *para, s span) bool {
	if st.siteThenTumor(p, s) || st.siteThenLesion(p, s) {
		return true
	}
	if len(p.sents) == 0 || p.sents[0].lo != s.lo || s.any(cLesionNoun) || s.any(cDiagnosis) {
		return false
	}
	lo, e := s.lo, trimEnd(p, s.lo, s.hi)
	// "First, the left temple.", "Next, the right dorsal hand.": the order
	// the tumors were treated in, before the site
	later := false
	if lo < e && slices.Contains(sequenceWords, p.w(lo)) {
		later = p.w(lo) != "first"
		for lo++; lo < e && (p.w(lo) == "," || p.w(lo) == "the"); lo++ {
		}
	}
	site, a, b := p.siteAt(lo, e)
	if site == "" || a != lo || b != e && !(p.w(b) == "," && b+1 < e && (p.w(b+1) == "over" || p.w(b+1) == "overlying")) && p.skipParen(b, e) != e {
		return false // ("mms L helix (sup helical rim).": the site and where on it)
	}
	switch {
	case later && len(st.f.LaterSites) < maxList:
		st.f.LaterSites = append(st.f.LaterSites, Text{Value: site, Span: p.spanOf(a, b)})
	case !later && len(st.f.Sites) < maxList:
		st.f.Sites = append(st.f.Sites, Text{Value: site, Span: p.spanOf(a, b)})
	}
	return true
}

// siteThenLesion reads a paragraph's first sentence that opens with a
// site and a lesion described in a word or two, as a busy surgeon types
// it: "R preauricular pearly papule, 6 mo.", "L forearm scaly plaque". It
// reports whether it read one.
func (st *state) siteThenLesion(p *para, s span) bool {
	if len(p.sents) == 0 || p.sents[0].lo != s.lo || !s.any(cLesionNoun) || s.any(cDiagnosis) || p.ctx[s.lo]&(fNeg|fHist|fHyp) != 0 {
		return false
	}
	n := s.lo + 1
	for n < s.hi && n-s.lo < 9 && !p.has(n, cLesionNoun) && p.toks[n].kind == kWord {
		n++
	}
	if n >= s.hi || !p.has(n, cLesionNoun) || p.negated(n) {
		return false
	}
	j := n
	for j > s.lo+1 && slices.Contains(lookWords, p.w(j-1)) {
		j-- // "pearly", "scaly pink" between the site and its lesion
	}
	site, a, b := p.siteAt(s.lo, j)
	if site == "" || a != s.lo || b != j {
		return false
	}
	if len(st.f.Sites) < maxList {
		st.f.Sites = append(st.f.Sites, Text{Value: site, Span: p.spanOf(a, b)})
	}
	return true
}

// lookWords describe how a lesion looks, between its site and its noun:
// "R preauricular pearly papule".
var lookWords = []string{"pearly", "scaly", "pink", "red", "crusted", "crusting", "ulcerated", "keratotic", "hyperkeratotic", "pigmented",
	"erythematous", "shiny", "firm", "bleeding", "translucent", "waxy", "new", "small", "large", "enlarging", "irregular", "friable", "nonhealing", "non-healing"}

// sequenceWords tell the order a dictation takes its tumors in: "First,
// the left temple.", "Next, the right dorsal hand.".
var sequenceWords = []string{"first", "next", "then", "finally", "lastly", "second", "third", "fourth"}

// ---- indication ----

// surgeryVerbs say that the surgery a sentence names took place.
var surgeryVerbs = []string{"underwent", "performed", "undergoes"}

// months open a date written in words: "On July 22, 2025 …".
var months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec"}

// dateOfService reads "date of service 03/04/2026" or "DOS 03/04/2026"
// where a sentence names it without a field's colon (dictated by voice
// recognition); it reports whether it read one.
func (st *state) dateOfService(p *para, s span) bool {
	for i := s.lo; i < s.hi; i++ {
		j := i
		switch {
		case p.w(i) == "date" && i+2 < s.hi && p.w(i+1) == "of" && p.w(i+2) == "service":
			j = i + 3
		case p.w(i) == "dos":
			j = i + 1
		case p.w(i) == "seen" && !s.any(cBiopsy) && !s.any(cPriorCue) && p.ctx[i]&(fHist|fHyp|fNeg) == 0 && !p.earlierVisit(i, s):
			// the visit: "Patient …, MRN …, seen 10/20/2026 by Dr. …"
			j = i + 1
			if j < s.hi && p.w(j) == "on" {
				j++
			}
			if a, b := p.dateAt(j, s.hi); b == a {
				continue
			}
		case p.w(i) == "note" && i > s.lo && i-s.lo <= 3 && i+1 < s.hi && (p.w(i+1) == "-" || p.w(i+1) == "dated"):
			// a title that dates the note: "Chart note - 09/16/2026", "Procedure note dated 09/16/2026"
			j = i + 2
		default:
			continue
		}
		if j < s.hi && (p.w(j) == ":" || p.w(j) == "is" || p.w(j) == "was") {
			j++
		}
		if a, b := p.dateAt(j, s.hi); b > a {
			st.f.ServiceDate = append(st.f.ServiceDate, Text{Value: p.text(a, b), Span: p.spanOf(a, b)})
			return true
		}
		if a, b := p.dateSaid(j, s); b > a && p.w(i) == "date" {
			// "date of service the twenty-first of July, 7/21/2026"
			st.f.ServiceDate = append(st.f.ServiceDate, Text{Value: p.text(a, b), Span: p.spanOf(a, b)})
			return true
		}
		if a, b := p.dateBefore(i, s); b > a && p.w(i) == "date" {
			// "… on 4/21/2026, which is the date of service"
			st.f.ServiceDate = append(st.f.ServiceDate, Text{Value: p.text(a, b), Span: p.spanOf(a, b)})
			return true
		}
	}
	return false
}

// earlierVisit reports whether "seen" at token i is a visit before today:
// "last seen 06/01/2026", "first seen …", "previously seen …".
func (p *para) earlierVisit(i int, s span) bool {
	if i == s.lo {
		return false
	}
	switch p.w(i - 1) {
	case "last", "first", "previously", "initially", "originally", "recently", "earlier":
		return true
	}
	return false
}

// dateAt reads a date at token a: "03/04/2026", "March 4, 2026"; b == a
// when none stands there.
func (p *para) dateAt(a, end int) (int, int) {
	b := a
	for b < end {
		w := p.w(b)
		switch {
		case p.toks[b].kind == kNum, w == "/", w == "-", w == "," && b+1 < end && p.toks[b+1].kind == kNum, slices.Contains(months, w):
			b++
			continue
		}
		break
	}
	if b-a < 3 || a >= end || p.toks[a].kind != kNum && !slices.Contains(months, p.w(a)) {
		return a, a
	}
	return a, b
}

// readServiceDate reads the date that opens a sentence saying the Mohs
// surgery took place: "On 07/22/2025 Mr. … underwent Mohs micrographic
// surgery", "On July 22, 2025, the patient underwent Mohs surgery". The date
// is kept as written; the caller parses it.
func (st *state) readServiceDate(p *para, s span) {
	if st.dateOfService(p, s) || st.openingDate(p, s) {
		return
	}
	if s.hi-s.lo < 4 || p.w(s.lo) != "on" || !s.any(cMohsSurgery) || s.any(cBiopsy) && !p.anyWordIn(s, surgeryVerbs) {
		return
	}
	if !p.anyWordIn(s, surgeryVerbs) {
		return
	}
	a, b := s.lo+1, s.lo+1
	for b < s.hi {
		w := p.w(b)
		switch {
		case p.toks[b].kind == kNum, w == "/", w == "-", w == "," && b+1 < s.hi && p.toks[b+1].kind == kNum, slices.Contains(months, w):
			b++
			continue
		}
		break
	}
	if b-a < 3 || p.toks[a].kind != kNum && !slices.Contains(months, p.w(a)) {
		return
	}
	st.f.ServiceDate = append(st.f.ServiceDate, Text{Value: p.text(a, b), Span: p.spanOf(a, b)})
}

// dateSaid finds the date in figures that a date in words leads up to,
// within a few words of token j: "the twenty-first of July, 7/21/2026".
func (p *para) dateSaid(j int, s span) (int, int) {
	for k := j; k < s.hi && k < j+8; k++ {
		if p.toks[k].kind == kNum {
			if a, b := p.dateAt(k, s.hi); b > a {
				return a, b
			}
		}
		if w := p.w(k); w == "." || w == ";" || p.has(k, cBiopsy) {
			break
		}
	}
	return 0, 0
}

// dateBefore finds a date that ends right before token i of sentence s, but
// for words that make it the subject of what follows (", which is the",
// "(the"): "on 4/21/2026, which is the date of service".
func (p *para) dateBefore(i int, s span) (int, int) {
	k := i
	for k > s.lo && k > i-5 && slices.Contains([]string{",", "which", "is", "was", "the", "(", "as"}, p.w(k-1)) {
		k--
	}
	for a := max(s.lo, k-7); a < k; a++ {
		if x, b := p.dateAt(a, k); x == a && b == k {
			return a, b
		}
	}
	return 0, 0
}

// openingDate reads a date standing alone as the first sentence of a
// paragraph that goes on: "10/13/2026. Patient …, Surgeon Dr. …" dates the
// dictation, as a letter's date does. A date alone at a paragraph's end (a
// signature's) or in a paragraph of its own is not read, nor one the next
// sentence gives to a biopsy or the history.
func (st *state) openingDate(p *para, s span) bool {
	if len(p.sents) < 2 || p.sents[0].lo != s.lo || p.sents[0].hi != s.hi {
		return false
	}
	// "09/15/2026. Shave biopsy of the left cheek showed …" dates the biopsy
	if nx := p.sents[1]; nx.any(cBiopsy) || nx.any(cPriorCue) || nx.any(cHistPre) {
		return false
	}
	a, b := p.dateAt(s.lo, s.hi)
	if b == a || trimEnd(p, a, s.hi) != b {
		return false
	}
	st.f.ServiceDate = append(st.f.ServiceDate, Text{Value: p.text(a, b), Span: p.spanOf(a, b)})
	return true
}

// anyWordIn reports whether sentence s holds any of words.
func (p *para) anyWordIn(s span, words []string) bool {
	for k := s.lo; k < s.hi; k++ {
		if slices.Contains(words, p.w(k)) {
			return true
		}
	}
	return false
}

// readIndication reads why Mohs was chosen: "Mohs surgery was chosen because
// of the aggressive histologic subtype …", "Indication: …", "…, ill-defined
// (indication)". A generic sentence that names no reason for this lesion is
// none.
func (st *state) readIndication(p *para, s span) {
	if !s.any(cIndicationCue) {
		// "Mohs for the temple location in the H-zone and infiltrative features."
		if k := p.mohsFor(s); k > 0 && p.anyIn(k, s.hi, cReason) && !p.negated(k+1) && p.ctx[k]&fHyp == 0 || p.describedReason(s) {
			e := trimEnd(p, s.lo, s.hi)
			st.f.Indication = append(st.f.Indication, Text{Value: p.text(s.lo, e), Span: p.spanOf(s.lo, e)})
		}
		return
	}
	if t, ok := p.indicationAfter(s); ok {
		st.f.Indication = append(st.f.Indication, t) // "…, ill-defined (indication).", "…; indication ear location."
		return
	}
	for i := s.lo; i+1 < s.hi; i++ {
		if (p.w(i) == "indication" || p.w(i) == "indications" || p.w(i) == "ind") && p.w(i+1) == ":" && i+2 < s.hi {
			e := trimEnd(p, i+2, s.hi)
			if e > i+2 && p.anyIn(i+2, e, cReason) {
				st.f.Indication = append(st.f.Indication, Text{Value: p.text(i+2, e), Span: p.spanOf(i+2, e)})
			}
			return
		}
	}
	k := p.firstIn(s.lo, s.hi, cIndicationCue)
	if k < 0 || !s.any(cReason) || p.negated(k) || p.ctx[k]&fHyp != 0 {
		return
	}
	if !s.any(cMohsSurgery) && !(p.w(k) == "indication" && k > s.lo && p.w(k-1) == "the") {
		return // "…, recurrent after ED&C in 2024, which is the indication" names its reason without Mohs
	}
	lo := s.lo
	switch p.w(k) {
	case "because", "due", "given", "in", "owing", "b":
		lo = k
	}
	e := trimEnd(p, lo, s.hi)
	st.f.Indication = append(st.f.Indication, Text{Value: p.text(lo, e), Span: p.spanOf(lo, e)})
}

// describedReason reports whether sentence s describes a tumor by a reason
// for Mohs surgery that needs no "because": its recurrence or its
// ill-defined borders ("a superficial basal cell carcinoma of the left
// shoulder, 1.6 x 1.3 cm, recurrent after topical imiquimod with
// ill-defined margins"), neither negated, doubted nor supposed.
func (p *para) describedReason(s span) bool {
	if !s.any(cReason) || !s.any(cDiagnosis) && !s.any(cLesionNoun) {
		return false
	}
	for k := s.lo; k < s.hi; k++ {
		if !p.has(k, cReason) || p.negated(k) || p.uncertain(k) || p.ctx[k]&(fHyp|fHist) != 0 {
			continue
		}
		switch p.w(k) {
		case "recurrent", "recurred", "recurrence", "indistinct":
			return true
		case "ill", "poorly":
			return k+1 < s.hi && (p.w(k+1) == "defined" || p.w(k+1) == "-" && k+2 < s.hi && p.w(k+2) == "defined")
		}
	}
	return false
}

// indicationAfter reads an indication the word "indication" marks
// without a colon: in parentheses after its reason, the clause before it
// or the two before it ("…, 1.2 x 1.1 cm, ill-defined (indication).",
// "…, ill-defined, on a poor-healing site (indication).", "…, poorly
// defined margins (indication along with facial location)."), or opening a
// clause before its reason ("…, 0.9 x 0.8 cm; indication ear location.").
func (p *para) indicationAfter(s span) (Text, bool) {
	isWord := func(k int) bool { return p.w(k) == "indication" || p.w(k) == "indications" }
	for i := s.lo; i+1 < s.hi; i++ {
		switch {
		case p.w(i) == "(" && isWord(i+1) && i > s.lo:
			end := i + 2
			for end < s.hi && p.w(end) != ")" {
				end++
			}
			lo := i
			for clauses := 0; clauses < 2 && lo > s.lo; clauses++ {
				for lo > s.lo && p.w(lo-1) != "," && p.w(lo-1) != ";" {
					lo--
				}
				if p.anyIn(lo, i, cReason) {
					return Text{Value: p.text(lo, end), Span: p.spanOf(lo, end)}, true
				}
				if lo > s.lo {
					lo--
				}
			}
			return Text{}, false
		case isWord(i) && p.w(i+1) != ":" && (i == s.lo || p.w(i-1) == ";"):
			e := trimEnd(p, i+1, s.hi)
			if e > i+1 && p.anyIn(i+1, e, cReason) {
				return Text{Value: p.text(i+1, e), Span: p.spanOf(i+1, e)}, true
			}
		}
	}
	return Text{}, false
}

// mohsFor is the token of "for" in a sentence, or a part of one after a
// semicolon or "treated with", that opens "Mohs for …" or "Mohs surgery
// for …" (a terse indication: "Well-differentiated SCC, 0.9 x 0.8 cm; Mohs
// for facial location."), or 0.
func (p *para) mohsFor(s span) int {
	at := s.lo
	for k := s.lo; k+1 < s.hi; k++ {
		if p.w(k+1) == "mohs" && (p.w(k) == ";" || p.w(k) == "with" && k > s.lo && (p.w(k-1) == "treated" || p.w(k-1) == "managed")) {
			at = k + 1 // "…; Mohs for facial location", "…, treated with Mohs for the location on the hand"
			break
		}
	}
	if s.hi-at < 4 || p.w(at) != "mohs" {
		return 0
	}
	k := at + 1
	for k < s.hi && k <= at+8 && (p.w(k) == "surgery" || p.w(k) == "micrographic" || p.w(k) == "was" || p.w(k) == "is" ||
		p.w(k) == "followed" || p.w(k) == "then" || p.w(k) == "performed" || p.w(k) == "the" || p.w(k) == "same" || p.w(k) == "day") {
		// "Mohs followed the same day for the facial location", "Mohs surgery was then performed the same day for margin control on a digit"
		k++
	}
	if k < s.hi && (p.w(k) == "for" || p.w(k) == ":" && k == at+1 && at == s.lo) {
		return k // "mohs: ear (H-zone)", a cell of a lesion's line, gives its reason after the colon
	}
	return 0
}

// siteWordsBefore is where up to three words naming a site end before
// token at ("nasal sidewall" in "the 1.2 x 1.0 cm nasal sidewall defect"),
// or at when they do not.
func (p *para) siteWordsBefore(at, lo int) int {
	from := at
	for a := at - 1; a >= lo && a >= at-3; a-- {
		if w := p.w(a); p.toks[a].kind != kWord || w == "cm" || w == "mm" {
			break
		}
		if site, _, b := p.siteAt(a, at); site != "" && b == at {
			from = a
		}
	}
	return from
}

// ---- sizes ----

// readSizes reads the pre-operative size, the final defect, primary and
// secondary defects and areas for the paragraph's repair, and excision margins.
func (st *state) readSizes(p *para, s span) {
	if sz, nx, ok := p.measure(s.lo, s.hi); ok && len(sz.Dims) == 2 && trimEnd(p, nx, s.hi) == nx && !st.otherLesions && p.afterDiagnosis(s) {
		// "Nodular BCC, shave bx Sep 28 (acc SG26-1519). 1.3 x 1.1 cm.": a
		// size alone after the tumor's sentence is its size
		st.f.PreopSize = append(st.f.PreopSize, Measure{Size: sz, Span: p.spanOf(s.lo, nx)})
		return
	}
	if !s.any(cPreopCue) && !s.any(cDefect) && !s.any(cMarginLoc) && !s.any(cLesionNoun) && !s.any(cDiagnosis) &&
		!p.anyWordIn(s, marginWords) && p.w(s.lo) != "clinically" && p.siteKey(s) < 0 { // "Clinical margin of 2 mm was taken." (a pseudo-trigger, no margin place)
		return
	}
	exclBefore := -1
	if s.any(cPreopExclBefore) {
		exclBefore = p.firstIn(s.lo, s.hi, cPreopExclBefore)
	}
	for i := s.lo; i < s.hi; i++ {
		switch {
		case p.w(i) == "size" && p.has(i-1, cFinalDefect) && !st.otherLesions:
			// "POSTOP SIZE: 1.9 x 1.6 cm" is the final defect
			if sz, a, b, ok := p.measureAfter(i+1, s.hi, 2); ok && len(sz.Dims) > 0 {
				st.f.FinalDefect = append(st.f.FinalDefect, Measure{Size: sz, Span: p.spanOf(a, b)})
				i = max(i, b-1)
			}
		case p.hitAt(i, cPreopCue) > 0 && st.preopSentence(p, s, i, exclBefore):
			e := p.hitAt(i, cPreopCue)
			if sz, a, b, ok := p.measureAfter(e, s.hi, 4); ok && len(sz.Dims) > 0 {
				st.f.PreopSize = append(st.f.PreopSize, Measure{Size: sz, Span: p.spanOf(a, b)})
				i = max(i, b-1)
				for n := 0; n < maxList; n++ { // "Site one measured 0.8 x 0.7 cm and site two 0.7 x 0.6 cm"
					m, nb, ok := p.ellipsisSize(i+1, s)
					if !ok {
						break
					}
					st.f.PreopSize = append(st.f.PreopSize, m)
					i = max(i, nb-1)
				}
			}
		case p.has(i, cDefect) && p.toks[i].kind == kWord:
			st.defect(p, s, i)
		case p.toks[i].kind == kNum:
			if m, b, ok := p.excisionMargin(i, s); ok {
				st.f.ExcisionMargin = append(st.f.ExcisionMargin, m)
				i = max(i, b-1)
			} else if m, b, ok := p.lesionSize(i, s.hi); ok && st.preopSentence(p, s, i, exclBefore) {
				if !slices.ContainsFunc(st.f.PreopSize, func(o Measure) bool { return o.Span.Line == m.Span.Line && o.Span.Col == m.Span.Col }) {
					st.f.PreopSize = append(st.f.PreopSize, m) // readDiagnoses may have read it: "…, 0.8 x 0.7 cm before surgery, …"
				}
				i = max(i, b-1)
			} else if m, b, ok := p.sizeInSentence(i, s); ok && st.preopSentence(p, s, i, exclBefore) {
				if !slices.ContainsFunc(st.f.PreopSize, func(o Measure) bool { return o.Span == m.Span }) { // readDiagnoses may have read it
					st.f.PreopSize = append(st.f.PreopSize, m)
				}
				i = max(i, b-1)
			}
		}
	}
}

// siteKey is the colon after a site that opens sentence s as its key
// ("Left cheek: 0.8 x 0.7 cm."), or -1.
func (p *para) siteKey(s span) int {
	for k := s.lo + 1; k < s.hi && k <= s.lo+5; k++ {
		if p.w(k) != ":" {
			continue
		}
		if site, a, b := p.siteAt(s.lo, k); site != "" && a == s.lo && b == k {
			return k
		}
		return -1
	}
	return -1
}

// siteKeySize reads a size of two dimensions that is all a site key's
// sentence says, or its first part: "Left cheek: 0.8 x 0.7 cm.", "Left
// shin: 1.1 x 0.9 cm; Mohs for recurrence …" — the lesion's size, as the
// site paragraph's first words.
func (p *para) siteKeySize(i int, s span) (Measure, int, bool) {
	if k := p.siteKey(s); k < 0 || i != k+1 || s.lo != 0 {
		return Measure{}, 0, false // only the paragraph's first words: a size under a heading of defects is none
	}
	sz, nx, ok := p.measure(i, s.hi)
	if !ok || len(sz.Dims) < 2 || sz.AreaSq > 0 || nx < s.hi && p.w(nx) != ";" && p.w(nx) != "." && p.w(nx) != "," {
		return Measure{}, 0, false
	}
	return Measure{Size: sz, Span: p.spanOf(i, nx)}, nx, true
}

// tumorSize reads a size of two dimensions right after the tumor it
// measures ("…, a nodular basal cell carcinoma 1.0 x 0.8 cm. Defect …") or
// after "clinically" opening a clause ("Clinically 1.0 x 0.9 cm."), where
// the clause ends after it.
func (p *para) tumorSize(i int, s span) (Measure, int, bool) {
	if i == s.lo {
		return Measure{}, 0, false
	}
	before := i - 1
	switch {
	case p.has(before, cDiagnosis) && !p.negated(before) && p.ctx[before]&(fHist|fHyp) == 0:
	case p.w(before) == "clinically" && (before == s.lo || p.w(before-1) == "," || p.w(before-1) == ";"):
	default:
		return Measure{}, 0, false
	}
	return p.clauseEndSize(i, s, nil)
}

// clauseEndSize reads a size of two dimensions at token i that its clause
// ends on, or goes on after with a word of place ("with", "on", "in",
// "at", "over"), or with a token more accepts (more may be nil).
func (p *para) clauseEndSize(i int, s span, more func(nx int) bool) (Measure, int, bool) {
	sz, nx, ok := p.measure(i, s.hi)
	if !ok || len(sz.Dims) < 2 || sz.AreaSq > 0 {
		return Measure{}, 0, false
	}
	if nx < s.hi {
		switch p.w(nx) {
		case ",", ".", ";", "with", "on", "in", "at", "over":
		default:
			if more == nil || !more(nx) {
				return Measure{}, 0, false
			}
		}
	}
	return Measure{Size: sz, Span: p.spanOf(i, nx)}, nx, true
}

// sizeInSentence reads the lesion's size at token i in the first of the
// forms a sentence may give it that fits: after a biopsy's segment, in
// apposition to a noun or a site, with "of", as a predicate, opening a
// clause, after a site key, or right after its tumor.
func (p *para) sizeInSentence(i int, s span) (Measure, int, bool) {
	for _, read := range []func(int, span) (Measure, int, bool){
		p.biopsyApposition, p.nounApposition, p.siteApposition, p.ofLesionSize,
		p.predicateSize, p.clauseSize, p.siteKeySize, p.tumorSize,
	} {
		if m, b, ok := read(i, s); ok {
			return m, b, true
		}
	}
	return Measure{}, 0, false
}

// lesionSize reads a size that a lesion noun follows, over a few
// describing words: "0.9 x 0.7 cm pearly papule", "a 1.2 cm nodule", "a
// 1.3 x 1.1 cm scarred, indurated plaque", or "in size" or "before
// surgery" ("…, 1.0 x 0.8 cm in size", "…; 0.9 x 0.7 cm before surgery") where no defect or repair word comes just before it. A
// word that names something else between them ("4 mm punch biopsy of the
// lesion") makes it no lesion's size.
func (p *para) lesionSize(i, end int) (Measure, int, bool) {
	sz, nx, ok := p.measure(i, end)
	if !ok || len(sz.Dims) == 0 || sz.AreaSq > 0 {
		return Measure{}, 0, false
	}
	if nx+1 < end && p.w(nx) == "in" && p.w(nx+1) == "size" && !p.anyIn(max(0, i-6), i, cDefect) && !p.anyIn(max(0, i-6), i, cRepairHead) {
		return Measure{Size: sz, Span: p.spanOf(i, nx+2)}, nx + 2, true // "…, 1.0 x 0.8 cm in size"
	}
	if nx+1 < end && p.w(nx) == "before" && (p.w(nx+1) == "surgery" || p.w(nx+1) == "mohs") && len(sz.Dims) == 2 &&
		!p.anyIn(max(0, i-6), i, cDefect) && !p.anyIn(max(0, i-6), i, cRepairHead) {
		return Measure{Size: sz, Span: p.spanOf(i, nx+2)}, nx + 2, true // "…; 0.9 x 0.7 cm before surgery."
	}
	reach := nx + 3
	for k := nx; k < end && k <= reach; k++ {
		if w := p.w(k); w == "biopsy" && k+2 < end && p.w(k+1) == "-" && (p.w(k+2) == "proven" || p.w(k+2) == "confirmed") {
			k, reach = k+2, reach+3 // "a 1.8 x 1.5 cm biopsy-proven … carcinoma"
			continue
		} else if w == "(" {
			e := k + 1
			for e < end && e <= k+8 && p.w(e) != ")" && p.w(e) != "(" {
				e++
			}
			if e < end && p.w(e) == ")" {
				k, reach = e, reach+e-k+1 // "(punch biopsy 5/12/2026)" between the size and its tumor
				continue
			}
		}
		switch {
		case p.has(k, cLesionNoun) || p.has(k, cDiagnosis) && !p.negated(k) && p.ctx[k]&fHist == 0:
			// "a 1.7 x 1.4 cm squamous cell carcinoma at the junction of …"
			return Measure{Size: sz, Span: p.spanOf(i, nx)}, nx, true
		case (p.w(k) == "," || p.w(k) == "-") && k > nx && k+1 < end && p.toks[k-1].kind == kWord && p.toks[k+1].kind == kWord:
			reach++ // "a 1.3 x 1.1 cm scarred, indurated plaque", "a 1.0 x 0.8 cm scar-like plaque"
		case p.toks[k].kind != kWord || p.has(k, cDefect) || p.has(k, cBiopsy) || p.has(k, cRepairHead) ||
			p.has(k, cMarginLoc) || p.has(k, cStageNoun):
			return Measure{}, 0, false
		}
		switch p.w(k) {
		case "of", "on", "in", "at", "to", "from", "with", "the", "a", "an", "and":
			return Measure{}, 0, false
		}
	}
	return Measure{}, 0, false
}

// ellipsisSize reads the size of another lesion that shares the size
// cue before it, from token j: "… measured 0.8 x 0.7 cm and site two 0.7
// x 0.6 cm", ", and lesion 3 1.1 x 0.9 cm".
func (p *para) ellipsisSize(j int, s span) (Measure, int, bool) {
	if j < s.hi && p.w(j) == "," {
		j++
	}
	if j+3 >= s.hi || p.w(j) != "and" {
		return Measure{}, 0, false
	}
	j++
	if p.w(j) == "the" {
		j++
	}
	switch {
	case j+1 < s.hi && lesionWord(p.w(j)) && (p.countAt(j+1) > 0 || p.w(j+1) == "#" && j+2 < s.hi && p.countAt(j+2) > 0):
		j += 2
		if p.w(j-1) == "#" {
			j++
		}
	case j+1 < s.hi && ordinal(p.w(j)) > 0 && lesionWord(p.w(j+1)):
		j += 2
	default:
		return Measure{}, 0, false
	}
	if j < s.hi && (p.w(j) == "measured" || p.w(j) == "measuring" || p.w(j) == "was" || p.w(j) == ",") {
		j++
	}
	if j >= s.hi || p.toks[j].kind != kNum {
		return Measure{}, 0, false
	}
	sz, nx, ok := p.measure(j, s.hi)
	if !ok || len(sz.Dims) == 0 || sz.AreaSq > 0 {
		return Measure{}, 0, false
	}
	return Measure{Size: sz, Span: p.spanOf(j, nx)}, nx, true
}

// lesionWord reports whether w names a lesion before its number.
func lesionWord(w string) bool { return w == "site" || w == "lesion" || w == "tumor" || w == "tumour" }

// biopsyApposition reads a size set off by commas after the biopsy that
// proved the tumor the sentence names: "Squamous cell carcinoma proven on
// punch biopsy, 2.1 x 1.7 cm, in an immunosuppressed …", "… confirmed on
// shave biopsy 03/02/2026, 0.9 x 0.8 cm, …", "…, infiltrative (biopsy
// 10/27/2026), 1.1 x 0.9 cm".
func (p *para) biopsyApposition(i int, s span) (Measure, int, bool) {
	c := p.commaBefore(i, s.lo)
	if c-1 < s.lo || !s.any(cDiagnosis) {
		return Measure{}, 0, false
	}
	biopsy, proved := false, false
	for k := c - 1; k >= s.lo && k >= c-11; k-- {
		w := p.w(k)
		if w == "," || w == ";" || w == ":" {
			break
		}
		if p.has(k, cBiopsy) && !p.negated(k) {
			biopsy = true
		}
		if w == "proven" || w == "confirmed" || w == "diagnosed" {
			proved = true
		}
	}
	if p.w(c-1) == ")" {
		proved = true // "Basal cell carcinoma, infiltrative (biopsy 10/27/2026), 1.1 x 0.9 cm": the biopsy cited in parentheses
		for k := c - 2; k >= s.lo && k >= c-16 && p.w(k) != "(" && p.w(k) != ")"; k-- {
			// "(biopsy 02/24/2026, Path #BM26-3311)": a comma inside the parentheses
			biopsy = biopsy || p.has(k, cBiopsy) && !p.negated(k)
		}
	}
	if !biopsy || !proved {
		return Measure{}, 0, false
	}
	return p.apposed(i, c, s)
}

// apposed reads the size at token i that the comma at token c sets off,
// and where reading goes on after it.
func (p *para) apposed(i, c int, s span) (Measure, int, bool) {
	m, ok := p.appositionSize(c, s.hi)
	if !ok {
		return Measure{}, 0, false
	}
	_, nx, _ := p.measure(i, s.hi)
	return m, nx, true
}

// nounApposition reads a size set off by commas after a lesion noun: "The
// helical tumor, 0.9 x 0.8 cm, was treated with Mohs" (after a diagnosis,
// readDiagnoses reads it).
func (p *para) nounApposition(i int, s span) (Measure, int, bool) {
	c := p.commaBefore(i, s.lo)
	if c-1 < s.lo || !p.has(c-1, cLesionNoun) || p.has(c-1, cDiagnosis) {
		return Measure{}, 0, false
	}
	return p.apposed(i, c, s)
}

// siteApposition reads a size set off by commas after the site of a lesion
// noun: "the tumor is on the forehead, 1.6 x 1.4 cm, with poorly defined
// borders", "ill-defined lesion of the jawline, 1.4 x 1.2 cm before surgery".
func (p *para) siteApposition(i int, s span) (Measure, int, bool) {
	c := p.commaBefore(i, s.lo)
	if c-2 < s.lo {
		return Measure{}, 0, false
	}
	for a := c - 1; a >= s.lo && a >= c-10; a-- {
		site, _, b := p.siteAt(a, c)
		if site == "" || b != c && !p.landmarkTail(b, c) {
			continue // "on the cutaneous upper lip lateral to the philtrum, 1.0 x 0.8 cm": a landmark may follow the site
		}
		k := a - 1
		for k >= s.lo && (p.w(k) == "the" || p.w(k) == "her" || p.w(k) == "his") {
			k--
		}
		if k < s.lo {
			break
		}
		switch p.w(k) {
		case "on", "of", "over", "at":
		default:
			continue
		}
		k--
		for n := 0; n < 2 && k >= s.lo; n++ {
			switch p.w(k) {
			case "is", "was", "located", "situated":
				k--
				continue
			}
			break
		}
		if k > s.lo && p.w(k) == "," { // "carcinoma, well differentiated, on the …": back over the subtype set off by commas
			j := k - 1
			for j > s.lo && j >= k-4 && p.w(j) != "," && p.toks[j].kind == kWord {
				j--
			}
			if p.w(j) == "," && j < k-1 {
				k = j - 1
			}
		}
		if k >= s.lo && (p.has(k, cLesionNoun) || p.has(k, cDiagnosis)) && !p.negated(k) && p.ctx[k]&(fHist|fHyp) == 0 {
			return p.apposed(i, c, s) // "a nodule on the left cheek, 1.0 x 0.8 cm", "a nodular basal cell carcinoma of the right medial canthus, 0.9 x 0.8 cm (accession …)"
		}
	}
	return Measure{}, 0, false
}

// clauseSize reads a lesion's size of two dimensions that opens a clause
// of a sentence about the lesion: "…, shave biopsy 06/04/2026; 0.7 x 0.6 cm
// on the dorsal hand", "…; 1.8 x 1.6 cm with indistinct borders", "…; 1.5 x
// 1.3 cm tumor with poorly defined margins", "Lesion 1.1 x 0.9 cm.",
// "recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, with …", "an
// invasive squamous cell carcinoma with poorly defined borders, 2.4 x 2.0
// cm, on …".
func (p *para) clauseSize(i int, s span) (Measure, int, bool) {
	if !s.any(cLesionNoun) && !s.any(cDiagnosis) && !s.any(cIndicationCue) && !s.any(cReason) {
		return Measure{}, 0, false
	}
	opens := i == s.lo || p.w(i-1) == ";" || i-1 == s.lo && p.has(i-1, cLesionNoun) ||
		p.w(i-1) == "," && (p.anyIn(max(s.lo, i-8), i, cLesionNoun) || p.describedTumorBefore(i, s))
	if !opens {
		return Measure{}, 0, false
	}
	return p.clauseEndSize(i, s, func(nx int) bool { return p.has(nx, cLesionNoun) })
}

// describedTumorBefore reports whether a tumor's name stands at most
// twelve words before the comma ending at token i, with only words that
// describe it between them and no verb ("a squamous cell carcinoma on a
// site of prior radiation with poorly defined borders, 1.2 by 1.0 cm"; not
// "… of the left dorsal thumb, which was excised, 1.0 x 0.8 cm").
func (p *para) describedTumorBefore(i int, s span) bool {
	for k := i - 2; k >= s.lo && k >= i-12; k-- {
		if p.has(k, cDiagnosis) {
			return true
		}
		if verb(p.w(k)) || p.w(k) == "which" || p.w(k) == ";" {
			return false
		}
	}
	return false
}

// ofLesionSize reads a size a lesion noun or a tumor takes with "of": "an
// ill-defined pigmented patch of 2.0 x 1.6 cm", "a nodule of 8 mm", "a
// squamous cell carcinoma of 2.2 x 1.9 cm, recurrent after curettage".
func (p *para) ofLesionSize(i int, s span) (Measure, int, bool) {
	if i-2 < s.lo || p.w(i-1) != "of" || !p.has(i-2, cLesionNoun) && !p.has(i-2, cDiagnosis) {
		return Measure{}, 0, false
	}
	sz, nx, ok := p.measure(i, s.hi)
	if !ok || len(sz.Dims) == 0 || sz.AreaSq > 0 {
		return Measure{}, 0, false
	}
	if p.has(i-2, cDiagnosis) && nx < s.hi {
		switch p.w(nx) { // "a … squamous cell carcinoma of 2.2 x 1.9 cm, recurrent …", "… carcinoma of 0.6 x 0.5 cm had been confirmed …", not "… of 2 mm depth"
		case ",", ".", ";", ")", "(", "with", "and", "on", "at", "in", "had", "has", "was", "is", "which", "that":
		default:
			return Measure{}, 0, false
		}
	}
	return Measure{Size: sz, Span: p.spanOf(i, nx)}, nx, true
}

// predicateSize reads a size said of a lesion noun through "is" or "was",
// over at most two describing words and a comma: "the lesion was 1.1 x 0.9
// cm", "the tumor is large, 2.8 x 2.4 cm, with poorly defined borders". A
// word after the size that makes it a distance or a depth ("2 mm from the
// margin", "4 mm deep") makes it none.
func (p *para) predicateSize(i int, s span) (Measure, int, bool) {
	sz, nx, ok := p.measure(i, s.hi)
	if !ok || len(sz.Dims) == 0 || sz.AreaSq > 0 {
		return Measure{}, 0, false
	}
	if nx < s.hi {
		switch p.w(nx) {
		case ",", ".", ";", ")", "with", "and", "before", "preoperatively", "clinically":
		default:
			return Measure{}, 0, false
		}
	}
	k := i - 1
	if k >= s.lo && p.w(k) == "," {
		k--
	}
	for n := 0; n < 2 && k >= s.lo && p.toks[k].kind == kWord && p.w(k) != "is" && p.w(k) != "was"; {
		if !spokenMeasureWord(p.w(k)) { // "is about eight by six millimeters, 0.8 x 0.6 cm"
			n++
		}
		k--
	}
	if k-1 < s.lo || p.w(k) != "is" && p.w(k) != "was" || !p.lesionNoun(k-1) {
		return Measure{}, 0, false
	}
	return Measure{Size: sz, Span: p.spanOf(i, nx)}, nx, true
}

// preopSentence reports whether a size cue in sentence s is about the lesion,
// not the defect, the repair or a margin taken (before the cue at i).
func (st *state) preopSentence(p *para, s span, i, exclBefore int) bool {
	if p.asideCue(s) && p.introducesOther(s) {
		return false // "While she was here she asked about a new scaly pink papule of 5 mm on the left upper arm."
	}
	lo, _ := p.stretch(i, s)
	for k := i - 1; k > lo; k-- {
		if p.w(k) == ";" {
			lo = k // "recurrent tumor after prior excision with positive margins; 1.8 x 1.6 cm": another clause's margins
			break
		}
	}
	if exclBefore >= 0 && exclBefore < i && p.exclBeforeIn(lo, i) {
		return false
	}
	if !s.any(cPreopExcl) {
		return !p.stretchAny(i, s, cDefect) && !p.stretchAny(i, s, cRepairHead) && !st.otherLesions
	}
	// A wound, graft or area the size belongs to stands before it or right
	// after it ("a 2.0 x 1.5 cm wound"), not at the end of the sentence
	// ("size of 1.3 x 1.1 cm in an area with little spare skin").
	lo, hi := p.stretch(i, s)
	return !p.stretchAny(i, s, cDefect) && !p.stretchAny(i, s, cRepairHead) && !st.otherLesions && !p.anyIn(lo, min(hi, i+5), cPreopExcl)
}

// longSentence is the most tokens a sentence has that is read as one
// stretch; a longer one is a run-on dictation ("…, and the first stage was
// taken …, and after tumor clearance the defect was closed …").
const longSentence = 48

// longStretch is the most tokens a stretch or clause reaches on either
// side of its word, so that an endless run-on sentence is read in linear
// time; no dictated clause runs this long without a joint.
const longStretch = 4 * longSentence

// short reports whether sentence s is read as one stretch.
func (p *para) short(s span) bool { return s.hi-s.lo <= longSentence }

// clauseOpeners open a clause after a bare "and" or "so" in a sentence
// that runs on without commas.
var clauseOpeners = map[string]bool{"after": true, "the": true, "it": true, "i": true, "we": true, "then": true, "no": true, "which": true, "mohs": true}

// runOnJoint reports whether token k is a bare "and" or "so" that opens a
// clause in a sentence that runs on without commas ("… cut into two blocks
// which I read myself and after tumor clearance the final defect …").
func (p *para) runOnJoint(k int, s span) bool {
	return s.hi-s.lo > 2*longSentence && k+1 < s.hi && (p.w(k) == "so" || p.w(k) == "and") && clauseOpeners[p.w(k+1)]
}

// stretch is the part of sentence s around token i that speaks of one
// thing: the whole sentence, or in a run-on dictation the words between
// the ";" or ", and"/", so"/", which"/", then" joints around i.
func (p *para) stretch(i int, s span) (int, int) {
	if p.short(s) {
		return s.lo, s.hi
	}
	joint := func(k int) bool {
		if p.w(k) == ";" || p.runOnJoint(k, s) {
			return true
		}
		if p.w(k) != "," || k+1 >= s.hi {
			return false
		}
		switch p.w(k + 1) {
		case "and", "so", "which", "then", "but":
			return true
		}
		return false
	}
	lo, hi := i, i+1
	for lo > s.lo && lo > i-longStretch && !joint(lo-1) {
		lo--
	}
	for hi < s.hi && hi < i+longStretch && !joint(hi) {
		hi++
	}
	return lo, hi
}

// clause is the part of sentence s around token i between semicolons.
func (p *para) clause(i int, s span) (int, int) {
	lo, hi := i, i+1
	for lo > s.lo && lo > i-longStretch && p.w(lo-1) != ";" {
		lo--
	}
	for hi < s.hi && hi < i+longStretch && p.w(hi) != ";" {
		hi++
	}
	return lo, hi
}

// clauseAny reports whether the clause of sentence s around token i holds
// a word of category c.
func (p *para) clauseAny(i int, s span, c cat) bool {
	lo, hi := p.clause(i, s)
	return p.anyIn(lo, hi, c)
}

// citesBiopsyOnly reports whether every biopsy word of sentence s cites the
// biopsy a tumor was proven on ("two previously biopsied tumors",
// "biopsy-proven"): such a sentence speaks of no biopsy read today, and a
// reader it names read the Mohs slides.
func (p *para) citesBiopsyOnly(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if !p.has(i, cBiopsy) || p.hitAt(i, cBiopsy) == 0 {
			continue
		}
		e := p.hitEnd(i, s.hi)
		before, after := "", ""
		if i > s.lo {
			before = p.w(i - 1)
		}
		if e < s.hi {
			after = p.w(e)
		}
		text := p.text(i, e)
		switch {
		case strings.Contains(text, "proven") || strings.Contains(text, "confirmed"):
		case before == "previously" || before == "prior" || before == "recently":
		case after == "proven" || after == "confirmed":
		case after == "site" || after == "scar": // "excised around the biopsy site": a place, not a biopsy
		default:
			return false
		}
	}
	return true
}

// ownClause reports whether the clause of sentence s around token i is one
// of several, speaks of slides and names no biopsy.
func (p *para) ownClause(i int, s span) bool {
	lo, hi := p.clause(i, s)
	return (lo > s.lo || hi < s.hi) && p.anyIn(lo, hi, cSlide) && !p.anyIn(lo, hi, cBiopsy)
}

// stretchAny reports whether the stretch of sentence s around token i holds
// a word of category c.
func (p *para) stretchAny(i int, s span, c cat) bool {
	if !s.any(c) {
		return false
	}
	if p.short(s) {
		return true
	}
	lo, hi := p.stretch(i, s)
	return p.anyIn(lo, hi, c)
}

// defect reads the size after (or before) a defect word at token i.
func (st *state) defect(p *para, s span, i int) {
	kind := "final"
	if i > s.lo {
		switch p.w(i - 1) {
		case "primary":
			kind = "primary"
		case "combined", "joined", "joint":
			kind = "primary" // "the bridge was excised, converting them into one combined defect measuring 3.3 x 1.8 cm": the defect the repair that follows closes
		case "secondary", "2nd", "sec": // a terse note's "sec defect 6.5 sq cm"
			kind = "secondary"
		case "°":
			if i-2 >= s.lo && p.w(i-2) == "2" {
				kind = "secondary" // a terse note's "2° defect 1.8 sq cm"
			}
		case "donor":
			return
		}
	}
	if p.negated(i) {
		return
	}
	if kind != "secondary" && st.repair >= 0 {
		if prim, sec, ok := p.plusSecondary(i+1, s.hi); ok {
			// "rotation flap (ATT), def 2.6x2.2 + sec 6.0 sq cm": the flap's two defects
			st.f.Repairs[st.repair].Defect, st.f.Repairs[st.repair].SecondaryDefect = prim, sec
			return
		}
	}
	reach := 6
	if kind == "secondary" {
		reach = 10 // "the secondary defect from the advancement and Burow's triangles measured 3.5 sq cm"
	}
	sz, a, b, ok := p.measureAfter(i+1, s.hi, reach)
	if ok {
		// the size belongs to another noun or the repair ("defect … with a 2 mm
		// margin", "the defect was repaired with a 2.5 cm intermediate closure")
		for k := i + 1; k < a; k++ {
			if p.has(k, cDefect) || p.has(k, cMarginLoc) || p.w(k) == "repaired" || p.w(k) == "closed" {
				ok = false
			}
		}
		for k := b; k < min(b+2, s.hi) && p.w(k) != ";" && p.w(k) != ","; k++ {
			if k == b && p.toks[k].upper && (isArticle(p.w(k)) || p.w(k) == "this") {
				break // "… secondary defect 3.1 sq cm" over a hard wrap, then "The flap was designed …": a new sentence
			}
			if p.has(k, cRepairHead) || p.has(k, cRepairMod) && p.toks[k].kind == kWord {
				ok = false
			}
		}
	}
	if !ok {
		// "the 2.3 x 1.9 cm defect", "the 2.2 x 2.0 cm final defect", "the
		// 1.2 x 1.0 cm nasal sidewall defect"
		at := i
		for at > s.lo && i-at < 2 && p.has(at-1, cFinalDefect) && p.toks[at-1].kind == kWord {
			at--
		}
		at = p.siteWordsBefore(at, s.lo)
		for lo := max(s.lo, at-7); lo < at; lo++ {
			if p.toks[lo].kind == kNum {
				if z, nx, ok2 := p.measure(lo, at); ok2 && nx == at {
					sz, a, b, ok = z, lo, nx, true
					break
				}
			}
		}
	}
	if !ok {
		return
	}
	m := Measure{Size: sz, Span: p.spanOf(a, b)}
	// A bare "defect" in the repair's sentence is the repair's primary defect
	// ("Repair: advancement flap; defect 2.6 x 2.2 cm; secondary defect 4.0 sq cm").
	if kind == "final" && (i == s.lo || !p.has(i-1, cFinalDefect)) && st.repair >= 0 && s.any(cRepairHead) && !st.f.Repairs[st.repair].NoRepair {
		kind = "primary"
	}
	switch kind {
	case "final":
		st.f.FinalDefect = append(st.f.FinalDefect, m)
	case "primary":
		if st.repair >= 0 {
			st.f.Repairs[st.repair].Defect = m
		} else {
			st.pendingPrim = m
		}
	case "secondary":
		if st.repair >= 0 {
			st.f.Repairs[st.repair].SecondaryDefect = m
		} else {
			st.pendingSec = m
		}
	}
}

// plusSecondary reads, from token i, a flap's primary defect in
// dimensions with no unit and its secondary defect after a plus, as a terse
// note writes them: "2.6x2.2 + sec 6.0 sq cm", "1.6x1.5 + sec def 2.4 sq
// cm". The dimensions are in the centimetres of the area after them.
func (p *para) plusSecondary(i, end int) (prim, sec Measure, ok bool) {
	var dims []float64
	j := i
	for len(dims) < 2 {
		v, nx, isNum := p.numberAt(j, end)
		if !isNum {
			return prim, sec, false
		}
		dims, j = append(dims, v), nx
		if len(dims) == 1 {
			if j >= end || p.w(j) != "x" {
				return prim, sec, false
			}
			j++
		}
	}
	if j < end && p.w(j) == "cm" {
		j++ // "def 2.4x2.1cm + sec def 5.5 sq cm"
	}
	if j+2 >= end || p.w(j) != "+" || !slices.Contains([]string{"sec", "secondary", "2nd"}, p.w(j+1)) {
		return prim, sec, false
	}
	k := j + 2
	if p.w(k) == "def" || p.w(k) == "defect" {
		k++
	}
	sz, nx, isSize := p.measure(k, end)
	if !isSize || sz.AreaSq == 0 {
		return prim, sec, false
	}
	line, _ := p.pos(i)
	return Measure{Size: model.Size{Dims: dims, Line: line}, Span: p.spanOf(i, j)}, Measure{Size: sz, Span: p.spanOf(k, nx)}, true
}

// excisionMargin reads "a 4 mm margin", "with 4 mm margins", "a 1-2 mm
// clinical margin" (the narrowest: 1 mm) at token i. A "2 mm rim" is no margin.
func (p *para) excisionMargin(i int, s span) (Measure, int, bool) {
	j := i + 1
	first := i
	if j+1 < s.hi && (p.w(j) == "-" || p.w(j) == "to") && p.toks[j+1].kind == kNum {
		j += 2
	}
	f, area, nx, ok := p.unit(j, s.hi)
	if !ok || area {
		return Measure{}, 0, false
	}
	k := nx
	for k < s.hi && (p.w(k) == "clinical" || p.w(k) == "surgical" || p.w(k) == "peripheral") {
		k++
	}
	if k >= s.hi || (p.w(k) != "margin" && p.w(k) != "margins") {
		// "Clinical margin of 2 mm was taken": the margin before its size
		if first < s.lo+2 || p.w(first-1) != "of" || p.w(first-2) != "margin" && p.w(first-2) != "margins" {
			return Measure{}, 0, false
		}
		k = first - 2
		if p.negated(k) || p.uncertain(k) {
			return Measure{}, 0, false
		}
		v, _ := p.number(first)
		line, _ := p.pos(first)
		m := Measure{Span: p.spanOf(k, nx)}
		m.Size.Dims = []float64{v / f}
		m.Size.Line = line
		return m, nx, true
	}
	v, _ := p.number(first)
	if p.negated(k) || p.uncertain(k) {
		return Measure{}, 0, false
	}
	line, _ := p.pos(first)
	m := Measure{Span: p.spanOf(first, k+1)}
	m.Size.Dims = []float64{v / f}
	m.Size.Line = line
	return m, k + 1, true
}

// marginWords name a margin, whatever the phrase around them.
var marginWords = []string{"margin", "margins"}

// ---- repairs ----

// readRepairs reads the repairs a sentence names and the sizes it gives for
// the repair of its paragraph.
func (st *state) readRepairs(p *para, s span) {
	n := len(st.f.Repairs)
	touched := len(st.touched)
	// anchors: where each repair of the sentence is named, for its sizes
	var anchorArr [4][2]int
	anchors := anchorArr[:0]
	for _, h := range p.hitsFrom(s.lo) {
		if int(h.lo) >= s.hi {
			break
		}
		if h.cat != cRepairHead {
			continue
		}
		if len(anchors) > 0 && h.lo > 0 && p.w(int(h.lo)-1) == "(" {
			continue // "rotation flap (ATT)": the repair named again by its initials
		}
		before := len(st.touched)
		st.repairAt(p, s, int(h.lo), int(h.hi))
		if len(st.touched) > before && len(anchors) < cap(anchorArr) {
			anchors = append(anchors, [2]int{int(h.lo), st.repair})
		}
		if prim, sec, ok := p.plusSecondary(int(h.hi), s.hi); ok && len(st.touched) > before {
			// "bilobed ATT 1.3x1.1 + sec 2.0 sq cm": the flap's two defects after its name
			st.f.Repairs[st.repair].Defect, st.f.Repairs[st.repair].SecondaryDefect = prim, sec
		}
	}
	if len(st.f.Repairs) == n && len(st.touched) == touched && (s.any(cStageNoun) || s.any(cRepairMod) || s.any(cLengthWord) || p.sentenceWord(s, "primarily")) ||
		p.sentenceWord(s, "fashion") && p.sentenceWord(s, "complex") { // "closed in a complex fashion with wide undermining …, layered closure …": the class beside the layers
		st.closedInLayers(p, s)
	}
	if len(st.f.Repairs) == n && len(st.touched) == touched && s.any(cDeferred) {
		st.deferredRepair(p, s)
	}
	if st.repair >= 0 {
		st.repairSizes(p, s, anchors)
	}
}

// deferredRepair reads a repair left to another visit or provider that no
// repair word of a kind names: "the defect was repaired the same afternoon
// by Dr. Sato of plastic surgery", "referred for reconstruction",
// "reconstruction scheduled with oculoplastics".
func (st *state) deferredRepair(p *para, s span) {
	k := p.firstIn(s.lo, s.hi, cDeferred)
	if k < 0 || p.negated(k) || p.ctx[k]&fHyp != 0 {
		return
	}
	e := k
	for e < s.hi && p.has(e, cDeferred) {
		e++
	}
	if e < s.hi && p.has(e, cSurgeon) && p.w(e-1) != "oculoplastic" && p.w(e-1) != "plastic" { // "will be performed by me", not "by the oculoplastic surgeon"
		return
	}
	lo := -1
	for i := s.lo; i < s.hi; i++ {
		switch p.w(i) {
		case "repaired", "reconstruction", "reconstructed", "reconstruct", "closure", "closed", "repair":
			if !p.negated(i) { // "No closure was performed today; reconstruction will be done at the next visit"
				lo = i
			}
		}
		if lo >= 0 {
			break
		}
	}
	if lo < 0 {
		return
	}
	a, b := min(lo, k), max(e, lo+1)
	r := Repair{Kind: p.text(a, b), NoRepair: true, Span: p.spanOf(a, b), By: p.doctorName(s)}
	if r.By == "" && (p.w(k) == "plastic" || p.w(k) == "oculoplastic" || p.w(k) == "repaired") {
		r.By = p.text(k, e)
	}
	if r.By == "" && (p.w(k) == "of" || p.w(k) == "by") && k+1 < e {
		r.By = p.text(k+1, e) // "Dr. … of hand surgery reconstructed the defect", "Reconstruction by hand surgery"
	}
	st.addRepair(r)
}

// sentenceWord reports whether sentence s holds the word (a scan: for rare checks only).
func (p *para) sentenceWord(s span, w string) bool {
	for i := s.lo; i < s.hi; i++ {
		if p.w(i) == w {
			return true
		}
	}
	return false
}

// closedInLayers reads a layered closure named by its verb: "the wound was
// closed in layers", "repaired in two layers", "closed in a layered fashion",
// "closed in a complex fashion".
func (st *state) closedInLayers(p *para, s span) {
	for i := s.lo; i+1 < s.hi; i++ {
		// "the defect was closed primarily": a closure whose class is not stated
		// "closed side to side in a linear fashion"
		sideToSide := p.w(i+1) == "side" || p.w(i+1) == "linearly" || i+3 < s.hi && p.w(i+1) == "in" && p.w(i+2) == "a" && p.w(i+3) == "linear"
		// "the defect was repaired; length 3.2 cm": a repair of no kind
		bare := p.w(i) == "repaired" && (p.w(i+1) == ";" || p.w(i+1) == "," || p.w(i+1) == ".") && !s.any(cRepairHead) && !s.any(cRepairMod)
		if p.w(i) == "closed" && (p.w(i+1) == "primarily" || p.w(i+1) == "primary" || sideToSide) || bare {
			if p.negated(i) || p.uncertain(i) || p.ctx[i]&fHyp != 0 || p.stretchAny(i, s, cBiopsy) || p.stretchAny(i, s, cDonor) {
				return
			}
			e := i + 2
			if bare {
				e = i + 1
			}
			for e < s.hi && (p.has(e, cRepairMod) && p.w(e) != "(" || sideToSide && slices.Contains([]string{"side", "to", "-", "in", "a", "linear", "fashion"}, p.w(e))) {
				e++
			}
			// "closed primarily in a layered fashion", "closed side-to-side with layered sutures": the layers say the class
			for k := e; k < s.hi && k <= e+6 && (p.toks[k].kind == kWord || p.w(i+1) == "primary"); k++ { // "Closed primary, 2.1 cm, layered."
				if p.w(k) == "layered" || p.w(k) == "layers" {
					e = k + 1
					if e < s.hi && (p.w(e) == "fashion" || p.w(e) == "sutures" || p.w(e) == "closure") {
						e++
					}
					break
				}
			}
			st.addRepair(Repair{Kind: p.text(i, e), Span: p.spanOf(i, e)})
			return
		}
		if p.w(i) != "in" {
			continue
		}
		j := i + 1
		if w := p.w(j); w == "a" || w == "an" || w == "two" || w == "three" || w == "multiple" || w == "2" {
			j++
		}
		// "closed in a complex fashion with wide undermining …": the class by its manner
		classed := j+1 < s.hi && (p.w(j) == "complex" || p.w(j) == "intermediate" || p.w(j) == "simple") && (p.w(j+1) == "fashion" || p.w(j+1) == "manner")
		if j >= s.hi || p.w(j) != "layers" && p.w(j) != "layered" && !classed {
			continue
		}
		v := i - 1
		if v < s.lo {
			continue
		}
		switch p.w(v) {
		case "closed", "repaired", "approximated", "sutured":
		default:
			continue
		}
		if p.negated(v) || p.uncertain(v) || p.ctx[v]&fHyp != 0 || p.stretchAny(v, s, cBiopsy) || p.stretchAny(v, s, cDonor) {
			return
		}
		e := j + 1
		if (p.w(j) == "layered" || classed) && e < s.hi && (p.w(e) == "fashion" || p.w(e) == "manner") {
			e++
		}
		st.addRepair(Repair{Kind: p.text(v, e), Span: p.spanOf(v, e)})
		return
	}
}

// repairAt reads a repair whose head word stands at tokens [k, e).
func (st *state) repairAt(p *para, s span, k, e int) {
	if p.uncertain(k) || p.ctx[k]&fHyp != 0 {
		return
	}
	// A donor site's or a biopsy wound's closure belongs to the graft or biopsy.
	if w := p.w(k); p.stretchAny(k, s, cDonor) && !strings.HasPrefix(w, "graft") && !strings.HasPrefix(w, "flap") && w != "ftsg" && w != "stsg" { // "flaps" too
		return
	}
	if p.stretchAny(k, s, cBiopsy) {
		return
	}
	lo := k
	for lo-1 >= s.lo {
		// "a simple interrupted (single-layer) repair": a remark in
		// parentheses between the class and the head
		open := lo - 2
		for open > s.lo && open > lo-8 && p.w(open) != "(" && p.w(open) != ")" {
			open--
		}
		if p.w(lo-1) == ")" && open > s.lo && p.w(open) == "(" && p.has(open-1, cRepairMod) && p.toks[open-1].kind == kWord {
			lo = open
			continue
		}
		if !p.has(lo-1, cRepairMod) {
			break
		}
		lo--
	}
	for lo < k && (p.w(lo) == "(" || p.w(lo) == ")" || p.w(lo) == "-") {
		lo++
	}
	head := p.w(k)
	words := 0
	for i := lo; i < k; i++ {
		if p.toks[i].kind == kWord {
			words++
		}
	}
	neg := p.negated(k)
	for i := lo; i < e; i++ {
		if p.negated(i) {
			neg = true
		}
	}
	if neg {
		return
	}
	switch head {
	case "repair", "closure":
		if e-k == 1 && words == 0 {
			return // "the repair"
		}
	case "wedge":
		if !s.any(cRepairHead) || p.w(e-1) != "excision" && p.w(e-1) != "resection" {
			return
		}
	case "flap", "flaps", "graft", "grafts", "plasty":
		if words == 0 {
			if lo-1 < s.lo || (p.w(lo-1) != "a" && p.w(lo-1) != "an") {
				return // "the flap": the repair already named
			}
		}
	}
	r := Repair{Kind: p.text(lo, e), Span: p.spanOf(lo, e)}
	switch head {
	case "second", "secondary", "granulate", "granulation", "delayed", "heal", "healing", "left":
		r.NoRepair = true
	}
	if strings.HasSuffix(strings.ToLower(r.Kind), "intention") {
		r.NoRepair = true // "2nd intention"
	}
	if visit := s.any(cReturnVisit) && p.visitFor(lo, s); visit || s.any(cDeferred) {
		r.NoRepair = true
		r.By = p.doctorName(s)
		r.Later = visit
	}
	st.addRepair(r)
}

// visitFor reports whether the repair named from token lo is done at a
// visit to come: "will return next Tuesday for a full-thickness skin graft",
// "closure with a bilobed flap is planned for next week". The visit phrase
// stands in the repair's clause.
func (p *para) visitFor(lo int, s span) bool {
	a, b := p.clauseAround(lo, s)
	return p.anyIn(a, b, cReturnVisit)
}

// clauseAround is the clause of sentence s that holds token k: it ends at a
// semicolon, a colon, a terminator, and at "and" or ", and" before a new
// subject ("…, and he will return in two weeks for suture removal").
func (p *para) clauseAround(k int, s span) (int, int) {
	stop := func(i int) bool {
		if w := p.w(i); w == ";" || w == ":" || p.has(i, cTerm) {
			return true
		}
		if p.w(i) != "and" || i+1 >= s.hi {
			return false
		}
		switch p.w(i + 1) {
		case "he", "she", "they", "we", "i", "the", "patient", "a", "an":
			return true
		}
		return false
	}
	a := k
	for a > s.lo && !stop(a-1) {
		a--
	}
	b := k + 1
	for b < s.hi && !stop(b) {
		b++
	}
	return a, b
}

// normKind is a repair kind for comparison: lower case, words only.
func normKind(k string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(k), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}), " ")
}

// addRepair adds a repair, or merges it with one of the same kind already read.
func (st *state) addRepair(r Repair) {
	nk := strings.TrimSuffix(normKind(r.Kind), "s") // "advancement flaps" and "the flaps"
	idx := -1
	for i := range st.f.Repairs {
		ok := strings.TrimSuffix(normKind(st.f.Repairs[i].Kind), "s")
		if ok == nk || nk == "flap" && strings.HasSuffix(ok, "flap") || nk == "graft" && strings.HasSuffix(ok, "graft") {
			idx = i
			break
		}
		// One lesion has one linear closure: "proceed to layered closure" and
		// "an intermediate (layered) linear repair, 3.2 cm" are one repair
		// when their classes agree; the one that names more of its class wins.
		// Layers alone name no class against "complex": every complex repair
		// is layered ("a complex repair, with wide undermining … and layered
		// closure").
		if healsOpen(nk) && healsOpen(ok) {
			idx = i // "left to granulate by second intention": one healing
			break
		}
		o := &st.f.Repairs[i]
		// "a wedge excision of the lower lip with layered closure": the layers
		// close the wedge, which names the repair (a code to review)
		if wedge(ok) && layersOnly(nk) {
			idx = i
			break
		}
		if wedge(nk) && layersOnly(ok) {
			o.Kind, o.Span = r.Kind, r.Span
			idx = i
			break
		}
		if !r.NoRepair && !o.NoRepair && !flapOrGraft(r.Kind) && !flapOrGraft(o.Kind) {
			a, b := linearClass(nk), linearClass(ok)
			if a == "complex" && layersOnly(ok) || b == "complex" && layersOnly(nk) {
				if a == "complex" {
					o.Kind, o.Span = r.Kind, r.Span
				}
				idx = i
				break
			}
			if a == b || a == "" || b == "" {
				if a != "" && b == "" || a == b && len(nk) > len(ok) {
					o.Kind, o.Span = r.Kind, r.Span
				}
				idx = i
				break
			}
		}
	}
	if idx < 0 {
		if len(st.f.Repairs) >= maxList {
			return
		}
		st.f.Repairs = append(st.f.Repairs, r)
		idx = len(st.f.Repairs) - 1
	}
	st.repair = idx
	st.touched = append(st.touched, idx)
	if st.pendingPrim.Span != (Span{}) && !st.f.Repairs[idx].Defect.Size.Present() {
		st.f.Repairs[idx].Defect = st.pendingPrim
		st.pendingPrim = Measure{}
	}
	if st.pendingSec.Span != (Span{}) && !st.f.Repairs[idx].SecondaryDefect.Size.Present() {
		st.f.Repairs[idx].SecondaryDefect = st.pendingSec
		st.pendingSec = Measure{}
	}
}

// healsOpen reports whether a normalised repair kind is healing by second
// intention: "second intention", "granulate", "healing secondarily".
func healsOpen(nk string) bool {
	return strings.Contains(nk, "intention") || strings.Contains(nk, "granulat") || strings.Contains(nk, "secondarily")
}

// linearClass is the class a linear repair kind states: "complex",
// "intermediate" (also "layered", "in layers"), "simple", or "" when none.
func linearClass(nk string) string {
	switch {
	case strings.Contains(nk, "complex"):
		return "complex"
	case strings.Contains(nk, "single layer") || strings.Contains(nk, "one layer"):
		return "simple" // "a simple single-layer repair"
	case strings.Contains(nk, "intermediate") || strings.Contains(nk, "layer"):
		return "intermediate"
	case strings.Contains(nk, "simple"):
		return "simple"
	}
	return ""
}

// layersOnly reports whether a linear repair kind states its class only by
// its layers ("layered closure", "closed in layers"), not by name.
// wedge reports whether a normalised repair kind is a wedge excision.
func wedge(nk string) bool { return strings.Contains(nk, "wedge") }

func layersOnly(nk string) bool {
	return strings.Contains(nk, "layer") && linearClass(nk) == "intermediate" && !strings.Contains(nk, "intermediate")
}

// flapOrGraft reports whether a repair kind is an area repair.
func flapOrGraft(kind string) bool {
	k := normKind(kind)
	return strings.Contains(k, "flap") || strings.Contains(k, "graft") || strings.Contains(k, "plasty") || strings.Contains(k, "ftsg") || strings.Contains(k, "stsg")
}

// repairSizes reads the length or area of the paragraph's repair from sentence s.
//
// When the sentence names several repairs, a size belongs to the last one
// named before it ("a complex repair of 2.0 cm and a simple repair of 1.0 cm").
func (st *state) repairSizes(p *para, s span, anchors [][2]int) {
	for i := s.lo; i < s.hi; i++ {
		if p.toks[i].kind != kNum && (p.toks[i].kind != kWord || p.toks[i].n == 0) { // "3.4 cm", "three point four centimeters"
			continue
		}
		sz, nx, ok := p.measure(i, s.hi)
		if !ok {
			continue
		}
		ri := st.repair
		if len(anchors) > 1 {
			ri = anchors[0][1]
			for _, a := range anchors {
				if a[0] < i {
					ri = a[1]
				}
			}
		}
		r := &st.f.Repairs[ri]
		if r.NoRepair {
			i = max(i, nx-1)
			continue
		}
		area := flapOrGraft(r.Kind)
		if p.sizeOfOther(i, nx, s) && !(area && p.wordBefore(i, s, 4, "area", "recipient")) {
			i = max(i, nx-1)
			continue
		}
		m := Measure{Size: sz, Span: p.spanOf(i, nx)}
		switch {
		case area && (p.wordBefore(i, s, 4, "area", "recipient", "graft", "flap", "ftsg", "stsg") || sz.AreaSq > 0 && !p.wordBefore(i, s, 6, "secondary") ||
			len(sz.Dims) == 2 && p.wordBefore(i, s, 1, "measuring", "measured")): // "a full-thickness skin graft from the right preauricular skin, measuring 18 x 15 mm"
			if !r.Area.Size.Present() {
				r.Area = m
			}
		case !area && len(sz.Dims) == 1 && sz.AreaSq == 0:
			if !r.Length.Size.Present() || len(r.Length.Size.Dims) > 1 { // "the 2.2 x 1.6 cm defect … measuring 3.4 cm in length": the length
				r.Length = m
			}
		case !area && s.any(cLengthWord) && len(sz.Dims) > 0 && !p.wordBefore(i, s, 3, "measuring", "measured", "measures"):
			// not "the wound, measuring 1.8 x 1.4 cm, was closed with a simple
			// repair …, 3.0 cm in length": the wound's size
			if !r.Length.Size.Present() {
				r.Length = m
			}
		}
		i = max(i, nx-1)
	}
}

// sizeOfOther reports whether the size at [i, nx) is a defect's, a margin's,
// the lesion's or an undermining distance rather than the repair's: such a
// word stands before it in its clause, or right after it, and no repair word
// stands next to it ("closure, 2.6 cm", "a 2.5 cm intermediate closure",
// "repair length 3.1 cm").
func (p *para) sizeOfOther(i, nx int, s span) bool {
	for k := i - 1; k >= s.lo && k >= i-12 && p.w(k) != ";"; k-- {
		switch p.w(k) {
		case "secondary", "sec", "donor":
			return true
		case "primary":
			if k+1 < s.hi && p.w(k+1) != "closure" && p.w(k+1) != "," { // "primary defect 1.2 x 1.0 cm", not "Closed primary, 2.1 cm, layered"
				return true
			}
		}
	}
	for k := max(s.lo, i-3); k < min(s.hi, nx+3); k++ {
		if k >= i && k < nx {
			continue
		}
		if p.has(k, cRepairHead) || p.has(k, cRepairMod) && p.toks[k].kind == kWord || p.w(k) == "length" || p.w(k) == "long" {
			return false
		}
	}
	comma := false // "after clear margins were confirmed, 3.4 cm": the margins' clause ended
back:
	for k := i - 1; k >= s.lo && k >= i-12 && p.w(k) != ";"; k-- {
		if p.has(k, cRepairHead) && p.toks[k].kind == kWord || slices.Contains([]string{"closed", "repaired", "layers", "layered", "primarily", "sutured"}, p.w(k)) {
			break back // "the defect was repaired with a complex layered closure with wide undermining, 6.0 cm", "the defect was closed primarily in layers, 2.1 cm": the words before the closure are not the size's
		}
		switch p.w(k) {
		case ",":
			comma = true
		case "defect", "deficit", "secondary", "primary", "lesion", "size", "area":
			return true
		case "distance":
			if k >= i-4 { // "undermined … over a distance of about 1 cm on each side"
				return true
			}
		case "undermined", "undermining", "undermine":
			j := i - 1
			for j > k && (p.w(j) == "," || p.w(j) == ")") {
				j-- // "a complex layered repair (wide undermining), 2.3 cm": a remark, then the length
			}
			if k >= i-3 && !(j == k && k < i-1) && p.w(i-1) != "measuring" { // "undermined 2 cm", "undermining of 3 cm", not "galeal undermining and 3-0 Vicryl, measuring 5.0 cm", "with wide undermining, 6.0 cm" or "a complex repair with galeal undermining measuring 8.0 cm"
				return true
			}
		case "margin", "margins", "rim":
			if !comma {
				return true
			}
		case "trimmed", "debrided", "shaved", "beveled", "bevelled":
			if k >= i-3 { // "the exposed cartilage edge was trimmed by 2 mm"
				return true
			}
		}
	}
	for k := nx; k < s.hi && k < nx+3; k++ {
		switch p.w(k) {
		case "defect", "deficit", "margin", "margins", "rim", "lesion",
			"around", "beyond", "circumferentially", "peripherally", "each": // "undermining … for about 2 cm around the wound", "for 4 cm on each side"
			return true
		}
	}
	return false
}

// wordBefore reports whether one of words stands within n tokens before i in
// sentence s, with no other number in between.
func (p *para) wordBefore(i int, s span, n int, words ...string) bool {
	for k := i - 1; k >= s.lo && k >= i-n; k-- {
		if p.toks[k].kind == kNum {
			return false
		}
		for _, w := range words {
			if p.w(k) == w {
				return true
			}
		}
	}
	return false
}

// ---- deep structures ----

// readDeep reads deep structures the surgery reached ("down to the nasalis
// muscle", "cartilage exposed", "a block that included perichondrium") or did
// not ("muscle, fascia and tendon were not involved").
func (st *state) readDeep(p *para, s span) {
	if !s.any(cDepthCue) {
		return
	}
	for i := s.lo; i < s.hi; i++ {
		if !p.has(i, cStructure) || p.uncertain(i) || p.ctx[i]&fHyp != 0 {
			continue
		}
		if p.nearOnly(i, s) {
			continue
		}
		lo := i
		if i-1 >= s.lo && p.toks[i-1].kind == kWord && !deepStop(p.w(i-1)) && !p.has(i-1, cStructure) && !p.has(i-1, cDepthCue) {
			lo = i - 1
		}
		d := Deep{Structure: p.text(lo, i+1), Negated: p.negated(i), Span: p.spanOf(lo, i+1)}
		dup := false
		for _, o := range st.f.DeepStructures {
			if strings.EqualFold(o.Structure, d.Structure) && o.Negated == d.Negated {
				dup = true
			}
		}
		if !dup && len(st.f.DeepStructures) < maxList {
			st.f.DeepStructures = append(st.f.DeepStructures, d)
		}
	}
}

// nearOnly reports whether the structure at i is only near the tumor
// ("abutting the cartilage", "superficial to the muscle").
func (p *para) nearOnly(i int, s span) bool {
	for k := i - 1; k >= s.lo && k >= i-3; k-- {
		switch p.w(k) {
		case "abutting", "near", "close", "above", "toward", "towards", "approaching", "overlying":
			return true
		case "superficial": // "superficial to the muscle", not "the superficial trapezius muscle"
			if k+1 < s.hi && p.w(k+1) == "to" {
				return true
			}
		}
	}
	for k := i + 1; k < s.hi && k <= i+6 && p.w(k) != ";"; k++ {
		switch p.w(k) {
		case "spared", "preserved", "intact":
			return true
		}
	}
	return false
}

func deepStop(w string) bool {
	switch w {
	case "the", "a", "an", "of", "to", "into", "down", "through", "and", "thin", "underlying", "deep", "exposed", "including", "included", "plate",
		"with", "without", "at", "on", "in", "cm", "mm", "was", "were":
		return true
	}
	return false
}

// affirmedPrior reports whether sentence s speaks of an earlier time or
// report other than to deny it ("never biopsied before" speaks of today).
func (p *para) affirmedPrior(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if p.has(k, cPriorCue) && !p.negated(k) {
			return true
		}
	}
	return false
}

// spokenMeasureWord reports whether w belongs to a size said in words
// ("eight by six millimeters"), which a dictation gives before the figures.
func spokenMeasureWord(w string) bool {
	switch w {
	case "by", "point", "mm", "millimeters", "millimetres", "cm", "centimeters", "centimetres":
		return true
	}
	return cardinal(w) > 0
}

// andRead reports whether the subject "I" at token i reads the slides in
// a verb joined to its first ("I drew the Mohs map and personally read all
// frozen sections"), within its clause, in a sentence about slides.
func (p *para) andRead(i int, s span) bool {
	if !p.slideWord(s) {
		return false
	}
	for k := i + 1; k+1 < s.hi && k < i+18; k++ { // "I drew a map of the nasal tip layer, inked each edge, and personally interpreted …"
		if w := p.w(k); w == ";" || w == "." || w == "but" || p.has(k, cSurgeon) || p.has(k, cPathologist) {
			return false
		}
		if p.w(k) != "and" && p.w(k) != "," {
			continue
		}
		j := k + 1
		for j < s.hi && (p.w(j) == "personally" || p.w(j) == "also" || p.w(j) == "then") {
			j++
		}
		if j < s.hi && p.has(j, cReadVerb) {
			return true // "I drew …, and personally interpreted …", "I was present …, personally interpreted every frozen section, and agree …"
		}
		if p.w(k) == "and" && p.newSubject(j, s) {
			return false // "… and the fellow read the slides"; not "I performed the Mohs layers and the graft and read all frozen sections personally", where "and the graft" goes on with what I did
		}
	}
	return false
}

// newSubject reports whether the words at token j, after an "and", open a
// clause of someone else's: a pronoun, or a person named with or without
// an article ("and the fellow", "and Dr. Ames").
func (p *para) newSubject(j int, s span) bool {
	if j < s.hi && isArticle(p.w(j)) {
		j++
	}
	if j >= s.hi {
		return true
	}
	switch w := p.w(j); {
	case w == "i" || w == "we" || w == "he" || w == "she" || w == "they" || w == "it":
		return true
	case slices.Contains(personNouns, w), p.has(j, cSurgeon), p.has(j, cPathologist):
		return true
	}
	return false
}

// weighingVerbs read slides only when the sentence speaks of slides: "We
// reviewed the risks" reads none.
var weighingVerbs = []string{"reviewed", "review", "reviews", "examined", "evaluated", "assessed", "checked", "discussed"}

// personNouns name someone else who may do what the sentence tells: "… and
// the fellow read the slides" is no longer the surgeon's doing.
var personNouns = []string{"fellow", "resident", "pathologist", "dermatopathologist", "technician", "tech", "histotechnologist",
	"histotech", "assistant", "nurse", "doctor", "dr", "physician", "colleague", "partner", "staff", "patient"}
