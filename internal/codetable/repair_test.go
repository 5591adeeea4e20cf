package codetable

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Site groups, as the anatomy package writes them.
const (
	gSimpleFace  = "face-ears-eyelids-nose-lips"
	gSimpleBody  = "scalp-neck-axillae-genitalia-trunk-extremities"
	gInterFace   = "face-ears-eyelids-nose-lips"
	gInterNeck   = "neck-hands-feet-genitalia"
	gInterBody   = "scalp-axillae-trunk-extremities"
	gENEL        = "eyelids-nose-ears-lips"
	gFCCM        = "forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet"
	gSAL         = "scalp-arms-legs"
	gTrunk       = "trunk"
	gSTSGBody    = "trunk-arms-legs"
	gSTSGHead    = "face-scalp-eyelids-mouth-neck-ears-genitalia-hands-feet-digits"
	gExcBody     = "trunk-arms-legs"
	gExcScalp    = "scalp-neck-hands-feet-genitalia"
	gExcFace     = "face-ears-eyelids-nose-lips"
	unknownGroup = "elbow"
)

// one is a single one-unit line.
func one(code string) []Line { return []Line{{Code: code, Units: 1}} }

// plus is a code once and an add-on code n times.
func plus(code, addon string, n int) []Line {
	return []Line{{Code: code, Units: 1}, {Code: addon, Units: n}}
}

// sizeCase is one size and the lines docs/coding-rules.md says it yields.
type sizeCase struct {
	size float64
	want []Line
}

func TestLinear(t *testing.T) {
	tests := []struct {
		class, group string
		cases        []sizeCase
	}{
		{FamilySimple, gSimpleBody, []sizeCase{
			{0.1, one("12001")}, {2.5, one("12001")},
			{2.6, one("12002")}, {7.5, one("12002")},
			{7.6, one("12004")}, {12.5, one("12004")},
			{12.6, one("12005")}, {20.0, one("12005")},
			{20.1, one("12006")}, {30.0, one("12006")},
			{30.1, one("12007")}, {250.0, one("12007")},
		}},
		{FamilySimple, gSimpleFace, []sizeCase{
			{0.1, one("12011")}, {2.5, one("12011")},
			{2.6, one("12013")}, {5.0, one("12013")},
			{5.1, one("12014")}, {7.5, one("12014")},
			{7.6, one("12015")}, {12.5, one("12015")},
			{12.6, one("12016")}, {20.0, one("12016")},
			{20.1, one("12017")}, {30.0, one("12017")},
			{30.1, one("12018")}, {250.0, one("12018")},
		}},
		{FamilyIntermediate, gInterBody, []sizeCase{
			{0.1, one("12031")}, {2.5, one("12031")},
			{2.6, one("12032")}, {7.5, one("12032")},
			{7.6, one("12034")}, {12.5, one("12034")},
			{12.6, one("12035")}, {20.0, one("12035")},
			{20.1, one("12036")}, {30.0, one("12036")},
			{30.1, one("12037")}, {250.0, one("12037")},
		}},
		{FamilyIntermediate, gInterNeck, []sizeCase{
			{0.1, one("12041")}, {2.5, one("12041")},
			{2.6, one("12042")}, {7.5, one("12042")},
			{7.6, one("12044")}, {12.5, one("12044")},
			{12.6, one("12045")}, {20.0, one("12045")},
			{20.1, one("12046")}, {30.0, one("12046")},
			{30.1, one("12047")}, {250.0, one("12047")},
		}},
		{FamilyIntermediate, gInterFace, []sizeCase{
			{0.1, one("12051")}, {2.5, one("12051")},
			{2.6, one("12052")}, {5.0, one("12052")},
			{5.1, one("12053")}, {7.5, one("12053")},
			{7.6, one("12054")}, {12.5, one("12054")},
			{12.6, one("12055")}, {20.0, one("12055")},
			{20.1, one("12056")}, {30.0, one("12056")},
			{30.1, one("12057")}, {250.0, one("12057")},
		}},
		{FamilyComplex, gTrunk, []sizeCase{
			{1.1, one("13100")}, {2.5, one("13100")},
			{2.6, one("13101")}, {7.5, one("13101")},
			{7.6, plus("13101", "13102", 1)}, {12.5, plus("13101", "13102", 1)},
			{12.6, plus("13101", "13102", 2)},
			{16.4, plus("13101", "13102", 2)}, // worked example, section 3
			{17.5, plus("13101", "13102", 2)}, {17.6, plus("13101", "13102", 3)},
		}},
		{FamilyComplex, gSAL, []sizeCase{
			{1.1, one("13120")}, {2.5, one("13120")},
			{2.6, one("13121")}, {7.5, one("13121")},
			{7.6, plus("13121", "13122", 1)},
			{9.6, plus("13121", "13122", 1)}, // worked example, section 3
			{12.5, plus("13121", "13122", 1)}, {12.6, plus("13121", "13122", 2)},
		}},
		{FamilyComplex, gFCCM, []sizeCase{
			{1.1, one("13131")}, {2.5, one("13131")},
			{2.6, one("13132")}, {7.5, one("13132")},
			{7.6, plus("13132", "13133", 1)}, {12.5, plus("13132", "13133", 1)},
			{12.6, plus("13132", "13133", 2)},
		}},
		{FamilyComplex, gENEL, []sizeCase{
			{1.1, one("13151")}, {2.5, one("13151")},
			{2.6, one("13152")}, {7.5, one("13152")},
			{7.6, plus("13152", "13153", 1)}, {12.5, plus("13152", "13153", 1)},
			{12.6, plus("13152", "13153", 2)},
		}},
	}
	for _, tt := range tests {
		for _, c := range tt.cases {
			t.Run(tt.class+"/"+tt.group+"/"+formatTenths(int(math.Round(c.size*10))), func(t *testing.T) {
				got, err := Linear(tt.class, tt.group, c.size)
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
			})
		}
	}
}

