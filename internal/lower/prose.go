package lower

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/mohscode/mohscode/internal/prose"
)

// noteScope is the scope of prose that stands before the first lesion of
// a labelled note: it speaks of every lesion.
const noteScope = -1

// prose keeps a paragraph for the prose reader, under the lesion it
// stands in. In a note without lesion labels, a paragraph that goes on
// from one tumor to the next ("The first tumor, a … of the left cheek, …
// was left to heal by second intention. The second tumor, a … of the right
// forearm, …") is read as one paragraph a lesion, cut where a sentence
// opens the next lesion: two tumors are never read as one.
func (l *lowerer) prose(par []grammar.Value) {
	lines := make([]prose.Line, len(par))
	for i, v := range par {
		lines[i] = prose.Line{Text: v.Text, Line: v.Pos.Line, Col: v.Pos.Column}
		if at := l.lineAt(v.Pos.Line); i > 0 && at != nil && at.Item != nil && at.Item.Marker != nil && at.Item.Text != nil && at.Item.Text.Pos == v.Pos {
			lines[i].Item = true // "(b) shave bx L chest, scaly papule - SCC vs ISK" under "(a) …"
		}
	}
	if l.paragraphs == nil {
		l.paragraphs, l.history = map[int][][]prose.Line{}, map[int][][]prose.Line{}
	}
	if l.headed || len(lines) == 0 {
		if n := proseLesionNumber(lines[0].Text); l.headed && n > 1 && n == len(l.out.Lesions)+1 && l.lesionLine(strconv.Itoa(n)) == 0 &&
			!slices.Contains(lesionNouns, asciiLower(firstWord(lines[0].Text))) {
			l.proseLesion(lines[0]) // "FIRST SITE: …" then "Attention was then turned to the second site: …" (a label the grammar did not take, "Lesion 0002", opens nothing)
		}
		l.proseScope(lines)
		return
	}
	for i, part := range l.lesionParts(lines) {
		first := part[0]
		if i > 0 { // a part that a sentence opens: its words may run on to the next line ("The second / tumor, a …")
			first.Text = sentenceText(part)
		}
		l.proseLesion(first)
		l.proseScope(part)
	}
}

// lesionParts cuts a paragraph of an unlabelled note before each sentence
// after its first that opens a lesion as proseLesion would open it: "The
// first tumor, …" while the note has one lesion and no prose before it
// has been handed to every lesion, then "The second tumor, …", "The third
// tumor, …" in turn. A paragraph that opens none is one part.
func (l *lowerer) lesionParts(lines []prose.Line) [][]prose.Line {
	var cuts []prose.Line // where each later part begins (line and column)
	count, first := len(l.out.Lesions), len(l.paragraphs[noteScope]) == 0
	for k, sen := range prose.Sentences([][]prose.Line{lines}) {
		if len(sen) == 0 {
			continue
		}
		n := 0
		if !l.siteSentences {
			// opened by their stage sentences, an intro's "The first tumor
			// was …. The second was …" opens no tumor
			n = proseLesionNumber(sentenceText(sen))
		}
		if sp, ok := l.siteParas[siteAt{line: sen[0].Line, col: sen[0].Col}]; n == 0 && ok {
			n = sp.n // "The cheek was addressed first. The first stage …"
		}
		switch {
		case n == 1 && count == 1 && first:
			first = false
		case n > 1 && n == count+1 && n <= MaxLesions:
			count, first = n, false
		case n >= 1 && n <= count && count > 1 && l.siteSentences:
			// "The temple slides came back about twenty minutes later." after
			// the shoulder's stage: back to a lesion opened before
		default:
			continue
		}
		if k > 0 {
			cuts = append(cuts, sen[0])
		}
	}
	parts := make([][]prose.Line, 0, len(cuts)+1)
	var cur []prose.Line
	for _, ln := range lines {
		for len(cuts) > 0 && cuts[0].Line == ln.Line && cuts[0].Col >= ln.Col && cuts[0].Col-ln.Col <= len(ln.Text) {
			at := cuts[0].Col - ln.Col
			if head := strings.TrimRight(ln.Text[:at], " \t"); head != "" {
				cur = append(cur, prose.Line{Text: head, Line: ln.Line, Col: ln.Col})
			}
			if len(cur) > 0 {
				parts = append(parts, cur)
			}
			cur = nil
			ln = prose.Line{Text: ln.Text[at:], Line: ln.Line, Col: cuts[0].Col}
			cuts = cuts[1:]
		}
		cur = append(cur, ln)
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts
}

// lesionClauses hands each lesion the part of a line that names it, in a
// note with lesion labels, when the line names two lesions or more ("After
// tumor clearance at both sites, tumor 1 was repaired with a complex
// layered closure …, and tumor 2 with an intermediate layered closure …"):
// the words before the first name go with every part. It returns the
// lines that name fewer than two.
func (l *lowerer) lesionClauses(lines []prose.Line) []prose.Line {
	if len(l.out.Lesions) < 2 {
		return lines
	}
	// a dictation whose lesions its paragraphs open ("The first lesion, on
	// the left temple, …") has its lines split only where one names two
	// lesions; a line naming one stays in its paragraph
	labelled := l.headed || l.siteParas != nil
	if !l.headed && slices.ContainsFunc(lines, func(ln prose.Line) bool { return mentions(ln.Text, repairWords) }) {
		l.proseSiteHeadings() // "the forehead defect …; the earlobe defect …" names the lesions by the sites their prose gave them
	}
	lines = l.joinedSentences(lines)
	keep := lines[:0:0]
	spread := slices.ContainsFunc(lines, l.distributes) // "The first stages at the cheek and the forearm were four and two blocks." then "Tumor A showed …": cut by sentences in stageParts
	doubted := doubtingLines(lines)                     // "… does not say whether it was the" / "second stage at the nasal sidewall or the first stage at the left cheek."
	follow := -1                                        // the lesion a line opened with its number, which the lines after it speak of until they name another
	for _, ln := range lines {
		if lead, rest, ok := strings.Cut(ln.Text, ": "); ok {
			if parts := l.labelParts(rest); parts != nil {
				// "Repairs, each after tumor clearance: A intermediate layered
				// repair 1.8 cm; B …; C simple repair 3.5 cm.": each part its
				// lesion's, the lead before it
				for _, p := range parts {
					l.paragraphs[p.lesion] = append(l.paragraphs[p.lesion], []prose.Line{{Text: lead + ":", Line: ln.Line, Col: ln.Col},
						{Text: p.text, Line: ln.Line, Col: ln.Col + len(lead) + 2 + p.at}})
					if !l.scoped(p.lesion) {
						l.scopes = append(l.scopes, p.lesion)
					}
				}
				continue
			}
		}
		if doubted[ln.Line] {
			keep = append(keep, ln) // a sentence that cannot tell whose stage it tells is cut by sentences in stageParts
			continue
		}
		refs := l.lesionMentions([]prose.Line{ln})
		slices.SortFunc(refs, func(a, b lesionRef) int { return a.at.Col - b.at.Col })
		if follow >= 0 && !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion != follow }) {
			par := l.paragraphs[follow]
			par[len(par)-1] = append(par[len(par)-1], ln) // "The first stage was divided into two blocks." after "The first lesion, on …"
			continue
		}
		follow = -1
		if labelled && !spread && len(refs) == 1 && refs[0].lesion >= 0 && l.lesion >= 0 && refs[0].lesion != l.lesion && opensWithNumbered(ln, refs[0]) {
			// "After tumor clearance, tumor one was closed with …" below
			// tumor two: the sentence is tumor one's
			if isCorrection(l.block.Value, []prose.Line{ln}) {
				l.correction(refs[0].lesion, []prose.Line{ln}) // "ADDENDUM (…): Lesion 1, stage 2 was processed as 6 blocks, not 2."
				continue
			}
			l.paragraphs[refs[0].lesion] = append(l.paragraphs[refs[0].lesion], []prose.Line{ln})
			if !l.scoped(refs[0].lesion) {
				l.scopes = append(l.scopes, refs[0].lesion)
			}
			follow = refs[0].lesion
			continue
		}
		first := slices.IndexFunc(refs, func(r lesionRef) bool { return r.lesion >= 0 })
		if first < 0 && len(refs) > 0 && severalRepairs(ln.Text) && !slices.ContainsFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Site.Text.Present() }) {
			// "After tumor clearance at all three sites, the defects were
			// repaired as follows: the left forehead defect was closed with a
			// complex repair …, the right upper back defect with …": repairs of
			// several lesions that no lesion's words yet tell apart belong to
			// no one lesion (given to the last one, they made wrong lines)
			l.report(ProseAmbiguous.At("", ln.Line, ln.Col, "the repairs of several lesions in one sentence cannot be told apart: no repair line from it"))
			continue
		}
		if first < 0 || len(refs)-first < 2 || slices.ContainsFunc(refs[first:], func(r lesionRef) bool { return r.lesion < 0 }) || spread {
			// "at both sites" may open the line, not stand between its
			// lesions; "The first stages at the temple and the forearm were
			// three and two blocks, respectively." is cut by its sentences
			keep = append(keep, ln)
			continue
		}
		every := l.everyMention([]prose.Line{ln})
		aside := slices.ContainsFunc(every, func(r lesionRef) bool { return whileSite(ln.Text, r.at.Col-ln.Col) })
		refs = partRefs(slices.DeleteFunc(every, func(r lesionRef) bool { return comparedSite(ln, r) || whileSite(ln.Text, r.at.Col-ln.Col) }), refs[first].at.Col)
		if len(refs) < 2 {
			keep = append(keep, ln) // "The shoulder sections … were ready before the temple: …": the temple is no part of its own
			continue
		}
		starts := make([]int, len(refs))
		for k, r := range refs {
			starts[k] = nounPhraseStart(ln.Text, r.at.Col-ln.Col)
		}
		for k := range refs {
			end := len(ln.Text)
			if k+1 < len(refs) {
				end = starts[k+1]
			}
			if m := stageOfBefore.FindStringIndex(ln.Text[:starts[k]]); m != nil && (k == 0 || m[0] > starts[k-1]) && mentions(ln.Text[starts[k]:end], []string{"block", "section"}) {
				// "I took the first stage of the left temple, three blocks, and
				// after that the first stage of the left preauricular tumor, two
				// blocks": each stage with its site and its count (not "whether
				// this was the second stage at the left temple or …")
				starts[k] = m[0]
			}
		}
		lead, leadEnd := strings.TrimSpace(ln.Text[:starts[0]]), 0
		if aside {
			lead = "" // "While the vertex was processing, the first stage of the left lateral neck …, and then …": the clause of the lesion waited on is no part's
		}
		after := sitesAfter(ln.Text, starts)
		if !after && mentions(lead, repairWords) && strings.Contains(lead, " cm") {
			// "After tumor clearance, the forehead defect was closed with …,
			// 2.2 cm; the earlobe defect …" when the forehead names no
			// lesion: the lead is a repair of its own, no one lesion's, and
			// handed to every part it made every lesion's
			l.report(ProseAmbiguous.At("", ln.Line, ln.Col, "a repair in this sentence names no lesion the note opened: no repair line from it"))
			continue
		}
		if after {
			// "…: an intermediate repair of 2.5 cm on the forehead and an
			// intermediate repair of 3.0 cm on the nose": each site ends
			// its part; the words before the first repair go with every part
			lead, leadEnd = "", 0
			if i := strings.IndexByte(ln.Text[:starts[0]], ':'); i >= 0 {
				leadEnd = i + 1
			} else if i := strings.IndexByte(ln.Text[:starts[0]], ','); i >= 0 && len(strings.Fields(ln.Text[:i])) <= 5 {
				leadEnd = i + 1 // "After tumor clearance, an intermediate repair of …"
			}
			lead = strings.TrimSpace(ln.Text[:leadEnd])
			for k, r := range refs {
				starts[k] = r.at.EndCol - ln.Col
			}
		}
		if !after && conjoinedNames(ln.Text, starts) {
			// "At the lip and the nose the second stage was one block in
			// all.": the names share one predicate, which no cut gives to
			// one of them
			keep = append(keep, ln)
			continue
		}
		if singleStage(lead) {
			// "Stage 2 was therefore taken at the right helical rim while I
			// closed the forehead": one stage, of one of the lesions, which
			// the lead would hand to every part
			keep = append(keep, ln)
			continue
		}
		for k, r := range refs {
			from, to := starts[k], len(ln.Text)
			if k+1 < len(refs) {
				to = starts[k+1]
			}
			if after {
				from, to = 0, starts[k]
				if k > 0 {
					from = starts[k-1]
				}
				if k+1 == len(refs) {
					to = len(ln.Text)
				}
				if k == 0 {
					from = leadEnd
				}
			}
			var part []prose.Line
			if lead != "" {
				part = append(part, prose.Line{Text: lead, Line: ln.Line, Col: ln.Col})
			}
			part = append(part, prose.Line{Text: ln.Text[from:to], Line: ln.Line, Col: ln.Col + from})
			l.paragraphs[r.lesion] = append(l.paragraphs[r.lesion], part)
			if !l.scoped(r.lesion) {
				l.scopes = append(l.scopes, r.lesion)
			}
		}
	}
	return keep
}

// joinedSentences joins the lines of a sentence that repairs two lesions
// or more and runs over several lines ("After tumor clearance, the cheek was
// closed with a complex repair measuring 3.0 cm, the temple with an" /
// "intermediate layered repair …, and the wrist with …"), as a word
// processor's wrap broke it, into one line on the first line's position:
// a line cut at a wrap would hand a clause's words to the lesion named on
// the line before. Other lines stay as they are.
func (l *lowerer) joinedSentences(lines []prose.Line) []prose.Line {
	if len(lines) < 2 {
		return lines
	}
	sentences := prose.Sentences([][]prose.Line{lines})
	joined := func(sen []prose.Line) bool {
		return len(sen) > 1 && sen[len(sen)-1].Line != sen[0].Line && mentions(sentenceText(sen), repairWords) && len(l.lesionMentions(sen)) > 1
	}
	if !slices.ContainsFunc(sentences, joined) {
		return lines
	}
	var out []prose.Line
	for _, sen := range sentences {
		if !joined(sen) {
			out = append(out, sen...)
			continue
		}
		out = append(out, prose.Line{Text: sentenceText(sen), Line: sen[0].Line, Col: sen[0].Col, Item: sen[0].Item})
	}
	return out
}

// doubtingLines are the lines of a sentence running over several lines
// that says the note cannot tell whose stage a stage was (doubtsWhose):
// cut at a line, its "the second stage at the nasal sidewall" would be
// read as that lesion's stage.
func doubtingLines(lines []prose.Line) map[int]bool {
	if len(lines) < 2 {
		return nil
	}
	var out map[int]bool
	for _, sen := range prose.Sentences([][]prose.Line{lines}) {
		if len(sen) < 2 || !doubtsWhose(sen) {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for _, ln := range sen {
			out[ln.Line] = true
		}
	}
	return out
}

// partRefs are the mentions of lesions from column from on, in order, that
// cut a line into its lesions' parts: one a run of mentions of the same
// lesion, a lesion named again after another a part of its own.
func partRefs(mentions []lesionRef, from int) []lesionRef {
	slices.SortFunc(mentions, func(a, b lesionRef) int { return a.at.Col - b.at.Col })
	var out []lesionRef
	for _, r := range mentions {
		if r.lesion < 0 || r.at.Col < from || len(out) > 0 && out[len(out)-1].lesion == r.lesion {
			continue
		}
		out = append(out, r)
	}
	return out
}

// comparedSite reports whether a lesion's mention stands after a word that
// only sets the sentence beside it in time ("ready before the temple",
// "read after the nose"): what follows is not told of that lesion.
func comparedSite(ln prose.Line, r lesionRef) bool {
	at := r.at.Col - ln.Col
	if at <= 0 || at > len(ln.Text) {
		return false
	}
	words := strings.Fields(asciiLower(ln.Text[:at]))
	for len(words) > 0 && (words[len(words)-1] == "the" || words[len(words)-1] == "left" || words[len(words)-1] == "right") {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	switch words[len(words)-1] {
	case "before", "than", "until":
		return true
	}
	return false
}

// whileSite reports whether the mention of a lesion at byte at of text
// opens a clause of "while" that names no stage ("While the helix was being
// processed, the first stage of the right upper back was excised"): the
// sentence is told of another lesion, beside this one in time; not "(done
// while site A stage 2 was processing, …)", whose clause names the stage it
// waited on, nor a clause no comma ends, whose end cannot be told.
func whileSite(text string, at int) bool {
	if at <= 0 || at > len(text) {
		return false
	}
	words := strings.Fields(asciiLower(text[:at]))
	for len(words) > 0 && (words[len(words)-1] == "the" || words[len(words)-1] == "left" || words[len(words)-1] == "right") {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || words[len(words)-1] != "while" {
		return false
	}
	clause, _, closed := strings.Cut(text[at:], ",")
	return closed && !strings.ContainsAny(clause, ";)") && !namesStageNoun(clause)
}

// namedRefs are the lesions a sentence names (lesionRefs), or the one it
// tells of when it names the others only to set it beside them in time
// (comparedSite, whileSite).
func (l *lowerer) namedRefs(sen []prose.Line) []lesionRef {
	refs := l.lesionRefs(sen)
	if len(refs) < 2 {
		return refs
	}
	text := sentenceText(sen)
	told := slices.DeleteFunc(slices.Clone(refs), func(r lesionRef) bool {
		k := slices.IndexFunc(sen, func(ln prose.Line) bool { return ln.Line == r.at.Line && ln.Col <= r.at.Col })
		if k < 0 {
			return false
		}
		at := r.at.Col - sen[k].Col
		for _, ln := range sen[:k] {
			at += len(ln.Text) + 1 // sentenceText's space between lines
		}
		return comparedSite(sen[k], r) || whileSite(text, at)
	})
	if len(told) != 1 {
		return refs
	}
	return told
}

// singleStage reports whether words name one stage ("Stage 2 was taken
// at", "a second stage was taken at"), not the stages of every site ("first
// stages were taken at").
func singleStage(words string) bool {
	for _, w := range sentenceWords(words) {
		if w.text == "stage" || w.text == "layer" {
			return true
		}
	}
	return false
}

// othersRepairs leaves out of the paragraph being read for a lesion of a
// note of several the sentences that tell a sized repair and name other
// lesions only ("After tumor clearance, the left cheek was closed with a
// complex repair, 3.2 cm long." read for the right forearm): whatever the
// reader could not route, a repair is never given to a lesion its sentence
// does not name. So too the sentences that tell a stage of "one of them":
// of some lesion, never this one by default. Each such sentence is said
// (prose-ambiguous).
func (l *lowerer) othersRepairs(lines []prose.Line) []prose.Line {
	if len(l.out.Lesions) < 2 || l.lesion < 0 || len(lines) == 0 || !slices.ContainsFunc(lines, func(ln prose.Line) bool {
		return strings.Contains(ln.Text, " cm") || mentions(ln.Text, someLesionWords)
	}) {
		return lines // the cheap tests first: a repair line has its size, a stage of some lesion says so
	}
	return l.withoutSentences(lines, func(_ int, sen, _ []prose.Line) string {
		text := asciiLower(sentenceText(sen))
		if mentions(text, someLesionWords) && tellsStage(sen) {
			// "Both sites are clear now; one of them cleared on a single pass
			// of two sections.": a stage of one lesion the note does not name
			return "a stage here is of one of several lesions the sentence does not name: it is given to none"
		}
		if mentions(text, repairWords) && strings.Contains(text, " cm") && !mentions(text, []string{"stage", "layer"}) {
			refs := l.repairRefs(sen)
			if len(refs) > 0 && !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 || r.lesion == l.lesion }) {
				if k := refs[0].lesion; !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion != k }) && l.lesionSentenceAfterLog(sen) {
					l.paragraphs[k] = append(l.paragraphs[k], sen) // "After tumor clearance, the right nasal dorsum defect … was repaired with …" below the log: the one lesion it names
					if !l.scoped(k) {
						l.scopes = append(l.scopes, k)
					}
					return routed
				}
				return "a repair here names another lesion than the one being read: it is not given to this one, and no repair line comes from it"
			}
		}
		return ""
	})
}

// routed is what othersRepairs says of a sentence it gave the lesion it
// names: no finding.
const routed = "\x00routed"

// lesionSentenceAfterLog reports whether a sentence stands below the table
// whose rows opened every lesion of the note: a closing paragraph whose
// sentences name their lesions by site, one each (under a lesion's own
// label, a sentence repairing another is no one's).
func (l *lowerer) lesionSentenceAfterLog(sen []prose.Line) bool {
	return len(sen) > 0 && !slices.ContainsFunc(l.out.Lesions, func(les model.Lesion) bool {
		at := l.lineAt(les.Line)
		return at == nil || at.Row == nil || les.Line >= sen[0].Line
	})
}

// withoutSentences is lines less the sentences for which why gives a
// reason (given each sentence's index, the sentence and the one before
// it), each left out said at its start (prose-ambiguous) with that reason.
func (l *lowerer) withoutSentences(lines []prose.Line, why func(k int, sen, before []prose.Line) string) []prose.Line {
	sentences := prose.Sentences([][]prose.Line{lines})
	var kept []prose.Line
	dropped := false
	for k, sen := range sentences {
		var before []prose.Line
		if k > 0 {
			before = sentences[k-1]
		}
		if reason := why(k, sen, before); reason != "" {
			if reason != routed {
				l.report(ProseAmbiguous.At("", sen[0].Line, sen[0].Col, "%s", reason))
			}
			dropped = true
			continue
		}
		kept = append(kept, sen...)
	}
	if !dropped {
		return lines
	}
	return kept
}

// someLesionWords name one lesion of several without saying which: "one of
// them cleared on a single pass".
var someLesionWords = []string{"one of them", "one of the sites", "one of the tumor", "one of the lesions", "one of the two", "either site", "either tumor", "either lesion"}

// repairRefs are the lesions a repair sentence names (see lesionRefs),
// less the word for every site in a lead clause that only times the repair
// ("After tumor clearance at each site, the right nasal dorsum was repaired
// with …": the nasal dorsum's repair).
func (l *lowerer) repairRefs(sen []prose.Line) []lesionRef {
	refs := l.lesionMentions(sen)
	if len(refs) > 1 && refs[0].lesion < 0 && len(sen) > 0 {
		ln := sen[0]
		lead, _, ok := strings.Cut(ln.Text, ", ")
		if at := refs[0].at.Col - ln.Col; ok && refs[0].at.Line == ln.Line && at >= 0 && at < len(lead) && mentions(asciiLower(lead), []string{"clearance", "cleared", "clear margins"}) &&
			!slices.ContainsFunc(refs[1:], func(r lesionRef) bool { return r.lesion < 0 }) {
			return refs[1:]
		}
	}
	return l.lesionRefs(sen)
}

// jointRepairs leaves out of a paragraph of a note of several lesions a
// sentence that tells one repair with its size for several lesions at
// once, named by a word for all of them, right after a sentence that names
// those lesions, none of them the lesion being read ("The clavicle and upper
// chest defects lay close together on the left. After tumor clearance at
// both, I … joined the two defects and closed them as one complex repair,
// 7.4 cm long." read after a third tumor's stages): given to the lesion
// being read it made a line of that lesion's group. The sentence is said
// (prose-ambiguous).
func (l *lowerer) jointRepairs(lines []prose.Line) []prose.Line {
	if len(l.out.Lesions) < 2 || l.lesion < 0 || len(lines) < 1 || !slices.ContainsFunc(lines, func(ln prose.Line) bool { return strings.Contains(ln.Text, " cm") }) {
		return lines // the cheap tests first: a joined repair has its size
	}
	return l.withoutSentences(lines, func(k int, sen, before []prose.Line) string {
		if k > 0 && l.jointRepair(sen, before) {
			return "a repair here is of several lesions at once, none of them the one being read: whose it is cannot be told, no repair line from it"
		}
		return ""
	})
}

// jointRepair reports whether sentence sen tells one sized repair of
// several lesions that the sentence before names, none of them the lesion
// being read, naming no lesion itself but those (see jointRepairs).
func (l *lowerer) jointRepair(sen, before []prose.Line) bool {
	text := asciiLower(sentenceText(sen))
	if !mentions(text, repairWords) || !strings.Contains(text, " cm") || mentions(text, []string{"each", "every", "respectively"}) ||
		!mentions(text, []string{" both", "two defects", "the defects", "joined", "them"}) {
		return false
	}
	var pair []int // the lesions the sentence before names
	for _, r := range l.lesionRefs(before) {
		if r.lesion < 0 {
			return false
		}
		pair = append(pair, r.lesion)
	}
	if m := lettersPair.FindStringSubmatch(sentenceText(before)); m != nil {
		// "Tumors A and B left two defects separated by only a few millimeters"
		for _, letter := range m[2:] {
			pair = append(pair, int(asciiLower(letter)[0]-'a'))
		}
	}
	if slices.Contains(pair, l.lesion) || len(slices.Compact(slices.Sorted(slices.Values(pair)))) < 2 {
		return false
	}
	for _, r := range l.lesionRefs(sen) {
		if r.lesion >= 0 && !slices.Contains(pair, r.lesion) {
			return false // "… closed them …, 4.8 cm along the nasolabial fold": a site of the pair may stand in it
		}
	}
	return true
}

// lettersPair names two lettered tumors at once: "Tumors A and B".
var lettersPair = regexp.MustCompile(`\b([Tt]umou?rs|[Ll]esions|[Ss]ites) ([A-E]) and ([A-E])\b`)

// severalRepairs reports whether a line names two repairs or more, each
// with its size ("a complex repair measuring 3.0 cm, … an intermediate
// layered repair measuring 4.5 cm"), and not one repair of several defects
// ("closed as one wound with a single intermediate layered repair").
func severalRepairs(text string) bool {
	heads, sizes := 0, 0
	for _, w := range sentenceWords(text) {
		switch w.text {
		case "repair", "closure", "flap", "graft":
			heads++
		case "cm", "mm":
			sizes++
		case "single", "together", "combined", "one":
			return false
		}
	}
	return heads >= 2 && sizes >= 2
}

// sitesAfter reports whether every lesion a line names stands after a
// preposition ("on the forehead", "of the nose"), so that each names the
// part before it, not the part after it.
func sitesAfter(text string, starts []int) bool {
	for _, at := range starts {
		head := strings.Fields(asciiLower(text[:at]))
		if len(head) == 0 || !slices.Contains([]string{"on", "of", "at", "to", "for"}, head[len(head)-1]) {
			return false
		}
		if len(head) > 1 && head[len(head)-2] == "clearance" {
			return false // "After tumor clearance at the cheek, the final defect …. After tumor clearance at the back, …": the site opens what follows
		}
	}
	return true
}

// opensWithNumbered reports whether line ln opens with the lesion it names
// by its number or letter, after at most a short lead that a comma ends
// (or, in a line of a repair, a preposition): "Tumor one was …", "After
// tumor clearance, tumor one was closed …", "After tumor clearance at site
// B (…) I closed it …".
func opensWithNumbered(ln prose.Line, r lesionRef) bool {
	at := r.at.Col - ln.Col
	if at < 0 || at > len(ln.Text) {
		return false
	}
	lead := strings.TrimSpace(ln.Text[:at])
	if strings.EqualFold(lead, "the") || strings.HasPrefix(asciiLower(lead), "addendum") && strings.HasSuffix(lead, ":") {
		lead = "" // "The first lesion, on the left dorsal hand, …", "ADDENDUM (05/20/2026): Site 1, stage 2 …"
	}
	if words := strings.Fields(asciiLower(lead)); lead != "" && (!strings.HasSuffix(lead, ",") || len(words) > 4) &&
		!(len(words) <= 5 && slices.Contains([]string{"at", "for", "on", "of"}, words[len(words)-1]) && mentions(asciiLower(ln.Text), repairWords)) {
		return false // not "Stage 2 was taken …, and tumor two …"; "After tumor clearance at site B (…) I closed it …" opens with site B
	}
	words := sentenceWords(ln.Text[at:])
	return len(words) > 1 && (lesionNumber(words, 0) > 0 || at == 0 && hashNumber(words[0].text) > 0)
}

