#!/bin/sh
# Try the README's client set-ups for `sourcescore lsp` in real editors, without a screen:
# each snippet is taken from README.md as written, the editor opens a story with it, and the
# try passes when sourcescore's diagnostics reach the editor (and, in Neovim, the score lens).
#
#   sh tests/editors/try.sh [STORY.txt]        # tries every editor found on PATH
#
# Needs `sourcescore` on PATH and any of nvim (0.11+), hx (with tmux), emacs (29+, eglot) and
# code-server (VS Code) with the Generic LSP Client (v2) extension, Playwright and Chromium
# (see vscode.py). Not part of the test suite: these editors are not installed by the project.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
story=${1:-"$root/seeds/002_c227b7905760ae5a.txt"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$story" "$work/story.txt"
cp "$story" "$work/story.md"
status=0

# snippet EDITOR FENCE: the first ```FENCE block after the README's "- **EDITOR**" item.
snippet() {
    awk -v item="- **$1**" -v fence="\`\`\`$2" '
        index($0, item) == 1 { found = 1; next }
        found && !inside && index($0, fence) { inside = 1; next }
        inside && $0 ~ /^ *```/ { exit }
        inside { sub(/^  /, ""); print }' "$root/README.md"
}

verdict() {  # NAME STATUS
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi
}

if command -v nvim >/dev/null; then
    snippet Neovim lua > "$work/init.lua"
    for file in story.txt story.md; do
        (cd "$work" && timeout 60 nvim --headless --clean -l "$here/neovim.lua" init.lua "$file")
        verdict "Neovim $file" $?
    done
else
    echo "skip Neovim (nvim not on PATH)"
fi

if command -v emacs >/dev/null; then
    snippet Emacs elisp > "$work/init.el"
    (cd "$work" && timeout 60 emacs --batch -Q -l init.el -l "$here/emacs.el" story.txt)
    verdict "Emacs story.txt" $?
else
    echo "skip Emacs (emacs not on PATH)"
fi

if command -v hx >/dev/null && command -v tmux >/dev/null; then
    mkdir -p "$work/config/helix"
    snippet Helix toml > "$work/config/helix/languages.toml"
    sh "$here/helix.sh" "$work" story.md
    verdict "Helix story.md" $?
else
    echo "skip Helix (hx or tmux not on PATH)"
fi
if command -v code-server >/dev/null; then
    snippet "VS Code" json > "$work/vscode-settings.json"
    ${PYTHON:-python3} "$here/vscode.py" "$work" "$work/vscode-settings.json" story.txt
    verdict "VS Code (code-server) story.txt" $?
else
    echo "skip VS Code (code-server not on PATH)"
fi
exit $status
