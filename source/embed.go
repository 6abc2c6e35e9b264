// Package source carries the interview-prep Markdown that ships with
// bankgen, byte for byte as it was received, damage included: repairing
// it is the pipeline's job.
package source

import "embed"

// FS holds the shipped Markdown files at its root.
//
//go:embed *.md
var FS embed.FS

// Modified is when the shipped files last changed. Exporters whose
// output carries a time (Anki's note mod, PDF dates) use it for the
// embedded sources, so that their output is the same on every run.
// Update it, and Digest, whenever a file here changes.
const Modified = "2026-11-24T00:00:00Z"

// Digest is the SHA-256 of the shipped files (each name, a NUL, its
// bytes, a NUL, in name order). A test fails when the files change but
// Digest does not, as a reminder to move Modified forward too.
const Digest = "422316b260c195352f1b9331bda0ac47e460b7c0988d686270dd67d386e9c882"
