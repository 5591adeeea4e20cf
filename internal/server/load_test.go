package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/server"
)

// BenchmarkServerLoad sends a bounded number of concurrent POST /v1/code
// requests with a realistic two-lesion note to a real server on 127.0.0.1
// (not httptest's in-process transport) from 1, 4 and 16 clients, and
// reports throughput and latency percentiles. The server codes at most its
// default number of notes at once; the queue wait is long enough that no
// request is refused. It runs under the runtime's default GOGC (100) and
// under the one the serve command sets (batch.DefaultGOGC), side by side.
// docs/performance.md records its figures:
//
//	go test ./internal/server -run '^$' -bench ServerLoad -benchtime 2000x -count 6 > load.txt
func BenchmarkServerLoad(b *testing.B) {
	note, err := os.ReadFile("../engine/testdata/two-lesions.txt")
	require.NoError(b, err)
	for _, gogc := range []int{100, batch.DefaultGOGC} {
		for _, clients := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("gogc=%d/c=%d", gogc, clients), func(b *testing.B) {
				defer debug.SetGCPercent(debug.SetGCPercent(gogc))
				serverLoad(b, note, clients)
			})
		}
	}
}

func serverLoad(b *testing.B, note []byte, clients int) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(b, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Run(ctx, ln, server.Options{QueueWait: time.Minute}) }()
	defer func() {
		cancel()
		require.NoError(b, <-done)
	}()
	url := fmt.Sprintf("http://%s/v1/code", ln.Addr())
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var mu sync.Mutex
	latencies := make([]time.Duration, 0, b.N)
	requests := make(chan struct{}, clients)
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for range requests {
				t0 := time.Now()
				resp, err := client.Post(url, "text/plain", bytes.NewReader(note))
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
				mu.Lock()
				latencies = append(latencies, time.Since(t0))
				mu.Unlock()
			}
		})
	}
	for range b.N {
		requests <- struct{}{}
	}
	close(requests)
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(percentile(latencies, 50).Microseconds()), "p50-µs")
	b.ReportMetric(float64(percentile(latencies, 99).Microseconds()), "p99-µs")
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[(len(sorted)-1)*p/100]
}
