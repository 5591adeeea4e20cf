package batch

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/engine"
)

// Result is the outcome of one record: a claim, or an error (a
// *diag.ParseError for a note that cannot be parsed, an *InputError for a
// record that cannot be read as a note, or the record's read error).
type Result struct {
	ID    string
	Claim coding.Claim
	Err   error
	// Author is the note's author as its envelope gives it (HL7 v2 TXA-5
	// or TXA-22), empty when it does not.
	Author string
	// Patient and Provider are the FHIR references of a DocumentReference
	// record (see Record), for claimfmt.Sink's ClaimFrom.
	Patient, Provider string
}

// codeNote codes one note; tests replace it to check that a panic stays
// within its record.
var codeNote = engine.CodeWithin

// MaxJobs bounds the notes coded at once.
const MaxJobs = 256

// DefaultChunk is the number of records a worker takes at once.
const DefaultChunk = 64

// InputEncoding is the rule of a note file read as Windows-1252, raised
// by the batch reader (coding.Rules should list it with the other rules).
var InputEncoding = &diag.Rule{ID: "input-encoding", Severity: diag.Warning,
	Doc: "The note file is not valid UTF-8 (nor UTF-16 with a byte-order mark), so it was read as Windows-1252, the encoding of text saved on Windows: check its accented letters and symbols. The finding is on the first line that was not UTF-8."}

