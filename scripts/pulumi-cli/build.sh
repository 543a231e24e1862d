#!/usr/bin/env bash
# `npm run pulumi-cli`: builds the Pulumi CLI, the Node.js language host and the dynamic-provider
# launcher from their Go modules into .tools/pulumi/bin/ (gitignored), for machines that have Go
# and the Go module proxy but no Pulumi CLI. The real-engine test suites use `pulumi` from PATH when
# there is one (the normal case for users: https://www.pulumi.com/docs/install/), else this folder.
#
# Why from Go modules and not `go install`: pkg/go.mod has `replace` directives (sdk/v3 => ../sdk
# and the clipboard fork), and `go install pkg@version` refuses a module with replaces. So
# scripts/pulumi-cli/cli/go.mod is a module of our own that requires pkg/v3 and sdk/v3 of one
# release and repeats pkg's third-party replace; go.sum pins every module's hash.
#
# Versions (read from the two go.mod files, the only place they are written):
# - The CLI is v3.248.0, the release of the @pulumi/pulumi the lock file holds (the SDK and the CLI
#   of one release are what Pulumi tests together). pkg/v3.248.0's tag commit differs from the
#   release commit (sdk/v3.248.0) only by version bumps, so it compiles against sdk v3.248.0.
# - The Node.js language host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3,
#   untagged, pseudo-versions only) is OLDER: v3.0.0-20250806165243-bee5e4fa4815, v3.187.0 plus 23
#   commits. The Go module proxy this project uses serves that module at only a few pseudo-versions,
#   and none from v3.188 onwards; this is the newest it serves. What that means: the language host
#   only starts `node` on @pulumi/pulumi's own cmd/run (from the program's node_modules, 3.248 here)
#   and answers the CLI's questions about the program (required plugins, dependencies); resource
#   registration, the Automation API and dynamic providers are the SDK's and the CLI's. A language
#   host RPC added after v3.187 would be answered "unimplemented" (the CLI falls back where it can).
#   It is built against pkg/sdk v3.188.0, the first release that holds all of the sdk code of its
#   commit (its own go.mod lists pkg v3.156.0 with sdk v3.187.0, which does not compile together:
#   pkg's codegen calls an older host.ResolvePlugin signature).
#   sum.golang.org does not know these pseudo-versions (404), so GONOSUMDB names the module; the
#   committed go.sum still pins its hash.
# - The launcher `pulumi-resource-pulumi-nodejs` is a 4-line shell script from the sdk/v3 module
#   (nodejs/dist/): it resolves @pulumi/pulumi/cmd/dynamic-provider from the program's folder. The
#   CLI looks for these bundled plugins on PATH, then beside the `pulumi` executable.
#
# Skips the build when the binaries are there and report the expected versions, or when `pulumi`
# is already on PATH (pass --force to build anyway). First build: a few hundred modules and a
# ~110 MB binary, minutes on 2 cores; with a warm Go cache, well under a minute.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/.tools/pulumi/bin"
force=false
if_possible=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    # `npm test` runs this first: where neither Go nor a Pulumi CLI is installed, build nothing and
    # let the real-engine suites say they were skipped, instead of failing the whole test run.
    --if-possible) if_possible=true ;;
    *) echo "pulumi-cli: unknown option $arg (use --force or --if-possible)" >&2; exit 2 ;;
  esac
done

say() { echo "pulumi-cli: $*"; }
fail() {
  echo "pulumi-cli: $*" >&2
  exit 1
}

# The version a go.mod requires for a module path.
required_version() { awk -v m="$2" '$1 == m { print $2; exit } $2 == m { print $3; exit }' "$1"; }

cli_mod="$here/cli/go.mod"
host_mod="$here/language-host/go.mod"
cli_version="$(required_version "$cli_mod" github.com/pulumi/pulumi/pkg/v3)"
sdk_version="$(required_version "$cli_mod" github.com/pulumi/pulumi/sdk/v3)"
host_module=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
host_version="$(required_version "$host_mod" "$host_module")"
[[ -n "$cli_version" && -n "$host_version" ]] || fail "cannot read the versions from $cli_mod and $host_mod"
[[ "$cli_version" == "$sdk_version" ]] || fail "$cli_mod: pkg/v3 $cli_version and sdk/v3 $sdk_version must be the same release"

if ! $force && command -v pulumi >/dev/null 2>&1 && [[ "$(command -v pulumi)" != "$out/pulumi" ]]; then
  say "$(command -v pulumi) ($(pulumi version 2>/dev/null || echo "version unknown")) is on PATH: the suites use it, nothing to build (--force builds anyway)."
  exit 0
fi

# Present and of the expected versions: nothing to do. The language host has no version flag; its
# build info (`go version -m`) names the module version it was built from.
built_ok() {
  [[ -x "$out/pulumi" && -x "$out/pulumi-language-nodejs" && -x "$out/pulumi-resource-pulumi-nodejs" ]] || return 1
  [[ "$("$out/pulumi" version 2>/dev/null)" == "$cli_version" ]] || return 1
  go version -m "$out/pulumi-language-nodejs" 2>/dev/null | grep -q "mod[[:space:]]*$host_module[[:space:]]*$host_version" || return 1
}

if $if_possible && ! command -v go >/dev/null 2>&1; then
  say "neither pulumi nor Go is installed: nothing to build; the real-engine suites will be skipped (install https://www.pulumi.com/docs/install/)."
  exit 0
fi
command -v go >/dev/null 2>&1 || fail "Go is not installed. Install the Pulumi CLI instead (https://www.pulumi.com/docs/install/), or Go 1.24+ (https://go.dev/dl/) to build it here."
if ! $force && built_ok; then
  say "$out holds pulumi $cli_version, pulumi-language-nodejs $host_version and the launcher: nothing to build."
  exit 0
fi

mkdir -p "$out"
started=$SECONDS
# -trimpath and -buildvcs=false: no local paths or repository state in the binaries; -s -w: no
# debug symbols (the binary is ~110 MB instead of ~290 MB). The CLI prints the version set by -X.
flags=(-trimpath -buildvcs=false)

say "building pulumi $cli_version (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)..."
(cd "$here/cli" && go build "${flags[@]}" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$cli_version" \
  -o "$out/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)

say "building pulumi-language-nodejs $host_version..."
(cd "$here/language-host" && GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs" \
  go build "${flags[@]}" -ldflags "-s -w" -o "$out/pulumi-language-nodejs.partial" "$host_module")

launcher="$(cd "$here/cli" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)/nodejs/dist/pulumi-resource-pulumi-nodejs"
[[ -f "$launcher" ]] || fail "the launcher is missing from the sdk/v3 module: $launcher"
# Renamed into place only once everything is built, so an interrupted build never looks complete.
cp "$launcher" "$out/pulumi-resource-pulumi-nodejs.partial"
chmod 755 "$out/pulumi-resource-pulumi-nodejs.partial"
for name in pulumi pulumi-language-nodejs pulumi-resource-pulumi-nodejs; do
  mv -f "$out/$name.partial" "$out/$name"
done

built_ok || fail "the build finished but $out does not report the expected versions ($("$out/pulumi" version 2>&1))."
say "built into $out in $((SECONDS - started)) s: pulumi $("$out/pulumi" version), pulumi-language-nodejs $host_version, pulumi-resource-pulumi-nodejs."
