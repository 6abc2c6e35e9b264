package parse

import "testing"

func TestYAMLKinds(t *testing.T) {
	tests := []struct {
		code    string
		kinds   []string
		line    int
		wantErr bool
	}{
		{"apiVersion: v1\nkind: Pod\n", []string{"Pod"}, 0, false},
		{"kind: Service\n---\nkind: Deployment\n", []string{"Service", "Deployment"}, 0, false},
		{"- a\n- b\n", nil, 0, false},
		{"spec:\n  replicas: 1\n  replicas: 2\n", nil, 3, true},
		// yaml.v3 places this error where the broken mapping starts.
		{"kind: Pod\nmetadata:\n  name: [unclosed\n", nil, 2, true},
	}
	for _, tt := range tests {
		kinds, line, err := yamlKinds(tt.code)
		if (err != nil) != tt.wantErr || line != tt.line || len(kinds) != len(tt.kinds) {
			t.Errorf("yamlKinds(%q) = %v, line %d, %v; want %v, line %d, error %v", tt.code, kinds, line, err, tt.kinds, tt.line, tt.wantErr)
			continue
		}
		for i := range kinds {
			if kinds[i] != tt.kinds[i] {
				t.Errorf("yamlKinds(%q) kinds = %v, want %v", tt.code, kinds, tt.kinds)
			}
		}
	}
}
