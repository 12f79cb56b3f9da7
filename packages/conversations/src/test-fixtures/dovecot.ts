// Starts a real Dovecot IMAP server on a free port with a throwaway configuration, for tests.
// Runs as root here (the test machine's user); logins and mail processes drop to Dovecot's own
// users, and the maildir belongs to `dovecot` so no real account is involved.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../imap-sync.ts';

const DOVECOT_BINARY = '/usr/sbin/dovecot';
export const IMAP_USER = 'owner@keydesk.test';
export const IMAP_PASSWORD = 'app-password-123';

export type Dovecot = { port: number; dir: string; mailDir: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function uidOf(user: string): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync('id', ['-u', user]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', user]).toString().trim()),
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startDovecot(): Promise<Dovecot> {
  // `npm test` installs Dovecot (scripts/ensure-system-deps.mjs); a missing binary is a setup error, not a skip.
  if (!existsSync(DOVECOT_BINARY))
    throw new Error('Dovecot is missing: run node scripts/ensure-system-deps.mjs dovecot');
  const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-dovecot-'));
  chmodSync(dir, 0o755); // the mail processes run as `dovecot` and must reach the maildir
  const mailDir = path.join(dir, 'mail');
  mkdirSync(mailDir);
  mkdirSync(path.join(dir, 'run'));
  const { uid, gid } = uidOf('dovecot');
  chownSync(mailDir, uid, gid);
  const port = await freePort();
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = ${uid}
last_valid_uid = ${uid}
mail_location = maildir:${mailDir}/%n
mail_uid = ${uid}
mail_gid = ${gid}
mail_privileged_group =
passdb {
  driver = static
  args = password=${IMAP_PASSWORD}
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mailDir}/%n
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
  const configFile = path.join(dir, 'dovecot.conf');
  writeFileSync(configFile, config);
  const child: ChildProcess = spawn(DOVECOT_BINARY, ['-F', '-c', configFile], { stdio: 'ignore' });
  await waitForPort(port, 15_000);
  return {
    port,
    dir,
    mailDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test mailbox as `syncMailbox` signs in to it: plain IMAP on localhost. */
export function imapAccount(dovecot: Dovecot): ImapAccount {
  return {
    host: '127.0.0.1',
    port: dovecot.port,
    user: IMAP_USER,
    password: IMAP_PASSWORD,
    secure: false,
    requireTls: false,
  };
}

/** Runs `work` with an IMAP client signed in to the test mailbox, and signs out after. */
export async function withImapClient(
  dovecot: Dovecot,
  work: (client: ImapFlow) => Promise<void>,
): Promise<void> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
    logger: false,
  });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.logout();
  }
}
