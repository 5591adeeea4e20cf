package lower

import (
	"fmt"
	"github.com/mohscode/mohscode/internal/prose"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
)

// columnRole is what a Mohs log column holds.
type columnRole uint8

const (
	colOther           columnRole = iota
	colLesion                     // the lesion's label, in a log of several lesions
	colStage                      // the stage ordinal
	colBlocks                     // the stage's block count
	colBlock                      // one block's label: the log has a row per block
	colMargin                     // margin status
	colStain                      // stains
	colHistology                  // histology or a comment
	colTumor                      // whether tumor remains: Y/N ("Tumor present?")
	colPositiveBlocks             // the positive blocks, "none" when clear
	colReader                     // who read the slides ("Read by")
	colStages                     // a lesion's stage count, in a summary table of lesions
	colBlocksByStage              // a lesion's block counts stage by stage ("3 / 1"), in a summary table of lesions
	colMarginsByStage             // a lesion's margins stage by stage ("S1 … positive / S2 clear"), in a summary table of lesions
	colTumorFree                  // whether the margins are free of tumor: Y/N ("Tumor-free (Y/N)")
	colSpecialStain               // stains the log presents as special ("Special stains")
	colLocation                   // "Location": the lesion's site, or where tumor remains ("deep"); each cell tells which
	colPositiveOfTotal            // positive blocks over the stage's blocks: "1/3" ("Pos/Total blocks")
	colBlockMark                  // one block, headed by its letter: "+", "-" or "." (no block) in each row
	colStainReason                // why the row's special stains were done ("Stain reason")
	colSite                       // the lesion's site beside a column that labels it ("Lesion | Site | … | Stage")
	colStageOfRow                 // one stage of the row's lesion, its number in the header ("Les | Site | Stage 1 | Stage 2 | …"), in a summary table of lesions
)

// columnNames maps a header cell (letters only, lower case) to its role.
var columnNames = map[string]columnRole{
	"lesion": colLesion, "les": colLesion, "lsn": colLesion, "lesionid": colLesion, "lesionno": colLesion, "site": colLesion, "anatomicsite": colLesion, "anatomiclocation": colLesion,
	"lesionlocation": colLesion, "location": colLocation, "tumor": colLesion, "tumour": colLesion, "lesionsite": colLesion,
	"stage": colStage, "layer": colStage, "level": colStage, "stageno": colStage, "stagenumber": colStage,
	"stg": colStage, "lvl": colStage, "lyr": colStage, "excision": colStage, "mohsexcision": colStage, "mohsstage": colStage,
	"mohslayer": colStage,
	"blocks":    colBlocks, "sections": colBlocks, "tissueblocks": colBlocks, "pieces": colBlocks,
	"specimens": colBlocks, "blockcount": colBlocks, "blks": colBlocks, "blk": colBlocks, "chips": colBlocks, "blockchips": colBlocks, "sect": colBlocks, "sects": colBlocks, "sec": colBlocks, "tissuepcs": colBlocks,
	"tissuepieces": colBlocks, "tissuesections": colBlocks, "tissueblks": colBlocks, "tissueblocs": colBlocks,
	"secs": colBlocks, "pcs": colBlocks, "frozenblocks": colBlocks, "frozensections": colBlocks,
	"block": colBlock, "section": colBlock, "piece": colBlock, "specimen": colBlock, "blockid": colBlock, "blockids": colBlocks,
	"margin": colMargin, "margins": colMargin, "marginstatus": colMargin, "result": colMargin, "res": colMargin,
	"results": colMargin, "status": colMargin, "pathresult": colMargin, "marginresult": colMargin,
	"marginsstatus": colMargin, "marginchips": colMargin, "marginreadings": colMargin, "marginreading": colMargin,
	"marginsbyblock": colMargin, "marginbyblock": colMargin, "blockresults": colMargin, "blockresult": colMargin, "blockmargins": colMargin,
	"tumoratmargin": colTumor, "tumoratmargins": colTumor, "residualtumour": colTumor, "tumorremaining": colTumor,
	"positivemargins": colPositiveBlocks, "positivemargin": colPositiveBlocks, "involvedblocks": colPositiveBlocks,
	"tumorfree": colTumorFree, "marginfree": colTumorFree, "marginsfree": colTumorFree, "clear": colTumorFree,
	"stainreason": colStainReason, "reasonforstain": colStainReason, "stainindication": colStainReason,
	"reasonforstains": colStainReason, "ihcreason": colStainReason, "ihcindication": colStainReason, "reason": colStainReason, "reasons": colStainReason,
	"stain": colStain, "stains": colStain, "staining": colStain,
	"ihc": colSpecialStain, "immunohistochemistry": colSpecialStain, "specialstainsihc": colSpecialStain,
	"specialstain": colSpecialStain, "specialstains": colSpecialStain, "immunostain": colSpecialStain,
	"immunostains": colSpecialStain,
	"histology":    colHistology, "histo": colHistology, "hist": colHistology, "remarks": colHistology, "remark": colHistology, "stagehistology": colHistology, "comment": colHistology, "comments": colHistology, "findings": colHistology,
	"note": colHistology, "notes": colHistology, "depth": colHistology, "depthcomment": colHistology,
	"reasoncomment": colHistology, "reasonfindings": colHistology, "mgn": colMargin, "mgns": colMargin, "stn": colStain, "stns": colStain,
	"tumorpresent": colTumor, "residualtumor": colTumor, "residual": colTumor, "tumorseen": colTumor,
	"positiveblocks": colPositiveBlocks, "blockspositive": colPositiveBlocks, "positivesections": colPositiveBlocks,
	"tumorpositiveblocks": colPositiveBlocks, "tumorpositivesections": colPositiveBlocks,
	"readby": colReader, "pathreadby": colReader, "slidereader": colReader, "reader": colReader, "slidesreadby": colReader, "interpretedby": colReader,
	"readingphysician": colReader, "pathologist": colReader, "readingpathologist": colReader,
	"postotalblocks": colPositiveOfTotal, "positivetotalblocks": colPositiveOfTotal, "postotal": colPositiveOfTotal,
	"positivetotal": colPositiveOfTotal, "postotalsections": colPositiveOfTotal, "positivetotalsections": colPositiveOfTotal,
	"stages": colStages, "noofstages": colStages, "numberofstages": colStages, "totalstages": colStages,
	"stagecount": colStages, "layers": colStages,
	"blocksperstage": colBlocksByStage, "blocksbystage": colBlocksByStage, "sectionsperstage": colBlocksByStage, "blocksstage": colBlocksByStage,
	"marginsbystage": colMarginsByStage, "marginsperstage": colMarginsByStage, "marginsstage": colMarginsByStage,
}

// columnSuffixes are words a header puts after what a column holds:
// "Tissue blocks examined", "Blocks processed", "Stage performed".
var columnSuffixes = []string{"examined", "processed", "taken", "submitted", "performed", "cut"}

// countPrefixes are the words a header puts before what it counts: "# of
// blocks", "No. of sections", "Number of Sections", "#Blks".
var countPrefixes = []string{"numberof", "noof", "of", "no"}

// columnRoleOf is the role of a log column named by a header cell: "Margins
// (clock)" is the margins, "# of tissue blocks" the blocks, "Histology /
// comment" the histology. A cell with digits is data, not a header
// ("Stage 1    3 blocks").
func columnRoleOf(cell string) columnRole {
	name := cell
	if open := strings.IndexByte(name, '('); open > 0 {
		name = name[:open] // "Margins (clock)"
	}
	if _, tail, ok := splitStage(name); ok && tail != "" {
		if role, ok := columnName(letters(tail)); ok && role == colHistology {
			return role // "Stage-1 histology": the first stage's histology, in its row
		}
	}
	if strings.ContainsAny(name, "0123456789") {
		return colOther
	}
	switch compact := strings.ReplaceAll(strings.TrimSpace(cell), " ", ""); {
	case compact == "+/-" || compact == "+/−" || compact == "(+/-)" || compact == "+/–" || compact == "-/+":
		return colMargin // "Stg  Blk  +/-": a margin column named by its marks
	case strings.Contains(compact, "+/tot") && strings.Contains(asciiLower(compact), "bl"):
		return colPositiveOfTotal // "Blocks +/total": "1/3", positive blocks over all
	}
	if role, ok := columnName(letters(name)); ok {
		if remark := cell[len(name):]; strings.Contains(remark, "/") && stageMark.MatchString(remark) {
			switch role {
			case colBlocks:
				return colBlocksByStage // "Blocks (S1 / S2 / S3)"
			case colMargin:
				return colMarginsByStage // "Margins (S1 / S2 / S3)"
			}
		}
		if role == colBlocks && strings.HasSuffix(strings.TrimSpace(name), "#") {
			return colBlock // "Blk#", "Block #": the block's number, one row a block ("# blocks" counts them)
		}
		return role
	}
	if first, _, ok := strings.Cut(name, "/"); ok { // "Histology / comment"
		if role, ok := columnName(letters(first)); ok {
			return role
		}
	}
	return colOther
}

// columnName looks a header's letters up, with or without a count prefix.
func columnName(name string) (columnRole, bool) {
	if role, ok := columnNames[name]; ok {
		return role, true
	}
	for _, suffix := range columnSuffixes {
		if rest, ok := strings.CutSuffix(name, suffix); ok && rest != "" {
			return columnName(rest)
		}
	}
	for _, p := range countPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			if role, ok := columnNames[rest]; ok && (role == colBlocks || role == colStages) {
				return role, true
			}
		}
	}
	return colOther, false
}

// table is a Mohs log being read: its columns, from the header row.
type table struct {
	roles []columnRole
	// stageOfColumn is the stage number of each column a summary table
	// heads "Stage 1", "Stage II", by column index
	stageOfColumn map[int]int
	columns       []int // the header cells' columns, to place cells of rows whose empty cells were dropped
	perRow        bool  // one row per block
	// summary: one row per lesion with its stage and block counts ("Lesion |
	// Site | Dx | Stages | Blocks | Repair"), ahead of each lesion's detail.
	summary bool
	// tumorColumn: the lesion column is headed "Tumor", which may also say
	// whether tumor remains ("Tumor: Present (2)"); each cell tells which.
	tumorColumn bool
	// legend: what each mark after a block letter means ("A●  B○" under
	// "Legend: ● tumor at margin  ○ margin free of tumor"), true for tumor.
	legend map[rune]bool
	names  []string // the header cells' text
	// above: the cells of the row above, for a ditto mark in this one
	above map[columnRole]*grammar.Cell
	// recordAbove: the cells of a record table's row above, for a ditto mark in this one
	recordAbove []*grammar.Cell
	// tail: the header's second line was read ("Margin" over "status")
	tail bool
	// blockIDs: no stage column, but block IDs that name their stage ("1A",
	// "2B") in the block column.
	blockIDs bool
	rows     int // the stage rows read
	// the lesion and stage of the last row read, and where in the lesion's
	// stages the run of rows that went with it starts (for newest-first
	// logs); prevLesion is -1 before the first row
	prevLesion, prevNumber, runStart int
	piece                            int // the stage whose piece the row above listed ("1A"), or 0
	// record: a table of one lesion or biopsy a row (recordHeader), with
	// the key each column gives (keys), its label and site columns (-1
	// when none), the columns that measure its repair and the remark its
	// heading makes of the repairs ("(all after tumor clearance)")
	record            recordKind
	keys              []string
	measures          []bool
	secondaryCol      int // a lesion record's "Secondary defect" column, or -1
	labelCol, siteCol int
	siteCol2          int // a second site column ("| Site | Location |": the first holds labels), or -1
	// biopsiesCaption: the caption over a biopsy record names biopsies
	// ("BIOPSIES TODAY - other lesion, …"): a method cell of the method
	// alone ("punch, 4 mm") says a biopsy was done
	biopsiesCaption bool
	remark          string
	// a transposed log, one column a stage: each stage's number, and its
	// index in the lesion's stages
	numbers, stageAt []int
	// blocksSeen: in a log of one row a block (or a slide), the block each
	// block ID of a stage was counted as
	blocksSeen map[blockKey]int
	// markColumns: the columns headed "A", "B", "C"… one a block (colBlockMark)
	markColumns int
	proven      int // the column whose dates in parentheses are the lesion's biopsy ("Dx (biopsy date)"), -1 when none
}

// blockKey is a block ID in one stage of one lesion.
type blockKey struct {
	les, stage int
	id         string
}

// recordKind is what each row of a record table describes.
type recordKind uint8

const (
	recordNone      recordKind = iota
	recordLesion               // a lesion: "Lesion | Location | Diagnosis | Pre-op size", "Site | Repair | Size"
	recordBiopsy               // a biopsy of another lesion: "# | Site | Method | Clinical impression"
	recordEncounter            // the encounter's fields, keys over values: "dos | surgeon | reader | payer"
	recordOther                // a lesion's facts no claim uses: "lesion | anesthesia | sutures"
)

// summaryRow is a row of a summary table, read once every lesion label is
// known.
type summaryRow struct {
	label, site, stages, blocks        *grammar.Cell
	byStage, marginsByStage, histology *grammar.Cell  // "3 / 1", "S1 … / S2 clear", the first stage's histology
	repair                             *grammar.Value // the row's repair, with the remark of its column's header ("Repair (after tumor clearance)")
	// ofStage is the cell of each stage column, by stage number ("3 blocks;
	// block 2 positive (deep), blocks 1, 3 clear" under "Stage 1"), with
	// the rows under it that go on with it
	ofStage map[int]*grammar.Cell
}

// header reads a header row; nil when the row is not one (it must name the
// stage and one more known column).
func header(r *grammar.Row) *table {
	if len(r.Cells) >= 3 && logCaption(r.Cells[0].Text) {
		// "Block log<TAB>Stage  Block  Margin": the log's caption before its
		// header, in a column of its own that no row fills
		if t := header(&grammar.Row{Pos: r.Pos, Cells: r.Cells[1:]}); t != nil {
			return t
		}
	}
	if first := r.Cells[0].Text; len(r.Cells) >= 2 {
		// "Block log - Stage  Block  Margin": the caption set apart from the
		// first column's name by a dash
		if k := strings.Index(first, " - "); k > 0 && logCaption(first[:k]) {
			name := strings.TrimSpace(first[k+3:])
			cells := slices.Clone(r.Cells)
			cells[0] = &grammar.Cell{Pos: r.Cells[0].Pos, Text: name}
			cells[0].Pos.Column += utf8.RuneCountInString(first) - utf8.RuneCountInString(name)
			if t := header(&grammar.Row{Pos: r.Pos, Cells: cells}); t != nil {
				return t
			}
		}
	}
	t := &table{prevLesion: -1, runStart: -1, secondaryCol: -1}
	known, stage := 0, false
	for _, c := range r.Cells {
		role := columnRoleOf(c.Text)
		if role == colLesion && (letters(c.Text) == "tumor" || letters(c.Text) == "tumour") {
			t.tumorColumn = true
		}
		t.roles = append(t.roles, role)
		t.columns = append(t.columns, c.Pos.Column)
		t.names = append(t.names, c.Text)
		if role != colOther {
			known++
		}
		stage = stage || role == colStage
		t.perRow = t.perRow || role == colBlock
	}
	t.stageColumns(r)
	t.markColumns = blockMarkColumns(t, r)
	if t.markColumns > 0 {
		known++
	}
	if name := strings.TrimSpace(r.Cells[0].Text); !stage && t.roles[0] == colOther && (name == "#" || letters(name) == "no") && slices.Contains(t.roles, colStages) {
		t.roles[0] = colLesion // "# | Stages | Blocks (S1 / S2 / S3) | …": a row a lesion, the first column its number
		known++
	}
	t.lesionFields(r)
	if !stage {
		// "| Specimen | Blocks | Margins |" with rows "Debulk", "Stage 1",
		// "Stage 2": beside a block count, the specimen column names the stage.
		b, blocks := slices.Index(t.roles, colBlock), slices.Contains(t.roles, colBlocks)
		if b >= 0 && blocks {
			t.roles[b], t.perRow, stage = colStage, false, true
		}
	}
	if !stage && slices.Contains(t.roles, colBlocks) && hasMarginColumn(t.roles) && !slices.Contains(t.roles, colLesion) {
		// "# | blocks | margins | note": a log of one lesion whose first
		// column, headed only "#" or "No.", numbers the stages
		if name := strings.TrimSpace(r.Cells[0].Text); t.roles[0] == colOther && (name == "#" || letters(name) == "no") {
			t.roles[0], stage = colStage, true
			known++
		}
	}
	if !stage && known >= 2 && slices.Contains(t.roles, colBlock) {
		// "Block  Margin  Stain" over "1A  +  H&E", "Lesion  Block  Margin"
		// over "1  1A  +": each block ID names its stage (the first row
		// tells whether they do)
		t.blockIDs, stage = true, true
	}
	if !stage && slices.Contains(t.roles, colLesion) && (slices.Contains(t.roles, colStages) || len(t.stageOfColumn) > 1) {
		t.summary = true
		return t
	}
	if !stage || known < 2 {
		return nil
	}
	return t
}

