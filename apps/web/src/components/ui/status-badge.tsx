import { Badge } from '@mantine/core';
import { type StatusVocabulary, statusLook } from '../../lib/statuses.ts';

/** A status as a word first and a colour second, from one of the shared vocabularies. */
export function StatusBadge({
  vocabulary,
  status,
  title,
}: {
  vocabulary: StatusVocabulary;
  status: string;
  title?: string;
}) {
  const look = statusLook(vocabulary, status);
  return (
    <Badge variant="light" color={look.color} title={title}>
      {look.label}
    </Badge>
  );
}
