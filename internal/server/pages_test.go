package server

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPageFiles checks the rules of the page that a browser test would not
// notice: everything is embedded (no CDN, no external address), no inline
// script or style (the Content-Security-Policy forbids them), note text is
// never parsed as HTML, and every field has a label.
func TestPageFiles(t *testing.T) {
	assets := loadAssets()
	require.Contains(t, assets, "index.html")
	require.Contains(t, assets, "static/app.js")
	require.Contains(t, assets, "static/app.css")

	for name, a := range assets {
		text := string(a.data)
		assert.NotRegexp(t, `(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/`, text, "%s loads something from elsewhere", name)
	}

	page := string(assets["index.html"].data)
	assert.NotRegexp(t, `<script>|<script [^>]*>[^<]`, page, "inline script")
	assert.NotContains(t, page, "<style", "inline style")
	assert.NotRegexp(t, `\son[a-z]+=`, page, "inline event handler")
	for _, src := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		assert.Contains(t, assets, strings.TrimPrefix(src[1], "/"), "index.html refers to a file that is not embedded")
	}

	for _, m := range regexp.MustCompile(`<(?:textarea|select|input)[^>]*\sid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		assert.Contains(t, page, `<label for="`+m[1]+`"`, "field #%s has no label", m[1])
	}

	script := string(assets["static/app.js"].data)
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		assert.NotContains(t, script, sink, "app.js must set note text with textContent")
	}
}