// blockMarkColumns marks as colBlockMark a header's run of cells that are
// the letters A, B, C… in order, two or more of them, and returns how many
// it marked.
func blockMarkColumns(t *table, r *grammar.Row) int {
	for k, c := range r.Cells {
		if markLetter(c.Text) != "A" || t.roles[k] != colOther && t.roles[k] != colBlock {
			continue
		}
		n := 0
		for k+n < len(r.Cells) && markLetter(r.Cells[k+n].Text) == string(rune('A'+n)) {
			n++
		}
		if n < 2 {
			return 0
		}
		for j := k; j < k+n; j++ {
			t.roles[j] = colBlockMark
		}
		return n
	}
	return 0
}

// markLetter is the letter a block column's header names: "A", "Block A",
// "Blk A".
func markLetter(header string) string {
	h := strings.TrimSpace(header)
	for _, prefix := range []string{"block ", "blk "} {
		if len(h) > len(prefix) && strings.EqualFold(h[:len(prefix)], prefix) {
			return strings.TrimSpace(h[len(prefix):])
		}
	}
	return h
}

// siteColumns are the header words of a lesion column that names its site.
var siteColumns = []string{"site", "anatomicsite", "anatomiclocation", "lesionlocation", "lesionsite"}

// lesionFields reads the columns of a log that also describes each lesion
// ("Lesion | Site | Diagnosis | Pre-op size | Indication | Stage | Blocks"):
// beside a column that labels the lesion, a site column is its site
// (colSite), and the columns a lesion key names are its fields (keys).
func (t *table) lesionFields(r *grammar.Row) {
	label := slices.IndexFunc(r.Cells, func(c *grammar.Cell) bool {
		return t.roles[slices.Index(r.Cells, c)] == colLesion && !slices.Contains(siteColumns, letters(c.Text))
	})
	if label < 0 {
		return
	}
	t.keys = make([]string, len(r.Cells))
	for k, c := range r.Cells {
		switch {
		case t.roles[k] == colLesion && slices.Contains(siteColumns, letters(c.Text)):
			t.roles[k] = colSite
		case t.roles[k] == colOther:
			if ref, ok := lookup(secLesion, c.Text); ok && ref.field != fSite {
				t.keys[k] = strings.TrimSpace(c.Text)
			}
		}
	}
}

// hasMarginColumn reports whether a log's columns say how each stage's
// margins stand.
func hasMarginColumn(roles []columnRole) bool {
	return slices.ContainsFunc(roles, func(r columnRole) bool {
		return r == colMargin || r == colTumor || r == colTumorFree || r == colPositiveBlocks
	})
}

// cells places a data row's cells under the header's columns: by index when
// the counts agree, else by the column each cell starts in — unless two
// cells would then fall under one header cell, as in a tab-separated row
// whose trailing empty cells were dropped ("3<TAB>1<TAB>N<TAB><TAB>"), whose
// columns do not line up with the header's: then by index too. Cells a run
// of spaces sets apart under one header cell are one cell whose text had a
// gap ("A●  B○  C○" under "Sections"): they are joined.
func (t *table) cells(r *grammar.Row) map[columnRole]*grammar.Cell {
	out := make(map[columnRole]*grammar.Cell, len(t.roles))
	for k, c := range t.placed(r) {
		if c != nil && t.roles[k] != colOther {
			out[t.roles[k]] = c
		}
	}
	return out
}

// placed is the cell of a row under each header cell (nil where none); see
// cells.
func (t *table) placed(r *grammar.Row) []*grammar.Cell {
	index := make([]int, len(r.Cells))
	for i := range index {
		index[i] = i
	}
	joined := false
	// A row with as many cells as the header may still have left its first
	// cells empty and gained one past the last column ("        3   pos
	// H&E   (deep)" under "Stage  Block  Margin  Stain"): its first cell
	// not under the first column says so.
	shifted := len(r.Cells) > 0 && len(t.columns) > 0 && r.Cells[0].Pos.Column > t.columns[0]+2 && t.column(r.Cells[0].Pos.Column) > 0
	if len(r.Cells) != len(t.columns) || shifted {
		byColumn := make([]int, len(r.Cells))
		aligned, spaced := true, true
		for i, c := range r.Cells {
			byColumn[i] = t.column(c.Pos.Column)
			if i > 0 {
				aligned = aligned && (byColumn[i] > byColumn[i-1] || i == 1 && byColumn[0] == len(t.columns))
				prev := r.Cells[i-1]
				gap := c.Pos.Column - prev.Pos.Column - utf8.RuneCountInString(prev.Text)
				spaced = spaced && byColumn[i] >= byColumn[i-1] && gap >= 2 && c.Pos.Line == prev.Pos.Line
			}
		}
		switch {
		case aligned:
			index = byColumn
		case spaced && (len(r.Cells) > len(t.columns) || shifted):
			index, joined = byColumn, true
		}
	}
	out := make([]*grammar.Cell, len(t.columns))
	for i, c := range r.Cells {
		k := index[i]
		switch {
		case k >= len(out):
		case out[k] == nil:
			out[k] = c
		case joined && i > 0 && index[i-1] == k:
			out[k] = &grammar.Cell{Pos: out[k].Pos, Text: out[k].Text + "  " + c.Text}
		}
	}
	if spacedApart(r) {
		t.splitOverrun(out)
	}
	return out
}

// spacedApart reports whether a row's cells are set apart by runs of
// spaces, each two or more columns from the last, so that its columns
// line up with its header's (not by tabs, whose columns do not).
func spacedApart(r *grammar.Row) bool {
	for i := 1; i < len(r.Cells); i++ {
		prev, c := r.Cells[i-1], r.Cells[i]
		if c.Pos.Line != prev.Pos.Line || c.Pos.Column-prev.Pos.Column-utf8.RuneCountInString(prev.Text) < 2 {
			return false
		}
	}
	return len(r.Cells) > 1
}

// splitOverrun cuts a cell that runs on into the next column with a single
// space where that column's header starts, when that column is empty
// ("block 3 positive (peripheral); 1-2, 4-5 clear H&E; CK7 (blocks 1-3)"
// under "Margin … Stains", "H&E" beginning under "Stains"): each column
// gets its own words.
func (t *table) splitOverrun(out []*grammar.Cell) {
	for k, c := range out {
		if c == nil {
			continue
		}
		for j := k + 1; j < len(out) && j < len(t.columns) && out[j] == nil; j++ {
			text := []rune(c.Text)
			at := t.columns[j] - c.Pos.Column
			if at <= 0 || at >= len(text) || text[at-1] != ' ' || text[at] == ' ' {
				continue
			}
			out[k] = &grammar.Cell{Pos: c.Pos, Text: strings.TrimRight(string(text[:at]), " ")}
			out[j] = &grammar.Cell{Pos: shift(c.Pos, string(text[:at])), Text: string(text[at:])}
			break
		}
	}
}

// column is the header cell a cell starting at col stands under: the one
// that starts within two columns of it (a left-aligned cell may start a
// little before its header), else the last that starts at or before it.
func (t *table) column(col int) int {
	if col < t.columns[0]-2 {
		return len(t.columns) // before the first header cell: under none
	}
	j := 0
	for k, start := range t.columns {
		switch {
		case abs(start-col) <= 2:
			return k
		case start <= col+1:
			j = k
		}
	}
	return j
}

// row reads a table row: a header, a row of the log under a header, or a
// key and its value in two cells ("DOS<TAB>04/17/2026"). Other rows are
// text for the prose reader.
func (l *lowerer) row(i int, r *grammar.Row) int {
	if l.table == nil {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		if fields := gluedLogFields(r.Pos, cells); fields != nil {
			return l.gluedLog(i, fields) // "MOHS LOG Stage | Blocks | … Stage 1 | 6 | … Stage 2 | 2 | …" on one line
		}
	}
	if l.table != nil && wordsOnly(r) && (recordHeader(r) != nil || header(r) != nil) && !(l.table.rows == 0 && l.table.record == recordNone) {
		l.table = nil // the next table's header, with no blank line before it
	}
	if l.table != nil && l.table.stageAt != nil {
		l.transposedRow(i, r)
		return i
	}
	if l.table != nil && l.table.record != recordNone {
		return l.recordRow(i, r)
	}
	if l.table != nil {
		return l.logRow(i, r)
	}
	if g := yesNoHeader(r); g != nil {
		l.endParagraph()
		l.grid = g // "Item    Yes   No"
		return i
	}
	if l.repairRow(r) {
		return i
	}
	if f := l.grid.field(r); f != nil {
		return l.field(i, f) // "Mohs map drawn      X" under Yes
	}
	// "Total stages 2       Total blocks 5", "Map drawn ✓  Slides read by me
	// ✓", "| Surgeon | A. Bee, MD | Insurance | Aetna |": a row of fields
	for _, fieldsOf := range []func(*grammar.Row) []*grammar.Field{countedCells, tickedCells, keyValuePairs} {
		if fields := fieldsOf(r); fields != nil {
			l.endParagraph()
			taken := i
			for _, f := range fields {
				taken = max(taken, l.field(i, f))
			}
			return taken
		}
	}
	if t := encounterHeader(r); t != nil {
		l.endParagraph()
		l.table = t
		return i
	}
	if t := recordHeader(r); t != nil && !l.pastHeading(i) {
		l.endParagraph()
		t.remark = l.headingRemark(i, t.remark)
		t.biopsiesCaption = containsFold(l.textAbove(i), "biops")
		l.table = t
		return i
	}
	if t := header(r); t != nil {
		l.endParagraph()
		if c := strings.TrimSpace(r.Cells[0].Text); (c == "#" || strings.EqualFold(c, "No.")) && t.roles[0] == colOther && l.headed && len(l.out.Lesions) > 1 {
			t.roles[0] = colLesion // "| # | Stage | Blocks | …" under lesions numbered "1.", "2.", "3.": each row's lesion
		}
		l.blockRowsAhead(i, t)
		if i > 0 {
			if above := headerLine(l.lines[i-1]); above != nil {
				t.name(above, true) // "# of" over "blocks": a header written on two lines
			}
		}
		t.legend = l.legend()
		l.table = t
		return i
	}
	if t := transposedHeader(r); t != nil && l.lesion >= 0 {
		l.endParagraph() // "Stage 1   Stage 2   Stage 3" over "Tissue blocks   4   2   1"
		lesion := l.cur()
		for k, n := range t.numbers {
			lesion.Stages = append(lesion.Stages, model.Stage{Ordinal: strconv.Itoa(n), Number: n, Line: r.Cells[len(r.Cells)-len(t.numbers)+k].Pos.Line})
			t.stageAt = append(t.stageAt, len(lesion.Stages)-1)
		}
		t.prevLesion = l.lesion
		l.table = t
		return i
	}
	if f := stageRow(r); f != nil {
		l.endParagraph() // "Stage 1    3 blocks    Positive - block 2 deep"
		return l.field(i, f)
	}
	if f := stageLine(&grammar.Text{Pos: r.Pos, Text: joinCells(r)}); f != nil {
		l.endParagraph() // "Stage III - 1 block  - negative": a stage line whose gap made it cells
		return l.field(i, f)
	}
	if f := checkboxRow(r); f != nil {
		return l.field(i, f) // "Deep structures involved<TAB>( ) muscle  ( ) tendon  (x) none"
	}
	if kv := slices.DeleteFunc(slices.Clone(r.Cells), func(c *grammar.Cell) bool { return c.Text == "" }); len(kv) == 2 && len(r.Cells) <= 3 {
		// "DOS<TAB>04/17/2026", or indented by a tab: "<TAB>Length<TAB>3.0 cm"
		if _, known := lookupAny(kv[0].Text); known && kv[0] == r.Cells[len(r.Cells)-2] {
			// "Histopathology | frozen sections read by the" over
			// "dermatopathologist, Dr. …": the value wrapped onto the next line
			f, j := l.wrapped(i, &grammar.Field{Pos: kv[0].Pos, Key: kv[0].Text, Value: &grammar.Value{Pos: kv[1].Pos, Text: kv[1].Text}})
			return max(j, l.field(i, f))
		}
	}
	if c := bannerPayer(r); c != nil && i < 3 && !l.out.Encounter.Payer.Present() {
		// "MOHS CASE LOG (2 tumors)    DOS 03/31/2026    Cigna Open Access Plus"
		l.field(i, &grammar.Field{Pos: c.Pos, Key: "Payer", Value: &grammar.Value{Pos: c.Pos, Text: c.Text}})
	}
	if fields := boxedFields(r); len(fields) > 0 {
		// "| MOHS LOG   Date: 05/19/2026   Surgeon: Ezekiel Ranganathan  |": a
		// boxed header's fields
		for _, f := range fields {
			l.field(i, f)
		}
		return i
	}
	if fields := keylessCells(r); fields != nil {
		l.endParagraph() // "DOS 06/22/2026 | Surgeon Dr. … | Ins Medicare | POS 11"
		for _, f := range fields {
			l.field(i, f)
		}
		return i
	}
	numbers := 0
	for _, c := range r.Cells {
		if c.Text != "" && strings.IndexFunc(c.Text, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			numbers++
		}
	}
	if len(r.Cells) >= 3 && numbers > 0 && !l.unread {
		// A row of a log whose header the reader cannot tell: its facts are
		// not used, and the coder is told where to look.
		l.unread = true
		l.report(LayoutUnread.At("", r.Pos.Line, r.Pos.Column, "a table whose columns cannot be told (no header naming the stage column): its rows are not read"))
	}
	l.paragraph = append(l.paragraph, grammar.Value{Pos: r.Pos, Text: joinCells(r)})
	return i
}

// repairRow reads a row under a repairs heading whose first cell is a
// lesion's label ("Repairs (after tumor clearance at each site)" over
// "A<TAB>complex repair 2.0 cm<TAB>final defect 1.0 x 0.8 cm"): the rest of
// the row is that lesion's repair, read as its prose and timed by the
// heading's remark; false when the row is not one.
func (l *lowerer) repairRow(r *grammar.Row) bool {
	if !l.headed || len(r.Cells) < 2 {
		return false
	}
	les := l.labelled(strings.TrimSpace(r.Cells[0].Text))
	if les < 0 {
		return false
	}
	rest := joinCells(&grammar.Row{Cells: r.Cells[1:]})
	if !repairsSection(l.block.Value) && !isRepairText(r.Cells[1].Text) {
		return false // a row keyed by a label under "Repair log:" still names its lesion: "A<TAB>complex repair after tumor clearance<TAB>2.8 cm"
	}
	l.lesionRepair(les, grammar.Value{Pos: r.Cells[1].Pos, Text: rest})
	return true
}

// lesionRepair reads a repair's text as lesion les's prose, timed by the
// repairs heading over it when that heading says the repairs followed
// clearance.
func (l *lowerer) lesionRepair(les int, v grammar.Value) {
	l.endParagraph()
	saved := l.lesion
	l.lesion = les
	l.timedByHeading(les)
	l.paragraph = append(l.paragraph, v)
	l.endParagraph()
	l.lesion = saved
}

// timedByHeading records that the repairs heading over the lines being
// read, if the block is one ("Repairs (after tumor clearance at each
// site):"), times lesion les's repair.
func (l *lowerer) timedByHeading(les int) {
	if !repairsHeading(l.block.Value) {
		return
	}
	if l.clearedRepairs == nil {
		l.clearedRepairs = map[int]model.Text{}
	}
	l.clearedRepairs[les] = l.block
}

// repairSiteLine reads a line under a repairs heading of several lesions
// that names one lesion's site or label, a dash and its repair ("Right
// nasal dorsum – intermediate (layered) closure, 12.5 mm", "Lesion 2 -
// complex repair 2.2 cm"): the repair is that lesion's, read as its prose
// and timed by the heading; false when the line is not one.
func (l *lowerer) repairSiteLine(t *grammar.Text) bool {
	for _, dash := range []string{" – ", " — ", " - ", ": "} { // "- Right upper eyelid, after tumor clearance (…): complex repair …", the key too long for a field
		name, rest, ok := strings.Cut(t.Text, dash)
		if !ok || dash == ": " && (strings.Contains(name, ". ") || wordCount(name, 25) > 24 || !strings.Contains(name, ", after ") || !containsFold(name, "clearance")) {
			continue // a site timed before its colon only; not "… The first layer was divided into two blocks: …", a sentence's colon
		}
		v := trimmedValue(&grammar.Value{Pos: t.Pos, Text: t.Text}, len(name)+len(dash), len(t.Text))
		if l.repairAtSite(name, v) {
			return true
		}
		if outer, _, _ := strings.Cut(name, "("); len(l.out.Lesions) > 1 && repairsSection(l.block.Value) && isRepairText(rest) && name != "" && isLetterRune(rune(name[0])) &&
			!grammar.IsLabel(strings.TrimSpace(name)) && resolvedSite(strings.TrimSpace(outer)) != "" {
			// "Right lower leg (number 5) - intermediate layered closure, 3.0
			// cm." naming no lesion of the note: its repair is no lesion's
			l.report(ProseAmbiguous.At("", t.Pos.Line, t.Pos.Column, "a repair line names a site that is no lesion of the note: its repair is not coded, and the other repairs of its class and group may be summed short"))
			return true
		}
		if les, timing := l.repairName(name, t.Pos.Line); l.headed && len(l.out.Lesions) > 1 && !repairsSection(l.block.Value) && isRepairText(rest) &&
			(timing != "" || mentions(rest, []string{"clearance", "cleared"})) && !containsFold(rest, "stage") && les >= 0 {
			// "Right temple - after tumor clearance, intermediate layered
			// closure, 3.4 cm." under "Wound management by site", "Right
			// nasal ala repair (after tumor clearance) - full-thickness skin
			// graft, …": the repair line times itself
			return l.siteRepair(name, v)
		}
	}
	return false
}

