import { parseArgs } from 'node:util';
import { createNewsletterCsvKind } from '@keydesk/ingestion';
import { type CliImporter, runCsvCli } from './cli-importer.ts';

export const newsletterImporter: CliImporter = {
  usage: 'newsletter FILE [--force]                          mailing-list export (CSV); never resubscribes',
  run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    return runCsvCli({
      ...context,
      file: positionals[0],
      kind: createNewsletterCsvKind(),
      force: values.force,
    });
  },
};
