import { FORM_FIELDS, OUTCOME_MESSAGES } from './desk';

/** What the comment route answers a request that accepts JSON. */
interface JsonOutcome {
  status: keyof typeof OUTCOME_MESSAGES;
  message: string;
  errors?: Record<string, string>;
}

/** The same POST by fetch, shown in place, with how long the page was open (bots are quicker). */
export function enhanceCommentForms(root: Document): void {
  const loadedAt = performance.now();
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-comment-form]')) {
    const status = form.querySelector<HTMLElement>('[data-comment-status]');
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    const show = (outcome: JsonOutcome) => {
      if (status) status.textContent = outcome.message;
      for (const error of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
        const field = error.dataset.errorFor ?? '';
        const message = outcome.errors?.[field] ?? '';
        error.textContent = message;
        const input = form.elements.namedItem(field);
        if (input instanceof HTMLElement) {
          if (message) input.setAttribute('aria-invalid', 'true');
          else input.removeAttribute('aria-invalid');
        }
      }
    };

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value === 'string') data.append(key, value);
      }
      data.set(FORM_FIELDS.elapsed, String(Math.round(performance.now() - loadedAt)));
      if (button) button.disabled = true;
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: data,
          headers: { Accept: 'application/json' },
        });
        const outcome = (await response.json()) as JsonOutcome;
        show(outcome);
        if (outcome.status === 'received') {
          const body = form.elements.namedItem('body');
          if (body instanceof HTMLTextAreaElement) body.value = '';
        }
      } catch {
        show({ status: 'unavailable', message: OUTCOME_MESSAGES.unavailable });
      } finally {
        if (button) button.disabled = false;
      }
    });
  }
}
