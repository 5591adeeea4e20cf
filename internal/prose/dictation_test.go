package prose

import "testing"

// TestDictations runs whole dictated procedure paragraphs, written the way
// transcription services print them, and checks every family that decides a
// claim line: stages and blocks, the reader, the repair.
func TestDictations(t *testing.T) {
	claim := []string{"stage", "unstaged ", "block-total ", "reader ", "repair ", "ambiguity "}
	runPhrases(t, []phraseCase{
		{"transcribed procedure: sections, map, 'I examined', a single section",
			"The clinically visible tumor was debulked with a curette. A first stage of Mohs micrographic surgery was then excised with a 2 mm margin beveled at 45 degrees. " +
				"The tissue was divided into 2 sections, color coded with tissue dyes and a map was drawn. Frozen sections were prepared by the histotechnician and I examined the slides. " +
				"There was residual basal cell carcinoma at the 3 o'clock margin of section 1. A second stage was then taken from this area and submitted as a single section. " +
				"This showed no residual tumor. The final defect measured 1.2 x 1.0 cm. The defect was closed with a layered closure measuring 2.5 cm.",
			claim, []string{"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=clear", "reader surgeon", `repair "layered closure" length=2.5`}},
		{"a stage count and the stages described agree",
			"Mohs micrographic surgery was performed in the usual fashion. Two stages were required. The first stage had 4 blocks; the second stage had 1 block. The defect was repaired with a simple linear closure of 3.0 cm.",
			claim, []string{"stage 1 blocks=4 margin=unknown", "stage 2 blocks=1 margin=unknown", "stage-count 2", `repair "simple linear closure" length=3`}},
		{"counts before the stage they belong to",
			"Three blocks were taken in the first stage. Block 2 showed nodular basal cell carcinoma at the deep margin. Two blocks were taken in the second stage and both were clear.",
			claim, []string{"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=clear"}},
		{"some of the blocks are not the stage's count",
			"Stage 1 was divided into 3 blocks. Two blocks were clear and block 3 was positive at the deep margin.",
			claim, []string{"stage 1 blocks=3 margin=positive"}},
		{"a second stage that was not needed is none",
			"Stage 1 consisted of 2 blocks, all clear. A second stage was not required.",
			claim, []string{"stage 1 blocks=2 margin=clear"}},
		{"a stage supposed is none",
			"Stage 1: 3 blocks, all margins clear. If a second stage had been needed, it would have been taken from the deep margin.",
			claim, []string{"stage 1 blocks=3 margin=clear"}},
		{"a stage named in a negated clause about tumor is still the stage",
			"Stage 1: 2 blocks, block 1 positive. There was no residual tumor in the second stage, which consisted of 1 block.",
			claim, []string{"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"stages and blocks in one summary line: the blocks are a total",
			"Mohs surgery, 3 stages, 7 blocks.",
			claim, []string{"stage-count 3", "block-total 7"}},
		{"a pathologist reading the debulk is not the Mohs reader",
			"I interpreted all frozen sections. The debulk specimen was sent to Dr. Ana Ruiz, dermatopathologist, who reviewed the permanent sections.",
			claim, []string{"reader surgeon"}},
		{"the surgeon and a pathologist both said to read the Mohs slides is ambiguous",
			"I interpreted the frozen sections of the first stage. The frozen sections of the second stage were interpreted by the staff pathologist, Dr. Ana Ruiz.",
			claim, []string{"reader surgeon", `reader pathologist "Dr. Ana Ruiz"`,
				"ambiguity the Mohs slides are said to be read by the surgeon and by a separate pathologist"}},
		{"repair options listed, then the one chosen",
			"Options for repair including second intention healing, primary closure, and flap reconstruction were discussed; an intermediate layered closure was chosen and measured 3.2 cm.",
			claim, []string{`repair "intermediate layered closure" length=3.2`}},
		{"second intention discussed but a linear repair done",
			"Second intention healing was discussed but the patient preferred a complex linear repair, 2.8 cm.",
			claim, []string{`repair "complex linear repair" length=2.8`}},
		{"second intention not chosen",
			"Healing by second intention was not chosen; a bilobed flap was designed.",
			claim, []string{`repair "bilobed flap"`}},
		{"a follow-up visit is no delayed closure",
			"The wound was closed with a simple repair, 2.0 cm. The patient will return to clinic in one week for suture removal.",
			claim, []string{`repair "simple repair" length=2`}},
		{"delayed repair by another surgeon",
			"The defect was dressed. Delayed repair with oculoplastic surgery is scheduled for next week.",
			claim, []string{`repair "Delayed repair" no-repair later`}},
		{"first Mohs layer with the roman stage in parentheses",
			"The first Mohs layer (stage I) consisted of four tissue blocks; block 4 was positive at 9 o'clock. The second Mohs layer (stage II) consisted of one block and was negative.",
			claim, []string{"stage 1 blocks=4 margin=positive", "stage 2 blocks=1 margin=clear"}},
		{"negative for tumor is clear",
			"Stage 1: 2 blocks, negative for tumor.",
			claim, []string{"stage 1 blocks=2 margin=clear"}},
		{"no other lesions announces none",
			"No other lesions were treated today.\n\nThe tissue was divided into two blocks, both clear.",
			claim, []string{"unstaged blocks=2 margin=clear"}},
		{"history of another tumor is no diagnosis of this one",
			"History of basal cell carcinoma of the right cheek treated in 2019. Today: nodular basal cell carcinoma of the left temple.",
			[]string{"diagnosis "}, []string{`diagnosis "nodular basal cell carcinoma" site="left temple"`}},
	})
}
