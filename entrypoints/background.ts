import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Alerts and the badge arrive with the trust issue; the background makes no network requests.
});
