#!/usr/bin/env bash
# Installs the system packages the workbench links against (OpenBLAS, LAPACK, LAPACKE, pkg-config),
# and those the notebooks need (Debian's Python 3 with ipykernel, nbconvert, nbformat and the
# jupyter commands), when they are missing. Debian/Ubuntu: apt-get, with sudo when not root.
set -euo pipefail

packages=(libopenblas-dev liblapack-dev liblapacke-dev pkg-config)
# The Jupyter side, as Debian 12 packages them (ipykernel 6.17, nbconvert 6.5, nbformat 5.5,
# jupyter-client 7.4: one release, tested together). They install for the system interpreter
# /usr/bin/python3, which is why the Makefile runs the kernel with that interpreter.
notebook_packages=(python3-ipykernel python3-nbformat jupyter-nbconvert jupyter-client jupyter-core)

have_all() {
    command -v pkg-config >/dev/null 2>&1 || return 1
    pkg-config --exists openblas || return 1
    # lapacke.h ships in liblapacke-dev; look where the compiler looks.
    echo '#include <lapacke.h>' | cc -E -x c - $(pkg-config --cflags openblas) >/dev/null 2>&1 || return 1
    return 0
}

have_notebook_tools() {
    [ -x /usr/bin/python3 ] || return 1
    command -v jupyter >/dev/null 2>&1 || return 1
    /usr/bin/python3 -c 'import ipykernel, nbconvert, nbformat, jupyter_client' >/dev/null 2>&1 || return 1
    return 0
}

missing=()
have_all || missing+=("${packages[@]}")
have_notebook_tools || missing+=("${notebook_packages[@]}")
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
packages=("${missing[@]}")

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: system packages are missing and apt-get is not available." >&2
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
have_notebook_tools || { echo "error: packages installed but /usr/bin/python3 cannot import ipykernel/nbconvert" >&2; exit 1; }
