#!/usr/bin/env bash
# Renders deploy/helm/court-12368 with each example values file (values-*.yaml) through the Helm
# SDK and validates every object offline (tools/helm-check: strict decoding into the Kubernetes
# API types, the API server's own validation, the chart's rules). No cluster is needed or
# reached. The checker is built into .tools/bin once and again whenever its source changes
# (cold: a few minutes on 2 cores; warm: seconds). Needs Go; fails loudly without it.
set -euo pipefail
cd "$(dirname "$0")/../.."

source_dir=tools/helm-check
binary=.tools/bin/helm-check

if ! command -v go >/dev/null 2>&1; then
  echo "check-helm-chart: Go is required to build $source_dir (docs/embedded-stack.md, "Requirements")" >&2
  exit 1
fi

if [ ! -x "$binary" ] || [ -n "$(find "$source_dir" -type f -newer "$binary" -print -quit)" ]; then
  mkdir -p "$(dirname "$binary")"
  started=$SECONDS
  echo "check-helm-chart: building $binary …"
  (cd "$source_dir" && go build -o "../../$binary" .)
  echo "check-helm-chart: built in $((SECONDS - started)) s"
fi

exec "$binary" -chart deploy/helm/court-12368 -search-attributes workflows,libs "$@"
