import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isProcessRunning } from '@keydesk/db';

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
  return isProcessRunning(pid) ? pid : null;
}