// repairsLine reads a line that opens with a repairs heading and goes on
// with one "site - repair" sentence per lesion ("Repairs, each after tumor
// clearance at its site. Left nasal sidewall - full-thickness skin graft,
// …. Right conchal bowl - …."): each repair is its site's lesion's, timed
// by the heading; false when the line is not one.
func (l *lowerer) repairsLine(t *grammar.Text) bool {
	if len(l.out.Lesions) < 2 || !strings.Contains(t.Text, ". ") || !isRepairText(t.Text) {
		return false
	}
	sentences := splitSentences(&grammar.Value{Pos: t.Pos, Text: t.Text})
	head := strings.TrimRight(sentences[0].Text, ".: ")
	if len(sentences) < 3 || strings.ContainsAny(head, "0123456789") || !repairsHeading(head) && !repairsSection(head) {
		return false // not "Repairs, all after tumor clearance: right postauricular - complex repair, 3.2 cm."
	}
	type siteRepair struct {
		name string
		v    *grammar.Value
	}
	var repairs []siteRepair
	for _, sen := range sentences[1:] {
		name, _, ok := strings.Cut(sen.Text, " - ")
		if !ok || l.siteLesion(strings.TrimSpace(name)) < 0 || !isRepairText(sen.Text) {
			return false
		}
		repairs = append(repairs, siteRepair{name, trimmedValue(sen, len(name)+3, len(sen.Text))})
	}
	l.endParagraph()
	l.block = model.Text{Value: head, Line: t.Pos.Line}
	for _, r := range repairs {
		l.repairAtSite(r.name, r.v)
	}
	return true
}

// repairAtSite reads the repair a line under a repairs heading of several
// lesions gives the lesion named (by site or label), as that lesion's
// prose, timed by the heading; false when name names no one lesion, or
// the heading or value is no repair's.
func (l *lowerer) repairAtSite(name string, v *grammar.Value) bool {
	if !repairsSection(l.block.Value) {
		return false
	}
	return l.siteRepair(name, v)
}

// siteRepair reads a repair a line gives the lesion it names (by site or
// label) as that lesion's prose, timed by the repairs heading over it if
// there is one; false when name names no one lesion of several, or the
// value is no repair's.
func (l *lowerer) siteRepair(name string, v *grammar.Value) bool {
	if len(l.out.Lesions) < 2 || !isRepairText(v.Text) {
		return false
	}
	les, timing := l.repairName(name, v.Pos.Line)
	if les < 0 {
		return false
	}
	if timing != "" {
		v = &grammar.Value{Pos: v.Pos, Text: timing + ", " + v.Text} // "Right nasal ala repair (after tumor clearance) - full-thickness skin graft, …"
	}
	l.lesionRepair(les, *v)
	return true
}

// repairName is the lesion the name of a repair line names — by its label
// or site, a label in parentheses after the site ("Right lower leg (number
// 3)"), or a site followed by the word repair ("Right nasal ala repair
// (after tumor clearance)") — and the timing its parentheses state; -1
// when it names no one lesion.
func (l *lowerer) repairName(name string, line int) (int, string) {
	name = strings.TrimSpace(name)
	outer, inner, _ := strings.Cut(name, "(")
	inner, _, _ = strings.Cut(inner, ")")
	outer = strings.TrimSpace(outer)
	for _, word := range []string{" repair", " closure", " reconstruction"} {
		outer = strings.TrimSuffix(outer, word)
	}
	timing := ""
	if mentions(inner, []string{"clearance", "cleared", "clear margins"}) {
		timing = strings.TrimSpace(inner)
	}
	if site, after, ok := strings.Cut(outer, ", after "); ok && mentions(after, []string{"clearance", "cleared", "clear margins"}) {
		// "Right upper eyelid, after tumor clearance (while the second scalp
		// stage was processing)": the site, then its timing; what the
		// parentheses say of another site is no part of the name
		outer, timing = strings.TrimSpace(site), "after "+strings.TrimSpace(after)
		name = outer
	}
	for _, cand := range []string{name, outer} {
		if les := l.labelled(cand); les >= 0 {
			return les, timing
		}
		if les := l.siteLesion(cand); les >= 0 {
			return les, timing
		}
	}
	if label, site, ok := strings.Cut(outer, " "); ok && grammar.IsLabel(label) && resolvedSite(site) != "" {
		if les := l.labelled(label); les >= 0 {
			return les, timing // "A right cheek - advancement flap, …": the label, then the site
		}
	}
	if words := sentenceWords(inner); len(words) == 2 && (words[0].text == "number" || words[0].text == "no") {
		if les := l.labelled(words[1].text); les >= 0 && (outer == "" || l.siteLesion(outer) < 0 || l.siteLesion(outer) == les) {
			return les, timing // "Right lower leg (number 2)"
		}
		if l.headed && words[1].text == strconv.Itoa(len(l.out.Lesions)+1) && resolvedSite(outer) != "" && len(l.out.Lesions) < MaxLesions {
			// "Right lower leg (number 3) - intermediate layered closure, 3.0
			// cm." after a log with no rows for lesion 3: the lesion the
			// repair names, with no stage of its own (stages-missing)
			l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: words[1].text, Line: line, HeadingText: model.Text{Value: outer, Line: line}})
			return len(l.out.Lesions) - 1, timing
		}
	}
	return -1, ""
}

// yesNoGrid is a checklist whose rows mark an item with an X under a Yes or
// a No column.
type yesNoGrid struct {
	yes, no int // the columns of the Yes and No header cells
}

// yesNoHeader reads the header of a yes/no checklist ("Item    Yes   No",
// or "Yes   No" over an unnamed item column); nil when the row is not one.
func yesNoHeader(r *grammar.Row) *yesNoGrid {
	cells := r.Cells
	if len(cells) == 3 {
		cells = cells[1:]
	}
	if len(cells) != 2 {
		return nil
	}
	g := &yesNoGrid{}
	for _, c := range cells {
		switch asciiLower(strings.TrimSpace(c.Text)) {
		case "yes", "y":
			g.yes = c.Pos.Column
		case "no", "n":
			g.no = c.Pos.Column
		}
	}
	if g.yes == 0 || g.no == 0 {
		return nil
	}
	return g
}

// checkMarks are the marks of a checked box; emptyBoxes those of an
// unchecked one.
var (
	checkMarks = []string{"x", "✓", "✔", "☒", "☑", "[x]", "(x)", "[✓]", "[✔]"}
	emptyBoxes = []string{"☐", "[ ]", "( )", "[]", "()"}
)

// field reads a checklist row as the field of its item, "yes" or "no" by
// the column its mark stands nearest to ("Mohs map drawn      X", "Mohs map
// drawn   ☒   ☐"); nil when the row is not one: one checked mark, the
// other box, if printed, empty.
func (g *yesNoGrid) field(r *grammar.Row) *grammar.Field {
	if g == nil || len(r.Cells) != 2 && len(r.Cells) != 3 {
		return nil
	}
	var mark *grammar.Cell
	for _, c := range r.Cells[1:] {
		switch m := asciiLower(strings.TrimSpace(c.Text)); {
		case slices.Contains(checkMarks, m) && mark == nil:
			mark = c
		case !slices.Contains(emptyBoxes, m):
			return nil
		}
	}
	if mark == nil {
		return nil
	}
	value := "yes"
	if abs(mark.Pos.Column-g.no) < abs(mark.Pos.Column-g.yes) {
		value = "no"
	}
	return &grammar.Field{Pos: r.Cells[0].Pos, Key: r.Cells[0].Text, Value: &grammar.Value{Pos: mark.Pos, Text: value}}
}

// stageRow reads a row outside a log whose first cell is a stage key and
// whose other cells are its items: "Stage 1    3 blocks    Positive - block
// 2 deep" is the field "Stage 1: 3 blocks; Positive - block 2 deep". nil
// when the row is not one.
func stageRow(r *grammar.Row) *grammar.Field {
	if len(r.Cells) < 2 {
		return nil
	}
	ordinal, tail, isStage := splitStage(r.Cells[0].Text)
	if !isStage || tail != "" || ordinal == "" {
		return nil
	}
	var items []string
	for _, c := range r.Cells[1:] {
		if c.Text != "" {
			items = append(items, c.Text)
		}
	}
	if len(items) == 0 {
		return nil
	}
	return &grammar.Field{Pos: r.Cells[0].Pos, Key: r.Cells[0].Text, Value: &grammar.Value{Pos: r.Cells[1].Pos, Text: strings.Join(items, "; ")}}
}

// isStageCell reports whether a log's stage cell names a stage: "2", "II",
// "Stage 2".
func isStageCell(s string) bool {
	s = strings.TrimSpace(s)
	if ordinal, tail, isStage := splitStage(s); isStage && tail == "" && ordinal != "" {
		s = ordinal
	}
	_, ok := stageNumber(s)
	return ok
}

// logRow reads one row of a Mohs log into the stage it names, with the
// rows under it that continue its cells. It returns the index of the last
// line it took.
func (l *lowerer) logRow(i int, r *grammar.Row) int {
	t := l.table
	cells := t.cells(r)
	t.ditto(cells)
	if t.summary {
		if c := cells[colLesion]; c != nil && c.Text != "" {
			l.summaries = append(l.summaries, summaryRow{label: c, site: cells[colSite], stages: cells[colStages], blocks: cells[colBlocks],
				byStage: cells[colBlocksByStage], marginsByStage: cells[colMarginsByStage], histology: cells[colHistology], repair: t.keyedRepair(r),
				ofStage: t.stageCells(r, nil)})
		} else if n := len(l.summaries); n > 0 && len(t.stageOfColumn) > 0 && l.summaries[n-1].label.Pos.Line < r.Pos.Line {
			// "    |      | (deep), blocks 1, 3 clear  |": the row above's
			// cells wrapped onto this one
			l.summaries[n-1].ofStage = t.stageCells(r, l.summaries[n-1].ofStage)
		}
		return i
	}
	line := r.Pos.Line
	stageCell := cells[colStage]
	if t.rows == 0 && !t.tail && !t.blockIDs && (stageCell == nil || !isStageCell(stageCell.Text)) && wordsOnly(r) {
		t.name(r, false) // "Margin" over "status", "(no.)" over "(n)": the header's second line
		t.tail = true
		return i
	}
	if t.blockIDs {
		n := 0
		if c := cells[colBlock]; c != nil {
			n = blockID(c.Text)
			stageCell = &grammar.Cell{Pos: c.Pos, Text: strconv.Itoa(n)}
		}
		if n == 0 {
			if t.rows == 0 { // no stage in the block column: the table is no log of block IDs
				l.table = nil
				return l.row(i, r)
			}
			return i
		}
	}
	if (stageCell == nil || stageCell.Text == "") && t.perRow && t.rows > 0 && cells[colBlock] != nil && cells[colBlock].Text != "" {
		// a merged stage cell: the block is one more of the stage above
		stageCell = &grammar.Cell{Pos: r.Pos, Text: strconv.Itoa(t.prevNumber)}
	}
	if totalsRow(r) {
		l.totals(t, r, cells)
		return i
	}
	if stageCell == nil || stageCell.Text == "" {
		return i
	}
	t.rows++
	taken := i
	if !t.perRow {
		taken = l.continued(i, cells)
	}
	if c := cells[colLesion]; c != nil && t.tumorColumn && cells[colTumor] == nil {
		if _, ok := tumorCell(map[columnRole]*grammar.Cell{colTumor: c}, line); ok {
			cells[colTumor], cells[colLesion] = c, nil // "Present (2)": whether tumor remains, not which tumor
			t.roles[slices.Index(t.roles, colLesion)], t.tumorColumn = colTumor, false
		}
	}
	if c := cells[colLocation]; c != nil && cells[colLesion] == nil {
		if _, site := anatomy.Resolve(c.Text); site {
			t.roles[slices.Index(t.roles, colLocation)] = colLesion // "R nasal ala": the lesion's site
			cells[colLesion] = c
		}
	}
	lesionCell := slices.Contains(t.roles, colLesion) // the row names its lesion
	if c := cells[colLesion]; c == nil || strings.TrimSpace(c.Text) == "" {
		if m := lesionStageID.FindStringSubmatch(strings.TrimSpace(stageCell.Text)); m != nil {
			// "L1S2" in a specimen column: lesion 1, stage 2
			cells[colLesion] = &grammar.Cell{Pos: stageCell.Pos, Text: m[1]}
			stageCell = &grammar.Cell{Pos: stageCell.Pos, Text: m[2]}
			lesionCell = true
		}
	}
	les := l.lesion
	if c := cells[colLesion]; c == nil || strings.Trim(c.Text, " \t-–—") == "" {
		if slices.Contains(t.roles, colLesion) {
			les = t.prevLesion // a merged cell, or a dash in it ("| — | 2 | …"): the lesion of the row above (none above: it cannot be told)
		}
	} else {
		site := ""
		if sc := cells[colSite]; sc != nil {
			site = strings.TrimSpace(sc.Text)
		}
		if les = l.tableLesion(strings.TrimSpace(c.Text), site, line); les < 0 {
			l.report(LesionAmbiguous.At("", line, c.Pos.Column, "the log names lesion %q, which the note does not label: its row is not read", c.Text))
			return taken
		}
	}
	if les < 0 {
		l.report(LesionAmbiguous.At("", line, r.Pos.Column, "a Mohs log row before the first lesion label: its lesion cannot be told"))
		return taken
	}
	if !lesionCell && len(l.out.Lesions) > 1 && l.openedByRow(les) {
		// lesions known from a table's rows, and a log with no lesion column:
		// the last row of that table does not say whose stages these are
		l.report(LesionAmbiguous.At("", line, r.Pos.Column, "a Mohs log row with no lesion column in a note whose lesions are rows of a table: its lesion cannot be told"))
		return taken
	}
	if t.keys != nil {
		l.lesionCells(les, t, r, i)
	}
	stageText := strings.TrimSpace(stageCell.Text)
	if ordinal, tail, isStage := splitStage(stageText); isStage && tail == "" && ordinal != "" {
		stageText = ordinal // "Stage 1" in a specimen column
	} else if mentions(asciiLower(stageText), []string{"debulk"}) {
		return taken // the debulking specimen is no stage
	}
	piece := stagePiece(stageText) // "1A", "1B": pieces of stage 1
	if piece {
		stageText = stageText[:len(stageText)-1]
	}
	n, ok := stageNumber(stageText)
	if !ok {
		if _, known := lookupAny(stageCell.Text); known && t.rows > 1 {
			// "FINAL DEFECT     6.8 x 5.1 cm" under the log: the log has ended
			t.rows--
			l.table = nil
			return l.row(i, r)
		}
		l.report(ValueInvalid.At("", line, stageCell.Pos.Column, "Stage: expected a stage number (1 to 99, or a roman numeral I to XX), found %q", stageCell.Text))
		return taken
	}
	l.lesion = les
	lesion := l.cur()
	st := stageOf(lesion, n)
	if piece && st != nil && t.piece == n && !t.perRow {
		// "1B" after "1A": another piece of the stage, its blocks the stage's
		var part model.Stage
		l.stageCells(&part, cells, line, taken)
		addPiece(st, part)
		return taken
	}
	t.piece = 0
	if piece {
		t.piece = n
	}
	if st == nil || !t.perRow {
		st = t.addStage(lesion, les, model.Stage{Ordinal: stageText, Number: n, Line: line})
	}
	if t.perRow {
		l.blockRow(st, les, cells, line)
		return taken
	}
	l.stageCells(st, cells, line, taken)
	if t.markColumns > 0 {
		t.markGrid(st, r, line)
	}
	l.rowStage = rowStage{line: i, lesion: les, stage: slices.IndexFunc(lesion.Stages, func(s model.Stage) bool { return s.Line == st.Line && s.Number == st.Number })}
	return taken
}

// rowStage is the stage the last log row stated: its line index, lesion
// and stage.
type rowStage struct{ line, lesion, stage int }

