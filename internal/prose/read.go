package prose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
)

// Read reads the paragraphs of one scope (a whole note, or one lesion's part
// of it), in note order. Stage ordinals continue across paragraphs ("Stage I:
// …" then "An additional layer …" = stage 2). Read is safe for concurrent use.
func Read(paragraphs [][]Line) Facts {
	return read(paragraphs, 0)
}

// ReadStage reads the value of a stage-scoped field or heading ("STAGE II:"
// followed by its lines) as the prose of stage n: what it says about blocks,
// margins, stains and histology belongs to that stage (Facts.Stages[0]).
func ReadStage(n int, paragraphs [][]Line) Facts {
	return read(paragraphs, n)
}

// stageStain is a stain said of every stage ("on every block of both
// stages"); stages is the number of stages the words say, or 0 for any.
type stageStain struct {
	stain  Stain
	stages int
}

// state is what reading one scope carries from sentence to sentence.
type state struct {
	f      *Facts
	lx     *lexicon
	cur    int // index into f.Stages of the stage the prose is about, or -1
	maxNum int // highest stage number read
	forced int // the stage of ReadStage, or 0
	// per stage (parallel to f.Stages): its block count was stated twice differently
	blocksAmbiguous []bool
	otherLesions    bool // a paragraph announced biopsies of other lesions
	unstagedLayer   bool // Unstaged's blocks were read in a sentence that takes "a layer" or "a single stage" ("A layer was excised and submitted as a single specimen")
	unstagedMohs    bool // Unstaged's blocks were read in a sentence about the Mohs excision ("excised in the classic Mohs fashion, … divided into 2 sections")
	frozenNext      bool // the last sentence told today's biopsy and counted no frozen-section blocks
	noPrior         bool // the prose said no biopsy was done before today
	// a separate pathologist who reads permanent sections and no other
	// tissue ("Dr. …, dermatopathologist, will read the permanent
	// sections"): the slides' reader when the prose says no frozen section
	// was cut ("No frozen sections were performed today")
	permanentReader *Reader
	noFrozen        bool
	allStains       []stageStain
	// "Three other lesions were biopsied today, each with a 4 mm punch
	// biopsy": the kind the enumerated lesions after it were biopsied by,
	// and how many are still to come
	eachKind string
	eachLeft int
	// per paragraph
	repair      int // index into f.Repairs of the repair the paragraph describes, or -1
	touched     []int
	pendingPrim Measure // a primary defect read before its repair
	pendingSec  Measure // a secondary defect read before its repair
}

func read(paragraphs [][]Line, forced int) Facts {
	var f Facts
	st := &state{f: &f, lx: theLexicon(), cur: -1, forced: forced}
	if forced > 0 {
		f.Stages = append(f.Stages, Stage{Number: forced})
		st.blocksAmbiguous = append(st.blocksAmbiguous, false)
		st.maxNum = forced
	}
	t := joinText(paragraphs)
	p := &para{toks: make([]tok, 0, len(t.orig)/5+16), sents: make([]span, 0, len(t.orig)/60+4)}
	p.m.hits = make([]hit, 0, len(t.orig)/8+8)
	for pi, lines := range paragraphs {
		if len(lines) == 0 {
			continue
		}
		p.reset(&t, pi, lines)
		st.paragraph(p)
	}
	st.finish()
	return f
}

// paragraph reads one paragraph.
func (st *state) paragraph(p *para) {
	if len(p.toks) == 0 {
		return
	}
	p.match(st.lx)
	p.scopes()
	prev := st.cur
	st.cur = -1
	if st.forced > 0 {
		st.cur = 0
	}
	if len(p.sents) > 0 && prev >= 0 && st.cur < 0 && p.readingOpens(p.sents[0]) {
		// "Stage 1 was divided into 3 blocks … period new paragraph" / "On
		// my reading of the frozen sections, … at the deep margin of block
		// 2": a reading of the stage the paragraph before ended on
		st.cur = prev
	}
	st.repair, st.touched, st.pendingPrim, st.pendingSec = -1, st.touched[:0], Measure{}, Measure{}
	// "Other lesions addressed today: …" (not "No other lesions were treated")
	// announces other lesions from this paragraph on; "3. Punch biopsy of a
	// separate lesion, left dorsal forearm" in a procedure list only names its
	// own biopsy, and the paragraphs after it speak of the Mohs lesion again.
	// A paragraph's sentences before the one that announces them are still
	// the Mohs lesion's ("It measured 2.4 x 2.0 cm. … Consent was obtained
	// for the Mohs procedure and for two biopsies of other lesions.").
	announced, selfContained := false, false
	announceAt := len(p.sents)
	for k, s := range p.sents {
		for i := s.lo; i < s.hi; i++ {
			if p.hitAt(i, cOtherLesion) > 0 && !p.negated(i) && !p.negated(i+1) {
				if s.any(cBiopsyMethod) && !p.anyVerb(s) { // a list item that names its biopsy
					selfContained = true
				} else if !announced {
					announced, announceAt = true, k
				}
				break
			}
		}
	}
	// "Additional procedure: During the visit the patient pointed out a 5 mm
	// pink scaly papule on the left dorsal forearm. A tangential (shave)
	// biopsy was performed …": an aside that brings in a lesion
	if len(p.sents) > 1 && p.asideCue(p.sents[0]) && p.introducesLesionAt(p.sents[0], func(string) bool { return true }) {
		announced, announceAt = true, 0
	}
	if st.otherLesions && !announced && !selfContained && len(p.sents) > 0 && turnsToNext(p.w(p.sents[0].lo)) {
		// "We began with the separate lesion. A 4 mm punch biopsy …" then a
		// paragraph "Next, a tangential (shave) biopsy of the right lower
		// leg plaque was performed …": the next step, no longer the other lesion
		st.otherLesions = false
	}
	ownOnly := selfContained && !announced && !st.otherLesions
	st.otherLesions = st.otherLesions || announced && announceAt == 0 || selfContained
	timing := false
	staged := len(st.f.Stages)
	defer st.technique(p, staged)
	for k, s := range p.sents {
		if k == announceAt {
			st.otherLesions = true
		}
		if s.any(cTiming) {
			k := p.firstIn(s.lo, s.hi, cTiming)
			timing = true
			e := k
			for e < s.hi && p.has(e, cTiming) {
				e++
			}
			st.f.Timing = append(st.f.Timing, p.spanOf(k, e))
		}
		st.sentence(p, s)
	}
	st.listItemBiopsy(p)
	if ownOnly {
		st.otherLesions = false
	}
	if timing {
		for _, r := range st.touched {
			st.f.Repairs[r].AfterClearance = true
		}
	}
}

// technique drops the stages a paragraph of technique boilerplate opened
// (from index staged on) when it told nothing of any of them: "The tumor was debulked and
// the first stage was excised with a 2-3 mm margin … Each stage was
// divided into section(s) … This procedure was repeated until a tumor-free
// plane was obtained." names a stage as every note of the template does,
// and documents none (CODING-RULES §1: boilerplate is not evidence).
func (st *state) technique(p *para, staged int) {
	if !slices.ContainsFunc(p.sents, func(s span) bool { return s.any(cBoilerplate) }) {
		return
	}
	if staged >= len(st.f.Stages) || slices.ContainsFunc(st.f.Stages[staged:], func(s Stage) bool { return !emptyStage(s) }) {
		return // the paragraph tells a stage's facts: its stages are the note's
	}
	st.f.Stages = st.f.Stages[:staged]
	if st.cur >= staged {
		st.cur = -1
	}
}

// emptyStage reports whether prose named a stage and told nothing of it.
func emptyStage(s Stage) bool {
	return s.Blocks == 0 && s.Margin == MarginUnknown && len(s.Stains) == 0 && s.Histology.Value == ""
}

// sentence reads one sentence.
func (st *state) sentence(p *para, s span) {
	st.readMap(p, s)
	st.readReader(p, s)
	st.readsNoFrozen(p, s)
	boilerplate := s.any(cBoilerplate) && !p.fromPreviousStage(s)
	if boilerplate {
		// Technique boilerplate documents the map and the reader, never a
		// stage or a count. A clause of its own before it is read as any
		// sentence is: "Both were entirely free of tumor, and the map was
		// updated for each stage." The tumor the sentence names is still
		// the tumor ("the … nodular basal cell carcinoma of the left nasal
		// ala, …, was excised with a Mohs map drawn at each stage …").
		if head := p.beforeBoilerplate(s); head.hi > head.lo {
			st.readStages(p, head, head.any(cBiopsy))
		}
		if tail := p.afterBoilerplate(s); tail.hi > tail.lo {
			st.readStages(p, tail, tail.any(cBiopsy)) // "…, was excised with a Mohs map drawn at each stage and cleared in two stages, a first stage of three blocks …"
			st.readStageCount(p, tail)
		}
		st.everyStageStains(p, s)
		if !s.any(cDiagnosis) {
			return
		}
	}
	if st.eachLeft > 0 && st.enumeratedBiopsy(p, s) {
		return
	}
	bx := s.any(cBiopsy)
	other := st.otherBiopsySentence(p, s)
	// "He underwent Mohs surgery of the left nasal ala in March 2023, which
	// required two stages and was repaired with a bilobed flap": another
	// day's stages and repair
	past := p.allPast(s)
	if !other && !past && !boilerplate && !st.biopsyFrozen(p, s) {
		var before *stagesBefore
		if p.sentenceWord(s, "whether") && (s.any(cStageNoun) || s.any(cStageOrdNoun)) {
			before = st.snapshot()
		}
		st.readStages(p, s, bx)
		st.readStageCount(p, s)
		st.doubtedStages(p, s, before)
	}
	st.readBiopsy(p, s, other)
	if other {
		return
	}
	st.readDiagnoses(p, s, st.cur >= 0)
	st.readSites(p, s)
	st.readBiopsySite(p, s)
	st.readServiceDate(p, s)
	st.readIndication(p, s)
	if !past && (!boilerplate || s.any(cDiagnosis)) {
		st.readRepairs(p, s) // a tumor's summary sentence goes on to its repair past the technique words
	}
	st.readSizes(p, s)
	st.readDeep(p, s)
	st.readPlan(p, s)
}

// conditionalWords make a stain statement a possibility, not a stain run:
// "MART-1 when indicated", "if needed".
var conditionalWords = []string{"if", "when", "whenever", "needed", "indicated", "necessary", "required", "applicable", "appropriate", "may", "might"}

// everyStageStains reads the stains of a boilerplate sentence whose subject
// is every stage and which says them run on every block ("Each stage was
// stained with H&E and with MART-1 on every block, for …"): a stain of
// each stage the note describes (CODING-RULES.md §1 keeps stages and counts
// out of boilerplate, §5 bills a stain by the blocks it was run on). A
// conditional statement ("MART-1 when indicated") states no stain.
func (st *state) everyStageStains(p *para, s span) {
	if !s.any(cStain) || p.anyWordIn(s, conditionalWords) {
		return
	}
	for i := s.lo; i < s.hi; i++ {
		e := p.hitAt(i, cStain)
		if e == 0 {
			continue
		}
		stain, end, _ := p.stain(i, e, s)
		if all, _ := p.everyStage(s.lo, i, end); all && stain.Blocks == nil && p.everyBlock(i, end) {
			st.allStains = append(st.allStains, stageStain{stain, 0})
		}
		i = max(i, end-1)
	}
}

// everyBlock reports whether tokens [lo, hi) say "every block", "each
// block" or "all blocks".
func (p *para) everyBlock(lo, hi int) bool {
	for k := lo + 1; k < hi; k++ {
		if p.has(k, cBlockNoun) && (p.w(k-1) == "every" || p.w(k-1) == "each" || p.w(k-1) == "all") {
			return true
		}
	}
	return false
}

// turnsToNext reports whether a paragraph's first word moves on to the
// next step of the visit: "Next, …", "Then …", "Afterward, …".
func turnsToNext(w string) bool {
	switch w {
	case "next", "then", "afterward", "afterwards", "subsequently":
		return true
	}
	return false
}

// biopsyFrozen reads the sentence after today's biopsy was "submitted for
// frozen section" when it speaks of that frozen section and names no stage:
// "The frozen section was processed as two blocks". Its blocks are the
// biopsy's, never a Mohs stage's; it reports whether s is that sentence.
func (st *state) biopsyFrozen(p *para, s span) bool {
	next := st.frozenNext
	st.frozenNext = false
	if !next || !s.any(cFrozen) || s.any(cStageNoun) || s.any(cStageOrdNoun) {
		return false
	}
	if c := p.frozenBlocks(s); c.N > 0 {
		if n := len(st.f.FrozenSection); n > 0 && st.f.FrozenSection[n-1].N == 0 {
			st.f.FrozenSection[n-1] = c // the count of the frozen section the sentence before named
		} else {
			st.f.FrozenSection = append(st.f.FrozenSection, c)
		}
	}
	return true
}

// readPlan reads a plan to finish the surgery another day: "Further stages
// were deferred", "she will return … to complete Mohs (stage 2 onward)".
func (st *state) readPlan(p *para, s span) {
	if !s.any(cPlan) {
		return
	}
	k := p.firstIn(s.lo, s.hi, cPlan)
	if p.negated(k) || p.negated(p.hitEnd(k, s.hi)-1) {
		return
	}
	e := trimEnd(p, s.lo, s.hi)
	st.f.Plan = append(st.f.Plan, Text{Value: p.text(s.lo, e), Span: p.spanOf(s.lo, e)})
}

