import { Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** Read-only: the rule the customer page applies to every license, in words. */
export function SettingsUpgradeRule() {
  const trpc = useTRPC();
  const rule = useQuery(trpc.license.upgradeRule.queryOptions());
  return (
    <Card component="section" aria-labelledby="settings-upgrade-rule-title">
      <Title order={2} size="h4" id="settings-upgrade-rule-title" mb="xs">
        Upgrade eligibility
      </Title>
      {rule.error ? (
        <QueryError error={rule.error} onRetry={() => void rule.refetch()} />
      ) : !rule.data ? (
        <SkeletonRows rows={3} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            Current version {rule.data.currentMajorVersion}; free upgrades for {rule.data.freeUpgradeMonths}{' '}
            months after purchase. The customer and license pages show this verdict for every license.
          </Text>
          <List size="sm" spacing={4} data-testid="upgrade-rule-lines">
            {rule.data.lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}
