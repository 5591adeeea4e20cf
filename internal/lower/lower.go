package lower

import (
	"errors"
	"fmt"
	"github.com/alecthomas/participle/v2/lexer"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/mohscode/mohscode/internal/prose"
)

// MaxLesions bounds the lesions of one note: past it, the rest of the note
// is a problem, never merged into the last lesion.
const MaxLesions = 100

// Lower builds the procedure model of a parsed note. name is the note's
// source, used in positions. It never fails on a note's content: a value
// that does not fit its key is a value-invalid finding with its position, the value
// counts as not documented and the rest of the note is read.
func Lower(name string, note *grammar.Note) (*model.Note, error) {
	note = &grammar.Note{Lines: stageGroupedTables(labelledRows(labelledSites(sentenceKeysAsText(decoratedHeadings(cellPerLineTables(slashedFields(sideBySideStages(headedLesionRows(singleSpaced(withoutPageBreaks(withoutCodeLists(selfCorrections(note.Lines)))))))))))))}
	l := &lowerer{
		out:    &model.Note{Source: name, Lesions: make([]model.Lesion, 0, 2)},
		lines:  note.Lines,
		lesion: -1, stage: -1, repair: -1, biopsy: -1,
		rowStage: rowStage{line: -1},
	}
	l.opens = make([]opening, len(note.Lines))
	l.wrapAt = wrapColumn(note.Lines)
	l.terse = terseLines(note.Lines)
	var dashed, hashed []int
	margin := leftMargin(note.Lines)
	for i, line := range note.Lines {
		l.opens[i] = opensSection(line, margin)
		if l.opens[i] == opensNothing && siteLedItem(note.Lines, i) {
			l.opens[i] = opensLesion // "1) R nasal ala BCC (bx 1/29/26). Map drawn." over "   S1 2 blks, +deep blk 1. …"
		}
		l.headed = l.headed || l.opens[i] == opensLesion
		if line.Item != nil && line.Item.Marker == nil && line.Item.Label == nil && line.Item.Text != nil && dashedLesion(line.Item.Text.Text) {
			dashed = append(dashed, i)
		}
		if line.Item != nil && line.Item.Marker == nil && line.Item.Label == nil && line.Item.Text != nil && len(line.Item.Fields) == 0 {
			if _, _, ok := hashSite(line.Item.Text.Text); ok {
				hashed = append(hashed, i)
			}
		}
	}
	// a caption opens a lesion only in a note with no other lesion label
	l.captionsOnly()
	l.procedureHeadings()
	if at := bareBanner(note.Lines, l.opens); at >= 0 { // "LESION" over the one lesion's fields: a section banner
		l.opens[at] = opensNothing
		l.headed = false
	}
	l.proseLabelled = !l.headed && proseLabels(note.Lines)
	if !l.headed && len(hashed) > 0 { // "#1 left cheek" / "#2 right forearm": a lesion numbered with a hash
		for _, i := range hashed {
			l.opens[i] = opensLesion
		}
		l.headed = true
	}
	if !l.headed && (len(dashed) >= 2 || len(dashed) == 1 && stagedAfter(note.Lines, dashed[0])) {
		// "Left helix - SCC, …" / "Right calf - BCC, …": a lesion a line; "L
		// upper back (scapular) - sup + nod BCC; …" over its stages
		for _, i := range dashed {
			l.opens[i] = opensLesion
		}
		l.headed = true
	}
	if sites := siteHeadings(note.Lines); !l.headed && len(sites) >= 2 { // "LEFT THUMB:" / "RIGHT ANKLE:" over their paragraphs
		for _, i := range sites {
			l.opens[i] = opensLesion
		}
		l.headed = true
	}
	if !l.headed {
		l.siteParas = siteParagraphs(note.Lines)
		if openings := siteOpenings(note.Lines); l.siteParas == nil || extends(openings, l.siteParas) {
			// "Third, the left cutaneous upper lip." opens its paragraph with
			// no site first: the sentences that open the tumors find it
			l.siteParas = openings
			l.siteSentences = l.siteParas != nil
		}
		l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: "1", Line: 0})
		l.lesion = 0
	}
	copied := copiedText(note.Lines)
	for i := 0; i < len(note.Lines) && !l.full; i++ {
		line := note.Lines[i]
		switch {
		case copied[i]: // "----- copied from the Mohs log of 03/12/2024 … -----": another day's surgery
			l.table, l.grid = nil, nil
			l.endParagraph()
		case line.Row != nil:
			i = max(i, l.row(i, line.Row))
		case line.Rule != nil, line.Spanned: // a line a row's quoted cell ran on to is the row's
		case line.Item != nil:
			if end := l.otherVisit(i); end > i {
				// "PROCEDURE NOTE - DELAYED RECONSTRUCTION" / "VISIT DATE:
				// 10/14/2026" under a rule after the day's note: another
				// visit's document, to the next rule
				l.endParagraph()
				l.table, l.grid = nil, nil
				i = end
				continue
			}
			i = max(i, l.item(i, line.Item))
		default:
			if !l.tableGoesOn(i) { // a double-spaced export leaves a blank line between a log's rows
				l.table, l.grid = nil, nil
			}
			if repairsSection(l.block.Value) || hasPrefixFold(strings.TrimSpace(l.block.Value), "addendum") {
				// under its heading: "Reconstruction, performed after tumor
				// clearance at each site:" over a sentence a lesion's repair,
				// "ADDENDUM" over the paragraph that corrects the note
				l.endParagraph()
			}
			if i == 0 || l.block.Line != l.lines[i-1].Pos.Line { // a heading right above the blank still heads what follows it
				l.block = model.Text{}
			}
			if l.listedBiopsy {
				l.biopsy, l.listedBiopsy = -1, false
			}
			l.endParagraph()
		}
	}
	l.endParagraph()
	for _, row := range l.summaries {
		l.summary(row)
	}
	for _, v := range l.biopsyForEach {
		for i := range l.out.Lesions {
			if les := &l.out.Lesions[i]; !les.PriorBiopsy.Present() {
				les.PriorBiopsy = model.Flag{Yes: true, Line: v.Pos.Line}
			}
		}
	}
	l.postopDiagnoses()
	for _, v := range l.mapForEach {
		m, err := mapFlag("Map", v)
		l.problem(err)
		for i := range l.out.Lesions {
			if les := &l.out.Lesions[i]; !les.Map.Present() {
				les.Map = m
			}
		}
	}
	l.finish()
	return l.out, nil
}

// copiedText marks the lines of text another day's note or log lent this
// one: from a line that says it opens a copy ("----- copied from the Mohs
// log of 03/12/2024 (left nasal sidewall, BCC) -----") to the line that
// ends it ("----- end of copied text -----"), both included, or, with no
// such end, to the next blank line. Nil when the note has none.
func copiedText(lines []*grammar.Line) map[int]bool {
	var out map[int]bool
	for i := 0; i < len(lines); i++ {
		if opensSuperseded(lines[i]) {
			// "ORIGINAL REPORT - SUPERSEDED 10/08/2026 - RETAINED FOR THE
			// RECORD ONLY" under the corrected report: none of it is coded,
			// to its end marker, the corrected report or the note's end
			end := i + 1
			for end < len(lines) && !endsSuperseded(lineText(lines[end])) {
				end++
			}
			if out == nil {
				out = map[int]bool{}
			}
			for k := i; k <= end && k < len(lines); k++ {
				out[k] = true
			}
			i = end
			continue
		}
		if !opensCopy(lines[i]) {
			continue
		}
		end := -1
		for j := i + 1; j < len(lines) && j <= i+60; j++ {
			if t := lineText(lines[j]); strings.Contains(asciiLower(t), "end of cop") {
				end = j
				break
			}
		}
		if end < 0 {
			for end = i + 1; end < len(lines) && !lines[end].Blank; end++ {
			}
		}
		if out == nil {
			out = map[int]bool{}
		}
		for k := i; k <= end && k < len(lines); k++ {
			out[k] = true
		}
		i = end
	}
	return out
}

// stageKeyFirst reports whether text opens with a stage's key and its
// colon: "first stage: three blocks. …".
func stageKeyFirst(text string) bool {
	key, _, ok := strings.Cut(text, ":")
	ord, tail, isStage := splitStage(key)
	return ok && isStage && ord != "" && tail == ""
}

// hashStage reads a line that numbers a lesion with a hash and states one
// of its stages ("#1 I: 2 blks; …", "#2 stg 1: 2 blks neg"): the lesion
// and the stage's field; -1 and nil when the line is none, or names no
// lesion of the note.
func (l *lowerer) hashStage(it *grammar.Item) (int, *grammar.Field) {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 || !strings.HasPrefix(it.Text.Text, "#") {
		return -1, nil
	}
	m := hashNumbered.FindStringSubmatchIndex(it.Text.Text)
	if m == nil {
		return -1, nil
	}
	text := it.Text.Text
	k := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == text[m[2]:m[3]] })
	key, _, ok := strings.Cut(text[m[4]:], ":")
	if k < 0 || !ok {
		return -1, nil
	}
	if ord, tail, isStage := splitStage(key); (!isStage || ord == "" || tail != "") && !(strings.Trim(key, "IV") == "" && grammar.Roman(key) > 0) {
		return -1, nil // neither "stg 1" nor "II"
	}
	v := trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: text}, m[4]+len(key)+1, len(text))
	if v == nil {
		return -1, nil
	}
	key = strings.TrimSpace(key)
	if grammar.Roman(key) > 0 {
		key = "Stage " + key // "#1 II: 1 blk neg"
	}
	return k, &grammar.Field{Pos: shift(it.Text.Pos, text[:m[4]]), Key: key, Value: v}
}

// markedAgain is the lesion a numbered item names again by its list
// marker when the item states a stage of its own ("1) 1st stg: 6 blks; …",
// "2) 2nd stg: 1 blk neg") or a repair ("c) ILC 4.0cm"): a note of several
// lesions each opened by an item with that marker. -1 otherwise, as for a
// list of stages numbered by their markers ("1) 3 blocks, …").
func (l *lowerer) markedAgain(it *grammar.Item) int {
	if it.Marker == nil || it.Label != nil || len(l.out.Lesions) < 2 {
		return -1
	}
	switch {
	case it.Text == nil && len(it.Fields) > 0:
		key := strings.TrimSpace(it.Fields[0].Key)
		if ord, _, ok := splitStage(key); (!ok || ord == "") && !(strings.Trim(key, "IV") == "" && grammar.Roman(key) > 0) {
			return -1 // neither "1st stg" nor "I"
		}
	case it.Text != nil && len(it.Fields) == 0:
		if site := resolvedSite(siteLead(it.Text.Text)); site != "" {
			// "A) Left lower eyelid, 0.7 x 0.5 cm, …. Mohs for the periocular
			// site …" under "Why Mohs, and sizes:": the lesions listed again,
			// each with its facts, when the marker's lesion is at that site
			label := markerLabel(it.Marker.Text)
			k := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
			if k < 0 || !sameSite(siteWords(l.out.Lesions[k]), site) || l.out.Lesions[k].Line == it.Pos.Line {
				return -1
			}
			return k
		}
		if !isRepairText(asciiLower(it.Text.Text) + " ") {
			return -1 // a repair that names no site: not a list of the lesions again, nor of a lesion's stages
		}
	default:
		return -1
	}
	label := markerLabel(it.Marker.Text)
	k := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
	if k < 0 {
		return -1
	}
	if opened := l.out.Lesions[k].Line - 1; opened < 0 || opened >= len(l.lines) || l.lines[opened].Item == nil ||
		l.lines[opened].Item.Marker == nil || markerLabel(l.lines[opened].Item.Marker.Text) != label {
		return -1 // ("1." opened it, "1)" names it again)
	}
	return k
}

// restatedBiopsies drops a biopsy that names no method when another
// biopsy at its site names one ("3. Neoplasm of uncertain behavior, left
// mid back - biopsy pending" in the assessment, after "… a 4 mm punch
// biopsy was taken" of the left mid back's papule): the assessment restates
// the biopsy the note describes, whose impression it keeps when the
// described one has none.
func restatedBiopsies(bs []model.Biopsy) []model.Biopsy {
	method := func(b model.Biopsy) string { return biopsyMethod(b.Type.Value + " " + b.Value.Value) }
	drop := make([]bool, len(bs))
	for i, b := range bs {
		if method(b) != "" {
			continue
		}
		for j := range bs {
			if o := &bs[j]; j != i && !drop[j] && method(*o) != "" && b.Site.Resolved && sameBiopsySite(*o, b) {
				if !o.Diagnosis.Present() {
					o.Diagnosis = b.Diagnosis
				}
				drop[i] = true
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
	return out
}

// sizeAfterSite is the size that follows the site opening a lesion's line
// after a comma ("Left lower eyelid, 0.7 x 0.5 cm, 4 mm below the lash
// line."), or no size.
func sizeAfterSite(t *grammar.Text) model.Size {
	lead := siteLead(t.Text)
	rest, ok := strings.CutPrefix(t.Text[len(lead):], ", ")
	if !ok {
		return model.Size{}
	}
	part, _, _ := strings.Cut(rest, ",")
	part, _, _ = strings.Cut(part, ". ")
	m, err := grammar.ParseMeasure("", &grammar.Value{Pos: t.Pos, Text: strings.TrimSuffix(strings.TrimSpace(part), ".")})
	if err != nil || len(m.Dims) == 0 {
		return model.Size{}
	}
	return model.Size{Dims: m.Dims, Line: t.Pos.Line}
}

// otherVisit is the last line of another visit's document that line i
// dates, or -1: a date-of-service field or a date alone on its line (a
// letter's) below a rule (within eight lines, no addendum between), after
// the day's stages, whose date is not the date of service the note gave
// before it. The document ends at the next rule or the note's end.
func (l *lowerer) otherVisit(i int) int {
	it, dos := l.lines[i].Item, l.out.Encounter.Date.Value
	if dos == "" || l.inAddendum() {
		return -1
	}
	var date *grammar.Value
	switch {
	case it.Text == nil && len(it.Fields) > 0 && it.Fields[0].Value != nil:
		if ref, ok := lookup(secEncounter, it.Fields[0].Key); ok && ref.field == fDate {
			date = withoutTime(it.Fields[0].Value) // "VISIT DATE: 10/14/2026"
		}
	case it.Text != nil && len(it.Fields) == 0 && it.Marker == nil && wordCount(it.Text.Text, 5) < 5 && strings.IndexAny(it.Text.Text, "0123456789") >= 0:
		date = &grammar.Value{Pos: it.Text.Pos, Text: strings.TrimSpace(it.Text.Text)} // "November 23, 2026" over a letter's "Dear …"
	}
	if date == nil {
		return -1
	}
	iso, err := grammar.ParseDate("", date)
	if err != nil || iso == dos {
		return -1
	}
	rule := -1
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if l.lines[j].Rule != nil {
			rule = j
			break
		}
		if containsFold(lineText(l.lines[j]), "addendum") {
			return -1
		}
	}
	if rule < 0 || !slices.ContainsFunc(l.lines[:rule], func(line *grammar.Line) bool { return namesStageNoun(anyLineText(line)) }) {
		return -1 // no day's note above it tells a stage: the dated text may be the note itself
	}
	end := i + 1
	for end < len(l.lines) && l.lines[end].Rule == nil {
		end++
	}
	return end - 1
}

// opensSuperseded reports whether a line is the banner over a report a
// corrected one replaces: "ORIGINAL REPORT - SUPERSEDED 10/08/2026 -
// RETAINED FOR THE RECORD ONLY", "Superseded version (do not use)".
func opensSuperseded(line *grammar.Line) bool {
	text := lineText(line)
	if !containsFold(text, "superseded") {
		return false // the cheap test first
	}
	lower := asciiLower(text)
	return wordCount(text, 16) < 16 && mentions(lower, []string{"original", "retained", "do not use", "previous version", "prior version", "superseded version", "superseded report"})
}

// endsSuperseded reports whether a line ends a superseded report: its end
// marker, or the banner of the corrected report that follows it.
func endsSuperseded(text string) bool {
	lower := asciiLower(text)
	return strings.Contains(lower, "end of superseded") || strings.Contains(lower, "end of original") ||
		wordCount(text, 8) < 8 && (strings.Contains(lower, "corrected report") || strings.Contains(lower, "amended report")) && !strings.Contains(lower, "see ")
}

// opensCopy reports whether a line says the text under it is copied from
// another day's log or note, as a line of its own (the grammar has taken
// off its banner): "----- copied from the Mohs log of 03/12/2024 -----",
// "[Copied from note of 5/6/2025]". A heading that names a copied history
// ("INTERVAL HISTORY (copied forward from …)") opens no copy: a history
// tells no stage today.
func opensCopy(line *grammar.Line) bool {
	text := lineText(line)
	if !containsFold(text, "cop") {
		return false // the cheap test first: most lines copy nothing
	}
	lower := strings.TrimLeft(asciiLower(strings.TrimSpace(text)), "[(-=* ")
	if !strings.HasPrefix(lower, "copied from") && !strings.HasPrefix(lower, "copy of") {
		return false
	}
	return strings.Contains(lower, " log") || strings.Contains(lower, " note") || strings.Contains(lower, " record")
}

type lowerer struct {
	out    *model.Note
	lines  []*grammar.Line
	opens  []opening // what each line opens
	headed bool      // the note has lesion labels
	// partDepth is how deep proseScope has gone into the parts stageParts
	// cut: a part is cut again only while it is shallower than the note has
	// lesions, so that two rules that disagreed on whose a sentence is
	// could not hand it back and forth without end
	partDepth int
	// indexes of the open lesion and sections, -1 when none
	lesion, stage, repair, biopsy int
	// the open biopsy is a numbered list's item ("4. Tangential (shave)
	// biopsy of a separate lesion of the left dorsal forearm."): it ends at
	// the blank line after the list, and "LOCATION:" below is the lesion's
	listedBiopsy bool
	// listedBiopsies: the biopsies a numbered list's item opened ("3. Pink
	// scaly papule, left upper back … Tangential (shave) biopsy performed
	// today (details below)"), true until a "Biopsy 1:" heading below has
	// described one of them
	listedBiopsies  map[int]bool
	table           *table                   // the table whose rows are being read
	grid            *yesNoGrid               // the yes/no checklist whose rows are being read
	paragraph       []grammar.Value          // the prose lines of the open paragraph
	block           model.Text               // the text line over the items that follow ("Repairs (after tumor clearance):")
	procedure       map[int]model.Text       // each lesion's procedure line ("Mohs micrographic surgery, right dorsal forearm")
	paragraphs      map[int][][]prose.Line   // the prose of each lesion (noteScope: before the first)
	history         map[int][][]prose.Line   // the prose of each lesion's history
	corrections     map[int][][]prose.Line   // each lesion's addenda that correct the note
	planned         map[int][][]prose.Line   // each lesion's plan lines that tell a repair done (planLine)
	toldCorrections map[int]bool             // the lesions whose corrections name them, in a note of several
	inHistory       bool                     // the paragraph being read is a history field's value
	scopes          []int                    // the lesions with prose, in note order
	full            bool                     // the note has more lesions than MaxLesions: reading stopped
	unread          bool                     // a table the reader cannot tell was reported
	lengths         map[int]model.Size       // a repair length stated apart from its repair, by lesion
	secondaries     map[int]model.Size       // a flap's secondary defect stated apart from its repair, by lesion
	repairBy        map[int]model.Text       // who repaired, stated apart from the repair, by lesion
	stainReasons    []stainReason            // the stain reasons given apart from their stains, in note order
	provenDx        map[int]model.Text       // the diagnosis a prior-biopsy field names ("Bx proven Tumor: BCC-Nodular"), by lesion
	mapForEach      []*grammar.Value         // map fields before the first label that speak of every lesion
	postopList      []model.Text             // a numbered list under a valueless post-operative diagnosis key, item n of lesion n
	biopsyForEach   []*grammar.Value         // dated prior-biopsy fields before the first label of a labelled note
	lesionStains    []lesionStains           // stain fields of a lesion before its stages
	summaries       []summaryRow             // the rows of a summary table of lesions
	pending         []pendingField           // lesion fields before the first label that name each lesion's part
	stagesListed    bool                     // a stage count was read; numbered items under it are its stages
	valueEnd        int                      // the note line the last field line's value ends on, with the lines it wraps onto
	wrapAt          int                      // the column the note's lines were wrapped to (wrapColumn), 0 when not wrapped
	terse           bool                     // the note's short lines open in lower case (terseLines): lower case is no sign of a wrap
	rowStage        rowStage                 // the stage the last log row stated
	siteParas       map[siteAt]siteParagraph // the paragraphs (by line) or sentences (by line and column) of a dictation that open with their lesion's site
	siteOpened      map[siteAt]bool          // the openings of siteParas whose lesion a part of their paragraph has opened
	proseLabelled   bool                     // a note without lesion labels whose prose numbers two lesions or more ("Lesion 1 is …", "Lesion 2 is …")
	siteSentences   bool                     // siteParas are sentences that name their lesion's site among others (siteOpenings)
	tableOpened     int                      // lesions a table opened in a labelled note before any label did ("| 1 | left nasal dorsum | …" above "Site 1: …")
	clearedRepairs  map[int]model.Text       // a repairs heading that times every repair under it after clearance, by lesion
	repairSplits    map[prose.Span]bool      // where the last line of each lesion's part of a repairs paragraph cut by lesion begins (repairParts): its own, never shared
}

// lesionStains are the stains a stain field names at lesion les's level,
// before its stages: every stage's, or stage's alone when it is not 0 (the
// field stood under a sentence of that stage).
type lesionStains struct {
	les    int
	stage  int
	stains []model.Stain
}

// sentenceStage is the stage a line of text opens with ("Stage 1 consisted
// of 4 section(s). …", "Mohs stage 2 consisted of …"), or 0.
var sentenceStage = regexp.MustCompile(`^(?i:mohs\s+)?(?i:stage)\s+(\d{1,2})\s+(?i:consisted|was|comprised|had|included)\b`)

// codesOnly is a value of ICD-10-CM codes alone: "C44.41", "C44.319,
// C44.519".
var codesOnly = regexp.MustCompile(`^[A-Z]\d{2}(\.\d{1,4}[A-Z]?)?(\s*[,;/]\s*[A-Z]\d{2}(\.\d{1,4}[A-Z]?)?)*\.?$`)

// stageAbove is the stage that the note line n, or the nearest of the few
// lines above it with no blank line between, opens with a sentence of
// ("Stage 1 consisted of 4 section(s). Margin status: positive." over
// "Special stain(s): …", or "Mohs stage 1 consisted of 4 sections.
// Margins: … Special stain: Ber-EP4 (block 2) …" on one line or wrapped
// over several), or 0.
func (l *lowerer) stageAbove(n int) int {
	for at := n; at >= n-4 && at > 0; at-- { // the stage's sentence may wrap over a few lines
		line := l.lineAt(at)
		if line == nil || isBlank(line) {
			return 0
		}
		if line.Item == nil || line.Item.Marker != nil || line.Item.Label != nil {
			continue
		}
		var text string
		switch it := line.Item; {
		case it.Text != nil:
			text = it.Text.Text
		case len(it.Fields) > 0:
			text = it.Fields[0].Key // "Stage 1 consisted of 4 section(s). Margin status: positive."
		}
		if m := sentenceStage.FindStringSubmatch(strings.TrimSpace(text)); m != nil {
			k, _ := strconv.Atoi(m[1])
			return k
		}
	}
	return 0
}

// everyLesionWords say that a field before the first lesion label is about
// every lesion: "Map: drawn for each site".
var everyLesionWords = []string{"each site", "each lesion", "each tumor", "both sites", "both lesions", "both tumors",
	"all sites", "all lesions", "all tumors", "every site", "every lesion", "all three", "all four", "for lesions", "for sites", "for tumors"}

func (l *lowerer) cur() *model.Lesion { return &l.out.Lesions[l.lesion] }

func (l *lowerer) closeSections() { l.stage, l.repair = -1, -1 }

// report records what reading says about the note.
func (l *lowerer) report(f diag.Finding) { l.out.Findings = append(l.out.Findings, f) }

// problem records a value that does not fit its key; the value counts as
// not documented.
func (l *lowerer) problem(err error) {
	if err == nil {
		return
	}
	var perr *diag.ParseError
	if errors.As(err, &perr) {
		l.report(ValueInvalid.At("", perr.Line, perr.Column, "%s", perr.Message))
		return
	}
	l.report(ValueInvalid.At("", 1, 1, "%s", err.Error()))
}

// opening is what a line opens.
type opening uint8

const (
	opensNothing opening = iota
	opensLesion
	opensBiopsy
)

// opensSection tells whether a line opens a lesion ("Lesion 2", "SITE A:",
// "A. Left cheek – BCC", "1. Right dorsal hand") or a biopsy section
// ("Biopsy 1:", "2. Right thigh: … tangential biopsy").
func opensSection(line *grammar.Line, margin int) opening {
	it := line.Item
	if it == nil {
		return opensNothing
	}
	if it.Label != nil {
		if strayWord(it) != nil {
			return opensNothing // "biopsy" alone on a line in lower case
		}
		if priorBiopsyLine(it) {
			return opensNothing // "[Biopsy] shave biopsy 08/12/2025, nodular BCC": the lesion's prior biopsy
		}
		if it.Label.Word() == "procedure" && it.Text != nil && len(it.Fields) == 0 && strings.Contains(asciiLower(it.Text.Text), "biopsies") {
			return opensNothing // "PROCEDURE 2: BIOPSIES OF OTHER LESIONS": a heading over the biopsies listed after it
		}
		if it.Label.Biopsy() || it.Label.Word() == "procedure" && it.Text != nil && mentionsBiopsyProcedure(it.Text.Text) {
			return opensBiopsy // "Procedure #3 - Shave biopsy"
		}
		if it.Text != nil && mentionsBiopsyProcedure(it.Text.Text) && strings.Contains(asciiLower(it.Text.Text), "impression") {
			return opensBiopsy // "Lesion 2 - right shoulder, 8 mm scaly papule. Clinical impression: SCC versus … 4 mm punch biopsy."
		}
		return opensLesion
	}
	if key, _, ok := leadKey(it); ok {
		if _, _, ok := biopsyKey(key); ok {
			return opensBiopsy // "Bx A - left parietal scalp: incisional biopsy …"
		}
	}
	if it.Marker == nil && it.Text != nil && len(it.Fields) == 0 && tableCaption(it.Text.Text) != "" {
		return opensLesion // "Table 1. Mohs log - left temple"
	}
	if it.Marker == nil || !isOrdinalMarker(it.Marker.Text) || it.Marker.Pos.Column > margin+2 {
		return opensNothing
	}
	if it.Text != nil && len(it.Fields) == 0 && signatureLine(it.Marker.Text+" "+it.Text.Text) {
		return opensNothing // "I. Vantongeren-Sole, MD": the surgeon's initial, no lesion's numeral
	}
	if m := it.Marker.Text; m[0] >= 'a' && m[0] <= 'f' && (it.Text == nil || icd10.Recognize(it.Text.Text).Histology == "" && !mentionsBiopsyProcedure(it.Text.Text)) {
		// "a) L temple - sup bcc, …" opens its tumor, "a) Left dorsal
		// forearm, …: 4 mm punch biopsy; …" its biopsy; an exam's "a) Right
		// lower eyelid: … pearly papule, biopsy site" neither
		return opensNothing
	}
	switch {
	case it.Text != nil && len(it.Fields) == 0:
		if first, _, _ := strings.Cut(it.Text.Text, ","); mentionsBiopsyProcedure(it.Text.Text) && !datedBiopsy(it.Text.Text) &&
			(mentionsBiopsyProcedure(first) || icd10.Recognize(first).Histology == "") {
			// not "1. Right nasal ala – BCC, nodular – 0.6 x 0.5 cm – shave bx
			// 11/09/2026 (TE26-5540)": a tumor's prior biopsy; nor "4) Squamous
			// cell carcinoma in situ, left lower leg - no prior biopsy; diagnosed
			// today on frozen section of a tangential biopsy": a tumor of a list
			// of diagnoses, biopsied today
			return opensBiopsy
		}
		lead := siteLead(it.Text.Text)
		if resolvedSite(lead) != "" && !mentions(lead, procedureWords) && icd10.Recognize(lead).Histology == "" && mostlySite(lead) {
			// "1. Right dorsal hand", not an assessment's "1. Squamous cell
			// carcinoma of the right temple", nor "2. Wedge excision of the
			// helix with primary repair", nor a plan's "2. Compression wrap
			// and leg elevation"
			return opensLesion
		}
	case it.Text == nil && len(it.Fields) > 0 && it.Fields[0].Value != nil:
		if siteThenStages(it) != nil {
			return opensLesion // "A) Left conchal bowl: nodular BCC (shave bx …). … Stage 1 - 2 blocks, …": a lesion told after its site
		}
		f := it.Fields[0]
		if _, ok := anatomy.Resolve(f.Key); ok && mentionsBiopsyProcedure(f.Value.Text) {
			return opensBiopsy
		}
	}
	return opensNothing
}

// mostlySite reports whether text names a site and little else: at most
// one word the site's terms and side leave that says no place on it
// ("Right great toe", not "Compression wrap and leg elevation"; see
// plainSite).
func mostlySite(text string) bool {
	site, ok := anatomy.Resolve(text)
	if !ok {
		return false
	}
	other := 0
	for _, q := range site.Qualifiers {
		if !placeWords[q] {
			other++
		}
	}
	return other <= 1
}

// procedureWords name what was done at a site, not the site: a numbered
// procedure list's "2. Wedge excision of the helix".
var procedureWords = []string{"excision", "repair", "closure", "flap", "graft", "biopsy", "surgery", "resection"}

// siteLedItem reports whether line i is a numbered or lettered item that
// names its site and then its tumor ("1) R nasal ala BCC (bx 1/29/26). Map
// drawn.") with a stage on the next line ("S1 2 blks, +deep blk 1. …"): a
// lesion, not an assessment's "1. Squamous cell carcinoma of the right
// temple".
func siteLedItem(lines []*grammar.Line, i int) bool {
	it := lines[i].Item
	if it == nil || it.Marker == nil || it.Label != nil || it.Text == nil || len(it.Fields) > 0 || !isOrdinalMarker(it.Marker.Text) || i+1 >= len(lines) {
		return false
	}
	next := lines[i+1].Item
	if next == nil || !(terseStage(next) != nil || next.Text != nil && len(next.Fields) == 0 && next.Marker == nil && stageLine(next.Text) != nil ||
		next.Text == nil && len(next.Fields) > 0 && isStageKey(next.Fields[0].Key)) {
		return false
	}
	_, _, ok := siteLedSplit(it.Text.Text)
	return ok
}

// siteLedSplit splits a lesion line that names its site and then its
// tumor, with no dash between ("R nasal ala BCC (bx 1/29/26). Map
// drawn."): the site, and the byte where the tumor's words start.
func siteLedSplit(s string) (site string, at int, ok bool) {
	lead := siteLead(s)
	var starts []int // where each word of the lead starts in s
	for i := 0; i < len(lead); i++ {
		if lead[i] != ' ' && (i == 0 || lead[i-1] == ' ') {
			starts = append(starts, i)
		}
	}
	words := strings.FieldsFunc(lead, func(r rune) bool { return r == ' ' }) // the words starts holds: a form feed or other blank inside a word splits neither
	for n := len(words) - 1; n > 0; n-- {
		site := strings.Join(words[:n], " ")
		if _, known := anatomy.Resolve(site); known && icd10.Recognize(strings.Join(words[n:], " ")).Histology != "" {
			return site, strings.Index(s, lead) + starts[n], true
		}
	}
	return "", 0, false
}

// siteThenStages is the field of a numbered or lettered line keyed by a
// site whose value tells that lesion's stages ("A) Left conchal bowl:
// nodular BCC …. Stage 1 - 2 blocks, …"); nil when the line is no such
// line.
func siteThenStages(it *grammar.Item) *grammar.Field {
	if it.Marker == nil || it.Label != nil || it.Text != nil || len(it.Fields) == 0 || it.Fields[0].Value == nil {
		return nil
	}
	f := it.Fields[0]
	if _, ok := anatomy.Resolve(f.Key); !ok || !namesStageWord(f.Value.Text) {
		return nil
	}
	return f
}

// namesStageWord reports whether text holds the word "stage" followed by a
// number ("Stage 1 - 2 blocks"), or tells its first stage ("The first stage
// was divided into 2 blocks").
func namesStageWord(text string) bool {
	words := strings.Fields(asciiLower(text))
	for k := 0; k+1 < len(words); k++ {
		if words[k] == "stage" && words[k+1][0] >= '0' && words[k+1][0] <= '9' {
			return true
		}
		if words[k] == "first" && (words[k+1] == "stage" || words[k+1] == "layer") && k+2 < len(words) && (words[k+2] == "was" || words[k+2] == "consisted") {
			return true // "Right cheek: The first stage was divided into 2 blocks. …"
		}
	}
	return false
}

// tableGoesOn reports whether the log or checklist being read goes on
// after the blank line i: the next line that is neither blank nor a rule
// is one of its rows (a stage row of the log, a marked row of the
// checklist).
func (l *lowerer) tableGoesOn(i int) bool {
	for _, line := range l.lines[i+1:] {
		switch {
		case line.Row != nil && l.table != nil && l.table.numbers != nil && len(line.Row.Cells) > 0: // a log one column a stage
			role := columnRoleOf(line.Row.Cells[0].Text)
			return role != colOther && role != colStage && role != colLesion
		case line.Row != nil && l.table != nil:
			c := l.table.cells(line.Row)[colStage]
			return c != nil && isStageCell(c.Text) || totalsRow(line.Row) // "| TOTAL | 6 |" after a blank line
		case line.Row != nil:
			return l.grid.field(line.Row) != nil
		case line.Item != nil:
			return false
		}
	}
	return false
}

// leftMargin is the column the note's items start at, at the least: 1,
// unless every line is indented (or follows an export's "<p>").
func leftMargin(lines []*grammar.Line) int {
	margin := 0
	for _, line := range lines {
		if it := line.Item; it != nil && (margin == 0 || it.Pos.Column < margin) {
			margin = it.Pos.Column
		}
	}
	return max(margin, 1)
}

// dashedLesion reports whether a line names a lesion by its site and, after
// a dash, its diagnosis: "Left helix - SCC, well differentiated; …", "L
// upper back (scapular) - sup + nod BCC; …".
func dashedLesion(s string) bool {
	for _, dash := range []string{" – ", " — ", " - "} {
		i := strings.Index(s, dash)
		head := strings.TrimSpace(s[:max(i, 0)])
		if open := strings.Index(head, " ("); open > 0 && strings.HasSuffix(head, ")") {
			head = head[:open] // where on the site, in parentheses
		}
		if lead := siteLead(s); lead != head && strings.HasPrefix(head, lead+", ") && placeRemark(head[len(lead)+2:]) {
			head = lead // "R lower eyelid, central - nod BCC", "R upper lip, cutaneous, lat - …": where on the site after commas
		}
		if i <= 0 || siteLead(s) != head {
			continue
		}
		if _, ok := anatomy.Resolve(s[:i]); ok && !namesStageOf(s[:i]) {
			return icd10.Recognize(siteLead(s[i+len(dash):])).Histology != ""
		}
	}
	return false
}

// placeRemark reports whether text, after a site and a comma, only says
// where on the site: a word or two a part, parts set apart by commas, no
// number ("central", "cutaneous, lat").
func placeRemark(text string) bool {
	parts := strings.Split(text, ",")
	if len(parts) > 3 || strings.ContainsAny(text, "0123456789:;") {
		return false
	}
	for _, part := range parts {
		if n := len(strings.Fields(part)); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// stageWithFields reads a line that names a stage with no colon and then
// its fields ("Layer 1 | Sections: 3 | Margins: positive - deep, section 2 |
// Stains: H&E", as a dermatology EHR prints its Mohs grid) as the stage's
// field, its fields the items of its value, each at its column; nil for any
// other line.
func stageWithFields(it *grammar.Item) *grammar.Field {
	if it.Marker != nil || it.Label != nil || it.Text == nil || len(it.Fields) == 0 || !isStageKey(strings.Trim(it.Text.Text, " |")) {
		return nil
	}
	first := it.Fields[0]
	var b strings.Builder
	for k, f := range it.Fields {
		if k > 0 {
			for b.Len() < f.Pos.Column-first.Pos.Column-2 {
				b.WriteByte(' ')
			}
			b.WriteString("; ")
		}
		b.WriteString(keyAndValue(f).Text)
	}
	return &grammar.Field{Pos: it.Text.Pos, Key: strings.Trim(it.Text.Text, " |"), Value: &grammar.Value{Pos: first.Pos, Text: b.String()}}
}

// remarkBiopsiedEach reports whether a heading's remark in parentheses says that
// every tumor under it was biopsied: "Tumors treated today (each shave
// biopsied on 10/02/2026)", "(all biopsy-proven)".
func remarkBiopsiedEach(key string) bool {
	_, remark, ok := strings.Cut(asciiLower(key), "(")
	if !ok {
		return false
	}
	words := strings.Fields(remark)
	return len(words) > 0 && (words[0] == "each" || words[0] == "all" || words[0] == "both") && mentions(remark, []string{"biopsied", "biopsy", "bx"}) &&
		!mentions(remark, []string{"not biopsied", "no biopsy", "pending"})
}

// readerText is what a reader field says of who read the slides: its value,
// in the surgeon's words when it is in the first person ("Pathology: I read
// the frozen sections."), after its key when the key names the surgeon or a
// pathologist and the value only answers it ("Surgeon read slides: Yes",
// "Surgeon served as pathologist: Yes").
func readerText(key string, t model.Text) model.Text {
	if firstPersonReader(t.Value) {
		t.Value = "read by the Mohs surgeon: " + t.Value
	}
	if key := asciiLower(key); (strings.Contains(key, "surgeon") || strings.Contains(key, "pathologist")) && !strings.Contains(asciiLower(t.Value), "pathologist") {
		t.Value = key + ": " + t.Value
	}
	return t
}

// stagedAfter reports whether a line after line i keys a stage ("stg 1: 6
// blks; all neg"), with no other line that would open a lesion between.
func stagedAfter(lines []*grammar.Line, i int) bool {
	for _, line := range lines[i+1:] {
		it := line.Item
		if it == nil {
			continue
		}
		if len(it.Fields) > 0 && it.Text == nil && it.Marker == nil && isStageKey(it.Fields[0].Key) || terseStage(it) != nil {
			return true
		}
		if it.Marker != nil || it.Label != nil {
			return false
		}
	}
	return false
}

// namesStageOf reports whether words before a dash name a stage's fact
// rather than a site alone: "Left cheek stage 1 histology" of "Left cheek
// stage 1 histology - nodular BCC in the mid dermis".
func namesStageOf(s string) bool {
	for _, w := range strings.Fields(asciiLower(s)) {
		if isStageWord(w) || w == "histology" || grammar.IsDigits(w) {
			return true
		}
	}
	return false
}

// dictatedAround reports whether a field stands inside dictation: a
// sentence of a stage before its key, and sentences after its value or a
// key of what the stage's slides showed.
func dictatedAround(f *grammar.Field) bool {
	i := strings.LastIndex(f.Key, ". ")
	if i < 0 || f.Value == nil || f.Value.Pos.Line != f.Pos.Line {
		return false
	}
	before := f.Key[:i]
	if _, _, isStage := splitStage(firstWords(before, 2)); !isStage || !isDictated(before) {
		return false
	}
	if ref, ok := lookup(secStage, strings.TrimSpace(f.Key[i+2:])); ok && (ref.field == fHistology || ref.field == fMargins) {
		// "Stage 1 was divided into 3 blocks. Histology: superficial and
		// nodular BCC …; all three blocks were clear.": the stage the
		// sentence tells, and what its slides showed
		return true
	}
	sens := splitSentences(f.Value)
	if len(sens) == 2 {
		// "Stage 1 was divided into seven blocks. Stains: H&E, CD34 on all
		// seven blocks …. Histology: a storiform proliferation …": a second
		// key in the dictation
		key, _, ok := strings.Cut(sens[1].Text, ":")
		_, known := lookupAny(key)
		return ok && known
	}
	return len(sens) >= 3
}

// keyAfterSentence takes a known key that follows a sentence in a
// dictation's run-on paragraph ("OPERATIVE REPORT. DATE OF SERVICE:
// 10/14/2026."): the sentence goes to the prose reader, the key keeps its
// value. Other fields are returned as they are.
func (l *lowerer) keyAfterSentence(f *grammar.Field) *grammar.Field {
	i := strings.LastIndex(f.Key, ". ")
	if i < 0 {
		return f
	}
	key := strings.TrimSpace(f.Key[i+2:])
	if _, known := lookupAny(key); !known {
		return f
	}
	l.paragraph = append(l.paragraph, grammar.Value{Pos: f.Pos, Text: f.Key[:i+1]})
	l.endParagraph()
	g := *f
	g.Pos, g.Key = shift(f.Pos, f.Key[:len(f.Key)-len(key)]), key
	return &g
}

// classOnly reports whether a repair so far is only its class, from a
// "Repair class:" field.
func classOnly(r model.Repair) bool {
	return r.Type.Present() && !r.Value.Present() && !r.Length.Present() && !r.Area.Present() && !r.Size.Present()
}

// restatesClass reports whether repair value text restates the class
// that is all repair r states: "[X] Intermediate (layered) repair" checked
// under "Closure performed (check one)", then "Repair: intermediate
// layered repair, 3.0 cm" is one repair.
func restatesClass(r model.Repair, text string) bool {
	if r.Type.Present() || !r.Value.Present() || r.Length.Present() || r.Area.Present() || r.Size.Present() {
		return false
	}
	class := strings.TrimSuffix(strings.TrimSuffix(classWords(r.Value.Value), " repair"), " closure")
	first, _, _ := strings.Cut(class, " ")
	return repairClassWords[class] && slices.ContainsFunc(strings.Fields(asciiLower(text)), func(w string) bool {
		return strings.Trim(w, ",;.:()") == first // "Repair: bilobed transposition flap, after tumor clearance" under "[x] Flap"
	})
}

// timingOnly reports whether a repair key's value says only when the
// repair was done ("after clearance", "same day, after tumor clearance"),
// naming no repair.
func timingOnly(s string) bool {
	lower := asciiLower(s)
	return mentions(lower, []string{"clearance", "cleared", "clear margins", "margins were clear", "same day", "same-day"}) &&
		!mentions(lower, []string{"repair", "closure", "closed", "flap", "graft", "linear", "layer", "simple", "intermediate", "complex",
			"suture", "intention", "advancement", "rotation", "transposition", "delayed", "cm"})
}

// blankRepair reports whether a repair holds nothing yet: a heading
// ("CLOSURE") opened it over the fields that state it.
func blankRepair(r model.Repair) bool {
	return !r.Type.Present() && !r.Value.Present() && !r.Length.Present() && !r.Area.Present() && !r.Size.Present() && !r.Defect.Present()
}

// repairClassWords are a repair type value that names only the class:
// "Closure type: [X] Simple" over "Repair: simple linear repair, 2.0 cm".
var repairClassWords = map[string]bool{"simple": true, "intermediate": true, "complex": true, "layered": true,
	"simple linear": true, "intermediate linear": true, "complex linear": true, "intermediate layered": true, "complex layered": true,
	"linear": true, "flap": true, "graft": true, "skin graft": true} // "Recon type: ☐ linear ☒ flap ☐ graft" over "Recon: advancement flap …"

// classWords is a repair type value lower-cased, without its remark in
// parentheses or a full stop: "Intermediate (layered)" → "intermediate".
func classWords(s string) string {
	if open := strings.IndexByte(s, '('); open > 0 {
		s = s[:open]
	}
	return strings.TrimSuffix(asciiLower(strings.TrimSpace(s)), ".")
}

// keyUnits are the units a key may carry for its value: "Repair length
// (mm): 52", "Area (sq cm): 4.5".
var keyUnits = []string{"mm", "cm", "sq cm", "cm2", "cm²", "mm2"}

// unitFromKey moves a unit written in the key to its value: "Repair length
// (mm): 52" is the field "Repair length: 52 mm". Other fields are returned
// as they are.
func unitFromKey(f *grammar.Field) *grammar.Field {
	open := strings.LastIndexByte(f.Key, '(')
	if open <= 0 || !strings.HasSuffix(f.Key, ")") {
		return f
	}
	unit := strings.TrimSpace(asciiLower(f.Key[open+1 : len(f.Key)-1]))
	if !slices.Contains(keyUnits, unit) {
		return f
	}
	g := *f
	g.Key = strings.TrimSpace(f.Key[:open])
	if f.Value != nil && isNumber(strings.TrimSpace(f.Value.Text)) {
		g.Value = &grammar.Value{Pos: f.Value.Pos, Text: strings.TrimSpace(f.Value.Text) + " " + unit}
	}
	return &g
}

// countFromKey moves a block count written in a stage key after a comma or
// a dash to its value: "Stage 1, 4 blocks: infiltrative BCC at the deep
// margin" is the field "Stage 1: 4 blocks; infiltrative BCC at the deep
// margin", and so are "Stage I - 3 blks: …" and "S1 4 blks: …".
// Other fields are returned as they are.
func countFromKey(f *grammar.Field) *grammar.Field {
	comma, sep := strings.IndexByte(f.Key, ','), 1
	for _, dash := range []string{" - ", " – ", " — "} {
		if i := strings.Index(f.Key, dash); i > 0 && (comma < 0 || i < comma) {
			comma, sep = i, len(dash) // "Stage I - 3 blks: blk 2 + (radial), …"
		}
	}
	if comma < 0 {
		// "S1 4 blks: H&E, MART-1 (all blks); +periph blk3": the count after
		// the stage, with no comma
		_, tail, ok := splitStage(f.Key)
		if words := strings.Fields(tail); !ok || len(words) != 2 || !strings.HasSuffix(f.Key, tail) {
			return f
		}
		comma, sep = len(f.Key)-len(tail), 0
	}
	stage, count := strings.TrimSpace(f.Key[:comma]), strings.Fields(f.Key[comma+sep:])
	if ord, tail, ok := splitStage(stage); !ok || ord == "" || tail != "" || len(count) != 2 || !blockWords[asciiLower(count[1])] ||
		!grammar.IsDigits(count[0]) && cardinalWord(asciiLower(count[0])) == 0 {
		return f
	}
	g := *f
	g.Key = stage
	value := strings.Join(count, " ")
	if f.Value != nil && strings.TrimSpace(f.Value.Text) != "" {
		value += "; " + f.Value.Text
	}
	g.Value = &grammar.Value{Pos: shift(f.Pos, f.Key[:comma+sep]), Text: value}
	return &g
}

// isNumber reports whether s is a number alone: "52", "4.5".
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && strings.Trim(s, "0123456789.") == ""
}

// bareKey reads a known key standing alone on its line without a colon,
// its value on the next line, as a PDF-to-text export prints a form
// ("Date of Service" / "07/07/2026"); nil when the line is not one.
func (l *lowerer) bareKey(i int, it *grammar.Item) *grammar.Field {
	if it.Marker != nil || it.Label != nil || it.Text == nil || len(it.Fields) > 0 {
		return nil
	}
	key := strings.TrimSuffix(it.Text.Text, ":") // a key too long for the grammar's keys: "Frozen section interpretation electronically signed:"
	if f := tickedField(it.Text.Pos, key); f != nil {
		return f // "Map drawn ✓": the key checked on its own line, not a key over the next line's value
	}
	if !isKeyLike(key) {
		return nil
	}
	ref, known := lookupAny(key)
	if !known || ref.field == fNone {
		return nil
	}
	if v, j := l.nextNarrative(i); v != nil {
		if box, _ := l.checkboxLines(i + 1); box == nil && ref.field == fRepair && l.repairFieldAt(j+1) {
			// "RECONSTRUCTION" over "The alar defect needed structural
			// support …" and "Repair: auricular cartilage batten graft, …",
			// "Repair: full-thickness skin graft, …": a section's heading
			// and its rationale, the repairs its fields
			return nil
		}
		return &grammar.Field{Pos: it.Text.Pos, Key: key}
	}
	if ref.field == fPathology && i+1 < len(l.lines) && l.lines[i+1].Row != nil && len(l.lines[i+1].Row.Cells) <= 3 {
		// a sign-off block: "Frozen section interpretation electronically signed:" over
		// "Anneliese Vorhaus, MD, Dermatopathologist   07/22/2026 15:30", whose gap made it cells
		row := l.lines[i+1].Row
		return &grammar.Field{Pos: it.Text.Pos, Key: key, Value: &grammar.Value{Pos: row.Pos, Text: joinCells(row)}}
	}
	return nil
}

// repairFieldAt reports whether line i, or the first line after it that
// is not blank, is a repair's field ("Repair: full-thickness skin graft").
func (l *lowerer) repairFieldAt(i int) bool {
	for ; i < len(l.lines); i++ {
		line := l.lines[i]
		if line.Item == nil && line.Row == nil && line.Rule == nil {
			continue
		}
		if line.Item == nil || len(line.Item.Fields) == 0 {
			return false
		}
		ref, known := lookupAny(line.Item.Fields[0].Key)
		return known && ref.field == fRepair
	}
	return false
}

// tickMarks check a key written before them: "Map drawn ✓".
var tickMarks = []string{"✓", "✔", "☑", "☒"}

// checkedAfter splits a key followed by a tick mark into the key and the
// mark; ok is false when s ends with no tick mark.
func checkedAfter(s string) (key, mark string, ok bool) {
	s = strings.TrimRight(s, " \t")
	for _, m := range tickMarks {
		if k, found := strings.CutSuffix(s, m); found && strings.TrimSpace(k) != "" {
			return strings.TrimSpace(k), m, true
		}
	}
	return "", "", false
}

// tickedField reads text that a tick mark ends as a checked field: a known
// key valued by its mark ("Map drawn ✓"), or a known key and its value
// ("Slides read by me ✓"); nil when the text is neither.
func tickedField(pos lexer.Position, text string) *grammar.Field {
	k, mark, ok := checkedAfter(text)
	if !ok {
		return nil
	}
	if ref, known := lookupAny(k); known && ref.field != fNone {
		return &grammar.Field{Pos: pos, Key: k, Value: &grammar.Value{Pos: shift(pos, text[:strings.LastIndex(text, mark)]), Text: mark}}
	}
	words := strings.Fields(k)
	for n := len(words) - 1; n > 0; n-- {
		key := strings.Join(words[:n], " ")
		if ref, known := lookupAny(key); known && ref.field != fNone && isKeyLike(key) {
			at := strings.Index(text, words[n])
			return &grammar.Field{Pos: pos, Key: key, Value: &grammar.Value{Pos: shift(pos, text[:at]), Text: strings.TrimSpace(text[at:strings.LastIndex(text, mark)])}}
		}
	}
	return nil
}

// dashedField reads a line that writes a known key and its value with a
// dash for the colon ("Location - right posterior calf", "Slides - read by
// Dr. …"); nil when the line is not one.
func dashedField(it *grammar.Item) *grammar.Field {
	if it.Marker != nil || it.Label != nil || it.Text == nil {
		return nil
	}
	s := it.Text.Text
	for _, dash := range []string{" - ", " – ", " — "} {
		key, value, ok := strings.Cut(s, dash)
		if !ok || strings.TrimSpace(value) == "" || !isKeyLike(key) {
			continue
		}
		if _, known := lookupAny(key); !known {
			return nil
		}
		at := len(key) + len(dash)
		return &grammar.Field{Pos: it.Text.Pos, Key: key, Value: &grammar.Value{Pos: shift(it.Text.Pos, s[:at]), Text: value}}
	}
	return nil
}

// leadKey is the key and value an item opens with: its first field, or its
// text cut at the first colon when the grammar kept it as text (a key with
// a comma: "Bx B - upper back, midline: shave biopsy").
func leadKey(it *grammar.Item) (key, value string, ok bool) {
	switch {
	case it.Label != nil:
		return "", "", false
	case it.Text == nil && len(it.Fields) > 0 && it.Fields[0].Value != nil:
		return it.Fields[0].Key, it.Fields[0].Value.Text, true
	case it.Text != nil && len(it.Fields) == 0:
		key, value, ok = strings.Cut(it.Text.Text, ":")
		return key, strings.TrimSpace(value), ok
	}
	return "", "", false
}

// isOrdinalMarker reports whether a list marker numbers or letters its
// item ("1.", "2)", "A."), as lesion lists do; bullets do not.
func isOrdinalMarker(m string) bool {
	if len(m) == 2 && m[0] >= 'a' && m[0] <= 'f' && m[1] == ')' {
		return true // "a)"; "(a)" opens its lesion by its own reading
	}
	m = strings.TrimPrefix(m, "(") // "(A)", "(2)"
	return len(m) >= 2 && (m[0] >= '0' && m[0] <= '9' || m[0] >= 'A' && m[0] <= 'Z')
}

// markerLabel is the label an ordinal marker gives: "1" of "1.", "B" of
// "B)", "A" of "(A)".
func markerLabel(m string) string { return normalLabel(strings.Trim(m, "().")) }

// siteLead is the text before the first dash, colon, comma or period: the
// site of "Left cheek – basal cell carcinoma".
func siteLead(s string) string {
	end := len(s)
	for _, sep := range []string{" – ", " — ", " -- ", " - ", ":", ",", ". ", ";", "("} {
		if i := strings.Index(s, sep); i >= 0 && i < end {
			end = i
		}
	}
	for end < len(s) && strings.HasPrefix(s[end:], ". ") && siteAbbrev(s[:end]) {
		// "R post. shoulder": the period of an abbreviated place word ends nothing
		next := len(s)
		for _, sep := range []string{" – ", " — ", " - ", ":", ",", ". ", ";", "("} {
			if i := strings.Index(s[end+2:], sep); i >= 0 && end+2+i < next {
				next = end + 2 + i
			}
		}
		end = next
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[:end]), "."))
}

// siteAbbrev reports whether text ends with an abbreviated place word that
// takes a period: "post", "ant", "lat", "med", "sup", "inf", "prox", "dist".
func siteAbbrev(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 {
		return false
	}
	switch asciiLower(words[len(words)-1]) {
	case "post", "ant", "lat", "med", "sup", "inf", "prox", "dist", "mid", "upp", "low":
		return true
	}
	return false
}

// datedBiopsy reports whether text cites a biopsy by its date, a word or
// two after the biopsy word ("shave bx 11/09/2026", "biopsy on 05/06/2026"):
// a biopsy done before, not one done now.
func datedBiopsy(text string) bool {
	words := strings.Fields(asciiLower(text))
	for k, w := range words {
		w = strings.Trim(w, ",.;:()")
		if w != "bx" && w != "bx+" && w != "biopsy" && w != "biopsied" {
			continue // ("bx+ 08/19/26 shave": a positive biopsy of that date)
		}
		for _, d := range words[k+1 : min(len(words), k+3)] {
			if slashDated(d) {
				return true
			}
		}
	}
	return false
}

// mentionsBiopsyProcedure reports whether text describes a biopsy done
// now ("Tangential (shave) biopsy", "4 mm punch biopsy") rather than
// citing a prior one in parentheses ("(shave biopsy 04/01/2026)").
func mentionsBiopsyProcedure(text string) bool {
	depth := 0
	lower := strings.ToLower(text)
	for i := 0; i < len(lower); i++ {
		switch lower[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case 'b':
			word := "biopsy"
			if strings.HasPrefix(lower[i:], "bx") && (i+2 == len(lower) || !isLetterRune(rune(lower[i+2]))) {
				word = "bx" // "3 mm punch bx"
			}
			if depth == 0 && strings.HasPrefix(lower[i:], word) && (i == 0 || !isLetterRune(rune(lower[i-1]))) && !citedBiopsy(lower, i, word) && !plannedBiopsy(lower, i, word) {
				return !strings.Contains(lower, "mohs")
			}
		}
	}
	return false
}

// monthDay reports whether s is a date by its month and day, with or
// without a year: "8/04", "7/21/26".
func monthDay(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for k, p := range parts {
		if !grammar.IsDigits(p) || len(p) > 2 && k < 2 || len(p) > 4 {
			return false
		}
	}
	return true
}

// plannedBiopsy reports whether the word "biopsy" (or "bx") at byte i of
// lower-case text is a biopsy only planned, offered or put off, not done:
// "observe; biopsy if it changes", "consider biopsy at the next visit",
// "biopsy declined".
func plannedBiopsy(lower string, i int, word string) bool {
	after := strings.FieldsFunc(lower[i+len(word):], func(r rune) bool { return !isLetterRune(r) })
	if len(after) > 0 && slices.Contains([]string{"if", "when", "unless", "declined", "deferred", "planned", "recommended", "later", "next", "scheduled"}, after[0]) ||
		len(after) > 1 && after[0] == "to" && after[1] == "be" { // "shave biopsy to be done at the next visit"
		return true
	}
	before := strings.Fields(lower[:i])
	return len(before) > 0 && slices.Contains([]string{"consider", "will", "would", "recommend", "recommended", "offered", "plan", "may", "might", "declined", "defer", "deferred", "no"}, before[len(before)-1])
}

// citedBiopsy reports whether the word "biopsy" (or "bx") at byte i of
// lower-case text cites the biopsy a tumor's diagnosis rests on ("Biopsy
// confirmed: yes", "biopsy-proven", "proven on biopsy", "pearly papule,
// biopsy site", "bx 8/04 +"), not a biopsy done today.
func citedBiopsy(lower string, i int, word string) bool {
	if next, _, _ := strings.Cut(strings.TrimLeft(lower[i+len(word):], " "), " "); strings.HasPrefix(next, "+") || monthDay(strings.TrimRight(next, ",;")) {
		return true // "bx 8/04 + (shave, …)", "bx+": the positive biopsy of that day
	}
	after := strings.FieldsFunc(lower[i+len(word):], func(r rune) bool { return !isLetterRune(r) })
	if len(after) > 0 && slices.Contains([]string{"confirmed", "proven", "proved", "date", "dated", "result", "results",
		"showed", "revealed", "report", "diagnosis", "dx", "site", "sites", "scar", "scars"}, after[0]) {
		return true
	}
	before := strings.Fields(lower[:i])
	return len(before) > 0 && slices.Contains([]string{"prior", "previous", "by", "on", "outside", "recent"}, before[len(before)-1])
}

// byLesionLine reads a line "A - <value>" under a heading of one stage's
// fact given lesion by lesion ("Stage I histology by lesion:") as that
// fact of the lesion the label names, and returns the lesion and the
// field; nil when the line is no such line.
func (l *lowerer) byLesionLine(it *grammar.Item) (int, *grammar.Field) {
	if it.Text == nil || !containsFold(l.block.Value, " by ") {
		return -1, nil // the cheap test first: most lines are under no such heading
	}
	key := ""
	for _, by := range []string{" by lesion", " by site", " by tumor", " by tumour"} {
		if k, ok := strings.CutSuffix(strings.TrimSpace(asciiLower(l.block.Value)), by); ok {
			key = strings.TrimSpace(l.block.Value[:len(k)])
		}
	}
	if key == "" || it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 {
		return -1, nil
	}
	if _, tail, ok := splitStage(key); !ok || tail == "" {
		return -1, nil // "Stage I histology", "Stage 2 margins": a stage's fact, not a stage
	}
	for _, dash := range []string{" - ", " – ", " — ", ": "} {
		label, _, ok := strings.Cut(it.Text.Text, dash)
		if !ok || !grammar.IsLabel(strings.TrimSpace(label)) {
			continue
		}
		les := l.labelled(strings.TrimSpace(label))
		if v := trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, len(label)+len(dash), len(it.Text.Text)); les >= 0 && v != nil {
			return les, &grammar.Field{Pos: it.Text.Pos, Key: key, Value: v}
		}
	}
	return -1, nil
}

// inAddendum reports whether the lines being read are an addendum's: under
// an "Addendum" heading, or in a paragraph that opens with the word.
func (l *lowerer) inAddendum() bool {
	if hasPrefixFold(strings.TrimSpace(l.block.Value), "addendum") {
		return true
	}
	for i, v := range l.paragraph {
		if opensAddendum(i, v.Text) {
			return true
		}
	}
	return false
}

// opensAddendum reports whether the i-th line of a paragraph opens an
// addendum: the first with the word in any case, a later one ("Sex: M"
// of a page's header, then "ADDENDUM", then "Addendum by …") capitalised,
// as a wrapped sentence's "… see the / addendum below" is not.
func opensAddendum(i int, text string) bool {
	text = strings.TrimSpace(text)
	if i == 0 {
		return hasPrefixFold(text, "addendum")
	}
	return strings.HasPrefix(text, "Addendum") || strings.HasPrefix(text, "ADDENDUM")
}

// procedureHeadings reads a numbered procedure's heading that names a
// biopsy and no site ("PROCEDURE 2 - PUNCH BIOPSY") over the biopsy's own
// label ("Biopsy 1: punch biopsy, 4 mm, right lateral upper arm") as the
// heading it is: the biopsy is the one under it, not a second one.
func (l *lowerer) procedureHeadings() {
	for i := 0; i+1 < len(l.lines); i++ {
		it, next := l.lines[i].Item, l.lines[i+1].Item
		if l.opens[i] != opensBiopsy || it == nil || it.Label == nil || it.Label.Word() != "procedure" ||
			next == nil || next.Label == nil || !next.Label.Biopsy() || l.opens[i+1] != opensBiopsy {
			continue
		}
		if it.Text == nil || resolvedSite(it.Text.Text) == "" {
			l.opens[i] = opensNothing
		}
	}
}

// headingDecoration is what a typed note draws around a heading: "==
// Stage 1 ==", "*** MOHS ***", "--- STAGE 2 ---", ">>> LESION <<<", "~~
// Repair ~~", "## Tumor ##".
const headingDecoration = "=*-~#<>_"

// decoratedHeadings reads a line of text drawn around with decoration, on
// both sides, as the heading inside it ("== Stage 1 ==" as "Stage 1"), so
// that the fields under it are read as the heading's. lines is returned as
// it is when it holds no such line; the parsed lines are never changed.
func decoratedHeadings(lines []*grammar.Line) []*grammar.Line {
	out := lines
	for i, line := range lines {
		it := line.Item
		if it == nil || it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 {
			continue
		}
		text := it.Text.Text
		inner := strings.TrimLeft(text, headingDecoration)
		lead := text[:len(text)-len(inner)]
		inner = strings.TrimRight(inner, headingDecoration)
		trail := text[len(lead)+len(inner):]
		heading := strings.TrimSpace(inner)
		if len(lead) < 2 && lead != "#" || len(trail) < 2 && trail != "#" || heading == "" || len(heading) > 40 ||
			!strings.ContainsFunc(heading, func(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' }) {
			continue
		}
		if &out[0] == &lines[0] {
			out = slices.Clone(lines)
		}
		at := shift(it.Text.Pos, text[:strings.Index(text, heading)])
		item := &grammar.Item{Pos: it.Pos, Text: &grammar.Text{Pos: at, Text: heading}}
		if n, rest := grammar.LabelSpan(heading); n > 0 {
			// "== Site 2 – R chin ==": a lesion's label and its site
			item.Label = &grammar.Label{Pos: at, Text: heading[:n]}
			item.Text = nil
			if rest < len(heading) && strings.TrimSpace(heading[rest:]) != "" {
				item.Text = &grammar.Text{Pos: shift(at, heading[:rest]), Text: strings.TrimSpace(heading[rest:])}
			}
		}
		out[i] = &grammar.Line{Pos: line.Pos, Item: item}
	}
	return out
}

// sentenceKeysAsText reads a list item whose one key is sentences of a
// lesion line as the item's text: "C) Left forearm. SCCis. Why Mohs:
// transplant patient, …" as "A) Left chin. BCC, nodular. Why Mohs: facial,
// …" (whose comma keeps it from being a key) reads. lines is returned as it
// is when it holds no such item; the parsed lines are never changed.
func sentenceKeysAsText(lines []*grammar.Line) []*grammar.Line {
	out := lines
	for i, line := range lines {
		if line.Item == nil || !sentenceKey(line.Item) {
			continue
		}
		if &out[0] == &lines[0] {
			out = slices.Clone(lines)
		}
		it := line.Item
		t := keyAndValue(it.Fields[0])
		out[i] = &grammar.Line{Pos: line.Pos, Item: &grammar.Item{Pos: it.Pos, Marker: it.Marker, Label: it.Label,
			Text: &grammar.Text{Pos: t.Pos, Text: t.Text}}}
	}
	return out
}

// labelledSites reads lines that open with a bare label and then a site —
// "A - Left shoulder", "B: Left nasolabial fold. Well-differentiated
// squamous cell carcinoma, …" — as the lettered list items they are ("A)
// Left shoulder"), when two lines or more of the note do so with different
// labels: one alone may be anything. lines is returned as it is when none
// does; the parsed lines are never changed.
func labelledSites(lines []*grammar.Line) []*grammar.Line {
	return asLabelledItems(lines, func(line *grammar.Line) (*grammar.Item, string) {
		if it := labelledSite(line.Item); it != nil {
			return it, it.Marker.Text
		}
		return nil, ""
	})
}

// asLabelledItems replaces each line that read stands for a labelled item
// by that item, when two lines or more stand for one with different labels
// (one alone may be anything); the first line of a label wins. lines is
// returned as it is when fewer do; the parsed lines are never changed.
func asLabelledItems(lines []*grammar.Line, read func(*grammar.Line) (*grammar.Item, string)) []*grammar.Line {
	var at []int
	var items []*grammar.Item
	labels := map[string]bool{}
	for i, line := range lines {
		if it, label := read(line); it != nil && !labels[label] {
			labels[label] = true
			at, items = append(at, i), append(items, it)
		}
	}
	if len(at) < 2 {
		return lines
	}
	out := slices.Clone(lines)
	for k, i := range at {
		out[i] = &grammar.Line{Pos: lines[i].Pos, Item: items[k]}
	}
	return out
}

// labelledSite is the list item "A) <site> …" that an item opening with a
// bare label, a dash or colon and a site stands for ("A - Left shoulder",
// key "A" and value "Right medial canthus. Nodular …"), or nil.
func labelledSite(it *grammar.Item) *grammar.Item {
	if it == nil || it.Marker != nil || it.Label != nil {
		return nil
	}
	var label, rest string
	var labelPos, restPos lexer.Position
	switch {
	case it.Text != nil && len(it.Fields) == 0:
		for _, dash := range []string{" - ", " – ", " — "} {
			if l, r, ok := strings.Cut(it.Text.Text, dash); ok {
				label, rest, labelPos, restPos = l, r, it.Text.Pos, shift(it.Text.Pos, l+dash)
				break
			}
		}
	case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value != nil && it.Fields[0].Value.Pos.Line == it.Fields[0].Pos.Line:
		f := it.Fields[0]
		label, rest, labelPos, restPos = f.Key, f.Value.Text, f.Pos, f.Value.Pos
	}
	if label == "" || !grammar.IsLabel(label) || len(label) > 2 {
		return nil
	}
	site := rest
	if i := strings.IndexAny(site, ".,;"); i >= 0 {
		site = site[:i]
	}
	if !plainSite(site) {
		return nil // "A: complex layered repair of the helix, 2.3 cm" names a repair, not a site
	}
	return &grammar.Item{Pos: it.Pos, Marker: &grammar.Marker{Pos: labelPos, Text: label + ")"}, Text: &grammar.Text{Pos: restPos, Text: rest}}
}

// plainSite reports whether text is a site and nothing else: its words
// other than the site's terms and side say where on it ("Right medial
// canthus", "left upper back"), not what was done there ("complex repair
// of the helix").
func plainSite(text string) bool {
	site, ok := anatomy.Resolve(strings.TrimSpace(text))
	if !ok || len(strings.Fields(text)) > 6 {
		return false
	}
	return !slices.ContainsFunc(site.Qualifiers, func(q string) bool { return !placeWords[q] })
}

// placeWords say where on a site: the qualifiers a plain site may have.
var placeWords = map[string]bool{"medial": true, "lateral": true, "superior": true, "inferior": true, "anterior": true,
	"posterior": true, "proximal": true, "distal": true, "upper": true, "lower": true, "mid": true, "middle": true, "central": true,
	"dorsal": true, "volar": true, "palmar": true, "plantar": true, "ventral": true, "cutaneous": true, "outer": true, "inner": true}

// repairsHeading reports whether a key heads the repairs of several
// lesions with a remark on when they were done: "Repairs (both after tumor
// clearance)", "Closures (all after clearance)", "Repairs after tumor
// clearance".
func repairsHeading(key string) bool {
	key = strings.TrimSpace(asciiLower(key))
	cleared := []string{"clearance", "cleared", "clear margins"}
	if first, _, _ := strings.Cut(key, " "); (first == "after" || first == "following") && mentions(key, cleared) {
		return true // "After tumor clearance:" over the repairs
	}
	if mentions(key, cleared) && mentions(key, repairVerbs) && mentions(key, []string{"both", "all ", "each", "wounds", "defects"}) {
		return true // "Both wounds were closed after tumor clearance:" over each site's repair
	}
	cut := strings.IndexAny(key, "(,")
	if head, _, ok := strings.Cut(key, " after "); ok && !strings.Contains(head, " ") && (cut < 0 || len(head) < cut) {
		cut = len(head) // "Repairs after tumor clearance", "Reconstruction after tumor clearance, by site" over the lesions' repairs
	}
	if cut < 0 {
		return false
	}
	head := strings.TrimSpace(key[:cut])
	return mentions(key[cut:], cleared) &&
		slices.Contains([]string{"repairs", "closures", "reconstructions", "reconstruction", "repair", "closure"}, head)
}

// runsOn reports whether a line of prose stops mid-sentence: it ends
// with a letter, no stop, colon or semicolon.
func runsOn(text string) bool {
	t := strings.TrimRight(text, " \t")
	return t != "" && isLetterRune(rune(t[len(t)-1]))
}

// repairVerbs say in a sentence that a wound was repaired.
var repairVerbs = []string{"closed", "repaired", "reconstructed"}

// gapRun is a run of blanks that sets a line's columns apart.
var gapRun = regexp.MustCompile(`\s{2,}`)

// stageSeparators set a stage line's parts apart as runs of blanks do:
// "Stg 1 --> 2 blocks | block 1 positive (deep) | histology: …".
var stageSeparators = strings.NewReplacer(" --> ", "  ", " -> ", "  ", " => ", "  ", " | ", "  ")

// gappedStage reads a stage line whose parts runs of blanks (or arrows and
// bars) set apart and
// whose margin part has a colon, so that the grammar made it text and a
// field ("Stage 1    8 blocks    positive: blocks 2, 7 (peripheral)    H&E"),
// as the field "Stage 1: 8 blocks; positive: blocks 2, 7 (peripheral);
// H&E"; nil for any other item.
func gappedStage(it *grammar.Item) *grammar.Field {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) == 0 {
		return nil
	}
	parts := gapRun.Split(strings.TrimSpace(stageSeparators.Replace(it.Text.Text)), -1)
	if len(parts) < 2 {
		return nil
	}
	if _, tail, ok := splitStage(parts[0]); !ok || tail != "" {
		return nil
	}
	rest := parts[1:]
	for _, f := range it.Fields {
		kv := keyAndValue(f)
		rest = append(rest, gapRun.Split(strings.TrimSpace(kv.Text), -1)...)
	}
	at := shift(it.Text.Pos, it.Text.Text[:strings.Index(it.Text.Text, parts[1])])
	return &grammar.Field{Pos: it.Text.Pos, Key: parts[0], Value: &grammar.Value{Pos: at, Text: strings.Join(rest, "; ")}}
}

// terseStage reads a busy surgeon's stage line without a colon, a stage
// key and a count of blocks ("S1 3 blks, +deep blk2. Nodular BCC …", "Stage
// 2 1 blk clear"), or a terse key alone ("S2 deep margin re-excised,
// clr."), as the field "S1: 3 blks, +deep blk2. …"; nil for any other
// item, among them a sentence ("Stage 1 was divided into …").
func terseStage(it *grammar.Item) *grammar.Field {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 {
		return nil
	}
	text := it.Text.Text
	words := strings.Fields(text)
	n := 0
	for k := 1; k <= 2 && k < len(words); k++ {
		if _, tail, ok := splitStage(strings.Join(words[:k], " ")); ok && tail == "" {
			n = k
			break
		}
	}
	counted := n > 0 && n+1 < len(words) && grammar.IsDigits(strings.TrimPrefix(asciiLower(words[n]), "x")) && blockWord(words[n+1])
	if !counted && !(n == 1 && len(words) > 1 && len(words[0]) >= 2 && (words[0][0] == 'S' || words[0][0] == 's') && grammar.IsDigits(words[0][1:]) &&
		isLetterRune(rune(words[1][0]))) {
		return nil // not "S2 deep margin re-excised, clr.": a terse stage key without a count
	}
	at := 0
	for k := 0; k < n; k++ {
		at += strings.Index(text[at:], words[k]) + len(words[k])
	}
	v := trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: text}, at, len(text))
	return &grammar.Field{Pos: it.Text.Pos, Key: strings.Join(words[:n], " "), Value: v}
}

// romanNumeral matches a stage a terse note numbers by a roman numeral
// alone, with its colon, after a comma or at the line's start: "I: 3 blx
// +3:00, II: 1 blk clear".
var romanNumeral = regexp.MustCompile(`(?:^|[,.;]\s*)(I|II|III|IV|V|VI|VII|VIII|IX|X):\s+`)

// romanStages reads a line of stages a terse note keys by roman numerals
// alone — "I: 3 blx +3:00, II: 1 blk clear", or "II: 1 blk, clear." on a
// line of its own — as stage fields ("Stage I", "Stage II"), each value its
// block count and what follows it up to the next numeral; nil unless every
// numeral's value opens with a count of blocks and the numerals run on in
// order.
func romanStages(it *grammar.Item) []*grammar.Field {
	if it.Text != nil || it.Marker != nil || it.Label != nil || len(it.Fields) != 1 || it.Fields[0].Value == nil {
		return nil
	}
	f := it.Fields[0]
	if len(f.Key) > 4 || strings.Trim(f.Key, "IVX") != "" || f.Value.Pos.Line != f.Pos.Line {
		return nil // the cheap test first: most keys are no roman numeral
	}
	first, _ := stageNumber(f.Key)
	if first == 0 || !romanNumeral.MatchString(f.Key+": ") {
		return nil
	}
	text := f.Key + ": " + f.Value.Text
	shift := f.Value.Pos.Column - len(f.Key) - 2 // the column of text[0]
	marks := romanNumeral.FindAllStringSubmatchIndex(text, -1)
	var out []*grammar.Field
	for k, m := range marks {
		if n, _ := stageNumber(text[m[2]:m[3]]); n != first+k {
			return nil
		}
		end := len(text)
		if k+1 < len(marks) {
			end = marks[k+1][0]
		}
		value := strings.TrimSpace(text[m[1]:end])
		words := strings.Fields(value)
		if len(words) < 2 || !grammar.IsDigits(words[0]) || !blockWord(words[1]) {
			return nil
		}
		pos := f.Value.Pos
		pos.Column = shift + m[1]
		out = append(out, &grammar.Field{Pos: f.Pos, Key: "Stage " + text[m[2]:m[3]], Value: &grammar.Value{Pos: pos, Text: value}})
	}
	return out
}

// blockWord reports whether w names blocks: "blks", "blk,", "blocks", "sections", "pcs".
func blockWord(w string) bool {
	w = strings.TrimRight(asciiLower(w), ",.;:")
	for _, b := range []string{"bl", "sec", "pc", "piece", "specimen", "tissue"} {
		if strings.HasPrefix(w, b) {
			return true
		}
	}
	return false
}

// sentenceKey reports whether an item's one field has for its key
// sentences: of a lesion line after a list marker ("C) Left forearm. SCCis.
// Why Mohs: …"), or of a dictated line without one whose last sentence is
// no known key; the key holds a full stop and a space after a word of
// three letters or more (not "Pt. name").
func sentenceKey(it *grammar.Item) bool {
	if it.Text != nil || len(it.Fields) != 1 {
		return false
	}
	f := it.Fields[0]
	if it.Marker == nil {
		// "Dr. Lindqvist-Obi dictating. Three tumors today:" over the list of
		// them, "Reconstruction after tumor clearance. Nasal tip: full-thickness
		// skin graft, …": a dictated line whose last sentence no key names
		// (not "… five blocks. Stains: H&E …")
		k := strings.LastIndex(f.Key, ". ")
		if it.Label != nil || k < 0 || f.Value != nil && f.Value.Pos.Line != f.Pos.Line {
			return false
		}
		if _, known := lookupAny(strings.TrimSpace(f.Key[k+2:])); known {
			return false
		}
	} else if f.Value == nil || f.Value.Pos.Line != f.Pos.Line {
		return false
	}
	key := f.Key
	for k := strings.Index(key, ". "); k >= 0; {
		word := key[strings.LastIndexByte(key[:k], ' ')+1 : k]
		if len(word) > 2 && !strings.ContainsRune(word, '.') {
			return true
		}
		next := strings.Index(key[k+2:], ". ")
		if next < 0 {
			break
		}
		k += 2 + next
	}
	return false
}

// item reads one item line: a label, text, fields. It returns the index of
// the last line it took (a value standing on the next line).
func (l *lowerer) item(i int, it *grammar.Item) int {
	taken := i
	if k, f := l.hashStage(it); f != nil {
		// "#1 I: 2 blks; …", "#2 stg 1: 2 blks neg" below "#1 R temple - …"
		// and "#2 L dorsal forearm - …": the numbered lesion's stage
		l.endParagraph()
		l.lesion = k
		l.closeSections()
		return max(taken, l.field(i, f))
	}
	if k := l.markedAgain(it); k >= 0 {
		// "1) 1st stg: 6 blks; …" below "1) L upper back - …" and "2) R
		// scrotum - …": the listed lesion's stage, not the last one's; "c)
		// ILC 4.0cm" under "after clearance:": its repair
		l.endParagraph()
		l.lesion = k
		l.closeSections()
		if it.Text != nil {
			if les := l.cur(); !les.Size.Present() {
				les.Size = sizeAfterSite(it.Text) // "A) Left lower eyelid, 0.7 x 0.5 cm, …"
			}
			l.inlineValue(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text})
			return taken
		}
		it = &grammar.Item{Pos: it.Pos, Fields: it.Fields}
	}
	if it.Text != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 && strings.HasSuffix(strings.TrimSpace(it.Text.Text), "):") {
		l.readerRemark(it.Text)
	}
	if it.Text != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 && strings.HasSuffix(strings.TrimRight(it.Text.Text, ": "), ")") {
		l.mapRemark(it.Text)
	}
	if t, j := l.wrappedText(i, it); j > i {
		it = &grammar.Item{Pos: it.Pos, Marker: it.Marker, Label: it.Label, Text: t}
		taken = j
	}
	if cells := gluedLogText(it); cells != nil && it.Marker == nil && it.Label == nil {
		if fields := gluedLogFields(it.Text.Pos, cells); fields != nil {
			return max(taken, l.gluedLog(i, fields)) // "MOHS LOG Stage | Blocks | … Stage 2 | 2 | clear | H&E | no residual tumor Total stages:2 | …"
		}
	}
	if it.Text != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 {
		if lead, fields := runOnText(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}); fields != nil {
			// "BRAMBLEWOOD … (2 sites) Patient: … Insurance: Humana Gold Plus
			// HMO (Medicare Advantage) Place of Service: 11": the heading, then
			// the fields as if each stood on a line of its own
			if lead != nil {
				l.item(i, &grammar.Item{Pos: it.Pos, Text: &grammar.Text{Pos: lead.Pos, Text: lead.Text}})
			}
			return max(taken, l.item(i, &grammar.Item{Pos: fields[0].Pos, Fields: fields}))
		}
	}
	if f := gappedStage(it); f != nil {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "Stage 1    8 blocks    positive: blocks 2, 7 (peripheral)    H&E"
	}
	if f := terseStage(it); f != nil {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "S1 3 blks, +deep blk2. Nodular BCC mid dermis, no PNI."
	}
	if fs := romanStages(it); fs != nil {
		l.endParagraph()
		for _, f := range fs {
			taken = max(taken, l.field(i, f)) // "I: 3 blx +3:00, II: 1 blk clear"
		}
		return taken
	}
	if it.Text != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 && len(l.out.Lesions) > 1 && wordCount(it.Text.Text, 9) < 9 &&
		!strings.Contains(strings.TrimRight(it.Text.Text, ".: "), ". ") && (repairsHeading(strings.TrimRight(it.Text.Text, ".: ")) ||
		(l.headed || strings.Contains(it.Text.Text, ", ")) && wordCount(it.Text.Text, 6) < 6 && repairsSection(strings.TrimRight(it.Text.Text, ".: "))) {
		// "Repairs", "Repairs and wound care" over a sentence a site in a
		// labelled note; "Repairs, one line per site" over a bullet a site
		l.endParagraph()
		l.block = model.Text{Value: strings.TrimRight(it.Text.Text, ".: "), Line: it.Text.Pos.Line}
		return taken // "Reconstruction after tumor clearance, by site." over each site's repair line
	}
	if les, f := l.byLesionLine(it); f != nil {
		l.endParagraph()
		saved := l.lesion
		l.lesion = les
		l.closeSections()
		taken = max(taken, l.field(i, f)) // "A - morpheaform BCC cords …, no PNI" under "Stage I histology by lesion:"
		l.lesion = saved
		return taken
	}
	if it.Text != nil && (it.Marker == nil || !isOrdinalMarker(it.Marker.Text)) && it.Label == nil && len(it.Fields) == 0 && (l.repairSiteLine(it.Text) || l.repairsLine(it.Text)) {
		return taken // "Right nasal dorsum – intermediate (layered) closure, 12.5 mm" under "RECONSTRUCTION (…):", "- Left cheek - intermediate …"
	}
	if f := siteField(it); f != nil && l.repairAtSite(f.Key, f.Value) {
		return taken // "- right antihelix: complex repair, 2.8 cm" under "Closure, after tumor clearance:"
	}
	if les := l.captionLesion(it); les >= 0 {
		l.lesion, l.table.prevLesion = les, -1 // "Scalp (occipital)" over the scalp's rows of a log of two tumors
		return taken
	}
	listed := l.stagesListed
	l.stagesListed = false
	if l.wrapsSentence(i, it) {
		l.paragraph = append(l.paragraph, keyAndValue(it.Fields[0])) // "… I read the" / "frozen sections: superficial …"
		return taken
	}
	if f := listedStage(it); listed && f != nil {
		l.endParagraph()
		taken = l.field(i, f)
		l.stagesListed = true
		return taken
	}
	if les, v := l.hashReference(it); les >= 0 {
		// "#2 left dorsal hand: full-thickness skin graft …" under
		// "RECONSTRUCTION" after the lesions: the numbered lesion's
		l.endParagraph()
		l.lesion = les
		l.closeSections()
		l.inlineValue(v)
		return taken
	}
	switch l.opens[i] {
	case opensLesion, opensBiopsy:
		l.endParagraph()
		l.table = nil
		site, rest := labelDictation(it)
		fields := it.Fields
		if rest == nil {
			if site, rest = labelSiteField(it); rest != nil {
				fields = fields[1:] // "Lesion 1, left nasal ala: the first stage was divided into two blocks. …"
			}
		}
		if rest != nil {
			it = &grammar.Item{Pos: it.Pos, Marker: it.Marker, Label: it.Label, Text: site, Fields: fields}
		}
		l.open(i, it)
		if rest != nil {
			l.narrativeLine(rest) // "Lesion 1, left upper back.<TAB>Melanoma in situ, … The first stage was divided into four blocks …"
		} else if it.Label != nil && it.Text != nil {
			l.inlineText(it.Text, true)
		}
		for _, f := range it.Fields[min(len(it.Fields), l.fieldsTaken(it)):] {
			taken = max(taken, l.field(i, f))
		}
		return taken
	}
	if st, ref := l.underRow(i, it); st != nil {
		l.endParagraph()
		l.problem(l.stageField(st, ref, it.Fields[0].Value)) // "        Histology: …" indented under its log row
		return taken
	}
	if st, v := l.rowResult(i, it); st != nil {
		l.endParagraph()
		l.problem(l.stageInline(st, v)) // "S1 | 3 blocks | H&E" over "-> all 3 blocks clear; …"
		return taken
	}
	if priorBiopsyLine(it) {
		l.endParagraph()
		return max(taken, l.field(i, &grammar.Field{Pos: it.Label.Pos, Key: "Prior biopsy", Value: &grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}}))
	}
	if f := keyedReader(it.Text); f != nil && !l.out.Encounter.Pathology.Present() && it.Marker == nil && len(it.Fields) == 0 {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "Path read by surgeon (Dr. …), all sites"
	}
	if l.defectsBySite(it) {
		l.endParagraph()
		return taken // "FINAL DEFECTS. Right nasal dorsum 1.5 x 1.2 cm; left cheek 1.9 x 1.5 cm; …"
	}
	if f := periodIndication(it); f != nil {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "2. Indication. Recurrent tumor, diameter over 2 cm, ill-defined borders …"
	}
	if f := stageWithFields(it); f != nil {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "Layer 1 | Sections: 3 | Margins: positive - deep, section 2 | Stains: H&E"
	}
	if f := stainReasonText(it); f != nil {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "AE1/AE3 on block II-A: to exclude single infiltrating tumor cells …" under the log
	}
	if fs := keylessFields(it.Text); fs != nil && it.Marker == nil && len(it.Fields) == 0 && !l.sentenceRunsOn(i) {
		l.endParagraph() // "Site R temple / Dx BCC-morpheaform (bx 5/11/26) / Why Mohs: …"
		for _, f := range fs {
			taken = max(taken, l.field(i, f))
		}
		return taken
	}
	if f := questionField(it.Text); f != nil && it.Marker == nil && len(it.Fields) == 0 {
		l.endParagraph()
		return max(taken, l.field(i, f)) // "What is the lesion location? Right index finger"
	}
	if lead, fields := keylessLead(it); lead != nil {
		l.endParagraph() // "Dx BCC-nod (shave bx 6/1/26) | Why Mohs: tissue sparing | Pre-op size 1.0 x 0.9 cm"
		for _, f := range lead {
			l.field(i, f)
		}
		it = &grammar.Item{Pos: it.Pos, Fields: fields}
	}
	if f := keyedDate(it.Text); f != nil && !l.out.Encounter.Date.Present() && it.Marker == nil {
		l.field(i, f) // "DOS 2026-05-05  |  Surgeon: …"
		if len(it.Fields) == 0 {
			return taken
		}
		it = &grammar.Item{Pos: it.Pos, Fields: it.Fields}
	}
	if it.Text != nil {
		if len(it.Fields) == 0 {
			if f := l.lesionStageText(it.Text); f != nil {
				l.endParagraph() // "Stage 1 findings, lesion B: …": the comma made the key text
				return max(taken, l.field(i, f))
			}
			if f := stageLine(it.Text); f != nil {
				l.endParagraph()
				return max(taken, l.field(i, f))
			}
			if f := dashedField(it); f != nil {
				l.endParagraph() // "Location - right posterior calf"
				return max(taken, l.field(i, f))
			}
			if f := l.bareKey(i, it); f != nil {
				return max(taken, l.field(i, f)) // "Site" on its line, "left upper eyelid" on the next
			}
			if text := unbracketed(it.Text.Text); it.Marker == nil && len(text) < 24 {
				if _, tail, ok := splitStage(text); ok && tail == "" {
					l.endParagraph() // "Stage 1" or "[Stage 1]" alone, its fields under it
					return max(taken, l.field(i, &grammar.Field{Pos: it.Text.Pos, Key: text}))
				}
			}
			if ref, ok := lookup(secLesion, it.Text.Text); ok && ref.field == fRepair && it.Marker == nil && l.headsFields(i, it) {
				// "CLOSURE" over "Type: complex layered repair …" and "Length: 9.6 cm": the repair's fields
				return max(taken, l.field(i, &grammar.Field{Pos: it.Text.Pos, Key: it.Text.Text}))
			}
			if label, rest, ok := strings.Cut(it.Text.Text, ": "); ok && it.Marker == nil && grammar.IsLabel(l.siteLabel(label)) && strings.TrimSpace(rest) != "" {
				if les := l.labelled(l.siteLabel(label)); les >= 0 {
					// "1: final defect 1.6 x 1.3 cm; intermediate layered closure
					// 2.6 cm" under "Closures, after tumor clearance:" (a bare
					// number is no key of the grammar's)
					l.endParagraph()
					l.lesion = les
					l.closeSections()
					l.inlineValue(trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, len(label)+1, len(it.Text.Text)))
					return taken
				}
			}
			if l.headsSection(i, it) {
				l.endParagraph()
				l.closeSections() // "TUMOR" over "Body site: …" after a "CLOSURE" section's fields: the repair's fields end
				l.block = model.Text{Value: it.Text.Text, Line: it.Text.Pos.Line}
				return taken
			}
			if strings.HasSuffix(it.Text.Text, ":") && !strings.Contains(it.Text.Text, ". ") && !stageOpening(it.Text.Text) || l.headsList(i, it) || l.headsFields(i, it) ||
				l.headed && it.Marker == nil && repairsHeading(it.Text.Text) && i+1 < len(l.lines) && (l.lines[i+1].Row != nil || len(l.lines[i+1].Fields) > 0 && !strings.Contains(it.Text.Text, ". ")) {
				// "Repairs (after tumor clearance at each site)" over a lesion a
				// row, "REPAIRS (performed after tumor clearance at all three
				// sites)" over "A  L upper back: final defect …"
				l.endParagraph()
				l.captionFacts(it.Text)
				l.block = model.Text{Value: it.Text.Text, Line: it.Text.Pos.Line} // "Repairs, after tumor clearance at each site:"
				l.headingLesions(it.Text)
				return taken
			}
			if it.Marker == nil && opensAddendum(0, it.Text.Text) && wordCount(it.Text.Text, 7) < 7 && !strings.Contains(it.Text.Text, ". ") {
				l.endParagraph() // "ADDENDUM" over "DATE OF ADDENDUM: …" and the paragraph that corrects the note
				l.block = model.Text{Value: it.Text.Text, Line: it.Text.Pos.Line}
				return taken
			}
			l.narrativeLine(it.Text)
		} else if key, rest, ok := leadingKey(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, false); ok && l.lesion >= 0 {
			l.field(i, &grammar.Field{Pos: it.Text.Pos, Key: key, Value: rest}) // "PRE-OP 2.2 x 1.9 cm | INDICATION: …"
		} else if strings.Contains(it.Text.Text, ". ") {
			l.narrativeLine(it.Text) // sentences before a field: "Mohs surgery, left helix. Date 04/15/2026. … Payer: …"
			l.endParagraph()
		} else {
			l.endParagraph()
			if !repairsHeading(l.block.Value) || l.labelled(l.siteLabel(it.Text.Text)) < 0 {
				l.block = model.Text{Value: it.Text.Text, Line: it.Text.Pos.Line} // not for "A  L upper back: final defect …" under "REPAIRS (performed after tumor clearance at all three sites)"
			}
		}
	}
	if l.lesionTotals(it.Fields) {
		return taken
	}
	fields := totalsFields(runOnFields(dashedStageFields(headingFields(it.Fields))))
	if len(fields) != len(it.Fields) || len(fields) > 0 && fields[0] != it.Fields[0] {
		it = &grammar.Item{Pos: it.Pos, Marker: it.Marker, Label: it.Label, Text: it.Text, Fields: fields}
	}
	end := l.lines[i].Pos.Line
	for k, f := range it.Fields {
		if k == 0 {
			f = numberedStage(l.stageFieldsAfter(i, it))
		}
		if k == len(it.Fields)-1 {
			var j int
			if f, j = l.wrapped(i, f); j > i {
				taken = max(taken, j)
			}
			end = l.lines[j].Pos.Line
		}
		taken = max(taken, l.field(i, f))
	}
	if len(it.Fields) > 0 {
		l.valueEnd = end // after the fields: the paragraph they close belongs to the line before
	}
	return taken
}

// headingFields reads a key with no value before other fields on its line
// ("FINDINGS:<TAB>Stage I:<TAB>…; Stage II:<TAB>clear.") as the key of
// the rest of the line, as it reads without the tab: a stage restated
// inside the findings, not a stage of its own.
func headingFields(fields []*grammar.Field) []*grammar.Field {
	if len(fields) < 2 || fields[0].Value != nil || fields[1].Pos.Line != fields[0].Pos.Line {
		return fields
	}
	var b strings.Builder
	for k, f := range fields[1:] {
		if k > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Key + ":")
		if f.Value != nil {
			b.WriteString(" " + f.Value.Text)
		}
	}
	return []*grammar.Field{{Pos: fields[0].Pos, Key: fields[0].Key, Value: &grammar.Value{Pos: fields[1].Pos, Text: b.String()}}}
}

// arrows open a log row's second line, its result.
var arrows = []string{"->", "→", "=>"}

// rowResult reads line i as the second line of a two-line log record: text
// that opens with an arrow right under the row of a stage ("S1 | 3 blocks
// | H&E" over "-> all 3 blocks clear; …"). It returns that stage and the
// text after the arrow, or nil.
func (l *lowerer) rowResult(i int, it *grammar.Item) (*model.Stage, *grammar.Value) {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 || i == 0 || l.lines[i-1].Row == nil || l.lesion < 0 {
		return nil, nil
	}
	text := it.Text.Text
	for _, a := range arrows {
		rest, ok := strings.CutPrefix(text, a)
		if !ok || strings.TrimSpace(rest) == "" {
			continue
		}
		les := l.cur()
		for k := range les.Stages {
			if les.Stages[k].Line == l.lines[i-1].Pos.Line {
				lead := len(text) - len(strings.TrimLeft(rest, " "))
				return &les.Stages[k], &grammar.Value{Pos: shift(it.Text.Pos, text[:lead]), Text: text[lead:]}
			}
		}
	}
	return nil, nil
}

// wrapsSentence reports whether line i, one lower-case "key: value" field
// and nothing else, continues the sentence the narrative line above left
// open on an article, a preposition or the like ("… I read the" over
// "frozen sections: superficial and nodular …"): a dictation wrapped
// there, not a field.
func (l *lowerer) wrapsSentence(i int, it *grammar.Item) bool {
	if i == 0 || it.Marker != nil || it.Label != nil || it.Text != nil || len(it.Fields) != 1 || it.Fields[0].Value == nil {
		return false
	}
	if k := it.Fields[0].Key; k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	above := l.lines[i-1].Item
	if above == nil {
		return false
	}
	last := "" // the text the line above ends with: its text, or its last field's value
	switch n := len(above.Fields); {
	case n > 0 && above.Fields[n-1].Value != nil:
		last = above.Fields[n-1].Value.Text // "MOHS PROCEDURE: … I personally read the"
	case n == 0 && above.Text != nil && above.Marker == nil && above.Label == nil:
		last = above.Text.Text
	}
	words := strings.Fields(last)
	if len(words) < 2 {
		return false
	}
	// "… I interpreted the frozen" over "sections: …" in a note wrapped to
	// a width: "sections" did not fit on the line above; "sections. I read
	// the" over "frozen sections: …", a line a second wrapping left short
	return openWords[asciiLower(words[len(words)-1])] || len(words) >= 6 && !strings.HasSuffix(last, ".") && l.filled(itemEnd(above), it.Fields[0].Key)
}

// openWords end a line whose sentence goes on: an article, a preposition,
// a conjunction, a possessive ("I read the").
var openWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true,
	"with": true, "and": true, "or": true, "for": true, "by": true, "at": true, "from": true, "my": true, "his": true,
	"her": true, "their": true, "our": true, "its": true, "all": true, "both": true, "each": true, "were": true, "was": true}

// totalsFields reads a "TOTAL: 2 stages, 6 blocks" field, as a log's
// footer sums it, as the total stages and total blocks it states; other
// fields stay as they are.
func totalsFields(fields []*grammar.Field) []*grammar.Field {
	if len(fields) != 1 || fields[0].Value == nil || (!lettersEqual(fields[0].Key, "total") && !lettersEqual(fields[0].Key, "totals")) {
		return fields
	}
	f := fields[0]
	var out []*grammar.Field
	for _, part := range splitOutside(f.Value, ",") {
		n, what, _ := strings.Cut(strings.TrimSpace(part.Text), " ")
		key := ""
		switch letters(what) {
		case "stages", "stage", "layers":
			key = "Total stages"
		case "blocks", "block", "sections":
			key = "Total blocks"
		}
		if key == "" || !grammar.IsDigits(n) {
			return fields
		}
		out = append(out, &grammar.Field{Pos: f.Pos, Key: key, Value: &grammar.Value{Pos: part.Pos, Text: n}})
	}
	return out
}

// stainReasonKey reads a field whose key names a stain of the vocabulary
// and whose value gives a reason ("Ber-EP4 on block 1-I-A (lesion 1 only):
// to separate a BCC focus from …") as the reason of that lesion's stains:
// the lesion its key names, else the current one; -1 when the field is no
// such field or names a lesion the note does not have.
func (l *lowerer) stainReasonKey(f *grammar.Field) int {
	if f.Value == nil || !namesKnownStain(f.Key) {
		return -1
	}
	if w := firstWord(asciiLower(f.Value.Text)); w != "to" && w != "for" && w != "because" {
		return -1
	}
	if label := parenthesisedLabel(strings.Replace(f.Key, " only)", ")", 1)); label != "" {
		return l.labelled(label) // "(lesion 1 only)", "(lesion 2)"
	}
	if words := strings.Fields(f.Key); len(words) > 3 && strings.EqualFold(words[len(words)-3], "of") && slices.Contains(lesionNouns, asciiLower(words[len(words)-2])) {
		return l.labelled(strings.TrimPrefix(words[len(words)-1], "#")) // "Ber-EP4 on block I-B of lesion 1"
	}
	return l.lesion
}

// lesionStageKey reads a stage's key that names its lesion after it —
// "Stage 1 findings, lesion B", "Stage 2 histology - site A", "Stage 1
// margins for lesion 2" — as the key without the lesion and the lesion it
// names, -1 when the note has no such lesion; nil when the key is no such
// key. Only a fact of a stage is read so (a key that opens a stage is not).
func (l *lowerer) lesionStageKey(f *grammar.Field) (*grammar.Field, int) {
	for _, sep := range []string{", ", " - ", " – ", " for "} {
		at := strings.LastIndex(f.Key, sep)
		if at < 0 {
			continue
		}
		words := strings.Fields(f.Key[at+len(sep):])
		if len(words) != 2 || !slices.ContainsFunc([]string{"lesion", "site", "tumor"}, func(w string) bool { return strings.EqualFold(words[0], w) }) ||
			!grammar.IsLabel(strings.TrimPrefix(words[1], "#")) {
			continue
		}
		g := &grammar.Field{Pos: f.Pos, Key: strings.TrimSpace(f.Key[:at]), Value: f.Value}
		if _, ref, isStage, err := stageKey(g); isStage && err == nil && ref.field != fNone {
			return g, l.labelled(strings.TrimPrefix(words[1], "#"))
		}
	}
	return nil, -1
}

// perLesionParts splits a stage's fact that gives each lesion its own part
// ("Stage 1 histology: lesion 1 – confluent atypical melanocytes …; lesion
// 2 – nodular BCC …") into one field a lesion, each keyed with its lesion
// ("Stage 1 histology, lesion 2", see lesionStageKey); nil unless every
// part opens with the label of a lesion of the note.
func (l *lowerer) perLesionParts(f *grammar.Field) []*grammar.Field {
	if f.Value == nil || !strings.Contains(f.Value.Text, ";") {
		return nil
	}
	if _, ref, isStage, err := stageKey(f); !isStage || err != nil || ref.field == fNone {
		return nil
	}
	var out []*grammar.Field
	bare := l.labelParts(f.Value.Text) != nil // "Stage 1 histology: A nodular BCC …; B well-differentiated SCC …; C …"
	for _, part := range splitOutside(f.Value, ";") {
		text := strings.TrimSpace(part.Text)
		word, rest, _ := strings.Cut(text, " ")
		if bare {
			rest = text
		} else if !slices.ContainsFunc([]string{"lesion", "site", "tumor"}, func(w string) bool { return strings.EqualFold(word, w) }) {
			return nil
		}
		label, value, _ := strings.Cut(strings.TrimSpace(rest), " ")
		value = strings.TrimLeft(value, " –—-:")
		label = strings.TrimRight(strings.TrimPrefix(label, "#"), ":")
		if !grammar.IsLabel(label) || l.labelled(label) < 0 || value == "" {
			return nil
		}
		out = append(out, &grammar.Field{Pos: f.Pos, Key: f.Key + ", lesion " + label,
			Value: &grammar.Value{Pos: shift(part.Pos, part.Text[:strings.Index(part.Text, value)]), Text: strings.TrimSuffix(value, ".")}})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// labelledProse reads a field whose value tells each lesion its part by
// its bare label (labelParts) — "Stages: A - stage 1 three blocks, …; B -
// …", "Repairs, each after tumor clearance: A intermediate layered repair
// 1.8 cm; B …" — as each lesion's prose, the key before every part: the
// key of a count or a repair, or a key the note's tables do not know. It
// reports whether it did.
func (l *lowerer) labelledProse(f *grammar.Field) bool {
	if f.Value == nil {
		return false
	}
	ref, known := lookupAny(f.Key)
	if known && !slices.Contains([]field{fTotalStages, fTotalBlocks, fRepair, fFinalDefect}, ref.field) {
		return false
	}
	parts := l.labelParts(f.Value.Text)
	if parts == nil && l.lesion >= 0 && len(l.out.Lesions) == 1 && (ref.field == fTotalStages || ref.field == fTotalBlocks) && !startsWithCount(f.Value.Text) && namesStageNoun(f.Value.Text) {
		// "Stages: A - stage 1 four blocks, …; stage 2 two blocks, …" of the
		// note's one lesion: the stages told, not a count
		text, at := f.Value.Text, 0
		if label, rest, ok := strings.Cut(text, " - "); ok && label == l.cur().Label {
			at = len(text) - len(rest)
			text = rest
		}
		parts = []labelPart{{lesion: l.lesion, text: text, at: at}}
	}
	if parts == nil {
		return false
	}
	l.endParagraph()
	if l.paragraphs == nil {
		l.paragraphs, l.history = map[int][][]prose.Line{}, map[int][][]prose.Line{}
	}
	lead := prose.Line{Text: f.Key + ":", Line: f.Pos.Line, Col: f.Pos.Column}
	for _, p := range parts {
		l.paragraphs[p.lesion] = append(l.paragraphs[p.lesion], []prose.Line{lead, {Text: p.text, Line: f.Value.Pos.Line, Col: f.Value.Pos.Column + p.at}})
		if !l.scoped(p.lesion) {
			l.scopes = append(l.scopes, p.lesion)
		}
	}
	return true
}

// labelPart is a part of a value that opens with a lesion's bare label:
// "B - stage 1 two blocks, clear", "C simple repair 3.5 cm".
type labelPart struct {
	lesion int
	text   string // the part after its label
	at     int    // where text starts in the value
}

// labelParts cuts a value into its parts a lesion, set apart by
// semicolons, each opening with the bare label of the next lesion of the
// note in order ("A - stage 1 three blocks, …; B - stage 1 two blocks, …;
// C - …", "A nodular BCC …; B …"); nil unless there are two parts or more
// and every part opens so.
func (l *lowerer) labelParts(value string) []labelPart {
	if len(l.out.Lesions) < 2 {
		return nil
	}
	if parts := l.dashedParts(value); parts != nil {
		return parts
	}
	if !strings.Contains(value, ";") {
		return nil
	}
	var out []labelPart
	at := 0
	for _, part := range strings.Split(value, ";") {
		start := at + len(part) - len(strings.TrimLeft(part, " "))
		at += len(part) + 1
		text := strings.TrimSpace(part)
		label, rest, ok := strings.Cut(text, " ")
		label = strings.TrimRight(label, ":)")
		if !ok || len(label) != 1 || !grammar.IsLabel(label) {
			return nil
		}
		k := l.labelled(label)
		if k < 0 || k != len(out) || l.out.Lesions[k].Label != label {
			return nil
		}
		rest = strings.TrimLeft(rest, " –—-:")
		out = append(out, labelPart{lesion: k, text: strings.TrimSuffix(strings.TrimSpace(rest), "."), at: start + len(text) - len(strings.TrimLeft(rest, " "))})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// partLabel finds a lesion's label and a dash opening a part of a value:
// at its start, or after a full stop or semicolon ("1 - one stage, two
// blocks; …. 2 - first stage three blocks; …").
var partLabel = regexp.MustCompile(`(?:^|[.;]\s+)([1-9]|[A-E])\s+[-–—]\s+`)

// dashedParts cuts a value into its lesions' parts where each opens with
// the next lesion's label and a dash — "Stage summary: 1 - one stage, two
// blocks; …. 2 - first stage three blocks; …. Second stage one block,
// clear. 3 - one stage, …" — the labels the note's lesions in order from
// the first, at least two; nil otherwise.
func (l *lowerer) dashedParts(value string) []labelPart {
	marks := partLabel.FindAllStringSubmatchIndex(value, -1)
	if len(marks) < 2 || marks[0][0] != 0 {
		return nil
	}
	var out []labelPart
	for i, m := range marks {
		label := value[m[2]:m[3]]
		k := l.labelled(label)
		if k != i || l.out.Lesions[k].Label != label {
			return nil
		}
		end := len(value)
		if i+1 < len(marks) {
			end = marks[i+1][0]
			if value[end] == '.' {
				end++ // keep the full stop that ends the part, not a semicolon
			}
		}
		out = append(out, labelPart{lesion: k, text: strings.TrimSpace(value[m[1]:end]), at: m[1]})
	}
	return out
}

// lesionStageText reads a line of text that is a stage's key naming its
// lesion and a value ("Stage 1 findings, lesion B: superficial BCC …") as
// that field (see lesionStageKey), or nil.
func (l *lowerer) lesionStageText(t *grammar.Text) *grammar.Field {
	key, rest, ok := strings.Cut(t.Text, ":")
	value := strings.TrimSpace(rest)
	if !ok || value == "" {
		return nil
	}
	f := &grammar.Field{Pos: t.Pos, Key: strings.TrimSpace(key),
		Value: &grammar.Value{Pos: shift(t.Pos, t.Text[:len(t.Text)-len(strings.TrimLeft(rest, " \t"))]), Text: value}}
	if g, _ := l.lesionStageKey(f); g == nil {
		return nil
	}
	return f
}

// lesionTotals reads a totals field that gives each lesion its own totals,
// "Totals: lesion A 1 stage, 2 blocks; lesion B 2 stages, 11 blocks", as
// each lesion's total stages and blocks, and reports whether it did. Every
// part must name a lesion by its label and give only counts of stages or
// blocks, else nothing is read here and the field goes on as any other; the
// part of a label the note has no lesion for is no lesion's total.
func (l *lowerer) lesionTotals(fields []*grammar.Field) bool {
	if len(fields) != 1 || fields[0].Value == nil || !lettersEqual(fields[0].Key, "total") && !lettersEqual(fields[0].Key, "totals") {
		return false
	}
	type total struct {
		lesion         int
		stages, blocks *grammar.Value
	}
	var totals []total
	for _, part := range splitOutside(fields[0].Value, ";") {
		words := strings.Fields(strings.TrimSuffix(strings.TrimSpace(part.Text), "."))
		n := 1
		if len(words) > 1 && (strings.EqualFold(words[0], "lesion") || strings.EqualFold(words[0], "site") || strings.EqualFold(words[0], "tumor")) {
			n = 2
		}
		if len(words) <= n {
			return false
		}
		label := strings.Trim(words[n-1], "#:")
		if !grammar.IsLabel(label) {
			return false
		}
		t := total{lesion: l.labelled(label)} // -1: a lesion the note does not have, whose totals are no other's
		for _, c := range strings.Split(strings.Join(words[n:], " "), ",") {
			num, what, _ := strings.Cut(strings.TrimSpace(c), " ")
			if !grammar.IsDigits(num) {
				return false
			}
			v := &grammar.Value{Pos: shift(part.Pos, part.Text[:strings.Index(part.Text, num)]), Text: num}
			switch letters(what) {
			case "stage", "stages", "layer", "layers":
				t.stages = v
			case "block", "blocks", "section", "sections":
				t.blocks = v
			default:
				return false
			}
		}
		totals = append(totals, t)
	}
	for _, t := range totals {
		if t.lesion < 0 {
			continue
		}
		les := &l.out.Lesions[t.lesion]
		if t.stages != nil && !les.TotalStages.Present() {
			les.TotalStages, _ = count("Total stages", t.stages, 0)
		}
		if t.blocks != nil && !les.TotalBlocks.Present() {
			les.TotalBlocks, _ = count("Total blocks", t.blocks, 0)
		}
	}
	return len(totals) > 0
}

// runOnFields splits the values of a line whose fields run on, as a PDF
// copy joins a form's lines ("Date of Service: 08/04/2026 Provider:
// Desmond …, MD Facility: …"), into the fields they hold: a known key
// inside a value, capitalised, after a word (not after ";" or ","), outside
// parentheses and followed by ": ". A line is split only when its values
// hold two or more such keys, or one after a measure (lastValueSplits);
// else fields is returned as it is.
func runOnFields(fields []*grammar.Field) []*grammar.Field {
	known := 0
	for _, f := range fields {
		if f.Value != nil && f.Value.Pos.Line == f.Pos.Line {
			known += len(innerKeys(f.Value.Text, false))
		}
	}
	if known == 0 || known == 1 && !lastValueSplits(fields) {
		return fields
	}
	var out []*grammar.Field
	for _, f := range fields {
		if f.Value == nil || f.Value.Pos.Line != f.Pos.Line {
			out = append(out, f)
			continue
		}
		v, key, keyPos, from := f.Value, f.Key, f.Pos, 0
		for _, k := range innerKeys(v.Text, true) {
			if k[0] < from {
				continue // a key inside the one before it
			}
			out = append(out, &grammar.Field{Pos: keyPos, Key: key, Value: trimmedValue(v, from, k[0])})
			key, keyPos, from = v.Text[k[0]:k[1]], shift(v.Pos, v.Text[:k[0]]), k[1]+1
		}
		out = append(out, &grammar.Field{Pos: keyPos, Key: key, Value: trimmedValue(v, from, len(v.Text))})
	}
	return out
}

// runOnText reads a line of text that runs a form's fields on after a
// heading, as a copy that lost its line breaks joins a header ("BRAMBLEWOOD
// DERMATOLOGY … Procedure Note (2 sites) Patient: …, DOB: … Insurance:
// Humana Gold Plus HMO (Medicare Advantage) Place of Service: 11"): the
// heading before the first key (nil when there is none) and the fields
// from it on, each key capitalised (innerKeys). No fields unless the line
// holds three known keys or more and its heading is short: a sentence that
// names a key ("… as stated in the Diagnosis: …") is prose.
func runOnText(t *grammar.Value) (lead *grammar.Value, fields []*grammar.Field) {
	known := innerKeys(" "+t.Text, false) // a key may open the line
	if len(known) < 3 && (len(known) == 0 || !afterCredential(" "+t.Text, known[0][0])) {
		return nil, nil
	}
	keys := innerKeys(" "+t.Text, true) // and the form's own keys split it too: "Patient: …, DOB: …"
	first := keys[0][0] - 1
	head := strings.TrimSpace(t.Text[:first])
	last := head[strings.LastIndexByte(head, ' ')+1:]
	if wordCount(head, 16) >= 16 || strings.Contains(head, ". ") || strings.HasSuffix(head, ".") || last != "" && last == asciiLower(last) && isKeyWords(last) && strings.Trim(last, "-") != "" {
		return nil, nil // not "…, which lists Payer: and Surgeon: …" nor "#2 Left lateral neck - WD SCC, 1.2 x 1.0 cm. Indication: …": a heading ends in no small word and no stop
	}
	return keyedParts(t, keys)
}

// keyedParts cuts text at its keys (innerKeys of " "+text) into the text
// before the first key (nil when there is none) and a field a key.
func keyedParts(t *grammar.Value, keys [][2]int) (lead *grammar.Value, fields []*grammar.Field) {
	lead = trimmedValue(t, 0, keys[0][0]-1)
	for k, key := range keys {
		end := len(t.Text)
		if k+1 < len(keys) {
			end = keys[k+1][0] - 1
		}
		from, colon := key[0]-1, key[1]-1
		fields = append(fields, &grammar.Field{Pos: shift(t.Pos, t.Text[:from]), Key: t.Text[from:colon], Value: trimmedValue(t, colon+1, end)})
	}
	return lead, fields
}

// labelText is the text after a lesion's label: its text, or its one
// field's key and value as written ("right medial cheekDiagnosis: basal
// cell carcinoma, …", which the grammar read as a field).
func labelText(it *grammar.Item) *grammar.Text {
	switch {
	case it.Text != nil:
		return it.Text
	case len(it.Fields) == 1 && it.Fields[0].Value != nil:
		f := it.Fields[0]
		return &grammar.Text{Pos: f.Pos, Text: f.Key + ": " + f.Value.Text}
	}
	return nil
}

// gluedLabelText cuts a lesion label's text whose site a paste glued to the
// fields after it ("Lesion A:right medial cheekDiagnosis:basal cell
// carcinoma, nodularPostop diagnosis:same…") into the site and the fields;
// nil fields when the text is no such text.
func gluedLabelText(t *grammar.Text) (site string, fields []*grammar.Field) {
	keys := innerKeys(" "+t.Text, false)
	if len(keys) < 2 || keys[0][0] < 2 || !isLetterRune(rune(t.Text[keys[0][0]-2])) {
		return "", nil // the first key glued to the site before it
	}
	lead, fields := keyedParts(&grammar.Value{Pos: t.Pos, Text: t.Text}, keys)
	if lead == nil || resolvedSite(lead.Text) == "" {
		return "", nil
	}
	return lead.Text, fields
}

// afterCredential reports whether the key at byte at of v follows a
// physician's credential or a date ("…-Barrington, MD Insurance: …",
// "Quiroga-Lindqvist, DO INSURANCE:Medicare Part B"): a name with its
// degree is a whole value, and the key after it the next field's.
func afterCredential(v string, at int) bool {
	before := strings.Fields(v[:at])
	if len(before) == 0 {
		return false
	}
	raw := before[len(before)-1]
	if strings.HasSuffix(raw, ".") && !strings.HasSuffix(asciiLower(raw), "m.d.") && !strings.HasSuffix(asciiLower(raw), "d.o.") {
		return false // "Dx SCC, MD. Ind: …": a sentence's end, moderately differentiated
	}
	last := asciiLower(strings.Trim(raw, ",."))
	return slices.Contains([]string{"md", "do", "m.d", "d.o", "pa-c", "np", "facms"}, last) || last != "" && strings.Trim(last, "0123456789/") == ""
}

// lastValueSplits reports whether a line's one known key inside a value
// follows a measure or a doctor's credential that ends the value before it
// ("Final defect: 4.1 x 3.6 cm Repair: complex layered repair …",
// "Surgeon: Rosamund Ekwueme-Fitzgerald, MD Insurance: Medicare Part B",
// as a copy that lost its line breaks runs two fields together): a size,
// a length, an area or a name with its degree is a whole value, and a key
// after it is the next field's.
func lastValueSplits(fields []*grammar.Field) bool {
	for _, f := range fields {
		if f.Value == nil || f.Value.Pos.Line != f.Pos.Line {
			continue
		}
		if ks := innerKeys(f.Value.Text, false); len(ks) == 1 {
			before := strings.Fields(f.Value.Text[:ks[0][0]])
			return len(before) >= 2 && slices.Contains([]string{"cm", "mm", "cm2", "cm²", // "cm." ends a sentence
				"md", "do", "m.d.", "d.o.", "pa-c", "np", "facms"}, asciiLower(before[len(before)-1])) // "Surgeon: Rosamund Ekwueme-Fitzgerald, MD Insurance: Medicare Part B"
		}
	}
	return false
}

// innerKeys finds the keys inside a value (see runOnFields): the start
// and end of each, the end at its colon. Loose, it also takes a key the
// engine does not know, of one to three words ("Donor site: …",
// "Sutures: …"), as a line that runs on holds.
func innerKeys(v string, loose bool) [][2]int {
	var out [][2]int
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ':':
			if depth > 0 || i+1 >= len(v) {
				continue
			}
			if v[i+1] != ' ' {
				// "Tumor site:right nasal dorsumDiagnosis:basal cell …", as a
				// web page's copy glues a form's cells: a known key of words
				// only (not "POS @ 6:00")
				if start := innerKeyStart(v, i, false); start > 0 && isKeyWords(v[start:i]) {
					out = append(out, [2]int{start, i})
				}
				continue
			}
			if start := innerKeyStart(v, i, loose); start > 0 {
				out = append(out, [2]int{start, i})
			}
		}
	}
	return out
}

// innerKeyStart is where the longest known key of one to four words that
// ends at the colon at c starts — loose, else an unknown key of one to
// three words of letters — or 0.
func innerKeyStart(v string, c int, loose bool) int {
	starts := make([]int, 0, 4)
	for j := c; j > 0 && len(starts) < 4; {
		k := strings.LastIndexByte(v[:j], ' ')
		if k < 0 {
			break
		}
		starts, j = append(starts, k+1), k
	}
	for n := len(starts) - 1; n >= 0; n-- {
		start := starts[n]
		end := c // the word's end, where a key glued inside it may start
		if n > 0 {
			end = starts[n-1] - 1
		}
		if glued := gluedKeyStart(v, start, end, c); glued > 0 {
			return glued // "…, MDPayer: …", "… 10/21/1955Date of Service: …"
		}
		if start < 2 || v[start] < 'A' || v[start] > 'Z' {
			continue
		}
		if _, known := lookupAny(v[start:c]); known {
			if strings.IndexByte(";,:", v[start-2]) >= 0 {
				return 0 // "…; Biopsy Date: …": a pair the semicolons set apart, not a run-on
			}
			return start
		}
	}
	if !loose {
		return 0
	}
	for n := min(len(starts), 3) - 1; n >= 0; n-- {
		start := starts[n]
		if start >= 2 && v[start] >= 'A' && v[start] <= 'Z' && strings.IndexByte(";,:", v[start-2]) < 0 && isKeyWords(v[start:c]) {
			return start
		}
	}
	return 0
}

// gluedKeyStart is where a known key that ends at the colon at c starts
// inside the word from start to end, glued to the value before it as a web
// page's copy glues a form's cells ("dorsumDiagnosis", "1955Date of
// Service", "MDPayer", "cmRepair"): a capital after a small letter, a digit,
// a stop, a parenthesis or another capital; or 0.
func gluedKeyStart(v string, start, end, c int) int {
	for j := start + 1; j < end; j++ {
		if v[j] < 'A' || v[j] > 'Z' {
			continue
		}
		prev := v[j-1]
		if !(prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || prev >= 'A' && prev <= 'Z' || prev == '.' || prev == ')') {
			continue
		}
		if _, known := lookupAny(v[j:c]); known {
			return j
		}
	}
	return 0
}

// isKeyWords reports whether s is words of letters only, as a form's key.
func isKeyWords(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !isLetterRune(r) && r != ' ' && r != '-' }) < 0
}

// trimmedValue is the part of v from byte from to byte to, trimmed, with
// its position; nil when it is empty.
func trimmedValue(v *grammar.Value, from, to int) *grammar.Value {
	part := v.Text[from:to]
	text := strings.TrimSpace(part)
	if text == "" {
		return nil
	}
	return &grammar.Value{Pos: shift(v.Pos, v.Text[:from]+part[:strings.Index(part, text)]), Text: text}
}

// stainsOfLesions gives the stains a lesion's stain field names before
// its stages ("Special stains: toluidine blue") to every stage of the
// lesion, those of its fields and tables and those its prose describes;
// a field under a stage's sentence, to that stage.
func (l *lowerer) stainsOfLesions() {
	for _, ls := range l.lesionStains {
		for k := range l.out.Lesions[ls.les].Stages {
			st := &l.out.Lesions[ls.les].Stages[k]
			if ls.stage > 0 && st.Number != ls.stage {
				continue
			}
			for _, sn := range ls.stains {
				if !slices.ContainsFunc(st.Stains, func(have model.Stain) bool { return strings.EqualFold(have.Name, sn.Name) }) {
					st.Stains = append(st.Stains, sn)
				}
			}
		}
	}
}

// stainReasonsOfLesions gives a lesion's stain reason field ("Stain
// reason: MART-1 on all frozen blocks to assess melanocyte density") to
// its stains that give no reason of their own: to the stains it names, or
// to every stain when it names none. A field after a log of several
// lesions that covers none of the current lesion's stains ("IHC reason:
// MART-1 and SOX10 for melanocyte density" below lesion B's last row, B
// stained with none) is the reason of the one lesion whose stains it
// covers, when one alone has such.
func (l *lowerer) stainReasonsOfLesions() {
	for _, given := range l.stainReasons {
		i := given.lesion
		if i < 0 || i >= len(l.out.Lesions) {
			continue
		}
		reason := given.reason
		said := asciiLower(given.stains)
		named := namesKnownStain(given.stains)
		covers := func(st *model.Stain) bool { return !named || strings.Contains(said, asciiLower(st.Name)) }
		if !hasStain(&l.out.Lesions[i], covers) {
			var with []int
			for k := range l.out.Lesions {
				if hasStain(&l.out.Lesions[k], covers) {
					with = append(with, k)
				}
			}
			if len(with) == 1 {
				i = with[0]
			}
		}
		les := &l.out.Lesions[i]
		for s := range les.Stages {
			for j := range les.Stages[s].Stains {
				if st := &les.Stages[s].Stains[j]; st.Reason == "" && covers(st) {
					st.Reason = reason.Value
				}
			}
		}
	}
}

// stainReason is a reason given to a lesion's stains apart from them, the
// lesion it was given under, and the words that name the stains it is of:
// the field's key ("Ber-EP4 on block I-B"), or the reason itself ("MART-1
// on all frozen blocks to assess melanocyte density").
type stainReason struct {
	lesion int // the lesion it was given under
	reason model.Text
	stains string
}

// hasStain reports whether one of a lesion's stains is such.
func hasStain(les *model.Lesion, such func(*model.Stain) bool) bool {
	for s := range les.Stages {
		for j := range les.Stages[s].Stains {
			if such(&les.Stages[s].Stains[j]) {
				return true
			}
		}
	}
	return false
}

// titleWords name a note's title: "Mohs Case Log — 2026-08-18",
// "OPERATIVE REPORT 03/03/2026".
var titleWords = []string{"log", "report", "note", "record", "procedure", "surgery", "mohs"}

// titleSeparators turn the dashes between a title's parts into commas of
// the same length in bytes, so that positions in the title hold.
var titleSeparators = strings.NewReplacer("—", ",  ", "–", ",  ", " - ", " , ")

// titleDate takes the date of service from the note's title when nothing
// else states it: the first line, a heading of title words whose one
// dated part, set apart by a dash or a comma, is a date.
func (l *lowerer) titleDate() {
	if l.out.Encounter.Date.Present() {
		return
	}
	for _, line := range l.lines {
		if line.Blank {
			continue
		}
		it := line.Item
		if it == nil || it.Text == nil || len(it.Fields) > 0 || it.Label != nil || !mentions(asciiLower(it.Text.Text), titleWords) ||
			mentions(asciiLower(it.Text.Text), []string{"birth", "dob"}) {
			return
		}
		var date *grammar.Value
		title := &grammar.Value{Pos: it.Text.Pos, Text: titleSeparators.Replace(it.Text.Text)}
		for _, part := range splitOutside(title, ",") {
			if _, err := grammar.ParseDate("Date of service", part); err != nil {
				continue
			}
			if date != nil {
				return // two dates: which is the surgery's the title does not say
			}
			date = part
		}
		if date == nil {
			date = trailingTitleDate(it.Text) // "Mohs op note 05/18/2026"
		}
		if date != nil {
			l.problem(l.encounterField(keyRef{field: fDate, name: "Date of service"}, "Date of service", date))
		}
		return
	}
}

// trailingTitleDate is the date that ends a title of words alone ("Mohs
// op note 05/18/2026"), or nil.
func trailingTitleDate(t *grammar.Text) *grammar.Value {
	text := strings.TrimSpace(t.Text)
	at := strings.LastIndexAny(text, " \t")
	if at < 0 || !isKeyWords(strings.TrimSpace(text[:at])) {
		return nil
	}
	v := trimmedValue(&grammar.Value{Pos: t.Pos, Text: t.Text}, strings.Index(t.Text, text)+at+1, strings.Index(t.Text, text)+len(text))
	if v == nil {
		return nil
	}
	if _, err := grammar.ParseDate("Date of service", v); err != nil {
		return nil
	}
	return v
}

// keyedDate reads text that is a date key and a date with no colon
// between them ("DOS 2026-05-05", "Date 03/14/2026") as the date field; nil
// when the text is not one.
func keyedDate(t *grammar.Text) *grammar.Field {
	if t == nil {
		return nil
	}
	if at := strings.LastIndex(t.Text, "   "); at > 0 && strings.TrimSpace(t.Text[at:]) != "" {
		// "Mohs note   DOS 11/10/2026": the title, a gap, then the date
		rest := strings.TrimLeft(t.Text[at:], " ")
		if f := keyedDate(&grammar.Text{Pos: shift(t.Pos, t.Text[:len(t.Text)-len(rest)]), Text: rest}); f != nil {
			return f
		}
	}
	words := strings.Fields(t.Text)
	for n := 1; n <= 3 && n < len(words); n++ {
		key := strings.Join(words[:n], " ")
		if ref, ok := lookup(secEncounter, key); !ok || ref.field != fDate {
			continue
		}
		rest := strings.TrimSpace(t.Text[strings.Index(t.Text, words[n-1])+len(words[n-1]):])
		v := &grammar.Value{Pos: shift(t.Pos, t.Text[:len(t.Text)-len(rest)]), Text: rest}
		if _, err := grammar.ParseDate(key, withoutTime(v)); err == nil {
			return &grammar.Field{Pos: t.Pos, Key: key, Value: v}
		}
	}
	return nil
}

// keyedReader reads a line that opens with a reader key ending in "by"
// and goes on with who read the slides, with no colon ("Path read by
// unfilled reports whether a value is a template's blank left unfilled:
// "***", "__", "TBD", "{site}".
func unfilled(s string) bool {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return false
	case strings.Trim(s, "*_?. ") == "":
		return true // "***", "__", "???"
	case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && !strings.Contains(s, " "):
		return true // "{site}"
	}
	return strings.EqualFold(s, "TBD") || strings.EqualFold(s, "TBA")
}

// defectsBySite reads a line that gives each lesion's final defect by its
// site after a heading of defects ("FINAL DEFECTS. Right nasal dorsum 1.5 x
// 1.2 cm; left cheek 1.9 x 1.5 cm; right dorsal forearm 1.6 x 1.2 cm."), in a
// note of several lesions, and reports whether it did: every part must name
// one lesion by its site and give a size of two dimensions, else the line
// is read as any other.
func (l *lowerer) defectsBySite(it *grammar.Item) bool {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 || len(l.out.Lesions) < 2 || !containsFold(firstWords(it.Text.Text, 3), "defects") {
		return false
	}
	head, rest, ok := strings.Cut(it.Text.Text, ". ")
	if !ok {
		head, rest, ok = strings.Cut(it.Text.Text, ": ")
	}
	if !ok || wordCount(head, 4) > 3 {
		return false
	}
	type siteDefect struct {
		lesion int
		size   grammar.Measure
	}
	var got []siteDefect
	for _, part := range strings.Split(strings.TrimRight(strings.TrimSpace(rest), "."), ";") {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "and "))
		i := strings.IndexAny(part, "0123456789")
		if i <= 0 {
			return false
		}
		les := l.siteLesion(strings.TrimSpace(part[:i]))
		m, err := grammar.ParseMeasure("", &grammar.Value{Text: strings.TrimSpace(part[i:])})
		if les < 0 || err != nil || len(m.Dims) < 2 || slices.ContainsFunc(got, func(d siteDefect) bool { return d.lesion == les }) {
			return false
		}
		got = append(got, siteDefect{les, m})
	}
	if len(got) < 2 {
		return false
	}
	for _, d := range got {
		if les := &l.out.Lesions[d.lesion]; !les.FinalDefect.Present() {
			les.FinalDefect = model.Size{Dims: d.size.Dims, Line: it.Text.Pos.Line}
		}
	}
	return true
}

// periodIndication reads a numbered paragraph whose heading is the
// indication's key ended by a period ("2. Indication. Recurrent tumor,
// diameter over 2 cm, ill-defined borders in sun-damaged skin.") as the
// indication field; nil for any other line. Only the indication is read so:
// its value is words, where the values of other keys would be read as
// sizes or counts from the sentences after them.
func periodIndication(it *grammar.Item) *grammar.Field {
	if it.Marker == nil || it.Text == nil || it.Label != nil || len(it.Fields) > 0 {
		return nil
	}
	key, _, ok := strings.Cut(it.Text.Text, ". ")
	if !ok || wordCount(key, 4) > 3 {
		return nil
	}
	if ref, known := lookup(secLesion, key); !known || ref.field != fIndication {
		return nil
	}
	v := trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, len(key)+len(". "), len(it.Text.Text))
	if v == nil {
		return nil
	}
	return &grammar.Field{Pos: it.Text.Pos, Key: key, Value: v}
}

// stainReasonText reads a line that names a stain and its blocks before a
// colon, with the reason after it ("AE1/AE3 on block II-A: to exclude
// single infiltrating tumor cells within dense inflammation."), as the
// field it is (see stainReasonKey); nil when the line is no such line. The
// grammar keeps a key of that many words as text.
func stainReasonText(it *grammar.Item) *grammar.Field {
	if it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 {
		return nil
	}
	key, rest, ok := strings.Cut(it.Text.Text, ": ")
	if !ok || wordCount(key, 9) > 8 || !namesKnownStain(key) {
		return nil
	}
	if w := firstWord(asciiLower(rest)); w != "to" && w != "for" && w != "because" {
		return nil
	}
	at := len(key) + len(": ")
	v := trimmedValue(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, at, len(it.Text.Text))
	if v == nil {
		return nil
	}
	return &grammar.Field{Pos: it.Text.Pos, Key: key, Value: v}
}

// surgeon (Dr. …), all sites"): the pathology field, or nil.
func keyedReader(t *grammar.Text) *grammar.Field {
	if t == nil {
		return nil
	}
	words := strings.Fields(t.Text)
	for n := 2; n <= 5 && n < len(words); n++ {
		if !strings.EqualFold(words[n-1], "by") {
			continue
		}
		key := strings.Join(words[:n], " ")
		if ref, known := lookup(secEncounter, key); !known || ref.field != fPathology {
			return nil
		}
		at := strings.Index(t.Text, words[n-1]) + len(words[n-1])
		if v := trimmedValue(&grammar.Value{Pos: t.Pos, Text: t.Text}, at, len(t.Text)); v != nil && len(splitSentences(v)) == 1 {
			return &grammar.Field{Pos: t.Pos, Key: key, Value: v}
		}
		return nil // "Slides read by me. Map drawn.": sentences, read as prose
	}
	return nil
}

// payerLead opens a dictated sentence that names the payer: "The
// patient's insurance is ", "Her coverage is an ", "His primary insurance
// is the ", "He is insured through ".
var payerLead = regexp.MustCompile(`(?i)^(?:(?:the patient['’]s |her |his |)(?:primary |)(?:insurance|coverage|insurance coverage|payer) is|(?:he|she|the patient) is (?:insured|covered) (?:through|by|with)) (?:an |a |the |)`)

// payerWords are the payers a dictated sentence may name in lower case:
// "Her insurance is commercial, an Anthem Blue Cross PPO."
var payerWords = []string{"commercial", "medicare", "medicaid"}

// keyedPayer reads a dictated sentence that names the payer after its key
// with no colon ("Insurance Humana ChoiceCare PPO."): the payer field, or
// nil. The name must open with a capital ("Insurance verified" names none).
func keyedPayer(t *grammar.Text) *grammar.Field {
	text := strings.TrimSuffix(t.Text, ".")
	if m := payerLead.FindStringIndex(text); m != nil && m[1] < len(text) {
		// "The patient's insurance is Medicaid.", "Her coverage is an Aetna
		// Medicare Advantage PPO plan." as "Insurance Medicaid"
		rest := text[m[1]:]
		if (rest[0] < 'A' || rest[0] > 'Z') && !slices.Contains(payerWords, asciiLower(strings.TrimRight(firstWord(rest), ","))) || wordCount(rest, 9) > 8 {
			return nil
		}
		return &grammar.Field{Pos: t.Pos, Key: "Insurance", Value: &grammar.Value{Pos: shift(t.Pos, t.Text[:m[1]]), Text: rest}}
	}
	key, rest, ok := strings.Cut(text, " ")
	if ref, known := lookup(secEncounter, key); !ok || !known || ref.field != fPayer {
		return nil
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || rest[0] < 'A' || rest[0] > 'Z' || wordCount(rest, 9) > 8 {
		return nil
	}
	return &grammar.Field{Pos: t.Pos, Key: key, Value: &grammar.Value{Pos: shift(t.Pos, t.Text[:len(t.Text)-len(strings.TrimLeft(t.Text[len(key):], " "))]), Text: rest}}
}

// sutureWords name suture materials and the like, which say how a repair
// was sewn, not which repair it was.
var sutureWords = []string{"monocryl", "nylon", "prolene", "vicryl", "polypropylene", "chromic", "gut", "silk",
	"pds", "staples", "steri-strip", "steristrip", "dermabond", "glue", "suture", "sutures", "running", "interrupted",
	"deep", "skin", "subcuticular", "buried", "mattress", "vertical", "epidermal", "dermal"}

// suturesOnly reports whether a repair value names only sutures ("5-0
// Monocryl deep, 6-0 nylon skin"): its words are suture sizes and
// sutureWords, with a suture size among them.
// techniqueOnly reports whether a repair value tells how a repair was done
// and names no kind of repair, under a repair whose class is known: the
// technique of that repair, no second one.
func techniqueOnly(repairs []model.Repair, text string) bool {
	last := repairs[len(repairs)-1]
	lower := asciiLower(text)
	known := func(s string) bool {
		return linearClassOf(s) != "" || mentions(asciiLower(s), []string{"flap", "graft", "ftsg", "stsg", "intention", "ilc", "clc"})
	}
	return known(last.Type.Value+" "+last.Value.Value) && !known(text) && !mentions(lower, []string{"closure", "closed", "repair", "plasty"}) &&
		mentions(lower, []string{"undermin", "suture", "staple", "scor", "pds", "monocryl", "nylon", "prolene", "vicryl"})
}

func suturesOnly(text string) bool {
	lower := asciiLower(text)
	size := false
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '.' || r == '(' || r == ')' }) {
		switch {
		case len(w) == 3 && w[1] == '-' && w[0] >= '1' && w[0] <= '9' && w[2] == '0': // "5-0"
			size = true
		case slices.Contains(sutureWords, w), w == "and", w == "with", w == "for", w == "layer", w == "layers":
		default:
			return false
		}
	}
	return size
}

// unbracketed is text without the brackets a form puts around a heading
// ("[Stage 1]"), or text as it is.
func unbracketed(text string) string {
	if inner, ok := strings.CutPrefix(text, "["); ok {
		if inner, ok = strings.CutSuffix(inner, "]"); ok {
			return strings.TrimSpace(inner)
		}
	}
	return text
}

// lastLineStarting is the last note line whose text opens s (a signature
// the prose reader found), or 0.
func (l *lowerer) lastLineStarting(s string) int {
	for i := len(l.lines) - 1; i >= 0; i-- {
		if it := l.lines[i].Item; it != nil && it.Text != nil && it.Text.Text != "" && strings.HasPrefix(s, strings.TrimSpace(it.Text.Text)) {
			return i + 1
		}
	}
	return 0
}

// stageFieldsAfter is the fields of line i's item, and when it holds one
// field, the first field of the next line too: "- stage: 1" over
// "  blocks: 2", as a YAML export lists a stage.
func (l *lowerer) stageFieldsAfter(i int, it *grammar.Item) []*grammar.Field {
	if len(it.Fields) != 1 || i+1 >= len(l.lines) {
		return it.Fields
	}
	if next := l.lines[i+1].Item; next != nil && next.Marker == nil && next.Label == nil && next.Text == nil && len(next.Fields) > 0 {
		return []*grammar.Field{it.Fields[0], next.Fields[0]}
	}
	return it.Fields
}

// numberedStage reads the first of a line's fields as the stage it numbers
// when a stage's own fields follow it ("stage=1 blocks=4 margins=…", "Stage:
// 2   Blocks: 3", "- stage: 1" over "  blocks: 2"): the field "Stage 1"
// with no value. Else it is the first field as it stands ("Stage: T2a" is
// a tumor stage).
func numberedStage(fields []*grammar.Field) *grammar.Field {
	f := fields[0]
	if len(fields) < 2 || f.Value == nil {
		return f
	}
	if ord, tail, ok := splitStage(f.Key); !ok || ord != "" || tail != "" {
		return f
	}
	if n, valid := stageNumber(f.Value.Text); !valid || n == 0 {
		return f
	}
	if ref, known := lookup(secStage, fields[1].Key); !known || ref.field == fNone {
		return f
	}
	return &grammar.Field{Pos: f.Pos, Key: f.Key + " " + f.Value.Text}
}

// priorBiopsyLine reports whether an unlabelled "Biopsy:" line cites a
// dated biopsy ("Biopsy: shave biopsy 08/12/2025, nodular BCC"): that is
// the lesion's prior biopsy, not a biopsy done today.
func priorBiopsyLine(it *grammar.Item) bool {
	if it.Label == nil || !it.Label.Biopsy() || it.Label.Name() != "" || it.Text == nil || len(it.Fields) > 0 {
		return false
	}
	return slashDated(it.Text.Text)
}

// slashDated reports whether text holds a date written with slashes
// ("08/20/2026", "6/30/26").
func slashDated(text string) bool {
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' }) {
		if strings.Count(tok, "/") == 2 {
			if _, err := grammar.ParseDate("", &grammar.Value{Text: tok}); err == nil {
				return true
			}
		}
	}
	return false
}

// listedStage reads a numbered item under a stage count as that stage:
//
//	Mohs Stages Performed: 2
//	   1) 3 blocks - residual tumor at the deep margin of block 2
//	   2) 1 block - margins negative
//
// The item must open with a count of blocks; nil when it is no such item.
func listedStage(it *grammar.Item) *grammar.Field {
	if it.Marker == nil || it.Label != nil || it.Text == nil || !isOrdinalMarker(it.Marker.Text) || !grammar.IsDigits(strings.Trim(it.Marker.Text, "().")) {
		return nil
	}
	first, _, _ := strings.Cut(it.Text.Text, " - ")
	first, _, _ = strings.Cut(first, ";")
	first, _, _ = strings.Cut(first, ",")
	if !isCountItem(first) {
		return nil
	}
	text := strings.ReplaceAll(it.Text.Text, " - ", "; ")
	for _, f := range it.Fields {
		text += "; " + f.Key + ":"
		if f.Value != nil {
			text += " " + f.Value.Text
		}
	}
	return &grammar.Field{Pos: it.Marker.Pos, Key: "Stage " + strings.Trim(it.Marker.Text, "()."), Value: &grammar.Value{Pos: it.Text.Pos, Text: text}}
}

// linkWords cannot end a sentence: a line ending with one goes on.
var linkWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "with": true,
	"to": true, "in": true, "on": true, "at": true, "by": true, "for": true, "from": true, "was": true, "were": true}

// endsWithLink reports whether text breaks off after a word no sentence
// ends with ("… interpreted by") or a comma: a line that a second wrapping
// left short still goes on.
func endsWithLink(text string) bool {
	return strings.HasSuffix(text, ",") || linkWords[asciiLower(text[strings.LastIndexByte(text, ' ')+1:])]
}

// midSentence reports whether the line next continues the sentence that
// text breaks off: it opens in lower case or with a digit, or text ends
// with a word no sentence ends with ("… read by" / "Dr. Ames"), or its
// first word ends with a comma, or text ends with a key whose value is
// still to come ("Histology:").
func midSentence(text, next string) bool {
	if strings.HasSuffix(text, ":") {
		return true // "… block 2 clear. Histology:" / "SCC in situ with follicular extension"
	}
	if c := next[0]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '(' { // "… and PRAME" / "(blocks 1-2) to separate …"
		return true
	}
	if first, _, _ := strings.Cut(next, " "); len(first) > 1 && strings.HasSuffix(first, ",") {
		return true // "… read by Ingrid" / "Vasquez, MD, dermatopathologist": no heading opens with a word and a comma
	}
	return endsWithLink(text)
}

// wrapWidth is the column a line must reach for the plain line under it to
// continue it: a print-out or transcription wraps its lines near 80
// columns, a template's short value ends well before.
const wrapWidth = 64

// wrapped joins to the last field of line i the lines that continue its
// value under a hanging indent, as an EHR prints a long value:
//
//	Diagnosis: Basal cell carcinoma, nodular and infiltrative (shave biopsy
//	           3/10/2026, accession RM26-11804)
//
// or flush with the key mid-sentence, as a transcription wraps a
// paragraph near 80 columns ("HISTORY: … of the left" / "nasal sidewall,
// confirmed on …").
// It returns the field and the last line joined (i when none).
func (l *lowerer) wrapped(i int, f *grammar.Field) (*grammar.Field, int) {
	if f.Value == nil || f.Value.Pos.Line != f.Pos.Line {
		return f, i
	}
	v, j := l.wrappedOn(i, f.Value, f.Value.Pos.Column, f.Pos.Column)
	if j == i {
		v, j = l.payerGoesOn(i, f)
	}
	if j == i {
		return f, i
	}
	g := *f
	g.Value = v
	return &g, j
}

// payerGoesOn joins to a payer field, the last of line i, the short line
// under it that goes on naming the plan, wherever the wrap put it:
// "Surgeon: …    Insurance: Humana" over "Medicare Advantage PPO" (the
// plan decides the payer profile, CODING-RULES §8). It returns the value
// and the last line joined (i when none).
func (l *lowerer) payerGoesOn(i int, f *grammar.Field) (*grammar.Value, int) {
	if ref, ok := lookup(secEncounter, f.Key); !ok || ref.field != fPayer || i+1 >= len(l.lines) || l.opens[i+1] != opensNothing {
		return f.Value, i
	}
	next := l.lines[i+1].Item
	if next == nil || next.Marker != nil || next.Label != nil || next.Text == nil || len(next.Fields) > 0 ||
		strings.ContainsAny(next.Text.Text, ":.") || len(strings.Fields(next.Text.Text)) > 5 || !namesInsurer(next.Text.Text) {
		return f.Value, i
	}
	return &grammar.Value{Pos: f.Value.Pos, Text: f.Value.Text + " " + next.Text.Text}, i + 1
}

// flushWrapped joins to the value standing alone on line i (a key's value
// on the line under it, flush at column col) the lines that continue it
// mid-sentence; it returns the value and the last line joined.
func (l *lowerer) flushWrapped(i int, v *grammar.Value, col int) (*grammar.Value, int) {
	return l.wrappedOn(i, v, 0, col)
}

// endsWithTitle reports whether text ends with a title written before a
// name ("Dr.", "Mrs."): its name stands on the next line.
func endsWithTitle(text string) bool {
	w := asciiLower(lastWord(strings.TrimRight(text, " ")))
	switch w {
	case "dr.", "mr.", "mrs.", "ms.", "prof.":
		return true
	}
	return false
}

// wrappedOn joins to v, on line i, the plain lines after it that continue
// it: under a hanging indent at column hang (0 for none), or flush at
// column flushCol (or indented less than the hang: "Slides: … were" over
// "   read by me") mid-sentence after a line that reached wrapWidth.
func (l *lowerer) wrappedOn(i int, v *grammar.Value, hang, flushCol int) (*grammar.Value, int) {
	text, j := v.Text, i
	end := v.Pos.Column + utf8.RuneCountInString(v.Text) // where the line just joined ends
	lo := flushCol                                       // a list item's value may go on under its bullet, or left of it
	if it := l.lines[i].Item; it != nil && it.Marker != nil && it.Marker.Pos.Column < flushCol {
		lo = 1 // "▪ Frozen section interpretation: all … were" over " interpreted by …"
	}
	for j+1 < len(l.lines) {
		next := l.lines[j+1].Item
		if t := strayWord(next); t != nil {
			next = &grammar.Item{Pos: next.Pos, Text: t} // "… nasal tip," / "biopsy" / "proven 03/05/2026."
		} else if next == nil || next.Marker != nil || next.Label != nil || next.Text == nil || len(next.Fields) > 0 || next.Banner || l.opens[j+1] != opensNothing {
			break // "--- end of log ---" under "Secondary defect: 3.9 sq cm" ends the log, it does not go on with the value
		}
		hanging := hang > 0 && next.Text.Pos.Column == hang && next.Text.Pos.Column > flushCol
		col := next.Text.Pos.Column
		// under the value, or left of it where the note's wrap width broke the
		// line ("… Payer: Humana" / "Medicare Advantage")
		placed := col >= lo && col <= flushCol || col > flushCol && (hang == 0 || col < hang) || col < lo && l.filled(end, next.Text.Text)
		flush := placed && (end >= wrapWidth || endsWithLink(text) || l.filled(end, next.Text.Text) || startsLower(next.Text.Text) && !l.terse || endsWithTitle(text)) && !strings.HasSuffix(next.Text.Text, ":") && stageLine(next.Text) == nil &&
			(!strings.ContainsAny(text[len(text)-1:], ".;") && midSentence(text, next.Text.Text) || !strings.HasSuffix(text, ".") && l.filled(end, next.Text.Text) ||
				endsWithTitle(text)) // "… interpreted by Dr." over "Delacroix-Mbeki, who served as surgeon and pathologist."
		if !hanging && !flush || len(innerKeys(next.Text.Text, false)) > 0 || startsLower(next.Text.Text) && keyFirst(text, next.Text) {
			break // ("def 3.2x2.6 cm" under a stage's value: a fact of its own)
		}
		text += " " + next.Text.Text
		end = next.Text.Pos.Column + utf8.RuneCountInString(next.Text.Text)
		j++
	}
	if j == i {
		return v, i
	}
	return &grammar.Value{Pos: v.Pos, Text: text}, j
}

// keyFirst reports whether the line t under text is a known key and its
// measure alone ("def 3.2x2.6 cm"), not the rest of a key the line above
// began ("… primary" over "defect 1.0 x 0.8 cm; …") or a phrase it left
// open.
func keyFirst(text string, t *grammar.Text) bool {
	key, rest, ok := leadingKey(&grammar.Value{Pos: t.Pos, Text: t.Text}, false)
	if !ok || rest == nil || len(strings.Fields(key)) > 2 || endsWithLink(text) {
		return false
	}
	if _, split := lookupAny(lastWord(text) + " " + key); split {
		return false
	}
	m, err := grammar.ParseMeasure("", rest)
	return err == nil && len(m.Dims) > 0
}

// startsLower reports whether text opens with a lower-case letter: no
// heading or field does, so under a value that ends without a full stop it
// goes on with the value ("Pathology: frozen sections interpreted by the
// staff" / "dermatopathologist, Dr. …").
func startsLower(text string) bool { return text != "" && text[0] >= 'a' && text[0] <= 'z' }

// strayWord is the text of a line that holds one label word in lower case
// and nothing else ("biopsy" that a second wrapping left alone on its
// line): no heading, a word of the sentence it breaks; nil otherwise.
func strayWord(it *grammar.Item) *grammar.Text {
	if it == nil || it.Label == nil || it.Marker != nil || it.Text != nil || len(it.Fields) > 0 || it.Label.Name() != "" {
		return nil
	}
	if t := strings.TrimSpace(it.Label.Text); t != "" && t[0] >= 'a' && t[0] <= 'z' {
		return &grammar.Text{Pos: it.Label.Pos, Text: t}
	}
	return nil
}

// headsList reports whether line i is a heading over the list that follows
// it, written without a colon ("## Repairs (after tumor clearance)" in a
// Markdown note, then "- Lesion 1 (…): complex layered repair, 5.0 cm"): a
// few words, no sentence, and a list item next, or a line that names a
// lesion already opened by its label or hash number ("RECONSTRUCTION (all
// after tumor clearance)" over "#1 right helix: complex repair, 1.9 cm").
func (l *lowerer) headsList(i int, it *grammar.Item) bool {
	heading := it.Text.Text
	if open := strings.Index(heading, " ("); open > 0 && strings.HasSuffix(heading, ")") {
		heading = heading[:open] // "REPAIRS (performed after tumor clearance at both sites)"
	}
	if it.Marker != nil || !isKeyLike(heading) || i+1 >= len(l.lines) {
		return false
	}
	next := l.lines[i+1].Item
	return next != nil && (next.Marker != nil || l.refersToLesion(next) ||
		next.Label != nil && l.lesionLine(normalLabel(next.Label.Name())) > 0) // "REPAIRS (…)" over "Lesion 1: complex …"
}

// headsSection reports whether line i is an ALL-CAPS heading of one to
// five words over fields ("TUMOR" over "Body site: …", "SLIDE REVIEW"): a
// section of a template, which ends the stage or repair section above.
func (l *lowerer) headsSection(i int, it *grammar.Item) bool {
	text := it.Text.Text
	if it.Marker != nil || it.Label != nil || !isKeyLike(text) || strings.ToUpper(text) != text || !strings.ContainsFunc(text, isLetterRune) || i+1 >= len(l.lines) {
		return false
	}
	next := l.lines[i+1].Item
	return next != nil && len(next.Fields) > 0 && next.Text == nil && next.Marker == nil
}

// headsFields reports whether line i is a known key standing alone over
// fields ("FINAL DEFECT" over "Size: 18mm" and "Dimensions: 18mm x 15mm",
// as a Mohs report generator prints it): a heading, whose measure fields
// are its own (underHeading).
func (l *lowerer) headsFields(i int, it *grammar.Item) bool {
	if it.Marker != nil || !isKeyLike(it.Text.Text) || i+1 >= len(l.lines) {
		return false
	}
	if _, known := lookupAny(it.Text.Text); !known {
		return false
	}
	next := l.lines[i+1].Item
	return next != nil && len(next.Fields) > 0 && next.Text == nil
}

// measureKeys are the keys that measure the fact their heading names.
var measureKeys = []string{"size", "dimensions", "measurements", "diameter"}

// measuredHeading finds the lesion key a heading names when its fields
// measure it: the final defect or the pre-operative size.
func measuredHeading(heading string) (keyRef, bool) {
	ref, ok := lookup(secLesion, strings.TrimSuffix(heading, ":"))
	return ref, ok && (ref.field == fFinalDefect || ref.field == fSize)
}

// underHeading gives a measure key the fact of the heading over it:
// "Size" and "Dimensions" under "FINAL DEFECT" are the final defect.
// Other fields are returned as they are.
func (l *lowerer) underHeading(f *grammar.Field) *grammar.Field {
	if l.block.Value == "" || !slices.Contains(measureKeys, letters(f.Key)) {
		return f
	}
	if _, ok := measuredHeading(l.block.Value); !ok {
		return f
	}
	g := *f
	g.Key = strings.TrimSuffix(l.block.Value, ":")
	return &g
}

// withoutTime drops the time of day and its zone that follow a date
// ("03/17/2026 09:12 CDT", "2026-04-22 10:30 AM"): what is left is the
// date.
func withoutTime(v *grammar.Value) *grammar.Value {
	for i := 1; i+3 < len(v.Text); i++ {
		if v.Text[i-1] == ' ' && v.Text[i] >= '0' && v.Text[i] <= '9' && (v.Text[i+1] == ':' || v.Text[i+2] == ':' && v.Text[i+1] >= '0' && v.Text[i+1] <= '9') {
			return &grammar.Value{Pos: v.Pos, Text: strings.TrimRight(v.Text[:i-1], " ,@")}
		}
	}
	return v
}

// keyJoiner drops the hyphens and spaces of a key ("Pre-op" → "Preop").
var keyJoiner = strings.NewReplacer("-", "", " ", "")

// preopField reads a bare "Pre-op:" or "Preoperative:" key by its value:
// the pre-operative size when the value opens with a size, else the
// pre-operative diagnosis when it names a tumor; nil otherwise.
func preopField(f *grammar.Field, v *grammar.Value) *grammar.Field {
	if v == nil {
		return nil
	}
	switch asciiLower(keyJoiner.Replace(f.Key)) {
	case "preop", "preoperative":
	default:
		return nil
	}
	g := *f
	g.Value = v
	switch _, ok := leadingMeasure(v); {
	case ok:
		g.Key = "Preoperative size"
	case icd10.Recognize(v.Text).Histology != "":
		g.Key = "Preoperative diagnosis"
	default:
		return nil
	}
	return &g
}

// insurerWords name an insurer or a kind of health plan: a "Plan:" field
// outside a stage that names one is the payer, not a stage's plan.
var insurerWords = map[string]bool{"medicare": true, "medicaid": true, "medigap": true, "tricare": true, "insurance": true,
	"ppo": true, "hmo": true, "epo": true, "bcbs": true, "aetna": true, "anthem": true, "cigna": true, "humana": true,
	"unitedhealthcare": true, "uhc": true, "kaiser": true, "wellcare": true, "molina": true, "highmark": true}

// namesInsurer reports whether text has a word of insurerWords or names
// Blue Cross or Blue Shield.
func namesInsurer(text string) bool {
	lower := asciiLower(text)
	if strings.Contains(lower, "blue cross") || strings.Contains(lower, "blue shield") {
		return true
	}
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool { return !isLetterRune(r) }) {
		if insurerWords[w] {
			return true
		}
	}
	return false
}

// bareBanner finds the one line that opens a lesion when it is a bare
// "LESION" heading with nothing after it, as templates print over the one
// lesion's fields; -1 when the note has another lesion opening or none.
func bareBanner(lines []*grammar.Line, opens []opening) int {
	at := -1
	for i, o := range opens {
		if o != opensLesion {
			continue
		}
		if at >= 0 {
			return -1
		}
		at = i
	}
	if at < 0 {
		return -1
	}
	it := lines[at].Item
	if it.Label == nil || it.Label.Name() != "" || it.Text != nil || len(it.Fields) > 0 {
		return -1
	}
	return at
}

// siteHeadings finds the lines that head a lesion's paragraph by its site
// alone: "LEFT THUMB:" with the dictation on the next line. Only two or
// more different sites so written are lesion headings.
func siteHeadings(lines []*grammar.Line) []int {
	var found []int
	var keys []string
	for i, line := range lines {
		it := line.Item
		if it != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 && capitalSite(it.Text.Text) {
			key := asciiLower(it.Text.Text) // "LEFT CHEEK", "NASAL ALA, LEFT" over their lesion's fields
			if !slices.Contains(keys, key) {
				found = append(found, i)
				keys = append(keys, key)
			}
			continue
		}
		if it == nil || it.Marker != nil && isOrdinalMarker(it.Marker.Text) || it.Label != nil || it.Text != nil || len(it.Fields) != 1 || it.Fields[0].Value != nil {
			continue // "LEFT THUMB:", "• Left cheek:" over their lesion's lines
		}
		key := it.Fields[0].Key
		if _, known := lookupAny(key); known || siteLead(key) != key || icd10.Recognize(key).Histology != "" || slices.Contains(keys, asciiLower(key)) {
			continue
		}
		if _, ok := anatomy.Resolve(key); ok {
			found = append(found, i)
			keys = append(keys, asciiLower(key))
		}
	}
	return found
}

// siteField is the one field of an unnumbered item keyed by a site alone
// ("- right antihelix: complex repair, 2.8 cm"), or nil.
func siteField(it *grammar.Item) *grammar.Field {
	if it.Text != nil || it.Label != nil || it.Marker != nil && isOrdinalMarker(it.Marker.Text) || len(it.Fields) != 1 || it.Fields[0].Value == nil {
		return nil
	}
	f := it.Fields[0]
	if _, known := lookupAny(f.Key); known || grammar.IsLabel(f.Key) || strings.ContainsAny(f.Key, "()") {
		return nil
	}
	if _, ok := anatomy.Resolve(f.Key); !ok {
		return nil
	}
	return f
}

// capitalSite reports whether a line's text is a site alone in capitals,
// in at most four words: "LEFT CHEEK", "NASAL ALA, LEFT", "SCALP, VERTEX".
func capitalSite(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || strings.ToUpper(text) != text || strings.ContainsFunc(text, func(r rune) bool { return r != ' ' && r != ',' && (r < 'A' || r > 'Z') }) ||
		wordCount(text, 5) > 4 {
		return false
	}
	if _, known := lookupAny(text); known || icd10.Recognize(text).Histology != "" {
		return false
	}
	_, ok := anatomy.Resolve(text)
	return ok
}

// fieldsTaken is how many of a section-opening item's fields the opening
// itself used: the site and value of "2. Right thigh: … biopsy".
func (l *lowerer) fieldsTaken(it *grammar.Item) int {
	if it.Label == nil && it.Text == nil || siteKeyed(it) {
		return 1
	}
	return 0
}

// siteKeyed reports whether a lesion label's first field is keyed by the
// lesion's site ("Tumor 1 - right preauricular cheek: squamous cell
// carcinoma, …"): the site heads the lesion and the value describes it.
func siteKeyed(it *grammar.Item) bool {
	if it.Label == nil || it.Text != nil || len(it.Fields) == 0 || it.Fields[0].Value == nil && len(it.Fields) > 1 {
		return false // ("TUMOR #1 - LEFT CONCHAL BOWL:" over its dictation has no value)
	}
	key := strings.TrimLeft(it.Fields[0].Key, "-–—: ")
	if _, known := lookupAny(key); known {
		return false
	}
	_, ok := anatomy.Resolve(key)
	return ok
}

// sameBiopsy is the index of the biopsy listed before under the same
// label with the same method and site as b, which a later paragraph
// describes again, or listed bare, its method and site alone, which b
// describes ("PROCEDURE: … 2. Tangential (shave) biopsy, left anterior
// shin." then "ADDITIONAL PROCEDURES: 1. Left anterior shin: a 6 mm scaly
// pink papule was sampled by tangential (shave) biopsy. …"); -1 when there
// is none. Two bare lines of one method and site are two biopsies.
func (l *lowerer) sameBiopsy(label string, b model.Biopsy) int {
	for k, o := range l.out.Biopsies {
		if label != "" && b.Type.Present() && b.Site.Text.Present() && o.Label == label && strings.EqualFold(strings.TrimSpace(o.Type.Value), strings.TrimSpace(b.Type.Value)) &&
			strings.EqualFold(strings.TrimSpace(o.Site.Text.Value), strings.TrimSpace(b.Site.Text.Value)) &&
			(!o.Diagnosis.Present() || !b.Diagnosis.Present() || strings.EqualFold(o.Diagnosis.Value, b.Diagnosis.Value)) {
			return k
		}
		if !o.Diagnosis.Present() && wordCount(o.Value.Value, 10) <= 8 && wordCount(b.Value.Value, 10) > 8 && sameBiopsySite(o, b) {
			if m, om := biopsyMethod(b.Type.Value+" "+b.Value.Value), biopsyMethod(o.Type.Value+" "+o.Value.Value); m != "" && m == om {
				return k
			}
		}
	}
	return -1
}

// describedBiopsy is the biopsy an item of a numbered list above opened
// that a biopsy heading describes ("3. Pink scaly papule, left upper back,
// … Tangential (shave) biopsy performed today" under "Assessment and plan",
// then "Biopsy 1: tangential (shave) biopsy, left upper back"): the same
// site and the same method, each listed biopsy described once; -1 when
// none is.
func (l *lowerer) describedBiopsy(it *grammar.Item, b model.Biopsy) int {
	if it.Label == nil || !it.Label.Biopsy() {
		return -1
	}
	for k := range l.out.Biopsies {
		o := l.out.Biopsies[k]
		if !l.listedBiopsies[k] || !sameBiopsySite(o, b) {
			continue
		}
		if m, om := biopsyMethod(b.Type.Value+" "+b.Value.Value), biopsyMethod(o.Type.Value+" "+o.Value.Value); m != "" && m == om {
			delete(l.listedBiopsies, k)
			return k
		}
	}
	return -1
}

// sameBiopsySite reports whether two biopsies name one site, by their
// sites or the words before their texts' colons or commas: the same
// anatomic term on the same side.
func sameBiopsySite(a, b model.Biopsy) bool {
	site := func(x model.Biopsy) (anatomy.Site, bool) {
		text := x.Site.Text.Value
		if text == "" {
			text, _, _ = strings.Cut(x.Value.Value, ":")
		}
		return anatomy.Resolve(text)
	}
	sa, oka := site(a)
	sb, okb := site(b)
	return oka && okb && len(sa.Terms) > 0 && len(sb.Terms) > 0 && sa.Terms[0].Name == sb.Terms[0].Name && sa.Laterality == sb.Laterality
}

// open opens the lesion or biopsy section of line i.
func (l *lowerer) open(i int, it *grammar.Item) {
	l.closeSections()
	l.biopsy = -1
	label, text, line := "", model.Text{}, l.lines[i].Pos.Line
	keySite := "" // the site a biopsy's key names
	switch {
	case it.Label != nil:
		label = normalLabel(it.Label.Name())
		if it.Text != nil {
			text = model.Text{Value: strings.TrimRight(strings.Trim(it.Text.Text, "() "), ". "), Line: it.Text.Pos.Line} // "SITE 1: LEFT UPPER BACK."
		}
		if siteKeyed(it) {
			text = model.Text{Value: strings.TrimLeft(it.Fields[0].Key, "-–—: "), Line: it.Fields[0].Pos.Line}
		}
	case it.Marker == nil && l.opens[i] == opensBiopsy: // "Bx A - left parietal scalp: incisional biopsy …"
		key, value, _ := leadKey(it)
		var bl string
		bl, keySite, _ = biopsyKey(key)
		label, text = normalLabel(bl), model.Text{Value: value, Line: line}
	case it.Text != nil:
		if it.Marker != nil { // "1. Right dorsal hand"; a dashed lesion line has none
			label = markerLabel(it.Marker.Text)
		}
		text = model.Text{Value: it.Text.Text, Line: it.Text.Pos.Line}
		if n, site, ok := hashSite(it.Text.Text); ok && it.Marker == nil {
			label, text.Value = n, site // "#1 left cheek"
		}
		if site := tableCaption(it.Text.Text); site != "" {
			text.Value = site
		}
	case it.Marker == nil || len(it.Fields) > 0 && it.Fields[0].Value == nil: // "LEFT THUMB:", "• Left cheek:" heading its lines
		text = model.Text{Value: it.Fields[0].Key, Line: it.Fields[0].Pos.Line}
	default:
		label = markerLabel(it.Marker.Text)
		f := it.Fields[0]
		text = model.Text{Value: f.Key + ": " + f.Value.Text, Line: f.Pos.Line}
	}
	text.Value = checked(&grammar.Value{Text: text.Value}).Text // "[x] tangential (shave) [ ] punch": the choice checked
	if l.opens[i] == opensBiopsy {
		l.block = model.Text{}
		given := label
		if label == "" || l.biopsyLine(label) > 0 {
			label = freeLabel(len(l.out.Biopsies)+1, func(s string) bool { return l.biopsyLine(s) > 0 })
		}
		b := model.Biopsy{Label: label, Line: line, Value: text}
		if keySite != "" {
			b.Site.Text = model.Text{Value: keySite, Line: line}
		}
		if it.Label == nil || it.Label.Word() == "lesion" {
			listedBiopsy(&b, text) // "1. Punch biopsy (4 mm), right medial thigh - clinical impression: …", "Lesion 2 - … Clinical impression: …"
		} else {
			doubtedImpression(&b, text) // "Biopsy 1: punch biopsy (4 mm), L shin - ?SCC vs KA"
		}
		if k := l.sameBiopsy(given, b); k >= 0 {
			// "PROCEDURES TODAY: … 2. Shave biopsy, left shoulder." then "2. SHAVE
			// BIOPSY, left shoulder: …": the paragraph describes the listed biopsy
			if !l.out.Biopsies[k].Diagnosis.Present() {
				l.out.Biopsies[k].Diagnosis = b.Diagnosis
			}
			l.biopsy = k
			return
		}
		if k := l.describedBiopsy(it, b); k >= 0 {
			l.out.Biopsies[k].Label = label
			l.biopsy = k
			return
		}
		l.out.Biopsies = append(l.out.Biopsies, b)
		l.biopsy = len(l.out.Biopsies) - 1
		l.listedBiopsy = it.Marker != nil && it.Label == nil && len(it.Fields) == 0
		if it.Marker != nil && it.Label == nil {
			if l.listedBiopsies == nil {
				l.listedBiopsies = map[int]bool{}
			}
			l.listedBiopsies[l.biopsy] = true
		}
		return
	}
	if len(l.out.Lesions) >= MaxLesions {
		l.report(LesionAmbiguous.At("", line, 1, "the note has more than %d lesions; this lesion and the rest of the note are not read", MaxLesions))
		l.full = true
		return
	}
	if prev := l.lesionLine(label); prev > 0 {
		// A label used before refers back to its lesion ("- Lesion 1 (nasal
		// tip): full-thickness skin graft …" under Repairs): what follows
		// belongs to it. A second, different site or diagnosis under it is
		// lesion-ambiguous, never a silent merge.
		l.lesion = l.labelled(label)
		if l.lesion < 0 {
			l.lesion = slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
		}
		l.timedByHeading(l.lesion) // "Lesion 1, left dorsal foot: …; intermediate layered repair, 3.2 cm" under "Repairs (after tumor clearance at each site):"
		if les := l.cur(); it.Label != nil && text.Present() && !les.HeadingText.Present() && !les.Site.Text.Present() {
			if _, ok := anatomy.Resolve(text.Value); ok {
				les.HeadingText = text // "SITE 1 OF 2" over "Lesion 1: left lower cutaneous lip": the site the heading left out
				return
			}
		}
		if les := l.cur(); it.Label != nil && text.Present() && les.HeadingText.Present() && !les.Site.Text.Present() {
			opened := strings.TrimPrefix(strings.TrimPrefix(les.HeadingText.Value, "the "), "The ")
			if site, ok := anatomy.Resolve(text.Value); ok && site.Laterality != "" && sideless(text.Value, opened) {
				les.HeadingText = text // "Lesion #2, the arm: stage 1 …" then "Lesion #2, right upper arm: …": the site on its side
			}
		}
		if it.Label != nil && it.Text != nil {
			rest := it.Text.Text
			if strings.HasPrefix(rest, "(") { // "(nasal tip): …" names the lesion again
				if _, after, ok := strings.Cut(rest, ")"); ok {
					rest = after
				}
			}
			rest = strings.TrimLeft(rest, ":,;– ")
			l.inlineValue(&grammar.Value{Pos: shift(it.Text.Pos, it.Text.Text[:len(it.Text.Text)-len(rest)]), Text: rest})
		}
		return
	}
	l.block = model.Text{}
	if label == "" {
		label = freeLabel(len(l.out.Lesions)+1, func(s string) bool { return l.lesionLine(s) > 0 })
	}
	les := model.Lesion{Label: label, Line: line}
	var after *grammar.Value   // "SITE ONE (left temple): The first Mohs layer …"
	piped := false             // "LESION: left posterior calf | BCC, superficial and nodular | shave bx 09/15/2026 confirmed"
	cells := false             // "site A: R helix - BCC nodular - 0.8 x 0.7 cm - mohs: ear (H-zone)"
	staged := false            // "Site A, left preauricular skin, first stage: three blocks. …"
	var glued []*grammar.Field // "Lesion A:right medial cheekDiagnosis:basal cell carcinoma, …": the label's fields a paste glued to its site
	if it.Label != nil {
		les.HeadingText = text
		if siteKeyed(it) {
			after = it.Fields[0].Value // "Tumor 1 - right preauricular cheek: squamous cell carcinoma, …"
		}
		if t := labelText(it); t != nil && !strings.HasPrefix(t.Text, "(") {
			if site, fields := gluedLabelText(t); fields != nil {
				les.HeadingText, glued = model.Text{Value: site, Line: t.Pos.Line}, fields // "Lesion A:right medial cheekDiagnosis:basal cell …"
				after = nil
			}
		}
		if t := it.Text; t != nil && glued == nil && strings.HasPrefix(t.Text, "(") {
			if inside, rest, ok := strings.Cut(t.Text[1:], ")"); ok {
				les.HeadingText = model.Text{Value: strings.TrimSpace(inside), Line: t.Pos.Line}
				if rest = strings.TrimLeft(rest, ":,;–- "); rest != "" {
					after = &grammar.Value{Pos: shift(t.Pos, t.Text[:len(t.Text)-len(rest)]), Text: rest}
				}
			}
		} else if t != nil && glued == nil {
			if first, rest, ok := strings.Cut(t.Text, " | "); ok && strings.TrimSpace(first) != "" {
				les.HeadingText = model.Text{Value: strings.TrimSpace(first), Line: t.Pos.Line}
				after, piped = &grammar.Value{Pos: shift(t.Pos, t.Text[:len(first)+3]), Text: rest}, true
			} else if first, rest, ok := strings.Cut(t.Text, " - "); ok && resolvedSite(first) != "" && strings.TrimSpace(rest) != "" {
				// "Site 1, right nasal ala - 0.8 x 0.7 cm; indicated for Mohs because …": the site, then its facts
				les.HeadingText = model.Text{Value: strings.TrimSpace(first), Line: t.Pos.Line}
				after = &grammar.Value{Pos: shift(t.Pos, t.Text[:len(first)+3]), Text: rest}
				if size, more, ok := strings.Cut(rest, ";"); ok {
					v := &grammar.Value{Pos: after.Pos, Text: strings.TrimSpace(size)}
					if m, err := grammar.ParseMeasure("", v); err == nil && len(m.Dims) > 0 {
						les.Size = model.Size{Dims: m.Dims, Line: v.Pos.Line} // "… - 0.8 x 0.7 cm; indicated for Mohs …": its size
						after = &grammar.Value{Pos: shift(after.Pos, rest[:len(size)+1]), Text: strings.TrimSpace(more)}
					}
				} else if dx, _, ok := strings.Cut(rest, " - "); ok && icd10.Recognize(dx).Histology != "" {
					cells = true // "R helix - BCC nodular - 0.8 x 0.7 cm - mohs: ear (H-zone)": its diagnosis, size and facts in cells
				}
			} else if first, rest, ok := strings.Cut(t.Text, ", "); ok && resolvedSite(first) != "" && stageKeyFirst(rest) {
				// "Site A, left preauricular skin, first stage: three blocks.
				// …": the site, then its first stage's field
				les.HeadingText = model.Text{Value: strings.TrimSpace(first), Line: t.Pos.Line}
				after, staged = &grammar.Value{Pos: shift(t.Pos, t.Text[:len(first)+2]), Text: rest}, true
			} else if first, rest, ok := strings.Cut(t.Text, ". "); ok && len(strings.Fields(first)) <= 6 && strings.TrimSpace(rest) != "" && !siteAbbrev(first) {
				// "LESION 1: NASAL TIP. The first tumor, a basal cell carcinoma, …": the site, then dictation
				les.HeadingText = model.Text{Value: strings.TrimSpace(first), Line: t.Pos.Line}
				after = &grammar.Value{Pos: shift(t.Pos, t.Text[:len(first)+2]), Text: rest}
			} else if first, _, ok := strings.Cut(t.Text, ". "); ok && icd10.Recognize(first).Histology != "" {
				// "Lesion one: basal cell carcinoma, nodular, left nasal
				// sidewall, 0.8 x 0.6 cm. Indication: …": its diagnosis, then
				// its facts
				les.HeadingText = model.Text{}
				after = &grammar.Value{Pos: t.Pos, Text: t.Text}
			} else if dictationAfterLabel(t.Text) {
				// "Lesion A: the first stage was divided into two blocks. …":
				// no site, the lesion's dictation
				les.HeadingText = model.Text{}
				after = &grammar.Value{Pos: t.Pos, Text: t.Text}
			}
			if !les.HeadingText.Present() && after != nil {
				first, _, _ := strings.Cut(after.Text, ". ")
				if site := tumorSite(first); site != "" {
					les.HeadingText = model.Text{Value: site, Line: t.Pos.Line} // "TUMOR #1. The right cheek lesion was a nodular basal cell carcinoma …"
				}
			}
		}
	} else if f := siteThenStages(it); f != nil {
		les.HeadingText, after = model.Text{Value: f.Key, Line: f.Pos.Line}, f.Value
	} else if capitalSite(text.Value) {
		les.HeadingText = model.Text{Value: strings.TrimSpace(text.Value), Line: text.Line} // "NASAL ALA, LEFT": its side after the comma
	} else if site, _, ok := siteLedSplit(text.Value); ok && it.Marker != nil {
		les.HeadingText = model.Text{Value: site, Line: text.Line} // "1) R nasal ala BCC (bx 1/29/26). …"
	} else {
		les.HeadingText = model.Text{Value: siteLead(text.Value), Line: text.Line}
		if lead, rest, ok := strings.Cut(text.Value, ": "); ok && it.Text != nil && strings.TrimSpace(lead) == les.HeadingText.Value && dictationAfterLabel(rest) {
			// "#1 LEFT CHIN: The first stage was divided into four blocks …": the site, then its dictation
			if at := strings.LastIndex(it.Text.Text, rest); at >= 0 {
				after = &grammar.Value{Pos: shift(it.Text.Pos, it.Text.Text[:at]), Text: rest}
			}
		}
	}
	l.out.Lesions = append(l.out.Lesions, les)
	l.lesion = len(l.out.Lesions) - 1
	for _, p := range l.pending {
		for _, part := range p.parts {
			if normalLabel(part.label) == label {
				l.problem(l.lesionField(p.ref, &grammar.Field{Pos: part.value.Pos, Key: p.key, Value: part.value}, part.value))
			}
		}
	}
	if it.Label == nil && it.Text != nil {
		l.inlineText(it.Text, false)
	}
	switch {
	case piped:
		for _, part := range splitOutside(after, "|") {
			l.sentence(part) // each cell a fact of the lesion: its diagnosis, its biopsy
		}
	case glued != nil:
		for _, f := range glued {
			l.field(len(l.lines), f)
		}
	case cells:
		l.openingCells(after, true)
	case staged:
		key, _, _ := strings.Cut(after.Text, ":")
		l.field(len(l.lines), &grammar.Field{Pos: after.Pos, Key: key, Value: trimmedValue(after, len(key)+1, len(after.Text))})
	case after != nil && isDictated(after.Text):
		l.narrativeLine(&grammar.Text{Pos: after.Pos, Text: after.Text}) // "SITE ONE (left temple): The first Mohs layer was …"
	case after != nil:
		l.inlineValue(after)
	}
}

// pendingField is a lesion field before the first label whose value names
// each lesion's part by its label, kept until the labels open.
type pendingField struct {
	ref   keyRef
	key   string
	parts []labelledPart
}

// labelledPart is the part of a value that a label names.
type labelledPart struct {
	label string
	value *grammar.Value
}

// labelledParts splits a value that names its lesions' parts by their
// labels — "A) Right Lower Cheek and B) Left Temple", "BCC-Nodular (A),
// SCCIS (B)" — into those parts; nil when it names fewer than two.
func labelledParts(v *grammar.Value) []labelledPart {
	s := v.Text
	part := func(label string, from, to int) labelledPart {
		seg := s[from:to]
		trimmed := strings.TrimLeft(seg, " ,;")
		trimmed = strings.TrimPrefix(trimmed, "and ")
		at := from + len(seg) - len(trimmed)
		trimmed = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(trimmed, " ,;.("), " and"), " ,;(")
		return labelledPart{label: label, value: &grammar.Value{Pos: shift(v.Pos, s[:at]), Text: trimmed}}
	}
	var parts []labelledPart
	from := 0
	for i := 0; i+2 < len(s); i++ { // "BCC-Nodular (A), SCCIS (B)"
		if s[i] == '(' && isLetterOrDigit(s[i+1]) && s[i+2] == ')' && (i+3 == len(s) || !isLetterOrDigit(s[i+3])) {
			parts = append(parts, part(s[i+1:i+2], from, i))
			from = i + 3
		}
	}
	if len(parts) >= 2 && strings.Trim(s[from:], " .,;") == "" {
		return parts
	}
	if parts = sentenceLabelledParts(v, part); len(parts) >= 2 {
		return parts
	}
	parts, from = nil, -1
	label := ""
	for i := 0; i+1 < len(s); i++ { // "A) Right Lower Cheek and B) Left Temple", "(1) basal cell carcinoma, …; (2) …"
		if isLetterOrDigit(s[i]) && s[i+1] == ')' && (i == 0 || s[i-1] == ' ' || s[i-1] == '(' && (i == 1 || from >= 0 && s[i-2] == ' ')) {
			if from >= 0 {
				parts = append(parts, part(label, from, i))
			}
			label, from = s[i:i+1], i+2
		}
	}
	if from < 0 || strings.Trim(s[:strings.Index(s, label+")")], " (") != "" && len(parts) == 0 {
		return nil
	}
	parts = append(parts, part(label, from, len(s)))
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// postopDiagnoses gives lesion n the post-operative diagnosis of item n
// of a numbered list under a valueless key ("POSTOPERATIVE DIAGNOSES:" over
// "1. Basosquamous (metatypical) carcinoma, left temple." / "2. Same."),
// when the list has one item a lesion; "Same." leaves the lesion's
// diagnosis as it stands. An item that names a site other than its
// lesion's gives nothing: the list is then in no lesion's order.
func (l *lowerer) postopDiagnoses() {
	if len(l.postopList) == 0 || len(l.postopList) != len(l.out.Lesions) {
		return
	}
	for k, item := range l.postopList {
		if site := itemSite(item.Value); site != "" && !sameSite(site, siteWords(l.out.Lesions[k])) && !sideless(siteWords(l.out.Lesions[k]), site) && !sideless(site, siteWords(l.out.Lesions[k])) {
			return
		}
	}
	for k, item := range l.postopList {
		if w := firstWord(asciiLower(item.Value)); w == "same" || w == "same." || w == "unchanged" {
			continue
		}
		if les := &l.out.Lesions[k]; !les.PostopDiagnosis.Present() {
			les.PostopDiagnosis = model.Text{Value: strings.TrimSuffix(item.Value, "."), Line: item.Line}
		}
	}
}

// itemSite is the site a diagnosis item names after its last comma:
// "left temple" of "Basosquamous (metatypical) carcinoma, left temple.".
func itemSite(text string) string {
	_, after, ok := cutLast(strings.TrimSuffix(strings.TrimSpace(text), "."), ", ")
	if !ok {
		return ""
	}
	return resolvedSite(after)
}

// numberedItems counts the numbered items under the valueless key of
// line i.
func (l *lowerer) numberedItems(i int) int {
	n := 0
	for _, line := range l.lines[i+1:] {
		it := line.Item
		if it == nil || it.Marker == nil || it.Label != nil || it.Text == nil || len(it.Fields) > 0 || !isOrdinalMarker(it.Marker.Text) {
			break
		}
		n++
	}
	return n
}

// sentenceLabelledParts splits a value whose sentences open with their
// lesion's label: "Site one: basal cell carcinoma, left temple. Site two:
// …". The value must open with a label.
func sentenceLabelledParts(v *grammar.Value, part func(label string, from, to int) labelledPart) []labelledPart {
	s := v.Text
	var parts []labelledPart
	label, from := "", -1
	for i := 0; i < len(s); i++ {
		if i > 0 && !(s[i-1] == ' ' && i >= 2 && (s[i-2] == '.' || s[i-2] == ';')) {
			continue
		}
		name, rest, ok := grammar.LabelPrefix(s[i:])
		if !ok || rest == 0 || s[i+rest-1] != ':' {
			if i == 0 {
				return nil
			}
			continue
		}
		if from >= 0 {
			parts = append(parts, part(label, from, i))
		}
		label, from = name, i+rest
		i += rest - 1
	}
	if from < 0 {
		return nil
	}
	return append(parts, part(label, from, len(s)))
}

// narrative keeps a line of text for the prose reader; a line that ends a
// known key's empty value was taken by the field.
func (l *lowerer) narrative(t *grammar.Text) {
	if legend(t.Text) {
		return
	}
	l.paragraph = append(l.paragraph, grammar.Value{Pos: t.Pos, Text: t.Text})
}

// legendPair is one abbreviation a legend defines, with the first word of
// its meaning: "L = lesion", "S = stage".
var legendPair = regexp.MustCompile(`(?:^|[\s,;(])\S{1,6}\s?=\s?([A-Za-z]+)`)

// legend reports whether text defines abbreviations for lesions and
// stages ("L = lesion, S = stage (L2S1 = lesion 2, stage 1)"): a key to
// the note's specimen IDs, no fact of its own (its "lesion 2, stage 1" is
// no stage). A legend of stains ("H = H&E; M = MART-1 on every block …")
// is read.
func legend(text string) bool {
	if strings.Count(text, "=") < 2 {
		return false
	}
	ids := 0
	for _, m := range legendPair.FindAllStringSubmatch(text, 4) {
		switch asciiLower(m[1]) {
		case "lesion", "stage", "tumor", "tumour", "site", "layer":
			ids++
		}
	}
	return ids >= 2
}

// nextStageSentence splits a stage value at a later sentence that opens
// with another stage's key ("3 blocks, positive deep. Stage 2: 2 blocks,
// negative."): the value before it, and that stage as a field; next is nil
// when there is none.
func nextStageSentence(v *grammar.Value) (first *grammar.Value, next *grammar.Field) {
	sentences := splitSentences(v)
	for _, sen := range sentences[min(1, len(sentences)):] {
		key, rest, ok := itemKey(sen)
		if !ok || rest == nil || sen.Pos.Line != v.Pos.Line {
			continue
		}
		if ord, tail, isStage := splitStage(key); !isStage || ord == "" || tail != "" {
			continue
		}
		at := strings.LastIndex(v.Text, sen.Text)
		if at <= 0 {
			return v, nil
		}
		// the later stage's value runs to the line's end: "Second stage: two
		// blocks from the base. On H&E … both blocks were clear."
		rest.Text = strings.TrimRight(v.Text[at+len(sen.Text)-len(rest.Text):], " \t")
		return &grammar.Value{Pos: v.Pos, Text: strings.TrimSpace(v.Text[:at])}, &grammar.Field{Pos: sen.Pos, Key: key, Value: rest}
	}
	return v, nil
}

// endParagraph hands the open paragraph to the prose reader.
func (l *lowerer) endParagraph() {
	if len(l.paragraph) == 0 {
		return
	}
	if l.underBiopsy(l.paragraph[0].Pos) {
		// "Biopsy 1: excisional biopsy, left upper arm" over "7 mm papule
		// excised with 2 mm margins": the biopsy's description, no Mohs
		// lesion's size or margin
		l.paragraph = l.paragraph[:0]
		return
	}
	l.biopsiedSite()
	l.prose(l.paragraph)
	l.paragraph = l.paragraph[:0]
}

// biopsiedAt reads the site a biopsy's sentence gives: "The lesion
// biopsied was located on the left posterior upper arm."
var biopsiedAt = regexp.MustCompile(`(?i)^\s*the\s+(?:lesion|site|area)\s+biopsied\s+(?:was|is)\s+(?:located\s+)?(?:on|at|over)\s+the\s+([^.;]+)`)

// biopsiedSite gives the open biopsy with no site the site the paragraph's
// first line says it was taken from, under its label ("Biopsy #1" /
// "Procedure: punch biopsy (3 mm)." / "The lesion biopsied was located on
// the left posterior upper arm.").
func (l *lowerer) biopsiedSite() {
	if l.biopsy < 0 || l.biopsy >= len(l.out.Biopsies) || l.out.Biopsies[l.biopsy].Site.Text.Present() {
		return
	}
	if m := biopsiedAt.FindStringSubmatch(l.paragraph[0].Text); m != nil {
		l.out.Biopsies[l.biopsy].Site.Text = model.Text{Value: strings.TrimSpace(m[1]), Line: l.paragraph[0].Pos.Line}
	}
}

// underBiopsy reports whether text at pos stands under the open biopsy's
// label, indented past it, in a note with no lesion labels: the biopsy's
// description ("Biopsy 1: excisional biopsy, left upper arm" over "  7 mm
// papule excised with 2 mm margins").
func (l *lowerer) underBiopsy(pos lexer.Position) bool {
	if l.biopsy < 0 || l.headed || l.biopsy >= len(l.out.Biopsies) {
		return false
	}
	label, text := l.lineAt(l.out.Biopsies[l.biopsy].Line), l.lineAt(pos.Line)
	return label != nil && label.Item != nil && text != nil && text.Item != nil && pos.Line > label.Pos.Line && text.Item.Pos.Column > label.Item.Pos.Column
}

// field places the field on line i. When it takes a later line as its
// value it returns that line's index, so the caller skips it; else i.
func (l *lowerer) field(i int, f *grammar.Field) (taken int) {
	if f.Value == nil && l.lesion < 0 && l.headed && remarkBiopsiedEach(f.Key) {
		// "Tumors treated today (each shave biopsied on 10/02/2026):" over
		// the labelled tumors: every tumor's prior biopsy
		l.biopsyForEach = append(l.biopsyForEach, &grammar.Value{Pos: f.Pos, Text: f.Key})
	}
	if m := letteredNumber.FindStringSubmatch(strings.TrimSpace(f.Key)); m != nil && (m[0][0] == 'L' || m[0][0] == 'l') && len(l.out.Lesions) <= 1 && f.Value != nil && startsWithCount(f.Value.Text) {
		// "L1: 3 blks -- blk 2 + (deep)" in a note of one lesion: its first
		// layer (in a log of several, "L1" numbers a lesion)
		f = &grammar.Field{Pos: f.Pos, Key: "Layer " + m[1], Value: f.Value}
	}
	if l.ruledLesion(i, f) {
		// "TUMOR LOCATION: L DORSAL FOOT" under a rule after the first
		// tumor's fields and stages: the next tumor's block
		l.endParagraph()
		l.closeSections()
		l.table, l.block = nil, model.Text{}
		label := freeLabel(len(l.out.Lesions)+1, func(s string) bool { return l.lesionLine(s) > 0 })
		l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: label, Line: f.Pos.Line})
		l.lesion = len(l.out.Lesions) - 1
	}
	if strings.Contains(f.Key, ". ") && l.goesOnFrom(i, f.Key) {
		// "Mohs was chosen for ill-defined borders" over "after failed
		// cryotherapy. Stage 1 histology: squamous cell carcinoma in": the
		// sentence before runs on into this line, a paragraph's, not a field
		l.paragraph = append(l.paragraph, keyAndValue(f))
		return i
	}
	if f.Value != nil && len(l.out.Lesions) > 1 && repairsHeading(f.Key) && mentions(asciiLower(f.Key), repairVerbs) &&
		len(l.lesionMentions([]prose.Line{{Text: f.Value.Text, Line: f.Value.Pos.Line, Col: f.Value.Pos.Column}})) > 1 {
		// "Both wounds were closed after tumor clearance: the left nasal
		// sidewall with …, and the right chin with …": a sentence of each
		// lesion's repair, which the prose reader hands each its part
		l.paragraph = append(l.paragraph, keyAndValue(f))
		return i
	}
	if f.Value != nil && len(l.paragraph) > 0 && hasPrefixFold(strings.TrimSpace(f.Key), "not ") {
		// "… Today the frozen sections were" over "not read by me: because
		// of a scheduling conflict they were interpreted by …": a sentence
		// that goes on, its colon no key's (read as "read by: …" it said the
		// surgeon read the slides)
		l.paragraph = append(l.paragraph, keyAndValue(f))
		return i
	}
	if parts := l.hashedParts(f); parts != nil {
		// "S1 histo: #1 nod BCC mid dermis, PNI-; #2 WD SCC deep dermis,
		// PNI-": each lesion's part of a stage's fact
		saved := l.lesion
		for _, p := range parts {
			l.lesion = p.lesion
			l.field(i, &grammar.Field{Pos: f.Pos, Key: f.Key, Value: p.value})
		}
		l.lesion = saved
		return i
	}
	if l.inAddendum() && hasPrefixFold(strings.TrimSpace(f.Key), "correction") {
		// "Correction to stage 1: the first stage was divided into 6 blocks,"
		// under "Addendum by …": the addendum's sentence, which corrects the note
		l.paragraph = append(l.paragraph, keyAndValue(f))
		return i
	}
	if _, known := lookupAny(f.Key); !known && f.Value != nil && legend(f.Value.Text) {
		return i // "Label legend: L = lesion, S = stage (L1S2 = lesion 1, stage 2)"; a stains log's "Legend: H = H&E; M = MART-1 …" is read
	}
	if dictatedAround(f) || f.Value != nil && len(l.paragraph) > 0 && l.stage < 0 && letters(f.Key) == "findings" {
		// "Stage one was divided into five blocks. Stains: H&E and MART-1 …
		// Histology: … Block two was positive …": dictation with a key in
		// it; "The first stage was divided into three blocks." over
		// "FINDINGS: … tumor at the deep margin of block one, …" over "The
		// second stage, …": a stage's findings in its paragraph
		l.paragraph = append(l.paragraph, keyAndValue(f))
		return i
	}
	l.endParagraph()
	if f.Value == nil && l.lesion >= 0 && stageListKeys[letters(f.Key)] {
		l.stagesListed = true // "Stage results:" over "1. 3 blocks – …", "2. 1 block – clear"
		return i
	}
	if k := strings.TrimSpace(f.Key); strings.HasSuffix(k, ":") {
		g := *f // "| Stage 1: | 4 blocks; … |": a boxed form's key keeps its colon in its cell
		g.Key = strings.TrimSpace(strings.TrimSuffix(k, ":"))
		f = &g
	}
	if _, known := lookupAny(f.Key); f.Value == nil && l.headed && !known && !repairsHeading(f.Key) {
		if before := l.lesion; l.headingLesions(&grammar.Text{Pos: f.Pos, Text: f.Key}) && l.lesion != before {
			l.block = model.Text{Value: f.Key, Line: f.Pos.Line} // "Left lower back:" over its log, after the list of lesions
			return i
		}
	}
	if f.Value == nil && (l.headed || l.proseLabelled) && repairsHeading(f.Key) {
		// "Repairs (both after tumor clearance):" over "Lesion 1 - Closure:
		// …": a heading whose remark times the repairs listed under it
		l.closeSections()
		l.block = model.Text{Value: f.Key, Line: f.Pos.Line}
		return i
	}
	if _, known := lookupAny(f.Key); !known && f.Value != nil && (l.headed || l.proseLabelled) && len(l.out.Lesions) > 1 && repairsSection(f.Key) && !isRepairLead(f.Key) {
		// "REPAIR OF THE TWO DEFECTS: … The left nasal sidewall defect … The
		// right neck defect …": a repairs heading over the lesions' repairs
		l.endParagraph()
		l.closeSections()
		l.block = model.Text{Value: f.Key, Line: f.Pos.Line}
		l.paragraph = append(l.paragraph, *f.Value)
		return i
	}
	f = l.underHeading(unitFromKey(countFromKey(l.keyAfterSentence(f))))
	v := unparenthesized(checked(f.Value))
	l.readerRemark(&grammar.Text{Pos: f.Pos, Text: f.Key})
	if k := strings.TrimSpace(f.Key); v != nil && l.lesion >= 0 && l.repair < 0 && (strings.EqualFold(k, "length") || strings.EqualFold(k, "len")) && l.afterRepairKey(i) {
		// "CLOSURE: Intermediate (layered) repair after clear margins were
		// confirmed" (read as prose) over "LENGTH: 5.4 cm": that repair's length
		f = &grammar.Field{Pos: f.Pos, Key: "Length of repair", Value: f.Value}
	}
	if v != nil && l.lesion >= 0 {
		if ref, ok := lookup(secLesion, f.Key); ok && ref.field == fFinalDefect {
			for _, arrow := range []string{" -> ", " → ", " => ", ". "} {
				if size, then, cut := strings.Cut(v.Text, arrow); cut && strings.TrimSpace(then) != "" && (arrow != ". " || isRepairText(then)) {
					// "Def 1.3 x 1.1 cm -> FTSG 1.3 x 1.1 cm after clearance, donor R
					// preauric.", "def 4.8x3.9cm (to galea). after clearance CLC
					// 9.6cm, …": the defect, then what closed it
					rest := &grammar.Text{Pos: shift(v.Pos, size+arrow), Text: strings.TrimSpace(then)}
					v = &grammar.Value{Pos: v.Pos, Text: strings.TrimSpace(size)}
					f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: v}
					defer l.narrativeLine(rest)
					break
				}
			}
		}
	}
	stageField := v != nil && isStageField(f)
	if stageField && v != f.Value {
		f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: v} // "Stage 1: (3 blks) (blk 1 pos - periph; …)": the items in their parentheses
	}
	if stageField {
		if first, next := nextStageSentence(v); next != nil {
			// "Stage 1: 3 blocks, positive deep. Stage 2: 2 blocks, negative." on one line
			v = first
			f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: v}
			defer l.field(len(l.lines), next)
		}
	}
	if v != nil && !stageField {
		var more []*grammar.Field
		if v, more = splitFields(v); len(more) > 0 {
			// "Dx: BCC (bx …); Indication: nose; Size: 1.0 x 0.8 cm; Map: yes"
			defer func() {
				for _, g := range more {
					l.field(len(l.lines), g)
				}
			}()
		}
	}
	taken = i
	valueFrom := func() {
		if v == nil {
			var j int
			v, j = l.nextNarrative(i)
			v = checked(v)
			taken = max(taken, j)
		}
	}
	if ref, ok := lookup(secStage, f.Key); ok && (ref.field == fStain || ref.field == fSpecialStain) && l.lesion >= 0 && v != nil {
		if n, rest, named := stageNamedFirst(v); named || stageNamedLast(v, &n, &rest) {
			// "Stains: stage II, AE1/AE3 on both blocks …" under a Mohs
			// log: that stage's stains, never every stage's
			if st := l.knownStage(n); st != nil {
				st.Stains = append(st.Stains, stains(textOf(rest), ref.field == fSpecialStain)...)
			} else {
				l.report(ProseAmbiguous.At(l.cur().Label, f.Pos.Line, f.Pos.Column, "the stains name stage %d, which the note does not list: they get no line", n))
			}
			return taken
		}
	}
	if l.stage >= 0 && l.lesion >= 0 && l.stage < len(l.cur().Stages) && !opensWithStage(v) {
		if ord, _, isStage, _ := stageKey(f); isStage && ord != "" {
			// "Histo (I): …" under "I: 3 blx, II: 1 blk clear": the stage
			// the key names, below, not the one open
		} else if ref, ok := lookup(secStage, f.Key); ok {
			valueFrom()
			l.problem(l.stageField(&l.cur().Stages[l.stage], ref, v))
			return taken
		}
	}
	if l.repair >= 0 && l.lesion >= 0 && l.repair < len(l.cur().Repairs) {
		if ref, ok := lookup(secRepair, f.Key); ok {
			valueFrom()
			if v != nil && (ref.field == fLength || ref.field == fArea) && leadsWithKey(v) {
				l.sentence(v) // "Closure size: primary defect 1.4 x 1.2 cm, secondary defect 2.6 sq cm": the sizes its keys name
				return taken
			}
			l.problem(repairField(&l.cur().Repairs[l.repair], ref, v))
			return taken
		}
	}
	if ref, ok := lookup(secRepair, f.Key); ok && ref.field == fSecondaryDefect && l.repair < 0 && l.lesion >= 0 && v != nil {
		// "RECONSTRUCTION: … repaired with a rotation flap …" over
		// "Secondary defect: 3.1 x 2.2 cm": of the repair the prose describes
		sz, err := size(ref.name, v)
		if err != nil {
			l.problem(err)
			return taken
		}
		if l.secondaries == nil {
			l.secondaries = map[int]model.Size{}
		}
		l.secondaries[l.lesion] = sz
		return taken
	}
	if l.biopsy >= 0 {
		if ref, ok := lookup(secBiopsy, f.Key); ok {
			valueFrom()
			l.problem(l.biopsyField(&l.out.Biopsies[l.biopsy], ref, v))
			return taken
		}
		if ref, ok := lookup(secLesion, f.Key); ok && ref.field == fProcedure && f.Value != nil && strings.Contains(asciiLower(f.Value.Text), "biops") {
			// "Procedure: punch biopsy (3 mm)." under "Biopsy #1": the biopsy's kind
			typeRef, _ := lookup(secBiopsy, "Type")
			valueFrom()
			l.problem(l.biopsyField(&l.out.Biopsies[l.biopsy], typeRef, v))
			return taken
		}
		if ref, ok := lookup(secLesion, f.Key); ok && ref.field == fSize {
			return taken // "Size: 4 mm punch" under "Biopsy 1:" is the biopsy's, no lesion's size
		}
	}
	if parts := l.perLesionParts(f); parts != nil {
		// "Stage 1 histology: lesion 1 – …; lesion 2 – …"
		for _, g := range parts {
			taken = max(taken, l.field(i, g))
		}
		return taken
	}
	if l.labelledProse(f) {
		return taken // "Stages: A - stage 1 three blocks, …; B - stage 1 two blocks, clear; C - …"
	}
	if ref, known := lookup(secLesion, f.Key); known && (ref.field == fIndication || ref.field == fSize) && f.Value != nil && l.lesion >= 0 {
		if parts := l.labelParts(f.Value.Text); parts != nil {
			// "Why Mohs: A nose/H-zone, tissue sparing; B invasive SCC mid
			// face; C recurrent after cryo": each lesion's own field
			saved := l.lesion
			for _, p := range parts {
				l.lesion = p.lesion
				pos := f.Value.Pos
				pos.Column += p.at
				l.problem(l.lesionField(ref, f, &grammar.Value{Pos: pos, Text: p.text}))
			}
			l.lesion = saved
			return taken
		}
	}
	if g, les := l.lesionStageKey(f); g != nil {
		// "Stage 1 findings, lesion B: …" under a log of both lesions
		if les < 0 {
			return taken // of a lesion the note does not have: no other's
		}
		saved := l.lesion
		l.lesion, f = les, g
		defer func() { l.lesion = saved }()
	}
	if ordinal, ref, isStage, err := stageKey(f); isStage {
		if err != nil {
			l.problem(err)
			return taken
		}
		if ref.field != fNone {
			valueFrom()
			if st := l.stageNumbered(f, ordinal); st != nil {
				l.problem(l.stageField(st, ref, v))
				if ref.field == fHistology && len(st.Margins) == 0 && v != nil {
					// "Stage 1 histology: morpheaform BCC …; tumor at the superior and lateral margins"
					for _, part := range splitOutside(v, ";") {
						if isMarginClause(part.Text) {
							st.Margins = append(st.Margins, margins(textOf(part))...)
						}
					}
				}
			}
			return taken
		}
		if f.Value == nil {
			// "STAGE 1:" over "4 blocks. Blocks 2 and 3 positive at the deep
			// margin; blocks 1 and 4 clear.": the value on the next line
			if nv, j := l.nextNarrative(i); nv != nil && startsWithCount(nv.Text) {
				f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: nv}
				taken = max(taken, j)
			}
		}
		if st := l.restatedStage(i, ordinal); st != nil {
			l.restate(st, f)
			return taken
		}
		l.openStage(f, ordinal)
		return taken
	}
	if ref, ok := lookup(secEncounter, f.Key); ok {
		l.closeSections()
		l.biopsy = -1
		valueFrom()
		var sens []*grammar.Value
		if ref.field == fPathology && v != nil {
			sens = splitSentences(v)
		}
		if len(sens) > 1 {
			// "Reader: all frozen sections read by the Mohs surgeon. Mohs maps
			// drawn for both sites.": the sentences after the reader's are prose
			for _, sen := range sens[1:] {
				l.narrativeLine(&grammar.Text{Pos: sen.Pos, Text: sen.Text})
			}
			l.endParagraph()
		} else if ref.field == fPathology && v != nil && mentions(asciiLower(v.Text), []string{"map"}) {
			// "Slides: the Mohs surgeon acted as surgeon and pathologist for
			// all three sites; a map was drawn for each site.", "Frozen
			// sections … were read by Dr. …, and each stage was recorded on
			// a Mohs map.": the value is prose too, for its map
			l.narrativeLine(&grammar.Text{Pos: v.Pos, Text: v.Text})
			l.endParagraph()
		}
		if ref.field == fPathology && l.lesion >= 0 && v != nil && biopsyResult(v.Text) {
			// "Path: basal cell carcinoma, nodular type (shave bx 08/11/2026,
			// acc BF26-0931)": the biopsy's result, the lesion's diagnosis,
			// no reader of the Mohs slides
			l.problem(l.lesionField(keyRef{field: fDiagnosis, name: f.Key}, f, v))
			return taken
		}
		if ref.field == fPathology && l.headed && l.lesion >= 0 && v != nil && !isNegative(v.Text) && !ofEvery(v.Text) && !l.closingReader(i) {
			// "Tumor 2:" … "Pathology: … read by Ingrid Vasquez, MD, dermatopathologist": this lesion's reader;
			// not "Slides read by: Dr. … (Mohs surgeon), every stage at both sites", every lesion's
			if les := l.cur(); !les.Pathology.Present() {
				les.Pathology = readerText(f.Key, textOf(v))
			}
			return taken
		}
		l.problem(l.encounterField(ref, f.Key, v))
		return taken
	}
	if g := preopField(f, v); g != nil {
		f, v = g, g.Value // "Pre-op: 0.8 x 0.8 cm" is the size, "Preoperative: basal cell carcinoma, left temple" the diagnosis
	}
	if v != nil && l.stage < 0 && asciiLower(f.Key) == "plan" && namesInsurer(v.Text) {
		l.problem(l.encounterField(keyRef{field: fPayer, name: f.Key}, f.Key, v)) // "Plan: Anthem Blue Cross PPO"
		return taken
	}
	if ref, ok := lookup(secLesion, f.Key); ok && ref.field == fFrozenSection && f.Value != nil && readerStatement(f.Key+" "+f.Value.Text) &&
		!slices.Contains([]string{"yes", "y", "done", "performed"}, firstWord(asciiLower(f.Value.Text))) {
		// ("Frozen section: yes, 1 block - read by me as …" is the same-day
		// biopsy's frozen section, whoever read it)
		// "Frozen sections: interpreted by the Mohs surgeon for both sites" says who read the slides
		l.problem(l.encounterField(keyRef{field: fPathology, name: f.Key}, f.Key, checked(f.Value)))
		return taken
	}
	if ref, ok := lookup(secLesion, f.Key); ok {
		if ref.field != fRepair {
			valueFrom()
		} else if v == nil {
			if nv, j := l.nextNarrative(i); nv != nil {
				v, taken = nv, max(taken, j)
			} else if l.siteLedNext(i) {
				// "RECONSTRUCTION:" over "Right shoulder - …" and "Left chin -
				// …": a heading over each site's repair, no repair of its own
				l.endParagraph()
				l.block = model.Text{Value: f.Key + ":", Line: f.Pos.Line}
				return taken
			}
		}
		if ref.field == fWoundCare && v != nil && len(splitSentences(v)) > 1 && isDictated(v.Text) {
			l.proseField(f, v) // "Wound management: The final defect measured 3.2 x 2.8 cm. Following clearance, we repaired the defect with an advancement flap …"
			return taken
		}
		if ref.field == fProcedure { // the procedure line is not where a lesion starts
			switch {
			case l.lesion >= 0 && v != nil:
				l.lesionField(ref, f, v)
			case v != nil && isDictated(v.Text):
				l.proseField(f, v) // "PROCEDURE: At each site the tumor was excised in stages with a map drawn …" above the lesions
			}
			return taken
		}
		if ref.field == fMap && v != nil && (l.lesion < 0 && l.headed || mentions(asciiLower(v.Text), everyLesionWords) || l.mapOfEvery(f)) {
			l.mapForEach = append(l.mapForEach, v) // "Map: drawn for each site", or "Mohs map: drawn" in the header above the labels
			return taken
		}
		if ref.field == fPostopDiagnosis && v == nil && l.numberedItems(i) >= 2 && l.postopList == nil {
			// "POSTOPERATIVE DIAGNOSES:" over "1. Basosquamous (metatypical)
			// carcinoma, left temple." / "2. Same.": each item its lesion's,
			// in order (postopDiagnoses)
			n := l.numberedItems(i)
			for _, line := range l.lines[i+1 : i+1+n] {
				l.postopList = append(l.postopList, model.Text{Value: strings.TrimSpace(line.Item.Text.Text), Line: line.Item.Text.Pos.Line})
			}
			return max(taken, i+n)
		}
		if w := firstWord(asciiLower(textOf(v).Value)); ref.field == fPostopDiagnosis && l.lesion < 0 && (w == "same" || w == "unchanged") {
			return taken // "POSTOPERATIVE DIAGNOSES: Same." before the first label: every lesion's diagnosis stands
		}
		if l.lesion < 0 && v == nil && l.headed && l.numberedItems(i) >= 2 {
			return taken // "PREOPERATIVE DIAGNOSES:" over "1. SCC, left helix." / "2. …": a list the prose before the labels reads for every lesion
		}
		if l.lesion < 0 && v != nil && l.headed {
			if parts := labelledParts(v); len(parts) >= 2 {
				l.pending = append(l.pending, pendingField{ref: ref, key: f.Key, parts: parts}) // "Location: A) … and B) …"
				return taken
			}
		}
		if l.lesion < 0 && v != nil && l.headed && ref.field == fPriorBiopsy && startsWithDate(v) {
			l.biopsyForEach = append(l.biopsyForEach, v) // "Biopsy Date: 9/29/26" before the labels: every lesion's biopsy
			return taken
		}
		if l.lesion < 0 && l.headed && sharedProse(ref, v) {
			l.proseField(f, v) // a dictated indication before the labels speaks of every lesion
			return taken
		}
		if !l.needLesion(f) {
			return taken
		}
		repair, lesion := l.repair, l.lesion
		l.closeSections()
		if ref.field == fFinalDefect && lesion == l.lesion {
			l.repair = repair // "REPAIR:" over "Final defect: …", then "Type: …": the repair's fields go on
		}
		l.biopsy = -1
		if (ref.field == fTotalStages || ref.field == fTotalBlocks) && v != nil && !startsWithNumber(v.Text) && len(splitSentences(v)) > 1 {
			l.proseField(f, v) // "Stages: The first stage was divided into five blocks. …" is dictation
			return taken
		}
		l.problem(l.lesionField(ref, f, v))
		l.restOfValue(ref, f, v)
		return taken
	}
	if les := l.stainReasonKey(f); les >= 0 {
		// "Ber-EP4 on block 1-I-A (lesion 1 only): to separate a BCC focus
		// from a follicular proliferation" after the log
		l.stainReasons = append(l.stainReasons, stainReason{lesion: les, reason: textOf(f.Value), stains: f.Key})
		return taken
	}
	if les := l.labelled(f.Key); les >= 0 && f.Value != nil {
		l.lesion = les
		l.closeSections()
		l.inlineValue(f.Value)
		return taken
	}
	if w := strings.Fields(f.Key); len(w) > 2 && slices.Contains(lesionNouns, asciiLower(w[0])) && grammar.IsLabel(w[1]) && f.Value != nil {
		if les := l.labelled(w[1]); les >= 0 {
			if _, known := lookup(secLesion, strings.Join(w[2:], " ")); known {
				l.lesion = les // "Lesion 1 repair: intermediate layered closure 2.2 cm" under "Repairs (after clearance):"
				l.closeSections()
				return max(taken, l.field(i, &grammar.Field{Pos: f.Pos, Key: strings.Join(w[2:], " "), Value: f.Value}))
			}
		}
	}
	if label, key, ok := strings.Cut(f.Key, " - "); ok && grammar.IsLabel(strings.TrimSpace(label)) && f.Value != nil {
		if les := l.labelled(strings.TrimSpace(label)); les >= 0 {
			if _, known := lookup(secLesion, key); known {
				l.lesion = les // "A - Closure: simple repair 1.5 cm" under "Repairs (all after tumor clearance):"
				l.closeSections()
				return max(taken, l.field(i, &grammar.Field{Pos: shift(f.Pos, label+" - "), Key: strings.TrimSpace(key), Value: f.Value}))
			}
		}
	}
	if ref, ok := lookup(secStage, f.Key); ok && (ref.field == fStain || ref.field == fSpecialStain) && l.stage < 0 && l.lesion >= 0 && f.Value != nil {
		// "Special stains ....... toluidine blue (all blocks)" before the
		// stages: the stains of every stage of the lesion; "on both
		// blocks" names one stage's two blocks, and no stage is named
		if lower := asciiLower(f.Value.Text); strings.Contains(lower, "both block") || strings.Contains(lower, "both section") {
			l.report(ProseAmbiguous.At(l.cur().Label, f.Pos.Line, f.Pos.Column, "the stains on \"both blocks\" name no stage: their blocks cannot be told, so they get no line"))
			return taken
		}
		special := ref.field == fSpecialStain
		// under "Stage 1 consisted of 4 section(s). …": that stage's stains alone
		l.lesionStains = append(l.lesionStains, lesionStains{les: l.lesion, stage: l.stageAbove(f.Pos.Line), stains: stains(textOf(checked(f.Value)), special)})
		return taken
	}
	if f.Value == nil && l.lesion >= 0 && letters(f.Key) == "bx" {
		// "BX:" over "shave 08/20/2026, superficial BCC (OM26-0921)": the
		// lesion's prior biopsy, its value on the next line
		if v, j := l.nextNarrative(i); v != nil && slashDated(v.Text) {
			return max(j, l.field(i, &grammar.Field{Pos: f.Pos, Key: "Prior biopsy", Value: v}))
		}
	}
	if f.Value != nil || !repairsSection(f.Key) {
		l.unknown(f) // "Repairs:" over the lesions' repairs is a heading, no near miss of "Repair"
	}
	switch {
	case f.Value == nil:
		l.captionFacts(&grammar.Text{Pos: f.Pos, Text: f.Key})
		l.block = model.Text{Value: f.Key, Line: f.Pos.Line} // a heading over what follows: "Repairs (after tumor clearance):"
	case l.stainReason(f):
	case mentions(f.Key, []string{"planned", "plan for", "options"}): // "Planned reconstruction:": not what was done
	case l.lesion >= 0 && l.stagesInValue(v):
		// "SPECIMENS: Mohs stage I - 4 tissue blocks, mapped; Mohs stage II - 1 tissue block"
	case isHistoryKey(f.Key):
		l.inHistory = true
		if mentions(f.Key, pastHistoryKeys) {
			// "Past medical history: melanoma of the back (2015)": the key says
			// the past, and the prose reads it with its key
			l.paragraph = append(l.paragraph, keyAndValue(f))
		} else {
			l.historyDiagnosis(f.Value)
			l.paragraph = append(l.paragraph, *f.Value)
		}
		l.endParagraph()
		l.inHistory = false
	case l.lesion >= 0 && mentions(f.Key, []string{"donor"}) && isRepairText(v.Text):
		// "Donor site closure: intermediate layered closure, 3.5 cm": the key says whose closure it is
		l.repairText(&grammar.Value{Pos: f.Pos, Text: f.Key + ": " + v.Text}, model.Text{Value: f.Key, Line: f.Pos.Line})
	case l.lesion >= 0 && isRepairLead(f.Key) && isRepairText(v.Text) && !isDictated(v.Text) && len(strings.Fields(v.Text)) > 1:
		if isDeferred(f.Key) {
			v = &grammar.Value{Pos: f.Pos, Text: f.Key + ": " + v.Text} // "delayed closure: patient elected to return 06/01/2026 for closure": the key defers it
		}
		l.repairText(v, model.Text{Value: f.Key, Line: f.Pos.Line}) // "Closure after tumor clearance: simple repair, 4.0 cm"
	case l.lesion >= 0 && isRepairLead(f.Key) && listedRepair(v) != nil:
		// "After tumor clearance: layered closure, 2.0 cm — the extensor
		// tendon was not exposed.": the repair, then remarks
		l.repairText(listedRepair(v), model.Text{Value: f.Key, Line: f.Pos.Line})
	default:
		l.paragraph = append(l.paragraph, keyAndValue(f))
	}
	return taken
}

// stageListKeys head a numbered list of a lesion's stages, one item a
// stage: "Stage results:", "Stages:".
var stageListKeys = map[string]bool{"stageresults": true, "stages": true, "stagesummary": true, "mohsstages": true, "stagebystage": true}

// pastHistoryKeys head a past history, none of whose tumors is today's.
var pastHistoryKeys = []string{"past medical", "past surgical", "medical history", "surgical history", "pmh"}

// pastTumorWords mark a history sentence about another or an earlier tumor.
var pastTumorWords = []string{"history of", "prior", "previous", "previously", "s/p", "status post", "years ago", "year ago", "in the past"}

// historyDiagnosis keeps the first sentence of a history that names the
// tumor ("HISTORY: Basosquamous carcinoma of the right lower eyelid,
// confirmed on shave biopsy …") as the lesion's diagnosis when no field
// gives one, and so its site.
func (l *lowerer) historyDiagnosis(v *grammar.Value) {
	if l.lesion < 0 || v == nil {
		return
	}
	sentences := splitSentences(v)
	if len(sentences) == 0 {
		return
	}
	first := sentences[0]
	if icd10.Recognize(first.Text).Histology == "" || mentions(first.Text, pastTumorWords) {
		return
	}
	if l.provenDx == nil {
		l.provenDx = map[int]model.Text{}
	}
	if _, ok := l.provenDx[l.lesion]; !ok {
		l.provenDx[l.lesion] = model.Text{Value: strings.TrimSuffix(first.Text, "."), Line: first.Pos.Line}
	}
}

// stagesInValue reads an unknown field's value whose every part, between
// semicolons or pipes, is a stage ("Mohs stage I - 4 tissue blocks, mapped
// and inked; Mohs stage II - 1 tissue block", "S1: 2 blocks, … | S2: 1
// block, clear"); it reports whether it did.
func (l *lowerer) stagesInValue(v *grammar.Value) bool {
	sep := ";"
	if strings.Contains(v.Text, " | ") {
		sep = "|" // "Stage log: S1: 2 blocks, block 1 positive (deep) | S2: 1 block, clear"
	}
	parts := splitOutside(v, sep)
	fields := make([]*grammar.Field, 0, len(parts))
	for _, p := range parts {
		text := strings.TrimSpace(strings.TrimSuffix(p.Text, "."))
		at := shift(p.Pos, p.Text[:strings.Index(p.Text, text)])
		if len(text) > 5 && strings.EqualFold(text[:5], "mohs ") {
			at, text = shift(at, text[:5]), text[5:]
		}
		f := stageLine(&grammar.Text{Pos: at, Text: text})
		if key, rest, ok := itemKey(&grammar.Value{Pos: at, Text: text}); f == nil && ok && rest != nil {
			if _, tail, isStage := splitStage(key); isStage && tail == "" {
				f = &grammar.Field{Pos: at, Key: key, Value: rest} // "S1: 2 blocks, …"
			}
		}
		if f == nil {
			return false
		}
		fields = append(fields, f)
	}
	for _, f := range fields {
		l.field(len(l.lines), f)
	}
	return true
}

// opensWithStage reports whether a value opens with a stage's label
// ("FINDINGS: Stage I: … Stage II: clear."): it speaks of the stages it
// names, not of the stage the section is in, and goes to the prose.
func opensWithStage(v *grammar.Value) bool {
	if v == nil {
		return false
	}
	key, rest, ok := itemKey(v)
	if !ok || rest == nil {
		return false
	}
	_, tail, isStage := splitStage(key)
	return isStage && tail == ""
}

// stageNamedFirst reads a value that opens with a stage before a comma,
// colon or dash ("stage II, AE1/AE3 on both blocks"): the stage's number
// and the rest of the value.
func stageNamedFirst(v *grammar.Value) (n int, rest *grammar.Value, ok bool) {
	cut := strings.IndexAny(v.Text, ",:;")
	if dash := strings.Index(v.Text, " - "); dash > 0 && (cut < 0 || dash < cut) {
		cut = dash + 1
	}
	if cut <= 0 {
		return 0, nil, false
	}
	ord, tail, isStage := splitStage(v.Text[:cut])
	if !isStage || ord == "" || tail != "" {
		return 0, nil, false
	}
	if n, ok = stageNumber(ord); !ok || n == 0 {
		return 0, nil, false
	}
	after := v.Text[cut+1:]
	trimmed := strings.TrimLeft(after, " \t-")
	return n, &grammar.Value{Pos: shift(v.Pos, v.Text[:len(v.Text)-len(trimmed)]), Text: trimmed}, trimmed != ""
}

// stageNamedLast reads a value that ends with the stage its stain was run
// on ("MART-1 on S2", "SOX10 on stage II"): it sets the stage's number and
// the value before " on ", and reports whether it did.
func stageNamedLast(v *grammar.Value, n *int, rest **grammar.Value) bool {
	i := strings.LastIndex(asciiLower(v.Text), " on ")
	if i <= 0 {
		return false
	}
	on := v.Text[i+len(" on "):]
	end := len(on)
	for _, sep := range []string{" - ", " – ", ",", ";", " (", " for ", " to "} {
		if k := strings.Index(on, sep); k >= 0 && k < end {
			end = k // "MART-1 on S2 - melanocyte density": the reason after the stage
		}
	}
	ord, tail, isStage := splitStage(strings.TrimRight(on[:end], " ."))
	if !isStage || ord == "" || tail != "" {
		return false
	}
	k, ok := stageNumber(ord)
	if !ok || k == 0 {
		return false
	}
	*n, *rest = k, &grammar.Value{Pos: v.Pos, Text: strings.TrimSpace(v.Text[:i] + on[end:])}
	return true
}

// knownStage is the current lesion's stage numbered n, if the note has
// listed it.
func (l *lowerer) knownStage(n int) *model.Stage {
	les := l.cur()
	for i := range les.Stages {
		if les.Stages[i].Number == n {
			return &les.Stages[i]
		}
	}
	return nil
}

// keyAndValue is an unknown field as the text it was: its key may hold the
// words that matter ("He has two biopsy-proven tumors: a basal cell
// carcinoma of …").
func keyAndValue(f *grammar.Field) grammar.Value {
	if f.Value == nil {
		return grammar.Value{Pos: f.Pos, Text: f.Key + ":"} // "… | histology:" with its value on the next line
	}
	gap := max(f.Value.Pos.Column-f.Pos.Column-len(f.Key)-1, 1)
	if f.Value.Pos.Line != f.Pos.Line {
		return *f.Value
	}
	return grammar.Value{Pos: f.Pos, Text: f.Key + ":" + strings.Repeat(" ", gap) + f.Value.Text}
}

// parenthesisedLabel is the label a key ends with in parentheses, after a
// lesion noun or alone: "Helix (lesion 1)" → "1", "Left temple (site B)" →
// "B", "Forearm (2)" → "2"; "" when there is none.
func parenthesisedLabel(key string) string {
	open := strings.LastIndexByte(key, '(')
	if open <= 0 || !strings.HasSuffix(key, ")") {
		return ""
	}
	words := strings.Fields(key[open+1 : len(key)-1])
	if len(words) == 2 && slices.Contains(lesionNouns, asciiLower(words[0])) {
		words = words[1:]
	}
	if len(words) != 1 || !grammar.IsLabel(strings.TrimPrefix(words[0], "#")) {
		return ""
	}
	return strings.TrimPrefix(words[0], "#")
}

// proseLabelRE finds a lesion numbered by a sentence: "Lesion 1 is a basal
// cell carcinoma …", "Lesion 2 was …".
var proseLabelRE = regexp.MustCompile(`(?i)\blesion (\d|[a-e]) (?:is|was)\b`)

// proseLabels reports whether the note's prose numbers two lesions or more
// in sentences of their own ("Lesion 1 is …. Lesion 2 is …"): the lesions
// carry the note's own labels, which its log and its repair lines use.
func proseLabels(lines []*grammar.Line) bool {
	seen := map[string]bool{}
	for _, line := range lines {
		if line.Item == nil || line.Item.Text == nil || !strings.Contains(asciiLower(line.Item.Text.Text), "lesion ") {
			continue
		}
		for _, m := range proseLabelRE.FindAllStringSubmatch(line.Item.Text.Text, -1) {
			seen[strings.ToUpper(m[1])] = true
		}
	}
	return len(seen) >= 2
}

// dictationAfterLabel reports whether the text after a lesion's label is
// its dictation rather than its site: it opens with an article or a stage,
// runs past eight words, and its first clause names no site ("the first
// stage was divided into two blocks. …").
func dictationAfterLabel(text string) bool {
	words := strings.Fields(text)
	if len(words) <= 8 {
		return false
	}
	switch asciiLower(words[0]) {
	case "the", "a", "an", "one", "two", "three", "stage", "first", "this":
	default:
		return false
	}
	clause, _, _ := strings.Cut(text, ",")
	clause, _, _ = strings.Cut(clause, ".")
	_, site := anatomy.Resolve(clause)
	return !site
}

// labelled returns the lesion whose label a key is ("A: final defect …"),
// or whose site it names in the note's own words ("Left helix: complex
// repair …" after a lesion line "Left helix - SCC, …"), or -1.
func (l *lowerer) labelled(key string) int {
	if !l.headed && !(l.proseLabelled && grammar.IsLabel(key)) {
		return -1
	}
	if label := parenthesisedLabel(key); label != "" {
		// "Helix (lesion 1)", "Right medial cheek (site 1)": the label in
		// parentheses names the lesion, as long as the site agrees or is
		// none of another lesion's
		i := l.labelled(label)
		if j := l.labelled(strings.TrimSpace(key[:strings.LastIndexByte(key, '(')])); i >= 0 && (j < 0 || j == i) {
			return i
		}
		return -1
	}
	if grammar.IsLabel(key) {
		label := normalLabel(key)
		return slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
	}
	if name, rest, ok := grammar.LabelPrefix(key); ok && rest >= len(key) {
		label := normalLabel(name) // "Site 1" in a repairs row
		return slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
	}
	site := letters(key)
	if site == "" {
		return -1
	}
	found := -1
	for i, les := range l.out.Lesions {
		if letters(les.HeadingText.Value) == site || letters(les.Site.Text.Value) == site {
			if found >= 0 {
				return -1 // two lesions at one site: the words do not tell which
			}
			found = i
		}
	}
	return found
}

// startsWithCount reports whether text opens with a block count ("4
// blocks. …", "three sections, …").
func startsWithCount(text string) bool {
	first, _, _ := strings.Cut(text, ".")
	first, _, _ = strings.Cut(first, ";")
	first, _, _ = strings.Cut(first, ",")
	return isCountItem(strings.TrimSpace(first))
}

// nextNarrative returns the next non-blank line after line i, and its
// index, when it is text alone: exports often put a value under its
// heading.
func (l *lowerer) nextNarrative(i int) (*grammar.Value, int) {
	if v, j := l.checkboxLines(i + 1); v != nil {
		return checked(v), j // "Closure:" over "☐ Simple linear   ☐ Intermediate" and "☒ Second intention"
	}
	for j := i + 1; j < len(l.lines); j++ {
		line := l.lines[j]
		switch {
		case line.Item != nil && line.Item.Text != nil && len(line.Item.Fields) == 0 && line.Item.Label == nil &&
			line.Item.Marker == nil && l.opens[j] == opensNothing && stageLine(line.Item.Text) == nil && !l.refersToLesion(line.Item):
			return l.flushWrapped(j, &grammar.Value{Pos: line.Item.Text.Pos, Text: line.Item.Text.Text}, line.Item.Text.Pos.Column)
		case line.Item != nil || line.Row != nil || line.Rule != nil:
			return nil, 0
		}
	}
	return nil, 0
}

// checkboxLines joins the lines of checkbox choices from line i on — rows
// or text whose every part opens with a box — into one value, and returns
// it with the index of its last line; nil when line i is no such line.
func (l *lowerer) checkboxLines(i int) (*grammar.Value, int) {
	var v *grammar.Value
	last := 0
	for j := i; j < len(l.lines); j++ {
		var parts []string
		var first *grammar.Value // where the line's choices start
		switch line := l.lines[j]; {
		case line.Row != nil:
			first = &grammar.Value{Pos: line.Row.Cells[0].Pos}
			for _, c := range line.Row.Cells {
				parts = append(parts, c.Text)
			}
		case line.Item != nil && line.Item.Text != nil && line.Item.Marker == nil && line.Item.Label == nil && len(line.Item.Fields) == 0:
			first, parts = &grammar.Value{Pos: line.Item.Text.Pos}, []string{line.Item.Text.Text}
		}
		if len(parts) == 0 || slices.ContainsFunc(parts, func(p string) bool { n, _ := checkbox(p); return n == 0 }) {
			break
		}
		if v == nil {
			v = first
		} else {
			v.Text += "  "
		}
		v.Text += strings.Join(parts, "  ")
		last = j
	}
	return v, last
}

// labelDictation splits the text after a lesion label into the site it
// opens with and the dictation after it, when a full stop and a blank end
// the site and the rest is dictated: "Lesion 1, left upper back.<TAB>Melanoma
// in situ, … The first stage was divided …"; or, when a comma ends the site
// and the sentence goes on, the site and the whole text: "Tumor 1, the left
// nasal ala, measured 0.7 x 0.6 cm; …". nil, nil otherwise.
func labelDictation(it *grammar.Item) (*grammar.Text, *grammar.Text) {
	if it.Label == nil || it.Text == nil {
		return nil, nil
	}
	s := it.Text.Text
	if head, rest, ok := strings.Cut(s, ", "); ok && isDictated(rest) && strings.Contains(rest, ". ") {
		// "Tumor 1, the left nasal ala, measured 0.7 x 0.6 cm; Mohs was chosen
		// for … Stage 1 at the left nasal ala was 2 blocks; …": the site, then
		// the dictation, whose first sentence the site opens
		site := strings.TrimPrefix(strings.TrimPrefix(head, "the "), "The ")
		if _, known := anatomy.Resolve(site); known && len(strings.Fields(site)) <= 6 && resolvedSite(site) != "" {
			return &grammar.Text{Pos: shift(it.Text.Pos, s[:len(head)-len(site)]), Text: site}, it.Text
		}
	}
	i := strings.IndexByte(s, '.')
	if i <= 0 || i+1 >= len(s) || s[i+1] != ' ' && s[i+1] != '\t' {
		return nil, nil
	}
	head := strings.TrimLeft(s[:i], ",:-–— ")
	rest := strings.TrimLeft(s[i+1:], " \t")
	if _, site := anatomy.Resolve(head); !site || len(strings.Fields(head)) > 6 || !isDictated(rest) {
		return nil, nil
	}
	return &grammar.Text{Pos: shift(it.Text.Pos, s[:len(s[:i])-len(head)]), Text: head},
		&grammar.Text{Pos: shift(it.Text.Pos, s[:len(s)-len(rest)]), Text: rest}
}

// mapRemark reads a heading's remark in parentheses that says a map was
// drawn for every stage or site ("Sites (all biopsy-proven; a Mohs map was
// drawn for every stage at every site)") as every lesion's map.
func (l *lowerer) mapRemark(t *grammar.Text) {
	head := strings.TrimRight(strings.TrimSpace(t.Text), ": ")
	open := strings.IndexByte(head, '(')
	if open <= 0 || wordCount(head[:open], 5) > 4 {
		return
	}
	remark := head[open+1 : len(head)-1]
	if !containsFold(remark, "map") || !mentions(asciiLower(remark), everyLesionWords) && !mentions(asciiLower(remark), []string{"every stage", "each stage", "all stages"}) {
		return
	}
	for _, part := range strings.Split(remark, ";") {
		if containsFold(part, "map") {
			l.mapForEach = append(l.mapForEach, &grammar.Value{Pos: shift(t.Pos, head[:open+1]), Text: strings.TrimSpace(part)})
		}
	}
}

// readerRemark hands the prose reader a heading's remark in parentheses
// that says who read the slides ("Summary of stages (all frozen sections
// interpreted by the Mohs surgeon):"), when no field has said.
func (l *lowerer) readerRemark(t *grammar.Text) {
	head := strings.TrimSuffix(strings.TrimSpace(t.Text), ":")
	open := strings.IndexByte(head, '(')
	if open <= 0 || !strings.HasSuffix(head, ")") || l.out.Encounter.Pathology.Present() {
		return
	}
	if remark := head[open+1 : len(head)-1]; mentions(remark, readingWords) && mentions(remark, []string{"slide", "section", "frozen"}) {
		l.paragraph = append(l.paragraph, grammar.Value{Pos: shift(t.Pos, t.Text[:strings.IndexByte(t.Text, '(')+1]), Text: remark})
		l.endParagraph()
	}
}

// closingReader reports whether a reader field on line i closes a note of
// several lesions rather than the last lesion's part: set apart by a blank
// line from the last lesion's repair line, every lesion's stages told before
// it, and no lesion naming a reader of its own ("B  simple repair, 1.8
// cm", a blank line, "Slides read by: Dr. … (Mohs surgeon)").
func (l *lowerer) closingReader(i int) bool {
	n := len(l.out.Lesions)
	if n < 2 || l.lesion != n-1 || i < 2 || i >= len(l.lines) || !l.lines[i-1].Blank || !mentions(anyLineText(l.lines[i-2]), slices.Concat(repairWords, []string{"simple", "intermediate", "complex"})) {
		return false
	}
	return !slices.ContainsFunc(l.out.Lesions, func(les model.Lesion) bool { return len(les.Stages) == 0 || les.Pathology.Present() })
}

// afterRepairKey reports whether the line above line i holds a lesion's
// repair key ("CLOSURE: …", "Repair: …"), or the value under one
// ("REPAIR:" over "Intermediate (layered) repair …").
func (l *lowerer) afterRepairKey(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2 && j < len(l.lines); j-- {
		it := l.lines[j].Item
		if it == nil {
			return false
		}
		if len(it.Fields) == 0 {
			if j < i-1 || it.Text == nil {
				return false
			}
			continue // the value under its key
		}
		ref, ok := lookup(secLesion, it.Fields[0].Key)
		return ok && ref.field == fRepair && (j == i-1 || it.Fields[0].Value == nil)
	}
	return false
}

// labelSiteField splits a label line whose site is the key of a field
// holding its dictation ("Lesion 1, left nasal ala: the first stage was
// divided into two blocks. …") into the site and the dictation; nil, nil
// for any other line.
func labelSiteField(it *grammar.Item) (*grammar.Text, *grammar.Text) {
	if it.Label == nil || it.Text != nil || len(it.Fields) == 0 || it.Fields[0].Value == nil {
		return nil, nil
	}
	f := it.Fields[0]
	key := strings.TrimLeft(f.Key, ",:-–— ")
	if _, site := anatomy.Resolve(key); !site || len(strings.Fields(key)) > 6 || !isDictated(f.Value.Text) && !isRepairText(f.Value.Text) {
		return nil, nil // "Lesion #1, left forehead: simple repair after tumor clearance, 2.0 cm." reads its repair
	}
	return &grammar.Text{Pos: shift(f.Pos, f.Key[:len(f.Key)-len(key)]), Text: key}, &grammar.Text{Pos: f.Value.Pos, Text: f.Value.Text}
}

// proseRepair reports whether a dictated repair value is read as prose by
// its first sentence: one that tells (has a verb), or names no repair; not
// "complex repair, length 4.0 cm, after tumor clearance." before
// "Extensive undermining was required …", nor a deferred closure.
func proseRepair(first string) bool {
	return !isDeferred(first) && (isDictated(first) || !isRepairText(first))
}

// listedRepair is the repair a dictated value lists before a dash or its
// first full stop ("layered closure, 2.0 cm — the extensor tendon was not
// exposed."), when that part names a repair and tells nothing; else nil.
func listedRepair(v *grammar.Value) *grammar.Value {
	first := splitSentences(v)[0]
	text := first.Text
	for _, dash := range []string{" — ", " – ", " - "} {
		text, _, _ = strings.Cut(text, dash)
	}
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	if isDictated(text) || !isRepairText(text) || len(strings.Fields(text)) < 2 {
		return nil
	}
	return &grammar.Value{Pos: first.Pos, Text: text}
}

// sitePart is the part of a value that one lesion's site opens.
type sitePart struct {
	lesion int
	value  *grammar.Value
}

// namesSeveral reports whether a value names two lesions or more, each by
// itself (not "both sites").
func (l *lowerer) namesSeveral(v *grammar.Value) bool {
	refs := l.lesionMentions([]prose.Line{{Text: v.Text, Line: v.Pos.Line, Col: v.Pos.Column}})
	return len(refs) > 1 && !slices.ContainsFunc(refs, func(r lesionRef) bool { return r.lesion < 0 })
}

// mapOfEvery reports whether a map field of a note of several tumors
// speaks of them all: its key is plural ("Maps on file."), or, in a
// dictation without headings, its value is of every stage ("Mohs map:
// drawn for each stage." after the tumors' paragraphs).
func (l *lowerer) mapOfEvery(f *grammar.Field) bool {
	if f.Value == nil {
		return false
	}
	key := asciiLower(f.Key)
	if strings.HasSuffix(key, "maps") && (len(l.out.Lesions) >= 2 || l.lesion <= 0 && !l.headed) {
		return true // "Mohs maps: drawn." above tumors the dictation opens after it
	}
	return len(l.out.Lesions) >= 2 && !l.headed && mentions(asciiLower(f.Value.Text), []string{"each stage", "every stage", "all stages"})
}

// partsByLesion cuts a value at its semicolons, or else at the ends of its
// sentences, when every part opens with
// a different lesion's site and a comma, dash or colon ("right helix,
// complex repair 2.8 cm; left cheek, complex repair 3.0 cm", "forehead -
// complex repair 1.0 cm; chin - …") or with its label and a dash or colon
// ("1 - facial location; 2 - size over 1 cm"); nil when it is no such
// value.
func (l *lowerer) partsByLesion(v *grammar.Value) []sitePart {
	if marked := l.markedParts(v); marked != nil {
		return marked // "1) ILC 7.8cm (dog ears incl)  2) ILC 2.0cm, 4-0 vicryl rapide"
	}
	parts := splitOutside(v, ";")
	if len(parts) < 2 {
		parts = splitSentences(v) // "chin - intermediate layered repair, 2.7 cm. Shoulder - linear closure, 4.0 cm."
	}
	if len(parts) < 2 {
		return nil
	}
	out := make([]sitePart, 0, len(parts))
	for _, p := range parts {
		les, head := -1, ""
		for _, sep := range []string{",", " - ", " – ", " — ", ":"} {
			h, _, ok := strings.Cut(p.Text, sep)
			if !ok || strings.ContainsAny(h, ",:") || strings.Contains(h, " - ") || strings.Contains(h, " – ") || strings.Contains(h, " — ") {
				continue // the first separator opens the part: "chin - intermediate layered repair, 2.7 cm", "forehead – complex repair 1.0 cm"
			}
			name := strings.TrimSpace(h)
			switch {
			case sep == ",":
				les = l.siteLesion(name)
			case grammar.IsLabel(name) && len(name) <= 3:
				les = l.labelled(name)
			default:
				les = l.siteLesion(name) // "forehead - complex repair 1.0 cm; chin - intermediate layered repair 2.5 cm"
			}
			if les >= 0 {
				head = h + sep
				break
			}
		}
		if les < 0 || slices.ContainsFunc(out, func(o sitePart) bool { return o.lesion == les }) {
			return nil
		}
		out = append(out, sitePart{lesion: les, value: &grammar.Value{Pos: shift(p.Pos, head), Text: strings.TrimSpace(p.Text[len(head):])}})
	}
	return out
}

// partMarker is a lesion's list marker opening a part of a value: "1) ",
// "B) ", at its start or after a blank.
var partMarker = regexp.MustCompile(`(?:^|[\s/])(?:([1-9]|[A-E])\)|#\s?([1-9]))\s+`)

// markedParts cuts a value into its lesions' parts where each opens with
// the marker of the lesion's list item ("1) ILC 7.8cm  2) ILC 2.0cm"):
// the markers the lesions' labels in order from the first, at least two
// and the first at the value's start; nil otherwise.
func (l *lowerer) markedParts(v *grammar.Value) []sitePart {
	if !strings.Contains(v.Text, ") ") && !strings.Contains(v.Text, "#") {
		return nil // the cheap test first
	}
	marks := partMarker.FindAllStringSubmatchIndex(v.Text, -1)
	if len(marks) < 2 || marks[0][0] != 0 {
		return nil
	}
	out := make([]sitePart, 0, len(marks))
	for i, m := range marks {
		at := m[2:4] // "1)", or "#1"
		if at[0] < 0 {
			at = m[4:6]
		}
		k := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == v.Text[at[0]:at[1]] })
		if k != i {
			return nil
		}
		end := len(v.Text)
		if i+1 < len(marks) {
			end = marks[i+1][0]
		}
		out = append(out, sitePart{lesion: k, value: &grammar.Value{Pos: shift(v.Pos, v.Text[:m[1]]), Text: strings.TrimRight(strings.TrimSpace(v.Text[m[1]:end]), " /")}})
	}
	return out
}

// logWords name a Mohs log or its stages in a heading.
var logWords = []string{"log", "stage", "frozen", "section", "layer"}

// captionFacts reads a heading over the list of a note's lesions that
// cites their biopsies ("Tumors treated today (all biopsy-proven, bx
// 11/16/2026):") as the prose it also is, before any lesion opens: what it
// says of all of them is told to every lesion the list then opens.
func (l *lowerer) captionFacts(t *grammar.Text) {
	if len(l.out.Lesions) == 0 && citesBiopsy(t.Text) {
		l.narrativeLine(t)
		l.endParagraph()
	}
}

// headingLesions reads a heading of a labelled note by the lesions its
// words name by site, and reports whether it named any: one names the lesion the fields under it are of
// ("Left lower back:" after a list of three lesions); two or more, over a
// log ("Frozen-section log, cheek and temple (processed together):"), make
// the stages under it no one lesion's: each lesion it names is ambiguous
// (no Mohs line), never given another's stages.
func (l *lowerer) headingLesions(t *grammar.Text) bool {
	if !l.headed || len(l.out.Lesions) < 2 {
		return false
	}
	var named []int
	for _, r := range l.lesionMentions([]prose.Line{{Text: t.Text, Line: t.Pos.Line, Col: t.Pos.Column}}) {
		if r.lesion < 0 {
			return false // "Both sites:", "All lesions:"
		}
		named = append(named, r.lesion)
	}
	switch {
	case len(named) == 1:
		l.lesion = named[0]
		l.closeSections()
		return true
	case len(named) > 1 && mentions(t.Text, logWords):
		l.lesion = named[0]
		l.closeSections()
		for _, n := range named {
			les := &l.out.Lesions[n]
			les.Ambiguous = model.Text{Value: "a log of several lesions (line " + strconv.Itoa(t.Pos.Line) + ")", Line: t.Pos.Line}
			l.report(LesionAmbiguous.At(les.Label, t.Pos.Line, t.Pos.Column, "Lesion %s: the log headed %q is of several lesions and does not say whose stages it lists: no Mohs line for it", les.Label, strings.TrimSuffix(t.Text, ":")))
		}
		return true
	}
	return false
}

// needLesion reports whether a lesion field has a lesion to belong to; a
// lesion field before the first label of a labelled note is a problem.
func (l *lowerer) needLesion(f *grammar.Field) bool {
	if l.lesion >= 0 {
		if l.cur().Line == 0 {
			l.cur().Line = f.Pos.Line
		}
		return true
	}
	l.report(LesionAmbiguous.At("", f.Pos.Line, f.Pos.Column, "%s: a lesion field before the first lesion label (the note labels its lesions, so every lesion field goes under one)", f.Key))
	return false
}

func (l *lowerer) unknown(f *grammar.Field) {
	sections := []section{secEncounter, secLesion}
	switch {
	case l.stage >= 0:
		sections = append(sections, secStage)
	case l.repair >= 0:
		sections = append(sections, secRepair)
	case l.biopsy >= 0:
		sections = append(sections, secBiopsy)
	}
	known, ok := nearMiss(f.Key, sections)
	if !ok {
		return
	}
	lesion := ""
	if l.lesion >= 0 && known.section != secEncounter {
		lesion = l.cur().Label
	}
	miss := UnknownField.At(lesion, f.Pos.Line, f.Pos.Column, "Unknown field %q: did you mean %q? The line was read as narrative.", f.Key, known.name)
	miss.Suggestion = known.name
	l.report(miss)
}

func (l *lowerer) encounterField(ref keyRef, key string, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	enc := &l.out.Encounter
	t := textOf(v)
	switch ref.field {
	case fDate:
		iso, err := grammar.ParseDate(ref.name, withoutTime(v))
		for _, sep := range []string{". ", "; "} {
			if first, _, ok := strings.Cut(v.Text, sep); err != nil && ok {
				// "Date of service: 09/01/2026. Surgeon Dr. …": the date's sentence
				// ends; "dos: 06/11/2026; pos 11; surgeon: …": its part does
				if d, e := grammar.ParseDate(ref.name, &grammar.Value{Pos: v.Pos, Text: first}); e == nil {
					iso, err = d, nil
				}
			}
		}
		if err != nil && letters(key) == "encounter" {
			return nil // "Encounter: 05/19/2026" is the date; "Encounter: office visit" is no date, and no error
		}
		if err != nil {
			return err
		}
		if iso > time.Now().AddDate(0, 0, 1).Format("2006-01-02") { // a claim is for a service given
			return &diag.ParseError{Filename: v.Pos.Filename, Line: v.Pos.Line, Column: v.Pos.Column,
				Message: fmt.Sprintf("%s: %s is in the future; a date of service is the day the surgery was done", ref.name, iso)}
		}
		enc.Date = model.Text{Value: iso, Line: v.Pos.Line}
	case fSurgeon:
		enc.Surgeon = t
		if open := strings.IndexByte(key, '('); open > 0 && !enc.Pathology.Present() && remarkReads(key[open+1:]) {
			// "Mohs surgeon (reads all frozen sections): Dr. …"
			enc.Pathology = model.Text{Value: "read by the Mohs surgeon: " + key[open:], Line: t.Line}
		}
		if !enc.Pathology.Present() && mentions(t.Value, []string{"pathologist", "sections", "slides"}) && readerStatement(t.Value) {
			enc.Pathology = t // "Surgeon: Dr. …, Mohs surgeon / pathologist (reads own sections)"
		}
	case fPathology:
		if isNegative(t.Value) || enc.Pathology.Present() {
			return nil
		}
		if strings.Contains(key, "(") && biopsyResult(t.Value) {
			return nil // "Path (WC26-0933): nodular basal cell carcinoma": a biopsy's result, no reader
		}
		enc.Pathology = readerText(key, t)
	case fPayer:
		if !enc.Payer.Present() {
			enc.Payer = t
		}
	case fPlaceOfService:
		if mentions(t.Value, []string{"block", "margin", "deep", "stage", "positive"}) {
			return nil // "pos: blocks 2, 6 (deep)" is a positive margin, no place of service; nor is a legend's "POS = POSITIVE"
		}
		enc.PlaceOfService = model.Text{Value: placeOfService(t.Value), Line: t.Line}
	}
	return nil
}

// ruledLesion reports whether a site field opens the next tumor's block
// in a note without lesion labels whose tumors are blocks of the same
// fields between rules: the line above it (blanks aside) is a rule, and
// the lesion open already has a different site and its stages.
func (l *lowerer) ruledLesion(i int, f *grammar.Field) bool {
	if l.headed || l.lesion < 0 || l.lesion != len(l.out.Lesions)-1 || f.Value == nil || i <= 0 || i >= len(l.lines) {
		return false
	}
	if ref, ok := lookup(secLesion, f.Key); !ok || ref.field != fSite || l.lines[i].Item == nil || l.lines[i].Pos.Line != f.Pos.Line {
		return false // a site cell of a table's row is no block's field
	}
	les := l.cur()
	if !les.Site.Text.Present() || len(les.Stages) == 0 {
		return false
	}
	if same, _ := sameFact(fSite, les.Site.Text.Value, f.Value.Text); same {
		return false
	}
	j := i - 1
	for j >= 0 && isBlank(l.lines[j]) {
		j--
	}
	return j >= 0 && l.lines[j].Rule != nil
}

// leadsWithKey reports whether a value opens with a repair's key of its
// own: "primary defect 1.4 x 1.2 cm, …".
func leadsWithKey(v *grammar.Value) bool {
	_, _, ok := leadingKey(v, true)
	return ok
}

// biopsyResult reports whether a pathology field's value is a biopsy's
// result rather than who read the Mohs slides: it names a tumor and no
// reading ("nodular basal cell carcinoma (shave bx 08/11/2026)"), or a
// biopsy and its reader ("shave biopsy 09/22/2026, … read by …,
// dermatopathologist - squamous cell carcinoma"), never the Mohs slides.
func biopsyResult(v string) bool {
	lower := asciiLower(v)
	if icd10.Recognize(v).Histology == "" || mentions(lower, []string{"frozen", "mohs", "slide", "surgeon", "myself"}) ||
		slices.ContainsFunc(strings.Fields(lower), func(w string) bool { return strings.Trim(w, ".,;:()") == "me" }) {
		return false
	}
	return mentions(lower, []string{"biops", " bx"}) || !mentions(lower, []string{"read", "interpret", "review", "pathologist"})
}

func (l *lowerer) lesionField(ref keyRef, f *grammar.Field, v *grammar.Value) error {
	if (ref.field == fRepair || ref.field == fIndication) && v != nil && len(l.out.Lesions) > 1 {
		if !l.headed {
			l.proseSiteHeadings() // a dictation's lesions, named by the sites their prose gave them
		}
		if parts := l.partsByLesion(v); parts != nil {
			// "Repairs: right helix, complex repair 2.8 cm; left cheek,
			// complex repair 3.0 cm; …", "Indications: 1 - facial location;
			// 2 - …": each lesion's part
			saved := l.lesion
			for _, p := range parts {
				l.lesion = p.lesion
				l.problem(l.lesionField(ref, f, p.value))
			}
			l.lesion = saved
			l.closeSections()
			return nil
		}
	}
	les := l.cur()
	if ref.field == fRepair && v != nil && len(l.out.Lesions) > 1 && timingOnly(v.Text) && strings.HasSuffix(strings.TrimSpace(v.Text), ":") ||
		ref.field == fRepair && v != nil && len(l.out.Lesions) > 1 && strings.HasPrefix(v.Text, "(") && mentions(v.Text, []string{"clearance", "cleared", "clear margins"}) &&
			(ofEvery(v.Text) || mentions(v.Text, []string{"each site"})) {
		// "RECONSTRUCTION: After tumor clearance at each site:", "RECONSTRUCTION
		// (all repairs performed after clear margins were confirmed at each
		// site):" over the lesions' repairs: a heading that times them, no
		// repair of its own
		remark := strings.TrimSuffix(strings.TrimSpace(v.Text), ":")
		if !strings.HasPrefix(remark, "(") {
			remark = "(" + remark + ")"
		}
		l.block = model.Text{Value: f.Key + " " + remark, Line: f.Pos.Line}
		if l.clearedRepairs == nil {
			l.clearedRepairs = map[int]model.Text{}
		}
		for k := range l.out.Lesions {
			l.clearedRepairs[k] = l.block
		}
		return nil
	}
	if ref.field == fRepair && v != nil && !l.headed && len(l.out.Lesions) > 1 && l.namesSeveral(v) {
		// "REPAIRS: After tumor clearance, the forehead defect was closed
		// with …, 2.2 cm; the earlobe defect with …": the prose reader gives
		// each lesion its clause (repairParts)
		l.proseField(f, v)
		return nil
	}
	if ref.field == fRepair && v != nil && isDictated(v.Text) && proseRepair(splitSentences(v)[0].Text) {
		// "REPAIR: The final defect measured … and was closed with …", "…
		// was reconstructed with a paramedian forehead interpolation flap.
		// Division and inset of the pedicle are scheduled in three weeks."
		l.proseField(f, v)
		return nil
	}
	if ref.field == fRepair && v != nil && isBareYes(v.Text) {
		return nil // "Repair performed: Y": the repair's own fields follow
	}
	if ref.field == fRepair && v != nil && len(les.Repairs) > 0 && (suturesOnly(v.Text) || techniqueOnly(les.Repairs, v.Text)) {
		// "Closure 5-0 Monocryl deep, 6-0 nylon skin", "REPAIR: GALEA SCORED
		// …, SUBGALEAL UNDERMINING 4 CM EACH SIDE, 2-0 PDS DEEP, STAPLES":
		// how the repair above was done
		return nil
	}
	if ref.field == fRepair {
		classKey := mentions(asciiLower(f.Key), []string{"class", "category"}) ||
			mentions(asciiLower(f.Key), []string{"type"}) && v != nil && repairClassWords[classWords(v.Text)] && !strings.ContainsAny(v.Text, "0123456789") // "Closure type: intermediate (layered) closure, 4.2 cm" is the repair
		if n := len(les.Repairs); n > 0 && !classKey && (classOnly(les.Repairs[n-1]) || v != nil && restatesClass(les.Repairs[n-1], v.Text)) {
			// "Repair class: [X] Complex" then "Repair: complex linear repair, 2.0 cm": one repair
			l.repair = n - 1
		} else if n > 0 && blankRepair(les.Repairs[n-1]) {
			l.repair = n - 1 // "CLOSURE" over "Closure type: intermediate (layered) repair": the heading's repair
		} else if n > 0 && v != nil && timingOnly(v.Text) {
			les.Repairs[n-1].Timing = textOf(v) // "Closure performed: after clearance" under the closure's type and length
			return nil
		} else {
			les.Repairs = append(les.Repairs, model.Repair{Line: f.Pos.Line})
			l.repair = len(les.Repairs) - 1
		}
		r := &les.Repairs[l.repair]
		if classKey {
			r.Type = textOf(v) // "Repair class: [ ] Simple [x] Intermediate [ ] Complex"
			return nil
		}
		r.Value = textOf(v)
		if lk := asciiLower(f.Key); strings.Contains(lk, "(") && strings.Contains(lk, "clear") {
			r.Timing = model.Text{Value: f.Key, Line: f.Pos.Line} // "Repair (after clearance): transposition flap"
		} else if repairsHeading(l.block.Value) && !r.Timing.Present() {
			r.Timing = l.block // "Repairs (both after tumor clearance):" over "Lesion 1 - Closure: complex repair, 2.2 cm"
		}
		if v == nil {
			return nil
		}
		return repairValue(r, v)
	}
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fSite:
		if unfilled(t.Value) {
			return &diag.ParseError{Filename: v.Pos.Filename, Line: v.Pos.Line, Column: v.Pos.Column,
				Message: fmt.Sprintf("%s: expected anatomical text, found %q", ref.name, strings.TrimSpace(v.Text))}
		}
		return l.once(&les.Site.Text, ref, t)
	case fLaterality:
		les.Laterality = t
	case fDiagnosis:
		if codesOnly.MatchString(strings.TrimSpace(t.Value)) {
			return nil // "DX: C44.41" under a generated code list: codes someone listed, no diagnosis the note states
		}
		return l.once(&les.Diagnosis, ref, t)
	case fExcisionMargin:
		if m, ok := marginSize(v); ok {
			les.ExcisionMargin = m
		}
	case fPostopDiagnosis:
		les.PostopDiagnosis = t
	case fIndication:
		switch v := strings.ToLower(strings.Trim(t.Value, " \t.")); {
		case v == "none" || v == "n/a" || v == "na":
			// "Indication for Mohs: [ ] H-zone  [ ] Recurrent …" with no box
			// checked (checked gives "none"): no reason is stated
		case unfilled(v):
			// "Reason for Mohs: ***", "Indication: ______": a template's
			// blank left unfilled states no reason (indication-missing)
		default:
			les.Indication = t
		}
	case fRepairLength: // "Length of repair: 2.2 cm" standing apart from its repair
		var size model.Size
		if size, err = l.measure(ref, v); err == nil {
			if l.lengths == nil {
				l.lengths = map[int]model.Size{}
			}
			l.lengths[l.lesion] = size
		}
	case fWoundCare: // "Wound care: healing by secondary intention after clearance"
		if mentions(t.Value, []string{"second intention", "secondary intention", "heal by second", "heal secondarily", "granulat"}) {
			les.Repairs = append(les.Repairs, model.Repair{Line: t.Line, Value: t})
		}
	case fRepairBy: // "Repaired by: Dr. …" standing apart from its repair
		if l.repairBy == nil {
			l.repairBy = map[int]model.Text{}
		}
		l.repairBy[l.lesion] = t
	case fStainReason: // before or after a log table: the reason of the stains that have none (see stainReasonsOfLesions)
		l.stainReasons = append(l.stainReasons, stainReason{lesion: l.lesion, reason: t, stains: t.Value})
	case fProcedure:
		if l.procedure == nil {
			l.procedure = map[int]model.Text{}
		}
		l.procedure[l.lesion] = t
		l.paragraph = append(l.paragraph, *v)
		if !runsOn(v.Text) {
			l.endParagraph() // "PROCEDURE: … Today the frozen sections were" goes on below
		}
	case fSize:
		les.Size, err = size(ref.name, v)
	case fFinalDefect:
		les.FinalDefect, err = size(ref.name, v)
	case fDeepStructures:
		les.DeepStructures = t
	case fPriorBiopsy:
		if _, err := flag(ref.name, v); err != nil && !startsWithDate(v) && icd10.Recognize(v.Text).Histology != "" { // "Bx proven Tumor: BCC-Nodular", not "yes, 2/20/2026, nodular BCC"
			les.PriorBiopsy = model.Flag{Yes: true, Line: v.Pos.Line}
			if l.provenDx == nil {
				l.provenDx = map[int]model.Text{}
			}
			l.provenDx[l.lesion] = t
			break
		}
		les.PriorBiopsy, err = priorBiopsy(ref.name, v)
	case fSameDayBiopsy:
		if !isNegative(v.Text) {
			les.SameDayBiopsy = t
		}
		if strings.Contains(asciiLower(v.Text), "frozen") && les.FrozenSection.Blocks == 0 {
			// "A 4 mm punch biopsy … submitted for an intraoperative frozen
			// section, processed as two blocks": the biopsy's frozen section
			frozenFromProse(les, prose.Read([][]prose.Line{{{Text: v.Text, Line: v.Pos.Line, Col: v.Pos.Column}}}).FrozenSection)
		}
	case fFrozenSection:
		les.FrozenSection, err = frozenSection(v)
	case fMap:
		les.Map, err = mapFlag(ref.name, v)
	case fTotalStages:
		les.TotalStages, err = count(ref.name, v, 0)
		l.stagesListed = err == nil
	case fTotalBlocks:
		les.TotalBlocks, err = count(ref.name, v, 0)
	}
	return err
}

func (l *lowerer) stageField(st *model.Stage, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fBlocks:
		st.Blocks, err = count(ref.name, v, 1)
	case fStain:
		st.Stains = append(st.Stains, stains(t, false)...)
	case fSpecialStain:
		st.Stains = append(st.Stains, stains(t, true)...)
	case fMargins:
		st.Margins = append(st.Margins, margins(t)...)
		if n := chipCount(t.Value); n > 0 && !st.Blocks.Present() {
			st.Blocks = model.Count{N: n, Line: t.Line} // "Margins: A+ (deep)  B-  C-  D+ (9 o'clock)  E-  F-  G-": seven blocks, each signed
		}
	case fDecision:
		st.Decision = joinText(st.Decision, t)
	case fHistology:
		st.Histology = joinText(st.Histology, t)
	case fReason:
		st.Reason = joinText(st.Reason, t)
	}
	return err
}

// joinText appends a second value of a text field to the first.
func joinText(a, b model.Text) model.Text {
	if !a.Present() {
		return b
	}
	a.Value += "; " + b.Value
	return a
}

// repairField sets one field of a repair, given indented or inline.
func repairField(r *model.Repair, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fType:
		r.Type = t
	case fLength:
		r.Length, err = size(ref.name, v)
	case fArea:
		r.Area, err = size(ref.name, v)
	case fDefect:
		r.Defect, err = size(ref.name, v)
	case fDetails:
		r.Value = joinText(r.Value, t)
		err = repairValue(r, v)
	case fSecondaryDefect:
		if isNegative(v.Text) {
			r.SecondaryDefect = model.Size{None: true, Line: v.Pos.Line} // "none": documented as no secondary defect
			break
		}
		r.SecondaryDefect, err = size(ref.name, v)
	case fSite:
		r.Site.Text = t
	case fTiming:
		r.Timing = t
	case fBy:
		r.By = t
	}
	return err
}

func (l *lowerer) biopsyField(b *model.Biopsy, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fType:
		b.Type = t
	case fSite:
		b.Site.Text = t
	case fDiagnosis:
		b.Diagnosis = t
	case fFrozenSection:
		b.FrozenSection, err = frozenSection(v)
	}
	return err
}

// trailingMeasure matches a two-dimension size that ends a text: " 0.9x0.8cm".
var trailingMeasure = regexp.MustCompile(`\s(\d+(?:\.\d+)?\s*[x×]\s*\d+(?:\.\d+)?\s*(?:cm|mm))\s*$`)

// finish resolves sites and fills what the sections imply.
func (l *lowerer) finish() {
	l.readProse()
	l.titleDate()
	l.stainsOfLesions()
	l.stainReasonsOfLesions()
	l.detachedRepairFacts()
	if enc := &l.out.Encounter; !enc.Surgeon.Present() {
		// a note with no surgeon field is signed by its surgeon ("Ambrose
		// Kuznetsov-Obi, MD" under a dictated operative note)
		if sig := l.signer(0); sig != "" && !mentions(asciiLower(sig), []string{"patholog"}) {
			enc.Surgeon = model.Text{Value: sig, Line: l.lastLineStarting(sig)}
		}
	}
	if len(l.out.Lesions) == 1 && len(l.out.Biopsies) > 0 && (isEmpty(&l.out.Lesions[0]) || l.biopsiedOnly(&l.out.Lesions[0])) {
		l.out.Lesions = l.out.Lesions[:0] // a note of biopsies only has no Mohs lesion
	}
	for i := range l.out.Lesions {
		les := &l.out.Lesions[i]
		if les.Line == 0 {
			les.Line = 1
		}
		if !les.Site.Text.Present() && les.HeadingText.Present() {
			les.Site.Text = les.HeadingText
		}
		if dx, ok := l.provenDx[i]; ok && !les.Diagnosis.Present() {
			les.Diagnosis = dx // the diagnosis field wins when there is one
		}
		for _, t := range []model.Text{les.Diagnosis, les.PostopDiagnosis, l.procedure[i], l.provenDx[i]} {
			if site, ok := siteFromDiagnosis(t); ok && !les.Site.Text.Present() {
				les.Site.Text = site
			}
		}
		if m := trailingMeasure.FindStringSubmatchIndex(les.Site.Text.Value); m != nil && !les.Size.Present() {
			// "#1 L nasal dorsum BCC nod 0.9x0.8cm": a terse lesion line's
			// size at its end, the site's text before it
			v := &grammar.Value{Text: les.Site.Text.Value[m[2]:m[3]]}
			if sz, err := grammar.ParseMeasure("", v); err == nil && len(sz.Dims) > 0 {
				les.Size = model.Size{Dims: sz.Dims, Line: les.Site.Text.Line}
				les.Site.Text.Value = strings.TrimSpace(les.Site.Text.Value[:m[0]])
			}
		}
		if !les.PriorBiopsy.Present() && citesBiopsy(les.Diagnosis.Value) {
			les.PriorBiopsy = model.Flag{Yes: true, Line: les.Diagnosis.Line}
		}
		if !les.ExcisionMargin.Present() {
			if m, ok := marginInText(l.procedure[i].Value, l.procedure[i].Line); ok {
				les.ExcisionMargin = m
			}
		}
		resolve(&les.Site)
		for j := range les.Repairs {
			r := &les.Repairs[j]
			resolve(&r.Site)
			r.Value.Value = affirmative(r.Value.Value)
			r.Type.Value = affirmative(r.Type.Value)
			if other := otherProvider(r.Value.Value); other != "" && !r.By.Present() {
				r.By = model.Text{Value: other, Line: r.Line}
			}
		}
	}
	for i := range l.out.Biopsies {
		b := &l.out.Biopsies[i]
		biopsyValue(b)
		resolve(&b.Site)
	}
	l.out.Biopsies = slices.DeleteFunc(l.out.Biopsies, l.sameDayListed)
	l.out.Biopsies = restatedBiopsies(l.out.Biopsies)
	inLabelOrder(l.out.Lesions)
	l.out.Lines = len(l.lines)
}

// inLabelOrder puts lesions numbered 1, 2, 3 (or lettered A, B, C) in the
// order of their labels: the note's own order, where a line the note wraps
// ("… Site one: …, left temple." / "Site two: …") names a later lesion
// before its section opens the first (CODING-RULES §2: lesions are taken
// in note order). Lesions with other labels keep the order read.
func inLabelOrder(lesions []model.Lesion) {
	key := func(label string) (int, bool) {
		if n, err := strconv.Atoi(label); err == nil {
			return n, true
		}
		if len(label) == 1 && label[0] >= 'A' && label[0] <= 'Z' {
			return int(label[0]-'A') + 1, true
		}
		return 0, false
	}
	for _, les := range lesions {
		if _, ok := key(les.Label); !ok {
			return
		}
	}
	slices.SortStableFunc(lesions, func(a, b model.Lesion) int {
		ka, _ := key(a.Label)
		kb, _ := key(b.Label)
		return ka - kb
	})
}

// sameDayListed reports whether a biopsy section is the same-day biopsy of
// a Mohs lesion that a procedure list names again ("PROCEDURES: … 1.
// Tangential biopsy of left cheek lesion with intraoperative frozen
// section" over a history that says the biopsy was done today): the
// lesion's own biopsy, on its site and side, by the same method — billed
// once, as the lesion's.
func (l *lowerer) sameDayListed(b model.Biopsy) bool {
	if !b.Site.Resolved || len(b.Site.Anatomy.Terms) == 0 {
		return false
	}
	for _, les := range l.out.Lesions {
		if !les.SameDayBiopsy.Present() || !les.Site.Resolved || len(les.Site.Anatomy.Terms) == 0 {
			continue
		}
		if les.Site.Anatomy.Terms[0].Name != b.Site.Anatomy.Terms[0].Name || les.Site.Anatomy.Laterality != b.Site.Anatomy.Laterality {
			continue
		}
		if m, lm := biopsyMethod(b.Type.Value+" "+b.Value.Value), biopsyMethod(les.SameDayBiopsy.Value); m == "" || lm == "" || m == lm {
			return true
		}
	}
	return false
}

func resolve(s *model.Site) {
	if s.Text.Present() {
		s.Anatomy, s.Resolved = anatomy.Resolve(s.Text.Value)
	}
}

// placeOfService keeps the code of a place of service: "11 (office)" and
// "POS 11" are "11"; text without a code is kept as written.
func placeOfService(v string) string {
	start := strings.IndexFunc(v, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return strings.TrimSuffix(v, ".")
	}
	end := start
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	return v[start:end]
}

// normalLabel writes a heading label one way: letters and roman numerals
// in capitals ("b" → "B", "ii" → "II"), numbers without leading zeros.
func normalLabel(label string) string {
	if n, err := strconv.Atoi(label); err == nil {
		return strconv.Itoa(n)
	}
	return strings.ToUpper(label)
}

// itemEnd is the column after the last character of an item line.
func itemEnd(it *grammar.Item) int {
	switch {
	case len(it.Fields) > 0:
		f := it.Fields[len(it.Fields)-1]
		if f.Value != nil && f.Value.Pos.Line == f.Pos.Line {
			return f.Value.Pos.Column + utf8.RuneCountInString(f.Value.Text)
		}
		return f.Pos.Column + utf8.RuneCountInString(f.Key) + 1
	case it.Text != nil:
		return it.Text.Pos.Column + utf8.RuneCountInString(it.Text.Text)
	case it.Label != nil:
		return it.Label.Pos.Column + utf8.RuneCountInString(it.Label.Text)
	case it.Marker != nil:
		return it.Marker.Pos.Column + utf8.RuneCountInString(it.Marker.Text)
	}
	return it.Pos.Column
}

// wrapColumn is the width a note's lines were wrapped to, as a
// transcription or a PDF copy wraps a paragraph: the longest item line, when
// 56 to 132 columns and reached within 12 columns by three lines or more
// that plain text continues (a line of text, no field, list marker or
// label, under it) whose first word would not have fitted; 0 when the
// note's lines were not wrapped.
func wrapColumn(lines []*grammar.Line) int {
	width := 0
	for _, line := range lines {
		if line.Item != nil {
			width = max(width, itemEnd(line.Item)-1)
		}
	}
	if width > 132 || width < 56 {
		return 0 // a note of short lines (a template's fields) was not wrapped to a width
	}
	near := 0
	for i, line := range lines[:max(len(lines)-1, 0)] {
		next := lines[i+1].Item
		if line.Item != nil && itemEnd(line.Item)-1 >= width-12 && next != nil && next.Text != nil &&
			next.Marker == nil && next.Label == nil && len(next.Fields) == 0 {
			if word, _, _ := strings.Cut(strings.TrimSpace(next.Text.Text), " "); itemEnd(line.Item)-1+1+utf8.RuneCountInString(word) > width {
				near++ // the next line's first word would not have fitted: a line broken at the width
			}
		}
	}
	if near < 3 {
		return 0
	}
	return width
}

// terseLines reports whether at least two fields of the note are keyed in
// lower case under a line too short to have been wrapped, as a surgeon who
// types a fact a line writes ("def 2.9x2.3 cm" / "closure: int 4.2 cm,
// after clearance" / "tol well. rtc 1 wk."): there a line opening in lower
// case goes on with nothing. The lower-case lines of a wrapped paragraph or
// of a print-out's second column ("clearance", "ice 20 min q2h today") are
// no fields.
func terseLines(lines []*grammar.Line) bool {
	n := 0
	for i := 1; i < len(lines); i++ {
		prev, it := lines[i-1].Item, lines[i].Item
		if prev == nil || it == nil || it.Marker != nil || it.Label != nil || itemEnd(prev)-1 >= wrapWidth {
			continue
		}
		keyed := it.Text == nil && len(it.Fields) > 0 && startsLower(it.Fields[0].Key)
		if it.Text != nil && len(it.Fields) == 0 && startsLower(it.Text.Text) {
			_, _, keyed = leadingKey(&grammar.Value{Pos: it.Text.Pos, Text: it.Text.Text}, false)
		}
		if keyed {
			n++
		}
	}
	return n >= 2
}

// filled reports whether the line ending at column end was broken where
// it was because the first word of next would not fit within the note's
// wrap column: next continues it.
func (l *lowerer) filled(end int, next string) bool {
	if l.wrapAt == 0 {
		return false
	}
	word, _, _ := strings.Cut(next, " ")
	return end-1+1+utf8.RuneCountInString(word) > l.wrapAt
}

// goesOnFrom reports whether line i, opening with text in lower case,
// goes on with the sentence that the plain line of text before it broke
// off.
func (l *lowerer) goesOnFrom(i int, text string) bool {
	if i == 0 || text == "" || text[0] < 'a' || text[0] > 'z' || !plainTextLine(l.lines[i-1]) {
		return false
	}
	t := strings.TrimRight(l.lines[i-1].Item.Text.Text, " \t")
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ".:;!?")
}

// sentenceRunsOn reports whether the text of line i breaks off inside a
// sentence that the next line, plain text opening in lower case, goes on
// with: "Tumor B's first stage, four blocks, showed infiltrative basal
// cell" over "carcinoma reaching the peripheral margin …" is prose, not the
// key "Tumor" and its value.
func (l *lowerer) sentenceRunsOn(i int) bool {
	if i+1 >= len(l.lines) || !plainTextLine(l.lines[i+1]) || sentenceEnds(l.lines[i].Item.Text.Text) {
		return false
	}
	next := strings.TrimSpace(l.lines[i+1].Item.Text.Text)
	return next != "" && next[0] >= 'a' && next[0] <= 'z'
}

// wrappedText joins to the text of line i, an item with no fields, the
// plain lines under it that continue it in a note wrapped to a width
// (filled): "LESION 1: RIGHT MEDIAL CANTHUS. Basal cell carcinoma,
// infiltrative" over "(biopsy 10/27/2026), 1.1 x 0.9 cm. …". It returns
// the text and the last line joined (i when none).
func (l *lowerer) wrappedText(i int, it *grammar.Item) (*grammar.Text, int) {
	if l.wrapAt == 0 || it.Text == nil || len(it.Fields) > 0 {
		return it.Text, i
	}
	text, j, end := it.Text.Text, i, itemEnd(it)
	for j+1 < len(l.lines) {
		next := l.lines[j+1].Item
		if next == nil || next.Marker != nil || next.Label != nil || next.Text == nil || len(next.Fields) > 0 || l.opens[j+1] != opensNothing {
			break
		}
		col := next.Text.Pos.Column
		if col != it.Pos.Column && col != it.Text.Pos.Column || strings.HasSuffix(text, ".") || strings.HasSuffix(text, ":") ||
			strings.HasSuffix(next.Text.Text, ":") || stageLine(next.Text) != nil || !l.filled(end, next.Text.Text) {
			break
		}
		text += " " + next.Text.Text
		end = itemEnd(next)
		j++
	}
	if j == i {
		return it.Text, i
	}
	return &grammar.Text{Pos: it.Text.Pos, Text: text}, j
}

// stageOpening reports whether a line of text opens with a stage and
// says what was taken before its colon ("Stage III, one block from
// beneath the positive area of stage II:"): a sentence whose result goes
// on to the next line, not a heading.
func stageOpening(text string) bool {
	head, _, found := strings.Cut(text, ",")
	_, tail, ok := splitStage(strings.TrimSpace(head))
	return found && ok && tail == ""
}

// pageNumber matches what a print-out puts at a page break: "Page 2",
// "Page 1 of 2", "[Page 2 of 3]", "Pg 2/3".
var pageNumber = regexp.MustCompile(`(?i)^[\[(]?\s*(page|pg\.?)\s*\d{1,3}(\s*(of|/)\s*\d{1,3})?\s*[\])]?$`)

// furnitureWords mark the other lines a print-out puts beside a page
// number: "Printed 12/01/2026 10:14   Confidential patient information",
// "(continued)".
var furnitureWords = []string{"printed", "confidential", "continued", "page ", "dob"}

// pageFooter matches a page number at the end of a footer line, after the
// practice's name or the document's title: "Corriedale Skin Surgery
// Associates - Operative Report - Page 1 of 2".
var pageFooter = regexp.MustCompile(`(?i)(\s[-–—|•]\s|\s{2,})(page|pg\.?)\s*\d{1,3}\s*(of|/)\s*\d{1,3}$`)

// faxHeader matches the line a fax machine prints at the top of each
// page: "NOV-04-2026 09:17   FROM: CORRIEDALE SKIN SURG 5550186630   TO:
// 5550142299   P.003/003".
var faxHeader = regexp.MustCompile(`(?i)\bfrom:?\s.*\bto:?\s.*\bp\.?\s*\d{1,3}\s*/\s*\d{1,3}\s*$`)

// isPageNumber reports whether a line is a page number, alone or at the
// end of a footer.
func isPageNumber(text string) bool {
	if !containsFold(text, "pg") && !containsFold(text, "page") {
		return false // most lines: no regular expression run
	}
	return pageNumber.MatchString(text) || pageFooter.MatchString(text)
}

// singleSpaced drops the blank line a double-spaced export leaves after
// every line, so that a value or a sentence goes on across it as it does
// in the note; a run of blank lines (the note's own paragraph break) stays
// one. A note is double-spaced when at least six lines of text stand
// apart, no more than one in ten followed by another line of text, and it
// shows it: a run of two blank lines or more, or a sentence broken across
// a blank line ("… interpreted by" / "" / "the staff dermatopathologist").
// A note of paragraphs one blank line apart is returned as it is.
func singleSpaced(lines []*grammar.Line) []*grammar.Line {
	text, adjacent, runs, broken := 0, 0, 0, 0
	for i, line := range lines {
		if isBlank(line) {
			if i > 0 && isBlank(lines[i-1]) {
				runs++
			}
			continue
		}
		text++
		if i+1 < len(lines) && !isBlank(lines[i+1]) {
			adjacent++
		}
		if i+2 < len(lines) && isBlank(lines[i+1]) && brokenAcross(line, lines[i+2]) {
			broken++
		}
	}
	if text < 6 || adjacent*10 > text || runs == 0 && broken == 0 {
		return lines
	}
	out := make([]*grammar.Line, 0, text+text/4)
	for i, line := range lines {
		if isBlank(line) && (i > 0 && !isBlank(lines[i-1]) && i+1 < len(lines) && !isBlank(lines[i+1]) ||
			len(out) > 0 && isBlank(out[len(out)-1])) {
			continue // the blank line under every line; a run of blank lines is one
		}
		out = append(out, line)
	}
	return out
}

// brokenAcross reports whether a line of text ends mid-sentence and the
// line after is a plain line that goes on in lower case.
func brokenAcross(line, next *grammar.Line) bool {
	if line.Item == nil || next.Item == nil || next.Item.Text == nil || next.Item.Marker != nil || next.Item.Label != nil || len(next.Item.Fields) > 0 {
		return false
	}
	var end string
	switch it := line.Item; {
	case len(it.Fields) > 0 && it.Fields[len(it.Fields)-1].Value != nil:
		end = it.Fields[len(it.Fields)-1].Value.Text
	case it.Text != nil:
		end = it.Text.Text
	}
	if end == "" || strings.ContainsAny(end[len(end)-1:], ".:;!?") {
		return false
	}
	c := next.Item.Text.Text[0]
	return c >= 'a' && c <= 'z'
}

// isBlank reports whether a line is blank.
func isBlank(line *grammar.Line) bool { return line.Item == nil && line.Row == nil && line.Rule == nil }

// withoutPageBreaks drops the page breaks a print-out leaves inside a note
// — a page number line, the printed-on and confidentiality lines beside
// it, and the blank lines under them — so that a table or a section goes
// on across the break as it does on paper. lines is returned
// as it is when it holds no page number.
func withoutPageBreaks(lines []*grammar.Line) []*grammar.Line {
	var drop []bool
	for i, line := range lines {
		if !isPageNumber(strings.TrimSpace(lineText(line))) {
			continue
		}
		if drop == nil {
			drop = make([]bool, len(lines))
		}
		drop[i] = true
		var blankAbove []int
		after := -1 // the first line after the break
		for _, step := range []int{-1, 1} {
			for j, n := i+step, 0; j >= 0 && j < len(lines) && n < 4; j += step {
				if lines[j].Blank {
					drop[j] = step > 0 // the blank lines above the break stay: they end what they ended on paper
					if step < 0 {
						blankAbove = append(blankAbove, j)
					}
					continue
				}
				if text := anyLineText(lines[j]); !mentions(asciiLower(text), furnitureWords) && !faxHeader.MatchString(text) {
					if step > 0 {
						after = j
					}
					break
				}
				drop[j] = true
				n++
			}
		}
		if above := i - len(blankAbove) - 1; above >= 0 && after > 0 && brokenAcross(lines[above], lines[after]) {
			for _, j := range blankAbove {
				drop[j] = true // "The second stage consisted of" / … / "two blocks; …": a sentence the break cut
			}
		}
	}
	if drop == nil {
		return lines
	}
	out := make([]*grammar.Line, 0, len(lines))
	for i, line := range lines {
		if !drop[i] {
			out = append(out, line)
		}
	}
	return out
}

// lineText is the text of a line of text or a row of cells, "" for any
// other line.
func lineText(line *grammar.Line) string {
	switch {
	case line.Item != nil && line.Item.Text != nil && line.Item.Marker == nil && line.Item.Label == nil && len(line.Item.Fields) == 0:
		return line.Item.Text.Text
	case line.Row != nil:
		var b strings.Builder
		for _, c := range line.Row.Cells {
			b.WriteString(c.Text)
			b.WriteByte(' ')
		}
		return b.String()
	}
	return ""
}

// anyLineText is every word of a line: a row's cells, or an item's text
// and its fields' keys and values.
func anyLineText(line *grammar.Line) string {
	it := line.Item
	if it == nil {
		return lineText(line)
	}
	var b strings.Builder
	if it.Text != nil {
		b.WriteString(it.Text.Text)
	}
	for _, f := range it.Fields {
		b.WriteString(" " + f.Key)
		if f.Value != nil {
			b.WriteString(" " + f.Value.Text)
		}
	}
	return b.String()
}

// refersToLesion reports whether an item is a hash reference to a lesion
// (see hashReference): no heading's value.
func (l *lowerer) refersToLesion(it *grammar.Item) bool {
	les, _ := l.hashReference(it)
	return les >= 0 || l.siteLed(it) >= 0
}

// siteLedNext reports whether the next line after i that is not blank
// opens with an opened lesion's site (siteLed).
func (l *lowerer) siteLedNext(i int) bool {
	for j := i + 1; j < len(l.lines); j++ {
		if l.lines[j].Blank {
			continue
		}
		return l.lines[j].Item != nil && l.siteLed(l.lines[j].Item) >= 0
	}
	return false
}

// siteLed is the lesion a line opens with the site of, before a dash or a
// colon, in a note of several lesions: "Right shoulder - after tumor
// clearance, intermediate layered repair, 6.8 cm." under "RECONSTRUCTION:"
// is the shoulder's line, no value of the heading's (that gave the
// shoulder's repair to the lesion read last); -1 when none, or several.
func (l *lowerer) siteLed(it *grammar.Item) int {
	if len(l.out.Lesions) < 2 || it.Marker != nil || it.Label != nil || it.Text == nil || len(it.Fields) > 0 {
		return -1
	}
	text := it.Text.Text
	k := -1
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		if i := strings.Index(text, sep); i > 0 && (k < 0 || i < k) {
			k = i
		}
	}
	if k < 0 || wordCount(text[:k], 6) >= 6 {
		return -1
	}
	head := strings.TrimSpace(text[:k])
	found := -1
	for i, les := range l.out.Lesions {
		if sameSite(siteWords(les), head) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// hashReference reads a line that names a lesion already opened by its
// number after a hash, with its site, then says something of it ("#1 right
// helix: complex repair, 1.9 cm"), by its number before a colon ("1 (nasal
// sidewall): complex linear repair, 2.0 cm"), or by its label before a dash
// ("A — bilobed flap; …"): the lesion and the value; -1 when the line is no
// such reference.
func (l *lowerer) hashReference(it *grammar.Item) (int, *grammar.Value) {
	if l.headed && it.Marker == nil && it.Label == nil && it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value != nil {
		// "L1: final defect 1.6 x 1.4 cm; full-thickness skin graft …" after a
		// log whose lesion column numbers its lesions "L1", "L2"
		if m := letteredNumber.FindStringSubmatch(strings.TrimSpace(it.Fields[0].Key)); m != nil {
			if les := slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == m[1] }); les >= 0 {
				return les, it.Fields[0].Value
			}
		}
		return -1, nil
	}
	if !l.headed || it.Marker != nil || it.Label != nil || it.Text == nil || len(it.Fields) > 0 {
		return -1, nil
	}
	text := it.Text.Text
	var les int
	var rest string
	if label, after, ok := dashedLabel(text); ok {
		// "A — bilobed flap; primary defect …" under "Repairs (…):"
		les, rest = slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label }), after
	} else {
		head, after, ok := strings.Cut(text, ":")
		m := hashNumbered.FindStringSubmatch(strings.TrimSpace(head))
		if m == nil {
			m = numberedHead.FindStringSubmatch(strings.TrimSpace(head))
		}
		if !ok || m == nil {
			return -1, nil
		}
		les, rest = slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == m[1] }), after
		if les >= 0 && m[2] != "" && l.labelled(m[2]) != les && l.labelled(m[2]) >= 0 {
			return -1, nil // the number and the site name different lesions
		}
	}
	trimmed := strings.TrimLeft(rest, " \t")
	if les < 0 || trimmed == "" {
		return -1, nil
	}
	return les, &grammar.Value{Pos: shift(it.Text.Pos, it.Text.Text[:len(it.Text.Text)-len(trimmed)]), Text: trimmed}
}

// dashedLabel reads a lesion's label before a dash at the start of a line
// ("A — bilobed flap; …", "2 - simple repair, 3.0 cm"): the label and the
// text after the dash.
func dashedLabel(text string) (label, rest string, ok bool) {
	for _, dash := range []string{" — ", " – ", " - "} {
		head, after, found := strings.Cut(text, dash)
		if found && len(head) <= 2 && head != "" && isLetterOrDigit(head[0]) && (len(head) == 1 || isLetterOrDigit(head[1])) {
			return normalLabel(head), after, true
		}
	}
	return "", "", false
}

// letteredNumber is a lesion's number after the letter of its word, as a
// log's lesion column writes it: "L1" (lesion), "T2" (tumor).
var letteredNumber = regexp.MustCompile(`^[LlTt](\d{1,2})$`)

// hashNumbered is a line that numbers a lesion with a hash: "#1 left
// cheek", "# 2 right forearm".
var hashNumbered = regexp.MustCompile(`^#\s?(\d{1,2})\s+(\S.*)$`)

// numberedHead is a lesion's number before a colon, with its site in
// parentheses or alone: "1 (nasal sidewall): complex linear repair, 2.0
// cm", "2: intermediate layered closure, 3.8 cm" under "Repairs:".
var numberedHead = regexp.MustCompile(`^(\d{1,2})(?:\s*\(([^()]+)\))?$`)

// hashSite reads a line that numbers a lesion with a hash and names its
// site ("#1 left cheek"): the number and the site. A line whose words
// after the number name no site ("#3 block positive") is not one.
func hashSite(s string) (n, site string, ok bool) {
	m := hashNumbered.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	if _, ok := anatomy.Resolve(siteLead(m[2])); !ok {
		return "", "", false
	}
	return m[1], m[2], true
}

// extends reports whether the tumors the opening sentences open are more
// than the site paragraphs open, each paragraph's tumor among them, on its
// line and with its number: a paragraph that opens with no site ("Third,
// the left cutaneous upper lip.") after others that do.
func extends(openings, paras map[siteAt]siteParagraph) bool {
	if len(openings) <= len(paras) {
		return false
	}
	for at, sp := range paras {
		found := false
		for at2, sp2 := range openings {
			if at2.line == at.line && sp2.n == sp.n {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// siteParagraph is a paragraph of a dictation without lesion labels that
// opens with its lesion's site alone ("Left lower eyelid. The first stage
// …", "Right cheek: one stage, two blocks, …"): the lesion's number and
// siteAt is where a site paragraph opens: its line, and for a sentence
// that opens its lesion inside a line (siteOpenings), its column; 0 for a
// paragraph that opens at its line's start.
type siteAt struct{ line, col int }

// site.
type siteParagraph struct {
	n    int
	site string
	col  int // the column the lesion's sentence begins at; 0: the line's start
}

// firstSentenceText is the text of line i with the plain lines of text
// under it that continue its first sentence, when a wrap broke it: up to
// the line that ends with a stop.
func firstSentenceText(lines []*grammar.Line, i int) string {
	text := lines[i].Item.Text.Text
	for j := i + 1; j < len(lines) && !sentenceEnds(text) && plainTextLine(lines[j]); j++ {
		text += " " + strings.TrimSpace(lines[j].Item.Text.Text)
	}
	return text
}

// sentenceEnds reports whether text holds the end of a sentence: a stop
// and a blank, or a stop, colon or semicolon at its end.
func sentenceEnds(text string) bool {
	t := strings.TrimRight(text, " \t")
	return t == "" || strings.Contains(t, ". ") || strings.ContainsAny(t[len(t)-1:], ".:;!?")
}

// plainTextLine reports whether a line is text alone: no list marker,
// label or field.
func plainTextLine(line *grammar.Line) bool {
	it := line.Item
	return it != nil && it.Marker == nil && it.Label == nil && it.Text != nil && len(it.Fields) == 0
}

// siteParagraphs finds the paragraphs that open with a site alone, when two
// or more name different sites: each opens its lesion, in order, as
// "Lesion 2 …" would (proseLesion).
func siteParagraphs(lines []*grammar.Line) map[siteAt]siteParagraph {
	var out map[siteAt]siteParagraph
	var sites []string
	var before []string // the texts before the first site paragraph: a lesion's stages told there are not the first site's lesion's (see stagesIn)
	for i, line := range lines {
		it := line.Item
		if it == nil || it.Label != nil || it.Marker != nil && (it.Text == nil || len(it.Fields) > 0 || !containsFold(it.Text.Text, "stage")) {
			continue // a list item opens a lesion only when it goes on to its stage: "(a) Right dorsal thumb, over the interphalangeal joint. … Stage 1: 2 blocks; …"
		}
		text := "" // the line's text, or the value of its known key when it opens with a word of sequence ("Procedure: First, the left flank. …")
		switch {
		case it.Text != nil && len(it.Fields) == 0:
			text = firstSentenceText(lines, i) // "For the preauricular tumor, the well-differentiated squamous cell" / "carcinoma measured 1.2 x 1.0 cm …"
		case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value != nil:
			if v := it.Fields[0].Value.Text; afterSequenceWord(v) != v {
				text = v // "PROCEDURE, FIRST SITE: We began with the upper back, left paraspinal, …"
			}
		}
		told := len(before) // the line's own stages are its lesion's
		if len(sites) == 0 {
			if it.Text != nil {
				before = append(before, it.Text.Text)
			}
			for _, f := range it.Fields {
				if f.Value != nil {
					before = append(before, f.Value.Text)
				}
			}
		}
		if i > 0 && !lines[i-1].Blank && !(it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value != nil && strings.Contains(asciiLower(it.Fields[0].Value.Text), "stage")) {
			continue // a paragraph opens after a blank line; a site's stages may follow another's on the next line ("Shoulder: first stage of two blocks, …")
		}
		var head, rest string
		var ok bool
		switch {
		case text != "":
			head, rest, ok = strings.Cut(text, ". ")
			// a paragraph that names its site with its tumor opens a lesion when
			// it goes on to a stage (not a history's "Squamous cell carcinoma,
			// right forearm, excised 2019.")
			staged := paragraphStaged(lines, i)
			if site, _, cut := strings.Cut(head, ", "); cut && staged && resolvedSite(site) != "" {
				head = site // "Left parietal scalp, nodular basal cell carcinoma, 1.2 x 1.1 cm. Mohs was indicated …", "Right dorsal thumb, over the interphalangeal joint. …"
			} else if site := tumorSite(head); site != "" && (staged || tumorToday(text) || onSiteTumor(head, text)) {
				head = site // "The left cheek tumor is a nodular basal cell carcinoma, …. Mohs was indicated for …" before the stages of every site
			}
			if lead := afterSequenceWord(head); lead != head {
				// "Next, the vertex of the scalp: a nodular basal cell carcinoma …",
				// "Attention was then turned to the chin, where a squamous cell
				// carcinoma …", "We began with the basal cell carcinoma of the
				// left upper cutaneous lip, which …"; not "Attention was then
				// turned to the right upper arm, where a … macule was sampled
				// with a 4 mm punch biopsy", which has no stage
				if site := sequenceSite(lead); site != "" && staged {
					head, ok = site, true
					if strings.TrimSpace(rest) == "" {
						rest = text // the paragraph's one line: "First, the left antihelix: nodular BCC, …; indication: …." over its stages
					}
				} else {
					ok = false
				}
			}
		case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value != nil: // "Right cheek: one stage, two blocks, …"
			head, rest, ok = it.Fields[0].Key, it.Fields[0].Value.Text, isDictated(it.Fields[0].Value.Text) || containsFold(it.Fields[0].Value.Text, "stage") ||
				afterSequenceWord(it.Fields[0].Key) != it.Fields[0].Key && paragraphStaged(lines, i) || // "First, the left antihelix: nodular BCC, …" over "Stage 1: 3 blocks; …"
				hasPrefixFold(it.Fields[0].Key, "the ") && mentions(leadClauseOf(it.Fields[0].Value.Text), dxTumorWords) // "The right nasal dorsum: nodular basal cell carcinoma, shave biopsy …"
			if site := tumorSite(head); site != "" && strings.Contains(asciiLower(rest), "stage") {
				head = site // "Regarding the nasal tip tumor: micronodular BCC, 1.0 x 0.9 cm. … Stage I, 4 blocks: …"
			}
		}
		if wordCount(head, 7) < 7 && isKey(head) {
			continue // a key, not a site
		}
		if lead, main, ok := strings.Cut(head, ", "); ok && asideLead(lead) {
			if site := tumorSite(main); site != "" {
				head = site // "While the ala sections were being read, the forearm tumor was excised."
			} else if site := siteBeforeDeed(strings.TrimPrefix(strings.TrimPrefix(main, "the "), "The ")); site != "" {
				head = site // "While the temple sections were read, the right dorsal wrist was excised."
			}
		}
		head = afterSequenceWord(head)
		if w, rest, ok := strings.Cut(head, " "); ok && strings.EqualFold(w, "the") {
			head = rest // "The right forehead: one stage of two blocks, …"
		}
		head = strings.TrimSuffix(head, " first") // "The left nasal ala first: nodular BCC, …"
		if site := siteBeforeDeed(head); site != "" {
			head = site // "The right dorsal forearm was excised first.", "The left forearm tumor was then excised.", "The left temple came first."
		}
		if it.Text != nil && len(it.Fields) == 0 {
			if pre, post, cut := strings.Cut(it.Text.Text, ": "); cut { // "Right forearm, first stage: the tumor measured …"
				if site, stage, cut := strings.Cut(pre, ", "); cut && (stageOrdinalWords(stage) || isStageKey(stage)) {
					head, rest, ok = site, post, true
				}
			}
		}
		returning := it.Text != nil && returnsTo(it.Text.Text)
		if len(sites) > 1 && it.Text != nil && backToSite(it.Text.Text, sites) && !returning {
			return nil // "The left cheek lesion's second stage …" after the next site's: whose stages are whose cannot be told
		}
		if !ok || strings.TrimSpace(rest) == "" || len(strings.Fields(head)) > 5 || strings.ContainsAny(head, ",:;") || tellsDeed(head) || namesStageNoun(head) {
			continue // not "The left temple came first.", not "The first Mohs stages at the nose, …"
		}
		site, known := anatomy.Resolve(head)
		if returning && len(sites) > 1 {
			// "Returning to the nasal ala, a second stage of one block …": that
			// lesion's again, when its words name one site left before
			k := returnedSite(head, sites)
			if k < 0 {
				return nil
			}
			out[siteAt{line: line.Pos.Line}] = siteParagraph{n: k + 1, site: sites[k]}
			continue
		}
		if k := slices.IndexFunc(sites, func(s string) bool { return s == head || hasPrefixFold(head, s+" ") }); k >= 0 && k < len(sites)-1 {
			return nil // a site paragraph goes back to a site already left ("The left nasal ala read first: …"), and does not say it returns
		}
		if !known || len(site.Qualifiers) > 2 && !site.Boundary || slices.ContainsFunc(sites, func(s string) bool { return s == head || hasPrefixFold(head, s+" ") }) {
			continue // not a boundary's "left nasal sidewall/medial cheek junction"
		}
		if len(sites) == 0 && stagesIn(before[:told]) {
			return nil // "The left temple lesion … was treated first; … The first stage …" then "Attention was then turned to the nasal tip.": the first site paragraph opens the second lesion, not the first
		}
		if out == nil {
			out = map[siteAt]siteParagraph{}
		}
		sites = append(sites, head)
		out[siteAt{line: line.Pos.Line}] = siteParagraph{n: len(sites), site: head}
	}
	if len(sites) < 2 {
		return nil
	}
	return out
}

// leadClauseOf is text up to its first comma or semicolon: the tumor of
// "nodular basal cell carcinoma, shave biopsy 11/16/2026, …", not a
// history's later words.
func leadClauseOf(text string) string {
	if k := strings.IndexAny(text, ",;."); k >= 0 {
		return text[:k]
	}
	return text
}

// returnedSite is the one site of sites before the last that head names
// ("left cheek lesion" for "Cheek", "nasal ala" for "left nasal ala"), or
// -1 when none or several do.
func returnedSite(head string, sites []string) int {
	for _, noun := range []string{" lesion", " tumor", " tumour", " site"} {
		head = strings.TrimSuffix(head, noun)
	}
	named, ok := anatomy.Resolve(head)
	if !ok || len(named.Terms) == 0 {
		return -1
	}
	found := -1
	for k, s := range sites[:len(sites)-1] {
		site, ok := anatomy.Resolve(s)
		if !ok || len(site.Terms) == 0 || site.Terms[0].Name != named.Terms[0].Name ||
			site.Laterality != "" && named.Laterality != "" && site.Laterality != named.Laterality {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = k
	}
	return found
}

// returnsTo reports whether a paragraph opens by going back to a site
// left before: "Returning to the nasal ala, …", "Back to the cheek: …".
func returnsTo(text string) bool {
	words := strings.Fields(asciiLower(firstWords(text, 4)))
	for i, w := range words {
		if (strings.HasPrefix(w, "return") || w == "back") && i+1 < len(words) && words[i+1] == "to" {
			return true // not "Return in one week."
		}
	}
	return false
}

// asideLead reports whether a sentence's first clause sets the time of its
// main clause: "While the ala sections were being read", "Meanwhile".
func asideLead(lead string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(lead), " ")
	switch asciiLower(first) {
	case "while", "meanwhile", "as", "during":
		return true
	}
	return false
}

// siteBeforeDeed is the site a paragraph's opening sentence names before
// saying it was treated ("right dorsal forearm" of "right dorsal forearm
// was excised first", "left forearm" of "left forearm tumor was then
// excised", "left temple" of "left temple came"), or "".
func siteBeforeDeed(head string) string {
	words := strings.Fields(head)
	for k, w := range words {
		switch asciiLower(w) {
		case "was", "were", "came", "is":
		case "carries", "bears", "harbors", "harbours", "has":
			// "The left lower eyelid carries a nodular basal cell carcinoma, …"
			return resolvedSite(strings.Join(words[:k], " "))
		default:
			continue
		}
		rest := strings.ToLower(strings.Join(words[k+1:], " "))
		if w == "came" && rest != "" && rest != "next" && rest != "first" && rest != "last" && rest != "second" {
			return ""
		}
		if w != "came" && !mentions(rest, []string{"excised", "treated", "addressed", "done", "taken", "operated"}) {
			return ""
		}
		site := strings.Join(words[:k], " ")
		for _, noun := range []string{" tumor", " tumour", " lesion", " site"} {
			site = strings.TrimSuffix(site, noun)
		}
		return resolvedSite(site)
	}
	return ""
}

// tellsDeed reports whether a would-be site heading holds a verb of what
// was done: "left temple came", "Returning to the nasal ala".
func tellsDeed(head string) bool {
	for _, w := range strings.Fields(asciiLower(head)) {
		switch w {
		case "came", "comes", "was", "were", "is", "began", "begun", "done", "treated", "excised", "addressed", "followed", "returning", "returned", "went",
			"carries", "carried", "bears", "bore", "harbors", "harboured", "harbored", "has", "had":
			return true
		}
	}
	return false
}

// afterSequenceWord is s after a word or phrase that moves a dictation on
// to its next site ("First, the right nasal ala", "Next, the vertex of the
// scalp", "Attention was then turned to the left temple"); s when it opens
// with none.
func afterSequenceWord(s string) string {
	if w, rest, ok := strings.Cut(s, ", "); ok && len(w) <= len("finally") && sequenceWords[asciiLower(w)] {
		return rest
	}
	if w, rest, ok := strings.Cut(s, " "); ok && len(w) <= len("finally") && sequenceWords[asciiLower(w)] && len(rest) > 4 && strings.EqualFold(rest[:4], "the ") {
		return rest // "Then the right upper lip: infiltrative BCC, …"
	}
	lead := firstWords(s, 8) // the words of sequence open the line: "Attention was then turned to …"
	if !containsFold(lead, "turn") && !containsFold(lead, "mov") && !containsFold(lead, "began") && !containsFold(lead, "start") && !containsFold(lead, "addressed") && !containsFold(lead, "back") {
		return s // the cheap test first: most lines hold no word of sequence
	}
	words := strings.Fields(asciiLower(lead))
	if i := turnedTo(words); i > 0 {
		for range i {
			_, s, _ = strings.Cut(strings.TrimLeft(s, " "), " ")
		}
	}
	return s
}

// isKey reports whether s is a known key.
func isKey(s string) bool {
	_, known := lookupAny(s)
	return known
}

// ordinalPlaced is the site a sentence that opens with an ordinal places
// its tumor at, after one verb and before a colon or comma: "The first of
// these straddles the left nasal sidewall/medial cheek junction: …", "The
// second is on the right lateral neck: …"; "" for any other.
func ordinalPlaced(head, lower string) string {
	for _, ord := range []string{"the first ", "the second ", "the third ", "the fourth ", "the last "} {
		rest, ok := strings.CutPrefix(lower, ord)
		if !ok {
			continue
		}
		if r, ok := strings.CutPrefix(rest, "and "); ok {
			if _, after, ok := strings.Cut(r, " "); ok {
				rest = after // "The first and larger tumor was …", "The fourth and last tumor is …"
			}
		}
		for _, filler := range []string{"of these ", "of them ", "one ", "site ", "tumor ", "tumour ", "lesion "} {
			rest = strings.TrimPrefix(rest, filler)
		}
		if _, rest, ok = strings.Cut(rest, " "); !ok { // the verb: "is", "straddles", "sat"
			return ""
		}
		for _, prep := range []string{"on the ", "at the ", "of the ", "in the ", "the "} {
			if r, ok := strings.CutPrefix(rest, prep); ok {
				rest = r
				break
			}
		}
		if strings.HasPrefix(rest, "a ") || strings.HasPrefix(rest, "an ") {
			// "The first tumor is a well-differentiated squamous cell
			// carcinoma of the right nasal ala (shave bx …), 0.8 x 0.7 cm", "The
			// first tumor is a melanoma in situ, lentigo maligna type, of the
			// left cheek, measuring …"
			clause, _, _ := strings.Cut(rest, "(")
			for _, prep := range []string{" of the ", " on the "} {
				if _, after, ok := strings.Cut(clause, prep); ok {
					after, _, _ = strings.Cut(after, ",")
					site, _ := leadingSite(after) // "… of the right neck measuring 1.0 x 0.8 cm"
					return resolvedSite(site)
				}
			}
			return ""
		}
		site := head[len(head)-len(rest):]
		if k := strings.IndexAny(site, ":,;"); k > 0 {
			site = site[:k]
		}
		return resolvedSite(site) // the whole of a field's key: "The second is on the right lateral neck"
	}
	return ""
}

// tumorSite is the site of a paragraph's opening sentence that names its
// tumor first: "The occipital scalp tumor was addressed first.", "The tumor
// on the right superior helix was a nodular basal cell carcinoma …", "Squamous cell carcinoma in situ, right dorsal hand,
// overlying the 3rd metacarpal (shave biopsy …)"; "" for any other.
func tumorSite(head string) string {
	for _, lead := range []string{"Regarding ", "regarding ", "As for ", "As to ", "Concerning ", "For "} {
		head = strings.TrimPrefix(head, lead) // "Regarding the left preauricular tumor, a well-differentiated …"
	}
	if pre, _, ok := strings.Cut(head, ": "); ok {
		if site := resolvedSite(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(pre, "The "), "the "), " first")); site != "" {
			return site // "The left nasal ala first: nodular BCC, …"
		}
	}
	lower := asciiLower(head)
	for _, ord := range []string{"the first, ", "the second, ", "the third, ", "the fourth, "} {
		if rest, ok := strings.CutPrefix(lower, ord); ok {
			for _, prep := range []string{"on the ", "of the ", "at the "} {
				if after, ok := strings.CutPrefix(rest, prep); ok {
					site, _, _ := strings.Cut(head[len(head)-len(after):], ",")
					return resolvedSite(site) // "The third, on the right upper back, was an SCC in situ, …"
				}
			}
		}
	}
	if site := ordinalPlaced(head, lower); site != "" {
		return site // "The first of these straddles the left nasal sidewall/medial cheek junction: …", "The second is on the right lateral neck: …"
	}
	if rest, ok := strings.CutPrefix(lower, "on the "); ok {
		if site, _, cut := strings.Cut(head[len(head)-len(rest):], ","); cut {
			return resolvedSite(site) // "On the back, the tumor is a nodular basal cell carcinoma of the left mid back, …"
		}
	}
	for _, lead := range []string{"lesion on the ", "tumor on the ", "tumour on the ", "lesion of the ", "tumor of the "} {
		if rest, ok := strings.CutPrefix(lower, lead); ok {
			site := head[len(head)-len(rest):]
			for _, end := range []string{" - ", " – ", " — ", ","} {
				site, _, _ = strings.Cut(site, end)
			}
			return resolvedSite(site) // "Lesion on the right lower eyelid - nodular basal cell carcinoma, …"
		}
	}
	for _, other := range []string{"the other tumor ", "the other lesion ", "the other tumour ", "the other one "} {
		if strings.HasPrefix(lower, other) {
			first, _, _ := strings.Cut(head, ", ")
			for _, prep := range []string{" of the ", " on the "} {
				if _, after, ok := strings.Cut(first, prep); ok {
					return resolvedSite(after) // "The other tumor was a well-differentiated SCC of the right upper arm, …"
				}
			}
		}
	}
	if rest, ok := strings.CutPrefix(lower, "the "); ok {
		for _, verb := range []string{" is a ", " is an ", " was a ", " was an "} {
			if k := strings.Index(rest, verb); k > 0 && wordCount(rest[:k], 4) <= 3 && mentions(firstWords(rest[k+len(verb):], 6), dxTumorWords) {
				if site := resolvedSite(head[4 : 4+k]); site != "" {
					return site // "The lip is a nodular basal cell carcinoma of the cutaneous left lower lip, …"
				}
			}
		}
		if words := strings.Fields(rest); len(words) > 1 {
			// "The left helix SCC, well differentiated, …", "The right posterior neck BCC, nodular, …"
			if k := slices.IndexFunc(words, func(w string) bool { return dxLeadWords[strings.Trim(w, ",.;:")] }); k > 0 && k <= 5 {
				if site := resolvedSite(strings.Join(strings.Fields(head)[1:1+k], " ")); site != "" {
					return site
				}
			}
		}
		for _, noun := range []string{" tumor", " lesion", " tumour"} {
			k := strings.Index(rest, noun)
			if k <= 0 || k+len(noun) < len(rest) && !strings.ContainsRune(" ,.:", rune(rest[k+len(noun)])) {
				continue
			}
			if site := resolvedSite(head[4 : 4+k]); site != "" {
				return site // "The occipital scalp tumor was addressed first.", "the left preauricular tumor, a …"
			}
		}
	}
	for _, lead := range []string{"the tumor ", "the lesion ", "the tumour ", "the cancer "} {
		rest, ok := strings.CutPrefix(lower, lead)
		if !ok {
			continue
		}
		for _, prep := range []string{"on the ", "in the ", "of the ", "at the "} {
			if after, ok := strings.CutPrefix(rest, prep); ok {
				site := head[len(head)-len(after):]
				for _, end := range []string{" was ", " is ", ",", " measured", " measuring"} {
					if k := strings.Index(asciiLower(site), end); k > 0 {
						site = site[:k]
					}
				}
				return resolvedSite(site)
			}
		}
		return ""
	}
	parts := strings.Split(head, ", ")
	if !mentions(firstWords(parts[0], 2), dxTumorWords) && !strings.HasPrefix(lower, "invasive ") {
		return ""
	}
	for _, prep := range []string{" of the ", " on the "} {
		if _, after, ok := strings.Cut(parts[0], prep); ok {
			return resolvedSite(after) // "Squamous cell carcinoma in situ of the left dorsal foot, 1.1 x 0.9 cm; …"
		}
	}
	for _, p := range parts[1:] {
		if site := resolvedSite(p); site != "" {
			return site // "Invasive squamous cell carcinoma, moderately differentiated, right dorsal forearm (shave biopsy …)", "…, of the right shin (pretibial), …"
		}
	}
	return ""
}

// dxLeadWords open a tumor's name after its site: "The left helix SCC, …".
var dxLeadWords = map[string]bool{"bcc": true, "scc": true, "sccis": true, "basal": true, "squamous": true, "melanoma": true,
	"nodular": true, "superficial": true, "infiltrative": true, "morpheaform": true, "micronodular": true}

// resolvedSite is s trimmed, without a leading "of the" or "on the", when
// it is a site of five words or fewer; "" otherwise.
func resolvedSite(s string) string {
	s = strings.TrimSpace(dropParens(s))
	for _, prep := range []string{"of the ", "on the "} {
		if rest, ok := strings.CutPrefix(s, prep); ok {
			s = rest
		}
	}
	if _, known := anatomy.Resolve(s); !known || len(strings.Fields(s)) > 5 || s == "" || mentions(s, []string{"tumor", "tumour", "lesion", "regarding", "carcinoma"}) {
		return "" // not "Regarding the left preauricular tumor"
	}
	switch asciiLower(firstWord(s)) {
	case "at", "on", "in", "to", "for", "from", "with", "the", "a", "an", "after", "before", "during", "we", "i", "while", "as", "when", "since", "because", "although":
		return "" // not "At the chin" of "At the chin, the first stage comprised three blocks"
	}
	return s
}

// paragraphStaged reports whether the paragraph that line i opens names a
// stage (or a layer), on that line or on a line after it before the next blank line
// ("First, the left antihelix: nodular BCC, …" over "Stage 1: 3 blocks; …").
func paragraphStaged(lines []*grammar.Line, i int) bool {
	for j := i; j < len(lines) && !lines[j].Blank; j++ {
		it := lines[j].Item
		if it == nil {
			continue
		}
		if it.Text != nil && (containsFold(it.Text.Text, "stage") || containsFold(it.Text.Text, "layer")) {
			return true // "The first layer was four blocks; …"
		}
		for _, f := range it.Fields {
			if containsFold(f.Key, "stage") || f.Value != nil && (containsFold(f.Value.Text, "stage") || containsFold(f.Value.Text, "layer")) {
				return true
			}
		}
	}
	return false
}

// onSiteTumor reports whether a paragraph opens at a site and names the
// tumor there in its first sentence, with no year that would make it a
// past one: "On the L hand, the well-differentiated squamous cell
// carcinoma measured 0.9 x 0.8 cm and had recurred after cryotherapy, so
// Mohs was chosen."
func onSiteTumor(head, text string) bool {
	return strings.HasPrefix(asciiLower(head), "on the ") && icd10.Recognize(head).Histology != "" && !yearAlone.MatchString(text)
}

// tumorToday reports whether a paragraph that names one tumor by its site
// says why Mohs is done on it, with no year that would make it a past
// tumor's: "The left cheek tumor is a nodular basal cell carcinoma, shave
// biopsy 03/24/2026 (…). Mohs was indicated for its facial location …".
func tumorToday(text string) bool {
	lower := asciiLower(text)
	return strings.Contains(lower, "indicat") && !yearAlone.MatchString(text) && strings.Count(lower, "tumor")+strings.Count(lower, "lesion") <= 1
}

// yearAlone is a year that stands outside a date: "(Mohs 2017)", "in 2021".
var yearAlone = regexp.MustCompile(`(^|[^/\d])(19|20)\d\d`)

// stagesIn reports whether one of texts tells a stage's blocks.
func stagesIn(texts []string) bool {
	return slices.ContainsFunc(texts, tellsStageBlocks)
}

// tellsStageBlocks reports whether text tells a stage's blocks: "The first
// stage was divided into three blocks", not "Maps were drawn for all
// stages, and I read the frozen sections."
func tellsStageBlocks(text string) bool {
	if !containsFold(text, "stage") || !containsFold(text, "block") && !containsFold(text, "divided into") {
		return false // the cheap test first
	}
	// "… submitted it for frozen section, 1 block, … a Mohs map was drawn for
	// each stage at each site" tells no stage's blocks
	f := prose.Read([][]prose.Line{{{Text: text, Line: 1, Col: 1}}})
	return slices.ContainsFunc(f.Stages, func(st prose.Stage) bool { return st.Blocks > 0 })
}

// sequenceSite is the site of the clause after a dictation's word of
// sequence: "the chin" of "the chin, where a squamous cell carcinoma …",
// "the left upper cutaneous lip" of "the basal cell carcinoma of the left
// upper cutaneous lip, which …"; "" when the clause names none.
func sequenceSite(lead string) string {
	clause := lead
	if k := strings.IndexAny(clause, ",:;"); k >= 0 {
		if ordinalTumor(clause[:k]) && clause[k] == ',' {
			// "the second tumor, on the R chin, a nodular basal cell carcinoma …"
			clause, _, _ = strings.Cut(clause[k+1:], ",")
			for _, prep := range []string{"on the ", "of the ", "at the ", "on ", "the "} {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(clause), prep); ok {
					clause = rest
					break
				}
			}
			return resolvedSite(strings.TrimSpace(clause))
		}
		clause = clause[:k]
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		clause, _, _ = strings.Cut(clause, dash) // "Next, the left malar cheek - squamous cell carcinoma, …"
	}
	clause = strings.TrimSpace(clause)
	if w, rest, ok := strings.Cut(clause, " "); ok && strings.EqualFold(w, "the") {
		clause = rest
	}
	for _, prep := range []string{" of the ", " on the ", " of ", " on "} {
		if _, after, ok := strings.Cut(clause, prep); ok && (mentions(clause[:len(clause)-len(after)], dxTumorWords) || mentions(clause[:len(clause)-len(after)], lesionNouns)) {
			clause = after // "the basal cell carcinoma of the left upper cutaneous lip", "the lesion on the R nasal sidewall"
			break
		}
	}
	if _, known := anatomy.Resolve(clause); !known || len(strings.Fields(clause)) > 5 {
		return ""
	}
	return clause
}

// ordinalTumor reports whether s names a tumor by its ordinal alone: "the
// second tumor", "the third lesion", "the last site".
func ordinalTumor(s string) bool {
	words := strings.Fields(asciiLower(s))
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	return len(words) == 2 && (slices.Contains(lesionOrdinals, words[0]) || words[0] == "last" || words[0] == "final") &&
		slices.Contains(tumorNouns, words[1])
}

// sequenceWords open a dictation's next site: "Next, the vertex of the scalp: …".
var sequenceWords = map[string]bool{"first": true, "next": true, "then": true, "finally": true, "lastly": true, "last": true}

// isStageKey reports whether s is a stage key alone: "Stage 2", "Stage II".
func isStageKey(s string) bool {
	_, tail, ok := splitStage(s)
	return ok && tail == ""
}

// backToSite reports whether a paragraph that speaks of a stage opens by
// naming a site of sites other than the last ("Returning to the left cheek
// lesion, a second stage was taken …" after the ear's paragraph).
func backToSite(text string, sites []string) bool {
	if !strings.Contains(asciiLower(text), "stage") {
		return false
	}
	words := sentenceWords(text)
	if n := len(slices.DeleteFunc(slices.Clone(sites), func(s string) bool {
		return !slices.ContainsFunc(words, func(w sentenceWord) bool { return siteWord(w.text, s) })
	})); n > 1 {
		return false // "The first Mohs stages at the nose, the cheek and the leg were …": of several, which stageParts tells apart or makes ambiguous
	}
	named := sitesOpening(text, sites)
	return slices.ContainsFunc(named, func(i int) bool { return i < len(sites)-1 })
}

// stageOrdinalWords reports whether s names a stage by an ordinal word:
// "first stage", "second layer".
func stageOrdinalWords(s string) bool {
	w := strings.Fields(asciiLower(s))
	return len(w) == 2 && slices.Contains(lesionOrdinals, w[0]) && (w[1] == "stage" || w[1] == "layer")
}

// siteOpenings finds, in a dictation without lesion labels whose prose
// before its first stage names tumors at two or more sites ("The first is a
// nodular basal cell carcinoma of the left medial cheek … The second is a …
// squamous cell carcinoma of the right dorsal forearm"), the sentences
// that go on to a stage after naming one of those sites among their first
// words ("The cheek was addressed first. The first stage …", "The first
// stage from the forearm was …", "The hand's first stage …"): each opens
// its site's lesion, in order, as "Lesion 2 …" would (proseLesion). It
// finds none unless every site named has its sentence, and none when a
// stage sentence goes back to a site already left ("Returning to the
// temple, a second stage …") or names two sites: their stages could not be
// told apart.
func siteOpenings(lines []*grammar.Line) map[siteAt]siteParagraph {
	if !severalBeforeStages(lines) {
		return nil
	}
	var pars [][]prose.Line // the text lines, a paragraph a run
	var cur []prose.Line
	procedures := false // under a "PROCEDURES:" heading, whose items list every tumor's stages
	for _, line := range lines {
		listed := line.Item != nil && line.Item.Marker != nil && line.Item.Label == nil && line.Item.Text != nil && len(line.Item.Fields) == 0
		if procedures && listed {
			continue // "1. Mohs micrographic surgery, left nasal ala, three stages, …" / "2. …": a summary, where no tumor opens
		}
		procedures = line.Item != nil && line.Item.Text == nil && len(line.Item.Fields) == 1 && line.Item.Fields[0].Value == nil && proceduresKey(line.Item.Fields[0].Key)
		switch {
		case lineText(line) != "" && line.Row == nil:
			cur = append(cur, prose.Line{Text: line.Item.Text.Text, Line: line.Pos.Line, Col: line.Item.Text.Pos.Column})
			continue
		case listed:
			// "- right lower eyelid, nodular basal cell carcinoma, 0.6 x 0.5
			// cm" under "… has four biopsy-proven tumors, …:": a tumor an item
			cur = append(cur, prose.Line{Text: line.Item.Text.Text, Line: line.Pos.Line, Col: line.Item.Text.Pos.Column, Item: true})
			continue
		case line.Item != nil && line.Item.Text == nil && len(line.Item.Fields) == 1 && line.Item.Fields[0].Value != nil:
			f := line.Item.Fields[0]
			if _, known := lookupAny(f.Key); !known && (len(strings.Fields(f.Key)) > 2 || resolvedSite(f.Key) != "") { // "The nose was treated first: one stage of …", "Nasal ala: superficial basal cell carcinoma, …"
				t := keyAndValue(f)
				cur = append(cur, prose.Line{Text: t.Text, Line: t.Pos.Line, Col: t.Pos.Column})
				continue
			}
			if len(cur) > 0 {
				pars, cur = append(pars, cur), nil
			}
			if proceduresKey(f.Key) && numberedList(f.Value.Text) {
				continue // "PROCEDURES: 1. Mohs …, right nasal ala, three stages, … 2. …": a summary of every tumor, where none opens
			}
			v := f.Value // "HISTORY: Three skin cancers, …"
			pars = append(pars, []prose.Line{{Text: v.Text, Line: v.Pos.Line, Col: v.Pos.Column}})
		}
		if len(cur) > 0 {
			pars, cur = append(pars, cur), nil
		}
	}
	if len(cur) > 0 {
		pars = append(pars, cur)
	}
	sentences := prose.Sentences(pars)
	first := slices.IndexFunc(sentences, func(sen []prose.Line) bool {
		// "The first stages at the nose, the crown and the back were two,
		// four and six blocks, respectively.": the stages of all, side by side
		return namesStage(sen) || namesStageNoun(sentenceText(sen)) && strings.Contains(asciiLower(sentenceText(sen)), "respectively")
	})
	if first < 1 || slices.ContainsFunc(sentences, func(sen []prose.Line) bool { return proseLesionNumber(sentenceText(sen)) > 1 }) {
		return nil // no stage, or the prose numbers its lesions ("Attention was then turned to the second site, …"), which opens them
	}
	// the sites the prose before the first stage names tumors at (the prose
	// reader leaves out the tumors of the past): its diagnoses' sites, and
	// the sites of the sentences that name a tumor ("The second, on the
	// right lateral knee, was a nodular basal cell carcinoma")
	intro := prose.Read(sentences[:first])
	var sites []string
	add := func(site string) {
		if regionWords[letters(site)] {
			return // "for melanoma in situ on the face": the region of a site named, no site of its own
		}
		if site != "" && !slices.ContainsFunc(sites, func(s string) bool {
			return sameSite(s, site) || sideless(s, site) || sideless(site, s) || !strings.Contains(site, " ") && siteWord(asciiLower(site), s) // "The alar BCC" after "a BCC on the R nasal ala"
		}) {
			sites = append(sites, site)
		}
	}
	for _, d := range intro.Diagnoses {
		add(d.Site)
	}
	for _, st := range specificSites(intro.Sites) {
		if slices.ContainsFunc(sentences[:first], func(sen []prose.Line) bool {
			return within(st.Span, sen) && slices.ContainsFunc(intro.Diagnoses, func(d prose.Diagnosis) bool { return within(d.Span, sen) })
		}) {
			add(st.Value)
		}
	}
	for _, sen := range laterOpenings(pars, sentences) {
		// "The right nasal tip: a well-differentiated squamous cell carcinoma,
		// …" or "Next, the right dorsal hand." opening a paragraph, also after
		// the first tumor's stages: a tumor the intro did not list
		if f := prose.Read([][]prose.Line{sen}); (len(f.Diagnoses) > 0 || len(sentenceWords(sentenceText(sen))) <= 6) && len(f.Stages) == 0 {
			if sites := specificSites(append(f.Sites, f.LaterSites...)); len(sites) == 1 {
				add(sites[0].Value)
			}
		}
	}
	if len(sites) < 2 {
		return nil
	}
	out := map[siteAt]siteParagraph{}
	var opened []int // the sites in the order their lesions open
	current := -1    // the site whose lesion the sentences are told of
	// an opening sentence may stand up to four sentences before its stage
	// (see window)
	for k := max(first-5, 0); k < len(sentences); k++ {
		sen := sentences[k]
		text := sentenceText(sen)
		// a sentence of the site alone ("First, the left temple.") may open
		// its tumor four sentences before its stage, any other two
		window := 3
		if len(sentenceWords(text)) <= 6 {
			window = 5
		}
		if k < first-3 && window == 3 {
			continue
		}
		named := sitesOpening(text, sites)
		if k := stagePhraseSite(text, sites); k >= 0 {
			named = []int{k} // "The flank was going to take most of the morning, so I did the small chin lesion first: stage 1 of the chin, two blocks, …"
			if w := asciiLower(firstWord(text)); k == current && (w == "while" || w == "as") {
				// "While the first stage of the nose was being processed, we
				// took the first stage of the right forearm as two blocks": the
				// main clause's stage, after the comma, when the clause before
				// it is of the tumor already open
				if _, main, ok := strings.Cut(text, ", "); ok {
					if m := stagePhraseSite(main, sites); m >= 0 {
						named = []int{m}
					}
				}
			}
		}
		stage := namesStage(sen) || k == first // the first may be the stages of all side by side, which prose reads as none
		if !stage && len(named) == 1 && !mentions(text, repairWords) && !slices.ContainsFunc(prose.Read([][]prose.Line{sen}).Diagnoses, func(d prose.Diagnosis) bool {
			return d.Site != "" && !sameSite(d.Site, sites[named[0]]) && !sideless(sites[named[0]], d.Site) // "The left cheek lentigo maligna measured …" names its own tumor; "Nasal ala: nodular …" the L nasal ala's
		}) {
			// "The cheek was addressed first. The first stage …", "The nose
			// was treated first. A Mohs map was drawn. The first stage …": a
			// sentence that names no tumor and no repair, then, within the
			// window's sentences that name no other site, a stage of no other site
			for j := k + 1; j < len(sentences) && j <= k+window && !slices.ContainsFunc(sitesOpening(sentenceText(sentences[j]), sites), func(o int) bool { return o != named[0] }); j++ {
				if namesStage(sentences[j]) {
					stage = true
					break
				}
			}
		}
		switch {
		case !stage:
			continue
		case k >= first && len(opened) == 0 && (len(named) > 1 || !namesStage(sen)) && namesEverySite(text, sites):
			// "The first stages at the nose, the crown and the back were two,
			// four and six blocks, respectively." after a list of the tumors:
			// each tumor opens where the list names it, and stageParts tells
			// the stages of the sentence apart (or makes them ambiguous)
			at := introSentences(sentences[:first], sites)
			if at == nil {
				return nil
			}
			for n, sen := range at {
				// each tumor of the list an item ("- nodular basal cell
				// carcinoma of the crown of the scalp, …") or a paragraph of
				// its own, which opens it
				start := slices.IndexFunc(sen, func(ln prose.Line) bool { return itemAt(pars, ln) })
				if start < 0 && len(laterOpenings(pars, [][]prose.Line{sen})) == 0 {
					return nil
				}
				ln := sen[max(start, 0)]
				out[siteAt{line: ln.Line, col: ln.Col}] = siteParagraph{n: n + 1, site: sites[n], col: ln.Col}
				opened = append(opened, n)
			}
			continue
		case len(named) > 1 && (!tellsStage(sen) || countsOnly(sen)):
			continue // "After the first layer on the nose was taken, we took the first layer on the hand.": the order, no stage's facts; "The lip took two stages and the nose one.": a summary
		case len(named) > 1:
			return nil
		case len(named) == 0:
			if len(opened) == 0 {
				return nil // the first stage names no site: whose it is cannot be told
			}
			continue
		}
		i := named[0]
		switch at := slices.Index(opened, i); {
		case at >= 0 && i == current:
		case at >= 0:
			if !namesStageNoun(text) {
				// "The temple slides came back about twenty minutes later.
				// Nodular basal cell carcinoma … at the deep margin of block 2":
				// back to a site already left, whose sentences follow
				out[siteAt{line: sen[0].Line, col: sen[0].Col}] = siteParagraph{n: at + 1, site: sites[i], col: sen[0].Col}
				current = i
				continue
			}
			// "At the left dorsal foot, stage 2 was one block …" after the
			// great toe's first stage: the lesion is open; stageParts gives
			// the sentence's stage to the lesion it names
		default:
			opened = append(opened, i)
			current = i
			out[siteAt{line: sen[0].Line, col: sen[0].Col}] = siteParagraph{n: len(opened), site: sites[i], col: sen[0].Col}
		}
	}
	if len(opened) != len(sites) {
		return nil
	}
	return out
}

// itemAt reports whether a sentence's line ln starts a list item's line of
// pars.
func itemAt(pars [][]prose.Line, ln prose.Line) bool {
	return slices.ContainsFunc(pars, func(par []prose.Line) bool {
		return slices.ContainsFunc(par, func(p prose.Line) bool { return p.Item && p.Line == ln.Line && p.Col == ln.Col })
	})
}

// namesEverySite reports whether text names each of sites by one of its
// words.
func namesEverySite(text string, sites []string) bool {
	words := sentenceWords(text)
	return !slices.ContainsFunc(sites, func(site string) bool {
		return !slices.ContainsFunc(words, func(w sentenceWord) bool { return siteWord(w.text, site) })
	})
}

// introSentences are the sentences, one a site in the order of sites, that
// name each site's tumor before the first stage (a list of the day's
// tumors, an item or a sentence each); nil unless each site has one of its
// own and they come in that order.
func introSentences(intro [][]prose.Line, sites []string) [][]prose.Line {
	out := make([][]prose.Line, 0, len(sites))
	from := 0
	for _, site := range sites {
		k := from
		for ; k < len(intro); k++ {
			f := prose.Read([][]prose.Line{intro[k]})
			if len(f.Diagnoses) == 1 && (sameSite(f.Diagnoses[0].Site, site) || sideless(site, f.Diagnoses[0].Site)) {
				break
			}
		}
		if k == len(intro) {
			return nil
		}
		out = append(out, intro[k])
		from = k + 1
	}
	return out
}

// stagePhrase finds a stage named with its site: "stage 1 of the chin",
// "the first layer at the left temple", "we took the first stage of the
// back".
var stagePhrase = regexp.MustCompile(`(?i)\b(?:(?:stage|layer)\s+(?:\d+|i{1,3}|one|two|three)|(?:first|second|third|1st|2nd|3rd)\s+(?:stage|layer))\s+(?:of|at|on)\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+){0,3})`)

// stagePhraseSite is the one site of sites that a sentence's first stage
// phrase names ("stage 1 of the chin"), or -1.
func stagePhraseSite(text string, sites []string) int {
	m := stagePhrase.FindStringSubmatch(text)
	if m == nil {
		return -1
	}

	found := -1
	for i, site := range sites {
		if slices.ContainsFunc(sentenceWords(m[1]), func(w sentenceWord) bool { return siteWord(w.text, site) }) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// laterOpenings are those of sentences that open a paragraph of pars.
func laterOpenings(pars [][]prose.Line, sentences [][]prose.Line) [][]prose.Line {
	var out [][]prose.Line
	for _, sen := range sentences {
		if len(sen) > 0 && slices.ContainsFunc(pars, func(par []prose.Line) bool {
			return par[0].Line == sen[0].Line && par[0].Col == sen[0].Col
		}) {
			out = append(out, sen)
		}
	}
	return out
}

// sideless reports whether site b repeats site a in fewer words, without
// its side ("ala" after "right nasal ala", "hand" after "left dorsal
// hand"): one site named twice.
func sideless(a, b string) bool {
	wb := strings.Fields(asciiLower(b))
	return !slices.Contains(wb, "left") && !slices.Contains(wb, "right") && fewerWords(a, b)
}

// fewerWords reports whether site b repeats site a in fewer of its words
// ("left thigh" after "left lateral thigh").
func fewerWords(a, b string) bool {
	wa, wb := strings.Fields(asciiLower(a)), strings.Fields(asciiLower(b))
	if len(wb) == 0 || len(wb) >= len(wa) {
		return false
	}
	for _, w := range wb {
		if !slices.Contains(wa, w) {
			return false
		}
	}
	return true
}

// severalWords are the words a note uses before its stages when it treats
// several tumors: "two tumors", "both sites", "The second is …".
var severalWords = []string{"two", "three", "four", "both", "second", "sites", "tumors", "lesions", "cancers", "carcinomas"}

// proceduresKey reports whether a key heads the procedures done: "PROCEDURES",
// "Procedure performed".
func proceduresKey(key string) bool {
	k := letters(key)
	return k == "procedures" || k == "procedure" || k == "proceduresperformed" || k == "procedureperformed"
}

// numberedList reports whether text lists its items by number on one line:
// "1. Mohs micrographic surgery, … 2. Mohs …", "(1) … (2) …".
func numberedList(text string) bool {
	t := strings.TrimSpace(text)
	return (strings.HasPrefix(t, "1. ") && strings.Contains(t, " 2. ")) || (strings.HasPrefix(t, "(1) ") && strings.Contains(t, " (2) "))
}

// severalBeforeStages reports whether the words before a note's first
// stage word hold one of severalWords: a cheap test that spares the prose
// reader the notes of one tumor.
func severalBeforeStages(lines []*grammar.Line) bool {
	var kinds [3]bool // tumors of two kinds: "a melanoma in situ … of the left cheek … and a nodular basal cell carcinoma of the right upper arm"
	for _, line := range lines {
		if line.Item == nil {
			continue
		}
		var text string
		switch it := line.Item; {
		case it.Text != nil:
			text = it.Text.Text
		case len(it.Fields) > 0 && it.Fields[0].Value != nil:
			text = it.Fields[0].Key + " " + it.Fields[0].Value.Text
		}
		for at := 0; at < len(text); {
			for at < len(text) && !isLetterByte(text[at]) && !isDigitByte(text[at]) {
				at++
			}
			end := at
			for end < len(text) && (isLetterByte(text[end]) || isDigitByte(text[end])) {
				end++
			}
			w := text[at:end]
			switch {
			case strings.EqualFold(w, "stage") || strings.EqualFold(w, "stages"):
				return false
			case slices.ContainsFunc(severalWords, func(s string) bool { return strings.EqualFold(s, w) }):
				return true
			case w == "2" && end < len(text) && (text[end] == ')' || text[end] == '.' && (end+1 == len(text) || text[end+1] == ' ')):
				return true // "… 2. Squamous cell carcinoma in situ, right lateral neck", "(2) …"
			case strings.EqualFold(w, "basal") || strings.EqualFold(w, "bcc"):
				kinds[0] = true
			case strings.EqualFold(w, "squamous") || strings.EqualFold(w, "scc") || strings.EqualFold(w, "sccis"):
				kinds[1] = true
			case strings.EqualFold(w, "melanoma"):
				kinds[2] = true
			}
			if n := btoi(kinds[0]) + btoi(kinds[1]) + btoi(kinds[2]); n >= 2 {
				return true
			}
			at = end
		}
	}
	return false
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// namesStage reports whether a sentence tells of a Mohs stage it names by
// the word ("The first stage was divided into three blocks"), not only
// names one ("A Mohs map was drawn for every stage").
func namesStage(sen []prose.Line) bool {
	if !namesStageNoun(sentenceText(sen)) {
		return false
	}
	f := prose.Read([][]prose.Line{sen})
	return len(f.Stages) > 0 || len(f.StageCount) > 0
}

// stageNouns are the words a dictation calls a stage by: "The first nose
// layer was processed as three pieces", "The first pass on the ala, two
// sections, …".
var stageNouns = []string{"stage", "stages", "layer", "layers", "pass", "passes"}

// namesStageNoun reports whether text holds one of stageNouns as a word
// ("passed" is none).
func namesStageNoun(text string) bool {
	if !containsFold(text, "stage") && !containsFold(text, "layer") && !containsFold(text, "pass") {
		return false // the cheap test first: most text names none
	}
	return slices.ContainsFunc(sentenceWords(text), func(w sentenceWord) bool { return slices.Contains(stageNouns, w.text) })
}

// openingWords is how many words a sentence may name its site in before
// its stage: "Meanwhile the back's first stage was …".
const openingWords = 8

// sitesOpening are the indexes of the sites that a sentence's first words
// name, by one of their anatomic words ("cheek" for the left medial cheek)
// or a word of the same site or region ("alar" for the right nasal ala,
// "nose" for the nasal dorsum).
func sitesOpening(text string, sites []string) []int {
	words := sentenceWords(text)
	named := openingSites(words, 0, openingWords, sites)
	if lead, _, ok := strings.Cut(text, ", "); ok && len(named) == 0 && (asideLead(lead) || strings.EqualFold(firstWord(lead), "because")) {
		// "Because the MART-1 run takes longer, we took Stage 1 at the left
		// upper back …": the main clause after the aside names the site
		from := 0
		for from < len(words) && words[from].at < len(lead) {
			from++
		}
		named = openingSites(words, from, openingWords+2, sites)
	}
	return named
}

// openingSites are the indexes of the sites that the window of words from
// word from names, after a turn to a site ("Attention was then turned to
// the right dorsal forearm.") when the window holds one.
func openingSites(words []sentenceWord, from, window int, sites []string) []int {
	for k := from + 1; k+1 < len(words) && k < from+openingWords; k++ {
		if (words[k].text == "turned" || words[k].text == "moved") && words[k+1].text == "to" {
			from = k + 2 // "Attention was then turned to the right dorsal forearm."
		}
	}
	words = words[from:]
	if len(words) > window {
		words = words[:window]
	}
	var named []int
	for i, site := range sites {
		if slices.ContainsFunc(words, func(w sentenceWord) bool { return siteWord(w.text, site) }) {
			named = append(named, i)
		}
	}
	return named
}

// siteLabel is the label of "A, right jawline" when the site after the
// comma names that label's lesion (the key of "A, right jawline:
// intermediate layered closure …, 2.2 cm" under a repairs heading), else
// key as it is.
func (l *lowerer) siteLabel(key string) string {
	label, site, ok := strings.Cut(key, ", ")
	if !ok || !grammar.IsLabel(label) || resolvedSite(site) == "" {
		return key
	}
	les := l.labelled(label)
	if les < 0 || !slices.ContainsFunc(sentenceWords(site), func(w sentenceWord) bool { return siteWord(w.text, siteWords(l.out.Lesions[les])) }) {
		return key // a site of another lesion: not routed by its label
	}
	return label
}

// shortSiteWords are the words of fewer than four letters that name a
// site's region alone: "Next, the ear." for the left helix.
var shortSiteWords = []string{"ear", "arm", "leg", "lip", "toe", "jaw", "hip"}

// siteWord reports whether a word names a site: one of its anatomic words
// or an adjective made from it (siteNoun), a word that resolves alone to
// the site's anatomic term or to its region ("alar", "nose"), or "face" for
// a site of the face's repair group (mentionsOf names no lesion by it when
// two are on the face).
func siteWord(word, site string) bool {
	if siteNoun(word, site) {
		return true
	}
	if word == "face" {
		// "We took the first layer at the face" of the right nasal
		// sidewall beside a tumor of the back: the face's repair group
		s, ok := anatomy.Resolve(site)
		return ok && s.Groups.Simple == anatomy.GroupFace
	}
	if len(word) < 4 && !slices.Contains(shortSiteWords, word) || slices.Contains(siteModifiers, word) {
		return false
	}
	w, ok := anatomy.Resolve(word)
	if !ok || len(w.Terms) != 1 {
		return false // most words: the site is not resolved
	}
	s, ok := anatomy.Resolve(site)
	if !ok || len(s.Terms) == 0 {
		return false
	}
	return w.Terms[0].Name == s.Terms[0].Name || w.Terms[0].Name == s.Groups.ICD
}

// unparenthesized is a value a typed form writes in parentheses, each part
// in its own ("(06/05/2026)", "(3 blks) (blk 1 pos - periph; blks 2, 3
// neg)"), without them, its parts joined by semicolons; any other value as
// it is.
func unparenthesized(v *grammar.Value) *grammar.Value {
	if v == nil || !strings.HasPrefix(v.Text, "(") || !strings.HasSuffix(strings.TrimSpace(v.Text), ")") {
		return v
	}
	var parts []string
	depth, from := 0, 0
	for i, c := range v.Text {
		switch {
		case c == '(':
			if depth == 0 {
				if strings.TrimSpace(v.Text[from:i]) != "" {
					return v // "(Mohs surgeon) read by me": words outside the parentheses
				}
				from = i + 1
			}
			depth++
		case c == ')':
			if depth--; depth < 0 {
				return v
			}
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(v.Text[from:i]))
				from = i + 1
			}
		}
	}
	if depth != 0 || strings.TrimSpace(v.Text[from:]) != "" {
		return v
	}
	return &grammar.Value{Pos: shift(v.Pos, "("), Text: strings.Join(parts, "; ")}
}

// dashedStageKey reads "Stage 1 - Blocks" of "Stage 1 - Blocks: 4 (A-D) -
// Margins: A+ B- C- D-": the stage, then a stage key.
var dashedStageKey = regexp.MustCompile(`^(.+?)\s+[-–—]\s+(.+)$`)

// dashedKeyValue is a " - Key:" inside such a value: the next item.
var dashedKeyValue = regexp.MustCompile(`\s+[-–—]\s+([A-Za-z][A-Za-z ]{1,20}):`)

// dashedStageFields reads a stage line whose items are set apart by dashes,
// each with its key ("Stage 1 - Blocks: 4 (A-D) - Margins: A+ B- C- D-"), as
// the stage field "Stage 1: Blocks: 4 (A-D); Margins: A+ B- C- D-".
func dashedStageFields(fields []*grammar.Field) []*grammar.Field {
	if len(fields) != 1 || fields[0].Value == nil {
		return fields
	}
	f := fields[0]
	if !strings.ContainsAny(f.Key, "-–—") {
		return fields // most keys: no regexp run
	}
	m := dashedStageKey.FindStringSubmatch(f.Key)
	if m == nil {
		return fields
	}
	if _, tail, isStage := splitStage(m[1]); !isStage || tail != "" {
		return fields
	}
	if _, ok := lookup(secStage, m[2]); !ok {
		return fields
	}
	value := dashedKeyValue.ReplaceAllString(f.Value.Text, "; $1:")
	join := ": "
	if c := m[2][0]; c >= '0' && c <= '9' {
		join = "; " // "Stage I - 3 blks: blk 2 + (radial)": the count, then the items
	}
	return []*grammar.Field{{Pos: f.Pos, Key: m[1], Value: &grammar.Value{Pos: shift(f.Pos, f.Key[:len(f.Key)-len(m[2])]), Text: m[2] + join + value}}}
}

// biopsiedOnly reports whether a note's one lesion, which no label
// opened, is only the site of one of its biopsies ("evaluation of a new
// lesion of the left preauricular skin and possible same-day Mohs surgery"
// over "Biopsy 1: tangential biopsy, left preauricular", the Mohs surgery
// put off): no diagnosis, stage or repair of its own.
func (l *lowerer) biopsiedOnly(les *model.Lesion) bool {
	if les.Line != 0 || les.Diagnosis.Present() || len(les.Stages) > 0 || len(les.Repairs) > 0 || !les.Site.Text.Present() {
		return false
	}
	site, ok := anatomy.Resolve(les.Site.Text.Value)
	return ok && slices.ContainsFunc(l.out.Biopsies, func(b model.Biopsy) bool {
		text := b.Site.Text.Value
		if text == "" {
			text = b.Value.Value
		}
		o, ok := anatomy.Resolve(text)
		return ok && o.Terms[0].Name == site.Terms[0].Name && o.Laterality == site.Laterality
	})
}

// hashedPart is the part of a stage field's value that names one lesion by
// its number after a hash.
type hashedPart struct {
	lesion int
	value  *grammar.Value
}

// hashedParts cuts the value of a stage's fact in a note of several
// lesions into the parts that open with a lesion's number after a hash
// ("S1 histo: #1 nod BCC mid dermis, PNI-; #2 WD SCC deep dermis, PNI-;
// #3 …"): nil unless every part opens so, each with another lesion.
func (l *lowerer) hashedParts(f *grammar.Field) []hashedPart {
	if f.Value == nil || len(l.out.Lesions) < 2 || !strings.HasPrefix(strings.TrimSpace(f.Value.Text), "#") {
		return nil // the cheap tests first
	}
	if _, tail, ok := splitStage(f.Key); !ok || tail == "" {
		return nil
	}
	var parts []hashedPart
	from := 0
	text := f.Value.Text
	for from <= len(text) {
		to := strings.IndexByte(text[from:], ';')
		if to < 0 {
			to = len(text)
		} else {
			to += from
		}
		part := strings.TrimSpace(text[from:to])
		word, _, _ := strings.Cut(part, " ")
		n := hashNumber(word)
		if n <= 0 || n > len(l.out.Lesions) || slices.ContainsFunc(parts, func(p hashedPart) bool { return p.lesion == n-1 }) {
			return nil
		}
		at := from + strings.Index(text[from:to], word) + len(word)
		v := trimmedValue(f.Value, at, to)
		if v == nil {
			return nil
		}
		parts = append(parts, hashedPart{lesion: n - 1, value: v})
		from = to + 1
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}
