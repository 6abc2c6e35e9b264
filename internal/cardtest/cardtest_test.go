package cardtest

import (
	"slices"
	"testing"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

func TestLeaks(t *testing.T) {
	for _, tt := range []struct {
		term, text string
		want       []string
	}{
		{"Pod", "a pod wraps containers", []string{"pod"}},
		{"Pod", "podman and ipod", nil},
		{"Liveness and Readiness Probes", "A liveness probe restarts it; a readiness probe gates it.",
			[]string{"liveness", "liveness probes", "readiness probes"}},
		{"Liveness and Readiness Probes", "A ___ restarts it; a ___ gates it.", nil},
		{"ConfigMap & Secret", "Secrets hold passwords.", []string{"secret"}},
		{"A/B Testing", "A variant to each group.", nil},
	} {
		if got := Leaks(tt.term, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Leaks(%q, %q) = %q, want %q", tt.term, tt.text, got, tt.want)
		}
	}
}
