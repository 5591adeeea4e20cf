package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// post sends a note to the service's handler.
func post(s *service, ctx context.Context, note string) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/code", strings.NewReader(note))
	req.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	return rec
}

// TestCodingIsBounded: past MaxCoding notes at once a request waits up to
// QueueWait, then gets 503 with Retry-After (issue 17 item 2, scaled down:
// the slots are held by the test instead of by 500 clients).
func TestCodingIsBounded(t *testing.T) {
	nose := sample(t, "nose-two-stage.txt")
	s := newService(Options{MaxCoding: 2, QueueWait: 20 * time.Millisecond})
	s.slots <- struct{}{}
	s.slots <- struct{}{} // both slots busy

	rec := post(s, context.Background(), nose)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	assert.Contains(t, rec.Body.String(), "2 notes are being coded")

	// A client that goes away while waiting is not coded, and gives its
	// place back.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s.queueWait = time.Hour
	rec = post(s, ctx, nose)
	assert.Empty(t, rec.Body.String(), "nothing is written for a client that is gone")
	assert.Len(t, s.slots, 2)

	<-s.slots // one slot frees up
	rec = post(s, context.Background(), nose)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Len(t, s.slots, 1, "the slot is given back after coding")
}

// TestQueuedRequestsAllAnswered: more clients than slots, with a queue wait
// a loaded machine meets, are all coded in turn.
func TestQueuedRequestsAllAnswered(t *testing.T) {
	nose := sample(t, "nose-two-stage.txt")
	s := newService(Options{MaxCoding: 1, QueueWait: time.Minute})
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Go(func() { codes[i] = post(s, t.Context(), nose).Code })
	}
	wg.Wait()
	for _, c := range codes {
		require.Equal(t, http.StatusOK, c)
	}
	assert.Empty(t, s.slots)
}

// TestCraftedNoteAnswerIsBounded: the attack of issue 17 item 3, scaled
// down — one stage line naming thousands of unknown stains once
// made an answer of a hundred megabytes. The answer now lists the first
// findings of each rule and one that counts the rest, so it stays small
// whatever the note's length, and it comes back in one piece.
func TestCraftedNoteAnswerIsBounded(t *testing.T) {
	s := newService(Options{})
	answer := func(stains int) int {
		var names strings.Builder
		for i := range stains {
			fmt.Fprintf(&names, "zq%d, ", i) // distinct names: identical findings are reported once
		}
		note := "Site: nose\nDiagnosis: BCC\nStage 1: 2 blocks; margins: clear; stains: " + names.String() + "H&E\n"
		rec := post(s, context.Background(), note)
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Contains(t, rec.Body.String(), "more stain-unknown findings in this note are not listed")
		return rec.Body.Len()
	}
	small, large := answer(200), answer(1_500) // the service's line limit is 16 KiB
	assert.Less(t, large, 64<<10, "the answer fits in 64 KiB")
	assert.InDelta(t, small, large, 64, "seven times the stains, the same answer but for the count")
}
