import { z } from 'zod';

/** A row id sent by the browser; ids start at 1, so 0 and negatives are refused before any query. */
export const ZId = z.number().int().positive();

/** The input of every procedure that fetches or acts on one row by its id. */
export const ZIdInput = z.object({ id: ZId });
