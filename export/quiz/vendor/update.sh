#!/usr/bin/env bash
# Vendors ts-fsrs (the FSRS scheduler the quiz page uses) from npm:
#   export/quiz/vendor/update.sh [VERSION]    # default: the latest release
# It keeps the package's browser bundle (dist/index.umd.js) byte for byte,
# its licence, and VERSION: the version and npm's integrity hash of the
# package. Then rebuild and rerun the tests: go test ./export/quiz
set -euo pipefail
cd "$(dirname "$0")"
version=${1:-$(npm view ts-fsrs version)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "ts-fsrs@$version" >/dev/null && tar xzf ts-fsrs-*.tgz)
cp "$tmp/package/dist/index.umd.js" ts-fsrs.umd.js
cp "$tmp/package/LICENSE" LICENSE
{
  echo "ts-fsrs $version"
  echo "integrity $(npm view "ts-fsrs@$version" dist.integrity)"
  echo "file dist/index.umd.js"
} > VERSION
cat VERSION
