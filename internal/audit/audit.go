package audit

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/model"
)

// Options sets how an audit runs.
type Options struct {
	// Jobs is the number of notes coded at once; 0 means one per CPU.
	Jobs int
	// Engine codes the notes: its payer profile, when it has one, is every
	// note's (otherwise a record's payer, else the note's Payer field, picks
	// it), and its CMS tables and limits apply. Nil is the engine of the
	// zero engine.Options.
	Engine *engine.Engine
	// Skipped, when not nil, hears of every file of a directory input that
	// is not read because it is not a note file (batch.Source.Skipped). It
	// is called from the goroutine that reads the inputs.
	Skipped func(path, reason string)
}

// Report is the outcome of an audit: every note read, in input order, with
// its billed lines against the engine's, the claim ids that name no note,
// and the summary.
type Report struct {
	// Claims is the claims file's name.
	Claims string `json:"claims"`
	// Notes are the notes read, in input order.
	Notes []Note `json:"notes"`
	// UnmatchedClaims are the claim ids that name no note, or more than one.
	UnmatchedClaims []UnmatchedClaim `json:"unmatched_claims"`
	// Summary is counted over the notes audited.
	Summary Summary `json:"summary"`
}

// NoteStatus says what the audit could do with a note.
type NoteStatus string

// Note statuses.
const (
	// NoteAudited: the note was coded and the claims file bills it.
	NoteAudited NoteStatus = "audited"
	// NoteNoClaims: the note was coded but no claim id names it.
	NoteNoClaims NoteStatus = "no-claims"
	// NoteNotCoded: the note could not be read or parsed; its billed lines,
	// if any, are listed as not audited.
	NoteNotCoded NoteStatus = "not-coded"
)

// Note is the audit of one note.
type Note struct {
	// ID is the note's record id: its path, NDJSON id or DocumentReference id.
	ID string `json:"id"`
	// ClaimIDs are the claims file's ids matched to the note.
	ClaimIDs []string   `json:"claim_ids"`
	Status   NoteStatus `json:"status"`
	// Payer is the payer profile the note was coded under.
	Payer string `json:"payer_profile,omitempty"`
	// Problem says why a note is not audited: no claim id names it, or why
	// it could not be coded (a parse error's message may quote the note: it
	// is output for the user, never logged).
	Problem string `json:"problem,omitempty"`
	// Lines are the engine's lines against the billed lines: the engine's in
	// claim order (paired or missing), then the billed lines it does not
	// pair (extra or not audited) in file order.
	Lines []LineAudit `json:"lines"`
	// Findings are the named audit findings on the billed lines.
	Findings []diag.Finding `json:"audit_findings"` // each about the claims-file line it names
	// Documentation are the engine's documentation findings on the note.
	Documentation []diag.Finding `json:"documentation_findings"`
}

// Status says how a billed line and the engine's line compare.
type Status string

// Line statuses.
const (
	// Matched: same code and lesion, same units and modifiers.
	Matched Status = "matched"
	// Differs: same code and lesion, but the units or the modifiers differ.
	Differs Status = "differs"
	// Missing: the engine codes the line and it was not billed (under-coded).
	Missing Status = "missing"
	// Extra: billed, but the note does not support it (over-coded, or a
	// different code than the note supports).
	Extra Status = "extra"
	// NotAudited: billed with a code of a family the engine does not code,
	// or for a note that could not be coded.
	NotAudited Status = "not-audited"
)

// LineAudit is one row of a note's audit: an engine line and the billed
// line paired with it, or either alone.
type LineAudit struct {
	Status Status `json:"status"`
	Code   string `json:"code"`
	Family Family `json:"family"`
	// Lesion is the engine line's lesion, else the billed one.
	Lesion string `json:"lesion"`
	// UnitsDiffer and ModifiersDiffer say what differs for Differs.
	UnitsDiffer     bool `json:"units_differ,omitempty"`
	ModifiersDiffer bool `json:"modifiers_differ,omitempty"`
	// Engine is the engine's line, nil for Extra and NotAudited.
	Engine *coding.Line `json:"engine"`
	// Billed is the billed line, nil for Missing.
	Billed *Billed `json:"billed"`
	// Findings are the ids of the audit findings raised on the billed line.
	Findings []string `json:"audit_findings"`
	// Why explains the status: the engine line's reason, or why the note
	// does not support the billed line.
	Why string `json:"why"`
	// Evidence are the note lines behind Why.
	Evidence []int `json:"evidence"`
}

// Label names the status for people: "matched", "units differ",
// "modifiers differ", "units and modifiers differ", "missing", "extra",
// "not audited".
func (l LineAudit) Label() string {
	switch {
	case l.Status == Differs && l.UnitsDiffer && l.ModifiersDiffer:
		return "units and modifiers differ"
	case l.Status == Differs && l.UnitsDiffer:
		return "units differ"
	case l.Status == Differs:
		return "modifiers differ"
	case l.Status == NotAudited:
		return "not audited"
	}
	return string(l.Status)
}

