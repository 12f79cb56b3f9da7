import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MboxMessage, readMbox } from './mbox-splitter.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function split(content: string): Promise<MboxMessage[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mbox-'));
  dirs.push(dir);
  const file = path.join(dir, 'x.mbox');
  writeFileSync(file, content);
  const out: MboxMessage[] = [];
  for await (const message of readMbox(file)) out.push(message);
  return out;
}

describe('readMbox', () => {
  it('keeps an unescaped From line in a body (mboxo) inside its message', async () => {
    const messages = await split(
      'From a@b Sun Aug  7 11:40:37 2022 extra info\nFrom: foo\nSubject: one\n\nHello\n\nFrom time to time\nwe meet.\n\n' +
        'From c@d Mon Aug  8 09:00:00 2022\nFrom: bar\nSubject: two\n\nBye\n',
    );
    expect(messages.map((m) => m.raw.toString())).toEqual([
      'From: foo\nSubject: one\n\nHello\n\nFrom time to time\nwe meet.\n',
      'From: bar\nSubject: two\n\nBye',
    ]);
  });

  it('keeps a body From line that is followed by a header-looking line but no blank line before', async () => {
    const messages = await split(
      'From a@b Sun Aug  7 11:40:37 2022\nFrom: x\n\nquoted:\nFrom here on\nNote: fine\n',
    );
    expect(messages).toHaveLength(1);
  });

  it('splits at an envelope line even when the writer left out the blank line before it', async () => {
    const messages = await split(
      'From a@b Sun Aug  7 11:40:37 2022\nFrom: x\n\nbody\nFrom a@b Mon Aug  8 11:40:37 2022\nFrom: y\n\nbody two\n',
    );
    expect(messages).toHaveLength(2);
  });

  it('unescapes mboxrd >From lines by one level, CRLF or LF', async () => {
    const [message] = await split(
      'From a@b Sun Aug  7 11:40:37 2022\r\nFrom: x\r\n\r\n>From me\r\n>>From you\r\n',
    );
    expect(message?.raw.toString()).toBe('From: x\r\n\r\nFrom me\r\n>From you');
  });

  it('yields text before the first separator with an empty separator, for the importer to judge', async () => {
    const messages = await split(
      'junk that is no mail\n\nFrom a@b Sun Aug  7 11:40:37 2022\nFrom: x\n\nhi\n',
    );
    expect(messages.map((m) => [m.separator, m.start])).toEqual([
      ['', 0],
      ['From a@b Sun Aug  7 11:40:37 2022', 22],
    ]);
  });

  it('reads a lone message file with no separator as one message', async () => {
    const messages = await split('From: x\nSubject: eml\n\nhi\n');
    expect(messages.map((m) => m.raw.toString())).toEqual(['From: x\nSubject: eml\n\nhi']);
  });
});
