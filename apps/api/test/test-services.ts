// Services for tests that call routers or routes without starting the server: a fixed secret key,
// a silent logger and the default policies, any of which a test may override.
import { DEFAULT_THROTTLE_POLICY, PendingSecondFactorStore, SetupTokenStore } from '@keydesk/auth';
import type { Db } from '@keydesk/db';
import { createSecretBox, createSettingsStore } from '@keydesk/settings';
import type { AppServices } from '../src/context.ts';
import { silentLogger } from '../src/logger.ts';

export function createServicesForTest(db: Db, overrides: Partial<AppServices> = {}): AppServices {
  return {
    db,
    settings: createSettingsStore(db, createSecretBox(Buffer.alloc(32, 7))),
    logger: silentLogger,
    sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
    setupTokens: new SetupTokenStore(),
    pendingSecondFactors: new PendingSecondFactorStore(),
    loginThrottle: DEFAULT_THROTTLE_POLICY,
    trustProxy: false,
    now: () => new Date(),
    ...overrides,
  };
}
