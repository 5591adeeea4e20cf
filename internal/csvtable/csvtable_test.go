package csvtable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/csvtable"
)

func TestRead(t *testing.T) {
	rows, err := csvtable.Read("t.csv", "# a comment\nname,value\n alpha , 1\n\n# another\nbeta,\" two \"\n", "name", "value")
	require.NoError(t, err)
	assert.Equal(t, []csvtable.Row{
		{Line: 3, Fields: []string{"alpha", "1"}},
		{Line: 6, Fields: []string{"beta", "two"}},
	}, rows)
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"wrong header", "name,val\na,1\n", `t.csv: header is ["name" "val"], want ["name" "value"]`},
		{"no header", "", "t.csv: header: EOF"},
		{"short record", "name,value\na,1\nb\n", "t.csv: record on line 3: wrong number of fields"},
		{"stray quote", "name,value\na,\"1\n", "t.csv: parse error on line 2, column 6: extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csvtable.Read("t.csv", tt.data, "name", "value")
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestReadHeaderOnly(t *testing.T) {
	rows, err := csvtable.Read("t.csv", "name,value\n", "name", "value")
	require.NoError(t, err)
	assert.Empty(t, rows)
}
