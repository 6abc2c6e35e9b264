// Command bankgen turns interview-prep Markdown into a question bank and
// exports it as Anki decks, PDF study guides, spreadsheets and JSON.
//
// Run "bankgen help" for the commands. With no source arguments, every
// command works on the Markdown that ships inside the binary.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
