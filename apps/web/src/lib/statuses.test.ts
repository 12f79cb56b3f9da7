import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUS,
  JOB_STATUS,
  ORDER_STATUS,
  OUTBOX_STATUS,
  RECIPIENT_STATUS,
  RECIPIENT_STATUSES,
  resellerLabel,
  type StatusLook,
  statusLook,
  suppressionLook,
} from './statuses.ts';

describe('statusLook', () => {
  it('gives a known status its label and colour', () => {
    expect(statusLook(ORDER_STATUS, 'charged_back')).toEqual({ label: 'Charged back', color: 'red' });
  });

  it('shows an unknown status as readable words in a neutral colour', () => {
    expect(statusLook(ORDER_STATUS, 'on_hold_review')).toEqual({ label: 'On hold review', color: 'gray' });
  });
});

describe('resellerLabel', () => {
  it('names each reseller one way everywhere', () => {
    expect(resellerLabel('avangate')).toBe('Avangate (2Checkout)');
    expect(resellerLabel('paypro')).toBe('PayPro Global');
    expect(resellerLabel('manual')).toBe('Manual');
    expect(resellerLabel('fastspring')).toBe('fastspring');
  });
});

describe('RECIPIENT_STATUSES', () => {
  it('lists the recipient vocabulary in the order a campaign moves through it, for the filter', () => {
    expect(RECIPIENT_STATUSES.slice(0, 3)).toEqual(['pending', 'queued', 'sent']);
    expect(RECIPIENT_STATUSES).toHaveLength(new Set(RECIPIENT_STATUSES).size);
  });
});

describe('suppressionLook', () => {
  it('names a known reason and explains it on hover', () => {
    expect(suppressionLook('complaint')).toEqual({
      label: 'Marked as spam',
      color: 'orange',
      title: 'The recipient reported an announcement as spam',
    });
  });

  it('still marks an address with an unknown reason as left out', () => {
    expect(suppressionLook('legal_hold')).toEqual({
      label: 'No announcements',
      color: 'orange',
      title: 'legal_hold',
    });
  });
});

describe("the vocabularies of Keydesk's own work", () => {
  it('give a status they share one look, so a failed email, job and recipient are the same red', () => {
    const looks = new Map<string, StatusLook[]>();
    for (const vocabulary of [OUTBOX_STATUS, JOB_STATUS, CAMPAIGN_STATUS, RECIPIENT_STATUS]) {
      for (const [status, look] of Object.entries(vocabulary)) {
        looks.set(status, [...(looks.get(status) ?? []), look]);
      }
    }
    const shared = [...looks].filter(([, each]) => each.length > 1);
    expect(shared.map(([status]) => status)).toEqual(expect.arrayContaining(['sending', 'sent', 'failed']));
    for (const [, [first, ...others]] of shared) {
      for (const other of others) expect(other).toEqual(first);
    }
  });
});
