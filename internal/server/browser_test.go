package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
)

// findChromium returns the path of Debian's chromium. Outside CI a missing
// browser skips the test; with CI=true it fails it, since .ci/run installs
// chromium.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: .ci/run installs it with apt-get (CI=true makes this a failure)")
	}
	t.Skip("chromium is not installed (apt-get install chromium); skipping the browser test")
	return ""
}

// newBrowser starts a headless chromium with a fresh profile and no
// background networking. The whole test runs under one deadline derived
// from the test's own (go test -timeout, less a minute to report), and every
// wait of the test is on a condition under that deadline, never a fixed
// short timeout: on a loaded CI machine the page may take seconds to answer.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := findChromium(t)
	deadline, ok := t.Deadline()
	if !ok {
		deadline = time.Now().Add(10 * time.Minute)
	}
	ctx, cancel := context.WithDeadline(t.Context(), deadline.Add(-time.Minute))
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// No smooth scrolling: an element scrolling under the pointer of a
		// click made the click miss on a loaded machine.
		chromedp.Flag("force-prefers-reduced-motion", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	require.NoError(t, chromedp.Do(browser), "starting chromium")
	return browser
}

// newTab opens a tab of the browser for one subtest.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	return tab
}

// paste puts text into the focused field as a paste does: one insertion,
// with the input events the page sees.
func paste(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

// pasteNote opens the page, pastes the note and clicks the code button.
func pasteNote(url, note string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("note")),
		chromedp.Click(chromedp.ID("note")),
		paste(note),
		chromedp.Click(chromedp.ID("code-button")),
	)
}

// run runs an action of the tab and fails the test on an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, steps...))
}

// The table's codes, the note lines highlighted, and whether every
// highlighted line is within the note panel's view.
var (
	inView = `(() => {
		const v = document.getElementById("note-view").getBoundingClientRect();
		return [...document.querySelectorAll("#note-view li.hl")].every((li) => {
			const r = li.getBoundingClientRect();
			return r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
		});
	})()`
	codesShown  = chromedp.Evaluate[[]string](`[...document.querySelectorAll("#lines tbody tr.claim-line td.code")].map(e => e.textContent)`)
	highlighted = chromedp.Evaluate[[]int](`[...document.querySelectorAll("#note-view li.hl")].map(e => Number(e.dataset.line))`)
)

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := run(t, ctx, chromedp.FullScreenshot(100))
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
}