// hashNumber is the lesion number a word "#2" names, or 0.
func hashNumber(w string) int {
	if !strings.HasPrefix(w, "#") {
		return 0
	}
	if n, err := strconv.Atoi(w[1:]); err == nil && n > 0 {
		return n
	}
	return 0
}

// nounPhraseStart is where the noun phrase that names a lesion at byte at
// of text begins, before the article and size in front of the name: "the
// 1.8 x 1.5 cm antihelical defect".
func nounPhraseStart(text string, at int) int {
	staged := false // gone back over "stage of": its ordinal goes with it
	for {
		head := strings.TrimRight(text[:at], " ")
		k := strings.LastIndexByte(head, ' ') + 1
		w := asciiLower(head[k:])
		switch {
		case w == "":
			return at
		case w == "the" || w == "a" || w == "an" || w == "x" || w == "×" || w == "by" || w == "cm" || w == "mm",
			strings.Trim(w, "0123456789.") == "":
			at = k
		case (w == "of" || w == "at" || w == "on") && stageBefore(strings.TrimRight(head[:k], " ")):
			// "while the second stage of the nasal ala was processed": the
			// stage is the site's, not the lesion's the clause before named
			at, staged = k, true
		case staged && isStageWord(w), isOrdinalWord(w):
			at = k // "the first forehead stage had six blocks": the ordinal is the site's stage's
		default:
			return at
		}
	}
}

// sideStart is where a noun phrase at byte at of text starts with the
// side and the article before it ("the left neck"), or at.
func sideStart(text string, at int) int {
	for _, w := range []string{"left", "right", "the"} {
		head := strings.TrimRight(text[:at], " ")
		if k := strings.LastIndexByte(head, ' ') + 1; strings.EqualFold(head[k:], w) {
			at = k
		}
	}
	return at
}

// lastWord is the last word of s.
// stageBefore reports whether text ends with a stage: "the second stage",
// "stage 1", "Stage II".
func stageBefore(text string) bool {
	w := lastWord(text)
	if isStageWord(w) {
		return true
	}
	if strings.Trim(w, "0123456789") != "" && strings.Trim(w, "ivx") != "" {
		return false
	}
	return isStageWord(lastWord(strings.TrimRight(text[:len(text)-len(w)], " ")))
}

func lastWord(s string) string {
	return asciiLower(s[strings.LastIndexByte(s, ' ')+1:])
}

// proseScope keeps a paragraph under the lesion being read: its history,
// its corrections or its prose.
func (l *lowerer) proseScope(lines []prose.Line) {
	if l.lesionCorrections(lines) {
		return
	}
	if lines = l.lesionClauses(l.jointRepairs(lines)); len(lines) == 0 {
		return
	}
	var parts []repairPart
	if l.partDepth <= len(l.out.Lesions) { // deeper, a part is read as it stands
		var ok bool
		if parts, ok = l.stageParts(lines); !ok {
			return // stages of several lesions that cannot be told apart: the lesions are ambiguous
		}
	}
	if parts != nil {
		saved := l.lesion
		l.partDepth++
		for _, part := range parts {
			l.lesion = part.lesion
			l.proseScope(part.lines)
		}
		l.partDepth--
		l.lesion = saved
		return
	}
	if parts := l.repairParts(lines); parts != nil {
		saved := l.lesion
		for _, part := range parts {
			if repairsHeading(l.block.Value) {
				if l.clearedRepairs == nil {
					l.clearedRepairs = map[int]model.Text{}
				}
				l.clearedRepairs[part.lesion] = l.block
			}
			l.lesion = part.lesion
			l.proseScope(part.lines)
		}
		l.lesion = saved
		return
	}
	if lines = l.othersRepairs(lines); len(lines) == 0 {
		return // what no routing above gave its lesion
	}
	scope := l.lesion

	l.stageGoesOn(lines)
	if l.headed && scope != noteScope && len(l.out.Lesions) > 1 && speaksOfEvery(lines) && !repairsSection(l.block.Value) {
		// "Both sites were confirmed … each stage was recorded on a Mohs
		// map of its site" after the listed lesions: of every lesion, when
		// it names no stage and no repair
		if f := prose.Read([][]prose.Line{lines}); len(f.Stages) == 0 && len(f.StageCount) == 0 && len(f.Repairs) == 0 {
			scope = noteScope
		}
	}
	if scope != noteScope && indicationKey(lines) && !isHistoryKey(l.block.Value) && !l.inHistory {
		// "Reason for Mohs: morpheaform histology …. Clinical size 1.2 x 1.0
		// cm. First stage divided into four blocks; …" run on in one value:
		// the sentences from the first that tells a stage on are today's
		sens := prose.Sentences([][]prose.Line{lines})
		if k := slices.IndexFunc(sens, tellsStage); k > 0 && !slices.ContainsFunc(sens[k:], func(sen []prose.Line) bool {
			return len(innerKeys(sentenceText(sen), false)) > 0 // "Stage 1: 2 blocks, …" read as its field
		}) {
			l.history[scope] = append(l.history[scope], slices.Concat(sens[:k]...))
			l.paragraphs[scope] = append(l.paragraphs[scope], slices.Concat(sens[k:]...))
			if !l.scoped(scope) {
				l.scopes = append(l.scopes, scope)
			}
			return
		}
	}
	switch {
	case isHistoryKey(l.block.Value) || l.inHistory || scope != noteScope && indicationKey(lines):
		// read for what it tells of the tumor, never for stages: an
		// indication's "previously treated with Mohs surgery that required
		// three stages" is no stage of today's
		l.history[scope] = append(l.history[scope], lines)
	case isCorrection(l.block.Value, lines):
		if refs := l.lesionMentions(lines); len(l.out.Lesions) > 1 && len(refs) == 1 && refs[0].lesion >= 0 {
			scope = refs[0].lesion // "ADDENDUM: the stage 2 entry of site 1 should read 2 blocks": the lesion it names is the one it corrects
		}
		l.correction(scope, lines)
	default:
		l.paragraphs[scope] = append(l.paragraphs[scope], lines)
	}
	if scope != noteScope && !l.scoped(scope) {
		l.scopes = append(l.scopes, scope)
	}
}

// stageParts cuts a paragraph of a note of several lesions whose stage
// sentences name other lesions than the one being read by their sites or
// labels — a dictation told step by step ("First stages at all three
// sites. Right lower eyelid stage 1 was 2 blocks, …. Left upper lip stage
// 1 was 3 blocks, …") or with its tumors interleaved — into each lesion's
// sentences; a sentence that names no lesion goes with the one before it,
// and one that names every lesion but no stage is dropped as a heading.
// nil when the paragraph names no other lesion's stage. false when a
// sentence tells a stage of no one lesion (of several, or before any is
// named): the lesions it might be of are made ambiguous (no Mohs line),
// never given another's stage (CODING-RULES §1).
func (l *lowerer) stageParts(lines []prose.Line) ([]repairPart, bool) {
	if len(l.out.Lesions) < 2 || l.lesion < 0 || !namesStageNoun(sentenceText(lines)) || l.sitesRepeat() {
		return nil, true
	}
	sentences := prose.Sentences([][]prose.Line{lines})
	other := false
	for _, sen := range sentences {
		if namesStage(sen) && slices.ContainsFunc(l.namedRefs(sen), func(r lesionRef) bool { return r.lesion >= 0 && r.lesion != l.lesion }) ||
			namesStageNoun(sentenceText(sen)) && l.distributed(sen) != nil { // "I took the first stage at all three sites …: the cheek as three blocks, the back as …"
			other = true
			break
		}
	}
	ownLabel := len(lines) > 0 && l.cur().Line == lines[0].Line // "TUMOR #3. Two centimeters below the second tumor, … was a …": the label's own paragraph
	if !other && !ownLabel && len(sentences) > 1 && len(sentences[0]) > 0 {
		// "The nose one came first. It measured …. Its first stage was
		// divided into four blocks: …" below a list of the lesions, read
		// while the last listed is open: the paragraph its first sentence
		// names is that lesion's
		refs := l.lesionRefs(sentences[0])
		other = len(refs) == 1 && refs[0].lesion >= 0 && refs[0].lesion != l.lesion && slices.ContainsFunc(sentences[1:], tellsStage)
	}
	if !other {
		return nil, true
	}
	var parts []repairPart
	spread := map[int]int{} // the part of each lesion a sentence of several lesions' stages gave it
	cur := -1
	anon := -1 // the part's lines before the last sentence that told a stage and named no lesion, -1 when the last sentence was no such sentence
	for _, sen := range sentences {
		refs := l.namedRefs(sen)
		if len(refs) == 1 && refs[0].lesion < 0 {
			if head := withoutAllClear(sen); head != nil {
				if r := l.lesionRefs(head); len(r) == 1 && r[0].lesion >= 0 {
					sen, refs = head, r // "At 09:50 the second cheek stage was clear, and both sites were then tumor free.": the cheek's
				}
			}
		}
		staged := tellsStage(sen)
		if len(refs) > 1 && anon >= 0 && doubtsWhose(sen) {
			// "Another stage taken, 1 block." then "… I could not tell whether
			// this was the second stage at the left temple or the first stage
			// at the left superior helix": that stage is no lesion's
			last := &parts[len(parts)-1]
			last.lines = last.lines[:anon]
			if len(last.lines) == 0 {
				parts = parts[:len(parts)-1]
			}
			l.report(ProseAmbiguous.At("", sen[0].Line, sen[0].Col, "the note does not say whose stage the stage before this sentence was: it is no lesion's"))
			anon = -1
			continue
		}
		anonNow := -1
		if len(refs) == 0 && staged && cur >= 0 {
			anonNow = 0
			if n := len(parts); n > 0 && parts[n-1].lesion == cur {
				anonNow = len(parts[n-1].lines)
			}
		}
		anon = anonNow
		if len(refs) > 1 || len(refs) == 1 && refs[0].lesion < 0 {
			if split := l.distributed(sen); split != nil {
				for _, p := range split {
					spread[p.lesion] = len(parts)
					parts = append(parts, p)
				}
				cur, anon = -1, -1 // what follows unnamed is no one lesion's
				continue
			}
		}
		if k, ok := spread[lesionOf(refs)]; ok && !namesStageNoun(sentenceText(sen)) {
			// "Tumor A showed infiltrative basal cell carcinoma …, with tumor
			// at the deep margin of block four" after the first stages of
			// both: the reading of that lesion's first stage
			parts[k].lines = append(parts[k].lines, sen...)
			cur = -1
			continue
		}
		switch {
		case len(refs) == 1 && refs[0].lesion >= 0:
			cur = refs[0].lesion
		case len(refs) == 1 && refs[0].lesion < 0 && !staged && mapOrReaderOnly(sen):
			// "Each stage at both sites was drawn on its own Mohs map and
			// inked to match it.": every lesion's map
			for i := range l.out.Lesions {
				parts = append(parts, repairPart{lesion: i, lines: sen})
			}
			continue
		case len(refs) > 0 && !staged:
			continue // "First stages at all three sites.", "I read all frozen sections for the three sites."
		case len(refs) > 1 && countsOnly(sen):
			continue // "The lip took two stages and the nose one.": a summary of stages told apart, none of its own
		case len(refs) > 1 && l.clausesOfOne(sen) != nil:
			// "the right cheek took two stages, the first of two blocks …, and
			// the left neck took one stage of two blocks": each clause its
			// lesion's
			for _, c := range l.clausesOfOne(sen) {
				parts = append(parts, repairPart{lesion: l.lesionRefs(c)[0].lesion, lines: c})
			}
			cur, anon = -1, -1
			continue
		case len(refs) > 0 || cur < 0 && staged:
			l.stagesOfSeveral(sentences, sen)
			return nil, false
		case cur < 0:
			continue
		}
		if n := len(parts); n > 0 && parts[n-1].lesion == cur {
			parts[n-1].lines = append(parts[n-1].lines, sen...)
		} else {
			parts = append(parts, repairPart{lesion: cur, lines: slices.Clone(sen)})
		}
	}
	return parts, true
}

// mapOrReaderOnly reports whether a sentence documents the map or who read
// the slides and nothing a line is coded from: no stage, count, repair or
// biopsy.
func mapOrReaderOnly(sen []prose.Line) bool {
	f := prose.Read([][]prose.Line{sen})
	return (len(f.Map) > 0 || len(f.Reader) > 0) && len(f.Stages) == 0 && len(f.StageCount) == 0 && len(f.BlockTotal) == 0 &&
		len(f.Repairs) == 0 && len(f.Biopsies) == 0 && len(f.SameDayBiopsy) == 0 && len(f.Uncounted) == 0 && len(f.EveryStage) == 0
}

// allClearTail is a sentence's closing clause saying that every site is
// now clear: "…, and both sites were then tumor free.", "; all three
// tumors are clear".
var allClearTail = regexp.MustCompile(`(?i)[,;]\s+(?:and\s+)?(?:both|all(?:\s+(?:two|three|four|\d))?)\s+(?:sites|tumou?rs|lesions|wounds)(?:\s+(?:were|are))?(?:\s+(?:then|now))?(?:\s+all)?\s+(?:clear|tumou?r[- ]free|free of tumou?r|cleared)\s*\.?$`)

// withoutAllClear is a sentence without its closing clause of every site
// clear (allClearTail), which sums up the stages told one by one and tells
// no lesion's own; nil when it has no such clause.
func withoutAllClear(sen []prose.Line) []prose.Line {
	last := sen[len(sen)-1]
	at := allClearTail.FindStringIndex(last.Text)
	if at == nil || at[0] == 0 {
		return nil
	}
	head := slices.Clone(sen)
	head[len(head)-1].Text = last.Text[:at[0]] + "."
	return head
}

// clausesOfOne cuts a sentence that tells the stages of several lesions,
// each lesion named at the start of its own clause, into those clauses
// (lesionClausesOf); nil unless every clause names exactly one lesion of
// the note and tells a stage.
func (l *lowerer) clausesOfOne(sen []prose.Line) [][]prose.Line {
	clauses := l.lesionClausesOf([][]prose.Line{sen}, true)
	if len(clauses) < 2 {
		return nil
	}
	for _, c := range clauses {
		if refs := l.lesionRefs(c); len(refs) != 1 || refs[0].lesion < 0 || !tellsStage(c) {
			return nil
		}
	}
	return clauses
}

// doubtsWhose reports whether a sentence says the note cannot tell which
// of the stages it names was taken: "I could not tell … whether this was
// the second stage at the left temple or the first stage at the left
// superior helix".
func doubtsWhose(sen []prose.Line) bool {
	text := asciiLower(sentenceText(sen))
	return namesStageNoun(text) &&
		mentions(text, []string{"whether", "could not tell", "cannot tell", "can't tell", "could not be told", "unclear which", "not clear which", "not known which"})
}

// tellsStage reports whether a sentence tells a stage's blocks, margins or
// histology, or how many stages there were: not a heading's "Third
// stage." or "First stages at all three sites."
func tellsStage(sen []prose.Line) bool {
	if !namesStageNoun(sentenceText(sen)) {
		return false
	}
	f := prose.Read([][]prose.Line{sen})
	return len(f.StageCount) > 0 || slices.ContainsFunc(f.Stages, func(st prose.Stage) bool {
		return st.Blocks > 0 || st.Margin != prose.MarginUnknown || st.Histology.Value != ""
	})
}

// sitesRepeat reports whether two lesions of the note are at one site
// ("Mohs micrographic surgery, left nasal ala" and "bilobed flap repair of
// the left nasal ala" from a numbered list of procedures): their sites
// cannot tell their sentences apart.
func (l *lowerer) sitesRepeat() bool {
	for i, a := range l.out.Lesions {
		for _, b := range l.out.Lesions[i+1:] {
			if sa, sb := siteWords(a), siteWords(b); sameSite(sa, sb) {
				return true
			}
		}
	}
	return false
}

// stagesOfSeveral makes ambiguous the lesions a paragraph's stage
// sentences name, and every lesion when the sentence whose stage cannot be
// told names none of them alone: the paragraph is not read, so a lesion
// left with part of its stages would be counted wrong.
func (l *lowerer) stagesOfSeveral(sentences [][]prose.Line, at []prose.Line) {
	named := map[int]bool{}
	for _, sen := range sentences {
		if tellsStage(sen) {
			for _, r := range l.lesionRefs(sen) {
				named[r.lesion] = true
			}
		}
	}
	for i := range l.out.Lesions {
		if les := &l.out.Lesions[i]; (named[i] || named[-1] || len(named) == 0) && !les.Ambiguous.Present() {
			les.Ambiguous = model.Text{Value: "stages of several lesions (line " + strconv.Itoa(at[0].Line) + ")", Line: at[0].Line}
			l.report(LesionAmbiguous.At(les.Label, at[0].Line, at[0].Col, "Lesion %s: a stage sentence here names no one lesion, so whose stages this paragraph tells cannot be told; no Mohs line for it", les.Label))
		}
	}
}

// repairPart is the sentences of a repairs paragraph that speak of one
// lesion.
type repairPart struct {
	lesion int
	lines  []prose.Line
}

// repairParts cuts a paragraph under a repairs heading of a labelled note
// ("REPAIRS (all performed after tumor clearance):") whose sentences name
// their lesions — "The forehead defect (lesion 1), 1.6 x 1.4 cm, was closed
// with …. The arm defect (lesion 2) …" — into each lesion's sentences; a
// sentence that names no lesion goes with the one before it. nil when the
// paragraph is no such paragraph, all of it is the current lesion's, or a
// sentence names several lesions (their repairs cannot be told apart).
func (l *lowerer) repairParts(lines []prose.Line) []repairPart {
	l.introSites()
	bySite := l.siteParas != nil && !l.headed && len(l.out.Lesions) > 1
	// a dictation whose sentences opened its lesions ("The first tumor is …
	// The second tumor is …"), then a paragraph of their repairs
	// ("RECONSTRUCTION: After tumor clearance, the left nasal ala defect …
	// After tumor clearance at the temple, …")
	byProse := !l.headed && l.siteParas == nil && len(l.out.Lesions) > 1 && mentions(lines[0].Text, repairWords)
	_, _, leadHeaded := leadHeading(lines[0]) // "Repairs, all performed after tumor clearance: the scalp defect …"
	// a labelled note's paragraph after its lesions that opens with a
	// sentence of every repair: "Repairs were performed after tumor
	// clearance at each site. Following clearance, the right cheek defect …"
	byEvery := l.headed && len(l.out.Lesions) > 1 && l.lesion >= 0 && everyRepairLead(lines[0].Text)
	if l.lesion < 0 || !((l.headed || l.proseLabelled) && (repairsSection(l.block.Value) || leadHeaded) || bySite || byProse || byEvery) {
		return nil
	}
	sentences := prose.Sentences([][]prose.Line{lines})
	if (bySite || byProse) && slices.ContainsFunc(sentences, namesStage) {
		return nil // a lesion's stages, which name no other lesion's
	}
	if byProse {
		l.proseSiteHeadings()
	}
	bySite = bySite || byProse || byEvery
	sentences = l.lesionClausesOf(sentences, false)
	parts := []repairPart{} // empty, not nil, when every sentence is dropped as ambiguous
	var every []prose.Line  // "After tumor clearance at both sites the wounds were repaired."
	cur, other := l.lesion, false
	for k, sen := range sentences {
		if len(sen) == 0 {
			continue
		}
		if k == 0 {
			if lead, rest, ok := leadHeading(sen[0]); ok {
				// "Repairs, after tumor clearance at both sites: The nasal tip
				// defect …": the heading speaks of every repair after it
				every = append(every, lead)
				sen = append([]prose.Line{rest}, sen[1:]...)
			}
		}
		switch refs := l.repairRefs(sen); {
		case bySite && len(parts) == 0 && (len(refs) == 0 || len(refs) == 1 && refs[0].lesion < 0):
			if len(prose.Read([][]prose.Line{sen}).Repairs) > 0 {
				return nil // a repair of no lesion named
			}
			every = append(every, sen...) // "Repairs were done after tumor clearance." before the first lesion's
			continue
		case len(refs) > 1 || len(refs) == 1 && refs[0].lesion < 0:
			return nil
		case len(refs) == 1 && repairBefore(sen, refs[0]):
			// "the chin defect was closed with …, 2.2 cm; the temple defect
			// with …, 2.8 cm" when the chin names no lesion: whose the other
			// repair is cannot be told
			l.report(ProseAmbiguous.At("", sen[0].Line, sen[0].Col, "a repair in this sentence names no lesion the note opened: no repair line from it"))
			other = true
			continue
		case len(refs) == 1:
			cur = refs[0].lesion
			other = other || cur != l.lesion
			if lead := leadClause(sen, refs[0]); bySite && len(parts) == 0 && lead.Text != "" {
				every = append(every, lead) // "After clearance, the eyelid defect …": the lead speaks of every repair after it
			}
		}
		if n := len(parts); n > 0 && parts[n-1].lesion == cur {
			parts[n-1].lines = append(parts[n-1].lines, sen...)
		} else {
			parts = append(parts, repairPart{lesion: cur, lines: slices.Clone(sen)})
		}
	}
	if !other {
		return nil
	}
	if l.repairSplits == nil {
		l.repairSplits = map[prose.Span]bool{}
	}
	for i := range parts {
		parts[i].lines = append(slices.Clip(every), parts[i].lines...)
		l.repairSplits[lastSpan(parts[i].lines)] = true
	}
	return parts
}

// everyRepairLead reports whether text opens with a sentence of every
// lesion's repair: "Repairs were performed after tumor clearance at each
// site.", "Both defects were repaired after clearance."
func everyRepairLead(text string) bool {
	first, _, _ := strings.Cut(text, ". ")
	return mentions(first, repairWords) && (ofEvery(first) || mentions(first, everyLesionWords))
}

// lastSpan is where the last of lines begins.
func lastSpan(lines []prose.Line) prose.Span {
	ln := lines[len(lines)-1]
	return prose.Span{Line: ln.Line, Col: ln.Col}
}

// repairBefore reports whether the words of a sentence before the one
// lesion it names hold a repair with its size of their own: "After tumor
// clearance, the chin defect was closed with …, 2.2 cm; the temple defect
// …" when the chin names no lesion.
func repairBefore(sen []prose.Line, r lesionRef) bool {
	ln := sen[0]
	if r.at.Line != ln.Line {
		return false
	}
	at := r.at.Col - ln.Col
	if at <= 0 || at > len(ln.Text) {
		return false
	}
	lead := ln.Text[:nounPhraseStart(ln.Text, at)]
	return mentions(lead, repairWords) && strings.Contains(lead, " cm")
}

// lesionClausesOf cuts each one-line sentence that names two lesions or
// more, each at the start of a clause of its own ("…, the chest defect was
// closed with …, 5.0 cm, and the shoulder defect was closed with …"), into
// those clauses; other sentences are kept whole.
func (l *lowerer) lesionClausesOf(sentences [][]prose.Line, sides bool) [][]prose.Line {
	var out [][]prose.Line
	for _, sen := range sentences {
		refs := l.lesionRefs(sen)
		if len(sen) != 1 || len(refs) < 2 || slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }) {
			out = append(out, sen)
			continue
		}
		ln := sen[0]
		cuts := make([]int, 0, len(refs))
		for _, r := range refs[1:] {
			at := r.at.Col - ln.Col
			if r.at.Line != ln.Line || at <= 0 || at > len(ln.Text) {
				break
			}
			start := nounPhraseStart(ln.Text, at)
			if sides {
				start = sideStart(ln.Text, start) // "…, and the left neck took one stage …"
			}
			head := strings.TrimRight(ln.Text[:start], " ")
			if !strings.HasSuffix(head, ", and") && !strings.HasSuffix(head, "; and") && !strings.HasSuffix(head, ";") {
				break // "the cheek and temple defects": no clause of its own
			}
			cuts = append(cuts, start)
		}
		if len(cuts) != len(refs)-1 {
			out = append(out, sen)
			continue
		}
		from := 0
		for _, c := range append(cuts, len(ln.Text)) {
			seg := strings.TrimLeft(ln.Text[from:c], " ")
			out = append(out, []prose.Line{{Text: strings.TrimRight(seg, " "), Line: ln.Line, Col: ln.Col + c - len(seg)}})
			from = c
		}
	}
	return out
}

// leadHeading cuts a line that opens with a short heading of repairs and a
// colon ("Repairs, after tumor clearance at both sites: The nasal tip
// defect …", "RECONSTRUCTION (after clear margins were confirmed at each
// site): Right temple - …") into the heading and the rest; a line that is a
// short sentence of that heading alone ("Reconstruction after tumor
// clearance.") is all heading, its rest empty.
func leadHeading(ln prose.Line) (lead, rest prose.Line, ok bool) {
	if !hasPrefixFold(ln.Text, "repair") && !hasPrefixFold(ln.Text, "reconstruction") && !hasPrefixFold(ln.Text, "closure") {
		return prose.Line{}, prose.Line{}, false
	}
	k := strings.Index(ln.Text, ": ")
	if k < 0 && strings.HasSuffix(ln.Text, ".") && !strings.Contains(ln.Text, " cm") && len(strings.Fields(ln.Text)) <= 6 {
		// "Reconstruction after tumor clearance." on a line of its own over
		// "Nasal tip: full-thickness skin graft, …" and the other sites'
		return ln, prose.Line{Line: ln.Line, Col: ln.Col + len(ln.Text)}, true
	}
	if k < 0 || len(strings.Fields(ln.Text[:k])) > 12 {
		return prose.Line{}, prose.Line{}, false
	}
	return prose.Line{Text: ln.Text[:k+1], Line: ln.Line, Col: ln.Col}, prose.Line{Text: ln.Text[k+2:], Line: ln.Line, Col: ln.Col + k + 2}, true
}

// leadClause is the words a sentence opens with before the lesion it
// names, when a comma ends them and they are a short clause of their own:
// "After clearance," of "After clearance, the eyelid defect …"; none else.
func leadClause(sen []prose.Line, r lesionRef) prose.Line {
	ln := sen[0]
	at := r.at.Col - ln.Col
	if r.at.Line != ln.Line || at < 0 || at > len(ln.Text) {
		return prose.Line{}
	}
	lead := strings.TrimSpace(ln.Text[:nounPhraseStart(ln.Text, at)])
	if !strings.HasSuffix(lead, ",") || len(strings.Fields(lead)) > 6 {
		return prose.Line{}
	}
	return prose.Line{Text: lead, Line: ln.Line, Col: ln.Col}
}

