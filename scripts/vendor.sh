#!/usr/bin/env bash
# Copies the front-end packages that `npm install` fetched (package.json pins them) into the
# places the platform and its tests load them from, with their licences.
set -euo pipefail
cd "$(dirname "$0")/.."
nm=node_modules
out=pioneers/core/static/vendor
rm -rf "$out" tests/e2e/vendor
mkdir -p "$out/utrecht" "$out/voorbeeld" "$out/htmx" tests/e2e/vendor
cp "$nm/@utrecht/component-library-css/dist/index.css" "$out/utrecht/component-library.css"
cp "$nm/@utrecht/component-library-css/LICENSE.md" "$out/utrecht/LICENSE.md"
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$out/voorbeeld/theme.css"
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" "$out/voorbeeld/LICENSE.md"
cp "$nm/htmx.org/dist/htmx.min.js" "$out/htmx/htmx.min.js"
cp "$nm/htmx.org/LICENSE" "$out/htmx/LICENSE"
cp "$nm/axe-core/axe.min.js" tests/e2e/vendor/axe.min.js
cp "$nm/axe-core/LICENSE" tests/e2e/vendor/LICENSE-axe-core
for p in @utrecht/component-library-css @nl-design-system-unstable/voorbeeld-design-tokens htmx.org axe-core; do
  echo "$p $(node -p "require('./$nm/$p/package.json').version")"
done > "$out/VERSIONS"
cat "$out/VERSIONS"
