package codetable

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClassifyStain(t *testing.T) {
	tests := []struct {
		name string
		want StainKind
	}{
		// Routine: included in Mohs.
		{"H&E", StainRoutine},
		{"h&e", StainRoutine},
		{"H & E", StainRoutine},
		{"H and E", StainRoutine},
		{"hematoxylin and eosin", StainRoutine},
		{"Hematoxylin & Eosin", StainRoutine},
		{"toluidine blue", StainRoutine},
		{"Toluidine Blue stain", StainRoutine},
		{"toluidine-blue", StainRoutine},
		// Histochemical: 88314.
		{"trichrome", StainHistochemical},
		{"Masson's trichrome", StainHistochemical},
		{"PAS", StainHistochemical},
		{"PAS stain", StainHistochemical},
		{"periodic acid-Schiff", StainHistochemical},
		{"Giemsa", StainHistochemical},
		{"elastic", StainHistochemical},
		{"elastic/Verhoeff", StainHistochemical},
		{"Verhoeff", StainHistochemical},
		{"Verhoeff-van Gieson", StainHistochemical},
		{"Verhoeff van Gieson", StainHistochemical},
		{"VVG", StainHistochemical},
		{"mucicarmine", StainHistochemical},
		{"Fontana-Masson", StainHistochemical},
		{"Fontana Masson", StainHistochemical},
		{"colloidal iron", StainHistochemical},
		{"Alcian blue", StainHistochemical},
		{"reticulin", StainHistochemical},
		// Immunohistochemistry: 88342 / 88341.
		{"MART-1", StainImmuno},
		{"MART1", StainImmuno},
		{"mart 1", StainImmuno},
		{"Melan-A", StainImmuno},
		{"Melan A", StainImmuno},
		{"pan-cytokeratin AE1/AE3", StainImmuno},
		{"AE1/AE3 cytokeratin", StainImmuno},
		{"MART-1 immunostain", StainImmuno},
		{"SOX10 IHC", StainImmuno},
		{"SOX10 immunohistochemical stain", StainImmuno},
		{"MelanA", StainImmuno},
		{"Melan-A/MART-1", StainImmuno},
		{"SOX10", StainImmuno},
		{"Sox-10", StainImmuno},
		{"SOX 10", StainImmuno},
		{"pan-cytokeratin", StainImmuno},
		{"pancytokeratin", StainImmuno},
		{"AE1/AE3", StainImmuno},
		{"AE1-AE3", StainImmuno},
		{"cytokeratin", StainImmuno},
		{"CK7", StainImmuno},
		{"CK 20", StainImmuno},
		{"CK5/6", StainImmuno},
		{"Ber-EP4", StainImmuno},
		{"BerEP4", StainImmuno},
		{"S100", StainImmuno},
		{"S-100", StainImmuno},
		{"S 100", StainImmuno},
		{"S\u2011100", StainImmuno}, // non-breaking hyphen
		{"HMB-45", StainImmuno},
		{"HMB45", StainImmuno},
		{"CD34", StainImmuno},
		{"p63", StainImmuno},
		{"P63", StainImmuno},
		{"PRAME", StainImmuno},
		{"p40", StainImmuno},
		{"EMA", StainImmuno},
		{"CD10", StainImmuno},
		{"  SOX10  ", StainImmuno},
		// Unknown: no line.
		{"", StainUnknown},
		{"stain", StainUnknown},
		{"special stain", StainUnknown},
		{"blue", StainUnknown},
		{"SOX11", StainUnknown},
		{"MART-2", StainUnknown},
		{"immunostain", StainUnknown},
	}
	for _, tt := range tests {
		t.Run("name "+tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ClassifyStain(tt.name))
		})
	}
}

func TestStainKindString(t *testing.T) {
	tests := []struct {
		kind StainKind
		want string
	}{
		{StainUnknown, "unknown"},
		{StainRoutine, "routine"},
		{StainHistochemical, "histochemical"},
		{StainImmuno, "immuno"},
		{StainKind(-1), "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.kind.String())
		})
	}
}
