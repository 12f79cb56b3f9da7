// The home currency the owner thinks in: revenue is converted into it at each order's day's ECB
// rate. Shows how far the stored rates reach, or that there are none yet.
import { Group, Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDay } from '../../components/charts/chart-format.ts';
import { useTRPC } from '../../lib/trpc.ts';

// The ECB quotes these against the euro; the euro itself is the base.
const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'ISK',
  'TRY',
  'BRL',
  'CNY',
  'HKD',
  'IDR',
  'ILS',
  'INR',
  'KRW',
  'MXN',
  'MYR',
  'NZD',
  'PHP',
  'SGD',
  'THB',
  'ZAR',
];

export function AnalyticsHomeCurrency() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.analytics.moneySettings.queryOptions());
  const save = useMutation(
    trpc.analytics.setHomeCurrency.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.analytics.pathFilter()),
    }),
  );
  const data = settings.data;
  return (
    <Group gap="sm" align="center" data-testid="home-currency">
      <Select
        size="xs"
        w={110}
        label="Home currency"
        placeholder="None"
        data={CURRENCIES}
        value={data?.homeCurrency ?? null}
        disabled={!data || save.isPending}
        clearable
        onChange={(value) => save.mutate({ homeCurrency: value })}
      />
      <Text size="xs" c="dimmed" mt={18}>
        {data?.homeCurrency
          ? data.ratesThrough
            ? `Converted at each order's day's ECB rate; rates through ${formatDay(data.ratesThrough)}.`
            : 'No exchange rates yet: the server fetches the ECB rates once a day. Until then revenue stays per currency.'
          : 'Pick one to see revenue from every currency as one figure.'}
      </Text>
    </Group>
  );
}