// finish reports what only the whole scope shows.
func (st *state) finish() {
	f := st.f
	if st.noFrozen && st.permanentReader != nil && len(f.Reader) == 0 {
		f.Reader = append(f.Reader, *st.permanentReader)
	}
	st.namedBiopsies()
	// A diagnosis without a site takes the site of the lesion when the prose
	// names exactly one ("a pearly papule on the left upper cutaneous lip …
	// which I read as nodular basal cell carcinoma").
	if len(f.Sites) == 1 && !slices.ContainsFunc(f.Diagnoses, func(d Diagnosis) bool { return d.Site != "" }) {
		// (not when another tumor has that site: "His left cheek basal cell
		// carcinoma was cleared … a … squamous cell carcinoma of the right
		// dorsal thumb")
		for i := range f.Diagnoses {
			if f.Diagnoses[i].Site == "" {
				f.Diagnoses[i].Site, f.Diagnoses[i].SiteSpan = f.Sites[0].Value, f.Sites[0].Span
			}
		}
	}
	st.firstExcision()
	st.oneLayer()
	// A block count read where no stage was named, while the prose names stages.
	if len(f.Stages) > 0 && st.forced == 0 && f.Unstaged.Blocks > 0 {
		f.Ambiguities = append(f.Ambiguities, Ambiguity{
			Message: fmt.Sprintf("a count of %d blocks is not tied to a stage", f.Unstaged.Blocks),
			Spans:   []Span{f.Unstaged.BlocksSpan},
		})
		f.Unstaged.Blocks, f.Unstaged.BlocksSpan = 0, Span{}
	}
	// A stain said of every stage goes to each stage, when the stages are
	// as many as it says.
	for _, a := range st.allStains {
		if a.stages == 0 {
			f.EveryStage = append(f.EveryStage, a.stain) // of every stage, prose's or not
		}
		switch {
		case a.stages > 0 && a.stages != len(f.Stages):
			f.Ambiguities = append(f.Ambiguities, Ambiguity{
				Message: fmt.Sprintf("a stain said of %d stages, %d described", a.stages, len(f.Stages)),
				Spans:   []Span{a.stain.Span},
			})
			f.Uncounted = append(f.Uncounted, CountedStain{Stain: a.stain, Stages: a.stages})
		case len(f.Stages) == 0:
			f.Unstaged.Stains = append(f.Unstaged.Stains, a.stain)
		default:
			for k := range f.Stages {
				// a stage that names the stain again ("MART-1 again on both
				// blocks for the same reason") holds one stain, on all blocks
				var at int
				f.Stages[k].Stains, at = addStain(f.Stages[k].Stains, a.stain)
				if a.stain.Blocks == nil {
					f.Stages[k].Stains[at].Blocks = nil
				}
			}
		}
	}
	// The Mohs slides read by the surgeon and by a separate pathologist.
	surgeon, path := -1, -1
	for i, r := range f.Reader {
		if (r.Surgeon || r.Undersigned) && surgeon < 0 {
			surgeon = i
		}
		if !r.Surgeon && !r.NameOnly && !r.Undersigned && path < 0 {
			path = i
		}
	}
	if surgeon >= 0 && path >= 0 {
		f.Ambiguities = append(f.Ambiguities, Ambiguity{
			Message: "the Mohs slides are said to be read by the surgeon and by a separate pathologist",
			Spans:   []Span{f.Reader[surgeon].Span, f.Reader[path].Span},
			Reader:  true,
		})
	}
	// Stage counts against each other and against the stages described.
	for i := 1; i < len(f.StageCount); i++ {
		if f.StageCount[i].N != f.StageCount[0].N {
			f.Ambiguities = append(f.Ambiguities, Ambiguity{
				Message: fmt.Sprintf("stage counts of %d and %d", f.StageCount[0].N, f.StageCount[i].N),
				Spans:   []Span{f.StageCount[0].Span, f.StageCount[i].Span},
			})
			break
		}
	}
	if len(f.StageCount) > 0 && len(f.Stages) > 0 && st.forced == 0 && f.StageCount[0].N != len(f.Stages) {
		f.Ambiguities = append(f.Ambiguities, Ambiguity{
			Message: fmt.Sprintf("%d stages stated, %d described", f.StageCount[0].N, len(f.Stages)),
			Spans:   []Span{f.StageCount[0].Span, f.Stages[len(f.Stages)-1].Span},
		})
	}
}

// firstExcision makes the Mohs excision the prose describes with its
// blocks before it names "a second layer" the first stage: "The lesion was
// then excised in the classic Mohs fashion, with the specimen divided into
// 2 sections … A second layer was then taken …". The second stage says
// there was a first, and the excision's sentence is about it: it names
// Mohs and counts blocks before any stage is named.
func (st *state) firstExcision() {
	f := st.f
	if st.forced > 0 || !st.unstagedMohs || len(f.Stages) == 0 || f.Stages[0].Number != 2 || f.Unstaged.Blocks == 0 {
		return
	}
	for _, s := range f.Stages {
		if s.Number == 1 {
			return
		}
	}
	b, s2 := f.Unstaged.BlocksSpan, f.Stages[0].Span
	if b.Line > s2.Line || b.Line == s2.Line && b.Col >= s2.Col {
		return
	}
	one := f.Unstaged
	one.Number, one.Span = 1, b
	f.Stages = append([]Stage{one}, f.Stages...)
	f.Unstaged = Stage{}
}

// oneLayer makes the one stage of a paragraph that never numbers it: "A
// layer was excised and submitted as a single specimen; … the margins of
// the first stage were free of tumor". It needs the blocks and the margin,
// and no other stage named.
func (st *state) oneLayer() {
	f := st.f
	if st.forced > 0 || !st.unstagedLayer || len(f.Stages) > 0 || len(f.StageCount) > 0 || f.Unstaged.Blocks == 0 || f.Unstaged.Margin == MarginUnknown {
		return
	}
	one := f.Unstaged
	one.Number, one.Span = 1, f.Unstaged.BlocksSpan
	f.Stages = []Stage{one}
	f.Unstaged = Stage{}
}

// loneLayer reports whether sentence s takes one stage without its number:
// a stage noun after "a", "one" or "single" ("A layer was excised", "a
// single Mohs stage").
func (p *para) loneLayer(s span) bool { return p.loneLayerMemo.get(s, p.scanLoneLayer) }

func (p *para) scanLoneLayer(s span) bool {
	for i := s.lo + 1; i < s.hi; i++ {
		if !p.has(i, cStageNoun) || p.w(i) == "level" || p.w(i) == "levels" {
			continue
		}
		j := i - 1
		if p.w(j) == "mohs" && j > s.lo {
			j--
		}
		switch p.w(j) {
		case "a", "one", "single":
			return true
		}
	}
	return false
}

// ---- stages ----

// maxStages bounds the stages a scope's prose may describe (CPT caps none;
// real notes stop far below), so that adversarial text stays linear.
const maxStages = 60

// maxList bounds the sites, deep structures and repairs a scope may list.
const maxList = 32

// mention kinds.
const (
	mNone     = iota
	mExplicit // "Stage II", "the first stage", "2nd level"
	mRelative // "an additional layer", "a further stage"
	mRef      // a stage named in passing: "of the first stage", "after the third stage"
	mFinal    // "the final excision", "the last stage": see readStages
	mSingle   // "the single stage": stage 1 when no later stage is named
)

// itAfterClause reports whether the clause that goes on from token i ends
// at a comma followed by "it": "… of the first layer, it was divided …".
func (p *para) itAfterClause(i int, s span) bool {
	for k := i; k+1 < s.hi; k++ {
		if p.w(k) == "," {
			return p.w(k+1) == "it"
		}
	}
	return false
}

// ordinal is the number an ordinal word stands for, or 0.
// voiceTwo reports whether token j after "stage" is voice recognition's
// "two" written "to" or "too": the stage is the subject of what follows
// ("stage to was taken", "stage too, one block, was clear", "stage to:"),
// not a preposition before a verb or a place ("stage to be taken", "moved
// from stage to stage"). The caller checks that no article or ordinal
// stands before "stage": in "the third stage too was clear" "too" is "also".
func (p *para) voiceTwo(j, end int) bool {
	if w := p.w(j); w != "to" && w != "too" || j+1 >= end {
		return false
	}
	switch p.w(j + 1) {
	case "was", "is", "were", "consisted", "showed", "revealed", "demonstrated", "had", "contained", ":", ",", "-":
		return true
	}
	return false
}

func ordinal(w string) int {
	switch w {
	case "first", "initial":
		return 1
	case "second":
		return 2
	case "third":
		return 3
	case "fourth":
		return 4
	case "fifth":
		return 5
	case "sixth":
		return 6
	case "seventh":
		return 7
	case "eighth":
		return 8
	case "ninth":
		return 9
	case "tenth":
		return 10
	}
	return 0
}

// mohsStage reports whether sentence s names a stage as "Mohs" and its
// numeral ("Mohs II was two blocks").
func (p *para) mohsStage(s span) bool {
	if !s.any(cMohsSurgery) {
		return false // the cheap test first
	}
	for i := s.lo; i+1 < s.hi; i++ {
		if p.w(i) == "mohs" && p.mohsNumeral(i+1, s) {
			return true
		}
	}
	return false
}

// mohsNumeral reports whether token j, after "Mohs", is a stage's roman
// numeral written in capitals: II to VIII, or I when a verb of the stage
// follows ("Mohs I was taken …"; not the pronoun of "after Mohs I closed
// the defect").
func (p *para) mohsNumeral(j int, s span) bool {
	n := roman(p.w(j))
	if p.toks[j].kind != kWord || n == 0 || n > 8 || strings.ToUpper(p.text(j, j+1)) != p.text(j, j+1) {
		return false
	}
	if n > 1 {
		return true
	}
	return j+1 < s.hi && slices.Contains([]string{"was", "consisted", "showed", "revealed", "comprised", "included", "had", ":", "(", ","}, p.w(j+1))
}

// roman is the value of a roman numeral I–XII, or 0.
func roman(w string) int {
	switch w {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	case "v":
		return 5
	case "vi":
		return 6
	case "vii":
		return 7
	case "viii":
		return 8
	case "ix":
		return 9
	case "x":
		return 10
	case "xi":
		return 11
	case "xii":
		return 12
	}
	return 0
}

// cardinal is the value of a count word, or 0.
func cardinal(w string) int {
	switch w {
	case "one", "single":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	}
	return 0
}

// intAt reads a whole number of at most two digits at token i.
func (p *para) intAt(i int) int {
	if i >= len(p.toks) || p.toks[i].kind != kNum {
		return 0
	}
	return int(p.toks[i].n)
}

// countAt reads a count at token i: digits or a count word.
func (p *para) countAt(i int) int {
	if i >= len(p.toks) {
		return 0
	}
	return int(p.toks[i].n)
}

// singularStageNoun reports whether token i is "stage", "layer", "level" or "pass".
func (p *para) singularStageNoun(i, end int) bool {
	if i >= end || !p.has(i, cStageNoun) {
		return false
	}
	switch p.w(i) {
	case "stage", "layer", "level", "pass":
		return true
	}
	return false
}

// ellipticalStage reports whether the ordinal at token i, whose word ends
// before token j, names a stage without its noun: after an article and
// before a comma, in a sentence that has named the stages earlier ("two
// stages: the first, of three sections, …").
func (p *para) ellipticalStage(i, j int, s span) bool {
	if i == s.lo || !isArticle(p.w(i-1)) || j >= s.hi {
		return false
	}
	if p.w(j) != "," && !(p.w(j) == "of" && j+2 < s.hi && p.countAt(j+1) > 0 && p.has(j+2, cBlockNoun)) {
		return false // "the first, of three sections", "the first of three blocks"
	}
	for k := s.lo; k < i-1; k++ {
		if p.has(k, cStagesPlural) {
			return true
		}
	}
	return false
}

// stageFiller reports whether token i may stand between an ordinal and its noun.
func (p *para) stageFiller(i int) bool {
	switch p.w(i) {
	case "mohs", "surgical", "micrographic", "-":
		return true
	}
	return false
}

// siteBeforeStageNoun is the token of the stage noun after one to three
// words from token j that name a site ("forearm" of "the first forearm
// stage", "nasal ala" of "the second nasal ala layer"), or j.
func (p *para) siteBeforeStageNoun(j int, s span) int {
	for e := j + 1; e <= j+3 && e < s.hi; e++ {
		if p.toks[e-1].kind != kWord {
			return j
		}
		if p.singularStageNoun(e, s.hi) {
			if _, ok := anatomy.Resolve(p.text(j, e)); ok {
				return e
			}
			return j
		}
	}
	return j
}