// TestBrowser drives the page in headless chromium against a running
// server: paste a note, code it, read the table, click a line and see its
// evidence highlighted; and the token prompt, a parse error, findings.
func TestBrowser(t *testing.T) {
	browser := newBrowser(t)
	var logs syncBuffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	open := httptest.NewServer(New(Options{Log: log}))
	defer open.Close()
	locked := httptest.NewServer(New(Options{Log: log, Token: testToken}))
	defer locked.Close()

	nose := sample(t, "nose-two-stage.txt")
	invalid := unparsable(t)
	gaps := sample(t, "documentation-gaps.txt")
	noseCodes := []string{"17311", "17312", "14060"}

	t.Run("paste, code, click a line", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, pasteNote(open.URL, nose))
		assert.Equal(t, nose, run(t, tab, chromedp.Value(chromedp.ID("note"))), "the paste reached the text box")
		do(t, tab, chromedp.WaitVisible(chromedp.CSS("#lines tbody tr.claim-line")))
		assert.Equal(t, noseCodes, run(t, tab, codesShown))

		do(t, tab,
			chromedp.Click(chromedp.CSS(`#lines tr.claim-line[data-seq="1"]`)),
			chromedp.WaitVisible(chromedp.CSS("#note-view li.hl")))
		assert.Equal(t, []int{8, 14}, run(t, tab, highlighted), "evidence of the first stage")
		assert.True(t, run(t, tab, chromedp.Evaluate[bool](inView)), "every highlighted line is in the note panel's view")
		assert.Contains(t, run(t, tab, chromedp.Text(chromedp.ID("status"))), "3 claim lines", "the status counts lines")
		assert.Equal(t, "Site: left nasal ala", run(t, tab, chromedp.Text(chromedp.CSS("#note-line-8 .lt"))))
		screenshot(t, tab, "nose-two-stage.png")

		// The button in the row does the same, from the keyboard too.
		do(t, tab, chromedp.Click(chromedp.CSS(`#lines tr.claim-line[data-seq="3"] button`)))
		assert.Equal(t, []int{23}, run(t, tab, highlighted), "evidence of the repair")

		csv := run(t, tab, chromedp.Evaluate[string](`window.mohscode.claimCSV()`))
		rows := strings.Split(strings.TrimSpace(csv), "\r\n")
		require.Len(t, rows, 4, csv)
		assert.Equal(t, strings.Join(claimfmt.CSVHeader, ","), rows[0], "the same columns as batch --format csv")
		assert.True(t, strings.HasPrefix(rows[1], "note,2026-03-14,1,17311,1,,1,1,C44.311,8:14,"), rows[1])
		assert.Contains(t, rows[3], ",14060,1,,1,1,C44.311,23,") // a flap carries no modifier (docs/coding-rules.md section 3)
		// The browser's clipboard may ask for a permission nobody grants in
		// a headless run; the test's own clipboard records what is copied.
		run(t, tab, chromedp.Evaluate[bool](`navigator.clipboard.writeText = (s) => { window.copied = s; return Promise.resolve(); }; true`))
		do(t, tab,
			chromedp.Click(chromedp.ID("copy-csv")),
			chromedp.Poll[chromedp.Void](`document.getElementById("status").textContent.includes("CSV")`, chromedp.WithPollingTimeout(0))) // bounded by the test's deadline
		assert.Equal(t, csv, run(t, tab, chromedp.Evaluate[string](`window.copied`)), "the button copies the CSV")
		assert.Contains(t, run(t, tab, chromedp.Text(chromedp.ID("status"))), "3 claim lines")
	})

	t.Run("asks for the token and retries", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, pasteNote(locked.URL, nose), chromedp.WaitVisible(chromedp.ID("token-form")))
		assert.Contains(t, run(t, tab, chromedp.Text(chromedp.ID("token-message"))), "needs an API token")
		do(t, tab,
			chromedp.SendKeys(chromedp.ID("token"), testToken),
			chromedp.Click(chromedp.ID("token-button")),
			chromedp.WaitVisible(chromedp.CSS("#lines tbody tr.claim-line")))
		assert.Equal(t, noseCodes, run(t, tab, codesShown))
	})

	t.Run("parse error, note text escaped", func(t *testing.T) {
		tab := newTab(t, browser)
		note := invalid + "<img src=x onerror=\"window.pwned=1\"><b>bold</b>\n"
		do(t, tab, pasteNote(open.URL, note), chromedp.WaitVisible(chromedp.ID("parse-error")))
		assert.Equal(t, "line 9 is 16 KiB long; the limit is 16 KiB", run(t, tab, chromedp.Text(chromedp.CSS("#parse-error .message"))))
		assert.Equal(t, []int{9}, run(t, tab, highlighted), "the error's line is highlighted")
		do(t, tab, chromedp.Sleep(200*time.Millisecond)) // time for an injected onerror to run
		assert.Zero(t, run(t, tab, chromedp.Evaluate[int](`document.querySelectorAll("#result img, #result b").length`)), "note text became HTML")
		assert.False(t, run(t, tab, chromedp.Evaluate[bool](`window.pwned === 1`)), "note text ran as script")
		assert.Equal(t, `<img src=x onerror="window.pwned=1"><b>bold</b>`, run(t, tab, chromedp.Text(chromedp.CSS("#note-view li:last-child .lt"))))
	})

	t.Run("findings grouped by severity", func(t *testing.T) {
		tab := newTab(t, browser)
		do(t, tab, pasteNote(open.URL, gaps), chromedp.WaitVisible(chromedp.CSS("#findings .severity")))
		groups := run(t, tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#findings .severity")].map(e => e.getAttribute("aria-label"))`))
		require.NotEmpty(t, groups)
		order := map[string]int{"Errors": 0, "Warnings": 1, "Info": 2}
		for i := 1; i < len(groups); i++ {
			assert.Less(t, order[groups[i-1]], order[groups[i]], "groups in severity order: %v", groups)
		}
		errors := run(t, tab, chromedp.Evaluate[int](`document.querySelectorAll("#findings .finding.error").length`))
		status := run(t, tab, chromedp.Text(chromedp.ID("status")))
		if errors == 0 {
			assert.Contains(t, status, "(no errors)")
		} else {
			assert.Regexp(t, fmt.Sprintf(`\(%d errors?\)\.$`, errors), status, "the status says how many findings are errors")
		}
		first := run(t, tab, chromedp.Evaluate[int](`Number(document.querySelector("#findings .finding .where").textContent.replace("line ", ""))`))
		do(t, tab, chromedp.Click(chromedp.CSS("#findings .finding")))
		assert.Equal(t, []int{first}, run(t, tab, highlighted), "clicking a finding highlights its line")
		screenshot(t, tab, "documentation-gaps.png")
	})

	assertNoNoteText(t, logs.String(), nose, invalid, gaps)
}
