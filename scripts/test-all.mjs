// `npm test`: installs what the tests need, then runs type checks, lint, unit, integration and
// end-to-end tests, and ends with one line that sums every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(cmd, args, options = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', ...options });
}

function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules/.package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  const result = run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
  if (result.status !== 0) {
    console.error('npm could not install the dependencies.');
    process.exit(1);
  }
}

function recordCheck(name, ok) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
}

function workspaces() {
  return ['apps', 'packages'].flatMap((dir) =>
    readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((ws) => existsSync(path.join(ws, 'tsconfig.json'))),
  );
}

function runVitestProject(project) {
  mkdirSync('test-results', { recursive: true });
  const report = `test-results/${project}.json`;
  const result = run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    {
      env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
    },
  );
  if (!existsSync(report)) {
    recordCheck(`vitest ${project} (no report)`, false);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count but must still fail the run.
  const brokenFiles = json.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  for (const file of brokenFiles)
    recordCheck(`${project}: ${path.relative(root, file.name)} failed to load`, false);
  if (result.status !== 0 && json.numFailedTests === 0 && brokenFiles.length === 0)
    recordCheck(`vitest ${project}`, false);
  for (const file of json.testResults)
    for (const test of file.assertionResults)
      if (test.status === 'failed') failures.push(`${project}: ${test.fullName}`);
}

ensureNodeModules();
ensureSystemDeps();

for (const ws of workspaces()) {
  const result = run('npx', ['tsc', '--noEmit', '-p', ws]);
  recordCheck(`typecheck ${ws}`, result.status === 0);
}
recordCheck('lint (biome)', run('npx', ['biome', 'check', '.']).status === 0);

runVitestProject('unit');
runVitestProject('int');

const build = run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'apps/web') });
recordCheck('web build', build.status === 0);
if (build.status === 0) runVitestProject('e2e');

if (failures.length > 0) {
  console.log('\nFailed:');
  for (const name of failures) console.log(`  - ${name}`);
}
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 ? 1 : 0);
