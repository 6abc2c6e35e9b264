package fix

import "bytes"

// crlfToLF turns CRLF line endings into LF (NormalizeNewlines). It reports
// nothing: Report.Newlines says what it did.
type crlfToLF struct{}

func (crlfToLF) apply(text []byte, _ *config) ([]edit, []finding) {
	var edits []edit
	for i := 0; ; {
		j := bytes.Index(text[i:], []byte("\r\n"))
		if j < 0 {
			return edits, nil
		}
		edits = append(edits, edit{i + j, i + j + 2, []byte{'\n'}})
		i += j + 2
	}
}

// replaceInvalid turns each run of bytes that are not UTF-8 into U+FFFD
// (ReplaceInvalid). The envelope has reported them as Undecodable.
type replaceInvalid struct{}

func (replaceInvalid) apply(text []byte, _ *config) ([]edit, []finding) {
	var edits []edit
	for _, s := range invalidRuns(text) {
		edits = append(edits, edit{s.s, s.e, []byte("\uFFFD")})
	}
	return edits, nil
}
