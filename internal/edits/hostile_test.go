package edits_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/edits"
)

// zeros is /dev/zero: an endless line.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestHostileEditFiles: a stray quote is an error naming its line, never a
// quoted field that swallows the rows after it (issue 17 item 5); an
// endless or huge line fails at once, with its line number and without
// quoting it.
func TestHostileEditFiles(t *testing.T) {
	const notice = "TEST FIXTURE: invented values, not CMS data\n"
	huge := strings.Repeat("x", 300_000)
	mue := func(r io.Reader) error { _, err := edits.LoadMUE("mue.csv", r); return err }
	ptp := func(r io.Reader) error { _, err := edits.LoadPTP("ptp.csv", r); return err }
	tests := []struct {
		name string
		load func(io.Reader) error
		in   io.Reader
		want string
	}{
		{"stray quote in a field", mue, strings.NewReader(notice + "17311,3,2,Fixture\n17312,3\",2,Fixture\n17313,1,2,Fixture\n"),
			`mue.csv:3: bare " in non-quoted-field`},
		{"quote never closed", mue, strings.NewReader(notice + "17311,3,2,\"Fixture\n17312,0,2,Fixture\n"),
			"mue.csv:2: extraneous or missing \" in quoted-field (the row runs on to line 3)"},
		{"stray quote in PTP", ptp, strings.NewReader(notice + "17311,11042,,20200101,*,1,Fix\"ture\n"),
			`ptp.csv:2: bare " in non-quoted-field`},
		{"/dev/zero as MUE", mue, zeros{}, "mue.csv:1: line 1 is longer than 65536 bytes"},
		{"/dev/zero as PTP", ptp, zeros{}, "ptp.csv:1: line 1 is longer than 65536 bytes"},
		{"a huge CSV line after the head", mue, strings.NewReader(notice + "17311,3,2,Fixture\n" + strings.Repeat("17312,1,2,Fixture\n", 5000) + huge + "\n"),
			"mue.csv:5003: line 5003 is longer than 65536 bytes"},
		{"a huge tab-separated line", mue, strings.NewReader(notice + "17311\t3\t2\tFixture\n" + strings.Repeat("17312\t1\t2\tFixture\n", 5000) + huge + "\n"),
			"mue.csv:5003: line 5003 is longer than 65536 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.load(tc.in)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), err.Error())
			assert.Less(t, len(err.Error()), 200, "the error never quotes a huge line")
		})
	}
}

func TestLimitLines(t *testing.T) {
	b, err := io.ReadAll(edits.LimitLines(strings.NewReader("abc\ndefg\n"), 4))
	require.NoError(t, err)
	assert.Equal(t, "abc\ndefg\n", string(b))
	_, err = io.ReadAll(edits.LimitLines(strings.NewReader("abc\ndefgh\n"), 4))
	assert.Equal(t, &edits.LineTooLongError{Line: 2, Limit: 4}, err)
}
