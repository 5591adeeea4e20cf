package batch_test

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/render"
)

// BenchmarkBatch runs the whole batch pipeline — NDJSON reading, coding,
// NDJSON writing — on 2,000 generated notes per iteration, at 1 job, 2 jobs
// and one per CPU, under the runtime's default GOGC (100) and under the
// batch command's (DefaultGOGC), side by side in one run, and reports
// notes/s. docs/performance.md quotes it:
//
//	go test ./internal/batch -run '^$' -bench Batch -count 6 > batch.txt
func BenchmarkBatch(b *testing.B) {
	const notes = 2000
	jobs := slices.Compact([]int{1, 2, runtime.NumCPU()})
	for _, gogc := range []int{100, batch.DefaultGOGC} {
		for _, j := range jobs {
			b.Run(fmt.Sprintf("gogc=%d/jobs=%d", gogc, j), func(b *testing.B) {
				defer debug.SetGCPercent(debug.SetGCPercent(gogc))
				benchmarkBatch(b, notes, j)
			})
		}
	}
}

// benchmarkBatch runs notes notes through a batch of j jobs per iteration.
// Beside notes/s, which follows the load of a shared machine, it reports
// the CPU time the process spent per note (user and system, every
// goroutine and the GC): a figure that moves much less with the load, and
// that shows what each note costs whatever the number of jobs.
func benchmarkBatch(b *testing.B, notes, j int) {
	b.ReportAllocs()
	done := 0
	cpu0 := cpuTime(b)
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
	b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/float64(done), "cpu-µs/note")
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
