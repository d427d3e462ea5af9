#!/bin/sh
# Install a minimal stable Rust toolchain with rustup, inside the manylinux
# (yum/dnf) and musllinux (apk) images cibuildwheel builds in, or anywhere
# else. Idempotent: does nothing where cargo already runs. Afterwards cargo
# is in $HOME/.cargo/bin, which the caller puts on PATH (pyproject.toml does).
set -eu

if command -v cargo >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/cargo" ]; then
    echo "install_rust.sh: $("${HOME}/.cargo/bin/cargo" --version 2>/dev/null || cargo --version) already installed"
    exit 0
fi

if ! command -v curl >/dev/null 2>&1; then
    if command -v apk >/dev/null 2>&1; then
        apk add --no-cache curl
    elif command -v dnf >/dev/null 2>&1; then
        dnf install -y curl
    elif command -v yum >/dev/null 2>&1; then
        yum install -y curl
    else
        echo "install_rust.sh: no curl and no package manager to get it" >&2
        exit 1
    fi
fi

# A 32-bit userland on a 64-bit kernel (the i686 images) reports x86_64:
# ask for the host that matches the C library and word size.
host=""
if [ "$(getconf LONG_BIT 2>/dev/null || echo 64)" = 32 ] && [ "$(uname -m)" = x86_64 ]; then
    if ldd --version 2>&1 | grep -qi musl; then
        host="i686-unknown-linux-musl"
    else
        host="i686-unknown-linux-gnu"
    fi
fi

curl --proto '=https' --tlsv1.2 --retry 5 -sSf https://sh.rustup.rs \
    | sh -s -- -y --profile minimal --default-toolchain stable ${host:+--default-host "$host"}
"$HOME/.cargo/bin/cargo" --version
