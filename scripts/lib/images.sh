#!/usr/bin/env bash
# Container images without a Docker daemon or a registry. Source it after common.sh; do not execute it.
#
#   img_install_tools          mmdebstrap, umoci, skopeo, podman, runc from Debian packages (once)
#   img_base NAME              prints the docker-archive tar of base image NAME (images/base/NAME.packages),
#                              building it only when no tar for that package list (and recipe) is cached
#   img_backend                the backend image via Jib (jib:buildTar) on the `backend` base
#   img_frontend               the frontend image via podman build on the `frontend` base
#   img_podman ARGS...         podman with this checkout's storage (.local/podman) and the runc runtime
#
# Images: custodia/backend:$CUSTODIA_IMAGE_TAG and custodia/frontend:$CUSTODIA_IMAGE_TAG, written as
# docker-archive tars to $CUSTODIA_IMAGES_OUT and loaded into the checkout's podman storage.
#
# shellcheck shell=bash disable=SC2153 # settings come from common.sh

CUSTODIA_IMAGES_OUT="${CUSTODIA_IMAGES_OUT:-$CUSTODIA_ROOT/target/images}"
CUSTODIA_IMAGE_CACHE="${CUSTODIA_IMAGE_CACHE:-$CUSTODIA_CACHE/images}"
# Debian release of every base image; its security and point-release updates come in on every base rebuild.
CUSTODIA_IMAGE_SUITE="${CUSTODIA_IMAGE_SUITE:-bookworm}"
CUSTODIA_IMAGE_MIRROR="${CUSTODIA_IMAGE_MIRROR:-http://deb.debian.org/debian}"
CUSTODIA_IMAGE_SECURITY_MIRROR="${CUSTODIA_IMAGE_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
# The unprivileged user every image runs as (numeric, so Kubernetes' runAsNonRoot can verify it).
CUSTODIA_IMAGE_UID=10001
CUSTODIA_PODMAN_ROOT="${CUSTODIA_PODMAN_ROOT:-$CUSTODIA_STATE/podman}"

# The image tag: the Maven project version (never `latest`), unless CUSTODIA_IMAGE_TAG says otherwise.
img_tag() {
  if [ -n "${CUSTODIA_IMAGE_TAG:-}" ]; then
    printf '%s\n' "$CUSTODIA_IMAGE_TAG"
    return
  fi
  sed -n '0,/<version>/{s:.*<version>\(.*\)</version>.*:\1:p}' "$CUSTODIA_ROOT/backend/pom.xml" |
    sed -n '1p' # the parent's version, which is the project's
}

img_revision() { git -C "$CUSTODIA_ROOT" rev-parse HEAD 2>/dev/null || echo unknown; }

img_source() {
  if [ -n "${CUSTODIA_IMAGE_SOURCE:-}" ]; then
    printf '%s\n' "$CUSTODIA_IMAGE_SOURCE"
  else
    git -C "$CUSTODIA_ROOT" config --get remote.origin.url 2>/dev/null || echo unknown
  fi
}

img_created() { date -u +%Y-%m-%dT%H:%M:%SZ; }

img_install_tools() {
  local missing=() tool
  for tool in mmdebstrap umoci skopeo podman runc; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and this is not a Debian/Ubuntu machine"
  log "installing ${missing[*]} (Debian packages)"
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    as_root apt-get update -q
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
    die "apt-get could not install ${missing[*]}"
}

img_podman() {
  podman --root "$CUSTODIA_PODMAN_ROOT/storage" --runroot "$CUSTODIA_PODMAN_ROOT/run" \
    --storage-driver overlay --runtime runc --cgroup-manager cgroupfs --events-backend file "$@"
}

# The packages of base NAME, one a line, comments and blanks dropped.
_img_packages() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$CUSTODIA_ROOT/images/base/$1.packages" | sed '/^$/d'
}

# Cache key: the package list and the recipe below (a change to either rebuilds the base).
_img_base_key() {
  {
    _img_packages "$1"
    printf '%s\n' "$CUSTODIA_IMAGE_SUITE" "$CUSTODIA_IMAGE_MIRROR" "$CUSTODIA_IMAGE_SECURITY_MIRROR" "$CUSTODIA_IMAGE_UID"
    declare -f _img_build_base
  } | sha256sum | cut -c1-16
}