// underRow finds the stage a line under a log row speaks of: one stage
// field indented under the row ("1  4  blocks 1 and 4 positive …" over
// "        Histology: confluent atypical junctional melanocytes …"). It
// returns the stage and the key's meaning, or nil.
func (l *lowerer) underRow(i int, it *grammar.Item) (*model.Stage, keyRef) {
	if i == 0 || l.rowStage.line != i-1 || l.lines[i-1].Row == nil || it.Marker != nil || it.Label != nil || it.Text != nil ||
		len(it.Fields) != 1 || it.Pos.Column <= l.lines[i-1].Pos.Column || l.rowStage.stage < 0 {
		return nil, keyRef{}
	}
	ref, ok := lookup(secStage, it.Fields[0].Key)
	if !ok {
		return nil, keyRef{}
	}
	les := &l.out.Lesions[l.rowStage.lesion]
	if l.rowStage.stage >= len(les.Stages) {
		return nil, keyRef{}
	}
	return &les.Stages[l.rowStage.stage], ref
}

// markGrid reads a log's block columns, one a block headed by its letter
// ("A  B  C  D") with a mark in each: "+" a block with tumor at its
// margin, "-" a clear block, "." or nothing no block. A cell that is none
// of these leaves the stage's count and margins unread.
func (t *table) markGrid(st *model.Stage, r *grammar.Row, line int) {
	blocks, positive := 0, false
	for k, c := range t.placed(r) {
		if t.roles[k] != colBlockMark || c == nil {
			continue
		}
		switch text := strings.TrimSpace(c.Text); {
		case text == "+" || strings.HasPrefix(text, "+ "): // "+ deep": tumor at the block's deep margin
			blocks, positive = blocks+1, true
		case text == "-" || text == "−" || text == "–":
			blocks++
		case strings.Trim(text, ". ") == "": // ".  ." : the gap after a dot joins the marks of blocks not cut
		default:
			return
		}
	}
	if blocks == 0 {
		return
	}
	if !st.Blocks.Present() {
		st.Blocks = model.Count{N: blocks, Line: line}
	}
	if len(st.Margins) == 0 { // "Blocks 3 | + deep | - | -": the marks give the margins beside the count
		st.Margins = append(st.Margins, model.Margin{Positive: positive, Line: line})
	}
}

// lesionCells gives lesion les the site and the fields a log row states of
// it where the log also describes each lesion; a row that continues the
// lesion above leaves those cells empty.
func (l *lowerer) lesionCells(les int, t *table, r *grammar.Row, i int) {
	if les != l.lesion {
		l.closeSections() // another lesion's row: the sections of the one before are closed
	}
	l.lesion = les
	placed := t.placed(r)
	for k, c := range placed {
		if c == nil || strings.Trim(c.Text, "-–— ") == "" {
			continue
		}
		key := t.keys[k]
		if t.roles[k] == colSite && !l.cur().Site.Text.Present() {
			key = "Site"
		}
		if key != "" {
			l.field(i, &grammar.Field{Pos: c.Pos, Key: key, Value: &grammar.Value{Pos: c.Pos, Text: strings.TrimSpace(c.Text)}})
			l.closeSections()
		}
	}
	l.lesion = les
}

// stageCells reads a log's cells about one stage: its blocks, margins,
// reader, stains and histology. i is the last line of the row, for a stain
// cell's footnote.
func (l *lowerer) stageCells(st *model.Stage, cells map[columnRole]*grammar.Cell, line, i int) {
	if c := cells[colBlocks]; c != nil && c.Text != "" {
		if n := max(blockLetters(c.Text), blockRange(c.Text), idRange(c.Text)); n > 0 { // "A-C", "x3", "1-6", "1A-1F"
			st.Blocks = model.Count{N: n, Line: line}
		} else if chips := blockChips(c.Text); len(chips) > 0 { // "[A+] [B-] [C-]"
			st.Blocks = model.Count{N: len(chips), Line: line}
			st.Margins = append(st.Margins, margins(model.Text{Value: strings.Join(chips, ", "), Line: line})...)
		} else if marks := markedBlocks(c.Text); len(marks) > 0 { // "A●  B○  C○"
			st.Blocks = model.Count{N: len(marks), Line: line}
			st.Margins = append(st.Margins, l.table.markMargins(marks, line)...)
		} else {
			blocks, err := count("Blocks", &grammar.Value{Pos: c.Pos, Text: c.Text}, 1)
			l.problem(err)
			if err == nil {
				st.Blocks = blocks
			}
		}
	}
	if c := cells[colPositiveOfTotal]; c != nil && c.Text != "" {
		if positive, total, ok := positiveOfTotal(c.Text); ok {
			st.Blocks = model.Count{N: total, Line: line}
			st.Margins = append(st.Margins, model.Margin{Positive: positive > 0, Line: line})
		} else {
			l.problem(&diag.ParseError{Filename: c.Pos.Filename, Line: c.Pos.Line, Column: c.Pos.Column,
				Message: fmt.Sprintf("Positive/total blocks: expected positive blocks over all blocks such as \"1/3\", found %q", c.Text)})
		}
	}
	if c := cells[colMargin]; c != nil && resultHistology(c.Text) && !st.Histology.Present() {
		st.Histology = model.Text{Value: c.Text, Line: line} // "+ block 1 deep (MD SCC in reticular dermis, no PNI)"
	}
	if c := cells[colMargin]; c != nil && c.Text != "" {
		switch m := strings.TrimSpace(c.Text); {
		case strings.HasPrefix(m, "+"): // "+ deep"
			st.Margins = append(st.Margins, model.Margin{Positive: true, Line: line})
		case m == "-" || m == "−" || m == "–":
			st.Margins = append(st.Margins, model.Margin{Line: line})
		default:
			st.Margins = append(st.Margins, margins(model.Text{Value: m, Line: line})...)
		}
	} else if m, ok := tumorCell(cells, line); ok {
		st.Margins = append(st.Margins, m)
	} else if c := cells[colHistology]; c != nil && c.Text != "" {
		if _, known := marginStatus(c.Text); known {
			// no margin column: "blk 2 + at deep margin (…); blks 1 & 3
			// clear", "tumor-free" in the log's comment column
			st.Margins = append(st.Margins, margins(model.Text{Value: c.Text, Line: line})...)
		}
	}
	if c := cells[colReader]; c != nil && c.Text != "" && !l.out.Encounter.Pathology.Present() {
		l.out.Encounter.Pathology = model.Text{Value: c.Text, Line: line} // "Read by: Dr. … (dermatopathology)"
	}
	for _, role := range []columnRole{colStain, colSpecialStain} {
		if c := cells[role]; c != nil && c.Text != "" {
			st.Stains = append(st.Stains, l.stainCell(i, c, line, role == colSpecialStain)...)
			if h := cellHistology(c.Text); h != "" && !st.Histology.Present() {
				st.Histology = model.Text{Value: h, Line: line} // "| H&E; morpheaform BCC strands in the reticular dermis, no PNI" under "STAINS / NOTES"
			}
		}
	}
	if c := cells[colStainReason]; c != nil && strings.Trim(c.Text, "-–—/ ") != "" && !strings.EqualFold(strings.TrimSpace(c.Text), "n/a") {
		for k := range st.Stains {
			if st.Stains[k].Reason == "" {
				st.Stains[k].Reason = c.Text // "separate BCC strands from follicular epithelium"
			}
		}
	}
	if purposeRemark(st, cells[colHistology]) {
		return
	}
	if c := cells[colHistology]; c != nil && c.Text != "" {
		add := func(s model.Stain) { st.Stains, _ = addStainOnce(st.Stains, s) }
		if rest := stainRemark(st, c.Text, line, add); rest != "" && !st.Histology.Present() {
			st.Histology = model.Text{Value: rest, Line: line}
		}
	}
}

// cellHistology is the histology a stains cell gives after its stains,
// set apart by a semicolon ("H&E; morpheaform BCC strands in the reticular
// dermis, no PNI"), or "".
func cellHistology(s string) string {
	parts := strings.Split(s, ";")
	for _, part := range parts[1:] {
		if part = strings.TrimSpace(part); isHistology(part) && !namesKnownStain(part) {
			return part
		}
	}
	return ""
}

// purposeRemark gives the stage's special stains that state no reason the
// reason a log's comment cell gives them ("| H&E, AE1/AE3 | to highlight
// single spindled tumor cells in inflamed dermis"), and reports whether the
// cell was such a reason.
func purposeRemark(st *model.Stage, c *grammar.Cell) bool {
	if c == nil {
		return false
	}
	if w := firstWord(asciiLower(c.Text)); w != "to" && w != "for" && w != "because" {
		return false
	}
	given := false
	for k := range st.Stains {
		if s := &st.Stains[k]; s.Reason == "" && codetable.ClassifyStain(s.Name) != codetable.StainRoutine {
			s.Reason, given = strings.TrimSpace(c.Text), true
		}
	}
	return given
}

// tumorDropper removes the word tumor from a result cell.
var tumorDropper = strings.NewReplacer("tumour", "", "tumor", "")

// resultHistology reports whether a log's result cell also describes the
// tumor's histology — a cell type, depth or pattern, not only "tumor at
// the deep margin".
func resultHistology(s string) bool {
	lower := tumorDropper.Replace(asciiLower(s))
	return isHistology(lower)
}

// positiveOfTotal reads a cell of positive blocks over the stage's blocks,
// "1/3" or "0 / 2"; ok is false unless both are counts and the first is
// at most the second.
func positiveOfTotal(s string) (positive, total int, ok bool) {
	p, t, found := strings.Cut(s, "/")
	p, t = strings.TrimSpace(p), strings.TrimSpace(t)
	if !found || !grammar.IsDigits(p) || !grammar.IsDigits(t) {
		return 0, 0, false
	}
	positive, total = refNumber(p), refNumber(t)
	return positive, total, total > 0 && (positive > 0 || p == "0") && positive <= total
}

// stainRemark gives each part of a comment cell (up to a semicolon) that
// opens with the names of stains of its stage and goes on with a reason
// ("Ber-EP4 to separate BCC from follicular epithelium", "MART-1 and PRAME
// on block 2 to confirm …") to those stains as their reason; a part that
// opens with a special stain the stage does not name ("MART-1 on all
// blocks for melanocyte density", in a log with no stain column) is
// handed to add. It returns the rest of the cell ("morpheaform BCC, no
// PNI; Ber-EP4 to separate …" leaves "morpheaform BCC, no PNI"): the cell
// as it is when it names no stain.
func stainRemark(st *model.Stage, text string, line int, add func(model.Stain)) string {
	var rest []string
	for _, part := range strings.Split(strings.TrimSpace(text), "; ") {
		part := strings.TrimSpace(part)
		if stainReasonPart(st, part) {
			continue
		}
		if opensWithStain(part) && !namesStageStain(st, part) {
			// "MART-1 on all blocks for melanocyte density at the margins"
			// in a log with no stain column: the stain and its reason
			for _, s := range stains(model.Text{Value: part, Line: line}, false) {
				add(s)
			}
			continue
		}
		rest = append(rest, part)
	}
	return strings.TrimSpace(strings.Join(rest, "; "))
}

// namesStageStain reports whether a comment opens with a stain the stage
// names already ("SOX10 on blks 1-2 only" beside an IHC cell's SOX10).
func namesStageStain(st *model.Stage, part string) bool {
	first, _, _ := strings.Cut(part, " ")
	return slices.ContainsFunc(st.Stains, func(s model.Stain) bool { return strings.EqualFold(s.Name, first) })
}

// opensWithStain reports whether a comment opens with the name of a known
// stain that it does not deny ("MART-1 on all blocks …", not "no MART-1
// needed").
func opensWithStain(part string) bool {
	first, _, _ := strings.Cut(part, " ")
	st, ok := stain(first)
	return ok && codetable.ClassifyStain(st.Name) != codetable.StainUnknown && codetable.ClassifyStain(st.Name) != codetable.StainRoutine
}

// addStainOnce adds a stain to a stage's stains unless the stage names it
// already.
func addStainOnce(stains []model.Stain, s model.Stain) ([]model.Stain, bool) {
	for _, o := range stains {
		if strings.EqualFold(o.Name, s.Name) {
			return stains, false
		}
	}
	return append(stains, s), true
}

// stainReasonPart gives a part of a comment cell that names stains of the
// stage and then a reason to those stains (see stainRemark), and reports
// whether it was one.
func stainReasonPart(st *model.Stage, part string) bool {
	lower := asciiLower(part)
	lead := -1
	for _, l := range reasonLeads {
		if k := strings.Index(lower, l); k > 0 && (lead < 0 || k < lead) {
			lead = k
		}
	}
	if lead < 0 {
		return false
	}
	head := lower[:lead] // "mart-1 and prame on block 2": the stains the reason is for
	named := false
	for k := range st.Stains {
		if name := asciiLower(st.Stains[k].Name); name != "" && strings.HasPrefix(head, name) {
			named = true
		}
	}
	if !named {
		return false
	}
	for k := range st.Stains {
		if name := asciiLower(st.Stains[k].Name); name != "" && strings.Contains(head, name) && st.Stains[k].Reason == "" {
			st.Stains[k].Reason = part[lead:]
		}
	}
	return true
}

// addStage adds a stage a log row names to its lesion and returns it. A
// log listed newest first ("3", "2", "1": a row whose stage is one less
// than the row above) has its stages put back in the order they were
// done; they are counted as listed all the same.
func (t *table) addStage(lesion *model.Lesion, les int, st model.Stage) *model.Stage {
	for k := range lesion.Stages {
		if old := &lesion.Stages[k]; old.Number == st.Number && st.Number > 0 && !old.Blocks.Present() && len(old.Margins) == 0 {
			// "Histology (stage 1): …" above the log: the row is that stage, not another
			hist, stains := old.Histology, old.Stains
			*old = st
			if !old.Histology.Present() {
				old.Histology = hist
			}
			old.Stains = append(old.Stains, stains...)
			return old
		}
	}
	lesion.Stages = append(lesion.Stages, st)
	last := len(lesion.Stages) - 1
	at := last
	if t.prevLesion == les && t.prevNumber == st.Number+1 && t.runStart >= 0 && t.runStart < last {
		at = t.runStart
		copy(lesion.Stages[at+1:], lesion.Stages[at:last])
		lesion.Stages[at] = st
	} else {
		t.runStart = last
	}
	t.prevLesion, t.prevNumber = les, st.Number
	return &lesion.Stages[at]
}

// textColumns are the columns whose cells a wrapped row may continue.
var textColumns = []columnRole{colMargin, colStain, colSpecialStain, colHistology, colPositiveBlocks, colReader}

// continued joins to the cells of log row i the rows under it that
// continue them — a cell wrapped onto the next line, its stage cell empty:
//
//	1       4        block 3 positive (deep),     pan-cytokeratin
//	                 blocks 1, 2, 4 clear         (blocks 2-3)*
//
// A row under it with a stage, a lesion or a count is a row of its own. It
// returns the index of the last line joined (i when none).
func (l *lowerer) continued(i int, cells map[columnRole]*grammar.Cell) int {
	t := l.table
	j := i
	for ; j+1 < len(l.lines); j++ {
		var more map[columnRole]*grammar.Cell
		switch next := l.lines[j+1]; {
		case next.Row != nil:
			more = t.cells(next.Row)
		case next.Item != nil && next.Item.Marker == nil && next.Item.Label == nil && len(next.Item.Fields) == 0 && next.Item.Text != nil:
			col := next.Item.Text.Pos.Column
			k := t.column(col)
			if k == 0 || k >= len(t.columns) || abs(t.columns[k]-col) > 2 {
				return j
			}
			more = map[columnRole]*grammar.Cell{t.roles[k]: {Pos: next.Item.Text.Pos, Text: next.Item.Text.Text}}
		default:
			return j
		}
		wraps := false
		for role, c := range more {
			switch {
			case c.Text == "":
			case slices.Contains(textColumns, role):
				wraps = true
			default:
				return j // a stage, a lesion, a count or an unknown column: a row of its own
			}
		}
		if !wraps {
			return j
		}
		for _, role := range textColumns {
			c := more[role]
			switch {
			case c == nil || c.Text == "":
			case cells[role] == nil || cells[role].Text == "":
				cells[role] = c
			default:
				cells[role] = &grammar.Cell{Pos: cells[role].Pos, Text: cells[role].Text + " " + c.Text}
			}
		}
	}
	return j
}

// footnoteMarks mark a cell whose remark stands in a footnote under the
// table.
const footnoteMarks = "*†‡"

// stainCell reads a log's stain cell. A footnote mark after it ("pan-
// cytokeratin (blocks 2-3)*") points to the line under the table that
// gives the stains' reason ("* pan-cytokeratin to highlight perineural
// tumor cells").
func (l *lowerer) stainCell(i int, c *grammar.Cell, line int, special bool) []model.Stain {
	text := strings.TrimRight(c.Text, footnoteMarks+" ")
	stained := text
	if h := cellHistology(text); h != "" {
		// "H&E; morpheaform BCC strands …": the stains, not the histology
		stained = strings.Join(slices.DeleteFunc(strings.Split(text, ";"), func(part string) bool { return strings.TrimSpace(part) == h }), ";")
	}
	out := stains(model.Text{Value: stained, Line: line}, special)
	mark := strings.TrimSpace(c.Text[len(text):])
	if mark == "" {
		return out
	}
	reason := l.footnote(i, mark)
	for k := range out {
		if out[k].Reason == "" {
			out[k].Reason = reason
		}
	}
	return out
}