func TestLinearRoundsFirst(t *testing.T) {
	tests := []struct {
		name         string
		class, group string
		size         float64
		want         []Line
	}{
		{"2.55 rounds up to 2.6", FamilySimple, gSimpleFace, 2.55, one("12013")},
		{"2.549 rounds down to 2.5", FamilySimple, gSimpleFace, 2.549, one("12011")},
		{"sum 0.1+0.2+2.25", FamilySimple, gSimpleFace, 0.1 + 0.2 + 2.25, one("12013")},
		{"sum 1.1+1.45", FamilySimple, gSimpleFace, 1.1 + 1.45, one("12013")},
		{"millimetres 25.5 mm", FamilySimple, gSimpleFace, 25.5 / 10, one("12013")},
		{"complex 1.05 rounds to 1.1", FamilyComplex, gTrunk, 1.05, one("13100")},
		{"complex 7.55 rounds to 7.6", FamilyComplex, gTrunk, 7.55, plus("13101", "13102", 1)},
		{"complex 12.54 stays 12.5", FamilyComplex, gTrunk, 12.54, plus("13101", "13102", 1)},
		{"complex 12.55 rounds to 12.6", FamilyComplex, gTrunk, 12.55, plus("13101", "13102", 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Linear(tt.class, tt.group, tt.size)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLinearErrors(t *testing.T) {
	tests := []struct {
		name         string
		class, group string
		size         float64
		want         error
	}{
		{"complex trunk 1.0 has no row", FamilyComplex, gTrunk, 1.0, ErrSizeNotCovered},
		{"complex scalp 1.0 has no row", FamilyComplex, gSAL, 1.0, ErrSizeNotCovered},
		{"complex forehead 0.5 has no row", FamilyComplex, gFCCM, 0.5, ErrSizeNotCovered},
		{"complex nose 1.04 rounds to 1.0", FamilyComplex, gENEL, 1.04, ErrSizeNotCovered},
		{"zero", FamilySimple, gSimpleFace, 0, ErrSizeNotCovered},
		{"rounds to zero", FamilySimple, gSimpleFace, 0.04, ErrSizeNotCovered},
		{"negative", FamilySimple, gSimpleFace, -2, ErrSizeNotCovered},
		{"NaN", FamilySimple, gSimpleFace, math.NaN(), ErrSizeNotCovered},
		{"infinite", FamilySimple, gSimpleFace, math.Inf(1), ErrSizeNotCovered},
		{"absurdly large", FamilySimple, gSimpleFace, 1e12, ErrSizeNotCovered},
		{"unknown class", "layered", gSimpleFace, 2, ErrUnknownKey},
		{"flap is not linear", FamilyFlap, gTrunk, 2, ErrUnknownKey},
		{"graft kind is not linear", FamilyFullThickness, gTrunk, 2, ErrUnknownKey},
		{"unknown group", FamilySimple, unknownGroup, 2, ErrUnknownKey},
		{"complex group under simple", FamilySimple, gTrunk, 2, ErrUnknownKey},
		{"simple group under intermediate", FamilyIntermediate, gSimpleBody, 2, ErrUnknownKey},
		{"intermediate group under complex", FamilyComplex, gInterNeck, 2, ErrUnknownKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Linear(tt.class, tt.group, tt.size)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, got)
		})
	}
}

func TestFlap(t *testing.T) {
	tests := []struct {
		group      string
		small, mid string
	}{
		{group: gTrunk, small: "14000", mid: "14001"},
		{group: gSAL, small: "14020", mid: "14021"},
		{group: gFCCM, small: "14040", mid: "14041"},
		{group: gENEL, small: "14060", mid: "14061"},
	}
	for _, tt := range tests {
		cases := []sizeCase{
			{0.1, one(tt.small)}, {10.0, one(tt.small)},
			{10.1, one(tt.mid)}, {30.0, one(tt.mid)},
			{30.1, one("14301")}, {60.0, one("14301")},
			{60.1, plus("14301", "14302", 1)}, {90.0, plus("14301", "14302", 1)},
			{90.1, plus("14301", "14302", 2)}, {120.0, plus("14301", "14302", 2)},
			{120.1, plus("14301", "14302", 3)},
		}
		for _, c := range cases {
			t.Run(tt.group+"/"+formatTenths(int(math.Round(c.size*10))), func(t *testing.T) {
				got, err := Flap(tt.group, c.size)
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
			})
		}
	}
	t.Run("defect 1.2x1.0 plus secondary 2.0 on the nose", func(t *testing.T) {
		got, err := Flap(gENEL, RoundHalfUp1(1.2*1.0+2.0))
		require.NoError(t, err)
		assert.Equal(t, one("14060"), got)
	})
	t.Run("10.05 rounds to 10.1", func(t *testing.T) {
		got, err := Flap(gTrunk, 10.05)
		require.NoError(t, err)
		assert.Equal(t, one("14001"), got)
	})
	errs := []struct {
		name  string
		group string
		size  float64
		want  error
	}{
		{"unknown group", unknownGroup, 5, ErrUnknownKey},
		{"any-site marker is not a group", "*", 40, ErrUnknownKey},
		{"linear group", gSimpleFace, 5, ErrUnknownKey},
		{"zero area", gTrunk, 0, ErrSizeNotCovered},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Flap(tt.group, tt.size)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestGraft(t *testing.T) {
	ftsg := []struct{ group, first, addon string }{
		{gTrunk, "15200", "15201"},
		{gSAL, "15220", "15221"},
		{gFCCM, "15240", "15241"},
		{gENEL, "15260", "15261"},
	}
	for _, g := range ftsg {
		cases := []sizeCase{
			{0.1, one(g.first)}, {3.1, one(g.first)}, {20.0, one(g.first)},
			{20.1, plus(g.first, g.addon, 1)}, {40.0, plus(g.first, g.addon, 1)},
			{40.1, plus(g.first, g.addon, 2)},
		}
		for _, c := range cases {
			t.Run("full-thickness/"+g.group+"/"+formatTenths(int(math.Round(c.size*10))), func(t *testing.T) {
				got, err := Graft(FamilyFullThickness, g.group, c.size)
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
			})
		}
	}
	stsg := []struct{ group, first, addon string }{
		{gSTSGBody, "15100", "15101"},
		{gSTSGHead, "15120", "15121"},
	}
	for _, g := range stsg {
		cases := []sizeCase{
			{0.1, one(g.first)}, {100.0, one(g.first)},
			{100.1, plus(g.first, g.addon, 1)}, {200.0, plus(g.first, g.addon, 1)},
			{200.1, plus(g.first, g.addon, 2)},
		}
		for _, c := range cases {
			t.Run("split-thickness/"+g.group+"/"+formatTenths(int(math.Round(c.size*10))), func(t *testing.T) {
				got, err := Graft(FamilySplitThickness, g.group, c.size)
				require.NoError(t, err)
				assert.Equal(t, c.want, got)
			})
		}
	}
	errs := []struct {
		name        string
		kind, group string
		size        float64
		want        error
	}{
		{"unknown kind", "FTSG", gTrunk, 5, ErrUnknownKey},
		{"complex is not a graft", FamilyComplex, gTrunk, 5, ErrUnknownKey},
		{"split-thickness group under full-thickness", FamilyFullThickness, gSTSGBody, 5, ErrUnknownKey},
		{"full-thickness group under split-thickness", FamilySplitThickness, gTrunk, 5, ErrUnknownKey},
		{"negative area", FamilyFullThickness, gTrunk, -1, ErrSizeNotCovered},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Graft(tt.kind, tt.group, tt.size)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestExcision(t *testing.T) {
	tests := []struct {
		group string
		codes [6]string // ≤0.5, 0.6–1.0, 1.1–2.0, 2.1–3.0, 3.1–4.0, >4.0
	}{
		{gExcBody, [6]string{"11600", "11601", "11602", "11603", "11604", "11606"}},
		{gExcScalp, [6]string{"11620", "11621", "11622", "11623", "11624", "11626"}},
		{gExcFace, [6]string{"11640", "11641", "11642", "11643", "11644", "11646"}},
	}
	for _, tt := range tests {
		cases := []struct {
			size float64
			row  int
		}{
			{0.1, 0}, {0.5, 0}, {0.6, 1}, {1.0, 1}, {1.1, 2}, {2.0, 2},
			{2.1, 3}, {3.0, 3}, {3.1, 4}, {4.0, 4}, {4.1, 5}, {12.0, 5},
		}
		for _, c := range cases {
			t.Run(tt.group+"/"+formatTenths(int(math.Round(c.size*10))), func(t *testing.T) {
				got, err := Excision(tt.group, c.size)
				require.NoError(t, err)
				assert.Equal(t, Line{Code: tt.codes[c.row], Units: 1}, got)
			})
		}
	}
	t.Run("0.55 rounds to 0.6", func(t *testing.T) {
		got, err := Excision(gExcFace, 0.55)
		require.NoError(t, err)
		assert.Equal(t, Line{Code: "11641", Units: 1}, got)
	})
	t.Run("unknown group", func(t *testing.T) {
		_, err := Excision(gTrunk, 1)
		assert.ErrorIs(t, err, ErrUnknownKey)
	})
	t.Run("zero diameter", func(t *testing.T) {
		_, err := Excision(gExcFace, 0)
		assert.ErrorIs(t, err, ErrSizeNotCovered)
	})
}

func TestRoundHalfUp1(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want float64
	}{
		{"2.55 up", 2.55, 2.6},
		{"2.45 up", 2.45, 2.5},
		{"2.549 down", 2.549, 2.5},
		{"0.05 up", 0.05, 0.1},
		{"1.05 up", 1.05, 1.1},
		{"7.55 up", 7.55, 7.6},
		{"12.55 up", 12.55, 12.6},
		{"already one decimal", 9.6, 9.6},
		{"integer", 3, 3},
		{"zero", 0, 0},
		{"sum 0.1+0.2", 0.1 + 0.2, 0.3},
		{"sum 1.1+1.45", 1.1 + 1.45, 2.6},
		{"area 1.5x1.7", 1.5 * 1.7, 2.6},
		{"area 2.1x1.5", 2.1 * 1.5, 3.2},
		{"large", 1234.45, 1234.5},
		{"negative half goes up", -2.55, -2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, RoundHalfUp1(tt.in))
		})
	}
	t.Run("NaN stays NaN", func(t *testing.T) {
		assert.True(t, math.IsNaN(RoundHalfUp1(math.NaN())))
	})
	t.Run("infinity stays", func(t *testing.T) {
		assert.Equal(t, math.Inf(1), RoundHalfUp1(math.Inf(1)))
	})
}

func BenchmarkRoundHalfUp1(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		RoundHalfUp1(16.35)
	}
}

// BenchmarkLinear measures the look-up; BenchmarkRoundHalfUp1 above is its floor.
func BenchmarkLinear(b *testing.B) {
	cases := []struct {
		name         string
		class, group string
		size         float64
	}{
		{"simple", FamilySimple, gSimpleFace, 5.1},
		{"complex-addon", FamilyComplex, gTrunk, 16.4},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Linear(c.class, c.group, c.size); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