img_base() {
  local name="$1"
  [ -f "$CUSTODIA_ROOT/images/base/$name.packages" ] || die "no package list images/base/$name.packages"
  local key tar
  key="$(_img_base_key "$name")"
  tar="$CUSTODIA_IMAGE_CACHE/base-$name-$key.tar"
  mkdir -p "$CUSTODIA_IMAGE_CACHE"
  (
    # One builder at a time per cache: several checkouts (and CI) share it.
    if command -v flock >/dev/null; then flock 9; fi
    if [ -s "$tar" ]; then
      log "base image $name: cached ($tar)"
      exit 0
    fi
    _img_build_base "$name" "$key" "$tar" || exit 1
    # Older bases of the same name are superseded.
    find "$CUSTODIA_IMAGE_CACHE" -maxdepth 1 -name "base-$name-*.tar" ! -name "base-$name-$key.tar" -delete
  ) 9>"$CUSTODIA_IMAGE_CACHE/.base-$name.lock" >&2 || die "could not build the base image $name"
  printf '%s\n' "$tar"
}

# Debian minbase + the packages, without documentation, man pages and translations, plus the unprivileged
# user; then an OCI image (umoci) and a docker-archive tar (skopeo). mmdebstrap runs apt outside the new
# root, so the image carries no package downloads or lists.
_img_build_base() {
  local name="$1" key="$2" tar="$3" tmp packages
  packages="$(_img_packages "$name" | paste -sd, -)"
  tmp="$(mktemp -d "$CUSTODIA_IMAGE_CACHE/.build-$name.XXXXXX")" || return 1
  log "building base image $name ($packages) on Debian $CUSTODIA_IMAGE_SUITE, a few minutes, once per package list"
  local uid="$CUSTODIA_IMAGE_UID"
  # shellcheck disable=SC2016 # "$1" is the hooks' argument (the new root), expanded by mmdebstrap's shell
  if ! mmdebstrap --mode=root --variant=minbase --format=tar --skip=output/dev \
    --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook="echo 'custodia:x:$uid:$uid:Custodia:/nonexistent:/usr/sbin/nologin' >>\"\$1/etc/passwd\"" \
    --customize-hook="echo 'custodia:x:$uid:' >>\"\$1/etc/group\"" \
    --customize-hook='rm -rf "$1"/var/log/* "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old' \
    "$CUSTODIA_IMAGE_SUITE" "$tmp/rootfs.tar" \
    "deb $CUSTODIA_IMAGE_MIRROR $CUSTODIA_IMAGE_SUITE main" \
    "deb $CUSTODIA_IMAGE_MIRROR $CUSTODIA_IMAGE_SUITE-updates main" \
    "deb $CUSTODIA_IMAGE_SECURITY_MIRROR $CUSTODIA_IMAGE_SUITE-security main" \
    >"$tmp/mmdebstrap.log" 2>&1; then
    tail -n 40 "$tmp/mmdebstrap.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  local image="$tmp/oci:base"
  if ! {
    umoci init --layout "$tmp/oci" &&
      umoci new --image "$image" &&
      umoci raw add-layer --image "$image" "$tmp/rootfs.tar" &&
      umoci config --image "$image" \
        --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        --config.env LANG=C.UTF-8 \
        --config.user "$uid:$uid" \
        --config.workingdir / \
        --config.label "org.opencontainers.image.title=custodia-base-$name" \
        --config.label "org.opencontainers.image.description=Debian $CUSTODIA_IMAGE_SUITE minbase: $packages" \
        --config.label "org.custodia.base.key=$key" &&
      skopeo copy --quiet "oci:$tmp/oci:base" "docker-archive:$tmp/base.tar:custodia/base-$name:$key"
  } >"$tmp/oci.log" 2>&1; then
    cat "$tmp/oci.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  mv "$tmp/base.tar" "$tar" && rm -rf "$tmp"
  log "base image $name: $(du -h "$tar" | cut -f1) ($tar)"
}

