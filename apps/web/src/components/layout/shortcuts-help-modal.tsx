import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type Shortcut, usePageShortcuts } from '../../lib/shortcuts.ts';
import { BUILT_IN_SHORTCUTS, shortcutKeyLabels } from './shortcut-list.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function groupShortcuts(shortcuts: readonly Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const s of shortcuts) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups];
}

/** The `?` dialog: every shortcut, the ones the current page adds included. */
export function ShortcutsHelpModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const pageShortcuts = usePageShortcuts();
  const groups = groupShortcuts([...BUILT_IN_SHORTCUTS, ...pageShortcuts]);
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {groups.map(([group, shortcuts]) => (
          <Stack key={group} gap={4}>
            <Title order={3} size="h6" c="dimmed" tt="uppercase">
              {group}
            </Title>
            <Table verticalSpacing={4} highlightOnHover={false} withRowBorders={false}>
              <Table.Tbody>
                {shortcuts.map((s) => (
                  <Table.Tr key={`${s.group}:${s.keys}`}>
                    <Table.Td>
                      <Text size="sm">{s.description}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {shortcutKeyLabels(s.keys, isMac).map((key, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a sequence may repeat a key
                          <Kbd key={i}>{key}</Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
