package cardhtml

// CSS is the style sheet of the fragments, for both light and dark
// themes: it sets no text or background colour of its own (the host
// page does, per theme) and uses translucent accents that read on
// either. Cards are laid out in a .bg container at most 46em wide.
// Preformatted text never wraps and uses a monospace stack that starts
// with "Bankgen Mono" (see the package comment); diagrams are set solid,
// so vertical box lines join up. Diagrams and code wider than
// FitColumns are scaled to their container's width (with container
// query units; where those are missing they keep 13 px and scroll) and
// set at full size, scrolling sideways, when tapped. Highlighted code
// is set light on dark in both themes, its tokens coloured by class
// (keywords, names, literals, operators, comments, diff lines).
const CSS = `.bg { max-width: 46em; margin: 0 auto; padding: 0 4px; }
.bg-meta { font-size: 13px; margin-bottom: .5em; }
.bg-chip {
  display: inline-block;
  padding: 0 8px;
  margin: 0 4px 4px 0;
  border: 1px solid rgba(127, 127, 127, .5);
  border-radius: 10px;
}
.bg-kind { opacity: .7; }
.bg-prompt { font-size: 1.1em; font-weight: 600; }
.bg-context { font-size: .9em; opacity: .8; margin-bottom: .5em; }
.bg-h {
  font-size: 13px;
  text-transform: uppercase;
  letter-spacing: .05em;
  opacity: .75;
  margin: 1.4em 0 .4em;
}
.bg h4, .bg h5, .bg h6 { margin: 1em 0 .3em; }
.bg-gap, .bg-gap-title {
  border-left: 4px solid #d4a72c;
  background: rgba(212, 167, 44, .12);
  border-radius: 0 6px 6px 0;
  padding: .4em .8em;
  margin: .6em 0;
}
.bg-gap-title { font-weight: 600; }
.bg-ask { font-size: .9em; opacity: .8; margin: .6em 0 .2em; }
.bg-drill { font-size: 1.1em; }
.bg-gap .bg-gap-title { border: 0; background: none; padding: 0; margin: 0; }
.bg-phrasing {
  border-left: 3px solid #2da44e;
  background: rgba(45, 164, 78, .12);
  border-radius: 0 6px 6px 0;
  padding: .4em .8em;
  margin: .5em 0;
  font-style: italic;
}
.bg blockquote { margin: .6em 0; padding: 0 .8em; border-left: 3px solid rgba(127, 127, 127, .5); }
.bg-pre {
  font-family: "Bankgen Mono", "DejaVu Sans Mono", Menlo, Monaco, Consolas, "Liberation Mono", "Noto Sans Mono", "Droid Sans Mono", "Courier New", monospace;
  font-size: 13px;
  line-height: 1.25;
  text-align: left;
  white-space: pre;
  word-wrap: normal;
  overflow-wrap: normal;
  word-break: normal;
  overflow-x: auto;
  -webkit-overflow-scrolling: touch;
  tab-size: 4;
  -moz-tab-size: 4;
  font-variant-ligatures: none;
  font-kerning: none;
  letter-spacing: 0;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  margin: .5em 0;
  padding: .6em .8em;
  border: 1px solid rgba(127, 127, 127, .35);
  border-radius: 6px;
  background-color: rgba(127, 127, 127, .08);
}
.bg-pre span { font-family: inherit; }
.bg-hl { color: #e6edf3; background-color: #0d1117; }
.bgc-k, .bgc-o { color: #ff7b72; }
.bgc-kc, .bgc-nv, .bgc-gh { color: #79c0ff; }
.bgc-nf { color: #d2a8ff; }
.bgc-nc { color: #f0883e; }
.bgc-nt { color: #7ee787; }
.bgc-s { color: #a5d6ff; }
.bgc-c { color: #8b949e; font-style: italic; }
.bgc-gd { color: #ffa198; background-color: #490202; }
.bgc-gi { color: #56d364; background-color: #0f5323; }
.bgc-e { color: #f85149; }
.bg-art { line-height: 1.15; }
.bg-cap { font-size: 13px; font-weight: 600; opacity: .8; margin-top: .8em; }
.bg-table { overflow-x: auto; margin: .5em 0; }
.bg-table table { border-collapse: collapse; font-size: .9em; }
.bg-table th, .bg-table td { border: 1px solid rgba(127, 127, 127, .45); padding: 2px 6px; vertical-align: top; }
.bg-fit { container-type: inline-size; }
.bg-fit > .bg-pre {
  font-size: 13px;
  font-size: min(13px, calc((100cqw - 3px) / (var(--cols) * 0.61 + 1.6)));
  overflow-x: hidden;
  margin: 0;
}
.bg-zoom { margin: .5em 0; }
.bg-zoom > summary { display: block; list-style: none; cursor: zoom-in; }
.bg-zoom > summary::-webkit-details-marker { display: none; }
.bg-zoom > summary::after { content: "\2922  tap for full size"; display: block; font-size: 11px; opacity: .6; }
.bg-zoom[open] > summary { cursor: zoom-out; }
.bg-zoom[open] > summary > .bg-fit > .bg-pre { font-size: 13px; overflow-x: auto; }
.bg-zoom[open] > summary::after { content: "\2921  fit to width"; }
.bg-outline, .bg-say { padding-left: 1.2em; margin: .4em 0; }
.bg-outline li, .bg-say li { margin: .25em 0; }
.bg-say .bg-phrasing { margin: .2em 0 .4em; }
.bg-lead { margin: .4em 0; }
.bg-mask { letter-spacing: .1em; opacity: .7; }
.bg-full { margin-top: 1em; }
.bg-full > summary { cursor: pointer; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; opacity: .75; }
.bg-strengths { margin-top: 1.2em; }
.bg-strengths summary { cursor: pointer; opacity: .8; }
.bg-source { margin-top: 1.5em; font-size: 11px; opacity: .5; }
`
