package batch_test

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"testing"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/render"
)

// BenchmarkBatch runs the whole batch pipeline — NDJSON reading, coding,
// NDJSON writing — on 2,000 generated notes per iteration, at 1 job, 2 jobs
// and one per CPU, and reports notes/s. docs/performance.md quotes it:
//
//	go test ./internal/batch -run '^$' -bench Batch -count 6 > batch.txt
func BenchmarkBatch(b *testing.B) {
	const notes = 2000
	jobs := slices.Compact([]int{1, 2, runtime.NumCPU()})
	for _, j := range jobs {
		b.Run(fmt.Sprintf("jobs=%d", j), func(b *testing.B) {
			b.ReportAllocs()
			done := 0
			for b.Loop() {
				err := batch.Run(func(emit func(batch.Record) bool) {
					batch.Read([]string{"-"}, &notesReader{n: notes}, emit)
				}, batch.Options{Jobs: j}, func(r batch.Result) error {
					return render.NDJSON(io.Discard, r.ID, r.Claim)
				})
				if err != nil {
					b.Fatal(err)
				}
				done += notes
			}
			b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "notes/s")
		})
	}
}
