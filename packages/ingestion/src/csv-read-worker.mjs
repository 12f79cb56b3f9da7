// Entry of the CSV read worker thread, in plain JavaScript so node can start it under any loader.
// The TypeScript worker loads through the parent's loader when the worker inherited one (tsx),
// otherwise (a vitest fork, plain node) through tsx registered here.
try {
  await import('./csv-read-worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  // A new URL: the failed first attempt stays cached under the plain one.
  await import('./csv-read-worker.ts?with-tsx');
}
