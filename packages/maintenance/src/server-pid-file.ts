import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The running server leaves its process id beside the database; restore refuses while that
// process lives. A pid file left by a killed server names a dead process and is ignored.
export function serverPidFile(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'keydesk.pid');
}

export function writeServerPidFile(dbFile: string, pid = process.pid): () => void {
  const file = serverPidFile(dbFile);
  writeFileSync(file, `${pid}\n`);
  return () => {
    if (runningServerPid(dbFile) === pid) rmSync(file, { force: true });
  };
}

export function runningServerPid(dbFile: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(serverPidFile(dbFile), 'utf8'), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
