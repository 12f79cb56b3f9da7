// license.lookup and license.upgradeRule. The resend procedures are a router of their own,
// mounted beside this one as `licenseResend` (root.ts).
import { describeUpgradeRule, lookupLicense, readUpgradeRule } from '@keydesk/customers';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZCustomerRef, ZLicenseRow, ZOrderRow } from '../customer/customer.schemas.ts';
import { ZLicenseCustomer } from './license.schemas.ts';

const ZShape = z.enum(['valid', 'bad-checksum', 'not-keydesk-format']);

export const ZLicenseLookupInput = z.object({ key: z.string().trim().min(1).max(200) });
export const ZLicenseLookupOutput = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    shape: ZShape,
    license: ZLicenseRow,
    customer: ZLicenseCustomer.nullable(),
    orders: z.array(ZOrderRow),
  }),
  z.object({
    found: z.literal(false),
    shape: ZShape,
    closest: z.array(
      z.object({
        licenseId: z.number().int(),
        key: z.string(),
        distance: z.number().int(),
        customer: ZCustomerRef.nullable(),
      }),
    ),
  }),
]);

export const licenseLookupRouter = createRouter({
  lookup: ownerProcedure
    .input(ZLicenseLookupInput)
    .output(ZLicenseLookupOutput)
    .query(({ ctx, input }) =>
      lookupLicense({ db: ctx.db, key: input.key, rule: readUpgradeRule(ctx.settings), now: ctx.now() }),
    ),

  upgradeRule: ownerProcedure
    .input(z.void())
    .output(
      z.object({
        currentMajorVersion: z.number().int(),
        freeUpgradeMonths: z.number().int(),
        lines: z.array(z.string()),
      }),
    )
    .query(({ ctx }) => {
      const rule = readUpgradeRule(ctx.settings);
      return { ...rule, lines: describeUpgradeRule(rule) };
    }),
});
