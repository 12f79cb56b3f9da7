// Recovery from the machine's shell, for the owner locked out of the web app:
//   npm run owner -- reset-password   new password (typed twice, hidden; or piped), ends every session
//   npm run owner -- disable-2fa      turns off two-factor sign-in
//   npm run owner -- unlock           forgets failed sign-ins, so the back-off starts again from zero
//   npm run owner -- sign-out-everywhere
import {
  changeOwnerPassword,
  disableTwoFactor,
  hasOwner,
  PasswordChangeError,
  revokeAllSessions,
  TwoFactorError,
  unlockLogins,
} from '@keydesk/auth';
import { createDb, resolveDatabaseFile } from '@keydesk/db';
import { readEnv, repoRoot } from '../env.ts';
import { readNewPassword } from './read-password.ts';

const USAGE = 'Usage: npm run owner -- reset-password | disable-2fa | unlock | sign-out-everywhere';

class CliError extends Error {}

async function run(command: string | undefined): Promise<string> {
  if (!command || !['reset-password', 'disable-2fa', 'unlock', 'sign-out-everywhere'].includes(command))
    throw new CliError(USAGE);
  const env = readEnv();
  const db = await createDb({ file: resolveDatabaseFile(env.DATABASE_URL, repoRoot()) });
  try {
    if (!(await hasOwner({ db })))
      throw new CliError(
        'There is no owner account yet; start the server and use the setup address it prints.',
      );
    const now = new Date();
    switch (command) {
      case 'reset-password': {
        const password = await readNewPassword();
        await changeOwnerPassword({ db, now, ip: null, actor: 'cli', newPassword: password });
        return 'The password is changed and every session has ended. Sign in with the new password.';
      }
      case 'disable-2fa':
        await disableTwoFactor({ db, now, ip: null, password: null, actor: 'cli' });
        return 'Two-factor sign-in is off. Sign in with email and password, then turn it on again in Settings.';
      case 'unlock':
        unlockLogins({ db, now });
        return 'Failed sign-ins are forgotten; the back-off starts again from zero.';
      default: {
        const count = revokeAllSessions({ db, now, ip: null, actor: 'cli' });
        return `${count} session(s) ended.`;
      }
    }
  } finally {
    await db.close();
  }
}

run(process.argv[2]).then(
  (message) => console.log(message),
  (error: unknown) => {
    const known =
      error instanceof CliError || error instanceof PasswordChangeError || error instanceof TwoFactorError;
    console.error(known || error instanceof Error ? (error as Error).message : String(error));
    process.exit(1);
  },
);