// footnote is the text of the footnote that mark opens, in the lines after
// line i up to the next blank line; "" when there is none.
func (l *lowerer) footnote(i int, mark string) string {
	for _, line := range l.lines[i+1:] {
		it := line.Item
		switch {
		case line.Blank:
			return ""
		case it == nil || it.Text == nil:
		case it.Marker != nil && it.Marker.Text == mark:
			return strings.TrimLeft(it.Text.Text, "=:- ")
		case it.Marker == nil && strings.HasPrefix(it.Text.Text, mark):
			return strings.TrimLeft(strings.TrimLeft(it.Text.Text, footnoteMarks), "=:- ")
		}
	}
	return ""
}

// blockID reads a block ID that names its stage — "1A", "2B", "1-a",
// "I-A", "IIB", "1.2" (stage 1, block 2) — and returns the stage number; 0
// when the cell is not one.
func blockID(s string) int {
	s = strings.TrimSpace(s)
	if stage, block, ok := strings.Cut(s, "."); ok && grammar.IsDigits(block) && len(block) <= 2 {
		if grammar.IsDigits(stage) {
			return stageOrdinal(stage) // "2.1"
		}
		return grammar.Roman(stage) // "II.1"; 0 when the head is no numeral
	}
	if len(s) < 2 || s[len(s)-1]|0x20 < 'a' || s[len(s)-1]|0x20 > 'z' {
		return 0
	}
	head := s[:len(s)-1]
	stage := strings.TrimRight(head, "-. ")
	switch {
	case stage == "":
		return 0
	case grammar.IsDigits(stage):
		return stageOrdinal(stage)
	case len(stage) < len(head) || strings.Trim(stage, "IVX") == "": // "I-A", "IIB"; "CA" is no ID
		return grammar.Roman(stage)
	}
	return 0
}

// stageOrdinal is a stage number written in digits, 1 to 99; else 0.
func stageOrdinal(digits string) int {
	if n := refNumber(digits); n >= 1 && n <= 99 {
		return n
	}
	return 0
}

// summary gives a summary row's stage and block counts to the lesion it
// labels, as its totals, where no field states them: the stages and blocks
// its detail describes are then checked against them (totals-mismatch).
func (l *lowerer) summary(row summaryRow) {
	les := l.labelled(strings.TrimSpace(row.label.Text))
	if les < 0 && !l.headed && len(l.summaries) == 1 && len(l.out.Lesions) == 1 && grammar.IsLabel(strings.TrimSpace(row.label.Text)) {
		// "| Tumor | Site | Total stages | … |" over one row "| 1 | Left calf
		// | 3 | …": the one tumor of a note that labels none
		les = 0
		if c := row.site; c != nil && strings.TrimSpace(c.Text) != "" && !l.out.Lesions[0].Site.Text.Present() {
			saved := l.lesion
			l.lesion = 0
			l.field(len(l.lines), &grammar.Field{Pos: c.Pos, Key: "Site", Value: &grammar.Value{Pos: c.Pos, Text: strings.TrimSpace(c.Text)}})
			l.lesion = saved
		}
	}
	if les < 0 {
		l.report(LesionAmbiguous.At("", row.label.Pos.Line, row.label.Pos.Column, "the summary table names lesion %q, which the note does not label: its row is not read", row.label.Text))
		return
	}
	lesion := &l.out.Lesions[les]
	total := func(to *model.Count, key string, c *grammar.Cell) {
		if c == nil || strings.TrimSpace(c.Text) == "" || to.Present() {
			return
		}
		n, err := count(key, &grammar.Value{Pos: c.Pos, Text: c.Text}, 1)
		l.problem(err)
		if err == nil {
			*to = n
		}
	}
	if !slices.ContainsFunc(lesion.Stages, func(st model.Stage) bool { return st.Blocks.Present() }) {
		lesion.Stages = mergedStages(lesion.Stages, summaryStages(row))
	}
	if row.repair != nil && len(lesion.Repairs) == 0 && !slices.ContainsFunc(l.paragraphs[les], func(par []prose.Line) bool { return mentions(sentenceText(par), repairWords) }) {
		l.lesionRepair(les, *row.repair) // "| split-thickness skin graft, 4.0 x 3.5 cm |" under "Repair (after tumor clearance)"
	}
	total(&lesion.TotalStages, "Stages", row.stages)
	total(&lesion.TotalBlocks, "Blocks", row.blocks)
}

// keyedRepair is the cell of a row under a log's column of repairs
// ("Repair (after tumor clearance)"), the header's remark before it: nil
// when there is none.
func (t *table) keyedRepair(r *grammar.Row) *grammar.Value {
	placed := t.placed(r)
	for k, key := range t.keys {
		if key == "" || k >= len(placed) || placed[k] == nil || strings.TrimSpace(placed[k].Text) == "" {
			continue
		}
		name, remark, _ := strings.Cut(key, "(")
		if ref, ok := lookup(secLesion, name); !ok || ref.field != fRepair {
			continue
		}
		text := strings.TrimSpace(placed[k].Text)
		if remark = strings.Trim(remark, "() "); remark != "" {
			text = remark + ", " + text // "after tumor clearance, split-thickness skin graft, 4.0 x 3.5 cm"
		}
		return &grammar.Value{Pos: placed[k].Pos, Text: text}
	}
	return nil
}

// stageMark finds the stage names a summary's margins cell opens each
// stage's part with: "S1", "S2", "Stage 3".
var stageMark = regexp.MustCompile(`(?i)\b(?:S|Stage\s*)(\d)\b`)

// summaryStages are the stages a summary row tells stage by stage: its
// block counts ("3 / 1", "4 / 6 / 1"), each stage's margin from the
// margins cell's parts ("S1 block 2 positive (deep) … / S2 clear"), and
// the first stage's histology. None when the counts are not all numbers,
// when the row's stage count or its margins' parts disagree with them, or
// when the row tells no counts stage by stage: a stage is never guessed.
func summaryStages(row summaryRow) []model.Stage {
	if row.byStage == nil {
		return stagesOfColumns(row)
	}
	parts := strings.Split(row.byStage.Text, "/")
	line := row.byStage.Pos.Line
	stages := make([]model.Stage, 0, len(parts))
	for k, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil
		}
		stages = append(stages, model.Stage{Ordinal: strconv.Itoa(k + 1), Number: k + 1, Line: line, Blocks: model.Count{N: n, Line: line}})
	}
	if row.stages != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(row.stages.Text)); err != nil || n != len(stages) {
			return nil // "Stages: 3" over "4 / 6": which count is whose cannot be told
		}
	}
	if row.marginsByStage != nil && strings.TrimSpace(row.marginsByStage.Text) != "" {
		margins := marginParts(row.marginsByStage.Text)
		if len(margins) != len(stages) {
			return nil
		}
		for k, m := range margins {
			if positive, known := marginStatus(m); known {
				stages[k].Margins = []model.Margin{{Positive: positive, Line: line}}
			}
		}
	}
	if row.histology != nil && strings.TrimSpace(row.histology.Text) != "" {
		stages[0].Histology = model.Text{Value: strings.TrimSpace(row.histology.Text), Line: line}
	}
	return stages
}

// stageColumns finds a header's columns named by a stage alone ("Stage 1",
// "Stage II", "S3") beside no stage column: a summary table's stages, a
// column each.
func (t *table) stageColumns(r *grammar.Row) {
	if slices.Contains(t.roles, colStage) {
		return
	}
	for k, c := range r.Cells {
		if t.roles[k] != colOther {
			continue
		}
		ord, tail, ok := splitStage(c.Text)
		if !ok || tail != "" || ord == "" {
			continue
		}
		if n, valid := stageNumber(ord); valid && n > 0 {
			if t.stageOfColumn == nil {
				t.stageOfColumn = map[int]int{}
			}
			t.roles[k] = colStageOfRow
			t.stageOfColumn[k] = n
		}
	}
	if len(t.stageOfColumn) < 2 {
		for k := range t.stageOfColumn {
			t.roles[k] = colOther
		}
		t.stageOfColumn = nil
	}
}

// stageCells is the cells of a row under the stage columns, by stage
// number, each joined to the one in into (a row above it goes on).
func (t *table) stageCells(r *grammar.Row, into map[int]*grammar.Cell) map[int]*grammar.Cell {
	placed := t.placed(r)
	for k, n := range t.stageOfColumn {
		if k >= len(placed) || placed[k] == nil || strings.TrimSpace(placed[k].Text) == "" {
			continue
		}
		if into == nil {
			into = map[int]*grammar.Cell{}
		}
		if prev := into[n]; prev != nil {
			into[n] = &grammar.Cell{Pos: prev.Pos, Text: strings.TrimSpace(prev.Text) + " " + strings.TrimSpace(placed[k].Text)}
		} else {
			into[n] = placed[k]
		}
	}
	return into
}

// stageCellCount reads a stage cell's block count: "3 blocks; block 2
// positive …", "1 block; clear", "two sections".
var stageCellCount = regexp.MustCompile(`(?i)^\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:tissue\s+)?(?:blocks?|blks?|sections?|pieces?|specimens?)\b`)

// stagesOfColumns are the stages a summary row tells a column a stage:
// each cell's block count and margins, in stage order from stage 1 with
// no stage left empty between. None when a cell states no count or the
// row's stage count disagrees: a stage is never guessed.
func stagesOfColumns(row summaryRow) []model.Stage {
	if len(row.ofStage) == 0 {
		return nil
	}
	var stages []model.Stage
	for n := 1; n <= len(row.ofStage); n++ {
		c := row.ofStage[n]
		if c == nil {
			return nil // "Stage 2" empty under a told "Stage 3"
		}
		m := stageCellCount.FindStringSubmatch(c.Text)
		if m == nil {
			return nil
		}
		blocks, err := strconv.Atoi(m[1])
		if err != nil {
			blocks = countWord(asciiLower(m[1]))
		}
		line := c.Pos.Line
		st := model.Stage{Ordinal: strconv.Itoa(n), Number: n, Line: line, Blocks: model.Count{N: blocks, Line: line}}
		if positive, known := marginStatus(c.Text[len(m[0]):]); known {
			st.Margins = []model.Margin{{Positive: positive, Line: line}}
		}
		stages = append(stages, st)
	}
	if row.stages != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(row.stages.Text)); err != nil || n != len(stages) {
			return nil
		}
	}
	if row.histology != nil && strings.TrimSpace(row.histology.Text) != "" {
		stages[0].Histology = model.Text{Value: strings.TrimSpace(row.histology.Text), Line: stages[0].Line}
	}
	return stages
}

// mergedStages are a lesion's stages with a summary's stages stage by
// stage: what the lesion's own stage does not tell ("Histology (stage 1):
// …" under its label), the summary's does; nil summary stages leave them
// as they are. The lesion's stages must be the summary's first ones, by
// number.
func mergedStages(own, summary []model.Stage) []model.Stage {
	if len(summary) == 0 || len(own) > len(summary) {
		return own
	}
	for k, st := range own {
		if st.Number != k+1 {
			return own
		}
	}
	out := slices.Clone(summary)
	for k, st := range own {
		if st.Histology.Present() {
			out[k].Histology = st.Histology
		}
		if len(st.Margins) > 0 {
			out[k].Margins = st.Margins
		}
		out[k].Stains = st.Stains
		out[k].Reason = st.Reason
	}
	return out
}

// marginParts cuts a summary's margins cell into its stages' parts: at its
// stage marks when each part opens with one, in order ("S1 … / S2 clear"),
// else at its slashes.
func marginParts(text string) []string {
	marks := stageMark.FindAllStringSubmatchIndex(text, -1)
	if len(marks) > 0 && marks[0][0] == strings.IndexFunc(text, func(r rune) bool { return r != ' ' }) {
		var out []string
		for k, m := range marks {
			if n, _ := strconv.Atoi(text[m[2]:m[3]]); n != k+1 {
				return nil
			}
			end := len(text)
			if k+1 < len(marks) {
				end = marks[k+1][0]
			}
			out = append(out, strings.Trim(text[m[1]:end], " /;,"))
		}
		return out
	}
	parts := strings.Split(text, "/")
	for k := range parts {
		parts[k] = strings.TrimSpace(parts[k])
	}
	return parts
}

// tumorCell reads the margin of a log row that says it by whether tumor
// remains ("Tumor present?": Y or N) or by its positive blocks ("none" when
// clear).
func tumorCell(cells map[columnRole]*grammar.Cell, line int) (model.Margin, bool) {
	if c := cells[colTumor]; c != nil && c.Text != "" {
		switch v := asciiLower(strings.Trim(c.Text, " .")); {
		case v == "y" || v == "+" || yesWords[firstWord(v)] || tickedCell(v):
			return model.Margin{Positive: true, Line: line}, true // "✓ (block 1, deep)" under "Residual tumor"
		case v == "n" || v == "-" || noWords[firstWord(v)]:
			return model.Margin{Line: line}, true
		}
		if positive, known := marginStatus(c.Text); known {
			return model.Margin{Positive: positive, Line: line}, true
		}
	}
	if c := cells[colTumorFree]; c != nil && c.Text != "" {
		switch v := asciiLower(strings.Trim(c.Text, " .")); {
		case v == "y" || yesWords[firstWord(v)] || tickedCell(v):
			return model.Margin{Line: line}, true // "✓" under "Clear"
		case v == "n" || noWords[firstWord(v)]:
			return model.Margin{Positive: true, Line: line}, true
		}
	}
	if c := cells[colPositiveBlocks]; c != nil && c.Text != "" {
		v := strings.TrimSpace(c.Text)
		return model.Margin{Positive: !isNegative(v) && v != "-" && v != "0", Line: line}, true
	}
	return model.Margin{}, false
}

// tickedCell reports whether a cell's first word is a check mark: "✓",
// "✓ (block 1, deep)", "[x]".
func tickedCell(v string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(v), " ")
	return slices.Contains(checkMarks, first)
}

// blockRow reads a row of a log with one row per block: the stage gains a
// block, with that block's margin and stains.
func (l *lowerer) blockRow(st *model.Stage, les int, cells map[columnRole]*grammar.Cell, line int) {
	block := 0
	if c := cells[colBlock]; c != nil && strings.TrimSpace(c.Text) != "" {
		// a row a slide, with the block it was cut from: two slides of one
		// block are one block ("Slide  Stage  Block": 1 1 1, 2 1 1)
		key := blockKey{les: les, stage: st.Number, id: asciiLower(strings.TrimSpace(c.Text))}
		if l.table.blocksSeen == nil {
			l.table.blocksSeen = map[blockKey]int{}
		}
		block = l.table.blocksSeen[key]
		if block == 0 {
			st.Blocks = model.Count{N: st.Blocks.N + 1, Line: line}
			block = st.Blocks.N
			l.table.blocksSeen[key] = block
		}
	} else {
		st.Blocks = model.Count{N: st.Blocks.N + 1, Line: line}
		block = st.Blocks.N
	}
	if c := cells[colMargin]; c != nil && resultHistology(c.Text) && !st.Histology.Present() {
		st.Histology = model.Text{Value: c.Text, Line: line} // "tumor at deep margin - nodular BCC, mid dermis, no PNI"
	}
	if c := cells[colMargin]; c != nil && c.Text != "" {
		m := strings.TrimSpace(c.Text)
		switch {
		case m == "+":
			st.Margins = append(st.Margins, model.Margin{Blocks: []int{block}, Positive: true, Line: line})
		case m == "-" || m == "−":
			st.Margins = append(st.Margins, model.Margin{Blocks: []int{block}, Line: line})
		default:
			if positive, known := marginStatus(m); known {
				st.Margins = append(st.Margins, model.Margin{Blocks: []int{block}, Positive: positive, Line: line})
			}
		}
	}
	for _, role := range []columnRole{colStain, colSpecialStain} {
		if c := cells[role]; c != nil && c.Text != "" {
			for _, s := range stains(model.Text{Value: c.Text, Line: line}, role == colSpecialStain) {
				addStainBlock(st, s, block)
			}
		}
	}
	if purposeRemark(st, cells[colHistology]) {
		return
	}
	if c := cells[colHistology]; c != nil && c.Text != "" {
		add := func(s model.Stain) { addStainBlock(st, s, block) }
		if rest := stainRemark(st, c.Text, line, add); rest != "" && !st.Histology.Present() && isHistology(rest) {
			st.Histology = model.Text{Value: rest, Line: line}
		}
	}
}

// blockLetters reads a log's block cell written as block letters or a
// multiplication: "A-C" is 3 blocks, "A" 1, "A, B" 2, "x3" and "×3" 3; 0
// when the cell is neither.
func blockLetters(s string) int {
	s = strings.TrimSpace(s)
	lower := asciiLower(s)
	for _, x := range []string{"x", "×"} {
		if rest, ok := strings.CutPrefix(lower, x); ok {
			rest = strings.TrimSpace(rest)
			if grammar.IsDigits(rest) {
				return refNumber(rest) // 0 past MaxCount
			}
			return 0
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c == '-' || c == ',' || c == ' ') {
			return 0
		}
	}
	return len(blockRefs(lower))
}

