// Says which sales the home-currency figures leave out for want of an exchange rate, instead of
// converting them at a guessed rate.
import { Alert } from '@mantine/core';
import { formatDay } from '../../components/charts/chart-format.ts';

type Missing = { currency: string; days: number; firstDay: string; lastDay: string };

export function AnalyticsMissingRates({ home }: { home: { currency: string; missing: Missing[] } }) {
  if (home.missing.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="xs"
      data-testid="missing-rates"
      title="Some sales are not converted"
    >
      {home.missing
        .map(
          (gap) =>
            `No ECB rate for ${gap.currency} on ${gap.days} ${gap.days === 1 ? 'day' : 'days'} (${formatDay(gap.firstDay)} to ${formatDay(gap.lastDay)})`,
        )
        .join('; ')}
      . Those sales are left out of the {home.currency} figures; pick their currency above to see them.
    </Alert>
  );
}