// mention reads a stage mention at token i of sentence s: its kind, number
// (explicit only) and token range.
func (p *para) mention(i int, s span) (kind, num, lo, hi int) {
	t := &p.toks[i]
	switch {
	case p.w(i) == "mohs" && i+1 < s.hi && p.mohsNumeral(i+1, s):
		// "Mohs I was taken with a 5 mm margin and divided into four blocks",
		// "Mohs II was two blocks"
		kind, num, lo, hi = mExplicit, roman(p.w(i+1)), i, i+2
	case p.singularStageNoun(i, s.hi) && i+1 < s.hi:
		// "Stage 2", "Stage II", "Layer I", "level 1", "Stage one", "Stage #2"
		j := i + 1
		if p.w(j) == "#" && j+1 < s.hi {
			j++
		}
		n := p.intAt(j)
		if n == 0 && p.toks[j].kind == kWord {
			n = roman(p.w(j))
			if n == 0 && (p.w(i) == "stage" || p.w(i) == "layer") && p.w(j) != "single" { // "Stage two", "Mohs layer one"
				n = cardinal(p.w(j))
			}
			if n == 0 && p.w(i) == "stage" && (i == s.lo || !isArticle(p.w(i-1)) && ordinal(p.w(i-1)) == 0) && p.voiceTwo(j, s.hi) {
				n = 2 // "stage to was taken as one block": voice recognition's "stage two"
			}
		}
		if n == 0 || n > 20 {
			return mNone, 0, 0, 0
		}
		// "Clark level IV", "stage II melanoma", "AJCC stage 2": a tumor's stage
		if i > s.lo && notMohsStage(p.w(i-1)) ||
			j+1 < s.hi && (p.has(j+1, cDiagnosis) || notMohsStage(p.w(j+1)) ||
				p.toks[j+1].kind == kWord && p.toks[j+1].lo == p.toks[j].hi) {
			return mNone, 0, 0, 0
		}
		kind, num, lo, hi = mExplicit, n, i, j+1
	case t.kind == kWord && ordinal(p.w(i)) > 0 || t.kind == kNum && i+1 < s.hi && ordSuffix(p.w(i+1)) && p.toks[i+1].lo == t.hi:
		n, j := ordinal(p.w(i)), i+1
		if t.kind == kNum {
			n, j = p.intAt(i), i+2
		}
		if n == 1 && j+1 < s.hi && p.w(j) == "and" && (p.w(j+1) == "only" || p.w(j+1) == "final" || p.w(j+1) == "last") {
			j += 2 // "the first and only pass"
		}
		for j < s.hi && p.stageFiller(j) {
			j++
		}
		if e := p.siteBeforeStageNoun(j, s); e > j {
			j = e // "The first forearm stage was processed as 2 blocks"
		}
		if n > 0 && p.ellipticalStage(i, j, s) {
			// "Clearance took two stages: the first, of three sections, …,
			// and the second, one section …": the noun is the stages named
			kind, num, lo, hi = mExplicit, n, i, j
			break
		}
		// "the second excision": a stage only after an ordinal
		if n == 0 || !p.singularStageNoun(j, s.hi) && !(j < s.hi && p.has(j, cStageOrdNoun)) {
			return mNone, 0, 0, 0
		}
		kind, num, lo, hi = mExplicit, n, i, j+1
	case t.kind == kWord && i > s.lo && isArticle(p.w(i-1)) && (p.w(i) == "final" || p.w(i) == "last" || p.w(i) == "single" || p.w(i) == "only") ||
		p.w(i) == "one" && (i == s.lo || isArticle(p.w(i-1)) || p.w(i-1) == "and" || p.w(i-1) == "in") && i+2 < s.hi && p.w(i+1) == "mohs" && p.w(i+2) == "stage",
		p.w(i) == "one" && i+2 < s.hi && p.w(i+1) == "stage" && p.w(i+2) == "of": // "the left neck took one stage of two blocks"
		// "the final excision", "the single stage", "one Mohs stage was
		// excised, mapped and divided into four tissue blocks"
		j := i + 1
		for j < s.hi && p.stageFiller(j) {
			j++
		}
		if !p.singularStageNoun(j, s.hi) && !(j < s.hi && p.has(j, cStageOrdNoun)) {
			return mNone, 0, 0, 0
		}
		kind, lo, hi = mFinal, i, j+1
		if p.w(i) == "single" || p.w(i) == "only" || p.w(i) == "one" {
			kind, num = mSingle, 1
		}
	case p.hitAt(i, cStageRelative) > 0:
		j := p.hitAt(i, cStageRelative)
		if p.has(j-1, cStageOrdNoun) {
			// "a re-excision": the phrase names its noun
			kind, lo, hi = mRelative, i, j
			break
		}
		for j < s.hi && p.stageFiller(j) {
			j++
		}
		if !p.singularStageNoun(j, s.hi) {
			return mNone, 0, 0, 0
		}
		kind, lo, hi = mRelative, i, j+1
	default:
		return mNone, 0, 0, 0
	}
	// "layer" and "level" in a repair sentence are layers of sutures; outside
	// Mohs words they are anything ("pain level 2").
	noun := p.w(hi - 1)
	if kind == mExplicit && p.singularStageNoun(lo, s.hi) {
		noun = p.w(lo)
	}
	if noun != "stage" && (s.any(cRepairHead) || s.any(cSuture) || !p.mohsWords(s)) {
		return mNone, 0, 0, 0
	}
	if hi+1 < s.hi && p.w(hi) == "of" {
		for k := hi + 1; k < min(hi+9, s.hi) && p.w(k) != "," && p.w(k) != ";"; k++ {
			if p.has(k, cRepairHead) {
				return mNone, 0, 0, 0 // "the first stage of a left melolabial interpolation flap": the repair's stage
			}
		}
	}
	// A stage denied or supposed is none: "no second stage", "a second stage
	// was not required", "if a further layer is needed".
	for k := lo; k < hi; k++ {
		if p.ctx[k]&fHyp != 0 || kind == mRelative && p.ctx[k]&fHist != 0 {
			return mNone, 0, 0, 0
		}
	}
	if j := hi; j+2 < s.hi && (p.w(j) == "was" || p.w(j) == "were" || p.w(j) == "is") && p.w(j+1) == "not" {
		switch p.w(j + 2) {
		case "required", "needed", "necessary", "performed", "done", "taken", "indicated":
			return mNone, 0, 0, 0
		}
	}
	for b := lo - 1; b >= s.lo && b >= lo-3; b-- {
		if p.has(b, cNegPre) && p.hitAt(b, cNegPre) >= lo-1 || p.hitAt(b, cNegPre) > 0 && p.hitAt(b, cNegPre) >= lo {
			return mNone, 0, 0, 0
		}
		if !isArticle(p.w(b)) && !p.has(b, cNegPre) {
			break
		}
	}
	// A stage named after a preposition is named in passing.
	b := lo - 1
	for b >= s.lo && isArticle(p.w(b)) {
		b--
	}
	if b >= s.lo && p.has(b, cStageRefPrep) {
		kind = mRef
	}
	return kind, num, lo, hi
}

// chipMargins reads a stage's margins written block by block as signed
// letters ("A+ B- C-", "A-"): positive when a block is signed "+", clear
// when every block is signed "-"; unknown when tokens [lo, hi) hold no
// such chips.
func (p *para) chipMargins(lo, hi int) (MarginStatus, int) {
	status, at := MarginUnknown, -1
	for k := lo; k+1 < hi; k++ {
		w := p.w(k)
		if len(w) != 1 || w[0] < 'a' || w[0] > 'l' || p.toks[k+1].lo != p.toks[k].hi {
			continue
		}
		if k+2 < len(p.toks) && p.toks[k+2].lo == p.toks[k+1].hi && p.toks[k+2].kind == kWord {
			continue // "A-C", "B-cell": no sign
		}
		switch p.w(k + 1) {
		case "+":
			return MarginPositive, k
		case "-":
			if status == MarginUnknown {
				status, at = MarginClear, k
			}
		}
	}
	return status, at
}

// tissueFrom reports whether the stage mention at lo names where tissue
// was taken from ("A single block was taken from the deep margin of the
// second stage"): the stage taken is the one before, not the one named.
func (p *para) tissueFrom(lo int, s span) bool {
	b := lo - 1
	for b >= s.lo && isArticle(p.w(b)) {
		b--
	}
	if b-1 < s.lo || p.w(b) != "of" {
		return false
	}
	switch p.w(b - 1) {
	case "margin", "margins", "edge", "edges", "base", "bed":
		return p.wordBefore(b, s, 6, "taken", "removed", "excised", "harvested")
	}
	return false
}

// locative reports whether the stage mention at lo follows "in", "on" or "within".
func (p *para) locative(lo int, s span) bool {
	b := lo - 1
	for b >= s.lo && isArticle(p.w(b)) {
		b--
	}
	return b >= s.lo && (p.w(b) == "in" || p.w(b) == "on" || p.w(b) == "within")
}

// temporalRef reports whether the stage mention at lo follows a preposition
// of time ("prior to the first stage", "until the third stage").
func (p *para) temporalRef(lo int, s span) bool {
	b := lo - 1
	for b >= s.lo && isArticle(p.w(b)) {
		b--
	}
	if b < s.lo {
		return false
	}
	switch p.w(b) {
	case "before", "to", "until", "than", "beyond", "since", "during", "through":
		return true
	}
	return false
}

// notMohsStage reports whether a word next to "stage N" or "level N" makes
// it another kind of stage: a tumor's, a pressure ulcer's, a kidney's, a
// Clark level.
func notMohsStage(w string) bool {
	switch w {
	case "clark", "ajcc", "tnm", "breslow", "bwh", "pathologic", "clinical", "disease", "cancer", "pressure", "ulcer",
		"decubitus", "ckd", "kidney", "renal", "chronic", "pain", "sedation", "anxiety", "glucose", "melanoma", "lymphoma":
		return true
	}
	return false
}

// mohsWords reports whether sentence s speaks of Mohs tissue: blocks,
// margins, tumor, the map, slides, stains, or a layer taken.
func (p *para) mohsWords(s span) bool {
	for _, c := range []cat{cBlockNoun, cMarginLoc, cClear, cPositive, cTumor, cDiagnosis, cMap, cSlide, cStain, cEquivocal} {
		if s.any(c) {
			return true
		}
	}
	for i := s.lo; i < s.hi; i++ {
		switch p.w(i) {
		case "excised", "taken", "removed", "processed", "divided", "submitted", "inked", "debulked":
			return true
		}
	}
	return false
}

func ordSuffix(w string) bool { return w == "st" || w == "nd" || w == "rd" || w == "th" }

func isArticle(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "its", "each":
		return true
	}
	return false
}

// stageByNumber selects (creating if new) the stage numbered n.
func (st *state) stageByNumber(n int, sp Span) {
	for k := range st.f.Stages {
		if st.f.Stages[k].Number == n {
			st.cur = k
			if st.f.Stages[k].Span == (Span{}) {
				st.f.Stages[k].Span = sp
			}
			return
		}
	}
	st.f.Stages = append(st.f.Stages, Stage{Number: n, Span: sp})
	st.blocksAmbiguous = append(st.blocksAmbiguous, false)
	st.cur = len(st.f.Stages) - 1
	st.maxNum = max(st.maxNum, n)
}

// fromPreviousStage reports whether the one boilerplate phrase of a
// sentence that opens with a numbered stage is "the previous stage" named
// as where the stage was taken ("Stage 3 was one block from the deep
// margin of the previous stage and was clear"): the sentence tells its
// stage.
func (p *para) fromPreviousStage(s span) bool {
	b := p.firstIn(s.lo, s.hi, cBoilerplate)
	if b < s.lo+2 || p.w(b) != "previous" || p.w(b-1) != "the" || p.w(b-2) != "of" && p.w(b-2) != "from" {
		return false
	}
	if e := p.hitAt(b, cBoilerplate); e <= b || p.firstIn(e, s.hi, cBoilerplate) >= 0 {
		return false
	}
	kind, _, lo, _ := p.mention(s.lo, s)
	return kind == mExplicit && lo == s.lo
}

// beforeBoilerplate is the clause of sentence s before a ", and" or ";"
// that stands before its first boilerplate words, when that clause names
// no boilerplate, has a verb of its own and names no stage but by its
// number; an empty span otherwise.
func (p *para) beforeBoilerplate(s span) span {
	b := p.firstIn(s.lo, s.hi, cBoilerplate)
	cut := -1
	for i := s.lo + 1; i < b; i++ {
		if p.w(i) == ";" || p.w(i) == "," && i+1 < b && p.w(i+1) == "and" {
			cut = i
		}
	}
	if cut < 0 {
		return span{}
	}
	head := span{lo: s.lo, hi: cut}
	hasVerb := false
	for i := head.lo; i < head.hi; i++ {
		head.mask |= p.m.cover[i]
		hasVerb = hasVerb || verb(p.w(i))
	}
	if !hasVerb {
		return span{}
	}
	if head.any(cStageNoun) || head.any(cStageOrdNoun) || head.any(cStagesPlural) {
		// A clause of its own that names its stage ("The first stage was
		// … divided into two blocks; a Mohs map was drawn and kept for
		// every stage") is read; one that names no stage by its number
		// ("Wherever residual tumor was identified, an additional stage
		// was taken …, and the process was repeated") is technique.
		if head.any(cStageRelative) || head.any(cStagesPlural) || !p.namesStageByNumber(head) {
			return span{}
		}
	}
	return head
}

// namesStageByNumber reports whether span s names a stage by its number or
// ordinal ("Stage 2", "the first stage").
func (p *para) namesStageByNumber(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if kind, _, _, _ := p.mention(i, s); kind == mExplicit {
			return true
		}
	}
	return false
}

