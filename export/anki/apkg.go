package anki

import (
	"archive/zip"
	"io"
	"time"

	"github.com/go-fonts/dejavu/dejavusansmono"
)

// A package (.apkg) is a zip archive of the collection, the media files
// named "0", "1", … and the "media" map from those names to the real file
// names. With no "meta" entry and no "collection.anki21", Anki reads it as
// a legacy package whose collection is "collection.anki2" in schema 11
// (rslib import_export/package/meta.rs).

// writePackage writes the zip. Entries come in a fixed order, every one
// stamped with the same modification time, so the same collection gives
// the same bytes. With store, the collection is stored uncompressed.
func writePackage(w io.Writer, col []byte, withFont, store bool, modified time.Time) error {
	zw := zip.NewWriter(w)
	media := "{}"
	entries := []struct {
		name string
		data []byte
	}{{"collection.anki2", col}}
	if withFont {
		media = `{"0":"` + fontFile + `"}`
		entries = append(entries, struct {
			name string
			data []byte
		}{"0", dejavusansmono.TTF})
	}
	entries = append(entries, struct {
		name string
		data []byte
	}{"media", []byte(media)})
	for i, e := range entries {
		method := zip.Deflate
		if i == 0 && store {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{
			Name:     e.name,
			Method:   method,
			Modified: modified.UTC(),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