// Options sets how a batch runs.
type Options struct {
	// Jobs is the number of notes coded at once; 0 means one per CPU.
	Jobs int
	// Chunk is the number of records a worker takes at once, and the
	// number of results written between two calls of Flush; 0 means
	// DefaultChunk.
	Chunk int
	// Flush, when not nil, is called after the results of each chunk are
	// written, and once at the end: the place to flush a buffered writer,
	// so that the output grows by whole records.
	Flush func() error
	// Engine, when set, codes every note with its profile, edit tables and
	// limits, a record's payer passed as the request's payer, as the code
	// and serve commands do; Coding, MUE, PTP and Limits are then unused.
	Engine *engine.Engine
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

// Run is RunContext without cancellation.
func Run(read func(emit func(Record) bool), opt Options, write func(Result) error) error {
	return RunContext(context.Background(), read, opt, write)
}

// chunk is a run of consecutive records, then their results.
type chunk struct {
	seq  int
	recs []Record
	res  []Result
}

// RunContext codes every record that read produces and passes the results
// to write in input order. The reader fills chunks of opt.Chunk records;
// opt.Jobs workers code a chunk at a time; the results are put back in
// input order through a window of 2×jobs chunks, so that memory is bounded
// by the window, not by the input. There is no goroutine or channel send
// per record.
//
// It stops at the first error write or opt.Flush returns, and returns it.
// When ctx is done, reading stops: the records already read are coded and
// written, whole, opt.Flush is called, and RunContext returns
// context.Cause(ctx) without waiting for a reader blocked on its input.
func RunContext(ctx context.Context, read func(emit func(Record) bool), opt Options, write func(Result) error) error {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, MaxJobs)
	size := opt.Chunk
	if size <= 0 {
		size = DefaultChunk
	}
	window := 2 * jobs
	tokens := make(chan struct{}, window) // one per chunk between reader and writer
	work := make(chan *chunk, window)
	done := make(chan *chunk, window)
	stop := make(chan struct{}) // the writer has stopped
	var (
		mu     sync.Mutex
		closed bool // no more chunks may be sent
		sent   int
	)
	// send passes a chunk to the workers; false when no more may be sent.
	send := func(c *chunk) bool {
		acquired := false
		select {
		case tokens <- struct{}{}:
			acquired = true
		case <-stop:
			return false
		case <-ctx.Done():
		}
		mu.Lock()
		defer mu.Unlock()
		if closed || !acquired {
			if acquired {
				<-tokens
			}
			return false
		}
		c.seq = sent
		sent++
		work <- c // never blocks: at most window chunks are out
		return true
	}
	go func() {
		defer close(work)
		cur := &chunk{recs: make([]Record, 0, size)}
		read(func(rec Record) bool {
			if ctx.Err() != nil {
				return false
			}
			cur.recs = append(cur.recs, rec)
			if len(cur.recs) < size {
				return true
			}
			full := cur
			cur = &chunk{recs: make([]Record, 0, size)}
			return send(full)
		})
		if len(cur.recs) > 0 {
			send(cur)
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for c := range work {
				c.res = make([]Result, len(c.recs))
				for i, rec := range c.recs {
					c.res[i] = code(rec, opt)
				}
				c.recs = nil
				done <- c // never blocks: done holds the window
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	pending := make([]*chunk, window) // by seq % window
	written := 0
	cancelled := ctx.Done() // nil once seen, and for a context never done
	stopping := false
	fail := func(err error) error {
		close(stop)
		return err
	}
	for {
		select {
		case c, ok := <-done:
			if !ok {
				return flush(opt.Flush, ctx)
			}
			pending[c.seq%window] = c
			for pending[written%window] != nil {
				c := pending[written%window]
				pending[written%window] = nil
				for _, r := range c.res {
					if err := write(r); err != nil {
						return fail(err)
					}
				}
				written++
				<-tokens
				if opt.Flush != nil {
					if err := opt.Flush(); err != nil {
						return fail(err)
					}
				}
			}
		case <-cancelled:
			mu.Lock()
			closed = true
			mu.Unlock()
			cancelled, stopping = nil, true
		}
		if stopping {
			mu.Lock()
			all := written == sent
			mu.Unlock()
			if all {
				close(stop)
				return flush(opt.Flush, ctx)
			}
		}
	}
}

// flush calls f, if any, and returns its error or the context's cause.
func flush(f func() error, ctx context.Context) error {
	if f != nil {
		if err := f(); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

func code(rec Record, opt Options) (res Result) {
	// A bug must not end the batch or lose the records after this one.
	var panicked error
	defer func() {
		if panicked != nil {
			res = Result{ID: rec.ID, Err: panicked}
		}
	}()
	defer engine.Recover(rec.ID, &panicked)
	if rec.Err != nil {
		return Result{ID: rec.ID, Err: rec.Err}
	}
	claim, err := codeRecord(rec, opt)
	if err != nil {
		return Result{ID: rec.ID, Err: err, Author: rec.Author}
	}
	if claim.Encounter.DateOfService == nil && rec.DateOfService != "" {
		dos := rec.DateOfService
		claim.Encounter.DateOfService = &dos
	}
	if rec.Encoding == EncodingWindows1252 {
		claim.Findings = append(claim.Findings, InputEncoding.At("", rec.BadLine, 0,
			"the note is not valid UTF-8 from this line on; it was read as Windows-1252"))
		diag.List(claim.Findings).Sort()
	}
	return Result{ID: rec.ID, Claim: claim, Author: rec.Author, Patient: rec.Patient, Provider: rec.Provider}
}

// codeRecord codes a record's note with opt.Engine, or with opt's coding
// options, tables and limits.
func codeRecord(rec Record, opt Options) (coding.Claim, error) {
	if opt.Engine != nil {
		_, claim, err := opt.Engine.Analyze(engine.Request{Name: rec.ID, Text: rec.Text, Payer: rec.Payer})
		return claim, err
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
	return claim, err
}

// Summary counts what a batch produced.
type Summary struct {
	Notes    int
	Lines    int
	Errors   int
	Findings map[string]int // by rule id
	// Skipped lists the files of directory inputs that were not read (see
	// Source.Skipped).
	Skipped []string
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

// Skip records a file that was not read; it fits Source.Skipped.
func (s *Summary) Skip(path, _ string) { s.Skipped = append(s.Skipped, path) }

// maxSkippedShown is how many skipped files the summary names.
const maxSkippedShown = 5

// Write prints the summary for people: counts, the files skipped, then
// findings by rule, most frequent first.
func (s *Summary) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d notes, %d claim lines, %d errors\n", s.Notes, s.Lines, s.Errors)
	if n := len(s.Skipped); n > 0 {
		shown := s.Skipped[:min(n, maxSkippedShown)]
		more := ""
		if n > len(shown) {
			more = fmt.Sprintf(", and %d more", n-len(shown))
		}
		fmt.Fprintf(&b, "skipped %d files that are not notes (%s): %s%s\n", n, strings.Join(NoteFileExts, ", "), strings.Join(shown, ", "), more)
	}
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
