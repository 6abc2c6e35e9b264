package markdown

import "flag"

// "go test ./... -update" passes -update to every package; this one has
// no golden files of its own, so it only accepts the flag.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
