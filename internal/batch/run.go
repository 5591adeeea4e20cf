package batch

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/engine"
)

// Result is the outcome of one record: a claim, or an error (a
// *diag.ParseError for a note that cannot be parsed, or the record's read
// error).
type Result struct {
	ID    string
	Claim coding.Claim
	Err   error
}

// codeNote codes one note; tests replace it to check that a panic stays
// within its record.
var codeNote = engine.CodeWithin

// MaxJobs bounds the notes coded at once.
const MaxJobs = 256

// Options sets how a batch runs.
type Options struct {
	// Jobs is the number of notes coded at once; 0 means one per CPU.
	Jobs int
	// Coding applies to every note. A record's own payer is used when
	// Coding.Profile is nil.
	Coding coding.Options
	// MUE and PTP are the CMS edit tables to check against; nil when not
	// given (the output then says "not checked").
	MUE *edits.MUETable
	PTP *edits.PTPTable
	// Limits bound each note; the zero value means engine.DefaultLimits.
	Limits engine.Limits
}

// Run codes every record that read produces, jobs at a time, and passes
// the results to write in input order. At most a few records per worker
// are in flight, so memory does not grow with the input. It stops at the
// first error write returns.
func Run(read func(emit func(Record) bool), opt Options, write func(Result) error) error {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, MaxJobs)
	type job struct {
		rec Record
		out chan Result
	}
	queue := make(chan chan Result, 2*jobs) // results in input order
	work := make(chan job)
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		defer close(work)
		read(func(rec Record) bool {
			out := make(chan Result, 1)
			select {
			case queue <- out:
			case <-stop:
				return false
			}
			select {
			case work <- job{rec, out}:
				return true
			case <-stop:
				return false
			}
		})
	}()
	for range jobs {
		go func() {
			for j := range work {
				j.out <- code(j.rec, opt)
			}
		}()
	}
	for out := range queue {
		if err := write(<-out); err != nil {
			close(stop) // the reader and the workers wind down on their own
			return err
		}
	}
	return nil
}

func code(rec Record, opt Options) (res Result) {
	defer func() {
		// A bug must not end the batch or lose the records after this one.
		// The panic value may quote the note, so it is not shown.
		if v := recover(); v != nil {
			res = Result{ID: rec.ID, Err: &diag.ParseError{Filename: rec.ID, Line: 1, Column: 1,
				Message: "internal error while coding this note; please report it with the note"}}
		}
	}()
	if rec.Err != nil {
		return Result{ID: rec.ID, Err: rec.Err}
	}
	copt := opt.Coding
	if copt.Profile == nil && rec.Payer != "" {
		p, _ := codetable.BuiltinProfile(codetable.ProfileForPayerText(rec.Payer))
		copt.Profile = &p
	}
	limits := opt.Limits
	if limits == (engine.Limits{}) {
		limits = engine.DefaultLimits
	}
	claim, err := codeNote(rec.ID, rec.Text, copt, limits)
	if err == nil {
		engine.ApplyEdits(&claim, opt.MUE, opt.PTP)
	}
	return Result{ID: rec.ID, Claim: claim, Err: err}
}

// Summary counts what a batch produced.
type Summary struct {
	Notes    int
	Lines    int
	Errors   int
	Findings map[string]int // by rule id
}

// Add counts one result.
func (s *Summary) Add(r Result) {
	s.Notes++
	if r.Err != nil {
		s.Errors++
		return
	}
	s.Lines += len(r.Claim.Lines)
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	for _, f := range r.Claim.Findings {
		s.Findings[f.Rule]++
	}
}

// Write prints the summary for people: counts, then findings by rule,
// most frequent first.
func (s *Summary) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d notes, %d claim lines, %d errors\n", s.Notes, s.Lines, s.Errors)
	rules := make([]string, 0, len(s.Findings))
	for r := range s.Findings {
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b string) int {
		if s.Findings[a] != s.Findings[b] {
			return s.Findings[b] - s.Findings[a]
		}
		return strings.Compare(a, b)
	})
	for _, r := range rules {
		fmt.Fprintf(&b, "  %6d  %s\n", s.Findings[r], r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