// repairsSection reports whether a heading heads the repairs of every
// lesion: "REPAIRS (all performed after tumor clearance):", "Closures",
// "Reconstruction".
func repairsSection(heading string) bool {
	if repairsHeading(heading) {
		return true // "After tumor clearance:", "Repairs, after tumor clearance at both sites:"
	}
	head, _, _ := strings.Cut(asciiLower(heading), "(")
	head = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(head), ":"))
	for _, lead := range []string{"repair of ", "repairs of ", "closure of ", "closures of "} {
		if strings.HasPrefix(head, lead) {
			return true // "REPAIR OF THE TWO DEFECTS"
		}
	}
	for _, lead := range []string{"repairs and ", "repair and ", "closures and ", "reconstruction and ", "repairs & ", "closure and "} {
		if strings.HasPrefix(head, lead) {
			return true // "Repairs and wound care", "Closure and dressing"
		}
	}
	if lead, rest, ok := strings.Cut(head, ", "); ok && !strings.ContainsAny(rest, "0123456789") && wordCount(rest, 7) < 7 &&
		slices.Contains([]string{"repairs", "closures", "reconstructions", "reconstruction"}, lead) {
		return true // "Repairs, one line per site", "Closures, by site"
	}
	if lead, rest, ok := strings.Cut(strings.TrimSuffix(head, "."), " "); ok && slices.Contains([]string{"repairs", "closures", "reconstructions"}, lead) &&
		slices.Contains([]string{"were performed as follows", "were done as follows", "follow", "are as follows", "as follows"}, rest) {
		return true // "Repairs were performed as follows." over each site's sentence
	}
	return slices.Contains([]string{"repairs", "closures", "reconstructions", "reconstruction", "repair", "closure",
		"defects and repairs", "repair log", "repairs log", "closure log", "reconstruction log", "wound closures", "wound closure", "wound repairs"}, head)
}

// stageGoesOn gives a stage field's stage what the sentences on the lines
// right after its value (one line, or the lines it wraps onto) say of that stage where the value did not
// ("Stage 1: four blocks, each stained with H&E and with CK7 …" / "Paget
// cells were present … at the peripheral margin of blocks 1 and 4; blocks
// 2 and 3 were clear"): its margins and its histology, read as that
// stage's prose. A paragraph after a blank line is not the stage's.
func (l *lowerer) stageGoesOn(lines []prose.Line) {
	if l.lesion < 0 || l.lesion >= len(l.out.Lesions) || len(lines) == 0 {
		return
	}
	les := &l.out.Lesions[l.lesion]
	if l.stage < 0 || l.stage >= len(les.Stages) {
		return
	}
	st := &les.Stages[l.stage]
	end := st.Line // the value's last line: "… and PRAME" wraps onto "(blocks 1-2) to separate …"
	if l.valueEnd > end {
		end = l.valueEnd
	}
	if st.Line == 0 || lines[0].Line != end+1 || st.Blocks.Line != st.Line || l.fromLog(st.Line) {
		return
	}
	facts := prose.ReadStage(st.Number, [][]prose.Line{lines})
	s, ok := thisStage(facts.Stages, st.Number)
	if !ok || s.Number != st.Number {
		return
	}
	s.Stains, s.Blocks = nil, 0 // what the field's value listed stays the stage's
	fillStage(st, s)
}

// correctionWords say that an addendum corrects what the note stated.
var correctionWords = []string{"correction", "corrected", "corrects", "correcting", "correct to", "should read", "amended", "in error", "erroneous", "error", "incorrect", "not correct", "withdrawn"}

// withdrawingWords say that an addendum takes back a count the note gave
// without giving another: "That number is not correct and is withdrawn.
// The correct count will be entered … in a further addendum."
var withdrawingWords = []string{"withdrawn", "withdraw", "retracted", "disregard", "not correct", "incorrect", "further addendum"}

