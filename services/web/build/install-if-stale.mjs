// Runs `npm ci` unless node_modules already holds what package-lock.json pins: npm keeps a copy of the lockfile
// it installed in node_modules/.package-lock.json. Optional packages are left out of the comparison — those for
// other platforms (native bindings of other systems) are in the lockfile but never installed.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';

const npm = process.argv[2] || 'npm';
const required = (file) => Object.entries(JSON.parse(readFileSync(file, 'utf8')).packages)
  .filter(([path, p]) => path !== '' && !p.optional)
  .map(([path, p]) => `${path} ${p.version} ${p.integrity}`)
  .sort()
  .join('\n');
const installed = 'node_modules/.package-lock.json';
let upToDate = false;
try {
  upToDate = existsSync(installed) && required(installed) === required('package-lock.json');
} catch {
  upToDate = false;
}
if (upToDate) {
  console.log('node_modules matches package-lock.json');
} else {
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {stdio: 'inherit'});
}
