package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mohscode/mohscode/internal/model"
)

func TestStageName(t *testing.T) {
	tests := []struct {
		stage model.Stage
		want  string
	}{
		{model.Stage{Ordinal: "2", Number: 2}, "2"},
		{model.Stage{Ordinal: "II", Number: 2}, "II"},
		{model.Stage{Ordinal: "Second", Number: 2}, "2"},
		{model.Stage{Ordinal: "1st", Number: 1}, "1"},
		{model.Stage{Ordinal: "x", Number: 0}, "x"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.stage.Name(), tc.stage.Ordinal)
	}
}
