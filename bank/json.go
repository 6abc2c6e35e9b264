package bank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// document is the JSON envelope: the schema name first, then the bank.
type document struct {
	Schema string      `json:"schema"`
	Topics []Topic     `json:"topics"`
	Plan   []PlanEntry `json:"plan"`
}

// ErrSchema is wrapped by Load's error when the JSON names another schema.
var ErrSchema = errors.New("bank: unsupported schema")

// WriteJSON writes the bank as indented JSON in the bankgen/v1 schema:
// {"schema": "bankgen/v1", "topics": [...], "plan": [...]}. Keys are
// lowerCamelCase and appear in a fixed order; lists that are empty are
// written as [] rather than null, so the output is the same bytes for
// equal banks. HTML characters are not escaped: the text is data, and
// each exporter escapes it for its own target.
func (b *Bank) WriteJSON(w io.Writer) error {
	c := b.clone()
	c.fillEmpty()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(document{Schema: Schema, Topics: c.Topics, Plan: c.Plan}); err != nil {
		return fmt.Errorf("bank: encoding JSON: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Load reads a bank written by WriteJSON. It accepts any schema of the
// form "bankgen/v1" (fields added later within v1 are ignored) and
// rejects others with an error wrapping ErrSchema. It cleans every text
// (see Normalize) but does not validate the bank; call Validate for
// that.
func Load(r io.Reader) (*Bank, error) {
	var doc document
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("bank: decoding JSON: %w", err)
	}
	if doc.Schema != Schema && !strings.HasPrefix(doc.Schema, Schema+".") {
		return nil, fmt.Errorf("%w %q (want %q)", ErrSchema, doc.Schema, Schema)
	}
	if dec.More() {
		return nil, errors.New("bank: decoding JSON: data after the bank")
	}
	b := &Bank{Topics: doc.Topics, Plan: doc.Plan}
	b.fillEmpty()
	b.Normalize()
	return b, nil
}

// clone copies the bank's top-level slices so fillEmpty cannot touch
// the caller's values.
func (b *Bank) clone() *Bank {
	c := &Bank{Topics: append([]Topic(nil), b.Topics...), Plan: b.Plan}
	for i := range c.Topics {
		c.Topics[i].Questions = append([]Question(nil), c.Topics[i].Questions...)
	}
	return c
}

// fillEmpty turns the nil lists that the schema requires into empty ones.
func (b *Bank) fillEmpty() {
	b.Topics = nonNil(b.Topics)
	b.Plan = nonNil(b.Plan)
	for i := range b.Topics {
		t := &b.Topics[i]
		t.Guide = nonNil(t.Guide)
		t.Questions = nonNil(t.Questions)
		for j := range t.Questions {
			q := &t.Questions[j]
			q.Strengths = nonNil(q.Strengths)
			q.Gaps = nonNil(q.Gaps)
			q.Answer = nonNil(q.Answer)
			q.Samples = nonNil(q.Samples)
			q.Diagrams = nonNil(q.Diagrams)
		}
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