// afterBoilerplate is what follows a sentence's one boilerplate phrase when
// it names a stage by its ordinal ("… a Mohs map drawn at each stage and
// cleared in two stages, a first stage of three blocks …"): a summary's
// stages after the technique words, which say nothing of a count
// themselves; an empty span otherwise.
func (p *para) afterBoilerplate(s span) span {
	b := p.firstIn(s.lo, s.hi, cBoilerplate)
	if b < 0 {
		return span{}
	}
	e := p.hitAt(b, cBoilerplate)
	if e <= b || p.firstIn(e, s.hi, cBoilerplate) >= 0 {
		return span{}
	}
	tail := span{lo: e, hi: s.hi}
	for i := tail.lo; i < tail.hi; i++ {
		tail.mask |= p.m.cover[i]
	}
	for i := tail.lo; i+1 < tail.hi; i++ {
		if ordinal(p.w(i)) > 0 && p.has(i+1, cStageNoun) {
			return tail // "a first stage of three blocks"
		}
	}
	return span{}
}

// readingOpens reports whether a paragraph's first sentence s is a
// reading of the slides that names no stage ("On my reading of the frozen
// sections, … at the deep margin of block 2"), nor another lesion, a
// biopsy or an earlier report.
func (p *para) readingOpens(s span) bool {
	return !s.any(cStageNoun) && !s.any(cStageOrdNoun) && !s.any(cStageRelative) && !s.any(cHistPre) &&
		!s.any(cOtherLesion) && !s.any(cBiopsy) && p.slideWord(s) && s.any(cMarginLoc)
}

// target is the stage the facts of a sentence go to: the current stage, or
// Unstaged where the sentence may hold Mohs facts without naming a stage.
func (st *state) target(p *para, s span, bx bool) (*Stage, int) {
	if st.cur >= 0 {
		return &st.f.Stages[st.cur], st.cur
	}
	if bx || st.otherLesions || s.any(cHistPre) || p.priorContext(s) {
		return nil, -1
	}
	// Without a stage, only a sentence about the slides or margins speaks of
	// the Mohs tissue ("Basal cell carcinoma of the nose" is the diagnosis).
	if !p.slideWord(s) && !s.any(cMarginLoc) && !s.any(cStain) {
		return nil, -1
	}
	return &st.f.Unstaged, -1
}

// stagesBefore is what the stages were before a sentence was read.
type stagesBefore struct {
	stages          []Stage
	unstaged        Stage
	ambiguities     int
	blocksAmbiguous []bool
	stageCount      int
	cur, maxNum     int
}

// snapshot keeps the stages as they are, for doubtedStages.
func (st *state) snapshot() *stagesBefore {
	return &stagesBefore{stages: slices.Clone(st.f.Stages), unstaged: st.f.Unstaged, ambiguities: len(st.f.Ambiguities),
		blocksAmbiguous: slices.Clone(st.blocksAmbiguous), stageCount: len(st.f.StageCount), cur: st.cur, maxNum: st.maxNum}
}

// doubtedStages takes back what a sentence that asks whose stage it told
// read as stages ("The Mohs log for the day holds one more entry, a stage
// of two blocks, free of tumor, with no site written against it; this
// dictation does not say whether it was the second stage at the nasal
// sidewall or the first stage at the left cheek"): never a guessed stage.
// before is the stages before it (nil for any other sentence).
func (st *state) doubtedStages(p *para, s span, before *stagesBefore) {
	if before == nil {
		return
	}
	st.f.Stages, st.f.Unstaged, st.blocksAmbiguous, st.cur, st.maxNum = before.stages, before.unstaged, before.blocksAmbiguous, before.cur, before.maxNum
	st.f.Ambiguities = st.f.Ambiguities[:before.ambiguities]
	st.f.StageCount = st.f.StageCount[:before.stageCount]
	st.f.Ambiguities = append(st.f.Ambiguities, Ambiguity{
		Message: "the prose leaves open which tumor a stage was taken from: no stage is read from that sentence",
		Spans:   []Span{p.spanOf(s.lo, trimEnd(p, s.lo, s.hi))},
	})
}

// whetherAt is the token of sentence s that is "whether" (what stands
// after it is a question the note leaves open), or -1.
func (p *para) whetherAt(s span) int {
	for i := s.lo; i < s.hi; i++ {
		if p.w(i) == "whether" {
			return i
		}
	}
	return -1
}

// priorContext reports whether sentence s speaks of an earlier report
// ("the report", "previously", "referring") rather than of today's slides.
func (p *para) priorContext(s span) bool { return s.any(cPriorCue) }

// readStages reads the stage mentions of a sentence and, for the stage each
// part of it is about, the blocks, margins, stains and histology.
func (st *state) readStages(p *para, s span, bx bool) {
	selected := false
	clause := s.lo
	clauseStage := false // the clause starts at a stage mention
	// A count before the first stage mention of its clause is that stage's:
	// "Three blocks were taken in the first stage".
	pre, preStage := st.preselect(p, s)
	stageWords := s.any(cStageNoun) || s.any(cStageOrdNoun) || p.mohsStage(s)
	concessive := false
	curBefore := st.cur                                                                              // the stage the sentences before told of
	causal := p.w(s.lo) == "because" && s.lo+1 < s.hi && p.w(s.lo+1) != "of" || p.w(s.lo) == "since" // a reason's own clause before the main one
	switch p.w(s.lo) {
	case "although", "though", "while", "whereas", "because", "since", "given":
		concessive = true // "Because of the perineural invasion seen in stage 1, both blocks of stage 2 were stained …"
	}
	var listed []listedStain  // the stains the sentence named, in order
	whether := p.whetherAt(s) // a stage after it is in doubt (found once: the sentence may be long)
	for i := s.lo; i < s.hi; {
		kind, num, lo, hi := mNone, 0, 0, 0
		if stageWords {
			kind, num, lo, hi = p.mention(i, s)
		}
		if kind != mNone && whether >= 0 && whether < lo {
			// "this dictation does not say whether it was the second stage at
			// the nasal sidewall or the first stage at the left cheek": a stage
			// in doubt is none (see doubtedStages)
			i = hi
			continue
		}
		if kind != mNone && kind != mRef {
			// "There was no residual tumor in the second stage": what comes
			// before a stage named after "in" is about that stage.
			locative := p.locative(lo, s)
			if !locative {
				st.clause(p, s, clause, lo, bx, clauseStage)
				clause = lo
			}
			if lo == pre {
				st.cur, selected = preStage, true
			} else if st.selectStage(p, s, kind, num, lo, hi, selected) {
				selected = true
			}
			clauseStage = true
			i = hi
			continue
		}
		if kind == mRef {
			// A stage named in passing is what the sentence is about only when
			// it names no other and that stage was described before ("Sections
			// from the first stage showed …", "clear after stage 2").
			if !selected && !p.temporalRef(lo, s) && !p.tissueFrom(lo, s) {
				for k := range st.f.Stages {
					if st.f.Stages[k].Number == num && num > 0 {
						st.clause(p, s, clause, lo, bx, clauseStage)
						st.cur, selected = k, true
						clause, clauseStage = lo, true
					}
				}
				if !selected && num > 0 && concessive && p.itAfterClause(hi, s) && st.selectStage(p, s, mExplicit, num, lo, hi, false) {
					// "Because of the size of the first layer, it was divided
					// into seven tissue blocks": the stage the main clause's
					// "it" is
					selected, clauseStage = true, true
				}
			}
			i = hi
			continue
		}
		if p.w(i) == ";" {
			st.clause(p, s, clause, i, bx, clauseStage)
			clause, clauseStage = i+1, false
		}
		if p.w(i) == "," && concessive {
			// "Although the second layer was clear, a further layer …": the
			// main clause names its own stage; "Because the inflammation in
			// stage 1 had been dense …, AE1/AE3 was run on both blocks": or
			// goes on with the stage of the sentences before; "Because of the
			// size of the first layer, it was divided into seven tissue
			// blocks": or its "it" is the stage the clause before named
			concessive = false
			if i+1 >= s.hi || p.w(i+1) != "it" || !selected {
				selected = false
				if causal {
					st.cur = curBefore
				}
			}
		}
		if n, lo, hi := p.blockCount(i, s); n > 0 {
			switch {
			case p.partial(lo, hi, s):
				// "two blocks were clear": some of the stage's blocks
			case p.inStageList(lo, s):
				// "three stages comprising 4, 2 and 1 blocks": the last of a
				// list of each stage's blocks (listedBlocks)
			case !p.total(lo, hi, s) && st.cur < 0 && pre < 0 && s.any(cStagesPlural) && p.countsEachStage(s):
				// "both stages (two blocks, then one block)": each stage's
				// blocks in turn, which stage's not named, and no total
			case p.total(lo, hi, s) || st.cur < 0 && pre < 0 && s.any(cStagesPlural):
				// "a total of 5 blocks", "Total blocks: 8", "3 stages, 7 blocks": the lesion's, no stage's
				st.f.BlockTotal = append(st.f.BlockTotal, Count{N: n, Span: p.spanOf(lo, hi)})
			case pre >= 0 && i < pre && preStage < 0:
				// a count before "the final stage" that names no stage for certain
				st.setBlocks(&st.f.Unstaged, -1, n, p.spanOf(lo, hi))
			case pre >= 0 && i < pre:
				st.setBlocks(&st.f.Stages[preStage], preStage, n, p.spanOf(lo, hi))
			default:
				if tg, k := st.target(p, s, bx); tg != nil {
					st.setBlocks(tg, k, n, p.spanOf(lo, hi))
					if k < 0 && tg == &st.f.Unstaged && s.any(cMohsSurgery) && !p.anyWordIn(s, debulkWords) {
						st.unstagedMohs = true
					}
					if k < 0 && tg == &st.f.Unstaged && p.loneLayer(s) {
						st.unstagedLayer = true
					}
				}
			}
			i = hi
			continue
		}
		if e := p.hitAt(i, cStain); e > 0 && (p.negated(i) || p.ctx[i]&fHyp != 0) {
			i = e // "no further SOX10", "no SOX10 was run", "MART-1 … was considered … but was not needed": no stain
			continue
		}
		if e := p.hitAt(i, cStain); e > 0 {
			if tg, _ := st.target(p, s, bx); tg != nil {
				stain, end, quiet := p.stain(i, e, s)
				if all, n := p.everyStage(s.lo, i, end); all || tg == &st.f.Unstaged && len(st.f.Stages) == 0 && p.everyBlock(i, end) && !p.anyWordIn(s, conditionalWords) {
					// "MART-1 … on every block of both stages": known at the
					// end; so is "the frozen sections, … stained with MART-1
					// on every block" before any stage is described
					st.allStains = append(st.allStains, stageStain{stain, n})
				} else {
					var at int
					tg.Stains, at = addStain(tg.Stains, stain)
					if stain.Reason != "" {
						// "the MART-1 and SOX10 to confirm clearance": the
						// reason is that of every stain the list names
						from := i
						for n := len(listed) - 1; n >= 0 && listed[n].tg == tg && p.onlyListWords(listed[n].hi, from); n-- {
							if r := &tg.Stains[listed[n].at]; r.Reason == "" {
								r.Reason = stain.Reason
							}
							from = listed[n].lo
						}
					}
					listed = append(listed, listedStain{tg: tg, at: at, lo: i, hi: i + (e - i)})
				}
				// A stain and its reason state no margin ("where MART-1 was equivocal").
				if len(p.quiet) == 0 {
					p.quiet = grow(p.quiet, len(p.toks))
				}
				for k := i; k < quiet; k++ {
					p.quiet[k] = true
				}
				i = end
				continue
			}
		}
		i++
	}
	st.clause(p, s, clause, s.hi, bx, clauseStage)
}

// listedStain is a stain a sentence named: where it went (tg.Stains[at])
// and the tokens of its name.
type listedStain struct {
	tg     *Stage
	at     int
	lo, hi int
}

// onlyListWords reports whether tokens [lo, hi) only join the names of a
// list of stains: "and", ",", "the", "immunostains".
func (p *para) onlyListWords(lo, hi int) bool {
	if hi-lo > 4 {
		return false
	}
	for k := lo; k < hi; k++ {
		if w := p.w(k); w != "and" && w != "," && w != "the" && !stainWord(w) {
			return false
		}
	}
	return true
}

// addStain adds a stain to a stage's stains and returns its index. A stain
// named again ("… SOX10 on block 1, the MART-1 and SOX10 to confirm
// clearance") is the same stain: the restatement gives it its reason and
// its blocks where it had none.
func addStain(stains []Stain, s Stain) ([]Stain, int) {
	for k := range stains {
		o := &stains[k]
		if !strings.EqualFold(o.Name, s.Name) {
			continue
		}
		if o.Reason == "" {
			o.Reason = s.Reason
		}
		switch {
		case o.Blocks != nil && s.Blocks != nil:
			for _, b := range s.Blocks {
				if !slices.Contains(o.Blocks, b) {
					o.Blocks = append(o.Blocks, b)
				}
			}
		}
		o.Special = o.Special || s.Special
		return stains, k
	}
	return append(stains, s), len(stains)
}

