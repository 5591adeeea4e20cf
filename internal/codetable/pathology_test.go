package codetable

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMohs(t *testing.T) {
	h := MohsFamily{Class: "H", FirstStage: "17311", AdditionalStage: "17312", AdditionalBlock: "17315"}
	tc := MohsFamily{Class: "T", FirstStage: "17313", AdditionalStage: "17314", AdditionalBlock: "17315"}
	tests := []struct {
		name   string
		class  string
		want   MohsFamily
		wantOK bool
	}{
		// The worked examples of section 1 name these families.
		{"nose is H: 17311, 17312", "H", h, true},
		{"back is T: 17313, 17315", "T", tc, true},
		{"ear is H: 17311, 17312, 17315", "H", h, true},
		{"lower case is not a class", "h", MohsFamily{}, false},
		{"empty class", "", MohsFamily{}, false},
		{"group id is not a class", "trunk", MohsFamily{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Mohs(tt.class)
			require.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestBiopsy(t *testing.T) {
	tests := []struct {
		kind   string
		want   BiopsyCodes
		wantOK bool
	}{
		{"tangential", BiopsyCodes{Kind: "tangential", Rank: 1, Primary: "11102", AddOn: "11103"}, true},
		{"punch", BiopsyCodes{Kind: "punch", Rank: 2, Primary: "11104", AddOn: "11105"}, true},
		{"incisional", BiopsyCodes{Kind: "incisional", Rank: 3, Primary: "11106", AddOn: "11107"}, true},
		{"excisional", BiopsyCodes{}, false},
		{"shave", BiopsyCodes{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			got, ok := Biopsy(tt.kind)
			require.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
	t.Run("incisional outranks punch outranks tangential", func(t *testing.T) {
		inc, _ := Biopsy("incisional")
		punch, _ := Biopsy("punch")
		tang, _ := Biopsy("tangential")
		assert.Greater(t, inc.Rank, punch.Rank)
		assert.Greater(t, punch.Rank, tang.Rank)
	})
}

func TestFrozenSection(t *testing.T) {
	assert.Equal(t, ServiceCodes{First: "88331", Additional: "88332"}, FrozenSection())
}

func TestStainCodes(t *testing.T) {
	tests := []struct {
		kind   StainKind
		want   ServiceCodes
		wantOK bool
	}{
		{StainHistochemical, ServiceCodes{First: "88314"}, true},
		{StainImmuno, ServiceCodes{First: "88342", Additional: "88341"}, true},
		{StainRoutine, ServiceCodes{}, false},
		{StainUnknown, ServiceCodes{}, false},
		{StainKind(99), ServiceCodes{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			got, ok := StainCodes(tt.kind)
			require.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}
