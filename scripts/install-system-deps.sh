#!/usr/bin/env bash
# Installs the system packages the workbench links against (OpenBLAS, LAPACK, LAPACKE, pkg-config)
# when they are missing. Debian/Ubuntu: apt-get, with sudo when not root.
set -euo pipefail

packages=(libopenblas-dev liblapack-dev liblapacke-dev pkg-config)

have_all() {
    command -v pkg-config >/dev/null 2>&1 || return 1
    pkg-config --exists openblas || return 1
    # lapacke.h ships in liblapacke-dev; look where the compiler looks.
    echo '#include <lapacke.h>' | cc -E -x c - $(pkg-config --cflags openblas) >/dev/null 2>&1 || return 1
    return 0
}

if have_all; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: OpenBLAS/LAPACKE are missing and apt-get is not available." >&2
    echo "Install the equivalents of: ${packages[*]} with your system's package manager." >&2
    exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
        echo "error: need root or sudo to install ${packages[*]}" >&2
        exit 1
    fi
fi

echo "Installing system packages: ${packages[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
have_all || { echo "error: packages installed but OpenBLAS/LAPACKE still not found by pkg-config" >&2; exit 1; }