// idRange counts the blocks of a cell that gives the first and last block
// IDs of a stage with the same prefix: "1A-1F" (six), "A7-A8" (two); 0 for
// any other cell.
func idRange(s string) int {
	a, b, ok := strings.Cut(strings.ReplaceAll(strings.TrimSpace(s), "–", "-"), "-")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || len(a) < 2 || len(a) > 4 || len(b) < 2 || len(b) > 4 {
		return 0
	}
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	from, to := a[k:], b[k:]
	switch {
	case k == 0 || from == "" || to == "":
		return 0
	case len(from) == 1 && len(to) == 1 && from[0] >= 'A' && to[0] <= 'Z' && from[0] < to[0] && isLetterOrDigit(a[k-1]) && a[k-1] <= '9':
		return int(to[0]-from[0]) + 1 // "1A-1F"
	case grammar.IsDigits(from) && grammar.IsDigits(to) && a[k-1] >= 'A' && a[k-1] <= 'Z':
		if f, t := refNumber(from), refNumber(to); f > 0 && t > f {
			return t - f + 1 // "A7-A8"
		}
	}
	return 0
}

// blockRange counts the blocks of a cell that numbers them from the first,
// "1-6", "1–6" or "blocks 1-6": six blocks; "block 3" is one block. A range from another number ("2-3") may be an
// estimate of the count rather than block numbers, so it is not read; 0
// when the cell is not such a range.
func blockRange(s string) int {
	s = strings.TrimSpace(s)
	if word, rest, ok := strings.Cut(s, " "); ok && blockWords[asciiLower(word)] {
		s = strings.TrimSpace(rest) // "blocks 1-7"
		if grammar.IsDigits(s) && !strings.HasSuffix(asciiLower(word), "s") {
			return 1 // "block 1": the one block, by its number
		}
	}
	first, last, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok || strings.TrimSpace(first) != "1" {
		return 0
	}
	last = strings.TrimSpace(last)
	if !grammar.IsDigits(last) {
		return 0
	}
	return refNumber(last) // 0 past MaxCount
}

// lesionStageID is a specimen's lesion and stage in one cell: "L1S2",
// "L2-S1", "L1 S3".
var lesionStageID = regexp.MustCompile(`^[Ll](\d{1,2})[\s-]?[Ss](\d{1,2})$`)

// stagePiece reports whether a stage cell names one piece of a stage
// divided because of its size: "1A", "1b", "12C".
func stagePiece(s string) bool {
	n := len(s)
	return n >= 2 && n <= 3 && blockLetter(s[n-1:]) && grammar.IsDigits(s[:n-1])
}

// addPiece adds to a stage the blocks of another of its pieces: their count,
// and their margins and stains on blocks numbered after the stage's own
// ("block 2" of piece 1B after the three blocks of 1A is block 5). A piece
// whose blocks are not counted leaves the stage's count unknown.
func addPiece(st *model.Stage, part model.Stage) {
	off := st.Blocks.N
	all := func(from, n int) []int {
		out := make([]int, n)
		for k := range out {
			out[k] = from + k + 1
		}
		return out
	}
	for i := range st.Margins {
		if st.Margins[i].Blocks == nil {
			st.Margins[i].Blocks = all(0, off)
		}
	}
	for i := range st.Stains {
		if st.Stains[i].Blocks == nil {
			st.Stains[i].Blocks = all(0, off)
		}
	}
	placed := func(blocks []int) []int { // the piece's blocks, numbered after the stage's
		if blocks == nil {
			return all(off, part.Blocks.N)
		}
		return shifted(blocks, off)
	}
	for _, m := range part.Margins {
		m.Blocks = placed(m.Blocks)
		st.Margins = append(st.Margins, m)
	}
	for _, sn := range part.Stains {
		sn.Blocks = placed(sn.Blocks)
		st.Stains = append(st.Stains, sn)
	}
	if !st.Blocks.Present() || !part.Blocks.Present() {
		st.Blocks = model.Count{}
	} else {
		st.Blocks.N += part.Blocks.N
	}
	if !st.Histology.Present() {
		st.Histology = part.Histology
	}
}

// shifted is blocks numbered off more.
func shifted(blocks []int, off int) []int {
	out := make([]int, len(blocks))
	for k, b := range blocks {
		out[k] = b + off
	}
	return out
}

// stageOf returns the lesion's last stage numbered n, or nil.
func stageOf(les *model.Lesion, n int) *model.Stage {
	for i := len(les.Stages) - 1; i >= 0; i-- {
		if les.Stages[i].Number == n {
			return &les.Stages[i]
		}
	}
	return nil
}

// addStainBlock records that a stain was run on one block of a stage.
func addStainBlock(st *model.Stage, s model.Stain, block int) {
	for i := range st.Stains {
		if strings.EqualFold(st.Stains[i].Name, s.Name) {
			st.Stains[i].Blocks = append(st.Stains[i].Blocks, block)
			return
		}
	}
	s.Blocks = []int{block}
	st.Stains = append(st.Stains, s)
}

// joinCells writes a row's cells back as one line, set apart by two
// spaces.
func joinCells(r *grammar.Row) string {
	parts := make([]string, 0, len(r.Cells))
	for _, c := range r.Cells {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, "  ")
}

// blockChips reads a cell of block chips, each a block's label and its
// margin in brackets ("[A+] [B-] [C-]"), as margin entries ("block A
// positive"); nil unless every part of the cell is such a chip.
func blockChips(s string) []string {
	var out []string
	for _, tok := range strings.Fields(s) {
		inner, ok := strings.CutPrefix(tok, "[")
		if inner, ok = strings.CutSuffix(inner, "]"); !ok {
			return nil
		}
		chip := blockChip(inner)
		if chip == "" {
			return nil
		}
		out = append(out, chip)
	}
	return out
}

// markedBlocks reads a block cell that marks each block letter with a
// symbol ("A●  B○  C○"): the marks in block order; nil when the cell is not
// one.
func markedBlocks(s string) []rune {
	var marks []rune
	for _, tok := range strings.Fields(s) {
		name := 0
		for name < len(tok) && isLetterOrDigit(tok[name]) {
			name++
		}
		mark, size := utf8.DecodeRuneInString(tok[name:])
		if name == 0 || name > 3 || name+size != len(tok) || !isMark(mark) {
			return nil
		}
		marks = append(marks, mark)
	}
	return marks
}

// isMark reports whether r is a symbol a log marks a block with: a
// geometric shape, a check or a cross, or a sign.
func isMark(r rune) bool {
	return r >= 0x25A0 && r <= 0x25FF || r >= 0x2713 && r <= 0x2718 || r == '★' || r == '☆' || r == '⊕' || r == '⊖' ||
		r == '+' || r == '-' || r == '−' || r == '*'
}

// markMargins gives each marked block its margin by the legend; none when a
// mark is not in it (a mark the note does not explain says nothing).
func (t *table) markMargins(marks []rune, line int) []model.Margin {
	out := make([]model.Margin, 0, len(marks))
	for k, m := range marks {
		positive, ok := t.legend[m]
		if !ok {
			switch m {
			case '+':
				positive, ok = true, true
			case '-', '−':
				positive, ok = false, true
			}
		}
		if !ok {
			return nil
		}
		out = append(out, model.Margin{Blocks: []int{k + 1}, Positive: positive, Line: line})
	}
	return out
}

// legend reads the note's legend of block marks ("Legend: ● tumor at
// margin  ○ margin free of tumor"): each mark and whether it means tumor;
// nil when the note has none.
func (l *lowerer) legend() map[rune]bool {
	var out map[rune]bool
	for _, line := range l.lines {
		it := line.Item
		if it == nil || len(it.Fields) == 0 || !slices.Contains(legendKeys, letters(it.Fields[0].Key)) || it.Fields[0].Value == nil {
			continue
		}
		text := it.Fields[0].Value.Text
		var mark rune
		from := -1
		entry := func(to int) {
			if from < 0 {
				return
			}
			if positive, ok := legendStatus(text[from:to]); ok {
				if out == nil {
					out = map[rune]bool{}
				}
				out[mark] = positive
			}
		}
		for k, r := range text {
			if r > 0x7f && isMark(r) {
				entry(k)
				mark, from = r, k+utf8.RuneLen(r)
			}
		}
		entry(len(text))
	}
	return out
}

// legendKeys head a legend of marks: "Legend:", "Key:", "Symbols:".
var legendKeys = []string{"legend", "key", "symbols", "symbolkey", "mapkey", "maplegend"}

// legendStatus reads what a legend says a mark means: a margin status
// ("margin free of tumor", "clear"), or tumor named without one ("tumor at
// margin").
func legendStatus(s string) (positive, ok bool) {
	s = strings.Trim(s, " =:-–,;/")
	if positive, known := marginStatus(s); known {
		return positive, true
	}
	if mentions(asciiLower(s), []string{"tumor", "tumour", "residual", "carcinoma"}) {
		return true, true
	}
	return false, false
}

// totalWords open the row of a log that totals it: "TOTAL", "GRAND TOTAL",
// "Subtotal A".
var totalWords = []string{"total", "grandtotal", "subtotal", "totals", "sum"}

// totalsRow reports whether a log row totals the rows above it: its first
// cell with text starts with a total word. Such a row is never a stage.
func totalsRow(r *grammar.Row) bool {
	for _, c := range r.Cells {
		if c.Text == "" {
			continue
		}
		first := asciiLower(firstWord(c.Text))
		return slices.Contains(totalWords, first) || first == "grand" && strings.Contains(asciiLower(c.Text), "total")
	}
	return false
}

// totals reads a log's total row ("TOTAL   2   9") as the lesion's total
// stages and blocks, where the log has no lesion column and no field states
// them: two numbers are the stages and the blocks, in that order; one
// number is what its column counts, or what its key names when the row is a
// key and a number ("Total stages<TAB>3" under the log, whatever column the
// number falls in). A subtotal of one lesion in a log of several is not
// read.
func (l *lowerer) totals(t *table, r *grammar.Row, cells map[columnRole]*grammar.Cell) {
	if slices.Contains(t.roles, colLesion) || l.lesion < 0 || t.rows == 0 {
		return
	}
	les := l.cur()
	set := func(to *model.Count, key string, c *grammar.Cell) {
		if to.Present() {
			return
		}
		n, err := count(key, &grammar.Value{Pos: c.Pos, Text: strings.TrimSpace(c.Text)}, 1)
		if err == nil {
			*to = n
		}
	}
	if kv := slices.DeleteFunc(slices.Clone(r.Cells), func(c *grammar.Cell) bool { return strings.TrimSpace(c.Text) == "" }); len(kv) == 2 && grammar.IsDigits(strings.TrimSpace(kv[1].Text)) &&
		!strings.ContainsAny(kv[0].Text, "0123456789") { // not "Total: 2 stages | 8": the key counts its own

		switch ref, _ := lookup(secLesion, kv[0].Text); ref.field {
		case fTotalStages:
			set(&les.TotalStages, "Total stages", kv[1])
			return
		case fTotalBlocks:
			set(&les.TotalBlocks, "Total blocks", kv[1])
			return
		}
	}
	var numbers []*grammar.Cell
	for _, c := range cells {
		text := strings.TrimSpace(c.Text)
		if grammar.IsDigits(text) {
			numbers = append(numbers, c)
			continue
		}
		// a count that names what it counts: "stages: 3", "3 stages", "Total: 2 stages"
		what, n, ok := strings.Cut(text, ":")
		if ok && !grammar.IsDigits(strings.TrimSpace(n)) {
			text, ok = strings.TrimSpace(n), false
		}
		if !ok {
			n, what, _ = strings.Cut(text, " ")
		}
		n = strings.TrimSpace(n)
		if !grammar.IsDigits(n) {
			continue
		}
		counted := &grammar.Cell{Pos: c.Pos, Text: n}
		switch letters(what) {
		case "stages", "stage", "layers":
			set(&les.TotalStages, "Total stages", counted)
		case "blocks", "sections", "blks":
			set(&les.TotalBlocks, "Total blocks", counted)
		}
	}
	slices.SortFunc(numbers, func(a, b *grammar.Cell) int { return a.Pos.Column - b.Pos.Column })
	switch {
	case len(numbers) == 2:
		set(&les.TotalStages, "Total stages", numbers[0])
		set(&les.TotalBlocks, "Total blocks", numbers[1])
	case len(numbers) == 1 && cells[colBlocks] == numbers[0]:
		set(&les.TotalBlocks, "Total blocks", numbers[0])
	case len(numbers) == 1 && cells[colStage] == numbers[0]:
		set(&les.TotalStages, "Total stages", numbers[0])
	}
}

// labelColumns name the column that labels each lesion or biopsy of a
// record table ("#" has no letters).
var labelColumns = []string{"lesion", "les", "lsn", "lesionno", "lesionid", "tumor", "tumour", "no", "label", ""}

// measureColumns measure a repair in a repair table, or say when it was
// done ("timing": "after clearance"); their cells join the repair's value.
var measureColumns = []string{"size", "length", "repairlength", "dimensions", "repairsize", "closurelength", "timing", "repairtiming",
	"lengtharea", "lengthorarea", "area", "sizearea", "lengthsize", "repairlengtharea"} // "Length / area": a linear repair's length, a flap's defects

// recordHeader reads the header of a table of one lesion or biopsy a row
// — "Lesion | Location | Diagnosis | Pre-op size | Indication", "Site |
// Repair (all after tumor clearance) | Size", "# | Site | Method |
// Clinical impression | Frozen" — and nil when the row is not one: it
// must name a lesion's label or site and a field of it, and neither a
// stage nor a count of stages (a Mohs log, a summary table).
func recordHeader(r *grammar.Row) *table {
	if len(r.Cells) < 2 {
		return nil
	}
	t := &table{labelCol: -1, siteCol: -1, siteCol2: -1, proven: -1, prevLesion: -1, runStart: -1, secondaryCol: -1}
	fields, repair, kind, kindCol := 0, false, false, -1
	for k, c := range r.Cells {
		t.columns = append(t.columns, c.Pos.Column)
		t.roles = append(t.roles, colOther)
		name, remark := c.Text, ""
		if open := strings.IndexByte(name, '('); open > 0 {
			name, remark = name[:open], strings.Trim(name[open:], "() ")
		}
		key, letter := "", letters(name)
		switch role := columnRoleOf(c.Text); {
		case role == colStage || role == colStages || role == colBlocks:
			return nil
		case role == colBlock && slices.ContainsFunc(r.Cells, func(c *grammar.Cell) bool { return columnRoleOf(c.Text) == colMargin }):
			return nil // "Lesion  Block  Margin  Stains": a log of one row a block
		case slices.Contains(labelColumns, letter) && (letter != "" || strings.TrimSpace(c.Text) == "#"),
			strings.Contains(name, "#") && slices.Contains([]string{"site", "lesion", "tumor", "tumour"}, letter),
			slices.Contains([]string{"siteno", "sitenumber", "siteid", "lesionnumber", "tumorno", "tumornumber"}, letter):
			if t.labelCol < 0 {
				t.labelCol = k
			}
		case slices.Contains(measureColumns, letter):
			t.measures = append(t.measures, false)
			t.keys = append(t.keys, strings.TrimSpace(name))
			continue
		case strings.HasPrefix(letter, "biopsy") || letter == "bx" || letter == "priorbiopsy":
			key = "Prior biopsy"
		case letter == "frozen" || letter == "frozensection":
			key = "Frozen section"
		default:
			if ref, ok := lookup(secLesion, name); ok {
				if ref.field == fSite {
					if t.siteCol < 0 {
						t.siteCol = k
					} else if t.siteCol2 < 0 {
						t.siteCol2 = k
					}
					break
				}
				key = strings.TrimSpace(name)
				if ref.field == fDiagnosis && mentions(asciiLower(remark), []string{"biopsy", "bx"}) {
					t.proven = k
				}
				if ref.field == fRepair {
					repair, t.remark = true, remark
				}
			} else if ref, ok := lookup(secBiopsy, name); ok {
				key, kind = strings.TrimSpace(name), kind || ref.name == "Kind" || ref.name == "Type"
				if ref.name == "Kind" || ref.name == "Type" {
					kindCol = k
				}
			} else if containsFold(name, "secondary") && containsFold(name, "defect") {
				t.secondaryCol = k // "| Secondary defect |": its cell joins the row's repair, named
				t.keys = append(t.keys, "")
				t.measures = append(t.measures, true)
				continue
			}
		}
		if key != "" {
			fields++
		}
		t.keys = append(t.keys, key)
		t.measures = append(t.measures, false)
	}
	if kind && !repair && (t.secondaryCol >= 0 || slices.ContainsFunc(t.keys, func(key string) bool { return slices.Contains(measureColumns, letters(key)) })) {
		// "Site | Type | Length | Secondary defect": the type of a repair
		// that has a length, not of a biopsy
		t.keys[kindCol], kind, repair = "Repair", false, true
	}
	for k, key := range t.keys {
		if t.keys[k] != "" && slices.Contains(measureColumns, letters(key)) {
			if repair {
				t.measures[k], t.keys[k] = true, ""
				continue
			}
			if letters(key) == "size" {
				fields++ // "Size" beside a lesion's diagnosis: its pre-operative size
			} else {
				t.keys[k] = ""
			}
		}
	}
	switch {
	case kind && !repair && t.siteCol >= 0:
		t.record = recordBiopsy
	case (fields >= 2 || repair) && (t.labelCol >= 0 || t.siteCol >= 0),
		fields == 1 && t.labelCol == 0 && slices.Contains([]string{"lesion", "tumor", "tumour"}, letters(r.Cells[0].Text)):
		// "Lesion   Indication" over "1   periocular H-zone, …": one fact of each lesion
		t.record = recordLesion
	case fields == 0 && t.labelCol == 0 && len(r.Cells) >= 3 && wordsOnly(r):
		t.record = recordOther // "lesion | anesthesia | sutures | complications"
	default:
		return nil
	}
	return t
}

