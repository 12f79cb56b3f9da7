import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { emailDocument, sanitiseEmailHtml, splitQuotedText } from './conversation-email-html.ts';

/** Plain text shown as text (never HTML), with the quoted history folded away. */
export function ConversationPlainText({ text }: { text: string }) {
  const [showQuoted, setShowQuoted] = useState(false);
  const { visible, quoted } = useMemo(() => splitQuotedText(text), [text]);
  return (
    <Stack gap={4}>
      <Text component="div" className="conversation-plain-text">
        {visible}
      </Text>
      {quoted ? (
        <>
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => setShowQuoted((v) => !v)}
            aria-expanded={showQuoted}
            w="fit-content"
          >
            {showQuoted ? 'Hide quoted text' : 'Show quoted text'}
          </Button>
          {showQuoted ? (
            <Text component="div" c="dimmed" className="conversation-plain-text">
              {quoted}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

/** HTML email: sanitised, in a sandboxed iframe without scripts, remote images held back. */
export function ConversationEmailHtml({ html, label }: { html: string; label: string }) {
  const [loadRemote, setLoadRemote] = useState(false);
  const [showQuoted, setShowQuoted] = useState(false);
  const sanitised = useMemo(() => sanitiseEmailHtml(html, { loadRemote }), [html, loadRemote]);
  const doc = useMemo(
    () => emailDocument(sanitised.html, { loadRemote, showQuoted }),
    [sanitised, loadRemote, showQuoted],
  );
  return (
    <Stack gap={6}>
      {sanitised.blockedRemote > 0 && !loadRemote ? (
        <Alert variant="light" color="gray" p="xs">
          <Group justify="space-between">
            <Text size="sm">Remote images are blocked: they can tell the sender you read this.</Text>
            <Button size="xs" variant="default" onClick={() => setLoadRemote(true)}>
              Load remote images
            </Button>
          </Group>
        </Alert>
      ) : null}
      <iframe
        title={label}
        className="conversation-email-frame"
        // No allow-scripts and no allow-same-origin: the email runs nothing and reaches nothing.
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={doc}
        data-testid="email-html-frame"
      />
      <Button
        variant="subtle"
        size="compact-xs"
        w="fit-content"
        aria-expanded={showQuoted}
        onClick={() => setShowQuoted((v) => !v)}
      >
        {showQuoted ? 'Hide quoted text' : 'Show quoted text'}
      </Button>
    </Stack>
  );
}
