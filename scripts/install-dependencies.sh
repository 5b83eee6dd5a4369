#!/usr/bin/env bash
# Installs what DraftFlow needs from Debian's packages, when it is missing:
# - libgit2-dev and pkg-config, to build; libgmime-3.0-dev (GMime 3, which reads e-mail for
#   `intake --mail`) and libxml2-dev (its HTML parser reduces HTML mail to text), to build;
# - git (the tests check DraftFlow's repositories with it and serve them with its `git daemon`), tzdata (time zones) and strace (the
#   crash-injection test kills draftflow at chosen system calls with it);
# - pandoc (DOCX), weasyprint (PDF), fonts for Arabic and Chinese in PDFs, and unzip (the tests
#   read the DOCX files back);
# - fonts-noto-core and fonts-noto-cjk: Noto for Arabic, Cyrillic and Chinese in the localised
#   HTML and PDF packets (`export --lang ar|ru|zh`);
# - chromium, chromium-driver and python3-selenium: the member portal's browser test.
# - openssh-client (ssh-keygen) and gnupg: signed versions (`publish --sign`, `verify`); python3: the
#   smart-HTTP git server the hook's tests start (scripts/git-http-server.py, git http-backend);
# - openssh-server: the ssh git host the sharing tests start on loopback (sshd, never as a service);
# - libxml2-utils: xmllint validates `export --format akn` against the committed OASIS schema.
# Pass extra package names as arguments.
set -euo pipefail

packages=(libgit2-dev libgmime-3.0-dev libxml2-dev pkg-config git tzdata strace pandoc weasyprint fonts-noto-core fonts-noto-cjk fonts-wqy-microhei unzip chromium chromium-driver python3-selenium openssh-client openssh-server gnupg python3 libxml2-utils "$@")
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "DraftFlow needs these Debian packages: ${missing[*]}" >&2
        echo "Install them with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "Swift is installed in /opt/swift but not on PATH: export PATH=/opt/swift/usr/bin:\$PATH" >&2
    else
        echo "DraftFlow needs Swift 6 (https://www.swift.org/install/linux/)." >&2
    fi
    exit 1
fi
