import { PasswordInput, type PasswordInputProps, TextInput, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';

// The owner's password fields, alike in every form: the browser's password manager is told which
// is which (autocomplete), and a new password always states the rule the server enforces.

/** The owner's email as the account name, so the password manager pairs it with the password. */
export function AccountEmailInput(props: TextInputProps) {
  return <TextInput label="Email" type="email" autoComplete="username" required {...props} />;
}

/** The password the owner has now: sign-in, re-authentication, changing it. */
export function CurrentPasswordInput(props: PasswordInputProps) {
  return <PasswordInput label="Password" autoComplete="current-password" required {...props} />;
}

export const NEW_PASSWORD_RULE = 'At least 12 characters; very common passwords are refused.';

/** The length part of the rule, checked before sending; only the server can refuse a common password. */
export const ZNewPassword = z.string().min(12, 'Use at least 12 characters.').max(256);

type NewPasswordValues = { newPassword: string; confirm: string };

/** A form schema whose `confirm` field must repeat its `newPassword`. */
export function withRepeatedPassword<TForm extends z.ZodType<NewPasswordValues>>(form: TForm) {
  return form.refine((v) => v.newPassword === v.confirm, {
    path: ['confirm'],
    message: 'The passwords differ.',
  });
}

/** A form that sets a password: `otherValues` beside the new password and its repeat, all empty. */
export function useNewPasswordForm<TOther extends Record<string, string>>(
  schema: z.ZodType<TOther & NewPasswordValues>,
  otherValues: TOther,
) {
  return useForm({
    mode: 'uncontrolled',
    initialValues: { ...otherValues, newPassword: '', confirm: '' },
    validate: zod4Resolver(schema),
  });
}

/** A password being chosen, with its rule; `isRepeat` for the field that confirms it. */
export function NewPasswordInput({
  isRepeat = false,
  ...props
}: PasswordInputProps & { isRepeat?: boolean }) {
  return (
    <PasswordInput
      label={isRepeat ? 'Repeat password' : 'Password'}
      description={isRepeat ? undefined : NEW_PASSWORD_RULE}
      autoComplete="new-password"
      required
      {...props}
    />
  );
}
