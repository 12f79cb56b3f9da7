// Installs the Debian packages the tests need when they are missing (as root), or names the
// one command that does. Nothing here downloads a browser of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_DEPS = [
  { name: 'chromium', check: () => existsSync('/usr/bin/chromium'), packages: ['chromium'] },
  { name: 'dovecot', check: () => existsSync('/usr/sbin/dovecot'), packages: ['dovecot-imapd'] },
];

export function ensureSystemDeps(names = SYSTEM_DEPS.map((d) => d.name)) {
  const missing = SYSTEM_DEPS.filter((d) => names.includes(d.name) && !d.check());
  if (missing.length === 0) return;
  const packages = missing.flatMap((d) => d.packages);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      `The tests need ${packages.join(', ')}. Install with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) {
    console.error(`Installing ${packages.join(' ')} failed.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  ensureSystemDeps(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
