import { z } from 'zod';
import { ZId } from '../id.schemas.ts';
import { pageOf, ZPageLimit } from '../page.schemas.ts';

export const ZAuditFindInput = z.object({
  action: z.string().trim().min(1).max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: ZId.optional(),
  limit: ZPageLimit,
});

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  actor: z.string(),
  action: z.string(),
  customerId: z.number().int().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.string().nullable(),
});

export const ZAuditFindOutput = pageOf(ZAuditEntry);

export const ZAuditActionsOutput = z.array(z.string());