img_backend() {
  local base tag out
  base="$(img_base backend)" || return 1
  tag="$(img_tag)"
  out="$CUSTODIA_IMAGES_OUT/custodia-backend-$tag.tar"
  mkdir -p "$CUSTODIA_IMAGES_OUT"
  log "building custodia/backend:$tag with Jib (log: $CUSTODIA_STATE/logs/jib.log)"
  if ! (cd "$CUSTODIA_ROOT/backend" && mvn -B -ntp -Pimage -DskipTests -Dspotless.check.skip=true \
    "-Dcustodia.image.base=$base" "-Dcustodia.image.tag=$tag" \
    "-Dcustodia.image.source=$(img_source)" "-Dcustodia.image.revision=$(img_revision)" \
    "-Dcustodia.image.created=$(img_created)" \
    compile jib:buildTar >"$CUSTODIA_STATE/logs/jib.log" 2>&1); then
    tail -n 40 "$CUSTODIA_STATE/logs/jib.log" >&2
    return 1
  fi
  mv "$CUSTODIA_ROOT/backend/target/jib-image.tar" "$out"
  img_podman load --quiet --input "$out" >/dev/null || return 1
  _img_prune
  log "custodia/backend:$tag → $out"
}

# The frontend's static files: the SPA build (frontend/dist) when there is one, else frontend/public.
img_frontend_site() {
  if [ -f "$CUSTODIA_ROOT/frontend/dist/index.html" ]; then
    printf '%s\n' "$CUSTODIA_ROOT/frontend/dist"
  else
    printf '%s\n' "$CUSTODIA_ROOT/frontend/public"
  fi
}

img_frontend() {
  local base tag out site context
  base="$(img_base frontend)" || return 1
  tag="$(img_tag)"
  out="$CUSTODIA_IMAGES_OUT/custodia-frontend-$tag.tar"
  site="$(img_frontend_site)"
  context="$CUSTODIA_IMAGES_OUT/frontend-context"
  mkdir -p "$CUSTODIA_IMAGES_OUT"
  rm -rf "$context" && mkdir -p "$context" || return 1
  cp -R "$CUSTODIA_ROOT/images/frontend/." "$context/" && cp -R "$site" "$context/site" || return 1
  # The runtime configuration is mounted by the chart; a development default sits in the image.
  rm -f "$context/site/config.json"
  log "building custodia/frontend:$tag with podman from ${site#"$CUSTODIA_ROOT"/} (log: $CUSTODIA_STATE/logs/podman-build.log)"
  if ! img_podman build --quiet --pull=never --isolation=chroot \
    --build-arg "BASE=docker-archive:$base" \
    --label "org.opencontainers.image.version=$tag" \
    --label "org.opencontainers.image.source=$(img_source)" \
    --label "org.opencontainers.image.revision=$(img_revision)" \
    --label "org.opencontainers.image.created=$(img_created)" \
    --tag "custodia/frontend:$tag" --file "$context/Containerfile" "$context" \
    >"$CUSTODIA_STATE/logs/podman-build.log" 2>&1; then
    tail -n 40 "$CUSTODIA_STATE/logs/podman-build.log" >&2
    return 1
  fi
  rm -f "$out"
  img_podman save --quiet --format docker-archive --output "$out" "localhost/custodia/frontend:$tag" || return 1
  _img_prune
  log "custodia/frontend:$tag → $out"
}

# Images replaced by a rebuild (untagged) would pile up in .local/podman: drop them.
_img_prune() { img_podman image prune --force >/dev/null 2>&1 || true; }

# One line per image: name, tar size (compressed layers), unpacked size as podman reports it.
img_report() {
  local tag name
  tag="$(img_tag)"
  for name in backend frontend; do
    local tar="$CUSTODIA_IMAGES_OUT/custodia-$name-$tag.tar"
    [ -f "$tar" ] || continue
    printf '  custodia/%-9s %s   tar %s   unpacked %s\n' "$name" "$tag" "$(du -h "$tar" | cut -f1)" \
      "$(img_podman image ls --format '{{.Size}}' "custodia/$name:$tag" 2>/dev/null | head -n1)"
  done
}
