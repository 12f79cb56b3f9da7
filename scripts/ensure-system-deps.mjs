// Installs the Debian packages the tests need when they are missing (as root), or names the
// one command that does. Nothing here downloads a browser of its own. Another install holding
// Debian's package lock (unattended upgrades, a second checkout's test run) is waited for, not fatal.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_DEPS = [
  { name: 'chromium', check: () => existsSync('/usr/bin/chromium'), packages: ['chromium'] },
  { name: 'dovecot', check: () => existsSync('/usr/sbin/dovecot'), packages: ['dovecot-imapd'] },
];

/** How long to wait for another install to let go of the package lock before giving up. */
const LOCK_WAIT_MS = Number(process.env.KEYDESK_APT_LOCK_WAIT_MS ?? 15 * 60_000);
const LOCK_POLL_MS = 3_000;

/** apt's words for "another process holds the lock" (dpkg's frontend lock or the lists lock). */
export function isLockBusy(stderr) {
  return /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock directory/i.test(stderr);
}

/**
 * Runs one apt-get command, waiting (bounded, with a line saying so) while another process holds
 * the lock. apt's own DPkg::Lock::Timeout covers dpkg's lock; the loop covers the lists lock too.
 */
export function aptGet(
  args,
  { waitMs = LOCK_WAIT_MS, run = spawnSync, sleep = sleepSync, log = console.log } = {},
) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const started = Date.now();
  let hasSaidWaiting = false;
  for (;;) {
    const result = run('apt-get', ['-o', `DPkg::Lock::Timeout=${Math.ceil(waitMs / 1000)}`, ...args], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env,
      encoding: 'utf8',
    });
    const stderr = result.stderr ?? '';
    const waited = Date.now() - started;
    if (result.status === 0 || !isLockBusy(stderr) || waited >= waitMs) {
      if (stderr) process.stderr.write(stderr);
      return result.status ?? 1;
    }
    if (!hasSaidWaiting) {
      const holder = stderr.match(/held by process (\d+)(?: \(([^)]+)\))?/);
      log(
        `Waiting for another package install to finish${holder ? ` (process ${holder[1]}${holder[2] ? `, ${holder[2]}` : ''})` : ''}; giving up after ${Math.round(waitMs / 60_000)} min…`,
      );
      hasSaidWaiting = true;
    }
    sleep(LOCK_POLL_MS);
  }
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

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
  if (aptGet(['update', '-qq']) !== 0) console.error('apt-get update failed; trying the install anyway.');
  if (aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages]) !== 0) {
    console.error(`Installing ${packages.join(' ')} failed.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  ensureSystemDeps(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
