package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteJSONStreamsLargeAnswers: an answer past streamAfter reaches the
// client while it is still being rendered, so the server never holds it
// whole; a small one is sent in one piece, and its rendering error is a 500.
func TestWriteJSONStreamsLargeAnswers(t *testing.T) {
	chunk := bytes.Repeat([]byte("x"), 1<<10)
	t.Run("large answer is sent while rendering", func(t *testing.T) {
		rec := httptest.NewRecorder()
		var seenMidway int
		writeJSON(rec, http.StatusOK, func(w io.Writer) error {
			for i := 0; i < 4*streamAfter/len(chunk); i++ {
				if i == 2*streamAfter/len(chunk) {
					seenMidway = rec.Body.Len()
				}
				if _, err := w.Write(chunk); err != nil {
					return err
				}
			}
			return nil
		})
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Greater(t, seenMidway, streamAfter, "half the answer should be with the client before rendering ends")
		assert.Equal(t, 4*streamAfter, rec.Body.Len())
		assert.Equal(t, "application/json; charset=utf-8", rec.Header().Get("Content-Type"))
	})
	t.Run("small answer is buffered, its error a clean 500", func(t *testing.T) {
		rec := httptest.NewRecorder()
		writeJSON(rec, http.StatusOK, func(w io.Writer) error {
			_, err := w.Write(chunk)
			require.NoError(t, err)
			assert.Zero(t, rec.Body.Len(), "nothing is sent before the buffer fills")
			return errors.New("render failed")
		})
		assert.Equal(t, http.StatusInternalServerError, rec.Code)
		assert.NotContains(t, rec.Body.String(), "xxx")
	})
	t.Run("small answer is sent whole with its status", func(t *testing.T) {
		rec := httptest.NewRecorder()
		writeJSON(rec, http.StatusUnprocessableEntity, func(w io.Writer) error {
			_, err := w.Write([]byte(`{"error":{}}`))
			return err
		})
		assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
		assert.Equal(t, `{"error":{}}`, rec.Body.String())
	})
}
