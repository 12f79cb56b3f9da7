export { completeSecondFactor, type LoginResult, loginOwner, unlockLogins } from './login.ts';
export {
  type BackoffSchedule,
  backoffDelayMs,
  DEFAULT_THROTTLE_POLICY,
  loginRetryAfterMs,
  type ThrottlePolicy,
} from './login-throttle.ts';
export { createOwner, hasOwner, OWNER_ID, OwnerSetupError } from './owner.ts';
export { changeOwnerPassword, PasswordChangeError } from './owner-password.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { checkPasswordStrength, isCommonPassword, MIN_PASSWORD_LENGTH } from './password-policy.ts';
export { PendingSecondFactorStore } from './pending-second-factor.ts';
export {
  createSession,
  DEFAULT_SESSION_POLICY,
  deleteAllSessions,
  deleteSession,
  hashSessionToken,
  type OwnerSession,
  type SessionPolicy,
  validateSession,
  validateSessionNow,
} from './session.ts';
export {
  findSessions,
  logoutSession,
  revokeAllSessions,
  revokeSession,
  sessionHandle,
} from './session-list.ts';
export { SetupTokenStore } from './setup-token.ts';
export {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  type SecretSealer,
  TwoFactorError,
  verifySecondFactor,
} from './two-factor.ts';
export { describeUserAgent } from './user-agent.ts';
