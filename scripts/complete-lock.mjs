// Adds lock entries for rollup's optional native packages of other platforms. The registry reachable
// here serves only the Linux builds, so npm 11 leaves the others out of package-lock.json and `npm ci`
// then refuses the lock file as out of sync (npm/cli#4828). An entry with `os`/`cpu` lets `npm ci` skip
// the package on this platform without fetching it. Run after `npm install`: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', win32: 'win32', openbsd: 'openbsd', openharmony: 'openharmony' };
const CPU = { arm: 'arm', 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!dep.startsWith('@rollup/rollup-') || lock.packages[`node_modules/${dep}`]) continue;
    const parts = dep.slice('@rollup/rollup-'.length).split('-'); // e.g. linux-arm-gnueabihf, android-arm-eabi
    const os = OS[parts[0]];
    const cpu = CPU[parts.slice(1, 3).join('-')] ?? CPU[parts[1]];
    if (!os || !cpu) throw new Error(`cannot tell platform of ${dep} (from ${path})`);
    const libc = parts.includes('musl') ? ['musl'] : parts.includes('gnu') || parts.includes('gnueabihf') ? ['glibc'] : undefined;
    lock.packages[`node_modules/${dep}`] = { version: range, cpu: [cpu], ...(libc && os === 'linux' ? { libc } : {}), dev: true, license: 'MIT', optional: true, os: [os] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
