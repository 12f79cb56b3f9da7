export {
  CARD_REDACTION_MARK,
  containsCardNumber,
  isCardField,
  isCardNumber,
  passesLuhn,
  redactCardNumbers,
  redactJson,
  redactPairs,
  redactRecord,
} from './redact-card-numbers.ts';
export { type CardNumberFinding, scanForCardNumbers } from './scan-for-card-numbers.ts';
