package batch_test

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

func collect(t *testing.T, inputs []string, stdin string, jobs int) []batch.Result {
	t.Helper()
	var out []batch.Result
	err := batch.Run(func(emit func(batch.Record) bool) { batch.Read(inputs, strings.NewReader(stdin), emit) },
		batch.Options{Jobs: jobs}, func(r batch.Result) error {
			out = append(out, r)
			return nil
		})
	require.NoError(t, err)
	return out
}

// TestMixedBatch: one output record per input record, in input order,
// every error record naming its input.
func TestMixedBatch(t *testing.T) {
	inputs := []string{"testdata/notes", "testdata/notes.ndjson", "testdata/bulk-documents.ndjson", "-", "testdata/missing.txt"}
	stdin := "Site: temple\nStage 1: 1 block; margins: clear\n"
	for _, jobs := range []int{1, 4} {
		got := collect(t, inputs, stdin, jobs)
		type rec struct {
			id  string
			err string // "" for a coded note
		}
		want := []rec{
			{"testdata/notes/a.txt", ""},
			{"testdata/notes/sub/b.txt", "testdata/notes/sub/b.txt:1:1: the note is empty"},
			{"n1", ""},
			{"testdata/notes.ndjson:2", "not a JSON note record"},
			{"n3", `the record has no "text"`},
			{"n4", ""},
			{"doc-1", ""},
			{"doc-2", "the attachment has only a url"},
			{"doc-3", ""},
			{"-", ""},
			{"testdata/missing.txt", "no such file"},
		}
		require.Len(t, got, len(want), "one output record per input record")
		for i, w := range want {
			assert.Equal(t, w.id, got[i].ID, "record %d", i)
			if w.err == "" {
				assert.NoError(t, got[i].Err, w.id)
				assert.NotEmpty(t, got[i].Claim.Lines, w.id)
			} else {
				require.Error(t, got[i].Err, w.id)
				assert.Contains(t, got[i].Err.Error(), w.err)
			}
		}
		var perr *diag.ParseError
		require.ErrorAs(t, got[1].Err, &perr)
		assert.Equal(t, 1, perr.Line)
		// A record that is not a note has its input and record number,
		// and no made-up position in a note.
		var ierr *batch.InputError
		require.ErrorAs(t, got[4].Err, &ierr)
		assert.Equal(t, batch.InputError{Input: "testdata/notes.ndjson", Line: 3, Err: ierr.Err}, *ierr)
		assert.EqualError(t, got[4].Err, `testdata/notes.ndjson:3: the record has no "text"`)
		assert.Equal(t, "medicare", got[2].Claim.Encounter.PayerProfile, "a record's payer picks its profile")
		assert.Equal(t, []string{"17313", "17315"}, codes(got[5]))
		assert.Equal(t, []string{"17311", "17315"}, codes(got[8]))
	}
}

func codes(r batch.Result) []string {
	var out []string
	for _, l := range r.Claim.Lines {
		out = append(out, l.Code)
	}
	return out
}

func TestStdinNDJSON(t *testing.T) {
	got := collect(t, []string{"-"}, "\n{\"id\":\"x\",\"text\":\"Site: nose\\nStage 1: 1 block\\n\"}\n{\"id\":\"y\",\"text\":\"\"}\n", 2)
	require.Len(t, got, 2)
	assert.Equal(t, "x", got[0].ID)
	assert.NoError(t, got[0].Err)
	assert.Equal(t, "y", got[1].ID)
	assert.ErrorContains(t, got[1].Err, "the note is empty")
}

func TestWriteErrorStopsTheBatch(t *testing.T) {
	boom := errors.New("disk full")
	n := 0
	err := batch.Run(func(emit func(batch.Record) bool) {
		for i := 0; i < 1000 && emit(batch.Record{ID: "r", Text: "Site: nose\n"}); i++ {
		}
	}, batch.Options{Jobs: 3}, func(batch.Result) error {
		n++
		if n == 5 {
			return boom
		}
		return nil
	})
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, 5, n)
}

func TestSummary(t *testing.T) {
	got := collect(t, []string{"testdata/notes"}, "", 2)
	var s batch.Summary
	for _, r := range got {
		s.Add(r)
	}
	assert.Equal(t, 2, s.Notes)
	assert.Equal(t, 1, s.Errors)
	var b strings.Builder
	require.NoError(t, s.Write(&b))
	assert.True(t, strings.HasPrefix(b.String(), "2 notes, 1 claim lines, 1 errors\n"), b.String())
}

// TestLimits: an oversized note or NDJSON record becomes one error record
// and the records after it are still read.
func TestLimits(t *testing.T) {
	limits := engine.Limits{NoteBytes: 200, LineBytes: 100}
	long := strings.Repeat("x", 70_000) // over 2 × 200 bytes + 64 KiB: not even read whole
	stdin := `{"id":"a","text":"Site: nose\nStage 1: 1 block\n"}` + "\n" +
		`{"id":"b","text":"` + long + `"}` + "\n" +
		`{"id":"c","text":"Site: chin\nStage 1: 1 block\n"}` + "\n"
	var got []batch.Record
	batch.ReadWithin([]string{"-"}, strings.NewReader(stdin), limits, func(r batch.Record) bool {
		got = append(got, r)
		return true
	})
	require.Len(t, got, 3)
	assert.Equal(t, "a", got[0].ID)
	assert.Equal(t, "-:2", got[1].ID)
	assert.ErrorContains(t, got[1].Err, "the record is over the limit of")
	assert.Equal(t, "c", got[2].ID)
	assert.NoError(t, got[2].Err)

	got = nil
	batch.ReadWithin([]string{"-"}, strings.NewReader(long), limits, func(r batch.Record) bool {
		got = append(got, r)
		return true
	})
	require.Len(t, got, 1)
	assert.EqualError(t, got[0].Err, "-:1:1: the note is over the limit of 200 bytes")
}

// notesReader generates an NDJSON stream of n notes on the fly, so that
// the input itself takes no memory.
type notesReader struct {
	n, i int
	buf  []byte
}

func (r *notesReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		r.i++
		r.buf = fmt.Appendf(r.buf[:0], `{"id":"n%d","text":"Lesion 1\nSite: left cheek\nDiagnosis: BCC\nStage 1: %d blocks; margins: clear\nRepair: intermediate, %d.5 cm\n"}`+"\n", r.i, 1+r.i%8, 1+r.i%5)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestBatchMemoryIsFlat streams 30,000 generated notes through a batch and
// checks that the heap in use stays under a fixed bound: memory does not
// grow with the length of the input. Keeping every result would take about
// 2.5 KB a note, 74 MB, more than twice the bound, so the bound is met only
// if results are dropped once written.
func TestBatchMemoryIsFlat(t *testing.T) {
	const notes = 30_000
	const bound = 32 << 20
	var peak uint64
	var ms runtime.MemStats
	count := 0
	err := batch.Run(func(emit func(batch.Record) bool) {
		batch.Read([]string{"-"}, &notesReader{n: notes}, emit)
	}, batch.Options{}, func(r batch.Result) error {
		count++
		if r.Err != nil {
			return r.Err
		}
		if err := render.NDJSON(io.Discard, r.ID, r.Claim); err != nil {
			return err
		}
		if count%2000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, notes, count, "one output record per input record")
	t.Logf("peak heap in use over %d notes: %.1f MiB", notes, float64(peak)/(1<<20))
	assert.Less(t, peak, uint64(bound))
}
