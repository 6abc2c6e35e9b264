// Package browsertest starts one headless Chromium for a test binary and
// gives each test its own tab in it, for tests that check what a page
// does in a real browser. Only tests import it.
//
// A package's tests call Main from TestMain, so the browser starts at
// most once and is closed when the tests end:
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
//
//	func TestPage(t *testing.T) {
//		ctx := browsertest.New(t)
//		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil { … }
//	}
//
// The browser is Debian's chromium package. When it is missing, New fails
// the test with a message naming the package to install.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Package is the Debian package that provides the browser.
const Package = "chromium"

// binaries are the names Chromium is installed under, Debian's first.
var binaries = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

var shared struct {
	once    sync.Once
	browser context.Context // the first tab; closing it closes the browser
	cancel  func()
	dir     string
	err     error
}

// Main runs the tests of m and closes the browser, if one was started,
// before exiting with the tests' status.
func Main(m *testing.M) {
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// start starts the browser: headless, with a fresh profile, and with
// every feature that talks to the network on its own turned off.
func start() {
	path := ""
	for _, name := range binaries {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		shared.err = fmt.Errorf("browsertest: no Chromium on PATH: install Debian's package %s (apt-get install -y %s)", Package, Package)
		return
	}
	dir, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		shared.err = err
		return
	}
	shared.dir = dir
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		shared.err = fmt.Errorf("browsertest: starting %s: %w", path, err)
		return
	}
	shared.browser = bctx
	shared.cancel = func() { bcancel(); acancel() }
}

// New returns the context of a new tab in the test binary's browser,
// starting the browser on first use. The tab is closed when the test
// ends. New fails the test when Chromium cannot be started; the message
// names the package to install.
func New(t testing.TB) context.Context {
	t.Helper()
	shared.once.Do(start)
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	ctx, cancel := chromedp.NewContext(shared.browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: opening a tab: %v", err)
	}
	return ctx
}
