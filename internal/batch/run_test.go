package batch_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/engine"
)

// records emits n small notes named r0, r1, …; it calls after(i) once
// record i is accepted, and stops when emit says so.
func records(n int, after func(i int)) func(emit func(batch.Record) bool) {
	return func(emit func(batch.Record) bool) {
		for i := range n {
			if !emit(batch.Record{ID: fmt.Sprintf("r%d", i), Text: note}) {
				return
			}
			if after != nil {
				after(i)
			}
		}
	}
}

// TestChunksKeepInputOrder: whatever the chunk size and the number of
// workers, every record comes out once, in input order, and Flush is called
// after each chunk and at the end.
func TestChunksKeepInputOrder(t *testing.T) {
	tests := []struct{ records, jobs, chunk, flushes int }{
		{records: 0, jobs: 2, chunk: 4, flushes: 1},
		{records: 1, jobs: 1, chunk: 1, flushes: 2},
		{records: 10, jobs: 3, chunk: 4, flushes: 4},
		{records: 1000, jobs: 4, chunk: 7, flushes: 144},
		{records: 500, jobs: 1, chunk: 0, flushes: 9}, // DefaultChunk 64
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%d records, %d jobs, chunk %d", tc.records, tc.jobs, tc.chunk), func(t *testing.T) {
			var ids []string
			flushes := 0
			err := batch.Run(records(tc.records, nil), batch.Options{Jobs: tc.jobs, Chunk: tc.chunk, Flush: func() error {
				flushes++
				return nil
			}}, func(r batch.Result) error {
				require.NoError(t, r.Err)
				ids = append(ids, r.ID)
				return nil
			})
			require.NoError(t, err)
			require.Len(t, ids, tc.records)
			for i, id := range ids {
				require.Equal(t, fmt.Sprintf("r%d", i), id)
			}
			assert.Equal(t, tc.flushes, flushes)
		})
	}
}

// TestCancelWritesWholeRecords: when the context ends (SIGINT in the
// command), reading stops, every record read so far is written whole and
// in order, and the cause comes back.
func TestCancelWritesWholeRecords(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	interrupted := fmt.Errorf("interrupt")
	var ids []string
	flushed := 0
	err := batch.RunContext(ctx, records(100_000, func(i int) {
		if i == 150 {
			cancel(interrupted)
		}
	}), batch.Options{Jobs: 2, Chunk: 16, Flush: func() error {
		flushed = len(ids)
		return nil
	}}, func(r batch.Result) error {
		require.NoError(t, r.Err)
		ids = append(ids, r.ID)
		return nil
	})
	require.ErrorIs(t, err, interrupted)
	assert.GreaterOrEqual(t, len(ids), 144, "the chunks read before the interrupt are written")
	assert.LessOrEqual(t, len(ids), 152)
	assert.Equal(t, len(ids), flushed, "flushed at the end")
	for i, id := range ids {
		require.Equal(t, fmt.Sprintf("r%d", i), id)
	}
}

// TestCancelDoesNotWaitForAReaderStuckInItsInput: a reader blocked on
// standard input does not keep an interrupted batch from finishing.
func TestCancelDoesNotWaitForAReaderStuckInItsInput(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	n := 0
	err := batch.RunContext(ctx, func(emit func(batch.Record) bool) {
		for i := range 10 {
			emit(batch.Record{ID: fmt.Sprintf("r%d", i), Text: note})
		}
		cancel()
		<-block // waiting for input that never comes
	}, batch.Options{Jobs: 2, Chunk: 4}, func(batch.Result) error {
		n++
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 8, n, "the two full chunks; the partial one was still being read")
}

// TestEngineCodesTheRecords: with an engine, its profile wins over a
// record's payer, as in the code command.
func TestEngineCodesTheRecords(t *testing.T) {
	eng, err := engine.New(engine.Options{Payer: "medicare"})
	require.NoError(t, err)
	var got []batch.Result
	err = batch.Run(func(emit func(batch.Record) bool) {
		emit(batch.Record{ID: "a", Text: note, Payer: "UHC"})
	}, batch.Options{Engine: eng}, func(r batch.Result) error {
		got = append(got, r)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.NoError(t, got[0].Err)
	assert.Equal(t, "medicare", got[0].Claim.Encounter.PayerProfile)
}
