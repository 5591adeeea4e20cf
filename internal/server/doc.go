// Package server serves the engine over HTTP: the JSON API (POST /v1/code
// and /v1/check, answering with the output contract of docs/note-format.md
// section 7), its OpenAPI description, a health check, and the one-page web
// front end for coders, from embedded files. Its access log names the
// method, path, status, duration and size of each request, never the note.
package server
