package bank

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of the bankgen/v1 JSON
// that WriteJSON writes and Load reads.
//
//go:embed schema.json
var JSONSchema []byte