// selectStage selects (creating if new) the stage that a mention of the
// given kind names, when the sentence has selected one already or not. It
// reports whether the mention decides the stage the sentence is about;
// st.cur is -1 when it names none for certain.
func (st *state) selectStage(p *para, s span, kind, num, lo, hi int, selected bool) bool {
	sp := p.spanOf(lo, trimEnd(p, lo, s.hi))
	switch {
	case kind == mExplicit || kind == mSingle && st.maxNum <= 1:
		st.stageByNumber(num, sp)
	case kind == mSingle:
		st.cur = -1 // "the single stage" after stage 2
	case kind == mRelative && st.maxNum > 0 && lo > s.lo && (p.w(lo-1) == "this" || p.w(lo-1) == "that"):
		// "This further layer was also free of tumor": the one just taken
		st.stageByNumber(st.maxNum, sp)
	case kind == mRelative && !selected && st.maxNum < maxStages && (st.maxNum > 0 || p.singularStageNoun(hi-1, s.hi)):
		// "a re-excision" follows a stage; "an additional stage" may be the first
		st.stageByNumber(st.maxNum+1, sp)
	case kind == mFinal && !selected:
		st.finalStage(sp)
	default:
		return false
	}
	return true
}

// finalStage selects the stage that "the final excision" or "the last
// stage" names: a new stage after a last stage that was not clear, the last
// stage when it was clear. After a stage whose margin is not stated it could
// be either, and it selects none, so that no count goes to a guessed stage.
func (st *state) finalStage(sp Span) {
	st.cur = -1
	for k := range st.f.Stages {
		if st.f.Stages[k].Number != st.maxNum {
			continue
		}
		switch st.f.Stages[k].Margin {
		case MarginPositive, MarginEquivocal:
			if st.maxNum < maxStages {
				st.stageByNumber(st.maxNum+1, sp)
			}
		case MarginClear:
			st.cur = k
		}
		return
	}
}

// preselect finds the first stage mention of sentence s when a block count
// stands before it in the same clause, and selects (or creates) its stage
// early. It returns the mention's first token and the stage's index, or -1.
func (st *state) preselect(p *para, s span) (int, int) {
	if !s.any(cStageNoun) && !s.any(cStageOrdNoun) && !p.mohsStage(s) || !s.any(cBlockNoun) {
		return -1, -1
	}
	count := false
	for i := s.lo; i < s.hi; i++ {
		if p.w(i) == ";" {
			return -1, -1
		}
		kind, num, lo, hi := p.mention(i, s)
		switch kind {
		case mExplicit, mRelative, mFinal, mSingle:
			if !count {
				return -1, -1
			}
			saved := st.cur
			if !st.selectStage(p, s, kind, num, lo, hi, false) {
				st.cur = saved
				return -1, -1
			}
			k := st.cur
			st.cur = saved
			return lo, k
		case mRef:
			i = hi - 1
			continue
		}
		if n, _, _ := p.blockCount(i, s); n > 0 {
			count = true
		}
	}
	return -1, -1
}

// partial reports whether the block count ending at hi is the subject of a
// margin statement ("two blocks were clear", "3 sections showed tumor"):
// some of the stage's blocks, not their number.
func (p *para) partial(lo, hi int, s span) bool {
	if lo > s.lo && p.w(lo-1) == "of" || lo > s.lo+1 && p.w(lo-2) == "of" {
		return false // "a second stage of two blocks was clear"
	}
	// "the other five blocks", "the remaining 4 sections": a subset
	if lo > s.lo && (p.w(lo-1) == "other" || p.w(lo-1) == "remaining") {
		return true
	}
	j := hi
	if j < s.hi && (p.w(j) == "was" || p.w(j) == "were" || p.w(j) == "being") {
		j++
		if j < s.hi && (p.has(j, cClear) || p.has(j, cPositive) || p.has(j, cEquivocal) || p.has(j, cNegPre)) {
			return true
		}
		return false
	}
	if j < s.hi {
		switch p.w(j) {
		case "showed", "demonstrated", "revealed", "contained", "had", "harbored":
			return true
		}
	}
	return false
}

// total reports whether the count at [lo, hi) is a total ("a total of 5
// blocks", "Total blocks: 8", "8 blocks in total", "3 blocks in all", "5
// blocks altogether").
func (p *para) total(lo, hi int, s span) bool {
	if p.totalBefore(lo, s) {
		return true
	}
	if hi < s.hi && (p.w(hi) == "altogether" || p.w(hi) == "total" || p.w(hi) == "overall") ||
		hi+1 < s.hi && p.w(hi) == "in" && (p.w(hi+1) == "total" || p.w(hi+1) == "all" && lo > s.lo && p.w(lo-1) == "(") {
		return true // "(3 blocks in all)" in parentheses after a stage's own count; not "the second stage was one block in all"
	}
	return false
}

// totalBefore reports whether "total" or "in all" stands within eight
// words before token lo, or a count of stages and "and" right before it.
func (p *para) totalBefore(lo int, s span) bool {
	for k := max(s.lo, lo-8); k < lo; k++ {
		if p.w(k) == "total" || p.w(k) == "totaling" || p.w(k) == "totalling" || p.w(k) == "all" && k > s.lo && p.w(k-1) == "in" {
			return true // "a total of 5 blocks", "In all, three stages and four blocks were required"
		}
	}
	// "… required three stages and four blocks": blocks counted beside the
	// stages are all the stages' blocks
	return lo-3 >= s.lo && p.w(lo-1) == "and" && p.w(lo-2) == "stages" && p.countAt(lo-3) > 1
}

// setBlocks records a block count for a stage (k < 0: Unstaged); two different
// counts for one stage are an ambiguity and leave the count unknown.
func (st *state) setBlocks(tg *Stage, k, n int, sp Span) {
	if k >= 0 && st.blocksAmbiguous[k] {
		return
	}
	switch {
	case tg.Blocks == 0:
		tg.Blocks, tg.BlocksSpan = n, sp
	case tg.Blocks != n:
		what := "the blocks of a part with no stage named"
		if k >= 0 {
			what = fmt.Sprintf("stage %d", tg.Number)
			st.blocksAmbiguous[k] = true
		}
		st.f.Ambiguities = append(st.f.Ambiguities, Ambiguity{
			Message: fmt.Sprintf("two block counts (%d and %d) for %s", tg.Blocks, n, what),
			Spans:   []Span{tg.BlocksSpan, sp},
		})
		tg.Blocks, tg.BlocksSpan = 0, Span{}
	}
}

// blockCount reads a block count at token i: "three pieces", "2 blocks",
// "a single section", "one-block", "1 tissue block", "blocks x 2", "sections: 4",
// "a pair of sections".
// "block 3" and "blocks 1 and 2" name blocks and count nothing.
func (p *para) blockCount(i int, s span) (n, lo, hi int) {
	t := &p.toks[i]
	if p.listsBlocks(i, s) {
		return 0, 0, 0
	}
	// "was bisected", "sectioned into quadrants": the split names the count
	if n := splitCount(p.w(i)); n > 0 && t.kind == kWord && !p.negated(i) && !p.uncertain(i) && p.ctx[i]&fHyp == 0 {
		if p.splitAgain(i, s) {
			return 0, 0, 0 // "bisected and then quartered": the last split counts
		}
		if !p.has(i, cBlockNoun) {
			return n, i, i + 1
		}
		if i > s.lo && (p.w(i-1) == "into" || p.w(i-1) == "in") {
			return n, i - 1, i + 1
		}
	}
	if p.w(i) == "pair" && i+2 < s.hi && p.w(i+1) == "of" && p.has(i+2, cBlockNoun) && p.toks[i+2].kind == kWord &&
		!p.negated(i) && !p.uncertain(i) && p.ctx[i]&fHyp == 0 {
		return 2, i, i + 3 // "a pair of sections was prepared from it"
	}
	if p.has(i, cBlockNoun) && t.kind == kWord {
		// "blocks x 2", "sections: 4", dictation's "blocks times three"
		if i+2 < s.hi && (p.w(i+1) == "x" || p.w(i+1) == ":" || p.w(i+1) == "times") {
			n := p.intAt(i + 2)
			if n == 0 && p.w(i+1) == "times" {
				n = p.countAt(i + 2)
			}
			if n > 0 && !p.unitAt(i+3, s.hi) {
				return n, i, i + 3
			}
		}
		if i > s.lo && p.w(i-1) == "into" {
			if n, end := p.blockLetters(i+1, s); n > 1 {
				return n, i - 1, end // "the specimen was cut into blocks A, B and C"
			}
		}
		return 0, 0, 0
	}
	n = p.countAt(i)
	if n == 0 || n > 60 {
		return 0, 0, 0
	}
	if i > s.lo && (p.has(i-1, cBlockNoun) || p.w(i-1) == "#" || p.w(i-1) == "-" && i-2 >= s.lo && p.has(i-2, cBlockNoun)) {
		return 0, 0, 0
	}
	j := i + 1
	if i-2 >= s.lo && p.w(i-1) == "into" && (j >= s.hi || p.w(j) == "." || p.w(j) == "," || p.w(j) == ";" || p.w(j) == "and") {
		switch p.w(i - 2) {
		case "sectioned", "divided", "cut", "split", "processed", "separated":
			return n, i - 2, j // "Stage 1 was excised … and sectioned into 7."
		}
	}
	for k := 0; k < 2 && j < s.hi && (p.has(j, cBlockFiller) && !p.has(j, cBlockNoun) || p.w(j) == "-"); k++ {
		j++
	}
	if j >= s.hi || !p.has(j, cBlockNoun) || p.toks[j].kind != kWord {
		return 0, 0, 0
	}
	// "two specimens (debulk and stage 1)": the debulk is no block
	if w := p.w(j); (w == "specimen" || w == "specimens") && s.any(cDebulk) {
		return 0, 0, 0
	}
	// "two pieces of gauze" counts no tissue; "a single block of perichondrium" does
	if j+2 < s.hi && p.w(j+1) == "of" && !p.anyIn(j+2, min(s.hi, j+5), cStructure) { // "1 block of deeper gastrocnemius muscle" counts
		switch p.w(j + 2) {
		case "tissue", "skin", "the", "this", "that", "stage", "layer", "specimen", "tumor", "mohs", "fat":
		default:
			return 0, 0, 0
		}
	}
	// "each with 2 blocks", "2 blocks each": per stage of several
	if i > s.lo && p.w(i-1) == "with" && i-2 >= s.lo && p.w(i-2) == "each" ||
		j+1 < s.hi && p.w(j+1) == "each" {
		return 0, 0, 0
	}
	// "each block was cut into 6 sections": cryostat sections, not blocks
	if w := p.w(j); (w == "sections" || w == "section") && (j+1 < s.hi && p.w(j+1) == "per" || j+2 < s.hi && p.w(j+1) == "from" && p.w(j+2) == "each" || p.eachBlock(s)) {
		return 0, 0, 0
	}
	// "3 blocks (6 slides)" counts blocks; "two specimens were sent" in a biopsy sentence is not asked for here.
	return n, i, j + 1
}

// listsBlocks reports whether token i stands in the list that a block
// count and a colon open: "divided into five blocks: four quadrants (…)
// and a central base block" counts five, its parts nothing.
func (p *para) listsBlocks(i int, s span) bool {
	for c := i - 1; c >= s.lo+2 && c >= i-parenMax; c-- {
		if p.w(c) == ":" && p.has(c-1, cBlockNoun) && p.countAt(c-2) > 0 {
			return true
		}
		if p.w(c) == "." || p.w(c) == ";" {
			return false
		}
	}
	return false
}

// splitCount is the number of blocks a word of splitting names: "bisected",
// "halves" (after "into"), "quadrants"; 0 for any other word.
func splitCount(w string) int {
	switch w {
	case "bisected", "hemisected", "halves":
		return 2
	case "trisected":
		return 3
	case "quadrisected", "quadrants", "quartered":
		return 4
	}
	return 0
}

// blockLetters counts the blocks a list of capital letters from token i
// names ("A, B and C", "A and B"), and the token after the list; 0 when
// the words from i are no such list.
func (p *para) blockLetters(i int, s span) (n, end int) {
	letter := func(j int) bool {
		return j < s.hi && p.toks[j].kind == kWord && p.toks[j].upper && p.toks[j].hi-p.toks[j].lo == 1
	}
	j := i
	for letter(j) {
		n++
		j++
		if j < s.hi && p.w(j) == "," {
			j++
		}
		if j < s.hi && p.w(j) == "and" && letter(j+1) {
			j++
		}
	}
	return n, j
}

// splitAgain reports whether the split word at token i is split further
// by the next words of sentence s: "bisected and then quartered".
func (p *para) splitAgain(i int, s span) bool {
	for j := i + 1; j < s.hi && j <= i+4; j++ {
		switch w := p.w(j); {
		case splitCount(w) > 0:
			return true
		case w != "and" && w != "then" && w != "further" && w != ",":
			return false
		}
	}
	return false
}

// eachBlock reports whether sentence s speaks of each block or piece ("each
// block was cut into 6 sections").
func (p *para) eachBlock(s span) bool { return p.eachBlockMemo.get(s, p.scanEachBlock) }

func (p *para) scanEachBlock(s span) bool {
	if !s.any(cBlockNoun) {
		return false
	}
	for i := s.lo; i+1 < s.hi; i++ {
		if (p.w(i) == "each" || p.w(i) == "every" || p.w(i) == "per") && p.has(i+1, cBlockNoun) &&
			p.w(i+1) != "section" && p.w(i+1) != "sections" {
			return true
		}
	}
	return false
}

