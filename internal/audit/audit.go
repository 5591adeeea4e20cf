package audit

import (
	"io"
	"os"
	"path/filepath"
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
	// Profile, when set, is the payer profile of every note; otherwise a
	// record's payer, else the note's Payer field, picks it.
	Profile *codetable.Profile
	// Limits bound each note; the zero value means engine.DefaultLimits.
	Limits engine.Limits
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
	Findings []Finding `json:"audit_findings"`
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
	Family string `json:"family"`
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

// Finding is one named audit finding, on a billed line.
type Finding struct {
	Rule     string        `json:"rule"`
	Severity diag.Severity `json:"severity"`
	// Note is the note's record id.
	Note   string `json:"note"`
	Code   string `json:"code"`
	Lesion string `json:"lesion,omitempty"`
	// ClaimsLine is the line of the claims file the billed line is on.
	ClaimsLine int `json:"claims_line"`
	// Evidence are the note lines that show what the note supports.
	Evidence []int  `json:"evidence"`
	Message  string `json:"message"`
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

// pending is a record on its way through batch.Run: its text is kept until
// its result comes back, in the same order, so the model can be read again
// for the facts.
type pending struct {
	text string
	file bool
}

// fifo is a queue of pending records, pushed by batch.Run's reader and
// popped by its writer.
type fifo struct {
	mu    sync.Mutex
	items []pending
}

func (q *fifo) push(p pending) {
	q.mu.Lock()
	q.items = append(q.items, p)
	q.mu.Unlock()
}

func (q *fifo) pop() pending {
	q.mu.Lock()
	defer q.mu.Unlock()
	p := q.items[0]
	q.items[0] = pending{}
	q.items = q.items[1:]
	return p
}

// codeNotes codes every note of inputs with batch.Run, which hands back
// one result per record in input order.
func codeNotes(inputs []string, stdin io.Reader, opt Options) []coded {
	limits := opt.Limits
	if limits == (engine.Limits{}) {
		limits = engine.DefaultLimits
	}
	var q fifo
	read := func(emit func(batch.Record) bool) {
		for _, in := range inputs {
			file := isFileInput(in)
			more := true
			batch.ReadWithin([]string{in}, stdin, limits, func(rec batch.Record) bool {
				q.push(pending{text: rec.Text, file: file})
				more = emit(rec)
				return more
			})
			if !more {
				return
			}
		}
	}
	var out []coded
	// the write func below never fails, so neither does batch.Run
	_ = batch.Run(read, batch.Options{Jobs: opt.Jobs, Coding: coding.Options{Profile: opt.Profile}, Limits: limits}, func(r batch.Result) error {
		p := q.pop()
		c := coded{id: r.ID, file: p.file, claim: r.Claim, err: r.Err}
		if r.Err == nil {
			if n, err := engine.ModelWithin(r.ID, p.text, limits); err == nil {
				c.facts = factsOf(n, r.Claim)
			}
		}
		out = append(out, c)
		return nil
	})
	return out
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
	note := Note{ID: n.id, Lines: []LineAudit{}, Findings: []Finding{}, Documentation: []diag.Finding{}}
	if n.err != nil {
		note.Status = NoteNotCoded
		note.Problem = n.err.Error()
		for i := range billed {
			b := billed[i]
			note.Lines = append(note.Lines, LineAudit{Status: NotAudited, Code: b.Code, Family: FamilyOf(b.Code).Name, Lesion: b.Lesion,
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
	if opt.Profile != nil {
		ctx.profile = *opt.Profile
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
