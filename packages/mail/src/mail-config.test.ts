import { describe, expect, it } from 'vitest';
import { getMailStatus, resolveMailConfig } from './mail-config.ts';
import { addressOf, createMessageId } from './message-id.ts';

function settingsOf(values: { url?: string; from?: string; isBroken?: boolean }) {
  return {
    get: (key: string) => (key === 'smtp.from' ? (values.from ?? null) : null),
    getSecret: (key: string) => {
      if (values.isBroken) throw new Error('A stored secret cannot be decrypted with this key.');
      return key === 'smtp.url' ? (values.url ?? null) : null;
    },
  };
}

describe('mail configuration', () => {
  it('prefers Settings, falls back to the environment, and needs both server and sender', () => {
    const env = { smtpUrl: 'smtp://env.example:25', from: 'env@example.com' };
    expect(
      resolveMailConfig(settingsOf({ url: 'smtp://s.example:587', from: 'me@example.com' }), env),
    ).toEqual({
      smtpUrl: 'smtp://s.example:587',
      from: 'me@example.com',
    });
    expect(resolveMailConfig(settingsOf({}), env)).toEqual(env);
    expect(resolveMailConfig(settingsOf({ url: 'smtp://s.example' }), {})).toBeNull();
    expect(resolveMailConfig(settingsOf({ from: 'me@example.com' }), {})).toBeNull();
  });

  it('describes the server without its credentials and names what is missing', () => {
    expect(getMailStatus(settingsOf({ url: 'smtp://user:pw@mail.example.com', from: 'a@b.co' }))).toEqual({
      isConfigured: true,
      server: 'smtp://mail.example.com:587',
      from: 'a@b.co',
      source: 'settings',
      problem: null,
    });
    expect(getMailStatus(settingsOf({ url: 'smtps://mail.example.com' })).problem).toBe(
      'The sender address is missing.',
    );
    expect(getMailStatus(settingsOf({ isBroken: true, from: 'a@b.co' }))).toMatchObject({
      isConfigured: false,
      problem: 'A stored secret cannot be decrypted with this key.',
    });
    expect(getMailStatus(settingsOf({}))).toMatchObject({ isConfigured: false, source: null, problem: null });
  });
});

describe('Message-ID', () => {
  it('is unique, in angle brackets, on the sender domain', () => {
    const first = createMessageId('Support <support@Keydesk.Example>');
    expect(first).toMatch(/^<[0-9a-f-]{36}@keydesk\.example>$/);
    expect(createMessageId('support@keydesk.example')).not.toBe(first);
    expect(createMessageId(null)).toMatch(/@keydesk\.localhost>$/);
    expect(addressOf('Support <s@example.com>')).toBe('s@example.com');
  });
});