// unitAt reports whether token i is a unit of length.
func (p *para) unitAt(i, end int) bool {
	_, _, _, ok := p.unit(i, end)
	return ok
}

// stainWord reports whether w names a stain's kind after its name
// ("MART-1 immunostaining", "an AE1/AE3 immunostain").
func stainWord(w string) bool {
	switch w {
	case "immunostain", "immunostains", "immunostaining", "stain", "stains", "staining", "stained", "immunohistochemistry", "ihc":
		return true
	}
	return false
}

// specialBefore reports whether the stain named at token i follows
// "special stain(s)" within its clause: "special stain of toluidine blue",
// "Special stains: toluidine blue".
func (p *para) specialBefore(i int, s span) bool {
	for k := i - 1; k >= s.lo && k >= i-4; k-- {
		if w := p.w(k); w == ";" || w == "." {
			return false
		}
		if p.w(k) == "special" && k+1 < i && stainWord(p.w(k+1)) {
			return true
		}
	}
	return false
}

// asSpecial is the token after "as a special stain" at token j, or 0.
func (p *para) asSpecial(j, end int) int {
	if j+2 >= end || p.w(j) != "as" {
		return 0
	}
	k := j + 1
	if isArticle(p.w(k)) {
		k++
	}
	if k+1 < end && p.w(k) == "special" && stainWord(p.w(k+1)) {
		return k + 2
	}
	return 0
}

// stainDone is the token after "was added", "were performed" at token j, or j.
func (p *para) stainDone(j, end int) int {
	if j+1 >= end || p.w(j) != "was" && p.w(j) != "were" {
		return j
	}
	k := j + 1
	if k+1 < end && (p.w(k) == "also" || p.w(k) == "then" || p.w(k) == "additionally") {
		k++ // "A Ber-EP4 immunostain was also run on block 2"
	}
	switch p.w(k) {
	case "added", "performed", "applied", "used", "done", "run", "obtained", "requested", "ordered":
		return k + 1
	}
	return j
}

// everyStage reports whether a stain statement in tokens [lo, hi) names
// every stage ("on every block of both stages", "of all stages", "on all
// sections of both layers") or its sentence, from token from, has every
// stage for its subject ("Each stage was stained with …"), and the
// number of stages it says (2 for "both", else 0).
func (p *para) everyStage(from, lo, hi int) (bool, int) {
	for k := max(from, lo-longStretch) + 1; k < lo; k++ {
		if w := p.w(k); (w == "stage" || w == "layer" || w == "level") && (p.w(k-1) == "each" || p.w(k-1) == "every") {
			return true, 0 // "Each stage was stained with H&E and with MART-1 on every block"
		}
		if w := p.w(k); (w == "stages" || w == "layers" || w == "levels") && (p.w(k-1) == "both" || p.w(k-1) == "all") {
			// "the frozen sections of every block of both stages were also stained with AE1/AE3"
			if p.w(k-1) == "both" {
				return true, 2
			}
			return true, 0
		}
	}
	for k := lo + 1; k < hi; k++ {
		if w := p.w(k); w == "stages" || w == "layers" || w == "levels" {
			switch p.w(k - 1) {
			case "both":
				return true, 2
			case "all":
				return true, 0
			}
		}
		if w := p.w(k); (w == "stage" || w == "layer" || w == "level") && (p.w(k-1) == "each" || p.w(k-1) == "every") {
			return true, 0 // "MART-1 on every block of every stage"
		}
	}
	return false, 0
}

// subjectReach is how many tokens before a stain its clause's block list
// may open: "Blocks 1, 2 and 4 were also stained with EMA".
const subjectReach = 14

// subjectBlocks is the block list that opens the clause of a stain named at
// token i when the clause says those blocks were stained ("Blocks 1 and 2
// were also stained with EMA", "block 1 was again stained with EMA"), or
// nil.
func (p *para) subjectBlocks(i int, s span) []int {
	if i <= s.lo {
		return nil
	}
	k := i - 1
	for k > s.lo && k > i-subjectReach && p.w(k) != ";" && p.w(k) != "." && !p.clauseAnd(k) {
		k--
	}
	if p.w(k) == ";" || p.w(k) == "." || p.clauseAnd(k) {
		k++
	}
	if k >= i || !p.has(k, cBlockNoun) || k > s.lo && p.w(k-1) != ";" && p.w(k-1) != "." && !p.clauseAnd(k-1) {
		return nil // the list must open the clause, within a few words of the stain
	}
	e := k + 1
	for e < i && (p.toks[e].kind == kNum || p.w(e) == "and" || p.w(e) == "," || p.w(e) == "-" || p.w(e) == "to" || len(p.w(e)) == 1) {
		e++
	}
	stained := false
	for m := e; m < i; m++ {
		if w := p.w(m); w == "stained" || w == "stain" || w == "immunostained" {
			stained = true
		}
	}
	if !stained || e == k+1 {
		return nil
	}
	return p.blockList(k, e)
}

// clauseAnd reports whether token k is an "and" after a comma that opens
// a clause: "all four blocks were stained with MART-1, and block 2 was
// also stained with SOX10".
func (p *para) clauseAnd(k int) bool {
	return k > 0 && p.w(k) == "and" && p.w(k-1) == ","
}

// stain reads a stain named at tokens [i, e): its blocks in parentheses and
// its reason after "for" or "to" ("An AE1/AE3 immunostain (blocks 1-2) was
// added to highlight …"). end is the token after the statement; quiet is
// the token after its purpose, which may lie beyond end ("…, the MART-1
// being used to highlight melanocytes at the margin"): words that state
// no margin, though they may name another stain.
func (p *para) stain(i, e int, s span) (st Stain, end, quiet int) {
	st = Stain{Name: p.text(i, e), Special: p.specialBefore(i, s)}
	j, named := e, false // named: an "on …" list named the blocks, "all" or "both" among them
	for n := 0; n < 3 && j < s.hi && (p.w(j) == "cytokeratin" || p.w(j) == "keratin" || p.w(j) == "pan" || p.w(j) == "-" && n > 0); n++ {
		j++ // "AE1/AE3 cytokeratin immunostain", "AE1/AE3 pan-cytokeratin immunostain": one antibody, its class after its name
	}
	if k := p.skipParen(j, s.hi); k > j && k < s.hi && stainWord(p.w(k)) && !p.anyIn(j+1, k-1, cBlockNoun) && p.w(j+1) != "for" && p.w(j+1) != "to" {
		j = k // "pan-cytokeratin (AE1/AE3) immunostain (block 2)": the clone in parentheses, then the stain word
	}
	for j < s.hi && stainWord(p.w(j)) {
		j++
	}
	if k := p.asSpecial(p.stainDone(j, s.hi), s.hi); k > 0 {
		// "toluidine blue was run as a special stain on all four blocks"
		st.Special, j = true, k
	}
	if k := p.skipParen(j, s.hi); k > j {
		if w := p.w(j + 1); w == "for" || w == "to" {
			st.Reason = p.text(j+1, k-1) // "MART-1 (for melanocyte density)"
		} else {
			st.Blocks = p.blockList(j+1, k-1) // "MART-1 (blocks 1-2)"
			switch p.w(j + 1) {
			case "all", "each", "every", "both":
				named = true // "CD34 (all blocks)": every block, whatever blocks the clause names after it
			}
		}
		j = k
	}
	j = p.stainDone(j, s.hi)
	if st.Blocks == nil && j+1 < s.hi && (p.w(j) == "on" || p.w(j) == "in" || p.w(j) == "of") { // "MART-1 immunostaining of both blocks"
		// "CD34 on all blocks", "Ber-EP4 on block I-A", "MART-1 on all five blocks"
		k := j + 1
		for k < s.hi && k < j+parenMax && p.w(k) != "," && p.w(k) != ";" && p.w(k) != "." && p.w(k) != "for" && p.w(k) != "to" &&
			!(p.w(k) == "and" && k+1 < s.hi && p.has(k+1, cStain)) { // "MART-1 on both blocks and SOX10 on block 1"
			k++
		}
		if p.anyIn(j+1, k, cBlockNoun) {
			st.Blocks = p.blockList(j+1, k)
			j, named = k, true
		}
	}
	if st.Blocks == nil && !named {
		st.Blocks = p.subjectBlocks(i, s) // "Blocks 1 and 2 were also stained with EMA"
	}
	if st.Blocks == nil && !named {
		// a block list further on in the clause: "A Ber-EP4 immunostain was
		// then run, on block 2 only" — never every block when the clause
		// names some
		st.Blocks = p.laterBlocks(j, s.hi)
	}
	if j < s.hi && p.w(j) == "only" && named {
		j++ // "CK7 on block 1 only, because …"
	}
	end = j
	// the reason: "for melanocyte density", ", to judge melanocyte density",
	// ", because a small cluster of ambiguous cells … needed a second marker"
	r := j
	if r+1 < s.hi && p.w(r) == "," && (p.w(r+1) == "for" || p.w(r+1) == "to" || p.w(r+1) == "because") {
		r++
	}
	if r < s.hi && (p.w(r) == "for" || p.w(r) == "to" || p.w(r) == "because" && r > j) {
		// the reason runs to the clause's end or a comma: "MART-1 for
		// melanocyte density, was clear" — the status is the stage's
		k := p.reasonEnd(r+1, s.hi)
		if k < s.hi && p.w(k) == "," && p.purposeAfter(k+1, s.hi) == k+1 {
			// "for the same reason, to highlight junctional melanocytes at the margin"
			k = p.reasonEnd(k+2, s.hi)
		}
		st.Reason = p.text(r, k)
		end = k
	} else if k := p.purposeAfter(end, s.hi); k > 0 {
		// "MART-1 immunostain on every block, the MART-1 being used to
		// highlight atypical junctional melanocytes …"
		h := p.clauseEnd(k+1, s.hi)
		st.Reason = p.text(k, h)
		quiet = h
	}
	st.Span = p.spanOf(i, max(end, e))
	return st, max(end, e), max(end, e, quiet)
}

// laterBlocks is the block list a stain's clause names after token j
// after "on", "of" or "to" ("… was then run, on block 2 only"), or nil when it names none or speaks of
// every block ("all", "each", "every", "both").
func (p *para) laterBlocks(j, hi int) []int {
	end := j
	for end < hi && p.w(end) != ";" && p.w(end) != "." && (p.w(end) != "," || end == j) && !p.has(end, cStain) && end < j+parenMax {
		end++
	}
	for k := j; k+1 < end; k++ {
		switch p.w(k) {
		case "all", "each", "every", "both":
			return nil
		}
		if k > j && (p.w(k-1) == "on" || p.w(k-1) == "of" || p.w(k-1) == "to") && p.has(k, cBlockNoun) && (p.toks[k+1].kind == kNum || p.toks[k+1].n > 0) {
			return p.blockList(k, end)
		}
	}
	return nil
}

// clauseEnd is the first ",", ";" or "." from token k, or hi.
func (p *para) clauseEnd(k, hi int) int {
	for k < hi && p.w(k) != ";" && p.w(k) != "." && p.w(k) != "," {
		k++
	}
	return k
}

// reasonEnd is where a stain's reason from token k ends: at the clause's
// end, or before "and" that opens what the sections showed ("… to assess
// melanocyte density and showed no residual melanoma in situ").
func (p *para) reasonEnd(k, hi int) int {
	for ; k < hi && p.w(k) != ";" && p.w(k) != "." && p.w(k) != ","; k++ {
		if p.w(k) == "and" && k+1 < hi {
			switch p.w(k + 1) {
			case "showed", "revealed", "demonstrated", "disclosed", "was", "were":
				return k
			}
		}
	}
	return k
}

// purposeVerbs say what a stain was for: "to highlight", "to assess".
var purposeVerbs = []string{"highlight", "evaluate", "assess", "distinguish", "confirm", "identify", "detect", "exclude", "separate", "visualize", "visualise"}

// purposeAfter is the token of "to" that opens a stain's purpose a few
// words after it in the same clause ("…, the MART-1 being used to
// highlight …"), or 0.
func (p *para) purposeAfter(from, hi int) int {
	for k := from; k+1 < hi && k < from+8; k++ {
		if w := p.w(k); w == ";" || w == "." {
			return 0
		}
		if p.w(k) == "to" && slices.Contains(purposeVerbs, p.w(k+1)) {
			return k
		}
	}
	return 0
}

// blockList reads "blocks 1-2", "block 2", "blocks 1, 3 and 4", "all blocks"
// in tokens [lo, hi); nil means all blocks (or none named).
func (p *para) blockList(lo, hi int) []int {
	var out []int
	sawNoun := false
	for k := lo; k < hi; k++ {
		w := p.w(k)
		if w == "all" || w == "each" || w == "every" {
			return nil
		}
		if p.has(k, cStageNoun) {
			break // "on both blocks of stage 2": the number after is the stage's
		}
		if p.has(k, cBlockNoun) {
			sawNoun = true
			continue
		}
		if !sawNoun {
			continue
		}
		n := p.intAt(k)
		if n == 0 && p.toks[k].kind == kWord {
			n = cardinal(p.w(k)) // "on block two"
		}
		if n == 0 {
			continue
		}
		if len(out) > 0 && k >= 2 && (p.w(k-1) == "-" || p.w(k-1) == "to" || p.w(k-1) == "through") {
			for v := out[len(out)-1] + 1; v <= n && v-out[len(out)-1] < 60; v++ {
				out = append(out, v)
			}
			continue
		}
		out = append(out, n)
	}
	return out
}

