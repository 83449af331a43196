#!/usr/bin/env bash
# Builds hunalign (https://github.com/danielvarga/hunalign), the sentence
# aligner satz's alignment is measured against (issue 17). No package
# registry ships it, so it is built from a copy of its public repository.
#
#   bash benches/peers/build-hunalign.sh SOURCE [DEST]
#
# SOURCE: a git directory of the repository (a bare clone or mirror, e.g.
#   /work/.mirror/danielvarga+hunalign/repo), or a URL git can clone
#   (https://github.com/danielvarga/hunalign).
# DEST: where to check it out (default /tmp/hunalign-src; replaced).
# Prints the path of the built binary on stdout; everything else goes to
# stderr. Installs make and g++ (build-essential) with apt-get when missing.
# Not run in CI: the figures it leads to are recorded in BENCHMARKS.md.
set -euo pipefail

src=${1:?usage: build-hunalign.sh GIT_DIR_OR_URL [DEST]}
dest=${2:-/tmp/hunalign-src}

if ! command -v g++ >/dev/null || ! command -v make >/dev/null; then
  echo "installing build-essential" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq build-essential >&2
fi

rm -rf "$dest"
mkdir -p "$dest"
if [ -d "$src" ]; then
  # A local git directory: only the sources are checked out (a mirror may
  # lack the big dictionaries under data/, which the build does not need).
  rev=$(git --git-dir="$src" rev-parse HEAD)
  # git archive names the absent blobs on stderr and still writes the rest.
  git --git-dir="$src" archive "$rev" src LICENSE README.md \
    2> >(grep -v "^error: invalid object .* for 'data/" >&2) | tar -x -C "$dest"
else
  git clone --quiet --depth 1 "$src" "$dest" >&2
  rev=$(git -C "$dest" rev-parse HEAD)
fi
echo "hunalign at $rev" >&2

# The Makefile's own flags (-O9 -ffast-math -funroll-loops): built as its
# authors ship it. Should a newer g++ reject its old C++, the build is
# retried in the C++98 dialect it was written in.
cd "$dest/src/hunalign"
if ! make -s -j"$(nproc)" >&2; then
  echo "plain build failed; retrying with CXXFLAGS+=-std=gnu++98" >&2
  make -s clean >&2 || true
  make -s -j"$(nproc)" CPPFLAGS="-O9 -ffast-math -funroll-loops -std=gnu++98 -I ../include" >&2
fi
test -x "$dest/src/hunalign/hunalign"
echo "$dest/src/hunalign/hunalign"