// encounterHeader reads the header of a grid of the encounter's fields,
// keys over the row of their values — "dos | surgeon | reader | payer |
// patient", as an export or a two-row form header prints them — and nil
// when the row is not one: it must be words only, with two or more cells
// that are encounter keys (or one beside the patient's identity: "Patient",
// "MRN"), and name no lesion, stage or count column.
func encounterHeader(r *grammar.Row) *table {
	if len(r.Cells) < 3 || !wordsOnly(r) {
		return nil
	}
	t := &table{record: recordEncounter, labelCol: -1, siteCol: -1, siteCol2: -1, proven: -1, prevLesion: -1, runStart: -1, secondaryCol: -1}
	known, identity := 0, 0
	for k, c := range r.Cells {
		t.columns = append(t.columns, c.Pos.Column)
		t.roles = append(t.roles, colOther)
		if k == 0 && letters(c.Text) == "section" {
			t.keys = append(t.keys, "")
			continue // "section","case_id","dos",…: an export's column of each row's kind ("encounter"), no block
		}
		if role := columnRoleOf(c.Text); role == colStage || role == colBlocks || role == colStages || role == colLesion || role == colBlock {
			return nil
		}
		if _, ok := lookup(secLesion, c.Text); ok {
			return nil
		}
		key := ""
		if _, ok := lookup(secEncounter, c.Text); ok {
			key, known = strings.TrimSpace(c.Text), known+1
		} else if slices.Contains(identityColumns, letters(c.Text)) {
			identity++
		}
		t.keys = append(t.keys, key)
	}
	if known < 2 && (known < 1 || identity < 1) {
		return nil
	}
	return t
}

// identityColumns name who the patient is in a header grid ("| Patient |
// MRN | DOB | Insurance | Referring |"): no fact the engine reads, but
// beside an encounter key they make the grid the encounter's.
var identityColumns = []string{"patient", "patientname", "name", "mrn", "dob", "dateofbirth", "account", "acct", "referring",
	"referringphysician", "referringprovider", "pcp", "age", "sex", "gender"}

// headingRemark is what the heading over a record table (line i is its
// header) says of its repairs — "REPAIRS (all after tumor clearance)" — or
// remark, the header's own.
func (l *lowerer) headingRemark(i int, remark string) string {
	if remark != "" || i == 0 {
		return remark
	}
	j := i - 1
	if l.lines[j].Blank && j > 0 {
		j-- // "Repairs (after tumor clearance at each site):", a blank line, then the table
	}
	it := l.lines[j].Item
	switch {
	case it == nil:
	case it.Text != nil && len(it.Fields) == 0 && mentions(asciiLower(it.Text.Text), []string{"after"}) &&
		(j == i-1 || wordCount(it.Text.Text, 13) <= 12 && strings.HasSuffix(strings.TrimSpace(it.Text.Text), ":")): // a heading, not the paragraph above
		return it.Text.Text
	case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value == nil && mentions(asciiLower(it.Fields[0].Key), []string{"after"}):
		return it.Fields[0].Key
	}
	return remark
}

// recordRow reads a row of a record table: the lesion it names (by label
// or site, opened when the note's lesions are known only from its tables)
// or the biopsy it opens, and each of its cells as that lesion's or
// biopsy's field. A repair's size columns and its heading's remark join
// the repair's value. It returns i.
func (l *lowerer) recordRow(i int, r *grammar.Row) int {
	t := l.table
	cells := t.dittoRecord(t.placed(r))
	text := func(k int) string {
		if k < 0 || cells[k] == nil {
			return ""
		}
		return strings.TrimSpace(cells[k].Text)
	}
	if totalsRow(r) || t.record == recordOther {
		return i
	}
	if t.record == recordEncounter {
		l.table = nil // one row of values under the keys
		taken := i
		for k, key := range t.keys {
			if v := text(k); key != "" && v != "" {
				taken = max(taken, l.field(i, &grammar.Field{Pos: cells[k].Pos, Key: key, Value: &grammar.Value{Pos: cells[k].Pos, Text: v}}))
			}
		}
		return taken
	}
	label, site, line := text(t.labelCol), text(t.siteCol), r.Pos.Line
	if label == "" && len(site) <= 3 && grammar.IsLabel(site) {
		label, site = site, text(t.siteCol2) // "A" in a Site column: the lesion's label; its site in a second site column ("| Site | Location |"), if any
	}
	if t.record == recordBiopsy {
		if label == "" || l.biopsyLine(normalLabel(label)) > 0 || !grammar.IsLabel(label) {
			label = freeLabel(len(l.out.Biopsies)+1, func(s string) bool { return l.biopsyLine(s) > 0 })
		}
		kind := -1
		for k, key := range t.keys {
			if ref, ok := lookup(secBiopsy, key); ok && (ref.name == "Kind" || ref.name == "Type") {
				kind = k
			}
		}
		if !mentionsBiopsyProcedure(text(kind)) && !(t.biopsiesCaption && biopsyMethod(text(kind)) != "") {
			return i // a row that does not say a biopsy was done
		}
		l.closeSections()
		l.out.Biopsies = append(l.out.Biopsies, model.Biopsy{Label: normalLabel(label), Line: line, Value: model.Text{Value: joinCells(r), Line: line}})
		l.biopsy = len(l.out.Biopsies) - 1
		if site != "" {
			l.field(i, &grammar.Field{Pos: cells[t.siteCol].Pos, Key: "Site", Value: &grammar.Value{Pos: cells[t.siteCol].Pos, Text: site}})
		}
	} else {
		les := -1
		switch {
		case label == "" && site == "":
			les = t.prevLesion // a merged cell
		default:
			les = l.tableLesion(label, site, line)
		}
		if les < 0 {
			if label != "" || site != "" {
				l.report(LesionAmbiguous.At("", line, r.Pos.Column, "a table row names lesion %q, which the note does not otherwise describe: its row is not read", label+site))
			}
			return i
		}
		t.prevLesion = les
		l.closeSections()
		l.biopsy = -1
		l.lesion = les
		if site != "" && !l.cur().Site.Text.Present() {
			l.field(i, &grammar.Field{Pos: cells[t.siteCol].Pos, Key: "Site", Value: &grammar.Value{Pos: cells[t.siteCol].Pos, Text: site}})
		}
	}
	for k, key := range t.keys {
		v := text(k)
		if key == "" || v == "" || strings.Trim(v, "-–— ") == "" || strings.EqualFold(v, "n/a") {
			continue
		}
		if key == "Prior biopsy" && !isNegative(v) && !yesWords[asciiLower(firstWord(v))] {
			v = "yes, " + v // "shave 8/4/26, BD26-3301": the biopsy that proved it
		}
		if ref, ok := lookup(secLesion, key); ok && ref.field == fRepair && t.record == recordLesion {
			for m, measure := range t.measures {
				if measure && text(m) != "" && strings.Trim(text(m), "-–— ") != "" {
					if m == t.secondaryCol {
						v += "; secondary defect " + text(m) // "| Secondary defect |" over "| 5.6 sq cm |": the flap's secondary defect, not its area
						continue
					}
					v += "; " + text(m)
				}
			}
			if t.remark != "" {
				v += "; " + t.remark
			}
		}
		l.field(i, &grammar.Field{Pos: cells[k].Pos, Key: key, Value: &grammar.Value{Pos: cells[k].Pos, Text: v}})
		l.closeSections()
		if open := strings.IndexByte(v, '('); k == t.proven && open >= 0 && strings.ContainsAny(v[open:], "0123456789") && !l.cur().PriorBiopsy.Present() {
			// "nodular BCC (12/16/2025)" under "Dx (biopsy date)": the date of the biopsy that proved it
			l.field(i, &grammar.Field{Pos: cells[k].Pos, Key: "Prior biopsy", Value: &grammar.Value{Pos: cells[k].Pos, Text: "yes, " + strings.Trim(v[open:], "() ")}})
		}
	}
	l.closeSections()
	l.biopsy = -1
	return i
}

// captionLesion is the lesion a line among a log's rows names by its site
// alone ("Left mid back (MIS)", "Scalp (occipital)") in a note of several
// lesions without headings: the rows under it are that lesion's. -1 when
// the line is no such caption.
func (l *lowerer) captionLesion(it *grammar.Item) int {
	if l.table == nil || l.headed || len(l.out.Lesions) < 2 || it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) > 0 ||
		strings.ContainsAny(it.Text.Text, "0123456789") {
		return -1
	}
	outer, inner, _ := strings.Cut(strings.TrimSpace(it.Text.Text), "(")
	inner, _, _ = strings.Cut(inner, ")")
	outer = strings.TrimSpace(outer)
	site := outer
	if inner != "" && l.atSite(outer) < 0 {
		site = strings.TrimSpace(inner) + " " + outer // "Scalp (occipital)": the occipital scalp
	}
	return l.siteLesion(site)
}

// sidedTerm reports whether site names, with its side, the anatomic term
// a lesion was opened by without one: "L jawline" for "Jaw:".
func sidedTerm(site string, opened anatomy.Site) bool {
	s, ok := anatomy.Resolve(site)
	return ok && opened.Laterality == "" && s.Laterality != "" && len(opened.Terms) > 0 && len(s.Terms) > 0 && s.Terms[0].Name == opened.Terms[0].Name
}