// countNotCount is a count set right against the one the note gave: "2
// blocks, not 1".
var countNotCount = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (blocks?|sections?|stages?|layers?), not (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b`)

// isCorrection reports whether a paragraph is an addendum that corrects
// the note ("ADDENDUM (09/10/2026, Dr. …): Correction to the stage 2 entry
// above … stage 2 consisted of 6 blocks, not 2"): under an "Addendum"
// heading, or opening with the word.
func isCorrection(heading string, par []prose.Line) bool {
	if len(par) == 0 {
		return false
	}
	opened := hasPrefixFold(strings.TrimSpace(heading), "addendum")
	for i := 0; i < len(par) && !opened; i++ {
		opened = opensAddendum(i, par[i].Text)
	}
	if !opened {
		return false
	}
	for _, v := range par {
		if mentions(v.Text, correctionWords) || countNotCount.MatchString(v.Text) {
			return true
		}
	}
	return false
}

// correction keeps an addendum that corrects lesion scope; in a note of
// several lesions, one that names its lesion corrects that lesion's counts
// (applyCorrections).
func (l *lowerer) correction(scope int, lines []prose.Line) {
	if l.corrections == nil {
		l.corrections = map[int][][]prose.Line{}
	}
	l.corrections[scope] = append(l.corrections[scope], lines)
	if refs := l.lesionMentions(lines); len(l.out.Lesions) > 1 && len(refs) == 1 && refs[0].lesion == scope {
		if l.toldCorrections == nil {
			l.toldCorrections = map[int]bool{}
		}
		l.toldCorrections[scope] = true
	}
	if scope != noteScope && !l.scoped(scope) {
		l.scopes = append(l.scopes, scope)
	}
}

// lesionCorrections hands each lesion of a note of several the sentences
// of an addendum that name it ("Correction to the repair of lesion 1 …:
// … in fact required a complex repair …. The repair of lesion 2 was an
// intermediate layered repair as documented."): a sentence naming no
// lesion goes with the one before it, and one that confirms the note ("as
// documented", "Nothing else is changed") corrects nothing. It reports
// false, keeping nothing, when the addendum names fewer than two lesions
// or one sentence names two.
func (l *lowerer) lesionCorrections(lines []prose.Line) bool {
	if len(l.out.Lesions) < 2 || !isCorrection(l.block.Value, lines) || len(l.lesionMentions(lines)) < 2 {
		return false
	}
	parts := map[int][]prose.Line{}
	var order []int
	at := -1
	for _, sen := range prose.Sentences([][]prose.Line{lines}) {
		switch refs := l.lesionMentions(sen); {
		case len(refs) > 1 || len(refs) == 1 && refs[0].lesion < 0:
			return false
		case len(refs) == 1:
			at = refs[0].lesion
		}
		if at < 0 || confirmsNote(sen) {
			continue
		}
		if _, ok := parts[at]; !ok {
			order = append(order, at)
		}
		parts[at] = append(parts[at], sen...)
	}
	for _, k := range order {
		l.correction(k, parts[k])
	}
	return true
}

// confirmingWords say a sentence of an addendum confirms what the note
// states rather than correcting it; " as" is a word ("was dictated as
// six" confirms nothing).
var confirmingWords = []string{" as documented", " as dictated", " as written", " as recorded", "nothing else", "no other change", "unchanged", "stands"}

// confirmsNote reports whether a sentence of an addendum confirms what the
// note states ("The repair of lesion 2 was an intermediate layered repair
// as documented.").
func confirmsNote(sen []prose.Line) bool {
	text := sentenceText(sen)
	return mentions(" "+asciiLower(text), confirmingWords) && !countNotCount.MatchString(text) // "3 blocks, not 2 as dictated" corrects
}

// applyCorrections gives the stages of a note's one lesion the block
// counts and margins its addendum corrects, over its fields and its prose,
// and says so: the author's signed correction is the record. In a note of
// several lesions the note's counts stay and the disagreement is reported.
func (l *lowerer) applyCorrections(scope int) {
	if len(l.corrections[scope]) == 0 {
		return
	}
	les := &l.out.Lesions[scope]
	facts := prose.Read(l.corrections[scope])
	stages := facts.Stages
	l.correctSides(scope)
	l.correctReader(facts.Reader)
	if len(l.out.Lesions) > 1 && !l.toldCorrections[scope] {
		l.stageConflicts(les, stages) // which lesion's stage it corrects is not told: the note's count stays
		return
	}
	l.correctRepairs(les, scope, facts.Repairs)
	l.correctPostop(les, scope)
	l.correctPriorBiopsy(les, facts.PriorBiopsy)
	withdrawn := withdrawnStages(l.corrections[scope])
	for _, ps := range stages {
		st := stageOf(les, ps.Number)
		if st == nil && ps.Number == len(les.Stages)+1 && ps.Number > 1 && ps.Blocks > 0 && stageOf(les, ps.Number-1) != nil {
			// "A third stage of 1 block was taken … and was clear" in the
			// addendum that corrects the last stage's margin: a stage the
			// note left out, added by its signed correction
			les.Stages = append(les.Stages, model.Stage{Ordinal: strconv.Itoa(ps.Number), Number: ps.Number, Line: ps.Span.Line,
				Blocks: model.Count{N: ps.Blocks, Line: ps.BlocksSpan.Line}})
			st = &les.Stages[len(les.Stages)-1]
			fillStage(st, ps)
			l.conflict(les.Stages[len(les.Stages)-2].Line, ps.Span, "lesion "+les.Label+" has "+strconv.Itoa(ps.Number-1)+
				" stages in the note but stage "+st.Name()+" in the addendum that corrects it; the addendum's stage is used")
			continue
		}
		if st == nil {
			continue
		}
		if withdrawn[ps.Number] && (ps.Blocks == 0 || st.Blocks.N == ps.Blocks) && st.Blocks.Present() {
			// "The number of blocks in the first stage … was dictated as six.
			// That number is not correct and is withdrawn.": the note's count
			// is taken back and no other given, so the stage has none
			st.Blocks = model.Count{}
			l.conflict(st.Line, ps.Span, "the addendum withdraws the block count of stage "+st.Name()+" of lesion "+les.Label+" and gives none: no count is used")
			continue
		}
		if ps.Blocks > 0 && st.Blocks.N != ps.Blocks {
			was := st.Blocks.N
			st.Blocks = model.Count{N: ps.Blocks, Line: ps.BlocksSpan.Line}
			l.conflict(st.Line, ps.BlocksSpan, "stage "+st.Name()+" of lesion "+les.Label+" has "+strconv.Itoa(was)+
				" blocks in the note but "+strconv.Itoa(ps.Blocks)+" in the addendum that corrects it; the addendum's count is used")
		}
		if ps.Margin != prose.MarginUnknown {
			st.Margins = []model.Margin{{Positive: ps.Margin != prose.MarginClear, Line: ps.MarginSpan.Line}}
		}
	}
}

// withdrawnStages are the stages whose block count an addendum takes back:
// those a sentence that withdraws a count names ("That number is not
// correct and is withdrawn."), or the sentence before it ("The number of
// blocks in the first stage … was dictated as six."), by number. A
// sentence that confirms the note ("the second stage of two blocks, is
// unchanged") withdraws nothing.
func withdrawnStages(corrections [][]prose.Line) map[int]bool {
	out := map[int]bool{}
	for _, lines := range corrections {
		sens := prose.Sentences([][]prose.Line{lines})
		for i, sen := range sens {
			if confirmsNote(sen) || !mentions(asciiLower(sentenceText(sen)), withdrawingWords) {
				continue
			}
			told := sen
			if i > 0 && !confirmsNote(sens[i-1]) {
				told = slices.Concat(sens[i-1], sen)
			}
			if !mentions(asciiLower(sentenceText(told)), []string{"block", "section"}) {
				continue
			}
			for _, ps := range prose.Read([][]prose.Line{told}).Stages {
				out[ps.Number] = true
			}
		}
	}
	return out
}

// proseLesion opens the next lesion of a note without lesion labels at a
// paragraph that begins by naming it ("Lesion 2 was then anesthetized.",
// "The second lesion, a …"), so that a dictation of two lesions is never
// read as one. Only the next number opens a lesion; "the first lesion"
// hands what came before it to every lesion (noteScope).
func (l *lowerer) proseLesion(first prose.Line) {
	n := proseLesionNumber(first.Text)
	if n == 0 && l.siteParas == nil {
		n = ordinalOpening(first.Text)
	}
	at := siteAt{line: first.Line, col: first.Col}
	sp, bySite := l.siteParas[at]
	if !bySite {
		at = siteAt{line: first.Line}
		sp, bySite = l.siteParas[at]
	}
	bySite = bySite && !l.siteOpened[at] // a site paragraph opens its lesion once, at its first part
	if bySite {
		if l.siteOpened == nil {
			l.siteOpened = map[siteAt]bool{}
		}
		l.siteOpened[at] = true
	}
	if n == 0 && bySite {
		n = sp.n // "Left lower eyelid. The first stage …" then "Left malar cheek. One stage …"
	}
	if bySite && n >= 1 && n <= len(l.out.Lesions) && n-1 != l.lesion && l.lesionAtSite(sp.site) == n-1 {
		// "The first lesion is … of the right nasal tip. … The second lesion
		// is … of the left lateral cheek." then "Right nasal tip: The first
		// stage …": the paragraph is the lesion's its site names, and the
		// site tells that lesion's repair from the other's ("The nasal tip
		// defect … The cheek defect …")
		l.closeSections()
		l.block = model.Text{}
		l.lesion = n - 1
		if les := &l.out.Lesions[n-1]; !les.Site.Text.Present() && !les.HeadingText.Present() {
			les.HeadingText = model.Text{Value: sp.site, Line: first.Line}
		}
		return
	}
	switch {
	case n == 1 && len(l.out.Lesions) == 1 && (len(l.paragraphs[noteScope]) == 0 || bySite):
		// what came before the first lesion's paragraph speaks of every lesion
		// (a site paragraph opens the first lesion even after "The first
		// tumor is …, the second …")
		l.paragraphs[noteScope] = append(l.paragraphs[noteScope], l.paragraphs[0]...)
		delete(l.paragraphs, 0)
		l.shareIndications()
		l.scopes = slices.DeleteFunc(l.scopes, func(s int) bool { return s == 0 })
	case n >= 1 && n <= len(l.out.Lesions) && len(l.out.Lesions) > 1 && n-1 != l.lesion && !bySite && letteredTumor(first.Text):
		// "Tumor A cleared in its first stage …" after the intro opened tumors
		// A and B: the paragraph is A's again
		l.closeSections()
		l.block = model.Text{}
		l.lesion = n - 1
		return
	case n > 1 && n == len(l.out.Lesions)+1 && n <= MaxLesions:
		l.closeSections()
		l.block = model.Text{}
		l.nameByProse(len(l.out.Lesions) - 1)
		if prev := &l.out.Lesions[n-2]; siteWords(*prev) == "" {
			// the lesion before was opened inside a field's value ("Why Mohs:
			// the cheek lesion is on the face …") that no paragraph opened:
			// its site paragraph's site names it, so that "Back to the cheek
			// for stage 2" is its
			for _, p := range l.siteParas {
				if p.n == n-1 {
					prev.HeadingText = model.Text{Value: p.site, Line: first.Line}
				}
			}
		}
		l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: strconv.Itoa(n), Line: first.Line})
		l.lesion = len(l.out.Lesions) - 1
	default:
		return
	}
	if les := &l.out.Lesions[len(l.out.Lesions)-1]; !les.Site.Text.Present() {
		site := sp.site // the site the paragraph opens with, before any label's words ("At the chin, the first stage comprised three blocks: …")
		if !bySite {
			site = labelSite(first.Text)
		}
		if site != "" {
			les.Site.Text = model.Text{Value: site, Line: first.Line}
		}
	}
}

// nameByProse gives lesion k, when nothing has named its site yet, the one
// site its last paragraph so far names ("We began at the right nasal ala. Stage 1 at
// the nasal ala …" before "… we moved to the left posterior shoulder"), so
// that a later sentence naming that site ("Returning to the right nasal
// ala: … Stage 2 at the nasal ala …") is told as its, not the last
// lesion's. Two sites named, or none, name nothing.
func (l *lowerer) nameByProse(k int) {
	les := &l.out.Lesions[k]
	if siteWords(*les) != "" || len(l.paragraphs[k]) == 0 {
		return
	}
	pars := l.paragraphs[k]
	last := pars[len(pars)-1] // the paragraph it was told in, not an intro of every tumor
	sens := prose.Sentences([][]prose.Line{last})
	if len(sens) == 0 || len(last) == 0 {
		return // a paragraph of no words ("!", "000")
	}
	first := strings.TrimRight(sentenceText(sens[0]), ".;: ")
	if site := sequenceSite(afterSequenceWord(first)); site != "" && !strings.ContainsAny(site, "()0123456789") {
		les.HeadingText = model.Text{Value: site, Line: last[0].Line} // "We began at the right nasal ala."
		return
	}
	sites := specificSites(prose.Read(pars[len(pars)-1:]).Sites)
	if len(sites) == 0 {
		return
	}
	for _, s := range sites[1:] {
		if same, _ := sameFact(fSite, sites[0].Value, s.Value); !same {
			return
		}
	}
	les.HeadingText = model.Text{Value: sites[0].Value, Line: sites[0].Span.Line}
}

// sidedSite gives a lesion that a site paragraph or its label opened
// without a side ("We started with the foot: …", "The scalp tumor is …",
// "The first, the leg: …") the site its
// paragraph names again in more words ("…, left dorsal foot, 1.2 x 1.0 cm;
// …", "… of the occipital scalp"), and one opened by its region the part
// of it the paragraph names on its side ("The right ear tumor is … of the
// right antihelix"): a part between commas or semicolons of its first
// line.
func (l *lowerer) sidedSite(scope int) {
	les := &l.out.Lesions[scope]
	var sp siteParagraph
	for _, p := range l.siteParas {
		if p.n == scope+1 {
			sp = p
		}
	}
	if !les.Site.Text.Present() || len(l.paragraphs[scope]) == 0 {
		return
	}
	first := l.paragraphs[scope][0][0]
	byLabel := sp.n == 0 && les.Site.Text.Line == first.Line
	if byLabel {
		sp.site = les.Site.Text.Value // "The first, the leg: … of the left lower leg, …": opened by its label's site, which takes only a side
	}
	if sp.site == "" || les.Site.Text.Value != sp.site {
		return
	}
	opened, ok := anatomy.Resolve(sp.site)
	if !ok {
		return
	}
	for part := range strings.FieldsFuncSeq(first.Text, func(r rune) bool { return r == ',' || r == ';' || r == ':' || r == '.' }) {
		part = strings.TrimSpace(part)
		for _, prep := range []string{" of the ", " on the "} {
			if _, after, ok := strings.Cut(part, prep); ok {
				part = after // "well-differentiated squamous cell carcinoma of the right lower cutaneous lip"
			}
		}
		site := resolvedSite(part)
		if s, ok := anatomy.Resolve(site); site == "" || byLabel && (!ok || s.Laterality == "") {
			continue
		}
		if opened.Laterality == "" && sideless(site, sp.site) || narrower(sp.site, site, opened) {
			les.Site.Text = model.Text{Value: site, Line: first.Line} // "left dorsal foot" for "foot", "occipital scalp" for "scalp"
			return
		}
	}
}

// narrower reports whether site names a part of the region a lesion was
// opened by, on its side: "right antihelix" in "The right ear tumor is … of
// the right antihelix".
func narrower(region, site string, opened anatomy.Site) bool {
	s, ok := anatomy.Resolve(site)
	return ok && opened.Laterality != "" && s.Laterality == opened.Laterality && !sameSite(region, site) && namesSite(region, site)
}

// lesionAtSite is the one lesion already opened whose site, or whose prose,
// places its tumor at site; -1 when none or several do.
func (l *lowerer) lesionAtSite(site string) int {
	found := -1
	for k := range l.out.Lesions {
		named := sameSite(l.out.Lesions[k].Site.Text.Value, site)
		if !named && len(l.paragraphs[k]) > 0 {
			named = slices.ContainsFunc(prose.Read(l.paragraphs[k]).Sites, func(t prose.Text) bool { return sameSite(t.Value, site) })
		}
		if named {
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// appositiveSite is the site set apart by commas after an ordinal lesion
// noun: "The first lesion, on the left temple, was addressed first.",
// "Attention was then turned to the second lesion, on the right dorsal
// hand."; "" when the words there name no site.
func appositiveSite(text string) string {
	lower := asciiLower(text)
	for _, noun := range lesionNouns {
		k := strings.Index(lower, " "+noun+", ")
		if k < 0 {
			continue
		}
		before := strings.Fields(lower[:k])
		if len(before) == 0 || !slices.Contains(lesionOrdinals, before[len(before)-1]) {
			continue
		}
		rest := text[k+len(noun)+3:]
		for _, prep := range []string{"on the ", "at the ", "of the ", "on ", "at ", "the "} { // "… to the second site, the left medial cheek."
			if r, ok := strings.CutPrefix(rest, prep); ok {
				end := strings.IndexAny(r, ",.;")
				if end < 0 {
					end = len(r)
				}
				site := strings.TrimSpace(r[:end])
				if words := strings.Fields(site); len(words) > 1 {
					if k := slices.IndexFunc(words, func(w string) bool { return mentions(w, dxTumorWords) }); k > 0 {
						site = strings.Join(words[:k], " ") // "the left earlobe basal cell carcinoma": the site before its tumor
					}
				}
				if site != "" {
					if _, known := anatomy.Resolve(site); known {
						return site
					}
				}
				break
			}
		}
	}
	return ""
}

// labelSite is the site a paragraph's lesion label names before its colon:
// "SITE TWO (right nasal tip): …", "Site 1, left helix: …"; "" when none.
func labelSite(text string) string {
	if _, site := numberIsSite(text); site != "" {
		return site // "Number one is the left upper back."
	}
	if site := appositiveSite(text); site != "" {
		return site // "The first lesion, on the left temple, was addressed first."
	}
	if letteredTumor(text) {
		// "Tumor A, the right earlobe, is a nodular basal cell carcinoma …"
		if _, after, ok := strings.Cut(text, ", "); ok {
			site, _, _ := strings.Cut(after, ",")
			if site = resolvedSite(strings.TrimPrefix(strings.TrimPrefix(site, "the "), "The ")); site != "" {
				return site
			}
		}
	}
	if _, site := ordinalSite(text); site != "" {
		return site // "First, the left parietal scalp."
	}
	head, after, ok := strings.Cut(text, ":")
	if hw := strings.Fields(asciiLower(head)); ok && len(hw) > 2 && slices.Contains(lesionNouns, hw[len(hw)-1]) && slices.Contains(lesionOrdinals, hw[len(hw)-2]) {
		// "Attention was then turned to the second site: left lower neck."
		site, _, _ := strings.Cut(after, ".")
		if site = strings.TrimSpace(site); site != "" {
			if _, known := anatomy.Resolve(site); known {
				return site
			}
		}
	}
	if w, rest, _ := strings.Cut(text, " "); !ok || strings.Contains(head, ".") {
		w2, _, _ := strings.Cut(rest, " ")
		w2 = strings.ToLower(w2)
		switch w = strings.ToLower(w); {
		case w == "number" || w == "no." || w == "#", // "Number two, right dorsal foot. First stage, …"
			slices.Contains(lesionOrdinals, w) && slices.Contains([]string{"site,", "lesion,", "tumor,", "tumour,"}, w2): // "Second site, left occipital scalp."
			_, after, _ := strings.Cut(rest, ",")
			site, _, _ := strings.Cut(after, ".")
			if site = strings.TrimSpace(site); site != "" {
				if _, known := anatomy.Resolve(site); known {
					return site
				}
			}
		}
		return ""
	}
	words := strings.Fields(head)
	if len(words) < 3 {
		return ""
	}
	site := strings.Trim(strings.Join(words[2:], " "), " ,()-")
	if _, ok := anatomy.Resolve(site); !ok {
		return ""
	}
	return site
}

// numberWords open a dictation's numbered site: "Number two is …", "Site
// one is the central chin."
var numberWords = map[string]bool{"number": true, "site": true}

// numberIsSite reads a dictation's "Number two is the right shoulder.",
// "Site one is the central chin.", "The first site is the right nasal
// ala.": the number and the site; 0, "" when the words after "is" are no
// site.
func numberIsSite(text string) (int, string) {
	head, after, ok := strings.Cut(text, " is ")
	if was, rest, cut := strings.Cut(text, " was "); cut && (!ok || len(was) < len(head)) {
		head, after, ok = was, rest, true // "Our first site was the left nasal ala: …"
	}
	words := strings.Fields(asciiLower(head))
	if len(words) == 3 && (words[0] == "the" || words[0] == "our") {
		words = words[1:] // "The first site is the right nasal ala."
	}
	n := 0
	switch {
	case !ok || len(words) != 2:
	case numberWords[words[0]]:
		n = cardinalWord(words[1]) // "Site one is …"
	case slices.Contains(lesionNouns, words[1]):
		if i := slices.Index(lesionOrdinals, words[0]); i >= 0 {
			n = i%5 + 1 // "The first site is …"
		}
	}
	if n == 0 {
		return 0, ""
	}
	site := strings.TrimSpace(after)
	if k := strings.IndexAny(site, ".,;:"); k >= 0 {
		site = site[:k] // "The first site is the right dorsal hand, where a … was diagnosed"
	}
	for _, lead := range []string{"on", "at", "the"} { // "The second tumor is on the left lower back, a …"
		if w, rest, cut := strings.Cut(site, " "); cut && strings.EqualFold(w, lead) {
			site = rest
		}
	}
	if _, known := anatomy.Resolve(site); !known || strings.ContainsAny(site, ":,;") || len(strings.Fields(site)) > 5 {
		return 0, "" // not "The first tumor is a nodular basal cell carcinoma of the right cheek."
	}
	return n, site
}

// proseLesionNumber is the lesion a sentence opens with: "Lesion 2 …",
// "Lesion #2 …", "SITE TWO (right nasal tip): …", "The second lesion …",
// "For the second site …", "Number two, right dorsal foot."; 0 when it
// opens with none.
func proseLesionNumber(text string) int {
	var buf [10]string // the first words are enough, lower case
	words := buf[:0]
	for w := range strings.FieldsSeq(text) {
		if words = append(words, strings.ToLower(w)); len(words) == len(buf) {
			break
		}
	}
	if i := turnedTo(words); i > 0 {
		words = words[i:] // "Attention was then turned to the second site, …"
	}
	for len(words) > 0 && (words[0] == "the" || words[0] == "for" || words[0] == "on" || words[0] == "our") {
		words = words[1:] // "Our second site was the right temple, …"
	}
	if len(words) < 2 {
		return 0
	}
	if len(words) > 3 && numberWords[words[0]] && words[2] == "is" {
		if n, _ := numberIsSite(text); n > 0 || words[0] == "number" {
			return n // "Number two is the right shoulder. Superficial and nodular …", "Site one is the central chin."
		}
	}
	if w := words[0]; (w == "number" || w == "no." || w == "#") && (strings.HasSuffix(words[1], ",") || strings.HasSuffix(words[1], ":")) {
		// "Number two, right dorsal foot. First stage, …", not a dictated
		// list's "Number two, indication: poorly defined borders …"
		if _, after, ok := strings.Cut(text, words[1][len(words[1])-1:]); ok {
			site, _, _ := strings.Cut(after, ".")
			if _, known := anatomy.Resolve(strings.TrimSpace(strings.SplitN(site, ":", 2)[0])); !known || strings.Contains(site, ":") {
				return 0
			}
		}
		num := strings.TrimRight(words[1], ",:")
		if n := cardinalWord(num); n > 0 {
			return n
		}
		if n, err := strconv.Atoi(num); err == nil && n > 0 && n < 100 {
			return n
		}
		return 0
	}
	switch words[0] {
	case "lesion", "site", "tumor", "tumour": // "Lesion 2 …", "SITE TWO (right nasal tip): …"
		numbered := len(words) > 2 && (words[1] == "number" || words[1] == "no." || words[1] == "#")
		if numbered {
			words = append(words[:1:1], words[2:]...) // "Lesion number two is a squamous cell carcinoma in situ of …"
		}
		if l := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(words[1], "'s"), "’s"), ".,:;"); len(l) == 1 && l[0] >= 'a' && l[0] <= 'e' {
			return int(l[0]-'a') + 1 // "Tumor A cleared in its first stage …", "Tumor B's first stage, three blocks, …"
		}
		if words[0] != "lesion" && !numbered && !strings.HasSuffix(words[1], ":") && !strings.HasSuffix(words[1], ",") &&
			(len(words) < 3 || !strings.HasPrefix(words[2], "(") && words[2] != "-" && words[2] != "–") {
			return 0 // "Tumor 2 mm from the margin …" names no lesion
		}
		num := strings.TrimRight(strings.TrimPrefix(words[1], "#"), ".,:;")
		if n := cardinalWord(num); n > 0 {
			return n
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 {
			return 0
		}
		return n
	}
	switch strings.TrimRight(words[1], ".,:;") {
	case "lesion", "site", "tumor", "tumour":
		if i := slices.Index(lesionOrdinals, words[0]); i >= 0 {
			return i%5 + 1
		}
	}
	return 0
}

// letteredTumor reports whether a paragraph opens with a tumor's letter:
// "Tumor A cleared …", "Tumor B's first stage, …", "Lesion C, …".
func letteredTumor(text string) bool {
	w, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	switch asciiLower(w) {
	case "tumor", "tumour", "lesion", "site":
	default:
		return false
	}
	l, _, _ := strings.Cut(rest, " ")
	l = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s"), ".,:;")
	return len(l) == 1 && l[0] >= 'A' && l[0] <= 'E'
}

// withoutThe is text less a leading "The ".
func withoutThe(text string) string {
	if len(text) > 4 && strings.EqualFold(text[:4], "the ") {
		return text[4:]
	}
	return text
}

// ordinalOpening is the lesion a paragraph opens with an ordinal and a
// comma when its first sentence names a tumor at a site ("Second, a
// well-differentiated squamous cell carcinoma of the right temple …"), not
// a step ("Second, local anesthesia was given"); 0 otherwise.
func ordinalOpening(text string) int {
	text = withoutThe(text) // "The first, the leg: …"
	w, _, _ := strings.Cut(text, " ")
	i := slices.Index(lesionOrdinals, strings.ToLower(strings.TrimSuffix(w, ",")))
	if i < 0 || !strings.HasSuffix(w, ",") {
		return 0
	}
	if n, _ := ordinalSite(text); n > 0 || namesTumorAtSite(text) {
		return i%5 + 1
	}
	return 0
}

// ordinalSite reads a paragraph that opens with an ordinal, a comma and a
// site alone ("First, the left parietal scalp. This is a …", "The second,
// the temple: …"): the number and the site; 0, "" otherwise.
func ordinalSite(text string) (int, string) {
	w, rest, _ := strings.Cut(withoutThe(text), " ")
	i := slices.Index(lesionOrdinals, strings.ToLower(strings.TrimSuffix(w, ",")))
	if i < 0 || !strings.HasSuffix(w, ",") {
		return 0, ""
	}
	site, _, ok := strings.Cut(rest, ".")
	if c := strings.IndexAny(site, ":;"); c >= 0 {
		site, ok = site[:c], true
	}
	if lead, after, cut := strings.Cut(site, " "); cut && strings.EqualFold(lead, "the") {
		site = after
	}
	if _, known := anatomy.Resolve(strings.TrimSpace(site)); !ok || !known || strings.Contains(site, ",") || len(strings.Fields(site)) > 5 {
		return 0, ""
	}
	return i%5 + 1, strings.TrimSpace(site)
}

// namesTumorAtSite reports whether the first sentence of text names a
// tumor and its site.
func namesTumorAtSite(text string) bool {
	first := prose.Sentences([][]prose.Line{{{Text: text, Line: 1, Col: 1}}})
	if len(first) == 0 {
		return false
	}
	return slices.ContainsFunc(prose.Read(first[:1]).Diagnoses, func(d prose.Diagnosis) bool { return d.Site != "" })
}

// turnedTo returns the index of the word after "turned to", "moved to",
// "turning to", "began with" or "then addressed" among a sentence's first words
// ("Attention was then turned to …", "We then moved to …", "We began with
// …", "We then addressed the chin …"), or 0.
func turnedTo(words []string) int {
	for i := 1; i+1 < len(words); i++ {
		if (words[i-1] == "turned" || words[i-1] == "moved" || words[i-1] == "turning" || words[i-1] == "moving" || words[i-1] == "returning" || words[i-1] == "back") && words[i] == "to" ||
			(words[i-1] == "began" || words[i-1] == "started" || words[i-1] == "beginning" || words[i-1] == "starting") && (words[i] == "with" || words[i] == "at") {
			return i + 1
		}
		if words[i] == "addressed" && (words[i-1] == "then" || words[i-1] == "next" || words[i-1] == "first" || words[i-1] == "we") {
			return i + 1 // "We then addressed the chin (midline mental crease), a nodular …"
		}
	}
	return 0
}

// lesionOrdinals number a lesion in a sentence (cardinals such as "one
// lesion" count, they do not name one).
var lesionOrdinals = []string{"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"}

// scoped reports whether a lesion already has prose.
func (l *lowerer) scoped(scope int) bool {
	for _, s := range l.scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// proseField hands a field whose value is written as sentences ("Stage I:
// The visible tumor was debulked … divided into three pieces …", "REPAIR:
// The final defect measured …") to the prose reader as a paragraph of its
// own, key and all when the value stands on the key's line.
func (l *lowerer) proseField(f *grammar.Field, v *grammar.Value) {
	l.endParagraph()
	if v.Pos.Line == f.Pos.Line {
		gap := max(v.Pos.Column-f.Pos.Column-len(f.Key)-1, 0)
		l.paragraph = append(l.paragraph, grammar.Value{Pos: f.Pos, Text: f.Key + ":" + strings.Repeat(" ", gap) + v.Text})
	} else {
		l.paragraph = append(l.paragraph, *v)
	}
	l.endParagraph()
}

// stageSentences reads a stage's value written as sentences into the stage,
// and hands the sentences to the lesion's prose too, for what they say of
// the map, the reader or the biopsy.
func (l *lowerer) stageSentences(st *model.Stage, f *grammar.Field) {
	v := f.Value
	facts := prose.ReadStage(st.Number, [][]prose.Line{{{Text: v.Text, Line: v.Pos.Line, Col: v.Pos.Column}}})
	if s, ok := thisStage(facts.Stages, st.Number); ok {
		fillStage(st, s)
		span := s.Span
		if span.Line == 0 { // the stage the field names, not one its sentences name
			span = prose.Span{Line: v.Pos.Line, Col: v.Pos.Column, EndLine: v.Pos.Line, EndCol: v.Pos.Column + utf8.RuneCountInString(v.Text)}
		}
		l.remark(ReadFromProse, []prose.Span{span}, "stage "+st.Name()+" of lesion "+l.cur().Label+" was read from prose")
	}
	for _, a := range facts.Ambiguities {
		l.remark(ProseAmbiguous, a.Spans, a.Message)
	}
	l.proseField(f, v)
}

// readProse reads every scope's prose and fills what the fields did not
// state. A field always wins over prose.
func (l *lowerer) readProse() {
	l.stagesToLabels()
	l.sharedParagraphs()
	l.labelledIntro()
	var facts prose.Facts // of the prose before the first lesion
	if par := l.paragraphs[noteScope]; len(par) > 0 {
		facts = prose.Read(par)
		l.encounterProse(&facts)

		for i := range l.out.Lesions {
			les := &l.out.Lesions[i]
			if !les.Map.Present() {
				les.Map = mapFact(facts.Map)
			}
		}
		l.biopsiesProse(facts.Biopsies)
		if every := facts.EveryStage; len(every) > 0 {
			// "CK7 immunostaining was performed on every block of every stage
			// at both sites" above the lesions: every stage of every lesion,
			// once their stages are read
			defer func() {
				for i := range l.out.Lesions {
					everyStageStains(&l.out.Lesions[i], every)
				}
			}()
		}
	}
	if hist := l.history[noteScope]; len(hist) > 0 {
		// "HISTORY: … Three biopsy-proven tumors today. The frozen sections
		// at every site were read by me …; Mohs maps were drawn for all
		// stages." above the labels: who read today's slides, and every
		// lesion's map
		past := pastOnly(prose.Read(hist))
		l.encounterProse(&past)
		if m := mapFact(past.Map); m.Present() {
			for i := range l.out.Lesions {
				if les := &l.out.Lesions[i]; !les.Map.Present() {
					les.Map = m
				}
			}
		}
	}
	l.tumorsToday()
	l.proceduresAtSites()
	l.oneOfSeveral()
	l.diagnosesOfSeveral()
	var every []prose.Flag // a lesion's map statements of every lesion ("A Mohs map was drawn for each site")
	for _, scope := range l.scopes {
		facts := prose.Read(l.paragraphs[scope])
		for _, m := range facts.Map {
			if m.Every || l.mapBeforeStages(m, l.paragraphs[scope]) {
				every = append(every, m)
			}
		}
		every = append(every, l.closingMaps(scope)...)
		l.encounterProse(&facts)
		var past prose.Facts
		hist := l.history[scope]
		if len(hist) > 0 {
			past = pastOnly(prose.Read(hist))
		}
		// the history's site and the prose's site are one lesion's, or two
		// tumors: "HISTORY: … a nodule on the left dorsal hand …" and "… a
		// papule on the right dorsal forearm …"
		both := facts
		both.Sites = slices.Concat(facts.Sites, past.Sites)
		l.twoSites(&l.out.Lesions[scope], &both, slices.Concat(l.paragraphs[scope], hist))
		l.lesionProse(&l.out.Lesions[scope], &facts)
		if les := &l.out.Lesions[scope]; !les.PostopDiagnosis.Present() {
			les.PostopDiagnosis = postopSentence(l.paragraphs[scope])
		}
		l.sidedSite(scope)
		l.biopsiesProse(facts.Biopsies)
		if len(hist) > 0 {
			l.encounterProse(&past)
			l.lesionProse(&l.out.Lesions[scope], &past)
			// "HISTORY: … A second lesion, … of the right upper back, was
			// sampled by incisional biopsy …; clinical impression: …": a biopsy
			// of another lesion the prose reader kept (no date, nothing past) is
			// today's, wherever the note tells it
			l.biopsiesProse(past.Biopsies)
		}
		l.applyCorrections(scope)
	}
	l.planRepairs()
	for i := range l.out.Lesions {
		laterFields(&l.out.Lesions[i])
	}
	l.stagesBeforeLabels(&facts)
	if m := mapFact(every); m.Present() {
		for i := range l.out.Lesions {
			if les := &l.out.Lesions[i]; !les.Map.Present() {
				les.Map = m
			}
		}
	}
	l.shareBySite(l.paragraphs[noteScope], &facts) // after the lesions' own prose has named their sites
	l.sizesByParagraph(l.paragraphs[noteScope])
	l.shareBySentence(l.paragraphs[noteScope])
	l.shareBySentence(l.history[noteScope]) // "HISTORY: Three biopsy-proven skin cancers were treated today: …"
	l.indicationsOfSeveral()
	l.surgeonReads()
}

// stagesToLabels gives the stage sentences of the prose before the first
// label of a labelled note of several — whose labels stand only after the
// stages, in its repairs ("Back, stage 1: … Chest, stage 1: …" above
// "REPAIRS: Lesion #1, right upper back: …") — to the lesions their
// words name by site, when every sentence that tells a stage names
// exactly one lesion, or several that lesionClauses parts ("I took stage
// 1 of the back first, 3 blocks, and … stage 1 of the chest, 2 blocks").
// A sentence that tells a stage and names no lesion, or every lesion,
// leaves the prose as it is (stagesBeforeLabels then makes the lesions
// ambiguous): no stage is given to a lesion it is not tied to.
func (l *lowerer) stagesToLabels() {
	if !l.headed || len(l.out.Lesions) < 2 || len(l.paragraphs[noteScope]) == 0 || slices.ContainsFunc(l.out.Lesions, func(les model.Lesion) bool {
		return len(les.Stages) > 0 || les.Ambiguous.Present() || siteWords(les) == ""
	}) {
		return
	}
	var out []routedSentence
	var kept [][]prose.Line
	staged := false
	for _, par := range l.paragraphs[noteScope] {
		var keep []prose.Line
		for _, sen := range prose.Sentences([][]prose.Line{par}) {
			if len(sen) == 0 {
				continue
			}
			if !namesStageNoun(sentenceText(sen)) {
				keep = append(keep, sen...)
				continue
			}
			refs := l.lesionRefs(sen)
			told := tellsStage(sen)
			switch {
			case len(refs) == 1 && refs[0].lesion >= 0:
				out = append(out, routedSentence{lesion: refs[0].lesion, lines: sen})
				staged = staged || told
			case len(refs) > 1 && !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }):
				out = append(out, routedSentence{lesion: -1, lines: sen})
				staged = staged || told
			case told:
				return // a stage of no one lesion: whose it is cannot be told
			default:
				keep = append(keep, sen...) // "I then took stage 2 at both sites."
			}
		}
		if len(keep) > 0 {
			kept = append(kept, keep)
		}
	}
	if !staged || !firstStagesRouted(out, len(l.out.Lesions)) {
		return
	}
	l.paragraphs[noteScope] = kept
	saved := l.lesion
	for _, r := range out {
		if r.lesion < 0 {
			l.lesion = -1
			l.lesionClauses(r.lines) // each lesion's part of the sentence
			continue
		}
		l.paragraphs[r.lesion] = append(l.paragraphs[r.lesion], r.lines)
		if !l.scoped(r.lesion) {
			l.scopes = append(l.scopes, r.lesion)
		}
	}
	l.lesion = saved
}

// routedSentence is a sentence of the prose before a note's labels and
// the lesion its words name, -1 when they name several (see
// stagesToLabels).
type routedSentence struct {
	lesion int
	lines  []prose.Line
}

// firstStagesRouted reports whether the sentences routed to each of n
// lesions by one site (lesion ≥ 0) tell its first stage, when they tell
// any: stages 2 and 3 routed without stage 1 ("Reading the first round:
// …" named no stage) would count one stage short.
func firstStagesRouted(routes []routedSentence, n int) bool {
	by := make([][][]prose.Line, n)
	for _, r := range routes {
		if r.lesion >= 0 {
			by[r.lesion] = append(by[r.lesion], r.lines)
		}
	}
	for _, pars := range by {
		stages := prose.Read(pars).Stages
		if len(stages) > 0 && !slices.ContainsFunc(stages, func(st prose.Stage) bool { return st.Number == 1 }) {
			return false
		}
	}
	return true
}

// stagesBeforeLabels makes ambiguous each lesion of a labelled note of
// several that lists no stage of its own when the prose before the first
// label tells stages with their blocks ("Tumor A's first stage, four
// blocks, … Tumor C's first stage, two blocks, …" above "Repairs, one line
// per tumor:" / "Tumor A: …"): the lesion's Mohs is documented, but whose
// stages those are is not tied to it (lesion-ambiguous, not
// stages-missing, and never a guessed stage).
func (l *lowerer) stagesBeforeLabels(facts *prose.Facts) {
	if !l.headed || len(l.out.Lesions) < 2 || !slices.ContainsFunc(facts.Stages, func(st prose.Stage) bool { return st.Blocks > 0 }) {
		return
	}
	for i := range l.out.Lesions {
		les := &l.out.Lesions[i]
		if len(les.Stages) > 0 || les.Ambiguous.Present() || len(l.paragraphs[noteScope]) == 0 {
			continue
		}
		at := l.paragraphs[noteScope][0][0]
		les.Ambiguous = model.Text{Value: "stages told before the lesion labels (line " + strconv.Itoa(at.Line) + ")", Line: at.Line}
		l.report(LesionAmbiguous.At(les.Label, at.Line, at.Col, "Lesion %s: the prose before the lesion labels tells stages that no label ties to this lesion; no Mohs line for it", les.Label))
	}
}

// postopWords open a sentence's post-operative diagnosis.
var postopWords = []string{"post-op diagnosis", "postop diagnosis", "postoperative diagnosis", "post-operative diagnosis"}

// postopSentence is the post-operative diagnosis a lesion's dictation
// states in a sentence of its own ("Post-op diagnosis for this site, on
// the frozen sections, is basosquamous (metatypical) carcinoma of the
// right antihelix."); nothing when it says none or the same ("Post-op
// diagnosis for this site is the same.").
func postopSentence(par [][]prose.Line) model.Text {
	for _, p := range par {
		if !mentions(sentenceText(p), postopWords) {
			continue
		}
		for _, sen := range prose.Sentences([][]prose.Line{p}) {
			text := sentenceText(sen)
			lower := asciiLower(text)
			if !mentions(lower, postopWords) {
				continue
			}
			k := strings.Index(lower, " is ")
			if k < 0 {
				continue
			}
			dx := strings.TrimSuffix(strings.TrimSpace(text[k+len(" is "):]), ".")
			switch w := firstWord(asciiLower(dx)); w {
			case "the", "same", "unchanged", "as", "":
				continue // "… is the same", "… is unchanged", "… is as above"
			}
			return model.Text{Value: dx, Line: sen[0].Line}
		}
	}
	return model.Text{}
}

// mapBeforeStages reports whether a map statement of a note of several
// lesions says each stage was mapped ("A map was drawn for each stage.",
// "each stage was mapped") before the note tells any stage: a statement
// of every lesion, though the paragraph it stands in is the first one's.
func (l *lowerer) mapBeforeStages(m prose.Flag, par [][]prose.Line) bool {
	if len(l.out.Lesions) < 2 {
		return false
	}
	for _, les := range l.out.Lesions {
		for _, st := range les.Stages {
			if st.Line <= m.Span.Line {
				return false
			}
		}
	}
	text := asciiLower(sentenceAt(par, m.Span))
	return mentions(text, []string{"each stage", "every stage", "all stages", "each layer", "every layer"})
}

// sentenceAt is the text of the sentence in which span s starts.
func sentenceAt(par [][]prose.Line, s prose.Span) string {
	for _, sen := range prose.Sentences(par) {
		for _, ln := range sen {
			if ln.Line == s.Line && ln.Col <= s.Col && s.Col <= ln.Col+len(ln.Text) {
				return sentenceText(sen)
			}
		}
	}
	return ""
}

// closingMaps are the map statements of a note of several tumors that
// stand after its last tumor's paragraph, in a paragraph that names no one
// tumor and no stage ("I … interpreted all frozen sections for both sites.
// A Mohs map was drawn for each stage …"): they close the note, and speak
// of every tumor it told. Under a last lesion's heading the paragraph must
// also say so ("Surgeon read all slides. Maps on file."): a heading's
// "Map drawn." is its own lesion's.
func (l *lowerer) closingMaps(scope int) []prose.Flag {
	if len(l.out.Lesions) < 2 || scope != len(l.out.Lesions)-1 {
		return nil
	}
	var maps []prose.Flag
	for k, par := range l.paragraphs[scope] {
		if k == 0 || len(par) == 0 {
			continue
		}
		text := sentenceText(par)
		if !mentions(text, []string{"map"}) || l.headed && !ofEvery(text) && !mentions(text, []string{"maps"}) ||
			slices.ContainsFunc(l.lesionMentions(par), func(r lesionRef) bool { return r.lesion >= 0 }) {
			continue
		}
		f := prose.Read([][]prose.Line{par})
		if len(f.Stages) == 0 && len(f.StageCount) == 0 && len(f.Repairs) == 0 {
			maps = append(maps, f.Map...)
		}
	}
	return maps
}

// surgeonReads takes who read the slides from the surgeon field's remark
// when nothing else says: "Mohs surgeon: Theodora Nakashima-Pryce, MD
// (reads all frozen sections)" or "…, MD, who also read all frozen
// sections" is the surgeon reading them; a remark that
// names a pathologist or another doctor says nothing of the surgeon.
func (l *lowerer) surgeonReads() {
	enc := &l.out.Encounter
	if enc.Pathology.Present() || !enc.Surgeon.Present() {
		return
	}
	_, remark, ok := strings.Cut(enc.Surgeon.Value, "(")
	if !ok {
		_, remark, ok = strings.Cut(enc.Surgeon.Value, ", who ") // "…, MD, who also read all frozen sections"
	}
	if !ok {
		return
	}
	if remarkReads(remark) || remarkNamesReader(remark, enc.Surgeon.Value) {
		enc.Pathology = model.Text{Value: "read by the Mohs surgeon: " + asciiLower(strings.TrimSuffix(strings.TrimSpace(remark), ")")), Line: enc.Surgeon.Line}
	}
}

// remarkNamesReader reports whether a remark on the surgeon says the
// slides were read by the surgeon by name: "…, MD (all blocks read by Dr.
// Hartwell-Osei)".
func remarkNamesReader(remark, surgeon string) bool {
	lower := asciiLower(remark)
	_, by, ok := strings.Cut(lower, " by ")
	if !ok || !mentions(lower, readingWords) || mentions(lower, []string{"patholog", "not ", "no "}) {
		return false
	}
	name, _, _ := strings.Cut(asciiLower(surgeon), ",")
	words := strings.Fields(name)
	return len(words) > 0 && len(words[len(words)-1]) > 2 && strings.Contains(by, words[len(words)-1])
}

// remarkReads reports whether a remark on the surgeon says the surgeon
// reads the slides ("reads all frozen sections)"), and names no one else.
func remarkReads(remark string) bool {
	remark = asciiLower(strings.TrimSuffix(strings.TrimSpace(remark), ")"))
	return mentions(remark, readingWords) && mentions(remark, []string{"slide", "section", "frozen"}) &&
		!mentions(remark, []string{"patholog", "dr.", "dr ", " by ", "not ", "no "})
}

// readingWords say that someone reads the slides.
var readingWords = []string{"reads", "read ", "reader of", "interprets", "interpreted", "reviews", "examines"}

// sharedProse reports whether a lesion field before the first label of a
// labelled note is prose about the lesions rather than one lesion's value:
// a dictated indication ("INDICATIONS: Both tumors were proven on shave
// biopsies …. The helical tumor, 0.9 x 0.8 cm, …"), whose sentences
// shareBySentence gives to the lesions they name.
func sharedProse(ref keyRef, v *grammar.Value) bool {
	return ref.field == fIndication && v != nil && (isDictated(v.Text) || tellsTumor(v.Text))
}

// shareBySentence gives each lesion what a sentence of the prose before
// the lesions says of it and of it alone, where the lesion has no such
// fact yet: "The helical tumor, 0.9 x 0.8 cm, was treated with Mohs
// because of its location on the ear." (the size and the indication of
// the left helix), "Site three measured 1.6 x 1.3 cm" (of the third
// lesion); a prior biopsy also to every lesion when the sentence speaks of
// all of them ("Both tumors were proven on shave biopsies"). A sentence
// that names two lesions gives them sizes only when it names them in the
// order of as many sizes ("Site one measured 0.8 x 0.7 cm and site two 0.7
// x 0.6 cm"); otherwise it gives nothing.
func (l *lowerer) shareBySentence(par [][]prose.Line) {
	lesions := l.out.Lesions
	if len(lesions) < 2 || len(par) == 0 {
		return
	}
	for _, p := range par {
		l.shareSentences(p, indicationKey(p))
	}
}

// indicationKey reports whether a paragraph is an indication field's value
// with its key ("INDICATIONS: …").
func indicationKey(par []prose.Line) bool {
	if len(par) == 0 {
		return false
	}
	key, _, ok := strings.Cut(par[0].Text, ":")
	if !ok {
		return false
	}
	ref, found := lookup(secLesion, key)
	return found && ref.field == fIndication
}

// shareSentences gives each lesion what a sentence of one shared paragraph
// says of it alone (see shareBySentence); under an indication's key, a
// sentence that names a reason is the indication of the lesions it names
// ("Site one measured 0.8 x 0.7 cm and site two 0.7 x 0.6 cm; both lie in
// the H-zone of the face"), and anywhere so is a sentence that states an
// indication and names several lesions.
func (l *lowerer) shareSentences(par []prose.Line, indication bool) {
	lesions := l.out.Lesions
	sentences := prose.Sentences([][]prose.Line{par})
	owner := l.paragraphOwner(sentences)
	for _, sen := range sentences {
		refs := l.lesionRefs(sen)
		if len(refs) == 0 && owner >= 0 {
			l.sameDayBiopsyOf(&lesions[owner], sen) // "Lesion #2 is a … papule of the right chin … I did a tangential (shave) biopsy of it today …"
		}
		if len(refs) == 0 {
			continue
		}
		f := prose.Read([][]prose.Line{sen})
		every := len(refs) == 1 && refs[0].lesion < 0
		if len(f.PriorBiopsy) == 1 && f.PriorBiopsy[0].Yes && len(refs) > 1 && (biopsiedEach(sen, refs) || biopsiesBefore(sen, refs)) {
			// "(1) a superficial basal cell carcinoma of the right malar cheek,
			// biopsy 06/03/2026, …, and (2) a … squamous cell carcinoma of the
			// left dorsal hand, biopsy 06/03/2026, …"
			for _, r := range refs {
				if r.lesion >= 0 && !lesions[r.lesion].PriorBiopsy.Present() {
					lesions[r.lesion].PriorBiopsy = model.Flag{Yes: true, Line: f.PriorBiopsy[0].Span.Line}
				}
			}
		}
		if len(f.PriorBiopsy) == 1 && f.PriorBiopsy[0].Yes && len(refs) == 1 { // of one lesion, or of every one
			for i := range lesions {
				if (every || i == refs[0].lesion) && !lesions[i].PriorBiopsy.Present() {
					lesions[i].PriorBiopsy = model.Flag{Yes: true, Line: f.PriorBiopsy[0].Span.Line}
				}
			}
		}
		if every {
			if len(f.Indication) == 1 { // "Mohs surgery was indicated for both because of their locations"
				for i := range lesions {
					if !lesions[i].Indication.Present() {
						lesions[i].Indication = model.Text{Value: f.Indication[0].Value, Line: f.Indication[0].Span.Line}
					}
				}
			}
			continue
		}
		sizes := f.PreopSize
		if len(refs) > 1 && len(sizes) == 1 && len(sen) == 1 {
			sizes = listedSizes(sen[0]) // "The crown tumor measures 1.1 x 0.9 cm and the occipital one 1.4 x 1.2 cm"
		}
		if len(sizes) == len(refs) && (len(refs) == 1 && refs[0].lesion >= 0 || inTurn(refs, sizes)) { // "First, a 1.0 x 0.9 cm basal cell carcinoma of the central chest" names one lesion, after its size
			for k, r := range refs {
				if !lesions[r.lesion].Size.Present() {
					lesions[r.lesion].Size = sizes[k].Size
				}
			}
		}
		if len(refs) == 1 && len(f.Indication) == 1 && !lesions[refs[0].lesion].Indication.Present() {
			ind := f.Indication[0]
			lesions[refs[0].lesion].Indication = model.Text{Value: ind.Value, Line: ind.Span.Line}
		}
		if indication && prose.GivesReason(sen) || len(refs) > 1 && len(f.Indication) > 0 {
			// "Mohs was chosen for the cheek and helix because of their
			// location …, and for the back because the tumor is recurrent …"
			for _, r := range refs {
				if !lesions[r.lesion].Indication.Present() {
					lesions[r.lesion].Indication = model.Text{Value: sentenceText(sen), Line: sen[0].Line}
				}
			}
		}
	}
}

// paragraphOwner is the lesion a shared paragraph speaks of alone: its
// first sentence names that one lesion ("Lesion #2 is a 0.7 x 0.6 cm
// pearly papule of the right chin …") and no sentence names another; -1
// for any other paragraph.
func (l *lowerer) paragraphOwner(sentences [][]prose.Line) int {
	owner := -1
	for k, sen := range sentences {
		refs := l.lesionRefs(sen)
		switch {
		case k == 0 && len(refs) == 1 && refs[0].lesion >= 0:
			owner = refs[0].lesion
		case k == 0:
			return -1
		case slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion != owner }):
			return -1
		}
	}
	return owner
}

// sameDayBiopsyOf gives a lesion the same-day biopsy, and its frozen
// section, that a sentence of its own paragraph tells without naming it:
// "I did a tangential (shave) biopsy of it today and sent it for an
// intraoperative frozen section, processed as one block".
func (l *lowerer) sameDayBiopsyOf(les *model.Lesion, sen []prose.Line) {
	if les.SameDayBiopsy.Present() || !containsFold(sentenceText(sen), "biops") {
		return
	}
	f := prose.Read([][]prose.Line{sen})
	if len(f.SameDayBiopsy) == 0 {
		return
	}
	b := f.SameDayBiopsy[0]
	les.SameDayBiopsy = model.Text{Value: b.Kind, Line: b.Span.Line}
	frozenFromProse(les, f.FrozenSection)
}

// frozenFromProse gives a lesion the frozen section prose tells of its
// same-day biopsy ("submitted for an intraoperative frozen section, which
// I read as …": one block, CODING-RULES §4), and the block count a later
// statement gives ("The specimen was processed as two blocks") when the
// lesion's frozen section has none.
func frozenFromProse(les *model.Lesion, counts []prose.Count) {
	for _, fs := range counts {
		switch {
		case !les.FrozenSection.Present():
			les.FrozenSection = model.FrozenSection{Flag: model.Flag{Yes: true, Line: fs.Span.Line}, Blocks: fs.N}
		case les.FrozenSection.Yes && les.FrozenSection.Blocks == 0 && fs.N > 0:
			les.FrozenSection.Blocks = fs.N
		}
	}
}

// indicationsOfSeveral gives each lesion without an indication the
// sentence of any lesion's prose that says why Mohs was chosen for several
// lesions by their sites ("Mohs was indicated for the ala because of its
// location in the H-zone, for the cheek because the tumor is ill-defined
// …, and for the back because …"), wherever the note tells it: in the
// first lesion's paragraph, it had been that lesion's alone.
func (l *lowerer) indicationsOfSeveral() {
	lesions := l.out.Lesions
	if len(lesions) < 2 || !slices.ContainsFunc(lesions, func(les model.Lesion) bool { return !les.Indication.Present() }) {
		return
	}
	for _, scope := range l.scopes {
		for _, par := range l.paragraphs[scope] {
			if !mentions(sentenceText(par), []string{"indicat", "because", "chosen"}) {
				continue
			}
			for _, sen := range prose.Sentences([][]prose.Line{par}) {
				refs := l.lesionRefs(sen)
				if len(refs) < 2 || slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }) {
					continue
				}
				if f := prose.Read([][]prose.Line{sen}); len(f.Indication) == 0 {
					continue
				}
				for _, r := range refs {
					if !lesions[r.lesion].Indication.Present() {
						lesions[r.lesion].Indication = model.Text{Value: sentenceText(sen), Line: sen[0].Line}
					}
				}
			}
		}
	}
}

// sentenceText is a sentence's text, its lines joined by spaces.
func sentenceText(sen []prose.Line) string {
	var b strings.Builder
	for i, ln := range sen {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ln.Text)
	}
	return b.String()
}

// lesionRef is where a sentence names a lesion: lesion -1 for all of them.
type lesionRef struct {
	lesion int
	at     prose.Span
}

// biopsiedEach reports whether a one-line sentence cites a biopsy after
// each lesion it names, before the next one.
func biopsiedEach(sen []prose.Line, refs []lesionRef) bool {
	if len(sen) != 1 {
		return false
	}
	ln := sen[0]
	for k, r := range refs {
		from, to := r.at.Col-ln.Col, len(ln.Text)
		if k+1 < len(refs) {
			to = refs[k+1].at.Col - ln.Col
		}
		if r.lesion < 0 || r.at.Line != ln.Line || from < 0 || to > len(ln.Text) || from >= to || !citesBiopsy(ln.Text[from:to]) {
			return false
		}
	}
	return true
}

// biopsiesBefore reports whether a sentence names biopsies in the plural
// before the first lesion it names, so that they are of every lesion it
// names: "Shave biopsies done here on 11/11/2026 showed a nodular basal
// cell carcinoma of the right nasal ala and a … squamous cell carcinoma of
// the left jawline."
func biopsiesBefore(sen []prose.Line, refs []lesionRef) bool {
	if slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }) {
		return false
	}
	var before strings.Builder
	for _, ln := range sen {
		switch {
		case ln.Line < refs[0].at.Line:
			before.WriteString(ln.Text + " ")
		case ln.Line == refs[0].at.Line && refs[0].at.Col-ln.Col >= 0 && refs[0].at.Col-ln.Col <= len(ln.Text):
			before.WriteString(ln.Text[:refs[0].at.Col-ln.Col])
		}
	}
	return slices.Contains(strings.FieldsFunc(asciiLower(before.String()), func(r rune) bool { return !isLetterRune(r) }), "biopsies")
}

// inTurn reports whether each size follows its lesion's name and comes
// before the next lesion's, the lesions named in note order (in another
// order the sentence gives nothing, as in shareBySite).
func inTurn(refs []lesionRef, sizes []prose.Measure) bool {
	for k, r := range refs {
		if !before(r.at, sizes[k].Span) || k+1 < len(refs) && (!before(sizes[k].Span, refs[k+1].at) || refs[k+1].lesion < r.lesion) {
			return false
		}
	}
	return true
}

// lesionRefs are the lesions a sentence names, in its order: by number
// ("Site one", "site 2", "lesion #3", "the second tumor") or by a word of
// the lesion's site ("The helical tumor" for the left helix, "The upper arm
// tumor"). A sentence that speaks of all of them ("Both tumors", "All
// three tumors", "indicated for both because …"), whatever else it names,
// is one ref of lesion -1, as is a sentence that opens with as many tumors
// as the note has lesions ("Two tumors, both proven on shave biopsies …,
// were treated today"). A site word that two lesions share names
// neither; a lesion named twice counts once.
func (l *lowerer) lesionRefs(sen []prose.Line) []lesionRef {
	refs := l.lesionMentions(sen)
	if slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }) && len(refs) > 1 {
		return []lesionRef{{lesion: -1, at: refs[0].at}} // all of them, and parts of them by name: it speaks of all
	}
	return refs
}

// lesionMentions are the lesions a sentence names, each once, in the
// order it first names them; lesion -1 for all of them.
func (l *lowerer) lesionMentions(sen []prose.Line) []lesionRef { return l.mentionsOf(sen, false) }

// everyMention is lesionMentions with every mention of a lesion, not its
// first only: "… and the helix in one; the first forehead stage had six
// blocks" names the forehead again after the helix.
func (l *lowerer) everyMention(sen []prose.Line) []lesionRef { return l.mentionsOf(sen, true) }

// donorClause reports whether byte at of text stands in a graft's donor
// clause ("…; donor site left upper eyelid skin fold", "harvested from
// the left preauricular skin"), up to the next comma, semicolon or stop
// ("…, harvested from the right preauricular skin, and the forearm was
// closed …" names the forearm): the site a graft was taken from names no
// lesion.
func donorClause(text string, at int) bool {
	lower := asciiLower(text[:at])
	k := max(strings.LastIndex(lower, "donor"), strings.LastIndex(lower, "harvested from"))
	return k >= 0 && !strings.ContainsAny(lower[k:], ",;.")
}

// mentionsOf is lesionMentions, with every mention when every is set.
func (l *lowerer) mentionsOf(sen []prose.Line, every bool) []lesionRef {
	var refs []lesionRef
	seen := map[int]bool{}
	add := func(i int, at prose.Span) {
		if every || !seen[i] {
			seen[i] = true
			refs = append(refs, lesionRef{lesion: i, at: at})
		}
	}
	for li, ln := range sen {
		if li == 0 {
			if les, n := l.leadLabel(ln.Text); les >= 0 {
				add(les, prose.Span{Line: ln.Line, Col: ln.Col, EndLine: ln.Line, EndCol: ln.Col + n}) // "A) full-thickness skin graft, …"
			}
		}
		words := sentenceWords(ln.Text)
		for k, w := range words {
			at := prose.Span{Line: ln.Line, Col: ln.Col + w.at, EndLine: ln.Line, EndCol: ln.Col + w.at + len(w.text)}
			if n := lesionNumber(words, k); n > 0 && n <= len(l.out.Lesions) {
				add(n-1, at)
				continue
			}
			if n := hashNumber(w.text); li == 0 && k == 0 && l.headed && n > 0 && n <= len(l.out.Lesions) && !repairsSection(l.block.Value) {
				add(n-1, at) // "#1 left nasal sidewall - 3 stages, 9 blocks" under "Summary:" (under a repairs heading the labels are the repairs', see repairParts)
				continue
			}
			if (slices.Contains(everyWords, w.text) || w.text == "each" || w.text == "every") && k+1 < len(words) && slices.Contains(tumorNouns, words[k+1].text) || // "Each lesion had been biopsied on …"
				(w.text == "both" || w.text == "all") && k+2 < len(words) && cardinalWord(words[k+1].text) > 1 && slices.Contains(tumorNouns, words[k+2].text) ||
				(w.text == "both" || w.text == "all" || w.text == "each") && quantifiesTumors(ln.Text, words, k) || // "Both Mohs tumors were diagnosed on …"
				li == 0 && k == 0 && cardinalWord(w.text) == len(l.out.Lesions) && len(words) > 1 && slices.Contains(everyWords, words[1].text) || // "Two tumors, both proven on …" opening the sentence, as many as the lesions
				li == 0 && k == 0 && pronounsEvery(words, len(l.out.Lesions)) || // "Both had been biopsied by …" after "Two tumors were addressed today."
				cardinalWord(w.text) == len(l.out.Lesions) && quantifiesTumors(ln.Text, words, k) || // "has two biopsy-proven skin cancers"

				forEvery(words, k, len(l.out.Lesions)) || todaysTumors(words, k) {
				add(-1, at)
				continue
			}
			if donorClause(ln.Text, w.at) {
				continue // "…; donor site left upper eyelid skin fold": where the graft came from, no lesion
			}
			if flapName(ln.Text, words, k) {
				continue // "one inferolaterally based cheek rotation flap": the flap's name, no lesion
			}
			if backAdverb(words, k) {
				continue // "Back to the ear.", "the skin undermined front and back": no back's tumor
			}
			named := -1
			side := sideBefore(words, k)
			for i, les := range l.out.Lesions {
				if !slices.Contains(lesionNouns, w.text) && siteWord(w.text, siteWords(les)) && // "lesion" of a heading "The first lesion …" names no site
					(side == "" || !l.sharedSiteWord(w.text) || sideOf(siteWords(les)) == side) { // "The right shin, …" when both shins are lesions
					if named >= 0 {
						named = -2 // two lesions share the word
						break
					}
					named = i
				}
			}
			if named >= 0 && !landmarkBefore(ln.Text, words, k) {
				add(named, at)
			}
		}
	}
	return refs
}

// backAdverb reports whether the word at k is "back" used as an adverb, not
// the site: "Back to the ear.", "we went back to the nose", "undermined
// front and back", "back and forth".
func backAdverb(words []sentenceWord, k int) bool {
	if words[k].text != "back" {
		return false
	}
	if k+1 < len(words) {
		switch words[k+1].text {
		case "to", "at", "from", "into", "and", "in":
			return k == 0 || !slices.Contains([]string{"upper", "lower", "mid", "middle", "left", "right", "the", "his", "her", "central"}, words[k-1].text)
		}
	}
	return k > 1 && words[k-1].text == "and" && words[k-2].text == "front"
}

// flapName reports whether the site word at k names a flap by the region
// it is raised from, the flap's kind after it: "cheek rotation flap",
// "cheek advancement flap", "nasolabial transposition flap". Not "the scalp
// flap" nor "Scalp: rotation flap", the flap of the scalp's tumor.
func flapName(text string, words []sentenceWord, k int) bool {
	if k+2 >= len(words) || words[k+2].text != "flap" && words[k+2].text != "flaps" ||
		strings.TrimSpace(text[words[k].at+len(words[k].text):words[k+1].at]) != "" {
		return false // not "Scalp: rotation flap, …": the scalp's flap
	}
	switch words[k+1].text {
	case "rotation", "advancement", "transposition", "interpolation", "interpolated", "island":
		return true
	}
	return false
}

// landmarkBefore reports whether the site word at k is a landmark another
// site is placed by ("about 1 cm below and lateral to the forehead site",
// "2 cm above the left eyebrow"): a landmark word within the three words
// before it, in the same clause of text ("as dictated above; the helix
// stage 1 …" names the helix).
func landmarkBefore(text string, words []sentenceWord, k int) bool {
	for j := max(k-3, 0); j < k; j++ {
		if strings.ContainsAny(text[words[j].at:words[k].at], ",;:.()") {
			continue
		}
		switch words[j].text {
		case "below", "above", "beneath", "near", "beside":
			return true
		case "adjacent", "lateral", "medial", "superior", "inferior", "proximal", "distal":
			if words[j+1].text == "to" {
				return true // "lateral to the forehead site"
			}
		}
	}
	return false
}

// leadLabel is the lesion whose label opens a sentence as a list marker —
// a letter or roman numeral with a parenthesis or a period ("A) full-thickness
// skin graft …", "II. complex repair …"), or a number with a parenthesis
// ("2) intermediate closure …") — or a lesion's letter before a stage
// ("A stage 2, 1 block."), and the marker's length; -1 when none does.
func (l *lowerer) leadLabel(text string) (int, int) {
	if !l.headed {
		return -1, 0
	}
	head, rest, ok := strings.Cut(text, " ")
	clock := 0 // "0905 A stage 1: …": a case log's time before the entry
	if ok && isClock(head) {
		entry := strings.TrimLeft(rest, " ")
		clock = len(text) - len(entry)
		head, rest, ok = strings.Cut(entry, " ")
	}
	if ok && len(head) == 1 && head[0] >= 'A' && head[0] <= 'E' {
		// a case log's "A stage 2, 1 block." and "C stg 3: clear" under
		// "site A: R helix …": the lesion's letter opens its stage's entry
		if next, _, _ := strings.Cut(strings.TrimSpace(rest), " "); slices.Contains(stageNouns, asciiLower(next)) {
			if les := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == head }); les >= 0 {
				return les, clock + 1
			}
		}
		return -1, 0
	}
	if !ok || len(head) < 2 {
		return -1, 0
	}
	label, end := strings.TrimPrefix(head[:len(head)-1], "("), head[len(head)-1]
	switch {
	case label == "" || end != ')' && end != '.':
	case grammar.IsDigits(label) && end == ')', strings.Trim(label, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" && len(label) <= 4:
		if les := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label }); les >= 0 {
			return les, len(head)
		}
	}
	return -1, 0
}

// isClock reports whether w is a time of day as a case log writes it:
// "0905", "14:20".
func isClock(w string) bool {
	w = strings.Replace(w, ":", "", 1)
	if len(w) != 4 || !grammar.IsDigits(w) {
		return false
	}
	return (w[0]-'0')*10+(w[1]-'0') < 24 && w[2] < '6'
}

// forEvery reports whether words[k] opens "both" or "all" and the lesions'
// number after "for", "in", "of" or "to", at the end of the sentence or
// before a reason: "Mohs was indicated for both because of …", "Mohs was
// chosen for all three because of the facial locations".
func forEvery(words []sentenceWord, k, lesions int) bool {
	if k == 0 || !slices.Contains([]string{"for", "in", "of", "to"}, words[k-1].text) {
		return false
	}
	next := k + 1
	switch {
	case words[k].text == "both":
	case words[k].text == "all" && next < len(words) && cardinalWord(words[next].text) == lesions:
		next++
	default:
		return false
	}
	return next == len(words) || slices.Contains([]string{"because", "given", "due", "as", "since", "owing"}, words[next].text)
}

// todaysTumors reports whether words[k] is a plural tumor noun after
// "today's" or "these": "Today's tumors were biopsied on 03/03/2026",
// "these lesions".
func todaysTumors(words []sentenceWord, k int) bool {
	switch {
	case k == 0 || !slices.Contains(tumorNouns, words[k].text) || !strings.HasSuffix(words[k].text, "s"):
		return false
	case words[k-1].text == "these":
		return true
	}
	return k >= 2 && words[k-1].text == "s" && words[k-2].text == "today"
}

// pronounsEvery reports whether a sentence opens with "both" (of two
// lesions), "each" or "all" and the lesions' number ("all three") standing
// for the lesions, before a verb or a biopsy word: "Both had been biopsied
// …", "Each had been confirmed by biopsy on …", "All three were proven on
// shave biopsies", "All three bx-proven".
func pronounsEvery(words []sentenceWord, lesions int) bool {
	k := 1
	switch {
	case len(words) > 1 && words[0].text == "both" && lesions == 2:
	case len(words) > 1 && words[0].text == "each" && lesions > 1: // "Each had been confirmed by biopsy on 10/16/2026."
	case len(words) > 2 && words[0].text == "all" && cardinalWord(words[1].text) == lesions:
		k = 2
	default:
		return false
	}
	switch words[k].text {
	case "had", "have", "were", "are", "was", "bx", "biopsy", "biopsied": // "All three bx-proven (shave bx 06/10/2026)."
		return true
	}
	return false
}

// tumorNouns name a tumor as a lesion of the note.
var tumorNouns = []string{"tumor", "tumors", "tumour", "tumours", "lesion", "lesions", "site", "sites", "cancers", "carcinomas", "diagnoses"}

// quantifiesTumors reports whether a tumor noun follows words[k] in the
// same phrase, over at most four describing words set apart only by
// spaces or hyphens: "both tumors", "two biopsy-proven skin cancers".
func quantifiesTumors(text string, words []sentenceWord, k int) bool {
	for j := k + 1; j < len(words) && j <= k+5; j++ {
		prev := words[j-1]
		if strings.Trim(text[prev.at+len(prev.text):words[j].at], " -") != "" {
			return false // "two stages; tumor …": another phrase
		}
		switch w := words[j].text; {
		case slices.Contains(tumorNouns, w):
			return true
		case j == k+1 && w == "of" || j == k+2 && words[k+1].text == "of" && slices.Contains([]string{"the", "these", "her", "his", "their"}, w):
			continue // "both of the basal cell carcinomas you had confirmed"
		case j == k+1 && tumorCount(w) > 1 && (words[k].text == "all" || words[k].text == "both"):
			continue // "All 3 bx-proven (shave bx 8/27/26)"
		case (j == k+1 || j == k+2 && tumorCount(words[k+1].text) > 1) &&
			(w == "biopsied" || w == "proven" || (w == "biopsy" || w == "bx") && j+1 < len(words) && words[j+1].text == "proven"):
			return true // "Mohs surgery x2 today; both biopsy-proven on shave biopsies of 10/16/2026": only tumors are
		case slices.Contains([]string{"of", "and", "or", "in", "on", "at", "to", "for", "with", "the", "a", "an", "was", "were", "is", "are", "which", "that"}, w),
			cardinalWord(w) > 0 || blockWords[w]:
			return false
		}
	}
	return false
}

// sentenceWord is a lower-case word of a line, its byte offset, and
// whether only spaces set it apart from the word before.
type sentenceWord struct {
	text   string
	at     int
	spaced bool
}

// sentenceWords splits a line into lower-case words of letters, digits
// and '#' ("1.8" is one word).
func sentenceWords(text string) []sentenceWord {
	var out []sentenceWord
	start, spaced := -1, false
	for i := 0; i <= len(text); i++ {
		c := byte(0)
		if i < len(text) {
			c = text[i]
		}
		in := isLetterByte(c) || c >= '0' && c <= '9' || c == '#' ||
			c == '.' && start >= 0 && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9'
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, sentenceWord{text: asciiLower(text[start:i]), at: start, spaced: spaced})
			start, spaced = -1, true
		}
		if !in && c != ' ' {
			spaced = false
		}
	}
	return out
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lesionNouns name a lesion before its number: "site one", "lesion #2".
var lesionNouns = []string{"site", "lesion", "tumor", "tumour"}

// lesionNumber is the lesion words k names by number: "site one", "site
// 2", "lesion #3", "the second tumor"; 0 when none.
func lesionNumber(words []sentenceWord, k int) int {
	if k+1 >= len(words) {
		return 0
	}
	w, next := words[k].text, words[k+1]
	if slices.Contains(lesionNouns, w) && next.spaced {
		if n, err := strconv.Atoi(strings.TrimPrefix(next.text, "#")); err == nil && n > 0 {
			return n
		}
		if n := cardinalWord(next.text); n > 0 {
			return n
		}
	}
	if i := slices.Index(lesionOrdinals, w); i >= 0 && slices.Contains(lesionNouns, next.text) {
		return i%5 + 1
	}
	if l := strings.TrimSuffix(strings.TrimSuffix(next.text, "'s"), "’s"); slices.Contains(lesionNouns, w) && next.spaced && len(l) == 1 && l[0] >= 'a' && l[0] <= 'e' &&
		(k+2 >= len(words) || !slices.Contains([]string{"few", "cm", "mm", "centimeter", "millimeter", "centimeters", "millimeters"}, words[k+2].text)) {
		return int(l[0]-'a') + 1 // "Tumor A was closed with …", "Tumor B's second stage", not "a tumor a few millimeters from …"
	}
	return 0
}

// tumorCount is a count of tumors in words or one digit: "three", "3".
func tumorCount(w string) int {
	if len(w) == 1 && w[0] >= '2' && w[0] <= '9' {
		return int(w[0] - '0')
	}
	return cardinalWord(w)
}

// cardinalWord is the number a cardinal word names ("two" → 2), or 0.
func cardinalWord(w string) int {
	return slices.Index([]string{"one", "two", "three", "four", "five"}, w) + 1
}

// siteModifiers place a site without naming it, or are words any
// sentence may hold ("sun-damaged skin").
var siteModifiers = []string{"left", "right", "upper", "lower", "medial", "lateral", "dorsal", "ventral", "anterior", "posterior",
	"superior", "inferior", "mid", "central", "proximal", "distal", "bilateral", "of", "the", "and",
	"skin", "area", "region", "surface", "aspect", "side",
	"complex"} // "nipple-areolar complex": no name of the site in "Complex Closure after tumor clearance"

// siteNoun reports whether a word names a site by one of its anatomic
// words or an adjective made from it ("helical" for "helix").
func siteNoun(word, site string) bool {
	if len(word) < 3 {
		return false
	}
	for s := range strings.FieldsFuncSeq(asciiLower(site), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if len(s) < 3 || slices.Contains(siteModifiers, s) || tumorTextWords[s] {
			continue
		}
		if word == s || len(s) >= 5 && len(word) > len(s) && strings.HasPrefix(word, s[:len(s)-1]) {
			return true
		}
	}
	return false
}

// tumorTextWords are the words of a label's text that tell its tumor, not
// its site ("TUMOR #1. The right cheek lesion was a nodular basal cell
// carcinoma"): they name no lesion by its site (the next tumor's
// "carcinoma measuring 1.6 x 1.2 cm" is not the cheek's).
var tumorTextWords = map[string]bool{"carcinoma": true, "basal": true, "cell": true, "cells": true, "squamous": true,
	"nodular": true, "superficial": true, "infiltrative": true, "micronodular": true, "morpheaform": true, "melanoma": true,
	"lesion": true, "lesions": true, "tumor": true, "tumors": true, "tumour": true, "tumours": true, "situ": true,
	"was": true, "were": true, "the": true, "and": true, "with": true, "differentiated": true, "invasive": true, "bcc": true, "scc": true}

// sharedParagraphs hands to every lesion the paragraphs of an unlabelled
// dictation's first lesion that name tumors at two or more sites, or speak
// of several at once ("Mohs micrographic surgery of two sites"), and no
// stage ("two biopsy-proven cancers: a nodular basal cell carcinoma of the
// right temple …, and a … squamous cell carcinoma of the left dorsal hand
// …"): they speak of every lesion the prose later opens, not of the first.
func (l *lowerer) sharedParagraphs() {
	if l.headed || len(l.out.Lesions) < 2 || l.paragraphs == nil {
		return // (a note of no prose has no paragraphs to share, nor their maps)
	}
	l.sharedHistory()
	// prose handed to every lesion already (a practice's name, an intro
	// sentence of its own) keeps with the first lesion a paragraph that
	// repairs (its part of "After tumor clearance at both sites, the
	// temple defect …")
	handed := len(l.paragraphs[noteScope]) > 0
	hist := l.history[0][:0]
	for _, par := range l.history[0] {
		if indicationKey(par) && ofSeveral(par) { // "INDICATIONS: Both tumors are biopsy-proven …"
			l.paragraphs[noteScope] = append(l.paragraphs[noteScope], par)
			if ind := &l.out.Lesions[0].Indication; len(par) > 0 && ind.Line == par[0].Line {
				*ind = model.Text{} // shareBySentence gives each its own
			}
			continue
		}
		hist = append(hist, par)
	}
	l.history[0] = hist
	own := l.paragraphs[0][:0]
	for _, par := range l.paragraphs[0] {
		if len(par) > 0 && !l.repairSplits[lastSpan(par)] && ofSeveral(par) && (!handed || !mentions(sentenceText(par), repairWords)) { // not "Repairs, after tumor clearance at both sites: The nasal tip defect …", the first lesion's part
			l.paragraphs[noteScope] = append(l.paragraphs[noteScope], par)
			if p, ok := l.procedure[0]; ok && len(par) > 0 && p.Line == par[0].Line {
				delete(l.procedure, 0) // "Mohs surgery of two sites; repair of the right forearm" is no site of the first
			}
			if ind := &l.out.Lesions[0].Indication; len(par) > 0 && ind.Line == par[0].Line {
				*ind = model.Text{} // "INDICATIONS: Both tumors …": shareBySentence gives each its own
			}
			continue
		}
		own = append(own, par)
	}
	l.paragraphs[0] = own
	sortParagraphs(l.paragraphs[noteScope])
}

// sharedHistory hands to every lesion the first lesion's history
// paragraphs that name two lesions' sites or more ("HPI: … a biopsy-proven BCC of the left preauricular cheek; … a
// pearly papule on the nasal dorsum …, and after discussion both were
// treated today"): of every lesion, not the first's.
func (l *lowerer) sharedHistory() {
	hist := l.history[0][:0]
	for _, par := range l.history[0] {
		if refs := l.lesionMentions(par); len(par) > 0 && !indicationKey(par) && len(refs) > 1 && !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 }) {
			l.history[noteScope] = append(l.history[noteScope], par)
			continue
		}
		hist = append(hist, par)
	}
	l.history[0] = hist
}

// shareIndications hands the first lesion's indication paragraphs, and its
// history paragraphs that speak of several tumors, to every lesion when a
// dictation's "SITE ONE (…):" shows that what came before it speaks of all
// of them.
func (l *lowerer) shareIndications() {
	hist := l.history[0][:0]
	for _, par := range l.history[0] {
		if indicationKey(par) || ofSeveral(par) { // "History: … (1) … of the left dorsal hand … and (2) … Both were biopsied …"
			l.paragraphs[noteScope] = append(l.paragraphs[noteScope], par)
			if ind := &l.out.Lesions[0].Indication; len(par) > 0 && ind.Line == par[0].Line {
				*ind = model.Text{}
			}
			continue
		}
		hist = append(hist, par)
	}
	l.history[0] = hist
	sortParagraphs(l.paragraphs[noteScope])
}

// labelledIntro gives each lesion the sentences of the prose before the
// lesions that open with its label and those after them, up to the next
// lesion's ("Lesion A is a nodular basal cell carcinoma of the left nasal
// sidewall, …; Mohs was indicated by the nasal (H-zone) location. It
// measured 0.6 x 0.5 cm. Lesion B is …"), as that lesion's history: its
// site, diagnosis, size and indication, never a stage.
func (l *lowerer) labelledIntro() {
	if len(l.out.Lesions) < 2 || !l.headed && !l.proseLabelled {
		return
	}
	for k, own := range l.introSentences() {
		l.history[k] = append(l.history[k], own...)
		if !l.scoped(k) {
			l.scopes = append(l.scopes, k)
		}
	}
}

// proseSiteHeadings gives each lesion that has no site yet the site its own
// prose places its tumor at ("The first tumor is a nodular basal cell
// carcinoma of the left nasal ala, …"), as its heading's words, so that a
// paragraph of repairs that names the defects by site can be told apart.
func (l *lowerer) proseSiteHeadings() {
	for k := range l.out.Lesions {
		les := &l.out.Lesions[k]
		if les.Site.Text.Present() || les.HeadingText.Present() || len(l.paragraphs[k]) == 0 {
			continue
		}
		f := prose.Read(l.paragraphs[k])
		for _, d := range f.Diagnoses {
			if d.Site != "" {
				les.HeadingText = model.Text{Value: d.Site, Line: d.SiteSpan.Line}
				break
			}
		}
		if sites := specificSites(f.Sites); !les.HeadingText.Present() && len(sites) == 1 {
			les.HeadingText = model.Text{Value: sites[0].Value, Line: sites[0].Span.Line}
		}
	}
}

// introSites gives each lesion that has no site yet the site its intro
// sentences name (see labelledIntro), as its heading's words, so that the
// sentences after the lesions that name their defects by site ("The left
// nasal sidewall defect … The right neck defect …") can be told apart.
func (l *lowerer) introSites() {
	if len(l.out.Lesions) < 2 || len(l.paragraphs[noteScope]) == 0 && len(l.history[noteScope]) == 0 {
		return
	}
	for k, own := range l.introSentences() {
		les := &l.out.Lesions[k]
		if les.Site.Text.Present() || les.HeadingText.Present() {
			continue
		}
		f := prose.Read(own)
		for _, d := range f.Diagnoses {
			if d.Site != "" {
				les.HeadingText = model.Text{Value: d.Site, Line: d.SiteSpan.Line}
				break
			}
		}
	}
}

// introSentences are the sentences of the prose before the lesions that
// speak of one lesion each (see labelledIntro), by lesion.
func (l *lowerer) introSentences() map[int][][]prose.Line {
	out := map[int][][]prose.Line{}
	for _, pars := range [][][]prose.Line{l.paragraphs[noteScope], l.history[noteScope]} {
		for _, par := range pars {
			cur := -1
			var own []prose.Line
			flush := func() {
				if cur >= 0 && len(own) > 0 {
					out[cur] = append(out[cur], own)
				}
				own = nil
			}
			for _, sen := range prose.Sentences([][]prose.Line{par}) {
				if len(sen) == 0 {
					continue
				}
				if m := proseLabelRE.FindStringSubmatchIndex(sen[0].Text); m != nil && strings.TrimSpace(sen[0].Text[:m[0]]) == "" {
					if k := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool {
						return strings.EqualFold(les.Label, sen[0].Text[m[2]:m[3]])
					}); k >= 0 {
						flush()
						cur = k
					}
				}
				if cur >= 0 {
					own = append(own, sen...)
				}
			}
			flush()
		}
	}
	return out
}

// sortParagraphs puts paragraphs in note order.
func sortParagraphs(pars [][]prose.Line) {
	slices.SortStableFunc(pars, func(a, b []prose.Line) int {
		if len(a) == 0 || len(b) == 0 {
			return len(a) - len(b)
		}
		return a[0].Line - b[0].Line
	})
}

// ofSeveral reports whether a paragraph names tumors at two or more sites,
// or speaks of several at once, and names no stage.
func ofSeveral(par []prose.Line) bool {
	f := prose.Read([][]prose.Line{par})
	if len(f.Stages) > 0 || len(f.StageCount) > 0 {
		return false
	}
	sites := map[string]bool{}
	for _, d := range f.Diagnoses {
		if d.Site != "" {
			sites[letters(d.Site)] = true
		}
	}
	return len(sites) >= 2 || speaksOfEvery(par)
}

// speaksOfEvery reports whether a paragraph speaks of several tumors at
// once: "Mohs micrographic surgery of two sites", "Both tumors are
// biopsy-proven", "Each site was mapped".
func speaksOfEvery(par []prose.Line) bool {
	for _, ln := range par {
		words := sentenceWords(ln.Text)
		for k := 0; k+1 < len(words); k++ {
			w := words[k].text
			if (w == "both" || w == "each" || w == "all" || cardinalWord(w) > 1) && quantifiesTumors(ln.Text, words, k) {
				return true
			}
		}
	}
	return false
}

// numberedSites gives the lesions a log opened by number or letter alone
// ("1", "2", "3" or "A", "B" in its lesion column) the sites of a numbered
// or lettered list of diagnoses
// before it ("1. Squamous cell carcinoma, moderately differentiated - left
// temple (…); 1.2 x 1.0 cm; …"), item n to lesion n, when every lesion is
// so numbered, none has a site, and each item names one diagnosis at a
// site; shareBySite then gives each lesion the rest of its item.
func (l *lowerer) numberedSites(dx []prose.Diagnosis) {
	lesions := l.out.Lesions
	if len(lesions) < 2 || len(dx) != len(lesions) {
		return
	}
	sites := make([]string, len(lesions))
	for i, les := range lesions {
		site := dashedSite(dx[i].Site)
		if les.Label != strconv.Itoa(i+1) && les.Label != string(rune('A'+i)) || siteWords(les) != "" || resolvedSite(site) == "" || !l.numberedLine(dx[i].Span.Line, les.Label) {
			return
		}
		sites[i] = site
	}
	for i := range lesions {
		lesions[i].HeadingText = model.Text{Value: sites[i], Line: dx[i].SiteSpan.Line}
	}
}

// dashedSite is a diagnosis's site without the words before a dash that
// describe the tumor: "left temple" of "moderately differentiated - left
// temple".
func dashedSite(site string) string {
	if k := strings.LastIndex(site, " - "); k >= 0 && resolvedSite(site[k+3:]) != "" {
		return site[k+3:]
	}
	return strings.TrimPrefix(site, "- ") // "- left lower leg" of "… in situ - left lower leg"
}

// numberedLine reports whether the note's line ln is an item numbered or
// lettered label ("1.", "2)", "B.").
func (l *lowerer) numberedLine(ln int, label string) bool {
	for _, line := range l.lines {
		if line.Pos.Line == ln {
			it := line.Item
			return it != nil && it.Marker != nil && isOrdinalMarker(it.Marker.Text) && markerLabel(it.Marker.Text) == label
		}
	}
	return false
}

// shareBySite gives each lesion what the prose before the lesions says of
// it by its site: "two biopsy-proven tumors (…): a basal cell carcinoma of
// the left antihelix, 0.8 x 0.7 cm, and a squamous cell carcinoma of the
// right shin, 1.5 x 1.3 cm. Mohs was chosen for the ear because …, and for
// the shin because …"; a SOAP note's "S: … BCC of the left nasal ala" and
// "O: Left nasal ala: 0.9 x 0.7 cm pearly papule". It gives nothing unless
// every diagnosis there that names a site names one lesion's, in the
// lesions' order, and every lesion is named: a lesion without a diagnosis takes its own, a
// size goes to the lesion whose diagnosis it follows, a prior biopsy to every lesion when there is one lesion or the
// words say it is of every tumor, an indication when it names every
// lesion's site.
func (l *lowerer) shareBySite(par [][]prose.Line, f *prose.Facts) {
	lesions := l.out.Lesions
	l.numberedSites(f.Diagnoses)
	l.sitesNamed(f.Diagnoses)
	firstDx := make([]int, len(lesions)) // each lesion's first diagnosis in the paragraph
	named, again := 0, 0
	for k, d := range f.Diagnoses {
		i := slices.IndexFunc(lesions, func(les model.Lesion) bool {
			opened, _ := anatomy.Resolve(siteWords(les))
			return sameSite(d.Site, siteWords(les)) || fewerWords(d.Site, siteWords(les)) || // "Eyelid: the first stage …" for the right lower eyelid, "Right hand, first stage" for the right dorsal hand
				sidedTerm(d.Site, opened) // "Concha: …" for "the right conchal bowl"
		})
		if i < 0 && regionWords[letters(d.Site)] {
			continue // "… because it is an invasive squamous cell carcinoma of the face": the region of a tumor named, no tumor of its own
		}
		if i < 0 && d.Site == "" {
			continue // "The right dorsal forearm lesion was shave biopsied … and showed squamous cell carcinoma in situ": a tumor the sentence names by no site of the prose reader's
		}
		switch {
		case i >= 0 && named == len(lesions) && i == again%len(lesions):
			again++ // the lesions told again, in their order: "PREOPERATIVE DIAGNOSES: 1. …, right nasal dorsum. 2. …, crown of scalp." over "… basal cell carcinoma of the right nasal dorsum …, and squamous cell carcinoma in situ of the crown of the scalp"
		case i < 0 || i < named-1:
			return // a diagnosis of no lesion, or out of the lesions' order
		case i == named:
			firstDx[i] = k
			named++
		case i > named:
			return
		}
	}
	if len(lesions) == 0 || named != len(lesions) {
		return
	}
	for i := range lesions { // "PREOPERATIVE DIAGNOSES: 1. Basal cell carcinoma, right temple. 2. …"
		d := f.Diagnoses[firstDx[i]]
		if !lesions[i].Diagnosis.Present() && d.Text != "" {
			lesions[i].Diagnosis = model.Text{Value: d.Text, Line: d.Span.Line}
		}
		opened, _ := anatomy.Resolve(siteWords(lesions[i]))
		if site := dashedSite(d.Site); sideless(site, siteWords(lesions[i])) || sidedTerm(site, opened) { // the diagnosis names the site in full, with its side
			lesions[i].Site.Text = model.Text{Value: site, Line: d.SiteSpan.Line}
		}
	}
	for i := range lesions { // "… of the left nasal ala (0.7 × 0.6 cm; nasal location, H-zone), …"
		l.siteParenthesis(&lesions[i], par, f.Diagnoses[firstDx[i]])
	}
	if len(f.PreopSize) == len(lesions) {
		for i, m := range f.PreopSize {
			if !before(f.Diagnoses[firstDx[i]].Span, m.Span) || i+1 < len(lesions) && !before(m.Span, f.Diagnoses[firstDx[i+1]].Span) {
				return
			}
		}
		for i, m := range f.PreopSize {
			if !lesions[i].Size.Present() {
				lesions[i].Size = m.Size
			}
		}
	}
	if len(f.PriorBiopsy) == 1 && f.PriorBiopsy[0].Yes && (len(lesions) == 1 || ofEvery(spanText(par, f.PriorBiopsy[0].Span, 40))) {
		for i := range lesions {
			if !lesions[i].PriorBiopsy.Present() {
				lesions[i].PriorBiopsy = model.Flag{Yes: true, Line: f.PriorBiopsy[0].Span.Line}
			}
		}
	}
	if len(f.Indication) == 1 {
		ind := f.Indication[0]
		for _, les := range lesions {
			if len(lesions) > 1 && !namesSite(ind.Value, siteWords(les)) {
				return
			}
		}
		for i := range lesions {
			if !lesions[i].Indication.Present() {
				lesions[i].Indication = model.Text{Value: ind.Value, Line: ind.Span.Line}
			}
		}
	}
}

// siteParenthesis gives a lesion what the parenthesis right after its
// diagnosis's site says of it, part by part: its size ("(0.7 × 0.6 cm;
// nasal location, H-zone)") and the reason Mohs was chosen, when the
// lesion states neither.
func (l *lowerer) siteParenthesis(les *model.Lesion, par [][]prose.Line, d prose.Diagnosis) {
	if d.SiteSpan.Line == 0 {
		return
	}
	after := spanText(par, d.SiteSpan, 200)
	site := d.SiteSpan.EndCol - d.SiteSpan.Col
	if site < 0 || site > len(after) || d.SiteSpan.EndLine != d.SiteSpan.Line {
		return // a site that runs over a line end ("right temple\nio …") has no parenthesis after it on its line
	}
	rest := strings.TrimLeft(after[site:], " ")
	inner, _, closed := strings.Cut(strings.TrimPrefix(rest, "("), ")")
	if !strings.HasPrefix(rest, "(") || !closed {
		return
	}
	at := d.SiteSpan.Col + len(after) - len(rest) + 1
	for _, part := range strings.Split(inner, ";") {
		text := strings.TrimSpace(part)
		v := &grammar.Value{Pos: lexer.Position{Line: d.SiteSpan.Line, Column: at}, Text: text}
		switch sz, err := size("Size", v); {
		case err == nil && len(sz.Dims) > 0:
			if !les.Size.Present() {
				les.Size = sz
			}
		case prose.GivesReason([]prose.Line{{Text: text, Line: d.SiteSpan.Line, Col: at}}):
			if !les.Indication.Present() {
				les.Indication = model.Text{Value: text, Line: d.SiteSpan.Line}
			}
		}
		at += len(part) + 1
	}
}

// sitesNamed gives a lesion without a site the site of the one diagnosis
// of the shared paragraphs whose site words its own prose repeats ("We
// began with the right temple.", "Attention was then turned to the second
// site, the left dorsal hand."), with the evidence where its prose says it.
func (l *lowerer) sitesNamed(dx []prose.Diagnosis) {
	for i := range l.out.Lesions {
		les := &l.out.Lesions[i]
		if siteWords(*les) != "" {
			continue
		}
		found, line := "", 0
		for _, d := range dx {
			if d.Site == "" || letters(d.Site) == letters(found) {
				continue
			}
			if at := l.proseLine(i, d.Site); at > 0 {
				if found != "" {
					found = "" // two sites named: the prose does not tell which
					break
				}
				found, line = d.Site, at
			}
		}
		if found != "" {
			les.Site.Text = model.Text{Value: found, Line: line}
		}
	}
}

// proseLine is the first line of a lesion's own prose that holds words
// (as whole words, in any case), or 0.
func (l *lowerer) proseLine(lesion int, words string) int {
	want := " " + strings.Join(strings.Fields(asciiLower(words)), " ") + " "
	for _, par := range l.paragraphs[lesion] {
		for _, ln := range par {
			text := " " + strings.Join(strings.FieldsFunc(asciiLower(ln.Text), func(r rune) bool {
				return r == ' ' || r == ',' || r == '.' || r == ';' || r == ':' || r == '(' || r == ')'
			}), " ") + " "
			if strings.Contains(text, want) {
				return ln.Line
			}
		}
	}
	return 0
}

// siteWords are a lesion's site as its site field or its label's text
// ("Lesion 1 - left nasal ala") writes it.
func siteWords(les model.Lesion) string {
	if les.Site.Text.Present() {
		return les.Site.Text.Value
	}
	return les.HeadingText.Value
}

// sizesByParagraph gives the lesions their sizes from one paragraph above
// them that names each lesion's diagnosis at its site, in the lesions'
// order, each followed by its size before the next ("… two biopsy-proven
// skin cancers: a nodular basal cell carcinoma of the left nasal dorsum
// (shave biopsy 05/19/2026) measuring 0.8 x 0.7 cm, and a … squamous cell
// carcinoma of the right cheek … measuring 1.1 x 0.9 cm"), when the note's
// other paragraphs above them (a list of diagnoses, of procedures) name
// the sites again and shareBySite cannot tell whose the sizes are.
func (l *lowerer) sizesByParagraph(par [][]prose.Line) {
	lesions := l.out.Lesions
	if len(lesions) < 2 || len(par) < 2 || !slices.ContainsFunc(lesions, func(les model.Lesion) bool { return !les.Size.Present() }) {
		return
	}
	for _, p := range par {
		f := prose.Read([][]prose.Line{p})
		sited := slices.DeleteFunc(f.Diagnoses, func(d prose.Diagnosis) bool { return d.Site == "" }) // "two biopsy-proven basal cell carcinomas: …"
		if len(sited) != len(lesions) || len(f.PreopSize) != len(lesions) {
			continue
		}
		inTurn := true
		for k, d := range sited {
			w := siteWords(lesions[k])
			next := k+1 < len(lesions)
			if !sameSite(d.Site, w) && !fewerWords(d.Site, w) || !before(d.Span, f.PreopSize[k].Span) ||
				next && !before(f.PreopSize[k].Span, sited[k+1].Span) {
				inTurn = false
				break
			}
		}
		if !inTurn {
			continue
		}
		for k, m := range f.PreopSize {
			if !lesions[k].Size.Present() {
				lesions[k].Size = m.Size
			}
		}
		return
	}
}

// elsewhere reports whether a biopsy's site names another place than the
// lesion's site: both resolve, each on its side, to different terms or
// sides. A region without a side ("face", "hand") may hold the lesion.
func elsewhere(biopsySite, lesionSite string) bool {
	b, okb := anatomy.Resolve(biopsySite)
	les, okl := anatomy.Resolve(lesionSite)
	return okb && okl && len(b.Terms) > 0 && len(les.Terms) > 0 && b.Laterality != "" && les.Laterality != "" &&
		(b.Terms[0].Name != les.Terms[0].Name || b.Laterality != les.Laterality)
}

// sameSite reports whether two site texts name one site: the same words, or
// the same anatomic terms on the same side.
func sameSite(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if letters(a) == letters(b) {
		return true
	}
	sa, oka := anatomy.Resolve(a)
	sb, okb := anatomy.Resolve(b)
	return oka && okb && sa.Laterality == sb.Laterality && len(sa.Terms) > 0 && len(sb.Terms) > 0 &&
		sa.Terms[0].Name == sb.Terms[0].Name
}

// namesSite reports whether text names a site by one of its words other
// than its side ("shin" of "right shin"), or by its region ("ear" for the
// left antihelix).
func namesSite(text, site string) bool {
	words := strings.Fields(asciiLower(text))
	has := func(w string) bool {
		return slices.ContainsFunc(words, func(x string) bool { return strings.Trim(x, ".,;:()") == w })
	}
	s, ok := anatomy.Resolve(site)
	if ok && s.Groups.ICD != "" && has(s.Groups.ICD) {
		return true
	}
	for _, w := range strings.Fields(asciiLower(site)) {
		if w != "left" && w != "right" && len(w) > 3 && has(w) {
			return true
		}
	}
	return false
}

// everyWords say that a statement is of every tumor: "two biopsy-proven
// tumors", "both shave biopsies".
var everyWords = []string{"both", "tumors", "tumours", "lesions", "cancers", "carcinomas", "sites", "all"}

// ofEvery reports whether text speaks of every tumor, by whole words.
func ofEvery(text string) bool {
	return slices.ContainsFunc(strings.Fields(asciiLower(text)), func(w string) bool {
		return slices.Contains(everyWords, strings.Trim(w, ".,;:()"))
	})
}

// before reports whether span a starts before span b.
func before(a, b prose.Span) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// spanText is the text of a span and up to after more bytes of its line.
func spanText(par [][]prose.Line, s prose.Span, after int) string {
	for _, lines := range par {
		for _, ln := range lines {
			if ln.Line != s.Line || s.Col < ln.Col || s.Col-ln.Col > len(ln.Text) {
				continue
			}
			from := s.Col - ln.Col
			end := len(ln.Text)
			if s.EndLine == s.Line {
				end = min(max(s.EndCol-ln.Col, from)+after, len(ln.Text))
			}
			return ln.Text[from:end]
		}
	}
	return ""
}

// historyKeys head the patient's history, whose "stage II" is a tumor's
// stage and whose procedures were done before today.
var historyKeys = []string{"history", "hpi", "past medical", "past surgical", "hx"}

// todayKeys head today's procedure; a heading that joins one to the
// history ("HISTORY AND PROCEDURE:", "HPI / Operative course") heads both,
// and its stages are today's ("Past surgical history and procedures:" is
// history alone).
var todayKeys = []string{"procedure", "operation", "operative", "technique", "findings", "course", "description", "indication"}

// isHistoryKey reports whether a key or heading heads the history, and
// nothing but the history.
func isHistoryKey(key string) bool {
	if key == "" || !mentions(key, historyKeys) {
		return false
	}
	today := mentions(key, []string{" and ", "&", "/"}) && mentions(key, todayKeys) && !mentions(key, []string{"past", "prior", "previous"})
	return !today
}

// pastOnly drops from a history what would count stages or repairs: its
// "stage II" is a tumor's stage, its excisions were done before today. What
// it tells of the tumor, the biopsies, the map and the reader stays.
func pastOnly(f prose.Facts) prose.Facts {
	// "… in 2021 (two stages), closed with an intermediate repair after tumor
	// clearance": another day's stages, repair and its timing
	f.Stages, f.StageCount, f.Unstaged, f.BlockTotal, f.Repairs, f.ServiceDate, f.Timing = nil, nil, prose.Stage{}, nil, nil, nil, nil
	// what the stage reader found doubtful there is of stages not read ("3
	// stages stated, 1 described" of a Mohs surgery in 2019); the reader's stays
	f.Ambiguities = slices.DeleteFunc(f.Ambiguities, func(a prose.Ambiguity) bool { return !a.Reader })
	return f
}

// encounterProse takes the date of service and who read the slides from
// prose when no field says.
func (l *lowerer) encounterProse(f *prose.Facts) {
	enc := &l.out.Encounter
	if !enc.Date.Present() && len(f.ServiceDate) == 1 {
		d := f.ServiceDate[0]
		v := &grammar.Value{Pos: lexer.Position{Filename: l.out.Source, Line: d.Span.Line, Column: d.Span.Col}, Text: d.Value}
		l.problem(l.encounterField(keyRef{field: fDate, name: "Date of service"}, "Date of service", v))
		if enc.Date.Present() {
			l.remark(ReadFromProse, []prose.Span{d.Span}, "the date of service was read from prose")
		}
	}
	if enc.Pathology.Present() || len(f.Reader) == 0 {
		return
	}
	for _, a := range f.Ambiguities {
		if a.Reader {
			enc.ReaderConflict = model.Text{Value: a.Message, Line: a.Spans[0].Line}
			return
		}
	}
	r := f.Reader[0]
	switch {
	case r.Undersigned:
		if sig := l.signer(r.Span.Line); sig != "" {
			enc.Pathology = model.Text{Value: "read by the undersigned: " + sig, Line: r.Span.Line}
		}
	case r.Surgeon:
		enc.Pathology = model.Text{Value: "read by the Mohs surgeon (as stated in prose)", Line: r.Span.Line}
	case r.NameOnly:
		enc.Pathology = model.Text{Value: "read by " + r.Name, Line: r.Span.Line}
	default:
		enc.Pathology = model.Text{Value: "read by a separate pathologist " + r.Name, Line: r.Span.Line}
	}
}

// keyedStageSites are the sites that open lines of a lesion's prose as
// their key, the line going on to a stage ("Left temple: Stage 1 was 3
// blocks; …"): site paragraphs the note did not open as lesions of their
// own, whose stages would be merged into one lesion.
func keyedStageSites(par [][]prose.Line) []prose.Text {
	var out []prose.Text
	for _, p := range par {
		for _, ln := range p {
			key, rest, ok := strings.Cut(ln.Text, ": ")
			if !ok || wordCount(key, 5) > 4 || !containsFold(rest, "stage") {
				continue
			}
			if site := resolvedSite(key); site != "" {
				out = append(out, prose.Text{Value: site, Span: prose.Span{Line: ln.Line, Col: ln.Col, EndLine: ln.Line, EndCol: ln.Col + len(key)}})
			}
		}
	}
	return out
}

// twoSites reports a lesion whose own prose places tumors at two sites
// that are not one ("a basal cell carcinoma of the left cheek … a squamous
// cell carcinoma of the right forearm"): a second lesion the note does not
// open, which is never merged into the first (lesion-ambiguous, no Mohs
// line for it).
func (l *lowerer) twoSites(les *model.Lesion, f *prose.Facts, par [][]prose.Line) {
	if les.Ambiguous.Present() {
		return
	}
	if later := specificSites(f.LaterSites); len(l.out.Lesions) == 1 && len(later) > 0 {
		// "Then the right anterior knee." in the prose of the note's only
		// lesion: the dictation turned to another tumor the note did not
		// open, and whose words are whose cannot be told
		les.Ambiguous = model.Text{Value: "another tumor on line " + strconv.Itoa(later[0].Span.Line), Line: later[0].Span.Line}
		l.report(LesionAmbiguous.At(les.Label, later[0].Span.Line, later[0].Span.Col, "Lesion %s: its prose turns to another tumor, on the %s: label each lesion; no Mohs line for it", les.Label, later[0].Value))
		return
	}
	sites := append(specificSites(f.Sites), keyedStageSites(par)...)
	if len(sites) < 2 {
		return
	}
	year := "" // the year of service: a year before it names a past tumor
	if d := l.out.Encounter.Date.Value; len(d) >= 4 {
		year = d[:4]
	}
	sites = l.notBiopsied(tumorSites(treatedSites(sites, prose.Sentences(par)), par, year), f.Biopsies)
	for a, sa := range sites {
		for _, sb := range sites[a+1:] {
			if same, _ := sameFact(fSite, sa.Value, sb.Value); same {
				continue
			}
			les.Ambiguous = model.Text{Value: "site on line " + strconv.Itoa(sb.Span.Line) + " (the first is on line " + strconv.Itoa(sa.Span.Line) + ")", Line: sb.Span.Line}
			l.report(LesionAmbiguous.At(les.Label, sb.Span.Line, sb.Span.Col, "Lesion %s: its prose places a tumor on the %s and another on the %s: label each lesion; no Mohs line for it", les.Label, sa.Value, sb.Value))
			return
		}
	}
}

// untreatedCues say that a sentence's site is no tumor of this visit's
// Mohs surgery: "the temple will be treated with Mohs at a separate
// visit", "a lesion of the left cheek, which showed an actinic keratosis",
// "no surgery was done there", "a papule on the left shin that she would
// like checked".
var untreatedCues = []string{"no surgery", "not treated", "not being treated", "not to be treated", "will be treated", "to be treated", "separate visit", "separate day",
	"another visit", "another day", "later date", "future visit", "next visit", "actinic keratos", "seborrheic keratos", "no residual", "postponed",
	"like checked", "like it checked", "to be checked", "be evaluated", // "a pink scaly papule on the left shin that she would like checked"
	"be checked", // "He also asked that a scaly papule on the left upper arm be checked today."
	"return separately", "treated separately", "not yet treated"}

// notBiopsied drops the sites of the biopsies of other lesions the prose
// tells or the note lists ("A 4 mm punch biopsy of the right cheek papule
// was performed"): the lesion biopsied there is no second Mohs tumor.
func (l *lowerer) notBiopsied(sites []prose.Text, biopsies []prose.Biopsy) []prose.Text {
	var at []string
	for _, b := range biopsies {
		at = append(at, b.Site)
	}
	for _, b := range l.out.Biopsies {
		at = append(at, b.Site.Text.Value)
	}
	for i, line := range l.lines {
		if l.opens[i] == opensBiopsy && line.Item != nil && line.Item.Text != nil {
			at = append(at, line.Item.Text.Text) // "Biopsy 1: punch biopsy, left shin" below the lesion, not yet read
		}
	}
	return slices.DeleteFunc(slices.Clone(sites), func(s prose.Text) bool {
		site, ok := anatomy.Resolve(s.Value)
		return ok && slices.ContainsFunc(at, func(b string) bool {
			other, ok := anatomy.Resolve(b)
			return ok && len(other.Terms) > 0 && len(site.Terms) > 0 && other.Terms[0].Name == site.Terms[0].Name && other.Laterality == site.Laterality
		})
	})
}

// tumorSites drops the sites whose clause — the text around the site
// between semicolons and full stops — describes a lesion as something
// else than a tumor and names no tumor, Mohs surgery or biopsy: "new brown
// patch on the left cheek" in "CHIEF COMPLAINT: Large skin cancer of the
// left upper back for Mohs; new brown patch on the left cheek; …" places
// no tumor. A site in a clause that names neither stays (another tumor the
// note does not open is never merged into this lesion). A site a year of
// the past follows ("of the nose in 2018") is a past tumor's.
func tumorSites(sites []prose.Text, par [][]prose.Line, year string) []prose.Text {
	return slices.DeleteFunc(slices.Clone(sites), func(s prose.Text) bool {
		for _, p := range par {
			for _, ln := range p {
				if ln.Line != s.Span.Line || s.Span.Col < ln.Col || s.Span.Col-ln.Col > len(ln.Text) {
					continue
				}
				at := s.Span.Col - ln.Col
				lo := strings.LastIndexAny(ln.Text[:at], ";.") + 1
				hi := len(ln.Text)
				if k := strings.IndexAny(ln.Text[at:], ";"); k >= 0 {
					hi = at + k
				}
				clause := asciiLower(ln.Text[lo:hi])
				return mentions(clause, benignWords) && !mentions(clause, tumorClauseWords) || pastYearAfter(ln.Text[at:hi], year)
			}
		}
		return false
	})
}

// pastYearAfter reports whether a year before the year of service follows
// a site within its first four words ("the nose in 2018 and …"): a tumor
// of the past. With no year of service, none is past.
func pastYearAfter(text, year string) bool {
	if year == "" {
		return false
	}
	for k, w := range strings.Fields(text) {
		if k > 4 {
			break
		}
		w = strings.Trim(w, ",;.()")
		if len(w) == 4 && w >= "1950" && w < year && strings.Trim(w, "0123456789") == "" {
			return true
		}
	}
	return false
}

// benignWords describe a lesion as the patient or an exam sees it, not as a
// tumor.
var benignWords = []string{"patch", "bump", "spot", "mole", "keratos", "wart", "cyst", "rash", "nevus", "freckle", "skin tag"}

// tumorClauseWords name a tumor, its surgery or its biopsy in a clause.
var tumorClauseWords = []string{"carcinoma", "cancer", "tumor", "tumour", "bcc", "scc", "melanoma", "malignan", "mohs", "lesion",
	"biops", "bx", "neoplasm", "lentigo", "dfsp", "sarcoma", "paget", "merkel", "fibroxanthoma", "site"}

// treatedSites are the sites less those that a clause of a sentence
// naming no stage says are not treated today (untreatedCues), wherever else
// the prose names them: "two biopsy-proven skin cancers, … of the right
// dorsal forearm and … of the left temple … Only the forearm tumor was
// treated today; the temple will be treated with Mohs at a separate
// visit." A clause of the cue that opens with "which" or "so" speaks of
// the clause before it ("a lesion of the left cheek, which showed an
// actinic keratosis").
func treatedSites(sites []prose.Text, sentences [][]prose.Line) []prose.Text {
	var words []sentenceWord // of the clauses that say a site is not treated
	for _, sen := range sentences {
		text := sentenceText(sen)
		if !mentions(text, untreatedCues) || namesStage(sen) {
			continue
		}
		clauses := strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == ',' })
		for i, c := range clauses {
			if !mentions(c, untreatedCues) {
				continue
			}
			words = append(words, sentenceWords(c)...)
			if first, _, _ := strings.Cut(strings.TrimSpace(asciiLower(c)), " "); i > 0 && (first == "which" || first == "so" || first == "that") {
				words = append(words, sentenceWords(clauses[i-1])...)
			} else if i > 0 && strings.HasPrefix(strings.TrimSpace(asciiLower(c)), "for which") {
				// "… carcinoma of the right forearm, sampled the same day, for
				// which she will return separately": the clauses back to the
				// one that names the site
				for j := i - 1; j >= 0; j-- {
					words = append(words, sentenceWords(clauses[j])...)
					if _, ok := anatomy.Resolve(clauses[j]); ok {
						break
					}
				}
			} else if i > 0 && slices.Contains(strings.Fields(asciiLower(firstWords(c, 5))), "it") {
				// "A second biopsy-proven lesion, on the right helix, had also been
				// scheduled for today; at her request it was postponed, and it was
				// not treated today": "it" is the lesion the sentence began with
				for _, before := range clauses[:i] {
					words = append(words, sentenceWords(before)...)
				}
			}
		}
	}
	if len(words) == 0 {
		return sites
	}
	return slices.DeleteFunc(slices.Clone(sites), func(s prose.Text) bool {
		return slices.ContainsFunc(words, func(w sentenceWord) bool { return siteWord(w.text, s.Value) })
	})
}

// todayCues say that what a sentence counts is treated at this visit.
var todayCues = []string{"today", "this morning", "this afternoon", "scheduled for mohs", "presents for", "presented for", "here for",
	"has two ", "has three ", "has four ", // "Mr. …, 79, has two biopsy-proven tumors (biopsies …)"
	"referred for mohs", "treated with mohs", "underwent mohs", "for mohs surgery of", "were treated", "were excised",
	"surgery at", "sites were marked"} // "PROCEDURES: Mohs micrographic surgery at three sites.", "the three sites were marked, …

// pastOrOtherLesions say that what a sentence counts is not the tumors of
// this visit's Mohs surgery: tumors of the past, or other lesions biopsied
// ("two more lesions were biopsied at her request", "biopsies of two new
// lesions").
var pastOrOtherLesions = []string{"prior", "previous", "earlier", "history of", "in the past", "years ago",
	"more lesions", "other lesions", "new lesions", "additional lesions", "further lesions", "separate lesions", "biopsies of", "were biopsied", "was biopsied",
	"were sampled", "also biopsied"} // "We also biopsied two further lesions today."

// benignLesions say that what a sentence counts is benign or premalignant
// lesions, not tumors of the Mohs surgery, in whatever clause of it they
// stand ("Actinic keratoses, scalp: liquid nitrogen cryotherapy today, four
// lesions."); a tumor that "recurred after cryotherapy" is still one.
var benignLesions = []string{"actinic keratos", "seborrheic keratos", "warts", "verruca"}

// tumorsToday reports every lesion as ambiguous when the prose counts the
// tumors treated at this visit ("referred for Mohs surgery of two tumors",
// "Three biopsy-proven tumors were treated today") and the note opened
// another number of lesions: tumors it never opened would have their
// stages and repairs merged into the lesions it did, and which lesion took
// what cannot be told (lesion-ambiguous, no Mohs line). A count of tumors
// of the past ("two prior basal cell carcinomas") or of other lesions
// biopsied names none of the Mohs tumors.
func (l *lowerer) tumorsToday() {
	if len(l.out.Lesions) == 0 || slices.ContainsFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Ambiguous.Present() }) {
		return
	}
	var all [][]prose.Line
	today := false
	for _, scope := range append([]int{noteScope}, l.scopes...) {
		all = append(all, l.paragraphs[scope]...)
		all = append(all, l.history[scope]...)
	}
	for _, par := range all {
		several := false // a line of the paragraph counts (cheaper than the cues, so first)
		for _, ln := range par {
			counts := countsSeveral(ln.Text)
			several = several || counts
			today = today || counts && mentions(ln.Text, todayCues)
		}
		// "Today we treated …" and "All three were …" may stand on lines of
		// their own, or in parts of a line given to the lesions they name
		if !today && several && len(par) > 1 {
			today = mentions(sentenceText(par), todayCues)
		}
	}
	if !today {
		return // no sentence can count today's tumors: no sentence split
	}
	todayBefore := false // the sentence before spoke of today: "Today we treated …. All three were biopsy-proven …"
	for _, sen := range prose.Sentences(all) {
		text := asciiLower(sentenceText(sen))
		today := mentions(text, todayCues)
		if !today && !(todayBefore && strings.HasPrefix(text, "all ")) {
			todayBefore = false
			continue
		}
		todayBefore = today
		if countsLesions(text, len(l.out.Lesions)) {
			continue // "two biopsy-proven tumors, and a third, unbiopsied lesion …; all three were treated": the count of part of them
		}
		for _, ln := range sen {
			lower := asciiLower(ln.Text)
			words := sentenceWords(ln.Text)
			for k, w := range words {
				n := cardinalWord(w.text)
				allOf := !today && k == 1 && words[0].text == "all" // "All three were biopsy-proven …" after today's tumors
				if n < 2 || n == len(l.out.Lesions) || !quantifiesTumors(lower, words, k) && !allOf {
					continue
				}
				if l.headed && n < len(l.out.Lesions) {
					// "here for Mohs of four biopsy-proven tumors … a new papule …
					// biopsied today … and treated with Mohs the same day (see
					// lesion 2)" under five labelled lesions: the count is of
					// some of them, and each label opens its own
					continue
				}
				if mentions(clauseAt(lower, w.at), pastOrOtherLesions) || mentions(text, benignLesions) {
					// "with a history of multiple skin cancers, returns for Mohs
					// surgery of four biopsy-proven tumors": the past is another
					// clause's; "two prior basal cell carcinomas" is this one's
					continue
				}
				for i := range l.out.Lesions {
					l.out.Lesions[i].Ambiguous = model.Text{Value: w.text + " tumors treated today (line " + strconv.Itoa(ln.Line) + ")", Line: ln.Line}
				}
				l.report(LesionAmbiguous.At("", ln.Line, ln.Col+w.at, "the note counts %s tumors treated today but opens %d lesions: label each lesion; no Mohs line", w.text, len(l.out.Lesions)))
				return
			}
		}
	}
}

// proceduresAtSites reports the one lesion of a note as ambiguous when its
// procedures field names Mohs surgery at two sites or more ("PROCEDURES:
// Mohs micrographic surgery, right temple and left knee, with intermediate
// repairs of both."): the note did not open the other tumor, whose stages
// and repair would be merged into this one's (lesion-ambiguous, no Mohs
// line).
func (l *lowerer) proceduresAtSites() {
	if len(l.out.Lesions) != 1 || l.out.Lesions[0].Ambiguous.Present() {
		return
	}
	for _, line := range l.lines {
		it := line.Item
		if it == nil || it.Text != nil || len(it.Fields) != 1 || it.Fields[0].Value == nil || !proceduresKey(it.Fields[0].Key) {
			continue
		}
		v := it.Fields[0].Value
		first, _, _ := strings.Cut(dropParens(v.Text), ". ") // the Mohs surgery's sentence, not the repairs after it
		first, _, _ = strings.Cut(first, ";")                // "…, three stages; single-stage nasolabial transposition flap reconstruction"
		if !containsFold(first, "mohs") {
			continue
		}
		var sites []anatomy.Site
		for _, part := range strings.Split(strings.ReplaceAll(first, " and ", ","), ",") {
			site := resolvedSite(part)
			if site == "" || !mostlySite(site) || mentions(part, repairWords) || mentions(asciiLower(part), []string{"donor", "flap", "graft"}) {
				continue
			}
			if s, ok := anatomy.Resolve(site); ok && len(s.Terms) > 0 && !slices.ContainsFunc(sites, func(o anatomy.Site) bool {
				return o.Terms[0].Name == s.Terms[0].Name && o.Laterality == s.Laterality
			}) {
				sites = append(sites, s)
			}
		}
		if len(sites) < 2 {
			continue
		}
		l.out.Lesions[0].Ambiguous = model.Text{Value: "Mohs surgery at " + strconv.Itoa(len(sites)) + " sites (line " + strconv.Itoa(v.Pos.Line) + ")", Line: v.Pos.Line}
		l.report(LesionAmbiguous.At("", v.Pos.Line, v.Pos.Column, "the procedures name Mohs surgery at %d sites but the note opens 1 lesion: label each lesion; no Mohs line", len(sites)))
		return
	}
}

// stageOfBefore matches a stage named just before the site it is of, at
// the end of the text before the site: "the first stage of the left ",
// "stage 2 at ".
var stageOfBefore = regexp.MustCompile(`(?i)(?:\bthe\s+)?(?:\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:mohs\s+)?(?:stage|layer)|\b(?:stage|layer)\s+(?:\d|i{1,3}|iv|one|two|three|four))\s+(?:of|at|on|from)\s+(?:the\s+)?(?:(?:left|right)\s+)?$`)

// countsLesions reports whether a sentence also counts n tumors, all of
// the note's lesions: "all three", "a third".
func countsLesions(text string, n int) bool {
	words := strings.Fields(text)
	for k := 0; k+1 < len(words); k++ {
		next := strings.Trim(words[k+1], ",.;:")
		if words[k] == "all" && cardinalWord(next) == n || words[k] == "a" && slices.Index(lesionOrdinals, next) == n-1 {
			return true
		}
	}
	return false
}

// countsSeveral reports whether text holds a count of two or more, in words
// or digits: a cheap test before the sentences are split.
func countsSeveral(text string) bool {
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !isLetterRune(r) && !(r >= '0' && r <= '9') }) {
		if cardinalWord(asciiLower(w)) >= 2 {
			return true
		}
	}
	return false
}

// clauseAt is the clause of lower-case text that holds byte at: the text
// between the commas, semicolons or parentheses around it.
func clauseAt(text string, at int) string {
	lo := strings.LastIndexAny(text[:at], ",;()") + 1
	hi := len(text)
	if i := strings.IndexAny(text[at:], ",;()"); i >= 0 {
		hi = at + i
	}
	return text[lo:hi]
}

// diagnosesOfSeveral reports the one lesion of a note without lesion
// labels as ambiguous when its diagnosis field names tumors at two sites
// or more ("PREOPERATIVE DIAGNOSES: 1. Basal cell carcinoma, left nasal
// sidewall. 2. Squamous cell carcinoma in situ, right lateral neck."): the
// note treats several tumors and did not open them, so their stages would
// be one lesion's (lesion-ambiguous, no Mohs line).
func (l *lowerer) diagnosesOfSeveral() {
	if l.headed || len(l.out.Lesions) != 1 || l.out.Lesions[0].Ambiguous.Present() || !l.out.Lesions[0].Diagnosis.Present() {
		return
	}
	les := &l.out.Lesions[0]
	dx := les.Diagnosis
	if !strings.Contains(dx.Value, "2.") && !strings.Contains(dx.Value, "(2)") && strings.Count(asciiLower(dx.Value), "carcinoma") < 2 {
		return // one tumor named: no need to read it
	}
	var sites []string
	for _, d := range prose.Read([][]prose.Line{{{Text: dx.Value, Line: dx.Line, Col: 1}}}).Diagnoses {
		if d.Site != "" && !slices.ContainsFunc(sites, func(s string) bool { return sameSite(s, d.Site) || sideless(s, d.Site) || sideless(d.Site, s) }) {
			sites = append(sites, d.Site)
		}
	}
	if len(sites) < 2 {
		return
	}
	les.Ambiguous = model.Text{Value: "diagnoses at " + strings.Join(sites, " and "), Line: dx.Line}
	l.report(LesionAmbiguous.At(les.Label, dx.Line, 1, "Lesion %s: the diagnosis names tumors at the %s and the %s, and the note does not label each lesion: no Mohs line", les.Label, sites[0], sites[1]))
}

// regionWords name a region of the body that no site code is chosen by:
// "because the lesion was on the central face".
var regionWords = map[string]bool{"face": true, "centralface": true, "midface": true, "hzone": true, "headandneck": true, "head": true}

// specificSites are the sites prose names, without a region that a more
// specific site lies in ("a pearly papule on the chin … on the central
// face"): the region only when it is all the prose names.
func specificSites(sites []prose.Text) []prose.Text {
	specific := slices.DeleteFunc(slices.Clone(sites), func(t prose.Text) bool { return regionWords[letters(t.Value)] })
	if len(specific) == 0 {
		return sites
	}
	return specific
}

// partsOfFirst reports whether every site after the first names no side
// and takes the same groups as the first ("L nasal ala. … pearly papule at
// the alar groove"): where on the first tumor, not another tumor.
func partsOfFirst(sites []prose.Text) bool {
	first, ok := anatomy.Resolve(sites[0].Value)
	if !ok {
		return false
	}
	for _, s := range sites[1:] {
		other, ok := anatomy.Resolve(s.Value)
		if !ok || other.Laterality != "" || other.Groups != first.Groups {
			return false
		}
	}
	return true
}

// mapFact is the first map statement, or nothing.
func mapFact(flags []prose.Flag) model.Flag {
	if len(flags) == 0 {
		return model.Flag{}
	}
	return model.Flag{Yes: flags[0].Yes, Line: flags[0].Span.Line}
}

// lesionProse fills a lesion's facts from its prose.
func (l *lowerer) lesionProse(les *model.Lesion, f *prose.Facts) {
	if !les.Map.Present() {
		les.Map = mapFact(f.Map)
	} else if m := mapFact(f.Map); m.Present() && m.Yes != les.Map.Yes {
		l.conflict(les.Map.Line, f.Map[0].Span, "the map field and the prose disagree whether a map was drawn; the field is used")
	}
	if !les.PriorBiopsy.Present() && len(f.PriorBiopsy) > 0 {
		les.PriorBiopsy = model.Flag{Yes: f.PriorBiopsy[0].Yes, Line: f.PriorBiopsy[0].Span.Line}
	}
	if !les.Indication.Present() && len(f.Indication) > 0 {
		les.Indication = model.Text{Value: f.Indication[0].Value, Line: f.Indication[0].Span.Line}
	}
	_, fieldSite := siteFromDiagnosis(les.Diagnosis) // the diagnosis field's site wins over the prose's, and so does the label's
	if _, ok := anatomy.Resolve(les.HeadingText.Value); ok && les.HeadingText.Present() {
		fieldSite = true
	}
	dxFromProse := !les.Diagnosis.Present()
	chosen := -1
	all := slices.Concat(f.Diagnoses, f.HistologyDiagnoses)
	for k, d := range all { // a tumor the frozen sections showed is the fallback
		if !les.Diagnosis.Present() && d.Text != "" {
			les.Diagnosis = model.Text{Value: d.Text, Line: d.Span.Line}
			chosen = k
		}
		if !les.Site.Text.Present() && !fieldSite && d.Site != "" {
			les.Site.Text = model.Text{Value: d.Site, Line: d.SiteSpan.Line}
		}
	}
	if dxFromProse && chosen >= 0 && !sameSite(all[chosen].Site, les.Site.Text.Value) {
		// "His left cheek basal cell carcinoma was cleared … Today he is here
		// for … a squamous cell carcinoma of the right dorsal thumb": the
		// diagnosis named at the lesion's own site is its diagnosis
		for _, d := range all {
			if d.Text != "" && sameSite(d.Site, les.Site.Text.Value) {
				les.Diagnosis = model.Text{Value: d.Text, Line: d.Span.Line}
				break
			}
		}
	}
	if sites := specificSites(f.Sites); !les.Site.Text.Present() && !fieldSite && (len(sites) == 1 || len(sites) > 1 && partsOfFirst(sites)) {
		les.Site.Text = model.Text{Value: sites[0].Value, Line: sites[0].Span.Line}
	}
	if sites := specificSites(f.BiopsySites); !les.Site.Text.Present() && !fieldSite && len(f.Sites) == 0 && len(sites) == 1 {
		// "… performed a shave biopsy of the right lateral cheek …; the
		// pathology showed infiltrative basal cell carcinoma": no other
		// words name the site
		les.Site.Text = model.Text{Value: sites[0].Value, Line: sites[0].Span.Line}
	}
	if !les.TotalBlocks.Present() && len(f.BlockTotal) > 0 {
		les.TotalBlocks = model.Count{N: f.BlockTotal[0].N, Line: f.BlockTotal[0].Span.Line} // "a total of 5 blocks"
	}
	if !les.Size.Present() && len(f.PreopSize) > 0 {
		les.Size = f.PreopSize[0].Size
	}
	if !les.FinalDefect.Present() && len(f.FinalDefect) > 0 {
		les.FinalDefect = f.FinalDefect[0].Size
	}
	if !les.FinalDefect.Present() {
		les.FinalDefect = repairDefect(f.Repairs) // "the 2.4 x 2.0 cm defect was closed with …"
	}
	if !les.ExcisionMargin.Present() && len(f.ExcisionMargin) > 0 {
		les.ExcisionMargin = f.ExcisionMargin[0].Size
	}
	if !les.DeepStructures.Present() {
		var deep []string
		line := 0
		for _, d := range f.DeepStructures {
			if !d.Negated {
				deep = append(deep, d.Structure)
				line = d.Span.Line
			}
		}
		if len(deep) > 0 {
			les.DeepStructures = model.Text{Value: strings.Join(deep, ", "), Line: line}
		}
	}
	if !les.SameDayBiopsy.Present() && len(f.SameDayBiopsy) > 0 {
		b := f.SameDayBiopsy[0]
		site := les.Site.Text.Value
		if site == "" {
			site = les.HeadingText.Value // "Tumor 2: R preauricular"
		}
		if elsewhere(b.Site, site) {
			// "Also today: shave bx R dorsal forearm, 6 mm keratotic papule -
			// r/o SCC vs HAK" under the right preauricular tumor: another
			// lesion's biopsy
			l.biopsiesProse([]prose.Biopsy{b})
		} else {
			les.SameDayBiopsy = model.Text{Value: b.Kind, Line: b.Span.Line}
		}
	}
	if les.SameDayBiopsy.Present() {
		// "SAME-DAY BIOPSY: A 4 mm punch biopsy … submitted for an
		// intraoperative frozen section, processed as two blocks"
		frozenFromProse(les, f.FrozenSection)
	}
	l.stagesProse(les, f)
	proseStainReasons(les, f)
	if n := len(les.Stages); n > 0 && len(f.Plan) > 0 && !les.Stages[n-1].Decision.Present() {
		// "she will return … to complete Mohs (stage 2 onward)": the plan after the last stage
		les.Stages[n-1].Decision = model.Text{Value: f.Plan[0].Value, Line: f.Plan[0].Span.Line}
	}
	l.repairsProse(les, f)
	counted := countedStains(les, f.Uncounted)
	for _, a := range f.Ambiguities {
		if len(a.Spans) != 1 || !slices.Contains(counted, a.Spans[0]) {
			l.remark(ProseAmbiguous, a.Spans, a.Message)
		}
	}
}

// countedStains gives each of the lesion's stages a stain that prose says
// of as many stages as the lesion has ("MART-1 on every block of both
// stages, to assess melanocyte density" under a log of two stages), and
// returns the spans of the stains so given: prose told fewer stages than
// it counted, the note does not.
func countedStains(les *model.Lesion, stains []prose.CountedStain) []prose.Span {
	var spans []prose.Span
	for _, u := range stains {
		if u.Stages == len(les.Stages) {
			everyStageStains(les, []prose.Stain{u.Stain})
			spans = append(spans, u.Stain.Span)
		}
	}
	return spans
}

// byNumber orders prose stages by their numbers.
func byNumber(a, b prose.Stage) int { return a.Number - b.Number }

// stagesProse takes the stages from prose when no field or log row states
// one. A lone stage takes what prose said of the tissue without naming a
// stage ("The tissue was divided into two blocks").
func (l *lowerer) stagesProse(les *model.Lesion, f *prose.Facts) {
	if !les.TotalStages.Present() && len(f.StageCount) > 0 {
		les.TotalStages = model.Count{N: f.StageCount[0].N, Line: f.StageCount[0].Span.Line} // "a total of three stages"
	}
	if len(les.Stages) > 0 {
		l.stageConflicts(les, f.Stages)
		defer everyStageStains(les, f.EveryStage)
		added := false
		for _, ps := range f.Stages { // the fields' stages, with what prose adds ("Stage 1 histology:" then "divided into three blocks")
			if st := stageOf(les, ps.Number); st != nil {
				fillStage(st, ps)
			} else if ps.Blocks > 0 && ps.Number > 0 {
				// "Stage 1 was taken as 2 blocks; …" in a sentence, then "Stage 2: one
				// block, clear." as a field: a counted stage no field states
				st := model.Stage{Ordinal: strconv.Itoa(ps.Number), Number: ps.Number, Line: ps.Span.Line}
				fillStage(&st, ps)
				les.Stages = append(les.Stages, st)
				l.remark(ReadFromProse, []prose.Span{ps.Span}, "stage "+st.Ordinal+" of lesion "+les.Label+" was read from prose")
				added = true
			}
		}
		if added {
			slices.SortStableFunc(les.Stages, func(a, b model.Stage) int { return a.Number - b.Number })
		}
		if h := f.Unstaged.Histology; h.Value != "" && len(f.Stages) == 0 && les.Stages[0].Number == 1 && !les.Stages[0].Histology.Present() {
			// "1st Stage: 3 Sections, Positive (section 3, peripheral)" as a
			// field, then "Frozen sections of the 1st stage showed nodular
			// and infiltrative basal cell carcinoma in the reticular dermis
			// …": prose that tells no stage of its own describes the
			// tumor the first stage showed
			les.Stages[0].Histology = model.Text{Value: h.Value, Line: h.Span.Line}
		}
		return
	}
	stages := f.Stages
	if !slices.IsSortedFunc(stages, byNumber) && !slices.ContainsFunc(stages, func(s prose.Stage) bool { return s.Number <= 0 }) {
		// "Clearance was obtained with the second stage, …. The first stage,
		// …, had shown …": stages told out of order, each by its number
		stages = slices.Clone(stages)
		slices.SortStableFunc(stages, byNumber)
	}
	if len(stages) == 0 && f.Unstaged.Blocks > 0 && len(f.StageCount) > 0 && !slices.ContainsFunc(f.StageCount, func(c prose.Count) bool { return c.N != 1 }) {
		// "One stage of 3 blocks, all clear." (read once, or twice where a
		// run-on field's value repeats it)
		one := f.Unstaged
		one.Number, one.Span = 1, f.StageCount[0].Span
		stages = []prose.Stage{one}
	}
	if len(stages) == 1 && stages[0].Blocks == 0 && f.Unstaged.Blocks > 0 {
		stages[0].Blocks, stages[0].BlocksSpan = f.Unstaged.Blocks, f.Unstaged.BlocksSpan
	}
	if len(stages) > 0 && stages[0].Number > 1 && len(l.out.Lesions) > 1 && !les.Ambiguous.Present() && !les.StagesAmbiguous.Present() {
		// "Tumor A needed two further stages. Stage 2, …. Stage 3, …" after a
		// first stage of two tumors told in one sentence this lesion's prose
		// does not hold: its first stage is not tied to it, and counting the
		// stages it has would code it a stage short
		sp := stages[0].Span
		les.StagesAmbiguous = model.Text{Value: "its prose tells stage " + strconv.Itoa(stages[0].Number) + " first (line " + strconv.Itoa(sp.Line) + ")", Line: sp.Line}
		l.report(LesionAmbiguous.At(les.Label, sp.Line, sp.Col, "Lesion %s: its prose tells stage %d but not its first stage, which the note tells for several lesions together; no Mohs line for it", les.Label, stages[0].Number))
		return
	}
	for _, s := range stages {
		st := model.Stage{Ordinal: strconv.Itoa(s.Number), Number: s.Number, Line: s.Span.Line}
		fillStage(&st, s)
		les.Stages = append(les.Stages, st)
	}
	if len(stages) > 0 {
		l.remark(ReadFromProse, []prose.Span{stages[0].Span}, "the stages of lesion "+les.Label+" were read from prose")
	}
}

// proseStainReasons gives a stain of the lesion's stages that states no
// reason the reason prose gives a stain of that name ("CK7 immunostaining
// was performed on every block of both stages to highlight single Paget
// cells" above "Stage 2: 3 blocks; clear; stain: H&E, CK7, PAS (block
// 1)"), when prose gives that name one reason only.
func proseStainReasons(les *model.Lesion, f *prose.Facts) {
	reasons := map[string]string{}
	give := func(stains []prose.Stain) {
		for _, s := range stains {
			name := asciiLower(s.Name)
			if r, seen := reasons[name]; s.Reason != "" && (!seen || r == s.Reason) {
				reasons[name] = s.Reason
			} else if s.Reason != "" {
				reasons[name] = "" // two reasons: neither is the field's
			}
		}
	}
	for _, st := range f.Stages {
		give(st.Stains)
	}
	give(f.Unstaged.Stains)
	give(f.EveryStage)
	for _, u := range f.Uncounted {
		give([]prose.Stain{u.Stain})
	}
	for k := range les.Stages {
		for j := range les.Stages[k].Stains {
			if st := &les.Stages[k].Stains[j]; st.Reason == "" {
				st.Reason = reasons[asciiLower(st.Name)]
			}
		}
	}
}

// everyStageStains gives each of a lesion's stages the stains prose says
// of every stage ("Frozen sections were stained with H&E and with MART-1
// on every block of every stage to judge melanocyte density") that the
// stage does not name itself, on all its blocks.
func everyStageStains(les *model.Lesion, stains []prose.Stain) {
	for _, s := range stains {
		for k := range les.Stages {
			st := &les.Stages[k]
			if slices.ContainsFunc(st.Stains, func(o model.Stain) bool { return strings.EqualFold(o.Name, s.Name) }) {
				continue
			}
			st.Stains = append(st.Stains, model.Stain{Name: s.Name, Reason: s.Reason, Special: s.Special, Line: s.Span.Line})
		}
	}
}

// clearedUnder times a lesion's repairs by the repairs heading its
// sentences stood under ("REPAIRS (all performed after tumor clearance):")
// where nothing else times them.
func (l *lowerer) clearedUnder(les *model.Lesion) {
	i := 0
	for i < len(l.out.Lesions) && &l.out.Lesions[i] != les {
		i++
	}
	h, ok := l.clearedRepairs[i]
	if !ok {
		return
	}
	for i := range les.Repairs {
		if !les.Repairs[i].Timing.Present() {
			les.Repairs[i].Timing = h
		}
	}
}

// repairsProse takes the repairs from prose when no field states one, and
// the size of the one repair a field states without a size when prose
// measures exactly one repair ("Repair: Layered Closure" / "The final
// closure size is 3.1 cm.").
func (l *lowerer) repairsProse(les *model.Lesion, f *prose.Facts) {
	defer l.clearedUnder(les)
	var headingTiming model.Text // "RECONSTRUCTION (after clearance)" over the repair's prose
	if len(les.Repairs) == 1 && blankRepair(les.Repairs[0]) && !les.Repairs[0].By.Present() && len(f.Repairs) > 0 {
		// "RECONSTRUCTION" over "Repair: bilobed transposition flap after
		// tumor clearance; defect …" and the sentences that tell how it was
		// done: the heading's repair is the one its prose describes
		headingTiming = les.Repairs[0].Timing
		les.Repairs = les.Repairs[:0]
	}
	if len(les.Repairs) > 0 {
		if len(f.Timing) > 0 {
			for i := range les.Repairs {
				if !les.Repairs[i].Timing.Present() {
					les.Repairs[i].Timing = model.Text{Value: "after tumor clearance", Line: f.Timing[0].Line}
				}
			}
		}
		l.repairSizeProse(les, f)
		return
	}
	repairs := sameFlapsJoined(f.Repairs)
	anyMeasured := slices.ContainsFunc(repairs, measured)
	for k, r := range repairs {
		if len(repairs) > 1 && !r.NoRepair && r.By == "" && !measured(r) && (anyMeasured || k < len(repairs)-1) {
			// a repair named without a size beside one described with sizes:
			// a title ("Mohs surgery with adjacent tissue transfer"), not a
			// second repair; when none has a size, the last described is the
			// repair and the ones before it its title ("… with island pedicle
			// flap reconstruction" / "A V-Y island pedicle advancement flap was
			// designed …")
			continue
		}
		rep := model.Repair{Line: r.Span.Line, Value: model.Text{Value: r.Kind, Line: r.Span.Line},
			Length: r.Length.Size, Area: r.Area.Size, Defect: r.Defect.Size, SecondaryDefect: r.SecondaryDefect.Size}
		if r.By != "" {
			rep.By = model.Text{Value: r.By, Line: r.Span.Line} // "closed by Dr. … of plastic surgery"
		}
		switch {
		case r.Later && !isDeferred(r.Kind):
			// "will return next Tuesday for a full-thickness skin graft with Dr. …" (the surgeon himself)
			rep.Value.Value = "deferred to a later visit (" + r.Kind + ")"
		case r.NoRepair && !rep.By.Present() && !isDeferred(r.Kind):
			rep.Value.Value = "second intention (" + r.Kind + ")" // "allowed to heal secondarily", "left open"
		}
		if r.AfterClearance || len(f.Timing) > 0 {
			rep.Timing = model.Text{Value: "after tumor clearance", Line: r.Span.Line}
		} else {
			rep.Timing = headingTiming
		}
		les.Repairs = append(les.Repairs, rep)
		l.remark(ReadFromProse, []prose.Span{r.Span}, "the repair of lesion "+les.Label+" was read from prose")
	}
}

// sameFlapsJoined joins a flap named again after it was told ("… was
// reconstructed with a rhombic transposition flap" with the primary
// defect, then "a rhombic flap was designed …; the secondary defect …
// measured 1.6 x 1.5 cm") into one: a flap of the same kind whose sizes
// add to the first one's, none told twice, is the same flap, not a second
// (two lines for one defect).
func sameFlapsJoined(rs []prose.Repair) []prose.Repair {
	if len(rs) < 2 {
		return rs
	}
	out := make([]prose.Repair, 0, len(rs))
	for _, r := range rs {
		if n := len(out); n > 0 && sameFlap(out[n-1], r) {
			last := &out[n-1]
			for _, pair := range [][2]*prose.Measure{{&last.Length, &r.Length}, {&last.Area, &r.Area}, {&last.Defect, &r.Defect}, {&last.SecondaryDefect, &r.SecondaryDefect}} {
				if !pair[0].Size.Present() {
					*pair[0] = *pair[1]
				}
			}
			last.AfterClearance = last.AfterClearance || r.AfterClearance
			continue
		}
		out = append(out, r)
	}
	return out
}

// sameFlap reports whether b names again the flap a told: both flaps done
// today by the surgeon, sharing the word of their design ("rhombic",
// "bilobed", "rotation"), each with a size, and no size told in both.
func sameFlap(a, b prose.Repair) bool {
	if a.NoRepair || b.NoRepair || a.By != "" || b.By != "" || a.Later || b.Later ||
		!strings.Contains(asciiLower(a.Kind), "flap") || !strings.Contains(asciiLower(b.Kind), "flap") {
		return false
	}
	shared := false
	for _, w := range []string{"rhombic", "rhomboid", "bilobed", "bilobe", "rotation", "advancement", "transposition", "island", "v-y", "o-to-z", "banner"} {
		if strings.Contains(asciiLower(a.Kind), w) && strings.Contains(asciiLower(b.Kind), w) {
			shared = true
		}
	}
	both := func(x, y prose.Measure) bool { return x.Size.Present() && y.Size.Present() }
	// a title without a size ("… with island pedicle flap reconstruction")
	// is left to repairsProse, which takes the flap described after it
	return shared && measured(a) && measured(b) && !both(a.Length, b.Length) && !both(a.Area, b.Area) && !both(a.Defect, b.Defect) && !both(a.SecondaryDefect, b.SecondaryDefect)
}

// laterFields reads a repair field whose value defers the closure in words
// the coding rules' list may not hold ("RECONSTRUCTION: … The patient will
// return next Tuesday for a full-thickness skin graft with Dr. …") with the
// prose reader: a repair it finds done at a visit to come is written as
// deferred.
func laterFields(les *model.Lesion) {
	for i := range les.Repairs {
		r := &les.Repairs[i]
		if !isDeferred(r.Value.Value) || strings.HasPrefix(r.Value.Value, "deferred") {
			continue
		}
		f := prose.Read([][]prose.Line{{{Text: r.Value.Value, Line: r.Value.Line, Col: 1}}})
		if slices.ContainsFunc(f.Repairs, func(p prose.Repair) bool { return p.Later }) {
			r.Value.Value = "deferred to a later visit (" + r.Value.Value + ")"
		}
	}
}

// repairSizeProse fills the sizes of a lesion's one field repair that
// states none from the one repair prose measures.
func (l *lowerer) repairSizeProse(les *model.Lesion, f *prose.Facts) {
	var measuredRepairs []prose.Repair
	for _, r := range f.Repairs {
		if !r.NoRepair && r.By == "" && measured(r) {
			measuredRepairs = append(measuredRepairs, r)
		}
	}
	if len(les.Repairs) != 1 || len(measuredRepairs) != 1 {
		return
	}
	rep, r := &les.Repairs[0], measuredRepairs[0]
	if rep.Length.Present() || rep.Area.Present() || rep.SecondaryDefect.Present() || rep.By.Present() ||
		strings.ContainsAny(rep.Value.Value+rep.Type.Value, "0123456789") { // "Repair: layered, 2.0 cm" is sized when coded
		return
	}
	rep.Length, rep.Area, rep.SecondaryDefect = r.Length.Size, r.Area.Size, r.SecondaryDefect.Size
	if !rep.Defect.Present() {
		rep.Defect = r.Defect.Size
	}
	l.remark(ReadFromProse, []prose.Span{r.Span}, "the size of the repair of lesion "+les.Label+" was read from prose")
}

// biopsiesProse adds the biopsies of other lesions described in prose.
func (l *lowerer) biopsiesProse(bs []prose.Biopsy) {
	for _, b := range bs {
		if k := l.statedBiopsy(b); k >= 0 {
			// "… was sampled by tangential (shave) biopsy" and "Biopsy 1:
			// tangential biopsy, right shoulder": one biopsy, told twice
			o := &l.out.Biopsies[k]
			if !o.Diagnosis.Present() && b.Impression != "" {
				o.Diagnosis = model.Text{Value: b.Impression, Line: b.Span.Line}
			}
			if biopsyMethod(o.Type.Value+" "+o.Value.Value) == "" && b.Kind != "" {
				// "2. Neoplasm of uncertain behavior, left mid back - biopsy
				// pending" told first: the prose says how it was taken
				o.Type = model.Text{Value: b.Kind, Line: b.Span.Line}
			}
			continue
		}
		label := freeLabel(len(l.out.Biopsies)+1, func(s string) bool { return l.biopsyLine(s) > 0 })
		nb := model.Biopsy{Label: label, Line: b.Span.Line,
			Value: model.Text{Value: b.Kind, Line: b.Span.Line},
			Type:  model.Text{Value: b.Kind, Line: b.Span.Line}}
		if b.Site != "" {
			nb.Site.Text = model.Text{Value: b.Site, Line: b.Span.Line}
		}
		if b.Impression != "" {
			nb.Diagnosis = model.Text{Value: b.Impression, Line: b.Span.Line}
		}
		if fs := b.FrozenSection; fs.N > 0 { // "submitted for frozen section, processed as two blocks"
			nb.FrozenSection = model.FrozenSection{Flag: model.Flag{Yes: true, Line: fs.Span.Line}, Blocks: fs.N}
		}
		l.out.Biopsies = append(l.out.Biopsies, nb)
	}
}

// remark records what reading says about prose, at the words it read.
func (l *lowerer) remark(rule *diag.Rule, spans []prose.Span, message string) {
	if len(spans) == 0 {
		return
	}
	s := spans[0]
	f := rule.At("", s.Line, s.Col, "%s", message)
	f.EndLine, f.EndColumn = s.EndLine, s.EndCol
	l.report(f)
}

// stageConflicts reports prose that gives a stage another block count than
// its field or log row; the field is used.
func (l *lowerer) stageConflicts(les *model.Lesion, stages []prose.Stage) {
	for _, ps := range stages {
		st := stageOf(les, ps.Number)
		if st == nil || ps.Blocks == 0 || !st.Blocks.Present() || st.Blocks.N == ps.Blocks {
			continue
		}
		l.conflict(st.Blocks.Line, ps.BlocksSpan, "stage "+strconv.Itoa(ps.Number)+" of lesion "+les.Label+" has "+
			strconv.Itoa(st.Blocks.N)+" blocks by its field but "+strconv.Itoa(ps.Blocks)+" in prose; the field is used")
	}
}

// conflict records prose that disagrees with a field.
func (l *lowerer) conflict(fieldLine int, span prose.Span, message string) {
	l.remark(ProseFieldConflict, []prose.Span{{Line: fieldLine, Col: 1, EndLine: fieldLine, EndCol: 1}, span}, message)
}

// firstPersonReader reports whether a slide-reader statement is the
// surgeon's own words ("I read the frozen sections", "read by me").
func firstPersonReader(text string) bool {
	if strings.Contains(asciiLower(text), "surgeon") || !mayNameReader(text) {
		return false // the cheap tests first: reading the prose costs more
	}
	r := readersOf(text)
	// not "… interpreted by Dr. … of the hospital dermatopathology
	// department, who acted as pathologist": a pathologist named too
	return len(r) > 0 && r[0].Surgeon && !slices.ContainsFunc(r, func(x prose.Reader) bool { return !x.Surgeon && !x.Undersigned && !x.NameOnly })
}

// readerStatement reports whether a value says who read the slides
// ("interpreted by the Mohs surgeon for both sites").
func readerStatement(text string) bool { return mayNameReader(text) && len(readersOf(text)) > 0 }

// readerCues are the word parts a text that names who read the slides
// holds, one at least (prose's read-verb, surgeon and pathologist words):
// a text without any is read no further.
var readerCues = []string{"report", "examin", "interpret", "evaluat", "analy", "review", "read", "assess",
	"surgeon", "undersigned", "patholog", "outside", "lab"}

// mayNameReader reports whether text holds a reader cue, or the words "I",
// "me", "my" or "myself".
func mayNameReader(text string) bool {
	if mentions(text, readerCues) {
		return true
	}
	for w := range strings.FieldsFuncSeq(asciiLower(text), func(r rune) bool { return !isLetterRune(r) }) {
		switch w {
		case "i", "me", "my", "myself":
			return true
		}
	}
	return false
}

// readersOf reads who read the slides from a value, as prose.
func readersOf(text string) []prose.Reader {
	return prose.Read([][]prose.Line{{{Text: text, Line: 1, Col: 1}}}).Reader
}

// fillStage gives a stage what prose says of it and no field has said:
// its blocks, margin, stains and histology.
func fillStage(st *model.Stage, s prose.Stage) {
	if s.Blocks > 0 && !st.Blocks.Present() {
		st.Blocks = model.Count{N: s.Blocks, Line: s.BlocksSpan.Line}
	}
	if s.Margin != prose.MarginUnknown && len(st.Margins) == 0 {
		st.Margins = []model.Margin{{Positive: s.Margin != prose.MarginClear, Line: s.MarginSpan.Line}}
	}
	for _, sn := range s.Stains {
		if slices.ContainsFunc(st.Stains, func(have model.Stain) bool {
			return strings.EqualFold(have.Name, sn.Name) && slices.Equal(have.Blocks, sn.Blocks)
		}) {
			continue // the stage's own sentences, read again with the lesion's prose
		}
		st.Stains = append(st.Stains, model.Stain{Name: sn.Name, Reason: sn.Reason, Blocks: sn.Blocks, Special: sn.Special, Line: sn.Span.Line})
	}
	if s.Histology.Value != "" && !st.Histology.Present() {
		st.Histology = model.Text{Value: s.Histology.Value, Line: s.Histology.Span.Line}
	}
}

// thisStage picks what the sentences of a stage's own value say of it: the
// stage of its number, or — when that one is empty, as in "Stage II: An
// additional layer was taken … two blocks", where the sentence names the
// stage again as the next one — the only stage the sentences describe.
func thisStage(stages []prose.Stage, n int) (prose.Stage, bool) {
	var own, other []prose.Stage
	for _, s := range stages {
		switch {
		case s.Number == n:
			own = append(own, s)
		case s.Blocks > 0 || s.Margin != prose.MarginUnknown || s.Histology.Value != "":
			other = append(other, s)
		}
	}
	switch {
	case len(own) == 1 && (own[0].Blocks > 0 || own[0].Margin != prose.MarginUnknown || own[0].Histology.Value != ""):
		return own[0], true
	case len(other) == 1:
		return other[0], true
	case len(own) == 1:
		return own[0], true
	}
	return prose.Stage{}, false
}

// measured reports whether prose gives a repair any size.
func measured(r prose.Repair) bool {
	return r.Length.Size.Present() || r.Area.Size.Present() || r.Defect.Size.Present() || r.SecondaryDefect.Size.Present()
}

// tumorWords say that an indication also tells the prior biopsy or the
// size of the tumor ("Biopsy-proven … (punch biopsy 04/14/2026), …,
// measuring 1.2 x 1.0 cm"): the prose reader reads it whole.
var tumorWords = []string{"biops", "proven", "confirmed", "measur", "diagnosed"}

// tellsTumor reports whether an indication's value tells the prior biopsy
// or the tumor's size.
func tellsTumor(text string) bool { return mentions(text, tumorWords) }

// signer is the signature that names "the undersigned" who read the
// slides: the first signature line of the note's prose after line
// ("Evander Koskinen-Mwangi, MD" with the role under it, "Electronically
// signed: Annelise Okwuosa-Brandvold, MD, Mohs surgeon, 10/02/2026"); ""
// when the note is not signed, and "the undersigned" names nobody.
func (l *lowerer) signer(after int) string {
	best, line := "", 0
	for _, pars := range l.paragraphs {
		for _, par := range pars {
			for i, ln := range par {
				if ln.Line <= after || line > 0 && ln.Line >= line || !signatureLine(ln.Text) {
					continue
				}
				best, line = strings.TrimSpace(ln.Text), ln.Line
				if i+1 < len(par) && roleLine(par[i+1].Text) {
					best += ", " + strings.TrimSpace(par[i+1].Text) // "Mohs Surgeon" under the name
				}
			}
		}
	}
	return best
}

// signedPrefixes open a signature line.
var signedPrefixes = []string{"electronically signed by", "electronically signed", "e-signed by", "e-signed", "signed by", "signed"}

// signatureLine reports whether a line is a signature: a name of two to
// five capitalised words, then a physician's credential among its comma
// parts, after an optional "Electronically signed:".
func signatureLine(text string) bool {
	t := strings.TrimSpace(text)
	for _, p := range signedPrefixes {
		if len(t) > len(p) && asciiLower(t[:len(p)]) == p {
			t = strings.TrimLeft(t[len(p):], " :")
			break
		}
	}
	parts := strings.Split(t, ",")
	if len(parts) < 2 || len(parts) > 6 {
		return false
	}
	name := strings.Fields(parts[0])
	if len(name) < 2 || len(name) > 5 {
		return false
	}
	for _, w := range name {
		if w[0] < 'A' || w[0] > 'Z' || strings.ContainsAny(w, "0123456789:;") {
			return false
		}
	}
	for _, p := range parts[1:] {
		cred, _, _ := strings.Cut(strings.TrimSpace(p), " ") // "MD on 02/17/2026"
		switch strings.ReplaceAll(asciiLower(cred), ".", "") {
		case "md", "do", "mbbs":
			return true
		}
	}
	return false
}

// roleLine reports whether a line under a signature is the signer's role:
// at most four words, no digits ("Mohs Surgeon", "Dermatopathologist").
func roleLine(text string) bool {
	return len(strings.Fields(text)) <= 4 && !strings.ContainsAny(text, "0123456789:")
}

// repairDefect is the defect the one repair prose sizes one for was made
// on ("Following clearance, the 2.4 x 2.0 cm defect was closed with a
// complex linear repair"): the wound the last stage left, the lesion's
// final defect. Several repairs' defects tell no one final defect.
func repairDefect(rs []prose.Repair) model.Size {
	var found model.Size
	for _, r := range rs {
		if !r.Defect.Size.Present() {
			continue
		}
		if found.Present() {
			return model.Size{}
		}
		found = r.Defect.Size
	}
	return found
}

// statedBiopsy finds the biopsy a field or label already states that a
// biopsy described in prose is: the same site and side, and no other
// method. It returns its index or -1.
func (l *lowerer) statedBiopsy(b prose.Biopsy) int {
	if b.Site == "" {
		// "A 4 mm punch was used for biopsy 2" under "Biopsy 2: punch
		// biopsy, right dorsal forearm": the one listed biopsy of its method
		// (a biopsy of no site would be coded nowhere)
		m, found := biopsyMethod(b.Kind), -1
		for k, o := range l.out.Biopsies {
			if m != "" && biopsyMethod(o.Type.Value+" "+o.Value.Value) == m {
				if found >= 0 {
					return -1
				}
				found = k
			}
		}
		return found
	}
	site, ok := anatomy.Resolve(b.Site)
	if !ok {
		return -1
	}
	for k, o := range l.out.Biopsies {
		text := o.Site.Text.Value
		if text == "" {
			text = o.Value.Value
		}
		other, ok := anatomy.Resolve(text)
		same := ok && other.Terms[0].Name == site.Terms[0].Name && other.Laterality == site.Laterality ||
			ok && site.Laterality == "" && sideless(text, b.Site) // "Also shave bx of a new lesion on the back." and "Biopsy 1: …, left upper back"
		if !same {
			continue
		}
		if m, om := biopsyMethod(b.Kind), biopsyMethod(o.Type.Value+" "+o.Value.Value); m == "" || om == "" || m == om {
			return k
		}
	}
	return -1
}

// biopsyMethod is the method a biopsy's text names: "punch", "shave",
// "incisional", "excisional", or "".
func biopsyMethod(s string) string {
	s = asciiLower(s)
	switch {
	case strings.Contains(s, "punch"):
		return "punch"
	case strings.Contains(s, "shave"), strings.Contains(s, "tangential"), strings.Contains(s, "saucer"):
		return "shave"
	case strings.Contains(s, "incisional"):
		return "incisional"
	case strings.Contains(s, "excisional"):
		return "excisional"
	}
	return ""
}

// measureText matches a two-dimension size: "1.1 x 0.9 cm", "6 x 5 mm".
var measureText = regexp.MustCompile(`\d+(?:\.\d+)?\s*[x×]\s*\d+(?:\.\d+)?\s*(?:cm|mm)\b`)

// listedSizes reads the sizes a sentence of one line lists after its
// verb of measure ("The crown tumor measures 1.1 x 0.9 cm and the occipital
// one 1.4 x 1.2 cm"), with their places; none when the sentence speaks of
// a defect or a repair, whose sizes are no pre-operative size.
func listedSizes(ln prose.Line) []prose.Measure {
	lower := asciiLower(ln.Text)
	if !mentions(lower, []string{"measures", "measure", "measured", "measuring"}) || mentions(lower, []string{"defect", "repair", "closure", "closed", "flap", "graft"}) {
		return nil
	}
	var out []prose.Measure
	for _, at := range measureText.FindAllStringIndex(ln.Text, -1) {
		sz, err := size("Size", &grammar.Value{Text: ln.Text[at[0]:at[1]]})
		if err != nil {
			return nil
		}
		out = append(out, prose.Measure{Size: model.Size{Dims: sz.Dims, Line: ln.Line},
			Span: prose.Span{Line: ln.Line, Col: ln.Col + at[0], EndLine: ln.Line, EndCol: ln.Col + at[1]}})
	}
	return out
}

// within reports whether a span begins inside a sentence.
func within(sp prose.Span, sen []prose.Line) bool {
	for _, ln := range sen {
		if sp.Line == ln.Line && sp.Col >= ln.Col && sp.Col < ln.Col+len(ln.Text) {
			return true
		}
	}
	return false
}

// severalNouns are the words for the tumors of a visit that "both", "each"
// or a count before them says are several: "both sites", "each tumor",
// "all three lesions".
var severalNouns = []string{"sites", "site", "tumors", "tumours", "tumor", "tumour", "lesions", "cancers", "carcinomas"}

// oneOfSeveral makes the one lesion of a note ambiguous when a line of the
// note speaks of several tumors ("REPAIRS (after tumor clearance at both
// sites)", "consent signed for sites A and B", "Post-op diagnosis: same,
// both sites."): the note treated more tumors than it opened lesions, and
// whose stages are whose cannot be told, so no stage of it is coded
// (CODING-RULES §1: no stage is guessed). A note with another lesion's
// biopsy is not read so, nor are its history's lines.
func (l *lowerer) oneOfSeveral() {
	if len(l.out.Lesions) != 1 || l.out.Lesions[0].Ambiguous.Present() || len(l.out.Biopsies) > 0 {
		return // "Dressings were applied to both sites": the Mohs site and another lesion's biopsy
	}
	past := map[int]bool{} // "Past history: … Both sites are well healed …"
	for _, pars := range l.history {
		for _, par := range pars {
			for _, ln := range par {
				past[ln.Line] = true
			}
		}
	}
	for _, ln := range l.lines {
		if past[ln.Pos.Line] {
			continue
		}
		found := false
		eachText(ln, func(text string, pos lexer.Position) {
			if found || !mentionsSeveral(text) {
				return // the cheap test first: most lines hold none of the words
			}
			words := sentenceWords(text)
			for k := 0; k+1 < len(words); k++ {
				if !severalAt(words, k) {
					continue
				}
				les := &l.out.Lesions[0]
				les.Ambiguous = model.Text{Value: "several tumors (line " + strconv.Itoa(pos.Line) + ")", Line: pos.Line}
				l.report(LesionAmbiguous.At("", pos.Line, pos.Column+words[k].at,
					"the note speaks of several tumors (%q) but opens 1 lesion: label each lesion; no Mohs line", words[k].text+" "+words[k+1].text))
				found = true
				return
			}
		})
		if found {
			return
		}
	}
}

// mentionsSeveral reports whether text holds a word severalAt starts at.
func mentionsSeveral(text string) bool {
	for _, w := range []string{"both", "each", "every", "all ", "sites"} {
		if containsFold(text, w) {
			return true
		}
	}
	return false
}

// severalAt reports whether the words from k say there are several tumors:
// "both sites", "both of the tumors", "each site", "all three lesions",
// "sites A and B".
func severalAt(words []sentenceWord, k int) bool {
	w := words[k].text
	next := func(i int) string {
		if k+i < len(words) {
			return words[k+i].text
		}
		return ""
	}
	switch {
	case w == "both":
		n := 1
		if next(1) == "of" && next(2) == "the" {
			n = 3
		}
		return slices.Contains(severalNouns[:1], next(n)) || slices.Contains([]string{"tumors", "tumours", "lesions", "cancers", "carcinomas"}, next(n))
	case w == "each" || w == "every":
		return next(1) == "site" || next(1) == "tumor" || next(1) == "tumour"
	case w == "all":
		return cardinalWord(next(1)) >= 2 && slices.Contains(severalNouns, next(2)) && next(2) != "site"
	case w == "sites":
		return len(next(1)) == 1 && next(2) == "and" && len(next(3)) == 1
	}
	return false
}

// eachText calls f with each text of a note line that words can be read
// in: its item's text and its fields' keys and values, or its table row's
// cells.
func eachText(ln *grammar.Line, f func(text string, pos lexer.Position)) {
	if ln.Item != nil {
		if ln.Item.Text != nil {
			f(ln.Item.Text.Text, ln.Item.Text.Pos)
		}
		for _, fd := range ln.Item.Fields {
			f(fd.Key, fd.Pos)
			if fd.Value != nil {
				f(fd.Value.Text, fd.Value.Pos)
			}
		}
	}
	if ln.Row != nil {
		for _, c := range ln.Row.Cells {
			f(c.Text, c.Pos)
		}
	}
}
