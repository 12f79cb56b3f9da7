// `npm test` installs Chromium and Dovecot from Debian's packages; another install holding the
// package lock must make it wait (saying so), not fail the whole run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no type declarations
import { aptGet, isLockBusy } from '../../../scripts/ensure-system-deps.mjs';

type RunResult = { status: number; stderr: string };
const LOCKED =
  'E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)\nE: Unable to lock directory /var/lib/apt/lists/\n';

describe('aptGet', () => {
  it('waits while another install holds the lock, says so once, then runs', () => {
    const answers: RunResult[] = [
      { status: 100, stderr: LOCKED },
      { status: 100, stderr: LOCKED },
      { status: 0, stderr: '' },
    ];
    const lines: string[] = [];
    let slept = 0;
    const status = aptGet(['update'], {
      waitMs: 60_000,
      run: () => answers.shift(),
      sleep: (ms: number) => {
        slept += ms;
      },
      log: (line: string) => lines.push(line),
    });
    expect(status).toBe(0);
    expect(answers).toHaveLength(0);
    expect(slept).toBeGreaterThan(0);
    expect(lines).toEqual([
      expect.stringMatching(/^Waiting for another package install to finish \(process 4242, apt-get\)/),
    ]);
  });

  it('gives up after the bounded wait, and fails at once on other errors', () => {
    const stuck = aptGet(['update'], {
      waitMs: 0,
      run: () => ({ status: 100, stderr: LOCKED }),
      sleep: () => {},
      log: () => {},
    });
    expect(stuck).toBe(100);
    let calls = 0;
    const broken = aptGet(['install', 'nosuchpackage'], {
      run: () => {
        calls += 1;
        return { status: 100, stderr: 'E: Unable to locate package nosuchpackage\n' };
      },
      sleep: () => {},
      log: () => {},
    });
    expect(broken).toBe(100);
    expect(calls).toBe(1);
  });

  it('knows apt’s lock messages', () => {
    expect(isLockBusy(LOCKED)).toBe(true);
    expect(
      isLockBusy('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 7 (apt)'),
    ).toBe(true);
    expect(isLockBusy('E: Unable to locate package x')).toBe(false);
  });

  // With the real apt and the real lock: as root (CI), a process holding dpkg's frontend lock.
  const canLock =
    process.getuid?.() === 0 && existsSync('/usr/bin/python3') && existsSync('/usr/bin/chromium');
  it.runIf(canLock)('waits for a real holder of dpkg’s lock and then succeeds', async () => {
    const holder = spawn('python3', [
      '-c',
      'import fcntl,sys,time; f=open("/var/lib/dpkg/lock-frontend","w"); fcntl.lockf(f, fcntl.LOCK_EX); print("held", flush=True); time.sleep(4)',
    ]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    // chromium is installed already: apt only has to get the lock to say so.
    const status = aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      waitMs: 60_000,
    });
    expect(status).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(2_000);
    holder.kill();
  });
});
