package bank

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSlug checks what every slug must be, whatever the title: valid
// UTF-8 of at most 48 bytes, only lower-case letters, digits and single
// inner dashes, and its own slug. Seeds are in testdata/fuzz/FuzzSlug.
func FuzzSlug(f *testing.F) {
	f.Add("Kubernetes")
	f.Add("THE CORE — DESIRED STATE ✅")
	f.Add(`"Smart manager for your app's boxes"`)
	f.Add("İstanbul ΣΊΣΥΦΟΣ straße")
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if !utf8.ValidString(got) || len(got) > maxSlug {
			t.Fatalf("Slug(%q) = %q: invalid UTF-8 or over %d bytes", s, got, maxSlug)
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q: a dash at an end or doubled", s, got)
		}
		for _, r := range got {
			if r != '-' && !unicode.IsDigit(r) && !(unicode.IsLetter(r) && unicode.ToLower(r) == r) {
				t.Fatalf("Slug(%q) = %q holds %q", s, got, r)
			}
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(%q) = %q, but Slug(%q) = %q", s, got, got, again)
		}
	})
}
