package audit_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
)

// chromium finds the browser. Without one the test is skipped on a
// developer's machine, and fails in CI (CI=true), where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed; CI must install it for the HTML report test")
	}
	t.Skip("chromium is not installed (apt-get install chromium); CI runs this test")
	return ""
}

// TestHTMLReportInChromium renders the fixture month's report in headless
// chromium: the chart and the tables are there, clicking a column header
// sorts the table (again: reversed), and a screenshot is saved.
func TestHTMLReportInChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	report := monthReport(t)
	var page bytes.Buffer
	require.NoError(t, audit.WriteHTML(&page, report))
	file := filepath.Join(dir, "audit.html")
	require.NoError(t, os.WriteFile(file, page.Bytes(), 0o644))

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1400, 1000),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	// the first Run starts the browser; a deadline on it would bound the
	// browser's life, so it goes on the actions after it
	_, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`))
	require.NoError(t, err, "start chromium")
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate("file://"+file),
		chromedp.WaitVisible(chromedp.ID("chart")),
		chromedp.WaitVisible(chromedp.ID("lines")),
	))
	eval := func(js string) []string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
		require.NoError(t, err, js)
		return v
	}
	count := func(css string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(css)+`).length`))
		require.NoError(t, err, css)
		return n
	}

	// the chart: one bar per family, a segment per kind of difference
	assert.Equal(t, len(audit.Families()), count("#chart g.bar"))
	segments := 0
	for _, f := range report.Summary.Families {
		for _, n := range []int{f.Missing, f.Extra, f.UnitsDiffer, f.ModifiersDiffer} {
			if n > 0 {
				segments++
			}
		}
	}
	assert.Equal(t, segments, count("#chart rect.seg"))
	titles := eval(`Array.from(document.querySelectorAll("#chart rect.seg title")).map(e => e.textContent)`)
	assert.Contains(t, titles, "Mohs 1731x: 4 extra")
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById("chart").getBoundingClientRect().width`))
	require.NoError(t, err)
	assert.Greater(t, width, 600.0, "the chart is laid out")

	// the lines table: a row per line compared
	rows := 0
	for _, n := range report.Notes {
		rows += len(n.Lines)
	}
	assert.Equal(t, rows, count("#lines tbody tr"))
	column := func(table string, col int) []string {
		return eval(`Array.from(document.querySelectorAll("#` + table + ` tbody tr")).map(r => r.cells[` + strconv.Itoa(col) + `].textContent.trim())`)
	}
	header := func(table string, col int) string {
		return `#` + table + ` thead th:nth-child(` + strconv.Itoa(col+1) + `)`
	}
	ariaSort := func(sel string) string {
		res, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), "aria-sort"))
		require.NoError(t, err)
		return res.Value
	}

	const codeCol = 2
	before := column("lines", codeCol)
	require.False(t, slices.IsSorted(before), "the fixture's rows start in note order, not by code")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header("lines", codeCol)))))
	asc := column("lines", codeCol)
	assert.True(t, slices.IsSorted(asc), "%v", asc)
	assert.ElementsMatch(t, before, asc)
	assert.Equal(t, "ascending", ariaSort(header("lines", codeCol)))
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header("lines", codeCol)))))
	desc := column("lines", codeCol)
	assert.True(t, slices.IsSortedFunc(desc, func(a, b string) int { return -compare(a, b) }), "%v", desc)
	assert.Equal(t, "descending", ariaSort(header("lines", codeCol)))

	// a numeric column sorts by number: claims line 9 before 11
	const claimsCol = 7
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header("lines", claimsCol)))))
	var lines []int
	for _, s := range column("lines", claimsCol) {
		if s != "" {
			n, err := strconv.Atoi(s)
			require.NoError(t, err)
			lines = append(lines, n)
		}
	}
	assert.True(t, slices.IsSorted(lines), "%v", lines)

	// the findings table sorts too
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header("findings", 3)))))
	assert.True(t, slices.IsSorted(column("findings", 3)))

	// hiding the matched lines
	visible := func() int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#lines tbody tr")).filter(r => r.offsetParent !== null).length`))
		require.NoError(t, err)
		return n
	}
	assert.Equal(t, rows, visible())
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("hide-matched"))))
	assert.Equal(t, rows-report.Summary.Matched, visible())

	// nothing was fetched: the page is self-contained
	fetched := eval(`performance.getEntriesByType("resource").map(e => e.name)`)
	assert.Empty(t, fetched)

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	require.NoError(t, err)
	png := filepath.Join(dir, "audit.png")
	require.NoError(t, os.WriteFile(png, shot, 0o644))
	assert.Greater(t, len(shot), 10_000)
	t.Logf("screenshot: %s (%d bytes)", png, len(shot))
}

// compare orders strings as the page's localeCompare with numeric collation
// does for the codes of the fixture (digits and capital letters only).
func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
