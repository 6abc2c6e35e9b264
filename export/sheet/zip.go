package sheet

import (
	"archive/zip"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/bankgen/bankgen/export"
)

// canonicalZip copies the zip archive of size bytes in r to w with its
// entries sorted by name and every entry's time set to mod, so that equal
// workbooks are equal bytes. excelize writes most parts in a fixed order
// but the stream writer's sheets in map order, and leaves entry times
// unset. Entries are copied compressed, without decompressing them.
func canonicalZip(w io.Writer, r io.ReaderAt, size int64, mod time.Time) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("sheet: reading the workbook back: %w", err)
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	switch {
	case mod.Year() < 1980:
		mod = export.DefaultDate
	case mod.Year() > 2107:
		mod = time.Date(2107, time.December, 31, 23, 59, 58, 0, time.UTC)
	}
	date, tm := msDosTime(mod)
	zw := zip.NewWriter(w)
	for _, f := range files {
		raw, err := f.OpenRaw()
		if err != nil {
			return fmt.Errorf("sheet: %s: %w", f.Name, err)
		}
		// The MS-DOS fields set the date alone; Modified would also add an
		// extended-timestamp field.
		out, err := zw.CreateRaw(&zip.FileHeader{
			Name:           f.Name,
			CreatorVersion: 20,
			ReaderVersion:  20,
			Method:         f.Method,
			//lint:ignore SA1019 see above
			ModifiedDate: date,
			//lint:ignore SA1019 see above
			ModifiedTime:       tm,
			CRC32:              f.CRC32,
			CompressedSize64:   f.CompressedSize64,
			UncompressedSize64: f.UncompressedSize64,
		})
		if err != nil {
			return fmt.Errorf("sheet: %s: %w", f.Name, err)
		}
		if _, err := io.Copy(out, raw); err != nil {
			return fmt.Errorf("sheet: %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

// msDosTime encodes t, which must be in 1980–2107, as an MS-DOS date and
// time (two-second resolution).
func msDosTime(t time.Time) (date, tm uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}
