import { Box, Code, Tabs, Text } from '@mantine/core';

/**
 * An email's two parts. The HTML part is shown in an iframe sandboxed with no permissions at all:
 * no script, no forms, no same-origin access, and the page's CSP still applies to it.
 */
export function MailPreviewFrame({ html, text, label }: { html: string; text: string; label: string }) {
  return (
    <Tabs defaultValue="html" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="html">HTML part</Tabs.Tab>
        <Tabs.Tab value="text">Plain-text part</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="html" pt="xs">
        <Box
          component="iframe"
          title={`${label}: HTML part`}
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={html}
          data-testid="mail-preview-html"
          w="100%"
          h={340}
          bd="1px solid var(--mantine-color-default-border)"
          bg="white"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="text" pt="xs">
        {text ? (
          <Code
            block
            data-testid="mail-preview-text"
            mah={340}
            style={{ overflow: 'auto', whiteSpace: 'pre-wrap' }}
          >
            {text}
          </Code>
        ) : (
          <Text c="dimmed" size="sm">
            The plain-text part is empty.
          </Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
