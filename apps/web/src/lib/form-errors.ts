// Turns a failed tRPC call into words for a toast, and into per-field errors for a Mantine form.
import { TRPCClientError } from '@trpc/client';

type FlattenedZodError = { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };

function zodErrorOf(error: unknown): FlattenedZodError | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { zodError?: FlattenedZodError | null } | undefined;
  return data?.zodError ?? null;
}

/** One sentence to show the owner. Validation failures name the first bad field's message. */
export function errorMessage(error: unknown): string {
  const zod = zodErrorOf(error);
  if (zod) {
    const first = zod.formErrors?.[0] ?? Object.values(zod.fieldErrors ?? {}).find((m) => m?.length)?.[0];
    if (first) return first;
  }
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return 'Something went wrong. Try again.';
}

/** `{ field: message }` from the server's validation, ready for `form.setErrors(...)`. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const fields = zodErrorOf(error)?.fieldErrors ?? {};
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields)) {
    const first = messages?.[0];
    if (first) result[field] = first;
  }
  return result;
}
