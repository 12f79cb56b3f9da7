import { Mark, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A matched value with the parts that matched marked (ranges come from the server). */
export function CustomerMatchText({
  text,
  ranges,
  size = 'sm',
}: {
  text: string;
  ranges: [number, number][];
  size?: 'xs' | 'sm';
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<Mark key={start}>{text.slice(start, end)}</Mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <Text span size={size} ff={/^[•\w-]+$/.test(text) ? 'monospace' : undefined}>
      {parts}
    </Text>
  );
}

export const MATCH_FIELD_LABEL = {
  email: 'Email',
  name: 'Name',
  company: 'Company / address',
  licenseKey: 'License key',
  orderId: 'Order id',
} as const;

export const MATCH_KIND_LABEL = {
  exact: 'exact',
  prefix: 'starts with',
  substring: 'contains',
  typo: 'similar',
} as const;