// siteLesion is the lesion at site (see atSite) or else the one lesion
// whose site site names in more words ("Left mid back", "R nasal tip" for
// the tumors the prose called "the back tumor", "the nasal tip lesion") or
// names a part of on its side ("right antihelix" for "the right ear
// tumor"); -1 when there is none or more than one.
func (l *lowerer) siteLesion(site string) int {
	if les := l.atSite(site); les >= 0 {
		return les
	}
	found := -1
	for k, les := range l.out.Lesions {
		w := siteWords(les)
		opened, _ := anatomy.Resolve(w)
		if sideless(site, w) || narrower(w, site, opened) || sidedTerm(site, opened) { // "right antihelix" for "the right ear tumor"
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// tableLesion is the lesion a table row names by its label or its site: a
// lesion of the note with that label, or at that site. When the note labels
// no lesion of its own and no lesion has that label or site, the row opens
// one (a note whose lesions are known only from its tables), taking the
// place of the unlabelled lesion of a note without headings while nothing
// has been said of it. -1 when the row's lesion cannot be told.
func (l *lowerer) tableLesion(label, site string, line int) int {
	if site == "" {
		site = cellSite(label) // "1 (R jawline)"
	}
	label = cellLabel(label)
	if label != "" && !grammar.IsLabel(label) {
		label, site = "", label // a site in the lesion column: "R nasal ala"
	}
	if l.headed {
		key := label
		if key == "" {
			key = site
		}
		if les := l.labelled(key); les >= 0 {
			return les
		}
	}
	if label == "" && site != "" {
		if les := l.siteLesion(site); les >= 0 {
			return les
		}
	}
	if slices.Contains(l.opens, opensLesion) && !(l.headed && len(l.out.Lesions) == l.tableOpened && label != "") || label == "" && site == "" {
		return -1 // the note labels its lesions: a table does not add one, unless it comes before every label and numbers its lesions
	}
	if label != "" {
		label = normalLabel(label)
	}
	if !l.headed && len(l.out.Lesions) == 1 && label == l.out.Lesions[0].Label && site != "" && l.siteLesion(site) == 0 {
		return 0 // "| 1 | R nasal ala | 1 | 3 | …" under the fields of the one lesion, at its site
	}
	if !l.headed && len(l.out.Lesions) > 1 && label != "" && l.proseLabelled {
		// "Lesion 1 is a basal cell carcinoma … of the left medial cheek.
		// Lesion 2 is …" above a log whose lesion column says 1 and 2
		return slices.IndexFunc(l.out.Lesions, func(les model.Lesion) bool { return les.Label == label })
	}
	if !l.headed {
		if len(l.out.Lesions) != 1 || !isEmpty(&l.out.Lesions[0]) {
			return -1 // the lesion the note describes, and another: which is which cannot be told
		}
		les := &l.out.Lesions[0]
		if label != "" {
			les.Label = label
		}
		les.Line, les.HeadingText = line, model.Text{Value: site, Line: line}
		l.headed = true
		if len(l.paragraphs[0]) > 0 && len(l.paragraphs[noteScope]) == 0 {
			// the prose before the table speaks of every lesion it names
			// ("a Mohs map was drawn for each site"), as before a first label
			l.paragraphs[noteScope] = l.paragraphs[0]
			delete(l.paragraphs, 0)
			l.scopes = slices.DeleteFunc(l.scopes, func(s int) bool { return s == 0 })
		}
		if len(l.history[0]) > 0 && len(l.history[noteScope]) == 0 {
			l.history[noteScope] = l.history[0] // "HPI: 70M with two biopsy-proven tumors …: a BCC of the right jawline and a SCC of the left lower back."
			delete(l.history, 0)
		}
		return 0
	}
	if len(l.out.Lesions) >= MaxLesions {
		return -1
	}
	if label == "" || l.lesionLine(label) > 0 {
		label = freeLabel(len(l.out.Lesions)+1, func(s string) bool { return l.lesionLine(s) > 0 })
	}
	l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: label, Line: line, HeadingText: model.Text{Value: site, Line: line}})
	if l.headed && l.tableOpened == len(l.out.Lesions)-1 {
		l.tableOpened++
	}
	return len(l.out.Lesions) - 1
}

// atSite is the one lesion whose site or heading names site — in the same
// words, the same anatomic term on the same side ("R nasal ala", "right
// nasal ala"), or fewer of the lesion's words ("nasal ala" for the left
// nasal ala, "left thigh" for the left lateral thigh) — or -1.
func (l *lowerer) atSite(site string) int {
	found := -1
	for k, les := range l.out.Lesions {
		if sameSite(site, les.Site.Text.Value) || sameSite(site, les.HeadingText.Value) || fewerWords(siteWords(les), site) {
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// logCaption reports whether a header row's first cell captions the log
// ("Block log", "Mohs log") rather than naming a column.
func logCaption(cell string) bool {
	if columnRoleOf(cell) != colOther || strings.ContainsAny(cell, "0123456789") {
		return false
	}
	words := strings.Fields(asciiLower(cell))
	return len(words) <= 3 && slices.Contains(words, "log")
}

// tableCaption is the site a table's caption names when it captions the
// log of one lesion — "Table 1. Mohs log - left temple", "Table 2: right
// dorsal forearm", "MOHS LOG – RIGHT CHEEK" — or "".
func tableCaption(s string) string {
	head := strings.TrimSpace(s)
	numbered := false
	if word, rest, ok := strings.Cut(head, " "); ok && strings.EqualFold(word, "table") {
		number, after, _ := strings.Cut(strings.TrimSpace(rest), " ")
		if !grammar.IsDigits(strings.TrimRight(number, ".:")) {
			return ""
		}
		head, numbered = after, true
	}
	site := ""
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		if k := strings.LastIndex(head, sep); k >= 0 {
			head, site = head[:k], head[k+len(sep):]
			break
		}
	}
	if site == "" && numbered {
		head, site = "", head // "Table 2: right dorsal forearm"
	}
	site = strings.TrimSpace(site)
	if site == "" || !numbered && !slices.Contains(strings.Fields(asciiLower(head)), "log") {
		return ""
	}
	if _, ok := anatomy.Resolve(site); !ok {
		return ""
	}
	return site
}

// countedCells reads a row of two cells or more, each a known key and a
// count after it without a colon ("Total stages 2       Total blocks 5", a
// form's filled blanks), as its fields; nil when the row is not one.
func countedCells(r *grammar.Row) []*grammar.Field {
	if len(r.Cells) < 2 {
		return nil
	}
	var out []*grammar.Field
	for _, c := range r.Cells {
		at := strings.LastIndexByte(c.Text, ' ')
		if at <= 0 || !grammar.IsDigits(c.Text[at+1:]) {
			return nil
		}
		key := strings.TrimSpace(c.Text[:at])
		if ref, known := lookupAny(key); !known || ref.field == fNone {
			return nil
		}
		out = append(out, &grammar.Field{Pos: c.Pos, Key: key, Value: &grammar.Value{Pos: shift(c.Pos, c.Text[:at+1]), Text: c.Text[at+1:]}})
	}
	return out
}

// tickedCells reads a row whose every cell is a key checked with a tick
// mark after it ("Map drawn ✓  Slides read by me ✓") as its fields; nil
// when the row is not one.
func tickedCells(r *grammar.Row) []*grammar.Field {
	var out []*grammar.Field
	for _, c := range r.Cells {
		f := tickedField(c.Pos, c.Text)
		if f == nil {
			return nil
		}
		out = append(out, f)
	}
	return out
}

// keyValuePairs reads a row of a grid of keys and values — "| Location |
// Rt lower eyelid | Laterality | Right |", as ModMed prints its header
// fields — as its fields: an even number of four or more cells, each
// other cell a known key and the cell after it a value that is not; nil
// when the row is not one.
func keyValuePairs(r *grammar.Row) []*grammar.Field {
	if len(r.Cells) < 4 || len(r.Cells)%2 != 0 || wordsOnly(r) && header(r) != nil {
		return nil // "STG  CHIPS  STAINS  COMMENT": a log's header
	}
	var out []*grammar.Field
	for k := 0; k < len(r.Cells); k += 2 {
		key, value := r.Cells[k], r.Cells[k+1]
		if key.Text == "" && value.Text == "" {
			continue
		}
		if _, known := lookupAny(key.Text); !known {
			return nil
		}
		if _, known := lookupAny(value.Text); known {
			return nil // a header of columns: "| Site | Dx | Pre-op size | Indication |"
		}
		if value.Text != "" {
			out = append(out, &grammar.Field{Pos: key.Pos, Key: key.Text, Value: &grammar.Value{Pos: value.Pos, Text: value.Text}})
		}
	}
	return out
}

// transposedHeader reads the header of a log printed one column a stage —
// "Stage 1   Stage 2   Stage 3", or "Stage #   1   2   3" — and nil when the
// row is not one: two or more stages, numbered 1, 2, 3 … in order.
func transposedHeader(r *grammar.Row) *table {
	cells := r.Cells
	if len(cells) >= 3 && columnRoleOf(cells[0].Text) == colStage && !strings.ContainsAny(cells[0].Text, "0123456789") {
		cells = cells[1:] // "Stage #" over the stage numbers
	} else if len(cells) >= 2 {
		if _, _, isStage := splitStage(cells[0].Text); !isStage {
			return nil
		}
	}
	if len(cells) < 2 {
		return nil
	}
	t := &table{prevLesion: -1, runStart: -1, labelCol: -1, siteCol: -1, siteCol2: -1, proven: -1, secondaryCol: -1}
	for _, c := range cells {
		text := strings.TrimSpace(c.Text)
		if ordinal, tail, isStage := splitStage(text); isStage && tail == "" && ordinal != "" {
			text = ordinal
		} else if len(cells) != len(r.Cells)-1 {
			return nil // "Stage 1   Stage 2": every cell names its stage
		}
		n, ok := stageNumber(text)
		if !ok || n != len(t.numbers)+1 {
			return nil // stages 1, 2, 3 in order: "Stage   2   3" is no header
		}
		t.numbers = append(t.numbers, n)
		t.columns = append(t.columns, c.Pos.Column)
	}
	return t
}

// transposedRow reads a row of a transposed log: its first cell names what
// the row gives ("Tissue blocks", "Margin status", "Stain"), each cell
// under a stage's column gives it for that stage. A row whose first cell
// names no known column ("Time") is not read.
func (l *lowerer) transposedRow(i int, r *grammar.Row) {
	t := l.table
	if len(r.Cells) < 2 || r.Cells[0].Pos.Column >= t.columns[0]-2 || t.prevLesion < 0 || t.prevLesion >= len(l.out.Lesions) {
		return
	}
	role := columnRoleOf(r.Cells[0].Text)
	if role == colOther || role == colStage || role == colLesion {
		return
	}
	lesion := &l.out.Lesions[t.prevLesion]
	for _, c := range r.Cells[1:] {
		k := t.column(c.Pos.Column)
		if k >= len(t.stageAt) || c.Text == "" || t.stageAt[k] >= len(lesion.Stages) {
			continue
		}
		l.stageCells(&lesion.Stages[t.stageAt[k]], map[columnRole]*grammar.Cell{role: c}, r.Pos.Line, i)
	}
}

// captionsOnly keeps the lesions that table captions open only in a note
// whose lesions are known from two or more captions alone: where other
// lines label the lesions, a caption ("Table 2. Mohs log - right cheek") may
// name one of them in other words, and opening a lesion there would code it
// twice; a single caption adds nothing to a note of one lesion (and would
// leave the fields above it without a lesion).
func (l *lowerer) captionsOnly() {
	captions, others := 0, 0
	for i, o := range l.opens {
		if o != opensLesion {
			continue
		}
		if it := l.lines[i].Item; it.Marker == nil && it.Label == nil && it.Text != nil && len(it.Fields) == 0 && tableCaption(it.Text.Text) != "" {
			captions++
		} else {
			others++
		}
	}
	if captions == 0 || others == 0 && captions >= 2 {
		return
	}
	for i, o := range l.opens {
		if it := l.lines[i].Item; o == opensLesion && it.Marker == nil && it.Label == nil && it.Text != nil && len(it.Fields) == 0 && tableCaption(it.Text.Text) != "" {
			l.opens[i] = opensNothing
		}
	}
	l.headed = slices.Contains(l.opens, opensLesion)
}

// pastWords mark a heading over what was done before today: a table of
// prior skin cancers is no table of today's lesions.
var pastWords = []string{"history", "prior", "previous", "past", "hx"}

// pastHeading reports whether the text line over line i (blank lines
// skipped) heads a history.
func (l *lowerer) pastHeading(i int) bool {
	for j := i - 1; j >= 0; j-- {
		line := l.lines[j]
		switch {
		case line.Blank:
			continue
		case line.Item != nil && line.Item.Text != nil && len(line.Item.Fields) == 0:
			return headsPast(line.Item.Text.Text)
		case line.Item != nil && len(line.Item.Fields) == 1 && line.Item.Fields[0].Value == nil:
			return headsPast(line.Item.Fields[0].Key)
		}
		return false
	}
	return false
}

// headsPast reports whether a heading's words name the past ("PRIOR SKIN
// CANCERS", "History:"): one sentence, a word of it a past word ("The
// summary below is pasted from our spreadsheet. …" heads no history).
func headsPast(text string) bool {
	if strings.Contains(strings.TrimSpace(text), ". ") {
		return false
	}
	for w := range strings.FieldsFuncSeq(asciiLower(text), func(r rune) bool { return !isLetterRune(r) }) {
		if slices.Contains(pastWords, w) {
			return true
		}
	}
	return false
}

// wordsOnly reports whether a row holds words and no digit: a header's
// line.
func wordsOnly(r *grammar.Row) bool {
	words := false
	for _, c := range r.Cells {
		if strings.ContainsAny(c.Text, "0123456789") {
			return false
		}
		words = words || c.Text != ""
	}
	return words
}

// headerLine is a line of words over a header — a row, or a word alone
// indented over its column ("Special" over "stains") — as a row; nil when
// the line is not one.
func headerLine(line *grammar.Line) *grammar.Row {
	switch it := line.Item; {
	case line.Row != nil && wordsOnly(line.Row):
		return line.Row
	case it != nil && it.Marker == nil && it.Label == nil && len(it.Fields) == 0 && it.Text != nil && it.Text.Pos.Column > 1 &&
		!strings.ContainsAny(it.Text.Text, "0123456789") && wordCount(it.Text.Text, 3) < 3:
		return &grammar.Row{Pos: it.Pos, Cells: []*grammar.Cell{{Pos: it.Text.Pos, Text: it.Text.Text}}}
	}
	return nil
}

// name joins to the header's cells the words of its other line (above
// them when before, else below) that stand in their columns, and reads
// each joined name again: "Special" over "stains" is the special stains,
// "# of" over "blocks" the blocks. A joined name that names no known
// column leaves its column as it was.
func (t *table) name(r *grammar.Row, before bool) {
	for _, c := range r.Cells {
		k := t.column(c.Pos.Column)
		if c.Text == "" || k >= len(t.names) {
			continue
		}
		joined := t.names[k] + " " + c.Text
		if before {
			joined = c.Text + " " + t.names[k]
		}
		t.names[k] = joined
		if role := columnRoleOf(joined); role != colOther {
			t.roles[k] = role
			t.perRow = t.perRow || role == colBlock
		}
	}
}

// boxedFields reads the known "Key: value" fields of a row of one or two
// cells, set apart inside a cell by runs of blanks ("MOHS LOG   Date:
// 05/19/2026   Surgeon: …", "Path: read by surgeon (Dr. …)"), as a box
// drawn around a note's header holds them; nil when there are none.
func boxedFields(r *grammar.Row) []*grammar.Field {
	if len(r.Cells) > 2 {
		return nil
	}
	var out []*grammar.Field
	for _, c := range r.Cells {
		for _, part := range splitGaps(&grammar.Value{Pos: c.Pos, Text: c.Text}) {
			if key, rest, ok := itemKey(part); ok && rest != nil && isKeyLike(key) {
				if _, known := lookupAny(key); known {
					out = append(out, &grammar.Field{Pos: part.Pos, Key: key, Value: rest})
				}
			}
		}
	}
	return out
}

// splitGaps splits a value at runs of two or more blanks, each part
// positioned in the note.
func splitGaps(v *grammar.Value) []*grammar.Value {
	var out []*grammar.Value
	text, from := v.Text, 0
	for from < len(text) {
		for from < len(text) && text[from] == ' ' {
			from++
		}
		end := strings.Index(text[from:], "  ")
		if end < 0 {
			end = len(text) - from
		}
		if end > 0 {
			out = append(out, &grammar.Value{Pos: shift(v.Pos, text[:from]), Text: text[from : from+end]})
		}
		from += end
	}
	return out
}

// bannerPayer is the one cell of a note's banner row that names an insurer
// and nothing else — its first word an insurer's, at most six words, no
// digits ("Cigna Open Access Plus", "Medicare Part B") — or nil.
func bannerPayer(r *grammar.Row) *grammar.Cell {
	var found *grammar.Cell
	for _, c := range r.Cells {
		first := asciiLower(firstWord(c.Text))
		if !insurerWords[first] || planKinds[first] || len(strings.Fields(c.Text)) > 6 || strings.ContainsAny(c.Text, "0123456789") {
			continue
		}
		if found != nil {
			return nil
		}
		found = c
	}
	return found
}

// planKinds are insurerWords that name a kind of plan, not an insurer:
// alone at the head of a cell they do not make it a payer.
var planKinds = map[string]bool{"insurance": true, "ppo": true, "hmo": true, "epo": true}

// cellLabel is the label a lesion cell writes with its word or a remark —
// "Lesion A", "#2", "Site 1", "A (R temple)" — or the cell as it is.
func cellLabel(cell string) string {
	s := strings.TrimSpace(cell)
	if word, rest, ok := strings.Cut(s, " "); ok && slices.Contains([]string{"lesion", "site", "tumor", "tumour"}, asciiLower(word)) {
		s = strings.TrimSpace(rest)
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "#"))
	if len(s) >= 2 && len(s) <= 3 && (s[0]|0x20 == 't' || s[0]|0x20 == 'l') && grammar.IsDigits(s[1:]) {
		return s[1:] // "T1", "T2", "L1": tumors or lesions numbered in a lesion column
	}
	first, rest, _ := strings.Cut(s, " ")
	if grammar.IsLabel(first) && (rest == "" || strings.HasPrefix(strings.TrimSpace(rest), "(")) {
		return first
	}
	return strings.TrimSpace(cell)
}

// cellSite is the site a lesion cell gives in parentheses after its label
// ("1 (R jawline)", "Lesion 2 (left lower back)"), or "".
func cellSite(cell string) string {
	_, inside, ok := strings.Cut(cell, "(")
	if !ok || cellLabel(cell) == strings.TrimSpace(cell) {
		return ""
	}
	inside, _, _ = strings.Cut(inside, ")")
	if _, ok := anatomy.Resolve(inside); !ok {
		return ""
	}
	return strings.TrimSpace(inside)
}

// openedByRow reports whether lesion les was opened by a row of a table.
func (l *lowerer) openedByRow(les int) bool {
	return l.fromLog(l.out.Lesions[les].Line)
}

// blockRowsAhead makes a log's block-count column ("Blk", "Sec") the block
// column of a log with a row per block when the rows under the header (line
// i) repeat a stage, of the same lesion, with another number in that column:
// "1  1  -" over "1  2  +" (or "1  A  -" over "1  B  +") are blocks 1 and 2
// of stage 1, not two stages of one block and two blocks.
func (l *lowerer) blockRowsAhead(i int, t *table) {
	b := slices.Index(t.roles, colBlocks)
	if b < 0 || !slices.Contains(t.roles, colStage) || !slices.Contains([]string{"blk", "sec", "sect"}, letters(t.names[b])) {
		return // "Blocks" always counts
	}
	var prev [4]string // stage, block number, lesion and location of the row above
	for j := i + 1; j < len(l.lines) && j <= i+20; j++ {
		r := l.lines[j].Row
		if r == nil {
			return
		}
		cells := t.cells(r)
		text := func(role columnRole) string {
			if c := cells[role]; c != nil {
				return strings.TrimSpace(c.Text)
			}
			return ""
		}
		row := [4]string{text(colStage), text(colBlocks), text(colLesion), text(colLocation)}
		if row[0] != "" && row[0] == prev[0] && row[2] == prev[2] && row[3] == prev[3] && (grammar.IsDigits(row[1]) || blockLetter(row[1])) && row[1] != prev[1] {
			t.roles[b], t.perRow = colBlock, true
			return
		}
		prev = row
	}
}

// blockLetter reports whether a cell is one block's letter ("A", "b").
func blockLetter(s string) bool {
	return len(s) == 1 && ('A' <= s[0] && s[0] <= 'Z' || 'a' <= s[0] && s[0] <= 'z')
}

// dittoMarks say "the same as the row above" in a log's cell.
var dittoMarks = []string{`"`, `''`, "〃", "”", "“", "ditto", "do.", "same"}

// dittoRecord gives each cell of a record table's row that holds only a
// ditto mark ("same", `"`) the text of the cell above it ("│ 2 │ same │
// 3.5 cm │" under "│ 1 │ intermediate layered repair │ 4.5 cm │"), and
// keeps the row for the next; cells is returned as it is when none is.
func (t *table) dittoRecord(cells []*grammar.Cell) []*grammar.Cell {
	out := cells
	for k, c := range cells {
		if c == nil || k >= len(t.recordAbove) || t.recordAbove[k] == nil || !isDitto(c.Text) || strings.TrimSpace(t.recordAbove[k].Text) == "" {
			continue
		}
		if ref, ok := lookup(secLesion, t.keyAt(k)); ok && ref.field == fPostopDiagnosis {
			continue // a post-operative diagnosis "same" is the lesion's pre-operative one, not the row above's
		}
		if &out[0] == &cells[0] {
			out = slices.Clone(cells)
		}
		out[k] = &grammar.Cell{Pos: c.Pos, Text: t.recordAbove[k].Text}
	}
	t.recordAbove = out
	return out
}

// keyAt is the field key of a record table's column k, "" when it has none.
func (t *table) keyAt(k int) string {
	if k < len(t.keys) {
		return t.keys[k]
	}
	return ""
}

// isDitto reports whether a cell's text is a ditto mark alone.
func isDitto(text string) bool {
	return slices.Contains(dittoMarks, asciiLower(strings.TrimSpace(text)))
}

// ditto gives a cell that holds only a ditto mark (`"`, "ditto") the text of
// the same column in the row above, as the log's writer meant: the block
// count of stage 2 under "6" is 6. The row becomes the row above the next.
// A ditto mark under no cell stays as written (an error where a count
// belongs).
func (t *table) ditto(cells map[columnRole]*grammar.Cell) {
	for role, c := range cells {
		if !isDitto(c.Text) {
			continue
		}
		if above := t.above[role]; above != nil && strings.TrimSpace(above.Text) != "" {
			cells[role] = &grammar.Cell{Pos: c.Pos, Text: above.Text}
		}
	}
	t.above = maps.Clone(cells)
}

// textAbove is the text of the line right above line i ("BIOPSIES TODAY -
// other lesion, …" over a table's header, "BIOPSIES TODAY:"), or "".
func (l *lowerer) textAbove(i int) string {
	if i == 0 {
		return ""
	}
	switch above := l.lines[i-1]; {
	case above.Item != nil && above.Item.Text != nil:
		return above.Item.Text.Text
	case above.Item != nil && len(above.Item.Fields) > 0:
		return above.Item.Fields[0].Key
	}
	return ""
}
