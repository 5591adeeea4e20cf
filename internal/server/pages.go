package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"time"
)

// asset is one embedded file of the page, with its ETag.
type asset struct {
	name string
	data []byte
	etag string
}

// loadAssets reads the embedded page files: index.html and everything in
// static/.
func loadAssets() map[string]asset {
	assets := map[string]asset{}
	err := fs.WalkDir(webFS, "web", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := webFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		name := p[len("web/"):]
		assets[name] = asset{name: path.Base(p), data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic("server: embedded page files: " + err.Error()) // the files are compiled in
	}
	return assets
}

// serveAsset writes an embedded file; ServeContent answers conditional and
// range requests and sets the type from the name.
func (s *service) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := s.assets[name]
	if !ok {
		writeProblem(w, http.StatusNotFound, "no such file")
		return
	}
	w.Header().Set("ETag", a.etag)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.data))
}

// index serves the page.
func (s *service) index(w http.ResponseWriter, r *http.Request) {
	s.serveAsset(w, r, "index.html")
}

// static serves the page's script and style sheet. Only files embedded
// under web/static are served: the name is a key, never a path.
func (s *service) static(w http.ResponseWriter, r *http.Request) {
	s.serveAsset(w, r, "static/"+r.PathValue("file"))
}

// healthz answers that the service is up.
func (s *service) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("{\"status\":\"ok\"}\n"))
}

// openAPI serves the API's description, kept in the repository as
// internal/server/openapi.json.
func (s *service) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(openAPI)
}