// clause reads the margin status and histology of tokens [lo, hi) of
// sentence s for the current stage (or Unstaged).
func (st *state) clause(p *para, s span, lo, hi int, bx, startsAtStage bool) {
	if hi <= lo {
		return
	}
	tg, _ := st.target(p, s, bx)
	if tg == nil {
		return
	}
	if status, ev := p.marginStatus(lo, hi, startsAtStage); status != MarginUnknown {
		if rank(status) > rank(tg.Margin) {
			tg.Margin, tg.MarginSpan = status, p.spanOf(ev, ev+1)
			if e := p.hitEnd(ev, hi); e > ev {
				tg.MarginSpan = p.spanOf(ev, e)
			}
		}
	}
	// Without a stage, histology is what the slides showed, not the
	// diagnosis: a reading, or the tumor's depth in the skin ("Superficial
	// basal cell carcinoma budding into the papillary dermis, no perineural
	// invasion").
	if tg.Histology.Value == "" && (tg.Number > 0 || s.any(cReadVerb) || s.any(cFinding) || s.any(cSeen) || p.anyWordIn(s, skinDepthWords)) {
		if v, a, b := p.histology(lo, hi, s); v != "" {
			tg.Histology = Text{Value: v, Span: p.spanOf(a, b)}
		}
	}
}

// hitEnd is the end of the longest concept hit starting at token i (within hi).
func (p *para) hitEnd(i, hi int) int {
	e := i + 1
	for _, h := range p.hitsFrom(i) {
		if int(h.lo) != i {
			break
		}
		if !h.cat.trigger() && int(h.hi) > e && int(h.hi) <= hi {
			e = int(h.hi)
		}
	}
	return e
}

// rank orders statuses: a positive statement outweighs an equivocal one,
// which outweighs clear.
func rank(m MarginStatus) int {
	switch m {
	case MarginPositive:
		return 3
	case MarginEquivocal:
		return 2
	case MarginClear:
		return 1
	}
	return 0
}

// marginStatus reads the margin status a clause states, and the token of its evidence.
//
//   - clear: "clear", "free of tumor", "negative", "no residual tumor";
//   - positive: "positive" or "involved" about a margin, block or stage;
//     a tumor word with a margin place ("BCC at the deep margin", "tumor
//     remained at 6 o'clock"); a negated clear word ("not yet clear");
//   - equivocal: "equivocal", "indeterminate", or a tumor or positive word
//     under uncertainty ("possible residual", "could not be excluded").
func (p *para) marginStatus(lo, hi int, startsAtStage bool) (MarginStatus, int) {
	hasLoc, about, blockRef, negLoc, eqv := false, startsAtStage, false, false, false
	defect, tumor := false, false
	for k := lo; k < hi; k++ {
		defect = defect || p.has(k, cDefect)
		tumor = tumor || p.has(k, cTumor) || p.has(k, cDiagnosis) || p.has(k, cBlockNoun)
		if e := p.takenFrom(k, lo, hi); e > k {
			k = e - 1
			continue
		}
		if p.has(k, cTiming) || len(p.quiet) > 0 && p.quiet[k] {
			continue // a stain's reason ("to highlight single tumor cells at the margins") places no tumor
		}
		if p.has(k, cMarginLoc) && !p.negated(k) && !p.afterUnit(k) && !p.awayFrom(k) || p.clockAt(k, hi) {
			hasLoc, about = true, true
		}
		if p.has(k, cMarginLoc) && (p.negated(k) || p.awayFrom(k)) {
			negLoc = true
		}
		if p.has(k, cEquivocal) {
			eqv = true // "block 2 was equivocal for residual SCC at the deep margin"
		}
		if p.has(k, cBlockNoun) || p.w(k) == "all" || p.w(k) == "both" {
			about = true
		}
		// "block 2", "piece B": tumor in a named margin block is a positive margin
		if p.namedBlock(k, hi) {
			blockRef = true
		}
	}
	if defect && !tumor {
		return MarginUnknown, -1 // "The final defect measured 1.4 x 1.1 cm, extending to the lid edge."
	}
	if p.anyIn(lo, hi, cDebulk) {
		blockRef = false // the debulk specimen is no margin
	}
	// "BCC was present in the reticular dermis, no perineural invasion, and
	// all five blocks were clear at the peripheral and deep margins": the
	// margins are said clear in a segment of their own, and the segment that
	// describes the tumor names no margin or block. Then the tumor is the
	// histology, not a positive margin.
	tumorApart := (hasLoc || blockRef) && p.clearSegmentApart(lo, hi)
	best, ev := MarginUnknown, -1
	set := func(m MarginStatus, k int) {
		if rank(m) > rank(best) {
			best, ev = m, k
		}
	}
	for k := lo; k < hi; k++ {
		if e := p.takenFrom(k, lo, hi); e > k {
			k = e - 1
			continue
		}
		if p.has(k, cTiming) || len(p.quiet) > 0 && p.quiet[k] {
			continue
		}
		starts := func(c cat) bool { return p.has(k, c) && (k == lo || !p.has(k-1, c) || p.hitAt(k, c) > 0) }
		switch {
		case starts(cEquivocal) && about:
			set(MarginEquivocal, k)
		case starts(cPositive) && about && !p.depthObject(k, hi) && !p.structureInvolvement(k) && !p.earlierPositive(k, hi):
			switch {
			case p.uncertain(k):
				set(MarginEquivocal, k)
			case p.negated(k):
				set(MarginClear, k)
			default:
				set(MarginPositive, k)
			}
		case starts(cClear):
			switch {
			case p.negated(k) || p.clearExcept(k, hi):
				set(MarginPositive, k)
			case p.uncertain(k):
				set(MarginEquivocal, k)
			default:
				set(MarginClear, k)
			}
		case starts(cTumor) && !p.has(k, cClear):
			switch {
			case p.tumorCleared(k, hi):
				// "the tumor was considered cleared": its clear word says so
			case p.namesLesion(k):
				// "The second stage of Tumor A, one block beneath block 1,
				// showed no residual carcinoma": a tumor's name, not tumor seen
			case (p.w(k) == "focus" || p.w(k) == "foci") && k+1 < hi && p.w(k+1) == "of":
				// "a focus of inflammation": what the focus is of says whether it is tumor
			case p.uncertain(k):
				set(MarginEquivocal, k)
			case p.negated(k):
				set(MarginClear, k)
			case tumorApart && !p.segmentHasPlace(k, lo, hi):
				// the tumor's own segment places it nowhere on a margin
			case eqv && (hasLoc || blockRef):
				set(MarginEquivocal, k)
			case hasLoc || blockRef:
				set(MarginPositive, k)
			case negLoc:
				set(MarginClear, k) // "tumor did not extend to the margin"
			}
		}
	}
	if best == MarginUnknown {
		if m, k := p.chipMargins(lo, hi); m != MarginUnknown {
			return m, k // "Left cheek stage 2 (1 block): A-"
		}
	}
	return best, ev
}

// namesLesion reports whether the tumor word at token k names a lesion by
// the label after it: "Tumor A", "tumor 2", "Tumour #1".
func (p *para) namesLesion(k int) bool {
	if k+1 >= len(p.toks) || p.toks[k+1].line != p.toks[k].line {
		return false
	}
	switch p.w(k) {
	case "tumor", "tumour", "lesion", "site":
	default:
		return false
	}
	next := p.orig[p.toks[k+1].lo:p.toks[k+1].hi]
	switch {
	case next == "#":
		return true
	case len(next) == 1 && next[0] >= 'A' && next[0] <= 'H':
		return true
	case len(next) <= 2 && strings.Trim(next, "0123456789") == "":
		if k+2 < len(p.toks) {
			switch p.w(k + 2) {
			case "mm", "cm", "millimeter", "millimeters", "millimetre", "millimetres", "o", "oclock", ".", "x":
				return false // "residual tumor 2 mm from the margin", "tumor 3 o'clock"
			}
		}
		return true
	}
	return false
}

// takenFrom is the end of a phrase at token k that says where a stage's
// tissue was taken, "from the deep margin under that focus" after "I took
// a third stage, a single block,", "from the area of blocks 5 and 6 of the
// second stage": a place, not what the stage showed. It ends at
// punctuation or a verb; k when no such phrase opens at k.
func (p *para) takenFrom(k, lo, hi int) int {
	if p.w(k) != "from" || !p.anyIn(max(lo, k-8), k, cStageNoun) && !p.anyIn(max(lo, k-8), k, cBlockNoun) {
		return k
	}
	e := k + 1
	for e < hi && e <= k+parenMax {
		if w := p.w(e); w == "," || w == ";" || w == "." || w == ":" || verb(w) || p.has(e, cFinding) || p.has(e, cClear) || p.has(e, cPositive) {
			break
		}
		e++
	}
	if !p.anyIn(k+1, min(e, k+5), cMarginLoc) && !p.anyIn(k+1, e, cBlockNoun) {
		return k // "from the area of blocks 5 and 6 of the second stage" places it too
	}
	return e
}

// earlierPositive reports whether the positive word at token k tells
// where a stage was taken, at what an earlier stage left, not what this
// one showed: after "had been" ("taken at the deep margin where block 2
// had been positive") or naming a place ("beneath the remaining focus",
// "re-excision of the deep positive area").
func (p *para) earlierPositive(k, hi int) bool {
	if k >= 2 && p.w(k-1) == "been" && p.w(k-2) == "had" {
		return true
	}
	d := k - 1
	if d > 0 && p.has(d, cMarginLoc) {
		d-- // "the deep positive area"
	}
	if d < 0 || p.w(d) != "the" && p.w(d) != "that" && p.w(d) != "this" {
		return false
	}
	j := p.hitEnd(k, hi)
	return j < hi && slices.Contains([]string{"area", "focus", "foci", "spot", "zone", "region", "portion"}, p.w(j))
}

// structureInvolvement reports whether token k is "involvement" of a
// structure the adjective before it names ("follicular involvement",
// "adnexal involvement"): the tumor's extent, not a margin.
func (p *para) structureInvolvement(k int) bool {
	if k < 1 || p.w(k) != "involvement" {
		return false
	}
	switch p.w(k - 1) {
	case "follicular", "perifollicular", "adnexal", "perineural", "dermal", "nerve", "neural":
		return true
	}
	return false
}

// depthWords name a tissue depth a tumor involves, not a margin.
var depthWords = []string{"dermis", "subcutis", "subcutaneous", "fat", "epidermis", "muscle", "cartilage", "perichondrium",
	"periosteum", "papillary", "reticular", "mid", "superficial", "nerve", "nerves", "adnexa", "follicles", "thickness"}

// depthObject reports whether the positive word at token k has a tissue
// depth for its object ("involving the reticular dermis"): histology, not a
// margin.
func (p *para) depthObject(k, hi int) bool {
	j := p.hitEnd(k, hi)
	for n := 0; j < hi && n < 3; j, n = j+1, n+1 {
		if p.has(j, cMarginLoc) || p.toks[j].kind != kWord {
			return false // "involving the deep margin"
		}
		if slices.Contains(depthWords, p.w(j)) {
			return true
		}
	}
	return false
}

// awayFrom reports whether the margin words around token k follow "away
// from" ("well away from the margins", "distant from the deep margin"): a
// place the tumor is not.
func (p *para) awayFrom(k int) bool {
	for k > 0 && p.has(k-1, cMarginLoc) {
		k--
	}
	j := k - 1
	if j >= 0 && (p.w(j) == "the" || p.w(j) == "all" || p.w(j) == "any") {
		j--
	}
	if j < 1 || p.w(j) != "from" {
		return false
	}
	switch p.w(j - 1) {
	case "away", "distant", "remote", "far":
		return true
	}
	return false
}

// tumorCleared reports whether the tumor word at token k is the subject of
// a clear word: "the tumor was considered cleared", "tumor is now clear".
func (p *para) tumorCleared(k, hi int) bool {
	j := p.hitEnd(k, hi)
	// "nodular basal cell carcinoma in the mid dermis without perineural
	// invasion was clear at all margins": over the words that place the
	// tumor in the tissue, to its verb
	for n := 0; j < hi && n < 12 && p.w(j) != "was" && p.w(j) != "were"; j, n = j+1, n+1 {
		if w := p.w(j); w == "," || w == ";" || w == "." || verb(w) || p.has(j, cMarginLoc) || p.has(j, cPositive) || p.has(j, cClear) || p.has(j, cTumor) {
			j = p.hitEnd(k, hi)
			break
		}
	}
	for n := 0; j < hi && n < 5; j, n = j+1, n+1 {
		switch p.w(j) {
		case "was", "is", "were", "are", "has", "have", "been", "be", "to", "now", "considered", "deemed", "felt",
			"judged", "completely", "fully", "entirely":
			continue
		}
		break
	}
	return j < hi && j > p.hitEnd(k, hi) && p.has(j, cClear) && !p.negated(j)
}

