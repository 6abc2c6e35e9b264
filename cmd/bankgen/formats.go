package main

import (
	"errors"
	iofs "io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/export/anki"
	"github.com/bankgen/bankgen/export/bankjson"
	"github.com/bankgen/bankgen/export/markdown"
	"github.com/bankgen/bankgen/export/pdf"
	"github.com/bankgen/bankgen/export/quiz"
	"github.com/bankgen/bankgen/export/sheet"
)

// exportOptions are the export command's settings that formats read.
type exportOptions struct {
	src *sources

	paper    string // pdf: a4 or letter
	ankiText bool   // anki: the plain-text import files instead of a package
	reverse  bool   // anki: a reverse card for every concept
	store    bool   // anki: store the collection uncompressed (faster, larger)
	deck     string // anki: the parent deck
	numbered bool   // md: number the topic files so they sort in bank order

	dir     string   // the output directory
	reports []string // printed after the files: what an export changes (anki)
}

// fileTimes maps each source file to its time, for formats that date
// items per file.
func (o *exportOptions) fileTimes() map[string]time.Time {
	m := make(map[string]time.Time, len(o.src.files))
	for _, f := range o.src.files {
		m[f.Name] = f.ModTime
	}
	return m
}

// format is one output format the export command offers. Formats are
// listed, and run, in name order.
type format struct {
	name  string // the flag that selects it: --json
	usage string
	// flags, when set, adds the options that apply only to this format
	// (and to the formats that share them); giving one without choosing a
	// format it applies to is a usage error.
	flags func(fs *pflag.FlagSet, o *exportOptions)
	// shares names flags of other formats that this format reads too.
	shares []string
	// files returns the format's files. The command first calls it on an
	// empty bank to check the options before reading any source: an
	// error then is a usage error.
	files func(b *bank.Bank, o *exportOptions) ([]export.File, error)
}

var formats = []format{
	{
		name:  "anki",
		usage: "write an Anki deck, interview-prep.apkg (with --text: Anki's plain-text import files)",
		flags: func(fs *pflag.FlagSet, o *exportOptions) {
			fs.BoolVar(&o.ankiText, "text", false, "with --anki, write Anki's plain-text import files instead of a package")
			fs.BoolVar(&o.store, "anki-store", false, "with --anki, store the collection uncompressed: about twice as fast to write, several times larger")
			fs.BoolVar(&o.reverse, "reverse", false, "with --anki, add a definition → term card to every concept")
			fs.StringVar(&o.deck, "deck", anki.DefaultDeck, "with --anki, the parent deck `NAME`; with --html, the page's title")
		},
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			if o.store && o.ankiText {
				return nil, errors.New("--anki-store applies to the package, not to --text")
			}
			// The previous export's state keeps review history across edits.
			prev, err := os.ReadFile(filepath.Join(o.dir, anki.StateName("")))
			if err != nil && !errors.Is(err, iofs.ErrNotExist) {
				return nil, err
			}
			e, err := anki.Build(b, anki.Options{
				Deck:      o.deck,
				Date:      o.src.latest,
				FileTimes: o.fileTimes(),
				Previous:  prev,
				Reverse:   o.reverse,
				Text:      o.ankiText,
				Store:     o.store,
			})
			if err != nil {
				return nil, err
			}
			o.reports = append(o.reports, e.Report.String())
			return e.Files, nil
		},
	},
	{
		name:  "csv",
		usage: "write one UTF-8 CSV file per sheet (questions.csv, gaps.csv, …)",
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			return sheet.Files(b, sheet.Options{Format: sheet.FormatCSV, Date: o.src.latest})
		},
	},
	{
		name:   "html",
		usage:  "write quiz.html, an offline self-study page with spaced repetition",
		shares: []string{"deck"},
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			return quiz.Files(b, quiz.Options{Deck: o.deck})
		},
	},
	{
		name:  "json",
		usage: "write bank.json (schema bankgen/v1)",
		files: func(b *bank.Bank, _ *exportOptions) ([]export.File, error) {
			return bankjson.Files(b), nil
		},
	},
	{
		name:  "md",
		usage: "write the bank back as Markdown, one <topic>.md per topic and plan.md",
		flags: func(fs *pflag.FlagSet, o *exportOptions) {
			fs.BoolVar(&o.numbered, "md-numbered", false, "with --md, prefix topic files with their position (01-kubernetes.md)")
		},
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			return markdown.Files(b, markdown.Options{Numbered: o.numbered})
		},
	},
	{
		name:  "pdf",
		usage: "write study-guide.pdf and cheat-sheet.pdf",
		flags: func(fs *pflag.FlagSet, o *exportOptions) {
			fs.StringVar(&o.paper, "paper", pdf.PaperA4, "with --pdf, the paper `SIZE`: a4 or letter")
		},
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			return pdf.Files(b, pdf.Options{Paper: o.paper, Date: o.src.latest})
		},
	},
	{
		name:  "xlsx",
		usage: "write the workbook bank.xlsx",
		files: func(b *bank.Bank, o *exportOptions) ([]export.File, error) {
			return sheet.Files(b, sheet.Options{Format: sheet.FormatXLSX, Date: o.src.latest})
		},
	},
}
