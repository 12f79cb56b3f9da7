export {
  addCustomerNote,
  type CustomerNote,
  deleteCustomerNote,
  updateCustomerNote,
} from './customer-notes.ts';
export { type CustomerStory, getCustomer, type TimelineEntry } from './get-customer.ts';
export { lookupLicense } from './lookup-license.ts';
export {
  DEFAULT_UPGRADE_RULE,
  describeUpgradeRule,
  getUpgradeEligibility,
  readUpgradeRule,
  UPGRADE_SETTING_KEYS,
  type UpgradeEligibility,
  type UpgradeRule,
  type UpgradeStatus,
} from './upgrade-eligibility.ts';
