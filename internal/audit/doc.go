// Package audit compares the lines a practice billed with the lines the
// engine codes from the same notes: per note, which billed lines match,
// which the note supports but were not billed (missing), which it does not
// support (extra), and which differ in units or modifiers — each explained
// by the engine's reason and note lines — with the named audit findings
// compliance reviews look for, a summary of agreement by code family, and
// text, JSON, CSV and self-contained HTML reports.
package audit
