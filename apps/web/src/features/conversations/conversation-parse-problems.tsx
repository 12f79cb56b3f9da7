import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** What the importer could not read cleanly in one message, so a garbled or empty body is explained. */
export function ConversationParseProblems({ problems }: { problems: string[] }) {
  return (
    <Alert
      mt="xs"
      variant="light"
      color="yellow"
      icon={<IconAlertTriangle size={16} aria-hidden />}
      title="Parse problem: this message was not read cleanly"
      aria-label="Parse problem"
    >
      <List size="sm">
        {problems.map((problem) => (
          <List.Item key={problem}>{problem}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