// UnmatchedClaim is a claim id of the claims file that names no note, or
// more than one.
type UnmatchedClaim struct {
	ID string `json:"id"`
	// Lines are the claims file lines with that id.
	Lines  []int  `json:"claims_lines"`
	Reason string `json:"reason"`
}

// Run codes the notes of inputs (note files, directories, NDJSON and FHIR
// DocumentReference NDJSON, "-" for standard input, as batch.ReadWithin
// takes them) in parallel and audits the claims against them.
//
// A claim id names a note when it equals the note's record id, else the
// base name of a note file ("nose.txt"), else its stem ("nose"); an id that
// names two notes is reported as unmatched. Within a note, billed lines are
// paired with the engine's by code: first by the same lesion, then by
// overlapping lesions (a repair summed over lesions "1,2" billed for "1"),
// then billed lines without a lesion (or with a label the note does not
// have) in order, preferring a line with the same units and modifiers.
// Lesion labels compare without case, a "Lesion" prefix or "#".
func Run(inputs []string, stdin io.Reader, claims *Claims, opt Options) *Report {
	if opt.Engine == nil {
		opt.Engine, _ = engine.New(engine.Options{}) // the zero options are valid
	}
	return audit(codeNotes(inputs, stdin, opt), claims, opt)
}

// coded is one note as coded, with what the audit needs of its model.
type coded struct {
	id    string
	file  bool // read from a note file: its base name and stem name it too
	claim coding.Claim
	err   error
	facts facts
}

// facts are what the audit needs of a note beyond its claim lines.
type facts struct {
	lesions []lesionFacts
	// biopsies are the labels of the Biopsy sections, as the engine writes
	// them on lines ("biopsy 1").
	biopsies []string
	// pathologist is the note line of a pathology-not-surgeon finding, 0
	// when the surgeon read the slides (or the note does not say).
	pathologist int
}

type lesionFacts struct {
	label      string // normalised
	blocks     []int  // per stage, 0 when not given
	stageLines []int
	stains     []stainFact
}

type stainFact struct {
	name string
	kind codetable.StainKind
	line int
}

// codeNotes reads the records of inputs and codes them, opt.Jobs at a
// time, parsing each note once for its claim and its facts. Only the
// records being coded are held in memory; the results come back in input
// order.
func codeNotes(inputs []string, stdin io.Reader, opt Options) []coded {
	eng := opt.Engine
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i    int
		rec  batch.Record
		file bool
	}
	var (
		mu  sync.Mutex
		out []coded
		wg  sync.WaitGroup
	)
	work := make(chan job)
	for range jobs {
		wg.Go(func() {
			for j := range work {
				c := codeRecord(eng, j.rec)
				c.file = j.file
				mu.Lock()
				out[j.i] = c
				mu.Unlock()
			}
		})
	}
	n := 0
	for _, in := range inputs {
		file := isFileInput(in)
		src := batch.Source{Inputs: []string{in}, Stdin: stdin, Limits: eng.Limits(), Skipped: opt.Skipped}
		src.Read(func(rec batch.Record) bool {
			mu.Lock()
			out = append(out, coded{})
			mu.Unlock()
			work <- job{n, rec, file}
			n++
			return true
		})
	}
	close(work)
	wg.Wait()
	return out
}

// codeRecord codes one record; a bug in the engine costs the record, not
// the audit.
func codeRecord(eng *engine.Engine, rec batch.Record) (c coded) {
	c.id = rec.ID
	defer engine.Recover(rec.ID, &c.err)
	if rec.Err != nil {
		c.err = rec.Err
		return c
	}
	n, claim, err := eng.Analyze(engine.Request{Name: rec.ID, Text: rec.Text, Payer: rec.Payer})
	if err != nil {
		c.err = err
		return c
	}
	c.claim, c.facts = claim, factsOf(n, claim)
	return c
}

// isFileInput reports whether an input yields note files (named by path)
// rather than records with their own ids.
func isFileInput(in string) bool {
	if in == "-" {
		return false
	}
	info, err := os.Stat(in)
	if err == nil && info.IsDir() {
		return true
	}
	ext := strings.ToLower(filepath.Ext(in))
	return ext != ".ndjson" && ext != ".jsonl"
}

func factsOf(n *model.Note, claim coding.Claim) facts {
	var f facts
	for _, les := range n.Lesions {
		lf := lesionFacts{label: normLabel(les.Label)}
		for _, st := range les.Stages {
			lf.blocks = append(lf.blocks, st.Blocks.N)
			lf.stageLines = append(lf.stageLines, st.Line)
			for _, s := range st.Stains {
				lf.stains = append(lf.stains, stainFact{name: s.Name, kind: codetable.ClassifyStain(s.Name), line: s.Line})
			}
		}
		f.lesions = append(f.lesions, lf)
	}
	for _, b := range n.Biopsies {
		f.biopsies = append(f.biopsies, normLabel("biopsy "+b.Label))
	}
	for _, fd := range claim.Findings {
		if fd.Rule == coding.PathologyNotSurgeon.ID {
			f.pathologist = fd.Line
		}
	}
	return f
}

