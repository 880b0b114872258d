/** The account mode's last inputs, restored when the popup opens. */
import { storage } from '#imports';
import { EMPTY_ACCOUNT_FORM, type AccountForm } from './account-form';

export const accountInputsItem = storage.defineItem<AccountForm>('local:accountInputs', {
  fallback: EMPTY_ACCOUNT_FORM,
  version: 1,
});
