import { parseArgs } from 'node:util';
import { createOrderCsvKind } from '@keydesk/ingestion';
import { type CliImporter, runCsvCli } from './cli-importer.ts';

export const ordersImporter: CliImporter = {
  usage: 'orders FILE --reseller paypro|avangate [--force]   reseller order export (CSV)',
  run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      options: { reseller: { type: 'string' }, force: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    if (values.reseller !== 'paypro' && values.reseller !== 'avangate') {
      console.error('Say whose export it is: --reseller paypro or --reseller avangate.');
      return Promise.resolve(2);
    }
    return runCsvCli({
      ...context,
      file: positionals[0],
      kind: createOrderCsvKind(values.reseller),
      force: values.force,
    });
  },
};
