# Sourced by run.sh and test.sh: the workbench's pages (services/web) are built with the machine's Node.js and
# npm (Vite 8 needs Node.js 20.19 or newer). Nothing is downloaded but the packages package-lock.json pins, from
# the npm registry.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "Node.js (20.19 or newer) and npm are needed to build the workbench's pages: install them, then run again." >&2
    exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "Node.js $(node --version) is too old to build the workbench's pages: 20.19 or newer is needed." >&2
    exit 1
fi
