// The audit package's SQL home (issue 21): every statement it runs, with named parameters and
// the shape of its rows.
import { sql } from '@keydesk/db';

export const insertAuditEntry = sql<
  never,
  {
    at: number;
    actor: string;
    action: string;
    customerId: number | null;
    targetType: string | null;
    targetId: string | null;
    ip: string | null;
    details: string | null;
  }
>(
  `INSERT INTO AuditLog (at, actor, action, customerId, targetType, targetId, ip, details)
   VALUES (@at, @actor, @action, @customerId, @targetType, @targetId, @ip, @details)`,
);

/** The (action, at) index answers it without a scan. */
export const auditActions = sql<{ action: string }>(
  'SELECT DISTINCT action FROM AuditLog ORDER BY action LIMIT 500',
);
