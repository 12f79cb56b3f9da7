import { z } from 'zod';

/** Rows per page of a list: at least 1, at most 100, 25 unless asked; one bound for every list. */
export const ZPageLimit = z.number().int().min(1).max(100).default(25);
