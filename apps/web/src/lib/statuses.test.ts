import { describe, expect, it } from 'vitest';
import { ORDER_STATUS, resellerLabel, statusLook } from './statuses.ts';

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
