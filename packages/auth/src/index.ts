export { type LoginResult, loginOwner } from './login.ts';
export { checkPasswordStrength, createOwner, hasOwner, OWNER_ID, OwnerSetupError } from './owner.ts';
export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
export {
  createSession,
  DEFAULT_SESSION_POLICY,
  deleteAllSessions,
  deleteSession,
  hashSessionToken,
  type OwnerSession,
  type SessionPolicy,
  validateSession,
} from './session.ts';
export { SetupTokenStore } from './setup-token.ts';
