import type { RouterOutputs } from '@keydesk/api';
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  type TextareaProps,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { MailHeaderLine } from '../mail/mail-header-line.tsx';
import { MailPreviewFrame } from '../mail/mail-preview-frame.tsx';

type TemplateEntry = RouterOutputs['mail']['template']['find']['items'][number];

const SOURCE_LABELS: Record<TemplateEntry['source'], string> = {
  product: 'Own template',
  default: 'Uses the default template',
  'built-in': 'Uses the built-in text',
};

// Both parts of the body are edited alike: code-like text, so in a fixed-width font.
const BODY_PART_INPUT = {
  required: true,
  autosize: true,
  minRows: 6,
  maxRows: 16,
  classNames: { input: 'mono' },
} satisfies TextareaProps;

function productLabel(product: string): string {
  return product === '*' ? 'Default (every product without its own)' : product;
}

/** Edit a product's key email, previewed live with the newest real license of that product. */
export function SettingsTemplateEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.mail.template.find.queryOptions());
  const [product, setProduct] = useState('*');
  const selected = templates.data?.items.find((t) => t.product === product);
  const form = useForm({ initialValues: { subject: '', textBody: '', htmlBody: '' } });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the chosen template when it or the choice changes
  useEffect(() => {
    if (!selected) return;
    const values = { subject: selected.subject, textBody: selected.textBody, htmlBody: selected.htmlBody };
    form.setValues(values);
    form.resetDirty(values);
  }, [selected?.product, selected?.updatedAt?.getTime(), selected?.source]);

  const [draft] = useDebouncedValue(form.values, 400);
  const preview = useQuery({
    ...trpc.mail.template.preview.queryOptions({ product, ...draft }),
    enabled: Boolean(selected && draft.subject.trim() && draft.textBody && draft.htmlBody),
    placeholderData: keepPreviousData,
    retry: false,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mail.template.find.queryKey() });
  const save = useMutation(
    trpc.mail.template.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: `Template for ${productLabel(product)} saved.` });
        await refresh();
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }),
    }),
  );
  const reset = useMutation(
    trpc.mail.template.reset.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: `${product} uses the default template again.` });
        await refresh();
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not reset', message: error.message }),
    }),
  );

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        License key email
      </Title>
      {templates.error ? (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : null}
      {templates.isLoading ? <SkeletonRows rows={6} /> : null}
      {templates.data && selected ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <form onSubmit={form.onSubmit((values) => save.mutate({ product, ...values }))} noValidate>
            <Stack gap="sm">
              <Group align="flex-end" gap="sm">
                <Select
                  label="Product"
                  data={templates.data.items.map((t) => ({
                    value: t.product,
                    label: productLabel(t.product),
                  }))}
                  value={product}
                  onChange={(value) => value && setProduct(value)}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                />
                <Badge variant="light" color={selected.source === 'product' ? 'teal' : 'gray'} mb={6}>
                  {product === '*' && selected.isCustom ? 'Own template' : SOURCE_LABELS[selected.source]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                Variables:{' '}
                {templates.data.variables.map((name) => (
                  <Code key={name} mr={4}>{`{{${name}}}`}</Code>
                ))}
                — values are escaped in the HTML part. Both parts must contain <Code>{'{{key}}'}</Code>.
              </Text>
              <TextInput label="Subject" required maxLength={300} {...form.getInputProps('subject')} />
              <Textarea label="Plain-text part" {...BODY_PART_INPUT} {...form.getInputProps('textBody')} />
              <Textarea label="HTML part" {...BODY_PART_INPUT} {...form.getInputProps('htmlBody')} />
              <Group justify="flex-end">
                {product !== '*' && selected.isCustom ? (
                  <Button
                    variant="default"
                    loading={reset.isPending}
                    onClick={() => reset.mutate({ product })}
                  >
                    Use the default template
                  </Button>
                ) : null}
                <Button type="submit" loading={save.isPending}>
                  Save template
                </Button>
              </Group>
            </Stack>
          </form>
          <Stack gap="xs" aria-live="polite">
            <Text fw={600} size="sm">
              Preview
            </Text>
            {preview.error ? (
              <Text size="sm" c="red.8" role="alert">
                {preview.error.message}
              </Text>
            ) : null}
            {preview.data ? (
              <>
                <Text size="xs" c="dimmed">
                  {preview.data.sample.licenseId
                    ? `With the newest license of this product (#${preview.data.sample.licenseId}${preview.data.sample.customerName ? `, ${preview.data.sample.customerName}` : ''}) and a sample key.`
                    : 'With sample values: no license of this product exists yet.'}
                </Text>
                <MailHeaderLine name="Subject">{preview.data.subject}</MailHeaderLine>
                <MailPreviewFrame
                  html={preview.data.html}
                  text={preview.data.text}
                  label="Template preview"
                />
              </>
            ) : preview.isLoading ? (
              <SkeletonRows rows={4} />
            ) : null}
          </Stack>
        </SimpleGrid>
      ) : null}
    </Card>
  );
}
