import { sql } from '@keydesk/db';

export const pingSql = sql<{ one: number }>('SELECT 1 AS one');