// clearExcept reports whether the clear word at token k is taken back by an
// exception that places tumor on a margin, up to hi or a semicolon: "clear
// except for a small focus at 3 o'clock in block 2".
func (p *para) clearExcept(k, hi int) bool {
	j := p.hitEnd(k, hi)
	if j >= hi || p.w(j) != "except" {
		return false
	}
	place, tumor := false, false
	for j++; j < hi && p.w(j) != ";"; j++ {
		if p.has(j, cMarginLoc) && !p.negated(j) || p.clockAt(j, hi) || p.has(j, cBlockNoun) && j+1 < hi && p.countAt(j+1) > 0 {
			place = true
		}
		if p.has(j, cTumor) && !p.negated(j) || p.w(j) == "focus" || p.w(j) == "foci" {
			tumor = true
		}
	}
	return place && tumor
}

// segment is the part of clause [lo, hi) around token k between commas or
// a colon ("I read the frozen sections: nodular BCC in the dermis, …"), or
// before a "with" that says the margins ("nodular BCC in the superficial
// dermis with all margins free of tumor").
func (p *para) segment(k, lo, hi int) (int, int) {
	a, b := k, k+1
	for a > lo && p.w(a-1) != "," && p.w(a-1) != ":" && !p.withMargins(a-1, hi) && !p.andMargins(a-1, hi) {
		a--
	}
	for b < hi && p.w(b) != "," && p.w(b) != ":" && !p.withMargins(b, hi) && !p.andMargins(b, hi) {
		b++
	}
	return a, b
}

// andMargins reports whether token k is an "and" (or "but", "while",
// "whereas") that opens a clause of its own about the margins or blocks:
// "BCC was confined to the central dermis and all margins were clear", "and
// both blocks were negative", "and clear margins in both blocks", "nodular
// BCC was present in the central dermis but all three blocks were free of
// tumor".
func (p *para) andMargins(k, hi int) bool {
	switch p.w(k) {
	case "and", "but", "while", "whereas":
	default:
		return false
	}
	if k+1 >= hi {
		return false
	}
	j := k + 1
	if w := p.w(j); w == "all" || w == "both" || w == "the" {
		j++
	}
	if j < hi && p.countAt(j) > 0 {
		j++ // "all three blocks"
	}
	if j < hi && (p.w(j) == "other" || p.w(j) == "remaining") {
		j++
	}
	if j+1 < hi && p.has(j, cClear) && p.has(j+1, cMarginLoc) {
		return true // "… with no perineural invasion and clear margins in both blocks"
	}
	return j+1 < hi && (p.has(j, cMarginLoc) || p.has(j, cBlockNoun)) && verb(p.w(j+1))
}

// withMargins reports whether token k is a "with" that opens what the
// margins showed: "with all margins free of tumor", "with both margins
// clear", "with clear margins", "with margins negative", "with all
// peripheral and deep margins of the three blocks free of tumor".
func (p *para) withMargins(k, hi int) bool {
	if p.w(k) != "with" || k+1 >= hi {
		return false
	}
	j := k + 1
	if w := p.w(j); w == "all" || w == "both" || w == "the" {
		j++
	}
	for n := 0; n < 3 && j+1 < hi && marginSide[p.w(j)]; n++ {
		j++ // "peripheral and deep"
	}
	return j < hi && (p.has(j, cMarginLoc) || p.has(j, cClear) && j+1 < hi && p.has(j+1, cMarginLoc))
}

// marginSide are the words that say which margins: "all peripheral and
// deep margins".
var marginSide = map[string]bool{"peripheral": true, "deep": true, "lateral": true, "radial": true, "epidermal": true, "and": true, "surgical": true}

// segmentHasPlace reports whether the segment around token k names a margin
// place or a named block ("BCC at the deep margin", "tumor in block 2").
func (p *para) segmentHasPlace(k, lo, hi int) bool {
	a, b := p.segment(k, lo, hi)
	for {
		for j := a; j < b; j++ {
			if p.has(j, cMarginLoc) && !p.negated(j) && !p.afterUnit(j) || p.clockAt(j, b) || p.namedBlock(j, b) {
				return true
			}
		}
		// "BCC was present in the mid dermis, at the superior margin of
		// block 1, with block 2 clear": a place after a comma that opens
		// with its preposition goes on telling where the tumor is
		if b+1 >= hi || p.w(b) != "," || !placeLead(p.w(b+1)) {
			return false
		}
		a, b = p.segment(b+1, lo, hi)
	}
}

// placeLead reports whether w opens a phrase that places what was said
// before it: "at the superior margin", "reaching the deep margin".
func placeLead(w string) bool {
	switch w {
	case "at", "reaching", "involving", "extending", "abutting":
		return true
	}
	return false
}

// namedBlock reports whether token k is a block named by its number or
// letter ("block 2", "piece B"): a place on the margin, where "two blocks"
// is only a count.
func (p *para) namedBlock(k, hi int) bool {
	return p.has(k, cBlockNoun) && k+1 < hi && (p.countAt(k+1) > 0 && p.w(k+1) != "single" ||
		p.toks[k+1].kind == kWord && p.toks[k+1].upper && p.toks[k+1].hi-p.toks[k+1].lo == 1)
}

// clearSegmentApart reports whether clause [lo, hi) holds a segment that
// says the margins or blocks clear (a clear word, not negated, with a margin
// place or a block in its segment) and that names no tumor.
func (p *para) clearSegmentApart(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !p.has(k, cClear) || p.negated(k) || p.uncertain(k) {
			continue
		}
		a, b := p.segment(k, lo, hi)
		place, tumor := false, false
		for j := a; j < b; j++ {
			if p.has(j, cMarginLoc) || p.has(j, cBlockNoun) {
				place = true
			}
			if p.has(j, cTumor) && !p.has(j, cClear) && !p.negated(j) || p.has(j, cPositive) && !p.negated(j) || p.has(j, cEquivocal) {
				tumor = true
			}
		}
		if place && !tumor {
			return true
		}
	}
	return false
}

// clockAt reports whether a clock position stands at token k: "at 3:00".
func (p *para) clockAt(k, hi int) bool {
	return k+2 < hi && p.w(k) == "at" && p.toks[k+1].kind == kNum && p.w(k+2) == ":" &&
		k+3 < hi && (p.w(k+3) == "00" || p.w(k+3) == "30")
}

// afterUnit reports whether token k follows a size ("a 2 mm margin" is the
// margin taken, not a place on it) or an adjective of one ("2 mm clinical margin").
func (p *para) afterUnit(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if p.unitAt(j, k) {
			return true
		}
		switch p.w(j) {
		case "clinical", "surgical", "narrow", "peripheral", "normal":
			continue
		}
		break
	}
	return false
}

// histology reads a histology statement in tokens [lo, hi) of sentence s:
// "Histology: …", or a clause naming a tumor that is neither negated nor
// uncertain. It returns the text and its token range.
func (p *para) histology(lo, hi int, s span) (string, int, int) {
	for k := lo; k+1 < hi; k++ {
		if p.w(k) == "histology" && p.w(k+1) == ":" {
			if k+2 < s.hi {
				return p.text(k+2, trimEnd(p, k+2, s.hi)), k + 2, trimEnd(p, k+2, s.hi)
			}
		}
	}
	for k := lo; k < hi; k++ {
		if !p.has(k, cTumor) && !p.has(k, cDiagnosis) && !p.has(k, cHistologyWord) || len(p.quiet) > 0 && p.quiet[k] {
			continue
		}
		switch p.w(k) {
		case "tumor", "tumour", "tumors", "tumours", "residual", "focus", "foci": // no description of the tumor
			if p.w(k) == "residual" || p.w(k) == "focus" || p.w(k) == "foci" || !p.anyWordIn(span{lo: k, hi: hi}, skinDepthWords) {
				continue // but "the tumor occupied the superficial and mid dermis without perineural invasion" describes it
			}
		}
		if p.negated(k) || p.uncertain(k) || p.has(k, cClear) {
			continue
		}
		e := trimEnd(p, lo, hi)
		return p.text(lo, e), lo, e
	}
	return "", 0, 0
}

// trimEnd drops a closing period or semicolon from [lo, hi).
func trimEnd(p *para, lo, hi int) int {
	for hi > lo && (p.w(hi-1) == "." || p.w(hi-1) == ";" || p.w(hi-1) == ",") {
		hi--
	}
	return hi
}

// readStageCount reads "a total of two stages", "Mohs x 2 stages", "cleared
// after three stages", "one stage", "stages: 2".
func (st *state) readStageCount(p *para, s span) {
	if !s.any(cStageNoun) {
		return
	}
	for i := s.lo; i < s.hi; i++ {
		w := p.w(i)
		if w == "stages" && i+2 < s.hi && p.w(i+1) == ":" {
			if n := p.intAt(i + 2); n > 0 {
				st.f.StageCount = append(st.f.StageCount, Count{N: n, Span: p.spanOf(i, i+3)})
				continue
			}
		}
		n := p.countAt(i)
		if n == 0 || p.w(i) == "single" {
			continue
		}
		if i > s.lo && (p.has(i-1, cStageNoun) || p.w(i-1) == "-") {
			continue // "stage 2", "stage 1-2"
		}
		j := i + 1
		for j < s.hi && p.stageFiller(j) {
			j++
		}
		if j >= s.hi {
			continue
		}
		noun := p.w(j)
		// "a total of 2 layers", "2 Mohs layers", "two Mohs passes"
		layers := (noun == "layers" || noun == "levels" || noun == "passes") && (j > i+1 && p.w(j-1) == "mohs" || p.totalBefore(i, s))
		if noun == "stages" || noun == "stage" && n == 1 || layers {
			if p.negated(i) || p.uncertain(i) || p.ctx[i]&fHyp != 0 {
				continue
			}
			st.f.StageCount = append(st.f.StageCount, Count{N: n, Span: p.spanOf(i, j+1)})
			st.listedBlocks(p, s, j+1, n)
		}
	}
}

// inStageList reports whether the count at token lo ends a list of counts
// that follows a plural stage noun: "three stages comprising 4, 2 and 1
// blocks" (not "Stage 2, one block").
func (p *para) inStageList(lo int, s span) bool {
	k, listed := lo-1, 0
	for k > s.lo && (p.w(k) == "," || p.w(k) == "and" || p.w(k) == "+" || p.intAt(k) > 0) {
		if p.intAt(k) > 0 {
			listed++
		}
		k--
	}
	if listed == 0 {
		return false
	}
	if (p.w(k) == "comprising" || p.w(k) == "of" || p.w(k) == "with" || p.w(k) == "(" || p.w(k) == ":") && k > s.lo {
		k--
	}
	switch p.w(k) {
	case "stages", "layers", "levels", "passes", "rounds":
		return true
	}
	return false
}

// countsEachStage reports whether sentence s counts blocks twice or more
// ("both stages (two blocks, then one block)", "after 2 stages (4 blocks +
// 1 block)"): each stage's blocks, in turn, and none of them the lesion's
// total.
func (p *para) countsEachStage(s span) bool {
	counts := 0
	for k := s.lo + 1; k < s.hi; k++ {
		if p.has(k, cBlockNoun) && (p.toks[k-1].n > 0 || p.w(k-1) == "one" || p.w(k-1) == "a" || p.w(k-1) == "single") {
			counts++
		}
	}
	return counts >= 2
}

// listedBlocks reads the blocks of each of n stages listed in turn after
// the stage count, at token k: "three stages comprising 4, 2 and 1
// blocks", "three stages (2, 1 and 1 blocks)". Each count goes to the stage
// of its place, which the list states when the prose has not told it yet,
// when the list counts as many stages as the count; a stage that already
// has another count is ambiguous (setBlocks).
func (st *state) listedBlocks(p *para, s span, k, n int) {
	if k < s.hi && (p.w(k) == "comprising" || p.w(k) == "of" || p.w(k) == "with" || p.w(k) == "(") {
		k++ // "three stages (2, 1 and 1 blocks)"
	}
	var counts []int
	var spans []Span
	for k < s.hi && len(counts) <= n {
		c := p.intAt(k)
		if c == 0 {
			break
		}
		counts, spans = append(counts, c), append(spans, p.spanOf(k, k+1))
		k++
		if k < s.hi && (p.w(k) == "," || p.w(k) == "and") {
			k++
			if k < s.hi && p.w(k) == "and" {
				k++ // "4, 2, and 1"
			}
		}
	}
	if len(counts) != n || n < 2 || k >= s.hi || !p.has(k, cBlockNoun) {
		return
	}
	if slices.ContainsFunc(st.f.Stages, func(x Stage) bool { return x.Number > n }) {
		return // the list counts fewer stages than the prose describes
	}
	for m, c := range counts {
		idx := slices.IndexFunc(st.f.Stages, func(x Stage) bool { return x.Number == m+1 })
		if idx < 0 {
			// "Site B required three stages (2, 1 and 1 blocks), …" before the
			// stages are told: the list states each stage and its blocks
			st.stageByNumber(m+1, spans[m])
			idx = st.cur
		}
		st.setBlocks(&st.f.Stages[idx], idx, c, spans[m])
	}
}

// debulkWords name the debulk, which is no stage (a pseudo-trigger may hide
// them from the concept hits: "tumor was debulked").
var debulkWords = []string{"debulk", "debulked", "debulking"}

// skinDepthWords name the layers a frozen section shows a tumor in, which a
// diagnosis statement does not: "into the papillary dermis", "no
// perineural invasion".
var skinDepthWords = []string{"dermis", "subcutis", "perineural"}
