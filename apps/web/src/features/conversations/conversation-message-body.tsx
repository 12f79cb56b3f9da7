import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type SyntheticEvent, useEffect, useMemo, useRef, useState } from 'react';
import { formatCount } from '../../lib/format.ts';
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

const MIN_FRAME_HEIGHT = 60;
const MAX_FRAME_HEIGHT = 4000;

/**
 * The frame's height follows its document. The frame may be same-origin (it runs no script: no
 * allow-scripts, and its CSP forbids script), so the page measures it on load and whenever its
 * body changes size (images arriving, the quoted part shown, the window narrowing).
 */
function useFrameHeight() {
  const [height, setHeight] = useState(MIN_FRAME_HEIGHT);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const onLoad = (event: SyntheticEvent<HTMLIFrameElement>) => {
    const doc = event.currentTarget.contentDocument;
    if (!doc?.body) return;
    const measure = () => {
      const content = Math.max(doc.documentElement.scrollHeight, doc.body.scrollHeight);
      setHeight(Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, content)));
    };
    measure();
    observer.current?.disconnect();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(doc.body);
  };
  return { height, onLoad };
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
  const frame = useFrameHeight();
  const insecure = sanitised.insecureImages;
  return (
    <Stack gap={6}>
      {sanitised.blockedRemote > 0 && !loadRemote ? (
        <Alert variant="light" color="gray" p="xs" data-testid="remote-images-banner">
          <Group justify="space-between">
            <Text size="sm">Remote images are blocked: they can tell the sender you read this.</Text>
            <Button size="xs" variant="default" onClick={() => setLoadRemote(true)}>
              Load remote images
            </Button>
          </Group>
        </Alert>
      ) : null}
      {loadRemote && insecure > 0 ? (
        <Alert variant="light" color="yellow" p="xs" role="status" data-testid="remote-images-banner">
          <Text size="sm">
            {insecure === 1
              ? '1 image could not be loaded: '
              : `${formatCount(insecure)} images could not be loaded: `}
            {insecure === 1 ? 'it is' : 'they are'} sent over plain http, which Keydesk does not load (only
            https).
          </Text>
        </Alert>
      ) : null}
      <iframe
        title={label}
        className="conversation-email-frame"
        // allow-same-origin only lets this page measure the document to size the frame; without
        // allow-scripts the email runs nothing (its CSP forbids script too), so it cannot read the
        // app's cookies or call tRPC, and the sanitiser drops every URL that resolves to the app.
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={doc}
        onLoad={frame.onLoad}
        style={{ height: frame.height }}
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
