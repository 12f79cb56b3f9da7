import { createSession, DEFAULT_SESSION_POLICY } from '@keydesk/auth';
import { expect, it } from 'vitest';
import { useWebhookServer } from './webhooks/webhook-fixtures.ts';

const testBed = useWebhookServer({});

const CSV =
  'REFNO,SALEDATE,ORDERSTATUS,CUSTOMEREMAIL,IPN_PNAME,IPN_TOTALGENERAL,CURRENCY\n1,2024-01-01 10:00:00,COMPLETE,a@b.example,Tessera 5,10.00,USD\nbad,row\n';

it('streams an uploaded CSV into a background import the UI can poll, for the signed-in owner only', async () => {
  const url = `${testBed.server.url}/imports/upload?kind=orders&reseller=avangate`;
  expect((await fetch(url, { method: 'POST', body: CSV })).status).toBe(401);
  const { token } = await createSession({ db: testBed.db, now: new Date(), policy: DEFAULT_SESSION_POLICY });
  const cookie = `keydesk_session=${token}`;
  expect(
    (await fetch(url, { method: 'POST', body: CSV, headers: { cookie, origin: 'https://evil.example' } }))
      .status,
  ).toBe(403);
  expect(
    (
      await fetch(`${testBed.server.url}/imports/upload?kind=mystery`, {
        method: 'POST',
        body: CSV,
        headers: { cookie },
      })
    ).status,
  ).toBe(400);

  const res = await fetch(url, { method: 'POST', body: CSV, headers: { cookie } });
  expect(res.status).toBe(202);
  const { importRunId } = (await res.json()) as { importRunId: number };
  const read = () =>
    testBed.db.sqlite
      .prepare('SELECT status, created, rejected, errors FROM ImportRun WHERE id = ?')
      .safeIntegers(false)
      .get(importRunId) as {
      status: string;
      created: number;
      rejected: number;
      errors: string;
    };
  for (let i = 0; i < 50 && read().status === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
  expect(read()).toMatchObject({ status: 'completed', created: 1, rejected: 1 });
  expect(JSON.parse(read().errors)).toEqual([{ line: 3, reason: 'expected 7 columns, found 2' }]);
});
