package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestName is the file in which WriteAll records, in each folder it
// writes to, the files it wrote there and a hash of what they held.
const ManifestName = ".bankgen-manifest.json"

// manifestAbout explains the manifest to whoever opens it.
const manifestAbout = "Files bankgen wrote in this folder, with the SHA-256 of what it wrote. " +
	"bankgen overwrites a file only while it is listed here and unchanged, and never reads these files as sources."

// Manifest is what a folder's ManifestName file records: the files
// bankgen wrote there, by base name, with the hex SHA-256 of the bytes
// written. A file is bankgen's while it is listed and still holds those
// bytes; a file the user has edited since is the user's again.
type Manifest struct {
	About string            `json:"about"`
	Files map[string]string `json:"files"`
}

// ReadManifest reads the manifest of dir. A folder without one, or with
// one that cannot be read as a manifest, has an empty manifest: then no
// file there counts as bankgen's.
func ReadManifest(dir string) Manifest {
	m := Manifest{Files: map[string]string{}}
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return m
	}
	var read Manifest
	if json.Unmarshal(data, &read) != nil {
		return m
	}
	for name, sum := range read.Files {
		if name == filepath.Base(name) {
			m.Files[name] = sum
		}
	}
	return m
}

// Owns reports whether the file called name in the manifest's folder,
// holding data, is one bankgen wrote and nobody has changed since.
func (m Manifest) Owns(name string, data []byte) bool {
	sum, ok := m.Files[name]
	return ok && sum == hashOf(data)
}

func hashOf(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// ownsOnDisk reports whether path, a file in the manifest's folder, is a
// regular file that bankgen wrote and nobody has changed since.
func (m Manifest) ownsOnDisk(path string) (bool, error) {
	sum, ok := m.Files[filepath.Base(path)]
	if !ok {
		return false, nil
	}
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false, err
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false, err
	}
	return hex.EncodeToString(h.Sum(nil)) == sum, nil
}

// ExistsError is returned by WriteAll, before it writes anything, when
// files it would write already exist and are not bankgen's: not listed in
// the folder's manifest, or changed since bankgen wrote them.
type ExistsError struct {
	// Paths are the files in the way, sorted.
	Paths []string
}

func (e *ExistsError) Error() string {
	if len(e.Paths) == 1 {
		return fmt.Sprintf("%s already exists and bankgen did not write it (or it changed since); nothing was written", e.Paths[0])
	}
	return fmt.Sprintf("%d files already exist that bankgen did not write (or that changed since): %s; nothing was written",
		len(e.Paths), strings.Join(e.Paths, ", "))
}

// Unwrap returns fs.ErrExist.
func (e *ExistsError) Unwrap() error { return fs.ErrExist }

// WriteOptions configure WriteAll.
type WriteOptions struct {
	// Force overwrites existing files that are not bankgen's.
	Force bool
}

// Written describes one file WriteAll wrote.
type Written struct {
	Path  string // dir joined with the File's Name
	Items int    // the File's Items
	Size  int64  // bytes written
}

// WriteAll writes files into dir, creating dir if needed, the way the
// bankgen command does:
//
//   - It checks every file first: a name must be a plain base name not
//     starting with "." and appear once. An existing file of the same name
//     is overwritten only when it is bankgen's (see Manifest) or
//     opts.Force is set; otherwise WriteAll returns an *ExistsError naming
//     every such file, and writes nothing.
//   - Each file is rendered into a temporary file in dir, then renamed
//     over its name (WriteFile), so a failure never leaves a half-written
//     file, and an older file survives a failed write.
//   - The files written are then recorded in dir's manifest
//     (ManifestName), beside those recorded earlier that still exist.
//
// It returns what it wrote, in the order of files, also when a write
// fails part way (then with the error; the files written so far are
// recorded in the manifest).
func WriteAll(dir string, files []File, opts WriteOptions) (written []Written, err error) {
	seen := map[string]bool{}
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || strings.HasPrefix(f.Name, ".") {
			return nil, fmt.Errorf("refusing to write unsafe file name %q", f.Name)
		}
		if seen[f.Name] {
			return nil, fmt.Errorf("two outputs are both named %q", f.Name)
		}
		seen[f.Name] = true
	}
	m := ReadManifest(dir)
	var inTheWay []string
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if _, err := os.Lstat(path); err != nil || opts.Force {
			continue // nothing in the way; other errors show when writing
		}
		ours, err := m.ownsOnDisk(path)
		if err != nil {
			return nil, err
		}
		if !ours {
			inTheWay = append(inTheWay, path)
		}
	}
	if len(inTheWay) > 0 {
		slices.Sort(inTheWay)
		return nil, &ExistsError{Paths: inTheWay}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer func() {
		if len(written) == 0 {
			return
		}
		if merr := writeManifest(dir, m); err == nil {
			err = merr
		}
	}()
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		h := sha256.New()
		var n int64
		err := WriteFile(path, 0o644, func(w io.Writer) error {
			cw := &countWriter{w: io.MultiWriter(w, h)}
			err := f.Write(cw)
			n = cw.n
			return err
		})
		if err != nil {
			return written, err
		}
		m.Files[f.Name] = hex.EncodeToString(h.Sum(nil))
		written = append(written, Written{Path: path, Items: f.Items, Size: n})
	}
	return written, nil
}

// writeManifest writes m into dir, leaving out files that no longer
// exist.
func writeManifest(dir string, m Manifest) error {
	for name := range m.Files {
		if _, err := os.Lstat(filepath.Join(dir, name)); errors.Is(err, fs.ErrNotExist) {
			delete(m.Files, name)
		}
	}
	m.About = manifestAbout
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(filepath.Join(dir, ManifestName), 0o644, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteFile writes a file through write into a temporary file in the
// same folder, then renames it over path with permissions perm, so that
// a failure at any point leaves either the old file or none, never a
// half-written one. It does not check whose file path is: WriteAll
// does.
func WriteFile(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(w); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
