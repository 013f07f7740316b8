/**
 * A form's submit handler, attached through `ref`. Solid's own `on:submit` goes through a
 * helper in solid-js/web, which lives in the kiosk's main chunk: the respondent would load it
 * for these screens alone (submit is not a delegated event, unlike click and input).
 */
export function submitListener(handler: (event: SubmitEvent) => unknown) {
  return (form: HTMLFormElement) =>
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void handler(event);
    });
}
