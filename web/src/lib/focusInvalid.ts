/**
 * After a submit refused before sending (a required field empty, a code of the wrong form): once the
 * errors are drawn, focus the first field marked invalid, so its label and error (bound by
 * `aria-describedby`) are read out and the person is where the fix is.
 */
export function focusFirstInvalid(form: EventTarget | null | undefined) {
  if (!(form instanceof HTMLFormElement)) return;
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