// audit matches the claim ids to the notes and audits each note.
func audit(notes []coded, claims *Claims, opt Options) *Report {
	r := &Report{Claims: claims.File, Notes: []Note{}, UnmatchedClaims: []UnmatchedClaim{}}
	byID, byBase, byStem := map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i, n := range notes {
		byID[n.id] = append(byID[n.id], i)
		if n.file {
			base := filepath.Base(n.id)
			byBase[base] = append(byBase[base], i)
			stem := strings.TrimSuffix(base, filepath.Ext(base))
			byStem[stem] = append(byStem[stem], i)
		}
	}
	// claim ids in file order, with their lines
	var ids []string
	linesOf := map[string][]Billed{}
	for _, b := range claims.Lines {
		if _, seen := linesOf[b.NoteID]; !seen {
			ids = append(ids, b.NoteID)
		}
		linesOf[b.NoteID] = append(linesOf[b.NoteID], b)
	}
	billed := make([][]Billed, len(notes))
	claimIDs := make([][]string, len(notes))
	ambiguous := make([][]string, len(notes))
	for _, id := range ids {
		match := byID[id]
		if len(match) == 0 {
			match = byBase[id]
		}
		if len(match) == 0 {
			match = byStem[id]
		}
		switch len(match) {
		case 1:
			i := match[0]
			billed[i] = append(billed[i], linesOf[id]...)
			claimIDs[i] = append(claimIDs[i], id)
			continue
		case 0:
			r.UnmatchedClaims = append(r.UnmatchedClaims, UnmatchedClaim{ID: id, Lines: claimsLines(linesOf[id]), Reason: "no note has this id"})
			continue
		}
		var names []string
		for _, i := range match {
			names = append(names, notes[i].id)
			ambiguous[i] = append(ambiguous[i], id)
		}
		r.UnmatchedClaims = append(r.UnmatchedClaims, UnmatchedClaim{ID: id, Lines: claimsLines(linesOf[id]),
			Reason: "the id names " + itoa(len(match)) + " notes (" + strings.Join(names, ", ") + "): give each note a distinct id, or use its path"})
	}
	for i, n := range notes {
		b := billed[i]
		slices.SortStableFunc(b, func(x, y Billed) int { return x.Line - y.Line })
		note := auditNote(n, b, opt)
		note.ClaimIDs = append([]string{}, claimIDs[i]...)
		if note.Status == NoteNoClaims && len(ambiguous[i]) > 0 {
			note.Problem = "the claim id " + strings.Join(quoteAll(ambiguous[i]), ", ") + " names more than this note"
		}
		r.Notes = append(r.Notes, note)
	}
	r.Summary = summarize(r)
	return r
}

func claimsLines(bs []Billed) []int {
	out := make([]int, len(bs))
	for i, b := range bs {
		out[i] = b.Line
	}
	return out
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}

// auditNote audits one note's billed lines.
func auditNote(n coded, billed []Billed, opt Options) Note {
	note := Note{ID: n.id, Lines: []LineAudit{}, Findings: []diag.Finding{}, Documentation: []diag.Finding{}}
	if n.err != nil {
		note.Status = NoteNotCoded
		note.Problem = n.err.Error()
		for i := range billed {
			b := billed[i]
			note.Lines = append(note.Lines, LineAudit{Status: NotAudited, Code: b.Code, Family: FamilyOf(b.Code), Lesion: b.Lesion,
				Billed: &b, Findings: []string{}, Why: "the note could not be coded", Evidence: []int{}})
		}
		return note
	}
	note.Payer = n.claim.Encounter.PayerProfile
	note.Documentation = append(note.Documentation, n.claim.Findings...)
	if len(billed) == 0 {
		note.Status = NoteNoClaims
		note.Problem = "no line of the claims file names this note"
		if len(n.claim.Lines) > 0 {
			var lines []string
			for _, l := range n.claim.Lines {
				lines = append(lines, l.Code+" "+unitsText(l.Units, l.Modifiers))
			}
			note.Problem += "; the engine suggests " + strings.Join(lines, ", ")
		}
		return note
	}
	note.Status = NoteAudited
	ctx := newNoteContext(n, opt)
	note.Lines = ctx.match(billed)
	note.Findings = ctx.findings(note.Lines)
	return note
}

// newNoteContext gathers what matching and the findings need of a note.
func newNoteContext(n coded, opt Options) *noteContext {
	ctx := &noteContext{id: n.id, claim: n.claim, facts: n.facts, known: map[string]bool{}}
	if p := opt.Engine.Profile(); p != nil {
		ctx.profile = *p
	} else {
		ctx.profile, _ = codetable.BuiltinProfile(n.claim.Encounter.PayerProfile)
	}
	for _, l := range n.claim.Lines {
		for _, lab := range labelSet(l.Lesion) {
			ctx.known[lab] = true
		}
	}
	for _, les := range n.facts.lesions {
		ctx.known[les.label] = true
	}
	for _, b := range n.facts.biopsies {
		ctx.known[b] = true
	}
	return ctx
}

// noteContext is one note being audited.
type noteContext struct {
	id      string
	claim   coding.Claim
	facts   facts
	profile codetable.Profile
	// known are the note's lesion labels, normalised.
	known map[string]bool
}
