/** What the staff and product tabs' forms share: the API's e-mail rule and its refusals shown at their fields. */
import type { FormInstance } from 'antd';
import type { CombinedError } from 'urql';
import { errorCode, errorMessage, fieldErrors } from '../../client';

/**
 * The API's own test of an e-mail address (`Checks::email`): trimmed and lower-cased, at most
 * 254 characters, something before the `@`, a dot inside the domain but not at its ends, no
 * second `@` and no white space.
 */
export function isEmail(value: string): boolean {
  const email = value.trim().toLowerCase();
  const at = email.indexOf('@');
  if (email.length > 254 || at < 1 || /\s/.test(email)) return false;
  const domain = email.slice(at + 1);
  return domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.') && !domain.includes('@');
}

/**
 * Shows a refused mutation on its form: each BAD_USER_INPUT field error at the form's field of
 * that name, a CONFLICT at `conflict` (the API names no field for it: the e-mail, the alias,
 * the 商品ID); whatever has no field of the form is told through `notify`, in the API's words.
 * antd clears a field's error as soon as it is edited.
 */
export function showRefusal<V>(
  form: FormInstance<V>,
  error: CombinedError,
  fields: readonly (keyof V & string)[],
  notify: (text: string) => void,
  conflict?: keyof V & string,
): void {
  const byField = fieldErrors(error);
  if (conflict && errorCode(error) === 'CONFLICT') byField[conflict] = errorMessage(error) ?? '';
  const known = new Set<string>(fields);
  const shown = Object.entries(byField).filter(([field]) => known.has(field));
  type Field = Parameters<FormInstance<V>['setFields']>[0][number];
  form.setFields(shown.map(([name, message]): Field => ({ name, errors: [message] }) as Field));
  if (shown.length === 0 || shown.length < Object.keys(byField).length) notify(errorMessage(error) ?? '');
}
