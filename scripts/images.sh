#!/usr/bin/env bash
# Builds the container images, with no Docker daemon and no registry:
#   custodia/backend:<version>   Jib (jib:buildTar) on a Debian base with the OpenJDK 17 JRE
#   custodia/frontend:<version>  podman build: the static files (frontend/dist, else frontend/public) in
#                                unprivileged nginx on a Debian base
# Installs what it needs (mmdebstrap umoci skopeo podman runc), builds each base image from Debian packages
# once per package list (cached in ~/.cache/custodia/images), writes docker-archive tars to target/images/
# and loads them into the checkout's podman storage (.local/podman). Prints the image sizes.
#
# Usage: scripts/images.sh [backend|frontend]...   (default: both)
# Settings: CUSTODIA_IMAGE_TAG (default: the Maven version), CUSTODIA_IMAGE_SOURCE (default: git remote).
# Load into another engine:  docker load -i target/images/custodia-backend-<version>.tar
# Push to a registry:        skopeo copy docker-archive:target/images/custodia-backend-<version>.tar \
#                              docker://registry.example.org/custodia/backend:<version>
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/images.sh
. "$CUSTODIA_ROOT/scripts/lib/images.sh"

targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(backend frontend)
for target in "${targets[@]}"; do
  case "$target" in backend | frontend) ;; *) die "unknown image '$target' (backend or frontend)" ;; esac
done

started=$SECONDS
require_toolchain
img_install_tools
for target in "${targets[@]}"; do
  "img_$target" || die "the $target image did not build"
done
log "images built in $((SECONDS - started))s:"
img_report >&2
